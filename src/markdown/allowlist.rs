//! The HTML a record body may render to: the elements and attributes pulldown-cmark and syntect
//! write for Markdown, and nothing else. Tests and the fuzz target check rendered bodies with
//! [`violations`]; a content-controlled attribute (an event handler, `style`, `autofocus`) or a
//! script URL is a violation.

/// Elements a rendered body may contain.
pub const ELEMENTS: &[&str] = &[
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "div",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "input",
    "li",
    "ol",
    "p",
    "pre",
    "span",
    "strong",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Attributes a rendered body may carry (on any allowed element). `style` is absent: table cell
/// alignment is the only style pulldown-cmark writes, and it is checked by value.
pub const ATTRIBUTES: &[&str] = &[
    "id", "href", "src", "alt", "title", "class", "type", "disabled", "checked", "start",
];

/// Everything in `html` outside the allow-list, one message each (empty: the HTML is allowed).
pub fn violations(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        let Some(len) = html[start..].find('>') else {
            out.push(format!("unclosed tag at byte {start}"));
            break;
        };
        let tag = &html[start + 1..start + len];
        i = start + len + 1;
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let tag = tag.strip_suffix('/').unwrap_or(tag).trim_end();
        let name_end = tag.find(|c: char| c.is_ascii_whitespace()).unwrap_or(tag.len());
        let name = &tag[..name_end];
        if !ELEMENTS.contains(&name) {
            out.push(format!("element <{name}>"));
            continue;
        }
        let mut rest = &tag[name_end..];
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                break;
            }
            let key_end = rest
                .find(|c: char| c == '=' || c.is_ascii_whitespace())
                .unwrap_or(rest.len());
            let key = &rest[..key_end];
            rest = &rest[key_end..];
            let mut value = None;
            if let Some(r) = rest.strip_prefix('=') {
                if let Some(r) = r.strip_prefix('"') {
                    let end = r.find('"').unwrap_or(r.len());
                    value = Some(&r[..end]);
                    rest = r.get(end + 1..).unwrap_or("");
                } else {
                    let end = r.find(|c: char| c.is_ascii_whitespace()).unwrap_or(r.len());
                    out.push(format!("unquoted value of {key} on <{name}>"));
                    value = Some(&r[..end]);
                    rest = &r[end..];
                }
            }
            let allowed = ATTRIBUTES.contains(&key)
                || (key == "style"
                    && matches!(name, "th" | "td")
                    && value
                        .is_some_and(|v| matches!(v, "text-align: left" | "text-align: center" | "text-align: right")));
            if !allowed {
                out.push(format!("attribute {key} on <{name}>"));
            }
            if matches!(key, "href" | "src") {
                let v = value.map(url_scheme_text).unwrap_or_default();
                if ["javascript:", "vbscript:", "data:"].iter().any(|s| v.starts_with(s)) {
                    out.push(format!("script URL in {key} on <{name}>"));
                }
            }
            if key == "class" && name.starts_with('h') && name.len() == 2 {
                out.push(format!("class on <{name}> from content"));
            }
        }
    }
    out
}

/// A URL as a browser reads its scheme: entities `&#...;` are not decoded here (pulldown-cmark
/// writes `:` literally), tabs, newlines and other controls removed, lower-cased.
fn url_scheme_text(v: &str) -> String {
    v.chars()
        .filter(|c| !c.is_control() && *c != ' ')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Panic with the violations of `html`, if any.
pub fn assert_allowed(html: &str) {
    let v = violations(html);
    assert!(v.is_empty(), "rendered HTML outside the allow-list: {v:?}\n{html}");
}
