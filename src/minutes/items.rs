//! Agenda items written as labelled paragraphs rather than headings (`討論一：…` / `說　明：…` /
//! `決　議：…`, `一、…，請議決案。` under 討論事項), their kinds, and the votes and people an item
//! names. Headings are read by [`super::agenda_label`]; this reads the paragraphs between them.

/// The kind of an agenda item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Report,
    Discussion,
    Motion,
    Election,
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Report => "report",
            Kind::Discussion => "discussion",
            Kind::Motion => "motion",
            Kind::Election => "election",
            Kind::Other => "other",
        }
    }
}

/// Decision labels, longest first so `大會決議` is not read as `決議` of something else. The
/// record's own label is kept.
pub const DECISION_LABELS: &[&str] = &[
    "大會決議",
    "大會議決",
    // A council's record of a bill's reading, its outcome under the reading's name
    // (`進行一讀會：本案交付法規委員會審查。`).
    "進行一讀會",
    "進行二讀會",
    "進行三讀會",
    "主席裁示",
    "主席裁定",
    // 結論 as meetings write it, with whose it is: a commission's review (`審查結論`, as the
    // environmental impact assessment act names its committee's decision), the meeting's or the
    // chair's (公文撰作解析: the conclusion a meeting reaches by consensus is its 結論).
    "審查結論",
    "會議結論",
    "主席結論",
    "審查意見",
    // The Legislative Yuan's procedure committee's opinion on where a bill goes, which the house
    // adopts (`程序委員會意見：擬請院會將本案交內政委員會審查。` / `主席：…照程序委員會意見處理，…通過。`):
    // a committee's opinion, as 審查意見 is, and the only labelled text of what was decided.
    "程序委員會意見",
    "決定",
    "決議",
    "裁示",
    "裁定",
    "結論",
    "議決",
];

/// Labels that name people on an item, with the role each stands for.
pub const PEOPLE_LABELS: &[(&str, &str)] = &[
    ("提案人", "proposer"),
    ("動議人", "mover"),
    ("連署人", "seconder"),
    ("附議人", "seconder"),
    // 附署 is 連署 as some councils write it (a township council's `附署人：呂義、柳瑞得`).
    ("附署人", "seconder"),
    ("報告人", "reporter"),
];

/// Other labels that begin a part of an item (and so end a decision).
pub const PART_LABELS: &[&str] = &[
    "說明",
    "辦法",
    "擬辦",
    "主旨",
    "案由",
    "案名",
    "附件",
    "理由",
    "提案人",
    "動議人",
    "連署人",
    "附議人",
    "附署人",
    "報告人",
    "報告單位",
    "提案單位",
    "主辦單位",
    "承辦單位",
    "協辦單位",
    "表決結果",
    "表決",
    "記名表決",
    // A council's reports of letters: the case's class and the body that sent it
    // (`編號：26` / `類別：民政` / `來文機關：高雄市政府` / `案由：…`).
    "類別",
    "來文機關",
];

/// The remarks of the one who chairs, written after an item's decision (or alone), as a city
/// government's and the Executive Yuan's meetings record them (`決定:准予備查。` / `市長提示:` /
/// `本市活動中心…`): a labelled part of its own, not the decision, so it ends one.
pub const REMARK_LABELS: &[&str] = &[
    "提示",
    "指示",
    "主席提示",
    "主席指示",
    "市長提示",
    "市長指示",
    "副市長提示",
    "縣長提示",
    "縣長指示",
    "副縣長提示",
    "院長提示",
    "院長指示",
    "副院長提示",
    "部長提示",
    "部長指示",
    "召集人提示",
];

pub(crate) const NUMERALS: &str = "〇零一二三四五六七八九十百壹貳參肆伍陸柒捌玖拾";

pub fn is_numeral(c: char) -> bool {
    NUMERALS.contains(c) || c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Text with its spaces (full-width too) removed.
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The label a block starts with, followed by a colon: (label, text after the colon). Spaces
/// inside the label (`決　議`, `說  明`) are allowed.
pub fn leading_label<'a>(block: &'a str, labels: &[&'static str]) -> Option<(&'static str, &'a str)> {
    let t = block.trim_start();
    if let Some((head, after)) = bracketed(t) {
        let head = squeeze(head);
        let label = labels.iter().copied().find(|l| head == *l)?;
        return Some((label, after));
    }
    let colon = t.find(['：', ':'])?;
    let head = squeeze(&t[..colon]);
    let label = labels.iter().copied().find(|l| head == *l)?;
    let after = &t[colon..];
    let after = after
        .strip_prefix('：')
        .or_else(|| after.strip_prefix(':'))
        .unwrap_or(after);
    Some((label, after.trim()))
}

/// A label written as a web form's field name, then a space and its value with no colon
/// (`提案人 羅清輝`, `編號 第327號`, `案由 本區自由里…`, as a council's site prints a case's page):
/// (label, value). The label is written whole, with no spaces inside it, at the block's start.
pub fn spaced_field<'a>(block: &'a str, labels: &[&'static str]) -> Option<(&'static str, &'a str)> {
    let t = unlist_marker(block.trim_start());
    labels.iter().copied().find_map(|l| {
        let rest = t.strip_prefix(l)?;
        let value = rest.trim_start_matches([' ', '　', '\t']);
        (value.len() < rest.len()
            && !value.is_empty()
            && !value.starts_with(['：', ':', '\n'])
            && !value.lines().next().unwrap_or("").trim().is_empty())
        .then_some((l, value.trim_end()))
    })
}

/// A block without the bullet an archive's dump kept as text (`\\- 說明:…`).
fn unlist_marker(t: &str) -> &str {
    for m in ["\\- ", "- ", "• "] {
        if let Some(rest) = t.strip_prefix(m) {
            return rest.trim_start();
        }
    }
    t
}

/// A label written in brackets instead of before a colon (`【決　議】照案通過。`, `【案由一】…`):
/// (the text inside, the text after, without a colon that follows). Only a short label counts.
pub fn bracketed(t: &str) -> Option<(&str, &str)> {
    let rest = t.strip_prefix('【')?;
    let close = rest.find('】')?;
    let head = &rest[..close];
    if head.chars().count() > 8 || head.trim().is_empty() {
        return None;
    }
    let after = rest[close + '】'.len_utf8()..].trim_start();
    let after = after.strip_prefix(['：', ':']).unwrap_or(after);
    Some((head, after.trim()))
}

/// The section a heading or paragraph names, by its standard name (ordinal and spaces
/// removed): 報告事項 → report, 討論事項 → discussion, …; `None` if it is not one.
pub fn section_kind(text: &str) -> Option<Kind> {
    let t = squeeze(strip_section_ordinal(text));
    let t = t.trim_end_matches(['：', ':', '。']);
    // A count in brackets after the name (`六、討論提案(共計 49 案)`, `八、臨時動議(計 2 案：…)`) is
    // not part of it.
    if name_before_count(t).chars().count() > 12 {
        return None;
    }
    // The name, then nothing, a colon and what the section says at once (`散會：下午5時`), a
    // bracket or a conjunction (`討論事項暨臨時動議`): `提案人：王大明` is not the section 提案.
    let starts = |names: &[&str]| {
        names.iter().any(|n| {
            t.strip_prefix(n)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['：', ':', '（', '(', '、', '暨', '及', '與']))
        })
    };
    if starts(&[
        "報告事項",
        "專案報告",
        "業務報告",
        "工作報告",
        // The offices' reports as a part of the agenda (`6、業務單位報告:` / `1 . 秘書室報告:`):
        // a group of reports, each an item.
        "業務單位報告",
        "各單位報告",
        "單位報告",
        "各處室報告",
        "處室報告",
        "各科室報告",
        "科室報告",
        "各組報告",
        "主席報告",
        "主席致詞",
        "主席致辭",
    ]) {
        Some(Kind::Report)
    } else if starts(&[
        "討論事項",
        "討論及決議事項",
        "提案討論",
        "議案討論",
        "審議事項",
        "討論提案",
        "議題討論",
        "提案",
    ]) || super::is_reading(t)
    {
        Some(Kind::Discussion)
    } else if starts(&["臨時動議", "臨時提案"]) {
        Some(Kind::Motion)
    } else if starts(&["選舉事項", "選舉"]) {
        Some(Kind::Election)
    } else if named_part(text).is_some()
        || starts(&[
            "其他事項",
            "散會",
            "附件",
            "附錄",
            "主席結論",
            "主席裁示",
            "宣讀",
            "確認",
        ])
    {
        Some(Kind::Other)
    } else {
        None
    }
}

/// A section's name without the count in brackets after it (`討論提案(共計49案)` → `討論提案`).
pub fn name_before_count(t: &str) -> &str {
    match t.find(['(', '（']) {
        Some(i) if i > 0 => &t[..i],
        _ => t,
    }
}

