//! The message catalogue: every diagnostic, help line, summary line and the preview's overlay in
//! Traditional Chinese (Taiwan) and English, each under a stable code (`MB0203`).
//!
//! A typed table rather than Fluent files: a message is a variant of [`Msg`] with typed fields, so
//! a call site cannot pass a wrong or missing argument, and the `catalogue!` macro takes both texts
//! of every entry, so a message without its Chinese or its English does not compile. Each text is a
//! `format!` string over the fields (or a block, where English needs a plural), and each entry
//! carries example arguments, from which the tests check both languages of every code and the
//! README's table of codes is generated. (Fluent would add a runtime parser, untyped arguments and
//! Unicode isolation marks around every argument, which a terminal shows as stray characters.)
//!
//! Codes: `MB00xx` files and folders, `MB01xx` YAML (in a front-matter or minutebook.yaml) and
//! minutebook.yaml, `MB02xx` a record's front-matter,
//! `MB03xx` the minutes' body, `MB04xx` check's findings, `MB05xx` follow-ups, `MB06xx` import (its errors, then from
//! `MB0620` what it left out),
//! `MB07xx` the preview server, `MB08xx` themes, templates and output, `MB09xx` init and new;
//! `MB1xxx` help lines (`MB19xx` the command line's); `MB2xxx` the command line (usage errors; the
//! `--help` texts themselves are declared beside their arguments, in [`crate::cli`], in both
//! languages, and a test checks each has both); `MB9xxx` summaries and other lines that are not diagnostics. A code is never
//! reused for another meaning.

use std::fmt;

/// The language messages are written in: the site's `language`, or `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// Traditional Chinese as written in Taiwan (the default, as for the site's pages).
    #[default]
    #[value(name = "zh-Hant-TW")]
    ZhHantTw,
    #[value(name = "en")]
    En,
}

impl Lang {
    /// The language for a site `language` tag: English for `en…`, Traditional Chinese otherwise
    /// (as the theme's strings are chosen, see [`crate::render::i18n::strings`]).
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::ZhHantTw
        }
    }

    /// The BCP 47 tag, for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhHantTw => "zh-Hant-TW",
            Lang::En => "en",
        }
    }

    pub const ALL: [Lang; 2] = [Lang::ZhHantTw, Lang::En];
}

/// The language of the site at `root`: `flag` (`--lang`) when given, else the site's `language`
/// read from its minutebook.yaml, else Traditional Chinese. A configuration that does not load
/// still gives its `language:` line, so that its own errors are reported in that language.
pub fn site_lang(root: &std::path::Path, flag: Option<Lang>) -> Lang {
    if let Some(l) = flag {
        return l;
    }
    let Ok(text) = std::fs::read_to_string(root.join(crate::config::CONFIG_FILE)) else {
        return Lang::default();
    };
    Lang::from_tag(&language_line(&text).unwrap_or_default())
}

/// The value of the top-level `language:` key, read line by line (quotes and a trailing comment
/// removed), so that it is found even when the rest of the file does not parse.
fn language_line(text: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let v = l.strip_prefix("language:")?;
        let v = v.split(" #").next().unwrap_or(v).trim();
        Some(v.trim_matches(['"', '\'']).to_string())
    })
}

/// English plural of `one` for a count (`1 record`, `2 records`).
fn en_count(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

/// A registry's kind, named in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Noun {
    Unit,
    Topic,
    Series,
}

impl Noun {
    fn en(self) -> &'static str {
        match self {
            Noun::Unit => "unit",
            Noun::Topic => "topic",
            Noun::Series => "series",
        }
    }

    fn en_plural(self) -> &'static str {
        match self {
            Noun::Unit => "units",
            Noun::Topic => "topics",
            Noun::Series => "series",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            Noun::Unit => "單位",
            Noun::Topic => "主題",
            Noun::Series => "會議",
        }
    }

    /// The registry's key in minutebook.yaml.
    fn key(self) -> &'static str {
        self.en_plural()
    }
}

impl From<crate::config::Kind> for Noun {
    fn from(k: crate::config::Kind) -> Noun {
        match k {
            crate::config::Kind::Unit => Noun::Unit,
            crate::config::Kind::Topic => Noun::Topic,
            crate::config::Kind::Series => Noun::Series,
        }
    }
}

/// A follow-up's state, named in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowupState(pub crate::followups::Kind);

impl FollowupState {
    fn zh(self) -> &'static str {
        use crate::followups::Kind;
        match self.0 {
            Kind::Open => "列管中",
            Kind::Extended => "展延",
            Kind::Closed => "解除列管",
            Kind::SelfTracked => "改由單位自行列管",
            Kind::Withdrawn => "撤銷列管",
            Kind::Merged => "併案",
        }
    }
}

/// What a YAML value should be, named in both languages (a wrong type's message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Text,
    TextOrList,
    WholeNumber,
    Number,
    Bool,
    List,
    Fields,
    Other,
}

impl ValueKind {
    fn en(self) -> &'static str {
        match self {
            ValueKind::Text => "text",
            ValueKind::TextOrList => "text or a list",
            ValueKind::WholeNumber => "a whole number",
            ValueKind::Number => "a number",
            ValueKind::Bool => "true or false",
            ValueKind::List => "a list",
            ValueKind::Fields => "a set of `key: value` fields",
            ValueKind::Other => "another kind of value",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            ValueKind::Text => "文字",
            ValueKind::TextOrList => "文字或清單",
            ValueKind::WholeNumber => "整數",
            ValueKind::Number => "數字",
            ValueKind::Bool => "true 或 false",
            ValueKind::List => "清單",
            ValueKind::Fields => "一組 `key: value` 欄位",
            ValueKind::Other => "另一種值",
        }
    }
}

/// What a YAML value is, as written, named in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Empty,
    /// `true`, `false`, as written.
    Bool(String),
    /// A number, as written.
    Number(String),
    Text(String),
    List,
    Fields,
    Other,
}

impl Found {
    fn en(&self) -> String {
        match self {
            Found::Empty => "empty".into(),
            Found::Bool(b) => format!("`{b}`"),
            Found::Number(n) => format!("the number {n}"),
            Found::Text(s) => format!("text `{s}`"),
            Found::List => "a list".into(),
            Found::Fields => "a set of `key: value` fields".into(),
            Found::Other => "another kind of value".into(),
        }
    }

    fn zh(&self) -> String {
        match self {
            Found::Empty => "空值".into(),
            Found::Bool(b) => format!("`{b}`"),
            Found::Number(n) => format!("數字 {n}"),
            Found::Text(s) => format!("文字 `{s}`"),
            Found::List => "清單".into(),
            Found::Fields => "一組 `key: value` 欄位".into(),
            Found::Other => "另一種值".into(),
        }
    }
}

/// A whole YAML text: a record's front-matter or the site configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlText {
    FrontMatter,
    SiteConfiguration,
}

/// What a quote or bracket left open opens, and the character that closes it.
fn unclosed_en(delimiter: char) -> (&'static str, char) {
    match delimiter {
        '"' | '\'' => ("quoted value", delimiter),
        '[' => ("list", ']'),
        _ => ("mapping", '}'),
    }
}

fn unclosed_zh(delimiter: char) -> &'static str {
    match delimiter {
        '"' | '\'' => "引號",
        '[' => "清單",
        _ => "大括號",
    }
}

/// `n` spaces, in English.
fn en_spaces(n: usize) -> String {
    en_count(n, "space", "spaces")
}

/// `page 3`, `pages 4–9`, `pages 2, 4–9 and 12`: runs of consecutive pages joined.
fn page_runs(pages: &[usize]) -> Vec<String> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &p in pages {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == p => *end = p,
            _ => runs.push((p, p)),
        }
    }
    runs.iter()
        .map(|&(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") })
        .collect()
}

fn page_list_en(pages: &[usize]) -> String {
    let parts = page_runs(pages);
    let word = if pages.len() == 1 { "page" } else { "pages" };
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{word} {} and {last}", rest.join(", ")),
        _ => format!("{word} {}", parts.join("")),
    }
}

/// `第 3 頁`, `第 4–9 頁`, `第 2、4–9 及 12 頁`.
fn page_list_zh(pages: &[usize]) -> String {
    let parts = page_runs(pages);
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("第 {} 及 {last} 頁", rest.join("、")),
        _ => format!("第 {} 頁", parts.join("")),
    }
}

/// One text of an entry: a `format!` string over the fields, or a block.
macro_rules! text {
    ($s:literal) => {
        format!($s)
    };
    ($b:block) => {
        $b
    };
}

macro_rules! catalogue {
    ($(
        $(#[doc = $doc:literal])*
        $code:ident $name:ident $({ $($field:ident : $ty:ty = $ex:expr),* $(,)? })?
            => en $en:tt zh $zh:tt
    )*) => {
        /// A message of the catalogue, with its arguments.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Msg {
            $($(#[doc = $doc])* $name $({ $($field: $ty),* })?,)*
        }

        impl Msg {
    /// The help for a `kind` name that is not registered: the registered name it is closest to
    /// (`suggestion`, from [`crate::config::Registry::suggest`]), or how to register `name`.
    pub fn help_for_unknown(kind: Noun, suggestion: Option<&str>, name: &str) -> Msg {
        match suggestion {
            Some(s) => Msg::HelpRegisteredNames {
                kind,
                name: s.to_string(),
            },
            None => Msg::HelpRegisterName {
                kind,
                name: name.to_string(),
            },
        }
    }

            /// The stable code, e.g. `MB0203`.
            pub fn code(&self) -> &'static str {
                match self {
                    $(Msg::$name { .. } => stringify!($code),)*
                }
            }

            /// The message in `lang`.
            #[allow(unused_variables)]
            pub fn render(&self, lang: Lang) -> String {
                match self {
                    $(Msg::$name { $($($field,)*)? .. } => match lang {
                        Lang::En => text!($en),
                        Lang::ZhHantTw => text!($zh),
                    },)*
                }
            }

            /// One message of every code, with example arguments, in the catalogue's order.
            pub fn examples() -> Vec<Msg> {
                vec![$(Msg::$name $({ $($field: Into::into($ex)),* })?,)*]
            }

            /// Every code, in the catalogue's order.
            pub const CODES: &'static [&'static str] = &[$(stringify!($code)),*];
        }
    };
}

