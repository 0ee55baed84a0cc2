//! Scheduled publishing: a record whose publish_date is still ahead is left out of the built
//! site (its page, listings and home page) and counted as scheduled, unless `--future`.

use crate::support::{workflow_run as run, workflow_site as site, write};

#[test]
fn future_publish_date_is_left_out_until_future_flag() {
    let t = site();
    let root = t.path().to_str().unwrap();
    write(
        t.path(),
        "content/2024/executive-3.md",
        "---\ntitle: 第3次主管會議紀錄\nseries: 主管會議\nnumber: 3\ndate: 2024-10-16\npublish_date: 2999-01-01\n---\n排程發布的紀錄。\n",
    );
    // And one whose date has passed is published.
    write(
        t.path(),
        "content/2024/ministry-1.md",
        "---\ntitle: 第1次部務會議紀錄\nseries: 部務會議\nnumber: 1\ndate: 2024-10-01\npublish_date: 2024-10-02\n---\n已發布。\n",
    );
    let out_dir = t.path().join("out");
    let o = out_dir.to_str().unwrap();
    let (ok, out, err) = run(&["build", "--root", root, "-o", o]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("3 records") && out.contains("1 scheduled"), "{out}");
    assert!(!out_dir.join("minutes/2024/executive-3/index.html").exists());
    assert!(out_dir.join("minutes/2024/ministry-1/index.html").exists());
    for listing in ["index.html", "series/executive/index.html", "years/2024/index.html"] {
        let html = std::fs::read_to_string(out_dir.join(listing)).unwrap();
        assert!(
            !html.contains("第3次主管會議紀錄"),
            "{listing} lists the scheduled record"
        );
        assert!(html.contains("第2次主管會議紀錄"), "{listing}");
    }
    let (ok, out, _) = run(&["check", "--root", root]);
    assert!(ok && out.contains("1 scheduled"), "{out}");

    let (ok, out, err) = run(&["build", "--root", root, "--future", "-o", o]);
    assert!(ok, "{out}{err}");
    assert!(out.contains("4 records") && out.contains("0 scheduled"), "{out}");
    let page = std::fs::read_to_string(out_dir.join("minutes/2024/executive-3/index.html")).unwrap();
    assert!(page.contains("排程發布的紀錄"));
    let home = std::fs::read_to_string(out_dir.join("index.html")).unwrap();
    assert!(home.contains("第3次主管會議紀錄"));
}
