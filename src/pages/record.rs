//! The record page: a record's body, its table of contents, agenda items with their units and
//! decisions, and links to the series' previous and next meetings.

use serde::Serialize;

use super::{Batch, Job, LinkTo, Pages};
use crate::diagnostics::Diagnostic;
use crate::listing::RecordIx;
use crate::model::Record;

/// Records per batch, so the pages spread over the cores.
const CHUNK: usize = 64;

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    let n = p.archive.records.len();
    (0..n.div_ceil(CHUNK))
        .map(|c| -> Batch<'a> {
            Box::new(move || (c * CHUNK..((c + 1) * CHUNK).min(n)).map(|ix| job(p, ix)).collect())
        })
        .collect()
}

/// A record's page.
pub fn job(p: &Pages, ix: RecordIx) -> Result<Job, Diagnostic> {
    #[derive(Serialize)]
    struct Toc {
        level: u8,
        text: String,
        id: String,
        kind: &'static str,
    }
    #[derive(Serialize)]
    struct Item<'r> {
        label: &'r str,
        title: &'r str,
        anchor: &'r str,
        units: Vec<LinkTo>,
        decision: &'r str,
        decision_label: &'r str,
        kind: &'static str,
        votes: &'r Option<crate::minutes::Votes>,
    }
    let a = p.archive;
    let r = &a.records[ix];
    let mut c = p.ctx(&r.url, &r.meta.title);
    let toc: Vec<Toc> = r
        .headings
        .iter()
        .filter_map(|h| {
            crate::minutes::toc_kind(h, &r.structure).map(|kind| Toc {
                level: h.level,
                text: h.text.clone(),
                id: h.id.clone(),
                kind,
            })
        })
        .collect();
    let items: Vec<Item> = r
        .structure
        .agenda
        .iter()
        .map(|it| Item {
            label: &it.label,
            title: &it.title,
            anchor: &it.anchor,
            units: it.units.iter().map(|u| p.link("units", &a.units, u, u)).collect(),
            decision: &it.decision,
            decision_label: it.decision_label,
            kind: it.kind.as_str(),
            votes: &it.votes,
        })
        .collect();
    let series = &p.listings.series[&r.meta.series.slug];
    let pos = series.iter().position(|&i| i == ix).unwrap_or(0);
    let older = series.get(pos + 1).map(|&i| p.summaries[i].clone());
    let newer = pos
        .checked_sub(1)
        .and_then(|p| series.get(p))
        .map(|&i| p.summaries[i].clone());
    c.insert_value("record", p.summaries[ix].clone());
    c.insert("meta", &RecordMeta::from(r));
    let html = r
        .html(p.html)
        .map_err(|e| Diagnostic::error(&r.rel, 0, 0, e.to_string()))?;
    // Each row of a tracking table links to its directive's page.
    let html = crate::followups::pages::link_rows(a, r, &html).map_or(html, std::borrow::Cow::Owned);
    c.insert("content", &html);
    c.insert("followups", &crate::followups::pages::record(a, r));
    c.insert("toc", &toc);
    c.insert("items", &items);
    c.insert("previous", &older);
    c.insert("next", &newer);
    c.insert("has_code", &r.has_code);
    c.insert("description", &r.excerpt(120));
    c.insert("head", &crate::meta::head(a, &r.meta.title, &r.url, Some(r)));
    c.insert("source", &r.rel.to_string_lossy().replace('\\', "/"));
    Ok(Job::page(&r.url, "record.html", c))
}

#[derive(Serialize)]
struct RecordMeta<'r> {
    time: Option<&'r str>,
    location: Option<&'r str>,
    chair: Option<&'r str>,
    recorder: Option<&'r str>,
    attendees: &'r [String],
    observers: &'r [String],
    on_leave: &'r [String],
    absent: &'r [String],
    extra: &'r serde_json::Value,
    draft: bool,
}

impl<'r> From<&'r Record> for RecordMeta<'r> {
    fn from(r: &'r Record) -> Self {
        RecordMeta {
            time: r.meta.time.as_deref(),
            location: r.meta.location.as_deref(),
            chair: r.meta.chair.as_deref(),
            recorder: r.meta.recorder.as_deref(),
            attendees: &r.meta.attendees,
            observers: &r.meta.observers,
            on_leave: &r.meta.on_leave,
            absent: &r.meta.absent,
            extra: &r.meta.extra,
            draft: r.meta.draft,
        }
    }
}
