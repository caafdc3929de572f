//! Value newtypes over their text: deserializing one without an intermediate `String`
//! ([`from_text`]), and the plumbing every `String` newtype repeats ([`string_newtype!`]).

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{Deserializer, Error, Visitor};

/// Deserializes a `T` from a string through [`FromStr`], reading the deserializer's text
/// in place: one allocation fewer per value than going through `String`, which counts at
/// millions of ids.
pub(crate) fn from_text<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: fmt::Display,
{
    struct Text<T>(PhantomData<T>);

    impl<T> Visitor<'_> for Text<T>
    where
        T: FromStr,
        T::Err: fmt::Display,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: Error>(self, v: &str) -> Result<T, E> {
            v.parse().map_err(E::custom)
        }
    }

    d.deserialize_str(Text(PhantomData))
}

/// The plumbing of a value newtype `$ty(String)` whose `FromStr` (with error `$err`) is the
/// only way in: `TryFrom<String>` and `From<$ty> for String` (serde's `try_from`/`into`),
/// `Display` (the text), `Debug` (`$ty("…")`) and a JSON Schema of type string with the
/// given description and pattern (and `format`, when given).
macro_rules! string_newtype {
    ($ty:ident, $err:ty, $description:literal, $pattern:literal $(, format = $format:literal)?) => {
        impl TryFrom<String> for $ty {
            type Error = $err;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        impl From<$ty> for String {
            fn from(v: $ty) -> Self {
                v.0
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, concat!(stringify!($ty), "({:?})"), self.0)
            }
        }

        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    $("format": $format,)?
                    "description": $description,
                    "pattern": $pattern,
                })
            }
        }
    };
}

pub(crate) use string_newtype;
