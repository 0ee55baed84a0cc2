//! A year's pages (`years/<year>/`): its records, newest first, grouped by month, each with its
//! series; page 1 opens with the year's count per series.

use chrono::Datelike;
use serde::Serialize;

use super::{Batch, Job, Pages};
use crate::listing::{page_url, paginate, RecordIx};
use crate::minutes::calendar;

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    p.listings
        .years
        .iter()
        .map(|(year, ixs)| -> Batch<'a> { Box::new(move || Ok(jobs(p, *year, ixs))) })
        .collect()
}

/// The records of one month on a year's page.
#[derive(Serialize)]
struct Month {
    /// 1–12.
    month: u32,
    /// `9月`, `September`.
    name: String,
    /// `2024-09`, for the heading's id.
    id: String,
    records: tera::Value,
}

/// How many records of a year (or of the archive) a series has.
#[derive(Serialize, Clone)]
pub(super) struct SeriesCount {
    pub series: tera::Value,
    pub count: usize,
}

/// The count of each series among `ixs`, in the series registry's order (series not registered
/// after them, by name).
pub(super) fn series_counts(p: &Pages, ixs: &[RecordIx]) -> Vec<SeriesCount> {
    let a = p.archive;
    let mut counts: std::collections::BTreeMap<(usize, &str), (usize, RecordIx)> = Default::default();
    for &ix in ixs {
        let s = &a.records[ix].meta.series;
        let order = a
            .series
            .entries
            .iter()
            .position(|e| *e.slug == *s.slug)
            .unwrap_or(usize::MAX);
        counts.entry((order, s.slug.as_ref())).or_insert((0, ix)).0 += 1;
    }
    counts
        .into_values()
        .map(|(count, ix)| {
            let s = &a.records[ix].meta.series;
            SeriesCount {
                series: p.link_value("series", &p.link("series", &a.series, &s.slug, &s.name)),
                count,
            }
        })
        .collect()
}

fn jobs(p: &Pages, year: i32, ixs: &[RecordIx]) -> Vec<Job> {
    let a = p.archive;
    let title = if a.site.is_english() {
        format!("{year}")
    } else {
        format!("{year}年（民國{}年）", year - calendar::ROC_OFFSET)
    };
    let base = format!("years/{year}/");
    let by_series = series_counts(p, ixs);
    let mut out = Vec::new();
    for pg in paginate(ixs.len(), a.site.config.per_page) {
        let mut months: Vec<(u32, Vec<RecordIx>)> = Vec::new();
        for &ix in &ixs[pg.range.clone()] {
            let m = a.records[ix].meta.date.month();
            match months.last_mut() {
                Some((month, v)) if *month == m => v.push(ix),
                _ => months.push((m, vec![ix])),
            }
        }
        let months: Vec<Month> = months
            .into_iter()
            .map(|(m, v)| Month {
                month: m,
                name: if a.site.is_english() {
                    chrono::NaiveDate::from_ymd_opt(year, m, 1)
                        .map(|d| d.format("%B").to_string())
                        .unwrap_or_default()
                } else {
                    format!("{m}月")
                },
                id: format!("{year}-{m:02}"),
                records: p.summaries(&v),
            })
            .collect();
        let rel = page_url(&base, pg.number);
        let mut c = p.ctx(&rel, &p.numbered_title(&title, pg.number));
        c.insert("year", &year);
        c.insert("months", &months);
        c.insert("by_series", &by_series);
        c.insert("total", &ixs.len());
        c.insert("pagination", &p.pagination(&base, pg.number, pg.total));
        out.push(Job::page(&rel, "year.html", c));
    }
    out
}
