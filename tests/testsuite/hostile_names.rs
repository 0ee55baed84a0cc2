//! File names and links in content/ that could mislead: a name with a line break cannot forge a
//! line of the diagnostics, and symbolic links are skipped with one warning, not silently.

#![cfg(unix)]

use crate::support::{bundled_site, run, write};

#[test]
fn a_file_name_with_a_line_break_prints_on_one_line() {
    let site = bundled_site();
    write(
        site.path(),
        "content/2024/x\nerror: content/forged.md:1:1: fake.md",
        "---\ntitle: 第1次會議紀錄\nseries: 主管會議\ndate: 2024-13-01\n---\n本文\n",
    );
    let (code, _, err) = run(&["check"], site.path());
    assert_ne!(code, 0, "{err}");
    assert!(
        err.contains("content/2024/x\\u{a}error: content/forged.md:1:1: fake.md:4:"),
        "{err}"
    );
    assert!(
        !err.lines().any(|l| l.starts_with("error: content/forged.md")),
        "a forged line was printed:\n{err}"
    );
}

#[test]
fn symbolic_links_in_content_are_skipped_with_one_warning() {
    let site = bundled_site();
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.md", "---\ntitle: 外部\n---\n不應發布\n");
    for i in 0..7 {
        std::os::unix::fs::symlink(
            outside.path().join("secret.md"),
            site.path().join(format!("content/link-{i}.md")),
        )
        .unwrap();
    }
    for cmd in ["check", "build"] {
        let (code, _, err) = run(&[cmd], site.path());
        assert_eq!(code, 0, "{cmd}: {err}");
        let warnings: Vec<&str> = err.lines().filter(|l| l.contains("symbolic link")).collect();
        assert_eq!(
            warnings,
            ["warning: content/link-0.md: 7 symbolic links under content/ were skipped: `content/link-0.md`, `content/link-1.md`, `content/link-2.md`, `content/link-3.md`, `content/link-4.md`, and 2 more"],
            "{cmd}: {err}"
        );
    }
    let public = site.path().join("public");
    let leaked = walkdir::WalkDir::new(&public)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .any(|e| std::fs::read(e.path()).is_ok_and(|b| String::from_utf8_lossy(&b).contains("不應發布")));
    assert!(!leaked, "a linked file's text was published");
}
