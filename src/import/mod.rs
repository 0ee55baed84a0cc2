//! The importer: turns minutes that arrive as plain text (copied out of a PDF) or as a Word .docx
//! into one Markdown record with YAML front-matter.
//!
//! The steps: [`text`] cleans the source lines (page furniture, spaced labels, stray bullets) and
//! mends the line breaks a PDF leaves mid-sentence; [`header`] reads the front-matter values from
//! the header lines; [`body`] writes the Markdown body, keeping the official numbering as
//! structure; [`docx`] turns a .docx into the same kind of text first.
//!
//! Nothing is invented: a value that cannot be found is left out of the front-matter and reported
//! as an [`ImportWarning`] with the source line. The YAML is written by hand here (every string
//! value double-quoted), so reading YAML stays in one module (`crate::yaml`).

mod body;
mod decode;
mod docx;
mod header;
mod numbering;
mod odt;
mod pdf;
mod register;
mod text;

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::messages::Msg;

pub use docx::docx_to_text;
pub use register::{add_entries, register, Entry, RegisterError, Unregistered};
pub use text::Furniture;

/// A registered name (a unit or a series), with its slug and the short forms that stand for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryName {
    pub name: String,
    pub slug: String,
    pub aliases: Vec<String>,
}

/// The registries the importer resolves names through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportRegistry {
    pub units: Vec<RegistryName>,
    pub series: Vec<RegistryName>,
}

impl ImportRegistry {
    /// The registered unit that `name` (a canonical name or an alias) stands for.
    pub fn unit(&self, name: &str) -> Option<&RegistryName> {
        find_name(&self.units, name)
    }
}

fn find_name<'a>(list: &'a [RegistryName], name: &str) -> Option<&'a RegistryName> {
    let name = name.trim();
    list.iter()
        .find(|r| r.name == name)
        .or_else(|| list.iter().find(|r| r.aliases.iter().any(|a| a == name)))
}

/// Something the importer could not read or left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportWarning {
    /// 1-based source line, 0 if none.
    pub line: usize,
    /// What was left out and why, from the message catalogue (rendered in the site's language
    /// where it is printed).
    pub message: Msg,
    /// The source line as it was (empty if none).
    pub source_line: String,
}

impl std::fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "warning: {}", self.message.en())
        } else {
            write!(
                f,
                "warning: line {}: {}\n  | {}",
                self.line,
                self.message.en(),
                self.source_line
            )
        }
    }
}

/// One imported record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// Front-matter and body.
    pub markdown: String,
    /// Where the record would go, e.g. `content/2024/executive-4.md`.
    pub suggested_path: String,
    pub warnings: Vec<ImportWarning>,
    /// What the importer read, for the user (e.g. `read as Big5`); not warnings. From the message
    /// catalogue: the import command prints them in the site's language.
    pub note_messages: Vec<Msg>,
    /// The same notes in English, for logs and tools (the benchmark reads a PDF's page count
    /// from `read the text layer of N PDF pages`).
    pub notes: Vec<String>,
    /// The source lines removed as page furniture (page numbers, running headers and footers at
    /// page boundaries). Nothing else is ever removed from the text.
    pub furniture: Vec<Furniture>,
    /// The header lines left out of the body because every value they hold went into the
    /// front-matter (the title, `日期：…`, `主席：…`, …): (1-based source line, text).
    pub in_front_matter: Vec<(usize, String)>,
    /// The series and units the record names that the registry does not have, with proposed
    /// entries for `minutebook.yaml` (in the first record of a file of several sittings, those
    /// of every sitting: what `--register` adds).
    pub unregistered: Unregistered,
    /// The records of the later sittings, when the file holds the minutes of several sittings
    /// one after the other (a council's 議事錄); empty for a file of one sitting. Their page
    /// furniture and notes are the first record's (they are the file's).
    pub more: Vec<Imported>,
}

impl Imported {
    /// This record and the later sittings' ([`Imported::more`]), in the order of the file.
    pub fn records(&self) -> impl Iterator<Item = &Imported> {
        std::iter::once(self).chain(&self.more)
    }

    /// The one-line summary of [`Imported::furniture`], if any was removed (saying that
    /// `--verbose` lists the lines unless `verbose`).
    pub fn furniture_note(&self, verbose: bool) -> Option<Msg> {
        let count = self.furniture.len();
        (count > 0).then_some(Msg::ImportFurniture { count, verbose })
    }
}

