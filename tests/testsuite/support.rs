//! Helpers shared by the integration tests: temporary copies of the bundled site and of the workflow
//! fixture site, builds, running the binary, the search fixture site with its static server and the
//! browsers, and the importer's registry and word-preservation check.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use minutebook::build::{self, BuildOptions};
use minutebook::import::{ImportRegistry, Imported, RegistryName};

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

pub fn write(root: &Path, rel: &str, text: &str) -> PathBuf {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

pub fn options(root: &Path) -> BuildOptions {
    let mut o = BuildOptions::new(root);
    o.today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    o
}

/// [`options`] with drafts included, as `build --drafts`: imported records are drafts.
pub fn options_with_drafts(root: &Path) -> BuildOptions {
    let mut o = options(root);
    o.drafts = true;
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

/// The commands that take `--lang`.
const LANG_COMMANDS: &[&str] = &["build", "check", "serve", "import", "new", "init"];

/// Run the binary with its messages in English (`--lang en` added to a command that takes it,
/// unless the test gives `--lang`); returns (exit code, stdout, stderr). The tests of the site's
/// own language use [`run_in_site_language`].
pub fn run(args: &[&str], cwd: &Path) -> (i32, String, String) {
    run_in_site_language(&in_english(args), cwd)
}

/// `args` with `--lang en` after the command, if it takes `--lang` and `args` do not give it.
pub fn in_english<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut args: Vec<&str> = args.to_vec();
    if args.first().is_some_and(|c| LANG_COMMANDS.contains(c)) && !args.contains(&"--lang") {
        args.splice(1..1, ["--lang", "en"]);
    }
    args
}

/// Run the binary as given: messages in the site's language unless `args` say `--lang`.
pub fn run_in_site_language(args: &[&str], cwd: &Path) -> (i32, String, String) {
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
            title: format!("第{i}次會議").into(),
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
    // The client as a build publishes it (minified from themes/default/static/search.js), so the
    // tests check the code browsers run.
    let js = dir.join("published-search.js");
    std::fs::write(&js, minutebook::render::SEARCH_JS_MIN).unwrap();
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

// --- The workflow fixture site (tests/fixtures/workflow/site) and the binary.

pub const BIN: &str = env!("CARGO_BIN_EXE_minutebook");

/// A temporary copy of `tests/fixtures/workflow/site`.
pub fn workflow_site() -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workflow/site");
    copy_dir(&from, t.path());
    t
}

/// Run the binary with `args`; returns (exit success, stdout, stderr).
pub fn workflow_run(args: &[&str]) -> (bool, String, String) {
    let out: Output = Command::new(BIN).args(in_english(args)).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

// --- The search browser tests (search_e2e, search_ui): the fixture site, a static file server on
// 127.0.0.1, and finding Chromium, node and the npm packages of tests/a11y.

/// (path under content/, date, units, body): small records around the seed.
pub const RECORDS: &[(&str, &str, &str, &str)] = &[
    (
        "2024/executive-11.md",
        "2024-10-01",
        "民主網絡司",
        "臺灣推動數位皮夾試辦。",
    ),
    ("2023/executive-12.md", "2023-10-02", "秘書處", "台灣的錢包與皮夾。"),
    (
        "2024/executive-13.md",
        "2024-10-03",
        "數位策略司",
        "於113年8月20日討論人工智慧基本法草案。",
    ),
    (
        "2024/executive-14.md",
        "2024-10-04",
        "數位策略司",
        "回顧113年9月與112年8月的會議結論。",
    ),
    (
        "2024/executive-15.md",
        "2024-10-05",
        "韌性建設司",
        "出席ＡＰＥＣ 數位經濟論壇，討論5G 應用。",
    ),
    (
        "2024/executive-16.md",
        "2024-10-06",
        "秘書處",
        "惡意字串測試：`<script>alert(1)</script>` 與 `<img src=x onerror=alert(1)>` 不得執行。",
    ),
];

fn write_record(site: &Path, rel: &str, number: usize, date: &str, unit: &str, body: &str) {
    write(
        site,
        &format!("content/{rel}"),
        &format!(
            "---\ntitle: 第{number}次主管會議紀錄\nseries: 主管會議\nnumber: {number}\ndate: {date}\nunits: [{unit}]\n---\n\n{body}\n"
        ),
    );
}

/// The bundled site plus [`RECORDS`] (numbers 11–16).
pub fn fixture_site() -> tempfile::TempDir {
    let site = bundled_site();
    for (i, (rel, date, unit, body)) in RECORDS.iter().enumerate() {
        write_record(site.path(), rel, 11 + i, date, unit, body);
    }
    site
}

/// [`fixture_site`] plus `n` records (numbers 31…, in 2022) whose text has 電子公文, for more hits
/// than one page of results shows.
pub fn fixture_site_with_many(n: usize) -> tempfile::TempDir {
    let site = fixture_site();
    for i in 0..n {
        let number = 31 + i;
        let date = format!("2022-{:02}-{:02}", 1 + i % 12, 1 + i / 12);
        write_record(
            site.path(),
            &format!("2022/executive-{number}.md"),
            number,
            &date,
            "秘書處",
            &format!("電子公文系統第{number}次追蹤。"),
        );
    }
    site
}

/// Serves `root` on 127.0.0.1 (a free port, returned) from a background thread, for the rest of
/// the test process. `/dir/` serves `dir/index.html`; paths with `..` are refused.
pub fn serve(root: PathBuf) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let root = root.clone();
            std::thread::spawn(move || {
                let mut line = String::new();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                if reader.read_line(&mut line).is_err() {
                    return;
                }
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                        break;
                    }
                }
                let path = line.split_whitespace().nth(1).unwrap_or("/");
                let path = path.split('?').next().unwrap_or("/");
                let mut file = root.join(path.trim_start_matches('/'));
                if path.ends_with('/') {
                    file = file.join("index.html");
                }
                let (status, body) = match std::fs::read(&file) {
                    Ok(b) if !path.contains("..") => ("200 OK", b),
                    _ => ("404 Not Found", b"not found".to_vec()),
                };
                let ctype = match file.extension().and_then(|e| e.to_str()) {
                    Some("html") => "text/html; charset=utf-8",
                    Some("js") => "text/javascript; charset=utf-8",
                    Some("css") => "text/css; charset=utf-8",
                    Some("json") => "application/json",
                    _ => "application/octet-stream",
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&body);
            });
        }
    });
    port
}

