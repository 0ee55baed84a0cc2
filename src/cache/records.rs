//! The record cache: each record as its loading left it (front-matter, rendered HTML, headings,
//! sections with their texts, links, minutes structure), kept in `.minutebook-cache/` so that a
//! cached build reads a record file, hashes it and takes the record from the cache instead of
//! parsing its YAML, rendering its Markdown and reading its structure again.
//!
//! Two files: `records-<id>.dat` holds the records one after the other, each in postcard (a
//! compact binary serde format) with a CRC-32 of its bytes; `records.idx` says which data file
//! is current and where each record is in it: its file (relative to the site), the SHA-256 of the
//! file's bytes, offset, length and CRC. A build appends the records it loaded anew to the data
//! file and, after it succeeded, writes the index beside its place and renames it over it; so a
//! build with nothing changed writes only the index, and an interrupted or failed one leaves the
//! last index, and every record it names, as they were. When most of the data file is records no
//! index names any more, the live ones are copied to a new data file.
//!
//! A record is taken from the cache when its file's bytes hash to what the index holds, the
//! index was written for the same configuration (`minutebook.yaml` as loaded: settings and
//! registries) by the same minutebook (its version and executable, as the page cache tells them,
//! [`super::program`]), and every attachment it lists is still a file of the size, name and
//! place it had ([`crate::content::record::Meta::attachments`] records the size; loading reads
//! the file system for nothing else). Records that fail to load are not cached: their errors are
//! made again on every build (loading reports nothing but errors). An index that cannot be read,
//! or that another version wrote, is ignored with a warning; so is a record whose bytes in the
//! data file do not match their CRC, or that names a label this minutebook does not know (the
//! record is then loaded anew). `build --no-cache` neither reads nor writes the record cache, and
//! a build that finds it in use by another build (a lock file) loads every record.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use sha2::Digest;

use super::CACHE_DIR;
use crate::config::Site;
use crate::content::record::{file_kind, Attachment, Meta, Ref};
use crate::diagnostics::Diagnostic;
use crate::followups::{Given, Row, Status, STATUS_WORDS};
use crate::markdown::{Heading, Link, Section};
use crate::messages::Msg;
use crate::minutes::{AgendaItem, Structure, UnitReport, Votes, DECISION_LABELS};
use crate::model::{record_url, Body, Record};
use crate::scratch::{read_exact_at, write_all_at};

/// The index file in [`CACHE_DIR`].
pub const INDEX_FILE: &str = "records.idx";
/// The lock file a build holds while it uses the record cache.
pub const LOCK_FILE: &str = "records.lock";
/// Data files are `records-<id>.dat`.
const DATA_PREFIX: &str = "records-";
const DATA_SUFFIX: &str = ".dat";
/// The index file starts with these bytes.
const MAGIC: &[u8; 8] = b"mbrecidx";
/// The version of the index's and the records' layout.
pub const FORMAT: u32 = 1;

/// The SHA-256 of a record file's bytes.
pub type FileHash = [u8; 32];

/// The hash of a record file's bytes, as the cache keys it.
pub fn file_hash(bytes: &[u8]) -> FileHash {
    sha2::Sha256::digest(bytes).into()
}

/// What the index starts with (after [`MAGIC`]): read first, so that another version's index is
/// told apart from a broken one.
#[derive(Serialize, Deserialize)]
struct Head {
    format: u32,
    program: String,
}

/// `records.idx` after its [`Head`].
#[derive(Serialize, Deserialize)]
struct Index {
    /// SHA-256 of the configuration as loaded ([`site_key`]).
    site: [u8; 32],
    /// The data file's name in the cache folder.
    data: String,
    entries: Vec<(String, Entry)>,
}

/// Where one record is in the data file, and the hash of the file it was loaded from.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
struct Entry {
    hash: FileHash,
    offset: u64,
    len: u64,
    crc: u32,
}

/// The record cache of one build: the last build's records (when they can be trusted), the data
/// file this build appends to, and this build's entries.
pub struct RecordCache {
    dir: PathBuf,
    program: String,
    site: [u8; 32],
    /// By record file (`/`-separated, relative to the site).
    old: HashMap<String, Entry>,
    data_name: String,
    data: File,
    /// Where the next record is appended.
    end: AtomicU64,
    /// The data file's length when the build began, and whether this build created it.
    start_len: u64,
    fresh: bool,
    new: Mutex<Vec<(String, Entry)>>,
    hits: AtomicUsize,
    /// The first problem of reading or writing records (the cache is not saved after a write
    /// failed: the index would name records that are not there).
    write_failed: Mutex<Option<String>>,
    read_warning: Mutex<Option<Diagnostic>>,
    saved: bool,
    _lock: File,
}

