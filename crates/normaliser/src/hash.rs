//! Hash maps and sets of the crate: std's, with foldhash's hasher instead
//! of SipHash. Their keys are words and names of the document being read,
//! looked up many times a document (SipHash's hashing was about 1.6% of
//! the build's CPU in a profile of the 150 MB bench). Its seeds are random
//! per process, as std's are, so a crafted document cannot count on
//! colliding keys; the output never depends on iteration order (the
//! exports were reproducible under std's random seeds and are under
//! these). The crate's public functions keep std's `HashSet` and
//! `HashMap` in their signatures (`normalise_parts` takes a std set of
//! labels).

/// A `std` hash map with foldhash's hasher.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// A `std` hash set with foldhash's hasher.
pub(crate) type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
