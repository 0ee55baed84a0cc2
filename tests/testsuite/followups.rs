//! Follow-ups (issue 18) on the fixture site tests/fixtures/followups/site (four meetings; see its
//! README for where the texts come from): the timeline page, the unit page's part, the record
//! page's parts, data/followups.json and .csv, the feeds, and each `check` finding with its file
//! and line.

use std::path::Path;

use crate::support::{assert_snapshot, build_ok, copy_dir, page_text, read, repo, run};

fn site() -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/fixtures/followups/site"), t.path());
    t
}

/// The fixture site with the records of `findings/<case>/` added.
fn site_with(case: &str) -> tempfile::TempDir {
    let t = site();
    copy_dir(&repo().join("tests/fixtures/followups/findings").join(case), t.path());
    t
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let i = s.find(start).unwrap_or_else(|| panic!("no {start} in\n{s}"));
    let j = s[i..].find(end).unwrap_or_else(|| panic!("no {end} after {start}")) + i + end.len();
    &s[i..j]
}

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let t = site();
    let out = build_ok(t.path());
    (t, out)
}

const TIMELINE: &str = r####"<article class="followup-page">
<h1>列管事項 113-4-02</h1>
<p class="followup-text">114年度預算案之相關計畫及招標案件，請各司處署依主計處建議妥為衡量預計需辦理之時程，提早規劃並預留彈性空間辦理相關前置作業。</p>
<dl class="facts">
  <div><dt>目前狀態</dt><dd><span class="status status-open">繼續列管</span> <strong class="overdue-mark">逾期</strong></dd></div>
  <div><dt>完成期限</dt><dd><time datetime="2024-12-31">民國113年12月31日（星期二）</time>（2024-12-31）</dd></div>
  <div><dt>主辦單位</dt><dd><a class="tag" href="/units/accounting/">主計處</a> </dd></div>
</dl>
<section aria-labelledby="followup-timeline">
<h2 id="followup-timeline">追蹤歷程</h2>
<ol class="timeline">
  <li id="u0">
    <h3><time datetime="2024-09-11">民國113年9月11日（星期三）</time>（2024-09-11） 交辦會議</h3>
    <p>會議：<a href="/minutes/2024/executive-4/">第4次主管會議</a>、案由：<a href="/minutes/2024/executive-4/#案由三">案由三</a></p>
    
    <p>完成期限：<time datetime="2024-10-31">民國113年10月31日（星期四）</time></p>
  </li>
  
  <li id="u1">
    <h3><time datetime="2024-10-09">民國113年10月9日（星期三）</time>（2024-10-09） <span class="status status-extended">展延</span></h3>
    <p>會議：<a href="/minutes/2024/executive-5/">第5次主管會議</a></p>
    <p>狀態：<span>展延</span>、完成期限：<time datetime="2024-12-31">民國113年12月31日（星期二）</time></p>
    <p class="followup-note">辦理情形：<span>各單位時程彙整中。</span></p>
  </li>
  
  <li id="u2">
    <h3><time datetime="2025-01-08">民國114年1月8日（星期三）</time>（2025-01-08） <span class="status status-open">繼續列管</span></h3>
    <p>會議：<a href="/minutes/2025/executive-7/">第7次主管會議</a></p>
    <p>狀態：<span>繼續列管</span>、完成期限：<time datetime="2024-12-31">民國113年12月31日（星期二）</time></p>
    <p class="followup-note">辦理情形：<span>仍待行政院核定。</span></p>
  </li>
  
</ol>
<p class="current">目前狀態：<span class="status status-open">繼續列管</span></p>
</section>
</article>"####;

#[test]
fn the_timeline_runs_from_the_meeting_that_gave_it_to_its_current_status() {
    let (_t, out) = built();
    let page = read(out.join("followups/113-4-02/index.html"));
    assert_eq!(
        between(&page, "<article class=\"followup-page\">", "</article>"),
        TIMELINE
    );
    // Started mid-stream: first seen in a tracking table, self-tracked since.
    let page = read(out.join("followups/113-3-05/index.html"));
    assert!(
        page.contains("<p class=\"note\">本站最早見於此次會議之追蹤列管表</p>"),
        "{page}"
    );
    assert!(
        page.contains("<p class=\"current\">目前狀態：<span class=\"status status-self_tracked\">自行列管</span></p>"),
        "{page}"
    );
}

