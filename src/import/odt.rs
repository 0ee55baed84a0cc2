//! OpenDocument text (.odt, CNS 15251) → text, in the same shape as [`super::docx`]: each paragraph
//! and heading a line, each table row a tab-separated line (the paragraphs of one cell joined by a
//! space). List numbering (`text:list` with its list style's `style:num-format`, prefix, suffix and
//! start value, in `content.xml` or `styles.xml`) and heading outline numbering (`text:outline-style`)
//! are written out as the reader sees them (`壹、`, `一、`, `（一）`). Deleted text (tracked changes) and
//! comments are skipped; page headers and footers live in `styles.xml` and are not read.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::numbering::{Counters, Level, NumFormat};
use super::ImportError;
use crate::messages::Msg;

/// The most one part may unpack to (a guard against zip bombs).
const MAX_XML: u64 = 256 * 1024 * 1024;

fn err(message: Msg) -> ImportError {
    ImportError::Odt {
        path: Default::default(),
        message: Box::new(message),
    }
}

/// What an .odt held: its text, and how many paragraphs had their number from list numbering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OdtText {
    pub text: String,
    pub numbered: usize,
}

/// Read an .odt file's text.
pub fn read_odt(bytes: &[u8]) -> Result<OdtText, ImportError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| err(Msg::ImportNotZip { error: e.to_string() }))?;
    let content = part(&mut zip, "content.xml")?.ok_or_else(|| {
        err(Msg::ImportNoPart {
            part: "content.xml".into(),
        })
    })?;
    let mut styles = ListStyles::default();
    if let Some(s) = part(&mut zip, "styles.xml")? {
        styles.read(&s, "styles.xml")?;
    }
    styles.read(&content, "content.xml")?;
    document_text(&content, &styles)
}

fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, ImportError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(_) => return Ok(None),
    };
    let too_large = || ImportError::TooLarge {
        path: Default::default(),
        message: Box::new(Msg::ImportPartTooLarge {
            part: name.to_string(),
            limit: MAX_XML,
        }),
    };
    if file.size() > MAX_XML {
        return Err(too_large());
    }
    let mut xml = String::new();
    file.take(MAX_XML + 1).read_to_string(&mut xml).map_err(|e| {
        err(Msg::ImportPartUnreadable {
            part: name.to_string(),
            error: e.to_string(),
        })
    })?;
    if xml.len() as u64 > MAX_XML {
        return Err(too_large());
    }
    Ok(Some(xml))
}

fn attr(e: &BytesStart<'_>, qualified: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == qualified)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn xml_err(part: &str, reader: &Reader<&[u8]>, e: impl std::fmt::Display) -> ImportError {
    err(Msg::ImportBadXml {
        part: part.to_string(),
        byte: reader.buffer_position(),
        error: e.to_string(),
    })
}

/// The list styles of a document (by name) and its outline style.
#[derive(Debug, Default)]
struct ListStyles {
    lists: HashMap<String, Vec<Level>>,
    outline: Vec<Level>,
}

/// ODF writes a level's number as prefix + the numbers of `display-levels` levels joined by `.` +
/// suffix; in [`Level::text`] terms that is `prefix%k.…%n suffix`.
fn level_of(e: &BytesStart<'_>) -> Option<(usize, Level)> {
    let level: usize = attr(e, "text:level")?.parse().ok()?;
    let format = NumFormat::from_odf(&attr(e, "style:num-format").unwrap_or_default());
    let shown: usize = attr(e, "text:display-levels")
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .clamp(1, level);
    let numbers: Vec<String> = (level + 1 - shown..=level).map(|k| format!("%{k}")).collect();
    let text = if format == NumFormat::None {
        String::new()
    } else {
        format!(
            "{}{}{}",
            attr(e, "style:num-prefix").unwrap_or_default(),
            numbers.join("."),
            attr(e, "style:num-suffix").unwrap_or_default()
        )
    };
    let start = attr(e, "text:start-value").and_then(|v| v.parse().ok()).unwrap_or(1);
    Some((level - 1, Level { format, text, start }))
}

