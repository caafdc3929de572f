//! The whole dataset, as a release holds it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Claim, Entity, Metadata, Property, Source};

/// The version of the release format described by [`Dataset`]. It changes whenever a
/// field is added, removed or changes meaning, so that a reader can refuse what it does not
/// know.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole dataset: what `dist/dataset.json` holds.
///
/// # Invariants
///
/// A release is written only from a dataset that passed every rule of `cadres-validate`:
/// ids are unique and resolve, and each claim's value fits its property. Each list is sorted
/// by id, so the same records always give the same bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The release format's version: [`SCHEMA_VERSION`] when written by this crate.
    pub schema_version: u32,
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
}

/// Why a release could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The text is not a dataset in JSON.
    #[error("not a cadres dataset: {0}")]
    Json(#[from] serde_json::Error),
    /// The release was written in a format this crate does not know.
    #[error("the release has schema_version {found}, this crate reads {SCHEMA_VERSION}")]
    Version {
        /// The version found.
        found: u32,
    },
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
        properties.sort_by(|a, b| a.id.cmp(&b.id));
        sources.sort_by(|a, b| a.id.cmp(&b.id));
        entities.sort_by(|a, b| a.id.cmp(&b.id));
        claims.sort_by(|a, b| a.id.cmp(&b.id));
        Dataset {
            schema_version: SCHEMA_VERSION,
            metadata,
            properties,
            sources,
            entities,
            claims,
        }
    }

    /// Reads a release from its JSON text.
    ///
    /// # Errors
    /// When the text is not a dataset, or its `schema_version` is not [`SCHEMA_VERSION`].
    pub fn from_json_str(json: &str) -> Result<Dataset, ReadError> {
        let dataset: Dataset = serde_json::from_str(json)?;
        if dataset.schema_version != SCHEMA_VERSION {
            return Err(ReadError::Version {
                found: dataset.schema_version,
            });
        }
        Ok(dataset)
    }
}
