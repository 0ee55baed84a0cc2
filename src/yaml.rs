//! YAML: the one reader of YAML in minutebook (record front-matter and `minutebook.yaml`), on
//! serde-saphyr. A text becomes a [`Node`] tree in which every value and every mapping key
//! carries its line and column in the file, so no caller searches the text for a key.
//!
//! Problems are [`Problem`]s, one variant per message (its text and help line live in
//! [`Problem::message`] and [`Problem::help`]):
//! - a parse error is located where the writer can fix it, with a help line for the common slips
//!   (a full-width colon after a key, a colon inside an unquoted value, a tab in the indentation,
//!   bad indentation, a quote or bracket left open);
//! - a key written twice in one mapping is an error at the second, naming both lines;
//! - [`deserialize`] reads a node into a `#[derive(Deserialize)]` type (the site configuration),
//!   reporting every unknown key of every struct it reads, and a value of the wrong type at the
//!   value, in plain words (no serde type names).

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use serde::Deserialize;

use crate::messages::{Found, Msg, ValueKind, YamlText};

/// A YAML problem, located in the file (1-based line and column, in characters), its message
/// and help from the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    /// Boxed, as in a diagnostic: a message's arguments make it large to return.
    pub message: Box<Msg>,
    pub help: Option<Box<Msg>>,
}

/// Every YAML message minutebook gives, with what it needs to be written out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The parser's own message, when no slip below explains it.
    Syntax { message: String },
    /// A quote or flow bracket that opens a value and is not closed on its line.
    Unclosed {
        delimiter: char,
        parser_line: usize,
        parser_message: String,
    },
    /// `title：…`: a full-width colon where the key's `:` should be.
    FullWidthColon { key: String },
    /// `chair: 乙: 丙`: a colon and a space inside an unquoted value.
    ColonInValue { key: String, value: String },
    /// A tab in the indentation (YAML indents with spaces only).
    Tab,
    /// A line indented differently from the block it belongs to.
    Indentation { found: usize, above: usize },
    /// A key written twice in one mapping; reported at the second.
    DuplicateKey {
        key: String,
        first_line: usize,
        line: usize,
    },
    /// A key the mapping does not take.
    UnknownKey { key: String, allowed: Vec<String> },
    /// A required key that is not there.
    MissingKey { key: String },
    /// A value of the wrong kind (`per_page: abc`).
    WrongType {
        key: Option<String>,
        expected: ValueKind,
        found: Found,
    },
    /// Any other problem with a value, in serde's words (kept free of type names by the callers).
    Invalid { key: Option<String>, message: String },
    /// The whole text is one value (a text, a list), not `key: value` fields.
    NotFields { what: YamlText },
}

impl Problem {
    pub fn message(&self) -> Msg {
        match self.clone() {
            Problem::Syntax { message } => Msg::YamlSyntax { message },
            Problem::Unclosed { delimiter, .. } => Msg::YamlUnclosed { delimiter },
            Problem::FullWidthColon { key } => Msg::YamlFullWidthColon { key },
            Problem::ColonInValue { key, .. } => Msg::YamlColonInValue { key },
            Problem::Tab => Msg::YamlTab,
            Problem::Indentation { found, above } => Msg::YamlIndentation { found, above },
            Problem::DuplicateKey { key, first_line, line } => Msg::YamlDuplicateKey { key, first_line, line },
            Problem::UnknownKey { key, .. } => Msg::YamlUnknownKey { key },
            Problem::MissingKey { key } => Msg::YamlMissingKey { key },
            Problem::WrongType { key, expected, found } => Msg::YamlWrongType { key, expected, found },
            Problem::Invalid { key, message } => Msg::YamlInvalid { key, message },
            Problem::NotFields { what } => Msg::YamlNotFields { what },
        }
    }

