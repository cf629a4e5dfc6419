//! Date extraction from certificate text: periods are real calendar dates in order, the latest
//! is one of them, and the deadline parser takes any string.
#![no_main]

use bidlint::analysis::validity::{latest_until, parse_date, validity_periods};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let periods = validity_periods(text);
    if let Some(latest) = latest_until(&periods) {
        assert!(periods.iter().all(|p| p.until <= latest.until));
    }
    let _ = parse_date(text);
    let _ = bidlint::dates::DateSpec::parse(text);
});
