//! Pack parsing, validation and regex compilation: a pack or a diagnostic whose labels point
//! inside the text, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use miette::Diagnostic;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = bidlint::pack::parse("pack.yaml", text) {
        check_labels(&e, text.len());
    }
});

fn check_labels(e: &dyn Diagnostic, len: usize) {
    if let Some(labels) = e.labels() {
        for l in labels {
            assert!(l.offset() + l.len() <= len, "label outside the text");
        }
    }
    if let Some(related) = e.related() {
        for r in related {
            check_labels(r, len);
        }
    }
}
