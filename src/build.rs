//! The build: a list of named, timed steps — load (read, front-matter, Markdown, structure),
//! list (units, topics, series, years), render (pages), search (index), write (temporary folder,
//! then swap). Every problem of every record is collected and reported together; nothing is
//! written unless all steps succeed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::config::Site;
use crate::content::{self, frontmatter, record};
use crate::diagnostics::{self, Diagnostic};
use crate::listing::{self, Listings};
use crate::markdown;
use crate::minutes::{self, UnitMatcher};
use crate::model::{record_url, Archive, Record};
use crate::output::{Output, Sink};
use crate::pages::Pages;
use crate::render::{Renderer, Theme};
use crate::scratch::ScratchFile;
use crate::search::{SearchDoc, SearchSection};
use std::borrow::Cow;

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Where the site is written; relative paths are relative to the current directory.
    pub output: PathBuf,
    pub drafts: bool,
    pub future: bool,
    pub base_url: Option<String>,
    /// Records whose publish_date is after this day are scheduled, not published.
    pub today: NaiveDate,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        BuildOptions {
            output: root.join("public"),
            root,
            drafts: false,
            future: false,
            base_url: None,
            today: chrono::Local::now().date_naive(),
        }
    }
}

pub use crate::timing::Step;
use crate::timing::{Laps, ThreadTimes, Work};

/// What a build did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub records: usize,
    pub drafts: usize,
    pub scheduled: usize,
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    pub steps: Vec<Step>,
    /// Wall time of the whole build.
    pub wall_millis: f64,
    /// Time per kind of work summed over threads (see [`ThreadTimes`]).
    pub work: Vec<Step>,
    /// Warnings and suggestions (errors fail the build instead).
    pub warnings: Vec<Diagnostic>,
}

impl Report {
    pub fn summary(&self) -> String {
        let steps: Vec<String> = self
            .steps
            .iter()
            .map(|s| format!("{} {:.0} ms", s.name, s.millis))
            .collect();
        let mut out = format!(
            "{} records, {} pages, {} files ({:.1} MB); {} drafts and {} scheduled records left out\n{} — total {:.0} ms",
            self.records,
            self.pages,
            self.files,
            self.bytes as f64 / 1e6,
            self.drafts,
            self.scheduled,
            steps.join(", "),
            self.wall_millis
        );
        if !self.work.is_empty() {
            let work: Vec<String> = self
                .work
                .iter()
                .map(|s| format!("{} {:.0} ms", s.name, s.millis))
                .collect();
            out.push_str(&format!("\nthread time (summed over threads): {}", work.join(", ")));
        }
        out
    }
}

/// A record loaded from disk, with whether it is published.
pub struct Loaded {
    pub archive: Archive,
    pub drafts: usize,
    pub scheduled: usize,
    pub warnings: Vec<Diagnostic>,
}

/// Read the configuration and every record; validate all of it.
pub fn load(opts: &BuildOptions) -> Result<Loaded, Vec<Diagnostic>> {
    load_into(opts, &ThreadTimes::default(), None)
}

