//! `make model`: trains the named-entity recogniser on CoNLL-2003
//! `train.conll`, writes `data/en/ner.model`, and prints its scores on
//! `dev.conll` (never trained on).
//!
//! ```text
//! cargo run --release -p corpus-normaliser --example ner_train -- \
//!     --train ../shared/dev/conll2003/train.conll --dev ../shared/dev/conll2003/dev.conll \
//!     --out crates/normaliser/data/en/ner.model [--epochs N] [--min-count N] [--prune X]
//!     [--without GROUP]... [--ablate]
//! ```
//! `--ablate` trains once more without each feature group and prints the
//! dev scores of each (nothing written).

use std::path::{Path, PathBuf};
use std::time::Instant;

use corpus_normaliser::{read_conll, train_recogniser, EntityKind, Recogniser, TrainOptions};
use sha2::{Digest, Sha256};

const PER_ORG: [EntityKind; 2] = [EntityKind::Person, EntityKind::Organization];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut train, mut dev, mut out, mut ablate) = (None, None, None, false);
    let mut opts = TrainOptions::default();
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--train" => train = Some(PathBuf::from(value()?)),
            "--dev" => dev = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--epochs" => opts.epochs = value()?.parse()?,
            "--min-count" => opts.min_count = value()?.parse()?,
            "--prune" => opts.prune = value()?.parse()?,
            "--without" => {
                let g = value()?;
                opts.groups = opts.groups.without(&g).ok_or_else(|| format!("no feature group `{g}`"))?;
            }
            "--ablate" => ablate = true,
            _ => return Err(format!("unknown argument `{a}`").into()),
        }
    }
    let train = train.ok_or("--train FILE is required")?;
    let dev = dev.ok_or("--dev FILE is required")?;
    let bytes = std::fs::read(&train).map_err(|e| format!("{}: {e}", train.display()))?;
    opts.data = train.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    opts.data_sha256 = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    let train_docs = read_conll(std::str::from_utf8(&bytes)?)?;
    let dev_docs =
        read_conll(&std::fs::read_to_string(&dev).map_err(|e| format!("{}: {e}", dev.display()))?)?;
    println!("train: {} documents; dev: {} documents", train_docs.len(), dev_docs.len());

    if ablate {
        let base = opts.groups;
        let mut runs = vec![("all groups".to_string(), base)];
        for g in ["affixes", "shape", "context", "bigrams", "document", "lexicons", "position"] {
            if let Some(without) = base.without(g).filter(|w| *w != base) {
                runs.push((format!("without {g}"), without));
            }
        }
        println!(
            "{:<20} {:>12} {:>12} {:>12} {:>9}",
            "features", "PER+ORG P", "PER+ORG R", "PER+ORG F1", "all F1"
        );
        for (name, groups) in runs {
            let model = train_recogniser(&train_docs, &TrainOptions { groups, ..opts.clone() });
            let gold_tokens = Recogniser::from_bytes(&model)?.evaluate(&dev_docs).on_gold;
            let (p, r, f) = gold_tokens.prf(&PER_ORG);
            println!("{name:<20} {p:>12.4} {r:>12.4} {f:>12.4} {:>9.4}", gold_tokens.prf(&EntityKind::ALL).2);
        }
        return Ok(());
    }

    let started = Instant::now();
    let model = train_recogniser(&train_docs, &opts);
    let took = started.elapsed();
    let rec = Recogniser::from_bytes(&model)?;
    println!(
        "trained in {:.1} s: {} epochs, {} features, {} bytes",
        took.as_secs_f64(),
        opts.epochs,
        rec.info().entries,
        model.len()
    );
    if let Some(out) = out {
        write(&out, &model)?;
        println!("wrote {}", out.display());
    }
    let e = rec.evaluate(&dev_docs);
    println!("\ndev ({}), gold CoNLL tokens:\n{}", dev.display(), e.on_gold);
    println!("dev, detokenised text through the recogniser's own tokenizer:\n{}", e.on_text);
    println!("dev, that text typeset with curly apostrophes and quotes:\n{}", e.on_typeset);
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, bytes)
}
