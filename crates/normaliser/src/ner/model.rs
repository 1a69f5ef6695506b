//! The model file: a text header recording provenance, then the weights.
//!
//! ```text
//! corpus-ner-model 1
//! feature-version: 1
//! groups: affixes shape context bigrams document lexicons position
//! tags: O B-PER I-PER B-ORG I-ORG B-LOC I-LOC B-MISC I-MISC
//! data: train.conll
//! data-sha256: <hex>
//! lexicons-sha256: <hex>
//! epochs: 10
//! min-count: 2
//! entries: <N>
//! body-bytes: <bytes>
//! body-sha256: <hex>
//!
//! <body>
//! ```
//!
//! The body, little-endian: the transition weights (10 × 9 `i16`: from
//! the start, then from each tag, to each tag), then `N` features sorted
//! by key, each a `u64` hashed key and 9 `i16` weights, one per tag.
//! Weights are the averaged perceptron's, scaled so the largest is 32767.

use sha2::{Digest, Sha256};

use super::error::{NerError, NerErrorKind};
use super::features::{hex, FeatureGroups, FEATURE_VERSION};

/// Tags: O, then B and I of each kind in [`super::EntityKind`] order.
pub(crate) const NTAGS: usize = 9;
/// Tag names, in index order.
pub(crate) const TAG_NAMES: [&str; NTAGS] =
    ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
const MAGIC: &str = "corpus-ner-model 1";

/// Transition weights: row 0 from the start of a sentence, row `1 + t`
/// from tag `t`.
pub(crate) type Transitions = [[i32; NTAGS]; NTAGS + 1];

/// Where a model came from, as its header records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelInfo {
    /// The feature groups it uses.
    pub groups: FeatureGroups,
    /// The training data's file name (no directory).
    pub data: String,
    /// The training data's SHA-256.
    pub data_sha256: String,
    /// The SHA-256 of the word lists its lexicon features read.
    pub lexicons_sha256: String,
    /// Training epochs.
    pub epochs: u32,
    /// Features seen fewer times than this in training were left out.
    pub min_count: u32,
    /// Features kept.
    pub entries: usize,
}

/// A loaded model: an open-addressing table from feature key to weights.
pub(crate) struct Weights {
    slots: Vec<Slot>,
    mask: usize,
    /// One bit per [`PRESENT_BITS`]-bit slice of a key, set for the
    /// model's keys: most features a text has are not in the model, and
    /// this small bitset (128 KiB, in cache) turns most of them away
    /// before the table is touched.
    present: Vec<u64>,
    pub trans: Transitions,
}

/// Bits of a key indexing [`Weights::present`].
const PRESENT_BITS: u32 = 20;

#[inline]
fn present_bit(key: u64) -> usize {
    (key >> (64 - PRESENT_BITS)) as usize
}

/// One table slot: the key's high 32 bits (never 0 when used; the low
/// bits chose the slot) and the weights.
#[derive(Clone, Copy, Default)]
struct Slot {
    check: u32,
    w: [i16; NTAGS],
}

#[inline]
fn check_of(key: u64) -> u32 {
    ((key >> 32) as u32) | 1
}

impl Weights {
    /// Adds to `acc` the weights of every feature of `keys` the model has:
    /// the bitset of the model's keys is read first for a
    /// batch of keys (loads that do not wait on each other, no branch on
    /// their answers), then the table for the keys it lets through. The
    /// sum is the same in any order.
    #[inline]
    pub(crate) fn add_all(&self, keys: &[u64], acc: &mut [i32; NTAGS]) {
        const BATCH: usize = 16;
        let mut kept = [0u64; BATCH];
        for batch in keys.chunks(BATCH) {
            let mut n = 0;
            for &key in batch {
                let bit = present_bit(key);
                kept[n] = key;
                n += (self.present[bit / 64] >> (bit % 64)) as usize & 1;
            }
            for &key in &kept[..n] {
                self.add_present(key, acc);
            }
        }
    }

