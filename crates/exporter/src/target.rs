//! Where an export goes: the checks on the output folder (only an export
//! of this tool, or an empty folder, is replaced), the lock, the
//! temporary folder beside it (and the removal of those that builds
//! killed earlier left behind), and the swap into place, which is the
//! last step of a build and cannot half-fail.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use crate::error::{Error, Result};
use crate::package::{PACKAGE_FILE, SUMS_FILE};

/// Removes a half-written folder unless the build completed.
pub(crate) struct TempDir {
    pub(crate) path: PathBuf,
    keep: bool,
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

/// Where the export goes: checks, the lock, and the temporary folder.
pub(crate) struct Target {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    _lock: File,
    /// What went wrong without failing the build (a stale temporary
    /// folder that could not be removed).
    warnings: Vec<String>,
}

pub(crate) fn output_error(out: &Path, message: impl Into<String>) -> Error {
    Error::Output { path: out.to_path_buf(), message: message.into() }
}

/// The folder `out` is in, and its name (None: not a usable name).
fn parent_and_name(out: &Path) -> Option<(PathBuf, String)> {
    let name = out.file_name().and_then(|n| n.to_str()).filter(|n| !n.starts_with('.'))?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some((parent, name.to_string()))
}

/// The temporary folder of process `pid`'s build of the export `name`.
fn temp_name(name: &str, pid: u32) -> String {
    format!(".{name}.tmp-{pid}")
}

impl Target {
    /// `inputs`: folders the build reads (the corpus, or the parts of a
    /// merge), with what they are called: the output may neither be
    /// inside one nor contain one, since replacing it would lose them.
    /// An existing `out` must be an export or empty unless `force`.
    pub(crate) fn prepare(out: &Path, inputs: &[(&Path, &str)], force: bool) -> Result<Target> {
        let (parent, name) =
            parent_and_name(out).ok_or_else(|| output_error(out, "give a folder name, such as `exports`"))?;
        if out.exists() && !out.is_dir() {
            return Err(output_error(out, "exists and is not a folder: choose another --out"));
        }
        std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let real_out = parent.canonicalize().map_err(|e| Error::io(&parent, e))?.join(&name);
        for (input, what) in inputs {
            let real_input = input.canonicalize().map_err(|e| Error::io(input, e))?;
            if real_out.starts_with(&real_input) {
                return Err(output_error(out, format!("is inside the {what}: write it somewhere else")));
            }
            if real_input.starts_with(&real_out) {
                return Err(output_error(
                    out,
                    format!("contains the {what} {}: write it somewhere else", input.display()),
                ));
            }
        }
        let lock_path = parent.join(format!(".{name}.lock"));
        let lock = File::create(&lock_path).map_err(|e| match e.kind() {
            std::io::ErrorKind::PermissionDenied => {
                output_error(out, format!("the folder {} is not writable", parent.display()))
            }
            _ => Error::io(&lock_path, e),
        })?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(output_error(
                    out,
                    "another build is writing this export right now: wait for it to finish",
                ));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&lock_path, e)),
        }
        // Checked with the lock held: no other build swaps it meanwhile.
        if !force {
            check_replaceable(out)?;
        }
        let warnings = remove_stale_temps(&parent, &name);
        Ok(Target { out: out.to_path_buf(), parent, name, _lock: lock, warnings })
    }

    pub(crate) fn temp_dir(&self) -> Result<TempDir> {
        let path = self.parent.join(temp_name(&self.name, std::process::id()));
        if path.exists() {
            std::fs::remove_dir_all(&path).map_err(|e| Error::io(&path, e))?;
        }
        std::fs::create_dir(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::PermissionDenied => {
                output_error(&self.out, format!("the folder {} is not writable", self.parent.display()))
            }
            _ => Error::io(&path, e),
        })?;
        Ok(TempDir { path, keep: false })
    }

    /// Moves the finished folder into place: the last step of a build,
    /// after everything that can fail. Where the system can swap two
    /// folders in one step, a reader sees the old export or the new one,
    /// never neither; elsewhere the folder is absent for the instant
    /// between two renames. An error means the previous export is still
    /// in place; once the new one is, removing the old one can only
    /// warn. Returns the warnings.
    pub(crate) fn commit(mut self, mut tmp: TempDir) -> Result<Vec<String>> {
        let swap = SWAP.lock().unwrap_or_else(|e| e.into_inner());
        if ABANDONED.load(Ordering::SeqCst) {
            return Err(output_error(&self.out, "the build was interrupted: the export was not replaced"));
        }
        let old = if self.out.is_dir() && exchange(&tmp.path, &self.out) {
            // The temporary folder now holds the old export.
            tmp.keep = true;
            Some(tmp.path.clone())
        } else {
            let old = self.parent.join(format!(".{}.old-{}", self.name, std::process::id()));
            let had_old = self.out.exists();
            if had_old {
                std::fs::rename(&self.out, &old).map_err(|e| Error::io(&self.out, e))?;
            }
            if let Err(e) = std::fs::rename(&tmp.path, &self.out) {
                if had_old {
                    let _ = std::fs::rename(&old, &self.out);
                }
                return Err(Error::io(&self.out, e));
            }
            tmp.keep = true;
            had_old.then_some(old)
        };
        COMMITTED.store(true, Ordering::SeqCst);
        drop(swap);
        if let Some(old) = old {
            if let Err(e) = std::fs::remove_dir_all(&old) {
                self.warnings.push(format!(
                    "{} is in place, but the previous export could not be removed ({e}): it is left at {}; \
                     remove it yourself (a later build removes it if it can)",
                    self.out.display(),
                    old.display()
                ));
            }
        }
        Ok(self.warnings)
    }
}