const UNIT: &str = r####"<section aria-labelledby="unit-followups">
<h2 id="unit-followups">本單位列管中事項</h2>
<p class="counts followup-counts-unit">列管中 1 筆、逾期 1 筆、已解除或自行列管 1 筆、撤銷 0 筆</p>

<ul class="followup-list"><li class="followup followup-open overdue">
  <p class="followup-head"><a href="/followups/113-4-02/">113-4-02</a> <span class="status status-open">繼續列管</span> <strong class="overdue-mark">逾期</strong></p>
  <p class="followup-text">114年度預算案之相關計畫及招標案件，請各司處署依主計處建議妥為衡量預計需辦理之時程，提早規劃並預留彈性空間辦理相關前置作業。</p>
  <p class="followup-meta">完成期限：<time datetime="2024-12-31">民國113年12月31日（星期二）</time> · 主辦單位：<a href="/units/accounting/">主計處</a></p>
</li>
</ul>

<p><a href="/followups/">全部列管事項</a> · <a class="feed" href="/units/accounting/followups.xml">列管事項狀態變更訂閱（Atom）</a></p>
</section>"####;

#[test]
fn unit_pages_show_open_directives_and_counts_of_closed_ones() {
    let (_t, out) = built();
    let page = read(out.join("units/accounting/index.html"));
    assert_eq!(
        between(&page, "<section aria-labelledby=\"unit-followups\">", "</section>"),
        UNIT
    );
}

#[test]
fn the_index_groups_open_directives_by_lead_unit_and_marks_overdue_ones() {
    let (_t, out) = built();
    let page = read(out.join("followups/index.html"));
    let counts = between(&page, "<ul class=\"followup-counts\">", "</ul>");
    for c in [
        "繼續列管</span> 2 筆",
        "展延</span> 0 筆",
        "解除列管</span> 1 筆",
        "自行列管</span> 1 筆",
        "撤銷</span> 1 筆",
        "併案</span> 1 筆",
    ] {
        assert!(counts.contains(c), "{c} in {counts}");
    }
    let open = between(&page, "<section aria-labelledby=\"followup-open\">", "</section>");
    assert!(
        open.contains("逾期以本站最新一次會議日期計：<time datetime=\"2025-01-08\">"),
        "{open}"
    );
    let accounting = open.find("/units/accounting/\">主計處</a></h3>").expect("主計處 group");
    let nics = open
        .find("/units/nics/\">國家資通安全研究院</a></h3>")
        .expect("資安院 group");
    assert!(accounting < nics, "groups in the registry's order");
    assert_eq!(
        open.matches("overdue-mark").count(),
        1,
        "only 113-4-02 is overdue\n{open}"
    );
    let closed = read(out.join("followups/closed/index.html"));
    for id in ["113-4-01", "113-3-05", "113-5-01"] {
        assert!(
            closed.contains(&format!("href=\"/followups/{id}/\"")),
            "{id} on the closed page"
        );
    }
    let withdrawn = read(out.join("followups/withdrawn/index.html"));
    assert!(withdrawn.contains("href=\"/followups/113-4-03/\""));
    assert!(!withdrawn.contains("href=\"/followups/113-4-01/\""));
}

#[test]
fn record_pages_list_their_directives_and_link_tracking_rows() {
    let (_t, out) = built();
    let page = read(out.join("minutes/2024/executive-5/index.html"));
    assert!(page.contains("<tr><td><a href=\"/followups/113-4-02/\">113-4-02</a></td><td>主計處</td><td>各單位時程彙整中。</td><td>展延至113年12月31日</td></tr>"), "{page}");
    let given = between(&page, "<section class=\"followups-given\"", "</section>");
    assert!(given.contains("href=\"/followups/113-5-01/\""), "{given}");
    assert_eq!(
        given.matches("<li class=\"followup").count(),
        1,
        "113-4-02 is updated here, not given here\n{given}"
    );
    let page = read(out.join("followups/113-4-01/index.html"));
    assert!(
        page.contains("案由：<a href=\"/minutes/2024/executive-4/#案由二\">案由二</a>"),
        "{page}"
    );
}

