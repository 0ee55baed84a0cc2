//! `minutebook serve`: build into memory, serve it on a local port, and rebuild when the site
//! changes.
//!
//! Incremental strategy: the loaded records stay in memory between rebuilds. A change to a record
//! file re-loads only that file (`build::load_record`) and splices it into the published set (or
//! the drafts/scheduled set); a template or static change reloads only the theme; only a change to
//! `minutebook.yaml` reloads everything. When only records changed, only the pages that show
//! something that changed are rendered again and patched into the served output (see
//! [`incremental`]); listings are kept as they are when no record moved in or out of one. The
//! search index, feeds, open data and sitemap are refreshed by the next whole-site render (a theme
//! or configuration change, or an edit that changes the oldest/newest date). When a change breaks the
//! build, the last good site keeps being served with the errors in an overlay, and the next good
//! save recovers by itself.

pub mod http;
mod incremental;
pub mod watch;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Instant;

use rayon::prelude::*;

use crate::build::{self, BuildOptions, Visibility};
use crate::config::Site;
use crate::content;
use crate::diagnostics::{self, Diagnostic};
use crate::listing;
use crate::minutes::UnitMatcher;
use crate::model::{Archive, Record};
use crate::output::Output;
use crate::render::Renderer;
use crate::timing::Laps;

use watch::Changes;

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: String,
    pub port: u16,
    pub open: bool,
}

/// What the HTTP threads see: the last good output, the current errors, and a version that goes
/// up on every rebuild (good or bad), so open pages reload.
#[derive(Clone)]
pub struct Snapshot {
    pub output: Arc<Output>,
    /// Paths of `output` an incremental rebuild removed (they are not served).
    pub gone: Arc<BTreeSet<String>>,
    /// The errors of the last rebuild (each Diagnostic's Display), empty when it built.
    pub errors: String,
    pub version: u64,
}

impl Snapshot {
    /// A served file.
    pub fn get(&self, rel: &str) -> Option<&[u8]> {
        if self.gone.contains(rel) {
            return None;
        }
        self.output.get(rel)
    }

    pub fn contains(&self, rel: &str) -> bool {
        self.get(rel).is_some()
    }

    /// Every served file, by path.
    pub fn files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.output.iter().filter(|(p, _)| !self.gone.contains(*p))
    }
}

pub struct Shared {
    state: Mutex<Snapshot>,
    changed: Condvar,
}

impl Shared {
    pub fn new() -> Arc<Shared> {
        Arc::new(Shared {
            state: Mutex::new(Snapshot {
                output: Arc::new(Output::new()),
                gone: Arc::new(BTreeSet::new()),
                errors: String::new(),
                version: 1,
            }),
            changed: Condvar::new(),
        })
    }

    pub fn snapshot(&self) -> Snapshot {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Publish a rebuild: a new output (if it built) and its errors.
    pub fn publish(&self, output: Option<Output>, errors: &[Diagnostic]) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(o) = output {
            s.output = Arc::new(o);
            s.gone = Arc::new(BTreeSet::new());
        }
        s.errors = errors.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n");
        s.version += 1;
        self.changed.notify_all();
    }

    /// Replace and remove some files of the current output (an incremental rebuild).
    pub fn patch(&self, files: Vec<(String, Vec<u8>)>, removed: Vec<String>) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if !removed.is_empty() {
            Arc::make_mut(&mut s.gone).extend(removed);
        }
        if files.iter().any(|(p, _)| s.gone.contains(p)) {
            let gone = Arc::make_mut(&mut s.gone);
            for (p, _) in &files {
                gone.remove(p);
            }
        }
        let out = Arc::make_mut(&mut s.output);
        for (path, bytes) in files {
            let _ = out.put(path, bytes);
        }
        s.errors.clear();
        s.version += 1;
        self.changed.notify_all();
    }

    /// Wait until the version differs from `since`, or until `deadline`; returns the version.
    pub fn wait_for_change(&self, since: u64, deadline: Instant) -> u64 {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while s.version == since {
            let now = Instant::now();
            if now >= deadline {
                break;
            }
            s = match self.changed.wait_timeout(s, deadline - now) {
                Ok((g, _)) => g,
                Err(e) => e.into_inner().0,
            };
        }
        s.version
    }
}

