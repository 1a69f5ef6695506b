//! Extraction: everything read from a clean [`crate::Document`], one
//! module tree per kind, run in order by [`crate::Annotator`]:
//!
//! 1. [`mentions`]: names of people and organisations (the gazetteer,
//!    names discovered by their cues, short forms);
//! 2. [`quotes`]: quotations and their speakers;
//! 3. [`dates`]: date expressions (read by the events);
//! 4. [`events`]: a dated sentence, typed by its nearest trigger word.
//!
//! [`sentences`] finds sentence bounds for quotes and events.

pub(crate) mod dates;
pub(crate) mod events;
pub(crate) mod mentions;
pub(crate) mod quotes;
pub(crate) mod sentences;
