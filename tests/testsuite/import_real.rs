//! Import tried as a new user would, on real PDFs as their bodies published them (not made from a
//! text by a script): tests/fixtures/import/real-pdf/<id>/, each with its source noted in
//! SOURCE.md and the values below verified by reading the PDF. poppler's `pdftotext` text of the
//! same file is the oracle of the audit: every letter and digit it reads is in the record, or in a
//! line the importer reported as page furniture or took into the front-matter.

use std::path::PathBuf;

use minutebook::import::{import_file, Imported};

use crate::support::*;

fn fixture(id: &str, file: &str) -> PathBuf {
    repo().join("tests/fixtures/import/real-pdf").join(id).join(file)
}

fn import(path: &std::path::Path) -> Imported {
    import_file(path, &registry()).unwrap_or_else(|e| panic!("{e}"))
}

/// The oracle's text with the lines the importer reported as page furniture blanked: each
/// furniture line matched, letters and digits only, against a line of its page (pdftotext starts
/// each page after the first with a form feed).
fn without_furniture(oracle: &str, imp: &Imported) -> String {
    let alnum = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut page = 1;
    for l in oracle.split('\n') {
        page += l.matches('\u{c}').count();
        lines.push((page, l.replace('\u{c}', "")));
    }
    for f in &imp.furniture {
        let want = alnum(&f.text);
        let found = lines
            .iter_mut()
            .find(|(p, l)| *p == f.page && !want.is_empty() && alnum(l) == want);
        let (_, l) = found.unwrap_or_else(|| panic!("furniture {f:?} is no line of its page in the oracle"));
        l.clear();
    }
    lines.into_iter().map(|(_, l)| l).collect::<Vec<_>>().join("\n")
}

fn audit(id: &str, pdf: &str, oracle: &str) -> Imported {
    let imp = import(&fixture(id, pdf));
    let oracle = read(fixture(id, oracle));
    let shown = without_front_matter_lines(&without_furniture(&oracle, &imp), &imp);
    front_matter_holds(&imp).unwrap_or_else(|e| panic!("{id}: {e}"));
    let (_, body) = split(&imp.markdown);
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
        "title: \"國立臺灣大學學生輔導委員會第59次會議紀錄\"",
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