/// The site as loaded in memory, kept between rebuilds.
pub struct Preview {
    opts: BuildOptions,
    site: Option<Site>,
    matcher: Option<UnitMatcher>,
    renderer: Option<Renderer>,
    /// Errors of the configuration, the theme, or discovering content/.
    site_errors: Vec<Diagnostic>,
    theme_errors: Vec<Diagnostic>,
    /// Published records (the archive's order is restored on every render).
    published: Vec<Record>,
    /// Drafts and scheduled records, by file.
    hidden: BTreeMap<PathBuf, (Record, Visibility)>,
    /// Files that do not load, with their problems.
    failed: BTreeMap<PathBuf, Vec<Diagnostic>>,
    /// Every record file last seen under content/.
    known: BTreeSet<PathBuf>,
    /// Whether the last render succeeded (so the served output matches what is loaded).
    last_ok: bool,
    /// What the last good render left for an incremental one.
    state: Option<incremental::State>,
}

/// What a rebuild produced: a whole new site, a few replaced (and removed) pages, or errors.
pub enum Outcome {
    Site(Output),
    Pages {
        /// Pages to add or replace, by output path.
        pages: Vec<(String, Vec<u8>)>,
        /// Output paths no longer part of the site.
        removed: Vec<String>,
    },
    Failed(Vec<Diagnostic>),
}

/// What one rebuild did.
#[derive(Debug, Default)]
pub struct Rebuild {
    pub records: usize,
    pub drafts: usize,
    pub scheduled: usize,
    pub pages: usize,
    pub reloaded: usize,
    pub steps: Vec<build::Step>,
}

impl Rebuild {
    pub fn summary(&self) -> String {
        let total: f64 = self.steps.iter().map(|s| s.millis).sum();
        let steps: Vec<String> = self
            .steps
            .iter()
            .map(|s| format!("{} {:.0} ms", s.name, s.millis))
            .collect();
        format!(
            "{} records ({} re-loaded), {} pages; {} drafts and {} scheduled left out; {} — total {:.0} ms",
            self.records,
            self.reloaded,
            self.pages,
            self.drafts,
            self.scheduled,
            steps.join(", "),
            total
        )
    }
}

impl Preview {
    /// Load everything (nothing is rendered yet).
    pub fn new(opts: BuildOptions) -> Preview {
        let mut p = Preview {
            opts,
            site: None,
            matcher: None,
            renderer: None,
            site_errors: Vec::new(),
            theme_errors: Vec::new(),
            published: Vec::new(),
            hidden: BTreeMap::new(),
            failed: BTreeMap::new(),
            known: BTreeSet::new(),
            last_ok: false,
            state: None,
        };
        p.reload_all();
        p
    }

    pub fn root(&self) -> &Path {
        &self.opts.root
    }

    fn reload_all(&mut self) {
        self.site = None;
        self.matcher = None;
        self.renderer = None;
        self.site_errors.clear();
        self.theme_errors.clear();
        self.published.clear();
        self.hidden.clear();
        self.failed.clear();
        self.known.clear();
        match Site::load(&self.opts.root) {
            Ok(mut site) => {
                if let Some(b) = &self.opts.base_url {
                    site.config.base_url = b.clone();
                }
                self.matcher = Some(UnitMatcher::new(&site.units));
                self.site = Some(site);
            }
            Err(d) => {
                self.site_errors = d;
                return;
            }
        }
        self.reload_theme();
        self.rescan();
    }

    fn reload_theme(&mut self) {
        self.theme_errors.clear();
        self.renderer = None;
        if let Some(site) = &self.site {
            match build::load_renderer(site) {
                Ok(r) => self.renderer = Some(r),
                Err(d) => self.theme_errors = d,
            }
        }
    }

