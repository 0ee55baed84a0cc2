//! Cleaning the source lines and mending the line breaks a PDF leaves mid-sentence.
//!
//! [`clean`] keeps one [`Line`] per source line (so warnings can name it) and blanks the page
//! furniture: page numbers alone on a line and repeated running headers. It also collapses spaced
//! labels (`決 定` → `決定`), drops stray bullet markers in front of numbering (`- 1、` → `1、`) and
//! the spaces a PDF leaves after an ordinal (`肆、 臨時動議`). [`mend`] then joins a line that does
//! not end a sentence with the next one when that does not start a numbered item, heading or label.

use std::collections::HashMap;

use super::ImportRegistry;

/// One source line, cleaned. Page furniture and blank lines have empty `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// 1-based source line.
    pub no: usize,
    /// The line as it was in the source (without its line ending).
    pub raw: String,
    pub text: String,
    /// A tab-separated table row.
    pub table: bool,
}

/// A logical line: one or more source lines joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// 1-based source line of its first line.
    pub line: usize,
    pub text: String,
    pub table: bool,
    /// Before the first section heading, agenda item or decision.
    pub header: bool,
}

/// The kinds of official numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ordinal {
    /// 壹、
    Section,
    /// 一、
    Chinese,
    /// （一） or (一)
    ParenChinese,
    /// 1、 or 1.
    Arabic,
    /// (1) or （1）
    ParenArabic,
    /// A. or A、
    Letter,
}

const SECTION_NUMERALS: &str = "壹貳貮參叁肆伍陸柒捌玖拾佰";
pub(crate) const CHINESE_NUMERALS: &str = "一二三四五六七八九十百零〇兩";

/// Labels that open a block. Longer ones first where one begins another.
pub(crate) const LABELS: &[&str] = &[
    "出席及列席人員",
    "出（列）席人員",
    "出列席人員",
    "出席人員",
    "列席人員",
    "報告單位",
    "主辦單位",
    "提案單位",
    "臨時動議",
    "開會日期",
    "會議日期",
    "開會時間",
    "會議時間",
    "開會地點",
    "會議地點",
    "決定",
    "決議",
    "說明",
    "案由",
    "附錄",
    "附件",
    "散會",
    "辦法",
    "日期",
    "時間",
    "地點",
    "主席",
    "主持人",
    "紀錄",
    "記錄",
    "出席",
    "列席",
];

/// The marks that end a number of official numbering (`一、`, `壹、`, `1、`, `甲、`): 、 and the two
/// forms some fonts and word processors write for it, the small ideographic comma ﹑ (U+FE51) and
/// the half-width ､ (U+FF64), as 高雄市新興國小's lunch committee numbers its header `一﹑`, `三﹑主席:…`.
/// Every place that reads numbering asks this, so that the three are read alike.
pub(crate) fn is_list_mark(c: char) -> bool {
    matches!(c, '、' | '﹑' | '､')
}

/// `s` after the list mark it starts with (see [`is_list_mark`]).
pub(crate) fn strip_list_mark(s: &str) -> Option<&str> {
    s.strip_prefix(is_list_mark)
}

/// A part numbered with a heavenly stem (`甲、報告事項`, `丁﹑散會`): the text after its mark.
pub(crate) fn strip_stem_number(s: &str) -> Option<&str> {
    s.strip_prefix(|c: char| "甲乙丙丁戊己庚辛壬癸".contains(c))
        .and_then(strip_list_mark)
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}' || c == '\u{a0}'
}

/// Full-width digits and the full-width forms of `/ - . :` as ASCII (for reading values only;
/// the body keeps the source's characters).
pub(crate) fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '／' => '/',
            '－' | '–' | '—' => '-',
            '．' => '.',
            '：' => ':',
            c => c,
        })
        .collect()
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The official numbering a line starts with, and the byte length of the marker.
pub(crate) fn ordinal(s: &str) -> Option<(Ordinal, usize)> {
    let mut chars = s.char_indices().peekable();
    let (_, first) = *chars.peek()?;
    let run = |pred: &dyn Fn(char) -> bool, from: usize| -> usize {
        s[from..]
            .char_indices()
            .find(|&(_, c)| !pred(c))
            .map(|(i, _)| from + i)
            .unwrap_or(s.len())
    };
    let next = |at: usize| s[at..].chars().next();
    if SECTION_NUMERALS.contains(first) {
        let end = run(&|c| SECTION_NUMERALS.contains(c), 0);
        if let Some(mark) = next(end).filter(|&c| is_list_mark(c)) {
            return Some((Ordinal::Section, end + mark.len_utf8()));
        }
    }
    if CHINESE_NUMERALS.contains(first) {
        let end = run(&|c| CHINESE_NUMERALS.contains(c), 0);
        if let Some(mark) = next(end).filter(|&c| is_list_mark(c)) {
            return Some((Ordinal::Chinese, end + mark.len_utf8()));
        }
    }
    if first == '(' || first == '（' {
        let start = first.len_utf8();
        let end = run(&|c| CHINESE_NUMERALS.contains(c), start);
        if end > start && matches!(next(end), Some(')' | '）')) {
            return Some((Ordinal::ParenChinese, end + next(end)?.len_utf8()));
        }
        let end = run(&|c| is_digit(c), start);
        let n = s[start..end].chars().count();
        if (1..=2).contains(&n) && matches!(next(end), Some(')' | '）')) {
            return Some((Ordinal::ParenArabic, end + next(end)?.len_utf8()));
        }
    }
    if is_digit(first) {
        let end = run(&|c| is_digit(c), 0);
        if s[..end].chars().count() <= 3 {
            match next(end) {
                Some(c) if c == '．' || is_list_mark(c) => return Some((Ordinal::Arabic, end + c.len_utf8())),
                Some('.') => {
                    let after = s[end + 1..].chars().next();
                    if !after.is_some_and(|c| c.is_ascii_digit()) {
                        return Some((Ordinal::Arabic, end + 1));
                    }
                }
                _ => {}
            }
        }
    }
    if first.is_ascii_uppercase() {
        match next(1) {
            Some(c) if c == '.' || c == '．' || is_list_mark(c) => {
                let len = 1 + next(1)?.len_utf8();
                let after = s[len..].chars().next();
                if !after.is_some_and(|c| c.is_ascii_alphabetic()) {
                    return Some((Ordinal::Letter, len));
                }
            }
            _ => {}
        }
    }
    None
}

/// The label a line starts with (`決定：`, `案由一：`, `附錄`, `散會 (…)`), if any.
pub(crate) fn label(s: &str) -> Option<&'static str> {
    for &l in LABELS {
        if let Some(rest) = s.strip_prefix(l) {
            let rest = rest.trim_start_matches(|c| CHINESE_NUMERALS.contains(c) || is_digit(c));
            match rest.chars().next() {
                None | Some('：' | ':' | '(' | '（') => return Some(l),
                Some(c) if is_space(c) => return Some(l),
                _ => {}
            }
        }
    }
    None
}

/// `決 定：` → `決定：`, `案 由一` → `案由一`, `主　席：` → `主席：`. Only at the start of the line.
fn collapse_label(s: &str) -> Option<String> {
    'labels: for &l in LABELS {
        let mut rest = s;
        let mut skipped = false;
        for (k, lc) in l.chars().enumerate() {
            if k > 0 {
                let trimmed = rest.trim_start_matches(is_space);
                skipped |= trimmed.len() != rest.len();
                rest = trimmed;
            }
            match rest.strip_prefix(lc) {
                Some(r) => rest = r,
                None => continue 'labels,
            }
        }
        if !skipped {
            return None;
        }
        let after = rest.trim_start_matches(is_space);
        let candidate = format!("{l}{after}");
        if label(&candidate) == Some(l) {
            // Keep one space before a bracket (散會 (下午…)) as the source had it.
            let keep_space = after.len() != rest.len() && after.starts_with(['(', '（']);
            return Some(if keep_space { format!("{l} {after}") } else { candidate });
        }
    }
    None
}

/// Markers a PDF extraction leaves in front of numbered items.
const BULLETS: &[char] = &['-', '–', '•', '●', '▪', '◦', '・', '‧', '\u{f0b7}', '\u{f06c}'];

fn strip_bullet(s: &str) -> Option<&str> {
    let rest = s.strip_prefix(BULLETS)?.trim_start_matches(is_space);
    ordinal(rest).map(|_| rest)
}

