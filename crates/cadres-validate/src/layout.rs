//! The rules on a file's form and place that need only the file itself: its record's id
//! and kind agree with its path (`file-name-mismatch`, `folder-kind-mismatch`), it is
//! saved as `cargo xtask fmt` writes it (`non-canonical-encoding`) and it names its
//! kind's schema (`schema-directive`).

use cadres_model::EntityKind;
use cadres_model::schema::RecordKind;
use serde_json::Value;

use crate::spans::SpanIndex;
use crate::{Diagnostic, rules};

/// The file name's stem when it differs from the record's `id`.
fn other_name<'f>(file: &'f str, id: &str) -> Option<&'f str> {
    let name = file.rsplit('/').next().unwrap_or_default();
    let stem = name.strip_suffix(".toml").unwrap_or(name);
    (stem != id).then_some(stem)
}

/// The entity file's folder when it differs from the entity's `kind`.
fn other_folder<'f>(file: &'f str, kind: &str) -> Option<&'f str> {
    let folder = file.rsplit('/').nth(1).unwrap_or_default();
    (folder != kind).then_some(folder)
}

/// Whether a record's id (and an entity's kind) agree with its path: the fast way's
/// question, on a typed record; [`identity_in_path`] reports the same two conditions.
pub(crate) fn identity_holds(file: &str, id: &str, entity_kind: Option<&str>) -> bool {
    other_name(file, id).is_none() && entity_kind.is_none_or(|k| other_folder(file, k).is_none())
}

/// `file-name-mismatch` and `folder-kind-mismatch`: a record's identity is in its path.
pub(crate) fn identity_in_path(
    kind: RecordKind,
    file: &str,
    json: &Value,
    text: &str,
    index: &SpanIndex,
    out: &mut Vec<Diagnostic>,
) {
    if !matches!(kind, RecordKind::Source | RecordKind::Entity) {
        return;
    }
    if let Some(id) = json.get("id").and_then(Value::as_str)
        && let Some(stem) = other_name(file, id)
    {
        out.push(
            Diagnostic::new(
                &rules::FILE_NAME_MISMATCH,
                file,
                format!("the id `{id}` differs from the file name `{stem}.toml`"),
            )
            .at(text, index.value("/id"))
            .label("the id is here")
            .help(format!(
                "rename the file to `{id}.toml`, or set `id = \"{stem}\"`"
            )),
        );
    }
    if kind == RecordKind::Entity
        && let Some(k) = json.get("kind").and_then(Value::as_str)
        && EntityKind::from_name(k).is_some()
        && let Some(folder) = other_folder(file, k)
    {
        out.push(
            Diagnostic::new(
                &rules::FOLDER_KIND_MISMATCH,
                file,
                format!("an entity of kind `{k}` is in the folder `entities/{folder}/`"),
            )
            .at(text, index.value("/kind"))
            .label("the kind is here")
            .help(format!(
                "move the file to `entities/{k}/`, or set `kind = \"{folder}\"`"
            )),
        );
    }
}

/// `non-canonical-encoding`: no byte-order mark, no CRLF line ending. TOML allows both, and
/// the formatter removes them.
pub(crate) fn encoding(file: &str, text: &str, out: &mut Vec<Diagnostic>) {
    if text.starts_with('\u{FEFF}') {
        out.push(
            Diagnostic::new(
                &rules::NON_CANONICAL_ENCODING,
                file,
                "the file starts with a byte-order mark (U+FEFF)",
            )
            .at(text, 0..'\u{FEFF}'.len_utf8())
            .label("byte-order mark here")
            .help("run `cargo xtask fmt` to save it without one, or save it as UTF-8 without BOM"),
        );
    }
    if let Some(at) = text.find("\r\n") {
        let lines = text.matches("\r\n").count();
        out.push(
            Diagnostic::new(
                &rules::NON_CANONICAL_ENCODING,
                file,
                format!(
                    "the file has CRLF line endings ({lines} of {} lines)",
                    text.lines().count()
                ),
            )
            // The `\r` alone, so that the span stays on its line.
            .at(text, at..at + 1)
            .label("this line ends in CRLF")
            .help("run `cargo xtask fmt` to save it with LF line endings"),
        );
    }
}

/// `schema-directive`: the first line names the schema of the file's kind.
pub(crate) fn directive(kind: RecordKind, file: &str, text: &str, out: &mut Vec<Diagnostic>) {
    // A byte-order mark is allowed before the directive, as TOML allows it.
    let first = text
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches('\u{FEFF}');
    let lead = text.len() - text.trim_start_matches('\u{FEFF}').len();
    let wanted = format!("schema/{}", kind.schema_file_name());
    let depth = file.matches('/').count();
    let example = format!("#:schema {}{wanted}", "../".repeat(depth + 1));
    match first.strip_prefix("#:schema ") {
        Some(target) if target.trim_end().ends_with(&wanted) => {}
        Some(target) => out.push(
            Diagnostic::new(
                &rules::SCHEMA_DIRECTIVE,
                file,
                format!(
                    "the `#:schema` line names `{}`, not the {} schema",
                    target.trim_end(),
                    kind.as_str()
                ),
            )
            .at(text, lead..lead + first.len())
            .help(format!("write `{example}`, relative to this file")),
        ),
        None => out.push(
            Diagnostic::new(
                &rules::SCHEMA_DIRECTIVE,
                file,
                "the file does not start with a `#:schema` line",
            )
            .at(text, lead..lead + first.len())
            .label("expected `#:schema <path to the schema>` here")
            .help(format!(
                "add `{example}` as the first line, for editor completion"
            )),
        ),
    }
}