impl ListStyles {
    fn read(&mut self, xml: &str, name: &str) -> Result<(), ImportError> {
        let mut reader = Reader::from_str(xml);
        // The list style being read: its name, or None for the outline style.
        let mut current: Option<Option<String>> = None;
        loop {
            let event = reader.read_event().map_err(|e| xml_err(name, &reader, e))?;
            match &event {
                Event::Eof => break,
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    "text:list-style" => current = Some(attr(e, "style:name")),
                    "text:outline-style" => current = Some(None),
                    "text:list-level-style-number" | "text:outline-level-style" | "text:list-level-style-bullet" => {
                        let Some(list) = &current else { continue };
                        let Some((ix, mut level)) = level_of(e) else { continue };
                        if e.name().as_ref() == "text:list-level-style-bullet" {
                            level = Level::default();
                        }
                        let levels = match list {
                            Some(n) => self.lists.entry(n.clone()).or_default(),
                            None => &mut self.outline,
                        };
                        if levels.len() <= ix {
                            levels.resize(ix + 1, Level::default());
                        }
                        levels[ix] = level;
                    }
                    _ => {}
                },
                Event::End(e) if matches!(e.name().as_ref(), "text:list-style" | "text:outline-style") => {
                    current = None
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// An open `text:list`: its style and nesting level.
struct OpenList {
    style: Option<String>,
    /// The current item's level definitions and depth, until its first paragraph takes its number
    /// (the rest of an item's paragraphs carry no number). An item holding only a nested list is
    /// numbered as LibreOffice numbers it: it takes a number at its level only where that level
    /// has none yet (a list that begins at `(7)` counts its empty outer items, so a later `一、`
    /// shows `二、`); where it has one, the nested items go on under the item before (a list that
    /// continues another's numbering with an empty outer item goes on `四、` after `三、`).
    pending: Option<(Vec<Level>, usize)>,
    /// Which running count the list numbers with: a list that continues another
    /// (`text:continue-list`, `text:continue-numbering`) shares its count.
    count: usize,
}

fn document_text(xml: &str, styles: &ListStyles) -> Result<OdtText, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut lines: Vec<String> = Vec::new();
    // Open tables: the cells (each its paragraphs) of the row being read.
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    // Paragraphs being read (a text box inside a paragraph opens another).
    let mut paras: Vec<String> = Vec::new();
    let mut lists: Vec<OpenList> = Vec::new();
    // The running counts of the document's lists; lists by xml:id, and the last top-level list.
    let mut counts: Vec<Counters> = Vec::new();
    let mut list_ids: HashMap<String, usize> = HashMap::new();
    let mut last_of_style: HashMap<Option<String>, usize> = HashMap::new();
    let mut outline = Counters::default();
    let mut numbered = 0usize;
    let mut skip_depth = 0usize;
    let mut in_body = false;
    let mut labels: Vec<String> = Vec::new();

    loop {
        let event = reader.read_event().map_err(|e| xml_err("content.xml", &reader, e))?;
        if skip_depth > 0 {
            match &event {
                Event::Start(_) => skip_depth += 1,
                Event::End(_) => skip_depth -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        match &event {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.name();
                match name.as_ref() {
                    "office:text" => in_body = true,
                    _ if !in_body => {}
                    "text:tracked-changes" | "office:annotation" | "text:note-citation" | "office:forms" => {
                        skip_depth = 1
                    }
                    "table:table" => tables.push(Vec::new()),
                    "table:table-row" => {
                        if let Some(t) = tables.last_mut() {
                            t.clear();
                        }
                    }
                    "table:table-cell" | "table:covered-table-cell" => {
                        if let Some(t) = tables.last_mut() {
                            t.push(Vec::new());
                        }
                    }
                    "text:list" => {
                        // A nested list in an item that has no paragraph of its own.
                        if let Some(outer) = lists.last_mut() {
                            if let Some((levels, depth)) = outer.pending.take() {
                                let c = &mut counts[outer.count];
                                if !c.has(depth) {
                                    c.next(&levels, depth);
                                }
                            }
                        }
                        let style = attr(e, "text:style-name").or_else(|| lists.last().and_then(|l| l.style.clone()));
                        let count = match lists.last() {
                            Some(outer) => outer.count,
                            None => {
                                let continued = attr(e, "text:continue-list")
                                    .and_then(|id| list_ids.get(&id).copied())
                                    .or_else(|| {
                                        // Continues the last list of the same list style.
                                        (attr(e, "text:continue-numbering").as_deref() == Some("true"))
                                            .then(|| last_of_style.get(&style).copied())
                                            .flatten()
                                    });
                                let count = continued.unwrap_or_else(|| {
                                    counts.push(Counters::default());
                                    counts.len() - 1
                                });
                                last_of_style.insert(style.clone(), count);
                                count
                            }
                        };
                        if let Some(id) = attr(e, "xml:id") {
                            list_ids.insert(id, count);
                        }
                        lists.push(OpenList {
                            style,
                            pending: None,
                            count,
                        });
                    }
                    "text:list-item" | "text:list-header" => {
                        let depth = lists.len().saturating_sub(1);
                        let Some(l) = lists.last_mut() else { continue };
                        l.pending = None;
                        if name.as_ref() == "text:list-header" {
                            continue;
                        }
                        // An item may format its number with another list style.
                        let style = attr(e, "text:style-override").or_else(|| l.style.clone());
                        let Some(levels) = style.as_ref().and_then(|s| styles.lists.get(s)) else {
                            continue;
                        };
                        let mut levels = levels.clone();
                        let c = &mut counts[l.count];
                        if let Some(v) = attr(e, "text:start-value").and_then(|v| v.parse().ok()) {
                            if let Some(def) = levels.get_mut(depth) {
                                def.start = v;
                            }
                            c.reset(depth);
                        }
                        l.pending = Some((levels, depth));
                    }
                    "text:p" | "text:h" => {
                        let mut label = String::new();
                        if name.as_ref() == "text:h" && lists.is_empty() {
                            let level: usize = attr(e, "text:outline-level").and_then(|v| v.parse().ok()).unwrap_or(1);
                            if attr(e, "text:is-list-header").as_deref() != Some("true") && !styles.outline.is_empty() {
                                label = outline.next(&styles.outline, level.saturating_sub(1));
                            }
                        } else if let Some(l) = lists.last_mut() {
                            if let Some((levels, depth)) = l.pending.take() {
                                label = counts[l.count].next(&levels, depth);
                            }
                        }
                        if !label.is_empty() {
                            numbered += 1;
                        }
                        labels.push(label);
                        paras.push(String::new());
                    }
                    _ => {}
                }
            }
            Event::Empty(e) if in_body => {
                let Some(p) = paras.last_mut() else { continue };
                match e.name().as_ref() {
                    "text:s" => {
                        let n: usize = attr(e, "text:c").and_then(|v| v.parse().ok()).unwrap_or(1).min(1000);
                        p.extend(std::iter::repeat_n(' ', n));
                    }
                    "text:tab" => p.push('\t'),
                    "text:line-break" => p.push('\n'),
                    "text:soft-page-break" => {}
                    _ => {}
                }
            }
            Event::End(e) if in_body => match e.name().as_ref() {
                "office:text" => in_body = false,
                "text:p" | "text:h" => {
                    let mut p = paras.pop().unwrap_or_default();
                    let label = labels.pop().unwrap_or_default();
                    if !label.is_empty() && !p.trim().is_empty() {
                        let sep = if label.ends_with(['、', '）', '．', '。', ')', '：']) {
                            ""
                        } else {
                            " "
                        };
                        p = format!("{label}{sep}{}", p.trim_start());
                    }
                    if let Some(outer) = paras.last_mut() {
                        // A text box inside a paragraph: its text follows the paragraph's.
                        outer.push(' ');
                        outer.push_str(&p);
                    } else {
                        match tables.last_mut().and_then(|row| row.last_mut()) {
                            Some(cell) => cell.push(p),
                            None => lines.extend(p.split('\n').map(str::to_string)),
                        }
                    }
                }
                "text:list" => {
                    lists.pop();
                }
                "table:table-row" => {
                    if let Some(row) = tables.last_mut() {
                        let cells: Vec<String> = std::mem::take(row)
                            .into_iter()
                            .map(|c| {
                                let parts: Vec<String> = c
                                    .iter()
                                    .map(|p| p.replace(['\t', '\n'], " ").trim().to_string())
                                    .filter(|p| !p.is_empty())
                                    .collect();
                                parts.join(" ")
                            })
                            .collect();
                        // Trailing empty cells (repeated covered cells) carry nothing.
                        let line = cells.join("\t").trim_end_matches('\t').to_string();
                        if tables.len() > 1 {
                            let n = tables.len();
                            if let Some(cell) = tables[n - 2].last_mut() {
                                cell.push(line.replace('\t', " "));
                            }
                        } else {
                            lines.push(line);
                        }
                    }
                }
                "table:table" => {
                    tables.pop();
                }
                _ => {}
            },
            Event::Text(t) if in_body => {
                if let Some(p) = paras.last_mut() {
                    p.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_body => {
                let Some(p) = paras.last_mut() else { continue };
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    p.push(c);
                } else {
                    match &**r {
                        "lt" => p.push('<'),
                        "gt" => p.push('>'),
                        "amp" => p.push('&'),
                        "quot" => p.push('"'),
                        "apos" => p.push('\''),
                        other => {
                            return Err(err(Msg::ImportUnknownEntity {
                                entity: other.to_string(),
                                part: "content.xml".into(),
                            }))
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    Ok(OdtText { text, numbered })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(content: &str, styles_xml: &str) -> OdtText {
        let mut styles = ListStyles::default();
        styles.read(styles_xml, "styles.xml").unwrap();
        styles.read(content, "content.xml").unwrap();
        document_text(content, &styles).unwrap()
    }

    #[test]
    fn lists_tables_spaces_and_skipped_parts() {
        let content = r#"<office:document-content xmlns:office="o" xmlns:text="t" xmlns:style="s" xmlns:table="b">
<office:automatic-styles>
<text:list-style style:name="L1">
<text:list-level-style-number text:level="1" style:num-format="壹, 貳, 參, ..." style:num-suffix="、"/>
<text:list-level-style-number text:level="2" style:num-format="一, 二, 三, ..." style:num-suffix="、"/>
<text:list-level-style-number text:level="3" style:num-format="一, 二, 三, ..." style:num-prefix="（" style:num-suffix="）"/>
</text:list-style>
</office:automatic-styles>
<office:body><office:text>
<text:tracked-changes><text:changed-region><text:deletion><text:p>刪掉的</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:p>主席：黃部長<text:s text:c="3"/>紀錄：林怡芬</text:p>
<text:list text:style-name="L1">
<text:list-item><text:p>報告事項</text:p>
<text:list><text:list-item><text:p>業務報告</text:p><text:p>（續）</text:p>
<text:list><text:list-item><text:p>數位策略司</text:p></text:list-item></text:list>
</text:list-item><text:list-item><text:p>臨時報告</text:p></text:list-item></text:list>
</text:list-item>
<text:list-item><text:p>討論事項<office:annotation><text:p>評論</text:p></office:annotation></text:p></text:list-item>
</text:list>
<table:table><table:table-row><table:table-cell><text:p>編號</text:p></table:table-cell><table:table-cell><text:p>辦理情形</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>1</text:p></table:table-cell><table:table-cell><text:p>甲</text:p><text:p>乙 &amp; 丙</text:p></table:table-cell></table:table-row></table:table>
<text:list text:style-name="L1"><text:list-item><text:p>再起一份</text:p></text:list-item></text:list>
</office:text></office:body></office:document-content>"#;
        let got = read(content, "<office:document-styles/>");
        assert_eq!(
            got.text,
            "主席：黃部長   紀錄：林怡芬\n壹、報告事項\n一、業務報告\n（續）\n（一）數位策略司\n二、臨時報告\n貳、討論事項\n編號\t辦理情形\n1\t甲 乙 & 丙\n壹、再起一份\n"
        );
        assert_eq!(got.numbered, 6);
    }

    #[test]
    fn heading_outline_numbering() {
        let styles = r#"<office:document-styles xmlns:text="t" xmlns:style="s"><text:outline-style style:name="Outline">
<text:outline-level-style text:level="1" style:num-format="1" style:num-suffix="."/>
<text:outline-level-style text:level="2" style:num-format="1" text:display-levels="2"/>
</text:outline-style></office:document-styles>"#;
        let content = r#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>
<text:h text:outline-level="1">總則</text:h><text:h text:outline-level="2">目的</text:h><text:h text:outline-level="2">範圍</text:h><text:h text:outline-level="1">附則</text:h>
</office:text></office:body></office:document-content>"#;
        assert_eq!(read(content, styles).text, "1. 總則\n1.1 目的\n1.2 範圍\n2. 附則\n");
    }
}
