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
