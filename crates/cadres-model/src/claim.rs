//! Claims and the citations that support them.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{DateRelation, Id, SortedMap, Value};

/// How a claim stands against others of the same subject and property (Wikidata's ranks).
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
pub enum Rank {
    /// The best value among disagreeing ones; needs a `rank-reason`.
    Preferred,
    /// An ordinary claim.
    #[default]
    Normal,
    /// Known to be wrong or superseded, kept for the record; needs a `rank-reason`.
    Deprecated,
}

impl Rank {
    /// Whether this is the default rank.
    #[allow(clippy::trivially_copy_pass_by_ref)] // reason: serde's skip_serializing_if passes a reference
    pub fn is_normal(&self) -> bool {
        *self == Rank::Normal
    }
}

crate::names::closed_list!(Rank {
    Preferred => "preferred",
    Normal => "normal",
    Deprecated => "deprecated",
});

/// An explicit disagreement with another claim of the same subject and property.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(deny_unknown_fields)]
pub struct Dispute {
    /// The other claim's id.
    pub with: Id,
    /// How the two values relate. For dates the validator recomputes it from their bounds
    /// and reports a mismatch.
    pub relation: DateRelation,
}

/// Where a claim comes from: the work that was read, where in it, its words, and the works
/// that it cites for them.
///
/// # Two levels of provenance
///
/// `source` is the work actually read (PROV-O `wasQuotedFrom`); `cites` are the footnotes
/// that work attaches to the quoted sentence (`hadPrimarySource`), which were not consulted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(deny_unknown_fields)]
pub struct Citation {
    /// The work that was read.
    pub source: Id,
    /// Where in it: the section heading (`lead` before the first heading), or a page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// The source's words, verbatim, short, in their original language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The works the source cites for the quoted words (its footnotes), in its order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<Id>,
    /// The words of the quote that name an entity of the claim (its subject, or the entity
    /// that is its value) where they are none of that entity's labels and aliases, or where
    /// they could name another entity too: a family name (`Mao`), a description (`the
    /// conference`), a pronoun (`he`). Keyed by entity id; the name as the source gives it.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub as_named: SortedMap<Id, String>,
}

/// A claim as written in an entity file: its subject is the file's entity.
///
/// # Invariants
///
/// Unknown fields are rejected. Whether the value fits the property, the ids resolve and a
/// ranked claim has a reason are the validator's rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct ClaimRecord {
    /// The claim's id, unique in the dataset.
    pub id: Id,
    /// The property, from the vocabulary.
    pub property: Id,
    /// The value, typed by the property.
    pub value: Value,
    /// Further detail, keyed by property id: `point-in-time`, `location`, ...
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub qualifiers: SortedMap<Id, Value>,
    /// The claim's rank.
    #[serde(default, skip_serializing_if = "Rank::is_normal")]
    pub rank: Rank,
    /// Why the rank is not normal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank_reason: Option<String>,
    /// Claims this one disagrees with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disputes: Vec<Dispute>,
    /// The claim as one sentence in our own words.
    pub statement: String,
    /// The evidence: one or more citations.
    pub citations: Vec<Citation>,
}

impl ClaimRecord {
    /// The claim with its subject made explicit.
    pub fn with_subject(self, subject: Id) -> Claim {
        Claim {
            id: self.id,
            subject,
            property: self.property,
            value: self.value,
            qualifiers: self.qualifiers,
            rank: self.rank,
            rank_reason: self.rank_reason,
            disputes: self.disputes,
            statement: self.statement,
            citations: self.citations,
        }
    }
}

/// A claim as it stands in a release: a [`ClaimRecord`] with its subject.
///
/// The release repeats the fields rather than flattening a `ClaimRecord`, because serde's
/// `flatten` buffers every value and hides the keys it ignores from `cadres_model::strict`.
/// A release reader ignores unknown fields (the versioning policy, `docs/versioning.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub struct Claim {
    /// The claim's id, unique in the dataset.
    pub id: Id,
    /// The entity the claim is about.
    pub subject: Id,
    /// The property, from the vocabulary.
    pub property: Id,
    /// The value, typed by the property.
    pub value: Value,
    /// Further detail, keyed by property id.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub qualifiers: SortedMap<Id, Value>,
    /// The claim's rank.
    #[serde(default, skip_serializing_if = "Rank::is_normal")]
    pub rank: Rank,
    /// Why the rank is not normal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank_reason: Option<String>,
    /// Claims this one disagrees with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disputes: Vec<Dispute>,
    /// The claim as one sentence in our own words.
    pub statement: String,
    /// The evidence: one or more citations.
    pub citations: Vec<Citation>,
}

