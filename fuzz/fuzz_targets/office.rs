//! DOCX and ODT reading (zip guard, OPC parts, UTF-16 parts, quick-xml, heading styles,
//! numbering): facts within the text caps, or a refusal said in French and English.
#![no_main]

use std::io::Cursor;

use bidlint::documents::{DocFormat, MAX_TEXT_BYTES, ReadFailure, office};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the format, so that one corpus drives both readers.
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let format = if pick % 2 == 0 {
        DocFormat::Docx
    } else {
        DocFormat::Odt
    };
    // `office::text` is this same reading, its text kept: one call covers both.
    match office::read(Cursor::new(bytes), format) {
        Ok(facts) => assert!(facts.text.len() <= MAX_TEXT_BYTES + 4),
        Err(ReadFailure::Corrupt { detail }) => {
            assert!(
                !detail.fr.trim().is_empty() && !detail.en.trim().is_empty(),
                "{detail:?}"
            );
        }
        Err(other) => panic!("a reading in memory refused otherwise than as corrupt: {other:?}"),
    }
});
