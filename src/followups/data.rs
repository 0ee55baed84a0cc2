//! The follow-ups' open data and feeds: `data/followups.json` (every directive with its update
//! history, [`FollowupsJson`]), `data/followups.csv` (one row per update, UTF-8 with BOM, cells
//! neutralised as `decisions.csv`'s are), their JSON Schema, `followups/atom.xml` (an entry per
//! status change) and `units/<slug>/followups.xml` (the same, per owning unit).

use serde::Serialize;
use serde_json::{json, Value};

use super::{Directive, Tracker};
use crate::meta::{publisher, xml_escape};
use crate::minutes::calendar::format_roc;
use crate::model::Archive;
use crate::opendata::{csv_field, DataFile};
use crate::output::{OutputError, Sink, Streamed};

/// The format version of `data/followups.json`.
pub const FORMAT_VERSION: u32 = 1;

/// `data/followups.json`.
#[derive(Serialize)]
pub struct FollowupsJson<'a> {
    #[serde(rename = "$schema")]
    pub schema: String,
    pub format_version: u32,
    /// The archive's newest meeting date: the day `overdue` is measured on.
    pub as_of: Option<String>,
    /// Every directive, as [`DirectiveJson`].
    pub directives: Directives<'a>,
}

/// The tracker's directives, serialized one [`DirectiveJson`] at a time as the file is written
/// (at 10,000 records, 30,000 of them held at once took more memory than the file's 48 MB).
pub struct Directives<'a> {
    archive: &'a Archive,
}

impl Serialize for Directives<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = &self.archive.followups;
        s.collect_seq(t.directives.iter().map(|d| directive_json(self.archive, t, d)))
    }
}

/// One directive in `data/followups.json`, its texts borrowed from the records.
#[derive(Serialize)]
pub struct DirectiveJson<'a> {
    pub id: &'a str,
    pub url: String,
    pub text: &'a str,
    pub units: Vec<&'a str>,
    pub unit_names: Vec<&'a str>,
    pub status: &'static str,
    pub due: Option<String>,
    pub overdue: bool,
    pub merged_into: Option<&'a str>,
    pub given: MeetingJson<'a>,
    /// Created by a tracking-table row (the archive starts after the meeting that gave it).
    pub first_seen_in_table: bool,
    pub updates: Vec<UpdateJson<'a>>,
}

#[derive(Serialize)]
pub struct MeetingJson<'a> {
    pub date: String,
    pub date_roc: String,
    pub record: &'a str,
    pub record_url: String,
    pub item: Option<&'a str>,
}

#[derive(Serialize)]
pub struct UpdateJson<'a> {
    pub date: String,
    pub date_roc: String,
    pub record: &'a str,
    pub record_url: String,
    pub status: &'static str,
    pub status_word: &'static str,
    pub note: Option<&'a str>,
    pub due: Option<String>,
    pub merged_into: Option<&'a str>,
}

fn directive_json<'a>(archive: &'a Archive, t: &Tracker, d: &'a Directive) -> DirectiveJson<'a> {
    let site = &archive.site;
    let recs = &archive.records;
    let units = d.units(recs);
    DirectiveJson {
        id: &d.id,
        url: site.absolute_url(&format!("followups/{}/", d.id)),
        text: d.text(recs),
        units: units.iter().map(|u| u.slug.as_ref()).collect(),
        unit_names: units.iter().map(|u| u.name.as_ref()).collect(),
        status: d.status.as_str(),
        due: d.due.map(|x| x.to_string()),
        overdue: d.overdue(t.today),
        merged_into: d.merged_into(recs),
        given: MeetingJson {
            date: d.given_date.to_string(),
            date_roc: format_roc(d.given_date),
            record: &recs[d.given].meta.title,
            record_url: site.absolute_url(&recs[d.given].url),
            item: d.item(recs),
        },
        first_seen_in_table: d.from_table,
        updates: d
            .updates
            .iter()
            .map(|u| {
                let status = u.status(recs);
                UpdateJson {
                    date: u.date.to_string(),
                    date_roc: format_roc(u.date),
                    record: &recs[u.record].meta.title,
                    record_url: site.absolute_url(&recs[u.record].url),
                    status: status.kind.as_str(),
                    status_word: status.word,
                    note: u.note(recs),
                    due: u.due.map(|x| x.to_string()),
                    merged_into: status.merged_into.as_deref(),
                }
            })
            .collect(),
    }
}

