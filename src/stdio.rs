//! The commands' messages on standard output and standard error. `println!` panics when the
//! reader has gone (`minutebook build | head -1`: "failed printing to stdout: Broken pipe",
//! exit 101). Here a closed pipe is not an error, as for other Unix tools: what is left to
//! print is dropped and the command finishes its work and exits with its own code.

use std::fmt;
use std::io::{ErrorKind, Write};

/// Write to standard output. A closed pipe is ignored; another failure (a full disk behind a
/// redirection) is reported on standard error, since the output is then incomplete.
pub fn out(args: fmt::Arguments<'_>) {
    match std::io::stdout().lock().write_fmt(args) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => {
            err(format_args!("error: cannot write to standard output: {e}\n"))
        }
        _ => {}
    }
}

/// Write to standard error. Any failure is ignored: there is nowhere left to report it.
pub fn err(args: fmt::Arguments<'_>) {
    let _ = std::io::stderr().lock().write_fmt(args);
}
