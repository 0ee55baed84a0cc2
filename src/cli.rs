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

/// The Chinese of every `--help` text, by subcommand (`""` for `minutebook` itself) and argument
/// id (`""` for the command's own description). The English is the doc comment on each
/// declaration above; a test checks that every command and argument has its Chinese here and that
/// nothing here names one that does not exist.
const ZH_HELP: &[(&str, &str, &str)] = &[
    ("", "", "把會議紀錄發布成可搜尋的靜態網站"),
    ("build", "", "把網站建置到輸出資料夾（先寫入暫存資料夾，完成後整個換上）。"),
    ("check", "", "檢查建置時會檢查的一切並列出問題，不寫入任何檔案。"),
    ("import", "", "把收到的文字檔（.txt）、Word（.docx）、ODF（.odt）或 PDF 會議紀錄轉成一份草稿紀錄。"),
    (
        "init",
        "",
        "在 DIR 建立新網站：minutebook.yaml、一份範例紀錄、.gitignore，加上 --ci 時還有 CI 工作流程。\
         沒有給的值會在終端機上詢問；不覆寫任何既有檔案。",
    ),
    ("new", "", "在 content/<年>/<會議代稱>-<次>.md 寫一份新紀錄，前置資料已填好。"),
    ("serve", "", "在本機網頁伺服器上預覽網站；每次修改後重新建置，並重新載入開著的頁面。"),
    ("*", "root", "網站資料夾（放 minutebook.yaml 和 content/ 的那個）。"),
    ("*", "drafts", "納入標記為 `draft: true` 的紀錄。"),
    ("*", "future", "納入 publish_date 還沒到的紀錄。"),
    ("*", "base_url", "覆寫 minutebook.yaml 的 base_url（例如測試站）。"),
    ("*", "lang", "訊息的語言：zh-Hant-TW 或 en［預設：網站的 `language`］。"),
    (
        "*",
        "message_format",
        "診斷訊息的輸出方式：human（標準錯誤）、json（每行一個物件，輸出到標準輸出）或 github（GitHub Actions 註記，輸出到標準輸出）。",
    ),
    ("*", "quiet", "只印出錯誤（加 --deny-warnings 時也印出警告）：不印摘要、警告或建議。"),
    ("*", "deny_warnings", "把警告當成錯誤：有任何警告就以 1 結束。"),
    ("build", "output", "網站寫到哪裡［預設：<root>/public］。"),
    ("build", "no_cache", "重新產生每個頁面；不讀也不寫建置快取（<root>/.minutebook-cache/）。"),
    ("import", "file", "要匯入的 .txt、.docx、.odt 或 .pdf 檔。"),
    (
        "import",
        "out",
        "紀錄寫到哪裡［預設：--root 下的 content/<年>/<會議>-<次>.md；檔案沒有日期時為 content/undated/…，\
         標題看不出會議與次別時為 …/untitled.md］。",
    ),
    ("import", "root", "網站資料夾，其 minutebook.yaml 登記單位與會議。"),
    (
        "import",
        "verbose",
        "列出當作版面文字移除的每一行（頁碼、頁首、頁尾），以及因前置資料已記下而不放進內文的每一行表頭。",
    ),
    (
        "import",
        "register",
        "把紀錄提到、但 minutebook.yaml 沒有登記的會議與單位（用匯入器建議的代稱）加進 minutebook.yaml，再用它們匯入。",
    ),
    ("init", "dir", "新網站的資料夾（不存在就建立）。"),
    ("init", "title", "網站標題［預設：<organization>會議紀錄］。"),
    ("init", "organization", "發布機關，顯示在頁尾與中繼資料。"),
    ("init", "language", "頁面的語言：zh-Hant-TW 或 en［預設：zh-Hant-TW］。"),
    ("init", "base_url", "網站發布的網址［預設：https://minutes.example.gov.tw/］。"),
    ("init", "ci", "另寫一個工作流程：每次提交都建置，並部署到 GitHub Pages 或 GitLab Pages。"),
    ("init", "yes", "什麼都不問：沒有用旗標給的值一律用預設值。"),
    ("init", "lang", "訊息的語言：zh-Hant-TW 或 en［預設：--language，否則 zh-Hant-TW］。"),
    ("new", "series", "會議：名稱、代稱或別名（例如 主管會議）。"),
    ("new", "date", "開會日期：2024-10-16、113-10-16 或 民國113年10月16日。"),
    ("new", "number", "本次是這個會議的第幾次，從 1 起算（第5次 → 5）。"),
    ("new", "title", "標題［預設：第{number}次{series}紀錄］。"),
    ("serve", "port", "要監聽的連接埠（0 表示任選一個空著的）。"),
    ("serve", "bind", "要監聽的位址。"),
    ("serve", "open", "用預設瀏覽器開啟網站。"),
];

