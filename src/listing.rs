//! Listings: which records belong on each per-unit, per-topic, per-series and per-year page, and
//! how long listings are split into pages. Pure functions over the [`Archive`]; no I/O.

use std::collections::BTreeMap;

use chrono::Datelike;

use crate::model::Archive;

/// Index of a record in `Archive::records`.
pub type RecordIx = usize;

/// Everything the page of one unit lists.
#[derive(Debug, Clone, Default)]
pub struct UnitListing {
    /// Agenda items the unit reported: (record, item index), newest first.
    pub agenda: Vec<(RecordIx, usize)>,
    /// Unit reports: (record, report index), newest first.
    pub reports: Vec<(RecordIx, usize)>,
    /// Records that list the unit in front-matter.
    pub listed: Vec<RecordIx>,
    /// Records that only mention the unit in their text.
    pub mentioned: Vec<RecordIx>,
}

impl UnitListing {
    /// Records with any formal tie to the unit (listed, reported an item, or a unit report).
    pub fn related(&self) -> Vec<RecordIx> {
        let mut v: Vec<RecordIx> = self
            .listed
            .iter()
            .copied()
            .chain(self.agenda.iter().map(|(r, _)| *r))
            .chain(self.reports.iter().map(|(r, _)| *r))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

#[derive(Debug, Clone, Default)]
pub struct Listings {
    pub units: BTreeMap<String, UnitListing>,
    pub topics: BTreeMap<String, Vec<RecordIx>>,
    pub series: BTreeMap<String, Vec<RecordIx>>,
    /// Newest year first when iterated in reverse.
    pub years: BTreeMap<i32, Vec<RecordIx>>,
}

/// Group the archive's records (already newest first) by unit, topic, series and year.
pub fn build(archive: &Archive) -> Listings {
    let mut l = Listings::default();
    for e in &archive.units.entries {
        l.units.insert(e.slug.clone(), UnitListing::default());
    }
    for e in &archive.topics.entries {
        l.topics.insert(e.slug.clone(), Vec::new());
    }
    for e in &archive.series.entries {
        l.series.insert(e.slug.clone(), Vec::new());
    }
    for (ix, r) in archive.records.iter().enumerate() {
        l.years.entry(r.meta.date.year()).or_default().push(ix);
        l.series.entry(r.meta.series.slug.to_string()).or_default().push(ix);
        for t in &r.meta.topics {
            l.topics.entry(t.slug.to_string()).or_default().push(ix);
        }
        let mut formal: Vec<&str> = Vec::new();
        for u in &r.meta.units {
            l.units.entry(u.slug.to_string()).or_default().listed.push(ix);
            formal.push(&u.slug);
        }
        for (ai, a) in r.structure.agenda.iter().enumerate() {
            for u in &a.units {
                l.units.entry(u.clone()).or_default().agenda.push((ix, ai));
                formal.push(u);
            }
        }
        for (ri, rep) in r.structure.reports.iter().enumerate() {
            l.units.entry(rep.unit.clone()).or_default().reports.push((ix, ri));
            formal.push(&rep.unit);
        }
        for m in &r.structure.mentions {
            if !formal.contains(&m.as_str()) {
                l.units.entry(m.clone()).or_default().mentioned.push(ix);
            }
        }
    }
    l
}

/// One page of a paginated listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// 1-based.
    pub number: usize,
    pub total: usize,
    pub range: std::ops::Range<usize>,
}

/// Split `len` items into pages of `per_page`; an empty listing still has one (empty) page.
pub fn paginate(len: usize, per_page: usize) -> Vec<Page> {
    let per_page = per_page.max(1);
    let total = len.div_ceil(per_page).max(1);
    (0..total)
        .map(|i| Page {
            number: i + 1,
            total,
            range: (i * per_page).min(len)..((i + 1) * per_page).min(len),
        })
        .collect()
}

/// The URL of page `n` of the listing at `base` (`units/adi/` → `units/adi/page/2/`).
pub fn page_url(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}page/{n}/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination() {
        let p = paginate(65, 30);
        assert_eq!(p.len(), 3);
        assert_eq!(p[2].range, 60..65);
        assert_eq!(paginate(0, 30).len(), 1);
        assert_eq!(page_url("units/adi/", 1), "units/adi/");
        assert_eq!(page_url("units/adi/", 2), "units/adi/page/2/");
    }
}
