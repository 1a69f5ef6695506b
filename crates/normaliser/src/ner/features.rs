//! The recogniser's features: each a 64-bit hash of a template and a
//! value, computed from byte slices of the text (no string per token).
//!
//! A token's features are in two parts. *Local* ones depend only on the
//! word, where it stands in its sentence, whether its sentence is all
//! capitals, and what the document says about the word elsewhere; a
//! document computes them once per distinct (word, flags). *Context* ones
//! depend on the neighbours (words ±2, shapes ±1, bigrams).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

use super::tokenize::Token;

/// The version of the feature templates: a model trained with another
/// version is refused. Bump it whenever a feature changes.
pub(crate) const FEATURE_VERSION: u32 = 3;

/// Which groups of features a model uses (all of them by default); the
/// training command turns groups off to measure what each is worth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeatureGroups {
    /// Prefixes and suffixes of 1–4 characters.
    pub affixes: bool,
    /// Word shape ("Xx.", "XX", "d-d"), capitalisation, digits, hyphen,
    /// initials.
    pub shape: bool,
    /// Words ±2, shapes ±1 and the shape trigram.
    pub context: bool,
    /// Word bigrams with the previous and the next word.
    pub bigrams: bool,
    /// Document level: the word seen capitalised inside a sentence, or
    /// in lower case, elsewhere in the document.
    pub document: bool,
    /// The project's word lists (titles, organization heads, places,
    /// surnames, roles, not-names), for the word and its neighbours.
    pub lexicons: bool,
    /// The sentence is all capitals (a headline), and the first word.
    pub position: bool,
}

impl Default for FeatureGroups {
    fn default() -> Self {
        FeatureGroups {
            affixes: true,
            shape: true,
            context: true,
            bigrams: true,
            document: true,
            lexicons: true,
            position: true,
        }
    }
}

const GROUP_NAMES: [&str; 7] = ["affixes", "shape", "context", "bigrams", "document", "lexicons", "position"];

impl FeatureGroups {
    fn flags(&self) -> [bool; 7] {
        [self.affixes, self.shape, self.context, self.bigrams, self.document, self.lexicons, self.position]
    }

    /// The names of the groups that are on, space-separated (the model
    /// header's `groups:` line).
    pub fn names(&self) -> String {
        let on: Vec<&str> =
            GROUP_NAMES.iter().zip(self.flags()).filter(|(_, f)| *f).map(|(n, _)| *n).collect();
        on.join(" ")
    }

    /// Groups from [`FeatureGroups::names`]; `None` on an unknown name.
    pub fn from_names(names: &str) -> Option<FeatureGroups> {
        let mut g = FeatureGroups {
            affixes: false,
            shape: false,
            context: false,
            bigrams: false,
            document: false,
            lexicons: false,
            position: false,
        };
        for n in names.split_whitespace() {
            *g.flag_mut(n)? = true;
        }
        Some(g)
    }

    /// These groups with the one named `name` turned off.
    pub fn without(mut self, name: &str) -> Option<FeatureGroups> {
        *self.flag_mut(name)? = false;
        Some(self)
    }

    fn flag_mut(&mut self, name: &str) -> Option<&mut bool> {
        match name {
            "affixes" => Some(&mut self.affixes),
            "shape" => Some(&mut self.shape),
            "context" => Some(&mut self.context),
            "bigrams" => Some(&mut self.bigrams),
            "document" => Some(&mut self.document),
            "lexicons" => Some(&mut self.lexicons),
            "position" => Some(&mut self.position),
            _ => None,
        }
    }
}

