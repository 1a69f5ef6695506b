//! One `[[document]]` of the catalog: its raw TOML shape and the checks
//! that make it a [`CatalogEntry`]. Every problem of an entry is reported
//! (not only the first), each at the line and column of its value.

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path};

use serde::Deserialize;
use toml::Spanned;

use crate::catalog::{CatalogEntry, Lines, Precision, Published};
use crate::error::{Error, ErrorKind};

/// A `[[document]]` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEntry {
    pub(crate) id: Spanned<String>,
    file: Spanned<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    publisher: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    /// A string, or a TOML date (`published = 2005-03-01`).
    #[serde(default)]
    published: Option<Spanned<toml::Value>>,
    #[serde(default)]
    published_precision: Option<String>,
    #[serde(default)]
    date_inferred: bool,
    #[serde(default)]
    url: Option<Spanned<String>>,
    #[serde(default)]
    genre: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    licence: Option<Spanned<String>>,
    #[serde(default)]
    licence_note: Option<String>,
    #[serde(default)]
    encoding: Option<Spanned<String>>,
    #[serde(default)]
    notes: Option<String>,
    #[serde(default)]
    extra: BTreeMap<String, String>,
}

/// The keys a `[[document]]` may have (for "did you mean" hints).
pub(crate) const ENTRY_KEYS: &[&str] = &[
    "id",
    "file",
    "title",
    "publisher",
    "authors",
    "published",
    "published_precision",
    "date_inferred",
    "url",
    "genre",
    "language",
    "licence",
    "licence_note",
    "encoding",
    "notes",
    "extra",
];

/// Where the entry being checked is: the catalog `path`, the text its
/// spans are relative to, where that text starts in the catalog, and how
/// to turn a catalog byte into a line and column.
pub(crate) struct Place<'a> {
    pub(crate) root: &'a Path,
    pub(crate) real_root: Option<&'a Path>,
    pub(crate) path: &'a Path,
    pub(crate) text: &'a str,
    pub(crate) lines: &'a Lines,
    /// Where the parsed piece starts in `text`.
    pub(crate) offset: usize,
    /// Lines to add (an entry re-read alone, see `CatalogIndex::entry`).
    pub(crate) line_shift: usize,
}

impl Place<'_> {
    fn error(&self, id: &str, at: Option<usize>, message: String) -> Error {
        let (line, column) = match at {
            Some(byte) => {
                let (l, c) = self.lines.line_col(self.text, self.offset + byte);
                (Some(l + self.line_shift), Some(c))
            }
            None => (None, None),
        };
        Error::new(self.path, ErrorKind::Catalog { id: Some(id.to_string()), line, column, message })
    }
}