/// The columns of `data/followups.csv`: (header, description, English description).
pub const CSV_COLUMNS: &[(&str, &str, &str)] = &[
    ("編號", "列管編號", "Directive id"),
    ("日期", "會議日期（西元）", "Meeting date"),
    ("民國日期", "會議日期（民國）", "Meeting date (ROC)"),
    ("會議紀錄", "會議紀錄標題", "Record"),
    ("指示事項", "指示事項內容", "Directive text"),
    ("主辦單位", "主辦單位（以、分隔）", "Owning units"),
    ("列管建議", "當次列管建議（原文）", "Status as written"),
    (
        "狀態",
        "open、extended、closed、self_tracked、withdrawn 或 merged",
        "Status",
    ),
    ("辦理情形", "辦理情形", "Progress note"),
    ("完成期限", "當次之後的完成期限", "Due date after the update"),
    ("網址", "列管事項網頁", "Directive page"),
];

/// Write `data/followups.csv` into `file`, a directive's rows at a time.
fn csv(archive: &Archive, t: &Tracker, file: &mut Streamed) -> Result<(), OutputError> {
    let mut out = String::from("\u{FEFF}");
    let row = |out: &mut String, cells: &[&str]| {
        let cells: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    let headers: Vec<&str> = CSV_COLUMNS.iter().map(|c| c.0).collect();
    row(&mut out, &headers);
    let recs = &archive.records;
    for d in &t.directives {
        let units: Vec<&str> = d.units(recs).iter().map(|u| u.name.as_ref()).collect();
        let units = units.join("、");
        let url = archive.site.absolute_url(&format!("followups/{}/", d.id));
        for u in &d.updates {
            let r = &recs[u.record];
            let status = u.status(recs);
            let due = u.due.map(|x| x.to_string()).unwrap_or_default();
            row(
                &mut out,
                &[
                    &d.id,
                    &u.date.to_string(),
                    &format_roc(u.date),
                    &r.meta.title,
                    d.text(recs),
                    &units,
                    status.word,
                    status.kind.as_str(),
                    u.note(recs).unwrap_or(""),
                    &due,
                    &url,
                ],
            );
        }
        file.push(&out)?;
        out.clear();
    }
    file.push(&out)
}

/// [`Streamed`] as an [`std::io::Write`], for serde_json (which writes a few bytes at a time:
/// wrap it in a `BufWriter`). The sink's error is kept to be returned as it is.
struct StreamWriter<'s> {
    file: &'s mut Streamed,
    error: Option<OutputError>,
}

