//! Markdown to HTML with pulldown-cmark: tables, footnotes, strikethrough, task lists and heading
//! anchors. Also yields what later steps need without re-parsing: the headings with their ids and
//! lines, the plain text of each section, and the links (for `check`). Raw HTML in a record is
//! shown as text, never passed through, and `javascript:` links are dropped.

pub mod allowlist;
pub mod highlight;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// A heading of the body.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub id: String,
    /// 1-based line in the file.
    pub line: usize,
}

/// The text between one heading and the next (of any level). `heading` is `None` for the part
/// before the first heading.
#[derive(Debug, Clone, Default)]
pub struct Section {
    pub heading: Option<usize>,
    pub text: String,
    /// Each paragraph-like block: the 1-based line it starts on in the file, and its byte range in
    /// `text` (blocks are joined by newlines there). A loaded record keeps them empty: only reading
    /// its structure needs them.
    pub blocks: Vec<(usize, std::ops::Range<usize>)>,
}

impl Section {
    /// Each block's first line and text.
    pub fn block_texts(&self) -> impl Iterator<Item = (usize, &str)> {
        self.blocks.iter().map(|(l, r)| (*l, &self.text[r.clone()]))
    }
}

/// A link written in the body.
#[derive(Debug, Clone)]
pub struct Link {
    pub dest: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub sections: Vec<Section>,
    pub links: Vec<Link>,
    pub has_code: bool,
    /// Heading attributes (`{.class key=value}`) written in the body and dropped: only an `{#id}`
    /// may come from content. Each with its 1-based line and column and what was dropped.
    pub dropped_attributes: Vec<DroppedAttributes>,
    /// Ids given to blocks other than headings (see [`render_with`]): (line, id).
    pub block_ids: Vec<(usize, String)>,
}

/// The classes and attributes of one heading's `{...}` that were not rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedAttributes {
    pub line: usize,
    pub column: usize,
    /// As written: `.class` or `key=value` (or `key`).
    pub dropped: Vec<String>,
}

/// Render `body`, whose first line is line `body_line` of `file_text`. `preferred_id` may give a
/// heading its anchor (agenda items and unit reports get stable ones); other headings get a slug
/// of their text. Ids are unique within the page.
pub fn render(body: &str, body_line: usize, preferred_id: &dyn Fn(&str) -> Option<String>) -> Rendered {
    render_with(body, body_line, preferred_id, &mut |_| Vec::new())
}