/// Swaps two existing folders atomically (renameat2 with RENAME_EXCHANGE
/// on Linux, renameatx_np on macOS); false if the system or the file
/// system cannot, and nothing moved.
#[cfg(any(target_os = "linux", target_os = "macos"))]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

/// An existing `out` is replaced only if it is empty or an export of this
/// tool: `SHA256SUMS` and `datapackage.json` there, and every other entry
/// a regular file listed in `SHA256SUMS`. Anything else could be a
/// user's own folder (`--out ~/Documents`), which a build must not delete.
fn check_replaceable(out: &Path) -> Result<()> {
    let entries = match std::fs::read_dir(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        other => other.map_err(|e| Error::io(out, e))?,
    };
    let mut unlisted = Vec::new();
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(out, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = entry.file_type().map_err(|e| Error::io(entry.path(), e))?;
        if kind.is_file() {
            names.push(name);
        } else {
            unlisted.push(if kind.is_dir() { format!("{name}/") } else { name });
        }
    }
    if names.is_empty() && unlisted.is_empty() {
        return Ok(());
    }
    let listed: Vec<String> = match std::fs::read_to_string(out.join(SUMS_FILE)) {
        Ok(sums) => sums.lines().filter_map(|l| l.split_once("  ")).map(|(_, n)| n.to_string()).collect(),
        Err(_) => Vec::new(),
    };
    let export_files = [SUMS_FILE, PACKAGE_FILE];
    let missing: Vec<&str> = export_files.into_iter().filter(|f| !names.iter().any(|n| n == f)).collect();
    unlisted.extend(names.into_iter().filter(|n| n != SUMS_FILE && !listed.contains(n)));
    if missing.is_empty() && unlisted.is_empty() {
        return Ok(());
    }
    unlisted.sort();
    let mut why = Vec::new();
    if !missing.is_empty() {
        why.push(format!("it has no {}", missing.join(" and no ")));
    }
    if !unlisted.is_empty() {
        let shown: Vec<&str> = unlisted.iter().take(3).map(String::as_str).collect();
        let more =
            if unlisted.len() > 3 { format!(" and {} more", unlisted.len() - 3) } else { String::new() };
        let unlisted =
            if missing.is_empty() { format!(", not listed in its {SUMS_FILE}") } else { String::new() };
        why.push(format!("it holds {}{more}{unlisted}", shown.join(", ")));
    }
    let why = why.join("; ");
    Err(output_error(
        out,
        format!(
            "is not an export ({why}), and a build replaces the whole folder: choose another --out, \
             or pass --force to replace it anyway"
        ),
    ))
}

/// Removes the temporary folders `.NAME.tmp-PID` of earlier builds of
/// this export whose process is gone (killed before they could clean
/// up); only folders of exactly that name, never one of a live process.
/// Returns a warning for each that could not be removed.
fn remove_stale_temps(parent: &Path, name: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(parent) else { return Vec::new() };
    let prefix = format!(".{name}.tmp-");
    let mut warnings = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)).and_then(parse_pid) else {
            continue;
        };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_dir || pid == std::process::id() || process_alive(pid) {
            continue;
        }
        if let Err(e) = std::fs::remove_dir_all(entry.path()) {
            warnings.push(format!(
                "{}: left by a build that was killed, and cannot be removed ({e}): remove it yourself",
                entry.path().display()
            ));
        }
    }
    warnings
}

