//! SIRET and SIREN numbers: the identifiers that tell two companies apart. A SIRET is the
//! 9-digit SIREN of the company followed by the 5-digit NIC of one establishment; both numbers
//! carry a Luhn check digit, so a single wrong or transposed digit is caught. La Poste's
//! establishments (SIREN 356 000 000) are too many for the NIC's check digit: INSEE gives them
//! SIRETs whose digits add up to a multiple of 5 instead.

/// La Poste's SIREN, whose SIRETs follow their own rule.
const LA_POSTE: &str = "356000000";

/// Why a SIRET is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiretError {
    /// Not 14 digits once spaces are removed (the count of digits found).
    Length(usize),
    /// A character other than a digit or a space.
    NotDigits,
    /// The check digits do not match: a digit is wrong. `likely` lists the valid numbers one
    /// transposition of two neighbouring digits away (the commonest typo).
    CheckDigit { likely: Vec<String> },
}

/// The 14 digits of a SIRET written with or without spaces (`123 456 789 00012`).
pub fn digits(raw: &str) -> Result<String, SiretError> {
    let d: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if !d.chars().all(|c| c.is_ascii_digit()) {
        return Err(SiretError::NotDigits);
    }
    if d.len() != 14 {
        return Err(SiretError::Length(d.len()));
    }
    Ok(d)
}

/// A SIRET, checked: 14 digits whose check digits hold.
pub fn parse(raw: &str) -> Result<String, SiretError> {
    let d = digits(raw)?;
    if is_valid(&d) {
        return Ok(d);
    }
    let likely = transpositions(&d).filter(|c| is_valid(c)).collect();
    Err(SiretError::CheckDigit { likely })
}

/// The SIREN (company) part of a SIRET or of a SIREN written with spaces.
pub fn siren_of(siret: &str) -> String {
    siret.chars().filter(char::is_ascii_digit).take(9).collect()
}

/// Do the 14 digits make a valid SIRET (SIREN and SIRET check digits, or La Poste's rule)?
fn is_valid(d: &str) -> bool {
    if &d[..9] == LA_POSTE {
        return luhn(d) || digit_sum(d).is_multiple_of(5);
    }
    luhn(&d[..9]) && luhn(d)
}

/// A SIREN (9 digits) whose check digit holds.
pub fn is_valid_siren(d: &str) -> bool {
    d.len() == 9 && d.chars().all(|c| c.is_ascii_digit()) && luhn(d)
}

/// The Luhn check: from the right, every second digit doubled (9 taken off above 9); the sum
/// is a multiple of 10. `d` holds ASCII digits only.
fn luhn(d: &str) -> bool {
    let sum: u32 = d
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let n = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = n * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                n
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn digit_sum(d: &str) -> u32 {
    d.bytes().map(|b| u32::from(b - b'0')).sum()
}

/// Every number made by swapping two different neighbouring digits of `d`.
fn transpositions(d: &str) -> impl Iterator<Item = String> + '_ {
    let b = d.as_bytes();
    (0..b.len() - 1)
        .filter(move |&i| b[i] != b[i + 1])
        .map(move |i| {
            let mut v = b.to_vec();
            v.swap(i, i + 1);
            // Swapping two ASCII digits leaves ASCII digits.
            String::from_utf8_lossy(&v).into_owned()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_sirets_pass_and_spaces_are_allowed() {
        // The INSEE's own SIRET and a SIRET written with spaces.
        assert!(parse("12002701600357").is_ok());
        assert_eq!(parse("120 027 016 00357").as_deref(), Ok("12002701600357"));
    }

    #[test]
    fn a_transposed_digit_is_refused_and_the_fix_is_proposed() {
        let err = parse("12002710600357").unwrap_err();
        match err {
            SiretError::CheckDigit { likely } => {
                assert!(likely.contains(&"12002701600357".to_string()), "{likely:?}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn wrong_length_and_letters_are_told_apart() {
        assert_eq!(parse("1234"), Err(SiretError::Length(4)));
        assert_eq!(parse("1200270160035A"), Err(SiretError::NotDigits));
    }

    #[test]
    fn la_poste_establishments_follow_their_own_rule() {
        // Digits add up to 15, a multiple of 5; the Luhn check fails on them.
        let d = "35600000000001";
        assert!(!luhn(d));
        assert!(parse(d).is_ok());
        assert!(parse("35600000000002").is_err());
        // The head office passes the ordinary check.
        assert!(parse("35600000000048").is_ok());
    }

    #[test]
    fn the_siren_is_the_first_nine_digits() {
        assert_eq!(siren_of("120 027 016 00357"), "120027016");
        assert!(is_valid_siren("120027016"));
    }
}