/// FNV-1a over bytes: stable across platforms and runs.
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The splitmix64 finaliser: spreads every input bit over the output.
pub(crate) fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The key of feature template `t` with value `v`.
#[inline]
fn key(t: u64, v: u64) -> u64 {
    mix(v ^ t.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Two values as one.
#[inline]
pub(crate) fn pair(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(23) ^ b)
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv(bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by a hash.
pub(crate) type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;
/// A set of hashes.
pub(crate) type KeySet = HashSet<u64, BuildHasherDefault<KeyHasher>>;

/// Word-list bits.
fn lex_files() -> [&'static str; 7] {
    let en = &crate::language::EN;
    [en.titles, en.org_heads, en.places, en.common_surnames, en.roles, en.not_names, en.not_person_words]
}

/// The SHA-256 of the word lists, as the model header records it.
pub(crate) fn lexicons_sha256() -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for f in lex_files() {
        h.update(f.as_bytes());
    }
    hex(&h.finalize())
}

/// Lower-case hexadecimal.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Each listed word (lower-cased; every capitalised word of a multi-word
/// entry, with and without a full stop) → the bits of the lists it is in.
static LEXICON: LazyLock<KeyMap<u8>> = LazyLock::new(|| {
    let mut map = KeyMap::default();
    for (bit, file) in lex_files().iter().enumerate() {
        let entries =
            file.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty());
        for entry in entries {
            let multi = entry.contains(' ');
            for w in entry.split(' ') {
                if multi && !w.starts_with(char::is_uppercase) {
                    continue;
                }
                for form in [w, w.trim_end_matches('.')] {
                    *map.entry(fnv(form.to_lowercase().as_bytes())).or_insert(0) |= 1 << bit;
                }
            }
        }
    }
    map
});

/// What features need to know about one token, computed once.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokInfo {
    /// Hash of the word as written.
    pub exact: u64,
    /// Hash of the word in lower case.
    pub lower: u64,
    /// Hash of the short shape ("Xx", "X.X.", "d,d").
    pub shape: u64,
    /// First character upper case.
    pub cap: bool,
    /// Has letters, all lower case.
    pub lower_only: bool,
    /// Has lower-case letters.
    pub has_lower: bool,
}

impl TokInfo {
    /// The facts of a word of lower-case ASCII letters whose hash is
    /// `exact`: its own lower case, its shape "x".
    #[inline]
    const fn lower_case(exact: u64) -> TokInfo {
        TokInfo { exact, lower: exact, shape: SHAPE_LOWER, cap: false, lower_only: true, has_lower: true }
    }

    /// Word-list bits: those of the word in lower case. Looked up when a
    /// feature reads them, not for every token: the tagger reads them only
    /// for a word whose scores it has not cached, and most tokens are no
    /// candidate or are cached (a look-up per token was 1% of a build).
    /// The sentinels' lower-case hashes are no listed word's (a test holds
    /// this): they have none.
    #[inline]
    pub(crate) fn lex(&self) -> u8 {
        lex_bits(self.lower)
    }
}

/// Reusable buffers for one token's strings.
#[derive(Default)]
pub(crate) struct Scratch {
    lower: String,
    shape: String,
}

/// The FNV-1a hash of no bytes: [`fnv`] starts from it.
pub(crate) const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte more of an FNV-1a hash: `fnv(b"ab")` is
/// `fnv_step(fnv_step(FNV_START, b'a'), b'b')`.
#[inline]
pub(crate) const fn fnv_step(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
}

/// The word as the features read it: typographic apostrophes, quotation
/// marks, dashes and ellipses as the ASCII forms CoNLL-2003 writes ("’s"
/// → "'s", “ → ", — → --, – → -, … → ...). News text is full of the
/// typographic ones, which the training data never has: "’s" after a
/// name was a word the model had never seen, and "Donald Trump’s claim"
/// came out as an organization "Trump". (Feature version 3.)
pub(crate) fn typographic_folded(word: &str) -> std::borrow::Cow<'_, str> {
    const MARKS: [char; 7] =
        ['\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2013}', '\u{2014}', '\u{2026}'];
    if word.is_ascii() || !word.contains(MARKS) {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2018}' | '\u{2019}' => out.push('\''),
            '\u{201C}' | '\u{201D}' => out.push('"'),
            '\u{2013}' => out.push('-'),
            '\u{2014}' => out.push_str("--"),
            '\u{2026}' => out.push_str("..."),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Fills `info` for a word.
