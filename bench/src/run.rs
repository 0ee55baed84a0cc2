//! The benchmark: generates deterministic archives (see [`crate::generate`]) and measures, for
//! each size, a full build (`--no-cache`, search index included) written to tmpfs and to disk —
//! wall time, CPU time and peak memory of a separate `minutebook build` process — the output's
//! bytes and files per record (in all and per top-level folder), cached rebuilds after each kind of change (one record edited,
//! retitled, redated, added, removed) with a warm cache, and the preview rebuild after one record
//! changes. Figures go to stdout as Markdown tables for the README.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::generate::{generate_site, GenerateOptions};

#[derive(Debug, Clone)]
pub struct BenchOptions {
    pub sizes: Vec<usize>,
    pub seed: u64,
    pub runs: usize,
    /// Where generated sites are cached.
    pub work: PathBuf,
    /// A tmpfs folder for output (e.g. /dev/shm).
    pub tmpfs: Option<PathBuf>,
    /// A disk folder for output.
    pub disk: PathBuf,
    /// Only the search table.
    pub search_only: bool,
    /// Leave out the search table (index, transfer, browser).
    pub no_search: bool,
    /// The `minutebook` binary whose builds are measured.
    pub minutebook: PathBuf,
    /// A `hugo` binary: the same archive is also built as a Hugo site ([`crate::hugo`]) into the
    /// same tmpfs, and the two wall times are compared.
    pub hugo: Option<PathBuf>,
}

/// One measured process run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sample {
    pub wall_s: f64,
    pub cpu_s: f64,
    pub peak_mb: f64,
}

#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("cannot generate the {records}-record archive in {}: {source}", dir.display())]
    Generate {
        records: usize,
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot run `{cmd}`: {source}")]
    Spawn { cmd: String, source: std::io::Error },
    #[error("`{cmd}` failed:\n{stderr}")]
    Failed { cmd: String, stderr: String },
}

/// Run `exe args…` to completion and measure it with wait4's resource usage.
pub fn measure(exe: &Path, args: &[&str]) -> Result<Sample, BenchError> {
    measure_output(exe, args).map(|(s, _)| s)
}

/// [`measure`], also returning what the process printed on standard output.
pub fn measure_output(exe: &Path, args: &[&str]) -> Result<(Sample, String), BenchError> {
    let cmd = format!("{} {}", exe.display(), args.join(" "));
    let start = Instant::now();
    let mut child = Command::new(exe)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|source| BenchError::Spawn {
            cmd: cmd.clone(),
            source,
        })?;
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_string(&mut s);
            }
            s
        })
    };
    let stderr_reader = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
    );
    let stdout_reader = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
    );
    let (ok, cpu_s, peak_mb) = crate::usage::wait_with_usage(&mut child);
    let wall_s = start.elapsed().as_secs_f64();
    let stderr = stderr_reader.join().unwrap_or_default();
    let stdout = stdout_reader.join().unwrap_or_default();
    if !ok {
        return Err(BenchError::Failed { cmd, stderr });
    }
    Ok((Sample { wall_s, cpu_s, peak_mb }, stdout))
}

fn median(mut v: Vec<Sample>) -> Sample {
    v.sort_by(|a, b| a.wall_s.total_cmp(&b.wall_s));
    v[v.len() / 2]
}

/// Generate (or reuse) the archive of `records` records.
pub fn site_for(opts: &BenchOptions, records: usize) -> Result<PathBuf, BenchError> {
    let dir = opts.work.join(format!("site-{records}-{}", opts.seed));
    if !dir.join("minutebook.yaml").is_file() {
        generate_site(
            &dir,
            &GenerateOptions {
                records,
                seed: opts.seed,
            },
        )
        .map_err(|source| BenchError::Generate {
            records,
            dir: dir.clone(),
            source,
        })?;
    }
    Ok(dir)
}

