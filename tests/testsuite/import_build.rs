//! Importing the seed text gives a record that builds and carries the same structure as the
//! bundled, hand-made record: agenda items with their units and decisions, and the unit reports.

use crate::support::*;

#[test]
fn imported_seed_builds_like_the_bundled_record() {
    let site = bundled_site();
    let bundled = minutebook::build::load(&options_with_drafts(site.path())).unwrap_or_else(|d| panic!("{d:?}"));
    let want = &bundled.archive.records[0].structure;

    // Import into a fresh copy of the site in place of the bundled record.
    std::fs::remove_file(site.path().join("content/2024/executive-4.md")).unwrap();
    let seed = repo().join("tests/fixtures/import/seed.txt");
    let (code, stdout, stderr) = run(&["import", seed.to_str().unwrap(), "--root", "."], site.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("content/2024/executive-4.md"), "{stdout}");
    let loaded = minutebook::build::load(&options_with_drafts(site.path())).unwrap_or_else(|d| panic!("{d:?}"));
    let got = &loaded.archive.records[0];
    assert!(
        got.meta.draft,
        "an imported record is a draft until a person removes `draft: true`"
    );
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
    let mut front: Vec<&str> = got.meta.units.iter().map(|u| u.slug.as_ref()).collect();
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

/// 討論事項 as many ministries write them — the proposal's number on its own line, then its
/// 提案單位, then a bare 案由 line — import as one agenda heading per proposal, each with its own
/// unit and decision; so does a proposal with its subject on the number's line.
#[test]
fn discussion_proposals_import_as_agenda_items() {
    let site = bundled_site();
    let text = "數位發展部\n第5次部務會議紀錄\n時間：113年10月2日（星期三）上午10時\n地點：本部101會議室\n主席：黃部長彥男\n紀錄：林怡芬\n出席人員：關政務次長河鳴\n壹、討論事項\n提案一\n提案單位：秘書處\n案由：處務規程修正案，提請討論。\n說明：如附件。\n決議：照案通過。\n提案二：平臺改版案，提請討論。（提案單位：數位產業署）\n決議：原則同意。\n貳、散會：上午11時\n";
    std::fs::write(site.path().join("m.txt"), text).unwrap();
    let (code, stdout, stderr) = run(
        &["import", "m.txt", "--out", "content/2024/ministry-5.md", "--root", "."],
        site.path(),
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    let md = read(site.path().join("content/2024/ministry-5.md"));
    assert!(
        md.contains("\n### 提案一　案由：處務規程修正案，提請討論。\n\n提案單位：秘書處\n\n說明：如附件。\n"),
        "{md}"
    );
    assert!(
        md.contains("\n### 提案二：平臺改版案，提請討論。（提案單位：數位產業署）\n"),
        "{md}"
    );
    let loaded = minutebook::build::load(&options_with_drafts(site.path())).unwrap_or_else(|d| panic!("{d:?}"));
    let rec = loaded
        .archive
        .records
        .iter()
        .find(|r| r.meta.title == "第5次部務會議紀錄")
        .expect("the imported record");
    let items: Vec<(&str, Vec<&str>, &str)> = rec
        .structure
        .agenda
        .iter()
        .map(|a| {
            (
                a.label.as_str(),
                a.units.iter().map(String::as_str).collect(),
                a.decision.as_str(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            ("提案一", vec!["secretariat"], "照案通過。"),
            ("提案二", vec!["adi"], "原則同意。")
        ]
    );
}

/// A new body's first import: the importer names the series the site lacks and prints the
/// `minutebook.yaml` entry to add; `--register` adds exactly that (the rest of the file stays as
/// it was, comments and all), and the draft then passes `check --drafts`.
#[test]
fn a_new_bodys_first_import_builds_after_register() {
    let site = bundled_site();
    let config = site.path().join("minutebook.yaml");
    let before = read(&config);
    let source = repo().join("tests/corpus/jincheng-rc-12-15-4/source.txt");
    let source = source.to_str().unwrap();

    let (code, stdout, stderr) = run(&["import", source, "--root", "."], site.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("does not register, so the record will not build until they are; add (choose other ASCII slugs if you like):\nseries:\n  - { name: 臨時大會, slug: lin-shi-da-hui }\nor import again with --register"),
        "{stderr}"
    );
    assert!(stdout.contains("content/2021/lin-shi-da-hui-12-15-4.md"), "{stdout}");
    assert!(stdout.contains("it is a draft (draft: true)"), "{stdout}");
    assert_eq!(read(&config), before, "nothing is registered without --register");
    let (code, _, stderr) = run(&["check", "--drafts"], site.path());
    assert_ne!(code, 0, "the unregistered series fails the check");
    assert!(stderr.contains("unknown series `臨時大會`"), "{stderr}");

    std::fs::remove_file(site.path().join("content/2021/lin-shi-da-hui-12-15-4.md")).unwrap();
    let (code, _, stderr) = run(&["import", source, "--root", ".", "--register"], site.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("registered in ./minutebook.yaml:\nseries:\n  - { name: 臨時大會, slug: lin-shi-da-hui }"),
        "{stderr}"
    );
    let after = read(&config);
    let series_end = before
        .find("  - { name: 五長會議, slug: leadership, en: Leadership Meeting }\n")
        .unwrap()
        + "  - { name: 五長會議, slug: leadership, en: Leadership Meeting }\n".len();
    let want = format!(
        "{}  - {{ name: 臨時大會, slug: lin-shi-da-hui }}\n{}",
        &before[..series_end],
        &before[series_end..]
    );
    assert_eq!(after, want);
    let record = read(site.path().join("content/2021/lin-shi-da-hui-12-15-4.md"));
    assert!(
        record.contains("series: \"臨時大會\"\n") && record.contains("draft: true\n"),
        "{record}"
    );
    let (code, _, stderr) = run(&["check", "--drafts"], site.path());
    assert_eq!(code, 0, "{stderr}");
}

/// A council's 議事錄 of three sittings (tests/corpus/tycc-1-t17): `import --register` writes a
/// record for each, where each sitting's own title puts it, and all three build and load to their
/// own dates; importing again writes nothing (the first file exists), nor does `--out X.md` when
/// one of `X-1.md`, `X-2.md`, `X-3.md` exists, and `--out` to free names writes all three.
#[test]
fn a_file_of_three_sittings_writes_three_records_that_build() {
    let site = bundled_site();
    let source = repo().join("tests/corpus/tycc-1-t17/source.txt");
    let source = source.to_str().unwrap();
    let (code, stdout, stderr) = run(&["import", source, "--root", ".", "--register"], site.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("the file holds the minutes of 3 sittings, one after the other: a record for each"),
        "{stderr}"
    );
    let paths = [
        "content/2017/lin-shi-hui-1-17.md",
        "content/2017/lin-shi-hui-1-17-1.md",
        "content/2017/lin-shi-hui-1-17-2.md",
    ];
    for p in paths {
        assert!(stdout.contains(&format!("wrote ./{p} (")), "{p}: {stdout}");
        assert!(site.path().join(p).is_file(), "{p}");
    }
    let loaded = minutebook::build::load(&options_with_drafts(site.path())).unwrap_or_else(|d| panic!("{d:?}"));
    let mut dates: Vec<(String, String)> = loaded
        .archive
        .records
        .iter()
        .filter(|r| &*r.meta.series.name == "臨時會")
        .map(|r| (r.meta.slug.clone(), r.meta.date.to_string()))
        .collect();
    dates.sort();
    assert_eq!(
        dates,
        [
            ("lin-shi-hui-1-17".to_string(), "2017-06-19".to_string()),
            ("lin-shi-hui-1-17-1".to_string(), "2017-06-20".to_string()),
            ("lin-shi-hui-1-17-2".to_string(), "2017-06-23".to_string()),
        ]
    );
    let (code, _, stderr) = run(&["check", "--drafts"], site.path());
    assert_eq!(code, 0, "{stderr}");

    // Again: the first file exists, and nothing is written.
    let before = snapshot(&site.path().join("content"));
    let (code, _, stderr) = run(&["import", source, "--root", "."], site.path());
    assert_ne!(code, 0);
    assert!(stderr.contains("refusing to overwrite"), "{stderr}");
    // `--out`: numbered files; one of them exists, so none is written.
    std::fs::write(site.path().join("content/x-3.md"), "mine\n").unwrap();
    let (code, _, stderr) = run(&["import", source, "--root", ".", "--out", "content/x.md"], site.path());
    assert_ne!(code, 0);
    assert!(stderr.contains("content/x-3.md"), "{stderr}");
    assert_eq!(read(site.path().join("content/x-3.md")), "mine\n");
    std::fs::remove_file(site.path().join("content/x-3.md")).unwrap();
    assert_eq!(snapshot(&site.path().join("content")), before);
    let (code, stdout, stderr) = run(&["import", source, "--root", ".", "--out", "content/y.md"], site.path());
    assert_eq!(code, 0, "{stderr}");
    for p in ["content/y-1.md", "content/y-2.md", "content/y-3.md"] {
        assert!(stdout.contains(&format!("wrote {p} (")), "{p}: {stdout}");
    }
    assert!(read(site.path().join("content/y-2.md")).contains("date: \"2017-06-20\"\n"));
}

/// 臺南市議會's minutes (tests/corpus/tncc-2-t10) name units with a bracket of their own
/// (`提案單位：臺南市政府（消防局）`): after `import --register` both sittings check clean, the
/// units as registered (the bracket had ended the name, `臺南市政府（消防局`, an unknown unit).
#[test]
fn units_with_a_bracket_of_their_own_build_after_register() {
    let site = bundled_site();
    let source = repo().join("tests/corpus/tncc-2-t10/source.txt");
    let (code, stdout, stderr) = run(
        &["import", source.to_str().unwrap(), "--root", ".", "--register"],
        site.path(),
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    let config = read(site.path().join("minutebook.yaml"));
    assert!(
        config.contains("name: 臺南市政府（消防局）"),
        "registered whole: {config}"
    );
    let (code, stdout, stderr) = run(&["check", "--drafts"], site.path());
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        !stderr.contains("MB0207") && !stdout.contains("MB0207"),
        "{stdout}{stderr}"
    );
}

/// A refused import changes nothing: `--register` would add 臺南市議會's series and units, but a
/// record's file exists, so minutebook.yaml is left as it was (it had been written before the
/// check); once the file is gone the same command registers and writes.
#[test]
fn a_refused_import_leaves_the_registry_as_it_was() {
    let site = bundled_site();
    let source = repo().join("tests/corpus/tncc-2-t10/source.txt");
    let source = source.to_str().unwrap();
    let config_before = read(site.path().join("minutebook.yaml"));
    std::fs::write(site.path().join("content/t-2.md"), "mine\n").unwrap();
    let args = ["import", source, "--root", ".", "--register", "--out", "content/t.md"];
    let (code, _, stderr) = run(&args, site.path());
    assert_ne!(code, 0, "{stderr}");
    assert!(stderr.contains("content/t-2.md"), "{stderr}");
    assert_eq!(
        read(site.path().join("minutebook.yaml")),
        config_before,
        "the registry is unchanged"
    );
    assert_eq!(read(site.path().join("content/t-2.md")), "mine\n");
    assert!(!site.path().join("content/t-1.md").exists());
    std::fs::remove_file(site.path().join("content/t-2.md")).unwrap();
    let (code, _, stderr) = run(&args, site.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(read(site.path().join("minutebook.yaml")).contains("name: 臺南市政府（消防局）"));
    assert!(site.path().join("content/t-2.md").is_file());
}
