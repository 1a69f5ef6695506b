//! Verifying an export folder against its `SHA256SUMS` and
//! `datapackage.json`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::digest::sha256_file;
use crate::error::{Error, Result};
use crate::package::{PACKAGE_FILE, SUMS_FILE};
use crate::shard::PART_FILE;

/// One thing wrong with an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, relative to the export folder.
    pub path: String,
    /// What is wrong with it.
    pub what: String,
}

fn problem(path: &str, what: impl Into<String>) -> Problem {
    Problem { path: path.to_string(), what: what.into() }
}

/// Re-hashes every file of `dir` against `SHA256SUMS`, and checks that
/// `datapackage.json` agrees. Only what is inside the folder is trusted:
/// a listed path that is absolute, has `..` or passes through a symbolic
/// link is a problem and is not read; `SHA256SUMS` and the data package
/// must list the same files; extra files, folders and links are reported.
/// Returns the problems found (none: the export is intact); an error if
/// the folder or its checksums cannot be read at all.
pub fn verify(dir: &Path) -> Result<Vec<Problem>> {
    let sums_path = dir.join(SUMS_FILE);
    let sums_kind = std::fs::symlink_metadata(&sums_path).map_err(|e| Error::io(&sums_path, e))?;
    if !sums_kind.is_file() {
        return Err(Error::Verify {
            path: sums_path,
            message: "is not a regular file of the folder (a link, a folder …)".to_string(),
        });
    }
    let sums = std::fs::read_to_string(&sums_path).map_err(|e| Error::io(&sums_path, e))?;
    let mut listed = BTreeMap::new();
    let mut problems = Vec::new();
    for (n, line) in sums.lines().enumerate() {
        let Some((hash, name)) = line.split_once("  ") else {
            return Err(Error::Verify {
                path: sums_path,
                message: format!("line {}: expected `<sha256>  <file>`", n + 1),
            });
        };
        if inside(name) {
            listed.insert(name.to_string(), hash.to_string());
        } else {
            problems.push(problem(
                name,
                "not a file of the export: a path in SHA256SUMS must be relative, without `..`",
            ));
        }
    }
    let mut actual = BTreeMap::new();
    for (name, hash) in &listed {
        if let Some(what) = not_a_plain_file(dir, name) {
            problems.push(problem(name, what));
            continue;
        }
        match sha256_file(&dir.join(name)) {
            Ok((size, got)) => {
                if &got != hash {
                    problems.push(problem(name, "changed: its SHA-256 does not match SHA256SUMS"));
                }
                actual.insert(name.clone(), (size, got));
            }
            Err(_) => problems.push(problem(name, "missing: listed in SHA256SUMS but not in the folder")),
        }
    }
    let found = entries_in(dir)?;
    for name in &found.files {
        if name != SUMS_FILE && !listed.contains_key(name) {
            problems.push(problem(name, "extra: in the folder but not listed in SHA256SUMS"));
        }
    }
    for name in &found.links {
        if !listed.contains_key(name) {
            problems.push(problem(name, "extra: a symbolic link, not listed in SHA256SUMS"));
        }
    }
    for name in &found.folders {
        let prefix = format!("{name}/");
        if !listed.keys().any(|l| l.starts_with(&prefix)) {
            problems.push(problem(name, "extra folder: no file of SHA256SUMS is in it"));
        }
    }
    check_package(dir, &listed, &actual, &mut problems);
    Ok(problems)
}

/// Whether a path of `SHA256SUMS` names something inside the folder: not
/// empty, relative, `/`-separated names that are not `.` or `..`.
fn inside(name: &str) -> bool {
    !name.is_empty()
        && !name.contains(['\\', '\0'])
        && name.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}

/// Why a listed path is not a plain file of the folder (a symbolic link
/// on the way or at the end, a folder, a device …); None if it is one or
/// is missing (which hashing reports).
fn not_a_plain_file(dir: &Path, name: &str) -> Option<&'static str> {
    let mut path = dir.to_path_buf();
    let parts: Vec<&str> = name.split('/').collect();
    for (k, part) in parts.iter().enumerate() {
        path.push(part);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if meta.file_type().is_symlink() {
            return Some("a symbolic link: an export holds only its own regular files");
        }
        let last = k + 1 == parts.len();
        if last && !meta.is_file() {
            return Some("not a regular file");
        }
    }
    None
}

/// Every resource of the data package must be listed, with the same hash
/// and size as the file has, and every file listed (but the data package
/// itself and a part's manifest) must be a resource.
fn check_package(
    dir: &Path,
    listed: &BTreeMap<String, String>,
    actual: &BTreeMap<String, (u64, String)>,
    problems: &mut Vec<Problem>,
) {
    let Ok(text) = std::fs::read_to_string(dir.join(PACKAGE_FILE)) else {
        if !listed.contains_key(PACKAGE_FILE) {
            problems.push(problem(PACKAGE_FILE, "missing: an export must have a data package"));
        }
        return;
    };
    let Ok(package) = serde_json::from_str::<serde_json::Value>(&text) else {
        problems.push(problem(PACKAGE_FILE, "is not valid JSON"));
        return;
    };
    let resources = package["resources"].as_array().cloned().unwrap_or_default();
    let mut in_package = BTreeSet::new();
    for r in resources {
        let Some(path) = r["path"].as_str() else { continue };
        in_package.insert(path.to_string());
        let hash = r["hash"].as_str().and_then(|h| h.strip_prefix("sha256:")).unwrap_or("");
        match (listed.get(path), actual.get(path)) {
            (None, _) => problems.push(problem(path, "in datapackage.json but not in SHA256SUMS")),
            (Some(listed_hash), _) if listed_hash != hash => {
                problems.push(problem(path, "its hash in datapackage.json does not match SHA256SUMS"))
            }
            (_, Some((bytes, _))) if r["bytes"].as_u64() != Some(*bytes) => {
                problems.push(problem(path, "its size in datapackage.json does not match the file"))
            }
            _ => {}
        }
    }
    for name in listed.keys() {
        if name != PACKAGE_FILE && name != PART_FILE && !in_package.contains(name) {
            problems.push(problem(name, "listed in SHA256SUMS but not in datapackage.json"));
        }
    }
}

/// What is under a folder, by relative path with `/`, sorted.
#[derive(Default)]
struct Entries {
    files: Vec<String>,
    folders: Vec<String>,
    links: Vec<String>,
}

/// The regular files (and other non-folders), folders and symbolic links
/// under `dir`; links are not followed.
fn entries_in(dir: &Path) -> Result<Entries> {
    let mut out = Entries::default();
    let mut stack = vec![(dir.to_path_buf(), String::new())];
    while let Some((path, prefix)) = stack.pop() {
        let entries = std::fs::read_dir(&path).map_err(|e| Error::io(&path, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&path, e))?;
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            let kind = entry.file_type().map_err(|e| Error::io(entry.path(), e))?;
            if kind.is_symlink() {
                out.links.push(name);
            } else if kind.is_dir() {
                stack.push((entry.path(), format!("{name}/")));
                out.folders.push(name);
            } else {
                out.files.push(name);
            }
        }
    }
    out.files.sort();
    out.folders.sort();
    out.links.sort();
    Ok(out)
}
