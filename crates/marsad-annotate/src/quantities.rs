//! quantities: see the crate doc.