pub(crate) fn tok_info(word: &str, scratch: &mut Scratch) -> TokInfo {
    // One pass for the commonest words, lower-case ASCII letters only:
    // the word is its own lower case, its shape "x" (one hash, not three).
    let (mut exact, mut lower_only, mut high) = (FNV_START, !word.is_empty(), 0u8);
    for &b in word.as_bytes() {
        exact = fnv_step(exact, b);
        lower_only &= b.is_ascii_lowercase();
        high |= b;
    }
    if lower_only {
        return TokInfo::lower_case(exact);
    }
    if high < 0x80 {
        return ascii_tok_info(word.as_bytes());
    }
    let folded = typographic_folded(word);
    let word = folded.as_ref();
    if word.is_ascii() {
        return ascii_tok_info(word.as_bytes());
    }
    let Scratch { lower, shape } = scratch;
    lower.clear();
    shape.clear();
    let (mut upper, mut low, mut last) = (0usize, 0usize, None);
    for c in word.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            low += 1;
        }
        lower.extend(c.to_lowercase());
        let class = shape_class(c);
        if last != Some(class) {
            shape.push(class);
            last = Some(class);
        }
    }
    let lower_hash = fnv(lower.as_bytes());
    TokInfo {
        exact: fnv(word.as_bytes()),
        lower: lower_hash,
        shape: fnv(shape.as_bytes()),
        cap: word.chars().next().is_some_and(char::is_uppercase),
        lower_only: low > 0 && upper == 0,
        has_lower: low > 0,
    }
}

/// [`tok_info`] of an ASCII word not all lower-case letters, without
/// building strings (the same hashes).
fn ascii_tok_info(word: &[u8]) -> TokInfo {
    let (mut exact, mut lower, mut shape) = (FNV_START, FNV_START, FNV_START);
    let (mut upper, mut low, mut last) = (0usize, 0usize, 0u8);
    for &b in word {
        exact = fnv_step(exact, b);
        lower = fnv_step(lower, b.to_ascii_lowercase());
        let class = match b {
            b'A'..=b'Z' => {
                upper += 1;
                b'X'
            }
            b'a'..=b'z' => {
                low += 1;
                b'x'
            }
            b'0'..=b'9' => b'd',
            _ => b,
        };
        if class != last {
            shape = fnv_step(shape, class);
            last = class;
        }
    }
    TokInfo {
        exact,
        lower,
        shape,
        cap: word.first().is_some_and(u8::is_ascii_uppercase),
        lower_only: low > 0 && upper == 0,
        has_lower: low > 0,
    }
}

/// The hash of the short shape of a word of lower-case letters ("x").
const SHAPE_LOWER: u64 = fnv_step(FNV_START, b'x');

/// The word-list bits of a word, by its lower-case hash.
pub(crate) fn lex_bits(lower: u64) -> u8 {
    LEXICON.get(&lower).copied().unwrap_or(0)
}

fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// A document prepared for features: token facts, sentences, and what the
/// document says about each word.
pub(crate) struct Prepared {
    pub info: Vec<TokInfo>,
    /// Per token: whether it can be part of a name, see [`candidates`].
    pub candidate: Vec<bool>,
    /// Per sentence: all capitals (a headline).
    pub all_caps: Vec<bool>,
    /// What the document says about a word, by its lower-case hash: bit
    /// [`CAPSEEN`], written capitalised inside a sentence (not first) of
    /// a sentence that is not all capitals; bit [`LOWSEEN`], written in
    /// lower case. Only the words asked about are in it (written
    /// capitalised, or in a sentence all in capitals): one look-up a
    /// token tells both, not one a set.
    seen: KeyMap<u8>,
}

/// [`Prepared::seen`]: the word is written capitalised inside a sentence.
const CAPSEEN: u8 = 1;
/// [`Prepared::seen`]: the word is written in lower case.
const LOWSEEN: u8 = 2;

