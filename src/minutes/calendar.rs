//! Dates in both calendars: the Gregorian ISO date and the Republic of China (民國) date that
//! Taiwanese minutes use. Parses the forms staff write and formats the pair readers see.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::messages::Msg;

/// The 民國 year is the Gregorian year minus this.
pub const ROC_OFFSET: i32 = 1911;

/// The last year a meeting date may have. Minutes are dated from 民國1年 (1912) on; a date after
/// 2100 is a typo (`3024-01-01`), or a shortened Western year read as a 民國 year (`202-09-11`
/// would be 民國202年, 2113), so it is refused rather than guessed at.
pub const LAST_YEAR: i32 = 2100;

/// Parse a meeting date, as [`parse_date`] does, and refuse one before 1912-01-01 (the first day
/// of the 民國 calendar) or after [`LAST_YEAR`].
pub fn parse_meeting_date(input: &str) -> Result<NaiveDate, Msg> {
    let (date, roc) = parse(input)?;
    check_year(input.trim(), date.year(), roc)?;
    Ok(date)
}

/// Parse `2024-09-11`, `2024/9/11`, `113-09-11`, `113/09/11`, `113年9月11日` or `民國113年9月11日`.
/// Years below 1000 are 民國 years. The error says why the date is impossible. Any year is
/// accepted: a `publish_date` far ahead (2999-01-01) holds a record back; meeting dates are
/// parsed with [`parse_meeting_date`].
pub fn parse_date(input: &str) -> Result<NaiveDate, Msg> {
    parse(input).map(|(date, _)| date)
}

/// The date, and whether its year was written as a 民國 year.
fn parse(input: &str) -> Result<(NaiveDate, bool), Msg> {
    let s: String = input.trim().chars().map(fullwidth_digit).collect();
    let s = s.trim_start_matches("中華民國").trim_start_matches("民國").trim();
    let parts: Vec<&str> = s
        .split(['-', '/', '.', '年', '月', '日'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let nums: Option<Vec<i64>> = parts.iter().map(|p| p.parse::<i64>().ok()).collect();
    let Some(nums) = nums.filter(|n| n.len() == 3) else {
        return Err(Msg::NotADate {
            date: input.trim().to_string(),
        });
    };
    let (mut y, m, d) = (nums[0], nums[1], nums[2]);
    let roc = y < 1000;
    if roc {
        y += ROC_OFFSET as i64;
    }
    if !(1..=12).contains(&m) {
        return Err(Msg::NoSuchMonth {
            date: input.trim().to_string(),
            month: m,
        });
    }
    let y = i32::try_from(y).map_err(|_| Msg::YearOutOfRange {
        date: input.trim().to_string(),
    })?;
    match NaiveDate::from_ymd_opt(y, m as u32, d.clamp(0, 99) as u32) {
        Some(date) => Ok((date, roc)),
        None => {
            let days = days_in_month(y, m as u32);
            Err(Msg::NoSuchDay {
                date: input.trim().to_string(),
                year: y,
                month: m as u32,
                days,
            })
        }
    }
}

/// Refuse a Gregorian year `y` outside 1912..=[`LAST_YEAR`]; `roc` says the text wrote it as a
/// 民國 year (so the message can say what that year would be). `written` is the date as written.
pub fn check_year(written: &str, y: i32, roc: bool) -> Result<(), Msg> {
    let first = ROC_OFFSET + 1;
    if roc && y < first {
        Err(Msg::RocYearBeforeOne {
            date: written.to_string(),
            roc: y - ROC_OFFSET,
        })
    } else if y < first {
        Err(Msg::BeforeRoc {
            date: written.to_string(),
        })
    } else if roc && y > LAST_YEAR {
        Err(Msg::RocYearTooLate {
            date: written.to_string(),
            roc: y - ROC_OFFSET,
            year: y,
            last: LAST_YEAR,
        })
    } else if y > LAST_YEAR {
        Err(Msg::YearTooLate {
            date: written.to_string(),
            last: LAST_YEAR,
        })
    } else {
        Ok(())
    }
}

fn fullwidth_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '－' => '-',
        '／' => '/',
        _ => c,
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    match (next, NaiveDate::from_ymd_opt(y, m, 1)) {
        (Some(n), Some(f)) => (n - f).num_days() as u32,
        _ => 31,
    }
}

/// 民國 year of a date.
pub fn roc_year(date: NaiveDate) -> i32 {
    date.year() - ROC_OFFSET
}

fn weekday_zh(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "一",
        Weekday::Tue => "二",
        Weekday::Wed => "三",
        Weekday::Thu => "四",
        Weekday::Fri => "五",
        Weekday::Sat => "六",
        Weekday::Sun => "日",
    }
}