impl RecordCache {
    /// The record cache of a build of the site under `root`, configured as `site`. `None` when it
    /// cannot be used at all (the cache folder cannot be written, another build holds it); the
    /// warnings say why, and why a stored index was not trusted.
    pub fn open(root: &Path, site: &Site) -> (Option<RecordCache>, Vec<Diagnostic>) {
        let dir = root.join(CACHE_DIR);
        let index_path = dir.join(INDEX_FILE);
        let mut warnings = Vec::new();
        let not_used = |e: String| {
            Diagnostic::warning(&index_path, 0, 0, Msg::CacheUnreadable { error: e })
                .with_help(Msg::HelpRecordCacheIgnored)
        };
        if let Err(e) = std::fs::create_dir_all(&dir) {
            return (None, vec![not_used(e.to_string())]);
        }
        let lock = match std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))
        {
            Ok(f) => f,
            Err(e) => return (None, vec![not_used(e.to_string())]),
        };
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let w = Diagnostic::warning(dir.join(LOCK_FILE), 0, 0, Msg::RecordCacheInUse)
                    .with_help(Msg::HelpRecordCacheIgnored);
                return (None, vec![w]);
            }
            Err(std::fs::TryLockError::Error(e)) => return (None, vec![not_used(e.to_string())]),
        }
        let program = super::program();
        let site_key = site_key(site);
        let ignored = |why: Msg| Diagnostic::warning(&index_path, 0, 0, why).with_help(Msg::HelpRecordCacheIgnored);
        let index = match std::fs::read(&index_path) {
            Ok(bytes) => match read_index(&bytes) {
                Ok((head, index)) if head.format == FORMAT && head.program == program => Some(index),
                Ok((head, _)) => {
                    warnings.push(ignored(Msg::CacheOtherVersion {
                        program: head.program,
                        format: head.format,
                        this: program.clone(),
                        this_format: FORMAT,
                    }));
                    None
                }
                Err(e) => {
                    warnings.push(ignored(Msg::CacheUnparsable { error: e }));
                    None
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                warnings.push(ignored(Msg::CacheUnreadable { error: e.to_string() }));
                None
            }
        };
        // The data file of an index made for this configuration is appended to; any other index's
        // records are of no use, and a new data file is begun.
        let open_data = |name: &str, create: bool| {
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(create)
                .open(dir.join(name))
        };
        let kept = index
            .filter(|i| i.site == site_key && valid_data_name(&i.data))
            .and_then(|i| {
                let file = open_data(&i.data, false).ok()?;
                let len = file.metadata().ok()?.len();
                Some((i, file, len))
            });
        let (old, data_name, data, start_len, fresh) = match kept {
            Some((index, file, len)) => (index.entries.into_iter().collect(), index.data, file, len, false),
            None => {
                let name = new_data_name();
                match open_data(&name, true) {
                    Ok(file) => (HashMap::new(), name, file, 0, true),
                    Err(e) => {
                        warnings.push(not_used(e.to_string()));
                        return (None, warnings);
                    }
                }
            }
        };
        let cache = RecordCache {
            dir,
            program,
            site: site_key,
            old,
            data_name,
            data,
            end: AtomicU64::new(start_len),
            start_len,
            fresh,
            new: Mutex::new(Vec::new()),
            hits: AtomicUsize::new(0),
            write_failed: Mutex::new(None),
            read_warning: Mutex::new(None),
            saved: false,
            _lock: lock,
        };
        (Some(cache), warnings)
    }

    /// The record `rel` of the site under `root` as the cache holds it, when its file's bytes
    /// hash to `hash` and its attachments are as they were; the record's entry is kept for the
    /// next build. `None`: load it anew (and [`RecordCache::put`] it).
    pub fn get(&self, root: &Path, rel: &Path, hash: &FileHash) -> Option<Record> {
        let key = rel_key(rel);
        let entry = self.old.get(&key).filter(|e| &e.hash == hash)?;
        let len = usize::try_from(entry.len).ok()?;
        let mut bytes = vec![0; len];
        let read = read_exact_at(&self.data, &mut bytes, entry.offset)
            .map_err(|e| e.to_string())
            .and_then(|_| {
                if libdeflater::crc32(&bytes) == entry.crc {
                    Ok(())
                } else {
                    Err("a record's bytes do not match their checksum".to_string())
                }
            })
            .and_then(|_| postcard::from_bytes::<Rec>(&bytes).map_err(|e| e.to_string()));
        let rec = match read {
            Ok(r) => r,
            Err(e) => {
                let mut w = self.read_warning.lock().expect("no panic while holding");
                if w.is_none() {
                    let path = self.dir.join(&self.data_name);
                    *w = Some(
                        Diagnostic::warning(path, 0, 0, Msg::CacheUnparsable { error: e })
                            .with_help(Msg::HelpRecordCacheIgnored),
                    );
                }
                return None;
            }
        };
        if !attachments_unchanged(root, &rec.meta.attachments) {
            return None;
        }
        let record = rec.into_record(rel)?;
        self.hits.fetch_add(1, Ordering::Relaxed);
        self.new.lock().expect("no panic while holding").push((key, *entry));
        Some(record)
    }

    /// Keep `record`, just loaded from a file whose bytes hash to `hash`, for the next build
    /// (before its body is set aside: the cache needs its HTML and texts).
    pub fn put(&self, hash: &FileHash, record: &Record) {
        if self.write_failed.lock().expect("no panic while holding").is_some() {
            return;
        }
        let Some(rec) = Rec::of(record) else {
            return;
        };
        let res = postcard::to_allocvec(&rec)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                let len = bytes.len() as u64;
                let offset = self.end.fetch_add(len, Ordering::Relaxed);
                write_all_at(&self.data, &bytes, offset).map_err(|e| e.to_string())?;
                Ok(Entry {
                    hash: *hash,
                    offset,
                    len,
                    crc: libdeflater::crc32(&bytes),
                })
            });
        match res {
            Ok(entry) => self
                .new
                .lock()
                .expect("no panic while holding")
                .push((rel_key(&record.rel), entry)),
            Err(e) => {
                let mut f = self.write_failed.lock().expect("no panic while holding");
                f.get_or_insert(e);
            }
        }
    }

    /// How many records were taken from the cache.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::Relaxed)
    }

    /// The warning about a record the cache held but could not give back, if any.
    pub fn take_warning(&self) -> Option<Diagnostic> {
        self.read_warning.lock().expect("no panic while holding").take()
    }

    /// Write the index of this build's records (after a successful build): beside its place,
    /// then renamed over it. When most of the data file is records no index names, the named
    /// ones are first copied to a new data file; data files no index names are removed.
    pub fn save(mut self) -> Result<(), Diagnostic> {
        let index_path = self.dir.join(INDEX_FILE);
        let err = |e: String| {
            Diagnostic::warning(&index_path, 0, 0, Msg::BuildCacheNotWritten { error: e })
                .with_help(Msg::HelpRecordCacheNotWritten)
        };
        if let Some(e) = self.write_failed.lock().expect("no panic while holding").take() {
            return Err(err(e));
        }
        let mut entries = std::mem::take(self.new.get_mut().expect("no panic while holding"));
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries.dedup_by(|a, b| a.0 == b.0);
        let live: u64 = entries.iter().map(|(_, e)| e.len).sum();
        let end = *self.end.get_mut();
        let (mut data_name, mut data_file) = (self.data_name.clone(), None);
        if end > 2 * live + (1 << 20) {
            let (name, file) = self.compact(&mut entries).map_err(|e| err(e.to_string()))?;
            data_name = name;
            data_file = Some(file);
        }
        let index = Index {
            site: self.site,
            data: data_name.clone(),
            entries,
        };
        let bytes = MAGIC.to_vec();
        let head = Head {
            format: FORMAT,
            program: self.program.clone(),
        };
        let written = postcard::to_extend(&head, bytes)
            .and_then(|b| postcard::to_extend(&index, b))
            .map_err(|e| err(e.to_string()))?;
        let tmp = self.dir.join(format!(".{INDEX_FILE}.tmp-{}", std::process::id()));
        let renamed = std::fs::write(&tmp, written).and_then(|_| std::fs::rename(&tmp, &index_path));
        if let Err(e) = renamed {
            let _ = std::fs::remove_file(&tmp);
            if let Some(f) = data_file {
                drop(f);
                let _ = std::fs::remove_file(self.dir.join(&data_name));
            }
            return Err(err(e.to_string()));
        }
        self.saved = true;
        // Data files no index names any more: a previous one, a failed build's.
        if let Ok(dir) = std::fs::read_dir(&self.dir) {
            for e in dir.flatten() {
                let name = e.file_name().to_string_lossy().to_string();
                if valid_data_name(&name) && name != data_name {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        Ok(())
    }

    /// Copy the records of `entries` to a new data file, in order, pointing them there.
    fn compact(&self, entries: &mut [(String, Entry)]) -> std::io::Result<(String, File)> {
        let name = new_data_name();
        let path = self.dir.join(&name);
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)?;
        let mut at = 0;
        let copied = entries.iter_mut().try_for_each(|(_, e)| {
            let mut bytes = vec![0; e.len as usize];
            read_exact_at(&self.data, &mut bytes, e.offset)?;
            write_all_at(&file, &bytes, at)?;
            e.offset = at;
            at += e.len;
            Ok(())
        });
        if let Err(e) = copied {
            drop(file);
            let _ = std::fs::remove_file(&path);
            return Err(e);
        }
        Ok((name, file))
    }
}

impl Drop for RecordCache {
    /// A build that did not save leaves the data file as the last index knows it: a data file
    /// it began is removed, records it appended are cut off.
    fn drop(&mut self) {
        if self.saved {
            return;
        }
        if self.fresh {
            let _ = std::fs::remove_file(self.dir.join(&self.data_name));
        } else {
            let _ = self.data.set_len(self.start_len);
        }
    }
}

/// The index's head and body, from its bytes.
fn read_index(bytes: &[u8]) -> Result<(Head, Index), String> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or_else(|| format!("it does not begin with `{}`", String::from_utf8_lossy(MAGIC)))?;
    let (head, rest) = postcard::take_from_bytes::<Head>(rest).map_err(|e| e.to_string())?;
    if head.format != FORMAT {
        // Another layout: its body is not read.
        return Ok((
            head,
            Index {
                site: [0; 32],
                data: String::new(),
                entries: Vec::new(),
            },
        ));
    }
    let index = postcard::from_bytes::<Index>(rest).map_err(|e| e.to_string())?;
    Ok((head, index))
}

