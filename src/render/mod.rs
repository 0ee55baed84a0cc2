//! Rendering: the Tera 2 templates of the theme, overridden by the site's own `templates/`, and the
//! static files of the theme overridden by the site's `static/`. The default theme is built into the
//! binary, so any site folder builds; a site that ships `themes/default/` edits it in place.

pub mod i18n;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use tera::{Context, ErrorKind, Tera};

use crate::config::{Site, CONFIG_FILE};
use crate::diagnostics::Diagnostic;
use crate::messages::Msg;

static DEFAULT_THEME: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The default theme's `static/search.js` as published: minified by `build.rs` (comments and
/// whitespace removed by the `minifier` crate, rustdoc's), since every cold search query fetches
/// it. The readable source is `themes/default/static/search.js`.
pub static SEARCH_JS_MIN: &str = include_str!(concat!(env!("OUT_DIR"), "/search.min.js"));

/// The source of the default theme's `static/search.js`.
const SEARCH_JS_SRC: &[u8] = include_bytes!("../../themes/default/static/search.js");

/// A static file as published: the default theme's `search.js` (also a site's copy of it that is
/// byte for byte the built-in source, as in a site that ships `themes/default/`) is published
/// minified ([`SEARCH_JS_MIN`]); every other file as it is.
fn published_static(name: &str, bytes: Vec<u8>) -> Vec<u8> {
    if name == "search.js" && bytes == SEARCH_JS_SRC {
        SEARCH_JS_MIN.as_bytes().to_vec()
    } else {
        bytes
    }
}

/// Templates and static files after overrides, each with where it came from.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub templates: BTreeMap<String, (PathBuf, String)>,
    pub statics: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// The default theme built into minutebook.
    pub fn builtin() -> Theme {
        let mut t = Theme::default();
        collect_embedded(&DEFAULT_THEME, &mut t);
        t
    }

    /// The theme a site uses: built-in default ← `themes/<name>/` ← site `templates/` and `static/`.
    pub fn load(site: &Site) -> Result<Theme, Vec<Diagnostic>> {
        let name = site.config.theme.clone().unwrap_or_else(|| "default".into());
        let mut theme = if name == "default" {
            Theme::builtin()
        } else {
            Theme::default()
        };
        let theme_dir = site.root.join("themes").join(&name);
        if theme_dir.is_dir() {
            overlay(
                &site.root,
                &theme_dir.join("templates"),
                &theme_dir.join("static"),
                &mut theme,
            )?;
        } else if name != "default" {
            let text = std::fs::read_to_string(site.root.join(CONFIG_FILE)).unwrap_or_default();
            let (line, col) = text
                .lines()
                .enumerate()
                .find(|(_, l)| l.starts_with("theme:"))
                .map(|(i, l)| (i + 1, l.find(&name).map(|c| c + 1).unwrap_or(1)))
                .unwrap_or((0, 0));
            return Err(vec![Diagnostic::error(
                CONFIG_FILE,
                line,
                col,
                Msg::NoSuchTheme { name: name.clone() },
            )
            .with_source(&text)
            .with_help(Msg::HelpCreateTheme { name: name.clone() })]);
        }
        overlay(
            &site.root,
            &site.root.join("templates"),
            &site.root.join("static"),
            &mut theme,
        )?;
        Ok(theme)
    }
}

fn collect_embedded(dir: &Dir<'_>, t: &mut Theme) {
    for f in dir.files() {
        let p = f.path().to_string_lossy().replace('\\', "/");
        if let Some(name) = p.strip_prefix("templates/") {
            let src = String::from_utf8_lossy(f.contents()).into_owned();
            t.templates.insert(
                name.to_string(),
                (PathBuf::from("<built-in theme>/templates").join(name), src),
            );
        } else if let Some(name) = p.strip_prefix("static/") {
            t.statics
                .insert(name.to_string(), published_static(name, f.contents().to_vec()));
        }
    }
    for d in dir.dirs() {
        collect_embedded(d, t);
    }
}

fn overlay(root: &Path, templates: &Path, statics: &Path, t: &mut Theme) -> Result<(), Vec<Diagnostic>> {
    let mut diags = Vec::new();
    for (dir, is_tpl) in [(templates, true), (statics, false)] {
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            if rel.split('/').any(|c| c.starts_with('.')) {
                continue;
            }
            let shown = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
            if is_tpl {
                match std::fs::read_to_string(entry.path()) {
                    Ok(src) => {
                        t.templates.insert(rel, (shown, src));
                    }
                    Err(e) => diags.push(Diagnostic::error(
                        shown,
                        0,
                        0,
                        Msg::TemplateUnreadable { error: e.to_string() },
                    )),
                }
            } else {
                match std::fs::read(entry.path()) {
                    Ok(bytes) => {
                        let bytes = published_static(&rel, bytes);
                        t.statics.insert(rel, bytes);
                    }
                    Err(e) => diags.push(Diagnostic::error(
                        shown,
                        0,
                        0,
                        Msg::FileUnreadable { error: e.to_string() },
                    )),
                }
            }
        }
    }
    if diags.is_empty() {
        Ok(())
    } else {
        Err(diags)
    }
}

/// Parsed templates, ready to render pages.
pub struct Renderer {
    tera: Tera,
    theme: Theme,
    /// Time spent filling templates, summed over threads, since the last [`Renderer::template_time`].
    nanos: std::sync::atomic::AtomicU64,
}

