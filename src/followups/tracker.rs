//! The tracker: every directive of the archive with its updates in meeting order and its current
//! status, and the problems found on the way (duplicate creations, updates before a creation,
//! unknown ids, updates to closed directives, merges into unknown directives).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::NaiveDate;

use super::{Kind, Status};
use crate::content::record::Ref;
use crate::diagnostics::{closest, slashed, Diagnostic};
use crate::messages::{FollowupState, Msg};
use crate::model::Record;

/// One update of a directive.
#[derive(Debug, Clone)]
pub struct Update {
    /// Index of the record (in the slice the tracker was made from) of the meeting that gave it.
    pub record: usize,
    pub date: NaiveDate,
    pub status: Status,
    pub note: Option<String>,
    /// The due date after this update.
    pub due: Option<NaiveDate>,
    pub line: usize,
    /// From a tracking table in the body (else front-matter `followup_updates`).
    pub in_table: bool,
    /// The status changed with it (or, for 展延, the due date did).
    pub changed: bool,
}

/// A directive, from the meeting that gave it to its current status.
#[derive(Debug, Clone)]
pub struct Directive {
    pub id: String,
    pub item: Option<String>,
    pub text: String,
    pub units: Vec<Ref>,
    /// The record of the meeting that gave it (or, for an archive that starts mid-stream, the
    /// first tracking table that lists it).
    pub given: usize,
    pub given_date: NaiveDate,
    pub given_line: usize,
    /// First seen in a tracking table rather than created in front-matter.
    pub from_table: bool,
    /// The due date set when it was given.
    pub first_due: Option<NaiveDate>,
    pub updates: Vec<Update>,
    pub status: Kind,
    /// The current due date.
    pub due: Option<NaiveDate>,
    pub merged_into: Option<String>,
}

impl Directive {
    /// Open and past its due date on `today` (the archive's newest meeting date).
    pub fn overdue(&self, today: Option<NaiveDate>) -> bool {
        self.status.is_open() && matches!((self.due, today), (Some(d), Some(t)) if d < t)
    }

    pub fn lead(&self) -> Option<&Ref> {
        self.units.first()
    }
}

/// Every directive of an archive, by id.
#[derive(Debug, Clone, Default)]
pub struct Tracker {
    /// Sorted by id.
    pub directives: Vec<Directive>,
    pub by_id: HashMap<String, usize>,
    /// The newest meeting date of the archive: the day "overdue" is measured on, so a build of the
    /// same archive is the same whatever day it runs.
    pub today: Option<NaiveDate>,
    /// Errors, then warnings, found while joining.
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

impl Tracker {
    /// Join the directives and updates of `records` (any order).
    pub fn new(records: &[Record]) -> Tracker {
        let mut order: Vec<usize> = (0..records.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&records[a].meta, &records[b].meta);
            (x.date, x.number, &records[a].url).cmp(&(y.date, y.number, &records[b].url))
        });
        let mut t = Tracker {
            today: records.iter().map(|r| r.meta.date).max(),
            ..Tracker::default()
        };
        let mut made: BTreeMap<String, Directive> = BTreeMap::new();
        // Front-matter creations first: an update may come in any record after them.
        for &ix in &order {
            let r = &records[ix];
            for g in &r.meta.followups {
                if let Some(first) = made.get(&g.id) {
                    let other = &records[first.given];
                    t.errors.push(
                        Diagnostic::error(
                            &r.rel,
                            g.line,
                            g.column,
                            Msg::FollowupCreatedTwice {
                                id: g.id.clone(),
                                file: slashed(&other.rel),
                                line: first.given_line,
                            },
                        )
                        .with_help(Msg::HelpCreatedTwice),
                    );
                    continue;
                }
                made.insert(
                    g.id.clone(),
                    Directive {
                        id: g.id.clone(),
                        item: g.item.clone(),
                        text: g.text.clone(),
                        units: g.units.clone(),
                        given: ix,
                        given_date: r.meta.date,
                        given_line: g.line,
                        from_table: false,
                        first_due: g.due,
                        updates: Vec::new(),
                        status: Kind::Open,
                        due: g.due,
                        merged_into: None,
                    },
                );
            }
        }
        for &ix in &order {
            let r = &records[ix];
            for row in &r.meta.followup_updates {
                let date = r.meta.date;
                let d = match made.get_mut(&row.id) {
                    Some(d) => d,
                    None => match &row.text {
                        Some(text) => {
                            made.insert(
                                row.id.clone(),
                                Directive {
                                    id: row.id.clone(),
                                    item: None,
                                    text: text.clone(),
                                    units: row.units.clone(),
                                    given: ix,
                                    given_date: date,
                                    given_line: row.line,
                                    from_table: true,
                                    first_due: None,
                                    updates: Vec::new(),
                                    status: Kind::Open,
                                    due: None,
                                    merged_into: None,
                                },
                            );
                            made.get_mut(&row.id).expect("just made")
                        }
                        None => {
                            let help = match closest(&row.id, made.keys().map(String::as_str)) {
                                Some(s) => Msg::HelpUnknownFollowupNear { id: s.to_string() },
                                None => Msg::HelpUnknownFollowup,
                            };
                            t.errors.push(
                                Diagnostic::error(
                                    &r.rel,
                                    row.line,
                                    row.column,
                                    Msg::UnknownFollowup { id: row.id.clone() },
                                )
                                .with_help(help),
                            );
                            continue;
                        }
                    },
                };
                if date < d.given_date {
                    // A warning, not an error: the site still builds, without this update.
                    t.warnings.push(
                        Diagnostic::warning(
                            &r.rel,
                            row.line,
                            row.column,
                            Msg::UpdateBeforeDirective {
                                id: row.id.clone(),
                                date: date.to_string(),
                                given: d.given_date.to_string(),
                                file: slashed(&records[d.given].rel),
                                line: d.given_line,
                            },
                        )
                        .with_help(Msg::HelpCheckUpdateDates),
                    );
                    continue;
                }
                if !d.status.is_open() && !row.status.kind.is_open() {
                    t.warnings.push(
                        Diagnostic::warning(
                            &r.rel,
                            row.line,
                            row.column,
                            Msg::UpdatedWithoutReopening {
                                id: row.id.clone(),
                                state: FollowupState(d.status),
                                since: d.updates.last().map(|u| u.date.to_string()).unwrap_or_default(),
                                status: row.status.word.clone(),
                            },
                        )
                        .with_help(Msg::HelpReopen),
                    );
                }
                if d.units.is_empty() {
                    d.units = row.units.clone();
                }
                let due = row.status.due.or(d.due);
                let changed = row.status.kind != d.status || due != d.due;
                d.status = row.status.kind;
                d.due = due;
                d.merged_into = row.status.merged_into.clone();
                d.updates.push(Update {
                    record: ix,
                    date,
                    status: row.status.clone(),
                    note: row.note.clone(),
                    due,
                    line: row.line,
                    in_table: row.in_table,
                    changed,
                });
            }
        }
        for d in made.values() {
            if let Some(into) = &d.merged_into {
                if !made.contains_key(into) || into == &d.id {
                    let u = d.updates.last().expect("merged by an update");
                    let help = match closest(into, made.keys().map(String::as_str).filter(|k| *k != d.id)) {
                        Some(s) => Msg::HelpDidYouMean { name: s.to_string() },
                        None => Msg::HelpMergedIntoId,
                    };
                    t.errors.push(
                        Diagnostic::error(
                            &records[u.record].rel,
                            u.line,
                            1,
                            Msg::MergedIntoUnknown {
                                id: d.id.clone(),
                                into: into.clone(),
                            },
                        )
                        .with_help(help),
                    );
                }
            }
        }
        t.directives = made.into_values().collect();
        t.by_id = t
            .directives
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        t
    }

    pub fn get(&self, id: &str) -> Option<&Directive> {
        self.by_id.get(id).map(|&i| &self.directives[i])
    }

    /// The number of directives in each status.
    pub fn counts(&self) -> BTreeMap<Kind, usize> {
        let mut m: BTreeMap<Kind, usize> = Kind::ALL.iter().map(|k| (*k, 0)).collect();
        for d in &self.directives {
            *m.entry(d.status).or_default() += 1;
        }
        m
    }
}

