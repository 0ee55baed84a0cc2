//! A unit's open directives, all of them (`units/<slug>/followups/`, paginated): the unit's page
//! lists only the first [`crate::followups::pages::UNIT_MAX`] and links here when there are more.
//! The list exists for every unit with an open directive, so its URL does not come and go as the
//! count crosses the cap.

use super::{Batch, Job, Pages};
use crate::followups::pages::{unit_directives, unit_list_url, view};
use crate::listing::{page_url, paginate};
use crate::render::i18n;

/// List pages per batch: a unit of a 10,000-record archive has hundreds of open directives, and
/// only the contexts of the batches being rendered are alive.
const CHUNK: usize = 32;

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    let t = &p.archive.followups;
    if t.directives.is_empty() {
        return Vec::new();
    }
    let per_page = p.archive.site.config.per_page;
    let mut out: Vec<Batch<'a>> = Vec::new();
    for slug in p.listings.units.keys() {
        let open = t
            .directives
            .iter()
            .filter(|d| d.status.is_open() && d.owned_by(&p.archive.records, slug))
            .count();
        if open == 0 {
            continue;
        }
        let pages = paginate(open, per_page).len();
        out.extend((0..pages.div_ceil(CHUNK)).map(|c| -> Batch<'a> {
            Box::new(move || Ok(jobs(p, slug, c * CHUNK + 1..((c + 1) * CHUNK).min(pages) + 1)))
        }));
    }
    out
}

/// The pages `numbers` (1-based) of the list of unit `slug`'s open directives.
fn jobs(p: &Pages, slug: &str, numbers: std::ops::Range<usize>) -> Vec<Job> {
    let a = p.archive;
    let t = &a.followups;
    let Some((open, counts)) = unit_directives(a, slug) else {
        return Vec::new();
    };
    let entry = a.units.by_slug(slug);
    let name = entry.map(|e| p.display_name(e)).unwrap_or_else(|| slug.to_string());
    let strings = i18n::strings(&a.site.config.language);
    let title = strings["followups_unit_title"].replace("{unit}", &name);
    let base = unit_list_url(slug);
    let today = crate::followups::pages::today(a);
    paginate(open.len(), a.site.config.per_page)
        .into_iter()
        .filter(|pg| numbers.contains(&pg.number))
        .map(|pg| {
            let rel = page_url(&base, pg.number);
            let full = p.numbered_title(&title, pg.number);
            let mut c = p.ctx(&rel, &full);
            c.insert("unit", &entry);
            c.insert("unit_name", &name);
            c.insert("unit_lang", &p.name_lang(entry));
            c.insert("title_rest", &p.title_after_name(&full, &name, entry));
            c.insert("unit_url", &p.url(&format!("units/{slug}/")));
            c.insert("counts", &counts);
            c.insert(
                "directives",
                &open[pg.range.clone()].iter().map(|d| view(a, t, d)).collect::<Vec<_>>(),
            );
            c.insert("today", &today);
            c.insert("index_url", &p.url("followups/"));
            c.insert("feed", &Some(p.url(&format!("units/{slug}/followups.xml"))));
            c.insert("pagination", &p.pagination(&base, pg.number, pg.total));
            Job::page(&rel, "unit_followups.html", c)
        })
        .collect()
}
