//! Pages: turns the archive and its listings into Tera contexts and renders every page kind —
//! home, record, unit, topic, series, year, their indexes, search and 404 — into the [`Output`].
//! Pages render in parallel; the output is the same whatever the thread count.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::Datelike;
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::config::{Registry, RegistryEntry};
use crate::diagnostics::Diagnostic;
use crate::listing::{page_url, paginate, Listings, RecordIx};
use crate::minutes::calendar;
use crate::model::{page_file, Archive, Record};
use crate::render::{i18n, Renderer};

/// The partial that renders one record's entry in listings (see [`Pages::summary_value`]).
const ITEM_TEMPLATE: &str = "record_item.html";

/// A rendered page: its output path and HTML (UTF-8).
pub type Rendered = (String, Vec<u8>);

#[derive(Serialize, Clone)]
pub struct LinkTo {
    pub name: String,
    pub slug: String,
    pub url: String,
    /// The language of `name` when the page is in another one: a registry name shown
    /// untranslated (no `en`) on a site whose pages are in another language than its records.
    pub lang: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct Summary {
    pub title: String,
    pub url: String,
    pub date: String,
    pub date_roc: String,
    pub date_en: String,
    /// The date as the pages show it: `date_roc` on Chinese sites, `date_en` on English ones.
    pub date_display: String,
    pub year: i32,
    pub series: LinkTo,
    pub number: Option<u32>,
    pub units: Vec<LinkTo>,
    pub topics: Vec<LinkTo>,
    pub agenda_count: usize,
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev_url: Option<String>,
    next_url: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
struct PageLink {
    n: usize,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct Term {
    name: String,
    /// As [`LinkTo::lang`].
    lang: Option<String>,
    en: Option<String>,
    slug: String,
    url: String,
    count: usize,
    detail: Option<String>,
}

/// Which page numbers of a listing to render.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum PageFilter {
    /// Every page.
    #[default]
    All,
    /// Only these page numbers (1-based); pages past the end are ignored.
    Only(BTreeSet<usize>),
}

const ALL_PAGES: PageFilter = PageFilter::All;

impl PageFilter {
    pub fn accepts(&self, n: usize) -> bool {
        match self {
            PageFilter::All => true,
            PageFilter::Only(s) => s.contains(&n),
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, PageFilter::Only(s) if s.is_empty())
    }

    /// Add page `n` (a no-op when every page is chosen already).
    pub fn add(&mut self, n: usize) {
        if let PageFilter::Only(s) = self {
            s.insert(n);
        }
    }

    /// Choose every page.
    pub fn all(&mut self) {
        *self = PageFilter::All;
    }

    fn none() -> PageFilter {
        PageFilter::Only(BTreeSet::new())
    }
}

/// A chosen subset of the site's pages (for the preview's incremental rebuild); see
/// [`Pages::some`]. Listings are named as in [`Listings`]; a listing left out renders nothing.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub records: BTreeSet<RecordIx>,
    pub home: Option<PageFilter>,
    /// A unit's own pages.
    pub units: BTreeMap<String, PageFilter>,
    /// A unit's `mentions/` pages.
    pub mentions: BTreeMap<String, PageFilter>,
    pub topics: BTreeMap<String, PageFilter>,
    pub series: BTreeMap<String, PageFilter>,
    pub years: BTreeMap<i32, PageFilter>,
    /// The units/topics/series/years index pages.
    pub indexes: bool,
    /// 404, data and search pages.
    pub special: bool,
}

/// Shared by every page: the site, the strings, and URL helpers.
pub struct Pages<'a> {
    pub archive: &'a Archive,
    pub listings: &'a Listings,
    pub renderer: &'a Renderer,
    root: String,
    base: Context,
    /// Each record's summary, converted for Tera once and shared by every listing it is on.
    summaries: Vec<tera::Value>,
    /// Set by a build ([`Pages::with_html_file`]): where records set their HTML aside.
    html: Option<&'a crate::scratch::ScratchFile>,
    /// Every registry entry's link as a Tera value, by (kind, slug), for [`Pages::summary_value`].
    links: HashMap<(&'static str, String), tera::Value>,
}

impl<'a> Pages<'a> {
    /// Like [`Pages::new`], with each record's summary value already made (as
    /// [`Pages::summary_value`] makes it), in the archive's order.
    pub fn with_summaries(
        archive: &'a Archive,
        listings: &'a Listings,
        renderer: &'a Renderer,
        summaries: Vec<tera::Value>,
    ) -> Self {
        let mut pages = Pages::new_empty(archive, listings, renderer);
        pages.summaries = summaries;
        pages
    }

