//! quotes: see the crate doc.
