//! The fuzz targets' bodies: each takes arbitrary bytes, runs one reader of untrusted input, and
//! panics only when a property the project promises is broken. `fuzz/` (cargo-fuzz, run by
//! `scripts/fuzz.sh`) feeds them; the test below runs each over its seed corpus in `fuzz/seeds/`,
//! so every target is compiled and exercised by the ordinary test suite.

use std::path::Path;

/// A fuzz target: its name (that of `fuzz/fuzz_targets/<name>.rs`), its body, and where its
/// seeds are — folders of the repository searched for files ending in the given suffix. Real
/// files of the repository (the bundled content, the test fixtures, the corpus of real minutes)
/// are the seeds; `fuzz/seeds/<name>/` holds only the probe's payloads. The fuzz crate's
/// `seeds` binary copies them into `fuzz/corpus/<name>/` for `scripts/fuzz.sh`.
pub struct Target {
    pub name: &'static str,
    pub run: fn(&[u8]),
    pub seeds: &'static [(&'static str, &'static str)],
}

pub const TARGETS: &[Target] = &[
    Target {
        name: "front_matter",
        run: front_matter,
        seeds: &[
            ("content", ".md"),
            ("tests/fixtures", ".md"),
            ("fuzz/seeds/front_matter", ""),
        ],
    },
    Target {
        name: "record",
        run: record,
        seeds: &[
            ("content", ".md"),
            ("tests/fixtures/workflow", ".md"),
            ("fuzz/seeds/record", ""),
        ],
    },
    Target {
        name: "import_txt",
        run: import_txt,
        seeds: &[("tests/fixtures/import", ".txt"), ("tests/corpus", "source.txt")],
    },
    Target {
        name: "import_docx",
        run: import_docx,
        seeds: &[("tests/fixtures/import", ".docx")],
    },
    Target {
        name: "import_odt",
        run: import_odt,
        seeds: &[("tests/fixtures/import", ".odt")],
    },
    Target {
        name: "import_pdf",
        run: import_pdf,
        seeds: &[("tests/fixtures/import", ".pdf")],
    },
    Target {
        name: "search_query",
        run: search_query,
        seeds: &[("fuzz/seeds/search_query", "")],
    },
    Target {
        name: "serve_path",
        run: serve_path,
        seeds: &[("fuzz/seeds/serve_path", "")],
    },
];

/// The seed files of `target` under the repository `root`, sorted.
pub fn seed_files(root: &Path, target: &Target) -> Vec<std::path::PathBuf> {
    let mut out: Vec<std::path::PathBuf> = target
        .seeds
        .iter()
        .flat_map(|(dir, suffix)| {
            walkdir::WalkDir::new(root.join(dir))
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .filter(move |e| e.file_name().to_string_lossy().ends_with(suffix))
                .map(|e| e.into_path())
        })
        .collect();
    out.sort();
    out
}

/// Front-matter: any text is parsed or refused with a position inside the text.
pub fn front_matter(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // As `content::read_utf8` reads a record: a lone CR is a line end, as YAML and editors take
    // it, so the parser's lines are the file's.
    let text = &crate::content::normalize_lone_cr(text.to_owned());
    if let Err(e) = crate::content::frontmatter::parse(text) {
        let lines = text.split('\n').count();
        assert!(e.line <= lines + 1, "error at line {} of a {lines}-line text", e.line);
    }
}

/// A record body through Markdown and the minutes model: the page HTML holds only the
/// elements and attributes of the allow-list (no script, no event handler, no style from
/// content), whatever the Markdown.
pub fn record(data: &[u8]) {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let units = crate::config::Registry::default();
    let rendered = crate::markdown::render(body, 1, &|h| crate::minutes::preferred_id(h, &units));
    let bad = crate::markdown::allowlist::violations(&rendered.html);
    assert!(bad.is_empty(), "not allowed in a page: {bad:?}\n{}", rendered.html);
    let matcher = crate::minutes::UnitMatcher::new(&units);
    let _ = crate::minutes::analyse(Path::new("content/fuzz.md"), body, &rendered, &units, &matcher);
}

/// The importer on a file of the given extension. Whatever it reads, the record it writes is a
/// record: its front-matter parses (the importer's own output never fails `check` for YAML).
fn import_as(ext: &str, data: &[u8]) {
    let dir = std::env::temp_dir().join(format!("minutebook-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("input.{ext}"));
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let registry = crate::import::ImportRegistry::default();
    if let Ok(imported) = crate::import::import_file(&path, &registry) {
        if let Err(e) = crate::content::frontmatter::parse(&imported.markdown) {
            panic!(
                "the imported record does not parse at {}:{}: {}\n{}",
                e.line, e.column, e.message, imported.markdown
            );
        }
    }
}

pub fn import_txt(data: &[u8]) {
    import_as("txt", data);
}

pub fn import_docx(data: &[u8]) {
    import_as("docx", data);
}

pub fn import_odt(data: &[u8]) {
    import_as("odt", data);
}

pub fn import_pdf(data: &[u8]) {
    import_as("pdf", data);
}

/// The search query parser: every form of every term is non-empty.
pub fn search_query(data: &[u8]) {
    let q = String::from_utf8_lossy(data);
    for forms in crate::search::parse_query_forms(&q) {
        assert!(!forms.is_empty() && forms.iter().all(|f| !f.is_empty()), "{forms:?}");
    }
}

/// The preview server's request paths: a key it serves never climbs out of the output, never
/// holds a backslash, NUL or drive colon, and is never absolute.
pub fn serve_path(data: &[u8]) {
    let raw = String::from_utf8_lossy(data);
    if let crate::serve::http::Target::Key { key, .. } = crate::serve::http::normalise(&raw) {
        assert!(!key.starts_with('/'), "{key}");
        assert!(!key.contains(['\\', '\0', ':']), "{key}");
        assert!(key.split('/').all(|s| !s.is_empty() && s != "." && s != ".."), "{key}");
    }
}

#[cfg(test)]
mod tests {
    /// Each target over its seed corpus: the seeds are real inputs (fixtures of the test suite,
    /// the bundled record, payloads of the security probe), so this is a smoke run of the fuzz
    /// targets in every `cargo test`.
    #[test]
    fn every_target_holds_on_its_seeds() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for target in super::TARGETS {
            let files = super::seed_files(root, target);
            assert!(!files.is_empty(), "no seeds for {}", target.name);
            for p in files {
                (target.run)(&std::fs::read(&p).unwrap());
            }
        }
    }
}