impl std::io::Write for StreamWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.file.push(buf) {
            Ok(()) => Ok(buf.len()),
            Err(e) => {
                let io = std::io::Error::other(e.to_string());
                self.error = Some(e);
                Err(io)
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The JSON Schema of `data/followups.json`.
pub fn schema(archive: &Archive) -> Value {
    let statuses: Vec<&str> = super::Kind::ALL.iter().map(|k| k.as_str()).collect();
    let date = json!({"type": "string", "format": "date"});
    let opt_date = json!({"type": ["string", "null"], "format": "date"});
    let opt_text = json!({"type": ["string", "null"]});
    let given = json!({"type": "object", "additionalProperties": false,
    "required": ["date", "date_roc", "record", "record_url"],
    "properties": {
        "date": date, "date_roc": {"type": "string"}, "record": {"type": "string"},
        "record_url": {"type": "string", "format": "uri"}, "item": opt_text
    }});
    let update = json!({"type": "object", "additionalProperties": false,
    "required": ["date", "date_roc", "record", "record_url", "status", "status_word"],
    "properties": {
        "date": date, "date_roc": {"type": "string"}, "record": {"type": "string"},
        "record_url": {"type": "string", "format": "uri"}, "status": {"enum": statuses},
        "status_word": {"type": "string"}, "note": opt_text, "due": opt_date,
        "merged_into": opt_text
    }});
    let directive = json!({
        "type": "object",
        "required": ["id", "url", "text", "units", "status", "given", "updates"],
        "additionalProperties": false,
        "properties": {
            "id": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9-]*$"},
            "url": {"type": "string", "format": "uri"},
            "text": {"type": "string"},
            "units": {"type": "array", "items": {"type": "string"}, "description": "unit slugs; the first leads"},
            "unit_names": {"type": "array", "items": {"type": "string"}},
            "status": {"enum": statuses},
            "due": opt_date,
            "overdue": {"type": "boolean", "description": "open and past due on as_of"},
            "merged_into": opt_text,
            "first_seen_in_table": {"type": "boolean"},
            "given": given,
            "updates": {"type": "array", "items": update}
        }
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": archive.site.absolute_url("data/schema/followups.schema.json"),
        "title": "minutebook follow-ups (列管事項)",
        "type": "object",
        "required": ["format_version", "directives"],
        "properties": {
            "$schema": {"type": "string"},
            "format_version": {"const": FORMAT_VERSION},
            "as_of": opt_date,
            "directives": {"type": "array", "items": directive}
        }
    })
}

/// The data files, for `dataset.json` and the `/data/` page (none when there are no directives).
pub fn files(archive: &Archive) -> Vec<DataFile> {
    if archive.followups.directives.is_empty() {
        return Vec::new();
    }
    let site = &archive.site;
    let f = |path: &str, format, media_type, description: &str, description_en, schema: Option<&str>| DataFile {
        path: path.to_string(),
        url: site.absolute_url(path),
        format,
        media_type,
        description: description.to_string(),
        description_en,
        schema_url: schema.map(|s| site.absolute_url(&format!("data/schema/{s}"))),
    };
    vec![
        f(
            "data/followups.json",
            "JSON",
            "application/json",
            "全部列管事項：指示事項、主辦單位、完成期限、目前狀態，以及每次會議的辦理情形與列管建議",
            "Every directive (列管事項): text, owning units, due date, current status, and each meeting's progress note and status",
            Some("followups.schema.json"),
        ),
        f(
            "data/followups.csv",
            "CSV",
            "text/csv",
            "每次列管追蹤一列：編號、日期、民國日期、會議紀錄、指示事項、主辦單位、列管建議、狀態、辦理情形、完成期限、網址",
            "One row per update of a directive: id, date, ROC date, record, text, units, status as written, status, note, due date, URL",
            None,
        ),
        f(
            "followups/atom.xml",
            "Atom",
            "application/atom+xml",
            "列管事項狀態變更訂閱（Atom）",
            "Feed of directives' status changes (Atom)",
            None,
        ),
    ]
}

/// Write `data/followups.json`, `data/followups.csv` and the schema.
pub fn add(archive: &Archive, out: &Sink) -> Result<(), OutputError> {
    let t = &archive.followups;
    if t.directives.is_empty() {
        return Ok(());
    }
    let doc = FollowupsJson {
        schema: archive.site.absolute_url("data/schema/followups.schema.json"),
        format_version: FORMAT_VERSION,
        as_of: t.today.map(|d| d.to_string()),
        directives: Directives { archive },
    };
    // Compact: indenting 30,000 directives added 28 % to the file (48 MB at 10,000 records)
    // and nothing a JSON reader needs. Streamed to the file as it is made (35 MB at 10,000
    // records, held whole beside the pages being rendered before), and so is the CSV (19 MB).
    out.add_streamed("data/followups.json", |file| {
        let mut w = StreamWriter { file, error: None };
        let written = {
            let mut buf = std::io::BufWriter::with_capacity(64 * 1024, &mut w);
            serde_json::to_writer(&mut buf, &doc)
                .map_err(std::io::Error::from)
                .and_then(|()| std::io::Write::flush(&mut buf))
        };
        if let Some(e) = w.error.take() {
            return Err(e);
        }
        written.expect("data serializes, and only the sink fails to write");
        w.file.push("\n")
    })?;
    out.add_streamed("data/followups.csv", |file| csv(archive, t, file))?;
    let mut schema = serde_json::to_string_pretty(&schema(archive)).expect("data serializes");
    schema.push('\n');
    out.add("data/schema/followups.schema.json", schema)?;
    Ok(())
}

/// One feed entry: a status change of a directive (its creation, or an update that changed its
/// status or due date).
struct Change<'a> {
    d: &'a Directive,
    /// Index into `d.updates`; `None` for the creation.
    update: Option<usize>,
    date: chrono::NaiveDate,
}

