//! Site configuration: `minutebook.yaml` at the site root, read into [`Config`] through
//! [`crate::yaml`], which gives every key and value its line and column. Unknown keys and keys
//! written twice are errors, reported together with every other problem of the file. The unit, topic and series registries live here, with the lookups that resolve a name,
//! slug or alias to its entry.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostics::{closest, Diagnostic};
use crate::messages::Msg;
use crate::yaml::{self, Node, Problem, Value, YamlError};

pub const CONFIG_FILE: &str = "minutebook.yaml";
pub const DEFAULT_LICENSE: &str = "政府資料開放授權條款-第1版";

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: String,
    pub base_url: String,
    #[serde(default = "default_language")]
    pub language: String,
    /// The language the records are written in; record titles and bodies carry it as `lang`
    /// when it differs from `language` (an English site of Chinese minutes).
    #[serde(default = "default_language")]
    pub content_language: String,
    #[serde(default)]
    pub organization: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub theme: Option<String>,
    /// Records per listing page.
    #[serde(default = "default_per_page")]
    pub per_page: usize,
    /// The licence of the published records and data, by name.
    #[serde(default = "default_license")]
    pub license: String,
    /// Where the licence text lives.
    #[serde(default = "default_license_url")]
    pub license_url: String,
    /// How often the archive is updated, for the open-data description.
    #[serde(default = "default_update_frequency")]
    pub update_frequency: String,
    /// Also write every record into one file, `data/minutes.json` (the records are always in
    /// `data/minutes/<year>.json`, one file per year).
    #[serde(default)]
    pub full_data_file: bool,
    /// At most this many files in the search index (`search/`, manifest included), like
    /// Pagefind's `max_fragments`: over it, the index cuts larger shards and display files
    /// (fewer files, more bytes per query). None: no cap.
    #[serde(default)]
    pub search_max_files: Option<usize>,
    /// Optional accessibility-compliance badge shown in the footer.
    #[serde(default)]
    pub accessibility_badge: Option<Badge>,
    #[serde(default)]
    pub units: Vec<RegistryEntry>,
    #[serde(default)]
    pub topics: Vec<RegistryEntry>,
    #[serde(default)]
    pub series: Vec<RegistryEntry>,
    #[serde(default)]
    pub extra: serde_json::Value,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Badge {
    pub image: String,
    pub alt: String,
    #[serde(default)]
    pub href: Option<String>,
}

/// One registered unit, topic or series.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RegistryEntry {
    pub name: String,
    pub slug: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// English name, used when the site language is English.
    #[serde(default)]
    pub en: Option<String>,
}

fn default_language() -> String {
    "zh-Hant-TW".into()
}
fn default_per_page() -> usize {
    30
}
fn default_license() -> String {
    DEFAULT_LICENSE.into()
}
fn default_license_url() -> String {
    "https://data.gov.tw/license".into()
}
fn default_update_frequency() -> String {
    "不定期".into()
}

/// What kind of registry an entry belongs to; used in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Unit,
    Topic,
    Series,
}

impl Kind {
    /// The top-level key of `minutebook.yaml` that lists this kind's entries.
    pub fn list_key(self) -> &'static str {
        match self {
            Kind::Unit => "units",
            Kind::Topic => "topics",
            Kind::Series => "series",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Unit => "unit",
            Kind::Topic => "topic",
            Kind::Series => "series",
        }
    }
}

/// A registry with its lookup table (name, slug and every alias → index).
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub entries: Vec<RegistryEntry>,
    lookup: BTreeMap<String, usize>,
    /// Each entry's reference (slug and name), made once: every record that names the entry
    /// shares its strings.
    refs: Vec<crate::content::record::Ref>,
}

