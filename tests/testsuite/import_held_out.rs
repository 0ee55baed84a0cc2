//! Import tried on real minutes whose files the import rules were not written against: four corpus
//! documents of four bodies (a county council's extraordinary sitting, an election commission, a
//! parents' association, the national urban planning commission), each turned by
//! `scripts/corpus-formats.py` into a .docx with Word's automatic numbering, a .docx with its
//! numbers typed, LibreOffice's .odt of it and LibreOffice's PDF of the .odt
//! (tests/fixtures/import/<id>/). Each file is imported as a new body's first import (no registry)
//! and must give the header the text path gives (snapshots), keep every letter and digit of the
//! source (what LibreOffice shows of each is the source text, `odt-as-text.txt`), read to the
//! corpus document's hand-verified items and decisions (`tests/corpus/<id>/expected.yaml`), and
//! build after `--register`.

use std::path::{Path, PathBuf};

use minutebook::import::{import_text, ImportRegistry, Imported};

use crate::support::*;

const DOCUMENTS: [&str; 4] = ["ilcc-18-t1-3", "chcec-290", "cixin-parents-13-18", "moi-upc-1021-5"];
const FORMATS: [&str; 4] = ["source.docx", "source-typed.docx", "source.odt", "source.pdf"];

fn files(id: &str) -> Vec<PathBuf> {
    FORMATS
        .iter()
        .map(|f| repo().join("tests/fixtures/import").join(id).join(f))
        .filter(|p| p.is_file())
        .collect()
}

fn source(id: &str) -> String {
    read(repo().join("tests/corpus").join(id).join("source.txt"))
}

fn import(path: &Path) -> Imported {
    import_one_sitting(path, &ImportRegistry::default())
}

#[test]
fn the_header_is_the_one_the_text_gives() {
    for id in DOCUMENTS {
        let text = import_text(&source(id), &ImportRegistry::default());
        let (want, _) = split(&text.markdown);
        assert_snapshot(&format!("held_out_header_{}", id.replace('-', "_")), want);
        for path in files(id) {
            let imp = import(&path);
            let (got, _) = split(&imp.markdown);
            assert_eq!(got, want, "{}", path.display());
        }
    }
}

#[test]
fn every_letter_and_digit_is_kept() {
    for id in DOCUMENTS {
        let source = source(id);
        for path in files(id) {
            let imp = import(&path);
            let shown = without_front_matter_lines(&source, &imp);
            front_matter_holds(&imp).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let body = &bodies(&imp);
            let missing = missing_words(&shown, &strip_markdown(&unreorder_motions(body)));
            assert!(
                missing.is_empty(),
                "{}: source characters missing:{}",
                path.display(),
                report(&missing, &shown)
            );
            assert!(imp.furniture.is_empty(), "{}: {:?}", path.display(), imp.furniture);
        }
    }
}

#[test]
fn the_items_and_decisions_are_the_corpus_ones() {
    for id in DOCUMENTS {
        let exp: HeldOutExpected =
            serde_saphyr::from_str(&read(repo().join("tests/corpus").join(id).join("expected.yaml"))).unwrap();
        for path in files(id) {
            let imp = import(&path);
            let problems = score_items(&exp, &model_items(&imp.markdown)).problems;
            assert!(problems.is_empty(), "{}:\n{}", path.display(), problems.join("\n"));
        }
    }
}

/// A new body's first import, as a user does it: `minutebook init`, `import FILE --register`,
/// then `build --drafts`. The urban planning commission's case page names no meeting and no date
/// (its archive gives them elsewhere): the importer says so and invents neither, so it cannot
/// build until a person adds them.
#[test]
fn each_file_builds_after_register() {
    for id in DOCUMENTS {
        for path in files(id) {
            let dir = tempfile::tempdir().unwrap();
            let (code, _, stderr) = run(&["init", ".", "--organization", "測試"], dir.path());
            assert_eq!(code, 0, "{stderr}");
            for e in std::fs::read_dir(dir.path().join("content")).unwrap() {
                let e = e.unwrap().path();
                if e.is_dir() {
                    std::fs::remove_dir_all(e).unwrap();
                }
            }
            let file = path.to_str().unwrap();
            let (code, _, stderr) = run(&["import", file, "--register", "--lang", "en"], dir.path());
            assert_eq!(code, 0, "{file}: {stderr}");
            let (code, _, build) = run(&["build", "--drafts"], dir.path());
            if id == "moi-upc-1021-5" {
                assert_ne!(code, 0, "{file}: {build}");
                assert!(stderr.contains("no title line"), "{file}: {stderr}");
                assert!(
                    stderr.contains("no 日期： line in the header: date left out"),
                    "{file}: {stderr}"
                );
            } else {
                assert_eq!(code, 0, "{file}: {stderr}\n{build}");
            }
        }
    }
}
