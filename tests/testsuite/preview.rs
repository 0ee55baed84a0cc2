//! The preview's incremental rebuild: after each edit applied through `Preview::apply`, every HTML
//! page the preview serves equals, byte for byte, what a fresh full build of the same content
//! produces — and an edit that does not change which records a listing holds renders only a few
//! pages.

use std::path::{Path, PathBuf};

use minutebook::build::{self, BuildOptions};
use minutebook::serve::watch::Changes;
use minutebook::serve::{Outcome, Preview, Rebuild, Shared};
use minutebook_bench::generate::{generate_site, GenerateOptions};

fn options(root: &Path) -> BuildOptions {
    let mut o = BuildOptions::new(root);
    o.today = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    o
}

/// Serve `outcome` the way `minutebook serve` does; returns how many pages were rendered.
fn publish(shared: &Shared, outcome: Outcome, info: &Rebuild) -> usize {
    match outcome {
        Outcome::Site(out) => {
            shared.publish(Some(out), &[], minutebook::messages::Lang::En);
            info.rendered
        }
        Outcome::Failed(d) => panic!(
            "rebuild failed:\n{}",
            d.iter().map(|d| d.to_string()).collect::<String>()
        ),
    }
}

/// Every served file equals the full build's, and no file is served that the build does not
/// write (pages that are gone, old content-hashed search files).
fn assert_same_as_full_build(shared: &Shared, opts: &BuildOptions, what: &str) {
    let (full, _) = build::build_in_memory(opts).unwrap_or_else(|d| panic!("{what}: build failed: {d:?}"));
    let snap = shared.snapshot();
    let served: Vec<&str> = snap.files().map(|(p, _)| p).collect();
    let built: Vec<&str> = full.iter().map(|(p, _)| p).collect();
    let missing: Vec<_> = built.iter().filter(|p| !snap.contains(p)).collect();
    let extra: Vec<_> = served.iter().filter(|p| !full.contains(p)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what}: files missing {missing:?}, files left over {extra:?}"
    );
    let differ: Vec<&str> = built.iter().filter(|p| snap.get(p) != full.get(p)).copied().collect();
    assert!(
        differ.is_empty(),
        "{what}: {} files differ, e.g. {:?}",
        differ.len(),
        &differ[..differ.len().min(8)]
    );
}

struct Site {
    _dir: tempfile::TempDir,
    root: PathBuf,
    opts: BuildOptions,
    preview: Preview,
    shared: std::sync::Arc<Shared>,
}

impl Site {
    fn new() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        // 30 records (424 pages at four a page): every kind of edit below has its records (a
        // decision in the later half, tracking tables, units to move to), at half the cost of 60
        // (749 pages); a title edit renders 41 pages here, 42 there.
        generate_site(&root, &GenerateOptions { records: 30, seed: 7 }).unwrap();
        // Short pages, so edits move records across page boundaries.
        let cfg = root.join("minutebook.yaml");
        let text = std::fs::read_to_string(&cfg).unwrap();
        std::fs::write(&cfg, format!("{text}per_page: 4\n")).unwrap();
        let opts = options(&root);
        let mut preview = Preview::new(opts.clone());
        let shared = Shared::new();
        let (outcome, info) = preview.render_all();
        assert_eq!(
            publish(&shared, outcome, &info),
            info.pages,
            "the first build renders every page"
        );
        assert_same_as_full_build(&shared, &opts, "first build");
        Site {
            _dir: dir,
            root,
            opts,
            preview,
            shared,
        }
    }

    fn read(&self, rel: &Path) -> String {
        std::fs::read_to_string(self.root.join(rel)).unwrap()
    }

    /// Apply a change of `rel` (written as `text`, or removed); returns how many pages were
    /// rendered again, after checking the served site.
    fn edit(&mut self, what: &str, rel: &Path, text: Option<&str>) -> usize {
        let n = self.apply(rel, text);
        assert_same_as_full_build(&self.shared, &self.opts, what);
        n
    }

    /// Apply a change as `edit` does, without comparing the served site with a full build (a test
    /// that checks only where a series of edits ends).
    fn apply(&mut self, rel: &Path, text: Option<&str>) -> usize {
        let path = self.root.join(rel);
        match text {
            Some(t) => std::fs::write(&path, t).unwrap(),
            None => std::fs::remove_file(&path).unwrap(),
        }
        let mut changes = Changes::default();
        changes.records.insert(rel.to_path_buf());
        let (outcome, info) = self.preview.apply(&changes);
        publish(&self.shared, outcome, &info)
    }
}

