//! Watching the site for changes: `content/`, `themes/`, the site's `templates/` and `static/`, and
//! `minutebook.yaml`. Events are collected until the files have been quiet for a moment (editors
//! save in several steps), then classified into what has to be redone.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::ModifyKind;
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::config::CONFIG_FILE;
use crate::content::CONTENT_DIR;

/// Quiet time that ends a batch of events.
pub const DEBOUNCE: Duration = Duration::from_millis(80);
/// A batch never waits longer than this.
const MAX_BATCH: Duration = Duration::from_millis(1000);

/// What a batch of file events asks the preview to redo.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// `minutebook.yaml` changed: everything is reloaded.
    pub config: bool,
    /// A template or static file changed: the theme is reloaded.
    pub theme: bool,
    /// Record files (relative to the site root) created, changed or removed.
    pub records: BTreeSet<PathBuf>,
    /// A folder under content/ appeared: rescan.
    pub rescan: bool,
    /// Other paths under content/ that are gone (a folder moved away, or an editor's temporary
    /// file); the preview rescans if records were loaded from under one of them.
    pub gone: BTreeSet<PathBuf>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        !self.config && !self.theme && self.records.is_empty() && !self.rescan && self.gone.is_empty()
    }

    /// Sort one changed path (absolute, under `root`) into the batch. `structural` says whether
    /// the event created, removed or renamed it (a folder's metadata changing is not).
    pub fn add(&mut self, root: &Path, path: &Path, structural: bool) {
        let Ok(rel) = path.strip_prefix(root) else {
            return;
        };
        let mut comps = rel.components();
        let Some(first) = comps.next() else {
            return;
        };
        let first = first.as_os_str().to_string_lossy();
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        match first.as_ref() {
            CONFIG_FILE if comps.next().is_none() => self.config = true,
            "templates" | "static" | "themes" => self.theme = true,
            CONTENT_DIR => {
                let hidden = name.starts_with('.') || name.ends_with('~');
                if rel.extension().is_some_and(|e| e == "md") {
                    if !hidden {
                        self.records.insert(rel.to_path_buf());
                    }
                } else if path.is_dir() {
                    self.rescan |= structural;
                } else if !hidden && !path.exists() {
                    self.gone.insert(rel.to_path_buf());
                }
            }
            _ => {}
        }
    }
}

/// Start watching the site. Keep the returned watcher alive as long as events are wanted.
pub fn watch(
    root: &Path,
    tx: std::sync::mpsc::Sender<notify::Result<notify::Event>>,
) -> notify::Result<RecommendedWatcher> {
    let mut w = notify::recommended_watcher(move |ev| {
        let _ = tx.send(ev);
    })?;
    // The root itself, not recursively: minutebook.yaml (editors save by rename, so the file's
    // own watch would be lost), and folders created later.
    w.watch(root, RecursiveMode::NonRecursive)?;
    for dir in [CONTENT_DIR, "themes", "templates", "static"] {
        let p = root.join(dir);
        if p.is_dir() {
            w.watch(&p, RecursiveMode::Recursive)?;
        }
    }
    Ok(w)
}

/// Wait for the next batch of changes; `None` when the watcher is gone.
pub fn next_batch(root: &Path, rx: &Receiver<notify::Result<notify::Event>>) -> Option<Changes> {
    loop {
        let first = rx.recv().ok()?;
        let mut changes = Changes::default();
        take(root, first, &mut changes);
        let started = Instant::now();
        loop {
            match rx.recv_timeout(DEBOUNCE) {
                Ok(ev) => take(root, ev, &mut changes),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
            if started.elapsed() > MAX_BATCH {
                break;
            }
        }
        if !changes.is_empty() {
            return Some(changes);
        }
    }
}

fn take(root: &Path, ev: notify::Result<notify::Event>, changes: &mut Changes) {
    match ev {
        Ok(ev) => {
            if matches!(ev.kind, EventKind::Access(_)) {
                return;
            }
            let structural = matches!(
                ev.kind,
                EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_)) | EventKind::Any
            );
            for p in &ev.paths {
                changes.add(root, p, structural);
            }
        }
        // The watcher lost track (e.g. an overflowed event queue): redo everything.
        Err(_) => changes.config = true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_paths() {
        let root = Path::new("/site");
        let mut c = Changes::default();
        c.add(root, Path::new("/site/content/2024/a.md"), true);
        c.add(root, Path::new("/site/content/2024/.a.md.swp"), true);
        c.add(root, Path::new("/site/content/2024/a.md~"), true);
        c.add(root, Path::new("/site/public/index.html"), true);
        assert_eq!(c.records.len(), 1);
        assert!(!c.config && !c.theme && !c.rescan);
        c.add(root, Path::new("/site/minutebook.yaml"), true);
        c.add(root, Path::new("/site/templates/base.html"), true);
        c.add(root, Path::new("/site/content/2023"), true);
        assert!(c.config && c.theme && !c.rescan);
        assert_eq!(c.gone.len(), 1);
    }
}
