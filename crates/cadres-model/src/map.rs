//! [`SortedMap`]: the small maps inside a record, kept as one sorted vector.
//!
//! A record's maps hold a few entries: a citation's `as-named` one or two, an entity's
//! labels four at most, a claim's qualifiers one or two. A `BTreeMap` allocates a whole node
//! of eleven entries for the first one, 544 bytes for an `Id` → `String` map, and a dataset
//! of a million claims holds about a million such maps. A sorted vector holds the same
//! entries in their own size. Lookups are a binary search; no record is edited in place
//! often enough for the cost of an insertion to matter.
//!
//! It keeps everything a reader of the release sees of a `BTreeMap`: entries iterate in key
//! order, serde reads and writes it as a map (a later value of a repeated key wins, and a
//! wrong type is refused with the same message), and its JSON Schema is the `BTreeMap`'s.

use std::borrow::{Borrow, Cow};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use litemap::LiteMap;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A map of few entries, sorted by key: the maps of the records (`as_named`, `qualifiers`,
/// `labels`, `aliases`), with the `BTreeMap` methods they are used with.
///
/// ```
/// use cadres_model::{Id, SortedMap};
///
/// let mut named: SortedMap<Id, String> = SortedMap::new();
/// named.insert("mao-zedong".parse()?, "Mao".to_owned());
/// named.insert("liu-shaoqi".parse()?, "Liu".to_owned());
/// let ids: Vec<&str> = named.keys().map(Id::as_str).collect();
/// assert_eq!(ids, ["liu-shaoqi", "mao-zedong"]);
/// assert_eq!(named.get("mao-zedong").map(String::as_str), Some("Mao"));
/// # Ok::<(), cadres_model::IdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SortedMap<K, V>(LiteMap<K, V>);

/// The entries of a [`SortedMap`], in key order.
pub type Iter<'a, K, V> =
    std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

fn pair<K, V>((k, v): &(K, V)) -> (&K, &V) {
    (k, v)
}

impl<K, V> SortedMap<K, V> {
    /// An empty map; it allocates nothing until an entry is inserted.
    #[must_use]
    pub const fn new() -> SortedMap<K, V> {
        SortedMap(LiteMap::new())
    }

    /// The number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no entry.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The entries, in key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        self.0.as_slice().iter().map(pair)
    }

    /// The entries in key order, with their values mutable.
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = (&K, &mut V)> {
        self.0.iter_mut()
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.0.as_slice().iter().map(|(k, _)| k)
    }

    /// The values, in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.0.as_slice().iter().map(|(_, v)| v)
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// The value of `key`.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.0.get(key)
    }

    /// The value of `key`, mutable.
    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.0.get_mut(key)
    }

    /// Whether `key` has an entry.
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.0.contains_key(key)
    }

    /// Sets the value of `key`, returning the one it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        // Entries mostly come in key order: appending needs no search.
        match self.0.try_append(key, value) {
            None => None,
            Some((key, value)) => self.0.insert(key, value),
        }
    }

    /// Removes the entry of `key`, returning its value.
    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.0.remove(key)
    }
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> SortedMap<K, V> {
        SortedMap::new()
    }
}

/// As a `BTreeMap` prints: `{k: v, …}`.
impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for SortedMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Later entries of a repeated key win, as in a `BTreeMap`.
impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> SortedMap<K, V> {
        let mut map = SortedMap::new();
        map.extend(entries);
        map
    }
}

