//! Writing the Markdown body, keeping the official numbering as structure:
//! 壹、 sections as `## `; 案由 items, 臨時動議 and 討論事項's 提案 as `### `; the appendix as `## 附錄` with its
//! unit reports (`一、數位策略司`) as `### ` and （一） subsections as `#### `; 1、 / (1) / A. as
//! nested lists; tab-separated rows as tables; everything else as paragraphs.

use super::header::chinese_numeral;
use super::text::{label, ordinal, unit_prefix, Block, Ordinal};
use super::ImportRegistry;

/// The rendered body, and the units found as the prefix of a 臨時動議 (block index, unit).
pub(crate) struct Body {
    pub markdown: String,
    pub motions: Vec<(usize, String)>,
}

/// Escape what Markdown would read as syntax at the start of a paragraph.
fn escape_start(s: &str) -> String {
    let needs = s.starts_with(['#', '>', '|', '`', '~', '<', '=', '+', '*', '-', '_'])
        || s.split_once(['.', ')']).is_some_and(|(n, rest)| {
            !n.is_empty()
                && n.len() <= 9
                && n.chars().all(|c| c.is_ascii_digit())
                && (rest.is_empty() || rest.starts_with(' '))
        });
    if needs && !s.starts_with("**") {
        format!("\\{s}")
    } else {
        s.to_string()
    }
}

fn cell(s: &str) -> String {
    let s = s.trim().replace('|', "\\|");
    if s.is_empty() {
        "  ".into()
    } else {
        format!(" {s} ")
    }
}

fn table(rows: &[&str], indent: &str) -> String {
    let rows: Vec<Vec<&str>> = rows.iter().map(|r| r.split('\t').collect()).collect();
    let cols = rows.iter().map(|r| r.len()).max().unwrap_or(1);
    let line = |r: &[&str]| {
        let mut s = format!("{indent}|");
        for i in 0..cols {
            s.push_str(&cell(r.get(i).copied().unwrap_or("")));
            s.push('|');
        }
        s
    };
    let mut out = vec![line(&rows[0])];
    out.push(format!("{indent}|{}", " --- |".repeat(cols)));
    out.extend(rows[1..].iter().map(|r| line(r)));
    out.join("\n")
}

/// `提案一` (or `提案1`, `提案１`) alone on its line, a colon allowed after it: the number of a
/// discussion item whose 案由 line follows.
fn proposal_number(s: &str) -> Option<&str> {
    let t = s.trim().trim_end_matches(['：', ':']).trim_end();
    let n = t.strip_prefix("提案")?.trim_start();
    let numeral =
        |c: char| super::text::CHINESE_NUMERALS.contains(c) || c.is_ascii_digit() || ('０'..='９').contains(&c);
    (!n.is_empty() && n.chars().all(numeral)).then_some(t)
}

/// `提案二：平臺改版案` — a proposal's number with its subject on the same line.
fn proposal_with_subject(s: &str) -> bool {
    s.split_once(['：', ':'])
        .is_some_and(|(head, rest)| proposal_number(head).is_some() && !rest.trim().is_empty())
}

/// A 案由 line without a number of its own (`案由：…`).
fn bare_case(s: &str) -> bool {
    s.strip_prefix("案由")
        .is_some_and(|r| r.trim_start().starts_with(['：', ':']))
}

fn is_appendix(s: &str) -> bool {
    let t = s.trim_end_matches(['：', ':']);
    matches!(label(s), Some("附錄" | "附件")) && t.chars().count() <= 6
}

