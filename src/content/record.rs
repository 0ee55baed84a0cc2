//! The front-matter of one record, validated into [`Meta`]: required fields present, dates real,
//! units, topics and series resolved through the registries, keys known. Every problem is a
//! diagnostic at its key's line, and all of them are returned together.

use std::path::Path;

use super::frontmatter::Parsed;
use crate::config::{is_valid_slug, Kind, Registry, Site};
use crate::diagnostics::{closest, Diagnostic, Text};
use crate::messages::{Msg, Noun};
use crate::minutes::calendar::{parse_date, parse_meeting_date};
use crate::yaml::Value;
use chrono::NaiveDate;

/// The keys a record may have.
pub const KEYS: &[&str] = &[
    "title",
    "series",
    "number",
    "date",
    "time",
    "location",
    "chair",
    "recorder",
    "attendees",
    "observers",
    "on_leave",
    "absent",
    "units",
    "topics",
    "draft",
    "publish_date",
    "slug",
    "summary",
    "extra",
    "followups",
    "followup_updates",
    "attachments",
];

/// A resolved registry reference: the slug and the display name. The strings are shared: a
/// registered unit named by 10,000 records is two strings, not 20,000.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Ref {
    pub slug: std::sync::Arc<str>,
    pub name: std::sync::Arc<str>,
}

impl Ref {
    pub fn new(slug: &str, name: &str) -> Ref {
        Ref {
            slug: slug.into(),
            name: name.into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Meta {
    pub title: String,
    pub series: Ref,
    pub number: Option<u32>,
    pub date: NaiveDate,
    pub time: Option<String>,
    pub location: Option<String>,
    pub chair: Option<String>,
    pub recorder: Option<String>,
    /// 出席 (or 出席及列席 when the record lists them together).
    pub attendees: Vec<String>,
    /// 列席: present without a vote (officials reporting, staff).
    pub observers: Vec<String>,
    /// 請假: excused.
    pub on_leave: Vec<String>,
    /// 缺席: absent without leave.
    pub absent: Vec<String>,
    pub units: Vec<Ref>,
    pub topics: Vec<Ref>,
    pub draft: bool,
    pub publish_date: Option<NaiveDate>,
    pub slug: String,
    pub summary: Option<String>,
    pub extra: serde_json::Value,
    /// Directives this meeting gave (`followups:`), see [`crate::followups`].
    pub followups: Vec<crate::followups::Given>,
    /// Updates of directives at this meeting (`followup_updates:` and tracking tables).
    pub followup_updates: Vec<crate::followups::Row>,
    /// Official files published with the record (`attachments:`), kept beside it under content/.
    pub attachments: Vec<Attachment>,
}

impl Meta {
    /// Every reference of the record (series, units, topics, its directives' and updates' owners)
    /// with the registry's shared strings, as [`Ctx::resolve`] gives them: for a record taken
    /// from the record cache, which stores each reference's strings.
    pub fn share_refs(&mut self, site: &Site) {
        site.series.share(&mut self.series);
        self.units.iter_mut().for_each(|r| site.units.share(r));
        self.topics.iter_mut().for_each(|r| site.topics.share(r));
        for g in &mut self.followups {
            g.units.iter_mut().for_each(|r| site.units.share(r));
        }
        for u in &mut self.followup_updates {
            u.units.iter_mut().for_each(|r| site.units.share(r));
        }
    }
}

/// An official file of a record (the signed PDF, an 附件), listed under `attachments:` as a path
/// relative to the record's file (`executive-4-signed.pdf`) or as `{ file: …, title: … }`. Copied
/// to the output beside the record's page, under its own file name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Attachment {
    /// The source, relative to the site root, `/`-separated (`content/2024/signed.pdf`).
    pub source: String,
    /// The file name, which is also its name in the output (`signed.pdf`).
    pub name: String,
    /// The title the record gives it, else its file name.
    pub title: String,
    /// Size in bytes, when the record was loaded.
    pub size: u64,
    /// Its kind, from the file name's extension: `PDF`, `Word`, `ODF`, `Excel`, …
    pub kind: &'static str,
}

/// The kind of a file by its extension, as the record page names it.
pub fn file_kind(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "PDF",
        "doc" | "docx" => "Word",
        "odt" => "ODF Text",
        "ods" => "ODF Spreadsheet",
        "odp" => "ODF Presentation",
        "xls" | "xlsx" => "Excel",
        "ppt" | "pptx" => "PowerPoint",
        "csv" => "CSV",
        "txt" => "Text",
        "jpg" | "jpeg" => "JPEG",
        "png" => "PNG",
        "zip" => "ZIP",
        _ => "File",
    }
}

struct Ctx<'a> {
    rel: &'a Path,
    text: &'a str,
    parsed: &'a Parsed<'a>,
    diags: Vec<Diagnostic>,
}

