//! PDF → text, in the shape the text cleaner reads: one line per printed line, in reading order
//! (top to bottom, left to right), pages separated by a form feed so that [`super::text`] can
//! tell page furniture (page numbers, running headers at page boundaries) from content, and mend
//! the lines the PDF wrapped.
//!
//! The glyphs are decoded by `pdf_oxide` (MIT OR Apache-2.0, pure Rust), which maps embedded
//! fonts through their ToUnicode CMaps and CJK fonts without one through the predefined CMaps
//! (Adobe-CNS1: UniCNS-UCS2-H, ETen-B5-H, B5pc-H, …), so a government PDF whose fonts are not
//! embedded still reads as Unicode. Here its text spans are grouped into lines by their baseline.
//!
//! A ruled table (pdf_oxide's table detector, which reads the page's ruling lines and text
//! alignment) becomes one tab-separated line per row, as a .docx table does, so the text cleaner
//! makes it a Markdown table: its cells' wrapped lines are joined within each band between two
//! horizontal rules. A detected table is used only when its cells hold exactly the letters and
//! digits of the spans inside it; otherwise its lines are read as any other text.

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
        let spans = without_overprint(&doc, page, spans);
        if page > 0 {
            text.push('\u{c}');
        }
        let mut on_page = 0;
        for line in page_lines(&doc, page, &spans) {
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

/// The page's lines, top to bottom: its tables' rows (tab-separated) where the tables are, and
/// every other span as [`lines`] reads it.
fn page_lines(doc: &PdfDocument, page: usize, spans: &[TextSpan]) -> Vec<String> {
    let tables = tables(doc, page, spans);
    if tables.is_empty() {
        return lines(spans).into_iter().map(|(_, l)| l).collect();
    }
    let outside: Vec<TextSpan> = spans
        .iter()
        .filter(|s| !tables.iter().any(|t| inside(&t.bbox, s)))
        .cloned()
        .collect();
    let mut all: Vec<(f32, String)> = lines(&outside);
    for t in tables {
        let top = t.bbox.y + t.bbox.height;
        // Rows keep their order: each a hair below the one before, all at the table's top.
        for (i, row) in t.rows.into_iter().enumerate() {
            all.push((top - i as f32 * 1e-3, row));
        }
    }
    all.sort_by(|a, b| b.0.total_cmp(&a.0));
    all.into_iter().map(|(_, l)| l).collect()
}

/// A table of the page, as lines of tab-separated cells.
struct Table {
    bbox: pdf_oxide::geometry::Rect,
    rows: Vec<String>,
}

/// Whether a span's centre lies in `r` (a point of slack for rounding).
fn inside(r: &pdf_oxide::geometry::Rect, s: &TextSpan) -> bool {
    let (x, y) = (s.bbox.x + s.bbox.width / 2.0, centre(s));
    x >= r.x - 1.0 && x <= r.x + r.width + 1.0 && y >= r.y - 1.0 && y <= r.y + r.height + 1.0
}

/// The letters and digits of a text, sorted: what a table must hold of the spans it replaces.
fn letters_of<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<char> {
    let mut v: Vec<char> = texts.flat_map(|t| t.chars()).filter(|c| c.is_alphanumeric()).collect();
    v.sort_unstable();
    v
}

/// The page's ruled tables whose cells hold exactly the letters of the spans inside them.
fn tables(doc: &PdfDocument, page: usize, spans: &[TextSpan]) -> Vec<Table> {
    // Ruling lines: a table needs them, and a page without any costs no table detection.
    let rules: Vec<pdf_oxide::geometry::Rect> = doc
        .extract_paths(page)
        .unwrap_or_default()
        .into_iter()
        .filter(|p| p.is_table_primitive())
        .map(|p| p.bbox)
        .collect();
    if rules.len() < 4 {
        return Vec::new();
    }
    // The detector's tables first; then a grid of rules it left (it drops a table most of whose
    // printed lines are empty in most columns: one whose cells wrap over many lines, as a
    // tracking table's 辦理情形 does), whose cells are the boxes between the rules.
    let detected = doc
        .extract_tables(page)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|t| {
            let bbox = t.bbox?;
            let rows = logical_rows(&t, &bbox, &rules);
            Some(Table { bbox, rows })
        });
    // Of tables that overlap, the one that holds more of the page's text is taken (the detector
    // may find one row of a grid whose other rows it drops: 雲林縣議會's 民乙 10 of 民乙 10–13); at
    // the same size the detector's comes first.
    let mut candidates: Vec<(usize, Table)> = detected
        .chain(grid_tables(&rules, spans))
        .filter(|t| !t.rows.is_empty())
        .filter_map(|t| {
            let replaced = letters_of(spans.iter().filter(|s| inside(&t.bbox, s)).map(|s| s.text.as_str()));
            (replaced == letters_of(t.rows.iter().map(String::as_str))).then_some((replaced.len(), t))
        })
        .collect();
    candidates.sort_by_key(|c| std::cmp::Reverse(c.0));
    let mut out: Vec<Table> = Vec::new();
    for (_, t) in candidates {
        if !out.iter().any(|o| overlaps(&o.bbox, &t.bbox)) {
            out.push(t);
        }
    }
    out
}