/// Facts about every token of a document.
pub(crate) fn prepare(text: &str, tokens: &[Token], sentences: &[Range<usize>]) -> Prepared {
    let mut scratch = Scratch::default();
    let info: Vec<TokInfo> = tokens.iter().map(|t| token_info(text, t.range(), &mut scratch)).collect();
    let mut all_caps = Vec::with_capacity(sentences.len());
    let mut candidate = vec![false; info.len()];
    // The words whose being seen is ever asked (see `local`): those
    // written capitalised, and every token of a sentence all in capitals
    // ("1ST", "3RD" start with no capital). A lower-case word is looked
    // up in this small map, not added to a set of all of them.
    let mut seen = KeyMap::with_capacity_and_hasher(tokens.len() / 8, Default::default());
    // A bit per slice of the hashes in `seen`: most lower-case words are
    // not asked about, and this bitset turns them away without a look-up.
    let mut asked = [0u64; ASKED_WORDS];
    for s in sentences {
        let toks = &info[s.clone()];
        let (mut any_cap, mut any_lower) = (false, false);
        for t in toks {
            any_cap |= t.cap;
            any_lower |= t.has_lower;
        }
        let caps = any_cap && !any_lower;
        all_caps.push(caps);
        if !any_cap {
            // No capital: nothing asked about, no candidate.
            continue;
        }
        for (j, t) in toks.iter().enumerate() {
            if t.cap || caps {
                let bits = seen.entry(t.lower).or_insert(0);
                if t.cap && j > 0 && !caps {
                    *bits |= CAPSEEN;
                }
                let bit = asked_bit(t.lower);
                asked[bit / 64] |= 1 << (bit % 64);
            }
        }
        mark_candidates(toks, &mut candidate[s.clone()]);
    }
    for t in &info {
        if t.lower_only {
            let bit = asked_bit(t.lower);
            if asked[bit / 64] >> (bit % 64) & 1 != 0 {
                if let Some(bits) = seen.get_mut(&t.lower) {
                    *bits |= LOWSEEN;
                }
            }
        }
    }
    Prepared { info, candidate, all_caps, seen }
}

/// Words (`u64`) of the bitset of the hashes [`prepare`] asks about.
const ASKED_WORDS: usize = 64;

/// The bit of [`prepare`]'s bitset for a lower-case hash.
#[inline]
fn asked_bit(lower: u64) -> usize {
    (lower >> (64 - (ASKED_WORDS * 64).trailing_zeros())) as usize
}

/// The facts of `text[r]` ([`tok_info`] of it): the commonest tokens
/// without slicing the text as a string nor a call: one ASCII byte by
/// table, a word of lower-case ASCII letters and a capitalised one
/// ("Kabul") in one pass.
#[inline]
pub(crate) fn token_info(text: &str, r: Range<usize>, scratch: &mut Scratch) -> TokInfo {
    let word = &text.as_bytes()[r.clone()];
    let Some((&first, rest)) = word.split_first() else { return tok_info("", scratch) };
    if first < 0x80 && rest.is_empty() {
        return BYTE_INFO[first as usize];
    }
    let mut exact = fnv_step(FNV_START, first);
    // Every byte after the first a lower-case ASCII letter.
    let mut rest_lower = true;
    for &b in rest {
        exact = fnv_step(exact, b);
        rest_lower &= b.is_ascii_lowercase();
    }
    if rest_lower {
        if first.is_ascii_lowercase() {
            return TokInfo::lower_case(exact);
        }
        if first.is_ascii_uppercase() {
            // "Xx": the lower case differs in the first byte only.
            let lower =
                rest.iter().fold(fnv_step(FNV_START, first.to_ascii_lowercase()), |h, &b| fnv_step(h, b));
            return TokInfo {
                exact,
                lower,
                shape: SHAPE_CAPITAL,
                cap: true,
                lower_only: false,
                has_lower: true,
            };
        }
    }
    if word.is_ascii() {
        return ascii_tok_info(word);
    }
    tok_info(&text[r], scratch)
}

