//! The import benchmark (`minutebook-bench import`): how long `minutebook import` takes to read
//! a document of each format, measured in process on real documents kept in the repository —
//! the bundled record (23 pages as a PDF) as .txt, .docx, .odt and .pdf
//! (tests/fixtures/import/moda-executive-4, made by scripts/corpus-formats.py) and the same record
//! five times over as one PDF of over 100 pages (bench/documents/seed-x5.pdf, made by
//! scripts/bench-documents.py). Budgets (issue 17): a 20-page document of any format under 1 s,
//! a 100-page PDF under 3 s.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use minutebook::import::{import_file, ImportRegistry};

/// One document measured.
#[derive(Debug, Clone)]
pub struct ImportRow {
    pub document: String,
    pub format: &'static str,
    /// Pages as a PDF (the PDF's own count for a .pdf; the same record's PDF for the others).
    pub pages: usize,
    pub median: Duration,
    pub budget: Duration,
}

impl ImportRow {
    pub fn within_budget(&self) -> bool {
        self.median <= self.budget
    }
}

/// The repository checkout this benchmark belongs to.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench/ is inside the repository")
        .to_path_buf()
}

/// Import each document `runs` times and take the median.
pub fn measure(repo: &Path, runs: usize) -> Result<Vec<ImportRow>, String> {
    let fixture = |p: &str| repo.join(p);
    let docs: [(&str, &'static str, PathBuf, u64); 5] = [
        ("第4次主管會議紀錄", "txt", fixture("tests/fixtures/import/seed.txt"), 1),
        (
            "第4次主管會議紀錄",
            "docx",
            fixture("tests/fixtures/import/moda-executive-4/source.docx"),
            1,
        ),
        (
            "第4次主管會議紀錄",
            "odt",
            fixture("tests/fixtures/import/moda-executive-4/source.odt"),
            1,
        ),
        (
            "第4次主管會議紀錄",
            "pdf",
            fixture("tests/fixtures/import/moda-executive-4/source.pdf"),
            1,
        ),
        ("第4次主管會議紀錄 ×5", "pdf", fixture("bench/documents/seed-x5.pdf"), 3),
    ];
    let registry = ImportRegistry::default();
    let pdf_pages = |notes: &[String]| {
        notes.iter().find_map(|n| {
            n.strip_prefix("read the text layer of ")
                .and_then(|r| r.split_whitespace().next())
                .and_then(|n| n.parse::<usize>().ok())
        })
    };
    let mut rows = Vec::new();
    let mut single_pages = 0;
    for (document, format, path, budget_s) in docs {
        let mut times = Vec::with_capacity(runs.max(1));
        let mut pages = None;
        for _ in 0..runs.max(1) {
            let start = Instant::now();
            let imported = import_file(&path, &registry).map_err(|e| e.to_string())?;
            times.push(start.elapsed());
            pages = pdf_pages(&imported.notes);
        }
        times.sort();
        let pages = match pages {
            Some(p) => {
                if budget_s == 1 {
                    single_pages = p;
                }
                p
            }
            None => 0,
        };
        rows.push(ImportRow {
            document: document.to_string(),
            format,
            pages,
            median: times[times.len() / 2],
            budget: Duration::from_secs(budget_s),
        });
    }
    // The .txt, .docx and .odt are the record the 23-page PDF was printed from.
    for r in &mut rows {
        if r.pages == 0 {
            r.pages = single_pages;
        }
    }
    Ok(rows)
}

/// The figures as a Markdown table.
pub fn table(rows: &[ImportRow]) -> String {
    let mut out =
        String::from("| document | format | pages | import (median) | budget |\n| --- | --- | ---: | ---: | --- |\n");
    for r in rows {
        out.push_str(&format!(
            "| {} | .{} | {} | {:.0} ms | {} s {} |\n",
            r.document,
            r.format,
            r.pages,
            r.median.as_secs_f64() * 1000.0,
            r.budget.as_secs(),
            if r.within_budget() { "✓" } else { "over" }
        ));
    }
    out
}