impl Registry {
    pub fn new(entries: Vec<RegistryEntry>) -> Self {
        let mut lookup = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            for key in std::iter::once(&e.name)
                .chain(std::iter::once(&e.slug))
                .chain(e.aliases.iter())
            {
                lookup.entry(key.clone()).or_insert(i);
            }
        }
        let refs = entries
            .iter()
            .map(|e| crate::content::record::Ref::new(&e.slug, &e.name))
            .collect();
        Registry { entries, lookup, refs }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, key: &str) -> Option<&RegistryEntry> {
        self.lookup.get(key.trim()).map(|&i| &self.entries[i])
    }

    /// The reference of the entry that `key` names (its name, slug or an alias).
    pub fn get_ref(&self, key: &str) -> Option<&crate::content::record::Ref> {
        self.lookup.get(key.trim()).map(|&i| &self.refs[i])
    }

    /// `r` with the strings of the entry it refers to (the same slug and name), so that it
    /// shares them with every other record's reference ([`Registry::get_ref`]).
    pub fn share(&self, r: &mut crate::content::record::Ref) {
        if let Some(e) = self.get_ref(&r.name) {
            if e == r {
                *r = e.clone();
            }
        }
    }

    pub fn by_slug(&self, slug: &str) -> Option<&RegistryEntry> {
        self.entries.iter().find(|e| e.slug == slug)
    }

    /// Every name and alias, longest first (for scanning text for mentions).
    pub fn names(&self) -> Vec<(&str, usize)> {
        let mut v: Vec<(&str, usize)> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            v.push((&e.name, i));
            for a in &e.aliases {
                v.push((a, i));
            }
        }
        v.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.0.cmp(b.0)));
        v
    }

    /// The closest registered name or alias to `input`.
    pub fn suggest(&self, input: &str) -> Option<&str> {
        closest(input, self.lookup.keys().map(String::as_str))
    }
}

/// A loaded, validated configuration with its registries.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub units: Registry,
    pub topics: Registry,
    pub series: Registry,
}

impl Site {
    /// Read and validate `minutebook.yaml` under `root`.
    pub fn load(root: &Path) -> Result<Site, Vec<Diagnostic>> {
        let path = root.join(CONFIG_FILE);
        let text = read_config(&path).map_err(|e| vec![e])?;
        Site::from_str(root, &text)
    }