/// [`tok_info`] of each one-byte ASCII word, by byte.
static BYTE_INFO: [TokInfo; 128] = {
    let mut t =
        [TokInfo { exact: 0, lower: 0, shape: 0, cap: false, lower_only: false, has_lower: false }; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let class = match c {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            _ => c,
        };
        t[b] = TokInfo {
            exact: fnv_step(FNV_START, c),
            lower: fnv_step(FNV_START, c.to_ascii_lowercase()),
            // A NUL byte adds nothing to the shape (as in `ascii_tok_info`).
            shape: if class == 0 { FNV_START } else { fnv_step(FNV_START, class) },
            cap: c.is_ascii_uppercase(),
            lower_only: c.is_ascii_lowercase(),
            has_lower: c.is_ascii_lowercase(),
        };
        b += 1;
    }
    t
};

/// The hash of the short shape of a capitalised word of letters ("Xx").
const SHAPE_CAPITAL: u64 = fnv_step(fnv_step(FNV_START, b'X'), b'x');

/// Marks the candidates of one sentence (see [`candidates`]) in `out`,
/// one pass with the capitals of a window of five tokens.
fn mark_candidates(toks: &[TokInfo], out: &mut [bool]) {
    const { assert!(GAP == 2, "the window is GAP tokens either side") };
    let cap = |k: usize| toks.get(k).is_some_and(|t| t.cap);
    let (mut p2, mut p1, mut c0, mut n1) = (false, false, cap(0), cap(1));
    for (j, o) in out.iter_mut().enumerate() {
        let n2 = cap(j + 2);
        *o = c0 || ((p1 || p2) && (n1 || n2));
        (p2, p1, c0, n1) = (p1, c0, n1, n2);
    }
}

impl Prepared {
    /// The same facts, with the document-wide word facts taken from
    /// `words` (for a text read in chunks, see `Recogniser::recognise`).
    pub(crate) fn with_words(mut self, words: &DocWords) -> Prepared {
        let mut seen = KeyMap::with_capacity_and_hasher(words.lowseen.len(), Default::default());
        for &w in &words.capseen {
            *seen.entry(w).or_insert(0) |= CAPSEEN;
        }
        for &w in &words.lowseen {
            *seen.entry(w).or_insert(0) |= LOWSEEN;
        }
        self.seen = seen;
        self
    }
}

/// The words of a whole document written capitalised inside a sentence,
/// and written in lower case: gathered from its chunks one at a time.
#[derive(Default)]
pub(crate) struct DocWords {
    capseen: KeySet,
    lowseen: KeySet,
}

impl DocWords {
    /// Adds the words of one chunk.
    pub(crate) fn add(&mut self, text: &str, tokens: &[Token], sentences: &[Range<usize>]) {
        let p = prepare(text, tokens, sentences);
        self.capseen.extend(p.seen.iter().filter(|(_, &bits)| bits & CAPSEEN != 0).map(|(&w, _)| w));
        // Every lower-case word: another chunk may write it capitalised.
        self.lowseen.extend(p.info.iter().filter(|t| t.lower_only).map(|t| t.lower));
    }
}

/// How far a word may be from capitalised words on both sides and still
/// be part of a name ("Bank of the Philippine Islands").
const GAP: usize = 2;

/// The tokens that can be part of a name: a capitalised word, or a word
/// with a capitalised word at most [`GAP`] words before it and after it
/// in its sentence. The others are outside every name (0.6% of the name
/// tokens of CoNLL-2003 train are not candidates); the recogniser
/// computes no features for them, which is most of its speed.
/// ([`mark_candidates`] computes it; this is the plain definition.)
#[cfg(test)]
pub(crate) fn candidates(info: &[TokInfo], sentences: &[Range<usize>]) -> Vec<bool> {
    let mut out = vec![false; info.len()];
    for s in sentences {
        let toks = &info[s.clone()];
        for (j, t) in toks.iter().enumerate() {
            out[s.start + j] = t.cap || {
                let before = toks[j.saturating_sub(GAP)..j].iter().any(|t| t.cap);
                before && toks[j + 1..(j + 1 + GAP).min(toks.len())].iter().any(|t| t.cap)
            };
        }
    }
    out
}

/// Where a token stands: the flags its local features depend on besides
/// the word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Place {
    pub first: bool,
    pub all_caps: bool,
    pub capseen: bool,
    pub lowseen: bool,
}

