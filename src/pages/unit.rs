//! A unit's pages (`units/<slug>/`): the agenda items and motions it reported, newest first and
//! paginated, each with what its decision decided; on page 1 also its follow-ups, its unit
//! reports as a compact list per year, the other records that list it, the first records that
//! only mention it and a chart of items and reports per year. Every record that mentions it is on
//! `units/<slug>/mentions/`.

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::Serialize;

use super::{Batch, Job, Pages};
use crate::listing::{page_url, paginate, RecordIx};
use crate::render::i18n;

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    p.listings
        .units
        .keys()
        .map(|slug| -> Batch<'a> { Box::new(move || Ok(jobs(p, slug))) })
        .collect()
}

/// An agenda item or motion as a unit's (or topic's) page lists it.
#[derive(Serialize)]
pub(super) struct Item {
    pub record: tera::Value,
    pub kind: &'static str,
    pub label: String,
    pub title: String,
    pub url: String,
    /// What the decision decided ([`crate::minutes::decision_substance`]), point by point.
    pub points: Vec<String>,
    /// Whether a leading 洽悉 was left out of `points` (the page links the whole text).
    pub cut: bool,
    pub decision_label: &'static str,
}

impl Item {
    pub(super) fn new(p: &Pages, ix: RecordIx, ai: usize) -> Item {
        let r = &p.archive.records[ix];
        let it = &r.structure.agenda[ai];
        let (points, cut) = crate::minutes::decision_substance(&it.decision);
        Item {
            record: p.summaries[ix].clone(),
            kind: it.kind.as_str(),
            label: it.label.clone(),
            title: it.title.clone(),
            url: format!("{}#{}", p.url(&r.url), it.anchor),
            points: points.into_iter().map(String::from).collect(),
            cut,
            decision_label: it.decision_label,
        }
    }
}

/// One meeting in a compact per-year list: the meeting, linked (to a part of it when `url` has an
/// anchor), with its date.
#[derive(Serialize)]
struct Meeting {
    title: String,
    url: String,
    date: String,
    /// The date without the year, as the year's heading gives it (`9月11日`, `11 Sep`).
    day: String,
    series: tera::Value,
}

#[derive(Serialize)]
struct Year {
    year: i32,
    meetings: Vec<Meeting>,
}

/// Page 1 lists a unit's newest reports, at most this many, and links every year's page
/// (`units/<slug>/reports/<year>/`), which lists them all. A ministry's unit reports at nearly
/// every meeting: twenty years of them on one page made it 700 KB.
const INLINE_REPORTS: usize = 50;

/// A year of a unit's reports, as the year links list it.
#[derive(Serialize)]
struct ReportYear {
    year: i32,
    count: usize,
    url: String,
}

/// Group `(record, url)` pairs (newest first) by year, newest year first.
fn by_year(p: &Pages, entries: impl IntoIterator<Item = (RecordIx, String)>) -> Vec<Year> {
    let mut out: Vec<Year> = Vec::new();
    for (ix, url) in entries {
        let r = &p.archive.records[ix];
        let d = r.meta.date;
        let m = Meeting {
            title: r.meta.title.clone(),
            url,
            date: d.to_string(),
            day: if p.archive.site.is_english() {
                d.format("%-d %b").to_string()
            } else {
                format!("{}月{}日", d.month(), d.day())
            },
            series: p.link_value(
                "series",
                &p.link("series", &p.archive.series, &r.meta.series.slug, &r.meta.series.name),
            ),
        };
        match out.last_mut() {
            Some(y) if y.year == d.year() => y.meetings.push(m),
            _ => out.push(Year {
                year: d.year(),
                meetings: vec![m],
            }),
        }
    }
    out
}

