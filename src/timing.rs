//! Where a build's time goes: wall-clock steps in order ([`Laps`]) and the time each kind of work
//! took summed over the threads that did it ([`ThreadTimes`]).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// One timed step, or one kind of work.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Step {
    pub name: &'static str,
    pub millis: f64,
}

/// Wall-clock steps, one after the other.
pub struct Laps {
    pub steps: Vec<Step>,
    at: Instant,
}

impl Default for Laps {
    fn default() -> Self {
        Laps::new()
    }
}

impl Laps {
    pub fn new() -> Laps {
        Laps {
            steps: Vec::new(),
            at: Instant::now(),
        }
    }

    /// Ends the running step under `name` and starts the next.
    pub fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.steps.push(Step {
            name,
            millis: (now - self.at).as_secs_f64() * 1000.0,
        });
        self.at = now;
    }
}

/// The kinds of work a build does.
#[derive(Debug, Clone, Copy)]
pub enum Work {
    /// Reading record files (and checking their UTF-8).
    Read,
    /// Splitting and parsing YAML front-matter, validating it.
    FrontMatter,
    /// Markdown to HTML, headings, sections and links.
    Markdown,
    /// Agenda items, decisions, unit reports and mentions.
    Structure,
    /// Filling page templates (Tera).
    Templates,
    /// Writing output files.
    Write,
    /// The search index (writing its files included).
    Search,
    /// Feeds and open data (writing their files included).
    Data,
    /// Hashing record files and taking records from the record cache, or keeping them there.
    RecordCache,
}

const WORKS: [(Work, &str); 9] = [
    (Work::Read, "read"),
    (Work::RecordCache, "record cache"),
    (Work::FrontMatter, "front-matter"),
    (Work::Markdown, "markdown"),
    (Work::Structure, "structure"),
    (Work::Templates, "templates"),
    (Work::Write, "write"),
    (Work::Search, "search"),
    (Work::Data, "feeds+data"),
];

/// Time per kind of work, summed over threads: work that kept both cores busy for one second
/// counts two. Safe to share between threads.
#[derive(Default)]
pub struct ThreadTimes {
    nanos: [AtomicU64; WORKS.len()],
}

impl ThreadTimes {
    pub fn add(&self, w: Work, d: Duration) {
        self.nanos[w as usize].fetch_add(d.as_nanos() as u64, Ordering::Relaxed);
    }

    /// Runs `f`, counting its time as `w`.
    pub fn time<T>(&self, w: Work, f: impl FnOnce() -> T) -> T {
        let at = Instant::now();
        let r = f();
        self.add(w, at.elapsed());
        r
    }

    /// The kinds of work that took any time, in a fixed order.
    pub fn steps(&self) -> Vec<Step> {
        WORKS
            .iter()
            .map(|&(w, name)| Step {
                name,
                millis: self.nanos[w as usize].load(Ordering::Relaxed) as f64 / 1e6,
            })
            .filter(|s| s.millis > 0.0)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_times_sum_over_threads() {
        let t = ThreadTimes::default();
        std::thread::scope(|s| {
            for _ in 0..2 {
                s.spawn(|| t.time(Work::Markdown, || std::thread::sleep(Duration::from_millis(20))));
            }
        });
        t.add(Work::Write, Duration::from_millis(3));
        let steps = t.steps();
        let names: Vec<&str> = steps.iter().map(|s| s.name).collect();
        assert_eq!(names, ["markdown", "write"]);
        assert!(steps[0].millis >= 40.0, "{steps:?}");
        assert!((steps[1].millis - 3.0).abs() < 1e-9, "{steps:?}");
    }
}
