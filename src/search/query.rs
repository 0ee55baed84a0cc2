//! Query parsing (mirrored by `parseQuery` in search.js) and, for tests, a reader of the index
//! files that evaluates queries the same way the client does.

/// Unicode White_Space, spelled out so the client uses exactly the same set.
fn is_query_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | ' ' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}'
        | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}')
}

const OPEN_QUOTES: &[char] = &['"', '“', '「', '『', '＂'];

fn closing(open: char) -> &'static [char] {
    match open {
        '“' => &['”', '"'],
        '「' => &['」'],
        '『' => &['』'],
        _ => &['"', '＂', '”'],
    }
}

/// Splits a query into folded terms: text inside quotes ("…", “…”, 「…」, 『…』) is one phrase;
/// elsewhere whitespace separates terms. Each term is folded with [`fold`] (punctuation inside a
/// term folds to a space, so "COVID-19" is the phrase "covid 19"). Terms that fold to nothing
/// (pure punctuation) are left out; duplicates are removed, order is kept.
pub fn parse_query(q: &str) -> Vec<String> {
    parse_query_forms(q).into_iter().map(|mut f| f.swap_remove(0)).collect()
}

/// Like [`parse_query`], with each term's alternatives ([`super::fold::term_forms`]): a record
/// has the term when it contains any of them. The first alternative is the term's fold.
pub fn parse_query_forms(q: &str) -> Vec<Vec<String>> {
    let mut raw: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for c in q.chars() {
        match quote {
            Some(open) => {
                if closing(open).contains(&c) {
                    raw.push(std::mem::take(&mut cur));
                    quote = None;
                } else {
                    cur.push(c);
                }
            }
            None => {
                if OPEN_QUOTES.contains(&c) {
                    raw.push(std::mem::take(&mut cur));
                    quote = Some(c);
                } else if is_query_space(c) {
                    raw.push(std::mem::take(&mut cur));
                } else {
                    cur.push(c);
                }
            }
        }
    }
    raw.push(cur);
    let mut out: Vec<Vec<String>> = Vec::new();
    for r in raw {
        let f = super::fold::term_forms(&r);
        if !f[0].is_empty() && !out.iter().any(|o| o[0] == f[0]) {
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod reader {
    //! Evaluates queries against built index files (test helper mirroring search.js).
    use super::super::fold::{class_of, word_start, CJK};
    use super::super::{SearchFile, KIND_BI, KIND_FACET, KIND_UNI, KIND_WS_BI, KIND_WS_UNI};
    use super::parse_query_forms;
    use std::collections::{BTreeMap, HashMap};
    use std::io::Read;

    pub struct Index {
        pub(in crate::search) files: HashMap<String, Vec<u8>>,
        pub(in crate::search) dir: String,
        /// The first keys of all shards, ascending.
        pub(in crate::search) firsts: Vec<u64>,
        facets: Vec<String>,
    }

    fn read_varint(b: &[u8], i: &mut usize) -> u64 {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let x = b[*i];
            *i += 1;
            v |= u64::from(x & 0x7f) << shift;
            if x < 0x80 {
                return v;
            }
            shift += 7;
        }
    }

    fn b64decode(s: &str) -> Vec<u8> {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = Vec::new();
        let mut acc = 0u32;
        let mut bits = 0;
        for c in s.bytes() {
            if c == b'=' {
                break;
            }
            acc = (acc << 6) | A.iter().position(|&a| a == c).unwrap() as u32;
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push((acc >> bits) as u8);
            }
        }
        out
    }

    /// Entries of a posting: (rec, sec, n, k, positions).
    type Entry = (u32, u32, u32, u32, Vec<u32>);

    impl Index {
        pub fn new(files: &[SearchFile]) -> Index {
            let files: HashMap<String, Vec<u8>> = files.iter().map(|f| (f.path.clone(), f.bytes.clone())).collect();
            let mut manifest = Vec::new();
            flate2::read::GzDecoder::new(&files[super::super::MANIFEST][..])
                .read_to_end(&mut manifest)
                .unwrap();
            let m: serde_json::Value = serde_json::from_slice(&manifest).unwrap();
            let dir = m["dir"].as_str().unwrap();
            let groups = b64decode(m["shard_keys"].as_str().unwrap());
            let mut firsts = Vec::new();
            let mut i = 0;
            let mut g = 0;
            let mut gk = 0;
            while i < groups.len() {
                gk += read_varint(&groups, &mut i);
                let blob = &files[&format!("search/{dir}/g{g}.bin")];
                let mut j = 0;
                let mut k = 0;
                while j < blob.len() {
                    k += read_varint(blob, &mut j);
                    firsts.push(k);
                }
                assert_eq!(firsts[g * m["group"].as_u64().unwrap() as usize], gk);
                g += 1;
            }
            Index {
                files,
                dir: m["dir"].as_str().unwrap().to_string(),
                firsts,
                facets: m["facets"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap().to_string())
                    .collect(),
            }
        }

        fn posting(&self, key: u64) -> Option<Vec<u8>> {
            self.read_shard(key, super::super::shard_name)
        }

        /// The key's position posting, from the position shard beside its shard.
        fn positions(&self, key: u64) -> Option<Vec<u8>> {
            self.read_shard(key, super::super::positions_name)
        }

        /// The posting of `key` in the file `name(first key)` of the shard whose range holds it.
        fn read_shard(&self, key: u64, name: fn(u64) -> String) -> Option<Vec<u8>> {
            let si = self.firsts.partition_point(|&f| f <= key).checked_sub(1)?;
            let gz = &self.files[&format!("search/{}/{}", self.dir, name(self.firsts[si]))];
            let mut raw = Vec::new();
            flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut raw).unwrap();
            let mut i = 0;
            let mut k = self.firsts[si];
            while i < raw.len() {
                k += read_varint(&raw, &mut i);
                let len = read_varint(&raw, &mut i) as usize;
                if k == key {
                    return Some(raw[i..i + len].to_vec());
                }
                i += len;
            }
            None
        }

        /// Entries of a presence posting, with their positions when `with_pos` (read from the
        /// key's position posting).
        fn entries(&self, key: u64, with_pos: bool) -> Vec<Entry> {
            let Some(p) = self.posting(key) else {
                return vec![];
            };
            let q = if with_pos { self.positions(key).unwrap() } else { vec![] };
            let mut out = Vec::new();
            let mut i = 0;
            let mut j = 0;
            let mut rec = 0u32;
            while i < p.len() {
                rec += read_varint(&p, &mut i) as u32;
                let sf = read_varint(&p, &mut i);
                let sec = (sf >> 1) as u32;
                let h = if sf & 1 == 1 { read_varint(&p, &mut i) } else { 2 };
                let n = (h >> 1) as u32;
                let k = if h & 1 == 1 { read_varint(&p, &mut i) as u32 } else { 0 };
                let mut pos = Vec::new();
                if with_pos {
                    let mut prev = 0;
                    for _ in 0..n {
                        prev += read_varint(&q, &mut j) as u32;
                        pos.push(prev);
                    }
                }
                out.push((rec, sec, n, k, pos));
            }
            assert_eq!(j, q.len());
            out
        }

        fn facet(&self, name: &str) -> Vec<u32> {
            let Some(i) = self.facets.iter().position(|f| f == name) else {
                return vec![];
            };
            let Some(p) = self.posting((KIND_FACET << 42) + i as u64) else {
                return vec![];
            };
            let mut out = Vec::new();
            let mut i = 0;
            let mut r = 0;
            while i < p.len() {
                r += read_varint(&p, &mut i) as u32;
                out.push(r);
            }
            out
        }

        /// Matching sections of one term: (rec, sec) → (count, heading count).
        fn term(&self, t: &[char]) -> BTreeMap<(u32, u32), (u32, u32)> {
            let k = |kind: u64, a: char, b: char| (kind << 42) | ((a as u64) << 21) | b as u64;
            let mut out = BTreeMap::new();
            if t.len() == 1 {
                let kind = if word_start(t, 0) { KIND_WS_UNI } else { KIND_UNI };
                if kind == KIND_UNI && class_of(t[0]) != CJK {
                    return out;
                }
                for (r, s, n, kh, _) in self.entries(k(kind, t[0], '\0'), false) {
                    out.insert((r, s), (n, kh));
                }
                return out;
            }
            if t.len() == 2 {
                // Presence is exact for two characters.
                let kind = if word_start(t, 0) { KIND_WS_BI } else { KIND_BI };
                for (r, s, n, kh, _) in self.entries(k(kind, t[0], t[1]), false) {
                    out.insert((r, s), (n, kh));
                }
                return out;
            }
            let mut offs: Vec<usize> = (0..t.len() - 1).step_by(2).collect();
            if *offs.last().unwrap() != t.len() - 2 {
                offs.push(t.len() - 2);
            }
            let lists: Vec<BTreeMap<(u32, u32), Entry>> = offs
                .iter()
                .map(|&o| {
                    let kind = if word_start(t, o) { KIND_WS_BI } else { KIND_BI };
                    self.entries(k(kind, t[o], t[o + 1]), true)
                        .into_iter()
                        .map(|e| ((e.0, e.1), e))
                        .collect()
                })
                .collect();
            for (rs, e0) in &lists[0] {
                let mut n = 0;
                let mut kh = 0;
                for (idx, &p) in e0.4.iter().enumerate() {
                    let ok = offs
                        .iter()
                        .zip(&lists)
                        .skip(1)
                        .all(|(&o, l)| l.get(rs).is_some_and(|e| e.4.binary_search(&(p + o as u32)).is_ok()));
                    if ok {
                        n += 1;
                        if (idx as u32) < e0.3 {
                            kh += 1;
                        }
                    }
                }
                if n > 0 {
                    out.insert(*rs, (n, kh));
                }
            }
            out
        }

        /// Record ids matching `q` (every term somewhere in the record) and the filters
        /// (facet names), in id order, with their matching section indexes.
        pub fn search(&self, q: &str, filters: &[&str]) -> Vec<(u32, Vec<u32>)> {
            let terms = parse_query_forms(q);
            if terms.is_empty() {
                return vec![];
            }
            let mut recs: Option<BTreeMap<u32, Vec<u32>>> = None;
            for forms in &terms {
                let mut m: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
                for t in forms {
                    let chars: Vec<char> = t.chars().collect();
                    for (r, s) in self.term(&chars).keys() {
                        m.entry(*r).or_default().push(*s);
                    }
                }
                for s in m.values_mut() {
                    s.sort();
                    s.dedup();
                }
                recs = Some(match recs {
                    None => m,
                    Some(prev) => prev
                        .into_iter()
                        .filter_map(|(r, mut s)| {
                            let more = m.get(&r)?;
                            s.extend(more);
                            s.sort();
                            s.dedup();
                            Some((r, s))
                        })
                        .collect(),
                });
            }
            let mut recs = recs.unwrap_or_default();
            for f in filters {
                let allowed = self.facet(f);
                recs.retain(|r, _| allowed.binary_search(r).is_ok());
            }
            recs.into_iter().collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{build_index, SearchDoc, SearchSection};
    use super::reader::Index;
    use super::*;

    #[test]
    fn tokenize() {
        assert_eq!(parse_query("數位皮夾 零信任"), vec!["數位皮夾", "零信任"]);
        assert_eq!(parse_query("\"人工智慧 基本法\""), vec!["人工智慧基本法"]);
        assert_eq!(parse_query("「數位 皮夾」 ＡＰＥＣ"), vec!["數位皮夾", "apec"]);
        assert_eq!(parse_query("  ，  資安、 "), vec!["資安"]);
        assert_eq!(parse_query("COVID-19 covid-19"), vec!["covid 19"]);
        assert_eq!(parse_query("\"new york\" 5G"), vec!["new york", "5g"]);
        assert_eq!(parse_query("\"unterminated phrase"), vec!["unterminated phrase"]);
        assert_eq!(parse_query("资安"), vec!["資安"]);
    }

    fn doc(title: &str, secs: &[(&str, &str, &str)]) -> SearchDoc<'static> {
        SearchDoc {
            url: format!("/r/{title}/"),
            title: title.to_string().into(),
            date: "2024-09-11".into(),
            date_roc: "民國113年9月11日（星期三）".into(),
            series: "executive".into(),
            series_name: "主管會議".into(),
            year: 2024,
            units: vec!["democracy".into()],
            topics: vec![],
            status: None,
            sections: secs
                .iter()
                .map(|(a, h, t)| SearchSection {
                    anchor: a.to_string().into(),
                    heading: h.to_string().into(),
                    text: t.to_string().into(),
                })
                .collect(),
        }
    }

    /// Every shard whose key range reaches into the bigram kinds has a position shard beside it,
    /// and no other shard has one: a client fetches a bigram's positions from the file named
    /// after its shard without checking that it exists.
    #[test]
    fn position_shards_stand_beside_every_shard_that_can_hold_a_bigram() {
        use super::super::{positions_name, shard_name, KIND_BI, KIND_FACET};
        let docs: Vec<SearchDoc> = (0..300u32)
            .map(|i| {
                let text: String = (0..120u32)
                    .map(|j| char::from_u32(0x4E00 + (i * 7919 + j * 104729) % 20000).unwrap())
                    .collect();
                doc(&format!("第{i}次會議"), &[("", "", text.as_str())])
            })
            .collect();
        let files = build_index(&docs).unwrap();
        let idx = Index::new(&files);
        assert!(idx.firsts.len() > 64, "several groups of shards: {}", idx.firsts.len());
        let has = |name: String| idx.files.contains_key(&format!("search/{}/{name}", idx.dir));
        for (i, &f) in idx.firsts.iter().enumerate() {
            let end = idx.firsts.get(i + 1).copied().unwrap_or(u64::MAX);
            let reaches_bigrams = f < KIND_FACET << 42 && end > KIND_BI << 42;
            assert!(has(shard_name(f)));
            assert_eq!(
                has(positions_name(f)),
                reaches_bigrams,
                "shard {i} of {}",
                idx.firsts.len()
            );
        }
        let positions = files.iter().filter(|f| f.path.contains("/p")).count();
        assert!(
            positions > 1 && positions < idx.firsts.len(),
            "{positions} position shards"
        );
    }

    #[test]
    fn exact_semantics() {
        let docs = vec![
            doc(
                "第一次會議",
                &[
                    ("", "", "本次會議於113年9月召開，追蹤112年8月決議。"),
                    ("案由一", "案由一", "推動數位皮夾與零信任架構，APEC 會議與5G。"),
                ],
            ),
            doc(
                "第二次會議",
                &[
                    ("", "", "113年8月討論人工智慧基本法草案。"),
                    ("國家資通安全研究院", "國家資通安全研究院", "臺灣資安現況報告"),
                ],
            ),
            doc("XSS <script>", &[("", "", "<img onerror=alert(1)> 數位發展")]),
        ];
        let files = build_index(&docs).unwrap();
        let idx = Index::new(&files);
        let recs = |q: &str| -> Vec<u32> { idx.search(q, &[]).into_iter().map(|r| r.0).collect() };
        // The trap: 113年9月 and 112年8月 must not make 113年8月.
        assert_eq!(recs("113年8月"), vec![1]);
        assert_eq!(recs("113年"), vec![0, 1]);
        assert_eq!(recs("13年"), Vec::<u32>::new());
        assert_eq!(recs("皮夾"), vec![0]);
        assert_eq!(recs("位皮"), vec![0]);
        assert_eq!(recs("位發展"), vec![2]);
        assert_eq!(recs("台灣"), vec![1]);
        assert_eq!(recs("臺灣 资安"), vec![1]);
        assert_eq!(recs("\"人工智慧基本法\""), vec![1]);
        assert_eq!(recs("人工智慧 草案"), vec![1]);
        assert_eq!(recs("人工智慧 皮夾"), Vec::<u32>::new());
        assert_eq!(recs("APEC"), vec![0]);
        assert_eq!(recs("ape"), vec![0]);
        assert_eq!(recs("PEC"), Vec::<u32>::new());
        assert_eq!(recs("ＡＰＥＣ ５Ｇ"), vec![0]);
        assert_eq!(recs("a"), vec![0, 2]); // "APEC", "alert"
        assert_eq!(recs("皮"), vec![0]);
        assert_eq!(recs("㐀"), Vec::<u32>::new());
        assert_eq!(recs("皮夾 㐀"), Vec::<u32>::new());
        assert_eq!(recs("script"), vec![2]);
        assert_eq!(recs("會議"), vec![0, 1]);
        assert_eq!(idx.search("研究院", &[]), vec![(1, vec![1])]);
        assert_eq!(idx.search("會議", &["unit:democracy"]).len(), 2);
        assert_eq!(idx.search("會議", &["unit:none"]).len(), 0);
        assert_eq!(idx.search("會議", &["year:2024", "series:executive"]).len(), 2);
    }
}
