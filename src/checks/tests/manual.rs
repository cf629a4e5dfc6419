//! `manual`: what only a human can check is listed as such, never passed.

use crate::checks::testkit::{TestBid, compile_errors};
use crate::vocabulary::Status;

#[test]
fn the_instruction_is_the_reason() {
    let o = TestBid::new().evaluate("kind: manual\ninstruction: Vérifier la signature du DC1");
    assert_eq!(o.status, Status::Manual);
    assert_eq!(o.reason.as_deref(), Some("Vérifier la signature du DC1"));
    assert!(o.findings.is_empty());
}

#[test]
fn an_empty_instruction_is_refused() {
    assert_eq!(
        compile_errors("kind: manual\ninstruction: '  '"),
        ["instruction : `instruction` est vide"]
    );
}
