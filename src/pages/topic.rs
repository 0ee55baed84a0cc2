//! A topic's pages (`topics/<slug>/`): its records, newest first, each with the agenda items or
//! sections that concern the topic — those whose heading or text names it, by its name or an
//! alias — and a snippet around the first mention; page 1 has a chart of records and passages per
//! year. With the topic's feed.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::Datelike;
use serde::Serialize;

use super::unit::Chart;
use super::{Batch, Job, Pages};
use crate::config::RegistryEntry;
use crate::diagnostics::Diagnostic;
use crate::listing::{page_url, paginate, RecordIx};
use crate::model::Record;

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    p.listings
        .topics
        .iter()
        .map(|(slug, ixs)| -> Batch<'a> { Box::new(move || jobs(p, slug, ixs)) })
        .collect()
}

/// At most this many passages per record; the rest are counted.
const PASSAGES: usize = 5;
/// Characters of context either side of the mention in a snippet.
const BEFORE: usize = 24;
const AFTER: usize = 60;

/// A part of a record that names the topic.
#[derive(Serialize, Debug, PartialEq)]
struct Passage {
    /// The heading of the item or section (empty for the text before the first heading).
    heading: String,
    url: String,
    /// agenda, report or section.
    kind: &'static str,
    /// The snippet: text before the mention, the mention, text after (the template marks it).
    before: String,
    hit: String,
    after: String,
}

#[derive(Serialize)]
struct Entry {
    record: tera::Value,
    passages: Vec<Passage>,
    /// Passages beyond [`PASSAGES`].
    more: usize,
}

/// Finds a topic's name and aliases in text; an ASCII name (`AI`) only as a whole word, and a
/// name with Latin letters in any letter case. Names without Latin letters (most of them) are
/// found with `memchr::memmem`, several times faster on Chinese text than an automaton, whose
/// byte prefilters find nothing rare in UTF-8 CJK; the others with Aho-Corasick.
pub struct TopicMatcher {
    plain: Vec<memchr::memmem::Finder<'static>>,
    ac: Option<AhoCorasick>,
    ascii: Vec<bool>,
}

impl TopicMatcher {
    pub fn new(e: Option<&RegistryEntry>) -> TopicMatcher {
        let names: Vec<&str> = e
            .into_iter()
            .flat_map(|e| std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str)))
            .filter(|n| !n.is_empty())
            .collect();
        let (cased, plain): (Vec<&str>, Vec<&str>) = names
            .iter()
            .partition(|n| n.is_ascii() || n.chars().any(|c| c.is_ascii_alphabetic()));
        let ac = (!cased.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(true)
                    .build(&cased)
                    .ok()
            })
            .flatten();
        TopicMatcher {
            plain: plain
                .iter()
                .map(|n| memchr::memmem::Finder::new(n.as_bytes()).into_owned())
                .collect(),
            ascii: cased.iter().map(|n| n.is_ascii()).collect(),
            ac,
        }
    }

    /// The byte range of the first mention in `text` (of the longest name that starts there).
    pub fn first(&self, text: &str) -> Option<std::ops::Range<usize>> {
        let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        let cased = self.ac.as_ref().and_then(|ac| {
            ac.find_iter(text)
                .find(|m| {
                    !self.ascii[m.pattern().as_usize()]
                        || (!word(text[..m.start()].chars().next_back()) && !word(text[m.end()..].chars().next()))
                })
                .map(|m| m.range())
        });
        let plain = self.plain.iter().filter_map(|f| {
            let at = f.find(text.as_bytes())?;
            Some(at..at + f.needle().len())
        });
        cased
            .into_iter()
            .chain(plain)
            .min_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)))
    }
}