/// Checks one raw entry and makes it a catalog entry; `seen` holds the
/// ids so far with their lines. All of the entry's problems are returned.
pub(crate) fn validate(
    place: &Place<'_>,
    entry: RawEntry,
    seen: &mut HashMap<String, usize>,
) -> Result<CatalogEntry, Vec<Error>> {
    let id = entry.id.get_ref().clone();
    let id_at = entry.id.span().start;
    let line = place.lines.line_col(place.text, place.offset + id_at).0 + place.line_shift;
    let mut errors = Vec::new();
    let mut check = |at: usize, r: Result<(), String>| {
        if let Err(message) = r {
            errors.push(place.error(&id, Some(at), message));
        }
    };
    check(id_at, check_id(&id));
    if let Some(first) = seen.insert(id.clone(), line) {
        check(
            id_at,
            Err(format!("duplicate id (first used on line {first}): every document needs its own id")),
        );
    }
    let file = check_file(place.root, place.real_root, entry.file.get_ref());
    check(entry.file.span().start, file.as_ref().map(|_| ()).map_err(Clone::clone));
    let published = match &entry.published {
        Some(p) => published(p.get_ref(), entry.published_precision.as_deref()),
        None => published_text(None, entry.published_precision.as_deref()),
    };
    check(
        entry.published.as_ref().map_or(id_at, |p| p.span().start),
        published.as_ref().map(|_| ()).map_err(Clone::clone),
    );
    let url = entry.url.as_ref().map(|u| (u.span().start, check_url(u.get_ref())));
    if let Some((at, r)) = &url {
        check(*at, r.clone());
    }
    if let Some(l) = &entry.licence {
        check(l.span().start, check_licence(l.get_ref()));
    }
    let encoding = entry.encoding.as_ref().map(|e| (e.span().start, check_encoding(e.get_ref())));
    if let Some((at, r)) = &encoding {
        check(*at, r.as_ref().map(|_| ()).map_err(Clone::clone));
    }
    check(id_at, check_extra(&entry.extra));
    match (file, published) {
        (Ok(file), Ok(published)) if errors.is_empty() => Ok(CatalogEntry {
            id,
            file,
            title: non_empty(entry.title),
            publisher: non_empty(entry.publisher),
            authors: entry.authors.into_iter().filter(|a| !a.trim().is_empty()).collect(),
            published,
            date_inferred: entry.date_inferred,
            url: non_empty(entry.url.map(Spanned::into_inner)),
            genre: non_empty(entry.genre),
            language: non_empty(entry.language),
            licence: non_empty(entry.licence.map(Spanned::into_inner)),
            licence_note: non_empty(entry.licence_note),
            encoding: encoding.and_then(|(_, e)| e.ok()).map(str::to_string),
            notes: non_empty(entry.notes),
            extra: entry.extra,
            line,
        }),
        _ => Err(errors),
    }
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

pub(crate) fn check_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.len() <= 128
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err("an id must be 1 to 128 characters of a-z, 0-9, '-' and '_'".to_string())
    }
}

/// A source path must be relative, stay inside the corpus folder (also
/// after following symlinks) and name an existing regular file.
fn check_file(root: &Path, real_root: Option<&Path>, file: &str) -> Result<String, String> {
    let rel = Path::new(file);
    if file.trim().is_empty() {
        return Err("`file` is empty: give the source path relative to the corpus folder".into());
    }
    if rel.is_absolute() || file.starts_with('/') || file.starts_with('\\') {
        return Err(format!("file '{file}' is an absolute path: give it relative to the corpus folder"));
    }
    if rel.components().any(|c| !matches!(c, Component::Normal(_) | Component::CurDir)) {
        return Err(format!("file '{file}' leads outside the corpus folder ('..' is not allowed)"));
    }
    let full = root.join(rel);
    let meta = std::fs::metadata(&full)
        .map_err(|e| format!("file '{file}' cannot be read ({e}): check the path"))?;
    if !meta.is_file() {
        return Err(format!("file '{file}' is not a regular file"));
    }
    let real_root = real_root.ok_or("the corpus folder cannot be resolved")?;
    let real = full.canonicalize().map_err(|e| format!("file '{file}': {e}"))?;
    if !real.starts_with(real_root) {
        return Err(format!(
            "file '{file}' is a link that leads outside the corpus folder: copy the file in instead"
        ));
    }
    let normal = rel.components().filter_map(|c| match c {
        Component::Normal(part) => part.to_str(),
        _ => None,
    });
    Ok(normal.collect::<Vec<_>>().join("/"))
}

/// `published` as a string or a TOML date. A TOML date is taken as the
/// day it names; a date with a time of day is refused (the time would be
/// lost), with the way to write it.
fn published(value: &toml::Value, precision: Option<&str>) -> Result<Option<Published>, String> {
    match value {
        toml::Value::String(s) => published_text(Some(s), precision),
        toml::Value::Datetime(d) => match (d.date, d.time) {
            (Some(date), None) => published_text(Some(&date.to_string()), precision),
            _ => Err(format!(
                "published = {d} has a time of day: write the date as a string: published = \"{}\"",
                d.date.map_or_else(|| "2005-03-01".to_string(), |x| x.to_string())
            )),
        },
        other => Err(format!(
            "published must be a date: write it as a string: published = \"2005-03-01\" (not {})",
            other.type_str()
        )),
    }
}

