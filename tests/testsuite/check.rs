//! `minutebook check`: broken links with file and line, untagged topics as suggestions, 民國
//! years that disagree with the date as warnings; non-zero exit only on errors.

use crate::support::{workflow_run as run, workflow_site as site, write};

const LINKS: &str = "---
title: 第3次主管會議紀錄
series: 主管會議
number: 3
date: 2024-10-16
---
測試部第3次主管會議紀錄

## 參、報告事項

### 案由一：追蹤案，報請公鑒。（報告單位：秘書處）

決定：見[上次紀錄](/minutes/2024/executive-2/)與[案由二決定](/minutes/2024/executive-1/#案由二)。

另見[不存在的紀錄](/minutes/2024/nope/)、[本次案由九](#案由九)與[本次案由一](#案由一)。

相對連結：[第1次](../executive-1/)、[第1次案由三](../executive-1/#%E6%A1%88%E7%94%B1%E4%B8%89)、[單位](/units/strategy/)、[年度](/years/2024/)、[外部](https://example.org/x)。
";

#[test]
fn broken_links_are_errors_with_file_line_and_column() {
    let t = site();
    let root = t.path().to_str().unwrap();
    write(t.path(), "content/2024/executive-3.md", LINKS);
    let (ok, out, err) = run(&["check", "--root", root]);
    assert!(!ok, "broken links must fail check\n{out}{err}");
    assert!(
        err.contains("error[MB0406]: content/2024/executive-3.md:15:3: broken link `/minutes/2024/nope/`"),
        "{err}"
    );
    assert!(
        err.contains("error[MB0407]: content/2024/executive-3.md:15:33: broken link `#案由九`: /minutes/2024/executive-3/ has no anchor `#案由九`"),
        "{err}"
    );
    assert!(
        err.contains("broken link `../executive-1/#%E6%A1%88%E7%94%B1%E4%B8%89`"),
        "{err}"
    );
    assert!(
        err.contains("15 | 另見[不存在的紀錄]"),
        "the offending line is shown\n{err}"
    );
    // Valid links (root-relative, relative, anchors on this and other records, listing pages,
    // external) are not reported.
    assert_eq!(err.matches("broken link").count(), 3, "{err}");
    assert!(out.contains("3 errors"), "{out}");
}

/// A link to the anchor a heading would have had, when the heading has an id of its own
/// (`{#wallet}`), is broken; check names the id it has.
#[test]
fn a_link_to_a_renamed_anchor_suggests_the_headings_id() {
    let t = site();
    let root = t.path().to_str().unwrap();
    write(
        t.path(),
        "content/2024/executive-3.md",
        "---\ntitle: 第3次主管會議紀錄\nseries: 主管會議\nnumber: 3\ndate: 2024-10-16\n---\n### 案由一：甲案\n\n見[案由二](#案由二)。\n\n### 案由二：數位皮夾案 {#wallet}\n\n決定：洽悉。\n",
    );
    let (ok, out, err) = run(&["check", "--root", root]);
    assert!(!ok, "{out}{err}");
    assert!(
        err.contains("broken link `#案由二`: /minutes/2024/executive-3/ has no anchor `#案由二`"),
        "{err}"
    );
    assert!(err.contains("did you mean `#wallet`?"), "{err}");
}

#[test]
fn an_often_named_untagged_topic_is_a_suggestion_and_check_passes() {
    let t = site();
    let root = t.path().to_str().unwrap();
    write(
        t.path(),
        "content/2024/executive-3.md",
        "---\ntitle: 第3次主管會議紀錄\nseries: 主管會議\nnumber: 3\ndate: 2024-10-16\n---\n## 參、報告事項\n\n人工智慧基本法草案討論。\n\n各單位推動 AI 應用，並研議人工智慧風險分級。\n\n資安院、資安院、資安院報告（不算資安議題）。TAIDE 與 OpenAI 不算。\n",
    );
    let (ok, out, err) = run(&["check", "--root", root]);
    assert!(ok, "suggestions do not fail check\n{out}{err}");
    assert!(
        err.contains("suggestion[MB0408]: content/2024/executive-3.md:9:1: the record names the topic `人工智慧` 3 times but is not tagged with it"),
        "{err}"
    );
    assert!(
        !err.contains("資通安全"),
        "資安 inside 資安院 is the unit, not the topic\n{err}"
    );
    assert!(out.contains("0 errors, 0 warnings, 1 suggestion"), "{out}");
}

#[test]
fn a_title_year_that_disagrees_with_the_date_is_a_warning() {
    let t = site();
    let root = t.path().to_str().unwrap();
    write(
        t.path(),
        "content/2024/executive-3.md",
        "---\ntitle: 112年第3次主管會議紀錄\nseries: 主管會議\nnumber: 3\ndate: 2024-10-16\n---\n內容。\n",
    );
    let (ok, out, err) = run(&["check", "--root", root]);
    assert!(ok, "{out}{err}");
    assert!(
        err.contains("warning[MB0411]: content/2024/executive-3.md:2:8: the title says 民國112年 but the date 2024-10-16 is in 民國113年"),
        "{err}"
    );
    assert!(out.contains("0 errors, 1 warning,"), "{out}");
}

#[test]
fn heading_attributes_other_than_an_id_are_a_warning_and_not_published() {
    let t = site();
    let root = t.path().to_str().unwrap();
    write(
        t.path(),
        "content/2024/executive-3.md",
        "---\ntitle: 第3次主管會議紀錄\nseries: 主管會議\nnumber: 3\ndate: 2024-10-16\n---\n內容。\n\n### 標題 {#a onfocus=alert(1) autofocus tabindex=0}\n",
    );
    let (ok, out, err) = run(&["check", "--root", root]);
    assert!(ok, "{out}{err}");
    assert!(
        err.contains("warning[MB0409]: content/2024/executive-3.md:9:8: heading attributes `onfocus=alert(1) autofocus tabindex=0` are not published"),
        "{err}"
    );
    assert!(out.contains("0 errors, 1 warning,"), "{out}");
    let (ok, out, err) = run(&["build", "--root", root]);
    assert!(ok, "{out}{err}");
    let page = std::fs::read_to_string(t.path().join("public/minutes/2024/executive-3/index.html")).unwrap();
    assert!(page.contains("<h3 id=\"a\">標題</h3>"), "{page}");
    assert!(!page.contains("onfocus"), "{page}");
}

#[test]
fn build_errors_fail_check_with_a_summary() {
    let t = site();
    let root = t.path().to_str().unwrap();
    write(
        t.path(),
        "content/2024/executive-3.md",
        "---\ntitle: 第3次主管會議紀錄\nseries: 主管會議\ndate: 2024-10-16\nunits: [策略]\n---\n",
    );
    let (ok, out, err) = run(&["check", "--root", root]);
    assert!(!ok);
    assert!(
        err.contains("content/2024/executive-3.md:5:9: unknown unit `策略`"),
        "{err}"
    );
    assert!(out.contains("check: 1 error; the site does not build"), "{out}");
}

/// An item with no decision is a suggestion at the item; when the item has a label the model does
/// not know, the suggestion points at that label's line instead. Neither fails check.
#[test]
fn undecided_items_and_unknown_labels_are_suggestions() {
    let t = site();
    let root = t.path().to_str().unwrap();
    write(
        t.path(),
        "content/2024/executive-3.md",
        "---
title: 第3次主管會議紀錄
series: 主管會議
number: 3
date: 2024-10-16
---
測試部第3次主管會議紀錄

## 貳、討論事項

案由一：場地借用要點修正案，提請討論。

處理情形：修正後通過。

案由二：年度計畫案，提請討論。

說明：如附件。

案由三：預算案，提請討論。

決議：照案通過。
",
    );
    let (ok, out, err) = run(&["check", "--root", root]);
    assert!(ok, "suggestions do not fail check\n{out}{err}");
    assert!(
        err.contains("content/2024/executive-3.md:13:1: agenda item `案由一` has no decision that minutebook could read; `處理情形` is a label it does not know"),
        "{err}"
    );
    assert!(
        err.contains(
            "content/2024/executive-3.md:15:1: agenda item `案由二` has no decision that minutebook could read"
        ),
        "{err}"
    );
    assert!(!err.contains("`案由三`"), "{err}");
}