/// A part of the agenda under a name of its own that ends in 事項 (`丙、主席裁定事項`,
/// `丙、決定事項`), written with a top-level ordinal: the name, which its numbered items are
/// labelled by (`主席裁定事項一`). The standard names are read by [`section_kind`].
pub fn named_part(text: &str) -> Option<String> {
    let t = text.trim();
    let first = t.chars().next()?;
    if !"甲乙丙丁戊己庚辛壹貳參肆伍陸柒捌玖拾".contains(first) {
        return None;
    }
    let stripped = strip_section_ordinal(t);
    if stripped.len() == t.len() {
        return None;
    }
    let name = squeeze(stripped);
    let name = name.trim_end_matches(['：', ':']);
    let n = name.chars().count();
    ((4..=10).contains(&n) && name.ends_with("事項") && name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
        .then(|| name.to_string())
}

/// Whether a section title names an attachment or appendix (附件, 附錄).
pub fn is_appendix(text: &str) -> bool {
    let t = squeeze(strip_section_ordinal(text));
    t.starts_with("附件") || t.starts_with("附錄")
}

/// Strip a section's ordinal: `壹、`, `一、`, `甲、`, `（一）`, `1.`, `A.`.
pub fn strip_section_ordinal(text: &str) -> &str {
    let t = text.trim();
    if let Some(c) = t.chars().next() {
        if "甲乙丙丁戊己庚辛".contains(c) {
            let rest = &t[c.len_utf8()..];
            if let Some(r) = rest.strip_prefix(['、', '﹑', '､', '.', '．']) {
                return r.trim();
            }
        }
        if c.is_ascii_uppercase() {
            let rest = &t[1..];
            if let Some(r) = rest.strip_prefix(['.', '、', '﹑', '､', '．']) {
                return r.trim();
            }
        }
    }
    super::strip_ordinal(t)
}

/// The start of an item written as a paragraph: its label and the kind its label gives (`None`
/// when the section decides). `section` is the kind of the section the paragraph is in.
pub fn paragraph_item(block: &str, section: Option<Kind>) -> Option<(String, Option<Kind>)> {
    let t = block.trim();
    // `【案由一】…`, `【提案二】…`, `【臨時動議一】…`.
    if let Some((head, _)) = bracketed(t) {
        let head = squeeze(head);
        if let Some(found) = numbered_label(&head) {
            return Some(found);
        }
        if head == "案由" || head == "案名" {
            return Some((head, None));
        }
    }
    // `編號：26` above `類別：…` / `案由：…`: the number of the case that follows; a bill's number
    // before its proposer (`法規市提 2 提案人：…`) too.
    if let Some(label) = number_line(t).or_else(|| bill_number(t)) {
        return Some((label, None));
    }
    // `討論一：…`, `動議二：…`, `提案三：…`, `第四案：…`, `議案五：…`, `臨時動議一：…`, `案由：…`.
    if let Some(colon) = t.find(['：', ':']) {
        let head = squeeze(&t[..colon]);
        if head.chars().count() <= 8 {
            if let Some(found) = numbered_label(&head) {
                return Some(found);
            }
            if head == "案由" || head == "案名" {
                return Some((head, None));
            }
        }
        if let Some(found) = dashed_label(&t[..colon]) {
            return Some(found);
        }
    }
    // `議題1. 討論1月份財報誤計`, `提案2、…`: the number, its own mark, then the title.
    if let Some(end) = t.find(['.', '．', '、', '﹑', '､']) {
        let rest = t[end..].trim_start_matches(['.', '．', '、', '﹑', '､']).trim();
        if end > 0 && !rest.is_empty() && !rest.starts_with(is_numeral) {
            if let Some(found) = numbered_label(&squeeze(&t[..end])).filter(|(l, _)| !l.starts_with('案')) {
                return Some(found);
            }
        }
    }
    // `案由(一) 新會員入會申請`: the label's number in brackets, a space and the title.
    if let Some((label, _, _)) = super::numbered_spaced_title(t) {
        return Some((label, None));
    }
    // `第一案〈代提議001號〉 提案人：…`: the number, then a bracket or a space and more text.
    if let Some(end) = t.find(['〈', '<', '《', ' ', '　']) {
        if end > 0 && !t[end..].trim().is_empty() {
            if let Some(found) = numbered_label(&t[..end]) {
                return Some(found);
            }
        }
    }
    // `一、請推舉…，請議決案。` under 報告事項 / 討論事項 / 選舉事項 / 臨時動議.
    if let Some(name) = section_item_name(section) {
        let stripped = super::strip_ordinal(t);
        let report = section == Some(Kind::Report) && is_numbered_report(t);
        if stripped.len() < t.len() && (ends_with_request(stripped) || report) {
            if let Some(n) = ordinal_number(t) {
                return Some((format!("{name}{}", label_number(&n)), None));
            }
        }
    }
    None
}

/// The name an item takes from its section when it has only a number (`一、…` under 討論事項 is
/// 討論事項一): for the sections whose numbered paragraphs can be items.
pub fn section_item_name(section: Option<Kind>) -> Option<&'static str> {
    match section? {
        Kind::Report => Some("報告事項"),
        Kind::Discussion => Some("討論事項"),
        Kind::Election => Some("選舉事項"),
        Kind::Motion => Some("臨時動議"),
        Kind::Other => None,
    }
}

/// The number of a paragraph's official ordinal (`一、`, `（一）`, `(2)`, `3.`): `一`, `2`.
pub fn ordinal_number(block: &str) -> Option<String> {
    let t = block.trim();
    let stripped = super::strip_ordinal(t);
    if stripped.len() == t.len() || stripped.is_empty() {
        return None;
    }
    let n: String = t
        .trim_start_matches(['（', '('])
        .trim_start_matches([' ', '　'])
        .chars()
        .take_while(|c| is_numeral(*c))
        .collect();
    (!n.is_empty()).then_some(n)
}

/// An ordinal's number as an item's label writes it: `1` / `１` → `一`, `12` → `十二`; a number
/// already written in Chinese is kept (`三`).
pub fn label_number(n: &str) -> String {
    let digits = !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    match numeral_value(n).filter(|_| digits) {
        Some(v) => chinese_number(v as usize),
        None => n.to_string(),
    }
}

/// The value of an ordinal's number: `三` → 3, `十二` → 12, `二十` → 20, `7` / `７` → 7.
pub fn numeral_value(n: &str) -> Option<u32> {
    if let Ok(v) = n.parse() {
        return Some(v);
    }
    let digit = |c: char| -> Option<u32> {
        match c {
            '〇' | '零' => Some(0),
            '一' | '壹' => Some(1),
            '二' | '貳' => Some(2),
            '三' | '參' => Some(3),
            '四' | '肆' => Some(4),
            '五' | '伍' => Some(5),
            '六' | '陸' => Some(6),
            '七' | '柒' => Some(7),
            '八' | '捌' => Some(8),
            '九' | '玖' => Some(9),
            c @ '０'..='９' => Some(c as u32 - '０' as u32),
            _ => None,
        }
    };
    let chars: Vec<char> = n.chars().collect();
    match chars.iter().position(|c| *c == '十' || *c == '拾') {
        Some(i) if chars.len() <= 3 => {
            let tens = if i == 0 { 1 } else { digit(chars[0])? };
            let ones = match chars.get(i + 1) {
                Some(c) => digit(*c)?,
                None => 0,
            };
            Some(tens * 10 + ones)
        }
        Some(_) => None,
        None => chars.iter().try_fold(0, |acc, c| Some(acc * 10 + digit(*c)?)),
    }
}

/// The style of a paragraph's ordinal, so siblings can be told from sub-points: 0 for `一、`,
/// 1 for `（一）` / `(一)`, 2 for `1、` / `1.`, 3 for `(1)`; `None` without one.
pub fn ordinal_style(block: &str) -> Option<u8> {
    let t = block.trim();
    let n = ordinal_number(t)?;
    let digits = n.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let paren = t.starts_with(['（', '(']);
    Some(match (paren, digits) {
        (false, false) => 0,
        (true, false) => 1,
        (false, true) => 2,
        (true, true) => 3,
    })
}

/// An archive's case line `MOIO5851-審議事項-第五案` / `TPEO5631-0-案名`: a record id, the
/// section (optional), then the item's label; the section gives the kind.
pub fn dashed_label(head: &str) -> Option<(String, Option<Kind>)> {
    let parts: Vec<&str> = head.trim().split('-').map(str::trim).collect();
    let (last, before) = parts.split_last()?;
    let id = before.first()?;
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let last = squeeze(last);
    let (label, kind) = if last == "案名" || last == "案由" {
        (last, None)
    } else {
        numbered_label(&last)?
    };
    let section = before[1..].iter().find_map(|s| section_kind(s));
    Some((label, kind.or(section)))
}

/// The kind of an item outside any section: a proposal (案由, 案名, 第N案, 提案N) is discussed;
/// anything else is other.
pub fn default_kind(label: &str) -> Kind {
    let proposal = label.starts_with("案由")
        || label.starts_with("案名")
        || label.starts_with("提案")
        || (label.starts_with('第') && label.ends_with('案'));
    if proposal {
        Kind::Discussion
    } else {
        Kind::Other
    }
}

/// A short label the model does not read (`處理情形：…`, `辦理結果：…`): what a record may have
/// written its decision under. Known labels, the meeting's own fields and numbered points are
/// not reported.
pub fn unknown_label(block: &str) -> Option<String> {
    let t = block.trim();
    let colon = t.find(['：', ':'])?;
    let head = squeeze(&t[..colon]);
    let n = head.chars().count();
    let cjk = head.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let known = is_known_label(&head)
        || PEOPLE_LABELS.iter().any(|(l, _)| *l == head)
        || numbered_label(&head).is_some()
        || head.starts_with(|c: char| NUMERALS.contains(c));
    ((2..=6).contains(&n) && cjk && !known).then_some(head)
}

