//! The preview's HTTP side: requests are answered only from the in-memory [`Output`], by a
//! normalised key, so no request can reach a file on disk. HTML pages get a small live-reload
//! script (and, while the last change does not build, an overlay with the errors); the built
//! output never contains either.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tiny_http::{Header, Method, Request, Response};

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
pub fn decorate(html: &[u8], version: u64, errors: &str) -> Vec<u8> {
    let mut extra = String::new();
    if !errors.is_empty() {
        extra.push_str(&overlay(errors));
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

fn overlay(errors: &str) -> String {
    format!(
        "<div id=\"minutebook-error\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;\
         overflow:auto;margin:0;padding:2rem;background:rgba(24,24,24,.94);color:#f5f5f5;\
         font:14px/1.5 ui-monospace,Menlo,Consolas,monospace\">\
         <p style=\"margin:0 0 1rem;font-weight:bold;color:#ff8a80\">minutebook serve: the last change does not build; \
         showing the last version that did.</p>\
         <pre style=\"white-space:pre-wrap;margin:0\">{}</pre>\
         <p style=\"margin:1rem 0 0\">Fix the file and save it: this page reloads by itself.</p></div>",
        escape(errors)
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

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn respond(req: Request, status: u16, ctype: &str, body: Vec<u8>) {
    let resp = Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", ctype))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"));
    let _ = req.respond(resp);
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

/// Answer one request.
pub fn handle(req: Request, shared: &Arc<Shared>) {
    let host = req
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_string());
    if !host_allowed(host.as_deref()) {
        respond(
            req,
            421,
            "text/plain; charset=utf-8",
            b"minutebook serve answers only http://127.0.0.1, http://localhost and IP addresses (DNS rebinding protection)\n"
                .to_vec(),
        );
        return;
    }
    if !matches!(req.method(), Method::Get | Method::Head) {
        respond(req, 405, "text/plain; charset=utf-8", b"method not allowed\n".to_vec());
        return;
    }
    let url = req.url().to_string();
    let path = url.split('?').next().unwrap_or("");
    if path == VERSION_PATH {
        let since = url
            .split_once('?')
            .and_then(|(_, q)| q.split('&').find_map(|kv| kv.strip_prefix("since=")))
            .and_then(|v| v.parse::<u64>().ok());
        let v = match since {
            Some(s) => shared.wait_for_change(s, Instant::now() + LONG_POLL),
            None => shared.snapshot().version,
        };
        respond(req, 200, "text/plain; charset=utf-8", v.to_string().into_bytes());
        return;
    }
    if path == ERRORS_PATH {
        let s = shared.snapshot();
        respond(req, 200, "text/plain; charset=utf-8", s.errors.into_bytes());
        return;
    }
    let snap = shared.snapshot();
    let (key, folder) = match normalise(&url) {
        Target::Key { key, folder } => (key, folder),
        Target::Bad => {
            respond(req, 400, "text/plain; charset=utf-8", b"bad request\n".to_vec());
            return;
        }
    };
    if let Some(bytes) = snap.get(&key) {
        let ctype = content_type(&key);
        let body = if ctype.starts_with("text/html") {
            decorate(bytes, snap.version, &snap.errors)
        } else {
            bytes.to_vec()
        };
        respond(req, 200, ctype, body);
        return;
    }
    if !folder && snap.contains(&format!("{key}/index.html")) {
        let location = format!("{}/", path);
        let resp = Response::from_data(Vec::new())
            .with_status_code(301)
            .with_header(header("Location", &location))
            .with_header(header("Cache-Control", "no-store"));
        let _ = req.respond(resp);
        return;
    }
    let body = match snap.get("404.html") {
        Some(b) => decorate(b, snap.version, &snap.errors),
        None => decorate(
            b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><h1>404 Not Found</h1></body></html>",
            snap.version,
            &snap.errors,
        ),
    };
    respond(req, 404, "text/html; charset=utf-8", body);
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let out = decorate(b"<html><body><p>x</p></body></html>", 7, "error: a.md:1:2: <script>");
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("&lt;script&gt;"), "{s}");
        assert!(s.contains("var v=7;"), "{s}");
        assert!(s.ends_with("</script></body></html>"), "{s}");
    }
}
