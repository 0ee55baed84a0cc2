//! The same real minutes imported from the formats staff receive them in: a Word .docx whose
//! sections are numbered by Word's automatic numbering, and LibreOffice's .odt of it
//! (tests/fixtures/import/<id>/, made by scripts/corpus-formats.py from real documents). Each must
//! keep every letter and digit of what the document shows, numbers included, and read to the same
//! agenda items, units and decisions as the bundled record.

use std::path::PathBuf;

use minutebook::import::Imported;

use crate::support::*;

/// The real documents the fixtures were made from: fixture id and its source text.
const DOCUMENTS: [(&str, &str); 4] = [
    ("moda-executive-4", "tests/fixtures/import/seed.txt"),
    (
        "ly-edu-conveners-11-4-1",
        "tests/corpus/ly-edu-conveners-11-4-1/source.txt",
    ),
    ("jincheng-rc-12-15-4", "tests/corpus/jincheng-rc-12-15-4/source.txt"),
    (
        "ly-judiciary-9-1-39",
        "tests/fixtures/import/real/ly-judiciary-9-1-39.txt",
    ),
];

fn fixture(id: &str, file: &str) -> PathBuf {
    repo().join("tests/fixtures/import").join(id).join(file)
}

fn import(path: &std::path::Path) -> Imported {
    import_one_sitting(path, &registry())
}

#[test]
fn docx_automatic_numbering_keeps_every_letter_and_digit() {
    for (id, source) in DOCUMENTS {
        let imp = import(&fixture(id, "source.docx"));
        let source = read(repo().join(source));
        let body = &bodies(&imp);
        let source = without_front_matter_lines(&source, &imp);
        front_matter_holds(&imp).unwrap_or_else(|e| panic!("{id}: {e}"));
        let missing = missing_words(&source, &strip_markdown(&unreorder_motions(body)));
        assert!(
            missing.is_empty(),
            "{id}: source characters missing from the .docx import:{}",
            report(&missing, &source)
        );
        // (The committee record numbers none of its lines.)
        assert!(
            id == "ly-judiciary-9-1-39"
                || imp
                    .notes
                    .iter()
                    .any(|n| n.contains("numbered by Word's automatic numbering")),
            "{id}: {:?}",
            imp.notes
        );
    }
}

#[test]
fn docx_numbers_are_the_ones_word_shows() {
    let imp = import(&fixture("moda-executive-4", "source.docx"));
    let (_, body) = split(&imp.markdown);
    // Sections numbered by numbering.xml come out as the official numbering, in order, and a
    // list that restarts (the decisions' 一、 under each item) restarts.
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
    assert!(body.contains("### 十一、數位產業署\n"), "{body}");
    assert!(body.contains("#### （一）數位金卡推動情形\n"), "{body}");
    assert!(
        imp.notes.iter().any(|n| n.starts_with("53 paragraphs numbered")),
        "{:?}",
        imp.notes
    );
}

/// A line without the list number in front (LibreOffice's text export writes `    壹、 ` labels).
fn without_list_number(line: &str) -> &str {
    let t = line.trim_start_matches([' ', '\t', '#', '-']);
    let numeral = |c: char| c.is_ascii_digit() || "壹貳參肆伍陸柒捌玖拾一二三四五六七八九十".contains(c);
    let end = if let Some(rest) = t.strip_prefix('（') {
        rest.find('）')
            .filter(|&i| rest[..i].chars().all(numeral))
            .map(|i| '（'.len_utf8() + i + '）'.len_utf8())
    } else if let Some(rest) = t.strip_prefix('(') {
        rest.find(')')
            .filter(|&i| rest[..i].chars().all(numeral))
            .map(|i| 1 + i + 1)
    } else {
        t.find('、')
            .filter(|&i| i > 0 && t[..i].chars().all(numeral))
            .map(|i| i + '、'.len_utf8())
    };
    match end {
        Some(e) => t[e..].trim_start(),
        None => t,
    }
}

fn without_list_numbers(text: &str) -> String {
    text.lines().map(|l| format!("{}\n", without_list_number(l))).collect()
}

#[test]
fn odt_keeps_every_letter_and_digit_libreoffice_shows() {
    for (id, _) in DOCUMENTS {
        let imp = import(&fixture(id, "source.odt"));
        // LibreOffice's own text of the .odt is the oracle. Its list numbers are left out of the
        // comparison: LibreOffice's conversion of the .docx renumbers some restarted lists, and
        // this reader follows the ODF rules, not every choice LibreOffice makes (README).
        let shown = without_list_numbers(&without_front_matter_lines(&read(fixture(id, "odt-as-text.txt")), &imp));
        front_matter_holds(&imp).unwrap_or_else(|e| panic!("{id}: {e}"));
        let body = &bodies(&imp);
        let missing = missing_words(&shown, &without_list_numbers(&strip_markdown(&unreorder_motions(body))));
        assert!(
            missing.is_empty(),
            "{id}: characters LibreOffice shows missing from the .odt import:{}",
            report(&missing, &shown)
        );
        assert!(
            id == "ly-judiciary-9-1-39" || imp.notes.iter().any(|n| n.contains("list numbering")),
            "{id}: {:?}",
            imp.notes
        );
    }
}

#[test]
fn docx_and_odt_read_to_the_bundled_records_structure() {
    let site = bundled_site();
    let bundled = minutebook::build::load(&options(site.path())).unwrap_or_else(|d| panic!("{d:?}"));
    let items = |s: &minutebook::minutes::Structure| -> Vec<(String, Vec<String>, String)> {
        s.agenda
            .iter()
            .map(|a| (a.label.clone(), a.units.clone(), a.decision.replace(['\n', ' '], "")))
            .collect()
    };
    let want = items(&bundled.archive.records[0].structure);
    std::fs::remove_file(site.path().join("content/2024/executive-4.md")).unwrap();
    for file in ["source.docx", "source.odt"] {
        let path = fixture("moda-executive-4", file);
        let (code, _, stderr) = run(
            &[
                "import",
                path.to_str().unwrap(),
                "--root",
                ".",
                "--out",
                "content/2024/executive-4.md",
            ],
            site.path(),
        );
        assert_eq!(code, 0, "{file}: {stderr}");
        let loaded =
            minutebook::build::load(&options_with_drafts(site.path())).unwrap_or_else(|d| panic!("{file}: {d:?}"));
        let got = &loaded.archive.records[0].structure;
        assert_eq!(items(got), want, "{file}");
        assert_eq!(got.reports.len(), 13, "{file}");
        build_ok(site.path());
        std::fs::remove_file(site.path().join("content/2024/executive-4.md")).unwrap();
    }
}