/// The columns of a table whose rows are agenda items: its header names 案由 (or 案名) and a
/// decision label, and may name the item's number (案號, 案次, 編號), its units and its people.
#[derive(Debug, Clone)]
pub struct TableColumns {
    number: Option<usize>,
    title: usize,
    decision: usize,
    pub decision_label: &'static str,
    units: Vec<usize>,
    people: Vec<(usize, &'static str)>,
    /// Columns naming units and people together (`提案單位/人`), with the people's role.
    mixed: Vec<(usize, &'static str)>,
}

/// One row of such a table.
pub struct TableRow<'a> {
    pub label: Option<String>,
    pub title: &'a str,
    pub decision: &'a str,
    pub units: Vec<&'a str>,
    pub people: Vec<(String, String)>,
    /// The names under a column naming units and people together, with the people's role: the
    /// caller tells units from people.
    pub mixed: Vec<(&'a str, &'static str)>,
}

impl TableColumns {
    pub fn from_header(cells: &[&str]) -> Option<Self> {
        let names: Vec<String> = cells.iter().map(|c| squeeze(c)).collect();
        let title = names.iter().position(|n| n == "案由" || n == "案名")?;
        // The meeting's own decision (`議決`, `決議`) over a committee's opinion (`審查意見`) when
        // the table gives both, as a decision in paragraphs is read.
        let decisions: Vec<(usize, &'static str)> = names
            .iter()
            .enumerate()
            .filter_map(|(i, n)| DECISION_LABELS.iter().find(|l| *l == n).map(|l| (i, *l)))
            .collect();
        let (decision, decision_label) = decisions
            .iter()
            .rev()
            .find(|(_, l)| *l != "審查意見")
            .or(decisions.first())
            .copied()?;
        let number = names
            .iter()
            .position(|n| ["案號", "案次", "編號", "序號"].contains(&n.as_str()));
        let units = names
            .iter()
            .enumerate()
            .filter(|(_, n)| super::UNIT_LABELS.contains(&n.as_str()))
            .map(|(i, _)| i)
            .collect();
        let people = names
            .iter()
            .enumerate()
            .filter_map(|(i, n)| PEOPLE_LABELS.iter().find(|(l, _)| l == n).map(|(_, role)| (i, *role)))
            .collect();
        let mixed = names
            .iter()
            .enumerate()
            .filter_map(|(i, n)| mixed_label(n).map(|(_, role)| (i, role)))
            .collect();
        Some(TableColumns {
            number,
            title,
            decision,
            decision_label,
            units,
            people,
            mixed,
        })
    }

    /// A row that goes on with the row above, as a table drawn in plain text wraps its cells over
    /// several lines: the table numbers its rows and this row's number is empty
    /// (`|  |家酒吧及特種咖啡茶室管理 |  |`). Its (title, decision) parts, either possibly empty.
    pub fn continuation<'a>(&self, cells: &[&'a str]) -> Option<(&'a str, &'a str)> {
        let cell = |i: usize| cells.get(i).copied().unwrap_or("").trim();
        let n = self.number?;
        (cell(n).is_empty() && !(cell(self.title).is_empty() && cell(self.decision).is_empty()))
            .then(|| (cell(self.title), cell(self.decision)))
    }

    /// The item a row gives; `None` for a row with no title (a separator or a blank row).
    pub fn row<'a>(&self, cells: &[&'a str]) -> Option<TableRow<'a>> {
        let cell = |i: usize| cells.get(i).copied().unwrap_or("").trim();
        let title = cell(self.title);
        if title.is_empty() {
            return None;
        }
        let label = self.number.map(cell).filter(|n| !n.is_empty()).map(|n| {
            let n = squeeze(n);
            match numbered_label(&n) {
                Some((l, _)) => l,
                None if n.chars().all(is_numeral) => format!("第{n}案"),
                None => n,
            }
        });
        let split = |c: &'a str| c.split(['、', '，', ',']).map(str::trim).filter(|x| !x.is_empty());
        Some(TableRow {
            label,
            title,
            decision: cell(self.decision),
            units: self.units.iter().flat_map(|&i| split(cell(i))).collect(),
            people: self
                .people
                .iter()
                .flat_map(|&(i, role)| split(cell(i)).map(move |n| (role.to_string(), n.to_string())))
                .collect(),
            mixed: self
                .mixed
                .iter()
                .flat_map(|&(i, role)| split(cell(i)).map(move |n| (n, role)))
                .collect(),
        })
    }
}

/// Join a part of a text wrapped onto the next line (a table cell's next line) to the text
/// before it: with no space between Chinese characters, with one between Latin words or numbers.
pub fn join_wrapped(text: &mut String, more: &str) {
    let more = more.trim();
    if more.is_empty() {
        return;
    }
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if latin(text.chars().last()) && latin(more.chars().next()) {
        text.push(' ');
    }
    text.push_str(more);
}

/// A line that only numbers the item after it, under a label for its number (`編號：26`,
/// `案號：12047`, `案次：3`), as a council lists the cases it reports one after the other: the
/// label `第N案` (as a table's 案號 cell numbers its row).
pub fn number_line(block: &str) -> Option<String> {
    const NUMBER_LABELS: &[&str] = &["編號", "案號", "案次"];
    // `編號 第327號`, a form's field with no colon, as well as `編號：26`.
    let (label, rest) = leading_label(block, NUMBER_LABELS).or_else(|| spaced_field(block, NUMBER_LABELS))?;
    let n = squeeze(rest);
    // A council's motions numbered apart from its bills (`案號` / `臨02`, the second 臨時動議).
    if let Some(m) = n.strip_prefix('臨').and_then(|m| m.parse::<usize>().ok()) {
        return (m > 0 && n.len() > '臨'.len_utf8()).then(|| format!("臨時動議{}", chinese_number(m)));
    }
    let n = n.trim_start_matches('第').trim_end_matches(['案', '號', '。']);
    // A case added to another is numbered after it (`編號：34-1`).
    let numbered = n
        .split(['-', '－'])
        .all(|part| !part.is_empty() && part.chars().all(is_numeral));
    (numbered && !label.is_empty()).then(|| format!("第{n}案"))
}

/// A number field written as a form prints it, its name on a line of its own and its value on
/// the next (`案號` / `臨02`): the label, as [`number_line`] gives it.
pub fn number_field(name: &str, value: &str) -> Option<String> {
    let name = squeeze(name);
    ["編號", "案號", "案次"]
        .contains(&name.as_str())
        .then(|| number_line(&format!("{name}：{}", value.trim())))
        .flatten()
}

/// A bill's number in a council's record, before one of its labelled parts on the same line
/// (`(第 5 次定期會) 法規市提 2 提案人：臺南市政府（消防局）`, `財經 1 提案單位：審計部臺南市審計處`):
/// the class and kind of bill, then its number, after an optional note of the session in
/// brackets. Returns the number as a label (`法規市提2`).
pub fn bill_number(block: &str) -> Option<String> {
    let mut t = block.trim();
    if let Some(rest) = t.strip_prefix(['(', '（']) {
        let close = rest.find([')', '）'])?;
        t = rest[close..].trim_start_matches([')', '）']).trim_start();
    }
    let end = t.find([' ', '　'])?;
    let mut rest = t[end..].trim_start();
    let mut code = squeeze(&t[..end]);
    // The number may be written apart from its class (`法規市提 2 提案人：…`).
    if let Some(sp) = rest.find([' ', '　']) {
        if rest[..sp].chars().all(|c| c.is_ascii_digit()) && !rest[..sp].is_empty() {
            code.push_str(&rest[..sp]);
            rest = rest[sp..].trim_start();
        }
    }
    (is_bill_code(&code) && leading_label(rest, PART_LABELS).is_some()).then_some(code)
}

/// Whether a squeezed text is a bill's number: its class and kind (two to six Chinese
/// characters: 法規市提, 財經, 建設議提), then one to four digits.
fn is_bill_code(code: &str) -> bool {
    let letters = code.chars().take_while(|c| !c.is_ascii_digit()).count();
    let digits = code.chars().count() - letters;
    (2..=6).contains(&letters)
        && (1..=4).contains(&digits)
        && code
            .chars()
            .take(letters)
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && code.chars().skip(letters).all(|c| c.is_ascii_digit())
}

/// A numbered point that names a bill by its number (`1、第 5 次定期會 建設議提 5 號案，`,
/// `2、建設議提 4 號案，`), as a record sets apart the bills it decides on their own: the number
/// as a label (`建設議提5`).
pub fn bill_point(block: &str) -> Option<String> {
    let t = block.trim();
    let stripped = super::strip_ordinal(t);
    if stripped.len() == t.len() || t.contains('\n') {
        return None;
    }
    let s = squeeze(stripped);
    let s = s.trim_end_matches(['，', ',']);
    let s = s.strip_suffix("號案")?;
    // A note of the session first (`第5次定期會`).
    let s = s.rsplit_once(['會']).map_or(s, |(_, r)| r);
    // `(一)討論臨時動議 1 號案，大會議決：…` is an item taken up, not a bill set apart.
    if s.starts_with("討論") || s.contains("動議") {
        return None;
    }
    is_bill_code(s).then(|| s.to_string())
}

/// A numbered point of a part that lists the reports heard, in which someone reports
/// (`(二)陳市長菊報告 104 年度市政府施政計畫…`), not one that only tells (`(一)陳市長菊介紹…`).
pub fn is_heard_report(block: &str) -> bool {
    let stripped = squeeze(super::strip_ordinal(block));
    stripped.find("報告").is_some_and(|i| {
        (2..=14).contains(&stripped[..i].chars().count()) && !stripped[..i].contains(['，', ',', '：', ':'])
    })
}

/// An item's number followed, after a space, by one of its labelled parts on the same line
/// (`第一案 提案單位:第一組`, `提案二 提案人：王大明`): the number's label. Such a line is the
/// item's lead, not `label：title`.
pub fn numbered_lead(block: &str) -> Option<String> {
    if let Some(code) = bill_number(block) {
        return Some(code);
    }
    let t = block.trim();
    let end = t.find([' ', '　'])?;
    let (label, _) = numbered_label(&t[..end])?;
    leading_label(t[end..].trim_start(), PART_LABELS).map(|_| label)
}

