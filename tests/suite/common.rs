//! Helpers shared by the integration tests.

/// stderr with miette's wrapping undone: the words of the message, one space apart, so that
/// a test does not depend on where a long line was cut.
pub fn words(stderr: &[u8]) -> String {
    String::from_utf8_lossy(stderr)
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
