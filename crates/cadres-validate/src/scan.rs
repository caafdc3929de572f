//! Checks on one file's JSON form, before the typed model exists: values of the model's
//! newtypes parse (ids, dates, ISBNs, URLs, language tags), and every string is clean text.
//!
//! These run before deserialization so that each bad value is reported at its own place,
//! with the newtype's own message, and all of them at once.

use std::collections::HashSet;

use cadres_model::schema::RecordKind;
use cadres_model::{Edtf, EdtfDate, EdtfError, Id, Isbn, LangTag, Url};
use serde_json::Value;
use toml::de::{DeTable, DeValue};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::is_nfc;

use crate::Diagnostic;
use crate::limits::{MAX_DEPTH, MAX_STRING_CHARS};
use crate::rules;
use crate::spans::{SpanIndex, escape};

const DATE_HELP: &str = "write an EDTF date: `1962`, `1962-02`, `1962-02-07`, `1962~` (about), `1962?` (uncertain), or an interval `1962-01-11/1962-02-07`";
const LANG_HELP: &str = "use a tag such as `en`, `zh-Hans`, `zh-Hant` or `zh-Latn-pinyin`";

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
        scan.strings(json, &mut String::new());
        scan
    }

    fn push(&mut self, pointer: String, d: Diagnostic) {
        self.diagnostics.push(d);
        self.covered.insert(pointer);
    }

    fn newtypes(&mut self, kind: RecordKind, json: &Value) {
        match kind {
            RecordKind::Metadata => self.date("/as-of", json.get("as-of")),
            RecordKind::Properties => {
                for (i, p) in items(json.get("property")) {
                    self.id(&format!("/property/{i}/id"), p.get("id"));
                }
            }
            RecordKind::Source => {
                self.id("/id", json.get("id"));
                for key in ["issued", "accessed", "archive-date"] {
                    self.date(&format!("/{key}"), json.get(key));
                }
                if let Some(s) = json.get("ISBN").and_then(Value::as_str)
                    && let Err(e) = s.parse::<Isbn>()
                {
                    self.value_error(
                        &rules::INVALID_ISBN,
                        "/ISBN",
                        &e.to_string(),
                        "not a valid ISBN",
                        "copy the ISBN exactly as the work prints it, or leave it out",
                    );
                }
                if let Some(s) = json.get("URL").and_then(Value::as_str)
                    && let Err(e) = s.parse::<Url>()
                {
                    self.value_error(
                        &rules::INVALID_URL,
                        "/URL",
                        &e.to_string(),
                        "not a valid URL",
                        "write an absolute address: https://example.org/page",
                    );
                }
                self.lang("/language", json.get("language"));
                for (i, r) in items(json.get("references")) {
                    self.id(&format!("/references/{i}"), Some(r));
                }
            }
            RecordKind::Entity => {
                self.id("/id", json.get("id"));
                for key in ["labels", "aliases"] {
                    if let Some(m) = json.get(key).and_then(Value::as_object) {
                        for tag in m.keys() {
                            self.lang_key(&format!("/{key}/{}", escape(tag)), tag);
                        }
                    }
                }
                for (i, c) in items(json.get("claims")) {
                    let at = format!("/claims/{i}");
                    self.id(&format!("{at}/id"), c.get("id"));
                    self.id(&format!("{at}/property"), c.get("property"));
                    self.value(&format!("{at}/value"), c.get("value"));
                    if let Some(q) = c.get("qualifiers").and_then(Value::as_object) {
                        for (k, v) in q {
                            let qp = format!("{at}/qualifiers/{}", escape(k));
                            if let Err(e) = k.parse::<Id>() {
                                let d =
                                    Diagnostic::new(&rules::INVALID_ID, self.file, e.to_string())
                                        .at(self.text, self.index.key(&qp))
                                        .label("not a valid property id");
                                self.push(qp.clone(), d);
                            }
                            self.value(&qp, Some(v));
                        }
                    }
                    for (j, d) in items(c.get("disputes")) {
                        self.id(&format!("{at}/disputes/{j}/with"), d.get("with"));
                    }
                    for (j, cit) in items(c.get("citations")) {
                        let cp = format!("{at}/citations/{j}");
                        self.id(&format!("{cp}/source"), cit.get("source"));
                        for (k, w) in items(cit.get("cites")) {
                            self.id(&format!("{cp}/cites/{k}"), Some(w));
                        }
                        if let Some(m) = cit.get("as-named").and_then(Value::as_object) {
                            for k in m.keys() {
                                if let Err(e) = k.parse::<Id>() {
                                    let ap = format!("{cp}/as-named/{}", escape(k));
                                    let d = Diagnostic::new(
                                        &rules::INVALID_ID,
                                        self.file,
                                        e.to_string(),
                                    )
                                    .at(self.text, self.index.key(&ap))
                                    .label("not a valid entity id");
                                    self.push(ap, d);
                                }
                            }
                        }
                    }
                }
            }
            RecordKind::Dataset => {}
        }
    }

    fn value(&mut self, pointer: &str, v: Option<&Value>) {
        let Some(v) = v else { return };
        self.id(&format!("{pointer}/entity"), v.get("entity"));
        if let Some(s) = v.get("date").and_then(Value::as_str)
            && let Err(e) = s.parse::<Edtf>()
        {
            let (rule, help) = match (&e, s.split_once('/')) {
                (EdtfError::Reversed { .. }, Some((start, end))) => (
                    &rules::REVERSED_INTERVAL,
                    format!("put the earlier date first: \"{end}/{start}\""),
                ),
                _ => (&rules::INVALID_DATE, DATE_HELP.to_owned()),
            };
            self.value_error(
                rule,
                &format!("{pointer}/date"),
                &e.to_string(),
                "not a valid EDTF date",
                &help,
            );
        }
        if let Some(t) = v.get("text") {
            self.lang(&format!("{pointer}/text/lang"), t.get("lang"));
        }
    }

    fn value_error(
        &mut self,
        rule: &rules::Rule,
        pointer: &str,
        message: &str,
        label: &str,
        help: &str,
    ) {
        let d = Diagnostic::new(rule, self.file, message)
            .at(self.text, self.index.value(pointer))
            .label(label)
            .help(help);
        self.push(pointer.to_owned(), d);
    }

    fn id(&mut self, pointer: &str, v: Option<&Value>) {
        let Some(s) = v.and_then(Value::as_str) else {
            return;
        };
        if let Err(e) = s.parse::<Id>() {
            let mut d = Diagnostic::new(&rules::INVALID_ID, self.file, e.to_string())
                .at(self.text, self.index.value(pointer))
                .label("not a valid id");
            if let Some(slug) = Id::slugify(s) {
                d = d.help(format!("ids are lowercase slugs, like `{slug}`"));
            }
            self.push(pointer.to_owned(), d);
        }
    }

    fn date(&mut self, pointer: &str, v: Option<&Value>) {
        let Some(s) = v.and_then(Value::as_str) else {
            return;
        };
        if let Err(e) = s.parse::<EdtfDate>() {
            let mut d = Diagnostic::new(&rules::INVALID_DATE, self.file, e.to_string())
                .at(self.text, self.index.value(pointer))
                .label("not a valid EDTF date");
            d = if s.contains('/') {
                d.help("this field takes a single date, not an interval")
            } else {
                d.help(DATE_HELP)
            };
            self.push(pointer.to_owned(), d);
        }
    }

    fn lang(&mut self, pointer: &str, v: Option<&Value>) {
        let Some(s) = v.and_then(Value::as_str) else {
            return;
        };
        if let Err(e) = s.parse::<LangTag>() {
            self.value_error(
                &rules::INVALID_LANG_TAG,
                pointer,
                &e.to_string(),
                "not a BCP 47 tag",
                LANG_HELP,
            );
        }
    }

    fn lang_key(&mut self, pointer: &str, tag: &str) {
        if let Err(e) = tag.parse::<LangTag>() {
            let d = Diagnostic::new(&rules::INVALID_LANG_TAG, self.file, e.to_string())
                .at(self.text, self.index.key(pointer))
                .label("not a BCP 47 tag")
                .help(LANG_HELP);
            self.push(pointer.to_owned(), d);
        }
    }

    /// Text rules on every string value, and the nesting and length limits.
    fn strings(&mut self, v: &Value, pointer: &mut String) {
        let depth = pointer.matches('/').count();
        match v {
            Value::Array(_) | Value::Object(_) if depth > MAX_DEPTH => {
                let d = Diagnostic::new(
                    &rules::LIMIT_EXCEEDED,
                    self.file,
                    format!(
                        "tables and lists nest {depth} deep here, more than the limit of {MAX_DEPTH}"
                    ),
                )
                .at(self.text, self.index.value(pointer))
                .label("nested too deep")
                .help("records nest a few levels deep: flatten this value");
                self.push(pointer.clone(), d);
            }
            Value::String(s) if s.chars().nth(MAX_STRING_CHARS).is_some() => {
                self.diagnostics.push(
                    Diagnostic::new(
                        &rules::LIMIT_EXCEEDED,
                        self.file,
                        format!(
                            "this text has {} characters, more than the limit of {MAX_STRING_CHARS}",
                            s.chars().count()
                        ),
                    )
                    .at(self.text, self.index.value(pointer))
                    .label("text too long")
                    .help("a field holds a sentence or a paragraph: shorten it"),
                );
            }
            Value::String(s) if !self.covered.contains(pointer.as_str()) => {
                self.text_rules(s, pointer);
            }
            Value::Array(a) => {
                for (i, item) in a.iter().enumerate() {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&i.to_string());
                    self.strings(item, pointer);
                    pointer.truncate(len);
                }
            }
            Value::Object(m) => {
                for (k, item) in m {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&escape(k));
                    self.strings(item, pointer);
                    pointer.truncate(len);
                }
            }
            _ => {}
        }
    }

    fn text_rules(&mut self, s: &str, pointer: &str) {
        let span = self.index.value(pointer);
        if !is_nfc(s) {
            let nfc: String = s.nfc().collect();
            self.diagnostics.push(
                Diagnostic::new(
                    &rules::NOT_NFC,
                    self.file,
                    "text is not in Unicode normalization form C",
                )
                .at(self.text, span.clone())
                .label("decomposed characters here")
                .help(format!("write it composed: {nfc:?}")),
            );
        }
        if let Some(c) = s.chars().find(|c| is_invisible(*c)) {
            self.diagnostics.push(
                Diagnostic::new(
                    &rules::INVISIBLE_CHARACTER,
                    self.file,
                    format!("text holds the invisible character U+{:04X}", u32::from(c)),
                )
                .at(self.text, span.clone())
                .label("invisible character in here")
                .help(if c == '\r' {
                    "a multi-line string keeps the carriage returns of CRLF line endings: save the file with LF line endings"
                } else {
                    "delete it; write a line break only where the text has one"
                }),
            );
        }
        if let Some(hint) = s.strip_prefix(rules::PLACEHOLDER) {
            let hint = hint.trim_start_matches(':').trim();
            self.diagnostics.push(
                Diagnostic::new(
                    &rules::PLACEHOLDER_LEFT,
                    self.file,
                    format!(
                        "`{}` is still a placeholder",
                        pointer.trim_start_matches('/')
                    ),
                )
                .at(self.text, span.clone())
                .label(if hint.is_empty() { "to fill in" } else { hint })
                .help(
                    "replace it with what the source states, or remove the key if it is optional",
                ),
            );
            return;
        }
        if s.trim().is_empty() {
            self.diagnostics.push(
                Diagnostic::new(&rules::UNTRIMMED_TEXT, self.file, "text is empty")
                    .at(self.text, span.clone())
                    .label("empty")
                    .help("write the text, or remove the key if it is optional"),
            );
        } else if s.trim() != s {
            self.diagnostics.push(
                Diagnostic::new(
                    &rules::UNTRIMMED_TEXT,
                    self.file,
                    "text starts or ends with a blank",
                )
                .at(self.text, span.clone())
                .label("blank at an end")
                .help(format!("write {:?}", s.trim())),
            );
        }
        self.label_script(s, pointer, span);
    }

    fn label_script(&mut self, s: &str, pointer: &str, span: std::ops::Range<usize>) {
        let mut segs = pointer.split('/').skip(1);
        let (Some(field), Some(tag)) = (segs.next(), segs.next()) else {
            return;
        };
        if field != "labels" && field != "aliases" {
            return;
        }
        let Some(message) = label_script(s, tag) else {
            return;
        };
        self.diagnostics.push(
            Diagnostic::new(&rules::LABEL_SCRIPT_MISMATCH, self.file, message)
                .at(self.text, span)
                .label(format!("under `{tag}`"))
                .help("put the text under the tag of its script: `en`, `zh-Hans`, `zh-Hant` or `zh-Latn-pinyin`"),
        );
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
            DeValue::Table(t) if labels => t.iter().all(|(tag, v)| {
                quick_value(v.get_ref(), 2, &|s: &str| {
                    label_script(s, tag.get_ref()).is_none()
                })
            }),
            other => quick_value(other, 1, &|_: &str| true),
        }
    })
}

