//! `minutebook-bench`: generate archives and measure minutebook on them
//! (`cargo run --release -p minutebook-bench -- run`). Not part of the installed product.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use minutebook_bench::{generate, import, load, run, search};

/// The same allocator as the `minutebook` binary, so in-process figures (preview rebuilds, the
/// search index step) match what the product does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser, Debug)]
#[command(
    name = "minutebook-bench",
    about = "Generate archives and measure minutebook on them"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
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
    /// Measure full builds (tmpfs and disk), cached rebuilds, output size, preview rebuilds and
    /// search on generated archives; prints Markdown tables.
    Run {
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
        /// Everything but the search table.
        #[arg(long, conflicts_with = "search_only")]
        no_search: bool,
        /// The minutebook binary to measure [default: `minutebook` beside this program, e.g.
        /// target/release/minutebook].
        #[arg(long, value_name = "PATH")]
        minutebook: Option<PathBuf>,
        /// Also build each archive as a Hugo site with this `hugo` binary and compare the wall
        /// times (issue 21's budget: at most half of Hugo's).
        #[arg(long, value_name = "PATH")]
        hugo: Option<PathBuf>,
    },
    /// The preview server's load test: `minutebook serve` on a generated archive, N keep-alive
    /// connections for S seconds while a record is edited every half second. Fails when a
    /// request fails, p99 ≥ 100 ms, or resident memory grows by more than 20 %.
    Load {
        /// Records in the generated archive.
        #[arg(long, default_value_t = 2000)]
        records: usize,
        #[arg(long, default_value_t = 50)]
        connections: usize,
        #[arg(long, default_value_t = 30)]
        seconds: u64,
        /// Where the generated archive is kept.
        #[arg(long, default_value = "target/bench")]
        work: PathBuf,
        /// The minutebook binary [default: `minutebook` beside this program].
        #[arg(long, value_name = "PATH")]
        minutebook: Option<PathBuf>,
    },
    /// Time `minutebook import` on a 23-page document as .txt, .docx, .odt and .pdf and on a
    /// 115-page PDF (budgets: 1 s and 3 s); prints a Markdown table, exits non-zero over budget.
    Import {
        /// Runs per document (the median is reported).
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
    /// Measure preview rebuilds on one site (used by `run`, in a process of its own).
    #[command(hide = true)]
    Rebuild {
        #[arg(long)]
        root: PathBuf,
    },
    /// Measure the search index step alone on one site (used by `run`, in a process of its own).
    #[command(hide = true)]
    Index {
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

/// `minutebook` beside this program (both are built into the same target folder).
fn sibling_minutebook() -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_default();
    exe.with_file_name(format!("minutebook{}", std::env::consts::EXE_SUFFIX))
}

fn main() -> ExitCode {
    let result: Result<(), String> = match Cli::parse().command {
        Command::Generate { dir, records, seed } => {
            generate::generate_site(&dir, &generate::GenerateOptions { records, seed })
                .map(|s| {
                    minutebook::outln!(
                        "wrote {} records ({:.1} MB) to {}",
                        s.records,
                        s.bytes as f64 / 1e6,
                        dir.display()
                    )
                })
                .map_err(|e| format!("cannot generate the archive in {}: {e}", dir.display()))
        }
        Command::Run {
            records,
            seed,
            runs,
            work,
            tmpfs,
            search_only,
            no_search,
            minutebook,
            hugo,
        } => {
            let minutebook = minutebook.unwrap_or_else(sibling_minutebook);
            let opts = run::BenchOptions {
                sizes: records,
                seed,
                runs,
                disk: work.clone(),
                work,
                tmpfs: tmpfs.is_dir().then_some(tmpfs),
                search_only,
                no_search,
                minutebook,
                hugo,
            };
            run::run(&opts).map_err(|e| e.to_string())
        }
        Command::Load {
            records,
            connections,
            seconds,
            work,
            minutebook,
        } => {
            let root = work.join(format!("load-{records}"));
            let made = if root.join("minutebook.yaml").exists() {
                Ok(())
            } else {
                generate::generate_site(&root, &generate::GenerateOptions { records, seed: 1 })
                    .map(|_| ())
                    .map_err(|e| format!("cannot generate the archive in {}: {e}", root.display()))
            };
            made.and_then(|_| {
                load::load_test(&load::LoadOptions {
                    minutebook: minutebook.unwrap_or_else(sibling_minutebook),
                    root: root.clone(),
                    connections,
                    seconds,
                    edit_every: std::time::Duration::from_millis(500),
                })
            })
            .and_then(|r| {
                let mb = |m: Option<f64>| m.map_or("not measured".to_string(), |m| format!("{m:.0} MB"));
                minutebook::outln!(
                    "{records} records, {connections} connections, {seconds} s, {} edits: {} requests, {} failed; \
                     p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; resident {} before, {} after",
                    r.edits,
                    r.requests,
                    r.failures,
                    r.p50_ms,
                    r.p99_ms,
                    r.max_ms,
                    mb(r.rss_before_mb),
                    mb(r.rss_after_mb)
                );
                let failed = r.failed_budgets();
                if failed.is_empty() {
                    Ok(())
                } else {
                    Err(format!("over budget: {}", failed.join("; ")))
                }
            })
        }
        Command::Import { runs } => import::measure(&import::repo(), runs).and_then(|rows| {
            minutebook::outln!("{}", import::table(&rows));
            let over: Vec<String> = rows
                .iter()
                .filter(|r| !r.within_budget())
                .map(|r| format!("{} .{}", r.document, r.format))
                .collect();
            if over.is_empty() {
                Ok(())
            } else {
                Err(format!("over budget: {}", over.join(", ")))
            }
        }),
        Command::Rebuild { root } => run::measure_rebuild(&root)
            .map(|line| minutebook::outln!("{line}"))
            .map_err(|e| e.to_string()),
        Command::Index { root, scratch, json } => search::index_figures(&root, &scratch).map(|f| {
            if json {
                minutebook::outln!("{}", serde_json::to_string(&f).expect("figures serialize"));
            } else {
                minutebook::outln!(
                    "{} records: {:.2} s wall, {:.2} s CPU, +{:.0} MB peak, {:.1} MB in {} files",
                    f.records,
                    f.wall_s,
                    f.cpu_s,
                    f.peak_delta_mb,
                    f.bytes as f64 / 1e6,
                    f.files
                );
            }
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            minutebook::errln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
