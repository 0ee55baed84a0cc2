//! The structure of minutes, read from a rendered record: agenda items (headings that begin with
//! 案由) with their reporting unit and decision, unit reports (headings naming a registered unit
//! once the ordinal is stripped), and mentions (any registered unit name or alias in the text).

pub mod calendar;
pub mod items;

pub use items::{Kind, Votes};

use std::collections::BTreeMap;
use std::path::Path;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::config::Registry;
use crate::diagnostics::Diagnostic;
use crate::markdown::{Heading, Rendered};

/// Labels that introduce the unit responsible for an item.
pub const UNIT_LABELS: &[&str] = &["報告單位", "提案單位", "主辦單位", "承辦單位", "協辦單位"];
pub use items::DECISION_LABELS;

#[derive(Debug, Clone, serde::Serialize)]
pub struct AgendaItem {
    /// `案由一`
    pub label: String,
    /// report, discussion, motion, election or other: from the label (`臨時動議一` is a motion)
    /// or else the section the item is in (an 案由 under 報告事項 is a report).
    pub kind: Kind,
    /// The whole heading text.
    pub title: String,
    pub anchor: String,
    /// Slugs of the reporting units.
    pub units: Vec<String>,
    /// The decision, paragraphs separated by newlines.
    pub decision: String,
    /// The label the record wrote before it: 決定 or 決議 (empty when the item has none), shown
    /// with the decision instead of a label of our choosing.
    pub decision_label: &'static str,
    /// Its first line, for listings.
    pub decision_first: String,
    /// The vote, when the item's text records counts.
    pub votes: Option<Votes>,
    /// People named on the item: (role, name), role one of proposer, mover, seconder, reporter.
    pub people: Vec<(String, String)>,
    pub line: usize,
    /// The line of the paragraph (or table row) the item starts at, when it is not a heading:
    /// that block gets the item's anchor (see [`Structure::block_anchors`]).
    #[serde(skip)]
    pub block_line: Option<usize>,
    /// When the item has no decision: a label on one of its lines that the model does not know
    /// (`處理情形：…`), and that line, for `check` to point at.
    #[serde(skip)]
    pub unknown_label: Option<(String, usize)>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct UnitReport {
    pub unit: String,
    pub heading: String,
    pub anchor: String,
    pub line: usize,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Structure {
    pub agenda: Vec<AgendaItem>,
    pub reports: Vec<UnitReport>,
    /// Slugs of every unit named anywhere in the record, sorted.
    pub mentions: Vec<String>,
}

impl Structure {
    /// The blocks that start agenda items written as labelled paragraphs or table rows, each
    /// with the id it should carry (the item's label), for [`crate::markdown::render_with`].
    pub fn block_anchors(&self) -> Vec<(usize, String)> {
        self.agenda
            .iter()
            .filter_map(|a| a.block_line.map(|l| (l, a.label.clone())))
            .collect()
    }

    /// Give the items written as paragraphs the ids their blocks got (`(line, id)`, from
    /// [`crate::markdown::Rendered::block_ids`]): record pages, unit pages, the decisions summary
    /// and open data link to them.
    pub fn set_block_anchors(&mut self, ids: &[(usize, String)]) {
        for a in &mut self.agenda {
            if let Some((_, id)) = a.block_line.and_then(|l| ids.iter().find(|(x, _)| *x == l)) {
                a.anchor = id.clone();
            }
        }
    }

    /// Adds the units named in `texts` (texts of the record outside its body, such as the
    /// attendees of its front-matter) to the mentions, which stay sorted and unique.
    pub fn mention_in<'t>(&mut self, texts: impl IntoIterator<Item = &'t str>, matcher: &UnitMatcher) {
        let before = self.mentions.len();
        for t in texts {
            self.mentions.extend(matcher.find(t).map(String::from));
        }
        if self.mentions.len() > before {
            self.mentions.sort();
            self.mentions.dedup();
        }
    }
}

pub struct UnitMatcher {
    ac: Option<AhoCorasick>,
    slugs: Vec<String>,
}

impl UnitMatcher {
    pub fn new(units: &Registry) -> Self {
        let names = units.names();
        let slugs = names.iter().map(|(_, i)| units.entries[*i].slug.clone()).collect();
        let patterns: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
        let ac = if patterns.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(patterns)
                .ok()
        };
        UnitMatcher { ac, slugs }
    }

    /// Slugs of the units named in `text`, with repeats.
    pub fn find<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.ac.iter().flat_map(move |ac| {
            ac.find_iter(text)
                .map(move |m| self.slugs[m.pattern().as_usize()].as_str())
        })
    }
}

/// A council's reading of its bills named as a part of its agenda (`一讀會`, `第二讀會`, `三讀會`,
/// spaces and ordinal already removed): its bills are proposals, read and decided in it.
pub fn is_reading(name: &str) -> bool {
    let n = items::name_before_count(name);
    let n = n.strip_prefix('第').unwrap_or(n);
    // `一讀會`, `第二、三讀會`, `三讀議案第二讀會` (the second reading of the bills that take three);
    // `宣讀議案交付審查` / `宣讀提案交付審查` (the first reading: bills read and sent to committee).
    matches!(n, "一讀會" | "二讀會" | "三讀會")
        || n.strip_suffix("讀會").is_some_and(|r| {
            r.ends_with(['一', '二', '三']) && r.chars().count() <= 8 && r.chars().all(|c| !c.is_ascii())
        })
        || n.starts_with("宣讀議案")
        || n.starts_with("宣讀提案")
}

/// Strip an official ordinal: `一、`, `（一）`, `(一)`, `1、`, `1.`, `壹、`. A converter's space
/// between the number and its mark (`1 .`, `(1 )`, as a PDF's text spaces them) is allowed, and so
/// is the mark some writers put after a bracketed number as well (`(一)、`, `（二）.`).
pub fn strip_ordinal(text: &str) -> &str {
    let t = text.trim();
    const NUMERALS: &str = "一二三四五六七八九十百零壹貳參肆伍陸柒捌玖拾";
    let is_num = |c: char| NUMERALS.contains(c) || c.is_ascii_digit() || ('０'..='９').contains(&c);
    if let Some(rest) = t.strip_prefix(['（', '(']) {
        let end = rest.find(['）', ')']);
        if let Some(end) = end {
            let n = rest[..end].trim_matches([' ', '　']);
            if !n.is_empty() && n.chars().all(is_num) {
                let after = rest[end..].trim_start_matches(['）', ')']);
                let after = after.strip_prefix(['、', '﹑', '､', '．']).unwrap_or(after);
                return after.trim();
            }
        }
        return t;
    }
    let digits: usize = t.chars().take_while(|&c| is_num(c)).map(char::len_utf8).sum();
    if digits > 0 {
        let rest = t[digits..].trim_start_matches([' ', '　']);
        // The list mark as some fonts and word processors write it too: the small ideographic
        // comma ﹑ (U+FE51) and the half-width ､ (U+FF64), as the importer reads them.
        if let Some(r) = rest.strip_prefix(['、', '﹑', '､', '.', '．']) {
            return r.trim();
        }
    }
    t
}

/// Remove spaces inside labels the PDF spaced out (`決 定`, `案 由一`).
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The label of an agenda-item heading, if the heading is one: `案由二` for `案由二：…`, and for the
/// items of 臨時動議 and 討論事項 written `臨時動議一：…` and `提案一：…` (or `提案一　案由：…`),
/// `臨時動議一` and `提案一`. A 提案 needs its number (`提案單位：` is not an item).
pub fn agenda_label(heading: &str) -> Option<String> {
    let h = heading.trim();
    // Most headings are not agenda items: skip the copy for them.
    if !h.starts_with(['案', '臨', '提', '討', '動', '第', '議', '報', '選']) {
        return None;
    }
    // `臨時動議：無`: the part had no item.
    if h.split_once(['：', ':'])
        .is_some_and(|(_, rest)| items::says_none(rest))
    {
        return None;
    }
    // `案由 本區自由里雙崎部落…`: the label as a form's field, its text after a space, no colon.
    if let Some((label, _)) = spaced_title(h) {
        return Some(label.to_string());
    }
    let squeezed = squeeze(h.split(['：', ':']).next().unwrap_or(h));
    let numbered = |prefix: &str| -> Option<String> {
        let rest = squeezed.strip_prefix(prefix)?;
        let n: String = rest
            .chars()
            .take_while(|c| {
                "〇零一二三四五六七八九十百".contains(*c) || c.is_ascii_digit() || ('０'..='９').contains(c)
            })
            .collect();
        Some(format!("{prefix}{n}"))
    };
    if let Some(label) = numbered("臨時動議") {
        // `## 臨時動議` alone is the section, not a motion of that name: a motion's heading has its
        // number (`臨時動議一`) or its text after the colon (`臨時動議：某案`).
        let text_after = h
            .split_once(['：', ':'])
            .is_some_and(|(_, rest)| !rest.trim().is_empty());
        if label == "臨時動議" && !text_after {
            return None;
        }
        return Some(label);
    }
    if let Some(label) = numbered("提案") {
        return (label.chars().count() > 2).then_some(label);
    }
    if squeezed == "案名" {
        return Some(squeezed);
    }
    if !squeezed.starts_with("案由") {
        // 討論一, 動議二, 第三案, 議案四, 討論事項五 (a number is needed: 討論事項 alone is a section).
        // The number's own mark ends it too (`議題1. 討論…`, `動議2、…`).
        let head: String = squeezed
            .chars()
            .take_while(|c| !"，,。（(【　 .．、".contains(*c))
            .collect();
        return items::numbered_label(&head).map(|(l, _)| l);
    }
    // `案由(一) 新會員入會申請`: the number, a space, the title.
    if let Some((label, _, _)) = numbered_spaced_title(h) {
        return Some(label);
    }
    // `案由(一)：…`: the number in brackets.
    if let Some((label, _)) = items::numbered_label(&squeezed) {
        return Some(label);
    }
    let label: String = squeezed
        .chars()
        .take_while(|c| !"，,。（(【".contains(*c))
        .take(12)
        .collect();
    Some(label)
}

/// `案由 本區自由里…` (or `案名 …`): a title written as a form's field, the label, a space and the
/// title with no colon (and no number after the label: `案 由一：…` is a spaced label). The label
/// and the title.
fn spaced_title(text: &str) -> Option<(&'static str, &str)> {
    items::spaced_field(text, &["案由", "案名"]).filter(|(_, t)| !t.starts_with(items::is_numeral))
}

/// `案由(一) 新會員入會申請` (a learned society's minutes): the label with its number, a space and
/// the title, no colon, as a form's field is written. The label (`案由一`), the label as written
/// (`案由(一)`) and the title. Only 案由: a number with a space after it (`第一案 提案單位:…`)
/// leads the 案由 below it.
fn numbered_spaced_title(text: &str) -> Option<(String, &str, &str)> {
    let t = text.trim();
    let (head, rest) = t.split_once([' ', '　'])?;
    let rest = rest.trim();
    if rest.is_empty() || head.contains(['：', ':']) || rest.starts_with(['：', ':']) {
        return None;
    }
    let (label, _) = items::numbered_label(&squeeze(head))?;
    (label.starts_with("案由") && label.chars().count() > 2).then_some((label, head, rest))
}

/// The stable anchor a heading should get, if it is an agenda item or a unit report.
pub fn preferred_id(heading: &str, units: &Registry) -> Option<String> {
    if let Some(label) = agenda_label(heading) {
        return Some(label);
    }
    units.get(strip_ordinal(heading)).map(|e| e.name.clone())
}

/// The units named after 報告單位 / 提案單位 / 主辦單位 in `text`: (name, byte offset).
pub fn unit_labels(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for label in UNIT_LABELS {
        for (i, _) in text.match_indices(label) {
            // `提案單位/人：…`: a mixed label, its names read by `mixed_parties`.
            if items::in_mixed_label(text, i + label.len()) {
                continue;
            }
            let after = &text[i + label.len()..];
            let after_trim = after.trim_start_matches([' ', '　']);
            let Some(rest) = after_trim.strip_prefix(['：', ':']) else {
                continue;
            };
            let rest = rest.trim_start();
            let start = text.len() - rest.len();
            let end = unit_name_end(rest);
            let mut off = start;
            for name in rest[..end].split(['、', '/', '／']) {
                let n = name.trim();
                if !n.is_empty() {
                    out.push((n.to_string(), off + (name.len() - name.trim_start().len())));
                }
                off += name.len() + '、'.len_utf8();
            }
        }
    }
    out.sort_by_key(|(_, o)| *o);
    out
}

/// Where the unit names after a unit label end: at a comma, a full stop, a line's end or a space,
/// or at a closing bracket that closes the label's own bracket (`（報告單位：秘書處）`); a bracket
/// that opens after the label belongs to the name (`提案單位：臺南市政府（消防局）`).
fn unit_name_end(rest: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in rest.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' if depth > 0 => depth -= 1,
            '）' | ')' | '，' | ',' | '。' | '；' | ';' | '\n' | '】' | ' ' | '　' => return i,
            _ => {}
        }
    }
    rest.len()
}

/// Read the structure of a rendered record. Unknown units after 報告單位 are errors located in
/// `file_text` (which is the whole file of `rel`).
pub fn analyse(
    rel: &Path,
    file_text: &str,
    r: &Rendered,
    units: &Registry,
    matcher: &UnitMatcher,
) -> (Structure, Vec<Diagnostic>) {
    let mut st = Structure::default();
    let mut diags = Vec::new();
    for (hi, h) in r.headings.iter().enumerate() {
        if let Some(mut label) = agenda_label(&h.text) {
            // `第一案〈…〉 提案人：…` (or `提案一`) just above an unnumbered `### 案由：…`: the
            // item's number.
            let mut lead = String::new();
            if label == "案由" || label == "案名" {
                if let Some((n, text)) = lead_number(r, hi) {
                    label = n;
                    lead = text;
                }
            }
            let lead_text = lead.as_str();
            let region = region_of(r, hi);
            // Unit: in the heading, else in a line of the section up to its decision (a label
            // after the decision belongs to the next item), else in a line just before the
            // heading (討論事項 often put 提案單位 above the 案由 line).
            let labelled = |(line, block): (usize, &str)| {
                let f = unit_labels(block);
                (!f.is_empty()).then(|| f.into_iter().map(|(n, _)| (n, line)).collect::<Vec<_>>())
            };
            let mut found: Vec<(String, usize)> = unit_labels(&h.text).into_iter().map(|(n, _)| (n, h.line)).collect();
            if found.is_empty() {
                for block in region.iter().flat_map(|s| item_blocks(s)) {
                    if let Some(f) = labelled(block) {
                        found = f;
                        break;
                    }
                    if decision_label(block.1).is_some() {
                        break;
                    }
                }
            }
            if found.is_empty() {
                found = lead_blocks(r, hi)
                    .into_iter()
                    .rev()
                    .find_map(labelled)
                    .unwrap_or_default();
            }
            // `提案單位/人：…`: its units and its people.
            let mixed: Vec<(usize, &str)> = std::iter::once((h.line, h.text.as_str()))
                .chain(
                    region
                        .iter()
                        .flat_map(|s| item_blocks(s))
                        .take_while(|(_, b)| self::decision_label(b).is_none() && !motion_lead(b)),
                )
                .collect();
            let (mixed_units, mixed_people) = mixed_parties(&mixed, units);
            found.extend(mixed_units);
            let slugs = resolve_units(rel, file_text, units, found, &mut diags);
            let (decision, decision_first, decision_label) = decision_of(file_text, &region);
            let kind = items::numbered_label(&label)
                .and_then(|(_, k)| k)
                .or_else(|| enclosing_kind(r, hi))
                .or_else(|| paragraph_section_kind(r, hi))
                // Outside any section a proposal (第N案, 案由) is discussed, as a paragraph's is.
                .unwrap_or_else(|| items::default_kind(&label));
            let region_text: String = [lead_text, h.text.as_str()]
                .into_iter()
                .filter(|t| !t.is_empty())
                .chain(region.iter().map(|s| s.text.as_str()))
                .collect::<Vec<_>>()
                .join("\n");
            // People are named before the decision: a 動議人 line after it leads the next item.
            let before_decision: String = [lead_text, h.text.as_str()]
                .into_iter()
                .filter(|t| !t.is_empty())
                .chain(
                    region
                        .iter()
                        .flat_map(|s| item_blocks(s))
                        .map(|(_, b)| b)
                        .take_while(|b| self::decision_label(b).is_none() && !motion_lead(b)),
                )
                .collect::<Vec<_>>()
                .join("\n");
            let unknown_label = if decision.is_empty() {
                region
                    .iter()
                    .flat_map(|s| item_blocks(s))
                    .find_map(|(l, b)| items::unknown_label(b).map(|x| (x, l)))
            } else {
                None
            };
            // `### 案由` with its colon and text on the lines after it (`：` / `昨天中壢區…`, as a
            // PDF's text breaks `案 由` / `：` / …): the title is that text.
            let bare_heading = squeeze(&h.text);
            let bare_heading = bare_heading.trim_end_matches(['：', ':']);
            let title = match region
                .iter()
                .flat_map(|s| item_blocks(s))
                .map(|(_, b)| b.trim())
                .find(|b| !b.is_empty() && !matches!(*b, "：" | ":"))
            {
                Some(text) if matches!(bare_heading, "案由" | "案名") && !ends_decision(text) => {
                    format!("{bare_heading}：{}", text.trim_start_matches(['：', ':']).trim())
                }
                // `### 案由 本區…`, as a form's field: the title as `案由：…` reads.
                _ => match (spaced_title(&h.text), numbered_spaced_title(&h.text)) {
                    (Some((l, t)), _) => format!("{l}：{t}"),
                    // `### 案由(一) 新會員入會申請`: as `案由(一)：新會員入會申請` reads.
                    (None, Some((_, l, t))) => format!("{l}：{t}"),
                    (None, None) => h.text.clone(),
                },
            };
            st.agenda.push(AgendaItem {
                label,
                kind,
                title,
                anchor: h.id.clone(),
                units: slugs,
                votes: items::votes(&decision).or_else(|| items::votes_line(&region_text)),
                people: {
                    let mut people = mixed_people;
                    for person in items::people(&before_decision) {
                        if !people.contains(&person) {
                            people.push(person);
                        }
                    }
                    people
                },
                decision,
                decision_first,
                decision_label,
                line: h.line,
                block_line: None,
                unknown_label,
            });
        } else if let Some(e) = units.get(strip_ordinal(&h.text)) {
            st.reports.push(UnitReport {
                unit: e.slug.clone(),
                heading: h.text.clone(),
                anchor: h.id.clone(),
                line: h.line,
            });
        }
    }

    paragraph_items(rel, file_text, r, units, &mut st, &mut diags);

    let mut mentions: BTreeMap<&str, ()> = BTreeMap::new();
    for h in &r.headings {
        for s in matcher.find(&h.text) {
            mentions.insert(s, ());
        }
    }
    for sec in &r.sections {
        for s in matcher.find(&sec.text) {
            mentions.insert(s, ());
        }
    }
    st.mentions = mentions.into_keys().map(String::from).collect();
    (st, diags)
}

/// Render a record's body and read its structure, giving the items written as paragraphs an
/// anchor on their own block. `structure_time` gets the time spent reading the structure (the
/// rest is rendering).
pub fn read(
    rel: &Path,
    file_text: &str,
    body: &str,
    body_line: usize,
    units: &Registry,
    matcher: &UnitMatcher,
    structure_time: &mut dyn FnMut(std::time::Duration),
) -> (Rendered, Structure, Vec<Diagnostic>) {
    let mut read = None;
    let rendered = crate::markdown::render_with(body, body_line, &|h| preferred_id(h, units), &mut |r| {
        let at = std::time::Instant::now();
        let (st, diags) = analyse(rel, file_text, r, units, matcher);
        let wanted = st.block_anchors();
        read = Some((st, diags));
        structure_time(at.elapsed());
        wanted
    });
    let (mut st, diags) = read.unwrap_or_default();
    st.set_block_anchors(&rendered.block_ids);
    (rendered, st, diags)
}

/// The kind of the section heading `hi` sits in: the nearest heading above it, of a higher
/// level, that is a standard section (報告事項, 討論事項, 臨時動議…).
fn enclosing_kind(r: &Rendered, hi: usize) -> Option<Kind> {
    let level = r.headings[hi].level;
    r.headings[..hi]
        .iter()
        .rev()
        .filter(|h| h.level < level)
        .find_map(|h| items::section_kind(&h.text))
}

/// The kind of the last section title written as a paragraph (`八、討論及決議事項:`) before
/// heading `hi`, for headings under no section heading.
fn paragraph_section_kind(r: &Rendered, hi: usize) -> Option<Kind> {
    let blocks: Vec<&str> = r
        .sections
        .iter()
        .take_while(|s| s.heading != Some(hi))
        .flat_map(item_blocks)
        .map(|(_, b)| b)
        .collect();
    // A point of a decision that names a part (`6. 散會` in an agenda the decision sets) is none.
    let points = announced_points(&blocks);
    blocks
        .iter()
        .zip(points)
        .filter(|&(_, point)| !point)
        // `主席裁示：…` with no ordinal of its own is an item's ruling, not the section 主席裁示.
        .filter(|(b, _)| !(decision_label(b).is_some() && items::strip_section_ordinal(b).len() == b.trim().len()))
        .filter_map(|(b, _)| is_section_block(b))
        .next_back()
}

/// Resolve unit names found on an item to slugs; unknown ones become errors at their line.
fn resolve_units(
    rel: &Path,
    file_text: &str,
    units: &Registry,
    found: Vec<(String, usize)>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let file_lines: Vec<&str> = file_text.lines().collect();
    let mut slugs = Vec::new();
    for (name, line) in found {
        match resolve_unit(units, &name) {
            Some(slug) => {
                if !slugs.contains(&slug) {
                    slugs.push(slug)
                }
            }
            None => {
                let col = file_lines
                    .get(line.wrapping_sub(1))
                    .and_then(|l| l.find(&name).map(|b| l[..b].chars().count() + 1))
                    .unwrap_or(1);
                use crate::messages::{Msg, Noun};
                let help = Msg::help_for_unknown(Noun::Unit, units.suggest(&name), &name);
                diags.push(
                    Diagnostic::error(
                        rel,
                        line,
                        col,
                        Msg::UnknownName {
                            kind: Noun::Unit,
                            name: name.clone(),
                        },
                    )
                    .with_source(file_text)
                    .with_help(help),
                );
            }
        }
    }
    slugs
}

