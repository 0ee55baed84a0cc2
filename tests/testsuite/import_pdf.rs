//! PDF import: the real minutes of tests/fixtures/import/<id>/ printed to PDF by LibreOffice (the CJK
//! fonts embedded as subsets with ToUnicode maps, as government PDFs are; made by
//! scripts/corpus-formats.py). Every letter and digit LibreOffice shows must come through, except
//! what the importer reports as page furniture; a scan is refused with a message that says so.

use std::path::PathBuf;

use minutebook::import::{import_file, ImportError, Imported};

use crate::support::*;

const IDS: [&str; 2] = ["moda-executive-4", "ly-edu-conveners-11-4-1"];

fn fixture(id: &str, file: &str) -> PathBuf {
    repo().join("tests/fixtures/import").join(id).join(file)
}

fn import(path: &std::path::Path) -> Imported {
    import_file(path, &registry()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn pdf_keeps_every_letter_and_digit_libreoffice_shows() {
    for id in IDS {
        let imp = import(&fixture(id, "source.pdf"));
        // LibreOffice's text of the .odt the PDF was printed from is the oracle: it has no page
        // numbers, so what the PDF adds (its footers) may go, and nothing else.
        let shown = without_front_matter_lines(&read(fixture(id, "odt-as-text.txt")), &imp);
        front_matter_holds(&imp).unwrap_or_else(|e| panic!("{id}: {e}"));
        let (_, body) = split(&imp.markdown);
        let missing = missing_words(&shown, &strip_markdown(&unreorder_motions(body)));
        assert!(
            missing.is_empty(),
            "{id}: characters the PDF shows missing from its import:{}",
            report(&missing, &shown)
        );
        assert!(
            imp.notes.iter().any(|n| n.starts_with("read the text layer of ")),
            "{id}: {:?}",
            imp.notes
        );
    }
}

#[test]
fn pdf_reads_to_the_bundled_records_structure() {
    let site = bundled_site();
    let bundled = minutebook::build::load(&options(site.path())).unwrap_or_else(|d| panic!("{d:?}"));
    let items = |s: &minutebook::minutes::Structure| -> Vec<(String, Vec<String>)> {
        s.agenda.iter().map(|a| (a.label.clone(), a.units.clone())).collect()
    };
    let want = items(&bundled.archive.records[0].structure);
    std::fs::remove_file(site.path().join("content/2024/executive-4.md")).unwrap();
    let path = fixture("moda-executive-4", "source.pdf");
    let (code, _, stderr) = run(
        &[
            "import",
            path.to_str().unwrap(),
            "--root",
            ".",
            "--out",
            "content/2024/executive-4.md",
            "--verbose",
        ],
        site.path(),
    );
    assert_eq!(code, 0, "{stderr}");
    let loaded = minutebook::build::load(&options_with_drafts(site.path())).unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(items(&loaded.archive.records[0].structure), want);
    build_ok(site.path());
}

/// A one-page PDF whose page is only a picture, as a scanner writes it.
fn scanned_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>".to_string(),
        {
            let s = "q 595 0 0 842 0 0 cm /Im0 Do Q";
            format!("<< /Length {} >>\nstream\n{s}\nendstream", s.len())
        },
        "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\u{7f}\nendstream".to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[test]
fn a_scanned_pdf_is_refused_saying_it_has_no_text_layer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scan.pdf");
    std::fs::write(&path, scanned_pdf()).unwrap();
    let err = import_file(&path, &registry()).unwrap_err();
    assert!(matches!(err, ImportError::Scan { pages: 1, .. }), "{err}");
    let msg = err.to_string();
    assert!(msg.contains("scan.pdf"), "{msg}");
    assert!(
        msg.contains("none of its 1 page(s) has a text layer: it is a scan"),
        "{msg}"
    );
    assert!(msg.contains("OCR"), "{msg}");
}