fn which(name: &str) -> Option<PathBuf> {
    let out = Command::new("which").arg(name).output().ok()?;
    let p = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !p.is_empty()).then(|| PathBuf::from(p))
}

/// `$CHROMIUM`, else the first of chromium, chromium-browser, google-chrome, chrome on PATH.
pub fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM").map(PathBuf::from) {
        if p.is_file() {
            return Some(p);
        }
    }
    ["chromium", "chromium-browser", "google-chrome", "chrome"]
        .iter()
        .find_map(|n| which(n))
}

/// True when browser tests may be skipped (MINUTEBOOK_SKIP_BROWSER=1).
pub fn skip_allowed() -> bool {
    std::env::var("MINUTEBOOK_SKIP_BROWSER").as_deref() == Ok("1")
}

/// What a playwright-driven test needs: (chromium, node). Panics with what is missing and how to
/// install it, or returns None when MINUTEBOOK_SKIP_BROWSER=1 allows skipping.
pub fn playwright_prerequisites(test: &str) -> Option<(PathBuf, PathBuf)> {
    let browser = chromium();
    let node = which("node");
    let modules = repo().join("tests/a11y/node_modules/playwright-core/package.json");
    let mut missing = Vec::new();
    if browser.is_none() {
        missing.push("chromium (apt-get install chromium)".to_string());
    }
    if node.is_none() {
        missing.push("node (apt-get install nodejs npm)".to_string());
    }
    if !modules.is_file() {
        missing.push(format!(
            "the npm packages of tests/a11y ({} is missing: run `bash scripts/setup.sh`, or `npm ci` in tests/a11y)",
            modules.display()
        ));
    }
    if missing.is_empty() {
        return Some((browser.unwrap(), node.unwrap()));
    }
    if skip_allowed() {
        eprintln!(
            "{test}: skipped because MINUTEBOOK_SKIP_BROWSER=1; missing {}",
            missing.join(", ")
        );
        return None;
    }
    panic!(
        "{test} needs {}; or set MINUTEBOOK_SKIP_BROWSER=1 to skip the browser tests",
        missing.join(", ")
    );
}

/// Runs `cmd` to its end with its standard output and error captured, as `Command::output` does,
/// but kills it and panics naming `what` when it has not ended within `limit`. The output is read
/// by two threads and the end awaited on a channel: no polling, no sleep.
pub fn output_within(mut cmd: Command, limit: std::time::Duration, what: &str) -> Output {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("start {what}: {e}"));
    let reader = |mut pipe: Box<dyn Read + Send>| {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            let _ = tx.send(buf);
        });
        rx
    };
    let stdout = reader(Box::new(child.stdout.take().unwrap()));
    let stderr = reader(Box::new(child.stderr.take().unwrap()));
    let deadline = std::time::Instant::now() + limit;
    let collect = |rx: std::sync::mpsc::Receiver<Vec<u8>>, child: &mut std::process::Child| {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        rx.recv_timeout(left).unwrap_or_else(|_| {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not end within {limit:?}")
        })
    };
    let out = collect(stdout, &mut child);
    let err = collect(stderr, &mut child);
    let status = child.wait().unwrap();
    Output {
        status,
        stdout: out,
        stderr: err,
    }
}

pub fn pct_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 3 <= b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn pct_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

// --- The importer's tests: the ministry's registry and the word-preservation check.

fn name(name: &str, slug: &str, aliases: &[&str]) -> RegistryName {
    RegistryName {
        name: name.into(),
        slug: slug.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    }
}

