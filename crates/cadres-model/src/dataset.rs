//! The whole dataset, as a release holds it.

use std::borrow::Cow;
use std::fmt;
use std::io::Read;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Claim, Entity, Id, Metadata, Property, QuoteVerification, Source};

/// The version of the release format this crate writes and reads: see
/// [versioning](crate#versioning). A reader accepts every release of its major version.
pub const SCHEMA_VERSION: SchemaVersion = SchemaVersion { major: 2, minor: 1 };

/// A release format's version, written `"MAJOR.MINOR"` (`"2.0"`).
///
/// A release that only adds things (a field at any level) bumps the minor version; one
/// that removes a field, changes what one means, or adds a value to a closed list (an
/// entity kind, a source type, a value type, a rank, a cardinality, a date relation) bumps
/// the major version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SchemaVersion {
    /// Changes when a reader of the previous version could misread a release.
    pub major: u32,
    /// Changes when a release only adds things.
    pub minor: u32,
}

impl SchemaVersion {
    /// Whether a reader of `self` reads a release of `release`: the same major version.
    pub fn reads(self, release: SchemaVersion) -> bool {
        self.major == release.major
    }
}

impl fmt::Display for SchemaVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl FromStr for SchemaVersion {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let number = |part: &str| {
            (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
        };
        s.split_once('.')
            .and_then(|(major, minor)| {
                Some(SchemaVersion {
                    major: number(major)?,
                    minor: number(minor)?,
                })
            })
            .ok_or_else(|| {
                format!("{s:?} is not a schema version (\"MAJOR.MINOR\", such as \"2.0\")")
            })
    }
}

impl Serialize for SchemaVersion {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SchemaVersion {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// The first format wrote its version as a bare number: it reads as major `n`.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Text(String),
            Number(u32),
        }
        match Written::deserialize(deserializer)? {
            Written::Text(s) => s.parse().map_err(serde::de::Error::custom),
            Written::Number(major) => Ok(SchemaVersion { major, minor: 0 }),
        }
    }
}

impl JsonSchema for SchemaVersion {
    fn schema_name() -> Cow<'static, str> {
        "SchemaVersion".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The release format's version, \"MAJOR.MINOR\": a reader accepts every release of its major version.",
            "type": "string",
            "pattern": "^[0-9]+\\.[0-9]+$"
        })
    }
}

/// A whole dataset: what `dist/dataset.json` holds.
///
/// # Invariants
///
/// A release is written only from a dataset that passed every rule of `cadres-validate`:
/// ids are unique and resolve, and each claim's value fits its property. Each list is sorted
/// by id, so the same records always give the same bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]

pub struct Dataset {
    /// The release format's version: [`SCHEMA_VERSION`] when written by this crate, and
    /// the release's own when read.
    pub schema_version: SchemaVersion,
    /// The dataset's description, with its own version.
    pub metadata: Metadata,
    /// The property vocabulary, sorted by id.
    pub properties: Vec<Property>,
    /// Every source, sorted by id.
    pub sources: Vec<Source>,
    /// Every entity, sorted by id.
    pub entities: Vec<Entity>,
    /// Every claim, sorted by id.
    pub claims: Vec<Claim>,
    /// For each source that claims were read from, sorted by source id: how many of its
    /// quotes are verified against the text its `archived-text` pins. Added in 2.1; empty
    /// in an older release.
    #[serde(default)]
    pub quote_verification: Vec<QuoteVerification>,
}

/// Why a release could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The text is not a dataset in JSON.
    #[error("not a cadres dataset: {0}")]
    Json(#[from] serde_json::Error),
    /// The release was written in a major version of the format this crate does not read.
    #[error(
        "the release has schema_version {found}; this cadres-model reads {reads} and every {}.x release: use a cadres-model that reads {}.x",
        reads.major,
        found.major
    )]
    Version {
        /// The version found.
        found: SchemaVersion,
        /// The version this crate reads.
        reads: SchemaVersion,
    },
    /// The release could not be read from its reader.
    #[error("could not read the release: {0}")]
    Io(#[from] std::io::Error),
}

impl Dataset {
    /// Builds a dataset from its parts, sorting each list by id.
    pub fn new(
        metadata: Metadata,
        mut properties: Vec<Property>,
        mut sources: Vec<Source>,
        mut entities: Vec<Entity>,
        mut claims: Vec<Claim>,
    ) -> Dataset {
        /// Sorts by id, stably (records with one id keep their order); a list already in
        /// order is left as it is, which spares a large one the sort's buffer of half its
        /// size.
        fn by_id<T>(records: &mut [T], id: impl Fn(&T) -> &Id) {
            if !records.is_sorted_by(|a, b| id(a) <= id(b)) {
                records.sort_by(|a, b| id(a).cmp(id(b)));
            }
        }
        by_id(&mut properties, |p| &p.id);
        by_id(&mut sources, |s| &s.id);
        by_id(&mut entities, |e| &e.id);
        by_id(&mut claims, |c| &c.id);
        Dataset {
            schema_version: SCHEMA_VERSION,
            metadata,
            properties,
            sources,
            entities,
            claims,
            quote_verification: Vec::new(),
        }
    }

    /// How many quotes of the source `id` are verified, if claims were read from it.
    pub fn verification_of(&self, id: &crate::Id) -> Option<&QuoteVerification> {
        self.quote_verification
            .binary_search_by(|v| v.source.cmp(id))
            .ok()
            .map(|i| &self.quote_verification[i])
    }

    /// Reads a release from its JSON text. See [`Dataset::from_slice`].
    ///
    /// # Errors
    /// As [`Dataset::from_slice`].
    pub fn from_json_str(json: &str) -> Result<Dataset, ReadError> {
        Dataset::from_slice(json.as_bytes())
    }

    /// Reads a release (`dataset.json`) from its bytes.
    ///
    /// Any release of this crate's major version is read, however much newer: fields this
    /// crate does not know are ignored (see [versioning](crate#versioning)).
    ///
    /// # Errors
    /// When the bytes are not a dataset in JSON, or its `schema_version` has another major
    /// version than [`SCHEMA_VERSION`]; the version is checked first, so a release of
    /// another major version gets that message, whatever its shape.
    pub fn from_slice(json: &[u8]) -> Result<Dataset, ReadError> {
        /// Only the version, whatever else the release holds.
        #[derive(Deserialize)]
        struct Probe {
            schema_version: SchemaVersion,
        }
        let Probe { schema_version } = serde_json::from_slice(json)?;
        if !SCHEMA_VERSION.reads(schema_version) {
            return Err(ReadError::Version {
                found: schema_version,
                reads: SCHEMA_VERSION,
            });
        }
        Ok(serde_json::from_slice(json)?)
    }

    /// Reads a release from `reader`, such as an open `dataset.json`. It is read whole
    /// first: a release is parsed twice, once for its version, as [`Dataset::from_slice`].
    ///
    /// # Errors
    /// When reading fails, or as [`Dataset::from_slice`].
    pub fn from_reader(mut reader: impl Read) -> Result<Dataset, ReadError> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes)?;
        Dataset::from_slice(&bytes)
    }
}