/// Parses `published` ("2021-09-21", "2021-09" or "2021") and checks it
/// agrees with `published_precision` when both are given.
fn published_text(value: Option<&str>, precision: Option<&str>) -> Result<Option<Published>, String> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return match precision {
            Some(_) => Err("`published_precision` is set but `published` is not".into()),
            None => Ok(None),
        };
    };
    let parts: Vec<&str> = value.split('-').collect();
    let number = |s: &str, what: &str| -> Result<i16, String> {
        s.parse::<i16>().map_err(|_| format!("published '{value}': the {what} is not a number"))
    };
    let bad_shape = || format!("published '{value}' must be YYYY-MM-DD, YYYY-MM or YYYY");
    let (year, month, day, implied) = match parts.as_slice() {
        [y] if y.len() == 4 => (number(y, "year")?, 1, 1, Precision::Year),
        [y, m] if y.len() == 4 && m.len() == 2 => {
            (number(y, "year")?, number(m, "month")? as i8, 1, Precision::Month)
        }
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            (number(y, "year")?, number(m, "month")? as i8, number(d, "day")? as i8, Precision::Day)
        }
        _ => return Err(bad_shape()),
    };
    let date = jiff::civil::Date::new(year, month, day)
        .map_err(|e| format!("published '{value}' is not a real date: {e}"))?;
    if let Some(p) = precision {
        if p != implied.as_str() {
            return Err(format!(
                "published '{value}' has {} precision but published_precision is '{p}': \
                 write the date only as precisely as it is known",
                implied.as_str()
            ));
        }
    }
    Ok(Some(Published { date, precision: implied }))
}

/// A `url` must be an absolute address (`https://…`).
fn check_url(url: &str) -> Result<(), String> {
    let url = url.trim();
    if url.is_empty() {
        return Ok(());
    }
    match url::Url::parse(url) {
        Ok(u) if u.has_host() || u.scheme() == "urn" || u.scheme() == "doi" => Ok(()),
        Ok(_) => Err(format!("url '{url}' has no host: give the full address, such as https://example.org/page")),
        Err(e) => Err(format!("url '{url}' is not a web address ({e}): give the full address, such as https://example.org/page, or leave it out")),
    }
}

/// A `licence` must be an SPDX licence expression (`CC-BY-4.0`,
/// `MIT OR Apache-2.0`, `LicenseRef-…`); free text goes in `licence_note`.
fn check_licence(licence: &str) -> Result<(), String> {
    let licence = licence.trim();
    if licence.is_empty() || spdx::Expression::parse(licence).is_ok() {
        return Ok(());
    }
    Err(format!(
        "licence '{licence}' is not an SPDX licence id (such as CC-BY-4.0, CC-BY-NC-ND-4.0 or MIT, \
         see https://spdx.org/licenses/): write free text as licence_note = \"{}\" instead",
        licence.replace('\\', "\\\\").replace('"', "\\\"")
    ))
}

/// A declared `encoding` must be a label the WHATWG Encoding Standard
/// knows (`windows-1252`, `latin1`, `shift_jis` …); gives its canonical name.
fn check_encoding(label: &str) -> Result<&'static str, String> {
    encoding_rs::Encoding::for_label(label.trim().as_bytes()).map(|e| e.name()).ok_or_else(|| {
        format!("encoding '{label}' is not known: use a name such as \"utf-8\", \"windows-1252\", \"iso-8859-15\" or \"shift_jis\"")
    })
}

/// `[document.extra]` keys are column-like names.
fn check_extra(extra: &BTreeMap<String, String>) -> Result<(), String> {
    match extra.keys().find(|k| k.is_empty() || k.chars().any(char::is_control)) {
        Some(k) => Err(format!("extra key {k:?} is empty or has a control character: give it a plain name")),
        None => Ok(()),
    }
}
