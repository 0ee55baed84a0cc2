//! The open data page (`data/`): the data files with their descriptions and the CSV columns.
//! Only when the theme has `data.html`.

use super::{Batch, Job, Pages};
use crate::render::i18n;

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    if !p.renderer.has("data.html") {
        return Vec::new();
    }
    vec![Box::new(move || {
        let t = i18n::strings(&p.archive.site.config.language);
        let mut c = p.ctx("data/", t["data"]);
        c.insert("files", &crate::opendata::files(p.archive));
        c.insert("csv_columns", &crate::opendata::csv_columns());
        Ok(vec![Job::page("data/", "data.html", c)])
    })]
}
