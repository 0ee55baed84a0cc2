//! A record's front-matter facts that its page shows (location, chair, recorder, attendees) are
//! searchable: a built site's index, queried with the real search.js under node, finds a record
//! by a chair or a place named only in its front-matter, and no other record.

#[test]
fn front_matter_facts_are_searchable() {
    if !crate::support::node_or_skip("search facts test") {
        return;
    }
    let site = crate::support::bundled_site();
    crate::support::write(
        site.path(),
        "content/2024/executive-21.md",
        "---\ntitle: 第21次主管會議紀錄\nseries: 主管會議\nnumber: 21\ndate: 2024-10-21\n\
         location: 寶慶辦公室三樓\nchair: 唐部長鳳\nrecorder: 李小華\n\
         attendees: [王司長大明, 陳處長小美（公差）]\n---\n\n## 壹、報告事項\n\n洽悉。\n",
    );
    let out = crate::support::build_ok(site.path());
    let queries = [
        "唐部長鳳",
        "寶慶辦公室",
        "李小華",
        "陳處長小美",
        "王司長大明 寶慶",
        "唐部長鳳 黃部長彥男",
    ];
    let hits: std::collections::BTreeMap<String, Vec<String>> = crate::support::search_hits(&out, &queries)
        .into_iter()
        .map(|(q, h)| (q, h.into_iter().map(|(_, url)| url).collect()))
        .collect();
    let r21 = "/minutes/2024/executive-21/".to_string();
    for q in &queries[..5] {
        assert_eq!(hits[*q], vec![r21.clone()], "{q}");
    }
    // Both chairs are facts, of two records: no record has both.
    assert_eq!(hits["唐部長鳳 黃部長彥男"], Vec::<String>::new());
}

/// Facts, table cells, list items and paragraphs are separate texts to the index: a query that
/// only occurs across two of them (the end of one, the start of the next) finds nothing, while
/// each text's own substrings are found (issue 21: `會議主` matched "地點：視訊會議" followed by
/// "主席：…", `會議為` matched two table cells).
#[test]
fn no_match_spans_two_texts() {
    if !crate::support::node_or_skip("search boundaries test") {
        return;
    }
    let site = crate::support::bundled_site();
    crate::support::write(
        site.path(),
        "content/2024/executive-22.md",
        "---\ntitle: 第22次主管會議紀錄\nseries: 主管會議\nnumber: 22\ndate: 2024-10-28\n\
         location: 視訊會議\nchair: 甲乙丙\n---\n\n## 壹、報告事項\n\n\
         | 案由 | 說明 |\n|---|---|\n| 召開審查會議 | 為加強管考 |\n\n\
         - 第一項戊己\n- 庚辛第二項\n\n段落之末子丑\n\n寅卯段落之首\n",
    );
    let out = crate::support::build_ok(site.path());
    let r22 = "/minutes/2024/executive-22/".to_string();
    let within = [
        "視訊會議",
        "甲乙丙",
        "召開審查會議",
        "為加強管考",
        "第一項戊己",
        "庚辛第二項",
        "段落之末子丑",
        "寅卯段落之首",
    ];
    let across = [
        "會議甲乙",
        "議甲",
        "會議為",
        "議為加",
        "戊己庚",
        "己庚",
        "子丑寅",
        "丑寅",
        "報告事項召開",
        "案由說明",
    ];
    let queries: Vec<&str> = within.iter().chain(across.iter()).copied().collect();
    let hits = crate::support::search_hits(&out, &queries);
    for q in within {
        let urls: Vec<&String> = hits[q].iter().map(|(_, u)| u).collect();
        assert!(urls.contains(&&r22), "{q} should find the record, got {urls:?}");
    }
    for q in across {
        let urls: Vec<&String> = hits[q].iter().map(|(_, u)| u).collect();
        assert!(
            !urls.contains(&&r22),
            "{q} spans two texts and must not find the record"
        );
    }
}