    pub fn help(&self) -> Option<Msg> {
        match self.clone() {
            Problem::Syntax { .. } | Problem::WrongType { .. } | Problem::Invalid { .. } => None,
            Problem::Unclosed {
                delimiter,
                parser_line,
                parser_message,
            } => Some(Msg::HelpUnclosed {
                delimiter,
                parser_line,
                parser_message,
            }),
            Problem::FullWidthColon { key } => Some(Msg::HelpHalfWidthColon { key }),
            Problem::ColonInValue { key, value } => Some(Msg::HelpQuoteValue { key, value }),
            Problem::Tab => Some(Msg::HelpIndentSpaces),
            Problem::Indentation { above, .. } => Some(Msg::HelpIndentLikeAbove { above }),
            Problem::DuplicateKey { key, .. } => Some(Msg::HelpKeepOne { key }),
            Problem::UnknownKey { key, allowed } => Some(
                match crate::diagnostics::closest(&key, allowed.iter().map(String::as_str)) {
                    Some(s) => Msg::HelpDidYouMean { name: s.to_string() },
                    None => Msg::HelpAllowedKeys {
                        keys: allowed.join(", "),
                    },
                },
            ),
            Problem::MissingKey { key } => Some(Msg::HelpAddLine { key }),
            Problem::NotFields { .. } => Some(Msg::HelpOneFieldALine),
        }
    }

    /// This problem at a place in the file.
    pub fn at(&self, line: usize, column: usize) -> YamlError {
        YamlError {
            line,
            column,
            message: Box::new(self.message()),
            help: self.help().map(Box::new),
        }
    }
}

/// One YAML value with the place it is written (1-based line and column in the file).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub line: usize,
    pub column: usize,
    /// How a number or boolean is written (`4`, `1.50`, `true`), so it can be read as text as
    /// written; empty for other values.
    pub raw: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

/// A key of a mapping, where it is written, and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub line: usize,
    pub column: usize,
    pub value: Node,
}

impl Node {
    fn null(line: usize, column: usize) -> Node {
        Node {
            value: Value::Null,
            line,
            column,
            raw: String::new(),
        }
    }

    /// The entries of a mapping (none for any other value).
    pub fn entries(&self) -> &[Entry] {
        match &self.value {
            Value::Map(m) => m,
            _ => &[],
        }
    }

    /// The first entry `key` of a mapping.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries().iter().find(|e| e.key == key)
    }

    /// The value of the first entry `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// A scalar as text: a string as it is, a number or boolean as written; `None` for null,
    /// lists and mappings.
    pub fn scalar_text(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            Value::Bool(_) | Value::Int(_) | Value::UInt(_) | Value::Float(_) => Some(&self.raw),
            _ => None,
        }
    }

    /// The value as JSON, for free data handed to templates (`extra`).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::UInt(u) => J::from(*u),
            Value::Float(f) => serde_json::Number::from_f64(*f).map(J::Number).unwrap_or(J::Null),
            Value::Str(s) => J::String(s.clone()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => {
                let mut m = serde_json::Map::new();
                for e in entries {
                    m.entry(e.key.clone()).or_insert_with(|| e.value.to_json());
                }
                J::Object(m)
            }
        }
    }

    /// What the value is, for a message: text `abc`, the number 5, a list.
    fn found(&self) -> Found {
        match &self.value {
            Value::Null => Found::Empty,
            Value::Bool(_) => Found::Bool(self.raw.clone()),
            Value::Int(_) | Value::UInt(_) | Value::Float(_) => Found::Number(self.raw.clone()),
            Value::Str(s) => Found::Text(s.clone()),
            Value::Seq(_) => Found::List,
            Value::Map(_) => Found::Fields,
        }
    }
}

/// A parsed YAML text: its root, and the problems found in a tree that could still be read (keys
/// written twice; the first one is the one read).
#[derive(Debug, Clone)]
pub struct Document {
    pub root: Node,
    pub problems: Vec<YamlError>,
}

/// The reader's options: YAML 1.2 scalars as serde_yaml read them (`yes`, `no`, `on`, `0755` and
/// `1_000` are text), duplicate keys kept so they can be reported with both lines, and no
/// snippets (minutebook renders its own).
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        underscored_numbers_as_strings: true,
        with_snippet: false,
    }
}

/// Parse `yaml`, which starts `line_offset` lines into its file (1 for front-matter after its
/// `---` line); `byte_offset` is unused by positions, which are counted in characters.
pub fn parse(yaml: &str, line_offset: usize) -> Result<Document, YamlError> {
    if yaml.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#')
    }) {
        return Ok(Document {
            root: Node::null(line_offset + 1, 1),
            problems: Vec::new(),
        });
    }
    let raw: serde_saphyr::Spanned<Raw> =
        serde_saphyr::from_str_with_options(yaml, options()).map_err(|e| syntax_error(yaml, line_offset, &e))?;
    let root = convert(raw, yaml, line_offset);
    let mut problems = Vec::new();
    duplicates(&root, &mut problems);
    Ok(Document { root, problems })
}

