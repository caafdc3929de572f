//! Closed lists: the enums whose values a release reader branches on (see the crate's
//! versioning policy). Each gets its values in order (`ALL`), each value's name as
//! `dataset.json` writes it (`as_str`) and `Display` from one table, so that an export that
//! lists the allowed words (a CSV column's `enum`) cannot drift from the model.

/// Implements `ALL`, `as_str` and `Display` for a unit enum from `Variant => "name"` pairs.
macro_rules! closed_list {
    ($ty:ident { $($variant:ident => $name:literal,)* }) => {
        impl $ty {
            /// Every value, in the order the type declares them.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),*];

            /// The kebab-case name, as `dataset.json` writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)*
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use closed_list;

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use crate::{Approximation, Cardinality, DateRelation, Rank, SourceType, ValueType};

    /// Each list's names are serde's, and it holds every value the schema allows.
    fn complete<T: Serialize + schemars::JsonSchema + Copy>(
        all: &[T],
        as_str: fn(T) -> &'static str,
    ) {
        for v in all {
            assert_eq!(
                serde_json::to_value(v).expect("serializes"),
                serde_json::Value::String(as_str(*v).to_owned())
            );
        }
        let schema = serde_json::to_value(schemars::schema_for!(T)).expect("a schema");
        let variants = schema
            .get("enum")
            .or_else(|| schema.get("oneOf"))
            .and_then(serde_json::Value::as_array)
            .map_or(0, |v| {
                v.iter()
                    .map(|x| {
                        x.get("enum")
                            .and_then(serde_json::Value::as_array)
                            .map_or(1, Vec::len)
                    })
                    .sum()
            });
        assert_eq!(all.len(), variants, "{}", std::any::type_name::<T>());
    }

    #[test]
    fn every_closed_list_is_complete_and_named_as_serde_names_it() {
        complete(ValueType::ALL, ValueType::as_str);
        complete(Cardinality::ALL, Cardinality::as_str);
        complete(Approximation::ALL, Approximation::as_str);
        complete(SourceType::ALL, SourceType::as_str);
        complete(DateRelation::ALL, DateRelation::as_str);
        complete(Rank::ALL, Rank::as_str);
    }
}
