//! The home page: every record, newest first (the newest meetings on page 1), with an overview of
//! the archive per year (the count of each series) and the browse counts, and the site's feed.

use super::{Batch, Job, Pages};
use crate::listing::RecordIx;

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    vec![Box::new(move || Ok(jobs(p)))]
}

/// One year in the home page's overview.
#[derive(serde::Serialize)]
struct Year {
    year: i32,
    /// The 民國 year (`民國113年`, `ROC 113`).
    detail: Option<String>,
    url: String,
    total: usize,
    series: Vec<super::year::SeriesCount>,
}

fn jobs(p: &Pages) -> Vec<Job> {
    let ixs: Vec<RecordIx> = (0..p.archive.records.len()).collect();
    let browse = p.browse();
    let overview: Vec<Year> = p
        .listings
        .years
        .iter()
        .rev()
        .zip(&browse["years"])
        .map(|((year, ixs), term)| Year {
            year: *year,
            detail: term.detail.clone(),
            url: p.url(&format!("years/{year}/")),
            total: ixs.len(),
            series: super::year::series_counts(p, ixs),
        })
        .collect();
    let title = p.archive.site.config.title.clone();
    p.listing_pages("index.html", "", &title, &ixs, &|c, _| {
        c.insert("browse", &browse);
        c.insert("overview", &overview);
        c.insert("feed", &Some(p.url("atom.xml")));
    })
}
