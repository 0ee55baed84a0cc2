//! The follow-up pages: `/followups/` (the open directives), made by
//! [`crate::followups::pages::produce`]; the paginated closed and withdrawn lists
//! ([`crate::followups::pages::list_pages`]) and each directive's timeline (`/followups/<id>/`,
//! [`crate::followups::pages::directive_pages`]), a chunk of pages at a time.

use super::{Batch, Job, Pages};

/// Directives per batch: the batches spread over the cores, and only the contexts of the batches
/// being rendered are alive (all 30,000 of a 10,000-record archive held at once took 800 MB).
const CHUNK: usize = 256;

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    let wrap = |jobs: Vec<crate::followups::pages::Job>| -> Vec<Job> {
        jobs.into_iter()
            .map(|(path, template, c)| Job::file(path, template, c))
            .collect()
    };
    let mut out: Vec<Batch<'a>> = vec![Box::new(move || {
        Ok(wrap(crate::followups::pages::produce(p.archive, &|u, t| p.ctx(u, t))))
    })];
    const LIST_CHUNK: usize = 32;
    for group in crate::followups::pages::LIST_GROUPS {
        let pages = crate::followups::pages::list_page_count(p.archive, group);
        out.extend((0..pages.div_ceil(LIST_CHUNK)).map(|c| -> Batch<'a> {
            Box::new(move || {
                let numbers = c * LIST_CHUNK + 1..((c + 1) * LIST_CHUNK).min(pages) + 1;
                Ok(wrap(crate::followups::pages::list_pages(
                    p.archive,
                    group,
                    numbers,
                    &|u, t| p.ctx(u, t),
                )))
            })
        }));
    }
    let n = p.archive.followups.directives.len();
    out.extend((0..n.div_ceil(CHUNK)).map(|c| -> Batch<'a> {
        Box::new(move || {
            let range = c * CHUNK..((c + 1) * CHUNK).min(n);
            Ok(wrap(crate::followups::pages::directive_pages(
                p.archive,
                range,
                &|u, t| p.ctx(u, t),
            )))
        })
    }));
    out
}
