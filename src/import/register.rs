//! The registry entries a new body's first import needs: the series its title names and the units
//! its items name, when `minutebook.yaml` does not register them yet. The importer proposes each
//! with an ASCII slug (Hanyu Pinyin, as [`auto_slug`] makes them for unregistered names) and,
//! with `--register`, adds them to `minutebook.yaml` without touching anything else in it.

use std::path::{Path, PathBuf};

use super::ImportRegistry;
use crate::content::record::auto_slug;
use crate::messages::Msg;

/// The series a title names, for a title whose series is not registered: the words after its last
/// meeting number (`第4次主管會議紀錄` → `主管會議`), without 紀錄 / 記錄 / 議事錄; when those are only
/// `會議` or `大會`, the words between the two last numbers instead (`…第十五次臨時大會第四次會議紀錄`
/// → `臨時大會`), or the words before the only number (`國立臺灣大學學生輔導委員會第59次會議紀錄` →
/// `國立臺灣大學學生輔導委員會`).
pub(crate) fn series_name(title: &str) -> Option<String> {
    let name = series_words(title)?;
    // Only a name: no brackets, quotes or punctuation, and short.
    let plain = name.chars().count() <= 20 && name.chars().all(|c| c.is_alphanumeric() || c == '、' || c == ' ');
    plain.then_some(name)
}

fn series_words(title: &str) -> Option<String> {
    let t = title.trim();
    let marks: Vec<(usize, usize)> = super::header::title_ordinals(t)
        .iter()
        .map(|o| (o.start, o.end))
        .collect();
    let strip = |s: &str| -> String {
        let mut s = s.trim();
        // (A summary is a kind of record, not of meeting: `第 2 次會議摘要紀錄`, `會議紀要`.)
        // (So is a list of a session's motions: `…第1、2次臨時會議案一覽表` → 臨時會.)
        for suffix in ["議案一覽表", "提案一覽表", "議決案一覽表", "決議案一覽表"] {
            if let Some(x) = s.strip_suffix(suffix).filter(|x| x.chars().count() >= 2) {
                return x.trim().to_string();
            }
        }
        // The record's word standing apart after a space (`…理監事會議 會議紀錄`, as 中華民國天文學會
        // titles its minutes) names no meeting: the series is the words before it.
        if let Some((before, last)) = s.rsplit_once(char::is_whitespace) {
            let record = [
                "會議紀錄",
                "會議記錄",
                "會議摘要紀錄",
                "會議紀要",
                "會議議事錄",
                "議事錄",
                "紀錄",
                "記錄",
            ];
            if record.contains(&last) && before.trim().chars().count() >= 2 {
                return before.trim().to_string();
            }
        }
        for suffix in [
            "會議摘要紀錄",
            "會議紀錄",
            "會議記錄",
            "會議紀要",
            "會議議事錄",
            "議事錄",
            "紀錄",
            "記錄",
            "決議",
        ] {
            if let Some(x) = s.strip_suffix(suffix) {
                s = if suffix.starts_with("會議") {
                    &s[..x.len() + "會議".len()]
                } else {
                    x
                };
                break;
            }
        }
        s.trim().to_string()
    };
    let (_, last_end) = *marks.last()?;
    // A word written twice by a slip (`常務委員會會議會議紀錄`) names the series once.
    let tail = strip(&t[last_end..]).replace("會議會議", "會議");
    // A council's preparatory sitting, named after its session (`…第 17 次臨時會` | `預備會議
    // 會議紀錄`): the session's series.
    let squeezed: String = tail.chars().filter(|c| !c.is_whitespace()).collect();
    for sitting in ["預備會議會議", "預備會議"] {
        if let Some(session) = squeezed.strip_suffix(sitting).filter(|s| s.chars().count() >= 2) {
            return Some(session.to_string());
        }
    }
    if tail.chars().count() > 2 {
        return Some(tail);
    }
    if marks.len() >= 2 {
        let (prev_end, last_start) = (marks[marks.len() - 2].1, marks[marks.len() - 1].0);
        let between = t[prev_end..last_start].trim();
        if between.chars().count() >= 2 {
            return Some(between.to_string());
        }
    }
    // `國立臺灣大學學生輔導委員會第59次會議紀錄`: the words after the only number are just 會議, so
    // the body that meets is named before it.
    if marks.len() == 1 {
        let before = t[..marks[0].0].trim();
        // (Only a name: `(7)第 03 次會議`, a council's sitting numbered in its gazette, has none.)
        if before.chars().count() >= 2 && before.chars().all(|c| c.is_alphanumeric() || c == ' ') {
            return Some(before.to_string());
        }
    }
    // Nothing else names it (`第59次會議紀錄`): the title's own word for the meeting, 會議, so that
    // a new body's first import builds; the user may register another name.
    (!tail.is_empty()).then_some(tail)
}

