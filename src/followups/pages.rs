//! The follow-up pages as jobs (output path, template, context): `/followups/` (counts, open
//! directives by lead unit), `/followups/closed/` and `/followups/withdrawn/` (paginated), and
//! `/followups/<id>/` (the directive's timeline); and the parts record and unit pages show.

use std::collections::BTreeMap;

use crate::pages::Context;
use chrono::NaiveDate;
use serde::Serialize;

use super::{Directive, Tracker};
use crate::content::record::Ref;
use crate::listing::{page_url, paginate};
use crate::minutes::calendar;
use crate::model::{page_file, Archive, Record};

/// A page to render: its output path (`followups/113-4-01/index.html`), template and context.
/// A follow-up page: its output path, its template and its context.
pub type Job = (String, &'static str, Context);

/// A date as the pages show it.
#[derive(Serialize, Clone)]
pub struct Day {
    pub iso: String,
    pub roc: String,
    /// `roc` on Chinese sites, the English form on English ones.
    pub display: String,
}

fn day(archive: &Archive, d: NaiveDate) -> Day {
    let roc = calendar::format_roc(d);
    Day {
        iso: d.to_string(),
        display: if archive.site.is_english() {
            calendar::format_en(d)
        } else {
            roc.clone()
        },
        roc,
    }
}

#[derive(Serialize, Clone)]
pub struct UnitLink {
    pub name: String,
    pub url: String,
}

#[derive(Serialize, Clone)]
pub struct Meeting {
    pub title: String,
    pub url: String,
    pub date: Day,
    /// The agenda item's label and link, when the directive names it and the record has it.
    pub item: Option<String>,
    pub item_url: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct UpdateView {
    pub meeting: Meeting,
    pub status: &'static str,
    pub word: &'static str,
    pub note: Option<String>,
    pub due: Option<Day>,
    pub merged_into: Option<UnitLink>,
    pub changed: bool,
}

/// A directive as pages show it.
#[derive(Serialize, Clone)]
pub struct View {
    pub id: String,
    pub url: String,
    pub text: String,
    pub status: &'static str,
    pub group: &'static str,
    pub units: Vec<UnitLink>,
    pub due: Option<Day>,
    pub first_due: Option<Day>,
    pub overdue: bool,
    pub from_table: bool,
    pub given: Meeting,
    pub updates: Vec<UpdateView>,
    pub merged_into: Option<UnitLink>,
}

fn root(archive: &Archive) -> String {
    archive.site.root_path()
}

fn unit_link(archive: &Archive, r: &Ref) -> UnitLink {
    let name = archive
        .units
        .by_slug(&r.slug)
        .map(|e| match (&e.en, archive.site.is_english()) {
            (Some(en), true) => en.clone(),
            _ => e.name.clone(),
        })
        .unwrap_or_else(|| r.name.to_string());
    UnitLink {
        name,
        url: format!("{}units/{}/", root(archive), r.slug),
    }
}

fn id_link(archive: &Archive, id: &str) -> UnitLink {
    UnitLink {
        name: id.to_string(),
        url: directive_url(archive, id),
    }
}

/// The page of directive `id`, from the site root.
pub fn directive_url(archive: &Archive, id: &str) -> String {
    format!("{}followups/{id}/", root(archive))
}

fn meeting(archive: &Archive, r: &Record, item: Option<&str>) -> Meeting {
    let url = format!("{}{}", root(archive), r.url);
    let found = item.and_then(|i| r.structure.agenda.iter().find(|a| a.label == i || a.anchor == i));
    // The meeting is named by its series and number (not the record's title), so that editing a
    // title in the preview leaves the timelines as they are (see `same_for_followups`).
    let series = archive
        .series
        .by_slug(&r.meta.series.slug)
        .map(|e| match (&e.en, archive.site.is_english()) {
            (Some(en), true) => en.clone(),
            _ => e.name.clone(),
        })
        .unwrap_or_else(|| r.meta.series.name.to_string());
    let title = match (r.meta.number, archive.site.is_english()) {
        (Some(n), true) => format!("{series} No. {n}"),
        (Some(n), false) => format!("第{n}次{series}"),
        (None, _) => series,
    };
    Meeting {
        title,
        date: day(archive, r.meta.date),
        item: found.map(|a| a.label.clone()).or(item.map(str::to_string)),
        item_url: found.map(|a| format!("{url}#{}", a.anchor)),
        url,
    }
}

pub fn view(archive: &Archive, t: &Tracker, d: &Directive) -> View {
    let recs = &archive.records;
    View {
        id: d.id.clone(),
        url: directive_url(archive, &d.id),
        text: d.text(recs).to_string(),
        status: d.status.as_str(),
        group: d.status.group(),
        units: d.units(recs).iter().map(|u| unit_link(archive, u)).collect(),
        due: d.due.map(|x| day(archive, x)),
        first_due: d.first_due.map(|x| day(archive, x)),
        overdue: d.overdue(t.today),
        from_table: d.from_table,
        given: meeting(archive, &recs[d.given], d.item(recs)),
        updates: d
            .updates
            .iter()
            .map(|u| {
                let status = u.status(recs);
                UpdateView {
                    meeting: meeting(archive, &recs[u.record], None),
                    status: status.kind.as_str(),
                    word: status.word,
                    note: u.note(recs).map(str::to_string),
                    due: u.due.map(|x| day(archive, x)),
                    merged_into: status.merged_into.as_deref().map(|i| id_link(archive, i)),
                    changed: u.changed,
                }
            })
            .collect(),
        merged_into: d.merged_into(recs).map(|i| id_link(archive, i)),
    }
}

#[derive(Serialize)]
struct Count {
    status: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct Group {
    unit: Option<UnitLink>,
    /// The first [`GROUP_MAX`] (soonest due); the unit's list (`units/<slug>/followups/`) has
    /// them all.
    directives: Vec<View>,
    total: usize,
    /// That list's URL, from the site root, and how many it lists (the unit's open directives,
    /// those it leads and those it shares).
    all_url: Option<String>,
    unit_open: usize,
}

/// Open directives the index shows per unit (the unit's list of them shows all of them).
pub const GROUP_MAX: usize = 20;

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev_url: Option<String>,
    next_url: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
struct PageLink {
    n: usize,
    url: String,
    current: bool,
}

/// Soonest due first (none last), then by id.
fn by_due(a: &&Directive, b: &&Directive) -> std::cmp::Ordering {
    (a.due.is_none(), a.due, &a.id).cmp(&(b.due.is_none(), b.due, &b.id))
}

/// Every follow-up page. `ctx(rel_url, title)` gives the shared context of a page (as the other
/// pages have it); the strings are the theme's (`t`).
fn counts(t: &Tracker) -> Vec<Count> {
    t.counts()
        .into_iter()
        .map(|(k, count)| Count {
            status: k.as_str(),
            count,
        })
        .collect()
}

/// The page `/followups/`: counts, and the open directives by lead unit. The paginated closed
/// and withdrawn lists come from [`list_pages`] and the directives' pages from
/// [`directive_pages`], a range at a time, so a producer never holds the contexts of every page
/// at once (30,000 directives and 1,000 list pages at 10,000 records).
pub fn produce(archive: &Archive, ctx: &dyn Fn(&str, &str) -> Context) -> Vec<Job> {
    let (t, recs) = (&archive.followups, &archive.records);
    if t.directives.is_empty() {
        return Vec::new();
    }
    let strings = crate::render::i18n::strings(&archive.site.config.language);
    let mut jobs = Vec::new();
    let counts = counts(t);
    // Open directives by lead unit, in the registry's order; those with no unit last.
    let unit_order: BTreeMap<&str, usize> = archive
        .units
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.slug.as_str(), i))
        .collect();
    let mut groups: BTreeMap<(usize, String), Vec<&Directive>> = BTreeMap::new();
    for d in t.directives.iter().filter(|d| d.status.is_open()) {
        let key = match d.lead(recs) {
            Some(u) => (
                unit_order.get(u.slug.as_ref()).copied().unwrap_or(usize::MAX - 1),
                u.slug.to_string(),
            ),
            None => (usize::MAX, String::new()),
        };
        groups.entry(key).or_default().push(d);
    }
    let groups: Vec<Group> = groups
        .into_values()
        .map(|mut list| {
            list.sort_by(by_due);
            Group {
                unit: list[0].lead(recs).map(|u| unit_link(archive, u)),
                all_url: list[0]
                    .lead(recs)
                    .map(|u| format!("{}{}", root(archive), unit_list_url(&u.slug))),
                unit_open: list[0].lead(recs).map_or(0, |u| {
                    t.directives
                        .iter()
                        .filter(|d| d.status.is_open() && d.units(recs).iter().any(|o| o.slug == u.slug))
                        .count()
                }),
                directives: list.iter().take(GROUP_MAX).map(|d| view(archive, t, d)).collect(),
                total: list.len(),
            }
        })
        .collect();
    let overdue = t.directives.iter().filter(|d| d.overdue(t.today)).count();
    let mut c = ctx("followups/", strings["followups"]);
    c.insert("counts", &counts);
    c.insert("groups", &groups);
    c.insert("overdue", &overdue);
    c.insert("today", &t.today.map(|d| day(archive, d)));
    c.insert("list", "open");
    c.insert("feed", &Some(format!("{}followups/atom.xml", root(archive))));
    jobs.push(("followups/index.html".to_string(), "followups.html", c));

    jobs
}

/// The lists of [`LIST_GROUPS`] other than the open one, by the group's name.
pub const LIST_GROUPS: [&str; 2] = ["closed", "withdrawn"];

/// The directives of `group` ("closed" or "withdrawn"), the latest released first.
fn list_of<'t>(t: &'t Tracker, group: &str) -> Vec<&'t Directive> {
    let mut list: Vec<&Directive> = t.directives.iter().filter(|d| d.status.group() == group).collect();
    list.sort_by(|a, b| {
        let last = |d: &Directive| d.updates.last().map(|u| u.date);
        (last(b), &a.id).cmp(&(last(a), &b.id))
    });
    list
}

