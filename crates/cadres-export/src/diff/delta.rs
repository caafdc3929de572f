//! What changed between two datasets, record by record and field by field: the delta that
//! every output format renders.
//!
//! Records are matched by id. A record whose id is only in the new dataset is added, only in
//! the old one removed; one in both that differs is changed, with the list of fields that
//! differ. Fields are compared in the release's JSON form (`dataset.json`) and named by
//! their path in it: `statement`, `labels.en`, `citations[0].quote`. Lists are lined up
//! with a Myers diff, so that a citation inserted first does not make every later one read
//! as changed.

use std::cmp::Ordering;
use std::fmt::Write as _;

use cadres_model::{Claim, Dataset, Entity, Property, Source};
use serde::Serialize;
use serde_json::Value;

use super::words::{Pair, align};

/// A record kind of the dataset: it has an id, and a JSON form to compare.
pub trait Record: Serialize + PartialEq {
    /// The record's id, which matches it across the two datasets.
    fn id(&self) -> &str;

    /// The JSON form the fields are compared in: the release's.
    fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

impl Record for Claim {
    fn id(&self) -> &str {
        self.id.as_str()
    }

    /// The release leaves out a normal rank; here it is written, so that a rank raised
    /// reads `rank: normal → preferred`, not as a field that appeared.
    fn to_json(&self) -> Value {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Value::Object(map) = &mut value {
            map.entry("rank")
                .or_insert_with(|| Value::String("normal".to_owned()));
        }
        value
    }
}

impl Record for Entity {
    fn id(&self) -> &str {
        self.id.as_str()
    }
}

impl Record for Source {
    fn id(&self) -> &str {
        self.id.as_str()
    }
}

impl Record for Property {
    fn id(&self) -> &str {
        self.id.as_str()
    }
}

/// One field that differs: its path, and its value before and after (`None` where the
/// field is absent on that side).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    /// Where the field is in the record's JSON form: `citations[0].quote`.
    pub path: String,
    /// The old value; absent when the field was added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    /// The new value; absent when the field was removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
}

/// A record in both datasets that differs.
#[derive(Debug)]
pub struct Changed<'a, T> {
    /// The record in the old dataset.
    pub old: &'a T,
    /// The record in the new dataset.
    pub new: &'a T,
    /// Every field that differs, in path order (keys by name, list items by position).
    pub fields: Vec<Field>,
}

/// What changed in one record kind; each list sorted by id.
#[derive(Debug)]
pub struct Kind<'a, T> {
    /// Records only in the new dataset.
    pub added: Vec<&'a T>,
    /// Records only in the old dataset.
    pub removed: Vec<&'a T>,
    /// Records in both that differ.
    pub changed: Vec<Changed<'a, T>>,
}

impl<'a, T: Record> Kind<'a, T> {
    /// Matches `old` and `new` by id (a merge of the two lists sorted by id).
    fn new(old: &'a [T], new: &'a [T]) -> Self {
        let sorted = |items: &'a [T]| {
            let mut refs: Vec<&'a T> = items.iter().collect();
            refs.sort_by(|a, b| a.id().cmp(b.id()));
            refs
        };
        let (old, new) = (sorted(old), sorted(new));
        let mut kind = Kind {
            added: Vec::new(),
            removed: Vec::new(),
            changed: Vec::new(),
        };
        let (mut i, mut j) = (0, 0);
        while i < old.len() || j < new.len() {
            let order = match (old.get(i), new.get(j)) {
                (Some(o), Some(n)) => o.id().cmp(n.id()),
                (Some(_), None) => Ordering::Less,
                (None, _) => Ordering::Greater,
            };
            match order {
                Ordering::Less => {
                    kind.removed.push(old[i]);
                    i += 1;
                }
                Ordering::Greater => {
                    kind.added.push(new[j]);
                    j += 1;
                }
                Ordering::Equal => {
                    let (o, n) = (old[i], new[j]);
                    if o != n {
                        let fields = fields(&o.to_json(), &n.to_json());
                        if !fields.is_empty() {
                            kind.changed.push(Changed {
                                old: o,
                                new: n,
                                fields,
                            });
                        }
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        kind
    }

    /// Whether nothing changed in this kind.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Why the version of the new dataset is suspect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WarningKind {
    /// The data changed, but `metadata.version` did not.
    NotBumped,
    /// `metadata.version` is lower than before.
    WentDown,
}

/// A warning about `metadata.version`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionWarning {
    /// `not-bumped` or `went-down`.
    pub kind: WarningKind,
    /// The warning as a sentence.
    pub message: String,
}

/// Every change from one dataset to another.
#[derive(Debug)]
pub struct Delta<'a> {
    /// The old dataset.
    pub old: &'a Dataset,
    /// The new dataset.
    pub new: &'a Dataset,
    /// Claims added, removed and changed.
    pub claims: Kind<'a, Claim>,
    /// Entities added, removed and changed.
    pub entities: Kind<'a, Entity>,
    /// Sources added, removed and changed.
    pub sources: Kind<'a, Source>,
    /// Properties added, removed and changed.
    pub properties: Kind<'a, Property>,
    /// The fields of the metadata that differ, `version` included.
    pub metadata: Vec<Field>,
    /// A warning when the data changed but the version did not, or the version went down.
    pub version_warning: Option<VersionWarning>,
}

impl<'a> Delta<'a> {
    /// The changes from `old` to `new`.
    pub fn new(old: &'a Dataset, new: &'a Dataset) -> Delta<'a> {
        let mut delta = Delta {
            old,
            new,
            claims: Kind::new(&old.claims, &new.claims),
            entities: Kind::new(&old.entities, &new.entities),
            sources: Kind::new(&old.sources, &new.sources),
            properties: Kind::new(&old.properties, &new.properties),
            metadata: fields(
                &serde_json::to_value(&old.metadata).unwrap_or_default(),
                &serde_json::to_value(&new.metadata).unwrap_or_default(),
            ),
            version_warning: None,
        };
        delta.version_warning = version_warning(
            &old.metadata.version,
            &new.metadata.version,
            delta.data_changed(),
        );
        delta
    }

