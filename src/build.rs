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
use crate::diagnostics::Diagnostic;
use crate::minutes::UnitMatcher;
use crate::model::{Archive, Record};
use crate::output::{Output, Sink};
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
    let mut inputs = crate::site::Inputs::load_with(opts, &times, scratch.as_ref());
    t.lap("load");
    let loaded = inputs.take_archive()?;
    let renderer = inputs.renderer().expect("no errors, so the theme loaded");
    t.lap("theme");
    let mut steps = std::mem::take(&mut t.steps);
    // The records' HTML and texts wait in the scratch file until each record page, and each
    // chunk of the search index, reads its own.
    let pages = crate::site::render_all(&loaded.archive, renderer, scratch.as_ref(), sink, &mut steps)?;
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
