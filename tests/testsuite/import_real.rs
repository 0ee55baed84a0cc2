//! Import tried as a new user would, on real PDFs as their bodies published them (not made from a
//! text by a script): tests/fixtures/import/real-pdf/<id>/, each with its source noted in
//! SOURCE.md and the values below verified by reading the PDF. poppler's `pdftotext` text of the
//! same file is the oracle of the audit: every letter and digit it reads is in the record, or in a
//! line the importer reported as page furniture or took into the front-matter.

use std::path::PathBuf;

use minutebook::import::Imported;

use crate::support::*;

fn fixture(id: &str, file: &str) -> PathBuf {
    repo().join("tests/fixtures/import/real-pdf").join(id).join(file)
}

fn import(path: &std::path::Path) -> Imported {
    import_one_sitting(path, &registry())
}

fn audit(id: &str, pdf: &str, oracle: &str) -> Imported {
    let imp = import(&fixture(id, pdf));
    let oracle = read(fixture(id, oracle));
    let shown = without_front_matter_lines(&without_furniture(&oracle, &imp), &imp);
    front_matter_holds(&imp).unwrap_or_else(|e| panic!("{id}: {e}"));
    let body = &bodies(&imp);
    let missing = missing_words(&shown, &strip_markdown(&unreorder_motions(body)));
    assert!(
        missing.is_empty(),
        "{id}/{pdf}: characters poppler reads missing from the import:{}",
        report(&missing, &shown)
    );
    imp
}

#[test]
fn ntu_sac_59_keeps_every_letter_and_digit_poppler_reads() {
    let imp = audit("ntu-sac-59", "source.pdf", "poppler.txt");
    // The running header of pages 2 and 3 and the page numbers `1 / 3`… are the furniture.
    let removed: Vec<&str> = imp.furniture.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(
        removed,
        [
            "1 / 3",
            "國立臺灣大學學生輔導委員會第59 次會議紀錄",
            "2 / 3",
            "國立臺灣大學學生輔導委員會第59 次會議紀錄",
            "3 / 3"
        ]
    );
}

#[test]
fn ntu_sac_59_header_reads_right() {
    let imp = import(&fixture("ntu-sac-59", "source.pdf"));
    let (fm, _) = split(&imp.markdown);
    for line in [
        // The PDF draws a space glyph after 59 (a run of its own): read as the running header is.
        "title: \"國立臺灣大學學生輔導委員會第59 次會議紀錄\"",
        "number: 59",
        "date: \"2025-12-08\"",
        "time: \"14:30-15:50\"",
        "location: \"校總區行政大樓第一會議室\"",
        "chair: \"丁副校長詩同\"",
        "recorder: \"陳瀅年\"",
        "draft: true",
        // The first and last of each list, and names the PDF wrapped or spaced.
        "  - \"陳文章委員(請假)\"",
        "  - \"國際政經學院Spyros Maniatis委員\"",
        "  - \"重點科技研究學院學生會周韜委員(請假)\"",
        "  - \"學生事務處蔡沛學副學務長\"",
        "  - \"國際政經學院鄭婉伶執行襄理\"",
    ] {
        assert!(fm.lines().any(|l| l == line), "no `{line}` in\n{fm}");
    }
    // A justified line's glyph spacing is no word space: `生命科學院學生會…`, not `生 命 科學院…`.
    assert!(
        fm.lines().any(|l| l == "  - \"生命科學院學生會郭亦晴委員(請假)\""),
        "{fm}"
    );
    let list = |key: &str| -> usize {
        fm.lines()
            .skip_while(|l| *l != format!("{key}:"))
            .skip(1)
            .take_while(|l| l.starts_with("  - "))
            .count()
    };
    // Those the list of members present marks `(請假)` are on leave (17 of the 55 listed).
    assert_eq!(
        (list("attendees"), list("on_leave"), list("observers")),
        (38, 17, 24),
        "{fm}"
    );
    let on_leave: Vec<&str> = fm.lines().skip_while(|l| *l != "on_leave:").skip(1).take(2).collect();
    assert_eq!(on_leave, ["  - \"陳文章委員(請假)\"", "  - \"曾宛如委員(請假)\""]);
    // Only 會議 follows the meeting number: the series is the body named before it.
    let series: Vec<&str> = imp.unregistered.series.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(series, ["國立臺灣大學學生輔導委員會"]);
}

