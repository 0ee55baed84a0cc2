//! PDF import: the real minutes of tests/fixtures/import/<id>/ printed to PDF by LibreOffice (the CJK
//! fonts embedded as subsets with ToUnicode maps, as government PDFs are; made by
//! scripts/corpus-formats.py). Every letter and digit LibreOffice shows must come through, except
//! what the importer reports as page furniture; a scan is refused with a message that says so.

use std::path::PathBuf;

use minutebook::import::{import_file, ImportError, Imported};

use crate::support::*;

const IDS: [&str; 4] = [
    "moda-executive-4",
    "ly-edu-conveners-11-4-1",
    "jincheng-rc-12-15-4",
    "ly-judiciary-9-1-39",
];

fn fixture(id: &str, file: &str) -> PathBuf {
    repo().join("tests/fixtures/import").join(id).join(file)
}

fn import(path: &std::path::Path) -> Imported {
    import_one_sitting(path, &registry())
}

#[test]
fn pdf_keeps_every_letter_and_digit_libreoffice_shows() {
    for id in IDS {
        let imp = import(&fixture(id, "source.pdf"));
        // LibreOffice's text of the .odt the PDF was printed from is the oracle: it has no page
        // numbers, so what the PDF adds (its footers) may go, and nothing else.
        let shown = without_front_matter_lines(&read(fixture(id, "odt-as-text.txt")), &imp);
        front_matter_holds(&imp).unwrap_or_else(|e| panic!("{id}: {e}"));
        let body = &bodies(&imp);
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

fn stream(s: &str) -> String {
    format!("<< /Length {} >>\nstream\n{s}\nendstream", s.len())
}

const PICTURE: &str = "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\u{7f}\nendstream";

/// A one-page PDF whose page is only a picture, as a scanner writes it.
fn scanned_pdf() -> Vec<u8> {
    pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>".to_string(),
        stream("q 595 0 0 842 0 0 cm /Im0 Do Q"),
        PICTURE.to_string(),
    ])
}

/// Two pages of typed text with a scanned page between them, as minutes with a signed
/// attendance sheet scanned into them are published.
fn partly_scanned_pdf() -> Vec<u8> {
    let page = |contents: usize, resources: &str| {
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << {resources} >> /Contents {contents} 0 R >>")
    };
    let font = "/Font << /F1 9 0 R >>";
    pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R 5 0 R 7 0 R] /Count 3 >>".to_string(),
        page(4, font),
        stream("BT /F1 12 Tf 72 720 Td (Minutes of the 5th meeting) Tj ET"),
        page(6, "/XObject << /Im0 10 0 R >>"),
        stream("q 595 0 0 842 0 0 cm /Im0 Do Q"),
        page(8, font),
        stream("BT /F1 12 Tf 72 720 Td (Adjourned at 11 am) Tj ET"),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        PICTURE.to_string(),
    ])
}

fn pdf_of(objects: &[String]) -> Vec<u8> {
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
    assert!(msg.contains("its one page has no text layer: it is a scan"), "{msg}");
    assert!(msg.contains("OCR"), "{msg}");
}

#[test]
fn a_scanned_page_among_typed_ones_is_a_warning_that_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("signed.pdf");
    std::fs::write(&path, partly_scanned_pdf()).unwrap();
    let imp = import(&path);
    let (_, body) = split(&imp.markdown);
    assert!(
        body.contains("Minutes of the 5th meeting") && body.contains("Adjourned at 11 am"),
        "{body}"
    );
    let warnings: Vec<String> = imp.warnings.iter().map(|w| w.message.en()).collect();
    assert!(
        warnings.iter().any(|w| w.starts_with(
            "page 2 has no text layer (a picture of a page, as a scanner makes it): what it shows is not in the record; run OCR"
        )),
        "{warnings:?}"
    );
}

/// The Markdown table rows of an import, without the spaces a layout puts between words (a PDF
/// spaces `7 月 24 日` where Word wrote `7月24日`) and without the header separator.
fn table_rows(markdown: &str) -> Vec<String> {
    markdown
        .lines()
        .filter(|l| l.starts_with('|') && !l.replace(['|', '-', ' '], "").is_empty())
        .map(|l| l.split_whitespace().collect())
        .collect()
}

/// Ruled tables in a PDF (LibreOffice's PDF of tables.docx: excerpts of the real record whose
/// tables are Word tables, made by scripts/corpus-formats.py) read as Markdown tables: one row
/// a table row, its cells' wrapped lines joined, the rows the .docx holds — not the printed
/// lines, each a few characters of every cell. Nothing is lost either way.
#[test]
fn pdf_ruled_tables_read_as_markdown_tables_with_whole_rows() {
    let pdf = import(&fixture("moda-executive-4", "tables.pdf"));
    let docx = import(&fixture("moda-executive-4", "tables.docx"));
    let source = read(fixture("moda-executive-4", "tables-source.txt"));
    // Counted, not in order: a table the detector leaves alone is read line by printed line,
    // its cells' pieces interleaved, as any PDF reader reads it.
    let letters = |t: &str| {
        let mut m = std::collections::BTreeMap::<char, i64>::new();
        for c in t.chars().filter(|c| c.is_alphanumeric()) {
            *m.entry(c).or_default() += 1;
        }
        m
    };
    for (what, imp) in [("pdf", &pdf), ("docx", &docx)] {
        let got = letters(&imp.markdown);
        let missing: Vec<(char, i64)> = letters(&source)
            .into_iter()
            .map(|(c, n)| (c, n - got.get(&c).copied().unwrap_or(0)))
            .filter(|&(_, n)| n > 0)
            .collect();
        assert!(
            missing.is_empty(),
            "{what}: letters and digits missing (and how many): {missing:?}"
        );
    }
    let (_, pdf_body) = split(&pdf.markdown);
    let (_, docx_body) = split(&docx.markdown);
    let want = table_rows(docx_body);
    let got = table_rows(pdf_body);
    assert!(!got.is_empty(), "no table read from the PDF");
    let strays: Vec<&String> = got.iter().filter(|r| !want.contains(r)).collect();
    assert!(strays.is_empty(), "PDF table rows the .docx does not have: {strays:#?}");
    // Every row of every table, in order: the ones the detector takes, the grids it leaves (a
    // two-column table whose right cells wrap) and a table's rows continued on the next page.
    assert_eq!(got, want, "the PDF's table rows are not the .docx's");
    let tables: String = pdf_body
        .lines()
        .filter(|l| l.starts_with('|'))
        .map(|l| format!("{l}\n"))
        .collect();
    insta::assert_snapshot!("pdf_ruled_tables", tables);
}