/// [`render`], and give ids to blocks that are not headings. `block_ids` is called once the
/// headings and sections are read and before the HTML is written (the [`Rendered`] it sees has
/// no HTML yet): it names blocks by the line they start on, each with the id it should get
/// (agenda items written as labelled paragraphs). Each id is made a [`slugify`] slug, so content
/// can never put markup into the attribute, and unique among the headings' and each other; the
/// paragraph, list item or table row starting on that line carries it, and
/// [`Rendered::block_ids`] says which id each line got.
pub fn render_with(
    body: &str,
    body_line: usize,
    preferred_id: &dyn Fn(&str) -> Option<String>,
    block_ids: &mut dyn FnMut(&Rendered) -> Vec<(usize, String)>,
) -> Rendered {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(body.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of =
        |offset: usize| -> usize { body_line + line_starts.partition_point(|&s| s <= offset).saturating_sub(1) };
    let pos = |offset: usize| -> (usize, usize) {
        let idx = line_starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let col = body[line_starts[idx]..offset.min(body.len())].chars().count() + 1;
        (body_line + idx, col)
    };

    // Raw HTML from content is text, everywhere: the page shows it escaped, and headings, tables
    // of contents, structure, open data and search read the same characters.
    let mut events: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(body, opts)
        .into_offset_iter()
        .map(|(e, r)| match e {
            Event::Html(h) | Event::InlineHtml(h) => (Event::Text(h), r),
            e => (e, r),
        })
        .collect();
    let mut out = Rendered::default();

    // Pass 1: heading texts and ids.
    let mut used = std::collections::BTreeSet::new();
    let mut i = 0;
    while i < events.len() {
        if let (
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }),
            range,
        ) = &events[i]
        {
            let level = heading_level(*level);
            if let Some(d) = dropped_of(body, range.clone(), classes, attrs, &pos) {
                out.dropped_attributes.push(d);
            }
            let explicit = id.as_ref().map(|s| s.to_string());
            let line = line_of(range.start);
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j].0 {
                    text.push_str(t);
                }
                j += 1;
            }
            let text = text.trim().to_string();
            let base = explicit
                .or_else(|| preferred_id(&text))
                .unwrap_or_else(|| slugify(&text));
            let base = if base.is_empty() { "section".to_string() } else { base };
            let mut candidate = base.clone();
            let mut n = 2;
            while !used.insert(candidate.clone()) {
                candidate = format!("{base}-{n}");
                n += 1;
            }
            if let Event::Start(Tag::Heading { id, classes, attrs, .. }) = &mut events[i].0 {
                *id = Some(CowStr::from(candidate.clone()));
                // Only the id comes from content: a class or attribute could run script
                // (`onfocus=… autofocus`) or cover the page (`style=…`).
                classes.clear();
                attrs.clear();
            }
            out.headings.push(Heading {
                level,
                text,
                id: candidate,
                line,
            });
            i = j;
        }
        i += 1;
    }

    // Pass 2: sections' plain text, links, code, and the event stream for HTML, which is written
    // back into `events[..kept]` (one event out per event in at most, so it never overtakes the
    // events still to read; reusing the buffer saves a large allocation per record).
    let mut kept = 0usize;
    // Where each block's opening tag is in `events[..kept]`: (index, line, tag).
    let mut block_starts: Vec<(usize, usize, &'static str)> = Vec::new();
    let mut section = Section::default();
    let mut heading_no = 0usize;
    let mut in_heading = false;
    let mut block = String::new();
    let mut block_line = 0usize;
    let mut code: Option<(String, String)> = None;
    // The open lists, innermost last: the next item's number for an ordered list. An ordered
    // item's text starts with its number, as the page shows it ("1. 同意。").
    let mut lists: Vec<Option<u64>> = Vec::new();
    // The block holds only an item's number so far: the item's paragraph continues it.
    let mut marker_only = false;
    let flush_block = |section: &mut Section, block: &mut String, line: usize| {
        let t = block.trim();
        if !t.is_empty() {
            if !section.text.is_empty() {
                section.text.push('\n');
            }
            let start = section.text.len();
            section.text.push_str(t);
            section.blocks.push((line, start..section.text.len()));
        }
        block.clear();
    };
    let n = events.len();
    for k in 0..n {
        let (ev, range) = std::mem::replace(&mut events[k], (Event::SoftBreak, 0..0));
        if let Some((lang, buf)) = code.as_mut() {
            match ev {
                Event::Text(t) => {
                    buf.push_str(&t);
                    continue;
                }
                Event::End(TagEnd::CodeBlock) => {
                    let highlighted = highlight::highlight(buf, lang);
                    block.push_str(buf);
                    events[kept] = (Event::Html(highlighted.into()), range);
                    kept += 1;
                    code = None;
                    continue;
                }
                _ => continue,
            }
        }
        let cjk_break = matches!(ev, Event::SoftBreak) && {
            let prev = events[..kept].iter().rev().find_map(|(e, _)| match e {
                Event::Text(t) => t.chars().last(),
                _ => None,
            });
            let next = events[k + 1..].iter().find_map(|(e, _)| match e {
                Event::Text(t) => t.chars().next(),
                _ => None,
            });
            prev.is_some_and(is_cjk) || next.is_some_and(is_cjk)
        };
        match &ev {
            Event::Start(Tag::Heading { .. }) => {
                flush_block(&mut section, &mut block, block_line);
                out.sections.push(std::mem::take(&mut section));
                section.heading = Some(heading_no);
                heading_no += 1;
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::CodeBlock(kind)) => {
                out.has_code = true;
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => l.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
                block_line = line_of(range.start);
                continue;
            }
            Event::Start(Tag::List(first)) => lists.push(*first),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                flush_block(&mut section, &mut block, block_line);
                block_line = line_of(range.start);
                block_starts.push((kept, block_line, "li"));
                if let Some(Some(n)) = lists.last_mut() {
                    block.push_str(&format!("{n}. "));
                    *n += 1;
                    marker_only = true;
                }
            }
            Event::Start(Tag::Paragraph) if marker_only => {}
            Event::Start(
                Tag::Paragraph | Tag::TableRow | Tag::TableHead | Tag::BlockQuote(_) | Tag::FootnoteDefinition(_),
            ) => {
                flush_block(&mut section, &mut block, block_line);
                block_line = line_of(range.start);
                match ev {
                    Event::Start(Tag::Paragraph) => block_starts.push((kept, block_line, "p")),
                    Event::Start(Tag::TableRow) => block_starts.push((kept, block_line, "tr")),
                    _ => {}
                }
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead | TagEnd::BlockQuote(_),
            ) => {
                flush_block(&mut section, &mut block, block_line);
            }
            Event::End(TagEnd::TableCell) => block.push('\t'),
            Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
                let (line, column) = pos(range.start);
                out.links.push(Link {
                    dest: dest_url.to_string(),
                    line,
                    column,
                });
            }
            Event::Text(t) | Event::Code(t) if !in_heading => {
                if block.is_empty() {
                    block_line = line_of(range.start);
                }
                // A tab ends a table cell in the plain text (the search reads it as a text
                // boundary), so one written in a paragraph is a space there.
                if t.contains('\t') {
                    block.push_str(&t.replace('\t', " "));
                } else {
                    block.push_str(t);
                }
                marker_only = false;
            }
            Event::SoftBreak | Event::HardBreak if !in_heading && !cjk_break => block.push(' '),
            _ => {}
        }
        let ev = match ev {
            // A line break between CJK characters is not a space in Chinese text.
            Event::SoftBreak if cjk_break => continue,
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: safe_url(dest_url),
                title,
                id,
            }),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type: if link_type == LinkType::Email {
                    LinkType::Inline
                } else {
                    link_type
                },
                dest_url: safe_url(dest_url),
                title,
                id,
            }),
            e => e,
        };
        events[kept] = (ev, range);
        kept += 1;
    }
    flush_block(&mut section, &mut block, block_line);
    out.sections.push(section);
    events.truncate(kept);
    for (line, wanted) in block_ids(&out) {
        // The first block starting on that line: a paragraph inside a list item gives the id to
        // the item.
        let Some(&(at, _, tag)) = block_starts.iter().find(|(_, l, _)| *l == line) else {
            continue;
        };
        let base = slugify(&wanted);
        if base.is_empty() {
            continue;
        }
        let mut id = base.clone();
        let mut n = 2;
        while !used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        // Only letters, digits and `-` are in a slug: nothing to escape in the attribute.
        debug_assert!(id.chars().all(|c| c.is_alphanumeric() || c == '-'));
        events[at].0 = Event::Html(format!("<{tag} id=\"{id}\">").into());
        out.block_ids.push((line, id));
    }
    out.html.reserve(body.len() + body.len() / 4);
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter().map(|(e, _)| e));
    out
}

