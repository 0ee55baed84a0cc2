//! The front-matter of one record, validated into [`Meta`]: required fields present, dates real,
//! units, topics and series resolved through the registries, keys known. Every problem is a
//! diagnostic at its key's line, and all of them are returned together.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::Value;

use super::frontmatter::{locate_in, KeySpan, Parsed};
use crate::config::{is_valid_slug, Kind, Registry, Site};
use crate::diagnostics::{closest, Diagnostic};
use crate::messages::{Msg, Noun};
use crate::minutes::calendar::{parse_date, parse_meeting_date};

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
];

/// A resolved registry reference: the slug and the display name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Ref {
    pub slug: String,
    pub name: String,
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
    pub extra: Value,
    /// Directives this meeting gave (`followups:`), see [`crate::followups`].
    pub followups: Vec<crate::followups::Given>,
    /// Updates of directives at this meeting (`followup_updates:` and tracking tables).
    pub followup_updates: Vec<crate::followups::Row>,
}

struct Ctx<'a> {
    rel: &'a Path,
    text: &'a str,
    parsed: &'a Parsed<'a>,
    diags: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn err_at_key(&mut self, key: &str, msg: Msg, help: Option<Msg>) {
        let (l, c) = self.parsed.key(key).map(|k| (k.line, k.column)).unwrap_or((1, 1));
        let mut d = Diagnostic::error(self.rel, l, c, msg).with_source(self.text);
        if let Some(h) = help {
            d = d.with_help(h);
        }
        self.diags.push(d);
    }

    fn err_at_value(&mut self, key: &str, needle: &str, msg: Msg, help: Option<Msg>) {
        let (l, c) = match self.parsed.key(key) {
            Some(span) => locate_in(self.text, span, needle),
            None => (1, 1),
        };
        let mut d = Diagnostic::error(self.rel, l, c, msg).with_source(self.text);
        if let Some(h) = help {
            d = d.with_help(h);
        }
        self.diags.push(d);
    }

    fn string(&mut self, key: &str) -> Option<String> {
        match self.parsed.fields.get(key)? {
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            Value::Null => None,
            _ => {
                self.err_at_key(
                    key,
                    Msg::NotText { key: key.into() },
                    Some(Msg::HelpOneLine { key: key.into() }),
                );
                None
            }
        }
    }

    fn list(&mut self, key: &str) -> Vec<String> {
        match self.parsed.fields.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => vec![s.trim().to_string()],
            Some(Value::Array(items)) => {
                let mut out = Vec::new();
                for v in items {
                    match v {
                        Value::String(s) => out.push(s.trim().to_string()),
                        Value::Number(n) => out.push(n.to_string()),
                        _ => self.err_at_key(key, Msg::ItemNotText { key: key.into() }, None),
                    }
                }
                out
            }
            Some(_) => {
                self.err_at_key(
                    key,
                    Msg::NotAList { key: key.into() },
                    Some(Msg::HelpWriteList { key: key.into() }),
                );
                Vec::new()
            }
        }
    }

    fn resolve(&mut self, key: &str, kind: Kind, registry: &Registry, name: &str) -> Option<Ref> {
        if registry.is_empty() {
            return Some(Ref {
                slug: auto_slug(name),
                name: name.to_string(),
            });
        }
        match registry.get(name) {
            Some(e) => Some(Ref {
                slug: e.slug.clone(),
                name: e.name.clone(),
            }),
            None => {
                let kind = Noun::from(kind);
                let help = match registry.suggest(name) {
                    Some(s) => Msg::HelpRegisteredNames {
                        kind,
                        name: s.to_string(),
                    },
                    None => Msg::HelpRegisterName {
                        kind,
                        name: name.to_string(),
                    },
                };
                let msg = Msg::UnknownName {
                    kind,
                    name: name.to_string(),
                };
                self.err_at_value(key, name, msg, Some(help));
                None
            }
        }
    }

    /// The date under `key`; `meeting` dates must also lie in the 民國 calendar's years.
    fn date(&mut self, key: &str, meeting: bool) -> Option<NaiveDate> {
        let raw = self.string(key)?;
        let parsed = if meeting {
            parse_meeting_date(&raw)
        } else {
            parse_date(&raw)
        };
        match parsed {
            Ok(d) => Some(d),
            Err(msg) => {
                self.err_at_value(key, &raw, msg, Some(Msg::HelpDates));
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

    let unknown: Vec<KeySpan> = parsed
        .keys
        .iter()
        .filter(|k| !KEYS.contains(&k.key.as_str()))
        .cloned()
        .collect();
    for k in unknown {
        let help = match closest(&k.key, KEYS.iter().copied()) {
            Some(s) => Msg::HelpDidYouMean { name: s.to_string() },
            None => Msg::HelpAllowedKeys { keys: KEYS.join(", ") },
        };
        cx.err_at_key(&k.key, Msg::UnknownKey { key: k.key.clone() }, Some(help));
    }
    // Keys found by serde but not by the line scanner (e.g. indented oddly) are caught here too.
    for key in parsed.fields.keys() {
        if !KEYS.contains(&key.as_str()) && parsed.key(key).is_none() {
            cx.diags
                .push(Diagnostic::error(rel, 2, 1, Msg::UnknownKey { key: key.clone() }).with_source(text));
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
    if title.is_none() && !parsed.fields.contains_key("title") {
        missing(&mut cx, "title", "第4次主管會議紀錄");
    } else if title.is_none() {
        cx.err_at_key("title", Msg::EmptyKey { key: "title".into() }, None);
    }

    let date = if parsed.fields.contains_key("date") {
        let d = cx.date("date", true);
        if d.is_none() && cx.string("date").is_none() {
            cx.err_at_key("date", Msg::EmptyKey { key: "date".into() }, None);
        }
        d
    } else {
        missing(&mut cx, "date", "2024-09-11");
        None
    };

    let series = match cx.string("series") {
        Some(name) => cx.resolve("series", Kind::Series, &site.series, &name),
        None => {
            if parsed.fields.contains_key("series") {
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

    let number = match parsed.fields.get("number") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v <= u32::MAX as u64) => n.as_u64().map(|v| v as u32),
        Some(_) => {
            cx.err_at_key("number", Msg::NotANumber { key: "number".into() }, None);
            None
        }
    };

    let time = cx.string("time");
    if let Some(t) = &time {
        if !valid_time(t) {
            let t = t.clone();
            cx.err_at_value("time", &t, Msg::NotATime { time: t.clone() }, Some(Msg::HelpTime));
        }
    }

    let mut units = Vec::new();
    for name in cx.list("units") {
        if let Some(r) = cx.resolve("units", Kind::Unit, &site.units, &name) {
            if !units.contains(&r) {
                units.push(r);
            }
        }
    }
    let mut topics = Vec::new();
    for name in cx.list("topics") {
        if let Some(r) = cx.resolve("topics", Kind::Topic, &site.topics, &name) {
            if !topics.contains(&r) {
                topics.push(r);
            }
        }
    }

    let draft = match parsed.fields.get("draft") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            cx.err_at_key("draft", Msg::NotABool { key: "draft".into() }, None);
            false
        }
    };
    let publish_date = if parsed.fields.contains_key("publish_date") {
        cx.date("publish_date", false)
    } else {
        None
    };

    let slug = match cx.string("slug") {
        Some(s) => {
            if !is_valid_slug(&s) {
                let msg = if s.contains('/') || s.contains('\\') || s.contains("..") {
                    Msg::SlugEscapes { slug: s.clone() }
                } else {
                    Msg::SlugNotAscii { slug: s.clone() }
                };
                cx.err_at_value("slug", &s, msg, Some(Msg::HelpSlug));
            } else if [".html", ".htm"].iter().any(|x| s.to_ascii_lowercase().ends_with(x)) {
                cx.err_at_value(
                    "slug",
                    &s,
                    Msg::SlugLikePage { slug: s.clone() },
                    Some(Msg::HelpSlugNoExtension),
                );
            }
            s
        }
        None => default_slug(rel, series.as_ref(), number, date),
    };

    let attendees = cx.list("attendees");
    let observers = cx.list("observers");
    let on_leave = cx.list("on_leave");
    let absent = cx.list("absent");
    let location = cx.string("location");
    let chair = cx.string("chair");
    let recorder = cx.string("recorder");
    let summary = cx.string("summary");
    let extra = parsed.fields.get("extra").cloned().unwrap_or(Value::Null);
    let (followups, followup_updates) = crate::followups::input::read(rel, text, parsed, site, &mut cx.diags);

    if !cx.diags.is_empty() {
        return Err(cx.diags);
    }
    Ok(Meta {
        title: title.unwrap_or_default(),
        series: series.expect("checked"),
        number,
        date: date.expect("checked"),
        time,
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
    let series_slug = series.map(|s| s.slug.as_str()).unwrap_or("minutes");
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
        assert_eq!(m.units[0].slug, "adi");
        assert_eq!(m.units[0].name, "數位產業署");
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
