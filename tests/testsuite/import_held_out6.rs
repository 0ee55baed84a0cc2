//! The sixth held-out round: real minutes of bodies in neither `tests/corpus` nor any earlier import
//! fixture, each imported as a new body's first import and scored as issue 17 asks (the header
//! fields against the ones a reader wrote down before the first import, `expected-header.yaml`;
//! the letters and digits of the source; whether it builds after `--register`; the items and
//! decisions the minutes model reads against the hand-verified ones, `expected.yaml`).
//!
//! Two kinds of file: two PDFs as a professional society published them (中華民國天文學會's council,
//! `tests/fixtures/import/real-pdf/asroc-*`: one Word 2010 made, one Google Docs made), audited
//! against poppler's text of the same file; and the text of two bodies of another society
//! (中華民國圖書館學會's council and its publications committee) as the search tool's stored pages give
//! it, turned by `scripts/corpus-formats.py` into a .docx with automatic numbering, a .docx with its
//! numbers typed, LibreOffice's .odt and its PDF. The README's import section gives the first
//! read's scores and these.

use std::path::{Path, PathBuf};

use minutebook::import::{ImportRegistry, Imported};

use crate::support::*;

/// (fixture directory, the files of it imported).
const DOCUMENTS: [(&str, &[&str]); 4] = [
    ("real-pdf/asroc-25-9", &["source.pdf"]),
    ("real-pdf/asroc-28-5", &["source.pdf"]),
    (
        "lac-publish-52-1",
        &[
            "source.txt",
            "source.docx",
            "source-typed.docx",
            "source.odt",
            "source.pdf",
        ],
    ),
    (
        "lac-council-20100416",
        &[
            "source.txt",
            "source.docx",
            "source-typed.docx",
            "source.odt",
            "source.pdf",
        ],
    ),
];

fn dir(id: &str) -> PathBuf {
    repo().join("tests/fixtures/import").join(id)
}

fn import(path: &Path) -> Imported {
    import_one_sitting(path, &ImportRegistry::default())
}

/// The letters and digits of the source missing from the record (page furniture excepted), and
/// the left-out header lines whose values the front-matter does not hold. A real PDF against
/// poppler's text of it (the lines reported as furniture blanked); a made .odt and its PDF against
/// what LibreOffice shows of the .odt; the rest against the text they were made from.
fn letters_lost(id: &str, format: &str, imp: &Imported) -> (usize, Vec<String>) {
    let real = id.starts_with("real-pdf/");
    let oracle = match format {
        _ if real => "poppler-layout.txt",
        "source.odt" | "source.pdf" => "odt-as-text.txt",
        _ => "source.txt",
    };
    // A compatibility ideograph of the oracle (poppler keeps the 年 U+F98E a Word PDF's font maps
    // its glyph to) is the letter it is canonically equal to, as the importer reads it.
    let mut source: String = read(dir(id).join(oracle))
        .trim_start_matches('\u{feff}')
        .chars()
        .flat_map(|c| {
            let mut d = Vec::new();
            if matches!(c as u32, 0xF900..=0xFAFF | 0x2F800..=0x2FA1F) {
                unicode_normalization::char::decompose_canonical(c, |u| d.push(u));
            } else {
                d.push(c);
            }
            d
        })
        .collect();
    if real {
        source = without_furniture(&source, imp);
    }
    held_out_letters_lost(&source, imp)
}

/// (items right, decisions right, expected, invented, problems).
fn items_score(id: &str, imp: &Imported) -> (usize, usize, usize, usize, Vec<String>) {
    held_out_items_score(&dir(id), imp)
}

/// What does not hold yet, document by document, and why (the README's import section says the
/// same): (builds, items read right, decisions read right, items invented). Each is asserted as
/// it is, so that a change either way shows here.
fn known(id: &str) -> (bool, usize, usize, usize) {
    match id {
        // The stored page has no title line: no title, no series (MB0620 says so).
        "lac-council-20100416" => (false, 0, 0, 0),
        // The minutes model reads neither (四) nor (五) of `貳、報告及討論事項` as an item (each a
        // numbered paragraph decided at once, `(四)理監事會議出席者的車馬費標準…。` | `決議：…`), and
        // reads the line `工作小組成員名單如下：` of (三) as one: for the model's owner.
        "real-pdf/asroc-25-9" => (true, 0, 0, 1),
        // The model reads the proposal whose numeral the page lost, `()圖書館人物誌收稿、…`, with its
        // decision, but keeps the empty `()` in its title.
        "lac-publish-52-1" => (true, 0, 1, 0),
        _ => (true, usize::MAX, usize::MAX, 0),
    }
}

