//! The assembled archive: every loaded record (front-matter, rendered body, structure) and the
//! registries in effect. Built by `build`, read by `listing`, `render`, `search` and `check`; no I/O.

use std::path::PathBuf;

use crate::config::{Registry, RegistryEntry, Site};
use crate::content::record::Meta;
use crate::markdown::{Heading, Link, Section};
use crate::minutes::Structure;
use crate::scratch::ScratchFile;

/// The longest excerpt ([`Record::excerpt`]) a record gives, in characters.
pub const LEAD_CHARS: usize = 200;

#[derive(Debug, Clone)]
pub struct Record {
    /// Source file, relative to the site root.
    pub rel: PathBuf,
    pub meta: Meta,
    /// Site-relative URL path, e.g. `minutes/2024/executive-4/`.
    pub url: String,
    /// The rendered body and the section texts: in memory, or set aside in a build's scratch
    /// file. Read them with [`Record::html`] and [`Record::section_texts`].
    pub body: Body,
    pub headings: Vec<Heading>,
    pub sections: Vec<Section>,
    pub links: Vec<Link>,
    pub structure: Structure,
    pub has_code: bool,
    /// 1-based line of the body's first line.
    pub body_line: usize,
}

/// Where a record's rendered body and section texts are.
#[derive(Debug, Clone)]
pub enum Body {
    /// In memory: the HTML here, each section's text in its `sections[i].text`.
    InMemory { html: String },
    /// Set aside by a build in its scratch file ([`Record::set_aside`]), as (offset, length) of
    /// the HTML and of the section texts; every `sections[i].text` is empty.
    SetAside {
        html: (u64, usize),
        texts: (u64, usize),
        /// The first [`LEAD_CHARS`] + 1 characters of the body as [`Record::excerpt`] reads it.
        lead: String,
    },
}

/// A record's body could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    #[error("{}: the rendered body was set aside in a scratch file, but none was given to read it from", .0.display())]
    NoScratchFile(PathBuf),
    #[error("{}: cannot read the rendered body back from {}: {source}", .rel.display(), .scratch.display())]
    Read {
        rel: PathBuf,
        scratch: PathBuf,
        source: std::io::Error,
    },
}

impl BodyError {
    /// The error as a message of the catalogue.
    pub fn msg(&self) -> crate::messages::Msg {
        use crate::messages::Msg;
        match self {
            BodyError::NoScratchFile(_) => Msg::NoScratchFile,
            BodyError::Read { scratch, source, .. } => Msg::BodyUnreadable {
                scratch: crate::diagnostics::slashed(scratch),
                error: source.to_string(),
            },
        }
    }
}

impl Record {
    /// The rendered body: borrowed, or read from `file` when it was set aside there. An error,
    /// never an empty body, when it was set aside and `file` is not given.
    pub fn html(&self, file: Option<&ScratchFile>) -> Result<std::borrow::Cow<'_, str>, BodyError> {
        match &self.body {
            Body::InMemory { html } => Ok(std::borrow::Cow::Borrowed(html)),
            Body::SetAside { html: (at, len), .. } => {
                let file = file.ok_or_else(|| BodyError::NoScratchFile(self.rel.clone()))?;
                let bytes = file.read(*at, *len).map_err(|e| self.read_error(file, e))?;
                crate::text::utf8_string(bytes)
                    .map(std::borrow::Cow::Owned)
                    .map_err(|e| self.read_error(file, std::io::Error::other(e)))
            }
        }
    }

    fn read_error(&self, file: &ScratchFile, source: std::io::Error) -> BodyError {
        BodyError::Read {
            rel: self.rel.clone(),
            scratch: file.path().to_path_buf(),
            source,
        }
    }

    /// The first `max_chars` (at most [`LEAD_CHARS`]) characters of the body's text (headings
    /// included), on one line, for descriptions and feeds; the front-matter `summary` when there
    /// is one.
    pub fn excerpt(&self, max_chars: usize) -> String {
        if let Some(s) = &self.meta.summary {
            return s.clone();
        }
        assert!(max_chars <= LEAD_CHARS, "excerpts are at most {LEAD_CHARS} characters");
        let flat = match &self.body {
            Body::SetAside { lead, .. } => std::borrow::Cow::Borrowed(lead.as_str()),
            Body::InMemory { .. } => std::borrow::Cow::Owned(self.flat_text(max_chars + 1)),
        };
        let mut out: String = flat.chars().take(max_chars).collect();
        if flat.chars().nth(max_chars).is_some() {
            out.push('…');
        }
        out.trim().to_string()
    }

    /// The first `max_chars` characters of the body's text on one line: the sections' headings
    /// and texts, each followed by a space (tabs and line breaks become spaces).
    fn flat_text(&self, max_chars: usize) -> String {
        let mut out = String::new();
        let mut n = 0;
        let mut push = |text: &str| -> bool {
            for c in text.chars() {
                if n == max_chars {
                    return false;
                }
                out.push(if c == '\n' || c == '\t' { ' ' } else { c });
                n += 1;
            }
            true
        };
        for (i, sec) in self.sections.iter().enumerate() {
            let sep = if i > 0 { " " } else { "" };
            let heading = sec.heading.map(|h| self.headings[h].text.as_str()).unwrap_or("");
            if !push(sep) || !push(heading) || (!heading.is_empty() && !push(" ")) || !push(&sec.text) {
                break;
            }
        }
        out
    }

    /// Moves the rendered body and the section texts to `file` ([`Body::SetAside`]), keeping
    /// the lead the excerpts need. Each text is stored as its length (4 bytes, little-endian) and
    /// its bytes. A no-op when they are set aside already.
    pub fn set_aside(&mut self, file: &ScratchFile) -> std::io::Result<()> {
        let Body::InMemory { html } = &self.body else {
            return Ok(());
        };
        let html = (file.append(html.as_bytes())?, html.len());
        let mut blob = Vec::with_capacity(self.sections.iter().map(|s| s.text.len() + 4).sum());
        for s in &self.sections {
            let len = u32::try_from(s.text.len()).map_err(std::io::Error::other)?;
            blob.extend_from_slice(&len.to_le_bytes());
            blob.extend_from_slice(s.text.as_bytes());
        }
        // In an allocation of its length: built a character at a time, it had room for twice.
        let lead = self.flat_text(LEAD_CHARS + 1).as_str().to_owned();
        let texts = (file.append(&blob)?, blob.len());
        for s in &mut self.sections {
            s.text = String::new();
        }
        self.body = Body::SetAside { html, texts, lead };
        Ok(())
    }

    /// The section texts, in section order: borrowed, or read from `file` when they were set
    /// aside there ([`Record::set_aside`]); an error when they were and `file` is not given.
    pub fn section_texts(&self, file: Option<&ScratchFile>) -> Result<Vec<std::borrow::Cow<'_, str>>, BodyError> {
        let (at, len) = match &self.body {
            Body::InMemory { .. } => {
                return Ok(self
                    .sections
                    .iter()
                    .map(|s| std::borrow::Cow::Borrowed(s.text.as_str()))
                    .collect())
            }
            Body::SetAside { texts, .. } => *texts,
        };
        let file = file.ok_or_else(|| BodyError::NoScratchFile(self.rel.clone()))?;
        let blob = file.read(at, len).map_err(|e| self.read_error(file, e))?;
        let mut out = Vec::with_capacity(self.sections.len());
        let mut i = 0;
        while i < blob.len() {
            let n = u32::from_le_bytes(blob[i..i + 4].try_into().expect("4 bytes")) as usize;
            let text = crate::text::utf8_str(&blob[i + 4..i + 4 + n])
                .map_err(|e| self.read_error(file, std::io::Error::other(e)))?;
            out.push(std::borrow::Cow::Owned(text.to_string()));
            i += 4 + n;
        }
        Ok(out)
    }
}

