//! The source files of a corpus folder, for `corpus init` and for
//! `corpus check` to warn about files the catalog does not list.

use std::collections::HashSet;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};

/// The extensions of the files `corpus init` catalogues.
pub const SOURCE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// Every source file under `root` (subfolders included, hidden files and
/// folders left out), as sorted paths relative to `root` with `/`.
pub fn source_files(root: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    walk(root, "", &mut out)?;
    out.sort();
    Ok(out)
}

fn walk(dir: &Path, rel: &str, out: &mut Vec<String>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::new(dir, ErrorKind::Io(e)))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::new(dir, ErrorKind::Io(e)))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.') {
            continue;
        }
        let path = if rel.is_empty() { name.to_string() } else { format!("{rel}/{name}") };
        let kind = entry.file_type().map_err(|e| Error::new(entry.path(), ErrorKind::Io(e)))?;
        if kind.is_dir() {
            walk(&entry.path(), &path, out)?;
        } else if kind.is_file() && is_source(name) {
            out.push(path);
        }
    }
    Ok(())
}

fn is_source(name: &str) -> bool {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    ext.is_some_and(|e| SOURCE_EXTENSIONS.contains(&e.as_str()))
}

/// The source files under `root` that `listed` (the catalog's `file`
/// values) does not name, sorted.
pub fn unlisted_files<'a>(root: &Path, listed: impl IntoIterator<Item = &'a str>) -> Result<Vec<String>> {
    let listed: HashSet<&str> = listed.into_iter().collect();
    Ok(source_files(root)?.into_iter().filter(|f| !listed.contains(f.as_str())).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_found_in_subfolders_sorted_and_unlisted_ones_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        for f in ["b/2.html", "b/1.TXT", "a.md", ".git/x.txt", "b/.hidden.txt", "notes.pdf", "catalog.toml"] {
            let path = dir.path().join(f);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "x").expect("write");
        }
        assert_eq!(source_files(dir.path()).expect("scan"), ["a.md", "b/1.TXT", "b/2.html"]);
        assert_eq!(unlisted_files(dir.path(), ["b/1.TXT"]).expect("scan"), ["a.md", "b/2.html"]);
    }
}
