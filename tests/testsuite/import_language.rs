//! `minutebook import` speaks the site's language: on a zh-Hant-TW site its notes (what it read,
//! what it removed or moved into the front-matter), its warnings (what it left out, each with its
//! code) and its closing lines are in Traditional Chinese, and with `--lang en` in English. Real
//! documents: the 國立臺灣大學學生輔導委員會 regulation PDF (tests/fixtures/import/real-pdf/ntu-sac-59,
//! 3 pages with page furniture and form buttons, a header without 地點/主席/日期) and 數位發展部's
//! 第4次主管會議紀錄 .docx (tests/fixtures/import/moda-executive-4, Word's automatic numbering).

use crate::support::*;

/// Every line `import` prints for the two documents, `--verbose` for the PDF (its listing of what
/// was removed), in the language `lang` gives (none: the site's).
fn import_both(lang: &[&str]) -> String {
    let site = bundled_site();
    let dir = site.path();
    for (from, to) in [
        ("real-pdf/ntu-sac-59/attachment-p10-12.pdf", "輔導委員會辦法.pdf"),
        ("moda-executive-4/source.docx", "第4次主管會議紀錄.docx"),
    ] {
        std::fs::copy(repo().join("tests/fixtures/import").join(from), dir.join(to)).unwrap();
    }
    let mut all = String::new();
    for (file, out, verbose) in [
        ("輔導委員會辦法.pdf", "a.md", true),
        ("第4次主管會議紀錄.docx", "b.md", false),
    ] {
        let mut args = vec!["import", file, "--out", out];
        args.extend(lang);
        if verbose {
            args.push("--verbose");
        }
        let (code, stdout, stderr) = run_in_site_language(&args, dir);
        assert_eq!(code, 0, "{stderr}");
        all.push_str(&format!("$ minutebook {}\n{stderr}{stdout}\n", args.join(" ")));
    }
    all
}

#[test]
fn a_zh_hant_site_gets_the_importers_notes_and_warnings_in_chinese() {
    let out = import_both(&[]);
    // Only the document's own words, the file names, the keys and slugs are not Chinese.
    for english in [
        "removed",
        "warning",
        "left out",
        "read the",
        "line in the header",
        "paragraphs",
    ] {
        assert!(!out.contains(english), "`{english}` in:\n{out}");
    }
    insta::assert_snapshot!(out);
}

#[test]
fn lang_en_gets_the_importers_notes_and_warnings_in_english() {
    let out = import_both(&["--lang", "en"]);
    for chinese in ["已移除", "警告", "未填入", "已讀取", "段落"] {
        assert!(!out.contains(chinese), "`{chinese}` in:\n{out}");
    }
    insta::assert_snapshot!(out);
}

/// A .docx cut short (as a broken download leaves it: the first 20,000 bytes of the real
/// 第4次主管會議紀錄.docx) is refused in the site's language, the importer's own words about it
/// too; only the zip library's words stay as they are.
#[test]
fn a_damaged_docx_is_refused_in_the_sites_language() {
    let site = bundled_site();
    let bytes = std::fs::read(repo().join("tests/fixtures/import/moda-executive-4/source.docx")).unwrap();
    std::fs::write(site.path().join("cut.docx"), &bytes[..20_000]).unwrap();
    let (code, _, err) = run_in_site_language(&["import", "cut.docx"], site.path());
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err,
        "錯誤[MB0607]: cut.docx: 不是可讀取的 .docx：不是 zip 壓縮檔（invalid Zip archive: Could not find EOCD）\n錯誤：發現 1 個問題；沒有寫入任何檔案\n"
    );
    let (code, _, err) = run_in_site_language(&["import", "cut.docx", "--lang", "en"], site.path());
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err,
        "error[MB0607]: cut.docx: not a readable .docx: not a zip archive (invalid Zip archive: Could not find EOCD)\nerror: 1 problem found; nothing was written\n"
    );
}

/// A file saved without an extension (the real .docx, as a browser may save a download) is
/// refused with the formats to use, in the site's language.
#[test]
fn a_file_without_an_extension_is_refused_in_the_sites_language() {
    let site = bundled_site();
    std::fs::copy(
        repo().join("tests/fixtures/import/moda-executive-4/source.docx"),
        site.path().join("第4次主管會議紀錄"),
    )
    .unwrap();
    let (code, _, err) = run_in_site_language(&["import", "第4次主管會議紀錄"], site.path());
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err,
        "錯誤[MB0614]: 第4次主管會議紀錄: 檔名沒有副檔名：請匯入 .txt、.docx、.odt 或 .pdf 檔\n錯誤：發現 1 個問題；沒有寫入任何檔案\n"
    );
    let (code, _, err) = run(&["import", "第4次主管會議紀錄"], site.path());
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err,
        "error[MB0614]: 第4次主管會議紀錄: the file name has no extension: import a .txt, .docx, .odt or .pdf file\nerror: 1 problem found; nothing was written\n"
    );
}