/// Items written as paragraphs (`討論一：…`, `案由：…`, `一、…，請議決案。` under 討論事項) in the
/// sections that no agenda heading covers. Each item runs to the next item, section or heading;
/// its anchor is that of the heading it sits under.
fn paragraph_items(
    rel: &Path,
    file_text: &str,
    r: &Rendered,
    units: &Registry,
    st: &mut Structure,
    diags: &mut Vec<Diagnostic>,
) {
    struct Pending<'a> {
        label: String,
        kind: Option<Kind>,
        title: String,
        anchor: String,
        line: usize,
        blocks: Vec<(usize, &'a str)>,
        /// The block that started the item.
        start: &'a str,
        /// Who leads a motion written without a label (`民主網絡司：…案。`, `動議人：王大明`).
        lead: Option<items::Lead>,
        /// Started by a number alone (`第一案〈…〉 提案人：…`): the 案由 that follows is its title.
        numbered_only: bool,
        /// A numbered paragraph under 報告事項 / 討論事項 that is an item only if a decision
        /// follows it before the next item (`（一）審議鎮公所提案` then `大會決議：照案通過`).
        tentative: bool,
        /// Started by a heading (`## 壹、宣讀上次會議紀錄。`): its anchor is the heading's id.
        on_heading: bool,
        /// A report heard under a part that lists them (`三、聽取報告` / `(二)陳市長菊報告…`): an
        /// item though nothing is decided.
        heard: bool,
        /// The numbered item it was set apart from (`(四)討論建設委員會議案…` for `1、建設議提 5 號
        /// 案，大會議決：…`): the next point numbered like that one ends it.
        parent: Option<&'a str>,
    }
    impl<'a> Pending<'a> {
        /// A numbered point that is an item only if decided (or one of its parts follows).
        fn point(label: String, kind: Option<Kind>, title: String, anchor: &str, line: usize, start: &'a str) -> Self {
            Pending {
                label,
                kind,
                title,
                anchor: anchor.to_string(),
                line,
                blocks: Vec::new(),
                start,
                lead: None,
                numbered_only: false,
                tentative: true,
                on_heading: false,
                heard: false,
                parent: None,
            }
        }
    }
    let covered: std::collections::HashSet<usize> = st
        .agenda
        .iter()
        .filter_map(|a| r.headings.iter().position(|h| h.id == a.anchor && h.line == a.line))
        .flat_map(|hi| {
            let level = r.headings[hi].level;
            std::iter::once(hi).chain((hi + 1..r.headings.len()).take_while(move |&j| r.headings[j].level > level))
        })
        .collect();
    let mut out: Vec<AgendaItem> = Vec::new();
    // A record that is one part of the agenda, named so by its own title (a council's page of
    // motions, `…第十八屆第一次定期會暨第3次臨時會動議案`), reads as that part until a section is named.
    // The body's own words first (its opening line naming the book, as a record written by hand
    // keeps it), the front matter's title only when the body names nothing.
    let mut section: Option<Kind> = body_titled_part(r).or_else(|| titled_part(file_text));
    // The name of a part of the agenda that is no standard section (`丙、主席裁定事項`): its numbered
    // items are labelled by it.
    let mut section_name: Option<String> = None;
    // The ordinal style of the section's title when it is a numbered paragraph (`六、討論提案`),
    // and of the agenda's numbered parts (see `own_part` below).
    let mut section_style: Option<u8> = None;
    let mut parts_style: Option<u8> = None;
    // Whether the section lists reports heard (`三、聽取報告`).
    let mut reports_heard = false;
    // Whether the section is the chair's own report (`壹、主席報告：`): its numbered points
    // (`(1) 財務報告：…`) are what the chair reports, not reports of the agenda.
    let mut chairs_report = false;
    let mut in_appendix = false;
    // The line the current section starts at, to number the items in it that have no number.
    let mut section_line = 0usize;
    let mut current: Option<Pending> = None;
    // Motions written as `### 案由：…` headings led by their movers' line, numbered with the others.
    let mut merged_motions = 0usize;
    // The columns of the table being read, when its header names 案由 and a decision.
    let mut table: Option<items::TableColumns> = None;
    // The item of the table's last numbered row, which the rows after it without a number go on.
    let mut table_item: Option<usize> = None;
    let finish = |p: Pending, section: Option<Kind>, out: &mut Vec<AgendaItem>, diags: &mut Vec<Diagnostic>| {
        // A numbered paragraph is an item when a decision follows it, or when its first block is
        // one of an item's labelled parts (`說明：…` under a report): else it only groups or
        // tells.
        let has_part = p.blocks.first().is_some_and(|(_, b)| starts_part(b));
        if p.tentative && !has_part && !p.heard && !p.blocks.iter().any(|(_, b)| decision_label(b).is_some()) {
            return;
        }
        // `(一) 無。` / `決議: 無。` under 臨時動議: a point that only says there was nothing names no
        // item, as `臨時動議：無` does.
        if items::says_none(&p.title) {
            return;
        }
        let kind = p.kind.or(section).unwrap_or_else(|| items::default_kind(&p.label));
        // The item's own decision is the last one before the next item: amendments and motions
        // of procedure inside it are decided before the main question.
        let mut decision = (String::new(), String::new(), "");
        let points = announced_points(&p.blocks.iter().map(|(_, b)| *b).collect::<Vec<_>>());
        let mut first_decision = p.blocks.len();
        // Where the last decision read ends, when it was written as a list item (`- 決議：…`).
        let mut listed_end: Option<usize> = None;
        for (i, (_, b)) in p.blocks.iter().enumerate() {
            if let Some(label) = decision_label(b) {
                first_decision = first_decision.min(i);
                let rest = after_label(b, label);
                let mut parts: Vec<String> = Vec::new();
                if !rest.is_empty() {
                    parts.push(rest.to_string());
                }
                let mut end = i + 1;
                for (k, (_, next)) in p.blocks.iter().enumerate().skip(i + 1) {
                    if !points[k] && (ends_decision(next) || decision_label(next).is_some()) {
                        break;
                    }
                    // `大會決議` / `：照案通過。`: the colon a converter put on the next line.
                    let next = if parts.is_empty() {
                        next.trim_start().trim_start_matches(['：', ':']).trim_start()
                    } else {
                        next
                    };
                    if !next.is_empty() {
                        parts.push(next.to_string());
                    }
                    end += 1;
                }
                let listed = listed_block(file_text, p.blocks[i].0, b);
                // `- 決議：…` / `- 決議：…`, one right after the other: the points of one decision,
                // not a decision that replaces the one before.
                if listed && listed_end == Some(i) {
                    decision.0 = format!("{}\n{}", decision.0, parts.join("\n"));
                } else {
                    let first = parts.first().cloned().unwrap_or_default();
                    decision = (parts.join("\n"), first, label);
                }
                listed_end = listed.then_some(end);
            }
        }
        // `一、社會科學院提：檢具…，提請討論。`: the unit that brings the item leads it; its title
        // is what follows.
        let mut p = p;
        let proposer = proposing_unit(&p.title, units);
        if let Some((_, rest)) = &proposer {
            p.title = rest.clone();
        }
        let mut found: Vec<(String, usize)> = proposer.map(|(n, _)| (n, p.line)).into_iter().collect();
        found.extend(unit_labels(&p.title).into_iter().map(|(n, _)| (n, p.line)));
        // `一、教務處報告：…` under 報告事項: the office that reports.
        if kind == Kind::Report {
            found.extend(
                reporting_unit(&p.title, units)
                    .or_else(|| reporting_office(&p.title, units))
                    .map(|n| (n, p.line)),
            );
        }
        // `一、民政局陳報「…」報告。`, `經濟發展局提報…案`: the office that brings it.
        if matches!(kind, Kind::Report | Kind::Discussion) && found.is_empty() {
            found.extend(submitting_office(&p.title, units).map(|n| (n, p.line)));
        }
        // `…費用案。(地政局)`, `…報告。(秘書處)`: the units in brackets after the title's end.
        found.extend(bracket_units(&p.title, units).into_iter().map(|n| (n, p.line)));
        for (line, b) in &p.blocks[..first_decision] {
            found.extend(unit_labels(b).into_iter().map(|(n, _)| (n, *line)));
        }
        // `提案單位/人` / `趙昆原`: a label naming both, its names units or people.
        let mixed: Vec<(usize, &str)> = std::iter::once((p.line, p.title.as_str()))
            .chain(p.blocks[..first_decision].iter().copied())
            .collect();
        let (mixed_units, mixed_people) = mixed_parties(&mixed, units);
        found.extend(mixed_units);
        let mut lead_people = Vec::new();
        match &p.lead {
            Some(items::Lead::Named(name)) => {
                // The name before the colon is a unit when the registry knows it (or, without a
                // registry, when it is named like one), else the person who moved it.
                let unit = if units.is_empty() {
                    items::named_like_unit(name)
                } else {
                    units.get(name).is_some()
                };
                if unit {
                    found.insert(0, (name.clone(), p.line));
                } else {
                    lead_people.push(("mover".to_string(), name.clone()));
                }
            }
            Some(items::Lead::Movers(names, role)) => {
                lead_people.extend(names.iter().map(|n| (role.to_string(), n.clone())));
            }
            None => {}
        }
        let slugs = resolve_units(rel, file_text, units, found, diags);
        let text: String = std::iter::once(p.title.as_str())
            .chain(p.blocks.iter().map(|(_, b)| *b))
            .collect::<Vec<_>>()
            .join("\n");
        let mut people = lead_people;
        for person in mixed_people.into_iter().chain(items::people(&text)) {
            if !people.contains(&person) {
                people.push(person);
            }
        }
        let unknown_label = if decision.0.is_empty() {
            p.blocks
                .iter()
                .find_map(|(l, b)| items::unknown_label(b).map(|x| (x, *l)))
        } else {
            None
        };
        let item = AgendaItem {
            label: p.label,
            kind,
            title: p.title,
            anchor: p.anchor,
            units: slugs,
            votes: items::votes(&decision.0).or_else(|| items::votes_line(&text)),
            people,
            decision: decision.0,
            decision_first: decision.1,
            decision_label: decision.2,
            line: p.line,
            block_line: (!p.on_heading).then_some(p.line),
            unknown_label,
        };
        // An item taken up again later (`討論四` after an adjournment, its title written again) is
        // the same item: the later decision is its final one. The same number with another title
        // is another item (a later sitting's `一、討論三讀議案。` in a record of several sittings).
        if let Some(prev) = out
            .iter_mut()
            .find(|a| a.label == item.label && a.kind == item.kind && squeeze(&a.title) == squeeze(&item.title))
        {
            if !item.decision.is_empty() {
                prev.decision = item.decision;
                prev.decision_first = item.decision_first;
                prev.decision_label = item.decision_label;
                prev.votes = item.votes;
            }
            return;
        }
        out.push(item);
    };
    for sec in &r.sections {
        let anchor = sec.heading.map(|h| r.headings[h].id.clone()).unwrap_or_default();
        let blocks: Vec<(usize, &str)> = item_blocks(sec)
            .flat_map(|(l, b)| glued_section(b).map(move |x| (l, x)))
            .flat_map(|(l, b)| glued_decision(b).map(move |x| (l, x)))
            .collect();
        let points = announced_points(&blocks.iter().map(|(_, b)| *b).collect::<Vec<_>>());
        // Where the blocks to read as paragraphs start: after an agenda heading, at the next
        // part of the agenda its text runs into (`### 案由：…` then `丙、主席裁定事項`): the heading's
        // item ends there.
        let mut start_at = 0;
        if let Some(hi) = sec.heading {
            if let Some(p) = current.take() {
                // An item's number alone just above an agenda heading is that heading's lead.
                // (Its unit or proposer lines may sit between: `提案一` / `提案單位：…` / `### 案由：…`.)
                let lead_only = lead_parts(&p.blocks).into_iter().all(|x| x) && covered.contains(&hi);
                let heading = &r.headings[hi];
                let unnumbered = st.agenda.iter().position(|a| {
                    a.anchor == heading.id && a.line == heading.line && (a.label == "案由" || a.label == "案名")
                });
                if let (Some(items::Lead::Movers(movers, role)), true, Some(ai)) = (&p.lead, lead_only, unnumbered) {
                    // `動議人：黃適超 編號：…` / `附議人：…` just above `### 案由：…` under 臨時動議: the
                    // heading is that motion, numbered by order, and the lines name its people.
                    merged_motions += 1;
                    let n = out.iter().filter(|a| a.kind == Kind::Motion).count() + merged_motions;
                    let text: String = std::iter::once(p.start)
                        .chain(p.blocks.iter().map(|(_, b)| *b))
                        .collect::<Vec<_>>()
                        .join("\n");
                    let mut people: Vec<(String, String)> =
                        movers.iter().map(|m| (role.to_string(), m.clone())).collect();
                    for person in items::people(&text).into_iter().chain(st.agenda[ai].people.drain(..)) {
                        if !people.contains(&person) {
                            people.push(person);
                        }
                    }
                    let a = &mut st.agenda[ai];
                    a.label = format!("臨時動議{}", items::chinese_number(n));
                    a.kind = Kind::Motion;
                    a.people = people;
                } else if !(p.numbered_only && lead_only) {
                    finish(p, section, &mut out, diags);
                }
            }
            let part = blocks.iter().enumerate().position(|(bi, (_, b))| {
                // `主席裁示` / `：` with no ordinal is the ruling of the item above, not a part; a
                // point of its decision that names one (`6. 散會`) is none either.
                !points[bi]
                    && is_section_block(b).is_some()
                    && !(items::strip_section_ordinal(b).len() == b.trim().len()
                        && (decision_label(b).is_some() || squeeze(b).starts_with("主席")))
            });
            if let Some(at) = part.filter(|_| covered.contains(&hi)) {
                start_at = at;
            } else if covered.contains(&hi) {
                // Under 臨時動議, the next motion's movers (`動議人：…` / `附議人：…`) may follow this
                // item's decision, just above the next `### 案由：…`: they lead that heading.
                if section == Some(Kind::Motion) {
                    let blocks: Vec<(usize, &str)> = item_blocks(sec).collect();
                    let after = blocks
                        .iter()
                        .rposition(|(_, b)| decision_label(b).is_some())
                        .map_or(0, |d| d + 1);
                    for &(line, b) in &blocks[after..] {
                        if let Some((lead @ items::Lead::Movers(..), title)) = items::led_motion(strip_ordinal(b)) {
                            current = Some(Pending {
                                label: String::new(),
                                kind: Some(Kind::Motion),
                                title,
                                anchor: anchor.clone(),
                                line,
                                blocks: Vec::new(),
                                start: b,
                                lead: Some(lead),
                                numbered_only: false,
                                tentative: false,
                                on_heading: false,
                                heard: false,
                                parent: None,
                            });
                        } else if let Some(p) = current.as_mut() {
                            p.blocks.push((line, b));
                        }
                    }
                }
                continue;
            }
            let h = &r.headings[hi].text;
            if let Some(k) = items::section_kind(h) {
                section = Some(k);
                chairs_report = is_chairs_report(h);
                section_name = items::named_part(h);
                section_style = None;
                reports_heard = false;
                in_appendix = items::is_appendix(h);
                section_line = r.headings[hi].line;
            } else if let Some(n) = part_ordinal(h).filter(|_| !in_appendix && h.trim_end().ends_with('。')) {
                // `## 壹、宣讀上次會議紀錄。` then `主席裁示：紀錄確定。`: a part of the agenda written
                // as a sentence (as `宣讀上次會議議事錄。` under 報告事項 is an item, not a section),
                // decided at once, is an item, labelled by its ordinal. A part under a title
                // (`## 貳、上次主管會議紀錄確認及後續追蹤`) stays a section.
                if item_blocks(sec)
                    .next()
                    .is_some_and(|(_, b)| decision_label(b).is_some())
                {
                    current = Some(Pending {
                        label: n,
                        kind: Some(Kind::Other),
                        title: items::strip_section_ordinal(h).to_string(),
                        anchor: anchor.clone(),
                        line: r.headings[hi].line,
                        blocks: Vec::new(),
                        start: h,
                        lead: None,
                        numbered_only: false,
                        tentative: false,
                        on_heading: true,
                        heard: false,
                        parent: None,
                    });
                }
            }
        }
        // A form's field read with its value (the block after it), which the loop then skips.
        let mut skip_to = 0usize;
        for (bi, &(line, b)) in blocks.iter().enumerate().skip(start_at) {
            if bi < skip_to {
                continue;
            }
            // A case's page printed as a form, each field's name a paragraph (or list item) and its
            // value the next (`案號` / `59` / … / `案由` / `東山區…建請興建活動中心乙案。`): the 案由 field
            // with its value starts the case, numbered by the number field above it when only the
            // form's short fields stand between.
            if let Some((title, number)) = form_case(&blocks, bi).filter(|_| !in_appendix && table.is_none()) {
                if let Some(p) = current.take() {
                    finish(p, section, &mut out, diags);
                }
                // The form's fields between its number and its 案由 (its proposer, its
                // co-signers) are the case's, for the people they name.
                let (label, lead) = match number {
                    Some((l, at)) => (l, blocks[at..bi].to_vec()),
                    None => (squeeze(b), Vec::new()),
                };
                current = Some(Pending {
                    kind: None,
                    title: title.to_string(),
                    anchor: anchor.clone(),
                    line,
                    blocks: lead,
                    start: b,
                    lead: None,
                    numbered_only: false,
                    tentative: false,
                    on_heading: false,
                    heard: false,
                    parent: None,
                    label,
                });
                skip_to = bi + 2;
                continue;
            }
            // `主席裁示：同意備查。` right after an item not yet decided is that item's decision, not
            // the section 主席裁示 (which has an ordinal of its own, or follows no open item).
            let ruling = decision_label(b).is_some()
                && items::strip_section_ordinal(b).len() == b.trim().len()
                && current
                    .as_ref()
                    .is_some_and(|p| !p.blocks.iter().any(|(_, x)| decision_label(x).is_some()));
            // `三、聽取報告`, `四、審定結果報告`: a numbered part of the agenda that names reports is a
            // section of reports, its numbered points the reports.
            let report_part = is_report_part(b) && current.as_ref().is_none_or(|p| !p.heard);
            if let Some(k) = is_section_block(b)
                .filter(|_| !ruling)
                .or(report_part.then_some(Kind::Report))
                .filter(|_| !points[bi])
            {
                section_line = line;
                if let Some(p) = current.take() {
                    finish(p, section, &mut out, diags);
                }
                section = Some(k);
                chairs_report = is_chairs_report(b);
                section_name = items::named_part(b);
                in_appendix = items::is_appendix(b);
                section_style = part_style(b);
                parts_style = section_style.or(parts_style);
                reports_heard = report_part && squeeze(strip_ordinal(b)).starts_with("聽取");
                continue;
            }
            // The next part of the agenda, numbered as the section's own title was (`七、法規報告案…`
            // after `六、討論提案` and its `(一)…(六)`): the section ends, and the part is read on
            // its own (`parts_style`).
            if section_style.is_some() && part_style(b) == section_style {
                if let Some(p) = current.take() {
                    finish(p, section, &mut out, diags);
                }
                section = None;
                section_name = None;
                section_style = None;
                reports_heard = false;
            }
            // Outside any section, the agenda's next part numbered as the item's own part was
            // (`四、主席致詞: …` after `三、主席提起確認上次會議…` and its `決議: 通過確認`) ends it.
            if section.is_none()
                && items::ordinal_number(b).is_some()
                && current.as_ref().is_some_and(|p| {
                    matches!(part_style(p.start), Some(0 | 4 | 5))
                        && part_style(p.start) == part_style(b)
                        && items::ordinal_number(p.start).is_some()
                })
            {
                if let Some(p) = current.take() {
                    finish(p, section, &mut out, diags);
                }
            }
            // An attachment restates items (`案由三：…` above its reports): they are not new ones.
            if in_appendix {
                continue;
            }
            // Items laid out as a table's rows (案號 / 案由 / 決議 columns).
            // A row with one cell of text has no tab left in its text: its source line says it is
            // a row.
            let row_line = table.is_some() && !b.contains('\n') && table_row_line(file_text, line);
            if b.contains('\t') || row_line {
                // The row's text starts at its first cell with text: its empty cells before it
                // (`|  | 家酒吧及特種咖啡茶室管理 |  |`) are counted in the source line.
                let lead = leading_empty_cells(file_text, line);
                let cells: Vec<&str> = std::iter::repeat_n("", lead)
                    .chain(b.trim_end_matches('\t').split('\t').map(str::trim))
                    .collect();
                // A row naming the columns again is the header of a new table (one drawn after
                // the last with nothing between them but a heading or a section's title).
                let header = items::TableColumns::from_header(&cells);
                if let Some(cols) = table.as_ref().filter(|_| header.is_none()) {
                    if let Some((title, decision)) = cols.continuation(&cells) {
                        if let Some(a) = table_item.and_then(|i| out.get_mut(i)) {
                            items::join_wrapped(&mut a.title, title);
                            if !decision.is_empty() {
                                items::join_wrapped(&mut a.decision, decision);
                                a.decision_first = a.decision.clone();
                                a.decision_label = cols.decision_label;
                                a.votes = items::votes(&a.decision);
                            }
                        }
                        continue;
                    }
                    if let Some(row) = cols.row(&cells) {
                        table_item = Some(out.len());
                        let n = out.len() + 1;
                        let label = row.label.unwrap_or_else(|| format!("第{}案", items::chinese_number(n)));
                        let mut found: Vec<(String, usize)> = row.units.iter().map(|u| (u.to_string(), line)).collect();
                        let mut people = row.people;
                        // A `提案單位/人` column: each name a unit or a person.
                        for (name, role) in row.mixed {
                            match mixed_person(name, units) {
                                Some(person) => people.push((role.to_string(), person)),
                                None => found.push((name.to_string(), line)),
                            }
                        }
                        let units_found = resolve_units(rel, file_text, units, found, diags);
                        out.push(AgendaItem {
                            kind: section.unwrap_or_else(|| items::default_kind(&label)),
                            label,
                            title: row.title.to_string(),
                            anchor: anchor.clone(),
                            units: units_found,
                            decision: row.decision.to_string(),
                            decision_first: row.decision.to_string(),
                            decision_label: if row.decision.is_empty() {
                                ""
                            } else {
                                cols.decision_label
                            },
                            votes: items::votes(row.decision),
                            people,
                            line,
                            block_line: Some(line),
                            unknown_label: None,
                        });
                    }
                    continue;
                }
                if let Some(cols) = header {
                    if let Some(p) = current.take() {
                        finish(p, section, &mut out, diags);
                    }
                    table = Some(cols);
                    table_item = None;
                    continue;
                }
            } else {
                table = None;
            }
            if let Some((label, kind)) = items::paragraph_item(b, section.filter(|_| !chairs_report)) {
                let title = match b.trim().split_once(['：', ':']) {
                    _ if items::bracketed(b.trim()).is_some_and(|(_, rest)| !rest.is_empty()) => {
                        items::bracketed(b.trim()).map_or("", |(_, rest)| rest).to_string()
                    }
                    // A numbered paragraph (`四、秘書長報告：…`) keeps its whole text after the ordinal.
                    Some((_, rest)) if has_colon_title(b) && items::ordinal_number(b).is_none() => {
                        rest.trim().to_string()
                    }
                    // `案由(一) 新會員入會申請`: the title after the space.
                    None if numbered_spaced_title(b).is_some() => {
                        numbered_spaced_title(b).map_or(String::new(), |(_, _, t)| t.to_string())
                    }
                    _ => strip_ordinal(b).to_string(),
                };
                // `動議人：王大明` (or `第一案〈…〉 提案人：…`) then `案由：…`: one item, whose title is
                // its 案由 (the block before it stays in the item, for the people it names).
                if let Some(p) = current.as_mut() {
                    let lead_only = matches!(p.lead, Some(items::Lead::Movers(..))) || p.numbered_only;
                    // The lead's own parts may sit between (`編號：26` / `類別：民政` / `案由：…`,
                    // `… 提案人：陳朝來議員` / `連署人：…` / `案由：…`).
                    if lead_only && p.blocks.iter().all(|(_, x)| starts_part(x)) && label.starts_with('案') {
                        p.blocks.push((p.line, p.start));
                        p.title = title;
                        p.numbered_only = false;
                        continue;
                    }
                }
                if let Some(p) = current.take() {
                    finish(p, section, &mut out, diags);
                }
                let bracket_title = items::bracketed(b.trim()).is_some_and(|(_, rest)| !rest.is_empty());
                let numbered_only = (!label.starts_with('案') && !has_colon_title(b) && !bracket_title)
                    || items::number_line(b).is_some();
                current = Some(Pending {
                    label,
                    kind,
                    title,
                    anchor: anchor.clone(),
                    line,
                    blocks: Vec::new(),
                    start: b,
                    lead: None,
                    numbered_only,
                    tentative: false,
                    on_heading: false,
                    heard: false,
                    parent: None,
                });
                continue;
            }
            // A numbered paragraph under 報告事項 / 討論事項 / 選舉事項 / 臨時動議 outside any
            // item: an item if its decision or one of its labelled parts follows (checked when it
            // ends). A numbered motion led by its unit or mover is read below.
            // `1、第 5 次定期會 建設議提 5 號案，` then `大會議決：本案保留。`, inside an item that
            // decides a committee's bills together: a bill set apart, decided on its own.
            if let Some(code) = items::bill_point(b).filter(|_| section.is_some()) {
                let parent = current.as_ref().map(|p| p.parent.unwrap_or(p.start));
                if let Some(p) = current.take() {
                    finish(p, section, &mut out, diags);
                }
                let title = strip_ordinal(b).trim_end_matches(['，', ',']).to_string();
                current = Some(Pending {
                    parent,
                    ..Pending::point(code, None, title, &anchor, line, b)
                });
                continue;
            }
            let led = section == Some(Kind::Motion) && items::led_motion(strip_ordinal(b)).is_some();
            // A numbered part of the agenda outside any section, after the parts that were
            // sections (`五、討論逕送大會墊付款案…` then `大會議決：通過。`): an item if decided, named
            // by what it is (a report, else a discussion).
            // Before any section, a top-level part of the agenda decided before the next part
            // (`三、主席提起確認上次會議…紀錄內容…` / `決議: 通過確認`, a programme numbered 一 to 五 with
            // no section names) is one too; one not decided (`二、7:00 會議開始`) only tells.
            let early_part = || {
                let style = part_style(b);
                section.is_none()
                    && parts_style.is_none()
                    && !in_appendix
                    && matches!(style, Some(0 | 4 | 5))
                    && blocks[bi + 1..]
                        .iter()
                        .take_while(|(_, x)| part_style(x) != style && is_section_block(x).is_none())
                        .any(|(_, x)| decision_label(x).is_some())
            };
            let own_part = (section.is_none() && parts_style.is_some() && part_style(b) == parts_style) || early_part();
            let part_name = own_part.then(|| {
                let name = items::name_before_count(&squeeze(strip_ordinal(b))).to_string();
                if name.ends_with("報告") || name.ends_with("報告案") {
                    "報告事項"
                } else {
                    "討論事項"
                }
            });
            // `二、校長:` (a part whose title ends in its colon: it only groups what follows), its
            // points `1.總務處:…` / `2.輔導室:`, then `1.家長會聯誼活動的地點及天數。` and `決議：…`:
            // a point that numbers again from 1, decided at once, is what the decision decides, an
            // item of the part's name and kind, not the part.
            let restarts = current.as_ref().is_some_and(|p| {
                p.tentative
                    && p.title.trim_end().ends_with(['：', ':'])
                    && !p.blocks.iter().any(|(_, x)| decision_label(x).is_some())
                    && items::ordinal_style(b).is_some_and(|st| {
                        Some(st) != items::ordinal_style(p.start)
                            && p.blocks.iter().any(|(_, x)| items::ordinal_style(x) == Some(st))
                    })
            }) && items::ordinal_number(b).and_then(|n| items::numeral_value(&n)) == Some(1)
                && !b.contains(['：', ':'])
                && blocks.get(bi + 1).is_some_and(|&(_, nb)| decision_label(nb).is_some());
            if restarts {
                let p = current.take().expect("checked above");
                let prefix = p.label.trim_end_matches(items::is_numeral).to_string();
                let (kind, parent) = (p.kind, p.parent.unwrap_or(p.start));
                finish(p, section, &mut out, diags);
                current = Some(Pending {
                    parent: Some(parent),
                    ..Pending::point(
                        format!("{prefix}一"),
                        kind,
                        strip_ordinal(b).to_string(),
                        &anchor,
                        line,
                        b,
                    )
                });
                continue;
            }
            let name = items::section_item_name(section)
                .map(String::from)
                .or_else(|| section_name.clone())
                .or(part_name.map(String::from));
            if let Some(name) = name.filter(|_| !led && !in_appendix) {
                let sibling = current.as_ref().is_none_or(|p| {
                    (p.tentative && items::ordinal_style(p.start) == items::ordinal_style(b))
                        || next_sibling(p.start, &p.blocks, b)
                        || p.parent
                            .is_some_and(|s| items::ordinal_style(s) == items::ordinal_style(b))
                });
                if let Some(n) = items::ordinal_number(b).filter(|_| sibling) {
                    if let Some(p) = current.take() {
                        finish(p, section, &mut out, diags);
                    }
                    let kind = part_name.map(|n| {
                        if n == "報告事項" {
                            Kind::Report
                        } else {
                            Kind::Discussion
                        }
                    });
                    // `1.許一成顧問:校服再利用…。` under 臨時動議: the person named with their title
                    // before the colon moves it, and the title is what follows.
                    let text = strip_ordinal(b);
                    let mover = (section == Some(Kind::Motion))
                        .then(|| text.split_once(['：', ':']))
                        .flatten()
                        .and_then(|(head, rest)| items::titled_name(head).map(|n| (n.to_string(), rest.trim())))
                        .filter(|(_, rest)| !rest.is_empty());
                    let title = mover.as_ref().map_or(text, |(_, rest)| rest).to_string();
                    current = Some(Pending {
                        heard: reports_heard && items::is_heard_report(b),
                        lead: mover.map(|(n, _)| items::Lead::Movers(vec![n], "mover")),
                        ..Pending::point(
                            format!("{name}{}", items::label_number(&n)),
                            kind,
                            title,
                            &anchor,
                            line,
                            b,
                        )
                    });
                    continue;
                }
            }
            // Under a part of its own name (`丙、主席裁定事項`), an unnumbered line that ends in a
            // colon and leads the text after it (`金議員中玉要求：` / `請新店區公所提供…` /
            // `主席裁定：…`): an item if decided, numbered by its place in the part.
            if let Some(name) = section_name.clone().filter(|_| is_lead_line(b)) {
                if let Some(p) = current.take() {
                    finish(p, section, &mut out, diags);
                }
                let n = out.iter().filter(|a| a.line >= section_line).count() + 1;
                let title = b.trim().trim_end_matches(['：', ':']).to_string();
                current = Some(Pending::point(
                    format!("{name}{}", items::chinese_number(n)),
                    None,
                    title,
                    &anchor,
                    line,
                    b,
                ));
                continue;
            }
            // An unnumbered title under 報告事項 / 討論事項 whose next block is an item's labelled
            // part or its decision (`宣讀上次會議議事錄。` then `決定：確定。`): an item, numbered
            // by its place in the section. Not when the part continues the item being read (its
            // first 說明 after its title); a second 說明 means a new item.
            if matches!(section, Some(Kind::Report | Kind::Discussion)) {
                if let Some(&(_, next)) = blocks.get(bi + 1) {
                    let next_part = items::leading_label(next, items::PART_LABELS)
                        .map(|(l, _)| l)
                        .or_else(|| decision_label(next));
                    let continues = |p: &Pending| {
                        next_part.is_some_and(|l| {
                            !p.blocks.iter().any(|(_, b)| {
                                items::leading_label(b, items::PART_LABELS).map(|(x, _)| x) == Some(l)
                                    || decision_label(b) == Some(l)
                            })
                        })
                    };
                    // `討論議案：計地政類 2 件…` then `大會決議：…`: a title under a label the model does
                    // not know, decided at once, is an item too.
                    let decided_title = decision_label(next).is_some()
                        && !b.trim().contains('\n')
                        && items::unknown_label(b).is_some()
                        && items::leading_label(b, items::PART_LABELS).is_none();
                    if next_part.is_some()
                        && (is_title_block(b) || decided_title)
                        && current.as_ref().is_none_or(|p| !continues(p))
                    {
                        // A title a converter broke over paragraphs (`…自治條例」` / `（草案）` /
                        // `，請 審議。`) is read whole, from the paragraphs before it that no item
                        // holds.
                        let (title, line) = if current.is_none() {
                            continued_title(&blocks[..=bi])
                        } else {
                            (b.trim().to_string(), line)
                        };
                        if let Some(p) = current.take() {
                            finish(p, section, &mut out, diags);
                        }
                        let n = out.iter().filter(|a| a.line >= section_line).count() + 1;
                        let name = items::section_item_name(section).unwrap_or("討論事項");
                        current = Some(Pending {
                            label: format!("{name}{}", items::chinese_number(n)),
                            kind: None,
                            title,
                            anchor: anchor.clone(),
                            line,
                            blocks: Vec::new(),
                            start: b,
                            lead: None,
                            numbered_only: false,
                            tentative: false,
                            on_heading: false,
                            heard: false,
                            parent: None,
                        });
                        continue;
                    }
                }
            }
            // Under 臨時動議, a motion led by its unit or mover without an item label (its number,
            // if it has one, is the motions' count anyway).
            if section == Some(Kind::Motion) {
                if let Some((lead, title)) = items::led_motion(strip_ordinal(b)) {
                    // 動議人 inside an item that has not been decided yet names that item's mover.
                    let open = current
                        .as_ref()
                        .is_some_and(|p| !p.blocks.iter().any(|(_, b)| decision_label(b).is_some()));
                    if !(open && matches!(lead, items::Lead::Movers(..))) {
                        if let Some(p) = current.take() {
                            finish(p, section, &mut out, diags);
                        }
                        let n = out.iter().filter(|a| a.kind == Kind::Motion).count() + merged_motions + 1;
                        current = Some(Pending {
                            label: format!("臨時動議{}", items::chinese_number(n)),
                            kind: Some(Kind::Motion),
                            title,
                            anchor: anchor.clone(),
                            line,
                            blocks: Vec::new(),
                            start: b,
                            lead: Some(lead),
                            numbered_only: false,
                            tentative: false,
                            on_heading: false,
                            heard: false,
                            parent: None,
                        });
                        continue;
                    }
                }
            }
            if let Some(p) = current.as_mut() {
                p.blocks.push((line, b));
                continue;
            }
            // A decision no item owns: decisions are the labels most alike across bodies, and one
            // is always some item's. The block just before it is that item when it reads as an
            // item's title — a numbered line, or a line ending in 案 or in a request (`…，提請討論。`)
            // — and is no part of the agenda, label or other item's (`議程確認：詳大會議程。` then
            // `決議：無異議通過。` stays procedure).
            if decision_label(b).is_some() && !in_appendix && bi > start_at && section != Some(Kind::Other) {
                let (pline, prev) = blocks[bi - 1];
                let titled =
                    items::ordinal_number(prev).is_some() || items::ends_with_request(prev) || ends_in_case(prev);
                let plain = is_section_block(prev).is_none()
                    && decision_label(prev).is_none()
                    && !starts_part(prev)
                    && !has_colon_title(prev)
                    && !prev.trim().contains('\n')
                    && prev.trim().chars().count() <= 120
                    && !items::says_none(strip_ordinal(prev));
                if titled && plain {
                    let name = items::section_item_name(section).unwrap_or("討論事項");
                    let n = match items::ordinal_number(prev) {
                        Some(n) => items::label_number(&n),
                        None => items::chinese_number(out.iter().filter(|a| a.line >= section_line).count() + 1),
                    };
                    current = Some(Pending {
                        blocks: vec![(line, b)],
                        ..Pending::point(
                            format!("{name}{n}"),
                            section.is_none().then_some(Kind::Discussion),
                            strip_ordinal(prev).to_string(),
                            &anchor,
                            pline,
                            prev,
                        )
                    });
                }
            }
        }
    }
    if let Some(p) = current.take() {
        finish(p, section, &mut out, diags);
    }
    st.agenda.extend(out);
    st.agenda.sort_by_key(|a| a.line);
}

