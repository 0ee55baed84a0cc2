//! Which pages an edit affects. After a good render the preview keeps its [`State`]: the records'
//! order, the listings and the records' summaries. After records change, the new state is compared
//! with the old one, listing by listing and page by page: a page is re-rendered when the records
//! it shows are not the same ones (by file) in the same places, when one of them changed anything a
//! listing shows of it, or when what the page shows of the whole listing (its length, a unit's
//! counts, the home page's browse counts) changed. Record pages are re-rendered for the records
//! that changed and for those whose series neighbours changed or moved. What is site-wide — the
//! oldest and newest dates (every non-record page's metadata), the registries, syntax.css — is
//! compared too; when it changes the caller renders the whole site instead.

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::config::{Registry, RegistryEntry};
use crate::listing::{page_url, paginate, Listings, RecordIx};
use crate::model::{page_file, Archive};
use crate::pages::{PageFilter, Selection};

/// What a good render leaves for the next incremental one.
pub struct State {
    /// Each record's file, in the archive's order.
    pub order: Vec<PathBuf>,
    pub listings: Listings,
    /// Each unit's related records (its own pages list these).
    pub related: Vec<(String, Vec<RecordIx>)>,
    /// Each record's summary value, in the archive's order.
    pub summaries: Vec<tera::Value>,
    pub global: Global,
    /// The archive's units, topics and series.
    pub registries: [Registry; 3],
}

/// What every page (or the site's files) depend on beyond the records they show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Global {
    oldest: Option<NaiveDate>,
    newest: Option<NaiveDate>,
    registries: [Vec<RegistryEntry>; 3],
    has_code: bool,
}

impl Global {
    pub fn of(archive: &Archive) -> Global {
        Global {
            oldest: crate::meta::oldest(archive),
            newest: crate::meta::newest(archive),
            registries: [
                archive.units.entries.clone(),
                archive.topics.entries.clone(),
                archive.series.entries.clone(),
            ],
            has_code: archive.records.iter().any(|r| r.has_code),
        }
    }
}

impl State {
    pub fn new(archive: &Archive, listings: Listings, summaries: Vec<tera::Value>) -> State {
        State {
            order: archive.records.iter().map(|r| r.rel.clone()).collect(),
            related: related(&listings),
            listings,
            summaries,
            global: Global::of(archive),
            registries: [archive.units.clone(), archive.topics.clone(), archive.series.clone()],
        }
    }
}

pub fn related(listings: &Listings) -> Vec<(String, Vec<RecordIx>)> {
    listings.units.iter().map(|(k, v)| (k.clone(), v.related())).collect()
}

/// A set of record files, looked up by their bytes.
pub fn file_set<'a>(rels: impl IntoIterator<Item = &'a PathBuf>) -> HashSet<&'a OsStr> {
    rels.into_iter().map(|p| p.as_os_str()).collect()
}

/// Compares an old and a new state.
pub struct Diff<'a> {
    pub old_order: &'a [PathBuf],
    pub new_order: &'a [PathBuf],
    /// Whether the order of records is unchanged (then indexes compare directly).
    pub same_order: bool,
    /// By new index: the record changed something listings show, or is new.
    pub visible: &'a [bool],
    pub per_page: usize,
}

fn page_path(base: &str, n: usize) -> String {
    page_file(&page_url(base, n)).to_string_lossy().replace('\\', "/")
}