const CSV: &str = r####"編號,日期,民國日期,會議紀錄,指示事項,主辦單位,列管建議,狀態,辦理情形,完成期限,網址
113-3-05,2024-09-11,民國113年9月11日（星期三）,第4次主管會議紀錄,請各單位主管鼓勵及提醒同仁及早於年底前完成規定之學習時數。,人事處,繼續列管,open,已於部務會議再次提醒。,,https://minutes.example.gov.tw/followups/113-3-05/
113-3-05,2024-10-09,民國113年10月9日（星期三）,第5次主管會議紀錄,請各單位主管鼓勵及提醒同仁及早於年底前完成規定之學習時數。,人事處,自行列管,self_tracked,改由人事處自行追蹤。,,https://minutes.example.gov.tw/followups/113-3-05/
113-4-01,2024-10-09,民國113年10月9日（星期三）,第5次主管會議紀錄,請資安院適度公開研析內容，促進對外交流與資訊共享。,國家資通安全研究院,繼續列管,open,已完成第一篇研析摘要。,2024-12-31,https://minutes.example.gov.tw/followups/113-4-01/
113-4-01,2024-11-13,民國113年11月13日（星期三）,第6次主管會議紀錄,請資安院適度公開研析內容，促進對外交流與資訊共享。,國家資通安全研究院,解除列管,closed,研析內容已公開於網站。,2024-12-31,https://minutes.example.gov.tw/followups/113-4-01/
113-4-02,2024-10-09,民國113年10月9日（星期三）,第5次主管會議紀錄,114年度預算案之相關計畫及招標案件，請各司處署依主計處建議妥為衡量預計需辦理之時程，提早規劃並預留彈性空間辦理相關前置作業。,主計處,展延,extended,各單位時程彙整中。,2024-12-31,https://minutes.example.gov.tw/followups/113-4-02/
113-4-02,2025-01-08,民國114年1月8日（星期三）,第7次主管會議紀錄,114年度預算案之相關計畫及招標案件，請各司處署依主計處建議妥為衡量預計需辦理之時程，提早規劃並預留彈性空間辦理相關前置作業。,主計處,繼續列管,open,仍待行政院核定。,2024-12-31,https://minutes.example.gov.tw/followups/113-4-02/
113-4-03,2024-10-09,民國113年10月9日（星期三）,第5次主管會議紀錄,資訊月今年請加強活動宣傳並增加互動體驗，並且搭配數產署設計的展館，讓更多人能看到本部業務推動成果。,民主網絡司、數位產業署,持續列管,open,展館規劃中。,2024-12-15,https://minutes.example.gov.tw/followups/113-4-03/
113-4-03,2024-11-13,民國113年11月13日（星期三）,第6次主管會議紀錄,資訊月今年請加強活動宣傳並增加互動體驗，並且搭配數產署設計的展館，讓更多人能看到本部業務推動成果。,民主網絡司、數位產業署,撤銷列管,withdrawn,資訊月展期調整，改列其他計畫。,2024-12-15,https://minutes.example.gov.tw/followups/113-4-03/
113-5-01,2024-11-13,民國113年11月13日（星期三）,第6次主管會議紀錄,113年預算請各單位依規劃積極辦理，以提升預算執行績效。,主計處,併案,merged,,,https://minutes.example.gov.tw/followups/113-5-01/
113-6-01,2025-01-08,民國114年1月8日（星期三）,第7次主管會議紀錄,請資安院將研析報告與本部轄管法人互相交流。,國家資通安全研究院,列管,open,已洽三家法人。,2025-03-31,https://minutes.example.gov.tw/followups/113-6-01/
"####;

const MERGED_JSON: &str = r####"{
  "id": "113-5-01",
  "url": "https://minutes.example.gov.tw/followups/113-5-01/",
  "text": "113年預算請各單位依規劃積極辦理，以提升預算執行績效。",
  "units": [
    "accounting"
  ],
  "unit_names": [
    "主計處"
  ],
  "status": "merged",
  "due": null,
  "overdue": false,
  "merged_into": "113-4-02",
  "given": {
    "date": "2024-10-09",
    "date_roc": "民國113年10月9日（星期三）",
    "record": "第5次主管會議紀錄",
    "record_url": "https://minutes.example.gov.tw/minutes/2024/executive-5/",
    "item": null
  },
  "first_seen_in_table": false,
  "updates": [
    {
      "date": "2024-11-13",
      "date_roc": "民國113年11月13日（星期三）",
      "record": "第6次主管會議紀錄",
      "record_url": "https://minutes.example.gov.tw/minutes/2024/executive-6/",
      "status": "merged",
      "status_word": "併案",
      "note": null,
      "due": null,
      "merged_into": "113-4-02"
    }
  ]
}"####;

