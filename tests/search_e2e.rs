//! End-to-end search test in headless Chromium: builds a fixture index with `build_index`,
//! serves it with a minimal page that includes search.js on 127.0.0.1, loads
//! `/search/?q=…` with `chromium --dump-dom` and checks the links inside #search-results.
//!
//! Chromium is required: the test fails when it is missing unless MINUTEBOOK_SKIP_BROWSER=1.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use minutebook::search::{build_index, SearchDoc, SearchSection};

fn rec(url: &str, title: &str, date: &str, year: i32, units: &[&str], secs: &[(&str, &str, &str)]) -> SearchDoc {
    SearchDoc {
        url: url.into(),
        title: title.into(),
        date: date.into(),
        date_roc: format!("民國{}年", year - 1911),
        series: "executive".into(),
        year,
        units: units.iter().map(|s| s.to_string()).collect(),
        topics: vec!["digital".into()],
        sections: secs
            .iter()
            .map(|(a, h, t)| SearchSection {
                anchor: a.to_string(),
                heading: h.to_string(),
                text: t.to_string(),
            })
            .collect(),
    }
}

/// Newest first, as the build hands them over.
fn fixture() -> Vec<SearchDoc> {
    vec![
        rec(
            "/minutes/2024/executive-4/",
            "行政院第4次會議",
            "2024-09-11",
            2024,
            &["moda"],
            &[
                ("", "", "本次會議討論數位皮夾推動進度與零信任架構。"),
                (
                    "案由一",
                    "案由一：政策",
                    "推動數位發展政策，APEC 數位經濟論壇與5G 應用。",
                ),
                (
                    "國家資通安全研究院",
                    "國家資通安全研究院",
                    "臺灣資安情勢報告：零信任網路。",
                ),
            ],
        ),
        rec(
            "/minutes/2024/ai-1/",
            "人工智慧基本法研商會議",
            "2024-08-20",
            2024,
            &["democracy"],
            &[("", "", "於113年8月20日討論人工智慧基本法草案。AI 產業化。")],
        ),
        rec(
            "/minutes/2024/resilience/",
            "台灣數位韌性會議",
            "2024-07-01",
            2024,
            &["democracy"],
            &[("", "", "回顧113年9月與112年8月的會議結論。")],
        ),
        rec(
            "/minutes/2024/xss/",
            "<script>document.title='pwned-script'</script>測試紀錄",
            "2024-06-01",
            2024,
            &["moda"],
            &[(
                "惡意",
                "<img src=x onerror=\"document.title='pwned-img'\">",
                "<img src=x onerror=\"document.title='pwned-img2'\"> script 惡意內容",
            )],
        ),
        rec(
            "/minutes/2024/apec/",
            "ＡＰＥＣ領袖會議",
            "2024-05-01",
            2024,
            &["moda"],
            &[("", "", "經濟合作議題。")],
        ),
        rec(
            "/minutes/2023/ai/",
            "人工智慧發展會議",
            "2023-10-01",
            2023,
            &["moda"],
            &[("", "", "人工智慧發展與基本法修正。")],
        ),
        rec(
            "/minutes/2023/wallet/",
            "皮夾遺失處理會議",
            "2023-03-01",
            2023,
            &["moda"],
            &[("", "", "錢包與皮夾。")],
        ),
    ]
}

fn serve(root: PathBuf) -> u16 {
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

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="zh-Hant"><head><meta charset="utf-8"><title>搜尋</title></head><body>
<div id="search" data-index="/search/">
<form id="search-form" role="search"><label for="search-q">關鍵字</label>
<input id="search-q" name="q" type="search"><button type="submit">搜尋</button>
<select name="unit"><option value=""></option><option value="democracy">d</option><option value="moda">m</option></select>
<select name="year"><option value=""></option><option value="2024">2024</option><option value="2023">2023</option></select>
<select name="sort"><option value=""></option><option value="date">date</option></select>
</form>
<p id="search-status" role="status" aria-live="polite"></p>
<div id="search-results"></div>
</div>
<script src="/search.js" defer></script>
</body></html>
"#;

fn chromium() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome", "chrome"] {
        if let Ok(out) = Command::new("which").arg(name).output() {
            if out.status.success() {
                let p = String::from_utf8_lossy(&out.stdout).trim().to_string();
                if !p.is_empty() {
                    return Some(PathBuf::from(p));
                }
            }
        }
    }
    None
}

