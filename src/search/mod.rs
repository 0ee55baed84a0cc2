//! Static full-text search: the indexer (this module) and the browser client
//! (`themes/default/static/search.js`).
//!
//! # Matching
//! A record matches a query when its folded text (see [`fold`]) contains every folded query term
//! as a contiguous string; a term that starts with a word character (Latin letter, digit, …) must
//! also start at a word start (`PEC` does not match `APEC`, `APE` does). Terms are checked with a
//! positional character-bigram index per section: a term of length L≥2 is verified by the bigrams
//! at offsets 0, 2, 4, … and L-2 whose positions line up; a one-character term uses unigram
//! presence postings. Word starts are part of the key (a separate key kind), so no extra lists.
//!
//! # Output layout (all paths relative to the output root)
//! * `search/manifest.bin` — fixed name, small gzip JSON, see [`Manifest`].
//! * `search/<hash>/s<key>.bin` — the posting shard whose first key is `<key>` (in base 36, e.g.
//!   `s1a2b3c.bin`; gzip), see [`encode_shards`].
//! * `search/<hash>/p<key>.bin` — the position postings of the bigrams of shard `s<key>.bin`.
//! * `search/<hash>/d<id>.bin` — the display data and section texts of record `id` and of the
//!   records after it that share the file (gzip JSON), see [`DocFile`].
//! * `search/<hash>/g<m>.bin` — the first keys of shards `m*GROUP ..` (see [`Manifest`]).
//! * `search/<hash>/f<page>.bin` — fold table page (gzip JSON), see [`fold`].
//!
//! At 10,000 generated records that is about 17,500 files: one display file per record, about
//! 4,100 shards and 3,300 position shards, 64 group files and 109 fold pages.
//!
//! `<hash>` is the first 16 hex digits of a SHA-256 over every file in the directory (its name,
//! length and the SHA-256 of its bytes, in name order), so any change to the index gives new URLs.
//!
//! # Writing
//! Files go to an [`IndexSink`] as soon as they are made (a build writes them straight to disk),
//! under `search/new/`, which is renamed to `search/<hash>/` at the end.
//!
//! # Reading (search.js)
//! The manifest is fetched with the page. A query then needs, one after the other: the group
//! files of its keys, the shards, and the display file of the first hit (the other hits' display
//! files follow). Alongside them, not before them: the fold table pages of its characters that
//! may fold to something else (none for a CJK character whose `fold_cjk` bit is clear; the client
//! starts on the keys the query would have if its characters fold as NFKC and lower case alone
//! fold them, and fetches other keys only when the table says otherwise) and, for terms of
//! three or more characters, the position shards beside their shards (fetched with the shards;
//! read only for the sections every bigram of the term shares).

pub mod docs;
pub mod fold;
mod fold_classes;
mod query;

pub use fold::fold;
pub use query::{parse_query, parse_query_forms};

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::scratch::ScratchFile;
use fold::{class_of, fold_into, CJK};

/// One published record (or follow-up directive), as the build hands it to the indexer. Records
/// arrive in the archive's order, newest first (see `Archive::new`: date, then meeting number, then
/// URL), then the directives in id order ([`docs::search_docs`]); that order is the record id order.
#[derive(Debug, Clone, Default)]
pub struct SearchDoc<'a> {
    /// Site-root-relative href, e.g. "/minutes/2024/executive-4/".
    pub url: String,
    /// Borrowed from the record where it can be (a build holds 40,000 of these at once).
    pub title: std::borrow::Cow<'a, str>,
    /// ISO date, "2024-09-11".
    pub date: String,
    /// "民國113年9月11日（星期三）".
    pub date_roc: String,
    /// Series slug.
    pub series: std::sync::Arc<str>,
    /// The series' name as pages show it ("主管會議"); shown with each hit.
    pub series_name: std::sync::Arc<str>,
    pub year: i32,
    /// Unit slugs.
    pub units: Vec<std::sync::Arc<str>>,
    /// Topic slugs.
    pub topics: Vec<std::sync::Arc<str>>,
    /// A follow-up directive's status facet ("open" or "closed"); None for a record.
    pub status: Option<&'static str>,
    pub sections: Vec<SearchSection<'a>>,
}

/// One section of a record.
#[derive(Debug, Clone, Default)]
pub struct SearchSection<'a> {
    /// "" for the part before the first heading; else the heading's id.
    pub anchor: std::borrow::Cow<'a, str>,
    /// Heading text ("" for the lead part; the record title is indexed then).
    pub heading: std::borrow::Cow<'a, str>,
    /// Plain text of the section body (borrowed from the loaded record where it can be).
    pub text: std::borrow::Cow<'a, str>,
}

/// A file to write into the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchFile {
    /// Relative to the output root, e.g. "search/manifest.bin".
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Errors of [`build_index`].
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("too many search records: {0}")]
    TooManyRecords(usize),
    #[error("too many sections in {0}")]
    TooManySections(String),
    #[error("search index serialization failed: {0}")]
    Json(#[from] serde_json::Error),
    #[error("search index compression failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("writing the search index failed: {0}")]
    Sink(String),
    #[error("reading the records' texts for the search index failed: {0}")]
    Texts(String),
    #[error("the search index needs {files} files, more than search_max_files: {cap} allows; raise it")]
    TooManyFiles { files: usize, cap: usize },
}

/// Gives the documents of one chunk their sections just before they are indexed; `first` is the
/// id of the chunk's first document. A build reads the texts back from its scratch file there,
/// so no more than a chunk's texts per thread are in memory at once.
pub type FillSections<'f, 'a> = &'f (dyn Fn(usize, &mut [SearchDoc<'a>]) -> Result<(), String> + Sync);

/// Where index files go as they are made. Paths are relative to the output root.
pub trait IndexSink: Sync {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), String>;
    /// Moves every file under the folder `from` to the folder `to`.
    fn rename_dir(&self, from: &str, to: &str) -> Result<(), String>;
    /// Removes every file under the folder `dir` (a try of the index over its cap of files).
    fn remove_dir(&self, dir: &str) -> Result<(), String>;
    /// A folder for scratch files (see [`crate::scratch`]): the postings are set aside there
    /// between indexing and merging instead of in memory. None keeps them in memory.
    fn scratch_dir(&self) -> Option<std::path::PathBuf> {
        None
    }
}

/// The manifest's path in the output (see [`Manifest`]).
pub const MANIFEST: &str = "search/manifest.bin";

/// The folder the files are written to before the content hash is known.
const STAGING: &str = "search/new";

/// Writes the files of one index into a sink, keeping what the content hash needs (each
/// file's name, length and SHA-256).
struct Writer<'a> {
    sink: &'a dyn IndexSink,
    hashes: std::sync::Mutex<Vec<(String, u64, [u8; 32])>>,
    /// How large the files are cut (see [`Sizes`]).
    sizes: Sizes,
}

/// Where the index cuts its files: a shard (and its position shard) is closed once it passes
/// `shard_raw` bytes before gzip, and records share a display file while its JSON stays under
/// `doc_raw` bytes. [`BASE_SIZES`] unless a cap on the number of files asks for larger ones
/// ([`write_index_capped`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    pub shard_raw: usize,
    pub doc_raw: usize,
}

/// The sizes the index is cut at without a cap: [`SHARD_RAW`] and [`DOC_RAW`].
pub const BASE_SIZES: Sizes = Sizes {
    shard_raw: SHARD_RAW,
    doc_raw: DOC_RAW,
};

impl Writer<'_> {
    /// Files written so far.
    fn count(&self) -> usize {
        self.hashes.lock().expect("no panic while holding").len()
    }
}