fn quick_value(v: &DeValue<'_>, depth: usize, extra: &dyn Fn(&str) -> bool) -> bool {
    match v {
        DeValue::String(s) => clean_text(s) && extra(s),
        DeValue::Integer(i) => {
            i64::from_str_radix(i.as_str(), i.radix()).is_ok()
                || u64::from_str_radix(i.as_str(), i.radix()).is_ok()
        }
        DeValue::Float(f) => f.as_str().parse::<f64>().is_ok_and(f64::is_finite),
        DeValue::Boolean(_) => true,
        DeValue::Datetime(_) => false,
        DeValue::Array(_) | DeValue::Table(_) if depth > MAX_DEPTH => false,
        DeValue::Array(a) => a
            .iter()
            .all(|item| quick_value(item.get_ref(), depth + 1, extra)),
        DeValue::Table(t) => t
            .iter()
            .all(|(_, item)| quick_value(item.get_ref(), depth + 1, extra)),
    }
}

/// Whether [`Scan::text_rules`] and the length limit have nothing to say of `s`.
fn clean_text(s: &str) -> bool {
    if s.is_empty()
        || s.starts_with(rules::PLACEHOLDER)
        || s.trim_start().len() != s.len()
        || s.trim_end().len() != s.len()
        || (s.len() > MAX_STRING_CHARS && s.chars().nth(MAX_STRING_CHARS).is_some())
    {
        return false;
    }
    // One pass over the bytes for the common case, ASCII text; other text is decoded. The
    // pass has no early exit, so that it runs on whole vectors of bytes.
    let (high, control) = s.bytes().fold((0u8, 0u8), |(high, control), b| {
        (
            high | (b & 0x80),
            control | u8::from((b < 0x20 && b != b'\n') || b == 0x7f),
        )
    });
    if control != 0 {
        return false;
    }
    let ascii = high == 0;
    // Most text is made of characters each of which the normalization quick check passes
    // on its own with combining class 0, and which are visible: such text is in NFC, so
    // only other text pays for the full check.
    ascii || s.chars().all(is_plain) || (is_nfc(s) && !s.chars().any(is_invisible))
}

