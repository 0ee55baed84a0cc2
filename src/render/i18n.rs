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
    ("attendees_only", "出席人員"),
    ("observers", "列席人員"),
    ("on_leave", "請假人員"),
    ("absent", "缺席人員"),
    ("number", "次別"),
    ("contents", "目錄"),
    ("agenda", "案由"),
    ("agenda_items", "報告案與提案"),
    ("unit_reports", "業務報告"),
    ("unit_reports_year", "{unit}：{year} 年業務報告"),
    ("unit_reports_years", "各年度業務報告"),
    ("unit_reports_latest", "，列出最近 {n} 筆"),
    ("decision", "決定"),
    ("resolution", "決議"),
    ("previous", "上一次會議"),
    ("next", "下一次會議"),
    ("records", "會議紀錄"),
    ("records_listing", "列為出席或負責單位的會議"),
    ("mentions", "僅於內文提及的會議"),
    ("all_mentions", "全部提及的會議"),
    ("count", "筆"),
    ("count_one", "筆"),
    ("agenda_count_one", "案由"),
    ("agenda_count_other", "案由"),
    ("menu", "選單"),
    ("full_text", "全文"),
    ("status_draft", "草稿"),
    (
        "status_draft_text",
        "本紀錄為草稿（draft: true），只在預覽（--drafts）中顯示，尚未發布。",
    ),
    ("status_scheduled", "預定發布"),
    (
        "status_scheduled_text",
        "本紀錄預定於 {date} 發布（publish_date），只因 --future 而顯示。",
    ),
    ("attachments", "附件及正式文件"),
    ("passages", "相關段落"),
    ("passages_more_one", "另有 {n} 處提及"),
    ("passages_more_other", "另有 {n} 處提及"),
    ("topic_before_heading", "紀錄開頭"),
    ("chart_unit", "各年度案由與業務報告件數"),
    ("chart_topic", "各年度會議紀錄與相關段落件數"),
    ("records_listing_other", "其他列此單位的會議"),
    ("decisions_summary", "本次會議決定"),
    ("no_decision", "（紀錄未載決定）"),
    ("kind_report", "報告"),
    ("kind_discussion", "討論"),
    ("kind_motion", "臨時動議"),
    ("kind_election", "選舉"),
    ("kind_other", "其他"),
    ("vote", "表決"),
    ("vote_present", "在場"),
    ("vote_for", "贊成"),
    ("vote_against", "反對"),
    ("vote_abstain", "棄權"),
    ("vote_passed", "通過"),
    ("vote_failed", "不通過"),
    ("vote_unit", "人"),
    ("page", "頁"),
    ("page_of", "第 {n} 頁，共 {total} 頁"),
    ("page_n", "第{n}頁"),
    ("prev_page", "上一頁"),
    ("next_page", "下一頁"),
    ("pagination", "分頁"),
    ("not_found", "找不到這個頁面"),
    ("followups", "列管事項"),
    ("followup", "列管事項"),
    ("followups_closed", "已解除列管事項"),
    ("followups_withdrawn", "已撤銷列管事項"),
    ("followup_given", "交辦"),
    ("followups_counts", "各狀態件數"),
    ("followups_open_by_unit", "列管中事項（依主辦單位，期限近者在前）"),
    ("followups_overdue", "逾期"),
    ("followups_overdue_count", "逾期件數"),
    ("followups_due", "完成期限"),
    ("followups_no_due", "未訂期限"),
    ("followups_status", "狀態"),
    ("status_open", "繼續列管"),
    ("status_extended", "展延"),
    ("status_closed", "解除列管"),
    ("status_self_tracked", "自行列管"),
    ("status_withdrawn", "撤銷"),
    ("status_merged", "併案"),
    ("followups_given_at", "交辦會議"),
    ("followups_timeline", "追蹤歷程"),
    ("followups_current", "目前狀態"),
    ("followups_item", "案由"),
    ("followups_owners", "主辦單位"),
    ("followups_text", "指示事項"),
    ("followups_note", "辦理情形"),
    ("followups_of_meeting", "本次會議列管事項"),
    ("followups_unit_open", "本單位列管中事項"),
    ("followups_unit_title", "{unit}：列管中事項"),
    ("followups_unit_soonest", "，列出期限最近 {n} 筆"),
    ("followups_unit_all", "全部 {n} 筆列管中事項"),
    ("followups_n_open", "列管中 {n} 筆"),
    ("followups_n_overdue", "逾期 {n} 筆"),
    ("followups_n_released", "已解除或自行列管 {n} 筆"),
    ("followups_n_withdrawn", "撤銷 {n} 筆"),
    ("followups_first_seen", "本站最早見於此次會議之追蹤列管表"),
    ("followups_merged_into", "併入"),
    ("followups_as_of", "逾期以本站最新一次會議日期計"),
    ("followups_feed", "列管事項狀態變更訂閱（Atom）"),
    ("followups_no_unit", "未列主辦單位"),
    ("followups_all", "全部列管事項"),
    ("followups_none_open", "目前沒有列管中事項。"),
    ("followups_id", "編號"),
    ("followups_meeting", "會議"),
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
    ("search_query", "關鍵字"),
    (
        "search_help",
        "以空白分隔多個詞，所有詞都須出現；以引號 \"…\" 或「…」搜尋完整詞組。繁簡字、全形半形、臺/台視為相同。",
    ),
    ("search_all_units", "全部單位"),
    ("search_all_topics", "全部主題"),
    ("search_all_series", "全部會議"),
    ("search_all_years", "全部年度"),
    ("search_followups", "列管事項"),
    ("search_followups_any", "不限（紀錄與列管事項）"),
    ("search_followups_open", "列管中"),
    ("search_followups_closed", "已解除、自行列管、併案或撤銷"),
    (
        "search_needs_js",
        "搜尋需要瀏覽器啟用 JavaScript；您仍可依年度、會議、單位與主題瀏覽全部紀錄。",
    ),
    ("search_count_one", "找到 {n} 筆紀錄"),
    ("search_count_other", "找到 {n} 筆紀錄"),
    ("search_no_results", "找不到符合的紀錄"),
    ("search_more", "顯示更多"),
    ("search_loading", "搜尋中…"),
    ("search_failed", "搜尋失敗：{error}"),
    ("search_hit_date", "{roc}（{date}）"),
    ("search_alias_offer", "{typed} = {names}："),
    ("search_alias_also", "也搜尋"),
    ("search_alias_active", "已一併搜尋 {names}。"),
    ("search_alias_only", "只搜尋 {typed}"),
    ("search_alias_sep", "、"),
    (
        "data_intro",
        "本站會議紀錄以開放資料提供，可自由下載、再利用。檔案皆為 UTF-8 編碼。",
    ),
    ("data_files", "資料檔案"),
    ("data_file", "檔案"),
    ("data_format", "格式"),
    ("data_description", "說明"),
    ("data_schema", "資料結構"),
    ("data_csv_columns", "decisions.csv 欄位說明"),
    ("data_column", "欄位"),
    ("data_feeds", "訂閱與網站地圖"),
    (
        "data_feeds_text",
        "全站及每一單位、主題、會議皆有 Atom 訂閱，網址為該頁網址加上 atom.xml。",
    ),
    // Punctuation around values in templates: full-width in Chinese, ASCII with spaces in English.
    ("paren_open", "（"),
    ("paren_close", "）"),
    ("colon", "："),
    ("list_sep", "、"),
    ("gap", "　"),
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
    ("attendees_only", "Present"),
    ("observers", "Also present"),
    ("on_leave", "On leave"),
    ("absent", "Absent"),
    ("number", "Number"),
    ("contents", "Contents"),
    ("agenda", "Agenda item"),
    ("agenda_items", "Agenda items"),
    ("unit_reports", "Unit reports"),
    ("unit_reports_year", "{unit}: unit reports of {year}"),
    ("unit_reports_years", "Unit reports by year"),
    ("unit_reports_latest", ", the latest {n} listed"),
    ("decision", "Decision"),
    ("resolution", "Resolution"),
    ("previous", "Previous meeting"),
    ("next", "Next meeting"),
    ("records", "Minutes"),
    ("records_listing", "Meetings that list this unit"),
    ("mentions", "Meetings that only mention it"),
    ("all_mentions", "All meetings that mention it"),
    ("count", "records"),
    ("count_one", "record"),
    ("agenda_count_one", "agenda item"),
    ("agenda_count_other", "agenda items"),
    ("menu", "Menu"),
    ("full_text", "Full text"),
    ("status_draft", "Draft"),
    ("status_draft_text", "This record is a draft (draft: true), shown only in previews with --drafts; it is not published."),
    ("status_scheduled", "Scheduled"),
    ("status_scheduled_text", "This record is to be published on {date} (publish_date); it is shown only because of --future."),
    ("attachments", "Attachments and official documents"),
    ("passages", "Passages"),
    ("passages_more_one", "and {n} more passage"),
    ("passages_more_other", "and {n} more passages"),
    ("topic_before_heading", "Opening of the minutes"),
    ("chart_unit", "Agenda items and unit reports per year"),
    ("chart_topic", "Meetings and passages per year"),
    ("records_listing_other", "Other meetings that list this unit"),
    ("decisions_summary", "Decisions of this meeting"),
    ("no_decision", "(no decision recorded)"),
    ("kind_report", "Report"),
    ("kind_discussion", "Discussion"),
    ("kind_motion", "Motion"),
    ("kind_election", "Election"),
    ("kind_other", "Other"),
    ("vote", "Vote"),
    ("vote_present", "present"),
    ("vote_for", "for"),
    ("vote_against", "against"),
    ("vote_abstain", "abstained"),
    ("vote_passed", "passed"),
    ("vote_failed", "not passed"),
    ("vote_unit", ""),
    ("page", "page"),
    ("page_of", "Page {n} of {total}"),
    ("page_n", "page {n}"),
    ("prev_page", "Previous page"),
    ("next_page", "Next page"),
    ("pagination", "Pagination"),
    ("not_found", "Page not found"),
    ("followups", "Follow-ups"),
    ("followup", "Follow-up"),
    ("followups_closed", "Closed follow-ups"),
    ("followups_withdrawn", "Withdrawn follow-ups"),
    ("followup_given", "given"),
    ("followups_counts", "By status"),
    ("followups_open_by_unit", "Open follow-ups by lead unit, soonest due first"),
    ("followups_overdue", "overdue"),
    ("followups_overdue_count", "Overdue"),
    ("followups_due", "Due"),
    ("followups_no_due", "no due date"),
    ("followups_status", "Status"),
    ("status_open", "open"),
    ("status_extended", "extended"),
    ("status_closed", "closed"),
    ("status_self_tracked", "tracked by the unit"),
    ("status_withdrawn", "withdrawn"),
    ("status_merged", "merged"),
    ("followups_given_at", "Given at"),
    ("followups_timeline", "Timeline"),
    ("followups_current", "Current status"),
    ("followups_item", "Agenda item"),
    ("followups_owners", "Owners"),
    ("followups_text", "Directive"),
    ("followups_note", "Progress"),
    ("followups_of_meeting", "Follow-ups given at this meeting"),
    ("followups_unit_open", "Open follow-ups of this unit"),
    ("followups_unit_title", "{unit}: open follow-ups"),
    ("followups_unit_soonest", ", the {n} soonest due listed"),
    ("followups_unit_all", "All {n} open follow-ups of this unit"),
    ("followups_n_open", "{n} open"),
    ("followups_n_overdue", "{n} overdue"),
    ("followups_n_released", "{n} closed or tracked by the unit"),
    ("followups_n_withdrawn", "{n} withdrawn"),
    ("followups_first_seen", "first seen in this meeting's tracking table"),
    ("followups_merged_into", "merged into"),
    ("followups_as_of", "overdue as of the archive's newest meeting"),
    ("followups_feed", "Feed of status changes (Atom)"),
    ("followups_no_unit", "No lead unit"),
    ("followups_all", "All follow-ups"),
    ("followups_none_open", "No follow-up is open."),
    ("followups_id", "ID"),
    ("followups_meeting", "Meeting"),
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
    ("search_placeholder", "e.g. a unit, a topic or a year"),
    ("search_query", "Keywords"),
    (
        "search_help",
        "Separate words with spaces; every word must appear. Put a phrase in quotes, \"…\" or 「…」. Traditional and Simplified characters, full- and half-width forms, and 臺/台 count as the same.",
    ),
    ("search_all_units", "All units"),
    ("search_all_topics", "All topics"),
    ("search_all_series", "All meeting series"),
    ("search_all_years", "All years"),
    ("search_followups", "Follow-ups"),
    ("search_followups_any", "Any (records and follow-ups)"),
    ("search_followups_open", "Open"),
    ("search_followups_closed", "Closed, self-tracked, merged or withdrawn"),
    (
        "search_needs_js",
        "Search needs JavaScript; you can still browse every record by year, series, unit and topic.",
    ),
    ("search_count_one", "Found {n} record"),
    ("search_count_other", "Found {n} records"),
    ("search_no_results", "No records match the search."),
    ("search_more", "Show more"),
    ("search_loading", "Searching…"),
    ("search_failed", "Search failed: {error}"),
    ("search_hit_date", "{date}"),
    ("search_alias_offer", "{typed} is {names}:"),
    ("search_alias_also", "search for these too"),
    ("search_alias_active", "Also searched for {names}."),
    ("search_alias_only", "Search only for {typed}"),
    ("search_alias_sep", ", "),
    ("data_intro", "The minutes on this site are open data: download and reuse them freely. Every file is UTF-8."),
    ("data_files", "Data files"),
    ("data_file", "File"),
    ("data_format", "Format"),
    ("data_description", "Description"),
    ("data_schema", "Schema"),
    ("data_csv_columns", "Columns of decisions.csv"),
    ("data_column", "Column"),
    ("data_feeds", "Feeds and sitemap"),
    (
        "data_feeds_text",
        "The whole site and every unit, topic and meeting series have an Atom feed: the page's address followed by atom.xml.",
    ),
    // Punctuation around values in templates: full-width in Chinese, ASCII with spaces in English.
    ("paren_open", " ("),
    ("paren_close", ")"),
    ("colon", ": "),
    ("list_sep", ", "),
    ("gap", " · "),
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

