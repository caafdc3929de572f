//! Checks on one file's JSON form, before the typed model exists: values of the model's
//! newtypes parse (ids, dates, ISBNs, URLs, language tags), and every string is clean text.
//!
//! These run before deserialization so that each bad value is reported at its own place,
//! with the newtype's own message, and all of them at once.

use std::collections::HashSet;

use cadres_model::schema::RecordKind;
use serde_json::Value;
use toml::de::{DeTable, DeValue};

use crate::Diagnostic;
use crate::rules::Rule;
use crate::rules::bibliography::{invalid_isbn, invalid_lang_tag, invalid_url};
use crate::rules::identity::invalid_id;
use crate::rules::lookup::{FileNo, First, Flow, GO_ON, Report, Sink};
use crate::rules::structure::limit_exceeded;
use crate::rules::text::{self, Text};
use crate::rules::values::{invalid_date, reversed_interval};
use crate::spans::{SpanIndex, escape};

/// What the scan found: its diagnostics, and the pointers they are about (the schema
/// check leaves those alone).
pub(crate) struct Scan<'a> {
    file: &'a str,
    text: &'a str,
    index: &'a SpanIndex,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) covered: HashSet<String>,
}

impl<'a> Scan<'a> {
    /// Scans `json`, the JSON form of a file of `kind`.
    pub(crate) fn run(
        kind: RecordKind,
        json: &Value,
        file: &'a str,
        text: &'a str,
        index: &'a SpanIndex,
    ) -> Scan<'a> {
        let mut scan = Scan {
            file,
            text,
            index,
            diagnostics: Vec::new(),
            covered: HashSet::new(),
        };
        scan.newtypes(kind, json);
        scan.strings(json, &mut String::new(), None);
        scan
    }

    /// The values of the model's newtypes, each checked by its rule where the record's
    /// shape puts one.
    fn newtypes(&mut self, kind: RecordKind, json: &Value) {
        let sink = &mut Covering(self);
        match kind {
            RecordKind::Metadata => date(sink, "/as-of", json.get("as-of")),
            RecordKind::Properties => {
                for (i, p) in items(json.get("property")) {
                    id(sink, &format!("/property/{i}/id"), p.get("id"));
                }
            }
            RecordKind::Source => {
                id(sink, "/id", json.get("id"));
                for key in ["issued", "accessed", "archive-date"] {
                    date(sink, &format!("/{key}"), json.get(key));
                }
                if let Some(s) = json.get("ISBN").and_then(Value::as_str) {
                    let _ = invalid_isbn::check(0, "/ISBN", s, sink);
                }
                if let Some(s) = json.get("URL").and_then(Value::as_str) {
                    let _ = invalid_url::check(0, "/URL", s, sink);
                }
                lang(sink, "/language", json.get("language"));
                for (i, r) in items(json.get("references")) {
                    id(sink, &format!("/references/{i}"), Some(r));
                }
            }
            RecordKind::Entity => {
                id(sink, "/id", json.get("id"));
                for key in ["labels", "aliases"] {
                    if let Some(m) = json.get(key).and_then(Value::as_object) {
                        for tag in m.keys() {
                            let pointer = format!("/{key}/{}", escape(tag));
                            let _ = invalid_lang_tag::check_key(0, &pointer, tag, sink);
                        }
                    }
                }
                for (i, c) in items(json.get("claims")) {
                    let at = format!("/claims/{i}");
                    id(sink, &format!("{at}/id"), c.get("id"));
                    id(sink, &format!("{at}/property"), c.get("property"));
                    value(sink, &format!("{at}/value"), c.get("value"));
                    if let Some(q) = c.get("qualifiers").and_then(Value::as_object) {
                        for (k, v) in q {
                            let qp = format!("{at}/qualifiers/{}", escape(k));
                            let _ = invalid_id::check_key(0, &qp, k, "property", sink);
                            value(sink, &qp, Some(v));
                        }
                    }
                    for (j, d) in items(c.get("disputes")) {
                        id(sink, &format!("{at}/disputes/{j}/with"), d.get("with"));
                    }
                    for (j, cit) in items(c.get("citations")) {
                        let cp = format!("{at}/citations/{j}");
                        id(sink, &format!("{cp}/source"), cit.get("source"));
                        for (k, w) in items(cit.get("cites")) {
                            id(sink, &format!("{cp}/cites/{k}"), Some(w));
                        }
                        if let Some(m) = cit.get("as-named").and_then(Value::as_object) {
                            for k in m.keys() {
                                let ap = format!("{cp}/as-named/{}", escape(k));
                                let _ = invalid_id::check_key(0, &ap, k, "entity", sink);
                            }
                        }
                    }
                }
            }
            RecordKind::Dataset => {}
        }
    }

    /// Text rules on every string value, and the nesting and length limits. `tag` is the
    /// language tag a label or alias is under.
    fn strings(&mut self, v: &Value, pointer: &mut String, tag: Option<&str>) {
        let depth = pointer.matches('/').count();
        match v {
            Value::Array(_) | Value::Object(_) if limit_exceeded::too_deep(depth) => {
                let _ = limit_exceeded::check_depth(0, pointer, depth, &mut Covering(self));
            }
            Value::String(s) if limit_exceeded::too_long(s) => {
                let _ = limit_exceeded::check_length(0, pointer, s, self);
            }
            Value::String(s) if !self.covered.contains(pointer.as_str()) => {
                let _ = text::check(&Text::new(s, 0, pointer, tag), self);
            }
            Value::Array(a) => {
                for (i, item) in a.iter().enumerate() {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&i.to_string());
                    self.strings(item, pointer, tag);
                    pointer.truncate(len);
                }
            }
            Value::Object(m) => {
                let labels = depth == 1 && matches!(pointer.as_str(), "/labels" | "/aliases");
                for (k, item) in m {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&escape(k));
                    self.strings(item, pointer, if labels { Some(k) } else { tag });
                    pointer.truncate(len);
                }
            }
            _ => {}
        }
    }

    /// The diagnostic for a rule's report on this file.
    fn diagnostic(&self, rule: &'static Rule, r: Report) -> Diagnostic {
        let range = if r.on_key {
            self.index.key(&r.pointer)
        } else {
            self.index.value(&r.pointer)
        };
        let mut d = Diagnostic::new(rule, self.file, r.message).at(self.text, range);
        d.label = r.label;
        d.help = r.help;
        d
    }
}