/// A text value: text, or a number as written (`number`-like titles such as `2024`); `true` and
/// `false` are not text.
fn text_of(node: &crate::yaml::Node) -> Option<&str> {
    match node.value {
        Value::Bool(_) => None,
        _ => node.scalar_text(),
    }
}

/// Where something is written: 1-based line and column in the file.
type At = (usize, usize);

impl Ctx<'_> {
    fn err(&mut self, (l, c): At, msg: impl Into<Text>, help: Option<Text>) {
        let mut d = Diagnostic::error(self.rel, l, c, msg).with_source(self.text);
        if let Some(h) = help {
            d = d.with_help(h);
        }
        self.diags.push(d);
    }

    /// Where the key `key` is written (the file's start when it is not there).
    fn key_at(&self, key: &str) -> At {
        self.parsed.entry(key).map(|e| (e.line, e.column)).unwrap_or((1, 1))
    }

    fn err_at_key(&mut self, key: &str, msg: impl Into<Text>, help: Option<Text>) {
        let at = self.key_at(key);
        self.err(at, msg, help);
    }

    /// The text under `key` with where it is written; `None` when absent or empty.
    fn string_at(&mut self, key: &str) -> Option<(String, At)> {
        let node = self.parsed.get(key)?;
        if node.is_null() {
            return None;
        }
        match text_of(node) {
            Some(s) => Some((s.trim().to_string(), (node.line, node.column))).filter(|(s, _)| !s.is_empty()),
            None => {
                self.err_at_key(
                    key,
                    Msg::NotText { key: key.into() },
                    Some(Msg::HelpOneLine { key: key.into() }.into()),
                );
                None
            }
        }
    }

    fn string(&mut self, key: &str) -> Option<String> {
        self.string_at(key).map(|(s, _)| s)
    }

    /// The items of the list `key` (one text is a list of one), each with where it is written.
    fn list(&mut self, key: &str) -> Vec<(String, At)> {
        let Some(node) = self.parsed.get(key) else {
            return Vec::new();
        };
        match &node.value {
            Value::Null => Vec::new(),
            Value::Seq(items) => {
                let mut out = Vec::new();
                for v in items {
                    match text_of(v) {
                        Some(s) => out.push((s.trim().to_string(), (v.line, v.column))),
                        None => self.err((v.line, v.column), Msg::ItemNotText { key: key.into() }, None),
                    }
                }
                out
            }
            _ => match text_of(node) {
                Some(s) => vec![(s.trim().to_string(), (node.line, node.column))],
                None => {
                    self.err_at_key(
                        key,
                        Msg::NotAList { key: key.into() },
                        Some(Msg::HelpWriteList { key: key.into() }.into()),
                    );
                    Vec::new()
                }
            },
        }
    }

    fn resolve(&mut self, kind: Kind, registry: &Registry, name: &str, at: At) -> Option<Ref> {
        if registry.is_empty() {
            return Some(Ref::new(&auto_slug(name), name));
        }
        match registry.get_ref(name) {
            Some(r) => Some(r.clone()),
            None => {
                let kind = Noun::from(kind);
                let help = Msg::help_for_unknown(kind, registry.suggest(name), name);
                let msg = Msg::UnknownName {
                    kind,
                    name: name.to_string(),
                };
                self.err(at, msg, Some(help.into()));
                None
            }
        }
    }

    /// `attachments:`: each a path relative to the record's file, or `{ file, title }`; the file
    /// must be a file under content/ (no absolute path, no `..` out of it, no link leading out),
    /// and no two may share a file name (they are copied under their names beside the page).
    fn attachments(&mut self, root: &Path) -> Vec<Attachment> {
        const KEY: &str = "attachments";
        let Some(node) = self.parsed.get(KEY) else {
            return Vec::new();
        };
        let items: Vec<crate::yaml::Node> = match &node.value {
            Value::Null => return Vec::new(),
            Value::Seq(items) => items.clone(),
            Value::Str(_) | Value::Map(_) => vec![node.clone()],
            _ => {
                self.err_at_key(KEY, Msg::AttachmentsNotAList, Some(Msg::HelpAttachments.into()));
                return Vec::new();
            }
        };
        let content = root.join("content");
        let content_real = std::fs::canonicalize(&content).unwrap_or(content.clone());
        let dir = self.rel.parent().unwrap_or(Path::new("")).to_path_buf();
        let mut out: Vec<Attachment> = Vec::new();
        for item in items {
            let item_at = (item.line, item.column);
            let (file, title, at) = match &item.value {
                Value::Str(f) => (f.trim().to_string(), None, item_at),
                Value::Map(entries) => {
                    if let Some(e) = entries.iter().find(|e| e.key != "file" && e.key != "title") {
                        let k = e.key.clone();
                        self.err(
                            (e.line, e.column),
                            Msg::AttachmentUnknownKey { key: k },
                            Some(Msg::HelpAttachmentKeys.into()),
                        );
                        continue;
                    }
                    let file = item.get("file");
                    let title = item.get("title");
                    match (file.map(|f| (&f.value, f)), title.map(|t| &t.value)) {
                        (Some((Value::Str(f), n)), None | Some(Value::Null)) => {
                            (f.trim().to_string(), None, (n.line, n.column))
                        }
                        (Some((Value::Str(f), n)), Some(Value::Str(t))) => (
                            f.trim().to_string(),
                            Some(t.trim().to_string()).filter(|t| !t.is_empty()),
                            (n.line, n.column),
                        ),
                        _ => {
                            self.err(item_at, Msg::AttachmentFields, Some(Msg::HelpAttachments.into()));
                            continue;
                        }
                    }
                }
                _ => {
                    self.err(item_at, Msg::AttachmentNotAFile, Some(Msg::HelpAttachments.into()));
                    continue;
                }
            };
            if file.is_empty() {
                self.err(at, Msg::AttachmentEmpty, Some(Msg::HelpAttachments.into()));
                continue;
            }
            let path = Path::new(&file);
            let escapes = path.is_absolute()
                || path
                    .components()
                    .any(|c| matches!(c, std::path::Component::Prefix(_) | std::path::Component::RootDir))
                || {
                    // `..` may only go up within the record's folders under content/.
                    let mut depth = dir.components().count() as i64 - 1;
                    path.components().any(|c| {
                        match c {
                            std::path::Component::ParentDir => depth -= 1,
                            std::path::Component::Normal(_) => depth += 1,
                            _ => {}
                        }
                        depth < 0
                    })
                };
            if escapes {
                self.err(
                    at,
                    Msg::AttachmentOutside { file },
                    Some(Msg::HelpAttachmentUnderContent.into()),
                );
                continue;
            }
            let full = root.join(&dir).join(path);
            let meta = std::fs::metadata(&full);
            let real = std::fs::canonicalize(&full);
            match (meta, real) {
                (Ok(m), Ok(real)) if m.is_file() && real.starts_with(&content_real) => {
                    let name = real
                        .file_name()
                        .map(|n| n.to_string_lossy().to_string())
                        .unwrap_or_default();
                    if name.eq_ignore_ascii_case("index.html") {
                        self.err(
                            at,
                            Msg::AttachmentReplacesPage { file },
                            Some(Msg::HelpRenameFile.into()),
                        );
                        continue;
                    }
                    if out.iter().any(|a| a.name.eq_ignore_ascii_case(&name)) {
                        self.err(
                            at,
                            Msg::AttachmentsSameName { name },
                            Some(Msg::HelpRenameAttachment.into()),
                        );
                        continue;
                    }
                    let source = dir.join(path).to_string_lossy().replace('\\', "/");
                    out.push(Attachment {
                        kind: file_kind(&name),
                        title: title.unwrap_or_else(|| name.clone()),
                        source,
                        name,
                        size: m.len(),
                    });
                }
                (Ok(m), Ok(_)) if m.is_file() => self.err(
                    at,
                    Msg::AttachmentLinksOutside { file },
                    Some(Msg::HelpCopyIntoContent.into()),
                ),
                (Ok(_), _) => self.err(
                    at,
                    Msg::AttachmentIsNotAFile { file },
                    Some(Msg::HelpAttachments.into()),
                ),
                (Err(e), _) => self.err(
                    at,
                    Msg::AttachmentUnreadable {
                        file: file.clone(),
                        error: e.to_string(),
                    },
                    Some(
                        Msg::HelpPutAttachment {
                            path: crate::diagnostics::slashed(&dir.join(path)),
                        }
                        .into(),
                    ),
                ),
            }
        }
        out
    }

    /// The date under `key`; `meeting` dates must also lie in the 民國 calendar's years.
    fn date(&mut self, key: &str, meeting: bool) -> Option<NaiveDate> {
        let (raw, at) = self.string_at(key)?;
        let parsed = if meeting {
            parse_meeting_date(&raw)
        } else {
            parse_date(&raw)
        };
        match parsed {
            Ok(d) => Some(d),
            Err(msg) => {
                self.err(at, msg, Some(Msg::HelpDates.into()));
                None
            }
        }
    }
}

