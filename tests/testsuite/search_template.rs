//! The search page template parses with Tera 2 and renders the elements search.js needs, every
//! user-visible string of the search page and of search.js comes from the interface strings
//! (src/render/i18n.rs), and a site built with `language: en` has an English search page while the
//! default stays Chinese.

use std::collections::BTreeMap;

use minutebook::render::i18n;

/// The search page's registered names (data, not interface text).
const NAMES: &str = r#"[[["Institute of Cyber Security","NICS"],["institute of cyber security","nics"]]]"#;

fn template() -> String {
    std::fs::read_to_string(crate::support::repo().join("themes/default/templates/search.html")).unwrap()
}

/// Renders search.html with a stand-in base.html (the blocks the real one provides) and `t`.
fn render(t: &BTreeMap<&str, String>, strings_json: &str) -> String {
    let base = r#"<!DOCTYPE html><html lang="{{ lang }}"><body>{% block header_search %}{% endblock header_search %}{% block content %}{% endblock content %}{% block scripts %}{% endblock scripts %}</body></html>"#;
    let page = template();
    let mut tera = tera::Tera::new();
    tera.add_raw_templates(vec![("base.html", base), ("search.html", page.as_str())])
        .unwrap();
    let mut ctx = tera::Context::new();
    ctx.insert("root", "/sub/");
    ctx.insert("lang", "zh-Hant");
    ctx.insert("t", t);
    ctx.insert("search_strings", strings_json);
    ctx.insert("search_names", NAMES);
    #[derive(serde::Serialize)]
    struct Item {
        name: &'static str,
        slug: &'static str,
    }
    ctx.insert(
        "units",
        &[Item {
            name: "數位發展部",
            slug: "moda",
        }],
    );
    ctx.insert(
        "topics",
        &[Item {
            name: "資安",
            slug: "security",
        }],
    );
    ctx.insert(
        "series",
        &[Item {
            name: "主管會議",
            slug: "executive",
        }],
    );
    ctx.insert("years", &[2024, 2023]);
    tera.render("search.html", &ctx).unwrap()
}

fn table(lang: &str) -> BTreeMap<&'static str, String> {
    i18n::strings(lang)
        .into_iter()
        .map(|(k, v)| (k, v.to_string()))
        .collect()
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// The text between `<tag …id="id"…>` and the next `</tag>`.
fn element_text<'a>(html: &'a str, tag: &str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in\n{html}"));
    let open_end = start + html[start..].find('>').unwrap() + 1;
    let close = open_end + html[open_end..].find(&format!("</{tag}>")).unwrap();
    &html[open_end..close]
}

#[test]
fn search_template_renders() {
    let json = i18n::search_script_json("zh-Hant-TW");
    let html = render(&table("zh-Hant-TW"), &json);
    for needle in [
        r#"id="search-results""#,
        r#"id="search-status""#,
        r#"aria-live="polite""#,
        r#"<label for="search-q">關鍵字</label>"#,
        r#"<legend>篩選</legend>"#,
        r#"<option value="">全部單位</option>"#,
        r#"<option value="">相關程度</option>"#,
        r#"data-index="/sub/search/""#,
        r#"<script src="/sub/search.js" defer></script>"#,
        r#"<option value="moda">數位發展部</option>"#,
        r#"<option value="2023">2023</option>"#,
        r#"<script type="application/json" id="search-strings">"#,
    ] {
        assert!(html.contains(needle), "missing {needle} in\n{html}");
    }
    let embedded: BTreeMap<String, String> =
        serde_json::from_str(element_text(&html, "script", "search-strings")).unwrap();
    assert_eq!(embedded["search_count_other"], "找到 {n} 筆紀錄");
}

/// With every interface string replaced by a marker and no Chinese in the data, the rendered page
/// has no Han character left: nothing in the template is written in a language.
#[test]
fn search_template_has_no_hard_coded_language() {
    let markers: BTreeMap<&str, String> = i18n::strings("en").keys().map(|k| (*k, format!("[[{k}]]"))).collect();
    let html = render(&markers, "{}");
    let html = html
        .replace("數位發展部", "")
        .replace("資安", "")
        .replace("主管會議", "");
    let han: String = html.chars().filter(|c| is_han(*c)).collect();
    assert!(han.is_empty(), "hard-coded text {han:?} in search.html:\n{html}");
    for key in [
        "search_label",
        "search_query",
        "search_button",
        "search_help",
        "filters",
        "unit",
        "topic",
        "series",
        "year",
        "sort",
        "sort_relevance",
        "sort_date",
        "search_all_units",
        "search_all_topics",
        "search_all_series",
        "search_all_years",
        "search_needs_js",
    ] {
        assert!(
            html.contains(&format!("[[{key}]]")),
            "search.html does not use t.{key}:\n{html}"
        );
    }
    // Text nodes outside tags: only markers, option data and whitespace.
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    // The names' JSON first: its brackets are not markers.
    let mut rest = text.replace(NAMES, " ");
    while let Some(a) = rest.find("[[") {
        let b = a + rest[a..].find("]]").unwrap() + 2;
        rest.replace_range(a..b, " ");
    }
    for data in ["2024", "2023", "{}"] {
        rest = rest.replace(data, " ");
    }
    assert!(
        rest.chars().all(|c| c.is_whitespace()),
        "text not from the interface strings: {:?}",
        rest.split_whitespace().collect::<Vec<_>>()
    );
}

