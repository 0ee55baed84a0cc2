//! The preview server's load test: `minutebook serve` on a generated archive, 50 keep-alive
//! connections asking for its pages for 30 s while one record is edited every half second.
//! Budgets (issue 14): no failed request, p99 under 100 ms, and resident memory after the run
//! within 20 % of before. Loopback only; the server is a child process, stopped at the end.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What to run.
pub struct LoadOptions {
    /// The minutebook binary (a release build).
    pub minutebook: PathBuf,
    /// The site (a generated archive).
    pub root: PathBuf,
    pub connections: usize,
    pub seconds: u64,
    /// Time between two edits of the record.
    pub edit_every: Duration,
}

/// What was measured.
#[derive(Debug)]
pub struct LoadReport {
    pub requests: u64,
    pub failures: u64,
    pub edits: u64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Resident memory of the server before and after the run (Linux only).
    pub rss_before_mb: Option<f64>,
    pub rss_after_mb: Option<f64>,
}

impl LoadReport {
    /// The budgets the run failed, in words; empty when it met them all.
    pub fn failed_budgets(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.failures > 0 {
            out.push(format!("{} failed requests", self.failures));
        }
        if self.p99_ms >= 100.0 {
            out.push(format!("p99 {:.1} ms ≥ 100 ms", self.p99_ms));
        }
        if let (Some(b), Some(a)) = (self.rss_before_mb, self.rss_after_mb) {
            if a > b * 1.2 {
                out.push(format!("resident memory grew from {b:.0} MB to {a:.0} MB (> 20 %)"));
            }
        }
        out
    }
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Resident memory of `pid` in MB, from /proc (Linux); `None` elsewhere.
fn rss_mb(pid: u32) -> Option<f64> {
    #[cfg(target_os = "linux")]
    {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let kb: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))?
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()?;
        Some(kb / 1024.0)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = pid;
        None
    }
}

/// One GET on a keep-alive connection: the status and the time it took.
fn get(conn: &mut BufReader<TcpStream>, path: &str) -> std::io::Result<(u16, Duration)> {
    let at = Instant::now();
    write!(conn.get_mut(), "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")?;
    let mut line = String::new();
    conn.read_line(&mut line)?;
    let status: u16 = line.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = 0usize;
    loop {
        line.clear();
        if conn.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length];
    conn.read_exact(&mut body)?;
    Ok((status, at.elapsed()))
}

fn connect(port: u16) -> std::io::Result<BufReader<TcpStream>> {
    let s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_nodelay(true)?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    Ok(BufReader::new(s))
}

