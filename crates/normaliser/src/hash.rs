//! Hash maps and sets of the crate: std's, with foldhash's fixed-seed
//! hasher instead of SipHash. Their keys are words and names of the
//! document being read, looked up many times a document; SipHash's
//! defence against chosen keys costs more than the look-ups here need.
//! The seed is fixed, so nothing depends on a random state (the output
//! never depended on iteration order; now no run differs from another).

/// A `std` hash map with foldhash's fixed-seed hasher.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
/// A `std` hash set with foldhash's fixed-seed hasher.
pub(crate) type HashSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;
