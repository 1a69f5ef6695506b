//! Verifying an export folder against its `SHA256SUMS` and
//! `datapackage.json`.

use std::collections::BTreeMap;
use std::path::Path;

use crate::digest::sha256_file;
use crate::error::{Error, Result};
use crate::package::{PACKAGE_FILE, SUMS_FILE};

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
/// `datapackage.json` agrees. Returns the problems found (none: the
/// export is intact); an error if the folder or its checksums cannot be
/// read at all.
pub fn verify(dir: &Path) -> Result<Vec<Problem>> {
    let sums_path = dir.join(SUMS_FILE);
    let sums = std::fs::read_to_string(&sums_path).map_err(|e| Error::io(&sums_path, e))?;
    let mut listed = BTreeMap::new();
    for (n, line) in sums.lines().enumerate() {
        let Some((hash, name)) = line.split_once("  ") else {
            return Err(Error::Verify {
                path: sums_path,
                message: format!("line {}: expected `<sha256>  <file>`", n + 1),
            });
        };
        listed.insert(name.to_string(), hash.to_string());
    }
    let mut problems = Vec::new();
    let mut actual = BTreeMap::new();
    for (name, hash) in &listed {
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
    for name in files_in(dir)? {
        if name != SUMS_FILE && !listed.contains_key(&name) {
            problems.push(problem(&name, "extra: in the folder but not listed in SHA256SUMS"));
        }
    }
    check_package(dir, &listed, &actual, &mut problems);
    Ok(problems)
}

/// Every resource of the data package must be listed, with the same hash
/// and size as the file has.
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
    for r in resources {
        let Some(path) = r["path"].as_str() else { continue };
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
}

/// Relative paths of all files under `dir`, with `/`, sorted.
fn files_in(dir: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![(dir.to_path_buf(), String::new())];
    while let Some((path, prefix)) = stack.pop() {
        let entries = std::fs::read_dir(&path).map_err(|e| Error::io(&path, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&path, e))?;
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type().map_err(|e| Error::io(entry.path(), e))?.is_dir() {
                stack.push((entry.path(), format!("{name}/")));
            } else {
                out.push(name);
            }
        }
    }
    out.sort();
    Ok(out)
}
