//! The default theme's reading on a phone and in English: one search box per page, a header that
//! folds its navigation into a disclosure that needs no script, filters laid out label above
//! control, and counted nouns in the right number ("1 record", "3 agenda items").

use std::path::PathBuf;

use crate::support::{build_ok, bundled_site, read, write};

/// Build the bundled site with its minutebook.yaml changed by `edit`; returns (site, output).
fn build(edit: impl Fn(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let site = bundled_site();
    let yaml = read(site.path().join("minutebook.yaml"));
    write(site.path(), "minutebook.yaml", &edit(yaml));
    let out = build_ok(site.path());
    (site, out)
}

#[test]
fn one_search_box_per_page_and_a_folding_menu() {
    let (_t, out) = build(|y| y);
    let count = |page: &str, needle: &str| read(out.join(page)).matches(needle).count();
    // Home and search have a search box of their own; the header's is left out there.
    assert_eq!(count("index.html", "type=\"search\""), 1);
    assert_eq!(count("search/index.html", "type=\"search\""), 1);
    assert_eq!(
        count("years/index.html", "type=\"search\""),
        1,
        "other pages keep the header's"
    );
    let record = read(out.join("minutes/2024/executive-4/index.html"));
    assert!(
        record.contains("<details class=\"nav-narrow\"><summary>選單</summary><nav aria-label=\"主選單\"><ul>"),
        "{record}"
    );
    assert!(
        record.contains("<nav class=\"nav-wide\" aria-label=\"主選單\"><ul>"),
        "{record}"
    );
    // Each filter's label sits with its control (unit, topic, series, year, follow-ups, sort).
    let search = read(out.join("search/index.html"));
    assert_eq!(
        search
            .matches("<div class=\"filter\">\n    <label for=\"search-")
            .count(),
        6,
        "{search}"
    );
    let css = read(out.join("style.css"));
    assert!(
        css.contains(".nav-wide, .header-search { display: none; }"),
        "phone layout"
    );
}

#[test]
fn english_counts_agree_in_number() {
    let (_t, out) = build(|y| y.replace("language: zh-Hant-TW", "language: en"));
    let units = read(out.join("units/index.html"));
    assert!(units.contains("<span class=\"count\">1 record</span>"), "{units}");
    assert!(!units.contains(">1 records<"), "{units}");
    let home = read(out.join("index.html"));
    assert!(home.contains(" agenda items</p>"), "{home}");
    assert!(!home.contains("Agenda item</p>"), "{home}");
    let search = read(out.join("search/index.html"));
    assert!(
        !search.contains("placeholder=\"e.g. 數位皮夾"),
        "an English placeholder"
    );
}

#[test]
fn the_record_page_leads_with_the_meetings_decisions() {
    let (_t, out) = build(|y| y);
    let page = read(out.join("minutes/2024/executive-4/index.html"));
    let summary_at = page
        .find("<h2 id=\"decisions-title\">本次會議決定</h2>")
        .expect("a decisions summary");
    assert!(
        summary_at < page.find("<div class=\"body\"").unwrap(),
        "before the body"
    );
    let summary = &page[summary_at..page[summary_at..].find("</section>").unwrap() + summary_at];
    // Every agenda item and the motion, with its kind, units and whole decision, linked to it.
    assert_eq!(summary.matches("<li>").count(), 4, "{summary}");
    assert_eq!(
        summary.matches("<span class=\"kind kind-report\">報告</span>").count(),
        3
    );
    assert!(summary.contains("<span class=\"kind kind-motion\">臨時動議</span> <a href=\"#臨時動議一\">"));
    assert!(summary.contains("<a class=\"tag\" href=\"/units/nics/\">國家資通安全研究院</a>"));
    assert!(
        summary.contains(
            "<div class=\"decision-block\"><p class=\"decision-label\">決定</p><p>一、洽悉。</p><p>二、資安院進行資安"
        ),
        "the whole decision, point by point: {summary}"
    );
}

#[test]
fn votes_are_shown_as_counts() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(
        t.path().join("minutebook.yaml"),
        "title: 測試\nbase_url: https://example.org/\n",
    )
    .unwrap();
    std::fs::create_dir_all(t.path().join("content/2024")).unwrap();
    std::fs::write(
        t.path().join("content/2024/a.md"),
        "---\ntitle: 第1次定期會紀錄\nseries: 定期會\nnumber: 1\ndate: 2024-03-01\n---\n\n## 討論事項\n\n### 第1案：本所預算案，請審議。\n\n提案單位：財政課\n\n決議：照案通過。\n\n表決結果：在場 20 人，贊成 15 人、反對 3 人、棄權 2 人，通過。\n",
    )
    .unwrap();
    let mut o = minutebook::build::BuildOptions::new(t.path());
    o.today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    minutebook::build::build(&o).map_err(|d| format!("{d:?}")).unwrap();
    let page = read(o.output.join("minutes/2024/ding-qi-hui-1/index.html"));
    assert!(
        page.contains("<div class=\"decision-block\"><p class=\"decision-label\">決議</p><p>照案通過。</p></div>\n      <p class=\"votes\">表決：在場 20人、贊成 15人、反對 3人、棄權 2人　通過</p>"),
        "{}",
        &page[page.find("decisions-summary").unwrap()..]
    );
    assert!(
        page.contains("<span class=\"kind kind-discussion\">討論</span>"),
        "kind from the section"
    );
}