    pub fn from_str(root: &Path, text: &str) -> Result<Site, Vec<Diagnostic>> {
        let diag = |e: YamlError| {
            let d = Diagnostic::error(CONFIG_FILE, e.line, e.column, e.message).with_source(text);
            match e.help {
                Some(h) => d.with_help(h),
                None => d,
            }
        };
        let doc = yaml::parse(text, 0).map_err(|e| vec![diag(e)])?;
        let tree = match doc.root.value {
            // An empty file is a configuration without keys (its missing title is the error).
            Value::Null => Node {
                value: Value::Map(Vec::new()),
                ..doc.root
            },
            Value::Map(_) => doc.root,
            _ => {
                let e = match yaml::not_a_mapping(text) {
                    Some((slip, (line, column))) => slip.at(line, column),
                    None => Problem::NotFields {
                        what: crate::messages::YamlText::SiteConfiguration,
                    }
                    .at(1, 1),
                };
                return Err(vec![diag(e)]);
            }
        };
        // Keys written twice and unknown keys (at the top level, in registry entries and in the
        // badge) are reported together with the first value of the wrong type.
        let mut diags: Vec<Diagnostic> = doc.problems.into_iter().map(diag).collect();
        let mut unknown = Vec::new();
        let read = yaml::deserialize::<Config>(&tree, &mut unknown);
        diags.extend(unknown.into_iter().map(diag));
        let config = match read {
            Ok(c) => c,
            Err(e) => {
                diags.push(diag(e));
                crate::diagnostics::sort(&mut diags);
                return Err(diags);
            }
        };
        // Where a key is written, inside `within` (the whole file when `None`).
        let key_at = |within: Option<&Node>, key: &str| -> (usize, usize) {
            within
                .unwrap_or(&tree)
                .entry(key)
                .map(|e| (e.line, e.column))
                .unwrap_or((0, 0))
        };
        if config.base_url.trim().is_empty() {
            let (l, c) = key_at(None, "base_url");
            diags.push(Diagnostic::error(CONFIG_FILE, l, c, Msg::BaseUrlEmpty).with_source(text));
        } else if !(config.base_url.starts_with("http://")
            || config.base_url.starts_with("https://")
            || config.base_url.starts_with('/'))
        {
            let (l, c) = key_at(None, "base_url");
            diags.push(
                Diagnostic::error(
                    CONFIG_FILE,
                    l,
                    c,
                    Msg::BaseUrlNotAbsolute {
                        url: config.base_url.clone(),
                    },
                )
                .with_source(text)
                .with_help(Msg::HelpBaseUrl),
            );
        }
        let badge = tree.get("accessibility_badge");
        let mut urls: Vec<((usize, usize), &str, &str)> =
            vec![(key_at(None, "license_url"), "license_url", &config.license_url)];
        if let Some(b) = &config.accessibility_badge {
            urls.push((key_at(badge, "image"), "image", &b.image));
            if let Some(h) = &b.href {
                urls.push((key_at(badge, "href"), "href", h));
            }
        }
        for ((l, c), key, url) in urls {
            if let Some(scheme) = unsafe_scheme(url) {
                diags.push(
                    Diagnostic::error(
                        CONFIG_FILE,
                        l,
                        c,
                        Msg::UnsafeScheme {
                            key: key.into(),
                            scheme: scheme.into(),
                        },
                    )
                    .with_source(text)
                    .with_help(Msg::HelpWebAddress),
                );
            }
        }
        if config.per_page == 0 {
            let (l, c) = key_at(None, "per_page");
            diags.push(Diagnostic::error(CONFIG_FILE, l, c, Msg::PerPageZero).with_source(text));
        }
        for (kind, list) in [
            (Kind::Unit, &config.units),
            (Kind::Topic, &config.topics),
            (Kind::Series, &config.series),
        ] {
            let nodes: &[Node] = match tree.get(kind.list_key()).map(|n| &n.value) {
                Some(Value::Seq(items)) => items,
                _ => &[],
            };
            let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
            for (e, node) in list.iter().zip(nodes) {
                if !is_valid_slug(&e.slug) {
                    let (l, c) = key_at(Some(node), "slug");
                    diags.push(
                        Diagnostic::error(
                            CONFIG_FILE,
                            l,
                            c,
                            Msg::RegistrySlugNotAscii {
                                kind: kind.into(),
                                slug: e.slug.clone(),
                            },
                        )
                        .with_source(text)
                        .with_help(Msg::HelpRegistrySlug),
                    );
                }
                // Each name, slug and alias with the node it is written in.
                let aliases: &[Node] = match node.get("aliases").map(|n| &n.value) {
                    Some(Value::Seq(items)) => items,
                    _ => &[],
                };
                let written = [(&e.name, node.get("name")), (&e.slug, node.get("slug"))]
                    .into_iter()
                    .chain(e.aliases.iter().zip(aliases).map(|(a, n)| (a, Some(n))));
                for (key, at) in written {
                    if let Some(prev) = seen.insert(key, &e.name) {
                        if prev != e.name {
                            let (l, c) = at.map(|n| (n.line, n.column)).unwrap_or((node.line, node.column));
                            diags.push(
                                Diagnostic::error(
                                    CONFIG_FILE,
                                    l,
                                    c,
                                    Msg::NameTwice {
                                        kind: kind.into(),
                                        key: key.clone(),
                                        first: prev.to_string(),
                                        second: e.name.clone(),
                                    },
                                )
                                .with_source(text)
                                .with_help(Msg::HelpUniqueNames),
                            );
                        }
                    }
                }
            }
        }
        if !diags.is_empty() {
            crate::diagnostics::sort(&mut diags);
            return Err(diags);
        }
        Ok(Site {
            root: root.to_path_buf(),
            units: Registry::new(config.units.clone()),
            topics: Registry::new(config.topics.clone()),
            series: Registry::new(config.series.clone()),
            config,
        })
    }

