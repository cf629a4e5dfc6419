//! The user regexes run over documents' text (moved here from `checks/mod.rs`).

use crate::checks::{ascii_word_boundaries, text_regex_from};

#[test]
fn word_boundaries_in_text_patterns_are_ascii_and_the_rest_is_untouched() {
    assert_eq!(ascii_word_boundaries(r"\bUSD\b"), r"(?-u:\b)USD(?-u:\b)");
    assert_eq!(ascii_word_boundaries(r"a\Bb"), r"a(?-u:\B)b");
    // An escaped backslash, classes and other escapes stay as written.
    assert_eq!(ascii_word_boundaries(r"\\b[\]b]\d\$"), r"\\b[\]b]\d\$");
    let re = text_regex_from(r"\bUSD\b|\d\s?\$", true).expect("valid");
    assert!(re.is_match("Montant total : 12 000 usd hors taxes, délai réduit"));
    assert!(!re.is_match("un montant en USDT"));
}
