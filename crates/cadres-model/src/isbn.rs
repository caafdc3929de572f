//! International Standard Book Numbers.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An ISBN-10 or ISBN-13, kept as written (hyphens included) and checked.
///
/// # Syntax
///
/// Ten or thirteen digits, optionally separated by single hyphens; an ISBN-10 may end in `X`.
/// `978-0-231-11083-9`, `0-306-40615-2`.
///
/// # Invariants
///
/// The check digit is right. `Display` gives back the text as written; equality compares the
/// written text, so that a release reproduces the source exactly. Use [`Isbn::digits`] to
/// compare two ISBNs regardless of hyphens.
///
/// The `isbn` crate was considered: it reports a wrong check digit as an "invalid digit" and
/// would add a build script; the check itself is a few lines, with a precise message.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Isbn(String);

/// Why a string is not an [`Isbn`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IsbnError {
    /// A character that is neither a digit, a hyphen nor a final `X`.
    #[error("an isbn holds digits and hyphens only (and a final X in an isbn-10), found {0:?}")]
    BadChar(char),
    /// A hyphen at either end or two in a row.
    #[error("an isbn's hyphens separate groups of digits: none at either end, never two in a row")]
    BadHyphen,
    /// Not 10 or 13 digits.
    #[error("an isbn has 10 or 13 digits, this one has {0}")]
    Length(usize),
    /// The check digit does not match the others.
    #[error("the check digit is {found}, but the other digits give {expected}")]
    CheckDigit {
        /// The last character given.
        found: char,
        /// The check digit the others call for.
        expected: char,
    },
}

impl Isbn {
    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The digits without hyphens (`X` stays as the last character of an ISBN-10).
    pub fn digits(&self) -> String {
        self.0.chars().filter(|c| *c != '-').collect()
    }

    /// Whether this is a 13-digit ISBN.
    pub fn is_isbn13(&self) -> bool {
        self.digits().len() == 13
    }
}

impl FromStr for Isbn {
    type Err = IsbnError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.starts_with('-') || s.ends_with('-') || s.contains("--") {
            return Err(IsbnError::BadHyphen);
        }
        let chars: Vec<char> = s.chars().filter(|c| *c != '-').collect();
        for (i, c) in chars.iter().enumerate() {
            let last_x = *c == 'X' && i == 9 && chars.len() == 10;
            if !(c.is_ascii_digit() || last_x) {
                return Err(IsbnError::BadChar(*c));
            }
        }
        let value = |c: char| c.to_digit(10).unwrap_or(10);
        let (expected, found) = match chars.len() {
            10 => {
                let sum: u32 = chars[..9]
                    .iter()
                    .zip((2..=10).rev())
                    .map(|(c, w)| value(*c) * w)
                    .sum();
                let check = (11 - sum % 11) % 11;
                let expected = if check == 10 {
                    'X'
                } else {
                    char::from_digit(check, 10).unwrap_or('0')
                };
                (expected, chars[9])
            }
            13 => {
                let sum: u32 = chars[..12]
                    .iter()
                    .zip([1, 3].into_iter().cycle())
                    .map(|(c, w)| value(*c) * w)
                    .sum();
                let expected = char::from_digit((10 - sum % 10) % 10, 10).unwrap_or('0');
                (expected, chars[12])
            }
            n => return Err(IsbnError::Length(n)),
        };
        if expected == found {
            Ok(Isbn(s.to_owned()))
        } else {
            Err(IsbnError::CheckDigit { found, expected })
        }
    }
}

crate::text::string_newtype!(
    Isbn,
    IsbnError,
    "An ISBN-10 or ISBN-13 as printed, hyphens allowed; the check digit must be right.",
    "^[0-9]+(-[0-9]+)*(-?[0-9X])?$"
);