    /// Record pages read the HTML of records that set it aside ([`Record::html_at`]) from `file`.
    pub fn with_html_file(mut self, file: &'a crate::scratch::ScratchFile) -> Self {
        self.html = Some(file);
        self
    }

    /// The summaries, in the archive's order (to keep between rebuilds).
    pub fn into_summaries(self) -> Vec<tera::Value> {
        self.summaries
    }

    /// A record's summary as listings and neighbours show it, with `item`: its entry in listings,
    /// rendered from `record_item.html` here, once, instead of on every listing page it is on
    /// (a record is on twenty or more of them).
    pub fn summary_value(&self, r: &Record) -> Result<tera::Value, Diagnostic> {
        let mut s = self.summary(r);
        let (units, topics) = (std::mem::take(&mut s.units), std::mem::take(&mut s.topics));
        let mut map = tera::Value::from_serializable(&s)
            .into_map()
            .expect("a summary is a map");
        // The links are the same for every record that has them: shared, not one copy each.
        let shared = |kind: &'static str, links: &[LinkTo]| -> tera::Value {
            tera::Value::from(links.iter().map(|l| self.link_value(kind, l)).collect::<Vec<_>>())
        };
        map.insert("units".into(), shared("units", &units));
        map.insert("topics".into(), shared("topics", &topics));
        map.insert("series".into(), self.link_value("series", &s.series));
        let summary = tera::Value::from(map);
        if !self.renderer.has(ITEM_TEMPLATE) {
            return Ok(summary);
        }
        let mut c = self.base.clone();
        c.insert_value("r", summary.clone());
        let item = self.renderer.render(ITEM_TEMPLATE, &c)?;
        drop(c);
        let mut map = summary.into_map().expect("a summary is a map");
        map.insert("item".into(), tera::Value::safe_string(&item));
        Ok(tera::Value::from(map))
    }

    pub fn new(archive: &'a Archive, listings: &'a Listings, renderer: &'a Renderer) -> Result<Self, Vec<Diagnostic>> {
        let mut pages = Pages::new_empty(archive, listings, renderer);
        let summaries: Vec<Result<tera::Value, Diagnostic>> =
            archive.records.par_iter().map(|r| pages.summary_value(r)).collect();
        let mut diags: Vec<Diagnostic> = Vec::new();
        for s in summaries {
            match s {
                Ok(v) => pages.summaries.push(v),
                // A broken item template fails the same way for every record: report it once.
                Err(d) if !diags.contains(&d) => diags.push(d),
                Err(_) => {}
            }
        }
        if diags.is_empty() {
            Ok(pages)
        } else {
            Err(diags)
        }
    }

    fn new_empty(archive: &'a Archive, listings: &'a Listings, renderer: &'a Renderer) -> Self {
        let site = &archive.site;
        let root = site.root_path();
        let mut base = Context::new();
        base.insert("site", &site.config);
        base.insert("root", &root);
        base.insert("lang", &site.config.language);
        // Set only when the records' language differs from the pages'.
        let content_lang = (!site.config.content_language.eq_ignore_ascii_case(&site.config.language))
            .then_some(&site.config.content_language);
        base.insert("content_lang", &content_lang);
        base.insert("t", &i18n::strings(&site.config.language));
        base.insert("has_search", &renderer.has("search.html"));
        let mut pages = Pages {
            archive,
            listings,
            renderer,
            root,
            base,
            summaries: Vec::new(),
            html: None,
            links: HashMap::new(),
        };
        for (kind, reg) in [
            ("units", &archive.units),
            ("topics", &archive.topics),
            ("series", &archive.series),
        ] {
            for e in &reg.entries {
                let v = tera::Value::from_serializable(&pages.link(kind, reg, &e.slug, &e.name));
                pages.links.insert((kind, e.slug.clone()), v);
            }
        }
        pages
    }

    fn summaries(&self, ixs: &[RecordIx]) -> tera::Value {
        tera::Value::from(ixs.iter().map(|&i| self.summaries[i].clone()).collect::<Vec<_>>())
    }

