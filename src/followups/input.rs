//! One record's follow-up input: the directives it creates (front-matter `followups:`) and the
//! updates it gives (front-matter `followup_updates:` and every tracking table in its body). Each
//! problem becomes a diagnostic at its line; the record's front-matter validation calls [`read`].

use std::path::Path;

use chrono::NaiveDate;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

use super::{is_valid_id, parse_status, Status, RESERVED_IDS};
use crate::config::Site;
use crate::content::frontmatter::Parsed;
use crate::content::record::{auto_slug, Ref};
use crate::diagnostics::{Diagnostic, Text};
use crate::messages::{Msg, Noun};
use crate::minutes::calendar::parse_date;
use crate::yaml::{self, Value};

/// A directive as the meeting that gave it wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct Given {
    pub id: String,
    /// The agenda item it comes from, as written (label or anchor).
    pub item: Option<String>,
    pub text: String,
    /// Owners; the first leads.
    pub units: Vec<Ref>,
    pub due: Option<NaiveDate>,
    /// 1-based line and column of its id in the file.
    pub line: usize,
    pub column: usize,
    /// Created by a tracking-table row (an archive that starts mid-stream), not the front-matter.
    pub from_table: bool,
}

/// One update of a directive at this meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: String,
    pub status: Status,
    /// 辦理情形.
    pub note: Option<String>,
    /// The directive's text, when the row carries it (指示事項 / 決議事項 / 案由).
    pub text: Option<String>,
    /// 主辦單位, when the row names them.
    pub units: Vec<Ref>,
    pub line: usize,
    pub column: usize,
    /// From a table in the body (its row links to the directive's page), not front-matter.
    pub in_table: bool,
}

/// `followups:` entries as written. A number or date written for a text (`id: 2024`) is read as
/// it is written.
#[derive(Deserialize)]
struct GivenIn {
    id: String,
    #[serde(default)]
    item: Option<String>,
    text: String,
    #[serde(default)]
    units: Units,
    #[serde(default)]
    due: Option<String>,
}

/// `followup_updates:` entries as written.
#[derive(Deserialize)]
struct UpdateIn {
    id: String,
    status: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    due: Option<String>,
}

