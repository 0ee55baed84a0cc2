//! Follow-ups across meetings (列管事項): a directive is created in the record of the meeting that
//! gave it (front-matter `followups:`), later meetings update it (a tracking table in the body, or
//! front-matter `followup_updates:`), and the tracker follows each one to its current status.
//!
//! - [`input`] reads one record's directives and updates (front-matter and tables) into its `Meta`;
//! - [`Tracker`] joins them over the archive, in meeting order, and finds what `check` reports;
//! - [`pages`] produces the `/followups/` pages as (path, template, context) jobs, and the parts of
//!   record and unit pages;
//! - [`data`] writes `data/followups.json`, `data/followups.csv`, their schemas and the feeds.

pub mod data;
pub mod input;
pub mod pages;
mod tracker;

pub use input::{Given, Row};
pub use tracker::{check_report, same_for_followups, Directive, Tracker, Update};

use chrono::NaiveDate;
use serde::Serialize;

/// Ids that name the tracker's own pages under `/followups/`, so no directive may have them.
pub const RESERVED_IDS: &[&str] = &["closed", "withdrawn"];

/// The status words and the status each gives, longest first (so `撤銷列管` is not read as `撤銷`).
pub const STATUS_WORDS: &[(&str, Kind)] = &[
    ("撤銷列管", Kind::Withdrawn),
    ("解除列管", Kind::Closed),
    ("解除追蹤", Kind::Closed),
    ("繼續列管", Kind::Open),
    ("持續列管", Kind::Open),
    ("自行列管", Kind::SelfTracked),
    ("自行追蹤", Kind::SelfTracked),
    ("展延", Kind::Extended),
    ("結案", Kind::Closed),
    ("撤銷", Kind::Withdrawn),
    ("併案", Kind::Merged),
    ("列管", Kind::Open),
];

/// What a status word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Still tracked (繼續列管, 持續列管, 列管).
    Open,
    /// Still tracked, with a new due date (展延).
    Extended,
    /// Released from tracking (解除列管, 解除追蹤, 結案).
    Closed,
    /// Released, the unit tracks it itself (自行列管, 自行追蹤).
    SelfTracked,
    /// Withdrawn (撤銷, 撤銷列管).
    Withdrawn,
    /// Merged into another directive (併案).
    Merged,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Open => "open",
            Kind::Extended => "extended",
            Kind::Closed => "closed",
            Kind::SelfTracked => "self_tracked",
            Kind::Withdrawn => "withdrawn",
            Kind::Merged => "merged",
        }
    }

    /// Still tracked by the meeting.
    pub fn is_open(self) -> bool {
        matches!(self, Kind::Open | Kind::Extended)
    }

    /// The group the index pages list it in: `open`, `closed` (closed, self-tracked, merged) or
    /// `withdrawn`.
    pub fn group(self) -> &'static str {
        match self {
            Kind::Open | Kind::Extended => "open",
            Kind::Withdrawn => "withdrawn",
            _ => "closed",
        }
    }

    pub const ALL: [Kind; 6] = [
        Kind::Open,
        Kind::Extended,
        Kind::Closed,
        Kind::SelfTracked,
        Kind::Withdrawn,
        Kind::Merged,
    ];
}

/// A status as written and read: the word, its meaning, and what came with it (a new due date
/// for 展延, the directive merged into for 併案).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The status word, one of [`STATUS_WORDS`].
    pub word: &'static str,
    pub kind: Kind,
    pub due: Option<NaiveDate>,
    pub merged_into: Option<String>,
}

/// Why a status cell could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusError {
    Unknown(String),
    ExtendedWithoutDate(String),
    MergedWithoutId(String),
    BadDate(crate::messages::Msg),
}

impl StatusError {
    /// The message and its help.
    pub fn message(&self) -> (crate::messages::Msg, crate::messages::Msg) {
        use crate::messages::Msg;
        let words: Vec<&str> = STATUS_WORDS.iter().map(|(w, _)| *w).collect();
        match self {
            StatusError::Unknown(w) => (
                Msg::UnknownStatus { status: w.clone() },
                Msg::HelpStatusWords {
                    words: words.join("、"),
                },
            ),
            StatusError::ExtendedWithoutDate(w) => {
                (Msg::ExtendedWithoutDate { status: w.clone() }, Msg::HelpExtendedDate)
            }
            StatusError::MergedWithoutId(w) => (Msg::MergedWithoutId { status: w.clone() }, Msg::HelpMergedId),
            StatusError::BadDate(msg) => (msg.clone(), Msg::HelpFollowupDates),
        }
    }
}