/// One proposed registry entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub slug: String,
}

/// What the import named that the registry does not have.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unregistered {
    pub series: Vec<Entry>,
    pub units: Vec<Entry>,
}

impl Unregistered {
    pub fn is_empty(&self) -> bool {
        self.series.is_empty() && self.units.is_empty()
    }

    /// Propose slugs: the Pinyin of the name, with `-2`, `-3`… where the registry (or an earlier
    /// proposal) already has it.
    /// `series` are the series the titles name (one for a file of one sitting).
    pub(crate) fn propose(series: &[String], units: &[String], registry: &ImportRegistry) -> Self {
        let mut taken: Vec<String> = registry
            .series
            .iter()
            .chain(&registry.units)
            .map(|r| r.slug.clone())
            .collect();
        let entry = |name: &str, taken: &mut Vec<String>| {
            let base = auto_slug(name);
            let mut slug = base.clone();
            let mut n = 2;
            while taken.contains(&slug) {
                slug = format!("{base}-{n}");
                n += 1;
            }
            taken.push(slug.clone());
            Entry {
                name: name.to_string(),
                slug,
            }
        };
        Unregistered {
            series: series.iter().map(|s| entry(s, &mut taken)).collect(),
            units: units.iter().map(|u| entry(u, &mut taken)).collect(),
        }
    }

    /// The entries of `self` that name `series` or one of `units` (a sitting's share of the
    /// entries proposed for its file).
    pub(crate) fn only(&self, series: Option<&str>, units: &[String]) -> Self {
        Unregistered {
            series: self
                .series
                .iter()
                .filter(|e| Some(e.name.as_str()) == series)
                .cloned()
                .collect(),
            units: self.units.iter().filter(|e| units.contains(&e.name)).cloned().collect(),
        }
    }

    /// The lines to add to `minutebook.yaml`, as the user would type them.
    pub fn yaml(&self) -> String {
        let mut out = String::new();
        for (key, list) in [("series", &self.series), ("units", &self.units)] {
            if list.is_empty() {
                continue;
            }
            out.push_str(&format!("{key}:\n"));
            for e in list {
                out.push_str(&format!("  {}\n", item(e)));
            }
        }
        out
    }
}

/// `- { name: 主管會議, slug: zhu-guan-hui-yi }`, the name quoted when YAML would misread it.
fn item(e: &Entry) -> String {
    let plain = !e.name.is_empty()
        && !e.name.contains([
            ':', '#', ',', '[', ']', '{', '}', '"', '\'', '&', '*', '!', '|', '>', '%', '@', '`',
        ])
        && !e.name.starts_with(['-', '?', ' '])
        && !e.name.ends_with(' ');
    let name = if plain {
        e.name.clone()
    } else {
        format!("\"{}\"", e.name.replace('\\', "\\\\").replace('"', "\\\""))
    };
    format!("- {{ name: {name}, slug: {} }}", e.slug)
}

