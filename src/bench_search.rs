//! Search benchmark figures for `minutebook bench`: the index step measured in this process on a
//! generated archive (wall time, CPU time, peak memory above the loaded archive, index size), and
//! the cold-query transfer and time to first results measured in headless Chromium against the
//! built site served on loopback (see [`browser_figures`]).

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::build::{load, search_docs, BuildOptions};

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

/// Measures the search step (`search_docs` + `build_index`) on the site at `root`.
pub fn index_figures(root: &Path) -> Result<IndexFigures, String> {
    let loaded =
        load(&BuildOptions::new(root)).map_err(|d| format!("{} diagnostics loading {}", d.len(), root.display()))?;
    let archive = loaded.archive;
    drop(loaded.all);
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
    let c0 = cpu_s();
    let t0 = Instant::now();
    let docs = search_docs(&archive);
    let files = crate::search::build_index(&docs).map_err(|e| e.to_string())?;
    let wall_s = t0.elapsed().as_secs_f64();
    let cpu = cpu_s() - c0;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let peak = sampler.join().unwrap_or(0);
    Ok(IndexFigures {
        records: docs.len(),
        wall_s,
        cpu_s: cpu,
        peak_delta_mb: peak.saturating_sub(base) as f64 / 1024.0,
        files: files.len(),
        bytes: files.iter().map(|f| f.bytes.len()).sum(),
    })
}

/// Where the browser measurement writes its built site.
pub fn site_output(work: &Path, records: usize) -> PathBuf {
    work.join(format!("search-site-{records}"))
}
