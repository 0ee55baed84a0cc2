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

/// (Unix only: making a symbolic link on Windows needs a privilege the test cannot assume.)
#[cfg(unix)]
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
            ["warning[MB0008]: content/link-0.md: 7 symbolic links under content/ were skipped: `content/link-0.md`, `content/link-1.md`, `content/link-2.md`, `content/link-3.md`, `content/link-4.md`, and 2 more"],
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

/// NUL, other C0 controls, DEL and C1 controls in a record reach no page, feed or data file (XML
/// forbids them, HTML treats them as errors): they are published as �, and `check` names each line.
#[test]
fn control_characters_are_published_as_replacement_characters_and_reported() {
    let site = bundled_site();
    write(
        site.path(),
        "content/2024/controls.md",
        "---\ntitle: \"第9次會議紀錄\\u0001\"\nseries: 主管會議\nnumber: 9\ndate: 2024-05-01\n---\n\n本文有\0空字元與\u{1}控制\u{7f}字元\u{85}與\u{9b}。\n\n案由：測試\u{1b}[31m案。\n",
    );
    let (code, _, err) = run(&["check"], site.path());
    assert_eq!(code, 0, "{err}");
    let found: Vec<&str> = err.lines().filter(|l| l.contains("control characters")).collect();
    assert_eq!(
        found,
        [
            "warning[MB0410]: content/2024/controls.md:8:4: control characters (U+0000, U+0001, U+007F, U+0085, U+009B) are published as �",
            "warning[MB0410]: content/2024/controls.md:10:6: control characters (U+001B) are published as �",
        ],
        "{err}"
    );
    let (code, _, err) = run(&["build"], site.path());
    assert_eq!(code, 0, "{err}");
    let mut checked = 0;
    for e in walkdir::WalkDir::new(site.path().join("public"))
        .into_iter()
        .filter_map(Result::ok)
    {
        let p = e.path();
        if !p
            .extension()
            .is_some_and(|x| ["html", "xml", "json", "csv", "txt"].contains(&x.to_str().unwrap()))
        {
            continue;
        }
        let text = std::fs::read_to_string(p).unwrap();
        if let Some(c) = text.chars().find(|&c| minutebook::content::is_unpublishable_control(c)) {
            panic!("{} holds U+{:04X}", p.display(), c as u32);
        }
        checked += 1;
    }
    assert!(checked > 20, "{checked}");
    let page = std::fs::read_to_string(site.path().join("public/minutes/2024/executive-9/index.html"))
        .or_else(|_| {
            let hit = walkdir::WalkDir::new(site.path().join("public/minutes"))
                .into_iter()
                .filter_map(Result::ok)
                .find(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains("空字元")))
                .unwrap();
            std::fs::read_to_string(hit.path())
        })
        .unwrap();
    assert!(page.contains("本文有�空字元與�控制�字元�與�。"), "{page}");
}
