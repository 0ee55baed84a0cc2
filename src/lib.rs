//! minutebook: publish meeting minutes as a searchable static archive.
//!
//! The pipeline, top-down: [`yaml`] parses YAML with positions; [`config`] reads `minutebook.yaml`; [`content`] finds and validates the
//! records; [`markdown`] renders their bodies; [`minutes`] reads agenda items, decisions, unit
//! reports and mentions; [`model`] assembles the archive; [`listing`] groups it by unit, topic,
//! series and year; [`pages`] and [`render`] turn it into HTML through the theme; [`output`]
//! writes it atomically. [`build`] runs those steps; [`cli`] and `main` are the command line.

/// `println!` that tolerates a closed standard output (see [`stdio`]).
#[macro_export]
macro_rules! outln {
    () => { $crate::stdio::out(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::stdio::out(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `eprint!` that tolerates a closed standard error (see [`stdio`]).
#[macro_export]
macro_rules! errprint {
    ($($arg:tt)*) => { $crate::stdio::err(format_args!($($arg)*)) };
}

/// `eprintln!` that tolerates a closed standard error (see [`stdio`]).
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => { $crate::stdio::err(format_args!("{}\n", format_args!($($arg)*))) };
}

pub mod build;
pub mod cache;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod feeds;
pub mod followups;
#[doc(hidden)]
pub mod fuzzing;
pub mod import;
pub mod init;
pub mod listing;
pub mod markdown;
pub mod messages;
pub mod meta;
pub mod minutes;
pub mod model;
pub mod opendata;
pub mod output;
pub mod pages;
pub mod render;
pub mod scaffold;
pub mod scratch;
pub mod search;
pub mod serve;
pub mod site;
pub mod stdio;
pub mod text;
pub mod timing;
pub mod yaml;

use std::process::ExitCode;

use build::BuildOptions;
use cli::{Command, SiteArgs};
use diagnostics::Diagnostic;
use messages::{Lang, Msg};

fn options(site: &SiteArgs) -> BuildOptions {
    let mut o = BuildOptions::new(&site.root);
    o.drafts = site.drafts;
    o.future = site.future;
    o.base_url = site.base_url.clone();
    o
}

/// Print diagnostics as `report` asks: human text on standard error, JSON or GitHub annotations on
/// standard output; under `--quiet` only errors (and warnings when they are denied).
pub fn print_diagnostics(diags: &[Diagnostic], report: &cli::ReportArgs, lang: Lang) {
    for d in diags {
        let shown =
            !report.quiet || d.is_error() || (report.deny_warnings && d.severity == diagnostics::Severity::Warning);
        if !shown {
            continue;
        }
        match report.message_format {
            diagnostics::MessageFormat::Human => errprint!("{}", d.human(lang)),
            f => stdio::out(format_args!("{}", d.render(f, lang))),
        }
    }
}

/// The closing line of a command, on standard output (standard error in the machine formats, so
/// that standard output holds only diagnostics); nothing under `--quiet`.
fn summary(line: &str, report: &cli::ReportArgs) {
    if report.quiet {
        return;
    }
    match report.message_format {
        diagnostics::MessageFormat::Human => outln!("{line}"),
        _ => errln!("{line}"),
    }
}

fn denied(diags: &[Diagnostic], report: &cli::ReportArgs) -> bool {
    report.deny_warnings && diags.iter().any(|d| d.severity == diagnostics::Severity::Warning)
}

/// Run one command, its messages in `lang` ([`Command::lang`]). Errors come back as diagnostics
/// for `main` to print.
pub fn run(cmd: Command, lang: Lang) -> Result<ExitCode, Vec<Diagnostic>> {
    match cmd {
        Command::Build {
            site,
            output,
            no_cache,
            report: r,
        } => {
            let mut o = options(&site);
            o.cache = !no_cache;
            if let Some(out) = output {
                o.output = out;
            }
            if !r.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()) {
                errln!(
                    "{}",
                    Msg::Building {
                        root: o.root.display().to_string()
                    }
                    .render(lang)
                );
            }
            let report = build::build(&o)?;
            print_diagnostics(&report.warnings, &r, lang);
            summary(&report.summary(lang), &r);
            let wrote = Msg::Wrote {
                path: o.output.display().to_string(),
            };
            summary(&wrote.render(lang), &r);
            if denied(&report.warnings, &r) {
                errln!("{}", Msg::WarningsDenied.render(lang));
                return Ok(ExitCode::FAILURE);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            file,
            out,
            root,
            verbose,
            lang: _,
            register,
        } => run_import(&file, out.as_deref(), &root, verbose, register, lang),
        Command::Check { site, report: r } => {
            let o = options(&site);
            match check::check(&o) {
                Ok(c) => {
                    print_diagnostics(&c.findings, &r, lang);
                    summary(&c.summary(lang), &r);
                    let failed = c.count(diagnostics::Severity::Error) > 0 || denied(&c.findings, &r);
                    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
                }
                Err(diags) => {
                    print_diagnostics(&diags, &r, lang);
                    let errors = diags.iter().filter(|d| d.is_error()).count();
                    summary(&Msg::CheckFailed { errors }.render(lang), &r);
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Command::Init {
            dir,
            title,
            organization,
            language,
            base_url,
            ci,
            yes,
            lang: _,
        } => {
            let opts = init::InitOptions {
                dir: dir.clone(),
                title,
                organization,
                language,
                base_url,
                ci: ci.map(|c| match c {
                    cli::CiService::Github => init::Ci::Github,
                    cli::CiService::Gitlab => init::Ci::Gitlab,
                }),
                ask: !yes && std::io::IsTerminal::is_terminal(&std::io::stdin()),
            };
            let answers = init::answers(&opts, &mut std::io::stdin().lock(), &mut std::io::stderr());
            let written = init::init(&opts, &answers)?;
            for f in &written.files {
                let path = diagnostics::slashed(&dir.join(f));
                outln!("{}", Msg::Wrote { path }.render(lang));
            }
            if written.gitignore_extended {
                let path = diagnostics::slashed(&dir.join(".gitignore"));
                outln!("{}", Msg::GitignoreExtended { path }.render(lang));
            }
            let dir = diagnostics::slashed(&dir);
            outln!("{}", Msg::InitNext { dir }.render(lang));
            Ok(ExitCode::SUCCESS)
        }
        Command::New {
            root,
            series,
            date,
            number,
            title,
            lang: _,
        } => {
            let rel = scaffold::new_record(&scaffold::NewRecord {
                root: root.clone(),
                series,
                date,
                number,
                title,
            })?;
            let path = diagnostics::slashed(&root.join(rel));
            outln!("{}", Msg::Wrote { path }.render(lang));
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve { site, port, bind, open } => {
            let o = options(&site);
            let result = serve::run(serve::ServeOptions {
                build: o,
                bind,
                port,
                open,
                lang: site.lang,
            });
            match result {
                Ok(()) => Ok(ExitCode::SUCCESS),
                // Serve writes nothing to disk: its closing line must not say "nothing was written".
                Err(diags) => {
                    for d in &diags {
                        errprint!("{}", d.human(lang));
                    }
                    errln!("{}", Msg::ServeDidNotStart.render(lang));
                    Ok(ExitCode::FAILURE)
                }
            }
        }
    }
}

fn run_import(
    file: &std::path::Path,
    out: Option<&std::path::Path>,
    root: &std::path::Path,
    verbose: bool,
    register: bool,
    lang: Lang,
) -> Result<ExitCode, Vec<Diagnostic>> {
    let config_path = root.join(config::CONFIG_FILE);
    if register && !config_path.is_file() {
        return Err(vec![Diagnostic::error(
            "",
            0,
            0,
            messages::Msg::NoSiteToRegister {
                path: diagnostics::slashed(&config_path),
            },
        )]);
    }
    let mut registry = import_registry(root)?;
    let mut imported = import::import_file(file, &registry).map_err(|e| vec![import_error(&e)])?;
    let mut registered = None;
    // minutebook.yaml as it was, put back if the import is refused after registering (a record's
    // file exists, or the file no longer imports): a refused import changes nothing.
    let mut restore = RestoreOnDrop {
        path: &config_path,
        bytes: None,
    };
    if register && !imported.unregistered.is_empty() {
        let before = std::fs::read(&config_path).map_err(|e| {
            vec![register_error(&import::RegisterError::Read {
                path: config_path.clone(),
                source: e,
            })]
        })?;
        import::register(&config_path, &imported.unregistered).map_err(|e| vec![register_error(&e)])?;
        restore.bytes = Some(before);
        registered = Some(imported.unregistered.clone());
        // The file must still load: a registry entry that clashes is reported as check would.
        registry = import_registry(root)?;
        imported = import::import_file(file, &registry).map_err(|e| vec![import_error(&e)])?;
    }
    for n in imported
        .note_messages
        .iter()
        .chain(imported.furniture_note(verbose).as_ref())
    {
        errln!("{}: {}", file.display(), n.render(lang));
    }
    let in_front_matter: Vec<&(usize, String)> = imported.records().flat_map(|r| &r.in_front_matter).collect();
    if !in_front_matter.is_empty() {
        let m = Msg::ImportHeaderLines {
            count: in_front_matter.len(),
            verbose,
        };
        errln!("{}: {}", file.display(), m.render(lang));
    }
    if verbose {
        for f in &imported.furniture {
            if f.line == 0 {
                let m = Msg::ImportRemovedField {
                    page: f.page,
                    text: f.text.clone(),
                };
                errln!("{}: {}", file.display(), m.render(lang));
            } else {
                let m = Msg::ImportRemovedLine {
                    page: f.page,
                    line: f.line,
                    text: f.text.clone(),
                };
                errln!("{}: {}", file.display(), m.render(lang));
            }
        }
        for (line, text) in in_front_matter {
            let m = Msg::ImportInFrontMatter {
                line: *line,
                text: text.clone(),
            };
            errln!("{}: {}", file.display(), m.render(lang));
        }
    }
    for w in imported.records().flat_map(|r| &r.warnings) {
        let d = Diagnostic::warning(file, w.line, 0, w.message.clone());
        let d = if w.source_line.is_empty() {
            d
        } else {
            Diagnostic {
                source_line: Some(w.source_line.clone()),
                ..d
            }
        };
        errprint!("{}", d.human(lang));
    }
    if let Some(added) = &registered {
        let m = Msg::ImportRegistered {
            config: diagnostics::slashed(&config_path),
            yaml: added.yaml().trim_end().to_string(),
        };
        errln!("{}: {}", file.display(), m.render(lang));
    } else if !imported.unregistered.is_empty() {
        let u = &imported.unregistered;
        let m = Msg::ImportUnregistered {
            series: !u.series.is_empty(),
            units: u.units.len(),
            config: diagnostics::slashed(&config_path),
            yaml: u.yaml().trim_end().to_string(),
        };
        errln!("{}: {}", file.display(), m.render(lang));
    }
    // A file of several sittings' minutes gives a record for each, `X-1.md`, `X-2.md`, …; none is
    // written when any of them would overwrite a file.
    let several = !imported.more.is_empty();
    let outputs: Vec<(std::path::PathBuf, &import::Imported)> = imported
        .records()
        .enumerate()
        .map(|(n, r)| {
            let dest = match out {
                Some(p) if several => import::numbered_path(p, n + 1),
                Some(p) => p.to_path_buf(),
                None => root.join(&r.suggested_path),
            };
            (dest, r)
        })
        .collect();
    if several {
        let m = Msg::ImportSittings { count: outputs.len() };
        errln!("{}: {}", file.display(), m.render(lang));
    }
    if let Some((dest, _)) = outputs.iter().find(|(d, _)| d.symlink_metadata().is_ok()) {
        return Err(vec![import_error(&import::ImportError::Exists { path: dest.clone() })]);
    }
    // The records are written from here on: the registry they need stays.
    restore.bytes = None;
    for (dest, r) in &outputs {
        import::write_new(dest, &r.markdown).map_err(|e| vec![import_error(&e)])?;
        let m = Msg::ImportWrote {
            path: dest.display().to_string(),
            warnings: r.warnings.len(),
        };
        outln!("{}", m.render(lang));
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `bytes` back to `path` when dropped (unless taken): `import --register` undoes its
/// registration when the import is refused after it.
struct RestoreOnDrop<'a> {
    path: &'a std::path::Path,
    bytes: Option<Vec<u8>>,
}

impl Drop for RestoreOnDrop<'_> {
    fn drop(&mut self) {
        if let Some(bytes) = self.bytes.take() {
            let tmp = self.path.with_extension("yaml.minutebook-tmp");
            if std::fs::write(&tmp, &bytes).is_ok() && std::fs::rename(&tmp, self.path).is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
        }
    }
}

/// A `--register` error as a diagnostic at minutebook.yaml (and the line of a flow list), its
/// text from the catalogue.
fn register_error(e: &import::RegisterError) -> Diagnostic {
    Diagnostic::error(e.path(), e.line(), 0, e.msg())
}

/// An import error as a diagnostic at its file, its text from the catalogue.
fn import_error(e: &import::ImportError) -> Diagnostic {
    Diagnostic::error(e.path(), 0, 0, e.msg())
}

/// The registries the importer resolves names through: the site's, if there is one; without it
/// nothing is resolved.
fn import_registry(root: &std::path::Path) -> Result<import::ImportRegistry, Vec<Diagnostic>> {
    if !root.join(config::CONFIG_FILE).is_file() {
        return Ok(import::ImportRegistry::default());
    }
    let site = config::Site::load(root)?;
    let names = |entries: &[config::RegistryEntry]| -> Vec<import::RegistryName> {
        entries
            .iter()
            .map(|e| import::RegistryName {
                name: e.name.clone(),
                slug: e.slug.clone(),
                aliases: e.aliases.clone(),
            })
            .collect()
    };
    Ok(import::ImportRegistry {
        units: names(&site.config.units),
        series: names(&site.config.series),
    })
}
