//! The one driver, used by `build`, `check` and `serve` alike:
//!
//! ```text
//! load      Inputs: minutebook.yaml, the theme, every record file (front-matter, Markdown, structure)
//! structure Archive: the published records, newest first, with the registries in effect
//! listings  Listings: per unit, topic, series and year
//! pages     Job per page (path, template, context), from each kind's producer in crate::pages
//! render    each job through the theme; every one (build, check), or those whose input hash
//!           changed (serve)
//! site-wide feeds, open data, search index, theme files, syntax.css, sitemap and robots.txt
//! ```
//!
//! [`Inputs`] holds what was loaded; `serve` keeps it and reloads only what changed
//! ([`Inputs::reload_records`], [`Inputs::rescan`], [`Inputs::reload_theme`]). Problems are
//! collected, never dropped: every record's, then the theme's, all reported together.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::build::BuildOptions;
use crate::cache::records::{file_hash, RecordCache};
use crate::cache::PageCache;
use crate::config::Site;
use crate::content::{self, frontmatter, record};
use crate::diagnostics::{self, slashed, Diagnostic};
use crate::listing::{self, Listings};
use crate::markdown;
use crate::messages::Msg;
use crate::minutes::{self, UnitMatcher};
use crate::model::{record_url, Archive, Body, Record};
use crate::output::Sink;
use crate::pages::{Job, Pages};
use crate::render::{Renderer, Theme};
use crate::scratch::ScratchFile;
use crate::timing::{Step, ThreadTimes, Work};

/// Whether a record is published by a build with these options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    Published,
    Draft,
    Scheduled,
}

pub fn visibility(r: &Record, opts: &BuildOptions) -> Visibility {
    if r.meta.draft && !opts.drafts {
        Visibility::Draft
    } else if r.meta.publish_date.is_some_and(|d| d > opts.today) && !opts.future {
        Visibility::Scheduled
    } else {
        Visibility::Published
    }
}

/// Everything a build reads, as loaded: the configuration, the theme and each record file's
/// outcome (a record, or its problems).
pub struct Inputs {
    opts: BuildOptions,
    site: Result<(Site, UnitMatcher), Vec<Diagnostic>>,
    /// Not loaded while the configuration is broken.
    renderer: Option<Result<Renderer, Vec<Diagnostic>>>,
    /// Discovering content/ failed.
    discover: Option<Diagnostic>,
    /// The warning about symbolic links skipped under content/, if any.
    links: Option<Diagnostic>,
    records: BTreeMap<PathBuf, Result<Record, Vec<Diagnostic>>>,
    /// The record cache of a build that uses one ([`Inputs::load_with`]).
    record_cache: Option<RecordCache>,
    /// Why the record cache was not used, or not trusted.
    cache_warnings: Vec<Diagnostic>,
}

/// The published records, how many were left out, and the warnings of loading them.
pub struct Loaded {
    pub archive: Archive,
    pub drafts: usize,
    pub scheduled: usize,
    pub warnings: Vec<Diagnostic>,
}

impl Inputs {
    /// Read the configuration, the theme and every record.
    pub fn load(opts: &BuildOptions) -> Inputs {
        Inputs::load_with(opts, &ThreadTimes::default(), None, false)
    }

    /// [`Inputs::load`], counting the time of each kind of work in `times`. With `scratch`, each
    /// record's rendered body and section texts are appended to that file as soon as they are
    /// made and only their places are kept ([`Body::SetAside`]): a build holds no record's HTML
    /// or text in memory until its page or its search chunk needs them. With `record_cache`, a
    /// record whose file did not change since the last build is taken from the record cache
    /// ([`crate::cache::records`]); save it with [`Inputs::take_record_cache`] after the build.
    pub fn load_with(
        opts: &BuildOptions,
        times: &ThreadTimes,
        scratch: Option<&ScratchFile>,
        record_cache: bool,
    ) -> Inputs {
        let mut inputs = Inputs {
            opts: opts.clone(),
            site: Err(Vec::new()),
            renderer: None,
            discover: None,
            links: None,
            records: BTreeMap::new(),
            record_cache: None,
            cache_warnings: Vec::new(),
        };
        inputs.reload_site();
        inputs.reload_theme();
        if let (true, Ok((site, _))) = (record_cache, &inputs.site) {
            let (cache, warnings) = RecordCache::open(&opts.root, site);
            inputs.record_cache = cache;
            inputs.cache_warnings = warnings;
        }
        let files = inputs.content_files();
        inputs.load_records(files, times, scratch);
        inputs
    }