impl Renderer {
    pub fn new(theme: Theme) -> Result<Renderer, Vec<Diagnostic>> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml", ".htm"]);
        let list: Vec<(String, String)> = theme
            .templates
            .iter()
            .map(|(k, (_, src))| (k.clone(), src.clone()))
            .collect();
        if let Err(e) = tera.add_raw_templates(list) {
            return Err(vec![template_diag(&theme, &e, None)]);
        }
        Ok(Renderer {
            tera,
            theme,
            nanos: Default::default(),
        })
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    pub fn render(&self, name: &str, ctx: &Context) -> Result<String, Diagnostic> {
        let at = std::time::Instant::now();
        let r = self
            .tera
            .render(name, ctx)
            .map_err(|e| template_diag(&self.theme, &e, Some(name)));
        self.nanos
            .fetch_add(at.elapsed().as_nanos() as u64, std::sync::atomic::Ordering::Relaxed);
        r
    }

    /// Like [`Renderer::render`], as bytes (UTF-8): a page goes to a file as it is, so it need not
    /// be checked again as a `String` (a fifth of the time of a record page).
    pub fn render_bytes(&self, name: &str, ctx: &Context, size_hint: usize) -> Result<Vec<u8>, Diagnostic> {
        let at = std::time::Instant::now();
        let mut out = Vec::with_capacity(size_hint);
        let r = self
            .tera
            .render_to(name, ctx, &mut out)
            .map(|_| out)
            .map_err(|e| template_diag(&self.theme, &e, Some(name)));
        self.nanos
            .fetch_add(at.elapsed().as_nanos() as u64, std::sync::atomic::Ordering::Relaxed);
        r
    }

    /// Time spent filling templates (summed over threads) since the last call.
    pub fn template_time(&self) -> std::time::Duration {
        std::time::Duration::from_nanos(self.nanos.swap(0, std::sync::atomic::Ordering::Relaxed))
    }
}

/// A Tera error as a diagnostic naming the template file and line.
fn template_diag(theme: &Theme, e: &tera::Error, rendering: Option<&str>) -> Diagnostic {
    let (file, line, col, msg) = match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => (
            r.filename().to_string(),
            r.span().start_line,
            r.span().start_col + 1,
            r.message().to_string(),
        ),
        // Unknown filters, tests and functions come as a message holding Tera's own reports
        // ("error: Unknown filter `x`\n --> name:line:col …"): take the first report's place.
        _ => {
            let text = e.to_string();
            match first_report_place(&text) {
                Some((file, line, col)) => {
                    let msg = text
                        .lines()
                        .find_map(|l| l.trim().strip_prefix("error: "))
                        .unwrap_or(&text)
                        .to_string();
                    (file, line, col, msg)
                }
                None => (rendering.unwrap_or("").to_string(), 0, 0, text),
            }
        }
    };
    let mut full = msg;
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let m = s.to_string();
        if !full.contains(&m) {
            full.push_str(": ");
            full.push_str(&m);
        }
        source = s.source();
    }
    let (path, src) = theme
        .templates
        .get(&file)
        .map(|(p, s)| (p.clone(), s.as_str()))
        .unwrap_or_else(|| (PathBuf::from(format!("templates/{file}")), ""));
    let message = if rendering.is_some() {
        Msg::TemplateCannotRender { error: full }
    } else {
        Msg::TemplateBroken { error: full }
    };
    Diagnostic::error(path, line, col, message)
        .with_source(src)
        .with_help(Msg::HelpFixTemplate)
}

/// The `name:line:col` of the first ` --> name:line:col` line in a Tera error text.
fn first_report_place(text: &str) -> Option<(String, usize, usize)> {
    text.lines().find_map(|l| {
        let place = l.trim_start().strip_prefix("--> ")?;
        let mut parts = place.rsplitn(3, ':');
        let col = parts.next()?.trim().parse().ok()?;
        let line = parts.next()?.parse().ok()?;
        Some((parts.next()?.to_string(), line, col))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in search.js is published minified, and a site's own search.js as it is unless
    /// it is the built-in source byte for byte.
    #[test]
    fn search_js_is_published_minified() {
        let theme = Theme::builtin();
        let published = &theme.statics["search.js"];
        assert_eq!(published.as_slice(), SEARCH_JS_MIN.as_bytes());
        assert!(
            published.len() * 10 < SEARCH_JS_SRC.len() * 6,
            "{} of {} bytes",
            published.len(),
            SEARCH_JS_SRC.len()
        );
        assert!(SEARCH_JS_MIN.starts_with("/* minutebook search client"));
        assert!(!SEARCH_JS_MIN.contains("\n  "), "indentation left in");
        assert!(SEARCH_JS_MIN.contains("module.exports=api"));
        assert_eq!(
            published_static("search.js", SEARCH_JS_SRC.to_vec()),
            SEARCH_JS_MIN.as_bytes()
        );
        let own = b"console.log(1) // mine\n".to_vec();
        assert_eq!(published_static("search.js", own.clone()), own);
        assert_eq!(published_static("other.js", SEARCH_JS_SRC.to_vec()), SEARCH_JS_SRC);
    }

    #[test]
    fn unknown_filter_is_located_in_its_template() {
        let mut theme = Theme::builtin();
        theme.templates.insert(
            "record_item.html".into(),
            (
                PathBuf::from("templates/record_item.html"),
                "<li>\n{{ r.title | nosuch }}</li>\n".into(),
            ),
        );
        let d = Renderer::new(theme)
            .err()
            .expect("unknown filter is an error")
            .remove(0);
        let text = d.to_string();
        assert!(text.contains("templates/record_item.html:2:"), "{text}");
        assert!(text.contains("Unknown filter `nosuch`"), "{text}");
    }
}
