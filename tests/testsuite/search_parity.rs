//! The browser client must fold and split queries exactly as the indexer: feed the same strings
//! to Rust `fold`/`parse_query` and to search.js (run with node) and compare.

use minutebook::search::{fold, parse_query_forms, SearchDoc, SearchSection};

#[test]
fn js_fold_matches_rust_fold() {
    if !crate::support::node_or_skip("search parity test") {
        return;
    }
    let docs = vec![SearchDoc {
        url: "/a/".into(),
        title: "測試".into(),
        date: "2024-01-01".into(),
        year: 2024,
        sections: vec![SearchSection {
            text: "資安".into(),
            ..Default::default()
        }],
        ..Default::default()
    }];
    let dir = crate::support::index_in_temp_dir(&docs);
    // Strings: hand-picked cases plus every code point below U+30000, 256 per string.
    let mut strings: Vec<String> = [
        "ＡＰＥＣ ５Ｇ",
        "资安 臺灣 台灣",
        "AI 產業化",
        "AI產業化",
        "數位皮夾、零信任。",
        "  資安。 零信任 ",
        "COVID-19",
        "a\u{200B}b",
        "\"人工智慧 基本法\" 113年8月",
        "「數位 皮夾」 ＡＰＥＣ",
        "Ⅻ ㈱ ﬁ ℃ ① ㍻",
        "İstanbul ß ǅ",
        "e\u{301} é",
        "𠀀𪚥 𝐀𝐁",
        "裏 裡 着 著 峯 爲",
        "\u{feff}x\u{85}y\u{3000}z",
        "“引號”『雙』",
        "tab\tnew\nline",
        "报请公鉴 搜集类",
        "汇整、签奉",
        "搜集 報請公鑒",
        "「干部 发展」",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let all: Vec<char> = (0..0x30000u32).filter_map(char::from_u32).collect();
    for chunk in all.chunks(256) {
        strings.push(chunk.iter().collect());
        // Also with separators between characters, to exercise the whitespace rules.
        strings.push(chunk.iter().flat_map(|&c| [c, ' ']).collect());
    }
    let input = dir.path().join("strings.json");
    std::fs::write(&input, serde_json::to_vec(&strings).unwrap()).unwrap();
    let index = dir.path().join("search");
    let out = crate::support::run_with_search_js(
        dir.path(),
        "parity.js",
        PARITY_JS,
        &[index.as_os_str(), input.as_os_str()],
    );
    let res: Vec<(String, Vec<Vec<String>>)> = serde_json::from_slice(&out).unwrap();
    assert_eq!(res.len(), strings.len());
    let mut bad = 0;
    for (s, (jf, jq)) in strings.iter().zip(&res) {
        let rf = fold(s);
        let rq = parse_query_forms(s);
        if &rf != jf || &rq != jq {
            bad += 1;
            if bad < 5 {
                eprintln!("MISMATCH for {s:?}:\n rust fold {rf:?}\n js   fold {jf:?}\n rust q {rq:?}\n js   q {jq:?}");
            }
        }
    }
    assert_eq!(bad, 0, "{bad} strings fold differently in JS and Rust");
}

const PARITY_JS: &str = r#"
// Each string is folded by a fresh client, as a visitor's first query: it fetches only the fold
// table pages the client decides the string needs (none for a CJK character whose fold_cjk bit is
// clear), so a character the client wrongly takes to fold to itself shows as a mismatch.
const fs = require('fs'), zlib = require('zlib'), path = require('path');
const [js, dir, input] = process.argv.slice(2);
const api = require(path.resolve(js));
const root = path.dirname(dir);
const fetchBytes = async (url, gz) => {
  const b = fs.readFileSync(path.join(root, url));
  return new Uint8Array(gz ? zlib.gunzipSync(b) : b);
};
const strings = JSON.parse(fs.readFileSync(input, 'utf8'));
(async () => {
  const out = [];
  for (const s of strings) {
    const idx = new api.Index('/' + path.basename(dir) + '/', fetchBytes);
    await idx.load();
    await idx.loadFold(s);
    const look = (c) => idx.foldMap[c];
    out.push([
      String.fromCodePoint(...api.foldText(s, look, idx.m.classes).c),
      api.parseQuery(s, look, idx.m.classes, idx.simp, idx.alts).map((f) => f.map((t) => String.fromCodePoint(...t))),
    ]);
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
"#;
