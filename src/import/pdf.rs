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

fn err(message: impl Into<String>) -> ImportError {
    ImportError::Pdf {
        path: Default::default(),
        message: message.into(),
    }
}

/// What a PDF held: its text (pages separated by `\u{c}`) and its page count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfText {
    pub text: String,
    pub pages: usize,
}

/// Read a PDF's text layer. A PDF whose pages carry no text (a scan) is an [`ImportError::Scan`].
pub fn read_pdf(bytes: &[u8]) -> Result<PdfText, ImportError> {
    let doc = PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| err(e.to_string()))?;
    let pages = doc.page_count().map_err(|e| err(e.to_string()))?;
    let mut text = String::new();
    let mut letters = 0usize;
    for page in 0..pages {
        let spans = doc
            .extract_spans(page)
            .map_err(|e| err(format!("page {}: {e}", page + 1)))?;
        if page > 0 {
            text.push('\u{c}');
        }
        for line in lines(&spans) {
            letters += line.chars().filter(|c| !c.is_whitespace()).count();
            text.push_str(&line);
            text.push('\n');
        }
    }
    if letters == 0 {
        return Err(ImportError::Scan {
            path: Default::default(),
            pages,
        });
    }
    Ok(PdfText { text, pages })
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
                line.push_str(&s.text);
                right = Some(right.map_or(s.bbox.x + s.bbox.width, |r: f32| r.max(s.bbox.x + s.bbox.width)));
            }
            line.trim_end().to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

fn centre(s: &TextSpan) -> f32 {
    s.bbox.y + s.bbox.height / 2.0
}
