//! Reading the front-matter values from the header lines: title, number, series, date and time,
//! location, chair, recorder, attendees, and the units named as 報告單位 / 主辦單位 / 提案單位.

use chrono::{Datelike, NaiveDate};

use super::text::{ascii_digits, ordinal, Block, Ordinal};
use super::{find_name, FrontMatter, ImportRegistry, ImportWarning};
use crate::messages::Msg;
use crate::minutes::calendar;

fn warn(warnings: &mut Vec<ImportWarning>, block: Option<&Block>, message: Msg) {
    warnings.push(ImportWarning {
        line: block.map(|b| b.line).unwrap_or(0),
        message,
        source_line: block.map(|b| b.text.clone()).unwrap_or_default(),
    });
}

/// `key：value` → (key without spaces, value trimmed). Without a colon, a known header label
/// followed by spaces also opens a value (`時 間 中華民國…`, `出席委員 邱臣遠 陳歐珀`), as the
/// Legislative Yuan and councils lay out their headers.
fn key_value(s: &str) -> Option<(String, &str)> {
    if let Some((k, v)) = s.split_once(['：', ':']) {
        let k: String = k.chars().filter(|c| !c.is_whitespace()).collect();
        if !k.is_empty() && k.chars().count() <= 9 {
            return Some((k, v.trim()));
        }
    }
    spaced_key_value(s)
}

/// `時 間 中華民國…` / `出席委員 邱臣遠 陳歐珀`: a known label (its characters may be spaced out
/// one by one), then whitespace, then the value.
fn spaced_key_value(s: &str) -> Option<(String, &str)> {
    let mut key = String::new();
    let mut rest = s.trim_start();
    loop {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let token = &rest[..end];
        let after = rest[end..].trim_start();
        let single = token.chars().count() == 1 && !after.is_empty();
        if !key.is_empty() && !single {
            break;
        }
        key.push_str(token);
        rest = after;
        if !single {
            break;
        }
        if key.chars().count() > 9 {
            return None;
        }
    }
    (field(&key).is_some() && !rest.is_empty() && !rest.starts_with(['：', ':'])).then_some((key, rest.trim_end()))
}

/// The header fields the importer reads, by their label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Date,
    Time,
    Location,
    Chair,
    Recorder,
    /// 出席 (or 出席及列席 together): `attendees`.
    Attendees,
    /// 列席: `observers`.
    Observers,
    /// 請假: `on_leave`.
    OnLeave,
    /// 缺席: `absent`.
    Absent,
}

/// Which field a header label (without spaces) names, if any.
pub(crate) fn field(k: &str) -> Option<Field> {
    if k.chars().count() > 9 {
        return None;
    }
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| k.starts_with(p));
    if k.contains("日期") {
        Some(Field::Date)
    } else if k.contains("時間") {
        Some(Field::Time)
    } else if k.contains("地點") {
        Some(Field::Location)
    } else if matches!(k, "主席" | "主持人" | "會議主席" | "會議主持人") {
        Some(Field::Chair)
    } else if matches!(k, "紀錄" | "記錄" | "紀錄人" | "記錄人" | "紀錄人員" | "記錄人員") {
        Some(Field::Recorder)
    } else if starts(&["出席及列席", "出（列）席", "出(列)席", "出列席", "出席", "與會"]) {
        Some(Field::Attendees)
    } else if starts(&["列席"]) || observers_of(k).is_some() {
        Some(Field::Observers)
    } else if starts(&["請假"]) {
        Some(Field::OnLeave)
    } else if starts(&["缺席"]) {
        Some(Field::Absent)
    } else {
        None
    }
}

/// `聯安列席` (the observers a community's property manager sent, 聯安 being the company): a
/// label of a body's observers, that body's name of two to four Chinese characters before 列席.
fn observers_of(k: &str) -> Option<&str> {
    let body = k.strip_suffix("列席")?;
    let n = body.chars().count();
    ((2..=4).contains(&n) && body.chars().all(|c| !c.is_ascii() && c.is_alphabetic()) && field(body).is_none())
        .then_some(body)
}

/// A list's value that is only a count (`8人`, `計 2 位`): it names nobody.
fn only_a_count(v: &str) -> bool {
    let t: String = v.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_end_matches(['。', '.']);
    let t = t.strip_prefix(['共', '計']).unwrap_or(t);
    let Some(n) = t.strip_suffix(['人', '位', '名']) else {
        return false;
    };
    !n.is_empty()
        && n.chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九十百".contains(c))
}

/// A list's value that only points to a sheet (`如簽到表`, `(如簽到表)`, `詳如簽到簿`, `如簽到名冊。`,
/// `詳如後附出列席名單`): it names nobody, as a count does not.
fn only_a_sheet(v: &str) -> bool {
    let t: String = v
        .chars()
        .filter(|c| !c.is_whitespace() && !"()（）[]［］。.".contains(*c))
        .collect();
    let mut t = t.as_str();
    for lead in ["詳如", "詳見", "詳", "如", "見", "請見", "參閱"] {
        if let Some(rest) = t.strip_prefix(lead) {
            t = rest;
            break;
        }
    }
    for lead in ["後附", "附件", "附"] {
        if let Some(rest) = t.strip_prefix(lead) {
            t = rest;
            break;
        }
    }
    let sheet = [
        "簽到表",
        "簽到簿",
        "簽到單",
        "簽到名冊",
        "簽名冊",
        "簽名單",
        "名單",
        "名冊",
    ];
    sheet.iter().any(|s| {
        t.strip_suffix(s).is_some_and(|who| {
            who.chars().count() <= 6 && who.chars().all(|c| "出列席人員會議委員代表與簽到".contains(c))
        })
    })
}

/// The line after its numbering (`三、`, `（三）`, `3、`, and `壹、` when a field label follows).
fn unnumbered(s: &str) -> &str {
    match ordinal(s) {
        Some((kind, len))
            if kind != Ordinal::Section || key_value(&s[len..]).is_some_and(|(k, _)| field(&k).is_some()) =>
        {
            s[len..].trim_start()
        }
        _ => s,
    }
}

/// Whether a header line is a known field (`時間：…`, `壹、時間：…`, `主 席 黃部長`).
pub(crate) fn is_field_line(s: &str) -> bool {
    key_value(unnumbered(s)).is_some_and(|(k, _)| field(&k).is_some())
}

/// Whether a line is a date or time field that gives a date (`時間：中華民國 106 年 6 月 20 日…`,
/// `日 期：…`), as a sitting's header opens after its title.
pub(crate) fn is_dated_field(s: &str) -> bool {
    key_values(s)
        .first()
        .is_some_and(|(k, v)| matches!(field(k), Some(Field::Date | Field::Time)) && when(v).date.is_some())
}

/// Whether a header line's (last) field is a list of people: 出席, 列席, 請假, 缺席.
pub(crate) fn is_list_line(s: &str) -> bool {
    key_values(s).last().is_some_and(|(k, _)| {
        matches!(
            field(k),
            Some(Field::Attendees | Field::Observers | Field::OnLeave | Field::Absent)
        )
    })
}

/// A header line's last field, when the importer knows it, and its value.
pub(crate) fn last_field(s: &str) -> Option<(Field, &str)> {
    key_values(s).pop().and_then(|(k, v)| field(&k).map(|f| (f, v)))
}

/// The value of a header line's last field when that is a list of people (出席, 列席, 請假, 缺席).
pub(crate) fn list_value(s: &str) -> Option<&str> {
    key_values(s).pop().and_then(|(k, v)| {
        matches!(
            field(&k),
            Some(Field::Attendees | Field::Observers | Field::OnLeave | Field::Absent)
        )
        .then_some(v)
    })
}

/// A later field on the same line: `紀　錄：…` at the start of `s` (its label may be spaced out
/// one character at a time) → (label without spaces, the value after its colon).
fn later_field(s: &str) -> Option<(String, &str)> {
    let (k, v) = s.split_once(['：', ':'])?;
    let tokens: Vec<&str> = k.split_whitespace().collect();
    if tokens.is_empty() || (tokens.len() > 1 && tokens.iter().any(|t| t.chars().count() != 1)) {
        return None;
    }
    let key: String = tokens.concat();
    field(&key).map(|_| (key, v.trim_start()))
}

/// The `label：value` pairs of one header line, after any numbering (`三、`, `（三）`, `3、`,
/// `壹、`). A line may hold several, separated by spaces or tabs (`三、主席：謝署長翠娟   記錄：李小華`);
/// a later pair starts only where whitespace is followed by a known label (see [`field`]) and its
/// colon, so a value that holds a colon of its own stays whole.
fn key_values(s: &str) -> Vec<(String, &str)> {
    let s = unnumbered(s);
    let Some((mut key, mut rest)) = key_value(s) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    'pairs: loop {
        for (i, c) in rest.char_indices() {
            // After whitespace, or after a full stop (`出列席人員:如簽到名冊。主席:吳理事長俊明`).
            let at = match c {
                '。' => i + c.len_utf8(),
                c if c.is_whitespace() => i,
                _ => continue,
            };
            if let Some((k, v)) = later_field(rest[at..].trim_start()) {
                out.push((key, rest[..at].trim()));
                (key, rest) = (k, v.trim());
                continue 'pairs;
            }
        }
        out.push((key, rest));
        return out;
    }
}

/// A Chinese numeral up to 999 (十二 → 12, 一百零五 → 105).
pub(crate) fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "零一二三四五六七八九".find(c).map(|i| (i / 3) as u32).or(match c {
            '〇' => Some(0),
            '兩' => Some(2),
            _ => None,
        })
    };
    let (mut total, mut cur) = (0u32, None::<u32>);
    for c in s.chars() {
        match c {
            '十' => {
                total += cur.unwrap_or(1) * 10;
                cur = None;
            }
            '百' => {
                total += cur.unwrap_or(1) * 100;
                cur = None;
            }
            c => cur = Some(digit(c)?),
        }
    }
    (!s.is_empty()).then(|| total + cur.unwrap_or(0))
}

pub(crate) fn chinese_numeral(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n > 10 { D[(n % 10) as usize] } else { "" }),
        20..=99 => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if !n.is_multiple_of(10) {
                D[(n % 10) as usize]
            } else {
                ""
            }
        ),
        _ => n.to_string(),
    }
}

/// An ordinal of a title: `第2屆`, `第1次`, `第6會期`, `第3期`, with its byte span in the title
/// and its number (Arabic, full-width or Chinese numerals).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TitleOrdinal {
    pub start: usize,
    pub end: usize,
    pub number: Option<u32>,
    pub unit: &'static str,
}

/// The ordinals of a title, in order: `高雄市議會第 2 屆第 1 次定期大會第 44 次會議紀錄` has
/// 第 2 屆, 第 1 次 and 第 44 次.
pub(crate) fn title_ordinals(title: &str) -> Vec<TitleOrdinal> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = title[at..].find('第') {
        let from = at + i;
        let after = &title[from + '第'.len_utf8()..];
        let n = after
            .char_indices()
            .find(|&(_, c)| {
                // (Sittings held together: `第1、2次`, `第26、 、27、 、28 次`.)
                !(c.is_ascii_digit()
                    || ('０'..='９').contains(&c)
                    || "零一二三四五六七八九十百〇兩".contains(c)
                    || c == ' '
                    || c == '、')
            })
            .map(|(j, _)| j)
            .unwrap_or(after.len());
        let rest = &after[n..];
        match ["次", "屆", "會期", "期"].into_iter().find(|u| rest.starts_with(u)) {
            Some(unit) if n > 0 => {
                let end = from + '第'.len_utf8() + n + unit.len();
                out.push(TitleOrdinal {
                    start: from,
                    end,
                    number: ordinal_number(&after[..n]),
                    unit,
                });
                at = end;
            }
            _ => at = from + '第'.len_utf8(),
        }
    }
    out
}

