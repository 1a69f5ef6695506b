//! A statistical named-entity recogniser (people, organizations, places,
//! other names), trained on CoNLL-2003 English and shipped inside the
//! binary.
//!
//! - [`tokenize`] splits raw text as CoNLL-2003 is tokenised, with byte
//!   spans; [`sentences`] groups the tokens into sentences.
//! - [`Recogniser`] tags them with an averaged structured perceptron over
//!   BIO tags (Viterbi decoding): word form, shape, affixes, context
//!   words, document-level evidence and the project's word lists as
//!   features. [`Recogniser::english`] is the model embedded from
//!   `data/en/ner.model`, loaded once.
//! - [`train_recogniser`] trains a model from [`LabelledDocument`]s (read
//!   from CoNLL files by [`read_conll`]), deterministically; `make model`
//!   runs it (`examples/ner_train.rs`). [`NerScores`] scores entities
//!   against gold ones (exact span and type).
//!
//! Offsets are **bytes** of the text given (`&text[e.start..e.end]`).

mod conll;
mod decode;
mod error;
mod eval;
mod features;
mod model;
mod tokenize;
mod train;

use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

pub use conll::{detokenise, detokenise_typeset, read_conll};
pub use error::{NerError, NerErrorKind};
pub use eval::{NerEvaluation, NerScores};
pub use features::FeatureGroups;
pub use model::ModelInfo;
pub use tokenize::{sentences, tokenize, tokenize_into, Token, MAX_SENTENCE_TOKENS};
pub use train::{train_recogniser, LabelledDocument, TrainOptions};

pub(crate) use features::KeyMap;
use features::{joint, local, neighbour, pair, prepare, DocWords, Prepared, Scratch, BOS, EOS, NEIGHBOURS};
use model::{Weights, NTAGS};

/// What kind of name an entity is (CoNLL-2003's four types).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    /// A person ("Madeleine Albright").
    Person,
    /// An organization ("WTO", "Barrick", "U.S. Central Command").
    Organization,
    /// A place ("New Zealand", "Santa Fe").
    Location,
    /// Another name: nationalities, events, works ("German", "Euro 96").
    Misc,
}

impl EntityKind {
    /// Every kind, in tag order.
    pub const ALL: [EntityKind; 4] =
        [EntityKind::Person, EntityKind::Organization, EntityKind::Location, EntityKind::Misc];

    /// Upper-case name: `PERSON`, `ORGANIZATION`, `LOCATION`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Organization => "ORGANIZATION",
            EntityKind::Location => "LOCATION",
            EntityKind::Misc => "MISC",
        }
    }

    /// The kind of a CoNLL type (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn from_conll(tag: &str) -> Option<EntityKind> {
        match tag {
            "PER" => Some(EntityKind::Person),
            "ORG" => Some(EntityKind::Organization),
            "LOC" => Some(EntityKind::Location),
            "MISC" => Some(EntityKind::Misc),
            _ => None,
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// A name found in a text: its **byte** span and kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Entity {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it names.
    pub kind: EntityKind,
}

/// Texts longer than this (bytes) are read in chunks (see
/// [`Recogniser::recognise`]).
pub const CHUNK_BYTES: usize = 1 << 20;

