//! Where records come from: the name they are reported under and the outlet to
//! fall back on.

use std::path::Path;

/// A file (or zip member, or stdin) being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Source {
    /// The file as reported: the path as given, `archive.zip!/member`, or `-`.
    pub name: String,
    /// The parent folder name, used as outlet when a record names none.
    pub outlet: Option<String>,
}

impl Source {
    /// The origin of the `n`th record (1-based) of a multi-record file.
    pub fn record_origin(&self, n: usize) -> String {
        format!("{}#{n}", self.name)
    }

    /// A member of this archive.
    pub fn member(&self, member_name: &str) -> Source {
        let folder = member_name
            .trim_end_matches('/')
            .rsplit_once('/')
            .and_then(|(dir, _)| dir.rsplit('/').next())
            .filter(|d| !d.is_empty())
            .map(str::to_owned);
        Source {
            name: format!("{}!/{member_name}", self.name),
            outlet: folder.or_else(|| self.outlet.clone()),
        }
    }

    pub fn file(path: &Path) -> Source {
        Source { name: path.display().to_string(), outlet: parent_folder(path) }
    }
}

/// The name of the folder holding `path` (resolving `./x.txt` when needed).
fn parent_folder(path: &Path) -> Option<String> {
    let named =
        |p: &Path| p.parent().and_then(|d| d.file_name()).map(|n| n.to_string_lossy().into_owned());
    named(path).or_else(|| std::fs::canonicalize(path).ok().as_deref().and_then(named))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let zip = Source::file(Path::new("../shared/corpora/saudinewsnet/2015-07-21.zip"));
        assert_eq!(zip.outlet.as_deref(), Some("saudinewsnet"));
        let member = zip.member("2015-07-21.json");
        assert_eq!(member.name, "../shared/corpora/saudinewsnet/2015-07-21.zip!/2015-07-21.json");
        assert_eq!(member.outlet.as_deref(), Some("saudinewsnet"));
        assert_eq!(member.record_origin(17), format!("{}#17", member.name));
        let nested = member.member("okaz/a.txt");
        assert_eq!(nested.outlet.as_deref(), Some("okaz"));
        assert_eq!(zip.member("a/b/c.txt").outlet.as_deref(), Some("b"));
    }
}
