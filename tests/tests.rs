//! Integration tests of the `corpus` binary and the three libraries on
//! small corpora written here and on the bundled corpus. One binary, a
//! module per area.

mod it;
