//! Text folding shared by the indexer and the browser client.
//!
//! Folding is defined per character, then a small whitespace/punctuation rule joins the results:
//!
//! 1. Per character `c`: NFKC of `c` alone (`Ｇ`→`g`, `５`→`5`), then lower case, then
//!    Simplified→Traditional from ferrous-opencc's `STCharacters` data (`资`→`資`), then the
//!    Taiwan variant pairs from ferrous-opencc's `TWVariants` data (`裏`→`裡`, `着`→`著`, …) plus the
//!    documented list [`EXTRA_VARIANTS`] (`臺`→`台`). The per-character step is repeated until it
//!    is stable, so `fold(fold(x)) == fold(x)`. Invisible characters (zero-width space, variation
//!    selectors, soft hyphen, BOM) map to nothing.
//! 2. Each resulting character gets a class from [`CLASS_RANGES`] (default: word character):
//!    CJK, whitespace or punctuation. Runs of whitespace/punctuation become one `' '`; a run of
//!    pure whitespace is dropped when a CJK character is on either side ("AI 產業化" folds like
//!    "AI產業化"); leading and trailing runs are dropped.
//!
//! The browser gets the per-character map as table pages (`f<page>.bin`, one per 1024 code
//! points, only pages with entries) and the class ranges in the manifest, so it folds queries
//! exactly as this module does; `tests/search_parity.rs` checks that with node.

use std::collections::HashMap;
use std::sync::OnceLock;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use unicode_normalization::UnicodeNormalization;

/// Character classes (values are part of the on-disk manifest format).
pub const WORD: u8 = 0;
/// CJK ideographs, kana, hangul, bopomofo.
pub const CJK: u8 = 1;
/// Whitespace.
pub const SPACE: u8 = 2;
/// Punctuation and symbols treated as separators.
pub const PUNCT: u8 = 3;

/// Class ranges `(first, last, class)`, sorted, non-overlapping; anything else is [`WORD`].
/// Written verbatim into the manifest (`fold.classes`) for the client.
pub const CLASS_RANGES: &[(u32, u32, u8)] = &[
    (0x00, 0x08, PUNCT),
    (0x09, 0x0D, SPACE),
    (0x0E, 0x1F, PUNCT),
    (0x20, 0x20, SPACE),
    (0x21, 0x2F, PUNCT),
    (0x3A, 0x40, PUNCT),
    (0x5B, 0x60, PUNCT),
    (0x7B, 0x84, PUNCT),
    (0x85, 0x85, SPACE),
    (0x86, 0x9F, PUNCT),
    (0xA0, 0xA0, SPACE),
    (0xA1, 0xBF, PUNCT),
    (0xD7, 0xD7, PUNCT),
    (0xF7, 0xF7, PUNCT),
    (0x1680, 0x1680, SPACE),
    (0x2000, 0x200A, SPACE),
    (0x200B, 0x2027, PUNCT),
    (0x2028, 0x2029, SPACE),
    (0x202A, 0x202E, PUNCT),
    (0x202F, 0x202F, SPACE),
    (0x2030, 0x205E, PUNCT),
    (0x205F, 0x205F, SPACE),
    (0x2060, 0x206F, PUNCT),
    (0x20A0, 0x20CF, PUNCT),
    (0x2190, 0x23FF, PUNCT),
    (0x2500, 0x27BF, PUNCT),
    (0x2E00, 0x2E7F, PUNCT),
    (0x2E80, 0x2FDF, CJK),
    (0x3000, 0x3000, SPACE),
    (0x3001, 0x3004, PUNCT),
    (0x3005, 0x3007, CJK),
    (0x3008, 0x3020, PUNCT),
    (0x3021, 0x302F, CJK),
    (0x3030, 0x3030, PUNCT),
    (0x3031, 0x303C, CJK),
    (0x303D, 0x303F, PUNCT),
    (0x3040, 0x30FA, CJK),
    (0x30FB, 0x30FB, PUNCT),
    (0x30FC, 0x312F, CJK),
    (0x3130, 0x318F, CJK),
    (0x3190, 0x31FF, CJK),
    (0x3400, 0x4DBF, CJK),
    (0x4E00, 0x9FFF, CJK),
    (0xA960, 0xA97F, CJK),
    (0xAC00, 0xD7FF, CJK),
    (0xF900, 0xFAFF, CJK),
    (0xFE10, 0xFE1F, PUNCT),
    (0xFE30, 0xFE6F, PUNCT),
    (0xFF01, 0xFF0F, PUNCT),
    (0xFF1A, 0xFF20, PUNCT),
    (0xFF3B, 0xFF40, PUNCT),
    (0xFF5B, 0xFF65, PUNCT),
    (0xFF66, 0xFFDC, CJK),
    (0xFFF0, 0xFFFF, PUNCT),
    (0x1B000, 0x1B16F, CJK),
    (0x20000, 0x3FFFF, CJK),
];

