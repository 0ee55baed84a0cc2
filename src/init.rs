//! `minutebook init [DIR]`: start a new site that builds and checks clean at once —
//! `minutebook.yaml` (title, organisation, language, base URL, a small registry the example uses
//! and commented examples of the rest), one example record marked as an example, `.gitignore`, and
//! with `--ci github|gitlab` a workflow that builds on every commit and deploys to Pages.
//!
//! Nothing the user has is overwritten: a folder that already holds `minutebook.yaml` is refused,
//! every other file is created new (`create_new`), and an existing `.gitignore` only gains the lines
//! it lacks.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use crate::config::CONFIG_FILE;
use crate::content::CONTENT_DIR;
use crate::diagnostics::Diagnostic;
use crate::messages::Msg;

/// The CI service a generated workflow targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ci {
    /// `.github/workflows/minutebook.yml`: build on every push, deploy `main` to GitHub Pages.
    Github,
    /// `.gitlab-ci.yml`: build on every push, publish the default branch with GitLab Pages.
    Gitlab,
}

/// What `minutebook init` was asked for. `None` fields are asked for on a terminal (when `ask`),
/// otherwise their defaults are used.
#[derive(Debug, Clone)]
pub struct InitOptions {
    pub dir: PathBuf,
    pub title: Option<String>,
    pub organization: Option<String>,
    /// `zh-Hant-TW` or `en`.
    pub language: Option<String>,
    pub base_url: Option<String>,
    pub ci: Option<Ci>,
    /// Ask for missing values on standard input (the caller sets this when it is a terminal).
    pub ask: bool,
}

/// The values a new site is written with, after asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    pub title: String,
    pub organization: String,
    pub language: String,
    pub base_url: String,
}

/// What `init` wrote, relative to the site folder, in the order written.
#[derive(Debug, Default)]
pub struct Written {
    pub files: Vec<PathBuf>,
    /// `.gitignore` existed and gained lines.
    pub gitignore_extended: bool,
}

const DEFAULT_ORG: &str = "本機關";
const DEFAULT_URL: &str = "https://minutes.example.gov.tw/";

/// Fill in the missing answers: from `input` (one line per question, empty for the default) when
/// `opts.ask`, else from the defaults. Questions go to `prompt`.
pub fn answers(opts: &InitOptions, input: &mut dyn BufRead, prompt: &mut dyn Write) -> Answers {
    let mut ask = |question: &str, given: &Option<String>, default: &str| -> String {
        if let Some(v) = given {
            return v.trim().to_string();
        }
        if !opts.ask {
            return default.to_string();
        }
        let _ = write!(prompt, "{question} [{default}]: ");
        let _ = prompt.flush();
        let mut line = String::new();
        match input.read_line(&mut line) {
            Ok(n) if n > 0 && !line.trim().is_empty() => line.trim().to_string(),
            _ => default.to_string(),
        }
    };
    let organization = ask("機關名稱 organisation", &opts.organization, DEFAULT_ORG);
    let title = ask("網站標題 site title", &opts.title, &format!("{organization}會議紀錄"));
    let language = ask("網站語言 language (zh-Hant-TW / en)", &opts.language, "zh-Hant-TW");
    let base_url = ask("網址 base URL", &opts.base_url, DEFAULT_URL);
    Answers {
        title,
        organization,
        language,
        base_url,
    }
}

/// Check the answers before anything is written; every problem is reported together.
fn validate(a: &Answers) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    if a.title.is_empty() {
        d.push(Diagnostic::error("--title", 0, 0, Msg::TitleEmpty).with_help(Msg::HelpPassTitle));
    }
    if a.language != "zh-Hant-TW" && a.language != "en" {
        d.push(
            Diagnostic::error(
                "--language",
                0,
                0,
                Msg::NoSuchLanguage {
                    language: a.language.clone(),
                },
            )
            .with_help(Msg::HelpLanguages),
        );
    }
    if !(a.base_url.starts_with("https://") || a.base_url.starts_with("http://")) {
        d.push(
            Diagnostic::error(
                "--base-url",
                0,
                0,
                Msg::NotAnHttpAddress {
                    url: a.base_url.clone(),
                },
            )
            .with_help(Msg::HelpPassBaseUrl),
        );
    }
    d
}