    pub fn options(&self) -> &BuildOptions {
        &self.opts
    }

    /// The configuration, when it loads.
    pub fn site(&self) -> Option<&Site> {
        self.site.as_ref().ok().map(|(s, _)| s)
    }

    /// The theme, when it loads.
    pub fn renderer(&self) -> Option<&Renderer> {
        self.renderer.as_ref().and_then(|r| r.as_ref().ok())
    }

    /// Every record file last seen under content/.
    pub fn files(&self) -> impl Iterator<Item = &PathBuf> {
        self.records.keys()
    }

    fn reload_site(&mut self) {
        self.site = Site::load(&self.opts.root).map(|mut site| {
            if let Some(b) = &self.opts.base_url {
                site.config.base_url = b.clone();
            }
            let matcher = UnitMatcher::new(&site.units);
            (site, matcher)
        });
    }

    /// Read everything again (after `minutebook.yaml` changed).
    pub fn reload_all(&mut self) {
        *self = Inputs::load(&self.opts);
    }

    /// Read the theme again (a template or static file changed).
    pub fn reload_theme(&mut self) {
        self.renderer = self.site().map(|site| Theme::load(site).and_then(Renderer::new));
    }

    /// Compare content/ with what is loaded: load new files, drop missing ones; returns how
    /// many files were read or dropped.
    pub fn rescan(&mut self) -> usize {
        let now: BTreeSet<PathBuf> = self.content_files().into_iter().collect();
        let known: BTreeSet<PathBuf> = self.records.keys().cloned().collect();
        let changed: BTreeSet<PathBuf> = now.symmetric_difference(&known).cloned().collect();
        self.reload_records(&changed)
    }

    /// Read these record files again (dropping those that are gone); returns how many.
    pub fn reload_records(&mut self, rels: &BTreeSet<PathBuf>) -> usize {
        let root = self.opts.root.clone();
        let (present, gone): (Vec<PathBuf>, Vec<PathBuf>) = rels.iter().cloned().partition(|r| root.join(r).is_file());
        for rel in &gone {
            self.records.remove(rel);
        }
        self.load_records(present, &ThreadTimes::default(), None);
        rels.len()
    }

    fn load_records(&mut self, rels: Vec<PathBuf>, times: &ThreadTimes, scratch: Option<&ScratchFile>) {
        let Ok((site, matcher)) = &self.site else {
            return;
        };
        let cache = self.record_cache.as_ref();
        let loaded: Vec<(PathBuf, Result<Record, Vec<Diagnostic>>)> = rels
            .into_par_iter()
            .map(|rel| {
                let r = match cache {
                    Some(c) => load_record_cached(site, matcher, &rel, times, c),
                    None => load_record_timed(site, matcher, &rel, times),
                };
                let r = r.and_then(|mut r| {
                    if let Some(f) = scratch {
                        r.set_aside(f).map_err(|e| {
                            vec![Diagnostic::error(
                                f.path(),
                                0,
                                0,
                                Msg::ScratchUnusable {
                                    path: crate::diagnostics::slashed(f.path()),
                                    error: e.to_string(),
                                },
                            )]
                        })?;
                    }
                    Ok(r)
                });
                (rel, r)
            })
            .collect();
        self.records.extend(loaded);
        if let Some(w) = cache.and_then(RecordCache::take_warning) {
            self.cache_warnings.push(w);
        }
    }

    /// The record cache this build used, to save once the build succeeded.
    pub fn take_record_cache(&mut self) -> Option<RecordCache> {
        self.record_cache.take()
    }

