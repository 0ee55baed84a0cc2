//! `minutebook serve`, run for real: pages over HTTP, live reload after an edit, the error overlay
//! while a file is broken (and recovery), and no way out of the output.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{workflow_site as site, BIN};
use minutebook::messages::{Lang, Msg};

const DEADLINE: Duration = Duration::from_secs(20);

struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &std::path::Path) -> Server {
    start_in(root, "en")
}

/// `serve --lang LANG --port 0`, once it has printed its address.
fn start_in(root: &std::path::Path, lang: &str) -> Server {
    let mut child = Command::new(BIN)
        .args(["serve", "--lang", lang, "--port", "0", "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some((_, rest)) = line.split_once(" http://127.0.0.1:") {
                let port: u16 = rest.split('/').next().unwrap().parse().unwrap();
                let _ = tx.send(port);
            }
        }
    });
    let port = match rx.recv_timeout(DEADLINE) {
        Ok(p) => p,
        Err(_) => {
            let _ = child.kill();
            panic!("serve did not print its address within {DEADLINE:?}");
        }
    };
    Server { child, port }
}

/// A raw GET; `path` is sent exactly as given. Returns (status, body).
fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn headers(port: u16, path: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    text.split_once("\r\n\r\n")
        .map(|(h, _)| h.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Poll `path` until `pred` holds for the body, or fail after the deadline.
fn wait_for(port: u16, path: &str, what: &str, pred: impl Fn(&str) -> bool) -> String {
    let end = Instant::now() + DEADLINE;
    loop {
        let (_, body) = get(port, path);
        if pred(&body) {
            return body;
        }
        if Instant::now() > end {
            panic!("timed out waiting for {what} on {path}; last body:\n{body}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn version(port: u16) -> u64 {
    get(port, "/__minutebook/version").1.trim().parse().unwrap()
}

const PAGE: &str = "/minutes/2024/executive-1/";

#[test]
fn serves_reloads_shows_errors_and_recovers() {
    let t = site();
    let server = start(t.path());
    let port = server.port;
    let record = t.path().join("content/2024/executive-1.md");
    let original = std::fs::read_to_string(&record).unwrap();

    let (status, body) = get(port, PAGE);
    assert_eq!(status, 200);
    assert!(body.contains("第1次主管會議紀錄"));
    assert!(body.contains("/__minutebook/version"), "live-reload script injected");
    assert!(!body.contains("minutebook-error"));
    assert!(headers(port, PAGE).contains("content-type: text/html; charset=utf-8"));
    assert!(headers(port, "/style.css").contains("content-type: text/css"));
    // A folder URL without its slash is redirected.
    assert!(headers(port, "/minutes/2024/executive-1").contains("location: /minutes/2024/executive-1/"));
    let v0 = version(port);

    // Edit: the new text appears and the version goes up (open pages reload).
    std::fs::write(&record, original.replace("一、洽悉。", "一、洽悉，並請加速辦理。")).unwrap();
    wait_for(port, PAGE, "the edit", |b| b.contains("一、洽悉，並請加速辦理。"));
    let v1 = version(port);
    assert!(v1 > v0, "{v1} > {v0}");
    // An edit no listing shows (the incremental path re-renders only this page).
    let edited = original.replace("一、洽悉。", "一、洽悉，並請加速辦理。");
    std::fs::write(
        &record,
        edited.replace("測試部第1次主管會議紀錄\n", "測試部第1次主管會議紀錄（更正）\n"),
    )
    .unwrap();
    wait_for(port, PAGE, "the body-only edit", |b| b.contains("紀錄（更正）"));
    assert!(version(port) > v1);
    // The files built from every record catch up too: open data carries the new decision text.
    wait_for(port, "/data/minutes/2024.json", "open data after the edit", |b| {
        b.contains("一、洽悉，並請加速辦理。")
    });
    // A new record appears on the home page.
    std::fs::write(
        t.path().join("content/2024/executive-3.md"),
        "---\ntitle: 第3次主管會議紀錄\nseries: 主管會議\nnumber: 3\ndate: 2024-10-16\n---\n新增。\n",
    )
    .unwrap();
    wait_for(port, "/", "the new record", |b| b.contains("第3次主管會議紀錄"));

    // Break it: the last good page keeps being served, with the error (escaped) over it.
    let broken = original.replace("units: [數位策略司]", "units: [數位策略司, \"<b>策略</b>\"]");
    std::fs::write(&record, broken).unwrap();
    let body = wait_for(port, PAGE, "the error overlay", |b| b.contains("minutebook-error"));
    assert!(
        body.contains("content/2024/executive-1.md:6:"),
        "overlay names file:line:col\n{body}"
    );
    assert!(body.contains("unknown unit `&lt;b&gt;策略&lt;/b&gt;`"), "{body}");
    assert!(!body.contains("<b>策略</b>"), "error text is escaped");
    assert!(
        body.contains("一、洽悉，並請加速辦理。"),
        "last good version still served"
    );
    // Other pages show it too, and 404s still work.
    assert!(get(port, "/").1.contains("minutebook-error"));

    // A half-saved file (truncated YAML) does not bring it down.
    std::fs::write(&record, "---\ntitle: [第1次主管").unwrap();
    wait_for(port, PAGE, "the truncated-file error", |b| {
        b.contains("content/2024/executive-1.md:1:")
    });
    std::fs::write(&record, "").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(get(port, PAGE).0, 200);

    // Fixed: it recovers by itself.
    std::fs::write(&record, &original).unwrap();
    let body = wait_for(port, PAGE, "recovery", |b| {
        !b.contains("minutebook-error") && b.contains("一、洽悉。")
    });
    assert!(body.contains("第1次主管會議紀錄"));
    assert!(get(port, "/__minutebook/errors").1.is_empty());
}

#[test]
fn requests_never_reach_files_outside_the_output() {
    let t = site();
    // A file beside the output that must never be served.
    std::fs::write(t.path().join("secret.txt"), "TOP-SECRET").unwrap();
    let server = start(t.path());
    let port = server.port;
    for path in [
        "/../Cargo.toml",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..%2f..%2fetc/passwd",
        "/minutes/..%2f..%2f..%2fsecret.txt",
        "/..\\secret.txt",
        "/%5c..%5csecret.txt",
        "//etc/passwd",
        "/minutebook.yaml",
        "/content/2024/executive-1.md",
        "/secret.txt",
        "/etc/passwd",
    ] {
        let (status, body) = get(port, path);
        assert!(status == 400 || status == 404, "{path} → {status}");
        assert!(
            !body.contains("TOP-SECRET")
                && !body.contains("root:")
                && !body.contains("[package]")
                && !body.contains("base_url"),
            "{path} leaked a file"
        );
    }
    let (status, body) = get(port, "/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("<html"), "the site's 404 page");
    assert_eq!(get(port, "/units/strategy/").0, 200);
}

/// DNS rebinding: a request under another site's name is refused, drafts and errors included.
#[test]
fn other_host_names_are_refused() {
    let t = site();
    let server = start(t.path());
    for (host, want) in [
        ("evil.example", 421),
        ("evil.example:1111", 421),
        ("localhost", 200),
        ("127.0.0.1", 200),
    ] {
        for path in ["/", "/__minutebook/errors"] {
            let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
            s.set_read_timeout(Some(DEADLINE)).unwrap();
            write!(s, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
            let mut resp = String::new();
            s.read_to_string(&mut resp).unwrap();
            let status: u16 = resp.split(' ').nth(1).unwrap().parse().unwrap();
            assert_eq!(status, want, "{host} {path}: {resp}");
        }
    }
    // The refusal is said in the language of the server's messages.
    drop(server);
    for (lang, want) in [("en", Lang::En), ("zh-Hant-TW", Lang::ZhHantTw)] {
        let server = start_in(t.path(), lang);
        let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        s.set_read_timeout(Some(DEADLINE)).unwrap();
        write!(s, "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n").unwrap();
        let mut resp = String::new();
        s.read_to_string(&mut resp).unwrap();
        let body = resp.split_once("\r\n\r\n").unwrap().1;
        assert_eq!(body, format!("{}\n", Msg::HostRefused.render(want)), "{lang}: {resp}");
    }
}

/// `--port 0` takes a free port and prints the URL to open; a taken port is said in one sentence
/// that offers the next free one, and serve exits non-zero.
#[test]
fn port_zero_prints_the_url_and_a_taken_port_offers_a_free_one() {
    let t = site();
    let server = start(t.path());
    assert_ne!(server.port, 0);
    assert_eq!(get(server.port, "/").0, 200);

    let out = Command::new(BIN)
        .args(["serve", "--lang", "en", "--port", &server.port.to_string(), "--root"])
        .arg(t.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let want = format!("port {} on 127.0.0.1 is already in use", server.port);
    assert_eq!(stderr.matches(&want).count(), 1, "{stderr}");
    assert!(stderr.contains("free: run `minutebook serve --port "), "{stderr}");
    assert!(
        stderr.contains("`minutebook serve --port 0` to take any free port"),
        "{stderr}"
    );
}

/// With few file descriptors, many connections that send nothing make accept fail ("Too many
/// open files"); the server waits and goes on listening, and answers once they are gone.
#[cfg(unix)]
#[test]
fn running_out_of_file_descriptors_does_not_stop_the_listener() {
    let t = site();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -n 64 && exec \"$0\" serve --lang en --port 0 --root \"$1\"")
        .arg(BIN)
        .arg(t.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some((_, rest)) = line.split_once(" http://127.0.0.1:") {
                let _ = tx.send(rest.split('/').next().unwrap().parse::<u16>().unwrap());
            }
        }
    });
    let server = Server {
        port: rx.recv_timeout(DEADLINE).expect("serve printed its address"),
        child,
    };
    // More idle connections than the process may hold open.
    let idle: Vec<TcpStream> = (0..120)
        .filter_map(|_| TcpStream::connect(("127.0.0.1", server.port)).ok())
        .collect();
    assert!(idle.len() > 64, "only {} connections", idle.len());
    drop(idle);
    let (status, _) = get(server.port, "/");
    assert_eq!(status, 200);
    let mut server = server;
    assert!(server.child.try_wait().unwrap().is_none(), "serve exited");
    let _ = server.child.kill();
    let mut err = String::new();
    server.child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert!(err.contains("cannot accept a connection"), "{err}");
}
