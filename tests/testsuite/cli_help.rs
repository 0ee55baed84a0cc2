//! The command line in the staff's language: `--help` and usage errors in Chinese on a zh-Hant
//! site (and by default), in English on an English site or with `--lang en`; usage errors carry
//! a code and exit with 2.

use std::path::Path;

use crate::support::run_in_site_language as run;

fn english_site() -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("minutebook.yaml"), "title: Minutes\nlanguage: en\n").unwrap();
    t
}

fn help(args: &[&str], dir: &Path) -> String {
    let (code, out, err) = run(args, dir);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.is_empty(), "{err}");
    out
}

#[test]
fn help_is_in_chinese_by_default_and_in_english_on_an_english_site() {
    let zh = tempfile::tempdir().unwrap();
    let en = english_site();
    insta::assert_snapshot!("help_zh", help(&["--help"], zh.path()));
    insta::assert_snapshot!("build_help_zh", help(&["build", "--help"], zh.path()));
    assert_eq!(
        help(&["help", "build"], zh.path()),
        help(&["build", "--help"], zh.path()),
        "`help build` is `build --help`"
    );
    insta::assert_snapshot!("help_en", help(&["--help"], en.path()));
    insta::assert_snapshot!("build_help_en", help(&["build", "--help", "--lang", "en"], zh.path()));
}

#[test]
fn usage_errors_are_said_in_the_sites_language_with_a_code_and_exit_2() {
    let zh = tempfile::tempdir().unwrap();
    let en = english_site();
    let mut out = String::new();
    for (dir, args) in [
        (zh.path(), &["biuld"][..]),
        (zh.path(), &["build", "--draft"][..]),
        (zh.path(), &["build", "--message-format", "xml"][..]),
        (zh.path(), &["new", "--date", "2024-10-16"][..]),
        (en.path(), &["biuld"][..]),
        (en.path(), &["build", "--message-format", "xml"][..]),
    ] {
        let (code, stdout, stderr) = run(args, dir);
        assert_eq!(code, 2, "{args:?}: {stdout}{stderr}");
        assert!(stdout.is_empty(), "{stdout}");
        out.push_str(&format!("$ minutebook {}\n{stderr}\n", args.join(" ")));
    }
    insta::assert_snapshot!(out);
}
