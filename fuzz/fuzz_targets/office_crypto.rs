//! Workbooks Excel encrypted (`bidlint::documents::office_crypto`): for any bytes, the reader's
//! outcome is one of three, and agrees with what the default password gave:
//! - the workbook it holds, read, marked « opens without a password » with the default-password
//!   note — or, when the decrypted bytes are not a workbook, the workbook reader's refusal;
//! - password-protected, with nothing read (another password, or a scheme not decrypted);
//! - a corrupt refusal naming the container's or descriptor's fault, in French and English.
//!
//! The first byte picks how the rest is used. Even: the rest is the whole file, so the OLE
//! container itself is mutated. Odd: two bytes give the length of an `EncryptionInfo` stream,
//! then that stream, then the `EncryptedPackage`, put in a well-formed container here — so
//! the fuzzer spends its time on the descriptors and the decryption, not on rebuilding a
//! compound file; such a container must never be called damaged or incomplete.
#![no_main]

use std::io::{Cursor, Write};

use bidlint::documents::office_crypto::{
    CryptoError, DEFAULT_PASSWORD_NOTE, Unlocked, open_with_default_password, read_workbook,
};
use bidlint::documents::{DocFacts, Encryption, MAX_TEXT_BYTES, ReadFailure};
use bidlint::vocabulary::Said;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    if pick % 2 == 0 {
        check(rest, false);
    } else if let Some(file) = container(rest) {
        check(&file, true);
    }
});

/// A compound file holding the two streams cut from `bytes` (see the module's comment).
fn container(bytes: &[u8]) -> Option<Vec<u8>> {
    let (len, bytes) = bytes.split_first_chunk::<2>()?;
    let at = usize::from(u16::from_le_bytes(*len)).min(bytes.len());
    let (info, package) = bytes.split_at(at);
    let mut cfb = cfb::CompoundFile::create(Cursor::new(Vec::new())).ok()?;
    for (name, stream) in [("/EncryptionInfo", info), ("/EncryptedPackage", package)] {
        let mut writer = cfb.create_stream(name).ok()?;
        writer.write_all(stream).ok()?;
    }
    cfb.flush().ok()?;
    Some(cfb.into_inner().into_inner())
}

fn check(file: &[u8], well_formed: bool) {
    let opened = open_with_default_password(Cursor::new(file));
    if well_formed {
        assert!(
            !matches!(
                opened,
                Err(CryptoError::Container(_) | CryptoError::MissingStream(_))
            ),
            "a well-formed container refused: {opened:?}"
        );
    }
    let read = read_workbook(Cursor::new(file));
    match (opened, read) {
        (Ok(Unlocked::Package(_)), Ok(facts)) => {
            assert_eq!(facts.encryption, Encryption::OwnerOnly);
            let (fr, en) = DEFAULT_PASSWORD_NOTE;
            assert_eq!(facts.notes.last(), Some(&Said::new(fr, en)));
            assert!(facts.text.len() <= MAX_TEXT_BYTES + 4);
        }
        // Decrypted, but what it holds is not a workbook: the workbook reader's own refusal.
        (Ok(Unlocked::Package(_)), Err(ReadFailure::Corrupt { detail })) => said(&detail),
        (Ok(Unlocked::NeedsPassword) | Err(CryptoError::Unsupported(_)), Ok(facts)) => {
            let protected = DocFacts {
                encryption: Encryption::UserPassword,
                ..DocFacts::default()
            };
            assert_eq!(facts, protected);
        }
        (Err(e), Err(ReadFailure::Corrupt { detail })) => {
            said(&detail);
            // The refusal names the fault the container reader found, not another one.
            assert!(
                detail.fr.contains(&e.to_string()),
                "{e} not in « {} »",
                detail.fr
            );
            assert!(
                detail
                    .en
                    .starts_with("corrupt or truncated encrypted workbook ("),
                "{}",
                detail.en
            );
        }
        (opened, read) => panic!("default password gave {opened:?}, the reader {read:?}"),
    }
}

/// A refusal says something in each language.
fn said(detail: &Said) {
    assert!(
        !detail.fr.trim().is_empty() && !detail.en.trim().is_empty(),
        "{detail:?}"
    );
}