/// Whether a section's title names the chair's own report (`壹、主席報告：`, `主席致詞`): what the
/// chair reports in it, point by point, is no item of the agenda.
fn is_chairs_report(title: &str) -> bool {
    let n = squeeze(items::strip_section_ordinal(title));
    ["主席報告", "主席致詞", "主席致辭"].iter().any(|p| n.starts_with(p))
}

/// The part of the agenda a record's own title (its front-matter `title`) says the record is:
/// motions, for a title ending in 動議案 / 臨時動議 / 臨時提案 (a council prints its members'
/// motions as a book of their own, `基隆市議會第十八屆第一次定期會暨第3次臨時會動議案`).
fn titled_part(file_text: &str) -> Option<Kind> {
    let front = file_text.strip_prefix("---\n")?;
    let end = front.find("\n---")?;
    let title = front[..end].lines().find_map(|l| l.strip_prefix("title:"))?;
    names_motions(title.trim().trim_matches(['"', '\'']))
}

/// Whether a record's title names a book of motions (`…定期會暨第3次臨時會動議案`).
fn names_motions(title: &str) -> Option<Kind> {
    let title = squeeze(title);
    ["動議案", "臨時動議", "臨時動議案", "臨時提案"]
        .iter()
        .any(|s| title.ends_with(s))
        .then_some(Kind::Motion)
}

/// The same read from the body's own words: its opening line, a heading or a paragraph before
/// any item or section, that titles the record as its motions (`# 基隆市議會第十八屆第一次定期會暨
/// 第3次臨時會動議案`). Only a title counts: one line, no sentence (no `。`, colon or comma), and no
/// section of its own (`臨時動議` alone is the section).
fn body_titled_part(r: &Rendered) -> Option<Kind> {
    let first = r.sections.iter().find_map(|sec| match sec.heading {
        Some(h) => Some(r.headings[h].text.trim()),
        None => item_blocks(sec).map(|(_, b)| b.trim()).find(|b| !b.is_empty()),
    })?;
    let title_only = !first.contains(['\n', '。', '：', ':', '，', ','])
        && first.chars().count() <= 60
        && is_section_block(first).is_none()
        && items::paragraph_item(first, None).is_none();
    title_only.then(|| names_motions(first)).flatten()
}

/// A case's 案由 (or 案名) written as a form's field, its name alone in block `bi` and its value the
/// next block: the value (the case's title) and the label of the number field above it (`案號` /
/// `59` → `第59案`), when only the form's short fields (no sentence, decision or other case)
/// stand between them.
fn form_case<'a>(blocks: &[(usize, &'a str)], bi: usize) -> Option<(&'a str, Option<(String, usize)>)> {
    let name = squeeze(blocks[bi].1);
    if name != "案由" && name != "案名" {
        return None;
    }
    let value = blocks.get(bi + 1)?.1.trim();
    let bare = squeeze(value);
    let another_field = items::PART_LABELS.contains(&bare.as_str()) || DECISION_LABELS.contains(&bare.as_str());
    if value.is_empty()
        || another_field
        || starts_part(value)
        || decision_label(value).is_some()
        || value.contains('\n')
    {
        return None;
    }
    let field = |b: &str| {
        let t = b.trim();
        !t.contains(['\n', '。']) && t.chars().count() <= 80 && decision_label(t).is_none() && squeeze(t) != "案由"
    };
    let number = (0..bi.saturating_sub(1))
        .rev()
        .take_while(|&i| field(blocks[i + 1].1))
        .find_map(|i| items::number_field(blocks[i].1, blocks[i + 1].1).map(|l| (l, i)));
    Some((value, number))
}

/// A form's field that only records the case's paperwork (`大會決議日期`, `大會決議附件`, `發文字號`,
/// `審查結果附件`): the name alone, short, ending in 日期, 附件, 字號 or 文號. It ends a decision.
fn paperwork_field(block: &str) -> bool {
    let t = squeeze(block);
    let n = t.chars().count();
    (3..=8).contains(&n)
        && t.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && ["日期", "附件", "字號", "文號"].iter().any(|e| t.ends_with(e))
}

/// Whether `b` is the next numbered point after the item that `start` began (`（三）` after
/// `（二）…`): the same style of ordinal, the next number, and no point of that style inside the
/// item yet (a decision's own `一、…二、…` stay in it).
fn next_sibling(start: &str, blocks: &[(usize, &str)], b: &str) -> bool {
    let style = items::ordinal_style(start);
    let value = |t: &str| items::ordinal_number(t).and_then(|n| items::numeral_value(&n));
    style.is_some()
        && items::ordinal_style(b) == style
        && !blocks.iter().any(|(_, x)| items::ordinal_style(x) == style)
        && matches!((value(start), value(b)), (Some(a), Some(n)) if n == a + 1)
}

/// A paragraph with no label of its own that runs on into a decision (`…追加減預算案大會決議:照案通過`,
/// as converters join a title's last line with the decision's): the title, then the decision as
/// a block of its own. The label must follow the end of a title (案, 。, a closing bracket) and
/// take its colon, so a sentence that mentions a decision (`本案決議略以`) stays whole.
fn glued_decision(block: &str) -> std::vec::IntoIter<&str> {
    let t = block.trim_end();
    if items::leading_label(t, items::PART_LABELS).is_some() {
        // Parts on the lines of one paragraph: each where its line began, without the line
        // break written as HTML at its end (`<br>`), which is no part of the text.
        let mut out = Vec::new();
        let mut rest = t;
        while let Some(i) = joined_part(rest) {
            out.push(without_break_tag(&rest[..i]));
            rest = &rest[i..];
        }
        if out.is_empty() {
            return vec![block].into_iter();
        }
        out.push(without_break_tag(rest));
        return out.into_iter();
    }
    let at = if t.contains(['：', ':']) {
        t.char_indices().skip(1).find_map(|(i, _)| {
            let (before, after) = t.split_at(i);
            // The label first: `outside_brackets` copies all the text before, at every comma.
            let glued = before.ends_with(['案', '。', '）', ')', '，'])
                && DECISION_LABELS
                    .iter()
                    .any(|l| after.strip_prefix(l).is_some_and(|r| r.starts_with(['：', ':'])))
                && !outside_brackets(before).contains(['：', ':']);
            glued.then_some(i)
        })
    } else {
        None
    };
    match at {
        Some(i) => vec![&t[..i], &t[i..]],
        None => vec![block],
    }
    .into_iter()
}

/// A text without the line break written as HTML at its end (`…公告。<br>`, `<br/>`, `<br />`).
fn without_break_tag(t: &str) -> &str {
    let mut t = t.trim_end();
    loop {
        let lower = t.to_ascii_lowercase();
        let Some(tag) = ["<br>", "<br/>", "<br />"].iter().find(|x| lower.ends_with(*x)) else {
            return t;
        };
        t = t[..t.len() - tag.len()].trim_end();
    }
}

/// Where a labelled part written on the next line of the same paragraph begins, in a block that
/// starts with one (`**說明**: …不變。<br>` / `**決議**: 請總幹事…`, as Markdown written by hand joins
/// its lines into one paragraph): a decision label or another part's label with its colon, right
/// after the end of a sentence or a written line break (`。`, `<br>`, `；`), spaces allowed
/// between. Only the first such place: the rest is split when that part is read.
fn joined_part(t: &str) -> Option<usize> {
    let mut prev_end = false;
    for (i, c) in t.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        if prev_end && i > 0 {
            let after = &t[i..];
            let labelled = items::leading_label(after, DECISION_LABELS)
                .or_else(|| items::leading_label(after, items::PART_LABELS))
                // The label itself, then its colon, at `after`'s start.
                .is_some_and(|(l, _)| squeeze(after.split([':', '：']).next().unwrap_or("")) == l);
            if labelled {
                return Some(i);
            }
        }
        prev_end = matches!(c, '。' | '；' | ';' | '！' | '？' | '）' | ')')
            || (c == '>' && {
                let head = t[..i].to_ascii_lowercase();
                head.ends_with("<br") || head.ends_with("<br/") || head.ends_with("<br /")
            });
    }
    None
}

/// The text outside brackets (`討論民政委員會議案(計 4 案：…)，` → `討論民政委員會議案，`): a count or
/// a list in brackets is no label of the paragraph's.
fn outside_brackets(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The title ending with the last of `blocks`, with the paragraphs before it that it continues: a
/// paragraph that opens with a comma or a closing mark (`，請 審議。`), or a short bracketed part
/// (`（草案）`) after a paragraph that has not ended its sentence, goes on from the one before.
/// Returns the title and the line it starts at.
fn continued_title(blocks: &[(usize, &str)]) -> (String, usize) {
    let Some(&(mut line, last)) = blocks.last() else {
        return (String::new(), 0);
    };
    let mut parts = vec![last.trim()];
    for &(l, prev) in blocks[..blocks.len() - 1].iter().rev() {
        let next = parts[parts.len() - 1];
        let opens_on = next.starts_with(['，', '、', '。', '；', '）', '」', '』', ',']);
        let bracketed = next.starts_with(['（', '(']) && next.ends_with(['）', ')']) && next.chars().count() <= 10;
        let prev = prev.trim();
        let unfinished = !prev.ends_with(['。', '！', '？', '：', ':']);
        if !(opens_on || (bracketed && unfinished))
            || is_section_block(prev).is_some()
            || decision_label(prev).is_some()
            || starts_part(prev)
            || prev.contains('\n')
        {
            break;
        }
        parts.push(prev);
        line = l;
    }
    parts.reverse();
    (parts.concat(), line)
}

/// A paragraph that begins with a section's title run on into the line after it
/// (`乙、討 論 事 項討論議案：…`): the title, then the rest as a block of its own.
fn glued_section(block: &str) -> impl Iterator<Item = &str> {
    match items::glued_section_title(block) {
        Some(i) => [Some(&block[..i]), Some(&block[i..])],
        None => [Some(block), None],
    }
    .into_iter()
    .flatten()
}

/// Whether a block starts one of an item's labelled parts (說明, 辦法, 報告人, 提案單位…).
fn starts_part(block: &str) -> bool {
    items::leading_label(unlist(block), items::PART_LABELS).is_some()
        || remarks(block)
        || items::starts_mixed_label(block)
        || items::spaced_field(block, items::PART_LABELS).is_some()
}

/// Whether a block can be an item's title: one short paragraph, not a label, a list entry, a
/// numbered point or a bracketed marker (`【修正動議一】`, `【程序動議】`: a motion inside the item
/// being read).
fn is_title_block(block: &str) -> bool {
    let t = block.trim();
    !t.is_empty()
        && !t.starts_with(['【', '〔', '[', '［'])
        && !t.contains('\n')
        && t.chars().count() <= 120
        && !has_colon_title(t)
        && unlist(t) == t
        && items::ordinal_number(t).is_none()
        && decision_label(t).is_none()
        && !t.contains('\t')
        // An item's number alone (`提案一`, `第二案`) leads the item after it.
        && items::numbered_label(&squeeze(t)).is_none()
}

/// Whether a line ends in 案, as an item's title does (`…追加減預算案`, `…乙案。`).
fn ends_in_case(block: &str) -> bool {
    block.trim().trim_end_matches(['。', '.', '；']).ends_with('案')
}

/// Whether a block is `label：title` with a short label and a title after its colon.
/// The ordinal of a top-level part of the agenda (`壹、`, `貳、`, `拾壹、`): `壹`.
fn part_ordinal(text: &str) -> Option<String> {
    let t = text.trim();
    let n: String = t.chars().take_while(|c| "壹貳參肆伍陸柒捌玖拾".contains(*c)).collect();
    let rest = t[n.len()..].strip_prefix(['、', '﹑', '､', '.', '．'])?;
    (!n.is_empty() && !rest.trim().is_empty()).then_some(n)
}

/// Whether `name` is a unit's: the registry's, or (with no registry) a name that ends like one
/// and is no ordinal or number (`第一讀會` is a reading, not a unit).
fn unit_name(name: &str, units: &Registry) -> bool {
    if units.is_empty() {
        items::named_like_unit(name) && !name.starts_with('第') && !name.chars().any(|c| c.is_ascii_digit())
    } else {
        units.get(name).is_some()
    }
}

/// Units found on an item (name, line) and its people (role, name).
type Parties = (Vec<(String, usize)>, Vec<(String, String)>);

/// The units and people named under a label that names both (`提案單位/人` / `趙昆原`,
/// `提案人／單位：民政課、王大明`) in `blocks`, read as one text: each name is a unit when
/// [`unit_name`] says so (the registry knows it; without one, it is named like a unit), else a
/// person when it reads as a name (its title dropped), else a unit still, resolved through the
/// registry as a name under 提案單位 is. Units come with the line of their block.
fn mixed_parties(blocks: &[(usize, &str)], units: &Registry) -> Parties {
    let mut text = String::new();
    let mut starts = Vec::new();
    for (line, b) in blocks {
        starts.push((text.len(), *line));
        text.push_str(b);
        text.push('\n');
    }
    let (mut found, mut people) = (Vec::new(), Vec::new());
    for (name, at, _, role) in items::mixed_names(&text) {
        let line = starts.iter().rev().find(|(s, _)| *s <= at).map_or(0, |(_, l)| *l);
        match mixed_person(&name, units) {
            Some(person) => {
                let p = (role.to_string(), person);
                if !people.contains(&p) {
                    people.push(p);
                }
            }
            None => found.push((name, line)),
        }
    }
    (found, people)
}

/// A name under a label naming units and people together, as a person (without their title), or
/// `None` when it is a unit's: see [`mixed_parties`].
fn mixed_person(name: &str, units: &Registry) -> Option<String> {
    let person = items::person_name(items::bare_name(name));
    (!unit_name(name, units) && items::reads_as_name(&person)).then_some(person)
}

/// An item led by the unit that brings it (`社會科學院提：檢具…，提請討論。`): the unit and the
/// title after the colon. Only `提` alone: `審議鎮公所提案：第三讀會` names what is reviewed.
fn proposing_unit(title: &str, units: &Registry) -> Option<(String, String)> {
    let (head, rest) = title.split_once(['：', ':'])?;
    let head = squeeze(head);
    let name = head.strip_suffix('提')?;
    (unit_name(name, units) && !rest.trim().is_empty()).then(|| (name.to_string(), rest.trim().to_string()))
}

/// The office a numbered report names before its colon (`教務處報告：…`, `第一組工作報告：…`).
fn reporting_unit(title: &str, units: &Registry) -> Option<String> {
    let (head, _) = title.split_once(['：', ':'])?;
    let head = squeeze(head);
    let name = head.strip_suffix("報告")?;
    let name = name
        .strip_suffix("工作")
        .or_else(|| name.strip_suffix("業務"))
        .unwrap_or(name);
    unit_name(name, units).then(|| name.to_string())
}

/// The office that submits an item, named at its title's start before 陳報 / 提報 / 簽報
/// (`民政局陳報「臺南市里活動中心活化及興建執行情形」報告。`, as a city government's minutes write
/// the bureau that brings a report): the office, when it is a unit's name.
fn submitting_office(title: &str, units: &Registry) -> Option<String> {
    let t = squeeze(strip_ordinal(title));
    ["陳報", "提報", "簽報"].iter().find_map(|verb| {
        let i = t.find(verb)?;
        let name = &t[..i];
        let n = name.chars().count();
        ((2..=12).contains(&n)
            && !name.contains(['，', ',', '。', '：', ':', '「', '（', '('])
            && unit_name(name, units))
        .then(|| name.to_string())
    })
}

/// A short unnumbered line that ends in its colon and leads the text after it (`金議員中玉要求：`),
/// no label of an item's part, a decision or the meeting's.
fn is_lead_line(block: &str) -> bool {
    let t = block.trim();
    let Some(head) = t.strip_suffix(['：', ':']) else {
        return false;
    };
    let n = squeeze(head).chars().count();
    !t.contains('\n')
        && (2..=20).contains(&n)
        && items::ordinal_number(t).is_none()
        && !adjourns(t)
        && decision_label(t).is_none()
        && !starts_part(t)
        && items::leading_label(t, UNIT_LABELS).is_none()
        && !head.contains(['：', ':', '。', '，'])
}

/// The style of a numbered part's ordinal, told apart further than [`items::ordinal_style`]:
/// `甲、` and `壹、` are each a level of their own above `一、`, and `1、` one apart from `1.`.
fn part_style(block: &str) -> Option<u8> {
    let t = block.trim();
    let first = t.chars().next()?;
    let marked = t[first.len_utf8()..].starts_with(['、', '﹑', '､', '.', '．']);
    if "甲乙丙丁戊己庚辛".contains(first) && marked {
        Some(5)
    } else if "壹貳參肆伍陸柒捌玖拾".contains(first) && items::ordinal_number(t).is_some() {
        Some(4)
    } else if items::ordinal_style(t) == Some(2)
        && t.trim_start_matches(items::is_numeral)
            .trim_start()
            .starts_with(['、', '﹑', '､'])
    {
        // `6、業務單位報告:` and its points `1 . 秘書室報告:`: Arabic figures with 、 and with a full
        // stop are two levels of one record's numbering.
        Some(6)
    } else {
        items::ordinal_style(t)
    }
}

/// A numbered part of the agenda whose title names reports (`三、聽取報告`, `四、審定結果報告`,
/// `六、前次會未完成事項報告(計 5 案：…)`): a title alone, no sentence and no colon.
fn is_report_part(block: &str) -> bool {
    let t = block.trim();
    let stripped = strip_ordinal(t);
    if stripped.len() == t.len() || t.contains('\n') {
        return false;
    }
    let whole = squeeze(stripped);
    let name = items::name_before_count(&whole);
    // Nothing but brackets after the name (`(計 5 案：…)`): `(一)…審定結果報告(…)，請議事組宣讀。`
    // is a point, not a part's title.
    outside_brackets(&whole) == name
        && name.ends_with("報告")
        && (4..=14).contains(&name.chars().count())
        && !name.contains(['：', ':', '。', '，', ','])
}

/// The office a report is given for, named before its head's title and name and 報告, with no
/// colon (`財政局簡局長振澄報告本市 104 年度…`, `主計處張處長素惠報告…`): the office. A person
/// alone (`陳市長菊報告…`) names none.
fn reporting_office(title: &str, units: &Registry) -> Option<String> {
    const TITLES: &[&str] = &[
        "局長",
        "處長",
        "主任",
        "秘書長",
        "主委",
        "院長",
        "部長",
        "司長",
        "署長",
        "組長",
        "科長",
        "課長",
        "校長",
    ];
    let head = squeeze(title.split('報').next()?);
    if head.len() == squeeze(title).len() {
        return None;
    }
    head.char_indices().skip(2).find_map(|(i, _)| {
        let (office, person) = head.split_at(i);
        let titled = TITLES.iter().any(|t| person.contains(t)) && person.chars().count() <= 6;
        (titled && unit_name(office, units)).then(|| office.to_string())
    })
}

/// The units in brackets after the end of a title (`…費用案。(地政局)`, `…案。（勞動局、法務局）`),
/// as a city government's minutes name the bureaus that bring a case: every name in the brackets
/// must be a unit's, or none is taken.
fn bracket_units(title: &str, units: &Registry) -> Vec<String> {
    let t = title.trim_end();
    let Some(body) = t.strip_suffix([')', '）']) else {
        return Vec::new();
    };
    let Some(open) = body.rfind(['(', '（']) else {
        return Vec::new();
    };
    let before = body[..open].trim_end();
    let inner = &body[open + body[open..].chars().next().map_or(1, char::len_utf8)..];
    if !before.ends_with(['。', '案', '．']) || inner.contains(['：', ':', '(', '（']) {
        return Vec::new();
    }
    let names: Vec<&str> = inner.split(['、', '，', ',']).map(str::trim).collect();
    if names.iter().all(|n| unit_name(n, units)) {
        names.into_iter().map(String::from).collect()
    } else {
        Vec::new()
    }
}

fn has_colon_title(block: &str) -> bool {
    matches!(block.trim().split_once(['：', ':']), Some((head, rest)) if (squeeze(head).chars().count() <= 8 || items::dashed_label(head).is_some()) && !rest.trim().is_empty())
        // `第一案 提案單位:第一組` is a number and a labelled part, not `label：title`.
        && items::numbered_lead(block).is_none()
}

/// Whether the name of `t` (its letters without whitespace, up to a bracket that is not the
/// first: `items::name_before_count(&squeeze(t))`) has more than `max` characters; counted
/// without copying, as every paragraph of a record is asked.
fn name_longer_than(t: &str, max: usize) -> bool {
    let bracketed = t.trim_start().starts_with(['(', '（']);
    let mut n = 0;
    for c in t.chars().filter(|c| !c.is_whitespace()) {
        if n > 0 && !bracketed && matches!(c, '(' | '（') {
            return false;
        }
        n += 1;
        if n > max {
            return true;
        }
    }
    false
}

/// A paragraph that is a section's title (`貳、討論事項`, `報 告 事 項`, `乙、臨時動議`): its kind.
fn is_section_block(block: &str) -> Option<Kind> {
    let t = block.trim();
    if t.contains('\n') || name_longer_than(t, 14) {
        return None;
    }
    // A sentence is not a section's title: `宣讀上次會議議事錄。` under 報告事項 is an item
    // (`散會。` is still the section it names, and so is `主席致詞：略。`, a title with what the
    // section says after its colon).
    if t.ends_with('。')
        && !t.contains(['：', ':'])
        && squeeze(items::strip_section_ordinal(t)).trim_end_matches('。') != "散會"
    {
        return None;
    }
    items::section_kind(t)
}

fn resolve_unit(units: &Registry, name: &str) -> Option<String> {
    if units.is_empty() {
        return Some(crate::content::record::auto_slug(name));
    }
    // `臺南市政府（消防局）` is registered whole (as the importer proposes it); a bracket that
    // only remarks on a registered unit (`資訊處（書面）`) leaves the unit before it.
    let base = || {
        let open = name.find(['（', '('])?;
        (open > 0 && name.ends_with(['）', ')'])).then(|| name[..open].trim())
    };
    units
        .get(name)
        .or_else(|| base().and_then(|b| units.get(b)))
        .map(|e| e.slug.clone())
}

/// The sections that belong to heading `hi`: its own and those of deeper headings after it.
pub fn region_of(r: &Rendered, hi: usize) -> Vec<&crate::markdown::Section> {
    let level = r.headings[hi].level;
    let mut out = Vec::new();
    let mut started = false;
    for sec in &r.sections {
        match sec.heading {
            Some(i) if i == hi => {
                started = true;
                out.push(sec);
            }
            Some(i) if started => {
                if r.headings[i].level <= level {
                    break;
                }
                out.push(sec);
            }
            _ => {}
        }
    }
    out
}

/// The decision label (決定 or 決議) a block starts with, spaces inside it allowed (`決 定`).
fn decision_label(block: &str) -> Option<&'static str> {
    let block = unlist(block);
    // 決定 and 決議 are read with or without a colon (`決定` alone above its points); the other
    // labels need theirs, so a sentence that begins with 結論 is not a decision.
    if let Some(l) = bare_decision_word(block) {
        return Some(l);
    }
    items::leading_label(block, DECISION_LABELS)
        .map(|(l, _)| l)
        .or_else(|| glued_decision_label(block).map(|(l, _)| l))
        .or_else(|| bare_decision_label(block))
}