/// `4`, `４`, ` 44 `, `十二`, `二七五0` (numerals digit by digit, an Arabic 0 among them) → the number;
/// sittings held together (`1、2`) are numbered by the first.
fn ordinal_number(n: &str) -> Option<u32> {
    let n: String = ascii_digits(n).chars().filter(|c| !c.is_whitespace()).collect();
    let n = n.split('、').find(|p| !p.is_empty())?;
    if let Ok(v) = n.parse::<u32>() {
        return Some(v);
    }
    if let Some(v) = chinese_number(n) {
        return Some(v);
    }
    let digits: Option<String> = n
        .chars()
        .map(|c| match c {
            '0'..='9' => Some(c),
            '〇' | '零' => Some('0'),
            c => "一二三四五六七八九".find(c).map(|i| char::from(b'1' + (i / 3) as u8)),
        })
        .collect();
    digits.and_then(|d| d.parse().ok())
}

/// The meeting's number: its title's last `第N次` (`第4次`, `第４次`, `第十二次`); in
/// `…第十五次臨時大會第四次會議紀錄` the sitting's, 4, not the session's.
fn meeting_number(title: &str) -> Option<u32> {
    title_ordinals(title)
        .iter()
        .rev()
        .find(|o| o.unit == "次")
        .and_then(|o| o.number)
}

/// The numbers a record's slug ends with: every ordinal of its title up to the meeting's number,
/// joined by `-` (`第 2 屆第 1 次定期大會第 44 次會議` → `2-1-44`; `第4次主管會議` → `4`), so that the
/// sittings of different sessions, which each number from 1, get different slugs.
pub(crate) fn slug_numbers(title: &str) -> Option<String> {
    let ords = title_ordinals(title);
    let last = ords.iter().rposition(|o| o.unit == "次" && o.number.is_some())?;
    let numbers: Option<Vec<String>> = ords[..=last].iter().map(|o| o.number.map(|n| n.to_string())).collect();
    numbers.map(|n| n.join("-"))
}

/// A date in the text: 113年9月11日 (民國), 2024年9月11日, 2024/9/11, 2024-09-11, 113.9.11.
/// Returns it and the byte offset (in the ASCII-digit form) just after it. A real date outside
/// the years the front-matter accepts (before 1912, after [`calendar::LAST_YEAR`]) comes back as
/// the reason it is refused, so that the caller leaves it out instead of guessing.
#[cfg(test)]
pub(crate) fn find_date(s: &str) -> Option<(Result<NaiveDate, crate::messages::Msg>, usize)> {
    find_date_span(s).map(|(d, _, e)| (d, e))
}

/// [`find_date`] with the byte offset where the date starts (in the [`date_digits`] form, as the end).
fn find_date_span(s: &str) -> Option<(Result<NaiveDate, crate::messages::Msg>, usize, usize)> {
    let s = date_digits(s);
    let b = s.as_bytes();
    let num = |at: usize| -> Option<(u32, usize)> {
        let end = s[at..]
            .find(|c: char| !c.is_ascii_digit())
            .map(|e| at + e)
            .unwrap_or(s.len());
        (end > at && end - at <= 4)
            .then(|| (s[at..end].parse().ok(), end))
            .and_then(|(v, e)| Some((v?, e)))
    };
    let skip_ws = |at: usize| -> usize {
        s[at..]
            .find(|c: char| !c.is_whitespace())
            .map(|e| at + e)
            .unwrap_or(s.len())
    };
    let sep = |at: usize, options: &[&str]| -> Option<(&'static str, usize)> {
        let at = skip_ws(at);
        for &o in options {
            if s[at..].starts_with(o) {
                let o: &'static str = match o {
                    "年" => "年",
                    "月" => "月",
                    "日" => "日",
                    "/" => "/",
                    "-" => "-",
                    _ => ".",
                };
                return Some((o, skip_ws(at + o.len())));
            }
        }
        None
    };
    let mut i = 0;
    while i < b.len() {
        let starts_run = b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit());
        if starts_run {
            if let Some(found) = (|| {
                let (y, e) = num(i)?;
                let (s1, e) = sep(e, &["年", "/", "-", "."])?;
                let (m, e) = num(e)?;
                let second: &[&str] = if s1 == "年" { &["月"] } else { &[s1] };
                let (_, e) = sep(e, second)?;
                let (d, mut e) = num(e)?;
                if s1 == "年" {
                    if let Some((_, e2)) = sep(e, &["日"]) {
                        e = e2;
                    }
                }
                let roc = y < 1000;
                let y = if roc { y as i32 + calendar::ROC_OFFSET } else { y as i32 };
                let date = NaiveDate::from_ymd_opt(y, m, d)?;
                let written = s[i..e].trim();
                Some((calendar::check_year(written, y, roc).map(|()| date), i, e))
            })() {
                return Some(found);
            }
        }
        i += s[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
    }
    None
}

/// The date a title carries: written as a date (`113年9月11日`, `2024/9/11`), or as a run of
/// digits alone (`20140402`, Western; `1130911`, the Republic's year) that is a valid date.
fn title_date(title: &str) -> Option<NaiveDate> {
    if let Some((Ok(d), _, _)) = find_date_span(title) {
        return Some(d);
    }
    digit_run_date(&date_digits(title)).map(|(d, _, _)| d)
}

/// The first run of 8 digits (a Western year) or 7 (the Republic's) that is a valid date, with its
/// byte span: `20140402`, `1130911`, and a date whose 年, 月 and 日 a web page lost
/// (`民國1061021(星期六)`).
fn digit_run_date(s: &str) -> Option<(NaiveDate, usize, usize)> {
    let mut from = 0;
    while let Some(at) = s[from..].find(|c: char| c.is_ascii_digit()).map(|a| from + a) {
        let run_len = s[at..].find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len() - at);
        let run = &s[at..at + run_len];
        let part = |r: std::ops::Range<usize>| run[r].parse::<u32>().ok();
        let date = match run.len() {
            8 => part(0..4).filter(|y| (1900..=2100).contains(y)).map(|y| y as i32),
            7 => part(0..3)
                .filter(|y| (1..=199).contains(y))
                .map(|y| y as i32 + calendar::ROC_OFFSET),
            _ => None,
        }
        .and_then(|y| {
            let n = run.len();
            NaiveDate::from_ymd_opt(y, part(n - 4..n - 2)?, part(n - 2..n)?)
        });
        if let Some(d) = date {
            return Some((d, at, at + run_len));
        }
        from = at + run_len;
    }
    None
}

