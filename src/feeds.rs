//! Atom feeds (RFC 4287): one for the whole archive (`atom.xml`) and one for every unit, topic and
//! series (`units/<slug>/atom.xml` …), each with the newest [`MAX_ENTRIES`] records. Timestamps
//! come from record dates (midnight, Taiwan time), never from the clock, so feeds are the same on
//! every build; entry ids are tag URIs that stay the same across builds.

use crate::config::Registry;
use crate::listing::{Listings, RecordIx};
use crate::meta::{publisher, xml_escape};
use crate::model::{Archive, Record};
use crate::output::{OutputError, Sink};

/// Entries per feed.
pub const MAX_ENTRIES: usize = 50;

/// Used when a feed has no entries (keeps `updated` deterministic).
const EPOCH: &str = "1970-01-01T00:00:00+08:00";

/// Record date as an RFC 3339 timestamp at midnight Taiwan time.
pub fn timestamp(date: chrono::NaiveDate) -> String {
    format!("{date}T00:00:00+08:00")
}

/// The host of an absolute base URL (`https://a.gov.tw/x/` → `a.gov.tw`).
fn host(base_url: &str) -> Option<&str> {
    let rest = base_url.split_once("://")?.1;
    let h = rest.split(['/', '?', '#']).next()?;
    let h = h.rsplit('@').next()?;
    let h = h.split(':').next()?;
    (!h.is_empty()).then_some(h)
}

/// A stable entry id: `tag:<host>,<date>:<root path><record url>` (RFC 4151), or the absolute URL
/// when the base URL has no host.
pub fn entry_id(archive: &Archive, r: &Record) -> String {
    let site = &archive.site;
    match host(&site.config.base_url) {
        Some(h) => format!("tag:{h},{}:{}{}", r.meta.date, site.root_path(), r.url),
        None => site.absolute_url(&r.url),
    }
}

/// One feed to write.
struct Feed<'a> {
    /// Site-relative path of the HTML page the feed follows (`units/adi/`).
    page: String,
    title: String,
    records: &'a [RecordIx],
}

fn category(out: &mut String, archive: &Archive, kind: &str, reg: &Registry, slug: &str, fallback: &str) {
    let label = reg.by_slug(slug).map(|e| e.name.as_str()).unwrap_or(fallback);
    out.push_str(&format!(
        "    <category term=\"{}\" label=\"{}\" scheme=\"{}\"/>\n",
        xml_escape(slug),
        xml_escape(label),
        xml_escape(&archive.site.absolute_url(&format!("{kind}/")))
    ));
}

fn render(archive: &Archive, feed: &Feed) -> String {
    let site = &archive.site;
    let c = &site.config;
    let self_url = site.absolute_url(&format!("{}atom.xml", feed.page));
    let page_url = site.absolute_url(&feed.page);
    let updated = feed
        .records
        .iter()
        .map(|&i| archive.records[i].meta.date)
        .max()
        .map(timestamp)
        .unwrap_or_else(|| EPOCH.to_string());
    let title = if feed.title == c.title {
        c.title.clone()
    } else {
        format!("{} | {}", feed.title, c.title)
    };
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        xml_escape(&c.language)
    ));
    x.push_str(&format!("  <title>{}</title>\n", xml_escape(&title)));
    if !c.description.trim().is_empty() {
        x.push_str(&format!("  <subtitle>{}</subtitle>\n", xml_escape(&c.description)));
    }
    x.push_str(&format!("  <id>{}</id>\n", xml_escape(&self_url)));
    x.push_str(&format!("  <updated>{updated}</updated>\n"));
    x.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml_escape(&self_url)
    ));
    x.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_escape(&page_url)
    ));
    x.push_str(&format!(
        "  <author>\n    <name>{}</name>\n    <uri>{}</uri>\n  </author>\n",
        xml_escape(&publisher(archive)),
        xml_escape(&site.absolute_url(""))
    ));
    x.push_str(&format!("  <rights>{}</rights>\n", xml_escape(&c.license)));
    x.push_str(&format!(
        "  <generator version=\"{}\">minutebook</generator>\n",
        env!("CARGO_PKG_VERSION")
    ));
    for &i in feed.records.iter().take(MAX_ENTRIES) {
        let r = &archive.records[i];
        let ts = timestamp(r.meta.date);
        x.push_str("  <entry>\n");
        x.push_str(&format!("    <title>{}</title>\n", xml_escape(&r.meta.title)));
        x.push_str(&format!("    <id>{}</id>\n", xml_escape(&entry_id(archive, r))));
        x.push_str(&format!(
            "    <published>{ts}</published>\n    <updated>{ts}</updated>\n"
        ));
        x.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&site.absolute_url(&r.url))
        ));
        x.push_str(&format!("    <summary>{}</summary>\n", xml_escape(&r.excerpt(200))));
        category(
            &mut x,
            archive,
            "series",
            &archive.series,
            &r.meta.series.slug,
            &r.meta.series.name,
        );
        for u in &r.meta.units {
            category(&mut x, archive, "units", &archive.units, &u.slug, &u.name);
        }
        for t in &r.meta.topics {
            category(&mut x, archive, "topics", &archive.topics, &t.slug, &t.name);
        }
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// Every feed's site-relative path and XML.
pub fn feeds(archive: &Archive, listings: &Listings) -> Vec<(String, String)> {
    let all: Vec<RecordIx> = (0..archive.records.len()).collect();
    let name = |reg: &Registry, slug: &str| {
        reg.by_slug(slug)
            .map(|e| {
                if archive.site.is_english() {
                    e.en.clone().unwrap_or_else(|| e.name.clone())
                } else {
                    e.name.clone()
                }
            })
            .unwrap_or_else(|| slug.to_string())
    };
    let units: Vec<(String, Vec<RecordIx>)> = listings
        .units
        .iter()
        .map(|(slug, l)| (slug.clone(), l.related()))
        .collect();
    let mut list = vec![Feed {
        page: String::new(),
        title: archive.site.config.title.clone(),
        records: &all,
    }];
    for (slug, ixs) in &units {
        list.push(Feed {
            page: format!("units/{slug}/"),
            title: name(&archive.units, slug),
            records: ixs,
        });
    }
    for (kind, reg, map) in [
        ("topics", &archive.topics, &listings.topics),
        ("series", &archive.series, &listings.series),
    ] {
        for (slug, ixs) in map {
            list.push(Feed {
                page: format!("{kind}/{slug}/"),
                title: name(reg, slug),
                records: ixs,
            });
        }
    }
    list.iter()
        .map(|f| (format!("{}atom.xml", f.page), render(archive, f)))
        .collect()
}

/// Add every feed to the output.
pub fn add(archive: &Archive, listings: &Listings, out: &Sink) -> Result<(), OutputError> {
    for (path, xml) in feeds(archive, listings)
        .into_iter()
        .chain(crate::followups::data::feeds(archive))
    {
        out.add(path, xml)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn hosts() {
        assert_eq!(super::host("https://a.gov.tw/x/"), Some("a.gov.tw"));
        assert_eq!(super::host("http://a.gov.tw:8080"), Some("a.gov.tw"));
        assert_eq!(super::host("/minutes/"), None);
    }
}
