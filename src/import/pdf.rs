//! PDF → text, in the shape the text cleaner reads: one line per printed line, in reading order
//! (top to bottom, left to right), pages separated by a form feed so that [`super::text`] can
//! tell page furniture (page numbers, running headers at page boundaries) from content, and mend
//! the lines the PDF wrapped.
//!
//! The glyphs are decoded by `pdf_oxide` (MIT OR Apache-2.0, pure Rust), which maps embedded
//! fonts through their ToUnicode CMaps and CJK fonts without one through the predefined CMaps
//! (Adobe-CNS1: UniCNS-UCS2-H, ETen-B5-H, B5pc-H, …), so a government PDF whose fonts are not
//! embedded still reads as Unicode. Here its text spans are grouped into lines by their baseline.

use pdf_oxide::layout::TextSpan;
use pdf_oxide::PdfDocument;

use super::ImportError;
use crate::messages::Msg;

fn err(message: Msg) -> ImportError {
    ImportError::Pdf {
        path: Default::default(),
        message: Box::new(message),
    }
}

/// What a PDF held: its text (pages separated by `\u{c}`) and its page count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfText {
    pub text: String,
    pub pages: usize,
    /// 1-based pages with no text in their text layer (scanned pages among typed ones): what they
    /// show is not in the text, and the importer says so.
    pub blank_pages: Vec<usize>,
    /// The captions and values of form fields (a «返回議程» button on every page), with their
    /// 1-based page: drawn by the viewer, not part of the page's text, so they are reported as
    /// removed, never dropped silently.
    pub form_texts: Vec<(usize, String)>,
}

/// Read a PDF's text layer. A PDF whose pages carry no text (a scan) is an [`ImportError::Scan`].
pub fn read_pdf(bytes: &[u8]) -> Result<PdfText, ImportError> {
    let doc =
        PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| err(Msg::ImportPdfReader { error: e.to_string() }))?;
    let pages = doc
        .page_count()
        .map_err(|e| err(Msg::ImportPdfReader { error: e.to_string() }))?;
    let mut text = String::new();
    let mut letters = 0usize;
    let mut blank_pages = Vec::new();
    let mut form_texts = Vec::new();
    for page in 0..pages {
        let spans = doc.extract_spans(page).map_err(|e| {
            err(Msg::ImportPdfPage {
                page: page + 1,
                error: e.to_string(),
            })
        })?;
        if page > 0 {
            text.push('\u{c}');
        }
        let mut on_page = 0;
        for line in lines(&spans) {
            on_page += line.chars().filter(|c| !c.is_whitespace()).count();
            text.push_str(&line);
            text.push('\n');
        }
        if on_page == 0 {
            blank_pages.push(page + 1);
        }
        // A page whose annotations cannot be read still has its text.
        for a in doc.get_annotations(page).unwrap_or_default() {
            if a.subtype.as_deref() == Some("Widget") {
                if let Some(t) = widget_text(&a) {
                    form_texts.push((page + 1, t));
                }
            }
        }
        letters += on_page;
    }
    if letters == 0 {
        return Err(ImportError::Scan {
            path: Default::default(),
            pages,
        });
    }
    Ok(PdfText {
        text,
        pages,
        blank_pages,
        form_texts,
    })
}

/// One printed line being assembled.
struct Row<'a> {
    /// Vertical centre of the line (page units).
    centre: f32,
    height: f32,
    spans: Vec<&'a TextSpan>,
}