/// A page number alone on a line: `- 3 -`, `－３－`, `第 3 頁`, `第3頁，共12頁`, `3/12`, `Page 3`, `3`,
/// and a gazette's page of a part, `丁-421` (a heavenly stem naming the part, as a council's
/// 議事錄 numbers the pages of its 甲 to 丁 parts).
pub(crate) fn is_page_number(s: &str) -> bool {
    let s: String = ascii_digits(s)
        .chars()
        .filter(|c| !c.is_whitespace() && !is_space(*c))
        .collect();
    if s.is_empty() {
        return false;
    }
    let digits = |t: &str| !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit());
    if digits(&s) {
        return true;
    }
    if let Some(mid) = s.strip_prefix('-').and_then(|t| t.strip_suffix('-')) {
        return digits(mid);
    }
    if let Some(n) = s
        .strip_prefix(|c: char| "甲乙丙丁戊己庚辛壬癸".contains(c))
        .and_then(|t| t.strip_prefix('-'))
    {
        return digits(n);
    }
    if let Some((a, b)) = s.split_once('/') {
        return digits(a) && digits(b);
    }
    let lower = s.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("page") {
        return match rest.split_once("of") {
            Some((a, b)) => digits(a) && digits(b),
            None => digits(rest),
        };
    }
    // 第3頁, 第3頁，共12頁, 第3頁/共12頁, 共12頁第3頁
    let strip_page = |t: &str| -> Option<String> {
        let t = t.strip_prefix('第')?;
        let (n, rest) = t.split_once('頁')?;
        digits(n).then(|| rest.to_string())
    };
    let strip_total = |t: &str| -> Option<String> {
        let t = t.strip_prefix('共')?;
        let (n, rest) = t.split_once('頁')?;
        digits(n).then(|| rest.to_string())
    };
    if let Some(rest) = strip_page(&s) {
        let rest = rest.trim_start_matches([',', '，', '/', '、']);
        return rest.is_empty() || strip_total(rest).is_some_and(|r| r.is_empty());
    }
    if let Some(rest) = strip_total(&s) {
        let rest = rest.trim_start_matches([',', '，', '/', '、']);
        return strip_page(rest).is_some_and(|r| r.is_empty());
    }
    false
}

/// A source line [`clean`] blanked although it had text: page furniture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Furniture {
    /// 1-based source line (of the extracted text, for a .pdf/.docx/.odt); 0 for a PDF's form
    /// button or field, which is drawn over the page and has no line in its text.
    pub line: usize,
    /// 1-based page: one more than the page breaks (form feeds) before it.
    pub page: usize,
    /// The line as written, trimmed.
    pub text: String,
}

/// The page furniture [`clean`] removed.
pub(crate) fn furniture(lines: &[Line]) -> Vec<Furniture> {
    let mut page = 1;
    let mut out = Vec::new();
    for l in lines {
        page += l.raw.matches('\u{c}').count();
        let text = l
            .raw
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{c}' || c == '\u{feff}');
        if l.text.is_empty() && !text.is_empty() {
            out.push(Furniture {
                line: l.no,
                page,
                text: text.to_string(),
            });
        }
    }
    out
}

/// Clean every source line; page furniture and blank lines come back with empty text.
/// CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) as the unified ideographs they
/// stand for: a PDF's text layer may map its font's glyphs to them (`論` U+F941 for 論 U+8AD6, `年`
/// U+F98E for 年), which look the same but match no label, name or search word. The few in that
/// block that are ideographs of their own (U+FA0E 﨎) have no other form and stay as they are.
pub(crate) fn unify_ideographs(s: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    let compat = |c: char| matches!(c as u32, 0xF900..=0xFAFF | 0x2F800..=0x2FA1F);
    if !s.chars().any(compat) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| {
                if compat(c) {
                    std::iter::once(c).nfc().next().unwrap_or(c)
                } else {
                    c
                }
            })
            .collect(),
    )
}

pub(crate) fn clean(source: &str, _registry: &ImportRegistry) -> Vec<Line> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut lines = Vec::new();
    let mut page_breaks = Vec::new();
    for (i, raw) in source.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let no = i + 1;
        if raw.contains('\u{c}') {
            page_breaks.push(lines.len());
        }
        let t = raw.replace(['\u{c}', '\u{feff}'], "");
        let t = unify_ideographs(&t);
        let t = t.trim_end();
        let lead = t.trim_start_matches(is_space);
        // A table drawn with `|` in plain text (`|案號 |案由 |議決 |`): its cells, tab-separated
        // as a table's rows are; its rule rows (`|---|---|`) are drawn again when it is written.
        let piped = pipe_row(lead);
        if piped.as_deref() == Some("") {
            continue;
        }
        // A tab between header fields (`主席：…\t紀錄：…`) is layout, not a table.
        let table = piped.is_some()
            || lead.contains('\t')
                && !lead
                    .split('\t')
                    .all(|c| c.trim().is_empty() || super::header::is_field_line(c.trim()));
        let mut text = match piped {
            Some(cells) => cells,
            None if table => lead.to_string(),
            None => t.trim().to_string(),
        };
        if !table {
            if is_page_number(&text) {
                text.clear();
            } else {
                text = clean_text(&text);
            }
        }
        lines.push(Line {
            no,
            raw: raw.to_string(),
            text,
            table,
        });
    }
    drop_running_headers(&mut lines, &page_breaks);
    lines
}

/// A row of a table drawn with `|` (`|12047 |為修正「臺北市舞廳舞場酒 |暫擱 |`): its cells, trimmed
/// and tab-separated; empty for a rule row (`|---|:---:|`). Two cells at least, the line starting
/// and ending with `|`.
fn pipe_row(line: &str) -> Option<String> {
    let inner = line.trim_end().strip_prefix('|')?.strip_suffix('|')?;
    if inner.ends_with('\\') {
        return None;
    }
    // A `\|` inside a cell (a Markdown source's) is the character, not a cell's end.
    let mut cells: Vec<String> = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                cells.last_mut()?.push('|');
            }
            '|' => cells.push(String::new()),
            _ => cells.last_mut()?.push(c),
        }
    }
    let cells: Vec<&str> = cells
        .iter()
        .map(|c| c.trim_matches(|c: char| c.is_whitespace() || is_space(c)))
        .collect();
    if cells.len() < 2 || cells.iter().all(|c| c.is_empty()) {
        return None;
    }
    if cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-' || ch == ':'))
    {
        return Some(String::new());
    }
    Some(cells.join("\t"))
}

fn clean_text(s: &str) -> String {
    let mut t = strip_bullet(s).unwrap_or(s).to_string();
    if let Some(c) = collapse_label(&t) {
        t = c;
    }
    if let Some((kind, len)) = ordinal(&t) {
        let (marker, rest) = t.split_at(len);
        let trimmed = rest.trim_start_matches(is_space);
        match kind {
            Ordinal::Section | Ordinal::Chinese | Ordinal::ParenChinese => {
                let rest = collapse_label(trimmed).unwrap_or_else(|| trimmed.to_string());
                t = format!("{marker}{rest}");
            }
            Ordinal::Arabic if marker.ends_with(is_list_mark) => t = format!("{marker}{trimmed}"),
            _ => {}
        }
    }
    // A label's colon is the full-width one.
    if let Some(l) = label(&t) {
        if let Some(rest) = t.strip_prefix(l) {
            let num: String = rest
                .chars()
                .take_while(|c| CHINESE_NUMERALS.contains(*c) || is_digit(*c))
                .collect();
            let after = rest[num.len()..].trim_start_matches(is_space);
            if let Some(value) = after.strip_prefix([':', '：']) {
                t = format!("{l}{num}：{}", value.trim_start_matches(is_space));
            }
        }
    }
    t
}

