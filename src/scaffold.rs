//! `minutebook new`: write a new record at its conventional path
//! (`content/<year>/<series-slug>-<number>.md`, or `<series-slug>-<mmdd>.md` without a number),
//! with its front-matter filled in and a body in the usual shape of minutes. The skeleton builds
//! as it is (it is a draft, and its placeholders name no unit), and an existing file is never
//! overwritten.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::config::{Site, CONFIG_FILE};
use crate::content::record::auto_slug;
use crate::content::CONTENT_DIR;
use crate::diagnostics::Diagnostic;
use crate::messages::Msg;
use crate::minutes::calendar;

/// What `minutebook new` was asked for.
#[derive(Debug, Clone)]
pub struct NewRecord {
    pub root: PathBuf,
    /// Series name, slug or alias.
    pub series: String,
    /// The meeting date, in any form the front-matter accepts (2024-10-16, 113-10-16, 民國113年10月16日).
    pub date: String,
    pub number: Option<u32>,
    pub title: Option<String>,
}

/// Write the record; returns its path relative to the site root. Every problem with the request
/// (the site's configuration, the date, the number, the series) is reported together.
pub fn new_record(req: &NewRecord) -> Result<PathBuf, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let site = Site::load(&req.root).map_err(|d| diags.extend(d)).ok();
    let date = calendar::parse_meeting_date(&req.date)
        .map_err(|msg| diags.push(Diagnostic::error("--date", 0, 0, msg).with_help(Msg::HelpNewDate)))
        .ok();
    if req.number == Some(0) {
        diags.push(Diagnostic::error("--number", 0, 0, Msg::NumberZero).with_help(Msg::HelpNumberFromOne));
    }
    let series = site
        .as_ref()
        .and_then(|site| resolve_series(site, &req.series).map_err(|d| diags.extend(d)).ok());
    let (Some(_), Some(date), Some((series_name, series_slug)), true) = (site, date, series, diags.is_empty()) else {
        return Err(diags);
    };
    let file = match req.number {
        Some(n) => format!("{series_slug}-{n}.md"),
        None => format!("{series_slug}-{}.md", date.format("%m%d")),
    };
    let rel = Path::new(CONTENT_DIR).join(date.year().to_string()).join(file);
    let title = req
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| default_title(&series_name, req.number, date));
    let text = render(&title, &series_name, req.number, date);
    let path = req.root.join(&rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            vec![Diagnostic::error(
                dir.strip_prefix(&req.root).unwrap_or(dir),
                0,
                0,
                Msg::FolderUncreatable { error: e.to_string() },
            )]
        })?;
    }
    let mut f = match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let help = match req.number {
                Some(_) => Msg::HelpEditOrNumber,
                None => Msg::HelpEditOrNameByNumber,
            };
            return Err(vec![Diagnostic::error(
                &rel,
                0,
                0,
                Msg::RecordExists { path: slashed(&rel) },
            )
            .with_help(help)]);
        }
        Err(e) => {
            return Err(vec![Diagnostic::error(
                &rel,
                0,
                0,
                Msg::CannotCreateFile { error: e.to_string() },
            )]);
        }
    };
    f.write_all(text.as_bytes()).map_err(|e| {
        vec![Diagnostic::error(
            &rel,
            0,
            0,
            Msg::FileUnwritable { error: e.to_string() },
        )]
    })?;
    Ok(rel)
}

