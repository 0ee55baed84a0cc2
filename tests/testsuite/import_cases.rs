//! The importer on small fixtures (full-width digits, Western dates, missing header lines, page
//! furniture, spaced labels, tables, unknown units), on a .docx built here, and `write_new`.

use std::io::Write;
use std::path::Path;

use crate::support::{registry, split};
use minutebook::import::{docx_to_text, import_file, import_text, write_new, ImportError, Imported};

fn fixture(name: &str) -> (String, Imported) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let imp = import_file(&path, &registry()).unwrap();
    (text, imp)
}

/// The value of a scalar front-matter key, as written.
fn key<'a>(imp: &'a Imported, k: &str) -> Option<&'a str> {
    let (fm, _) = split(&imp.markdown);
    fm.lines().find_map(|l| l.strip_prefix(&format!("{k}: ")))
}

#[test]
fn full_width_digits() {
    let (_, imp) = fixture("fullwidth.txt");
    assert_eq!(key(&imp, "title"), Some("\"第４次主管會議紀錄\""));
    assert_eq!(key(&imp, "number"), Some("4"));
    assert_eq!(key(&imp, "date"), Some("\"2024-09-11\""));
    assert_eq!(key(&imp, "time"), Some("\"14:00-15:30\""));
    assert_eq!(key(&imp, "slug"), Some("\"executive-4\""));
    assert_eq!(imp.suggested_path, "content/2024/executive-4.md");
    let (fm, _) = split(&imp.markdown);
    assert!(fm.contains("units:\n  - \"數位策略司\"\n"), "{fm}");
    assert!(imp.warnings.is_empty(), "{:?}", imp.warnings);
}

#[test]
fn western_dates() {
    let (_, imp) = fixture("western_cjk.txt");
    assert_eq!(key(&imp, "date"), Some("\"2024-09-11\""));
    assert_eq!(key(&imp, "time"), Some("\"09:00-11:00\""));
    assert_eq!(key(&imp, "number"), Some("12"));
    let (_, imp) = fixture("western_slash.txt");
    assert_eq!(key(&imp, "date"), Some("\"2024-09-11\""));
    assert_eq!(key(&imp, "time"), Some("\"13:30-15:00\""));
    assert_eq!(key(&imp, "number"), Some("12"), "第十二次");
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/western_slash.txt"))
            .unwrap()
            .replace("2024/9/11", "2024-09-11");
    let imp = import_text(&text, &registry());
    assert_eq!(key(&imp, "date"), Some("\"2024-09-11\""));
}

/// Formal documents write dates and times in Chinese numerals.
#[test]
fn chinese_numeral_dates_and_times() {
    let text = "數位發展部\n第十二次主管會議紀錄\n時間：中華民國一一三年十二月三日（星期二）下午二時三十分\n地點：本部101會議室\n主席：黃部長彥男\n紀錄：林怡芬\n出席人員：關政務次長河鳴\n壹、報告事項\n案由一：追蹤案，報請公鑒。（報告單位：策略司）\n決定：洽悉。\n貳、散會：下午四時\n";
    let imp = import_text(text, &registry());
    assert_eq!(key(&imp, "date"), Some("\"2024-12-03\""), "{}", imp.markdown);
    assert_eq!(key(&imp, "time"), Some("\"14:30-16:00\""), "{}", imp.markdown);
    assert!(imp.warnings.is_empty(), "{:?}", imp.warnings);
    let imp = import_text(&text.replace("一一三年", "一百一十三年"), &registry());
    assert_eq!(key(&imp, "date"), Some("\"2024-12-03\""));
}

#[test]
fn missing_date_line_is_a_warning_and_no_date() {
    let (_, imp) = fixture("no_date.txt");
    assert_eq!(key(&imp, "date"), None);
    assert_eq!(key(&imp, "time"), None);
    assert!(
        imp.warnings
            .iter()
            .any(|w| w.message.en().contains("日期") && w.line == 0),
        "{:?}",
        imp.warnings
    );
    assert_eq!(imp.suggested_path, "content/undated/executive-5.md");
    assert_eq!(key(&imp, "location"), Some("\"本部101會議室\""));
}