/// `民國113年9月11日（星期三）`
pub fn format_roc(date: NaiveDate) -> String {
    // Written piece by piece: pages, feeds and data show a date this way hundreds of thousands of
    // times in a large archive, and `format!` took most of the time (a test compares the two).
    let mut s = String::with_capacity(40);
    s.push_str("民國");
    push_number(&mut s, i64::from(roc_year(date)));
    s.push('年');
    push_number(&mut s, i64::from(date.month()));
    s.push('月');
    push_number(&mut s, i64::from(date.day()));
    s.push_str("日（星期");
    s.push_str(weekday_zh(date.weekday()));
    s.push('）');
    s
}

/// `n` in decimal digits, as `format!("{n}")` writes it.
fn push_number(s: &mut String, n: i64) {
    if n < 0 {
        s.push('-');
    }
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut v = n.unsigned_abs();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    s.push_str(std::str::from_utf8(&digits[i..]).expect("ASCII digits"));
}

/// `113年9月11日`, as titles and body text write it.
pub fn format_roc_short(date: NaiveDate) -> String {
    format!("{}年{}月{}日", roc_year(date), date.month(), date.day())
}

/// `Wednesday, 11 September 2024`
pub fn format_en(date: NaiveDate) -> String {
    date.format("%A, %-d %B %Y").to_string()
}

/// The 民國 year a title states, if any (`113年第4次主管會議`, `民國113年…`).
pub fn roc_year_in_title(title: &str) -> Option<i32> {
    let chars: Vec<char> = title.chars().map(fullwidth_digit).collect();
    for i in 0..chars.len() {
        if chars[i] == '年' {
            let mut j = i;
            while j > 0 && chars[j - 1].is_ascii_digit() {
                j -= 1;
            }
            let digits: String = chars[j..i].iter().collect();
            if (2..=3).contains(&digits.len()) {
                return digits.parse().ok();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_roc_date_is_written_as_format_would() {
        let slow = |date: NaiveDate| {
            format!(
                "民國{}年{}月{}日（星期{}）",
                roc_year(date),
                date.month(),
                date.day(),
                weekday_zh(date.weekday())
            )
        };
        let mut day = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2200, 12, 31).unwrap();
        while day <= end {
            assert_eq!(format_roc(day), slow(day));
            day = day.succ_opt().unwrap();
        }
        for d in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(1911, 12, 31).unwrap(),
        ] {
            assert_eq!(format_roc(d), slow(d));
        }
    }

    #[test]
    fn parses_every_form() {
        for s in [
            "2024-09-11",
            "2024/9/11",
            "113-09-11",
            "113/09/11",
            "民國113年9月11日",
            "113年9月11日",
            "１１３年９月１１日",
        ] {
            assert_eq!(parse_date(s), Ok(d(2024, 9, 11)), "{s}");
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(parse_date("2024-02-30")
            .unwrap_err()
            .en()
            .contains("2024-02 has 29 days"));
        assert!(parse_date("113-13-01").unwrap_err().en().contains("no month 13"));
        assert!(parse_date("2023-02-29").is_err());
        assert!(parse_date("soon").is_err());
    }

    #[test]
    fn rejects_dates_outside_the_roc_calendar() {
        for (s, says) in [
            ("1000-01-01", "before 1912-01-01"),
            ("1911-12-31", "before 1912-01-01"),
            ("0-09-11", "民國0年, but the 民國 calendar starts with 民國1年 (1912)"),
            ("202-09-11", "民國202年, which is 2113, after 2100"),
            ("民國190年1月1日", "which is 2101"),
            ("3024-01-01", "after 2100"),
            ("2101-01-01", "after 2100"),
        ] {
            let e = parse_meeting_date(s).unwrap_err().en();
            assert!(e.contains(says), "{s}: {e}");
            assert!(e.starts_with(&format!("`{s}`")), "{s}: {e}");
        }
        assert_eq!(parse_meeting_date("1912-01-01"), Ok(d(1912, 1, 1)));
        assert_eq!(parse_meeting_date("1-01-01"), Ok(d(1912, 1, 1)));
        assert_eq!(parse_meeting_date("2100-12-31"), Ok(d(2100, 12, 31)));
        assert_eq!(parse_meeting_date("189/12/31"), Ok(d(2100, 12, 31)));
        // Other dates (publish_date) keep any year: 2999-01-01 holds a record back.
        assert_eq!(parse_date("2999-01-01"), Ok(d(2999, 1, 1)));
    }

    #[test]
    fn formats_both_calendars() {
        assert_eq!(format_roc(d(2024, 9, 11)), "民國113年9月11日（星期三）");
        assert_eq!(format_en(d(2024, 9, 11)), "Wednesday, 11 September 2024");
        assert_eq!(roc_year_in_title("113年第4次主管會議紀錄"), Some(113));
        assert_eq!(roc_year_in_title("第4次主管會議紀錄"), None);
    }
}
