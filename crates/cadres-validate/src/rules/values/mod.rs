//! Values rules: claim values fit their property.

pub(crate) mod invalid_date;
pub(crate) mod reversed_interval;
pub(crate) mod share_out_of_range;
pub(crate) mod subject_kind_mismatch;
pub(crate) mod value_kind_mismatch;
pub(crate) mod value_type_mismatch;

pub use invalid_date::INVALID_DATE;
pub use reversed_interval::REVERSED_INTERVAL;
pub use share_out_of_range::SHARE_OUT_OF_RANGE;
pub use subject_kind_mismatch::SUBJECT_KIND_MISMATCH;
pub use value_kind_mismatch::VALUE_KIND_MISMATCH;
pub use value_type_mismatch::VALUE_TYPE_MISMATCH;

use cadres_model::{Id, Property, Value};

use crate::rules::lookup::{ClaimAt, Lookup};

/// A value of a claim, its own or a qualifier's, with the property it must fit.
pub(crate) struct Valued<'a> {
    pub(crate) property: &'a Property,
    pub(crate) value: &'a Value,
    /// The qualifier's key, or `None` for the claim's own value.
    pub(crate) qualifier: Option<&'a Id>,
}

impl Valued<'_> {
    /// The value's JSON pointer in the claim's file.
    pub(crate) fn pointer(&self, c: &ClaimAt<'_>) -> String {
        match self.qualifier {
            None => format!("{}/value", c.pointer()),
            Some(k) => format!("{}/qualifiers/{k}", c.pointer()),
        }
    }

    /// Whether the value is of its property's type: the other value rules judge only such
    /// values, since one of the wrong type is already reported as that.
    pub(crate) fn typed(&self) -> bool {
        self.value.value_type() == self.property.value_type
    }
}

/// The claim's value and its qualifiers', each with its property where that could be built
/// (an unknown one is `unknown-property`'s).
pub(crate) fn valued<'a, 'x>(
    cx: &'x impl Lookup<'a>,
    c: &'x ClaimAt<'a>,
) -> impl Iterator<Item = Valued<'a>> + 'x {
    let own = cx
        .property(c.claim.property.as_str())
        .map(|property| Valued {
            property,
            value: &c.claim.value,
            qualifier: None,
        });
    own.into_iter()
        .chain(c.claim.qualifiers.iter().filter_map(|(k, value)| {
            cx.property(k.as_str()).map(|property| Valued {
                property,
                value,
                qualifier: Some(k),
            })
        }))
}