/// The page's spans as lines, top to bottom; within a line, left to right, with a space where the
/// PDF leaves a visible gap.
fn lines(spans: &[TextSpan]) -> Vec<String> {
    let mut sorted: Vec<&TextSpan> = spans
        .iter()
        .filter(|s| !s.text.trim().is_empty() && s.bbox.height.is_finite() && s.bbox.y.is_finite())
        .collect();
    // pdf_oxide's boxes are in PDF user space: y grows upwards, so the top line has the largest y.
    sorted.sort_by(|a, b| centre(b).total_cmp(&centre(a)).then(a.bbox.x.total_cmp(&b.bbox.x)));
    let mut rows: Vec<Row> = Vec::new();
    for s in sorted {
        let h = s.bbox.height.max(1.0);
        match rows.last_mut() {
            // Same line when the centres are closer than half the smaller height.
            Some(r) if (r.centre - centre(s)).abs() < 0.5 * r.height.min(h) => {
                r.spans.push(s);
            }
            _ => rows.push(Row {
                centre: centre(s),
                height: h,
                spans: vec![s],
            }),
        }
    }
    // The page's left margin: a line that starts half a character or more to the right of it is
    // indented, and keeps that as leading spaces (a header value's continuation is indented so).
    let margin = rows
        .iter()
        .filter_map(|r| r.spans.iter().map(|s| s.bbox.x).min_by(f32::total_cmp))
        .min_by(f32::total_cmp)
        .unwrap_or(0.0);
    rows.into_iter()
        .map(|mut r| {
            r.spans.sort_by(|a, b| a.bbox.x.total_cmp(&b.bbox.x));
            let mut line = String::new();
            if let Some(first) = r.spans.first() {
                let size = if first.font_size > 0.0 {
                    first.font_size
                } else {
                    first.bbox.height
                };
                let indent = if size > 0.0 {
                    (first.bbox.x - margin) / size
                } else {
                    0.0
                };
                if indent >= 0.5 {
                    line.push_str(&" ".repeat(indent.round().clamp(1.0, 8.0) as usize));
                }
            }
            let mut right: Option<f32> = None;
            for s in r.spans {
                if let Some(end) = right {
                    let gap = s.bbox.x - end;
                    let size = if s.font_size > 0.0 { s.font_size } else { s.bbox.height };
                    if gap > 0.25 * size && !line.ends_with(' ') && !s.text.starts_with(' ') {
                        line.push(' ');
                    }
                }
                line.push_str(&span_text(s));
                right = Some(right.map_or(s.bbox.x + s.bbox.width, |r: f32| r.max(s.bbox.x + s.bbox.width)));
            }
            line.trim_end().to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// The text a form field shows: its value, or a button's caption (`/MK /CA`).
fn widget_text(a: &pdf_oxide::annotations::Annotation) -> Option<String> {
    let caption = a
        .raw_dict
        .as_ref()
        .and_then(|d| d.get("MK"))
        .and_then(|mk| mk.as_dict())
        .and_then(|mk| mk.get("CA"))
        .and_then(|ca| match ca {
            pdf_oxide::object::Object::String(b) => Some(pdf_string(b)),
            _ => None,
        });
    [a.field_value.clone(), caption]
        .into_iter()
        .flatten()
        .map(|t| t.trim().to_string())
        .find(|t| !t.is_empty() && t != "Off")
}

/// A PDF text string: UTF-16BE after its byte-order mark, else PDFDocEncoding (read as Latin-1,
/// which it is for letters and digits).
fn pdf_string(b: &[u8]) -> String {
    match b.strip_prefix(&[0xfe, 0xff]) {
        Some(u) => {
            let units: Vec<u16> = u.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        None => b.iter().map(|&c| c as char).collect(),
    }
}

fn wide(c: char) -> bool {
    (c as u32) >= 0x1100 && !c.is_whitespace()
}

/// A span's text without the spaces it has between two CJK characters where it leaves them no
/// room: a justified line's spacing (`、生 命 科` in a span no wider than its four characters) is
/// no word space. Only a span of wide characters can be measured so; any other keeps its spaces.
fn span_text(s: &TextSpan) -> std::borrow::Cow<'_, str> {
    let t = s.text.as_str();
    let size = if s.font_size > 0.0 { s.font_size } else { s.bbox.height };
    if !t.contains(' ') || size <= 0.0 || !t.chars().all(|c| c == ' ' || wide(c)) {
        return t.into();
    }
    // The spaces take room when the span is wider than its characters (a tenth of one spared for
    // rounding): `陳主席天成 紀錄` is 87 wide for 7 characters of 12; `、生 命 科` is 51.7 for 4 of 14.04.
    let glyphs = t.chars().filter(|&c| c != ' ').count() as f32;
    if s.bbox.width > (glyphs + 0.1) * size {
        return t.into();
    }
    t.chars().filter(|&c| c != ' ').collect::<String>().into()
}

fn centre(s: &TextSpan) -> f32 {
    s.bbox.y + s.bbox.height / 2.0
}
