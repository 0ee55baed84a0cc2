//! The preview's HTTP side: requests are answered only from the in-memory [`Output`], by a
//! normalised key, so no request can reach a file on disk. HTML pages get a small live-reload
//! script (and, while the last change does not build, an overlay with the errors); the built
//! output never contains either.

use crate::messages::{Lang, Msg};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::Shared;
use crate::check::percent_decode;
use crate::markdown::escape;

/// Where the live-reload script asks for the site's version.
pub const VERSION_PATH: &str = "/__minutebook/version";
/// The errors of the last rebuild, as plain text.
pub const ERRORS_PATH: &str = "/__minutebook/errors";

/// How long a version request waits for a change before answering with the same version.
const LONG_POLL: Duration = Duration::from_secs(20);

/// What a request path maps to.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// A key of the output map (`minutes/2024/executive-4/index.html`), and whether the URL was
    /// folder-shaped (ended with `/`).
    Key { key: String, folder: bool },
    /// Not a path we will ever serve (`..`, backslashes, NUL, drive letters, bad UTF-8).
    Bad,
}

/// Normalise a request target into an output key. `..` and `.` segments — written or
/// percent-encoded — backslashes, NUL, `:` and invalid UTF-8 are refused outright rather than
/// resolved, so the answer is the same on every platform.
pub fn normalise(raw: &str) -> Target {
    let path = raw.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') || path.contains('\\') {
        return Target::Bad;
    }
    let Ok(decoded) = String::from_utf8(percent_decode(path)) else {
        return Target::Bad;
    };
    if decoded.contains(['\\', '\0', ':']) || decoded.starts_with("//") {
        return Target::Bad;
    }
    let mut segs: Vec<&str> = Vec::new();
    for s in decoded.split('/') {
        match s {
            "" => {}
            "." | ".." => return Target::Bad,
            s => segs.push(s),
        }
    }
    let folder = decoded.ends_with('/');
    let joined = segs.join("/");
    let key = if joined.is_empty() {
        "index.html".to_string()
    } else if folder {
        format!("{joined}/index.html")
    } else {
        joined
    };
    Target::Key { key, folder }
}

/// The Content-Type for a file name.
pub fn content_type(key: &str) -> &'static str {
    let ext = key
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "atom" => "application/atom+xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        "gz" => "application/gzip",
        _ => "application/octet-stream",
    }
}

/// The script and (when the site does not build) the error overlay added to served HTML.
pub fn decorate(html: &[u8], version: u64, errors: &str, lang: Lang) -> Vec<u8> {
    let mut extra = String::new();
    if !errors.is_empty() {
        extra.push_str(&overlay(errors, lang));
    }
    extra.push_str(&reload_script(version));
    let text = String::from_utf8_lossy(html);
    let at = text.rfind("</body>").unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() + extra.len());
    out.push_str(&text[..at]);
    out.push_str(&extra);
    out.push_str(&text[at..]);
    out.into_bytes()
}

fn overlay(errors: &str, lang: Lang) -> String {
    format!(
        "<div id=\"minutebook-error\" role=\"alert\" lang=\"{}\" style=\"position:fixed;inset:0;z-index:2147483647;\
         overflow:auto;margin:0;padding:2rem;background:rgba(24,24,24,.94);color:#f5f5f5;\
         font:14px/1.5 ui-monospace,Menlo,Consolas,monospace\">\
         <p style=\"margin:0 0 1rem;font-weight:bold;color:#ff8a80\">{}</p>\
         <pre style=\"white-space:pre-wrap;margin:0\">{}</pre>\
         <p style=\"margin:1rem 0 0\">{}</p></div>",
        lang.tag(),
        escape(&Msg::OverlayHeading.render(lang)),
        escape(errors),
        escape(&Msg::OverlayFix.render(lang)),
    )
}

fn reload_script(version: u64) -> String {
    format!(
        "<script>/* minutebook serve: live reload */(function(){{var v={version};\
         function poll(){{fetch(\"{VERSION_PATH}?since=\"+v,{{cache:\"no-store\"}})\
         .then(function(r){{return r.text()}}).then(function(t){{var n=parseInt(t,10);\
         if(n!==v){{location.reload()}}else{{poll()}}}})\
         .catch(function(){{setTimeout(poll,1000)}})}}poll()}})();</script>"
    )
}