/// A numbered paragraph under 報告事項 that is a report given at the meeting: the text before its
/// colon names who reports (`三、林縣長聰賢率建設處處長王蘭生等報告：就…`, `四、秘書長報告：…`) or is the
/// report's title (`一、總幹事工作報告:`). `一、主席報告簽到議員已達法定人數。` (no colon) only tells.
pub fn is_numbered_report(block: &str) -> bool {
    let t = block.trim();
    let stripped = super::strip_ordinal(t);
    if stripped.len() == t.len() {
        return false;
    }
    match stripped.split_once(['：', ':']) {
        Some((head, _)) => {
            let head = squeeze(head);
            head.ends_with("報告") && head.chars().count() >= 4 && !head.contains(['，', ',', '。'])
        }
        None => false,
    }
}

/// A paragraph that begins with a section's title and runs on into its first line
/// (`乙、討 論 事 項討論議案：…`, `丁、臨 時 動 議動 議 人：…`, as converters join a title with the line
/// after it): the byte offset where the title ends. Only an ordinal and a name ending in 事項 or
/// 臨時動議 / 臨時提案 count, so `一、主席報告簽到…` and `二、提案單位：…` are not split, and a title
/// that goes on with 暨 or a bracket (`討論事項暨臨時動議`) is one title.
pub fn glued_section_title(block: &str) -> Option<usize> {
    const NAMES: &[&str] = &[
        "報告事項",
        "討論事項",
        "討論及決議事項",
        "審議事項",
        "選舉事項",
        "其他事項",
        "臨時動議",
        "臨時提案",
    ];
    let t = block.trim_end();
    let lead = t.len() - t.trim_start().len();
    let body = &t[lead..];
    let stripped = strip_section_ordinal(body);
    if stripped.len() == body.len() {
        return None;
    }
    let start = body.len() - stripped.len();
    let mut name = String::new();
    for (i, c) in stripped.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        name.push(c);
        if NAMES.contains(&name.as_str()) {
            let end = i + c.len_utf8();
            let rest = stripped[end..].trim_start();
            let joins = rest.starts_with(['：', ':', '（', '(', '、', '暨', '及', '與', '【']);
            return (!rest.is_empty() && !joins).then_some(lead + start + end);
        }
        if name.chars().count() >= 7 {
            return None;
        }
    }
    None
}

/// Whether a label's text only says there is nothing under it (`臨時動議：無`, `討論提案：無。`,
/// `（無）`): minutes write so for a part of the agenda that had no item, and it names none.
pub fn says_none(text: &str) -> bool {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !"。．.（）()【】「」".contains(*c))
        .collect();
    matches!(t.as_str(), "無" | "无" | "從缺" | "None" | "none")
}

/// `討論一`, `臨時動議二`, `第三案`, … : (label, kind).
pub fn numbered_label(head: &str) -> Option<(String, Option<Kind>)> {
    const PREFIXES: &[(&str, Option<Kind>)] = &[
        ("臨時動議", Some(Kind::Motion)),
        ("臨時提案", Some(Kind::Motion)),
        ("討論事項", Some(Kind::Discussion)),
        ("報告事項", Some(Kind::Report)),
        ("選舉事項", Some(Kind::Election)),
        ("動議", Some(Kind::Motion)),
        ("討論", Some(Kind::Discussion)),
        ("議案", Some(Kind::Discussion)),
        // A question put to the meeting, as committees and associations number them (`議題1.`).
        ("議題", None),
        ("提案", None),
        ("案由", None),
    ];
    for (p, kind) in PREFIXES {
        if let Some(rest) = head.strip_prefix(p) {
            let rest = rest.trim_start_matches('第');
            let rest = rest.trim_end_matches('案');
            // `案由(一)`, `提案（二）`: the number in brackets is the same label.
            let rest = rest
                .strip_prefix(['(', '（'])
                .and_then(|r| r.strip_suffix([')', '）']))
                .unwrap_or(rest);
            if !rest.is_empty() && rest.chars().all(is_numeral) {
                return Some((format!("{p}{rest}"), *kind));
            }
        }
    }
    if let Some(rest) = head.strip_prefix('第').and_then(|r| r.strip_suffix('案')) {
        if !rest.is_empty() && rest.chars().all(is_numeral) {
            return Some((format!("第{rest}案"), None));
        }
    }
    None
}

/// Whether an item's title ends in one of the requests that close a Taiwanese agenda item
/// (報請公鑒, 請公決, 請審議, 請核議, 請議決, 請討論, 提請審議, 報請鑒察), `案` and a full stop allowed.
pub fn ends_with_request(title: &str) -> bool {
    const REQUESTS: &[&str] = &[
        "報請公鑒",
        "報請公鑑",
        "請公決",
        "請審議",
        "請核議",
        "請議決",
        "請討論",
        "提請審議",
        "報請鑒察",
        "報請鑑察",
        "請審查",
        "請核備",
        "請追認",
        "請鑒核",
        "請鑑核",
        "請備查",
    ];
    let s = squeeze(title);
    let mut s = s.as_str();
    // Drop a closing parenthetical (`（提案單位：…）`) and the full stop.
    loop {
        let before = s;
        s = s.trim_end_matches(['。', '.', '；']);
        if s.ends_with(['）', ')']) {
            if let Some(open) = s.rfind(['（', '(']) {
                s = &s[..open];
            }
        }
        if s == before {
            break;
        }
    }
    let s = s.strip_suffix('案').unwrap_or(s);
    REQUESTS.iter().any(|r| s.ends_with(r))
}

/// Who leads a motion written without an item label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lead {
    /// The name before the colon (`民主網絡司：…案。`): a unit or a person.
    Named(String),
    /// The names after 動議人 (role `mover`) or 提案人 (role `proposer`), or a councillor's name
    /// alone with their title (`七、徐玉樹議員`, role `mover`).
    Movers(Vec<String>, &'static str),
}

/// Labels that start a part of an item or name the meeting, never a motion's leader.
fn is_known_label(head: &str) -> bool {
    const OTHERS: &[&str] = &[
        "主席", "時間", "地點", "出席", "列席", "紀錄", "記錄", "請假", "缺席", "散會", "備註", "註",
    ];
    PART_LABELS.contains(&head)
        || REMARK_LABELS.contains(&head)
        || mixed_label(head).is_some()
        || DECISION_LABELS.contains(&head)
        || OTHERS.contains(&head)
        || head.starts_with("決")
}

/// A motion under 臨時動議 written without an item label: `民主網絡司：資訊月策展規劃案。` (a
/// unit or person, a colon, a title that ends in 案 or a request) or `動議人：王大明、李小華`.
/// Returns who leads it and its title.
pub fn led_motion(block: &str) -> Option<(Lead, String)> {
    let t = block.trim();
    if let Some((label, rest)) = leading_label(t, &["動議人", "提案人"]) {
        // The names end at the next label on the line (`動議人：黃適超 編號：臨動字第57號`).
        let names: Vec<String> = split_names(rest)
            .into_iter()
            .take_while(|n| !n.contains(['：', ':']))
            .map(|n| person_name(n.trim().trim_end_matches('。')))
            .filter(|n| !n.is_empty())
            .collect();
        let role = if label == "提案人" { "proposer" } else { "mover" };
        return (!names.is_empty()).then(|| (Lead::Movers(names, role), rest.trim().to_string()));
    }
    // `七、徐玉樹議員` above its `案由：…`: the councillor who moves it, named with their title.
    if let Some(name) = titled_name(t) {
        return Some((Lead::Movers(vec![name.to_string()], "mover"), String::new()));
    }
    let colon = t.find(['：', ':'])?;
    let head = squeeze(&t[..colon]);
    let n = head.chars().count();
    if !(2..=12).contains(&n) || is_known_label(&head) || head.chars().any(|c| "，,。、（(".contains(c)) {
        return None;
    }
    let title = t[colon..].trim_start_matches(['：', ':']).trim();
    let bare = squeeze(title);
    let bare = bare.trim_end_matches(['。', '.', '；']);
    let bare = match bare.rfind(['（', '(']) {
        Some(open) if bare.ends_with(['）', ')']) => &bare[..open],
        _ => bare,
    };
    let bare = bare.trim_end_matches(['。', '.']);
    (bare.ends_with('案') || ends_with_request(title)).then(|| (Lead::Named(head), title.to_string()))
}

/// Titles written after a person's name in minutes (`劉茂群議員`, `陳天成代表`; a school's or an
/// association's offices, `歐遠帆學務長`, `許一成顧問`, `郭麗琴理事長`), the longer first.
const NAME_TITLES: &[&str] = &[
    "議員",
    "代表",
    "里長",
    "委員",
    "學務長",
    "教務長",
    "總務長",
    "研發長",
    "理事長",
    "總幹事",
    "校長",
    "院長",
    "主任",
    "組長",
    "老師",
    "教師",
    "顧問",
    "會長",
    "理事",
    "監事",
    "秘書",
];

/// A person's name without the title written after it (`劉茂群議員` → `劉茂群`); a name that is
/// only a title, or too short to be a name without it, is kept as written.
pub fn bare_name(name: &str) -> &str {
    NAME_TITLES
        .iter()
        .find_map(|t| name.strip_suffix(t))
        // A role before the title (`家長代表`, `主任委員`, `教務主任`, `輔導室主任`) is no name.
        .filter(|n| {
            reads_as_name(n)
                && !n.ends_with([
                    '副', '總', '長', '任', '員', '席', '務', '處', '室', '組', '會', '科', '系', '部', '所', '學',
                ])
        })
        .unwrap_or(name)
}

