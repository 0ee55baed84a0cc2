//! Golden test of the on-disk search format: a small fixed input must give exactly these bytes.
//! If you change the format on purpose, bump `Manifest::version`, update the client and the
//! hashes below (the failure message prints the new values).
//! Note: fold table pages depend on the ferrous-opencc and unicode-normalization data.

use minutebook::search::{build_index, SearchDoc, SearchFile, SearchSection};
use sha2::{Digest, Sha256};

fn input() -> Vec<SearchDoc<'static>> {
    let sec = |a: &'static str, h: &'static str, t: &'static str| SearchSection {
        anchor: a.into(),
        heading: h.into(),
        text: t.into(),
    };
    vec![
        SearchDoc {
            url: "/minutes/2024/executive-4/".into(),
            title: "第4次主管會議".into(),
            date: "2024-09-11".into(),
            date_roc: "民國113年9月11日（星期三）".into(),
            series: "executive".into(),
            series_name: "主管會議".into(),
            year: 2024,
            units: vec!["moda".into(), "nics".into()],
            topics: vec!["security".into()],
            status: None,
            sections: vec![
                sec("", "", "討論數位皮夾與零信任。"),
                sec("案由一", "案由一", "APEC 5G 產業化，113年9月。"),
            ],
        },
        SearchDoc {
            url: "/minutes/2023/executive-1/".into(),
            title: "臺灣資安會議".into(),
            date: "2023-01-05".into(),
            date_roc: "民國112年1月5日（星期四）".into(),
            series: "executive".into(),
            series_name: "主管會議".into(),
            year: 2023,
            units: vec!["moda".into()],
            topics: vec![],
            status: None,
            sections: vec![sec("國家資通安全研究院", "國家資通安全研究院", "资安报告")],
        },
    ]
}

fn digest(files: &[SearchFile]) -> String {
    let mut h = Sha256::new();
    for f in files {
        h.update(f.path.as_bytes());
        h.update([0]);
        h.update((f.bytes.len() as u64).to_le_bytes());
        h.update(&f.bytes);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

const MANIFEST_SHA256: &str = "510097c7dff2676e98b7396773f31a6483cf016257dc77a98821ef5688813e7d";
const ALL_FILES_SHA256: &str = "7c3111cef1db1291c6c9771d280f21524a894998a60859004228cd4b0372fbc4";

// Display files group records within a chunk of the indexer (64 records since 2026-12-08, 128
// before): the grouping, and so these bytes, changed with it.
const LARGE_SHA256: &str = "fef2f67f5c29507c9ebc509d65c7ee5f17f33881de85a4fd93bad8300c8cdaea";

#[test]
fn golden_format() {
    let files = build_index(&input()).unwrap();
    assert_eq!(files[0].path, "search/manifest.bin");
    let mut manifest = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&files[0].bytes[..]), &mut manifest).unwrap();
    let manifest_sha: String = Sha256::digest(&manifest).iter().map(|b| format!("{b:02x}")).collect();
    let all = digest(&files);
    let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        (manifest_sha.as_str(), all.as_str()),
        (MANIFEST_SHA256, ALL_FILES_SHA256),
        "search index format changed.\nmanifest: {}\nfiles: {names:?}",
        String::from_utf8_lossy(&manifest)
    );
}

/// The golden input plus 1600 generated records: several parallel chunks and many shards.
fn large_input() -> Vec<SearchDoc<'static>> {
    let mut docs = input();
    for i in 0..1600 {
        let mut d = input()[i % 2].clone();
        d.url = format!("/r/{i}/");
        d.sections[0].text = std::borrow::Cow::Owned(format!(
            "第{i}案：APEC {}G 產業化，{}年{}月，{}",
            i % 7,
            100 + i % 14,
            1 + i % 12,
            (0..100u32)
                .map(|j| char::from_u32(0x4E00 + (i as u32 * 7919 + j * 104729) % 20000).unwrap())
                .collect::<String>()
        ));
        docs.push(d);
    }
    docs
}

#[test]
fn deterministic_across_thread_counts() {
    let docs = large_input();
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| build_index(&docs).unwrap())
    };
    let one = run(1);
    assert_eq!(one, run(3));
    assert_eq!(one, build_index(&docs).unwrap());
    // Several shards and group files: pin these bytes too.
    let shards = one.iter().filter(|f| f.path.contains("/s")).count();
    let groups = one.iter().filter(|f| f.path.contains("/g")).count();
    assert!(shards > 64 && groups > 1, "{shards} shards, {groups} groups");
    assert_eq!(digest(&one), LARGE_SHA256);
}