/// Whether `s` is a valid directive id: ASCII letters, digits and '-', not starting with '-'.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty() && !s.starts_with('-') && s.len() <= 64 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Read a status cell: a status word, then for 展延 a date (`展延至113年12月31日`, or `due` from
/// another column), for 併案 an id (`併案 113-4-02`, `併案至113-4-02`, `併入…`). Spaces (also
/// full-width ones) are ignored; text in brackets after the word is a remark.
pub fn parse_status(cell: &str, due: Option<NaiveDate>) -> Result<Status, StatusError> {
    let s: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(&(word, kind)) = STATUS_WORDS.iter().find(|(w, _)| s.starts_with(w)) else {
        return Err(StatusError::Unknown(cell.trim().to_string()));
    };
    let rest = s[word.len()..].trim_start_matches(['至', '到', '入', '於', '：', ':']);
    let mut status = Status {
        word,
        kind,
        due: None,
        merged_into: None,
    };
    match kind {
        Kind::Extended => {
            let written = rest
                .split(['（', '(', '，', ',', '；'])
                .next()
                .unwrap_or("")
                .trim_end_matches(['止', '前']);
            status.due = if written.is_empty() {
                due
            } else {
                Some(crate::minutes::calendar::parse_date(written).map_err(StatusError::BadDate)?)
            };
            if status.due.is_none() {
                return Err(StatusError::ExtendedWithoutDate(cell.trim().to_string()));
            }
        }
        Kind::Merged => {
            let rest = rest.trim_start_matches(['至', '入']);
            let id: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            if id.is_empty() {
                return Err(StatusError::MergedWithoutId(cell.trim().to_string()));
            }
            status.merged_into = Some(id);
        }
        _ => status.due = due,
    }
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn status_words_and_their_meanings() {
        let k = |s: &str| parse_status(s, None).map(|s| s.kind);
        assert_eq!(k("繼續列管"), Ok(Kind::Open));
        assert_eq!(k("持續列管"), Ok(Kind::Open));
        assert_eq!(k("列管"), Ok(Kind::Open));
        assert_eq!(k("解除列管"), Ok(Kind::Closed));
        assert_eq!(k("解除追蹤"), Ok(Kind::Closed));
        assert_eq!(k("結案"), Ok(Kind::Closed));
        assert_eq!(k("自行列管"), Ok(Kind::SelfTracked));
        assert_eq!(k("自行追蹤"), Ok(Kind::SelfTracked));
        assert_eq!(k("撤銷"), Ok(Kind::Withdrawn));
        assert_eq!(k("撤銷列管"), Ok(Kind::Withdrawn));
        assert_eq!(k("繼 續 列 管（請加速辦理）"), Ok(Kind::Open));
        assert_eq!(k("待研議"), Err(StatusError::Unknown("待研議".into())));
    }

    #[test]
    fn extension_dates_and_merges() {
        let s = parse_status("展延至113年12月31日", None).unwrap();
        assert_eq!((s.kind, s.due), (Kind::Extended, Some(d("2024-12-31"))));
        let s = parse_status("展延", Some(d("2025-03-31"))).unwrap();
        assert_eq!(s.due, Some(d("2025-03-31")));
        assert_eq!(
            parse_status("展延", None),
            Err(StatusError::ExtendedWithoutDate("展延".into()))
        );
        let s = parse_status("併案 113-4-02", None).unwrap();
        assert_eq!((s.kind, s.merged_into.as_deref()), (Kind::Merged, Some("113-4-02")));
        let s = parse_status("併案至113-4-02辦理", None).unwrap();
        assert_eq!(s.merged_into.as_deref(), Some("113-4-02"));
        assert!(matches!(
            parse_status("併案", None),
            Err(StatusError::MergedWithoutId(_))
        ));
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("113-4-01"));
        assert!(is_valid_id("A12"));
        assert!(!is_valid_id("113/4"));
        assert!(!is_valid_id("列管一"));
        assert!(!is_valid_id(""));
    }
}