/// Render the blocks, leaving out those in `skip` (sorted indices: the header lines the
/// front-matter took whole).
pub(crate) fn render(blocks: &[Block], skip: &[usize], registry: &ImportRegistry) -> Body {
    let mut out: Vec<String> = Vec::new();
    let mut motions = Vec::new();
    let mut in_appendix = false;
    let mut in_motions = false;
    let mut motion_count = 0u32;
    let mut stack: Vec<Ordinal> = Vec::new();
    // The number and mark of the last part numbered in figures (`2、討論事項：`): the next part so
    // numbered follows it.
    let mut last_part: Option<(u32, char)> = None;
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        let t = b.text.as_str();
        if b.table {
            let start = i;
            while i < blocks.len() && blocks[i].table {
                i += 1;
            }
            let rows: Vec<&str> = blocks[start..i].iter().map(|b| b.text.as_str()).collect();
            out.push(table(&rows, &" ".repeat(2 * stack.len())));
            continue;
        }
        i += 1;
        if b.header {
            if skip.binary_search(&(i - 1)).is_err() {
                out.push(escape_start(t));
            }
            continue;
        }
        // 討論事項 written `提案一` / (提案單位：…) / `案由：…`: one agenda heading, `提案一　案由：…`,
        // with the unit lines kept after it.
        if !in_appendix && proposal_number(t).is_some() {
            let mut j = i;
            while j < blocks.len()
                && j - i < 3
                && !blocks[j].table
                && matches!(label(&blocks[j].text), Some("提案單位" | "報告單位" | "主辦單位"))
            {
                j += 1;
            }
            if j < blocks.len() && !blocks[j].table && bare_case(&blocks[j].text) {
                stack.clear();
                out.push(format!("### {}　{}", proposal_number(t).unwrap_or(t), blocks[j].text));
                out.extend(blocks[i..j].iter().map(|u| escape_start(&u.text)));
                i = j + 1;
                continue;
            }
        }
        let ord = ordinal(t);
        let lab = label(t);
        let text = match (ord, lab) {
            _ if !in_appendix && stem_section(t) => {
                stack.clear();
                in_motions = t
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .contains("臨時動議");
                format!("## {t}")
            }
            (Some((Ordinal::Section, _)), _) => {
                stack.clear();
                in_motions = t.contains("臨時動議");
                format!("## {t}")
            }
            (Some((Ordinal::Arabic, len)), _)
                if !in_appendix
                    && agenda_part(&t[len..])
                    && (figure_mark(t, len).is_some_and(|(n, m)| last_part == Some((n.wrapping_sub(1), m)))
                        || !continues_list(&blocks[..i - 1], t, len)) =>
            {
                stack.clear();
                in_motions = t.contains("臨時動議");
                last_part = figure_mark(t, len);
                format!("## {t}")
            }
            _ if is_appendix(t) => {
                stack.clear();
                in_appendix = true;
                in_motions = false;
                format!("## {t}")
            }
            (_, Some("案由")) if !in_appendix => {
                stack.clear();
                format!("### {t}")
            }
            _ if !in_appendix && proposal_with_subject(t) => {
                stack.clear();
                format!("### {t}")
            }
            (_, Some("臨時動議")) if !in_appendix && t.contains(['：', ':']) => {
                stack.clear();
                motion_count += 1;
                format!("### {t}")
            }
            (None, None) if in_motions && !in_appendix && unit_prefix(t, registry).is_some() => {
                let (unit, rest) = unit_prefix(t, registry).unwrap_or_default();
                stack.clear();
                motion_count += 1;
                motions.push((i - 1, unit.to_string()));
                format!(
                    "### 臨時動議{}：{rest}（提案單位：{unit}）",
                    chinese_numeral(motion_count)
                )
            }
            (Some((Ordinal::Chinese, _)), _)
                if in_appendix && t.chars().count() <= 30 && !super::text::ends_sentence(t) =>
            {
                stack.clear();
                format!("### {t}")
            }
            (Some((Ordinal::ParenChinese, len)), _) if in_appendix => {
                stack.clear();
                let numeral = t[..len].trim_start_matches(['(', '（']).trim_end_matches([')', '）']);
                format!("#### （{numeral}）{}", t[len..].trim_start())
            }
            (Some((kind @ (Ordinal::Arabic | Ordinal::ParenArabic | Ordinal::Letter), _)), _) => {
                match stack.iter().position(|k| *k == kind) {
                    Some(p) => stack.truncate(p + 1),
                    None => stack.push(kind),
                }
                format!("{}- {t}", "  ".repeat(stack.len() - 1))
            }
            (Some(_), _) | (_, Some(_)) => {
                stack.clear();
                escape_start(t)
            }
            (None, None) => format!("{}{}", " ".repeat(2 * stack.len()), escape_start(t)),
        };
        out.push(text);
    }
    let mut markdown = out.join("\n\n");
    markdown.push('\n');
    Body { markdown, motions }
}

/// The number and the mark of a number in figures (`4.` → (4, '.'), `2、` → (2, '、')); `len` is
/// the ordinal's length in `t`.
fn figure_mark(t: &str, len: usize) -> Option<(u32, char)> {
    let marker = t.get(..len)?.trim_end();
    let mark = marker.chars().last()?;
    let mut n = 0u32;
    let mut any = false;
    for c in marker.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => continue,
        };
        n = n.saturating_mul(10).saturating_add(d);
        any = true;
    }
    any.then_some((n, mark))
}

/// Whether a line numbered in figures (`4. 提案討論：`) goes on with a list numbered alike just
/// above it (`3. 會務報告`, with the same mark and the number before): a point of that list — a
/// decision that sets an assembly's agenda lists its parts so (中華民國天文學會's council, 2009:
/// `決議：本年年度會員大會之議程為` / `1. 頒發…` … `4. 提案討論：` / `5. 臨時動議`) — not a part of
/// this meeting. Blocks numbered otherwise (`(1) 修改章程…`) or not at all may stand between; a
/// part of the agenda numbered otherwise (`十二、臨時動議：`) ends the look back.
fn continues_list(before: &[Block], t: &str, len: usize) -> bool {
    let Some((n, mark)) = figure_mark(t, len) else {
        return false;
    };
    for b in before.iter().rev().filter(|b| !b.table) {
        match ordinal(&b.text) {
            Some((Ordinal::Arabic, l)) => return figure_mark(&b.text, l) == Some((n.wrapping_sub(1), mark)),
            Some((Ordinal::Section | Ordinal::Chinese, _)) => return false,
            _ if stem_section(&b.text) => return false,
            _ => {}
        }
    }
    false
}

