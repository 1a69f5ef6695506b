//! The commands.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use corpus_exporter::{build, check, merge_with, stats, verify, BuildOptions, Progress, FAN_IN};
use indicatif::{ProgressBar, ProgressStyle};

use crate::flags::Config;

/// Runs one command.
pub fn run(config: Config) -> anyhow::Result<ExitCode> {
    match config {
        Config::Init { dir } => run_init(&dir),
        Config::Import { file, out, fields } => run_import(&file, &out, &fields),
        Config::Build { corpus, out, threads, quiet, timings, shard, force } => {
            check_thread_variable(threads)?;
            crate::signals::clean_up_on_interrupt(&out)?;
            if let Some(n) = threads {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build_global()
                    .context("setting up worker threads")?;
            }
            let mut opts = BuildOptions::new(corpus, out);
            opts.shard = shard;
            opts.force = force;
            run_build(opts, quiet, timings)
        }
        Config::Merge { parts, out, quiet, force } => {
            crate::signals::clean_up_on_interrupt(&out)?;
            run_merge(&parts, &out, quiet, force)
        }
        Config::Verify { dir } => run_verify(&dir),
        Config::Check { corpus } => run_check(&corpus),
        Config::Stats { dir } => run_stats(&dir),
    }
}

/// RAYON_NUM_THREADS, when it decides the thread count, is bounded as
/// `--threads` is.
fn check_thread_variable(threads: Option<usize>) -> anyhow::Result<()> {
    let Some(value) = std::env::var_os("RAYON_NUM_THREADS").filter(|_| threads.is_none()) else {
        return Ok(());
    };
    let max = crate::flags::max_threads();
    match value.to_str().and_then(|v| v.trim().parse::<u64>().ok()) {
        Some(n) if n > max as u64 => {
            anyhow::bail!("RAYON_NUM_THREADS={n}: at most {max} threads (4 × the {} cores here)", max / 4)
        }
        _ => Ok(()),
    }
}

/// Prints what went wrong without failing (the export is in place).
fn print_warnings(summary: &corpus_exporter::Summary) {
    for w in &summary.warnings {
        eprintln!("warning: {w}");
    }
}

/// Bytes of source for a build.
const BYTES_BAR: &str = "{spinner} {bytes}/{total_bytes} {wide_bar} {bytes_per_sec} eta {eta}";
/// Rows of the table being merged (rounds of a merge of many parts count
/// again).
const ROWS_BAR: &str = "{spinner} {msg} {pos}/{len} rows {wide_bar} eta {eta}";

fn progress_bar(quiet: bool, template: &str) -> ProgressBar {
    let attended = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    if quiet || !attended {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    let style = ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

fn run_build(opts: BuildOptions, quiet: bool, timings: bool) -> anyhow::Result<ExitCode> {
    let bar = progress_bar(quiet, BYTES_BAR);
    let summary = build(&opts, &mut |p| match p {
        Progress::Started { bytes, .. } => bar.set_length(bytes),
        Progress::Document { bytes } => bar.inc(bytes),
        Progress::Table { .. } | Progress::Rows { .. } => {}
        Progress::Finishing => bar.set_message("checksums"),
    })
    .with_context(|| format!("building {} from {}", opts.out.display(), opts.corpus.display()))?;
    bar.finish_and_clear();
    print_warnings(&summary);
    if !quiet {
        let what = match opts.shard {
            Some(s) => format!("shard {s} (a part for `corpus merge`)"),
            None => opts.out.display().to_string(),
        };
        print_summary(&format!("built {what}"), &summary)?;
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

fn print_summary(what: &str, summary: &corpus_exporter::Summary) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{what} from {} documents ({} bytes)", summary.documents, summary.source_bytes)?;
    for (table, rows) in &summary.rows {
        writeln!(out, "  {table:<10} {rows:>8} rows")?;
    }
    writeln!(out, "  {} files listed in {}", summary.files.len(), corpus_exporter::SUMS_FILE)?;
    Ok(())
}

fn run_merge(
    parts: &[std::path::PathBuf],
    out: &std::path::Path,
    quiet: bool,
    force: bool,
) -> anyhow::Result<ExitCode> {
    let bar = progress_bar(quiet, ROWS_BAR);
    let summary = merge_with(parts, out, FAN_IN, force, &mut |p| match p {
        Progress::Started { .. } | Progress::Document { .. } => {}
        Progress::Table { name, rows } => {
            bar.set_message(name);
            bar.set_length(rows);
            bar.set_position(0);
            bar.reset_eta();
        }
        Progress::Rows { rows } => bar.inc(rows),
        Progress::Finishing => bar.set_message("checksums"),
    })
    .with_context(|| format!("merging {} parts into {}", parts.len(), out.display()))?;
    bar.finish_and_clear();
    print_warnings(&summary);
    if !quiet {
        print_summary(&format!("merged {} parts into {}", parts.len(), out.display()), &summary)?;
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
    let unlisted = corpus_parser::unlisted_files(corpus, docs.iter().map(|p| p.entry.file.as_str()))?;
    if !unlisted.is_empty() {
        eprintln!(
            "warning: {} file(s) in {} are not in the catalog (run `corpus init {}` to add them):",
            unlisted.len(),
            corpus.display(),
            corpus.display()
        );
        for f in &unlisted {
            eprintln!("  {f}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_init(dir: &std::path::Path) -> anyhow::Result<ExitCode> {
    let report = crate::init::init(dir).with_context(|| format!("cataloguing {}", dir.display()))?;
    for s in &report.skipped {
        eprintln!("warning: left out {s}");
    }
    let catalog = dir.join(corpus_parser::CATALOG_FILE);
    println!(
        "{}: {} document(s) added, {} already listed; check it with `corpus check --corpus {}`",
        catalog.display(),
        report.added,
        report.kept,
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn run_import(
    file: &std::path::Path,
    out: &std::path::Path,
    fields: &crate::import::Fields,
) -> anyhow::Result<ExitCode> {
    let report = crate::import::import(file, out, fields)
        .with_context(|| format!("importing {} into {}", file.display(), out.display()))?;
    for s in &report.skipped {
        eprintln!("warning: left out {s}");
    }
    let roles: Vec<String> = report.fields.iter().map(|(r, f)| format!("{r} <- {f}")).collect();
    println!("{}: {} documents imported ({})", out.display(), report.documents, roles.join(", "));
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