const ZH_LONG_ABOUT: &str = "minutebook 把一個資料夾的會議紀錄（content/ 下附 YAML 前置資料的 Markdown，由 \
                             minutebook.yaml 設定）轉成靜態網站：有各單位、各主題、各會議與各年度的頁面，\
                             以及以正體中文為主的搜尋。";
const ZH_TEMPLATE: &str = "{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// The Chinese help of argument `id` of subcommand `sub`.
fn zh_help(sub: &str, id: &str) -> Option<&'static str> {
    let find = |s: &str| ZH_HELP.iter().find(|(c, a, _)| *c == s && *a == id).map(|e| e.2);
    find(sub).or_else(|| if id.is_empty() { None } else { find("*") })
}

/// The command line as clap declares it, its `--help` in `lang`: English as declared, Chinese
/// from [`ZH_HELP`] with Chinese headings, and defaults and accepted values written in Chinese.
pub fn command(lang: Lang) -> clap::Command {
    let cmd = <Cli as clap::CommandFactory>::command();
    if lang == Lang::En {
        return cmd;
    }
    let names: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_string()).collect();
    let mut cmd = zh_command(cmd, "")
        .long_about(ZH_LONG_ABOUT)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("顯示版本")
                .help_heading("選項"),
        )
        .disable_help_subcommand(true)
        .subcommand(
            clap::Command::new("help")
                .about("顯示本說明，或所給命令的說明")
                .arg(clap::Arg::new("command").value_name("命令").help("要看說明的命令"))
                .help_template(ZH_TEMPLATE)
                .disable_help_flag(true),
        );
    for name in names {
        cmd = cmd.mut_subcommand(name.clone(), |c| zh_command(c, &name));
    }
    cmd
}

fn zh_command(cmd: clap::Command, name: &str) -> clap::Command {
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    let mut cmd = cmd
        .about(zh_help(name, "").unwrap_or_default())
        .long_about(None)
        .help_template(ZH_TEMPLATE)
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("顯示說明")
                .help_heading("選項"),
        );
    for id in ids {
        let sub = name.to_string();
        cmd = cmd.mut_arg(id.clone(), move |a| {
            let mut text = zh_help(&sub, &id).unwrap_or_default().to_string();
            if a.get_action().takes_values() {
                let values: Vec<String> = a
                    .get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_string())
                    .collect();
                if !values.is_empty() && !values.iter().all(|v| text.contains(v.as_str())) {
                    text.push_str(&format!("［可用值：{}］", values.join("、")));
                }
                let defaults: Vec<String> = a
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                if !defaults.is_empty() && !text.contains("［預設") {
                    text.push_str(&format!("［預設：{}］", defaults.join("、")));
                }
            }
            let heading = if a.is_positional() { "引數" } else { "選項" };
            let takes_values = a.get_action().takes_values();
            let a = a.help(text).long_help(None).help_heading(heading);
            // The values and default are in the text above, in Chinese; clap's own would repeat them.
            if takes_values {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            }
        });
    }
    cmd
}

/// What the command line asks for instead of a command: help or the version (on standard output,
/// exit 0), or a usage error (on standard error, exit 2).
#[derive(Debug)]
pub struct Refusal {
    pub text: String,
    pub stdout: bool,
    pub code: u8,
}

