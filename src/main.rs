//! The `bidlint` binary: parses arguments, calls the library, renders, maps to exit codes
//! (0 nothing failed at the threshold, 1 something did, 2 could not run as asked).

mod cli;

use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    // A document worker (the same binary, started by a run to read one document in
    // isolation) does only that, before any argument parsing.
    if let Some(served) = bidlint::documents::worker::serve_from_args() {
        return match served {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                // The parent reads only the exit code; the message is for a human trying
                // the subcommand by hand.
                if e.is_said() {
                    eprintln!("{e}");
                }
                ExitCode::from(e.exit_code())
            }
        };
    }
    restore_sigpipe();
    install_diagnostic_style();
    match cli::run() {
        Ok(code) => code,
        Err(report) => {
            eprintln!("{report:?}");
            ExitCode::from(2)
        }
    }
}

/// Diagnostics drawn the same way everywhere (a fixed width, Unicode), coloured only on a
/// terminal without NO_COLOR: CI logs and tests see stable text.
fn install_diagnostic_style() {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    // set_hook fails only if a hook is already installed, which cannot happen this early.
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(
            miette::MietteHandlerOpts::new()
                .terminal_links(false)
                .show_related_errors_as_nested()
                .unicode(true)
                .color(color)
                .width(100)
                .build(),
        )
    }));
}

/// `bidlint rules | head` closes the pipe early: like other command-line tools, end quietly
/// then instead of panicking in `println!` (Rust ignores SIGPIPE by default).
#[cfg(unix)]
fn restore_sigpipe() {
    // SAFETY: called first thing in main, before any thread is spawned; resetting a signal to
    // its default disposition has no other effect on the process.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn restore_sigpipe() {}