#[test]
fn ntu_sac_59_items_keep_their_wrapped_titles() {
    let imp = import(&fixture("ntu-sac-59", "source.pdf"));
    let (_, body) = split(&imp.markdown);
    let headings: Vec<&str> = body.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "## 壹、主席致詞（略）",
            "## 貳、報告事項",
            "## 參、討論事項",
            "### 案由一：審議「國立臺灣大學學生自治組織及學生社團輔導辦法」修正草案。（課外活動指導組提案）",
            "### 案由二：審議「國立臺灣大學學生宿舍管理辦法」部分條文修正草案。（學生住宿服務組提案）",
            "### 案由三：審議「國立臺灣大學學生輔導委員會組織規程」名稱及部分條文修正草案。（學生事務處提案）",
            "### 案由四：審議「國立臺灣大學學生事務規章研修小組組織辦法」部分條文修正草案。（學生事務處提案）",
            "## 肆、臨時動議（無）",
            "## 伍、散會（下午3時50分）",
        ]
    );
}

#[test]
fn ntu_sac_59_builds_after_register_and_reads_to_its_items_and_decisions() {
    let site = bundled_site();
    let path = fixture("ntu-sac-59", "source.pdf");
    let (code, _, stderr) = run(
        &["import", path.to_str().unwrap(), "--root", ".", "--register"],
        site.path(),
    );
    assert_eq!(code, 0, "{stderr}");
    let yaml = read(site.path().join("minutebook.yaml"));
    assert!(
        yaml.contains(
            "{ name: 國立臺灣大學學生輔導委員會, slug: guo-li-tai-wan-da-xue-xue-sheng-fu-dao-wei-yuan-hui }"
        ),
        "{yaml}"
    );
    let loaded = minutebook::build::load(&options_with_drafts(site.path())).unwrap_or_else(|d| panic!("{d:?}"));
    let record = loaded
        .archive
        .records
        .iter()
        .find(|r| r.structure.agenda.iter().any(|a| a.title.contains("學生宿舍管理辦法")))
        .expect("the imported record is loaded");
    let items: Vec<(String, String)> = record
        .structure
        .agenda
        .iter()
        .map(|a| (a.label.clone(), a.decision.clone()))
        .collect();
    assert_eq!(
        items,
        [
            (
                "案由一".to_string(),
                "修正草案第 9 條後段所稱「核備」，原則上學校僅針對是否符合社團設立相關規定進行形式審查；全文照案通過。"
                    .to_string()
            ),
            ("案由二".to_string(), "全文照案通過。".to_string()),
            ("案由三".to_string(), "全文照案通過。".to_string()),
            ("案由四".to_string(), "全文照案通過。".to_string()),
        ]
    );
    build_ok(site.path());
}

#[test]
fn a_running_header_in_brackets_at_page_boundaries_is_furniture() {
    // Pages 10–12: an amended regulation, each page headed `【○○○.○○.○○發布】`, with a
    // «返回議程» form button on each.
    let imp = audit("ntu-sac-59", "attachment-p10-12.pdf", "attachment-poppler.txt");
    let removed: Vec<(usize, usize, &str)> = imp
        .furniture
        .iter()
        .map(|f| (f.page, f.line, f.text.as_str()))
        .collect();
    // The first header stands at the top of this excerpt, as a document's own heading: it is kept.
    assert_eq!(
        removed,
        [
            (1, 36, "1"),
            (2, 37, "【○○○.○○.○○發布】"),
            (2, 69, "2"),
            (3, 70, "【○○○.○○.○○發布】"),
            (3, 102, "3"),
            (1, 0, "返回議程"),
            (2, 0, "返回議程"),
            (3, 0, "返回議程"),
        ]
    );
}