/// The value tree as serde-saphyr hands it over, every node with its span.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Seq(Vec<serde_saphyr::Spanned<Raw>>),
    Map(Vec<(serde_saphyr::Spanned<Raw>, serde_saphyr::Spanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Raw, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Raw;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a YAML value")
            }
            fn visit_unit<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_none<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
                Raw::deserialize(d)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Raw, E> {
                Ok(Raw::Bool(b))
            }
            fn visit_i64<E>(self, i: i64) -> Result<Raw, E> {
                Ok(Raw::Int(i))
            }
            fn visit_u64<E>(self, u: u64) -> Result<Raw, E> {
                Ok(Raw::UInt(u))
            }
            fn visit_i128<E>(self, i: i128) -> Result<Raw, E> {
                Ok(Raw::Float(i as f64))
            }
            fn visit_u128<E>(self, u: u128) -> Result<Raw, E> {
                Ok(Raw::Float(u as f64))
            }
            fn visit_f64<E>(self, f: f64) -> Result<Raw, E> {
                Ok(Raw::Float(f))
            }
            fn visit_str<E>(self, s: &str) -> Result<Raw, E> {
                Ok(Raw::Str(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> Result<Raw, E> {
                Ok(Raw::Str(s))
            }
            fn visit_bytes<E: de::Error>(self, b: &[u8]) -> Result<Raw, E> {
                Ok(Raw::Str(String::from_utf8_lossy(b).into_owned()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
                let mut items = Vec::new();
                while let Some(x) = a.next_element()? {
                    items.push(x);
                }
                Ok(Raw::Seq(items))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
                let mut entries = Vec::new();
                while let Some(k) = a.next_key()? {
                    entries.push((k, a.next_value()?));
                }
                Ok(Raw::Map(entries))
            }
        }
        d.deserialize_any(V)
    }
}

fn convert(raw: serde_saphyr::Spanned<Raw>, yaml: &str, line_offset: usize) -> Node {
    let loc = raw.referenced;
    let line = loc.line() as usize + line_offset;
    let column = (loc.column() as usize).max(1);
    let written = || {
        let span = loc.span();
        match (span.byte_offset(), span.byte_len()) {
            (Some(at), Some(len)) => yaml
                .get(at as usize..(at + len) as usize)
                .unwrap_or_default()
                .to_string(),
            _ => String::new(),
        }
    };
    let (value, raw_text) = match raw.value {
        Raw::Null => (Value::Null, String::new()),
        Raw::Bool(b) => (Value::Bool(b), written()),
        Raw::Int(i) => (Value::Int(i), written()),
        Raw::UInt(u) => (Value::UInt(u), written()),
        Raw::Float(f) => (Value::Float(f), written()),
        Raw::Str(s) => (Value::Str(s), String::new()),
        Raw::Seq(items) => (
            Value::Seq(items.into_iter().map(|i| convert(i, yaml, line_offset)).collect()),
            String::new(),
        ),
        Raw::Map(entries) => (
            Value::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| {
                        let key = convert(k, yaml, line_offset);
                        Entry {
                            key: key.scalar_text().unwrap_or_default().to_string(),
                            line: key.line,
                            column: key.column,
                            value: convert(v, yaml, line_offset),
                        }
                    })
                    .collect(),
            ),
            String::new(),
        ),
    };
    Node {
        value,
        line,
        column,
        raw: raw_text,
    }
}

/// Every key written twice in one mapping, anywhere in the tree, at its second (third…) place.
fn duplicates(node: &Node, problems: &mut Vec<YamlError>) {
    match &node.value {
        Value::Map(entries) => {
            for (i, e) in entries.iter().enumerate() {
                if let Some(first) = entries[..i].iter().find(|f| f.key == e.key) {
                    problems.push(
                        Problem::DuplicateKey {
                            key: e.key.clone(),
                            first_line: first.line,
                            line: e.line,
                        }
                        .at(e.line, e.column),
                    );
                }
                duplicates(&e.value, problems);
            }
        }
        Value::Seq(items) => items.iter().for_each(|i| duplicates(i, problems)),
        _ => {}
    }
}

/// A parse error located where the writer can fix it: at a common slip when one explains it,
/// else where the parser stopped, in its words.
fn syntax_error(yaml: &str, line_offset: usize, e: &serde_saphyr::Error) -> YamlError {
    use serde_saphyr::MessageFormatter;
    let message = serde_saphyr::UserMessageFormatter.format_message(e).into_owned();
    let (line, column) = e
        .location()
        .map(|l| (l.line() as usize, l.column() as usize))
        .filter(|&(l, _)| l > 0)
        .unwrap_or((1, 0));
    let (mut problem, at) = explain(yaml, line, column, &message);
    if let Problem::Unclosed { parser_line, .. } = &mut problem {
        *parser_line += line_offset;
    }
    problem.at(at.0 + line_offset, at.1)
}

/// The slip that explains a parse error at (`line`, `column`) of `yaml` (1-based), and where it
/// is; the parser's own message at its place when none does.
fn explain(yaml: &str, line: usize, column: usize, message: &str) -> (Problem, (usize, usize)) {
    let lines: Vec<&str> = yaml.lines().collect();
    // A full-width colon makes a key line a plain text, and the parser fails a line or two later.
    if let Some(found) = full_width_colon(&lines[..line.min(lines.len())]) {
        return found;
    }
    if message.contains("tab") {
        if let Some((i, l)) = lines
            .iter()
            .enumerate()
            .take(line + 1)
            .find(|(_, l)| l.chars().take_while(|c| c.is_whitespace()).any(|c| c == '\t'))
        {
            let col = l.chars().position(|c| c == '\t').unwrap_or(0) + 1;
            return (Problem::Tab, (i + 1, col));
        }
    }
    if let Some(open) = unclosed_opening(yaml).filter(|o| o.line <= line) {
        return (
            Problem::Unclosed {
                delimiter: open.delimiter,
                parser_line: line,
                parser_message: message.to_string(),
            },
            (open.line, open.column),
        );
    }
    let Some(text) = lines.get(line.wrapping_sub(1)) else {
        return (
            Problem::Syntax {
                message: message.to_string(),
            },
            (line, column),
        );
    };
    let indent = indentation(text);
    let key_colon = key_colon(text);
    // `chair: 乙: 丙`: the parser stops at the second colon of the line.
    if message.contains("mapping values are not allowed") {
        if let Some(kc) = key_colon.filter(|&kc| kc + 1 < column) {
            let chars: Vec<char> = text.chars().collect();
            let key: String = chars[..kc]
                .iter()
                .collect::<String>()
                .trim()
                .trim_start_matches("- ")
                .trim()
                .to_string();
            let value: String = chars[kc + 1..].iter().collect::<String>().trim().to_string();
            return (Problem::ColonInValue { key, value }, (line, column));
        }
    }
    // A line indented differently from the line above it, where no block can start.
    let structural = [
        "mapping values are not allowed",
        "did not find expected",
        "simple key expected",
    ];
    if structural.iter().any(|s| message.contains(s)) {
        if let Some(above) = lines[..line - 1]
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        {
            let above_indent = indentation(above);
            let opens_block = above.trim_end().ends_with(':');
            if indent != above_indent && !(opens_block && indent > above_indent) {
                return (
                    Problem::Indentation {
                        found: indent,
                        above: above_indent,
                    },
                    (line, indent + 1),
                );
            }
        }
    }
    (
        Problem::Syntax {
            message: message.to_string(),
        },
        (line, column),
    )
}

/// The number of leading spaces of a line.
fn indentation(line: &str) -> usize {
    line.chars().take_while(|&c| c == ' ').count()
}

/// The character index of the colon that ends a line's key (`key: …` or `key:` at the end), if
/// the line starts with a plain key.
fn key_colon(line: &str) -> Option<usize> {
    let chars: Vec<char> = line.chars().collect();
    (0..chars.len()).find(|&i| chars[i] == ':' && chars.get(i + 1).is_none_or(|c| *c == ' '))
}

/// The first line of `lines` that stands where a key stands (not deeper than the line above,
/// unless that one ends with `:`, so not the continuation of a value) and is a key followed by a
/// full-width colon (`title：…`), with the place of that colon.
fn full_width_colon(lines: &[&str]) -> Option<(Problem, (usize, usize))> {
    let mut above: Option<&str> = None;
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let indent = indentation(l);
        let continues_value = above.is_some_and(|a| indent > indentation(a) && !a.trim_end().ends_with(':'));
        above = Some(l);
        if continues_value {
            continue;
        }
        let item = t.strip_prefix("- ").map(str::trim_start).unwrap_or(t);
        let Some((key, _)) = item.split_once('：') else {
            continue;
        };
        let plain = !key.is_empty()
            && !key.contains(':')
            && !key.chars().any(char::is_whitespace)
            && !key.starts_with(['"', '\'', '[', '{', '#', '-']);
        if plain {
            let col = l.chars().count() - item.chars().count() + key.chars().count() + 1;
            return Some((Problem::FullWidthColon { key: key.to_string() }, (i + 1, col)));
        }
    }
    None
}

