//! The query rules the README states under "Search", checked with the real search.js (under
//! node) against a small index: unquoted spaces separate terms that must all appear, quotes make
//! a phrase folded as the text is, punctuation stands for a separator.

use minutebook::search::parse_query;

#[test]
fn spaces_separate_terms_and_quotes_make_phrases() {
    // The parsed terms, as the README describes them.
    assert_eq!(parse_query("AI 產業化"), vec!["ai", "產業化"]);
    assert_eq!(parse_query("\"AI 產業化\""), vec!["ai產業化"]);
    assert_eq!(parse_query("「數位 皮夾」"), vec!["數位皮夾"]);
    assert_eq!(parse_query("\"new york\""), vec!["new york"]);
    assert_eq!(parse_query("COVID-19"), vec!["covid 19"]);
    if !crate::support::node_or_skip("search query rules test") {
        return;
    }
    let texts = [
        "推動AI產業化。",           // 0
        "推動 AI 產業化。",         // 1
        "AI 應用與產業化並進。",    // 2: both terms, not together
        "AI、產業化",               // 3: punctuation between them
        "數位皮夾與 New York 會議", // 4
        "newyork、COVID19",         // 5
        "COVID-19 防疫",            // 6
    ];
    let dir = crate::support::index_in_temp_dir(&crate::support::text_docs(&texts));
    let queries = [
        "AI 產業化",
        "\"AI 產業化\"",
        "AI產業化",
        "\"AI、產業化\"",
        "「數位 皮夾」",
        "\"new york\"",
        "newyork",
        "COVID-19",
        "\"COVID 19\"",
    ];
    let got = crate::support::search_hits(dir.path(), &queries);
    let want: [(&str, &[u64]); 9] = [
        // Two terms, each anywhere in the record.
        ("AI 產業化", &[0, 1, 2, 3]),
        // A phrase: the space next to a CJK character is folded away on both sides.
        ("\"AI 產業化\"", &[0, 1]),
        ("AI產業化", &[0, 1]),
        // Punctuation stands for a separator, which the text must have too.
        ("\"AI、產業化\"", &[3]),
        ("「數位 皮夾」", &[4]),
        // Between two Latin words a space is kept: a separator must be there.
        ("\"new york\"", &[4]),
        ("newyork", &[5]),
        ("COVID-19", &[6]),
        ("\"COVID 19\"", &[6]),
    ];
    for (q, hits) in want {
        let mut ids: Vec<u64> = got[q].iter().map(|(r, _)| *r).collect();
        ids.sort();
        assert_eq!(ids, hits, "{q}");
    }
}

/// A term that is the name of a property every JavaScript object has ("constructor") is a term
/// like any other: it is neither dropped nor taken for a duplicate.
#[test]
fn object_property_names_are_terms() {
    assert_eq!(parse_query("AI constructor"), vec!["ai", "constructor"]);
    if !crate::support::node_or_skip("search query rules test") {
        return;
    }
    let texts = ["AI 與 constructor 合約", "AI 產業化"];
    let dir = crate::support::index_in_temp_dir(&crate::support::text_docs(&texts));
    let got = crate::support::search_hits(dir.path(), &["constructor", "AI constructor", "hasOwnProperty"]);
    for (q, hits) in [
        ("constructor", &[0u64][..]),
        ("AI constructor", &[0]),
        ("hasOwnProperty", &[]),
    ] {
        let ids: Vec<u64> = got[q].iter().map(|(r, _)| *r).collect();
        assert_eq!(ids, hits, "{q}");
    }
}
