//! minutebook: publish meeting minutes as a searchable static archive.
//!
//! The pipeline, top-down: [`config`] reads `minutebook.yaml`; [`content`] finds and validates the
//! records; [`markdown`] renders their bodies; [`minutes`] reads agenda items, decisions, unit
//! reports and mentions; [`model`] assembles the archive; [`listing`] groups it by unit, topic,
//! series and year; [`pages`] and [`render`] turn it into HTML through the theme; [`output`]
//! writes it atomically. [`build`] runs those steps; [`cli`] and `main` are the command line.

pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod listing;
pub mod markdown;
pub mod minutes;
pub mod model;
pub mod output;
pub mod pages;
pub mod render;
pub mod scaffold;
pub mod serve;

use std::process::ExitCode;

use build::BuildOptions;
use cli::{Command, SiteArgs};
use diagnostics::Diagnostic;

fn options(site: &SiteArgs) -> BuildOptions {
    let mut o = BuildOptions::new(&site.root);
    o.drafts = site.drafts;
    o.future = site.future;
    o.base_url = site.base_url.clone();
    o
}

fn print_warnings(w: &[Diagnostic]) {
    for d in w {
        eprint!("{d}");
    }
}

/// Run one command. Errors come back as diagnostics for `main` to print.
pub fn run(cmd: Command) -> Result<ExitCode, Vec<Diagnostic>> {
    match cmd {
        Command::Build { site, output } => {
            let mut o = options(&site);
            if let Some(out) = output {
                o.output = out;
            }
            if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
                eprintln!("building {} …", o.root.display());
            }
            let report = build::build(&o)?;
            print_warnings(&report.warnings);
            println!("{}", report.summary());
            println!("wrote {}", o.output.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { site } => {
            let o = options(&site);
            match check::check(&o) {
                Ok(c) => {
                    print_warnings(&c.findings);
                    println!("{}", c.summary());
                    let failed = c.count(diagnostics::Severity::Error) > 0;
                    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
                }
                Err(diags) => {
                    print_warnings(&diags);
                    let errors = diags.iter().filter(|d| d.is_error()).count();
                    println!("check: {errors} errors; the site does not build");
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Command::New {
            root,
            series,
            date,
            number,
            title,
        } => {
            let rel = scaffold::new_record(&scaffold::NewRecord {
                root: root.clone(),
                series,
                date,
                number,
                title,
            })?;
            println!("wrote {}", root.join(rel).display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve { site, port, bind, open } => {
            let o = options(&site);
            serve::run(serve::ServeOptions {
                build: o,
                bind,
                port,
                open,
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