    /// Compare content/ with what is loaded: load new files, drop missing ones.
    fn rescan(&mut self) -> usize {
        let files = match content::discover(&self.opts.root) {
            Ok(f) => f,
            Err(d) => {
                self.site_errors = vec![d];
                return 0;
            }
        };
        self.site_errors.retain(|d| d.path != Path::new(content::CONTENT_DIR));
        let now: BTreeSet<PathBuf> = files.into_iter().collect();
        let mut todo: BTreeSet<PathBuf> = now.difference(&self.known).cloned().collect();
        todo.extend(self.known.difference(&now).cloned());
        self.reload_records(&todo)
    }

    /// Re-load these record files (removing those that are gone); returns how many were read.
    fn reload_records(&mut self, rels: &BTreeSet<PathBuf>) -> usize {
        let (Some(site), Some(matcher)) = (&self.site, &self.matcher) else {
            return 0;
        };
        let root = &self.opts.root;
        let present: Vec<&PathBuf> = rels.iter().filter(|r| root.join(r).is_file()).collect();
        let loaded: Vec<(PathBuf, Result<Record, Vec<Diagnostic>>)> = present
            .par_iter()
            .map(|rel| ((*rel).clone(), build::load_record(site, matcher, rel)))
            .collect();
        self.published.retain(|r| !rels.contains(&r.rel));
        for rel in rels {
            self.hidden.remove(rel);
            self.failed.remove(rel);
            self.known.remove(rel);
        }
        let n = loaded.len();
        for (rel, res) in loaded {
            self.known.insert(rel.clone());
            match res {
                Ok(rec) => match build::visibility(&rec, &self.opts) {
                    Visibility::Published => self.published.push(rec),
                    v => {
                        self.hidden.insert(rel, (rec, v));
                    }
                },
                Err(d) => {
                    self.failed.insert(rel, d);
                }
            }
        }
        n
    }

    /// Apply a batch of changes, then render.
    pub fn apply(&mut self, changes: &Changes) -> (Outcome, Rebuild) {
        let mut changes = changes.clone();
        if changes.gone.iter().any(|g| self.known.iter().any(|k| k.starts_with(g))) {
            changes.rescan = true;
        }
        let changes = &changes;
        let mut laps = Laps::new();
        if let Some(done) = self.try_incremental(changes, &mut laps) {
            return done;
        }
        let mut reloaded = 0;
        if changes.config || self.site.is_none() {
            self.reload_all();
            reloaded = self.known.len();
            laps.lap("load");
        } else {
            if changes.theme || self.renderer.is_none() {
                self.reload_theme();
                laps.lap("theme");
            }
            if changes.rescan {
                reloaded += self.rescan();
            }
            if !changes.records.is_empty() {
                reloaded += self.reload_records(&changes.records);
            }
            laps.lap("load");
        }
        self.render(laps, reloaded)
    }