    /// A root-relative URL for a site-relative path.
    pub fn url(&self, rel: &str) -> String {
        format!("{}{}", self.root, rel.trim_start_matches('/'))
    }

    fn ctx(&self, rel_url: &str, title: &str) -> Context {
        let mut c = self.base.clone();
        c.insert("page_url", &self.url(rel_url));
        c.insert("canonical", &self.archive.site.absolute_url(rel_url));
        c.insert("page_title", title);
        // The language of the page title when it is a name in another language than the page's.
        c.insert("title_lang", &Option::<String>::None);
        c.insert("has_code", &false);
        c.insert("feed", &Option::<String>::None);
        c.insert("description", &self.archive.site.config.description);
        c.insert("head", &crate::meta::head(self.archive, title, rel_url, None));
        c
    }

    /// `l` as a Tera value: the one made for its registry entry when it has one (maps in Tera
    /// values are reference-counted, so every summary linking to it shares it).
    fn link_value(&self, kind: &'static str, l: &LinkTo) -> tera::Value {
        match self.links.get(&(kind, l.slug.clone())) {
            Some(v) => v.clone(),
            None => tera::Value::from_serializable(l),
        }
    }

    fn link(&self, kind: &str, reg: &Registry, slug: &str, fallback: &str) -> LinkTo {
        let entry = reg.by_slug(slug);
        LinkTo {
            name: entry
                .map(|e| self.display_name(e))
                .unwrap_or_else(|| fallback.to_string()),
            slug: slug.to_string(),
            url: self.url(&format!("{kind}/{slug}/")),
            lang: self.name_lang(entry),
        }
    }

    /// The language of the name [`Self::display_name`] shows for `entry` (or of a name taken from
    /// a record, without one), when it is not the pages' language: the records' language, unless
    /// the name shown is the entry's English one on an English site.
    fn name_lang(&self, entry: Option<&RegistryEntry>) -> Option<String> {
        let site = &self.archive.site;
        let translated = site.is_english() && entry.is_some_and(|e| e.en.is_some());
        let differs = !site.config.content_language.eq_ignore_ascii_case(&site.config.language);
        (differs && !translated).then(|| site.config.content_language.clone())
    }

    fn display_name(&self, e: &RegistryEntry) -> String {
        if self.archive.site.is_english() {
            if let Some(en) = &e.en {
                return en.clone();
            }
        }
        e.name.clone()
    }

    pub fn summary(&self, r: &Record) -> Summary {
        let a = self.archive;
        Summary {
            title: r.meta.title.clone(),
            url: self.url(&r.url),
            date: r.meta.date.to_string(),
            date_roc: calendar::format_roc(r.meta.date),
            date_en: calendar::format_en(r.meta.date),
            date_display: if a.site.is_english() {
                calendar::format_en(r.meta.date)
            } else {
                calendar::format_roc(r.meta.date)
            },
            year: r.meta.date.year(),
            series: self.link("series", &a.series, &r.meta.series.slug, &r.meta.series.name),
            number: r.meta.number,
            units: r
                .meta
                .units
                .iter()
                .map(|u| self.link("units", &a.units, &u.slug, &u.name))
                .collect(),
            topics: r
                .meta
                .topics
                .iter()
                .map(|u| self.link("topics", &a.topics, &u.slug, &u.name))
                .collect(),
            agenda_count: r.structure.agenda.len(),
        }
    }

    fn pagination(&self, base: &str, number: usize, total: usize) -> Pagination {
        Pagination {
            current: number,
            total,
            prev_url: (number > 1).then(|| self.url(&page_url(base, number - 1))),
            next_url: (number < total).then(|| self.url(&page_url(base, number + 1))),
            pages: page_window(number, total)
                .into_iter()
                .map(|n| PageLink {
                    n,
                    url: if n == 0 {
                        String::new()
                    } else {
                        self.url(&page_url(base, n))
                    },
                    current: n == number,
                })
                .collect(),
        }
    }

    fn render(&self, template: &str, rel_url: &str, ctx: &Context) -> Result<Rendered, Diagnostic> {
        let html = self.renderer.render_bytes(template, ctx, 32 * 1024)?;
        Ok((page_file(rel_url).to_string_lossy().replace('\\', "/"), html))
    }