/// How many pages the list of `group` has (at least one, when the tracker has directives).
pub fn list_page_count(archive: &Archive, group: &str) -> usize {
    let t = &archive.followups;
    if t.directives.is_empty() {
        return 0;
    }
    let n = t.directives.iter().filter(|d| d.status.group() == group).count();
    paginate(n, archive.site.config.per_page).len()
}

/// The pages `numbers` (1-based) of the list of `group` (`/followups/closed/`,
/// `/followups/closed/page/2/`, …), each with its page of directives and a pagination bar of a
/// few pages around it (as every listing's: linking every page made the lists quadratic).
pub fn list_pages(
    archive: &Archive,
    group: &'static str,
    numbers: std::ops::Range<usize>,
    ctx: &dyn Fn(&str, &str) -> Context,
) -> Vec<Job> {
    let t = &archive.followups;
    let strings = crate::render::i18n::strings(&archive.site.config.language);
    let title = match group {
        "closed" => strings["followups_closed"],
        _ => strings["followups_withdrawn"],
    };
    let counts = counts(t);
    let list = list_of(t, group);
    let base = format!("followups/{group}/");
    let pages = paginate(list.len(), archive.site.config.per_page);
    let url = |n: usize| format!("{}{}", root(archive), page_url(&base, n));
    pages
        .into_iter()
        .filter(|p| numbers.contains(&p.number))
        .map(|p| {
            let rel = page_url(&base, p.number);
            let title = if p.number > 1 {
                format!("{title} – {}", strings["page_n"].replace("{n}", &p.number.to_string()))
            } else {
                title.to_string()
            };
            let mut c = ctx(&rel, &title);
            c.insert("list", group);
            c.insert("counts", &counts);
            c.insert(
                "directives",
                &list[p.range.clone()]
                    .iter()
                    .map(|d| view(archive, t, d))
                    .collect::<Vec<_>>(),
            );
            c.insert(
                "pagination",
                &Pagination {
                    current: p.number,
                    total: p.total,
                    prev_url: (p.number > 1).then(|| url(p.number - 1)),
                    next_url: (p.number < p.total).then(|| url(p.number + 1)),
                    pages: crate::pages::page_window(p.number, p.total)
                        .into_iter()
                        .map(|n| PageLink {
                            n,
                            url: if n == 0 { String::new() } else { url(n) },
                            current: n == p.number,
                        })
                        .collect(),
                },
            );
            (
                page_file(&rel).to_string_lossy().replace('\\', "/"),
                "followups.html",
                c,
            )
        })
        .collect()
}

