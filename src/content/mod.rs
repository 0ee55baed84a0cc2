//! Content: finds the records under `content/`, reads them as UTF-8, splits and validates their
//! front-matter. What a record *says* (agenda items, decisions, units) is the `minutes` module's.

pub mod frontmatter;
pub mod record;

use std::path::{Path, PathBuf};

use crate::diagnostics::{line_col, Diagnostic};
use crate::messages::Msg;

pub const CONTENT_DIR: &str = "content";

/// Every `*.md` file under `<root>/content`, as paths relative to `root`, sorted.
pub fn discover(root: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    discover_all(root).map(|(files, _)| files)
}

/// [`discover`], plus the symbolic links found under content/ (relative to `root`, sorted). Links
/// are never followed — one could point outside the site, or at itself — so they are skipped,
/// and [`skipped_links`] says so once.
pub fn discover_all(root: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>), Diagnostic> {
    let dir = root.join(CONTENT_DIR);
    if !dir.is_dir() {
        return Err(Diagnostic::error(CONTENT_DIR, 0, 0, Msg::NoContentFolder).with_help(Msg::HelpCreateContent));
    }
    let mut files = Vec::new();
    let mut links = Vec::new();
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name().follow_links(false) {
        let entry = entry
            .map_err(|e| Diagnostic::error(CONTENT_DIR, 0, 0, Msg::ContentFolderUnreadable { error: e.to_string() }))?;
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        let rel = || entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
        if entry.file_type().is_symlink() {
            links.push(rel());
        } else if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "md") {
            files.push(rel());
        }
    }
    files.sort();
    links.sort();
    Ok((files, links))
}

/// One warning for all the symbolic links skipped under content/, naming the first few.
pub fn skipped_links(links: &[PathBuf]) -> Option<Diagnostic> {
    let first = links.first()?;
    let names: Vec<String> = links.iter().take(5).map(|p| crate::diagnostics::slashed(p)).collect();
    let message = if links.len() == 1 {
        crate::messages::Msg::SymlinkSkipped { link: names[0].clone() }
    } else {
        crate::messages::Msg::SymlinksSkipped {
            count: links.len(),
            first: names,
        }
    };
    Some(Diagnostic::warning(first, 0, 0, message).with_help(crate::messages::Msg::HelpCopyNotLink))
}

/// Read a file as UTF-8; a file that is not UTF-8 is an error at the first bad byte. Lone CR line
/// endings (classic Mac OS, some exporters) become LF, so a record saved that way reads as lines.
pub fn read_utf8(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(root.join(rel))
        .map_err(|e| Diagnostic::error(rel, 0, 0, Msg::FileUnreadable { error: e.to_string() }))?;
    utf8_text(rel, bytes)
}

/// The text of the file `rel` from its bytes ([`read_utf8`] after reading them): UTF-8, lone
/// CRs made line breaks; an error at the first byte that is not UTF-8.
pub fn utf8_text(rel: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    match crate::text::utf8_string(bytes) {
        Ok(s) => Ok(normalize_lone_cr(s)),
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..good]).into_owned();
            let (line, column) = line_col(&prefix, prefix.len());
            Err(Diagnostic::error(rel, line, column, Msg::NotUtf8).with_help(Msg::HelpSaveUtf8))
        }
    }
}

pub use crate::text::{is_unpublishable_control, replace_controls};

/// Turn every CR that is not followed by LF into LF; CRLF and LF are kept as they are. A lone CR
/// is a line break to every editor, so the lines (and the positions of diagnostics) stay the ones
/// the writer sees.
pub fn normalize_lone_cr(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_cr_line_endings_become_lf() {
        assert_eq!(normalize_lone_cr("a\rb\r\nc\n\r".into()), "a\nb\r\nc\n\n");
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("r.md"),
            "---\rtitle: 甲\rdate: 2024-09-11\r---\r# 一、報告事項\r",
        )
        .unwrap();
        let text = read_utf8(dir.path(), Path::new("r.md")).unwrap();
        let parsed = frontmatter::parse(&text).unwrap();
        assert_eq!(parsed.body, "# 一、報告事項\n");
        assert_eq!(parsed.body_line, 5);
    }
}
