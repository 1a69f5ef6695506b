//! Training: an averaged structured perceptron over BIO tags, with the
//! same features and decoder as the recogniser. Deterministic: the data
//! are visited in an order drawn from a fixed seed, features are numbered
//! in order of first appearance, and the model file lists them sorted.

use std::ops::Range;

use super::decode::{tags_of, viterbi, Score};
use super::features::{context, lexicons_sha256, local, prepare, FeatureGroups, KeyMap, Scratch};
use super::model::{self, ModelInfo, NTAGS};
use super::tokenize::Token;
use super::{Entity, EntityKind};

/// A document with its gold names, for training and scoring.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelledDocument {
    /// The text.
    pub text: String,
    /// Its tokens (byte spans, in order).
    pub tokens: Vec<Token>,
    /// Its sentences: ranges of token indices, in order, covering every
    /// token once.
    pub sentences: Vec<Range<usize>>,
    /// Its names: ranges of token indices inside one sentence, and kinds.
    pub entities: Vec<(Range<usize>, EntityKind)>,
}

impl LabelledDocument {
    /// The gold names as byte spans of [`LabelledDocument::text`].
    pub fn gold_entities(&self) -> Vec<Entity> {
        self.entities
            .iter()
            .map(|(r, kind)| Entity {
                start: self.tokens[r.start].start,
                end: self.tokens[r.end - 1].end,
                kind: *kind,
            })
            .collect()
    }
}

/// How to train.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: u32,
    /// Seed of the order sentences are visited in.
    pub seed: u64,
    /// Features seen fewer times in the data are left out.
    pub min_count: u32,
    /// Features whose largest averaged weight (in perceptron updates) is
    /// below this are left out of the file.
    pub prune: f32,
    /// Feature groups to use.
    pub groups: FeatureGroups,
    /// The training data's file name, for the header.
    pub data: String,
    /// The training data's SHA-256, for the header.
    pub data_sha256: String,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 2003,
            min_count: 1,
            prune: 0.0,
            groups: FeatureGroups::default(),
            data: String::new(),
            data_sha256: String::new(),
        }
    }
}

/// Every token's features as indices, and the gold tags, sentence by
/// sentence.
struct Compiled {
    /// Per token, its features (indices): `feats[offsets[i]..offsets[i + 1]]`.
    feats: Vec<u32>,
    offsets: Vec<usize>,
    gold: Vec<u8>,
    /// Sentences as ranges of (global) token numbers.
    sentences: Vec<Range<usize>>,
    /// Feature keys by index.
    keys: Vec<u64>,
    /// Per token, whether it can be part of a name.
    candidate: Vec<bool>,
}

/// The scores of a token that cannot be part of a name: only O.
const OUTSIDE: [f32; NTAGS] = {
    let mut s = [<f32 as Score>::WORST; NTAGS];
    s[0] = 0.0;
    s
};

/// Computes the features of every token.
fn compile(docs: &[LabelledDocument], g: &FeatureGroups, min_count: u32) -> Compiled {
    let mut all_keys: Vec<u64> = Vec::new();
    let mut key_offsets = vec![0usize];
    let mut gold = Vec::new();
    let mut candidate = Vec::new();
    let mut sentences = Vec::new();
    let mut scratch = Scratch::default();
    for d in docs {
        let prep = prepare(&d.text, &d.tokens, &d.sentences);
        // A name with a token the recogniser never tags cannot be learnt:
        // it is left out (its tokens are O), not taught through the
        // transitions alone.
        let learnable: Vec<_> = d
            .entities
            .iter()
            .filter(|(r, _)| prep.candidate[r.clone()].iter().all(|&c| c))
            .cloned()
            .collect();
        gold.extend(tags_of(d.tokens.len(), &learnable));
        candidate.extend_from_slice(&prep.candidate);
        for (s, range) in d.sentences.iter().enumerate() {
            let base = key_offsets.len() - 1;
            sentences.push(base..base + range.len());
            for i in range.clone() {
                if !prep.candidate[i] {
                    key_offsets.push(all_keys.len());
                    continue;
                }
                let place = prep.place(i, i == range.start, s);
                local(&d.text[d.tokens[i].range()], &prep.info[i], place, g, &mut scratch, &mut all_keys);
                context(&prep.info[range.clone()], i - range.start, g, &mut all_keys);
                key_offsets.push(all_keys.len());
            }
        }
    }
    let mut counts: KeyMap<u32> = KeyMap::default();
    for &k in &all_keys {
        *counts.entry(k).or_insert(0) += 1;
    }
    let mut index: KeyMap<u32> = KeyMap::default();
    let mut keys = Vec::new();
    let mut feats = Vec::with_capacity(all_keys.len());
    let mut offsets = vec![0usize];
    for w in key_offsets.windows(2) {
        for &k in &all_keys[w[0]..w[1]] {
            if counts[&k] >= min_count {
                let next = keys.len() as u32;
                let ix = *index.entry(k).or_insert_with(|| {
                    keys.push(k);
                    next
                });
                feats.push(ix);
            }
        }
        offsets.push(feats.len());
    }
    Compiled { feats, offsets, gold, sentences, keys, candidate }
}

