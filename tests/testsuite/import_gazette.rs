//! The importer on a county council's gazette text (宜蘭縣議會's 議事錄 as g0v's
//! councilor-voter-guide keeps them, three sittings in `tests/corpus/ilcc-*`): the gazette's page
//! numbers of a part (`丁-415`), lists of names wrapped over lines with spaces between the names,
//! spaced section titles (`乙、討 論 事 項`) and 出席 / 列席 lists that run over several lines.

use minutebook::import::{import_file, Imported};

use crate::support::*;

const SITTING_41: &str = "tests/corpus/ilcc-18-1-41/source.txt";
const EXTRA_1_3: &str = "tests/corpus/ilcc-18-t1-3/source.txt";
const EXTRA_2_1: &str = "tests/corpus/ilcc-18-t2-1/source.txt";

fn import(rel: &str) -> Imported {
    import_file(&repo().join(rel), &registry()).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The body's paragraphs (blocks between blank lines).
fn paragraphs(imp: &Imported) -> Vec<String> {
    let (_, body) = split(&imp.markdown);
    body.split("\n\n").map(|p| p.trim().to_string()).collect()
}

/// The items of the front-matter list `key`.
fn list(imp: &Imported, key: &str) -> Vec<String> {
    let (fm, _) = split(&imp.markdown);
    let mut out = Vec::new();
    let mut inside = false;
    for l in fm.lines() {
        match l.strip_prefix("  - ") {
            Some(item) if inside => out.push(item.trim_matches('"').to_string()),
            Some(_) => {}
            None => inside = l == format!("{key}:"),
        }
    }
    out
}

/// `丁-414` heads the file, `丁-415` sits between a report and its 決定, `丁-416` between a
/// motion's 辦法 and its 大會決議: page furniture, reported with its line, and the line after
/// each keeps its own paragraph.
#[test]
fn a_gazette_page_number_is_furniture_and_the_text_after_it_keeps_its_line() {
    let imp = import(SITTING_41);
    let gone: Vec<(usize, &str)> = imp.furniture.iter().map(|f| (f.line, f.text.as_str())).collect();
    assert_eq!(gone, [(1, "丁-414"), (30, "丁-415"), (57, "丁-416")]);
    assert_eq!(
        imp.furniture_note(false).map(|m| m.en()).as_deref(),
        Some("removed 3 lines as page furniture (page numbers, running headers and footers, form buttons); --verbose lists them")
    );
    let (_, body) = split(&imp.markdown);
    assert!(!body.contains("丁-41"), "{body}");
    let paras = paragraphs(&imp);
    let at = |p: &str| {
        paras
            .iter()
            .position(|q| q == p)
            .unwrap_or_else(|| panic!("no paragraph `{p}` in {paras:#?}"))
    };
    // 四's 決定 follows its report; the third motion's 大會決議 follows its 辦法.
    assert_eq!(
        at("決定：公推陳議員正男、邱議員嘉進擔任之。"),
        at("四、秘書長報告：宜蘭縣政府 104 年 5 月 27 日府農漁字第 1040004729 號請貴會推派議員 2 席擔任本縣海難救助基金管理委員會委員。") + 1
    );
    let third = at("辦法：請縣政府轉請相關單位辦理。");
    assert_eq!(paras[third + 1], "大會決議：照案通過。");
}

/// The first motion's 附議人 run over three lines, one name after another with spaces: the
/// names on either side of each line break stay apart.
#[test]
fn a_list_of_names_wrapped_over_lines_keeps_the_names_apart() {
    let imp = import(SITTING_41);
    let paras = paragraphs(&imp);
    let at = paras
        .iter()
        .position(|p| p.contains("臨動字第57號"))
        .unwrap_or_else(|| panic!("{paras:#?}"));
    // The mover's line and the seconders' line are two paragraphs, as the gazette prints them
    // (a labelled line of people is never the rest of the line before it).
    assert_eq!(paras[at], "動 議 人：黃適超 編號：臨動字第57號");
    assert_eq!(
        paras[at + 1],
        "附 議 人：張秋明 吳宏謀 游祥德 楊順木 劉添梧 林金龍 陳傑麟 邱嘉進 陳福山 陳漢鍾 林棋山 孫湯玉惠 張明華 林志鴻 陳文昌 沈德茂 江碧華 薛呈懿 陳俊宇 黃素琴 林錫明"
    );
    // The model reads them as the motion's people, and invents no item of the lines.
    let md = &imp.markdown;
    let motions: Vec<_> = model_items(md)
        .into_iter()
        .filter(|a| a.label.starts_with("臨時動議"))
        .collect();
    assert_eq!(motions.len(), 4, "{motions:#?}");
    assert_eq!(motions[0].people[0], ("mover".to_string(), "黃適超".to_string()));
    assert_eq!(motions[0].people.len(), 22, "{:?}", motions[0].people);
}

/// `乙、討 論 事 項`, `丙、其 他 事 項`, `丁、臨 時 動 議`: each a line of its own, not joined to the
/// line after it (`討論議案：…`, `審議縣政府…`, `動 議 人：…`).
#[test]
fn a_spaced_section_title_stays_a_line_of_its_own() {
    for (rel, titles) in [
        (
            SITTING_41,
            &[
                "## 甲、報 告 事 項",
                "## 乙、討 論 事 項",
                "## 丙、其 他 事 項",
                "## 丁、臨 時 動 議",
            ][..],
        ),
        (EXTRA_2_1, &["## 甲、報 告 事 項", "## 乙、討 論 事 項"][..]),
    ] {
        let imp = import(rel);
        let paras = paragraphs(&imp);
        for t in titles {
            assert!(paras.iter().any(|p| p == t), "{rel}: no paragraph `{t}` in {paras:#?}");
        }
    }
    let paras = paragraphs(&import(SITTING_41));
    let after = |t: &str| &paras[paras.iter().position(|p| p == t).unwrap() + 1];
    assert!(after("## 乙、討 論 事 項").starts_with("討論議案：計地政類 2 件"));
    assert!(after("## 丙、其 他 事 項").starts_with("審議縣政府所提墊付案時"));
    assert!(after("## 丁、臨 時 動 議").starts_with("動 議 人：黃適超"));
}

/// 出席議員 over five lines of names separated by spaces, 列席人員 over five lines in two groups
/// (縣府—…, 本會—…) whose entries the line breaks split (`建設處處長黃志` | `良`, `社會處` |
/// `處長黃龍冠`, `法制室主` | `任徐明德`): every name reaches the front-matter, whole, and no line of
/// either list stays in the body.
#[test]
fn attendee_and_observer_lists_over_several_lines_reach_the_front_matter_whole() {
    let imp = import(SITTING_41);
    let attendees = list(&imp, "attendees");
    assert_eq!(attendees.len(), 33, "{attendees:?}");
    assert_eq!(
        attendees[..8],
        [
            "黃定和",
            "張建榮",
            "林錫明",
            "江碧華",
            "林岳賢",
            "林志鴻",
            "楊順木",
            "林金龍"
        ]
    );
    assert_eq!(attendees[30..], ["孫湯玉惠", "陳傑麟", "陳孝仁"]);
    assert_eq!(
        list(&imp, "observers"),
        [
            "縣府—地政處處長余聯興",
            "工務處處長陳春錦",
            "建設處處長黃志良",
            "工商旅遊處處長蕭瑞民",
            "農業處處長楊文全",
            "社會處處長黃龍冠",
            "本會—秘書長陳茂琳",
            "秘書吳銘鴻",
            "議事組主任陳進煌",
            "法制室主任徐明德",
        ]
    );
    // The header lines taken whole are left out of the body; 來賓 (no key) and the second chair
    // with his hours (a value the front-matter already has) stay.
    let (_, body) = split(&imp.markdown);
    assert!(
        body.starts_with(
            "來 賓：各報及各廣播電台記者\n\n林副議長棋山(自上午 10 時 57 分起至上午 11 時 28 分止)\n\n主席宣告開議\n"
        ),
        "{body}"
    );
    let taken: Vec<usize> = imp.in_front_matter.iter().map(|(l, _)| *l).collect();
    assert_eq!(taken, [2, 3, 4, 5, 10, 16, 19]);

    // The other two sittings: `農` | `業處處長楊文全` and `議事組主任陳` | `進煌` are one entry each.
    let imp = import(EXTRA_1_3);
    assert_eq!(list(&imp, "attendees").len(), 34);
    assert_eq!(
        list(&imp, "observers"),
        [
            "縣府—縣長林聰賢",
            "建設處處長王蘭生",
            "人事處處長郭忠聖",
            "農業處處長楊文全",
            "衛生局局長劉建廷",
            "環保局局長陳登欽",
            "動植物防疫所所長陳文進",
            "畜產科科長吳銘峰",
            "本會—秘書長陳茂琳",
            "秘書吳國樑",
            "秘書吳銘鴻",
            "議事組主任陳進煌",
            "法制室主任徐明德",
        ]
    );
    let (_, body) = split(&imp.markdown);
    assert!(
        body.starts_with("來 賓：各報及各廣播電台記者\n\n主席宣告開議\n"),
        "{body}"
    );
    let imp = import(EXTRA_2_1);
    let attendees = list(&imp, "attendees");
    assert_eq!(attendees.len(), 32, "{attendees:?}");
    assert_eq!(attendees.last().map(String::as_str), Some("孫湯玉惠"));
    assert_eq!(
        list(&imp, "observers"),
        [
            "本會—秘書長陳茂琳",
            "秘書吳國樑",
            "秘書吳銘鴻",
            "議事組主任陳進煌",
            "法制室主任徐明德"
        ]
    );
    let (_, body) = split(&imp.markdown);
    assert!(
        body.starts_with("來 賓：各報及各廣播電台記者\n\n主席宣告開議\n"),
        "{body}"
    );
}

/// The whole record of sitting 41, as written.
#[test]
fn the_record_of_a_gazette_sitting() {
    insta::assert_snapshot!(import(SITTING_41).markdown);
}

/// Under 乙、討論事項 the class title `討論法規案` stands over the bill `政字第 18-001 號：制定「…」`:
/// a line of its own, not the start of the bill's title, so the bill is read with its own title.
#[test]
fn a_class_title_over_a_bill_stays_a_line_of_its_own() {
    let paras = paragraphs(&import(EXTRA_2_1));
    let at = paras
        .iter()
        .position(|p| p == "討論法規案")
        .unwrap_or_else(|| panic!("{paras:#?}"));
    assert_eq!(paras[at - 1], "## 乙、討 論 事 項");
    assert_eq!(
        paras[at + 1],
        "政字第 18-001 號：制定「宜蘭縣營建剩餘土石方特別稅徵收自治條例」"
    );
}

/// 三's report breaks inside a bracket, before a number that looks like numbering
/// (`…提案 11 件(政字第` | `042、044 號;政字第 046~054 號)…`): one paragraph, not a list item.
#[test]
fn a_line_broken_inside_a_bracket_goes_on_although_the_next_looks_numbered() {
    let paras = paragraphs(&import(SITTING_41));
    assert!(
        paras.iter().any(|p| p
            == "三、主席陳議長文昌報告： 本次大會期間，又受理縣政府提案 11 件(政字第042、044 號;政字第 046~054 號)擬列入議程，逕付大會討論，可否?請 大會公決。"),
        "{paras:#?}"
    );
}

/// In a text laid out to a margin (臺北市議會's 議事錄, tests/corpus/tcc-12-t3-1), a line that
/// stops well short of it was ended by its writer: `宣讀提案交付審查` and `市府提案` under
/// `乙、一讀會` are lines of their own, not one paragraph `宣讀提案交付審查市府提案`.
#[test]
fn a_line_well_short_of_the_margin_ends_its_paragraph() {
    let imp = import("tests/corpus/tcc-12-t3-1/source.txt");
    let paras = paragraphs(&imp);
    for line in ["宣讀提案交付審查", "市府提案"] {
        assert!(paras.iter().any(|p| p == line), "{line}: {paras:#?}");
    }
}

/// A 議事錄 that opens with its first part's heading (桃園市議會's, tests/corpus/tycc-1-t17:
/// `一、各次會議紀錄`, then `※第 1 屆第 17 次臨時會` | `預備會議 會議紀錄`): a line numbered as a part
/// is no title, so the title is the session's line and the sitting's, with the session's number,
/// and the part's heading stays in the body.
#[test]
fn a_parts_heading_is_no_title() {
    let imp = import("tests/corpus/tycc-1-t17/source.txt");
    let (fm, _) = split(&imp.markdown);
    assert!(
        fm.contains("title: \"※第 1 屆第 17 次臨時會預備會議 會議紀錄\"\n"),
        "{fm}"
    );
    assert!(fm.contains("number: 17\n"), "{fm}");
    assert!(
        paragraphs(&imp).iter().any(|p| p == "一、各次會議紀錄"),
        "{:#?}",
        paragraphs(&imp)
    );
}

/// A two-character name padded to align with three-character ones, at the start of a wrapped
/// line of the list (桃園市議會's `… 林志強` | `陳 瑛 蘇志強`), is a name of its own, not the rest
/// of the name before it (`林志強陳`, `瑛`).
#[test]
fn a_padded_name_at_a_line_start_is_a_name_of_its_own() {
    let imp = import("tests/corpus/tycc-1-t17/source.txt");
    let attendees = list(&imp, "attendees");
    let at = attendees
        .iter()
        .position(|a| a == "林志強")
        .unwrap_or_else(|| panic!("{attendees:?}"));
    assert_eq!(attendees[at..at + 3], ["林志強", "陳 瑛", "蘇志強"], "{attendees:?}");
}

/// The front-matter value of `key` (a scalar) as written, without its quotes.
fn scalar(imp: &Imported, key: &str) -> Option<String> {
    let (fm, _) = split(&imp.markdown);
    fm.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}: ")))
        .map(|v| v.trim_matches('"').to_string())
}

