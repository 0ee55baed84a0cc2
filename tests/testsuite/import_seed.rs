//! The seed minutes (第4次主管會議紀錄, copied out of a PDF) imported whole.

use crate::support::{
    front_matter_holds, missing_words, registry, report, split, strip_markdown, unreorder_motions,
    without_front_matter_lines,
};
use minutebook::import::{import_text, Imported};

const SEED: &str = include_str!("../fixtures/import/seed.txt");

fn seed() -> Imported {
    import_text(SEED, &registry())
}

#[test]
fn front_matter_is_exact() {
    let imp = seed();
    let (fm, _) = split(&imp.markdown);
    let expected = r#"title: "第4次主管會議紀錄"
series: "主管會議"
number: 4
date: "2024-09-11"
time: "10:30-12:15"
location: "本部延平大樓101會議室"
chair: "黃部長彥男"
recorder: "林怡芬"
attendees:
  - "關政務次長河鳴"
  - "林政務次長宜敬（公差）"
  - "葉常務次長寧"
  - "胡主任秘書貝蒂"
  - "數位產業署呂署長正華"
  - "資通安全署謝署長翠娟"
  - "數位策略司蔡司長壽淦"
  - "韌性建設司鄭司長明宗"
  - "資源管理司牛司長信仁"
  - "數位政府司王司長誠明（楊副司長耿瑜代）"
  - "民主網絡司莊司長盈志（張副司長兆琦代）"
  - "多元創新司莊司長明芬"
  - "秘書處陳處長仲山"
  - "人事處莫處長永榮"
  - "政風處陳處長春杏（王副處長昭閔代）"
  - "主計處李處長錫東"
  - "資訊處周處長智禾"
  - "法制處張處長學文"
  - "國家資通安全研究院何院長全德"
units:
  - "人事處"
  - "數位策略司"
  - "國家資通安全研究院"
  - "秘書處"
  - "民主網絡司"
slug: "executive-4"
draft: true
"#;
    assert_eq!(fm, expected);
    let attendees = fm.lines().filter(|l| l.starts_with("  - ")).count() - 5;
    assert_eq!(attendees, 19);
    assert_eq!(imp.suggested_path, "content/2024/executive-4.md");
    assert!(imp.warnings.is_empty(), "{:#?}", imp.warnings);
}

/// The paragraphs that follow a heading line, up to the next heading.
fn after<'a>(body: &'a str, heading: &str) -> Vec<&'a str> {
    let start = body
        .lines()
        .position(|l| l == heading)
        .unwrap_or_else(|| panic!("no heading {heading}"));
    body.lines()
        .skip(start + 1)
        .take_while(|l| !l.starts_with('#'))
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn agenda_items_motion_and_decisions() {
    let imp = seed();
    let (_, body) = split(&imp.markdown);
    let items: Vec<&str> = body.lines().filter(|l| l.starts_with("### 案由")).collect();
    assert_eq!(
        items,
        [
            "### 案由一：本部重要會議指（裁）示事項追蹤列管辦理情形案，報請公鑒。（報告單位：數位策略司）",
            "### 案由二：近期國際資安政策法制觀測說明案，報請公鑒。（報告單位：國家資通安全研究院）",
            "### 案由三：本部各單位業務報告書面資料案【詳附錄】，報請公鑒。（報告單位：秘書處）",
        ]
    );
    // The decision of 案由一, with the line the PDF broke (解除追 / 蹤) mended.
    assert_eq!(
        after(body, items[0]),
        [
            "決定：",
            "一、洽悉。",
            "二、本次建議解除追蹤（5件）均同意解除列管，建議部分解除追蹤（2件）同意，展延辦理期限之案件（3件）均同意調整，其餘案件亦請持續追蹤，請各主辦單位務必協力合作、依限達成。",
        ]
    );
    assert_eq!(after(body, items[1])[..2], ["決定：", "一、洽悉。"]);
    assert!(after(body, items[2])[2].starts_with("二、114年度預算案之相關計畫"));
    // 貳's spaced label 決 定 is mended.
    assert_eq!(
        after(
            body,
            "## 貳、上次（第3次）主管會議紀錄確認及後續追蹤（113年8月30日發文）"
        ),
        ["決定：確定。"]
    );
    assert!(!body.contains("決 定") && !body.contains("案 由"));

    let motion = "### 臨時動議一：113年資訊月「民主司數位公共建設願景館」策展規劃案。（提案單位：民主網絡司）";
    assert_eq!(after(body, "## 肆、臨時動議"), Vec::<&str>::new());
    let decision = after(body, motion);
    assert_eq!(decision[..2], ["決定：", "一、洽悉。"]);
    assert!(decision[2].starts_with("二、資訊月是一項歷史悠久的展會"));

    let sections: Vec<&str> = body.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        sections,
        [
            "## 壹、宣誓：本部主任秘書及資訊處處長宣誓。（主辦單位：人事處）",
            "## 貳、上次（第3次）主管會議紀錄確認及後續追蹤（113年8月30日發文）",
            "## 參、報告事項",
            "## 肆、臨時動議",
            "## 伍、長官提示事項",
            "## 陸、散會 (下午12時 15分)",
            "## 附錄",
        ]
    );
}

