//! Search benchmark figures for `minutebook-bench run`: the index step measured in this process on a
//! generated archive (wall time, CPU time, peak memory above the loaded archive, index size), and
//! the cold-query transfer (the real search.js under node, see [`transfer_figures`]) and the time
//! to first results measured in headless Chromium against the built site served on loopback (see
//! [`first_results_figures`]).

use std::path::{Path, PathBuf};
use std::time::Instant;

use minutebook::build::{load, BuildOptions};

/// Figures of one index build.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct IndexFigures {
    pub records: usize,
    pub wall_s: f64,
    pub cpu_s: f64,
    /// Peak resident memory during the index step minus the resident memory before it.
    pub peak_delta_mb: f64,
    pub files: usize,
    pub bytes: usize,
}

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map(|pages| pages * 4)
        .unwrap_or(0)
}

fn cpu_s() -> f64 {
    let (user, system) = crate::usage::process_cpu();
    user + system
}

/// Measures the search step as a build runs it (`search_docs`, then `write_index` writing the
/// files into a fresh folder under `scratch`, which is removed afterwards) on the site at `root`.
pub fn index_figures(root: &Path, scratch: &Path) -> Result<IndexFigures, String> {
    let loaded =
        load(&BuildOptions::new(root)).map_err(|d| format!("{} diagnostics loading {}", d.len(), root.display()))?;
    let archive = loaded.archive;
    let base = rss_kb();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut peak = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                peak = peak.max(rss_kb());
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            peak.max(rss_kb())
        })
    };
    let dir = scratch.join(format!("minutebook-bench-index-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let sink = minutebook::output::Sink::disk(dir.clone());
    let c0 = cpu_s();
    let t0 = Instant::now();
    minutebook::build::search_index(&archive, None, &sink).map_err(|d| format!("{d:?}"))?;
    let wall_s = t0.elapsed().as_secs_f64();
    let cpu = cpu_s() - c0;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let peak = sampler.join().unwrap_or(0);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(IndexFigures {
        records: archive.records.len(),
        wall_s,
        cpu_s: cpu,
        peak_delta_mb: peak.saturating_sub(base) as f64 / 1024.0,
        files: sink.len(),
        bytes: sink.total_bytes() as usize,
    })
}

/// Where the browser measurement writes its built site.
pub fn site_output(work: &Path, records: usize) -> PathBuf {
    work.join(format!("search-site-{records}"))
}

/// Runs the real client (`search.js`) under node with a fetch that reads the built files and
/// counts their bytes (what a browser transfers from a server without HTTP compression): search.js,
/// manifest, fold pages, group and shard files, and the display/text files of the first ten hits.
const NODE_TRANSFER: &str = r#"
const fs = require('fs'), zlib = require('zlib'), path = require('path');
const [js, root, queries] = process.argv.slice(2);
const api = require(path.resolve(js));
(async () => {
  const kb = [];
  for (const q of JSON.parse(queries)) {
    let bytes = fs.statSync(js).size;
    const idx = new api.Index('/search/', async (url, gz) => {
      const b = fs.readFileSync(path.join(root, url));
      bytes += b.length;
      return new Uint8Array(gz ? zlib.gunzipSync(b) : b);
    });
    const res = await idx.search({ q });
    await Promise.all(res.hits.slice(0, 10).map((h) => idx.doc(h)));
    kb.push(bytes / 1024);
  }
  console.log(JSON.stringify(kb));
})();
"#;

/// Cold-query transfer in KB over [`crate::generate::query_set`]: (median, p90, max).
pub fn transfer_figures(out: &Path) -> Result<(f64, f64, f64), String> {
    let js = out.join("search.js");
    let queries = serde_json::to_string(&crate::generate::query_set()).map_err(|e| e.to_string())?;
    let script = out.join("bench-transfer.cjs");
    std::fs::write(&script, NODE_TRANSFER).map_err(|e| e.to_string())?;
    let o = std::process::Command::new("node")
        .arg(&script)
        .arg(&js)
        .arg(out)
        .arg(&queries)
        .output()
        .map_err(|e| format!("node: {e}"))?;
    let _ = std::fs::remove_file(&script);
    let mut kb: Vec<f64> =
        serde_json::from_slice(&o.stdout).map_err(|_| String::from_utf8_lossy(&o.stderr).into_owned())?;
    kb.sort_by(f64::total_cmp);
    let at = |q: f64| kb[((kb.len() - 1) as f64 * q).round() as usize];
    Ok((at(0.5), at(0.9), at(1.0)))
}

/// The browser measurement of time to first results (tests/a11y/search-latency.mjs, built in).
const NODE_LATENCY: &str = include_str!("../../tests/a11y/search-latency.mjs");

/// Time to first results in headless Chromium, in ms over [`crate::generate::query_set`].
#[derive(Debug, Clone, Copy)]
pub struct LatencyFigures {
    pub median_ms: f64,
    pub p90_ms: f64,
    pub max_ms: f64,
}

/// The folder holding the npm package playwright-core: `$MINUTEBOOK_NODE_MODULES`, else
/// `tests/a11y/node_modules` under the current folder or under the source tree minutebook was built
/// from (`bash scripts/setup.sh` installs it there).
fn node_modules() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(p) = std::env::var_os("MINUTEBOOK_NODE_MODULES") {
        candidates.push(PathBuf::from(p));
    }
    candidates.push(PathBuf::from("tests/a11y/node_modules"));
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/a11y/node_modules"));
    candidates
        .into_iter()
        .find(|p| p.join("playwright-core/package.json").is_file())
        .and_then(|p| p.canonicalize().ok())
}