/// Repeated running headers: the same short line at two page boundaries or more (next to a page
/// number or page break); only those occurrences go, and without such evidence nothing is dropped. The first occurrence near the top is the document's
/// own heading and is kept.
fn drop_running_headers(lines: &mut [Line], page_breaks: &[usize]) {
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        let t = &l.text;
        // A line ending a sentence is content; one in brackets (`【114.02.07發布】`, as an amended
        // regulation's pages are headed) may be a running header.
        let sentence = t
            .trim_end()
            .ends_with(['。', '：', '；', '！', '？', ':', ';', '!', '?', '.']);
        // A long line is a running header or footer only where it recurs on every page (below).
        if l.table || t.is_empty() || ordinal(t).is_some() || label(t).is_some() || sentence {
            continue;
        }
        seen.entry(t.clone()).or_default().push(i);
    }
    let pages = page_breaks.len() + 1;
    let last = lines.iter().rposition(|l| !l.text.is_empty());
    let near_page = |i: usize| -> bool {
        // The first line of a page, or the last (a footer: `PDF 檔案以 "PDF 製作工廠" 試用版建立`
        // under every page a trial version printed).
        if page_breaks.contains(&i) || page_breaks.contains(&(i + 1)) || Some(i) == last && pages > 1 {
            return true;
        }
        let near = |it: &mut dyn Iterator<Item = &Line>| {
            it.filter(|l| !l.raw.trim().is_empty())
                .take(2)
                .any(|l| is_page_number(l.raw.trim()))
        };
        near(&mut lines[..i].iter().rev()) || near(&mut lines[i + 1..].iter())
    };
    let first_content = lines.iter().position(|l| !l.text.is_empty()).unwrap_or(0);
    // A letterhead of several lines atop every page (an association's name, its English name and
    // its address, five lines under which 中華民國天文學會 prints each page of its minutes) is a
    // running header line by line: a line of the block two pages or more open with alike, up to
    // that line. Only its first line is next to the page break; the others are next to it by the
    // lines the pages share above them.
    let blocks = shared_page_tops(lines, page_breaks, first_content);
    let near_page = |i: usize| near_page(i) || blocks.contains(&i);
    let mut drop = Vec::new();
    for idxs in seen.values().filter(|v| v.len() >= 2) {
        // Only the occurrences at a page boundary are furniture, and only when the line recurs at
        // boundaries (twice at least): a content line repeated in the text is never removed.
        let paged: Vec<usize> = idxs.iter().copied().filter(|&i| near_page(i)).collect();
        let long = lines[idxs[0]].text.chars().count() > 40;
        if paged.len() >= 2 && (!long || paged.len() >= pages) {
            // The first occurrence stays where nothing else in the text says what it says: a
            // section's title that its pages repeat as they go on (`第三審查會（建設類）` atop each
            // page of a council's list of motions) is its heading, while a record's name repeated
            // atop its pages is its title's.
            let alnum = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
            let said = alnum(&lines[idxs[0]].text);
            let elsewhere = lines
                .iter()
                .enumerate()
                .any(|(j, l)| !idxs.contains(&j) && alnum(&l.text).contains(&said));
            for i in paged {
                // (A block atop the first page is the document's own letterhead, kept whole.)
                let top = lines[first_content..i].iter().filter(|l| !l.text.is_empty()).count() < 3
                    || blocks.first_page.contains(&i);
                // (A heading heads a page; a footer's first occurrence ends one and goes.)
                let heading = page_breaks.contains(&i) && !elsewhere;
                if !(i == idxs[0] && (top || heading)) {
                    drop.push(i);
                }
            }
        }
    }
    drop.extend(numbered_running_headers(lines));
    for i in drop {
        lines[i].text.clear();
    }
}

/// The lines of the blocks that two pages or more open with alike: for each pair of pages, the
/// non-blank lines they start with that are the same, in the same order (up to six), when there
/// are two at least (a single line is [`drop_running_headers`]'s own case). `first_page` holds
/// those of the document's first page.
struct PageTops {
    all: Vec<usize>,
    first_page: Vec<usize>,
}

impl PageTops {
    fn contains(&self, i: &usize) -> bool {
        self.all.contains(i)
    }
}

fn shared_page_tops(lines: &[Line], page_breaks: &[usize], first_content: usize) -> PageTops {
    let mut starts = vec![first_content];
    starts.extend(page_breaks.iter().copied().filter(|&b| b > first_content));
    let tops: Vec<Vec<usize>> = starts
        .iter()
        .enumerate()
        .map(|(p, &s)| {
            let end = starts.get(p + 1).copied().unwrap_or(lines.len());
            (s..end)
                .filter(|&i| !lines[i].text.is_empty() && !lines[i].table)
                .take(6)
                .collect()
        })
        .collect();
    let mut all = Vec::new();
    let mut first_page = Vec::new();
    for a in 0..tops.len() {
        for b in a + 1..tops.len() {
            let shared = tops[a]
                .iter()
                .zip(&tops[b])
                .take_while(|(&x, &y)| lines[x].text == lines[y].text)
                .count();
            if shared >= 2 {
                all.extend(&tops[a][..shared]);
                all.extend(&tops[b][..shared]);
                if a == 0 {
                    first_page.extend(&tops[a][..shared]);
                }
            }
        }
    }
    PageTops { all, first_page }
}

/// A running header or footer that carries its page's number (`第10次臨時會　會議紀錄 13`, then
/// `… 15`, `… 17`, as a council's 議事錄 extracted from its PDF has them): the same words, a space,
/// and a number that grows from one occurrence to the next, twice at least. The growing number is
/// the page boundary's evidence; the same words with the same or a falling number are content.
fn numbered_running_headers(lines: &[Line]) -> Vec<usize> {
    let mut seen: HashMap<String, Vec<(usize, u32)>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.as_str();
        if l.table || t.chars().count() > 40 || ordinal(t).is_some() || label(t).is_some() {
            continue;
        }
        let split = |words: &str, number: &str| -> Option<(String, u32)> {
            let words = words.trim_matches(|c: char| c.is_whitespace() || is_space(c));
            let cjk = words.chars().filter(|c| !c.is_ascii() && c.is_alphabetic()).count();
            let number: String = ascii_digits(number.trim());
            let sentence = words.ends_with(['。', '：', '；', '！', '？', ':', ';', '，', ',']);
            (cjk >= 2 && !sentence && (1..=4).contains(&number.len()) && number.chars().all(|c| c.is_ascii_digit()))
                .then(|| (words.to_string(), number.parse().unwrap_or(0)))
        };
        let at_end = t
            .rfind(|c: char| c.is_whitespace() || is_space(c))
            .and_then(|j| split(&t[..j], &t[j..]));
        let at_start = t
            .find(|c: char| c.is_whitespace() || is_space(c))
            .and_then(|j| split(&t[j..], &t[..j]));
        if let Some((words, n)) = at_end.or(at_start) {
            seen.entry(words).or_default().push((i, n));
        }
    }
    let mut out = Vec::new();
    for occurrences in seen.values() {
        let growing = occurrences.windows(2).all(|w| w[1].1 > w[0].1);
        if occurrences.len() >= 2 && growing {
            out.extend(occurrences.iter().map(|&(i, _)| i));
        }
    }
    out
}

/// Whether a line ends a sentence: 。：；！？ or a closing bracket.
pub(crate) fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .chars()
        .last()
        .is_some_and(|c| "。：；！？:;!?.）)」』】〕]》〉”’".contains(c))
}

/// Display width: CJK and other wide characters count 2.
fn width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) < 0x1100 { 1 } else { 2 }).sum()
}

/// `數位策略司：…` (a registered unit as a prefix) → the unit as written and the rest.
pub(crate) fn unit_prefix<'a>(s: &'a str, registry: &ImportRegistry) -> Option<(&'a str, &'a str)> {
    let (unit, rest) = s.split_once(['：', ':'])?;
    if unit.chars().count() > 12 {
        return None;
    }
    registry
        .unit(unit)
        .map(|_| (unit.trim(), rest.trim_start_matches(is_space)))
}

/// Whether a line starts a new block: numbering, a label, a table row, or a unit's motion.
fn starts_block(s: &str, registry: &ImportRegistry) -> bool {
    ordinal(s).is_some() || label(s).is_some() || unit_prefix(s, registry).is_some() || people_label(s)
}

/// Whether a line opens with a label naming people (`附 議 人：…`, `動議人:…`, spaced or not): a
/// line of its own, as its writer typed it, never the rest of the line before.
fn people_label(s: &str) -> bool {
    let Some((head, _)) = s.split_once(['：', ':']) else {
        return false;
    };
    let key: String = head.chars().filter(|c| !c.is_whitespace() && !is_space(*c)).collect();
    // A label for a unit or a person (`提案單位/人：…`, `提案人／單位：…`) too.
    PEOPLE_LABELS.contains(&key.as_str()) || crate::minutes::items::mixed_label(&key).is_some()
}

/// In the header, any short `key：value` line starts a block, numbered (`四、出席人員：…`) or not,
/// and so does a known field without a colon (`時 間 中華民國…`).
fn header_key(s: &str) -> bool {
    if super::header::is_field_line(s) {
        return true;
    }
    let s = match ordinal(s) {
        Some((kind, len)) if kind != Ordinal::Section => &s[len..],
        _ => s,
    };
    s.split_once(['：', ':']).is_some_and(|(k, _)| {
        let k = k.trim();
        !k.is_empty() && k.chars().count() <= 9 && !k.chars().any(|c| "，,。、".contains(c))
    })
}

