//! Rule `folder-kind-mismatch` (E0106).

declare_rule! {
    /// Entities are filed by kind, `entities/<kind>/`, so that a reader can browse the people,
    /// the places and the meetings, and so that a file's place says what it is. An entity in
    /// another kind's folder is either filed wrongly or given the wrong `kind`; the checker
    /// cannot tell which, and says both.
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   entities/
    ///     event/
    ///       conference.toml    holds kind = "meeting"
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   entities/
    ///     meeting/
    ///       conference.toml    holds kind = "meeting"
    /// ```
    pub FOLDER_KIND_MISMATCH = "E0106" "folder-kind-mismatch" Error Structure "An entity file lives in the folder of its kind: `entities/<kind>/`.";
}

use cadres_model::EntityKind;
use cadres_model::schema::RecordKind;
use serde_json::Value;

use crate::Diagnostic;
use crate::spans::SpanIndex;

/// The entity file's folder when it differs from the entity's `kind`.
fn other_folder<'f>(file: &'f str, kind: &str) -> Option<&'f str> {
    let folder = file.rsplit('/').nth(1).unwrap_or_default();
    (folder != kind).then_some(folder)
}

/// Whether the entity file `file` is in the folder of its kind `kind`: the question of the
/// way that has a typed record and no spans. [`check`] reports the same condition.
pub(crate) fn holds(file: &str, kind: &str) -> bool {
    other_folder(file, kind).is_none()
}

/// An entity's file is in the folder of its kind. A kind that is not one is the schema's
/// to report.
pub(crate) fn check(
    kind: RecordKind,
    file: &str,
    json: &Value,
    text: &str,
    index: &SpanIndex,
    out: &mut Vec<Diagnostic>,
) {
    if kind != RecordKind::Entity {
        return;
    }
    let Some(k) = json.get("kind").and_then(Value::as_str) else {
        return;
    };
    if EntityKind::from_name(k).is_none() {
        return;
    }
    let Some(folder) = other_folder(file, k) else {
        return;
    };
    out.push(
        Diagnostic::new(
            &FOLDER_KIND_MISMATCH,
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
