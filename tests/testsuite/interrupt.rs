//! An interrupted build (Ctrl-C, SIGTERM) leaves nothing behind: its temporary folder is removed
//! and the previous output is exactly as it was.

#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{bundled_site, run, snapshot, write};

/// Adds to `site` `n` copies of its record's body under other numbers and dates: a site whose
/// build takes a while.
fn add_bulk(site: &Path, n: usize) {
    let seed = walkdir::WalkDir::new(site.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "md"))
        .unwrap();
    let text = std::fs::read_to_string(seed.path()).unwrap();
    let body = text.splitn(3, "---").nth(2).unwrap().to_string();
    for i in 0..n {
        let year = 1990 + i / 300;
        let date = format!("{year}-{:02}-{:02}", 1 + i % 12, 1 + (i / 12) % 25);
        write(
            site,
            &format!("content/{year}/bulk-{i}.md"),
            &format!(
                "---\ntitle: 第{}次主管會議紀錄\nseries: 主管會議\nnumber: {}\ndate: {date}\n---\n{body}",
                1000 + i,
                1000 + i
            ),
        );
    }
}

/// The temporary folder beside `public/` of a build under way, if there is one.
fn temporary_folder(site: &Path) -> Option<std::path::PathBuf> {
    std::fs::read_dir(site)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".public.tmp-"))
        })
}

fn interrupted_build_leaves_nothing(signal: libc::c_int) {
    // A site big enough that the debug build is still writing when the signal arrives; if it
    // finished first, try again with a bigger one.
    for n in [200, 800, 3200] {
        // The previous output: a build of the bundled site. Then `n` records more, so that the
        // interrupted build would write something different (and has every page to render).
        let site = bundled_site();
        let (code, _, err) = run(&["build"], site.path());
        assert_eq!(code, 0, "{err}");
        let before = snapshot(&site.path().join("public"));
        add_bulk(site.path(), n);
        let mut child = Command::new(env!("CARGO_BIN_EXE_minutebook"))
            .arg("build")
            .current_dir(site.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Await the condition: the build has made its temporary folder (or has ended).
        let deadline = Instant::now() + Duration::from_secs(120);
        let mut seen = false;
        while Instant::now() < deadline {
            if temporary_folder(site.path()).is_some() {
                seen = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::yield_now();
        }
        if !seen {
            let _ = child.wait();
            continue;
        }
        // SAFETY: sending a signal to our own child process.
        unsafe { libc::kill(child.id() as libc::pid_t, signal) };
        let status = child.wait().unwrap();
        if status.success() {
            // The build won the race; the next round uses a bigger site.
            continue;
        }
        assert_eq!(status.code(), Some(130), "{status:?}");
        assert_eq!(
            temporary_folder(site.path()),
            None,
            "the temporary folder was left behind"
        );
        let after = snapshot(&site.path().join("public"));
        assert!(before == after, "the previous output changed");
        let leftovers: Vec<_> = std::fs::read_dir(site.path())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.starts_with(".public."))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
        return;
    }
    panic!("every build finished before the signal could reach it");
}

#[test]
fn ctrl_c_during_a_build_leaves_nothing_behind() {
    interrupted_build_leaves_nothing(libc::SIGINT);
}

#[test]
fn sigterm_during_a_build_leaves_nothing_behind() {
    interrupted_build_leaves_nothing(libc::SIGTERM);
}