/// `報 告 事 項`, `甲、討論事項`, `報告事項：` alone on a line: a part of the agenda begins.
fn agenda_part(s: &str) -> bool {
    let s = strip_stem_number(s).unwrap_or(s);
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_end_matches(['：', ':']);
    // A council's readings of its bills (`乙、一讀會`, `丙、二讀會`) are parts of its agenda too.
    t.ends_with("事項") && (4..=8).contains(&t.chars().count()) || crate::minutes::is_reading(t)
}

/// A title spaced out a character at a time (`報 告 事 項`, `討　論　事　項`, `丁、臨 時 動 議`), or
/// a part of the agenda: a heading that stands on its own line, never joined to the next one nor
/// taking in the line before it.
pub(crate) fn own_line_title(s: &str) -> bool {
    if agenda_part(s) {
        return true;
    }
    let rest = strip_stem_number(s)
        .or_else(|| ordinal(s).map(|(_, len)| &s[len..]))
        .unwrap_or(s);
    let rest = rest.trim_end_matches(['：', ':']);
    let tokens: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || is_space(c))
        .filter(|t| !t.is_empty())
        .collect();
    tokens.len() >= 3
        && tokens
            .iter()
            .all(|t| t.chars().count() == 1 && t.chars().all(|c| !c.is_ascii() && c.is_alphanumeric()))
}

/// Where the header ends: the first section heading (but not a numbered header field such as
/// `壹、時間：…`), part of the agenda (`報 告 事 項`), agenda item, decision or appendix.
pub(crate) fn header_end(lines: &[Line]) -> usize {
    let field = |l: &Line| super::header::is_field_line(&l.text);
    let first_field = lines.iter().position(field);
    lines
        .iter()
        .enumerate()
        .position(|(i, l)| {
            let section = matches!(ordinal(&l.text), Some((Ordinal::Section, _))) && !field(l);
            // A part's heading above the minutes' own title and header (`貳、會議紀錄`, the part
            // of a council's 議事錄 that holds its sittings' minutes) starts no body: the header's
            // fields follow within a few lines.
            let above_header =
                first_field.is_some_and(|f| i < f && lines[i..f].iter().filter(|l| !l.text.is_empty()).count() <= 8);
            (section && !above_header)
                || agenda_part(&l.text)
                || matches!(label(&l.text), Some("案由" | "決定" | "決議" | "附錄" | "臨時動議"))
        })
        .unwrap_or(lines.len())
}

/// The sittings a file holds, as ranges of its lines: one for a file of one sitting's minutes;
/// several for a council's 議事錄 that prints the minutes of each sitting of a session one after
/// the other (`※第 1 屆第 17 次臨時會` | `第 1 次會議紀錄` | `時間：…` | `地點：…`). A sitting begins,
/// once the body of the one before has begun, at a line that may be a title (and the line above it
/// when the title is written in two, the second `第 N 次…`) followed by a date or time field that
/// gives a date and then at least one more header field. A body that only names another meeting,
/// or a report with a date and no other field (a procedure committee's 審定報告書), splits nothing.
pub(crate) fn sittings(lines: &[Line]) -> Vec<std::ops::Range<usize>> {
    use super::header::{is_dated_field, is_field_line, may_be_title};
    // The non-empty lines, by index.
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].text.is_empty()).collect();
    let text = |k: usize| lines[filled[k]].text.as_str();
    let mut starts = vec![0];
    let mut body = header_end(lines);
    for k in 0..filled.len() {
        let i = filled[k];
        if i < body || lines[i].table || !may_be_title(text(k)) || k + 2 >= filled.len() {
            continue;
        }
        // The title in two lines: `…第 17 次臨時會` | `第 1 次會議紀錄` | `時間：…`.
        let date = if may_be_title(text(k + 1)) && sitting_line(text(k + 1)) {
            k + 2
        } else {
            k + 1
        };
        if date + 1 >= filled.len() || !is_dated_field(text(date)) || !is_field_line(text(date + 1)) {
            continue;
        }
        starts.push(i);
        body = i + header_end(&lines[i..]);
    }
    let mut out = Vec::new();
    for (n, &s) in starts.iter().enumerate() {
        let e = starts.get(n + 1).copied().unwrap_or(lines.len());
        out.push(s..e);
    }
    out
}

/// Labels of a body line that names people (a motion's 動議人 and 附議人, a bill's 連署人).
const PEOPLE_LABELS: &[&str] = &["提案人", "動議人", "連署人", "附議人", "報告人", "簽署人"];

/// The value of the last label in a body block when it is a list of people written with spaces
/// (`附 議 人：張秋明 吳宏謀 …` → `張秋明 吳宏謀 …`; `動 議 人：黃適超 編號：臨動字第57號` → none).
fn spaced_people(s: &str) -> Option<&str> {
    let (head, value) = s.rsplit_once(['：', ':'])?;
    let key: String = head.chars().filter(|c| !c.is_whitespace() && !is_space(*c)).collect();
    // The label itself: the letters before the colon (`…第57號附議人` → `附議人`, `出席人員`).
    let tail: String = {
        let mut t: Vec<char> = key
            .chars()
            .rev()
            .take_while(|c| !c.is_ascii() && c.is_alphanumeric())
            .take(9)
            .collect();
        t.reverse();
        t.into_iter().collect()
    };
    let people = PEOPLE_LABELS.iter().any(|l| key.ends_with(l))
        || matches!(
            super::header::field(&tail),
            Some(
                super::header::Field::Attendees
                    | super::header::Field::Observers
                    | super::header::Field::OnLeave
                    | super::header::Field::Absent
            )
        );
    let value = value.trim();
    let spaced =
        value.split_whitespace().count() >= 2 && !value.contains(['、', '，', ',', '；', ';', '。', '！', '？']);
    (people && spaced).then_some(value)
}

fn join(a: &mut String, b: &str) {
    let last = a.chars().last();
    let first = b.chars().next();
    if last.is_some_and(|c| c.is_ascii_alphanumeric()) && first.is_some_and(|c| c.is_ascii_alphanumeric()) {
        a.push(' ');
    }
    a.push_str(b);
}

