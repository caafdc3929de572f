//! The check of the three schema rules, `unknown-field`, `missing-field` and
//! `schema-mismatch`, which one pass finds: each file's JSON form against its kind's JSON
//! Schema, every error mapped back to the key or value at fault and reported under the
//! rule it breaks. The schema is the predicate; this module says which rule each of its
//! errors is, where, and what to do.
//!
//! The schemas are generated in-process from the model (`RecordKind::json_schema`); a test
//! keeps the committed `schema/` identical to them. Each is compiled once, with formats
//! enforced and no way to fetch a remote reference.

use std::sync::OnceLock;

use cadres_model::schema::RecordKind;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use serde_json::Value;

use super::schema_mismatch::SCHEMA_MISMATCH;
use super::{missing_field, unknown_field};
use crate::Diagnostic;
use crate::spans::{SpanIndex, escape};
use crate::suggest::closest;

/// The variant keys of the externally tagged `Value` enum, in schema `oneOf` order.
const VALUE_VARIANTS: [&str; 5] = ["entity", "date", "quantity", "share", "text"];

struct Compiled {
    schema: Value,
    validator: Validator,
}

fn compiled(kind: RecordKind) -> Option<&'static Compiled> {
    static CELLS: [OnceLock<Option<Compiled>>; 4] = [const { OnceLock::new() }; 4];
    let slot = match kind {
        RecordKind::Metadata => 0,
        RecordKind::Properties => 1,
        RecordKind::Source => 2,
        RecordKind::Entity => 3,
        RecordKind::Dataset => return None,
    };
    CELLS[slot]
        .get_or_init(|| {
            let schema = kind.json_schema().to_value();
            let validator = compile_schema(&schema).ok()?;
            Some(Compiled { schema, validator })
        })
        .as_ref()
}

/// Compiles a JSON Schema the way the validator compiles its own: formats enforced, and
/// every reference resolved inside the schema or refused. No resource is ever fetched,
/// from the network or from files: a `$ref` to `https://...` or `file:...` is an error.
///
/// # Errors
/// The schema is not valid, or names a reference outside itself; the message says which.
pub fn compile_schema(schema: &Value) -> Result<Validator, String> {
    jsonschema::options()
        .should_validate_formats(true)
        .with_retriever(Offline)
        .build(schema)
        .map_err(|e| e.to_string())
}

/// The retriever of [`compile_schema`]: refuses every resource.
struct Offline;

impl jsonschema::Retrieve for Offline {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        Err(format!("the validator never fetches a schema, and refuses `{uri}`").into())
    }
}

/// Compiles the schema of every file kind, so that a broken schema is reported once as a
/// failure of the tool rather than in every file.
pub(crate) fn ensure_compiled() -> Result<(), RecordKind> {
    for kind in [
        RecordKind::Metadata,
        RecordKind::Properties,
        RecordKind::Source,
        RecordKind::Entity,
    ] {
        compiled(kind).ok_or(kind)?;
    }
    Ok(())
}

/// The schema errors of `instance`, as diagnostics pointing into `text`.
///
/// Errors at a pointer in `skip` are left out: the newtype scan has already reported a
/// better message there.
pub(crate) fn validate(
    kind: RecordKind,
    instance: &Value,
    file: &str,
    text: &str,
    index: &SpanIndex,
    skip: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let Some(c) = compiled(kind) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for error in c.validator.iter_errors(instance) {
        report(&c.schema, &error, file, text, index, skip, &mut out);
    }
    out
}

fn report(
    schema: &Value,
    error: &ValidationError<'_>,
    file: &str,
    text: &str,
    index: &SpanIndex,
    skip: &dyn Fn(&str) -> bool,
    out: &mut Vec<Diagnostic>,
) {
    let pointer = error.instance_path().as_str();
    if skip(pointer) {
        return;
    }
    let instance = error.instance();
    let here = || index.value(pointer);
    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            let allowed = allowed_keys(schema, error.schema_path().as_str());
            for key in unexpected {
                let at = format!("{pointer}/{}", escape(key));
                if skip(&at) {
                    continue;
                }
                out.push(unknown_field::report(
                    file,
                    text,
                    index.key(&at),
                    key,
                    &allowed,
                ));
            }
        }
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            let whole = if pointer.is_empty() {
                "the file"
            } else {
                "this table"
            };
            let words = words_of_property(schema, error.schema_path().as_str(), name);
            out.push(missing_field::report(
                file,
                text,
                here(),
                whole,
                name,
                words.as_deref(),
            ));
        }
        ValidationErrorKind::OneOfNotValid { context } => {
            if let Some(words) = enum_words(schema, error.schema_path().as_str()) {
                out.push(not_a_word(instance, &words, file, text, here()));
            } else {
                one_of(
                    schema, instance, pointer, context, file, text, index, skip, out,
                );
            }
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(t) => toml_type(t.as_str()).to_owned(),
                TypeKind::Multiple(_) => "another type".to_owned(),
            };
            let mut d = Diagnostic::new(
                &SCHEMA_MISMATCH,
                file,
                format!("expected {expected}, found {}", describe(instance)),
            )
            .at(text, here())
            .label(format!("expected {expected}"));
            if expected == "a string" && (instance.is_number() || instance.is_boolean()) {
                d = d.help(format!("write it in quotes: \"{instance}\""));
            }
            out.push(d);
        }
        ValidationErrorKind::Enum { options } => {
            let words: Vec<&str> = options
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            out.push(not_a_word(instance, &words, file, text, here()));
        }
        _ => {
            out.push(
                Diagnostic::new(&SCHEMA_MISMATCH, file, error.to_string())
                    .at(text, here())
                    .label(format!("fails `{}`", error.kind().keyword())),
            );
        }
    }
}

