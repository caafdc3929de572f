//! BCP 47 language tags.

use std::str::FromStr;

use oxilangtag::LanguageTag;
use serde::{Deserialize, Serialize};

/// A well-formed BCP 47 language tag: `en`, `zh`, `zh-Hans`, `zh-Hant`, `zh-Latn-pinyin`.
///
/// # Invariants
///
/// Well-formed per RFC 5646 (checked by `oxilangtag`), kept as written. Registry checks
/// (whether `xx` is an assigned language) are out of scope: well-formedness is what a
/// contributor's typo breaks.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LangTag(String);

/// Why a string is not a [`LangTag`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{tag:?} is not a well-formed BCP 47 language tag: {reason}")]
pub struct LangTagError {
    /// The text given.
    pub tag: String,
    /// What is wrong with it.
    pub reason: String,
}

impl LangTag {
    /// The tag as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag: `zh` for `zh-Hans`.
    pub fn primary_language(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// The script subtag, if any: `Hans` for `zh-Hans`.
    pub fn script(&self) -> Option<&str> {
        self.0
            .split('-')
            .skip(1)
            .take_while(|s| s.len() != 1)
            .find(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic()))
    }
}

impl FromStr for LangTag {
    type Err = LangTagError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let fail = |reason: String| LangTagError {
            tag: s.to_owned(),
            reason,
        };
        if let Some(c) = s
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
        {
            return Err(fail(format!(
                "a tag holds ascii letters, digits and hyphens only, found {c:?}"
            )));
        }
        match LanguageTag::parse(s) {
            Ok(_) => Ok(LangTag(s.to_owned())),
            Err(e) => {
                // oxilangtag capitalizes its sentences; ours are lowercase.
                let reason = e.to_string();
                let mut chars = reason.chars();
                let lower = chars
                    .next()
                    .map(|c| c.to_lowercase().chain(chars).collect())
                    .unwrap_or_default();
                Err(fail(lower))
            }
        }
    }
}

crate::text::string_newtype!(
    LangTag,
    LangTagError,
    "A BCP 47 language tag: en, zh, zh-Hans, zh-Hant, zh-Latn-pinyin.",
    "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"
);
