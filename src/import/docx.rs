//! Word .docx → text: each paragraph a line, each table row a tab-separated line (the paragraphs
//! of one cell joined by a space). Deleted text (tracked changes), field codes and the fallback
//! copies of text boxes are skipped; page headers and footers live in other parts and are not read.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::ImportError;

/// The most `word/document.xml` may unpack to (a guard against zip bombs).
const MAX_XML: u64 = 256 * 1024 * 1024;

fn err(message: impl Into<String>) -> ImportError {
    ImportError::Docx {
        path: Default::default(),
        message: message.into(),
    }
}

/// The text of a .docx: paragraphs as lines; table rows as tab-separated lines.
pub fn docx_to_text(bytes: &[u8]) -> Result<String, ImportError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| err(format!("not a zip archive ({e})")))?;
    let mut xml = String::new();
    {
        let file = zip
            .by_name("word/document.xml")
            .map_err(|_| err("no word/document.xml in the archive"))?;
        let size = file.size();
        if size > MAX_XML {
            return Err(ImportError::TooLarge {
                path: Default::default(),
                message: format!(
                    "word/document.xml unpacks to {size} bytes, more than the importer's limit of {MAX_XML}; nothing was imported (split the document, or save its text as .txt)"
                ),
            });
        }
        file.take(MAX_XML + 1)
            .read_to_string(&mut xml)
            .map_err(|e| err(format!("cannot read word/document.xml ({e})")))?;
        if xml.len() as u64 > MAX_XML {
            return Err(ImportError::TooLarge {
                path: Default::default(),
                message: format!(
                    "word/document.xml unpacks to more than the importer's limit of {MAX_XML} bytes; nothing was imported (split the document, or save its text as .txt)"
                ),
            });
        }
    }
    document_text(&xml)
}

#[derive(Default)]
struct Cell {
    paragraphs: Vec<String>,
}

fn document_text(xml: &str) -> Result<String, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut lines: Vec<String> = Vec::new();
    // Open tables: rows of cells being built.
    let mut tables: Vec<Vec<Cell>> = Vec::new();
    let mut para = String::new();
    let mut in_text = false;
    let mut skip_depth = 0usize;
    let mut deleted = 0usize;

    let finish_para = |para: &mut String, tables: &mut Vec<Vec<Cell>>, lines: &mut Vec<String>| {
        let p = std::mem::take(para);
        match tables.last_mut().and_then(|row| row.last_mut()) {
            Some(cell) => cell.paragraphs.push(p),
            None => lines.extend(p.split('\n').map(|l| l.to_string())),
        }
    };

    loop {
        let event = reader.read_event().map_err(|e| {
            err(format!(
                "bad XML in word/document.xml at byte {} ({e})",
                reader.buffer_position()
            ))
        })?;
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
                    "Fallback" | "instrText" | "delInstrText" => skip_depth = 1,
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
                    "tab" => para.push('\t'),
                    "br" | "cr" => para.push('\n'),
                    "noBreakHyphen" => para.push('-'),
                    "p" => finish_para(&mut para, &mut tables, &mut lines),
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
                    "p" => finish_para(&mut para, &mut tables, &mut lines),
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
                        other => return Err(err(format!("unknown entity &{other}; in word/document.xml"))),
                    }
                }
            }
            _ => {}
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    Ok(text)
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
            document_text(xml).unwrap(),
            "主席：黃部長 & 他\n留下\n下一行\n單位\t主題\n法制處\t甲 乙\n\n完\n"
        );
    }
}
