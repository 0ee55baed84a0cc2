//! Importing the seed text gives a record that builds and carries the same structure as the
//! bundled, hand-made record: agenda items with their units and decisions, and the unit reports.

mod common;

use common::*;

#[test]
fn imported_seed_builds_like_the_bundled_record() {
    let site = bundled_site();
    let bundled = minutebook::build::load(&options(site.path())).unwrap_or_else(|d| panic!("{d:?}"));
    let want = &bundled.archive.records[0].structure;

    // Import into a fresh copy of the site in place of the bundled record.
    std::fs::remove_file(site.path().join("content/2024/executive-4.md")).unwrap();
    let seed = repo().join("tests/fixtures/import/seed.txt");
    let (code, stdout, stderr) = run(&["import", seed.to_str().unwrap(), "--root", "."], site.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("content/2024/executive-4.md"), "{stdout}");
    let loaded = minutebook::build::load(&options(site.path())).unwrap_or_else(|d| panic!("{d:?}"));
    let got = &loaded.archive.records[0];
    assert_eq!(got.meta.date.to_string(), "2024-09-11");
    assert_eq!(got.meta.time.as_deref(), Some("10:30-12:15"));
    let items = |s: &minutebook::minutes::Structure| -> Vec<(String, Vec<String>, String)> {
        s.agenda
            .iter()
            .map(|a| (a.label.clone(), a.units.clone(), a.decision.replace(['\n', ' '], "")))
            .collect()
    };
    assert_eq!(items(&got.structure), items(want));
    let reports =
        |s: &minutebook::minutes::Structure| -> Vec<String> { s.reports.iter().map(|r| r.unit.clone()).collect() };
    assert_eq!(reports(&got.structure), reports(want));
    assert_eq!(got.structure.reports.len(), 13);
    let mut front: Vec<&str> = got.meta.units.iter().map(|u| u.slug.as_str()).collect();
    front.sort();
    assert_eq!(front, ["democracy", "nics", "personnel", "secretariat", "strategy"]);
    build_ok(site.path());

    // Importing again never overwrites.
    let (code, _, stderr) = run(&["import", seed.to_str().unwrap(), "--root", "."], site.path());
    assert_ne!(code, 0);
    assert!(stderr.contains("refusing to overwrite"), "{stderr}");
}

#[test]
fn an_empty_file_is_an_error_and_nothing_is_written() {
    let site = bundled_site();
    let before = snapshot(&site.path().join("content"));
    for (name, text) in [
        ("empty.txt", ""),
        ("blank.txt", " \n\t\r\n\u{3000}\n"),
        ("bom.txt", "\u{feff}\n"),
    ] {
        std::fs::write(site.path().join(name), text).unwrap();
        let (code, stdout, stderr) = run(&["import", name, "--root", "."], site.path());
        assert_eq!(code, 1, "{name}: {stdout}{stderr}");
        assert!(
            stderr.contains(&format!("{name}: the file has no text")),
            "{name}: {stderr}"
        );
        assert!(stdout.is_empty(), "{name}: {stdout}");
    }
    assert_eq!(snapshot(&site.path().join("content")), before, "nothing written");
    assert!(!site.path().join("content/undated").exists());

    let (code, help, _) = run(&["import", "--help"], site.path());
    assert_eq!(code, 0);
    assert!(
        help.contains("content/undated/") && help.contains("untitled.md"),
        "{help}"
    );
}