/// A slug for a name when no registry is configured: ASCII letters and digits kept (lower-cased),
/// Chinese characters written in Hanyu Pinyin without tones (`數位產業署` → `shu-wei-chan-ye-shu`, as
/// Zola slugs), every other character a separator; at most 60 characters. A name with nothing
/// that can be spelled in ASCII gets a short hash (`x1a2b3c4d`). `check` suggests registering such
/// names, and reports two names that come out the same.
pub fn auto_slug(name: &str) -> String {
    use pinyin::ToPinyin;
    let mut words: Vec<String> = Vec::new();
    let mut ascii = String::new();
    let flush = |ascii: &mut String, words: &mut Vec<String>| {
        if !ascii.is_empty() {
            words.push(std::mem::take(ascii));
        }
    };
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            ascii.push(c.to_ascii_lowercase());
        } else if let Some(p) = c.to_pinyin() {
            flush(&mut ascii, &mut words);
            words.push(p.plain().to_string());
        } else {
            flush(&mut ascii, &mut words);
        }
    }
    flush(&mut ascii, &mut words);
    let mut slug = String::new();
    for w in words {
        if slug.len() + w.len() + 1 > 60 && !slug.is_empty() {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&w);
    }
    if !slug.is_empty() {
        return slug;
    }
    use sha2::Digest;
    let h = sha2::Sha256::digest(name.as_bytes());
    format!("x{}", h.iter().take(4).map(|b| format!("{b:02x}")).collect::<String>())
}

