//! Tests of the archive generator: determinism, shape, registries, refusal to clobber.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use minutebook_bench::generate::{generate_site, query_set, GenerateOptions, MAX_BYTES, MIN_BYTES, NO_HIT_QUERIES};
use serde::Deserialize;
use sha2::{Digest, Sha256};

#[derive(Deserialize)]
struct Entry {
    name: String,
    slug: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    #[allow(dead_code)]
    en: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteYaml {
    title: String,
    base_url: String,
    language: String,
    organization: String,
    theme: String,
    units: Vec<Entry>,
    topics: Vec<Entry>,
    series: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Front {
    title: String,
    series: String,
    number: u32,
    date: String,
    time: String,
    location: String,
    chair: String,
    recorder: String,
    attendees: Vec<String>,
    units: Vec<String>,
    topics: Vec<String>,
    #[serde(default)]
    draft: bool,
    followups: Vec<FollowupFm>,
}

/// A generated directive (generate/followups.rs).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FollowupFm {
    id: String,
    text: String,
    units: Vec<String>,
    due: String,
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn tree_hash(dir: &Path) -> String {
    let mut h = Sha256::new();
    for p in files(dir) {
        h.update(p.strip_prefix(dir).unwrap().to_string_lossy().as_bytes());
        h.update([0]);
        h.update(fs::read(&p).unwrap());
        h.update([0]);
    }
    format!("{:x}", h.finalize())
}

fn gen(records: usize, seed: u64) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    let sum = generate_site(&dir, &GenerateOptions { records, seed }).unwrap();
    assert_eq!(sum.records, records);
    (tmp, dir)
}

fn records(dir: &Path) -> Vec<PathBuf> {
    files(&dir.join("content"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect()
}

fn split(text: &str) -> (&str, &str) {
    let rest = text.strip_prefix("---\n").expect("front-matter opens");
    let end = rest.find("\n---\n").expect("front-matter closes");
    (&rest[..end + 1], &rest[end + 5..])
}

#[test]
fn same_seed_same_bytes_different_seed_different() {
    let (_a, da) = gen(120, 42);
    let (_b, db) = gen(120, 42);
    let (_c, dc) = gen(120, 43);
    assert_eq!(tree_hash(&da), tree_hash(&db));
    assert_ne!(tree_hash(&da), tree_hash(&dc));
}

#[test]
fn records_are_realistic_and_registered() {
    let n = 400;
    let (_t, dir) = gen(n, 7);
    let site: SiteYaml = serde_yaml::from_str(&fs::read_to_string(dir.join("minutebook.yaml")).unwrap()).unwrap();
    assert_eq!(site.base_url, "https://minutes.example.gov.tw/");
    assert_eq!(site.language, "zh-Hant-TW");
    assert_eq!(site.theme, "default");
    assert!(!site.title.is_empty() && !site.organization.is_empty());
    assert_eq!(site.units.len(), 15);
    assert!((25..=35).contains(&site.topics.len()));
    assert!(site.series.len() >= 4);

    let names = |reg: &[Entry]| -> BTreeSet<String> {
        let mut s = BTreeSet::new();
        for e in reg {
            // Names, slugs and aliases are unique within a registry.
            for k in std::iter::once(&e.name)
                .chain(std::iter::once(&e.slug))
                .chain(&e.aliases)
            {
                assert!(s.insert(k.clone()), "duplicate registry key {k}");
            }
        }
        s
    };
    let units = names(&site.units);
    let topics = names(&site.topics);
    let series: BTreeSet<&str> = site.series.iter().map(|e| e.name.as_str()).collect();

    let paths = records(&dir);
    assert_eq!(paths.len(), n);
    let mut years = BTreeSet::new();
    let mut tables = 0;
    let mut drafts = 0;
    let mut numbers: BTreeMap<(String, String), BTreeSet<u32>> = BTreeMap::new();
    let mut bodies = BTreeSet::new();
    for p in &paths {
        let text = fs::read_to_string(p).unwrap();
        // The size budget is the record's own; the follow-ups (generate/followups.rs: three
        // directives in front-matter, a tracking table at the end) come on top, at most 2.5 KB.
        let fu_start = text.find("followups:\n").expect("directives");
        let fu_end = fu_start + text[fu_start..].find("---\n").unwrap();
        let table = text.find("\n| 編號 | 指示事項 |").unwrap_or(text.len());
        let extra = (fu_end - fu_start) + (text.len() - table);
        assert!(extra <= 2560, "{} has {extra} bytes of follow-ups", p.display());
        let own = text.len() - extra;
        assert!(
            (MIN_BYTES..=MAX_BYTES).contains(&own),
            "{} is {} bytes",
            p.display(),
            own
        );
        let (fm, body) = split(&text);
        let f: Front = serde_yaml::from_str(fm).unwrap_or_else(|e| panic!("{}: {e}\n{fm}", p.display()));
        assert!(series.contains(f.series.as_str()), "{}", f.series);
        assert_eq!(f.title, format!("第{}次{}紀錄", f.number, f.series));
        for u in &f.units {
            assert!(units.contains(u), "unregistered unit {u} in {}", p.display());
        }
        for t in &f.topics {
            assert!(topics.contains(t), "unregistered topic {t} in {}", p.display());
        }
        assert!(!f.units.is_empty() && !f.topics.is_empty() && !f.attendees.is_empty());
        assert!(!f.location.is_empty() && !f.chair.is_empty() && !f.recorder.is_empty());
        assert_eq!(f.time.len(), 11, "{}", f.time);
        let year = &f.date[..4];
        assert_eq!(p.parent().unwrap().file_name().unwrap().to_str().unwrap(), year);
        years.insert(year.to_string());
        numbers
            .entry((year.to_string(), f.series.clone()))
            .or_default()
            .insert(f.number);
        drafts += usize::from(f.draft);
        assert_eq!(f.followups.len(), 3, "{}", p.display());
        for d in &f.followups {
            assert!(d.id.contains(&format!("-{year}-{}-", f.number)), "{}", d.id);
            assert!(
                d.text.starts_with('請') && d.units.iter().all(|u| units.contains(u)),
                "{}",
                d.text
            );
            assert!(d.due.as_str() > f.date.as_str(), "due {} after {}", d.due, f.date);
        }

        assert!(body.contains("## 參、報告事項"));
        assert!(body.contains("，報請公鑒。（報告單位："));
        assert!(body
            .lines()
            .any(|l| l.starts_with("### 案由一：") && l.contains("案") && l.ends_with("）")));
        assert!(body.contains("決定："));
        assert!(body.contains("## 附錄"));
        assert!(body.lines().any(|l| l.starts_with("#### （一）")));
        let roc = year.parse::<i32>().unwrap() - 1911;
        assert!(body.contains(&format!("{roc}年")));
        // Tables of the body itself, not the tracking table generate/followups.rs appends.
        if body.split("\n| 編號 | 指示事項 |").next().unwrap().contains("| --- |") {
            tables += 1;
        }
        bodies.insert(body.to_string());
    }
    assert_eq!(years.len(), 10, "{years:?}");
    assert_eq!(bodies.len(), n, "records differ");
    // Numbered 1..=k per series per year.
    for ((y, s), nums) in &numbers {
        assert_eq!(
            nums.iter().copied().collect::<Vec<_>>(),
            (1..=nums.len() as u32).collect::<Vec<_>>(),
            "{y} {s}"
        );
    }
    let pct = tables * 100 / n;
    assert!((13..=27).contains(&pct), "{pct}% of records have a table");
    assert!(drafts <= n / 25, "{drafts} drafts");

    // The whole archive has the seed's texture.
    let all: String = paths.iter().map(|p| fs::read_to_string(p).unwrap()).collect();
    for needle in [
        "臺灣",
        "台灣",
        "數產署",
        "資安院",
        "APEC",
        "5G",
        "AI",
        "TWNIC",
        "MyData",
        "- 1、",
        "  - (1) ",
        "件",
        "%",
    ] {
        assert!(all.contains(needle), "archive never mentions {needle}");
    }
    // Queries: the plain ones hit, the no-hit ones miss.
    let qs = query_set();
    let mut misses = Vec::new();
    assert!((35..=45).contains(&qs.len()));
    for q in &qs {
        let plain = !q.starts_with('"') && q.chars().all(|c| !('\u{FF01}'..='\u{FF5E}').contains(&c));
        let simplified = ["资安", "数位皮夹", "数位发展部"].contains(q);
        if NO_HIT_QUERIES.contains(q) {
            assert!(!all.contains(q), "{q} should have no hits");
        } else if plain && !simplified && !all.contains(q) {
            misses.push(*q);
        }
    }
    assert!(misses.is_empty(), "queries without hits: {misses:?}");
}

#[test]
fn refuses_a_foreign_non_empty_directory() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    let err = generate_site(tmp.path(), &GenerateOptions { records: 3, seed: 1 }).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
    assert_eq!(fs::read_to_string(tmp.path().join("notes.txt")).unwrap(), "mine");

    // A user's own site (a minutebook.yaml we did not write) is refused too.
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("minutebook.yaml"),
        "title: mine\nbase_url: https://x/\n",
    )
    .unwrap();
    assert!(generate_site(tmp.path(), &GenerateOptions { records: 3, seed: 1 }).is_err());
    assert_eq!(
        fs::read_to_string(tmp.path().join("minutebook.yaml")).unwrap(),
        "title: mine\nbase_url: https://x/\n"
    );
}

#[test]
fn regenerates_over_a_previous_generation_exactly() {
    let (_t, dir) = gen(50, 5);
    generate_site(&dir, &GenerateOptions { records: 20, seed: 5 }).unwrap();
    assert_eq!(records(&dir).len(), 20);
    let (_u, fresh) = gen(20, 5);
    assert_eq!(tree_hash(&dir), tree_hash(&fresh));
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// CJK character bigrams with their counts.
fn bigrams(text: &str) -> BTreeMap<(char, char), usize> {
    let mut m = BTreeMap::new();
    let cs: Vec<char> = text.chars().collect();
    for w in cs.windows(2) {
        if is_cjk(w[0]) && is_cjk(w[1]) {
            *m.entry((w[0], w[1])).or_insert(0) += 1;
        }
    }
    m
}

#[test]
fn bigrams_resemble_the_seed() {
    let seed =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/seed.txt")).unwrap();
    let seed_bi = bigrams(&seed);
    let (_t, dir) = gen(200, 11);
    let all: String = records(&dir).iter().map(|p| fs::read_to_string(p).unwrap()).collect();
    let gen_bi = bigrams(&all);
    let total: usize = gen_bi.values().sum();
    let shared: usize = gen_bi
        .iter()
        .filter(|(k, _)| seed_bi.contains_key(k))
        .map(|(_, v)| v)
        .sum();
    // Most of the generated text's bigram mass is made of bigrams the real minutes use…
    let pct = shared * 100 / total;
    assert!(pct >= 75, "only {pct}% of generated bigram mass occurs in the seed");
    // …and the generator covers a good share of the seed's frequent bigrams.
    let mut frequent: Vec<_> = seed_bi.iter().collect();
    frequent.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let top: Vec<_> = frequent.iter().take(200).collect();
    let covered = top.iter().filter(|(k, _)| gen_bi.contains_key(k)).count();
    assert!(
        covered >= 140,
        "only {covered} of the seed's 200 most frequent bigrams occur"
    );
    eprintln!("bigram mass shared with seed: {pct}%; top-200 seed bigrams covered: {covered}");
}
