//! Readers that turn whatever a monitoring desk has into [`RawArticle`] records.
//!
//! **Inputs** (paths given to [`read_inputs`]): JSON (`.json`: an array of records,
//! one record, `{"articles": [...]}`-style wrappers, or JSON Lines after all),
//! JSON Lines (`.jsonl`, `.ndjson`), plain text (`.txt`), HTML (`.html`, `.htm`),
//! zip archives (`.zip`, nested folders and zips included), folders (recursive,
//! sorted, hidden entries and unknown file types skipped), and `-` for stdin
//! (format sniffed from the content). Feeds: `.xml`/`.rss`/`.atom`/`.rdf` files
//! given by path (RSS, RDF or Atom, told from other XML by the root element) and
//! JSON Feed in `.json` ([`feed`]). `http://` / `https://` inputs are fetched
//! ([`fetch`]): a page goes to the HTML reader, a feed to the feed reader.
//! Text may be UTF-8, UTF-16 with a BOM, windows-1256 or ISO-8859-6; HTML pages may
//! declare their charset, and are read through main-text extraction ([`extract`](mod@extract)).
//!
//! **Outputs**: a stream of [`ReadEvent`]s, in input order — `Article` for each
//! record ([`RawArticle`]), `Problem` for anything that could not be read
//! ([`ReadProblem`], naming the file and the record), and `Progress` so that a
//! progress bar can reach [`input_size`]. Reading never fails as a whole.
//!
//! **Where records come from** (`RawArticle::origin`, `ReadProblem::file`/`record`):
//! - the path as given (`examples/seeds/000.txt`; files found in a folder are the
//!   folder path joined with their relative path);
//! - `#N` for the Nth record of a multi-record file: N is the record's position
//!   (1-based) in a JSON array, and the line number (1-based, blank lines counted)
//!   in JSON Lines; problems say `record N` or `line N` respectively;
//! - `archive.zip!/member` inside an archive (`a.zip!/b.zip!/c.json#3` when nested);
//! - `-` for stdin.
//!
//! **Conventions the pipeline relies on**:
//! - `text` is the record's text exactly as found; a record with no text (null,
//!   missing, empty or whitespace-only JSON value) is still an `Article`, with
//!   `text == ""`; a `.txt` file's body is the file minus its title line.
//! - `.txt` bylines/datelines/section labels stay at the top of `text` and are
//!   also listed in `metadata["header_lines"]` (skip them when deriving a title).
//! - Problems: `file` is the origin without `#N`; `record` is `record N` (JSON
//!   array) or `line N` (JSON Lines), else `None`. Limits: a file over
//!   `max_file_bytes`, a zip member over it (declared or actual size), a `.txt`
//!   / `.html` / JSON Lines line / record text over `max_record_bytes` each give
//!   one problem and reading goes on.
//!
//! Key types: [`ReadOptions`] (memory limits), [`ReadEvent`], and from
//! `marsad-model` [`RawArticle`], [`ReadProblem`], [`Published`].
//! Field-name mapping is described in [`fields`], dates in [`parse_date`], the
//! `.txt` title heuristic in [`txt`].
//!
//! ```
//! use marsad_ingest::{read_inputs, ReadEvent, ReadOptions};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("feed.jsonl");
//! std::fs::write(
//!     &path,
//!     "{\"title\": \"عنوان\", \"content\": \"نص الخبر\", \"url\": \"https://www.example.com/1\"}\n\
//!      not json\n",
//! )
//! .unwrap();
//!
//! let (mut articles, mut problems) = (Vec::new(), Vec::new());
//! read_inputs(&[path.clone()], &ReadOptions::default(), &mut |event| match event {
//!     ReadEvent::Article(a) => articles.push(a),
//!     ReadEvent::Problem(p) => problems.push(p),
//!     ReadEvent::Progress { .. } => {}
//! });
//! assert_eq!(articles.len(), 1);
//! assert_eq!(articles[0].origin, format!("{}#1", path.display()));
//! assert_eq!(articles[0].outlet.as_deref(), Some("example.com"));
//! assert_eq!(problems[0].record.as_deref(), Some("line 2"));
//! ```

use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

pub use marsad_model::{Published, RawArticle, ReadProblem};

mod archive;
mod dates;
pub mod decode;
mod emit;
pub mod extract;
pub mod feed;
pub mod fetch;
pub mod fields;
mod format;
pub mod html;
mod json;
mod jsonl;
mod source;
mod stream;
pub mod txt;
mod walk;