/// Why a file could not be imported or written. Each names the file; its text is the message
/// catalogue's ([`ImportError::msg`]), shown in English by `Display`.
#[derive(Debug)]
pub enum ImportError {
    Read { path: PathBuf, source: std::io::Error },
    NotUtf8 { path: PathBuf },
    Empty { path: PathBuf },
    UnknownExtension { path: PathBuf, extension: String },
    NoExtension { path: PathBuf },
    Doc { path: PathBuf, file: String },
    TooLarge { path: PathBuf, message: Box<Msg> },
    Docx { path: PathBuf, message: Box<Msg> },
    Odt { path: PathBuf, message: Box<Msg> },
    Pdf { path: PathBuf, message: Box<Msg> },
    Scan { path: PathBuf, pages: usize },
    Exists { path: PathBuf },
    Write { path: PathBuf, source: std::io::Error },
}

impl ImportError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        use ImportError as E;
        match self {
            E::Read { path, .. }
            | E::NotUtf8 { path }
            | E::Empty { path }
            | E::UnknownExtension { path, .. }
            | E::NoExtension { path }
            | E::Doc { path, .. }
            | E::TooLarge { path, .. }
            | E::Docx { path, .. }
            | E::Odt { path, .. }
            | E::Pdf { path, .. }
            | E::Scan { path, .. }
            | E::Exists { path }
            | E::Write { path, .. } => path,
        }
    }

    /// What went wrong, from the message catalogue (without the file's name).
    pub fn msg(&self) -> Msg {
        use ImportError as E;
        match self {
            E::Read { source, .. } => Msg::ImportUnreadable {
                error: source.to_string(),
            },
            E::NotUtf8 { .. } => Msg::ImportNotUtf8,
            E::Empty { .. } => Msg::ImportEmpty,
            E::UnknownExtension { extension, .. } => Msg::ImportUnknownExtension {
                extension: extension.clone(),
            },
            E::NoExtension { .. } => Msg::ImportNoExtension,
            E::Doc { file, .. } => Msg::ImportDoc { file: file.clone() },
            E::TooLarge { message, .. } => Msg::ImportTooLarge {
                message: message.clone(),
            },
            E::Docx { message, .. } => Msg::ImportNotDocx {
                message: message.clone(),
            },
            E::Odt { message, .. } => Msg::ImportNotOdt {
                message: message.clone(),
            },
            E::Pdf { message, .. } => Msg::ImportNotPdf {
                message: message.clone(),
            },
            E::Scan { pages, .. } => Msg::ImportScan { pages: *pages },
            E::Exists { .. } => Msg::ImportExists,
            E::Write { source, .. } => Msg::ImportUnwritable {
                error: source.to_string(),
            },
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path().display(), self.msg().en())
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::Read { source, .. } | ImportError::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl ImportError {
    /// The same error, naming `path` (errors from [`docx_to_text`] have no file name yet).
    fn at(self, path: &Path) -> Self {
        match self {
            ImportError::Docx { message, .. } => ImportError::Docx {
                path: path.to_path_buf(),
                message,
            },
            ImportError::Odt { message, .. } => ImportError::Odt {
                path: path.to_path_buf(),
                message,
            },
            ImportError::TooLarge { message, .. } => ImportError::TooLarge {
                path: path.to_path_buf(),
                message,
            },
            ImportError::Pdf { message, .. } => ImportError::Pdf {
                path: path.to_path_buf(),
                message,
            },
            ImportError::Scan { pages, .. } => ImportError::Scan {
                path: path.to_path_buf(),
                pages,
            },
            other => other,
        }
    }
}

/// One sitting's minutes, read: what [`import_text`] makes a record of.
struct Sitting {
    fm: FrontMatter,
    body: String,
    warnings: Vec<ImportWarning>,
    in_front_matter: Vec<(usize, String)>,
    unknown_units: Vec<String>,
}

/// Read one sitting's lines (the whole file's, or one sitting's of a file that holds several):
/// the header, the body, the units named. `several`: the file holds several sittings, so a
/// warning about the header as a whole (no `地點：` line) names the sitting's first line.
fn read_sitting(lines: &[text::Line], registry: &ImportRegistry, several: bool) -> Sitting {
    let mut warnings = Vec::new();
    let header_end = text::header_end(lines);
    let blocks = text::mend(lines, header_end, registry);
    let header::Header { fm, taken } = header::read(&blocks, registry, &mut warnings);
    let body = body::render(&blocks, &taken, registry);
    let (units, unknown_units) = header::units(&blocks, &body.motions, registry, &mut warnings);
    let fm = FrontMatter { units, ..fm };
    if several {
        if let Some(first) = lines.iter().find(|l| !l.text.is_empty()) {
            for w in warnings.iter_mut().filter(|w| w.line == 0) {
                w.line = first.no;
                w.source_line = first.text.clone();
            }
        }
    }
    let in_front_matter = taken
        .iter()
        .map(|&i| (blocks[i].line, blocks[i].text.clone()))
        .collect();
    Sitting {
        fm,
        body: body.markdown,
        warnings,
        in_front_matter,
        unknown_units,
    }
}

/// Import minutes given as text (as copied out of a PDF, or from [`docx_to_text`]).
///
/// A file that holds the minutes of several sittings one after the other (a council's 議事錄:
/// each sitting's title, `時間：…` and the rest of its header, then its body) gives one record
/// per sitting: the first is the one returned, the later ones are in [`Imported::more`]. Each
/// goes where its title puts it (`content/2017/lin-shi-hui-1-17.md` for the 預備會議, then
/// `…-1-17-1.md`, `…-1-17-2.md`); when two would share a file or one has no slug, they are the
/// first one's file and slug with `-1`, `-2`, … in the order of the file.
pub fn import_text(source: &str, registry: &ImportRegistry) -> Imported {
    let lines = text::clean(source, registry);
    let ranges = text::sittings(&lines);
    let several = ranges.len() > 1;
    let mut sittings: Vec<Sitting> = ranges
        .iter()
        .map(|r| read_sitting(&lines[r.clone()], registry, several))
        .collect();
    // The entries to register are proposed for the file at once, so that two sittings that name
    // the same new series or unit propose it once, with one slug.
    let mut series_names: Vec<String> = Vec::new();
    let mut unit_names: Vec<String> = Vec::new();
    for s in &sittings {
        if let Some(n) = &s.fm.unregistered_series {
            if !series_names.contains(n) {
                series_names.push(n.clone());
            }
        }
        for u in &s.unknown_units {
            if !unit_names.contains(u) {
                unit_names.push(u.clone());
            }
        }
    }
    let all = Unregistered::propose(&series_names, &unit_names, registry);
    let mut records: Vec<Imported> = Vec::new();
    for s in &mut sittings {
        let unregistered = all.only(s.fm.unregistered_series.as_deref(), &s.unknown_units);
        let fm = &mut s.fm;
        // The series the title names goes in as written, with the slug proposed for it: `check`
        // then points at it until it is registered, and the file is named as it will be.
        if let Some(e) = unregistered.series.first() {
            fm.series = Some(e.name.clone());
            fm.slug = fm
                .title
                .as_deref()
                .and_then(header::slug_numbers)
                .map(|n| format!("{}-{n}", e.slug));
        }
        let year = fm
            .date
            .as_ref()
            .map(|d| d[..4].to_string())
            .unwrap_or_else(|| "undated".into());
        let name = fm.slug.clone().unwrap_or_else(|| "untitled".into());
        let mut warnings = std::mem::take(&mut s.warnings);
        warnings.sort_by_key(|w| w.line);
        records.push(Imported {
            markdown: String::new(),
            suggested_path: format!("content/{year}/{name}.md"),
            warnings,
            note_messages: Vec::new(),
            notes: Vec::new(),
            furniture: Vec::new(),
            in_front_matter: std::mem::take(&mut s.in_front_matter),
            unregistered,
            more: Vec::new(),
        });
    }
    // Several sittings: each goes where its own title puts it (`…-1-17`, `…-1-17-1`, `…-1-17-2`:
    // the URL a sitting's minutes would have if imported alone); where two would share a file, or
    // one has no slug, the first one's file and slug numbered in the order of the file.
    let own = sittings.iter().all(|s| s.fm.slug.is_some())
        && records
            .iter()
            .enumerate()
            .all(|(n, r)| records[..n].iter().all(|q| q.suggested_path != r.suggested_path));
    if several && !own {
        let base = records[0].suggested_path.trim_end_matches(".md").to_string();
        let slug = sittings[0].fm.slug.clone();
        for (n, (r, s)) in records.iter_mut().zip(&mut sittings).enumerate() {
            r.suggested_path = format!("{base}-{}.md", n + 1);
            if let Some(slug) = &slug {
                s.fm.slug = Some(format!("{slug}-{}", n + 1));
            }
        }
    }
    for (r, s) in records.iter_mut().zip(&sittings) {
        r.markdown = s.fm.to_yaml();
        r.markdown.push_str(&s.body);
    }
    let mut records = records.into_iter();
    let mut first = records.next().expect("a file has one sitting at least");
    first.more = records.collect();
    first.unregistered = all;
    first.furniture = text::furniture(&lines);
    first
}

/// `content/2017/x.md` → `content/2017/x-2.md`: where the `n`th record of a file of several
/// sittings goes when the first one would go to `path` (`--out`).
pub fn numbered_path(path: &Path, n: usize) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{n}"),
    };
    path.with_file_name(name)
}