/// splitmix64: a small deterministic generator for the visiting order.
fn next_random(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    super::features::mix(*state)
}

/// Trains a model on `docs` and returns the model file's bytes (load
/// them with [`super::Recogniser::from_bytes`]).
pub fn train_recogniser(docs: &[LabelledDocument], opts: &TrainOptions) -> Vec<u8> {
    let c = compile(docs, &opts.groups, opts.min_count);
    let n = c.keys.len();
    let mut w = vec![[0f32; NTAGS]; n];
    let mut u = vec![[0f64; NTAGS]; n];
    let mut tw = [[0f32; NTAGS]; NTAGS + 1];
    let mut tu = [[0f64; NTAGS]; NTAGS + 1];
    let mut step = 1f64;
    let mut order: Vec<usize> = (0..c.sentences.len()).collect();
    let mut rng = opts.seed;
    let (mut scores, mut back, mut pred) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            let j = (next_random(&mut rng) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &s in &order {
            let range = c.sentences[s].clone();
            scores.clear();
            for t in range.clone() {
                if !c.candidate[t] {
                    scores.push(OUTSIDE);
                    continue;
                }
                let mut acc = [0f32; NTAGS];
                for &f in &c.feats[c.offsets[t]..c.offsets[t + 1]] {
                    for (a, x) in acc.iter_mut().zip(w[f as usize]) {
                        *a += x;
                    }
                }
                scores.push(acc);
            }
            viterbi(&scores, &tw, &mut back, &mut pred);
            let gold = &c.gold[range.clone()];
            if pred != gold {
                for (k, t) in range.enumerate() {
                    let (g, p) = (gold[k] as usize, pred[k] as usize);
                    if g != p {
                        for &f in &c.feats[c.offsets[t]..c.offsets[t + 1]] {
                            let f = f as usize;
                            w[f][g] += 1.0;
                            u[f][g] += step;
                            w[f][p] -= 1.0;
                            u[f][p] -= step;
                        }
                    }
                    let (gp, pp) =
                        if k == 0 { (0, 0) } else { (gold[k - 1] as usize + 1, pred[k - 1] as usize + 1) };
                    if (gp, g) != (pp, p) {
                        tw[gp][g] += 1.0;
                        tu[gp][g] += step;
                        tw[pp][p] -= 1.0;
                        tu[pp][p] -= step;
                    }
                }
            }
            step += 1.0;
        }
    }
    finish(&c.keys, &w, &u, &tw, &tu, step, opts)
}

/// The averaged weights, pruned and quantised, as a model file.
fn finish(
    keys: &[u64],
    w: &[[f32; NTAGS]],
    u: &[[f64; NTAGS]],
    tw: &[[f32; NTAGS]; NTAGS + 1],
    tu: &[[f64; NTAGS]; NTAGS + 1],
    step: f64,
    opts: &TrainOptions,
) -> Vec<u8> {
    let n = keys.len();
    let avg = |w: f32, u: f64| (w as f64 - u / step) as f32;
    let mut max = 0f32;
    let mut averaged: Vec<(u64, [f32; NTAGS])> = Vec::with_capacity(n);
    for (i, &k) in keys.iter().enumerate() {
        let mut a = [0f32; NTAGS];
        for t in 0..NTAGS {
            a[t] = avg(w[i][t], u[i][t]);
        }
        let m = a.iter().fold(0f32, |m, x| m.max(x.abs()));
        if m > opts.prune && m > 0.0 {
            max = max.max(m);
            averaged.push((k, a));
        }
    }
    let mut trans = [[0f32; NTAGS]; NTAGS + 1];
    for (r, row) in trans.iter_mut().enumerate() {
        for (t, x) in row.iter_mut().enumerate() {
            *x = avg(tw[r][t], tu[r][t]);
            max = max.max(x.abs());
        }
    }
    let scale = if max > 0.0 { 32767.0 / max } else { 1.0 };
    let q = |x: f32| (x * scale).round().clamp(-32767.0, 32767.0) as i16;
    let mut features: Vec<(u64, [i16; NTAGS])> =
        averaged.iter().map(|(k, a)| (*k, a.map(q))).filter(|(_, a)| a.iter().any(|&x| x != 0)).collect();
    features.sort_unstable_by_key(|(k, _)| *k);
    let trans = trans.map(|row| row.map(q));
    let info = ModelInfo {
        groups: opts.groups,
        data: opts.data.clone(),
        data_sha256: opts.data_sha256.clone(),
        lexicons_sha256: lexicons_sha256(),
        epochs: opts.epochs,
        min_count: opts.min_count,
        entries: features.len(),
    };
    model::write(&info, &trans, &features)
}