impl Writer<'_> {
    fn put(&self, name: String, bytes: Vec<u8>) -> Result<(), SearchError> {
        let sha: [u8; 32] = Sha256::digest(&bytes).into();
        let len = bytes.len() as u64;
        self.sink
            .put(format!("{STAGING}/{name}"), bytes)
            .map_err(SearchError::Sink)?;
        self.hashes
            .lock()
            .expect("no panic while holding")
            .push((name, len, sha));
        Ok(())
    }

    /// The content hash of the folder: 16 hex digits.
    fn dir_hash(&self) -> String {
        let mut files = std::mem::take(&mut *self.hashes.lock().expect("no panic while holding"));
        files.sort();
        let mut h = Sha256::new();
        for (name, len, sha) in &files {
            h.update((name.len() as u64).to_le_bytes());
            h.update(name.as_bytes());
            h.update(len.to_le_bytes());
            h.update(sha);
        }
        h.finalize()[..8].iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The name of the shard whose first key is `k`: `s<k in base 36>.bin`; its position shard is
/// `p<k in base 36>.bin` ([`positions_name`]).
fn shard_name(k: u64) -> String {
    format!("s{}.bin", base36(k))
}

/// The name of the position shard beside the shard whose first key is `k`.
fn positions_name(k: u64) -> String {
    format!("p{}.bin", base36(k))
}

fn base36(k: u64) -> String {
    const D: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut digits = Vec::new();
    let mut v = k;
    loop {
        digits.push(D[(v % 36) as usize]);
        v /= 36;
        if v == 0 {
            break;
        }
    }
    digits.reverse();
    String::from_utf8(digits).expect("ascii")
}

/// Key kinds. A key is a number below 2^45 (exact in JS doubles):
/// `kind * 2^42 + c1 * 2^21 + c2` (c2 = 0 for one-character kinds; for facets c1/c2 = facet id).
/// A CJK character present in a section (positions not stored).
pub const KIND_UNI: u64 = 0;
/// A word character at a word start, present in a section (positions not stored).
pub const KIND_WS_UNI: u64 = 1;
/// A bigram (its positions in the position shard beside its shard, see [`encode_shards`]).
pub const KIND_BI: u64 = 2;
/// A bigram whose first character is at a word start (positions as for [`KIND_BI`]).
pub const KIND_WS_BI: u64 = 3;
/// A facet value ("unit:x", "topic:x", "series:x", "year:2024"); postings are record ids.
pub const KIND_FACET: u64 = 4;

#[inline]
fn key(kind: u64, c1: char, c2: char) -> u64 {
    (kind << 42) | ((c1 as u64) << 21) | c2 as u64
}

/// The format version in the manifest (see [`Manifest`]).
pub const FORMAT_VERSION: u32 = 9;

/// Records share a display file while its JSON stays under this many bytes (see
/// [`write_doc_files`]).
const DOC_RAW: usize = 4 * 1024;

/// Shards per group file (see [`Manifest`]).
pub const GROUP: usize = 64;

/// Records per parallel work unit. Small enough that a chunk's working memory (about 10 MB per
/// thread at 6–12 KB a record) stays in the processor's last-level cache.
const CHUNK: usize = 64;

/// The merge's key ranges are quantiles of the distinct keys of the first this many records (see
/// [`encode_shards`]): fixed, so the output does not depend on [`CHUNK`] or the thread count.
const BOUNDS_RECORDS: usize = 512;
/// Shards are cut when their uncompressed size passes this many bytes (≈2–3 KB gzip for keys
/// with small postings; a key with a larger posting ends its shard). Smaller shards mean less to
/// fetch per key and more files: 4 KB against 10 KB gave a median cold query of 88 against
/// 104 KB at 2,000 records, and 17,500 against 16,500 index files at 10,000.
const SHARD_RAW: usize = 4 * 1024;

pub(crate) fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The manifest, `search/manifest.bin`: gzip of this JSON.
///
/// * `version`: format version ([`FORMAT_VERSION`]; 9: display files carry the series name `s`;
///   8: display files hold consecutive records,
///   listed in `doc_files`; 7: `fold_alt`, and the fold table pages list each page's
///   Simplified characters and the Traditional forms of those with several; 6: the manifest is gzip and has `fold_cjk`; a shard's position
///   postings are in the position shard beside it, not under keys of their own; 5: presence
///   entries of one occurrence outside the heading carry no header, see [`index_chunk`]; 4: one
///   display file per record, section texts included, instead of a doc file and text files;
///   3: shards named by their first key; 2: presence and position postings split).
/// * `doc_files`: base64 of the first record id of each display file ([`DocFile`]), ascending, as
///   unsigned LEB128 varints, each a delta from the previous one (the first from 0): record `r`
///   is in the file of the last first id ≤ r, at index r − first of its array.
/// * `dir`: the content-hashed directory under `search/` holding every other file.
/// * `records`: number of records; record ids are 0..records in newest-first order.
/// * `shards`: number of posting shards; `group`: shards per group file ([`GROUP`]). Shard `n` holds
///   the keys from its first key up to (not including) the first key of shard `n+1`; its file is
///   named by its first key ([`shard_name`]). The first keys are listed in group
///   files `g<m>.bin` (not compressed), one per [`GROUP`] shards (group `m` lists shards
///   `m*GROUP ..`), as unsigned LEB128 varints, each a delta from the previous one (the first
///   from 0). `shard_keys` is base64 of the groups' first keys in the same encoding, so a key
///   costs the manifest, one small group file and one shard.
/// * `facets`: facet value names ("unit:x", "topic:x", "series:x", "year:2024", "status:open",
///   "status:closed"); facet `i` has key `KIND_FACET * 2^42 + i`.
/// * `fold_pages`: the pages `p` (code points `p*1024 .. p*1024+1023`) with a fold table file.
/// * `classes`: [`fold::CLASS_RANGES`] as `[first, last, class]`.
/// * `fold_cjk`: base64 of [`fold::cjk_bitmap`]: which characters of [`fold::BITMAP_CJK`] (CJK
///   Unified Ideographs, U+4E00–U+9FFF) fold to something else. A query's character of that block
///   whose bit is clear folds to itself, so its fold table page need not be fetched: a query in
///   Traditional Chinese usually fetches no fold page at all.
/// * `fold_alt`: base64 of [`fold::alt_bitmap`]: the characters of that block that fold to
///   themselves but have several Traditional forms (`搜`: 搜, 蒐). A query term with a Simplified
///   character needs their fold pages too, for their forms.
#[derive(Serialize)]
pub struct Manifest {
    pub version: u32,
    pub doc_files: String,
    pub dir: String,
    pub records: usize,
    pub shards: usize,
    pub group: usize,
    pub shard_keys: String,
    pub facets: Vec<String>,
    pub fold_pages: Vec<u32>,
    pub classes: Vec<(u32, u32, u8)>,
    pub fold_cjk: String,
    pub fold_alt: String,
}

/// A record's display data, fetched only for the hits shown. `search/<hash>/d<first>.bin` is gzip
/// of a JSON array of these for the records `first, first + 1, …` (see `doc_files` in
/// [`Manifest`] and [`write_doc_files`]; UTF-8; gzip of UTF-16 would be about 8% smaller for
/// Chinese text but has twice the bytes to compress):
/// `{"u": url, "t": title, "s": series name, "d": ISO date, "r": ROC date, "h": [[anchor, heading], …],
/// "x": [text, …], "f": {char: folded, …}}` where `h` and `x` list the sections in index order
/// (section index = array index; a lead section is added first when the record has none), `x`
/// holding each section's body text. `f` is the fold map restricted to the characters of this
/// file that fold to something else, so the client can locate matches without other table pages.
/// A hit costs one fetch: a record of the usual size has a file of its own.
#[derive(Serialize)]
pub struct DocFile<'a> {
    pub u: &'a str,
    pub t: &'a str,
    pub s: &'a str,
    pub d: &'a str,
    pub r: &'a str,
    pub h: Vec<(&'a str, &'a str)>,
    pub x: Vec<&'a str>,
    pub f: BTreeMap<char, String>,
}

