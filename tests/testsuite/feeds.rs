//! Atom feeds (issue 6): valid RFC 4287 structure, stable ids, escaping, 50-entry cap, and a feed
//! behind every feed link the pages print.

use std::path::Path;

use crate::support::*;
use quick_xml::events::Event;
use quick_xml::Reader;

/// A tiny XML tree, enough to look at a feed.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
}

impl Node {
    fn attr(&self, k: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
    }
    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }
    fn one<'a>(&'a self, name: &'a str) -> &'a Node {
        let v: Vec<&Node> = self.all(name).collect();
        assert_eq!(v.len(), 1, "want exactly one <{name}> in <{}>", self.name);
        v[0]
    }
    fn text_of<'a>(&'a self, name: &'a str) -> &'a str {
        &self.one(name).text
    }
}

/// Parse XML strictly (quick-xml checks well-formedness of tags; mismatched ends fail).
fn parse(xml: &str) -> Node {
    let mut r = Reader::from_str(xml);
    r.config_mut().check_end_names = true;
    let mut stack: Vec<Node> = vec![Node::default()];
    let start = |e: &quick_xml::events::BytesStart| Node {
        name: e.name().into_inner().to_string(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("well-formed attribute");
                (
                    a.key.into_inner().to_string(),
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .expect("valid escapes")
                        .into_owned(),
                )
            })
            .collect(),
        ..Node::default()
    };
    loop {
        match r
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{xml}"))
        {
            Event::Start(e) => stack.push(start(&e)),
            Event::Empty(e) => {
                let n = start(&e);
                stack.last_mut().unwrap().children.push(n);
            }
            Event::End(_) => {
                let n = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(n);
            }
            Event::Text(t) => stack.last_mut().unwrap().text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().expect("valid character reference") {
                    Some(c) => c,
                    None => match &*r {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("unknown entity &{other};"),
                    },
                };
                stack.last_mut().unwrap().text.push(c);
            }
            Event::CData(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut doc = stack.pop().unwrap();
    assert_eq!(doc.children.len(), 1, "one root element");
    doc.children.pop().unwrap()
}

fn is_rfc3339(s: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(s).is_ok()
}

/// Check the RFC 4287 requirements this generator relies on; returns the feed.
fn check_feed(path: &Path) -> Node {
    let feed = parse(&read(path));
    assert_eq!(feed.name, "feed");
    assert_eq!(feed.attr("xmlns"), Some("http://www.w3.org/2005/Atom"));
    assert!(!feed.text_of("title").is_empty());
    assert!(feed.text_of("id").starts_with("https://"));
    assert!(is_rfc3339(feed.text_of("updated")), "{}", feed.text_of("updated"));
    let links: Vec<&Node> = feed.all("link").collect();
    let self_link = links.iter().find(|l| l.attr("rel") == Some("self")).expect("rel=self");
    assert_eq!(self_link.attr("type"), Some("application/atom+xml"));
    assert_eq!(self_link.attr("href"), Some(feed.text_of("id")));
    assert!(links.iter().any(|l| l.attr("rel") == Some("alternate")));
    assert!(!feed.one("author").text_of("name").is_empty());
    for e in feed.all("entry") {
        assert!(!e.text_of("title").is_empty());
        assert!(!e.text_of("id").is_empty());
        assert!(is_rfc3339(e.text_of("updated")));
        assert!(is_rfc3339(e.text_of("published")));
        let l = e.one("link");
        assert_eq!(l.attr("rel"), Some("alternate"));
        assert!(l.attr("href").unwrap().starts_with("https://"));
    }
    feed
}

#[test]
fn archive_feed_is_valid_atom_with_the_seed_record() {
    let site = bundled_site();
    let out = build_ok(site.path());
    let feed = check_feed(&out.join("atom.xml"));
    assert_eq!(feed.text_of("title"), "數位發展部會議紀錄");
    assert_eq!(feed.text_of("id"), "https://minutes.example.gov.tw/atom.xml");
    assert_eq!(feed.text_of("updated"), "2024-09-11T00:00:00+08:00");
    assert_eq!(feed.attr("xml:lang"), Some("zh-Hant-TW"));
    assert_eq!(feed.one("author").text_of("name"), "數位發展部");
    let entries: Vec<&Node> = feed.all("entry").collect();
    assert_eq!(entries.len(), 1);
    let e = entries[0];
    assert_eq!(e.text_of("title"), "第4次主管會議紀錄");
    assert_eq!(
        e.text_of("id"),
        "tag:minutes.example.gov.tw,2024-09-11:/minutes/2024/executive-4/"
    );
    assert_eq!(e.text_of("published"), "2024-09-11T00:00:00+08:00");
    assert_eq!(
        e.one("link").attr("href"),
        Some("https://minutes.example.gov.tw/minutes/2024/executive-4/")
    );
    assert!(e
        .text_of("summary")
        .starts_with("壹、宣誓：本部主任秘書及資訊處處長宣誓。"));
    let cats: Vec<(&str, &str)> = e
        .all("category")
        .map(|c| (c.attr("term").unwrap(), c.attr("scheme").unwrap()))
        .collect();
    assert!(
        cats.contains(&("strategy", "https://minutes.example.gov.tw/units/")),
        "{cats:?}"
    );
    assert!(
        cats.contains(&("ai", "https://minutes.example.gov.tw/topics/")),
        "{cats:?}"
    );
    assert!(
        cats.contains(&("executive", "https://minutes.example.gov.tw/series/")),
        "{cats:?}"
    );
}

#[test]
fn every_unit_topic_and_series_has_a_feed_and_every_feed_link_resolves() {
    let site = bundled_site();
    let out = build_ok(site.path());
    // One per registered unit, topic and series.
    for (kind, n) in [("units", 15), ("topics", 12), ("series", 3)] {
        let dirs: Vec<_> = std::fs::read_dir(out.join(kind))
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .collect();
        assert_eq!(dirs.len(), n, "{kind}");
        for d in dirs {
            let f = check_feed(&d.path().join("atom.xml"));
            let slug = d.file_name().to_string_lossy().into_owned();
            assert_eq!(
                f.text_of("id"),
                format!("https://minutes.example.gov.tw/{kind}/{slug}/atom.xml")
            );
        }
    }
    // Units tied to the seed record have it (strategy is listed); ethics is only mentioned.
    let strategy = check_feed(&out.join("units/strategy/atom.xml"));
    assert_eq!(strategy.all("entry").count(), 1);
    assert!(strategy.text_of("title").starts_with("數位策略司"));
    assert_eq!(check_feed(&out.join("units/ethics/atom.xml")).all("entry").count(), 0);
    assert_eq!(check_feed(&out.join("topics/ai/atom.xml")).all("entry").count(), 1);
    assert_eq!(
        check_feed(&out.join("series/ministry/atom.xml")).all("entry").count(),
        0
    );
    // Every feed URL a page links to exists.
    let mut checked = 0;
    for (path, bytes) in snapshot(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for marker in ["type=\"application/atom+xml\" title=", "class=\"feed\" href=\""] {
            for (i, _) in html.match_indices(marker) {
                let rest = &html[i..];
                let h = rest.find("href=\"").unwrap() + 6;
                let href = &rest[h..h + rest[h..].find('"').unwrap()];
                assert!(
                    out.join(href.trim_start_matches('/')).is_file(),
                    "{path} links to {href}, which is not built"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 60, "only {checked} feed links found");
}

#[test]
fn feeds_escape_content_cap_entries_and_are_stable() {
    let site = tempfile::tempdir().unwrap();
    let r = site.path();
    write(
        r,
        "minutebook.yaml",
        "title: 會議 & <紀錄>\nbase_url: https://x.gov.tw/m/\norganization: 甲\"乙'丙\n",
    );
    for i in 0..55 {
        let date = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + chrono::Days::new(i);
        write(
            r,
            &format!("content/r{i}.md"),
            &format!("---\ntitle: 第{i}次 <會議> & \"紀錄\"\nseries: 主管會議\ndate: {date}\nslug: r{i}\n---\n\n本文 a<b & c>d\n"),
        );
    }
    let out = build_ok(r);
    let first = read(out.join("atom.xml"));
    let feed = check_feed(&out.join("atom.xml"));
    assert_eq!(feed.text_of("title"), "會議 & <紀錄>");
    assert_eq!(feed.one("author").text_of("name"), "甲\"乙'丙");
    let entries: Vec<&Node> = feed.all("entry").collect();
    assert_eq!(entries.len(), 50, "newest 50 entries");
    assert_eq!(entries[0].text_of("title"), "第54次 <會議> & \"紀錄\"");
    assert_eq!(entries[0].text_of("id"), "tag:x.gov.tw,2023-02-24:/m/minutes/2023/r54/");
    assert_eq!(feed.text_of("updated"), "2023-02-24T00:00:00+08:00");
    assert!(entries[0].text_of("summary").contains("a<b & c>d"));
    let series_dir = std::fs::read_dir(out.join("series"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_dir())
        .unwrap();
    let series = check_feed(&series_dir.join("atom.xml"));
    assert_eq!(series.all("entry").count(), 50);
    // A second build writes the same bytes: no clock in feeds.
    let out2 = build_ok(r);
    assert_eq!(read(out2.join("atom.xml")), first);
}