/// Validate the front-matter of `rel` (its full text is `text`). `stem` is the file name without
/// extension, used for the default slug.
pub fn validate(rel: &Path, text: &str, parsed: &Parsed<'_>, site: &Site) -> Result<Meta, Vec<Diagnostic>> {
    let mut cx = Ctx {
        rel,
        text,
        parsed,
        diags: Vec::new(),
    };

    for p in &parsed.problems {
        cx.err((p.line, p.column), p.message.clone(), p.help.clone().map(Text::from));
    }
    for e in parsed.root.entries() {
        if !KEYS.contains(&e.key.as_str()) {
            let help = match closest(&e.key, KEYS.iter().copied()) {
                Some(s) => Msg::HelpDidYouMean { name: s.to_string() },
                None => Msg::HelpAllowedKeys { keys: KEYS.join(", ") },
            };
            cx.err(
                (e.line, e.column),
                Msg::UnknownKey { key: e.key.clone() },
                Some(help.into()),
            );
        }
    }

    let missing = |cx: &mut Ctx, key: &str, example: &str| {
        cx.diags.push(
            Diagnostic::error(rel, 1, 1, Msg::MissingKey { key: key.into() })
                .with_source(text)
                .with_help(Msg::HelpAddKey {
                    key: key.into(),
                    example: example.into(),
                }),
        );
    };

    let title = cx.string("title");
    if title.is_none() && parsed.get("title").is_none() {
        missing(&mut cx, "title", "第4次主管會議紀錄");
    } else if title.is_none() {
        cx.err_at_key("title", Msg::EmptyKey { key: "title".into() }, None);
    }

    let date = if parsed.get("date").is_some() {
        let d = cx.date("date", true);
        if d.is_none() && cx.string("date").is_none() {
            cx.err_at_key("date", Msg::EmptyKey { key: "date".into() }, None);
        }
        d
    } else {
        missing(&mut cx, "date", "2024-09-11");
        None
    };

    let series = match cx.string_at("series") {
        Some((name, at)) => cx.resolve(Kind::Series, &site.series, &name, at),
        None => {
            if parsed.get("series").is_some() {
                cx.err_at_key("series", Msg::EmptyKey { key: "series".into() }, None);
            } else {
                let example = site
                    .series
                    .entries
                    .first()
                    .map(|e| e.name.clone())
                    .unwrap_or_else(|| "主管會議".into());
                missing(&mut cx, "series", &example);
            }
            None
        }
    };

    let number = match parsed.get("number").map(|n| &n.value) {
        None | Some(Value::Null) => None,
        Some(Value::UInt(n)) if *n <= u32::MAX as u64 => Some(*n as u32),
        Some(_) => {
            cx.err_at_key("number", Msg::NotANumber { key: "number".into() }, None);
            None
        }
    };

    let time = cx.string_at("time");
    if let Some((t, at)) = &time {
        if !valid_time(t) {
            let (t, at) = (t.clone(), *at);
            cx.err(at, Msg::NotATime { time: t }, Some(Msg::HelpTime.into()));
        }
    }

    let mut units = Vec::new();
    for (name, at) in cx.list("units") {
        if let Some(r) = cx.resolve(Kind::Unit, &site.units, &name, at) {
            if !units.contains(&r) {
                units.push(r);
            }
        }
    }
    let mut topics = Vec::new();
    for (name, at) in cx.list("topics") {
        if let Some(r) = cx.resolve(Kind::Topic, &site.topics, &name, at) {
            if !topics.contains(&r) {
                topics.push(r);
            }
        }
    }

    let draft = match parsed.get("draft").map(|n| &n.value) {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            cx.err_at_key("draft", Msg::NotABool { key: "draft".into() }, None);
            false
        }
    };
    let publish_date = if parsed.get("publish_date").is_some() {
        cx.date("publish_date", false)
    } else {
        None
    };

    let slug = match cx.string_at("slug") {
        Some((s, at)) => {
            if !is_valid_slug(&s) {
                let msg = if s.contains('/') || s.contains('\\') || s.contains("..") {
                    Msg::SlugEscapes { slug: s.clone() }
                } else {
                    Msg::SlugNotAscii { slug: s.clone() }
                };
                cx.err(at, msg, Some(Msg::HelpSlug.into()));
            } else if [".html", ".htm"].iter().any(|x| s.to_ascii_lowercase().ends_with(x)) {
                cx.err(
                    at,
                    Msg::SlugLikePage { slug: s.clone() },
                    Some(Msg::HelpSlugNoExtension.into()),
                );
            }
            s
        }
        None => default_slug(rel, series.as_ref(), number, date),
    };

    let mut names = |key: &str| -> Vec<String> { cx.list(key).into_iter().map(|(a, _)| a).collect() };
    let attendees = names("attendees");
    let observers = names("observers");
    let on_leave = names("on_leave");
    let absent = names("absent");
    let location = cx.string("location");
    let chair = cx.string("chair");
    let recorder = cx.string("recorder");
    let summary = cx.string("summary");
    let extra = parsed
        .get("extra")
        .map(|n| n.to_json())
        .unwrap_or(serde_json::Value::Null);
    let (followups, followup_updates) = crate::followups::input::read(rel, text, parsed, site, &mut cx.diags);
    let attachments = cx.attachments(&site.root);

    if !cx.diags.is_empty() {
        return Err(cx.diags);
    }
    Ok(Meta {
        title: title.unwrap_or_default(),
        series: series.expect("checked"),
        number,
        date: date.expect("checked"),
        time: time.map(|(t, _)| t),
        location,
        chair,
        recorder,
        attendees,
        observers,
        on_leave,
        absent,
        units,
        topics,
        draft,
        publish_date,
        slug,
        summary,
        extra,
        followups,
        followup_updates,
        attachments,
    })
}