/// Build the Hugo site of the archive `site` ([`crate::hugo`], made once under the work folder)
/// into `out`'s sibling `out-hugo`, as many times as minutebook's builds; the median run.
fn hugo_build(opts: &BenchOptions, hugo: &Path, site: &Path, n: usize, out: &Path) -> Result<Sample, BenchError> {
    let dir = opts.work.join(format!("hugo-{n}-{}", opts.seed));
    if !dir.join("hugo.toml").is_file() {
        crate::hugo::make_site(site, &dir).map_err(|source| BenchError::Generate {
            records: n,
            dir: dir.clone(),
            source,
        })?;
    }
    let mut hugo_out = out.as_os_str().to_owned();
    hugo_out.push("-hugo");
    let hugo_out = PathBuf::from(hugo_out);
    let (dir_s, out_s) = (
        dir.to_string_lossy().to_string(),
        hugo_out.to_string_lossy().to_string(),
    );
    let samples: Result<Vec<Sample>, BenchError> = (0..opts.runs.max(1))
        .map(|_| {
            // Into an empty folder each time, as minutebook's runs replace theirs.
            let _ = std::fs::remove_dir_all(&hugo_out);
            measure(hugo, &["--quiet", "--source", &dir_s, "--destination", &out_s])
        })
        .collect();
    let _ = std::fs::remove_dir_all(&hugo_out);
    Ok(median(samples?))
}