/// The pages `/followups/<id>/` of the directives `range` (indexes into the tracker's list): each
/// directive's timeline.
pub fn directive_pages(
    archive: &Archive,
    range: std::ops::Range<usize>,
    ctx: &dyn Fn(&str, &str) -> Context,
) -> Vec<Job> {
    let t = &archive.followups;
    let strings = crate::render::i18n::strings(&archive.site.config.language);
    t.directives[range]
        .iter()
        .map(|d| {
            let rel = format!("followups/{}/", d.id);
            let mut c = ctx(&rel, &format!("{} {}", strings["followup"], d.id));
            c.insert("directive", &view(archive, t, d));
            c.insert("today", &t.today.map(|d| day(archive, d)));
            (format!("followups/{}/index.html", d.id), "followup.html", c)
        })
        .collect()
}

/// For a record page: the directives the meeting gave, linked to their pages.
#[derive(Serialize)]
pub struct RecordPart {
    pub given: Vec<View>,
    pub index_url: String,
}

pub fn record(archive: &Archive, r: &Record) -> Option<RecordPart> {
    let t = &archive.followups;
    // Looked up by id (not by scanning every directive): this runs for every record page.
    let given: Vec<View> = r
        .meta
        .followups
        .iter()
        .filter_map(|g| t.get(&g.id))
        .filter(|d| archive.records[d.given].url == r.url)
        .map(|d| view(archive, t, d))
        .collect();
    (!given.is_empty()).then(|| RecordPart {
        given,
        index_url: format!("{}followups/", root(archive)),
    })
}

