//! Directives and their updates for generated archives, so the benchmark includes follow-ups:
//! each record gives three directives (front-matter `followups:`) and ends with a tracking table
//! updating the three of each of its series' two previous meetings that year (about 30,000
//! directives and 60,000 updates at 10,000 records). The first update keeps a directive open or
//! extends it; the second closes, self-tracks, withdraws or keeps it. Rows carry the directive's
//! text, so a draft that gave a directive does not leave its updates unknown. The texts follow the
//! bundled seed record's directives (主席裁示).

use std::fmt::Write as _;

use chrono::{Duration, NaiveDate};

use super::rng::mix;
use super::vocab::UNITS;
use super::yaml_str;

/// Directives each record gives.
const PER_RECORD: usize = 3;

const TEXTS: &[&str] = &[
    "請{u}適度公開研析內容，促進對外交流與資訊共享。",
    "請{u}依主計處建議妥為衡量預計需辦理之時程，提早規劃並預留彈性空間辦理相關前置作業。",
    "請{u}加強活動宣傳並增加互動體驗，讓更多人能看到本部業務推動成果。",
    "請{u}依規劃積極辦理，以提升預算執行績效。",
    "請{u}鼓勵及提醒同仁及早於年底前完成規定之學習時數。",
    "請{u}與本部轄管法人互相交流相關研究報告。",
];

const NOTES: &[&str] = &[
    "辦理中。",
    "已完成初步規劃。",
    "已召開研商會議。",
    "持續與相關單位協調中。",
    "已函請相關機關提供意見。",
];

fn id(slug: &str, year: i32, number: usize, k: usize) -> String {
    format!("{slug}-{year}-{number}-{k}")
}

fn directive(seed: u64, year: i32, series: usize, number: usize, k: usize) -> (String, &'static str) {
    let h = mix(&[seed, 0x464F_4C4C, year as u64, series as u64, number as u64, k as u64]);
    let unit = UNITS[(h % UNITS.len() as u64) as usize].name;
    let text = TEXTS[((h >> 8) % TEXTS.len() as u64) as usize].replace("{u}", unit);
    (text, unit)
}

/// Add the record's directives to its front-matter `fm` (before the closing `---`) and its
/// tracking table to the body `b`. `date` is the meeting date.
pub fn add(
    fm: &mut String,
    b: &mut String,
    seed: u64,
    (year, series, slug, number): (i32, usize, &str, usize),
    date: NaiveDate,
) {
    fm.push_str("followups:\n");
    for k in 1..=PER_RECORD {
        let (text, unit) = directive(seed, year, series, number, k);
        let due = date + Duration::days(90);
        let _ = writeln!(
            fm,
            "  - id: {}\n    text: {}\n    units: [{unit}]\n    due: {due}",
            id(slug, year, number, k),
            yaml_str(&text)
        );
    }
    if number < 2 {
        return;
    }
    let mut table =
        String::from("\n| 編號 | 指示事項 | 主辦單位 | 辦理情形 | 列管建議 |\n| --- | --- | --- | --- | --- |\n");
    for back in 1..=2usize.min(number - 1) {
        let n = number - back;
        for k in 1..=PER_RECORD {
            let (text, unit) = directive(seed, year, series, n, k);
            let h = mix(&[seed, 0x5550, year as u64, series as u64, n as u64, k as u64]);
            let note = NOTES[(h % NOTES.len() as u64) as usize];
            let status = match (back, (h >> 16) % 10) {
                (2, 0..=3) => "解除列管".to_string(),
                (2, 4) => "自行列管".to_string(),
                (2, 5) => "撤銷列管".to_string(),
                (_, 0..=2) => {
                    let d = date + Duration::days(180);
                    format!(
                        "展延至{}年{}月{}日",
                        chrono::Datelike::year(&d) - 1911,
                        chrono::Datelike::month(&d),
                        chrono::Datelike::day(&d)
                    )
                }
                _ => "繼續列管".to_string(),
            };
            let _ = writeln!(
                table,
                "| {} | {text} | {unit} | {note} | {status} |",
                id(slug, year, n, k)
            );
        }
    }
    b.push_str(&table);
}