/// Run the whole benchmark and print a Markdown table.
pub fn run(opts: &BenchOptions) -> Result<(), BenchError> {
    if opts.search_only {
        let sites: Result<Vec<(usize, PathBuf)>, BenchError> =
            opts.sizes.iter().map(|&n| Ok((n, site_for(opts, n)?))).collect();
        let scratch = opts.tmpfs.clone().unwrap_or_else(std::env::temp_dir);
        crate::search::report(&sites?, &opts.work, &scratch);
        return Ok(());
    }
    let exe = opts.minutebook.clone();
    let this = std::env::current_exe().map_err(|source| BenchError::Spawn {
        cmd: "current_exe".into(),
        source,
    })?;
    // Every measurement runs in a child process: Linux carries a process's peak memory across
    // fork and exec, so a parent that held an archive would inflate its children's figures.
    minutebook::outln!("| records | output | wall (median) | CPU | peak memory |");
    minutebook::outln!("|---:|---|---:|---:|---:|");
    let mut rebuilds = Vec::new();
    let mut sizes = Vec::new();
    let mut areas = Vec::new();
    let mut cached = Vec::new();
    let mut against_hugo = Vec::new();
    for &n in &opts.sizes {
        let site = site_for(opts, n)?;
        let site_s = site.to_string_lossy().to_string();
        let mut targets: Vec<(&str, PathBuf)> = Vec::new();
        if let Some(t) = &opts.tmpfs {
            targets.push(("tmpfs", t.join(format!("minutebook-bench-{n}"))));
        }
        targets.push(("disk", opts.disk.join(format!("minutebook-bench-{n}"))));
        for (kind, out) in targets {
            let out_s = out.to_string_lossy().to_string();
            let samples: Result<Vec<Sample>, BenchError> = (0..opts.runs.max(1))
                .map(|_| measure(&exe, &["build", "--no-cache", "--root", &site_s, "--output", &out_s]))
                .collect();
            let m = median(samples?);
            minutebook::outln!(
                "| {n} | {kind} | {:.2} s | {:.2} s | {:.0} MB |",
                m.wall_s,
                m.cpu_s,
                m.peak_mb
            );
            if kind == "tmpfs" {
                if let Some(hugo) = &opts.hugo {
                    against_hugo.push((n, m, hugo_build(opts, hugo, &site, n, &out)?));
                }
            }
            if kind == "disk" {
                sizes.push((n, output_size(&out)));
                areas.push((n, output_areas(&out)));
                cached.push((n, cached_rebuilds(&exe, &site, &out)?));
            }
            let _ = std::fs::remove_dir_all(&out);
        }
        let cmd = format!("{} rebuild --root {site_s}", this.display());
        let child = Command::new(&this)
            .args(["rebuild", "--root", &site_s])
            .output()
            .map_err(|source| BenchError::Spawn {
                cmd: cmd.clone(),
                source,
            })?;
        if !child.status.success() {
            return Err(BenchError::Failed {
                cmd,
                stderr: String::from_utf8_lossy(&child.stderr).into_owned(),
            });
        }
        rebuilds.push((n, String::from_utf8_lossy(&child.stdout).trim().to_string()));
    }
    if !against_hugo.is_empty() {
        minutebook::outln!();
        minutebook::outln!("| records | minutebook (tmpfs) | Hugo (tmpfs) | minutebook ÷ Hugo (budget ≤ 0.5) | peak memory, minutebook / Hugo |");
        minutebook::outln!("|---:|---:|---:|---:|---:|");
        for (n, m, h) in against_hugo {
            minutebook::outln!(
                "| {n} | {:.2} s | {:.2} s | {:.2} | {:.0} MB / {:.0} MB |",
                m.wall_s,
                h.wall_s,
                m.wall_s / h.wall_s,
                m.peak_mb,
                h.peak_mb
            );
        }
    }
    minutebook::outln!();
    minutebook::outln!("| records | output (file sizes) | files | per record |");
    minutebook::outln!("|---:|---:|---:|---:|");
    for (n, (bytes, files)) in sizes {
        minutebook::outln!(
            "| {n} | {:.1} MB | {files} | {:.1} KB, {:.2} files |",
            bytes as f64 / 1e6,
            bytes as f64 / 1e3 / n as f64,
            files as f64 / n as f64
        );
    }
    minutebook::outln!();
    minutebook::outln!("| records | folder | output (file sizes) | files | per record |");
    minutebook::outln!("|---:|---|---:|---:|---:|");
    for (n, areas) in &areas {
        for (name, bytes, files) in areas {
            minutebook::outln!(
                "| {n} | {name} | {:.1} MB | {files} | {:.1} KB, {:.2} files |",
                *bytes as f64 / 1e6,
                *bytes as f64 / 1e3 / *n as f64,
                *files as f64 / *n as f64
            );
        }
    }
    minutebook::outln!();
    minutebook::outln!("| records | cached rebuild (`minutebook build`, warm cache, to disk) | wall | CPU | peak memory | pages rendered / reused |");
    minutebook::outln!("|---:|---|---:|---:|---:|---|");
    for (n, rows) in cached {
        for (kind, m, pages) in rows {
            minutebook::outln!(
                "| {n} | {kind} | {:.2} s | {:.2} s | {:.0} MB | {pages} |",
                m.wall_s,
                m.cpu_s,
                m.peak_mb
            );
        }
    }
    minutebook::outln!();
    minutebook::outln!("| records | preview rebuild after one record changes: wall until the changed pages are served, of the whole rebuild (pages rendered, CPU) |");
    minutebook::outln!("|---:|---|");
    for (n, line) in rebuilds {
        minutebook::outln!("| {n} | {line} |");
    }
    if opts.no_search {
        return Ok(());
    }
    minutebook::outln!();
    let sites: Result<Vec<(usize, PathBuf)>, BenchError> =
        opts.sizes.iter().map(|&n| Ok((n, site_for(opts, n)?))).collect();
    let scratch = opts.tmpfs.clone().unwrap_or_else(std::env::temp_dir);
    crate::search::report(&sites?, &opts.work, &scratch);
    Ok(())
}

/// The bytes (file sizes, not disk blocks) and the number of files under `out`.
pub fn output_size(out: &Path) -> (u64, usize) {
    let mut bytes = 0;
    let mut files = 0;
    for e in walkdir_files(out) {
        bytes += e;
        files += 1;
    }
    (bytes, files)
}

