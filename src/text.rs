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
