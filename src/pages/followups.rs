//! The follow-up pages: `/followups/` (open, closed, withdrawn) and each directive's timeline
//! (`/followups/<id>/`), made by [`crate::followups::pages::produce`].

use super::{Batch, Job, Pages};

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    vec![Box::new(move || {
        Ok(crate::followups::pages::produce(p.archive, &|u, t| p.ctx(u, t))
            .into_iter()
            .map(|(path, template, c)| Job::file(path, template, c))
            .collect())
    })]
}
