//! Typed claim values.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Edtf, Id, LangTag};

/// The value of a claim or qualifier. Its variant must match the property's
/// [`ValueType`](crate::ValueType).
///
/// Written as a table with one key naming the variant:
/// `{ entity = "mao-zedong" }`, `{ date = "1962-02" }`,
/// `{ quantity = { amount = 7000, approximation = "over", unit = "person" } }`,
/// `{ share = [{ percent = 30.0, of = "natural disasters" }, ...] }`,
/// `{ text = { lang = "zh-Hans", text = "年年讲" } }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum Value {
    /// Another entity, by id.
    Entity(Id),
    /// A date or interval, as precise as the source.
    Date(Edtf),
    /// A number of something, with how exactly the source gives it.
    Quantity(Quantity),
    /// A whole divided into parts, each with its percentage; the parts stay together.
    Share(Vec<SharePart>),
    /// Text in a stated language.
    Text(LangText),
}

impl Value {
    /// The value's type.
    pub fn value_type(&self) -> crate::ValueType {
        match self {
            Value::Entity(_) => crate::ValueType::Entity,
            Value::Date(_) => crate::ValueType::Date,
            Value::Quantity(_) => crate::ValueType::Quantity,
            Value::Share(_) => crate::ValueType::Share,
            Value::Text(_) => crate::ValueType::Text,
        }
    }

    /// The entity referred to, if this is an entity value.
    pub fn as_entity(&self) -> Option<&Id> {
        match self {
            Value::Entity(id) => Some(id),
            _ => None,
        }
    }

    /// The date, if this is a date value.
    pub fn as_date(&self) -> Option<&Edtf> {
        match self {
            Value::Date(d) => Some(d),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    /// A plain-text rendering, for messages and tables.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Entity(id) => write!(f, "{id}"),
            Value::Date(d) => write!(f, "{d}"),
            Value::Quantity(q) => write!(f, "{q}"),
            Value::Share(parts) => {
                for (i, p) in parts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{}% {}", p.percent, p.of)?;
                }
                Ok(())
            }
            Value::Text(t) => write!(f, "{} ({})", t.text, t.lang),
        }
    }
}

/// How exactly a source states a number.
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
pub enum Approximation {
    /// Exactly the amount.
    #[default]
    Exact,
    /// Roughly the amount ("about 7,000").
    About,
    /// More than the amount ("over 7,000").
    Over,
    /// Fewer than the amount ("under 7,000").
    Under,
    /// Some multiple of the amount below ten times it ("tens of millions": amount 10,000,000).
    OrderOfMagnitude,
}

crate::names::closed_list!(Approximation {
    Exact => "exact",
    About => "about",
    Over => "over",
    Under => "under",
    OrderOfMagnitude => "order-of-magnitude",
});

impl Approximation {
    /// The English words that go before the number.
    pub fn words(self) -> &'static str {
        match self {
            Approximation::Exact => "",
            Approximation::About => "about ",
            Approximation::Over => "over ",
            Approximation::Under => "under ",
            Approximation::OrderOfMagnitude => "on the order of ",
        }
    }
}

/// A number with its approximation and unit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(deny_unknown_fields)]
pub struct Quantity {
    /// The number the source gives.
    pub amount: u64,
    /// How exactly it gives it.
    #[serde(default, skip_serializing_if = "is_exact")]
    pub approximation: Approximation,
    /// What is counted, singular: `person`, `time`.
    pub unit: String,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // reason: serde's skip_serializing_if passes a reference
fn is_exact(a: &Approximation) -> bool {
    *a == Approximation::Exact
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{} {}",
            self.approximation.words(),
            self.amount,
            self.unit
        )
    }
}

/// One part of a [`Value::Share`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(deny_unknown_fields)]
pub struct SharePart {
    /// The percentage, 0 to 100.
    pub percent: f64,
    /// What this part is, in English: `natural disasters`.
    pub of: String,
}

/// Text with its language.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(deny_unknown_fields)]
pub struct LangText {
    /// The language of `text`.
    pub lang: LangTag,
    /// The text.
    pub text: String,
}