#[test]
fn open_data_has_every_directive_and_a_row_per_update() {
    let (_t, out) = built();
    let csv = read(out.join("data/followups.csv"));
    let csv = csv.strip_prefix('\u{FEFF}').expect("UTF-8 with BOM");
    assert_eq!(csv.matches("\r\n").count(), csv.lines().count(), "CRLF rows");
    assert_eq!(csv.replace("\r\n", "\n"), CSV);
    let json: serde_json::Value = serde_json::from_str(&read(out.join("data/followups.json"))).unwrap();
    assert_eq!(json["as_of"], "2025-01-08");
    let merged = json["directives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "113-5-01")
        .unwrap();
    let expected: serde_json::Value = serde_json::from_str(MERGED_JSON).unwrap();
    assert_eq!(merged, &expected);
    let schema = read(out.join("data/schema/followups.schema.json"));
    assert!(schema.contains("\"enum\": [\n"), "{schema}");
    let dataset = read(out.join("data/dataset.json"));
    assert!(dataset.contains("data/followups.json") && dataset.contains("data/followups.csv"));
    assert!(read(out.join("data/index.html")).contains("followups.csv"));
}

const FEED_TITLES: &str = r####"列管事項 | 測試部會議紀錄
113-4-02 繼續列管
113-4-01 解除列管
113-4-03 撤銷列管
113-5-01 併案
113-6-01 交辦
113-3-05 自行列管
113-4-02 展延
113-5-01 交辦
113-3-05 交辦
113-4-01 交辦
113-4-02 交辦
113-4-03 交辦"####;

#[test]
fn feeds_have_an_entry_per_status_change() {
    let (_t, out) = built();
    let feed = read(out.join("followups/atom.xml"));
    let titles: Vec<&str> = feed
        .split("<title>")
        .skip(1)
        .map(|s| s.split("</title>").next().unwrap())
        .collect();
    assert_eq!(titles.join("\n"), FEED_TITLES);
    let unit = read(out.join("units/accounting/followups.xml"));
    assert_eq!(unit.matches("<entry>").count(), 5, "{unit}");
    assert!(!unit.contains("113-4-01"), "{unit}");
}

fn check(dir: &Path) -> (i32, String, String) {
    run(&["check"], dir)
}

#[test]
fn check_reports_bad_status_words_and_unknown_units_at_their_lines() {
    let t = site_with("record");
    let (code, _out, err) = check(t.path());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error[MB0207]: content/2024/executive-8.md:7:9: unknown unit `數位發展司`\n"),
        "{err}"
    );
    assert!(
        err.contains("error[MB0501]: content/2024/executive-8.md:15:1: unknown follow-up status `待研議`\n"),
        "{err}"
    );
    assert!(
        err.contains("  = help: write one of: 撤銷列管、解除列管、解除追蹤、繼續列管、持續列管、自行列管、自行追蹤、展延、結案、撤銷、併案、列管\n"), "{err}");
}

#[test]
fn check_reports_duplicates_early_updates_and_unknown_ids() {
    let t = site_with("tracker");
    let (code, _out, err) = check(t.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("error[MB0508]: content/2024/executive-8.md:7:9: follow-up `113-4-01` is created twice: in content/2024/executive-4.md:8 and here\n"), "{err}");
    assert!(
        err.contains(
            "error[MB0509]: content/2024/executive-8.md:15:1: unknown follow-up `113-4-10`\n  = help: did you mean `113-4-01`?"
        ),
        "{err}"
    );
    assert_eq!(err.matches("error[").count(), 2, "{err}");
}