fn records(root: &Path) -> Vec<PathBuf> {
    minutebook::content::discover(root).unwrap()
}

/// The front-matter `date:` line's value.
fn date_of(text: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix("date: "))
        .unwrap()
        .trim()
        .to_string()
}

#[test]
fn incremental_rebuilds_serve_what_a_full_build_produces() {
    let mut s = Site::new();
    let files = records(&s.root);
    // A record from the middle: neither the newest nor the oldest, with a decision.
    let rel = files[files.len() / 2..]
        .iter()
        .find(|r| s.read(r).contains("一、洽悉。"))
        .unwrap()
        .clone();
    let original = s.read(&rel);

    let n = s.edit(
        "body edit",
        &rel,
        Some(&format!("{original}\n本次會議補充說明一則。\n")),
    );
    assert_eq!(n, 1, "a body edit renders the record's page only");

    let text = s.read(&rel).replacen("title: ", "title: 修訂", 1);
    let n = s.edit("title edit", &rel, Some(&text));
    // Its page and the pages listing it: series, year, home, topics, and for each unit it names
    // the unit's first page and the unit's reports of that year.
    assert!(n > 1 && n < 45, "a title edit renders a few pages, not {n}");

    let text = s.read(&rel).replacen("一、洽悉。", "一、洽悉，並請持續追蹤。", 1);
    let n = s.edit("decision edit", &rel, Some(&text));
    assert!(n < 30, "a decision edit renders a few pages, not {n}");

    // A later date in the same year (the URL stays): the record moves in its listings.
    let text = s.read(&rel);
    let date = date_of(&text);
    let moved = format!("{}-12-28", &date[..4]);
    let text = text.replacen(&format!("date: {date}"), &format!("date: {moved}"), 1);
    s.edit("date change", &rel, Some(&text));

    // Another unit.
    let text = s.read(&rel);
    let (head, rest) = text.split_once("units:\n").unwrap();
    let (first, tail) = rest.split_once('\n').unwrap();
    let other = ["  - 法制處", "  - 主計處"]
        .into_iter()
        .find(|u| !rest.contains(u))
        .unwrap();
    assert!(first.starts_with("  - "));
    s.edit("unit change", &rel, Some(&format!("{head}units:\n{other}\n{tail}")));

    // Directives released in the tracking table of the newest meeting that has one (no later
    // meeting updates them again): the lists of their units' open directives
    // (`units/<slug>/followups/`) change as a full build has them.
    let unit_lists = |s: &Site| -> Vec<(String, String)> {
        s.shared
            .snapshot()
            .files()
            .filter(|(p, _)| p.starts_with("units/") && p.contains("/followups/"))
            .map(|(p, b)| (p.to_string(), String::from_utf8_lossy(b).into_owned()))
            .collect()
    };
    let closing = files
        .iter()
        .filter(|r| **r != rel && s.read(r).contains(" | 繼續列管 |"))
        .max_by_key(|r| date_of(&s.read(r)))
        .unwrap()
        .clone();
    let before = s.read(&closing);
    let lists = unit_lists(&s);
    assert!(!lists.is_empty(), "the archive has units' lists of open directives");
    s.edit(
        "directives released",
        &closing,
        Some(&before.replace(" | 繼續列管 |", " | 解除列管 |")),
    );
    let changed = unit_lists(&s);
    assert!(changed != lists, "a unit's list of open directives changed");
    s.edit("directives kept open again", &closing, Some(&before));
    assert!(unit_lists(&s) == lists, "the lists are as they were");

    // A new record, beside the edited one.
    let added = rel.with_file_name("added-999.md");
    let text = s
        .read(&rel)
        .replacen("number: ", "number: 999\nslug: added-999\nx-number: ", 1)
        .replacen("title: ", "title: 新增", 1);
    let text = text.replace("x-number: ", "# ");
    // A copy must not give its original's directives again (ids are unique in the archive).
    let text = match (text.find("followups:\n"), text.find("\n---\n")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &text[..a], &text[b + 1..]),
        _ => text,
    };
    s.edit("added record", &added, Some(&text));

    // Deleting records: the added one, then another from the middle.
    s.edit("deleted record", &added, None);
    let gone = files[files.len() / 3].clone();
    s.edit("deleted another record", &gone, None);

    // Back to the original text.
    s.edit("restored", &rel, Some(&original));
}