/// A root that is not a mapping: a full-width colon on a single-line front-matter
/// (`title：…` alone) explains it too.
pub fn not_a_mapping(yaml: &str) -> Option<(Problem, (usize, usize))> {
    let lines: Vec<&str> = yaml.lines().collect();
    full_width_colon(&lines)
}

/// A quote or flow bracket that opens a value and is not closed on its line.
#[derive(Debug, PartialEq, Eq)]
struct Opening {
    /// 1-based line in the parsed text.
    line: usize,
    /// 1-based column, in characters.
    column: usize,
    delimiter: char,
}

/// The first quote or flow bracket (`"`, `'`, `[`, `{`) that starts a value and is not closed on
/// its own line. YAML allows both to span lines, but front-matter fields are one line each, and
/// this is asked only after the parser failed. A quote inside a plain value (`他說"好"`) and
/// anything in a comment are not openings.
fn unclosed_opening(yaml: &str) -> Option<Opening> {
    for (i, line) in yaml.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        // (delimiter, column) of the open flow brackets, and the open quote.
        let mut flow: Vec<(char, usize)> = Vec::new();
        let mut quote: Option<(char, usize)> = None;
        // At the start of a value: after the indentation, `- `, `key: `, `[`, `{` or `,`.
        let mut value_start = true;
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            let next = chars.get(j + 1).copied();
            if let Some((q, _)) = quote {
                if q == '"' && c == '\\' {
                    j += 2;
                    continue;
                }
                if c == q {
                    if q == '\'' && next == Some('\'') {
                        j += 2;
                        continue;
                    }
                    quote = None;
                    value_start = false;
                }
                j += 1;
                continue;
            }
            match c {
                '#' if j == 0 || chars[j - 1].is_whitespace() => break,
                '"' | '\'' if value_start => quote = Some((c, j + 1)),
                '[' | '{' if value_start => flow.push((c, j + 1)),
                ']' | '}' if !flow.is_empty() => {
                    flow.pop();
                    value_start = false;
                }
                ',' if !flow.is_empty() => value_start = true,
                ':' if next.is_none_or(char::is_whitespace) => value_start = true,
                '-' if value_start && next.is_none_or(char::is_whitespace) => {}
                c if c.is_whitespace() => {}
                _ => value_start = false,
            }
            j += 1;
        }
        if let Some((delimiter, column)) = quote.or_else(|| flow.first().copied()) {
            return Some(Opening {
                line: i + 1,
                column,
                delimiter,
            });
        }
    }
    None
}

