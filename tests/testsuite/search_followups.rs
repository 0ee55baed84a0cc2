//! Follow-ups in the search (issue 18): a directive is found by its text and links to its page
//! `/followups/<id>/`, and the search page's status filter (open / closed) keeps only directives
//! of that status. On the follow-ups fixture site (tests/fixtures/followups/site), with the real
//! search.js under node.

use std::collections::BTreeMap;

use crate::support::{build_ok, copy_dir, repo};

/// Runs each search state (`{q, status, unit, …}`) with search.js; the hit URLs of each, in order.
fn hits(root: &std::path::Path, states: &[serde_json::Value]) -> Vec<Vec<String>> {
    const JS: &str = r#"
const fs = require('fs'), zlib = require('zlib'), path = require('path');
const [js, root, input] = process.argv.slice(2);
const api = require(path.resolve(js));
const idx = new api.Index('/search/', (url, gz) => {
  const b = fs.readFileSync(path.join(root, url));
  return Promise.resolve(new Uint8Array(gz ? zlib.gunzipSync(b) : b));
});
(async () => {
  const out = [];
  for (const st of JSON.parse(fs.readFileSync(input, 'utf8'))) {
    const r = await idx.search(st);
    const urls = [];
    for (const h of r.hits) urls.push((await idx.doc(h)).u);
    out.push(urls);
  }
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
"#;
    let input = root.join("states.json");
    std::fs::write(&input, serde_json::to_vec(states).unwrap()).unwrap();
    let out = crate::support::run_with_search_js(root, "states.js", JS, &[root.as_os_str(), input.as_os_str()]);
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn directives_are_found_by_text_and_filtered_by_status() {
    if !crate::support::node_or_skip("search follow-ups test") {
        return;
    }
    let site = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/fixtures/followups/site"), site.path());
    let out = build_ok(site.path());
    let states = [
        serde_json::json!({ "q": "適度公開研析內容" }),
        serde_json::json!({ "q": "研析" }),
        serde_json::json!({ "q": "研析", "status": "open" }),
        serde_json::json!({ "q": "研析", "status": "closed" }),
        serde_json::json!({ "q": "", "status": "open" }),
        serde_json::json!({ "q": "", "status": "closed" }),
        serde_json::json!({ "q": "113-4-02" }),
    ];
    let got = hits(&out, &states);
    let of = |i: usize| -> Vec<&str> {
        let mut v: Vec<&str> = got[i].iter().map(String::as_str).collect();
        v.sort();
        v
    };
    let directives = |i: usize| -> Vec<&str> { of(i).into_iter().filter(|u| u.starts_with("/followups/")).collect() };
    // By its text: the directive's page, and the record of the meeting that gave it (whose page
    // lists it).
    assert_eq!(directives(0), vec!["/followups/113-4-01/"]);
    assert!(of(0).iter().any(|u| u.starts_with("/minutes/")), "{:?}", of(0));
    assert_eq!(directives(1), vec!["/followups/113-4-01/", "/followups/113-6-01/"]);
    // The status filter keeps directives only, of that status: 113-6-01 is open, 113-4-01 closed.
    assert_eq!(of(2), vec!["/followups/113-6-01/"]);
    assert_eq!(of(3), vec!["/followups/113-4-01/"]);
    // Without a query: every directive of the status (closed takes self-tracked, merged and
    // withdrawn too), as data/followups.json says.
    let json: serde_json::Value = serde_json::from_str(&crate::support::read(out.join("data/followups.json"))).unwrap();
    let mut by_group: BTreeMap<bool, Vec<String>> = BTreeMap::new();
    for d in json["directives"].as_array().unwrap() {
        let open = matches!(d["status"].as_str().unwrap(), "open" | "extended");
        by_group
            .entry(open)
            .or_default()
            .push(format!("/followups/{}/", d["id"].as_str().unwrap()));
    }
    for v in by_group.values_mut() {
        v.sort();
    }
    assert_eq!(of(4), by_group[&true].iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(of(5), by_group[&false].iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(by_group[&false].len(), 4, "self-tracked, closed, withdrawn and merged");
    // By its id (the page's title "列管事項 113-4-02").
    assert_eq!(directives(6), vec!["/followups/113-4-02/"]);
}