/// Owners: one text (`數產署、資安署`) or a list of names.
#[derive(Default)]
enum Units {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for Units {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Units, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Units;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a sequence of strings")
            }
            fn visit_unit<E>(self) -> Result<Units, E> {
                Ok(Units::None)
            }
            fn visit_str<E>(self, s: &str) -> Result<Units, E> {
                Ok(Units::One(s.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Units, A::Error> {
                let mut names = Vec::new();
                while let Some(n) = a.next_element::<String>()? {
                    names.push(n);
                }
                Ok(Units::Many(names))
            }
        }
        d.deserialize_any(V)
    }
}

impl Units {
    fn names(self) -> Vec<String> {
        match self {
            Units::None => Vec::new(),
            Units::One(s) => split_units(&s),
            Units::Many(v) => v
                .into_iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        }
    }
}

/// Unit names in a cell: separated by 、，,/; or line breaks.
fn split_units(s: &str) -> Vec<String> {
    s.split(['、', '，', ',', '/', '／', ';', '；', '\n'])
        .map(|p| p.trim().trim_matches(['(', ')', '（', '）']).trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

struct Reader<'a> {
    rel: &'a Path,
    text: &'a str,
    parsed: &'a Parsed<'a>,
    site: &'a Site,
    diags: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn err(&mut self, (line, column): (usize, usize), msg: impl Into<Text>, help: Option<Text>) {
        let mut d = Diagnostic::error(self.rel, line, column, msg).with_source(self.text);
        if let Some(h) = help {
            d = d.with_help(h);
        }
        self.diags.push(d);
    }

    /// Where the key `key` is written (the file's start when it is not there).
    fn key_at(&self, key: &str) -> (usize, usize) {
        self.parsed.entry(key).map(|e| (e.line, e.column)).unwrap_or((1, 1))
    }

    fn units(&mut self, names: Vec<String>, at: (usize, usize)) -> Vec<Ref> {
        let reg = &self.site.units;
        let mut out: Vec<Ref> = Vec::new();
        for name in names {
            let r = if reg.is_empty() {
                Some(Ref::new(&auto_slug(&name), &name))
            } else {
                match reg.get_ref(&name) {
                    Some(r) => Some(r.clone()),
                    None => {
                        let help = Msg::help_for_unknown(Noun::Unit, reg.suggest(&name), &name);
                        let msg = Msg::UnknownName {
                            kind: Noun::Unit,
                            name: name.clone(),
                        };
                        self.err(at, msg, Some(help.into()));
                        None
                    }
                }
            };
            if let Some(r) = r.filter(|r| !out.contains(r)) {
                out.push(r);
            }
        }
        // A list that grew by pushing has room for four: a directive's one owner took 192 bytes
        // instead of 48, for each of 90,000 entries and rows at 10,000 records.
        out.shrink_to_fit();
        out
    }

    fn date(&mut self, raw: &str, at: (usize, usize)) -> Option<NaiveDate> {
        let raw = raw.trim();
        if raw.is_empty() || raw == "-" || raw == "—" || raw == "無" {
            return None;
        }
        match parse_date(raw) {
            Ok(d) => Some(d),
            Err(msg) => {
                self.err(at, msg, Some(Msg::HelpFollowupDates.into()));
                None
            }
        }
    }

    fn id(&mut self, raw: &str, at: (usize, usize)) -> Option<String> {
        if !is_valid_id(raw) {
            self.err(
                at,
                Msg::NotAFollowupId { id: raw.to_string() },
                Some(Msg::HelpFollowupId.into()),
            );
            return None;
        }
        if RESERVED_IDS.contains(&raw) {
            self.err(
                at,
                Msg::ReservedFollowupId { id: raw.to_string() },
                Some(Msg::HelpOtherId.into()),
            );
            return None;
        }
        Some(raw.to_string())
    }

    /// The entries of a front-matter list `key`, each with where it is written (its `id`).
    fn entries<T: serde::de::DeserializeOwned>(&mut self, key: &str) -> Vec<(T, (usize, usize))> {
        let parsed = self.parsed;
        let items = match parsed.get(key).map(|n| &n.value) {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Seq(items)) => items,
            Some(_) => {
                let at = self.key_at(key);
                self.err(
                    at,
                    Msg::NotAList { key: key.into() },
                    Some(Msg::HelpFollowupList { key: key.into() }.into()),
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for v in items {
            let at = v.get("id").map(|i| (i.line, i.column)).unwrap_or((v.line, v.column));
            let mut unknown = Vec::new();
            let read = yaml::deserialize::<T>(v, &mut unknown);
            for u in unknown {
                self.err(
                    (u.line, u.column),
                    Msg::BadFollowupEntry {
                        key: key.into(),
                        error: u.message,
                    },
                    u.help.map(Text::from),
                );
            }
            match read {
                Ok(t) => out.push((t, at)),
                Err(e) => self.err(
                    (e.line, e.column),
                    Msg::BadFollowupEntry {
                        key: key.into(),
                        error: e.message,
                    },
                    Some(match key {
                        "followups" => Msg::HelpDirectiveFields.into(),
                        _ => Msg::HelpUpdateFields.into(),
                    }),
                ),
            }
        }
        out
    }
}

/// Read the record's directives and updates. Problems go to `diags`.
pub fn read(
    rel: &Path,
    text: &str,
    parsed: &Parsed<'_>,
    site: &Site,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Given>, Vec<Row>) {
    let mut r = Reader {
        rel,
        text,
        parsed,
        site,
        diags,
    };
    let mut given = Vec::new();
    for (g, at) in r.entries::<GivenIn>("followups") {
        let Some(id) = r.id(g.id.trim(), at) else { continue };
        let due = g.due.as_ref().and_then(|d| r.date(d, at));
        let units = r.units(g.units.names(), at);
        let text = g.text.trim().to_string();
        if text.is_empty() {
            r.err(at, Msg::EmptyFollowupText { id: id.clone() }, None);
        }
        given.push(Given {
            id,
            item: g.item.map(|i| i.trim().to_string()).filter(|s| !s.is_empty()),
            text,
            units,
            due,
            line: at.0,
            column: at.1,
            from_table: false,
        });
    }
    let mut rows = Vec::new();
    for (u, at) in r.entries::<UpdateIn>("followup_updates") {
        let Some(id) = r.id(u.id.trim(), at) else { continue };
        let due = u.due.as_ref().and_then(|d| r.date(d, at));
        match parse_status(&u.status, due) {
            Ok(status) => rows.push(Row {
                id,
                status,
                note: u.note.map(|n| n.trim().to_string()).filter(|n| !n.is_empty()),
                text: None,
                units: Vec::new(),
                line: at.0,
                column: at.1,
                in_table: false,
            }),
            Err(e) => {
                let (m, h) = e.message();
                r.err(at, m, Some(h.into()));
            }
        }
    }
    for t in tables(parsed.body, parsed.body_line) {
        for row in t {
            let at = (row.line, 1);
            let Some(id) = r.id(&row.id, at) else { continue };
            let due = row.due.as_deref().and_then(|d| r.date(d, at));
            let units = r.units(row.units.as_deref().map(split_units).unwrap_or_default(), at);
            match parse_status(&row.status, due) {
                Ok(status) => rows.push(Row {
                    id,
                    status,
                    note: row.note,
                    text: row.text,
                    units,
                    line: row.line,
                    column: 1,
                    in_table: true,
                }),
                Err(e) => {
                    let (m, h) = e.message();
                    r.err(at, m, Some(h.into()));
                }
            }
        }
    }
    // Kept with the record for as long as it is loaded: no room left for more.
    given.shrink_to_fit();
    rows.shrink_to_fit();
    (given, rows)
}

/// A tracking table's row, as text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableRow {
    pub id: String,
    pub status: String,
    pub note: Option<String>,
    pub units: Option<String>,
    pub due: Option<String>,
    pub text: Option<String>,
    /// 1-based line in the file.
    pub line: usize,
}

/// Which column of a tracking table a header cell names.
fn column_of(header: &str) -> Option<&'static str> {
    let h: String = header.chars().filter(|c| !c.is_whitespace()).collect();
    Some(match h.as_str() {
        "編號" | "列管編號" | "追蹤編號" => "id",
        "列管建議" | "建議" | "追蹤建議" | "列管情形" | "狀態" => "status",
        "辦理情形" => "note",
        "主辦單位" => "units",
        "完成期限" | "預定完成日期" => "due",
        "指示事項" | "決議事項" | "案由" => "text",
        _ => return None,
    })
}

/// The tracking tables of a Markdown body (whose first line is line `body_line` of the file): the
/// tables whose header row has an id column and a status column; rows with an empty id are left
/// out (a table's subtotal lines).
pub fn tables(body: &str, body_line: usize) -> Vec<Vec<TableRow>> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(body.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |at: usize| body_line + line_starts.partition_point(|&s| s <= at) - 1;
    let mut out = Vec::new();
    let mut header: Vec<String> = Vec::new();
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    let mut cell: Option<String> = None;
    let mut current: Option<(usize, Vec<String>)> = None;
    let mut in_head = false;
    for (ev, range) in Parser::new_ext(body, Options::ENABLE_TABLES).into_offset_iter() {
        match ev {
            Event::Start(Tag::Table(_)) => {
                header.clear();
                rows.clear();
            }
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => current = Some((line_of(range.start), Vec::new())),
            Event::End(TagEnd::TableRow) => rows.extend(current.take()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let c = cell.take().unwrap_or_default().trim().to_string();
                if in_head {
                    header.push(c);
                } else if let Some((_, cells)) = current.as_mut() {
                    cells.push(c);
                }
            }
            Event::Text(t) | Event::Code(t) if cell.is_some() => cell.as_mut().expect("in a cell").push_str(&t),
            Event::SoftBreak | Event::HardBreak if cell.is_some() => cell.as_mut().expect("in a cell").push('\n'),
            Event::End(TagEnd::Table) => {
                let cols: Vec<Option<&str>> = header.iter().map(|h| column_of(h)).collect();
                let find = |name: &str| cols.iter().position(|c| *c == Some(name));
                if let (Some(id), Some(status)) = (find("id"), find("status")) {
                    let get = |cells: &[String], name: &str| {
                        find(name)
                            .and_then(|i| cells.get(i))
                            .map(|s| s.trim().to_string())
                            .filter(|s| !s.is_empty())
                    };
                    let table: Vec<TableRow> = rows
                        .iter()
                        .filter_map(|(line, cells)| {
                            let id = cells.get(id)?.trim().to_string();
                            (!id.is_empty()).then(|| TableRow {
                                id,
                                status: cells.get(status).cloned().unwrap_or_default(),
                                note: get(cells, "note"),
                                units: get(cells, "units"),
                                due: get(cells, "due"),
                                text: get(cells, "text"),
                                line: *line,
                            })
                        })
                        .collect();
                    out.push(table);
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tracking_table_is_read_with_its_lines() {
        let body = "前言\n\n| 編號 | 指示事項 | 主辦單位 | 辦理情形 | 列管建議 |\n| --- | --- | --- | --- | --- |\n| 113-4-01 | 請資安院公開研析內容 | 資安院 | 已公開 2 篇 | 解除列管 |\n|  | 小計 |  |  |  |\n| 113-4-02 |  | 數產署 | 辦理中 | 展延至113年12月31日 |\n\n| 單位 | 主題 |\n| --- | --- |\n| 數產署 | AI |\n";
        let t = tables(body, 10);
        assert_eq!(t.len(), 1, "only the table with an id and a status column");
        assert_eq!(
            t[0],
            vec![
                TableRow {
                    id: "113-4-01".into(),
                    status: "解除列管".into(),
                    note: Some("已公開 2 篇".into()),
                    units: Some("資安院".into()),
                    due: None,
                    text: Some("請資安院公開研析內容".into()),
                    line: 14,
                },
                TableRow {
                    id: "113-4-02".into(),
                    status: "展延至113年12月31日".into(),
                    note: Some("辦理中".into()),
                    units: Some("數產署".into()),
                    due: None,
                    text: None,
                    line: 16,
                },
            ]
        );
    }

    #[test]
    fn header_names_ignore_spaces() {
        let body = "| 列管 編號 | 狀　態 | 預定完成日期 |\n|---|---|---|\n| A1 | 列管 | 113/12/31 |\n";
        let t = tables(body, 1);
        assert_eq!(t[0][0].id, "A1");
        assert_eq!(t[0][0].due.as_deref(), Some("113/12/31"));
    }
}
