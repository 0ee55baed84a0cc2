//! The build: a list of named, timed steps — load (read, front-matter, Markdown, structure),
//! list (units, topics, series, years), render (pages), search (index), write (temporary folder,
//! then swap). Every problem of every record is collected and reported together; nothing is
//! written unless all steps succeed.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;

use crate::cache::records::RecordCache;
use crate::cache::PageCache;
use crate::config::Site;
use crate::diagnostics::Diagnostic;
use crate::messages::Msg;
use crate::minutes::UnitMatcher;
use crate::model::{Archive, Record};
use crate::output::{Output, Sink};
use crate::scratch::ScratchFile;

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
    /// Take unchanged pages from the previous output as the build cache describes them, and
    /// write the cache for the next build ([`crate::cache`]); false for `--no-cache`, which
    /// neither reads nor writes it.
    pub cache: bool,
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
            cache: true,
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
    /// Pages taken from the previous output by the build cache (the others were rendered).
    pub reused: usize,
    /// Records taken from the record cache (the others were loaded anew).
    pub cached_records: usize,
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
    /// The closing lines of a build, in `lang`.
    pub fn summary(&self, lang: crate::messages::Lang) -> String {
        use crate::messages::Msg;
        let steps = |steps: &[Step]| -> String {
            steps
                .iter()
                .map(|s| format!("{} {:.0} ms", s.name, s.millis))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut out = Msg::BuildSummary {
            records: self.records,
            pages: self.pages,
            reused: self.reused,
            files: self.files,
            megabytes: format!("{:.1}", self.bytes as f64 / 1e6),
            drafts: self.drafts,
            scheduled: self.scheduled,
        }
        .render(lang);
        out.push('\n');
        out.push_str(
            &Msg::Steps {
                steps: steps(&self.steps),
                total: format!("{:.0}", self.wall_millis),
            }
            .render(lang),
        );
        if !self.work.is_empty() {
            out.push('\n');
            out.push_str(
                &Msg::ThreadTime {
                    steps: steps(&self.work),
                }
                .render(lang),
            );
        }
        out
    }
}

pub use crate::site::{unique_urls, visibility, Loaded, Visibility};

/// Read the configuration and every record; validate all of it.
pub fn load(opts: &BuildOptions) -> Result<Loaded, Vec<Diagnostic>> {
    crate::site::Inputs::load(opts).take_archive()
}

/// Load one record: read, split, validate, render Markdown, read its structure.
pub fn load_record(site: &Site, matcher: &UnitMatcher, rel: &Path) -> Result<Record, Vec<Diagnostic>> {
    crate::site::load_record(site, matcher, rel)
}

/// Build the site in memory without writing it.
pub fn build_in_memory(opts: &BuildOptions) -> Result<(Output, Report), Vec<Diagnostic>> {
    let sink = Sink::memory();
    let (report, _) = build_into(opts, &sink, None)?;
    Ok((sink.into_output(), report))
}

/// The caches of a build, to save after the swap: the pages', and the records' when it was usable.
type Caches = (PageCache, Option<RecordCache>);