pub use dates::parse_date;
pub use decode::{decode_html, decode_text, DecodeError};
pub use extract::{extract, extract_file, extract_str, Direction, ExtractError, Extracted};
pub use fields::{record_to_article, url_host, Field, RecordError};
pub use format::Format;
pub use txt::{split_title, TxtParts};

use emit::Emitter;
use source::Source;

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
    Progress {
        bytes: u64,
    },
}

/// Total bytes `read_inputs` will report through `Progress` (0 for stdin); for progress bars.
///
/// Regular files count their size (a zip its compressed size); folders the files
/// `read_inputs` would read in them; stdin, pipes and missing paths 0.
pub fn input_size(paths: &[PathBuf]) -> u64 {
    let mut total = 0u64;
    for path in paths {
        if path.as_os_str() == "-" {
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk::walk(path, &mut |found| {
                if let walk::Found::File { size, .. } = found {
                    total = total.saturating_add(size);
                }
            }),
            Ok(meta) if meta.is_file() => total = total.saturating_add(meta.len()),
            _ => {}
        }
    }
    total
}

/// Read every input (files, folders recursively, .zip, "-" for stdin), streaming what is found to `sink`.
/// Never fails as a whole: everything that cannot be read becomes a `ReadEvent::Problem`.
pub fn read_inputs(paths: &[PathBuf], options: &ReadOptions, sink: &mut dyn FnMut(ReadEvent)) {
    let mut em = Emitter::new(sink);
    let mut fetcher: Option<fetch::Fetcher> = None;
    for path in paths {
        if let Some(url) = path.to_str().filter(|p| fetch::is_url(p)) {
            em.begin(0);
            let fetcher =
                fetcher.get_or_insert_with(|| fetch::Fetcher::new(fetch::FetchOptions::default()));
            guarded(&mut em, path, |em| {
                fetch::read_url(url, fetcher, options, &mut |event| forward(em, event))
            });
            em.end();
            continue;
        }
        if path.as_os_str() == "-" {
            em.begin(0);
            let src = Source { name: "-".into(), outlet: None };
            guarded(&mut em, path, |em| stream::read_stream(io::stdin().lock(), &src, options, em));
            em.end();
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => em.problem(&path.display().to_string(), None, io_reason(&e)),
            Ok(meta) if meta.is_dir() => walk::walk(path, &mut |found| match found {
                walk::Found::File { path, size, format } => {
                    read_file(&path, size, Some(format), options, &mut em)
                }
                walk::Found::Error { path, reason } => {
                    em.problem(&path.display().to_string(), None, reason)
                }
            }),
            Ok(meta) if meta.is_file() => {
                read_file(path, meta.len(), Format::of_path(path), options, &mut em)
            }
            Ok(_) => {
                // A pipe, a device: read it like stdin.
                em.begin(0);
                match File::open(path) {
                    Ok(file) => stream::read_stream(file, &Source::file(path), options, &mut em),
                    Err(e) => em.problem(&path.display().to_string(), None, io_reason(&e)),
                }
                em.end();
            }
        }
    }
    em.end();
}

/// Read one stream whose format is sniffed from its content, as for stdin:
/// `[` → JSON array, `{` → JSON Lines (when the first line is a whole record and
/// more follows) or one JSON document, `<` → HTML, anything else → plain text.
/// `name` is the origin reported for it (`-` for stdin). No progress is reported.
pub fn read_stream<R: Read>(
    reader: R,
    name: &str,
    options: &ReadOptions,
    sink: &mut dyn FnMut(ReadEvent),
) {
    let mut em = Emitter::new(sink);
    stream::read_stream(reader, &Source { name: name.to_owned(), outlet: None }, options, &mut em);
}

/// One regular file of `size` bytes; `format` from its name (None: unknown extension).
fn read_file(
    path: &Path,
    size: u64,
    format: Option<Format>,
    options: &ReadOptions,
    em: &mut Emitter<'_>,
) {
    em.begin(size);
    guarded(em, path, |em| read_file_inner(path, size, format, options, em));
    em.end();
}

