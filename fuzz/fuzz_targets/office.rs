//! DOCX and ODT reading (zip guard, quick-xml, heading styles, numbering): facts or a French
//! error for any bytes, within the text caps.
#![no_main]

use std::io::Cursor;

use bidlint::documents::{DocFormat, MAX_TEXT_BYTES, office};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the format, so that one corpus drives both readers.
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let format = if pick % 2 == 0 { DocFormat::Docx } else { DocFormat::Odt };
    if let Ok(facts) = office::read(Cursor::new(bytes), format) {
        assert!(facts.text.len() <= MAX_TEXT_BYTES + 4);
    }
    let _ = office::text(Cursor::new(bytes), format);
});