/// Why `--register` could not add the entries; its text is the message catalogue's
/// ([`RegisterError::msg`]), shown in English by `Display`.
#[derive(Debug)]
pub enum RegisterError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Flow {
        path: PathBuf,
        line: usize,
        key: String,
        entries: String,
    },
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl RegisterError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            RegisterError::Read { path, .. } | RegisterError::Flow { path, .. } | RegisterError::Write { path, .. } => {
                path
            }
        }
    }

    /// The 1-based line the error is at, 0 if none.
    pub fn line(&self) -> usize {
        match self {
            RegisterError::Flow { line, .. } => *line,
            _ => 0,
        }
    }

    /// What went wrong, from the message catalogue (without the file's name).
    pub fn msg(&self) -> Msg {
        match self {
            RegisterError::Read { source, .. } => Msg::ImportUnreadable {
                error: source.to_string(),
            },
            RegisterError::Flow { key, entries, .. } => Msg::ImportFlowList {
                key: key.clone(),
                entries: entries.clone(),
            },
            RegisterError::Write { source, .. } => Msg::ImportUnwritable {
                error: source.to_string(),
            },
        }
    }
}

impl std::fmt::Display for RegisterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line() {
            0 => write!(f, "{}: {}", self.path().display(), self.msg().en()),
            line => write!(f, "{}:{line}: {}", self.path().display(), self.msg().en()),
        }
    }
}

impl std::error::Error for RegisterError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RegisterError::Read { source, .. } | RegisterError::Write { source, .. } => Some(source),
            RegisterError::Flow { .. } => None,
        }
    }
}

/// The text of `minutebook.yaml` with the entries added: each under its top-level key, after that
/// key's last item and with the same indentation; a key the file lacks is added at its end. Every
/// other line (comments, blank lines, order, quoting) stays exactly as it was.
pub fn add_entries(text: &str, path: &Path, add: &Unregistered) -> Result<String, RegisterError> {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    if lines.last().is_some_and(|l| !l.ends_with('\n')) {
        if let Some(l) = lines.last_mut() {
            l.push('\n');
        }
    }
    for (key, list) in [("series", &add.series), ("units", &add.units)] {
        if list.is_empty() {
            continue;
        }
        let head = lines
            .iter()
            .position(|l| l.strip_prefix(key).is_some_and(|r| r.trim_start().starts_with(':')));
        match head {
            None => {
                lines.push(format!("{key}:\n"));
                lines.extend(list.iter().map(|e| format!("  {}\n", item(e))));
            }
            Some(h) => {
                let after_colon = lines[h][key.len()..].trim_start()[1..].trim();
                let value = after_colon.split(" #").next().unwrap_or("").trim();
                if !value.is_empty() && !value.starts_with('#') {
                    let entries = list
                        .iter()
                        .map(|e| format!("  {}", item(e)))
                        .collect::<Vec<_>>()
                        .join("\n");
                    return Err(RegisterError::Flow {
                        path: path.to_path_buf(),
                        line: h + 1,
                        key: key.to_string(),
                        entries,
                    });
                }
                // The key's block: the lines after it up to the next top-level key (a line that
                // starts with neither whitespace, `-` nor `#`). Its last item line sets the place
                // and indentation.
                let mut last_item = None;
                let mut indent = "  ".to_string();
                for (i, l) in lines.iter().enumerate().skip(h + 1) {
                    let first = l.chars().next();
                    let top = first.is_some_and(|c| !c.is_whitespace() && c != '-' && c != '#');
                    if top {
                        break;
                    }
                    let t = l.trim_start();
                    if t.starts_with("- ") || t == "-\n" {
                        indent = l[..l.len() - t.len()].to_string();
                        last_item = Some(i);
                    } else if !t.is_empty() && !t.starts_with('#') && last_item.is_some() {
                        // A continuation line of the last item (a block mapping).
                        last_item = Some(i);
                    }
                }
                let at = last_item.map(|i| i + 1).unwrap_or(h + 1);
                let new: Vec<String> = list.iter().map(|e| format!("{indent}{}\n", item(e))).collect();
                lines.splice(at..at, new);
            }
        }
    }
    Ok(lines.concat())
}