/// A record's body with each tracking-table row's id cell linked to its directive's page.
pub fn link_rows(archive: &Archive, r: &Record, html: &str) -> Option<String> {
    if !r.meta.followup_updates.iter().any(|u| u.in_table) {
        return None;
    }
    let mut out = html.to_string();
    let mut seen: Vec<&str> = Vec::new();
    for row in r.meta.followup_updates.iter().filter(|u| u.in_table) {
        if seen.contains(&row.id.as_str()) || archive.followups.get(&row.id).is_none() {
            continue;
        }
        seen.push(&row.id);
        // Ids are ASCII letters, digits and '-': written in the HTML as they are.
        let cell = format!(">{}</td>", row.id);
        let linked = format!("><a href=\"{}\">{}</a></td>", directive_url(archive, &row.id), row.id);
        let mut next = String::with_capacity(out.len() + 64);
        let mut rest = out.as_str();
        while let Some(at) = rest.find(&cell) {
            let before = &rest[..at];
            let is_td = before.rfind('<').is_some_and(|lt| before[lt..].starts_with("<td"));
            next.push_str(before);
            next.push_str(if is_td { &linked } else { &cell });
            rest = &rest[at + cell.len()..];
        }
        next.push_str(rest);
        out = next;
    }
    Some(out)
}

/// Open directives a unit's page lists (the soonest due); when it has more, the page links
/// [`unit_list_url`], which lists them all. (Every open directive on the unit's page made a unit
/// page of a generated 10,000-record archive 450 KB.)
pub const UNIT_MAX: usize = 20;

/// A unit's directives counted as its pages show them.
#[derive(Serialize, Clone, Copy, PartialEq, Eq, Debug)]
pub struct UnitCounts {
    pub open: usize,
    /// Open and past due on the archive's newest meeting date.
    pub overdue: usize,
    /// Closed, self-tracked or merged.
    pub closed: usize,
    pub withdrawn: usize,
}

/// The open directives of which `slug` is an owner, soonest due first, and its counts; `None`
/// when the unit owns no directive.
pub fn unit_directives<'t>(archive: &'t Archive, slug: &str) -> Option<(Vec<&'t Directive>, UnitCounts)> {
    let t = &archive.followups;
    let mut counts = UnitCounts {
        open: 0,
        overdue: 0,
        closed: 0,
        withdrawn: 0,
    };
    let mut open = Vec::new();
    let mut any = false;
    for d in t.directives.iter().filter(|d| d.owned_by(&archive.records, slug)) {
        any = true;
        match d.status.group() {
            "open" => {
                counts.overdue += usize::from(d.overdue(t.today));
                open.push(d);
            }
            "withdrawn" => counts.withdrawn += 1,
            _ => counts.closed += 1,
        }
    }
    counts.open = open.len();
    open.sort_by(by_due);
    any.then_some((open, counts))
}

/// The site-relative URL of the list of a unit's open directives (`units/<slug>/followups/`).
pub fn unit_list_url(slug: &str) -> String {
    format!("units/{slug}/followups/")
}

/// For a unit page: its first [`UNIT_MAX`] open directives (soonest due first), its counts, and
/// the URL of the list of them all when there are more.
#[derive(Serialize)]
pub struct UnitPart {
    pub open: Vec<View>,
    pub counts: UnitCounts,
    /// `units/<slug>/followups/` from the site root, when the unit has more open directives than
    /// `open` holds.
    pub all_url: Option<String>,
    pub index_url: String,
    pub feed: String,
}

pub fn unit(archive: &Archive, slug: &str) -> Option<UnitPart> {
    let t = &archive.followups;
    let (open, counts) = unit_directives(archive, slug)?;
    Some(UnitPart {
        open: open.iter().take(UNIT_MAX).map(|d| view(archive, t, d)).collect(),
        counts,
        all_url: (open.len() > UNIT_MAX).then(|| format!("{}{}", root(archive), unit_list_url(slug))),
        index_url: format!("{}followups/", root(archive)),
        feed: format!("{}units/{slug}/followups.xml", root(archive)),
    })
}

/// The day overdue is counted on (the archive's newest meeting), as pages show it.
pub fn today(archive: &Archive) -> Option<Day> {
    archive.followups.today.map(|d| day(archive, d))
}
