//! `minutebook serve`: build into memory with the build's own driver ([`crate::site`]), serve
//! it on a local port, and rebuild when the site changes.
//!
//! A change reloads only what changed ([`Inputs`] keeps the loaded records: a record file is
//! read again, a template or static change reloads the theme, `minutebook.yaml` reloads
//! everything), then the whole pipeline runs again: structure, listings, every page's job. A page
//! is rendered only when its job's input hash (template and context) differs from the one it was
//! last rendered from; the others keep their bytes. The site-wide files are made again. The served
//! output is then exactly this build's files — pages that are gone, and old content-hashed search
//! files, are not kept — so the preview is the build by construction, and memory stays flat over
//! many edits. When a change breaks the build, the last good site keeps being served with the
//! errors in an overlay, and the next good save recovers by itself.

pub mod http;
pub mod watch;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Instant;

use crate::build::{self, BuildOptions};
use crate::diagnostics::Diagnostic;
use crate::listing;
use crate::messages::{Lang, Msg};
use crate::output::Sink;
use crate::pages::Pages;
use crate::site::{Inputs, SiteFiles};
use crate::timing::Laps;

use watch::Changes;

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: String,
    pub port: u16,
    pub open: bool,
    /// `--lang`: the language of messages and of the error overlay; else the site's `language`,
    /// read again on every rebuild.
    pub lang: Option<Lang>,
}

/// The served files, by output path.
pub type Files = BTreeMap<String, Arc<[u8]>>;

/// What the HTTP threads see: the last good output, the current errors, and a version that goes
/// up on every rebuild (good or bad), so open pages reload.
#[derive(Clone)]
pub struct Snapshot {
    pub output: Arc<Files>,
    /// The errors of the last rebuild (as printed, in `lang`), empty when it built.
    pub errors: String,
    /// The language of the errors and of the overlay around them.
    pub lang: Lang,
    pub version: u64,
}

impl Snapshot {
    /// A served file.
    pub fn get(&self, rel: &str) -> Option<&[u8]> {
        self.output.get(rel).map(|b| &b[..])
    }

    pub fn contains(&self, rel: &str) -> bool {
        self.output.contains_key(rel)
    }

    /// Every served file, by path.
    pub fn files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.output.iter().map(|(p, b)| (p.as_str(), &b[..]))
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
                output: Arc::new(Files::new()),
                errors: String::new(),
                lang: Lang::default(),
                version: 1,
            }),
            changed: Condvar::new(),
        })
    }

    pub fn snapshot(&self) -> Snapshot {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Replace the output by `output`, the same pages with the site-wide files made again after
    /// them ([`Preview::apply_early`]): open pages are not told to reload, errors stay as they are.
    pub fn replace_output(&self, output: Arc<Files>) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.output = output;
    }

    /// Publish a rebuild: the new output (if it built) and its errors.
    pub fn publish(&self, output: Option<Arc<Files>>, errors: &[Diagnostic], lang: Lang) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(o) = output {
            s.output = o;
        }
        s.errors = errors.iter().map(|d| d.human(lang)).collect::<Vec<_>>().join("\n");
        s.lang = lang;
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

/// The site as loaded in memory, and the pages last rendered, kept between rebuilds.
pub struct Preview {
    inputs: Inputs,
    /// By output path: the input hash a page was last rendered from, and its bytes (valid for
    /// the theme loaded now; emptied when it reloads).
    rendered: HashMap<String, Page>,
    /// The site-wide files (feeds, open data, search index, sitemap, assets) of the last rebuild
    /// that made them, served beside the new pages until they are made again.
    site_files: Files,
}

/// A rendered page: the input hash it was rendered from, and its bytes.
type Page = (u64, Arc<[u8]>);

/// What a rebuild produced: the whole new output, or errors.
pub enum Outcome {
    Site(Arc<Files>),
    Failed(Vec<Diagnostic>),
}

/// What one rebuild did.
#[derive(Debug, Default)]
pub struct Rebuild {
    pub records: usize,
    pub drafts: usize,
    pub scheduled: usize,
    pub pages: usize,
    /// Pages rendered (the others' input hash was unchanged).
    pub rendered: usize,
    /// Output paths served before and not now.
    pub removed: usize,
    pub reloaded: usize,
    pub steps: Vec<build::Step>,
}

impl Rebuild {
    pub fn summary(&self, lang: Lang) -> String {
        let total: f64 = self.steps.iter().map(|s| s.millis).sum();
        let steps: Vec<String> = self
            .steps
            .iter()
            .map(|s| format!("{} {:.0} ms", s.name, s.millis))
            .collect();
        Msg::RebuildSummary {
            records: self.records,
            reloaded: self.reloaded,
            pages: self.pages,
            rendered: self.rendered,
            removed: self.removed,
            drafts: self.drafts,
            scheduled: self.scheduled,
            steps: steps.join(", "),
            total: format!("{total:.0}"),
        }
        .render(lang)
    }
}

