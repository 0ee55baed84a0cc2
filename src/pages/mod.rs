//! Pages as data: every page of the site is a [`Job`] — its output path, its template and its
//! [`Context`] — made by the producer of its kind, one module each (`record`, `home`, `unit`,
//! `unit_followups`, `topic`, `series`, `year`, `indexes`, `not_found`, `data`, `followups`,
//! `search_page`), listed once in
//! [`PRODUCERS`]. The producers only describe pages; [`crate::site`] renders the jobs (every one
//! for `build` and `check`; for `serve`, only those whose input hash changed). [`Pages`] holds
//! what every producer shares: the archive, its listings, the strings, URL helpers and each
//! record's summary.
//!
//! A new page kind is a module here with a producer function (`fn(&Pages) -> Vec<Batch>`, most
//! simply `vec![Box::new(|| Ok(jobs))]`), one line in [`PRODUCERS`], its template in the theme and
//! its strings in [`crate::render::i18n`]. A module elsewhere (e.g. `crate::followups`) makes its
//! jobs the same way: `let mut c = pages.ctx(url, title); c.insert(…); Job::page(url, "x.html", c)`.

mod data;
mod followups;
mod home;
mod indexes;
mod not_found;
mod record;
mod search_page;
mod series;
mod topic;
mod unit;
mod unit_followups;
mod year;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::Hasher;
use std::sync::Arc;

use chrono::Datelike;
use rayon::prelude::*;
use serde::Serialize;

use crate::config::{Registry, RegistryEntry};
use crate::diagnostics::Diagnostic;
use crate::listing::{page_url, paginate, Listings, RecordIx};
use crate::minutes::calendar;
use crate::model::{page_file, Archive, Record};
use crate::render::{i18n, Renderer};

/// One page to render: where it goes, with which template, from what.
#[derive(Clone)]
pub struct Job {
    /// Site-relative output path, `/`-separated (`units/adi/page/2/index.html`).
    pub path: String,
    /// The theme template that renders it.
    pub template: Cow<'static, str>,
    pub context: Context,
}

impl Job {
    /// The page at the site-relative URL `rel_url` (`units/adi/` → `units/adi/index.html`).
    pub fn page(rel_url: &str, template: impl Into<Cow<'static, str>>, context: Context) -> Job {
        Job::file(
            page_file(rel_url).to_string_lossy().replace('\\', "/"),
            template,
            context,
        )
    }

    /// The page at the output path `path` (`404.html`).
    pub fn file(path: impl Into<String>, template: impl Into<Cow<'static, str>>, context: Context) -> Job {
        Job {
            path: path.into(),
            template: template.into(),
            context,
        }
    }

    /// A hash of everything the page is made from (the template's name and the context's every
    /// value), so that a page whose hash did not change need not be rendered again while the
    /// theme stays the same. `None` when a value does not serialize (such a page is always
    /// rendered).
    pub fn input_hash(&self) -> Option<u64> {
        self.input_hash_with(None)
    }

    /// [`Job::input_hash`], with the entry sums of the maps many pages share taken from `sums`
    /// instead of walking them again (the same hash).
    pub fn input_hash_with(&self, sums: Option<&SharedSums>) -> Option<u64> {
        let mut h = hasher();
        h.write(self.template.as_bytes());
        h.write_u8(0);
        self.context.hash_into(&mut h, sums).ok()?;
        Some(h.finish())
    }

    /// Render the page through `renderer`.
    pub fn render(&self, renderer: &Renderer) -> Result<Vec<u8>, Diagnostic> {
        renderer.render_bytes(&self.template, &self.context.to_tera(), 32 * 1024)
    }
}

/// A page's template context: the values every page has ([`Pages::ctx`]), shared, and the page's
/// own. Inserting works as in [`tera::Context`]; unlike it, a context can be hashed
/// ([`Job::input_hash`]), the shared values once for every page.
#[derive(Clone)]
pub struct Context {
    base: Arc<Base>,
    own: BTreeMap<Cow<'static, str>, tera::Value>,
}

struct Base {
    values: BTreeMap<Cow<'static, str>, tera::Value>,
    /// The hash of `values`, when they serialize.
    hash: Option<u64>,
}

/// Feeds what is written to it into a hasher (for hashing JSON without building the string).
struct HashWriter<'h, H: Hasher>(&'h mut H);

