//! Runs every real document of `tests/corpus/` through the importer's text path and the minutes
//! model, scores the agenda items and decisions it finds against the hand-verified
//! `expected.yaml` beside each document, prints a per-document table, and fails below 95 % or on
//! any item the document does not have.

use std::path::Path;

use minutebook::config::Registry;
use minutebook::import::{import_text, ImportRegistry};
use minutebook::minutes::{read, AgendaItem, UnitMatcher};

#[derive(serde::Deserialize)]
struct Expected {
    body: String,
    items: Vec<ExpectedItem>,
}

#[derive(serde::Deserialize)]
struct ExpectedItem {
    label: String,
    kind: String,
    title: String,
    #[serde(default)]
    decision_label: Option<String>,
    /// The decision's first characters; absent when the item has none of its own.
    #[serde(default)]
    decision: Option<String>,
    /// The decision's last characters, where a reader must see where it ends (text after it, the
    /// chair's remarks or speech, is not the decision); checked when given.
    #[serde(default)]
    decision_end: Option<String>,
    /// People the item names, as `role: name` (proposer, mover, seconder, reporter); checked
    /// when given.
    #[serde(default)]
    people: Option<Vec<String>>,
    /// Units the item names (their slugs, with no registry: the names' own); checked when given.
    #[serde(default)]
    units: Option<Vec<String>>,
}

/// An item's title without the label it starts with (`案由一：…` as a heading, `案由：…` after a
/// number): headings keep their whole text as the title, paragraphs the text after the label.
fn bare_title(item: &AgendaItem) -> &str {
    bare_expected(&item.title)
}

fn bare_expected(title: &str) -> &str {
    match title.split_once(['：', ':']) {
        Some((head, rest)) if is_label_head(head) => rest.trim_start(),
        _ => title,
    }
}

fn is_label_head(head: &str) -> bool {
    let h: String = head.chars().filter(|c| !c.is_whitespace()).collect();
    h.starts_with("案由") || h.starts_with("案名") || h.starts_with("提案") || h.starts_with("臨時動議")
}

