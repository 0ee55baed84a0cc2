//! Diagnostics: one problem in one file, with the line and column it starts at, rendered the way
//! compilers do (`path:line:col: message`, the offending line, a caret, and a hint). Every layer
//! turns its errors into `Diagnostic`s so that a build can report all of them together.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::messages::{Lang, Msg};

/// What a diagnostic says: a message of the catalogue (with its code, in either language), or a
/// text that is not ours to translate (a parser's or the system's words, or a tool for developers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// Boxed: a message's arguments make it larger than a diagnostic should be to pass around.
    Msg(Box<Msg>),
    Plain(String),
}

impl Text {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Text::Msg(m) => m.render(lang),
            Text::Plain(s) => s.clone(),
        }
    }

    /// The text in English (logs, tests).
    pub fn en(&self) -> String {
        self.render(Lang::En)
    }

    pub fn code(&self) -> Option<&'static str> {
        match self {
            Text::Msg(m) => Some(m.code()),
            Text::Plain(_) => None,
        }
    }
}

impl From<Msg> for Text {
    fn from(m: Msg) -> Text {
        Text::Msg(Box::new(m))
    }
}

impl From<Box<Msg>> for Text {
    fn from(m: Box<Msg>) -> Text {
        Text::Msg(m)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Plain(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::Plain(s.to_string())
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

/// How bad a finding is. Errors fail the build; warnings and suggestions do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Suggestion,
}

/// One finding about one place in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, counted in characters; 0 when unknown.
    pub column: usize,
    pub message: Text,
    /// The text of the offending line, shown under the message.
    pub source_line: Option<String>,
    /// What to do about it.
    pub help: Option<Text>,
}

impl Diagnostic {
    pub fn error(path: impl Into<PathBuf>, line: usize, column: usize, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line,
            column,
            message: message.into(),
            source_line: None,
            help: None,
        }
    }