/// Import `path` through `registry`, as one sitting's minutes: one record, not split.
pub fn import_one_sitting(path: &Path, registry: &ImportRegistry) -> Imported {
    let imp = minutebook::import::import_file(path, registry).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        imp.more.is_empty(),
        "{}: split into {} records",
        path.display(),
        imp.more.len() + 1
    );
    imp
}

/// The ministry's fifteen units and the 主管會議 series.
pub fn registry() -> ImportRegistry {
    ImportRegistry {
        units: vec![
            name("數位策略司", "strategy", &["策略司"]),
            name("韌性建設司", "resilience", &["韌性司"]),
            name("資源管理司", "resources", &["資源司"]),
            name("數位政府司", "government", &["數政司"]),
            name("民主網絡司", "democracy", &["民主司"]),
            name("多元創新司", "innovation", &["多元司"]),
            name("秘書處", "secretariat", &[]),
            name("人事處", "personnel", &[]),
            name("政風處", "ethics", &[]),
            name("主計處", "accounting", &[]),
            name("資訊處", "it", &[]),
            name("法制處", "legal", &[]),
            name("數位產業署", "adi", &["數產署"]),
            name("資通安全署", "acs", &["資安署"]),
            name("國家資通安全研究院", "nics", &["資安院"]),
        ],
        series: vec![name("主管會議", "executive", &[])],
    }
}

/// Split an imported record into its front-matter lines and its body.
pub fn split(markdown: &str) -> (&str, &str) {
    let rest = markdown.strip_prefix("---\n").expect("front-matter opens the record");
    let end = rest.find("\n---\n").expect("front-matter is closed");
    (&rest[..end + 1], &rest[end + 5..])
}

/// The bodies of every record an import produced (one for each sitting of a file that holds
/// several), in the order of the file.
pub fn bodies(imp: &Imported) -> String {
    imp.records()
        .map(|r| split(&r.markdown).1)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The characters that carry words: letters and digits of any script (no whitespace, punctuation
/// or Markdown syntax).
pub fn word_chars(s: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    for (no, line) in s.lines().enumerate() {
        for c in line.chars().filter(|c| c.is_alphanumeric()) {
            out.push((no + 1, c));
        }
    }
    out
}

/// The body with the Markdown syntax taken out: heading marks, list bullets, table rules.
pub fn strip_markdown(body: &str) -> String {
    let mut out = String::new();
    for line in body.lines() {
        let t = line.trim_start();
        let t = t.trim_start_matches('#').trim_start();
        let t = t.strip_prefix("- ").unwrap_or(t);
        if t.starts_with('|') && t.chars().all(|c| "|- ".contains(c)) {
            continue;
        }
        out.push_str(t);
        out.push('\n');
    }
    out
}

/// The source's word characters that do not appear, in order, in the output: each as
/// (source line, character). Line by line: a line whose characters follow in order close to where
/// the last one ended is kept; otherwise the longest common subsequence with the output there
/// tells exactly which characters are missing, and the check goes on after it.
pub fn missing_words(source: &str, output: &str) -> Vec<(usize, char)> {
    let out: Vec<char> = word_chars(output).into_iter().map(|(_, c)| c).collect();
    let mut lines: Vec<(usize, Vec<char>)> = Vec::new();
    for (line, c) in word_chars(source) {
        match lines.last_mut() {
            Some((l, cs)) if *l == line => cs.push(c),
            _ => lines.push((line, vec![c])),
        }
    }
    let mut cursor = 0;
    let mut missing = Vec::new();
    for (line, chars) in lines {
        let limit = (cursor + 3 * chars.len() + 64).min(out.len());
        let mut at = cursor;
        let greedy = chars.iter().all(|c| match out[at..limit].iter().position(|o| o == c) {
            Some(p) => {
                at += p + 1;
                true
            }
            None => false,
        });
        if greedy {
            cursor = at;
            continue;
        }
        let window = &out[cursor..(cursor + 2 * chars.len() + 200).min(out.len())];
        let (n, m) = (chars.len(), window.len());
        let mut dp = vec![vec![0u32; m + 1]; n + 1];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                dp[i][j] = if chars[i] == window[j] {
                    dp[i + 1][j + 1] + 1
                } else {
                    dp[i + 1][j].max(dp[i][j + 1])
                };
            }
        }
        let (mut i, mut j, mut last) = (0, 0, 0);
        while i < n {
            if j < m && chars[i] == window[j] && dp[i][j] == dp[i + 1][j + 1] + 1 {
                last = j + 1;
                i += 1;
                j += 1;
            } else if j < m && dp[i][j + 1] >= dp[i + 1][j] {
                j += 1;
            } else {
                missing.push((line, chars[i]));
                i += 1;
            }
        }
        cursor += last;
    }
    missing
}

/// A readable report of missing characters, grouped by source line.
pub fn report(missing: &[(usize, char)], source: &str) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let mut s = String::new();
    let mut last = 0;
    for &(line, c) in missing {
        if line != last {
            s.push_str(&format!(
                "\nline {line}: {}\n  missing: ",
                lines.get(line - 1).unwrap_or(&"")
            ));
            last = line;
        }
        s.push(c);
    }
    s
}