/// A small bar chart of two counts per year, drawn as SVG by the theme (`chart.html`): the
/// geometry is computed here, so the template only places rectangles.
#[derive(Serialize)]
pub(super) struct Chart {
    pub width: u32,
    pub height: u32,
    /// The baseline's y.
    pub base: u32,
    pub bars: Vec<ChartYear>,
    /// The names of the two counts, as the legend and the description give them.
    pub labels: [&'static str; 2],
    /// The counts in words, for the chart's description (`2024：案由 3、業務報告 1`).
    pub desc: String,
}

#[derive(Serialize)]
pub(super) struct ChartYear {
    pub year: i32,
    pub x: u32,
    pub counts: [usize; 2],
    /// Each bar's top and height.
    pub y: [u32; 2],
    pub h: [u32; 2],
}

/// A year's width (two bars of 14 and their gaps, as `chart.html` draws them) and the bars'
/// tallest height, in SVG units.
const STEP: u32 = 44;
const TALL: u32 = 80;

impl Chart {
    /// The chart of `per_year` (year → the two counts), every year from the first to the last;
    /// `None` when there is nothing to draw.
    pub(super) fn new(p: &Pages, per_year: &BTreeMap<i32, [usize; 2]>, labels: [&'static str; 2]) -> Option<Chart> {
        let (&first, &last) = (per_year.keys().next()?, per_year.keys().next_back()?);
        let max = per_year.values().flat_map(|c| c.iter().copied()).max()?.max(1);
        let t = i18n::strings(&p.archive.site.config.language);
        let base = TALL + 18;
        let mut bars = Vec::new();
        let mut desc = Vec::new();
        for (i, year) in (first..=last).enumerate() {
            let counts = per_year.get(&year).copied().unwrap_or([0, 0]);
            let h = counts.map(|c| (c as u32 * TALL).div_ceil(max as u32));
            desc.push(format!(
                "{year}{}{} {}{}{} {}",
                t["colon"], t[labels[0]], counts[0], t["list_sep"], t[labels[1]], counts[1]
            ));
            bars.push(ChartYear {
                year,
                x: 8 + i as u32 * STEP,
                counts,
                y: h.map(|h| base - h),
                h,
            });
        }
        let sep = if p.archive.site.is_english() { "; " } else { "；" };
        Some(Chart {
            width: 16 + bars.len() as u32 * STEP,
            height: base + 20,
            base,
            bars,
            labels,
            desc: desc.join(sep),
        })
    }
}

/// A unit's own pages and its `mentions/` pages.
pub fn jobs(p: &Pages, slug: &str) -> Vec<Job> {
    let a = p.archive;
    let listing = &p.listings.units[slug];
    let entry = a.units.by_slug(slug);
    let name = entry.map(|e| p.display_name(e)).unwrap_or_else(|| slug.to_string());
    let base = format!("units/{slug}/");
    let per_page = a.site.config.per_page;

    // Page 1's parts after the items.
    let report_url = |&(ix, ri): &(RecordIx, usize)| {
        let r = &a.records[ix];
        (ix, format!("{}#{}", p.url(&r.url), r.structure.reports[ri].anchor))
    };
    let recent_reports = by_year(p, listing.reports.iter().take(INLINE_REPORTS).map(report_url));
    let reports = by_year(p, listing.reports.iter().map(report_url));
    let report_years: Vec<ReportYear> = reports
        .iter()
        .map(|y| ReportYear {
            year: y.year,
            count: y.meetings.len(),
            url: p.url(&format!("{base}reports/{}/", y.year)),
        })
        .collect();
    let formal: std::collections::HashSet<RecordIx> =
        listing.agenda.iter().chain(&listing.reports).map(|(r, _)| *r).collect();
    let listed_only = by_year(
        p,
        listing
            .listed
            .iter()
            .filter(|ix| !formal.contains(ix))
            .map(|&ix| (ix, p.url(&a.records[ix].url))),
    );
    let mut per_year: BTreeMap<i32, [usize; 2]> = BTreeMap::new();
    for (ix, _) in &listing.agenda {
        per_year.entry(a.records[*ix].meta.date.year()).or_default()[0] += 1;
    }
    for (ix, _) in &listing.reports {
        per_year.entry(a.records[*ix].meta.date.year()).or_default()[1] += 1;
    }
    let chart = Chart::new(p, &per_year, ["agenda_items", "unit_reports"]);
    let first_mentions = &listing.mentioned[..listing.mentioned.len().min(20)];
    let counts = BTreeMap::from([
        ("agenda", listing.agenda.len()),
        ("reports", listing.reports.len()),
        ("listed", listing.listed.len()),
        ("related", listing.related().len()),
        ("mentioned", listing.mentioned.len()),
    ]);

    let mut out = Vec::new();
    for pg in paginate(listing.agenda.len(), per_page) {
        let items: Vec<Item> = listing.agenda[pg.range.clone()]
            .iter()
            .map(|&(ix, ai)| Item::new(p, ix, ai))
            .collect();
        let first = pg.number == 1;
        let rel = page_url(&base, pg.number);
        let mut c = p.ctx(&rel, &p.numbered_title(&name, pg.number));
        if first {
            c.insert("title_lang", &p.name_lang(entry));
        }
        c.insert("unit", &entry);
        c.insert("items", &items);
        c.insert("counts", &counts);
        c.insert("first_page", &first);
        c.insert(
            "followups",
            &first.then(|| crate::followups::pages::unit(p.archive, slug)).flatten(),
        );
        c.insert("reports_by_year", if first { &recent_reports[..] } else { &[] });
        c.insert("report_years", if first { &report_years[..] } else { &[] });
        c.insert("reports_shown", &listing.reports.len().min(INLINE_REPORTS));
        c.insert("current_year", &Option::<i32>::None);
        c.insert("listed_by_year", if first { &listed_only[..] } else { &[] });
        c.insert("chart", &chart.as_ref().filter(|_| first));
        c.insert_value("mentioned", p.summaries(if first { first_mentions } else { &[] }));
        c.insert("mentions_url", &p.url(&format!("{base}mentions/")));
        c.insert("pagination", &p.pagination(&base, pg.number, pg.total));
        c.insert("feed", &Some(p.url(&format!("{base}atom.xml"))));
        out.push(Job::page(&rel, "unit.html", c));
    }
    // A page per year of the unit's reports.
    let strings = i18n::strings(&a.site.config.language);
    for y in &reports {
        let rel = format!("{base}reports/{}/", y.year);
        let title = strings["unit_reports_year"]
            .replace("{unit}", &name)
            .replace("{year}", &y.year.to_string());
        let mut c = p.ctx(&rel, &title);
        c.insert("unit", &entry);
        c.insert("unit_name", &name);
        c.insert("unit_lang", &p.name_lang(entry));
        c.insert("title_rest", &p.title_after_name(&title, &name, entry));
        c.insert("unit_url", &p.url(&base));
        c.insert("count", &y.meetings.len());
        c.insert("reports_by_year", std::slice::from_ref(y));
        c.insert("report_years", &report_years);
        c.insert("current_year", &Some(y.year));
        out.push(Job::page(&rel, "unit_reports.html", c));
    }
    let strings = i18n::strings(&a.site.config.language);
    let mention_title = format!("{name}{}{}", strings["colon"], strings["all_mentions"]);
    out.extend(p.listing_pages(
        "list.html",
        &format!("{base}mentions/"),
        &mention_title,
        &listing.mentioned,
        &|c, page| {
            c.insert("kind", "mentions");
            c.insert("term", &entry);
            p.mark_title_name(c, &p.numbered_title(&mention_title, page), &name, entry);
        },
    ));
    out
}