/// `records-<16 hex digits>.dat`: only such names are data files (and removed when stale).
fn valid_data_name(name: &str) -> bool {
    name.strip_prefix(DATA_PREFIX)
        .and_then(|n| n.strip_suffix(DATA_SUFFIX))
        .is_some_and(|id| id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A data file name no other build is likely to choose: from the time and the process.
fn new_data_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let id = nanos ^ (u64::from(std::process::id()) << 40);
    format!("{DATA_PREFIX}{id:016x}{DATA_SUFFIX}")
}

/// A record file's key in the index: its path relative to the site, `/`-separated.
fn rel_key(rel: &Path) -> String {
    crate::diagnostics::slashed(rel)
}

/// What every record's loaded form depends on besides its file: the configuration as loaded
/// (settings and registries; not the site's folder), hashed.
fn site_key(site: &Site) -> [u8; 32] {
    let mut h = sha2::Sha256::new();
    for part in [
        format!("{:?}", site.config),
        format!("{:?}", site.units),
        format!("{:?}", site.topics),
        format!("{:?}", site.series),
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().into()
}

/// Whether every attachment a cached record lists is still the file loading found: a file
/// under content/, of the recorded size, with the same name once links are followed.
fn attachments_unchanged(root: &Path, attachments: &[AttachmentC]) -> bool {
    if attachments.is_empty() {
        return true;
    }
    let content = root.join("content");
    let content_real = std::fs::canonicalize(&content).unwrap_or(content);
    attachments.iter().all(|a| {
        let full = root.join(&a.source);
        let same = std::fs::metadata(&full).is_ok_and(|m| m.is_file() && m.len() == a.size);
        same && std::fs::canonicalize(&full).is_ok_and(|real| {
            real.starts_with(&content_real) && real.file_name().is_some_and(|n| n.to_string_lossy() == a.name)
        })
    })
}

// The records as stored. Each type mirrors one of the loaded record's, field for field (the
// conversions take them apart whole, so a field added to a record's type is a compile error
// here until the cache keeps it too); dates are days since 1 January of year 1, `&'static str`s
// are stored as their text and mapped back to the known constants.

#[derive(Serialize, Deserialize)]
struct Rec {
    meta: MetaC,
    #[serde(with = "long_text")]
    html: String,
    headings: Vec<(u8, String, String, usize)>,
    sections: Vec<SectionC>,
    links: Vec<(String, usize, usize)>,
    structure: StructureC,
    has_code: bool,
    body_line: usize,
}

/// A section: its heading and its text.
#[derive(Serialize, Deserialize)]
struct SectionC {
    heading: Option<usize>,
    #[serde(with = "long_text")]
    text: String,
}

/// The long texts (the HTML, the section texts: most of the cache's bytes), checked as UTF-8
/// with SIMD ([`crate::text::utf8_str`]) instead of serde's check of a `String`, which took a
/// third of the time of taking records from the cache. Stored as a postcard string is.
mod long_text {
    use serde::{de, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(text.as_bytes())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        d.deserialize_bytes(Text)
    }

    struct Text;

    impl de::Visitor<'_> for Text {
        type Value = String;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("UTF-8 text")
        }

        fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<String, E> {
            crate::text::utf8_str(v).map(str::to_owned).map_err(E::custom)
        }
    }
}