fn read_file_inner(
    path: &Path,
    size: u64,
    format: Option<Format>,
    options: &ReadOptions,
    em: &mut Emitter<'_>,
) {
    let src = Source::file(path);
    if size == 0 {
        return em.problem(&src.name, None, "empty file");
    }
    if size > options.max_file_bytes {
        return em.problem(
            &src.name,
            None,
            format!("file too large: {size} bytes (limit {})", options.max_file_bytes),
        );
    }
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => return em.problem(&src.name, None, io_reason(&e)),
    };
    let format = match format {
        Some(format) => format,
        None => match path.extension() {
            // No extension: sniff the content.
            None => return stream::read_stream(file, &src, options, em),
            Some(ext) => {
                let ext = ext.to_string_lossy();
                return em.problem(&src.name, None, format!("unsupported file type: .{ext}"));
            }
        },
    };
    let record_limit = options.max_record_bytes as u64;
    match format {
        Format::JsonLines => {
            jsonl::read_jsonl_stream(
                BufReader::with_capacity(64 << 10, file),
                &src,
                options,
                em,
                true,
            );
        }
        Format::Zip => archive::read_zip(BufReader::new(file), &src, 0, true, options, em),
        Format::Text | Format::Html if size > record_limit => em.problem(
            &src.name,
            None,
            format!("record too large: {size} bytes (limit {record_limit})"),
        ),
        Format::Text | Format::Html | Format::Json | Format::Feed => {
            let limit = if matches!(format, Format::Json | Format::Feed) {
                options.max_file_bytes
            } else {
                record_limit
            };
            match read_bytes(file, limit, size) {
                Ok(Some(bytes)) => read_decoded(&bytes, format, &src, options, em),
                Ok(None) => em.problem(
                    &src.name,
                    None,
                    format!("file grew past the limit of {limit} bytes"),
                ),
                Err(e) => em.problem(&src.name, None, format!("read error: {}", io_reason(&e))),
            }
        }
    }
}

/// Run one input's reader; should a dependency (zip, HTML parser) panic on some
/// input, report it as a problem with that input and go on with the next.
fn guarded(em: &mut Emitter<'_>, path: &Path, read: impl FnOnce(&mut Emitter<'_>)) {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(&mut *em)));
    if outcome.is_err() {
        em.problem(
            &path.display().to_string(),
            None,
            "internal error while reading this input (please report it)",
        );
    }
}

/// Read at most `limit` bytes; `None` when there are more.
pub(crate) fn read_bytes<R: Read>(
    reader: R,
    limit: u64,
    size_hint: u64,
) -> io::Result<Option<Vec<u8>>> {
    // The hint may come from a zip header: trust it only so far.
    let mut bytes = Vec::with_capacity(size_hint.min(limit).min(64 << 20) as usize);
    reader.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Decode and read one file's bytes (already within the limits for `format`).
pub(crate) fn read_decoded(
    bytes: &[u8],
    format: Format,
    src: &Source,
    options: &ReadOptions,
    em: &mut Emitter<'_>,
) {
    if bytes.is_empty() {
        return em.problem(&src.name, None, "empty file");
    }
    match format {
        Format::Text => match decode_text(bytes) {
            Ok(text) => em.article(txt::txt_article(&text, src.name.clone(), src.outlet.clone())),
            Err(e) => em.problem(&src.name, None, e),
        },
        Format::Html => match decode_html(bytes) {
            Ok(text) => match html::html_article(&text, src.name.clone(), src.outlet.clone()) {
                Ok(article) => em.article(article),
                Err(e) => em.problem(&src.name, None, e),
            },
            Err(e) => em.problem(&src.name, None, e),
        },
        Format::Json => match decode_text(bytes) {
            Ok(text) if feed::is_json_feed(&text) => {
                let source = feed::FeedSource {
                    name: src.name.clone(),
                    url: None,
                    fallback_outlet: src.outlet.clone(),
                };
                feed::read_feed_text(&text, &source, options, &mut |e| forward(em, e));
            }
            Ok(text) => json::read_json_text(&text, src, options, em),
            Err(e) => em.problem(&src.name, None, e),
        },
        Format::JsonLines => {
            jsonl::read_jsonl_stream(bytes, src, options, em, false);
        }
        Format::Zip => archive::read_zip(Cursor::new(bytes), src, 1, false, options, em),
        Format::Feed => {
            let source = feed::FeedSource {
                name: src.name.clone(),
                url: None,
                fallback_outlet: src.outlet.clone(),
            };
            feed::read_feed(bytes, None, &source, options, &mut |e| forward(em, e));
        }
    }
}

/// Pass on an event from a reader that reports through a plain sink (feeds, URLs).
fn forward(em: &mut Emitter<'_>, event: ReadEvent) {
    match event {
        ReadEvent::Article(article) => em.article(article),
        ReadEvent::Problem(p) => em.problem(&p.file, p.record, p.reason),
        ReadEvent::Progress { .. } => {}
    }
}

/// Feed files read by path: `.xml`, `.rss`, `.atom`, `.rdf` (any case).
/// A short reason for an I/O error: "no such file or directory", "permission denied", …
pub(crate) fn io_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(at) => text[..at].to_owned(),
                None => text,
            }
        }
    }
}