/// search.js's messages are read from the page, never written in the script.
#[test]
fn search_script_has_no_hard_coded_language() {
    let js = std::fs::read_to_string(crate::support::repo().join("themes/default/static/search.js")).unwrap();
    let han: String = js.chars().filter(|c| is_han(*c)).collect();
    assert!(han.is_empty(), "Chinese text in search.js: {han:?}");
    for key in i18n::SEARCH_SCRIPT_KEYS {
        assert!(js.contains(key), "search.js does not use {key}");
    }
    // Code without its `//` comments.
    let code: String = js
        .lines()
        .map(|l| match l.find("// ").filter(|&i| i == 0 || l[..i].ends_with(' ')) {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    for english in [
        " record",
        "Found",
        "Show more",
        "No records",
        "Search failed",
        "Searching",
    ] {
        assert!(
            !code.contains(english),
            "English message {english:?} hard-coded in search.js"
        );
    }
    assert!(js.contains("getElementById('search-strings')"));
}

fn built_search_page(language: Option<&str>) -> String {
    let site = crate::support::bundled_site();
    if let Some(lang) = language {
        crate::support::set_language(site.path(), lang);
    }
    let out = crate::support::build_ok(site.path());
    crate::support::read(out.join("search/index.html"))
}

#[test]
fn english_site_has_an_english_search_page() {
    let html = built_search_page(Some("en"));
    assert!(html.contains(r#"<html lang="en">"#));
    for needle in [
        "<h1>Search the minutes</h1>",
        r#"<label for="search-q">Keywords</label>"#,
        r#"<button type="submit">Search</button>"#,
        "<legend>Filters</legend>",
        r#"<label for="search-unit">Unit</label>"#,
        r#"<option value="">All units</option>"#,
        r#"<option value="">All topics</option>"#,
        r#"<option value="">All meeting series</option>"#,
        r#"<option value="">All years</option>"#,
        r#"<option value="">Relevance</option>"#,
        r#"<option value="date">Date (newest first)</option>"#,
        "<noscript><p>Search needs JavaScript;",
        "Separate words with spaces",
    ] {
        assert!(html.contains(needle), "missing {needle:?} in the English search page");
    }
    for zh in [
        "關鍵字",
        "篩選",
        "全部單位",
        "排序",
        "相關程度",
        "搜尋需要",
        "以空白分隔",
    ] {
        assert!(!html.contains(zh), "Chinese label {zh:?} in the English search page");
    }
    let strings: BTreeMap<String, String> =
        serde_json::from_str(element_text(&html, "script", "search-strings")).unwrap();
    let en = i18n::strings("en");
    assert_eq!(strings.len(), i18n::SEARCH_SCRIPT_KEYS.len());
    for key in i18n::SEARCH_SCRIPT_KEYS {
        assert_eq!(strings[*key], en[key], "{key}");
    }
    assert_eq!(strings["search_count_one"], "Found {n} record");
    assert_eq!(strings["search_count_other"], "Found {n} records");
    assert_eq!(strings["search_more"], "Show more");
}

#[test]
fn chinese_site_keeps_a_chinese_search_page() {
    let html = built_search_page(None);
    assert!(html.contains(r#"<html lang="zh-Hant-TW">"#));
    for needle in [
        "<h1>搜尋會議紀錄</h1>",
        r#"<label for="search-q">關鍵字</label>"#,
        "<legend>篩選</legend>",
        r#"<option value="">全部單位</option>"#,
        r#"<label for="search-sort">排序</label>"#,
        r#"<option value="">相關程度</option>"#,
        "<noscript><p>搜尋需要瀏覽器啟用 JavaScript",
    ] {
        assert!(html.contains(needle), "missing {needle:?} in the Chinese search page");
    }
    for en in ["Keywords", "All units", "Filters", "Relevance"] {
        assert!(!html.contains(en), "English label {en:?} in the Chinese search page");
    }
    let strings: BTreeMap<String, String> =
        serde_json::from_str(element_text(&html, "script", "search-strings")).unwrap();
    assert_eq!(strings["search_count_other"], "找到 {n} 筆紀錄");
    assert_eq!(strings["search_no_results"], "找不到符合的紀錄");
    assert_eq!(strings["search_more"], "顯示更多");
    assert_eq!(strings["search_hit_date"], "{roc}（{date}）");
}
