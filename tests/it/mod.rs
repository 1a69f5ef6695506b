mod bad_input;
mod bundled;
mod determinism;
mod invariants;
mod roundtrip;
mod structure;
mod util;
mod verify;