/// A Republic date whose 年, 月 and 日 a web page lost, written in fewer than 7 digits after 民國
/// (`民國10139日(星期五)`: 101年3月9日; `民國99416`): the year is the first two or three digits, the
/// month and the day one or two each, the run read whole. It is taken only when one reading alone
/// is a valid date (on the weekday written after it, if one is): `10139` can only be 101-3-9, while
/// `101112` (101-11-2 or 101-1-12) is taken only if its weekday says which.
fn short_run_date(s: &str) -> Option<(NaiveDate, usize, usize)> {
    let at = s.find("民國")? + "民國".len();
    let start = at + s[at..].len() - s[at..].trim_start().len();
    let len = s[start..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(s.len() - start);
    let run = &s[start..start + len];
    if !(4..=6).contains(&run.len()) {
        return None;
    }
    let weekday = weekday_named(&s[start + len..]);
    let mut found = Vec::new();
    for year_digits in [2, 3] {
        for month_digits in [1, 2] {
            let day_digits = run.len() as i32 - year_digits - month_digits;
            if !(1..=2).contains(&day_digits) {
                continue;
            }
            let (y, m) = (year_digits as usize, month_digits as usize);
            let (Ok(year), Ok(month), Ok(day)) = (
                run[..y].parse::<i32>(),
                run[y..y + m].parse::<u32>(),
                run[y + m..].parse::<u32>(),
            ) else {
                continue;
            };
            // A year of three digits is 100 to 199 (2011–2110); two with a leading 0 are no year.
            if (y == 3 && !(100..=199).contains(&year)) || (y == 2 && year < 10) {
                continue;
            }
            let Some(date) = NaiveDate::from_ymd_opt(year + calendar::ROC_OFFSET, month, day) else {
                continue;
            };
            if weekday.is_none_or(|w| w == date.weekday().num_days_from_monday()) {
                found.push(date);
            }
        }
    }
    found.dedup();
    // The 日 the page kept after the run is the date's (`10139日`).
    let end = start
        + len
        + if s[start + len..].starts_with('日') {
            '日'.len_utf8()
        } else {
            0
        };
    (found.len() == 1).then(|| (found[0], start, end))
}

/// The text with full-width digits as ASCII ([`ascii_digits`]), and Chinese numerals written
/// before a date or time unit (年 月 日 時 點 分) as Arabic ones, digit by digit or by place:
/// 一一三年十二月三日 → 113年12月3日, 民國一百十三年 → 民國113年, 二〇二四年 → 2024年,
/// 下午二時三十分 → 下午2時30分. Other numerals (第一次, 星期三) stay as they are.
fn date_digits(s: &str) -> String {
    let s = unspaced_digits(&ascii_digits(s));
    let is_numeral = |c: char| "〇零一二三四五六七八九十百兩".contains(c);
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_numeral(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let j = (i..chars.len()).find(|&j| !is_numeral(chars[j])).unwrap_or(chars.len());
        let run: String = chars[i..j].iter().collect();
        let value = matches!(chars.get(j), Some('年' | '月' | '日' | '時' | '點' | '分'))
            .then(|| {
                if run.contains(['十', '百']) {
                    chinese_number(&run)
                } else {
                    run.chars()
                        .map(|c| chinese_number(&c.to_string()))
                        .try_fold(0u32, |n, d| Some(n.checked_mul(10)? + d?))
                }
            })
            .flatten();
        match value {
            Some(n) => out.push_str(&n.to_string()),
            None => out.push_str(&run),
        }
        i = j;
    }
    out
}

/// The text with the spaces between digits written one at a time closed up: `中華民國 1 0 1 年` →
/// `中華民國 101 年`, as a justified or typed-out page spaces a number's digits (with full-width
/// spaces too, `１　０　１`, once [`ascii_digits`] made them ASCII). Only single digits are joined,
/// across one or two spaces on the line: `104 年 06 月` and `9時 10分` stay as they are.
fn unspaced_digits(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let single = |i: usize| {
        chars[i].is_ascii_digit()
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 1).is_none_or(|c| !c.is_ascii_digit())
    };
    let gap = |c: char| c.is_whitespace() && c != '\n' && c != '\r';
    // The next single digit after the spaces that follow `i`, if one or two spaces lead to it.
    let next_single = |i: usize| {
        let j = (i + 1..chars.len()).find(|&j| !gap(chars[j])).unwrap_or(chars.len());
        (j > i + 1 && j <= i + 3 && j < chars.len() && single(j)).then_some(j)
    };
    // A digit next to a date's or time's separator is a part of its own (`2024/9/1 9:30`).
    let separator = |c: Option<&char>| c.is_some_and(|c| "/.-:~".contains(*c));
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if single(i) {
            let mut run = vec![i];
            while let Some(j) = next_single(*run.last().unwrap_or(&i)) {
                run.push(j);
            }
            let last = *run.last().unwrap_or(&i);
            let apart = run.len() >= 2
                && !separator(i.checked_sub(1).and_then(|p| chars.get(p)))
                && !separator(chars.get(last + 1));
            if apart {
                out.extend(run.iter().map(|&k| chars[k]));
            } else {
                out.extend(&chars[i..=last]);
            }
            i = last + 1;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// A time in the text: 上午10時30分, 下午2時, 12時 15分, 14:30. 下午/晚上 add 12 except to 12時.
/// Returns (hour, minute) and the byte offset after it.
pub(crate) fn find_time(s: &str) -> Option<((u32, u32), usize)> {
    times(s).first().map(|t| (t.0, t.2))
}

/// Every time in the text, in order, as ((hour, minute), start, end) byte offsets in the
/// [`date_digits`] form. A period word (上午, 下午) holds for the times after it until the next
/// one: 下午2時至5時 is 14:00 and 17:00.
fn times(s: &str) -> Vec<((u32, u32), usize, usize)> {
    let s = date_digits(s);
    let mut out = Vec::new();
    let mut period: Option<&str> = None;
    // Where the last period word ends: an hour right after it may be written bare (`上午9`).
    let mut period_end = None;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        for p in ["上午", "早上", "中午", "下午", "晚上", "晚間", "傍晚"] {
            if rest.starts_with(p) {
                period = Some(p);
                period_end = Some(i + p.len());
            }
        }
        if let Some((p, len)) = latin_period(&s, i) {
            period = Some(p);
            period_end = Some(i + len);
        }
        let Some(c) = rest.chars().next() else { break };
        let starts_run = c.is_ascii_digit() && (i == 0 || !s.as_bytes()[i - 1].is_ascii_digit());
        if starts_run {
            let end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
            let Ok(h) = rest[..end].parse::<u32>() else {
                i += end;
                continue;
            };
            let after = rest[end..].trim_start();
            let after_at = s.len() - after.len();
            // An hour written without its 時, right after its period word, where the text ends
            // or a range goes on (`上午9`, as a web page that lost its 時 gives it): the hour.
            let bare = period_end == Some(s[..i].trim_end().len())
                && (after.is_empty() || after.starts_with(['至', '到', '~', '～', '－', '起', '(', '（']));
            let unit = ["時", "點", ":"]
                .iter()
                .find(|u| after.starts_with(**u))
                .or(bare.then_some(&""));
            if let Some(u) = unit {
                let mut at = after_at + u.len();
                let tail = s[at..].trim_start();
                let mut m = 0;
                let mend = tail.find(|c: char| !c.is_ascii_digit()).unwrap_or(tail.len());
                if mend > 0 && mend <= 2 {
                    let mm: u32 = tail[..mend].parse().unwrap_or(60);
                    let t2 = tail[mend..].trim_start();
                    if *u == ":" || t2.starts_with('分') {
                        m = mm;
                        at = s.len() - t2.len() + if t2.starts_with('分') { '分'.len_utf8() } else { 0 };
                    }
                } else if tail.starts_with('半') {
                    m = 30;
                    at = s.len() - tail.len() + '半'.len_utf8();
                }
                // A period written after the time (`1:30 PM`) is its own.
                let gap = s[at..].len() - s[at..].trim_start().len();
                let suffix = latin_period(&s, at + gap).filter(|&(_, len)| {
                    !s[at + gap + len..]
                        .trim_start()
                        .starts_with(|c: char| c.is_ascii_digit())
                });
                if let Some((p, len)) = suffix {
                    period = Some(p);
                    at += gap + len;
                    period_end = Some(at);
                }
                let h = match period {
                    Some("下午" | "晚上" | "晚間" | "傍晚" | "PM") if h < 12 => h + 12,
                    // 12 AM is midnight (12 PM is noon, as 12 stays).
                    Some("AM") if h == 12 => 0,
                    _ => h,
                };
                if h < 24 && m < 60 && !(*u != ":" && s[..i].ends_with('年')) {
                    out.push(((h, m), i, at));
                    i = at;
                    continue;
                }
            }
        }
        i += c.len_utf8();
    }
    out
}

/// A period written in Latin letters at byte `at` of `s`: `AM`, `PM`, `a.m.`, `P.M.` (any case),
/// not inside a word (`AMD`, `NPM`), as `AM` or `PM` and its length.
fn latin_period(s: &str, at: usize) -> Option<(&'static str, usize)> {
    let rest = s.get(at..)?;
    if s[..at].chars().next_back().is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let b = rest.as_bytes();
    let p = match b.first()?.to_ascii_uppercase() {
        b'A' => "AM",
        b'P' => "PM",
        _ => return None,
    };
    let len = if b.get(1).is_some_and(|c| c.eq_ignore_ascii_case(&b'M')) {
        2
    } else if b.get(1) == Some(&b'.') && b.get(2).is_some_and(|c| c.eq_ignore_ascii_case(&b'M')) {
        if b.get(3) == Some(&b'.') {
            4
        } else {
            3
        }
    } else {
        return None;
    };
    (!b.get(len).is_some_and(|c| c.is_ascii_alphabetic())).then_some((p, len))
}

fn hhmm((h, m): (u32, u32)) -> String {
    format!("{h:02}:{m:02}")
}

/// 星期三 / 週三 / （三） in the date line, as a weekday number from Monday = 0.
fn weekday_named(s: &str) -> Option<u32> {
    for key in ["星期", "禮拜", "週", "周"] {
        if let Some(i) = s.find(key) {
            let c = s[i + key.len()..].chars().next()?;
            return "一二三四五六日天".find(c).map(|p| ((p / 3) as u32).min(6));
        }
    }
    None
}

/// Split a list of people on 、 ， , ； outside brackets, keeping notes such as （公差） with their
/// person. A list with none of those separators is split on whitespace (`劉書彬 陳秀寳`), where a
/// lone character joins the next one (a two-character name padded to align, `余 天`) and a Latin
/// word stays with the name before it (`伍麗華Saidhai Tahovecahe`).
#[cfg(test)]
fn split_people(s: &str) -> Vec<String> {
    people_of(s).0
}

/// [`split_people`], and whether the list had role headings that are no one's name (`(理事長)
/// 朱有花 （…） (常務理事) 呂聖元 …`, see [`split_on_spaces`]): a line with those stays in the body,
/// where the roles are kept.
fn people_of(s: &str) -> (Vec<String>, bool) {
    if let Some(groups) = post_groups(s) {
        return (groups, false);
    }
    if let Some(groups) = colon_groups(s) {
        return (groups, false);
    }
    // Entries that name no group, then groups (`本會議員(詳議員出缺席表) 本 會：郭秘書長伊彬 …`).
    if let Some(at) = later_group(s) {
        if let Some(groups) = colon_groups(&s[at..]) {
            let (mut out, headings) = people_of(&s[..at]);
            out.extend(groups);
            return (out, headings);
        }
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0i32;
    let mut separated = false;
    for c in s.chars() {
        match c {
            '（' | '(' | '「' | '【' => depth += 1,
            '）' | ')' | '」' | '】' => depth -= 1,
            _ => {}
        }
        if depth <= 0 && "、，,；;".contains(c) {
            separated = true;
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    // A list whose every piece is a count (`會議代表總額173人,實到133(詳如後附出列席名單)`)
    // names nobody: it is one statement, as written.
    if separated
        && out
            .iter()
            .all(|p| p.chars().any(|c| c.is_ascii_digit() || c.is_numeric()))
    {
        let whole = s.trim().trim_end_matches(['。', '.']).trim();
        return if whole.is_empty() {
            (Vec::new(), false)
        } else {
            (vec![whole.to_string()], false)
        };
    }
    let mut headings = false;
    if !separated {
        (out, headings) = split_on_spaces(&out[0]);
    } else {
        out = out.iter().flat_map(|p| split_groups(p)).collect();
        let mut split = Vec::new();
        for p in out {
            let (entries, h) = role_headings_out(&p);
            headings |= h;
            split.extend(entries);
        }
        out = split;
    }
    let out = out
        .into_iter()
        .map(|p| p.trim().trim_end_matches(['。', '.']).trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    (out, headings)
}

/// Put `person` into the front-matter's `list`: `陳文章委員(請假)` in a list of those present is on
/// leave, as the note says (kept as written); a note naming someone else (`邢泰釗(部長請假)`: he came
/// for his minister) leaves the entry where it is.
fn add_person(fm: &mut FrontMatter, list: Field, person: String) {
    let note = |n: &str| {
        [format!("({n})"), format!("（{n}）")]
            .iter()
            .any(|s| person.ends_with(s.as_str()))
    };
    let list = match list {
        Field::Attendees if note("請假") => Field::OnLeave,
        Field::Attendees if note("缺席") => Field::Absent,
        other => other,
    };
    let into = match list {
        Field::Attendees => &mut fm.attendees,
        Field::Observers => &mut fm.observers,
        Field::OnLeave => &mut fm.on_leave,
        _ => &mut fm.absent,
    };
    into.push(person);
}

/// An entry of a list written with 、 without the role headings in it: a short bracket standing as
/// a word of its own before a name (`(理事) 王祥宇`, and `管一政 (常務理事) 許瑞榮`, two entries where a
/// page's lines, a role a line, ran together) is no one's name; the names around it are entries
/// of their own. A bracket after its name (`陳林文 （臺灣師範大學地科系）`, `彭慰(代)`) stays its note.
fn role_headings_out(entry: &str) -> (Vec<String>, bool) {
    let mut tokens: Vec<&str> = Vec::new();
    for t in entry.split_whitespace() {
        match leading_brackets(t) {
            Some(n) if n < t.len() => tokens.extend([&t[..n], &t[n..]]),
            _ => tokens.push(t),
        }
    }
    let heading = |i: usize| {
        let t = tokens[i];
        only_brackets(t)
            && t.chars().count() <= 8
            && !t.chars().any(|c| c.is_ascii_digit())
            && tokens.get(i + 1).is_some_and(|n| !only_brackets(n))
    };
    if !(0..tokens.len()).any(heading) {
        return (vec![entry.to_string()], false);
    }
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for (i, token) in tokens.iter().enumerate() {
        if heading(i) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(token);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    (out, true)
}

/// The byte length of the brackets a word opens with (`（秘書長）` of `（秘書長）高筱茵`), if it opens
/// with one.
fn leading_brackets(token: &str) -> Option<usize> {
    if !token.starts_with(['（', '(']) {
        return None;
    }
    let mut depth = 0i32;
    let mut end = None;
    for (i, c) in token.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => {
                depth -= 1;
                if depth == 0 {
                    end = Some(i + c.len_utf8());
                }
            }
            _ if depth == 0 => break,
            _ => {}
        }
    }
    end
}

/// A word that is only brackets (`（中研院天文及天文物理研究所）`, `（清華大學天文所）(請假)`,
/// `(理事長)`): a note, or a role heading; no name.
fn only_brackets(token: &str) -> bool {
    let mut depth = 0i32;
    let mut any = false;
    for c in token.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ if depth <= 0 => return false,
            _ => {}
        }
        any = true;
    }
    any && depth == 0 && token.starts_with(['（', '('])
}

/// `市政府：市長鄭文燦…`, `本 會：秘書長…`: the name of a body heading its group of a list of people
/// (its padding gone: `本會`) and the rest after its colon. The name is short (two to five
/// characters), names a body (it ends in 府, 會, 局, 處, 室, 所, 院, 部, 署 or 校) and is no field of
/// the header (`主席：`, `紀錄：`).
pub(crate) fn group_head(s: &str) -> Option<(String, &str)> {
    let (head, rest) = s.split_once(['：', ':'])?;
    let tokens: Vec<&str> = head.split_whitespace().collect();
    if tokens.is_empty() || (tokens.len() > 1 && tokens.iter().any(|t| t.chars().count() != 1)) {
        return None;
    }
    let name: String = tokens.concat();
    let body = name.ends_with(['府', '會', '局', '處', '室', '所', '院', '部', '署', '校']);
    let han = name.chars().all(|c| !c.is_ascii() && c.is_alphabetic());
    (body && han && (2..=5).contains(&name.chars().count()) && field(&name).is_none()).then_some((name, rest))
}

/// A list of people grouped by body under colon labels, as a council lists its observers after
/// an empty `列席：` (`市政府：市長鄭文燦、副市長王明德、… 本 會：秘書長孫惠生、議事組主任卓達銘
/// 法制室主任廖錦秀`): each group's entries, the first with the group's name (`市政府：市長鄭文燦`,
/// `本會：秘書長孫惠生`, as `本會－…` groups are kept). Within a group, entries are split on 、，,；
/// and on the spaces between entries that each name a post (`議事組主任卓達銘 法制室主任廖錦秀`,
/// a line break between two) or a unit and its person (`法規研究室 傅編審然煇`). `None` when the
/// list does not open with a group.
/// A line of `post：name` entries, one or more separated by spaces (`秘書長：蘇麗瓊`, `秘書長：王金德
/// 法規室主任：洪樹林`, `研究發展考核委員會主任委員：黃銘材代`): each post a few Chinese words and
/// no header field, each name two to six Chinese characters.
pub(crate) fn post_entries(s: &str) -> Option<Vec<&str>> {
    let entries: Vec<&str> = s.split_whitespace().collect();
    let han = |t: &str| t.chars().all(|c| !c.is_ascii() && c.is_alphabetic());
    let all = !entries.is_empty()
        && entries.iter().all(|e| {
            e.split_once(['：', ':']).is_some_and(|(post, name)| {
                han(post)
                    && (2..=20).contains(&post.chars().count())
                    && field(post).is_none()
                    && group_head(e).is_none_or(|(_, rest)| !rest.is_empty())
                    && han(name)
                    && (2..=6).contains(&name.chars().count())
            })
        });
    all.then_some(entries)
}

/// A list of groups each named alone, its people `post：name` after it (臺北市議會's `市政府：
/// 秘書長：蘇麗瓊 副秘書長：李文英 … 本會： 秘書長：王金德 …`, the lines joined): the entries,
/// each group's name with its first, as [`colon_groups`] keeps them (`市政府：秘書長：蘇麗瓊`).
pub(crate) fn post_groups(s: &str) -> Option<Vec<String>> {
    post_groups_so_far(s).filter(|(_, open)| !open).map(|(out, _)| out)
}

/// [`post_groups`] of a list still being read: also when its last group has no one yet (`市政府：`
/// alone, its people on the lines after it), which the `bool` says.
pub(crate) fn post_groups_so_far(s: &str) -> Option<(Vec<String>, bool)> {
    let mut out = Vec::new();
    let mut group: Option<String> = None;
    let mut named = false;
    for token in s.split_whitespace() {
        if let Some((name, _)) = group_head(token).filter(|(_, rest)| rest.is_empty()) {
            if group.is_some() && !named {
                return None;
            }
            let colon = if token.contains('：') { '：' } else { ':' };
            group = Some(format!("{name}{colon}"));
            named = false;
            continue;
        }
        let g = group.as_ref()?;
        post_entries(token)?;
        out.push(if named {
            token.to_string()
        } else {
            format!("{g}{token}")
        });
        named = true;
    }
    group.is_some().then_some((out, !named))
}

/// Where a group by body (see [`group_head`]) begins after the start of a list's value, at a space:
/// `本會議員(詳議員出缺席表) 本 會：郭秘書長伊彬` → the offset of `本 會：`.
pub(crate) fn later_group(s: &str) -> Option<usize> {
    s.char_indices().find_map(|(i, c)| {
        let at = i + c.len_utf8();
        (c.is_whitespace()
            && !s[at..].starts_with(char::is_whitespace)
            && group_head(&s[at..]).is_some_and(|(_, rest)| !rest.trim().is_empty()))
        .then_some(at)
    })
}

fn colon_groups(s: &str) -> Option<Vec<String>> {
    group_head(s)?;
    // Where each group begins: at the start, or after a space, at a group's name and colon.
    let mut starts = vec![0];
    for (i, c) in s.char_indices() {
        let at = i + c.len_utf8();
        if c.is_whitespace() && group_head(&s[at..]).is_some() && !s[at..].starts_with(char::is_whitespace) {
            starts.push(at);
        }
    }
    starts.push(s.len());
    let mut out = Vec::new();
    for w in starts.windows(2) {
        let (name, rest) = group_head(&s[w[0]..w[1]])?;
        // A group's name is kept with its first entry: a group without one is no such list.
        if rest.trim().is_empty() {
            return None;
        }
        let colon = if s[w[0]..w[1]].contains('：') { '：' } else { ':' };
        let mut entries = Vec::new();
        let mut cur = String::new();
        let mut depth = 0i32;
        for c in rest.chars() {
            match c {
                '（' | '(' | '「' | '【' => depth += 1,
                '）' | ')' | '」' | '】' => depth -= 1,
                _ => {}
            }
            if depth <= 0 && "、，,；;".contains(c) {
                entries.push(std::mem::take(&mut cur));
            } else {
                cur.push(c);
            }
        }
        entries.push(cur);
        let mut first = true;
        for e in entries {
            for mut e in split_posts(e.trim()) {
                e = e.trim().trim_end_matches(['。', '.']).trim().to_string();
                if e.is_empty() {
                    continue;
                }
                if std::mem::take(&mut first) {
                    e = format!("{name}{colon}{e}");
                }
                out.push(e);
            }
        }
    }
    Some(out)
}

/// An entry of a group written with spaces between several entries (`議事組主任卓達銘 法制室主任廖錦秀`,
/// `郭秘書長伊彬 法規研究室 傅編審然煇`): each that names a post, or a unit and its person; else the
/// entry as written.
fn split_posts(e: &str) -> Vec<String> {
    use super::text::{has_post, unit_and_name};
    let words: Vec<&str> = e.split_whitespace().collect();
    if words.len() < 2 {
        return vec![e.to_string()];
    }
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if i + 1 < words.len() && !has_post(words[i]) && unit_and_name(&format!("{} {}", words[i], words[i + 1])) {
            out.push(format!("{} {}", words[i], words[i + 1]));
            i += 2;
        } else if has_post(words[i]) && words[i].chars().count() >= 4 {
            out.push(words[i].to_string());
            i += 1;
        } else {
            return vec![e.to_string()];
        }
    }
    out
}

/// A list entry that holds two groups of a list by body (`市政府－市長陳菊等（如簽到簿） 本 會－副秘書長…`:
/// a wrapped line began the second), split where a space comes before a body's name and its dash;
/// the name's padding goes (`本 會` → `本會`).
fn split_groups(s: &str) -> Vec<String> {
    let tokens: Vec<&str> = s.split_whitespace().collect();
    let han = |t: &str| !t.is_empty() && t.chars().all(|c| !c.is_ascii() && c.is_alphabetic());
    let lone = |t: &str| han(t) && t.chars().count() == 1;
    let dash = |t: &str| {
        t.split_once('－')
            .is_some_and(|(h, _)| han(h) && h.chars().count() <= 5)
    };
    // Where each group begins: at a token `X－…`, or at the lone characters of a padded name
    // just before it.
    let mut starts = Vec::new();
    for (j, t) in tokens.iter().enumerate() {
        if dash(t) {
            let mut k = j;
            while k > 0 && lone(tokens[k - 1]) {
                k -= 1;
            }
            starts.push((k, j));
        }
    }
    if !starts.iter().any(|&(k, _)| k > 0) {
        return vec![s.to_string()];
    }
    let mut out = Vec::new();
    let mut bounds: Vec<usize> = starts.iter().map(|&(k, _)| k).filter(|&k| k > 0).collect();
    bounds.insert(0, 0);
    bounds.push(tokens.len());
    for w in bounds.windows(2) {
        let seg = &tokens[w[0]..w[1]];
        // A padded name is written whole: `本 會－…` → `本會－…`.
        let name = seg.iter().take_while(|t| lone(t)).count();
        let entry = if name > 0 && name < seg.len() && dash(seg[name]) {
            let mut e = seg[..=name].concat();
            for t in &seg[name + 1..] {
                e.push(' ');
                e.push_str(t);
            }
            e
        } else {
            seg.join(" ")
        };
        out.push(entry);
    }
    out
}

/// Names separated by spaces. A romanised name goes on with the name before it, a lone character
/// with the lone one before it (`余 天`), and a count with its words (`議員林武忠等 62 人（如簽到簿）`:
/// the number is no name, nor is the 人 after it).
///
/// A word that is only brackets is the note of the name before it (`朱有花 （中研院天文及天文物理研究所）`,
/// `潘國全 （秘書長）`, as 中華民國天文學會 lists its council), unless it heads the names after it: a
/// short bracket (a role, `(理事長)`, `（監事）`) before a name, first in the list, after an entry
/// that has its note already, or anywhere in a list that opens with one. Such a heading is no one's name and no entry; the second value
/// returned says the list had one.
fn split_on_spaces(s: &str) -> (Vec<String>, bool) {
    let mut out: Vec<String> = Vec::new();
    let mut lone = false;
    let mut counted = false;
    let mut headings = false;
    // A bracket that opens a word and closes before more of it (`（秘書長）高筱茵`, where a page's
    // line break between a note and the next name left no space) is a word of its own.
    let mut tokens: Vec<&str> = Vec::new();
    for t in s.split_whitespace() {
        match leading_brackets(t) {
            Some(n) if n < t.len() => tokens.extend([&t[..n], &t[n..]]),
            _ => tokens.push(t),
        }
    }
    let short = |t: &str| t.chars().count() <= 8 && !t.chars().any(|c| c.is_ascii_digit());
    // A list that opens with a role heading heads its names so throughout (`(理事長) 管一政
    // (常務理事) 許瑞榮 曾耀寰`): a short bracket before a name is a heading there, noted or not.
    let led = tokens.first().is_some_and(|t| only_brackets(t) && short(t))
        && tokens.get(1).is_some_and(|t| !only_brackets(t));
    for (i, &token) in tokens.iter().enumerate() {
        if only_brackets(token) {
            let before_a_name = tokens.get(i + 1).is_some_and(|t| !only_brackets(t));
            let noted = led || out.last().is_none_or(|l| l.ends_with(['）', ')']));
            match out.last_mut() {
                _ if before_a_name && noted && short(token) => headings = true,
                Some(last) => {
                    last.push(' ');
                    last.push_str(token);
                }
                None => out.push(token.to_string()),
            }
            lone = false;
            counted = false;
            continue;
        }
        let latin = token.chars().all(|c| c.is_ascii_alphabetic() || ".-'".contains(c));
        let one = token.chars().count() == 1 && !token.is_ascii();
        let number = ascii_digits(token).chars().all(|c| c.is_ascii_digit());
        let count_word = counted && token.starts_with(['人', '位', '名']);
        match out.last_mut() {
            Some(last) if latin || (lone && one) || number || count_word => {
                last.push(' ');
                last.push_str(token);
                lone = false;
            }
            _ => {
                out.push(token.to_string());
                lone = one;
            }
        }
        counted = number;
    }
    (out, headings)
}

/// What a date or time value holds: the date, the start and end times, and whether nothing else
/// is left (so the line can go into the front-matter whole).
struct When {
    date: Option<(Result<NaiveDate, crate::messages::Msg>, usize)>,
    start: Option<(u32, u32)>,
    end: Option<(u32, u32)>,
    whole: bool,
}

/// Read `113年9月11日（星期三）上午10時30分`, `09時至17時`, `自上午9時起至12時止`: the date, the
/// first time as the start and, after 至 / 到 / ～, the last time as the end. More than two times
/// (a meeting held in sessions) or a second date leave the line in the body.
fn when(v: &str) -> When {
    let d = date_digits(v);
    let mut short = false;
    let date = find_date_span(&d)
        .or_else(|| digit_run_date(&d).map(|(x, a, b)| (Ok(x), a, b)))
        .or_else(|| {
            short = true;
            short_run_date(&d).map(|(x, a, b)| (Ok(x), a, b))
        });
    // Times after a second date belong to another day.
    let first_end = date.as_ref().map(|x| x.2).unwrap_or(0);
    let cut = find_date_span(&d[first_end..])
        .map(|x| first_end + x.1)
        .unwrap_or(d.len());
    let from = date.as_ref().map(|x| x.2).unwrap_or(0);
    let ts: Vec<_> = times(&d[from..cut])
        .into_iter()
        .map(|(t, a, b)| (t, from + a, from + b))
        .collect();
    let start = ts.first().map(|t| t.0);
    let mut end = None;
    if ts.len() >= 2 {
        let between = &d[ts[0].2..ts[ts.len() - 1].1];
        if between.contains(['至', '到', '~', '～', '－', '-', '迄']) {
            let (s, mut e) = (ts[0].0, ts[ts.len() - 1].0);
            if e < s && e.0 < 12 {
                e.0 += 12;
            }
            end = Some(e);
        }
    }
    let mut rest = String::new();
    let mut at = 0;
    let mut spans: Vec<(usize, usize)> = ts.iter().map(|t| (t.1, t.2)).collect();
    if let Some(x) = &date {
        spans.insert(0, (x.1, x.2));
    }
    for (a, b) in spans {
        rest.push_str(&d[at..a.max(at)]);
        at = b.max(at);
    }
    rest.push_str(&d[at..]);
    for w in [
        "中華民國",
        "民國",
        "星期",
        "禮拜",
        "上午",
        "早上",
        "中午",
        "下午",
        "晚上",
        "晚間",
        "傍晚",
    ] {
        rest = rest.replace(w, "");
    }
    // `PM1:30`: the period before a time, in Latin letters.
    let mut latin = String::with_capacity(rest.len());
    let mut at = 0;
    while at < rest.len() {
        match latin_period(&rest, at) {
            Some((_, len)) => at += len,
            None => {
                let c = rest[at..].chars().next().unwrap_or(' ');
                latin.push(c);
                at += c.len_utf8();
            }
        }
    }
    let rest = latin;
    let weekday_or_joint =
        |c: char| c.is_whitespace() || "()（）[]［］一二三四五六日天週周自起至到止迄~～－-—、，,。".contains(c);
    // A date read from a short run of digits is a reading of what the page lost: the line stays
    // in the body beside it, to be checked.
    let whole = ts.len() <= 2 && cut == d.len() && rest.chars().all(weekday_or_joint) && !(short && date.is_some());
    When {
        date: date.map(|(r, _, e)| (r, e)),
        start,
        end,
        whole,
    }
}

/// A list item's marker: a bullet (`-`, `*`, `•`, `・`, `●`…, then a space or not) or a number and
/// its full stop or 、 (`1.`, `1．`, `2、`, `1 .`). Returns whether it was a bullet (no letter
/// or digit in it) and the text after it. `(7)第 03 次會議`, as a gazette numbers its sittings,
/// and `一、`, a part's number, are no list item here.
pub(crate) fn list_marker(t: &str) -> Option<(bool, &str)> {
    let t = t.trim_start();
    if let Some(rest) = t.strip_prefix([
        '-', '－', '–', '*', '＊', '•', '●', '○', '▪', '◦', '■', '□', '◆', '・', '‧', '\u{f0b7}', '\u{f06c}',
    ]) {
        let rest = rest.trim_start();
        // `-3-`, `- 3 -`: a page's number, not a list (page furniture is gone by now anyway).
        return (!rest.is_empty()).then_some((true, rest));
    }
    let digits = t
        .find(|c: char| !(c.is_ascii_digit() || ('０'..='９').contains(&c)))
        .unwrap_or(t.len());
    if digits == 0 || t[..digits].chars().count() > 3 {
        return None;
    }
    let after = t[digits..].trim_start();
    let rest = after
        .strip_prefix(['.', '．'])
        .or_else(|| super::text::strip_list_mark(after))?;
    // `106.5.12`, `3.5 小時`: a date or a decimal, not a number of a list.
    if rest.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        return None;
    }
    Some((false, rest.trim_start()))
}

