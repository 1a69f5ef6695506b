//! Writes a corpus as checksummed, byte-reproducible tables.
//!
//! The exporter owns the table contract ([`schema`]: one definition per
//! table, from which the Arrow schemas, CSV headers and the data
//! package's Table Schemas are derived), writes Parquet (the lossless
//! master copy) and CSV (the spreadsheet edition of the same rows),
//! `datapackage.json` and `SHA256SUMS`, and [`verify`]s an export folder.
//!
//! [`build`] reads the catalog, processes documents in parallel (a
//! bounded number at a time), writes them in `doc_id` order (so the bytes
//! do not depend on the thread count), and moves the finished folder into
//! place. With a [`Shard`] it builds one shard's documents as a part, and
//! [`merge`] combines the parts of every shard into the export a single
//! build makes, byte for byte.
//!
//! ```no_run
//! use corpus_exporter::{build, BuildOptions};
//! let summary = build(&BuildOptions::new("corpus", "exports"), &mut |_| {})?;
//! println!("{} documents", summary.documents);
//! # Ok::<(), corpus_exporter::Error>(())
//! ```
#![deny(missing_docs)]

mod actors;
mod batch;
mod card;
mod digest;
mod error;
mod export;
mod finish;
mod merge;
mod package;
mod process;
mod report;
mod rows;
pub mod schema;
mod shard;
mod stats;
mod target;
mod verify;
mod vocab;
mod writers;

pub use actors::{slug, Actors};
pub use batch::Value;
pub use card::CARD_FILE;
pub use digest::{sha256_hex, FileEntry};
pub use error::{Error, Result};
pub use export::{build, check, BuildOptions};
pub use merge::{merge, merge_with, FAN_IN};
pub use package::{PACKAGE_FILE, SUMS_FILE};
pub use process::{process, Processed};
pub use report::{Progress, StageTimes, Summary};
pub use schema::LIST_SEPARATOR;
pub use shard::{inputs_fingerprint, PartActor, PartManifest, Shard, PART_FILE};
pub use stats::{stats, DocumentStats, Stats};
pub use target::{abandon, Abandoned};
pub use verify::{verify, Problem};
pub use writers::{created_by, needs_guard, MAX_CELL_CHARS};
