//! The sink wrapper every reader writes to: articles, problems and progress.

use std::fmt::Display;

use marsad_model::{RawArticle, ReadProblem};

use crate::ReadEvent;

/// Progress is batched into events of at least this many bytes.
const PROGRESS_BATCH: u64 = 256 << 10;

/// Forwards events to the caller's sink and keeps the progress count exact: each
/// top-level input reports exactly the size it was given in [`Emitter::begin`].
pub(crate) struct Emitter<'s> {
    sink: &'s mut dyn FnMut(crate::ReadEvent),
    /// Bytes of the current input not yet reported.
    budget: u64,
    /// Consumed but not yet reported.
    pending: u64,
}

impl<'s> Emitter<'s> {
    pub(crate) fn new(sink: &'s mut dyn FnMut(ReadEvent)) -> Self {
        Self { sink, budget: 0, pending: 0 }
    }

    pub(crate) fn article(&mut self, article: RawArticle) {
        (self.sink)(ReadEvent::Article(article));
    }

    pub(crate) fn problem(&mut self, file: &str, record: Option<String>, reason: impl Display) {
        (self.sink)(ReadEvent::Problem(ReadProblem::new(file, record, reason.to_string())));
    }

    /// Start a top-level input of `size` bytes (as `input_size` counts it).
    pub(crate) fn begin(&mut self, size: u64) {
        self.end();
        self.budget = size;
    }

    /// `bytes` more of the current input were consumed (clamped to its size).
    pub(crate) fn advance(&mut self, bytes: u64) {
        let room = self.budget - self.pending;
        self.pending += bytes.min(room);
        if self.pending >= PROGRESS_BATCH {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.pending > 0 {
            let bytes = std::mem::take(&mut self.pending);
            self.budget -= bytes;
            (self.sink)(ReadEvent::Progress { bytes });
        }
    }

    /// The current input is done: report whatever of its size is left.
    pub(crate) fn end(&mut self) {
        self.pending = self.budget;
        self.flush();
    }
}