/// Titles minutes write between a person's surname and given name (`呂議員美玲`, `陳代表子芸`,
/// `林副議長棋山`, as councils name their members and officers).
const INNER_TITLES: &[&str] = &[
    "副議長",
    "議長",
    "議員",
    "副主席",
    "主席",
    "代表",
    "委員",
    "里長",
    "村長",
    "鎮長",
    "鄉長",
    "市長",
    "縣長",
];

/// A person's name as a list of people names them, without their title: after the name
/// (`劉茂群議員` → `劉茂群`, see [`bare_name`]) or between the surname and the given name, one or
/// two characters each (`呂議員美玲` → `呂美玲`, `秦議員鉦` → `秦鉦`). Anything else is kept.
pub fn person_name(name: &str) -> String {
    let bare = bare_name(name);
    if bare.len() < name.len() {
        return bare.to_string();
    }
    let chars: Vec<char> = name.chars().collect();
    for t in INNER_TITLES {
        let tn = t.chars().count();
        for at in 1..=2usize {
            if chars.len() < at + tn + 1 || chars.len() > at + tn + 2 {
                continue;
            }
            let mid: String = chars[at..at + tn].iter().collect();
            if mid != *t {
                continue;
            }
            let joined: String = chars[..at].iter().chain(&chars[at + tn..]).collect();
            if joined.chars().all(is_han) {
                return joined;
            }
        }
    }
    name.to_string()
}

/// A list of names split at its separators (`、`, `，`, a space): a name in Latin letters keeps
/// the spaces between its words (`Kolas Yotaka`, `伍麗華Saidhai Tahovecahe`), the word after a
/// space going on with the one before it when both are written in Latin letters.
/// Where a list of names written after a label ends: at a full stop or semicolon (and, with
/// `at_newline`, a line break) or at a closing bracket that no bracket in the list opened.
fn list_end(text: &str, at_newline: bool) -> usize {
    let mut depth = 0usize;
    text.char_indices()
        .find(|&(_, c)| match c {
            '。' | '；' | ';' => true,
            '\n' => at_newline,
            '（' | '(' => {
                depth += 1;
                false
            }
            '）' | ')' if depth > 0 => {
                depth -= 1;
                false
            }
            '）' | ')' => true,
            _ => false,
        })
        .map_or(text.len(), |(i, _)| i)
}

pub fn split_names(list: &str) -> Vec<String> {
    // A word in Latin letters, maybe with the Chinese name after it (`Tali穎艾達利` in `Ingay
    // Tali穎艾達利`).
    let latin_word = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_alphabetic())
            && w.chars()
                .take_while(|c| !is_han(*c))
                .all(|c| c.is_ascii_alphabetic() || NAME_JOINS.contains(&c) || matches!(c, '.' | '\'' | '-'))
    };
    let mut out: Vec<String> = Vec::new();
    for piece in list.split(['、', '，', ',']) {
        let mut prev_latin = false;
        let mut names: Vec<String> = Vec::new();
        for w in piece.split([' ', '　', '\t']).filter(|w| !w.is_empty()) {
            match names.last_mut() {
                Some(last) if prev_latin && latin_word(w) => {
                    last.push(' ');
                    last.push_str(w);
                }
                _ => names.push(w.to_string()),
            }
            prev_latin = w.ends_with(|c: char| c.is_ascii_alphabetic());
        }
        out.extend(names);
    }
    out
}

/// The names under a people label written as a form's field, with no colon: `label` ends at byte
/// `end` of `text`. Either its names follow on its line after a space (`提案人 羅清輝`), the lines
/// after it that hold a name only going on with them (`連署人 蘇慶祥` / `楊淑青` / `徐裕傑`), or the
/// label, maybe with its other name in brackets (`提案人(動議人)`), ends its line and its names
/// are the next line (`連署人(附議人)` / `李國勝、王啟澧、陳信文、簡嘉億等議員`). The label begins its
/// line, or follows the name that is the value of the field before it, as a page's lines are
/// joined (`詹琬蓁議員連署人(附議人)`). A label in brackets is the other's other name. Names must
/// read as names: two to four Chinese characters after their title and a closing 等.
fn field_names(text: &str, end: usize, label: &str) -> Vec<String> {
    let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
    let before = squeeze(&text[line_start..end]);
    let before = before.strip_suffix(label).unwrap_or(&before);
    if before.ends_with(['(', '（']) || !(before.is_empty() || form_names(before).is_some_and(|n| n.len() == 1)) {
        return Vec::new();
    }
    let after = &text[end..];
    let mut rest = after.trim_start_matches([' ', '　']);
    let spaced = rest.len() < after.len();
    // `提案人(動議人)`: the label's other name.
    if let Some(inner) = rest.strip_prefix(['(', '（']) {
        if let Some(close) = inner.find([')', '）']) {
            if PEOPLE_LABELS.iter().any(|(l, _)| squeeze(&inner[..close]) == *l) {
                rest = inner[close..]
                    .trim_start_matches([')', '）'])
                    .trim_start_matches([' ', '　']);
            }
        }
    }
    let (first, more) = rest.split_once('\n').unwrap_or((rest, ""));
    let mut lines = more.split('\n').map(str::trim);
    let mut names = Vec::new();
    if first.trim().is_empty() {
        // The label ends its line: the next line holds its names.
        if let Some(n) = lines.next().and_then(form_names) {
            names = n;
        }
    } else if spaced && before.is_empty() {
        if let Some(n) = form_names(first.trim()) {
            names = n;
            names.extend(lines.take_while(|l| is_name_line(l)).map(str::to_string));
        }
    }
    names
}

/// The names of a form's line of people (`李國勝、王啟澧、陳信文、簡嘉億等議員`), each without its
/// title; the line ends at a people label run into it (`詹琬蓁議員連署人(附議人)`: 詹琬蓁). `None`
/// when a part does not read as a name.
fn form_names(line: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for token in split_names(line) {
        let mut n = token.trim();
        if PEOPLE_LABELS.iter().any(|(l, _)| n == *l) {
            break;
        }
        let mut cut = false;
        if let Some(i) = PEOPLE_LABELS
            .iter()
            .filter_map(|(l, _)| n.find(l))
            .filter(|&i| i > 0)
            .min()
        {
            n = &n[..i];
            cut = true;
        }
        let n = bare_name(n);
        let n = n.strip_suffix('等').map(bare_name).unwrap_or(n);
        let n = person_name(n.strip_suffix('等').unwrap_or(n));
        if !reads_as_name(&n) {
            return None;
        }
        out.push(n);
        if cut {
            break;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A people label written as a form's field, its first names after a space (`連署人 蘇慶祥`).
pub fn is_people_field(block: &str) -> bool {
    PEOPLE_LABELS.iter().any(|(l, _)| spaced_field(block, &[*l]).is_some())
}

/// A line that holds one person's name only (`楊淑青`): two to four Chinese characters, as a
/// form lists names one a line under its field.
pub fn is_name_line(line: &str) -> bool {
    let t = line.trim();
    reads_as_name(t) && !is_known_label(t) && section_kind(t).is_none()
}

/// A block that is only a person's name with the title after it (`徐玉樹議員`): the name.
pub fn titled_name(block: &str) -> Option<&str> {
    let t = block.trim();
    let name = bare_name(t);
    (name.len() < t.len() && reads_as_name(name)).then_some(name)
}

/// The marks that join the parts of an indigenous name (`瓦歷斯‧貝林`, `伍麗華Saidhai‧Tahovecahe`).
const NAME_JOINS: &[char] = &['‧', '・', '·'];

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether a text reads as a person's name: two to four Chinese characters (`羅清輝`), or an
/// indigenous name, its parts joined by `‧`, `・` or `·` (`瓦歷斯‧貝林`, `巴奈・母路`), or its
/// Chinese name followed by its own in Latin letters (`伍麗華Saidhai‧Tahovecahe`,
/// `廖國棟Sufin.Siluko`).
pub fn reads_as_name(n: &str) -> bool {
    let count = n.chars().count();
    if (2..=4).contains(&count) && n.chars().all(is_han) {
        return true;
    }
    if count > 24 || n.starts_with(NAME_JOINS) || n.ends_with(NAME_JOINS) {
        return false;
    }
    // Chinese characters only, in parts joined by the mark.
    let parts: Vec<&str> = n.split(NAME_JOINS).collect();
    if parts.len() >= 2 && parts.iter().all(|p| !p.is_empty() && p.chars().all(is_han)) {
        return true;
    }
    // A Chinese name of two to four characters, then the name in Latin letters, its parts joined
    // by the mark, a full stop or a space (`伍麗華Saidhai Tahovecahe`); or the name in Latin
    // letters alone, two to four words each capitalised (`Kolas Yotaka`).
    let han = n.chars().take_while(|&c| is_han(c)).count();
    let latin: String = n.chars().skip(han).collect();
    let latin_name = latin.starts_with(|c: char| c.is_ascii_uppercase())
        && !latin.ends_with(['.', ' '])
        && !latin.contains("  ")
        && latin
            .chars()
            .all(|c| c.is_ascii_alphabetic() || NAME_JOINS.contains(&c) || matches!(c, '.' | '\'' | '-' | ' '));
    let words = latin.split(' ').count();
    if latin_name
        && ((2..=4).contains(&han)
            || (han == 0
                && (2..=4).contains(&words)
                && latin
                    .split(' ')
                    .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))))
    {
        return true;
    }
    // The name in Latin letters first, then the Chinese name (`Ingay Tali穎艾達利`, as a council
    // prints a member's indigenous name before the Chinese one).
    let latin_first: String = n.chars().take_while(|c| !is_han(*c)).collect();
    let han_after: String = n.chars().skip(latin_first.chars().count()).collect();
    !latin_first.is_empty()
        && latin_first.starts_with(|c: char| c.is_ascii_uppercase())
        && !latin_first.contains("  ")
        && latin_first
            .chars()
            .all(|c| c.is_ascii_alphabetic() || NAME_JOINS.contains(&c) || matches!(c, '.' | '\'' | '-' | ' '))
        && (2..=4).contains(&han_after.chars().count())
        && han_after.chars().all(is_han)
}

/// Whether a name reads as a unit's (`民主網絡司`, `建設課`, `秘書處`) rather than a person's.
pub fn named_like_unit(name: &str) -> bool {
    const ENDS: &[&str] = &[
        "司",
        "署",
        "處",
        "室",
        "課",
        "局",
        "科",
        "組",
        "部",
        "院",
        "會",
        "所",
        "中心",
        "辦公室",
        "公所",
        "團",
        "系",
        "館",
    ];
    name.chars().count() >= 3 && ENDS.iter().any(|e| name.ends_with(e))
}

/// 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (the model's own numbering of unnumbered motions).
pub fn chinese_number(n: usize) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[n - 10] }),
        20..=99 => format!("{}十{}", D[n / 10], if n.is_multiple_of(10) { "" } else { D[n % 10] }),
        _ => n.to_string(),
    }
}

