//! The `minutebook` binary: parse the command line, run, print diagnostics, exit non-zero on error.

use std::process::ExitCode;

/// mimalloc instead of glibc's allocator: a build allocates and frees many short-lived buffers
/// across threads, and glibc returned large ones to the kernel only to fault them in again
/// (page clearing was a fifth of the search step's time). Its `no_thp` feature keeps transparent
/// huge pages off for the process: with them every fresh 2 MB region mimalloc touched was cleared
/// whole (≈10% of a build's CPU time in profiles) and the peak resident set was ≈40 MB higher at
/// 10,000 records, for no gain in time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match minutebook::cli::parse_from(&args) {
        Ok(cli) => cli,
        // Help, the version, or a usage error, in the language of the command's messages.
        Err(r) => {
            if r.stdout {
                minutebook::outln!("{}", r.text.trim_end());
            } else {
                minutebook::errln!("{}", r.text.trim_end());
            }
            return ExitCode::from(r.code);
        }
    };
    // Ctrl-C, SIGTERM, SIGHUP (or closing the console on Windows): remove the temporary folder of
    // a build under way, so an interrupted build leaves nothing behind, then end as a signal would.
    let _ = ctrlc::set_handler(|| {
        minutebook::output::clean_up_after_interrupt();
        std::process::exit(130);
    });
    let report = cli.command.report();
    let lang = cli.command.lang();
    let result = minutebook::run(cli.command, lang);
    minutebook::output::wait_if_interrupted();
    match result {
        Ok(code) => code,
        Err(diags) => {
            minutebook::print_diagnostics(&diags, &report, lang);
            let errors = diags.iter().filter(|d| d.is_error()).count();
            minutebook::errln!("{}", minutebook::messages::Msg::NothingWritten { errors }.render(lang));
            ExitCode::FAILURE
        }
    }
}
