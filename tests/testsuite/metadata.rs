//! Page metadata (issue 6): Dublin Core and Open Graph on every page kind, sitemap.xml, robots.txt.

use crate::support::*;

/// Every page kind of the bundled site.
const PAGES: &[&str] = &[
    "index.html",
    "minutes/2024/executive-4/index.html",
    "units/index.html",
    "units/strategy/index.html",
    "units/ethics/mentions/index.html",
    "topics/index.html",
    "topics/ai/index.html",
    "series/index.html",
    "series/executive/index.html",
    "years/index.html",
    "years/2024/index.html",
    "data/index.html",
    "404.html",
];

const DC: &[&str] = &[
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

/// The content of `<meta {attr}="{name}" content="…">`, still HTML-escaped; exactly one.
fn meta(html: &str, attr: &str, name: &str) -> String {
    let needle = format!("<meta {attr}=\"{name}\" content=\"");
    let hits: Vec<usize> = html.match_indices(&needle).map(|(i, _)| i).collect();
    assert_eq!(hits.len(), 1, "want one <meta {attr}=\"{name}\">");
    let rest = &html[hits[0] + needle.len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

fn canonical(html: &str) -> String {
    let i = html.find("<link rel=\"canonical\" href=\"").expect("canonical link") + 28;
    html[i..i + html[i..].find('"').unwrap()].to_string()
}

#[test]
fn every_page_kind_has_dublin_core_and_open_graph() {
    let site = bundled_site();
    let out = build_ok(site.path());
    for page in PAGES {
        let html = read(out.join(page));
        let head = &html[..html.find("</head>").unwrap()];
        for e in DC {
            let v = meta(head, "name", &format!("DC.{e}"));
            assert!(!v.trim().is_empty(), "{page}: DC.{e} is empty");
        }
        let url = canonical(head);
        assert!(url.starts_with("https://minutes.example.gov.tw/"), "{page}: {url}");
        assert_eq!(meta(head, "name", "DC.Identifier"), url, "{page}");
        assert_eq!(meta(head, "property", "og:url"), url, "{page}");
        assert_eq!(meta(head, "name", "DC.Language"), "zh-Hant-TW");
        assert_eq!(meta(head, "name", "DC.Publisher"), "數位發展部");
        assert_eq!(meta(head, "name", "DC.Rights"), "政府資料開放授權條款-第1版");
        assert_eq!(meta(head, "name", "DC.Format"), "text/html");
        assert_eq!(meta(head, "property", "og:site_name"), "數位發展部會議紀錄");
        assert_eq!(meta(head, "property", "og:locale"), "zh_TW");
        for og in ["og:title", "og:type", "og:description"] {
            assert!(!meta(head, "property", og).is_empty(), "{page}: {og}");
        }
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-Hant-TW\">"),
            "{page}"
        );
    }
    let record = read(out.join("minutes/2024/executive-4/index.html"));
    assert_eq!(
        meta(&record, "name", "DC.Title"),
        "第4次主管會議紀錄 | 數位發展部會議紀錄"
    );
    assert_eq!(meta(&record, "name", "DC.Date"), "2024-09-11");
    assert_eq!(meta(&record, "name", "DC.Coverage"), "2024-09-11");
    assert_eq!(meta(&record, "property", "og:type"), "article");
    assert_eq!(meta(&record, "property", "og:title"), "第4次主管會議紀錄");
    let subject = meta(&record, "name", "DC.Subject");
    assert!(
        subject.contains("人工智慧") && subject.contains("數位策略司"),
        "{subject}"
    );
    assert!(meta(&record, "name", "DC.Description").starts_with("壹、宣誓：本部主任秘書及資訊處處長宣誓。"));
    let home = read(out.join("index.html"));
    assert_eq!(meta(&home, "property", "og:type"), "website");
    assert_eq!(meta(&home, "name", "DC.Date"), "2024-09-11");
    let unit = read(out.join("units/strategy/index.html"));
    assert_eq!(meta(&unit, "name", "DC.Title"), "數位策略司 | 數位發展部會議紀錄");
}

#[test]
fn metadata_is_escaped_and_follows_the_language() {
    let site = tempfile::tempdir().unwrap();
    let r = site.path();
    write(
        r,
        "minutebook.yaml",
        "title: Minutes \"A\" & <B>\nbase_url: https://x.gov.tw/m/\nlanguage: en\norganization: Ministry & Co\ndescription: Meeting <minutes>\n",
    );
    write(r, "content/a.md", RECORD);
    let out = build_ok(r);
    let home = read(out.join("index.html"));
    assert_eq!(meta(&home, "property", "og:locale"), "en_US");
    assert_eq!(meta(&home, "name", "DC.Language"), "en");
    assert_eq!(
        meta(&home, "property", "og:site_name"),
        "Minutes &quot;A&quot; &amp; &lt;B&gt;"
    );
    assert_eq!(meta(&home, "name", "DC.Creator"), "Ministry &amp; Co");
    assert_eq!(meta(&home, "name", "DC.Description"), "Meeting &lt;minutes&gt;");
    assert_eq!(meta(&home, "name", "DC.Identifier"), "https://x.gov.tw/m/");
    assert!(read(out.join("data/index.html")).contains("<h1>Open data</h1>"));
}

#[test]
fn sitemap_lists_every_page_and_robots_points_to_it() {
    let site = bundled_site();
    let out = build_ok(site.path());
    let map = read(out.join("sitemap.xml"));
    assert!(map.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
    ));
    let locs: Vec<&str> = map
        .split("<loc>")
        .skip(1)
        .map(|s| &s[..s.find("</loc>").unwrap()])
        .collect();
    let pages: Vec<String> = snapshot(&out)
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| p.ends_with(".html") && p != "404.html")
        .collect();
    assert_eq!(locs.len(), pages.len(), "one <url> per page");
    for p in &pages {
        let url = format!(
            "https://minutes.example.gov.tw/{}",
            p.strip_suffix("index.html").unwrap_or(p)
        );
        assert!(locs.contains(&url.as_str()), "{url} is not in the sitemap");
    }
    assert!(!map.contains("404.html"));
    assert!(map
        .contains("<loc>https://minutes.example.gov.tw/minutes/2024/executive-4/</loc><lastmod>2024-09-11</lastmod>"));
    assert_eq!(map.matches("<lastmod>").count(), locs.len());
    let robots = read(out.join("robots.txt"));
    assert!(robots.contains("User-agent: *"));
    assert!(robots
        .lines()
        .any(|l| l == "Sitemap: https://minutes.example.gov.tw/sitemap.xml"));
}