impl Prepared {
    /// The place of token `i`, first in its sentence or not, in sentence
    /// `s`.
    pub(crate) fn place(&self, i: usize, first: bool, s: usize) -> Place {
        let t = &self.info[i];
        let bits = self.seen.get(&t.lower).copied().unwrap_or(0);
        Place {
            first,
            all_caps: self.all_caps[s],
            capseen: bits & CAPSEEN != 0,
            lowseen: bits & LOWSEEN != 0,
        }
    }
}

impl Place {
    /// The flags as bits, to key a cache of local scores.
    pub(crate) fn bits(&self) -> u64 {
        self.first as u64
            | (self.all_caps as u64) << 1
            | (self.capseen as u64) << 2
            | (self.lowseen as u64) << 3
    }
}

/// The local features of `word` (with facts `t`) at `place`.
pub(crate) fn local(
    word: &str,
    t: &TokInfo,
    place: Place,
    g: &FeatureGroups,
    scratch: &mut Scratch,
    out: &mut Vec<u64>,
) {
    let folded = typographic_folded(word);
    let word = folded.as_ref();
    out.push(key(0, 0));
    out.push(key(1, t.exact));
    out.push(key(2, t.lower));
    if g.shape {
        shape_features(word, t, scratch, out);
    }
    if g.affixes {
        affix_features(word, scratch, out);
    }
    if g.position {
        if place.first {
            out.push(key(30, t.shape));
            out.push(key(31, t.lower));
        }
        if place.all_caps {
            out.push(key(32, t.lower));
            out.push(key(33, place.first as u64));
        }
    }
    if g.document && (t.cap || place.all_caps) {
        let v = place.capseen as u64
            | (place.lowseen as u64) << 1
            | (place.first as u64) << 2
            | (place.all_caps as u64) << 3;
        out.push(key(40, v));
    }
    if g.lexicons {
        let lex = t.lex();
        for bit in 0..8 {
            if lex & (1 << bit) != 0 {
                out.push(key(50, bit));
                out.push(key(51, bit << 1 | t.cap as u64));
            }
        }
    }
}

/// The word's shape features: its long shape, short shape and flags.
fn shape_features(word: &str, t: &TokInfo, scratch: &mut Scratch, out: &mut Vec<u64>) {
    let long = &mut scratch.shape;
    long.clear();
    let (mut last, mut run) = (None, 0);
    for c in word.chars() {
        let class = shape_class(c);
        run = if last == Some(class) { run + 1 } else { 1 };
        last = Some(class);
        if run <= 4 {
            long.push(class);
        }
    }
    out.push(key(3, fnv(long.as_bytes())));
    out.push(key(4, t.shape));
    let mut chars = word.chars();
    let initial =
        matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase());
    let all_upper = t.cap && !t.has_lower;
    let flags = [
        t.cap,
        all_upper,
        word.bytes().any(|b| b.is_ascii_digit()),
        word.contains('-'),
        word.contains('.'),
        initial,
    ];
    for (n, f) in flags.into_iter().enumerate() {
        if f {
            out.push(key(5, n as u64));
        }
    }
}

/// The word's prefixes and suffixes of one to four characters.
fn affix_features(word: &str, scratch: &mut Scratch, out: &mut Vec<u64>) {
    let lower = &mut scratch.lower;
    lower.clear();
    lower.extend(word.chars().flat_map(char::to_lowercase));
    let ends: Vec<usize> =
        lower.char_indices().map(|(i, _)| i).skip(1).chain([lower.len()]).take(4).collect();
    for (n, &e) in ends.iter().enumerate() {
        out.push(key(10 + n as u64, fnv(&lower.as_bytes()[..e])));
    }
    let starts: Vec<usize> = lower.char_indices().rev().map(|(i, _)| i).take(4).collect();
    for (n, &s) in starts.iter().enumerate() {
        out.push(key(20 + n as u64, fnv(&lower.as_bytes()[s..])));
    }
}

/// Sentinels for the words before the first and after the last.
pub(crate) const BOS: TokInfo =
    TokInfo { exact: 1, lower: 1, shape: 1, cap: false, lower_only: false, has_lower: false };