/// Counts of a vote, as an item's text gives them (`表決結果：贊成 25 人、反對 3 人、棄權 1 人`,
/// `在場 30 人`, `…通過` / `…不通過`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Votes {
    pub present: Option<u32>,
    #[serde(rename = "for")]
    pub yes: Option<u32>,
    pub against: Option<u32>,
    pub abstain: Option<u32>,
    /// `passed`, `failed`, or `None` when the text does not say.
    pub result: Option<&'static str>,
    /// Names of a roll-call vote (記名表決), by side: (side, name).
    pub names: Vec<(String, String)>,
}

/// The number written after `word` (spaces allowed, then digits, then 人/票/位).
fn count_after(text: &str, words: &[&str]) -> Option<u32> {
    for w in words {
        for (i, _) in text.match_indices(w) {
            let rest = text[i + w.len()..].trim_start_matches([' ', '　', '：', ':', '者']);
            let digits: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
                .map(|c| {
                    if c.is_ascii_digit() {
                        c
                    } else {
                        char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or('0')
                    }
                })
                .collect();
            if let Ok(n) = digits.parse() {
                return Some(n);
            }
        }
    }
    None
}

/// The number written just before `word`, counted in 票 / 人 / 位 (`表決8票同意`, `6票通過`,
/// `以 12 票贊成`), as many committees record a vote.
fn count_before(text: &str, words: &[&str]) -> Option<u32> {
    for w in words {
        for (i, _) in text.match_indices(w) {
            let head = text[..i].trim_end_matches([' ', '　']);
            let Some(head) = ["票", "人", "位"].iter().find_map(|u| head.strip_suffix(u)) else {
                continue;
            };
            let head = head.trim_end_matches([' ', '　']);
            let digits: String = head
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .map(|c| {
                    if c.is_ascii_digit() {
                        c
                    } else {
                        char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or('0')
                    }
                })
                .collect();
            // `不同意` is no 同意.
            if *w == "同意" && head.len() < text[..i].len() && text[..i].ends_with('不') {
                continue;
            }
            if let Ok(n) = digits.parse() {
                return Some(n);
            }
        }
    }
    None
}

/// The votes an item's text records, if it records any counts.
pub fn votes(text: &str) -> Option<Votes> {
    let mut v = Votes {
        present: count_after(text, &["在場", "出席"]),
        yes: count_after(text, &["贊成", "同意"]).or_else(|| count_before(text, &["贊成", "同意", "通過"])),
        against: count_after(text, &["反對", "不同意"]).or_else(|| count_before(text, &["反對", "不同意"])),
        abstain: count_after(text, &["棄權"]).or_else(|| count_before(text, &["棄權"])),
        ..Votes::default()
    };
    if v.yes.is_none() && v.against.is_none() && v.abstain.is_none() {
        return None;
    }
    // A `不同意 3` also matched `同意`: prefer the count after 同意 not preceded by 不.
    if v.yes == v.against && text.contains("不同意") && !text.contains("贊成") {
        v.yes = text
            .match_indices("同意")
            .find(|(i, _)| !text[..*i].ends_with('不'))
            .and_then(|(i, _)| count_after(&text[i..], &["同意"]));
    }
    v.result = if text.contains("不通過") || text.contains("未通過") || text.contains("否決") {
        Some("failed")
    } else if text.contains("通過") {
        Some("passed")
    } else {
        None
    };
    for (side, words) in [("for", ["贊成者", "贊成"]), ("against", ["反對者", "反對"])] {
        let Some(i) = text.find("記名") else { break };
        for w in words {
            if let Some(j) = text[i..]
                .find(&format!("{w}："))
                .or_else(|| text[i..].find(&format!("{w}:")))
            {
                let start = i + j + w.len();
                let rest = text[start..].trim_start_matches(['：', ':']);
                let end = rest.find(['。', '；', ';', '\n', '（', '(']).unwrap_or(rest.len());
                for name in rest[..end].split(['、', '，', ',', ' ', '　']) {
                    let n = name.trim();
                    if !n.is_empty() && !n.chars().any(|c| c.is_ascii_digit()) {
                        v.names.push((side.to_string(), n.to_string()));
                    }
                }
                break;
            }
        }
    }
    Some(v)
}

/// The votes of a line labelled 表決結果 (or 表決) anywhere in an item's text.
pub fn votes_line(text: &str) -> Option<Votes> {
    text.lines()
        .find(|l| {
            let t = squeeze(l);
            t.starts_with("表決結果") || t.starts_with("表決") || t.starts_with("記名表決")
        })
        .and_then(votes)
}

/// Where `label` occurs in `text`, spaces between its characters allowed (`動 議 人`, `附　議　人`,
/// as spaced-out forms are printed): the byte offset just after each occurrence.
fn spaced_matches(text: &str, label: &str) -> Vec<usize> {
    let want: Vec<char> = label.chars().collect();
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if c != want[0] {
            continue;
        }
        let base = i + c.len_utf8();
        let (mut k, mut end) = (1, base);
        let mut rest = text[base..].char_indices();
        while k < want.len() {
            match rest.next() {
                Some((j, d)) if d == want[k] => {
                    k += 1;
                    end = base + j + d.len_utf8();
                }
                Some((_, ' ' | '　')) => {}
                _ => break,
            }
        }
        if k == want.len() {
            out.push(end);
        }
    }
    out
}

/// The marks that join a unit label and a people label into one (`提案單位/人`, `提案人／單位`,
/// `提案單位、提案人`).
const MIXED_JOINS: &[char] = &['/', '／', '、'];

/// A label naming an item's units and its people together, as a council's database prints the
/// field that holds either (`提案單位/人`, `提案單位／人`, `提案人/單位`, `提案人／提案單位`): the
/// unit label and the people label's role it stands for. Its stem is one both labels share
/// (提案單位 and 提案人, 報告單位 and 報告人); the second half may drop it (`/人`, `/單位`).
pub fn mixed_label(head: &str) -> Option<(&'static str, &'static str)> {
    let h = squeeze(head);
    let (a, b) = h.split_once(MIXED_JOINS)?;
    super::UNIT_LABELS.iter().find_map(|unit| {
        let stem = unit.strip_suffix("單位")?;
        let (person, role) = PEOPLE_LABELS.iter().find(|(l, _)| l.strip_suffix('人') == Some(stem))?;
        let unit_first = a == *unit && (b == "人" || b == *person);
        let person_first = a == *person && (b == "單位" || b == *unit);
        (unit_first || person_first).then_some((*unit, *role))
    })
}

/// Whether the label that ends at byte `end` of `text` (a unit or a people label) is one half of
/// a mixed label (`提案單位/人`, `提案人/提案單位`): it is read as that, not on its own.
pub fn in_mixed_label(text: &str, end: usize) -> bool {
    let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    mixed_spans(&text[line_start..line_end])
        .iter()
        .any(|&(s, e, _, _)| line_start + s < end && end <= line_start + e)
}

/// Whether a block starts with a mixed label (`提案單位/人：…`, or the label alone as a form's
/// field): one of an item's labelled parts.
pub fn starts_mixed_label(block: &str) -> bool {
    let t = unlist_marker(block.trim_start());
    if !t.starts_with(['提', '報']) {
        return false;
    }
    mixed_spans(t.lines().next().unwrap_or(""))
        .first()
        .is_some_and(|&(s, _, _, _)| s == 0)
}

/// The mixed labels in `line`: (start, end, unit label, role).
fn mixed_spans(line: &str) -> Vec<(usize, usize, &'static str, &'static str)> {
    let mut out = Vec::new();
    for (i, _) in line.char_indices() {
        if out.last().is_some_and(|&(_, e, _, _)| i < e) {
            continue;
        }
        let rest = &line[i..];
        // Every mixed label opens with its stem (提案…, 報告…).
        if !rest.starts_with(['提', '報']) {
            continue;
        }
        // The label runs to the colon, a space or the line's end; it begins a word.
        let starts_word = i == 0 || line[..i].ends_with([' ', '　', '（', '(', '【', '-', '•', '・']);
        if !starts_word {
            continue;
        }
        let len = rest.find(['：', ':', ' ', '　', '）', ')', '】']).unwrap_or(rest.len());
        // The longest is `提案單位／提案人` (8 letters): a longer word is none.
        if len > 8 * 3 {
            continue;
        }
        if let Some((unit, role)) = mixed_label(&rest[..len]) {
            out.push((i, i + len, unit, role));
        }
    }
    out
}