/// A line numbered as a part (`一、`, `壹、`, `一﹑`), and the text after its number.
fn part_numbered(t: &str) -> Option<&str> {
    let t = t.trim_start();
    match ordinal(t) {
        Some((Ordinal::Chinese | Ordinal::Section, len)) => Some(t[len..].trim_start()),
        _ => None,
    }
}

/// Whether a line names a record (紀錄, 記錄, 議事錄), not a meeting alone nor a decision
/// (`- 大會決議日期`, a form's field).
fn names_record(t: &str) -> bool {
    ["紀錄", "記錄", "議事錄"].iter().any(|w| t.contains(w))
}

/// Whether a header line may be the minutes' title: no field, no sentence, not numbered as a part,
/// more than the words of a title, and naming a record (紀錄, 記錄, 議事錄, 決議) or a numbered
/// meeting.
pub(crate) fn may_be_title(t: &str) -> bool {
    !is_field_line(t)
        && key_value(t).is_none()
        && !t.contains(['，', ',', '。'])
        // A part's heading (`一、各次會議紀錄`, the first part of a council's 議事錄) is
        // numbered as a part (一、, 壹、); a minutes' title never is. (A gazette numbers its
        // entries otherwise: `(7)第 03 次會議` is the sitting's title.)
        && !matches!(
            super::text::ordinal(t),
            Some((super::text::Ordinal::Chinese | super::text::Ordinal::Section, _))
        )
        && {
            // More than the words of a title (`會議紀錄id`, an archive's field name, is none).
            let mut rest = t.to_string();
            for w in ["會議", "紀錄", "記錄", "議事錄", "決議"] {
                rest = rest.replace(w, "");
            }
            rest.chars().filter(|c| !c.is_ascii() && c.is_alphanumeric()).count() >= 2
        }
        && (t.contains("紀錄")
            || t.contains("記錄")
            || t.contains("議事錄")
            || t.contains("決議")
            || (meeting_number(t).is_some() && t.contains("會")))
}

