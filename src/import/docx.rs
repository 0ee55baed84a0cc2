//! Word .docx → text: each paragraph a line, each table row a tab-separated line (the paragraphs
//! of one cell joined by a space). Automatic numbering (`word/numbering.xml`, set on the paragraph
//! or through its style in `word/styles.xml`) is written out as the reader sees it (`壹、`, `一、`,
//! `（一）`), so numbered sections read like typed ones. Deleted text (tracked changes), field codes
//! and the fallback copies of text boxes are skipped; page headers and footers live in other parts
//! and are not read.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::numbering::{Counters, Level, NumFormat};
use super::ImportError;
use crate::messages::Msg;

/// The most `word/document.xml` may unpack to (a guard against zip bombs).
const MAX_XML: u64 = 256 * 1024 * 1024;

fn err(message: Msg) -> ImportError {
    ImportError::Docx {
        path: Default::default(),
        message: Box::new(message),
    }
}

/// The text of a .docx: paragraphs as lines; table rows as tab-separated lines.
pub fn docx_to_text(bytes: &[u8]) -> Result<String, ImportError> {
    Ok(read_docx(bytes)?.text)
}

/// What a .docx held: its text, and how many paragraphs had their number from Word's automatic
/// numbering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxText {
    pub text: String,
    pub numbered: usize,
}

/// Read a .docx: its text (see [`docx_to_text`]) and what came from automatic numbering.
pub fn read_docx(bytes: &[u8]) -> Result<DocxText, ImportError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| err(Msg::ImportNotZip { error: e.to_string() }))?;
    let xml = part(&mut zip, "word/document.xml")?.ok_or_else(|| {
        err(Msg::ImportNoPart {
            part: "word/document.xml".into(),
        })
    })?;
    let lists = match part(&mut zip, "word/numbering.xml")? {
        Some(numbering) => parse_numbering(&numbering)?,
        None => Lists::default(),
    };
    let styles = match part(&mut zip, "word/styles.xml")? {
        Some(styles) => parse_styles(&styles)?,
        None => HashMap::new(),
    };
    document_text(&xml, &lists, &styles)
}

/// One part of the package as text, if it is there; bounded by [`MAX_XML`].
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, ImportError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(_) => return Ok(None),
    };
    let size = file.size();
    let too_large = || ImportError::TooLarge {
        path: Default::default(),
        message: Box::new(Msg::ImportPartTooLarge {
            part: name.to_string(),
            limit: MAX_XML,
        }),
    };
    if size > MAX_XML {
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

/// Word's list definitions: `w:num` instances pointing at `w:abstractNum` level sets.
#[derive(Debug, Default)]
struct Lists {
    /// abstractNumId → levels (index = ilvl).
    abstracts: HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, start overrides by level).
    nums: HashMap<String, (String, Vec<(usize, u32)>)>,
}

fn attr(e: &quick_xml::events::BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
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

fn parse_numbering(xml: &str) -> Result<Lists, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut lists = Lists::default();
    let mut abstract_id: Option<String> = None;
    let mut num_id: Option<String> = None;
    let mut level: Option<usize> = None;
    let mut override_level: Option<usize> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_err("word/numbering.xml", &reader, e))?;
        let (e, empty) = match &event {
            Event::Eof => break,
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                match e.local_name().as_ref() {
                    "abstractNum" => abstract_id = None,
                    "num" => num_id = None,
                    "lvl" => level = None,
                    "lvlOverride" => override_level = None,
                    _ => {}
                }
                continue;
            }
            _ => continue,
        };
        match e.local_name().as_ref() {
            "abstractNum" if !empty => abstract_id = attr(e, "abstractNumId"),
            "num" if !empty => {
                num_id = attr(e, "numId");
                if let Some(id) = &num_id {
                    lists.nums.insert(id.clone(), (String::new(), Vec::new()));
                }
            }
            "abstractNumId" => {
                if let (Some(id), Some(v)) = (&num_id, attr(e, "val")) {
                    if let Some(n) = lists.nums.get_mut(id) {
                        n.0 = v;
                    }
                }
            }
            "lvlOverride" if !empty => override_level = attr(e, "ilvl").and_then(|v| v.parse().ok()),
            "startOverride" => {
                if let (Some(id), Some(l), Some(v)) =
                    (&num_id, override_level, attr(e, "val").and_then(|v| v.parse().ok()))
                {
                    if let Some(n) = lists.nums.get_mut(id) {
                        n.1.push((l, v));
                    }
                }
            }
            "lvl" if !empty && num_id.is_none() => {
                level = attr(e, "ilvl").and_then(|v| v.parse().ok());
                if let (Some(a), Some(l)) = (&abstract_id, level) {
                    let levels = lists.abstracts.entry(a.clone()).or_default();
                    if levels.len() <= l {
                        levels.resize(l + 1, Level::default());
                    }
                }
            }
            name @ ("start" | "numFmt" | "lvlText") if num_id.is_none() => {
                let (Some(a), Some(l)) = (&abstract_id, level) else {
                    continue;
                };
                let Some(v) = attr(e, "val") else { continue };
                if let Some(def) = lists.abstracts.get_mut(a).and_then(|levels| levels.get_mut(l)) {
                    match name {
                        "start" => def.start = v.parse().unwrap_or(1),
                        "numFmt" => def.format = NumFormat::from_word(&v),
                        _ => def.text = v,
                    }
                }
            }
            _ => {}
        }
    }
    Ok(lists)
}