type Attrs<'a> = [(CowStr<'a>, Option<CowStr<'a>>)];

/// What a heading's `{...}` gives beyond its id, at the `{`.
fn dropped_of(
    body: &str,
    range: std::ops::Range<usize>,
    classes: &[CowStr<'_>],
    attrs: &Attrs<'_>,
    pos: &dyn Fn(usize) -> (usize, usize),
) -> Option<DroppedAttributes> {
    if classes.is_empty() && attrs.is_empty() {
        return None;
    }
    let first_line = body[range.clone()].lines().next().unwrap_or("");
    let brace = first_line.rfind('{').unwrap_or(0);
    let (line, column) = pos(range.start + brace);
    let mut dropped: Vec<String> = classes.iter().map(|c| format!(".{c}")).collect();
    dropped.extend(attrs.iter().map(|(k, v)| match v {
        Some(v) => format!("{k}={v}"),
        None => k.to_string(),
    }));
    Some(DroppedAttributes { line, column, dropped })
}

/// The heading attributes of `body` (starting at line `body_line`) that [`render`] drops, without
/// rendering it: what `check` reports.
pub fn dropped_heading_attributes(body: &str, body_line: usize) -> Vec<DroppedAttributes> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(body.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let pos = |offset: usize| -> (usize, usize) {
        let idx = line_starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let col = body[line_starts[idx]..offset.min(body.len())].chars().count() + 1;
        (body_line + idx, col)
    };
    Parser::new_ext(
        body,
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_HEADING_ATTRIBUTES,
    )
    .into_offset_iter()
    .filter_map(|(e, r)| match e {
        Event::Start(Tag::Heading { classes, attrs, .. }) => dropped_of(body, r, &classes, &attrs, &pos),
        _ => None,
    })
    .collect()
}

fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    // As a browser reads a scheme: tabs, newlines and other controls inside it are ignored.
    let lower: String = url
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("javascript:") || lower.starts_with("vbscript:") || lower.starts_with("data:") {
        CowStr::from("#")
    } else {
        url
    }
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// CJK ideographs, kana, hangul and full-width forms.
pub fn is_cjk(c: char) -> bool {
    let u = c as u32;
    (0x2E80..=0x9FFF).contains(&u)
        || (0xAC00..=0xD7AF).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0xFF00..=0xFFEF).contains(&u)
        || (0x20000..=0x3FFFF).contains(&u)
}