/// The front-matter read from the header, and the header blocks it took whole: those are left out
/// of the body (every value they hold is in the front-matter).
pub(crate) struct Header {
    pub fm: FrontMatter,
    /// Indices into the blocks.
    pub taken: Vec<usize>,
}

/// Read the front-matter from the blocks' header lines (title, number, series, slug, date, time,
/// location, chair, recorder, attendees, observers, on_leave, absent). The end time comes from
/// the time line (`至…`) or else from the 散會 line.
pub(crate) fn read(blocks: &[Block], registry: &ImportRegistry, warnings: &mut Vec<ImportWarning>) -> Header {
    let mut fm = FrontMatter::default();
    let mut taken = Vec::new();
    let header: Vec<(usize, &Block)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.header && !b.table)
        .collect();

    // Title, number, series, slug.
    // The title comes before the labelled lines and is no sentence (a body line that names an
    // earlier meeting, `…在第二七四八次院會中宣示…`, is not a title).
    let first_field = header
        .iter()
        .position(|(_, b)| is_field_line(&b.text))
        .unwrap_or(header.len());
    // Of the lines before the first field that may be the title, the one nearest to the fields
    // that numbers the meeting (a page's breadcrumb, `現在位置 首頁 > … > 研考會委員會議紀錄`, and
    // a summary line above the title are not it), else the first.
    // A list item (`- 第3屆 第7次 定期會`, `• 院會紀錄`, `1.…`) is an entry of a list, a form's value
    // or an agenda's line: it is the title only when no other line may be, and then only when it
    // names a record (`• 立法院…會議紀錄`, a page that bullets every line), not a meeting alone
    // nor a decision. So is a line numbered as a part (`一、各次會議紀錄`, a part's heading), and
    // then only when it also numbers the meeting (`一﹑…第8次午餐供應委員會會議記錄`, a header that
    // numbers every line, its title the first).
    let lines_before: &[(usize, &Block)] = &header[..first_field.max(1).min(header.len())];
    let mut candidates: Vec<(usize, &Block)> = lines_before
        .iter()
        .copied()
        .filter(|(_, b)| list_marker(&b.text).is_none() && may_be_title(&b.text))
        .collect();
    let listed = candidates.is_empty();
    if listed {
        candidates = lines_before
            .iter()
            .copied()
            .filter(|(_, b)| {
                list_marker(&b.text).is_some_and(|(_, rest)| may_be_title(rest) && names_record(rest))
                    || part_numbered(&b.text)
                        .is_some_and(|rest| may_be_title(rest) && names_record(rest) && meeting_number(rest).is_some())
            })
            .collect();
    }
    // A title written twice (a site's heading above the record that repeats the record's own
    // title line) is read from its first occurrence; the repeat stays in the body.
    let title_block = candidates
        .iter()
        .rev()
        .find(|(_, b)| meeting_number(&b.text).is_some())
        .or(candidates.first())
        .and_then(|(_, t)| candidates.iter().find(|(_, b)| b.text.trim() == t.text.trim()))
        .copied();
    match title_block {
        None => warn(warnings, None, Msg::ImportNoTitle),
        Some((bi, b)) => {
            let (title, whole) = match list_marker(&b.text).filter(|_| listed) {
                // A bullet holds no letter: the line goes whole into the title. A number is
                // the list's, not the title's: the line stays in the body.
                Some((bullet, rest)) => (rest, bullet),
                None => match part_numbered(&b.text).filter(|_| listed) {
                    // The first of the header's numbered lines (`一﹑高雄市…第8次…會議記錄` |
                    // `二﹑地點:…`): its number is the header's, and stays with the line in the body.
                    Some(rest) => (rest, false),
                    None => (b.text.trim(), true),
                },
            };
            fm.title = Some(title.to_string());
            if whole {
                taken.push(bi);
            }
            fm.number = meeting_number(title);
            if fm.number.is_none() {
                warn(warnings, Some(b), Msg::ImportNoNumber);
            }
            let mut best: Option<(usize, &super::RegistryName)> = None;
            for s in &registry.series {
                for n in std::iter::once(&s.name).chain(&s.aliases) {
                    if title.contains(n.as_str()) && best.is_none_or(|(len, _)| n.len() > len) {
                        best = Some((n.len(), s));
                    }
                }
            }
            match best {
                Some((_, s)) => {
                    fm.series = Some(s.name.clone());
                    if let Some(n) = slug_numbers(title) {
                        fm.slug = Some(format!("{}-{n}", s.slug));
                    }
                }
                None => {
                    fm.unregistered_series = super::register::series_name(title);
                    let message = match &fm.unregistered_series {
                        Some(s) => Msg::ImportSeriesUnregistered { series: s.clone() },
                        None => Msg::ImportNoSeries,
                    };
                    warn(warnings, Some(b), message)
                }
            }
        }
    }

    // The labelled header lines, each with one or more `label：value` pairs; a line is taken when
    // every one of its pairs went into the front-matter.
    let mut date_seen: Option<&Block> = None;
    let mut time_seen: Option<&Block> = None;
    let mut start = None;
    let mut end = None;
    let mut found = [false; 4];
    let mut pending: Option<Field> = None;
    for &(bi, b) in &header {
        let pairs = key_values(&b.text);
        if pairs.is_empty() {
            continue;
        }
        let mut whole = true;
        for (k, v) in pairs {
            // A numbered role and its people under an empty list label (`三、出席人員姓名：` |
            // `(一)理事：呂聖元、周 翊、…` | `(二)監事：陳文屏、…`): the people are that list's; the role
            // is no one's name, so the line stays in the body.
            if field(&k).is_none() {
                let numbered = ordinal(&b.text).is_some_and(|(o, _)| o != Ordinal::Section);
                if let Some(list) = pending.filter(|_| numbered && !v.trim().is_empty() && k.chars().count() <= 6) {
                    for person in people_of(v).0 {
                        add_person(&mut fm, list, person);
                    }
                    whole = false;
                    continue;
                }
            } else {
                pending = None;
            }
            let took = match field(&k) {
                Some(Field::Date | Field::Time) => {
                    let w = when(v);
                    let mut took = w.whole;
                    let has_date = w.date.is_some();
                    match w.date {
                        Some(_) if fm.date.is_some() => took = false,
                        Some((Err(why), _)) => {
                            warn(warnings, Some(b), Msg::ImportBadDate { why: Box::new(why) });
                            took = false;
                        }
                        Some((Ok(d), _)) => {
                            fm.date = Some(d.format("%Y-%m-%d").to_string());
                            date_seen = Some(b);
                            if let Some(wd) = weekday_named(v) {
                                if wd != d.weekday().num_days_from_monday() {
                                    warn(
                                        warnings,
                                        Some(b),
                                        Msg::ImportWeekdayMismatch {
                                            date: d.format("%Y-%m-%d").to_string(),
                                        },
                                    );
                                }
                            }
                        }
                        None if field(&k) == Some(Field::Date) => {
                            warn(warnings, Some(b), Msg::ImportUnreadableDate);
                            took = false;
                        }
                        None => {}
                    }
                    time_seen.get_or_insert(b);
                    if w.start.is_some() {
                        if start.is_some() {
                            took = false;
                        } else {
                            start = w.start;
                            end = w.end;
                        }
                    } else if !has_date {
                        took = false;
                    }
                    took
                }
                Some(Field::Location) => set(&mut fm.location, v, b, warnings, &k, &mut found[0]),
                Some(Field::Chair) => set(&mut fm.chair, v, b, warnings, &k, &mut found[1]),
                Some(Field::Recorder) => set(&mut fm.recorder, v, b, warnings, &k, &mut found[2]),
                Some(list @ (Field::Attendees | Field::Observers | Field::OnLeave | Field::Absent)) => {
                    found[3] |= list == Field::Attendees;
                    // `出席人員:8人`: a count, no one named: the line stays as it is.
                    // `列席人員:如簽到表`: a pointer to the sign-in sheet, no one named either.
                    let none = matches!(
                        v.trim().trim_end_matches(['。', '.']).trim(),
                        "無" | "無人" | "從缺" | "none" | "None"
                    );
                    let nobody = only_a_count(v) || only_a_sheet(v) || none;
                    let (people, headings) = if nobody { (Vec::new(), false) } else { people_of(v) };
                    if people.is_empty() {
                        warn(warnings, Some(b), Msg::ImportNobody { label: k.clone() });
                    }
                    for person in people {
                        add_person(&mut fm, list, person);
                    }
                    // `三、出席人員姓名：` alone, its people under numbered roles below it.
                    if v.trim().is_empty() {
                        pending = Some(list);
                    }
                    // A label that names the observers' body (`聯安列席`) says what no key holds:
                    // the line stays in the body.
                    // Role headings (`(理事長)`) are in no entry: the line stays, with them.
                    !v.is_empty() && !nobody && observers_of(&k).is_none() && !headings
                }
                None => false,
            };
            whole &= took;
        }
        if whole {
            taken.push(bi);
        }
    }
    let no_line = |labels: &[&str], key: &str| Msg::ImportNoHeaderLine {
        labels: labels.iter().map(|l| l.to_string()).collect(),
        key: key.to_string(),
    };
    for (found, labels, key) in [
        (found[0], &["地點："][..], "location"),
        (found[1], &["主席：", "主持人："][..], "chair"),
        (found[2], &["紀錄："][..], "recorder"),
        (found[3], &["出席人員："][..], "attendees"),
    ] {
        if !found {
            warn(warnings, None, no_line(labels, key));
        }
    }
    if date_seen.is_none() {
        // A minutes' title that carries the date (`20140402-…家長會…會議紀錄`, `113年9月11日…會議紀錄`,
        // as files and blog posts are often named) gives it, with a warning to check it.
        // Only a title that names the record (紀錄, 記錄, 議事錄): a line such as `102.01.16
        // 學生輔導委員會第 33 次會議通過`, atop a regulation, dates an earlier meeting.
        let names_record = |t: &str| ["紀錄", "記錄", "議事錄"].iter().any(|w| t.contains(w));
        match title_block
            .filter(|(_, b)| names_record(&b.text))
            .and_then(|(_, b)| title_date(&b.text).map(|d| (b, d)))
        {
            Some((b, d)) if fm.date.is_none() => {
                let date = d.format("%Y-%m-%d").to_string();
                fm.date = Some(date.clone());
                warn(warnings, Some(b), Msg::ImportDateFromTitle { date });
            }
            _ => warn(warnings, None, no_line(&["日期："], "date")),
        }
    }

    // End time: the time line's 至…, else the 散會 line.
    let adjourn = blocks
        .iter()
        .filter(|b| !b.table)
        .find_map(|b| adjourn_time(&b.text).map(|t| (b, t)));
    if end.is_none() {
        end = adjourn.and_then(|(_, t)| t);
    }
    let adjourn = adjourn.map(|(b, _)| b);
    match (start, end) {
        (Some(s), Some(e)) => fm.time = Some(format!("{}-{}", hhmm(s), hhmm(e))),
        (Some(s), None) => {
            fm.time = Some(hhmm(s));
            match adjourn {
                None => warn(warnings, None, Msg::ImportNoAdjourn),
                Some(b) => warn(warnings, Some(b), Msg::ImportNoAdjournTime),
            }
        }
        (None, _) => {
            if let Some(b) = time_seen.or(date_seen) {
                warn(warnings, Some(b), Msg::ImportNoStartTime);
            }
        }
    }
    taken.sort_unstable();
    Header { fm, taken }
}