impl Diff<'_> {
    fn same(&self, old: RecordIx, new: RecordIx) -> bool {
        if self.same_order {
            old == new
        } else {
            self.old_order[old] == self.new_order[new]
        }
    }

    fn same_list(&self, old: &[RecordIx], new: &[RecordIx]) -> bool {
        old.len() == new.len() && old.iter().zip(new).all(|(&a, &b)| self.same(a, b))
    }

    /// Which pages of the listing at `base` to render (`None`: it no longer exists); pages that
    /// no longer exist go to `removed`. `force` re-renders every page.
    fn listing(
        &self,
        base: &str,
        old: Option<&[RecordIx]>,
        new: Option<&[RecordIx]>,
        force: bool,
        removed: &mut Vec<String>,
    ) -> Option<PageFilter> {
        let old_pages = old.map(|o| paginate(o.len(), self.per_page).len()).unwrap_or(0);
        let Some(new) = new else {
            removed.extend((1..=old_pages).map(|n| page_path(base, n)));
            return None;
        };
        let pages = paginate(new.len(), self.per_page);
        removed.extend((pages.len() + 1..=old_pages).map(|n| page_path(base, n)));
        let Some(old) = old else {
            return Some(PageFilter::All);
        };
        if force || old.len() != new.len() {
            return Some(PageFilter::All);
        }
        let mut f = PageFilter::Only(Default::default());
        for p in &pages {
            if p.range
                .clone()
                .any(|i| self.visible[new[i]] || !self.same(old[i], new[i]))
            {
                f.add(p.number);
            }
        }
        Some(f)
    }

    /// Every page to render again, and the listing pages that are gone, for records that changed
    /// (`reloaded`, by new index: their own pages are rendered again).
    pub fn select(
        &self,
        old: &State,
        new: &Listings,
        new_related: &[(String, Vec<RecordIx>)],
        reloaded: &[RecordIx],
    ) -> (Selection, Vec<String>) {
        let mut sel = Selection::default();
        let mut removed = Vec::new();
        let ol = &old.listings;
        // The home page, the index pages and the search page show the listings' counts.
        let counts = |l: &Listings, rel: &[(String, Vec<RecordIx>)]| {
            (
                l.years.iter().map(|(y, v)| (*y, v.len())).collect::<Vec<_>>(),
                l.series.iter().map(|(k, v)| (k.clone(), v.len())).collect::<Vec<_>>(),
                l.topics.iter().map(|(k, v)| (k.clone(), v.len())).collect::<Vec<_>>(),
                rel.iter().map(|(k, v)| (k.clone(), v.len())).collect::<Vec<_>>(),
            )
        };
        let browse_changed = counts(ol, &old.related) != counts(new, new_related);
        sel.indexes = browse_changed;
        sel.special = browse_changed;
        let all_old: Vec<RecordIx> = (0..self.old_order.len()).collect();
        let all_new: Vec<RecordIx> = (0..self.new_order.len()).collect();
        sel.home = self.listing("", Some(&all_old), Some(&all_new), browse_changed, &mut removed);

        let old_related: HashMap<&str, &Vec<RecordIx>> = old.related.iter().map(|(k, v)| (k.as_str(), v)).collect();
        for (slug, rel) in new_related {
            let (o, n) = (ol.units.get(slug), &new.units[slug]);
            let base = format!("units/{slug}/");
            let unit_counts = |u: &crate::listing::UnitListing, related: usize| {
                (
                    u.agenda.len(),
                    u.reports.len(),
                    u.listed.len(),
                    related,
                    u.mentioned.len(),
                )
            };
            let old_rel = old_related.get(slug.as_str()).map(|v| v.as_slice());
            let force = match (o, old_rel) {
                (Some(o), Some(r)) => unit_counts(o, r.len()) != unit_counts(n, rel.len()),
                _ => true,
            };
            if let Some(mut f) = self.listing(&base, old_rel, Some(rel), force, &mut removed) {
                // The first page also shows the first mentions.
                let first = |m: &[RecordIx]| m[..m.len().min(20)].to_vec();
                let (om, nm) = (o.map(|o| first(&o.mentioned)).unwrap_or_default(), first(&n.mentioned));
                if !self.same_list(&om, &nm) || nm.iter().any(|&i| self.visible[i]) {
                    f.add(1);
                }
                sel.units.insert(slug.clone(), f);
            }
            if let Some(f) = self.listing(
                &format!("{base}mentions/"),
                o.map(|o| o.mentioned.as_slice()),
                Some(&n.mentioned),
                false,
                &mut removed,
            ) {
                sel.mentions.insert(slug.clone(), f);
            }
        }
        for (slug, o) in &ol.units {
            if !new.units.contains_key(slug) {
                let base = format!("units/{slug}/");
                let _ = self.listing(&base, Some(&o.related()), None, false, &mut removed);
                let _ = self.listing(
                    &format!("{base}mentions/"),
                    Some(&o.mentioned),
                    None,
                    false,
                    &mut removed,
                );
            }
        }
        for (kind, o, n, chosen) in [
            ("topics", &ol.topics, &new.topics, &mut sel.topics),
            ("series", &ol.series, &new.series, &mut sel.series),
        ] {
            for slug in o.keys().chain(n.keys()) {
                let base = format!("{kind}/{slug}/");
                let (ov, nv) = (o.get(slug).map(Vec::as_slice), n.get(slug).map(Vec::as_slice));
                if chosen.contains_key(slug) {
                    continue;
                }
                if let Some(f) = self.listing(&base, ov, nv, false, &mut removed) {
                    chosen.insert(slug.clone(), f);
                } else if nv.is_none() && ov.is_some() {
                    // Gone: recorded in `removed` already; do not look at it twice.
                    chosen.insert(slug.clone(), PageFilter::Only(Default::default()));
                }
            }
        }
        let years: std::collections::BTreeSet<i32> = ol.years.keys().chain(new.years.keys()).copied().collect();
        for y in years {
            let base = format!("years/{y}/");
            let (ov, nv) = (
                ol.years.get(&y).map(Vec::as_slice),
                new.years.get(&y).map(Vec::as_slice),
            );
            if let Some(f) = self.listing(&base, ov, nv, false, &mut removed) {
                sel.years.insert(y, f);
            }
        }

        // Record pages: the changed records, and those whose series neighbours changed.
        sel.records.extend(reloaded.iter().copied());
        for (slug, nl) in &new.series {
            let olist = ol.series.get(slug).map(Vec::as_slice).unwrap_or(&[]);
            if self.same_list(olist, nl) {
                for (i, &ix) in nl.iter().enumerate() {
                    if self.visible[ix] {
                        if i > 0 {
                            sel.records.insert(nl[i - 1]);
                        }
                        if let Some(&next) = nl.get(i + 1) {
                            sel.records.insert(next);
                        }
                    }
                }
                continue;
            }
            let pos: HashMap<&OsStr, usize> = olist
                .iter()
                .enumerate()
                .map(|(p, &ix)| (self.old_order[ix].as_os_str(), p))
                .collect();
            let old_rel = |p: Option<usize>| p.and_then(|p| olist.get(p)).map(|&ix| self.old_order[ix].as_os_str());
            for (i, &ix) in nl.iter().enumerate() {
                let newer = i.checked_sub(1).map(|p| nl[p]);
                let older = nl.get(i + 1).copied();
                let dirty = match pos.get(self.new_order[ix].as_os_str()) {
                    None => true,
                    Some(&p) => {
                        old_rel(p.checked_sub(1)) != newer.map(|n| self.new_order[n].as_os_str())
                            || old_rel(Some(p + 1)) != older.map(|n| self.new_order[n].as_os_str())
                            || newer.is_some_and(|n| self.visible[n])
                            || older.is_some_and(|n| self.visible[n])
                    }
                };
                if dirty {
                    sel.records.insert(ix);
                }
            }
        }
        (sel, removed)
    }
}