/// Join the lines a PDF broke mid-sentence into blocks.
pub(crate) fn mend(lines: &[Line], header_end: usize, registry: &ImportRegistry) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    // A header line as wide as the widest line of the text ran to the right margin: the value
    // goes on in the next line (a PDF wraps there; a text file with one paragraph a line has no
    // line that wide but its longest).
    let widest = lines
        .iter()
        .filter(|l| !l.table)
        .map(|l| width(&l.text))
        .max()
        .unwrap_or(0);
    let full = |w: usize| widest >= 40 && w * 10 >= widest * 9;
    // Text laid out to a margin has many lines that wide; a file with a paragraph a line has few.
    let margin = lines.iter().filter(|l| !l.table && full(width(&l.text))).count() >= 3;
    let mut last_width = 0;
    for (i, l) in lines.iter().enumerate() {
        if l.text.is_empty() {
            continue;
        }
        let prev_width = std::mem::replace(&mut last_width, width(&l.text));
        let prev_full = margin && full(prev_width);
        // In text laid out to a margin, a line that stops well short of it (under 60 % of the
        // widest) was ended by its writer (`宣讀提案交付審查` | `市府提案`), not wrapped.
        let prev_short = margin && prev_width * 10 < widest * 6;
        let header = i < header_end;
        if l.table {
            blocks.push(Block {
                line: l.no,
                text: l.text.clone(),
                table: true,
                header,
            });
            continue;
        }
        if let Some(prev) = blocks.last_mut() {
            // A web form's field name on a line of its own (`大會決議`, `議決`): the value after it
            // is written after a colon (`大會決議：照案通過。`) where the two lines would otherwise
            // run together (`大會決議照案通過。`), and an empty field's name (`審查意見` | `議決`) is
            // a line of its own. Only in the body, and only where the lines would be joined
            // anyway: a table's column headings in a PDF's text with no margin (`審查意見` |
            // `大會議決` | a cell's first line, as poppler reads a ruled table) stay lines of their
            // own.
            if !prev.table && prev.header == header && !(field_name(&prev.text) && field_name(&l.text)) {
                let value = !header
                    && field_name(&prev.text)
                    && form_value(&l.text, registry)
                    && should_join(&prev.text, &l.text, false, registry)
                    && (!prev_short || open_bracket(&prev.text))
                    && !(prev.line + 1 == l.no && class_title(&prev.text, &l.text));
                if value {
                    prev.text.push('：');
                    prev.text.push_str(&l.text);
                    continue;
                }
                if header {
                    if group_continues(&prev.text, &l.text) {
                        // A line the margin broke inside an entry (`…秘書長李` | `憲明暨…`) goes on
                        // without a space; one its writer ended, with one.
                        if !prev_full || prev.text.ends_with(['、', '，', ',']) {
                            prev.text.push(' ');
                        }
                        prev.text.push_str(&l.text);
                        continue;
                    }
                    if header_continues(&prev.text, prev_full, l) {
                        // An indented line was broken by its writer, not by the margin.
                        let wrapped = !l.raw.starts_with([' ', '\u{3000}', '\t']);
                        join_header(&mut prev.text, &l.text, wrapped);
                        continue;
                    }
                    if header_wraps(&prev.text, prev_full, &l.text) {
                        join(&mut prev.text, &l.text);
                        continue;
                    }
                } else if (should_join(&prev.text, &l.text, header, registry)
                    && (!prev_short || open_bracket(&prev.text))
                    && !(prev.line + 1 == l.no && class_title(&prev.text, &l.text)))
                    || (prev_full && wrapped_heading(&prev.text, &l.text, registry))
                {
                    match spaced_people(&prev.text) {
                        // A list of names wrapped over lines (`附 議 人：… 陳傑麟` | `邱嘉進 …`)
                        // keeps a space between them.
                        Some(value)
                            if !(l.raw.starts_with(|c| is_space(c) || c == '\t')) && breaks_entry(value, &l.text) =>
                        {
                            prev.text.push_str(&l.text)
                        }
                        Some(_) => {
                            prev.text.push(' ');
                            prev.text.push_str(&l.text);
                        }
                        None => join(&mut prev.text, &l.text),
                    }
                    continue;
                }
            }
        }
        blocks.push(Block {
            line: l.no,
            text: l.text.clone(),
            table: false,
            header,
        });
    }
    for b in blocks.iter_mut().filter(|b| !b.header && !b.table) {
        if let Some(with_colon) = spaced_decision(&b.text) {
            b.text = with_colon;
        }
    }
    blocks
}

/// A decision's label, a space and the decision on one line, no colon (`審查意見 照案通過。`, as a
/// council's web form prints a field beside its value): written with a colon (`審查意見：照案通過。`),
/// as a field's name on a line of its own takes its value. Only a decision's label the minutes
/// model knows, whole, before the space; the text after it is kept as it is.
fn spaced_decision(s: &str) -> Option<String> {
    let (name, value) = s.split_once(|c: char| c.is_whitespace())?;
    let value = value.trim_start();
    let known = crate::minutes::items::DECISION_LABELS.contains(&name);
    (known && !value.is_empty() && !value.starts_with(['：', ':']) && !field_name(value.split_whitespace().next()?))
        .then(|| format!("{name}：{value}"))
}

/// A line that is the name of a field alone, as a web form prints its fields' names on lines of
/// their own with the value after (`大會決議` | `照案通過。`, `提案人(動議人)` | `詹琬蓁議員`): a name the
/// importer or the minutes model knows as a label (a decision's, an item's part's, a list of
/// people's), with a note of what else it stands for in a bracket (`(動議人)`). 附件 and 附錄 alone
/// head the appendix and are none.
pub(crate) fn field_name(s: &str) -> bool {
    use crate::minutes::items::{DECISION_LABELS, PART_LABELS};
    let t = s.trim();
    let (name, note) = match t.find(['(', '（']) {
        Some(i) if t.ends_with([')', '）']) => (&t[..i], &t[i..]),
        _ => (t, ""),
    };
    note.chars().count() <= 8
        && !matches!(name, "附件" | "附錄")
        && DECISION_LABELS
            .iter()
            .chain(PART_LABELS)
            .chain(PEOPLE_LABELS)
            .any(|l| *l == name)
}

/// Whether `next` may be the value of a field whose name stands alone on the line before: text of
/// its own, no numbering, label, field, title or bullet (`決議` | `- 決議:…`, an archive's list, is
/// no value), nor the colon a PDF put on a line of its own (`案 由` | `：`).
fn form_value(next: &str, registry: &ImportRegistry) -> bool {
    !next.starts_with(['：', ':'])
        && !next.starts_with(BULLETS)
        && !field_name(next)
        && !starts_block(next, registry)
        && !own_line_title(next)
        && !header_key(next)
}

/// Whether a list of people grouped by body under colon labels goes on in the next line: after
/// an empty `列席：`, a group (`市政府：市長鄭文燦、…`, `本 會：秘書長孫惠生、…`, see
/// [`super::header::group_head`]); after a group, another, or more of its entries on a line of their
/// own (`法制室主任廖錦秀`, `法規研究室 傅編審然煇`) or the rest of one the margin broke (`…秘書長李` |
/// `憲明暨各局處首長`). A line with a colon of its own, a sentence or a field is none of those.
fn group_continues(prev: &str, next: &str) -> bool {
    let Some(value) = super::header::list_value(prev) else {
        return false;
    };
    // A group named alone on its line, its people after it `post：name` (臺北市議會's `列席：` |
    // `  市政府：` | `    秘書長：蘇麗瓊` | `    副秘書長：李文英` …, two a line in places): after an
    // empty label or another such group, the group and each line of its people go on the list.
    let post_layout = value.is_empty() || super::header::post_groups_so_far(value).is_some();
    if let Some((_, rest)) = super::header::group_head(next) {
        if rest.trim().is_empty() {
            return post_layout;
        }
    }
    if !value.is_empty() && post_layout && super::header::post_entries(next).is_some() {
        return true;
    }
    // A group with its entries goes on any list, also one whose first entries name no group
    // (臺南市議會's second sitting: `出 席：本會議員(詳議員出缺席表)` | `本 會：郭秘書長伊彬`, its 列席
    // label left out).
    if let Some((_, rest)) = super::header::group_head(next) {
        return !rest.trim().is_empty();
    }
    if !value.is_empty() && super::header::group_head(value).is_none() && super::header::later_group(value).is_none() {
        return false;
    }
    !value.is_empty()
        && !header_key(next)
        && ordinal(next).is_none()
        && label(next).is_none()
        && !own_line_title(next)
        && !next.contains(['：', ':', '。', '；', ';', '！', '？'])
        && next.chars().count() <= 24
        && (has_post(next) || unit_and_name(next))
}

/// `法規研究室 傅編審然煇`, `議事組 汪主任啟瑞`: a unit's name, then a person of it.
pub(crate) fn unit_and_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    matches!(words.as_slice(), [unit, name]
        if unit.chars().count() >= 2
            && ["室", "組", "處", "局", "科", "課", "股", "中心"].iter().any(|u| unit.ends_with(u))
            && name.chars().count() >= 2
            && !name.is_ascii())
}

/// Whether a header line goes on into the next source line: only a `key：value` line, only into a
/// line that is not a field or a block of its own, and only where the next line is its wrapped
/// continuation — indented in the source, or after a list separator (`、`), or a list of names
/// (`出席`, `列席`, …) going on with more names. A body line after the header (`主席宣告開議`) is
/// never taken into a value.
fn header_continues(prev: &str, prev_full: bool, next: &Line) -> bool {
    let t = next.text.as_str();
    if prev.trim_end().ends_with(['。', '！', '？', '；'])
        || !header_key(prev)
        || header_key(t)
        || ordinal(t).is_some()
        || label(t).is_some()
        || own_line_title(t)
    {
        return false;
    }
    // `委員出席12人`: the count under a list, a line of its own.
    let count = t.ends_with('人') && t.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if count {
        return false;
    }
    let indented = next.raw.starts_with([' ', '\u{3000}', '\t']);
    let after_separator = prev.trim_end().ends_with(['、', '，', ',']);
    // A value that is no list of people ends where the next line names officials by their posts
    // (the Legislative Yuan's `主  席 蘇院長嘉全` | `蔡副院長其昌` | `秘書長 林志嘉` | `副秘書長 高明秋`,
    // every line indented alike): those are fields of their own, not the value's continuation.
    // A chair or recorder written without a post (`主席：本府`) may still go on.
    if !prev_full && !after_separator && post_line(t) {
        use super::header::Field;
        match super::header::last_field(prev) {
            Some((Field::Attendees | Field::Observers | Field::OnLeave | Field::Absent, _)) => {}
            Some((Field::Chair | Field::Recorder, value)) if !has_post(value) => {}
            _ => return false,
        }
    }
    let list = super::header::is_list_line(prev) && t.contains(['、', '，']) && !ends_sentence(t);
    // A list written with spaces goes on with more names (`出席議員：黃定和 張建榮 …` |
    // `林金龍 林東成 …`), or with the rest of an entry the line break split (`…建設處處長黃志` | `良 …`).
    let spaced = super::header::list_value(prev).is_some_and(|v| more_names(v, t, !indented));
    // A padded name broken at its padding (`列 席：…（如簽到簿）` | `本` | `會－秘書長…`, as a PDF's
    // text layer gives 本 會): its first character goes on with the list.
    let lone = t.chars().count() == 1 && !t.is_ascii() && super::header::is_list_line(prev);
    indented || after_separator || list || spaced || lone || prev_full
}