/// Whether `text` is the meeting's closing line, and the time it gives: a line that begins with
/// 散會, numbered or not, its label spaced or not (`丁、散會：下午 1 時 8 分。`, `柒、  散會 (下午12時
/// 15分)`, `散 會：中午 12 時`). A sentence that only mentions it (`…俟議案交付完畢後再行散會，請同意案。`)
/// is none.
fn adjourn_time(text: &str) -> Option<Option<(u32, u32)>> {
    let mut t = text.trim();
    if let Some((_, n)) = ordinal(t) {
        t = &t[n..];
    } else if let Some(rest) = super::text::strip_stem_number(t) {
        t = rest;
    }
    let t = t.trim_start();
    let squashed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if squashed.starts_with("散會") {
        let at = t.find('會').map(|i| i + '會'.len_utf8()).unwrap_or(0);
        return Some(find_time(&t[at..]).map(|x| x.0));
    }
    None
}

/// Put a text value into its field; whether it went in (not empty, the field not set before).
fn set(
    field: &mut Option<String>,
    v: &str,
    b: &Block,
    warnings: &mut Vec<ImportWarning>,
    what: &str,
    found: &mut bool,
) -> bool {
    *found = true;
    if v.is_empty() {
        warn(
            warnings,
            Some(b),
            Msg::ImportEmptyLine {
                label: what.to_string(),
            },
        );
        false
    } else if field.is_none() {
        *field = Some(v.to_string());
        true
    } else {
        false
    }
}

/// The units named as 報告單位 / 主辦單位 / 提案單位 (and the 臨時動議 prefixes), in order,
/// resolved through the registry. Unknown names are warned about and left out.
/// The names not in the registry come back second, in order, each once.
pub(crate) fn units(
    blocks: &[Block],
    motions: &[(usize, String)],
    registry: &ImportRegistry,
    warnings: &mut Vec<ImportWarning>,
) -> (Vec<String>, Vec<String>) {
    let mut mentions: Vec<(usize, usize, String)> = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        if b.table {
            continue;
        }
        for key in ["報告單位", "主辦單位", "提案單位"] {
            let mut rest = b.text.as_str();
            while let Some(i) = rest.find(key) {
                let after = rest[i + key.len()..].trim_start();
                rest = &rest[i + key.len()..];
                let Some(value) = after.strip_prefix(['：', ':']) else {
                    continue;
                };
                // The value ends at a full stop or at the bracket it was written in
                // (`（報告單位：秘書處）`); a bracket of its own stays (`臺南市政府（消防局）`).
                let mut depth = 0i32;
                let end = value
                    .char_indices()
                    .find(|&(_, c)| match c {
                        '（' | '(' | '【' => {
                            depth += 1;
                            false
                        }
                        '）' | ')' | '】' if depth > 0 => {
                            depth -= 1;
                            false
                        }
                        '）' | ')' | '】' | '。' | '；' => true,
                        _ => false,
                    })
                    .map(|(j, _)| j)
                    .unwrap_or(value.len());
                for name in value[..end].split(['、', '，', ',', '/', '／']) {
                    let name = name.trim();
                    if !name.is_empty() {
                        mentions.push((bi, i, name.to_string()));
                    }
                }
            }
        }
    }
    // A label for a unit or a person (`提案單位/人：民政課`, `提案人/單位 民政局`, as a council's
    // database prints the field): the minutes model takes a registered unit's name there for a
    // unit, so a name that is a unit's (it ends in 課, 室, 處, 局, 組, 中心…) is proposed as one;
    // a person's (`王大明議員`) is not.
    for (bi, b) in blocks.iter().enumerate() {
        if b.table {
            continue;
        }
        for (name, at, _, _) in crate::minutes::items::mixed_names(&b.text) {
            if find_name(&registry.units, &name).is_some() || unit_like(&name) {
                mentions.push((bi, at, name));
            }
        }
    }
    for (bi, name) in motions {
        mentions.push((*bi, 0, name.clone()));
    }
    mentions.sort_by_key(|m| (m.0, m.1));
    mentions.dedup_by(|a, b| a.0 == b.0 && a.2 == b.2);
    let mut out: Vec<String> = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    for (bi, _, name) in mentions {
        let resolved: Vec<&str> = match find_name(&registry.units, &name) {
            Some(u) => vec![u.name.as_str()],
            None => {
                let parts: Vec<_> = name
                    .split(['及', '與'])
                    .map(|p| find_name(&registry.units, p))
                    .collect();
                if parts.len() > 1 && parts.iter().all(|p| p.is_some()) {
                    parts.into_iter().flatten().map(|u| u.name.as_str()).collect()
                } else {
                    warn(
                        warnings,
                        Some(&blocks[bi]),
                        Msg::ImportUnknownUnit { name: name.clone() },
                    );
                    if !unknown.contains(&name) {
                        unknown.push(name.clone());
                    }
                    vec![]
                }
            }
        };
        for r in resolved {
            if !out.iter().any(|o| o == r) {
                out.push(r.to_string());
            }
        }
    }
    (out, unknown)
}