/// Write the new site. Refuses a folder that already has a `minutebook.yaml`, and any file that
/// already exists (nothing is overwritten).
pub fn init(opts: &InitOptions, a: &Answers) -> Result<Written, Vec<Diagnostic>> {
    let mut diags = validate(a);
    let config = opts.dir.join(CONFIG_FILE);
    if config.exists() {
        diags.push(Diagnostic::error(&config, 0, 0, Msg::SiteExists).with_help(Msg::HelpNewFolder));
    }
    let mut plan: Vec<(PathBuf, String)> = vec![
        (PathBuf::from(CONFIG_FILE), config_text(a)),
        (
            Path::new(CONTENT_DIR).join("2024").join("meeting-1.md"),
            example_record(&a.organization),
        ),
    ];
    match opts.ci {
        Some(Ci::Github) => plan.push((PathBuf::from(".github/workflows/minutebook.yml"), github_workflow())),
        Some(Ci::Gitlab) => plan.push((PathBuf::from(".gitlab-ci.yml"), gitlab_ci())),
        None => {}
    }
    for (rel, _) in &plan {
        let p = opts.dir.join(rel);
        if p.exists() && rel != Path::new(CONFIG_FILE) {
            diags.push(Diagnostic::error(&p, 0, 0, Msg::FileExists).with_help(Msg::HelpMoveAway));
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    let mut written = Written::default();
    for (rel, text) in &plan {
        let p = opts.dir.join(rel);
        create_new(&p, text)?;
        written.files.push(rel.clone());
    }
    let gi = opts.dir.join(".gitignore");
    let existing = std::fs::read_to_string(&gi).unwrap_or_default();
    let missing: Vec<&str> = GITIGNORE
        .lines()
        .filter(|l| !l.is_empty() && !existing.lines().any(|e| e.trim() == *l))
        .collect();
    if !missing.is_empty() {
        let mut text = existing.clone();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        for l in missing {
            text.push_str(l);
            text.push('\n');
        }
        std::fs::write(&gi, text).map_err(|e| vec![io_error(&gi, &e)])?;
        if existing.is_empty() {
            written.files.push(PathBuf::from(".gitignore"));
        } else {
            written.gitignore_extended = true;
        }
    }
    Ok(written)
}

fn io_error(p: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(p, 0, 0, Msg::CannotWriteInit { error: e.to_string() }).with_help(Msg::HelpWritableFolder)
}

fn create_new(p: &Path, text: &str) -> Result<(), Vec<Diagnostic>> {
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).map_err(|e| vec![io_error(parent, &e)])?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(p)
        .map_err(|e| vec![io_error(p, &e)])?;
    f.write_all(text.as_bytes()).map_err(|e| vec![io_error(p, &e)])
}

/// A YAML scalar, double-quoted when it could be read as anything but the text itself.
fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_whitespace())
        && !s.ends_with(char::is_whitespace)
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.chars().any(char::is_control)
        && !matches!(s, "true" | "false" | "null" | "yes" | "no" | "~")
        && s.parse::<f64>().is_err();
    if plain {
        return s.to_string();
    }
    serde_json::to_string(s).expect("a string serializes")
}

fn config_text(a: &Answers) -> String {
    format!(
        r#"# minutebook site configuration. Unknown keys are errors; `minutebook check` reports every problem.
# The README's "Site configuration" section documents every key.
title: {title}
base_url: {base_url}
language: {language}                  # the pages' language: zh-Hant-TW or en
organization: {organization}
# description: 本會歷次會議紀錄          # optional, for the home page and metadata
per_page: 30

# The registries: the names the records use, with a short ASCII slug for the address of each page.
# A record may name only registered units, topics and series; aliases are the short forms in the text.
series:
  - {{ name: 委員會議, slug: meeting }}
  # - {{ name: 業務會報, slug: briefing, aliases: [會報] }}
units:
  - {{ name: 秘書室, slug: secretariat }}
  # - {{ name: 資訊室, slug: it, aliases: [資訊組], en: Information Office }}
topics:
  - {{ name: 開放資料, slug: open-data, aliases: [資料開放] }}
  # - {{ name: 資通安全, slug: cybersecurity, aliases: [資安] }}
"#,
        title = scalar(&a.title),
        base_url = scalar(&a.base_url),
        language = a.language,
        organization = scalar(&a.organization),
    )
}

fn example_record(org: &str) -> String {
    format!(
        r#"---
# 範例紀錄 (an example record written by `minutebook init`): replace it with your own minutes,
# or delete it. `minutebook new` and `minutebook import` write new records.
title: 第1次委員會議紀錄（範例）
series: 委員會議
number: 1
date: 2024-01-15
time: "14:00-15:30"
location: {org}第一會議室
chair: 王主任委員
recorder: 李秘書
attendees: [陳委員, 林委員, 張委員]
units: [秘書室]
topics: [開放資料]
---

## 壹、主席致詞

（略）

## 貳、報告事項

### 案由一：本會會議紀錄上網公開情形，報請公鑒。

報告單位：秘書室

說明：本會會議紀錄自本次起以開放資料格式公開。

決定：洽悉。

## 參、散會：下午3時30分
"#,
        org = org.trim()
    )
}