/// A visible character that is its own NFC and combines with nothing (quick check `Yes`,
/// combining class 0): ASCII, the Latin-1 and Latin Extended-A letters, general
/// punctuation (dashes, quotation marks), CJK punctuation and brackets, the CJK unified
/// ideographs of the basic block and extension A (not the compatibility ideographs, which
/// NFC changes), and the fullwidth ASCII forms. A test checks every one.
fn is_plain(c: char) -> bool {
    c.is_ascii()
        || matches!(
            c,
            '\u{C0}'..='\u{17F}'
                | '\u{2010}'..='\u{2027}'
                | '\u{3001}'..='\u{3003}'
                | '\u{3008}'..='\u{3011}'
                | '\u{3400}'..='\u{4DBF}'
                | '\u{4E00}'..='\u{9FFF}'
                | '\u{FF01}'..='\u{FF5E}'
        )
}

/// What `label-script-mismatch` says of the label `s` under the language tag `tag`.
fn label_script(s: &str, tag: &str) -> Option<String> {
    let han = s.chars().any(is_han);
    let tag_script = tag.split('-').nth(1);
    if tag.starts_with("zh") && matches!(tag_script, Some("Hans" | "Hant")) && !han {
        Some(format!("a `{tag}` label holds no Han character"))
    } else if tag == "en" && han {
        Some("an `en` label holds Han characters".to_owned())
    } else {
        None
    }
}