/// A name that is a unit's by its last word: an office, a section, a bureau (`民政課`, `秘書室`,
/// `工務處`, `消防局`, `第一組`, `資訊中心`, `鄉公所`), two to twelve characters, no person's title.
fn unit_like(name: &str) -> bool {
    let n = name.chars().count();
    let unit = [
        "課", "室", "處", "局", "組", "科", "所", "署", "司", "部", "院", "府", "校", "館", "隊", "站", "中心", "系",
    ];
    let person = [
        "議員", "委員", "代表", "先生", "女士", "里長", "村長", "課長", "處長", "局長", "主任", "組長",
    ];
    (2..=12).contains(&n)
        && name.chars().all(|c| c.is_alphabetic())
        && unit.iter().any(|u| name.ends_with(u))
        && !person.iter().any(|p| name.ends_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_names_by_their_last_word() {
        for n in ["民政課", "秘書室", "工務處", "消防局", "第一組", "資訊中心", "鄉公所"] {
            assert!(unit_like(n), "{n}");
        }
        for n in ["王大明", "王大明議員", "李課長", "民政課、王大明"] {
            assert!(!unit_like(n), "{n}");
        }
    }

    #[test]
    fn dates() {
        let d = |s: &str| find_date(s).map(|x| x.0.unwrap().format("%Y-%m-%d").to_string());
        assert_eq!(d("113年9月11日（星期三）上午10時30分").as_deref(), Some("2024-09-11"));
        assert_eq!(d("１１３年９月１１日").as_deref(), Some("2024-09-11"));
        assert_eq!(d("中華民國113年 9 月 11 日").as_deref(), Some("2024-09-11"));
        assert_eq!(d("2024年9月11日").as_deref(), Some("2024-09-11"));
        assert_eq!(d("2024/9/11").as_deref(), Some("2024-09-11"));
        assert_eq!(d("2024-09-11 14:00").as_deref(), Some("2024-09-11"));
        assert_eq!(d("113年2月30日"), None);
        // Chinese numerals, as formal documents write dates.
        assert_eq!(d("中華民國一一三年十二月三日（星期二）").as_deref(), Some("2024-12-03"));
        assert_eq!(d("民國一百十三年九月十一日").as_deref(), Some("2024-09-11"));
        assert_eq!(d("一百一十三年二月二十九日").as_deref(), Some("2024-02-29"));
        assert_eq!(d("二〇二四年一月五日").as_deref(), Some("2024-01-05"));
        assert_eq!(d("第一次會議"), None);
        assert_eq!(d("上午10時"), None);
        let refused = |s: &str| find_date(s).unwrap().0.unwrap_err().en();
        assert!(refused("1000年1月1日").contains("before 1912-01-01"));
        assert!(refused("０年９月１１日").contains("民國0年"));
        assert!(refused("202/9/11").contains("民國202年, which is 2113"));
        assert!(refused("3024-01-01").contains("after 2100"));
    }

    #[test]
    fn times() {
        let t = |s: &str| find_time(s).map(|x| hhmm(x.0));
        assert_eq!(t("上午10時30分").as_deref(), Some("10:30"));
        assert_eq!(t("下午2時").as_deref(), Some("14:00"));
        assert_eq!(t("散會 (下午12時 15分)").as_deref(), Some("12:15"));
        assert_eq!(t("下午３時１５分").as_deref(), Some("15:15"));
        assert_eq!(t("14:30").as_deref(), Some("14:30"));
        assert_eq!(t("散會"), None);
        assert_eq!(t("下午二時三十分").as_deref(), Some("14:30"));
        assert_eq!(t("上午十時半").as_deref(), Some("10:30"));
        assert_eq!(t("散會（中午十二時十五分）").as_deref(), Some("12:15"));
        assert_eq!(t("下午兩點").as_deref(), Some("14:00"));
        let a = |s: &str| adjourn_time(s).map(|t| t.map(hhmm));
        // (Closing lines of tests/corpus: 高雄市議會's, 宜蘭縣議會's, NTU's; a motion of 高雄市議會's.)
        assert_eq!(a("丁、散會：下午 1 時 8 分。"), Some(Some("13:08".into())));
        assert_eq!(a("柒、  散會 (下午12時 15分)"), Some(Some("12:15".into())));
        assert_eq!(a("散 會：下午 04 時 56 分"), Some(Some("16:56".into())));
        assert_eq!(a("貳、散會"), Some(None));
        assert_eq!(
            a("主席康議長裕成於中午 12 時 26 分提：擬延長開會時間，俟議案交付完畢後再行散會，請同意案。"),
            None
        );
    }

    /// A date and time whose 年, 月, 日 and 時 a web page lost (國立臺灣大學校務會議's
    /// `時間:民國1061021(星期六)上午9`, the fifth held-out round): the digits are the date, the
    /// hour after its period word is the hour. An hour without 時 elsewhere is no time.
    #[test]
    fn a_date_and_hour_a_page_lost_their_units_of() {
        let w = when("民國1061021(星期六)上午9");
        assert_eq!(
            w.date.map(|d| d.0.unwrap().format("%Y-%m-%d").to_string()).as_deref(),
            Some("2017-10-21")
        );
        assert_eq!(w.start.map(hhmm).as_deref(), Some("09:00"));
        assert!(w.whole);
        assert_eq!(when("下午2至5時").start.map(hhmm).as_deref(), Some("14:00"));
        assert_eq!(find_time("上午9人出席"), None);
        assert_eq!(find_time("第9"), None);
        assert!(when("電話 0912345678").date.is_none());
    }

    /// A number's digits written one at a time with spaces between (臺南市政府工務局's
    /// `中華民國 1 0 1 年`, tests/corpus/tainan-pwb-16), with ASCII or full-width digits and spaces.
    #[test]
    fn a_short_run_of_digits_after_the_republic_is_a_date_when_only_one_reading_is() {
        // 中華民國圖書館學會's page lost 年, 月 and 日 (tests/fixtures/import/lac-publish-52-1).
        let w = when("民國10139日(星期五)上午10");
        assert_eq!(w.date.map(|d| d.0.unwrap().to_string()).as_deref(), Some("2012-03-09"));
        assert_eq!(w.start, Some((10, 0)));
        assert!(!w.whole, "the line stays in the body, to be checked");
        // 101-11-2 is a Friday, 101-1-12 a Thursday: the weekday says which.
        let day = |v: &str| when(v).date.map(|d| d.0.unwrap().to_string());
        assert_eq!(day("民國101112(星期五)").as_deref(), Some("2012-11-02"));
        assert_eq!(day("民國101112(星期四)").as_deref(), Some("2012-01-12"));
        assert_eq!(day("民國101112"), None);
        // Two digits of year: 民國99年4月16日.
        assert_eq!(day("民國99416").as_deref(), Some("2010-04-16"));
    }

    #[test]
    fn a_pointer_to_the_sign_in_sheet_names_nobody() {
        // 高雄市新興國小's lunch committee, 華興 alumni, a parents' association (tests/corpus).
        for v in [
            "如簽到表",
            "(如簽到表)",
            "如簽到名冊。",
            "如簽到簿",
            "詳如後附出列席名單",
            "詳簽到單",
        ] {
            assert!(only_a_sheet(v), "{v}");
        }
        for v in [
            "王大明、李小華",
            "議員林武忠等 62 人（如簽到簿）",
            "簽到表組長王大明",
            "如附表",
        ] {
            assert!(!only_a_sheet(v), "{v}");
        }
    }

    #[test]
    fn a_year_with_its_digits_spaced() {
        let d = |s: &str| find_date(s).map(|x| x.0.unwrap().format("%Y-%m-%d").to_string());
        let line = "開會時間:中華民國 1 0 1 年 5 月 24 日星期四下午 4 時 30 分";
        assert_eq!(d(line).as_deref(), Some("2012-05-24"));
        let w = when(line.trim_start_matches("開會時間:"));
        assert_eq!(w.start.map(hhmm).as_deref(), Some("16:30"));
        assert!(w.whole);
        let wide = "開會時間:中華民國　１　０　１　年　５　月　２　４　日";
        assert_eq!(d(wide).as_deref(), Some("2012-05-24"));
        // The title's date, read the same way.
        assert_eq!(
            title_date("臺南市政府工務局 1 0 1 年 5 月 24 日局務會議紀錄").map(|d| d.to_string()),
            Some("2012-05-24".to_string())
        );
        // Numbers of several digits stay apart, and so do a date's parts.
        assert_eq!(
            unspaced_digits("104 年 06 月 02 日上午 10 時 03 分"),
            "104 年 06 月 02 日上午 10 時 03 分"
        );
        assert_eq!(unspaced_digits("106.5.1 2"), "106.5.1 2");
        assert_eq!(unspaced_digits("第 1 6 次"), "第 16 次");
    }

    /// `時間:106.5.12(三)PM1:30` (高雄市新興國小's lunch committee, tests/corpus/hsinhsing-lunch-105-8)
    /// and the other ways of writing the period in Latin letters: PM adds 12 hours, 12 PM is noon
    /// and 12 AM midnight.
    #[test]
    fn am_and_pm() {
        let w = |s: &str| {
            let w = when(s);
            let t = w.start.map(hhmm).unwrap_or_default();
            (w.end.map(|e| format!("{t}-{}", hhmm(e))).unwrap_or(t), w.whole)
        };
        assert_eq!(w("106.5.12(三)PM1:30"), ("13:30".to_string(), true));
        assert_eq!(w("106.5.12(三)PM 1:30"), ("13:30".to_string(), true));
        assert_eq!(w("106.5.12(三)pm1:30"), ("13:30".to_string(), true));
        assert_eq!(w("106.5.12(三)P.M.1:30"), ("13:30".to_string(), true));
        assert_eq!(w("106.5.12(三)1:30 PM"), ("13:30".to_string(), true));
        assert_eq!(w("106.5.12(三)AM9:30"), ("09:30".to_string(), true));
        assert_eq!(w("106.5.12(三)下午1:30"), ("13:30".to_string(), true));
        assert_eq!(w("106.5.12(三)PM1:30-PM3:00"), ("13:30-15:00".to_string(), true));
        assert_eq!(w("106.5.12(三)AM9:30-PM1:30"), ("09:30-13:30".to_string(), true));
        assert_eq!(w("106.5.12(三)PM12:30"), ("12:30".to_string(), true));
        assert_eq!(w("106.5.12(三)AM12:30"), ("00:30".to_string(), true));
        // 下午 with a 24-hour time (tests/corpus/neihu-alliance-founding) and a range after 下午
        // (tests/fixtures/import/taat-12-11) as before.
        assert_eq!(w("中華民國100年8月7日下午13:30~15:00").0, "13:30-15:00");
        assert_eq!(w("民國114年12月26日下午6:30 ~ 8:30").0, "18:30-20:30");
        // Letters of a word are no period.
        assert_eq!(latin_period("Zoom", 2), None);
        assert_eq!(latin_period("NPM1:30", 1), None);
        assert_eq!(latin_period("AMD", 0), None);
    }

    /// A list item's marker (`- 第3屆 第7次 定期會`, tests/corpus/tncc-3-7-59; `• 院會紀錄`,
    /// tests/corpus/ly-plenary-9-3-2; `1 . 秘書室報告:`, tests/corpus/tainan-pwb-16).
    #[test]
    fn list_markers() {
        assert_eq!(list_marker("- 第3屆 第7次 定期會"), Some((true, "第3屆 第7次 定期會")));
        assert_eq!(list_marker("  • 院會紀錄"), Some((true, "院會紀錄")));
        assert_eq!(list_marker("1 . 秘書室報告:"), Some((false, "秘書室報告:")));
        assert_eq!(list_marker("時間:106.5.12(三)PM1:30"), None);
        assert_eq!(list_marker("106.5.12"), None);
        assert_eq!(list_marker("(7)第 03 次會議"), None);
        assert_eq!(list_marker("一、各次會議紀錄"), None);
        assert_eq!(list_marker("臺南市政府工務局第 1 6 次局務會議紀錄"), None);
    }

    /// `聯安列席：莫少文襄理` names observers and their body; `出席人員:8人` names nobody.
    #[test]
    fn observers_of_a_named_body_and_counts() {
        assert_eq!(field("聯安列席"), Some(Field::Observers));
        assert_eq!(observers_of("聯安列席"), Some("聯安"));
        assert_eq!(observers_of("列席"), None);
        assert_eq!(observers_of("出列席"), None);
        assert_eq!(observers_of("請假列席"), None);
        assert!(only_a_count("8人"));
        assert!(only_a_count("計 2 位"));
        assert!(!only_a_count("王大明等8人"));
        assert!(!only_a_count("詳簽到簿"));
    }

    /// Groups by body after entries that name none (臺南市議會's second sitting), and groups named
    /// 中華民國天文學會 lists its council with spaces: each member and their institute in brackets,
    /// under role headings in brackets (tests/fixtures/import/real-pdf/asroc-*).
    #[test]
    fn notes_and_role_headings_in_a_list_written_with_spaces() {
        let (people, headings) = people_of(
            "(理事長) 朱有花 （中研院天文及天文物理研究所） (常務理事) 呂聖元 （中研院天文及天文物理研究所）(請假) 賴詩萍 （清華大學天文所及物理系） (理事) 木下大輔（中央大學天文所）",
        );
        assert_eq!(
            people,
            [
                "朱有花 （中研院天文及天文物理研究所）",
                "呂聖元 （中研院天文及天文物理研究所）(請假)",
                "賴詩萍 （清華大學天文所及物理系）",
                "木下大輔（中央大學天文所）"
            ]
        );
        assert!(headings);
        // A role a line, in a list written with 、 (中華民國天文學會's 2012 council): the lines
        // run together as `(理事長) 管一政 (常務理事) 許瑞榮、曾耀寰、(理事) 王祥宇、林俐暉(請假)`.
        let (people, headings) =
            people_of("(理事長) 管一政 (常務理事) 許瑞榮、曾耀寰、(理事) 王祥宇、林俐暉(請假)、(監事) 周 翊");
        assert_eq!(
            people,
            ["管一政", "許瑞榮", "曾耀寰", "王祥宇", "林俐暉(請假)", "周 翊"]
        );
        assert!(headings);
        assert_eq!(
            people_of("法規與標準委員會 彭慰(代)、研究發展委員會 卜小蝶").0,
            ["法規與標準委員會 彭慰(代)", "研究發展委員會 卜小蝶"]
        );
        // A note after a name, and the next name after the note with no space between them.
        assert_eq!(
            people_of("潘國全 （秘書長）高筱茵"),
            (vec!["潘國全 （秘書長）".to_string(), "高筱茵".to_string()], false)
        );
        // A list led by a role heading: the names need no notes for the roles to be headings.
        assert_eq!(
            people_of("(理事長) 管一政 (常務理事) 許瑞榮 曾耀寰 (理事) 王祥宇").0,
            ["管一政", "許瑞榮", "曾耀寰", "王祥宇"]
        );
        // A bracket after a name that has no note yet is its note, not a heading.
        assert_eq!(
            people_of("張三 (理事) 李四"),
            (vec!["張三 (理事)".to_string(), "李四".to_string()], false)
        );
    }

    /// alone with their people `post：name` after them (臺北市議會's 列席).
    #[test]
    fn lists_grouped_by_body() {
        let v = |x: &[&str]| x.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            split_people("本會議員(詳議員出缺席表) 本 會：郭秘書長伊彬 法規研究室 傅編審然煇"),
            v(&[
                "本會議員(詳議員出缺席表)",
                "本會：郭秘書長伊彬",
                "法規研究室 傅編審然煇"
            ])
        );
        assert_eq!(
            split_people("市政府： 秘書長：蘇麗瓊 副秘書長：李文英 本會： 秘書長：王金德　　法規室主任：洪樹林"),
            v(&[
                "市政府：秘書長：蘇麗瓊",
                "副秘書長：李文英",
                "本會：秘書長：王金德",
                "法規室主任：洪樹林"
            ])
        );
        assert_eq!(post_groups_so_far("市政府："), Some((vec![], true)));
        assert_eq!(post_groups("市政府： 本會： 秘書長：王金德"), None);
        assert!(post_entries("秘書長：蘇麗瓊").is_some());
        assert!(post_entries("主席：吳議長碧珠").is_none());
        assert!(post_entries("說明：依規定辦理。").is_none());
    }

    /// `會議主席：` (a professional association's header) is the chair; a list that is only
    /// counts is one statement, not names split at its commas.
    #[test]
    fn a_meeting_chair_label_and_a_list_of_counts() {
        assert_eq!(field("會議主席"), Some(Field::Chair));
        assert_eq!(field("會議主持人"), Some(Field::Chair));
        assert_eq!(
            split_people("會議代表總額173人,實到133(詳如後附出列席名單)"),
            vec!["會議代表總額173人,實到133(詳如後附出列席名單)".to_string()]
        );
        assert_eq!(
            split_people("王大明、李小華等3人"),
            vec!["王大明".to_string(), "李小華等3人".to_string()]
        );
    }

    #[test]
    fn several_fields_on_one_numbered_line() {
        let kv =
            |s: &str| -> Vec<(String, String)> { key_values(s).into_iter().map(|(k, v)| (k, v.to_string())).collect() };
        let p = |k: &str, v: &str| (k.to_string(), v.to_string());
        assert_eq!(
            kv("三、主席：謝署長翠娟   記錄：李小華"),
            vec![p("主席", "謝署長翠娟"), p("記錄", "李小華")]
        );
        assert_eq!(kv("（二）主持人：黃部長彥男"), vec![p("主持人", "黃部長彥男")]);
        assert_eq!(
            kv("地點：本部 A棟：101室　時間：上午10時"),
            vec![p("地點", "本部 A棟：101室"), p("時間", "上午10時")]
        );
        assert_eq!(kv("主 席：黃部長彥男"), vec![p("主席", "黃部長彥男")]);
        assert!(kv("第4次主管會議紀錄").is_empty());
    }

    /// The forms issue 17 quotes from real minutes.
    #[test]
    fn start_and_end_times() {
        let w = |s: &str| {
            let w = when(s);
            (w.start.map(hhmm), w.end.map(hhmm), w.whole)
        };
        let t = |s: &str| Some(s.to_string());
        assert_eq!(
            w("中華民國 104 年 06 月 02 日上午 10 時 03 分"),
            (t("10:03"), None, true)
        );
        assert_eq!(w("自上午9時起至12時止"), (t("09:00"), t("12:00"), true));
        assert_eq!(w("113年9月11日下午2時至5時30分"), (t("14:00"), t("17:30"), true));
        assert_eq!(
            w("中華民國110年12月17日(星期五)09時至17時"),
            (t("09:00"), t("17:00"), true)
        );
        // Sessions: the line is not taken whole.
        assert!(!w("上午9時至9時14分、10時1分至11時46分").2);
        // Something the front-matter has no key for.
        assert!(!w("113年9月11日上午10時（視訊會議）").2);
    }

    #[test]
    fn header_fields_of_every_layout() {
        let kv =
            |s: &str| -> Vec<(String, String)> { key_values(s).into_iter().map(|(k, v)| (k, v.to_string())).collect() };
        let p = |k: &str, v: &str| (k.to_string(), v.to_string());
        assert_eq!(
            kv("主　席：黃部長彥男      紀　錄：林怡芬"),
            vec![p("主席", "黃部長彥男"), p("紀錄", "林怡芬")]
        );
        assert_eq!(
            kv("主席：黃部長彥男\t紀錄：林怡芬"),
            vec![p("主席", "黃部長彥男"), p("紀錄", "林怡芬")]
        );
        assert_eq!(kv("壹、時間：113年9月11日"), vec![p("時間", "113年9月11日")]);
        assert_eq!(
            kv("時 間 中華民國111年9月30日"),
            vec![p("時間", "中華民國111年9月30日")]
        );
        assert_eq!(kv("請假委員 許淑華 周春米"), vec![p("請假委員", "許淑華 周春米")]);
        assert!(kv("委員出席 111人").is_empty(), "a count, not a field");
        assert!(kv("主席宣告開議").is_empty());
        assert_eq!(field("缺席委員"), Some(Field::Absent));
        assert_eq!(field("列席人員"), Some(Field::Observers));
        assert_eq!(field("出（列）席人員"), Some(Field::Attendees));
    }

    #[test]
    fn numbers_and_people() {
        assert_eq!(meeting_number("第4次主管會議紀錄"), Some(4));
        assert_eq!(meeting_number("第１２次主管會議紀錄"), Some(12));
        assert_eq!(meeting_number("第十二次主管會議紀錄"), Some(12));
        assert_eq!(meeting_number("行政院第二七五0次院會決議"), Some(2750));
        // Sittings held together are numbered by the first (雲林縣議會's titles).
        assert_eq!(meeting_number("雲林縣議會第17屆第1、2次臨時會議案一覽表"), Some(1));
        assert_eq!(meeting_number("第17屆第26、 、27、 、28 次臨時會"), Some(26));
        // A council's sitting: the session's ordinals come first, the sitting's number last.
        // (Titles of 高雄市議會, 金城鎮民代表會 and 立法院 in tests/corpus.)
        assert_eq!(
            meeting_number("高雄市議會第 2 屆第 1 次定期大會第 44 次會議紀錄"),
            Some(44)
        );
        assert_eq!(
            meeting_number("金城鎮民代表會第十二屆第十五次臨時大會第四次會議紀錄"),
            Some(4)
        );
        assert_eq!(
            slug_numbers("高雄市議會第 2 屆第 1 次定期大會第 44 次會議紀錄").as_deref(),
            Some("2-1-44")
        );
        assert_eq!(
            slug_numbers("立法院第9屆第6會期外交及國防委員會第7次全體委員會議議事錄").as_deref(),
            Some("9-6-7")
        );
        assert_eq!(slug_numbers("數位發展部第4次主管會議紀錄").as_deref(), Some("4"));
        // No meeting number, no slug numbers (a 屆 alone numbers no meeting).
        assert_eq!(slug_numbers("第十三屆家長會會議紀錄"), None);
        assert_eq!(chinese_numeral(11), "十一");
        assert_eq!(chinese_numeral(20), "二十");
        assert_eq!(
            split_people("甲（公差）、乙司長丙（丁副司長、戊代），己"),
            vec!["甲（公差）", "乙司長丙（丁副司長、戊代）", "己"]
        );
        // 高雄市議會's 列席 lines (tests/corpus/kcc-2-t1-2): the second group began a wrapped line.
        assert_eq!(
            split_people("市政府－市長陳菊等（如簽到簿） 本 會－副秘書長兼議事組代理主任黃錦平、法規研究室主任許進興"),
            vec![
                "市政府－市長陳菊等（如簽到簿）",
                "本會－副秘書長兼議事組代理主任黃錦平",
                "法規研究室主任許進興"
            ]
        );
        // 高雄市議會's 出席 line (tests/corpus/kcc-2-t1-2), wrapped after the vice-speaker.
        assert_eq!(
            split_people("議長康裕成 副議長蔡昌達 議員林武忠等 62 人（如簽到簿）"),
            vec!["議長康裕成", "副議長蔡昌達", "議員林武忠等 62 人（如簽到簿）"]
        );
    }
}