/// A paragraph style's own numbering properties: numId, ilvl and the style it is based on.
type StyleNumbering = (Option<String>, Option<usize>, Option<String>);

/// Paragraph styles that carry numbering: styleId → (numId, ilvl), following `w:basedOn`.
fn parse_styles(xml: &str) -> Result<HashMap<String, (String, usize)>, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut own: HashMap<String, StyleNumbering> = HashMap::new();
    let mut style: Option<String> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_err("word/styles.xml", &reader, e))?;
        match &event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let Some(id) = (match e.local_name().as_ref() {
                    "style" => {
                        style = attr(e, "styleId");
                        continue;
                    }
                    _ => style.clone(),
                }) else {
                    continue;
                };
                let entry = own.entry(id).or_default();
                match e.local_name().as_ref() {
                    "numId" => entry.0 = attr(e, "val"),
                    "ilvl" => entry.1 = attr(e, "val").and_then(|v| v.parse().ok()),
                    "basedOn" => entry.2 = attr(e, "val"),
                    _ => {}
                }
            }
            Event::End(e) if e.local_name().as_ref() == "style" => style = None,
            _ => {}
        }
    }
    let mut out = HashMap::new();
    for id in own.keys() {
        // Follow basedOn (at most a few steps; a cycle stops at the bound).
        let (mut num, mut lvl, mut cur) = (None, None, Some(id.clone()));
        for _ in 0..16 {
            let Some(c) = cur.take() else { break };
            let Some((n, l, based)) = own.get(&c) else { break };
            num = num.or_else(|| n.clone());
            lvl = lvl.or(*l);
            cur = based.clone();
        }
        if let Some(n) = num.filter(|n| n != "0") {
            out.insert(id.clone(), (n, lvl.unwrap_or(0)));
        }
    }
    Ok(out)
}

/// The numbering of the paragraphs as they come: counters per list (abstractNum).
struct Numberer<'a> {
    lists: &'a Lists,
    styles: &'a HashMap<String, (String, usize)>,
    counters: HashMap<String, Counters>,
    started: std::collections::HashSet<String>,
    numbered: usize,
}

impl Numberer<'_> {
    /// The label of a paragraph with this style and numbering properties (empty if none).
    fn label(&mut self, style: Option<&str>, num_id: Option<&str>, ilvl: Option<usize>) -> String {
        let from_style = style.and_then(|s| self.styles.get(s));
        let (num, lvl) = match (num_id, from_style) {
            (Some(n), s) => (n.to_string(), ilvl.or(s.map(|s| s.1)).unwrap_or(0)),
            (None, Some((n, l))) => (n.clone(), ilvl.unwrap_or(*l)),
            (None, None) => return String::new(),
        };
        let Some((abs, overrides)) = self.lists.nums.get(&num) else {
            return String::new();
        };
        let Some(levels) = self.lists.abstracts.get(abs) else {
            return String::new();
        };
        let mut levels = levels.clone();
        for (l, v) in overrides {
            if let Some(def) = levels.get_mut(*l) {
                def.start = *v;
            }
        }
        // A start override applies the first time its num is used (ECMA-376 §17.9.27): that level
        // (and so every deeper one) restarts; the shallower levels go on counting.
        if self.started.insert(num.clone()) {
            if let Some(shallowest) = overrides.iter().map(|(l, _)| *l).min() {
                self.counters.entry(abs.clone()).or_default().reset(shallowest);
            }
        }
        let label = self.counters.entry(abs.clone()).or_default().next(&levels, lvl);
        if !label.is_empty() {
            self.numbered += 1;
        }
        label
    }
}

