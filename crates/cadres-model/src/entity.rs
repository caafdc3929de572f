//! Entities: the people, organizations, meetings and ideas that claims are about.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ClaimRecord, Id, LangTag};

/// What sort of thing an entity is. Entity files live in `dataset/entities/<kind>/`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A party, state body, university or other organization.
    Organization,
    /// Something that happened over time: a famine, a purge.
    Event,
    /// A conference or meeting.
    Meeting,
    /// A speech or talk.
    Speech,
    /// A policy or programme.
    Policy,
    /// A political movement or campaign.
    Movement,
    /// A slogan or set phrase.
    Slogan,
    /// A principle or idea.
    Concept,
    /// A place.
    Place,
    /// An office or position.
    Position,
    /// A body of people who are not an organization ("foreign leaders").
    Group,
}

impl EntityKind {
    /// Every kind, in order.
    pub const ALL: [EntityKind; 12] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Event,
        EntityKind::Meeting,
        EntityKind::Speech,
        EntityKind::Policy,
        EntityKind::Movement,
        EntityKind::Slogan,
        EntityKind::Concept,
        EntityKind::Place,
        EntityKind::Position,
        EntityKind::Group,
    ];

    /// The kebab-case name, which is also the folder name.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Event => "event",
            EntityKind::Meeting => "meeting",
            EntityKind::Speech => "speech",
            EntityKind::Policy => "policy",
            EntityKind::Movement => "movement",
            EntityKind::Slogan => "slogan",
            EntityKind::Concept => "concept",
            EntityKind::Place => "place",
            EntityKind::Position => "position",
            EntityKind::Group => "group",
        }
    }

    /// The kind named `s`.
    pub fn from_name(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An entity as it stands in a release: what it is and what it is called.
///
/// # Invariants
///
/// `labels` is keyed by BCP 47 tag (`en`, `zh-Hans`, `zh-Hant`, `zh-Latn-pinyin`); a label
/// in a Chinese script is recorded only where the source gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub struct Entity {
    /// The entity's id; also its file name.
    pub id: Id,
    /// What sort of thing it is; also its folder name.
    pub kind: EntityKind,
    /// Its names, one per language tag.
    pub labels: BTreeMap<LangTag, String>,
    /// Other names it goes by, per language tag.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub aliases: BTreeMap<LangTag, Vec<String>>,
    /// One or two sentences in our own words saying what it is.
    pub description: String,
}

impl Entity {
    /// The English label, or else the first label by tag order, or else the id.
    pub fn label(&self) -> &str {
        self.labels
            .iter()
            .find(|(k, _)| k.as_str() == "en")
            .or_else(|| self.labels.iter().next())
            .map_or(self.id.as_str(), |(_, v)| v.as_str())
    }
}

/// One entity file, `dataset/entities/<kind>/<id>.toml`: the entity and the claims made
/// about it (their subject is this entity).
///
/// # Invariants
///
/// Unknown fields are rejected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct EntityFile {
    /// The entity's id; also its file name.
    pub id: Id,
    /// What sort of thing it is; also its folder name.
    pub kind: EntityKind,
    /// Its names, one per language tag.
    pub labels: BTreeMap<LangTag, String>,
    /// Other names it goes by, per language tag.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub aliases: BTreeMap<LangTag, Vec<String>>,
    /// One or two sentences in our own words saying what it is.
    pub description: String,
    /// The claims whose subject is this entity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<ClaimRecord>,
}

impl EntityFile {
    /// Splits the file into its entity and its claims, each claim given this entity as subject.
    pub fn into_parts(self) -> (Entity, Vec<crate::Claim>) {
        let claims = self
            .claims
            .into_iter()
            .map(|c| c.with_subject(self.id.clone()))
            .collect();
        let entity = Entity {
            id: self.id,
            kind: self.kind,
            labels: self.labels,
            aliases: self.aliases,
            description: self.description,
        };
        (entity, claims)
    }

    /// Joins an entity and its claims back into a file (the inverse of [`EntityFile::into_parts`]).
    pub fn from_parts(entity: Entity, claims: Vec<crate::Claim>) -> EntityFile {
        EntityFile {
            id: entity.id,
            kind: entity.kind,
            labels: entity.labels,
            aliases: entity.aliases,
            description: entity.description,
            claims: claims.into_iter().map(crate::Claim::into_record).collect(),
        }
    }
}