#[test]
fn a_date_outside_the_roc_calendar_is_warned_and_left_out() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/fullwidth.txt"))
            .unwrap();
    for (date, says) in [
        ("1000年1月1日", "before 1912-01-01"),
        ("0年9月11日", "民國0年"),
        ("202年9月11日", "民國202年, which is 2113"),
        ("3024年1月1日", "after 2100"),
    ] {
        let imp = import_text(&text.replace("１１３年９月１１日", date), &registry());
        assert_eq!(key(&imp, "date"), None, "{date}");
        let w = imp
            .warnings
            .iter()
            .find(|w| w.message.en().contains(says))
            .unwrap_or_else(|| panic!("{date}: {:?}", imp.warnings));
        assert_eq!(w.line, 3, "{w:?}");
        assert!(w.message.en().ends_with("date left out"), "{w:?}");
        assert!(
            imp.suggested_path.starts_with("content/undated/"),
            "{}",
            imp.suggested_path
        );
    }
}

#[test]
fn chair_wording_numbering_and_several_fields_on_one_line() {
    let text = "第4次主管會議紀錄\n\
                一、日期：113年9月11日（星期三）上午10時30分\n\
                二、地點：本部101會議室\n\
                三、主席：謝署長翠娟   記錄：李小華\n\
                四、出席人員：關政務次長河鳴、林政務次長宜敬、\n\
                葉常務次長寧\n\
                壹、報告事項\n\
                案由一：追蹤案，報請公鑒。（報告單位：秘書處）\n\
                決定：洽悉。\n\
                貳、散會（上午11時）\n";
    let imp = import_text(text, &registry());
    assert_eq!(key(&imp, "chair"), Some("\"謝署長翠娟\""));
    assert_eq!(key(&imp, "recorder"), Some("\"李小華\""));
    assert_eq!(key(&imp, "location"), Some("\"本部101會議室\""));
    assert_eq!(key(&imp, "date"), Some("\"2024-09-11\""));
    assert_eq!(key(&imp, "time"), Some("\"10:30-11:00\""));
    let (fm, _) = split(&imp.markdown);
    assert!(
        fm.contains("attendees:\n  - \"關政務次長河鳴\"\n  - \"林政務次長宜敬\"\n  - \"葉常務次長寧\"\n"),
        "{fm}"
    );
    assert!(imp.warnings.is_empty(), "{:?}", imp.warnings);

    let imp = import_text(
        &text.replace(
            "三、主席：謝署長翠娟   記錄：李小華",
            "主持人：黃部長彥男\n紀錄：林怡芬",
        ),
        &registry(),
    );
    assert_eq!(key(&imp, "chair"), Some("\"黃部長彥男\""));
    assert_eq!(key(&imp, "recorder"), Some("\"林怡芬\""));
    assert!(imp.warnings.is_empty(), "{:?}", imp.warnings);

    // 出（列）席人員, with the bracket, is the attendees line too.
    for label in ["出（列）席人員", "出(列)席人員"] {
        let imp = import_text(&text.replace("四、出席人員", &format!("四、{label}")), &registry());
        let (fm, _) = split(&imp.markdown);
        assert!(
            fm.contains("attendees:\n  - \"關政務次長河鳴\"\n  - \"林政務次長宜敬\"\n  - \"葉常務次長寧\"\n"),
            "{label}: {fm}"
        );
        assert!(imp.warnings.is_empty(), "{label}: {:?}", imp.warnings);
    }

    // Without any chair line, the warning names both labels it looked for.
    let imp = import_text(&text.replace("三、主席：謝署長翠娟   記錄：李小華\n", ""), &registry());
    assert_eq!(key(&imp, "chair"), None);
    assert!(
        imp.warnings
            .iter()
            .any(|w| w.message.en() == "no 主席： or 主持人： line in the header: chair left out"),
        "{:?}",
        imp.warnings
    );
}

#[test]
fn missing_adjournment_keeps_only_the_start_time() {
    let (_, imp) = fixture("no_adjourn.txt");
    assert_eq!(key(&imp, "date"), Some("\"2024-10-02\""));
    assert_eq!(key(&imp, "time"), Some("\"10:30\""));
    assert!(
        imp.warnings.iter().any(|w| w.message.en().contains("散會")),
        "{:?}",
        imp.warnings
    );
}