fn slashed(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// The series' display name and slug, from its name, slug or an alias.
fn resolve_series(site: &Site, input: &str) -> Result<(String, String), Vec<Diagnostic>> {
    let input = input.trim();
    if input.is_empty() {
        return Err(vec![
            Diagnostic::error("--series", 0, 0, Msg::SeriesEmpty).with_help(Msg::HelpPassSeries)
        ]);
    }
    if site.series.is_empty() {
        return Ok((input.to_string(), auto_slug(input)));
    }
    if let Some(e) = site.series.get(input).or_else(|| site.series.by_slug(input)) {
        return Ok((e.name.clone(), e.slug.clone()));
    }
    let names: Vec<&str> = site.series.entries.iter().map(|e| e.name.as_str()).collect();
    // The registry entry to add, with the ASCII slug `init` and the importer propose.
    let entry = format!("- {{ name: {}, slug: {} }}", scalar(input), auto_slug(input));
    let help = match site.series.suggest(input) {
        Some(s) => Msg::HelpSeriesNear {
            name: s.to_string(),
            names: names.join("、"),
            entry,
            file: CONFIG_FILE.to_string(),
        },
        None => Msg::HelpRegisteredSeries {
            names: names.join("、"),
            entry,
            file: CONFIG_FILE.to_string(),
        },
    };
    Err(vec![Diagnostic::error(
        "--series",
        0,
        0,
        Msg::UnknownSeries {
            name: input.to_string(),
        },
    )
    .with_help(help)])
}

/// `第5次主管會議紀錄`, or `113年10月16日主管會議紀錄` without a number.
pub fn default_title(series: &str, number: Option<u32>, date: NaiveDate) -> String {
    match number {
        Some(n) => format!("第{n}次{series}紀錄"),
        None => format!("{}{series}紀錄", calendar::format_roc_short(date)),
    }
}

/// A YAML scalar: plain when safe, else double-quoted (JSON strings are valid YAML).
fn scalar(s: &str) -> String {
    let risky = s.is_empty()
        || s != s.trim()
        || s.contains([
            ':', '#', '\'', '"', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`', '\n',
        ])
        || s.starts_with(['-', '?'])
        || matches!(s, "true" | "false" | "null" | "yes" | "no" | "~")
        || s.parse::<f64>().is_ok();
    if risky {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
    } else {
        s.to_string()
    }
}

/// The text of the new record.
pub fn render(title: &str, series: &str, number: Option<u32>, date: NaiveDate) -> String {
    let mut s = String::new();
    s.push_str("---\n");
    s.push_str(&format!("title: {}\n", scalar(title)));
    s.push_str(&format!("series: {}\n", scalar(series)));
    if let Some(n) = number {
        s.push_str(&format!("number: {n}\n"));
    }
    s.push_str(&format!("date: {}\n", date.format("%Y-%m-%d")));
    s.push_str("time: \"\"        # 例如 \"10:30-12:15\"\n");
    s.push_str("location: \"\"    # 例如 本部延平大樓101會議室\n");
    s.push_str("chair: \"\"       # 主席，例如 黃部長彥男\n");
    s.push_str("recorder: \"\"    # 紀錄\n");
    s.push_str("attendees: []   # 出席及列席人員，一人一項\n");
    s.push_str("units: []       # 報告或提案的單位（登錄於 minutebook.yaml）\n");
    s.push_str("topics: []      # 議題（登錄於 minutebook.yaml）\n");
    s.push_str("draft: true     # 定稿後改為 false（或刪除此行）才會發布\n");
    s.push_str("# publish_date: 2024-10-30   # 排程：此日前不發布\n");
    // The date, place, chair, recorder and attendees live in the front-matter above, which the
    // record page shows (and search indexes) as the record's facts: not repeated in the body.
    s.push_str("---\n\n");
    s.push_str("## 壹、宣誓\n\n");
    let previous = match number {
        Some(n) if n > 1 => format!("上次（第{}次）{series}紀錄確認及後續追蹤", n - 1),
        _ => "上次會議紀錄確認".to_string(),
    };
    s.push_str(&format!("## 貳、{previous}\n\n決定：\n\n"));
    s.push_str("## 參、報告事項\n\n");
    s.push_str("### 案由一：…，報請公鑒。（報告單位：）\n\n決定：\n\n");
    s.push_str("## 肆、臨時動議\n\n");
    s.push_str("## 伍、主席裁示/長官提示事項\n\n");
    s.push_str("## 陸、散會\n\n");
    s.push_str("## 附錄\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_are_quoted_when_needed() {
        assert_eq!(scalar("第5次主管會議紀錄"), "第5次主管會議紀錄");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("123"), "\"123\"");
    }

    #[test]
    fn default_titles() {
        let d = NaiveDate::from_ymd_opt(2024, 10, 16).unwrap();
        assert_eq!(default_title("主管會議", Some(5), d), "第5次主管會議紀錄");
        assert_eq!(default_title("主管會議", None, d), "113年10月16日主管會議紀錄");
    }
}