/// Whether replacing record `old` by `new` (either absent: added or removed) leaves every
/// follow-up page and part as it was: neither has directives or updates, or both have the same ones
/// and the same series, number, date and URL (which the timelines show). The preview renders everything
/// again otherwise.
pub fn same_for_followups(old: Option<&Record>, new: Option<&Record>) -> bool {
    let has =
        |r: Option<&Record>| r.is_some_and(|r| !r.meta.followups.is_empty() || !r.meta.followup_updates.is_empty());
    if !has(old) && !has(new) {
        return true;
    }
    match (old, new) {
        (Some(a), Some(b)) => {
            a.meta.followups == b.meta.followups
                && a.meta.followup_updates == b.meta.followup_updates
                && (&a.meta.series, a.meta.number, a.meta.date, &a.url)
                    == (&b.meta.series, b.meta.number, b.meta.date, &b.url)
        }
        _ => false,
    }
}

/// `check`'s overdue report: for each lead unit with open directives past due (on the archive's
/// newest meeting date), one suggestion at the first of them, listing them soonest due first.
pub fn check_report(archive: &crate::model::Archive) -> Vec<Diagnostic> {
    let (t, records) = (&archive.followups, &archive.records);
    let mut by_unit: BTreeMap<Option<String>, Vec<&Directive>> = BTreeMap::new();
    for d in t.directives.iter().filter(|d| d.overdue(t.today)) {
        let unit = d.lead().map(|u| u.name.clone());
        by_unit.entry(unit).or_default().push(d);
    }
    let today = t.today.map(|d| d.to_string()).unwrap_or_default();
    by_unit
        .into_iter()
        .map(|(unit, mut list)| {
            list.sort_by(|a, b| (a.due, &a.id).cmp(&(b.due, &b.id)));
            let first = list[0];
            let items: Vec<(String, String)> = list
                .iter()
                .map(|d| (d.id.clone(), d.due.map(|x| x.to_string()).unwrap_or_default()))
                .collect();
            Diagnostic::suggestion(
                PathBuf::from(&records[first.given].rel),
                first.given_line,
                1,
                Msg::Overdue {
                    unit,
                    today: today.clone(),
                    items,
                },
            )
        })
        .collect()
}