fn local_fold_map<'a>(texts: impl Iterator<Item = &'a str>) -> BTreeMap<char, String> {
    let table = fold::table();
    let mut f = BTreeMap::new();
    for text in texts {
        for c in text.chars() {
            if table.is_identity(c) || f.contains_key(&c) {
                continue;
            }
            if let Some(m) = table.mapping(c) {
                f.insert(c, m);
            }
        }
    }
    f
}

/// The display data of one record ([`DocFile`]) as JSON.
fn doc_json(d: &SearchDoc) -> Result<Vec<u8>, SearchError> {
    let sections = norm_sections(d);
    let h = sections
        .iter()
        .map(|s| (s.anchor.as_ref(), s.heading.as_ref()))
        .collect();
    let x: Vec<&str> = sections.iter().map(|s| s.text.as_ref()).collect();
    let f = local_fold_map(
        std::iter::once(d.title.as_ref())
            .chain(sections.iter().map(|s| s.heading.as_ref()))
            .chain(x.iter().copied()),
    );
    let df = DocFile {
        u: &d.url,
        t: &d.title,
        s: &d.series_name,
        d: &d.date,
        r: &d.date_roc,
        h,
        x,
        f,
    };
    Ok(serde_json::to_vec(&df)?)
}

/// Writes the display files of the records `first..first + docs.len()` (one chunk): consecutive
/// records share a file while its JSON stays under `doc_raw` bytes ([`Sizes`]; by default a record of the usual 6–12
/// KB has one of its own; a follow-up directive of a hundred characters shares one with thirty
/// others). Returns the first record id of each file written. Files never span two chunks, so
/// the cut does not depend on the thread count.
fn write_doc_files(w: &Writer, first: usize, docs: &[SearchDoc]) -> Result<Vec<u32>, SearchError> {
    let mut firsts = Vec::new();
    let mut cur: Vec<u8> = Vec::new();
    let mut cur_first = first;
    let flush = |cur: &mut Vec<u8>, cur_first: usize| -> Result<(), SearchError> {
        cur.push(b']');
        w.put(format!("d{cur_first}.bin"), gzip(cur))?;
        cur.clear();
        Ok(())
    };
    for (i, d) in docs.iter().enumerate() {
        let json = doc_json(d)?;
        if !cur.is_empty() && cur.len() + json.len() > w.sizes.doc_raw {
            flush(&mut cur, cur_first)?;
        }
        if cur.is_empty() {
            cur_first = first + i;
            firsts.push(cur_first as u32);
            cur.push(b'[');
        } else {
            cur.push(b',');
        }
        cur.extend_from_slice(&json);
    }
    if !cur.is_empty() {
        flush(&mut cur, cur_first)?;
    }
    Ok(firsts)
}

/// The sections as indexed: a lead section (anchor "", heading "") is put first when the record
/// has none, so the title is always searchable. Section indexes in postings and doc files refer
/// to this list.
fn norm_sections<'d, 'a>(doc: &'d SearchDoc<'a>) -> Vec<&'d SearchSection<'a>> {
    static LEAD: SearchSection<'static> = SearchSection {
        anchor: std::borrow::Cow::Borrowed(""),
        heading: std::borrow::Cow::Borrowed(""),
        text: std::borrow::Cow::Borrowed(""),
    };
    let mut v = Vec::with_capacity(doc.sections.len() + 1);
    match doc.sections.first() {
        Some(s) if s.anchor.is_empty() && s.heading.is_empty() => {}
        _ => v.push(&LEAD),
    }
    v.extend(doc.sections.iter());
    v
}

/// Text shown as the heading of a section: its heading, or the title for a lead part.
fn section_heading<'a>(doc: &'a SearchDoc, s: &'a SearchSection) -> &'a str {
    if s.heading.is_empty() {
        &doc.title
    } else {
        &s.heading
    }
}

/// A key of one chunk: byte ranges of its presence and position postings in the chunk's blobs,
/// and its first and last record id, so chunks can be concatenated.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ChunkKey {
    key: u64,
    pres: (u32, u32),
    pos: (u32, u32),
    first: u32,
    last: u32,
}

impl ChunkKey {
    /// Bytes of a key in the scratch file ([`ChunkKey::put`]).
    const BYTES: usize = 32;

    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.key.to_le_bytes());
        for v in [self.pres.0, self.pres.1, self.pos.0, self.pos.1, self.first, self.last] {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }

    fn get(b: &[u8]) -> ChunkKey {
        let u = |i: usize| u32::from_le_bytes(b[8 + 4 * i..12 + 4 * i].try_into().expect("4 bytes"));
        ChunkKey {
            key: u64::from_le_bytes(b[..8].try_into().expect("8 bytes")),
            pres: (u(0), u(1)),
            pos: (u(2), u(3)),
            first: u(4),
            last: u(5),
        }
    }
}

/// The postings of one chunk of records, keys ascending; the blobs hold the keys' postings in
/// key order.
struct ChunkPostings {
    keys: Keys,
    blobs: Blobs,
}

/// Every [`KEY_BLOCK`]th key of a spilled chunk stays in memory ([`Keys::Spilled`]).
const KEY_BLOCK: usize = 64;

/// Where a chunk's keys are kept until the merge. A build's chunks hold about a million keys at
/// 10,000 records (32 bytes each): in the scratch file they are read back one key range at a
/// time, as the blobs are.
enum Keys {
    Memory(Vec<ChunkKey>),
    /// `len` keys at `at` in the index's scratch file; `sparse[b]` is the key of key `b *
    /// KEY_BLOCK`.
    Spilled {
        at: u64,
        len: usize,
        sparse: Vec<u64>,
    },
}

/// Where a chunk's presence and position blobs are kept until the merge.
enum Blobs {
    Memory {
        pres: Vec<u8>,
        pos: Vec<u8>,
    },
    /// In the index's scratch file, at these offsets.
    Spilled {
        pres: u64,
        pos: u64,
    },
}

impl ChunkPostings {
    /// Moves the blobs to `scratch` (when there is one).
    fn spill(mut self, scratch: Option<&ScratchFile>) -> std::io::Result<Self> {
        if let (Some(f), Blobs::Memory { pres, pos }) = (scratch, &self.blobs) {
            self.blobs = Blobs::Spilled {
                pres: f.append(pres)?,
                pos: f.append(pos)?,
            };
        }
        if let (Some(f), Keys::Memory(keys)) = (scratch, &self.keys) {
            let mut bytes = Vec::with_capacity(keys.len() * ChunkKey::BYTES);
            for k in keys {
                k.put(&mut bytes);
            }
            self.keys = Keys::Spilled {
                at: f.append(&bytes)?,
                len: keys.len(),
                sparse: keys.iter().step_by(KEY_BLOCK).map(|k| k.key).collect(),
            };
        }
        Ok(self)
    }