    /// The path part of base_url, always starting and ending with `/` (e.g. `/` or `/minutes/`).
    pub fn root_path(&self) -> String {
        root_path_of(&self.config.base_url)
    }

    /// An absolute URL for a site-relative path such as `minutes/2024/executive-4/`.
    pub fn absolute_url(&self, rel: &str) -> String {
        let base = self.config.base_url.trim_end_matches('/');
        format!("{base}/{}", rel.trim_start_matches('/'))
    }

    pub fn is_english(&self) -> bool {
        self.config
            .language
            .get(..2)
            .is_some_and(|p| p.eq_ignore_ascii_case("en"))
    }
}

/// The largest `minutebook.yaml` read: a site configuration is a few kilobytes even with hundreds
/// of registered units; anything bigger is a wrong file (or a device such as /dev/zero).
pub const CONFIG_LIMIT: u64 = 4 * 1024 * 1024;

/// Read the configuration file as UTF-8 text, at most [`CONFIG_LIMIT`] bytes, lone CR line endings
/// read as line breaks.
fn read_config(path: &Path) -> Result<String, Diagnostic> {
    use std::io::Read;
    let cannot = |e: std::io::Error| {
        Diagnostic::error(CONFIG_FILE, 0, 0, Msg::ConfigUnreadable { error: e.to_string() }).with_help(
            Msg::HelpSiteFolder {
                file: CONFIG_FILE.into(),
            },
        )
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    file.take(CONFIG_LIMIT + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > CONFIG_LIMIT {
        return Err(Diagnostic::error(
            CONFIG_FILE,
            0,
            0,
            Msg::ConfigTooLarge {
                mib: CONFIG_LIMIT / 1024 / 1024,
            },
        )
        .with_help(Msg::HelpShortConfig {
            file: CONFIG_FILE.into(),
        }));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..good]).into_owned();
        let (line, column) = crate::diagnostics::line_col(&prefix, prefix.len());
        Diagnostic::error(CONFIG_FILE, line, column, Msg::ConfigNotUtf8).with_help(Msg::HelpSaveConfigUtf8)
    })?;
    Ok(crate::content::normalize_lone_cr(text))
}

/// The scheme of a URL that runs code or embeds content when followed (`javascript:`, `data:`,
/// `vbscript:`), as browsers read it: case-insensitive, ASCII whitespace and control characters
/// ignored.
fn unsafe_scheme(url: &str) -> Option<&'static str> {
    let plain: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript", "data", "vbscript"]
        .into_iter()
        .find(|s| plain.starts_with(s) && plain[s.len()..].starts_with(':'))
}

pub fn root_path_of(base_url: &str) -> String {
    let after_scheme = match base_url.find("://") {
        Some(i) => &base_url[i + 3..],
        None => base_url,
    };
    let path = if base_url.contains("://") {
        after_scheme.find('/').map(|i| &after_scheme[i..]).unwrap_or("/")
    } else {
        after_scheme
    };
    let mut p = path.trim_end_matches('/').to_string();
    if !p.starts_with('/') {
        p.insert(0, '/');
    }
    if !p.ends_with('/') {
        p.push('/');
    }
    p
}