/// The strings the search page's script shows (status, buttons, dates), passed to it as JSON in
/// `<script type="application/json" id="search-strings">`. `{n}`, `{error}`, `{date}` (ISO) and
/// `{roc}` (民國 date with weekday), `{typed}` (a query term) and `{names}` (a unit's or topic's
/// registered name and aliases) are filled in by the script; `search_count_one` / `search_count_other` are chosen with the
/// page language's plural rules (`Intl.PluralRules`).
pub const SEARCH_SCRIPT_KEYS: &[&str] = &[
    "search_count_one",
    "search_count_other",
    "search_no_results",
    "search_more",
    "search_loading",
    "search_failed",
    "search_hit_date",
    "search_alias_offer",
    "search_alias_also",
    "search_alias_active",
    "search_alias_only",
    "search_alias_sep",
];

/// [`SEARCH_SCRIPT_KEYS`] of `language` as a JSON object that is safe inside a `<script>` element:
/// `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`, so no string can close the
/// element or start a comment.
pub fn search_script_json(language: &str) -> String {
    let all = strings(language);
    let map: BTreeMap<&str, &str> = SEARCH_SCRIPT_KEYS.iter().map(|k| (*k, all[k])).collect();
    script_safe_json(&map)
}

/// JSON text of `value` with `<`, `>` and `&` escaped, for embedding in an HTML `<script>` element.
pub fn script_safe_json<T: serde::Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).expect("string maps serialize");
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_key() {
        let zh: Vec<&str> = ZH.iter().map(|(k, _)| *k).collect();
        let en: Vec<&str> = EN.iter().map(|(k, _)| *k).collect();
        assert_eq!(zh, en);
        let mut unique = zh.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), zh.len(), "a key is listed twice");
    }

    #[test]
    fn search_script_strings_are_complete_and_placeholders_match() {
        for lang in ["zh-Hant-TW", "en"] {
            let json: BTreeMap<String, String> = serde_json::from_str(&search_script_json(lang)).unwrap();
            assert_eq!(json.len(), SEARCH_SCRIPT_KEYS.len());
            for k in ["search_count_one", "search_count_other"] {
                assert!(json[k].contains("{n}"), "{lang} {k}");
            }
            assert!(json["search_failed"].contains("{error}"), "{lang}");
            assert!(json["search_hit_date"].contains("{date}"), "{lang}");
        }
        let en: BTreeMap<String, String> = serde_json::from_str(&search_script_json("en")).unwrap();
        assert_eq!(en["search_count_one"].replace("{n}", "1"), "Found 1 record");
        assert_eq!(en["search_count_other"].replace("{n}", "2"), "Found 2 records");
        let zh: BTreeMap<String, String> = serde_json::from_str(&search_script_json("zh-Hant-TW")).unwrap();
        assert_eq!(zh["search_count_other"].replace("{n}", "2"), "找到 2 筆紀錄");
    }

    #[test]
    fn script_json_cannot_close_the_script_element() {
        let mut m = BTreeMap::new();
        m.insert("k", "</script><!-- & \u{2028}");
        let json = script_safe_json(&m);
        assert!(
            !json.contains('<') && !json.contains('>') && !json.contains('&'),
            "{json}"
        );
        let back: BTreeMap<String, String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back["k"], "</script><!-- & \u{2028}");
    }
}
