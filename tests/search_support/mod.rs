//! Shared by the search browser tests (tests/search_e2e.rs, tests/search_ui.rs): the fixture site
//! (the bundled minutebook.yaml and seed record plus small records), a static file server on
//! 127.0.0.1, and finding Chromium, node and the npm packages of tests/a11y.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common;

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
    common::write(
        site,
        &format!("content/{rel}"),
        &format!(
            "---\ntitle: 第{number}次主管會議紀錄\nseries: 主管會議\nnumber: {number}\ndate: {date}\nunits: [{unit}]\n---\n\n{body}\n"
        ),
    );
}

/// The bundled site plus [`RECORDS`] (numbers 11–16).
pub fn fixture_site() -> tempfile::TempDir {
    let site = common::bundled_site();
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
    let modules = common::repo().join("tests/a11y/node_modules/playwright-core/package.json");
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