/// Read `node` into `T`. Unknown keys of every struct read are added to `unknown` (and skipped,
/// so the rest is still read); the first value of the wrong type or missing key is the error.
pub fn deserialize<T: DeserializeOwned>(node: &Node, unknown: &mut Vec<YamlError>) -> Result<T, YamlError> {
    let sink = RefCell::new(Vec::new());
    let result = T::deserialize(NodeDe { node, sink: &sink });
    unknown.append(&mut sink.into_inner());
    result.map_err(|e| e.problem.at(e.line, e.column))
}

/// An error while reading a node into a type: the problem and where it is (0 until located).
#[derive(Debug)]
pub struct DeError {
    problem: Problem,
    line: usize,
    column: usize,
}

impl DeError {
    fn new(problem: Problem) -> DeError {
        DeError {
            problem,
            line: 0,
            column: 0,
        }
    }

    /// Locate at `node` unless already located deeper.
    fn at(mut self, node: &Node) -> DeError {
        if self.line == 0 {
            self.line = node.line;
            self.column = node.column;
        }
        self
    }

    /// Name the key whose value this is, unless a deeper key is named already.
    fn in_key(mut self, key: &str) -> DeError {
        match &mut self.problem {
            Problem::WrongType { key: k @ None, .. } | Problem::Invalid { key: k @ None, .. } => {
                *k = Some(key.to_string())
            }
            _ => {}
        }
        self
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.problem.message().en())
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::new(Problem::Invalid {
            key: None,
            message: msg.to_string(),
        })
    }

    fn invalid_type(unexp: de::Unexpected, exp: &dyn de::Expected) -> Self {
        let found = match unexp {
            de::Unexpected::Str(s) => Found::Text(s.to_string()),
            de::Unexpected::Unsigned(n) => Found::Number(n.to_string()),
            de::Unexpected::Signed(n) => Found::Number(n.to_string()),
            de::Unexpected::Float(n) => Found::Number(n.to_string()),
            de::Unexpected::Bool(b) => Found::Bool(b.to_string()),
            de::Unexpected::Unit | de::Unexpected::Option => Found::Empty,
            de::Unexpected::Seq => Found::List,
            de::Unexpected::Map => Found::Fields,
            _ => Found::Other,
        };
        DeError::new(Problem::WrongType {
            key: None,
            expected: expected_words(&exp.to_string()),
            found,
        })
    }

    fn invalid_value(unexp: de::Unexpected, exp: &dyn de::Expected) -> Self {
        Self::invalid_type(unexp, exp)
    }

    fn missing_field(field: &'static str) -> Self {
        DeError::new(Problem::MissingKey { key: field.into() })
    }
}

