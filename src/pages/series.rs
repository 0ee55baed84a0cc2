//! A series' pages (`series/<slug>/`): its meetings, newest first, with the series' feed.

use super::{Batch, Pages};

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    p.listings
        .series
        .iter()
        .map(|(slug, ixs)| -> Batch<'a> { Box::new(move || Ok(p.term_pages("series", &p.archive.series, slug, ixs))) })
        .collect()
}
