//! The platform calls of the benchmark: a process's CPU time (getrusage) and a child's CPU time
//! and peak memory (wait4), on Unix. Elsewhere (Windows) CPU and memory read 0 and only wall time
//! is measured.

/// This process's user and system CPU time so far, in seconds (getrusage).
#[cfg(unix)]
pub fn process_cpu() -> (f64, f64) {
    // SAFETY: an all-zero rusage is valid; getrusage writes into it.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: a valid pointer for the call.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (tv(u.ru_utime), tv(u.ru_stime))
}

/// Not measured off Unix: (0, 0).
#[cfg(not(unix))]
pub fn process_cpu() -> (f64, f64) {
    (0.0, 0.0)
}

/// Reap `child`: (exited with 0, its CPU seconds, its peak resident MB), from wait4's rusage.
#[cfg(unix)]
pub fn wait_with_usage(child: &mut std::process::Child) -> (bool, f64, f64) {
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value, and wait4 writes into both out-parameters.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own child, not yet reaped; the pointers are valid for the call.
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let ok = rc >= 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    // ru_maxrss is in kilobytes on Linux (bytes on macOS).
    let kb = if cfg!(target_os = "macos") {
        usage.ru_maxrss as f64 / 1024.0
    } else {
        usage.ru_maxrss as f64
    };
    (ok, tv(usage.ru_utime) + tv(usage.ru_stime), kb / 1024.0)
}

/// Reap `child` portably: CPU time and peak memory are not measured (0) off Unix.
#[cfg(not(unix))]
pub fn wait_with_usage(child: &mut std::process::Child) -> (bool, f64, f64) {
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    (ok, 0.0, 0.0)
}
