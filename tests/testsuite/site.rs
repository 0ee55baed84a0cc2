//! The foundation, end to end: the bundled record's structure, every page kind, dates in both
//! calendars, drafts, template overrides, deterministic output, and every kind of bad input.

use crate::support::*;

#[test]
fn bundled_record_structure() {
    let site = bundled_site();
    let loaded = minutebook::build::load(&options(site.path())).unwrap_or_else(|d| panic!("{d:?}"));
    let rec = &loaded.archive.records[0];
    let items: Vec<(&str, Vec<&str>)> = rec
        .structure
        .agenda
        .iter()
        .map(|a| (a.label.as_str(), a.units.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        items,
        [
            ("案由一", vec!["strategy"]),
            ("案由二", vec!["nics"]),
            ("案由三", vec!["secretariat"]),
            // The motion under 臨時動議, with its 提案單位.
            ("臨時動議一", vec!["democracy"])
        ]
    );
    assert!(
        rec.structure.agenda[3].decision.starts_with("一、洽悉。"),
        "{}",
        rec.structure.agenda[3].decision
    );
    assert!(
        rec.structure.agenda[0].decision.starts_with("一、洽悉。"),
        "{}",
        rec.structure.agenda[0].decision
    );
    assert!(rec.structure.agenda[1]
        .decision
        .contains("資安院進行資安及資通訊相關政策與法制研究"));
    let reports: Vec<&str> = rec.structure.reports.iter().map(|r| r.unit.as_str()).collect();
    assert_eq!(
        reports,
        [
            "strategy",
            "resilience",
            "resources",
            "government",
            "democracy",
            "innovation",
            "personnel",
            "accounting",
            "it",
            "legal",
            "adi",
            "acs",
            "nics"
        ]
    );
    // 數產署 in the text resolves to 數位產業署.
    assert!(rec.structure.mentions.contains(&"adi".to_string()));
    assert_eq!(loaded.archive.units.get("數產署").unwrap().name, "數位產業署");
}

#[test]
fn every_page_kind_is_written() {
    let site = bundled_site();
    let out = build_ok(site.path());
    for page in [
        "index.html",
        "404.html",
        "minutes/2024/executive-4/index.html",
        "units/index.html",
        "units/adi/index.html",
        "units/adi/mentions/index.html",
        "topics/index.html",
        "topics/ai/index.html",
        "series/index.html",
        "series/executive/index.html",
        "years/index.html",
        "years/2024/index.html",
        "style.css",
    ] {
        assert!(out.join(page).is_file(), "missing {page}");
    }
    let record = read(out.join("minutes/2024/executive-4/index.html"));
    assert!(record.contains("<html lang=\"zh-Hant-TW\">"));
    assert!(record.contains("民國113年9月11日（星期三）"), "ROC date");
    assert!(record.contains("2024-09-11"), "ISO date");
    assert!(record.contains("<h3 id=\"案由二\">"), "agenda anchor");
    assert!(record.contains("<h3 id=\"國家資通安全研究院\">"), "unit report anchor");
    assert!(record.contains("href=\"#案由一\""), "contents list");
    assert!(record.contains("href=\"/units/strategy/\""), "unit links");
    assert!(record.contains("黃部長彥男") && record.contains("林怡芬") && record.contains("本部延平大樓101會議室"));
    assert_eq!(record.matches("<h1").count(), 1);
    assert!(
        record.contains("<table>") && record.contains("<th>主軸議題</th>"),
        "seed tables as tables"
    );

    // The unit page lists the agenda item it reported, linked to its anchor, with the decision.
    let nics = read(out.join("units/nics/index.html"));
    assert!(nics.contains("href=\"/minutes/2024/executive-4/#案由二\""), "{nics}");
    assert!(
        nics.contains("<p>二、資安院進行資安及資通訊相關政策與法制研究") && nics.contains(">全文<"),
        "the decision's substance, with a link to the whole text"
    );
    assert!(
        nics.contains("href=\"/minutes/2024/executive-4/#國家資通安全研究院\""),
        "unit report link"
    );
    // A unit that only appears in passing is listed apart, as a mention.
    let ethics = read(out.join("units/ethics/index.html"));
    assert!(
        ethics.contains("unit-mentions"),
        "政風處 is only mentioned (attendee list)"
    );
    let adi = read(out.join("units/adi/index.html"));
    assert!(adi.contains("數位產業署"));

    let units = read(out.join("units/index.html"));
    assert_eq!(
        units.matches("class=\"count\"").count(),
        15,
        "fifteen units with counts"
    );
    let home = read(out.join("index.html"));
    assert!(home.contains("第4次主管會議紀錄") && home.contains("href=\"/years/2024/\""));
    assert!(read(out.join("404.html")).contains("找不到"));
}

/// The bundled site with two records a page and four more records (第1次 … 第4次, 2023), so
/// listings run to three pages.
fn paginated_site() -> tempfile::TempDir {
    let site = bundled_site();
    let yaml = read(site.path().join("minutebook.yaml")) + "per_page: 2\n";
    write(site.path(), "minutebook.yaml", &yaml);
    for n in 1..=4 {
        write(
            site.path(),
            &format!("content/2023/ex-{n}.md"),
            &RECORD
                .replace("第1次", &format!("第{n}次"))
                .replace("number: 1", &format!("number: {n}"))
                .replace("2024-01-10", &format!("2023-0{n}-10")),
        );
    }
    site
}

#[test]
fn listings_are_paginated() {
    let site = paginated_site();
    let out = build_ok(site.path());
    assert!(out.join("page/2/index.html").is_file());
    assert!(out.join("page/3/index.html").is_file());
    assert!(out.join("series/executive/page/3/index.html").is_file());
    assert!(out.join("units/secretariat/page/3/index.html").is_file());
    let p2 = read(out.join("page/2/index.html"));
    assert!(p2.contains("rel=\"prev\"") && p2.contains("rel=\"next\""));
}

#[test]
fn later_listing_pages_have_their_own_title() {
    let site = paginated_site();
    let title = |out: &std::path::Path, rel: &str| -> String {
        let html = read(out.join(rel));
        let start = html.find("<title>").unwrap() + "<title>".len();
        html[start..html.find("</title>").unwrap()].to_string()
    };
    let out = build_ok(site.path());
    assert_eq!(title(&out, "index.html"), "數位發展部會議紀錄");
    assert_eq!(title(&out, "page/2/index.html"), "第2頁 | 數位發展部會議紀錄");
    assert_eq!(
        title(&out, "years/2023/index.html"),
        "2023年（民國112年） | 數位發展部會議紀錄"
    );
    assert_eq!(
        title(&out, "years/2023/page/2/index.html"),
        "2023年（民國112年） – 第2頁 | 數位發展部會議紀錄"
    );
    assert_eq!(
        title(&out, "units/secretariat/page/3/index.html"),
        "秘書處 – 第3頁 | 數位發展部會議紀錄"
    );
    // Every later page of every listing has a title of its own.
    let mut later = 0;
    for e in walkdir::WalkDir::new(&out).into_iter().filter_map(Result::ok) {
        let rel = e.path().strip_prefix(&out).unwrap().to_string_lossy().into_owned();
        let Some(i) = rel.find("page/") else { continue };
        if !rel.ends_with("/index.html") {
            continue;
        }
        later += 1;
        let first = format!("{}index.html", &rel[..i]);
        assert_ne!(title(&out, &rel), title(&out, &first), "{rel}");
    }
    assert!(later >= 5, "{later} later pages");

    set_language(site.path(), "en");
    let out = build_ok(site.path());
    assert_eq!(
        title(&out, "series/executive/page/2/index.html"),
        "Executive Meeting – page 2 | 數位發展部會議紀錄"
    );
    assert_eq!(title(&out, "page/3/index.html"), "page 3 | 數位發展部會議紀錄");
}

#[test]
fn previous_and_next_in_series() {
    let site = bundled_site();
    write(
        site.path(),
        "content/2024/executive-3.md",
        &RECORD
            .replace("number: 1", "number: 3")
            .replace("2024-01-10", "2024-08-30"),
    );
    let out = build_ok(site.path());
    let four = read(out.join("minutes/2024/executive-4/index.html"));
    assert!(
        four.contains("rel=\"prev\"") && four.contains("/minutes/2024/executive-3/"),
        "previous"
    );
    let three = read(out.join("minutes/2024/executive-3/index.html"));
    assert!(
        three.contains("rel=\"next\"") && three.contains("/minutes/2024/executive-4/"),
        "next"
    );
}

#[test]
fn meetings_on_one_day_are_ordered_by_number() {
    let site = bundled_site();
    for (n, date) in [(9, "2024-10-09"), (10, "2024-10-16"), (11, "2024-10-16")] {
        write(
            site.path(),
            &format!("content/2024/executive-{n}.md"),
            &RECORD
                .replace("第1次", &format!("第{n}次"))
                .replace("number: 1", &format!("number: {n}"))
                .replace("2024-01-10", date),
        );
    }
    let out = build_ok(site.path());
    // Newest first: 第11次 before 第10次 (their URLs sort the other way), on every listing.
    for page in ["index.html", "years/2024/index.html", "series/executive/index.html"] {
        let html = read(out.join(page));
        let at = |n: u32| {
            html.find(&format!("/minutes/2024/executive-{n}/"))
                .unwrap_or_else(|| panic!("{page}: no {n}"))
        };
        assert!(at(11) < at(10) && at(10) < at(9) && at(9) < at(4), "{page}");
    }
    let link = |n: u32, rel: &str| -> String {
        let html = read(out.join(format!("minutes/2024/executive-{n}/index.html")));
        let end = html
            .find(&format!("rel=\"{rel}\""))
            .unwrap_or_else(|| panic!("{n}: no {rel}"));
        let start = html[..end].rfind("href=\"").unwrap() + "href=\"".len();
        html[start..end].trim_end_matches(['"', ' ']).to_string()
    };
    assert_eq!(link(9, "next"), "/minutes/2024/executive-10/");
    assert_eq!(link(10, "prev"), "/minutes/2024/executive-9/");
    assert_eq!(link(10, "next"), "/minutes/2024/executive-11/");
    assert_eq!(link(11, "prev"), "/minutes/2024/executive-10/");
    let data: serde_json::Value = serde_json::from_str(&read(out.join("data/minutes/2024.json"))).unwrap();
    let numbers: Vec<u64> = data["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [11, 10, 9, 4]);
}

#[test]
fn every_page_declares_its_icon_so_browsers_do_not_request_favicon_ico() {
    let site = bundled_site();
    let out = build_ok(site.path());
    let mut pages = 0;
    for e in walkdir::WalkDir::new(&out).into_iter().filter_map(Result::ok) {
        if e.path().extension().is_some_and(|x| x == "html") {
            let html = read(e.path());
            let head = &html[..html.find("</head>").expect("a head")];
            assert!(
                head.contains("<link rel=\"icon\" href=\"data:,\">"),
                "{}",
                e.path().display()
            );
            pages += 1;
        }
    }
    assert!(pages > 10, "{pages} pages");
    assert!(!out.join("favicon.ico").exists());
}

#[test]
fn drafts_only_with_flag() {
    let site = bundled_site();
    write(
        site.path(),
        "content/2024/draft.md",
        &RECORD.replace("number: 1", "number: 9\ndraft: true"),
    );
    let out = build_ok(site.path());
    assert!(!out.join("minutes/2024/executive-9").exists());
    let mut o = options(site.path());
    o.drafts = true;
    let report = minutebook::build::build(&o).unwrap();
    assert!(out.join("minutes/2024/executive-9/index.html").is_file());
    assert_eq!(report.drafts, 0);
}

#[test]
fn site_templates_override_the_theme() {
    let site = bundled_site();
    write(
        site.path(),
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<h1>自訂找不到頁面</h1>{% endblock content %}",
    );
    write(site.path(), "static/style.css", "body{color:red}");
    let out = build_ok(site.path());
    assert!(read(out.join("404.html")).contains("自訂找不到頁面"));
    assert_eq!(read(out.join("style.css")), "body{color:red}");
    assert!(
        read(out.join("index.html")).contains("第4次主管會議紀錄"),
        "other templates still from the theme"
    );
}

#[test]
fn builds_are_byte_identical_and_thread_independent() {
    let site = bundled_site();
    let a = snapshot(&build_ok(site.path()));
    let b = snapshot(&build_ok(site.path()));
    assert_eq!(a, b);
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let c = one.install(|| snapshot(&build_ok(site.path())));
    assert_eq!(a, c, "a single-threaded build writes the same bytes");
}

fn expect_failure(site: &std::path::Path, needles: &[&str]) -> String {
    // Leave a previous good output in place and check it survives.
    let (code, _, stderr) = run(&["build", "--root", "."], site);
    assert_ne!(code, 0, "build should fail:\n{stderr}");
    for n in needles {
        assert!(stderr.contains(n), "expected `{n}` in:\n{stderr}");
    }
    stderr
}

#[test]
fn bad_input_is_reported_together_and_keeps_previous_output() {
    let site = bundled_site();
    let out = build_ok(site.path());
    let before = snapshot(&out);
    let r = site.path();
    write(
        r,
        "content/a.md",
        "---\ntitle: [unclosed\nseries: 主管會議\ndate: 2024-01-01\n---\n",
    );
    write(r, "content/b.md", "---\ntitle: x\nseries: 主管會議\ndate: 2024-01-01\n");
    write(r, "content/c.md", "# no front matter\n");
    write(r, "content/d.md", "---\nseries: 主管會議\n---\n");
    write(
        r,
        "content/e.md",
        "---\ntitle: x\nseries: 主管會議\ndate: 2024-02-30\nslug: e\n---\n",
    );
    write(
        r,
        "content/f.md",
        "---\ntitle: x\nseries: 主管會議\ndate: 113-13-01\nslug: f\n---\n",
    );
    write(
        r,
        "content/g.md",
        "---\ntitle: x\nseries: 主管會議\ndate: 2024-01-01\nchiar: 某人\nslug: g\n---\n",
    );
    write(
        r,
        "content/h.md",
        "---\ntitle: x\nseries: 主管會議\ndate: 2024-01-01\nunits: [數位產業]\ntopics: [人工智能]\nslug: h\n---\n",
    );
    write(
        r,
        "content/i.md",
        "---\ntitle: x\nseries: 主管会議\ndate: 2024-01-01\nslug: i\n---\n",
    );
    write(
        r,
        "content/j1.md",
        "---\ntitle: x\nseries: 主管會議\ndate: 2024-01-01\nslug: same\n---\n",
    );
    write(
        r,
        "content/j2.md",
        "---\ntitle: y\nseries: 主管會議\ndate: 2024-03-01\nslug: same\n---\n",
    );
    std::fs::write(r.join("content/k.md"), b"---\ntitle: \xb7\xc5\n---\n").unwrap();
    write(
        r,
        "content/m.md",
        "---\ntitle: x\ntime: \"10:30-12:00\nseries: 主管會議\ndate: 2024-01-01\nunits: [\"數產署\"]\nslug: m\n---\n",
    );
    write(
        r,
        "content/l.md",
        "---\ntitle: x\nseries: 主管會議\ndate: 2024-01-01\nslug: ../../../tmp/evil\n---\n",
    );
    let stderr = expect_failure(
        r,
        &[
            // An unclosed bracket or quote is located where it opens, not where the parser
            // gave up.
            "content/a.md:2:8: this list is not closed on its line (`[` without `]`)",
            "content/m.md:3:7: this quoted value is not closed on its line (`\"` without `\"`)",
            "content/b.md:1:1: the front-matter block is not closed",
            "content/c.md:1:1: the record does not start with a front-matter block",
            "content/d.md:1:1: the record has no `title`",
            "content/d.md:1:1: the record has no `date`",
            "content/e.md:4:7: `2024-02-30` is not a date: 2024-02 has 29 days",
            "content/f.md:4:7: `113-13-01` is not a date: there is no month 13",
            "content/g.md:5:1: unknown key `chiar`",
            "did you mean `chair`?",
            "content/h.md:5:9: unknown unit `數位產業`",
            "did you mean `數位產業署`?",
            "content/h.md:6:10: unknown topic `人工智能`",
            "content/i.md:3:9: unknown series `主管会議`",
            "content/j2.md:1:1: `content/j1.md` and `content/j2.md` would both be published at /minutes/2024/same/",
            "content/k.md:2:8: the file is not valid UTF-8",
            "content/l.md:5:7: slug `../../../tmp/evil` would write outside the output folder",
            "nothing was written",
        ],
    );
    assert!(
        stderr.contains("5 | chiar: 某人"),
        "shows the offending line:\n{stderr}"
    );
    assert_eq!(snapshot(&out), before, "the previous output is untouched");
    assert!(!std::path::Path::new("/tmp/evil").exists());
}

#[test]
fn dates_outside_the_roc_calendar_are_errors() {
    let site = bundled_site();
    let r = site.path();
    for (name, date) in [
        ("a", "1000-01-01"),
        ("b", "1911-09-11"),
        ("c", "0-09-11"),
        ("d", "202-09-11"),
        ("e", "3024-01-01"),
    ] {
        write(
            r,
            &format!("content/{name}.md"),
            &format!("---\ntitle: x\nseries: 主管會議\ndate: {date}\nslug: {name}\n---\n"),
        );
    }
    expect_failure(
        r,
        &[
            "content/a.md:4:7: `1000-01-01` is before 1912-01-01, the first day of the 民國 calendar (民國1年1月1日)",
            "content/b.md:4:7: `1911-09-11` is before 1912-01-01",
            "content/c.md:4:7: `0-09-11` is in 民國0年, but the 民國 calendar starts with 民國1年 (1912)",
            "content/d.md:4:7: `202-09-11` would be 民國202年, which is 2113, after 2100",
            "write the Western year in full (2024-09-11) or the 民國 year (113-09-11)",
            "content/e.md:4:7: `3024-01-01` is after 2100, which is taken to be a typo",
            "5 problems found",
        ],
    );
}

#[test]
fn the_records_decision_label_is_kept() {
    let site = bundled_site();
    write(
        site.path(),
        "content/2024/executive-1.md",
        &RECORD.replace("決定：洽悉。", "決議：照案通過，請秘書處辦理。"),
    );
    write(
        site.path(),
        "content/2024/executive-2.md",
        &RECORD
            .replace("number: 1", "number: 2")
            .replace("2024-01-10", "2024-02-10"),
    );
    let check = |out: &std::path::Path, resolution: &str, decision: &str| {
        let unit = read(out.join("units/secretariat/index.html"));
        assert!(
            unit.contains(&format!(
                "<p class=\"decision-label\"{resolution}</p><p>照案通過，請秘書處辦理。</p>"
            )),
            "{unit}"
        );
        assert!(
            unit.contains(&format!("<p class=\"decision-label\"{decision}</p><p>洽悉。</p>")),
            "{unit}"
        );
        let data: serde_json::Value =
            serde_json::from_str(&read(out.join("data/minutes/2024/executive-1.json"))).unwrap();
        assert_eq!(data["agenda"][0]["decision_label"], "決議");
        let data: serde_json::Value =
            serde_json::from_str(&read(out.join("data/minutes/2024/executive-2.json"))).unwrap();
        assert_eq!(data["agenda"][0]["decision_label"], "決定");
    };
    check(&build_ok(site.path()), ">決議", ">決定");
    set_language(site.path(), "en");
    check(
        &build_ok(site.path()),
        " lang=\"en\">Resolution",
        " lang=\"en\">Decision",
    );
}

#[test]
fn items_written_as_paragraphs_are_linked_to_their_own_paragraph() {
    let site = bundled_site();
    write(
        site.path(),
        "content/2024/executive-1.md",
        "---\ntitle: 第1次主管會議紀錄\nseries: 主管會議\nnumber: 1\ndate: 2024-01-10\n---\n\n\
         ## 貳、討論事項\n\n案由一：測試案，提請討論。（提案單位：秘書處）\n\n決議：照案通過。\n\n\
         宣讀上次會議紀錄。\n\n決議：確定。\n",
    );
    let out = build_ok(site.path());
    let record = read(out.join("minutes/2024/executive-1/index.html"));
    // The paragraph the item starts at carries its anchor; the decisions summary links to it.
    assert!(record.contains("<p id=\"案由一\">案由一：測試案"), "{record}");
    assert!(record.contains("<p id=\"討論事項二\">宣讀上次會議紀錄。"), "{record}");
    assert!(record.contains("<a href=\"#案由一\""), "{record}");
    assert!(record.contains("<a href=\"#討論事項二\""), "{record}");
    let unit = read(out.join("units/secretariat/index.html"));
    assert!(unit.contains("/minutes/2024/executive-1/#案由一\""), "{unit}");
    let data: serde_json::Value = serde_json::from_str(&read(out.join("data/minutes/2024/executive-1.json"))).unwrap();
    assert_eq!(
        data["agenda"][0]["url"],
        "https://minutes.example.gov.tw/minutes/2024/executive-1/#%E6%A1%88%E7%94%B1%E4%B8%80",
        "{data}"
    );
}

#[test]
fn urls_differing_only_in_case_and_page_like_slugs_are_errors() {
    let site = bundled_site();
    let out = build_ok(site.path());
    let before = snapshot(&out);
    let r = site.path();
    write(
        r,
        "content/a.md",
        "---\ntitle: x\nseries: 主管會議\ndate: 2024-01-01\nslug: Exec-9\n---\n",
    );
    write(
        r,
        "content/b.md",
        "---\ntitle: y\nseries: 主管會議\ndate: 2024-03-01\nslug: exec-9\n---\n",
    );
    write(
        r,
        "content/c.md",
        "---\ntitle: z\nseries: 主管會議\ndate: 2024-01-01\nslug: index.html\n---\n",
    );
    expect_failure(
        r,
        &[
            "content/b.md:1:1: `content/a.md` and `content/b.md` would be published at /minutes/2024/Exec-9/ and \
             /minutes/2024/exec-9/, which differ only in letter case: on a case-insensitive file system (macOS, \
             Windows) one would overwrite the other",
            "content/c.md:5:7: slug `index.html` is named like a page",
            "help: a slug is the last part of the URL, without a file extension, e.g. executive-4",
            "2 problems found",
        ],
    );
    assert_eq!(snapshot(&out), before, "the previous output is untouched");
}

#[test]
fn record_item_template_shapes_every_listing() {
    // Listings show each record through `record_item.html`, rendered once per record.
    let site = bundled_site();
    write(
        site.path(),
        "templates/record_item.html",
        "<li class=\"mine\"><a href=\"{{ r.url }}\">{{ r.title }}</a> {{ r.date }}</li>\n",
    );
    let out = build_ok(site.path());
    let item = "<li class=\"mine\"><a href=\"/minutes/2024/executive-4/\">第4次主管會議紀錄</a> 2024-09-11</li>";
    for page in ["index.html", "years/2024/index.html", "series/executive/index.html"] {
        let html = read(out.join(page));
        assert!(html.contains(item), "{page} shows the custom item:\n{html}");
        assert!(!html.contains("record-meta"), "{page} keeps no theme item");
    }
}

#[test]
fn broken_item_template_is_located() {
    let site = bundled_site();
    write(
        site.path(),
        "templates/record_item.html",
        "<li>\n{{ r.title | nosuchfilter }}</li>\n",
    );
    expect_failure(site.path(), &["templates/record_item.html:2:", "nosuchfilter"]);
}

#[test]
fn broken_template_names_template_and_line() {
    let site = bundled_site();
    write(
        site.path(),
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{{ oops( }}\n{% endblock content %}\n",
    );
    expect_failure(site.path(), &["templates/404.html:3:", "the template is broken"]);
}

#[test]
fn bad_config_is_located() {
    let site = bundled_site();
    let yaml = read(site.path().join("minutebook.yaml")).replace("theme: default", "them: default");
    write(site.path(), "minutebook.yaml", &yaml);
    expect_failure(
        site.path(),
        &[
            "minutebook.yaml:",
            "unknown field `them`",
            "did you mean `theme`?",
            "error: 1 problem found; nothing was written",
        ],
    );
    // An unclosed quote in the configuration is located where it opens.
    let yaml = read(site.path().join("minutebook.yaml")).replace("them: default", "theme: \"default");
    write(site.path(), "minutebook.yaml", &yaml);
    let line = yaml.lines().position(|l| l.starts_with("theme:")).unwrap() + 1;
    expect_failure(
        site.path(),
        &[&format!(
            "minutebook.yaml:{line}:8: this quoted value is not closed on its line"
        )],
    );
}

#[test]
fn check_writes_nothing() {
    let site = bundled_site();
    let (code, stdout, stderr) = run(&["check", "--root", "."], site.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("checked 1 record (1 built; 0 drafts and 0 scheduled left out): 0 errors"),
        "{stdout}"
    );
    assert!(!site.path().join("public").exists());
}

#[test]
fn output_outside_site_is_guarded() {
    let site = bundled_site();
    let (code, _, stderr) = run(&["build", "--output", "content"], site.path());
    assert_ne!(code, 0);
    assert!(stderr.contains("would hold the site's own files"), "{stderr}");
    assert!(
        site.path().join("content/2024/executive-4.md").is_file(),
        "content untouched"
    );
}

#[test]
fn english_sites_get_english_strings() {
    let site = bundled_site();
    // One series without an English name: it is shown in Chinese, marked as such.
    let yaml = read(site.path().join("minutebook.yaml"))
        .replace("language: zh-Hant-TW", "language: en")
        .replace(", en: Executive Meeting", "");
    assert!(yaml.contains("language: en") && !yaml.contains("Executive Meeting"));
    write(site.path(), "minutebook.yaml", &yaml);
    // An older record in the same series, so the bundled one has a neighbour.
    write(site.path(), "content/2024/executive-1.md", RECORD);
    let out = build_ok(site.path());
    let home = read(out.join("index.html"));
    assert!(home.contains("<html lang=\"en\">"));
    assert!(
        home.contains("Skip to main content") && home.contains("Latest minutes"),
        "{home}"
    );
    let units = read(out.join("units/index.html"));
    assert!(
        units.contains("Administration for Digital Industries"),
        "English unit names"
    );
    // Punctuation the templates put around values follows the language too.
    let record = read(out.join("minutes/2024/executive-4/index.html"));
    assert!(record.contains("</time> (2024-09-11)</dd>"), "ASCII parentheses");
    assert!(record.contains(">Wednesday, 11 September 2024</time>"), "English date");
    assert!(
        record.contains("關政務次長河鳴, 林政務次長宜敬"),
        "attendees joined with a comma"
    );
    assert!(home.contains("Published by: "), "ASCII colon in the footer");
    // The years' 民國 year is in English too, on the home page and the years index.
    assert!(home.contains(">2024 (ROC 113)</a>"), "{home}");
    let years = read(out.join("years/index.html"));
    assert!(years.contains(">2024 (ROC 113)</a>"), "{years}");
    // The records are Chinese (content_language defaults to zh-Hant-TW): their titles and bodies
    // say so inside the English page.
    assert!(record.contains("<div class=\"body\" lang=\"zh-Hant-TW\">"), "body lang");
    assert!(record.contains("<h1 lang=\"zh-Hant-TW\">"), "title lang");
    // So are the facts the record's front-matter writes in its own language.
    for fact in [
        "本部延平大樓101會議室",
        "黃部長彥男",
        "林怡芬",
        "關政務次長河鳴, 林政務次長宜敬",
    ] {
        assert!(
            record.contains(&format!("<dd lang=\"zh-Hant-TW\">{fact}")),
            "fact lang: {fact}"
        );
    }
    let year = read(out.join("years/2024/index.html"));
    assert!(
        year.contains("<h3 class=\"record-title\" lang=\"zh-Hant-TW\">"),
        "listing title lang"
    );
    assert!(
        record.contains("<a href=\"/minutes/2024/executive-1/\" rel=\"prev\" lang=\"zh-Hant-TW\">"),
        "series neighbour title lang"
    );
    let unit = read(out.join("units/nics/index.html"));
    assert!(
        unit.contains("<a href=\"/minutes/2024/executive-4/#案由二\" lang=\"zh-Hant-TW\">"),
        "agenda item lang on unit pages"
    );
    assert!(
        unit.contains("<a href=\"/minutes/2024/executive-4/#國家資通安全研究院\" lang=\"zh-Hant-TW\">"),
        "unit report heading lang"
    );
    let ethics = read(out.join("units/ethics/index.html"));
    assert!(
        ethics.contains("<ul class=\"mentions\"><li><a href=\"/minutes/2024/executive-4/\" lang=\"zh-Hant-TW\">"),
        "mention title lang"
    );
    // A registry name shown untranslated carries the records' language (WCAG 3.1.2), wherever it
    // appears; translated names carry none.
    for (page, needle) in [
        (
            "minutes/2024/executive-4/index.html",
            "<li><a href=\"/series/executive/\" lang=\"zh-Hant-TW\">主管會議</a></li>",
        ),
        (
            "minutes/2024/executive-4/index.html",
            "<dd><a href=\"/series/executive/\" lang=\"zh-Hant-TW\">主管會議</a>",
        ),
        ("series/executive/index.html", "<h1 lang=\"zh-Hant-TW\">主管會議</h1>"),
        (
            "series/index.html",
            "<a href=\"/series/executive/\"><span lang=\"zh-Hant-TW\">主管會議</span></a>",
        ),
        (
            "search/index.html",
            "<option value=\"executive\" lang=\"zh-Hant-TW\">主管會議</option>",
        ),
        (
            "units/index.html",
            "<a href=\"/units/adi/\">Administration for Digital Industries</a>",
        ),
        // The open-data page describes its files and columns in the page's language; the CSV's
        // own (Chinese) column names carry theirs.
        ("data/index.html", "One row per agenda item: date, ROC date"),
        (
            "data/index.html",
            "<th scope=\"row\" lang=\"zh-Hant-TW\">日期</th><td>Meeting date, YYYY-MM-DD</td>",
        ),
    ] {
        assert!(read(out.join(page)).contains(needle), "{page}: {needle}");
    }
    // The Chinese site keeps its full-width punctuation.
    let zh_site = bundled_site();
    let zh = build_ok(zh_site.path());
    assert!(
        read(zh.join("data/index.html")).contains("<th scope=\"row\">日期</th><td>會議日期，西元年 YYYY-MM-DD</td>"),
        "Chinese data page"
    );
    let record = read(zh.join("minutes/2024/executive-4/index.html"));
    assert!(record.contains("</time>（2024-09-11）</dd>"), "full-width parentheses");
    assert!(record.contains(">民國113年9月11日（星期三）</time>"), "民國 date");
    assert!(
        read(zh.join("index.html")).contains(">2024（民國113年）</a>"),
        "民國 year"
    );
    assert!(
        record.contains("關政務次長河鳴、林政務次長宜敬"),
        "attendees joined with 、"
    );
}

#[test]
fn code_is_highlighted_only_when_present() {
    let site = bundled_site();
    let out = build_ok(site.path());
    assert!(!out.join("syntax.css").exists(), "no code, no syntect stylesheet");
    write(
        site.path(),
        "content/2024/code.md",
        &(RECORD.to_string() + "\n```rust\nfn main() {}\n```\n"),
    );
    let out = build_ok(site.path());
    let page = read(out.join("minutes/2024/executive-1/index.html"));
    assert!(page.contains("class=\"hl-"), "syntect classes");
    assert!(page.contains("syntax.css"));
    assert!(read(out.join("syntax.css")).contains(".hl-"));
}

#[test]
fn content_html_is_escaped() {
    let site = bundled_site();
    write(
        site.path(),
        "content/2024/xss.md",
        "---\ntitle: \"<script>alert(1)</script>\"\nseries: 主管會議\nnumber: 7\ndate: 2024-01-10\nlocation: \"<img src=x onerror=alert(1)>\"\n---\n\n<script>alert(2)</script>\n\n[x](javascript:alert(3))\n",
    );
    let out = build_ok(site.path());
    for f in [
        "minutes/2024/executive-7/index.html",
        "index.html",
        "series/executive/index.html",
    ] {
        let page = read(out.join(f));
        assert!(!page.contains("<script>alert"), "{f}");
        assert!(!page.contains("<img src=x"), "{f}");
        assert!(!page.contains("javascript:alert"), "{f}");
    }
}

/// A build on disk sets each record's HTML and the search postings aside in scratch files; what
/// it publishes must be exactly what a build in memory (which keeps them in memory) makes, with
/// no scratch file left behind.
#[test]
fn a_build_on_disk_publishes_what_a_build_in_memory_makes() {
    let dir = tempfile::tempdir().unwrap();
    minutebook_bench::generate::generate_site(
        dir.path(),
        &minutebook_bench::generate::GenerateOptions { records: 600, seed: 7 },
    )
    .unwrap();
    let out = build_ok(dir.path());
    let disk = snapshot(&out);
    let (memory, _) = minutebook::build::build_in_memory(&options(dir.path())).unwrap();
    let mut memory: Vec<(String, Vec<u8>)> = memory.into_files();
    memory.push((
        minutebook::output::MARKER.to_string(),
        std::fs::read(out.join(minutebook::output::MARKER)).unwrap(),
    ));
    memory.sort();
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(names(&disk), names(&memory), "the same files");
    assert!(disk.len() > 1000, "{} files", disk.len());
    for ((path, a), (_, b)) in disk.iter().zip(&memory) {
        assert!(a == b, "{path} differs between the disk and the memory build");
    }
}

/// Raw HTML in a heading or paragraph is text everywhere, not only on the record page: the table
/// of contents, the agenda item on the unit page and the open data keep it, escaped where it is
/// HTML (the search indexes the same section text), so what a reader sees can be found.
#[test]
fn raw_html_is_text_in_headings_structure_and_data() {
    let site = bundled_site();
    write(
        site.path(),
        "content/2024/raw.md",
        "---\ntitle: 第8次主管會議紀錄\nseries: 主管會議\nnumber: 8\ndate: 2024-01-11\n---\n\n\
         ## 參、報告事項\n\n### 案由一：網站弱點<b>修補</b>情形，報請公鑒。（報告單位：資訊處）\n\n\
         決定：洽悉，<img src=x onerror=alert(1)>之類型攻擊另案處理。\n",
    );
    let out = build_ok(site.path());
    let page = read(out.join("minutes/2024/executive-8/index.html"));
    assert!(
        !page.contains("<b>修補") && !page.contains("<img src=x"),
        "no markup passes"
    );
    let toc_entry = "網站弱點&lt;b&gt;修補&lt;/b&gt;情形";
    assert!(
        page.matches(toc_entry).count() >= 2,
        "heading and table of contents:\n{page}"
    );
    let unit = read(out.join("units/it/index.html"));
    assert!(unit.contains(toc_entry), "unit page agenda item");
    assert!(
        unit.contains("&lt;img src=x onerror=alert(1)&gt;之類型攻擊"),
        "unit page decision"
    );
    let data = read(out.join("data/minutes/2024/executive-8.json"));
    assert!(data.contains("網站弱點<b>修補</b>情形"), "open data title: {data}");
    assert!(
        data.contains("<img src=x onerror=alert(1)>之類型攻擊"),
        "open data decision"
    );
}

/// Every problem of `minutebook.yaml` is reported in one run, each at its line: unknown keys (at
/// the top level and inside a registry entry written as a flow mapping) do not hide the others.
#[test]
fn config_problems_are_reported_together() {
    let site = bundled_site();
    let yaml = read(site.path().join("minutebook.yaml"))
        .replacen("title:", "titel: x\ntitle:", 1)
        .replace("theme: default", "theme: default\nper_page: 0")
        .replace("slug: it, en:", "slgu: x, slug: it, en:");
    write(site.path(), "minutebook.yaml", &yaml);
    let line_of = |needle: &str| yaml.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let stderr = expect_failure(
        site.path(),
        &[
            &format!("minutebook.yaml:{}:1: unknown field `titel`", line_of("titel:")),
            "did you mean `title`?",
            &format!(
                "minutebook.yaml:{}:1: per_page must be at least 1",
                line_of("per_page: 0")
            ),
            &format!("minutebook.yaml:{}:", line_of("slgu:")),
            "unknown field `slgu`",
            "did you mean `slug`?",
            "3 problems found",
        ],
    );
    assert!(
        stderr.find("titel").unwrap() < stderr.find("per_page must").unwrap(),
        "in line order"
    );
}

/// A value of the wrong type is located at its line even when an unknown key comes first.
#[test]
fn config_type_errors_are_located_beside_unknown_keys() {
    let site = bundled_site();
    let yaml = read(site.path().join("minutebook.yaml"))
        .replacen("title:", "titel: x\ntitle:", 1)
        .replace("theme: default", "theme: default\nper_page: abc");
    write(site.path(), "minutebook.yaml", &yaml);
    let line_of = |needle: &str| yaml.lines().position(|l| l.contains(needle)).unwrap() + 1;
    expect_failure(
        site.path(),
        &[
            &format!("minutebook.yaml:{}:1: unknown field `titel`", line_of("titel:")),
            &format!(
                "minutebook.yaml:{}:11: per_page: invalid type",
                line_of("per_page: abc")
            ),
            "2 problems found",
        ],
    );
}

/// A user's CNAME and a deploy repository's .git/ in the output folder survive the next build.
#[test]
fn files_a_user_adds_to_the_output_survive_a_build() {
    let site = bundled_site();
    let out = build_ok(site.path());
    write(&out, "CNAME", "minutes.example.gov.tw\n");
    write(&out, ".git/HEAD", "ref: refs/heads/gh-pages\n");
    let out = build_ok(site.path());
    assert_eq!(read(out.join("CNAME")), "minutes.example.gov.tw\n");
    assert_eq!(read(out.join(".git/HEAD")), "ref: refs/heads/gh-pages\n");
    assert!(out.join("minutes/2024/executive-4/index.html").is_file());
    let marker = read(out.join(minutebook::output::MARKER));
    assert!(
        marker.contains("\nindex.html\n") && !marker.contains("CNAME"),
        "{marker}"
    );
}
