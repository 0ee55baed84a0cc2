//! The default theme's reading on a phone and in English: one search box per page, a header that
//! folds its navigation into a disclosure that needs no script, filters laid out label above
//! control, and counted nouns in the right number ("1 record", "3 agenda items").

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Build the bundled site (optionally with its minutebook.yaml changed by `edit`) into a
/// temporary folder and return (folder, output).
fn build(edit: impl Fn(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let yaml = std::fs::read_to_string(repo().join("minutebook.yaml")).unwrap();
    std::fs::write(t.path().join("minutebook.yaml"), edit(yaml)).unwrap();
    for e in walkdir::WalkDir::new(repo().join("content")) {
        let e = e.unwrap();
        let dest = t.path().join(e.path().strip_prefix(repo()).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
    let mut o = minutebook::build::BuildOptions::new(t.path());
    o.today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    if let Err(d) = minutebook::build::build(&o) {
        panic!("{}", d.iter().map(|d| d.to_string()).collect::<String>());
    }
    let out = o.output.clone();
    (t, out)
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn one_search_box_per_page_and_a_folding_menu() {
    let (_t, out) = build(|y| y);
    let count = |page: &str, needle: &str| read(&out.join(page)).matches(needle).count();
    // Home and search have a search box of their own; the header's is left out there.
    assert_eq!(count("index.html", "type=\"search\""), 1);
    assert_eq!(count("search/index.html", "type=\"search\""), 1);
    assert_eq!(
        count("years/index.html", "type=\"search\""),
        1,
        "other pages keep the header's"
    );
    let record = read(&out.join("minutes/2024/executive-4/index.html"));
    assert!(
        record.contains("<details class=\"nav-narrow\"><summary>選單</summary><nav aria-label=\"主選單\"><ul>"),
        "{record}"
    );
    assert!(
        record.contains("<nav class=\"nav-wide\" aria-label=\"主選單\"><ul>"),
        "{record}"
    );
    // Each filter's label sits with its control.
    let search = read(&out.join("search/index.html"));
    assert_eq!(
        search
            .matches("<div class=\"filter\">\n    <label for=\"search-")
            .count(),
        5,
        "{search}"
    );
    let css = read(&out.join("style.css"));
    assert!(
        css.contains(".nav-wide, .header-search { display: none; }"),
        "phone layout"
    );
}

#[test]
fn english_counts_agree_in_number() {
    let (_t, out) = build(|y| y.replace("language: zh-Hant-TW", "language: en"));
    let units = read(&out.join("units/index.html"));
    assert!(units.contains("<span class=\"count\">1 record</span>"), "{units}");
    assert!(!units.contains(">1 records<"), "{units}");
    let home = read(&out.join("index.html"));
    assert!(home.contains(" agenda items</p>"), "{home}");
    assert!(!home.contains("Agenda item</p>"), "{home}");
    let search = read(&out.join("search/index.html"));
    assert!(
        !search.contains("placeholder=\"e.g. 數位皮夾"),
        "an English placeholder"
    );
}