/// 決定 or 決議 at a block's start (spaces inside allowed: `決　議`) read as the label though no
/// colon follows: when it stands alone (`決定` above its points), a colon or a space follows it
/// (`決議  照案通過`), or a decision's first phrase does (`決議通過。`, `決定確定。`). A sentence that
/// only begins with the word is none: `決議事項均已辦理完竣。`, `決定書…`, `決議文…`.
fn bare_decision_word(block: &str) -> Option<&'static str> {
    const OPENINGS: &[&str] = &[
        "照案通過",
        "照審查意見通過",
        "原案通過",
        "修正通過",
        "通過",
        "不通過",
        "不予通過",
        "准予備查",
        "同意備查",
        "洽悉",
        "保留",
        "撤回",
        "照辦",
        "確定",
        "同意",
        "准予",
        "備查",
        "如擬",
        "緩議",
    ];
    let t = block.trim_start();
    let label = ["決定", "決議"].into_iter().find(|l| {
        let mut rest = t;
        for (i, ch) in l.chars().enumerate() {
            if i > 0 {
                rest = rest.trim_start_matches([' ', '　', '\t']);
            }
            match rest.strip_prefix(ch) {
                Some(r) => rest = r,
                None => return false,
            }
        }
        if rest.starts_with(['：', ':']) || rest.trim().is_empty() {
            return true;
        }
        // A short phrase and its colon (`決議如下：`, `決議事項：`, `決定內容：`) still labels what follows.
        if let Some(c) = rest.find(['：', ':']) {
            let phrase = squeeze(&rest[..c]);
            if (1..=4).contains(&phrase.chars().count())
                && phrase.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            {
                return true;
            }
        }
        // The word goes on into a sentence or a longer name (`決議事項`, `決 議 案`, `決議之…`).
        let cont = squeeze(rest);
        if ["事項", "案", "文", "書", "之", "的", "後", "時", "與", "及", "均", "已"]
            .iter()
            .any(|w| cont.starts_with(w))
        {
            return false;
        }
        let after = rest.trim_start_matches([' ', '　', '\t']);
        after.len() < rest.len() || OPENINGS.iter().any(|o| rest.starts_with(o))
    })?;
    Some(label)
}

/// A decision label that is the whole block, its decision on the lines after it (`大會決議` /
/// `照案通過。`, `議決` / `原案通過…`, `主席裁示：` / `…`), as 決定 and 決議 are read alone: only the
/// whole block counts, so a sentence that begins with 結論 or 裁示 is none.
fn bare_decision_label(block: &str) -> Option<&'static str> {
    // A label is a few characters: a block with more (spaces and colons aside) is none, found
    // without copying it (this runs on every paragraph of every record).
    static LONGEST: std::sync::LazyLock<usize> =
        std::sync::LazyLock::new(|| DECISION_LABELS.iter().map(|l| l.chars().count()).max().unwrap_or(0));
    let counted = block.chars().filter(|c| !c.is_whitespace() && !matches!(c, '：' | ':'));
    if counted.take(*LONGEST + 1).count() > *LONGEST {
        return None;
    }
    let bare = squeeze(block);
    let bare = bare.trim_end_matches(['：', ':']);
    DECISION_LABELS.iter().copied().find(|l| *l == bare)
}

/// A decision label a form's page runs into its text with no colon, read only where the text
/// can be nothing else: a label of four characters (`大會決議`, `主席裁示`, `審查意見`…) at the
/// block's start, then a decision's usual opening (`大會決議照案通過。`, `審查意見照案通過`), or
/// the next label when the first field was left empty (`審查意見議決原案通過;…`: the 議決 decides).
/// The label and the text.
fn glued_decision_label(block: &str) -> Option<(&'static str, &str)> {
    const OPENINGS: &[&str] = &[
        "照案通過",
        "照審查意見通過",
        "原案通過",
        "修正通過",
        "通過",
        "不通過",
        "不予通過",
        "准予備查",
        "同意備查",
        "洽悉",
        "保留",
        "撤回",
        "照辦",
    ];
    let mut t = unlist(block).trim();
    let mut found = None;
    // An empty field before its neighbour (`審查意見` + `議決…`) gives way to it.
    for _ in 0..2 {
        let label = DECISION_LABELS
            .iter()
            .copied()
            .find(|l| (found.is_some() || l.chars().count() == 4) && t.starts_with(l))?;
        t = &t[label.len()..];
        found = Some(label);
        // The opening is the decision's first phrase whole (`通過。`, `原案通過;…`), not the
        // start of a sentence that goes on (`大會決議通過之預算…`).
        let whole = |o: &&str| {
            t.strip_prefix(*o).is_some_and(|r| {
                r.is_empty() || r.starts_with(['。', '，', ',', '；', ';', '、', '（', '(', ' ', '　', '\n'])
            })
        };
        if OPENINGS.iter().any(whole) {
            return found.map(|l| (l, t));
        }
    }
    None
}

/// The text of a decision block after its label and colon (`決　議：照案通過` → `照案通過`;
/// `【決議】照案通過` too).
fn after_label<'a>(block: &'a str, label: &'static str) -> &'a str {
    if let Some((_, after)) = items::leading_label(unlist(block), &[label]) {
        return after;
    }
    if let Some((_, after)) = glued_decision_label(block).filter(|(l, _)| *l == label) {
        return after.trim();
    }
    let mut rest = unlist(block);
    for ch in label.chars() {
        rest = rest.trim_start().strip_prefix(ch).unwrap_or(rest);
    }
    rest.trim_start().trim_start_matches(['：', ':']).trim()
}

/// A section's blocks as an item's parts are read, each without the list marker it was written
/// with (`- 案由：…`, `\\- 說明：…` as an archive's dump keeps it): an item, its labelled parts
/// and its decision written as list items read as the same paragraphs do.
fn item_blocks(s: &crate::markdown::Section) -> impl Iterator<Item = (usize, &str)> {
    s.block_texts().map(|(l, b)| (l, unlist(b)))
}

/// A block without the list marker an archive put before it (`- 決議：…`, `\\- 決議：…`).
fn unlist(block: &str) -> &str {
    let t = block.trim_start();
    for m in ["\\- ", "- ", "* ", "・", "• "] {
        if let Some(rest) = t.strip_prefix(m) {
            return rest.trim_start();
        }
    }
    t
}

/// Whether a block starting on line `line` of the file is written as a list item: as a
/// Markdown bullet (`- 決議：…`, whose marker the rendered text drops) or with the marker kept as
/// text (`\\- 決議：…`, as an archive's dump escapes it).
fn listed_block(file_text: &str, line: usize, block: &str) -> bool {
    unlist(block).len() < block.trim_start().len()
        || file_text
            .lines()
            .nth(line.wrapping_sub(1))
            .is_some_and(|l| ["- ", "* ", "+ ", "\\- "].iter().any(|m| l.trim_start().starts_with(m)))
}

/// Whether line `line` of the file is written as a table's row (`| … |`).
fn table_row_line(file_text: &str, line: usize) -> bool {
    file_text
        .lines()
        .nth(line.wrapping_sub(1))
        .is_some_and(|l| l.trim().starts_with('|') && l.trim().ends_with('|'))
}

/// How many empty cells a table row written on line `line` of the file starts with
/// (`|  |  | 過。 |` → 2); 0 for a line that is no table row.
fn leading_empty_cells(file_text: &str, line: usize) -> usize {
    let Some(row) = file_text.lines().nth(line.wrapping_sub(1)) else {
        return 0;
    };
    let Some(inner) = row.trim().strip_prefix('|') else {
        return 0;
    };
    let cells: Vec<&str> = inner.split('|').collect();
    // The last piece is what follows the closing `|`; a row of empty cells only has no text.
    let n = cells.len().saturating_sub(1);
    cells[..n]
        .iter()
        .take_while(|c| c.trim().is_empty())
        .count()
        .min(n.saturating_sub(1))
}

/// The chair's closing words, thanking those present for coming (`感謝大家的與會,使會議圓滿
/// 成功…`): the meeting's end, not a point of the last item's decision.
fn closing_thanks(block: &str) -> bool {
    let t = squeeze(unlist(block));
    let thanks = ["感謝大家", "謝謝大家", "感謝各位", "謝謝各位"]
        .iter()
        .any(|p| t.starts_with(p));
    thanks && ["與會", "出席", "參與", "參加", "蒞臨"].iter().any(|w| t.contains(w))
}

/// The line that closes the meeting (`散會。`, `散會：11 時 26 分 主席：邱奕勝`, `柒、散會：下午5時`).
fn adjourns(block: &str) -> bool {
    let t = squeeze(items::strip_section_ordinal(block));
    t.strip_prefix("散會")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['：', ':', '。', '，', ',', '（', '(']))
}

/// A line naming a sitting's minutes (`第 2 次會議紀錄`, and the page line a PDF repeats,
/// `第10次臨時會　會議紀錄 17`): in a record of several sittings, the next one begins.
fn record_title(block: &str) -> bool {
    let t = squeeze(block);
    let t = t.trim_end_matches(|c: char| c.is_ascii_digit());
    !block.contains('\n')
        && t.chars().count() <= 30
        && !t.contains(['。', '：', ':'])
        && (t.ends_with("會議紀錄") || t.ends_with("議事錄"))
}

/// The next motion's lead, numbered (`二、提案人：黃敬平議員`, `七、徐玉樹議員`): it ends the item
/// above, its decision and the people named before it.
fn motion_lead(block: &str) -> bool {
    strip_ordinal(block).len() < block.trim().len()
        && matches!(
            items::led_motion(strip_ordinal(block)),
            Some((items::Lead::Movers(..), _))
        )
}

/// The chair's remarks (`市長提示:`, `主席提示：…`, `指示：…`, the label alone on its line or with
/// its text): a part of its own after the decision.
fn remarks(block: &str) -> bool {
    let t = unlist(block);
    // Every such label opens with one of these (this runs on every paragraph: no copy before).
    if !t.starts_with(['提', '指', '主', '市', '副', '縣', '院', '部', '召', '【']) {
        return false;
    }
    items::leading_label(t, items::REMARK_LABELS).is_some()
        || (t.len() <= 48 && items::REMARK_LABELS.contains(&squeeze(t).trim_end_matches(['：', ':'])))
}

/// A paragraph in which the chair speaks (`主席:請問院會,對本案照程序委員會意見處理,有無異議?(無)無異議,通過。`,
/// as the Legislative Yuan's gazette records the sitting): the chair puts the item to the house
/// and rules, after the decision's text; the speech is no part of it. Only the speaker's label
/// itself counts, maybe with who is in the chair (`主席（蘇委員嘉全）：…`); `主席裁示：…` is a
/// decision, `主席宣告開會。` no speech.
fn chair_speaks(block: &str) -> bool {
    let t = unlist(block).trim_start();
    if !t.starts_with('主') {
        return false;
    }
    let Some(c) = t.find(['：', ':']).filter(|&c| c <= 96) else {
        return false;
    };
    let head = squeeze(&t[..c]);
    // `主席（蘇委員嘉全）：`, as the gazette names who is in the chair.
    let named = head
        .strip_prefix("主席")
        .and_then(|r| r.strip_prefix(['（', '(']))
        .and_then(|r| r.strip_suffix(['）', ')']))
        .is_some_and(|inner| !inner.is_empty() && !inner.contains(['（', '(', '）', ')']));
    (head == "主席" || named) && !t[c..].trim_start_matches(['：', ':']).trim().is_empty()
}

/// Whether a block ends a decision: a label (說明, 決定, 案由, a unit label…), the number alone of
/// the next proposal (`提案二`, `第二案`), the meeting's next part or its close.
fn ends_decision(block: &str) -> bool {
    let n: String = block.chars().take(6).filter(|c| !c.is_whitespace()).collect();
    let labelled = ["說明", "案由", "附件"]
        .iter()
        .chain(UNIT_LABELS)
        .any(|l| n.starts_with(l))
        || bare_decision_word(block).is_some()
        || items::leading_label(block, DECISION_LABELS).is_some()
        || bare_decision_label(block).is_some()
        || items::leading_label(block, items::PART_LABELS).is_some()
        || items::spaced_field(block, items::PART_LABELS).is_some()
        || glued_decision_label(block).is_some()
        || items::paragraph_item(block, None).is_some()
        || motion_lead(block)
        // The meeting's next part, not a point of the decision (`散會：11 時 26 分 主席：邱奕勝`).
        || is_section_block(block).is_some()
        || adjourns(block)
        || closing_thanks(block)
        || record_title(block)
        // A gazette site's layout names each agenda item `項目` on a line of its own (`• 項目`, as
        // lysayit prints the Legislative Yuan's records): the next item follows.
        || block.chars().filter(|c| !c.is_whitespace()).eq("項目".chars())
        || paperwork_field(block)
        || remarks(block)
        || chair_speaks(block)
        || items::starts_mixed_label(block);
    if labelled {
        return true;
    }
    // `提案二`, `第三案` alone: only a block that starts so is copied to be read.
    if !matches!(block.chars().find(|c| !c.is_whitespace()), Some('提' | '第')) {
        return false;
    }
    let t: String = block.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_end_matches(['：', ':']);
    let is_num = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| "一二三四五六七八九十百零".contains(c) || c.is_ascii_digit())
    };
    t.strip_prefix("提案").is_some_and(is_num)
        || t.strip_prefix('第')
            .and_then(|r| r.strip_suffix('案'))
            .is_some_and(is_num)
}

/// The number an item's lead gives it: the last block above heading `hi`, when that block is an
/// item's number alone (`第一案〈代提議001號〉 提案人：…`, `提案二`).
fn lead_number(r: &Rendered, hi: usize) -> Option<(String, String)> {
    // The number may have its unit or proposer lines after it (`提案一` / `提案單位：…`); they
    // are part of the lead's text (`… 提案人：陳朝來議員` / `連署人：杜素吟、…`).
    let blocks = lead_blocks(r, hi);
    let in_part = lead_parts(&blocks);
    let joined = |from: usize| blocks[from..].iter().map(|(_, b)| *b).collect::<Vec<_>>().join("\n");
    let led = in_part.iter().rposition(|p| !p).and_then(|at| {
        let last = blocks[at].1;
        let bare = squeeze(last);
        items::numbered_label(bare.trim_end_matches(['：', ':']))
            .or_else(|| {
                items::number_line(last)
                    .or_else(|| items::bill_number(last))
                    .map(|l| (l, None))
            })
            .or_else(|| items::paragraph_item(last, None).filter(|_| !has_colon_title(last)))
            .map(|(l, _)| l)
            .filter(|l| !l.starts_with('案'))
            .map(|l| (l, joined(at)))
    });
    // A case's page printed as a form, each field's name on a line and its value on the next
    // (`案號` / `臨02` / `提案類別` / `民政` / … / `### 案由`): the number field, when only the form's
    // short fields stand between it and the 案由 (no sentence, decision or other number).
    led.or_else(|| {
        let field = |b: &str| {
            let t = b.trim();
            !t.contains(['\n', '。']) && t.chars().count() <= 40 && decision_label(t).is_none()
        };
        let i = (0..blocks.len().saturating_sub(1)).rev().find(|&i| {
            items::number_field(blocks[i].1, blocks[i + 1].1).is_some()
                || items::number_line(blocks[i].1).is_some()
                || !field(blocks[i + 1].1)
        })?;
        let label = items::number_field(blocks[i].1, blocks[i + 1].1)?;
        Some((label, joined(i)))
    })
}

/// Which of a lead's blocks are an item's labelled parts: those that start one, and the lines of
/// a form's people field that list its names one a line (`連署人 蘇慶祥` / `楊淑青` / `徐裕傑`).
fn lead_parts(blocks: &[(usize, &str)]) -> Vec<bool> {
    let mut in_part: Vec<bool> = Vec::with_capacity(blocks.len());
    for (i, (_, b)) in blocks.iter().enumerate() {
        let names_go_on = i > 0
            && in_part[i - 1]
            && items::is_name_line(b)
            && blocks[..i]
                .iter()
                .rev()
                .find(|(_, p)| !items::is_name_line(p))
                .is_some_and(|(_, p)| items::is_people_field(p));
        in_part.push(starts_part(b) || names_go_on);
    }
    in_part
}

/// The blocks just above heading `hi` that may introduce it: those of the section before it
/// that follow that section's last decision, or, when that section is the parent of `hi` (or
/// the text before the first heading) and holds no decision, all of them.
fn lead_blocks(r: &Rendered, hi: usize) -> Vec<(usize, &str)> {
    let Some(pos) = r.sections.iter().position(|s| s.heading == Some(hi)) else {
        return Vec::new();
    };
    let Some(prev) = pos.checked_sub(1).map(|p| &r.sections[p]) else {
        return Vec::new();
    };
    let blocks: Vec<(usize, &str)> = item_blocks(prev).collect();
    match blocks.iter().rposition(|(_, b)| decision_label(b).is_some()) {
        Some(d) => blocks[d + 1..].to_vec(),
        None => {
            let parent = prev.heading.is_none_or(|p| r.headings[p].level < r.headings[hi].level);
            if parent {
                blocks
            } else {
                Vec::new()
            }
        }
    }
}

/// The decision text of a region: what follows 決定： / 決議： up to the next labelled block; its
/// first paragraph; and the label it followed.
fn decision_of(file_text: &str, region: &[&crate::markdown::Section]) -> (String, String, &'static str) {
    let lined: Vec<(usize, &str)> = region
        .iter()
        .flat_map(|s| item_blocks(s).flat_map(|(l, b)| glued_decision(b).map(move |g| (l, g))))
        .collect();
    let blocks: Vec<&str> = lined.iter().map(|(_, b)| *b).collect();
    let points = announced_points(&blocks);
    // The item's own decision is the last one before its text ends, as a paragraph item's is:
    // amendments and motions of procedure inside it are decided before the main question.
    let mut found: Option<(String, String, &'static str)> = None;
    // Where to read on from: the block that ended the last decision read.
    let mut read_from = 0;
    for (i, b) in blocks.iter().enumerate() {
        if i < read_from {
            continue;
        }
        // After a decision, the item's text ends at the next part of the agenda, item or close:
        // a decision after that is another's (`丙、主席裁定事項` / … / `主席裁定：請照辦。`).
        if found.is_some() && ends_item(b) {
            break;
        }
        // `主席裁示` / `：` / `請市府…`: a label whose colon a converter put on the next line.
        let split_colon = blocks.get(i + 1).and_then(|next| {
            let bare = squeeze(b);
            let label = DECISION_LABELS.iter().copied().find(|l| *l == bare)?;
            next.trim_start().starts_with(['：', ':']).then_some((label, *next))
        });
        let (label, rest, after) = if let Some((label, next)) = split_colon {
            (label, next.trim_start().trim_start_matches(['：', ':']).trim(), i + 2)
        } else {
            let Some(label) = decision_label(b) else {
                continue;
            };
            // A review committee's opinion (審查意見) is what the meeting then decides on: when the
            // meeting's own decision (大會決議…) follows, that is the item's.
            if label == "審查意見"
                && blocks[i + 1..]
                    .iter()
                    .any(|b| decision_label(b).is_some_and(|l| l != "審查意見"))
            {
                continue;
            }
            // A bill's reading gives way to its next reading in the same item (`進行二讀會：…` then
            // `進行三讀會：照二讀會決議通過。`): the last is the bill's decision.
            if label.starts_with("進行")
                && blocks[i + 1..]
                    .iter()
                    .take_while(|b| !ends_decision(b) || decision_label(b).is_some())
                    .any(|b| decision_label(b).is_some_and(|l| l.starts_with("進行")))
            {
                continue;
            }
            // Text after the label and its colon, on the same block.
            (label, after_label(b, label), i + 1)
        };
        let mut parts: Vec<String> = Vec::new();
        if !rest.is_empty() {
            parts.push(rest.to_string());
        }
        // `- 決議：…` / `- 決議：…`, one right after the other: the points of one decision, as on
        // the paragraph path.
        let in_list = listed_block(file_text, lined[i].0, b);
        let mut j = after;
        while let Some(next) = blocks.get(j) {
            j += 1;
            if in_list && listed_block(file_text, lined[j - 1].0, next) {
                if let Some(l) = decision_label(next) {
                    let rest = after_label(next, l);
                    if !rest.is_empty() {
                        parts.push(rest.to_string());
                    }
                    continue;
                }
            }
            // A decision that opens with a statement of its own (`本案交付法規委員會審查。`), not
            // with its first point or a colon that announces them, ends at a numbered paragraph:
            // the agenda's next part (`八、洪玉鳳、王家貞議員均提出數額問題…`).
            let statement = parts
                .first()
                .is_some_and(|f| items::ordinal_number(f).is_none() && !announces(f));
            if !points[j - 1] && (ends_decision(next) || (statement && items::ordinal_number(next).is_some())) {
                j -= 1;
                break;
            }
            // `大會決議` / `：照案通過。`: the colon a converter put on the next line.
            let next = if parts.is_empty() {
                next.trim_start().trim_start_matches(['：', ':']).trim_start()
            } else {
                next
            };
            if !next.is_empty() {
                parts.push(next.to_string());
            }
        }
        let first = parts.first().cloned().unwrap_or_default();
        found = Some((parts.join("\n"), first, label));
        read_from = j;
        // A numbered paragraph that ended it is the agenda's next part: nothing after it is this
        // item's.
        if blocks
            .get(j)
            .is_some_and(|nb| items::ordinal_number(nb).is_some() && decision_label(nb).is_none())
        {
            break;
        }
    }
    found.unwrap_or((String::new(), String::new(), ""))
}

/// The blocks that are the points of a decision that announces them, numbered in figures: after
/// `決議：` alone, or a decision that ends in its colon or in words that announce what follows
/// (`決議：本年年度會員大會之議程為` / `1. 頒發…` … `5. 臨時動議` / `6. 散會`, a society's council
/// setting its general assembly's agenda), each block numbered as its first point is. Such a point
/// is the decision's even when it names a part of the agenda: the record's own parts are numbered
/// otherwise (`十二、臨時動議：`), and that ends the points, as a label or the next item does.
fn announced_points(blocks: &[&str]) -> Vec<bool> {
    let mut marks = vec![false; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        let Some(label) = decision_label(blocks[i]) else {
            i += 1;
            continue;
        };
        let rest = after_label(blocks[i], label);
        i += 1;
        if !announces(rest) {
            continue;
        }
        let Some(style) = blocks.get(i).and_then(|b| part_style(b)).filter(|s| matches!(s, 2 | 3)) else {
            continue;
        };
        while let Some(b) = blocks.get(i) {
            if part_style(b) == Some(style) && decision_label(b).is_none() {
                marks[i] = true;
            } else if ends_decision(b) || decision_label(b).is_some() {
                break;
            }
            i += 1;
        }
    }
    marks
}

/// Whether a decision's text announces points to follow: nothing after its label, its colon, or
/// words that announce (`本年年度會員大會之議程為`, `決議如下`).
fn announces(text: &str) -> bool {
    let t = text.trim_end();
    t.is_empty()
        || t.ends_with(['：', ':'])
        || ["如下", "如后", "如後", "如左", "如次", "為"]
            .iter()
            .any(|w| t.ends_with(w))
}

/// Whether a block begins what follows an item rather than goes on with it: the agenda's next
/// part or item, the next motion's lead, a sitting's minutes or the meeting's close.
fn ends_item(block: &str) -> bool {
    is_section_block(block).is_some()
        || items::paragraph_item(block, None).is_some()
        || motion_lead(block)
        || adjourns(block)
        || closing_thanks(block)
        || record_title(block)
}

/// What a decision decided, for listings: its points (paragraphs), without a leading point that
/// only takes note (`一、洽悉。`) when others follow it — Taiwanese minutes open almost every report's
/// decision with one. Returns the points and whether one was left out.
pub fn decision_substance(decision: &str) -> (Vec<&str>, bool) {
    let points: Vec<&str> = decision.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let notes_only = |p: &str| {
        matches!(
            strip_ordinal(p).trim_end_matches(['。', '.', '；', ';']),
            "洽悉" | "准予備查" | "同意備查" | "備查"
        )
    };
    if points.len() > 1 && notes_only(points[0]) {
        (points[1..].to_vec(), true)
    } else {
        (points, false)
    }
}

/// Headings that a record's contents list shows: agenda items and unit reports first-class,
/// other headings down to level 3.
pub fn toc_kind(h: &Heading, st: &Structure) -> Option<&'static str> {
    if st.agenda.iter().any(|a| a.anchor == h.id) {
        Some("agenda")
    } else if st.reports.iter().any(|a| a.anchor == h.id) {
        Some("report")
    } else if h.level <= 3 {
        Some("section")
    } else {
        None
    }
}