#[test]
fn check_warns_of_updates_to_closed_directives_and_reports_overdue_ones() {
    let t = site_with("warning");
    let (code, out, err) = check(t.path());
    assert_eq!(code, 0, "{out}{err}");
    let all = format!("{out}{err}");
    assert!(all.contains("warning[MB0510]: content/2024/executive-3.md:7:9: this update of `113-6-01` is dated 2024-08-14, before the directive was given (2024-11-13, content/2024/executive-6.md:8); it is left out of the directive's timeline\n"), "{all}");
    assert!(all.contains("warning[MB0511]: content/2024/executive-8.md:11:1: `113-4-01` was already closed (2024-11-13) and is updated as 結案 without being re-opened\n"), "{all}");
    assert!(all.contains("suggestion[MB0513]: content/2024/executive-4.md:13:1: 主計處: 1 follow-up overdue on 2025-01-08: 113-4-02 (due 2024-12-31)\n"), "{all}");
}

/// The ids and overdue marks of the directives listed in `html` (`followup_item.html`'s items), in
/// the page's order.
fn listed(html: &str) -> Vec<(String, bool)> {
    html.split("<li class=\"followup ")
        .skip(1)
        .map(|item| {
            let class = &item[..item.find('"').unwrap()];
            let href = between(item, "<a href=\"/followups/", "/\"");
            let id = &href["<a href=\"/followups/".len()..href.len() - 2];
            (id.to_string(), class.split(' ').any(|c| c == "overdue"))
        })
        .collect()
}

/// The open directives that unit `slug` owns (leads or shares) in `data/followups.json`, in the
/// order its pages list them: soonest due first, those with none last, then by id.
fn open_in_data(json: &serde_json::Value, slug: &str) -> Vec<(String, bool)> {
    let mut open: Vec<(bool, String, String, bool)> = json["directives"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| matches!(d["status"].as_str(), Some("open" | "extended")))
        .filter(|d| d["units"].as_array().unwrap().iter().any(|u| u == slug))
        .map(|d| {
            let due = d["due"].as_str().map(str::to_string);
            (
                due.is_none(),
                due.unwrap_or_default(),
                d["id"].as_str().unwrap().to_string(),
                d["overdue"].as_bool().unwrap(),
            )
        })
        .collect();
    open.sort();
    open.into_iter().map(|(_, _, id, overdue)| (id, overdue)).collect()
}

/// Every page of the list at `out/<rel>` (`units/<slug>/followups/`), following each page's
/// `rel="next"` link: the directives listed, in order, and how many pages there were.
fn walk_list(out: &Path, rel: &str) -> (Vec<(String, bool)>, usize) {
    let mut all = Vec::new();
    let mut pages = 0;
    let mut next = Some(format!("/{rel}"));
    while let Some(url) = next {
        let page = read(out.join(url.trim_start_matches('/')).join("index.html"));
        pages += 1;
        let list = between(&page, "<ul class=\"followup-list\">", "</ul>");
        all.extend(listed(list));
        next = page
            .split("\" rel=\"next\">")
            .next()
            .filter(|_| page.contains("rel=\"next\""))
            .and_then(|s| s.rsplit("href=\"").next())
            .map(str::to_string);
    }
    (all, pages)
}

