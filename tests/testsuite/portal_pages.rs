//! The reader's portal (issue 19): unit pages that lead with what the unit's items decided, topic
//! pages that say why each record is listed, year pages by month, the home page's overview, and
//! official attachments — asserted on the pages a build writes, with text snapshots of their
//! main parts (`tests/testsuite/snapshots/`, refreshed with `SNAPSHOTS=overwrite`).

use crate::support::{assert_snapshot, build_ok, bundled_site, fixture_site, page_text, read};

/// The position of `needle` in `page`, which must hold it.
fn at(page: &str, needle: &str) -> usize {
    page.find(needle).unwrap_or_else(|| panic!("no {needle:?} in\n{page}"))
}

#[test]
fn a_unit_page_leads_with_its_items_and_what_they_decided() {
    let site = bundled_site();
    let out = build_ok(site.path());
    let page = read(out.join("units/nics/index.html"));
    // The items come first (after the chart), their decisions without the leading 洽悉, with a
    // link to the whole text.
    let items = at(&page, "<h2 id=\"unit-items\">");
    let item = &page[items..items + at(&page[items..], "</ol>")];
    assert!(
        item.contains("<a href=\"/minutes/2024/executive-4/#案由二\">案由二：近期國際資安政策法制觀測說明案"),
        "{item}"
    );
    assert!(
        item.contains("<div class=\"decision-block\"><p class=\"decision-label\">決定</p><p>二、資安院進行資安及資通訊相關政策與法制研究"),
        "{item}"
    );
    assert!(!item.contains("洽悉"), "the note-taking point is left out: {item}");
    assert!(
        item.contains("<p class=\"full-text\"><a href=\"/minutes/2024/executive-4/#案由二\">全文"),
        "{item}"
    );
    // The chart is an image with a title and a description giving every count.
    assert!(
        page.contains("<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\""),
        "{page}"
    );
    assert!(page.contains("<desc id=\"chart-desc\">2024：報告案與提案 1、業務報告 1</desc>"));
    assert!(at(&page, "<figure class=\"chart\">") < items);
}

#[test]
fn a_unit_page_orders_items_reports_other_records_and_mentions() {
    let site = fixture_site();
    let out = build_ok(site.path());
    let page = read(out.join("units/strategy/index.html"));
    let order = [
        "<h2 id=\"unit-items\">",
        "<h2 id=\"unit-reports\">",
        "<h2 id=\"unit-listed\">",
    ];
    let positions: Vec<usize> = order.iter().map(|n| at(&page, n)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    assert!(!page.contains("class=\"record-list\""), "no full listing entries");
    let strategy = &page;
    assert!(
        strategy.contains("<h2 id=\"unit-reports\">業務報告<span class=\"page-of\">（1）</span></h2>"),
        "{strategy}"
    );
    assert!(strategy.contains(
        "<li><a href=\"/minutes/2024/executive-4/#數位策略司\">第4次主管會議紀錄</a> <time datetime=\"2024-09-11\">9月11日</time></li>"
    ));
    assert_snapshot("unit-strategy", &page_text(&page, "<h1", "</main>"));
    // Other records are a compact list by year, newest year first.
    let page = read(out.join("units/secretariat/index.html"));
    let listed = &page[at(&page, "<h2 id=\"unit-listed\">")..];
    assert!(at(listed, "<dt>2024</dt>") < at(listed, "<dt>2023</dt>"), "{listed}");
    assert_snapshot("unit-secretariat", &page_text(&page, "<h1", "</main>"));
}

#[test]
fn a_topic_page_says_which_parts_of_each_record_concern_it() {
    let site = bundled_site();
    let out = build_ok(site.path());
    // 數位皮夾 is named once, in 民主網絡司's unit report: that report is the reason, with a snippet.
    let page = read(out.join("topics/digital-wallet/index.html"));
    assert!(
        page.contains("<ul class=\"passages\">\n    <li><a href=\"/minutes/2024/executive-4/#民主網絡司\">五、民主網絡司</a><br><span class=\"snippet\">…、我國推動產業 AI 化及建構 AI 園區、推動<mark>數位皮夾</mark>等政策及成果。"),
        "{page}"
    );
    assert_eq!(page.matches("<mark>").count(), 1, "one passage: {page}");
    // 人工智慧 by its alias AI: the agenda item whose decision names it comes first.
    let ai = read(out.join("topics/ai/index.html"));
    let item = at(&ai, "<a href=\"/minutes/2024/executive-4/#案由二\">案由二：");
    assert!(item < at(&ai, "<a href=\"/minutes/2024/executive-4/#數位策略司\">"));
    assert!(
        ai.contains("<desc id=\"chart-desc\">2024：會議紀錄 1、相關段落 5</desc>"),
        "{ai}"
    );
    assert_snapshot("topic-ai", &page_text(&ai, "<h1", "</main>"));
}

#[test]
fn a_year_page_groups_its_records_by_month_and_the_home_page_gives_an_overview() {
    let site = fixture_site();
    let out = build_ok(site.path());
    let year = read(out.join("years/2024/index.html"));
    let october = at(&year, "<h2 id=\"m-2024-10\" class=\"month\">10月</h2>");
    let september = at(&year, "<h2 id=\"m-2024-09\" class=\"month\">9月</h2>");
    assert!(october < september, "newest month first");
    // Five October meetings under October, the seed under September; each with its series.
    assert_eq!(
        year[october..september].matches("<h3 class=\"record-title\">").count(),
        5
    );
    assert_eq!(year[september..].matches("<h3 class=\"record-title\">").count(), 1);
    assert!(year[september..].contains("· <a href=\"/series/executive/\">主管會議</a>"));
    assert!(year.contains("<li><a href=\"/series/executive/\">主管會議</a> <span class=\"count\">6</span></li>"));
    assert_snapshot("year-2024", &page_text(&year, "<h1", "</main>"));

    let home = read(out.join("index.html"));
    let overview = &home[at(&home, "<dl class=\"overview\">")..];
    assert!(overview.starts_with(
        "<dl class=\"overview\"><div><dt><a href=\"/years/2024/\">2024（民國113年）</a> <span class=\"count\">6 筆</span></dt><dd><ul><li><span>主管會議</span> <span class=\"count\">6</span></li></ul></dd></div><div><dt><a href=\"/years/2023/\">2023（民國112年）</a> <span class=\"count\">1 筆</span></dt>"
    ), "{overview}");
    // The newest meetings lead the page.
    assert!(at(&home, "第16次主管會議紀錄") < at(&home, "第4次主管會議紀錄"));
}
