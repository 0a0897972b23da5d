//! API SKELETON — to be implemented.
use std::path::PathBuf;

use marsad_model::{Published, RawArticle, ReadProblem};

/// Limits that keep memory bounded on hostile input.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// A record (or a single-record file) whose text is larger than this is reported, not read.
    pub max_record_bytes: usize,
    /// A file larger than this is reported, not read.
    pub max_file_bytes: u64,
}
impl Default for ReadOptions {
    fn default() -> Self {
        Self { max_record_bytes: 8 << 20, max_file_bytes: 1 << 30 }
    }
}

/// What the readers report, in input order.
#[derive(Debug)]
pub enum ReadEvent {
    Article(RawArticle),
    Problem(ReadProblem),
    /// `bytes` more of the input (as counted by `input_size`) have been consumed.
    Progress { bytes: u64 },
}

/// Total bytes `read_inputs` will report through `Progress` (0 for stdin); for progress bars.
pub fn input_size(paths: &[PathBuf]) -> u64 {
    unimplemented!("{paths:?}")
}

/// Read every input (files, folders recursively, .zip, "-" for stdin), streaming what is found to `sink`.
/// Never fails as a whole: everything that cannot be read becomes a `ReadEvent::Problem`.
pub fn read_inputs(paths: &[PathBuf], options: &ReadOptions, sink: &mut dyn FnMut(ReadEvent)) {
    unimplemented!("{paths:?}{options:?}{:p}", sink)
}

/// Parse a publication date: ISO 8601 / RFC 3339, RFC 2822, `YYYY-MM-DD hh:mm:ss`, `YYYY-MM-DD`.
pub fn parse_date(value: &str) -> Option<Published> {
    unimplemented!("{value}")
}