#[derive(Default)]
struct Cell {
    paragraphs: Vec<String>,
}

fn document_text(xml: &str, lists: &Lists, styles: &HashMap<String, (String, usize)>) -> Result<DocxText, ImportError> {
    let mut numberer = Numberer {
        lists,
        styles,
        counters: HashMap::new(),
        started: Default::default(),
        numbered: 0,
    };
    // The numbering properties of the paragraph being read.
    let mut p_style: Option<String> = None;
    let mut num_id: Option<String> = None;
    let mut ilvl: Option<usize> = None;
    let mut in_ppr = false;
    let mut reader = Reader::from_str(xml);
    let mut lines: Vec<String> = Vec::new();
    // Open tables: rows of cells being built.
    let mut tables: Vec<Vec<Cell>> = Vec::new();
    let mut para = String::new();
    let mut in_text = false;
    let mut skip_depth = 0usize;
    let mut deleted = 0usize;

    let finish_para = |para: &mut String, label: String, tables: &mut Vec<Vec<Cell>>, lines: &mut Vec<String>| {
        let mut p = std::mem::take(para);
        if !label.is_empty() && !p.trim().is_empty() {
            // The number as the reader sees it; Word puts a tab after it, which here would read as
            // a table column: CJK punctuation needs nothing, anything else a space.
            let sep = if label.ends_with(['、', '）', '．', '。', ')', '：']) {
                ""
            } else {
                " "
            };
            p = format!("{label}{sep}{}", p.trim_start());
        }
        match tables.last_mut().and_then(|row| row.last_mut()) {
            Some(cell) => cell.paragraphs.push(p),
            None => lines.extend(p.split('\n').map(|l| l.to_string())),
        }
    };

    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_err("word/document.xml", &reader, e))?;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if skip_depth > 0 {
                    skip_depth += 1;
                    continue;
                }
                match name {
                    "Fallback" | "instrText" | "delInstrText" | "pPrChange" => skip_depth = 1,
                    "p" => {
                        p_style = None;
                        num_id = None;
                        ilvl = None;
                    }
                    "pPr" => in_ppr = true,
                    "del" => deleted += 1,
                    "t" => in_text = deleted == 0,
                    "tbl" => tables.push(Vec::new()),
                    "tr" => {
                        if let Some(rows) = tables.last_mut() {
                            // A row marker: an empty cell list is started by the first tc.
                            rows.clear();
                        }
                    }
                    "tc" => {
                        if let Some(row) = tables.last_mut() {
                            row.push(Cell::default());
                        }
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip_depth > 0 || deleted > 0 {
                    continue;
                }
                match e.local_name().as_ref() {
                    "pStyle" if in_ppr => p_style = attr(&e, "val"),
                    "numId" if in_ppr => num_id = attr(&e, "val"),
                    "ilvl" if in_ppr => ilvl = attr(&e, "val").and_then(|v| v.parse().ok()),
                    "tab" if !in_ppr => para.push('\t'),
                    "br" | "cr" => para.push('\n'),
                    "noBreakHyphen" => para.push('-'),
                    "p" => finish_para(&mut para, String::new(), &mut tables, &mut lines),
                    "tc" => {
                        if let Some(row) = tables.last_mut() {
                            row.push(Cell::default());
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    "t" => in_text = false,
                    "del" => deleted = deleted.saturating_sub(1),
                    "pPr" => in_ppr = false,
                    "p" => {
                        let label = numberer.label(p_style.as_deref(), num_id.as_deref(), ilvl);
                        finish_para(&mut para, label, &mut tables, &mut lines)
                    }
                    "tr" => {
                        if let Some(row) = tables.last_mut() {
                            let cells: Vec<String> = std::mem::take(row)
                                .into_iter()
                                .map(|c| {
                                    let joined: Vec<String> = c
                                        .paragraphs
                                        .iter()
                                        .map(|p| p.replace(['\t', '\n'], " ").trim().to_string())
                                        .filter(|p| !p.is_empty())
                                        .collect();
                                    joined.join(" ")
                                })
                                .collect();
                            let line = cells.join("\t");
                            // A row inside a cell of an outer table goes into that cell.
                            let outer_cell = tables.len() > 1;
                            if outer_cell {
                                let n = tables.len();
                                if let Some(cell) = tables[n - 2].last_mut() {
                                    cell.paragraphs.push(line.replace('\t', " "));
                                }
                            } else {
                                lines.push(line);
                            }
                        }
                    }
                    "tbl" => {
                        tables.pop();
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip_depth == 0 => para.push_str(&t.xml10_content()),
            Event::CData(t) if in_text && skip_depth == 0 => para.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text && skip_depth == 0 => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    para.push(c);
                } else {
                    match &*r {
                        "lt" => para.push('<'),
                        "gt" => para.push('>'),
                        "amp" => para.push('&'),
                        "quot" => para.push('"'),
                        "apos" => para.push('\''),
                        other => {
                            return Err(err(Msg::ImportUnknownEntity {
                                entity: other.to_string(),
                                part: "word/document.xml".into(),
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
    Ok(DocxText {
        text,
        numbered: numberer.numbered,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tables_and_deletions() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
<w:p><w:r><w:t>主席：</w:t></w:r><w:r><w:t xml:space="preserve">黃部長 &amp; 他</w:t></w:r></w:p>
<w:p><w:r><w:delText>刪除</w:delText></w:r><w:del><w:r><w:t>也刪</w:t></w:r></w:del><w:r><w:t>留下</w:t><w:br/><w:t>下一行</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>單位</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>主題</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>法制處</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p/><w:p><w:r><w:t>完</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(
            document_text(xml, &Lists::default(), &HashMap::new()).unwrap().text,
            "主席：黃部長 & 他\n留下\n下一行\n單位\t主題\n法制處\t甲 乙\n\n完\n"
        );
    }

    #[test]
    fn automatic_numbering_is_written_out() {
        let numbering = r#"<w:numbering xmlns:w="x">
<w:abstractNum w:abstractNumId="3">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographLegalTraditional"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="taiwaneseCountingThousand"/><w:lvlText w:val="%2、"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="taiwaneseCountingThousand"/><w:lvlText w:val="（%3）"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%4."/></w:lvl>
</w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>"#;
        let styles = r#"<w:styles xmlns:w="x">
<w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
<w:style w:styleId="Sub"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"#;
        let p = |props: &str, text: &str| format!("<w:p><w:pPr>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>");
        let num = |id: u32, lvl: u32| format!(r#"<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr>"#);
        let body = [
            p(r#"<w:pStyle w:val="Heading1"/>"#, "報告事項"),
            p(&num(7, 1), "上次會議紀錄確認"),
            p(r#"<w:pStyle w:val="Sub"/>"#, "業務報告"),
            p(&num(7, 2), "數位策略司"),
            p(&num(7, 3), "洽悉"),
            p("", "決定：洽悉。"),
            p(&num(7, 0), "討論事項"),
            p(&num(7, 1), "提案一"),
            p(&num(8, 1), "另一清單"),
        ]
        .concat();
        let xml = format!(r#"<w:document xmlns:w="x"><w:body>{body}</w:body></w:document>"#);
        let lists = parse_numbering(numbering).unwrap();
        let styles = parse_styles(styles).unwrap();
        let got = document_text(&xml, &lists, &styles).unwrap();
        assert_eq!(
            got.text,
            "壹、報告事項\n一、上次會議紀錄確認\n二、業務報告\n（一）數位策略司\n1. 洽悉\n決定：洽悉。\n貳、討論事項\n一、提案一\n五、另一清單\n"
        );
        assert_eq!(got.numbered, 8);
    }
}