impl Msg {
    /// The message in English (logs, tests).
    pub fn en(&self) -> String {
        self.render(Lang::En)
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

catalogue! {
    // ---- MB00xx: files and folders ----
    MB0001 NoContentFolder
        => en "there is no content folder"
           zh "找不到 content 資料夾"
    MB0002 ContentFolderUnreadable { error: String = "permission denied" }
        => en "cannot read the content folder: {error}"
           zh "無法讀取 content 資料夾：{error}"
    MB0003 FileUnreadable { error: String = "permission denied" }
        => en "cannot read the file: {error}"
           zh "無法讀取檔案：{error}"
    MB0004 NotUtf8
        => en "the file is not valid UTF-8"
           zh "檔案不是有效的 UTF-8 編碼"
    MB0005 FileUnwritable { error: String = "permission denied" }
        => en "cannot write the file: {error}"
           zh "無法寫入檔案：{error}"
    MB0006 FolderUncreatable { error: String = "permission denied" }
        => en "cannot create the folder: {error}"
           zh "無法建立資料夾：{error}"

    MB0007 SymlinkSkipped { link: String = "content/2024/old.md" }
        => en "the symbolic link `{link}` was skipped"
           zh "已略過符號連結 `{link}`"
    MB0008 SymlinksSkipped { count: usize = 7usize, first: Vec<String> = vec!["content/a.md".to_string(), "content/b".to_string()] }
        => en { format!(
                "{count} symbolic links under content/ were skipped: {}{}",
                first.iter().map(|l| format!("`{l}`")).collect::<Vec<_>>().join(", "),
                if *count > first.len() { format!(", and {} more", count - first.len()) } else { String::new() },
            ) }
           zh { format!(
                "已略過 content/ 下的 {count} 個符號連結：{}{}",
                first.iter().map(|l| format!("`{l}`")).collect::<Vec<_>>().join("、"),
                if *count > first.len() { format!("，另有 {} 個", count - first.len()) } else { String::new() },
            ) }

    // ---- MB01xx: YAML (front-matter and minutebook.yaml), then minutebook.yaml ----
    MB0101 YamlSyntax { message: String = "did not find expected node content at line 3 column 1" }
        => en "{message}"
           zh "YAML 語法錯誤：{message}"
    MB0102 YamlUnclosed { delimiter: char = '"' }
        => en { let (what, close) = unclosed_en(*delimiter); format!("this {what} is not closed on its line (`{delimiter}` without `{close}`)") }
           zh { let close = unclosed_en(*delimiter).1; format!("這個{}沒有在同一行結束（有 `{delimiter}` 沒有 `{close}`）", unclosed_zh(*delimiter)) }
    MB0103 YamlFullWidthColon { key: String = "title" }
        => en "`{key}` is followed by a full-width colon `：`"
           zh "`{key}` 後面是全形冒號 `：`"
    MB0104 YamlColonInValue { key: String = "location" }
        => en "the value of `{key}` contains a colon and a space (`: `), which YAML reads as another key"
           zh "`{key}` 的值含有冒號加空格（`: `），YAML 會把它當成另一個欄位"
    MB0105 YamlTab
        => en "this line is indented with a tab"
           zh "這一行用定位字元（Tab）縮排"
    MB0106 YamlIndentation { found: usize = 3usize, above: usize = 2usize }
        => en { format!("this line is indented by {}, the line above by {}", en_spaces(*found), en_spaces(*above)) }
           zh "這一行縮排 {found} 個空格，上一行縮排 {above} 個空格"
    MB0107 YamlDuplicateKey { key: String = "title", first_line: usize = 2usize, line: usize = 4usize }
        => en "`{key}` is written twice, on line {first_line} and on line {line}"
           zh "`{key}` 寫了兩次：第 {first_line} 行和第 {line} 行"
    MB0108 YamlUnknownKey { key: String = "titel" }
        => en "unknown key `{key}`"
           zh "不認得的設定 `{key}`"
    MB0109 YamlMissingKey { key: String = "title" }
        => en "`{key}` is missing"
           zh "缺少 `{key}`"
    MB0110 YamlWrongType { key: Option<String> = Some("per_page".to_string()), expected: ValueKind = ValueKind::WholeNumber, found: Found = Found::Text("三十".into()) }
        => en { match key {
                Some(k) => format!("`{k}` must be {}, not {}", expected.en(), found.en()),
                None => format!("this must be {}, not {}", expected.en(), found.en()),
            } }
           zh { match key {
                Some(k) => format!("`{k}` 必須是{}，不能是{}", expected.zh(), found.zh()),
                None => format!("這裡必須是{}，不能是{}", expected.zh(), found.zh()),
            } }
    MB0111 YamlInvalid { key: Option<String> = Some("language".to_string()), message: String = "invalid value" }
        => en { match key {
                Some(k) => format!("`{k}`: {message}"),
                None => message.clone(),
            } }
           zh { match key {
                Some(k) => format!("`{k}` 的值有誤：{message}"),
                None => format!("值有誤：{message}"),
            } }
    MB0112 YamlNotFields { what: YamlText = YamlText::FrontMatter }
        => en { format!("{} is not a set of `key: value` fields", match what {
                YamlText::FrontMatter => "the front-matter",
                YamlText::SiteConfiguration => "the site configuration",
            }) }
           zh { format!("{}不是一組 `key: value` 欄位", match what {
                YamlText::FrontMatter => "前置資料（front-matter）",
                YamlText::SiteConfiguration => "網站設定 minutebook.yaml",
            }) }

    MB0120 BaseUrlEmpty
        => en "base_url must not be empty"
           zh "base_url 不可以是空的"
    MB0121 BaseUrlNotAbsolute { url: String = "minutes.example.gov.tw" }
        => en "base_url `{url}` is not an absolute URL"
           zh "base_url `{url}` 不是完整的網址"
    MB0122 UnsafeScheme { key: String = "license_url", scheme: String = "javascript" }
        => en "`{key}` uses a `{scheme}:` address, which pages do not link to"
           zh "`{key}` 使用 `{scheme}:` 開頭的位址，網頁不會連結到這種位址"
    MB0123 PerPageZero
        => en "per_page must be at least 1"
           zh "per_page 至少要是 1"
    MB0124 RegistrySlugNotAscii { kind: Noun = Noun::Unit, slug: String = "數位產業署" }
        => en { format!("{} slug `{slug}` is not a plain ASCII slug", kind.en()) }
           zh { format!("{}的 slug `{slug}` 不是單純的 ASCII 網址代稱", kind.zh()) }
    MB0125 NameTwice { kind: Noun = Noun::Unit, key: String = "產業署", first: String = "數位產業署", second: String = "資通安全署" }
        => en { format!("`{key}` names two {}: `{first}` and `{second}`", kind.en_plural()) }
           zh { format!("`{key}` 同時指兩個{}：`{first}` 和 `{second}`", kind.zh()) }
    MB0126 ConfigUnreadable { error: String = "No such file or directory (os error 2)" }
        => en "cannot read the site configuration: {error}"
           zh "無法讀取網站設定：{error}"
    MB0127 ConfigTooLarge { mib: u64 = 4u64 }
        => en "the site configuration is larger than {mib} MiB"
           zh "網站設定檔大於 {mib} MiB"
    MB0128 ConfigNotUtf8
        => en "the site configuration is not valid UTF-8"
           zh "網站設定檔不是有效的 UTF-8 編碼"

    // ---- MB02xx: a record's front-matter ----
    MB0201 UnknownKey { key: String = "titel" }
        => en "unknown key `{key}`"
           zh "不認得的欄位 `{key}`"
    MB0202 MissingKey { key: String = "date" }
        => en "the record has no `{key}`"
           zh "紀錄缺少 `{key}` 欄位"
    MB0203 EmptyKey { key: String = "title" }
        => en "`{key}` is empty"
           zh "`{key}` 是空的"
    MB0204 NotText { key: String = "chair" }
        => en "`{key}` must be text"
           zh "`{key}` 必須是文字"
    MB0205 ItemNotText { key: String = "units" }
        => en "every item of `{key}` must be text"
           zh "`{key}` 的每一項都必須是文字"
    MB0206 NotAList { key: String = "units" }
        => en "`{key}` must be a list"
           zh "`{key}` 必須是清單"
    MB0207 UnknownName { kind: Noun = Noun::Unit, name: String = "數產署" }
        => en { format!("unknown {} `{name}`", kind.en()) }
           zh { format!("未登錄的{} `{name}`", kind.zh()) }
    MB0208 NotANumber { key: String = "number" }
        => en "`{key}` must be a whole number, like 4"
           zh "`{key}` 必須是整數，例如 4"
    MB0209 NotATime { time: String = "10點" }
        => en "`{time}` is not a time"
           zh "`{time}` 不是時間"
    MB0210 NotABool { key: String = "draft" }
        => en "`{key}` must be true or false"
           zh "`{key}` 必須是 true 或 false"
    MB0211 SlugEscapes { slug: String = "../x" }
        => en "slug `{slug}` would write outside the output folder"
           zh "slug `{slug}` 會寫到輸出資料夾以外"
    MB0212 SlugNotAscii { slug: String = "主管會議-4" }
        => en "slug `{slug}` is not a plain ASCII slug"
           zh "slug `{slug}` 不是單純的 ASCII 網址代稱"
    MB0213 SlugLikePage { slug: String = "executive-4.html" }
        => en "slug `{slug}` is named like a page: the record would be a folder `{slug}/` holding index.html"
           zh "slug `{slug}` 看起來像網頁檔名：紀錄會成為放著 index.html 的資料夾 `{slug}/`"
    MB0214 NotADate { date: String = "9月11日" }
        => en "`{date}` is not a date; write 2024-09-11, 113-09-11, 113/09/11 or 民國113年9月11日"
           zh "`{date}` 不是日期；請寫成 2024-09-11、113-09-11、113/09/11 或 民國113年9月11日"
    MB0215 NoSuchMonth { date: String = "113-13-01", month: i64 = 13i64 }
        => en "`{date}` is not a date: there is no month {month}"
           zh "`{date}` 不是日期：沒有 {month} 月"
    MB0216 NoSuchDay { date: String = "2023-02-29", year: i32 = 2023, month: u32 = 2u32, days: u32 = 28u32 }
        => en "`{date}` is not a date: {year}-{month:02} has {days} days"
           zh "`{date}` 不是日期：{year} 年 {month} 月只有 {days} 天"
    MB0217 YearOutOfRange { date: String = "99999-01-01" }
        => en "`{date}` is not a date"
           zh "`{date}` 不是日期"
    MB0218 RocYearBeforeOne { date: String = "0-09-11", roc: i32 = 0 }
        => en "`{date}` is in 民國{roc}年, but the 民國 calendar starts with 民國1年 (1912): check the year"
           zh "`{date}` 是民國{roc}年，但民國紀年從民國1年（1912年）開始：請檢查年份"
    MB0219 BeforeRoc { date: String = "1911-12-31" }
        => en "`{date}` is before 1912-01-01, the first day of the 民國 calendar (民國1年1月1日): check the year"
           zh "`{date}` 早於民國紀年的第一天 1912-01-01（民國1年1月1日）：請檢查年份"
    MB0220 RocYearTooLate { date: String = "202-09-11", roc: i32 = 202, year: i32 = 2113, last: i32 = 2100 }
        => en "`{date}` would be 民國{roc}年, which is {year}, after {last}: a year of up to three digits is read as a 民國 year; write the Western year in full (2024-09-11) or the 民國 year (113-09-11)"
           zh "`{date}` 會是民國{roc}年，也就是 {year} 年，晚於 {last} 年：三位數以內的年份會當成民國年；請寫完整的西元年（2024-09-11）或民國年（113-09-11）"
    MB0221 YearTooLate { date: String = "3024-01-01", last: i32 = 2100 }
        => en "`{date}` is after {last}, which is taken to be a typo: check the year"
           zh "`{date}` 晚於 {last} 年，應是筆誤：請檢查年份"
    MB0222 SameUrl { first: String = "content/2024/a.md", second: String = "content/2024/b.md", url: String = "minutes/2024/executive-4/" }
        => en "`{first}` and `{second}` would both be published at /{url}"
           zh "`{first}` 和 `{second}` 會發布在同一個網址 /{url}"
    MB0223 UrlsDifferInCase { first: String = "content/2024/a.md", second: String = "content/2024/b.md", url: String = "minutes/2024/ADI-4/", other: String = "minutes/2024/adi-4/" }
        => en "`{first}` and `{second}` would be published at /{url} and /{other}, which differ only in letter case: on a case-insensitive file system (macOS, Windows) one would overwrite the other"
           zh "`{first}` 和 `{second}` 會發布在 /{url} 和 /{other}，兩者只差在英文大小寫：在不分大小寫的檔案系統（macOS、Windows）上，一份會蓋掉另一份"

    MB0224 NoFrontMatter
        => en "the record does not start with a front-matter block"
           zh "紀錄沒有以前置資料（front-matter）區塊開頭"
    MB0225 FrontMatterNotClosed
        => en "the front-matter block is not closed"
           zh "前置資料（front-matter）區塊沒有結束"

    MB0230 AttachmentsNotAList
        => en "`attachments` must be a list of files"
           zh "`attachments` 必須是檔案清單"
    MB0231 AttachmentUnknownKey { key: String = "titel" }
        => en "unknown key `{key}` in an attachment"
           zh "附件有不認得的欄位 `{key}`"
    MB0232 AttachmentFields
        => en "an attachment needs `file` (text) and, if it has one, a `title` (text)"
           zh "附件需要 `file`（文字），如有 `title` 也必須是文字"
    MB0233 AttachmentNotAFile
        => en "every attachment must be a file name"
           zh "每個附件都必須是檔名"
    MB0234 AttachmentEmpty
        => en "an attachment's file is empty"
           zh "附件的檔名是空的"
    MB0235 AttachmentOutside { file: String = "../../secret.pdf" }
        => en "attachment `{file}` is outside content/"
           zh "附件 `{file}` 在 content/ 之外"
    MB0236 AttachmentReplacesPage { file: String = "index.html" }
        => en "attachment `{file}` would replace the record's page"
           zh "附件 `{file}` 會蓋掉紀錄的網頁"
    MB0237 AttachmentsSameName { name: String = "附件一.pdf" }
        => en "two attachments are named `{name}`"
           zh "有兩個附件都叫 `{name}`"
    MB0238 AttachmentLinksOutside { file: String = "signed.pdf" }
        => en "attachment `{file}` links to a file outside content/"
           zh "附件 `{file}` 連結到 content/ 之外的檔案"
    MB0239 AttachmentIsNotAFile { file: String = "scans" }
        => en "attachment `{file}` is not a file"
           zh "附件 `{file}` 不是檔案"
    MB0240 AttachmentUnreadable { file: String = "附件一.pdf", error: String = "No such file or directory (os error 2)" }
        => en "cannot read attachment `{file}`: {error}"
           zh "無法讀取附件 `{file}`：{error}"

    // ---- MB04xx: check's findings ----
    MB0401 Unregistered { kind: Noun = Noun::Unit, count: usize = 3usize }
        => en { format!("the records name {count} {} that minutebook.yaml does not register; their addresses are made from the names", kind.key()) }
           zh { format!("紀錄提到 {count} 個 minutebook.yaml 沒有登錄的{}；它們的網址由名稱產生", kind.zh()) }
    MB0402 SharePinyinPage { kind: Noun = Noun::Unit, names: Vec<String> = vec!["工務課".to_string(), "公務課".to_string()], slug: String = "gong-wu-ke" }
        => en { format!("{} share one page, /{}/{slug}/, because their names read the same in Pinyin", names.join("、"), kind.key()) }
           zh { format!("{}的名稱拼音相同，共用同一個頁面 /{}/{slug}/", names.join("、"), kind.key()) }
    MB0403 NoDecisionUnknownLabel { item: String = "案由二", label: String = "決　定" }
        => en "agenda item `{item}` has no decision that minutebook could read; `{label}` is a label it does not know"
           zh "議案 `{item}` 沒有 minutebook 讀得到的決定；`{label}` 是它不認得的標籤"
    MB0404 NoDecision { item: String = "案由二" }
        => en "agenda item `{item}` has no decision that minutebook could read"
           zh "議案 `{item}` 沒有 minutebook 讀得到的決定"
    MB0405 LinkAboveRoot { dest: String = "../../../x" }
        => en "broken link `{dest}`: it points above the site root"
           zh "失效的連結 `{dest}`：指到網站根目錄之上"
    MB0406 BrokenLink { dest: String = "/minutes/2024/executive-9/" }
        => en "broken link `{dest}`"
           zh "失效的連結 `{dest}`"
    MB0407 NoSuchAnchor { dest: String = "/minutes/2024/executive-4/#案由九", url: String = "minutes/2024/executive-4/", anchor: String = "案由九" }
        => en "broken link `{dest}`: /{url} has no anchor `#{anchor}`"
           zh "失效的連結 `{dest}`：/{url} 沒有錨點 `#{anchor}`"
    MB0408 UntaggedTopic { name: String = "資通安全", count: usize = 4usize }
        => en "the record names the topic `{name}` {count} times but is not tagged with it"
           zh "紀錄提到主題 `{name}` {count} 次，但沒有標上這個主題"
    MB0409 HeadingAttributes { attributes: String = ".red style=x" }
        => en "heading attributes `{attributes}` are not published: only an id may be given"
           zh "標題屬性 `{attributes}` 不會發布：只能指定 id"
    MB0410 ControlCharacters { codes: Vec<String> = vec!["U+0000".to_string(), "U+0085".to_string()] }
        => en { format!("control characters ({}) are published as �", codes.join(", ")) }
           zh { format!("控制字元（{}）會發布成 �", codes.join("、")) }
    MB0411 TitleYear { stated: i32 = 112, date: String = "2024-10-16", actual: i32 = 113 }
        => en "the title says 民國{stated}年 but the date {date} is in 民國{actual}年"
           zh "標題寫民國{stated}年，但日期 {date} 是民國{actual}年"

    // ---- MB05xx: follow-ups ----
    MB0501 UnknownStatus { status: String = "處理中" }
        => en "unknown follow-up status `{status}`"
           zh "不認得的列管狀態 `{status}`"
    MB0502 ExtendedWithoutDate { status: String = "展延" }
        => en "`{status}` gives no new due date"
           zh "`{status}` 沒有寫新的完成期限"
    MB0503 MergedWithoutId { status: String = "併案" }
        => en "`{status}` does not say which directive it was merged into"
           zh "`{status}` 沒有寫併入哪一項列管事項"
    MB0504 NotAFollowupId { id: String = "第1案" }
        => en "`{id}` is not a follow-up id"
           zh "`{id}` 不是列管事項編號"
    MB0505 ReservedFollowupId { id: String = "open" }
        => en "`{id}` names a page of /followups/ and cannot be a follow-up id"
           zh "`{id}` 是 /followups/ 下的頁面名稱，不能當列管事項編號"
    MB0506 BadFollowupEntry { key: String = "followups", error: Box<Msg> = Box::new(Msg::YamlMissingKey { key: "text".into() }) }
        => en { format!("an entry of `{key}`: {}", error.render(Lang::En)) }
           zh { format!("`{key}` 的一筆資料有誤：{}", error.render(Lang::ZhHantTw)) }
    MB0507 EmptyFollowupText { id: String = "113-4-01" }
        => en "follow-up `{id}` has an empty `text`"
           zh "列管事項 `{id}` 的 `text` 是空的"
    MB0508 FollowupCreatedTwice { id: String = "113-4-01", file: String = "content/2024/executive-4.md", line: usize = 8usize }
        => en "follow-up `{id}` is created twice: in {file}:{line} and here"
           zh "列管事項 `{id}` 建立了兩次：在 {file}:{line} 和這裡"
    MB0509 UnknownFollowup { id: String = "113-4-09" }
        => en "unknown follow-up `{id}`"
           zh "找不到列管事項 `{id}`"
    MB0510 UpdateBeforeDirective { id: String = "113-4-01", date: String = "2024-03-01", given: String = "2024-04-10", file: String = "content/2024/executive-4.md", line: usize = 8usize }
        => en "this update of `{id}` is dated {date}, before the directive was given ({given}, {file}:{line}); it is left out of the directive's timeline"
           zh "`{id}` 的這筆更新日期是 {date}，早於交辦日（{given}，{file}:{line}）；不列入這項列管事項的歷程"
    MB0511 UpdatedWithoutReopening { id: String = "113-4-01", state: FollowupState = FollowupState(crate::followups::Kind::Closed), since: String = "2024-05-01", status: String = "結案" }
        => en { format!("`{id}` was already {} ({since}) and is updated as {status} without being re-opened", state.0.as_str()) }
           zh { format!("`{id}` 已經{}（{since}），又在未重新列管下更新為{status}", state.zh()) }
    MB0512 MergedIntoUnknown { id: String = "113-4-02", into: String = "113-4-99" }
        => en "`{id}` is merged into `{into}`, which is not a follow-up of this archive"
           zh "`{id}` 併入 `{into}`，但本資料庫沒有這項列管事項"
    MB0513 Overdue { unit: Option<String> = Some("秘書處".to_string()), today: String = "2024-10-16", items: Vec<(String, String)> = vec![("113-4-01".to_string(), "2024-06-30".to_string())] }
        => en { format!(
                "{}: {} overdue on {today}: {}",
                unit.as_deref().unwrap_or("(no unit)"),
                en_count(items.len(), "follow-up", "follow-ups"),
                items.iter().map(|(id, due)| format!("{id} (due {due})")).collect::<Vec<_>>().join(", "),
            ) }
           zh { format!(
                "{}：至 {today} 有 {} 項列管事項逾期：{}",
                unit.as_deref().unwrap_or("（未指定單位）"),
                items.len(),
                items.iter().map(|(id, due)| format!("{id}（期限 {due}）")).collect::<Vec<_>>().join("、"),
            ) }

    // ---- MB06xx: import ----
    MB0601 ImportUnreadable { error: String = "No such file or directory (os error 2)" }
        => en "cannot read: {error}"
           zh "無法讀取：{error}"
    MB0602 ImportNotUtf8
        => en "not UTF-8 text (save it as UTF-8, or import the .docx)"
           zh "不是 UTF-8 文字檔（請另存為 UTF-8，或改匯入 .docx）"
    MB0603 ImportEmpty
        => en "the file has no text, so there is no record to write (check that it is the right file and that it was saved with its contents)"
           zh "檔案沒有文字，無法寫出紀錄（請確認是正確的檔案，而且存檔時有內容）"
    MB0604 ImportUnknownExtension { extension: String = ".rtf" }
        => en "cannot import a `{extension}` file: import .txt, .docx, .odt or .pdf"
           zh "無法匯入 `{extension}` 檔：請匯入 .txt、.docx、.odt 或 .pdf"
    MB0605 ImportDoc { file: String = "minutes.doc" }
        => en "a Word 97-2003 .doc file cannot be read directly; convert it to .docx first with `soffice --headless --convert-to docx {file}` (LibreOffice), then import the .docx"
           zh "無法直接讀取 Word 97-2003 的 .doc 檔；請先以 `soffice --headless --convert-to docx {file}`（LibreOffice）轉成 .docx，再匯入 .docx"
    MB0606 ImportTooLarge { message: Box<Msg> = Box::new(Msg::ImportPartTooLarge { part: "word/document.xml".into(), limit: 268435456 }) }
        => en { message.render(Lang::En) }
           zh { message.render(Lang::ZhHantTw) }
    MB0607 ImportNotDocx { message: Box<Msg> = Box::new(Msg::ImportNotZip { error: "invalid Zip archive: Could not find EOCD".into() }) }
        => en { format!("not a readable .docx: {}", message.render(Lang::En)) }
           zh { format!("不是可讀取的 .docx：{}", message.render(Lang::ZhHantTw)) }
    MB0608 ImportNotOdt { message: Box<Msg> = Box::new(Msg::ImportNotZip { error: "invalid Zip archive: Could not find EOCD".into() }) }
        => en { format!("not a readable .odt: {}", message.render(Lang::En)) }
           zh { format!("不是可讀取的 .odt：{}", message.render(Lang::ZhHantTw)) }
    MB0609 ImportNotPdf { message: Box<Msg> = Box::new(Msg::ImportPdfReader { error: "no trailer".into() }) }
        => en { format!("not a readable PDF: {}", message.render(Lang::En)) }
           zh { format!("不是可讀取的 PDF：{}", message.render(Lang::ZhHantTw)) }
    MB0610 ImportScan { pages: usize = 3usize }
        => en { format!(
                "{}: it is a scan (pictures of pages), and the importer reads text, not pictures; run OCR on it first (for example `ocrmypdf -l chi_tra in.pdf out.pdf`), or import the .docx/.odt it was made from",
                if *pages == 1 { "its one page has no text layer".to_string() } else { format!("none of its {pages} pages has a text layer") },
            ) }
           zh "{pages} 頁都沒有文字層：這是掃描檔（頁面的圖片），匯入只讀文字、不讀圖片；請先做 OCR（例如 `ocrmypdf -l chi_tra in.pdf out.pdf`），或改匯入原本的 .docx/.odt"
    MB0611 ImportExists
        => en "already exists; refusing to overwrite it (pass --out with a new path)"
           zh "已經存在；不覆寫（請以 --out 指定新的路徑）"
    MB0612 ImportUnwritable { error: String = "Permission denied (os error 13)" }
        => en "cannot write: {error}"
           zh "無法寫入：{error}"
    /// No longer printed (every import error has a code of its own since MB0614); kept so that the
    /// code is never reused.
    MB0613 ImportFailed { error: String = "minutebook.yaml: cannot read: permission denied" }
        => en "{error}"
           zh "匯入失敗：{error}"
    MB0614 ImportNoExtension
        => en "the file name has no extension: import a .txt, .docx, .odt or .pdf file"
           zh "檔名沒有副檔名：請匯入 .txt、.docx、.odt 或 .pdf 檔"
    MB0620 ImportNoTitle
        => en "no title line (like 第4次主管會議紀錄) found: title, number, series and slug left out"
           zh "找不到標題行（例如「第4次主管會議紀錄」）：未填入 title、number、series 和 slug"
    MB0621 ImportNoNumber
        => en "no meeting number (第N次) in the title: number left out"
           zh "標題沒有會議次別（第N次）：未填入 number"
    MB0622 ImportSeriesUnregistered { series: String = "會議通過" }
        => en "the title's series `{series}` is not registered: register it (the importer prints the entry; --register adds it) or change `series` to a registered one"
           zh "標題中的會議 `{series}` 尚未登錄：請登錄（匯入時會列出要加的項目；加上 --register 會自動加入），或把 `series` 改成已登錄的會議"
    MB0623 ImportNoSeries
        => en "no registered series name in the title: series and slug left out"
           zh "標題中沒有已登錄的會議名稱：未填入 series 和 slug"
    MB0624 ImportBadDate { why: Box<Msg> = Box::new(Msg::NoSuchDay { date: "2023-02-29".into(), year: 2023, month: 2, days: 28 }) }
        => en { format!("{}; date left out", why.render(Lang::En)) }
           zh { format!("{}；未填入 date", why.render(Lang::ZhHantTw)) }
    MB0625 ImportWeekdayMismatch { date: String = "2024-09-11" }
        => en "the weekday named does not match {date}; check the date"
           zh "所寫的星期與 {date} 不符；請核對日期"
    MB0626 ImportUnreadableDate
        => en "cannot read the date on the 日期 line: date left out"
           zh "無法讀出「日期」行的日期：未填入 date"
    MB0627 ImportNobody { label: String = "出席人員" }
        => en "the {label} line names nobody: left out"
           zh "「{label}」行沒有列出任何人：未填入"
    MB0628 ImportNoHeaderLine { labels: Vec<String> = vec!["主席：".to_string(), "主持人：".to_string()], key: String = "chair" }
        => en { format!("no {} line in the header: {key} left out", labels.join(" or ")) }
           zh { format!(
                "表頭沒有{}行：未填入 {key}",
                labels.iter().map(|l| format!("「{l}」")).collect::<Vec<_>>().join("或"),
            ) }
    MB0629 ImportNoAdjourn
        => en "no 散會 line: the end time is left out of time"
           zh "沒有「散會」行：time 未含結束時間"
    MB0630 ImportNoAdjournTime
        => en "no time on the 散會 line: the end time is left out of time"
           zh "「散會」行沒有時間：time 未含結束時間"
    MB0631 ImportNoStartTime
        => en "no start time (like 上午10時30分) in the header: time left out"
           zh "表頭沒有開始時間（例如「上午10時30分」）：未填入 time"
    MB0632 ImportEmptyLine { label: String = "地點" }
        => en "the {label} line is empty: left out"
           zh "「{label}」行是空的：未填入"
    MB0633 ImportUnknownUnit { name: String = "數位產業" }
        => en "unknown unit `{name}`: not in the unit registry, left out of units"
           zh "未登錄的單位 `{name}`：單位登錄表中沒有，未列入 units"
    MB0634 ImportMalformed { encoding: String = "Big5" }
        => en "some bytes are not valid {encoding}; each became U+FFFD (�): check the record against the source, or save the file as UTF-8"
           zh "有些位元組不是有效的 {encoding}，都已換成 U+FFFD（�）：請對照原始檔檢查紀錄，或把檔案另存為 UTF-8"
    MB0635 ImportBlankPages { pages: Vec<usize> = vec![2usize, 4, 5, 9] }
        => en { format!(
                "{} {} no text layer (a picture of a page, as a scanner makes it): what {} is not in the record; run OCR on the PDF (for example `ocrmypdf -l chi_tra in.pdf out.pdf`) or type it in",
                page_list_en(pages),
                if pages.len() == 1 { "has" } else { "have" },
                if pages.len() == 1 { "it shows" } else { "they show" },
            ) }
           zh { format!(
                "{}沒有文字層（是掃描器產生的頁面圖片）：頁面上的內容不在紀錄中；請先對 PDF 做 OCR（例如 `ocrmypdf -l chi_tra in.pdf out.pdf`），或自行輸入",
                page_list_zh(pages),
            ) }
    MB0636 ImportFlowList { key: String = "units", entries: String = "  - { name: 工務課, slug: gong-wu-ke }" }
        => en "`{key}:` is written as a flow list ([…]); add these entries to it by hand:\n{entries}"
           zh "`{key}:` 寫成單行清單（[…]）；請自行把下列項目加進去：\n{entries}"
    MB0637 ImportDateFromTitle { date: String = "2014-04-02" }
        => en "no 日期 line in the header gives the date: {date} is taken from the title; check it"
           zh "表頭沒有可讀出日期的「日期」行：日期 {date} 取自標題；請核對"
    MB0640 ImportNotZip { error: String = "invalid Zip archive: Could not find EOCD" }
        => en "not a zip archive ({error})"
           zh "不是 zip 壓縮檔（{error}）"
    MB0641 ImportNoPart { part: String = "word/document.xml" }
        => en "no {part} in the archive"
           zh "壓縮檔中沒有 {part}"
    MB0642 ImportPartUnreadable { part: String = "word/document.xml", error: String = "stream did not contain valid UTF-8" }
        => en "cannot read {part} ({error})"
           zh "無法讀取 {part}（{error}）"
    MB0643 ImportBadXml { part: String = "word/document.xml", byte: u64 = 1042u64, error: String = "ill-formed document: expected `</w:p>`, but `</w:body>` was found" }
        => en "bad XML in {part} at byte {byte} ({error})"
           zh "{part} 第 {byte} 個位元組的 XML 有誤（{error}）"
    MB0644 ImportUnknownEntity { entity: String = "nbsp", part: String = "content.xml" }
        => en "unknown entity &{entity}; in {part}"
           zh "{part} 中有無法辨識的實體 &{entity};"
    MB0645 ImportPartTooLarge { part: String = "word/document.xml", limit: u64 = 268435456u64 }
        => en "{part} unpacks to more than the importer's limit of {limit} bytes; nothing was imported (split the document, or save its text as .txt)"
           zh "{part} 解壓縮後超過匯入上限 {limit} 位元組；沒有匯入任何內容（請把文件分成幾份，或把文字另存為 .txt）"
    MB0646 ImportPdfReader { error: String = "no trailer" }
        => en "{error}"
           zh "PDF 讀取程式回報「{error}」"
    MB0647 ImportPdfPage { page: usize = 2usize, error: String = "invalid content stream" }
        => en "page {page}: {error}"
           zh "第 {page} 頁：{error}"

    // ---- MB07xx: the preview server ----
    MB0701 PortTaken { port: u16 = 1111u16, bind: String = "127.0.0.1", free: Option<u16> = Some(1112u16) }
        => en { match free {
                Some(p) => format!("port {port} on {bind} is already in use (is another `minutebook serve` running?); port {p} is free: run `minutebook serve --port {p}`, or `minutebook serve --port 0` to take any free port"),
                None => format!("port {port} on {bind} is already in use (is another `minutebook serve` running?); run `minutebook serve --port 0` to take any free port"),
            } }
           zh { match free {
                Some(p) => format!("{bind} 的連接埠 {port} 已被占用（是否有另一個 `minutebook serve` 在執行？）；連接埠 {p} 可用：請執行 `minutebook serve --port {p}`，或以 `minutebook serve --port 0` 自動選一個可用的連接埠"),
                None => format!("{bind} 的連接埠 {port} 已被占用（是否有另一個 `minutebook serve` 在執行？）；請以 `minutebook serve --port 0` 自動選一個可用的連接埠"),
            } }
    MB0702 CannotListen { addr: String = "127.0.0.1:80", error: String = "permission denied" }
        => en "cannot listen on {addr}: {error}"
           zh "無法在 {addr} 接受連線：{error}"
    MB0703 CannotWatch { path: String = "/home/staff/minutes", error: String = "too many open files" }
        => en "cannot watch {path}: {error}"
           zh "無法監看 {path} 的變更：{error}"
    MB0704 ServerStopped { error: String = "too many open files" }
        => en "the preview server stopped: {error}"
           zh "預覽伺服器已停止：{error}"
    MB0705 RebuildPanicked
        => en "internal error while rebuilding; the site will be re-read on the next change"
           zh "重新建置時發生內部錯誤；下次變更時會重新讀取整個網站"
    MB0706 TwoPagesOnePath { path: String = "units/adi/index.html" }
        => en "two pages would be written to `{path}`"
           zh "有兩個頁面會寫到同一個路徑 `{path}`"
    MB0707 AcceptFailed { error: String = "Too many open files (os error 24)" }
        => en "serve: cannot accept a connection ({error}); waiting and trying again"
           zh "serve：無法接受連線（{error}）；稍候再試"

    // ---- MB08xx: themes, templates and output ----
    MB0801 WritesOutside { path: String = "../etc/x.html" }
        => en "`{path}` would be written outside the output folder"
           zh "`{path}` 會寫到輸出資料夾以外"
    MB0802 ForeignOutput { dir: String = "public" }
        => en "refusing to replace `{dir}`: it is not empty and was not written by minutebook; choose another --output folder, or empty it first"
           zh "不取代 `{dir}`：這個資料夾不是空的，也不是 minutebook 寫的；請用 --output 指定別的資料夾，或先把它清空"
    MB0803 OutputIsSymlink { dir: String = "public", target: String = "/var/www" }
        => en "refusing to build into `{dir}`: it is a symbolic link (to `{target}`); replacing it would empty the link's target and leave a folder in the link's place. Pass the target itself as --output"
           zh "不建置到 `{dir}`：它是符號連結（指向 `{target}`）；取代它會清空連結的目標，並在連結的位置留下資料夾。請直接以 --output 指定目標資料夾"
    MB0804 OutputOverlaps { dir: String = "content/public" }
        => en "the output folder `{dir}` would hold the site's own files; choose an output folder outside content/, templates/, static/ and themes/"
           zh "輸出資料夾 `{dir}` 會包含網站自己的檔案；請選在 content/、templates/、static/ 和 themes/ 以外的輸出資料夾"
    MB0805 CannotWrite { path: String = "public/index.html", error: String = "Permission denied (os error 13)" }
        => en "cannot write `{path}`: {error}"
           zh "無法寫入 `{path}`：{error}"
    MB0806 UserFileInTheWay { path: String = "public/units/index.html" }
        => en "`{path}` was not written by minutebook, and the site now has a file of its own there; move your file elsewhere (nothing was changed)"
           zh "`{path}` 不是 minutebook 寫的，而網站現在在那裡有自己的檔案；請把您的檔案移到別處（沒有更動任何檔案）"
    MB0807 DiskFull { path: String = "public/search/0.json" }
        => en "the disk is full (writing `{path}`); free some space and build again — the previous output was left as it was"
           zh "磁碟已滿（寫入 `{path}` 時）；請清出空間後重新建置——先前的輸出維持原樣"
    MB0808 DiskFullAgain
        => en "not written: the disk is full"
           zh "沒有寫入：磁碟已滿"
    MB0809 CacheUnreadable { error: String = "Permission denied (os error 13)" }
        => en "the build cache is ignored: it cannot be read ({error})"
           zh "忽略建置快取：無法讀取（{error}）"
    MB0811 CacheUnparsable { error: String = "EOF while parsing a value at line 1 column 120" }
        => en "the build cache is ignored: it is not a cache this minutebook can read ({error})"
           zh "忽略建置快取：這不是這個版本的 minutebook 能讀的快取（{error}）"
    MB0812 CacheOtherVersion { program: String = "minutebook 0.1.0 (8123456 bytes)", format: u32 = 2u32, this: String = "minutebook 0.1.0 (8123999 bytes)", this_format: u32 = 3u32 }
        => en "the build cache is ignored: it was written by another minutebook ({program}, format {format}; this is {this}, format {this_format})"
           zh "忽略建置快取：這是另一個 minutebook 寫的（{program}，格式 {format}；目前是 {this}，格式 {this_format}）"
    MB0810 BuildCacheNotWritten { error: String = "No space left on device (os error 28)" }
        => en "the build cache was not written: {error}"
           zh "沒有寫入建置快取：{error}"

    MB0813 ScratchUnusable { path: String = "public.tmp/.minutebook-records", error: String = "No space left on device (os error 28)" }
        => en "cannot use the scratch file `{path}`: {error}"
           zh "無法使用暫存檔 `{path}`：{error}"
    MB0814 BodyUnreadable { scratch: String = "public.tmp/.minutebook-records", error: String = "unexpected end of file" }
        => en "cannot read the rendered body back from `{scratch}`: {error}"
           zh "無法從 `{scratch}` 讀回已轉換的內文：{error}"
    MB0815 NoScratchFile
        => en "internal error: the rendered body was set aside in a scratch file, but none was given to read it from"
           zh "內部錯誤：已轉換的內文存在暫存檔中，但沒有提供暫存檔來讀取"
    MB0816 SearchIndexFailed { error: String = "too many search records: 5000000" }
        => en "the search index could not be made: {error}"
           zh "無法產生搜尋索引：{error}"
    MB0817 NoSuchTheme { name: String = "dark" }
        => en "there is no theme `{name}`"
           zh "沒有 `{name}` 這個佈景主題"
    MB0818 TemplateUnreadable { error: String = "Permission denied (os error 13)" }
        => en "cannot read the template: {error}"
           zh "無法讀取範本：{error}"
    MB0819 TemplateCannotRender { error: String = "Variable `record.titel` not found in context" }
        => en "cannot render the template: {error}"
           zh "無法以範本產生頁面：{error}"
    MB0820 TemplateBroken { error: String = "expected `%}`" }
        => en "the template is broken: {error}"
           zh "範本有誤：{error}"
    MB0821 RecordCacheInUse
        => en "the record cache is in use by another build"
           zh "紀錄快取正由另一個建置使用中"

    // ---- MB09xx: init and new ----
    MB0901 NumberZero
        => en "there is no meeting number 0 (第0次)"
           zh "沒有第0次會議"
    MB0902 RecordExists { path: String = "content/2024/executive-5.md" }
        => en "`{path}` already exists; it was left as it is"
           zh "`{path}` 已經存在；沒有更動它"
    MB0903 CannotCreateFile { error: String = "Permission denied (os error 13)" }
        => en "cannot create the file: {error}"
           zh "無法建立檔案：{error}"
    MB0904 SeriesEmpty
        => en "the series is empty"
           zh "會議名稱是空的"
    MB0905 UnknownSeries { name: String = "主管會報" }
        => en "unknown series `{name}`"
           zh "未登錄的會議 `{name}`"
    MB0906 TitleEmpty
        => en "the site title is empty"
           zh "網站標題是空的"
    MB0907 NoSuchLanguage { language: String = "zh-CN" }
        => en "`{language}` is not a language minutebook has strings for"
           zh "minutebook 沒有 `{language}` 這個語言的介面文字"
    MB0908 NotAnHttpAddress { url: String = "minutes.example.gov.tw" }
        => en "`{url}` is not an http(s) address"
           zh "`{url}` 不是 http(s) 網址"
    MB0909 SiteExists
        => en "this folder already holds a site (minutebook.yaml exists)"
           zh "這個資料夾已經有網站了（minutebook.yaml 已存在）"
    MB0910 FileExists
        => en "this file already exists and is not overwritten"
           zh "這個檔案已經存在，不會覆寫"
    MB0911 CannotWriteInit { error: String = "Permission denied (os error 13)" }
        => en "cannot write: {error}"
           zh "無法寫入：{error}"
    MB0912 NoSiteToRegister { path: String = "minutebook.yaml" }
        => en "{path}: not found; --register adds entries to a site's minutebook.yaml (run `minutebook init` first, or pass --root)"
           zh "{path}：找不到；--register 會把項目加到網站的 minutebook.yaml（請先執行 `minutebook init`，或加上 --root）"

    // ---- MB1xxx: help lines ----
    MB1001 HelpCreateContent
        => en "create content/ and put one Markdown file per meeting in it (minutebook new writes one)"
           zh "建立 content/ 資料夾，每次會議放一個 Markdown 檔（minutebook new 會寫一個）"
    MB1002 HelpSaveUtf8
        => en "save the file as UTF-8 (most editors: Save with Encoding → UTF-8); Big5 files must be converted first"
           zh "請把檔案另存為 UTF-8（多數編輯器：另存新檔 → 編碼選 UTF-8）；Big5 檔案須先轉換"
    MB1003 HelpDidYouMean { name: String = "title" }
        => en "did you mean `{name}`?"
           zh "您是不是要寫 `{name}`？"
    MB1004 HelpAllowedKeys { keys: String = "title, series, number, date" }
        => en "remove it; the allowed keys are: {keys}"
           zh "請刪除這個欄位；可用的欄位有：{keys}"
    MB1005 HelpAddKey { key: String = "date", example: String = "2024-09-11" }
        => en "add a line `{key}: {example}` to the front-matter"
           zh "請在前置資料（front-matter）加上一行 `{key}: {example}`"
    MB1006 HelpOneLine { key: String = "chair" }
        => en "write it as `{key}: …` on one line"
           zh "請寫在同一行：`{key}: …`"
    MB1007 HelpWriteList { key: String = "units" }
        => en "write `{key}: [甲, 乙]`"
           zh "請寫成 `{key}: [甲, 乙]`"
    MB1008 HelpRegisteredNames { kind: Noun = Noun::Unit, name: String = "數位產業署" }
        => en { format!("did you mean `{name}`? Registered {} are listed in minutebook.yaml", kind.en_plural()) }
           zh { format!("您是不是要寫 `{name}`？已登錄的{}列在 minutebook.yaml", kind.zh()) }
    MB1009 HelpRegisterName { kind: Noun = Noun::Unit, name: String = "數產署" }
        => en { format!("add `{name}` to the {} list in minutebook.yaml, or use a registered name", kind.en()) }
           zh { format!("請把 `{name}` 加到 minutebook.yaml 的 {} 清單，或改用已登錄的名稱", kind.key()) }
    MB1010 HelpDates
        => en "dates are YYYY-MM-DD, or 民國 like 113-09-11 or 民國113年9月11日"
           zh "日期請寫成 YYYY-MM-DD，或民國紀年如 113-09-11、民國113年9月11日"
    MB1011 HelpTime
        => en "write the time as \"10:30\" or \"10:30-12:15\" (in quotes)"
           zh "時間請寫成 \"10:30\" 或 \"10:30-12:15\"（加上引號）"
    MB1012 HelpSlug
        => en "a slug is the last part of the URL: ASCII letters, digits and hyphens, with no `/` or `..`, e.g. executive-4"
           zh "slug 是網址的最後一段：只用 ASCII 英文字母、數字和連字號，不可有 `/` 或 `..`，例如 executive-4"
    MB1013 HelpSlugNoExtension
        => en "a slug is the last part of the URL, without a file extension, e.g. executive-4"
           zh "slug 是網址的最後一段，不加副檔名，例如 executive-4"
    MB1014 HelpDifferentSlug
        => en "give one of them a different `slug` (or `number`) in its front-matter"
           zh "請在其中一份的前置資料改用不同的 `slug`（或 `number`）"

    MB1101 HelpUnclosed { delimiter: char = '"', parser_line: usize = 5usize, parser_message: String = "did not find expected node content" }
        => en { let close = unclosed_en(*delimiter).1; format!("add `{close}` at the end of the value, or remove `{delimiter}`; the YAML parser stopped at line {parser_line}: {parser_message}") }
           zh { let close = unclosed_en(*delimiter).1; format!("請在值的結尾加上 `{close}`，或刪除 `{delimiter}`；YAML 解析器停在第 {parser_line} 行：{parser_message}") }
    MB1102 HelpHalfWidthColon { key: String = "title" }
        => en "type a half-width colon `:` followed by a space: `{key}: …`"
           zh "請改用半形冒號 `:` 再加一個空格：`{key}: …`"
    MB1103 HelpQuoteValue { key: String = "location", value: String = "本部延平大樓: 101會議室" }
        => en { format!("put the value in quotes: `{key}: \"{}\"`", value.replace('\\', "\\\\").replace('"', "\\\"")) }
           zh { format!("請把值加上引號：`{key}: \"{}\"`", value.replace('\\', "\\\\").replace('"', "\\\"")) }
    MB1104 HelpIndentSpaces
        => en "indent with spaces: replace the tab with spaces (two for each level)"
           zh "請用空格縮排：把定位字元（Tab）換成空格（每一層兩個）"
    MB1105 HelpIndentLikeAbove { above: usize = 2usize }
        => en { format!("the keys or list items of one block start in the same column: indent this line by {} like the line above, or by more only below a key that ends with `:`", en_spaces(*above)) }
           zh "同一區塊的欄位或清單項目要從同一欄開始：請像上一行一樣縮排 {above} 個空格；只有在以 `:` 結尾的欄位下方才縮排更多"
    MB1106 HelpKeepOne { key: String = "title" }
        => en "keep one `{key}` and delete the other (YAML would silently keep only one of them)"
           zh "請保留一個 `{key}`，刪除另一個（YAML 只會默默留下其中一個）"
    MB1107 HelpAddLine { key: String = "title" }
        => en "add a line `{key}: …`"
           zh "請加上一行 `{key}: …`"
    MB1108 HelpOneFieldALine
        => en "write one field a line, like `title: 第4次主管會議紀錄`"
           zh "請一行寫一個欄位，例如 `title: 第4次主管會議紀錄`"
    MB1109 HelpBeginFrontMatter
        => en "begin the file with a line `---`, the YAML fields (title, date, series, …), and another `---`"
           zh "請在檔案開頭寫一行 `---`，接著是 YAML 欄位（title、date、series…），再寫一行 `---`"
    MB1110 HelpCloseFrontMatter
        => en "add a line `---` after the last front-matter field"
           zh "請在前置資料最後一個欄位之後加上一行 `---`"

    MB1120 HelpAttachments
        => en "list files kept beside the record under content/, e.g. `attachments: [executive-4-signed.pdf]` or `- {{ file: 附件一.pdf, title: 附件一 }}`"
           zh "請列出放在 content/ 裡、紀錄旁邊的檔案，例如 `attachments: [executive-4-signed.pdf]` 或 `- {{ file: 附件一.pdf, title: 附件一 }}`"
    MB1121 HelpAttachmentKeys
        => en "an attachment has `file` and, if you like, `title`"
           zh "附件有 `file`，也可以加 `title`"
    MB1122 HelpAttachmentUnderContent
        => en "an attachment is a file under content/, named relative to the record's file"
           zh "附件是 content/ 裡的檔案，以相對於紀錄檔的路徑寫出"
    MB1123 HelpRenameFile
        => en "rename the file"
           zh "請把檔案改名"
    MB1124 HelpRenameAttachment
        => en "attachments are copied under their file names beside the page: rename one"
           zh "附件會以原檔名複製到網頁旁：請把其中一個改名"
    MB1125 HelpCopyIntoContent
        => en "copy the file into content/ beside the record"
           zh "請把檔案複製到 content/ 裡、紀錄旁邊"
    MB1126 HelpPutAttachment { path: String = "content/2024/附件一.pdf" }
        => en "put the file beside the record, at {path}"
           zh "請把檔案放在紀錄旁邊：{path}"

    MB1130 HelpBaseUrl
        => en "write it like https://minutes.example.gov.tw/"
           zh "請寫成像 https://minutes.example.gov.tw/ 這樣"
    MB1131 HelpWebAddress
        => en "write a web address (https://…) or a path on the site (/…)"
           zh "請寫網址（https://…）或網站上的路徑（/…）"
    MB1132 HelpRegistrySlug
        => en "use lower-case letters, digits and hyphens, e.g. digital-industries"
           zh "請用小寫英文字母、數字和連字號，例如 digital-industries"
    MB1133 HelpUniqueNames
        => en "every name, slug and alias must be unique within its registry"
           zh "同一份登錄清單中，每個名稱、slug 和別名都不可重複"
    MB1134 HelpSiteFolder { file: String = "minutebook.yaml" }
        => en "run minutebook in a site folder that has a {file}, or pass --root DIR"
           zh "請在有 {file} 的網站資料夾執行 minutebook，或加上 --root 資料夾"
    MB1135 HelpShortConfig { file: String = "minutebook.yaml" }
        => en "{file} should be a short YAML file; check that it is the right file"
           zh "{file} 應該是簡短的 YAML 檔；請確認是不是正確的檔案"
    MB1136 HelpSaveConfigUtf8
        => en "save the file as UTF-8 (most editors: Save with Encoding → UTF-8)"
           zh "請把檔案另存為 UTF-8（多數編輯器：另存新檔 → 編碼選 UTF-8）"
    MB1137 HelpCopyNotLink
        => en "minutebook does not follow links (one could point outside the site); copy the files into content/ instead"
           zh "minutebook 不會跟隨連結（連結可能指向網站之外）；請改把檔案複製到 content/"

    MB1140 HelpRegisterEntries { kind: Noun = Noun::Unit, entries: Vec<(String, String)> = vec![("工務課".to_string(), "gong-wu-ke".to_string())] }
        => en { format!(
                "register them (and choose shorter slugs if you like) by adding to minutebook.yaml:\n{}:\n{}",
                kind.key(),
                entries.iter().map(|(n, s)| format!("  - {{ name: {n}, slug: {s} }}")).collect::<Vec<_>>().join("\n"),
            ) }
           zh { format!(
                "在 minutebook.yaml 加上下列內容來登錄（也可以改用較短的 slug）：\n{}:\n{}",
                kind.key(),
                entries.iter().map(|(n, s)| format!("  - {{ name: {n}, slug: {s} }}")).collect::<Vec<_>>().join("\n"),
            ) }
    MB1141 HelpRegisterEach { kind: Noun = Noun::Unit }
        => en { format!("register each of them under `{}:` in minutebook.yaml with a slug of its own", kind.key()) }
           zh { format!("請在 minutebook.yaml 的 `{}:` 下分別登錄，各用自己的 slug", kind.key()) }
    MB1142 HelpDecisionAfterLabel { label: String = "決　定", labels: String = "決定、決議" }
        => en "if `{label}` gives the decision, write it after one of {labels} (e.g. `決議：照案通過。`)"
           zh "如果 `{label}` 後面是決定，請改寫在 {labels} 之一的後面（例如 `決議：照案通過。`）"
    MB1143 HelpDecisionLabels { labels: String = "決定、決議" }
        => en "write the decision after one of the labels {labels} (e.g. `決議：照案通過。`), or leave it if the item had none"
           zh "請把決定寫在 {labels} 之一的標籤後面（例如 `決議：照案通過。`）；如果這個議案沒有決定，可以不理會"
    MB1144 HelpLinkInSite
        => en "link to a page of the site, e.g. /minutes/2024/executive-4/"
           zh "請連結到網站上的頁面，例如 /minutes/2024/executive-4/"
    MB1145 HelpLinkNotMarkdown
        => en "link to the record's page (/minutes/<year>/<slug>/), not to its Markdown file"
           zh "請連結到紀錄的網頁（/minutes/<年>/<slug>/），不要連結到 Markdown 檔"
    MB1146 HelpNoPageNear { url: String = "minutes/2024/executive-9/", near: String = "minutes/2024/executive-4/" }
        => en "no page is built at /{url}; did you mean /{near}?"
           zh "/{url} 沒有產生頁面；您是不是要寫 /{near}？"
    MB1147 HelpNoPage { url: String = "minutes/2024/executive-9/" }
        => en "no page is built at /{url}; drafts and scheduled records are not published"
           zh "/{url} 沒有產生頁面；草稿和排定發布的紀錄不會發布"
    MB1148 HelpDidYouMeanAnchor { anchor: String = "案由一" }
        => en "did you mean `#{anchor}`?"
           zh "您是不是要寫 `#{anchor}`？"
    MB1149 HelpNoAnchor
        => en "the page has no heading with that anchor"
           zh "這個頁面沒有帶這個錨點的標題"
    MB1150 HelpTagTopic { name: String = "資通安全" }
        => en "add `{name}` to `topics:` in the front-matter if the record is about it"
           zh "如果紀錄與此有關，請在前置資料的 `topics:` 加上 `{name}`"
    MB1151 HelpOnlyId
        => en "keep only `{{#id}}` in the braces; the page's look comes from the theme"
           zh "大括號裡只保留 `{{#id}}`；網頁外觀由佈景主題決定"
    MB1152 HelpDeleteControls
        => en "delete them; they are usually left by copying from a PDF or a word processor"
           zh "請刪除；這些字元通常是從 PDF 或文書處理軟體複製時留下的"
    MB1153 HelpTitleYear { stated: i32 = 112, year: i32 = 2023 }
        => en "correct the title, or the `date` if the title is right (民國{stated}年 is {year})"
           zh "請更正標題；如果標題正確，請更正 `date`（民國{stated}年是 {year} 年）"

    MB1160 HelpCacheIgnored
        => en "the pages are rendered again and the cache is written anew; nothing to do"
           zh "頁面會重新產生，快取也會重寫；不需要處理"
    MB1161 HelpCacheNotWritten
        => en "the site was written; the next build renders every page"
           zh "網站已寫入；下次建置會重新產生所有頁面"

    MB1162 HelpCreateTheme { name: String = "dark" }
        => en "create themes/{name}/templates/, or remove the `theme` key to use the default theme"
           zh "請建立 themes/{name}/templates/，或刪除 `theme` 設定以使用預設佈景主題"
    MB1163 HelpFixTemplate
        => en "fix the template; the Tera 2 syntax is described at https://keats.github.io/tera/"
           zh "請修正範本；Tera 2 的語法說明在 https://keats.github.io/tera/"
    MB1164 HelpRecordCacheIgnored
        => en "every record is read again and the cache is written anew; nothing to do"
           zh "所有紀錄會重新讀取，快取也會重寫；不需要處理"
    MB1165 HelpRecordCacheNotWritten
        => en "the site was written; the next build reads every record again"
           zh "網站已寫入；下次建置會重新讀取所有紀錄"

    MB1170 HelpNewDate
        => en "dates are YYYY-MM-DD, or 民國 like 113-10-16 or 民國113年10月16日"
           zh "日期請寫成 YYYY-MM-DD，或民國紀年如 113-10-16、民國113年10月16日"
    MB1171 HelpNumberFromOne
        => en "meeting numbers start at 1: pass the meeting's own number, e.g. --number 5, or leave --number out"
           zh "會議次數從 1 開始：請給這次會議的次數，例如 --number 5，或不要加 --number"
    MB1172 HelpEditOrNumber
        => en "edit that file, or pass another --number"
           zh "請編輯那個檔案，或改用另一個 --number"
    MB1173 HelpEditOrNameByNumber
        => en "edit that file, or pass --number to name the record by its meeting number"
           zh "請編輯那個檔案，或加上 --number 以會議次數為紀錄命名"
    MB1174 HelpPassSeries
        => en "pass the series' name, slug or alias, e.g. --series 主管會議"
           zh "請給會議的名稱、slug 或別名，例如 --series 主管會議"
    MB1175 HelpSeriesNear { name: String = "主管會議", names: String = "主管會議、部務會議", entry: String = "- { name: 主管會報, slug: zhu-guan-hui-bao }", file: String = "minutebook.yaml" }
        => en "did you mean `{name}`? The registered series are: {names}; for a new series, add `{entry}` under series: in {file}"
           zh "您是不是要寫 `{name}`？已登錄的會議有：{names}；若是新的會議，請在 {file} 的 series: 下加上 `{entry}`"
    MB1176 HelpRegisteredSeries { names: String = "主管會議、部務會議", entry: String = "- { name: 主管會報, slug: zhu-guan-hui-bao }", file: String = "minutebook.yaml" }
        => en "the registered series are: {names}; for a new series, add `{entry}` under series: in {file}"
           zh "已登錄的會議有：{names}；若是新的會議，請在 {file} 的 series: 下加上 `{entry}`"
    MB1177 HelpPassTitle
        => en "pass --title 某某委員會會議紀錄"
           zh "請加上 --title 某某委員會會議紀錄"
    MB1178 HelpLanguages
        => en "use zh-Hant-TW or en"
           zh "請用 zh-Hant-TW 或 en"
    MB1179 HelpPassBaseUrl
        => en "pass the address the site will be published at, e.g. --base-url https://minutes.example.gov.tw/"
           zh "請給網站將發布的網址，例如 --base-url https://minutes.example.gov.tw/"
    MB1180 HelpNewFolder
        => en "run `minutebook init` in a new folder, e.g. `minutebook init my-minutes`"
           zh "請在新的資料夾執行 `minutebook init`，例如 `minutebook init my-minutes`"
    MB1181 HelpMoveAway
        => en "move it away, or start the site in a new folder"
           zh "請把它移走，或在新的資料夾建立網站"
    MB1182 HelpWritableFolder
        => en "check that the folder exists and that you may write to it"
           zh "請確認資料夾存在，而且您有寫入權限"

    MB1501 HelpStatusWords { words: String = "繼續列管、解除列管、展延" }
        => en "write one of: {words}"
           zh "請寫其中之一：{words}"
    MB1502 HelpExtendedDate
        => en "write 展延至113年12月31日, or give the date in the 完成期限 column or as `due`"
           zh "請寫成 展延至113年12月31日，或在「完成期限」欄或 `due` 寫日期"
    MB1503 HelpMergedId
        => en "write 併案 and the other directive's id, e.g. 併案 113-4-02"
           zh "請寫 併案 和另一項列管事項的編號，例如 併案 113-4-02"
    MB1504 HelpFollowupDates
        => en "dates are YYYY-MM-DD, or 民國 like 113-12-31 or 113年12月31日"
           zh "日期請寫成 YYYY-MM-DD，或民國紀年如 113-12-31、113年12月31日"
    MB1505 HelpFollowupId
        => en "an id is ASCII letters, digits and '-', e.g. 113-4-01"
           zh "編號只用 ASCII 英文字母、數字和 '-'，例如 113-4-01"
    MB1506 HelpOtherId
        => en "choose another id, e.g. 113-4-01"
           zh "請換一個編號，例如 113-4-01"
    MB1507 HelpFollowupList { key: String = "followups" }
        => en "write `{key}:` and below it one `- id: …` entry per directive"
           zh "請寫 `{key}:`，下面每項列管事項一筆 `- id: …`"
    MB1508 HelpDirectiveFields
        => en "each directive has `id` and `text`, and may have `item`, `units` and `due`"
           zh "每項列管事項要有 `id` 和 `text`，可再加 `item`、`units`、`due`"
    MB1509 HelpUpdateFields
        => en "each update has `id` and `status`, and may have `note` and `due`"
           zh "每筆更新要有 `id` 和 `status`，可再加 `note`、`due`"
    MB1510 HelpCreatedTwice
        => en "give one of them another id, or make the later one an update (a tracking-table row or `followup_updates`)"
           zh "請把其中一項改用別的編號，或把較晚的一項改成更新（追蹤表的一列或 `followup_updates`）"
    MB1511 HelpUnknownFollowupNear { id: String = "113-4-01" }
        => en "did you mean `{id}`? Or give the directive's text (指示事項) in the row, or create it with `followups:` in the record of the meeting that gave it"
           zh "您是不是要寫 `{id}`？或在這一列寫上指示事項，或在交辦那次會議的紀錄以 `followups:` 建立"
    MB1512 HelpUnknownFollowup
        => en "create it with `followups:` in the record of the meeting that gave it, or give its text (指示事項) in the row"
           zh "請在交辦那次會議的紀錄以 `followups:` 建立，或在這一列寫上指示事項"
    MB1513 HelpCheckUpdateDates
        => en "check the id, or the dates of the two meetings"
           zh "請檢查編號，或兩次會議的日期"
    MB1514 HelpReopen
        => en "write 繼續列管 (or 展延 with a date) to re-open it, or remove the row"
           zh "請寫 繼續列管（或 展延 加日期）重新列管，或刪除這一列"
    MB1515 HelpMergedIntoId
        => en "write the id of the directive it was merged into"
           zh "請寫併入的那項列管事項的編號"

    // ---- MB9xxx: summaries and other lines ----
    MB9001 NothingWritten { errors: usize = 2usize }
        => en { format!("error: {} found; nothing was written", en_count(*errors, "problem", "problems")) }
           zh "錯誤：發現 {errors} 個問題；沒有寫入任何檔案"
    MB9002 BuildSummary { records: usize = 120usize, pages: usize = 480usize, reused: usize = 470usize, files: usize = 530usize, megabytes: String = "12.3", drafts: usize = 1usize, scheduled: usize = 0usize }
        => en { format!(
                "{records} records, {pages} pages{}, {files} files ({megabytes} MB); {drafts} drafts and {scheduled} scheduled records left out",
                if *reused > 0 { format!(" ({} rendered, {reused} unchanged from the cache)", pages - reused) } else { String::new() },
            ) }
           zh { format!(
                "{records} 份紀錄、{pages} 個頁面{}、{files} 個檔案（{megabytes} MB）；未納入草稿 {drafts} 份、排定發布 {scheduled} 份",
                if *reused > 0 { format!("（重新產生 {} 個，{reused} 個沿用快取）", pages - reused) } else { String::new() },
            ) }
    MB9003 Steps { steps: String = "load 12 ms, render 40 ms", total: String = "60" }
        => en "{steps} — total {total} ms"
           zh "{steps}——共 {total} ms"
    MB9004 ThreadTime { steps: String = "render 80 ms" }
        => en "thread time (summed over threads): {steps}"
           zh "執行緒時間（各執行緒加總）：{steps}"
    MB9005 Wrote { path: String = "public" }
        => en "wrote {path}"
           zh "已寫入 {path}"
    MB9006 WarningsDenied
        => en "error: warnings are denied (--deny-warnings); the site was written, fix the warnings above"
           zh "錯誤：不允許警告（--deny-warnings）；網站已寫入，請修正上列警告"
    MB9007 CheckSummary { records: usize = 3usize, built: usize = 2usize, drafts: usize = 1usize, scheduled: usize = 0usize, errors: usize = 0usize, warnings: usize = 1usize, suggestions: usize = 0usize }
        => en { format!(
                "checked {} ({built} built; {} and {scheduled} scheduled left out): {}, {}, {}",
                en_count(*records, "record", "records"),
                en_count(*drafts, "draft", "drafts"),
                en_count(*errors, "error", "errors"),
                en_count(*warnings, "warning", "warnings"),
                en_count(*suggestions, "suggestion", "suggestions"),
            ) }
           zh "已檢查 {records} 份紀錄（建置 {built} 份；未納入草稿 {drafts} 份、排定發布 {scheduled} 份）：錯誤 {errors} 個、警告 {warnings} 個、建議 {suggestions} 個"
    MB9008 CheckFailed { errors: usize = 1usize }
        => en { format!("check: {}; the site does not build", en_count(*errors, "error", "errors")) }
           zh "檢查：錯誤 {errors} 個；網站無法建置"
    MB9009 Building { root: String = "." }
        => en "building {root} …"
           zh "正在建置 {root} …"
    MB9010 ServeDidNotStart
        => en "error: the preview server did not start"
           zh "錯誤：預覽伺服器沒有啟動"
    MB9011 Serving { url: String = "http://127.0.0.1:1111/" }
        => en "serving {url} (Ctrl-C to stop)"
           zh "預覽網站 {url}（按 Ctrl-C 停止）"
    MB9012 Rebuilt { summary: String = "120 records (1 re-loaded), 480 pages (3 rendered, 0 files removed)" }
        => en "built: {summary}"
           zh "已建置：{summary}"
    MB9035 PagesServed { summary: String = "120 records (1 re-loaded), 480 pages (3 rendered, 0 files removed)" }
        => en "pages served: {summary}; making the feeds, open data and search index again"
           zh "頁面已更新：{summary}；正在重新產生訊息來源、開放資料與搜尋索引"
    MB9013 StillServing { errors: usize = 1usize }
        => en { format!("error: {}; still serving the last good version", en_count(*errors, "problem", "problems")) }
           zh "錯誤：{errors} 個問題；繼續提供上一個可建置的版本"
    MB9014 NoBrowser { url: String = "http://127.0.0.1:1111/" }
        => en "could not open a browser; visit {url}"
           zh "無法開啟瀏覽器；請自行前往 {url}"
    MB9015 OverlayHeading
        => en "minutebook serve: the last change does not build; showing the last version that did."
           zh "minutebook serve：最近一次修改無法建置；目前顯示上一個可建置的版本。"
    MB9016 OverlayFix
        => en "Fix the file and save it: this page reloads by itself."
           zh "請修正檔案並存檔：這個頁面會自動重新載入。"
    MB9018 GitignoreExtended { path: String = "my-minutes/.gitignore" }
        => en "added the output and cache folders to {path}"
           zh "已把輸出和快取資料夾加到 {path}"
    MB9019 InitNext { dir: String = "my-minutes" }
        => en "next: cd {dir} && minutebook serve --drafts   (then edit content/, or `minutebook import FILE`)"
           zh "下一步：cd {dir} && minutebook serve --drafts   （接著編輯 content/，或執行 `minutebook import 檔案`）"
    MB9020 ImportHeaderLines { count: usize = 2usize, verbose: bool = false }
        => en { format!(
                "{} went into the front-matter whole and {} left out of the body{}",
                en_count(*count, "header line", "header lines"),
                if *count == 1 { "is" } else { "are" },
                if *verbose { "" } else { "; --verbose lists them" },
            ) }
           zh { format!("{count} 行表頭整行放進前置資料，未放入內文{}", if *verbose { "" } else { "；--verbose 會列出" }) }
    MB9021 ImportRemovedField { page: usize = 1usize, text: String = "列印" }
        => en "removed (page {page}, a form button or field): {text}"
           zh "已移除（第 {page} 頁，表單按鈕或欄位）：{text}"
    MB9022 ImportRemovedLine { page: usize = 2usize, line: usize = 40usize, text: String = "第 2 頁，共 5 頁" }
        => en "removed (page {page}, line {line}): {text}"
           zh "已移除（第 {page} 頁第 {line} 行）：{text}"
    MB9023 ImportInFrontMatter { line: usize = 3usize, text: String = "時間：113年10月16日上午10時" }
        => en "in the front-matter (line {line}): {text}"
           zh "放進前置資料（第 {line} 行）：{text}"
    MB9024 ImportRegistered { config: String = "minutebook.yaml", yaml: String = "units:\n  - { name: 工務課, slug: gong-wu-ke }" }
        => en "registered in {config}:\n{yaml}"
           zh "已登錄到 {config}：\n{yaml}"
    MB9025 ImportUnregistered { series: bool = true, units: usize = 2usize, config: String = "minutebook.yaml", yaml: String = "series:\n  - { name: 定期會, slug: ding-qi-hui }" }
        => en { format!(
                "the record names {} that {config} does not register, so the record will not build until they are; add (choose other ASCII slugs if you like):\n{yaml}\nor import again with --register to have them added",
                [series.then(|| "a series".to_string()), (*units > 0).then(|| en_count(*units, "unit", "units"))]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" and "),
            ) }
           zh { format!(
                "紀錄提到 {config} 沒有登錄的{}，登錄之前紀錄無法建置；請加上（也可以改用其他 ASCII slug）：\n{yaml}\n或加上 --register 重新匯入，自動加入",
                [series.then(|| "會議".to_string()), (*units > 0).then(|| format!(" {units} 個單位"))]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("和"),
            ) }
    MB9026 ImportWrote { path: String = "content/2024/executive-5.md", warnings: usize = 1usize }
        => en { format!(
                "wrote {path} ({}); it is a draft (draft: true): review it against the source, remove that line to publish it, then run minutebook check",
                en_count(*warnings, "warning", "warnings"),
            ) }
           zh "已寫入 {path}（警告 {warnings} 個）；這是草稿（draft: true）：請對照原始檔檢查，刪除那一行即可發布，然後執行 minutebook check"
    MB9027 ImportReadAs { encoding: String = "Big5" }
        => en "read as {encoding}"
           zh "以 {encoding} 編碼讀取"
    MB9028 ImportWordNumbering { count: usize = 53usize }
        => en { format!(
                "{} by Word's automatic numbering; their numbers are written out",
                en_count(*count, "paragraph numbered", "paragraphs numbered"),
            ) }
           zh "{count} 個段落使用 Word 的自動編號；編號已寫成文字"
    MB9029 ImportListNumbering { count: usize = 12usize }
        => en { format!(
                "{} by the document's list numbering; their numbers are written out",
                en_count(*count, "paragraph numbered", "paragraphs numbered"),
            ) }
           zh "{count} 個段落使用文件的清單編號；編號已寫成文字"
    MB9030 ImportPdfPages { pages: usize = 3usize }
        => en { format!("read the text layer of {}", en_count(*pages, "PDF page", "PDF pages")) }
           zh "已讀取 PDF {pages} 頁的文字層"
    MB9031 ImportFurniture { count: usize = 8usize, verbose: bool = false }
        => en { format!(
                "removed {} as page furniture (page numbers, running headers and footers, form buttons){}",
                en_count(*count, "line", "lines"),
                if *verbose { "" } else { "; --verbose lists them" },
            ) }
           zh { format!(
                "已移除 {count} 行版面文字（頁碼、頁首、頁尾、表單按鈕）{}",
                if *verbose { "" } else { "；--verbose 會列出" },
            ) }
    MB9032 HostRefused
        => en "minutebook serve answers only http://127.0.0.1, http://localhost and IP addresses (DNS rebinding protection)"
           zh "minutebook serve 只回應 http://127.0.0.1、http://localhost 與 IP 位址的請求（防範 DNS 重新綁定攻擊）"
    MB9033 MethodNotAllowed
        => en "minutebook serve answers only GET and HEAD requests"
           zh "minutebook serve 只回應 GET 與 HEAD 請求"
    MB9034 ImportSittings { count: usize = 3usize }
        => en "the file holds the minutes of {count} sittings, one after the other: a record for each"
           zh "這個檔案依序收錄 {count} 次會議的紀錄：每次會議各寫成一份紀錄"
    MB2001 CliUnknownArgument { arg: String = "--draft" }
        => en "unexpected argument `{arg}`"
           zh "不認識的引數 `{arg}`"
    MB2002 CliUnknownCommand { name: String = "biuld" }
        => en "there is no command `{name}`"
           zh "沒有 `{name}` 這個命令"
    MB2003 CliInvalidValue { arg: String = "--message-format <FORMAT>", value: String = "xml" }
        => en "`{value}` is not a value {arg} takes"
           zh "{arg} 不接受 `{value}` 這個值"
    MB2004 CliMissingArgument { args: String = "--series <SERIES>" }
        => en "the required {args} was not given"
           zh "缺少必要的 {args}"
    MB2005 CliConflict { arg: String = "--quiet", other: String = "--verbose" }
        => en "{arg} cannot be used with {other}"
           zh "{arg} 不能和 {other} 一起使用"
    MB2006 CliMissingCommand
        => en "no command given"
           zh "沒有指定命令"
    MB2007 CliValueCount { arg: String = "--port <PORT>" }
        => en "{arg} was given the wrong number of values"
           zh "{arg} 的值個數不對"
    MB2008 CliOther { message: String = "invalid UTF-8 was detected in one or more arguments" }
        => en "the command line cannot be read: {message}"
           zh "無法讀取命令列：{message}"
    MB1901 HelpCliValues { values: String = "human, json, github" }
        => en "the accepted values are: {values}"
           zh "可用的值：{values}"
    MB1902 HelpCliUsage { usage: String = "minutebook build [OPTIONS]", command: String = "minutebook build" }
        => en "usage: {usage} (`{command} --help` explains every option)"
           zh "用法：{usage}（`{command} --help` 會說明每個選項）"
    MB9017 RebuildSummary { records: usize = 120usize, reloaded: usize = 1usize, pages: usize = 480usize, rendered: usize = 3usize, removed: usize = 0usize, drafts: usize = 1usize, scheduled: usize = 0usize, steps: String = "load 3 ms, render 20 ms", total: String = "31" }
        => en "{records} records ({reloaded} re-loaded), {pages} pages ({rendered} rendered, {removed} files removed); {drafts} drafts and {scheduled} scheduled left out; {steps} — total {total} ms"
           zh "{records} 份紀錄（重新讀取 {reloaded} 份）、{pages} 個頁面（重新產生 {rendered} 個、移除 {removed} 個檔案）；未納入草稿 {drafts} 份、排定發布 {scheduled} 份；{steps}——共 {total} ms"
}

/// The README's table of codes: every code of the catalogue, with its example in English and in
/// Chinese, as Markdown rows. The README holds it between `<!-- codes:begin -->` and
/// `<!-- codes:end -->`, and a test keeps the two equal.
pub fn readme_table() -> String {
    let cell = |s: String| s.replace('|', "\\|").replace('\n', "<br>");
    let mut t = String::from("| code | English (example) | 中文（範例） |\n|---|---|---|\n");
    for m in Msg::examples() {
        t.push_str(&format!(
            "| `{}` | {} | {} |\n",
            m.code(),
            cell(m.render(Lang::En)),
            cell(m.render(Lang::ZhHantTw))
        ));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_han(s: &str) -> bool {
        s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
    }

    /// Every code has a text in both languages, and they are really two translations: the Chinese
    /// is written in Chinese characters, the English differs from it, and both show every argument.
    #[test]
    fn every_code_has_both_languages() {
        let examples = Msg::examples();
        assert_eq!(examples.len(), Msg::CODES.len());
        for m in &examples {
            let (zh, en) = (m.render(Lang::ZhHantTw), m.render(Lang::En));
            assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{}", m.code());
            assert_ne!(zh, en, "{}: the Chinese text is the English one", m.code());
            assert!(has_han(&zh), "{}: no Chinese in `{zh}`", m.code());
            let en_words: String = en
                .split(|c: char| !c.is_ascii_alphabetic())
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                en_words.split(' ').filter(|w| w.len() > 2).count() > 0,
                "{}: no English in `{en}`",
                m.code()
            );
        }
    }

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::BTreeSet::new();
        for c in Msg::CODES {
            assert!(
                c.len() == 6 && c.starts_with("MB") && c[2..].bytes().all(|b| b.is_ascii_digit()),
                "{c}"
            );
            assert!(seen.insert(*c), "{c} is used twice");
        }
    }

