//! The build cache (`.minutebook-cache/`): after every kind of change a cached build writes exactly
//! what a clean `--no-cache` build writes, byte for byte, while rendering only the pages whose
//! inputs changed and loading only the records whose inputs changed (the record cache); a
//! corrupt, foreign or tampered-with cache is never trusted.

use std::path::{Path, PathBuf};

use minutebook::build::{self, Report};
use minutebook::cache::records::{INDEX_FILE, LOCK_FILE};
use minutebook::cache::{CACHE_DIR, CACHE_FILE};

use crate::support::*;

/// A generated archive (units, topics, series, several years, follow-ups) in a temporary folder.
fn generated(records: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    minutebook_bench::generate::generate_site(
        &dir.path().join("site"),
        &minutebook_bench::generate::GenerateOptions { records, seed: 3 },
    )
    .unwrap();
    dir
}

/// A cached build of `root` into `root/public`.
fn cached(root: &Path) -> Report {
    let o = options(root);
    build::build(&o).unwrap_or_else(|d| panic!("{}", d.iter().map(|d| d.to_string()).collect::<String>()))
}

/// A clean build (`--no-cache`) of `root` into `out`.
fn clean(root: &Path, out: &Path) -> Report {
    let mut o = options(root);
    o.cache = false;
    o.output = out.to_path_buf();
    build::build(&o).unwrap_or_else(|d| panic!("{}", d.iter().map(|d| d.to_string()).collect::<String>()))
}

/// The cached build's output is the clean build's, file for file and byte for byte.
fn assert_same(what: &str, root: &Path, clean_out: &Path) {
    let (a, b) = (snapshot(&root.join("public")), snapshot(clean_out));
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b), "{what}: the same files");
    for ((path, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "{what}: {path} differs from a clean build");
    }
}

fn edit(root: &Path, rel: &Path, f: impl FnOnce(&str) -> String) {
    let p = root.join(rel);
    let text = read(&p);
    let new = f(&text);
    assert_ne!(text, new, "{} was not changed", rel.display());
    std::fs::write(&p, new).unwrap();
}

/// How many record files there are (drafts too: the record cache keeps every record that loads).
fn record_files(root: &Path) -> usize {
    walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .count()
}

/// The record cache's files: the index's bytes and each data file's name and length.
fn record_cache_files(root: &Path) -> (Vec<u8>, Vec<(String, u64)>) {
    let dir = root.join(CACHE_DIR);
    let mut data: Vec<(String, u64)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".dat"))
        .map(|e| (e.file_name().to_string_lossy().to_string(), e.metadata().unwrap().len()))
        .collect();
    data.sort();
    (std::fs::read(dir.join(INDEX_FILE)).unwrap(), data)
}

fn records(root: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.path().strip_prefix(root).unwrap().to_path_buf())
        .filter(|rel| !read(root.join(rel)).contains("draft: true"))
        .collect();
    v.sort();
    v
}

/// Replace the first line starting with `key` (a front-matter line) with `line`.
fn set_line(text: &str, key: &str, line: &str) -> String {
    let old = text
        .lines()
        .find(|l| l.starts_with(key))
        .unwrap_or_else(|| panic!("no {key} line"));
    text.replacen(old, line, 1)
}

/// The first item of the list under `key:` in the front-matter.
fn first_item(text: &str, key: &str) -> String {
    let mut lines = text.lines().skip_while(|l| *l != key);
    lines.next().unwrap_or_else(|| panic!("no {key}"));
    lines.next().unwrap().to_string()
}

