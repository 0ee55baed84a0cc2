//! Front-matter: splits a record into its YAML block and Markdown body, and parses YAML. This is
//! the only module that uses serde_yaml (archived upstream), so it can be swapped out in one place;
//! the site configuration is parsed through [`from_yaml_str`] too. Every position it reports is a
//! line and column in the whole file, not in the YAML block.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// A YAML problem, located in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
}

/// Deserialize a whole YAML file (the site configuration) into `T`.
pub fn from_yaml_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str::<T>(text).map_err(|e| convert(&e, 0, text))
}

/// Parse a whole YAML file (the site configuration) into a generic value, so its keys can be
/// checked before it is deserialized.
pub fn yaml_value(text: &str) -> Result<Value, YamlError> {
    if text.trim().is_empty() {
        return Ok(Value::Object(Map::new()));
    }
    serde_yaml::from_str::<Value>(text).map_err(|e| convert(&e, 0, text))
}

/// A serde_yaml error as a [`YamlError`] in file lines; `yaml` is the text that was parsed, which
/// starts `line_offset` lines into the file.
fn convert(e: &serde_yaml::Error, line_offset: usize, yaml: &str) -> YamlError {
    let (line, column) = e
        .location()
        .map(|l| (l.line() + line_offset, l.column()))
        .unwrap_or((line_offset + 1, 0));
    let mut message = e.to_string();
    // serde_yaml appends " at line X column Y"; the diagnostic says that already, in file terms.
    if let Some(i) = message.find(" at line ") {
        message.truncate(i);
    }
    // The parser reports where it gave up, which for a quote or bracket left open is a later line
    // (the next quote, or the next key): point at the opening one instead.
    if e.location().is_some() {
        if let Some(open) = unclosed_opening(yaml).filter(|o| o.line + line_offset <= line) {
            let (what, close) = match open.delimiter {
                '"' | '\'' => ("quoted value", open.delimiter),
                '[' => ("list", ']'),
                _ => ("mapping", '}'),
            };
            return YamlError {
                line: open.line + line_offset,
                column: open.column,
                message: format!("this {what} is not closed on its line (`{}` without `{close}`)", open.delimiter),
                help: Some(format!(
                    "add `{close}` at the end of the value, or remove `{}`; the YAML parser stopped at line {line}: {message}",
                    open.delimiter
                )),
            };
        }
    }
    let help = unknown_field_help(&message);
    YamlError {
        line,
        column,
        message,
        help,
    }
}

/// A quote or flow bracket that opens a value and is not closed on the same line.
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

/// For serde's "unknown field `x`, expected one of `a`, `b`" suggest the closest expected key.
fn unknown_field_help(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let end = rest.find('`')?;
    let field = &rest[..end];
    let expected: Vec<&str> = rest[end..].split('`').skip(2).step_by(2).collect();
    match crate::diagnostics::closest(field, expected.iter().copied()) {
        Some(s) => Some(format!("did you mean `{s}`?")),
        None => Some(format!(
            "remove `{field}`; the allowed keys are: {}",
            expected.join(", ")
        )),
    }
}

/// Where a top-level key of the front-matter stands in the file.
#[derive(Debug, Clone)]
pub struct KeySpan {
    pub key: String,
    /// 1-based line of the key in the file.
    pub line: usize,
    /// 1-based column of the key.
    pub column: usize,
    /// The last line (inclusive) that belongs to this key's value.
    pub end_line: usize,
}

/// A record split into parsed front-matter and body.
#[derive(Debug, Clone)]
pub struct Parsed<'a> {
    pub fields: Map<String, Value>,
    pub keys: Vec<KeySpan>,
    pub body: &'a str,
    /// 1-based line of the body's first line in the file.
    pub body_line: usize,
}

impl Parsed<'_> {
    pub fn key(&self, name: &str) -> Option<&KeySpan> {
        self.keys.iter().find(|k| k.key == name)
    }
}

/// Split `text` into front-matter and body, and parse the front-matter.
pub fn parse(text: &str) -> Result<Parsed<'_>, YamlError> {
    let text_nobom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - text_nobom.len();
    let mut lines = text_nobom.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(YamlError {
            line: 1,
            column: 1,
            message: "the record does not start with a front-matter block".into(),
            help: Some(
                "begin the file with a line `---`, the YAML fields (title, date, series, …), and another `---`".into(),
            ),
        });
    }
    let yaml_start = bom + first.len();
    let mut offset = yaml_start;
    let mut close: Option<(usize, usize, usize)> = None; // (yaml_end, body_start, closing line no)
    let mut line_no = 1;
    for l in lines {
        line_no += 1;
        let t = l.trim_end();
        if t == "---" || t == "..." {
            close = Some((offset, offset + l.len(), line_no));
            break;
        }
        offset += l.len();
    }
    let Some((yaml_end, body_start, close_line)) = close else {
        return Err(YamlError {
            line: 1,
            column: 1,
            message: "the front-matter block is not closed".into(),
            help: Some("add a line `---` after the last front-matter field".into()),
        });
    };
    let yaml = &text[yaml_start..yaml_end];
    let value: Value = if yaml.trim().is_empty() {
        Value::Object(Map::new())
    } else {
        serde_yaml::from_str::<Value>(yaml).map_err(|e| convert(&e, 1, yaml))?
    };
    let fields = match value {
        Value::Object(m) => m,
        Value::Null => Map::new(),
        _ => {
            return Err(YamlError {
                line: 2,
                column: 1,
                message: "the front-matter is not a set of `key: value` fields".into(),
                help: Some("write one field a line, like `title: 第4次主管會議紀錄`".into()),
            })
        }
    };
    Ok(Parsed {
        fields,
        keys: key_spans(yaml, 2, close_line - 1),
        body: &text[body_start..],
        body_line: close_line + 1,
    })
}

