//! The command line, declared with clap. No logic here: `main` maps these to library calls.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::messages::Lang;

#[derive(Parser, Debug)]
#[command(
    name = "minutebook",
    version,
    about = "Publish meeting minutes as a searchable static archive",
    long_about = "minutebook turns a folder of meeting minutes (Markdown with YAML front-matter under content/, \
                  configured by minutebook.yaml) into a static site with per-unit, per-topic, per-series and \
                  per-year pages and a Traditional-Chinese-first search."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

impl Command {
    /// The language of this command's messages: `--lang`, else the site's `language` (for `init`,
    /// the `--language` given for the new site), else Traditional Chinese.
    pub fn lang(&self) -> Lang {
        match self {
            Command::Build { site, .. } | Command::Check { site, .. } | Command::Serve { site, .. } => {
                crate::messages::site_lang(&site.root, site.lang)
            }
            Command::Import { root, lang, .. } | Command::New { root, lang, .. } => {
                crate::messages::site_lang(root, *lang)
            }
            Command::Init { lang, language, .. } => {
                lang.unwrap_or_else(|| language.as_deref().map(Lang::from_tag).unwrap_or_default())
            }
        }
    }

    /// How this command reports its diagnostics (the defaults for commands without the flags).
    pub fn report(&self) -> ReportArgs {
        match self {
            Command::Build { report, .. } | Command::Check { report, .. } => report.clone(),
            _ => ReportArgs::default(),
        }
    }
}

#[derive(Args, Debug, Clone)]
pub struct SiteArgs {
    /// The site folder (the one holding minutebook.yaml and content/).
    #[arg(long, short = 'r', default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Include records marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Include records whose publish_date is still in the future.
    #[arg(long)]
    pub future: bool,
    /// Override base_url from minutebook.yaml (e.g. for a staging host).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// The language of messages: zh-Hant-TW or en [default: the site's `language`].
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
}

/// The CI service `init --ci` writes a workflow for.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiService {
    Github,
    Gitlab,
}

/// How `build` and `check` report (for CI).
#[derive(Args, Debug, Clone, Default)]
pub struct ReportArgs {
    /// How diagnostics are printed: human (standard error), json (one object per line on standard
    /// output) or github (GitHub Actions annotations on standard output).
    #[arg(long, value_enum, default_value_t = crate::diagnostics::MessageFormat::Human, value_name = "FORMAT")]
    pub message_format: crate::diagnostics::MessageFormat,
    /// Print only errors (and warnings under --deny-warnings): no summary, no warnings or suggestions.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Treat warnings as errors: exit with 1 when there is any.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site into the output folder (written to a temporary folder, then swapped in).
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site [default: <root>/public].
        #[arg(long, short = 'o', value_name = "DIR")]
        output: Option<PathBuf>,
        /// Render every page; neither read nor write the build cache (<root>/.minutebook-cache/).
        #[arg(long)]
        no_cache: bool,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Validate everything a build validates and report problems, writing nothing.
    Check {
        #[command(flatten)]
        site: SiteArgs,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Turn minutes that arrived as text (.txt), Word (.docx), ODF (.odt) or PDF into a draft record.
    Import {
        /// The .txt, .docx, .odt or .pdf file.
        file: PathBuf,
        /// Where to write the record [default: content/<year>/<series>-<number>.md under --root;
        /// content/undated/… when the file names no date, …/untitled.md when its title gives no
        /// series and number].
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// The site folder whose minutebook.yaml registers units and series.
        #[arg(long, short = 'r', default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// List every line removed as page furniture (page numbers, running headers) and every
        /// header line left out of the body because the front-matter holds it.
        #[arg(long, short = 'v')]
        verbose: bool,
        /// The language of messages: zh-Hant-TW or en [default: the site's `language`].
        #[arg(long, value_enum, value_name = "LANG")]
        lang: Option<Lang>,
        /// Add the series and units the record names that minutebook.yaml does not register (with
        /// the slugs the importer proposes) to minutebook.yaml, then import with them.
        #[arg(long)]
        register: bool,
    },
    /// Start a new site in DIR: minutebook.yaml, an example record, .gitignore, and a CI workflow
    /// with --ci. Missing values are asked for on a terminal; nothing existing is overwritten.
    Init {
        /// The folder of the new site (created if missing).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The site title [default: <organization>會議紀錄].
        #[arg(long)]
        title: Option<String>,
        /// The publishing body, shown in the footer and metadata.
        #[arg(long)]
        organization: Option<String>,
        /// The pages' language: zh-Hant-TW or en [default: zh-Hant-TW].
        #[arg(long)]
        language: Option<String>,
        /// The address the site is published at [default: https://minutes.example.gov.tw/].
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Also write a workflow that builds on every commit and deploys to GitHub or GitLab Pages.
        #[arg(long, value_enum)]
        ci: Option<CiService>,
        /// Ask nothing: take the defaults for every value not given as a flag.
        #[arg(long, short = 'y')]
        yes: bool,
        /// The language of messages: zh-Hant-TW or en [default: --language, else zh-Hant-TW].
        #[arg(long, value_enum, value_name = "LANG")]
        lang: Option<Lang>,
    },
    /// Write a new record at content/<year>/<series-slug>-<number>.md with its front-matter filled in.
    New {
        /// The site folder (the one holding minutebook.yaml and content/).
        #[arg(long, short = 'r', default_value = ".", value_name = "DIR")]
        root: PathBuf,
        /// The series: its name, slug or an alias (e.g. 主管會議).
        #[arg(long)]
        series: String,
        /// The meeting date: 2024-10-16, 113-10-16 or 民國113年10月16日.
        #[arg(long)]
        date: String,
        /// The meeting's number in its series, from 1 (第5次 → 5).
        #[arg(long)]
        number: Option<u32>,
        /// The title [default: 第{number}次{series}紀錄].
        #[arg(long)]
        title: Option<String>,
        /// The language of messages: zh-Hant-TW or en [default: the site's `language`].
        #[arg(long, value_enum, value_name = "LANG")]
        lang: Option<Lang>,
    },
    /// Preview the site on a local web server; rebuilds and reloads open pages on every change.
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// The port to listen on (0 picks a free one).
        #[arg(long, short = 'p', default_value_t = 1111)]
        port: u16,
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
        bind: String,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
}
