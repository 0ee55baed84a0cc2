//! The records (and the directives of their follow-ups) as the search indexes them: which texts of a record are searched (its title,
//! headings, section texts and the front-matter facts its page shows) and how they are cut into
//! separate texts. A match never spans two texts: the facts are one text each, and in a section's
//! text every block (paragraph, list item, table row, a code block's line) ends at a `\n` and every
//! table cell at a `\t`, which the indexer reads as text boundaries ([`super::fold::fold_texts_into`]).

use std::borrow::Cow;
use std::collections::BTreeMap;

use rayon::prelude::*;

use super::{SearchDoc, SearchSection};
use crate::followups::Directive;
use crate::model::{Archive, Record};
use crate::scratch::ScratchFile;

/// Writes the search index of `archive` into `sink`. The records' section texts are read a chunk
/// at a time as the index needs them, from `texts` for records that set them aside there
/// ([`Record::set_texts_aside`]).
pub fn write<'a>(
    archive: &'a Archive,
    texts: Option<&ScratchFile>,
    sink: &dyn super::IndexSink,
) -> Result<(), super::SearchError> {
    let docs = search_docs(archive);
    let t = crate::render::i18n::strings(&archive.site.config.language);
    let n = archive.records.len();
    let fill = |first: usize, docs: &mut [SearchDoc<'a>]| -> Result<(), String> {
        for (i, d) in (first..).zip(docs.iter_mut()) {
            match archive.records.get(i) {
                Some(r) => {
                    let texts = r.section_texts(texts).map_err(|e| e.to_string())?;
                    d.sections = search_sections(r, texts, search_facts(r, &t));
                }
                None => d.sections = directive_sections(archive, &archive.followups.directives[i - n]),
            }
        }
        Ok(())
    };
    super::write_index_capped(docs, Some(&fill), sink, archive.site.config.search_max_files).map(|_| ())
}

/// The facts of a record's front-matter that its page shows and readers search for (location,
/// chair, recorder, attendees), one per line with the page's labels, e.g. "主席：黃部長彥男".
pub fn search_facts(r: &Record, t: &BTreeMap<&str, &str>) -> String {
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
pub fn search_sections<'a>(r: &'a Record, texts: Vec<Cow<'a, str>>, facts: String) -> Vec<SearchSection<'a>> {
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

/// A directive's one section: its text (its title, "列管事項 <id>", is the lead heading).
fn directive_sections<'a>(archive: &'a Archive, d: &Directive) -> Vec<SearchSection<'a>> {
    vec![SearchSection {
        anchor: Cow::Borrowed(""),
        heading: Cow::Borrowed(""),
        text: Cow::Borrowed(d.text(&archive.records)),
    }]
}

/// The search's status facet of a directive: `open` while it is tracked (列管, 展延), `closed`
/// once released, tracked by its unit, merged or withdrawn.
pub fn directive_status(d: &Directive) -> &'static str {
    if d.status.is_open() {
        "open"
    } else {
        "closed"
    }
}

/// The documents the search indexes, without their sections (which [`write`] gives them a chunk
/// at a time): the records, newest first, then the directives ([`crate::followups`]) in id order,
/// each linking to its page `/followups/<id>/` with the date and series of the meeting that gave
/// it, its owners as units and its status (`status:open` or `status:closed`, see
/// [`directive_status`]) as a facet, so the search page's status filter finds directives only.
pub fn search_docs(archive: &Archive) -> Vec<SearchDoc<'_>> {
    let mut docs = record_docs(archive);
    let root = archive.site.root_path();
    let t = crate::render::i18n::strings(&archive.site.config.language);
    for d in &archive.followups.directives {
        use chrono::Datelike;
        let given = &archive.records[d.given];
        let mut units: Vec<std::sync::Arc<str>> = d
            .units(&archive.records)
            .iter()
            .map(|u| u.slug.clone())
            .filter(|s| !s.is_empty())
            .collect();
        units.sort();
        units.dedup();
        docs.push(SearchDoc {
            url: format!("{root}followups/{}/", d.id),
            title: format!("{} {}", t["followup"], d.id).into(),
            date: d.given_date.to_string(),
            date_roc: crate::minutes::calendar::format_roc(d.given_date),
            series: given.meta.series.slug.clone(),
            series_name: given.meta.series.name.clone(),
            year: d.given_date.year(),
            units,
            topics: Vec::new(),
            status: Some(directive_status(d)),
            sections: Vec::new(),
        });
    }
    docs
}

/// The records as the search indexer reads them, newest first, without their sections.
fn record_docs(archive: &Archive) -> Vec<SearchDoc<'_>> {
    use chrono::Datelike;
    let root = archive.site.root_path();
    archive
        .records
        .par_iter()
        .map(|r| {
            let mut units: Vec<std::sync::Arc<str>> = r.meta.units.iter().map(|u| u.slug.clone()).collect();
            units.extend(
                r.structure
                    .agenda
                    .iter()
                    .flat_map(|a| a.units.iter().map(|u| u.as_str().into())),
            );
            units.extend(r.structure.reports.iter().map(|rep| rep.unit.as_str().into()));
            units.sort();
            units.dedup();
            SearchDoc {
                url: format!("{root}{}", r.url),
                title: r.meta.title.as_str().into(),
                date: r.meta.date.to_string(),
                date_roc: crate::minutes::calendar::format_roc(r.meta.date),
                series: r.meta.series.slug.clone(),
                series_name: r.meta.series.name.clone(),
                year: r.meta.date.year(),
                units,
                topics: r.meta.topics.iter().map(|t| t.slug.clone()).collect(),
                status: None,
                sections: Vec::new(),
            }
        })
        .collect()
}
