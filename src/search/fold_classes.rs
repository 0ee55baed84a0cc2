//! The fixed data of folding (character classes, extra variants, ignorable characters), shared
//! by the library and the package build script, which computes the per-character fold table from
//! it (`src/search/fold_gen.rs`), so that no process pays for building it from OpenCC at run time.

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

/// Highest code point the table covers; everything above folds to itself.
pub const TABLE_END: u32 = 0x30000;

/// The class of a code point, from [`CLASS_RANGES`].
pub fn class_slow(cp: u32) -> u8 {
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