/// Measures the time from typing a query into `/search/` to its first results, for every query of
/// the bench set, each in a new browser context (cold), against the built site `out` served on
/// 127.0.0.1 (see tests/a11y/search-latency.mjs). Needs node, playwright-core and Chromium
/// (`$CHROMIUM`, default /usr/bin/chromium).
pub fn first_results_figures(out: &Path) -> Result<LatencyFigures, String> {
    let modules = node_modules().ok_or("playwright-core not found: run `bash scripts/setup.sh`")?;
    let chromium = std::env::var_os("CHROMIUM").unwrap_or_else(|| "/usr/bin/chromium".into());
    if !Path::new(&chromium).is_file() {
        return Err(format!("no Chromium at {}", Path::new(&chromium).display()));
    }
    let queries = serde_json::to_string(&crate::generate::query_set()).map_err(|e| e.to_string())?;
    let dir = scratch_dir(out)?;
    let script = dir.join("search-latency.mjs");
    let qfile = dir.join("queries.json");
    std::fs::write(&script, NODE_LATENCY).map_err(|e| e.to_string())?;
    std::fs::write(&qfile, &queries).map_err(|e| e.to_string())?;
    let o = std::process::Command::new("node")
        .arg(&script)
        .arg(out)
        .arg(format!("@{}", qfile.display()))
        .env("NODE_PATH", &modules)
        .env("CHROMIUM", &chromium)
        .output()
        .map_err(|e| format!("node: {e}"));
    let _ = std::fs::remove_dir_all(&dir);
    let o = o?;
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).map_err(|_| {
        String::from_utf8_lossy(&o.stderr)
            .lines()
            .next()
            .unwrap_or("no output")
            .to_string()
    })?;
    if !o.status.success() {
        return Err(format!("{}", v["errors"][0]));
    }
    let ms = |k: &str| v[k].as_f64().ok_or_else(|| format!("no {k} in the measurement"));
    Ok(LatencyFigures {
        median_ms: ms("median")?,
        p90_ms: ms("p90")?,
        max_ms: ms("max")?,
    })
}

/// A scratch folder beside the built site `out` for the measurement's script.
fn scratch_dir(out: &Path) -> Result<PathBuf, String> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = out.with_file_name(format!("{name}-latency"));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    Ok(dir)
}

/// [`index_figures`] in a child process (`minutebook-bench index --json`), so that nothing this
/// process holds counts in its memory figure.
fn index_figures_in_child(site: &Path, scratch: &Path) -> Result<IndexFigures, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let o = std::process::Command::new(exe)
        .arg("index")
        .arg("--root")
        .arg(site)
        .arg("--scratch")
        .arg(scratch)
        .arg("--json")
        .output()
        .map_err(|e| e.to_string())?;
    if !o.status.success() {
        return Err(String::from_utf8_lossy(&o.stderr).into_owned());
    }
    serde_json::from_slice(&o.stdout).map_err(|e| e.to_string())
}

/// Prints the search table of `minutebook-bench run` for the generated sites.
pub fn report(sites: &[(usize, PathBuf)], work: &Path, tmpfs: &Path) {
    minutebook::outln!();
    minutebook::outln!("| records | search index (wall / CPU) | peak memory delta | index size | cold-query transfer median / p90 / max | first results median / p90 |");
    minutebook::outln!("|---:|---:|---:|---:|---|---|");
    for (n, site) in sites {
        let f = match index_figures_in_child(site, tmpfs) {
            Ok(f) => f,
            Err(e) => {
                minutebook::outln!("| {n} | error: {e} | | | | |");
                continue;
            }
        };
        let out = site_output(work, *n);
        let mut opts = BuildOptions::new(site);
        opts.output = out.clone();
        let built = minutebook::build::build(&opts).is_ok();
        let transfer = match built.then(|| transfer_figures(&out)) {
            Some(Ok((m, p, x))) => format!("{m:.1} / {p:.1} / {x:.1} KB"),
            Some(Err(e)) => format!("not measured ({})", e.lines().next().unwrap_or("")),
            None => "build failed".into(),
        };
        let first = match built.then(|| first_results_figures(&out)) {
            Some(Ok(f)) => format!("{:.0} / {:.0} ms (max {:.0})", f.median_ms, f.p90_ms, f.max_ms),
            Some(Err(e)) => format!("not measured ({})", e.lines().next().unwrap_or("")),
            None => "build failed".into(),
        };
        let _ = std::fs::remove_dir_all(&out);
        minutebook::outln!(
            "| {n} | {:.2} s / {:.2} s | {:.0} MB | {:.1} MB in {} files | {transfer} | {first} |",
            f.wall_s,
            f.cpu_s,
            f.peak_delta_mb,
            f.bytes as f64 / 1e6,
            f.files
        );
    }
}
