//! Diagnostics of bad YAML, as `minutebook check` prints them, snapshotted whole (insta; the
//! snapshots are in `snapshots/`, refreshed with `INSTA_UPDATE=always cargo test --test testsuite
//! yaml_errors::` and read before committing). Each case takes the bundled site (a real record
//! of the ministry, content/2024/executive-4.md, and its minutebook.yaml) and makes one slip in
//! one line, as a writer would.

use crate::support::{bundled_site, read, run, run_in_site_language, write};

const RECORD: &str = "content/2024/executive-4.md";
const CONFIG: &str = "minutebook.yaml";

/// The site with `file`'s first `from` replaced by `to`; `check`'s standard error, which must
/// report a failure.
fn check_with(file: &str, from: &str, to: &str) -> String {
    let site = bundled_site();
    let text = read(site.path().join(file));
    assert!(text.contains(from), "{file} has no `{from}`");
    write(site.path(), file, &text.replacen(from, to, 1));
    let (code, _, stderr) = run(&["check", "--root", "."], site.path());
    assert_eq!(code, 1, "check must fail:\n{stderr}");
    stderr
}

#[test]
fn duplicate_key_in_front_matter() {
    // `title: 甲` then `title: true` was read silently as the last, and reported as "title is
    // empty"; now the second line is the error and names the first.
    let stderr = check_with(RECORD, "series: 主管會議\n", "series: 主管會議\ntitle: true\n");
    insta::assert_snapshot!(stderr);
}

#[test]
fn duplicate_key_in_config() {
    let stderr = check_with(CONFIG, "theme: default\n", "theme: default\ntitle: 會議紀錄\n");
    insta::assert_snapshot!(stderr);
}

#[test]
fn full_width_colon_after_a_key() {
    let stderr = check_with(RECORD, "chair: 黃部長彥男", "chair：黃部長彥男");
    insta::assert_snapshot!(stderr);
}

#[test]
fn full_width_colon_in_config() {
    let stderr = check_with(CONFIG, "organization: 數位發展部", "organization：數位發展部");
    insta::assert_snapshot!(stderr);
}

#[test]
fn colon_inside_an_unquoted_value() {
    let stderr = check_with(
        RECORD,
        "location: 本部延平大樓101會議室",
        "location: 本部延平大樓: 101會議室",
    );
    insta::assert_snapshot!(stderr);
}

#[test]
fn tab_in_indentation() {
    let stderr = check_with(RECORD, "  - 葉常務次長寧", "\t- 葉常務次長寧");
    insta::assert_snapshot!(stderr);
}

#[test]
fn bad_indentation() {
    let stderr = check_with(RECORD, "  - 葉常務次長寧", " - 葉常務次長寧");
    insta::assert_snapshot!(stderr);
}

#[test]
fn unclosed_quote() {
    let stderr = check_with(RECORD, "time: \"10:30-12:15\"", "time: \"10:30-12:15");
    insta::assert_snapshot!(stderr);
}

#[test]
fn unknown_key_and_wrong_type_in_config() {
    let stderr = check_with(CONFIG, "theme: default\n", "them: default\nper_page: 三十\n");
    insta::assert_snapshot!(stderr);
}

#[test]
fn number_out_of_range() {
    // Read through JSON, this was "JSON number out of range".
    let stderr = check_with(RECORD, "number: 4\n", "number: 99999999999999999999999\n");
    insta::assert_snapshot!(stderr);
}

#[test]
fn build_prints_a_configuration_error_once() {
    let site = bundled_site();
    let text = read(site.path().join(CONFIG));
    write(
        site.path(),
        CONFIG,
        &text.replacen("theme: default\n", "theme: default\ntheme: default\n", 1),
    );
    let (code, _, stderr) = run(&["build", "--root", "."], site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(!site.path().join("public").exists(), "nothing is written");
    insta::assert_snapshot!(stderr);
}

/// The bundled site is a zh-Hant-TW site: without `--lang`, its staff read each YAML slip in
/// Chinese, with the code the README lists, in the record and in minutebook.yaml alike.
#[test]
fn a_zh_hant_site_reads_yaml_errors_in_chinese() {
    let site = bundled_site();
    let record = read(site.path().join(RECORD));
    write(
        site.path(),
        RECORD,
        &record.replacen("chair: 黃部長彥男", "chair：黃部長彥男", 1),
    );
    let (code, _, stderr) = run_in_site_language(&["check", "--root", "."], site.path());
    assert_eq!(code, 1, "{stderr}");
    insta::assert_snapshot!("zh_record", stderr);

    let site = bundled_site();
    let config = read(site.path().join(CONFIG));
    write(
        site.path(),
        CONFIG,
        &config.replacen("theme: default\n", "them: default\nper_page: 三十\n", 1),
    );
    let (code, _, stderr) = run_in_site_language(&["check", "--root", "."], site.path());
    assert_eq!(code, 1, "{stderr}");
    insta::assert_snapshot!("zh_config", stderr);
}

#[test]
fn a_record_saved_with_carriage_returns_alone_is_located_by_the_lines_an_editor_shows() {
    // Old Mac files (and some exports) end lines with CR alone. YAML and editors take it for a
    // line break; the error must name that line, with its text shown, as for LF files.
    let site = bundled_site();
    let text = read(site.path().join(RECORD)).replacen("chair: 黃部長彥男", "chair：黃部長彥男", 1);
    let line = text.lines().position(|l| l.starts_with("chair：")).unwrap() + 1;
    write(site.path(), RECORD, &text.replace('\n', "\r"));
    let (code, _, stderr) = run(&["check", "--root", "."], site.path());
    assert_eq!(code, 1, "check must fail:\n{stderr}");
    assert!(
        stderr.contains(&format!("{RECORD}:{line}:")),
        "not at line {line}:\n{stderr}"
    );
    insta::assert_snapshot!(stderr);
}
