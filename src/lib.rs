//! minutebook: publish meeting minutes as a searchable static archive.
//!
//! The pipeline, top-down: [`config`] reads `minutebook.yaml`; [`content`] finds and validates the
//! records; [`markdown`] renders their bodies; [`minutes`] reads agenda items, decisions, unit
//! reports and mentions; [`model`] assembles the archive; [`listing`] groups it by unit, topic,
//! series and year; [`pages`] and [`render`] turn it into HTML through the theme; [`output`]
//! writes it atomically. [`build`] runs those steps; [`cli`] and `main` are the command line.

pub mod build;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod feeds;
pub mod listing;
pub mod markdown;
pub mod meta;
pub mod minutes;
pub mod model;
pub mod opendata;
pub mod output;
pub mod pages;
pub mod render;

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
            let report = build::build(&o)?;
            print_warnings(&report.warnings);
            println!("{}", report.summary());
            println!("wrote {}", o.output.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { site } => {
            let o = options(&site);
            let (_, report) = build::build_in_memory(&o)?;
            print_warnings(&report.warnings);
            println!(
                "{} records checked: no errors",
                report.records + report.drafts + report.scheduled
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