/// The pages of the site, from the server's own sitemap.
fn pages(port: u16) -> Result<Vec<String>, String> {
    let mut c = connect(port).map_err(|e| e.to_string())?;
    write!(
        c.get_mut(),
        "GET /sitemap.xml HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut text = String::new();
    c.read_to_string(&mut text).map_err(|e| e.to_string())?;
    let paths: Vec<String> = text
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .filter_map(|u| u.split_once("://").map(|(_, r)| r))
        .map(|r| r.find('/').map_or("/".to_string(), |i| r[i..].to_string()))
        .collect();
    if paths.is_empty() {
        return Err("the sitemap lists no page".into());
    }
    Ok(paths)
}

/// A record of the site to edit.
fn a_record(root: &Path) -> Result<PathBuf, String> {
    walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .ok_or_else(|| "the site has no record".into())
}

/// The preview's version (`/__minutebook/version`), waiting up to `wait` for it to differ from
/// `since` when given (the live-reload long poll); `None` when the wait ran out.
fn version(port: u16, since: Option<u64>, wait: Duration) -> Result<Option<u64>, String> {
    let mut c = connect(port).map_err(|e| e.to_string())?;
    c.get_ref().set_read_timeout(Some(wait)).map_err(|e| e.to_string())?;
    let path = match since {
        Some(v) => format!("/__minutebook/version?since={v}"),
        None => "/__minutebook/version".to_string(),
    };
    write!(
        c.get_mut(),
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut text = String::new();
    match c.read_to_string(&mut text) {
        Ok(_) => {}
        Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => return Ok(None),
        Err(e) => return Err(e.to_string()),
    }
    let v = text.rsplit("\r\n\r\n").next().unwrap_or("").trim();
    v.parse().map(Some).map_err(|_| format!("no version in {text:?}"))
}

/// Wait until the preview's version has not changed for 3 s (at most a minute).
fn settle(port: u16) -> Result<(), String> {
    let mut v = version(port, None, Duration::from_secs(10))?.ok_or("the server does not say its version")?;
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        match version(port, Some(v), Duration::from_secs(3))? {
            Some(next) => v = next,
            None => return Ok(()),
        }
    }
    Err("the preview kept rebuilding for a minute after the last edit".into())
}

/// Run the load test.
pub fn load_test(opts: &LoadOptions) -> Result<LoadReport, String> {
    let mut child = Command::new(&opts.minutebook)
        .args(["serve", "--lang", "en", "--port", "0", "--root"])
        .arg(&opts.root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", opts.minutebook.display()))?;
    let stdout = child.stdout.take().expect("piped");
    let server = Server(child);
    let mut lines = BufReader::new(stdout).lines();
    // Await the server's own word that it serves (after the first build).
    let port: u16 = loop {
        let line = lines
            .next()
            .ok_or("the server ended before serving")?
            .map_err(|e| e.to_string())?;
        // The URL, in whatever words the server's language puts around it.
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest
                .split('/')
                .next()
                .and_then(|p| p.parse().ok())
                .ok_or_else(|| format!("no port in {line:?}"))?;
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let pid = server.0.id();
    let paths = Arc::new(pages(port)?);
    let record = a_record(&opts.root)?;
    let original = std::fs::read_to_string(&record).map_err(|e| e.to_string())?;

    let run = |seconds: f64, edit: bool| -> (Vec<Duration>, u64, u64) {
        let stop = Arc::new(AtomicBool::new(false));
        let failures = Arc::new(AtomicU64::new(0));
        let times = Arc::new(Mutex::new(Vec::new()));
        let mut workers = Vec::new();
        for w in 0..opts.connections {
            let (stop, failures, times, paths) = (stop.clone(), failures.clone(), times.clone(), paths.clone());
            workers.push(std::thread::spawn(move || {
                let mut mine = Vec::new();
                let mut conn = connect(port).ok();
                let mut i = w * 7919;
                while !stop.load(Ordering::Relaxed) {
                    i = i.wrapping_add(104_729);
                    let path = &paths[i % paths.len()];
                    let Some(c) = conn.as_mut() else {
                        failures.fetch_add(1, Ordering::Relaxed);
                        conn = connect(port).ok();
                        continue;
                    };
                    match get(c, path) {
                        Ok((200, t)) => mine.push(t),
                        _ => {
                            failures.fetch_add(1, Ordering::Relaxed);
                            conn = connect(port).ok();
                        }
                    }
                }
                times.lock().expect("no panic while holding").extend(mine);
            }));
        }
        let started = Instant::now();
        let mut edits = 0;
        while started.elapsed().as_secs_f64() < seconds {
            std::thread::sleep(opts.edit_every);
            if edit {
                edits += 1;
                let text = format!("{original}\n第{edits}次修改。\n");
                let _ = std::fs::write(&record, text);
            }
        }
        stop.store(true, Ordering::Relaxed);
        for w in workers {
            let _ = w.join();
        }
        let times = std::mem::take(&mut *times.lock().expect("no panic while holding"));
        (times, failures.load(Ordering::Relaxed), edits)
    };
    // A short warm-up, so "before" counts the server's working set under load, not its idle one.
    run(2.0, false);
    let rss_before_mb = rss_mb(pid);
    let (mut times, failures, edits) = run(opts.seconds as f64, true);
    let _ = std::fs::write(&record, &original);
    // Let the last rebuild settle: the server's version stops changing for 3 s (the old output
    // of a rebuild under way would otherwise be counted), then serve pages for 2 s more.
    settle(port)?;
    run(2.0, false);
    let rss_after_mb = rss_mb(pid);
    drop(server);
    times.sort();
    let pct = |p: f64| {
        times
            .get(((times.len() as f64 * p) as usize).min(times.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    Ok(LoadReport {
        requests: times.len() as u64 + failures,
        failures,
        edits,
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
        max_ms: times.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        rss_before_mb,
        rss_after_mb,
    })
}