/// Whether a request's `Host` header may be answered. A web page on another site can make a
/// browser send requests here under a name it controls that resolves to 127.0.0.1 (DNS rebinding);
/// such a request carries that name, so only names that cannot be rebound are answered: IP
/// addresses (the loopback address, or the address given to `--bind`), `localhost` and names under
/// `.localhost`. A request without a `Host` (HTTP/1.0 tools) is answered.
pub fn host_allowed(host: Option<&str>) -> bool {
    let Some(host) = host else { return true };
    let host = host.trim();
    // Strip the port: `[::1]:1111`, `127.0.0.1:1111`, `localhost:1111`.
    let name = if let Some(rest) = host.strip_prefix('[') {
        match rest.split_once(']') {
            Some((inner, tail)) if tail.is_empty() || tail.starts_with(':') => {
                return inner.parse::<std::net::Ipv6Addr>().is_ok()
            }
            _ => return false,
        }
    } else {
        host.rsplit_once(':').map_or(host, |(h, _)| h)
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name.parse::<std::net::Ipv4Addr>().is_ok() || name == "localhost" || name.ends_with(".localhost")
}

/// One answer of the preview: what the HTTP layer writes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// A redirect's target (`Location`).
    pub location: Option<String>,
}

impl Reply {
    fn text(status: u16, body: &str) -> Reply {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
            location: None,
        }
    }
}

/// What the HTTP layer needs from the preview: an answer for a GET of a path, and the site's
/// version with a way to wait for it to change (live reload). Nothing else crosses.
pub trait Handler: Send + Sync + 'static {
    /// Answer a GET (or HEAD) of `target` (path and query, as sent).
    fn answer(&self, target: &str) -> Reply;
    /// The site's version now; it goes up on every rebuild.
    fn version(&self) -> u64;
    /// Block until the version differs from `since` or `deadline` passes; returns the version.
    fn wait_for_change(&self, since: u64, deadline: Instant) -> u64;
    /// The language of the server's own messages.
    fn lang(&self) -> Lang {
        Lang::default()
    }
}

impl Handler for Shared {
    fn lang(&self) -> Lang {
        self.snapshot().lang
    }

    fn answer(&self, target: &str) -> Reply {
        let path = target.split('?').next().unwrap_or("");
        if path == ERRORS_PATH {
            return Reply::text(200, &self.snapshot().errors);
        }
        let snap = self.snapshot();
        let (key, folder) = match normalise(target) {
            Target::Key { key, folder } => (key, folder),
            Target::Bad => return Reply::text(400, "bad request\n"),
        };
        if let Some(bytes) = snap.get(&key) {
            let content_type = content_type(&key);
            let body = if content_type.starts_with("text/html") {
                decorate(bytes, snap.version, &snap.errors, snap.lang)
            } else {
                bytes.to_vec()
            };
            return Reply {
                status: 200,
                content_type,
                body,
                location: None,
            };
        }
        if !folder && snap.contains(&format!("{key}/index.html")) {
            return Reply {
                status: 301,
                content_type: "text/plain; charset=utf-8",
                body: Vec::new(),
                location: Some(format!("{path}/")),
            };
        }
        let body = match snap.get("404.html") {
            Some(b) => decorate(b, snap.version, &snap.errors, snap.lang),
            None => decorate(
                b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><h1>404 Not Found</h1></body></html>",
                snap.version,
                &snap.errors,
                snap.lang,
            ),
        };
        Reply {
            status: 404,
            content_type: "text/html; charset=utf-8",
            body,
            location: None,
        }
    }

    fn version(&self) -> u64 {
        self.snapshot().version
    }

    fn wait_for_change(&self, since: u64, deadline: Instant) -> u64 {
        Shared::wait_for_change(self, since, deadline)
    }
}

/// The bounds that keep the preview alive whatever connects to it.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Connections served at once; further ones wait in the kernel's backlog (back-pressure).
    pub max_connections: usize,
    /// Bytes of a request's line and headers; more is answered 431 and the connection closed.
    pub max_header_bytes: usize,
    /// Number of request headers; more is answered 431.
    pub max_headers: usize,
    /// How long a connection may take to send a request's headers, or sit idle between requests
    /// (half-open and slow clients are closed after it).
    pub header_timeout: Duration,
    /// How long one connection is kept in all; then it is closed once its request is answered.
    pub connection_lifetime: Duration,
    /// How long the accept loop waits after an error (too many open files) before trying again.
    pub accept_backoff: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_connections: 256,
            max_header_bytes: 16 * 1024,
            max_headers: 64,
            header_timeout: Duration::from_secs(10),
            connection_lifetime: Duration::from_secs(300),
            accept_backoff: Duration::from_millis(100),
        }
    }
}