#[test]
fn page_furniture_is_dropped_and_the_break_mended() {
    let (_, imp) = fixture("furniture.txt");
    let (_, body) = split(&imp.markdown);
    assert!(body.contains("\n\n二、本次建議解除追蹤（5件）均同意解除列管，建議部分解除追蹤（2件）同意，其餘案件亦請持續追蹤。\n\n三、請各單位配合辦理。\n\n"), "{body}");
    for furniture in ["- 1 -", "第 2 頁", "3/12"] {
        assert!(!body.contains(furniture), "{furniture} left in:\n{body}");
    }
    // The running header is gone; the title line it repeats went into the front-matter once.
    assert_eq!(body.matches("數位發展部第7次主管會議紀錄").count(), 0, "{body}");
    assert!(
        imp.in_front_matter
            .iter()
            .any(|(_, l)| l == "數位發展部第7次主管會議紀錄"),
        "{:?}",
        imp.in_front_matter
    );
    assert_eq!(key(&imp, "title"), Some("\"數位發展部第7次主管會議紀錄\""));
    assert_eq!(key(&imp, "time"), Some("\"10:00-11:00\""));
}

#[test]
fn spaced_labels_are_normalised() {
    let (_, imp) = fixture("spaced.txt");
    let (_, body) = split(&imp.markdown);
    for l in [
        "## 壹、報告事項",
        "### 案由一：追蹤案，報請公鑒。（報告單位：數位策略司）",
        "說明：如附件。",
        "決定：洽悉。",
        "## 貳、散會（上午11時）",
    ] {
        assert!(body.lines().any(|x| x == l), "no line {l}:\n{body}");
    }
    assert_eq!(key(&imp, "chair"), Some("\"黃部長彥男\""));
    assert_eq!(key(&imp, "recorder"), Some("\"林怡芬\""));
    assert_eq!(key(&imp, "location"), Some("\"本部101會議室\""));
    assert_eq!(key(&imp, "date"), Some("\"2024-10-30\""));
}

#[test]
fn tab_rows_become_a_table() {
    let (_, imp) = fixture("table.txt");
    let (_, body) = split(&imp.markdown);
    assert!(
        body.contains(
            "| 項目 | 預算數 | 執行率 |\n| --- | --- | --- |\n| 經常門 | 100 | 85%\\|A |\n| 資本門 |  | 90% |\n"
        ),
        "{body}"
    );
    assert!(body.contains("\n\n決定：洽悉。\n"));
}

#[test]
fn unknown_reporting_unit_is_warned_and_left_out() {
    let (text, imp) = fixture("unknown_unit.txt");
    let w = imp
        .warnings
        .iter()
        .find(|w| w.message.en().contains("數位產業"))
        .expect("a warning");
    assert_eq!(w.line, 8);
    assert_eq!(w.source_line, text.lines().nth(7).unwrap());
    let (fm, _) = split(&imp.markdown);
    assert!(fm.contains("units:\n  - \"資通安全署\"\nslug"), "{fm}");
}