/// The text of an HTML fragment as a reader sees it: tags dropped, `<br>` and paragraph ends
/// as line breaks, the common entities decoded (and a dump's literal `\n` escapes as breaks).
fn html_text(html: &str) -> String {
    let s = html.replace("\\n", "\n").replace("\\\"", "\"");
    let mut out = String::new();
    let mut rest = s.as_str();
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = rest[lt + 1..lt + gt].to_ascii_lowercase();
        if tag.starts_with("br") || tag.starts_with("/p") {
            out.push('\n');
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(rest);
    out.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The source of a corpus document as the importer's text path takes it (a hand-written
/// `source.md` is read as a record instead, see [`read_items`]).
fn source_text(dir: &Path) -> String {
    for (name, html) in [("source.txt", false), ("source.md", false), ("source.html", true)] {
        if let Ok(t) = std::fs::read_to_string(dir.join(name)) {
            return if html { html_text(&t) } else { t };
        }
    }
    panic!("{}: no source.txt, source.md or source.html", dir.display());
}

/// The items the model reads from a document imported with no registry: those of every record
/// the import gives (one for each sitting of a file that holds several), in the order of the file.
fn read_items(dir: &Path) -> Vec<AgendaItem> {
    // Minutes a body wrote by hand in Markdown (`source.md`) are a record as they stand: read
    // directly, their own front matter (a site generator's) set aside, as a record written so is.
    if let Ok(md) = std::fs::read_to_string(dir.join("source.md")) {
        return record_items(dir, &md);
    }
    let imported = import_text(&source_text(dir), &ImportRegistry::default());
    imported
        .records()
        .flat_map(|r| record_items(dir, &r.markdown))
        .collect()
}

/// The items the model reads from one imported record.
fn record_items(dir: &Path, md: &str) -> Vec<AgendaItem> {
    // The body starts after the front-matter's closing `---`.
    let (body, body_line) = match md.strip_prefix("---\n").and_then(|r| r.find("\n---\n").map(|e| (r, e))) {
        Some((r, e)) => {
            let fm_lines = r[..e].lines().count() + 2;
            (&r[e + 5..], fm_lines + 1)
        }
        None => (md, 1),
    };
    let reg = Registry::new(Vec::new());
    let (rendered, st, diags) = read(
        Path::new("corpus.md"),
        md,
        body,
        body_line,
        &reg,
        &UnitMatcher::new(&reg),
        &mut |_| {},
    );
    assert!(diags.is_empty(), "{}: {diags:?}", dir.display());
    // Every item can be linked to: its anchor is an id of the page, and no two items share one.
    for (i, a) in st.agenda.iter().enumerate() {
        assert!(
            rendered.html.contains(&format!("id=\"{}\"", a.anchor)),
            "{}: {} has anchor {:?}, not an id of the page",
            dir.display(),
            a.label,
            a.anchor
        );
        assert!(
            st.agenda[..i].iter().all(|b| b.anchor != a.anchor),
            "{}: {} shares the anchor {:?}",
            dir.display(),
            a.label,
            a.anchor
        );
    }
    st.agenda
}

#[test]
fn corpus_items_and_decisions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expected.yaml").is_file())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no corpus documents under {}", root.display());
    let (mut items_total, mut items_ok, mut dec_ok, mut invented_total) = (0, 0, 0, 0);
    // People and units given in expected.yaml that were read otherwise.
    let mut wrong_parts = 0;
    let mut report = format!(
        "{:<28} {:>7} {:>11} {:>9}  body\n",
        "document", "items", "decisions", "invented"
    );
    let mut problems = Vec::new();
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let exp: Expected = serde_saphyr::from_str(&std::fs::read_to_string(dir.join("expected.yaml")).unwrap())
            .unwrap_or_else(|e| panic!("{name}/expected.yaml: {e}"));
        let found = read_items(dir);
        // `CORPUS_DUMP=<document>` prints what was read from that document (and its imported text).
        // `CORPUS_DUMP=all` prints what was read from every document, to compare two readings.
        let dump = std::env::var("CORPUS_DUMP").unwrap_or_default();
        if dump == name || dump == "all" {
            if dump == name {
                for r in import_text(&source_text(dir), &ImportRegistry::default()).records() {
                    println!("--- imported ---\n{}", r.markdown);
                }
            }
            for f in &found {
                println!(
                    "{name}: {} [{:?}] {:?} | {}: {:?} | people {:?} | units {:?}",
                    f.label, f.kind, f.title, f.decision_label, f.decision, f.people, f.units
                );
            }
        }
        let (mut ok, mut dok) = (0, 0);
        // Each expected item is the first found item of its label not yet taken, so a label that
        // recurs (討論事項一 of each sitting in one 議事錄) is checked each time, in order.
        let mut taken = vec![false; found.len()];
        for e in &exp.items {
            let Some(i) = (0..found.len()).find(|&i| !taken[i] && found[i].label == e.label) else {
                problems.push(format!("{name}: {} not found", e.label));
                continue;
            };
            taken[i] = true;
            let f = &found[i];
            if f.kind.as_str() == e.kind && bare_title(f).starts_with(bare_expected(&e.title)) {
                ok += 1;
            } else {
                problems.push(format!("{name}: {} read as {:?} `{}`", e.label, f.kind, f.title));
            }
            if let Some(want) = &e.people {
                let got: Vec<String> = f.people.iter().map(|(r, n)| format!("{r}: {n}")).collect();
                if &got != want {
                    problems.push(format!("{name}: {} people read as {got:?}", e.label));
                    wrong_parts += 1;
                }
            }
            if let Some(want) = &e.units {
                let slugs: Vec<String> = want.iter().map(|u| minutebook::content::record::auto_slug(u)).collect();
                if f.units != slugs {
                    problems.push(format!("{name}: {} units read as {:?}", e.label, f.units));
                    wrong_parts += 1;
                }
            }
            let right = match &e.decision {
                Some(d) => {
                    f.decision.starts_with(d.as_str())
                        && e.decision_label.as_deref() == Some(f.decision_label)
                        && e.decision_end.as_deref().is_none_or(|end| f.decision.ends_with(end))
                }
                None => f.decision.is_empty(),
            };
            if right {
                dok += 1;
            } else {
                problems.push(format!(
                    "{name}: {} decision read as {}`{}`",
                    e.label, f.decision_label, f.decision
                ));
            }
        }
        let invented: Vec<_> = found.iter().zip(&taken).filter(|(_, &t)| !t).map(|(f, _)| f).collect();
        for f in &invented {
            problems.push(format!("{name}: invented item {} `{}`", f.label, f.title));
        }
        let n = exp.items.len();
        report.push_str(&format!(
            "{name:<28} {:>7} {:>11} {:>9}  {}\n",
            format!("{ok}/{n}"),
            format!("{dok}/{n}"),
            invented.len(),
            exp.body
        ));
        items_total += n;
        items_ok += ok;
        dec_ok += dok;
        invented_total += invented.len();
    }
    let pct = |a: usize| 100.0 * a as f64 / items_total.max(1) as f64;
    report.push_str(&format!(
        "{:<28} {:>7} {:>11} {:>9}  items {:.1} %, decisions {:.1} %\n",
        "total",
        format!("{items_ok}/{items_total}"),
        format!("{dec_ok}/{items_total}"),
        invented_total,
        pct(items_ok),
        pct(dec_ok)
    ));
    let mut bodies: Vec<String> = Vec::new();
    for dir in &dirs {
        let exp: Expected =
            serde_saphyr::from_str(&std::fs::read_to_string(dir.join("expected.yaml")).unwrap()).unwrap();
        if !bodies.contains(&exp.body) {
            bodies.push(exp.body);
        }
    }
    report.push_str(&format!("{} documents of {} bodies\n", dirs.len(), bodies.len()));
    println!("{report}");
    for p in &problems {
        println!("  {p}");
    }
    assert_eq!(invented_total, 0, "items invented:\n{}", problems.join("\n"));
    assert_eq!(wrong_parts, 0, "people or units read wrong:\n{}", problems.join("\n"));
    assert!(
        pct(items_ok) >= 95.0 && pct(dec_ok) >= 95.0,
        "below 95 %:\n{report}\n{}",
        problems.join("\n")
    );
}
