//! The browser client's fetch chain: search.js (under node) runs a query against a small built
//! index with a fetch that answers requests in rounds — every request made while the previous
//! round's answers are processed belongs to the next round — so the test sees which files wait
//! for which. The hits are checked against the records that contain the term.

use minutebook::search::{SearchDoc, SearchSection};

const ROUNDS_JS: &str = r#"
const fs = require('fs'), zlib = require('zlib'), path = require('path');
const [js, root, q] = process.argv.slice(2);
const api = require(path.resolve(js));
let pending = [];
const idx = new api.Index('/search/', (url, gz) => new Promise((resolve) => {
  pending.push({ name: path.basename(url), go: () => {
    const b = fs.readFileSync(path.join(root, url));
    resolve(new Uint8Array(gz ? zlib.gunzipSync(b) : b));
  } });
}));
const settle = () => new Promise((r) => setImmediate(r));
(async () => {
  const rounds = [];
  let done = false, res = null;
  const run = idx.search({ q }).then(async (r) => { res = r; await idx.doc(r.hits[0]); done = true; });
  while (!done) {
    await settle();
    if (!pending.length) { if (done) break; await settle(); if (!pending.length) throw new Error('stuck'); }
    const now = pending; pending = [];
    rounds.push(now.map((p) => p.name).sort());
    now.forEach((p) => p.go());
  }
  await run;
  console.log(JSON.stringify({ rounds, hits: res.hits.map((h) => [h.r, h.n, h.secs.map((s) => s.s)]) }));
})().catch((e) => { console.error(e); process.exit(1); });
"#;

#[test]
fn cold_query_fetch_rounds() {
    if !crate::support::node_or_skip("search client test") {
        return;
    }
    let doc = |i: usize, body: String| SearchDoc {
        url: format!("/r/{i}/"),
        title: format!("第{i}次會議").into(),
        date: "2024-01-01".into(),
        year: 2024,
        sections: vec![
            SearchSection {
                text: "開會。".into(),
                ..Default::default()
            },
            SearchSection {
                anchor: "a".into(),
                heading: "案由".into(),
                text: body.into(),
            },
        ],
        ..Default::default()
    };
    let docs: Vec<SearchDoc> = (0..40)
        .map(|i| {
            doc(
                i,
                match i % 4 {
                    0 => "推動數位皮夾試辦。".to_string(),
                    1 => "數位發展與皮夾".to_string(), // both bigrams, not as one string
                    2 => "數位皮夾、數位皮夾".to_string(),
                    _ => "零信任".to_string(),
                },
            )
        })
        .collect();
    let dir = crate::support::index_in_temp_dir(&docs);
    let kinds = |r: &Vec<String>| -> String {
        let mut k: Vec<char> = r.iter().map(|n| n.chars().next().unwrap()).collect();
        k.sort();
        k.dedup();
        k.into_iter().collect()
    };
    // Exact hits: records 0, 2, 6, … (i % 4 == 0 or 2), twice the matches first.
    let mut want: Vec<u64> = (0..40u64).filter(|i| i % 4 == 2).collect();
    want.extend((0..40u64).filter(|i| i % 4 == 0));
    // Traditional characters fold to themselves (their fold_cjk bits are clear): no fold table
    // page is fetched. Simplified 数 and 夹 fold to 數 and 夾: their pages come with the group
    // files, as the keys are guessed before the fold table is in, and the hits are the same.
    let mut traditional_shards: Option<Vec<String>> = None;
    for (q, second_round) in [("數位皮夾", "g"), ("数位皮夹", "fg")] {
        let out = crate::support::run_with_search_js(
            dir.path(),
            "rounds.js",
            ROUNDS_JS,
            &[dir.path().as_os_str(), q.as_ref()],
        );
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let rounds: Vec<Vec<String>> = serde_json::from_value(v["rounds"].clone()).unwrap();
        // manifest; group files (and fold pages); every shard, presence and positions together;
        // the first hit's display file.
        assert_eq!(rounds.len(), 4, "{q}: {rounds:?}");
        assert_eq!(rounds[0], vec!["manifest.bin"]);
        assert_eq!(kinds(&rounds[1]), second_round, "{q}: {rounds:?}");
        assert_eq!(kinds(&rounds[2]), "ps", "{q}: {rounds:?}");
        // Two bigrams (數位, 皮夾): their shards and, beside each, its position shard (named by the
        // same first key, so no lookup of its own), all in one round: none waits for another.
        // The Simplified query also fetches the shards of its guessed keys (数位, 皮夹).
        let (s, p): (Vec<&String>, Vec<&String>) = rounds[2].iter().partition(|n| n.starts_with('s'));
        let stem = |v: &[&String]| -> Vec<String> { v.iter().map(|n| n[1..].to_string()).collect() };
        assert_eq!(
            stem(&s),
            stem(&p),
            "every shard with its position shard: {q}: {rounds:?}"
        );
        match &traditional_shards {
            None => traditional_shards = Some(rounds[2].clone()),
            Some(t) => assert!(t.iter().all(|s| rounds[2].contains(s)), "{q}: {rounds:?}"),
        }
        assert_eq!(rounds[3].len(), 1, "{q}: {rounds:?}");
        assert!(rounds[3][0].starts_with('d'), "{q}: {rounds:?}");
        let hits: Vec<(u64, u64, Vec<u64>)> = serde_json::from_value(v["hits"].clone()).unwrap();
        assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), want, "{q}");
        for (r, n, secs) in &hits {
            assert_eq!(*n, if r % 4 == 2 { 2 } else { 1 });
            assert_eq!(secs, &vec![1]);
        }
    }
}

const RETRY_JS: &str = r#"
const fs = require('fs'), zlib = require('zlib'), path = require('path');
const [js, root] = process.argv.slice(2);
const api = require(path.resolve(js));
let failNext = true;
const idx = new api.Index('/search/', async (url, gz) => {
  if (failNext && url.endsWith('manifest.bin')) { failNext = false; throw new Error('offline'); }
  const b = fs.readFileSync(path.join(root, url));
  return new Uint8Array(gz ? zlib.gunzipSync(b) : b);
});
(async () => {
  let first;
  try { await idx.search({ q: '零信任' }); first = 'resolved'; } catch (e) { first = e.message; }
  const second = await idx.search({ q: '零信任' });
  console.log(JSON.stringify({ first, hits: second.hits.map((h) => h.r) }));
})().catch((e) => { console.error(e); process.exit(1); });
"#;

/// A manifest that failed to load (a dropped connection) is fetched again by the next search,
/// instead of every later search on the page failing until a reload.
#[test]
fn a_failed_manifest_is_fetched_again() {
    if !crate::support::node_or_skip("search client test") {
        return;
    }
    let dir = crate::support::index_in_temp_dir(&crate::support::text_docs(&["數位皮夾", "零信任架構", "數位皮夾"]));
    let out = crate::support::run_with_search_js(dir.path(), "retry.js", RETRY_JS, &[dir.path().as_os_str()]);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["first"], "offline");
    assert_eq!(v["hits"], serde_json::json!([1]));
}
