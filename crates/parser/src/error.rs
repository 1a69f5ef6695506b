use std::fmt;
use std::path::PathBuf;

/// A specialised `Result` for this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// An error while reading a corpus: it always names the file, and where
/// it can, the line, column or byte offset.
#[derive(Debug)]
pub struct Error {
    path: PathBuf,
    kind: ErrorKind,
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read.
    Io(std::io::Error),
    /// The catalog is not valid TOML, or does not have the catalog's shape.
    Toml {
        /// 1-based line, if known.
        line: Option<usize>,
        /// 1-based column, if known.
        column: Option<usize>,
        /// What the TOML reader said, with a hint where we have one.
        message: String,
    },
    /// A catalog entry breaks a rule (duplicate id, bad path, bad date …).
    Catalog {
        /// The id of the offending `[[document]]`, if it has one.
        id: Option<String>,
        /// 1-based line of the entry (or of the value at fault), if known.
        line: Option<usize>,
        /// 1-based column of the value at fault, if known.
        column: Option<usize>,
        /// What is wrong and what to do.
        message: String,
    },
    /// Several errors of one file (a catalog reports all its problems at
    /// once), in the order of the file.
    Several(Vec<Error>),
    /// A gazetteer entry breaks a rule (duplicate id, empty name, an
    /// alias claimed by two actors …).
    Gazetteer {
        /// The id of the offending `[[actor]]`.
        id: Option<String>,
        /// 1-based line of the entry, if known.
        line: Option<usize>,
        /// What is wrong and what to do.
        message: String,
    },
    /// A source file is not valid UTF-8.
    Utf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A source file has a byte sequence its encoding cannot decode.
    Undecodable {
        /// Byte offset of the first byte of the sequence.
        offset: usize,
        /// The encoding (WHATWG name).
        encoding: &'static str,
    },
    /// A file is empty or holds only white space.
    Empty,
    /// A source file contains a NUL byte (it is binary, not text).
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
}

impl Error {
    pub(crate) fn new(path: impl Into<PathBuf>, kind: ErrorKind) -> Error {
        Error { path: path.into(), kind }
    }

    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.kind {
            ErrorKind::Io(err) => write!(f, "{path}: {err}"),
            ErrorKind::Toml { line, column, message } => match (line, column) {
                (Some(l), Some(c)) => write!(f, "{path}:{l}:{c}: {message}"),
                _ => write!(f, "{path}: {message}"),
            },
            ErrorKind::Catalog { id, line, column, message } => {
                write!(f, "{path}")?;
                if let Some(l) = line {
                    write!(f, ":{l}")?;
                }
                if let Some(c) = column {
                    write!(f, ":{c}")?;
                }
                if let Some(id) = id {
                    write!(f, ": document '{id}'")?;
                }
                write!(f, ": {message}")
            }
            ErrorKind::Several(errors) => {
                write!(f, "{path}: {} problems, all listed here:", errors.len())?;
                errors.iter().try_for_each(|e| write!(f, "\n  {e}"))
            }
            ErrorKind::Gazetteer { id, line, message } => {
                write!(f, "{path}")?;
                if let Some(l) = line {
                    write!(f, ":{l}")?;
                }
                if let Some(id) = id {
                    write!(f, ": actor '{id}'")?;
                }
                write!(f, ": {message}")
            }
            ErrorKind::Utf8 { offset } => write!(
                f,
                "{path}: invalid UTF-8 at byte {offset}: a source in another encoding is read when \
                 the catalog declares it (encoding = \"windows-1252\") or says nothing (it is then \
                 detected); a catalog or gazetteer must be UTF-8"
            ),
            ErrorKind::Undecodable { offset, encoding } => write!(
                f,
                "{path}: byte {offset} cannot be read as {encoding}: declare the file's real encoding \
                 in the catalog (encoding = \"…\"), or leave it out to have it detected"
            ),
            ErrorKind::Empty => write!(
                f,
                "{path}: the file is empty (or only white space): add its text, or remove it from the catalog"
            ),
            ErrorKind::Binary { offset } => {
                write!(f, "{path}: NUL byte at byte {offset}: this looks like a binary file, not text")
            }
        }
    }
}

/// The message already includes what an I/O error said, so no cause is
/// chained (a chain would print it twice).
impl std::error::Error for Error {}