/// The bytes and files of each top-level folder of `out` (files at the top level together as
/// "(top level)"), largest first.
pub fn output_areas(out: &Path) -> Vec<(String, u64, usize)> {
    let mut v: Vec<(String, u64, usize)> = Vec::new();
    let (mut top_bytes, mut top_files) = (0, 0);
    if let Ok(entries) = std::fs::read_dir(out) {
        for e in entries.flatten() {
            match e.file_type() {
                Ok(t) if t.is_dir() => {
                    let (b, f) = output_size(&e.path());
                    v.push((format!("{}/", e.file_name().to_string_lossy()), b, f));
                }
                Ok(t) if t.is_file() => {
                    top_bytes += e.metadata().map(|m| m.len()).unwrap_or(0);
                    top_files += 1;
                }
                _ => {}
            }
        }
    }
    v.push(("(top level)".into(), top_bytes, top_files));
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

fn walkdir_files(dir: &Path) -> Vec<u64> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(e.path()),
                Ok(t) if t.is_file() => out.push(e.metadata().map(|m| m.len()).unwrap_or(0)),
                _ => {}
            }
        }
    }
    out
}

/// Cached rebuilds of `site` into `out` (which holds a full build): one warm-up build that
/// writes the cache, then one `minutebook build` after each kind of change — nothing, a body edit,
/// a title edit, a date 7 days later, a record added (a copy of another, without its directives),
/// that record removed — each measured in its own process. The edited record is restored at the
/// end. Returns (change, figures, "pages rendered / reused").
pub fn cached_rebuilds(exe: &Path, site: &Path, out: &Path) -> Result<Vec<(&'static str, Sample, String)>, BenchError> {
    let (site_s, out_s) = (site.to_string_lossy().to_string(), out.to_string_lossy().to_string());
    // In English, whatever the site's language, so the summary line can be read (pages_line).
    let build = || measure_output(exe, &["build", "--lang", "en", "--root", &site_s, "--output", &out_s]);
    let io = |source| BenchError::Spawn {
        cmd: "edit".into(),
        source,
    };
    build()?;
    let files = minutebook::content::discover(site).unwrap_or_default();
    let Some(rel) = files.get(files.len() / 2).cloned() else {
        return Err(BenchError::Failed {
            cmd: "discover".into(),
            stderr: "no records".into(),
        });
    };
    let path = site.join(&rel);
    let original = std::fs::read_to_string(&path).map_err(io)?;
    let added = path.with_file_name("bench-added-999.md");
    let date = original
        .lines()
        .find_map(|l| l.strip_prefix("date: "))
        .and_then(|d| chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok());
    let redated = date.map(|d| {
        let later = d + chrono::Duration::days(7);
        let later = if chrono::Datelike::year(&later) == chrono::Datelike::year(&d) {
            later
        } else {
            d - chrono::Duration::days(7)
        };
        original.replacen(&format!("date: {d}"), &format!("date: {later}"), 1)
    });
    let copy = {
        let text = original
            .replacen("number: ", "number: 999\nslug: bench-added-999\nx-number: ", 1)
            .replacen("title: ", "title: 新增", 1)
            .replace("x-number: ", "# ");
        match (text.find("followups:\n"), text.find("\n---\n")) {
            (Some(a), Some(b)) if a < b => format!("{}{}", &text[..a], &text[b + 1..]),
            _ => text,
        }
    };
    let mut rows = Vec::new();
    let mut step = |kind: &'static str, change: &dyn Fn() -> std::io::Result<()>| -> Result<(), BenchError> {
        change().map_err(io)?;
        let (m, stdout) = build()?;
        rows.push((kind, m, pages_line(&stdout)));
        Ok(())
    };
    step("nothing changed", &|| Ok(()))?;
    step("one record's body edited", &|| {
        std::fs::write(&path, format!("{original}\n本次會議補充說明一則。\n"))
    })?;
    step("one record's title edited", &|| {
        std::fs::write(&path, original.replacen("title: ", "title: 修訂", 1))
    })?;
    if let Some(text) = &redated {
        step("one record's date 7 days later", &|| std::fs::write(&path, text))?;
    }
    step("one record added", &|| {
        std::fs::write(&path, &original)?;
        std::fs::write(&added, &copy)
    })?;
    step("that record removed", &|| std::fs::remove_file(&added))?;
    std::fs::write(&path, &original).map_err(io)?;
    Ok(rows)
}