/// Parse `args` (the program name first) into a [`Cli`], with `--help` and usage errors in the
/// language of the command's messages ([`early_lang`]); usage errors carry codes of the catalogue.
pub fn parse_from(args: &[std::ffi::OsString]) -> Result<Cli, Refusal> {
    let lang = early_lang(args);
    let mut cmd = command(lang);
    // `minutebook help [COMMAND]`, declared by hand in Chinese: the same as `COMMAND --help`.
    if lang != Lang::En && args.get(1).is_some_and(|a| a == "help") {
        let mut args = args.to_vec();
        args.remove(1);
        args.truncate(2);
        args.push("--help".into());
        return match cmd.try_get_matches_from_mut(&args) {
            Err(e) => Err(refusal(e, &mut cmd, &args, lang)),
            Ok(_) => unreachable_help(),
        };
    }
    match cmd.try_get_matches_from_mut(args) {
        Ok(m) => <Cli as clap::FromArgMatches>::from_arg_matches(&m).map_err(|e| refusal(e, &mut cmd, args, lang)),
        Err(e) => Err(refusal(e, &mut cmd, args, lang)),
    }
}

/// `--help` always ends the parse with clap's "display help" outcome; this is never reached.
fn unreachable_help() -> Result<Cli, Refusal> {
    Err(Refusal {
        text: String::new(),
        stdout: true,
        code: 0,
    })
}

/// The language of the messages before the command line is parsed: `--lang`, else (for `init`)
/// `--language`, else the `language` of the site at `--root` (or the current folder).
pub fn early_lang(args: &[std::ffi::OsString]) -> Lang {
    let words: Vec<String> = args.iter().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    let value = |names: &[&str]| -> Option<String> {
        let mut it = words.iter();
        while let Some(w) = it.next() {
            if w == "--" {
                break;
            }
            for n in names {
                if w == n {
                    return it.next().cloned();
                }
                if let Some(v) = w.strip_prefix(n).and_then(|v| v.strip_prefix('=')) {
                    return Some(v.to_string());
                }
            }
        }
        None
    };
    if let Some(l) = value(&["--lang"]) {
        return Lang::from_tag(&l);
    }
    if words.first().is_some_and(|w| w == "init") {
        return value(&["--language"]).map(|l| Lang::from_tag(&l)).unwrap_or_default();
    }
    let root = value(&["--root", "-r"]).unwrap_or_else(|| ".".to_string());
    crate::messages::site_lang(std::path::Path::new(&root), None)
}

fn refusal(e: clap::Error, cmd: &mut clap::Command, args: &[std::ffi::OsString], lang: Lang) -> Refusal {
    use crate::messages::Msg;
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            return Refusal {
                text: localized_usage(e.render().to_string(), lang),
                stdout: true,
                code: 0,
            }
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return Refusal {
                text: localized_usage(e.render().to_string(), lang),
                stdout: false,
                code: 2,
            }
        }
        _ => {}
    }
    let one = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let message = match e.kind() {
        ErrorKind::UnknownArgument => Msg::CliUnknownArgument {
            arg: one(ContextKind::InvalidArg),
        },
        ErrorKind::InvalidSubcommand => Msg::CliUnknownCommand {
            name: one(ContextKind::InvalidSubcommand),
        },
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => Msg::CliInvalidValue {
            arg: one(ContextKind::InvalidArg),
            value: one(ContextKind::InvalidValue),
        },
        ErrorKind::MissingRequiredArgument => Msg::CliMissingArgument {
            args: one(ContextKind::InvalidArg),
        },
        ErrorKind::ArgumentConflict => Msg::CliConflict {
            arg: one(ContextKind::InvalidArg),
            other: one(ContextKind::PriorArg),
        },
        ErrorKind::MissingSubcommand => Msg::CliMissingCommand,
        ErrorKind::WrongNumberOfValues | ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::NoEquals => {
            Msg::CliValueCount {
                arg: one(ContextKind::InvalidArg),
            }
        }
        _ => Msg::CliOther {
            message: e.kind().as_str().unwrap_or("unknown error").to_string(),
        },
    };
    let mut help = Vec::new();
    let suggested = [one(ContextKind::SuggestedArg), one(ContextKind::SuggestedSubcommand)];
    if let Some(s) = suggested.into_iter().find(|s| !s.is_empty()) {
        help.push(Msg::HelpDidYouMean { name: s }.render(lang));
    }
    let valid = one(ContextKind::ValidValue);
    if !valid.is_empty() {
        help.push(Msg::HelpCliValues { values: valid }.render(lang));
    }
    // The usage of the subcommand named on the command line (or of minutebook itself).
    let name = cmd.get_name().to_string();
    let sub = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy())
        .find(|a| !a.starts_with('-'))
        .filter(|a| cmd.find_subcommand(a.as_ref()).is_some())
        .map(|a| a.into_owned());
    let (usage, command) = match &sub {
        Some(s) => {
            let sc = cmd.find_subcommand_mut(s).expect("found above");
            (sc.render_usage().to_string(), format!("{name} {s}"))
        }
        None => (cmd.render_usage().to_string(), name),
    };
    let usage = usage.trim().strip_prefix("Usage:").unwrap_or(usage.trim()).trim();
    let usage = localized_usage(usage.to_string(), lang);
    help.push(Msg::HelpCliUsage { usage, command }.render(lang));
    let d = crate::diagnostics::Diagnostic::error("", 0, 0, message).with_help(help.join("\n"));
    Refusal {
        text: d.human(lang),
        stdout: false,
        code: 2,
    }
}