pub(crate) const EOS: TokInfo =
    TokInfo { exact: 2, lower: 2, shape: 2, cap: false, lower_only: false, has_lower: false };

/// Where a neighbour stands in [`context`]'s features of a token: the
/// word before it, the word after it, two before, two after.
pub(crate) const NEIGHBOURS: [isize; 4] = [-1, 1, -2, 2];

/// The features of [`context`] that read one neighbour alone, the one at
/// `NEIGHBOURS[role]`, with facts `n`: they depend on that word only, so
/// the tagger sums their weights once a word, not once a token.
pub(crate) fn neighbour(n: &TokInfo, role: usize, g: &FeatureGroups, out: &mut Vec<u64>) {
    match role {
        0 => {
            if g.context {
                out.push(key(70, n.lower));
                out.push(key(74, n.shape));
            }
            if g.lexicons {
                out.push(key(79, n.lex() as u64));
            }
        }
        1 => {
            if g.context {
                out.push(key(71, n.lower));
                out.push(key(75, n.shape));
            }
            if g.lexicons {
                out.push(key(80, n.lex() as u64));
            }
        }
        2 => {
            if g.context {
                out.push(key(72, n.lower));
            }
        }
        _ => {
            if g.context {
                out.push(key(73, n.lower));
            }
        }
    }
}

/// The features of [`context`] that read the token with its neighbours
/// together (the shape trigram, the bigrams): [`context`]'s features are
/// these and each neighbour's [`neighbour`] features.
pub(crate) fn joint(s: &[TokInfo], i: usize, g: &FeatureGroups, out: &mut Vec<u64>) {
    let at = |d: isize| -> &TokInfo {
        let j = i as isize + d;
        if j < 0 {
            &BOS
        } else {
            s.get(j as usize).unwrap_or(&EOS)
        }
    };
    let (p1, t, n1) = (at(-1), at(0), at(1));
    if g.context {
        out.push(key(76, pair(pair(p1.shape, t.shape), n1.shape)));
    }
    if g.bigrams {
        out.push(key(77, pair(p1.lower, t.lower)));
        out.push(key(78, pair(t.lower, n1.lower)));
    }
}