    /// Every problem of what is loaded, sorted: the configuration's alone when it does not load
    /// (nothing else can be read without it), else content/'s, every record's and the theme's.
    pub fn errors(&self) -> Vec<Diagnostic> {
        let mut diags = match &self.site {
            Err(d) => return d.clone(),
            Ok(_) => Vec::new(),
        };
        if let Some(d) = &self.discover {
            return vec![d.clone()];
        }
        for r in self.records.values() {
            if let Err(d) = r {
                diags.extend(d.iter().cloned());
            }
        }
        let published: Vec<&Record> = self.published().collect();
        diags.extend(unique_urls(&published));
        if let Some(Err(d)) = &self.renderer {
            diags.extend(d.iter().cloned());
        }
        diagnostics::sort(&mut diags);
        diags
    }

    fn published(&self) -> impl Iterator<Item = &Record> {
        self.records
            .values()
            .filter_map(|r| r.as_ref().ok())
            .filter(|r| visibility(r, &self.opts) == Visibility::Published)
    }

    /// The published records as an [`Archive`], moved out of the inputs (give them back with
    /// [`Inputs::give_back`]); `Err` holds every problem ([`Inputs::errors`]).
    pub fn take_archive(&mut self) -> Result<Loaded, Vec<Diagnostic>> {
        let errors = self.errors();
        if !errors.is_empty() {
            return Err(errors);
        }
        let Ok((site, _)) = &self.site else {
            unreachable!("no errors, so the configuration loaded")
        };
        let (mut drafts, mut scheduled) = (0, 0);
        let mut published = Vec::new();
        for r in self.records.values().flatten() {
            match visibility(r, &self.opts) {
                Visibility::Draft => drafts += 1,
                Visibility::Scheduled => scheduled += 1,
                Visibility::Published => published.push(r.rel.clone()),
            }
        }
        let records: Vec<Record> = published
            .iter()
            .filter_map(|rel| self.records.remove(rel)?.ok())
            .collect();
        // The follow-ups across records (crate::followups): duplicate directives, unknown IDs…,
        // found by the archive's tracker as it is built (once: building a second one only to
        // validate took as long again).
        let mut archive = Archive {
            today: Some(self.opts.today),
            ..Archive::new(site.clone(), records)
        };
        let mut errors = std::mem::take(&mut archive.followups.errors);
        let mut warnings: Vec<Diagnostic> = self.links.iter().cloned().collect();
        warnings.append(&mut self.cache_warnings);
        warnings.append(&mut archive.followups.warnings);
        if !errors.is_empty() {
            self.give_back(archive);
            diagnostics::sort(&mut errors);
            return Err(errors);
        }
        Ok(Loaded {
            archive,
            drafts,
            scheduled,
            warnings,
        })
    }

    /// Put the records of an archive made by [`Inputs::take_archive`] back.
    pub fn give_back(&mut self, archive: Archive) {
        for r in archive.records {
            self.records.insert(r.rel.clone(), Ok(r));
        }
    }

    /// The record files under content/; none (with the problem kept) when it cannot be read.
    fn content_files(&mut self) -> Vec<PathBuf> {
        match content::discover_all(&self.opts.root) {
            Ok((files, links)) => {
                self.discover = None;
                self.links = content::skipped_links(&links);
                files
            }
            Err(d) => {
                self.discover = Some(d);
                Vec::new()
            }
        }
    }
}

/// Two published records may not share a URL, nor URLs that differ only in letter case: on a
/// case-insensitive file system (macOS, Windows) one would overwrite the other's folder.
pub fn unique_urls(published: &[&Record]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut by_url: BTreeMap<String, &Record> = BTreeMap::new();
    for &r in published {
        if let Some(other) = by_url.insert(r.url.to_ascii_lowercase(), r) {
            let (first, second) = if other.rel < r.rel { (other, r) } else { (r, other) };
            let (first_path, second_path) = (slashed(&first.rel), slashed(&second.rel));
            let message = if first.url == second.url {
                Msg::SameUrl {
                    first: first_path,
                    second: second_path,
                    url: r.url.clone(),
                }
            } else {
                Msg::UrlsDifferInCase {
                    first: first_path,
                    second: second_path,
                    url: first.url.clone(),
                    other: second.url.clone(),
                }
            };
            diags.push(Diagnostic::error(&second.rel, 1, 1, message).with_help(Msg::HelpDifferentSlug));
        }
    }
    diags
}