/// clap writes the options' place in a usage line as `[OPTIONS]`, whatever the headings say; in
/// Chinese it is `[選項]`, the heading the options are listed under.
fn localized_usage(text: String, lang: Lang) -> String {
    if lang == Lang::En {
        text
    } else {
        text.replace("[OPTIONS]", "[選項]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument has its Chinese help, and the table names nothing that is gone.
    #[test]
    fn every_help_text_has_its_chinese() {
        let cmd = <Cli as clap::CommandFactory>::command();
        let mut used = std::collections::BTreeSet::new();
        let mut missing = Vec::new();
        let mut check = |sub: &str, id: &str| {
            let found = ZH_HELP.iter().position(|(c, a, _)| *c == sub && *a == id).or_else(|| {
                ZH_HELP
                    .iter()
                    .position(|(c, a, _)| *c == "*" && *a == id && !id.is_empty())
            });
            match found {
                Some(i) => {
                    used.insert(i);
                }
                None => missing.push(format!("{sub} {id}")),
            }
        };
        check("", "");
        for sc in cmd.get_subcommands() {
            check(sc.get_name(), "");
            for a in sc.get_arguments() {
                check(sc.get_name(), a.get_id().as_str());
            }
        }
        assert!(missing.is_empty(), "no Chinese help for: {missing:?}");
        let unused: Vec<_> = (0..ZH_HELP.len())
            .filter(|i| !used.contains(i))
            .map(|i| ZH_HELP[i])
            .collect();
        assert!(unused.is_empty(), "Chinese help for nothing: {unused:?}");
    }

    #[test]
    fn the_language_is_known_before_the_command_line_is_parsed() {
        let args = |a: &[&str]| -> Vec<std::ffi::OsString> { a.iter().map(Into::into).collect() };
        let t = tempfile::tempdir().unwrap();
        std::fs::write(t.path().join("minutebook.yaml"), "title: x\nlanguage: en\n").unwrap();
        let root = t.path().to_str().unwrap();
        assert_eq!(early_lang(&args(&["mb", "build", "--root", root])), Lang::En);
        assert_eq!(early_lang(&args(&["mb", "build", &format!("--root={root}")])), Lang::En);
        assert_eq!(
            early_lang(&args(&["mb", "build", "-r", root, "--lang", "zh-Hant-TW"])),
            Lang::ZhHantTw
        );
        assert_eq!(early_lang(&args(&["mb", "init", "--language", "en"])), Lang::En);
        assert_eq!(early_lang(&args(&["mb", "check", "--lang=en"])), Lang::En);
    }
}