#[derive(Serialize, Deserialize)]
struct MetaC {
    title: String,
    series: (String, String),
    number: Option<u32>,
    date: i32,
    time: Option<String>,
    location: Option<String>,
    chair: Option<String>,
    recorder: Option<String>,
    attendees: Vec<String>,
    observers: Vec<String>,
    on_leave: Vec<String>,
    absent: Vec<String>,
    units: Vec<(String, String)>,
    topics: Vec<(String, String)>,
    draft: bool,
    publish_date: Option<i32>,
    slug: String,
    summary: Option<String>,
    extra: Json,
    followups: Vec<GivenC>,
    followup_updates: Vec<RowC>,
    attachments: Vec<AttachmentC>,
}

#[derive(Serialize, Deserialize)]
struct GivenC {
    id: String,
    item: Option<String>,
    text: String,
    units: Vec<(String, String)>,
    due: Option<i32>,
    line: usize,
    column: usize,
    from_table: bool,
}

#[derive(Serialize, Deserialize)]
struct RowC {
    id: String,
    word: String,
    kind: String,
    due: Option<i32>,
    merged_into: Option<String>,
    note: Option<String>,
    text: Option<String>,
    units: Vec<(String, String)>,
    line: usize,
    column: usize,
    in_table: bool,
}

#[derive(Serialize, Deserialize)]
struct AttachmentC {
    source: String,
    name: String,
    title: String,
    size: u64,
}