/// Find the top-level keys of a YAML mapping by scanning its lines (serde_yaml keeps no positions).
fn key_spans(yaml: &str, first_line: usize, last_line: usize) -> Vec<KeySpan> {
    let mut spans: Vec<KeySpan> = Vec::new();
    for (i, line) in yaml.lines().enumerate() {
        let no = first_line + i;
        let starts_key = line
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '"' || c == '\'');
        if !starts_key {
            continue;
        }
        let Some(colon) = line.find(':') else {
            continue;
        };
        let key = line[..colon].trim().trim_matches(|c| c == '"' || c == '\'').to_string();
        if key.is_empty() || key.contains(' ') {
            continue;
        }
        if let Some(prev) = spans.last_mut() {
            prev.end_line = no - 1;
        }
        spans.push(KeySpan {
            key,
            line: no,
            column: 1,
            end_line: last_line,
        });
    }
    spans
}

/// Find `needle` within the lines of `span` in the file text; 1-based (line, column).
pub fn locate_in(text: &str, span: &KeySpan, needle: &str) -> (usize, usize) {
    for (i, line) in text
        .lines()
        .enumerate()
        .skip(span.line - 1)
        .take(span.end_line + 1 - span.line)
    {
        let skip = if i + 1 == span.line {
            line.find(':').map(|c| c + 1).unwrap_or(0)
        } else {
            0
        };
        if let Some(pos) = line[skip..].find(needle) {
            return (i + 1, line[..skip + pos].chars().count() + 1);
        }
    }
    (span.line, span.column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_locates_keys() {
        let t = "---\ntitle: 甲\nunits:\n  - 數產署\n  - 秘書處\n---\n# body\n";
        let p = parse(t).unwrap();
        assert_eq!(p.fields["title"], "甲");
        assert_eq!(p.body, "# body\n");
        assert_eq!(p.body_line, 7);
        let u = p.key("units").unwrap();
        assert_eq!((u.line, u.end_line), (3, 5));
        assert_eq!(locate_in(t, u, "秘書處"), (5, 5));
    }

    #[test]
    fn yaml_errors_are_in_file_lines() {
        let t = "---\ntitle: 甲\ndate: [2024\n---\nbody\n";
        let e = parse(t).unwrap_err();
        assert!(e.line >= 3, "{e:?}");
    }

    #[test]
    fn unclosed_quotes_and_brackets_are_located_where_they_open() {
        let cases = [
            // (front-matter, line, column, delimiter named)
            (
                "title: 甲\ntime: \"14:00-16:15\nunits:\n  - \"5G\"\n",
                3,
                7,
                "`\"` without `\"`",
            ),
            ("title: 甲\nlocation: [臺南\nchair: 乙\n", 3, 11, "`[` without `]`"),
            ("title: 甲\nnumber: {1\ndate: 2024-01-01\n", 3, 9, "`{` without `}`"),
            (
                "title: 甲\nunits: [數產署, '秘書處]\nchair: 乙\n",
                3,
                14,
                "`'` without `'`",
            ),
        ];
        for (fm, line, column, named) in cases {
            let e = parse(&format!("---\n{fm}---\nbody\n")).unwrap_err();
            assert_eq!((e.line, e.column), (line, column), "{fm:?}: {e:?}");
            assert!(e.message.contains(named), "{fm:?}: {e:?}");
            assert!(
                e.help
                    .as_deref()
                    .unwrap_or("")
                    .contains("the YAML parser stopped at line"),
                "{e:?}"
            );
        }
        // Quotes inside a plain value, in a comment, or closed on their line are not openings.
        assert_eq!(
            unclosed_opening("title: 他說\"好\n# 註解 \"x\nunits: [\"a\", 'b''c']\n"),
            None
        );
        // A mistake that is not an unclosed delimiter keeps the parser's own position.
        let e = parse("---\ntitle: 甲\nchair: 乙: 丙\n---\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 9), "{e:?}");
        assert!(e.message.contains("mapping values"), "{e:?}");
    }

    #[test]
    fn unclosed_and_missing_blocks() {
        assert!(parse("---\ntitle: a\n").unwrap_err().message.contains("not closed"));
        assert!(parse("# hello\n").unwrap_err().message.contains("does not start"));
    }

    #[test]
    fn unknown_field_gets_a_suggestion() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct C {
            title: String,
        }
        let e = from_yaml_str::<C>("titel: a\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert_eq!(e.help.as_deref(), Some("did you mean `title`?"));
    }
}
