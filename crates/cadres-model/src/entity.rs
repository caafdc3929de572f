//! Entities: the people, organizations, meetings and ideas that claims are about.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ClaimRecord, Id, LangTag, SortedMap};

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
    pub labels: SortedMap<LangTag, String>,
    /// Other names it goes by, per language tag.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub aliases: SortedMap<LangTag, Vec<String>>,
    /// One or two sentences in our own words saying what it is.
    pub description: String,
}

impl Entity {
    /// The English label, or else the first label by tag order, or else the id.
    pub fn label(&self) -> &str {
        label_of(&self.labels, &self.id)
    }

    /// The label to show a reader of `lang`, falling back in this order:
    ///
    /// 1. the label tagged exactly `lang` (tags compare ignoring ASCII case, as BCP 47 says);
    /// 2. a label of the same primary language:
    ///    1. the longest tag that `lang` extends, subtag by subtag (asking `zh-Hant-TW`
    ///       finds `zh-Hant`, then `zh`);
    ///    2. else the first tag by tag order that extends `lang` (asking `zh` finds
    ///       `zh-Hans` before `zh-Hant`);
    ///    3. else the first tag by tag order with that primary language (asking `zh-Hant`
    ///       finds `zh-Latn-pinyin` when that is the only Chinese label);
    /// 3. the English label, chosen among `en` tags in the same way;
    /// 4. the first label by tag order;
    /// 5. the id.
    ///
    /// No likely-subtags data is used: asking `zh-TW` with labels `zh-Hans` and `zh-Hant`
    /// gives `zh-Hans`, the first by tag order.
    ///
    /// ```
    /// # use cadres_model::SortedMap;
    /// # use cadres_model::{Entity, EntityKind, LangTag};
    /// # fn tag(s: &str) -> LangTag { s.parse().unwrap() }
    /// let conference = Entity {
    ///     id: "seven-thousand-cadres-conference".parse().unwrap(),
    ///     kind: EntityKind::Meeting,
    ///     labels: SortedMap::from([
    ///         (tag("en"), "Seven Thousand Cadres Conference".to_owned()),
    ///         (tag("zh-Hans"), "七千人大会".to_owned()),
    ///         (tag("zh-Hant"), "七千人大會".to_owned()),
    ///     ]),
    ///     aliases: SortedMap::new(),
    ///     description: String::new(),
    /// };
    /// assert_eq!(conference.label_in(&tag("zh-Hant")), "七千人大會");
    /// assert_eq!(conference.label_in(&tag("zh")), "七千人大会");
    /// assert_eq!(conference.label_in(&tag("zh-Hant-TW")), "七千人大會");
    /// assert_eq!(conference.label_in(&tag("fr")), "Seven Thousand Cadres Conference");
    /// ```
    pub fn label_in(&self, lang: &LangTag) -> &str {
        self.label_matching(lang.as_str())
            .or_else(|| self.label_matching("en"))
            .or_else(|| self.labels.values().next().map(String::as_str))
            .unwrap_or(self.id.as_str())
    }

    /// Steps 1 and 2 of [`Entity::label_in`] for the tag `want`.
    fn label_matching(&self, want: &str) -> Option<&str> {
        let tags = || self.labels.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        if let Some((_, label)) = tags().find(|(tag, _)| tag.eq_ignore_ascii_case(want)) {
            return Some(label);
        }
        let primary = want.split('-').next().unwrap_or(want);
        tags()
            .filter(|(tag, _)| extends(want, tag))
            .max_by_key(|(tag, _)| tag.len())
            .or_else(|| tags().find(|(tag, _)| extends(tag, want)))
            .or_else(|| {
                tags().find(|(tag, _)| {
                    tag.split('-')
                        .next()
                        .is_some_and(|p| p.eq_ignore_ascii_case(primary))
                })
            })
            .map(|(_, label)| label)
    }
}

/// Whether the language tag `long` is `short` with one or more subtags added, ignoring
/// ASCII case: `zh-Hant-TW` extends `zh-Hant` and `zh`, not `zh-Han`.
fn extends(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && long.as_bytes()[short.len()] == b'-'
        && long.as_bytes()[..short.len()].eq_ignore_ascii_case(short.as_bytes())
}

/// One line: `Seven Thousand Cadres Conference (meeting)`, the [`Entity::label`] and the
/// kind, any line break in the label written as a space.
///
/// ```
/// # use cadres_model::SortedMap;
/// # use cadres_model::{Entity, EntityKind};
/// let liu = Entity {
///     id: "liu-shaoqi".parse().unwrap(),
///     kind: EntityKind::Person,
///     labels: SortedMap::from([("en".parse().unwrap(), "Liu Shaoqi".to_owned())]),
///     aliases: SortedMap::new(),
///     description: String::new(),
/// };
/// assert_eq!(liu.to_string(), "Liu Shaoqi (person)");
/// ```
impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self.label();
        let label = if label.trim().is_empty() {
            self.id.as_str()
        } else {
            label
        };
        write_one_line(f, label)?;
        write!(f, " ({})", self.kind)
    }
}

/// Writes `text` on one line: each run of line breaks and other control characters
/// (tabs included) becomes one space. Every one-line `Display` of the model goes through it.
pub(crate) fn write_one_line(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    fn is_break(c: char) -> bool {
        c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
    }
    let mut rest = text;
    while let Some(start) = rest.find(is_break) {
        f.write_str(&rest[..start])?;
        f.write_str(" ")?;
        let after = &rest[start..];
        rest = &after[after.find(|c| !is_break(c)).unwrap_or(after.len())..];
    }
    f.write_str(rest)
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
    pub labels: SortedMap<LangTag, String>,
    /// Other names it goes by, per language tag.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub aliases: SortedMap<LangTag, Vec<String>>,
    /// One or two sentences in our own words saying what it is.
    pub description: String,
    /// The claims whose subject is this entity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<ClaimRecord>,
}

/// The English label of `labels`, or else the first by tag order, or else `id`.
fn label_of<'a>(labels: &'a SortedMap<LangTag, String>, id: &'a Id) -> &'a str {
    labels
        .iter()
        .find(|(k, _)| k.as_str() == "en")
        .or_else(|| labels.iter().next())
        .map_or(id.as_str(), |(_, v)| v.as_str())
}

impl EntityFile {
    /// The English label, or else the first label by tag order, or else the id: as
    /// [`Entity::label`].
    pub fn label(&self) -> &str {
        label_of(&self.labels, &self.id)
    }

    /// Splits the file into its entity and its claims, each claim given this entity as subject.
    pub fn into_parts(self) -> (Entity, Vec<crate::Claim>) {
        let mut claims = Vec::with_capacity(self.claims.len());
        let entity = self.split_into(&mut claims);
        (entity, claims)
    }

    /// [`EntityFile::into_parts`], the claims appended to `claims`: a dataset assembled from
    /// many files moves each claim once, into one vector.
    pub fn split_into(self, claims: &mut Vec<crate::Claim>) -> Entity {
        claims.extend(
            self.claims
                .into_iter()
                .map(|c| c.with_subject(self.id.clone())),
        );
        Entity {
            id: self.id,
            kind: self.kind,
            labels: self.labels,
            aliases: self.aliases,
            description: self.description,
        }
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
