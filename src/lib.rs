//! minutebook: publish meeting minutes as a searchable static archive.
//!
//! The pipeline, top-down: [`config`] reads `minutebook.yaml`; [`content`] finds and validates the
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

pub mod bench;
pub mod bench_search;
pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod feeds;
pub mod followups;
pub mod generate;
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
pub mod timing;

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
            report: r,
        } => {
            let mut o = options(&site);
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
        Command::Generate { dir, records, seed } => {
            let s = generate::generate_site(&dir, &generate::GenerateOptions { records, seed }).map_err(|e| {
                vec![Diagnostic::error(
                    &dir,
                    0,
                    0,
                    format!("cannot generate the archive: {e}"),
                )]
            })?;
            outln!(
                "wrote {} records ({:.1} MB) to {}",
                s.records,
                s.bytes as f64 / 1e6,
                dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench {
            records,
            seed,
            runs,
            work,
            tmpfs,
            search_only,
        } => {
            let opts = bench::BenchOptions {
                sizes: records,
                seed,
                runs,
                disk: work.clone(),
                work,
                tmpfs: tmpfs.is_dir().then_some(tmpfs),
                search_only,
            };
            bench::run(&opts).map_err(|e| vec![Diagnostic::error("bench", 0, 0, e.to_string())])?;
            Ok(ExitCode::SUCCESS)
        }
        Command::BenchRebuild { root } => {
            let line =
                bench::measure_rebuild(&root).map_err(|e| vec![Diagnostic::error("bench", 0, 0, e.to_string())])?;
            outln!("{line}");
            Ok(ExitCode::SUCCESS)
        }
        Command::BenchIndex { root, scratch, json } => {
            let f =
                bench_search::index_figures(&root, &scratch).map_err(|e| vec![Diagnostic::error("bench", 0, 0, e)])?;
            if json {
                outln!("{}", serde_json::to_string(&f).expect("figures serialize"));
                return Ok(ExitCode::SUCCESS);
            }
            outln!(
                "{} records: {:.2} s wall, {:.2} s CPU, +{:.0} MB peak, {:.1} MB in {} files",
                f.records,
                f.wall_s,
                f.cpu_s,
                f.peak_delta_mb,
                f.bytes as f64 / 1e6,
                f.files
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            file,
            out,
            root,
            verbose,
            lang: _,
        } => run_import(&file, out.as_deref(), &root, verbose, lang),
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
                outln!("wrote {}", dir.join(f).display());
            }
            if written.gitignore_extended {
                outln!(
                    "added the output and cache folders to {}",
                    dir.join(".gitignore").display()
                );
            }
            outln!(
                "next: cd {} && minutebook serve --drafts   (then edit content/, or `minutebook import FILE`)",
                dir.display()
            );
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
            outln!("wrote {}", root.join(rel).display());
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
    lang: Lang,
) -> Result<ExitCode, Vec<Diagnostic>> {
    // The registries come from the site, if there is one; without it nothing is resolved.
    let registry = if root.join(config::CONFIG_FILE).is_file() {
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
        import::ImportRegistry {
            units: names(&site.config.units),
            series: names(&site.config.series),
        }
    } else {
        import::ImportRegistry {
            units: Vec::new(),
            series: Vec::new(),
        }
    };
    let imported =
        import::import_file(file, &registry).map_err(|e| vec![Diagnostic::error("", 0, 0, e.to_string())])?;
    for n in imported.notes.iter().chain(imported.furniture_note().as_ref()) {
        errprint!("{}: {n}", file.display());
    }
    if verbose {
        for f in &imported.furniture {
            errprint!(
                "{}: removed (page {}, line {}): {}",
                file.display(),
                f.page,
                f.line,
                f.text
            );
        }
    }
    for w in &imported.warnings {
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
    let dest = match out {
        Some(p) => p.to_path_buf(),
        None => root.join(&imported.suggested_path),
    };
    import::write_new(&dest, &imported.markdown).map_err(|e| vec![Diagnostic::error("", 0, 0, e.to_string())])?;
    outln!(
        "wrote {} ({}); review it, then run minutebook check",
        dest.display(),
        crate::diagnostics::plural(imported.warnings.len(), "warning", "warnings")
    );
    Ok(ExitCode::SUCCESS)
}