/// Import a `.txt` or `.docx` file, chosen by its extension.
pub fn import_file(path: &Path, registry: &ImportRegistry) -> Result<Imported, ImportError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut notes = Vec::new();
    let mut warnings = Vec::new();
    let mut form_texts: Vec<(usize, String)> = Vec::new();
    let text = match ext.as_str() {
        "txt" | "text" | "md" => {
            let d = decode::decode(&bytes);
            if d.encoding != "UTF-8" {
                notes.push(Msg::ImportReadAs {
                    encoding: d.encoding.to_string(),
                });
            }
            if d.malformed {
                warnings.push(ImportWarning {
                    line: 0,
                    message: Msg::ImportMalformed {
                        encoding: d.encoding.to_string(),
                    },
                    source_line: String::new(),
                });
            }
            d.text
        }
        "docx" => {
            let doc = docx::read_docx(&bytes).map_err(|e| e.at(path))?;
            if doc.numbered > 0 {
                notes.push(Msg::ImportWordNumbering { count: doc.numbered });
            }
            decode::normalize_newlines(&doc.text)
        }
        "doc" => {
            return Err(ImportError::Doc {
                path: path.to_path_buf(),
                file: path.display().to_string(),
            })
        }
        "odt" => {
            let doc = odt::read_odt(&bytes).map_err(|e| e.at(path))?;
            if doc.numbered > 0 {
                notes.push(Msg::ImportListNumbering { count: doc.numbered });
            }
            decode::normalize_newlines(&doc.text)
        }
        "pdf" => {
            let doc = pdf::read_pdf(&bytes).map_err(|e| e.at(path))?;
            notes.push(Msg::ImportPdfPages { pages: doc.pages });
            form_texts = doc.form_texts.clone();
            if !doc.blank_pages.is_empty() {
                warnings.push(ImportWarning {
                    line: 0,
                    message: Msg::ImportBlankPages {
                        pages: doc.blank_pages.clone(),
                    },
                    source_line: String::new(),
                });
            }
            doc.text
        }
        _ => {
            return Err(if ext.is_empty() {
                ImportError::NoExtension {
                    path: path.to_path_buf(),
                }
            } else {
                ImportError::UnknownExtension {
                    path: path.to_path_buf(),
                    extension: format!(".{ext}"),
                }
            })
        }
    };
    // A file of nothing but whitespace (or a byte-order mark) would become a record without
    // front-matter that the next build rejects.
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(ImportError::Empty {
            path: path.to_path_buf(),
        });
    }
    let mut imported = import_text(&text, registry);
    // Form fields (a PDF's buttons) are drawn over the page, outside its text: reported with the
    // furniture, as line 0 of their page.
    imported.furniture.extend(
        form_texts
            .into_iter()
            .map(|(page, text)| text::Furniture { line: 0, page, text }),
    );
    imported.notes = notes.iter().map(Msg::en).collect();
    imported.note_messages = notes;
    warnings.append(&mut imported.warnings);
    imported.warnings = warnings;
    Ok(imported)
}

