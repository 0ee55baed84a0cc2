//! Output: the files a build produces, held in memory, then written to a temporary folder beside
//! the output and swapped in at the end, so a failed or interrupted build never leaves a
//! half-written site and the previous output stays as it was. Paths are checked so nothing can
//! be written outside the output folder, and a folder that is not a minutebook output is never
//! replaced.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::messages::Msg;

/// The marker that says a folder was written by minutebook (and may be replaced by it).
pub const MARKER: &str = ".minutebook-output";

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("`{0}` would be written outside the output folder")]
    Escapes(String),
    #[error("two pages would be written to `{0}`")]
    Duplicate(String),
    #[error("refusing to replace `{}`: it is not empty and was not written by minutebook; choose another --output folder, or empty it first", .0.display())]
    Foreign(PathBuf),
    #[error("refusing to build into `{}`: it is a symbolic link (to `{}`); replacing it would empty the link's target and leave a folder in the link's place. Pass the target itself as --output", .0.display(), .1.display())]
    Symlink(PathBuf, PathBuf),
    #[error("the output folder `{}` would hold the site's own files; choose an output folder outside content/, templates/, static/ and themes/", .0.display())]
    Overlaps(PathBuf),
    #[error("cannot write `{}`: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("`{}` was not written by minutebook, and the site now has a file of its own there; move your file elsewhere (nothing was changed)", .0.display())]
    UserFileInTheWay(PathBuf),
    #[error("the disk is full (writing `{}`); free some space and build again — the previous output was left as it was", .0.display())]
    DiskFull(PathBuf),
    /// A write not attempted because the disk was already full: [`without_repeats`] drops these,
    /// so a full disk is reported once, not once per file.
    #[error("{DISK_FULL_AGAIN}")]
    DiskFullAgain,
}

const DISK_FULL_AGAIN: &str = "not written: the disk is full";

impl OutputError {
    /// The error as a message of the catalogue, in either language.
    pub fn msg(&self) -> Msg {
        let shown = |p: &Path| crate::diagnostics::slashed(p);
        match self {
            OutputError::Escapes(p) => Msg::WritesOutside { path: p.clone() },
            OutputError::Duplicate(p) => Msg::TwoPagesOnePath { path: p.clone() },
            OutputError::Foreign(d) => Msg::ForeignOutput { dir: shown(d) },
            OutputError::Symlink(d, t) => Msg::OutputIsSymlink {
                dir: shown(d),
                target: shown(t),
            },
            OutputError::Overlaps(d) => Msg::OutputOverlaps { dir: shown(d) },
            OutputError::Io { path, source } => Msg::CannotWrite {
                path: shown(path),
                error: source.to_string(),
            },
            OutputError::UserFileInTheWay(p) => Msg::UserFileInTheWay { path: shown(p) },
            OutputError::DiskFull(p) => Msg::DiskFull { path: shown(p) },
            OutputError::DiskFullAgain => Msg::DiskFullAgain,
        }
    }
}

impl From<OutputError> for crate::diagnostics::Text {
    fn from(e: OutputError) -> Self {
        e.msg().into()
    }
}

/// The diagnostics of a failed build, without the repeats of a full disk (one [`OutputError::DiskFull`]
/// says it all).
pub fn without_repeats(mut diags: Vec<crate::diagnostics::Diagnostic>) -> Vec<crate::diagnostics::Diagnostic> {
    let again = Msg::DiskFullAgain.code();
    diags.retain(|d| d.code() != Some(again));
    diags
}

