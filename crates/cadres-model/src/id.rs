//! Record identifiers: lowercase ASCII slugs.

use std::borrow::Borrow;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

/// The longest identifier accepted, in bytes.
pub const MAX_ID_LEN: usize = 80;

/// The identifier of a source, entity, claim or property.
///
/// # Syntax
///
/// One or more words of lowercase ASCII letters and digits, joined by single
/// hyphens: `seven-thousand-cadres-conference`, `he-2016`. At most
/// [`MAX_ID_LEN`] bytes. Ids of sources and entities are also their file names.
///
/// # Invariants
///
/// An `Id` always holds a valid slug. It is cheap to clone: a slug of up to 23 bytes, as
/// most are, is held inline with no allocation, a longer one is reference counted.
/// Ordering is byte order of the slug.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(SmolStr);

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::text::from_text(d)
    }
}

/// Why a string is not an [`Id`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// The string is empty.
    #[error("an id cannot be empty")]
    Empty,
    /// The string is longer than [`MAX_ID_LEN`].
    #[error("an id is at most {MAX_ID_LEN} bytes, this one has {0}")]
    TooLong(usize),
    /// A character other than `a-z`, `0-9` or `-`.
    #[error("an id holds only lowercase ascii letters, digits and hyphens, found {0:?}")]
    BadChar(char),
    /// A hyphen at the start or end, or two in a row.
    #[error("an id's hyphens join words: none at the start or end, never two in a row")]
    BadHyphen,
}

impl Id {
    /// The slug as a string slice.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// Turns free text into the id it would most likely have (`"He, Henry"` →
    /// `he-henry`). Returns `None` when nothing usable is left.
    pub fn slugify(text: &str) -> Option<Id> {
        let mut out = String::new();
        for c in text.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_alphanumeric() {
                out.push(c);
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
        while out.ends_with('-') {
            out.pop();
        }
        out.truncate(MAX_ID_LEN);
        while out.ends_with('-') {
            out.pop();
        }
        out.parse().ok()
    }
}

impl FromStr for Id {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(IdError::Empty);
        }
        if s.len() > MAX_ID_LEN {
            return Err(IdError::TooLong(s.len()));
        }
        // One pass over the bytes: a bad character anywhere is reported before a hyphen
        // out of place.
        let mut hyphen_ok = true;
        let mut after_hyphen = true;
        for (i, b) in s.bytes().enumerate() {
            match b {
                b'a'..=b'z' | b'0'..=b'9' => after_hyphen = false,
                b'-' => {
                    hyphen_ok &= !after_hyphen;
                    after_hyphen = true;
                }
                _ => {
                    // Every byte before `i` is ASCII, so a character starts at `i`.
                    let c = s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
                    return Err(IdError::BadChar(c));
                }
            }
        }
        if !hyphen_ok || after_hyphen {
            return Err(IdError::BadHyphen);
        }
        Ok(Id(SmolStr::new(s)))
    }
}

impl TryFrom<String> for Id {
    type Error = IdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Id> for String {
    fn from(id: Id) -> Self {
        id.0.to_string()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({:?})", self.as_str())
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A lowercase slug: words of a-z and 0-9 joined by single hyphens.",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "maxLength": MAX_ID_LEN,
        })
    }
}
