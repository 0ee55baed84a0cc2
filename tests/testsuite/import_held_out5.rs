//! The fifth held-out round: real minutes of three bodies in neither `tests/corpus` nor any earlier
//! import fixture (a housing community's management committee, a professional association's
//! board, a university's senate), their text kept as the stored pages give it
//! (`tests/fixtures/import/<id>/source.txt`, SOURCE.md for where from and what was cut) and turned
//! by `scripts/corpus-formats.py` into a .docx with Word's automatic numbering, a .docx with its
//! numbers typed, LibreOffice's .odt of it and LibreOffice's PDF of the .odt. Each of the five
//! files (the .txt too) is imported as a new body's first import and scored as issue 17 asks: the
//! header fields against the ones a reader wrote down before the first import
//! (`expected-header.yaml`), the letters and digits of the source, whether it builds after
//! `--register`, and the items and decisions the minutes model reads against the hand-verified
//! ones (`expected.yaml`). The README's import section gives the first read's scores and these.

use std::path::{Path, PathBuf};

use minutebook::import::{ImportRegistry, Imported};

use crate::support::*;

const DOCUMENTS: [&str; 3] = ["daguan-mc-6-2", "taat-12-11", "ntu-senate-106-1-1"];
const FORMATS: [&str; 5] = [
    "source.txt",
    "source.docx",
    "source-typed.docx",
    "source.odt",
    "source.pdf",
];

fn dir(id: &str) -> PathBuf {
    repo().join("tests/fixtures/import").join(id)
}

fn import(path: &Path) -> Imported {
    import_one_sitting(path, &ImportRegistry::default())
}

/// The letters and digits of the source missing from the record (page furniture excepted), and
/// the left-out header lines whose values the front-matter does not hold.
/// The .odt and its PDF against what LibreOffice shows of the .odt (`odt-as-text.txt`): its
/// conversion of the Word file numbers some restarted lists its own way (`三、業務報告` where the
/// source typed `二、`), and a reader of those files sees LibreOffice's numbers.
fn letters_lost(id: &str, format: &str, imp: &Imported) -> (usize, Vec<String>) {
    let oracle = if matches!(format, "source.odt" | "source.pdf") {
        "odt-as-text.txt"
    } else {
        "source.txt"
    };
    let source = read(dir(id).join(oracle)).trim_start_matches('\u{feff}').to_string();
    held_out_letters_lost(&source, imp)
}

/// (items right, decisions right, expected, invented, problems).
fn items_score(id: &str, imp: &Imported) -> (usize, usize, usize, usize, Vec<String>) {
    held_out_items_score(&dir(id), imp)
}

/// What does not hold yet, file by file, and why (the README's import section says the same):
/// the association's minutes as stored have no title line, so the importer writes no title and no
/// series (it warns, MB0620, and invents neither) and the record cannot build until a person adds
/// them; and the minutes model reads `一、會務報告:` under `陸、報告事項` as a report item, which the
/// round's reading (written before the first import) does not count as one: a numbered report with
/// no decision, as the model's corpus counts cixin-parents-13-18's, or no item. For the model's
/// owner to settle, not the importer.
fn known(id: &str) -> (bool, usize) {
    // (builds, invented items)
    match id {
        "taat-12-11" => (false, 1),
        _ => (true, 0),
    }
}

/// Every file of the round scored; the scores printed as a table (`--nocapture` shows it), and
/// issue 17's bar asserted: at least 95 % of header fields right, no letter or digit lost, every
/// file built and every item and decision read with none invented, but for what [`known`] lists.
#[test]
fn the_fifth_round_scores() {
    let (mut fields_right, mut fields) = (0, 0);
    let (mut lost_all, mut built, mut files) = (0, 0, 0);
    let (mut items_right, mut decisions_right, mut items_all, mut invented_all) = (0, 0, 0, 0);
    let mut problems = Vec::new();
    let mut table = String::from("file | header fields | letters lost | builds | items | decisions | invented\n");
    for id in DOCUMENTS {
        let want = front_matter_fields(&read(dir(id).join("expected-header.yaml")));
        let (builds_known, invented_known) = known(id);
        for format in FORMATS {
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
            if invented != invented_known || items != expected || decisions != expected {
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
    eprintln!("{table}");
    assert!(fields_right * 100 >= fields * 95, "{table}\n{}", problems.join("\n"));
    assert!(
        lost_all == 0 && problems.iter().all(|p| p.contains(": header ")),
        "{table}\n{}",
        problems.join("\n")
    );
}