/// A process id written by [`temp_name`]: digits only, no sign or zero.
fn parse_pid(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|&p| p > 0)
}

/// Whether process `pid` exists (signal 0). Where this cannot be asked,
/// every process counts as alive, so nothing is removed.
#[cfg(any(target_os = "linux", target_os = "macos"))]
fn process_alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid).ok().and_then(rustix::process::Pid::from_raw) else { return true };
    !matches!(rustix::process::test_kill_process(pid), Err(rustix::io::Errno::SRCH))
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn process_alive(_: u32) -> bool {
    true
}

/// Held while an export is swapped into place, so an interruption
/// ([`abandon`]) waits for a swap in progress rather than cut it.
static SWAP: Mutex<()> = Mutex::new(());
/// Set by [`abandon`]: no export is swapped into place after it.
static ABANDONED: AtomicBool = AtomicBool::new(false);
/// Set once a build of this process has swapped its export into place.
static COMMITTED: AtomicBool = AtomicBool::new(false);

/// What [`abandon`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Abandoned {
    /// The unfinished export was removed (this folder).
    Removed(PathBuf),
    /// Nothing was written yet.
    NothingWritten,
    /// The new export was already in place.
    AlreadyInPlace,
    /// The unfinished export could not be removed.
    Failed {
        /// The folder left behind.
        path: PathBuf,
        /// What the system said.
        error: String,
    },
}

/// For a signal handler (SIGINT, SIGTERM) of a program running a build
/// or merge into `out`: stops any export of this process from being
/// swapped into place from now on (waiting for a swap in progress to
/// finish), and removes this process's unfinished export of `out`. The
/// caller exits right after; the previous export is left as it was.
pub fn abandon(out: &Path) -> Abandoned {
    let _swap = SWAP.lock().unwrap_or_else(|e| e.into_inner());
    ABANDONED.store(true, Ordering::SeqCst);
    if COMMITTED.load(Ordering::SeqCst) {
        return Abandoned::AlreadyInPlace;
    }
    let Some((parent, name)) = parent_and_name(out) else { return Abandoned::NothingWritten };
    let path = parent.join(temp_name(&name, std::process::id()));
    // The writer may still be adding files: try a few times.
    let mut last = None;
    for _ in 0..5 {
        match std::fs::remove_dir_all(&path) {
            Ok(()) => return Abandoned::Removed(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return match last {
                    None => Abandoned::NothingWritten,
                    Some(_) => Abandoned::Removed(path),
                }
            }
            Err(e) => last = Some(e),
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let error = last.map(|e| e.to_string()).unwrap_or_default();
    Abandoned::Failed { path, error }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_digits_are_a_pid() {
        for (text, pid) in
            [("123", Some(123)), ("0", None), ("", None), ("+1", None), ("12a", None), ("1 ", None)]
        {
            assert_eq!(parse_pid(text), pid, "{text:?}");
        }
    }

    #[test]
    fn this_process_is_alive() {
        assert!(process_alive(std::process::id()));
    }

    #[test]
    fn what_a_build_may_replace() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("out");
        assert!(check_replaceable(&out).is_ok(), "absent");
        std::fs::create_dir(&out).expect("mkdir");
        assert!(check_replaceable(&out).is_ok(), "empty");
        std::fs::write(out.join("a.csv"), "x").expect("write");
        std::fs::write(out.join(PACKAGE_FILE), "{}").expect("write");
        let err = check_replaceable(&out).expect_err("no sums").to_string();
        assert!(err.contains("it has no SHA256SUMS"), "{err}");
        std::fs::write(out.join(SUMS_FILE), "00  a.csv\n00  datapackage.json\n").expect("write");
        assert!(check_replaceable(&out).is_ok(), "an export");
        std::fs::create_dir(out.join("sub")).expect("mkdir");
        std::fs::write(out.join("thesis.docx"), "x").expect("write");
        let err = check_replaceable(&out).expect_err("not an export").to_string();
        assert!(err.contains("it holds sub/, thesis.docx, not listed in its SHA256SUMS"), "{err}");
        assert!(err.contains("--force"), "{err}");
    }
}