/// Load one record: read, split, validate, render Markdown, read its structure.
pub fn load_record(site: &Site, matcher: &UnitMatcher, rel: &Path) -> Result<Record, Vec<Diagnostic>> {
    load_record_timed(site, matcher, rel, &ThreadTimes::default())
}

fn load_record_timed(
    site: &Site,
    matcher: &UnitMatcher,
    rel: &Path,
    times: &ThreadTimes,
) -> Result<Record, Vec<Diagnostic>> {
    let bytes = times.time(Work::Read, || read_record_file(&site.root, rel))?;
    load_record_bytes(site, matcher, rel, bytes, times)
}

/// The bytes of the record file `rel`.
fn read_record_file(root: &Path, rel: &Path) -> Result<Vec<u8>, Vec<Diagnostic>> {
    std::fs::read(root.join(rel)).map_err(|e| {
        vec![Diagnostic::error(
            rel,
            0,
            0,
            Msg::FileUnreadable { error: e.to_string() },
        )]
    })
}

/// [`load_record_timed`] with the record cache: the file is read and hashed, and the record taken
/// from the cache when it holds one for these bytes; else it is loaded and kept there.
fn load_record_cached(
    site: &Site,
    matcher: &UnitMatcher,
    rel: &Path,
    times: &ThreadTimes,
    cache: &RecordCache,
) -> Result<Record, Vec<Diagnostic>> {
    let bytes = times.time(Work::Read, || read_record_file(&site.root, rel))?;
    let hash = times.time(Work::RecordCache, || file_hash(&bytes));
    if let Some(mut r) = times.time(Work::RecordCache, || cache.get(&site.root, rel, &hash)) {
        r.meta.share_refs(site);
        return Ok(r);
    }
    let r = load_record_bytes(site, matcher, rel, bytes, times)?;
    times.time(Work::RecordCache, || cache.put(&hash, &r));
    Ok(r)
}

/// Load a record from its file's bytes: split, validate, render Markdown, read its structure.
fn load_record_bytes(
    site: &Site,
    matcher: &UnitMatcher,
    rel: &Path,
    bytes: Vec<u8>,
    times: &ThreadTimes,
) -> Result<Record, Vec<Diagnostic>> {
    let text = times.time(Work::Read, || content::utf8_text(rel, bytes).map_err(|d| vec![d]))?;
    let text = content::replace_controls(text);
    let at = Instant::now();
    let parsed = frontmatter::parse(&text).map_err(|e| {
        let mut d = Diagnostic::error(rel, e.line, e.column, e.message).with_source(&text);
        if let Some(h) = e.help {
            d = d.with_help(h);
        }
        vec![d]
    })?;
    let meta = record::validate(rel, &text, &parsed, site);
    times.add(Work::FrontMatter, at.elapsed());
    let units = &site.units;
    let at = Instant::now();
    let mut structure_time = std::time::Duration::ZERO;
    let (rendered, structure, mut diags) =
        minutes::read(rel, &text, parsed.body, parsed.body_line, units, matcher, &mut |d| {
            structure_time += d
        });
    times.add(Work::Markdown, at.elapsed().saturating_sub(structure_time));
    times.add(Work::Structure, structure_time);
    let meta = match meta {
        Ok(m) => m,
        Err(mut d) => {
            d.append(&mut diags);
            return Err(d);
        }
    };
    // Units named among the attendees (front-matter, shown on the page) are mentioned too.
    let mut structure = structure;
    structure.mention_in(meta.attendees.iter().map(String::as_str), matcher);
    if !diags.is_empty() {
        return Err(diags);
    }
    let url = record_url(&meta);
    // The archive stays loaded for the whole build: give back the room the buffers grew into.
    // The large ones are copied to fitting allocations: shrinking in place is a no-op for the
    // allocator while the buffer is at least half used, which kept a quarter more on average.
    let mut rendered = rendered;
    rendered.html = fitted(rendered.html);
    for s in &mut rendered.sections {
        s.text = fitted(std::mem::take(&mut s.text));
        // Only reading the structure (above) needs the blocks.
        s.blocks = Vec::new();
    }
    rendered.sections.shrink_to_fit();
    rendered.headings.shrink_to_fit();
    Ok(Record {
        rel: rel.to_path_buf(),
        url,
        meta,
        body: Body::InMemory { html: rendered.html },
        headings: rendered.headings,
        sections: rendered.sections,
        links: rendered.links,
        structure,
        has_code: rendered.has_code,
        body_line: parsed.body_line,
    })
}