/// Add the entries to the `minutebook.yaml` at `path` (written to a temporary file beside it,
/// then renamed over it, so the file is never left half-written).
pub fn register(path: &Path, add: &Unregistered) -> Result<(), RegisterError> {
    let text = std::fs::read_to_string(path).map_err(|source| RegisterError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let new = add_entries(&text, path, add)?;
    let write_err = |source| RegisterError::Write {
        path: path.to_path_buf(),
        source,
    };
    let tmp = path.with_extension("yaml.minutebook-tmp");
    std::fs::write(&tmp, new).map_err(write_err)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        write_err(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_from_titles() {
        assert_eq!(series_name("第4次主管會議紀錄").as_deref(), Some("主管會議"));
        assert_eq!(
            series_name("立法院第11屆第4會期教育及文化委員會第1次召集委員會議議事錄").as_deref(),
            Some("召集委員會議")
        );
        assert_eq!(
            series_name("金城鎮民代表會第十二屆第十五次臨時大會第四次會議紀錄").as_deref(),
            Some("臨時大會")
        );
        assert_eq!(series_name("會議紀錄"), None);
        // A summary record (新北市議會's, tests/corpus/ntp-2-t12-2) and a word written twice
        // (tests/corpus/cixin-parents-13-18).
        assert_eq!(
            series_name("※第 1 屆第 17 次臨時會預備會議 會議紀錄").as_deref(),
            Some("臨時會")
        );
        assert_eq!(
            series_name("雲林縣議會第17屆第1、2次臨時會議案一覽表").as_deref(),
            Some("臨時會")
        );
        assert_eq!(
            series_name("雲林縣議會第17屆第7次定期會議案一覽表").as_deref(),
            Some("定期會")
        );
        assert_eq!(
            series_name("新北市議會第 2 屆第 12 次臨時會第 2 次會議摘要紀錄").as_deref(),
            Some("臨時會")
        );
        assert_eq!(
            series_name("20140402-慈心華福實驗國民中小學第十三屆家長會 第十八次常務委員會會議會議紀錄").as_deref(),
            Some("常務委員會會議")
        );
        // A real title (tests/fixtures/import/real-pdf/ntu-sac-59): only 會議 after the number.
        assert_eq!(
            series_name("國立臺灣大學學生輔導委員會第59次會議紀錄").as_deref(),
            Some("國立臺灣大學學生輔導委員會")
        );
        assert_eq!(series_name("第59次會議紀錄").as_deref(), Some("會議"));
        // The record's word apart after a space (tests/fixtures/import/real-pdf/asroc-28-5).
        assert_eq!(
            series_name("中華民國天文學會 第 28 屆第 5 次理監事會議 會議紀錄").as_deref(),
            Some("理監事會議")
        );
        // A council's sitting as its gazette numbers it (tests/corpus/ilcc-18-t1-3).
        assert_eq!(series_name("(7)第 03 次會議").as_deref(), Some("會議"));
    }

    fn add() -> Unregistered {
        Unregistered {
            series: vec![Entry {
                name: "臨時大會".into(),
                slug: "lin-shi-da-hui".into(),
            }],
            units: vec![Entry {
                name: "鎮公所".into(),
                slug: "zhen-gong-suo".into(),
            }],
        }
    }

    #[test]
    fn entries_go_after_the_last_item_and_nothing_else_changes() {
        let text = "# site\ntitle: T  # the title\nunits:\n    # the offices\n    - { name: 甲, slug: a }\n    - name: 乙\n      slug: b\n\n# topics next\ntopics: []\n";
        let out = add_entries(text, Path::new("minutebook.yaml"), &add()).unwrap();
        assert_eq!(
            out,
            "# site\ntitle: T  # the title\nunits:\n    # the offices\n    - { name: 甲, slug: a }\n    - name: 乙\n      slug: b\n    - { name: 鎮公所, slug: zhen-gong-suo }\n\n# topics next\ntopics: []\nseries:\n  - { name: 臨時大會, slug: lin-shi-da-hui }\n"
        );
    }

    #[test]
    fn a_flow_list_is_left_to_the_user() {
        let e = add_entries("units: [甲]\n", Path::new("minutebook.yaml"), &add()).unwrap_err();
        assert!(
            e.to_string()
                .contains("minutebook.yaml:1: `units:` is written as a flow list"),
            "{e}"
        );
    }
}
