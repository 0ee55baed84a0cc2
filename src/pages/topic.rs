//! A topic's pages (`topics/<slug>/`): its records, newest first, with the topic's feed.

use super::{Batch, Pages};

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    p.listings
        .topics
        .iter()
        .map(|(slug, ixs)| -> Batch<'a> { Box::new(move || Ok(p.term_pages("topics", &p.archive.topics, slug, ixs))) })
        .collect()
}