/// A JSON value (`extra:`), numbers kept exactly (a float by its bits).
#[derive(Serialize, Deserialize)]
enum Json {
    Null,
    Bool(bool),
    UInt(u64),
    Int(i64),
    Float(u64),
    Str(String),
    Seq(Vec<Json>),
    Map(Vec<(String, Json)>),
}

#[derive(Serialize, Deserialize)]
struct StructureC {
    agenda: Vec<AgendaC>,
    /// (unit, heading, anchor, line).
    reports: Vec<(String, String, String, usize)>,
    mentions: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct AgendaC {
    label: String,
    kind: String,
    title: String,
    anchor: String,
    units: Vec<String>,
    decision: String,
    decision_label: String,
    decision_first: String,
    votes: Option<VotesC>,
    people: Vec<(String, String)>,
    line: usize,
    block_line: Option<usize>,
    unknown_label: Option<(String, usize)>,
}

#[derive(Serialize, Deserialize)]
struct VotesC {
    present: Option<u32>,
    yes: Option<u32>,
    against: Option<u32>,
    abstain: Option<u32>,
    result: Option<String>,
    names: Vec<(String, String)>,
}

fn day(d: chrono::NaiveDate) -> i32 {
    use chrono::Datelike;
    d.num_days_from_ce()
}

fn date(n: i32) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_num_days_from_ce_opt(n)
}

fn pair(r: &Ref) -> (String, String) {
    (r.slug.to_string(), r.name.to_string())
}

fn refs(v: &[Ref]) -> Vec<(String, String)> {
    v.iter().map(pair).collect()
}

/// A reference as stored; [`crate::content::record::Meta::share_refs`] then shares the
/// registry's strings, as a record loaded anew does.
fn unpair((slug, name): (String, String)) -> Ref {
    Ref::new(&slug, &name)
}

fn unrefs(v: Vec<(String, String)>) -> Vec<Ref> {
    v.into_iter().map(unpair).collect()
}

/// `&'static str` constants back from their text: `None` for a text that is none of them.
fn known(text: &str, among: impl IntoIterator<Item = &'static str>) -> Option<&'static str> {
    among.into_iter().find(|k| *k == text)
}

fn decision_label(text: &str) -> Option<&'static str> {
    if text.is_empty() {
        return Some("");
    }
    known(text, DECISION_LABELS.iter().copied())
}

fn agenda_kind(text: &str) -> Option<crate::minutes::Kind> {
    use crate::minutes::Kind;
    [
        Kind::Report,
        Kind::Discussion,
        Kind::Motion,
        Kind::Election,
        Kind::Other,
    ]
    .into_iter()
    .find(|k| k.as_str() == text)
}

impl Json {
    fn of(v: &serde_json::Value) -> Json {
        use serde_json::Value;
        match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Json::UInt(u),
                (None, Some(i)) => Json::Int(i),
                _ => Json::Float(n.as_f64().unwrap_or(f64::NAN).to_bits()),
            },
            Value::String(s) => Json::Str(s.clone()),
            Value::Array(a) => Json::Seq(a.iter().map(Json::of).collect()),
            Value::Object(m) => Json::Map(m.iter().map(|(k, v)| (k.clone(), Json::of(v))).collect()),
        }
    }

    fn value(self) -> Option<serde_json::Value> {
        use serde_json::Value;
        Some(match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(b),
            Json::UInt(u) => Value::Number(u.into()),
            Json::Int(i) => Value::Number(i.into()),
            Json::Float(bits) => Value::Number(serde_json::Number::from_f64(f64::from_bits(bits))?),
            Json::Str(s) => Value::String(s),
            Json::Seq(a) => Value::Array(a.into_iter().map(Json::value).collect::<Option<_>>()?),
            Json::Map(m) => Value::Object(
                m.into_iter()
                    .map(|(k, v)| Some((k, v.value()?)))
                    .collect::<Option<serde_json::Map<_, _>>>()?,
            ),
        })
    }
}

impl Rec {
    /// The stored form of a record whose body is in memory.
    fn of(r: &Record) -> Option<Rec> {
        let Record {
            rel: _,
            meta,
            url: _,
            body,
            headings,
            sections,
            links,
            structure,
            has_code,
            body_line,
        } = r;
        let Body::InMemory { html } = body else {
            return None;
        };
        Some(Rec {
            meta: MetaC::of(meta),
            html: html.clone(),
            headings: headings
                .iter()
                .map(|h| {
                    let Heading { level, text, id, line } = h;
                    (*level, text.clone(), id.clone(), *line)
                })
                .collect(),
            sections: sections
                .iter()
                .map(|s| {
                    // Only reading the structure needs the blocks: a loaded record has none.
                    let Section {
                        heading,
                        text,
                        blocks: _,
                    } = s;
                    SectionC {
                        heading: *heading,
                        text: text.clone(),
                    }
                })
                .collect(),
            links: links
                .iter()
                .map(|l| {
                    let Link { dest, line, column } = l;
                    (dest.clone(), *line, *column)
                })
                .collect(),
            structure: StructureC::of(structure),
            has_code: *has_code,
            body_line: *body_line,
        })
    }

