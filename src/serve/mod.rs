//! `minutebook serve`: build into memory, serve it on a local port, and rebuild when the site
//! changes.
//!
//! Incremental strategy: the loaded records stay in memory between rebuilds. A change to a record
//! file re-loads only that file (`build::load_record`) and splices it into the published set (or
//! the drafts/scheduled set); a template or static change reloads only the theme; only a change to
//! `minutebook.yaml` reloads everything. The listings are then rebuilt and every page re-rendered
//! in parallel (rendering is what is left; see the report for timings). When a change breaks the
//! build, the last good site keeps being served with the errors in an overlay, and the next good
//! save recovers by itself.

pub mod http;
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
    /// The errors of the last rebuild (each Diagnostic's Display), empty when it built.
    pub errors: String,
    pub version: u64,
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
        }
        s.errors = errors.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n");
        s.version += 1;
        self.changed.notify_all();
    }

    /// Replace some pages of the current output (an incremental rebuild).
    pub fn patch(&self, pages: Vec<(String, String)>) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let out = Arc::make_mut(&mut s.output);
        for (path, html) in pages {
            let _ = out.put(path, html);
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
}

/// What a rebuild produced: a whole new site, a few replaced pages, or errors.
pub enum Outcome {
    Site(Output),
    Pages(Vec<(String, String)>),
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

struct Laps {
    steps: Vec<build::Step>,
    at: Instant,
}

impl Laps {
    fn new() -> Laps {
        Laps {
            steps: Vec::new(),
            at: Instant::now(),
        }
    }
    fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.steps.push(build::Step {
            name,
            millis: (now - self.at).as_secs_f64() * 1000.0,
        });
        self.at = now;
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
        if let Some(done) = self.try_record_only(changes, &mut laps) {
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

    /// The fast path: only record files changed, each was and stays published, and nothing any
    /// other page shows of it changed (title, date, URL, series, number, units, topics, agenda
    /// items and decisions' first lines, unit reports, mentions). Then only those records' own
    /// pages are re-rendered. `None` means take the full path.
    fn try_record_only(&mut self, changes: &Changes, laps: &mut Laps) -> Option<(Outcome, Rebuild)> {
        if !self.last_ok || changes.config || changes.theme || changes.rescan || changes.records.is_empty() {
            return None;
        }
        let (site, matcher, renderer) = (self.site.as_ref()?, self.matcher.as_ref()?, self.renderer.as_ref()?);
        let mut positions = Vec::new();
        for rel in &changes.records {
            positions.push(self.published.iter().position(|r| &r.rel == rel)?);
        }
        let root = &self.opts.root;
        if changes.records.iter().any(|rel| !root.join(rel).is_file()) {
            return None;
        }
        let loaded: Vec<Result<Record, Vec<Diagnostic>>> = changes
            .records
            .par_iter()
            .map(|rel| build::load_record(site, matcher, rel))
            .collect();
        let mut fresh = Vec::new();
        for (res, &pos) in loaded.into_iter().zip(&positions) {
            let rec = res.ok()?;
            if build::visibility(&rec, &self.opts) != Visibility::Published
                || listing_key(&rec) != listing_key(&self.published[pos])
            {
                return None;
            }
            fresh.push((pos, rec));
        }
        laps.lap("load");
        let n = fresh.len();
        let rels: BTreeSet<PathBuf> = changes.records.clone();
        for (pos, rec) in fresh {
            self.published[pos] = rec;
        }
        let archive = Archive::new(site.clone(), std::mem::take(&mut self.published));
        let listings = listing::build(&archive);
        laps.lap("list");
        let pages = crate::pages::Pages::new(&archive, &listings, renderer);
        let rendered: Vec<Result<(String, String), Diagnostic>> = archive
            .records
            .iter()
            .enumerate()
            .filter(|(_, r)| rels.contains(&r.rel))
            .map(|(ix, _)| pages.record_page(ix))
            .collect();
        laps.lap("render");
        let info = Rebuild {
            records: archive.records.len(),
            drafts: self.hidden.values().filter(|(_, v)| *v == Visibility::Draft).count(),
            scheduled: self
                .hidden
                .values()
                .filter(|(_, v)| *v == Visibility::Scheduled)
                .count(),
            pages: rendered.len(),
            reloaded: n,
            steps: std::mem::take(&mut laps.steps),
        };
        self.published = archive.records;
        let mut ok = Vec::new();
        let mut errors = Vec::new();
        for r in rendered {
            match r {
                Ok(p) => ok.push(p),
                Err(d) => errors.push(d),
            }
        }
        if errors.is_empty() {
            Some((Outcome::Pages(ok), info))
        } else {
            self.last_ok = false;
            Some((Outcome::Failed(errors), info))
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
fn listing_key(r: &Record) -> (String, String, String, String, Option<u32>, String, String, String) {
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
            // (not the whole decision, nor the line it is on).
            let st = &r.structure;
            let items: Vec<_> = st
                .agenda
                .iter()
                .map(|a| (&a.label, &a.title, &a.anchor, &a.units, &a.decision_first))
                .collect();
            let reports: Vec<_> = st.reports.iter().map(|x| (&x.unit, &x.heading, &x.anchor)).collect();
            format!("{items:?}{reports:?}{:?}", st.mentions)
        },
        format!("{:?}{:?}", m.summary, m.draft),
    )
}

/// Run the preview server until interrupted.
pub fn run(opts: ServeOptions) -> Result<(), Vec<Diagnostic>> {
    let fail = |msg: String| vec![Diagnostic::error(PathBuf::from("serve"), 0, 0, msg)];
    let server = tiny_http::Server::http(format!("{}:{}", opts.bind, opts.port))
        .map_err(|e| fail(format!("cannot listen on {}:{}: {e}", opts.bind, opts.port)))?;
    let port = server.server_addr().to_ip().map(|a| a.port()).unwrap_or(opts.port);
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
    println!("serving {url} (Ctrl-C to stop)");

    let (tx, rx) = std::sync::mpsc::channel();
    let root = preview.root().to_path_buf();
    let watcher = watch::watch(&root, tx).map_err(|e| fail(format!("cannot watch {}: {e}", root.display())))?;
    let sh = shared.clone();
    std::thread::spawn(move || {
        let _watcher = watcher;
        while let Some(changes) = watch::next_batch(&root, &rx) {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| preview.apply(&changes)));
            match outcome {
                Ok((result, info)) => report(&sh, result, &info),
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
    for req in server.incoming_requests() {
        let sh = shared.clone();
        std::thread::spawn(move || http::handle(req, &sh));
    }
    Ok(())
}

fn report(shared: &Shared, result: Outcome, info: &Rebuild) {
    match result {
        Outcome::Site(out) => {
            println!("built: {}", info.summary());
            shared.publish(Some(out), &[]);
        }
        Outcome::Pages(pages) => {
            println!("updated: {}", info.summary());
            shared.patch(pages);
        }
        Outcome::Failed(errors) => {
            for d in &errors {
                eprint!("{d}");
            }
            eprintln!(
                "error: {} problem(s); still serving the last good version",
                errors.iter().filter(|d| d.is_error()).count()
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
        eprintln!("could not open a browser; visit {url}");
    }
}