/// Every feed: `followups/atom.xml` and `units/<slug>/followups.xml` for each owning unit.
pub fn feeds(archive: &Archive) -> Vec<(String, String)> {
    let t = &archive.followups;
    if t.directives.is_empty() {
        return Vec::new();
    }
    let mut all: Vec<Change> = Vec::new();
    for d in &t.directives {
        all.push(Change {
            d,
            update: None,
            date: d.given_date,
        });
        for (i, u) in d.updates.iter().enumerate().filter(|(_, u)| u.changed) {
            all.push(Change {
                d,
                update: Some(i),
                date: u.date,
            });
        }
    }
    // Newest first; on one day by id, then the update's order.
    all.sort_by(|a, b| (b.date, &a.d.id, a.update).cmp(&(a.date, &b.d.id, b.update)));
    let strings = crate::render::i18n::strings(&archive.site.config.language);
    let mut out = vec![(
        "followups/atom.xml".to_string(),
        render(archive, "followups/", "followups/atom.xml", strings["followups"], &all),
    )];
    let mut units: Vec<&str> = t
        .directives
        .iter()
        .flat_map(|d| d.units(&archive.records).iter().map(|u| u.slug.as_ref()))
        .collect();
    units.sort();
    units.dedup();
    for slug in units {
        let mine: Vec<&Change> = all
            .iter()
            .filter(|c| c.d.units(&archive.records).iter().any(|u| *u.slug == *slug))
            .collect();
        let name = archive
            .units
            .by_slug(slug)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| slug.to_string());
        let title = format!("{name}：{}", strings["followups"]);
        let path = format!("units/{slug}/followups.xml");
        let mine: Vec<Change> = mine
            .into_iter()
            .map(|c| Change {
                d: c.d,
                update: c.update,
                date: c.date,
            })
            .collect();
        out.push((
            path.clone(),
            render(archive, &format!("units/{slug}/"), &path, &title, &mine),
        ));
    }
    out
}

fn render(archive: &Archive, page: &str, path: &str, title: &str, changes: &[Change]) -> String {
    let site = &archive.site;
    let c = &site.config;
    let self_url = site.absolute_url(path);
    let updated = changes
        .first()
        .map(|ch| crate::feeds::timestamp(ch.date))
        .unwrap_or_else(|| "1970-01-01T00:00:00+08:00".into());
    let strings = crate::render::i18n::strings(&c.language);
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        xml_escape(&c.language)
    ));
    x.push_str(&format!(
        "  <title>{} | {}</title>\n",
        xml_escape(title),
        xml_escape(&c.title)
    ));
    x.push_str(&format!("  <id>{}</id>\n", xml_escape(&self_url)));
    x.push_str(&format!("  <updated>{updated}</updated>\n"));
    x.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml_escape(&self_url)
    ));
    x.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_escape(&site.absolute_url(page))
    ));
    x.push_str(&format!(
        "  <author>\n    <name>{}</name>\n  </author>\n",
        xml_escape(&publisher(archive))
    ));
    for ch in changes.iter().take(crate::feeds::MAX_ENTRIES) {
        let d = ch.d;
        let page = site.absolute_url(&format!("followups/{}/", d.id));
        let recs = &archive.records;
        let text = d.text(recs);
        let (status, word, note, n) = match ch.update {
            None => (super::Kind::Open.as_str(), strings["followup_given"], Some(text), 0),
            Some(i) => {
                let u = &d.updates[i];
                let status = u.status(recs);
                (status.kind.as_str(), status.word, u.note(recs), i + 1)
            }
        };
        let ts = crate::feeds::timestamp(ch.date);
        x.push_str("  <entry>\n");
        x.push_str(&format!(
            "    <title>{} {}</title>\n",
            xml_escape(&d.id),
            xml_escape(word)
        ));
        x.push_str(&format!("    <id>{}#u{n}</id>\n", xml_escape(&page)));
        x.push_str(&format!(
            "    <published>{ts}</published>\n    <updated>{ts}</updated>\n"
        ));
        x.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&page)
        ));
        x.push_str(&format!(
            "    <category term=\"{status}\" scheme=\"{}\"/>\n",
            xml_escape(&site.absolute_url("followups/"))
        ));
        let summary: String = note.unwrap_or(text).chars().take(200).collect();
        x.push_str(&format!("    <summary>{}</summary>\n", xml_escape(&summary)));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}
