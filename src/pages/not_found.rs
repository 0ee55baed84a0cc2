//! The 404 page (`404.html`, which hosts serve for any missing path).

use super::{Batch, Job, Pages};
use crate::render::i18n;

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    vec![Box::new(move || {
        let t = i18n::strings(&p.archive.site.config.language);
        let c = p.ctx("404.html", t["not_found"]);
        Ok(vec![Job::file("404.html", "404.html", c)])
    })]
}
