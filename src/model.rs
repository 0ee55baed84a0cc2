//! The assembled archive: every loaded record (front-matter, rendered body, structure) and the
//! registries in effect. Built by `build`, read by `listing`, `render`, `search` and `check`; no I/O.

use std::path::PathBuf;

use crate::config::{Registry, RegistryEntry, Site};
use crate::content::record::Meta;
use crate::markdown::{Heading, Link, Section};
use crate::minutes::Structure;

#[derive(Debug, Clone)]
pub struct Record {
    /// Source file, relative to the site root.
    pub rel: PathBuf,
    pub meta: Meta,
    /// Site-relative URL path, e.g. `minutes/2024/executive-4/`.
    pub url: String,
    pub html: String,
    pub headings: Vec<Heading>,
    pub sections: Vec<Section>,
    pub links: Vec<Link>,
    pub structure: Structure,
    pub has_code: bool,
    /// 1-based line of the body's first line.
    pub body_line: usize,
}

impl Record {
    /// The plain text of the whole body.
    pub fn plain_text(&self) -> String {
        let mut s = String::new();
        for (i, sec) in self.sections.iter().enumerate() {
            if let Some(h) = sec.heading {
                s.push_str(&self.headings[h].text);
                s.push('\n');
            }
            s.push_str(&sec.text);
            if i + 1 < self.sections.len() {
                s.push('\n');
            }
        }
        s
    }

    /// The first `max_chars` characters of the body's text (headings included), on one line, for
    /// descriptions and feeds; the front-matter `summary` when there is one.
    pub fn excerpt(&self, max_chars: usize) -> String {
        if let Some(s) = &self.meta.summary {
            return s.clone();
        }
        let mut out = String::new();
        let mut n = 0;
        let mut push = |text: &str| -> bool {
            for c in text.chars() {
                if n == max_chars {
                    out.push('…');
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
        out.trim().to_string()
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
                .flat_map(|r| r.meta.units.iter().map(|u| (u.slug.clone(), u.name.clone())))
                .collect(),
        );
        let topics = fill(
            &site.topics,
            records
                .iter()
                .flat_map(|r| r.meta.topics.iter().map(|u| (u.slug.clone(), u.name.clone())))
                .collect(),
        );
        let series = fill(
            &site.series,
            records
                .iter()
                .map(|r| (r.meta.series.slug.clone(), r.meta.series.name.clone()))
                .collect(),
        );
        Archive {
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
