//! The bridge from a parsed TOML tree to JSON: the JSON form that the schema and the model
//! read, and an index from each value's JSON pointer to its place in the file.

use std::collections::HashMap;
use std::ops::Range;

use serde_json::{Map, Number, Value};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Where a key and its value stand in a file, by JSON pointer (`/claims/0/value/date`).
///
/// The root is the empty pointer; keys are escaped as RFC 6901 says (`~0`, `~1`), as
/// `jsonschema` writes instance paths.
#[derive(Debug, Default, Clone)]
pub(crate) struct SpanIndex {
    entries: HashMap<String, Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    key: Option<Range<usize>>,
    value: Range<usize>,
}

impl SpanIndex {
    /// The span of the value at `pointer`, or of its nearest ancestor that has one.
    pub(crate) fn value(&self, pointer: &str) -> Range<usize> {
        let mut p = pointer;
        loop {
            if let Some(e) = self.entries.get(p) {
                return e.value.clone();
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return 0..0,
            }
        }
    }

    /// The span of the key naming the value at `pointer`, or the value's span when it has no
    /// key (an array element, the root).
    pub(crate) fn key(&self, pointer: &str) -> Range<usize> {
        match self.entries.get(pointer) {
            Some(Entry { key: Some(k), .. }) => k.clone(),
            _ => self.value(pointer),
        }
    }
}

/// Escapes one pointer segment.
pub(crate) fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// A TOML date-time found where the dataset only has strings.
pub(crate) struct TomlDatetime {
    /// Its pointer.
    pub(crate) pointer: String,
    /// Its text.
    pub(crate) text: String,
}

/// Converts a parsed document into its JSON form and its span index. TOML date-times,
/// which the dataset never uses (dates are EDTF strings), become strings in the JSON form
/// and are listed so that the caller can report them.
pub(crate) fn convert(doc: &Spanned<DeTable<'_>>) -> (Value, SpanIndex, Vec<TomlDatetime>) {
    let mut index = SpanIndex::default();
    let mut datetimes = Vec::new();
    let root_span = doc
        .get_ref()
        .iter()
        .map(|(k, _)| k.span())
        .min_by_key(|s| s.start)
        .unwrap_or(0..0);
    index.entries.insert(
        String::new(),
        Entry {
            key: None,
            value: root_span,
        },
    );
    let mut pointer = String::new();
    let json = table(doc.get_ref(), &mut pointer, &mut index, &mut datetimes);
    (json, index, datetimes)
}

fn table(
    t: &DeTable<'_>,
    pointer: &mut String,
    index: &mut SpanIndex,
    dts: &mut Vec<TomlDatetime>,
) -> Value {
    let mut map = Map::new();
    for (k, v) in t {
        let len = pointer.len();
        pointer.push('/');
        pointer.push_str(&escape(k.get_ref()));
        index.entries.insert(
            pointer.clone(),
            Entry {
                key: Some(k.span()),
                value: v.span(),
            },
        );
        map.insert(
            k.get_ref().to_string(),
            value(v.get_ref(), pointer, index, dts),
        );
        pointer.truncate(len);
    }
    Value::Object(map)
}

fn value(
    v: &DeValue<'_>,
    pointer: &mut String,
    index: &mut SpanIndex,
    dts: &mut Vec<TomlDatetime>,
) -> Value {
    match v {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => {
            let digits = i.as_str();
            i64::from_str_radix(digits, i.radix())
                .map(Number::from)
                .or_else(|_| u64::from_str_radix(digits, i.radix()).map(Number::from))
                .map_or(Value::Null, Value::Number)
        }
        DeValue::Float(f) => f
            .as_str()
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map_or(Value::Null, Value::Number),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => {
            let text = d.to_string();
            dts.push(TomlDatetime {
                pointer: pointer.clone(),
                text: text.clone(),
            });
            Value::String(text)
        }
        DeValue::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&i.to_string());
                index.entries.insert(
                    pointer.clone(),
                    Entry {
                        key: None,
                        value: item.span(),
                    },
                );
                out.push(value(item.get_ref(), pointer, index, dts));
                pointer.truncate(len);
            }
            Value::Array(out)
        }
        DeValue::Table(t) => table(t, pointer, index, dts),
    }
}