    /// The record loaded from `rel`; `None` when it names a label this minutebook does not know.
    fn into_record(self, rel: &Path) -> Option<Record> {
        let Rec {
            meta,
            html,
            headings,
            sections,
            links,
            structure,
            has_code,
            body_line,
        } = self;
        let meta = meta.into_meta()?;
        Some(Record {
            rel: rel.to_path_buf(),
            url: record_url(&meta),
            meta,
            body: Body::InMemory { html },
            headings: headings
                .into_iter()
                .map(|(level, text, id, line)| Heading { level, text, id, line })
                .collect(),
            sections: sections
                .into_iter()
                .map(|SectionC { heading, text }| Section {
                    heading,
                    text,
                    blocks: Vec::new(),
                })
                .collect(),
            links: links
                .into_iter()
                .map(|(dest, line, column)| Link { dest, line, column })
                .collect(),
            structure: structure.into_structure()?,
            has_code,
            body_line,
        })
    }
}

impl MetaC {
    fn of(m: &Meta) -> MetaC {
        let Meta {
            title,
            series,
            number,
            date,
            time,
            location,
            chair,
            recorder,
            attendees,
            observers,
            on_leave,
            absent,
            units,
            topics,
            draft,
            publish_date,
            slug,
            summary,
            extra,
            followups,
            followup_updates,
            attachments,
        } = m;
        MetaC {
            title: title.clone(),
            series: pair(series),
            number: *number,
            date: day(*date),
            time: time.clone(),
            location: location.clone(),
            chair: chair.clone(),
            recorder: recorder.clone(),
            attendees: attendees.clone(),
            observers: observers.clone(),
            on_leave: on_leave.clone(),
            absent: absent.clone(),
            units: refs(units),
            topics: refs(topics),
            draft: *draft,
            publish_date: publish_date.map(day),
            slug: slug.clone(),
            summary: summary.clone(),
            extra: Json::of(extra),
            followups: followups.iter().map(GivenC::of).collect(),
            followup_updates: followup_updates.iter().map(RowC::of).collect(),
            attachments: attachments.iter().map(AttachmentC::of).collect(),
        }
    }

    fn into_meta(self) -> Option<Meta> {
        let MetaC {
            title,
            series,
            number,
            date: d,
            time,
            location,
            chair,
            recorder,
            attendees,
            observers,
            on_leave,
            absent,
            units,
            topics,
            draft,
            publish_date,
            slug,
            summary,
            extra,
            followups,
            followup_updates,
            attachments,
        } = self;
        Some(Meta {
            title,
            series: unpair(series),
            number,
            date: date(d)?,
            time,
            location,
            chair,
            recorder,
            attendees,
            observers,
            on_leave,
            absent,
            units: unrefs(units),
            topics: unrefs(topics),
            draft,
            publish_date: match publish_date {
                Some(n) => Some(date(n)?),
                None => None,
            },
            slug,
            summary,
            extra: extra.value()?,
            followups: followups.into_iter().map(GivenC::into_given).collect::<Option<_>>()?,
            followup_updates: followup_updates
                .into_iter()
                .map(RowC::into_row)
                .collect::<Option<_>>()?,
            attachments: attachments.into_iter().map(AttachmentC::into_attachment).collect(),
        })
    }
}

fn opt_date(n: Option<i32>) -> Option<Option<chrono::NaiveDate>> {
    match n {
        Some(n) => Some(Some(date(n)?)),
        None => Some(None),
    }
}

impl GivenC {
    fn of(g: &Given) -> GivenC {
        let Given {
            id,
            item,
            text,
            units,
            due,
            line,
            column,
            from_table,
        } = g;
        GivenC {
            id: id.clone(),
            item: item.clone(),
            text: text.clone(),
            units: refs(units),
            due: due.map(day),
            line: *line,
            column: *column,
            from_table: *from_table,
        }
    }

    fn into_given(self) -> Option<Given> {
        let GivenC {
            id,
            item,
            text,
            units,
            due,
            line,
            column,
            from_table,
        } = self;
        Some(Given {
            id,
            item,
            text,
            units: unrefs(units),
            due: opt_date(due)?,
            line,
            column,
            from_table,
        })
    }
}

impl RowC {
    fn of(r: &Row) -> RowC {
        let Row {
            id,
            status,
            note,
            text,
            units,
            line,
            column,
            in_table,
        } = r;
        let Status {
            word,
            kind,
            due,
            merged_into,
        } = status;
        RowC {
            id: id.clone(),
            word: word.to_string(),
            kind: kind.as_str().to_string(),
            due: due.map(day),
            merged_into: merged_into.clone(),
            note: note.clone(),
            text: text.clone(),
            units: refs(units),
            line: *line,
            column: *column,
            in_table: *in_table,
        }
    }

