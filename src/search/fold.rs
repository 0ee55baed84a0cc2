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
//! 3. A query term is folded the same way, with one addition (`term_forms`): when the term has
//!    a Simplified character (one OpenCC's S2T changes and that folds to something else: `类`,
//!    `鉴`, not `搜` or `峰`, which are Traditional too), each of its characters with several
//!    Traditional forms stands for all of them, and a record has the term when it contains any
//!    of the strings they make: `报请公鉴` finds 報請公鑒 and 報請公鑑, `搜集类` finds 搜集類 and
//!    蒐集類, `汇整` 匯整 and 彙整, `签奉` 籤奉 and 簽奉. A character's Traditional forms are what
//!    S2T (`STCharacters`) makes of it and every character T2S (`TSCharacters`) makes into it
//!    (the build script's `fold_gen::alternatives`). A term without a Simplified character is
//!    only its fold: `搜集` finds 搜集, not 蒐集; `報請公鑒` finds 報請公鑒, not 報請公鑑.
//!
//! The browser gets the per-character map as table pages (`f<page>.bin`, one per 1024 code
//! points, only pages with entries) and the class ranges in the manifest, so it folds queries
//! exactly as this module does; `tests/search_parity.rs` checks that with node.

use std::sync::OnceLock;

use super::fold_classes::{class_slow, TABLE_END};
pub use super::fold_classes::{CJK, CLASS_RANGES, EXTRA_VARIANTS, PUNCT, SPACE, WORD};

const MULTI: u32 = 0x8000_0000;

