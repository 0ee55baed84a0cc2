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
    /// the `--language` given for the new site), else Traditional Chinese. The tools for
    /// developers (generate, bench) speak English.
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
            Command::Generate { .. }
            | Command::Bench { .. }
            | Command::BenchRebuild { .. }
            | Command::BenchIndex { .. } => Lang::En,
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
    /// Write a deterministic, realistic archive of generated minutes (for benchmarks and trials).
    Generate {
        /// The folder to create (refused if it holds anything but an earlier generated archive).
        dir: PathBuf,
        /// How many records.
        #[arg(long, default_value_t = 1000)]
        records: usize,
        /// The seed; the same seed gives byte-identical files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Measure full builds (tmpfs and disk) and preview rebuilds on generated archives.
    Bench {
        /// Archive sizes, comma-separated.
        #[arg(long, value_delimiter = ',', default_value = "1000,10000,50000")]
        records: Vec<usize>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Runs per measurement (the median is reported).
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Where generated archives are cached.
        #[arg(long, default_value = "target/bench")]
        work: PathBuf,
        /// A tmpfs folder for the output.
        #[arg(long, default_value = "/dev/shm")]
        tmpfs: PathBuf,
        /// Only the search table (index, query transfer, time to first results in Chromium).
        #[arg(long)]
        search_only: bool,
    },
    /// Turn minutes that arrived as plain text (.txt) or a Word file (.docx) into a record.
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
        /// List every line removed as page furniture (page numbers, running headers).
        #[arg(long, short = 'v')]
        verbose: bool,
        /// The language of messages: zh-Hant-TW or en [default: the site's `language`].
        #[arg(long, value_enum, value_name = "LANG")]
        lang: Option<Lang>,
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
    /// Measure preview rebuilds on one site (used by `bench`, in a process of its own).
    #[command(hide = true)]
    BenchRebuild {
        #[arg(long)]
        root: PathBuf,
    },
    /// Measure the search index step alone on one site (used by `bench`, in a process of its own).
    #[command(hide = true)]
    BenchIndex {
        #[arg(long)]
        root: PathBuf,
        /// Where the index files are written (and removed afterwards).
        #[arg(long, default_value = "/dev/shm")]
        scratch: PathBuf,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
    },
}