    /// Whether anything but `metadata.version` changed.
    pub fn data_changed(&self) -> bool {
        !(self.claims.is_empty()
            && self.entities.is_empty()
            && self.sources.is_empty()
            && self.properties.is_empty()
            && self.metadata.iter().all(|f| f.path == "version"))
    }

    /// Whether anything changed at all, `metadata.version` included.
    pub fn has_changes(&self) -> bool {
        self.data_changed() || !self.metadata.is_empty()
    }
}

/// The warning for a change from version `old` to `new`: the version went down (compared
/// as semantic versions), or it stayed the same although the data changed.
pub(crate) fn version_warning(old: &str, new: &str, data_changed: bool) -> Option<VersionWarning> {
    let order = match (semver(old), semver(new)) {
        (Some(a), Some(b)) => Some(a.cmp(&b)),
        _ => (old == new).then_some(Ordering::Equal),
    };
    match order {
        Some(Ordering::Greater) => Some(VersionWarning {
            kind: WarningKind::WentDown,
            message: format!("metadata.version went down, from {old} to {new}"),
        }),
        Some(Ordering::Equal) if data_changed => Some(VersionWarning {
            kind: WarningKind::NotBumped,
            message: if old == new {
                format!("the data changed but metadata.version is still {new}: bump it")
            } else {
                format!(
                    "the data changed but metadata.version {old} → {new} is not a new version: bump it"
                )
            },
        }),
        _ => None,
    }
}

/// A semantic version, ordered by precedence: `1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0`.
#[derive(Debug, PartialEq, Eq)]
struct Semver<'a> {
    core: [u64; 3],
    pre: Vec<&'a str>,
}

impl Ord for Semver<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        fn ident(a: &str, b: &str) -> Ordering {
            match (a.parse::<u64>(), b.parse::<u64>()) {
                (Ok(x), Ok(y)) => x.cmp(&y),
                (Ok(_), Err(_)) => Ordering::Less,
                (Err(_), Ok(_)) => Ordering::Greater,
                (Err(_), Err(_)) => a.cmp(b),
            }
        }
        self.core
            .cmp(&other.core)
            .then_with(|| match (self.pre.is_empty(), other.pre.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => {
                    for (a, b) in self.pre.iter().zip(&other.pre) {
                        let o = ident(a, b);
                        if o != Ordering::Equal {
                            return o;
                        }
                    }
                    self.pre.len().cmp(&other.pre.len())
                }
            })
    }
}

impl PartialOrd for Semver<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// `MAJOR.MINOR.PATCH[-PRE][+BUILD]`; the build part does not count in the order.
fn semver(version: &str) -> Option<Semver<'_>> {
    let version = version.split_once('+').map_or(version, |(v, _)| v);
    let (core, pre) = match version.split_once('-') {
        Some((core, pre)) => (core, pre.split('.').collect::<Vec<_>>()),
        None => (version, Vec::new()),
    };
    if pre.iter().any(|p| p.is_empty()) {
        return None;
    }
    let numbers: Vec<u64> = core
        .split('.')
        .map(|n| {
            (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                .then(|| n.parse().ok())
                .flatten()
        })
        .collect::<Option<_>>()?;
    let core: [u64; 3] = numbers.try_into().ok()?;
    Some(Semver { core, pre })
}

/// The fields that differ between two JSON values, by path from the top.
pub(crate) fn fields(old: &Value, new: &Value) -> Vec<Field> {
    let mut out = Vec::new();
    let mut path = String::new();
    compare(&mut path, old, new, &mut out);
    out
}

