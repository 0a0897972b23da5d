//! Folders: every readable file below a folder, recursively, in sorted order.
//!
//! Hidden files and folders (`.name`) and `__MACOSX` are skipped, as are files
//! of unknown type (`.xml`/`.rss` too, until their reader exists). Symbolic
//! links are followed (loops are reported).

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::format::{is_hidden_name, Format};

/// What walking a folder finds.
#[derive(Debug)]
pub(crate) enum Found {
    File { path: PathBuf, size: u64, format: Format },
    Error { path: PathBuf, reason: String },
}

/// Call `found` for each readable file (and each error) below `root`, in order.
pub(crate) fn walk(root: &Path, found: &mut dyn FnMut(Found)) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden_name(&e.file_name().to_string_lossy()));
    for entry in walker {
        match entry {
            Ok(entry) => {
                if !entry.file_type().is_file() {
                    continue;
                }
                let Some(format) = Format::of_path(entry.path()) else {
                    continue;
                };
                match entry.metadata() {
                    Ok(meta) => {
                        found(Found::File { path: entry.into_path(), size: meta.len(), format })
                    }
                    Err(e) => {
                        found(Found::Error { path: entry.into_path(), reason: e.to_string() })
                    }
                }
            }
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                let reason = match (e.loop_ancestor(), e.io_error()) {
                    (Some(ancestor), _) => format!("symbolic link loop to {}", ancestor.display()),
                    (None, Some(io)) => crate::io_reason(io),
                    (None, None) => e.to_string(),
                };
                found(Found::Error { path, reason });
            }
        }
    }
}