/// The passages of `r` (whose section texts are `texts`) that name the topic: one per item or
/// section (a heading below level 3 counts as part of the section above it), in record order.
fn passages(p: &Pages, r: &Record, texts: &[std::borrow::Cow<'_, str>], m: &TopicMatcher) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    let mut owner: Option<usize> = None;
    for (sec, text) in r.sections.iter().zip(texts) {
        if let Some(h) = sec.heading {
            // toc_kind names items, reports and headings down to level 3.
            if crate::minutes::toc_kind(&r.headings[h], &r.structure).is_some() || owner.is_none() {
                owner = Some(h);
            }
        }
        let heading = sec.heading.map(|h| r.headings[h].text.as_str()).unwrap_or("");
        let (where_, range) = match (m.first(heading), m.first(text)) {
            (Some(range), _) => (heading, range),
            (None, Some(range)) => (text.as_ref(), range),
            (None, None) => continue,
        };
        let (heading, url, kind) = match owner {
            Some(h) => {
                let hd = &r.headings[h];
                let kind = match crate::minutes::toc_kind(hd, &r.structure) {
                    Some("agenda") => "agenda",
                    Some("report") => "report",
                    _ => "section",
                };
                (hd.text.clone(), format!("{}#{}", p.url(&r.url), hd.id), kind)
            }
            None => (String::new(), p.url(&r.url), "section"),
        };
        if out.last().is_some_and(|last| last.url == url) {
            continue;
        }
        let before = snippet_before(&where_[..range.start]);
        let after: String = {
            let rest = &where_[range.end..];
            let s: String = rest.chars().take(AFTER).collect();
            if rest.chars().nth(AFTER).is_some() {
                format!("{}…", s.trim_end())
            } else {
                s
            }
        };
        let flat = |s: String| s.replace(['\n', '\t'], " ");
        out.push(Passage {
            heading,
            url,
            kind,
            before: flat(before),
            hit: where_[range].to_string(),
            after: flat(after),
        });
    }
    out
}

/// The last [`BEFORE`] characters of `head` (the text before a mention), after an ellipsis when
/// there were more. Found from the end: a section's text can be long, and only its tail is shown.
fn snippet_before(head: &str) -> String {
    match head.char_indices().rev().nth(BEFORE - 1) {
        Some((from, _)) if from > 0 => format!("…{}", head[from..].trim_start()),
        _ => head.to_string(),
    }
}

fn jobs(p: &Pages, slug: &str, ixs: &[RecordIx]) -> Result<Vec<Job>, Diagnostic> {
    let a = p.archive;
    let entry = a.topics.by_slug(slug);
    let name = entry.map(|e| p.display_name(e)).unwrap_or_else(|| slug.to_string());
    let matcher = TopicMatcher::new(entry);
    let base = format!("topics/{slug}/");
    let feed = p.url(&format!("{base}atom.xml"));
    // Every record's passages: the chart counts them all.
    let mut all: Vec<(Vec<Passage>, usize)> = Vec::with_capacity(ixs.len());
    let mut per_year: BTreeMap<i32, [usize; 2]> = BTreeMap::new();
    for &ix in ixs {
        let r = &a.records[ix];
        let texts = r
            .section_texts(p.html)
            .map_err(|e| Diagnostic::error(&r.rel, 0, 0, e.msg()))?;
        let mut found = passages(p, r, &texts, &matcher);
        let counts = per_year.entry(r.meta.date.year()).or_default();
        counts[0] += 1;
        counts[1] += found.len();
        let more = found.len().saturating_sub(PASSAGES);
        found.truncate(PASSAGES);
        all.push((found, more));
    }
    let chart = Chart::new(p, &per_year, ["records", "passages"]);
    let mut out = Vec::new();
    let mut all = all.into_iter();
    for pg in paginate(ixs.len(), a.site.config.per_page) {
        let entries: Vec<Entry> = ixs[pg.range.clone()]
            .iter()
            .zip(all.by_ref())
            .map(|(&ix, (passages, more))| Entry {
                record: p.summaries[ix].clone(),
                passages,
                more,
            })
            .collect();
        let rel = page_url(&base, pg.number);
        let mut c = p.ctx(&rel, &p.numbered_title(&name, pg.number));
        if pg.number == 1 {
            c.insert("title_lang", &p.name_lang(entry));
        }
        c.insert("kind", "topics");
        c.insert("term", &entry);
        c.insert("feed", &Some(feed.clone()));
        c.insert("entries", &entries);
        c.insert("total", &ixs.len());
        c.insert("chart", &chart.as_ref().filter(|_| pg.number == 1));
        c.insert("pagination", &p.pagination(&base, pg.number, pg.total));
        out.push(Job::page(&rel, "topic.html", c));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{snippet_before, TopicMatcher, BEFORE};
    use crate::config::RegistryEntry;

    #[test]
    fn a_snippet_keeps_the_last_characters_before_the_mention() {
        let exactly: String = "會".repeat(BEFORE);
        assert_eq!(snippet_before(&exactly), exactly, "no ellipsis when nothing is cut");
        assert_eq!(snippet_before(&format!("甲{exactly}")), format!("…{exactly}"));
        assert_eq!(snippet_before("短句"), "短句");
        assert_eq!(snippet_before(""), "");
        let spaced = format!("{} {}", "前".repeat(10), "後".repeat(BEFORE - 1));
        assert_eq!(
            snippet_before(&spaced),
            format!("…{}", "後".repeat(BEFORE - 1)),
            "the cut text starts trimmed"
        );
    }

    #[test]
    fn an_ascii_alias_matches_only_a_whole_word() {
        let e = RegistryEntry {
            name: "人工智慧".into(),
            slug: "ai".into(),
            aliases: vec!["AI".into()],
            en: None,
        };
        let m = TopicMatcher::new(Some(&e));
        assert_eq!(m.first("EMAIL 與 AI 應用"), Some(10..12));
        assert_eq!(m.first("推動人工智慧"), Some(6..18));
        assert_eq!(m.first("Ai應用"), Some(0..2), "next to a CJK character is a word edge");
        assert_eq!(m.first("MAIL"), None);
        assert_eq!(m.first("EMAIL 人工智慧與 AI"), Some(6..18), "the first whole mention");
    }

    #[test]
    fn the_longest_name_at_the_first_mention_wins() {
        let e = RegistryEntry {
            name: "預算".into(),
            slug: "budget".into(),
            aliases: vec!["預算執行".into(), "MyData平台".into()],
            en: None,
        };
        let m = TopicMatcher::new(Some(&e));
        assert_eq!(m.first("審議預算執行情形與預算"), Some(6..18));
        assert_eq!(m.first("年度預算"), Some(6..12));
        assert_eq!(m.first("推動mydata平台"), Some(6..18), "Latin letters in any case");
        assert_eq!(m.first("無關"), None);
    }
}
