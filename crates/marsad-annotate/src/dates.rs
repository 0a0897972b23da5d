//! dates: see the crate doc.