    /// The title of page `n` of a listing titled `title`: as it is on page 1, with the page number
    /// after it on later pages (`主管會議 – 第2頁`, `Executive Meeting – page 2`) so that no two
    /// pages share a `<title>`. The home page, titled as the site, becomes `第2頁` alone (the site
    /// title follows it in `<title>`).
    fn numbered_title(&self, title: &str, n: usize) -> String {
        if n <= 1 {
            return title.to_string();
        }
        let t = i18n::strings(&self.archive.site.config.language);
        let page = t["page_n"].replace("{n}", &n.to_string());
        if title.is_empty() || title == self.archive.site.config.title {
            page
        } else {
            format!("{title} – {page}")
        }
    }

    /// The pages of a paginated listing of records under `base`, rendered with `template`, whose
    /// numbers `only` accepts.
    fn listing_pages(
        &self,
        template: &str,
        base: &str,
        title: &str,
        ixs: &[RecordIx],
        extra: &dyn Fn(&mut Context, usize),
        only: &PageFilter,
    ) -> Result<Vec<Rendered>, Diagnostic> {
        let per_page = self.archive.site.config.per_page;
        let mut out = Vec::new();
        for p in paginate(ixs.len(), per_page) {
            if !only.accepts(p.number) {
                continue;
            }
            let rel = page_url(base, p.number);
            let mut c = self.ctx(&rel, &self.numbered_title(title, p.number));
            c.insert_value("records", self.summaries(&ixs[p.range.clone()]));
            c.insert("total", &ixs.len());
            c.insert("pagination", &self.pagination(base, p.number, p.total));
            extra(&mut c, p.number);
            out.push(self.render(template, &rel, &c)?);
        }
        Ok(out)
    }

    /// Every page of the site.
    pub fn all(&self) -> Result<Vec<Rendered>, Vec<Diagnostic>> {
        let pages = std::sync::Mutex::new(Vec::new());
        self.each(&|batch| {
            pages.lock().expect("no panic while holding").extend(batch);
            Ok(())
        })?;
        let mut pages = pages.into_inner().expect("no panic while holding");
        pages.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(pages)
    }

    /// Render every page, handing each batch to `emit` as soon as it is rendered (so a build can
    /// write pages while others are still rendering). Returns the number of pages.
    pub fn each(
        &self,
        emit: &(dyn Fn(Vec<Rendered>) -> Result<(), Diagnostic> + Sync),
    ) -> Result<usize, Vec<Diagnostic>> {
        type Job<'j> = Box<dyn Fn() -> Result<Vec<Rendered>, Diagnostic> + Send + Sync + 'j>;
        let mut jobs: Vec<Job> = Vec::new();
        let n = self.archive.records.len();
        // Records in chunks, so rayon spreads them over the cores.
        for chunk in (0..n).collect::<Vec<_>>().chunks(64) {
            let chunk = chunk.to_vec();
            jobs.push(Box::new(move || chunk.iter().map(|&i| self.record_page(i)).collect()));
        }
        jobs.push(Box::new(|| self.home()));
        jobs.push(Box::new(|| self.indexes()));
        for slug in self.listings.units.keys() {
            jobs.push(Box::new(move || self.unit_pages(slug)));
        }
        for (slug, ixs) in &self.listings.topics {
            jobs.push(Box::new(move || {
                self.term_pages("topics", &self.archive.topics, slug, ixs)
            }));
        }
        for (slug, ixs) in &self.listings.series {
            jobs.push(Box::new(move || {
                self.term_pages("series", &self.archive.series, slug, ixs)
            }));
        }
        for (year, ixs) in &self.listings.years {
            jobs.push(Box::new(move || self.year_pages(*year, ixs)));
        }
        jobs.push(Box::new(|| self.special()));
        jobs.push(Box::new(|| self.followup_pages()));
        let results: Vec<Result<usize, Diagnostic>> = jobs
            .par_iter()
            .map(|j| {
                let batch = j()?;
                let n = batch.len();
                emit(batch)?;
                Ok(n)
            })
            .collect();
        let mut count = 0;
        let mut diags: Vec<Diagnostic> = Vec::new();
        for r in results {
            match r {
                Ok(n) => count += n,
                Err(d) => {
                    if !diags.contains(&d) {
                        diags.push(d)
                    }
                }
            }
        }
        if diags.is_empty() {
            Ok(count)
        } else {
            Err(diags)
        }
    }