/// A rule of a table: horizontal at `at` (its height) from `from` to `to` along x, or vertical at
/// `at` (its x) from `from` to `to` along y.
#[derive(Clone, Copy)]
struct Rule {
    horizontal: bool,
    at: f32,
    from: f32,
    to: f32,
}

impl Rule {
    fn across(at: f32, from: f32, to: f32) -> Rule {
        Rule {
            horizontal: true,
            at,
            from,
            to,
        }
    }

    fn down(at: f32, from: f32, to: f32) -> Rule {
        Rule {
            horizontal: false,
            at,
            from,
            to,
        }
    }
}

/// Tables ruled as grids: each set of touching horizontal and vertical rules with three or more
/// of each (two rows of two columns at least), its rows the bands between the horizontal rules
/// and its columns those between the vertical ones; a cell is the text whose centre lies in its
/// box, its printed lines joined. A table of fewer than two rows with text is none.
fn grid_tables(rects: &[pdf_oxide::geometry::Rect], spans: &[TextSpan]) -> Vec<Table> {
    let mut rules: Vec<Rule> = Vec::new();
    for r in rects {
        let (w, h) = (r.width.abs(), r.height.abs());
        let (x, y) = (r.x.min(r.x + r.width), r.y.min(r.y + r.height));
        if h < 2.0 && w > 5.0 {
            rules.push(Rule::across(y + h / 2.0, x, x + w));
        } else if w < 2.0 && h > 5.0 {
            rules.push(Rule::down(x + w / 2.0, y, y + h));
        } else if w > 5.0 && h > 5.0 {
            // A cell's border drawn as a box: its four edges.
            rules.extend([
                Rule::across(y, x, x + w),
                Rule::across(y + h, x, x + w),
                Rule::down(x, y, y + h),
                Rule::down(x + w, y, y + h),
            ]);
        }
    }
    const SLACK: f32 = 2.0;
    let touch = |a: &Rule, b: &Rule| {
        let (h, v) = match (a.horizontal, b.horizontal) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            _ => {
                // Two rules on one line that meet or overlap.
                return (a.at - b.at).abs() < SLACK && a.from <= b.to + SLACK && b.from <= a.to + SLACK;
            }
        };
        v.at >= h.from - SLACK && v.at <= h.to + SLACK && h.at >= v.from - SLACK && h.at <= v.to + SLACK
    };
    // Sets of touching rules (union-find).
    let mut parent: Vec<usize> = (0..rules.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for i in 0..rules.len() {
        for j in i + 1..rules.len() {
            if touch(&rules[i], &rules[j]) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<Rule>> = Default::default();
    for (i, r) in rules.iter().enumerate() {
        groups.entry(root(&mut parent, i)).or_default().push(*r);
    }
    let distinct = |mut v: Vec<f32>| {
        v.sort_by(f32::total_cmp);
        let mut out: Vec<f32> = Vec::new();
        for x in v {
            if out.last().is_none_or(|&l| x - l >= SLACK) {
                out.push(x);
            }
        }
        out
    };
    let mut out = Vec::new();
    for group in groups.into_values() {
        let xs = distinct(group.iter().filter(|r| !r.horizontal).map(|r| r.at).collect());
        let ys = distinct(group.iter().filter(|r| r.horizontal).map(|r| r.at).collect());
        if xs.len() < 3 || ys.len() < 3 {
            continue;
        }
        let (x0, x1, y0, y1) = (xs[0], xs[xs.len() - 1], ys[0], ys[ys.len() - 1]);
        let bbox = pdf_oxide::geometry::Rect {
            x: x0,
            y: y0,
            width: x1 - x0,
            height: y1 - y0,
        };
        // Rows top to bottom (y grows upwards), columns left to right.
        let (cols, rows_n) = (xs.len() - 1, ys.len() - 1);
        let mut cells: Vec<Vec<Vec<TextSpan>>> = vec![vec![Vec::new(); cols]; rows_n];
        for s in spans.iter().filter(|s| inside(&bbox, s)) {
            let (cx, cy) = (s.bbox.x + s.bbox.width / 2.0, centre(s));
            let col = xs.iter().filter(|&&x| x < cx).count().clamp(1, cols) - 1;
            let row = rows_n - (ys.iter().filter(|&&y| y < cy).count().clamp(1, rows_n) - 1) - 1;
            cells[row][col].push(s.clone());
        }
        let rows: Vec<String> = cells
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| cell_text(lines(c).into_iter().map(|(_, l)| l.trim().to_string()).collect()))
                    .map(|c| c.replace('\t', " "))
                    .collect::<Vec<_>>()
            })
            .filter(|r| r.iter().any(|c| !c.is_empty()))
            .map(|r| r.join("\t"))
            .collect();
        if rows.len() >= 2 {
            out.push(Table { bbox, rows });
        }
    }
    out
}

