//! A unit's pages: what it reported and its unit reports, record by record, with the records
//! that list it and its first mentions (`units/<slug>/`), and every record that mentions it
//! (`units/<slug>/mentions/`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::{of_record, Batch, Job, Pages};
use crate::listing::{page_url, paginate};
use crate::render::i18n;

pub fn batches<'a>(p: &'a Pages<'a>) -> Vec<Batch<'a>> {
    p.listings
        .units
        .keys()
        .map(|slug| -> Batch<'a> { Box::new(move || Ok(jobs(p, slug))) })
        .collect()
}

/// A unit's own pages (what it reported, its reports, the records that list it, its first
/// mentions) and its `mentions/` pages.
pub fn jobs(p: &Pages, slug: &str) -> Vec<Job> {
    #[derive(Serialize)]
    struct Item {
        label: String,
        title: String,
        url: String,
        decision_first: String,
        decision_label: &'static str,
    }
    #[derive(Serialize)]
    struct Report {
        heading: String,
        url: String,
    }
    #[derive(Serialize)]
    struct Entry {
        record: tera::Value,
        listed: bool,
        items: Vec<Item>,
        reports: Vec<Report>,
    }
    let a = p.archive;
    let listing = &p.listings.units[slug];
    let entry = a.units.by_slug(slug);
    let name = entry.map(|e| p.display_name(e)).unwrap_or_else(|| slug.to_string());
    let related = listing.related();
    let base = format!("units/{slug}/");
    let per_page = a.site.config.per_page;
    let first_mentions = &listing.mentioned[..listing.mentioned.len().min(20)];
    let mut out = Vec::new();
    for pg in paginate(related.len(), per_page) {
        let entries: Vec<Entry> = related[pg.range.clone()]
            .iter()
            .map(|&ix| {
                let r = &a.records[ix];
                let href = |anchor: &str| format!("{}#{}", p.url(&r.url), anchor);
                Entry {
                    record: p.summaries[ix].clone(),
                    listed: listing.listed.binary_search(&ix).is_ok(),
                    items: of_record(&listing.agenda, ix)
                        .iter()
                        .map(|(_, ai)| {
                            let it = &r.structure.agenda[*ai];
                            Item {
                                label: it.label.clone(),
                                title: it.title.clone(),
                                url: href(&it.anchor),
                                decision_first: it.decision_first.clone(),
                                decision_label: it.decision_label,
                            }
                        })
                        .collect(),
                    reports: of_record(&listing.reports, ix)
                        .iter()
                        .map(|(_, rp)| {
                            let rep = &r.structure.reports[*rp];
                            Report {
                                heading: rep.heading.clone(),
                                url: href(&rep.anchor),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        let rel = page_url(&base, pg.number);
        let mut c = p.ctx(&rel, &p.numbered_title(&name, pg.number));
        if pg.number == 1 {
            c.insert("title_lang", &p.name_lang(entry));
        }
        c.insert("unit", &entry);
        c.insert("entries", &entries);
        c.insert(
            "counts",
            &BTreeMap::from([
                ("agenda", listing.agenda.len()),
                ("reports", listing.reports.len()),
                ("listed", listing.listed.len()),
                ("related", related.len()),
                ("mentioned", listing.mentioned.len()),
            ]),
        );
        c.insert_value(
            "mentioned",
            p.summaries(if pg.number == 1 { first_mentions } else { &[] }),
        );
        c.insert("mentions_url", &p.url(&format!("{base}mentions/")));
        c.insert("pagination", &p.pagination(&base, pg.number, pg.total));
        c.insert("feed", &Some(p.url(&format!("{base}atom.xml"))));
        out.push(Job::page(&rel, "unit.html", c));
    }
    let mention_title = format!("{name}：{}", i18n::strings(&a.site.config.language)["all_mentions"]);
    out.extend(p.listing_pages(
        "list.html",
        &format!("{base}mentions/"),
        &mention_title,
        &listing.mentioned,
        &|c, _| {
            c.insert("kind", "mentions");
            c.insert("term", &entry);
        },
    ));
    out
}
