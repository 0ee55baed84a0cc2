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
    let series = &p.listings.series[&*r.meta.series.slug];
    let pos = series.iter().position(|&i| i == ix).unwrap_or(0);
    let older = series.get(pos + 1).map(|&i| p.summaries[i].clone());
    let newer = pos
        .checked_sub(1)
        .and_then(|p| series.get(p))
        .map(|&i| p.summaries[i].clone());
    c.insert_value("record", p.summaries[ix].clone());
    c.insert("meta", &RecordMeta::from(r));
    let html = r.html(p.html).map_err(|e| Diagnostic::error(&r.rel, 0, 0, e.msg()))?;
    // Each row of a tracking table links to its directive's page.
    let html = crate::followups::pages::link_rows(a, r, &html).map_or(html, std::borrow::Cow::Owned);
    c.insert("content", &html);
    c.insert("followups", &crate::followups::pages::record(a, r));
    c.insert("attachments", &attachments(p, r));
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

/// A record's attachment as its page links it.
#[derive(Serialize)]
struct AttachmentLink<'r> {
    title: &'r str,
    name: &'r str,
    url: String,
    kind: &'static str,
    /// The media type, for the link's `type`.
    media_type: &'static str,
    /// The size as the page shows it (`1.2 MB`, `340 KB`).
    size: String,
    bytes: u64,
}

fn attachments<'r>(p: &Pages, r: &'r Record) -> Vec<AttachmentLink<'r>> {
    r.meta
        .attachments
        .iter()
        .map(|a| AttachmentLink {
            title: &a.title,
            name: &a.name,
            url: p.url(&crate::opendata::attachment_url(r, a)),
            kind: a.kind,
            media_type: media_type(&a.name),
            size: human_size(a.size),
            bytes: a.size,
        })
        .collect()
}

/// `340 KB`, `1.2 MB` (decimal units, as file managers show them).
fn human_size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{} KB", bytes.div_ceil(1_000)),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

fn media_type(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "odp" => "application/vnd.oasis.opendocument.presentation",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "csv" => "text/csv",
        "txt" => "text/plain",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_read_as_file_managers_show_them() {
        assert_eq!(super::human_size(512), "512 B");
        assert_eq!(super::human_size(340_001), "341 KB");
        assert_eq!(super::human_size(1_234_567), "1.2 MB");
    }
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