fn overlaps(a: &pdf_oxide::geometry::Rect, b: &pdf_oxide::geometry::Rect) -> bool {
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/// The detector's rows are printed lines; a cell whose text wraps takes several. The horizontal
/// rules that cross a quarter of the table or more divide it into its real rows: every printed
/// line between two of them is one row, each cell the joined text of its column. Without such
/// rules each printed line stays a row.
fn logical_rows(
    t: &pdf_oxide::structure::table_extractor::Table,
    bbox: &pdf_oxide::geometry::Rect,
    rules: &[pdf_oxide::geometry::Rect],
) -> Vec<String> {
    // Horizontal rules inside the table, by height (a cell's border box gives its two edges).
    let mut edges: Vec<(f32, f32)> = Vec::new();
    for r in rules {
        if r.x + r.width < bbox.x || r.x > bbox.x + bbox.width {
            continue;
        }
        if r.height.abs() < 2.0 {
            edges.push((r.y + r.height / 2.0, r.width.abs()));
        } else if r.width.abs() > 5.0 && r.height.abs() > 5.0 {
            edges.push((r.y, r.width.abs()));
            edges.push((r.y + r.height, r.width.abs()));
        }
    }
    edges.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Segments at the same height (one a cell) add up.
    let mut bounds: Vec<(f32, f32)> = Vec::new();
    for (y, w) in edges {
        match bounds.last_mut() {
            Some(b) if (b.0 - y).abs() < 2.0 => b.1 += w,
            _ => bounds.push((y, w)),
        }
    }
    let bounds: Vec<f32> = bounds
        .into_iter()
        .filter(|&(y, w)| w >= bbox.width * 0.25 && y > bbox.y - 2.0 && y < bbox.y + bbox.height + 2.0)
        .map(|(y, _)| y)
        .collect();
    let cols = t.col_count.max(1);
    // Each printed line's cells by column, with the band (between rules) it falls in.
    let mut bands: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, row) in t.rows.iter().enumerate() {
        let mut cells = vec![String::new(); cols];
        let mut col = 0;
        let mut y = None;
        for c in &row.cells {
            if let Some(b) = c.bbox.filter(|_| !c.text.trim().is_empty()) {
                y.get_or_insert(b.y + b.height / 2.0);
            }
            if col < cols {
                cells[col] = cell_text(c.text.split('\n').map(|l| l.trim().to_string()).collect());
            }
            col += c.colspan.max(1) as usize;
        }
        // A line between the same two rules as the line before is the same row.
        let band = match (y, bounds.len() >= 2) {
            (Some(y), true) => bounds.iter().filter(|&&b| b > y).count(),
            _ => usize::MAX - i,
        };
        match bands.last_mut() {
            Some((b, acc)) if *b == band => {
                for (a, c) in acc.iter_mut().zip(cells) {
                    *a = join(a, &c);
                }
            }
            _ => bands.push((band, cells)),
        }
    }
    bands
        .into_iter()
        .map(|(_, cells)| cells)
        .filter(|cells| cells.iter().any(|c| !c.is_empty()))
        .map(|cells| {
            cells
                .iter()
                .map(|c| c.replace('\t', " "))
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect()
}

/// A cell's printed lines as its text: wrapped text joined ([`join`]); but a cell whose every line
/// is a name (two to four Chinese characters, as a table lists proposers one under another:
/// `李合同` | `李明哲` | `廖清祥`) keeps a space between them, as a list of names does.
fn cell_text(lines: Vec<String>) -> String {
    let lines: Vec<String> = lines.into_iter().filter(|l| !l.is_empty()).collect();
    let name = |l: &str| {
        let n = l.chars().filter(|c| !c.is_whitespace()).count();
        (2..=4).contains(&n) && l.chars().all(|c| c == ' ' || (wide(c) && c.is_alphabetic()))
    };
    if lines.len() >= 2 && lines.iter().all(|l| name(l)) {
        return lines.join(" ");
    }
    lines.iter().fold(String::new(), |a, l| join(&a, l))
}

/// Two pieces of a cell's text wrapped over lines: CJK text joins as it is, other text with a
/// space.
fn join(a: &str, b: &str) -> String {
    if a.is_empty() {
        return b.to_string();
    }
    if b.is_empty() {
        return a.to_string();
    }
    let cjk_seam = a.chars().last().is_some_and(wide) || b.chars().next().is_some_and(wide);
    if cjk_seam || a.ends_with(' ') {
        format!("{a}{b}")
    } else {
        format!("{a} {b}")
    }
}

/// One printed line being assembled.
struct Row<'a> {
    /// Vertical centre of the line (page units).
    centre: f32,
    height: f32,
    spans: Vec<&'a TextSpan>,
}

/// The page's spans as lines, top to bottom, each with its vertical centre; within a line, left
/// to right, with a space where the PDF leaves a visible gap.
fn lines(spans: &[TextSpan]) -> Vec<(f32, String)> {
    let mut sorted: Vec<&TextSpan> = spans
        .iter()
        .filter(|s| !s.text.is_empty() && s.bbox.height.is_finite() && s.bbox.y.is_finite())
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
            let y = r.centre;
            r.spans.sort_by(|a, b| a.bbox.x.total_cmp(&b.bbox.x));
            let mut line = String::new();
            if let Some(first) = r.spans.iter().find(|s| !s.text.trim().is_empty()) {
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
                // A space drawn as a run of its own (Google Docs' PDFs draw `第 28 屆` so) is a
                // space between the runs it stands between.
                if s.text.trim().is_empty() {
                    if right.is_some() && !line.ends_with(' ') {
                        line.push(' ');
                    }
                    continue;
                }
                if let Some(end) = right {
                    let gap = s.bbox.x - end;
                    let size = if s.font_size > 0.0 { s.font_size } else { s.bbox.height };
                    let next = s.text.chars().next().unwrap_or(' ');
                    if size > 0.0
                        && space_at_gap(line.chars().last(), next, gap / size)
                        && !line.ends_with(' ')
                        && !s.text.starts_with(' ')
                    {
                        line.push(' ');
                    }
                }
                line.push_str(&span_text(s));
                right = Some(right.map_or(run_end(s), |r: f32| r.max(run_end(s))));
            }
            (y, line.trim_end().to_string())
        })
        .filter(|(_, l)| !l.is_empty())
        .collect()
}

