//! Zip archives, read in place: members in archive order, nested folders and
//! nested zips too; hidden members and `__MACOSX` skipped, as are members of
//! unknown type.
//!
//! Member origin: `archive.zip!/folder/member.json` (plus `#N` for its records);
//! nested: `outer.zip!/inner.zip!/member.txt`.
//!
//! Limits: a member whose declared or actual uncompressed size exceeds
//! `max_file_bytes` (`max_record_bytes` for .txt/.html) is reported, not read
//! (every read goes through `take`). A damaged archive (no central directory,
//! e.g. a truncated download) is reported and then recovered as far as possible
//! by walking the local file headers from the start.

use std::io::{BufReader, Cursor, Read, Seek, SeekFrom};

use ::zip::read::read_zipfile_from_stream;
use ::zip::ZipArchive;

use crate::emit::Emitter;
use crate::format::{is_hidden_name, Format};
use crate::source::Source;
use crate::{read_bytes, ReadOptions};

/// Zips inside zips inside zips… up to this depth.
const MAX_DEPTH: u32 = 4;

/// How reading one member went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Member {
    /// Read to its end (whatever its records held).
    Read,
    /// Not of a readable kind: skipped without reading.
    Skipped,
    /// Could not be read to its end (damaged data, I/O error, too large).
    Failed,
}

/// Read a zip archive. `top`: report the compressed size of each member as
/// progress (false for nested archives, whose bytes the outer one counts).
pub(crate) fn read_zip<R: Read + Seek>(
    mut reader: R,
    src: &Source,
    depth: u32,
    top: bool,
    options: &ReadOptions,
    em: &mut Emitter<'_>,
) {
    let error = match ZipArchive::new(&mut reader) {
        Ok(mut archive) => {
            for index in 0..archive.len() {
                let name = archive.name_for_index(index).unwrap_or_default().to_owned();
                match archive.by_index(index) {
                    Ok(mut file) => {
                        let (size, compressed, dir) =
                            (file.size(), file.compressed_size(), file.is_dir());
                        read_member(&mut file, &name, size, dir, src, depth, options, em);
                        if top {
                            em.advance(compressed);
                        }
                    }
                    Err(e) => {
                        if !skip_name(&name) {
                            em.problem(
                                &src.member(&name).name,
                                None,
                                format!("cannot read member: {e}"),
                            );
                        }
                    }
                }
            }
            return;
        }
        Err(e) => e,
    };
    if let Err(e) = reader.seek(SeekFrom::Start(0)) {
        em.problem(&src.name, None, format!("damaged zip archive ({error}); cannot rewind: {e}"));
        return;
    }
    let mut stream = BufReader::new(reader);
    let mut recovered = 0usize;
    let mut headers = 0usize;
    // Local headers up to the central directory (Ok(None)) or the damage (Err).
    while let Ok(Some(mut file)) = read_zipfile_from_stream(&mut stream) {
        headers += 1;
        let name = file.name().to_owned();
        let (size, compressed, dir) = (file.size(), file.compressed_size(), file.is_dir());
        if read_member(&mut file, &name, size, dir, src, depth, options, em) == Member::Read {
            recovered += 1;
        }
        drop(file);
        if top {
            em.advance(compressed);
        }
    }
    if headers == 0 {
        em.problem(&src.name, None, format!("not a readable zip archive: {error}"));
    } else {
        em.problem(
            &src.name,
            None,
            format!(
                "damaged zip archive ({error}); recovered {recovered} member(s) from local headers"
            ),
        );
    }
}

/// Directories, hidden members, `__MACOSX/…`.
fn skip_name(name: &str) -> bool {
    name.ends_with('/') || name.split(['/', '\\']).any(is_hidden_name)
}

#[allow(clippy::too_many_arguments)]
fn read_member<R: Read>(
    file: &mut R,
    name: &str,
    declared_size: u64,
    is_dir: bool,
    zip: &Source,
    depth: u32,
    options: &ReadOptions,
    em: &mut Emitter<'_>,
) -> Member {
    if is_dir || skip_name(name) {
        return Member::Skipped;
    }
    let Some(format) = Format::from_name(name) else {
        return Member::Skipped;
    };
    let src = zip.member(name);
    let limit = match format {
        Format::Text | Format::Html => options.max_record_bytes as u64,
        Format::Json | Format::JsonLines | Format::Zip | Format::Feed => options.max_file_bytes,
    };
    if declared_size > limit {
        let what =
            if limit == options.max_file_bytes { "member too large" } else { "record too large" };
        em.problem(
            &src.name,
            None,
            format!("{what}: {declared_size} bytes uncompressed (limit {limit})"),
        );
        return Member::Failed;
    }
    if format == Format::JsonLines {
        let mut limited = file.take(limit.saturating_add(1));
        let complete =
            crate::jsonl::read_jsonl_stream(BufReader::new(&mut limited), &src, options, em, false);
        if limited.limit() == 0 {
            em.problem(
                &src.name,
                None,
                format!("member too large: more than {limit} bytes uncompressed; rest skipped"),
            );
            return Member::Failed;
        }
        return if complete { Member::Read } else { Member::Failed };
    }
    let bytes = match read_bytes(file, limit, declared_size) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            let what = if limit == options.max_file_bytes {
                "member too large"
            } else {
                "record too large"
            };
            em.problem(&src.name, None, format!("{what}: more than {limit} bytes uncompressed"));
            return Member::Failed;
        }
        Err(e) => {
            em.problem(&src.name, None, format!("cannot read member: {e}"));
            return Member::Failed;
        }
    };
    if format == Format::Zip {
        if depth >= MAX_DEPTH {
            em.problem(&src.name, None, format!("zip nested more than {MAX_DEPTH} deep"));
            return Member::Failed;
        }
        read_zip(Cursor::new(bytes), &src, depth + 1, false, options, em);
    } else {
        crate::read_decoded(&bytes, format, &src, options, em);
    }
    Member::Read
}
