//! What can go wrong loading a recogniser model or reading training data.

use std::fmt;

/// A model file that cannot be used, or training data that cannot be
/// read, and where it went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NerError {
    kind: NerErrorKind,
}

/// Why a model file cannot be used, or training data read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NerErrorKind {
    /// The file does not start with the model's magic line.
    NotAModel,
    /// A header line is missing or malformed (1-based line number).
    Header {
        /// The header line.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The model was trained with other feature templates than this code's.
    FeatureVersion {
        /// The file's version.
        found: u32,
        /// This code's version.
        expected: u32,
    },
    /// The body is not as long as the header says (bytes).
    Length {
        /// Bytes the header announces.
        expected: usize,
        /// Bytes present.
        found: usize,
    },
    /// The body's SHA-256 is not the one in the header.
    Checksum,
    /// A CoNLL line that is not `token … tag` with a known tag.
    Conll {
        /// 1-based line number.
        line: usize,
        /// The line.
        text: String,
    },
}

impl NerError {
    pub(crate) fn new(kind: NerErrorKind) -> NerError {
        NerError { kind }
    }

    pub(crate) fn header(line: usize, message: impl Into<String>) -> NerError {
        NerError::new(NerErrorKind::Header { line, message: message.into() })
    }

    /// What went wrong.
    pub fn kind(&self) -> &NerErrorKind {
        &self.kind
    }
}

impl fmt::Display for NerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            NerErrorKind::NotAModel => write!(f, "not a recogniser model (no `corpus-ner-model` first line)"),
            NerErrorKind::Header { line, message } => write!(f, "model header line {line}: {message}"),
            NerErrorKind::FeatureVersion { found, expected } => {
                write!(f, "model uses feature version {found}, this code computes version {expected}: retrain with `make model`")
            }
            NerErrorKind::Length { expected, found } => {
                write!(f, "model body is {found} bytes, the header says {expected}: the file is truncated or corrupt")
            }
            NerErrorKind::Checksum => {
                write!(f, "model body does not match the SHA-256 in its header: the file is corrupt")
            }
            NerErrorKind::Conll { line, text } => {
                write!(f, "conll line {line}: `{text}` is not `token ... tag` with an IOB tag")
            }
        }
    }
}

impl std::error::Error for NerError {}