#[test]
fn a_unit_page_lists_its_soonest_open_directives_and_links_a_list_of_them_all() {
    // A generated archive: three directives a meeting, most left open, so some units own far
    // more than a unit page lists. At 180 records (seed 5) 12 of the 15 units have more than 20
    // open (5 of them more than a list page of 30) and 3 have 20 or fewer, so both kinds of unit
    // page are checked; at 300 every unit had more than 20.
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    minutebook_bench::generate::generate_site(
        &root,
        &minutebook_bench::generate::GenerateOptions { records: 180, seed: 5 },
    )
    .unwrap();
    let out = build_ok(&root);
    let json: serde_json::Value = serde_json::from_str(&read(out.join("data/followups.json"))).unwrap();
    let per_page = 30;
    let (mut capped, mut whole, mut paged) = (0, 0, 0);
    for unit in std::fs::read_dir(out.join("units")).unwrap() {
        let unit = unit.unwrap();
        if !unit.file_type().unwrap().is_dir() {
            continue;
        }
        let slug = unit.file_name().to_string_lossy().to_string();
        let open = open_in_data(&json, &slug);
        let page = read(unit.path().join("index.html"));
        let list_rel = format!("units/{slug}/followups/");
        if open.is_empty() {
            assert!(
                !out.join(&list_rel).exists(),
                "{slug} has no open directive, and no list"
            );
            continue;
        }
        let section = between(&page, "<section aria-labelledby=\"unit-followups\">", "</section>");
        let shown = listed(section);
        // The unit's page: the soonest due, at most 20, overdue ones marked, and its counts.
        assert_eq!(shown[..], open[..open.len().min(20)], "{slug}: {section}");
        assert!(
            section.contains(&format!(
                "<p class=\"counts followup-counts-unit\">列管中 {} 筆、",
                open.len()
            )),
            "{section}"
        );
        let overdue = open.iter().filter(|(_, o)| *o).count();
        assert!(section.contains(&format!("、逾期 {overdue} 筆、")), "{section}");
        let link = format!(
            "<p class=\"more\"><a href=\"/{list_rel}\">全部 {} 筆列管中事項</a></p>",
            open.len()
        );
        if open.len() > 20 {
            capped += 1;
            assert!(section.contains(&link), "{slug} links its whole list: {section}");
            assert!(
                section.contains(&format!(
                    "<h2 id=\"unit-followups\">本單位列管中事項<span class=\"page-of\">（{}，列出期限最近 20 筆）</span></h2>",
                    open.len()
                )),
                "{section}"
            );
        } else {
            whole += 1;
            assert!(!section.contains("class=\"more\""), "{slug} lists them all: {section}");
        }
        // The list: every open directive of the unit, in order, and no other, a page at a time.
        let (all, pages) = walk_list(&out, &list_rel);
        assert_eq!(all, open, "{slug}'s list");
        assert_eq!(pages, open.len().div_ceil(per_page), "{slug}'s list pages");
        paged += usize::from(pages > 1);
    }
    assert!(
        capped > 0 && paged > 0,
        "some unit has more than a page of open directives"
    );
    assert!(whole > 0, "some unit's page lists all its open directives");
    // The index links a lead unit's group that it cuts short to the unit's list.
    let index = read(out.join("followups/index.html"));
    assert!(
        index.contains("<p class=\"more\"><a href=\"/units/"),
        "a group links its unit's list"
    );
    for more in index.split("<p class=\"more\"><a href=\"/units/").skip(1) {
        let slug = &more[..more.find('/').unwrap()];
        let n = open_in_data(&json, slug).len();
        assert!(
            more.starts_with(&format!("{slug}/followups/\">")) && more.contains(&format!("全部 {n} 筆列管中事項</a>")),
            "{more}"
        );
    }
}

#[test]
fn a_units_list_of_open_directives_gives_its_counts_and_each_open_one() {
    let (t, out) = built();
    // 主計處 owns one open (overdue), one closed and one merged: one on its list, its page links
    // no list (it shows them all).
    let page = read(out.join("units/accounting/followups/index.html"));
    assert_eq!(listed(&page), [("113-4-02".to_string(), true)]);
    assert_snapshot("unit-followups-accounting", &page_text(&page, "<h1", "</main>"));
    // A unit that owns only a withdrawn directive (民主網絡司, 113-4-03) has no list.
    assert!(!out.join("units/democracy/followups").exists());
    // The same in English.
    let cfg = t.path().join("minutebook.yaml");
    let text = read(&cfg).replace("language: zh-Hant-TW", "language: en");
    std::fs::write(&cfg, text).unwrap();
    let out = build_ok(t.path());
    let page = read(out.join("units/nics/followups/index.html"));
    assert_snapshot("unit-followups-nics-en", &page_text(&page, "<h1", "</main>"));
    // A unit with no English name keeps it in Chinese, marked so in the English heading.
    let page = read(out.join("units/accounting/followups/index.html"));
    let h1 = &page[page.find("<h1").unwrap()..page.find("</h1>").unwrap()];
    assert_eq!(h1, "<h1><span lang=\"zh-Hant-TW\">主計處</span>: open follow-ups");
    // And on the unit's list of the meetings that mention it.
    let page = read(out.join("units/accounting/mentions/index.html"));
    let h1 = &page[page.find("<h1").unwrap()..page.find("</h1>").unwrap()];
    assert_eq!(
        h1,
        "<h1><span lang=\"zh-Hant-TW\">主計處</span>: All meetings that mention it"
    );
}