fn items(v: Option<&Value>) -> impl Iterator<Item = (usize, &Value)> {
    v.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
}

/// A control character other than a line break, or a zero-width or otherwise invisible
/// formatting character.
fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        )
}

/// A Han (CJK ideograph) character: the model's one definition.
pub(crate) use cadres_model::is_han;

#[cfg(test)]
mod tests {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{IsNormalized, is_nfc, is_nfc_quick};

    use super::{clean_text, is_invisible, is_plain};

    /// Every character the shortcut trusts passes the quick check with combining class 0
    /// and is visible, so that any string of them is in NFC.
    #[test]
    fn every_plain_character_is_its_own_nfc_and_visible() {
        let plain: Vec<char> = ('\0'..=char::MAX)
            .filter(|c| is_plain(*c) && !c.is_ascii_control())
            .collect();
        assert!(plain.len() > 25_000, "{}", plain.len());
        for c in plain {
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert!(!is_invisible(c), "{c:?}");
        }
    }

    /// The shortcut for plain text says what the full test says: in NFC, with no
    /// invisible or control character.
    #[test]
    fn the_plain_text_shortcut_agrees_with_the_normalization_check() {
        let alphabet = [
            "a",
            " ",
            "中",
            "國",
            "\u{3400}",
            "\u{9FFF}",
            "\u{F900}",
            "\u{FA11}",
            "\u{2F800}",
            "e",
            "\u{301}",
            "\u{3099}",
            "か",
            "\u{200B}",
            "\u{FEFF}",
            "\t",
            "\n",
            "é",
            "\u{1100}",
            "\u{1161}",
            "。",
            "ō",
            "o",
            "\u{304}",
            "“",
            "\u{2028}",
            "，",
            "\u{FF9E}",
            "\u{AD}",
        ];
        let mut checked = 0;
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    let s = format!("x{a}{b}{c}x");
                    let expected = is_nfc(&s) && !s.chars().any(is_invisible);
                    assert_eq!(clean_text(&s), expected, "{s:?}");
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, alphabet.len().pow(3));
    }
}