/// `s` in an allocation of its length (when that saves something).
fn fitted(s: String) -> String {
    if s.capacity() - s.len() > 64 {
        s.as_str().to_owned()
    } else {
        s
    }
}

/// Render every page job of the archive, handing each page to `emit` with its job (in
/// parallel, as soon as it is rendered); returns the number of pages. `keep` says whether a job
/// whose input hash is given need not be rendered (`serve` keeps pages whose hash is unchanged);
/// such a job is handed over with no bytes.
pub fn render_pages(
    pages: &Pages,
    keep: &(dyn Fn(&Job, Option<u64>) -> bool + Sync),
    emit: &(dyn Fn(Job, Option<u64>, Option<Vec<u8>>) -> Result<(), Diagnostic> + Sync),
) -> Result<usize, Vec<Diagnostic>> {
    let batches = crate::pages::batches(pages);
    let results: Vec<Result<usize, Diagnostic>> = batches
        .par_iter()
        .map(|b| {
            let jobs = b()?;
            let n = jobs.len();
            for job in jobs {
                let hash = job.input_hash_with(Some(pages.shared_sums()));
                if keep(&job, hash) {
                    emit(job, hash, None)?;
                } else {
                    let bytes = job.render(pages.renderer)?;
                    emit(job, hash, Some(bytes))?;
                }
            }
            Ok(n)
        })
        .collect();
    let mut count = 0;
    let mut diags: Vec<Diagnostic> = Vec::new();
    for r in results {
        match r {
            Ok(n) => count += n,
            // A broken template fails the same way for many pages: report it once.
            Err(d) if !diags.contains(&d) => diags.push(d),
            Err(_) => {}
        }
    }
    if diags.is_empty() {
        Ok(count)
    } else {
        Err(diags)
    }
}

/// The site-wide files built from every record: feeds and open data (beside the pages, in a
/// build), then the search index, the theme's static files, syntax.css, the sitemap and
/// robots.txt. `pages` are the pages' output paths (the sitemap lists them).
pub struct SiteFiles<'a> {
    pub archive: &'a Archive,
    pub listings: &'a Listings,
    pub renderer: &'a Renderer,
    pub scratch: Option<&'a ScratchFile>,
    pub sink: &'a Sink,
}

impl SiteFiles<'_> {
    fn out_err(&self, e: crate::output::OutputError) -> Vec<Diagnostic> {
        vec![Diagnostic::error("output", 0, 0, e)]
    }

    /// Feeds and open data.
    pub fn feeds_and_data(&self) -> Result<(), Vec<Diagnostic>> {
        crate::feeds::add(self.archive, self.listings, self.sink)
            .and_then(|_| crate::opendata::add(self.archive, self.sink))
            .map_err(|e| self.out_err(e))
    }

    /// The search index.
    pub fn search(&self) -> Result<(), Vec<Diagnostic>> {
        crate::build::search_index(self.archive, self.scratch, self.sink)
    }

    /// The theme's files, syntax.css, and (last, as it lists the pages) the sitemap and robots.txt.
    pub fn assets(&self, pages: &BTreeSet<String>) -> Result<(), Vec<Diagnostic>> {
        let mut diags = Vec::new();
        for (name, bytes) in &self.renderer.theme().statics {
            if let Err(e) = self.sink.put(name.clone(), bytes.clone()) {
                diags.extend(self.out_err(e));
            }
        }
        // Each record's attachments, beside its page (their paths were checked when it loaded).
        for r in &self.archive.records {
            for a in &r.meta.attachments {
                let res = std::fs::read(self.archive.site.root.join(&a.source))
                    .map_err(|e| {
                        Diagnostic::error(
                            &r.rel,
                            0,
                            0,
                            Msg::AttachmentUnreadable {
                                file: a.source.clone(),
                                error: e.to_string(),
                            },
                        )
                    })
                    .and_then(|bytes| {
                        self.sink
                            .add(format!("{}{}", r.url, a.name), bytes)
                            .map_err(|e| Diagnostic::error(&r.rel, 0, 0, e))
                    });
                if let Err(d) = res {
                    diags.push(d);
                }
            }
        }
        if self.archive.records.iter().any(|r| r.has_code) {
            if let Err(e) = self.sink.put("syntax.css", markdown::highlight::stylesheet()) {
                diags.extend(self.out_err(e));
            }
        }
        let mut paths: BTreeSet<String> = self.sink.paths().into_iter().collect();
        paths.extend(pages.iter().cloned());
        let sitemap = crate::meta::sitemap(self.archive, self.listings, paths.iter().map(String::as_str));
        if let Err(e) = self
            .sink
            .add("sitemap.xml", sitemap)
            .and_then(|_| self.sink.add("robots.txt", crate::meta::robots(self.archive)))
        {
            diags.extend(self.out_err(e));
        }
        if diags.is_empty() {
            Ok(())
        } else {
            Err(diags)
        }
    }
}