/// [`load`], counting the time of each kind of work in `times`. With `scratch`, each record's
/// rendered body and section texts are appended to that file as soon as they are made and only
/// their places are kept ([`Record::html_at`], [`Record::set_texts_aside`]): a build holds no
/// record's HTML or text in memory until its page or its search chunk needs them.
pub fn load_into(
    opts: &BuildOptions,
    times: &ThreadTimes,
    scratch: Option<&ScratchFile>,
) -> Result<Loaded, Vec<Diagnostic>> {
    let mut site = Site::load(&opts.root)?;
    if let Some(b) = &opts.base_url {
        site.config.base_url = b.clone();
    }
    let files = content::discover(&opts.root).map_err(|d| vec![d])?;
    let matcher = UnitMatcher::new(&site.units);
    let results: Vec<Result<Record, Vec<Diagnostic>>> = files
        .par_iter()
        .map(|rel| {
            let mut r = load_record_timed(&site, &matcher, rel, times)?;
            if let Some(f) = scratch {
                let err = |e: std::io::Error| vec![Diagnostic::error(f.path(), 0, 0, e.to_string())];
                let at = f.append(r.html.as_bytes()).map_err(err)?;
                r.html_at = Some((at, r.html.len()));
                r.html = String::new();
                r.set_texts_aside(f).map_err(err)?;
            }
            Ok(r)
        })
        .collect();
    let mut diags = Vec::new();
    let mut all = Vec::new();
    let mut warnings = Vec::new();
    for r in results {
        match r {
            Ok(rec) => all.push(rec),
            Err(d) => diags.extend(d),
        }
    }
    let (mut drafts, mut scheduled) = (0, 0);
    let mut published = Vec::new();
    for r in all {
        match visibility(&r, opts) {
            Visibility::Draft => drafts += 1,
            Visibility::Scheduled => scheduled += 1,
            Visibility::Published => published.push(r),
        }
    }
    diags.extend(unique_urls(&published));
    if diags.is_empty() {
        crate::followups::validate(&published, &mut diags, &mut warnings);
    }
    if !diags.is_empty() {
        diagnostics::sort(&mut diags);
        return Err(diags);
    }
    diagnostics::sort(&mut warnings);
    Ok(Loaded {
        archive: Archive::new(site, published),
        drafts,
        scheduled,
        warnings,
    })
}

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

