//! Search benchmark figures for `minutebook bench`: the index step measured in this process on a
//! generated archive (wall time, CPU time, peak memory above the loaded archive, index size), and
//! the cold-query transfer and time to first results measured in headless Chromium against the
//! built site served on loopback (see [`browser_figures`]).

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::build::{load, BuildOptions};

/// Figures of one index build.
#[derive(Debug, Clone, Default)]
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
    // SAFETY: an all-zero rusage is valid; getrusage writes into it.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointer for the call.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    tv(u.ru_utime) + tv(u.ru_stime)
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
    let sink = crate::output::Sink::disk(dir.clone());
    let c0 = cpu_s();
    let t0 = Instant::now();
    crate::build::search_index(&archive, &sink).map_err(|d| format!("{d:?}"))?;
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

/// Prints the search table of `minutebook bench` for the generated sites.
pub fn report(sites: &[(usize, PathBuf)], work: &Path, tmpfs: &Path) {
    println!();
    println!("| records | search index (wall / CPU) | peak memory delta | index size | cold-query transfer median / p90 / max |");
    println!("|---:|---:|---:|---:|---|");
    for (n, site) in sites {
        let f = match index_figures(site, tmpfs) {
            Ok(f) => f,
            Err(e) => {
                println!("| {n} | error: {e} | | | |");
                continue;
            }
        };
        let out = site_output(work, *n);
        let mut opts = BuildOptions::new(site);
        opts.output = out.clone();
        let transfer = match crate::build::build(&opts) {
            Ok(_) => match transfer_figures(&out) {
                Ok((m, p, x)) => format!("{m:.1} / {p:.1} / {x:.1} KB"),
                Err(e) => format!("not measured ({})", e.lines().next().unwrap_or("")),
            },
            Err(_) => "build failed".into(),
        };
        let _ = std::fs::remove_dir_all(&out);
        println!(
            "| {n} | {:.2} s / {:.2} s | {:.0} MB | {:.1} MB in {} files | {transfer} |",
            f.wall_s,
            f.cpu_s,
            f.peak_delta_mb,
            f.bytes as f64 / 1e6,
            f.files
        );
    }
}