impl Preview {
    /// Load everything (nothing is rendered yet).
    pub fn new(opts: BuildOptions) -> Preview {
        Preview {
            inputs: Inputs::load(&opts),
            rendered: HashMap::new(),
            site_files: Files::new(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.inputs.options().root
    }

    /// Reload what a batch of changes touched, then rebuild.
    pub fn apply(&mut self, changes: &Changes) -> (Outcome, Rebuild) {
        self.apply_early(changes, &mut |_, _| {})
    }

    /// As [`Preview::apply`], and as soon as the pages are rendered, before the site-wide files
    /// are made again (about half of a rebuild at 10,000 records), hands `early` the new pages
    /// with the previous rebuild's site-wide files, and what the rebuild did so far. Not called
    /// when there are no previous site-wide files (the first rebuild, or after one that failed).
    pub fn apply_early(
        &mut self,
        changes: &Changes,
        early: &mut dyn FnMut(Arc<Files>, &Rebuild),
    ) -> (Outcome, Rebuild) {
        let mut laps = Laps::new();
        let rescan = changes.rescan
            || changes
                .gone
                .iter()
                .any(|g| self.inputs.files().any(|k| k.starts_with(g)));
        let mut reloaded = 0;
        if changes.config || self.inputs.site().is_none() {
            self.inputs.reload_all();
            self.rendered.clear();
            reloaded = self.inputs.files().count();
        } else {
            if changes.theme || self.inputs.renderer().is_none() {
                self.inputs.reload_theme();
                self.rendered.clear();
            }
            if rescan {
                reloaded += self.inputs.rescan();
            }
            if !changes.records.is_empty() {
                reloaded += self.inputs.reload_records(&changes.records);
            }
        }
        laps.lap("load");
        self.render(laps, reloaded, early)
    }

    /// Render everything loaded.
    pub fn render_all(&mut self) -> (Outcome, Rebuild) {
        let n = self.inputs.files().count();
        self.render(Laps::new(), n, &mut |_, _| {})
    }

    /// Run the pipeline on what is loaded: render the pages whose input changed, make the
    /// site-wide files again; or say why it cannot be.
    fn render(
        &mut self,
        mut laps: Laps,
        reloaded: usize,
        early: &mut dyn FnMut(Arc<Files>, &Rebuild),
    ) -> (Outcome, Rebuild) {
        let mut info = Rebuild {
            reloaded,
            ..Rebuild::default()
        };
        let loaded = match self.inputs.take_archive() {
            Ok(l) => l,
            Err(d) => {
                info.steps = laps.steps;
                return (Outcome::Failed(d), info);
            }
        };
        info.records = loaded.archive.records.len();
        info.drafts = loaded.drafts;
        info.scheduled = loaded.scheduled;
        let result = self.render_archive(&loaded.archive, &mut laps, &mut info, early);
        self.inputs.give_back(loaded.archive);
        info.steps = laps.steps;
        match result {
            Ok(files) => (Outcome::Site(Arc::new(files)), info),
            Err(d) => (Outcome::Failed(d), info),
        }
    }

    fn render_archive(
        &mut self,
        archive: &crate::model::Archive,
        laps: &mut Laps,
        info: &mut Rebuild,
        early: &mut dyn FnMut(Arc<Files>, &Rebuild),
    ) -> Result<Files, Vec<Diagnostic>> {
        let renderer = self.inputs.renderer().expect("no errors, so the theme loaded");
        let listings = listing::build(archive);
        laps.lap("list");
        let pages = Pages::new(archive, &listings, renderer)?;
        laps.lap("summaries");
        let fresh: Mutex<Vec<(String, Page)>> = Mutex::new(Vec::new());
        let kept: Mutex<Vec<String>> = Mutex::new(Vec::new());
        let old = &self.rendered;
        let count = crate::site::render_pages(
            &pages,
            &|job, hash| hash.is_some() && old.get(&job.path).map(|(h, _)| Some(*h)) == Some(hash),
            &|job, hash, bytes| {
                match bytes {
                    // Without a hash a page is always rendered, and never kept for the next rebuild.
                    Some(b) => fresh
                        .lock()
                        .expect("no panic while holding")
                        .push((job.path, (hash.unwrap_or_default(), b.into()))),
                    None => kept.lock().expect("no panic while holding").push(job.path),
                }
                Ok(())
            },
        )?;
        laps.lap("render");
        let (fresh, kept) = (
            fresh.into_inner().expect("no panic while holding"),
            kept.into_inner().expect("no panic while holding"),
        );
        info.pages = count;
        info.rendered = fresh.len();
        let mut rendered: HashMap<String, Page> = HashMap::with_capacity(count);
        for path in kept {
            let page = self.rendered.remove(&path).expect("kept pages were rendered before");
            rendered.insert(path, page);
        }
        rendered.extend(fresh);
        if !self.site_files.is_empty() {
            let mut files: Files = self.site_files.clone();
            files.extend(rendered.iter().map(|(p, (_, b))| (p.clone(), b.clone())));
            info.steps = laps.steps.clone();
            early(Arc::new(files), info);
        }
        // Until the site-wide files are made again, a failure leaves none to serve early.
        self.site_files = Files::new();
        let page_paths: BTreeSet<String> = rendered.keys().cloned().collect();
        let sink = Sink::memory();
        let site_files = SiteFiles {
            archive,
            listings: &listings,
            renderer,
            scratch: None,
            sink: &sink,
        };
        site_files.feeds_and_data()?;
        site_files.search()?;
        site_files.assets(&page_paths)?;
        laps.lap("site files");
        let mut files: Files = rendered.iter().map(|(p, (_, b))| (p.clone(), b.clone())).collect();
        let mut site_files = Files::new();
        for (path, bytes) in sink.into_output().into_files() {
            let bytes: Arc<[u8]> = bytes.into();
            site_files.insert(path.clone(), bytes.clone());
            if files.insert(path.clone(), bytes).is_some() {
                return Err(vec![Diagnostic::error(
                    PathBuf::from(&path),
                    0,
                    0,
                    Msg::TwoPagesOnePath { path: path.clone() },
                )]);
            }
        }
        self.rendered = rendered;
        self.site_files = site_files;
        Ok(files)
    }
}

/// Run the preview server until interrupted.
pub fn run(opts: ServeOptions) -> Result<(), Vec<Diagnostic>> {
    let fail = |msg: Msg| vec![Diagnostic::error(PathBuf::from("serve"), 0, 0, msg)];
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
    let known = preview.inputs.files().count();
    let (result, info) = preview.render(laps, known, &mut |_, _| {});
    let lang = |root: &Path| crate::messages::site_lang(root, opts.lang);
    report(&shared, result, &info, lang(preview.root()));
    crate::outln!("{}", Msg::Serving { url: url.clone() }.render(lang(preview.root())));

    let (tx, rx) = std::sync::mpsc::channel();
    let root = preview.root().to_path_buf();
    let watcher = watch::watch(&root, tx).map_err(|e| {
        fail(Msg::CannotWatch {
            path: root.display().to_string(),
            error: e.to_string(),
        })
    })?;
    let flag = opts.lang;
    let sh = shared.clone();
    std::thread::spawn(move || {
        let _watcher = watcher;
        while let Some(changes) = watch::next_batch(&root, &rx) {
            let lang = crate::messages::site_lang(&root, flag);
            // The changed pages are served as soon as they are rendered, beside the previous
            // feeds, data and search index; those are swapped in when made, without a reload.
            let mut served_early = false;
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                preview.apply_early(&changes, &mut |files, info| {
                    crate::outln!(
                        "{}",
                        Msg::PagesServed {
                            summary: info.summary(lang)
                        }
                        .render(lang)
                    );
                    sh.publish(Some(files), &[], lang);
                    served_early = true;
                })
            }));
            match outcome {
                Ok((Outcome::Site(out), info)) if served_early => {
                    crate::outln!(
                        "{}",
                        Msg::Rebuilt {
                            summary: info.summary(lang)
                        }
                        .render(lang)
                    );
                    sh.replace_output(out);
                }
                Ok((result, info)) => report(&sh, result, &info, lang),
                Err(_) => {
                    // Never die on a bad file: start over from disk on the next change.
                    preview = Preview::new(preview.inputs.options().clone());
                    let d = Diagnostic::error(PathBuf::from("serve"), 0, 0, Msg::RebuildPanicked);
                    sh.publish(None, &[d], crate::messages::site_lang(&root, flag));
                }
            }
        }
    });

    if opts.open {
        open_browser(&url, crate::messages::site_lang(&opts.build.root, opts.lang));
    }
    http::serve(listener, shared, http::Limits::default())
        .map_err(|e| fail(Msg::ServerStopped { error: e.to_string() }))
}

fn report(shared: &Shared, result: Outcome, info: &Rebuild, lang: Lang) {
    match result {
        Outcome::Site(out) => {
            let summary = info.summary(lang);
            crate::outln!("{}", Msg::Rebuilt { summary }.render(lang));
            shared.publish(Some(out), &[], lang);
        }
        Outcome::Failed(errors) => {
            for d in &errors {
                crate::errprint!("{}", d.human(lang));
            }
            let n = errors.iter().filter(|d| d.is_error()).count();
            crate::errln!("{}", Msg::StillServing { errors: n }.render(lang));
            shared.publish(None, &errors, lang);
        }
    }
}

fn open_browser(url: &str, lang: Lang) {
    let cmd = if cfg!(target_os = "macos") {
        ("open", vec![url.to_string()])
    } else if cfg!(windows) {
        ("cmd", vec!["/C".into(), "start".into(), String::new(), url.to_string()])
    } else {
        ("xdg-open", vec![url.to_string()])
    };
    if std::process::Command::new(cmd.0).args(&cmd.1).spawn().is_err() {
        crate::errln!("{}", Msg::NoBrowser { url: url.to_string() }.render(lang));
    }
}