pub(crate) struct FoldTable {
    /// For every code point below `TABLE_END`: the folded char, or `MULTI | index into multi`.
    map: Vec<u32>,
    multi: Vec<Vec<char>>,
    /// Class of every BMP code point.
    class_bmp: Vec<u8>,
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

/// The table computed by the build script (`src/search/fold_gen.rs`).
static TABLE_DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fold_table.bin"));

fn build_table() -> FoldTable {
    let mut words = TABLE_DATA
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    let mut map: Vec<u32> = (0..TABLE_END).collect();
    let mut multi = Vec::new();
    while let (Some(cp), Some(n)) = (words.next(), words.next()) {
        let chars: Vec<char> = words.by_ref().take(n as usize).filter_map(char::from_u32).collect();
        map[cp as usize] = if chars.len() == 1 {
            chars[0] as u32
        } else {
            MULTI | push_multi(&mut multi, chars)
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

/// The characters that end one text of a record's section and start the next ([`super::docs`]):
/// a block ends at a newline, a table cell at a tab.
pub const TEXT_BOUNDARIES: [char; 2] = ['\n', '\t'];

/// Folds the texts of `s` (cut at [`TEXT_BOUNDARIES`]) one by one and appends them to `out` with
/// a `'\0'` between two non-empty ones, which no query term contains and no posting key spans:
/// a match never spans two texts.
pub fn fold_texts_into(s: &str, out: &mut Vec<char>) {
    let mut first = true;
    for part in s.split(TEXT_BOUNDARIES) {
        let before = out.len();
        if !first {
            out.push('\0');
        }
        fold_into(part, out, None);
        if out.len() == before + usize::from(!first) {
            out.truncate(before);
        } else {
            first = false;
        }
    }
}

/// The folded texts of `s` (see [`fold_texts_into`]), each a string: what the index can match in.
pub fn fold_texts(s: &str) -> Vec<String> {
    s.split(TEXT_BOUNDARIES).map(fold).filter(|t| !t.is_empty()).collect()
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
/// The alternatives table computed by the build script (`fold_gen::alternatives`).
static ALTS_DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fold_alts.bin"));

/// What a query needs beyond the fold: which characters are Simplified, and the folds of every
/// Traditional form of a character that has several.
pub(crate) struct Alternatives {
    pub simplified: std::collections::BTreeSet<char>,
    pub forms: std::collections::BTreeMap<char, Vec<char>>,
}

pub(crate) fn alternatives() -> &'static Alternatives {
    static A: OnceLock<Alternatives> = OnceLock::new();
    A.get_or_init(|| {
        let mut words = ALTS_DATA
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        let mut a = Alternatives {
            simplified: Default::default(),
            forms: Default::default(),
        };
        while let (Some(cp), Some(flags), Some(n)) = (words.next(), words.next(), words.next()) {
            let forms: Vec<char> = words.by_ref().take(n as usize).filter_map(char::from_u32).collect();
            let Some(c) = char::from_u32(cp) else { continue };
            if flags & 1 == 1 {
                a.simplified.insert(c);
            }
            if !forms.is_empty() {
                a.forms.insert(c, forms);
            }
        }
        a
    })
}

/// The alternatives of query term `raw` (see the module documentation): its fold, and, when the
/// term has a Simplified character, every string its characters' Traditional forms make, in
/// order (the fold first, then the others sorted, duplicates removed).
pub fn term_forms(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut src = Vec::new();
    fold_into(raw, &mut out, Some(&mut src));
    let folded: String = out.iter().collect();
    let alts = alternatives();
    if out.is_empty() || !raw.chars().any(|c| alts.simplified.contains(&c)) {
        return vec![folded];
    }
    let chars: Vec<char> = raw.chars().collect();
    let mut all = vec![String::new()];
    for (j, &c) in out.iter().enumerate() {
        let set: &[char] = match alts.forms.get(&chars[src[j] as usize]) {
            Some(f) if c != ' ' => f,
            _ => std::slice::from_ref(&out[j]),
        };
        all = all
            .iter()
            .flat_map(|p| set.iter().map(move |&x| format!("{p}{x}")))
            .collect();
    }
    all.sort();
    all.dedup();
    all.retain(|a| *a != folded);
    all.insert(0, folded);
    all
}

/// One bit per code point of [`BITMAP_CJK`], set when the character folds to itself but has
/// several Traditional forms (`搜`: 搜, 蒐): a Simplified query needs its fold table page, which
/// lists the forms, though a Traditional query does not.
pub(crate) fn alt_bitmap() -> Vec<u8> {
    let t = table();
    let a = alternatives();
    let (first, last) = BITMAP_CJK;
    let mut bits = vec![0u8; ((last - first) / 8 + 1) as usize];
    for (&c, _) in a
        .forms
        .range(char::from_u32(first).unwrap_or('\0')..=char::from_u32(last).unwrap_or('\0'))
    {
        if t.mapping(c).is_none() {
            let i = (c as u32 - first) as usize;
            bits[i / 8] |= 1 << (i % 8);
        }
    }
    bits
}

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
        // The page's Simplified characters and the forms of those with several (keys of more
        // than one character, so they never clash with a character's entry).
        let a = alternatives();
        let (lo, hi) = (page << 10, ((page + 1) << 10) - 1);
        let in_page = |c: &char| (lo..=hi).contains(&(*c as u32));
        let simp: String = a.simplified.iter().filter(|c| in_page(c)).collect();
        let forms: serde_json::Map<String, serde_json::Value> = a
            .forms
            .iter()
            .filter(|(c, _)| in_page(c))
            .map(|(c, f)| (c.to_string(), serde_json::Value::String(f.iter().collect())))
            .collect();
        if !simp.is_empty() {
            obj.insert("simp".into(), serde_json::Value::String(simp));
        }
        if !forms.is_empty() {
            obj.insert("alts".into(), serde_json::Value::Object(forms));
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
    fn simplified_terms_stand_for_every_traditional_form() {
        let has = |q: &str, t: &str| term_forms(q).contains(&t.to_string());
        assert!(has("报请公鉴", "報請公鑒") && has("报请公鉴", "報請公鑑"));
        assert!(has("搜集类", "蒐集類") && has("搜集类", "搜集類"));
        assert!(has("汇整", "彙整") && has("汇整", "匯整"));
        assert!(has("签奉", "簽奉"));
        assert_eq!(term_forms("报请公鉴")[0], fold("报请公鉴"));
        // Traditional terms are what they say.
        assert_eq!(term_forms("搜集"), vec!["搜集"]);
        assert_eq!(term_forms("報請公鑒"), vec!["報請公鑒"]);
        assert_eq!(term_forms("彙整"), vec!["彙整"]);
        assert_eq!(term_forms("AI 產業化"), vec![fold("AI 產業化")]);
    }

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

    /// OpenCC's TWVariants pairs fold together, for every query (峯/峰, 爲/為, 衆/眾, 啓/啟, 羣/群);
    /// pairs that table lacks (鑒/鑑, 綫/線, 蒐/搜) stay apart for a Traditional query and are
    /// joined only by a Simplified one (鉴, 线, 搜集类), whose forms include both.
    #[test]
    fn taiwan_variants() {
        for (variant, standard) in [("峯", "峰"), ("爲", "為"), ("衆", "眾"), ("啓", "啟"), ("羣", "群")] {
            assert_eq!(fold(variant), standard);
            assert_eq!(term_forms(variant), vec![standard.to_string()]);
        }
        for (a, b) in [("鑒", "鑑"), ("綫", "線"), ("蒐", "搜")] {
            assert_ne!(fold(a), fold(b));
        }
        let forms = |q: &str| term_forms(q);
        assert!(forms("鉴").contains(&"鑒".to_string()) && forms("鉴").contains(&"鑑".to_string()));
        assert!(forms("线").contains(&"綫".to_string()) && forms("线").contains(&"線".to_string()));
        assert!(forms("搜集类").contains(&"蒐集類".to_string()));
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
