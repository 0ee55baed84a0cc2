//! A record's front-matter facts that its page shows (location, chair, recorder, attendees) are
//! searchable: a built site's index, queried with the real search.js under node, finds a record
//! by a chair or a place named only in its front-matter, and no other record.

mod common;

const QUERIES_JS: &str = r#"
const fs = require('fs'), zlib = require('zlib'), path = require('path');
const [js, root, ...queries] = process.argv.slice(2);
const api = require(path.resolve(js));
const idx = new api.Index('/search/', (url, gz) => {
  const b = fs.readFileSync(path.join(root, url));
  return Promise.resolve(new Uint8Array(gz ? zlib.gunzipSync(b) : b));
});
(async () => {
  const out = {};
  for (const q of queries) {
    const r = await idx.search({ q });
    out[q] = [];
    for (const h of r.hits) out[q].push((await idx.doc(h)).u);
  }
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
"#;

#[test]
fn front_matter_facts_are_searchable() {
    if !common::node_or_skip("search facts test") {
        return;
    }
    let site = common::bundled_site();
    common::write(
        site.path(),
        "content/2024/executive-21.md",
        "---\ntitle: 第21次主管會議紀錄\nseries: 主管會議\nnumber: 21\ndate: 2024-10-21\n\
         location: 寶慶辦公室三樓\nchair: 唐部長鳳\nrecorder: 李小華\n\
         attendees: [王司長大明, 陳處長小美（公差）]\n---\n\n## 壹、報告事項\n\n洽悉。\n",
    );
    let out = common::build_ok(site.path());
    let queries = [
        "唐部長鳳",
        "寶慶辦公室",
        "李小華",
        "陳處長小美",
        "王司長大明 寶慶",
        "唐部長鳳 黃部長彥男",
    ];
    let args: Vec<std::ffi::OsString> = std::iter::once(out.clone().into_os_string())
        .chain(queries.iter().map(|q| q.into()))
        .collect();
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let stdout = common::run_with_search_js(&out, "facts.js", QUERIES_JS, &args);
    let hits: std::collections::BTreeMap<String, Vec<String>> = serde_json::from_slice(&stdout).unwrap();
    let r21 = "/minutes/2024/executive-21/".to_string();
    for q in &queries[..5] {
        assert_eq!(hits[*q], vec![r21.clone()], "{q}");
    }
    // Both chairs are facts, of two records: no record has both.
    assert_eq!(hits["唐部長鳳 黃部長彥男"], Vec::<String>::new());
}