/// The names of a list written with spaces over source lines `from..=to` (1-based), as read by
/// hand: one name a word, and 陳 瑛, a two-character name padded to align, one name.
fn names(source: &str, from: usize, to: usize) -> Vec<String> {
    let lines: Vec<&str> = source.lines().collect();
    let text = lines[from - 1..to].join(" ");
    let text = text.strip_prefix("出席：").unwrap_or(&text).replace("陳 瑛", "陳_瑛");
    text.split_whitespace().map(|w| w.replace('_', " ")).collect()
}

/// 桃園市議會's 議事錄 (tests/corpus/tycc-1-t17) prints the minutes of the three sittings of its
/// 第1屆第17次臨時會 one after the other: the 預備會議 (source lines 3–34), the 第1次會議 (36–69)
/// and the 第2次會議 (71–155), each with its title, 時間, 地點, 出席 over eleven or ten lines,
/// 請假, 缺席, 列席, 主席 and 紀錄. Each is a record of its own with its own header (read by hand
/// from the source), named as the sitting would be if imported alone; no record holds another
/// sitting's header, and the later sittings' 出席 lists are names, not lines run together
/// (`李光達林政賢`, as they were when the file was one record).
#[test]
fn a_councils_proceedings_of_three_sittings_give_three_records() {
    let rel = "tests/corpus/tycc-1-t17/source.txt";
    let source = read(repo().join(rel));
    let imp = import(rel);
    let records: Vec<&Imported> = imp.records().collect();
    assert_eq!(
        records.len(),
        3,
        "{:#?}",
        records.iter().map(|r| &r.suggested_path).collect::<Vec<_>>()
    );
    let want = [
        // (path, title, number, date, time, attendees' lines)
        (
            "content/2017/lin-shi-hui-1-17.md",
            // Its title in two lines, the session then the sitting's name (`預備會議 會議紀錄`):
            // both, where before only the first was read.
            "※第 1 屆第 17 次臨時會預備會議 會議紀錄",
            "17",
            "2017-06-19",
            "11:23-11:26",
            (7, 17),
        ),
        (
            "content/2017/lin-shi-hui-1-17-1.md",
            "※第 1 屆第 17 次臨時會第 1 次會議紀錄",
            "1",
            "2017-06-20",
            "11:25-11:26",
            (40, 50),
        ),
        (
            "content/2017/lin-shi-hui-1-17-2.md",
            "※第 1 屆第 17 次臨時會第 2 次會議紀錄",
            "2",
            "2017-06-23",
            "10:30-11:26",
            (75, 84),
        ),
    ];
    for (r, (path, title, number, date, time, (from, to))) in records.iter().zip(want) {
        assert_eq!(r.suggested_path, path);
        let slug = path.trim_start_matches("content/2017/").trim_end_matches(".md");
        assert_eq!(scalar(r, "slug").as_deref(), Some(slug), "{path}");
        assert_eq!(scalar(r, "title").as_deref(), Some(title), "{path}");
        assert_eq!(scalar(r, "number").as_deref(), Some(number), "{path}");
        assert_eq!(scalar(r, "series").as_deref(), Some("臨時會"), "{path}");
        assert_eq!(scalar(r, "date").as_deref(), Some(date), "{path}");
        assert_eq!(scalar(r, "time").as_deref(), Some(time), "{path}");
        assert_eq!(scalar(r, "location").as_deref(), Some("本會議事堂"), "{path}");
        assert_eq!(scalar(r, "chair").as_deref(), Some("邱議長奕勝"), "{path}");
        assert_eq!(scalar(r, "recorder").as_deref(), Some("邱碧娥"), "{path}");
        assert_eq!(scalar(r, "draft").as_deref(), Some("true"), "{path}");
        assert_eq!(list(r, "attendees"), names(&source, from, to), "{path}");
        let (_, body) = split(&r.markdown);
        for header in ["時間：", "地點：", "出席：", "主席：邱議長奕勝", "紀錄："] {
            assert!(!body.contains(header), "{path}: `{header}` in the body:\n{body}");
        }
        assert!(!body.contains("李光達林政賢"), "{path}:\n{body}");
    }
    // 黃婉如 is at the first two sittings, not at the third; 謝彰文 only at the third.
    assert!(list(records[1], "attendees").contains(&"黃婉如".to_string()));
    assert!(!list(records[2], "attendees").contains(&"黃婉如".to_string()));
    assert!(list(records[2], "attendees").contains(&"謝彰文".to_string()));
    // Each body is its sitting's: the 預備會議's agenda report, the first sitting's reading, the
    // second's motions.
    let body = |n: usize| split(&records[n].markdown).1;
    assert!(body(0).contains("議事組卓主任提報"), "{}", body(0));
    assert!(!body(0).contains("乙、討論事項"), "{}", body(0));
    assert!(body(1).contains("討論三讀議案（第一讀會）"), "{}", body(1));
    assert!(!body(1).contains("臨時動議"), "{}", body(1));
    assert!(body(2).contains("## 丙、臨時動議"), "{}", body(2));
    // Warnings name the lines of their own sitting, a warning about the header as a whole its
    // first line; what went into the front-matter is each sitting's own lines.
    for (r, lines) in records.iter().zip([3..=34, 36..=69, 71..=155]) {
        assert!(r.warnings.iter().all(|w| lines.contains(&w.line)), "{:?}", r.warnings);
        assert!(
            r.in_front_matter.iter().all(|(l, _)| lines.contains(l)),
            "{:?}",
            r.in_front_matter
        );
    }
    // The series is proposed once, for the file: what --register adds.
    assert_eq!(imp.unregistered.series.len(), 1, "{:?}", imp.unregistered);
    // Every letter and digit of the file is in one of the records.
    let rest = without_front_matter_lines(&source, &imp);
    front_matter_holds(&imp).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let missing = missing_words(&rest, &strip_markdown(&unreorder_motions(&bodies(&imp))));
    assert!(missing.is_empty(), "{rel}: missing:{}", report(&missing, &source));
}

