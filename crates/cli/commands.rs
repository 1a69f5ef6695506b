//! The commands.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use corpus_exporter::{build, check, stats, verify, BuildOptions, Progress};
use indicatif::{ProgressBar, ProgressStyle};

use crate::flags::Config;

/// Runs one command.
pub fn run(config: Config) -> anyhow::Result<ExitCode> {
    match config {
        Config::Build { corpus, out, threads, quiet, timings } => {
            if let Some(n) = threads {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build_global()
                    .context("setting up worker threads")?;
            }
            run_build(BuildOptions::new(corpus, out), quiet, timings)
        }
        Config::Verify { dir } => run_verify(&dir),
        Config::Check { corpus } => run_check(&corpus),
        Config::Stats { dir } => run_stats(&dir),
    }
}

fn progress_bar(quiet: bool) -> ProgressBar {
    let attended = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    if quiet || !attended {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    let style =
        ProgressStyle::with_template("{spinner} {bytes}/{total_bytes} {wide_bar} {bytes_per_sec} eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

fn run_build(opts: BuildOptions, quiet: bool, timings: bool) -> anyhow::Result<ExitCode> {
    let bar = progress_bar(quiet);
    let summary = build(&opts, &mut |p| match p {
        Progress::Started { bytes, .. } => bar.set_length(bytes),
        Progress::Document { bytes } => bar.inc(bytes),
        Progress::Finishing => bar.set_message("checksums"),
    })
    .with_context(|| format!("building {} from {}", opts.out.display(), opts.corpus.display()))?;
    bar.finish_and_clear();
    if !quiet {
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "built {} from {} documents ({} bytes)",
            opts.out.display(),
            summary.documents,
            summary.source_bytes
        )?;
        for (table, rows) in &summary.rows {
            writeln!(out, "  {table:<10} {rows:>8} rows")?;
        }
        writeln!(out, "  {} files listed in {}", summary.files.len(), corpus_exporter::SUMS_FILE)?;
    }
    if timings {
        let mut out = std::io::stdout().lock();
        writeln!(out, "stage times (s; per-document stages summed over threads):")?;
        for (stage, t) in summary.times.stages() {
            writeln!(out, "  {stage:<10} {:>8.3}", t.as_secs_f64())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_verify(dir: &std::path::Path) -> anyhow::Result<ExitCode> {
    let problems = verify(dir).with_context(|| format!("verifying {}", dir.display()))?;
    let mut out = std::io::stdout().lock();
    if problems.is_empty() {
        writeln!(out, "{}: every file matches SHA256SUMS and datapackage.json", dir.display())?;
        return Ok(ExitCode::SUCCESS);
    }
    for p in &problems {
        writeln!(out, "{}: {}", dir.join(&p.path).display(), p.what)?;
    }
    writeln!(out, "{} problem(s): rebuild with `corpus build` (or `make`)", problems.len())?;
    Ok(ExitCode::from(1))
}

fn run_check(corpus: &std::path::Path) -> anyhow::Result<ExitCode> {
    let docs = check(corpus).with_context(|| format!("checking {}", corpus.display()))?;
    let mut out = std::io::stdout().lock();
    for p in &docs {
        let flags: Vec<&str> = p.doc.flags.iter().map(|f| f.as_str()).collect();
        writeln!(
            out,
            "{:<45} {:>6} words {:>4} segments  {}",
            p.entry.id,
            p.doc.words,
            p.doc.segments.len(),
            flags.join(", ")
        )?;
    }
    writeln!(out, "{}: {} documents, all readable", corpus.display(), docs.len())?;
    Ok(ExitCode::SUCCESS)
}

fn run_stats(dir: &std::path::Path) -> anyhow::Result<ExitCode> {
    let s = stats(dir).with_context(|| format!("reading {}", dir.display()))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", dir.display())?;
    writeln!(out, "\ntables")?;
    for (t, n) in &s.tables {
        writeln!(out, "  {t:<12} {n:>9} rows")?;
    }
    writeln!(out, "\ndocuments")?;
    for d in &s.documents {
        let flags = if d.flags.is_empty() { "-".to_string() } else { d.flags.join(", ") };
        writeln!(
            out,
            "  {:<45} {:>7} words {:>5} segments {:>4} quotes {:>4} events  {flags}",
            d.id, d.words, d.segments, d.quotes, d.events
        )?;
    }
    writeln!(out, "\ntop actors (mentions, documents)")?;
    for (name, m, d) in &s.top_actors {
        writeln!(out, "  {name:<45} {m:>6} {d:>4}")?;
    }
    writeln!(out, "\ntop actors per document (mentions)")?;
    for (doc, actors) in &s.top_actors_by_document {
        let list: Vec<String> = actors.iter().map(|(n, m)| format!("{n} {m}")).collect();
        writeln!(out, "  {doc:<45} {}", list.join(", "))?;
    }
    Ok(ExitCode::SUCCESS)
}