/// An anchor from heading text: the label before the first `：` or `（` note, letters and digits
/// only (CJK kept), spaces as `-`, ASCII lower-cased, at most 40 characters.
pub fn slugify(text: &str) -> String {
    let label = text.split(['：', ':', '（', '(']).next().unwrap_or(text);
    let label = if label.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
        text
    } else {
        label
    };
    let mut out = String::new();
    let mut dash = false;
    for c in label.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' || c == '_' {
            dash = true;
        }
        if out.chars().count() >= 40 {
            break;
        }
    }
    out
}

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn blocks_named_by_line_get_slug_ids() {
        let body = "## 討論事項一\n\n討論事項一：道路案\n\n- 第二案：路燈案\n\n| 案由 | 決議 |\n| --- | --- |\n| 排水案 | 通過 |\n\n\"><script>x</script>\n";
        let r = render_with(body, 1, &none, &mut |r| {
            // The callback sees the sections before the HTML is written.
            assert!(r.html.is_empty() && !r.sections.is_empty());
            vec![
                (3, "討論事項一".into()),
                (5, "第二案".into()),
                (9, "第3案".into()),
                (11, "\"><script>alert(1)</script>".into()),
                (99, "nowhere".into()),
            ]
        });
        // Unique among the headings' ids; on a paragraph, a list item and a table row.
        assert!(
            r.html.contains("<p id=\"討論事項一-2\">討論事項一：道路案</p>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<li id=\"第二案\">"), "{}", r.html);
        assert!(r.html.contains("<tr id=\"第3案\">"), "{}", r.html);
        // Content asking for an id gets a slug of it: no markup can reach the attribute.
        assert!(r.html.contains("<p id=\"scriptalert\">"), "{}", r.html);
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert_eq!(
            r.block_ids,
            [
                (3, "討論事項一-2".to_string()),
                (5, "第二案".to_string()),
                (9, "第3案".to_string()),
                (11, "scriptalert".to_string())
            ]
        );
        // Without names, the HTML is `render`'s.
        assert_eq!(
            render_with(body, 1, &none, &mut |_| Vec::new()).html,
            render(body, 1, &none).html
        );
    }

    #[test]
    fn headings_get_unique_anchors_and_lines() {
        let r = render(
            "## 壹、宣誓\n\ntext\n\n## 壹、宣誓\n\n### Hello World {#custom}\n",
            5,
            &none,
        );
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["壹宣誓", "壹宣誓-2", "custom"]);
        assert_eq!(r.headings[1].line, 9);
        assert!(r.html.contains("<h2 id=\"壹宣誓\">"), "{}", r.html);
    }

    #[test]
    fn raw_html_is_text() {
        let r = render(
            "<script>alert(1)</script>\n\nhi <img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n",
            1,
            &none,
        );
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("<img"), "{}", r.html);
        assert!(!r.html.contains("javascript:"), "{}", r.html);
        assert!(r.html.contains("&lt;script&gt;"), "{}", r.html);
    }

    #[test]
    fn gfm_features() {
        let r = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~\n\n- [x] done\n\nnote[^1]\n\n[^1]: foot\n",
            1,
            &none,
        );
        assert!(
            r.html.contains("<table>") && r.html.contains("<th>a</th>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<del>x</del>"));
        assert!(r.html.contains("checkbox"));
        assert!(r.html.contains("footnote"));
        assert!(!r.has_code);
    }

    #[test]
    fn cjk_soft_breaks_join() {
        let r = render("解除追\n蹤\n", 1, &none);
        assert!(r.html.contains("解除追蹤"), "{}", r.html);
        assert_eq!(r.sections[0].text, "解除追蹤");
    }

    #[test]
    fn heading_attributes_other_than_id_are_dropped() {
        let body =
            "intro\n\n### 標題 {#a onfocus=alert(1) autofocus tabindex=0}\n\n## B {.wide style=position:fixed}\n";
        let r = render(body, 5, &none);
        allowlist::assert_allowed(&r.html);
        assert!(r.html.contains("<h3 id=\"a\">標題</h3>"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"b\">B</h2>"), "{}", r.html);
        assert_eq!(
            r.dropped_attributes,
            vec![
                DroppedAttributes {
                    line: 7,
                    column: 8,
                    dropped: vec!["onfocus=alert(1)".into(), "autofocus".into(), "tabindex=0".into()],
                },
                DroppedAttributes {
                    line: 9,
                    column: 6,
                    dropped: vec![".wide".into(), "style=position:fixed".into()],
                },
            ]
        );
    }

    #[test]
    fn script_urls_raw_html_and_images_cannot_inject() {
        let body = concat!(
            "<script>alert(1)</script>\n\n",
            "<img src=x onerror=alert(1)> and <a href=\"javascript:alert(1)\">x</a>\n\n",
            "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1))\n",
            "[d](<java\tscript:alert(1)>) [e](vbscript:msgbox) [f](data:text/html,<script>x</script>)\n\n",
            "![i](javascript:alert(1)) ![j](data:image/svg+xml,<svg/onload=alert(1)>)\n\n",
            "[k]: javascript:alert(1)\n\n[ref][k] <javascript:alert(1)>\n\n",
            "| a | b |\n|:--|--:|\n| <b onmouseover=x> | y |\n\n- [x] done\n\nnote[^1]\n\n[^1]: foot\n",
        );
        let r = render(body, 1, &none);
        allowlist::assert_allowed(&r.html);
        assert!(r.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{}", r.html);
        assert!(!r.html.to_ascii_lowercase().contains("javascript:\""), "{}", r.html);
    }

    #[test]
    fn the_allow_list_catches_what_it_must() {
        assert!(allowlist::violations("<p>ok <a href=\"/x\">y</a></p>").is_empty());
        let bad = allowlist::violations(
            "<h3 id=\"a\" onfocus=\"alert(1)\" autofocus=\"\"></h3><script></script><a href=\"JavaScript:x\"></a>",
        );
        assert_eq!(bad.len(), 5, "{bad:?}");
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let r = render("```rust\nfn main() {}\n```\n", 1, &none);
        assert!(r.has_code);
        assert!(r.html.contains("class=\"hl-"), "{}", r.html);
    }

    #[test]
    fn sections_follow_headings() {
        let r = render("lead\n\n## A\n\none\n\ntwo\n\n### B\n\nthree\n", 1, &none);
        assert_eq!(r.sections.len(), 3);
        assert_eq!(r.sections[0].text, "lead");
        assert_eq!(r.sections[1].text, "one\ntwo");
        assert_eq!(r.sections[1].blocks[1].0, 7);
        assert_eq!(r.sections[2].heading, Some(1));
    }

    #[test]
    fn ordered_items_keep_their_numbers() {
        let r = render(
            "決議：\n\n1. 同意。\n2. 請數產署協助。\n   - 細節\n\n3. 甲\n\n   續\n\n5) 乙\n6) 丙\n",
            1,
            &none,
        );
        let blocks: Vec<&str> = r.sections[0].block_texts().map(|(_, b)| b).collect();
        assert_eq!(
            blocks,
            [
                "決議：",
                "1. 同意。",
                "2. 請數產署協助。",
                "細節",
                "3. 甲",
                "續",
                "5. 乙",
                "6. 丙"
            ]
        );
        // An item's number is on the item's line.
        assert_eq!(r.sections[0].blocks[4].0, 7);
    }
}