impl<K: Ord, V> Extend<(K, V)> for SortedMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, entries: I) {
        for (k, v) in entries {
            self.insert(k, v);
        }
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for SortedMap<K, V> {
    fn from(entries: [(K, V); N]) -> SortedMap<K, V> {
        entries.into_iter().collect()
    }
}

impl<K: Ord, V> From<BTreeMap<K, V>> for SortedMap<K, V> {
    fn from(map: BTreeMap<K, V>) -> SortedMap<K, V> {
        let mut sorted = SortedMap(LiteMap::with_capacity(map.len()));
        sorted.extend(map);
        sorted
    }
}

impl<K: Ord, V> From<SortedMap<K, V>> for BTreeMap<K, V> {
    fn from(map: SortedMap<K, V>) -> BTreeMap<K, V> {
        map.into_iter().collect()
    }
}

impl<K, V> IntoIterator for SortedMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_tuple_vec().into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<K: Serialize, V: Serialize> Serialize for SortedMap<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (k, v) in self {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for SortedMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<K, V>(PhantomData<fn() -> (K, V)>);

        impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for Entries<K, V> {
            type Value = SortedMap<K, V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // serde's words for a `BTreeMap`, so that a refusal reads the same.
                f.write_str("a map")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                // At most a small preallocation, whatever the input claims.
                let mut map = SortedMap(LiteMap::with_capacity(
                    access.size_hint().unwrap_or(0).min(16),
                ));
                while let Some((k, v)) = access.next_entry()? {
                    map.insert(k, v);
                }
                Ok(map)
            }
        }

        deserializer.deserialize_map(Entries(PhantomData))
    }
}

/// The `BTreeMap`'s schema, so that the JSON Schemas of `schema/` do not change.
impl<K: JsonSchema, V: JsonSchema> JsonSchema for SortedMap<K, V> {
    fn inline_schema() -> bool {
        <BTreeMap<K, V>>::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        <BTreeMap<K, V>>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        <BTreeMap<K, V>>::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        <BTreeMap<K, V>>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::SortedMap;

    proptest! {
        /// Whatever the inserts, the map holds what a `BTreeMap` holds, in its order, and
        /// serde writes and reads it as one.
        #[test]
        fn behaves_as_a_btreemap(entries in proptest::collection::vec((0u8..20, any::<u16>()), 0..40)) {
            let mut sorted = SortedMap::new();
            let mut btree = BTreeMap::new();
            for (k, v) in &entries {
                prop_assert_eq!(sorted.insert(k.to_string(), *v), btree.insert(k.to_string(), *v));
            }
            prop_assert_eq!(sorted.len(), btree.len());
            prop_assert!(sorted.iter().eq(btree.iter()));
            for k in 0u8..20 {
                prop_assert_eq!(sorted.get(k.to_string().as_str()), btree.get(k.to_string().as_str()));
            }
            let json = serde_json::to_string(&sorted).expect("serializes");
            prop_assert_eq!(&json, &serde_json::to_string(&btree).expect("serializes"));
            let back: SortedMap<String, u16> = serde_json::from_str(&json).expect("reads back");
            prop_assert_eq!(&back, &sorted);
            prop_assert_eq!(format!("{sorted:?}"), format!("{btree:?}"));
            let collected: SortedMap<String, u16> =
                entries.iter().map(|(k, v)| (k.to_string(), *v)).collect();
            prop_assert_eq!(collected, sorted);
        }
    }

    #[test]
    fn reads_as_a_btreemap_reads() {
        // A repeated key: the later value wins.
        let json = r#"{"b": 2, "a": 1, "b": 3}"#;
        let sorted: SortedMap<String, u8> = serde_json::from_str(json).expect("reads");
        let btree: BTreeMap<String, u8> = serde_json::from_str(json).expect("reads");
        assert_eq!(BTreeMap::from(sorted), btree);
        // A wrong type: the same refusal.
        let sorted = serde_json::from_str::<SortedMap<String, u8>>("[1]").expect_err("refused");
        let btree = serde_json::from_str::<BTreeMap<String, u8>>("[1]").expect_err("refused");
        assert_eq!(sorted.to_string(), btree.to_string());
    }

    #[test]
    fn has_the_schema_of_a_btreemap() {
        assert_eq!(
            schemars::schema_for!(SortedMap<String, u8>),
            schemars::schema_for!(BTreeMap<String, u8>)
        );
    }
}