#[test]
fn a_cached_build_writes_what_a_clean_build_writes_after_every_kind_of_change() {
    let dir = generated(24);
    let root = dir.path().join("site");
    let clean_out = dir.path().join("clean");
    let recs = records(&root);
    let (a, b) = (recs[3].clone(), recs[recs.len() / 2].clone());
    // Record `a` publishes a file beside it; its page gives the file's size.
    let signed = a.with_file_name("signed.pdf");
    write(&root, &signed.to_string_lossy(), "%PDF-1.4 signed minutes\n");
    edit(&root, &a, |t| {
        t.replacen("\ntitle: ", "\nattachments:\n  - signed.pdf\ntitle: ", 1)
    });
    let first = cached(&root);
    assert_eq!(first.reused, 0, "nothing to reuse on the first build");
    assert_eq!(first.cached_records, 0, "no record cache on the first build");
    assert!(root.join(CACHE_DIR).join(CACHE_FILE).is_file());
    assert!(root.join(CACHE_DIR).join(INDEX_FILE).is_file());

    type Change = Box<dyn Fn(&Path)>;
    let a4 = a.clone();
    let a1 = a.clone();
    let b1 = b.clone();
    let b2 = b.clone();
    let a2 = a.clone();
    let a3 = a.clone();
    let b3 = b.clone();
    let changes: Vec<(&str, Change, bool)> = vec![
        ("nothing", Box::new(|_| {}), true),
        (
            "body edit",
            Box::new(move |r| edit(r, &a1, |t| format!("{t}\n本次會議補充說明一則。\n"))),
            true,
        ),
        (
            "title",
            Box::new(move |r| edit(r, &a2, |t| set_line(t, "title: ", "title: 修訂之會議紀錄"))),
            true,
        ),
        (
            "date",
            Box::new(move |r| {
                edit(r, &b1, |t| {
                    let d = t.lines().find_map(|l| l.strip_prefix("date: ")).unwrap();
                    let d = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
                    let later = if d.format("%m").to_string() == "12" {
                        d - chrono::Duration::days(20)
                    } else {
                        d + chrono::Duration::days(20)
                    };
                    set_line(t, "date: ", &format!("date: {later}"))
                })
            }),
            true,
        ),
        (
            "units",
            Box::new(move |r| {
                edit(r, &b2, |t| {
                    let unit = first_item(t, "units:");
                    t.replacen(&format!("units:\n{unit}\n"), "units:\n", 1)
                })
            }),
            true,
        ),
        (
            "topics",
            Box::new(move |r| {
                edit(r, &a3, |t| {
                    let topic = first_item(t, "topics:");
                    t.replacen(&format!("topics:\n{topic}\n"), "topics:\n", 1)
                })
            }),
            true,
        ),
        (
            "a new record",
            Box::new(move |r| {
                let text = read(r.join(&b3))
                    .replacen("number: ", "number: 99\nslug: added-99\nx-number: ", 1)
                    .replacen("title: ", "title: 新增", 1)
                    .replace("x-number: ", "# ");
                // A copy must not give its original's directives again (ids are unique).
                let text = match (text.find("followups:\n"), text.find("\n---\n")) {
                    (Some(a), Some(b)) if a < b => format!("{}{}", &text[..a], &text[b + 1..]),
                    _ => text,
                };
                write(r, "content/2024/new-99.md", &text);
            }),
            true,
        ),
        (
            "a removed record",
            Box::new(|r| std::fs::remove_file(r.join("content/2024/new-99.md")).unwrap()),
            true,
        ),
        (
            "an attachment's size",
            Box::new(move |r| {
                let p = r.join(a4.with_file_name("signed.pdf"));
                let mut bytes = std::fs::read(&p).unwrap();
                bytes.extend_from_slice(&[b'x'; 5000]);
                std::fs::write(&p, bytes).unwrap();
            }),
            true,
        ),
        (
            "a template",
            Box::new(|r| {
                let base = read(repo().join("themes/default/templates/record.html"));
                let own = base.replacen(
                    "{% endblock content %}",
                    "<p>A site's own record page.</p>{% endblock content %}",
                    1,
                );
                assert_ne!(own, base);
                write(r, "templates/record.html", &own);
            }),
            false,
        ),
        (
            "the configuration",
            Box::new(|r| {
                edit(r, Path::new("minutebook.yaml"), |t| {
                    set_line(t, "title: ", "title: 數位發展部會議紀錄（修訂）")
                })
            }),
            false,
        ),
        (
            "a unit renamed in the registry",
            Box::new(|r| {
                edit(r, Path::new("minutebook.yaml"), |t| {
                    t.replacen(
                        "{ name: 數位策略司, slug: strategy, aliases: [策略司]",
                        "{ name: 數位策略發展司, slug: strategy, aliases: [策略司, 數位策略司]",
                        1,
                    )
                })
            }),
            false,
        ),
    ];
    for (what, change, reuses) in changes {
        change(&root);
        let report = cached(&root);
        let kept = record_cache_files(&root);
        clean(&root, &clean_out);
        assert_same(what, &root, &clean_out);
        assert!(
            record_cache_files(&root) == kept,
            "{what}: --no-cache left the record cache as it was"
        );
        // The records loaded anew: those whose file, attachments or configuration changed.
        let anew = match what {
            "nothing" | "a removed record" | "a template" => 0,
            "the configuration" | "a unit renamed in the registry" => record_files(&root),
            _ => 1,
        };
        assert_eq!(
            report.cached_records,
            record_files(&root) - anew,
            "{what}: records taken from the record cache"
        );
        let rendered = report.pages - report.reused;
        if reuses {
            assert!(
                report.reused > report.pages / 2,
                "{what}: {rendered} of {} pages rendered",
                report.pages
            );
        } else {
            assert_eq!(report.reused, 0, "{what}: every page depends on it");
        }
        if what == "nothing" {
            assert_eq!(rendered, 0, "nothing changed, nothing rendered");
        } else if reuses {
            assert!(rendered >= 1, "{what}: the changed pages are rendered");
        }
    }
}

