//! The property vocabulary: what can be said about an entity.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{EntityKind, Id};

/// The type of value a property takes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ValueType {
    /// Another entity.
    Entity,
    /// An EDTF date or interval.
    Date,
    /// A number with an approximation and a unit.
    Quantity,
    /// Parts of a whole, in percent.
    Share,
    /// Language-tagged text.
    Text,
}

crate::names::closed_list!(ValueType {
    Entity => "entity",
    Date => "date",
    Quantity => "quantity",
    Share => "share",
    Text => "text",
});

/// How many values one subject may have for a property.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Cardinality {
    /// One true value: differing claims are a dispute that must be ranked and classified.
    Single,
    /// Any number of values.
    #[default]
    Multiple,
}

crate::names::closed_list!(Cardinality {
    Single => "single",
    Multiple => "multiple",
});

/// A property of the vocabulary.
///
/// # Invariants
///
/// In a dataset file an unknown key is an error (`cadres_model::strict`); a release reader
/// ignores one (the versioning policy, `docs/versioning.md`).
///
/// Empty `subject-kinds` or `value-kinds` mean any kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(deny_unknown_fields)]
pub struct Property {
    /// The property's id, used in claims and qualifiers.
    pub id: Id,
    /// A short English label: `end date`.
    pub label: String,
    /// What the property means, in one sentence.
    pub description: String,
    /// The type its values take.
    pub value_type: ValueType,
    /// Whether a subject has one value or several.
    #[serde(default)]
    pub cardinality: Cardinality,
    /// The kinds of entity it may describe; empty means any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subject_kinds: Vec<EntityKind>,
    /// For entity values, the kinds the value may be; empty means any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub value_kinds: Vec<EntityKind>,
}

/// The vocabulary file, `dataset/properties.toml`: one `[[property]]` table each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct PropertiesFile {
    /// The properties, in the order the file gives them.
    pub property: Vec<Property>,
}
