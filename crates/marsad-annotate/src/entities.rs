//! entities: see the crate doc.