    /// The chunk's keys in `lo..hi`, ascending.
    fn keys_in(
        &self,
        lo: u64,
        hi: u64,
        scratch: Option<&ScratchFile>,
    ) -> std::io::Result<std::borrow::Cow<'_, [ChunkKey]>> {
        let within = |keys: &[ChunkKey]| {
            let s = keys.partition_point(|k| k.key < lo);
            let e = keys.partition_point(|k| k.key < hi);
            s..e.max(s)
        };
        match (&self.keys, scratch) {
            (Keys::Memory(keys), _) => Ok(std::borrow::Cow::Borrowed(&keys[within(keys)])),
            (Keys::Spilled { at, len, sparse }, Some(f)) => {
                // The first key at least `lo` is after the last block that starts below it; the
                // keys below `hi` end before the first block that starts at or after it.
                let start = sparse.partition_point(|&k| k < lo).saturating_sub(1) * KEY_BLOCK;
                let end = (sparse.partition_point(|&k| k < hi) * KEY_BLOCK).min(*len);
                if start >= end {
                    return Ok(std::borrow::Cow::Owned(Vec::new()));
                }
                let bytes = f.read(at + (start * ChunkKey::BYTES) as u64, (end - start) * ChunkKey::BYTES)?;
                let keys: Vec<ChunkKey> = bytes.chunks_exact(ChunkKey::BYTES).map(ChunkKey::get).collect();
                let r = within(&keys);
                Ok(std::borrow::Cow::Owned(keys[r].to_vec()))
            }
            (Keys::Spilled { .. }, None) => unreachable!("spilled only with a scratch file"),
        }
    }

    /// The presence and position bytes of `keys`, a run of this chunk's keys (both contiguous,
    /// as the blobs are in key order), with the offsets they start at in the blobs.
    fn range(&self, keys: &[ChunkKey], scratch: Option<&ScratchFile>) -> std::io::Result<ChunkRange<'_>> {
        let (first, last) = (keys[0], keys[keys.len() - 1]);
        let (p, q) = (first.pres.0..last.pres.1, first.pos.0..last.pos.1);
        let (pres, pos) = match (&self.blobs, scratch) {
            (Blobs::Memory { pres, pos }, _) => (
                std::borrow::Cow::Borrowed(&pres[p.start as usize..p.end as usize]),
                std::borrow::Cow::Borrowed(&pos[q.start as usize..q.end as usize]),
            ),
            (Blobs::Spilled { pres, pos }, Some(f)) => (
                std::borrow::Cow::Owned(f.read(pres + u64::from(p.start), p.len())?),
                std::borrow::Cow::Owned(f.read(pos + u64::from(q.start), q.len())?),
            ),
            (Blobs::Spilled { .. }, None) => unreachable!("spilled only with a scratch file"),
        };
        Ok(ChunkRange {
            pres,
            pos,
            pres_base: p.start,
            pos_base: q.start,
        })
    }
}

/// The postings of one chunk for one merge range (see [`ChunkPostings::range`]).
struct ChunkRange<'c> {
    pres: std::borrow::Cow<'c, [u8]>,
    pos: std::borrow::Cow<'c, [u8]>,
    pres_base: u32,
    pos_base: u32,
}

impl ChunkRange<'_> {
    fn pres(&self, k: &ChunkKey) -> &[u8] {
        &self.pres[(k.pres.0 - self.pres_base) as usize..(k.pres.1 - self.pres_base) as usize]
    }
    fn pos(&self, k: &ChunkKey) -> &[u8] {
        &self.pos[(k.pos.0 - self.pos_base) as usize..(k.pos.1 - self.pos_base) as usize]
    }
}

/// Key → accumulator id, for the loop over characters: open addressing with linear probing in
/// one flat array of (key, id) slots, so a lookup usually reads one cache line (a general hash
/// map reads its control bytes and then the slot). Keys are below 2^45, so `u64::MAX` marks an
/// empty slot. Ids are handed out in first-seen order by `get_or_insert`.
struct KeyMap {
    slots: Vec<(u64, u32)>,
    /// log2 of the number of slots.
    bits: u32,
    len: usize,
}

const EMPTY_KEY: u64 = u64::MAX;

impl KeyMap {
    fn with_capacity(n: usize) -> KeyMap {
        let bits = (n.max(16) * 2).next_power_of_two().trailing_zeros();
        KeyMap {
            slots: vec![(EMPTY_KEY, 0); 1 << bits],
            bits,
            len: 0,
        }
    }

