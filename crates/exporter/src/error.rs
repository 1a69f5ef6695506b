use std::fmt;
use std::path::PathBuf;

/// A specialised `Result` for this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// An error while building or verifying an export.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Reading the corpus failed (the parser's error names the file).
    Corpus(corpus_parser::Error),
    /// A file could not be read or written.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The output folder cannot be used.
    Output {
        /// The output folder.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },
    /// A value cannot be written to a table (a CSV cell too long, a list
    /// item containing the list separator …).
    Value {
        /// The table.
        table: &'static str,
        /// The column.
        column: &'static str,
        /// The row's key (for example the document id).
        key: String,
        /// What is wrong.
        message: String,
    },
    /// Arrow or Parquet failed.
    Format {
        /// The file being written or read.
        path: PathBuf,
        /// What the library said.
        message: String,
    },
    /// A part folder cannot be merged.
    Part {
        /// The part folder or its manifest.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },
    /// Processing a document panicked: a bug of this program.
    Bug {
        /// The source file being processed.
        path: PathBuf,
    },
    /// A document's language has no language data.
    Language {
        /// The catalog the document is listed in.
        catalog: PathBuf,
        /// The document's id.
        id: String,
        /// The 1-based line of its entry in the catalog (0 if unknown).
        line: usize,
        /// What the normaliser said (the tag, the languages with data).
        message: String,
    },
    /// An export folder is not what its checksums say.
    Verify {
        /// The export folder.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io { path: path.into(), source }
    }

    pub(crate) fn format(path: impl Into<PathBuf>, err: impl fmt::Display) -> Error {
        Error::Format { path: path.into(), message: err.to_string() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Corpus(e) => write!(f, "{e}"),
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Output { path, message } => write!(f, "output {}: {message}", path.display()),
            Error::Value { table, column, key, message } => {
                write!(f, "table {table}, row {key}, column {column}: {message}")
            }
            Error::Format { path, message } => write!(f, "{}: {message}", path.display()),
            Error::Part { path, message } => write!(f, "{}: {message}", path.display()),
            Error::Bug { path } => write!(
                f,
                "{}: processing this document failed on a bug of corpus: please report it with the file",
                path.display()
            ),
            Error::Language { catalog, id, line, message } => {
                write!(f, "{}", catalog.display())?;
                if *line > 0 {
                    write!(f, ":{line}")?;
                }
                write!(f, ": document \"{id}\": {message}")
            }
            Error::Verify { path, message } => write!(f, "{}: {message}", path.display()),
        }
    }
}

/// The message of every variant already says what its cause said, so no
/// cause is chained (a chain would print it twice).
impl std::error::Error for Error {}

impl From<corpus_parser::Error> for Error {
    fn from(e: corpus_parser::Error) -> Error {
        Error::Corpus(e)
    }
}