/// Where to cut `text` into chunks of about `size` bytes: at the first
/// line break after `size` bytes (a line break always ends a sentence),
/// else at the first sentence end (". " before a capital), else at a
/// space, looked for within `size` bytes more; else where that ends.
fn chunks(text: &str, size: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let from = boundary(text, start + size);
        let window = &text[from..boundary(text, (from + size).min(text.len()))];
        let sentence_end = window
            .match_indices(". ")
            .map(|(i, _)| i + 2)
            .find(|&i| window[i..].starts_with(char::is_uppercase));
        let cut = window
            .find('\n')
            .map(|i| i + 1)
            .or(sentence_end)
            .or_else(|| window.find(' ').map(|i| i + 1))
            .unwrap_or(window.len());
        out.push(start..from + cut);
        start = from + cut;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Whether byte `at` lies in one of `spans` (sorted, not overlapping).
fn starts_in(spans: &[Range<usize>], at: usize) -> bool {
    let k = spans.partition_point(|s| s.end <= at);
    spans.get(k).is_some_and(|s| s.start <= at)
}

/// The char boundary at or before `at`.
fn boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A trained recogniser.
pub struct Recogniser {
    info: ModelInfo,
    weights: Weights,
    /// A number no other recogniser of this process has: the key of its
    /// scores in [`LOCAL_SCORES`].
    id: u64,
}

/// The next [`Recogniser::id`].
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Local scores kept per thread at most (about 50 bytes each).
const LOCAL_SCORES_MAX: usize = 1 << 16;
/// Neighbour scores kept per thread at most (about 150 bytes each).
const NEIGHBOUR_SCORES_MAX: usize = 1 << 15;

/// A word's scores as each neighbour of [`features::NEIGHBOURS`].
type NeighbourScores = [[i32; NTAGS]; 4];

/// The scores a thread keeps from one document to the next, for the
/// recogniser whose id is `id` (see [`LOCAL_SCORES`]).
#[derive(Default)]
struct Scores {
    id: u64,
    /// Keyed by word and place (see [`Place::bits`](features::Place::bits)).
    local: KeyMap<[i32; NTAGS]>,
    /// Keyed by word: the weights of its [`features::neighbour`]
    /// features in each place around another token.
    neighbours: KeyMap<NeighbourScores>,
}

thread_local! {
    /// The local scores of the words a thread has tagged, and their
    /// scores as the neighbours of a token. A word's local score depends
    /// on nothing else, and so does its score as a neighbour, so each is
    /// computed once for a run of documents, not once per occurrence: the
    /// same words recur from one document to the next. The scores are the
    /// same whichever thread computes them, so the output does not depend
    /// on the threads; a map is emptied when full.
    static LOCAL_SCORES: RefCell<Scores> = RefCell::new(Scores::default());
}

/// The English model, trained by `make model` on CoNLL-2003 `train.conll`.
static ENGLISH_MODEL: &[u8] = crate::language::EN.ner_model;

impl Recogniser {
    /// The English model embedded in the binary, loaded on first use (a
    /// few tens of milliseconds) and shared afterwards.
    pub fn english() -> Result<&'static Recogniser, NerError> {
        static ENGLISH: OnceLock<Result<Recogniser, NerError>> = OnceLock::new();
        ENGLISH.get_or_init(|| Recogniser::from_bytes(ENGLISH_MODEL)).as_ref().map_err(Clone::clone)
    }

    /// A recogniser from the bytes of a model file (see `make model`);
    /// an error if the header or the body is not valid.
    pub fn from_bytes(bytes: &[u8]) -> Result<Recogniser, NerError> {
        let (info, weights) = model::read(bytes)?;
        Ok(Recogniser { info, weights, id: NEXT_ID.fetch_add(1, Ordering::Relaxed) })
    }

    /// Where the model came from.
    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// The names in a whole document `text`, in text order. The text is
    /// tokenised by [`tokenize`] and split by [`sentences`] (a line break
    /// always ends a sentence); document-level features read the whole
    /// text, so pass a document, not a sentence at a time.
    ///
    /// ```
    /// use corpus_normaliser::{EntityKind, Recogniser};
    /// let text = "Madeleine Albright met officials of the World Trade Organization in Geneva.";
    /// let found: Vec<(&str, EntityKind)> = Recogniser::english()
    ///     .expect("the embedded model loads")
    ///     .recognise(text)
    ///     .iter()
    ///     .map(|e| (&text[e.start..e.end], e.kind))
    ///     .collect();
    /// assert_eq!(found[0], ("Madeleine Albright", EntityKind::Person));
    /// ```
    ///
    /// A text longer than 1 MB (`CHUNK_BYTES`) is read in chunks that end at a
    /// line break or a sentence end, twice: once to gather the document's
    /// word facts, once to tag, so that memory stays a few times a chunk,
    /// not a few times the text (a token's facts take 40 bytes).
    pub fn recognise(&self, text: &str) -> Vec<Entity> {
        let whole = 0..text.len();
        self.recognise_in(text, std::slice::from_ref(&whole))
    }

    /// [`Recogniser::recognise`], but only the names of the sentences that
    /// start inside one of `spans` (byte ranges of `text`, sorted, not
    /// overlapping): the parts of a document a caller reads names in. The
    /// document-level features still read the whole text, so a name comes
    /// out as `recognise` gives it; the other sentences are not tagged
    /// (tagging is most of the recogniser's cost).
    pub fn recognise_in(&self, text: &str, spans: &[Range<usize>]) -> Vec<Entity> {
        if text.len() <= CHUNK_BYTES {
            let tokens = tokenize(text);
            let sentences = sentences(text, &tokens);
            let prep = prepare(text, &tokens, &sentences);
            return self.tag(text, &tokens, &sentences, &prep, &|at| starts_in(spans, at));
        }
        self.recognise_chunked(text, CHUNK_BYTES, spans)
    }

    /// [`Recogniser::recognise_in`] in chunks of about `size` bytes.
    pub(crate) fn recognise_chunked(&self, text: &str, size: usize, spans: &[Range<usize>]) -> Vec<Entity> {
        let parts = chunks(text, size);
        let mut words = DocWords::default();
        for r in &parts {
            let chunk = &text[r.clone()];
            let tokens = tokenize(chunk);
            words.add(chunk, &tokens, &sentences(chunk, &tokens));
        }
        let mut out = Vec::new();
        for r in parts {
            let chunk = &text[r.clone()];
            let tokens = tokenize(chunk);
            let sentences = sentences(chunk, &tokens);
            let prep = prepare(chunk, &tokens, &sentences).with_words(&words);
            let wanted = |at: usize| starts_in(spans, at + r.start);
            for e in self.tag(chunk, &tokens, &sentences, &prep, &wanted) {
                out.push(Entity { start: e.start + r.start, end: e.end + r.start, kind: e.kind });
            }
        }
        out
    }

    /// The names in `text` already split into `tokens` (byte spans, in
    /// order) and `sentences` (ranges of token indices, in order, covering
    /// the tokens once): for a caller with its own sentence splitter, or
    /// gold tokens.
    pub fn recognise_tokens(&self, text: &str, tokens: &[Token], sentences: &[Range<usize>]) -> Vec<Entity> {
        self.tag(text, tokens, sentences, &prepare(text, tokens, sentences), &|_| true)
    }

    /// Tags the tokens with the facts `prep` (see [`prepare`]), in the
    /// sentences whose first byte `wanted` takes.
    fn tag(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Range<usize>],
        prep: &Prepared,
        wanted: &dyn Fn(usize) -> bool,
    ) -> Vec<Entity> {
        LOCAL_SCORES.with_borrow_mut(|cache| {
            if cache.id != self.id {
                cache.local.clear();
                cache.neighbours.clear();
                cache.id = self.id;
            }
            if cache.local.len() > LOCAL_SCORES_MAX {
                cache.local.clear();
            }
            if cache.neighbours.len() > NEIGHBOUR_SCORES_MAX {
                cache.neighbours.clear();
            }
            self.tag_with(text, tokens, sentences, prep, wanted, cache)
        })
    }

    /// The weights of the [`features::neighbour`] features of a word with
    /// facts `t`, in each place around another token.
    fn neighbour_scores(&self, t: &features::TokInfo, feats: &mut Vec<u64>) -> NeighbourScores {
        let mut out = [[0; NTAGS]; 4];
        for (role, acc) in out.iter_mut().enumerate() {
            feats.clear();
            neighbour(t, role, &self.info.groups, feats);
            self.weights.add_all(feats, acc);
        }
        out
    }

    /// [`Recogniser::tag`] with the scores cached in `cache`.
    fn tag_with(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Range<usize>],
        prep: &Prepared,
        wanted: &dyn Fn(usize) -> bool,
        cache: &mut Scores,
    ) -> Vec<Entity> {
        let g = &self.info.groups;
        let (mut scratch, mut feats, mut scores, mut back, mut tags, mut found) =
            (Scratch::default(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        // The sentinels' neighbour scores (not cached: no word's).
        let (bos, eos) = (self.neighbour_scores(&BOS, &mut feats), self.neighbour_scores(&EOS, &mut feats));
        let mut out = Vec::new();
        for (s, range) in sentences.iter().enumerate() {
            if !wanted(tokens[range.start].start) {
                continue;
            }
            let info = &prep.info[range.clone()];
            // Each run of candidates alone: the tokens between can only be
            // O, and cut the best path (see `decode::viterbi_between`).
            let mut i = range.start;
            while i < range.end {
                if !prep.candidate[i] {
                    i += 1;
                    continue;
                }
                let run = i..(i..range.end).find(|&j| !prep.candidate[j]).unwrap_or(range.end);
                scores.clear();
                for i in run.clone() {
                    let place = prep.place(i, i == range.start, s);
                    let t = &prep.info[i];
                    let mut acc = *cache.local.entry(pair(t.exact, place.bits())).or_insert_with(|| {
                        feats.clear();
                        local(&text[tokens[i].range()], t, place, g, &mut scratch, &mut feats);
                        let mut acc = [0; NTAGS];
                        self.weights.add_all(&feats, &mut acc);
                        acc
                    });
                    // The context features that read the token with its
                    // neighbours; each neighbour's own are added below.
                    feats.clear();
                    joint(info, i - range.start, g, &mut feats);
                    self.weights.add_all(&feats, &mut acc);
                    scores.push(acc);
                }
                // Each token of the run and two either side (a sentinel
                // outside the sentence) adds its scores as a neighbour to
                // the tokens of the run it is a neighbour of.
                for j in run.start as isize - 2..run.end as isize + 2 {
                    let n = match j {
                        j if j < range.start as isize => &bos,
                        j if j >= range.end as isize => &eos,
                        j => {
                            let t = &prep.info[j as usize];
                            &*cache
                                .neighbours
                                .entry(t.exact)
                                .or_insert_with(|| self.neighbour_scores(t, &mut feats))
                        }
                    };
                    for (role, d) in NEIGHBOURS.iter().enumerate() {
                        // Token `j` is neighbour `d` of token `j - d`.
                        let Some(acc) =
                            usize::try_from(j - d - run.start as isize).ok().and_then(|k| scores.get_mut(k))
                        else {
                            continue;
                        };
                        for (a, w) in acc.iter_mut().zip(&n[role]) {
                            *a += w;
                        }
                    }
                }
                let ends = decode::Ends { after_o: run.start > range.start, before_o: run.end < range.end };
                decode::viterbi_between(&scores, &self.weights.trans, ends, &mut back, &mut tags);
                decode::spans_into(&tags, &mut found);
                for (r, kind) in found.drain(..) {
                    out.push(Entity {
                        start: tokens[run.start + r.start].start,
                        end: tokens[run.start + r.end - 1].end,
                        kind,
                    });
                }
                i = run.end;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
