//! Where an export goes: checks on the output folder, the lock, the
//! temporary folder, and moving the finished folder into place.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

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
}

pub(crate) fn output_error(out: &Path, message: impl Into<String>) -> Error {
    Error::Output { path: out.to_path_buf(), message: message.into() }
}

impl Target {
    /// `inputs`: folders the build reads (the corpus, or the parts of a
    /// merge), with what they are called: the output may neither be
    /// inside one nor contain one, since replacing it would lose them.
    pub(crate) fn prepare(out: &Path, inputs: &[(&Path, &str)]) -> Result<Target> {
        let name = out
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| !n.starts_with('.'))
            .ok_or_else(|| output_error(out, "give a folder name, such as `exports`"))?
            .to_string();
        if out.exists() && !out.is_dir() {
            return Err(output_error(out, "exists and is not a folder: choose another --out"));
        }
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
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
        Ok(Target { out: out.to_path_buf(), parent, name, _lock: lock })
    }

    pub(crate) fn temp_dir(&self) -> Result<TempDir> {
        let path = self.parent.join(format!(".{}.tmp-{}", self.name, std::process::id()));
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

    /// Moves the finished folder into place; the old export is removed
    /// only after the new one is there. Where the system can swap two
    /// folders in one step, a reader sees the old export or the new one,
    /// never neither; elsewhere the folder is absent for the instant
    /// between two renames.
    pub(crate) fn commit(&self, mut tmp: TempDir) -> Result<()> {
        if self.out.is_dir() && exchange(&tmp.path, &self.out) {
            // The temporary folder now holds the old export.
            tmp.keep = true;
            return std::fs::remove_dir_all(&tmp.path).map_err(|e| Error::io(&tmp.path, e));
        }
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
        if had_old {
            std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
        }
        Ok(())
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