/// The scan reports each breach on its one file, whatever file number the check gives.
impl Sink for Scan<'_> {
    fn report(&mut self, rule: &'static Rule, _: FileNo, report: impl FnOnce() -> Report) -> Flow {
        let d = self.diagnostic(rule, report());
        self.diagnostics.push(d);
        GO_ON
    }
}

/// The scan's sink for breaches that leave a value unusable: a bad newtype value, a table
/// nested too deep. Their pointers are covered, so the schema check leaves them alone and
/// the record is not built.
struct Covering<'s, 'a>(&'s mut Scan<'a>);

impl Sink for Covering<'_, '_> {
    fn report(&mut self, rule: &'static Rule, _: FileNo, report: impl FnOnce() -> Report) -> Flow {
        let r = report();
        self.0.covered.insert(r.pointer.clone());
        let d = self.0.diagnostic(rule, r);
        self.0.diagnostics.push(d);
        GO_ON
    }
}

/// Whether the parsed tree of a file has nothing for the scan to report: no
/// TOML date-time, no number the JSON form cannot hold, no nesting past [`MAX_DEPTH`], and
/// every string clean text. Conservative: `false` sends the file the slow way, where the
/// scan finds and points at each problem; `true` means the scan would report nothing
/// (the newtype values are left to the typed record, which refuses a bad one).
pub(crate) fn quick(doc: &DeTable<'_>) -> bool {
    doc.iter().all(|(k, v)| {
        let labels = matches!(k.get_ref().as_ref(), "labels" | "aliases");
        match v.get_ref() {
            DeValue::Table(t) if labels => t
                .iter()
                .all(|(tag, v)| quick_value(v.get_ref(), 2, Some(tag.get_ref()))),
            other => quick_value(other, 1, None),
        }
    })
}

fn quick_value(v: &DeValue<'_>, depth: usize, tag: Option<&str>) -> bool {
    match v {
        DeValue::String(s) => {
            !limit_exceeded::too_long(s)
                && text::check(&Text::new(s, 0, "", tag), &mut First::default()).is_continue()
        }
        DeValue::Integer(i) => {
            i64::from_str_radix(i.as_str(), i.radix()).is_ok()
                || u64::from_str_radix(i.as_str(), i.radix()).is_ok()
        }
        DeValue::Float(f) => f.as_str().parse::<f64>().is_ok_and(f64::is_finite),
        DeValue::Boolean(_) => true,
        DeValue::Datetime(_) => false,
        DeValue::Array(_) | DeValue::Table(_) if limit_exceeded::too_deep(depth) => false,
        DeValue::Array(a) => a
            .iter()
            .all(|item| quick_value(item.get_ref(), depth + 1, tag)),
        DeValue::Table(t) => t
            .iter()
            .all(|(_, item)| quick_value(item.get_ref(), depth + 1, tag)),
    }
}

/// A claim's value at `pointer`: the entity it names, its date, its text's language.
fn value(sink: &mut impl Sink, pointer: &str, v: Option<&Value>) {
    let Some(v) = v else { return };
    id(sink, &format!("{pointer}/entity"), v.get("entity"));
    if let Some(s) = v.get("date").and_then(Value::as_str) {
        let at = format!("{pointer}/date");
        let _ = invalid_date::check(0, &at, s, sink);
        let _ = reversed_interval::check(0, &at, s, sink);
    }
    if let Some(t) = v.get("text") {
        lang(sink, &format!("{pointer}/text/lang"), t.get("lang"));
    }
}

fn id(sink: &mut impl Sink, pointer: &str, v: Option<&Value>) {
    if let Some(s) = v.and_then(Value::as_str) {
        let _ = invalid_id::check(0, pointer, s, sink);
    }
}

fn date(sink: &mut impl Sink, pointer: &str, v: Option<&Value>) {
    if let Some(s) = v.and_then(Value::as_str) {
        let _ = invalid_date::check_date(0, pointer, s, sink);
    }
}

fn lang(sink: &mut impl Sink, pointer: &str, v: Option<&Value>) {
    if let Some(s) = v.and_then(Value::as_str) {
        let _ = invalid_lang_tag::check(0, pointer, s, sink);
    }
}

fn items(v: Option<&Value>) -> impl Iterator<Item = (usize, &Value)> {
    v.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
}