    /// Render the chosen pages (in parallel), sorted by path. Each page is byte for byte what
    /// [`Pages::each`] renders for it.
    pub fn some(&self, sel: &Selection) -> Result<Vec<Rendered>, Vec<Diagnostic>> {
        let none = PageFilter::none();
        type Job<'j> = Box<dyn Fn() -> Result<Vec<Rendered>, Diagnostic> + Send + Sync + 'j>;
        let mut jobs: Vec<Job> = Vec::new();
        for &ix in &sel.records {
            jobs.push(Box::new(move || Ok(vec![self.record_page(ix)?])));
        }
        if let Some(f) = &sel.home {
            if !f.is_empty() {
                jobs.push(Box::new(move || self.home_pages(f)));
            }
        }
        if sel.indexes {
            jobs.push(Box::new(|| self.indexes()));
        }
        if sel.special {
            jobs.push(Box::new(|| self.special()));
            jobs.push(Box::new(|| self.followup_pages()));
        }
        let unit_slugs: BTreeSet<&String> = sel.units.keys().chain(sel.mentions.keys()).collect();
        for slug in unit_slugs {
            if !self.listings.units.contains_key(slug) {
                continue;
            }
            let main = sel.units.get(slug).unwrap_or(&none);
            let mentions = sel.mentions.get(slug).unwrap_or(&none);
            if main.is_empty() && mentions.is_empty() {
                continue;
            }
            jobs.push(Box::new(move || self.unit_pages_only(slug, main, mentions)));
        }
        for (kind, reg, lists, chosen) in [
            ("topics", &self.archive.topics, &self.listings.topics, &sel.topics),
            ("series", &self.archive.series, &self.listings.series, &sel.series),
        ] {
            for (slug, f) in chosen {
                if let (Some(ixs), false) = (lists.get(slug), f.is_empty()) {
                    jobs.push(Box::new(move || self.term_pages_only(kind, reg, slug, ixs, f)));
                }
            }
        }
        for (year, f) in &sel.years {
            if let (Some(ixs), false) = (self.listings.years.get(year), f.is_empty()) {
                jobs.push(Box::new(move || self.year_pages_only(*year, ixs, f)));
            }
        }
        let results: Vec<Result<Vec<Rendered>, Diagnostic>> = jobs.par_iter().map(|j| j()).collect();
        let mut pages = Vec::new();
        let mut diags: Vec<Diagnostic> = Vec::new();
        for r in results {
            match r {
                Ok(batch) => pages.extend(batch),
                Err(d) => {
                    if !diags.contains(&d) {
                        diags.push(d)
                    }
                }
            }
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        pages.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(pages)
    }

    fn home(&self) -> Result<Vec<Rendered>, Diagnostic> {
        self.home_pages(&ALL_PAGES)
    }

    fn home_pages(&self, only: &PageFilter) -> Result<Vec<Rendered>, Diagnostic> {
        let ixs: Vec<RecordIx> = (0..self.archive.records.len()).collect();
        let browse = self.browse();
        let title = self.archive.site.config.title.clone();
        self.listing_pages(
            "index.html",
            "",
            &title,
            &ixs,
            &|c, _| {
                c.insert("browse", &browse);
                c.insert("feed", &Some(self.url("atom.xml")));
            },
            only,
        )
    }

    fn browse(&self) -> BTreeMap<&'static str, Vec<Term>> {
        let mut m = BTreeMap::new();
        m.insert("years", self.year_terms());
        m.insert(
            "series",
            self.terms("series", &self.archive.series, &self.listings.series),
        );
        m.insert(
            "topics",
            self.terms("topics", &self.archive.topics, &self.listings.topics),
        );
        let units: BTreeMap<String, Vec<RecordIx>> = self
            .listings
            .units
            .iter()
            .map(|(k, v)| (k.clone(), v.related()))
            .collect();
        m.insert("units", self.terms("units", &self.archive.units, &units));
        m
    }

    fn year_terms(&self) -> Vec<Term> {
        self.listings
            .years
            .iter()
            .rev()
            .map(|(y, ixs)| Term {
                name: y.to_string(),
                lang: None,
                en: None,
                slug: y.to_string(),
                url: self.url(&format!("years/{y}/")),
                count: ixs.len(),
                detail: Some(if self.archive.site.is_english() {
                    format!("ROC {}", y - calendar::ROC_OFFSET)
                } else {
                    format!("民國{}年", y - calendar::ROC_OFFSET)
                }),
            })
            .collect()
    }