impl<H: Hasher> std::io::Write for HashWriter<'_, H> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The hasher of page inputs: foldhash's quality hasher with a fixed seed, so a hash is the same
/// in every process of one minutebook binary (the cache is written by one and read by the next;
/// another binary invalidates the cache anyway).
fn hasher() -> impl Hasher {
    use std::hash::BuildHasher;
    foldhash::quality::FixedState::with_seed(0x6d69_6e75_7465_626b).build_hasher()
}

/// Hash each key and value ([`hash_value`]).
fn hash_values(
    values: &BTreeMap<Cow<'static, str>, tera::Value>,
    h: &mut impl Hasher,
    sums: Option<&SharedSums>,
) -> serde_json::Result<()> {
    for (k, v) in values {
        h.write_usize(k.len());
        h.write(k.as_bytes());
        hash_value(v, h, sums)?;
    }
    Ok(())
}

/// The entry sums ([`hash_value`]) of maps that many pages' contexts share, by the address of
/// the map: the records' summaries, each on a record page, its neighbours' and some twenty
/// listings, which hashed each again (its `item` HTML too) for every page it is on. A Tera map
/// lives behind an `Arc`, so every copy of a summary is the same map at the same address; the
/// table is valid while the values it was made from live ([`Pages`] holds them, unchanged), and a
/// map at an address it does not list is walked as before. The hash is the same either way.
#[derive(Default)]
pub struct SharedSums(HashMap<usize, u64>);

impl SharedSums {
    fn add(&mut self, v: &tera::Value) -> serde_json::Result<()> {
        if let Some(m) = v.as_map() {
            let sum = map_sum(m, None)?;
            self.0.insert(m as *const tera::value::Map as usize, sum);
        }
        Ok(())
    }
}

/// The sum of the hashes of a map's entries (see [`hash_value`]).
fn map_sum(map: &tera::value::Map, sums: Option<&SharedSums>) -> serde_json::Result<u64> {
    let mut sum = 0u64;
    for (k, item) in map.iter() {
        let mut e = hasher();
        // Struct fields and string keys; any other key by its printed form, tagged apart.
        match k.as_str() {
            Some(s) => {
                e.write_u8(0);
                e.write_usize(s.len());
                e.write(s.as_bytes());
            }
            None => {
                let text = k.to_string();
                e.write_u8(1);
                e.write_usize(text.len());
                e.write(text.as_bytes());
            }
        }
        hash_value(item, &mut e, sums)?;
        sum = sum.wrapping_add(e.finish());
    }
    Ok(sum)
}

/// Hash a Tera value by walking it: a tag for its kind, then its contents, lengths before
/// strings and lists, so no two values feed the hasher the same bytes. A string's "safe" mark is
/// hashed too (it decides whether the template escapes it). Tera's maps iterate in no fixed
/// order, so a map is hashed by the sum of its entries' own hashes. (Walking the value directly replaced a
/// round trip through `serde_json::Value` and JSON text, which took a fifth of a build's CPU.)
fn hash_value(v: &tera::Value, h: &mut impl Hasher, sums: Option<&SharedSums>) -> serde_json::Result<()> {
    use tera::value::ValueKind as K;
    match v.kind() {
        K::Undefined => h.write_u8(0),
        K::None => h.write_u8(1),
        K::Bool => {
            h.write_u8(2);
            h.write_u8(u8::from(v.as_bool().unwrap_or_default()));
        }
        K::U64 | K::U128 => {
            h.write_u8(3);
            h.write_u128(v.as_u128().unwrap_or_default());
        }
        K::I64 | K::I128 => {
            h.write_u8(4);
            h.write_i128(v.as_i128().unwrap_or_default());
        }
        K::F64 => {
            h.write_u8(5);
            h.write_u64(v.as_f64().unwrap_or_default().to_bits());
        }
        K::String => {
            let s = v.as_str().unwrap_or_default();
            h.write_u8(if v.is_safe() { 7 } else { 6 });
            h.write_usize(s.len());
            h.write(s.as_bytes());
        }
        K::Array => {
            let items = v.as_array().unwrap_or_default();
            h.write_u8(8);
            h.write_usize(items.len());
            for item in items {
                hash_value(item, h, sums)?;
            }
        }
        K::Map => {
            // Tera's maps iterate in no fixed order: each entry is hashed on its own and the
            // entries' hashes are summed, which no order changes (sorting the entries first
            // took most of the time spent hashing contexts).
            let map = v.as_map();
            h.write_u8(9);
            h.write_usize(map.map_or(0, |m| m.len()));
            let known = map.and_then(|m| sums?.0.get(&(m as *const tera::value::Map as usize)).copied());
            let sum = match (known, map) {
                (Some(sum), _) => sum,
                (None, Some(m)) => map_sum(m, sums)?,
                (None, None) => 0,
            };
            h.write_u64(sum);
        }
        K::Bytes => {
            let b = v.as_bytes().unwrap_or_default();
            h.write_u8(10);
            h.write_usize(b.len());
            h.write(b);
        }
        // A kind a later Tera adds: its JSON form.
        _ => {
            h.write_u8(11);
            serde_json::to_writer(HashWriter(h), v)?;
        }
    }
    Ok(())
}