/// The names under a mixed label (`提案單位/人：趙昆原`, `提案單位/人` / `趙昆原` as a form's field
/// and its value, `提案人/單位 民政局`): (name, byte offset in `text`, unit label, role). Which
/// name is a unit and which a person the caller decides (through the registry).
pub fn mixed_names(text: &str) -> Vec<(String, usize, &'static str, &'static str)> {
    let mut out = Vec::new();
    if !text.contains("單位") {
        return out;
    }
    let mut line_start = 0;
    let lines: Vec<&str> = text.split('\n').collect();
    for (li, line) in lines.iter().enumerate() {
        for (_, e, unit, role) in mixed_spans(line) {
            let after = &line[e..];
            let trimmed = after.trim_start_matches([' ', '　']);
            let (value, at) = if let Some(v) = trimmed.strip_prefix(['：', ':']) {
                let v = v.trim_start();
                (v, line_start + line.len() - v.len())
            } else if trimmed.trim().is_empty() {
                // The label ends its line: its value is the next line, when that is no label.
                let Some(next) = lines.get(li + 1) else { continue };
                let v = next.trim();
                let v = v.strip_prefix("- ").unwrap_or(v).trim_start();
                let next_start = line_start + line.len() + 1;
                let at = next_start + next.find(v).unwrap_or(0);
                if v.is_empty() || is_known_label(squeeze(v).trim_end_matches(['：', ':'])) || v.contains(['：', ':'])
                {
                    continue;
                }
                (v, at)
            } else if trimmed.len() < after.len() {
                // `提案人/單位 民政局`: a form's field, its value after a space.
                (trimmed, line_start + line.len() - trimmed.len())
            } else {
                continue;
            };
            // The value ends at a sentence's end or a closing bracket that closes the label's.
            let end = list_end(value, false);
            let value = &value[..end];
            let mut piece_start = 0;
            let marks = value
                .char_indices()
                .filter(|(_, c)| matches!(c, '、' | '，' | ',' | '/' | '／'))
                .chain(std::iter::once((value.len(), ' ')));
            // Names end at the next label on the line (`提案單位/人：趙昆原　連署人：…`).
            'names: for (i, c) in marks {
                let (piece, base) = (&value[piece_start..i], at + piece_start);
                piece_start = i + c.len_utf8();
                for name in split_names(piece) {
                    if name.contains(['：', ':']) {
                        break 'names;
                    }
                    let pos = piece.find(&name).unwrap_or(0);
                    out.push((name, base + pos, unit, role));
                }
            }
        }
        line_start += line.len() + 1;
    }
    out
}