/// The source without the header lines the importer left out of the body because the
/// front-matter took every value in them (`Imported::in_front_matter`): each such line, letters
/// and digits only, is matched against a run of consecutive source lines and those are blanked
/// (kept as empty lines, so line numbers stay). The audit compares the rest with the body, and
/// [`front_matter_holds`] checks the left-out lines against the front-matter.
pub fn without_front_matter_lines(source: &str, imp: &Imported) -> String {
    // A leading list number is left out of the match: a reader may number a restarted list
    // differently from the oracle's (see the .odt tests).
    let alnum = |s: &str| -> String {
        let t = s.trim_start();
        let t = t
            .char_indices()
            .take(8)
            .find(|&(_, c)| c == '、' || c == '）' || c == ')')
            .filter(|&(i, _)| {
                t[..i]
                    .chars()
                    .all(|c| "一二三四五六七八九十壹貳參肆伍陸柒捌玖拾0123456789(（ ".contains(c))
            })
            .map(|(i, c)| &t[i + c.len_utf8()..])
            .unwrap_or(t);
        t.chars().filter(|c| c.is_alphanumeric()).collect()
    };
    let mut lines: Vec<String> = source.lines().map(str::to_string).collect();
    for (_, taken) in imp.records().flat_map(|r| &r.in_front_matter) {
        let want = alnum(taken);
        'start: for i in 0..lines.len() {
            let mut got = String::new();
            for j in i..lines.len() {
                let a = alnum(&lines[j]);
                if a.is_empty() && j > i {
                    continue;
                }
                got.push_str(&a);
                if got == want {
                    for l in &mut lines[i..=j] {
                        l.clear();
                    }
                    break 'start;
                }
                if !want.starts_with(&got) {
                    continue 'start;
                }
            }
        }
    }
    lines.join("\n")
}

/// Every value in the header lines left out of the body is in the front-matter: each date and
/// time a left-out line writes, converted by [`written_times`] (`民國九十一年八月十一日` →
/// `2002-08-11`, `晚上七時` → `19:00`), is the front-matter's own, and every other letter and digit
/// of the line, less its labels and the words that only say when (`星期日`, `民國`, `至`), occurs in
/// the front-matter values. A date or time converted wrong, or a letter or digit lost, fails.
pub fn front_matter_holds(imp: &Imported) -> Result<(), String> {
    // Each record's left-out lines against its own front-matter (a file of several sittings gives
    // one record each).
    for r in &imp.more {
        front_matter_holds(r)?;
    }
    let (fm, _) = split(&imp.markdown);
    let mut have: std::collections::HashMap<char, usize> = std::collections::HashMap::new();
    for c in fm.chars().filter(|c| c.is_alphanumeric()) {
        *have.entry(c).or_default() += 1;
    }
    let fm_value = |key: &str| -> String {
        fm.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}: ")))
            .map(|v| v.trim_matches('"').to_string())
            .unwrap_or_default()
    };
    let (date, time) = (fm_value("date"), fm_value("time"));
    for (line, text) in &imp.in_front_matter {
        let (converted, rest) = written_times(&values_of(text));
        for (kind, value, written) in converted {
            let held = match kind {
                When::Date => date == value,
                When::Time => time.split('-').any(|t| t == value),
            };
            // Or the front-matter keeps it as written (a chair's times in the chair's value).
            let as_written = || {
                let mut left = have.clone();
                written
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .all(|c| match left.get_mut(&c) {
                        Some(n) if *n > 0 => {
                            *n -= 1;
                            true
                        }
                        _ => false,
                    })
            };
            if !held && !as_written() {
                return Err(format!(
                    "line {line} `{text}`: it writes {value}, the front-matter has date `{date}`, time `{time}`"
                ));
            }
        }
        for c in rest.chars().filter(|c| c.is_alphanumeric()) {
            match have.get_mut(&c) {
                Some(n) if *n > 0 => *n -= 1,
                _ => return Err(format!("line {line} `{text}`: `{c}` is in no front-matter value")),
            }
        }
    }
    Ok(())
}

/// What a date or time written in a header line converts to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum When {
    Date,
    Time,
}