    pub fn warning(path: impl Into<PathBuf>, line: usize, column: usize, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, line, column, message)
        }
    }

    pub fn suggestion(path: impl Into<PathBuf>, line: usize, column: usize, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Suggestion,
            ..Diagnostic::error(path, line, column, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Attach the offending line, taken from the file's full text.
    pub fn with_source(mut self, text: &str) -> Self {
        if self.line > 0 {
            self.source_line = text
                .lines()
                .nth(self.line - 1)
                .map(|l| l.trim_end_matches('\r').to_string());
        }
        self
    }

    /// The stable code of the message (`MB0203`); none for a text outside the catalogue.
    pub fn code(&self) -> Option<&'static str> {
        self.message.code()
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col` as editors and CI annotate it.
    pub fn location(&self) -> String {
        let p = slashed(&self.path);
        match (self.line, self.column) {
            (0, _) => p,
            (l, 0) => format!("{p}:{l}"),
            (l, c) => format!("{p}:{l}:{c}"),
        }
    }
}

/// A path as shown in messages: with `/` on every system, as editors and CI read it.
pub fn slashed(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// `s` with every character that could forge or hide terminal output — line breaks and other
/// control characters (a tab excepted), and the bidirectional overrides that reorder a line —
/// written as a `\u{..}` escape. A file named `a\nerror: …` then prints on one line, as itself.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && c != '\t')
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(bad) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| {
                if bad(c) {
                    format!("\\u{{{:x}}}", c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

impl Diagnostic {
    /// `error[MB0207]: path:line:col: message`, the line with a caret under the column, and the
    /// help, in `lang`.
    pub fn human(&self, lang: Lang) -> String {
        use std::fmt::Write;
        let mut f = String::new();
        let label = self.severity.label(lang);
        let code = self.code().map(|c| format!("[{c}]")).unwrap_or_default();
        // Paths and texts come from the user's files: printed so that none can start a line.
        let message = self.message.render(lang);
        let message = printable(&message);
        if self.path.as_os_str().is_empty() {
            let _ = writeln!(f, "{label}{code}: {message}");
        } else {
            let _ = writeln!(f, "{label}{code}: {}: {message}", printable(&self.location()));
        }
        if let Some(src) = &self.source_line {
            let src = &*printable(src);
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            let _ = writeln!(f, "{pad} |");
            let _ = writeln!(f, "{gutter} | {src}");
            if self.column > 0 {
                // Wide (CJK) characters take two terminal cells; keep the caret under the right one.
                let width: usize = src.chars().take(self.column - 1).map(cell_width).sum();
                let _ = writeln!(f, "{pad} | {}^", " ".repeat(width));
            }
        }
        if let Some(help) = &self.help {
            // A help may span lines (a block to paste into minutebook.yaml): each is indented
            // under the first, so none can pass for a message of its own.
            for (i, line) in help.render(lang).lines().enumerate() {
                if i == 0 {
                    let _ = writeln!(f, "  = {}: {}", help_label(lang), printable(line));
                } else {
                    let _ = writeln!(f, "    {}", printable(line));
                }
            }
        }
        f
    }
}

impl Severity {
    /// The word that opens a human-readable diagnostic.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Suggestion, Lang::En) => "suggestion",
            (Severity::Error, Lang::ZhHantTw) => "錯誤",
            (Severity::Warning, Lang::ZhHantTw) => "警告",
            (Severity::Suggestion, Lang::ZhHantTw) => "建議",
        }
    }
}

fn help_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "help",
        Lang::ZhHantTw => "提示",
    }
}

/// In English, for logs and tests; what a command prints goes through [`Diagnostic::render`] in
/// the site's language.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.human(Lang::En))
    }
}

fn cell_width(c: char) -> usize {
    let u = c as u32;
    let wide = (0x1100..=0x115F).contains(&u)
        || (0x2E80..=0xA4CF).contains(&u)
        || (0xAC00..=0xD7A3).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0xFE30..=0xFE4F).contains(&u)
        || (0xFF00..=0xFF60).contains(&u)
        || (0xFFE0..=0xFFE6).contains(&u)
        || (0x20000..=0x3FFFD).contains(&u);
    if wide {
        2
    } else {
        1
    }
}

/// How diagnostics are printed (`--message-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum MessageFormat {
    /// `error: path:line:col: message`, the line with a caret, and the help (on standard error).
    #[default]
    Human,
    /// One JSON object per line (on standard output): severity, file, line, column, message,
    /// help, source_line. Line and column are 0 when unknown.
    Json,
    /// GitHub Actions workflow commands (on standard output), which put each message on its
    /// file's line in a pull request: `::error file=…,line=…,col=…::message`.
    Github,
}

impl Diagnostic {
    /// The diagnostic as one JSON object, on one line, its texts in `lang`.
    pub fn to_json(&self, lang: Lang) -> String {
        serde_json::json!({
            "severity": self.severity,
            "code": self.code(),
            "file": slashed(&self.path),
            "line": self.line,
            "column": self.column,
            "message": self.message.render(lang),
            "help": self.help.as_ref().map(|h| h.render(lang)),
            "source_line": self.source_line,
        })
        .to_string()
    }

    /// The diagnostic as a GitHub Actions workflow command (errors as `::error`, warnings as
    /// `::warning`, suggestions as `::notice`), escaped so that no text of a file can end the
    /// command or start another. The code opens the message (`MB0207: …`) and titles it.
    pub fn to_github(&self, lang: Lang) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Suggestion => "notice",
        };
        let mut props = Vec::new();
        if !self.path.as_os_str().is_empty() {
            props.push(format!("file={}", github_escape(&slashed(&self.path), true)));
        }
        if self.line > 0 {
            props.push(format!("line={}", self.line));
            if self.column > 0 {
                props.push(format!("col={}", self.column));
            }
        }
        if let Some(c) = self.code() {
            props.push(format!("title={c}"));
        }
        let mut msg = self.message.render(lang);
        if let Some(h) = &self.help {
            msg.push_str(&format!("\n{}: ", help_label(lang)));
            msg.push_str(&h.render(lang));
        }
        let props = if props.is_empty() {
            String::new()
        } else {
            format!(" {}", props.join(","))
        };
        format!("::{kind}{props}::{}", github_escape(&msg, false))
    }

    /// The diagnostic in `format` and `lang`, ending in a line break.
    pub fn render(&self, format: MessageFormat, lang: Lang) -> String {
        match format {
            MessageFormat::Human => self.human(lang),
            MessageFormat::Json => format!("{}\n", self.to_json(lang)),
            MessageFormat::Github => format!("{}\n", self.to_github(lang)),
        }
    }
}

/// GitHub's escaping of workflow command data (`%`, CR, LF) and, in properties, `:` and `,`.
fn github_escape(s: &str, property: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

/// Sort findings by file, then position, so output is stable whatever the thread count.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by_cached_key(|d| (d.path.clone(), d.line, d.column, d.severity, d.code(), d.message.en()));
}

/// A count with its noun: `plural(1, "problem", "problems")` is "1 problem", with 2 "2 problems".
pub fn plural(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

/// Find the 1-based (line, column) of byte offset `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = text[line_start..at].chars().count() + 1;
    (line, column)
}