/// Whether a line is the second line of a title in two lines, the sitting after the body and its
/// session: numbered (`第 1 次會議紀錄`), or named without a number (`預備會議 會議紀錄`, a council's
/// preparatory sitting: a short line of a meeting's name and a record word, no ordinal).
fn sitting_line(t: &str) -> bool {
    let t = t.trim();
    let record_word = ["紀錄", "記錄", "議事錄"].iter().any(|w| t.contains(w));
    let ordinals = super::header::title_ordinals(t);
    let numbered = t.starts_with('第') && ordinals.iter().any(|o| o.unit == "次");
    let squeezed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let named = ordinals.is_empty()
        && squeezed.chars().count() <= 12
        && squeezed.chars().all(|c| !c.is_ascii() && c.is_alphanumeric())
        && squeezed
            .find("會議")
            .is_some_and(|at| at > 0 && ["紀錄", "記錄", "議事錄"].iter().any(|w| squeezed[at..].ends_with(w)));
    record_word && (numbered || named)
}

/// Whether a header line that is no `key：value` field (the title, an archive's case line) goes
/// on in the next line: where it ran to the right margin or stopped inside a bracket or quote without
/// ending a sentence (`…第十八次常務委員會會議會` | `議紀錄`, `…大甲都市計畫(第三次通盤` | `檢討)…`), and
/// the next line is no field, numbering, label or title of its own.
fn header_wraps(prev: &str, prev_full: bool, next: &str) -> bool {
    // A title in two lines, the body and its session, then the sitting (`臺南市議會第 2 屆第 10 次
    // 臨時會` | `第 1 次會議紀錄`).
    let record_word = |t: &str| ["紀錄", "記錄", "議事錄"].iter().any(|w| t.contains(w));
    let sitting = !record_word(prev)
        && !super::header::title_ordinals(prev).is_empty()
        && !prev.trim_start().starts_with('第')
        && sitting_line(next);
    (prev_full || open_bracket(prev) || sitting)
        && !ends_sentence(prev)
        && !header_key(prev)
        && !header_key(next)
        && ordinal(next).is_none()
        && label(next).is_none()
        && !own_line_title(next)
        && !own_line_title(prev)
}

/// Words naming a post (`處長`, `主任`, `秘書`, …), as a list of officials gives each with their name.
const POSTS: &[&str] = &[
    "長",
    "主任",
    "秘書",
    "委員",
    "議員",
    "代表",
    "專員",
    "技正",
    "技士",
    "主計",
    "參事",
    "顧問",
    "幹事",
    "管理員",
    "科員",
    "課員",
    "組員",
    "主秘",
    "視察",
    "督學",
    "教授",
    "教師",
    "老師",
    "經理",
    "主委",
    "辦事員",
    "研究員",
];

pub(crate) fn has_post(entry: &str) -> bool {
    POSTS.iter().any(|p| entry.contains(p))
}

/// A line of officials named by their posts, as a header lists those beside its chair
/// (`蔡副院長其昌`, `秘書長 林志嘉`, `副秘書長 高明秋`): each word a name with its post in it, or
/// a post followed by a name (a field whose label the importer does not know), in Chinese letters
/// only.
fn post_line(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let han = |w: &str| w.chars().all(|c| !c.is_ascii() && c.is_alphabetic());
    if words.is_empty() || words.len() > 8 || !words.iter().all(|w| han(w) && w.chars().count() <= 12) {
        return false;
    }
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if !has_post(w) {
            return false;
        }
        match words.get(i + 1) {
            // `秘書長 林志嘉`: a post, then a name.
            Some(name) if !has_post(name) && (2..=4).contains(&name.chars().count()) => i += 2,
            // `蔡副院長其昌`: a name with its post; a post alone of two characters names nobody.
            _ if w.chars().count() >= 3 => i += 1,
            _ => return false,
        }
    }
    true
}

/// A list of people separated by spaces whose entries mostly name a post
/// (`工務處處長陳春錦 建設處處長黃志良`): two at least, and two in three.
fn posted_list(entries: &[&str]) -> bool {
    let posted = entries.iter().filter(|e| has_post(e)).count();
    posted >= 2 && posted * 3 >= entries.len() * 2
}

/// Whether the line break between a list of names written with spaces (`value`, as far as it
/// goes) and the line after it (`next`) falls inside one entry, so the two pieces are one word.
/// In a list of officials (`縣府—地政處處長余聯興 工務處處長陳春錦 …`) a piece without a post is
/// the rest of its neighbour (`建設處處長黃志` | `良`, `社會處` | `處長黃龍冠`, `法制室主` | `任徐明德`);
/// in a list of bare names, two pieces no longer than one name together (`蔡易` | `餘`).
fn breaks_entry(value: &str, next: &str) -> bool {
    let before: Vec<&str> = value.split_whitespace().collect();
    let after: Vec<&str> = next.split_whitespace().collect();
    let (Some(&last), Some(&first)) = (before.last(), after.first()) else {
        return false;
    };
    let cjk = |s: &str| !s.is_ascii();
    let others: Vec<&str> = before[..before.len() - 1].iter().chain(&after[1..]).copied().collect();
    if cjk(last) && cjk(first) && posted_list(&others) {
        return !has_post(last) || !has_post(first);
    }
    let (l, f) = (last.chars().count(), first.chars().count());
    // A lone character followed by another starts a two-character name padded to align with
    // three-character ones (`林志強` | `陳 瑛 蘇志強`), not the rest of the name before it.
    if f == 1 && after.get(1).is_some_and(|w| w.chars().count() == 1) {
        return false;
    }
    cjk(value) && cjk(next) && l + f <= 4 && before.len() > 1
}

/// Whether `next` goes on with a list of people written with spaces (`value`): a line of names
/// (no sentence punctuation, no label), or a lone entry of the list's shape, or the rest of an
/// entry the line break split (`wrapped`: not indented).
fn more_names(value: &str, next: &str, wrapped: bool) -> bool {
    const PUNCTUATION: &[char] = &['、', '，', ',', '；', ';', '。', '：', ':', '！', '？', '!', '?'];
    let entries: Vec<&str> = value.split_whitespace().collect();
    if value.contains(PUNCTUATION) || next.contains(PUNCTUATION) || entries.is_empty() {
        return false;
    }
    let words: Vec<&str> = next.split_whitespace().collect();
    if words.iter().any(|w| w.chars().count() > 16) {
        return false;
    }
    match words.as_slice() {
        [] => false,
        [one] => {
            let n = one.chars().count();
            let lens = entries.iter().map(|e| e.chars().count());
            let (min, max) = (lens.clone().min().unwrap_or(0), lens.max().unwrap_or(0));
            // A list of officials, each with a post, goes on with another one (`出 席：議長康裕成` |
            // `副議長蔡昌達`), also after its first entry alone.
            let shape = if posted_list(&entries) || (entries.len() == 1 && has_post(entries[0])) {
                has_post(one)
            } else {
                entries.len() >= 2 && (min..=max).contains(&n)
            };
            shape || (wrapped && breaks_entry(value, next))
        }
        _ => true,
    }
}