    fn into_row(self) -> Option<Row> {
        let RowC {
            id,
            word,
            kind,
            due,
            merged_into,
            note,
            text,
            units,
            line,
            column,
            in_table,
        } = self;
        let status = Status {
            word: known(&word, STATUS_WORDS.iter().map(|(w, _)| *w))?,
            kind: crate::followups::Kind::ALL.into_iter().find(|k| k.as_str() == kind)?,
            due: opt_date(due)?,
            merged_into,
        };
        Some(Row {
            id,
            status,
            note,
            text,
            units: unrefs(units),
            line,
            column,
            in_table,
        })
    }
}

impl AttachmentC {
    fn of(a: &Attachment) -> AttachmentC {
        // The kind follows from the name (`file_kind`), and is made again from it.
        let Attachment {
            source,
            name,
            title,
            size,
            kind: _,
        } = a;
        AttachmentC {
            source: source.clone(),
            name: name.clone(),
            title: title.clone(),
            size: *size,
        }
    }

    fn into_attachment(self) -> Attachment {
        let AttachmentC {
            source,
            name,
            title,
            size,
        } = self;
        Attachment {
            kind: file_kind(&name),
            source,
            name,
            title,
            size,
        }
    }
}

impl StructureC {
    fn of(s: &Structure) -> StructureC {
        let Structure {
            agenda,
            reports,
            mentions,
        } = s;
        StructureC {
            agenda: agenda.iter().map(AgendaC::of).collect(),
            reports: reports
                .iter()
                .map(|r| {
                    let UnitReport {
                        unit,
                        heading,
                        anchor,
                        line,
                    } = r;
                    (unit.clone(), heading.clone(), anchor.clone(), *line)
                })
                .collect(),
            mentions: mentions.clone(),
        }
    }

    fn into_structure(self) -> Option<Structure> {
        let StructureC {
            agenda,
            reports,
            mentions,
        } = self;
        Some(Structure {
            agenda: agenda.into_iter().map(AgendaC::into_item).collect::<Option<_>>()?,
            reports: reports
                .into_iter()
                .map(|(unit, heading, anchor, line)| UnitReport {
                    unit,
                    heading,
                    anchor,
                    line,
                })
                .collect(),
            mentions,
        })
    }
}

impl AgendaC {
    fn of(a: &AgendaItem) -> AgendaC {
        let AgendaItem {
            label,
            kind,
            title,
            anchor,
            units,
            decision,
            decision_label,
            decision_first,
            votes,
            people,
            line,
            block_line,
            unknown_label,
        } = a;
        AgendaC {
            label: label.clone(),
            kind: kind.as_str().to_string(),
            title: title.clone(),
            anchor: anchor.clone(),
            units: units.clone(),
            decision: decision.clone(),
            decision_label: decision_label.to_string(),
            decision_first: decision_first.clone(),
            votes: votes.as_ref().map(VotesC::of),
            people: people.clone(),
            line: *line,
            block_line: *block_line,
            unknown_label: unknown_label.clone(),
        }
    }

    fn into_item(self) -> Option<AgendaItem> {
        let AgendaC {
            label,
            kind,
            title,
            anchor,
            units,
            decision,
            decision_label: dl,
            decision_first,
            votes,
            people,
            line,
            block_line,
            unknown_label,
        } = self;
        Some(AgendaItem {
            label,
            kind: agenda_kind(&kind)?,
            title,
            anchor,
            units,
            decision,
            decision_label: decision_label(&dl)?,
            decision_first,
            votes: match votes {
                Some(v) => Some(v.into_votes()?),
                None => None,
            },
            people,
            line,
            block_line,
            unknown_label,
        })
    }
}

impl VotesC {
    fn of(v: &Votes) -> VotesC {
        let Votes {
            present,
            yes,
            against,
            abstain,
            result,
            names,
        } = v;
        VotesC {
            present: *present,
            yes: *yes,
            against: *against,
            abstain: *abstain,
            result: result.map(str::to_string),
            names: names.clone(),
        }
    }

    fn into_votes(self) -> Option<Votes> {
        let VotesC {
            present,
            yes,
            against,
            abstain,
            result,
            names,
        } = self;
        Some(Votes {
            present,
            yes,
            against,
            abstain,
            result: match result {
                Some(r) => Some(known(&r, ["passed", "failed"])?),
                None => None,
            },
            names,
        })
    }
}

