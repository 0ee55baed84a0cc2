//! Helpers shared by the integration tests: temporary copies of the bundled site and builds.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use minutebook::build::{self, BuildOptions};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary site holding the bundled minutebook.yaml and content/.
pub fn bundled_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("minutebook.yaml"), dir.path().join("minutebook.yaml")).unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

pub fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

pub fn options(root: &Path) -> BuildOptions {
    let mut o = BuildOptions::new(root);
    o.today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    o
}

/// Build `root` into `root/public` and panic with the diagnostics on failure.
pub fn build_ok(root: &Path) -> PathBuf {
    let o = options(root);
    if let Err(d) = build::build(&o) {
        panic!("build failed:\n{}", d.iter().map(|d| d.to_string()).collect::<String>());
    }
    o.output
}

pub fn read(p: impl AsRef<Path>) -> String {
    std::fs::read_to_string(p.as_ref()).unwrap_or_else(|e| panic!("{}: {e}", p.as_ref().display()))
}

/// Run the binary; returns (exit code, stdout, stderr).
pub fn run(args: &[&str], cwd: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_minutebook"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every file under `dir` with its bytes, sorted by path.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

pub const RECORD: &str = "---\ntitle: 第1次主管會議紀錄\nseries: 主管會議\nnumber: 1\ndate: 2024-01-10\n---\n\n## 參、報告事項\n\n### 案由一：測試案，報請公鑒。（報告單位：秘書處）\n\n決定：洽悉。\n";

/// Sets the `language:` line of the site's minutebook.yaml.
pub fn set_language(site: &Path, lang: &str) {
    let yaml = read(site.join("minutebook.yaml"));
    let yaml: String = yaml
        .lines()
        .map(|l| {
            if l.starts_with("language:") {
                format!("language: {lang}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(site.join("minutebook.yaml"), yaml).unwrap();
}

/// Whether a test that runs `node` can run: true when node is installed; false (skip) when it is
/// not and `MINUTEBOOK_SKIP_NODE=1`; otherwise panics saying what `test` needs.
pub fn node_or_skip(test: &str) -> bool {
    if Command::new("node").arg("--version").output().is_ok() {
        return true;
    }
    if std::env::var("MINUTEBOOK_SKIP_NODE").as_deref() == Ok("1") {
        return false;
    }
    panic!("node is required for the {test} (set MINUTEBOOK_SKIP_NODE=1 to skip)");
}

/// One record per text (record `i`: URL `/r/i/`, title `第i次會議`, dated 2024-01-01), the text
/// its only section.
pub fn text_docs(texts: &[&str]) -> Vec<minutebook::search::SearchDoc<'static>> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| minutebook::search::SearchDoc {
            url: format!("/r/{i}/"),
            title: format!("第{i}次會議"),
            date: "2024-01-01".into(),
            year: 2024,
            sections: vec![minutebook::search::SearchSection {
                text: t.to_string().into(),
                ..Default::default()
            }],
            ..Default::default()
        })
        .collect()
}

/// The search index of `docs`, written into a new temporary folder (its root is the site root).
pub fn index_in_temp_dir(docs: &[minutebook::search::SearchDoc]) -> tempfile::TempDir {
    let files = minutebook::search::build_index(docs).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for f in &files {
        let p = dir.path().join(&f.path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, &f.bytes).unwrap();
    }
    dir
}

/// Runs the script `source` (written as `dir/name`) under node with the theme's search.js and
/// `args` as its arguments; returns its standard output, panicking with its errors if it fails.
pub fn run_with_search_js(dir: &Path, name: &str, source: &str, args: &[&std::ffi::OsStr]) -> Vec<u8> {
    let script = dir.join(name);
    std::fs::write(&script, source).unwrap();
    let js = repo().join("themes/default/static/search.js");
    let out = Command::new("node")
        .arg(&script)
        .arg(&js)
        .args(args)
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Runs each of `queries` with the theme's search.js (under node) against the search index of the
/// site whose output root is `root`; returns, per query, the hits in order as (record id, URL).
pub fn search_hits(root: &Path, queries: &[&str]) -> std::collections::BTreeMap<String, Vec<(u64, String)>> {
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
    for (const h of r.hits) out[q].push([h.r, (await idx.doc(h)).u]);
  }
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
"#;
    let mut args: Vec<&std::ffi::OsStr> = vec![root.as_os_str()];
    args.extend(queries.iter().map(std::ffi::OsStr::new));
    let out = run_with_search_js(root, "queries.js", QUERIES_JS, &args);
    serde_json::from_slice(&out).unwrap()
}
