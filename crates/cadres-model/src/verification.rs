//! What was read, pinned, and what was verified against it.
//!
//! A source that claims were read from records the text that was read as a [`TextPin`]:
//! the SHA-256 and the length of its archived copy. The quotes found verbatim in that
//! text are recorded (by `cadres-validate`, in `dataset/quotes.lock`) and a release says,
//! for each source read, how many of its quotes are verified: [`QuoteVerification`].

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Id;

/// A SHA-256 digest, written as 64 lowercase hexadecimal digits.
///
/// # Invariants
///
/// Exactly 64 characters, each `0`–`9` or `a`–`f`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Sha256(String);

/// Why a string is not a [`Sha256`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a SHA-256 is written as 64 lowercase hexadecimal digits (0-9, a-f), found {found:?}")]
pub struct Sha256Error {
    /// The text given.
    pub found: String,
}

impl Sha256 {
    /// The digest of `bytes`' SHA-256, from its 32 bytes.
    pub fn from_digest(digest: [u8; 32]) -> Sha256 {
        use fmt::Write as _;
        let mut s = String::with_capacity(64);
        for b in digest {
            let _ = write!(s, "{b:02x}");
        }
        Sha256(s)
    }

    /// The 64 hexadecimal digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Sha256 {
    type Err = Sha256Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            Ok(Sha256(s.to_owned()))
        } else {
            Err(Sha256Error {
                found: s.to_owned(),
            })
        }
    }
}

/// The text a source was read from: its archived copy (`<source-id>.txt`), byte for byte.
///
/// Written by `cargo xtask archive verify`; a check with the archive compares the text
/// against it, so that a changed text is never taken for the one that was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(deny_unknown_fields)]
pub struct TextPin {
    /// The SHA-256 of the archived text's bytes.
    pub sha256: Sha256,
    /// Its length in bytes.
    pub length: u64,
}

impl fmt::Display for TextPin {
    /// `sha256 3f2a…, 41210 bytes`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sha256 {}, {} bytes", self.sha256, self.length)
    }
}

/// How many of the quotes read from one source are verified against its pinned text: a
/// release holds one for each source that claims were read from.
///
/// Derived from the dataset's committed record of verified quotes, not from an archive,
/// so a release says the same with or without one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct QuoteVerification {
    /// The source read; its [`TextPin`] is the source's `archived-text`.
    pub source: Id,
    /// The citations that quote it.
    pub quotes: u64,
    /// Of those, the ones whose quote was found verbatim in its pinned text.
    pub verified: u64,
}

crate::text::string_newtype!(
    Sha256,
    Sha256Error,
    "A SHA-256 digest: 64 lowercase hexadecimal digits.",
    "^[0-9a-f]{64}$"
);
