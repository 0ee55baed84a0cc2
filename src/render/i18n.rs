//! The theme's interface strings in Traditional Chinese (Taiwan) and English, chosen by the
//! site's `language`. Templates read them as `t.<key>`.

use std::collections::BTreeMap;

const ZH: &[(&str, &str)] = &[
    ("skip", "跳到主要內容"),
    ("home", "首頁"),
    ("search", "搜尋"),
    ("search_label", "搜尋會議紀錄"),
    ("search_button", "搜尋"),
    ("browse", "瀏覽"),
    ("latest", "最新會議紀錄"),
    ("by_year", "依年度"),
    ("by_series", "依會議"),
    ("by_unit", "依單位"),
    ("by_topic", "依主題"),
    ("years", "年度"),
    ("series", "會議"),
    ("units", "單位"),
    ("topics", "主題"),
    ("year", "年度"),
    ("unit", "單位"),
    ("topic", "主題"),
    ("date", "日期"),
    ("time", "時間"),
    ("location", "地點"),
    ("chair", "主席"),
    ("recorder", "紀錄"),
    ("attendees", "出席及列席人員"),
    ("number", "次別"),
    ("contents", "目錄"),
    ("agenda", "案由"),
    ("agenda_items", "報告案與提案"),
    ("unit_reports", "業務報告"),
    ("decision", "決定"),
    ("previous", "上一次會議"),
    ("next", "下一次會議"),
    ("records", "會議紀錄"),
    ("records_listing", "列為出席或負責單位的會議"),
    ("mentions", "僅於內文提及的會議"),
    ("all_mentions", "全部提及的會議"),
    ("count", "筆"),
    ("page", "頁"),
    ("page_of", "第 {n} 頁，共 {total} 頁"),
    ("prev_page", "上一頁"),
    ("next_page", "下一頁"),
    ("pagination", "分頁"),
    ("not_found", "找不到這個頁面"),
    (
        "not_found_text",
        "您要找的頁面不存在或已移動。請從首頁瀏覽，或使用搜尋。",
    ),
    ("feed", "訂閱（Atom）"),
    ("data", "開放資料"),
    ("none", "尚無資料"),
    ("roc", "民國"),
    ("gregorian", "西元"),
    ("reported_by", "報告單位"),
    ("in_record", "出自"),
    ("back_to_top", "回到頁首"),
    ("print", "列印"),
    ("main_nav", "主選單"),
    ("breadcrumb", "導覽路徑"),
    ("all_records", "全部會議紀錄"),
    ("published_by", "發布機關"),
    ("license", "授權"),
    ("accessibility", "無障礙"),
    ("filters", "篩選"),
    ("all", "全部"),
    ("sort", "排序"),
    ("sort_relevance", "相關程度"),
    ("sort_date", "日期（新到舊）"),
    ("search_placeholder", "例如：數位皮夾、零信任、113年8月"),
    ("search_help", "輸入多個詞以空白分隔，所有詞都須出現；以引號包住片語。"),
    (
        "search_needs_js",
        "搜尋需要瀏覽器啟用 JavaScript；您仍可依年度、會議、單位與主題瀏覽全部紀錄。",
    ),
];

const EN: &[(&str, &str)] = &[
    ("skip", "Skip to main content"),
    ("home", "Home"),
    ("search", "Search"),
    ("search_label", "Search the minutes"),
    ("search_button", "Search"),
    ("browse", "Browse"),
    ("latest", "Latest minutes"),
    ("by_year", "By year"),
    ("by_series", "By meeting series"),
    ("by_unit", "By unit"),
    ("by_topic", "By topic"),
    ("years", "Years"),
    ("series", "Meeting series"),
    ("units", "Units"),
    ("topics", "Topics"),
    ("year", "Year"),
    ("unit", "Unit"),
    ("topic", "Topic"),
    ("date", "Date"),
    ("time", "Time"),
    ("location", "Location"),
    ("chair", "Chair"),
    ("recorder", "Recorded by"),
    ("attendees", "Attendees"),
    ("number", "Number"),
    ("contents", "Contents"),
    ("agenda", "Agenda item"),
    ("agenda_items", "Agenda items"),
    ("unit_reports", "Unit reports"),
    ("decision", "Decision"),
    ("previous", "Previous meeting"),
    ("next", "Next meeting"),
    ("records", "Minutes"),
    ("records_listing", "Meetings that list this unit"),
    ("mentions", "Meetings that only mention it"),
    ("all_mentions", "All meetings that mention it"),
    ("count", "records"),
    ("page", "page"),
    ("page_of", "Page {n} of {total}"),
    ("prev_page", "Previous page"),
    ("next_page", "Next page"),
    ("pagination", "Pagination"),
    ("not_found", "Page not found"),
    (
        "not_found_text",
        "The page you are looking for does not exist or has moved. Browse from the home page, or search.",
    ),
    ("feed", "Subscribe (Atom)"),
    ("data", "Open data"),
    ("none", "Nothing yet"),
    ("roc", "ROC"),
    ("gregorian", "Gregorian"),
    ("reported_by", "Reported by"),
    ("in_record", "In"),
    ("back_to_top", "Back to top"),
    ("print", "Print"),
    ("main_nav", "Main"),
    ("breadcrumb", "Breadcrumb"),
    ("all_records", "All minutes"),
    ("published_by", "Published by"),
    ("license", "Licence"),
    ("accessibility", "Accessibility"),
    ("filters", "Filters"),
    ("all", "All"),
    ("sort", "Sort"),
    ("sort_relevance", "Relevance"),
    ("sort_date", "Date (newest first)"),
    ("search_placeholder", "e.g. 數位皮夾, 零信任, 113年8月"),
    (
        "search_help",
        "Separate words with spaces; every word must appear. Quote a phrase.",
    ),
    (
        "search_needs_js",
        "Search needs JavaScript; you can still browse every record by year, series, unit and topic.",
    ),
];

/// The strings for `language` (`en…` → English, anything else → Traditional Chinese).
pub fn strings(language: &str) -> BTreeMap<&'static str, &'static str> {
    let table = if language.to_ascii_lowercase().starts_with("en") {
        EN
    } else {
        ZH
    };
    table.iter().copied().collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_languages_have_every_key() {
        let zh: Vec<&str> = super::ZH.iter().map(|(k, _)| *k).collect();
        let en: Vec<&str> = super::EN.iter().map(|(k, _)| *k).collect();
        assert_eq!(zh, en);
    }
}
