//! What a build or a merge reports: progress as it goes, and a summary
//! with the time spent per stage.

use std::time::Duration;

use crate::digest::FileEntry;

/// What a build reports as it goes (for a progress bar).
#[derive(Debug, Clone)]
pub enum Progress {
    /// The catalog is read: this many documents, this many source bytes.
    Started {
        /// Documents in the catalog.
        documents: usize,
        /// Total size of their source files.
        bytes: u64,
    },
    /// One more document is written (a build).
    Document {
        /// Its source size.
        bytes: u64,
    },
    /// A merge starts on a table (a merge reports rows, not documents).
    Table {
        /// The table.
        name: &'static str,
        /// The rows it will go through: the table's rows in the parts,
        /// once for each round of a merge of many parts and once more for
        /// the export.
        rows: u64,
    },
    /// A merge went through this many more rows of its table.
    Rows {
        /// How many.
        rows: u64,
    },
    /// Checksums and data package are being written.
    Finishing,
}

/// What a build made.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Documents exported.
    pub documents: usize,
    /// Source bytes read.
    pub source_bytes: u64,
    /// Rows per table.
    pub rows: Vec<(&'static str, usize)>,
    /// The files of the export, as listed in `SHA256SUMS`.
    pub files: Vec<FileEntry>,
    /// Time per stage.
    pub times: StageTimes,
    /// What went wrong without failing the build: the export is in
    /// place (for example, the previous one could not be removed).
    pub warnings: Vec<String>,
}

/// Time spent per stage. The per-document stages are summed over all
/// documents (CPU time across threads); `write` and `checksums` are wall
/// time of the writing thread.
#[derive(Debug, Clone, Copy, Default)]
pub struct StageTimes {
    /// Reading source files.
    pub read: Duration,
    /// SHA-256 of sources and texts.
    pub hash: Duration,
    /// Decoding and splitting into blocks.
    pub parse: Duration,
    /// Clean text, segments, offset map, flags.
    pub normalise: Duration,
    /// Mentions and discovery.
    pub mentions: Duration,
    /// Quotes.
    pub quotes: Duration,
    /// Dates and events.
    pub events: Duration,
    /// Building rows and writing CSV and Parquet (the table files are
    /// hashed as they are written, so their hashing counts here).
    pub write: Duration,
    /// The data card, data package and SHA256SUMS, and moving the export
    /// into place.
    pub checksums: Duration,
}

impl StageTimes {
    /// Adds the normaliser's steps of one document.
    pub(crate) fn add_steps(&mut self, o: &corpus_normaliser::StepTimes) {
        self.normalise += o.normalise;
        self.mentions += o.mentions;
        self.quotes += o.quotes;
        self.events += o.events;
    }

    pub(crate) fn add(&mut self, o: &StageTimes) {
        self.read += o.read;
        self.hash += o.hash;
        self.parse += o.parse;
        self.normalise += o.normalise;
        self.mentions += o.mentions;
        self.quotes += o.quotes;
        self.events += o.events;
    }

    /// (stage, time) in pipeline order.
    pub fn stages(&self) -> [(&'static str, Duration); 9] {
        [
            ("read", self.read),
            ("hash", self.hash),
            ("parse", self.parse),
            ("normalise", self.normalise),
            ("mentions", self.mentions),
            ("quotes", self.quotes),
            ("events", self.events),
            ("write", self.write),
            ("checksums", self.checksums),
        ]
    }
}