/// A cache that is not valid JSON, or that another format version wrote, is ignored with a
/// warning; a page changed in the output after the build is rendered again, not reused.
#[test]
fn a_corrupt_foreign_or_outdated_cache_is_not_trusted() {
    let dir = generated(12);
    let root = dir.path().join("site");
    let clean_out = dir.path().join("clean");
    cached(&root);
    let file = root.join(CACHE_DIR).join(CACHE_FILE);

    std::fs::write(&file, "{\"format\": 1, \"pages\": {tr").unwrap();
    let report = cached(&root);
    assert_eq!(report.reused, 0);
    let warning = report
        .warnings
        .iter()
        .find(|w| w.path.ends_with(CACHE_FILE))
        .map(|w| w.to_string());
    let warning = warning.expect("a warning names the cache file");
    assert!(warning.contains("the build cache is ignored"), "{warning}");

    let text = read(&file).replacen("\"format\":1", "\"format\":999", 1);
    std::fs::write(&file, text).unwrap();
    let report = cached(&root);
    assert_eq!(report.reused, 0);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.to_string().contains("another minutebook")),
        "{:?}",
        report.warnings
    );

    // Fresh again: the next build reuses every page.
    let report = cached(&root);
    assert_eq!(report.reused, report.pages);
    assert!(report.warnings.iter().all(|w| !w.path.ends_with(CACHE_FILE)));

    // A page edited in the output since is not taken as it is.
    let home = root.join("public/index.html");
    let mut text = read(&home);
    text.push_str("<!-- edited after the build -->");
    std::fs::write(&home, text).unwrap();
    let report = cached(&root);
    assert_eq!(report.reused, report.pages - 1);
    clean(&root, &clean_out);
    assert_same("an output page edited", &root, &clean_out);
}

/// An index of the record cache that is not one, or that another format wrote, is ignored with a
/// warning, as is a record whose bytes in the data file were damaged (that record alone is loaded
/// anew); a build that finds the record cache held by another loads every record; each time the
/// output is a clean build's.
#[test]
fn a_corrupt_foreign_or_busy_record_cache_is_not_trusted() {
    let dir = generated(12);
    let root = dir.path().join("site");
    let clean_out = dir.path().join("clean");
    let all = record_files(&root);
    cached(&root);
    clean(&root, &clean_out);
    let index = root.join(CACHE_DIR).join(INDEX_FILE);
    let warned = |r: &Report, file: &str, what: &str| {
        let w = r.warnings.iter().find(|w| w.path.to_string_lossy().ends_with(file));
        let w = w
            .map(|w| w.to_string())
            .unwrap_or_else(|| panic!("no warning names {file}: {:?}", r.warnings));
        assert!(w.contains(what), "{w}");
    };
    let fresh = |what: &str| {
        let r = cached(&root);
        assert_eq!(r.cached_records, all, "{what}: every record from the cache again");
        assert!(r.warnings.is_empty(), "{what}: {:?}", r.warnings);
        assert_same(what, &root, &clean_out);
    };
    fresh("a cached build");

    std::fs::write(&index, b"not an index at all").unwrap();
    let r = cached(&root);
    assert_eq!(r.cached_records, 0);
    warned(&r, INDEX_FILE, "the build cache is ignored");
    assert_same("a corrupt index", &root, &clean_out);
    fresh("after a corrupt index");

    // The format version is the byte after the 8-byte magic.
    let mut bytes = std::fs::read(&index).unwrap();
    assert_eq!(bytes[8], 1, "format 1");
    bytes[8] = 99;
    std::fs::write(&index, bytes).unwrap();
    let r = cached(&root);
    assert_eq!(r.cached_records, 0);
    warned(&r, INDEX_FILE, "another minutebook");
    assert_same("another format's index", &root, &clean_out);
    fresh("after another format's index");

    // One byte in the middle of the data file: one record's checksum fails.
    let (_, data) = record_cache_files(&root);
    assert_eq!(data.len(), 1, "one data file: {data:?}");
    let data = root.join(CACHE_DIR).join(&data[0].0);
    let mut bytes = std::fs::read(&data).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x55;
    std::fs::write(&data, bytes).unwrap();
    let r = cached(&root);
    assert_eq!(r.cached_records, all - 1, "the damaged record alone is loaded anew");
    warned(&r, ".dat", "the build cache is ignored");
    assert_same("a damaged record", &root, &clean_out);
    fresh("after a damaged record");

    // Another build holds the record cache.
    let lock = std::fs::File::create(root.join(CACHE_DIR).join(LOCK_FILE)).unwrap();
    lock.lock().unwrap();
    let r = cached(&root);
    assert_eq!(r.cached_records, 0);
    warned(&r, LOCK_FILE, "in use by another build");
    assert_same("a busy record cache", &root, &clean_out);
    drop(lock);
    fresh("once the other build is done");
}