/// The dates and times a header value writes, as the front-matter writes them (`2002-08-11`,
/// `19:00`), and the text without them and without the words that only say when (the era
/// `中華民國`/`民國`, a weekday `星期日`/`週三`/`（三）`, a period `上午`/`晚上`, the joints `自 起 至 到 止 迄`).
/// Written independently of the importer, as the audit's oracle: a date is `Y年M月D日`, its 日 may be
/// missing (numerals
/// Arabic, full-width or Chinese, the Republic's year under 1000) or a run of 7 or 8 digits that is
/// one (`1061021`); a time is an hour with 時, 點 or `:` (minutes with 分 or after `:`, 半 for 30),
/// or an hour right after its period word where the text ends or a range goes on (`上午9`); 下午,
/// 晚上, 晚間 and 傍晚 add 12 to an hour under 12 and hold for the times after them.
pub fn written_times(text: &str) -> (Vec<(When, String, String)>, String) {
    const PERIODS: [&str; 7] = ["上午", "早上", "中午", "下午", "晚上", "晚間", "傍晚"];
    let chars: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap(),
            '：' => ':',
            c => c,
        })
        .collect();
    let numeral = |c: char| "〇零一二三四五六七八九十百兩".contains(c);
    let value_of = |run: &[char]| -> Option<u32> {
        if run.iter().all(|c| c.is_ascii_digit()) {
            return run.iter().collect::<String>().parse().ok();
        }
        let digit = |c: char| {
            "〇一二三四五六七八九".find(c).map(|i| (i / 3) as u32).or(match c {
                '零' => Some(0),
                '兩' => Some(2),
                _ => None,
            })
        };
        if run.contains(&'十') || run.contains(&'百') {
            let (mut total, mut cur) = (0u32, 0u32);
            for &c in run {
                match c {
                    '百' => {
                        total += cur.max(1) * 100;
                        cur = 0;
                    }
                    '十' => {
                        total += cur.max(1) * 10;
                        cur = 0;
                    }
                    c => cur = digit(c)?,
                }
            }
            Some(total + cur)
        } else {
            run.iter().try_fold(0u32, |n, &c| Some(n * 10 + digit(c)?))
        }
    };
    // The numbers of the text: (start, end, value), each an Arabic or a Chinese run.
    let mut numbers = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let arabic = chars[i].is_ascii_digit();
        if arabic || numeral(chars[i]) {
            let j = (i..chars.len())
                .find(|&j| {
                    if arabic {
                        !chars[j].is_ascii_digit()
                    } else {
                        !numeral(chars[j])
                    }
                })
                .unwrap_or(chars.len());
            if let Some(v) = value_of(&chars[i..j]) {
                numbers.push((i, j, v, arabic && j - i >= 7));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let at = |k: usize| chars.get(k).copied();
    let mut out = Vec::new();
    let mut taken = vec![false; chars.len()];
    let take = |a: usize, b: usize, taken: &mut Vec<bool>| taken[a..b].iter_mut().for_each(|t| *t = true);
    let span = |a: usize, b: usize| -> String { chars[a..b].iter().collect() };
    let mut n = 0;
    let mut period: Option<&str> = None;
    while n < numbers.len() {
        let (a, b, v, long) = numbers[n];
        let before: String = chars[..a].iter().collect();
        if let Some(p) = PERIODS.iter().rfind(|p| before.ends_with(**p)) {
            period = Some(p);
        }
        // Y年M月D日
        if at(b) == Some('年') && n + 2 < numbers.len() {
            let (ma, mb, m, _) = numbers[n + 1];
            let (da, db, d, _) = numbers[n + 2];
            // (The 日 may be missing: `中華民國109年12月24(星期四)`.)
            let day_end = if at(db) == Some('日') { db + 1 } else { db };
            if ma == b + 1 && at(mb) == Some('月') && da == mb + 1 && !"時點:".contains(at(db).unwrap_or(' ')) {
                let y = if v < 1000 { v + 1911 } else { v };
                out.push((When::Date, format!("{y:04}-{m:02}-{d:02}"), span(a, day_end)));
                take(a, day_end, &mut taken);
                n += 3;
                continue;
            }
        }
        // Y-M-D, Y/M/D, Y.M.D (Arabic)
        if let (Some(sep), Some(&(ma, mb, m, _)), Some(&(da, db, d, _))) = (
            at(b).filter(|c| "-/.".contains(*c)),
            numbers.get(n + 1),
            numbers.get(n + 2),
        ) {
            if chars[a].is_ascii_digit() && ma == b + 1 && at(mb) == Some(sep) && da == mb + 1 {
                let y = if v < 1000 { v + 1911 } else { v };
                out.push((When::Date, format!("{y:04}-{m:02}-{d:02}"), span(a, db)));
                take(a, db, &mut taken);
                n += 3;
                continue;
            }
        }
        if long && b - a <= 8 {
            let run: String = chars[a..b].iter().collect();
            let k = run.len();
            let y: u32 = run[..k - 4].parse().unwrap_or(0);
            let y = if k == 7 { y + 1911 } else { y };
            out.push((
                When::Date,
                format!("{y:04}-{}-{}", &run[k - 4..k - 2], &run[k - 2..]),
                run.clone(),
            ));
            take(a, b, &mut taken);
            n += 1;
            continue;
        }
        let unit = at(b).filter(|c| "時點:".contains(*c));
        let bare = unit.is_none()
            && period.is_some_and(|p| before.trim_end().ends_with(p))
            && at(b).is_none_or(|c| "至到~～－起(（".contains(c));
        if (unit.is_some() || bare) && !(unit.is_some() && a > 0 && at(a - 1) == Some('年')) {
            let mut end = if bare { b } else { b + 1 };
            let mut minutes = 0;
            if let Some(&(_, mb, m, _)) = numbers.get(n + 1).filter(|x| !bare && x.0 == b + 1) {
                if unit == Some(':') || at(mb) == Some('分') {
                    minutes = m;
                    end = if at(mb) == Some('分') { mb + 1 } else { mb };
                    n += 1;
                }
            } else if !bare && at(b + 1) == Some('半') {
                minutes = 30;
                end = b + 2;
            }
            let h = match period {
                Some("下午" | "晚上" | "晚間" | "傍晚") if v < 12 => v + 12,
                _ => v,
            };
            out.push((When::Time, format!("{h:02}:{minutes:02}"), span(a, end)));
            take(a, end, &mut taken);
        }
        n += 1;
    }
    let mut rest: String = chars
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(c, _)| *c)
        .collect();
    for w in ["中華民國", "民國"].iter().chain(PERIODS.iter()) {
        rest = rest.replace(w, "");
    }
    for w in ["星期", "禮拜", "週", "周"] {
        while let Some(p) = rest.find(w) {
            let after = &rest[p + w.len()..];
            let day = after.chars().next().filter(|c| "一二三四五六日天".contains(*c));
            let len = w.len() + day.map_or(0, char::len_utf8);
            rest.replace_range(p..p + len, " ");
        }
    }
    for w in [
        "（一）",
        "（二）",
        "（三）",
        "（四）",
        "（五）",
        "（六）",
        "（日）",
        "(一)",
        "(二)",
        "(三)",
        "(四)",
        "(五)",
        "(六)",
        "(日)",
    ] {
        rest = rest.replace(w, " ");
    }
    rest = rest
        .chars()
        .map(|c| if "自起至到止迄".contains(c) { ' ' } else { c })
        .collect();
    (out, rest)
}