#[test]
fn verbose_lists_each_removed_line_with_its_page() {
    let site = bundled_site();
    let path = fixture("ntu-sac-59", "attachment-p10-12.pdf");
    let path = path.to_str().unwrap();
    let (code, _, stderr) = run(&["import", path, "--root", ".", "--out", "a.md"], site.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{path}: removed 8 lines as page furniture (page numbers, running headers and footers, form buttons); --verbose lists them"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("removed (page"), "{stderr}");
    let (code, _, stderr) = run(
        &["import", path, "--root", ".", "--out", "b.md", "--verbose"],
        site.path(),
    );
    assert_eq!(code, 0, "{stderr}");
    for line in [
        "removed (page 1, line 36): 1",
        "removed (page 2, line 37): 【○○○.○○.○○發布】",
        "removed (page 3, line 70): 【○○○.○○.○○發布】",
        "removed (page 3, line 102): 3",
        "removed (page 2, a form button or field): 返回議程",
    ] {
        assert!(
            stderr.contains(&format!("{path}: {line}\n")),
            "no `{line}` in\n{stderr}"
        );
    }
}

// 雲林縣議會 (Yunlin County Council): the lists of motions and their resolutions
// (議案一覽表) as the council published them, printed to PDF through a printer driver that fakes
// a bold face by drawing each bold run two or three times a fraction of a point apart. The
// oracle here is pdfminer.six's reading of the same text layer with those copies left out
// (scripts/pdf-oracle.py; poppler's pdftotext, poppler.txt beside it, keeps every copy:
// `編 號` reads `編編編 號號號` in the table's heading row, the title's words come twice).

/// The letters and digits of a text, counted: what the record must hold of the oracle, no more.
/// (Counted, not aligned line by line: the oracle reads a table's rows across its cells, the
/// record cell by cell.)
fn letters(s: &str) -> std::collections::BTreeMap<char, usize> {
    let mut m = std::collections::BTreeMap::new();
    for c in s.chars().filter(|c| c.is_alphanumeric()) {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

/// Every letter and digit of the oracle is in the record and no glyph's copy was added: those of
/// the record (its title, body and the lines reported as furniture) are the oracle's, counted.
fn every_letter_once(id: &str, imp: &Imported) {
    let oracle = read(fixture(id, "oracle.txt"));
    let (fm, body) = split(&imp.markdown);
    let title = fm
        .lines()
        .find_map(|l| l.strip_prefix("title: "))
        .unwrap_or_default()
        .to_string();
    let furniture: String = imp.furniture.iter().map(|f| f.text.clone()).collect();
    let record = letters(&format!("{title}{body}{furniture}"));
    let want = letters(&oracle);
    let diff: Vec<(char, usize, usize)> = want
        .keys()
        .chain(record.keys())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|&c| {
            (
                c,
                want.get(&c).copied().unwrap_or(0),
                record.get(&c).copied().unwrap_or(0),
            )
        })
        .filter(|(_, w, r)| w != r)
        .collect();
    assert!(
        diff.is_empty(),
        "{id}: (letter, in the PDF, in the record) differ: {diff:?}\n{body}"
    );
}

/// Each of `lines` is a line of the front-matter `fm`.
fn front_matter_has(fm: &str, lines: &[&str]) {
    for line in lines {
        assert!(fm.lines().any(|l| l == *line), "no `{line}` in\n{fm}");
    }
}

/// The committees' titles left in the body (`第一審查會（民政類） 議員提案`).
fn section_titles(body: &str) -> Vec<&str> {
    body.lines().filter(|l| l.contains("審查會（")).collect()
}

#[test]
fn ylcc_overprinted_bold_is_read_once() {
    for id in ["ylcc-17-7", "ylcc-17-1-2-extra"] {
        let imp = import(&fixture(id, "source.pdf"));
        every_letter_once(id, &imp);
        let (_, body) = split(&imp.markdown);
        // The tables' heading row as printed, each bold word once.
        assert!(
            body.lines()
                .any(|l| l == "| 編 號 | 提案人 | 案 由 | 審查意見 | 大會議決 |"),
            "{id}:\n{body}"
        );
    }
}

#[test]
fn ylcc_7_a_section_title_its_pages_repeat_is_kept_where_it_starts() {
    let imp = import(&fixture("ylcc-17-7", "source.pdf"));
    let (fm, body) = split(&imp.markdown);
    front_matter_has(fm, &["title: \"雲林縣議會第17屆第7次定期會議案一覽表\"", "number: 7"]);
    // Page 1 lists the 民政類 motions; the 建設類 ones start on page 2 and go on to page 3, which
    // repeats their title atop it: the title stays where the section starts, the repeat goes.
    assert_eq!(
        section_titles(body),
        ["第一審查會（民政類） 議員提案", "第三審查會（建設類） 議員提案"],
        "{body}"
    );
    let removed: Vec<(usize, &str)> = imp.furniture.iter().map(|f| (f.page, f.text.as_str())).collect();
    assert_eq!(removed, [(3, "第三審查會（建設類） 議員提案")]);
    // A run whose last glyph the PDF gives no width opens no gap after it: the cell reads as
    // printed (pdfminer, placing each glyph, reads `建請縣府籌編經費，儘速改` | `善位於西螺國中後方西螺大`),
    // not `建請縣府籌 編 經費 ，儘速改善位 於 西螺 國 中 後 方`.
    assert!(
        body.contains(
            "| 建請縣府籌編經費，儘速改善位於西螺國中後方西螺大排新、舊擋土牆間隙縫，藉以確保農民生命、財產之安全。 |"
        ),
        "{body}"
    );
    // Every motion is a row of its table: 民乙 23, 24 and 建乙 81 to 87 (as poppler reads them).
    let rows: Vec<&str> = body
        .lines()
        .filter_map(|l| l.strip_prefix("| ")?.split(" |").next())
        .filter(|c| c.contains('乙'))
        .collect();
    assert_eq!(
        rows,
        [
            "民乙 23",
            "民乙 24",
            "建乙 81",
            "建乙 82",
            "建乙 83",
            "建乙 84",
            "建乙 85",
            "建乙 86",
            "建乙 87"
        ]
    );
}

#[test]
fn ylcc_sittings_held_together_are_numbered_by_the_first() {
    let imp = import(&fixture("ylcc-17-1-2-extra", "source.pdf"));
    let (fm, _) = split(&imp.markdown);
    front_matter_has(
        fm,
        &["title: \"雲林縣議會第17屆第1、2次臨時會議案一覽表\"", "number: 1"],
    );
    let series: Vec<&str> = imp.unregistered.series.iter().map(|e| e.name.as_str()).collect();
    // A list of a session's motions (議案一覽表) is a kind of record, not of meeting: the series is
    // the session's, 臨時會 (before, `臨時會議案一覽表`).
    assert_eq!(series, ["臨時會"]);
}

#[test]
fn ylcc_16_17_a_footer_on_every_page_is_furniture_and_no_heading_takes_it_in() {
    let id = "ylcc-17-16-17-extra";
    let imp = import(&fixture(id, "source.pdf"));
    every_letter_once(id, &imp);
    let (fm, body) = split(&imp.markdown);
    front_matter_has(fm, &["number: 16"]);
    // The trial version's line under each of the three pages (longer than a running header
    // usually is, so taken only because every page has it), and the section's title repeated
    // atop page 3.
    let removed: Vec<(usize, String)> = imp
        .furniture
        .iter()
        .map(|f| (f.page, f.text.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect();
    let footer = "PDF 檔案以 \"PDF 製作工廠\" 試用版建立 http://www.fineprint.com".to_string();
    assert_eq!(
        removed,
        [
            (1, footer.clone()),
            (2, footer.clone()),
            (3, "第三審查會（建設類） 議員提案".to_string()),
            (3, footer)
        ]
    );
    assert_eq!(
        section_titles(body),
        ["第一審查會（民政類） 議員提案", "第三審查會（建設類） 議員提案"],
        "{body}"
    );
}

#[test]
fn ylcc_5_a_grid_that_holds_more_than_the_detected_table_is_the_table() {
    let id = "ylcc-17-5";
    let imp = import(&fixture(id, "source.pdf"));
    every_letter_once(id, &imp);
    let (_, body) = split(&imp.markdown);
    // The detector's table holds 民乙 10 only; the grid of the page's rules holds the four rows,
    // and the table with more of the page's text is taken.
    let rows: Vec<Vec<&str>> = body
        .lines()
        .filter(|l| l.starts_with("| 民乙"))
        .map(|l| l.trim_matches('|').split(" | ").map(str::trim).collect())
        .collect();
    let firsts: Vec<(&str, &str)> = rows.iter().map(|r| (r[0], r[4])).collect();
    assert_eq!(
        firsts,
        [
            ("民乙10", "照審查意見通過"),
            ("民乙11", "照審查意見通過"),
            ("民乙12", "照審查意見通過"),
            ("民乙13", "照審查意見通過")
        ],
        "{body}"
    );
    // 民乙 11's proposers, printed one under another in their cell, are three names (before, they
    // ran together as one: `李合同李明哲廖清祥`).
    assert_eq!(rows[1][1], "李合同 李明哲 廖清祥", "{body}");
    assert!(
        body.lines()
            .any(|l| l == "| 編 號 | 提案人 | 案 由 | 審查意見 | 大會議決 |"),
        "{body}"
    );
}
