//! SIGINT (Ctrl-C) and SIGTERM during a build or merge: the unfinished
//! export is removed, the previous one is left as it was, a message says
//! so, and the exit status is 128 + the signal (130, 143).

use std::path::Path;

/// From now on, SIGINT or SIGTERM abandons this process's export of `out`
/// (see [`corpus_exporter::abandon`]) and exits.
#[cfg(unix)]
pub fn clean_up_on_interrupt(out: &Path) -> anyhow::Result<()> {
    use anyhow::Context;
    use corpus_exporter::Abandoned;
    use signal_hook::consts::{SIGINT, SIGTERM};

    let mut signals =
        signal_hook::iterator::Signals::new([SIGINT, SIGTERM]).context("setting up signal handling")?;
    let out = out.to_path_buf();
    std::thread::spawn(move || {
        let Some(signal) = signals.forever().next() else { return };
        let name = if signal == SIGINT { "SIGINT" } else { "SIGTERM" };
        let left = format!("{} is as it was", out.display());
        let what = match corpus_exporter::abandon(&out) {
            Abandoned::Removed(path) => format!("removed the unfinished export {}; {left}", path.display()),
            Abandoned::NothingWritten => format!("nothing was written; {left}"),
            Abandoned::AlreadyInPlace => format!("the new export was already in place in {}", out.display()),
            Abandoned::Failed { path, error } => format!(
                "the unfinished export {} could not be removed ({error}): remove it yourself; {left}",
                path.display()
            ),
        };
        eprintln!("interrupted ({name}): {what}");
        std::process::exit(128 + signal);
    });
    Ok(())
}

#[cfg(not(unix))]
pub fn clean_up_on_interrupt(_: &Path) -> anyhow::Result<()> {
    Ok(())
}
