//! The index pages of units, topics, series and years (`units/`, …): every term with its count.

use super::{Batch, Job, Pages};
use crate::render::i18n;

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    vec![Box::new(move || Ok(jobs(p)))]
}

fn jobs(p: &Pages) -> Vec<Job> {
    let t = i18n::strings(&p.archive.site.config.language);
    let browse = p.browse();
    let mut out = Vec::new();
    for kind in ["units", "topics", "series", "years"] {
        let rel = format!("{kind}/");
        let mut c = p.ctx(&rel, t[kind]);
        c.insert("kind", kind);
        c.insert("terms", &browse[kind]);
        out.push(Job::page(&rel, "terms.html", c));
    }
    out
}