fn compare(path: &mut String, old: &Value, new: &Value, out: &mut Vec<Field>) {
    if old == new {
        return;
    }
    let len = path.len();
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            // serde_json's map is sorted by key: so are the fields.
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                push_key(path, key);
                match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) => compare(path, x, y, out),
                    (x, y) => out.push(Field {
                        path: path.clone(),
                        old: x.cloned(),
                        new: y.cloned(),
                    }),
                }
                path.truncate(len);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            let keys =
                |items: &[Value]| -> Vec<String> { items.iter().map(Value::to_string).collect() };
            for pair in align(&keys(a), &keys(b)) {
                let (index, x, y) = match pair {
                    Pair::Same(..) => continue,
                    Pair::Removed(i) => (i, Some(&a[i]), None),
                    Pair::Added(j) => (j, None, Some(&b[j])),
                    Pair::Changed(i, j) => (j, Some(&a[i]), Some(&b[j])),
                };
                let _ = write!(path, "[{index}]");
                match (x, y) {
                    (Some(x), Some(y)) => compare(path, x, y, out),
                    _ => out.push(Field {
                        path: path.clone(),
                        old: x.cloned(),
                        new: y.cloned(),
                    }),
                }
                path.truncate(len);
            }
        }
        _ => out.push(Field {
            path: path.clone(),
            old: Some(old.clone()),
            new: Some(new.clone()),
        }),
    }
}

/// Appends `.key` to `path` (no dot at the top), or `["key"]` when the key is not a plain
/// name of letters, digits, `-` and `_`.
fn push_key(path: &mut String, key: &str) {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if plain {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
    } else {
        path.push('[');
        path.push_str(&Value::String(key.to_owned()).to_string());
        path.push(']');
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{Field, WarningKind, fields, semver, version_warning};

    fn field(path: &str, old: Option<serde_json::Value>, new: Option<serde_json::Value>) -> Field {
        Field {
            path: path.to_owned(),
            old,
            new,
        }
    }

    #[test]
    fn nested_fields_are_named_by_their_path() {
        let old = json!({"statement": "a", "citations": [{"source": "s", "quote": "q"}], "labels": {"en": "x"}});
        let new = json!({"statement": "b", "citations": [{"source": "s", "quote": "r"}], "labels": {"en": "x", "zh-Hans": "y"}});
        assert_eq!(
            fields(&old, &new),
            [
                field("citations[0].quote", Some(json!("q")), Some(json!("r"))),
                field("labels.zh-Hans", None, Some(json!("y"))),
                field("statement", Some(json!("a")), Some(json!("b"))),
            ]
        );
    }

    #[test]
    fn an_item_inserted_first_leaves_the_others_unchanged() {
        let old = json!({"cites": ["a", "b"]});
        let new = json!({"cites": ["z", "a", "b"]});
        assert_eq!(
            fields(&old, &new),
            [field("cites[0]", None, Some(json!("z")))]
        );
        let old = json!({"cites": ["a", "b", "c"]});
        let new = json!({"cites": ["a", "c"]});
        assert_eq!(
            fields(&old, &new),
            [field("cites[1]", Some(json!("b")), None)]
        );
    }

    #[test]
    fn odd_keys_are_quoted() {
        let old = json!({"a.b": 1, "": 2});
        let new = json!({"a.b": 3, "": 2});
        assert_eq!(
            fields(&old, &new),
            [field("[\"a.b\"]", Some(json!(1)), Some(json!(3)))]
        );
    }

    #[test]
    fn versions_compare_as_semantic_versions() {
        assert!(semver("0.10.0") > semver("0.9.0"));
        assert!(semver("1.0.0-alpha") < semver("1.0.0"));
        assert!(semver("1.0.0-alpha") < semver("1.0.0-alpha.1"));
        assert!(semver("1.0.0-2") < semver("1.0.0-beta"));
        assert_eq!(semver("1.0.0+a"), semver("1.0.0+b"));
        assert_eq!(semver("1.0"), None);
        assert_eq!(semver("v1.0.0"), None);
    }

    #[test]
    fn the_version_warning_names_the_version() {
        let w = version_warning("0.1.0", "0.1.0", true).expect("not bumped");
        assert_eq!(w.kind, WarningKind::NotBumped);
        assert!(w.message.contains("still 0.1.0"), "{}", w.message);
        assert_eq!(version_warning("0.1.0", "0.1.0", false), None);
        assert_eq!(version_warning("0.1.0", "0.2.0", true), None);
        let w = version_warning("0.2.0", "0.1.0", false).expect("went down");
        assert_eq!(w.kind, WarningKind::WentDown);
        assert_eq!(w.message, "metadata.version went down, from 0.2.0 to 0.1.0");
        // Not semantic versions: only "the same" can be told.
        assert_eq!(version_warning("draft", "final", true), None);
        assert!(version_warning("draft", "draft", true).is_some());
    }
}