/// A record through the cache's stored form and back (for tests: it equals the record loaded).
#[cfg(test)]
fn round_trip(r: &Record) -> Option<Record> {
    let bytes = postcard::to_allocvec(&Rec::of(r)?).ok()?;
    postcard::from_bytes::<Rec>(&bytes).ok()?.into_record(&r.rel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minutes::UnitMatcher;

    /// Every record loaded, through the cache's form and back, is the record loaded (all of its
    /// fields, as `Debug` shows them); returns how many were compared.
    fn compare_all(site: &Site, rels: &[PathBuf]) -> usize {
        let matcher = UnitMatcher::new(&site.units);
        let mut n = 0;
        for rel in rels {
            let loaded = match crate::site::load_record(site, &matcher, rel) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("{}: {}", rel.display(), e[0]);
                    continue;
                }
            };
            let back = round_trip(&loaded).unwrap_or_else(|| panic!("{}: not kept by the cache", rel.display()));
            assert_eq!(format!("{back:#?}"), format!("{loaded:#?}"), "{}", rel.display());
            n += 1;
        }
        n
    }

    /// The bundled site's records, and those of the test sites with follow-ups and a workflow.
    #[test]
    fn a_record_from_the_cache_is_the_record_loaded_on_the_bundled_content() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut total = 0;
        for root in [
            repo.to_path_buf(),
            repo.join("tests/fixtures/followups/site"),
            repo.join("tests/fixtures/workflow/site"),
        ] {
            let site = Site::load(&root).unwrap();
            let (rels, _) = crate::content::discover_all(&root).unwrap();
            let n = compare_all(&site, &rels);
            assert!(
                n >= 1 && n == rels.len(),
                "{}: {n} of {} records compared",
                root.display(),
                rels.len()
            );
            total += n;
        }
        assert!(total >= 6, "{total}");
    }

    /// An imported record as a record that loads: the title, date and series the import could not
    /// read (it leaves them for the writer) filled in; a source written in Markdown with another
    /// generator's front-matter gets one of its own.
    fn loadable(md: &str, own: bool) -> String {
        let (fm, body) = md
            .strip_prefix("---\n")
            .and_then(|r| r.split_once("\n---\n"))
            .unwrap_or(("", md));
        let mut lines: Vec<String> = if own {
            fm.lines().map(String::from).collect()
        } else {
            Vec::new()
        };
        for (key, value) in [("title", "會議紀錄"), ("date", "2024-01-02"), ("series", "會議")] {
            let prefix = format!("{key}:");
            let set = lines
                .iter()
                .any(|l| l.strip_prefix(&prefix).is_some_and(|v| !v.trim().is_empty()));
            if !set {
                lines.retain(|l| !l.starts_with(&prefix));
                lines.insert(0, format!("{key}: {value}"));
            }
        }
        format!("---\n{}\n---\n{body}", lines.join("\n"))
    }

    /// The corpus documents, imported as they come (as `minutebook import` would), loaded as the
    /// records of a site with no registries.
    #[test]
    fn a_record_from_the_cache_is_the_record_loaded_on_the_corpus() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let dir = std::env::temp_dir().join(format!("minutebook-reccache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("content")).unwrap();
        let site = Site::from_str(&dir, "title: t\nbase_url: https://example.org/\n").unwrap();
        let mut rels = Vec::new();
        let mut docs: Vec<PathBuf> = std::fs::read_dir(&corpus).unwrap().map(|e| e.unwrap().path()).collect();
        docs.sort();
        for doc in docs {
            let name = doc.file_name().unwrap().to_string_lossy().to_string();
            let texts: Vec<String> = if let Ok(md) = std::fs::read_to_string(doc.join("source.md")) {
                vec![loadable(&md, false)]
            } else if let Ok(text) = std::fs::read_to_string(doc.join("source.txt")) {
                let imported = crate::import::import_text(&text, &crate::import::ImportRegistry::default());
                imported.records().map(|r| loadable(&r.markdown, true)).collect()
            } else {
                continue;
            };
            for (i, t) in texts.iter().enumerate() {
                let rel = PathBuf::from(format!("content/{name}-{i}.md"));
                std::fs::write(dir.join(&rel), t).unwrap();
                rels.push(rel);
            }
        }
        let n = compare_all(&site, &rels);
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            n == rels.len() && n > 40,
            "{n} of {} records loaded and compared",
            rels.len()
        );
    }

    /// The labels of the cached form are mapped back to the constants, never to a copy; an
    /// unknown one makes the record be loaded anew, not a made-up label.
    #[test]
    fn static_labels_map_back_to_their_constants() {
        let owned = String::from("決議");
        assert_eq!(decision_label(&owned), Some("決議"));
        assert_eq!(decision_label(""), Some(""));
        assert_eq!(decision_label("未知的標籤"), None);
        assert_eq!(known("passed", ["passed", "failed"]), Some("passed"));
        assert!(agenda_kind("motion").is_some() && agenda_kind("x").is_none());
    }

    #[test]
    fn json_values_come_back_exactly() {
        let v: serde_json::Value =
            serde_json::from_str(r#"{"b":[1,-2,0.1,1e300,true,null,"字"],"a":{"z":18446744073709551615}}"#).unwrap();
        assert_eq!(Json::of(&v).value().unwrap(), v);
    }

    #[test]
    fn data_file_names() {
        assert!(valid_data_name(&new_data_name()));
        assert!(!valid_data_name("records.idx") && !valid_data_name("records-1.dat"));
    }
}