/// 列席 grouped under colon labels by body (桃園市議會, tests/corpus/tycc-1-t17: an empty `列席：`,
/// then `市政府：市長鄭文燦、…秘書長李` | `憲明暨各局處首長`, `本 會：秘書長孫惠生、議事組主任卓達銘` |
/// `法制室主任廖錦秀`): every entry is an observer, each group's name kept with its first entry
/// (its padding gone, as `本會－…` groups are kept), an entry the margin broke whole, one its
/// writer put on a line of its own an entry of its own; no `列席` line names nobody and none of
/// the group lines stays in the body. 臺南市議會's (tests/corpus/tncc-2-t10) begins its first group
/// on the 列席 line (`列席：市 府：…`) and lists the 本會 group's people a unit and a person a line
/// (`法規研究室 傅編審然煇`); its second sitting gives the groups after its 出席 line with no 列席
/// label. 臺北市議會's names each group alone on its line and its people `post：name` after it.
/// Read by hand from the sources.
#[test]
fn observers_grouped_under_colon_labels_are_observers_with_their_groups() {
    let imp = import("tests/corpus/tycc-1-t17/source.txt");
    let records: Vec<&Imported> = imp.records().collect();
    let council = ["本會：秘書長孫惠生", "議事組主任卓達銘", "法制室主任廖錦秀"];
    let city: [&[&str]; 3] = [
        &["市政府：市長鄭文燦", "副市長王明德", "秘書長李憲明暨各局處首長"],
        &["市政府：市長鄭文燦", "副市長游建華暨各局處首長"],
        &["市政府：市長鄭文燦", "秘書長李憲明暨各局處首長"],
    ];
    for (r, city) in records.iter().zip(city) {
        let want: Vec<&str> = city.iter().chain(&council).copied().collect();
        assert_eq!(list(r, "observers"), want, "{}", r.suggested_path);
        let (_, body) = split(&r.markdown);
        for line in ["列席", "市政府：", "本 會：", "法制室主任廖錦秀"] {
            assert!(
                !body.contains(line),
                "{}: `{line}` in the body:\n{body}",
                r.suggested_path
            );
        }
        assert!(
            !r.warnings
                .iter()
                .any(|w| matches!(&w.message, minutebook::messages::Msg::ImportNobody { label } if label == "列席")),
            "{:?}",
            r.warnings
        );
    }

    let imp = import("tests/corpus/tncc-2-t10/source.txt");
    assert_eq!(
        list(&imp, "observers"),
        [
            "市府：一級機關及一級單位首長暨相關業務主管(詳列席人員簽到簿)",
            "本會：郭秘書長伊彬",
            "法規研究室 傅編審然煇",
            "議事組 汪主任啟瑞"
        ]
    );
    let (_, body) = split(&imp.markdown);
    assert!(!body.contains("郭秘書長伊彬") && !body.contains("汪主任啟瑞"), "{body}");
    // Its second sitting leaves the 列席 label out: `出 席：本會議員(詳議員出缺席表)` | `本 會：郭秘書長伊彬`
    // | `法規研究室 傅編審然煇` | `議事組 汪主任啟瑞`. The groups go on the list they follow, as
    // written (before, they stayed in the body).
    let second = &imp.more[0];
    assert_eq!(
        list(second, "attendees"),
        [
            "本會議員(詳議員出缺席表)",
            "本會：郭秘書長伊彬",
            "法規研究室 傅編審然煇",
            "議事組 汪主任啟瑞"
        ]
    );
    let (_, body) = split(&second.markdown);
    assert!(!body.contains("郭秘書長伊彬") && !body.contains("汪主任啟瑞"), "{body}");

    // 臺北市議會's layout (tests/corpus/tcc-12-t3-1): `列席：` | `  市政府：` | `    秘書長：蘇麗瓊` | …, a
    // group named alone on its line and its people `post：name` a line (two on some lines,
    // `秘書長：王金德　…　法規室主任：洪樹林`): observers, each group's name with its first entry, none
    // of the lines left in the body (before, they all stayed there).
    let imp = import("tests/corpus/tcc-12-t3-1/source.txt");
    let observers = list(&imp, "observers");
    assert_eq!(observers.len(), 53, "{observers:?}");
    assert_eq!(
        observers[..2],
        ["市政府：秘書長：蘇麗瓊", "副秘書長：李文英"],
        "{observers:?}"
    );
    assert_eq!(
        observers[48..],
        [
            "本會：秘書長：王金德",
            "法規室主任：洪樹林",
            "議事組主任：魏清焜",
            "議事組專員：曾筱雯",
            "總紀錄：王銓興"
        ],
        "{observers:?}"
    );
    assert!(
        observers.contains(&"研究發展考核委員會主任委員：黃銘材代".to_string()),
        "{observers:?}"
    );
    let paras = paragraphs(&imp);
    for line in ["列席：", "市政府：", "秘書長：蘇麗瓊", "本會："] {
        assert!(!paras.iter().any(|p| p.contains(line)), "{line}: {paras:#?}");
    }
    assert!(
        paras.iter().any(|p| p.contains("王秘書長報告出席簽到議員已足法定人數")),
        "{paras:#?}"
    );
}