    fn terms(&self, kind: &str, reg: &Registry, lists: &BTreeMap<String, Vec<RecordIx>>) -> Vec<Term> {
        reg.entries
            .iter()
            .map(|e| Term {
                name: self.display_name(e),
                lang: self.name_lang(Some(e)),
                en: e.en.clone(),
                slug: e.slug.clone(),
                url: self.url(&format!("{kind}/{}/", e.slug)),
                count: lists.get(&e.slug).map(Vec::len).unwrap_or(0),
                detail: None,
            })
            .collect()
    }

    fn indexes(&self) -> Result<Vec<Rendered>, Diagnostic> {
        let t = i18n::strings(&self.archive.site.config.language);
        let browse = self.browse();
        let mut out = Vec::new();
        for (kind, key) in [
            ("units", "units"),
            ("topics", "topics"),
            ("series", "series"),
            ("years", "years"),
        ] {
            let rel = format!("{kind}/");
            let title = t[key];
            let mut c = self.ctx(&rel, title);
            c.insert("kind", kind);
            c.insert("terms", &browse[key]);
            out.push(self.render("terms.html", &rel, &c)?);
        }
        Ok(out)
    }

    fn term_pages(
        &self,
        kind: &str,
        reg: &Registry,
        slug: &str,
        ixs: &[RecordIx],
    ) -> Result<Vec<Rendered>, Diagnostic> {
        self.term_pages_only(kind, reg, slug, ixs, &ALL_PAGES)
    }

    fn term_pages_only(
        &self,
        kind: &str,
        reg: &Registry,
        slug: &str,
        ixs: &[RecordIx],
        only: &PageFilter,
    ) -> Result<Vec<Rendered>, Diagnostic> {
        let entry = reg.by_slug(slug);
        let name = entry.map(|e| self.display_name(e)).unwrap_or_else(|| slug.to_string());
        let base = format!("{kind}/{slug}/");
        let feed = self.url(&format!("{kind}/{slug}/atom.xml"));
        self.listing_pages(
            "list.html",
            &base,
            &name,
            ixs,
            &|c, page| {
                c.insert("kind", kind);
                c.insert("term", &entry);
                c.insert("feed", &Some(feed.clone()));
                // Page 1's title is the name alone (later pages add "Page N" in the page's language).
                if page == 1 {
                    c.insert("title_lang", &self.name_lang(entry));
                }
            },
            only,
        )
    }

    fn year_pages(&self, year: i32, ixs: &[RecordIx]) -> Result<Vec<Rendered>, Diagnostic> {
        self.year_pages_only(year, ixs, &ALL_PAGES)
    }

    fn year_pages_only(&self, year: i32, ixs: &[RecordIx], only: &PageFilter) -> Result<Vec<Rendered>, Diagnostic> {
        let title = if self.archive.site.is_english() {
            format!("{year}")
        } else {
            format!("{year}年（民國{}年）", year - calendar::ROC_OFFSET)
        };
        let base = format!("years/{year}/");
        self.listing_pages(
            "list.html",
            &base,
            &title,
            ixs,
            &|c, _| {
                c.insert("kind", "years");
                c.insert("term", &Option::<RegistryEntry>::None);
            },
            only,
        )
    }

    fn unit_pages(&self, slug: &str) -> Result<Vec<Rendered>, Diagnostic> {
        self.unit_pages_only(slug, &ALL_PAGES, &ALL_PAGES)
    }

