//! The tracker: every directive of the archive with its updates in meeting order and its current
//! status, and the problems found on the way (duplicate creations, updates before a creation,
//! unknown ids, updates to closed directives, merges into unknown directives).

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::{Kind, Row, Status};
use crate::content::record::Ref;
use crate::diagnostics::{closest, slashed, Diagnostic};
use crate::messages::{FollowupState, Msg};
use crate::model::Record;

/// One update of a directive: the row of a record's updates (`meta.followup_updates`) that gave
/// it, and what it made of the directive. The row's status, note and line stay in the record;
/// [`Update::row`] reads them.
#[derive(Debug, Clone)]
pub struct Update {
    /// Index of the record (in the slice the tracker was made from) of the meeting that gave it.
    pub record: usize,
    /// Index of the row in that record's `meta.followup_updates`.
    pub row: usize,
    pub date: NaiveDate,
    /// The due date after this update.
    pub due: Option<NaiveDate>,
    /// The status changed with it (or, for 展延, the due date did).
    pub changed: bool,
}

impl Update {
    /// The row as the record wrote it (status, note, line, whether from a table).
    pub fn row<'r>(&self, records: &'r [Record]) -> &'r Row {
        &records[self.record].meta.followup_updates[self.row]
    }

    pub fn status<'r>(&self, records: &'r [Record]) -> &'r Status {
        &self.row(records).status
    }

    pub fn note<'r>(&self, records: &'r [Record]) -> Option<&'r str> {
        self.row(records).note.as_deref()
    }
}

/// Where a directive is written: an entry of its record's `followups:`, or (first seen in a
/// tracking table) a row of its updates. Indexes into the record's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    Given(usize),
    Row(usize),
}

/// A directive, from the meeting that gave it to its current status. What the records wrote
/// (its text, agenda item, owners, each update's status and note) stays in the records and is
/// read from them ([`Directive::text`], [`Directive::units`], [`Update::row`]), not copied.
#[derive(Debug, Clone)]
pub struct Directive {
    pub id: String,
    /// The record of the meeting that gave it (or, for an archive that starts mid-stream, the
    /// first tracking table that lists it).
    pub given: usize,
    written: Written,
    /// The update whose row names its owners, when it was given without any (index into
    /// `updates`).
    units_from: Option<usize>,
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
}

impl Directive {
    /// Open and past its due date on `today` (the archive's newest meeting date).
    pub fn overdue(&self, today: Option<NaiveDate>) -> bool {
        self.status.is_open() && matches!((self.due, today), (Some(d), Some(t)) if d < t)
    }

    /// The directive's text, as the record that gave it wrote it.
    pub fn text<'r>(&self, records: &'r [Record]) -> &'r str {
        let m = &records[self.given].meta;
        match self.written {
            Written::Given(i) => &m.followups[i].text,
            Written::Row(i) => m.followup_updates[i].text.as_deref().unwrap_or_default(),
        }
    }

    /// The agenda item it comes from, as written.
    pub fn item<'r>(&self, records: &'r [Record]) -> Option<&'r str> {
        match self.written {
            Written::Given(i) => records[self.given].meta.followups[i].item.as_deref(),
            Written::Row(_) => None,
        }
    }

    /// Its owners; the first leads. Those it was given with, or, when it was given with none,
    /// those of the first update that names them.
    pub fn units<'r>(&self, records: &'r [Record]) -> &'r [Ref] {
        if let Some(u) = self.units_from {
            return &self.updates[u].row(records).units;
        }
        let m = &records[self.given].meta;
        match self.written {
            Written::Given(i) => &m.followups[i].units,
            Written::Row(i) => &m.followup_updates[i].units,
        }
    }

    /// Whether the unit `slug` is one of its owners.
    pub fn owned_by(&self, records: &[Record], slug: &str) -> bool {
        self.units(records).iter().any(|u| *u.slug == *slug)
    }

    pub fn lead<'r>(&self, records: &'r [Record]) -> Option<&'r Ref> {
        self.units(records).first()
    }

    /// The directive it was merged into, by its latest update (併案).
    pub fn merged_into<'r>(&self, records: &'r [Record]) -> Option<&'r str> {
        self.updates.last()?.status(records).merged_into.as_deref()
    }
}

/// Every directive of an archive, by id.
#[derive(Debug, Clone, Default)]
pub struct Tracker {
    /// Sorted by id.
    pub directives: Vec<Directive>,
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
        let mut made: BTreeMap<&str, Directive> = BTreeMap::new();
        // Front-matter creations first: an update may come in any record after them.
        for &ix in &order {
            let r = &records[ix];
            for (gi, g) in r.meta.followups.iter().enumerate() {
                if let Some(first) = made.get(g.id.as_str()) {
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
                    &g.id,
                    Directive {
                        id: g.id.clone(),
                        given: ix,
                        written: Written::Given(gi),
                        units_from: None,
                        given_date: r.meta.date,
                        given_line: g.line,
                        from_table: false,
                        first_due: g.due,
                        updates: Vec::new(),
                        status: Kind::Open,
                        due: g.due,
                    },
                );
            }
        }
        for &ix in &order {
            let r = &records[ix];
            for (ri, row) in r.meta.followup_updates.iter().enumerate() {
                let date = r.meta.date;
                let d = match made.get_mut(row.id.as_str()) {
                    Some(d) => d,
                    None => match &row.text {
                        Some(_) => made.entry(&row.id).or_insert(Directive {
                            id: row.id.clone(),
                            given: ix,
                            written: Written::Row(ri),
                            units_from: None,
                            given_date: date,
                            given_line: row.line,
                            from_table: true,
                            first_due: None,
                            updates: Vec::new(),
                            status: Kind::Open,
                            due: None,
                        }),
                        None => {
                            let help = match closest(&row.id, made.keys().copied()) {
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
                                status: row.status.word.to_string(),
                            },
                        )
                        .with_help(Msg::HelpReopen),
                    );
                }
                if d.units_from.is_none() && d.units(records).is_empty() && !row.units.is_empty() {
                    d.units_from = Some(d.updates.len());
                }
                let due = row.status.due.or(d.due);
                let changed = row.status.kind != d.status || due != d.due;
                d.status = row.status.kind;
                d.due = due;
                d.updates.push(Update {
                    record: ix,
                    row: ri,
                    date,
                    due,
                    changed,
                });
            }
        }
        for d in made.values() {
            if let Some(into) = d.merged_into(records) {
                if !made.contains_key(into) || into == d.id {
                    let u = d.updates.last().expect("merged by an update");
                    let help = match closest(into, made.keys().copied().filter(|k| *k != d.id)) {
                        Some(s) => Msg::HelpDidYouMean { name: s.to_string() },
                        None => Msg::HelpMergedIntoId,
                    };
                    t.errors.push(
                        Diagnostic::error(
                            &records[u.record].rel,
                            u.row(records).line,
                            1,
                            Msg::MergedIntoUnknown {
                                id: d.id.clone(),
                                into: into.to_string(),
                            },
                        )
                        .with_help(help),
                    );
                }
            }
        }
        t.directives = made
            .into_values()
            .map(|mut d| {
                d.updates.shrink_to_fit();
                d
            })
            .collect();
        t
    }

    /// The directive `id` (the list is sorted by id).
    pub fn get(&self, id: &str) -> Option<&Directive> {
        let i = self.directives.binary_search_by(|d| d.id.as_str().cmp(id)).ok()?;
        Some(&self.directives[i])
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
        let unit = d.lead(records).map(|u| u.name.to_string());
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
