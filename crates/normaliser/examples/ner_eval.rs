//! `make eval-ner`: the embedded named-entity model's scores on CoNLL-2003
//! `dev.conll` (on the gold tokens, and on the detokenised text through
//! the recogniser's own tokenizer), and its speed on a folder of documents.
//!
//! ```text
//! cargo run --release -p corpus-normaliser --example ner_eval -- \
//!     --dev ../shared/dev/conll2003/dev.conll --documents corpus/documents [--model FILE]
//! ```

use std::path::PathBuf;
use std::time::Instant;

use corpus_normaliser::{read_conll, sentences, tokenize_into, Recogniser};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut dev, mut documents, mut model) = (None, None, None);
    while let Some(a) = args.next() {
        let mut value = || args.next().map(PathBuf::from).ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--dev" => dev = Some(value()?),
            "--documents" => documents = Some(value()?),
            "--model" => model = Some(value()?),
            _ => return Err(format!("unknown argument `{a}`").into()),
        }
    }
    let started = Instant::now();
    let owned;
    let rec = match model {
        Some(path) => {
            owned = Recogniser::from_bytes(
                &std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?,
            )?;
            &owned
        }
        None => Recogniser::english()?,
    };
    let info = rec.info();
    println!(
        "model: {} features, trained on {} (sha256 {}), {} epochs; loaded in {:.1} ms",
        info.entries,
        info.data,
        info.data_sha256,
        info.epochs,
        started.elapsed().as_secs_f64() * 1e3
    );
    if let Some(dev) = dev {
        let docs =
            read_conll(&std::fs::read_to_string(&dev).map_err(|e| format!("{}: {e}", dev.display()))?)?;
        let e = rec.evaluate(&docs);
        println!("\n{} ({} documents), gold CoNLL tokens:\n{}", dev.display(), docs.len(), e.on_gold);
        println!("detokenised text through the recogniser's own tokenizer:\n{}", e.on_text);
        println!("that text typeset with curly apostrophes and quotes:\n{}", e.on_typeset);
    }
    if let Some(dir) = documents {
        let mut texts = Vec::new();
        let mut paths: Vec<PathBuf> =
            std::fs::read_dir(&dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths.iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
            texts.push(std::fs::read_to_string(p)?);
        }
        let bytes: usize = texts.iter().map(String::len).sum();
        let rounds = (50_000_000 / bytes.max(1)).max(1);
        let mut found = 0;
        let cpu_started = cpu_seconds();
        let started = Instant::now();
        for _ in 0..rounds {
            for t in &texts {
                found += rec.recognise(t).len();
            }
        }
        let secs = started.elapsed().as_secs_f64();
        let mb = (bytes * rounds) as f64 / 1e6;
        println!(
            "speed: {} documents, {} bytes, {rounds} rounds, {} entities a round: {:.1} MB/s single-threaded wall clock",
            texts.len(),
            bytes,
            found / rounds,
            mb / secs
        );
        if let (Some(a), Some(b)) = (cpu_started, cpu_seconds()) {
            println!("       {:.1} MB per CPU second (the thread's time on a CPU; a busy machine slows the wall clock)", mb / (b - a));
        }
        // The tokenizer and sentence splitter alone, for scale.
        let (mut tokens, mut n) = (Vec::new(), 0);
        let cpu_started = cpu_seconds();
        for _ in 0..rounds {
            for t in &texts {
                tokenize_into(t, &mut tokens);
                n += sentences(t, &tokens).len();
            }
        }
        if let (Some(a), Some(b)) = (cpu_started, cpu_seconds()) {
            println!("       of which tokenizing and sentence splitting alone: {:.1} MB per CPU second ({} sentences a round)", mb / (b - a), n / rounds);
        }
    }
    Ok(())
}

/// This thread's time on a CPU so far (Linux: /proc/thread-self/schedstat).
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}