/// What serde's "expected …" says, as a kind of value.
fn expected_words(serde_expected: &str) -> ValueKind {
    let e = serde_expected;
    if e.contains("string") && e.contains("sequence") {
        ValueKind::TextOrList
    } else if e.contains("string") || e.contains("char") {
        ValueKind::Text
    } else if e.contains("integer") || e.starts_with('u') || e.starts_with('i') {
        ValueKind::WholeNumber
    } else if e.contains("float") || e.starts_with('f') {
        ValueKind::Number
    } else if e.contains("bool") {
        ValueKind::Bool
    } else if e.contains("sequence") || e.contains("tuple") {
        ValueKind::List
    } else if e.contains("struct") || e.contains("map") {
        ValueKind::Fields
    } else {
        ValueKind::Other
    }
}

#[derive(Clone, Copy)]
struct NodeDe<'a> {
    node: &'a Node,
    sink: &'a RefCell<Vec<YamlError>>,
}

impl<'a> NodeDe<'a> {
    fn with(self, node: &'a Node) -> NodeDe<'a> {
        NodeDe { node, sink: self.sink }
    }

    fn wrong(self, exp: &dyn de::Expected) -> DeError {
        DeError::new(Problem::WrongType {
            key: None,
            expected: expected_words(&exp.to_string()),
            found: self.node.found(),
        })
        .at(self.node)
    }
}

impl<'de, 'a> de::Deserializer<'de> for NodeDe<'a> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let node = self.node;
        match &node.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Int(i) => visitor.visit_i64(*i),
            Value::UInt(u) => visitor.visit_u64(*u),
            Value::Float(f) => visitor.visit_f64(*f),
            Value::Str(s) => visitor.visit_str(s),
            Value::Seq(items) => visitor.visit_seq(SeqDe {
                de: self,
                items: items.iter(),
            }),
            Value::Map(entries) => visitor.visit_map(MapDe {
                de: self,
                entries: entries.iter().collect::<Vec<_>>().into_iter(),
                value: None,
            }),
        }
        .map_err(|e| e.at(node))
    }

    /// Text is taken as written: `slug: 2024` is the text `2024`.
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.node.scalar_text() {
            Some(s) => visitor.visit_str::<DeError>(s).map_err(|e| e.at(self.node)),
            None => Err(self.wrong(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.node.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.node.value {
            Value::Seq(_) => self.deserialize_any(visitor),
            _ => Err(self.wrong(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let Value::Map(entries) = &self.node.value else {
            return Err(self.wrong(&visitor));
        };
        let mut known: Vec<&Entry> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if entries[..i].iter().any(|k| k.key == e.key) {
                // A key written twice is reported by `parse`; the first is the one read.
                continue;
            }
            if fields.contains(&e.key.as_str()) {
                known.push(e);
            } else {
                self.sink.borrow_mut().push(
                    Problem::UnknownKey {
                        key: e.key.clone(),
                        allowed: fields.iter().map(|f| f.to_string()).collect(),
                    }
                    .at(e.line, e.column),
                );
            }
        }
        visitor
            .visit_map(MapDe {
                de: self,
                entries: known.into_iter(),
                value: None,
            })
            .map_err(|e| e.at(self.node))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.node.scalar_text() {
            Some(s) => visitor
                .visit_enum(s.into_deserializer())
                .map_err(|e: DeError| e.at(self.node)),
            None => Err(self.wrong(&visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit unit_struct
        tuple tuple_struct map identifier
    }
}

struct SeqDe<'a> {
    de: NodeDe<'a>,
    items: std::slice::Iter<'a, Node>,
}

impl<'de> de::SeqAccess<'de> for SeqDe<'_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, DeError> {
        match self.items.next() {
            Some(n) => seed.deserialize(self.de.with(n)).map(Some),
            None => Ok(None),
        }
    }
}

struct MapDe<'a> {
    de: NodeDe<'a>,
    entries: std::vec::IntoIter<&'a Entry>,
    value: Option<&'a Entry>,
}

impl<'de> de::MapAccess<'de> for MapDe<'_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, DeError> {
        match self.entries.next() {
            Some(e) => {
                self.value = Some(e);
                let key: de::value::StrDeserializer<DeError> = e.key.as_str().into_deserializer();
                seed.deserialize(key).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let e = self.value.take().expect("next_value after next_key");
        seed.deserialize(self.de.with(&e.value))
            .map_err(|err| err.at(&e.value).in_key(&e.key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(yaml: &str) -> YamlError {
        parse(yaml, 0).unwrap_err()
    }

    #[test]
    fn nodes_carry_their_positions() {
        let d = parse("title: 甲\nunits:\n  - 數產署\n  - 秘書處\nnumber: 4\n", 1).unwrap();
        let units = d.root.get("units").unwrap();
        let Value::Seq(items) = &units.value else { panic!() };
        assert_eq!((items[1].line, items[1].column), (5, 5));
        let n = d.root.entry("number").unwrap();
        assert_eq!((n.line, n.column, n.value.scalar_text()), (6, 1, Some("4")));
        assert!(d.problems.is_empty());
    }

    #[test]
    fn yaml_1_2_scalars() {
        let d = parse("a: yes\nb: 0755\nc: 10:30\nd: 1_000\ne: true\nn: x\n", 0).unwrap();
        let text = |k: &str| d.root.get(k).unwrap().value.clone();
        assert_eq!(text("a"), Value::Str("yes".into()));
        assert_eq!(text("b"), Value::Str("0755".into()));
        assert_eq!(text("c"), Value::Str("10:30".into()));
        assert_eq!(text("d"), Value::Str("1_000".into()));
        assert_eq!(text("e"), Value::Bool(true));
        assert!(d.root.entry("n").is_some(), "the key `n` is text, not false");
    }

    #[test]
    fn duplicate_keys_name_both_lines() {
        let d = parse("title: 甲\ndate: 2024-01-01\ntitle: true\n", 1).unwrap();
        let p = &d.problems[..];
        assert_eq!((p.len(), p[0].line, p[0].column), (1, 4, 1));
        assert_eq!(p[0].message.en(), "`title` is written twice, on line 2 and on line 4");
        assert_eq!(
            p[0].help.as_ref().map(|h| h.en()).as_deref(),
            Some("keep one `title` and delete the other (YAML would silently keep only one of them)")
        );
        assert_eq!(p[0].message.code(), "MB0107");
        assert_eq!(d.root.get("title").unwrap().scalar_text(), Some("甲"));
    }

    #[test]
    fn slips_get_help() {
        let e = err("series: 主管會議\ntitle：第4次\ndate: 2024-01-01\n");
        assert_eq!(
            (e.line, e.column, e.message.en().as_str()),
            (2, 6, "`title` is followed by a full-width colon `：`")
        );
        let e = err("title：第4次\nseries: 主管會議\n");
        assert_eq!((e.line, e.column), (1, 6), "{e:?}");
        let e = err("title: 甲\nchair: 乙: 丙\n");
        assert_eq!((e.line, e.column), (2, 9), "{e:?}");
        assert_eq!(
            e.help.as_ref().map(|h| h.en()).as_deref(),
            Some("put the value in quotes: `chair: \"乙: 丙\"`")
        );
        let e = err("title: 甲\nunits:\n\t- a\n");
        assert_eq!(
            (e.line, e.column, e.message.en().as_str()),
            (3, 1, "this line is indented with a tab")
        );
        let e = err("title: 甲\n\tdate: 2024\n");
        assert_eq!((e.line, e.column), (2, 1), "{e:?}");
        let e = err("badge:\n  image: x\n   alt: y\n");
        assert_eq!((e.line, e.column), (3, 4), "{e:?}");
        assert_eq!(
            e.message.en(),
            "this line is indented by 3 spaces, the line above by 2 spaces"
        );
        let e = err("units:\n  - a\n - b\n");
        assert_eq!((e.line, e.column), (3, 2), "{e:?}");
        let e = err("title: 甲\n  date: 2024\n");
        assert_eq!((e.line, e.column), (2, 3), "{e:?}");
    }

    #[test]
    fn unclosed_quotes_and_brackets_are_located_where_they_open() {
        let cases = [
            (
                "title: 甲\ntime: \"14:00-16:15\nunits:\n  - \"5G\"\n",
                2,
                7,
                "`\"` without `\"`",
            ),
            ("title: 甲\nlocation: [臺南\nchair: 乙\n", 2, 11, "`[` without `]`"),
            ("title: 甲\nnumber: {1\ndate: 2024-01-01\n", 2, 9, "`{` without `}`"),
            (
                "title: 甲\nunits: [數產署, '秘書處]\nchair: 乙\n",
                2,
                14,
                "`'` without `'`",
            ),
        ];
        for (yaml, line, column, named) in cases {
            let e = err(yaml);
            assert_eq!((e.line, e.column), (line, column), "{yaml:?}: {e:?}");
            assert!(e.message.en().contains(named), "{yaml:?}: {e:?}");
            assert!(
                e.help
                    .as_ref()
                    .map(|h| h.en())
                    .unwrap_or_default()
                    .contains("the YAML parser stopped at line"),
                "{e:?}"
            );
        }
        assert_eq!(
            unclosed_opening("title: 他說\"好\n# 註解 \"x\nunits: [\"a\", 'b''c']\n"),
            None
        );
    }

    #[test]
    fn deserialize_reports_unknown_keys_and_wrong_types() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct C {
            title: String,
            #[serde(default)]
            per_page: usize,
        }
        let d = parse("titel: a\ntitle: 2024\nper_page: abc\n", 0).unwrap();
        let mut unknown = Vec::new();
        let e = deserialize::<C>(&d.root, &mut unknown).unwrap_err();
        assert_eq!(
            (unknown[0].line, unknown[0].message.en().as_str()),
            (1, "unknown key `titel`")
        );
        assert_eq!(
            unknown[0].help.as_ref().map(|h| h.en()).as_deref(),
            Some("did you mean `title`?")
        );
        assert_eq!(
            (e.line, e.column, e.message.en().as_str()),
            (3, 11, "`per_page` must be a whole number, not text `abc`")
        );
        let d = parse("per_page: 3\n", 0).unwrap();
        let e = deserialize::<C>(&d.root, &mut Vec::new()).unwrap_err();
        assert_eq!((e.line, e.message.en().as_str()), (1, "`title` is missing"));
        let d = parse("title: 2024\n", 0).unwrap();
        assert_eq!(deserialize::<C>(&d.root, &mut Vec::new()).unwrap().title, "2024");
        let d = parse("title: [a]\n", 0).unwrap();
        let e = deserialize::<C>(&d.root, &mut Vec::new()).unwrap_err();
        assert_eq!(
            (e.line, e.column, e.message.en().as_str()),
            (1, 8, "`title` must be text, not a list")
        );
        assert_eq!(
            expected_words("a string or a sequence of strings"),
            ValueKind::TextOrList
        );
        assert_eq!(expected_words("struct RegistryEntry"), ValueKind::Fields);
        assert_eq!(expected_words("usize"), ValueKind::WholeNumber);
    }
}
