//! `draft-pack` on any text: a draft or a French error, never a panic; and a draft is always a
//! pack that loads (its YAML is valid, its regexes compile, its references resolve).
#![no_main]

use bidlint::draft::{Options, draft};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let opts = Options {
        id: "fuzz".to_string(),
        fallback_title: "RC".to_string(),
    };
    if let Ok(d) = draft(text, &opts)
        && let Err(e) = bidlint::pack::parse("draft.yaml", &d.yaml)
    {
        panic!("the draft does not load: {e:?}\n{}", d.yaml);
    }
});
