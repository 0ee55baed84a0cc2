//! The search page (`search/`): the form, its facets (units, topics, series, years), the
//! registered names of units and topics (for the alias offer) and the search script's strings.
//! Only when the theme has `search.html`.

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
        c.insert("search_names", &search_names(&p.archive.site));
        c.insert(
            "search_strings",
            &i18n::search_script_json(&p.archive.site.config.language),
        );
        Ok(vec![Job::page("search/", "search.html", c)])
    })]
}

/// The units and topics that have aliases, for the search page's alias offer: JSON (safe inside
/// a `<script>` element) of `[[names…], [folded names…]]` per entry, the registered name first,
/// then its aliases. The script offers the other names of an entry when a query term folds to one
/// of them ("資安院 = 國家資通安全研究院、NICS：也搜尋"); the folds are the index's
/// ([`crate::search::fold`]), so the page needs no fold table to compare them.
pub fn search_names(site: &crate::config::Site) -> String {
    let mut groups: Vec<(Vec<&str>, Vec<String>)> = Vec::new();
    for e in site.units.entries.iter().chain(&site.topics.entries) {
        if e.aliases.is_empty() {
            continue;
        }
        let names: Vec<&str> = std::iter::once(e.name.as_str())
            .chain(e.aliases.iter().map(String::as_str))
            .collect();
        let folded = names.iter().map(|n| crate::search::fold(n)).collect();
        groups.push((names, folded));
    }
    i18n::script_safe_json(&groups)
}
