//! The search page driven like a person would, in Debian's headless Chromium through playwright-core
//! (tests/a11y/search-ui.mjs): builds the fixture site, serves it on 127.0.0.1, runs the script
//! and checks what it saw — hits linked to records and their anchors, filters in the URL, Back,
//! Forward and reload restoring the query, its filters and its hits, keyboard use, the result count
//! in the role=status region in the words of the interface strings (zh-Hant and en, with English
//! plurals), and records holding markup that cannot inject anything.
//!
//! Needs chromium, node and the npm packages of tests/a11y (`bash scripts/setup.sh`); the test
//! fails when one is missing unless MINUTEBOOK_SKIP_BROWSER=1.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use minutebook::render::i18n;
use serde_json::Value;

const SEED: &str = "/minutes/2024/executive-4/";
const R11: &str = "/minutes/2024/executive-11/";
const R12: &str = "/minutes/2023/executive-12/";
const R16: &str = "/minutes/2024/executive-16/";
/// Records with 電子公文: more than one page (10 hits) of results.
const MANY: usize = 12;

/// Runs tests/a11y/search-ui.mjs with `config` and returns its JSON report.
fn run_script(node: &Path, browser: &Path, config: Value) -> Value {
    let script = crate::support::repo().join("tests/a11y/search-ui.mjs");
    let mut cmd = Command::new(node);
    cmd.arg(&script).arg(config.to_string()).env("CHROMIUM", browser);
    let out = crate::support::output_within(cmd, Duration::from_secs(240), "search-ui.mjs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "search-ui.mjs failed ({}):\n{}\n{stdout}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("search-ui.mjs printed no JSON ({e}):\n{stdout}"))
}

/// The snapshot `name` of the report; panics with the step's error when it failed.
fn step<'a>(report: &'a Value, name: &str) -> &'a Value {
    let s = report["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no step {name} in {report:#}"));
    assert!(s.get("error").is_none(), "step {name} failed: {}", s["error"]);
    s
}

/// Every link inside #search-results as path + #anchor.
fn hrefs(s: &Value) -> Vec<String> {
    s["hits"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|h| h["links"].as_array().unwrap().iter())
        .map(|l| format!("{}{}", l["path"].as_str().unwrap(), l["hash"].as_str().unwrap()))
        .collect()
}

fn href_set(s: &Value) -> BTreeSet<String> {
    hrefs(s).into_iter().collect()
}

fn set(v: &[&str]) -> BTreeSet<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn form(s: &Value, field: &str) -> String {
    s["form"][field].as_str().unwrap_or_default().to_string()
}

