//! Command-line flags, parsed once into a [`Config`]; command code never
//! sees clap types.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "corpus",
    version,
    about = "Turn a folder of raw documents into checksummed, byte-reproducible CSV and Parquet tables.",
    long_about = "Turn a folder of raw documents into checksummed, byte-reproducible CSV and Parquet tables.\n\n\
A corpus folder holds catalog.toml (one [[document]] per source), the source files, and optionally actors.toml. \
`corpus build` writes documents, segments, actors, mentions, quotes and events as Parquet (the lossless \
master copy) and CSV (the spreadsheet edition), plus datapackage.json, a dataset card (README.md) and \
SHA256SUMS. The same inputs always give the same bytes.",
    after_help = "Examples:\n  corpus build                          # corpus/ -> exports/\n  corpus build --corpus my-corpus --out my-exports\n  corpus verify exports                 # re-hash every file\n  corpus check --corpus my-corpus       # lint without exporting\n  corpus stats exports                  # what is in an export\n\nExit status: 0 success, 1 verification or check found problems, 2 error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the export of a corpus (replaces the output folder atomically).
    Build {
        /// The corpus folder (with catalog.toml).
        #[arg(long, default_value = "corpus", value_name = "DIR")]
        corpus: PathBuf,
        /// The export folder to create or replace.
        #[arg(long, default_value = "exports", value_name = "DIR")]
        out: PathBuf,
        /// Worker threads (default: all cores; RAYON_NUM_THREADS also works). The output does not depend on it.
        #[arg(long, value_name = "N")]
        threads: Option<usize>,
        /// No progress bar and no summary.
        #[arg(long, short)]
        quiet: bool,
        /// Also print the time spent per stage (for benchmarks).
        #[arg(long)]
        timings: bool,
    },
    /// Re-hash every file of an export against SHA256SUMS and datapackage.json.
    Verify {
        /// The export folder.
        #[arg(default_value = "exports", value_name = "DIR")]
        dir: PathBuf,
    },
    /// Summarise an export: rows per table, documents with their flags, quotes and events, top actors.
    Stats {
        /// The export folder.
        #[arg(default_value = "exports", value_name = "DIR")]
        dir: PathBuf,
    },
    /// Lint a corpus (catalog and sources) without exporting.
    Check {
        /// The corpus folder (with catalog.toml).
        #[arg(long, default_value = "corpus", value_name = "DIR")]
        corpus: PathBuf,
    },
}

/// What to do, validated.
pub enum Config {
    /// `corpus build`.
    Build { corpus: PathBuf, out: PathBuf, threads: Option<usize>, quiet: bool, timings: bool },
    /// `corpus verify`.
    Verify { dir: PathBuf },
    /// `corpus check`.
    Check { corpus: PathBuf },
    /// `corpus stats`.
    Stats { dir: PathBuf },
}

/// Parses the process arguments (exits with clap's message on bad flags).
pub fn parse() -> Config {
    match Cli::parse().command {
        Command::Build { corpus, out, threads, quiet, timings } => {
            Config::Build { corpus, out, threads, quiet, timings }
        }
        Command::Verify { dir } => Config::Verify { dir },
        Command::Check { corpus } => Config::Check { corpus },
        Command::Stats { dir } => Config::Stats { dir },
    }
}
