//! The corpus's own files (`catalog.toml`, `actors.toml`) are read once,
//! as a snapshot whose bytes are hashed: a build works from that
//! snapshot, and [`Snapshot::unchanged`] at its end tells whether the
//! file still has those bytes (any change, of the same length or not,
//! saved in place or by rename).

use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, ErrorKind, Result};

/// Reads a file that must be a regular file. A fifo, a device or a
/// folder is refused at once rather than read (a fifo would wait for a
/// writer forever); the file is opened without waiting and checked again
/// once open, in case it was replaced in between.
pub fn read_regular(path: &Path) -> Result<Vec<u8>> {
    let io = |e: std::io::Error| Error::new(path, ErrorKind::Io(e));
    let not_regular =
        || io(std::io::Error::other("not a regular file (a fifo, a device or a folder): give a plain file"));
    if !std::fs::metadata(path).map_err(io)?.is_file() {
        return Err(not_regular());
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = options.open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes).map_err(io)?;
    Ok(bytes)
}

/// The SHA-256 of a corpus file's bytes as they were read (or that it was
/// absent), to tell at the end of a build whether it changed meanwhile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    path: PathBuf,
    sha256: Option<[u8; 32]>,
}

impl Snapshot {
    /// The snapshot of `path` read as `bytes` (`None`: it did not exist).
    pub fn of(path: &Path, bytes: Option<&[u8]>) -> Snapshot {
        Snapshot { path: path.to_path_buf(), sha256: bytes.map(|b| Sha256::digest(b).into()) }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the file again: an error naming it if its bytes are not
    /// those of the snapshot (or it appeared or disappeared).
    pub fn unchanged(&self) -> Result<()> {
        let now = match std::fs::symlink_metadata(&self.path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            _ => Some(read_regular(&self.path)?),
        };
        if Snapshot::of(&self.path, now.as_deref()) == *self {
            return Ok(());
        }
        let message = "changed while the build was running (its bytes are not those read at the start): \
                       the export was not replaced; run the build again"
            .to_string();
        let is_gazetteer = self.path.file_name().is_some_and(|n| n == crate::GAZETTEER_FILE);
        let kind = if is_gazetteer {
            ErrorKind::Gazetteer { id: None, line: None, message }
        } else {
            ErrorKind::Catalog { id: None, line: None, column: None, message }
        };
        Err(Error::new(&self.path, kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_tells_any_change_of_bytes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("catalog.toml");
        std::fs::write(&path, "title = \"Abc\"\n").expect("write");
        let snap = Snapshot::of(&path, Some(&read_regular(&path).expect("read")));
        assert!(snap.unchanged().is_ok());
        // The same bytes written again: no change.
        std::fs::write(&path, "title = \"Abc\"\n").expect("write");
        assert!(snap.unchanged().is_ok());
        for other in ["title = \"Abd\"\n", "title = \"Abc\"\n\n", ""] {
            std::fs::write(&path, other).expect("write");
            let err = snap.unchanged().expect_err("changed").to_string();
            assert!(err.contains("catalog.toml: changed while the build was running"), "{err}");
        }
        std::fs::remove_file(&path).expect("remove");
        assert!(snap.unchanged().is_err(), "removed");
        let absent = Snapshot::of(&dir.path().join("actors.toml"), None);
        assert!(absent.unchanged().is_ok());
        std::fs::write(dir.path().join("actors.toml"), "").expect("write");
        let err = absent.unchanged().expect_err("appeared").to_string();
        assert!(err.contains("actors.toml: changed while the build was running"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_folder_is_refused_without_waiting() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("catalog.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
        assert!(made.success());
        for path in [fifo.as_path(), dir.path()] {
            let err = read_regular(path).expect_err("not a regular file").to_string();
            assert!(err.contains("not a regular file"), "{err}");
        }
    }
}