/// The people named after 提案人 / 動議人 / 連署人 / 附議人 / 報告人 in `text`: (role, name).
pub fn people(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (label, role) in PEOPLE_LABELS {
        for end in spaced_matches(text, label) {
            // `提案單位/提案人：…`: read as the mixed label it is half of.
            if in_mixed_label(text, end) {
                continue;
            }
            let after = &text[end..];
            let rest = after.trim_start_matches([' ', '　']);
            let Some(rest) = rest.strip_prefix(['：', ':']) else {
                out.extend(field_names(text, end, label).into_iter().map(|n| (role.to_string(), n)));
                continue;
            };
            // A closing bracket ends the names when the label was inside the brackets
            // (`（提案人：王大明）`), not when a name holds its own (`臺南市政府（消防局）`).
            let end = list_end(rest, true);
            // Names end at the next label (`提案人：王大明　連署人：…`).
            for name in split_names(&rest[..end]) {
                let n = name.trim();
                if n.contains(['：', ':']) {
                    break;
                }
                if !n.is_empty() {
                    out.push((role.to_string(), person_name(n)));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_requests() {
        // A number in brackets (a professional association's `案由(一):`, the fifth import round).
        assert_eq!(numbered_label("案由(一)"), Some(("案由一".to_string(), None)));
        assert_eq!(numbered_label("提案（二）"), Some(("提案二".to_string(), None)));
        assert_eq!(numbered_label("案由()"), None);
        assert_eq!(
            leading_label("決　議：照案通過。", DECISION_LABELS),
            Some(("決議", "照案通過。"))
        );
        assert_eq!(
            leading_label("大會決議：照案通過。", DECISION_LABELS),
            Some(("大會決議", "照案通過。"))
        );
        assert_eq!(leading_label("決議文草案如附件", DECISION_LABELS), None);
        assert!(ends_with_request(
            "請推舉召集委員一人擔任本院紀律委員會召集委員,請議決案。"
        ));
        assert!(ends_with_request("修正案，提請 審議。（提案單位：秘書處）"));
        assert!(!ends_with_request("檢附尚未審查之「人民請願案」計5案,請參考。"));
        assert_eq!(
            paragraph_item("一、本會期召集委員輪值表,請議決案。", Some(Kind::Discussion)),
            Some(("討論事項一".to_string(), None))
        );
        assert_eq!(paragraph_item("一、本會期召集委員輪值表,請議決案。", None), None);
        assert_eq!(
            paragraph_item("動議一：響應地球一小時活動，是否有當，敬請公決。", None),
            Some(("動議一".to_string(), Some(Kind::Motion)))
        );
        assert_eq!(
            paragraph_item("第 3 案：道路拓寬案", None),
            Some(("第3案".to_string(), None))
        );
        assert_eq!(paragraph_item("本案由請理事會議審查", None), None);
        assert_eq!(section_kind("貳、討論事項"), Some(Kind::Discussion));
        let values: Vec<_> = ["三", "十", "十二", "二十", "三十五", "12", "７"]
            .into_iter()
            .map(numeral_value)
            .collect();
        assert_eq!(
            values,
            [Some(3), Some(10), Some(12), Some(20), Some(35), Some(12), Some(7)]
        );
        assert_eq!(section_kind("報 告 事 項"), Some(Kind::Report));
        assert_eq!(section_kind("乙、臨時動議"), Some(Kind::Motion));
        assert_eq!(section_kind("A. 報告事項"), Some(Kind::Report));
        assert_eq!(section_kind("(1)討論事項"), Some(Kind::Discussion));
        assert_eq!(section_kind("（三）選 舉 事 項"), Some(Kind::Election));
        assert_eq!(section_kind("1、專案報告"), Some(Kind::Report));
        assert_eq!(section_kind("壹、散　會"), Some(Kind::Other));
        assert_eq!(section_kind("八、討論及決議事項:"), Some(Kind::Discussion));
        assert_eq!(section_kind("二、主席致詞:略。"), Some(Kind::Report));
        assert_eq!(section_kind("提案人：王大明"), None);
        assert_eq!(section_kind("報告事項附件"), None);
        assert_eq!(
            section_kind("一、請推舉召集委員一人擔任本院紀律委員會召集委員,請議決案。"),
            None
        );
    }

    #[test]
    fn votes_and_people() {
        let v = votes("表決結果：在場 30 人，贊成 25 人、反對 3 人、棄權 1 人，通過。").unwrap();
        assert_eq!(
            (v.present, v.yes, v.against, v.abstain, v.result),
            (Some(30), Some(25), Some(3), Some(1), Some("passed"))
        );
        let v = votes("記名表決：贊成：王大明、李小華；反對：陳一。贊成2人，反對1人，通過。").unwrap();
        assert_eq!(
            v.names,
            [
                ("for".into(), "王大明".into()),
                ("for".into(), "李小華".into()),
                ("against".into(), "陳一".into())
            ]
        );
        assert_eq!(votes("照案通過。"), None);
        assert_eq!(
            people("提案人：王大明　連署人：李小華、陳一"),
            [
                ("proposer".to_string(), "王大明".to_string()),
                ("seconder".into(), "李小華".into()),
                ("seconder".into(), "陳一".into())
            ]
        );
    }

    #[test]
    fn numbered_leads_reports_and_glued_section_titles() {
        assert_eq!(numbered_lead("第一案 提案單位:第一組").as_deref(), Some("第一案"));
        assert_eq!(numbered_lead("提案二　提案人：王大明").as_deref(), Some("提案二"));
        assert_eq!(numbered_lead("第一案：道路拓寬案"), None);
        assert_eq!(numbered_lead("第一案 道路拓寬案"), None);

        assert!(is_numbered_report(
            "三、林縣長聰賢率建設處處長王蘭生等報告：就羅東都市計畫"
        ));
        assert!(is_numbered_report("一、總幹事工作報告:"));
        assert!(!is_numbered_report("一、主席報告簽到議員已達法定人數。"));
        assert!(!is_numbered_report("總幹事工作報告:"));
        assert!(!is_numbered_report("二、說明：依報告："));

        fn split(t: &str) -> Option<(&str, &str)> {
            glued_section_title(t).map(|i| (&t[..i], &t[i..]))
        }
        assert_eq!(
            split("乙、討 論 事 項討論議案：計 2 件。"),
            Some(("乙、討 論 事 項", "討論議案：計 2 件。"))
        );
        assert_eq!(
            split("丁、臨 時 動 議動 議 人：黃適超"),
            Some(("丁、臨 時 動 議", "動 議 人：黃適超"))
        );
        assert_eq!(split("參、討論事項暨臨時動議"), None);
        assert_eq!(split("貳、討論事項：如附件"), None);
        assert_eq!(split("乙、討 論 事 項"), None);
        assert_eq!(split("一、主席報告簽到議員已達法定人數。"), None);
        assert_eq!(split("二、提案單位：秘書處"), None);
        assert_eq!(split("討論事項二"), None);
    }

    #[test]
    fn spaced_people_labels_and_movers_end_at_the_next_label() {
        let s = |r: &str, n: &str| (r.to_string(), n.to_string());
        assert_eq!(
            people("動 議 人：林東成 編號：臨動字第58號附 議 人：陳福山 林志鴻"),
            [s("mover", "林東成"), s("seconder", "陳福山"), s("seconder", "林志鴻")]
        );
        assert_eq!(
            led_motion("動 議 人：黃適超 編號：臨動字第57號").map(|(l, _)| l),
            Some(Lead::Movers(vec!["黃適超".to_string()], "mover"))
        );
    }

    #[test]
    fn names_with_their_title_and_proposer_leads() {
        // 桃園市議會第1屆第17次臨時會 (tests/corpus/tycc-1-t17).
        assert_eq!(bare_name("劉茂群議員"), "劉茂群");
        assert_eq!(bare_name("議員"), "議員");
        assert_eq!(bare_name("家長代表"), "家長代表");
        assert_eq!(bare_name("主任委員"), "主任委員");
        assert_eq!(bare_name("李小華"), "李小華");
        // 臺北市立教育大學性別平等教育委員會 and 五甲國小家長會 (tests/corpus/utaipei-gender-97-1,
        // wujia-parents-95-2): a school's and an association's offices after the name.
        assert_eq!(bare_name("歐遠帆學務長"), "歐遠帆");
        assert_eq!(bare_name("許一成顧問"), "許一成");
        assert_eq!(bare_name("郭麗琴理事長"), "郭麗琴");
        assert_eq!(bare_name("教務主任"), "教務主任");
        assert_eq!(bare_name("副校長"), "副校長");
        assert_eq!(bare_name("主任秘書"), "主任秘書");
        assert_eq!(
            people("提案人:歐遠帆學務長"),
            [("proposer".to_string(), "歐遠帆".to_string())]
        );
        assert_eq!(titled_name("徐玉樹議員"), Some("徐玉樹"));
        assert_eq!(titled_name("徐玉樹"), None);
        assert_eq!(
            led_motion("提案人：劉茂群議員"),
            Some((
                Lead::Movers(vec!["劉茂群".to_string()], "proposer"),
                "劉茂群議員".to_string()
            ))
        );
        assert_eq!(
            people("提案人：黃敬平議員"),
            [("proposer".to_string(), "黃敬平".to_string())]
        );
    }

    #[test]
    fn table_rows_wrapped_and_the_meetings_own_decision_column() {
        // 臺北市議會第12屆第3次臨時大會第1次會議 (tests/corpus/tcc-12-t3-1).
        let cols = TableColumns::from_header(&["案號", "案由", "審查意見", "議決", "備註"]).unwrap();
        assert_eq!(cols.decision_label, "議決");
        let row = cols
            .row(&["12071", "本府為有效利用市有財", "同意。", "照審查意見通", ""])
            .unwrap();
        assert_eq!(
            (row.label.as_deref(), row.decision),
            (Some("第12071案"), "照審查意見通")
        );
        assert_eq!(
            cols.continuation(&["", "產，（持續）委託民間", "", "過。", ""]),
            Some(("產，（持續）委託民間", "過。"))
        );
        assert_eq!(cols.continuation(&["12041", "鑑於文化國小學童遭割", "", "", ""]), None);
        // Only the committee's opinion: it is the decision read.
        let only = TableColumns::from_header(&["案號", "案由", "審查意見"]).unwrap();
        assert_eq!(only.decision_label, "審查意見");
        let mut t = "照審查意見通".to_string();
        join_wrapped(&mut t, "過。");
        assert_eq!(t, "照審查意見通過。");
        let mut t = "107年 to".to_string();
        join_wrapped(&mut t, "2024");
        assert_eq!(t, "107年 to 2024");
    }

    #[test]
    fn indigenous_names_read_as_names() {
        // As the Legislative Yuan's records print them (伍麗華Saidhai‧Tahovecahe, 廖國棟Sufin.Siluko).
        for n in [
            "瓦歷斯‧貝林",
            "伍麗華Saidhai‧Tahovecahe",
            "廖國棟Sufin.Siluko",
            "巴奈・母路",
            "高潞·以用",
            "羅清輝",
        ] {
            assert!(reads_as_name(n), "{n}");
            assert!(is_name_line(n), "{n}");
        }
        for n in [
            "‧貝林",
            "瓦歷斯‧",
            "1‧2",
            "伍麗華saidhai",
            "議員Abc1",
            "伍Saidhai",
            "照案通過。",
            "A‧B",
        ] {
            assert!(!reads_as_name(n), "{n}");
        }
        assert_eq!(bare_name("瓦歷斯‧貝林議員"), "瓦歷斯‧貝林");
        assert_eq!(titled_name("瓦歷斯‧貝林議員"), Some("瓦歷斯‧貝林"));
        assert_eq!(
            people("提案人：伍麗華Saidhai‧Tahovecahe委員、瓦歷斯‧貝林"),
            [
                ("proposer".to_string(), "伍麗華Saidhai‧Tahovecahe".to_string()),
                ("proposer".to_string(), "瓦歷斯‧貝林".to_string())
            ]
        );
        // A form's line of names, and the names one a line after a field.
        assert_eq!(
            people("連署人(附議人)\n瓦歷斯‧貝林、李國勝等議員"),
            [
                ("seconder".to_string(), "瓦歷斯‧貝林".to_string()),
                ("seconder".to_string(), "李國勝".to_string())
            ]
        );
        assert_eq!(
            people("連署人 蘇慶祥\n瓦歷斯‧貝林\n楊淑青"),
            [
                ("seconder".to_string(), "蘇慶祥".to_string()),
                ("seconder".to_string(), "瓦歷斯‧貝林".to_string()),
                ("seconder".to_string(), "楊淑青".to_string())
            ]
        );
    }

    #[test]
    fn a_title_between_surname_and_given_name() {
        // 基隆市議會 (tests/corpus/klcc-18-1-m3): `呂議員美玲` is 呂美玲.
        for (n, want) in [
            ("呂議員美玲", "呂美玲"),
            ("秦議員鉦", "秦鉦"),
            ("陳代表子芸", "陳子芸"),
            ("林副議長棋山", "林棋山"),
            ("歐陽議員志明", "歐陽志明"),
            ("劉茂群議員", "劉茂群"),
            ("李小華", "李小華"),
            ("主任委員", "主任委員"),
            ("家長代表", "家長代表"),
            ("議員代表", "議員代表"),
        ] {
            assert_eq!(person_name(n), want, "{n}");
        }
        assert_eq!(
            people("提 案 人:呂議員美玲\n連 署 人:張議員芳麗、連議員恩典、秦議員鉦"),
            [
                ("proposer".to_string(), "呂美玲".to_string()),
                ("seconder".to_string(), "張芳麗".to_string()),
                ("seconder".to_string(), "連恩典".to_string()),
                ("seconder".to_string(), "秦鉦".to_string())
            ]
        );
    }

    #[test]
    fn a_name_in_latin_letters_keeps_its_spaces() {
        // The Legislative Yuan's members written by their own names (Kolas Yotaka; 伍麗華 with
        // her name in Latin letters after a space).
        assert_eq!(
            people("提案人：Kolas Yotaka、伍麗華Saidhai Tahovecahe、王大明 李小華"),
            [
                ("proposer".to_string(), "Kolas Yotaka".to_string()),
                ("proposer".to_string(), "伍麗華Saidhai Tahovecahe".to_string()),
                ("proposer".to_string(), "王大明".to_string()),
                ("proposer".to_string(), "李小華".to_string())
            ]
        );
        assert_eq!(
            split_names("張秋明 吳宏謀　Sra Kacaw"),
            ["張秋明", "吳宏謀", "Sra Kacaw"]
        );
        for n in [
            "Kolas Yotaka",
            "伍麗華Saidhai Tahovecahe",
            "Sra Kacaw",
            "Ingay Tali穎艾達利",
        ] {
            assert!(reads_as_name(n), "{n}");
        }
        for n in [
            "kolas yotaka",
            "Kolas",
            "A B C D E",
            "Kolas  Yotaka",
            "Kolas Yotaka ",
            "Ingay Tali穎",
            "ingay穎艾達",
        ] {
            assert!(!reads_as_name(n), "{n}");
        }
        // A form's line of names keeps them whole too.
        assert_eq!(
            people("連署人(附議人)\nKolas Yotaka、李國勝等議員"),
            [
                ("seconder".to_string(), "Kolas Yotaka".to_string()),
                ("seconder".to_string(), "李國勝".to_string())
            ]
        );
    }

    #[test]
    fn a_count_written_before_its_side() {
        // `表決8票同意` (a residents' committee), `6票通過`, `以 12 票贊成、3 票反對`.
        let v = votes("表決8票同意，悠樂優先議約。").expect("a count");
        assert_eq!((v.yes, v.against, v.result), (Some(8), None, None));
        assert_eq!(votes("6票通過，請總幹事行文。").and_then(|v| v.yes), Some(6));
        let v = votes("以 12 票贊成、3 票反對、１票棄權通過。").expect("counts");
        assert_eq!(
            (v.yes, v.against, v.abstain, v.result),
            (Some(12), Some(3), Some(1), Some("passed"))
        );
        let v = votes("表決結果：5票不同意。").expect("a count");
        assert_eq!((v.yes, v.against), (None, Some(5)));
        // The counts after the side still come first.
        assert_eq!(votes("表決結果：贊成 25 人、反對 3 人").and_then(|v| v.yes), Some(25));
        assert!(votes("第8案照案通過。").is_none());
    }
}