/// Two published records may not share a URL, nor URLs that differ only in letter case: on a
/// case-insensitive file system (macOS, Windows) one would overwrite the other's folder.
pub fn unique_urls(published: &[Record]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut by_url: BTreeMap<String, &Record> = BTreeMap::new();
    for r in published {
        if let Some(other) = by_url.insert(r.url.to_ascii_lowercase(), r) {
            let (first, second) = if other.rel < r.rel { (other, r) } else { (r, other) };
            let message = if first.url == second.url {
                format!(
                    "`{}` and `{}` would both be published at /{}",
                    first.rel.display(),
                    second.rel.display(),
                    r.url
                )
            } else {
                format!(
                    "`{}` and `{}` would be published at /{} and /{}, which differ only in letter case: \
                     on a case-insensitive file system (macOS, Windows) one would overwrite the other",
                    first.rel.display(),
                    second.rel.display(),
                    first.url,
                    second.url
                )
            };
            diags.push(
                Diagnostic::error(&second.rel, 1, 1, message)
                    .with_help("give one of them a different `slug` (or `number`) in its front-matter"),
            );
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
    let text = times.time(Work::Read, || content::read_utf8(&site.root, rel).map_err(|d| vec![d]))?;
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
    let rendered = times.time(Work::Markdown, || {
        markdown::render(parsed.body, parsed.body_line, &|h| minutes::preferred_id(h, units))
    });
    let (structure, mut diags) = times.time(Work::Structure, || {
        minutes::analyse(rel, &text, &rendered, units, matcher)
    });
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
        html: rendered.html,
        html_at: None,
        texts_at: None,
        lead: None,
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

/// Everything a build produces, in memory (for `serve` and `check`).
pub fn render_site(
    archive: &Archive,
    renderer: &Renderer,
    listings: &Listings,
    timer: Option<&mut Vec<Step>>,
) -> Result<(Output, usize), Vec<Diagnostic>> {
    let sink = Sink::memory();
    let mut steps = Vec::new();
    let pages = render_pages_and_data(archive, None, renderer, listings, &sink, &mut steps)?;
    index_and_finish(archive, None, renderer, listings, &sink, &mut steps)?;
    if let Some(t) = timer {
        t.extend(steps);
    }
    Ok((sink.into_output(), pages))
}

/// Render the pages, feeds and open data into `sink` (every file goes to the sink as soon as it
/// is made); returns the number of pages. The search index and the site-wide files follow in
/// [`index_and_finish`]. Record pages read HTML set aside at load from `scratch` (see
/// [`load_into`]).
fn render_pages_and_data(
    archive: &Archive,
    scratch: Option<&ScratchFile>,
    renderer: &Renderer,
    listings: &Listings,
    sink: &Sink,
    steps: &mut Vec<Step>,
) -> Result<usize, Vec<Diagnostic>> {
    let ms = |at: Instant| at.elapsed().as_secs_f64() * 1000.0;
    let to_diag = |e: crate::output::OutputError| vec![Diagnostic::error("output", 0, 0, e.to_string())];
    let pages_step = || {
        let at = Instant::now();
        let pages = match Pages::new(archive, listings, renderer) {
            Ok(p) => match scratch {
                Some(f) => p.with_html_file(f),
                None => p,
            },
            Err(d) => return (Err(d), ms(at)),
        };
        let r = pages.each(&|batch| {
            for (path, html) in batch {
                sink.add(path.clone(), html)
                    .map_err(|e| Diagnostic::error(PathBuf::from(path), 0, 0, e.to_string()))?;
            }
            Ok(())
        });
        (r, ms(at))
    };
    let extras_step = || {
        let at = Instant::now();
        let r = crate::feeds::add(archive, listings, sink)
            .and_then(|_| crate::opendata::add(archive, sink))
            .map_err(to_diag);
        (r, ms(at))
    };
    // Pages and data side by side, then (in `index_and_finish`) the search index: running the
    // index alongside them saved no time on two cores but held both working sets at once
    // (≈200 MB more at 10,000 records).
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
    let page_count = pages.unwrap_or_else(|d| {
        diags.extend(d);
        0
    });
    if let Err(d) = extras {
        diags.extend(d);
    }
    if diags.is_empty() {
        Ok(page_count)
    } else {
        Err(diags)
    }
}

/// Write the search index, the theme's static files, the sitemap and robots.txt into `sink`
/// (section texts set aside at load read from `scratch`, see [`search_index`]).
fn index_and_finish(
    archive: &Archive,
    scratch: Option<&ScratchFile>,
    renderer: &Renderer,
    listings: &Listings,
    sink: &Sink,
    steps: &mut Vec<Step>,
) -> Result<(), Vec<Diagnostic>> {
    let ms = |at: Instant| at.elapsed().as_secs_f64() * 1000.0;
    let at = Instant::now();
    let search = search_index(archive, scratch, sink);
    steps.push(Step {
        name: "search",
        millis: ms(at),
    });
    let at = Instant::now();
    let mut diags = Vec::new();
    if let Err(d) = search {
        diags.extend(d);
    }
    for (name, bytes) in &renderer.theme().statics {
        if let Err(e) = sink.put(name.clone(), bytes.clone()) {
            diags.push(Diagnostic::error(PathBuf::from(name), 0, 0, e.to_string()));
        }
    }
    if archive.records.iter().any(|r| r.has_code) {
        let _ = sink.put("syntax.css", markdown::highlight::stylesheet());
    }
    // The sitemap lists the pages, so it comes last.
    let paths = sink.paths();
    let sitemap = crate::meta::sitemap(archive, listings, paths.iter().map(String::as_str));
    if let Err(e) = sink
        .add("sitemap.xml", sitemap)
        .and_then(|_| sink.add("robots.txt", crate::meta::robots(archive)))
    {
        diags.push(Diagnostic::error("sitemap.xml", 0, 0, e.to_string()));
    }
    steps.push(Step {
        name: "assets",
        millis: ms(at),
    });
    if diags.is_empty() {
        Ok(())
    } else {
        Err(diags)
    }
}

/// Load the theme once (serve keeps it between rebuilds).
pub fn load_renderer(site: &Site) -> Result<Renderer, Vec<Diagnostic>> {
    Renderer::new(Theme::load(site)?)
}

/// Build the site in memory without writing it.
pub fn build_in_memory(opts: &BuildOptions) -> Result<(Output, Report), Vec<Diagnostic>> {
    let sink = Sink::memory();
    let report = build_into(opts, &sink)?;
    Ok((sink.into_output(), report))
}

/// Load, list and render into `sink`.
fn build_into(opts: &BuildOptions, sink: &Sink) -> Result<Report, Vec<Diagnostic>> {
    let started = Instant::now();
    let mut t = Laps::new();
    let times = ThreadTimes::default();
    let scratch = match sink.scratch_dir() {
        Some(dir) => Some(
            ScratchFile::create(dir, ".minutebook-records")
                .map_err(|e| vec![Diagnostic::error(dir, 0, 0, e.to_string())])?,
        ),
        None => None,
    };
    let loaded = load_into(opts, &times, scratch.as_ref());
    t.lap("load");
    let loaded = loaded?;
    let renderer = load_renderer(&loaded.archive.site)?;
    t.lap("theme");
    let listings = listing::build(&loaded.archive);
    t.lap("list");
    let mut steps = std::mem::take(&mut t.steps);
    // The records' HTML and texts wait in the scratch file until each record page, and each
    // chunk of the search index, reads its own.
    let (a, s) = (&loaded.archive, scratch.as_ref());
    let pages = render_pages_and_data(a, s, &renderer, &listings, sink, &mut steps)?;
    index_and_finish(a, s, &renderer, &listings, sink, &mut steps)?;
    drop(scratch);
    let records = loaded.archive.records.len();
    times.add(Work::Templates, renderer.template_time());
    times.add(Work::Write, sink.write_time());
    // Free the archive on another thread: dropping 10,000 records takes a while.
    std::thread::spawn(move || drop(loaded.archive));
    Ok(Report {
        records,
        drafts: loaded.drafts,
        scheduled: loaded.scheduled,
        pages,
        files: sink.len() + 1,
        bytes: sink.total_bytes(),
        steps,
        wall_millis: started.elapsed().as_secs_f64() * 1000.0,
        work: times.steps(),
        warnings: loaded.warnings,
    })
}

/// Build and write the site. Files go into a temporary folder beside the output as they are
/// rendered; only when everything succeeded does that folder replace the output. On any error the
/// temporary folder is removed and the previous output is left as it was.
pub fn build(opts: &BuildOptions) -> Result<Report, Vec<Diagnostic>> {
    let out_err = |e: crate::output::OutputError| vec![Diagnostic::error(&opts.output, 0, 0, e.to_string())];
    // Check the configuration first, so a broken site does not even create the temporary folder.
    Site::load(&opts.root)?;
    let tmp = crate::output::prepare(&opts.output, &opts.root).map_err(out_err)?;
    let sink = Sink::disk(tmp.clone());
    let result = build_into(opts, &sink);
    let mut report = match result {
        Ok(r) => r,
        Err(d) => {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(d);
        }
    };
    let at = Instant::now();
    if let Err(e) = crate::output::swap(&tmp, &opts.output) {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(out_err(e));
    }
    let swap = at.elapsed().as_secs_f64() * 1000.0;
    report.steps.push(Step {
        name: "swap",
        millis: swap,
    });
    report.wall_millis += swap;
    Ok(report)
}

/// The facts of a record's front-matter that its page shows and readers search for (location,
/// chair, recorder, attendees), one per line with the page's labels, e.g. "主席：黃部長彥男".
fn search_facts(r: &Record, t: &BTreeMap<&str, &str>) -> String {
    let m = &r.meta;
    let attendees = m.attendees.join(t["list_sep"]);
    let facts = [
        ("location", m.location.as_deref()),
        ("chair", m.chair.as_deref()),
        ("recorder", m.recorder.as_deref()),
        ("attendees", (!attendees.is_empty()).then_some(attendees.as_str())),
    ];
    let mut out = String::new();
    for (label, value) in facts {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            out.push_str(t[label]);
            out.push_str(t["colon"]);
            out.push_str(v);
            out.push('\n');
        }
    }
    out
}

/// The sections of a record as the search indexer reads them, from its section texts `texts` (in
/// section order): a lead section, then one section per heading of level 1–3 (deeper headings and
/// their text belong to the section above them), so a hit links to the agenda item or unit report
/// it is in. `facts` ([`search_facts`]) open the lead section.
fn search_sections<'a>(r: &'a Record, texts: Vec<Cow<'a, str>>, facts: String) -> Vec<SearchSection<'a>> {
    let mut sections: Vec<SearchSection> = Vec::new();
    if !facts.is_empty() {
        sections.push(SearchSection {
            anchor: Cow::Borrowed(""),
            heading: Cow::Borrowed(""),
            text: Cow::Owned(facts),
        });
    }
    for (sec, text) in r.sections.iter().zip(texts) {
        let heading = sec.heading.map(|h| &r.headings[h]);
        match heading {
            Some(h) if h.level > 3 && !sections.is_empty() => {
                let last = sections.last_mut().expect("not empty");
                for part in [h.text.as_str(), text.as_ref()] {
                    if !part.is_empty() {
                        let t = last.text.to_mut();
                        if !t.is_empty() {
                            t.push('\n');
                        }
                        t.push_str(part);
                    }
                }
            }
            // The body's lead part joins the facts' lead section.
            None if sections.len() == 1 && sections[0].anchor.is_empty() && sections[0].heading.is_empty() => {
                let t = sections[0].text.to_mut();
                t.push_str(&text);
            }
            _ => sections.push(SearchSection {
                anchor: heading.map_or(Cow::Borrowed(""), |h| Cow::Borrowed(&h.id)),
                heading: heading.map_or(Cow::Borrowed(""), |h| Cow::Borrowed(&h.text)),
                text,
            }),
        }
    }
    sections
}

/// The records as the search indexer reads them, newest first, without their sections (which
/// [`search_index`] gives them a chunk at a time).
fn search_docs(archive: &Archive) -> Vec<SearchDoc<'_>> {
    use chrono::Datelike;
    let root = archive.site.root_path();
    archive
        .records
        .par_iter()
        .map(|r| {
            let mut units: Vec<String> = r.meta.units.iter().map(|u| u.slug.clone()).collect();
            units.extend(r.structure.agenda.iter().flat_map(|a| a.units.iter().cloned()));
            units.extend(r.structure.reports.iter().map(|rep| rep.unit.clone()));
            units.sort();
            units.dedup();
            SearchDoc {
                url: format!("{root}{}", r.url),
                title: r.meta.title.clone(),
                date: r.meta.date.to_string(),
                date_roc: crate::minutes::calendar::format_roc(r.meta.date),
                series: r.meta.series.slug.clone(),
                year: r.meta.date.year(),
                units,
                topics: r.meta.topics.iter().map(|t| t.slug.clone()).collect(),
                sections: Vec::new(),
            }
        })
        .collect()
}

impl crate::search::IndexSink for Sink {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), String> {
        self.add(path, bytes).map_err(|e| e.to_string())
    }
    fn rename_dir(&self, from: &str, to: &str) -> Result<(), String> {
        Sink::rename_dir(self, from, to).map_err(|e| e.to_string())
    }
    fn scratch_dir(&self) -> Option<PathBuf> {
        Sink::scratch_dir(self).map(Path::to_path_buf)
    }
}

/// Writes the search index files, under `search/`, into `sink` as they are made. The records'
/// section texts are read a chunk at a time as the index needs them, from `texts` for records
/// that set them aside there ([`Record::set_texts_aside`]).
pub fn search_index<'a>(archive: &'a Archive, texts: Option<&ScratchFile>, sink: &Sink) -> Result<(), Vec<Diagnostic>> {
    let docs = search_docs(archive);
    let t = crate::render::i18n::strings(&archive.site.config.language);
    let fill = |first: usize, docs: &mut [SearchDoc<'a>]| -> Result<(), String> {
        for (r, d) in archive.records[first..].iter().zip(docs.iter_mut()) {
            let texts = r.section_texts(texts).map_err(|e| e.to_string())?;
            d.sections = search_sections(r, texts, search_facts(r, &t));
        }
        Ok(())
    };
    crate::search::write_index(docs, Some(&fill), sink)
        .map_err(|e| vec![Diagnostic::error("search", 0, 0, e.to_string())])
}
