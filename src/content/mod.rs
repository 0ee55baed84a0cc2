//! Content: finds the records under `content/`, reads them as UTF-8, splits and validates their
//! front-matter. What a record *says* (agenda items, decisions, units) is the `minutes` module's.

pub mod frontmatter;
pub mod record;

use std::path::{Path, PathBuf};

use crate::diagnostics::{line_col, Diagnostic};

pub const CONTENT_DIR: &str = "content";

/// Every `*.md` file under `<root>/content`, as paths relative to `root`, sorted.
pub fn discover(root: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let dir = root.join(CONTENT_DIR);
    if !dir.is_dir() {
        return Err(Diagnostic::error(CONTENT_DIR, 0, 0, "there is no content folder")
            .with_help("create content/ and put one Markdown file per meeting in it (minutebook new writes one)"));
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name().follow_links(false) {
        let entry =
            entry.map_err(|e| Diagnostic::error(CONTENT_DIR, 0, 0, format!("cannot read the content folder: {e}")))?;
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "md") {
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
            files.push(rel);
        }
    }
    files.sort();
    Ok(files)
}

/// Read a file as UTF-8; a file that is not UTF-8 is an error at the first bad byte.
pub fn read_utf8(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(root.join(rel))
        .map_err(|e| Diagnostic::error(rel, 0, 0, format!("cannot read the file: {e}")))?;
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..good]).into_owned();
            let (line, column) = line_col(&prefix, prefix.len());
            Err(Diagnostic::error(rel, line, column, "the file is not valid UTF-8")
                .with_help("save the file as UTF-8 (most editors: Save with Encoding → UTF-8); Big5 files must be converted first"))
        }
    }
}