/// Everything a build produces, into `sink`: the structure, listings, every page and the
/// site-wide files, with the steps' times in `steps`. With `cache`, a page whose inputs did not
/// change since the previous build is taken from its output instead of rendered. Returns the
/// number of pages.
pub fn render_all(
    archive: &Archive,
    renderer: &Renderer,
    scratch: Option<&ScratchFile>,
    cache: Option<&PageCache>,
    sink: &Sink,
    steps: &mut Vec<Step>,
) -> Result<usize, Vec<Diagnostic>> {
    let ms = |at: Instant| at.elapsed().as_secs_f64() * 1000.0;
    let at = Instant::now();
    let listings = listing::build(archive);
    steps.push(Step {
        name: "list",
        millis: ms(at),
    });
    let files = SiteFiles {
        archive,
        listings: &listings,
        renderer,
        scratch,
        sink,
    };
    let pages_step = || {
        let at = Instant::now();
        let r = Pages::new(archive, &listings, renderer).and_then(|p| {
            let p = match scratch {
                Some(f) => p.with_html_file(f),
                None => p,
            };
            // As in serve: a page whose inputs are those it was last made from is not rendered
            // again; here it is taken from the previous output (crate::cache).
            let keep = |job: &Job, hash: Option<u64>| cache.is_some_and(|c| c.keep(&job.path, hash));
            render_pages(&p, &keep, &|job, hash, bytes| match (bytes, cache) {
                (None, Some(c)) => c.reuse(&job.path, hash.expect("kept pages have a hash"), sink),
                (bytes, cache) => {
                    sink.add(job.path.clone(), bytes.unwrap_or_default())
                        .map_err(|e| Diagnostic::error(PathBuf::from(&job.path), 0, 0, e))?;
                    if let Some(c) = cache {
                        c.rendered(&job.path, hash);
                    }
                    Ok(())
                }
            })
        });
        (r, ms(at))
    };
    let extras_step = || {
        let at = Instant::now();
        (files.feeds_and_data(), ms(at))
    };
    // Pages and data side by side, then the search index: running the index alongside them
    // saved no time on two cores but held both working sets at once (≈200 MB more at 10,000
    // records).
    let ((pages, t_render), (extras, t_extras)) = rayon::join(pages_step, extras_step);
    steps.push(Step {
        name: "render",
        millis: t_render,
    });
    steps.push(Step {
        name: "feeds+data (beside render)",
        millis: t_extras,
    });
    let mut diags = Vec::new();
    let count = pages.unwrap_or_else(|d| {
        diags.extend(d);
        0
    });
    if let Err(d) = extras {
        diags.extend(d);
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    let at = Instant::now();
    files.search()?;
    steps.push(Step {
        name: "search",
        millis: ms(at),
    });
    let at = Instant::now();
    files.assets(&BTreeSet::new())?;
    steps.push(Step {
        name: "assets",
        millis: ms(at),
    });
    Ok(count)
}