/// All published records, newest first, with the registries in effect.
#[derive(Debug, Clone)]
pub struct Archive {
    pub site: Site,
    pub records: Vec<Record>,
    pub units: Registry,
    pub topics: Registry,
    pub series: Registry,
    /// The directives of the records and their updates ([`crate::followups`]).
    pub followups: crate::followups::Tracker,
    /// The build's today, when it publishes records by `publish_date`: a record whose day is
    /// later is in the archive only because the build asked for scheduled records (`--future`),
    /// and its pages say so.
    pub today: Option<chrono::NaiveDate>,
}

impl Archive {
    /// Order records newest first (date, then meeting number: 第6次 before 第5次 on one day, then
    /// URL, so the order never depends on the file system) and fill registries a site did not
    /// configure from the names records use. Every listing, the series' previous and next links,
    /// feeds, open data and the search index's record ids follow this order.
    pub fn new(site: Site, mut records: Vec<Record>) -> Archive {
        records.sort_by(|a, b| {
            (b.meta.date.cmp(&a.meta.date))
                .then_with(|| b.meta.number.cmp(&a.meta.number))
                .then_with(|| a.url.cmp(&b.url))
        });
        let fill = |configured: &Registry, names: Vec<(String, String)>| -> Registry {
            if !configured.is_empty() {
                return configured.clone();
            }
            let mut entries: Vec<RegistryEntry> = names
                .into_iter()
                .map(|(slug, name)| RegistryEntry {
                    name,
                    slug,
                    aliases: Vec::new(),
                    en: None,
                })
                .collect();
            entries.sort_by(|a, b| a.slug.cmp(&b.slug));
            entries.dedup_by(|a, b| a.slug == b.slug);
            Registry::new(entries)
        };
        let units = fill(
            &site.units,
            records
                .iter()
                .flat_map(|r| r.meta.units.iter().map(|u| (u.slug.to_string(), u.name.to_string())))
                .collect(),
        );
        let topics = fill(
            &site.topics,
            records
                .iter()
                .flat_map(|r| r.meta.topics.iter().map(|u| (u.slug.to_string(), u.name.to_string())))
                .collect(),
        );
        let series = fill(
            &site.series,
            records
                .iter()
                .map(|r| (r.meta.series.slug.to_string(), r.meta.series.name.to_string()))
                .collect(),
        );
        Archive {
            today: None,
            followups: crate::followups::Tracker::new(&records),
            site,
            records,
            units,
            topics,
            series,
        }
    }
}

/// Where a record is published: `minutes/<year>/<slug>/`.
pub fn record_url(meta: &Meta) -> String {
    use chrono::Datelike;
    format!("minutes/{}/{}/", meta.date.year(), meta.slug)
}

/// A site-relative output path for a URL path (`a/b/` → `a/b/index.html`).
pub fn page_file(url: &str) -> PathBuf {
    let mut p = PathBuf::from(url.trim_start_matches('/'));
    if url.is_empty() || url.ends_with('/') {
        p.push("index.html");
    }
    p
}