    /// The unit's own pages whose numbers `main` accepts, and its mention pages `mentions` accepts.
    fn unit_pages_only(
        &self,
        slug: &str,
        main: &PageFilter,
        mentions: &PageFilter,
    ) -> Result<Vec<Rendered>, Diagnostic> {
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
        let a = self.archive;
        let listing = &self.listings.units[slug];
        let entry = a.units.by_slug(slug);
        let name = entry.map(|e| self.display_name(e)).unwrap_or_else(|| slug.to_string());
        let related = listing.related();
        let base = format!("units/{slug}/");
        let per_page = a.site.config.per_page;
        let first_mentions = &listing.mentioned[..listing.mentioned.len().min(20)];
        let mut out = Vec::new();
        for p in paginate(related.len(), per_page) {
            if !main.accepts(p.number) {
                continue;
            }
            let entries: Vec<Entry> = related[p.range.clone()]
                .iter()
                .map(|&ix| {
                    let r = &a.records[ix];
                    let href = |anchor: &str| format!("{}#{}", self.url(&r.url), anchor);
                    Entry {
                        record: self.summaries[ix].clone(),
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
            let rel = page_url(&base, p.number);
            let mut c = self.ctx(&rel, &self.numbered_title(&name, p.number));
            if p.number == 1 {
                c.insert("title_lang", &self.name_lang(entry));
            }
            c.insert("unit", &entry);
            c.insert(
                "followups",
                &(p.number == 1)
                    .then(|| crate::followups::pages::unit(a, slug))
                    .flatten(),
            );
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
                self.summaries(if p.number == 1 { first_mentions } else { &[] }),
            );
            c.insert("mentions_url", &self.url(&format!("{base}mentions/")));
            c.insert("pagination", &self.pagination(&base, p.number, p.total));
            c.insert("feed", &Some(self.url(&format!("{base}atom.xml"))));
            out.push(self.render("unit.html", &rel, &c)?);
        }
        let mention_title = format!("{name}：{}", i18n::strings(&a.site.config.language)["all_mentions"]);
        out.extend(self.listing_pages(
            "list.html",
            &format!("{base}mentions/"),
            &mention_title,
            &listing.mentioned,
            &|c, _| {
                c.insert("kind", "mentions");
                c.insert("term", &entry);
            },
            mentions,
        )?);
        Ok(out)
    }

    pub fn record_page(&self, ix: RecordIx) -> Result<Rendered, Diagnostic> {
        #[derive(Serialize)]
        struct Toc {
            level: u8,
            text: String,
            id: String,
            kind: &'static str,
        }
        #[derive(Serialize)]
        struct Item<'r> {
            label: &'r str,
            title: &'r str,
            anchor: &'r str,
            units: Vec<LinkTo>,
            decision: &'r str,
            decision_label: &'r str,
            kind: &'static str,
            votes: &'r Option<crate::minutes::Votes>,
        }
        let a = self.archive;
        let r = &a.records[ix];
        let mut c = self.ctx(&r.url, &r.meta.title);
        let toc: Vec<Toc> = r
            .headings
            .iter()
            .filter_map(|h| {
                crate::minutes::toc_kind(h, &r.structure).map(|kind| Toc {
                    level: h.level,
                    text: h.text.clone(),
                    id: h.id.clone(),
                    kind,
                })
            })
            .collect();
        let items: Vec<Item> = r
            .structure
            .agenda
            .iter()
            .map(|it| Item {
                label: &it.label,
                title: &it.title,
                anchor: &it.anchor,
                units: it.units.iter().map(|u| self.link("units", &a.units, u, u)).collect(),
                decision: &it.decision,
                decision_label: it.decision_label,
                kind: it.kind.as_str(),
                votes: &it.votes,
            })
            .collect();
        let series = &self.listings.series[&r.meta.series.slug];
        let pos = series.iter().position(|&i| i == ix).unwrap_or(0);
        let older = series.get(pos + 1).map(|&i| self.summaries[i].clone());
        let newer = pos
            .checked_sub(1)
            .and_then(|p| series.get(p))
            .map(|&i| self.summaries[i].clone());
        c.insert_value("record", self.summaries[ix].clone());
        c.insert("meta", &RecordMeta::from(r));
        match (r.html_at, self.html) {
            (Some((at, len)), Some(f)) => {
                let bytes = f
                    .read(at, len)
                    .map_err(|e| Diagnostic::error(f.path(), 0, 0, e.to_string()))?;
                let html = String::from_utf8(bytes).map_err(|e| Diagnostic::error(f.path(), 0, 0, e.to_string()))?;
                c.insert("content", &html);
            }
            _ => c.insert("content", &r.html),
        }
        if let Some(h) = c
            .get("content")
            .and_then(|v| v.as_str())
            .and_then(|h| crate::followups::pages::link_rows(a, r, h))
        {
            c.insert("content", &h);
        }
        c.insert("followups", &crate::followups::pages::record(a, r));
        c.insert("toc", &toc);
        c.insert("items", &items);
        c.insert("previous", &older);
        c.insert("next", &newer);
        c.insert("has_code", &r.has_code);
        c.insert("description", &r.excerpt(120));
        c.insert("head", &crate::meta::head(a, &r.meta.title, &r.url, Some(r)));
        c.insert("source", &r.rel.to_string_lossy().replace('\\', "/"));
        self.render("record.html", &r.url, &c)
    }

    /// The follow-up pages ([`crate::followups::pages::produce`]).
    fn followup_pages(&self) -> Result<Vec<Rendered>, Diagnostic> {
        let jobs = crate::followups::pages::produce(self.archive, &|u, t| self.ctx(u, t));
        jobs.into_iter()
            .map(|(path, tpl, c)| self.render(tpl, &path, &c))
            .collect()
    }

    fn special(&self) -> Result<Vec<Rendered>, Diagnostic> {
        let t = i18n::strings(&self.archive.site.config.language);
        let mut out = Vec::new();
        let c = self.ctx("404.html", t["not_found"]);
        out.push((
            "404.html".to_string(),
            self.renderer.render_bytes("404.html", &c, 8 * 1024)?,
        ));
        if self.renderer.has("data.html") {
            let mut c = self.ctx("data/", t["data"]);
            c.insert("files", &crate::opendata::files(self.archive));
            c.insert("csv_columns", &crate::opendata::csv_columns());
            out.push(self.render("data.html", "data/", &c)?);
        }
        if self.renderer.has("search.html") {
            let mut c = self.ctx("search/", t["search"]);
            let browse = self.browse();
            c.insert("units", &browse["units"]);
            c.insert("topics", &browse["topics"]);
            c.insert("series", &browse["series"]);
            c.insert("years", &self.listings.years.keys().rev().collect::<Vec<_>>());
            c.insert(
                "search_strings",
                &i18n::search_script_json(&self.archive.site.config.language),
            );
            out.push(self.render("search.html", "search/", &c)?);
        }
        Ok(out)
    }
}

#[derive(Serialize)]
struct RecordMeta<'r> {
    time: Option<&'r str>,
    location: Option<&'r str>,
    chair: Option<&'r str>,
    recorder: Option<&'r str>,
    attendees: &'r [String],
    extra: &'r serde_json::Value,
    draft: bool,
}