/// A header line without its labels: the text before its first colon, and the word before each
/// later colon; without a colon, its first word (`時 間 中華民國…` → `中華民國…`).
fn values_of(line: &str) -> String {
    let parts: Vec<&str> = line.split(['：', ':']).collect();
    if parts.len() == 1 {
        let mut t = line.trim_start();
        while let Some((w, rest)) = t.split_once(char::is_whitespace) {
            t = rest.trim_start();
            if w.chars().count() > 1 {
                break;
            }
        }
        return t.to_string();
    }
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate().skip(1) {
        let p = if i + 1 < parts.len() {
            p.trim_end()
                .rsplit_once(char::is_whitespace)
                .map(|(v, _)| v)
                .unwrap_or("")
        } else {
            p
        };
        out.push_str(p);
        out.push(' ');
    }
    out
}

/// Undo the one reordering the importer does: `### 臨時動議一：TEXT（提案單位：UNIT）` was the
/// source line `UNIT：TEXT`.
pub fn unreorder_motions(body: &str) -> String {
    let mut out = String::new();
    for line in body.lines() {
        let moved = line.strip_prefix("### 臨時動議").and_then(|rest| {
            let (_, rest) = rest.split_once('：')?;
            let (text, unit) = rest.strip_suffix('）')?.rsplit_once("（提案單位：")?;
            Some(format!("{unit}：{text}"))
        });
        out.push_str(moved.as_deref().unwrap_or(line));
        out.push('\n');
    }
    out
}

// --- Text snapshots of rendered pages.

/// The text of `html` between the first `from` and the next `to` after it, one line per block
/// (headings, paragraphs, list items, table cells, definition terms and details), tags removed and
/// the common entities decoded: what a reader sees, for a snapshot.
pub fn page_text(html: &str, from: &str, to: &str) -> String {
    let start = html.find(from).unwrap_or_else(|| panic!("no {from:?} in the page"));
    let end = html[start..].find(to).map_or(html.len(), |e| start + e);
    let part = &html[start..end];
    let mut out = String::new();
    let mut rest = part;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let gt = rest[lt..].find('>').map_or(rest.len(), |g| lt + g + 1);
        let tag = rest[lt + 1..gt - 1].trim_start_matches('/');
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if matches!(
            name.as_str(),
            "h1" | "h2"
                | "h3"
                | "h4"
                | "p"
                | "li"
                | "dt"
                | "dd"
                | "tr"
                | "td"
                | "th"
                | "div"
                | "section"
                | "figure"
                | "figcaption"
                | "title"
                | "desc"
                | "ul"
                | "ol"
                | "dl"
                | "summary"
                | "table"
                | "caption"
        ) {
            out.push('\n');
        } else if name == "text" && !rest[lt..].starts_with("</") {
            out.push(' ');
        }
        rest = &rest[gt..];
    }
    out.push_str(rest);
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Compare `actual` with the snapshot `tests/testsuite/snapshots/<name>.txt`; with
/// `SNAPSHOTS=overwrite` in the environment, (re)write it instead. A missing snapshot fails.
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = repo().join("tests/testsuite/snapshots").join(format!("{name}.txt"));
    if std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| {
            panic!(
                "no snapshot {} (run with SNAPSHOTS=overwrite to write it)",
                path.display()
            )
        })
        .replace("\r\n", "\n");
    if expected != actual {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines().chain(std::iter::repeat("")))
            .enumerate()
            .filter(|(_, (e, a))| e != a)
            .take(5)
            .map(|(i, (e, a))| format!("line {}:\n  expected: {e}\n  actual:   {a}", i + 1))
            .collect();
        panic!(
            "snapshot {name} differs (SNAPSHOTS=overwrite rewrites it)\n{}\n--- actual ---\n{actual}",
            diff.join("\n")
        );
    }
}