/// Each hit links to its record (same origin, `/minutes/<year>/<slug>/`), with an anchor that exists
/// on the record page of the built site.
fn check_links(name: &str, s: &Value, out: &Path, origin: &str) {
    let hits = s["hits"].as_array().unwrap();
    for hit in hits {
        let links = hit["links"].as_array().unwrap();
        assert!(!links.is_empty(), "{name}: a hit without a link: {hit}");
        // The title links to its record's page, whose heading it is, and the series named under
        // it is the record's.
        let title_href = hit["title_href"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: title not linked: {hit}"));
        assert!(
            title_href.ends_with('/') && !title_href.contains('#'),
            "{name}: {title_href}"
        );
        let page = crate::support::read(out.join(title_href.trim_start_matches('/')).join("index.html"));
        let title = hit["title"].as_str().unwrap();
        assert!(
            page.contains(&format!(">{title}</h1>")),
            "{name}: {title_href} is not the page of {title}"
        );
        let series = hit["series"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: no series: {hit}"));
        assert!(
            !series.is_empty() && page.contains(&format!(">{series}</a>")),
            "{name}: {title_href} is not of the series {series}"
        );
        for l in links {
            assert_eq!(l["origin"], origin, "{name}: {l}");
            let path = l["path"].as_str().unwrap();
            let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
            assert!(
                path.ends_with('/') && parts.len() == 3 && parts[0] == "minutes" && parts[1].len() == 4,
                "{name}: not a record URL: {path}"
            );
            let page = crate::support::read(out.join(path.trim_start_matches('/')).join("index.html"));
            if let Some(anchor) = l["hash"].as_str().unwrap().strip_prefix('#') {
                assert!(
                    page.contains(&format!("id=\"{anchor}\"")),
                    "{name}: {path} has no element with id {anchor}"
                );
            }
        }
    }
}

/// The count as search.js must word it: the table's search_count_one / _other (or no-results).
fn count_text(t: &std::collections::BTreeMap<&str, &str>, n: usize) -> String {
    if n == 0 {
        t["search_no_results"].to_string()
    } else if n == 1 {
        t["search_count_one"].replace("{n}", "1")
    } else {
        t["search_count_other"].replace("{n}", &n.to_string())
    }
}

fn check_status(name: &str, s: &Value, t: &std::collections::BTreeMap<&str, &str>) {
    let n: usize = s["count"]
        .as_str()
        .unwrap_or_else(|| panic!("{name}: no data-count"))
        .parse()
        .unwrap();
    assert_eq!(s["status"], count_text(t, n), "{name}: status");
    assert_eq!(s["status_role"], "status", "{name}");
    assert_eq!(s["status_live"], "polite", "{name}");
    assert_eq!(s["status_in_results"], false, "{name}");
    let shown = s["hits"].as_array().unwrap().len();
    assert_eq!(shown, n.min(10 * page_of(s)), "{name}: hits shown vs count {n}");
}

fn page_of(s: &Value) -> usize {
    s["state"]
        .as_str()
        .unwrap_or_default()
        .split('&')
        .find_map(|kv| kv.strip_prefix("page="))
        .map(|p| p.parse().unwrap())
        .unwrap_or(1)
}

/// The part of a snapshot that Back, Forward and reload must restore.
fn restored(s: &Value) -> Value {
    serde_json::json!({
        "url": s["url"], "form": s["form"], "state": s["state"], "count": s["count"],
        "hrefs": hrefs(s), "status": s["status"],
    })
}

fn build_site(site: &Path) -> PathBuf {
    let out = crate::support::build_ok(site);
    assert!(out.join("search/index.html").is_file());
    out
}

#[test]
fn search_ui_history_keyboard_and_injection() {
    let Some((browser, node)) = crate::support::playwright_prerequisites("search_ui") else {
        return;
    };
    let site = crate::support::fixture_site_with_many(MANY);
    let out = build_site(site.path());
    let port = crate::support::serve(out.clone());
    let origin = format!("http://127.0.0.1:{port}");
    let t = i18n::strings("zh-Hant-TW");
    let report = run_script(
        &node,
        &browser,
        serde_json::json!({
            "origin": origin, "scenario": "history",
            "labels": { "query": t["search_query"], "unit": t["unit"], "year": t["year"], "more": t["search_more"] },
        }),
    );
    assert_eq!(report["page_errors"], serde_json::json!([]), "errors in the page");
    assert_eq!(
        report["dialogs"],
        serde_json::json!([]),
        "a dialog opened: markup from a record ran"
    );

    let open = step(&report, "open");
    assert_eq!(open["url"], "/search/");
    assert_eq!(open["status"], "");
    assert_eq!(hrefs(open).len(), 0);

    // Typing into the labelled input shows hits linked to records and their sections.
    let typed = step(&report, "typed");
    assert_eq!(typed["url"], "/search/?q=皮夾");
    assert_eq!(form(typed, "q"), "皮夾");
    let got = href_set(typed);
    for must in [R11, R12] {
        assert!(got.contains(must), "typed: {must} not among {got:?}");
    }
    assert!(
        got.iter().any(|h| h.starts_with(&format!("{SEED}#"))),
        "typed: no section anchor of the seed in {got:?}"
    );
    check_links("typed", typed, &out, &origin);
    check_status("typed", typed, &t);

    // A filter goes into the URL and narrows the hits.
    let filtered = step(&report, "filtered");
    assert_eq!(filtered["url"], "/search/?q=皮夾&unit=secretariat");
    assert_eq!(filtered["search"], "?q=%E7%9A%AE%E5%A4%BE&unit=secretariat");
    assert_eq!(form(filtered, "unit"), "secretariat");
    assert_eq!(
        href_set(filtered),
        set(&[R12, &format!("{SEED}#民主網絡司")]),
        "filtered"
    );
    check_status("filtered", filtered, &t);

    let retyped = step(&report, "retyped");
    assert_eq!(retyped["url"], "/search/?q=錢包&unit=secretariat");
    assert_eq!(href_set(retyped), set(&[R12]));
    assert_eq!(retyped["status"], count_text(&t, 1));

    // Back restores the previous query, its filter values and its hits; Forward and reload too.
    let back1 = step(&report, "back1");
    assert_eq!(restored(back1), restored(filtered), "Back to the filtered query");
    let back2 = step(&report, "back2");
    assert_eq!(restored(back2), restored(typed), "Back to the query before the filter");
    assert_eq!(form(back2, "unit"), "", "Back must clear the unit filter");
    let forward = step(&report, "forward");
    assert_eq!(restored(forward), restored(filtered), "Forward");
    let reloaded = step(&report, "reloaded");
    assert_eq!(restored(reloaded), restored(filtered), "reload");
    let empty = step(&report, "back_to_empty");
    assert_eq!(empty["url"], "/search/");
    assert_eq!(form(empty, "q"), "");
    assert_eq!(hrefs(empty).len(), 0);
    assert_eq!(empty["status"], "");

    // A shared URL restores every field in a fresh browser.
    let shared = step(&report, "shared");
    assert_eq!(form(shared, "q"), "皮夾");
    assert_eq!(form(shared, "unit"), "secretariat");
    assert_eq!(form(shared, "year"), "2023");
    assert_eq!(href_set(shared), set(&[R12]));
    check_status("shared", shared, &t);

    // Keyboard: Tab reaches the input, typing and Enter search, focus stays in the input.
    let kb = step(&report, "keyboard");
    assert_eq!(kb["reached_input"], true, "Tab never reached the search input: {kb}");
    assert_eq!(kb["url"], "/search/?q=數位皮夾試辦");
    assert_eq!(href_set(kb), set(&[R11]));
    assert_eq!(kb["focus"], kb["input_id"]);
    assert_eq!(kb["status"], count_text(&t, 1));

    // More hits than a page: the button, then the next hits with focus on the first new one.
    let before = step(&report, "more_before");
    assert_eq!(before["count"], MANY.to_string());
    assert_eq!(before["hits"].as_array().unwrap().len(), 10);
    assert_eq!(before["more"], t["search_more"]);
    check_status("more_before", before, &t);
    let after = step(&report, "more_after");
    assert_eq!(after["url"], "/search/?q=電子公文&page=2");
    assert_eq!(after["hits"].as_array().unwrap().len(), MANY);
    assert_eq!(after["more"], Value::Null);
    let eleventh = &after["hits"][10]["links"][0]["href"];
    assert_eq!(
        after["focus"],
        format!("a {}", eleventh.as_str().unwrap()),
        "focus after show more"
    );
    check_links("more_after", after, &out, &origin);

    // Markup in a record (and in the query) stays text.
    for name in ["xss_onerror", "xss_script"] {
        let s = step(&report, name);
        assert_eq!(href_set(s), set(&[R16]), "{name}");
        assert_eq!(
            s["injected"],
            serde_json::json!([]),
            "{name}: elements injected into #search-results"
        );
        assert!(
            s["results_text"].as_str().unwrap().contains("onerror=alert(1)")
                || s["results_text"]
                    .as_str()
                    .unwrap()
                    .contains("<script>alert(1)</script>"),
            "{name}: the record's markup is not shown as text: {}",
            s["results_text"]
        );
    }
    let q = step(&report, "xss_query");
    assert_eq!(form(q, "q"), "<img src=x onerror=alert(2)>");
    assert_eq!(q["injected"], serde_json::json!([]));
}

/// The status and hit dates in the site's language, from the interface strings; English plurals.
fn strings_scenario(lang: &str) {
    let Some((browser, node)) = crate::support::playwright_prerequisites("search_ui") else {
        return;
    };
    let site = crate::support::fixture_site();
    if lang != "zh-Hant-TW" {
        crate::support::set_language(site.path(), lang);
    }
    let out = build_site(site.path());
    let port = crate::support::serve(out.clone());
    let t = i18n::strings(lang);
    let report = run_script(
        &node,
        &browser,
        serde_json::json!({
            "origin": format!("http://127.0.0.1:{port}"), "scenario": "strings",
            "labels": { "query": t["search_query"] },
        }),
    );
    assert_eq!(report["page_errors"], serde_json::json!([]), "errors in the page");
    let one = step(&report, "one");
    assert_eq!(href_set(one), set(&[R11]));
    assert_eq!(one["status"], count_text(&t, 1));
    let several = step(&report, "several");
    let n = several["hits"].as_array().unwrap().len();
    assert!(n >= 2, "{several}");
    assert_eq!(several["status"], count_text(&t, n));
    let none = step(&report, "none");
    assert_eq!(hrefs(none).len(), 0);
    assert_eq!(none["status"], t["search_no_results"]);
    // The hit date follows search_hit_date: {roc} and {date} in the language's order.
    let hit = &one["hits"][0];
    let date = hit["datetime"].as_str().unwrap();
    assert_eq!(date, "2024-10-01");
    assert_eq!(
        hit["date"],
        t["search_hit_date"]
            .replace("{date}", date)
            .replace("{roc}", "民國113年10月1日（星期二）")
    );
    // Record titles and sections carry the records' language when the page's is another.
    let content_lang = if lang == "en" {
        serde_json::json!("zh-Hant-TW")
    } else {
        serde_json::Value::Null
    };
    assert_eq!(hit["title_lang"], content_lang, "{hit}");
    assert_eq!(hit["sections_lang"], content_lang, "{hit}");
    if lang == "en" {
        assert_eq!(hit["date"], "2024-10-01");
        assert_eq!(one["status"], "Found 1 record");
        assert_eq!(several["status"], format!("Found {n} records"));
    } else {
        assert_eq!(hit["date"], "民國113年10月1日（星期二）（2024-10-01）");
        assert_eq!(several["status"], format!("找到 {n} 筆紀錄"));
    }
}

#[test]
fn search_ui_strings_english() {
    strings_scenario("en");
}

#[test]
fn search_ui_strings_chinese() {
    strings_scenario("zh-Hant-TW");
}

/// A query that is a registered alias (資安院, of 國家資通安全研究院, also NICS) offers the
/// registered name and the other aliases; its hits stay exactly the records that contain what was
/// typed until the offer is taken with one click, which adds the records that name the unit
/// otherwise, keeps through a filter change, and can be undone (issue 19).
#[test]
fn search_ui_alias_offer() {
    let Some((browser, node)) = crate::support::playwright_prerequisites("search_ui") else {
        return;
    };
    let site = crate::support::fixture_site();
    let rec = |n: u32, body: &str| {
        crate::support::write(
            site.path(),
            &format!("content/2024/executive-{n}.md"),
            &format!("---\ntitle: 第{n}次主管會議紀錄\nseries: 主管會議\nnumber: {n}\ndate: 2024-11-{:02}\n---\n\n## 壹、報告事項\n\n{body}\n", n - 40),
        );
        format!("/minutes/2024/executive-{n}/")
    };
    let typed = rec(41, "請資安院協助檢測。");
    let named = rec(42, "由國家資通安全研究院辦理。");
    let latin = rec(43, "NICS 提供報告。");
    let out = build_site(site.path());
    // The records that contain each name, by the real client under node.
    let hits = crate::support::search_hits(&out, &["資安院", "國家資通安全研究院", "NICS"]);
    let urls = |q: &str| -> BTreeSet<String> { hits[q].iter().map(|(_, u)| u.clone()).collect() };
    assert!(urls("資安院").contains(&typed) && !urls("資安院").contains(&named));
    let all: BTreeSet<String> = ["資安院", "國家資通安全研究院", "NICS"]
        .iter()
        .flat_map(|q| urls(q))
        .collect();
    for u in [&typed, &named, &latin] {
        assert!(all.contains(u), "{u}");
    }
    let port = crate::support::serve(out.clone());
    let t = i18n::strings("zh-Hant-TW");
    let report = run_script(
        &node,
        &browser,
        serde_json::json!({
            "origin": format!("http://127.0.0.1:{port}"), "scenario": "alias",
            "labels": { "query": t["search_query"], "year": t["year"], "also": t["search_alias_also"],
                        "only": t["search_alias_only"].replace("{typed}", "資安院") },
        }),
    );
    assert_eq!(report["page_errors"], serde_json::json!([]), "errors in the page");
    let records = |s: &Value| -> BTreeSet<String> {
        s["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["links"][0]["path"].as_str().unwrap().to_string())
            .collect()
    };
    let offer = step(&report, "alias_typed");
    assert_eq!(offer["alias"]["hidden"], false);
    assert_eq!(
        offer["alias"]["text"], "資安院 = 國家資通安全研究院、NICS：也搜尋",
        "the offer names the registered name and the other alias"
    );
    assert_eq!(offer["alias"]["links"], serde_json::json!(["/search/?q=資安院&also=1"]));
    assert_eq!(records(offer), urls("資安院"), "results stay exact for what was typed");
    let taken = step(&report, "alias_taken");
    assert_eq!(taken["url"], "/search/?q=資安院&also=1");
    assert_eq!(records(taken), all, "one click searches every name of the unit");
    assert_eq!(
        taken["alias"]["text"],
        "已一併搜尋 國家資通安全研究院、NICS。 只搜尋 資安院"
    );
    let filtered = step(&report, "alias_filtered");
    assert_eq!(filtered["url"], "/search/?q=資安院&year=2024&also=1");
    assert_eq!(records(filtered), all, "all three are of 2024");
    let only = step(&report, "alias_only");
    assert_eq!(only["url"], "/search/?q=資安院&year=2024");
    assert_eq!(records(only), urls("資安院"));
    let none = step(&report, "alias_none");
    assert_eq!(none["alias"]["hidden"], true, "資安院協助 is no registered name");
    assert_eq!(records(none), BTreeSet::from([typed.clone()]));
}
