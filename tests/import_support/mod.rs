//! Shared by the importer's tests: the ministry's registry and the word-preservation check.
#![allow(dead_code)]

use minutebook::import::{ImportRegistry, RegistryName};

fn name(name: &str, slug: &str, aliases: &[&str]) -> RegistryName {
    RegistryName {
        name: name.into(),
        slug: slug.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    }
}

/// The ministry's fifteen units and the 主管會議 series.
pub fn registry() -> ImportRegistry {
    ImportRegistry {
        units: vec![
            name("數位策略司", "strategy", &["策略司"]),
            name("韌性建設司", "resilience", &["韌性司"]),
            name("資源管理司", "resources", &["資源司"]),
            name("數位政府司", "government", &["數政司"]),
            name("民主網絡司", "democracy", &["民主司"]),
            name("多元創新司", "innovation", &["多元司"]),
            name("秘書處", "secretariat", &[]),
            name("人事處", "personnel", &[]),
            name("政風處", "ethics", &[]),
            name("主計處", "accounting", &[]),
            name("資訊處", "it", &[]),
            name("法制處", "legal", &[]),
            name("數位產業署", "adi", &["數產署"]),
            name("資通安全署", "acs", &["資安署"]),
            name("國家資通安全研究院", "nics", &["資安院"]),
        ],
        series: vec![name("主管會議", "executive", &[])],
    }
}

/// Split an imported record into its front-matter lines and its body.
pub fn split(markdown: &str) -> (&str, &str) {
    let rest = markdown.strip_prefix("---\n").expect("front-matter opens the record");
    let end = rest.find("\n---\n").expect("front-matter is closed");
    (&rest[..end + 1], &rest[end + 5..])
}

/// The characters that carry words: letters and digits of any script (no whitespace, punctuation
/// or Markdown syntax).
pub fn word_chars(s: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    for (no, line) in s.lines().enumerate() {
        for c in line.chars().filter(|c| c.is_alphanumeric()) {
            out.push((no + 1, c));
        }
    }
    out
}

/// The body with the Markdown syntax taken out: heading marks, list bullets, table rules.
pub fn strip_markdown(body: &str) -> String {
    let mut out = String::new();
    for line in body.lines() {
        let t = line.trim_start();
        let t = t.trim_start_matches('#').trim_start();
        let t = t.strip_prefix("- ").unwrap_or(t);
        if t.starts_with('|') && t.chars().all(|c| "|- ".contains(c)) {
            continue;
        }
        out.push_str(t);
        out.push('\n');
    }
    out
}

/// The source's word characters that do not appear, in order, in the output: each as
/// (source line, character). Line by line: a line whose characters follow in order close to where
/// the last one ended is kept; otherwise the longest common subsequence with the output there
/// tells exactly which characters are missing, and the check goes on after it.
pub fn missing_words(source: &str, output: &str) -> Vec<(usize, char)> {
    let out: Vec<char> = word_chars(output).into_iter().map(|(_, c)| c).collect();
    let mut lines: Vec<(usize, Vec<char>)> = Vec::new();
    for (line, c) in word_chars(source) {
        match lines.last_mut() {
            Some((l, cs)) if *l == line => cs.push(c),
            _ => lines.push((line, vec![c])),
        }
    }
    let mut cursor = 0;
    let mut missing = Vec::new();
    for (line, chars) in lines {
        let limit = (cursor + 3 * chars.len() + 64).min(out.len());
        let mut at = cursor;
        let greedy = chars.iter().all(|c| match out[at..limit].iter().position(|o| o == c) {
            Some(p) => {
                at += p + 1;
                true
            }
            None => false,
        });
        if greedy {
            cursor = at;
            continue;
        }
        let window = &out[cursor..(cursor + 2 * chars.len() + 200).min(out.len())];
        let (n, m) = (chars.len(), window.len());
        let mut dp = vec![vec![0u32; m + 1]; n + 1];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                dp[i][j] = if chars[i] == window[j] {
                    dp[i + 1][j + 1] + 1
                } else {
                    dp[i + 1][j].max(dp[i][j + 1])
                };
            }
        }
        let (mut i, mut j, mut last) = (0, 0, 0);
        while i < n {
            if j < m && chars[i] == window[j] && dp[i][j] == dp[i + 1][j + 1] + 1 {
                last = j + 1;
                i += 1;
                j += 1;
            } else if j < m && dp[i][j + 1] >= dp[i + 1][j] {
                j += 1;
            } else {
                missing.push((line, chars[i]));
                i += 1;
            }
        }
        cursor += last;
    }
    missing
}

/// A readable report of missing characters, grouped by source line.
pub fn report(missing: &[(usize, char)], source: &str) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let mut s = String::new();
    let mut last = 0;
    for &(line, c) in missing {
        if line != last {
            s.push_str(&format!(
                "\nline {line}: {}\n  missing: ",
                lines.get(line - 1).unwrap_or(&"")
            ));
            last = line;
        }
        s.push(c);
    }
    s
}

/// Undo the one reordering the importer does: `### 臨時動議一：TEXT（提案單位：UNIT）` was the
/// source line `UNIT：TEXT`.
pub fn unreorder_motions(body: &str) -> String {
    let mut out = String::new();
    for line in body.lines() {
        let moved = line.strip_prefix("### 臨時動議").and_then(|rest| {
            let (_, rest) = rest.split_once('：')?;
            let (text, unit) = rest.strip_suffix('）')?.rsplit_once("（提案單位：")?;
            Some(format!("{unit}：{text}"))
        });
        out.push_str(moved.as_deref().unwrap_or(line));
        out.push('\n');
    }
    out
}