const GITIGNORE: &str = "/public\n/.minutebook-*\n";

/// Where the generated CI workflows download minutebook from: the Linux archive that
/// `.github/workflows/release.yml` attaches to the release of this very version, at the project's
/// home (`repository` in Cargo.toml). A test checks the name against the release workflow's.
pub fn release_archive_url() -> String {
    let version = env!("CARGO_PKG_VERSION");
    format!(
        "{}/releases/download/v{version}/minutebook-v{version}-x86_64-unknown-linux-gnu.tar.gz",
        env!("CARGO_PKG_REPOSITORY").trim_end_matches('/')
    )
}

fn fill_release(template: &str) -> String {
    template
        .replace("@VERSION@", env!("CARGO_PKG_VERSION"))
        .replace("@URL@", &release_archive_url())
}

fn github_workflow() -> String {
    fill_release(GITHUB_WORKFLOW)
}

fn gitlab_ci() -> String {
    fill_release(GITLAB_CI)
}

const GITHUB_WORKFLOW: &str = r#"# Written by `minutebook init --ci github`: check and build the site on every push and pull request,
# and deploy the default branch to GitHub Pages (Settings → Pages → Source: GitHub Actions).
name: minutebook
on:
  push:
  pull_request:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: false
env:
  # The Linux archive of minutebook @VERSION@, the release that wrote this file; to upgrade, put
  # another release's version in this address.
  MINUTEBOOK_URL: "@URL@"
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: install minutebook
        run: |
          curl -fsSL "$MINUTEBOOK_URL" | tar xz --strip-components=1 -C "$RUNNER_TEMP"
          echo "$RUNNER_TEMP" >> "$GITHUB_PATH"
      - run: minutebook check
      - id: pages
        uses: actions/configure-pages@v5
      - run: minutebook build --base-url "${{ steps.pages.outputs.base_url }}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public
  deploy:
    if: github.ref == format('refs/heads/{0}', github.event.repository.default_branch)
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"#;

const GITLAB_CI: &str = r#"# Written by `minutebook init --ci gitlab`: check and build the site on every push, and publish the
# default branch with GitLab Pages (the job must be named `pages` and leave the site in public/).
image: ubuntu:24.04
variables:
  # The Linux archive of minutebook @VERSION@, the release that wrote this file; to upgrade, put
  # another release's version in this address.
  MINUTEBOOK_URL: "@URL@"
default:
  before_script:
    - apt-get update -qq && apt-get install -y -qq curl ca-certificates >/dev/null
    - mkdir -p /opt/minutebook && curl -fsSL "$MINUTEBOOK_URL" | tar xz --strip-components=1 -C /opt/minutebook
    - export PATH="/opt/minutebook:$PATH"
build:
  script:
    - minutebook check
    - minutebook build
  rules:
    - if: $CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH
pages:
  script:
    - minutebook build --base-url "$CI_PAGES_URL/"
  artifacts:
    paths: [public]
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(dir: &Path) -> InitOptions {
        InitOptions {
            dir: dir.to_path_buf(),
            title: None,
            organization: None,
            language: None,
            base_url: None,
            ci: None,
            ask: true,
        }
    }

    #[test]
    fn questions_take_typed_answers_and_defaults() {
        let o = opts(Path::new("x"));
        let mut input = std::io::Cursor::new("臺北市政府\n\nen\n\n");
        let mut prompt = Vec::new();
        let a = answers(&o, &mut input, &mut prompt);
        assert_eq!(
            a,
            Answers {
                title: "臺北市政府會議紀錄".into(),
                organization: "臺北市政府".into(),
                language: "en".into(),
                base_url: DEFAULT_URL.into(),
            }
        );
        let shown = String::from_utf8(prompt).unwrap();
        assert!(shown.contains("網站標題 site title [臺北市政府會議紀錄]: "), "{shown}");
    }

    #[test]
    fn scalars_that_yaml_would_misread_are_quoted() {
        assert_eq!(scalar("某某會議紀錄"), "某某會議紀錄");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("#1"), "\"#1\"");
        assert_eq!(scalar("2024"), "\"2024\"");
    }
}
