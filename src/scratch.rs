//! Scratch files: data a build sets aside on disk while it runs instead of holding it in memory
//! until it is needed again (each record's HTML between loading and its page, the search
//! postings between indexing and merging). A scratch file lives in the build's temporary output
//! folder, is appended to by many threads at once, read back by range, and removed when dropped,
//! so it never reaches the published output.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// An append-only file with reads by (offset, length); shared between threads.
pub struct ScratchFile {
    path: PathBuf,
    file: File,
    len: AtomicU64,
}

impl ScratchFile {
    /// Creates (or truncates) `dir/name`.
    pub fn create(dir: &Path, name: &str) -> io::Result<ScratchFile> {
        let path = dir.join(name);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(true)
            .read(true)
            .write(true)
            .open(&path)?;
        Ok(ScratchFile {
            path,
            file,
            len: AtomicU64::new(0),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `bytes`; returns the offset they start at. Threads append side by side: each
    /// reserves its range first, then writes it.
    pub fn append(&self, bytes: &[u8]) -> io::Result<u64> {
        let at = self.len.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        write_all_at(&self.file, bytes, at)?;
        Ok(at)
    }

    /// The `len` bytes at `offset`, as appended.
    pub fn read(&self, offset: u64, len: usize) -> io::Result<Vec<u8>> {
        let mut buf = vec![0; len];
        read_exact_at(&self.file, &mut buf, offset)?;
        Ok(buf)
    }
}

impl Drop for ScratchFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(unix)]
pub(crate) fn write_all_at(f: &File, buf: &[u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(f, buf, at)
}

#[cfg(unix)]
pub(crate) fn read_exact_at(f: &File, buf: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(f, buf, at)
}

#[cfg(windows)]
pub(crate) fn write_all_at(f: &File, mut buf: &[u8], mut at: u64) -> io::Result<()> {
    while !buf.is_empty() {
        let n = std::os::windows::fs::FileExt::seek_write(f, buf, at)?;
        if n == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        buf = &buf[n..];
        at += n as u64;
    }
    Ok(())
}

#[cfg(windows)]
pub(crate) fn read_exact_at(f: &File, mut buf: &mut [u8], mut at: u64) -> io::Result<()> {
    while !buf.is_empty() {
        let n = std::os::windows::fs::FileExt::seek_read(f, buf, at)?;
        if n == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        buf = &mut buf[n..];
        at += n as u64;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ranges appended from many threads read back as written, and the file is gone once dropped.
    #[test]
    fn appends_from_threads_read_back_and_the_file_is_removed() {
        let dir = std::env::temp_dir().join(format!("minutebook-scratch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = ScratchFile::create(&dir, ".scratch-test").unwrap();
        let parts: Vec<Vec<u8>> = (0..200u32)
            .map(|i| (0..(i * 37 % 500)).map(|j| (i * 7 + j) as u8).collect())
            .collect();
        let at: Vec<u64> = std::thread::scope(|s| {
            let hs: Vec<_> = parts.iter().map(|p| s.spawn(|| f.append(p).unwrap())).collect();
            hs.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for (p, &o) in parts.iter().zip(&at) {
            assert_eq!(&f.read(o, p.len()).unwrap(), p);
        }
        let total: usize = parts.iter().map(Vec::len).sum();
        assert_eq!(std::fs::metadata(f.path()).unwrap().len(), total as u64);
        let path = f.path().to_path_buf();
        drop(f);
        assert!(!path.exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
