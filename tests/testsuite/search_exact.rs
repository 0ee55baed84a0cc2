//! The search is exact at scale (issue 21): a Simplified query stands for every Traditional form
//! of its characters, a Traditional query only for what it says.

/// Queried with the real search.js under node, on a built site: `报请公鉴` finds both 報請公鑒
/// and 報請公鑑, `搜集类` finds 蒐集類, `汇整` 彙整, `签奉` 簽奉, while `報請公鑒` finds only
/// the record that writes 鑒 and `搜集` does not find 蒐集.
#[test]
fn simplified_queries_find_every_traditional_form() {
    if !crate::support::node_or_skip("search forms test") {
        return;
    }
    let site = crate::support::bundled_site();
    let rec = |n: u32, body: &str| {
        crate::support::write(
            site.path(),
            &format!("content/2024/executive-{n}.md"),
            &format!(
                "---\ntitle: 第{n}次主管會議紀錄\nseries: 主管會議\nnumber: {n}\ndate: 2024-11-{:02}\n---\n\n## 壹、報告事項\n\n{body}\n",
                n - 30
            ),
        );
        format!("/minutes/2024/executive-{n}/")
    };
    let a = rec(31, "本案報請公鑒，另請蒐集類似案例。");
    let b = rec(32, "本案報請公鑑，資料彙整後簽奉核定。");
    let out = crate::support::build_ok(site.path());
    let queries = [
        "报请公鉴",
        "搜集类",
        "汇整",
        "签奉",
        "報請公鑒",
        "報請公鑑",
        "搜集",
        "蒐集類",
    ];
    let hits = crate::support::search_hits(&out, &queries);
    let mine = |q: &str| -> Vec<String> {
        let mut v: Vec<String> = hits[q]
            .iter()
            .map(|(_, u)| u.clone())
            .filter(|u| *u == a || *u == b)
            .collect();
        v.sort();
        v
    };
    assert_eq!(mine("报请公鉴"), vec![a.clone(), b.clone()]);
    assert_eq!(mine("搜集类"), vec![a.clone()]);
    assert_eq!(mine("汇整"), vec![b.clone()]);
    assert_eq!(mine("签奉"), vec![b.clone()]);
    assert_eq!(mine("報請公鑒"), vec![a.clone()]);
    assert_eq!(mine("報請公鑑"), vec![b.clone()]);
    assert_eq!(mine("搜集"), Vec::<String>::new());
    assert_eq!(mine("蒐集類"), vec![a.clone()]);
}