/// Slugs are ASCII so URLs stay plain: letters, digits, `-`, `_` and `.`, not starting with `.`.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('.')
        && s.len() <= 100
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "title: 會議紀錄\nbase_url: https://x.gov.tw/minutes/\nunits:\n  - { name: 數位產業署, slug: adi, aliases: [數產署, ADI] }\n";

    #[test]
    fn resolves_aliases() {
        let s = Site::from_str(Path::new("."), YAML).unwrap();
        assert_eq!(s.units.get("數產署").unwrap().slug, "adi");
        assert_eq!(s.units.get("adi").unwrap().name, "數位產業署");
        assert!(s.units.get("資安署").is_none());
        assert_eq!(s.root_path(), "/minutes/");
    }

    #[test]
    fn unknown_key_is_located() {
        let err = Site::from_str(Path::new("."), "title: a\nbase_url: https://x/\nthem: default\n").unwrap_err();
        assert_eq!(err[0].line, 3, "{:?}", err);
        assert!(err[0].message.en().contains("them"), "{:?}", err);
        assert!(
            err[0]
                .help
                .as_ref()
                .map(|h| h.en())
                .unwrap_or_default()
                .contains("theme"),
            "{:?}",
            err
        );
    }

    #[test]
    fn duplicate_alias_is_an_error() {
        let y = "title: a\nbase_url: https://x/\nunits:\n  - { name: 甲, slug: a, aliases: [乙] }\n  - { name: 乙, slug: b }\n";
        let err = Site::from_str(Path::new("."), y).unwrap_err();
        assert!(err[0].message.en().contains("names two units"), "{:?}", err);
        // At the registration that duplicates it (the second unit's name), not the alias before.
        assert_eq!((err[0].line, err[0].column), (5, 13), "{:?}", err);
    }

    #[test]
    fn script_and_data_urls_are_refused() {
        let y = "title: a\nbase_url: https://x/\nlicense_url: \" JavaScript:alert(1)\"\naccessibility_badge:\n  image: data:image/svg+xml,<svg/>\n  alt: 無障礙\n  href: \"java\\tscript:alert(1)\"\n";
        let err = Site::from_str(Path::new("."), y).unwrap_err();
        let got: Vec<(usize, usize, String)> = err.iter().map(|d| (d.line, d.column, d.message.en())).collect();
        let got: Vec<(usize, usize, &str)> = got.iter().map(|(l, c, m)| (*l, *c, m.as_str())).collect();
        assert_eq!(
            got,
            [
                (
                    3,
                    1,
                    "`license_url` uses a `javascript:` address, which pages do not link to"
                ),
                (5, 3, "`image` uses a `data:` address, which pages do not link to"),
                (7, 3, "`href` uses a `javascript:` address, which pages do not link to"),
            ]
        );
        let ok = "title: a\nbase_url: https://x/\nlicense_url: https://data.gov.tw/license\naccessibility_badge: { image: /a.png, alt: b, href: /c/ }\n";
        assert!(Site::from_str(Path::new("."), ok).is_ok());
    }

    #[test]
    fn config_is_read_with_a_size_limit() {
        let dir = tempfile::tempdir().unwrap();
        let big = "title: a\nbase_url: https://x/\n".to_string() + &"#".repeat(CONFIG_LIMIT as usize);
        std::fs::write(dir.path().join(CONFIG_FILE), big).unwrap();
        let err = Site::load(dir.path()).unwrap_err();
        assert_eq!(err[0].message.en(), "the site configuration is larger than 4 MiB");
        #[cfg(unix)]
        {
            let dir = tempfile::tempdir().unwrap();
            std::os::unix::fs::symlink("/dev/zero", dir.path().join(CONFIG_FILE)).unwrap();
            let err = Site::load(dir.path()).unwrap_err();
            assert_eq!(err[0].message.en(), "the site configuration is larger than 4 MiB");
        }
    }

    #[test]
    fn config_with_lone_cr_line_endings() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "title: 會議紀錄\rbase_url: https://x.gov.tw/\rper_page: 5\r",
        )
        .unwrap();
        let site = Site::load(dir.path()).unwrap();
        assert_eq!((site.config.title.as_str(), site.config.per_page), ("會議紀錄", 5));
    }

    #[test]
    fn root_paths() {
        assert_eq!(root_path_of("https://a.b/"), "/");
        assert_eq!(root_path_of("https://a.b"), "/");
        assert_eq!(root_path_of("https://a.b/x/y"), "/x/y/");
    }
}
