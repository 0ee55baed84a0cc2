//! `minutebook check`: everything a build validates, plus findings a build does not fail on —
//! broken internal links (to records, anchors and listing pages, resolved against the built page
//! set), records that name a registered topic often without being tagged with it, and titles whose
//! 民國 year disagrees with the date.

use std::collections::{BTreeMap, BTreeSet};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::build::{self, BuildOptions, Report};
use crate::content;
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::messages::{Msg, Noun};
use crate::minutes::calendar;
use crate::model::{Archive, Record};
use crate::output::Output;

/// How many times a record must name a topic before an untagged topic is suggested.
pub const TOPIC_MENTIONS: usize = 3;

/// The outcome of `check`: the build report and every finding, sorted.
pub struct Checked {
    pub report: Report,
    pub findings: Vec<Diagnostic>,
}

impl Checked {
    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|d| d.severity == s).count()
    }

    /// "checked 3 records (2 built; 1 draft and 0 scheduled left out): 0 errors, 1 warning, 0
    /// suggestions", in `lang`. Drafts and scheduled records count as built when `--drafts` /
    /// `--future` include them.
    pub fn summary(&self, lang: crate::messages::Lang) -> String {
        let r = &self.report;
        crate::messages::Msg::CheckSummary {
            records: r.records + r.drafts + r.scheduled,
            built: r.records,
            drafts: r.drafts,
            scheduled: r.scheduled,
            errors: self.count(Severity::Error),
            warnings: self.count(Severity::Warning),
            suggestions: self.count(Severity::Suggestion),
        }
        .render(lang)
    }
}

/// Build in memory and add check's own findings. `Err` holds the build's errors.
pub fn check(opts: &BuildOptions) -> Result<Checked, Vec<Diagnostic>> {
    let started = std::time::Instant::now();
    // The build's own pipeline, into memory.
    let mut inputs = crate::site::Inputs::load(opts);
    let loaded = inputs.take_archive()?;
    let renderer = inputs.renderer().expect("no errors, so the theme loaded");
    let sink = crate::output::Sink::memory();
    let pages = crate::site::render_all(&loaded.archive, renderer, None, None, &sink, &mut Vec::new())?;
    let output = sink.into_output();
    let at = std::time::Instant::now();
    let mut findings = loaded.warnings.clone();
    findings.extend(extra_findings(&loaded.archive, &output));
    findings.extend(crate::followups::check_report(&loaded.archive));
    diagnostics::sort(&mut findings);
    let report = Report {
        records: loaded.archive.records.len(),
        drafts: loaded.drafts,
        scheduled: loaded.scheduled,
        pages,
        reused: 0,
        cached_records: 0,
        files: output.len(),
        bytes: output.total_bytes(),
        steps: vec![
            build::Step {
                name: "build",
                millis: (at - started).as_secs_f64() * 1000.0,
            },
            build::Step {
                name: "check",
                millis: at.elapsed().as_secs_f64() * 1000.0,
            },
        ],
        wall_millis: started.elapsed().as_secs_f64() * 1000.0,
        work: Vec::new(),
        warnings: Vec::new(),
    };
    Ok(Checked { report, findings })
}

/// Findings over the published archive and its built pages.
pub fn extra_findings(archive: &Archive, output: &Output) -> Vec<Diagnostic> {
    let anchors: BTreeMap<&str, Anchors> = archive
        .records
        .iter()
        .map(|r| {
            let ids = r.headings.iter().map(|h| h.id.as_str()).collect();
            // The anchor a heading would have without an id of its own (`{#wallet}`).
            let natural = r
                .headings
                .iter()
                .map(|h| {
                    let n = crate::minutes::agenda_label(&h.text).unwrap_or_else(|| crate::markdown::slugify(&h.text));
                    (n, h.id.as_str())
                })
                .filter(|(n, id)| n != id)
                .collect();
            (r.url.as_str(), Anchors { ids, natural })
        })
        .collect();
    let topics = TopicScanner::new(archive);
    let mut out = unregistered(archive);
    for r in &archive.records {
        let text = content::read_utf8(&archive.site.root, &r.rel).unwrap_or_default();
        out.extend(broken_links(archive, output, &anchors, r, &text));
        out.extend(topics.untagged(r, &text));
        out.extend(title_year(r, &text));
        out.extend(undecided_items(r, &text));
        out.extend(heading_attributes(r, &text));
        out.extend(control_characters(r, &text));
    }
    out
}