impl Claim {
    /// The claim without its subject, as written in its entity's file.
    pub fn into_record(self) -> ClaimRecord {
        ClaimRecord {
            id: self.id,
            property: self.property,
            value: self.value,
            qualifiers: self.qualifiers,
            rank: self.rank,
            rank_reason: self.rank_reason,
            disputes: self.disputes,
            statement: self.statement,
            citations: self.citations,
        }
    }
}

/// One line: the claim's statement; when the statement is blank, its subject, property and
/// value by id (`liu-shaoqi position-held president-of-china`). Line breaks become spaces.
/// [`Index::describe`](crate::Index::describe) gives the same claim with labels.
///
/// ```
/// # use cadres_model::{Claim, Value};
/// let json = r#"{"id": "liu-shaoqi-position-held", "subject": "liu-shaoqi",
///     "property": "position-held", "value": {"entity": "president-of-china"},
///     "statement": "Liu Shaoqi was\nPresident of China.",
///     "citations": [{"source": "he-2016"}]}"#;
/// let mut claim: Claim = serde_json::from_str(json).unwrap();
/// assert_eq!(claim.to_string(), "Liu Shaoqi was President of China.");
/// claim.statement.clear();
/// assert_eq!(claim.to_string(), "liu-shaoqi position-held president-of-china");
/// ```
impl fmt::Display for Claim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.statement.trim().is_empty() {
            write!(f, "{} {} ", self.subject, self.property)?;
            crate::entity::write_one_line(f, &self.value.to_string())
        } else {
            crate::entity::write_one_line(f, self.statement.trim())
        }
    }
}

/// The most characters of a quote that a [`Citation`]'s `Display` shows.
const QUOTE_CHARS: usize = 80;

/// One line: the source's id, the locator if any, the quote if any in curly quotes
/// (cut to 80 characters, with `…` marking the cut), and the cited works if any:
/// `he-2016, lead: “Liu Shaoqi …” (cites a, b)`. Line breaks become spaces.
///
/// ```
/// # use cadres_model::Citation;
/// let citation = Citation {
///     source: "wikipedia-seven-thousand-cadres-conference".parse().unwrap(),
///     locator: Some("The Conference".to_owned()),
///     quote: Some("during a meeting in Beidaihe".to_owned()),
///     cites: vec!["china-org-beidaihe-1962".parse().unwrap()],
///     as_named: Default::default(),
/// };
/// assert_eq!(
///     citation.to_string(),
///     "wikipedia-seven-thousand-cadres-conference, The Conference: \
///      “during a meeting in Beidaihe” (cites china-org-beidaihe-1962)",
/// );
/// ```
impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(locator) = self
            .locator
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            f.write_str(", ")?;
            crate::entity::write_one_line(f, locator)?;
        }
        if let Some(quote) = self
            .quote
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
        {
            f.write_str(": “")?;
            let head = cut(quote, QUOTE_CHARS - 1);
            crate::entity::write_one_line(f, head.map_or(quote, str::trim_end))?;
            f.write_str(if head.is_some() { "…”" } else { "”" })?;
        }
        for (i, work) in self.cites.iter().enumerate() {
            f.write_str(if i == 0 { " (cites " } else { ", " })?;
            write!(f, "{work}")?;
        }
        if !self.cites.is_empty() {
            f.write_str(")")?;
        }
        Ok(())
    }
}

/// The start of `text` with at most `max` characters, when `text` has more than `max + 1`
/// of them; never cuts a base character from its combining marks.
fn cut(text: &str, max: usize) -> Option<&str> {
    // More than `max + 1` characters, or the quote is shown whole.
    text.chars().nth(max + 1)?;
    let mut end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    while end > 0
        && text[end..]
            .chars()
            .next()
            .is_some_and(unicode_normalization::char::is_combining_mark)
    {
        end = text[..end].char_indices().next_back().map_or(0, |(i, _)| i);
    }
    Some(&text[..end])
}
