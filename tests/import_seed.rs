//! The seed minutes (第4次主管會議紀錄, copied out of a PDF) imported whole.

mod import_support;

use import_support::{missing_words, registry, report, split, strip_markdown, unreorder_motions};
use minutebook::import::import_text;

const SEED: &str = include_str!("fixtures/import/seed.txt");

#[test]
fn dump() {
    let imp = import_text(SEED, &registry());
    std::fs::write("/tmp/seed.md", &imp.markdown).unwrap();
    for w in &imp.warnings {
        eprintln!("{w}");
    }
    let (_, body) = split(&imp.markdown);
    let m = missing_words(SEED, &strip_markdown(&unreorder_motions(body)));
    eprintln!("{}", report(&m, SEED));
}