/// The agenda items the minutes model reads from an imported record, with no registry (as the
/// corpus score reads them): the same reading `build` gives a record whose units are unregistered.
pub fn model_items(markdown: &str) -> Vec<minutebook::minutes::AgendaItem> {
    let (front, body) = split(markdown);
    let body_line = front.lines().count() + 3;
    let reg = minutebook::config::Registry::new(Vec::new());
    let (_, st, diags) = minutebook::minutes::read(
        Path::new("imported.md"),
        markdown,
        body,
        body_line,
        &reg,
        &minutebook::minutes::UnitMatcher::new(&reg),
        &mut |_| {},
    );
    assert!(diags.is_empty(), "{diags:?}");
    st.agenda
}

/// The agenda items a held-out document's `expected.yaml` lists (tests/corpus/*/expected.yaml;
/// the import held-out tests read only these fields).
#[derive(serde::Deserialize)]
pub struct HeldOutExpected {
    pub items: Vec<ExpectedItem>,
}

#[derive(serde::Deserialize)]
pub struct ExpectedItem {
    pub label: String,
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub decision_label: Option<String>,
    #[serde(default)]
    pub decision: Option<String>,
}

/// The title without a leading `案由：` label, as the corpus score compares them.
pub fn bare_item_title(title: &str) -> &str {
    match title.split_once(['：', ':']) {
        Some((head, rest)) if head.starts_with("案由") || head.starts_with("案名") => rest.trim_start(),
        _ => title,
    }
}

/// How the items read from a record compare with those expected ([`score_items`]).
pub struct ItemScore {
    /// Expected items found with their kind and title.
    pub items: usize,
    /// Expected items whose decision (label and first characters, or none) was read.
    pub decisions: usize,
    /// Items read that are not expected.
    pub invented: usize,
    /// What was wrong, one line each.
    pub problems: Vec<String>,
}

/// Compare `found` with the expected items, as the held-out import tests score them.
pub fn score_items(exp: &HeldOutExpected, found: &[minutebook::minutes::AgendaItem]) -> ItemScore {
    let mut score = ItemScore {
        items: 0,
        decisions: 0,
        invented: 0,
        problems: Vec::new(),
    };
    for e in &exp.items {
        let Some(f) = found.iter().find(|f| f.label == e.label) else {
            score.problems.push(format!("{} not found", e.label));
            continue;
        };
        if f.kind.as_str() == e.kind && bare_item_title(&f.title).starts_with(bare_item_title(&e.title)) {
            score.items += 1;
        } else {
            score
                .problems
                .push(format!("{} read as {:?} `{}`", e.label, f.kind, f.title));
        }
        // Compared without spaces: a list's number is followed by a space or a tab where Word's
        // automatic numbering wrote it (`1. 紙本…`), by nothing where the text typed it (`1.紙本…`).
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let right = match &e.decision {
            Some(d) => {
                squeeze(&f.decision).starts_with(&squeeze(d)) && e.decision_label.as_deref() == Some(f.decision_label)
            }
            None => f.decision.is_empty(),
        };
        if right {
            score.decisions += 1;
        } else {
            score.problems.push(format!(
                "{} decision read as {}`{}`",
                e.label, f.decision_label, f.decision
            ));
        }
    }
    for f in found.iter().filter(|f| !exp.items.iter().any(|e| e.label == f.label)) {
        score.invented += 1;
        score.problems.push(format!("invented item {} `{}`", f.label, f.title));
    }
    score
}

/// A front-matter value: a string, a number or a list of strings.
#[derive(PartialEq, Debug, Clone)]
pub enum Value {
    Number(i64),
    Text(String),
    List(Vec<String>),
}

/// The header fields of a front-matter as the importer writes it (`key: "value"`, `key: 7`, a
/// list as `key:` then `  - "item"` lines), without `slug` and `draft`, which follow from the others.
pub fn front_matter_fields(fm: &str) -> std::collections::BTreeMap<String, Value> {
    let mut map = std::collections::BTreeMap::new();
    let mut list: Option<(String, Vec<String>)> = None;
    let unquote = |v: &str| v.trim().trim_matches('"').replace("\\\"", "\"");
    for line in fm.lines() {
        if let Some(item) = line.strip_prefix("  - ") {
            if let Some((_, items)) = list.as_mut() {
                items.push(unquote(item));
            }
            continue;
        }
        if let Some((k, items)) = list.take() {
            map.insert(k, Value::List(items));
        }
        let Some((k, v)) = line.split_once(':') else { continue };
        let (k, v) = (k.trim().to_string(), v.trim());
        if v.is_empty() {
            list = Some((k, Vec::new()));
        } else if let Some(items) = v.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            let items: Vec<String> = if items.trim_start().starts_with('"') {
                items.split('"').skip(1).step_by(2).map(str::to_string).collect()
            } else {
                items.split(',').map(unquote).collect()
            };
            map.insert(k, Value::List(items));
        } else if let Ok(n) = v.parse::<i64>() {
            map.insert(k, Value::Number(n));
        } else {
            map.insert(k, Value::Text(unquote(v)));
        }
    }
    if let Some((k, items)) = list.take() {
        map.insert(k, Value::List(items));
    }
    map.retain(|k, _| !k.starts_with('#') && k != "slug" && k != "draft");
    map
}