/// The registered name closest to `input`, if any is close enough to be a useful suggestion.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::normalized_levenshtein(input, c);
        let contains = !input.is_empty() && (c.contains(input) || input.contains(c));
        let score = if contains { score.max(0.6) } else { score };
        if score >= 0.34 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file name or text holding a line break cannot forge a line of the output (a CI log's
    /// `error:` line, say), nor reorder one with bidirectional overrides; a help's further lines
    /// are indented under it.
    #[test]
    fn control_characters_in_paths_and_texts_are_escaped() {
        let d = Diagnostic::error(
            "content/a\nerror: content/forged.md:1:1: all good\r.md",
            2,
            1,
            "bad\u{202E}date\u{0}",
        )
        .with_help("see\nerror: help\r");
        let out = d.to_string();
        assert_eq!(
            out,
            "error: content/a\\u{a}error: content/forged.md:1:1: all good\\u{d}.md:2:1: bad\\u{202e}date\\u{0}\n  = help: see\n    error: help\\u{d}\n"
        );
        assert_eq!(printable("一\t二"), "一\t二");
    }

    #[test]
    fn renders_location_source_and_caret() {
        let d = Diagnostic::error("content/a.md", 2, 8, "unknown unit `數產`")
            .with_source("---\nunits: [數產]\n---\n")
            .with_help("did you mean `數產署`?");
        let s = d.to_string();
        assert!(s.starts_with("error: content/a.md:2:8: unknown unit `數產`\n"), "{s}");
        assert!(s.contains("2 | units: [數產]\n"), "{s}");
        assert!(s.contains("  |        ^\n"), "{s}");
        assert!(s.contains("= help: did you mean `數產署`?"), "{s}");
    }

    #[test]
    fn machine_formats() {
        let d = Diagnostic::warning("content/2024/a,b.md", 3, 7, "unknown label `決　定`")
            .with_source("x\ny\n決　定：照案通過\n")
            .with_help("write 決定：\n or 決議：");
        assert_eq!(
            d.to_json(Lang::En),
            r#"{"code":null,"column":7,"file":"content/2024/a,b.md","help":"write 決定：\n or 決議：","line":3,"message":"unknown label `決　定`","severity":"warning","source_line":"決　定：照案通過"}"#
        );
        assert_eq!(
            d.to_github(Lang::En),
            "::warning file=content/2024/a%2Cb.md,line=3,col=7::unknown label `決　定`%0Ahelp: write 決定：%0A or 決議："
        );
        let whole = Diagnostic::error("", 0, 0, "100% wrong");
        assert_eq!(whole.to_github(Lang::En), "::error::100%25 wrong");
        assert_eq!(
            whole.render(MessageFormat::Json, Lang::En),
            format!("{}\n", whole.to_json(Lang::En))
        );
    }

    #[test]
    fn catalogue_messages_carry_their_code_in_every_format() {
        let d = Diagnostic::error(
            "content/a.md",
            2,
            8,
            Msg::UnknownName {
                kind: crate::messages::Noun::Unit,
                name: "數產".into(),
            },
        )
        .with_source("---\nunits: [數產]\n---\n")
        .with_help(Msg::HelpRegisteredNames {
            kind: crate::messages::Noun::Unit,
            name: "數產署".into(),
        });
        assert_eq!(
            d.human(Lang::ZhHantTw),
            "錯誤[MB0207]: content/a.md:2:8: 未登錄的單位 `數產`\n  |\n2 | units: [數產]\n  |        ^\n  = 提示: 您是不是要寫 `數產署`？已登錄的單位列在 minutebook.yaml\n"
        );
        assert_eq!(
            d.human(Lang::En),
            "error[MB0207]: content/a.md:2:8: unknown unit `數產`\n  |\n2 | units: [數產]\n  |        ^\n  = help: did you mean `數產署`? Registered units are listed in minutebook.yaml\n"
        );
        assert_eq!(
            d.to_json(Lang::ZhHantTw),
            r#"{"code":"MB0207","column":8,"file":"content/a.md","help":"您是不是要寫 `數產署`？已登錄的單位列在 minutebook.yaml","line":2,"message":"未登錄的單位 `數產`","severity":"error","source_line":"units: [數產]"}"#
        );
        assert_eq!(
            d.to_github(Lang::En),
            "::error file=content/a.md,line=2,col=8,title=MB0207::unknown unit `數產`%0Ahelp: did you mean `數產署`? Registered units are listed in minutebook.yaml"
        );
    }

    #[test]
    fn line_col_counts_chars() {
        let t = "ab\n數位x";
        assert_eq!(line_col(t, t.find('x').unwrap()), (2, 3));
    }

    #[test]
    fn closest_suggests() {
        assert_eq!(closest("數位產業", ["數位產業署", "秘書處"]), Some("數位產業署"));
        assert_eq!(closest("zzz", ["數位產業署"]), None);
    }
}