#[test]
fn a_missing_header_is_never_invented() {
    let imp = import_text(
        "壹、報告事項\n\n案由一：某案。（報告單位：秘書處）\n\n決定：洽悉。\n",
        &registry(),
    );
    let (fm, body) = split(&imp.markdown);
    assert_eq!(fm, "units:\n  - \"秘書處\"\ndraft: true\n");
    assert!(body.starts_with("## 壹、報告事項\n\n### 案由一"));
    assert_eq!(imp.suggested_path, "content/undated/untitled.md");
    for what in ["title", "日期", "地點", "主席", "紀錄", "出席"] {
        assert!(
            imp.warnings.iter().any(|w| w.message.en().contains(what)),
            "no warning about {what}: {:?}",
            imp.warnings
        );
    }
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

fn para(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

fn cell(text: &str) -> String {
    format!("<w:tc><w:tcPr/>{}</w:tc>", para(text))
}

fn build_docx() -> Vec<u8> {
    let mut body = String::new();
    for p in [
        "第4次主管會議紀錄",
        "日期：113年9月11日（星期三）上午10時30分",
        "地點：本部延平大樓101會議室",
        "主 席：黃部長彥男",
        "紀錄：林怡芬",
        "出席及列席人員：關政務次長河鳴、林政務次長宜敬（公差）",
        "壹、報告事項",
        "案由一：追蹤案，報請公鑒。（報告單位：數位策略司）",
        "決定：洽悉。",
        "(2) 針對 AI 議題之本部分工如下：",
    ] {
        body.push_str(&para(p));
    }
    body.push_str("<w:tbl><w:tblPr/>");
    for row in [["單位", "涉及主題"], ["法制處", "人工智慧法制 &amp; A|B"]] {
        body.push_str("<w:tr>");
        for c in row {
            body.push_str(&cell(c));
        }
        body.push_str("</w:tr>");
    }
    body.push_str("</w:tbl>");
    body.push_str(&para("貳、散會（下午12時15分）"));
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("word/document.xml", document.as_str()),
        ] {
            zip.start_file(name, opts).unwrap();
            zip.write_all(data.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }
    buf.into_inner()
}

#[test]
fn docx_is_imported() {
    let bytes = build_docx();
    let text = docx_to_text(&bytes).unwrap();
    assert!(
        text.contains("\n單位\t涉及主題\n法制處\t人工智慧法制 & A|B\n"),
        "{text}"
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minutes.docx");
    std::fs::write(&path, &bytes).unwrap();
    let imp = import_file(&path, &registry()).unwrap();
    assert_eq!(key(&imp, "date"), Some("\"2024-09-11\""));
    assert_eq!(key(&imp, "time"), Some("\"10:30-12:15\""));
    assert_eq!(key(&imp, "chair"), Some("\"黃部長彥男\""));
    assert_eq!(imp.suggested_path, "content/2024/executive-4.md");
    let (_, body) = split(&imp.markdown);
    assert!(
        body.contains("### 案由一：追蹤案，報請公鑒。（報告單位：數位策略司）\n\n決定：洽悉。"),
        "{body}"
    );
    assert!(body.contains("- (2) 針對 AI 議題之本部分工如下：\n\n  | 單位 | 涉及主題 |\n  | --- | --- |\n  | 法制處 | 人工智慧法制 & A\\|B |\n"), "{body}");

    // Not a zip: the error names the file.
    let bad = dir.path().join("broken.docx");
    std::fs::write(&bad, b"not a zip").unwrap();
    let err = import_file(&bad, &registry()).unwrap_err();
    assert!(matches!(err, ImportError::Docx { .. }));
    assert!(err.to_string().contains("broken.docx"), "{err}");
    let odd = dir.path().join("minutes.pdf");
    std::fs::write(&odd, b"%PDF").unwrap();
    assert!(import_file(&odd, &registry())
        .unwrap_err()
        .to_string()
        .contains("minutes.pdf"));
}

#[test]
fn write_new_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("content/2024/executive-4.md");
    write_new(&path, "first").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
    let err = write_new(&path, "second").unwrap_err();
    assert!(matches!(err, ImportError::Exists { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("executive-4.md") && msg.contains("exists") && msg.contains("--out"),
        "{msg}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
}

/// The same minutes saved as Big5, as UTF-16 with a BOM and with lone CR line endings import to
/// the same record as the UTF-8 file; the importer says which encoding it read.
#[test]
fn encodings_and_line_endings() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/fullwidth.txt");
    let text = std::fs::read_to_string(&src).unwrap();
    let utf8 = import_file(&src, &registry()).unwrap();
    assert!(utf8.notes.is_empty(), "{:?}", utf8.notes);
    let dir = tempfile::tempdir().unwrap();
    let (big5, _, unmappable) = encoding_rs::BIG5.encode(&text);
    assert!(!unmappable, "the fixture is Big5-encodable");
    let mut utf16 = vec![0xff, 0xfe];
    for u in text.encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let cr = text.replace('\n', "\r").into_bytes();
    for (name, bytes, note) in [
        ("big5.txt", big5.into_owned(), Some("read as Big5")),
        ("utf16.txt", utf16, Some("read as UTF-16LE")),
        ("cr.txt", cr, None),
    ] {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let imp = import_file(&p, &registry()).unwrap();
        assert_eq!(imp.markdown, utf8.markdown, "{name}");
        assert_eq!(imp.notes.first().map(String::as_str), note, "{name}");
    }
    let doc = dir.path().join("old.doc");
    std::fs::write(&doc, b"\xd0\xcf\x11\xe0").unwrap();
    let e = import_file(&doc, &registry()).unwrap_err().to_string();
    assert!(e.contains("soffice --headless --convert-to docx"), "{e}");
}
