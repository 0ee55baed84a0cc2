//! End-to-end search test on a fully built site: writes a fixture site (the bundled
//! minutebook.yaml, the bundled seed record and a handful of small records), builds it with the
//! minutebook pipeline, serves the output on 127.0.0.1, loads each `/search/?q=…` in headless
//! Chromium (one browser for all of them, through playwright-core: tests/a11y/search-dom.mjs,
//! each URL in a page of its own) and checks the exact set of links inside #search-results and
//! the status line of the DOM the page ends with.
//!
//! Needs chromium, node and the npm packages of tests/a11y (`bash scripts/setup.sh`); the test
//! fails when one is missing unless MINUTEBOOK_SKIP_BROWSER=1.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::support::{fixture_site, pct_decode, pct_encode, serve};

/// The DOM of each `/search/?{query}` once its search is done, in the order of `queries`.
fn dump_doms(node: &Path, browser: &Path, port: u16, queries: &[String]) -> Vec<String> {
    let script = crate::support::repo().join("tests/a11y/search-dom.mjs");
    let paths: Vec<String> = queries.iter().map(|q| format!("/search/?{q}")).collect();
    let config = serde_json::json!({ "origin": format!("http://127.0.0.1:{port}"), "paths": paths });
    let mut cmd = Command::new(node);
    cmd.arg(&script).arg(config.to_string()).env("CHROMIUM", browser);
    let out = crate::support::output_within(cmd, Duration::from_secs(240), "search-dom.mjs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "search-dom.mjs failed ({}):\n{}\n{stdout}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(stdout.trim())
        .unwrap_or_else(|e| panic!("search-dom.mjs printed no JSON ({e}):\n{stdout}"));
    assert_eq!(report["page_errors"], serde_json::json!([]), "errors in the pages");
    let doms: Vec<String> = report["doms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().to_string())
        .collect();
    assert_eq!(doms.len(), queries.len());
    doms
}

struct Outcome {
    hrefs: Vec<String>,
    results_html: String,
    status: String,
    dom: String,
}

fn outcome(query: &str, dom: String) -> Outcome {
    let start = dom
        .find("id=\"search-results\"")
        .unwrap_or_else(|| panic!("no #search-results in DOM for {query}:\n{dom}"));
    let rest = &dom[start..];
    let end = rest.find("</div>").unwrap_or(rest.len());
    let results_html = rest[..end].to_string();
    // The sections' links are the hits compared below; each title links to its record (checked
    // here, then left out).
    let mut sections_html = String::new();
    let mut s = results_html.as_str();
    while let Some(i) = s.find("<h2 class=\"search-hit-title\"") {
        sections_html.push_str(&s[..i]);
        let t = &s[i..];
        let close = t.find("</h2>").expect("a hit title is closed");
        let title = &t[..close];
        assert!(
            title.contains("<a href=\"/minutes/"),
            "{query}: a hit title without its record's link: {title}"
        );
        s = &t[close..];
    }
    sections_html.push_str(s);
    let mut hrefs = Vec::new();
    let mut s = sections_html.as_str();
    while let Some(i) = s.find("href=\"") {
        let t = &s[i + 6..];
        let j = t.find('"').unwrap();
        hrefs.push(pct_decode(&t[..j].replace("&amp;", "&")));
        s = &t[j..];
    }
    let status = dom
        .find("id=\"search-status\"")
        .map(|i| {
            let t = &dom[i..];
            let a = t.find('>').unwrap() + 1;
            let b = t.find("</p>").unwrap();
            t[a..b].to_string()
        })
        .unwrap_or_default();
    Outcome {
        hrefs,
        results_html,
        status,
        dom,
    }
}

/// (query string, exact expected hrefs or None, hrefs that must be present).
type Case<'a> = (String, Option<Vec<&'a str>>, Vec<&'a str>);

#[test]
fn search_in_headless_chromium() {
    let Some((browser, node)) = crate::support::playwright_prerequisites("the search end-to-end test") else {
        return;
    };
    let site = fixture_site();
    let out = crate::support::build_ok(site.path());
    assert!(out.join("search/manifest.bin").is_file());
    assert!(out.join("search/index.html").is_file());
    let port = serve(out.clone());

    let seed = "/minutes/2024/executive-4/";
    let seed_nics = "/minutes/2024/executive-4/#國家資通安全研究院";
    let r11 = "/minutes/2024/executive-11/";
    let r12 = "/minutes/2023/executive-12/";
    let r13 = "/minutes/2024/executive-13/";
    let r14 = "/minutes/2024/executive-14/";
    let r15 = "/minutes/2024/executive-15/";
    let seed_at = |a: &str| -> &'static str { format!("{seed}#{a}").leak() };
    let r16 = "/minutes/2024/executive-16/";
    let q = |s: &str| format!("q={}", pct_encode(s));
    // (query string, expected hrefs, or None: only check that `must` is among them)
    let cases: Vec<Case> = vec![
        // 臺/台 fold together; the seed's appendix report links to its section.
        (q("臺灣推動數位皮夾"), Some(vec![r11]), vec![]),
        (
            q("台灣 皮夾"),
            Some(vec![
                r11,
                r12,
                seed_nics,
                seed_at("數位產業署"),
                seed_at("數位策略司"),
                seed_at("民主網絡司"),
                seed_at("韌性建設司"),
            ]),
            vec![],
        ),
        // Second half of a compound; cross-word substring.
        (q("錢包與皮夾"), Some(vec![r12]), vec![]),
        (q("數位皮夾試辦"), Some(vec![r11]), vec![]),
        (q("皮夾試"), Some(vec![r11]), vec![]),
        (q("位發展"), None, vec![seed_at("數位策略司"), seed_at("資訊處")]),
        // Simplified input.
        (q("资安"), None, vec![seed_nics]),
        (q("零信任"), None, vec![seed_nics]),
        // 113年8月 must not match 113年9月 + 112年8月.
        (q("113年8月20日"), Some(vec![r13, seed_at("資源管理司")]), vec![]),
        (q("113年9月與112年8月"), Some(vec![r14]), vec![]),
        (q("\"人工智慧基本法\""), Some(vec![r13, seed_at("數位策略司")]), vec![]),
        (q("人工智慧 錢包"), Some(vec![]), vec![]),
        // Full-width Latin and digits; word starts.
        (
            q("ＡＰＥＣ 5G"),
            Some(vec![
                r15,
                seed_at("民主網絡司"),
                seed_at("法制處"),
                seed_at("韌性建設司"),
            ]),
            vec![],
        ),
        (
            q("apec ５ｇ 論壇"),
            Some(vec![
                r15,
                seed_at("數位產業署"),
                seed_at("民主網絡司"),
                seed_at("法制處"),
                seed_at("資源管理司"),
                seed_at("韌性建設司"),
            ]),
            vec![],
        ),
        (q("PEC 論壇"), Some(vec![]), vec![]),
        // Filters.
        (
            format!("{}&unit=secretariat", q("皮夾")),
            Some(vec![r12, seed_at("民主網絡司")]),
            vec![],
        ),
        (
            format!("{}&unit=democracy", q("皮夾 臺灣")),
            Some(vec![
                r11,
                seed_nics,
                seed_at("數位產業署"),
                seed_at("數位策略司"),
                seed_at("民主網絡司"),
                seed_at("韌性建設司"),
            ]),
            vec![],
        ),
        (format!("{}&year=2023", q("皮夾")), Some(vec![r12]), vec![]),
        // A filter value the page does not offer (a unit since renamed) is dropped, as the form
        // shows: the hits are those of the query alone.
        (format!("{}&unit=nosuchunit", q("錢包與皮夾")), Some(vec![r12]), vec![]),
        (format!("{}&year=2024", q("錢包")), Some(vec![]), vec![]),
        // Markup in a record stays text.
        (q("onerror"), Some(vec![r16]), vec![]),
        (q("script alert"), Some(vec![r16]), vec![]),
        // No hits.
        (q("量子糾纏"), Some(vec![]), vec![]),
        (q("blockchainxyz"), Some(vec![]), vec![]),
    ];
    assert!(cases.len() >= 15);
    let titled_q = q("第16次主管會議");
    let blank_q = "q=%20%20".to_string();
    let mut queries: Vec<String> = cases.iter().map(|(query, _, _)| query.clone()).collect();
    queries.extend([titled_q.clone(), blank_q.clone()]);
    let mut doms = dump_doms(&node, &browser, port, &queries).into_iter();
    let mut failures = Vec::new();
    for (query, expected, must) in &cases {
        let out = outcome(query, doms.next().unwrap());
        let got: BTreeSet<String> = out.hrefs.iter().cloned().collect();
        let ok = match expected {
            Some(e) => got == e.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>(),
            None => must.iter().all(|m| got.contains(*m)),
        };
        let status_ok = if expected.as_ref().is_some_and(|e| e.is_empty()) {
            out.status.contains("找不到")
        } else {
            out.status.contains("找到")
        };
        if !ok || !status_ok {
            failures.push(format!(
                "{query}: expected {expected:?} / must {must:?}, got {got:?} (status {:?})",
                out.status
            ));
        }
        // Nothing from a record may become markup or run.
        assert!(!out.results_html.contains("<img"), "{query}: injected <img>");
        assert!(!out.results_html.contains("<script"), "{query}: injected <script>");
        assert!(!out.dom.contains("onerror=alert(1)>"), "{query}: a record's markup ran");
    }
    assert!(failures.is_empty(), "search failures:\n{}", failures.join("\n"));
    // A match in a record's title is highlighted in the hit's title.
    let titled = outcome(&titled_q, doms.next().unwrap());
    assert_eq!(titled.hrefs, vec![r16.to_string()]);
    assert!(
        titled
            .results_html
            .contains("class=\"search-hit-title\"><a href=\"/minutes/2024/executive-16/\"><mark>第16次主管會議</mark>紀錄</a></h2>"),
        "{}",
        titled.results_html
    );
    // A query of spaces alone is no query: no hits and no "not found" message.
    let blank = outcome(&blank_q, doms.next().unwrap());
    assert!(blank.hrefs.is_empty(), "{:?}", blank.hrefs);
    assert_eq!(blank.status.trim(), "", "a blank query says nothing");
}
