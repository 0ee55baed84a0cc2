//! The build cache: what `minutebook build` computed about each page, kept in
//! `.minutebook-cache/build.json` under the site, so that the next build renders only the pages
//! whose inputs changed and takes every other page from the previous output.
//!
//! A page's inputs are its job's input hash ([`crate::pages::Job::input_hash`]: its template's
//! name and its whole context — the record, its listings' summaries, the site's configuration, the
//! strings — the same hash `serve` re-renders by), plus a key for what every page depends on beyond
//! its job: the theme's templates and static files, `minutebook.yaml`, the build options and the
//! minutebook program itself. A page whose hash and key are those of the last build, and whose file
//! in the previous output still has the size and modification time that build left it with, is
//! hard-linked (or copied, where the file system has no hard links) from the previous output into
//! the new temporary folder; so the output is still swapped in whole, and is byte for byte what a
//! clean build writes. The site-wide files (search index, feeds, open data, sitemap) are made again
//! on every build.
//!
//! A cache that cannot be read, or that another version of the format or of minutebook wrote, is
//! ignored with a warning and replaced at the end of the build; `build --no-cache` neither reads
//! nor writes it. The cache describes one output folder: a build into another folder renders
//! every page (and the cache then describes that folder).

pub mod records;

use std::collections::{BTreeMap, HashMap};
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::build::BuildOptions;
use crate::config::CONFIG_FILE;
use crate::diagnostics::Diagnostic;
use crate::messages::Msg;
use crate::output::Sink;
use crate::render::Renderer;

/// The cache folder, under the site root (`minutebook init` git-ignores `/.minutebook-*`).
pub const CACHE_DIR: &str = ".minutebook-cache";
/// The file in [`CACHE_DIR`] that describes the last build's pages.
pub const CACHE_FILE: &str = "build.json";
/// The version of [`Stored`]'s layout.
const FORMAT: u32 = 1;

/// `.minutebook-cache/build.json`: the pages of the last build and what they were made from.
#[derive(Serialize, Deserialize)]
struct Stored {
    format: u32,
    /// The minutebook that wrote it: its version, and its executable's size and modification time
    /// (a rebuilt binary may render differently under the same version number).
    program: String,
    /// Hash of what every page depends on beyond its job ([`global_key`]), in hex.
    key: String,
    /// The output folder (absolute) the pages are in.
    output: PathBuf,
    /// By output path.
    pages: BTreeMap<String, Entry>,
}

/// One page of the last build.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
struct Entry {
    /// The job's input hash.
    hash: u64,
    /// The file's size and modification time (nanoseconds since 1970) as that build left it.
    size: u64,
    mtime: u64,
}

/// The cache of one build: the last build's pages (when they can be trusted) and this build's.
pub struct PageCache {
    file: PathBuf,
    program: String,
    key: String,
    /// The previous output folder and its pages, when the cache holds pages for it.
    old: Option<(PathBuf, HashMap<String, Entry>)>,
    /// This build's pages: output path and input hash.
    new: Mutex<Vec<(String, u64)>>,
    reused: AtomicUsize,
}