/// Write `contents` to a new file at `path`, creating its parent folders. An existing file is
/// never overwritten: that is an [`ImportError::Exists`].
pub fn write_new(path: &Path, contents: &str) -> Result<(), ImportError> {
    let write_err = |source| ImportError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(write_err)?;
    }
    let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(ImportError::Exists {
                path: path.to_path_buf(),
            })
        }
        Err(e) => return Err(write_err(e)),
    };
    file.write_all(contents.as_bytes()).map_err(write_err)?;
    file.sync_all().map_err(write_err)
}

/// A YAML double-quoted string.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // C0, DEL and C1 controls are escaped: YAML forbids them raw in a document.
            c if (c as u32) < 0x20 || ('\u{7f}'..='\u{9f}').contains(&c) => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            // Line and paragraph separators and the BOM would break or hide in the YAML line.
            '\u{2028}' | '\u{2029}' | '\u{feff}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The front-matter values found; `None` (or empty) ones are left out.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    pub title: Option<String>,
    pub series: Option<String>,
    pub number: Option<u32>,
    pub date: Option<String>,
    pub time: Option<String>,
    pub location: Option<String>,
    pub chair: Option<String>,
    pub recorder: Option<String>,
    pub attendees: Vec<String>,
    pub observers: Vec<String>,
    pub on_leave: Vec<String>,
    pub absent: Vec<String>,
    pub units: Vec<String>,
    pub slug: Option<String>,
    /// The series the title names when the registry has none of it (not written).
    pub unregistered_series: Option<String>,
}