/// The context features of token `i` of sentence `s` (facts of its
/// tokens).
pub(crate) fn context(s: &[TokInfo], i: usize, g: &FeatureGroups, out: &mut Vec<u64>) {
    let at = |d: isize| -> &TokInfo {
        let j = i as isize + d;
        if j < 0 {
            &BOS
        } else {
            s.get(j as usize).unwrap_or(&EOS)
        }
    };
    let (p2, p1, t, n1, n2) = (at(-2), at(-1), at(0), at(1), at(2));
    if g.context {
        out.push(key(70, p1.lower));
        out.push(key(71, n1.lower));
        out.push(key(72, p2.lower));
        out.push(key(73, n2.lower));
        out.push(key(74, p1.shape));
        out.push(key(75, n1.shape));
        out.push(key(76, pair(pair(p1.shape, t.shape), n1.shape)));
    }
    if g.bigrams {
        out.push(key(77, pair(p1.lower, t.lower)));
        out.push(key(78, pair(t.lower, n1.lower)));
    }
    if g.lexicons {
        out.push(key(79, p1.lex() as u64));
        out.push(key(80, n1.lex() as u64));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::{sentences, tokenize};

    /// [`prepare`] as first written: [`tok_info`] of each token sliced as
    /// a string, the sentence facts in one map, every lower-case word
    /// looked up, and [`candidates`].
    fn prepare_plain(text: &str, tokens: &[Token], sentences: &[Range<usize>]) -> Prepared {
        let mut scratch = Scratch::default();
        let info: Vec<TokInfo> = tokens.iter().map(|t| tok_info(&text[t.range()], &mut scratch)).collect();
        let mut all_caps = Vec::new();
        let mut seen = KeyMap::default();
        for s in sentences {
            let toks = &info[s.clone()];
            let caps = toks.iter().any(|t| t.cap) && !toks.iter().any(|t| t.has_lower);
            all_caps.push(caps);
            for (j, t) in toks.iter().enumerate() {
                if t.cap || caps {
                    let bits = seen.entry(t.lower).or_insert(0);
                    if t.cap && j > 0 && !caps {
                        *bits |= CAPSEEN;
                    }
                }
            }
        }
        for t in &info {
            if t.lower_only {
                if let Some(bits) = seen.get_mut(&t.lower) {
                    *bits |= LOWSEEN;
                }
            }
        }
        let candidate = candidates(&info, sentences);
        Prepared { info, candidate, all_caps, seen }
    }

    /// The fields of a token's facts, to compare.
    fn fields(t: &TokInfo) -> (u64, u64, u64, bool, bool, bool) {
        (t.exact, t.lower, t.shape, t.cap, t.lower_only, t.has_lower)
    }

    /// Pieces of text: words of every case, one-byte tokens, digits,
    /// abbreviations, non-ASCII letters and marks, white space, line
    /// breaks (empty and one-word sentences).
    const PIECES: [&str; 44] = [
        "the",
        "Kabul",
        "kabul",
        "Said",
        "nato",
        "The",
        "NATO",
        "U.S.",
        "Gen.",
        "said",
        ",",
        ".",
        "a",
        "I",
        "O",
        "x",
        "1999",
        "3.5",
        "1ST",
        "McDonald",
        "iPhone",
        "e-mail",
        "Zürich",
        "ZÜRICH",
        "zürich",
        "’s",
        "'s",
        "“",
        "”",
        "—",
        "…",
        "Ça",
        "élan",
        "ÉLAN",
        "K",
        "\u{212A}ELVIN",
        "kelvin",
        "İstanbul",
        "🙂",
        "(",
        "\"",
        "\n",
        "\n\n",
        "  ",
    ];

    /// Texts drawn from [`PIECES`], some all in capitals, by a fixed seed.
    fn texts() -> Vec<String> {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        let mut out = vec![String::new(), " ".to_string(), "\n".to_string()];
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..next(40) {
                t.push_str(PIECES[next(PIECES.len())]);
                t.push_str([" ", " ", " ", "", "\n"][next(5)]);
            }
            if next(4) == 0 {
                t = t.to_uppercase();
            }
            out.push(t);
        }
        out
    }

    /// The fast facts of each token, the sentence facts, the document
    /// facts and the candidates are those of the plain computation.
    #[test]
    fn prepare_gives_what_the_plain_computation_gives() {
        for text in texts() {
            let tokens = tokenize(&text);
            let sentences = sentences(&text, &tokens);
            let (fast, plain) =
                (prepare(&text, &tokens, &sentences), prepare_plain(&text, &tokens, &sentences));
            let info = |p: &Prepared| p.info.iter().map(fields).collect::<Vec<_>>();
            assert_eq!(info(&fast), info(&plain), "{text:?}");
            assert_eq!(fast.candidate, plain.candidate, "{text:?}");
            assert_eq!(fast.all_caps, plain.all_caps, "{text:?}");
            assert_eq!(fast.seen, plain.seen, "{text:?}");
        }
    }

    /// [`token_info`] is [`tok_info`] for every one-byte word and every
    /// word of two bytes drawn from letters, digits, marks and a byte of
    /// a character outside ASCII, and for the pieces.
    #[test]
    fn token_info_is_tok_info() {
        let mut scratch = Scratch::default();
        let mut check = |w: &str| {
            let text = format!(" {w} ");
            let fast = token_info(&text, 1..1 + w.len(), &mut scratch);
            assert_eq!(fields(&fast), fields(&tok_info(w, &mut scratch)), "{w:?}");
        };
        let chars: Vec<char> = (0u8..128).map(char::from).chain(['é', 'É', '’', '\u{212A}']).collect();
        for &a in &chars {
            check(&a.to_string());
            for &b in &chars {
                check(&format!("{a}{b}"));
                check(&format!("{a}{b}ab"));
            }
        }
        for p in PIECES {
            check(p);
        }
    }
}