/// Whether a write failed because the disk (or the user's quota) is full.
fn is_full(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::StorageFull || e.kind() == std::io::ErrorKind::QuotaExceeded
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The files of a built site, by relative path (sorted, so writing order is deterministic).
#[derive(Debug, Default, Clone)]
pub struct Output {
    files: BTreeMap<String, Vec<u8>>,
}

impl Output {
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a file; the path must be relative and stay inside the output.
    pub fn add(&mut self, rel: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Result<(), OutputError> {
        let rel = rel.into().replace('\\', "/");
        check_relative(&rel)?;
        if self.files.insert(rel.clone(), bytes.into()).is_some() {
            return Err(OutputError::Duplicate(rel));
        }
        Ok(())
    }

    /// Add or replace (for files a theme and a site both provide).
    pub fn put(&mut self, rel: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Result<(), OutputError> {
        let rel = rel.into().replace('\\', "/");
        check_relative(&rel)?;
        self.files.insert(rel, bytes.into());
        Ok(())
    }

    /// Move every file of `other` into this output; a path both hold is an error.
    pub fn extend(&mut self, other: Output) -> Result<(), OutputError> {
        for (k, v) in other.files {
            self.add(k, v)?;
        }
        Ok(())
    }

    pub fn get(&self, rel: &str) -> Option<&[u8]> {
        self.files.get(rel).map(Vec::as_slice)
    }

    pub fn contains(&self, rel: &str) -> bool {
        self.files.contains_key(rel)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The files, by path.
    pub fn into_files(self) -> Vec<(String, Vec<u8>)> {
        self.files.into_iter().collect()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    pub fn total_bytes(&self) -> u64 {
        self.files.values().map(|v| v.len() as u64).sum()
    }

    /// Write everything to `dir` atomically: into a sibling temporary folder, then swapped in.
    pub fn write_to(&self, dir: &Path, site_root: &Path) -> Result<(), OutputError> {
        let tmp = prepare(dir, site_root)?;
        let result = self.write_tree(&tmp).and_then(|_| swap(&tmp, dir));
        if result.is_err() {
            discard(&tmp);
        }
        result
    }

    fn write_tree(&self, root: &Path) -> Result<(), OutputError> {
        let mut dirs: Vec<PathBuf> = self
            .files
            .keys()
            .filter_map(|k| Path::new(k).parent().map(|p| root.join(p)))
            .collect();
        dirs.sort();
        dirs.dedup();
        for d in &dirs {
            make_dir(d).map_err(io(d))?;
        }
        let files: Vec<(&String, &Vec<u8>)> = self.files.iter().collect();
        files.par_iter().try_for_each(|(rel, bytes)| {
            let p = root.join(rel);
            std::fs::write(&p, bytes).map_err(io(&p))
        })?;
        Ok(())
    }
}

/// A relative path with no `..`, root or prefix components.
pub fn check_relative(rel: &str) -> Result<(), OutputError> {
    let p = Path::new(rel);
    let ok = !rel.is_empty()
        && !rel.contains('\0')
        && p.components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if ok {
        Ok(())
    } else {
        Err(OutputError::Escapes(rel.to_string()))
    }
}

/// Refuse output folders that would destroy what a user wrote.
pub fn guard_output_dir(dir: &Path, site_root: &Path) -> Result<(), OutputError> {
    let abs = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        // Normalise `.` and `..` without touching the disk (the folder may not exist yet).
        let mut out = PathBuf::new();
        for c in p.components() {
            match c {
                Component::ParentDir => {
                    out.pop();
                }
                Component::CurDir => {}
                c => out.push(c),
            }
        }
        out
    };
    let out = abs(dir);
    let root = abs(site_root);
    let protected = ["content", "templates", "static", "themes", "minutebook.yaml"];
    if root.starts_with(&out) || protected.iter().any(|p| out.starts_with(root.join(p))) {
        return Err(OutputError::Overlaps(dir.to_path_buf()));
    }
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        let target = std::fs::read_link(dir).unwrap_or_default();
        return Err(OutputError::Symlink(dir.to_path_buf(), target));
    }
    if dir.is_dir() {
        let mut entries = std::fs::read_dir(dir).map_err(io(dir))?;
        let empty = entries.next().is_none();
        if !empty && !dir.join(MARKER).exists() {
            return Err(OutputError::Foreign(dir.to_path_buf()));
        }
    } else if dir.exists() {
        return Err(OutputError::Foreign(dir.to_path_buf()));
    }
    Ok(())
}

/// A file being written by [`Sink::add_streamed`].
pub struct Streamed {
    path: PathBuf,
    to: StreamTarget,
    /// Time spent writing to disk.
    nanos: u64,
}

enum StreamTarget {
    Memory(Vec<u8>),
    /// The file and the number of bytes written to it.
    File(std::io::BufWriter<std::fs::File>, u64),
}

impl Streamed {
    /// Append bytes to the file.
    pub fn push(&mut self, bytes: impl AsRef<[u8]>) -> Result<(), OutputError> {
        let bytes = bytes.as_ref();
        match &mut self.to {
            StreamTarget::Memory(v) => v.extend_from_slice(bytes),
            StreamTarget::File(f, len) => {
                let at = std::time::Instant::now();
                std::io::Write::write_all(f, bytes).map_err(io(&self.path))?;
                *len += bytes.len() as u64;
                self.nanos += at.elapsed().as_nanos() as u64;
            }
        }
        Ok(())
    }
}

/// Where a build puts files while it runs: kept in memory (for `serve` and `check`), or written
/// straight into the temporary folder that is swapped in at the end (for `build`, so pages leave
/// memory as soon as they are rendered). Safe to share between threads.
pub struct Sink {
    disk: Option<PathBuf>,
    files: std::sync::Mutex<BTreeMap<String, Vec<u8>>>,
    paths: std::sync::Mutex<std::collections::BTreeSet<String>>,
    /// Folders made, relative and `/`-separated (hashing a `PathBuf` walks its components).
    dirs: std::sync::Mutex<std::collections::HashSet<String>>,
    bytes: std::sync::atomic::AtomicU64,
    /// Time spent writing files, summed over threads.
    write_nanos: std::sync::atomic::AtomicU64,
    /// Set at the first write that found the disk full; later writes are not attempted.
    full: std::sync::atomic::AtomicBool,
}

impl Sink {
    pub fn memory() -> Sink {
        Sink {
            disk: None,
            files: Default::default(),
            paths: Default::default(),
            dirs: Default::default(),
            bytes: Default::default(),
            write_nanos: Default::default(),
            full: Default::default(),
        }
    }

    /// Write through into `dir` (a fresh temporary folder).
    pub fn disk(dir: PathBuf) -> Sink {
        Sink {
            disk: Some(dir),
            ..Sink::memory()
        }
    }

    /// The folder files are written to, when they go to disk: scratch files (see
    /// [`crate::scratch`]) go there too, and are removed before it is swapped in.
    pub fn scratch_dir(&self) -> Option<&Path> {
        self.disk.as_deref()
    }

    /// Claim the output path `rel` (normalized): an error when it leaves the output folder, or
    /// when it is taken and `replace` is false.
    fn claim(&self, rel: String, replace: bool) -> Result<String, OutputError> {
        let rel = rel.replace('\\', "/");
        check_relative(&rel)?;
        let fresh = self.paths.lock().expect("no panic while holding").insert(rel.clone());
        if !fresh && !replace {
            return Err(OutputError::Duplicate(rel));
        }
        Ok(rel)
    }

    /// `root/rel`, with its folder made (each folder once per build).
    fn disk_path(&self, root: &Path, rel: &str) -> Result<PathBuf, OutputError> {
        let path = root.join(rel);
        if let Some((parent_rel, _)) = rel.rsplit_once('/') {
            let known = self.dirs.lock().expect("no panic while holding").contains(parent_rel);
            if !known {
                let parent = path.parent().expect("a file in a folder");
                make_dir(parent).map_err(io(parent))?;
                self.dirs
                    .lock()
                    .expect("no panic while holding")
                    .insert(parent_rel.to_string());
            }
        }
        Ok(path)
    }

    /// A failed write as an error; the first that finds the disk full says so, later ones are
    /// [`OutputError::DiskFullAgain`].
    fn write_error(&self, path: &Path, e: std::io::Error) -> OutputError {
        if !is_full(&e) {
            return OutputError::Io {
                path: path.to_path_buf(),
                source: e,
            };
        }
        if self.full.swap(true, std::sync::atomic::Ordering::Relaxed) {
            OutputError::DiskFullAgain
        } else {
            OutputError::DiskFull(path.to_path_buf())
        }
    }

    fn store(&self, rel: String, bytes: Vec<u8>, replace: bool) -> Result<(), OutputError> {
        let bytes = scrub_controls(&rel, bytes);
        let rel = self.claim(rel, replace)?;
        self.bytes
            .fetch_add(bytes.len() as u64, std::sync::atomic::Ordering::Relaxed);
        match &self.disk {
            None => {
                self.files.lock().expect("no panic while holding").insert(rel, bytes);
            }
            Some(root) => {
                let at = std::time::Instant::now();
                if self.full.load(std::sync::atomic::Ordering::Relaxed) {
                    return Err(OutputError::DiskFullAgain);
                }
                let path = self.disk_path(root, &rel)?;
                std::fs::write(&path, bytes).map_err(|e| self.write_error(&path, e))?;
                self.write_nanos
                    .fetch_add(at.elapsed().as_nanos() as u64, std::sync::atomic::Ordering::Relaxed);
            }
        }
        Ok(())
    }

    /// Add a file whose bytes are those of the file `from` (a page of the previous output that
    /// the build cache reuses): hard-linked into a disk sink's folder when the file system allows
    /// it, else copied; read into a memory sink. A path added twice is an error.
    pub fn add_from(&self, rel: impl Into<String>, from: &Path) -> Result<(), OutputError> {
        let Some(root) = &self.disk else {
            let bytes = std::fs::read(from).map_err(io(from))?;
            return self.store(rel.into(), bytes, false);
        };
        let rel = self.claim(rel.into(), false)?;
        let at = std::time::Instant::now();
        let path = self.disk_path(root, &rel)?;
        let len = match std::fs::hard_link(from, &path) {
            Ok(()) => std::fs::metadata(&path).map_err(io(&path))?.len(),
            Err(_) => std::fs::copy(from, &path).map_err(io(&path))?,
        };
        self.bytes.fetch_add(len, std::sync::atomic::Ordering::Relaxed);
        self.write_nanos
            .fetch_add(at.elapsed().as_nanos() as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// Add a file that `write` produces piece by piece (through [`Streamed::push`]): on disk it
    /// goes to the file as it is made, so a large file is never held whole in memory. A path
    /// added twice is an error.
    pub fn add_streamed(
        &self,
        rel: impl Into<String>,
        write: impl FnOnce(&mut Streamed) -> Result<(), OutputError>,
    ) -> Result<(), OutputError> {
        let Some(root) = &self.disk else {
            // In memory, the whole file is stored at the end (`store` checks the path).
            let rel = rel.into();
            let mut s = Streamed {
                path: PathBuf::from(&rel),
                to: StreamTarget::Memory(Vec::new()),
                nanos: 0,
            };
            write(&mut s)?;
            let StreamTarget::Memory(bytes) = s.to else {
                unreachable!("a memory stream")
            };
            return self.store(rel, bytes, false);
        };
        let rel = self.claim(rel.into(), false)?;
        let at = std::time::Instant::now();
        let path = self.disk_path(root, &rel)?;
        let file = std::fs::File::create(&path).map_err(io(&path))?;
        let mut s = Streamed {
            path,
            to: StreamTarget::File(std::io::BufWriter::with_capacity(1 << 20, file), 0),
            nanos: at.elapsed().as_nanos() as u64,
        };
        write(&mut s)?;
        let at = std::time::Instant::now();
        let StreamTarget::File(mut file, len) = s.to else {
            unreachable!("a file stream")
        };
        std::io::Write::flush(&mut file).map_err(io(&s.path))?;
        drop(file);
        self.bytes.fetch_add(len, std::sync::atomic::Ordering::Relaxed);
        self.write_nanos.fetch_add(
            s.nanos + at.elapsed().as_nanos() as u64,
            std::sync::atomic::Ordering::Relaxed,
        );
        Ok(())
    }

    /// Time spent writing files (summed over threads; zero for a memory sink).
    pub fn write_time(&self) -> std::time::Duration {
        std::time::Duration::from_nanos(self.write_nanos.load(std::sync::atomic::Ordering::Relaxed))
    }

    /// Add a file; a path added twice is an error.
    pub fn add(&self, rel: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Result<(), OutputError> {
        self.store(rel.into(), bytes.into(), false)
    }

    /// Add or replace a file.
    pub fn put(&self, rel: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Result<(), OutputError> {
        self.store(rel.into(), bytes.into(), true)
    }

    /// Move every file of an in-memory output in (written in parallel).
    pub fn extend(&self, other: Output) -> Result<(), OutputError> {
        other.files.into_par_iter().try_for_each(|(k, v)| self.add(k, v))
    }

    /// Move every file under the folder `from` to the folder `to` (both relative; `to` must not
    /// hold files yet).
    pub fn rename_dir(&self, from: &str, to: &str) -> Result<(), OutputError> {
        check_relative(from)?;
        check_relative(to)?;
        let prefix = format!("{from}/");
        let moved = |k: &String| format!("{to}/{}", &k[prefix.len()..]);
        {
            let mut paths = self.paths.lock().expect("no panic while holding");
            let old: Vec<String> = paths.iter().filter(|k| k.starts_with(&prefix)).cloned().collect();
            for k in old {
                paths.remove(&k);
                if !paths.insert(moved(&k)) {
                    return Err(OutputError::Duplicate(moved(&k)));
                }
            }
        }
        match &self.disk {
            None => {
                let mut files = self.files.lock().expect("no panic while holding");
                let old: Vec<String> = files.keys().filter(|k| k.starts_with(&prefix)).cloned().collect();
                for k in old {
                    let bytes = files.remove(&k).expect("listed");
                    files.insert(moved(&k), bytes);
                }
            }
            Some(root) => {
                let (src, dst) = (root.join(from), root.join(to));
                if let Some(parent) = dst.parent() {
                    make_dir(parent).map_err(io(parent))?;
                }
                std::fs::rename(&src, &dst).map_err(io(&dst))?;
                self.dirs
                    .lock()
                    .expect("no panic while holding")
                    .retain(|d| d != from && !d.starts_with(&prefix));
            }
        }
        Ok(())
    }

    /// Remove every file under the folder `dir` (relative), written by this sink: the search index
    /// drops a staged attempt that came out with more files than its cap.
    pub fn remove_dir(&self, dir: &str) -> Result<(), OutputError> {
        check_relative(dir)?;
        let prefix = format!("{dir}/");
        self.paths
            .lock()
            .expect("no panic while holding")
            .retain(|k| !k.starts_with(&prefix));
        match &self.disk {
            None => self
                .files
                .lock()
                .expect("no panic while holding")
                .retain(|k, _| !k.starts_with(&prefix)),
            Some(root) => {
                let path = root.join(dir);
                if path.exists() {
                    std::fs::remove_dir_all(&path).map_err(io(&path))?;
                }
                self.dirs
                    .lock()
                    .expect("no panic while holding")
                    .retain(|d| d != dir && !d.starts_with(&prefix));
            }
        }
        Ok(())
    }

    /// Every path written so far, sorted.
    pub fn paths(&self) -> Vec<String> {
        self.paths
            .lock()
            .expect("no panic while holding")
            .iter()
            .cloned()
            .collect()
    }

    pub fn len(&self) -> usize {
        self.paths.lock().expect("no panic while holding").len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn total_bytes(&self) -> u64 {
        self.bytes.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The files kept in memory (empty for a disk sink).
    pub fn into_output(self) -> Output {
        Output {
            files: self.files.into_inner().expect("no panic while holding"),
        }
    }
}

/// A text file's bytes (by extension: pages, feeds, data, robots) with every control character
/// that must not be published replaced by U+FFFD — a last guard behind the records' own
/// clean-up ([`crate::text::replace_controls`]) for values that reach a page by another road,
/// such as a YAML escape (`"\u0001"`) in the front-matter. Binary files pass untouched.
fn scrub_controls(rel: &str, bytes: Vec<u8>) -> Vec<u8> {
    let text_file = [".html", ".xml", ".json", ".csv", ".txt", ".webmanifest", ".js", ".css"]
        .iter()
        .any(|x| rel.ends_with(x));
    if !text_file || !has_controls(&bytes) {
        return bytes;
    }
    match String::from_utf8(bytes) {
        Ok(s) => crate::text::replace_controls(s).into_bytes(),
        Err(e) => e.into_bytes(),
    }
}

/// Whether `b` holds a control character that must not be published (C0 but tab and line
/// breaks, DEL, C1 as UTF-8 `C2 80`–`C2 9F`). Every text file of a build passes through here, so
/// the bytes are first looked at 64 at a time by a test the compiler vectorizes; only a block
/// with a suspect byte is looked at closely.
fn has_controls(b: &[u8]) -> bool {
    const BLOCK: usize = 64;
    let suspect = |c: u8| ((c < 0x20) & (c != b'\t') & (c != b'\n') & (c != b'\r')) | (c == 0x7f) | (c == 0xc2);
    b.chunks(BLOCK).enumerate().any(|(k, block)| {
        block.iter().fold(false, |acc, &c| acc | suspect(c))
            && (k * BLOCK..k * BLOCK + block.len()).any(|i| {
                let c = b[i];
                (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r'))
                    || c == 0x7f
                    || (c == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
            })
    })
}

/// The parent folder of `dir` and the name its temporary siblings are made from.
fn parent_and_name(dir: &Path) -> (&Path, String) {
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".into());
    (parent, name)
}

/// The file inside a temporary output folder that says minutebook made it (and which process):
/// only folders holding it, or the old output's [`MARKER`], are ever swept as stale.
const TMP_MARK: &str = ".minutebook-tmp";

/// The folders this process has made beside an output and not yet put in place or removed: what
/// an interrupt (Ctrl-C, SIGTERM, SIGHUP, closing the console) must remove before the process
/// ends. [`swap`] holds the lock for its two renames, so an interrupt waits for them.
static IN_FLIGHT: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn in_flight() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    IN_FLIGHT.lock().unwrap_or_else(|p| p.into_inner())
}

/// Set (under the write lock) when the process is being interrupted: no folder is made inside a
/// temporary output after that, so the interrupt's clean-up cannot be undone by a worker thread
/// still writing pages.
static STOPPING: std::sync::RwLock<bool> = std::sync::RwLock::new(false);

/// `create_dir_all` for folders of a build's output, refused once the process is interrupted.
fn make_dir(d: &Path) -> std::io::Result<()> {
    let stopping = STOPPING.read().unwrap_or_else(|p| p.into_inner());
    if *stopping {
        return Err(std::io::Error::new(
            std::io::ErrorKind::Interrupted,
            "the build was interrupted",
        ));
    }
    std::fs::create_dir_all(d)
}

/// Return at once, unless an interrupt's clean-up has begun: then never (the interrupt ends the
/// process with its own exit code). A command calls this before it reports, so that a build
/// whose files vanished under it does not print errors and exit with 1 instead.
pub fn wait_if_interrupted() {
    drop(STOPPING.read().unwrap_or_else(|p| p.into_inner()));
}

fn forget(path: &Path) {
    in_flight().retain(|p| p != path);
}

/// Remove the temporary folders of builds this process has under way. Called from the interrupt
/// handler, just before the process exits; waits for a swap in progress to finish first.
pub fn clean_up_after_interrupt() {
    // Waits for folders being made to be made; none is made after.
    let mut stopping = STOPPING.write().unwrap_or_else(|p| p.into_inner());
    *stopping = true;
    let mut live = in_flight();
    for p in live.drain(..) {
        // Threads may still be writing files into its folders (never a new folder): removing
        // is retried until the folder is gone.
        for _ in 0..100 {
            if std::fs::remove_dir_all(&p).is_ok() || !p.exists() {
                break;
            }
        }
    }
    // Keep both locks: the process is about to exit, and no swap or folder may start after this.
    std::mem::forget(live);
    std::mem::forget(stopping);
}

/// Whether the process `pid` is still running (another build of the same site, say). Where the
/// platform cannot tell cheaply, a folder counts as stale once it is an hour old.
fn process_alive(pid: u32, made: Option<std::time::SystemTime>) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        let _ = made;
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: kill with signal 0 sends nothing; it only asks whether the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        made.and_then(|t| t.elapsed().ok())
            .is_none_or(|age| age < std::time::Duration::from_secs(3600))
    }
}

/// What a sweep of stale temporary folders did, for the build's report.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    /// Stale temporary folders of interrupted builds that were removed.
    pub removed: Vec<PathBuf>,
    /// An old output put back in place: a build was killed between its two renames, leaving
    /// no output folder at all.
    pub restored: Option<PathBuf>,
}

/// Remove what interrupted builds left beside `dir` — `.<name>.tmp-PID` folders holding
/// [`TMP_MARK`] and `.<name>.old-PID` folders holding [`MARKER`], of processes no longer running —
/// and, when `dir` itself is missing because a build was killed between the two renames of
/// [`swap`], put the old output back first. Folders without our marks are never touched.
pub fn sweep_stale(dir: &Path) -> Swept {
    let (parent, name) = parent_and_name(dir);
    let mut swept = Swept::default();
    let Ok(entries) = std::fs::read_dir(parent) else {
        return swept;
    };
    let mut found: Vec<(PathBuf, bool, u32)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let file = e.file_name().to_string_lossy().to_string();
            let rest = file.strip_prefix(&format!(".{name}."))?;
            let (old, pid) = match rest.split_once('-')? {
                ("tmp", pid) => (false, pid),
                ("old", pid) => (true, pid),
                _ => return None,
            };
            Some((e.path(), old, pid.parse().ok()?))
        })
        .collect();
    found.sort();
    for (path, old, pid) in found {
        let mark = path.join(if old { MARKER } else { TMP_MARK });
        let Ok(meta) = std::fs::metadata(&mark) else {
            continue;
        };
        if process_alive(pid, meta.modified().ok()) {
            continue;
        }
        if old && !dir.exists() && swept.restored.is_none() && std::fs::rename(&path, dir).is_ok() {
            swept.restored = Some(path);
            continue;
        }
        remove_tree(&path);
        swept.removed.push(path);
    }
    swept
}

/// A fresh temporary folder beside `dir` for a build to write into, after checking that `dir`
/// may be replaced. What interrupted builds left there is swept first ([`sweep_stale`]); the new
/// folder is marked as ours and removed if the process is interrupted.
pub fn prepare(dir: &Path, site_root: &Path) -> Result<PathBuf, OutputError> {
    let (parent, name) = parent_and_name(dir);
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    sweep_stale(dir);
    guard_output_dir(dir, site_root)?;
    let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    in_flight().push(tmp.clone());
    make_dir(&tmp).map_err(io(&tmp))?;
    let mark = tmp.join(TMP_MARK);
    std::fs::write(&mark, format!("{}\n", std::process::id())).map_err(io(&mark))?;
    Ok(tmp)
}

/// Remove a temporary folder made by [`prepare`] after a failed build.
pub fn discard(tmp: &Path) {
    let _ = std::fs::remove_dir_all(tmp);
    forget(tmp);
}

/// The first line of the marker file; the lines after it list every file the build wrote (the
/// manifest), relative to the output folder with `/` separators, sorted.
const MARKER_HEAD: &str =
    "This folder is written by minutebook build. Files not listed below are yours: they are kept.";

/// Every file under `root`, relative, with `/` separators, sorted (the marker excluded).
fn files_under(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(root)
        .min_depth(1)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .filter_map(|e| {
            e.path()
                .strip_prefix(root)
                .ok()
                .map(|r| r.to_string_lossy().replace('\\', "/"))
        })
        .filter(|r| r != MARKER && r != TMP_MARK)
        .collect();
    out.sort();
    out
}

/// What the previous build wrote, from its marker: `None` for a marker without a manifest (an
/// older minutebook), whose whole folder counts as its own.
fn manifest(dir: &Path) -> Option<BTreeSet<String>> {
    let text = std::fs::read_to_string(dir.join(MARKER)).ok()?;
    let mut lines = text.lines();
    (lines.next()? == MARKER_HEAD).then(|| lines.map(str::to_string).collect())
}

/// The entries of the old output that minutebook did not write — a user's `CNAME`, `assets/`, a
/// deploy repository's `.git/` — as paths relative to `dir`: a file not in the manifest, or a
/// folder holding no file of it (taken whole).
fn user_entries(dir: &Path, ours: &BTreeSet<String>) -> Vec<String> {
    fn walk(dir: &Path, rel: &str, ours: &BTreeSet<String>, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir.join(rel)) else {
            return;
        };
        let mut names: Vec<(String, bool)> = entries
            .filter_map(Result::ok)
            .map(|e| {
                (
                    e.file_name().to_string_lossy().to_string(),
                    e.file_type().is_ok_and(|t| t.is_dir()),
                )
            })
            .collect();
        names.sort();
        for (name, is_dir) in names {
            let path = if rel.is_empty() { name } else { format!("{rel}/{name}") };
            if path == MARKER {
                continue;
            }
            if is_dir {
                let prefix = format!("{path}/");
                if ours
                    .range(prefix.clone()..)
                    .next()
                    .is_some_and(|p| p.starts_with(&prefix))
                {
                    walk(dir, &path, ours, out);
                } else {
                    out.push(path);
                }
            } else if !ours.contains(&path) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", ours, &mut out);
    out
}

/// Put the finished temporary folder in place of `dir`; the old output is removed only after.
/// Files a user added to the output folder since the last build (anything not in the last
/// build's manifest) are moved into the new output first, so they survive; one that the new
/// build also writes stops the build before anything is changed.
pub fn swap(tmp: &Path, dir: &Path) -> Result<(), OutputError> {
    let marker = tmp.join(MARKER);
    let mut text = String::from(MARKER_HEAD);
    for f in files_under(tmp) {
        text.push('\n');
        text.push_str(&f);
    }
    text.push('\n');
    std::fs::write(&marker, text).map_err(io(&marker))?;
    let kept: Vec<String> = match manifest(dir) {
        Some(ours) if dir.is_dir() => user_entries(dir, &ours),
        _ => Vec::new(),
    };
    if let Some(clash) = kept.iter().find(|k| tmp.join(k).exists()) {
        return Err(OutputError::UserFileInTheWay(dir.join(clash)));
    }
    let mut moved: Vec<&String> = Vec::new();
    for k in &kept {
        let to = tmp.join(k);
        let res = to
            .parent()
            .map_or(Ok(()), make_dir)
            .and_then(|_| std::fs::rename(dir.join(k), &to));
        if let Err(e) = res {
            for m in moved.iter().rev() {
                let _ = std::fs::rename(tmp.join(m), dir.join(m));
            }
            return Err(OutputError::Io {
                path: dir.join(k),
                source: e,
            });
        }
        moved.push(k);
    }
    let (parent, name) = parent_and_name(dir);
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    let give_back = |from: &Path| {
        for m in moved.iter().rev() {
            let _ = std::fs::rename(tmp.join(m), from.join(m));
        }
    };
    let _ = std::fs::remove_file(tmp.join(TMP_MARK));
    // The two renames, back to back, with the interrupt handler held off: a signal waits for
    // them, so only a kill that cannot be caught (SIGKILL, power loss) can fall between them,
    // and the next build's [`sweep_stale`] puts the old output back.
    let mut live = in_flight();
    if dir.exists() {
        if let Err(e) = std::fs::rename(dir, &old) {
            give_back(dir);
            return Err(OutputError::Io {
                path: dir.to_path_buf(),
                source: e,
            });
        }
    }
    if let Err(e) = std::fs::rename(tmp, dir) {
        let _ = std::fs::rename(&old, dir);
        give_back(dir);
        return Err(OutputError::Io {
            path: dir.to_path_buf(),
            source: e,
        });
    }
    live.retain(|p| p != tmp);
    live.push(old.clone());
    drop(live);
    remove_tree(&old);
    forget(&old);
    Ok(())
}

/// Remove a folder and everything in it, its entries in parallel at every level (an old output
/// holds tens of thousands of files). Symbolic links are removed, never followed.
fn remove_tree(dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        let entries: Vec<(PathBuf, bool)> = entries
            .filter_map(Result::ok)
            .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
            .collect();
        entries.par_iter().with_min_len(64).for_each(|(p, is_dir)| {
            if *is_dir {
                remove_tree(p);
            } else {
                let _ = std::fs::remove_file(p);
            }
        });
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_found_wherever_they_fall_in_the_blocks() {
        let slow = |b: &[u8]| {
            b.iter().enumerate().any(|(i, &c)| {
                (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r'))
                    || c == 0x7f
                    || (c == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
            })
        };
        let clean = "會議紀錄\t第一案\r\n決議：照案通過。· ©\n".repeat(9).into_bytes();
        assert!(!has_controls(&clean) && !slow(&clean));
        for at in [0, 1, 62, 63, 64, 65, 127, 128, clean.len() - 1] {
            for bad in [&[0x01u8][..], &[0x7f], &[0x1b], &[0xc2, 0x85], &[0xc2, 0x9f]] {
                let mut b = clean[..at].to_vec();
                b.extend_from_slice(bad);
                b.extend_from_slice(&clean[at..]);
                assert_eq!(has_controls(&b), slow(&b), "{bad:x?} at {at}");
                assert!(has_controls(&b), "{bad:x?} at {at}");
            }
            // `C2 A0` (a no-break space) is no control, also across a block's end.
            let mut b = clean[..at].to_vec();
            b.extend_from_slice(&[0xc2, 0xa0]);
            b.extend_from_slice(&clean[at..]);
            assert!(!has_controls(&b), "C2 A0 at {at}");
        }
    }

    /// A folder renamed in a sink moves its files (on disk and in memory) and nothing else, and a
    /// file written afterwards under the old name goes to a fresh folder.
    /// An output folder that is a symlink is refused before anything is touched: replacing it
    /// would empty the link's target and leave a real folder in the link's place.
    #[cfg(unix)]
    #[test]
    fn a_symlinked_output_folder_is_refused_and_its_target_kept() {
        let t = tempfile::tempdir().unwrap();
        let target = t.path().join("srv");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join(MARKER), "").unwrap();
        std::fs::write(target.join("CNAME"), "example.org").unwrap();
        let link = t.path().join("public");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let site = t.path().join("site");
        std::fs::create_dir(&site).unwrap();
        let err = guard_output_dir(&link, &site).unwrap_err();
        assert!(matches!(err, OutputError::Symlink(..)), "{err}");
        assert!(err.to_string().contains("is a symbolic link"), "{err}");
        assert_eq!(std::fs::read_to_string(target.join("CNAME")).unwrap(), "example.org");
    }

    /// What interrupted builds left beside the output is swept at the next build: our temporary
    /// folders of processes that are gone, and an old output whose build was killed between the
    /// two renames is put back. Folders without our marks, and a live build's, are kept.
    #[cfg(unix)]
    #[test]
    fn stale_temporary_folders_are_swept_and_a_lost_output_restored() {
        let t = tempfile::tempdir().unwrap();
        let dir = t.path().join("public");
        let gone = 2_000_000_000u32; // above any pid_max: no such process
        let tmp = t.path().join(format!(".public.tmp-{gone}"));
        std::fs::create_dir_all(tmp.join("records")).unwrap();
        std::fs::write(tmp.join(TMP_MARK), "").unwrap();
        std::fs::write(tmp.join("records/a.html"), "a").unwrap();
        let old = t.path().join(format!(".public.old-{gone}"));
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(old.join(MARKER), MARKER_HEAD).unwrap();
        std::fs::write(old.join("CNAME"), "example.org").unwrap();
        // Not ours: no mark inside.
        let foreign = t.path().join(format!(".public.tmp-{}", gone - 1));
        std::fs::create_dir_all(&foreign).unwrap();
        // A live build's (this process).
        let live = t.path().join(format!(".public.tmp-{}", std::process::id()));
        std::fs::create_dir_all(&live).unwrap();
        std::fs::write(live.join(TMP_MARK), "").unwrap();

        let swept = sweep_stale(&dir);
        assert_eq!(swept.restored, Some(old.clone()));
        assert_eq!(swept.removed, vec![tmp.clone()]);
        assert_eq!(std::fs::read_to_string(dir.join("CNAME")).unwrap(), "example.org");
        assert!(!tmp.exists() && !old.exists());
        assert!(foreign.exists() && live.exists());

        // With the output in place, a second stale old output is removed, not restored.
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(old.join(MARKER), MARKER_HEAD).unwrap();
        let swept = sweep_stale(&dir);
        assert_eq!((swept.restored, swept.removed), (None, vec![old.clone()]));
        assert!(dir.join("CNAME").exists());
    }

    /// A build's temporary folder is known to the interrupt handler from `prepare` until `swap`
    /// has put it in place; the handler removes what is still in flight.
    #[test]
    fn an_interrupt_removes_the_folder_in_flight() {
        let t = tempfile::tempdir().unwrap();
        let site = t.path().join("site");
        std::fs::create_dir(&site).unwrap();
        let dir = t.path().join("out-interrupt");
        let tmp = prepare(&dir, &site).unwrap();
        assert!(tmp.join(TMP_MARK).exists());
        assert!(in_flight().contains(&tmp));
        std::fs::write(tmp.join("index.html"), "x").unwrap();
        swap(&tmp, &dir).unwrap();
        assert!(!in_flight().contains(&tmp), "a finished build is not in flight");
        assert!(!dir.join(TMP_MARK).exists(), "the mark does not reach the output");
        let tmp = prepare(&dir, &site).unwrap();
        let mut live = in_flight();
        let paths: Vec<PathBuf> = live.drain(..).filter(|p| p == &tmp).collect();
        drop(live);
        for p in paths {
            let _ = std::fs::remove_dir_all(&p);
        }
        assert!(!tmp.exists());
        assert!(dir.join("index.html").exists());
    }

    /// A full disk is one error naming the first file, not one per file: later writes are not
    /// attempted, and their errors are dropped from the build's report. (/dev/full answers every
    /// write with ENOSPC.)
    #[cfg(target_os = "linux")]
    #[test]
    fn a_full_disk_is_reported_once() {
        let t = tempfile::tempdir().unwrap();
        for name in ["a.html", "b.html"] {
            std::os::unix::fs::symlink("/dev/full", t.path().join(name)).unwrap();
        }
        let sink = Sink::disk(t.path().to_path_buf());
        let first = sink.add("a.html", "x").unwrap_err();
        assert!(
            matches!(first, OutputError::DiskFull(ref p) if p.ends_with("a.html")),
            "{first}"
        );
        assert!(first.to_string().starts_with("the disk is full (writing `"), "{first}");
        let second = sink.add("b.html", "x").unwrap_err();
        assert!(matches!(second, OutputError::DiskFullAgain), "{second}");
        let third = sink.add("c.html", "x").unwrap_err();
        assert!(matches!(third, OutputError::DiskFullAgain), "{third}");
        assert!(
            !t.path().join("c.html").exists(),
            "no write is tried once the disk is full"
        );
        let diags: Vec<_> = [first, second, third]
            .iter()
            .map(|e| crate::diagnostics::Diagnostic::error("x", 0, 0, e.msg()))
            .collect();
        assert_eq!(without_repeats(diags).len(), 1);
    }

    /// Text files lose their control characters at the sink; binary files keep every byte.
    #[test]
    fn control_characters_never_reach_a_text_file() {
        let sink = Sink::memory();
        sink.add("a.html", "甲\u{1}乙\u{85}丙\t丁\n").unwrap();
        sink.add("search/x.bin", vec![0u8, 1, 0xc2, 0x85]).unwrap();
        let out = sink.into_output();
        assert_eq!(out.get("a.html"), Some("甲\u{FFFD}乙\u{FFFD}丙\t丁\n".as_bytes()));
        assert_eq!(out.get("search/x.bin"), Some(&[0u8, 1, 0xc2, 0x85][..]));
    }

    #[test]
    fn sink_rename_dir() {
        let tmp = std::env::temp_dir().join(format!("minutebook-rename-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp).unwrap();
        for sink in [Sink::memory(), Sink::disk(tmp.clone())] {
            sink.add("search/new/a.bin", "a").unwrap();
            sink.add("search/new/sub/b.bin", "b").unwrap();
            sink.add("search/newer/c.bin", "c").unwrap();
            sink.rename_dir("search/new", "search/0123").unwrap();
            sink.add("search/new/d.bin", "d").unwrap();
            assert_eq!(
                sink.paths(),
                [
                    "search/0123/a.bin",
                    "search/0123/sub/b.bin",
                    "search/new/d.bin",
                    "search/newer/c.bin"
                ]
            );
            assert!(sink.rename_dir("../x", "y").is_err());
            if sink.disk.is_some() {
                assert_eq!(std::fs::read(tmp.join("search/0123/sub/b.bin")).unwrap(), b"b");
                assert!(!tmp.join("search/new/a.bin").exists());
                assert_eq!(std::fs::read(tmp.join("search/new/d.bin")).unwrap(), b"d");
            } else {
                let out = sink.into_output();
                assert_eq!(out.get("search/0123/a.bin"), Some(&b"a"[..]));
                assert_eq!(out.get("search/new/a.bin"), None);
            }
        }
        std::fs::remove_dir_all(&tmp).unwrap();
    }

    #[test]
    fn rejects_escaping_paths() {
        let mut o = Output::new();
        assert!(o.add("../x.html", "x").is_err());
        assert!(o.add("/etc/passwd", "x").is_err());
        assert!(o.add("a/../../b", "x").is_err());
        assert!(o.add("a/b/index.html", "x").is_ok());
        assert!(matches!(o.add("a/b/index.html", "y"), Err(OutputError::Duplicate(_))));
    }

    #[test]
    fn swaps_and_keeps_foreign_folders() {
        let t = tempfile::tempdir().unwrap();
        let site = t.path().join("site");
        std::fs::create_dir_all(site.join("content")).unwrap();
        let out = t.path().join("site/public");
        let mut o = Output::new();
        o.add("index.html", "one").unwrap();
        o.write_to(&out, &site).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "one");
        let mut o2 = Output::new();
        o2.add("other.html", "two").unwrap();
        o2.write_to(&out, &site).unwrap();
        assert!(!out.join("index.html").exists());
        // A folder with someone's files is never replaced.
        let foreign = t.path().join("docs");
        std::fs::create_dir_all(&foreign).unwrap();
        std::fs::write(foreign.join("mine.txt"), "keep").unwrap();
        assert!(matches!(o2.write_to(&foreign, &site), Err(OutputError::Foreign(_))));
        assert_eq!(std::fs::read_to_string(foreign.join("mine.txt")).unwrap(), "keep");
        assert!(matches!(
            o2.write_to(&site.join("content"), &site),
            Err(OutputError::Overlaps(_))
        ));
        assert!(matches!(o2.write_to(&site, &site), Err(OutputError::Overlaps(_))));
    }

    /// Files a user adds to the output after a build — CNAME, an assets folder, a deploy
    /// repository's .git, a file inside one of our folders — survive the next build; a file the
    /// new build also writes stops it with the old output and the user's file untouched.
    #[test]
    fn files_a_user_added_are_kept() {
        let t = tempfile::tempdir().unwrap();
        let site = t.path().join("site");
        std::fs::create_dir_all(site.join("content")).unwrap();
        let out = site.join("public");
        let mut o = Output::new();
        o.add("index.html", "one").unwrap();
        o.add("units/a/index.html", "a").unwrap();
        o.write_to(&out, &site).unwrap();
        std::fs::write(out.join("CNAME"), "minutes.example.gov.tw").unwrap();
        std::fs::create_dir_all(out.join("assets/img")).unwrap();
        std::fs::write(out.join("assets/img/logo.png"), "png").unwrap();
        std::fs::create_dir_all(out.join(".git/objects")).unwrap();
        std::fs::write(out.join(".git/HEAD"), "ref: refs/heads/gh-pages").unwrap();
        std::fs::write(out.join("units/notes.txt"), "mine").unwrap();
        let mut o2 = Output::new();
        o2.add("index.html", "two").unwrap();
        o2.add("units/b/index.html", "b").unwrap();
        o2.write_to(&out, &site).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "two");
        assert!(
            !out.join("units/a").exists(),
            "what minutebook wrote before is replaced"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("CNAME")).unwrap(),
            "minutes.example.gov.tw"
        );
        assert_eq!(std::fs::read_to_string(out.join("assets/img/logo.png")).unwrap(), "png");
        assert_eq!(
            std::fs::read_to_string(out.join(".git/HEAD")).unwrap(),
            "ref: refs/heads/gh-pages"
        );
        assert!(out.join(".git/objects").is_dir());
        assert_eq!(std::fs::read_to_string(out.join("units/notes.txt")).unwrap(), "mine");
        // The marker lists what minutebook wrote, and only that.
        let marker = std::fs::read_to_string(out.join(MARKER)).unwrap();
        assert_eq!(marker, format!("{MARKER_HEAD}\nindex.html\nunits/b/index.html\n"));
        // Kept again by a third build.
        o2.write_to(&out, &site).unwrap();
        assert!(out.join("CNAME").is_file() && out.join(".git/HEAD").is_file());
        // A build that would write over a user's file stops, changing nothing.
        let mut o3 = Output::new();
        o3.add("CNAME", "ours").unwrap();
        let err = o3.write_to(&out, &site).unwrap_err();
        assert!(
            matches!(&err, OutputError::UserFileInTheWay(p) if p.ends_with("CNAME")),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("CNAME")).unwrap(),
            "minutes.example.gov.tw"
        );
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "two");
    }
}