/// A display file: gzip of a JSON array holding, for consecutive records, their metadata, sections
/// and texts, and the fold map of the characters in each that fold to something else. Two small
/// records share one file, listed in the manifest's `doc_files`.
#[test]
fn display_file_holds_metadata_and_texts() {
    use std::io::Read;
    let files = build_index(&input()).unwrap();
    let gunzip = |b: &[u8]| -> serde_json::Value {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(b).read_to_end(&mut raw).unwrap();
        serde_json::from_slice(&raw).unwrap()
    };
    let manifest = gunzip(&files[0].bytes);
    assert_eq!(manifest["doc_files"], "AA==", "one display file, from record 0");
    let d0 = files.iter().find(|f| f.path.ends_with("/d0.bin")).expect("d0.bin");
    let all = gunzip(&d0.bytes);
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert_eq!(all[0]["u"], "/minutes/2024/executive-4/");
    let v = &all[1];
    assert_eq!(v["u"], "/minutes/2023/executive-1/");
    assert_eq!(v["t"], "臺灣資安會議");
    assert_eq!(v["d"], "2023-01-05");
    assert_eq!(v["r"], "民國112年1月5日（星期四）");
    // A lead section is added first: the record has none.
    assert_eq!(
        v["h"],
        serde_json::json!([["", ""], ["國家資通安全研究院", "國家資通安全研究院"]])
    );
    assert_eq!(v["x"], serde_json::json!(["", "资安报告"]));
    assert_eq!(v["f"]["臺"], "台");
    assert_eq!(v["f"]["资"], "資");
    assert_eq!(v["f"]["报"], "報");
    // One display file for both, no separate text files.
    assert_eq!(files.iter().filter(|f| f.path.contains("/d")).count(), 1);
    assert!(!files.iter().any(|f| f.path.contains("/t")));
}

/// A cap on the number of files (`search_max_files`) gives fewer, larger files, the same hits
/// for every query (the real client under node), and the same bytes on every run.
#[test]
fn file_cap_gives_fewer_files_and_the_same_hits() {
    let docs = large_input();
    let free = build_index(&docs).unwrap();
    let cap = free.len() / 3;
    let capped = minutebook::search::build_index_capped(&docs, Some(cap)).unwrap();
    assert!(
        capped.len() <= cap,
        "{} files, cap {cap} (uncapped {})",
        capped.len(),
        free.len()
    );
    assert!(
        capped.len() > cap / 4,
        "the cap is met without collapsing the index: {}",
        capped.len()
    );
    assert_eq!(
        capped,
        minutebook::search::build_index_capped(&docs, Some(cap)).unwrap()
    );
    // A cap that the index meets anyway changes nothing.
    assert_eq!(
        minutebook::search::build_index_capped(&docs, Some(free.len())).unwrap(),
        free
    );
    // A cap below the fixed files (fold pages, groups) is an error that says what to do. The
    // fixed files are there whatever the records, so the golden input's two show it (each try of
    // the 1602 records costs as much as an index, and this takes several).
    let err = minutebook::search::build_index_capped(&input(), Some(10))
        .unwrap_err()
        .to_string();
    assert!(err.contains("search_max_files") && err.contains("raise it"), "{err}");
    if !crate::support::node_or_skip("search file cap test") {
        return;
    }
    let write = |files: &[SearchFile]| {
        let dir = tempfile::tempdir().unwrap();
        for f in files {
            let p = dir.path().join(&f.path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, &f.bytes).unwrap();
        }
        dir
    };
    let (a, b) = (write(&free), write(&capped));
    let queries = [
        "APEC",
        "產業化",
        "第12案",
        "113年9月",
        "5G 產業",
        "资安报告",
        "零信任",
        "一丁",
    ];
    let (ha, hb) = (
        crate::support::search_hits(a.path(), &queries),
        crate::support::search_hits(b.path(), &queries),
    );
    assert_eq!(ha, hb);
    assert!(ha.values().filter(|h| !h.is_empty()).count() >= 6, "{ha:?}");
}