/// Every file of the round scored; the scores printed as a table (`--nocapture` shows it), and
/// issue 17's bar asserted: at least 95 % of header fields right, no letter or digit lost, every
/// file built and every item and decision read with none invented, but for what [`known`] lists
/// (and that as it lists it).
#[test]
fn the_sixth_round_scores() {
    let (mut fields_right, mut fields) = (0, 0);
    let (mut lost_all, mut built, mut files) = (0, 0, 0);
    let (mut items_right, mut decisions_right, mut items_all, mut invented_all) = (0, 0, 0, 0);
    let mut problems = Vec::new();
    let mut table = String::from("file | header fields | letters lost | builds | items | decisions | invented\n");
    for (id, formats) in DOCUMENTS {
        let want = front_matter_fields(&read(dir(id).join("expected-header.yaml")));
        let (builds_known, items_known, decisions_known, invented_known) = known(id);
        for format in formats {
            let path = dir(id).join(format);
            let imp = import(&path);
            let (right, all, wrong) = header_score(&header(&imp.markdown), &want);
            let (lost, notes) = letters_lost(id, format, &imp);
            let build = builds(&path);
            let (items, decisions, expected, invented, item_problems) = items_score(id, &imp);
            table.push_str(&format!(
                "{id}/{format} | {right}/{all} | {lost} | {} | {items}/{expected} | {decisions}/{expected} | {invented}\n",
                if build.is_ok() { "yes" } else { "no" }
            ));
            let name = format!("{id}/{format}");
            problems.extend(wrong.into_iter().map(|w| format!("{name}: header {w}")));
            problems.extend(notes.into_iter().map(|n| format!("{name}: letters {n}")));
            match &build {
                Err(e) if builds_known => problems.push(format!("{name}: does not build: {e}")),
                Ok(()) if !builds_known => problems.push(format!("{name}: builds now: update `known`")),
                Err(_) => {
                    let warned = imp.warnings.iter().any(|w| w.message.en().contains("no title line"));
                    if !warned {
                        problems.push(format!("{name}: does not build and no warning says why"));
                    }
                }
                Ok(()) => {}
            }
            // usize::MAX: every item and decision read.
            let items_known = items_known.min(expected);
            let decisions_known = decisions_known.min(expected);
            if (items, decisions, invented) != (items_known, decisions_known, invented_known) {
                problems.push(format!(
                    "{name}: items {items}, decisions {decisions}, invented {invented}; `known` says {items_known}, {decisions_known}, {invented_known}"
                ));
                problems.extend(item_problems.into_iter().map(|p| format!("{name}: {p}")));
            }
            fields_right += right;
            fields += all;
            lost_all += lost;
            built += usize::from(build.is_ok());
            files += 1;
            items_right += items;
            decisions_right += decisions;
            items_all += expected;
            invented_all += invented;
        }
    }
    table.push_str(&format!(
        "all {files} | {fields_right}/{fields} | {lost_all} | {built}/{files} | {items_right}/{items_all} | {decisions_right}/{items_all} | {invented_all}\n"
    ));
    eprintln!("{table}\n{}", problems.join("\n"));
    assert!(fields_right * 100 >= fields * 95, "{table}\n{}", problems.join("\n"));
    assert!(
        lost_all == 0 && problems.iter().all(|p| p.contains(": header ")),
        "{table}\n{}",
        problems.join("\n")
    );
}

/// A check of the round's rules, not held out (tests/fixtures/import/real-pdf/asroc-24-6: another
/// sitting of the same council, as Acrobat made its PDF from Word): the council listed a role a
/// line, each line's members separated by 、. Every member is an entry, those marked (請假) on
/// leave, the roles in none; the list's lines stay in the body, with the roles; every letter and
/// digit poppler reads is kept.
#[test]
fn a_council_listed_a_role_a_line() {
    let id = "real-pdf/asroc-24-6";
    let imp = import(&dir(id).join("source.pdf"));
    let got = header(&imp.markdown);
    let list = |k: &str| match got.get(k) {
        Some(Value::List(l)) => l.clone(),
        other => panic!("{k}: {other:?}"),
    };
    assert_eq!(
        list("attendees"),
        [
            "管一政",
            "許瑞榮",
            "曾耀寰",
            "王祥宇",
            "張祥光",
            "陳林文",
            "賴詩萍",
            "張桂蘭",
            "周 翊",
            "秦一男"
        ]
    );
    assert_eq!(list("on_leave"), ["林俐暉(請假)", "黃崇源(請假)"]);
    assert_eq!(list("observers"), ["呂聖元(秘書長)"]);
    assert_eq!(got.get("chair"), Some(&Value::Text("管一政".into())));
    assert_eq!(got.get("recorder"), Some(&Value::Text("劉姵汝".into())));
    assert_eq!(got.get("date"), Some(&Value::Text("2012-09-15".into())));
    assert_eq!(got.get("time"), Some(&Value::Text("14:00-16:00".into())));
    assert!(
        split(&imp.markdown).1.contains("(常務理事) 許瑞榮、曾耀寰"),
        "{}",
        imp.markdown
    );
    let (lost, notes) = letters_lost(id, "source.pdf", &imp);
    assert_eq!(lost, 0, "{notes:?}");
    builds(&dir(id).join("source.pdf")).unwrap();
}