impl PageCache {
    /// The cache of a build of `opts` with `renderer`'s theme, into the output folder `output`.
    /// Returns a warning when a stored cache is not trusted.
    pub fn open(opts: &BuildOptions, renderer: &Renderer, output: &Path) -> (PageCache, Option<Diagnostic>) {
        let file = opts.root.join(CACHE_DIR).join(CACHE_FILE);
        let mut cache = PageCache {
            program: program(),
            key: global_key(opts, renderer),
            old: None,
            new: Mutex::new(Vec::new()),
            reused: AtomicUsize::new(0),
            file,
        };
        let ignored = |why: Msg| Diagnostic::warning(&cache.file, 0, 0, why).with_help(Msg::HelpCacheIgnored);
        let text = match std::fs::read(&cache.file) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (cache, None),
            Err(e) => {
                let w = ignored(Msg::CacheUnreadable { error: e.to_string() });
                return (cache, Some(w));
            }
        };
        let stored: Stored = match serde_json::from_slice(&text) {
            Ok(s) => s,
            Err(e) => {
                let w = ignored(Msg::CacheUnparsable { error: e.to_string() });
                return (cache, Some(w));
            }
        };
        if stored.format != FORMAT || stored.program != cache.program {
            let w = ignored(Msg::CacheOtherVersion {
                program: stored.program.clone(),
                format: stored.format,
                this: cache.program.clone(),
                this_format: FORMAT,
            });
            return (cache, Some(w));
        }
        if stored.key == cache.key && stored.output == output {
            cache.old = Some((stored.output, stored.pages.into_iter().collect()));
        }
        (cache, None)
    }

    /// Whether the page at `path` with input hash `hash` can be taken from the previous output:
    /// the last build made it from the same inputs, and its file there is as that build left it.
    pub fn keep(&self, path: &str, hash: Option<u64>) -> bool {
        let (Some((dir, pages)), Some(hash)) = (&self.old, hash) else {
            return false;
        };
        pages
            .get(path)
            .is_some_and(|e| e.hash == hash && stamp(&dir.join(path)) == Some((e.size, e.mtime)))
    }

    /// Take the page at `path` from the previous output into `sink` (after [`PageCache::keep`]).
    pub fn reuse(&self, path: &str, hash: u64, sink: &Sink) -> Result<(), Diagnostic> {
        let (dir, _) = self.old.as_ref().expect("keep said the previous output has it");
        sink.add_from(path, &dir.join(path))
            .map_err(|e| Diagnostic::error(PathBuf::from(path), 0, 0, e))?;
        self.reused.fetch_add(1, Ordering::Relaxed);
        self.rendered(path, Some(hash));
        Ok(())
    }

    /// Note that this build wrote the page at `path` from inputs hashed `hash` (a page without a
    /// hash is not cached: it is rendered every time).
    pub fn rendered(&self, path: &str, hash: Option<u64>) {
        if let Some(h) = hash {
            self.new
                .lock()
                .expect("no panic while holding")
                .push((path.to_string(), h));
        }
    }

    /// How many pages were taken from the previous output.
    pub fn reused(&self) -> usize {
        self.reused.load(Ordering::Relaxed)
    }

    /// Write the cache for this build's pages, now in `output` (after the swap). The file is
    /// written beside its place and renamed over it, so an interrupted build never leaves half a
    /// cache.
    pub fn save(self, output: &Path) -> Result<(), Diagnostic> {
        let new = self.new.into_inner().expect("no panic while holding");
        let pages: BTreeMap<String, Entry> = new
            .into_par_iter()
            .filter_map(|(path, hash)| {
                let (size, mtime) = stamp(&output.join(&path))?;
                Some((path, Entry { hash, size, mtime }))
            })
            .collect();
        let stored = Stored {
            format: FORMAT,
            program: self.program,
            key: self.key,
            output: output.to_path_buf(),
            pages,
        };
        let err = |e: String| {
            Diagnostic::warning(&self.file, 0, 0, Msg::BuildCacheNotWritten { error: e })
                .with_help(Msg::HelpCacheNotWritten)
        };
        let dir = self.file.parent().expect("the cache file is in the cache folder");
        std::fs::create_dir_all(dir).map_err(|e| err(e.to_string()))?;
        let tmp = dir.join(format!(".{CACHE_FILE}.tmp-{}", std::process::id()));
        let bytes = serde_json::to_vec(&stored).map_err(|e| err(e.to_string()))?;
        std::fs::write(&tmp, bytes)
            .and_then(|_| std::fs::rename(&tmp, &self.file))
            .map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                err(e.to_string())
            })
    }
}

/// A file's size and modification time in nanoseconds, when it is a file.
fn stamp(path: &Path) -> Option<(u64, u64)> {
    let m = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
    let mtime = m.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some((m.len(), mtime.as_nanos() as u64))
}

/// This minutebook: its version and its executable's size and modification time.
pub(crate) fn program() -> String {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| stamp(&p))
        .map_or_else(|| "unknown".to_string(), |(size, mtime)| format!("{size}-{mtime}"));
    format!("minutebook {} ({exe})", env!("CARGO_PKG_VERSION"))
}

/// What every page depends on beyond its job: the theme's templates and static files,
/// `minutebook.yaml` and the build options, hashed.
fn global_key(opts: &BuildOptions, renderer: &Renderer) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut put = |bytes: &[u8]| {
        h.write_usize(bytes.len());
        h.write(bytes);
    };
    let theme = renderer.theme();
    for (name, (_, src)) in &theme.templates {
        put(name.as_bytes());
        put(src.as_bytes());
    }
    put(b"\0statics");
    for (name, bytes) in &theme.statics {
        put(name.as_bytes());
        put(bytes);
    }
    put(&std::fs::read(opts.root.join(CONFIG_FILE)).unwrap_or_default());
    let options = format!(
        "drafts={} future={} base_url={:?} today={}",
        opts.drafts, opts.future, opts.base_url, opts.today
    );
    put(options.as_bytes());
    format!("{:016x}", h.finish())
}
