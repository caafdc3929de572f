//! Reading a dataset *file*: every key must be known.
//!
//! The record types serve both the hand-edited files and the release. A release reader
//! ignores fields it does not know, so that it reads later releases that only add things
//! (see [versioning](crate#versioning)); in a file, an unknown key is a typo, and losing it
//! silently would lose what the contributor wrote. So the types' serde derives accept
//! unknown fields, the file schemas (`schema/*.schema.json`) forbid them, and a file is
//! deserialized through [`deserialize`], which refuses any key the types would ignore.

use std::fmt;

use serde::{Deserialize, Deserializer};

/// Why a file's record could not be read strictly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StrictError<E> {
    /// The deserializer refused the input.
    Invalid(E),
    /// The input fits the type but holds keys the type does not know, by their paths
    /// (`claims.0.citations.0.qoute`), in the order they were met.
    Unknown(Vec<String>),
}

impl<E: fmt::Display> fmt::Display for StrictError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StrictError::Invalid(e) => e.fmt(f),
            StrictError::Unknown(paths) => {
                write!(f, "unknown field")?;
                if paths.len() > 1 {
                    write!(f, "s")?;
                }
                for (i, p) in paths.iter().enumerate() {
                    write!(f, "{} `{p}`", if i == 0 { "" } else { "," })?;
                }
                Ok(())
            }
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for StrictError<E> {}

/// Deserializes `T` from `deserializer`, refusing the input when it holds a key that `T`
/// would ignore, at any depth.
///
/// ```
/// use cadres_model::{Metadata, strict};
///
/// let text = r#"{"title": "t", "description": "d", "version": "1.0.0",
///                "as-of": "2026-01-01", "license": "CC-BY-SA-4.0", "lisence": "x"}"#;
/// let mut de = serde_json::Deserializer::from_str(text);
/// let err = strict::deserialize::<Metadata, _>(&mut de).unwrap_err();
/// assert_eq!(err.to_string(), "unknown field `lisence`");
///
/// // The same text read as part of a release: the unknown key is ignored.
/// let metadata: Metadata = serde_json::from_str(text).unwrap();
/// assert_eq!(metadata.title, "t");
/// ```
pub fn deserialize<'de, T, D>(deserializer: D) -> Result<T, StrictError<D::Error>>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    let mut unknown = Vec::new();
    let value = serde_ignored::deserialize(deserializer, |path| unknown.push(path.to_string()))
        .map_err(StrictError::Invalid)?;
    if unknown.is_empty() {
        Ok(value)
    } else {
        Err(StrictError::Unknown(unknown))
    }
}