    /// The incremental path: only record files changed (edited, added or removed), each loads
    /// without problems and nothing site-wide changed (oldest/newest date, registries). Then only
    /// the pages that show something that changed are rendered again (see [`incremental`]).
    /// `None` means take the full path (which also reports any problem).
    fn try_incremental(&mut self, changes: &Changes, laps: &mut Laps) -> Option<(Outcome, Rebuild)> {
        if !self.last_ok || self.state.is_none() || changes.config || changes.theme {
            return None;
        }
        let (site, matcher) = (self.site.as_ref()?, self.matcher.as_ref()?);
        let mut rels = changes.records.clone();
        if changes.rescan {
            let now: BTreeSet<PathBuf> = content::discover(&self.opts.root).ok()?.into_iter().collect();
            rels.extend(now.difference(&self.known).cloned());
            rels.extend(self.known.difference(&now).cloned());
        }
        if rels.is_empty() {
            return None;
        }
        let root = &self.opts.root;
        let loaded: Vec<(PathBuf, Option<Record>)> = rels
            .par_iter()
            .map(|rel| {
                let rec = root
                    .join(rel)
                    .is_file()
                    .then(|| build::load_record(site, matcher, rel).ok());
                (rel.clone(), rec)
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(rel, rec)| Some((rel, rec.map_or(Some(None), |r| r.map(Some))?)))
            .collect::<Option<_>>()?;
        laps.lap("load");

        // Splice the records in, remembering what listings showed of the old ones.
        let keys = incremental::file_set(&rels);
        let mut at: BTreeMap<PathBuf, usize> = BTreeMap::new();
        for (i, r) in self.published.iter().enumerate() {
            if keys.contains(r.rel.as_os_str()) {
                at.insert(r.rel.clone(), i);
            }
        }
        let mut old_keys: BTreeMap<PathBuf, ListingKey> = BTreeMap::new();
        let mut old_urls: Vec<String> = Vec::new();
        let mut drop_at: Vec<usize> = Vec::new();
        let mut fresh: Vec<Record> = Vec::new();
        let mut visible: BTreeSet<PathBuf> = BTreeSet::new();
        let mut reloaded: BTreeSet<PathBuf> = BTreeSet::new();
        let mut new_urls: BTreeSet<String> = BTreeSet::new();
        // Whether every listing keeps the same records in the same order.
        let mut stable = true;
        for (rel, rec) in loaded {
            self.hidden.remove(&rel);
            self.failed.remove(&rel);
            self.known.remove(&rel);
            let old = at.get(&rel).copied();
            if let Some(i) = old {
                old_keys.insert(rel.clone(), listing_key(&self.published[i]));
                old_urls.push(self.published[i].url.clone());
            }
            let Some(rec) = rec else {
                stable &= old.is_none();
                drop_at.extend(old);
                continue;
            };
            self.known.insert(rel.clone());
            let v = build::visibility(&rec, &self.opts);
            if v != Visibility::Published {
                stable &= old.is_none();
                drop_at.extend(old);
                self.hidden.insert(rel, (rec, v));
                continue;
            }
            if old_keys.get(&rel) != Some(&listing_key(&rec)) {
                visible.insert(rel.clone());
            }
            reloaded.insert(rel.clone());
            new_urls.insert(rec.url.clone());
            match old {
                Some(i) => {
                    stable &= membership_key(&self.published[i]) == membership_key(&rec);
                    self.published[i] = rec;
                }
                None => {
                    stable = false;
                    fresh.push(rec);
                }
            }
        }
        let n = rels.len();
        if stable {
            laps.lap("splice");
            return self.render_stable(&visible, &reloaded, n, laps);
        }
        drop_at.sort_unstable();
        for i in drop_at.into_iter().rev() {
            self.published.remove(i);
        }
        self.published.extend(fresh);
        if !build::unique_urls(&self.published).is_empty() {
            self.state = None;
            return Some(self.render(std::mem::take(laps), n));
        }

        laps.lap("splice");
        let renderer = self.renderer.as_ref()?;
        let archive = Archive::new(site.clone(), std::mem::take(&mut self.published));
        laps.lap("archive");
        let listings = listing::build(&archive);
        let new_order: Vec<PathBuf> = archive.records.iter().map(|r| r.rel.clone()).collect();
        let old = self.state.take()?;
        if incremental::Global::of(&archive) != old.global {
            self.published = archive.records;
            return Some(self.render(std::mem::take(laps), n));
        }
        laps.lap("list");

        // Summaries: kept for records listings show the same, made again for the others.
        let vis_keys = incremental::file_set(&visible);
        let vis: Vec<bool> = new_order.iter().map(|r| vis_keys.contains(r.as_os_str())).collect();
        let same_order = old.order == new_order;
        let incremental::State {
            order: old_order,
            listings: old_listings,
            related: old_related,
            summaries: mut old_summaries,
            global,
            registries: old_registries,
        } = old;
        let summaries: Result<Vec<tera::Value>, _> = (|| {
            let maker = crate::pages::Pages::with_summaries(&archive, &listings, renderer, Vec::new());
            if same_order {
                for (i, v) in vis.iter().enumerate() {
                    if *v {
                        old_summaries[i] = maker.summary_value(&archive.records[i])?;
                    }
                }
                Ok(old_summaries)
            } else {
                let pos: std::collections::HashMap<&std::ffi::OsStr, usize> =
                    old_order.iter().enumerate().map(|(i, r)| (r.as_os_str(), i)).collect();
                archive
                    .records
                    .iter()
                    .enumerate()
                    .map(|(i, r)| match pos.get(r.rel.as_os_str()) {
                        Some(&o) if !vis[i] => Ok(std::mem::replace(&mut old_summaries[o], tera::Value::none())),
                        _ => maker.summary_value(r),
                    })
                    .collect()
            }
        })();
        let Ok(summaries) = summaries else {
            // The item template failed: the full render reports it.
            self.published = archive.records;
            return Some(self.render(std::mem::take(laps), n));
        };
        let new_related = incremental::related(&listings);
        let reloaded_ix: Vec<usize> = {
            let k = incremental::file_set(&reloaded);
            (0..new_order.len())
                .filter(|&i| k.contains(new_order[i].as_os_str()))
                .collect()
        };
        let old_state = incremental::State {
            order: old_order,
            listings: old_listings,
            related: old_related,
            summaries: Vec::new(),
            global,
            registries: old_registries,
        };
        let diff = incremental::Diff {
            old_order: &old_state.order,
            new_order: &new_order,
            same_order,
            visible: &vis,
            per_page: archive.site.config.per_page,
        };
        let (selection, mut removed) = diff.select(&old_state, &listings, &new_related, &reloaded_ix);
        for url in old_urls {
            if !new_urls.contains(&url) {
                removed.push(crate::model::page_file(&url).to_string_lossy().replace('\\', "/"));
            }
        }
        laps.lap("select");
        let pages = crate::pages::Pages::with_summaries(&archive, &listings, renderer, summaries);
        let rendered = pages.some(&selection);
        let summaries = pages.into_summaries();
        laps.lap("render");
        // Free the old listings elsewhere: dropping them is not free at 10,000 records.
        let global = old_state.global.clone();
        let registries = [archive.units.clone(), archive.topics.clone(), archive.series.clone()];
        std::thread::spawn(move || drop(old_state));
        self.state = Some(incremental::State {
            order: new_order,
            listings,
            related: new_related,
            summaries,
            global,
            registries,
        });
        self.published = archive.records;
        Some(self.finish(rendered, removed, n, laps))
    }

    /// The incremental render when no listing changed which records it holds or their order
    /// (no record added or removed, and the changed ones kept their URL, date, series, units,
    /// topics, formal unit ties and mentions): the listings are kept as they are, and only the
    /// changed records' pages, their series neighbours and the listing pages they are on (when
    /// listings show something that changed) are rendered again.
    fn render_stable(
        &mut self,
        visible: &BTreeSet<PathBuf>,
        reloaded: &BTreeSet<PathBuf>,
        n: usize,
        laps: &mut Laps,
    ) -> Option<(Outcome, Rebuild)> {
        self.renderer.as_ref()?;
        let archive = self.take_archive()?;
        let (renderer, st) = (self.renderer.as_ref()?, self.state.as_mut()?);
        if incremental::Global::of(&archive) != st.global {
            self.published = archive.records;
            self.state = None;
            return Some(self.render(std::mem::take(laps), n));
        }
        let (vis_keys, re_keys) = (incremental::file_set(visible), incremental::file_set(reloaded));
        let vis: Vec<bool> = st.order.iter().map(|r| vis_keys.contains(r.as_os_str())).collect();
        let reloaded_ix: Vec<usize> = (0..st.order.len())
            .filter(|&i| re_keys.contains(st.order[i].as_os_str()))
            .collect();
        let mut summaries = std::mem::take(&mut st.summaries);
        let (selection, removed) = {
            let maker = crate::pages::Pages::with_summaries(&archive, &st.listings, renderer, Vec::new());
            for (i, v) in vis.iter().enumerate() {
                if *v {
                    match maker.summary_value(&archive.records[i]) {
                        Ok(v) => summaries[i] = v,
                        Err(_) => {
                            // The item template failed: the full render reports it.
                            self.published = archive.records;
                            self.state = None;
                            return Some(self.render(std::mem::take(laps), n));
                        }
                    }
                }
            }
            let diff = incremental::Diff {
                old_order: &st.order,
                new_order: &st.order,
                same_order: true,
                visible: &vis,
                per_page: archive.site.config.per_page,
            };
            diff.select(st, &st.listings, &st.related, &reloaded_ix)
        };
        laps.lap("select");
        let pages = crate::pages::Pages::with_summaries(&archive, &st.listings, renderer, summaries);
        let rendered = pages.some(&selection);
        st.summaries = pages.into_summaries();
        laps.lap("render");
        self.published = archive.records;
        Some(self.finish(rendered, removed, n, laps))
    }

    /// The loaded records as an archive with the registries in effect, borrowing the records
    /// (give them back with `self.published = archive.records`). None before a successful render.
    fn take_archive(&mut self) -> Option<Archive> {
        let (site, st) = (self.site.as_ref()?, self.state.as_ref()?);
        Some(Archive {
            site: site.clone(),
            records: std::mem::take(&mut self.published),
            units: st.registries[0].clone(),
            topics: st.registries[1].clone(),
            series: st.registries[2].clone(),
        })
    }

    /// After an incremental render: the search index, feeds, open data, sitemap and robots.txt
    /// for what is loaded now (these depend on every record, so they are redone whole, after the
    /// changed pages are already served). `pages` are the HTML paths being served.
    pub fn refresh_assets(&mut self, pages: &[String]) -> Option<Vec<(String, Vec<u8>)>> {
        let archive = self.take_archive()?;
        let st = self.state.as_ref()?;
        let sink = crate::output::Sink::memory();
        let result = crate::build::search_index(&archive, None, &sink)
            .ok()
            .and_then(|_| {
                crate::feeds::add(&archive, &st.listings, &sink)
                    .and_then(|_| crate::opendata::add(&archive, &sink))
                    .and_then(|_| {
                        let map = crate::meta::sitemap(&archive, &st.listings, pages.iter().map(String::as_str));
                        sink.put("sitemap.xml", map)?;
                        sink.put("robots.txt", crate::meta::robots(&archive))
                    })
                    .ok()
            })
            .map(|_| sink.into_output());
        self.published = archive.records;
        result.map(|out| out.into_files())
    }

    /// The outcome of an incremental render.
    fn finish(
        &mut self,
        rendered: Result<Vec<(String, Vec<u8>)>, Vec<Diagnostic>>,
        mut removed: Vec<String>,
        n: usize,
        laps: &mut Laps,
    ) -> (Outcome, Rebuild) {
        let info = Rebuild {
            records: self.published.len(),
            drafts: self.hidden.values().filter(|(_, v)| *v == Visibility::Draft).count(),
            scheduled: self
                .hidden
                .values()
                .filter(|(_, v)| *v == Visibility::Scheduled)
                .count(),
            pages: rendered.as_ref().map(Vec::len).unwrap_or(0),
            reloaded: n,
            steps: std::mem::take(&mut laps.steps),
        };
        match rendered {
            Ok(pages) => {
                let written: BTreeSet<&str> = pages.iter().map(|(p, _)| p.as_str()).collect();
                removed.retain(|p| !written.contains(p.as_str()));
                removed.sort();
                removed.dedup();
                (Outcome::Pages { pages, removed }, info)
            }
            Err(d) => {
                self.last_ok = false;
                self.state = None;
                (Outcome::Failed(d), info)
            }
        }
    }

    /// Render everything loaded (timing only the render).
    pub fn render_all(&mut self) -> (Outcome, Rebuild) {
        let n = self.known.len();
        self.render(Laps::new(), n)
    }

    /// Render everything loaded, or say why it cannot be.
    fn render(&mut self, mut laps: Laps, reloaded: usize) -> (Outcome, Rebuild) {
        self.last_ok = false;
        self.state = None;
        let mut errors: Vec<Diagnostic> = self.site_errors.clone();
        errors.extend(self.theme_errors.iter().cloned());
        errors.extend(self.failed.values().flatten().cloned());
        errors.extend(build::unique_urls(&self.published));
        let drafts = self.hidden.values().filter(|(_, v)| *v == Visibility::Draft).count();
        let mut info = Rebuild {
            records: self.published.len(),
            drafts,
            scheduled: self.hidden.len() - drafts,
            reloaded,
            ..Rebuild::default()
        };
        let (Some(site), Some(renderer)) = (&self.site, &self.renderer) else {
            diagnostics::sort(&mut errors);
            info.steps = laps.steps;
            return (Outcome::Failed(errors), info);
        };
        if !errors.is_empty() {
            diagnostics::sort(&mut errors);
            info.steps = laps.steps;
            return (Outcome::Failed(errors), info);
        }
        let archive = Archive::new(site.clone(), std::mem::take(&mut self.published));
        let listings = listing::build(&archive);
        laps.lap("list");
        let result = build::render_site(&archive, renderer, &listings, None);
        laps.lap("render");
        if result.is_ok() {
            if let Ok(pages) = crate::pages::Pages::new(&archive, &listings, renderer) {
                let summaries = pages.into_summaries();
                self.state = Some(incremental::State::new(&archive, listings, summaries));
                laps.lap("keep");
            }
        }
        self.published = archive.records;
        info.steps = laps.steps;
        match result {
            Ok((out, pages)) => {
                info.pages = pages;
                self.last_ok = true;
                (Outcome::Site(out), info)
            }
            Err(d) => (Outcome::Failed(d), info),
        }
    }
}

/// Everything pages other than a record's own show of it.
type ListingKey = (String, String, String, String, Option<u32>, String, String, String);

fn listing_key(r: &Record) -> ListingKey {
    let m = &r.meta;
    (
        r.url.clone(),
        m.title.clone(),
        m.date.to_string(),
        m.series.slug.clone(),
        m.number,
        format!("{:?}{:?}", m.units, m.topics),
        {
            // Listings show an item's label, title, anchor, units and its decision's first line
            // with its label (not the whole decision, nor the line it is on).
            let st = &r.structure;
            let items: Vec<_> = st
                .agenda
                .iter()
                .map(|a| {
                    (
                        &a.label,
                        &a.title,
                        &a.anchor,
                        &a.units,
                        &a.decision_first,
                        a.decision_label,
                    )
                })
                .collect();
            let reports: Vec<_> = st.reports.iter().map(|x| (&x.unit, &x.heading, &x.anchor)).collect();
            format!("{items:?}{reports:?}{:?}", st.mentions)
        },
        format!("{:?}{:?}", m.summary, m.draft),
    )
}

/// What decides which listings a record is on, and where.
fn membership_key(r: &Record) -> String {
    let (m, st) = (&r.meta, &r.structure);
    let agenda: Vec<_> = st.agenda.iter().map(|a| &a.units).collect();
    let reports: Vec<_> = st.reports.iter().map(|x| &x.unit).collect();
    format!(
        "{}|{}|{:?}|{:?}|{:?}|{agenda:?}|{reports:?}|{:?}",
        r.url, m.date, m.series, m.units, m.topics, st.mentions
    )
}

/// Run the preview server until interrupted.
pub fn run(opts: ServeOptions) -> Result<(), Vec<Diagnostic>> {
    let fail = |msg: String| vec![Diagnostic::error(PathBuf::from("serve"), 0, 0, msg)];
    let listener = http::bind(&opts.bind, opts.port).map_err(fail)?;
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(opts.port);
    let host = if opts.bind == "0.0.0.0" || opts.bind == "::" {
        "127.0.0.1".to_string()
    } else if opts.bind.contains(':') {
        format!("[{}]", opts.bind)
    } else {
        opts.bind.clone()
    };
    let url = format!("http://{host}:{port}/");
    let mut bopts = opts.build.clone();
    bopts.root = std::fs::canonicalize(&bopts.root).unwrap_or(bopts.root);
    bopts.base_url = Some(url.clone());

    let shared = Shared::new();
    let started = Instant::now();
    let mut preview = Preview::new(bopts);
    let mut laps = Laps::new();
    laps.steps.push(build::Step {
        name: "load",
        millis: started.elapsed().as_secs_f64() * 1000.0,
    });
    let known = preview.known.len();
    let (result, info) = preview.render(laps, known);
    report(&shared, result, &info);
    crate::outln!("serving {url} (Ctrl-C to stop)");

    let (tx, rx) = std::sync::mpsc::channel();
    let root = preview.root().to_path_buf();
    let watcher = watch::watch(&root, tx).map_err(|e| fail(format!("cannot watch {}: {e}", root.display())))?;
    let sh = shared.clone();
    std::thread::spawn(move || {
        let _watcher = watcher;
        while let Some(changes) = watch::next_batch(&root, &rx) {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| preview.apply(&changes)));
            match outcome {
                Ok((result, info)) => {
                    let incremental = matches!(result, Outcome::Pages { .. });
                    report(&sh, result, &info);
                    if incremental {
                        // The changed pages are served already; now the files built from every
                        // record (search index, feeds, open data, sitemap) catch up.
                        let snap = sh.snapshot();
                        let pages: Vec<String> = snap
                            .output
                            .iter()
                            .map(|(p, _)| p.to_string())
                            .filter(|p| !snap.gone.contains(p))
                            .collect();
                        if let Some(files) = preview.refresh_assets(&pages) {
                            sh.patch(files, Vec::new());
                        }
                    }
                }
                Err(_) => {
                    // Never die on a bad file: start over from disk on the next change.
                    preview = Preview::new(preview.opts.clone());
                    let d = Diagnostic::error(
                        PathBuf::from("serve"),
                        0,
                        0,
                        "internal error while rebuilding; the site will be re-read on the next change",
                    );
                    sh.publish(None, &[d]);
                }
            }
        }
    });

    if opts.open {
        open_browser(&url);
    }
    http::serve(listener, shared, http::Limits::default()).map_err(|e| fail(format!("the preview server stopped: {e}")))
}

fn report(shared: &Shared, result: Outcome, info: &Rebuild) {
    match result {
        Outcome::Site(out) => {
            crate::outln!("built: {}", info.summary());
            shared.publish(Some(out), &[]);
        }
        Outcome::Pages { pages, removed } => {
            crate::outln!("updated: {}", info.summary());
            shared.patch(pages, removed);
        }
        Outcome::Failed(errors) => {
            for d in &errors {
                crate::errprint!("{d}");
            }
            crate::errln!(
                "error: {}; still serving the last good version",
                crate::diagnostics::plural(errors.iter().filter(|d| d.is_error()).count(), "problem", "problems")
            );
            shared.publish(None, &errors);
        }
    }
}

fn open_browser(url: &str) {
    let cmd = if cfg!(target_os = "macos") {
        ("open", vec![url.to_string()])
    } else if cfg!(windows) {
        ("cmd", vec!["/C".into(), "start".into(), String::new(), url.to_string()])
    } else {
        ("xdg-open", vec![url.to_string()])
    };
    if std::process::Command::new(cmd.0).args(&cmd.1).spawn().is_err() {
        crate::errln!("could not open a browser; visit {url}");
    }
}