impl<'r> From<&'r Record> for RecordMeta<'r> {
    fn from(r: &'r Record) -> Self {
        RecordMeta {
            time: r.meta.time.as_deref(),
            location: r.meta.location.as_deref(),
            chair: r.meta.chair.as_deref(),
            recorder: r.meta.recorder.as_deref(),
            attendees: &r.meta.attendees,
            extra: &r.meta.extra,
            draft: r.meta.draft,
        }
    }
}

/// The entries of one record in a list sorted by record (listings are built in record order), found
/// by binary search: a unit with tens of thousands of items must not be scanned once per record.
fn of_record(list: &[(RecordIx, usize)], ix: RecordIx) -> &[(RecordIx, usize)] {
    let lo = list.partition_point(|(r, _)| *r < ix);
    let hi = list.partition_point(|(r, _)| *r <= ix);
    &list[lo..hi]
}

/// The page numbers a pagination bar links to: the first two, the last two and two either side of
/// the current one; `0` stands for a gap. (Linking every page would make long listings quadratic.)
fn page_window(current: usize, total: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for n in 1..=total {
        let near = n <= 2 || n + 2 > total || n.abs_diff(current) <= 2;
        if near {
            out.push(n);
        } else if out.last() != Some(&0) {
            out.push(0);
        }
        if !near && n > current + 2 && n + 2 <= total {
            // Jump straight to the tail.
            if out.last() != Some(&0) {
                out.push(0);
            }
            out.extend((total - 1).max(n + 1)..=total);
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn pagination_window() {
        assert_eq!(page_window(1, 3), [1, 2, 3]);
        assert_eq!(page_window(1, 10), [1, 2, 3, 0, 9, 10]);
        assert_eq!(page_window(6, 12), [1, 2, 0, 4, 5, 6, 7, 8, 0, 11, 12]);
        assert_eq!(page_window(12, 12), [1, 2, 0, 10, 11, 12]);
    }
}