impl Context {
    /// A context with no shared values.
    pub fn new() -> Context {
        Context::with_base(BTreeMap::new())
    }

    fn with_base(values: BTreeMap<Cow<'static, str>, tera::Value>) -> Context {
        let mut h = hasher();
        let hash = hash_values(&values, &mut h, None).ok().map(|_| h.finish());
        Context {
            base: Arc::new(Base { values, hash }),
            own: BTreeMap::new(),
        }
    }

    /// Set `key` to `val` (serialized as Tera would).
    pub fn insert<S: Into<Cow<'static, str>>, T: Serialize + ?Sized>(&mut self, key: S, val: &T) {
        self.own.insert(key.into(), tera::Value::from_serializable(val));
    }

    /// Set `key` to a value made already.
    pub fn insert_value<S: Into<Cow<'static, str>>>(&mut self, key: S, val: tera::Value) {
        self.own.insert(key.into(), val);
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&tera::Value> {
        self.own.get(key).or_else(|| self.base.values.get(key))
    }

    /// As a Tera context (the page's own values over the shared ones).
    pub fn to_tera(&self) -> tera::Context {
        let mut c = tera::Context::new();
        for (k, v) in self.base.values.iter().filter(|(k, _)| !self.own.contains_key(*k)) {
            c.insert_value(k.clone(), v.clone());
        }
        for (k, v) in &self.own {
            c.insert_value(k.clone(), v.clone());
        }
        c
    }

    fn hash_into(&self, h: &mut impl Hasher, sums: Option<&SharedSums>) -> Result<(), ()> {
        h.write_u64(self.base.hash.ok_or(())?);
        hash_values(&self.own, h, sums).map_err(|_| ())
    }
}

impl Default for Context {
    fn default() -> Self {
        Context::new()
    }
}

/// Some jobs of one kind, made when the driver asks (in parallel with other batches): a batch
/// holds the contexts of its pages only until they are rendered, so a build never holds every
/// page's context at once.
pub type Batch<'a> = Box<dyn Fn() -> Result<Vec<Job>, Diagnostic> + Send + Sync + 'a>;

/// A page kind's producer: the batches of its pages.
pub type Producer = for<'a> fn(&'a Pages<'a>) -> Vec<Batch<'a>>;

/// Every page kind, by name, with its producer.
pub const PRODUCERS: &[(&str, Producer)] = &[
    ("record", record::batches),
    ("home", home::batches),
    ("indexes", indexes::batches),
    ("unit", unit::batches),
    ("unit_followups", unit_followups::batches),
    ("topic", topic::batches),
    ("series", series::batches),
    ("year", year::batches),
    ("404", not_found::batches),
    ("data", data::batches),
    ("followups", followups::batches),
    ("search", search_page::batches),
];

/// Every batch of every page kind.
pub fn batches<'a>(pages: &'a Pages<'a>) -> Vec<Batch<'a>> {
    PRODUCERS.iter().flat_map(|(_, produce)| produce(pages)).collect()
}

/// The partial that renders one record's entry in listings (see [`Pages::summary_value`]).
const ITEM_TEMPLATE: &str = "record_item.html";

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
    /// A draft (`draft: true`), built only by `--drafts`.
    pub draft: bool,
    /// The `publish_date` of a record published before its day (by `--future`), ISO.
    pub scheduled: Option<String>,
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
    /// The summaries' entry sums, for the pages' input hashes ([`Job::input_hash_with`]).
    sums: SharedSums,
}

impl<'a> Pages<'a> {
    /// The summaries' entry sums, for [`Job::input_hash_with`].
    pub fn shared_sums(&self) -> &SharedSums {
        &self.sums
    }

