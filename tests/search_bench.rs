//! Size/time measurement of the search index on a synthetic corpus made from the seed minutes.
//! Ignored by default; run with
//! `cargo test --release --test search_bench -- --ignored --nocapture`
//! (MINUTEBOOK_BENCH_RECORDS=2000,10000 to choose sizes).

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use minutebook::search::{build_index, SearchDoc, SearchSection};

fn hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn corpus(n: usize) -> Vec<SearchDoc> {
    let seed =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/seed.txt")).unwrap();
    let sentences: Vec<String> = seed
        .split(['。', '\n'])
        .map(|s| s.trim().to_string())
        .filter(|s| s.chars().count() > 4)
        .collect();
    let mut x: u64 = 0x9E3779B97F4A7C15;
    let mut rnd = move |m: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % m as u64) as usize
    };
    let units = ["moda", "democracy", "nics", "industry", "resilience"];
    (0..n)
        .map(|i| {
            let year = 2024 - (i * 5 / n.max(1)) as i32;
            let nsec = 4 + rnd(8);
            let target = 6000 + rnd(6000); // bytes of text
            let mut sections = Vec::new();
            for s in 0..nsec {
                let mut text = String::new();
                while text.len() < target / nsec {
                    text.push_str(&sentences[rnd(sentences.len())]);
                    text.push_str(&format!("，{}年{}月", year - 1911, 1 + rnd(12)));
                    text.push('。');
                }
                let heading = if s == 0 {
                    String::new()
                } else {
                    format!("案由{}：{}", s, &sentences[rnd(sentences.len())])
                };
                sections.push(SearchSection {
                    anchor: if s == 0 { String::new() } else { format!("案由{s}") },
                    heading: heading.chars().take(30).collect(),
                    text,
                });
            }
            SearchDoc {
                url: format!("/minutes/{year}/r{i}/"),
                title: format!("第{}次主管會議", n - i),
                date: format!("{year}-01-01"),
                date_roc: format!("民國{}年1月1日", year - 1911),
                series: "executive".into(),
                year,
                units: vec![units[rnd(units.len())].to_string()],
                topics: vec![],
                sections,
            }
        })
        .collect()
}

const NODE_BENCH: &str = r#"
const fs = require('fs'), zlib = require('zlib'), path = require('path');
const [js, root, queries] = process.argv.slice(2);
const api = require(path.resolve(js));
const rows = [];
(async () => {
  for (const q of JSON.parse(queries)) {
    let bytes = fs.statSync(js).size, files = 1;
    const by = { js: bytes };
    const idx = new api.Index('/search/', async (url, gz) => {
      const b = fs.readFileSync(path.join(root, url));
      bytes += b.length; files++;
      const kind = path.basename(url)[0];
      by[kind] = (by[kind] || 0) + b.length;
      return new Uint8Array(gz ? zlib.gunzipSync(b) : b);
    });
    const t0 = process.hrtime.bigint();
    const res = await idx.search({ q });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    await Promise.all(res.hits.slice(0, 10).map((h) => idx.doc(h)));
    rows.push({ q, hits: res.hits.length, kb: +(bytes / 1024).toFixed(1), files, ms: +ms.toFixed(1), by });
  }
  console.log(JSON.stringify(rows));
})();
"#;

#[test]
#[ignore]
fn measure_index() {
    let sizes: Vec<usize> = std::env::var("MINUTEBOOK_BENCH_RECORDS")
        .unwrap_or_else(|_| "2000".into())
        .split(',')
        .map(|s| s.trim().parse().unwrap())
        .collect();
    for n in sizes {
        let docs = corpus(n);
        let text: usize = docs
            .iter()
            .flat_map(|d| &d.sections)
            .map(|s| s.text.len() + s.heading.len())
            .sum();
        let t = Instant::now();
        build_index(&docs[..1]).unwrap();
        println!("fold table + 1 record: {:.2}s", t.elapsed().as_secs_f64());
        let before = hwm_kb();
        let t = Instant::now();
        let files = build_index(&docs).unwrap();
        let el = t.elapsed();
        let after = hwm_kb();
        let total: usize = files.iter().map(|f| f.bytes.len()).sum();
        let shards: Vec<usize> = files
            .iter()
            .filter(|f| f.path.contains("/s"))
            .map(|f| f.bytes.len())
            .collect();
        let docs_sz: usize = files
            .iter()
            .filter(|f| f.path.contains("/d"))
            .map(|f| f.bytes.len())
            .sum();
        println!(
            "records={n} text={:.1}MB build={:.2}s hwm_delta={}MB files={} total={:.1}MB shards={} ({:.1}MB, max {}KB) docs={:.1}MB manifest={}B",
            text as f64 / 1e6,
            el.as_secs_f64(),
            (after - before) / 1024,
            files.len(),
            total as f64 / 1e6,
            shards.len(),
            shards.iter().sum::<usize>() as f64 / 1e6,
            shards.iter().max().unwrap_or(&0) / 1024,
            docs_sz as f64 / 1e6,
            files[0].bytes.len()
        );
        let dir = tempfile::tempdir().unwrap();
        for f in &files {
            let p = dir.path().join(&f.path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, &f.bytes).unwrap();
        }
        drop(files);
        let queries = serde_json::to_string(&[
            "數位皮夾",
            "零信任",
            "人工智慧基本法",
            "113年8月",
            "台灣",
            "资安",
            "會議",
            "\"數位發展部\"",
            "韌性",
            "AI",
            "署長",
            "位發展",
        ])
        .unwrap();
        let js = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/search.js");
        let script = dir.path().join("bench.js");
        std::fs::write(&script, NODE_BENCH).unwrap();
        let out = Command::new("node")
            .arg(&script)
            .arg(&js)
            .arg(dir.path())
            .arg(&queries)
            .output()
            .unwrap();
        let rows: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
        let mut kbs: Vec<f64> = Vec::new();
        for r in rows.as_array().unwrap() {
            println!("  {r}");
            kbs.push(r["kb"].as_f64().unwrap());
        }
        kbs.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!("  median cold transfer {:.1} KB", kbs[kbs.len() / 2]);
    }
}
