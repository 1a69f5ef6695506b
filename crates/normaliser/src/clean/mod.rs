//! Cleaning: what turns a source's blocks into the clean text, its
//! segments, the offset map back to source bytes, and the quality flags.
//!
//! - [`document`]: the entry point ([`normalise`]), page-break re-joining,
//!   long-paragraph splitting, assembling the text and counting words;
//! - [`markup`]: one block's clean text (markup residue, entities,
//!   footnote markers, white space, NFC);
//! - [`flags`]: the document's quality flags.

mod document;
mod flags;
pub(crate) mod markup;

pub use document::{normalise, normalise_parts, Document, Segment, MAX_SEGMENT_CHARS, SEGMENT_SEPARATOR};
pub use flags::QualityFlag;