    fn slot_of(&self, k: u64) -> usize {
        let h = (k ^ (k >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> (64 - self.bits)) as usize
    }

    /// The id of `k`, inserting `make()` when `k` is new.
    #[inline]
    fn get_or_insert(&mut self, k: u64, make: impl FnOnce() -> u32) -> u32 {
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(k);
        loop {
            let (key, id) = self.slots[i];
            if key == k {
                return id;
            }
            if key == EMPTY_KEY {
                break;
            }
            i = (i + 1) & mask;
        }
        let id = make();
        self.slots[i] = (k, id);
        self.len += 1;
        // At most half full, so probes stay short.
        if self.len * 2 > self.slots.len() {
            self.grow();
        }
        id
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.bits += 1;
        self.slots = vec![(EMPTY_KEY, 0); 1 << self.bits];
        let mask = self.slots.len() - 1;
        for (k, id) in old.into_iter().filter(|&(k, _)| k != EMPTY_KEY) {
            let mut i = self.slot_of(k);
            while self.slots[i].0 != EMPTY_KEY {
                i = (i + 1) & mask;
            }
            self.slots[i] = (k, id);
        }
    }
}

/// Code points below this get a direct id table for their one-character keys.
const UNI_DIRECT: usize = 0x30000;

/// Indexes a chunk of records starting at id `first`.
///
/// Every (key, section) with at least one occurrence gives one entry of the key's *presence*
/// posting; entries are in (record, section) order:
/// `rec_delta, sec_flag, [header, [k]]`, all unsigned LEB128 varints, where `rec_delta` is the
/// record id minus the previous entry's (the first: minus 0), `sec_flag = section*2 + f`; when
/// f = 0 the key occurs once in the section, not in its heading (two thirds of all entries), and
/// the entry ends there; when f = 1, `header = n*2 + (k > 0)` follows, n = number of occurrences
/// in the section, k = how many of them lie in the heading (written only if k > 0; heading
/// occurrences come first).
///
/// Bigram keys also have a *position* posting (in the position shard beside their shard, see
/// [`encode_shards`]): for every entry of the presence posting, in the same
/// order, its n positions, the first absolute, then deltas. Positions count folded characters;
/// the heading occupies 0..h, position h is a break, the body starts at h+1. A two-character
/// term needs only the presence posting; longer terms also fetch the position postings.
///
/// Built in three passes over the chunk, each reading or writing memory in order wherever it can
/// (a per-key buffer that grows as occurrences arrive costs a cache miss per occurrence once a
/// chunk's keys outgrow the cache):
/// 1. the sections are folded and every character's keys looked up; each occurrence's key id
///    goes into a stream, two slots per character (its one-character key, its bigram), and each
///    key counts its occurrences;
/// 2. the chunk's keys are sorted, the counts become each key's offset in one array, and the
///    occurrences are copied there from the stream (section and position), so that each key's
///    occurrences lie together, in (section, position) order;
/// 3. each key's run is written out in key order: a presence entry per section, its positions.
fn index_chunk(first: usize, docs: &[SearchDoc]) -> ChunkPostings {
    SCRATCH.with(|s| index_chunk_with(first, docs, &mut s.borrow_mut()))
}

/// No key in a slot of [`Scratch::slots`].
const NO_KEY: u32 = u32::MAX;

/// A section of the chunk being indexed.
#[derive(Clone, Copy)]
struct ChunkSection {
    rec: u32,
    /// Index of the section in its record.
    si: u32,
    /// Length of the folded heading: positions below it are in the heading.
    hl: u32,
    /// Its first character's index among the chunk's characters.
    start: u32,
}

/// Working memory of [`index_chunk`], kept per thread and reused from chunk to chunk, so the key
/// table is filled once per thread, not once per chunk. Reset when a new index is built
/// ([`BUILD`]).
struct Scratch {
    build: u64,
    /// Key → id (ids are per thread, in first-seen order).
    ids: KeyMap,
    /// One-character keys of code points below [`UNI_DIRECT`]: code point → id.
    uni_ids: Vec<u32>,
    /// Id → key.
    keys: Vec<u64>,
    /// Id → occurrences in the current chunk, then its offset in `runs` (0 between chunks).
    counts: Vec<u32>,
    /// The ids with an occurrence in the current chunk.
    touched: Vec<u32>,
    /// Pass 1's stream: two slots per character of the chunk (one-character key, bigram).
    slots: Vec<u32>,
    sections: Vec<ChunkSection>,
    /// Pass 2's result: (section, position) of every occurrence, grouped by key.
    runs: Vec<(u32, u32)>,
    buf: Vec<char>,
}

/// Counts the indexes built by this process, so per-thread working memory from an earlier build
/// is dropped (a preview server builds many).
static BUILD: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl Scratch {
    fn empty() -> Scratch {
        Scratch {
            build: u64::MAX,
            ids: KeyMap::with_capacity(0),
            uni_ids: Vec::new(),
            keys: Vec::new(),
            counts: Vec::new(),
            touched: Vec::new(),
            slots: Vec::new(),
            sections: Vec::new(),
            runs: Vec::new(),
            buf: Vec::new(),
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::empty());
}

fn index_chunk_with(first: usize, docs: &[SearchDoc], sc: &mut Scratch) -> ChunkPostings {
    let build = BUILD.load(std::sync::atomic::Ordering::Relaxed);
    if sc.build != build {
        sc.build = build;
        sc.ids = KeyMap::with_capacity(1 << 15);
        sc.uni_ids = vec![NO_KEY; UNI_DIRECT];
        sc.keys = Vec::new();
        sc.counts = Vec::new();
    }
    sc.touched.clear();
    sc.slots.clear();
    sc.sections.clear();
    for (r, doc) in docs.iter().enumerate() {
        for (si, s) in norm_sections(doc).iter().enumerate() {
            sc.section((first + r) as u32, si as u32, section_heading(doc, s), &s.text);
        }
    }
    sc.group_by_key();
    sc.write_runs()
}

impl Scratch {
    /// Pass 1 for one section: folds it, looks up the keys of every character and counts them.
    fn section(&mut self, rec: u32, si: u32, heading: &str, text: &str) {
        let Scratch {
            ids,
            uni_ids,
            keys,
            counts,
            touched,
            slots,
            sections,
            buf,
            ..
        } = self;
        buf.clear();
        fold_into(heading, buf, None);
        let hl = buf.len() as u32;
        buf.push('\0');
        fold::fold_texts_into(text, buf);
        sections.push(ChunkSection {
            rec,
            si,
            hl,
            start: (slots.len() / 2) as u32,
        });
        // The id of key `k` (looked up unless `known`), its occurrence counted.
        let mut id_of = |k: u64, known: Option<u32>| -> u32 {
            let id = known.unwrap_or_else(|| {
                ids.get_or_insert(k, || {
                    keys.push(k);
                    counts.push(0);
                    (keys.len() - 1) as u32
                })
            });
            let c = &mut counts[id as usize];
            if *c == 0 {
                touched.push(id);
            }
            *c += 1;
            id
        };
        let mut prev_word = false;
        for i in 0..buf.len() {
            let c = buf[i];
            let cls = class_of(c);
            let is_word = cls == fold::WORD;
            let ws = is_word && !prev_word;
            prev_word = is_word;
            let (mut one, mut two) = (NO_KEY, NO_KEY);
            if c != '\0' {
                if ws {
                    one = id_of(key(KIND_WS_UNI, c, '\0'), None);
                } else if cls == CJK {
                    if (c as usize) < UNI_DIRECT {
                        let known = uni_ids[c as usize];
                        one = id_of(key(KIND_UNI, c, '\0'), (known != NO_KEY).then_some(known));
                        uni_ids[c as usize] = one;
                    } else {
                        one = id_of(key(KIND_UNI, c, '\0'), None);
                    }
                }
                if let Some(&d) = buf.get(i + 1) {
                    if d != '\0' {
                        two = id_of(key(if ws { KIND_WS_BI } else { KIND_BI }, c, d), None);
                    }
                }
            }
            slots.push(one);
            slots.push(two);
        }
    }

    /// Pass 2: each touched key's offset in `runs`, in key order, and the occurrences copied there
    /// from the stream. Afterwards a key's count is the end of its run.
    fn group_by_key(&mut self) {
        let Scratch {
            keys,
            counts,
            touched,
            slots,
            sections,
            runs,
            ..
        } = self;
        touched.sort_unstable_by_key(|&id| keys[id as usize]);
        let mut offset = 0u32;
        for &id in touched.iter() {
            let n = counts[id as usize];
            counts[id as usize] = offset;
            offset += n;
        }
        runs.clear();
        runs.resize(offset as usize, (0, 0));
        for (sec, cs) in sections.iter().enumerate() {
            let end = sections.get(sec + 1).map_or(slots.len() / 2, |n| n.start as usize);
            for ch in cs.start as usize..end {
                let pos = ch as u32 - cs.start;
                for &id in &slots[2 * ch..2 * ch + 2] {
                    if id != NO_KEY {
                        let o = &mut counts[id as usize];
                        runs[*o as usize] = (sec as u32, pos);
                        *o += 1;
                    }
                }
            }
        }
    }

    /// Pass 3: the chunk's postings, key by key; the counts are left at 0 for the next chunk.
    fn write_runs(&mut self) -> ChunkPostings {
        let mut out_keys = Vec::with_capacity(self.touched.len());
        let mut pres = Vec::new();
        let mut pos = Vec::new();
        let mut run_start = 0usize;
        for &id in self.touched.iter() {
            let run_end = self.counts[id as usize] as usize;
            self.counts[id as usize] = 0;
            let k = self.keys[id as usize];
            let with_pos = k >> 42 >= KIND_BI;
            let (ps, qs) = (pres.len() as u32, pos.len() as u32);
            let (mut first_rec, mut last_rec) = (None, 0u32);
            let run = &self.runs[run_start..run_end];
            let mut j = 0;
            while j < run.len() {
                let sec = run[j].0;
                let cs = self.sections[sec as usize];
                let mut e = j + 1;
                while e < run.len() && run[e].0 == sec {
                    e += 1;
                }
                let n = (e - j) as u32;
                // Positions ascend, so the heading's come first.
                let kh = run[j..e].iter().take_while(|&&(_, p)| p < cs.hl).count() as u32;
                match first_rec {
                    None => first_rec = Some(cs.rec),
                    Some(_) => varint(&mut pres, u64::from(cs.rec - last_rec)),
                }
                last_rec = cs.rec;
                // Most entries are one occurrence outside the heading: those end at the section.
                let plain = n == 1 && kh == 0;
                varint(&mut pres, u64::from(cs.si) * 2 + u64::from(!plain));
                if !plain {
                    varint(&mut pres, u64::from(n) * 2 + u64::from(kh > 0));
                    if kh > 0 {
                        varint(&mut pres, u64::from(kh));
                    }
                }
                if with_pos {
                    let mut prev = 0;
                    for &(_, p) in &run[j..e] {
                        varint(&mut pos, u64::from(p - prev));
                        prev = p;
                    }
                }
                j = e;
            }
            run_start = run_end;
            out_keys.push(ChunkKey {
                key: k,
                pres: (ps, pres.len() as u32),
                pos: (qs, pos.len() as u32),
                first: first_rec.expect("a touched key has an occurrence"),
                last: last_rec,
            });
        }
        ChunkPostings {
            keys: Keys::Memory(out_keys),
            blobs: Blobs::Memory { pres, pos },
        }
    }
}

thread_local! {
    static DEFLATE: std::cell::RefCell<libdeflater::Compressor> =
        std::cell::RefCell::new(libdeflater::Compressor::new(libdeflater::CompressionLvl::new(1).expect("level 1")));
}

/// Gzip with libdeflate at level 1: as fast as zlib's fastest level but with dynamic Huffman
/// codes, which the index's varints need (30% smaller shards than zlib-rs level 1 at the same
/// speed). One compressor per thread is reused.
fn gzip(data: &[u8]) -> Vec<u8> {
    DEFLATE.with(|c| {
        let mut c = c.borrow_mut();
        let mut out = vec![0; c.gzip_compress_bound(data.len())];
        let n = c.gzip_compress(data, &mut out).expect("the bound is enough");
        out.truncate(n);
        out
    })
}

fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(data.len().div_ceil(3) * 4);
    for ch in data.chunks(3) {
        let b = [ch[0], *ch.get(1).unwrap_or(&0), *ch.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= ch.len() {
                s.push(A[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// Key ranges merged in parallel. Their bounds come from the data only (quantiles of the keys of
/// the first [`BOUNDS_RECORDS`] records), so the output does not depend on the thread count.
const RANGES: usize = 64;

/// Cuts a stream of (key, posting, positions) into shards and their position shards, compresses
/// each as it is closed and writes it.
struct ShardWriter<'w, 'a> {
    out: &'w Writer<'a>,
    firsts: Vec<u64>,
    /// The first keys of the shards written with a position shard.
    with_positions: Vec<u64>,
    cur: Vec<u8>,
    cur_pos: Vec<u8>,
    prev_key: u64,
    prev_pos_key: u64,
    result: Result<(), SearchError>,
}

impl<'w, 'a> ShardWriter<'w, 'a> {
    fn new(out: &'w Writer<'a>) -> Self {
        ShardWriter {
            out,
            firsts: Vec::new(),
            with_positions: Vec::new(),
            cur: Vec::new(),
            cur_pos: Vec::new(),
            prev_key: 0,
            prev_pos_key: 0,
            result: Ok(()),
        }
    }
    fn emit(&mut self, k: u64, posting: &[u8], positions: Option<&[u8]>) {
        // The bigram kinds start a shard: one-character keys and bigrams never share one, and the
        // shard before the first bigram gets an empty position shard (see `encode_shards`).
        if !self.cur.is_empty() && self.prev_key >> 42 < KIND_BI && k >> 42 >= KIND_BI {
            self.flush();
        }
        if self.cur.is_empty() {
            self.firsts.push(k);
            self.prev_key = k;
            self.prev_pos_key = k;
        }
        varint(&mut self.cur, k - self.prev_key);
        self.prev_key = k;
        varint(&mut self.cur, posting.len() as u64);
        self.cur.extend_from_slice(posting);
        if let Some(q) = positions {
            varint(&mut self.cur_pos, k - self.prev_pos_key);
            self.prev_pos_key = k;
            varint(&mut self.cur_pos, q.len() as u64);
            self.cur_pos.extend_from_slice(q);
        }
        let max = self.out.sizes.shard_raw;
        if self.cur.len() >= max || self.cur_pos.len() >= max {
            self.flush();
        }
    }
    fn flush(&mut self) {
        if self.cur.is_empty() {
            return;
        }
        let first = *self.firsts.last().expect("a shard has a first key");
        let bytes = gzip(&self.cur);
        self.cur.clear();
        if self.result.is_ok() {
            self.result = self.out.put(shard_name(first), bytes);
        }
        if !self.cur_pos.is_empty() {
            let bytes = gzip(&self.cur_pos);
            self.cur_pos.clear();
            self.with_positions.push(first);
            if self.result.is_ok() {
                self.result = self.out.put(positions_name(first), bytes);
            }
        }
    }
    /// Flushes the last shard; the first keys of the shards written, and of those with a
    /// position shard.
    fn finish(mut self) -> Result<(Vec<u64>, Vec<u64>), SearchError> {
        self.flush();
        self.result.map(|_| (self.firsts, self.with_positions))
    }
}

/// Merges the chunks' postings of the keys in `lo..hi` into shards and position shards; returns
/// the first keys of the shards, and of those with a position shard.
fn merge_range(
    chunks: &[ChunkPostings],
    scratch: Option<&ScratchFile>,
    lo: u64,
    hi: u64,
    w: &Writer,
) -> Result<(Vec<u64>, Vec<u64>), SearchError> {
    let mut shards = ShardWriter::new(w);
    let mut keys = Vec::with_capacity(chunks.len());
    let mut ranges = Vec::with_capacity(chunks.len());
    let mut heap: BinaryHeap<Reverse<(u64, usize, usize)>> = BinaryHeap::new();
    for (ci, c) in chunks.iter().enumerate() {
        let ks = c.keys_in(lo, hi, scratch)?;
        ranges.push(if ks.is_empty() {
            None
        } else {
            Some(c.range(&ks, scratch)?)
        });
        if let Some(k) = ks.first() {
            heap.push(Reverse((k.key, ci, 0)));
        }
        keys.push(ks);
    }
    let mut pp: Vec<u8> = Vec::new();
    let mut qp: Vec<u8> = Vec::new();
    while let Some(Reverse((k, _, _))) = heap.peek().copied() {
        pp.clear();
        qp.clear();
        let mut last_rec: Option<u32> = None;
        while let Some(&Reverse((k2, ci, ki))) = heap.peek() {
            if k2 != k {
                break;
            }
            heap.pop();
            let e = keys[ci][ki];
            let r = ranges[ci].as_ref().expect("a chunk with keys in range has its range");
            varint(&mut pp, (e.first - last_rec.unwrap_or(0)) as u64);
            pp.extend_from_slice(r.pres(&e));
            qp.extend_from_slice(r.pos(&e));
            last_rec = Some(e.last);
            if let Some(next) = keys[ci].get(ki + 1) {
                heap.push(Reverse((next.key, ci, ki + 1)));
            }
        }
        shards.emit(k, &pp, (k >> 42 >= KIND_BI).then_some(&qp[..]));
    }
    shards.finish()
}

/// Builds and writes the shards from the chunk postings and the facet postings; returns the
/// first keys of all shards, ascending.
///
/// Shard file format (before gzip): a sequence of `key_delta, len, posting[len]` where
/// `key_delta` is the key minus the previous key of the shard (the first: minus the shard's
/// first key, so 0) and `posting` is a presence posting as described at [`index_chunk`]
/// (facets: record id deltas only). Keys ascend: one-character keys (kinds 0–1), bigrams (kinds
/// 2–3), facets (kind 4). A shard never spans two of the merge's key ranges.
///
/// The position postings of a shard's bigrams are in its *position shard*, named by the same
/// first key ([`positions_name`]), in the same format with the same keys. So once a client knows
/// which shard holds a key, it can fetch the key's positions alongside, with no lookup of their
/// own. Every shard whose key range reaches into the bigram kinds has a position shard (an empty
/// one if it holds no bigram), so a client never asks for one that is missing.
fn encode_shards(
    chunks: &[ChunkPostings],
    scratch: Option<&ScratchFile>,
    facets: &BTreeMap<String, Vec<u32>>,
    w: &Writer,
) -> Result<Vec<u64>, SearchError> {
    let mut sample: Vec<u64> = Vec::new();
    for c in chunks.iter().take(BOUNDS_RECORDS.div_ceil(CHUNK)) {
        sample.extend(c.keys_in(0, u64::MAX, scratch)?.iter().map(|k| k.key));
    }
    sample.sort_unstable();
    sample.dedup();
    let mut bounds: Vec<u64> = vec![0];
    for i in 1..RANGES {
        if let Some(&k) = sample.get(i * sample.len() / RANGES) {
            if k > *bounds.last().expect("bounds") {
                bounds.push(k);
            }
        }
    }
    bounds.push(KIND_FACET << 42);
    let parts: Vec<(Vec<u64>, Vec<u64>)> = bounds
        .par_windows(2)
        .map(|b| merge_range(chunks, scratch, b[0], b[1], w))
        .collect::<Result<_, _>>()?;
    let mut fw = ShardWriter::new(w);
    let mut posting = Vec::new();
    for (i, recs) in facets.values().enumerate() {
        posting.clear();
        let mut prev = 0;
        for &r in recs {
            varint(&mut posting, (r - prev) as u64);
            prev = r;
        }
        fw.emit((KIND_FACET << 42) + i as u64, &posting, None);
    }
    let (facet_firsts, _) = fw.finish()?;
    let mut firsts = Vec::new();
    let mut with_positions = std::collections::BTreeSet::new();
    for (f, p) in parts {
        firsts.extend(f);
        with_positions.extend(p);
    }
    firsts.extend(facet_firsts);
    // An empty position shard for each shard whose key range reaches into the bigrams without
    // holding one (the last shard before the first bigram).
    let bigrams = (KIND_BI << 42)..(KIND_FACET << 42);
    for (i, &f) in firsts.iter().enumerate() {
        let end = firsts.get(i + 1).copied().unwrap_or(u64::MAX);
        if f < bigrams.end && end > bigrams.start && !with_positions.contains(&f) {
            w.put(positions_name(f), gzip(&[]))?;
        }
    }
    Ok(firsts)
}

/// A sink that keeps the files in memory.
#[derive(Default)]
pub struct MemorySink(std::sync::Mutex<BTreeMap<String, Vec<u8>>>);

impl IndexSink for MemorySink {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), String> {
        self.0.lock().expect("no panic while holding").insert(path, bytes);
        Ok(())
    }
    fn remove_dir(&self, dir: &str) -> Result<(), String> {
        let prefix = format!("{dir}/");
        self.0
            .lock()
            .expect("no panic while holding")
            .retain(|k, _| !k.starts_with(&prefix));
        Ok(())
    }
    fn rename_dir(&self, from: &str, to: &str) -> Result<(), String> {
        let mut files = self.0.lock().expect("no panic while holding");
        let prefix = format!("{from}/");
        let moved: Vec<String> = files.keys().filter(|k| k.starts_with(&prefix)).cloned().collect();
        for k in moved {
            let bytes = files.remove(&k).expect("listed");
            files.insert(format!("{to}/{}", &k[prefix.len()..]), bytes);
        }
        Ok(())
    }
}

/// Builds the search index files in memory: the manifest first, then the rest by path.
/// Deterministic: equal input gives byte-identical output, whatever the thread count.
pub fn build_index(docs: &[SearchDoc]) -> Result<Vec<SearchFile>, SearchError> {
    build_index_capped(docs, None)
}

/// [`build_index`] with at most `max_files` files ([`write_index_capped`]).
pub fn build_index_capped(docs: &[SearchDoc], max_files: Option<usize>) -> Result<Vec<SearchFile>, SearchError> {
    let sink = MemorySink::default();
    write_index_capped(docs.to_vec(), None, &sink, max_files)?;
    let mut files: Vec<SearchFile> = sink
        .0
        .into_inner()
        .expect("no panic while holding")
        .into_iter()
        .map(|(path, bytes)| SearchFile { path, bytes })
        .collect();
    let m = files
        .iter()
        .position(|f| f.path == MANIFEST)
        .expect("the manifest is written");
    let manifest = files.remove(m);
    files.insert(0, manifest);
    Ok(files)
}

/// Builds the search index and writes its files into `sink` as they are made. Deterministic:
/// equal input gives byte-identical files, whatever the thread count. With `fill`, the documents
/// come without sections and `fill` gives each chunk its own just before it is indexed; either
/// way a record's sections are dropped as soon as they are indexed.
pub fn write_index<'a>(
    docs: Vec<SearchDoc<'a>>,
    fill: Option<FillSections<'_, 'a>>,
    sink: &dyn IndexSink,
) -> Result<(), SearchError> {
    write_index_capped(docs, fill, sink, None).map(|_| ())
}

/// [`write_index`] with at most `max_files` files in `search/` (the manifest included), like
/// Pagefind's `max_fragments`. An index that comes out with more is dropped from the staging
/// folder and cut again with shards and display files larger by the ratio of the files to the
/// cap (and again, doubled, while it is still over), so a cap costs build time only when it
/// binds, and the output is the same however many tries it took. Returns the sizes used.
pub fn write_index_capped<'a>(
    mut docs: Vec<SearchDoc<'a>>,
    fill: Option<FillSections<'_, 'a>>,
    sink: &dyn IndexSink,
    max_files: Option<usize>,
) -> Result<Sizes, SearchError> {
    if docs.len() > (u32::MAX / 2) as usize {
        return Err(SearchError::TooManyRecords(docs.len()));
    }
    let mut sizes = BASE_SIZES;
    loop {
        let files = write_attempt(&mut docs, fill, sink, sizes, max_files)?;
        let Some(cap) = max_files.filter(|&cap| files > cap) else {
            return Ok(sizes);
        };
        sink.remove_dir(STAGING).map_err(SearchError::Sink)?;
        // Fixed files (fold pages, groups) do not shrink: a cap below them cannot be met.
        if sizes.shard_raw >= MAX_SHARD_RAW {
            return Err(SearchError::TooManyFiles { files, cap });
        }
        let grow = |x: usize| -> usize {
            let by = (files as f64 / cap as f64 * 1.05).max(2.0);
            ((x as f64 * by) as usize).min(MAX_SHARD_RAW)
        };
        sizes = Sizes {
            shard_raw: grow(sizes.shard_raw),
            doc_raw: grow(sizes.doc_raw),
        };
    }
}

/// The largest shard a cap may ask for (before gzip).
const MAX_SHARD_RAW: usize = 16 * 1024 * 1024;

/// One try of [`write_index_capped`] at `sizes`: every file written to the staging folder, then,
/// if they are no more than `cap`, the folder moved to its content-hashed name and the manifest
/// written; returns the number of files in `search/`. With `fill`, the records' sections are
/// dropped as they are indexed (and given again by `fill` on another try).
fn write_attempt<'a>(
    docs: &mut [SearchDoc<'a>],
    fill: Option<FillSections<'_, 'a>>,
    sink: &dyn IndexSink,
    sizes: Sizes,
    cap: Option<usize>,
) -> Result<usize, SearchError> {
    let timing = std::env::var_os("MINUTEBOOK_SEARCH_TIMING").is_some();
    let t0 = std::time::Instant::now();
    // CPU time per step is the benchmark's to measure (minutebook-bench, getrusage there).
    let lap = |what: &str| {
        if timing {
            let rss_mb = std::fs::read_to_string("/proc/self/statm")
                .ok()
                .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
                .map_or(0, |pages| pages * 4 / 1024);
            eprintln!(
                "search index: {what} at {:.3}s (resident {rss_mb} MB)",
                t0.elapsed().as_secs_f64()
            );
        }
    };
    let w = Writer {
        sink,
        hashes: Default::default(),
        sizes,
    };
    BUILD.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    fold::table();
    let scratch_file = match sink.scratch_dir() {
        Some(dir) => Some(ScratchFile::create(&dir, ".minutebook-postings")?),
        None => None,
    };
    let scratch = scratch_file.as_ref();
    lap("fold table");
    // Postings, in parallel by chunk of records; each chunk's display files are written on
    // the way.
    let mut doc_firsts: Vec<u32> = Vec::new();
    let chunks: Vec<ChunkPostings> = docs
        .par_chunks_mut(CHUNK)
        .enumerate()
        .map(|(ci, c)| {
            let first = ci * CHUNK;
            if let Some(fill) = fill {
                fill(first, c).map_err(SearchError::Texts)?;
            }
            if let Some(d) = c.iter().find(|d| d.sections.len() >= 0xFFFF) {
                return Err(SearchError::TooManySections(d.url.clone()));
            }
            let doc_firsts = write_doc_files(&w, first, c)?;
            let postings = index_chunk(first, c).spill(scratch)?;
            if fill.is_some() {
                for d in c.iter_mut() {
                    d.sections = Vec::new();
                }
            }
            Ok((postings, doc_firsts))
        })
        .collect::<Result<Vec<_>, SearchError>>()?
        .into_iter()
        .map(|(postings, firsts)| {
            doc_firsts.extend(firsts);
            postings
        })
        .collect();
    // The working memory of the chunks is not needed any more: free it before the merge, which
    // is where memory peaks.
    rayon::broadcast(|_| SCRATCH.with(|s| *s.borrow_mut() = Scratch::empty()));
    lap("chunks and display files");
    // Facets.
    let mut facets: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (r, d) in docs.iter().enumerate() {
        let mut names: Vec<String> = Vec::new();
        names.extend(d.units.iter().map(|u| format!("unit:{u}")));
        names.extend(d.topics.iter().map(|u| format!("topic:{u}")));
        if !d.series.is_empty() {
            names.push(format!("series:{}", d.series));
        }
        names.push(format!("year:{}", d.year));
        if let Some(st) = d.status {
            names.push(format!("status:{st}"));
        }
        names.sort();
        names.dedup();
        for n in names {
            facets.entry(n).or_default().push(r as u32);
        }
    }
    lap("facets");
    let firsts = encode_shards(&chunks, scratch, &facets, &w)?;
    drop(chunks);
    drop(scratch_file);
    lap("merge and gzip shards");
    for (m, group) in firsts.chunks(GROUP).enumerate() {
        let mut blob = Vec::new();
        let mut prev = 0;
        for &k in group {
            varint(&mut blob, k - prev);
            prev = k;
        }
        w.put(format!("g{m}.bin"), blob)?;
    }
    // Fold table pages.
    let mut fold_pages = Vec::new();
    for (p, json) in fold::table_pages() {
        w.put(format!("f{p}.bin"), gzip(json.as_bytes()))?;
        fold_pages.push(p);
    }
    let files = w.count() + 1;
    if cap.is_some_and(|cap| files > cap) {
        return Ok(files);
    }
    let dir = w.dir_hash();
    sink.rename_dir(STAGING, &format!("search/{dir}"))
        .map_err(SearchError::Sink)?;
    lap("groups, fold pages, hash");
    let mut keys_blob = Vec::new();
    let mut prev = 0;
    for &k in firsts.iter().step_by(GROUP) {
        varint(&mut keys_blob, k - prev);
        prev = k;
    }
    let mut docs_blob = Vec::new();
    let mut prev = 0;
    for &f in &doc_firsts {
        varint(&mut docs_blob, u64::from(f - prev));
        prev = f;
    }
    let manifest = Manifest {
        version: FORMAT_VERSION,
        doc_files: base64(&docs_blob),
        dir,
        records: docs.len(),
        shards: firsts.len(),
        group: GROUP,
        shard_keys: base64(&keys_blob),
        facets: facets.keys().cloned().collect(),
        fold_pages,
        classes: fold::CLASS_RANGES.to_vec(),
        fold_cjk: base64(&fold::cjk_bitmap()),
        fold_alt: base64(&fold::alt_bitmap()),
    };
    sink.put(MANIFEST.to_string(), gzip(&serde_json::to_vec(&manifest)?))
        .map_err(SearchError::Sink)?;
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spilled_keys_give_every_range_the_keys_kept_in_memory_would() {
        let dir = tempfile::tempdir().unwrap();
        let f = ScratchFile::create(dir.path(), "scratch").unwrap();
        // 1,000 ascending keys with gaps (so ranges start and end between keys), across many blocks.
        let keys: Vec<ChunkKey> = (0..1_000u64)
            .map(|i| ChunkKey {
                key: 10 + i * 8 + (i % 7),
                pres: (i as u32 * 2, i as u32 * 2 + 2),
                pos: (i as u32, i as u32 + 1),
                first: i as u32,
                last: i as u32 + 5,
            })
            .collect();
        let memory = ChunkPostings {
            keys: Keys::Memory(keys.clone()),
            blobs: Blobs::Memory {
                pres: vec![1; 2_000],
                pos: vec![2; 1_000],
            },
        };
        let spilled = ChunkPostings {
            keys: Keys::Memory(keys),
            blobs: Blobs::Memory {
                pres: vec![1; 2_000],
                pos: vec![2; 1_000],
            },
        }
        .spill(Some(&f))
        .unwrap();
        assert!(matches!(spilled.keys, Keys::Spilled { .. }));
        let max = 10 + 1_000 * 8 + 10;
        let bounds = [
            0,
            1,
            9,
            10,
            11,
            200,
            201,
            202,
            203,
            999,
            1_000,
            2_500,
            3_005,
            max,
            u64::MAX,
        ];
        for &lo in &bounds {
            for &hi in &bounds {
                let (a, b) = (
                    memory.keys_in(lo, hi, Some(&f)).unwrap(),
                    spilled.keys_in(lo, hi, Some(&f)).unwrap(),
                );
                assert_eq!(a, b, "keys in {lo}..{hi}");
                if !a.is_empty() {
                    let (ra, rb) = (
                        memory.range(&a, Some(&f)).unwrap(),
                        spilled.range(&b, Some(&f)).unwrap(),
                    );
                    assert_eq!(ra.pres(&a[0]), rb.pres(&b[0]));
                    assert_eq!(ra.pos(&a[a.len() - 1]), rb.pos(&b[b.len() - 1]));
                }
            }
        }
    }

    #[test]
    fn key_map_keeps_first_ids_through_growth() {
        let mut m = KeyMap::with_capacity(0);
        let keys: Vec<u64> = (0..10_000u64)
            .map(|i| key(i % 7, char::from_u32(0x4E00 + (i / 7) as u32).unwrap(), 'a'))
            .collect();
        let mut next = 0;
        for &k in &keys {
            let id = m.get_or_insert(k, || {
                next += 1;
                next - 1
            });
            assert_eq!(id, next - 1, "a new key gets the next id");
        }
        assert_eq!(m.len, keys.len());
        assert!(m.slots.len() >= 2 * keys.len(), "at most half full");
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(m.get_or_insert(k, || panic!("{k} is known")), i as u32);
        }
    }
}
