//! Rule `file-name-mismatch` (E0105).

declare_rule! {
    /// A record is found by its id: a reader who meets `source = "article"` opens
    /// `sources/article.toml`, and the tools (`cargo xtask new`, `cargo xtask diff`) do the
    /// same. A file whose name is not its id hides the record from everyone who looks it up
    /// that way.
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   sources/
    ///     the-article.toml    holds id = "article"
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   sources/
    ///     article.toml        holds id = "article"
    /// ```
    pub FILE_NAME_MISMATCH = "E0105" "file-name-mismatch" Error Structure "A source or entity file is named after the record's id: `<id>.toml`.";
}

use cadres_model::schema::RecordKind;
use serde_json::Value;

use crate::Diagnostic;
use crate::spans::SpanIndex;

/// The file name's stem when it differs from the record's `id`.
fn other_name<'f>(file: &'f str, id: &str) -> Option<&'f str> {
    let name = file.rsplit('/').next().unwrap_or_default();
    let stem = name.strip_suffix(".toml").unwrap_or(name);
    (stem != id).then_some(stem)
}

/// Whether the file `file` is named for the id `id`: the question of the way that has a
/// typed record and no spans. [`check`] reports the same condition.
pub(crate) fn holds(file: &str, id: &str) -> bool {
    other_name(file, id).is_none()
}

/// A source's or an entity's file is named for its id.
pub(crate) fn check(
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
    let Some(id) = json.get("id").and_then(Value::as_str) else {
        return;
    };
    let Some(stem) = other_name(file, id) else {
        return;
    };
    out.push(
        Diagnostic::new(
            &FILE_NAME_MISMATCH,
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