/// "rendered / reused" from a build's summary ("N pages (R rendered, U unchanged from the cache)").
fn pages_line(stdout: &str) -> String {
    let first = stdout.lines().next().unwrap_or("");
    match first.split_once(" pages (") {
        Some((_, rest)) => {
            let inner = rest.split(')').next().unwrap_or("");
            inner.replace(" unchanged from the cache", " reused")
        }
        None => first
            .split(", ")
            .nth(1)
            .map(|p| format!("{p} rendered, 0 reused"))
            .unwrap_or_default(),
    }
}

/// The preview rebuild after one record changes, measured in this process with the serve
/// engine: the wall time until the changed pages are served (`minutebook serve` serves them
/// before it makes the feeds, open data and search index again), the wall time of the whole
/// rebuild, the pages rendered of all, and the process's CPU time. An edit of
/// a record's body text (its page only), of its title and of a decision's first line (also the
/// listing pages it is on and its series neighbours), and of another record's date, 7 days later
/// in the same year (it moves in its listings). The records are restored afterwards.
pub fn measure_rebuild(site: &Path) -> Result<String, BenchError> {
    use minutebook::serve::{watch::Changes, Preview};
    let opts = minutebook::build::BuildOptions::new(site);
    let mut preview = Preview::new(opts);
    let _ = preview.render_all();
    let files = minutebook::content::discover(site).unwrap_or_default();
    let (Some(first), Some(middle)) = (files.first().cloned(), files.get(files.len() / 2).cloned()) else {
        return Err(BenchError::Failed {
            cmd: "discover".into(),
            stderr: "no records".into(),
        });
    };
    let read = |rel: &Path| {
        std::fs::read_to_string(site.join(rel)).map_err(|source| BenchError::Spawn {
            cmd: "read".into(),
            source,
        })
    };
    let write = |rel: &Path, text: &str| {
        std::fs::write(site.join(rel), text).map_err(|source| BenchError::Spawn {
            cmd: "write".into(),
            source,
        })
    };
    let cpu = || {
        let (user, system) = crate::usage::process_cpu();
        (user + system) * 1000.0
    };
    let mut timed = |rel: &Path, text: &str| -> Result<String, BenchError> {
        write(rel, text)?;
        let mut changes = Changes::default();
        changes.records.insert(rel.to_path_buf());
        let (c0, at) = (cpu(), Instant::now());
        let mut served = None;
        let (_, info) = preview.apply_early(&changes, &mut |_, _| served = Some(at.elapsed()));
        let wall = at.elapsed().as_secs_f64() * 1000.0;
        let served = served.map_or(wall, |d| d.as_secs_f64() * 1000.0);
        Ok(format!(
            "pages served in {served:.0} ms, all in {wall:.0} ms ({} of {} rendered, CPU {:.0} ms)",
            info.rendered,
            minutebook::diagnostics::plural(info.pages, "page", "pages"),
            cpu() - c0
        ))
    };
    let original = read(&first)?;
    let body = timed(&first, &format!("{original}\n本次會議補充說明一則。\n"))?;
    let title = timed(&first, &original.replacen("title: ", "title: 修訂", 1))?;
    let decision = timed(
        &first,
        &original
            .replacen("title: ", "title: 修訂", 1)
            .replacen("一、洽悉。", "一、洽悉，並請持續追蹤。", 1),
    )?;
    timed(&first, &original)?;
    let other = read(&middle)?;
    let date = other
        .lines()
        .find_map(|l| l.strip_prefix("date: "))
        .and_then(|d| chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok());
    let moved = date.map(|d| {
        let later = d + chrono::Duration::days(7);
        let later = if chrono::Datelike::year(&later) == chrono::Datelike::year(&d) {
            later
        } else {
            d - chrono::Duration::days(7)
        };
        other.replacen(&format!("date: {d}"), &format!("date: {later}"), 1)
    });
    let date_edit = match moved {
        Some(text) => timed(&middle, &text)?,
        None => "–".into(),
    };
    timed(&middle, &other)?;
    Ok(format!(
        "body edit {body}, title edit {title}, decision edit {decision}, date edit {date_edit}"
    ))
}