/// Listen on `bind:port` (`port` 0 takes a free one). A port in use is said in a sentence that
/// offers the next free port.
pub fn bind(bind: &str, port: u16) -> Result<std::net::TcpListener, Msg> {
    let addr = |p: u16| {
        if bind.contains(':') {
            format!("[{bind}]:{p}")
        } else {
            format!("{bind}:{p}")
        }
    };
    match std::net::TcpListener::bind(addr(port)) {
        Ok(l) => Ok(l),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse && port != 0 => {
            let free = (port.saturating_add(1)..=port.saturating_add(100))
                .find(|p| std::net::TcpListener::bind(addr(*p)).is_ok());
            Err(Msg::PortTaken {
                port,
                bind: bind.to_string(),
                free,
            })
        }
        Err(e) => Err(Msg::CannotListen {
            addr: addr(port),
            error: e.to_string(),
        }),
    }
}

type Body = http_body_util::Full<hyper::body::Bytes>;

fn to_response(reply: Reply) -> hyper::Response<Body> {
    let mut b = hyper::Response::builder()
        .status(reply.status)
        .header("Content-Type", reply.content_type)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff");
    if let Some(loc) = &reply.location {
        b = b.header("Location", loc.as_str());
    }
    b.body(Body::new(reply.body.into()))
        .unwrap_or_else(|_| hyper::Response::new(Body::new(hyper::body::Bytes::from_static(b"bad response\n"))))
}

/// Answer one request (the Host check, the method, live reload, then the handler).
async fn respond<H: Handler>(
    req: hyper::Request<hyper::body::Incoming>,
    handler: Arc<H>,
    mut versions: tokio::sync::watch::Receiver<u64>,
) -> Result<hyper::Response<Body>, std::convert::Infallible> {
    let host = req.headers().get(hyper::header::HOST).map(|h| h.to_str().unwrap_or(""));
    let authority = req.uri().authority().map(|a| a.as_str());
    if !host_allowed(host) || authority.is_some_and(|a| !host_allowed(Some(a))) {
        let body = format!("{}\n", Msg::HostRefused.render(handler.lang()));
        return Ok(to_response(Reply::text(421, &body)));
    }
    if !matches!(*req.method(), hyper::Method::GET | hyper::Method::HEAD) {
        let body = format!("{}\n", Msg::MethodNotAllowed.render(handler.lang()));
        return Ok(to_response(Reply::text(405, &body)));
    }
    let target = req.uri().path_and_query().map_or("/", |p| p.as_str()).to_string();
    drop(req);
    if target.split('?').next() == Some(VERSION_PATH) {
        let since = target
            .split_once('?')
            .and_then(|(_, q)| q.split('&').find_map(|kv| kv.strip_prefix("since=")))
            .and_then(|v| v.parse::<u64>().ok());
        // The preview's own version first: the channel may not have heard of the last rebuild
        // yet, and a page served from it must never be newer than the version said.
        let mut v = (*versions.borrow_and_update()).max(handler.version());
        if let Some(since) = since {
            let deadline = tokio::time::Instant::now() + LONG_POLL;
            while v == since {
                match tokio::time::timeout_at(deadline, versions.changed()).await {
                    Ok(Ok(())) => v = (*versions.borrow_and_update()).max(v),
                    _ => break,
                }
            }
        }
        return Ok(to_response(Reply::text(200, &v.to_string())));
    }
    // Pages are built in memory already; answering copies at most one page.
    Ok(to_response(handler.answer(&target)))
}

/// Serve `handler` on `listener` until the process ends. Never gives up on the listener: an
/// accept error (too many open files) is said once and retried after a pause.
pub fn serve<H: Handler>(listener: std::net::TcpListener, handler: Arc<H>, limits: Limits) -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("minutebook-http")
        .enable_io()
        .enable_time()
        .build()?;
    rt.block_on(accept_loop(listener, handler, limits))
}