    /// Adds the weights of `key` to `acc`, if the table has it (a key the
    /// bitset lets through).
    #[inline]
    fn add_present(&self, key: u64, acc: &mut [i32; NTAGS]) {
        let check = check_of(key);
        let mut i = key as usize & self.mask;
        loop {
            let s = &self.slots[i];
            if s.check == check {
                for (a, w) in acc.iter_mut().zip(s.w) {
                    *a += w as i32;
                }
                return;
            }
            if s.check == 0 {
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn new(entries: usize) -> Weights {
        let size = (entries * 2).next_power_of_two().max(16);
        Weights {
            slots: vec![Slot::default(); size],
            mask: size - 1,
            present: vec![0; (1 << PRESENT_BITS) / 64],
            trans: [[0; NTAGS]; NTAGS + 1],
        }
    }

    fn insert(&mut self, key: u64, w: [i16; NTAGS]) {
        let mut i = key as usize & self.mask;
        while self.slots[i].check != 0 {
            i = (i + 1) & self.mask;
        }
        self.slots[i] = Slot { check: check_of(key), w };
        let bit = present_bit(key);
        self.present[bit / 64] |= 1 << (bit % 64);
    }
}

/// Writes a model file.
pub(crate) fn write(
    info: &ModelInfo,
    trans: &[[i16; NTAGS]; NTAGS + 1],
    features: &[(u64, [i16; NTAGS])],
) -> Vec<u8> {
    let mut body = Vec::with_capacity((NTAGS + 1) * NTAGS * 2 + features.len() * (8 + NTAGS * 2));
    for row in trans {
        for w in row {
            body.extend_from_slice(&w.to_le_bytes());
        }
    }
    for (k, ws) in features {
        body.extend_from_slice(&k.to_le_bytes());
        for w in ws {
            body.extend_from_slice(&w.to_le_bytes());
        }
    }
    let header = format!(
        "{MAGIC}\nfeature-version: {FEATURE_VERSION}\ngroups: {}\ntags: {}\ndata: {}\ndata-sha256: {}\nlexicons-sha256: {}\nepochs: {}\nmin-count: {}\nentries: {}\nbody-bytes: {}\nbody-sha256: {}\n\n",
        info.groups.names(),
        TAG_NAMES.join(" "),
        info.data,
        info.data_sha256,
        info.lexicons_sha256,
        info.epochs,
        info.min_count,
        features.len(),
        body.len(),
        hex(&Sha256::digest(&body)),
    );
    let mut out = header.into_bytes();
    out.extend_from_slice(&body);
    out
}

/// Reads a model file, checking its header and body.
pub(crate) fn read(bytes: &[u8]) -> Result<(ModelInfo, Weights), NerError> {
    let split =
        bytes.windows(2).position(|w| w == b"\n\n").ok_or_else(|| NerError::new(NerErrorKind::NotAModel))?;
    let header = std::str::from_utf8(&bytes[..split]).map_err(|_| NerError::new(NerErrorKind::NotAModel))?;
    let body = &bytes[split + 2..];
    let mut lines = header.lines();
    if lines.next() != Some(MAGIC) {
        return Err(NerError::new(NerErrorKind::NotAModel));
    }
    let mut fields = Vec::new();
    for (n, line) in lines.enumerate() {
        let (k, v) = line
            .split_once(": ")
            .ok_or_else(|| NerError::header(n + 2, format!("`{line}` is not `name: value`")))?;
        fields.push((n + 2, k, v));
    }
    let get = |name: &str| -> Result<(usize, &str), NerError> {
        fields
            .iter()
            .find(|(_, k, _)| *k == name)
            .map(|(n, _, v)| (*n, *v))
            .ok_or_else(|| NerError::header(0, format!("no `{name}` line")))
    };
    let number = |name: &str| -> Result<usize, NerError> {
        let (n, v) = get(name)?;
        v.parse().map_err(|_| NerError::header(n, format!("{name} `{v}` is not a number")))
    };
    let version = number("feature-version")? as u32;
    if version != FEATURE_VERSION {
        return Err(NerError::new(NerErrorKind::FeatureVersion {
            found: version,
            expected: FEATURE_VERSION,
        }));
    }
    let (n, tags) = get("tags")?;
    if tags != TAG_NAMES.join(" ") {
        return Err(NerError::header(n, format!("tags `{tags}` are not the ones this code decodes")));
    }
    let (n, groups) = get("groups")?;
    let groups = FeatureGroups::from_names(groups)
        .ok_or_else(|| NerError::header(n, format!("unknown feature group in `{groups}`")))?;
    let entries = number("entries")?;
    let expected = number("body-bytes")?;
    let row = 8 + NTAGS * 2;
    if body.len() != expected || expected != (NTAGS + 1) * NTAGS * 2 + entries * row {
        return Err(NerError::new(NerErrorKind::Length {
            expected: (NTAGS + 1) * NTAGS * 2 + entries * row,
            found: body.len(),
        }));
    }
    if get("body-sha256")?.1 != hex(&Sha256::digest(body)) {
        return Err(NerError::new(NerErrorKind::Checksum));
    }
    let info = ModelInfo {
        groups,
        data: get("data")?.1.to_string(),
        data_sha256: get("data-sha256")?.1.to_string(),
        lexicons_sha256: get("lexicons-sha256")?.1.to_string(),
        epochs: number("epochs")? as u32,
        min_count: number("min-count")? as u32,
        entries,
    };
    let i16_at = |at: usize| i16::from_le_bytes([body[at], body[at + 1]]);
    let mut weights = Weights::new(entries);
    for (r, row) in weights.trans.iter_mut().enumerate() {
        for (t, w) in row.iter_mut().enumerate() {
            *w = i16_at((r * NTAGS + t) * 2) as i32;
        }
    }
    let start = (NTAGS + 1) * NTAGS * 2;
    for e in body[start..].chunks_exact(row) {
        let key = u64::from_le_bytes(e[..8].try_into().expect("a chunk of 26 bytes has 8 first"));
        let mut w = [0i16; NTAGS];
        for (t, w) in w.iter_mut().enumerate() {
            *w = i16::from_le_bytes([e[8 + 2 * t], e[9 + 2 * t]]);
        }
        weights.insert(key, w);
    }
    Ok((info, weights))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key's weights are added once, whether in the model or not,
    /// across batches: 40 keys, a third in the table, some twice.
    #[test]
    fn all_the_weights_of_the_keys_added() {
        let mut w = Weights::new(20);
        let key = |k: u64| k.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let mut want = [0i32; NTAGS];
        let mut keys = Vec::new();
        for k in 0..40u64 {
            keys.push(key(k));
            if k % 3 == 0 {
                let ws: [i16; NTAGS] = std::array::from_fn(|t| (k as i16 + 1) * (t as i16 - 4));
                w.insert(key(k), ws);
                for (a, w) in want.iter_mut().zip(ws) {
                    *a += w as i32;
                }
            }
        }
        // Key 3 again, in the last batch.
        keys.push(key(3));
        for (t, a) in want.iter_mut().enumerate() {
            *a += (3 + 1) * (t as i32 - 4);
        }
        let mut got = [0i32; NTAGS];
        w.add_all(&keys, &mut got);
        assert_eq!(got, want);
    }
}
