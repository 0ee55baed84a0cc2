//! Text rules every layer shares: which characters may be published.

/// Whether `c` is a control character that must not reach a page, feed or data file: C0 controls
/// other than tab, LF and CR (NUL among them), DEL, and the C1 controls. XML forbids most of
/// them outright, and HTML parsers treat them as errors.
pub fn is_unpublishable_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || ('\u{80}'..='\u{9f}').contains(&c)
}

/// The text with every [unpublishable control character](is_unpublishable_control) replaced by
/// U+FFFD (�), one for one, so lines and columns stay where the writer sees them and the place
/// stays visible on the page; `check` reports each one.
pub fn replace_controls(text: String) -> String {
    if !text.chars().any(is_unpublishable_control) {
        return text;
    }
    text.chars()
        .map(|c| if is_unpublishable_control(c) { '\u{FFFD}' } else { c })
        .collect()
}

/// `bytes` as a `String`. Validated with SIMD (simdutf8, several times faster than the standard
/// library's check on Chinese text, which every record, page and section text read back
/// passes through); when they are not UTF-8, the standard library's error, which says where.
pub fn utf8_string(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just checked that all of `bytes` is UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    String::from_utf8(bytes)
}

/// `bytes` as a `&str`, checked as [`utf8_string`] does.
pub fn utf8_str(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    if simdutf8::basic::from_utf8(bytes).is_ok() {
        // SAFETY: simdutf8 has just checked that all of `bytes` is UTF-8.
        return Ok(unsafe { std::str::from_utf8_unchecked(bytes) });
    }
    std::str::from_utf8(bytes)
}