/// The accept loop, for a runtime the caller owns (tests run it in-process).
pub async fn accept_loop<H: Handler>(
    listener: std::net::TcpListener,
    handler: Arc<H>,
    limits: Limits,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    // Live reload: one thread waits on the preview's version and passes it to every long poll.
    // The thread starts from the version the channel holds, so a change made before it runs is
    // still passed on.
    let first = handler.version();
    let (tx, versions) = tokio::sync::watch::channel(first);
    {
        let handler = handler.clone();
        std::thread::Builder::new()
            .name("minutebook-reload".into())
            .spawn(move || {
                let mut v = first;
                loop {
                    v = handler.wait_for_change(v, Instant::now() + Duration::from_secs(3600));
                    tx.send_if_modified(|old| std::mem::replace(old, v) != v);
                    if tx.is_closed() {
                        break;
                    }
                }
            })?;
    }
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let mut complained = false;
    loop {
        // Back-pressure: at the cap, stop accepting until a connection ends.
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return Ok(());
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => {
                complained = false;
                stream
            }
            Err(e) => {
                if !complained {
                    let m = Msg::AcceptFailed { error: e.to_string() };
                    crate::errln!("{}", m.render(handler.lang()));
                    complained = true;
                }
                tokio::time::sleep(limits.accept_backoff).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let (handler, versions) = (handler.clone(), versions.clone());
        tokio::spawn(async move {
            let _slot = slot;
            let service = hyper::service::service_fn(move |req| respond(req, handler.clone(), versions.clone()));
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(limits.header_timeout)
                .max_buf_size(limits.max_header_bytes.max(8192))
                .max_header_size(limits.max_header_bytes)
                .max_headers(limits.max_headers);
            let conn = builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            tokio::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = tokio::time::sleep(limits.connection_lifetime) => {
                    conn.as_mut().graceful_shutdown();
                    let _ = tokio::time::timeout(limits.header_timeout, conn).await;
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::sync::atomic::{AtomicU64, Ordering};

    /// A handler that answers every path with its own name.
    struct Echo(AtomicU64);

    impl Handler for Echo {
        fn answer(&self, target: &str) -> Reply {
            Reply::text(200, target)
        }
        fn version(&self) -> u64 {
            self.0.load(Ordering::SeqCst)
        }
        fn wait_for_change(&self, since: u64, deadline: Instant) -> u64 {
            while self.version() == since && Instant::now() < deadline {
                std::thread::park_timeout(Duration::from_millis(20));
            }
            self.version()
        }
    }

    /// Start a server on a free loopback port with `limits`; the runtime lives as long as the
    /// returned value.
    fn start(limits: Limits) -> (u16, Arc<Echo>, tokio::runtime::Runtime) {
        let listener = bind("127.0.0.1", 0).unwrap();
        let port = listener.local_addr().unwrap().port();
        let handler = Arc::new(Echo(AtomicU64::new(1)));
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        rt.spawn(accept_loop(listener, handler.clone(), limits));
        (port, handler, rt)
    }

    fn get(port: u16, path: &str) -> String {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
        let mut out = String::new();
        let _ = s.read_to_string(&mut out);
        out
    }

    #[test]
    fn a_connection_that_sends_nothing_is_closed_after_the_header_timeout() {
        let limits = Limits {
            header_timeout: Duration::from_millis(300),
            ..Limits::default()
        };
        let (port, _h, _rt) = start(limits);
        let mut idle = TcpStream::connect(("127.0.0.1", port)).unwrap();
        idle.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let started = Instant::now();
        let mut buf = [0u8; 64];
        // The server ends the connection (EOF or reset), well before the 20 s read timeout.
        let n = idle.read(&mut buf).unwrap_or(0);
        assert_eq!(n, 0, "{:?}", String::from_utf8_lossy(&buf[..n]));
        assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
        // A keep-alive connection idle after one answer is closed the same way.
        let mut kept = TcpStream::connect(("127.0.0.1", port)).unwrap();
        kept.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(kept, "GET /a HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
        let mut all = Vec::new();
        let _ = kept.read_to_end(&mut all);
        let text = String::from_utf8_lossy(&all);
        assert!(text.starts_with("HTTP/1.1 200") && text.ends_with("/a"), "{text}");
    }

    #[test]
    fn headers_over_the_limit_get_431_and_the_server_goes_on() {
        let (port, _h, _rt) = start(Limits::default());
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let big = "x".repeat(1 << 20);
        // The server may close while we still write; the answer is what counts.
        let _ = write!(s, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {big}\r\n\r\n");
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        let text = String::from_utf8_lossy(&out);
        assert!(text.starts_with("HTTP/1.1 431"), "{text}");
        let many: String = (0..200).map(|i| format!("X-H{i}: v\r\n")).collect();
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(s, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n{many}\r\n").unwrap();
        let mut out = String::new();
        let _ = s.read_to_string(&mut out);
        assert!(out.starts_with("HTTP/1.1 431"), "{out}");
        assert!(get(port, "/ok").starts_with("HTTP/1.1 200"));
    }

    #[test]
    fn at_the_connection_cap_new_connections_wait_their_turn() {
        let limits = Limits {
            max_connections: 2,
            ..Limits::default()
        };
        let (port, _h, _rt) = start(limits);
        let a = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let b = TcpStream::connect(("127.0.0.1", port)).unwrap();
        // Both slots are taken by connections that send nothing: the third waits in the backlog.
        let mut c = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(c, "GET /third HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
        c.set_read_timeout(Some(Duration::from_millis(500))).unwrap();
        let mut buf = [0u8; 16];
        let waited = c.read(&mut buf);
        assert!(waited.is_err(), "answered at the cap: {waited:?}");
        drop((a, b));
        c.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let mut out = String::new();
        c.read_to_string(&mut out).unwrap();
        assert!(out.starts_with("HTTP/1.1 200") && out.ends_with("/third"), "{out}");
    }

    #[test]
    fn a_long_poll_answers_when_the_version_changes() {
        let (port, h, _rt) = start(Limits::default());
        let poll = std::thread::spawn(move || get(port, "/__minutebook/version?since=1"));
        // The poll is waiting: it has not answered with the same version.
        assert!(get(port, "/__minutebook/version").ends_with("\r\n\r\n1"));
        h.0.store(2, Ordering::SeqCst);
        let out = poll.join().unwrap();
        assert!(out.ends_with("\r\n\r\n2"), "{out}");
    }

    #[test]
    fn a_taken_port_is_said_and_the_next_free_one_offered() {
        let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = taken.local_addr().unwrap().port();
        let err = bind("127.0.0.1", port).unwrap_err();
        let Msg::PortTaken { free: Some(free), .. } = &err else {
            panic!("not a taken port with a free one offered: {err:?}");
        };
        let err = err.en();
        assert!(
            err.starts_with(&format!("port {port} on 127.0.0.1 is already in use")),
            "{err}"
        );
        let offered: u16 = err
            .split("--port ")
            .nth(1)
            .and_then(|r| r.split('`').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port offered: {err}"));
        assert!(offered > port && offered == *free, "{err}");
        assert!(
            err.ends_with("`minutebook serve --port 0` to take any free port"),
            "{err}"
        );
    }

    fn key(s: &str) -> Option<String> {
        match normalise(s) {
            Target::Key { key, .. } => Some(key),
            Target::Bad => None,
        }
    }

    #[test]
    fn only_names_that_cannot_be_rebound_are_answered() {
        for ok in [
            None,
            Some("127.0.0.1:1111"),
            Some("127.0.0.1"),
            Some("localhost:1111"),
            Some("LOCALHOST."),
            Some("preview.localhost:8080"),
            Some("[::1]:1111"),
            Some("192.168.1.20:1111"),
        ] {
            assert!(host_allowed(ok), "{ok:?}");
        }
        for bad in [
            Some("evil.example"),
            Some("evil.example:1111"),
            Some("localhost.evil.example"),
            Some("127.0.0.1.evil.example"),
            Some("[::1]evil"),
            Some(""),
        ] {
            assert!(!host_allowed(bad), "{bad:?}");
        }
    }

    #[test]
    fn normalises_and_refuses_escapes() {
        assert_eq!(key("/").as_deref(), Some("index.html"));
        assert_eq!(
            key("/minutes/2024/a/?x=1").as_deref(),
            Some("minutes/2024/a/index.html")
        );
        assert_eq!(key("/style.css").as_deref(), Some("style.css"));
        assert_eq!(key("/%E6%A1%88/").as_deref(), Some("案/index.html"));
        for bad in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/..%2f..%2fetc/passwd",
            "/a/%2E%2E/%2E%2E/x",
            "/a\\..\\b",
            "/a%5c..%5cb",
            "//etc/passwd",
            "/C:/Windows",
            "/%00",
            "/%ff",
            "etc/passwd",
        ] {
            assert_eq!(key(bad), None, "{bad}");
        }
    }

    #[test]
    fn decorates_before_body_end_and_escapes_errors() {
        let out = decorate(
            b"<html><body><p>x</p></body></html>",
            7,
            "error: a.md:1:2: <script>",
            Lang::En,
        );
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("&lt;script&gt;"), "{s}");
        assert!(s.contains("var v=7;"), "{s}");
        assert!(s.ends_with("</script></body></html>"), "{s}");
    }
}