fn dump_dom(browser: &Path, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium timed out on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pct_decode(s: &str) -> String {
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

fn pct_encode(s: &str) -> String {
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

struct Outcome {
    hrefs: Vec<String>,
    results_html: String,
    status: String,
    dom: String,
}

fn run_query(browser: &Path, port: u16, query: &str) -> Outcome {
    let url = format!("http://127.0.0.1:{port}/search/?{query}");
    let dom = dump_dom(browser, &url);
    let start = dom
        .find("id=\"search-results\"")
        .unwrap_or_else(|| panic!("no #search-results in DOM for {query}:\n{dom}"));
    let rest = &dom[start..];
    let end = rest.find("</div>").unwrap_or(rest.len());
    let results_html = rest[..end].to_string();
    let mut hrefs = Vec::new();
    let mut s = results_html.as_str();
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

#[test]
fn search_in_headless_chromium() {
    let Some(browser) = chromium() else {
        if std::env::var("MINUTEBOOK_SKIP_BROWSER").as_deref() == Ok("1") {
            eprintln!("chromium not found; skipped because MINUTEBOOK_SKIP_BROWSER=1");
            return;
        }
        panic!(
            "chromium is required for the search end-to-end test: install it \
             (apt-get install chromium) or set MINUTEBOOK_SKIP_BROWSER=1 to skip"
        );
    };
    let site = tempfile::tempdir().unwrap();
    for f in build_index(&fixture()).unwrap() {
        let p = site.path().join(&f.path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, &f.bytes).unwrap();
    }
    let js = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/search.js");
    std::fs::copy(js, site.path().join("search.js")).unwrap();
    std::fs::write(site.path().join("search/index.html"), PAGE).unwrap();
    let port = serve(site.path().to_path_buf());

    let r0 = "/minutes/2024/executive-4/";
    let r0_policy = "/minutes/2024/executive-4/#案由一";
    let r0_nics = "/minutes/2024/executive-4/#國家資通安全研究院";
    let r1 = "/minutes/2024/ai-1/";
    let r2 = "/minutes/2024/resilience/";
    let r3 = "/minutes/2024/xss/#惡意";
    let r4 = "/minutes/2024/apec/";
    let r5 = "/minutes/2023/ai/";
    let r6 = "/minutes/2023/wallet/";
    // (query string, expected hrefs in order)
    let cases: Vec<(String, Vec<&str>)> = vec![
        // cross-word substring
        (format!("q={}", pct_encode("位發展")), vec![r0_policy]),
        // second half of a compound; title hit ranks first although older
        (format!("q={}", pct_encode("皮夾")), vec![r6, r0]),
        (format!("q={}&sort=date", pct_encode("皮夾")), vec![r0, r6]),
        // 台/臺
        (format!("q={}", pct_encode("台灣")), vec![r2, r0_nics]),
        (format!("q={}", pct_encode("臺灣")), vec![r2, r0_nics]),
        // Simplified input
        (format!("q={}", pct_encode("资安")), vec![r0_nics]),
        // digits inside a phrase; the 113年9月/112年8月 trap
        (format!("q={}", pct_encode("113年8月")), vec![r1]),
        // quoted phrase vs two terms
        (format!("q={}", pct_encode("\"人工智慧基本法\"")), vec![r1]),
        (format!("q={}", pct_encode("人工智慧 基本法")), vec![r1, r5]),
        // full-width Latin, whole words and prefixes
        (format!("q={}", pct_encode("ＡＰＥＣ")), vec![r4, r0_policy]),
        (format!("q={}", pct_encode("ape")), vec![r4, r0_policy]),
        (format!("q={}", pct_encode("PEC")), vec![]),
        (format!("q={}", pct_encode("5G")), vec![r0_policy]),
        (format!("q={}", pct_encode("\"AI 產業化\"")), vec![r1]),
        // filters
        (format!("q={}&year=2023", pct_encode("皮夾")), vec![r6]),
        // r2 mentions 會議 twice (title and body), r1 once: density wins over date
        (format!("q={}&unit=democracy", pct_encode("會議")), vec![r2, r1]),
        // no hits: unknown word, character unknown to the index (never dropped)
        (format!("q={}", pct_encode("不存在的詞")), vec![]),
        (format!("q={}", pct_encode("皮夾 㐀")), vec![]),
        // XSS record is found but renders as text
        (format!("q={}", pct_encode("script")), vec!["/minutes/2024/xss/", r3]),
        (format!("q={}", pct_encode("pwned")), vec![r3, "/minutes/2024/xss/"]),
    ];
    let mut failures = Vec::new();
    for (q, expected) in &cases {
        let out = run_query(&browser, port, q);
        let got: Vec<&str> = out.hrefs.iter().map(|s| s.as_str()).collect();
        let status_ok = if expected.is_empty() {
            out.status.contains("找不到")
        } else {
            out.status.contains("找到")
        };
        if got != *expected || !status_ok {
            failures.push(format!(
                "{q}: expected {expected:?}, got {got:?} (status {:?})",
                out.status
            ));
        }
        // Nothing from a record may become markup or run.
        assert!(!out.results_html.contains("<img"), "{q}: injected <img>");
        assert!(!out.results_html.contains("<script"), "{q}: injected <script>");
        assert!(
            out.dom.contains("<title>搜尋</title>"),
            "{q}: a record's markup ran: {}",
            out.dom
        );
    }
    assert!(failures.is_empty(), "search failures:\n{}", failures.join("\n"));
}