    #[test]
    fn language_from_the_site() {
        assert_eq!(Lang::from_tag("en"), Lang::En);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("zh-Hant-TW"), Lang::ZhHantTw);
        assert_eq!(Lang::from_tag(""), Lang::ZhHantTw);
        assert_eq!(
            language_line("title: x\nlanguage: \"en\" # the pages\n").as_deref(),
            Some("en")
        );
        assert_eq!(
            language_line("title: x\n  language: en\n"),
            None,
            "only the top-level key"
        );
    }

    #[test]
    fn page_lists() {
        assert_eq!(page_list_en(&[3]), "page 3");
        assert_eq!(page_list_en(&[4, 5, 6, 7, 8, 9]), "pages 4–9");
        assert_eq!(page_list_en(&[2, 4, 5, 9]), "pages 2, 4–5 and 9");
        assert_eq!(page_list_zh(&[3]), "第 3 頁");
        assert_eq!(page_list_zh(&[4, 5, 6, 7, 8, 9]), "第 4–9 頁");
        assert_eq!(page_list_zh(&[2, 4, 5, 9]), "第 2、4–5 及 9 頁");
    }

    #[test]
    fn plurals_in_english_only() {
        assert_eq!(
            Msg::NothingWritten { errors: 1 }.en(),
            "error: 1 problem found; nothing was written"
        );
        assert_eq!(
            Msg::NothingWritten { errors: 2 }.en(),
            "error: 2 problems found; nothing was written"
        );
        assert_eq!(
            Msg::NothingWritten { errors: 1 }.render(Lang::ZhHantTw),
            "錯誤：發現 1 個問題；沒有寫入任何檔案"
        );
    }

    /// The README lists every code with its example in both languages, generated by
    /// [`readme_table`]. Run with `MINUTEBOOK_UPDATE_README=1` to write the table into the README
    /// after changing the catalogue (and read the diff before committing).
    #[test]
    fn readme_lists_every_code() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let (begin, end) = ("<!-- codes:begin -->\n", "<!-- codes:end -->");
        let start = readme.find(begin).expect("the README has no `<!-- codes:begin -->`") + begin.len();
        let stop = start
            + readme[start..]
                .find(end)
                .expect("the README has no `<!-- codes:end -->`");
        let table = readme_table();
        if readme[start..stop] != table && std::env::var_os("MINUTEBOOK_UPDATE_README").is_some() {
            std::fs::write(path, format!("{}{table}{}", &readme[..start], &readme[stop..])).unwrap();
            return;
        }
        assert!(
            readme[start..stop] == table,
            "the README's table of codes is not the catalogue's: run `MINUTEBOOK_UPDATE_README=1 cargo test --lib messages::` and read the diff"
        );
        for code in Msg::CODES {
            assert!(readme.contains(&format!("| `{code}` |")), "{code}");
        }
    }
}