#[test]
fn appendix_unit_reports_lists_and_tables() {
    let imp = seed();
    let (_, body) = split(&imp.markdown);
    let appendix = &body[body.find("\n## 附錄\n").expect("appendix heading")..];
    // The appendix restates 案由三 as a paragraph, not a second agenda item.
    assert!(appendix.contains("\n\n案由三：本部各單位業務報告書面資料，報請公鑒\n\n報告單位：秘書處\n\n說明："));
    let reports: Vec<&str> = appendix.lines().filter(|l| l.starts_with("### ")).collect();
    assert_eq!(
        reports,
        [
            "### 一、數位策略司",
            "### 二、韌性建設司",
            "### 三、資源管理司",
            "### 四、數位政府司",
            "### 五、民主網絡司",
            "### 六、多元創新司",
            "### 七、人事處",
            "### 八、主計處",
            "### 九、資訊處",
            "### 十、法制處",
            "### 十一、數位產業署",
            "### 十二、資通安全署",
            "### 十三、國家資通安全研究院",
        ]
    );
    for l in [
        "#### （一）第十二次全國科學技術會議",
        "#### （一）資源策略：",
        "#### （二）零信任網路資安防護",
    ] {
        if l.contains("零信任") {
            assert!(appendix.contains("#### （一）零信任網路資安防護"));
        } else {
            assert!(appendix.lines().any(|x| x == l), "no {l}");
        }
    }
    // Numbering kept in the item text, nested by kind; the stray `- ` bullets are gone.
    for l in [
        "- 1、國科會依「科學技術基本法」規定",
        "  - (1) 第九條第二項",
        "    - A.113年3月28日預告修正",
        "  - （1）緣由說明：為促進電信網路研發",
        "- 3、第三階段（全面雙軌）：自113年7月22日至8月31日。",
    ] {
        assert!(appendix.lines().any(|x| x.starts_with(l)), "no line starting {l}");
    }
    // Mended across the page break, inside a list item.
    assert!(appendix.contains("無臚列單一部會應辦事項"));
    assert!(appendix.contains("依我國政府機關資訊系統及數位服務生命週期各階段"));
    // Tables: first row the header.
    for header in [
        "| 主軸議題 | 子題 | 涉及司署 | 備註 |",
        "| 單位 | 涉及主題 |",
        "| 期間 | 本月 (7月24日至8月23日) | 上月 (6月24日至7月23日) | 去年同期 (112年7月24日至同年8月23日) |",
    ] {
        let at = appendix
            .lines()
            .position(|l| l.trim_start() == header)
            .unwrap_or_else(|| panic!("no table {header}"));
        let rule = appendix.lines().nth(at + 1).unwrap().trim_start();
        assert!(rule.starts_with("| --- |"), "{rule}");
    }
    assert!(appendix.contains("| 法制處 | 人工智慧法制-本部數位政策法制協調專案小組 |"));
}

#[test]
fn every_word_of_the_source_is_kept() {
    let imp = seed();
    let (_, body) = split(&imp.markdown);
    front_matter_holds(&imp).unwrap();
    let source = without_front_matter_lines(SEED, &imp);
    let missing = missing_words(&source, &strip_markdown(&unreorder_motions(body)));
    assert!(
        missing.is_empty(),
        "source characters missing from the output:{}",
        report(&missing, SEED)
    );
}

#[test]
fn the_word_check_can_fail() {
    let imp = seed();
    let (_, body) = split(&imp.markdown);
    let cut = body.replace("展延辦理期限之案件", "展延之案件");
    let missing = missing_words(
        &without_front_matter_lines(SEED, &imp),
        &strip_markdown(&unreorder_motions(&cut)),
    );
    assert_eq!(missing.iter().map(|m| m.1).collect::<String>(), "辦理期限");
    assert!(missing.iter().all(|m| m.0 == 33), "{missing:?}");
}
