//! The search page (`search/`): the form, its facets (units, topics, series, years) and the
//! search script's strings. Only when the theme has `search.html`.

use super::{Batch, Job, Pages};
use crate::render::i18n;

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    if !p.renderer.has("search.html") {
        return Vec::new();
    }
    vec![Box::new(move || {
        let t = i18n::strings(&p.archive.site.config.language);
        let mut c = p.ctx("search/", t["search"]);
        let browse = p.browse();
        c.insert("units", &browse["units"]);
        c.insert("topics", &browse["topics"]);
        c.insert("series", &browse["series"]);
        c.insert("years", &p.listings.years.keys().rev().collect::<Vec<_>>());
        c.insert(
            "search_strings",
            &i18n::search_script_json(&p.archive.site.config.language),
        );
        Ok(vec![Job::page("search/", "search.html", c)])
    })]
}
