//! `corpus`: make a corpus folder (init, import), build, verify, check
//! and summarise corpus exports.
//!
//! A thin layer over the three libraries: it parses flags into a validated
//! configuration, runs one command, prints, and turns errors into an exit
//! code. All the work is in `corpus-parser`, `corpus-normaliser` and
//! `corpus-exporter`.

mod commands;
mod flags;
mod import;
mod init;
mod signals;

use std::process::ExitCode;

// jemalloc, with its background thread returning freed pages to the
// system: the build's peak memory is lower and steadier than with the
// system allocator, whose per-thread arenas fragment (README, "Performance").
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let config = flags::parse();
    match commands::run(config) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// A closed pipe (`corpus stats | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
