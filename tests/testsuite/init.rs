//! `minutebook init`: a new site that builds and checks clean at once, its CI workflows, never
//! overwriting, and the no-registry case (Pinyin slugs, the registry suggestion).

use crate::support::run;

#[test]
fn a_new_site_builds_and_checks_clean() {
    let t = tempfile::tempdir().unwrap();
    let (code, out, err) = run(
        &[
            "init",
            "site",
            "--yes",
            "--organization",
            "新北市議會",
            "--base-url",
            "https://minutes.example.org/",
            "--ci",
            "github",
        ],
        t.path(),
    );
    assert_eq!(code, 0, "{out}{err}");
    let site = t.path().join("site");
    let config = std::fs::read_to_string(site.join("minutebook.yaml")).unwrap();
    assert!(config.contains("\ntitle: 新北市議會會議紀錄\n"), "{config}");
    assert!(config.contains("\norganization: 新北市議會\n"), "{config}");
    assert!(
        config.contains("\nbase_url: https://minutes.example.org/\n"),
        "{config}"
    );
    assert!(
        config.contains("# - { name: 資訊室"),
        "commented registry examples: {config}"
    );
    let record = std::fs::read_to_string(site.join("content/2024/meeting-1.md")).unwrap();
    assert!(record.contains("範例"), "the example is marked as one: {record}");
    let workflow = std::fs::read_to_string(site.join(".github/workflows/minutebook.yml")).unwrap();
    assert!(workflow.contains("actions/deploy-pages"), "{workflow}");
    assert_eq!(
        std::fs::read_to_string(site.join(".gitignore")).unwrap(),
        "/public\n/.minutebook-*\n"
    );

    let (code, out, err) = run(&["check"], &site);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains(": 0 errors, 0 warnings, 0 suggestions"), "{out}{err}");
    let (code, out, err) = run(&["build"], &site);
    assert_eq!(code, 0, "{out}{err}");
    let page = std::fs::read_to_string(site.join("public/minutes/2024/meeting-1/index.html")).unwrap();
    assert!(page.contains("第1次委員會議紀錄（範例）"));
    assert!(site.join("public/units/secretariat/index.html").is_file());
}

#[test]
fn gitlab_pages_workflow_and_nothing_overwritten() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join(".gitignore"), "*.log").unwrap();
    let (code, out, err) = run(&["init", "--yes", "--ci", "gitlab", "--language", "en"], t.path());
    assert_eq!(code, 0, "{out}{err}");
    let ci = std::fs::read_to_string(t.path().join(".gitlab-ci.yml")).unwrap();
    assert!(ci.contains("\npages:\n") && ci.contains("paths: [public]"), "{ci}");
    assert_eq!(
        std::fs::read_to_string(t.path().join(".gitignore")).unwrap(),
        "*.log\n/public\n/.minutebook-*\n",
        "an existing .gitignore only gains lines"
    );
    let before = std::fs::read_to_string(t.path().join("minutebook.yaml")).unwrap();
    assert!(before.contains("\nlanguage: en "), "{before}");
    let (code, _, err) = run(&["init", "--yes"], t.path());
    assert_ne!(code, 0);
    assert!(err.contains("already holds a site (minutebook.yaml exists)"), "{err}");
    assert!(
        err.contains("content/2024/meeting-1.md: this file already exists"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(t.path().join("minutebook.yaml")).unwrap(),
        before
    );
    let (code, _, err) = run(
        &["init", "other", "--yes", "--language", "fr", "--base-url", "minutes"],
        t.path(),
    );
    assert_ne!(code, 0);
    assert!(
        err.contains("`fr` is not a language") && err.contains("`minutes` is not an http(s) address"),
        "{err}"
    );
    assert!(
        !t.path().join("other/minutebook.yaml").exists(),
        "nothing written on a bad request"
    );
}

#[test]
fn without_a_registry_names_get_pinyin_slugs_and_check_suggests_registering() {
    let t = tempfile::tempdir().unwrap();
    let root = t.path();
    std::fs::write(
        root.join("minutebook.yaml"),
        "title: 某鎮民代表會會議紀錄\nbase_url: https://example.org/\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("content/2024")).unwrap();
    std::fs::write(
        root.join("content/2024/a.md"),
        "---\ntitle: 第1次定期會紀錄\nseries: 定期會\nnumber: 1\ndate: 2024-03-01\nunits: [財政課, 建設課]\n---\n\n案由：本所預算案，請審議。\n\n決議：照案通過。\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/2024/b.md"),
        "---\ntitle: 第2次定期會紀錄\nseries: 定期會\nnumber: 2\ndate: 2024-04-01\nunits: [工務課, 公務課]\n---\n\n正文。\n",
    )
    .unwrap();
    let (code, out, err) = run(&["build"], root);
    assert_eq!(code, 0, "{out}{err}");
    assert!(root.join("public/units/cai-zheng-ke/index.html").is_file());
    assert!(root.join("public/series/ding-qi-hui/index.html").is_file());
    let (code, out, err) = run(&["check"], root);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains("the records name 4 units that minutebook.yaml does not register"),
        "{err}"
    );
    assert!(
        err.contains("    units:\n      - { name: 公務課, slug: gong-wu-ke }"),
        "{err}"
    );
    assert!(err.contains("the records name 1 series"), "{err}");
    assert!(
        err.contains("公務課、工務課 share one page, /units/gong-wu-ke/"),
        "two names that read the same are reported: {err}"
    );
}

/// The generated workflows download the Linux archive that the release workflow attaches to the
/// release of this very version (nothing unpublished such as `cargo install minutebook`).
#[test]
fn ci_workflows_install_the_release_of_this_version() {
    let version = env!("CARGO_PKG_VERSION");
    let url = format!(
        "{}/releases/download/v{version}/minutebook-v{version}-x86_64-unknown-linux-gnu.tar.gz",
        env!("CARGO_PKG_REPOSITORY")
    );
    // The release workflow makes exactly that name: `minutebook-<tag>-<target>.tar.gz` of a
    // folder of the same name, for the tag `v<version>`.
    let release =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/release.yml"))
            .unwrap();
    for needle in [
        r#"tags: ["v*"]"#,
        "target: x86_64-unknown-linux-gnu",
        "name=minutebook-${GITHUB_REF_NAME}-${{ matrix.target }}",
        r#"tar czf "$name.tar.gz" "$name""#,
    ] {
        assert!(release.contains(needle), "release.yml lacks {needle}");
    }
    for (ci, file) in [
        ("github", ".github/workflows/minutebook.yml"),
        ("gitlab", ".gitlab-ci.yml"),
    ] {
        let t = tempfile::tempdir().unwrap();
        let (code, out, err) = run(&["init", "--yes", "--ci", ci], t.path());
        assert_eq!(code, 0, "{out}{err}");
        let workflow = std::fs::read_to_string(t.path().join(file)).unwrap();
        assert!(workflow.contains(&format!("MINUTEBOOK_URL: \"{url}\"")), "{workflow}");
        assert!(!workflow.contains("cargo install"), "{workflow}");
        insta::assert_snapshot!(format!("workflow_{ci}"), workflow);
    }
}
