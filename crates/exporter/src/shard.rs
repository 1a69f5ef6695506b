//! Shards: a build of the documents whose id hashes to one of N shards,
//! into a *part* folder that [`crate::merge`] combines with the others.
//!
//! A part is an ordinary export of its documents (it verifies like any
//! other) plus `PART.json`, which says which shard it is, of which corpus
//! inputs, and what the merge needs that the tables do not carry: the
//! corpus metadata and, for each discovered actor, the first document
//! that named it.

use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

use corpus_parser::{CorpusMeta, CATALOG_FILE, GAZETTEER_FILE};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// The file that makes an export folder a part.
pub const PART_FILE: &str = "PART.json";

/// What `PART.json` says its format is.
const PART_FORMAT: &str = "corpus-part";

/// One shard of N: `index` counts from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This shard, 1 ..= `count`.
    pub index: u32,
    /// How many shards.
    pub count: u32,
}

impl Shard {
    /// The shard (1 ..= `count`) a document id belongs to: the first eight
    /// bytes of the SHA-256 of the id, modulo `count`. Stable across
    /// machines, runs and versions.
    pub fn of(doc_id: &str, count: u32) -> u32 {
        let digest = Sha256::digest(doc_id.as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        let n = u64::from_be_bytes(first) % u64::from(count.max(1));
        // n < count ≤ u32::MAX, so it fits.
        u32::try_from(n).unwrap_or(0) + 1
    }

    /// Whether a document belongs to this shard.
    pub fn contains(&self, doc_id: &str) -> bool {
        Shard::of(doc_id, self.count) == self.index
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl FromStr for Shard {
    type Err = String;

    /// Parses `I/N`, with 1 ≤ I ≤ N.
    fn from_str(s: &str) -> std::result::Result<Shard, String> {
        let usage = || format!("{s:?}: a shard is I/N with 1 <= I <= N, such as 2/8");
        let (i, n) = s.split_once('/').ok_or_else(usage)?;
        let index: u32 = i.trim().parse().map_err(|_| usage())?;
        let count: u32 = n.trim().parse().map_err(|_| usage())?;
        if index == 0 || count == 0 || index > count {
            return Err(usage());
        }
        Ok(Shard { index, count })
    }
}

/// SHA-256 of the corpus inputs every shard must share: `catalog.toml`
/// and `actors.toml` (if present), byte for byte.
pub fn inputs_fingerprint(corpus: &Path) -> Result<String> {
    let mut hasher = Sha256::new();
    for name in [CATALOG_FILE, GAZETTEER_FILE] {
        let path = corpus.join(name);
        match std::fs::read(&path) {
            Ok(bytes) => {
                hasher.update(name.as_bytes());
                hasher.update((bytes.len() as u64).to_be_bytes());
                hasher.update(&bytes);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && name == GAZETTEER_FILE => {}
            Err(e) => return Err(Error::io(path, e)),
        }
    }
    Ok(crate::digest::hex(&hasher.finalize()))
}

/// What `PART.json` holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartManifest {
    /// Which shard.
    pub shard: Shard,
    /// The version of corpus that built it.
    pub version: String,
    /// See [`inputs_fingerprint`].
    pub inputs_sha256: String,
    /// The catalog's corpus metadata.
    pub meta: CorpusMeta,
    /// Documents in the part.
    pub documents: usize,
    /// Every actor this part's documents discovered, by id, as the first
    /// of them (in key order) named it.
    pub discovered: BTreeMap<String, PartActor>,
}

/// A discovered actor as a part saw it first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartActor {
    /// Its name.
    pub name: String,
    /// `person` or `organization`.
    pub kind: String,
    /// The cue that found it.
    pub cue: String,
    /// The first document (in key order) of the part that discovered it:
    /// across parts, the earliest names the actor, as in a single build.
    pub first_document: String,
}

impl PartManifest {
    /// As pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let value = json!({
            "format": PART_FORMAT,
            "version": self.version,
            "shard": self.shard.index,
            "shards": self.shard.count,
            "inputs_sha256": self.inputs_sha256,
            "corpus": {
                "name": self.meta.name,
                "title": self.meta.title,
                "description": self.meta.description,
            },
            "documents": self.documents,
            "discovered": self.discovered.iter().map(|(id, a)| (id.clone(), json!({
                "name": a.name,
                "type": a.kind,
                "cue": a.cue,
                "first_document": a.first_document,
            }))).collect::<serde_json::Map<String, Value>>(),
        });
        let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Reads `PART.json` of a part folder.
    pub fn read(part: &Path) -> Result<PartManifest> {
        let path = part.join(PART_FILE);
        let bad = |message: String| Error::Part { path: path.clone(), message };
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(bad(format!(
                    "not found: {} is not a part (build one with `corpus build --shard I/N`)",
                    part.display()
                )))
            }
            Err(e) => return Err(Error::io(&path, e)),
        };
        let v: Value = serde_json::from_str(&text).map_err(|e| bad(format!("not valid JSON: {e}")))?;
        if v["format"] != PART_FORMAT {
            return Err(bad(format!("\"format\" is not {PART_FORMAT:?}")));
        }
        let text_of = |key: &str| v[key].as_str().map(String::from).ok_or_else(|| bad(format!("no {key:?}")));
        let number = |key: &str| {
            v[key].as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(|| bad(format!("no {key:?}")))
        };
        let shard = Shard { index: number("shard")?, count: number("shards")? };
        if shard.index == 0 || shard.index > shard.count {
            return Err(bad(format!("shard {shard} is out of range")));
        }
        let optional = |key: &str| v["corpus"][key].as_str().map(String::from);
        let meta = CorpusMeta {
            name: optional("name"),
            title: optional("title"),
            description: optional("description"),
        };
        let mut discovered = BTreeMap::new();
        if let Some(map) = v["discovered"].as_object() {
            for (id, a) in map {
                let field = |key: &str| {
                    a[key]
                        .as_str()
                        .map(String::from)
                        .ok_or_else(|| bad(format!("discovered {id:?} has no {key:?}")))
                };
                let actor = PartActor {
                    name: field("name")?,
                    kind: field("type")?,
                    cue: field("cue")?,
                    first_document: field("first_document")?,
                };
                discovered.insert(id.clone(), actor);
            }
        }
        Ok(PartManifest {
            shard,
            version: text_of("version")?,
            inputs_sha256: text_of("inputs_sha256")?,
            meta,
            documents: v["documents"].as_u64().and_then(|n| usize::try_from(n).ok()).unwrap_or(0),
            discovered,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_one_based() {
        assert_eq!("2/8".parse::<Shard>(), Ok(Shard { index: 2, count: 8 }));
        assert_eq!("1/1".parse::<Shard>(), Ok(Shard { index: 1, count: 1 }));
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", "", "1/3/4"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn every_id_is_in_exactly_one_shard() {
        for n in 1..6u32 {
            for k in 0..200 {
                let id = format!("doc-{k}");
                let owners = (1..=n).filter(|&i| Shard { index: i, count: n }.contains(&id)).count();
                assert_eq!(owners, 1, "{id} in {owners} of {n} shards");
            }
        }
    }

    #[test]
    fn shards_spread_ids() {
        // 3,000 ids over 3 shards: each gets a fair share.
        let mut counts = [0usize; 3];
        for k in 0..3000 {
            counts[(Shard::of(&format!("article-{k}"), 3) - 1) as usize] += 1;
        }
        assert!(counts.iter().all(|&c| (850..1150).contains(&c)), "{counts:?}");
    }

    #[test]
    fn manifest_round_trips() {
        let m = PartManifest {
            shard: Shard { index: 2, count: 3 },
            version: "0.1.0".into(),
            inputs_sha256: "ab".repeat(32),
            meta: CorpusMeta { name: Some("c".into()), title: None, description: Some("d \"q\"".into()) },
            documents: 7,
            discovered: BTreeMap::from([(
                "jane-doe".to_string(),
                PartActor {
                    name: "Jane Doe".into(),
                    kind: "person".into(),
                    cue: "title".into(),
                    first_document: "doc-2".into(),
                },
            )]),
        };
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(PART_FILE), m.to_json()).expect("write");
        assert_eq!(PartManifest::read(dir.path()).expect("read"), m);
    }

    #[test]
    fn a_folder_without_manifest_is_not_a_part() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = PartManifest::read(dir.path()).expect_err("no manifest").to_string();
        assert!(err.contains("is not a part"), "{err}");
    }
}