/// For each registry the site leaves empty (series, units, topics) that its records still use: one
/// suggestion with the `minutebook.yaml` entries to add (the names with the slugs they get now),
/// and a warning for two names that get the same address.
fn unregistered(archive: &Archive) -> Vec<Diagnostic> {
    use crate::content::record::Ref;
    let site = &archive.site;
    type Refs = fn(&Record) -> Vec<&Ref>;
    let kinds: [(Noun, &crate::config::Registry, Refs); 3] = [
        (Noun::Series, &site.series, |r| vec![&r.meta.series]),
        (Noun::Unit, &site.units, |r| r.meta.units.iter().collect()),
        (Noun::Topic, &site.topics, |r| r.meta.topics.iter().collect()),
    ];
    let config = std::path::Path::new(crate::config::CONFIG_FILE);
    let mut out = Vec::new();
    for (kind, registry, refs) in kinds {
        if !registry.is_empty() {
            continue;
        }
        let mut names: BTreeMap<&str, &str> = BTreeMap::new();
        for r in &archive.records {
            for x in refs(r) {
                names.insert(&x.name, &x.slug);
            }
        }
        if names.is_empty() {
            continue;
        }
        out.push(
            Diagnostic::suggestion(
                config,
                0,
                0,
                Msg::Unregistered {
                    kind,
                    count: names.len(),
                },
            )
            .with_help(Msg::HelpRegisterEntries {
                kind,
                entries: names.iter().map(|(n, s)| (n.to_string(), s.to_string())).collect(),
            }),
        );
        let mut by_slug: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (name, slug) in &names {
            by_slug.entry(slug).or_default().push(name);
        }
        for (slug, same) in by_slug.into_iter().filter(|(_, v)| v.len() > 1) {
            out.push(
                Diagnostic::warning(
                    config,
                    0,
                    0,
                    Msg::SharePinyinPage {
                        kind,
                        names: same.iter().map(|n| n.to_string()).collect(),
                        slug: slug.to_string(),
                    },
                )
                .with_help(Msg::HelpRegisterEach { kind }),
            );
        }
    }
    out
}

/// Agenda items the model found no decision for: a suggestion at the item, since the record may
/// write its decision under a label the model does not know (or the item had none).
fn undecided_items(r: &Record, text: &str) -> Vec<Diagnostic> {
    r.structure
        .agenda
        .iter()
        .filter(|it| it.decision.is_empty())
        .map(|it| {
            if let Some((label, line)) = &it.unknown_label {
                return Diagnostic::suggestion(
                    &r.rel,
                    *line,
                    1,
                    Msg::NoDecisionUnknownLabel {
                        item: it.label.clone(),
                        label: label.clone(),
                    },
                )
                .with_source(text)
                .with_help(Msg::HelpDecisionAfterLabel {
                    label: label.clone(),
                    labels: crate::minutes::DECISION_LABELS.join("、"),
                });
            }
            Diagnostic::suggestion(&r.rel, it.line, 1, Msg::NoDecision { item: it.label.clone() })
                .with_source(text)
                .with_help(Msg::HelpDecisionLabels {
                    labels: crate::minutes::DECISION_LABELS.join("、"),
                })
        })
        .collect()
}