pub fn header(markdown: &str) -> std::collections::BTreeMap<String, Value> {
    front_matter_fields(split(markdown).0)
}

/// (fields right, fields in all, the wrong ones): every key of either side is a field; it is right
/// when both sides give it the same value.
pub fn header_score(
    got: &std::collections::BTreeMap<String, Value>,
    want: &std::collections::BTreeMap<String, Value>,
) -> (usize, usize, Vec<String>) {
    let keys: std::collections::BTreeSet<&String> = got.keys().chain(want.keys()).collect();
    let mut wrong = Vec::new();
    for k in &keys {
        if got.get(*k) != want.get(*k) {
            wrong.push(format!("{k}: read {:?}, want {:?}", got.get(*k), want.get(*k)));
        }
    }
    (keys.len() - wrong.len(), keys.len(), wrong)
}

/// A new body's first import, as a user does it: `minutebook init`, `import FILE --register`,
/// then `build --drafts`.
pub fn builds(path: &Path) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(&["init", ".", "--organization", "測試"], dir.path());
    assert_eq!(code, 0, "{stderr}");
    for e in std::fs::read_dir(dir.path().join("content")).unwrap() {
        let e = e.unwrap().path();
        if e.is_dir() {
            std::fs::remove_dir_all(e).unwrap();
        }
    }
    let file = path.to_str().unwrap();
    let (code, _, stderr) = run(&["import", file, "--register", "--lang", "en"], dir.path());
    if code != 0 {
        return Err(format!("import: {stderr}"));
    }
    let (code, _, build) = run(&["build", "--drafts"], dir.path());
    if code != 0 {
        return Err(format!("build: {build}"));
    }
    Ok(())
}

/// The oracle's text with the lines the importer reported as page furniture blanked: each
/// furniture line matched, letters and digits only, against a line of its page (pdftotext starts
/// each page after the first with a form feed).
pub fn without_furniture(oracle: &str, imp: &Imported) -> String {
    let alnum = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut page = 1;
    for l in oracle.split('\n') {
        page += l.matches('\u{c}').count();
        lines.push((page, l.replace('\u{c}', "")));
    }
    for f in &imp.furniture {
        let want = alnum(&f.text);
        // A line of its page, or a run of its page's lines that poppler broke where the importer
        // read one line (a footer whose parts stand apart: `TEL …` / `• FAX …` / `• http…`).
        let found = (0..lines.len()).find_map(|start| {
            let mut got = String::new();
            for (end, (p, l)) in lines.iter().enumerate().skip(start) {
                if *p != f.page || want.is_empty() {
                    return None;
                }
                got.push_str(&alnum(l));
                if got == want {
                    return Some(start..=end);
                }
                if !want.starts_with(&got) {
                    return None;
                }
            }
            None
        });
        let run = found.unwrap_or_else(|| panic!("furniture {f:?} is no line of its page in the oracle"));
        for i in run {
            lines[i].1.clear();
        }
    }
    lines.into_iter().map(|(_, l)| l).collect::<Vec<_>>().join("\n")
}

/// Letters and digits of a held-out round's source (`source`, its page furniture already taken
/// out where the round does) that the import lost, and why: the front-matter's own check, then
/// every letter or digit of the source's shown lines missing from the record's text.
pub fn held_out_letters_lost(source: &str, imp: &Imported) -> (usize, Vec<String>) {
    let shown = without_front_matter_lines(source, imp);
    let mut notes = Vec::new();
    let mut lost = 0;
    if let Err(e) = front_matter_holds(imp) {
        lost += 1;
        notes.push(e);
    }
    let missing = missing_words(&shown, &strip_markdown(&unreorder_motions(&bodies(imp))));
    if !missing.is_empty() {
        notes.push(format!("missing:{}", report(&missing, &shown)));
    }
    (lost + missing.len(), notes)
}

/// A held-out round's items score against the `expected.yaml` in `dir`: (items right, decisions
/// right, expected, invented, problems).
pub fn held_out_items_score(dir: &Path, imp: &Imported) -> (usize, usize, usize, usize, Vec<String>) {
    let exp: HeldOutExpected = serde_saphyr::from_str(&read(dir.join("expected.yaml"))).unwrap();
    let score = score_items(&exp, &model_items(&imp.markdown));
    (
        score.items,
        score.decisions,
        exp.items.len(),
        score.invented,
        score.problems,
    )
}
