//! `minutebook new`: the conventional path, the front-matter, a skeleton that builds, and never
//! overwriting.

use crate::support::{workflow_run as run, workflow_site as site};

#[test]
fn writes_the_record_which_builds_and_is_never_overwritten() {
    let t = site();
    let root = t.path().to_str().unwrap();
    let (ok, out, err) = run(&[
        "new",
        "--root",
        root,
        "--series",
        "主管會議",
        "--date",
        "2024-10-16",
        "--number",
        "5",
    ]);
    assert!(ok, "{out}{err}");
    let path = t.path().join("content/2024/executive-5.md");
    assert!(out.contains("content/2024/executive-5.md"), "{out}");
    let text = std::fs::read_to_string(&path).unwrap();
    for line in [
        "---\ntitle: 第5次主管會議紀錄\n",
        "\nseries: 主管會議\n",
        "\nnumber: 5\n",
        "\ndate: 2024-10-16\n",
        "\ntime: \"\"",
        "\nattendees: []",
        "\nunits: []",
        "\ntopics: []",
        "\ndraft: true",
        "\n## 壹、宣誓\n",
        "\n## 參、報告事項\n",
        "\n### 案由一：…，報請公鑒。（報告單位：）\n\n決定：\n",
        "\n## 肆、臨時動議\n",
        "\n## 陸、散會\n",
        "\n## 附錄\n",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    // The facts are front-matter fields, which the page shows: the body does not repeat them.
    for label in ["日期：", "地點：", "主席：", "紀錄：", "出席及列席人員："] {
        assert!(!text.contains(label), "{label} repeated in the body of\n{text}");
    }

    // It is a draft: left out by default, built with --drafts.
    let out_dir = t.path().join("out");
    let o = out_dir.to_str().unwrap();
    let (ok, out, err) = run(&["build", "--root", root, "-o", o]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("1 drafts"), "{out}");
    assert!(!out_dir.join("minutes/2024/executive-5/index.html").exists());
    let (ok, out, err) = run(&["build", "--root", root, "--drafts", "-o", o]);
    assert!(ok, "{out}{err}");
    let page = std::fs::read_to_string(out_dir.join("minutes/2024/executive-5/index.html")).unwrap();
    assert!(page.contains("第5次主管會議紀錄"));
    let (ok, out, err) = run(&["check", "--root", root, "--drafts"]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("0 errors"), "{out}");

    // A second `new` for the same meeting refuses and leaves the file alone.
    std::fs::write(&path, "edited by hand").unwrap();
    let (ok, out, err) = run(&[
        "new",
        "--root",
        root,
        "--series",
        "executive",
        "--date",
        "2024-10-16",
        "--number",
        "5",
    ]);
    assert!(!ok, "{out}{err}");
    assert!(
        err.contains("content/2024/executive-5.md") && err.contains("already exists"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited by hand");
}

#[test]
fn without_a_number_the_file_is_named_by_date_and_aliases_resolve() {
    let t = site();
    let root = t.path().to_str().unwrap();
    let (ok, out, err) = run(&["new", "--root", root, "--series", "主管會報", "--date", "113/11/20"]);
    assert!(ok, "{out}{err}");
    let text = std::fs::read_to_string(t.path().join("content/2024/executive-1120.md")).unwrap();
    assert!(text.contains("title: 113年11月20日主管會議紀錄\n"), "{text}");
    assert!(text.contains("series: 主管會議\n"), "{text}");
    assert!(!text.contains("number:"), "{text}");
    let (ok, out, err) = run(&["check", "--root", root, "--drafts"]);
    assert!(ok && out.contains("0 errors, 0 warnings"), "{out}{err}");
}

#[test]
fn unknown_series_is_an_error_with_a_suggestion() {
    let t = site();
    let root = t.path().to_str().unwrap();
    let (ok, _, err) = run(&["new", "--root", root, "--series", "主管会議", "--date", "2024-10-16"]);
    assert!(!ok);
    assert!(
        err.contains("unknown series `主管会議`") && err.contains("did you mean `主管會議`"),
        "{err}"
    );
    // A series of its own: the entry to register, with an ASCII slug.
    let (ok, _, err) = run(&["new", "--root", root, "--series", "校務會議", "--date", "2024-10-16"]);
    assert!(!ok);
    assert!(
        err.contains("add `- { name: 校務會議, slug: xiao-wu-hui-yi }` under series: in minutebook.yaml"),
        "{err}"
    );
    assert!(!t
        .path()
        .join("content/2024")
        .read_dir()
        .unwrap()
        .any(|e| { e.unwrap().file_name().to_string_lossy().contains("1016") }));
    let (ok, _, err) = run(&["new", "--root", root, "--series", "主管會議", "--date", "2024-02-30"]);
    assert!(!ok && err.contains("2024-02-30"), "{err}");
}

#[test]
fn dates_outside_the_roc_calendar_are_refused() {
    let t = site();
    let root = t.path().to_str().unwrap();
    for (date, says) in [
        ("1000-01-01", "`1000-01-01` is before 1912-01-01"),
        ("0-09-11", "`0-09-11` is in 民國0年"),
        ("202-09-11", "`202-09-11` would be 民國202年, which is 2113"),
        ("3024-01-01", "`3024-01-01` is after 2100"),
    ] {
        let (ok, out, err) = run(&["new", "--root", root, "--series", "主管會議", "--date", date]);
        assert!(!ok && err.contains(says), "{date}: {out}{err}");
    }
    let written: Vec<_> = walkdir::WalkDir::new(t.path().join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written.len(), 2, "nothing new written: {written:?}");
}

#[test]
fn every_problem_is_reported_together_and_number_zero_is_refused() {
    let t = site();
    let root = t.path().to_str().unwrap();
    let files = || -> Vec<String> {
        walkdir::WalkDir::new(t.path().join("content"))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    };
    let before = files();
    let (ok, out, err) = run(&["new", "--root", root, "--series", "xyz", "--date", "2024-02-30"]);
    assert!(!ok, "{out}{err}");
    assert!(
        err.contains("error[MB0216]: --date: `2024-02-30` is not a date: 2024-02 has 29 days")
            && err.contains("error[MB0905]: --series: unknown series `xyz`")
            && err.contains("2 problems found"),
        "{err}"
    );
    let (ok, out, err) = run(&[
        "new",
        "--root",
        root,
        "--series",
        "主管會議",
        "--date",
        "2024-10-16",
        "--number",
        "0",
    ]);
    assert!(!ok, "{out}{err}");
    assert!(
        err.contains("error[MB0901]: --number: there is no meeting number 0 (第0次)")
            && err.contains("meeting numbers start at 1"),
        "{err}"
    );
    let (ok, out, err) = run(&[
        "new",
        "--root",
        root,
        "--series",
        "xyz",
        "--date",
        "1000-01-01",
        "--number",
        "0",
    ]);
    assert!(!ok, "{out}{err}");
    assert!(err.contains("3 problems found"), "{err}");
    assert_eq!(files(), before, "nothing written");
}