#[cfg(test)]
mod substance_tests {
    use super::decision_substance;

    #[test]
    fn a_leading_note_taking_point_is_left_out_when_others_follow() {
        assert_eq!(
            decision_substance("一、洽悉。\n二、請資安院適度公開研析內容。"),
            (vec!["二、請資安院適度公開研析內容。"], true)
        );
        assert_eq!(
            decision_substance("洽悉。"),
            (vec!["洽悉。"], false),
            "nothing else to show"
        );
        assert_eq!(decision_substance("照案通過。"), (vec!["照案通過。"], false));
        assert!(
            !decision_substance("一、洽悉相關說明，並請持續辦理。\n二、其餘照案。").1,
            "a first point that says more is kept"
        );
        assert_eq!(decision_substance(""), (vec![], false));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::RegistryEntry;

    fn reg() -> Registry {
        let e = |n: &str, s: &str, a: &[&str]| RegistryEntry {
            name: n.into(),
            slug: s.into(),
            aliases: a.iter().map(|x| x.to_string()).collect(),
            en: None,
        };
        Registry::new(vec![
            e("數位策略司", "strategy", &["策略司"]),
            e("數位產業署", "adi", &["數產署"]),
            e("國家資通安全研究院", "nics", &["資安院"]),
            e("秘書處", "secretariat", &[]),
        ])
    }

    #[test]
    fn ordinals_and_labels() {
        assert_eq!(strip_ordinal("十三、國家資通安全研究院"), "國家資通安全研究院");
        assert_eq!(strip_ordinal("（一）零信任"), "零信任");
        assert_eq!(strip_ordinal("(二) AI"), "AI");
        assert_eq!(strip_ordinal("1、國科會"), "國科會");
        assert_eq!(
            agenda_label("案 由一：本部重要會議…（報告單位：數位策略司）").as_deref(),
            Some("案由一")
        );
        assert_eq!(agenda_label("參、報告事項"), None);
        // `案由(一)：` (a professional association's proposals, the importer's fifth held-out round).
        assert_eq!(
            agenda_label("案由(一):審查本會115年度工作計劃。").as_deref(),
            Some("案由一")
        );
        assert_eq!(
            agenda_label("臨時動議一：資訊月策展規劃案。（提案單位：民主網絡司）").as_deref(),
            Some("臨時動議一")
        );
        assert_eq!(agenda_label("臨時動議：某案").as_deref(), Some("臨時動議"));
        // The section's heading alone is no motion.
        assert_eq!(agenda_label("臨時動議"), None);
        assert_eq!(agenda_label("臨時動議："), None);
        assert_eq!(agenda_label("提案二：平臺改版案").as_deref(), Some("提案二"));
        assert_eq!(agenda_label("提案 1　案由：平臺改版案").as_deref(), Some("提案1"));
        assert_eq!(agenda_label("提案單位：秘書處"), None);
        assert_eq!(agenda_label("提案討論"), None);
        let u = unit_labels("報請公鑒。（報告單位：數位策略司、秘書處）");
        assert_eq!(
            u.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
            ["數位策略司", "秘書處"]
        );
    }

    #[test]
    fn reads_items_decisions_reports_and_mentions() {
        let reg = reg();
        let body = "## 參、報告事項\n\n### 案由一：追蹤案，報請公鑒。（報告單位：策略司）\n\n決定：\n\n一、洽悉。\n\n二、請數產署協助。\n\n### 案由二：觀測案\n\n報告單位：資安院\n\n決 定：確定。\n\n## 附錄\n\n### 一、數位策略司\n\n內容\n\n### 二、國家資通安全研究院\n\n#### （一）零信任\n\n文字\n";
        let r = crate::markdown::render(body, 1, &|t| preferred_id(t, &reg));
        let (st, diags) = analyse(Path::new("a.md"), body, &r, &reg, &UnitMatcher::new(&reg));
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(st.agenda.len(), 2);
        assert_eq!(st.agenda[0].units, ["strategy"]);
        assert_eq!(st.agenda[0].anchor, "案由一");
        assert_eq!(st.agenda[0].decision_first, "一、洽悉。");
        assert_eq!(st.agenda[0].decision, "一、洽悉。\n二、請數產署協助。");
        assert_eq!(st.agenda[1].units, ["nics"]);
        assert_eq!(st.agenda[1].decision, "確定。");
        let reports: Vec<_> = st
            .reports
            .iter()
            .map(|r| (r.unit.as_str(), r.anchor.as_str()))
            .collect();
        assert_eq!(reports, [("strategy", "數位策略司"), ("nics", "國家資通安全研究院")]);
        assert_eq!(st.mentions, ["adi", "nics", "strategy"]);
    }

    #[test]
    fn proposal_units_above_the_item_belong_to_it() {
        // 討論事項 as many ministries write it: the proposal's number and 提案單位 come before its
        // 案由 line, so they sit after the previous item's 決議.
        let reg = reg();
        let body = "## 肆、討論事項\n\n提案一\n\n提案單位：秘書處\n\n### 案由：處務規程修正案，提請討論。\n\n說明：如附件。\n\n決議：照案通過。\n\n提案二\n\n提案單位：數產署\n\n### 案由：平臺改版案，提請討論。\n\n決議：原則同意。\n\n### 案由：第三案\n\n報告單位：策略司\n\n說明：無。\n\n### 案由：第四案\n\n決議：洽悉。（主辦單位：資安院）\n";
        let r = crate::markdown::render(body, 1, &|t| preferred_id(t, &reg));
        let (st, diags) = analyse(Path::new("a.md"), body, &r, &reg, &UnitMatcher::new(&reg));
        assert!(diags.is_empty(), "{diags:?}");
        let items: Vec<_> = st
            .agenda
            .iter()
            .map(|a| (a.units.join(","), a.decision.as_str()))
            .collect();
        assert_eq!(
            items,
            [
                ("secretariat".to_string(), "照案通過。"),
                ("adi".to_string(), "原則同意。"),
                // A unit label in an item without a decision is its own, not the next item's.
                ("strategy".to_string(), ""),
                ("nics".to_string(), "洽悉。（主辦單位：資安院）"),
            ]
        );
        // The number above the unit line is the item's.
        let labels: Vec<_> = st.agenda.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(labels, ["提案一", "提案二", "案由", "案由"]);
    }

    fn items_of(body: &str, reg: &Registry) -> Vec<AgendaItem> {
        let r = crate::markdown::render(body, 1, &|t| preferred_id(t, reg));
        let (st, diags) = analyse(Path::new("a.md"), body, &r, reg, &UnitMatcher::new(reg));
        assert!(diags.is_empty(), "{diags:?}");
        st.agenda
    }

    #[test]
    fn a_decision_no_item_owns_makes_an_item_of_the_title_before_it() {
        let reg = Registry::new(Vec::new());
        let read = |body: &str| -> Vec<(String, Kind, String, String)> {
            items_of(body, &reg)
                .into_iter()
                .map(|a| (a.label, a.kind, a.title, a.decision))
                .collect()
        };
        // A title ending in 案 under 選舉事項 and under 臨時動議, with no number and no lead.
        assert_eq!(
            read("十一、選舉事項：\n\n推選本屆常務理事案\n\n決議：推選王大明、李小華為常務理事。\n\n十二、臨時動議：\n\n增設社區路燈案。\n\n決議：送請里辦公處辦理。\n"),
            [
                ("選舉事項一".to_string(), Kind::Election, "推選本屆常務理事案".to_string(), "推選王大明、李小華為常務理事。".to_string()),
                ("臨時動議一".to_string(), Kind::Motion, "增設社區路燈案。".to_string(), "送請里辦公處辦理。".to_string()),
            ]
        );
        // The same under a heading `## 臨時動議` written by hand: the section, then the motion.
        assert_eq!(
            read("## 臨時動議\n\n增設社區路燈案。\n\n決議：送請里辦公處辦理。\n"),
            [(
                "臨時動議一".to_string(),
                Kind::Motion,
                "增設社區路燈案。".to_string(),
                "送請里辦公處辦理。".to_string()
            )]
        );
        // With no section named at all: a request, then its decision.
        assert_eq!(
            read("本會章程第九條修正草案，提請審議。\n\n決議：照案通過。\n"),
            [(
                "討論事項一".to_string(),
                Kind::Discussion,
                "本會章程第九條修正草案，提請審議。".to_string(),
                "照案通過。".to_string()
            )]
        );
        // Procedure, a label's text and a part that says none are no titles.
        for body in [
            "議程確認：詳大會議程。\n\n決議：無異議通過。\n",
            "宣讀上次會議紀錄。\n\n決議：確定。\n",
            "參、臨時動議：\n\n(一)無。\n\n決議：無。\n",
            "## 散會\n\n本會章程修正案\n\n決議：下次再議。\n",
        ] {
            assert!(read(body).is_empty(), "{body}");
        }
    }

    #[test]
    fn the_list_marks_some_fonts_write_number_items_and_sections() {
        // ﹑ (U+FE51) and ､ (U+FF64) for 、, in a record written by hand (not imported), as the
        // importer reads them.
        assert_eq!(strip_ordinal("三﹑主席：張慶鴻校長"), "主席：張慶鴻校長");
        assert_eq!(strip_ordinal("2､國科會"), "國科會");
        assert_eq!(items::strip_section_ordinal("丁﹑臨時動議"), "臨時動議");
        assert_eq!(items::strip_section_ordinal("A､說明"), "說明");
        assert_eq!(part_ordinal("貳﹑討論事項").as_deref(), Some("貳"));
        assert_eq!(part_style("6､業務單位報告:"), part_style("6、業務單位報告:"));
        let reg = Registry::new(Vec::new());
        let body = "## 參﹑討論事項\n\n一﹑修正本會章程案，請討論。\n\n決議：照案通過。\n\n二､增設路燈案，提請審議。\n\n決議：通過。\n\n## 肆､臨時動議：無\n";
        let items = items_of(body, &reg);
        let read: Vec<(&str, Kind, &str)> = items
            .iter()
            .map(|a| (a.label.as_str(), a.kind, a.decision.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                ("討論事項一", Kind::Discussion, "照案通過。"),
                ("討論事項二", Kind::Discussion, "通過。")
            ]
        );
        assert_eq!(items[0].title, "修正本會章程案，請討論。");
    }

    #[test]
    fn a_bracketed_number_then_a_space_and_the_title_is_the_label() {
        // 中華民國天文學會's council: `案由(一) 新會員入會申請`, no colon.
        assert_eq!(agenda_label("案由(一) 新會員入會申請").as_deref(), Some("案由一"));
        assert_eq!(agenda_label("案由（二）　會址決定").as_deref(), Some("案由二"));
        // A number with a space is a lead elsewhere, and 案由 with a space is a form's field.
        assert_eq!(numbered_spaced_title("第一案 提案單位:第一組"), None);
        assert_eq!(numbered_spaced_title("案由 本區自由里…"), None);
        assert_eq!(agenda_label("案由 本區自由里…").as_deref(), Some("案由"));
        let reg = Registry::new(Vec::new());
        for body in [
            "十一、討論事項：\n\n### 案由(一) 新會員入會申請\n\n說明：鄭文光先生申請入會。\n\n決議：通過。\n",
            "十一、討論事項：\n\n案由(一) 新會員入會申請\n\n說明：鄭文光先生申請入會。\n\n決議：通過。\n",
        ] {
            let items = items_of(body, &reg);
            assert_eq!(items.len(), 1, "{body}");
            assert_eq!(items[0].label, "案由一");
            assert_eq!(items[0].kind, Kind::Discussion);
            assert!(items[0].title.ends_with("新會員入會申請"), "{}", items[0].title);
            assert_eq!(items[0].decision, "通過。");
        }
        let items = items_of("### 案由(一) 新會員入會申請\n\n決議：通過。\n", &reg);
        assert_eq!(items[0].title, "案由(一)：新會員入會申請");
    }

    #[test]
    fn a_point_that_says_none_and_the_chairs_own_report_name_no_item() {
        let reg = Registry::new(Vec::new());
        // `(一) 無。` / `決議: 無。` under 臨時動議: nothing was moved.
        let body = "## 貳、討論事項：\n\n(一)下次理監事會議日期。\n\n決議：定於 5 月 5 日。\n\n參、臨時動議：\n\n(一)無。\n\n決議：無。\n";
        let items = items_of(body, &reg);
        let labels: Vec<&str> = items.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(labels, ["討論事項一"]);
        // The chair's points (`(1) 財務報告：…`) under 主席報告 are what the chair reports.
        let body = "壹、主席報告：\n\n(1) 財務報告：學會目前經費結餘為新台幣$675,176。\n\n(2) 學會會徽：選定最終採用之會徽。\n\n貳、討論事項：無。\n";
        assert!(items_of(body, &reg).is_empty());
        // Under 報告事項, a numbered report is still an item.
        let body = "## 報告事項\n\n一、總幹事工作報告：本會經費結餘。\n\n決定：洽悉。\n";
        let items = items_of(body, &reg);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].label, "報告事項一");
    }

    #[test]
    fn a_decision_that_announces_its_points_keeps_them_though_they_name_parts() {
        let reg = Registry::new(Vec::new());
        // A society's council sets its general assembly's agenda: `5. 臨時動議` and `6. 散會` are
        // points of the decision, not parts of this meeting; `十二、臨時動議：` is.
        let tail = "決議：本年年度會員大會之議程為\n\n- 1. 頒發台北天文館學報編輯獎。\n\n- 2. 主席報告\n\n- 4. 提案討論：\n\n  - (1) 修改章程第三章第九條 (理事會提案)\n\n- 5. 臨時動議\n\n- 6. 散會\n\n";
        for body in [
            format!("十一、討論事項：\n\n### 案由(三) 年度會員大會議程\n\n說明：略。\n\n{tail}### 案由(四) 章程修改案\n\n決議：通過。\n\n十二、臨時動議：\n\n(一)監事建議避開每月的朔。\n\n決議：列入記錄。\n"),
            format!("十一、討論事項：\n\n案由(三) 年度會員大會議程\n\n說明：略。\n\n{tail}案由(四) 章程修改案\n\n決議：通過。\n\n十二、臨時動議：\n\n(一)監事建議避開每月的朔。\n\n決議：列入記錄。\n"),
        ] {
            let items = items_of(&body, &reg);
            let read: Vec<(&str, Kind)> = items.iter().map(|a| (a.label.as_str(), a.kind)).collect();
            assert_eq!(
                read,
                [("案由三", Kind::Discussion), ("案由四", Kind::Discussion), ("臨時動議一", Kind::Motion)],
                "{body}"
            );
            assert!(items[0].decision.starts_with("本年年度會員大會之議程為\n1. 頒發"), "{}", items[0].decision);
            assert!(items[0].decision.ends_with("5. 臨時動議\n6. 散會"), "{} in {body}", items[0].decision);
            assert_eq!(items[1].decision, "通過。");
        }
        // A decision that states what was decided ends at the next part, numbered as it may be.
        let body =
            "一、討論事項\n\n(一)章程修改案。\n\n決議：照案通過。\n\n1. 臨時動議\n\n(一)增設路燈案。\n\n決議：通過。\n";
        let items = items_of(body, &reg);
        let labels: Vec<&str> = items.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(labels, ["討論事項一", "臨時動議一"]);
        assert_eq!(items[0].decision, "照案通過。");
    }

    #[test]
    fn a_part_that_says_none_is_no_item_and_co_signers_are_seconders() {
        let reg = Registry::new(Vec::new());
        // A foundation's board with nothing proposed: `討論提案：無` / `臨時動議：無` name no item.
        for none in [
            "### 臨時動議：無\n",
            "### 臨時動議：無。\n",
            "### 臨時動議:（無）\n",
            "討論提案:無\n\n臨時動議:無\n",
        ] {
            assert!(items_of(none, &reg).is_empty(), "{none}");
        }
        assert_eq!(items_of("### 臨時動議：路燈案\n\n決議：照案通過。\n", &reg).len(), 1);
        // A township council's co-signers, 附署人: seconders, and a part that ends the lead.
        let body = "案號:19\n\n類別:經建\n\n提案人:黃春英\n\n附署人:呂義、柳瑞得\n\n案由:建請公所標示分隔線案。\n\n理由:時有車禍。\n\n審查意見:提交大會通過\n\n議決:照案通過\n";
        let items = items_of(body, &reg);
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0].label, "第19案");
        assert_eq!(
            (items[0].decision_label, items[0].decision.as_str()),
            ("議決", "照案通過")
        );
        let people: Vec<_> = items[0].people.iter().map(|(r, n)| format!("{r}: {n}")).collect();
        assert_eq!(people, ["proposer: 黃春英", "seconder: 呂義", "seconder: 柳瑞得"]);
        // Its 案由 as a heading (as the importer writes it), outside any section: discussed.
        let heading = body.replace("案由:", "### 案由：");
        let items = items_of(&heading, &reg);
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!((items[0].label.as_str(), items[0].kind), ("第19案", Kind::Discussion));
        assert_eq!(items[0].people.len(), 3);
    }

    #[test]
    fn a_case_page_printed_as_form_fields() {
        // 臺中市和平區民代表會 (tests/corpus/heping-drc-1-4-327): each field's name, a space and its
        // value with no colon, the seconders one a line, and `大會決議` run into its text.
        let reg = Registry::new(Vec::new());
        let body = "分類別 民政\n\n編號 第327號\n\n提案人 羅清輝\n\n連署人 蘇慶祥\n\n楊淑青\n\n徐裕傑\n\n### 案由 本區自由里雙崎部落,居民陳情能否改建棒、壘球場。\n\n理由 一、本區自由里雙崎部落,適合規劃使用。\n\n辦法 建請 大會通過後,請公所協助規劃改建棒、壘球場。\n\n審查意見 照案通過。\n\n大會決議照案通過。\n";
        let items = items_of(body, &reg);
        assert_eq!(items.len(), 1, "{items:?}");
        let a = &items[0];
        assert_eq!((a.label.as_str(), a.kind), ("第327案", Kind::Discussion));
        assert_eq!(a.title, "案由：本區自由里雙崎部落,居民陳情能否改建棒、壘球場。");
        assert_eq!((a.decision_label, a.decision.as_str()), ("大會決議", "照案通過。"));
        let people: Vec<_> = a.people.iter().map(|(r, n)| format!("{r}: {n}")).collect();
        assert_eq!(
            people,
            [
                "proposer: 羅清輝",
                "seconder: 蘇慶祥",
                "seconder: 楊淑青",
                "seconder: 徐裕傑"
            ]
        );
        // The same as paragraphs: the 案由 field starts the item.
        let para = body.replace("### 案由 ", "案由 ");
        let items = items_of(&para, &reg);
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(
            (items[0].decision_label, items[0].decision.as_str()),
            ("大會決議", "照案通過。")
        );
        // 嘉義縣議會 (tests/corpus/cyscc-20-t4-l2): an empty 審查意見 run into the 議決 after it.
        let body = "### 案由：成立專案小組案。\n\n審查意見議決原案通過;全體議員為小組成員。\n";
        let items = items_of(body, &reg);
        assert_eq!(
            (items[0].decision_label, items[0].decision.as_str()),
            ("議決", "原案通過;全體議員為小組成員。")
        );
        // 嘉義縣議會's motion page: each field's name on a line and its value on the next, the
        // motion numbered `臨02`, a proposer's name run into the next field's name as the page's
        // lines are joined, the seconders' list closing with 等議員.
        let body = "關於水上鄉十方福報生命紀念園區,本會擬成立專案小組加以了解、監督。\n\n案號\n\n臨02\n\n提案類別\n\n民政\n\n類別\n\n臨時動議\n\n提案人(動議人)\n\n詹琬蓁議員連署人(附議人)\n\n李國勝、王啟澧、陳信文、簡嘉億等議員\n\n### 案由\n\n關於水上鄉十方福報生命紀念園區,本會擬成立專案小組加以了解、監督。\n\n說明\n\n辦法\n\n大會審議通過後,請准予成立本專案小組。\n\n審查意見議決原案通過;全體議員為小組成員。\n";
        let items = items_of(body, &reg);
        assert_eq!(items.len(), 1, "{items:?}");
        let a = &items[0];
        assert_eq!((a.label.as_str(), a.kind), ("臨時動議二", Kind::Motion));
        assert!(a.title.starts_with("案由：關於水上鄉"), "{}", a.title);
        assert_eq!(
            (a.decision_label, a.decision.as_str()),
            ("議決", "原案通過;全體議員為小組成員。")
        );
        let people: Vec<_> = a.people.iter().map(|(r, n)| format!("{r}: {n}")).collect();
        assert_eq!(
            people,
            [
                "proposer: 詹琬蓁",
                "seconder: 李國勝",
                "seconder: 王啟澧",
                "seconder: 陳信文",
                "seconder: 簡嘉億"
            ]
        );
        // A sentence between the number and the 案由 (the form has ended): the number leads nothing.
        let cut = body.replace("\n\n提案類別", "\n\n本案經程序委員會列入議程。\n\n提案類別");
        assert_eq!(items_of(&cut, &reg)[0].label, "案由");
        assert_eq!(items::number_field("案號", "臨02").as_deref(), Some("臨時動議二"));
        assert_eq!(items::number_field("案號", "12"), Some(s("第12案")));
        assert_eq!(items::number_field("類別", "12"), None);
        assert_eq!(items::number_line("編號 第327號"), Some(s("第327案")));
        assert_eq!(items::number_line("編號 待定"), None);
        // A field's name ending its line takes the next line only when that reads as names.
        assert!(items::people("連署人\n本案經大會討論後通過。").is_empty());
        // A label run into words that are no decision's opening is no label; nor a name after a
        // space that is a sentence's first word.
        for words in ["大會決議事項之執行情形如附件。", "大會決議通過之預算，由市府執行。"]
        {
            let body = format!("### 案由：成立專案小組案。\n\n{words}\n");
            assert_eq!(items_of(&body, &reg)[0].decision, "", "{words}");
        }
        assert!(items::people("本案提案人 多次陳情。").is_empty());
    }

    #[test]
    fn closing_thanks_end_the_last_decision() {
        let reg = Registry::new(Vec::new());
        let body = "## 五、臨時動議\n\n### 臨時動議一：校服再利用\n\n- 決議:衣服整理清潔費用由家長會支出,實支實付。\n\n- 決議:穿長褲部份,責請學務處處理。\n\n感謝大家的與會,使會議圓滿成功,希望委員們繼續支持五甲國小。\n\n## 七、散會\n";
        let items = items_of(body, &reg);
        assert_eq!(items.len(), 1, "{items:?}");
        assert!(items[0].decision.contains("學務處"), "{}", items[0].decision);
        assert!(!items[0].decision.contains("感謝"), "{}", items[0].decision);
        // The same motion written as a paragraph, its decision's points a Markdown list.
        let para = body.replace("### 臨時動議一：", "1.許一成顧問:");
        let items = items_of(&para, &reg);
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(
            items[0].decision,
            "衣服整理清潔費用由家長會支出,實支實付。\n穿長褲部份,責請學務處處理。"
        );
        // Thanks inside a decision that are no closing words stay in it.
        let body = "### 臨時動議一：校服再利用\n\n決議：照案通過。\n\n感謝各位委員的意見，請學務處研議。\n";
        assert!(items_of(body, &reg)[0].decision.contains("研議"));
    }

    #[test]
    fn headings_and_labelled_paragraphs_read_the_same() {
        let reg = Registry::new(Vec::new());
        let headings = "## 貳、討論事項\n\n### 案由一：道路拓寬案，請公決。\n\n提案人：王大明　連署人：李小華、陳一\n\n說明：如附件。\n\n大會決議：照案通過。\n\n表決結果：在場 30 人，贊成 25 人、反對 3 人、棄權 1 人，通過。\n\n## 參、臨時動議\n\n### 臨時動議一：路燈案（提案單位：建設課）\n\n決　議：送請公所辦理。\n";
        let paragraphs = "## 貳、討論事項\n\n案由一：道路拓寬案，請公決。\n\n提案人：王大明　連署人：李小華、陳一\n\n說明：如附件。\n\n大會決議：照案通過。\n\n表決結果：在場 30 人，贊成 25 人、反對 3 人、棄權 1 人，通過。\n\n## 參、臨時動議\n\n臨時動議一：路燈案（提案單位：建設課）\n\n決　議：送請公所辦理。\n";
        for body in [headings, paragraphs] {
            let items = items_of(body, &reg);
            let got: Vec<_> = items
                .iter()
                .map(|a| {
                    (
                        a.label.as_str(),
                        a.kind,
                        a.decision_label,
                        a.decision.as_str(),
                        a.units.clone(),
                    )
                })
                .collect();
            assert_eq!(
                got,
                [
                    ("案由一", Kind::Discussion, "大會決議", "照案通過。", vec![]),
                    // No registry: the unit is kept, under the slug its name gives.
                    (
                        "臨時動議一",
                        Kind::Motion,
                        "決議",
                        "送請公所辦理。",
                        vec![crate::content::record::auto_slug("建設課")]
                    ),
                ],
                "{body}"
            );
            let v = items[0].votes.as_ref().expect("votes");
            assert_eq!(
                (v.present, v.yes, v.against, v.abstain, v.result),
                (Some(30), Some(25), Some(3), Some(1), Some("passed"))
            );
            assert_eq!(items[0].people.len(), 3, "{:?}", items[0].people);
        }
    }

    #[test]
    fn numbered_requests_are_items_and_sentences_are_not() {
        let reg = Registry::new(Vec::new());
        let body = "報 告 事 項\n\n一、檢附人民請願案計5案，請參考。\n\n討 論 事 項\n\n一、請推舉召集委員一人，請議決案。\n\n決議：由劉召集委員擔任。\n\n二、本會期輪值表（詳如附件2），請議決案。\n\n決議：照案通過。\n\n本案由主席裁示後通過。\n\n附件\n\n案由：附件中重述的案由\n";
        let items = items_of(body, &reg);
        let got: Vec<_> = items
            .iter()
            .map(|a| (a.label.as_str(), a.kind, a.decision.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("討論事項一", Kind::Discussion, "由劉召集委員擔任。"),
                ("討論事項二", Kind::Discussion, "照案通過。\n本案由主席裁示後通過。"),
            ]
        );
    }

    #[test]
    fn motions_led_by_a_unit_or_a_mover() {
        let reg = Registry::new(Vec::new());
        let body = "## 參、臨時動議\n\n民主網絡司：資訊月策展規劃案。\n\n決定：同意辦理。\n\n動議人：王大明、李小華\n\n案由：增設路燈案。\n\n決議：送請公所辦理。\n\n陳代表一：請公所改善排水案。\n\n決議：照案通過。\n\n主席：本案送交公所。\n\n## 肆、散會\n";
        let items = items_of(body, &reg);
        let got: Vec<_> = items
            .iter()
            .map(|a| {
                (
                    a.label.as_str(),
                    a.kind,
                    a.title.as_str(),
                    a.decision.as_str(),
                    a.units.len(),
                    a.people.clone(),
                )
            })
            .collect();
        let mover = |n: &str| ("mover".to_string(), n.to_string());
        assert_eq!(
            got,
            [
                (
                    "臨時動議一",
                    Kind::Motion,
                    "資訊月策展規劃案。",
                    "同意辦理。",
                    1,
                    vec![]
                ),
                (
                    "臨時動議二",
                    Kind::Motion,
                    "增設路燈案。",
                    "送請公所辦理。",
                    0,
                    vec![mover("王大明"), mover("李小華")]
                ),
                // The chair speaking after the decision (`主席：…`) is no new motion, and no part of
                // the decision: what the chair says is speech.
                (
                    "臨時動議三",
                    Kind::Motion,
                    "請公所改善排水案。",
                    "照案通過。",
                    0,
                    vec![mover("陳代表一")]
                ),
            ]
        );
        assert_eq!(items[0].units, [crate::content::record::auto_slug("民主網絡司")]);
        // Outside 臨時動議 the same shape is a paragraph, not an item.
        let body = "## 貳、報告事項\n\n民主網絡司：資訊月策展規劃案。\n";
        assert!(items_of(body, &reg).is_empty());
    }

    #[test]
    fn conclusions_are_decisions() {
        let reg = Registry::new(Vec::new());
        // A commission's review ends in its 審查結論; a meeting's and a chair's 結論 too. A
        // numbered part 主席結論 after the items is still a section, not the last item's decision.
        let body = "## 參、討論事項\n\n一、某開發計畫環境影響說明書，提請審議。\n\n審查結論：通過環境影響評估審查。\n\n二、某辦法修正草案，請討論。\n\n會議結論：修正後通過。\n\n## 肆、報告事項\n\n一、某計畫執行情形報告。\n\n主席結論：洽悉。\n\n## 伍、主席結論\n\n請各單位配合辦理。\n";
        let got: Vec<_> = items_of(body, &reg)
            .iter()
            .map(|a| (a.label.clone(), a.decision_label, a.decision.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "討論事項一".to_string(),
                    "審查結論",
                    "通過環境影響評估審查。".to_string()
                ),
                ("討論事項二".to_string(), "會議結論", "修正後通過。".to_string()),
                ("報告事項一".to_string(), "主席結論", "洽悉。".to_string()),
            ]
        );
    }

    #[test]
    fn chair_rulings_top_level_parts_and_units_named_without_a_label() {
        let reg = Registry::new(Vec::new());
        // A city government's weekly meeting: the reading of the last minutes is a part of its
        // own decided by the chair; each case ends with the bureau that brings it in brackets;
        // `主席裁示：` right after an item is its decision, not the section 主席裁示.
        let body = "## 壹、宣讀上次市政會議紀錄。\n\n主席裁示：紀錄確定。\n\n## 貳、討論事項\n\n一、修正某辦法部分條文案。（勞動局、法務局）\n\n決議：本案通過。\n\n二、修正某計畫期程案。(地政局)決議:本案通過。\n\n## 參、報告事項\n\n一、市長室會議決議事項重點報告。（秘書處）\n\n主席裁示：同意備查。\n\n## 肆、主席裁示\n\n請各局處配合辦理。\n";
        let items = items_of(body, &reg);
        let got: Vec<_> = items
            .iter()
            .map(|a| {
                (
                    a.label.as_str(),
                    a.kind,
                    a.decision_label,
                    a.decision.as_str(),
                    a.units.clone(),
                )
            })
            .collect();
        let slugs = |ns: &[&str]| {
            ns.iter()
                .map(|n| crate::content::record::auto_slug(n))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            got,
            [
                ("壹", Kind::Other, "主席裁示", "紀錄確定。", vec![]),
                (
                    "討論事項一",
                    Kind::Discussion,
                    "決議",
                    "本案通過。",
                    slugs(&["勞動局", "法務局"])
                ),
                ("討論事項二", Kind::Discussion, "決議", "本案通過。", slugs(&["地政局"])),
                ("報告事項一", Kind::Report, "主席裁示", "同意備查。", slugs(&["秘書處"])),
            ]
        );
        assert_eq!(items[0].title, "宣讀上次市政會議紀錄。");
        // A university's council: the office before 報告 reports; `X提：` leads the proposal.
        let body = "## 貳、報告事項\n\n一、教務處報告：本校評鑑作業，提會報告。\n\n二、秘書長報告：行程。\n\n## 參、討論事項\n\n一、社會科學院提：檢具設置辦法修正草案1份，提請討論。\n\n決議：通過。\n";
        let items = items_of(body, &reg);
        let got: Vec<_> = items
            .iter()
            .map(|a| (a.label.as_str(), a.title.as_str(), a.units.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("報告事項一", "教務處報告：本校評鑑作業，提會報告。", slugs(&["教務處"])),
                ("報告事項二", "秘書長報告：行程。", vec![]),
                (
                    "討論事項一",
                    "檢具設置辦法修正草案1份，提請討論。",
                    slugs(&["社會科學院"])
                ),
            ]
        );
        // `X提案：` names what is reviewed, not who proposes.
        let body = "## 八、討論及決議事項\n\n（一）審議鎮公所提案：第三讀會\n\n大會決議：照案通過\n";
        let items = items_of(body, &reg);
        assert_eq!(items[0].title, "審議鎮公所提案：第三讀會");
        assert!(items[0].units.is_empty());
        // A reading in brackets is no unit, and 主席裁示 after the item's decision is a section again.
        let body =
            "## 貳、討論事項\n\n一、某自治條例草案，請審議。(第一讀會)\n\n決議：照案通過。\n\n主席裁示：散會。\n";
        let items = items_of(body, &reg);
        assert_eq!(items.len(), 1);
        assert!(items[0].units.is_empty());
        assert_eq!(items[0].decision, "照案通過。");
    }

    #[test]
    fn numbered_paragraphs_with_a_decision_and_numbers_above_an_item() {
        let reg = Registry::new(Vec::new());
        // A township council's form: a numbered paragraph decided at once is an item; a numbered
        // paragraph that only groups the items after it (and the numbered agenda) is not.
        let body = "六、報告事項:\n\n(一) 秘書:出席代表已達法定額數。\n\n七、議程:\n\n(一)審議鎮公所提案\n\n八、討論及決議事項:\n\n(一)審議鎮公所提案:第三讀會審議總預算案\n\n大會決議:照案通過\n\n(二)審議代表提案2案:\n\n第一案〈代提議001號〉 提案人:陳天成\n\n案由：道路改善案。\n\n說明：斜坡陡峭。\n\n大會決議:照案通過。\n\n第二案〈代提議002號〉 提案人:林金英\n\n### 案由：路燈增設案。\n\n大會決議:送請公所辦理。\n";
        let items = items_of(body, &reg);
        let got: Vec<_> = items
            .iter()
            .map(|a| {
                (
                    a.label.as_str(),
                    a.kind,
                    a.title.as_str(),
                    a.decision.as_str(),
                    a.people.clone(),
                )
            })
            .collect();
        let proposer = |n: &str| vec![("proposer".to_string(), n.to_string())];
        assert_eq!(
            got,
            [
                (
                    "討論事項一",
                    Kind::Discussion,
                    "審議鎮公所提案:第三讀會審議總預算案",
                    "照案通過",
                    vec![]
                ),
                (
                    "第一案",
                    Kind::Discussion,
                    "道路改善案。",
                    "照案通過。",
                    proposer("陳天成")
                ),
                (
                    "第二案",
                    Kind::Discussion,
                    "案由：路燈增設案。",
                    "送請公所辦理。",
                    proposer("林金英")
                ),
            ]
        );
        // The decision's own numbered points stay in it.
        let body = "討論事項\n\n（一）組織章程修正\n\n決議：\n\n一、照案通過。\n\n二、送會員大會。\n\n（二）年度預算\n\n決議：照案通過。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.decision))
            .collect();
        assert_eq!(
            got,
            [
                ("討論事項一".to_string(), "一、照案通過。\n二、送會員大會。".to_string()),
                ("討論事項二".to_string(), "照案通過。".to_string())
            ]
        );
    }

    #[test]
    fn archive_case_lines_and_listed_decisions() {
        let reg = Registry::new(Vec::new());
        // A civic archive's case: `<record id>-<section>-<label>:title`, field names alone on
        // their lines, the decision as a list item under a bare 決議.
        let body = "MOIO5851-審議事項-第五案:變更大里都市計畫案。\n\n會議紀錄id\n\nMOIO5851\n\n概要說明\n\n\\- 說明:一、本案業經審議通過。\n\n二、法令依據:都市計畫法。\n\n決議\n\n\\- 決議:本案除下列各點外,其餘照案通過。\n\n一、請補充圖說。\n\nTPEO5631-0-案名:變更木柵路主要計畫案\n\n決議\n\n\\- 決議:准照核議意見通過。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.title, a.decision_label, a.decision))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "第五案".to_string(),
                    Kind::Discussion,
                    "變更大里都市計畫案。".to_string(),
                    "決議",
                    "本案除下列各點外,其餘照案通過。\n一、請補充圖說。".to_string()
                ),
                (
                    "案名".to_string(),
                    Kind::Discussion,
                    "變更木柵路主要計畫案".to_string(),
                    "決議",
                    "准照核議意見通過。".to_string()
                ),
            ]
        );
        // A line that merely has dashes and a colon is not a case.
        assert!(items_of("2024-05-01-會議：延期\n", &reg).is_empty());
    }

    #[test]
    fn items_laid_out_as_table_rows() {
        let reg = Registry::new(Vec::new());
        let body = "## 貳、討論事項\n\n| 案號 | 案由 | 提案單位 | 決議 |\n| --- | --- | --- | --- |\n| 1 | 道路拓寬案 | 建設課 | 照案通過。 |\n| 第二案 | 路燈增設案 | 建設課、民政課 | 保留。 |\n\n說明：以上兩案。\n\n| 案由 | 說明 |\n| --- | --- |\n| 只是欄名 | 不是議案 |\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.title, a.decision_label, a.decision, a.units.len()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "第1案".to_string(),
                    Kind::Discussion,
                    "道路拓寬案".to_string(),
                    "決議",
                    "照案通過。".to_string(),
                    1
                ),
                (
                    "第二案".to_string(),
                    Kind::Discussion,
                    "路燈增設案".to_string(),
                    "決議",
                    "保留。".to_string(),
                    2
                ),
            ]
        );
    }

    #[test]
    fn unnumbered_titles_followed_by_a_part_are_items() {
        let reg = Registry::new(Vec::new());
        // A committee's record: one unnumbered item per section, decided at once.
        let body = "報 告 事 項\n\n宣讀上次會議議事錄。\n\n決定：確定。\n\n討 論 事 項\n\n繼續審查總預算案關於經濟部部分。\n\n決議：審查完竣。\n\n一、歲入部分照列。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.title, a.decision_label, a.decision))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "報告事項一".to_string(),
                    Kind::Report,
                    "宣讀上次會議議事錄。".to_string(),
                    "決定",
                    "確定。".to_string()
                ),
                (
                    "討論事項一".to_string(),
                    Kind::Discussion,
                    "繼續審查總預算案關於經濟部部分。".to_string(),
                    "決議",
                    "審查完竣。\n一、歲入部分照列。".to_string()
                ),
            ]
        );
        // Reports with a 說明 and no decision: items, the unnumbered one numbered by its place; a
        // numbered paragraph with no part is not one, nor a bracketed motion inside an item, nor
        // a sentence inside a 說明's points.
        let body = "柒、報告事項：\n\n一、施工進度報告-守智\n\n說明：延長一星期。\n\n二、基金交接報告-碧芬\n\n說明：工作如下：\n\n1. 公告募款金額。\n\n2. 收集發票。\n\n佈展協助報告-瓊分\n\n說明：燈籠全數完成。\n\n三、檢附請願案計5案，請參考。\n\n捌、討論事項\n\n討論一：章程修正案。\n\n說明：如附件。\n\n【修正動議一】\n\n說明：修正第一條。\n\n決議：動議通過。\n\n決議：照案通過。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.decision))
            .collect();
        let s = |x: &str| x.to_string();
        assert_eq!(
            got,
            [
                (s("報告事項一"), Kind::Report, s("")),
                (s("報告事項二"), Kind::Report, s("")),
                (s("報告事項三"), Kind::Report, s("")),
                (s("討論一"), Kind::Discussion, s("照案通過。")),
            ]
        );
        assert_eq!(is_section_block("二、主席致詞:略。"), Some(Kind::Report));
        assert_eq!(is_section_block("十、散會。"), Some(Kind::Other));
        assert_eq!(is_section_block("宣讀上次會議議事錄。"), None);
        // A title alone, with no part after it, is a paragraph.
        assert!(items_of("報告事項\n\n宣讀上次會議議事錄。\n\n主席：確定。\n", &reg).is_empty());
    }

    #[test]
    fn bracketed_labels_read_as_labels() {
        let reg = Registry::new(Vec::new());
        // A school committee's form: labels in 【】 instead of before a colon.
        let body = "肆、提案討論：\n\n【案由一】交通補助申請案，提請討論。\n\n【說  明】依規定辦理。\n\n【決  議】照案通過。\n\n【案由二】：專團申請案。\n\n【決議】同意申請，送教育處。\n\n【附帶決議】不是新的一案。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.title, a.decision_label, a.decision))
            .collect();
        let s = |x: &str| x.to_string();
        assert_eq!(
            got,
            [
                (s("案由一"), s("交通補助申請案，提請討論。"), "決議", s("照案通過。")),
                (
                    s("案由二"),
                    s("專團申請案。"),
                    "決議",
                    s("同意申請，送教育處。\n【附帶決議】不是新的一案。")
                ),
            ]
        );
        assert_eq!(
            items::leading_label("【決　議】照案通過。", DECISION_LABELS),
            Some(("決議", "照案通過。"))
        );
        assert_eq!(
            items::leading_label("【西元2020年03月15日】主席：休息。", DECISION_LABELS),
            None
        );
    }

    #[test]
    fn the_meetings_decision_follows_the_review_opinion() {
        let reg = Registry::new(Vec::new());
        let heading = "## 參、討論事項\n\n### 第1案：路燈增設案\n\n提案人：王大明\n\n審查意見：照案通過。\n\n大會決議：照審查意見通過。\n\n### 第2案：排水改善案\n\n審查意見：送公所研議。\n";
        let paragraphs = heading.replace("### ", "");
        for body in [heading.to_string(), paragraphs] {
            let got: Vec<_> = items_of(&body, &reg)
                .into_iter()
                .map(|a| (a.label, a.decision_label, a.decision))
                .collect();
            assert_eq!(
                got,
                [
                    ("第1案".to_string(), "大會決議", "照審查意見通過。".to_string()),
                    ("第2案".to_string(), "審查意見", "送公所研議。".to_string())
                ],
                "{body}"
            );
        }
    }

    #[test]
    fn a_decision_run_into_its_title_is_read() {
        let reg = Registry::new(Vec::new());
        let body = "八、討論及決議事項:\n\n(一)審議鎮公所提案:第三讀會\n\n審議本鎮總預算第2次追加減預算案大會決議:照案通過\n\n(二)審議代表提案\n\n說明:經查本案決議:另案辦理之情形。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.decision_label, a.decision))
            .collect();
        // (二) is an item (its 說明 follows); the decision named inside that 說明 is not its own.
        assert_eq!(
            got,
            [
                ("討論事項一".to_string(), "大會決議", "照案通過".to_string()),
                ("討論事項二".to_string(), "", String::new())
            ]
        );
        let split: Vec<_> = glued_decision("審議總預算案。決議：照案通過。").collect();
        assert_eq!(split, ["審議總預算案。", "決議：照案通過。"]);
        // A label of its own first, or a decision named inside a sentence: one block.
        assert_eq!(glued_decision("說明：本案決議：照案。").count(), 1);
        assert_eq!(glued_decision("經查本案決議略以照案通過。").count(), 1);
    }

    #[test]
    fn numbered_motions_and_elections_are_items() {
        let reg = Registry::new(Vec::new());
        let body = "## 肆、選舉事項\n\n一、推選本會召集委員一人。\n\n決議：推選王委員大明擔任。\n\n## 伍、臨時動議\n\n（一）建請公所改善中正路路燈。\n\n大會決議：送請公所辦理。\n\n（二）民政課：里民活動中心修繕案。\n\n決議：照案通過。\n\n（三）主席說明下次開會日期。\n\n## 陸、散會\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.title, a.decision, a.units.len()))
            .collect();
        let s = |x: &str| x.to_string();
        assert_eq!(
            got,
            [
                (
                    s("選舉事項一"),
                    Kind::Election,
                    s("推選本會召集委員一人。"),
                    s("推選王委員大明擔任。"),
                    0
                ),
                (
                    s("臨時動議一"),
                    Kind::Motion,
                    s("建請公所改善中正路路燈。"),
                    s("送請公所辦理。"),
                    0
                ),
                // Numbered and led by a unit: the unit is kept.
                (
                    s("臨時動議二"),
                    Kind::Motion,
                    s("里民活動中心修繕案。"),
                    s("照案通過。"),
                    1
                ),
            ]
        );
    }

    #[test]
    fn unknown_reporting_unit_is_located() {
        let reg = reg();
        let body = "### 案由一：某案（報告單位：數位產業）\n";
        let r = crate::markdown::render(body, 3, &|t| preferred_id(t, &reg));
        let (_, diags) = analyse(
            Path::new("a.md"),
            "---\n---\n### 案由一：某案（報告單位：數位產業）\n",
            &r,
            &reg,
            &UnitMatcher::new(&reg),
        );
        assert_eq!(diags.len(), 1);
        assert_eq!((diags[0].line, diags[0].column), (3, 17));
        assert!(diags[0].help.as_ref().unwrap().en().contains("數位產業署"));
    }

    #[test]
    fn a_number_with_its_unit_on_one_line_leads_the_next_proposal() {
        // `第一案 提案單位:第一組` above the 案由 (a county election commission's layout), as a
        // heading and as a paragraph: the number is the item's label, the unit its unit.
        let reg = Registry::new(Vec::new());
        let heading = "## 玖、討論提案\n\n第一案 提案單位:第一組\n\n### 案由：候選人資格,提請審定。\n\n辦法：如案由。\n\n決議：照案通過。\n\n第二案 提案單位:第四組\n\n### 案由：政見稿,提請審查。\n\n決議：同意追認。\n";
        let paragraph = heading.replace("### ", "");
        for body in [heading, paragraph.as_str()] {
            let got: Vec<_> = items_of(body, &reg)
                .into_iter()
                .map(|a| (a.label, a.kind, a.units, a.decision))
                .collect();
            let slug = crate::content::record::auto_slug;
            assert_eq!(
                got,
                [
                    (
                        "第一案".to_string(),
                        Kind::Discussion,
                        vec![slug("第一組")],
                        "照案通過。".to_string()
                    ),
                    (
                        "第二案".to_string(),
                        Kind::Discussion,
                        vec![slug("第四組")],
                        "同意追認。".to_string()
                    ),
                ],
                "{body}"
            );
        }
    }

    #[test]
    fn section_titles_run_on_into_their_first_line_and_motions_led_by_movers() {
        // A county council's 議事錄 as a converter joins it: each section title runs on into the
        // line after it, and each motion is `動議人：… 編號：…附議人：…` above its `### 案由：…`.
        let reg = Registry::new(Vec::new());
        let body = "乙、討 論 事 項討論議案：計地政類 2 件、工務類 4 件。\n\n大會決議：詳如議案審議一覽表。\n\n丙、其 他 事 項審議墊付案時議員要求之事項另錄。\n\n丁、臨 時 動 議動 議 人：黃適超 編號：臨動字第57號附 議 人：張秋明 吳宏謀\n\n### 案由：請大會同意授權議長先行同意案。\n\n辦法：由大會同意授權議長為之。\n\n大會決議：同意（黃議員定和反對）。\n\n動 議 人：林東成 編號：臨動字第58號附 議 人：陳福山 林志鴻\n\n### 案由：請縣政府興設抽水站案。\n\n辦法：請縣政府採納辦理。\n\n大會決議：照案通過。\n";
        let s = |x: &str| x.to_string();
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.title, a.decision_label, a.decision, a.people))
            .collect();
        let p = |r: &str, n: &str| (s(r), s(n));
        assert_eq!(
            got,
            [
                (
                    s("討論事項一"),
                    Kind::Discussion,
                    s("討論議案：計地政類 2 件、工務類 4 件。"),
                    "大會決議",
                    s("詳如議案審議一覽表。"),
                    vec![]
                ),
                (
                    s("臨時動議一"),
                    Kind::Motion,
                    s("案由：請大會同意授權議長先行同意案。"),
                    "大會決議",
                    s("同意（黃議員定和反對）。"),
                    vec![p("mover", "黃適超"), p("seconder", "張秋明"), p("seconder", "吳宏謀")]
                ),
                (
                    s("臨時動議二"),
                    Kind::Motion,
                    s("案由：請縣政府興設抽水站案。"),
                    "大會決議",
                    s("照案通過。"),
                    vec![p("mover", "林東成"), p("seconder", "陳福山"), p("seconder", "林志鴻")]
                ),
            ]
        );
    }

    #[test]
    fn numbered_reports_under_report_items_are_items() {
        // `三、…報告：<subject>` under 報告事項 is a report given at the meeting, decided or not;
        // the quorum and the reading of the minutes, with no colon and nothing decided, are not
        // items. A page number between a report and its 決定 does not part them.
        let reg = Registry::new(Vec::new());
        let body = "甲、報 告 事 項\n\n一、主席報告簽到議員已達法定人數。\n\n二、秘書長宣讀第 02 次會議議事錄。\n\n三、縣長率建設處處長等報告：就都市計畫如何處理。\n\n四、秘書長報告：請推派議員 2 席擔任委員。\n\n丁-415\n\n決定：公推陳議員正男擔任之。\n\n乙、討 論 事 項\n\n一、討論都市計畫如何處理。\n\n大會決議：(一)重新檢討。\n\n(二)立即解除。\n";
        let s = |x: &str| x.to_string();
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.title, a.decision))
            .collect();
        assert_eq!(
            got,
            [
                (
                    s("報告事項三"),
                    Kind::Report,
                    s("縣長率建設處處長等報告：就都市計畫如何處理。"),
                    s("")
                ),
                (
                    s("報告事項四"),
                    Kind::Report,
                    s("秘書長報告：請推派議員 2 席擔任委員。"),
                    s("公推陳議員正男擔任之。")
                ),
                (
                    s("討論事項一"),
                    Kind::Discussion,
                    s("討論都市計畫如何處理。"),
                    s("(一)重新檢討。\n(二)立即解除。")
                ),
            ]
        );
        // A work report's title alone (`一、總幹事工作報告:` then its points) is one too.
        let body = "## 捌、報告事項:\n\n一、總幹事工作報告:\n\n(一)公聽會業已辦理完竣。\n\n(二)選舉期間訂為3個月。\n\n二、監察小組工作報告:(略)\n";
        let got: Vec<_> = items_of(body, &reg).into_iter().map(|a| (a.label, a.title)).collect();
        assert_eq!(
            got,
            [
                (s("報告事項一"), s("總幹事工作報告:")),
                (s("報告事項二"), s("監察小組工作報告:(略)"))
            ]
        );
    }

    #[test]
    fn a_title_broken_over_paragraphs_is_read_whole() {
        // A bill's line split by a converter: its bracket and its request are paragraphs of their
        // own. The title is the three together; a paragraph that ends its sentence is not pulled in.
        let reg = Registry::new(Vec::new());
        let body = "乙、討 論 事 項\n\n政字第 18-001 號：制定「土石方特別稅自治條例」\n\n（草案）\n\n，請 審議。(第一讀會)\n\n大會決議：下午繼續討論。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.title, a.decision))
            .collect();
        let s = |x: &str| x.to_string();
        assert_eq!(
            got,
            [(
                s("討論事項一"),
                s("政字第 18-001 號：制定「土石方特別稅自治條例」（草案），請 審議。(第一讀會)"),
                s("下午繼續討論。")
            )]
        );
        let body = "乙、討 論 事 項\n\n本案經說明如下。\n\n（略）\n\n宣讀上次會議議事錄。\n\n決定：確定。\n";
        let got: Vec<_> = items_of(body, &reg).into_iter().map(|a| a.title).collect();
        assert_eq!(got, [s("宣讀上次會議議事錄。")]);
    }

    fn s(x: &str) -> String {
        x.to_string()
    }

    #[test]
    fn a_table_drawn_in_text_wraps_its_cells_over_rows() {
        // 臺北市議會第12屆第3次臨時大會第1次會議 (tests/corpus/tcc-12-t3-1), its tables as the
        // importer writes them: each cell wrapped over several rows, the number only on the first.
        let reg = Registry::new(Vec::new());
        let body = "甲、報告事項\n\n## 參、報告今日議程(予以確定)\n\n乙、一讀會\n\n宣讀提案交付審查市府提案\n\n\
| 案號 | 案由 | 議決 | 備註 |\n| --- | --- | --- | --- |\n\
| 12047 | 為修正「臺北市舞廳舞場酒 | 暫擱 |  |\n|  | 家酒吧及特種咖啡茶室管理 |  |  |\n\
|  | 自治條例」一案，敬請審議 |  |  |\n|  | 。 |  |  |\n\
| 12068 | 檢送「臺北市聯營公車營運 | 交付交通委員會 |  |\n|  | 成本檢討暨運價調整報告」 | 審查 |  |\n\n\
丙、二讀會\n\n## 壹、審議市府提案\n\n\
| 案號 | 案由 | 審查意見 | 議決 | 備註 |\n| --- | --- | --- | --- | --- |\n\
| 12071 | 本府為有效利用市有財 | 同意。 | 照審查意見通 |  |\n|  | 產，（持續）委託民間 |  | 過。 |  |\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.title, a.decision_label, a.decision))
            .collect();
        assert_eq!(
            got,
            [
                (
                    s("第12047案"),
                    Kind::Discussion,
                    s("為修正「臺北市舞廳舞場酒家酒吧及特種咖啡茶室管理自治條例」一案，敬請審議。"),
                    "議決",
                    s("暫擱")
                ),
                (
                    s("第12068案"),
                    Kind::Discussion,
                    s("檢送「臺北市聯營公車營運成本檢討暨運價調整報告」"),
                    "議決",
                    s("交付交通委員會審查")
                ),
                // The council's decision (議決), not its committee's opinion (審查意見).
                (
                    s("第12071案"),
                    Kind::Discussion,
                    s("本府為有效利用市有財產，（持續）委託民間"),
                    "議決",
                    s("照審查意見通過。")
                ),
            ]
        );
        assert!(is_reading("一讀會") && is_reading("第三讀會") && !is_reading("讀會"));
    }

    #[test]
    fn motions_led_by_a_numbered_proposer_line() {
        // 桃園市議會第1屆第17次臨時會第2次會議 (tests/corpus/tycc-1-t17), as imported: each motion
        // `N、提案人：X議員` above its `### 案由`, the first's colon a paragraph of its own, the
        // chair's ruling 主席裁示 with no ordinal; 五 is not ruled on; 七 is led by a name alone.
        let reg = Registry::new(Vec::new());
        let body = "丙、臨時動議\n\n一、提案人：劉茂群議員\n\n### 案由\n\n：\n\n\
昨天中壢區槍擊事件及衛生局 2 位副局長因案交保，請市府說明。\n\n\
主席裁示：現在是臨時動議，請警察局副局長簡單說明中壢區槍擊事件。\n\n二、提案人：黃敬平議員\n\n\
### 案由：衛生局 2 位副局長因案交保事件，據聞是市府內鬥，請市長要注意，以免影響市府團隊士氣。\
另外針對本市吳郭魚遭湖泊病毒汙染情形，請市府說明。\n\n主席裁示：\n\n請市府相關單位會後以書面向各議員說明。\n\n\
三、提案人：吳宗憲議員\n\n### 案由：如黃議員所提本市遭湖泊病毒汙染的吳郭魚是否對人體有害，請市府說明。\n\n\
主席裁示：請市府於今天下午召開記者會對外說明。\n\n四、提案人：吳宗憲議員\n\n\
### 案由：另外草漯重劃區第一期、第六期正在開發，昨日環保局質疑未清完，還有剩餘土石方，但因地主不同意檢測。\
對於剩餘土石方與營建廢棄物之認定及是否可以堆置，請市府相關單位說明。\n\n\
主席裁示：請市長指派相關單位向吳議員說明。\n\n五、提案人：徐玉樹議員\n\n\
### 案由：我們國民黨團決議建請市府暫緩 7 月 1日實施的一例一休政策，以輔導代替處罰。\n\n\
（主席尚未裁示范議員接著發言）\n\n六、提案人：范綱祥議員\n\n### 案由：認同徐議員為勞工爭取權益，但法律公布生效就要執行，議會決議暫緩實施似乎不妥，建議對徐議員上述提案做文字修正。\n\n\
主席裁示：議會決議案僅是向中央建議參考，並無強制性。\n\n七、徐玉樹議員\n\n\
### 案由：既然這樣，希望鄭市長現在就表達市府對一例一休政策的態度。\n\n主席裁示：請市長會後再表達。\n\n\
散會：11 時 26 分 主席：邱奕勝\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| {
                let people: Vec<String> = a.people.iter().map(|(r, n)| format!("{r}: {n}")).collect();
                (
                    a.label,
                    a.kind,
                    a.title.chars().take(12).collect::<String>(),
                    a.decision,
                    people,
                )
            })
            .collect();
        let p = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                (
                    s("臨時動議一"),
                    Kind::Motion,
                    s("案由：昨天中壢區槍擊事件"),
                    s("現在是臨時動議，請警察局副局長簡單說明中壢區槍擊事件。"),
                    p(&["proposer: 劉茂群"])
                ),
                (
                    s("臨時動議二"),
                    Kind::Motion,
                    s("案由：衛生局 2 位副局"),
                    s("請市府相關單位會後以書面向各議員說明。"),
                    p(&["proposer: 黃敬平"])
                ),
                (
                    s("臨時動議三"),
                    Kind::Motion,
                    s("案由：如黃議員所提本市遭"),
                    s("請市府於今天下午召開記者會對外說明。"),
                    p(&["proposer: 吳宗憲"])
                ),
                (
                    s("臨時動議四"),
                    Kind::Motion,
                    s("案由：另外草漯重劃區第一"),
                    s("請市長指派相關單位向吳議員說明。"),
                    p(&["proposer: 吳宗憲"])
                ),
                (
                    s("臨時動議五"),
                    Kind::Motion,
                    s("案由：我們國民黨團決議建"),
                    s(""),
                    p(&["proposer: 徐玉樹"])
                ),
                (
                    s("臨時動議六"),
                    Kind::Motion,
                    s("案由：認同徐議員為勞工爭"),
                    s("議會決議案僅是向中央建議參考，並無強制性。"),
                    p(&["proposer: 范綱祥"])
                ),
                (
                    s("臨時動議七"),
                    Kind::Motion,
                    s("案由：既然這樣，希望鄭市"),
                    s("請市長會後再表達。"),
                    p(&["mover: 徐玉樹"])
                ),
            ]
        );
    }

    #[test]
    fn a_later_sittings_item_of_the_same_number_is_its_own() {
        // 桃園市議會第1屆第17次臨時會 (tests/corpus/tycc-1-t17): the 議事錄 holds its sittings one
        // after the other; each sitting's 討論事項 is numbered afresh. The same number with another
        // title is another item; written again with its title, it is the same item taken up again.
        let reg = Registry::new(Vec::new());
        let body = "乙、討論事項\n\n討論三讀議案（第一讀會）\n\n決議：三讀議案計 4 案，均一讀通過並交付各審查委員會分組審查。\n\n\
（詳如清單）\n\n散會：11 時 26 分 主席：邱奕勝\n\n※第 1 屆第 17 次臨時會第 2 次會議紀錄\n\n主席宣布開會\n\n\
乙、討論事項\n\n一、討論三讀議案。\n\n（第二、三讀會）\n\n決議：三讀議案 4 案，均二、三讀（修正）通過。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.title, a.decision))
            .collect();
        assert_eq!(
            got,
            [
                (
                    s("討論事項一"),
                    s("討論三讀議案（第一讀會）"),
                    s("三讀議案計 4 案，均一讀通過並交付各審查委員會分組審查。\n（詳如清單）")
                ),
                (
                    s("討論事項一"),
                    s("討論三讀議案。"),
                    s("三讀議案 4 案，均二、三讀（修正）通過。")
                ),
            ]
        );
    }

    #[test]
    fn a_number_line_numbers_the_case_after_it() {
        // 高雄市議會第2屆第1次定期大會第44次會議 (tests/corpus/kcc-2-1-44): the city government's
        // letters reported one after the other, each `編號：N` / `類別：…` / `來文機關：…` / `案由：…`.
        let reg = Registry::new(Vec::new());
        let body = "甲、報告事項\n\n三、報告市政府來函\n\n編號：26\n\n類別：民政\n\n來文機關：高雄市政府\n\n\
### 案由：檢送本府辦理大林發電廠更新改建計畫-建廠前置促\n\n協金 2,240 萬元運用小港及林園地區，請查照。\n\n\
決議：准予備查。\n\n編號：27\n\n類別：財經\n\n來文機關：高雄市政府\n\n\
### 案由：高雄市政府所屬各機關學校對 104 年度地方總預算\n\n決議：准予備查。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.decision))
            .collect();
        assert_eq!(
            got,
            [
                (s("第26案"), Kind::Report, s("准予備查。")),
                (s("第27案"), Kind::Report, s("准予備查。"))
            ]
        );
        // Written as paragraphs, the number leads the 案由 after its parts the same way.
        let body = "甲、報告事項\n\n編號：26\n\n類別：民政\n\n案由：檢送本府辦理大林發電廠更新改建計畫，請查照。\n\n\
決議：准予備查。\n\n編號：27\n\n類別：財經\n\n案由：附帶決議執行情形報告表。\n\n決議：准予備查。\n";
        let got: Vec<_> = items_of(body, &reg).into_iter().map(|a| (a.label, a.title)).collect();
        assert_eq!(
            got,
            [
                (s("第26案"), s("檢送本府辦理大林發電廠更新改建計畫，請查照。")),
                (s("第27案"), s("附帶決議執行情形報告表。"))
            ]
        );
        assert_eq!(items::number_line("編號：26"), Some(s("第26案")));
        assert_eq!(items::number_line("編號：34-1"), Some(s("第34-1案")));
        assert_eq!(items::number_line("編號：臨動字第57號"), None);
    }

    #[test]
    fn parts_of_the_agenda_under_names_of_their_own() {
        // 新北市議會第2屆第12次臨時會第2次會議 (tests/corpus/ntp-2-t12-2): the budget's second
        // reading (`乙、三讀議案第二讀會`) is a discussion; `丙、主席裁定事項` is a part of its own,
        // its numbered requests labelled by its name; the 案由 heading's item ends at it.
        let reg = Registry::new(Vec::new());
        let body = "甲、報告事項\n\n一、出席已達法定人數。\n\n乙、三讀議案第二讀會\n\n\
### 案由：106 年度新北市總預算案暨附屬單位預算及其綜計表，提請審議。\n\n\
新北市農業發展基金 本年度賸餘：569,000 元第 4 審查會召集人廖議員筱清報告審查意見\n\n決議：詳附表第 1 頁。\n\n\
丙、主席裁定事項\n\n一、陳議員世榮要求：\n\n請農業局提供相關資料送會。\n\n主席裁定：請照辦。\n\n\
二、王議員淑慧要求：\n\n請農業局自行修正後送會。\n\n主席裁定：請於 106 年 1 月 17 日開會前送會。\n\n散會：17 時 32 分\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.decision_label, a.decision))
            .collect();
        assert_eq!(
            got,
            [
                (s("案由"), Kind::Discussion, "決議", s("詳附表第 1 頁。")),
                (s("主席裁定事項一"), Kind::Other, "主席裁定", s("請照辦。")),
                (
                    s("主席裁定事項二"),
                    Kind::Other,
                    "主席裁定",
                    s("請於 106 年 1 月 17 日開會前送會。")
                ),
            ]
        );
        // 高雄市議會 (tests/corpus/kcc-2-t1-2): `乙、宣讀議案交付審查`, the first reading, ends
        // 甲、報告事項; its bills are discussed.
        let body = "甲、報告事項\n\n一、主席宣告開會。\n\n乙、宣讀議案交付審查\n\n一、請審議市政府提案第 33 號案：\n\n\
「請審議 104 年度高雄市地方總預算案。」\n\n決議：交付各有關委員會審查。\n\n丙、決定事項\n\n\
主席康議長裕成於中午 12 時 26 分提：擬延長開會時間，請同意案。\n\n（通過）\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.decision))
            .collect();
        assert_eq!(got, [(s("討論事項一"), Kind::Discussion, s("交付各有關委員會審查。"))]);
        assert!(is_reading("三讀議案第二讀會") && is_reading("第二、三讀會") && is_reading("宣讀議案交付審查"));
        assert!(!is_reading("宣讀上次會議紀錄"));
        // tests/corpus/ntp-2-t16-3: a request written without a number, its lead line ending in
        // its colon.
        let body = "丙、主席裁定事項\n\n金議員中玉要求：\n\n請新店區公所提供 105、106 年農、林、漁、牧申請查報業務數量及成果。\n\n\
主席裁定：請於 107 年 2 月 7 日前送會。\n\n散會：17 時 31 分\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.title, a.decision))
            .collect();
        assert_eq!(
            got,
            [(
                s("主席裁定事項一"),
                s("金議員中玉要求"),
                s("請於 107 年 2 月 7 日前送會。")
            )]
        );
        assert_eq!(items::named_part("丙、主席裁定事項"), Some(s("主席裁定事項")));
        assert_eq!(items::named_part("三、其他"), None);
    }

    #[test]
    fn a_decision_label_with_its_colon_on_the_next_line() {
        // 桃園市議會 (tests/corpus/tycc-1-t17): a PDF's text puts the ruling's colon on a line of
        // its own (`主席裁示` / `：` / `請市府…`).
        let reg = Registry::new(Vec::new());
        let body =
            "丙、臨時動議\n\n二、提案人：黃敬平議員\n\n### 案由：衛生局 2 位副局長因案交保事件，請市府說明。\n\n\
主席裁示\n\n：\n\n請市府相關單位會後以書面向各議員說明。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.decision_label, a.decision))
            .collect();
        assert_eq!(
            got,
            [(s("臨時動議一"), "主席裁示", s("請市府相關單位會後以書面向各議員說明。"))]
        );
    }

    #[test]
    fn bills_numbered_by_their_class_and_read_in_readings() {
        // 臺南市議會第2屆第10次臨時會 (tests/corpus/tncc-2-t10): each bill `<class>市提 N 提案人：…`
        // above its 案由, the outcome of each reading under the reading's name; the last reading
        // is the bill's decision, and a decision that states its outcome ends at the agenda's
        // next numbered part or the next sitting's title.
        let reg = Registry::new(Vec::new());
        let body = "七、第一讀會(計 2 案：第 5 次定期會法規市提 2-3)\n\n\
(第 5 次定期會) 法規議提 1 提案人：陳朝來議員\n\n連署人：杜素吟、李中岑\n\n\
### 案由：為確保市民權利，修訂臺南市房屋稅徵收率自治條例。\n\n進行一讀會：未完成一讀。\n\n\
八、洪玉鳳、王家貞議員均提出數額問題，主席宣布散會。\n\n第10次臨時會　會議紀錄\n\n第 2 次會議紀錄\n\n\
四、第二、三讀會(計 2 案：法規市提 2-3)\n\n法規市提 2 提案單位：臺南市政府（消防局）\n\n\
### 案由：修正「臺南市火災預防自治條例」第十二條草案，敬請審議。\n\n進行二讀會：照審查意見通過。\n\n\
進行三讀會：照二讀會決議通過。\n\n第10次臨時會　會議紀錄 17\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.decision_label, a.decision, a.people.len(), a.units))
            .collect();
        assert_eq!(
            got,
            [
                (
                    s("法規議提1"),
                    Kind::Discussion,
                    "進行一讀會",
                    s("未完成一讀。"),
                    3,
                    vec![]
                ),
                (
                    s("法規市提2"),
                    Kind::Discussion,
                    "進行三讀會",
                    s("照二讀會決議通過。"),
                    0,
                    vec![crate::content::record::auto_slug("臺南市政府（消防局）")]
                ),
            ]
        );
        assert_eq!(
            items::bill_number("財經 1 提案單位：審計部臺南市審計處"),
            Some(s("財經1"))
        );
        assert_eq!(items::bill_number("第一次會議 提案人：王大明"), None);
        // A name that holds its own brackets keeps them.
        assert_eq!(
            items::people("提案人：臺南市政府（消防局）"),
            [(s("proposer"), s("臺南市政府（消防局）"))]
        );
    }

    #[test]
    fn numbered_parts_of_an_agenda_with_few_section_names() {
        // 臺南市議會 (tests/corpus/tncc-2-t10): the 議程's parts are numbered `一、` to `九、`;
        // `四、審定結果報告` holds reports decided one by one, `五、討論…案` is decided at once, and
        // `七、法規報告案…` after `六、討論提案` ends that section. Committees' bills are decided
        // together in one paragraph (`…，大會議決：…`), some set apart and decided on their own.
        let reg = Registry::new(Vec::new());
        let body = "議程：\n\n一、郭秘書長報告議員出席已達法定額數，請主席宣布開會。\n\n四、審定結果報告\n\n\
(一)進行程序委員會審定結果報告(附件一)，請議事組宣讀。(略)\n\n大會議決：通過。\n\n\
(二)因應民治議事廳麥克風等設備老舊，本次會議程調整為：\n\n大會議決：通過。\n\n\
五、討論逕送大會墊付款案(計 3 案：民政市提 1、建設市提 2)\n\n均交付委員會審查。\n\n大會議決：通過。\n\n\
六、討論提案(共計 49 案)\n\n(一)討論民政委員會議案(計 4 案：民政市提 1、議提 1-3)，大會議決：均為照審查意見通過。\n\n\
(二)討論建設委員會議案(計 10 案：建設市提 1-2)，除建設議提 4 號案外，其餘議案大會議決：均為照審查意見通過。\n\n\
1、建設議提 4 號案，大會議決：送市府研辦。\n\n(三)討論保安委員會議案(計 7 案)，大會議決：均為照審查意見通過。\n\n\
七、法規報告案(計 3 案：法規備查 1、法規查照 1-2)\n\n大會議決：同意備查/查照。\n\n\
八、臨時動議(計 2 案：臨時動議 1-2)\n\n(一)討論臨時動議 1 號案，大會議決：1、送市府研辦。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.decision))
            .collect();
        assert_eq!(
            got,
            [
                (s("報告事項一"), Kind::Report, s("通過。")),
                (s("報告事項二"), Kind::Report, s("通過。")),
                (s("討論事項五"), Kind::Discussion, s("通過。")),
                (s("討論事項一"), Kind::Discussion, s("均為照審查意見通過。")),
                (s("討論事項二"), Kind::Discussion, s("均為照審查意見通過。")),
                (s("建設議提4"), Kind::Discussion, s("送市府研辦。")),
                (s("討論事項三"), Kind::Discussion, s("均為照審查意見通過。")),
                (s("報告事項七"), Kind::Report, s("同意備查/查照。")),
                (s("臨時動議一"), Kind::Motion, s("1、送市府研辦。")),
            ]
        );
    }

    #[test]
    fn reports_heard_are_items_and_name_their_office() {
        // 高雄市議會第2屆第1次臨時會第2次會議 (tests/corpus/kcc-2-t1-2): under `三、聽取報告`, each
        // `(N)X報告 <subject>` is a report heard, nothing decided; the office before its head's
        // title and name is the report's unit; `(一)…介紹…` is no report.
        let reg = Registry::new(Vec::new());
        let body =
            "甲、報告事項\n\n一、主席宣告開會。\n\n三、聽取報告\n\n(一)陳市長菊介紹市政府各局處首長、各區區長。\n\n\
(二)陳市長菊報告 104 年度市政府施政計畫與本市 104 年度地方總預算案編製經過。\n\n\
(三)財政局簡局長振澄報告本市 104 年度地方總預算案暨附屬單位預算案歲入編製情形。\n\n\
發言議員：\n\n黃議員柏霖\n\n乙、宣讀議案交付審查\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.units))
            .collect();
        assert_eq!(
            got,
            [
                (s("報告事項二"), Kind::Report, vec![]),
                (
                    s("報告事項三"),
                    Kind::Report,
                    vec![crate::content::record::auto_slug("財政局")]
                ),
            ]
        );
        // `一、主席報告簽到議員已達法定人數。` outside such a part still only tells.
        let body = "甲、報告事項\n\n一、主席報告簽到議員已達法定人數。\n\n二、秘書長宣讀第 40 次會議議事錄。\n";
        assert!(items_of(body, &reg).is_empty());
    }

    #[test]
    fn a_point_numbered_again_a_mover_with_a_title_and_listed_decision_points() {
        // 五甲國小家長會 (tests/corpus/wujia-parents-95-2): a part that only groups its reports
        // (`二、校長:`, its points `1.總務處:…` / `2.輔導室:`), then a question numbered from 1 again
        // and decided at once; under 臨時動議 a motion led by its mover with his title, decided in
        // two points written as list items.
        let reg = Registry::new(Vec::new());
        let body = "六、主席報告\n\n二、校長:\n\n1.總務處:新增設備。\n\n2.輔導室:\n\n1.家長會聯誼活動的地點及天數。\n\n決議：新竹二日遊。\n\n五、臨時動議:\n\n1.許一成顧問:校服再利用,是否可以推展再利用計畫。\n\n\\- 決議:衣服整理清潔費用由家長會支出,實支實付。\n\n\\- 決議:穿長褲部份,責請學務處處理。\n\n七、散會\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.title, a.decision, a.people))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "討論事項一".to_string(),
                    Kind::Discussion,
                    "家長會聯誼活動的地點及天數。".to_string(),
                    "新竹二日遊。".to_string(),
                    vec![]
                ),
                (
                    "臨時動議一".to_string(),
                    Kind::Motion,
                    "校服再利用,是否可以推展再利用計畫。".to_string(),
                    "衣服整理清潔費用由家長會支出,實支實付。\n穿長褲部份,責請學務處處理。".to_string(),
                    vec![("mover".to_string(), "許一成".to_string())]
                ),
            ]
        );
        // A point that goes on with its part's numbering (`2.` after `1.`) above the decision is
        // still a point of the part, and the part is what is decided.
        let body = "六、主席報告\n\n二、校長:\n\n1.總務處:新增設備。\n\n2.請增購圖書。\n\n決議：照辦。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.decision))
            .collect();
        assert_eq!(got, [("討論事項二".to_string(), "照辦。".to_string())]);
        // Two decisions that are not list items: the later is the item's own (an amendment is
        // decided first).
        let body = "討論事項\n\n一、修正本會章程案，請討論。\n\n決議：修正動議不通過。\n\n決議：照案通過。\n";
        let got: Vec<_> = items_of(body, &reg).into_iter().map(|a| a.decision).collect();
        assert_eq!(got, ["照案通過。"]);
    }

    #[test]
    fn items_parts_and_decisions_written_as_list_items() {
        // A case's page laid out as a list (`- 案由:…` / `- 說明:…` / `- 決議:…`), as Markdown
        // bullets and as the marker an archive's dump keeps as text: read as the paragraphs are.
        let reg = Registry::new(Vec::new());
        let want = [(
            "案由".to_string(),
            Kind::Discussion,
            "請縣府補助本鄉道路拓寬工程經費案。".to_string(),
            "決議",
            "照案通過，送請縣政府辦理。".to_string(),
        )];
        for body in [
            "討論事項\n\n- 案由:請縣府補助本鄉道路拓寬工程經費案。\n- 說明:道路狹窄，會車困難。\n- 決議:照案通過，送請縣政府辦理。\n",
            "討論事項\n\n\\- 案由:請縣府補助本鄉道路拓寬工程經費案。\n\n\\- 說明:道路狹窄，會車困難。\n\n\\- 決議:照案通過，送請縣政府辦理。\n",
            "討論事項\n\n* 案由：請縣府補助本鄉道路拓寬工程經費案。\n* 說明：道路狹窄，會車困難。\n* 決議：照案通過，送請縣政府辦理。\n",
        ] {
            let got: Vec<_> = items_of(body, &reg)
                .into_iter()
                .map(|a| (a.label, a.kind, a.title, a.decision_label, a.decision))
                .collect();
            assert_eq!(got, want, "{body}");
        }
        // A heading item's parts as list items, its units too; a numbered proposal as a list item.
        let body = "### 案由一：修正本所組織規程案\n\n- 提案單位：民政課\n- 說明：依規定辦理。\n- 決議：照案通過。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.units, a.decision))
            .collect();
        assert_eq!(
            got,
            [(
                "案由一".to_string(),
                vec!["min-zheng-ke".to_string()],
                "照案通過。".to_string()
            )]
        );
        let body = "討論事項\n\n- 提案一：增設路燈案。\n  - 決議：照案通過。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.decision))
            .collect();
        assert_eq!(got, [("提案一".to_string(), "照案通過。".to_string())]);
        // No item: a list item that merely contains 案由, or one whose label is no decision's.
        for body in [
            "討論事項\n\n- 本案由公所另案辦理。\n- 決議文另行公告。\n",
            "報告事項\n\n- 主席致詞：感謝各位出席。\n- 結論是本案暫緩。\n",
        ] {
            assert!(items_of(body, &reg).is_empty(), "{body}");
        }
    }

    #[test]
    fn a_decision_label_alone_on_its_line_decides() {
        // 嘉義縣議會's and a council's record as converters give them: the label alone, its
        // decision on the next lines.
        let reg = Registry::new(Vec::new());
        for (body, label, decision) in [
            (
                "討論事項\n\n一、本鄉110年度總預算案，請審議。\n\n大會決議\n\n照案通過。\n",
                "大會決議",
                "照案通過。",
            ),
            (
                "### 案由\n\n關於水上鄉十方福報生命紀念園區\n\n議決\n\n原案通過;全體議員為小組成員\n",
                "議決",
                "原案通過;全體議員為小組成員",
            ),
            (
                "討論事項\n\n案由：增設路燈案。\n\n主席裁示\n\n請公所研議辦理。\n\n二、另請加強巡查。\n",
                "主席裁示",
                "請公所研議辦理。",
            ),
            (
                "### 提案一：增設路燈案\n\n審查結論：\n\n同意辦理。\n",
                "審查結論",
                "同意辦理。",
            ),
        ] {
            let got: Vec<_> = items_of(body, &reg)
                .into_iter()
                .map(|a| (a.decision_label, a.decision.lines().next().unwrap_or("").to_string()))
                .collect();
            assert_eq!(got, [(label, decision.to_string())], "{body}");
        }
        // Only the whole line is a label: a sentence that opens with one is not.
        assert_eq!(decision_label("大會決議"), Some("大會決議"));
        assert_eq!(decision_label("議決："), Some("議決"));
        assert_eq!(decision_label("結論是本案暫緩"), None);
        assert_eq!(decision_label("大會決議事項之執行情形"), None);
        assert_eq!(decision_label("裁示事項"), None);
        let body = "討論事項\n\n案由：增設路燈案。\n\n說明：結論是暫緩辦理。\n";
        let got: Vec<_> = items_of(body, &reg).into_iter().map(|a| a.decision).collect();
        assert_eq!(got, [""]);
    }

    #[test]
    fn heading_and_paragraph_items_keep_their_own_last_decision() {
        // An amendment decided first, then the main question: headings read as paragraphs do.
        let reg = Registry::new(Vec::new());
        for body in [
            "### 案由一：修正本會章程案\n\n決議：修正動議不通過。\n\n決議：照案通過。\n",
            "討論事項\n\n案由一：修正本會章程案\n\n決議：修正動議不通過。\n\n決議：照案通過。\n",
        ] {
            let got: Vec<_> = items_of(body, &reg).into_iter().map(|a| a.decision).collect();
            assert_eq!(got, ["照案通過。"], "{body}");
        }
        // A later part of the agenda in a heading's text is not the item's: its ruling stays out.
        let body = "### 案由：請市府改善路燈案\n\n決議：照案通過。\n\n丙、主席裁定事項\n\n一、陳議員世榮要求：\n\n主席裁定：請照辦。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.decision))
            .collect();
        assert_eq!(got[0], ("案由".to_string(), "照案通過。".to_string()));
        // Nor is the decision after the agenda's next numbered part.
        let body = "### 案由：請市府改善路燈案\n\n決議：本案交付審查。\n\n八、議員提出數額問題\n\n決議：另案辦理。\n";
        let got: Vec<_> = items_of(body, &reg).into_iter().map(|a| a.decision).collect();
        assert_eq!(got[0], "本案交付審查。");
    }

    #[test]
    fn a_names_length_is_counted_as_squeezed() {
        let slow = |t: &str| items::name_before_count(&squeeze(t)).chars().count() > 14;
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let mut lines = vec![
            "（一）報告事項".to_string(),
            "(附件一)本會第一次會議紀錄確認案（含附件）".to_string(),
            "討論 事項 （一）　本所一一三年度預算案".to_string(),
            "一二三四五六七八九十一二三四五".to_string(),
            String::new(),
        ];
        for dir in std::fs::read_dir(corpus).unwrap() {
            let source = dir.unwrap().path().join("source.txt");
            if let Ok(text) = std::fs::read_to_string(source) {
                lines.extend(text.lines().map(str::to_string));
            }
        }
        assert!(lines.len() > 1000, "the corpus is read");
        for l in &lines {
            assert_eq!(name_longer_than(l.trim(), 14), slow(l.trim()), "{l:?}");
        }
    }

    #[test]
    fn a_bare_decision_label_is_found_as_the_squeezed_block_would_find_it() {
        let slow = |b: &str| {
            let bare = squeeze(b);
            let bare = bare.trim_end_matches(['：', ':']);
            DECISION_LABELS.iter().copied().find(|l| *l == bare)
        };
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let mut lines: Vec<String> = ["決　議", "決 議：", "決議：：", "主 席 裁 示 :", "決議如下：", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for dir in std::fs::read_dir(corpus).unwrap() {
            let source = dir.unwrap().path().join("source.txt");
            if let Ok(text) = std::fs::read_to_string(source) {
                lines.extend(text.lines().map(str::to_string));
            }
        }
        assert!(lines.len() > 1000, "the corpus is read");
        let found = lines.iter().filter(|l| slow(l).is_some()).count();
        assert!(found > 5, "the corpus has bare labels ({found})");
        for l in &lines {
            assert_eq!(bare_decision_label(l), slow(l), "{l:?}");
        }
    }

    #[test]
    fn a_programme_numbered_without_sections_has_its_decided_parts_for_items() {
        // 北一女中家長會's 會員代表大會 (tests/corpus/fg-parents-99-3): a programme numbered 一 to 五,
        // no section names, the last minutes confirmed under 三, its title broken before its last
        // character.
        let reg = Registry::new(Vec::new());
        let body = "會議程序(含5個附件)\n\n一、5:00-5:30報到\n\n二、7:00 會議開始\n\n三、主席提起確認上次會議(即第二次會員代表大會)紀錄內容與報告本次召開理由及決議事\n\n項(5-10分鐘)\n\n決議：通過確認\n\n四、主席致詞: 於第二學期期中召開第三次會員代表大會仍有如此多之會員代表參加,餘略\n\n五、校長致詞及校務報告: 正如會長所言,本年度家長會作很多對校務協助之事非常感謝。\n";
        let got: Vec<_> = items_of(body, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind, a.decision))
            .collect();
        assert_eq!(
            got,
            [("討論事項三".to_string(), Kind::Discussion, "通過確認".to_string())]
        );
        // Not decided, or decided only after the next part: no item; a header's numbered lines
        // neither.
        for body in [
            "一、時間：100年5月10日\n\n二、地點：至善樓\n\n三、主席：劉承武\n\n報告事項\n\n決議：洽悉。\n",
            "一、報到\n\n二、會議開始\n\n（一）主席宣布開會\n",
            "議程確認：詳大會議程。\n\n決議：無異議通過。\n\n壹、報告事項：\n\n一、主席致詞：\n\n感謝各位鄉親支持。\n",
        ] {
            let got: Vec<_> = items_of(body, &reg).into_iter().map(|a| a.label).collect();
            assert!(got.is_empty(), "{body}: {got:?}");
        }
    }

    #[test]
    fn a_unit_keeps_a_bracket_of_its_own() {
        // 臺南市議會 (tests/corpus/tncc-2-t10, line 93) and the bundled record's heading.
        let names = |t: &str| unit_labels(t).into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        assert_eq!(
            names("法規市提 2 提案單位：臺南市政府（消防局）"),
            ["臺南市政府（消防局）"]
        );
        assert_eq!(
            names("案由一：本部重要會議指（裁）示事項追蹤列管辦理情形案，報請公鑒。（報告單位：數位策略司）"),
            ["數位策略司"]
        );
        assert_eq!(
            names("（提案單位：臺南市政府（都市發展局））說明："),
            ["臺南市政府（都市發展局）"]
        );
        assert_eq!(names("報告單位：秘書處、人事處。"), ["秘書處", "人事處"]);
        // Resolved whole when registered so, else as the unit before its remark.
        let r = reg();
        assert_eq!(resolve_unit(&r, "秘書處（書面）").as_deref(), Some("secretariat"));
        assert_eq!(resolve_unit(&r, "臺南市政府（消防局）"), None);
        let tainan = Registry::new(vec![RegistryEntry {
            name: "臺南市政府（消防局）".into(),
            slug: "tainan-fire".into(),
            aliases: vec![],
            en: None,
        }]);
        assert_eq!(
            resolve_unit(&tainan, "臺南市政府（消防局）").as_deref(),
            Some("tainan-fire")
        );
    }

    /// The items of a record whose file (front matter and all) is `file` and whose body is `body`.
    fn items_in_file(file: &str, body: &str, reg: &Registry) -> Vec<AgendaItem> {
        let r = crate::markdown::render(body, 1, &|t| preferred_id(t, reg));
        let (st, diags) = analyse(Path::new("a.md"), file, &r, reg, &UnitMatcher::new(reg));
        assert!(diags.is_empty(), "{diags:?}");
        st.agenda
    }

    #[test]
    fn a_bare_decision_word_needs_a_colon_a_space_or_a_decision() {
        // 決議 / 決定 with no colon: alone, before a space, or before a decision's first phrase.
        for b in [
            "決議",
            "決議：照案通過。",
            "決 議:通過",
            "決　議",
            "決議  照案通過",
            "決議通過。本案除…",
            "決定確定。",
            "- 決議：通過",
            "決議如下：",
            "決議事項：一、通過。",
            "決定內容:洽悉",
        ] {
            assert!(decision_label(b).is_some(), "{b}");
        }
        // Running text that begins with the word decides nothing (and does not end a decision).
        for b in [
            "決議事項均已辦理完竣。",
            "決定書已送達。",
            "決議文如附件。",
            "決 議 事 項 執 行 情 形",
            "決議之執行情形如附件。",
        ] {
            assert!(decision_label(b).is_none(), "{b}");
            assert!(!ends_decision(b), "{b}");
        }
        let reg = Registry::new(Vec::new());
        let body = "報告事項\n\n一、上次會議決議執行情形，報請公鑒。\n\n決定：洽悉。\n\n決議事項均已辦理完竣。\n\n二、本會年度預算，請審議。\n\n決議：照案通過。\n";
        let items = items_of(body, &reg);
        assert_eq!(items.len(), 2, "{items:?}");
        assert_eq!(items[0].decision, "洽悉。\n決議事項均已辦理完竣。");
        assert_eq!(items[1].decision, "照案通過。");
    }

    #[test]
    fn an_ordinal_with_a_spaced_or_doubled_mark() {
        // A PDF's text spaces the number from its mark; some writers put 、 after a bracket too.
        assert_eq!(strip_ordinal("1 . 秘書室報告:"), "秘書室報告:");
        assert_eq!(strip_ordinal("(1 )報告前次會議紀錄。"), "報告前次會議紀錄。");
        assert_eq!(
            strip_ordinal("(一)、105年5月份菜單審核,請討論。"),
            "105年5月份菜單審核,請討論。"
        );
        assert_eq!(strip_ordinal("（二）．報告異動學生二名。"), "報告異動學生二名。");
        assert_eq!(strip_ordinal("1 0 1 年 5 月"), "1 0 1 年 5 月");
        let reg = Registry::new(Vec::new());
        // 高雄市新興國小's lunch committee (tests/corpus/hsinhsing-lunch-105-8).
        let body = "八、提案討論:\n\n(一)、105年5月份菜單審核,請討論。\n\n決議：1.通過。\n\n(二)、報告異動學生二名。\n\n決議：1.通過。\n\n(三)、期末午餐兩校聯席日期,於6/16(五)14:00在校長室舉行。\n\n九、散會\n";
        let got: Vec<_> = items_of(body, &reg).into_iter().map(|a| (a.label, a.title)).collect();
        assert_eq!(
            got,
            [
                ("討論事項一".to_string(), "105年5月份菜單審核,請討論。".to_string()),
                ("討論事項二".to_string(), "報告異動學生二名。".to_string()),
            ]
        );
    }

    #[test]
    fn the_offices_reports_as_a_part_numbered_apart_from_its_points() {
        // 臺南市政府工務局's 局務會議 (tests/corpus/tainan-pwb-16): `6、` numbers the parts, `1 .` the
        // reports in part 6, and the chair rules on the report.
        let reg = Registry::new(Vec::new());
        let body = "5、主持人致詞:(略)\n\n6、業務單位報告:\n\n1 . 秘書室報告:\n\n(1 )報告前次會議紀錄。\n\n主席裁示:\n\n(1 ) 日後請各科室提送議會的資料必須過濾。\n\n(2) 同意辦理。\n\n7、討論事項:無\n\n主席裁示:無\n\n8、臨時動議:無\n\n主席裁示:無\n";
        let items = items_of(body, &reg);
        assert_eq!(items.len(), 1, "{items:?}");
        let a = &items[0];
        assert_eq!(
            (a.label.as_str(), a.kind, a.decision_label),
            ("報告事項一", Kind::Report, "主席裁示")
        );
        assert!(
            a.decision.starts_with("(1 ) 日後請各科室") && a.decision.ends_with("(2) 同意辦理。"),
            "{}",
            a.decision
        );
        assert_eq!(a.units, ["mi-shu-shi"]);
        assert_eq!(part_style("6、業務單位報告:"), Some(6));
        assert_eq!(part_style("1 . 秘書室報告:"), Some(2));
        // An item numbered in figures under a section is labelled in Chinese numerals.
        assert_eq!(
            items::paragraph_item("12、總幹事工作報告:", Some(Kind::Report))
                .map(|(l, _)| l)
                .as_deref(),
            Some("報告事項十二")
        );
    }

    #[test]
    fn the_office_that_submits_a_report() {
        // 臺南市政府's 市政會議 (tests/corpus/tainan-city-512).
        let reg = Registry::new(Vec::new());
        let body = "報告事項\n\n一、民政局陳報「臺南市里活動中心活化及興建執行情形」報告。(詳如書面資料)\n\n決定：准予備查。\n\n二、本府陳報年度施政報告。\n\n決定：准予備查。\n";
        let items = items_of(body, &reg);
        assert_eq!(items.len(), 2, "{items:?}");
        assert_eq!(items[0].units, ["min-zheng-ju"]);
        // 本府 is no unit's name.
        assert!(items[1].units.is_empty(), "{:?}", items[1].units);
        assert_eq!(
            submitting_office("經濟發展局提報節電計畫案", &reg).as_deref(),
            Some("經濟發展局")
        );
        assert_eq!(submitting_office("本案經陳報市府核定", &reg), None);
    }

    #[test]
    fn the_procedure_committees_opinion_is_what_the_house_decides() {
        // 立法院's 院會 (tests/corpus/ly-plenary-10-2-9).
        let reg = Registry::new(Vec::new());
        let body = "報 告 事 項\n\n一、宣讀本院第10屆第2會期第8次會議議事錄。(全文見本期議事錄)\n\n主席：報告院會,作以下宣告:議事錄確定。\n\n二、本院委員郭國文等16人擬具「建築法第三十四條之一條文修正草案」,請審議案。\n\n程序委員會意見:擬請院會將本案交內政委員會審查。\n\n主席：請問院會,對本案照程序委員會意見處理,有無異議?(無)無異議,通過。\n";
        let items = items_of(body, &reg);
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(
            (items[0].label.as_str(), items[0].decision_label),
            ("報告事項二", "程序委員會意見")
        );
        assert!(items[0].decision.starts_with("擬請院會將本案交內政委員會審查。"));
    }

    #[test]
    fn a_label_naming_units_and_people_together() {
        // 臺南市議會's database prints its proposer field as `提案單位/人` (tests/corpus/tncc-3-7-59):
        // its names are units or people, each as the registry (or its shape) says.
        let none = Registry::new(Vec::new());
        let body = "## 討論事項\n\n案由一：興建活動中心案。\n\n提案單位/人：趙昆原議員\n\n決議：照案通過。\n\n案由二：修繕道路案。\n\n提案人／單位：民政課、王大明\n\n決議：照案通過。\n\n### 案由三：設置路燈案。\n\n提案單位／提案人：建設課\n\n決議：保留。\n";
        let items = items_of(body, &none);
        let got: Vec<_> = items
            .iter()
            .map(|a| {
                let people: Vec<_> = a.people.iter().map(|(r, n)| format!("{r}: {n}")).collect();
                (a.label.as_str(), people, a.units.clone())
            })
            .collect();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                ("案由一", s(&["proposer: 趙昆原"]), s(&[])),
                ("案由二", s(&["proposer: 王大明"]), s(&["min-zheng-ke"])),
                ("案由三", s(&[]), s(&["jian-she-ke"])),
            ]
        );
        // Through the registry: a name it knows is a unit (its slug), a person's name a person.
        let reg = Registry::new(vec![RegistryEntry {
            name: "臺南市政府".into(),
            slug: "tainan-gov".into(),
            aliases: vec![],
            en: None,
        }]);
        let form = "- 案號\n- 59\n- 提案單位/人\n- 臺南市政府、趙昆原\n- 案由\n- 東山區建請興建活動中心乙案。\n- 大會決議\n- 照案通過。\n";
        let items = items_of(form, &reg);
        assert_eq!(items[0].units, ["tainan-gov"]);
        assert_eq!(items[0].people, [("proposer".to_string(), "趙昆原".to_string())]);
        // A table's column so named.
        let table = "## 討論事項\n\n| 案號 | 案由 | 提案單位/人 | 決議 |\n| --- | --- | --- | --- |\n| 1 | 道路拓寬案 | 建設課、王大明 | 照案通過。 |\n";
        let row = &items_of(table, &none)[0];
        assert_eq!(row.units, ["jian-she-ke"]);
        assert_eq!(row.people, [("proposer".to_string(), "王大明".to_string())]);
        // A mixed label ends a decision, and its halves are not read on their own.
        let after = "案由：甲案。\n\n決議：照案通過。\n\n提案人/單位：秘書室\n";
        assert_eq!(items_of(after, &none)[0].decision, "照案通過。");
        assert_eq!(items::mixed_label("提案單位/人"), Some(("提案單位", "proposer")));
        assert_eq!(items::mixed_label("報告人／報告單位"), Some(("報告單位", "reporter")));
        assert_eq!(items::mixed_label("提案單位/連署人"), None);
        assert!(unit_labels("提案人/提案單位：趙昆原").is_empty());
        assert!(items::people("提案單位/提案人：秘書室").is_empty());
    }

    #[test]
    fn the_chairs_remarks_and_ruling_end_a_decision() {
        // 臺南市政府's 市政會議 (tests/corpus/tainan-city-512): the mayor's remarks after the
        // decision are a part of their own.
        let reg = Registry::new(Vec::new());
        let body = "市長提示:\n\n一、感謝獲獎局處的努力。\n\n報告事項\n\n一、民政局陳報「臺南市里活動中心活化及興建執行情形」報告。(詳如書面資料)\n\n決定:准予備查。\n\n市長提示:\n\n本市活動中心、公共建築的造型及美觀具有特殊意義。\n\n二、法制處陳報「通過法案介紹」報告。\n\n決定:准予備查。\n\n主席提示：請各局處配合。\n";
        let items = items_of(body, &reg);
        let got: Vec<_> = items
            .iter()
            .map(|a| (a.label.as_str(), a.decision_label, a.decision.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("報告事項一", "決定", "准予備查。"),
                ("報告事項二", "決定", "准予備查。")
            ]
        );
        // The same under a heading.
        let heading = "## 報告事項\n\n### 案由一：民政局報告。\n\n決定：准予備查。\n\n市長指示：請加強宣導。\n";
        assert_eq!(items_of(heading, &reg)[0].decision, "准予備查。");
        // 立法院's 院會 (tests/corpus/ly-plenary-10-2-9): the chair puts the opinion to the house;
        // the opinion is the decision, the chair's speech after it no part of it.
        let ly = "報 告 事 項\n\n二、本院委員郭國文等16人擬具「建築法修正草案」,請審議案。\n\n程序委員會意見:擬請院會將本案交內政委員會審查。\n\n主席:請問院會,對本案照程序委員會意見處理,有無異議?(無)無異議,通過。\n";
        let items = items_of(ly, &reg);
        assert_eq!(
            (items[0].decision_label, items[0].decision.as_str()),
            ("程序委員會意見", "擬請院會將本案交內政委員會審查。")
        );
        assert!(remarks("市長提示:") && remarks("- 主席提示：請配合。") && !remarks("提示卡已備妥。"));
        assert!(chair_speaks("主席：請問院會，有無異議？") && !chair_speaks("主席裁示：照辦。"));
        assert!(!chair_speaks("主席宣告開會。") && !chair_speaks("主席："));
        assert!(chair_speaks("主席（蘇委員嘉全）：無異議，通過。") && !chair_speaks("主席（代）裁示（一）：照辦。"));
    }

    #[test]
    fn a_record_titled_as_its_motions_reads_them_as_motions() {
        // 基隆市議會's page of motions (tests/corpus/klcc-18-1-m3): numbered proposer lines with
        // spaced labels above each `### 案由：…`, outside any section but under the record's title.
        let reg = Registry::new(Vec::new());
        let body = "第三審查會\n\n建設、地政、工務、國宅類(二十四案)\n\n一、提 案 人:呂議員美玲\n\n連 署 人:張議員芳麗、秦議員鉦\n\n### 案由：請市府說明登島事宜。\n\n說明：\n\n議 決:通過。\n\n二、提 案 人:蔡議員適應\n\n連 署 人:林議員明智\n\n### 案由：請市府修復排水溝。\n\n議 決:通過。\n";
        let file = format!("---\ntitle: \"基隆市議會第十八屆第一次定期會暨第3次臨時會動議案\"\n---\n{body}");
        let items = items_in_file(&file, body, &reg);
        let got: Vec<_> = items.iter().map(|a| (a.label.as_str(), a.kind)).collect();
        assert_eq!(got, [("臨時動議一", Kind::Motion), ("臨時動議二", Kind::Motion)]);
        let people: Vec<_> = items[0].people.iter().map(|(r, n)| format!("{r}: {n}")).collect();
        assert_eq!(people, ["proposer: 呂美玲", "seconder: 張芳麗", "seconder: 秦鉦"]);
        // Without the title, the cases are read as before (numbered by nothing: 案由).
        let labels: Vec<_> = items_in_file(body, body, &reg).into_iter().map(|a| a.label).collect();
        assert_eq!(labels, ["案由", "案由"]);
        // The body's own opening line names it so as well (a record written by hand, its title
        // kept in the body), with no front matter at all.
        let titled = format!("# 基隆市議會第十八屆第一次定期會暨第3次臨時會動議案\n\n{body}");
        let got: Vec<_> = items_in_file(&titled, &titled, &reg)
            .into_iter()
            .map(|a| (a.label, a.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("臨時動議一".to_string(), Kind::Motion),
                ("臨時動議二".to_string(), Kind::Motion)
            ]
        );
        let opening = format!("基隆市議會第十八屆第一次定期會暨第3次臨時會動議案\n\n{body}");
        assert_eq!(items_in_file(&opening, &opening, &reg)[0].label, "臨時動議一");
        // A sentence that ends so is no title.
        let sentence = format!("本次會議審查各議員所提動議案。\n\n{body}");
        assert_eq!(items_in_file(&sentence, &sentence, &reg)[0].label, "案由");
        assert_eq!(titled_part("---\ntitle: \"某校校務會議紀錄\"\n---\n"), None);
        assert_eq!(titled_part("no front matter"), None);
    }

    #[test]
    fn questions_written_by_hand_with_their_parts_on_the_lines_of_one_paragraph() {
        // 椰城社區管理委員會 (tests/corpus/coconutcity-114-03-11): `### 議題N.` headings, and the
        // bold labels on consecutive lines, which Markdown joins into one paragraph.
        let reg = Registry::new(Vec::new());
        let body = "## 貳、議題討論\n\n### 議題1. 討論1月份財報誤計\n**說明**: 1月管理費收入原誤計為84筆。<br>\n**決議**: 請總幹事更正財報後，由委員重新簽名公告。<br>\n\n### 議題3. 討論社區物業保全議約議價情形\n**說明**: 由雙方審議中。<br>\n\n### 議題4. 討論社區清潔工作廠商洽談情形\n**說明**: 三家業者報價。\n**決議**: 表決8票同意，悠樂優先議約。<br>\n\n## 參、臨時動議\n\n### 動議1. C8-2 公管漏水案\n**說明**: 展鑫勘場報價為$53,000<br>\n**決議**: 洽談三家廠商報價後開會決議。<br>\n\n## 肆、散會\n";
        let items = items_of(body, &reg);
        let got: Vec<_> = items
            .iter()
            .map(|a| (a.label.as_str(), a.kind, a.decision_label, a.decision.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "議題1",
                    Kind::Discussion,
                    "決議",
                    "請總幹事更正財報後，由委員重新簽名公告。"
                ),
                ("議題3", Kind::Discussion, "", ""),
                ("議題4", Kind::Discussion, "決議", "表決8票同意，悠樂優先議約。"),
                ("動議1", Kind::Motion, "決議", "洽談三家廠商報價後開會決議。"),
            ]
        );
        assert_eq!(items[2].votes.as_ref().and_then(|v| v.yes), Some(8));
        // The same questions written as paragraphs, each title a paragraph of its own.
        let paragraphs = body.replace("### ", "").replace("\n**說明**", "\n\n**說明**");
        let labels: Vec<_> = items_of(&paragraphs, &reg)
            .into_iter()
            .map(|a| (a.label, a.decision))
            .collect();
        assert_eq!(labels.len(), 4, "{labels:?}");
        assert_eq!(
            labels[0],
            (
                "議題1".to_string(),
                "請總幹事更正財報後，由委員重新簽名公告。".to_string()
            )
        );
        // Only a label right after a sentence's end or a written line break starts a part: a
        // sentence that names a decision inside a part does not.
        let split: Vec<_> = glued_decision("說明：依上次會議決議：辦理。決議：照案通過。").collect();
        assert_eq!(split, ["說明：依上次會議決議：辦理。", "決議：照案通過。"]);
        let one: Vec<_> = glued_decision("說明：本案說明如下：一、依規定辦理。").collect();
        assert_eq!(one, ["說明：本案說明如下：一、依規定辦理。"]);
        let three: Vec<_> = glued_decision("說明：甲。<br/> 辦法：乙。<BR> 決議：通過。<br />").collect();
        assert_eq!(three, ["說明：甲。", "辦法：乙。", "決議：通過。"]);
        assert_eq!(agenda_label("議題10. 討論社區住戶出車左轉").as_deref(), Some("議題10"));
        assert_eq!(agenda_label("動議2、A1棟防水工程驗收").as_deref(), Some("動議2"));
        assert_eq!(items::section_kind("貳、議題討論"), Some(Kind::Discussion));
    }

    #[test]
    fn a_gazette_sites_bullets_and_item_markers() {
        // lysayit's layout of the Legislative Yuan's records (tests/corpus/ly-plenary-9-3-2):
        // `•` bullets before the parts, and `• 項目` before each item.
        let reg = Registry::new(Vec::new());
        let body = "• 報告事項\n\n• 項目\n\n一、宣讀本院第9屆第3會期第1次會議議事錄。\n\n主席：議事錄確定。\n\n• 項目\n\n二、本院委員李俊俋等21人擬具「考試院組織法修正草案」,請審議案。\n\n程序委員會意見:擬請院會將本案交司法及法制委員會審查。\n\n主席：無異議,照程序委員會意見辦理。\n\n• 項目\n\n三、本院委員蔣萬安等18人擬具「勞動基準法修正草案」,請審議案。\n\n程序委員會意見:擬請院會將本案交社會福利及衛生環境委員會審查。\n";
        let items = items_of(body, &reg);
        let got: Vec<_> = items.iter().map(|a| (a.label.as_str(), a.kind)).collect();
        assert_eq!(got, [("報告事項二", Kind::Report), ("報告事項三", Kind::Report)]);
        // The chair's ruling after the opinion is speech, not the opinion's text.
        assert_eq!(items[0].decision, "擬請院會將本案交司法及法制委員會審查。");
        assert_eq!(unlist("• 報告事項"), "報告事項");
        assert!(ends_decision("項目") && !ends_decision("項目一經費不足，請補正。"));
    }

    #[test]
    fn a_case_page_with_each_field_and_value_as_list_items() {
        // A civic site's page of one motion of 臺南市議會 (tests/corpus/tncc-3-7-59).
        let reg = Registry::new(Vec::new());
        let body = "議員提案-一般提案\n\n- 案號\n- 59\n- 提案性質\n- 議員提案-一般提案\n- 提案單位/人\n- 趙昆原\n- 連署人\n- 許又仁、Ingay Tali穎艾達利、方一峰\n- 案由\n- 東山區科里里枋子林建請興建活動中心乙案。\n- 說明\n- 建請增建活動中心以利居民辦理活動。\n- 審查意見\n- 函送市府研辦。\n- 大會決議日期\n- 2022/07/04\n- 大會決議\n- 照審查意見通過。\n- 大會決議附件\n- 發文日期\n- 2022/07/08\n";
        let items = items_of(body, &reg);
        assert_eq!(items.len(), 1, "{items:?}");
        let a = &items[0];
        assert_eq!(
            (a.label.as_str(), a.title.as_str()),
            ("第59案", "東山區科里里枋子林建請興建活動中心乙案。")
        );
        assert_eq!(
            (a.decision_label, a.decision.as_str()),
            ("大會決議", "照審查意見通過。")
        );
        let people: Vec<_> = a.people.iter().map(|(r, n)| format!("{r}: {n}")).collect();
        assert_eq!(
            people,
            [
                "proposer: 趙昆原",
                "seconder: 許又仁",
                "seconder: Ingay Tali穎艾達利",
                "seconder: 方一峰"
            ]
        );
        // Without a number field above it, the case is an unnumbered 案由.
        let bare = body.replace("- 案號\n- 59\n", "");
        assert_eq!(items_of(&bare, &reg)[0].label, "案由");
        // A field's name with no value after it is no case.
        assert!(items_of("- 案由\n- 說明\n- 無\n", &reg).is_empty());
        assert!(paperwork_field("大會決議附件") && paperwork_field("發文日期") && !paperwork_field("照案通過"));
    }
}
