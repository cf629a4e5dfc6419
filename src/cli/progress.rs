//! The progress bar of the reading of documents, on stderr: drawn only when stderr is a
//! terminal and the user did not ask for quiet.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use bidlint::run::Progress;

/// An indicatif bar behind the library's [`Progress`].
pub struct Bar {
    bar: ProgressBar,
    wanted: bool,
}

impl Bar {
    /// A bar shown when `wanted` (not `--quiet`) and stderr is a terminal; hidden otherwise.
    pub fn new(wanted: bool) -> Bar {
        Bar {
            bar: ProgressBar::hidden(),
            wanted: wanted && std::io::stderr().is_terminal(),
        }
    }
}

impl Progress for Bar {
    fn start(&self, total: usize) {
        if !self.wanted {
            return;
        }
        self.bar.set_length(total as u64);
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} lecture des documents {pos}/{len} {wide_msg}")
        {
            self.bar.set_style(style);
        }
        self.bar
            .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        self.bar.enable_steady_tick(Duration::from_millis(120));
    }
    fn reading(&self, name: &str) {
        self.bar.set_message(name.to_string());
    }
    fn advance(&self) {
        self.bar.inc(1);
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