/// A value that is not one of an enum's `words`.
fn not_a_word(
    instance: &Value,
    words: &[&str],
    file: &str,
    text: &str,
    span: std::ops::Range<usize>,
) -> Diagnostic {
    let found = instance
        .as_str()
        .map_or_else(|| describe(instance), |s| format!("`{s}`"));
    let d = Diagnostic::new(
        &SCHEMA_MISMATCH,
        file,
        format!("{found} is not one of the allowed words"),
    )
    .at(text, span)
    .label("not allowed here");
    match instance.as_str().and_then(|s| closest(s, words)) {
        Some(best) => d.help(format!(
            "did you mean `{best}`? the words are {}",
            list(words)
        )),
        None => d.help(format!("the words are {}", list(words))),
    }
}

/// A failed `oneOf` that is not an enum: the only other one in the schemas is the
/// externally tagged `Value`, whose single key selects the branch. Report that branch's errors, not "matches none".
#[allow(clippy::too_many_arguments)] // reason: a private step of `report`, which passes its context on
fn one_of(
    schema: &Value,
    instance: &Value,
    pointer: &str,
    context: &[Vec<ValidationError<'static>>],
    file: &str,
    text: &str,
    index: &SpanIndex,
    skip: &dyn Fn(&str) -> bool,
    out: &mut Vec<Diagnostic>,
) {
    let variants = list(&VALUE_VARIANTS);
    let Some(table) = instance.as_object() else {
        out.push(
            Diagnostic::new(
                &SCHEMA_MISMATCH,
                file,
                format!("expected a value table, found {}", describe(instance)),
            )
            .at(text, index.value(pointer))
            .label("expected a table with one key")
            .help(format!(
                "write the value as `{{ date = \"1962-02\" }}`: one key among {variants}"
            )),
        );
        return;
    };
    let keys: Vec<&String> = table.keys().collect();
    match keys.as_slice() {
        [key] => {
            if let Some(branch) = VALUE_VARIANTS.iter().position(|v| v == key) {
                if let Some(errors) = context.get(branch) {
                    for e in errors {
                        report(schema, e, file, text, index, skip, out);
                    }
                }
            } else {
                let at = format!("{pointer}/{}", escape(key));
                let mut d = Diagnostic::new(
                    &SCHEMA_MISMATCH,
                    file,
                    format!("`{key}` is not a kind of value"),
                )
                .at(text, index.key(&at))
                .label("unknown kind of value");
                d = match closest(key, &VALUE_VARIANTS) {
                    Some(best) => {
                        d.help(format!("did you mean `{best}`? the kinds are {variants}"))
                    }
                    None => d.help(format!("the kinds are {variants}")),
                };
                out.push(d);
            }
        }
        _ => out.push(
            Diagnostic::new(
                &SCHEMA_MISMATCH,
                file,
                format!(
                    "a value table has exactly one key, this one has {}",
                    keys.len()
                ),
            )
            .at(text, index.value(pointer))
            .label("expected one key")
            .help(format!("keep one key among {variants}")),
        ),
    }
}

/// The keys the object schema at `schema_path` (a path ending in `additionalProperties`)
/// declares.
fn allowed_keys<'s>(schema: &'s Value, schema_path: &str) -> Vec<&'s str> {
    schema_path
        .rsplit_once('/')
        .and_then(|(parent, _)| node_at(schema, parent))
        .and_then(|n| n.get("properties"))
        .and_then(Value::as_object)
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// The schema node at `pointer` (a schema path: canonical, `$ref`s already resolved).
fn node_at<'s>(schema: &'s Value, pointer: &str) -> Option<&'s Value> {
    let mut node = schema;
    for seg in pointer.split('/').skip(1) {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        node = match node {
            Value::Object(m) => m.get(&seg)?,
            Value::Array(a) => a.get(seg.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

/// The allowed words of the property `name` of the object whose `required` failed at
/// `schema_path`, when it is an enum (directly, or through one `$ref`).
fn words_of_property<'s>(schema: &'s Value, schema_path: &str, name: &str) -> Option<Vec<&'s str>> {
    let (parent, _) = schema_path.rsplit_once('/')?;
    let mut node = node_at(schema, parent)?.get("properties")?.get(name)?;
    if let Some(target) = node.get("$ref").and_then(Value::as_str) {
        node = node_at(schema, target.strip_prefix('#')?)?;
    }
    if let Some(words) = node.get("enum").and_then(Value::as_array) {
        return words.iter().map(Value::as_str).collect();
    }
    node.get("oneOf")?
        .as_array()?
        .iter()
        .map(|branch| branch.get("const").and_then(Value::as_str))
        .collect()
}

/// The words of an enum written as a `oneOf` of `const`s (how schemars writes an enum
/// whose variants have documentation), or `None` when the `oneOf` is something else.
fn enum_words<'s>(schema: &'s Value, schema_path: &str) -> Option<Vec<&'s str>> {
    node_at(schema, schema_path)?
        .as_array()?
        .iter()
        .map(|branch| branch.get("const").and_then(Value::as_str))
        .collect()
}

/// The TOML word for a JSON type.
fn toml_type(json_type: &str) -> &'static str {
    match json_type {
        "object" => "a table",
        "array" => "an array",
        "string" => "a string",
        "integer" => "an integer",
        "number" => "a number",
        "boolean" => "a boolean",
        _ => "a value",
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "a number TOML cannot give here (nan or inf)".to_owned(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => format!("float `{n}`"),
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "a table".to_owned(),
    }
}

pub(super) fn list(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
