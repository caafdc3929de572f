//! The dataset's own description.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::EdtfDate;

/// The metadata file, `dataset/metadata.toml`.
///
/// # Invariants
///
/// In a dataset file an unknown key is an error (`cadres_model::strict`); a release reader
/// ignores one (the versioning policy, `docs/versioning.md`).
///
/// `as-of` is a day-precise date: the validator compares
/// every date in the dataset with it instead of reading the clock, so that a check gives
/// the same answer on any day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(deny_unknown_fields)]
pub struct Metadata {
    /// The dataset's title.
    pub title: String,
    /// What the dataset holds, in a few sentences.
    pub description: String,
    /// The dataset's version (semantic versioning): a release names it.
    pub version: String,
    /// The day the dataset speaks as of: no date in it may be later.
    pub as_of: EdtfDate,
    /// The SPDX license of the data.
    pub license: String,
}
