//! Page metadata: the Dublin Core elements Taiwan's government web-page metadata specification
//! asks for (`DC.Title` … `DC.Rights`), Open Graph values, and the site-wide `sitemap.xml` and
//! `robots.txt`. Everything is derived from the archive, so output is the same on every build.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::listing::Listings;
use crate::model::{Archive, Record};
use crate::output::{Output, OutputError};

/// One `<meta name="…" content="…">` element.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MetaTag {
    pub name: String,
    pub content: String,
}

/// What a page's `<head>` says about it besides its title: Dublin Core and Open Graph.
#[derive(Debug, Clone, Serialize)]
pub struct Head {
    pub dc: Vec<MetaTag>,
    pub og_type: &'static str,
    pub og_locale: &'static str,
    pub og_description: String,
}

/// The DC element names, in the order the specification lists them.
pub const DC_ELEMENTS: &[&str] = &[
    "Title",
    "Creator",
    "Subject",
    "Description",
    "Publisher",
    "Date",
    "Type",
    "Format",
    "Identifier",
    "Language",
    "Coverage",
    "Rights",
];

/// The publishing body: the organization, or the site title when none is configured.
pub fn publisher(archive: &Archive) -> String {
    let c = &archive.site.config;
    if c.organization.trim().is_empty() {
        c.title.clone()
    } else {
        c.organization.clone()
    }
}

/// The newest record date (records are newest first), if any.
pub fn newest(archive: &Archive) -> Option<NaiveDate> {
    archive.records.first().map(|r| r.meta.date)
}

/// The oldest record date, if any.
pub fn oldest(archive: &Archive) -> Option<NaiveDate> {
    archive.records.last().map(|r| r.meta.date)
}

/// A description for pages that have none of their own.
pub fn site_description(archive: &Archive) -> String {
    let c = &archive.site.config;
    if !c.description.trim().is_empty() {
        c.description.clone()
    } else if archive.site.is_english() {
        format!("Meeting minutes published by {}", publisher(archive))
    } else {
        format!("{}公開之會議紀錄", publisher(archive))
    }
}

/// Open Graph locale for the site language.
pub fn og_locale(language: &str) -> &'static str {
    if language.to_ascii_lowercase().starts_with("en") {
        "en_US"
    } else {
        "zh_TW"
    }
}

/// The head metadata of a page at `rel_url` titled `title`; `record` for record pages.
pub fn head(archive: &Archive, title: &str, rel_url: &str, record: Option<&Record>) -> Head {
    let site = &archive.site;
    let c = &site.config;
    let publisher = publisher(archive);
    let full_title = if title.is_empty() || title == c.title {
        c.title.clone()
    } else {
        format!("{title} | {}", c.title)
    };
    let (description, subject, date, coverage) = match record {
        Some(r) => {
            let mut subject: Vec<String> = vec![r.meta.series.name.to_string()];
            subject.extend(r.meta.topics.iter().map(|t| t.name.to_string()));
            subject.extend(r.meta.units.iter().map(|u| u.name.to_string()));
            (
                r.excerpt(120),
                subject.join(";"),
                r.meta.date.to_string(),
                r.meta.date.to_string(),
            )
        }
        None => {
            let coverage = match (oldest(archive), newest(archive)) {
                (Some(a), Some(b)) if a == b => a.to_string(),
                (Some(a), Some(b)) => format!("{a}/{b}"),
                _ => String::new(),
            };
            (
                site_description(archive),
                format!("{};{}", c.title, title),
                newest(archive).map(|d| d.to_string()).unwrap_or_default(),
                coverage,
            )
        }
    };
    let values = [
        full_title,
        publisher.clone(),
        subject,
        description.clone(),
        publisher,
        date,
        "Text".to_string(),
        "text/html".to_string(),
        site.absolute_url(rel_url),
        c.language.clone(),
        coverage,
        c.license.clone(),
    ];
    let dc = DC_ELEMENTS
        .iter()
        .zip(values)
        .map(|(n, v)| MetaTag {
            name: format!("DC.{n}"),
            content: v,
        })
        .collect();
    Head {
        dc,
        og_type: if record.is_some() { "article" } else { "website" },
        og_locale: og_locale(&c.language),
        og_description: description,
    }
}