/// Join a header value's continuation: directly after a separator or inside a list written with
/// 、, with a space in a list written with spaces (`劉書彬 陳秀寳` going on as `蔡易餘 張宏陸`)
/// unless the margin broke a name (`wrapped`).
fn join_header(a: &mut String, b: &str, wrapped: bool) {
    let value = a.split_once(['：', ':']).map(|(_, v)| v).unwrap_or(a);
    let separated = a.trim_end().ends_with(['、', '，', ',']);
    // In a list written with 、, a line that opens with a bracket (a role heading, `(理事)
    // 王祥宇、…`, as 中華民國天文學會 lists its council a role a line) starts an entry: the line break
    // before it is the list's separator.
    if !separated && value.contains('、') && b.trim_start().starts_with(['(', '（']) {
        a.push('、');
        a.push_str(b);
        return;
    }
    if !separated && !value.contains(['、', '，', ',']) {
        // A line broken inside a name (`蔡易` | `餘`, as a PDF breaks Chinese anywhere) is
        // joined without a space (see [`breaks_entry`]).
        if !(wrapped && breaks_entry(value, b)) {
            a.push(' ');
        }
    }
    a.push_str(b);
}

/// A numbered or labelled line that ran to the right margin goes on in the next line when that
/// line starts no block of its own (`案由一：審議「…辦法」修正草` | `案。（課外活動指導組提案）`),
/// even after a full stop inside it (`…修正草案。（學` | `生住宿服務組提案）`).
fn wrapped_heading(prev: &str, next: &str, registry: &ImportRegistry) -> bool {
    !starts_block(next, registry)
        && !own_line_title(next)
        && !own_line_title(prev)
        && !prev.trim_end().ends_with(['。', '：', ':'])
        && (ordinal(prev).is_some() || label(prev).is_some())
}

/// A short line of its own with no punctuation (`討論法規案`, the class of the bills listed
/// under it) before a line that opens with a reference and a colon of its own (`政字第 18-001
/// 號：制定「…」`): a title over the entries, not the start of the first one.
fn class_title(prev: &str, next: &str) -> bool {
    let short = prev.chars().count() <= 8 && prev.chars().all(|c| !c.is_ascii() && c.is_alphanumeric());
    short
        && next.split_once(['：', ':']).is_some_and(|(key, value)| {
            let n = key.chars().count();
            (2..=16).contains(&n)
                && !key.contains(['，', ',', '。', '、', '；', ';', '「', '（', '('])
                && key.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
                && !value.trim().is_empty()
        })
}

/// Whether the last bracket or quote opened in `s` is still open (`…(政字第`, `…審決略以:「請於完成臺中市`).
fn open_bracket(s: &str) -> bool {
    let (mut depth, mut quotes) = (0i32, 0i32);
    for c in s.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = (depth - 1).max(0),
            '「' | '『' => quotes += 1,
            '」' | '』' => quotes = (quotes - 1).max(0),
            _ => {}
        }
    }
    depth > 0 || quotes > 0
}