fn is_external(dest: &str) -> bool {
    let d = dest.trim();
    if d.starts_with("//") {
        return true;
    }
    // A scheme: letters, digits, + - . before the first ':' (and before any / ? #).
    match d.find(':') {
        Some(i) => {
            let scheme = &d[..i];
            !scheme.is_empty()
                && scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// Decode `%XX` escapes; invalid escapes are kept as written.
pub fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok();
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// Resolve `path` (no fragment, no query) against the page at site-relative `base_url` (a folder
/// URL such as `minutes/2024/executive-4/`). Returns a site-relative path, or `None` if it climbs
/// above the site root.
fn resolve(root_path: &str, base_url: &str, path: &str) -> Option<String> {
    let joined = if let Some(abs) = path.strip_prefix('/') {
        let root = root_path.trim_start_matches('/');
        abs.strip_prefix(root).unwrap_or(abs).to_string()
    } else {
        let dir = match base_url.rfind('/') {
            Some(i) => &base_url[..=i],
            None => "",
        };
        format!("{dir}{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut s = parts.join("/");
    if (joined.ends_with('/') || joined.is_empty() || joined.ends_with("/.") || joined.ends_with("/.."))
        && !s.is_empty()
    {
        s.push('/');
    }
    Some(s)
}

/// The output file a site-relative path is served from, if the site has one.
fn page_for(output: &Output, path: &str) -> Option<String> {
    if path.is_empty() || path.ends_with('/') {
        let k = format!("{path}index.html");
        return output.contains(&k).then_some(k);
    }
    if output.contains(path) {
        return Some(path.to_string());
    }
    let k = format!("{path}/index.html");
    output.contains(&k).then_some(k)
}

/// The anchors of a record page: the headings' ids, and for headings given an id of their own,
/// the anchor each would have had (its agenda label or the slug of its text) with the id it has.
struct Anchors<'a> {
    ids: BTreeSet<&'a str>,
    natural: Vec<(String, &'a str)>,
}

fn broken_links(
    archive: &Archive,
    output: &Output,
    anchors: &BTreeMap<&str, Anchors>,
    r: &Record,
    text: &str,
) -> Vec<Diagnostic> {
    let root_path = archive.site.root_path();
    let mut out = Vec::new();
    for link in &r.links {
        let dest = link.dest.trim();
        if dest.is_empty() || is_external(dest) {
            continue;
        }
        let (before_frag, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        let path = before_frag.split('?').next().unwrap_or("");
        let path = String::from_utf8_lossy(&percent_decode(path)).into_owned();
        let err = |msg: Msg, help: Msg| {
            Diagnostic::error(&r.rel, link.line, link.column, msg)
                .with_source(text)
                .with_help(help)
        };
        let target_url = if path.is_empty() {
            Some(r.url.clone())
        } else {
            match resolve(&root_path, &r.url, &path) {
                None => {
                    out.push(err(Msg::LinkAboveRoot { dest: dest.into() }, Msg::HelpLinkInSite));
                    continue;
                }
                Some(u) => match page_for(output, &u) {
                    Some(file) => Some(file.strip_suffix("index.html").map(str::to_string).unwrap_or(u)),
                    None => {
                        let help = if path.ends_with(".md") {
                            Msg::HelpLinkNotMarkdown
                        } else {
                            let near = crate::diagnostics::closest(&u, archive.records.iter().map(|x| x.url.as_str()));
                            match near {
                                Some(n) => Msg::HelpNoPageNear {
                                    url: u.clone(),
                                    near: n.to_string(),
                                },
                                None => Msg::HelpNoPage { url: u.clone() },
                            }
                        };
                        out.push(err(Msg::BrokenLink { dest: dest.into() }, help));
                        continue;
                    }
                },
            }
        };
        let (Some(url), Some(frag)) = (target_url, fragment) else {
            continue;
        };
        if frag.is_empty() {
            continue;
        }
        let frag = String::from_utf8_lossy(&percent_decode(frag)).into_owned();
        // Only record pages have anchors minutebook knows; listing pages are not checked.
        if let Some(a) = anchors.get(url.as_str()) {
            if !a.ids.contains(frag.as_str()) {
                let renamed = a.natural.iter().find(|(n, _)| *n == frag).map(|(_, id)| *id);
                let help = match renamed.or_else(|| crate::diagnostics::closest(&frag, a.ids.iter().copied())) {
                    Some(s) => Msg::HelpDidYouMeanAnchor { anchor: s.to_string() },
                    None => Msg::HelpNoAnchor,
                };
                out.push(err(
                    Msg::NoSuchAnchor {
                        dest: dest.into(),
                        url: url.clone(),
                        anchor: frag.clone(),
                    },
                    help,
                ));
            }
        }
    }
    out
}

/// Counts topic names and aliases in a record's text. Unit names are in the same automaton so that
/// `資安` inside `資安院` is not counted as the topic 資通安全.
struct TopicScanner {
    ac: Option<AhoCorasick>,
    /// Per pattern: the topic slug, or `None` for a unit name.
    owners: Vec<Option<String>>,
    patterns: Vec<String>,
}

impl TopicScanner {
    fn new(archive: &Archive) -> TopicScanner {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        let site = &archive.site;
        for e in &site.topics.entries {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                if !n.trim().is_empty() {
                    patterns.push(n.clone());
                    owners.push(Some(e.slug.clone()));
                }
            }
        }
        if !patterns.is_empty() {
            for e in &site.units.entries {
                for n in std::iter::once(&e.name).chain(&e.aliases) {
                    if !n.trim().is_empty() {
                        patterns.push(n.clone());
                        owners.push(None);
                    }
                }
            }
        }
        let ac = if patterns.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .ok()
        };
        TopicScanner { ac, owners, patterns }
    }

    fn untagged(&self, r: &Record, text: &str) -> Vec<Diagnostic> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        // (count, first line, first column) per topic slug, over the body only.
        let body_start = text
            .char_indices()
            .filter(|&(_, c)| c == '\n')
            .nth(r.body_line.saturating_sub(2))
            .map(|(i, _)| i + 1)
            .unwrap_or(0);
        let body_start = if r.body_line <= 1 { 0 } else { body_start };
        let body = &text[body_start.min(text.len())..];
        let mut seen: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for m in ac.find_iter(body) {
            let Some(slug) = &self.owners[m.pattern().as_usize()] else {
                continue;
            };
            // ASCII names (AI) count only as whole words.
            let pat = &self.patterns[m.pattern().as_usize()];
            if pat.is_ascii() {
                let before = body[..m.start()].chars().next_back();
                let after = body[m.end()..].chars().next();
                if before.is_some_and(|c| c.is_ascii_alphanumeric()) || after.is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    continue;
                }
            }
            let e = seen.entry(slug.as_str()).or_insert((0, body_start + m.start()));
            e.0 += 1;
        }
        let site = &r.meta.topics;
        let mut out = Vec::new();
        for (slug, (count, at)) in seen {
            if count < TOPIC_MENTIONS || site.iter().any(|t| *t.slug == *slug) {
                continue;
            }
            let name = self
                .owners
                .iter()
                .zip(&self.patterns)
                .find(|(o, _)| o.as_deref() == Some(slug))
                .map(|(_, p)| p.clone())
                .unwrap_or_else(|| slug.to_string());
            let (line, col) = diagnostics::line_col(text, at);
            out.push(
                Diagnostic::suggestion(
                    &r.rel,
                    line,
                    col,
                    Msg::UntaggedTopic {
                        name: name.clone(),
                        count,
                    },
                )
                .with_source(text)
                .with_help(Msg::HelpTagTopic { name }),
            );
        }
        out
    }
}

/// A title whose 民國 year disagrees with the date (`112年…` on a 2024 meeting).
/// Heading attributes other than an id, which the page does not carry.
fn heading_attributes(r: &Record, text: &str) -> Vec<Diagnostic> {
    let body_start = text
        .split_inclusive('\n')
        .take(r.body_line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let body = text.get(body_start..).unwrap_or("");
    crate::markdown::dropped_heading_attributes(body, r.body_line)
        .into_iter()
        .map(|d| {
            Diagnostic::warning(
                &r.rel,
                d.line,
                d.column,
                Msg::HeadingAttributes {
                    attributes: d.dropped.join(" "),
                },
            )
            .with_source(text)
            .with_help(Msg::HelpOnlyId)
        })
        .collect()
}

/// One warning per line holding control characters (NUL, C1…), which are published as �.
fn control_characters(r: &Record, text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let found: Vec<(usize, char)> = line
            .chars()
            .enumerate()
            .filter(|(_, c)| content::is_unpublishable_control(*c))
            .collect();
        let Some(&(col, _)) = found.first() else {
            continue;
        };
        let codes: Vec<String> = found.iter().map(|(_, c)| format!("U+{:04X}", *c as u32)).collect();
        out.push(
            Diagnostic::warning(&r.rel, i + 1, col + 1, Msg::ControlCharacters { codes })
                .with_source(text)
                .with_help(Msg::HelpDeleteControls),
        );
    }
    out
}

fn title_year(r: &Record, text: &str) -> Option<Diagnostic> {
    let stated = calendar::roc_year_in_title(&r.meta.title)?;
    let actual = calendar::roc_year(r.meta.date);
    if stated == actual {
        return None;
    }
    let (line, col) = text
        .lines()
        .enumerate()
        .take_while(|(i, _)| *i + 1 < r.body_line.max(2))
        .find(|(_, l)| l.starts_with("title:"))
        .map(|(i, l)| {
            let c = l
                .find(&format!("{stated}年"))
                .map(|b| l[..b].chars().count() + 1)
                .unwrap_or(1);
            (i + 1, c)
        })
        .unwrap_or((1, 1));
    Some(
        Diagnostic::warning(
            &r.rel,
            line,
            col,
            Msg::TitleYear {
                stated,
                date: r.meta.date.to_string(),
                actual,
            },
        )
        .with_source(text)
        .with_help(Msg::HelpTitleYear {
            stated,
            year: stated + calendar::ROC_OFFSET,
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_and_root_links() {
        let base = "minutes/2024/executive-4/";
        assert_eq!(
            resolve("/", base, "../executive-3/").as_deref(),
            Some("minutes/2024/executive-3/")
        );
        assert_eq!(resolve("/", base, "/units/adi/").as_deref(), Some("units/adi/"));
        assert_eq!(resolve("/a/", base, "/a/units/adi/").as_deref(), Some("units/adi/"));
        assert_eq!(resolve("/", base, "../../../../x"), None);
        assert_eq!(resolve("/", base, "../../2023/").as_deref(), Some("minutes/2023/"));
    }

    #[test]
    fn externals_and_decoding() {
        assert!(is_external("https://x.tw/"));
        assert!(is_external("mailto:a@b"));
        assert!(!is_external("/minutes/2024/"));
        assert!(!is_external("#案由二"));
        assert_eq!(percent_decode("%E6%A1%88a%2"), "案a%2".as_bytes());
    }
}
