//! Command-line flags, parsed once into a [`Config`]; command code never
//! sees clap types.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use corpus_exporter::Shard;

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
    after_help = "Examples:\n  corpus init my-folder                  # write my-folder/catalog.toml for its files\n  corpus import dump.jsonl --out my-corpus   # a corpus from a JSONL or CSV dump\n  corpus build                          # corpus/ -> exports/\n  corpus build --corpus my-corpus --out my-exports\n  corpus build --shard 2/3 --out parts/2   # one shard of three, as a part\n  corpus merge parts/1 parts/2 parts/3 --out exports\n  corpus verify exports                 # re-hash every file\n  corpus check --corpus my-corpus       # lint without exporting\n  corpus stats exports                  # what is in an export\n\nExit status: 0 success, 1 verification or check found problems, 2 error, 130 or 143 \
interrupted by SIGINT or SIGTERM (the unfinished export removed)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write DIR/catalog.toml for every .txt, .md, .html and .htm file under DIR (run again to add new files;
    /// hand edits are kept).
    Init {
        /// The folder of source files.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Make a corpus folder from a JSON Lines (.jsonl) or CSV (.csv, .tsv) dump: one document per record.
    Import {
        /// The dump.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The corpus folder to create.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The field with the document text [default: text, maintext, content, body, article …].
        #[arg(long, value_name = "FIELD")]
        text: Option<String>,
        /// The field with the document id [default: id, doc_id, uuid …; else the line number].
        #[arg(long, value_name = "FIELD")]
        id: Option<String>,
        /// The field with the title [default: title, headline …].
        #[arg(long, value_name = "FIELD")]
        title: Option<String>,
        /// The field with the publication date [default: date, published, date_publish …].
        #[arg(long, value_name = "FIELD")]
        date: Option<String>,
        /// The field with the address [default: url, link …].
        #[arg(long, value_name = "FIELD")]
        url: Option<String>,
        /// The field with the authors (a list, or names separated by ';') [default: authors, author …].
        #[arg(long, value_name = "FIELD")]
        authors: Option<String>,
        /// The field with the publisher [default: publisher, source_domain, source …].
        #[arg(long, value_name = "FIELD")]
        publisher: Option<String>,
        /// The field with the language [default: language, lang].
        #[arg(long, value_name = "FIELD")]
        language: Option<String>,
    },
    /// Build the export of a corpus (replaces the output folder atomically).
    ///
    /// An existing output folder is replaced only if it is empty or an earlier export (its SHA256SUMS and
    /// datapackage.json there, every other file listed in SHA256SUMS); anything else is refused unless
    /// --force. Ctrl-C or SIGTERM removes the unfinished export and exits 130 or 143.
    Build {
        /// The corpus folder (with catalog.toml).
        #[arg(long, default_value = "corpus", value_name = "DIR")]
        corpus: PathBuf,
        /// The export folder to create or replace.
        #[arg(long, default_value = "exports", value_name = "DIR")]
        out: PathBuf,
        /// Worker threads, 1 to 4 × the cores (default: all cores; RAYON_NUM_THREADS also works). The output does
        /// not depend on it.
        #[arg(long, value_name = "N", value_parser = thread_count)]
        threads: Option<usize>,
        /// Replace --out even if it is not an earlier export (a folder of other files: they are deleted).
        #[arg(long)]
        force: bool,
        /// No progress bar and no summary.
        #[arg(long, short)]
        quiet: bool,
        /// Also print the time spent per stage (for benchmarks).
        #[arg(long)]
        timings: bool,
        /// Build only shard I of N (1 <= I <= N): the documents whose id hashes to it, into a part
        /// folder for `corpus merge`. Run the N shards anywhere (a Slurm array, Spark tasks), then merge.
        #[arg(long, value_name = "I/N")]
        shard: Option<Shard>,
    },
    /// Merge the parts of a sharded build into one export, byte for byte what a single build makes.
    Merge {
        /// The part folders (one per shard, each built with `corpus build --shard I/N`).
        #[arg(required = true, value_name = "PART")]
        parts: Vec<PathBuf>,
        /// The export folder to create or replace (as `build --out`: only an earlier export or an empty folder).
        #[arg(long, default_value = "exports", value_name = "DIR")]
        out: PathBuf,
        /// Replace --out even if it is not an earlier export (a folder of other files: they are deleted).
        #[arg(long)]
        force: bool,
        /// No progress bar and no summary.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Re-hash every file of an export against SHA256SUMS and datapackage.json.
    ///
    /// Only what is inside the folder is trusted: a path in SHA256SUMS that is absolute, has `..` or goes
    /// through a symbolic link is reported and not read; SHA256SUMS and datapackage.json must list the same
    /// files; extra files, folders and links are reported.
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
    /// `corpus init`.
    Init { dir: PathBuf },
    /// `corpus import`.
    Import { file: PathBuf, out: PathBuf, fields: crate::import::Fields },
    /// `corpus build`.
    Build {
        corpus: PathBuf,
        out: PathBuf,
        threads: Option<usize>,
        quiet: bool,
        timings: bool,
        shard: Option<Shard>,
        force: bool,
    },
    /// `corpus merge`.
    Merge { parts: Vec<PathBuf>, out: PathBuf, quiet: bool, force: bool },
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
        Command::Init { dir } => Config::Init { dir },
        Command::Import { file, out, text, id, title, date, url, authors, publisher, language } => {
            let fields = crate::import::Fields { text, id, title, date, url, authors, publisher, language };
            Config::Import { file, out, fields }
        }
        Command::Build { corpus, out, threads, quiet, timings, shard, force } => {
            Config::Build { corpus, out, threads, quiet, timings, shard, force }
        }
        Command::Merge { parts, out, quiet, force } => Config::Merge { parts, out, quiet, force },
        Command::Verify { dir } => Config::Verify { dir },
        Command::Check { corpus } => Config::Check { corpus },
        Command::Stats { dir } => Config::Stats { dir },
    }
}

/// The most worker threads a build may have: 4 × the cores. More only
/// adds memory and switching, and a typo (`--threads 100000`) would
/// otherwise start that many.
pub fn max_threads() -> usize {
    4 * std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `--threads N`: 1 to [`max_threads`].
fn thread_count(text: &str) -> Result<usize, String> {
    let max = max_threads();
    let too_many = || format!("at most {max} threads (4 × the {} cores here)", max / 4);
    if !text.bytes().all(|b| b.is_ascii_digit()) || text.is_empty() {
        return Err(format!("not a number of threads: give 1 to {max}"));
    }
    match text.parse::<usize>() {
        Ok(0) => Err(format!("at least 1 thread: give 1 to {max}")),
        Ok(n) if n <= max => Ok(n),
        _ => Err(too_many()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_counts_are_bounded_by_the_cores() {
        let max = max_threads();
        assert_eq!(thread_count("1"), Ok(1));
        assert_eq!(thread_count(&max.to_string()), Ok(max));
        for bad in
            [(max + 1).to_string(), "0".into(), "99999999999999999999999".into(), "-1".into(), "x".into()]
        {
            assert!(thread_count(&bad).is_err(), "{bad}");
        }
    }
}