impl FrontMatter {
    fn to_yaml(&self) -> String {
        let mut y = String::from("---\n");
        let mut kv = |k: &str, v: &Option<String>| {
            if let Some(v) = v {
                y.push_str(&format!("{k}: {}\n", quote(v)));
            }
        };
        kv("title", &self.title);
        kv("series", &self.series);
        if let Some(n) = self.number {
            y.push_str(&format!("number: {n}\n"));
        }
        let mut kv = |k: &str, v: &Option<String>| {
            if let Some(v) = v {
                y.push_str(&format!("{k}: {}\n", quote(v)));
            }
        };
        kv("date", &self.date);
        kv("time", &self.time);
        kv("location", &self.location);
        kv("chair", &self.chair);
        kv("recorder", &self.recorder);
        for (k, list) in [
            ("attendees", &self.attendees),
            ("observers", &self.observers),
            ("on_leave", &self.on_leave),
            ("absent", &self.absent),
            ("units", &self.units),
        ] {
            if !list.is_empty() {
                y.push_str(&format!("{k}:\n"));
                for v in list {
                    y.push_str(&format!("  - {}\n", quote(v)));
                }
            }
        }
        if let Some(s) = &self.slug {
            y.push_str(&format!("slug: {}\n", quote(s)));
        }
        // Not published until a person has read it against the source and removed this line.
        y.push_str("draft: true\n");
        y.push_str("---\n");
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_under_a_label_for_a_unit_or_a_person_is_proposed() {
        // A council's database prints the proposer's field `提案單位/人`: a unit's name there is
        // proposed for the registry, a person's is not.
        let text = "某鄉民代表會第3次會議紀錄\n時間：113年9月11日上午10時\n主席：王大明\n壹、討論事項\n第一案\n提案單位/人：民政課\n案由：修繕案。\n決議：照案通過。\n第二案\n提案人/單位：李小華代表\n案由：路燈案。\n決議：通過。\n";
        let imp = import_text(text, &ImportRegistry::default());
        let units: Vec<&str> = imp.unregistered.units.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(units, ["民政課"]);
    }

    #[test]
    fn quoting_escapes_backslash_and_quote() {
        assert_eq!(quote(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(quote("x\ty"), r#""x\ty""#);
        assert_eq!(quote("a\u{85}b\u{9b}c\u{7f}"), r#""a\x85b\x9bc\x7f""#);
        assert_eq!(quote("a\u{2028}b"), r#""a\u2028b""#);
    }

    #[test]
    fn yaml_leaves_out_missing_values() {
        let fm = FrontMatter {
            title: Some("第4次".into()),
            number: Some(4),
            ..Default::default()
        };
        assert_eq!(fm.to_yaml(), "---\ntitle: \"第4次\"\nnumber: 4\ndraft: true\n---\n");
    }
}