/// Whether a gap of `em` (in the font's size) between two glyphs drawn with no space between them
/// is a space to a reader: over a quarter em. (Word's and LibreOffice's autospace between a CJK
/// character and a Latin letter or digit is a quarter em too, drawn 0.24–0.26 em wide, and a typed
/// space of a Latin font as wide: the gap alone cannot tell them apart, so `四段 1號` keeps what the
/// widths say.)
fn space_at_gap(_before: Option<char>, _after: char, em: f32) -> bool {
    em > 0.25
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

/// The spans without the copies of glyphs drawn again over themselves: a printer driver fakes a
/// bold face by drawing each run two or three times a fraction of a point apart (`編` at 666.44
/// and again at 666.20), which a reader sees as one glyph and a plain reading as `編編編` (the
/// extractor's own check misses copies that straddle a rounded baseline, and it interleaves the
/// copies' glyphs in one span, `第第一一審查會`). Runs that overlap on a line by more than half a
/// glyph (or half the narrower run) are such copies, or hold them: they are read again from the page's glyphs, each glyph
/// once — a glyph is a copy when the same character was already drawn within a third of its width
/// across and a third of the font size up or down; two glyphs of a word (`ll`, `一一`) stand a
/// full advance apart and are both kept. Runs that overlap nothing are left as they are.
fn without_overprint(doc: &PdfDocument, page: usize, spans: Vec<TextSpan>) -> Vec<TextSpan> {
    let size_of = |s: &TextSpan| if s.font_size > 0.0 { s.font_size } else { s.bbox.height };
    let run_right = run_end;
    let overlap = |a: &TextSpan, b: &TextSpan| {
        let size = size_of(a).min(size_of(b));
        let (wa, wb) = (run_right(a) - a.bbox.x, run_right(b) - b.bbox.x);
        let across = (a.bbox.x + wa).min(b.bbox.x + wb) - a.bbox.x.max(b.bbox.x);
        let narrow = wa.min(wb);
        (a.bbox.y - b.bbox.y).abs() < size / 3.0 && across > (size / 2.0).min(narrow / 2.0).max(0.5)
    };
    // Clusters of overlapping runs (union-find over the page's runs).
    let n = spans.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let mut any = false;
    // By height on the page: only runs less than a third of a glyph apart up or down can overlap,
    // so each is compared with those of its line only.
    let mut order: Vec<usize> = (0..n)
        .filter(|&i| !spans[i].text.trim().is_empty() && spans[i].bbox.y.is_finite())
        .collect();
    order.sort_by(|&a, &b| spans[a].bbox.y.total_cmp(&spans[b].bbox.y));
    for (k, &i) in order.iter().enumerate() {
        let reach = size_of(&spans[i]) / 3.0;
        for &j in &order[k + 1..] {
            if spans[j].bbox.y - spans[i].bbox.y >= reach {
                break;
            }
            if overlap(&spans[i], &spans[j]) {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                if ri != rj {
                    parent[rj] = ri;
                }
                any = true;
            }
        }
    }
    if !any {
        return spans;
    }
    // The page's glyphs, each once.
    let mut kept: std::collections::HashMap<char, Vec<(f32, f32)>> = std::collections::HashMap::new();
    let glyphs: Vec<pdf_oxide::layout::TextChar> = doc
        .extract_chars(page)
        .unwrap_or_default()
        .into_iter()
        .filter(|c| !c.char.is_whitespace())
        .filter(|c| {
            let size = if c.font_size > 0.0 { c.font_size } else { c.bbox.height };
            let width = if c.bbox.width > 0.0 { c.bbox.width } else { size };
            let (dx, dy) = ((width / 3.0).min(2.0), (size / 3.0).min(2.0));
            let seen = kept.entry(c.char).or_default();
            let copy = seen
                .iter()
                .any(|&(x, y)| (c.bbox.x - x).abs() < dx && (c.bbox.y - y).abs() < dy);
            if !copy {
                seen.push((c.bbox.x, c.bbox.y));
            }
            !copy
        })
        .collect();
    if glyphs.is_empty() {
        return spans;
    }
    // The glyphs by height, so that a line's are found without going through the page's.
    let mut by_y: Vec<usize> = (0..glyphs.len()).collect();
    by_y.sort_by(|&a, &b| glyphs[a].bbox.y.total_cmp(&glyphs[b].bbox.y));
    let mut clusters: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        clusters.entry(r).or_default().push(i);
    }
    let mut used = vec![false; glyphs.len()];
    let mut out = Vec::with_capacity(n);
    for members in clusters.into_values() {
        if members.len() == 1 {
            out.push(spans[members[0]].clone());
            continue;
        }
        let first = &spans[members[0]];
        let size = size_of(first);
        let left = members.iter().map(|&i| spans[i].bbox.x).fold(f32::INFINITY, f32::min);
        let right = members
            .iter()
            .map(|&i| run_right(&spans[i]))
            .fold(f32::NEG_INFINITY, f32::max);
        let y = members.iter().map(|&i| spans[i].bbox.y).sum::<f32>() / members.len() as f32;
        // The glyphs of the runs: on their line, starting within the runs' extent and more than
        // a quarter glyph before its end (the next run's first glyph may start a point before it).
        let from = by_y.partition_point(|&g| glyphs[g].bbox.y <= y - size / 2.0);
        let mut mine: Vec<usize> = by_y[from..]
            .iter()
            .copied()
            .take_while(|&g| glyphs[g].bbox.y < y + size / 2.0)
            .filter(|&g| {
                let c = &glyphs[g];
                !used[g] && c.bbox.x >= left - 1.0 && c.bbox.x < right - size / 4.0
            })
            .collect();
        let expected: usize = members
            .iter()
            .map(|&i| spans[i].text.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        if mine.is_empty() || mine.len() > expected {
            // The glyphs do not account for the runs: keep the runs as they are.
            out.extend(members.iter().map(|&i| spans[i].clone()));
            continue;
        }
        mine.sort_by(|&a, &b| glyphs[a].bbox.x.total_cmp(&glyphs[b].bbox.x));
        let mut text = String::new();
        let mut widths = Vec::new();
        let mut offsets = Vec::new();
        let mut end: Option<f32> = None;
        for &g in &mine {
            used[g] = true;
            let c = &glyphs[g];
            let w = if wide(c.char) && c.bbox.width < 0.5 * size {
                size
            } else {
                c.bbox.width
            };
            if end.is_some_and(|e| space_at_gap(text.chars().last(), c.char, (c.bbox.x - e) / size)) {
                text.push(' ');
                widths.push(0.0);
                offsets.push(end.unwrap_or(c.bbox.x));
            }
            text.push(c.char);
            widths.push(w);
            offsets.push(c.bbox.x);
            end = Some(end.map_or(c.bbox.x + w, |e: f32| e.max(c.bbox.x + w)));
        }
        let mut t = first.clone();
        t.bbox.x = glyphs[mine[0]].bbox.x;
        t.bbox.width = end.unwrap_or(right) - t.bbox.x;
        t.text = text;
        t.char_widths = widths;
        t.char_x_offsets = offsets;
        out.push(t);
    }
    out
}

/// Where a run ends: its box's right edge, or a glyph further where its last glyph is a wide one
/// the PDF gives no width (0.0003, as some printer drivers' fonts do): without it a gap would
/// open after every such run (`建請縣府籌 編 經費`).
fn run_end(s: &TextSpan) -> f32 {
    let size = if s.font_size > 0.0 { s.font_size } else { s.bbox.height };
    let last_wide = s.text.trim_end().chars().last().is_some_and(wide);
    let last_width = s.char_widths.last().copied().unwrap_or(size);
    s.bbox.x
        + s.bbox.width
        + if last_wide && last_width < size / 2.0 {
            size
        } else {
            0.0
        }
}

fn centre(s: &TextSpan) -> f32 {
    s.bbox.y + s.bbox.height / 2.0
}
