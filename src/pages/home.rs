//! The home page: every record, newest first, with the browse counts and the site's feed.

use super::{Batch, Job, Pages};
use crate::listing::RecordIx;

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    vec![Box::new(move || Ok(jobs(p)))]
}

fn jobs(p: &Pages) -> Vec<Job> {
    let ixs: Vec<RecordIx> = (0..p.archive.records.len()).collect();
    let browse = p.browse();
    let title = p.archive.site.config.title.clone();
    p.listing_pages("index.html", "", &title, &ixs, &|c, _| {
        c.insert("browse", &browse);
        c.insert("feed", &Some(p.url("atom.xml")));
    })
}
