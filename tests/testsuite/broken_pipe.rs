//! A reader that goes away (`minutebook build | head -1`) is not an error: the command finishes
//! its work and exits with its own code, without the panic `println!` gives on a closed pipe.
#![cfg(unix)]

use std::process::{Command, Stdio};

use crate::support::*;

/// Run the binary in `dir` with its standard output and error connected to pipes whose reading
/// ends are closed before it writes; returns its exit code.
fn run_with_closed_pipes(args: &[&str], dir: &std::path::Path) -> Option<i32> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_minutebook"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    drop(child.stderr.take());
    child.wait().unwrap().code()
}

#[test]
fn closed_output_pipes_are_not_a_panic() {
    let site = bundled_site();
    let r = site.path();
    assert_eq!(run_with_closed_pipes(&["build", "--root", "."], r), Some(0));
    assert!(r.join("public/index.html").is_file(), "the build still finished");
    assert_eq!(run_with_closed_pipes(&["check", "--root", "."], r), Some(0));
    // With errors (printed on standard error), the exit code is still the command's own.
    write(
        r,
        "content/bad.md",
        "---\ntitle: x\nseries: 主管會議\ndate: 2024-02-30\n---\n",
    );
    assert_eq!(run_with_closed_pipes(&["check", "--root", "."], r), Some(1));
    assert_eq!(run_with_closed_pipes(&["build", "--root", "."], r), Some(1));
}
