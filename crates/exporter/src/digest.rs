//! Hashing: SHA-256 of bytes and of files, and the entry of one file of
//! an export (its name, size and hash) as `SHA256SUMS` and the data
//! package list it.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Hex SHA-256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Size and hex SHA-256 of a file, read a block at a time (an export's
/// files can be far larger than memory should hold).
pub fn sha256_file(path: &std::path::Path) -> std::io::Result<(u64, String)> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok((size, hex(&hasher.finalize())))
}

pub(crate) fn hex(digest: &[u8]) -> String {
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        s.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    s
}

/// A file of the export: its name, size and SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    /// Path relative to the export folder, with `/`.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// Hex SHA-256.
    pub sha256: String,
}

/// Hashes one file of the export folder.
pub fn file_entry(dir: &Path, name: &str) -> Result<FileEntry> {
    let path = dir.join(name);
    let (bytes, sha256) = sha256_file(&path).map_err(|e| Error::io(&path, e))?;
    Ok(FileEntry { path: name.to_string(), bytes, sha256 })
}