/// Escape text for XML content and attribute values; drop characters XML 1.0 forbids.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The site-relative URL of an output HTML file (`a/b/index.html` → `a/b/`), if it is a page.
fn page_url_of(path: &str) -> Option<String> {
    if path == "404.html" {
        return None;
    }
    if path == "index.html" {
        return Some(String::new());
    }
    if let Some(dir) = path.strip_suffix("/index.html") {
        return Some(format!("{dir}/"));
    }
    path.ends_with(".html").then(|| path.to_string())
}

/// The newest date among `ixs` (records are newest first).
fn newest_of(archive: &Archive, ixs: &[usize]) -> Option<NaiveDate> {
    ixs.iter().map(|&i| archive.records[i].meta.date).max()
}

/// `sitemap.xml` for every HTML page already in `out` (but 404), absolute URLs, with `lastmod`
/// from the record dates the page shows.
pub fn sitemap<'p>(archive: &Archive, listings: &Listings, paths: impl IntoIterator<Item = &'p str>) -> String {
    // Site-relative URL prefix → newest date of what it lists; the longest prefix wins.
    let mut dates: BTreeMap<String, NaiveDate> = BTreeMap::new();
    for r in &archive.records {
        dates.insert(r.url.clone(), r.meta.date);
    }
    let mut listed = |prefix: String, d: Option<NaiveDate>| {
        if let Some(d) = d {
            dates.insert(prefix, d);
        }
    };
    for (slug, l) in &listings.units {
        listed(format!("units/{slug}/"), newest_of(archive, &l.related()));
        listed(format!("units/{slug}/mentions/"), newest_of(archive, &l.mentioned));
    }
    for (slug, ixs) in &listings.topics {
        listed(format!("topics/{slug}/"), newest_of(archive, ixs));
    }
    for (slug, ixs) in &listings.series {
        listed(format!("series/{slug}/"), newest_of(archive, ixs));
    }
    for (year, ixs) in &listings.years {
        listed(format!("years/{year}/"), newest_of(archive, ixs));
    }
    let fallback = newest(archive);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths {
        let Some(url) = page_url_of(path) else { continue };
        // The longest listed prefix of the URL, trying each `/`-ended prefix from the longest.
        let lastmod = std::iter::once(url.len())
            .chain(url.char_indices().rev().filter(|(_, c)| *c == '/').map(|(i, _)| i + 1))
            .find_map(|end| dates.get(&url[..end]))
            .copied()
            .or(fallback);
        xml.push_str("  <url><loc>");
        xml.push_str(&xml_escape(&archive.site.absolute_url(&url)));
        xml.push_str("</loc>");
        if let Some(d) = lastmod {
            xml.push_str(&format!("<lastmod>{d}</lastmod>"));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: allow everything and point to the sitemap.
pub fn robots(archive: &Archive) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        archive.site.absolute_url("sitemap.xml")
    )
}

/// Add `sitemap.xml` and `robots.txt`; call after every page is in `out`.
pub fn add(archive: &Archive, listings: &Listings, out: &mut Output) -> Result<(), OutputError> {
    let paths: Vec<String> = out.iter().map(|(p, _)| p.to_string()).collect();
    let map = sitemap(archive, listings, paths.iter().map(String::as_str));
    out.add("sitemap.xml", map)?;
    out.add("robots.txt", robots(archive))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_xml() {
        assert_eq!(xml_escape("a&b<c>\"d'\u{1}"), "a&amp;b&lt;c&gt;&quot;d&apos;");
    }

    #[test]
    fn page_urls() {
        assert_eq!(page_url_of("index.html").as_deref(), Some(""));
        assert_eq!(page_url_of("units/adi/index.html").as_deref(), Some("units/adi/"));
        assert_eq!(page_url_of("404.html"), None);
        assert_eq!(page_url_of("style.css"), None);
    }
}