fn valid_time(t: &str) -> bool {
    let one = |s: &str| {
        let mut it = s.trim().split(':');
        let (Some(h), Some(m), None) = (it.next(), it.next(), it.next()) else {
            return false;
        };
        matches!((h.parse::<u32>(), m.parse::<u32>()), (Ok(h), Ok(m)) if h < 24 && m < 60 && m.to_string().len() <= 2)
    };
    let parts: Vec<&str> = t.split(['-', '–', '~']).collect();
    !parts.is_empty() && parts.len() <= 2 && parts.iter().all(|p| one(p))
}

/// `<series-slug>-<number>`; else the file name if it is a plain slug; else `<series>-<mmdd>`.
fn default_slug(rel: &Path, series: Option<&Ref>, number: Option<u32>, date: Option<NaiveDate>) -> String {
    let series_slug = series.map(|s| s.slug.as_ref()).unwrap_or("minutes");
    if let Some(n) = number {
        return format!("{series_slug}-{n}");
    }
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    if is_valid_slug(&stem) {
        return stem.to_ascii_lowercase();
    }
    match date {
        Some(d) => format!("{series_slug}-{}", d.format("%m%d")),
        None => series_slug.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::frontmatter::parse;

    fn site() -> Site {
        Site::from_str(
            Path::new("."),
            "title: t\nbase_url: https://x/\nunits:\n  - { name: 數位產業署, slug: adi, aliases: [數產署] }\nseries:\n  - { name: 主管會議, slug: executive }\ntopics:\n  - { name: 人工智慧, slug: ai, aliases: [AI] }\n",
        )
        .unwrap()
    }

    fn check(text: &str) -> Result<Meta, Vec<Diagnostic>> {
        let p = parse(text).unwrap();
        validate(Path::new("content/a.md"), text, &p, &site())
    }

    #[test]
    fn valid_record() {
        let m = check("---\ntitle: 第4次主管會議紀錄\nseries: 主管會議\nnumber: 4\ndate: 113/09/11\nunits: [數產署]\ntopics: [AI]\n---\n").unwrap();
        assert_eq!(m.slug, "executive-4");
        assert_eq!(&*m.units[0].slug, "adi");
        assert_eq!(&*m.units[0].name, "數位產業署");
        assert_eq!(m.date.to_string(), "2024-09-11");
    }

    #[test]
    fn all_problems_reported_together_with_positions() {
        let t = "---\ntitel: x\nseries: 主管会議\ndate: 2024-02-30\nunits: [數位產業]\n---\n";
        let errs = check(t).unwrap_err();
        let msgs: Vec<String> = errs
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
            .collect();
        assert!(
            msgs.iter().any(|m| m.starts_with("2:1 unknown key `titel`")),
            "{msgs:?}"
        );
        assert!(msgs.iter().any(|m| m.contains("no `title`")), "{msgs:?}");
        assert!(
            msgs.iter().any(|m| m.starts_with("3:9 unknown series `主管会議`")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.starts_with("4:7 `2024-02-30` is not a date")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.starts_with("5:9 unknown unit `數位產業`")),
            "{msgs:?}"
        );
        let unit = errs.iter().find(|d| d.message.en().contains("unknown unit")).unwrap();
        assert!(unit.help.as_ref().unwrap().en().contains("數位產業署"), "{unit:?}");
    }

    #[test]
    fn slug_outside_output_is_rejected() {
        let errs = check("---\ntitle: a\nseries: 主管會議\ndate: 2024-01-01\nslug: ../../etc\n---\n").unwrap_err();
        assert!(errs[0].message.en().contains("outside the output folder"), "{errs:?}");
    }

    #[test]
    fn auto_slugs_are_ascii() {
        assert_eq!(auto_slug("Weekly Sync"), "weekly-sync");
        assert_eq!(auto_slug("主管會議"), "zhu-guan-hui-yi");
        assert_eq!(auto_slug("數位產業署"), "shu-wei-chan-ye-shu");
        assert_eq!(auto_slug("第3次 ADI會報"), "di-3-ci-adi-hui-bao");
        assert_eq!(auto_slug("（）"), auto_slug("（）"));
        assert!(auto_slug("（）").starts_with('x'));
        assert!(auto_slug(&"國".repeat(40)).len() <= 60);
    }
}