    /// Record pages read the HTML of records that set it aside ([`Record::html_at`]) from `file`.
    pub fn with_html_file(mut self, file: &'a crate::scratch::ScratchFile) -> Self {
        self.html = Some(file);
        self
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
        let item = self.renderer.render(ITEM_TEMPLATE, &c.to_tera())?;
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
                Ok(v) => {
                    // A summary that does not hash is walked on each page, where it fails as before.
                    let _ = pages.sums.add(&v);
                    pages.summaries.push(v)
                }
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
        let mut values = BTreeMap::new();
        let mut put = |k: &'static str, v: tera::Value| values.insert(Cow::Borrowed(k), v);
        put("site", tera::Value::from_serializable(&site.config));
        put("root", tera::Value::from_serializable(&root));
        put("lang", tera::Value::from_serializable(&site.config.language));
        // Set only when the records' language differs from the pages'.
        let content_lang = (!site.config.content_language.eq_ignore_ascii_case(&site.config.language))
            .then_some(&site.config.content_language);
        put("content_lang", tera::Value::from_serializable(&content_lang));
        put(
            "t",
            tera::Value::from_serializable(&i18n::strings(&site.config.language)),
        );
        put(
            "has_search",
            tera::Value::from_serializable(&renderer.has("search.html")),
        );
        let base = Context::with_base(values);
        let mut pages = Pages {
            archive,
            listings,
            renderer,
            root,
            base,
            summaries: Vec::new(),
            html: None,
            links: HashMap::new(),
            sums: SharedSums::default(),
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

    /// The context every page starts from: the shared values, the page's URL, canonical URL,
    /// title and `<head>` metadata.
    pub fn ctx(&self, rel_url: &str, title: &str) -> Context {
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
    /// A page title that starts with a registry name in another language than the page's (an
    /// English site's `數位策略司: open follow-ups`): the rest after the name, so the template can
    /// mark the name's language (`<span lang>`) in the heading. `None` when no mark is needed.
    fn title_after_name(&self, title: &str, name: &str, entry: Option<&RegistryEntry>) -> Option<String> {
        self.name_lang(entry)?;
        title.strip_prefix(name).map(str::to_string)
    }

    /// For `list.html`: `title_name`, `name_lang` and `title_rest` when `title` starts with a
    /// registry name in another language than the page's, so the heading marks only the name.
    fn mark_title_name(&self, c: &mut Context, title: &str, name: &str, entry: Option<&RegistryEntry>) {
        if let Some(rest) = self.title_after_name(title, name, entry) {
            c.insert("title_name", name);
            c.insert("name_lang", &self.name_lang(entry));
            c.insert("title_rest", &rest);
        }
    }

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
            draft: r.meta.draft,
            scheduled: r
                .meta
                .publish_date
                .filter(|d| a.today.is_some_and(|t| *d > t))
                .map(|d| d.to_string()),
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

    /// The pages of a paginated listing of records under `base`, rendered with `template`.
    fn listing_pages(
        &self,
        template: &'static str,
        base: &str,
        title: &str,
        ixs: &[RecordIx],
        extra: &dyn Fn(&mut Context, usize),
    ) -> Vec<Job> {
        let per_page = self.archive.site.config.per_page;
        let mut out = Vec::new();
        for p in paginate(ixs.len(), per_page) {
            let rel = page_url(base, p.number);
            let mut c = self.ctx(&rel, &self.numbered_title(title, p.number));
            c.insert_value("records", self.summaries(&ixs[p.range.clone()]));
            c.insert("total", &ixs.len());
            c.insert("pagination", &self.pagination(base, p.number, p.total));
            extra(&mut c, p.number);
            out.push(Job::page(&rel, template, c));
        }
        out
    }

    /// The pages of a registry term's listing (a topic's, a series'), `kind` naming the registry.
    fn term_pages(&self, kind: &'static str, reg: &Registry, slug: &str, ixs: &[RecordIx]) -> Vec<Job> {
        let entry = reg.by_slug(slug);
        let name = entry.map(|e| self.display_name(e)).unwrap_or_else(|| slug.to_string());
        let base = format!("{kind}/{slug}/");
        let feed = self.url(&format!("{kind}/{slug}/atom.xml"));
        self.listing_pages("list.html", &base, &name, ixs, &|c, page| {
            c.insert("kind", kind);
            c.insert("term", &entry);
            c.insert("feed", &Some(feed.clone()));
            // Page 1's title is the name alone; later pages add "Page N" in the page's language,
            // so only the name is marked.
            if page == 1 {
                c.insert("title_lang", &self.name_lang(entry));
            } else {
                self.mark_title_name(c, &self.numbered_title(&name, page), &name, entry);
            }
        })
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
}

/// The page numbers a pagination bar links to: the first two, the last two and two either side of
/// the current one; `0` stands for a gap. (Linking every page would make long listings quadratic.)
pub(crate) fn page_window(current: usize, total: usize) -> Vec<usize> {
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
    use super::{hash_value, hasher, page_window, Context, Job, SharedSums};
    use std::hash::Hasher;

    #[test]
    fn pagination_window() {
        assert_eq!(page_window(1, 3), [1, 2, 3]);
        assert_eq!(page_window(1, 10), [1, 2, 3, 0, 9, 10]);
        assert_eq!(page_window(6, 12), [1, 2, 0, 4, 5, 6, 7, 8, 0, 11, 12]);
        assert_eq!(page_window(12, 12), [1, 2, 0, 10, 11, 12]);
    }

    #[test]
    fn shared_sums_give_the_hash_a_walk_gives() {
        let summary = tera::Value::from_serializable(&serde_json::json!({
            "title": "第4次主管會議紀錄",
            "item": "<li><a href=\"/minutes/2024/executive-4/\">第4次主管會議紀錄</a></li>",
            "units": [{"name": "資訊處", "slug": "it"}],
        }));
        let mut sums = SharedSums::default();
        sums.add(&summary).unwrap();
        let mut c = Context::new();
        c.insert_value("record", summary.clone());
        c.insert_value("records", tera::Value::from(vec![summary.clone(), summary.clone()]));
        let job = Job::page("minutes/2024/executive-4/", "record.html", c);
        assert_eq!(job.input_hash_with(Some(&sums)), job.input_hash());
        assert!(job.input_hash().is_some());
        // A map with the same entries elsewhere is walked, and hashes the same.
        let other = tera::Value::from_serializable(&serde_json::json!({
            "title": "第4次主管會議紀錄",
            "item": "<li><a href=\"/minutes/2024/executive-4/\">第4次主管會議紀錄</a></li>",
            "units": [{"name": "資訊處", "slug": "it"}],
        }));
        let mut c = Context::new();
        c.insert_value("record", other);
        c.insert_value("records", tera::Value::from(vec![summary.clone(), summary]));
        let twin = Job::page("minutes/2024/executive-4/", "record.html", c);
        assert_eq!(twin.input_hash_with(Some(&sums)), job.input_hash());
        // A changed summary is not mistaken for the one in the table.
        let changed = tera::Value::from_serializable(&serde_json::json!({"title": "第5次主管會議紀錄"}));
        let mut c = Context::new();
        c.insert_value("record", changed);
        let third = Job::page("minutes/2024/executive-4/", "record.html", c);
        assert_ne!(third.input_hash_with(Some(&sums)), job.input_hash());
    }

    #[test]
    fn a_value_hashes_by_its_contents_whatever_its_map_order() {
        let hash = |v: &serde_json::Value| {
            let mut h = hasher();
            hash_value(&tera::Value::from_serializable(v), &mut h, None).unwrap();
            h.finish()
        };
        // Tera's maps are hash maps: the same entries, inserted in two orders, hash the same.
        let mut a = std::collections::HashMap::new();
        let mut b = std::collections::HashMap::new();
        for i in 0..50 {
            a.insert(format!("k{i}"), i);
            b.insert(format!("k{}", 49 - i), 49 - i);
        }
        let (a, b) = (serde_json::to_value(&a).unwrap(), serde_json::to_value(&b).unwrap());
        assert_eq!(hash(&a), hash(&b));
        // Different values never feed the hasher the same bytes.
        let distinct = [
            serde_json::json!(["ab"]),
            serde_json::json!(["a", "b"]),
            serde_json::json!("1"),
            serde_json::json!(1),
            serde_json::json!(-1),
            serde_json::json!(1.0),
            serde_json::json!(true),
            serde_json::json!(null),
            serde_json::json!({"a": "b"}),
            serde_json::json!({"ab": ""}),
            serde_json::json!([[], []]),
            serde_json::json!([[[]]]),
            // A map's entries are hashed whole: swapping values or nesting differs.
            serde_json::json!({"a": 1, "b": 2}),
            serde_json::json!({"a": 2, "b": 1}),
            serde_json::json!({"a": {"b": 1}}),
            serde_json::json!({"b": {"a": 1}}),
            serde_json::json!({"a": [1], "b": []}),
            serde_json::json!({"a": [], "b": [1]}),
        ];
        let hashes: std::collections::BTreeSet<u64> = distinct.iter().map(hash).collect();
        assert_eq!(hashes.len(), distinct.len());
    }
}