/// Issue 14 item 4: every edit made a new content-hashed search index and the preview kept the
/// old ones. After many edits the served files are still exactly a build's: one search index.
#[test]
fn many_edits_keep_one_search_index() {
    let mut s = Site::new();
    let files = records(&s.root);
    let rel = files[files.len() / 2].clone();
    let original = s.read(&rel);
    let search_files = |s: &Site| {
        s.shared
            .snapshot()
            .files()
            .filter(|(p, _)| p.starts_with("search/") && !p.ends_with(".html"))
            .count()
    };
    let before = search_files(&s);
    assert!(before > 0, "the site has a search index");
    // (Each edit's served site is compared with a full build by the test above; this one checks
    // where the series ends.)
    for i in 0..6 {
        // Each edit changes the searchable text, so the index's content-hashed files change.
        s.apply(&rel, Some(&format!("{original}\n第{i}次補充說明：新增詞彙測試{i}。\n")));
    }
    // Back to the first text: the very files of the first build, none of the six indexes between.
    s.edit("restored", &rel, Some(&original));
    assert_eq!(search_files(&s), before, "as many search files as the first build");
}

/// `minutebook serve` serves the changed pages as soon as they are rendered, beside the previous
/// rebuild's feeds, data and search index, then swaps in those made again: the early set is the
/// new pages with the old site-wide files, the final set is a full build's.
#[test]
fn changed_pages_are_served_before_the_site_wide_files_are_made_again() {
    let mut s = Site::new();
    let before = s.shared.snapshot();
    let rel = records(&s.root)[0].clone();
    let original = s.read(&rel);
    std::fs::write(s.root.join(&rel), format!("{original}\n早期預覽補充說明。\n")).unwrap();
    let mut changes = Changes::default();
    changes.records.insert(rel.clone());
    let mut early: Vec<(minutebook::serve::Files, usize)> = Vec::new();
    let (outcome, info) = s.preview.apply_early(&changes, &mut |files, info| {
        early.push(((*files).clone(), info.rendered))
    });
    assert_eq!(early.len(), 1, "one early set of files");
    let (files, rendered) = &early[0];
    assert_eq!(
        *rendered, info.rendered,
        "the early set has every page this rebuild renders"
    );
    // The record's page, with the new text, is in the early set.
    let page = files
        .iter()
        .find(|(p, b)| p.ends_with("index.html") && String::from_utf8_lossy(b).contains("早期預覽補充說明"))
        .map(|(p, _)| p.clone())
        .expect("the edited record's page is served early");
    // Beside it, the previous site-wide files, unchanged: the search manifest and the feed.
    for path in ["search/manifest.bin", "atom.xml"] {
        assert_eq!(
            files.get(path).map(|b| &b[..]),
            before.get(path),
            "{path} is the previous rebuild's"
        );
    }
    let Outcome::Site(out) = outcome else {
        panic!("the rebuild failed")
    };
    assert_eq!(out.get(&page), files.get(&page), "the final set has the same page");
    assert_ne!(
        out.get("search/manifest.bin"),
        files.get("search/manifest.bin"),
        "the search index is made again after the pages"
    );
    s.shared.replace_output(out);
    assert_same_as_full_build(&s.shared, &s.opts, "after the site-wide files were swapped in");
}
