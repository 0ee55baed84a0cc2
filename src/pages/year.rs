//! A year's pages (`years/<year>/`): its records, newest first.

use super::{Batch, Job, Pages};
use crate::config::RegistryEntry;
use crate::listing::RecordIx;
use crate::minutes::calendar;

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    p.listings
        .years
        .iter()
        .map(|(year, ixs)| -> Batch<'a> { Box::new(move || Ok(jobs(p, *year, ixs))) })
        .collect()
}

fn jobs(p: &Pages, year: i32, ixs: &[RecordIx]) -> Vec<Job> {
    let title = if p.archive.site.is_english() {
        format!("{year}")
    } else {
        format!("{year}年（民國{}年）", year - calendar::ROC_OFFSET)
    };
    let base = format!("years/{year}/");
    p.listing_pages("list.html", &base, &title, ixs, &|c, _| {
        c.insert("kind", "years");
        c.insert("term", &Option::<RegistryEntry>::None);
    })
}
