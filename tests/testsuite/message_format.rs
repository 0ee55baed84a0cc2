//! `--message-format human|json|github`, `--quiet` and `--deny-warnings` on build and check, and
//! the exit codes (0, 1 for content errors, 2 for usage).

use crate::support::{run, run_in_site_language};

/// A site with one error (an unknown unit) or, with `ok`, only a warning (two unregistered names
/// that share a page).
fn site(ok: bool) -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    let root = t.path();
    let units = if ok {
        ""
    } else {
        "units:\n  - { name: 工務課, slug: works }\n"
    };
    std::fs::write(
        root.join("minutebook.yaml"),
        format!("title: 測試\nbase_url: https://example.org/\n{units}"),
    )
    .unwrap();
    std::fs::create_dir_all(root.join("content/2024")).unwrap();
    std::fs::write(
        root.join("content/2024/a.md"),
        "---\ntitle: 第1次定期會紀錄\nseries: 定期會\nnumber: 1\ndate: 2024-03-01\nunits: [工務課, 公務課]\n---\n\n正文。\n",
    )
    .unwrap();
    t
}

#[test]
fn json_and_github_formats_of_an_error() {
    let t = site(false);
    let (code, out, err) = run(&["check", "--message-format", "json"], t.path());
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(
        out,
        "{\"code\":\"MB0207\",\"column\":14,\"file\":\"content/2024/a.md\",\"help\":\"did you mean `工務課`? Registered units are listed in minutebook.yaml\",\"line\":6,\"message\":\"unknown unit `公務課`\",\"severity\":\"error\",\"source_line\":\"units: [工務課, 公務課]\"}\n"
    );
    assert_eq!(err, "check: 1 error; the site does not build\n");
    let (code, out, err) = run(&["build", "--message-format", "github"], t.path());
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(
        out,
        "::error file=content/2024/a.md,line=6,col=14,title=MB0207::unknown unit `公務課`%0Ahelp: did you mean `工務課`? Registered units are listed in minutebook.yaml\n"
    );
    assert!(!t.path().join("public").exists(), "nothing written");
}

#[test]
fn quiet_and_denied_warnings() {
    let t = site(true);
    let (code, out, err) = run(&["check"], t.path());
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains("warning[MB0402]: minutebook.yaml: 公務課、工務課 share one page"),
        "{err}"
    );
    assert!(out.starts_with("checked 1 record"), "{out}");
    let (code, out, err) = run(&["check", "--quiet"], t.path());
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "", ""),
        "quiet prints nothing when nothing is wrong"
    );
    let (code, out, err) = run(&["check", "--quiet", "--deny-warnings"], t.path());
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(out, "");
    assert!(
        err.starts_with("warning[MB0402]: minutebook.yaml: 公務課、工務課 share one page"),
        "{err}"
    );
    assert!(
        !err.contains("suggestion"),
        "suggestions are not shown under --quiet: {err}"
    );
    let (code, _, err) = run(&["check", "--message-format", "xml"], t.path());
    assert_eq!(code, 2, "a usage error exits with 2: {err}");
}

/// The site has no `language`, so it is a zh-Hant-TW site: every format gives the messages in
/// Chinese with the same code, and so does `import`.
#[test]
fn a_zh_hant_site_gets_every_format_in_chinese() {
    let t = site(false);
    let (code, out, _) = run_in_site_language(&["check", "--message-format", "json"], t.path());
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        out,
        "{\"code\":\"MB0207\",\"column\":14,\"file\":\"content/2024/a.md\",\"help\":\"您是不是要寫 `工務課`？已登錄的單位列在 minutebook.yaml\",\"line\":6,\"message\":\"未登錄的單位 `公務課`\",\"severity\":\"error\",\"source_line\":\"units: [工務課, 公務課]\"}\n"
    );
    let (code, out, _) = run_in_site_language(&["check", "--message-format", "github"], t.path());
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        out,
        "::error file=content/2024/a.md,line=6,col=14,title=MB0207::未登錄的單位 `公務課`%0A提示: 您是不是要寫 `工務課`？已登錄的單位列在 minutebook.yaml\n"
    );
    std::fs::write(t.path().join("minutes.rtf"), "{\\rtf1 第1次定期會}").unwrap();
    let (code, _, err) = run_in_site_language(&["import", "minutes.rtf"], t.path());
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err,
        "錯誤[MB0604]: minutes.rtf: 無法匯入 `.rtf` 檔：請匯入 .txt、.docx、.odt 或 .pdf\n錯誤：發現 1 個問題；沒有寫入任何檔案\n"
    );
}
