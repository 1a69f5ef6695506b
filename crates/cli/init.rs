//! `corpus init DIR`: a catalog for a folder of files.
//!
//! Every `.txt`, `.md`, `.html` and `.htm` file under DIR (subfolders
//! included, sorted) gets a `[[document]]` with an id made from its path
//! and what the file says about itself: a title, a date, authors, a
//! language, the encoding it is in. What cannot be known stays out. A
//! catalog that exists is kept as it is (hand edits included): files it
//! does not list yet are added at its end.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;
use corpus_parser::{
    decode_source, is_html, page_meta, path_date, read_source, source_files, text_meta, SourceMeta,
    CATALOG_FILE,
};

/// What `init` did.
pub struct InitReport {
    /// Documents added to the catalog.
    pub added: usize,
    /// Documents the catalog already listed.
    pub kept: usize,
    /// Files left out, with why (unreadable, empty).
    pub skipped: Vec<String>,
}

/// Writes or extends `DIR/catalog.toml`.
pub fn init(dir: &Path) -> anyhow::Result<InitReport> {
    let catalog = dir.join(CATALOG_FILE);
    let existing = match std::fs::read_to_string(&catalog) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).with_context(|| format!("reading {}", catalog.display())),
    };
    let (mut ids, listed) = match &existing {
        Some(text) => listed_in(text).with_context(|| format!("reading {}", catalog.display()))?,
        None => (HashSet::new(), HashSet::new()),
    };
    let files = source_files(dir).with_context(|| format!("looking for sources in {}", dir.display()))?;
    let mut out = existing.clone().unwrap_or_else(|| header(dir));
    let mut report = InitReport { added: 0, kept: listed.len(), skipped: Vec::new() };
    for file in files.iter().filter(|f| !listed.contains(*f)) {
        match entry(dir, file, &mut ids) {
            Ok(table) => {
                if !out.is_empty() && !out.ends_with("\n\n") {
                    out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
                }
                out.push_str(&table);
                report.added += 1;
            }
            Err(why) => report.skipped.push(format!("{file}: {why:#}")),
        }
    }
    if existing.as_deref() != Some(out.as_str()) {
        std::fs::write(&catalog, out).with_context(|| format!("writing {}", catalog.display()))?;
    }
    Ok(report)
}

/// The ids and files an existing catalog lists.
fn listed_in(text: &str) -> anyhow::Result<(HashSet<String>, HashSet<String>)> {
    let value: toml::Table = toml::from_str(text)?;
    let docs = value.get("document").and_then(toml::Value::as_array).cloned().unwrap_or_default();
    let field = |d: &toml::Value, k: &str| d.get(k).and_then(toml::Value::as_str).map(str::to_string);
    let ids = docs.iter().filter_map(|d| field(d, "id")).collect();
    let files = docs.iter().filter_map(|d| field(d, "file")).map(|f| f.trim_start_matches("./").to_string());
    Ok((ids, files.collect()))
}

fn header(dir: &Path) -> String {
    let name = dir.file_name().and_then(|n| n.to_str()).map(make_id).unwrap_or_else(|| "corpus".into());
    format!(
        "# Written by `corpus init`: one [[document]] per source file. Edit freely;\n\
         # `corpus init` again adds new files and keeps what is here.\n\
         # Keys: id, file, title, publisher, authors, published (\"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\"),\n\
         # date_inferred, url, genre, language, licence (an SPDX id), licence_note, encoding, notes,\n\
         # and a [document.extra] table of your own string values.\n\n\
         [corpus]\nname = {}\n",
        quoted(&name)
    )
}

/// An id from a path: lower case, `-` for anything else, no extension.
pub fn make_id(path: &str) -> String {
    let stem = path.rsplit_once('.').filter(|(s, _)| !s.is_empty()).map_or(path, |(s, _)| s);
    let mut id = String::with_capacity(stem.len());
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() || c == '_' {
            id.push(c);
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    let id: String = id.chars().take(120).collect();
    // An id of digits alone is a number to a spreadsheet ("007" → 7).
    if id.is_empty() || id.bytes().all(|b| b.is_ascii_digit()) {
        format!("doc-{id}").trim_end_matches('-').to_string()
    } else {
        id
    }
}

/// `base`, or `base-2`, `base-3` … the first that is not in `ids`.
pub fn unique(base: String, ids: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut k = 2;
    while ids.contains(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    ids.insert(id.clone());
    id
}

/// A TOML string.
pub fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The `[[document]]` table of one file.
fn entry(dir: &Path, file: &str, ids: &mut HashSet<String>) -> anyhow::Result<String> {
    let path = dir.join(file);
    let bytes = read_source(&path)?;
    let decoded = decode_source(&path, &bytes, None)?;
    let mut meta = if is_html(&path) { page_meta(&decoded.text) } else { text_meta(&decoded.text) };
    if meta.published.is_none() {
        meta.published = path_date(Path::new(file));
        meta.published_from = meta.published.as_ref().map(|_| "the file's path");
    }
    let id = unique(make_id(file), ids);
    let mut t = format!("[[document]]\nid = {}\nfile = {}\n", quoted(&id), quoted(file));
    write_meta(&mut t, &meta);
    if decoded.encoding != "UTF-8" {
        let _ = writeln!(t, "encoding = {}", quoted(decoded.encoding));
    }
    let _ = writeln!(t, "notes = {}", quoted(&provenance(&meta, decoded.encoding)));
    Ok(t)
}

fn write_meta(t: &mut String, meta: &SourceMeta) {
    if let Some(title) = &meta.title {
        let _ = writeln!(t, "title = {}", quoted(title));
    }
    if !meta.authors.is_empty() {
        let list: Vec<String> = meta.authors.iter().map(|a| quoted(a)).collect();
        let _ = writeln!(t, "authors = [{}]", list.join(", "));
    }
    if let Some(date) = &meta.published {
        let _ = writeln!(t, "published = {}\ndate_inferred = true", quoted(date));
    }
    if let Some(lang) = &meta.language {
        let _ = writeln!(t, "language = {}", quoted(lang));
    }
}

/// What `init` read from where, so that a reader knows what was guessed.
fn provenance(meta: &SourceMeta, encoding: &str) -> String {
    let mut parts = vec!["catalogued by corpus init".to_string()];
    if let Some(from) = meta.title_from {
        parts.push(format!("title from {from}"));
    }
    if let Some(from) = meta.published_from {
        parts.push(format!("date guessed from {from}"));
    }
    if encoding != "UTF-8" {
        parts.push(format!("encoding detected as {encoding}"));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_paths_unique_and_never_a_number() {
        for (path, id) in [
            ("business/001.txt", "business-001"),
            ("001.txt", "doc-001"),
            ("Web/Other Page.HTM", "web-other-page"),
            ("été/ça.md", "t-a"),
            ("...", "doc"),
        ] {
            assert_eq!(make_id(path), id, "{path}");
        }
        let mut ids = HashSet::from(["a".to_string(), "a-2".to_string()]);
        assert_eq!(unique("a".into(), &mut ids), "a-3");
        assert_eq!(unique("b".into(), &mut ids), "b");
    }
}