/// Taiwan variant pairs added to OpenCC's TWVariants data (variant → canonical form).
pub const EXTRA_VARIANTS: &[(char, char)] = &[('臺', '台'), ('裏', '裡'), ('着', '著')];

/// Characters removed by folding (besides those NFKC removes).
const IGNORABLE: &[(u32, u32)] = &[
    (0xAD, 0xAD),
    (0x200B, 0x200F),
    (0x2060, 0x2064),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xE0100, 0xE01EF),
];

/// Highest code point the table covers; everything above folds to itself.
const TABLE_END: u32 = 0x30000;
const MULTI: u32 = 0x8000_0000;

pub(crate) struct FoldTable {
    /// For every code point below `TABLE_END`: the folded char, or `MULTI | index into multi`.
    map: Vec<u32>,
    multi: Vec<Vec<char>>,
    /// Class of every BMP code point.
    class_bmp: Vec<u8>,
}

fn class_slow(cp: u32) -> u8 {
    match CLASS_RANGES.binary_search_by(|&(lo, hi, _)| {
        if hi < cp {
            std::cmp::Ordering::Less
        } else if lo > cp {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => CLASS_RANGES[i].2,
        Err(_) => WORD,
    }
}

/// Class of a (folded) character.
#[inline]
pub fn class_of(c: char) -> u8 {
    let cp = c as u32;
    if cp < 0x10000 {
        table().class_bmp[cp as usize]
    } else {
        class_slow(cp)
    }
}

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

fn build_table() -> FoldTable {
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
    let mut map = vec![0u32; TABLE_END as usize];
    let mut multi = Vec::new();
    for cp in 0..TABLE_END {
        let Some(c) = char::from_u32(cp) else {
            map[cp as usize] = MULTI | push_multi(&mut multi, vec![]);
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
        map[cp as usize] = if cur.len() == 1 {
            cur[0] as u32
        } else {
            MULTI | push_multi(&mut multi, cur)
        };
    }
    let class_bmp = (0..0x10000u32).map(class_slow).collect();
    FoldTable { map, multi, class_bmp }
}

fn push_multi(multi: &mut Vec<Vec<char>>, v: Vec<char>) -> u32 {
    multi.push(v);
    (multi.len() - 1) as u32
}

pub(crate) fn table() -> &'static FoldTable {
    static T: OnceLock<FoldTable> = OnceLock::new();
    T.get_or_init(build_table)
}

impl FoldTable {
    /// Calls `f` with each character `c` folds to (per-character step only).
    #[inline]
    pub(crate) fn map_char(&self, c: char, mut f: impl FnMut(char)) {
        let cp = c as u32;
        if cp >= TABLE_END {
            f(c);
            return;
        }
        let m = self.map[cp as usize];
        if m & MULTI == 0 {
            // SAFETY-free: values were produced from chars.
            f(char::from_u32(m).unwrap_or(c));
        } else {
            for &x in &self.multi[(m & !MULTI) as usize] {
                f(x);
            }
        }
    }

    /// True if `c` folds to itself.
    #[inline]
    pub(crate) fn is_identity(&self, c: char) -> bool {
        let cp = c as u32;
        cp >= TABLE_END || self.map[cp as usize] == cp
    }

    /// The per-character result as a string, if it differs from the character itself.
    pub(crate) fn mapping(&self, c: char) -> Option<String> {
        let mut s = String::new();
        self.map_char(c, |x| s.push(x));
        let mut it = s.chars();
        if it.next() == Some(c) && it.next().is_none() {
            None
        } else {
            Some(s)
        }
    }
}

/// Folds `s` and appends the folded characters to `out`. If `src` is given, it receives, for
/// each appended character, the index (in chars) of the source character it came from (the
/// separator `' '` gets the index of the character that ended the separator run).
pub fn fold_into(s: &str, out: &mut Vec<char>, mut src: Option<&mut Vec<u32>>) {
    let t = table();
    let start = out.len();
    // 0 = none, SPACE or PUNCT pending.
    let mut pending = 0u8;
    for (i, c) in s.chars().enumerate() {
        t.map_char(c, |m| {
            let cls = class_of(m);
            match cls {
                SPACE => {
                    if pending == 0 {
                        pending = SPACE
                    }
                }
                PUNCT => pending = PUNCT,
                _ => {
                    if pending != 0 && out.len() > start {
                        let last = class_of(out[out.len() - 1]);
                        if pending == PUNCT || (last != CJK && cls != CJK) {
                            out.push(' ');
                            if let Some(v) = src.as_deref_mut() {
                                v.push(i as u32);
                            }
                        }
                    }
                    pending = 0;
                    out.push(m);
                    if let Some(v) = src.as_deref_mut() {
                        v.push(i as u32);
                    }
                }
            }
        });
    }
}

/// The folding used by the index and the client (see the module documentation).
pub fn fold(s: &str) -> String {
    let mut v = Vec::with_capacity(s.len());
    fold_into(s, &mut v, None);
    v.into_iter().collect()
}

/// True if position `i` of folded text `t` starts a word (a word character not preceded by one).
#[inline]
pub fn word_start(t: &[char], i: usize) -> bool {
    class_of(t[i]) == WORD && (i == 0 || class_of(t[i - 1]) != WORD)
}

/// The fold table pages for the client: `(page, JSON object {char: folded string})` for every
/// page of 1024 code points that has at least one character whose fold differs from itself.
/// The block the manifest's `fold_cjk` bitmap covers: CJK Unified Ideographs, where almost every
/// character of a zh-Hant query lies and most fold to themselves.
pub const BITMAP_CJK: (u32, u32) = (0x4E00, 0x9FFF);

/// One bit per code point of [`BITMAP_CJK`] (bit `i % 8` of byte `i / 8` for code point
/// `first + i`), set when the character folds to something else: the client needs a fold table
/// page for a character of this block only when its bit is set.
pub(crate) fn cjk_bitmap() -> Vec<u8> {
    let t = table();
    let (first, last) = BITMAP_CJK;
    let mut bits = vec![0u8; ((last - first) / 8 + 1) as usize];
    for cp in first..=last {
        if char::from_u32(cp).is_some_and(|c| t.mapping(c).is_some()) {
            let i = (cp - first) as usize;
            bits[i / 8] |= 1 << (i % 8);
        }
    }
    bits
}

pub(crate) fn table_pages() -> Vec<(u32, String)> {
    let t = table();
    let mut pages = Vec::new();
    for page in 0..(TABLE_END >> 10) {
        let mut obj = serde_json::Map::new();
        for cp in (page << 10)..((page + 1) << 10) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            if let Some(m) = t.mapping(c) {
                obj.insert(c.to_string(), serde_json::Value::String(m));
            }
        }
        if !obj.is_empty() {
            pages.push((page, serde_json::Value::Object(obj).to_string()));
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfkc_and_case() {
        assert_eq!(fold("ＡＰＥＣ"), "apec");
        assert_eq!(fold("５Ｇ"), "5g");
        assert_eq!(fold("APEC 5G"), "apec 5g");
    }

    #[test]
    fn variants_and_simplified() {
        assert_eq!(fold("臺灣"), fold("台灣"));
        assert_eq!(fold("资安"), "資安");
        assert_eq!(fold("资安"), fold("資安"));
        assert_eq!(fold("裏"), fold("裡"));
        assert_eq!(fold("着"), fold("著"));
        assert_eq!(fold("数位皮夹"), fold("數位皮夾"));
    }

    #[test]
    fn whitespace_and_punct() {
        assert_eq!(fold("AI 產業化"), fold("AI產業化"));
        assert_eq!(fold("  資安。 零信任 "), "資安 零信任");
        assert_eq!(fold("COVID-19"), "covid 19");
        assert_eq!(fold("a\u{200B}b"), "ab");
        assert_eq!(fold("，。"), "");
    }

    #[test]
    fn idempotent() {
        for s in ["臺灣資安", "ＡＰＥＣ 5G 會議", "干于里台着资", "Ⅻ"] {
            let f = fold(s);
            assert_eq!(fold(&f), f, "{s}");
        }
        // The per-character map is idempotent for every character.
        let t = table();
        for cp in 0..TABLE_END {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut once = Vec::new();
            t.map_char(c, |x| once.push(x));
            let mut twice = Vec::new();
            for &x in &once {
                t.map_char(x, |y| twice.push(y));
            }
            assert_eq!(once, twice, "U+{cp:04X}");
        }
    }
}