/// Load, list and render into `sink`; with `cache` (the output folder the build replaces), take
/// unchanged pages from it as the build cache says and return the cache to save after the swap.
fn build_into(
    opts: &BuildOptions,
    sink: &Sink,
    cache: Option<&Path>,
) -> Result<(Report, Option<Caches>), Vec<Diagnostic>> {
    let started = Instant::now();
    let mut t = Laps::new();
    let times = ThreadTimes::default();
    let scratch = match sink.scratch_dir() {
        Some(dir) => Some(ScratchFile::create(dir, ".minutebook-records").map_err(|e| {
            vec![Diagnostic::error(
                dir,
                0,
                0,
                Msg::ScratchUnusable {
                    path: crate::diagnostics::slashed(&dir.join(".minutebook-records")),
                    error: e.to_string(),
                },
            )]
        })?),
        None => None,
    };
    // The record cache beside the page cache, for a build that keeps one (into an output folder,
    // without --no-cache).
    let mut inputs = crate::site::Inputs::load_with(opts, &times, scratch.as_ref(), cache.is_some());
    t.lap("load");
    let record_cache = inputs.take_record_cache();
    let mut loaded = inputs.take_archive()?;
    let renderer = inputs.renderer().expect("no errors, so the theme loaded");
    t.lap("theme");
    let cache = cache.map(|output| {
        let (cache, warning) = PageCache::open(opts, renderer, output);
        loaded.warnings.extend(warning);
        cache
    });
    let mut steps = std::mem::take(&mut t.steps);
    // The records' HTML and texts wait in the scratch file until each record page, and each
    // chunk of the search index, reads its own.
    let pages = crate::site::render_all(
        &loaded.archive,
        renderer,
        scratch.as_ref(),
        cache.as_ref(),
        sink,
        &mut steps,
    )?;
    drop(scratch);
    let records = loaded.archive.records.len();
    times.add(Work::Templates, renderer.template_time());
    times.add(Work::Write, sink.write_time());
    // Free the archive on another thread: dropping 10,000 records takes a while.
    std::thread::spawn(move || drop(loaded.archive));
    let report = Report {
        records,
        drafts: loaded.drafts,
        scheduled: loaded.scheduled,
        pages,
        reused: cache.as_ref().map_or(0, PageCache::reused),
        cached_records: record_cache.as_ref().map_or(0, RecordCache::hits),
        files: sink.len() + 1,
        bytes: sink.total_bytes(),
        steps,
        wall_millis: started.elapsed().as_secs_f64() * 1000.0,
        work: times.steps(),
        warnings: loaded.warnings,
    };
    Ok((report, cache.map(|c| (c, record_cache))))
}

/// Build and write the site. Files go into a temporary folder beside the output as they are
/// rendered; only when everything succeeded does that folder replace the output. On any error the
/// temporary folder is removed and the previous output is left as it was.
pub fn build(opts: &BuildOptions) -> Result<Report, Vec<Diagnostic>> {
    let out_err = |e: crate::output::OutputError| vec![Diagnostic::error(&opts.output, 0, 0, e)];
    // Check the configuration first, so a broken site does not even create the temporary folder.
    Site::load(&opts.root)?;
    let tmp = crate::output::prepare(&opts.output, &opts.root).map_err(out_err)?;
    let sink = Sink::disk(tmp.clone());
    let output = std::path::absolute(&opts.output).unwrap_or_else(|_| opts.output.clone());
    let result = build_into(opts, &sink, opts.cache.then_some(output.as_path()));
    let (mut report, cache) = match result {
        Ok(r) => r,
        Err(d) => {
            crate::output::discard(&tmp);
            return Err(crate::output::without_repeats(d));
        }
    };
    let at = Instant::now();
    if let Err(e) = crate::output::swap(&tmp, &opts.output) {
        crate::output::discard(&tmp);
        return Err(out_err(e));
    }
    let swap = at.elapsed().as_secs_f64() * 1000.0;
    report.steps.push(Step {
        name: "swap",
        millis: swap,
    });
    report.wall_millis += swap;
    if let Some((cache, records)) = cache {
        let at = Instant::now();
        if let Err(w) = cache.save(&output) {
            report.warnings.push(w);
        }
        if let Some(Err(w)) = records.map(RecordCache::save) {
            report.warnings.push(w);
        }
        let millis = at.elapsed().as_secs_f64() * 1000.0;
        report.steps.push(Step { name: "cache", millis });
        report.wall_millis += millis;
    }
    Ok(report)
}

impl crate::search::IndexSink for Sink {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), String> {
        self.add(path, bytes).map_err(|e| e.to_string())
    }
    fn rename_dir(&self, from: &str, to: &str) -> Result<(), String> {
        Sink::rename_dir(self, from, to).map_err(|e| e.to_string())
    }
    fn remove_dir(&self, dir: &str) -> Result<(), String> {
        Sink::remove_dir(self, dir).map_err(|e| e.to_string())
    }
    fn scratch_dir(&self) -> Option<PathBuf> {
        Sink::scratch_dir(self).map(Path::to_path_buf)
    }
}

/// Writes the search index files, under `search/`, into `sink` as they are made. The records'
/// section texts are read a chunk at a time as the index needs them, from `texts` for records
/// that set them aside there ([`Record::set_texts_aside`]).
pub fn search_index(archive: &Archive, texts: Option<&ScratchFile>, sink: &Sink) -> Result<(), Vec<Diagnostic>> {
    crate::search::docs::write(archive, texts, sink).map_err(|e| {
        vec![Diagnostic::error(
            "search",
            0,
            0,
            Msg::SearchIndexFailed { error: e.to_string() },
        )]
    })
}