fn should_join(prev: &str, next: &str, header: bool, registry: &ImportRegistry) -> bool {
    if ends_sentence(prev) || own_line_title(prev) || own_line_title(next) {
        return false;
    }
    // A line that stops inside a bracket goes on in the next, even where that starts like
    // numbering (`…提案 11 件(政字第` | `042、044 號;…)`): the bracket closes there.
    if !header && open_bracket(prev) && ordinal(next).is_some() && label(next).is_none() {
        return true;
    }
    if starts_block(next, registry) {
        return false;
    }
    if header {
        // Only a `key：value` line (出席人員：…) goes on over a line break in the header.
        return header_key(prev) && !header_key(next);
    }
    let body = match ordinal(prev) {
        Some((_, len)) => &prev[len..],
        None if label(prev).is_some() || unit_prefix(prev, registry).is_some() => prev,
        None => return true,
    };
    // A numbered or labelled line with no sentence punctuation is a heading, not a broken line.
    body.contains(['，', ',', '；', ';', '、']) || width(prev) >= 70
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compatibility_ideographs_read_as_the_unified_ones() {
        // A society's minutes as a PDF's text layer gives them (中華民國天文學會, 2012): `論`, `年`
        // and `參` are compatibility ideographs there.
        let raw = "貳、討\u{f941}事項：\n2012 \u{f98e} 3 月\n\u{f96b}、臨時動議：\n";
        let lines = clean(raw, &ImportRegistry::default());
        let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(text, ["貳、討論事項：", "2012 年 3 月", "參、臨時動議：", ""]);
        assert_eq!(unify_ideographs("第九條"), "第九條");
        assert!(matches!(unify_ideographs("報告事項"), std::borrow::Cow::Borrowed(_)));
        // An ideograph of its own in that block has no other form.
        assert_eq!(unify_ideographs("\u{fa0e}"), "\u{fa0e}");
        // Supplementary compatibility ideographs too (U+2F800 丽 is U+4E3D).
        assert_eq!(unify_ideographs("\u{2f800}"), "\u{4e3d}");
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("壹、宣誓").map(|o| o.0), Some(Ordinal::Section));
        assert_eq!(ordinal("十三、國家").map(|o| o.0), Some(Ordinal::Chinese));
        assert_eq!(ordinal("(一) 第十二次").map(|o| o.0), Some(Ordinal::ParenChinese));
        assert_eq!(ordinal("（四）113年").map(|o| o.0), Some(Ordinal::ParenChinese));
        assert_eq!(ordinal("(1) 第九條").map(|o| o.0), Some(Ordinal::ParenArabic));
        assert_eq!(ordinal("1、國科會").map(|o| o.0), Some(Ordinal::Arabic));
        // The small ideographic comma and the half-width one are the list mark too.
        assert_eq!(ordinal("三﹑主席:張慶鴻校長"), Some((Ordinal::Chinese, "三﹑".len())));
        assert_eq!(ordinal("壹､報告事項"), Some((Ordinal::Section, "壹､".len())));
        assert_eq!(ordinal("2﹑國科會"), Some((Ordinal::Arabic, "2﹑".len())));
        assert_eq!(ordinal("A､說明"), Some((Ordinal::Letter, "A､".len())));
        assert_eq!(strip_stem_number("丁﹑臨時動議"), Some("臨時動議"));
        assert_eq!(strip_stem_number("丁臨時動議"), None);
        assert_eq!(ordinal("A.113年"), Some((Ordinal::Letter, 2)));
        assert_eq!(ordinal("B. 為更"), Some((Ordinal::Letter, 2)));
        assert_eq!(ordinal("AI 之可信賴性"), None);
        assert_eq!(ordinal("10月主管會議"), None);
        assert_eq!(ordinal("3.5%"), None);
        assert_eq!(ordinal("(113) 年"), None);
        assert_eq!(ordinal("十月"), None);
    }

    #[test]
    fn labels_collapse() {
        assert_eq!(clean_text("決 定：確定。"), "決定：確定。");
        assert_eq!(clean_text("案 由一：本部"), "案由一：本部");
        assert_eq!(clean_text("主　席：黃部長"), "主席：黃部長");
        assert_eq!(clean_text("說 明 : 如下"), "說明：如下");
        assert_eq!(clean_text("肆、 臨時動議"), "肆、臨時動議");
        assert_eq!(clean_text("陸、 散會 (下午12時 15分)"), "陸、散會 (下午12時 15分)");
        assert_eq!(clean_text("- 1、國科會"), "1、國科會");
        assert_eq!(clean_text("- (1) 第九條"), "(1) 第九條");
        assert_eq!(clean_text("- 不是編號"), "- 不是編號");
        assert_eq!(clean_text("決定書面"), "決定書面");
    }

    /// Lines of a real PDF (tests/fixtures/import/real-pdf/ntu-sac-59, pages 11–13 of the
    /// original): each page headed `【○○○.○○.○○發布】`, 第十一條 broken at a page's end inside 完成.
    #[test]
    fn a_bracketed_running_header_goes_and_the_word_it_split_is_mended() {
        let reg = ImportRegistry::default();
        let src = "壹、附件\n\
                   第九條 學生自治組織及學生社團之更名應報請社輔會核可；其組織章程修訂後，應報請社輔會核備。\n\
                   第十條 學生自治組織及學生社團成立時之印信由課外組統一製發。\n        1\n\
                   \u{c}        【○○○.○○.○○發布】\n\
                   第十一條 學生自治組織及學生社團應於每學期上課日起一週內，依下列規定完\n        2\n\
                   \u{c}        【○○○.○○.○○發布】\n     成社團登記，並經課外組核可：\n";
        let lines = clean(src, &reg);
        let blocks = mend(&lines, header_end(&lines), &reg);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "壹、附件",
                "第九條 學生自治組織及學生社團之更名應報請社輔會核可；其組織章程修訂後，應報請社輔會核備。",
                "第十條 學生自治組織及學生社團成立時之印信由課外組統一製發。",
                // The first stays: nothing else in the text says what it says (the regulation's
                // date of issue as its pages head it); the one the page break put inside 完成 goes.
                "【○○○.○○.○○發布】",
                "第十一條 學生自治組織及學生社團應於每學期上課日起一週內，依下列規定完成社團登記，並經課外組核可：",
            ]
        );
        let gone: Vec<String> = furniture(&lines).into_iter().map(|f| f.text).collect();
        assert_eq!(gone, ["1", "2", "【○○○.○○.○○發布】"]);
    }

    #[test]
    fn spaced_titles_stand_alone() {
        for s in [
            "報 告 事 項",
            "討　論　事　項",
            "丁、臨 時 動 議",
            "壹、選 舉 事 項：",
            "甲、報告事項",
        ] {
            assert!(own_line_title(s), "{s}");
        }
        // A name padded to align, a sentence with spaces, Latin letters.
        for s in ["余 天", "本 次 會 議，", "A B C", "劉書彬 陳秀寳 蔡易餘"] {
            assert!(!own_line_title(s), "{s}");
        }
    }

    #[test]
    fn a_line_break_inside_an_entry_of_a_list() {
        let officials = "縣府—地政處處長余聯興 工務處處長陳春錦 建設處處長黃志";
        assert!(breaks_entry(officials, "良 工商旅遊處處長蕭瑞民 農業處處長楊文全"));
        assert!(breaks_entry("秘書吳銘鴻 議事組主任陳進煌 法制室主", "任徐明德"));
        assert!(!breaks_entry(
            "工務處處長陳春錦 農業處處長楊文全",
            "本會—秘書長陳茂琳 秘書吳銘鴻"
        ));
        assert!(!breaks_entry("黃定和 張建榮 楊順木", "林金龍 林東成"));
        assert!(breaks_entry("劉書彬 蔡易", "餘 張宏陸"));
        assert!(more_names("黃定和 張建榮", "林金龍 林東成 吳宏謀", true));
        assert!(!more_names("黃定和 張建榮", "主席宣告開議", true));
        assert!(!more_names("黃定和 張建榮", "主席報告，略。", true));
    }

    #[test]
    fn lines_of_officials_named_by_their_posts() {
        // The Legislative Yuan's header under its chair (tests/corpus/ly-plenary-9-3-2).
        assert!(post_line("蔡副院長其昌"));
        assert!(post_line("秘書長 林志嘉"));
        assert!(post_line("副秘書長 高明秋"));
        assert!(post_line("工務處處長陳春錦 建設處處長黃志良"));
        assert!(!post_line("院長"));
        assert!(!post_line("春錦"));
        assert!(!post_line("主席宣告開議"));
        assert!(!post_line("秘書長:出席委員54人,已足法定人數。"));
        assert!(!post_line("林志強 陳 瑛 蘇志強"));
    }

    #[test]
    fn tab_aligned_header_fields_are_no_table() {
        let reg = ImportRegistry::default();
        let lines = clean("主席：黃部長彥男\t紀錄：林怡芬\n單位\t主題\n", &reg);
        assert!(!lines[0].table, "{:?}", lines[0]);
        assert!(lines[1].table);
    }

    #[test]
    fn running_headers_with_their_page_numbers() {
        // 臺南市議會's 議事錄 (tests/corpus/tncc-2-t10): its page lines between the sitting's lines.
        let text = "第10次臨時會　會議紀錄 13\n一、主席宣告開會。\n二、報告事項\n第10次臨時會　會議紀錄 15\n三、討論事項\n第10次臨時會　會議紀錄 17\n";
        let lines = clean(text, &ImportRegistry::default());
        let kept: Vec<&str> = lines
            .iter()
            .map(|l| l.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(kept, ["一、主席宣告開會。", "二、報告事項", "三、討論事項"]);
        assert_eq!(furniture(&lines).len(), 3);
        // The same words with a number that does not grow are content, kept.
        let text = "出席人數 30\n一、主席宣告開會。\n出席人數 30\n";
        let lines = clean(text, &ImportRegistry::default());
        assert!(furniture(&lines).is_empty());
    }

    /// 中華民國天文學會 prints each page of its minutes under a letterhead of five lines
    /// (tests/fixtures/import/real-pdf/asroc-*): those atop the second page go, the first page's
    /// stay as the document's own; a block that only starts alike is furniture only as far as it
    /// is alike.
    #[test]
    fn a_letterhead_of_several_lines_atop_every_page_is_furniture() {
        let head = "中華民國天文學會\nAstronomical Society of the Republic of China\n台北市10617羅斯福路四段1號\n";
        let text = format!("{head}第 28 屆第 5 次理監事會議 會議紀錄\n一、時間：2024年12月13日\n2、討論事項：\n\u{c}{head}b. Invited speakers\n散會：10:50\n");
        let lines = clean(&text, &ImportRegistry::default());
        let kept: Vec<&str> = lines
            .iter()
            .map(|l| l.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(
            kept,
            [
                "中華民國天文學會",
                "Astronomical Society of the Republic of China",
                "台北市10617羅斯福路四段1號",
                "第 28 屆第 5 次理監事會議 會議紀錄",
                "一、時間：2024年12月13日",
                "2、討論事項：",
                "b. Invited speakers",
                "散會：10:50"
            ]
        );
        assert_eq!(furniture(&lines).len(), 3);
        // Two pages that share their first line only: that line alone is the block (none here,
        // since a single line needs a page number or a page's end beside it).
        let text = "甲會\n一、時間：2024年12月13日\n二、地點：本會\n\u{c}甲會\n三、散會\n";
        let lines = clean(text, &ImportRegistry::default());
        assert!(furniture(&lines).iter().all(|f| f.text != "二、地點：本會"));
    }

    /// 臺中市和平區民代表會's form: `審查意見 照案通過。` (a decision's name, a space, the
    /// decision). Other text that starts with such a word keeps its space.
    #[test]
    fn a_decision_beside_its_name_takes_a_colon() {
        assert_eq!(
            spaced_decision("審查意見 照案通過。").as_deref(),
            Some("審查意見：照案通過。")
        );
        assert_eq!(
            spaced_decision("大會決議　照案通過。").as_deref(),
            Some("大會決議：照案通過。")
        );
        assert_eq!(spaced_decision("審查意見：照案通過。"), None);
        assert_eq!(spaced_decision("審查意見 議決"), None);
        assert_eq!(spaced_decision("審查意見"), None);
        assert_eq!(spaced_decision("決議事項均已辦理完竣。"), None);
        assert_eq!(spaced_decision("提案人 羅清輝"), None);
    }

    #[test]
    fn page_numbers() {
        for s in [
            "- 3 -",
            "－３－",
            "第 3 頁",
            "第3頁，共12頁",
            "3/12",
            "3 / 12",
            "Page 3 of 12",
            "12",
            "丁-421",
            "丁－４２１",
            "甲 - 3",
        ] {
            assert!(is_page_number(s), "{s}");
        }
        for s in [
            "3、",
            "113年",
            "第3次",
            "2024/9/11",
            "1,059,655筆",
            "丁-",
            "丁-4a",
            "丙丁-3",
            "丁、3",
        ] {
            assert!(!is_page_number(s), "{s}");
        }
    }

    #[test]
    fn tables_drawn_with_pipes_are_tables() {
        // 臺北市議會第12屆第3次臨時大會第1次會議 (tests/corpus/tcc-12-t3-1): a plain-text table with no
        // rule row, its cells padded and wrapped.
        let reg = ImportRegistry::default();
        let lines = clean(
            "|案號      |案由                     |議決           |備註          |\n|12047     |為修正「臺北市舞廳舞場酒 |暫擱           |              |\n|          |家酒吧及特種咖啡茶室管理 |               |              |\n| --- | :---: |\n| 不是 表格\n| a\\|b | c |\n",
            &reg,
        );
        let rows: Vec<(bool, &str)> = lines.iter().map(|l| (l.table, l.text.as_str())).collect();
        assert_eq!(
            rows,
            [
                (true, "案號\t案由\t議決\t備註"),
                (true, "12047\t為修正「臺北市舞廳舞場酒\t暫擱\t"),
                (true, "\t家酒吧及特種咖啡茶室管理\t\t"),
                (false, "| 不是 表格"),
                (true, "a|b\tc"),
                (false, ""),
            ]
        );
    }
}
