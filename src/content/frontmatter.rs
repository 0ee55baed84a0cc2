//! Front-matter: splits a record into its YAML block and Markdown body, and parses the block with
//! [`crate::yaml`]. Every position it reports is a line and column in the whole file, not in the
//! YAML block.

use crate::messages::{Msg, YamlText};
pub use crate::yaml::YamlError;
use crate::yaml::{self, Node, Problem};

/// A record split into parsed front-matter and body.
#[derive(Debug, Clone)]
pub struct Parsed<'a> {
    /// The front-matter mapping (a null node when the block is empty), every key and value with
    /// its place in the file.
    pub root: Node,
    /// Problems of a front-matter that could still be read: keys written twice.
    pub problems: Vec<YamlError>,
    pub body: &'a str,
    /// 1-based line of the body's first line in the file.
    pub body_line: usize,
}

impl Parsed<'_> {
    /// The value of the front-matter key `name`.
    pub fn get(&self, name: &str) -> Option<&Node> {
        self.root.get(name)
    }

    /// The key `name` with its place.
    pub fn entry(&self, name: &str) -> Option<&yaml::Entry> {
        self.root.entry(name)
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
            message: Box::new(Msg::NoFrontMatter),
            help: Some(Box::new(Msg::HelpBeginFrontMatter)),
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
            message: Box::new(Msg::FrontMatterNotClosed),
            help: Some(Box::new(Msg::HelpCloseFrontMatter)),
        });
    };
    let yaml = &text[yaml_start..yaml_end];
    let doc = yaml::parse(yaml, 1)?;
    if !matches!(doc.root.value, yaml::Value::Map(_) | yaml::Value::Null) {
        if let Some((slip, (line, column))) = yaml::not_a_mapping(yaml) {
            return Err(slip.at(line + 1, column));
        }
        return Err(Problem::NotFields {
            what: YamlText::FrontMatter,
        }
        .at(2, 1));
    }
    Ok(Parsed {
        root: doc.root,
        problems: doc.problems,
        body: &text[body_start..],
        body_line: close_line + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_locates_keys() {
        let t = "---\ntitle: 甲\nunits:\n  - 數產署\n  - 秘書處\n---\n# body\n";
        let p = parse(t).unwrap();
        assert_eq!(p.get("title").unwrap().scalar_text(), Some("甲"));
        assert_eq!(p.body, "# body\n");
        assert_eq!(p.body_line, 7);
        let u = p.entry("units").unwrap();
        assert_eq!((u.line, u.column), (3, 1));
        let yaml::Value::Seq(items) = &u.value.value else {
            panic!("{u:?}")
        };
        assert_eq!((items[1].line, items[1].column), (5, 5));
    }

    #[test]
    fn yaml_errors_are_in_file_lines() {
        let t = "---\ntitle: 甲\ndate: [2024\n---\nbody\n";
        let e = parse(t).unwrap_err();
        assert_eq!((e.line, e.column), (3, 7), "{e:?}");
        // A mistake that is not an unclosed delimiter keeps the parser's own position.
        let e = parse("---\ntitle: 甲\nchair: 乙: 丙\n---\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 9), "{e:?}");
        // A single line with a full-width colon is one text, not fields: the colon explains it.
        let e = parse("---\ntitle：甲\n---\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 6), "{e:?}");
        let e = parse("---\n- 甲\n---\n").unwrap_err();
        assert_eq!(e.message.en(), "the front-matter is not a set of `key: value` fields");
    }

    #[test]
    fn unclosed_and_missing_blocks() {
        assert!(parse("---\ntitle: a\n")
            .unwrap_err()
            .message
            .en()
            .contains("not closed"));
        assert!(parse("# hello\n").unwrap_err().message.en().contains("does not start"));
    }

    #[test]
    fn duplicate_keys_are_kept_as_problems() {
        let p = parse("---\ntitle: 甲\ntitle: true\n---\n").unwrap();
        assert_eq!((p.problems[0].line, p.problems[0].column), (3, 1));
        assert_eq!(
            p.problems[0].message.en(),
            "`title` is written twice, on line 2 and on line 3"
        );
    }
}
