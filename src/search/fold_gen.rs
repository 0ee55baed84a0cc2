//! Computes the per-character fold table (see `src/search/fold.rs` for the rules) from
//! ferrous-opencc's data. Run by the package build script (`build.rs`), which writes the result
//! to `OUT_DIR/fold_table.bin` for `fold.rs` to embed: a list of records `(code point, n, n
//! chars)`, little-endian u32s, for every code point below `TABLE_END` that does not fold to itself.

use std::collections::HashMap;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use unicode_normalization::UnicodeNormalization;

use crate::fold_classes::{class_slow, CJK, EXTRA_VARIANTS, TABLE_END};

/// Characters removed by folding (besides those NFKC removes).
const IGNORABLE: &[(u32, u32)] = &[
    (0xAD, 0xAD),
    (0x200B, 0x200F),
    (0x2060, 0x2064),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xE0100, 0xE01EF),
];

/// Converts every character of `chars` one by one with an OpenCC config. Characters are joined
/// with newlines so that no phrase rule can span two of them.
fn opencc_char_map(config: BuiltinConfig, chars: &[char]) -> HashMap<char, char> {
    let cc = OpenCC::from_config(config).expect("embedded OpenCC config");
    let mut input = String::with_capacity(chars.len() * 4);
    for &c in chars {
        input.push(c);
        input.push('\n');
    }
    let out = cc.convert(&input);
    let mut map = HashMap::new();
    let parts: Vec<&str> = out.split('\n').collect();
    if parts.len() == chars.len() + 1 {
        for (&c, part) in chars.iter().zip(parts) {
            let mut it = part.chars();
            if let (Some(t), None) = (it.next(), it.next()) {
                if t != c {
                    map.insert(c, t);
                }
            }
        }
    }
    map
}

/// The encoded tables: the fold table (see the module documentation) and the alternatives
/// table (see [`alternatives`]).
pub fn build_tables() -> (Vec<u8>, Vec<u8>) {
    let (table, folded) = build_table();
    (table, alternatives(&folded))
}

/// The alternatives table, for Simplified queries (see `src/search/fold.rs`): records `(code
/// point, flags, n, n chars)` of little-endian u32s, for every CJK character that is Simplified
/// (flags bit 0: OpenCC's S2T changes it and it folds to something else) or has several
/// Traditional forms (the n chars: the folds of its forms, when there are two or more). A
/// character's Traditional forms are what OpenCC's S2T (`STCharacters`) makes of it and every
/// character its T2S (`TSCharacters`) makes into it: `鉴` has 鑑 and 鑒, `搜` has 搜 and 蒐, `汇`
/// has 匯 and 彙.
fn alternatives(folded: &HashMap<char, Vec<char>>) -> Vec<u8> {
    let cjk: Vec<char> = (0..TABLE_END)
        .filter(|&cp| class_slow(cp) == CJK)
        .filter_map(char::from_u32)
        .collect();
    let s2t = opencc_char_map(BuiltinConfig::S2t, &cjk);
    let t2s = opencc_char_map(BuiltinConfig::T2s, &cjk);
    let fold1 = |c: char| -> Option<char> {
        match folded.get(&c).map(Vec::as_slice) {
            None => Some(c),
            Some([x]) => Some(*x),
            Some(_) => None,
        }
    };
    let mut forms: std::collections::BTreeMap<char, Vec<char>> = std::collections::BTreeMap::new();
    for &c in &cjk {
        if let Some(f) = fold1(c) {
            forms.entry(c).or_default().push(f);
        }
    }
    for (&t, &s) in &t2s {
        if let Some(f) = fold1(t) {
            forms.entry(s).or_default().push(f);
        }
    }
    let mut out = Vec::new();
    for (c, mut fs) in forms {
        fs.sort_unstable();
        fs.dedup();
        if fs.len() < 2 {
            fs.clear();
        }
        let simp = s2t.contains_key(&c) && folded.contains_key(&c);
        if simp || !fs.is_empty() {
            out.extend_from_slice(&(c as u32).to_le_bytes());
            out.extend_from_slice(&u32::from(simp).to_le_bytes());
            out.extend_from_slice(&(fs.len() as u32).to_le_bytes());
            for x in fs {
                out.extend_from_slice(&(x as u32).to_le_bytes());
            }
        }
    }
    out
}

/// The encoded fold table (see the module documentation), and each character's fold where it is
/// not the character itself.
fn build_table() -> (Vec<u8>, HashMap<char, Vec<char>>) {
    let ignorable = |cp: u32| IGNORABLE.iter().any(|&(lo, hi)| lo <= cp && cp <= hi);
    // Step 1: NFKC + lowercase, per char.
    let mut base: Vec<Vec<char>> = Vec::with_capacity(TABLE_END as usize);
    for cp in 0..TABLE_END {
        let v = match char::from_u32(cp) {
            None => vec![],
            Some(_) if ignorable(cp) => vec![],
            Some(c) => {
                let mut out = Vec::new();
                for n in std::iter::once(c).nfkc() {
                    if ignorable(n as u32) {
                        continue;
                    }
                    out.extend(n.to_lowercase());
                }
                out
            }
        };
        base.push(v);
    }
    // Step 2: Simplified→Traditional and Taiwan variants, char level, from ferrous-opencc.
    let cjk: Vec<char> = (0..TABLE_END)
        .filter(|&cp| class_slow(cp) == CJK)
        .filter_map(char::from_u32)
        .collect();
    let s2t = opencc_char_map(BuiltinConfig::S2t, &cjk);
    let mut tw = opencc_char_map(BuiltinConfig::T2tw, &cjk);
    for &(a, b) in EXTRA_VARIANTS {
        tw.insert(a, b);
    }
    let conv = |c: char| -> char {
        let c = *s2t.get(&c).unwrap_or(&c);
        *tw.get(&c).unwrap_or(&c)
    };
    let step = |chars: &[char], base: &Vec<Vec<char>>| -> Vec<char> {
        let mut out = Vec::with_capacity(chars.len());
        for &c in chars {
            let c2 = conv(c);
            if (c2 as u32) < TABLE_END {
                out.extend_from_slice(&base[c2 as usize]);
            } else {
                out.push(c2);
            }
        }
        out
    };
    let mut out = Vec::new();
    let mut folded = HashMap::new();
    for cp in 0..TABLE_END {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let mut cur = step(&[c], &base);
        // Iterate to a fixed point (bounded; the data has no long chains).
        for _ in 0..6 {
            let next = step(&cur, &base);
            if next == cur {
                break;
            }
            cur = next;
        }
        if cur != [c] {
            folded.insert(c, cur.clone());
            out.extend_from_slice(&cp.to_le_bytes());
            out.extend_from_slice(&(cur.len() as u32).to_le_bytes());
            for x in cur {
                out.extend_from_slice(&(x as u32).to_le_bytes());
            }
        }
    }
    (out, folded)
}