/// A part of the agenda by its name alone (`報告事項：`, `討論事項`, `臨時動議：`), as a page numbers
/// its parts `1、報告事項：`, `2、討論事項：`, `3、臨時動議：` (中華民國天文學會's minutes): a part, not
/// the first entry of a list.
fn agenda_part(rest: &str) -> bool {
    let name: String = rest
        .trim()
        .trim_end_matches(['：', ':'])
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}')
        .collect();
    matches!(
        name.as_str(),
        "報告事項" | "討論事項" | "臨時動議" | "討論提案" | "提案討論" | "選舉事項" | "臨時提案" | "報告及討論事項"
    )
}

/// A part of the agenda numbered with the heavenly stems, as councils number theirs (`甲、報告事項`,
/// `乙、三讀議案第二讀會`): a short title that ends no sentence. (`甲、乙兩案併案討論` is none: a
/// second stem follows.)
fn stem_section(t: &str) -> bool {
    const STEMS: &str = "甲乙丙丁戊己庚辛壬癸";
    let Some(next) = super::text::strip_stem_number(t).and_then(|rest| rest.chars().next()) else {
        return false;
    };
    !STEMS.contains(next) && t.chars().count() <= 30 && !super::text::ends_sentence(t) && !t.contains(['：', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_starts() {
        assert_eq!(escape_start("# x"), "\\# x");
        assert_eq!(escape_start("2024. 年"), "\\2024. 年");
        assert_eq!(escape_start("10月主管會議"), "10月主管會議");
        assert_eq!(escape_start("**後續辦理**"), "**後續辦理**");
    }

    #[test]
    fn parts_numbered_with_stems() {
        // 新北市議會's and 高雄市議會's parts (tests/corpus/ntp-2-t12-2, kcc-2-t1-2).
        assert!(stem_section("乙、三讀議案第二讀會"));
        assert!(stem_section("甲、報告事項"));
        assert!(!stem_section("丁、散會：下午 1 時 8 分。"));
        assert!(!stem_section("甲、乙兩案併案討論"));
    }

    #[test]
    fn a_point_numbered_in_sequence_below_a_decision_is_no_part() {
        let block = |t: &str| Block {
            line: 1,
            text: t.to_string(),
            table: false,
            header: false,
        };
        // 中華民國天文學會's council (2009) sets the general assembly's agenda in its decision.
        let blocks: Vec<Block> = [
            "十一、討論事項：",
            "決議：本年年度會員大會之議程為",
            "1. 頒發台北天文館學報編輯獎。",
            "2. 主席報告",
            "3. 會務報告",
            "4. 提案討論：",
            "(1) 修改章程第三章第九條 (理事會提案)",
            "5. 臨時動議",
            "6. 散會",
            "十二、臨時動議：",
        ]
        .into_iter()
        .map(block)
        .collect();
        let md = render(&blocks, &[], &ImportRegistry::default()).markdown;
        assert!(!md.contains("## 4. 提案討論"), "{md}");
        assert!(!md.contains("## 5. 臨時動議"), "{md}");
        assert!(md.lines().any(|l| l == "十二、臨時動議："), "{md}");
        // Parts numbered `1、` `2、` with points `1.` `2.` under them stay parts, and so does a part
        // whose number follows the part before it though a point numbered alike stands between.
        for parts in [
            [
                "1、報告事項：",
                "1. 帳戶已移交。",
                "2. 六月研討會。",
                "2、討論事項：",
                "1. 取消郵局帳戶。",
                "3、臨時動議：",
            ],
            [
                "1. 報告事項：",
                "1. 帳戶已移交。",
                "2. 討論事項：",
                "1. 取消郵局帳戶。",
                "2. 不續約網址。",
                "3. 臨時動議：",
            ],
        ] {
            let blocks: Vec<Block> = parts.into_iter().map(block).collect();
            let md = render(&blocks, &[], &ImportRegistry::default()).markdown;
            let headings = md.lines().filter(|l| l.starts_with("## ")).count();
            assert_eq!(headings, 3, "{md}");
        }
    }

    #[test]
    fn parts_numbered_with_arabic_numbers() {
        // 中華民國天文學會's minutes (tests/fixtures/import/real-pdf/asroc-28-5), with the zero-width
        // space its editor left after the number.
        assert!(agenda_part("\u{200b} 報告事項："));
        assert!(agenda_part("討論事項"));
        assert!(agenda_part("臨時動議:"));
        assert!(!agenda_part("2025年六月中研院會舉辦一個ALMA的會議"));
        assert!(!agenda_part("討論事項之一：場地"));
    }

    #[test]
    fn tables_pad_and_escape() {
        assert_eq!(
            table(&["a\tb|c", "\tx\ty"], ""),
            "| a | b\\|c |  |\n| --- | --- | --- |\n|  | x | y |"
        );
    }
}
