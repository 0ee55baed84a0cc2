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

/// The bundled record with `attachments` (YAML lines) added to its front-matter, and the PDF of
/// the same record (tests/fixtures/import/moda-executive-4/source.pdf, LibreOffice's PDF of the
/// real record) beside it as `executive-4.pdf`.
fn site_with_attachments(attachments: &str) -> tempfile::TempDir {
    let site = bundled_site();
    let rec = site.path().join("content/2024/executive-4.md");
    let text = read(&rec).replacen("slug: executive-4\n", &format!("slug: executive-4\n{attachments}"), 1);
    std::fs::write(&rec, text).unwrap();
    std::fs::copy(
        crate::support::repo().join("tests/fixtures/import/moda-executive-4/source.pdf"),
        site.path().join("content/2024/executive-4.pdf"),
    )
    .unwrap();
    site
}

#[test]
fn attachments_are_copied_linked_with_type_and_size_and_listed_in_the_data() {
    let site = site_with_attachments("attachments:\n  - { file: executive-4.pdf, title: 第4次主管會議紀錄（PDF）}\n");
    let out = build_ok(site.path());
    let pdf = crate::support::repo().join("tests/fixtures/import/moda-executive-4/source.pdf");
    assert_eq!(
        std::fs::read(out.join("minutes/2024/executive-4/executive-4.pdf")).unwrap(),
        std::fs::read(&pdf).unwrap()
    );
    let page = read(out.join("minutes/2024/executive-4/index.html"));
    assert!(
        page.contains("<h2 id=\"attachments-title\">附件及正式文件</h2>\n  <ul><li><a href=\"/minutes/2024/executive-4/executive-4.pdf\" type=\"application/pdf\">第4次主管會議紀錄（PDF）</a> <span class=\"file-facts\">（PDF、514 KB）</span></li></ul>"),
        "{page}"
    );
    let data: serde_json::Value = serde_json::from_str(&read(out.join("data/minutes/2024/executive-4.json"))).unwrap();
    assert_eq!(
        data["attachments"],
        serde_json::json!([{
            "title": "第4次主管會議紀錄（PDF）",
            "url": "https://minutes.example.gov.tw/minutes/2024/executive-4/executive-4.pdf",
            "type": "PDF",
            "bytes": 513167
        }])
    );
    // The record's JSON still meets its schema.
    let schema: serde_json::Value = serde_json::from_str(&read(out.join("data/schema/record.schema.json"))).unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = v.iter_errors(&data).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn an_attachment_outside_content_or_missing_is_an_error_at_its_line() {
    let site = site_with_attachments("attachments: [../../minutebook.yaml, 附件一.pdf, executive-4.pdf]\n");
    let out = build_ok(&{
        // A good build first, to show a failed one leaves it untouched.
        let ok = bundled_site();
        crate::support::copy_dir(ok.path(), site.path().join("prev").as_path());
        site.path().join("prev")
    });
    let before = crate::support::snapshot(&out);
    let mut o = crate::support::options(site.path());
    o.output = out.clone();
    let diags = minutebook::build::build(&o).expect_err("the build fails");
    let text: String = diags.iter().map(|d| d.to_string()).collect();
    assert!(
        text.contains("content/2024/executive-4.md:33:")
            && text.contains("attachment `../../minutebook.yaml` is outside content/"),
        "{text}"
    );
    assert!(text.contains("cannot read attachment `附件一.pdf`"), "{text}");
    assert!(
        text.contains("put the file beside the record, at content/2024/附件一.pdf"),
        "{text}"
    );
    assert!(
        !text.contains("executive-4.pdf`"),
        "the file that exists is fine: {text}"
    );
    assert_eq!(crate::support::snapshot(&out), before, "previous output untouched");
}

#[test]
fn drafts_and_scheduled_records_are_marked_when_a_preview_shows_them() {
    let site = bundled_site();
    let seed = read(site.path().join("content/2024/executive-4.md"));
    let copy = |number: &str, date: &str, extra: &str| {
        seed.replace("number: 4\n", &format!("number: {number}\n{extra}"))
            .replace("title: 第4次主管會議紀錄", &format!("title: 第{number}次主管會議紀錄"))
            .replace("date: 2024-09-11", &format!("date: {date}"))
            .replace("slug: executive-4\n", "")
    };
    crate::support::write(
        site.path(),
        "content/2024/executive-5.md",
        &copy("5", "2024-10-09", "draft: true\n"),
    );
    crate::support::write(
        site.path(),
        "content/2024/executive-6.md",
        &copy("6", "2024-11-13", "publish_date: 2026-02-01\n"),
    );
    let mut o = crate::support::options_with_drafts(site.path());
    o.future = true;
    minutebook::build::build(&o).map_err(|d| format!("{d:?}")).unwrap();
    let draft = read(o.output.join("minutes/2024/executive-5/index.html"));
    assert!(
        draft.contains("<p class=\"status-note\"><strong class=\"status status-draft\">草稿</strong> 本紀錄為草稿"),
        "{draft}"
    );
    let scheduled = read(o.output.join("minutes/2024/executive-6/index.html"));
    assert!(
        scheduled.contains("<strong class=\"status status-scheduled\">預定發布</strong> 本紀錄預定於 2026-02-01 發布"),
        "{scheduled}"
    );
    let home = read(o.output.join("index.html"));
    assert!(
        home.contains("第5次主管會議紀錄</a> <span class=\"status status-draft\">草稿</span></h3>"),
        "{home}"
    );
    assert!(home.contains("第6次主管會議紀錄</a> <span class=\"status status-scheduled\">預定發布</span></h3>"));
    let published = read(o.output.join("minutes/2024/executive-4/index.html"));
    assert!(!published.contains("status-note"), "a published record has no mark");
    assert_eq!(home.matches("class=\"status ").count(), 2);
}

#[test]
fn a_unit_page_lists_its_newest_reports_and_links_a_page_for_each_year() {
    // A generated archive of 400 meetings over several years, where units report at most of them.
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    minutebook_bench::generate::generate_site(
        &root,
        &minutebook_bench::generate::GenerateOptions { records: 400, seed: 3 },
    )
    .unwrap();
    let out = build_ok(&root);
    let page = read(out.join("units/strategy/index.html"));
    let section = &page[at(&page, "<h2 id=\"unit-reports\">")..];
    let section = &section[..at(section, "</section>")];
    let heading = &section[..at(section, "</h2>")];
    // `業務報告（137，列出最近 50 筆）`: the count, and that page 1 lists only the latest.
    let total: usize = heading
        .rsplit('（')
        .next()
        .and_then(|s| s.split('，').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {heading}"));
    assert!(heading.ends_with("，列出最近 50 筆）</span>"), "{heading}");
    let inline = section.matches("<li><a href=\"/minutes/").count();
    assert!(
        total > 50,
        "the archive gives the unit more reports than page 1 lists: {total}"
    );
    assert_eq!(inline, 50, "page 1 lists the newest 50: {section}");
    // The year links: each year's page lists that year's reports, all of them, and together the
    // years hold every report the heading counts.
    let nav = &section[at(section, "<nav class=\"report-years\"")..];
    let mut sum = 0;
    let mut years = 0;
    for part in nav.split("<li>").skip(1) {
        let href = part.split("href=\"").nth(1).and_then(|s| s.split('"').next()).unwrap();
        let year = href.trim_end_matches('/').rsplit('/').next().unwrap();
        let count: usize = part
            .split('（')
            .nth(1)
            .and_then(|s| s.split('）').next())
            .unwrap()
            .parse()
            .unwrap();
        let year_page = read(out.join(href.trim_start_matches('/')).join("index.html"));
        assert!(
            year_page.contains(&format!("<h1>數位策略司：{year} 年業務報告</h1>")),
            "{year_page}"
        );
        assert_eq!(year_page.matches("<li><a href=\"/minutes/").count(), count, "{href}");
        assert!(year_page.contains(&format!("<dt>{year}</dt>")));
        assert!(year_page.contains(&format!("<span aria-current=\"page\">{year}</span>")));
        sum += count;
        years += 1;
    }
    assert!(years > 1, "{nav}");
    assert_eq!(sum, total);
}
