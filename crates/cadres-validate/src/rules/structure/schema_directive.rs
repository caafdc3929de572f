//! Rule `schema-directive` (W0112).

declare_rule! {
    /// The first line `#:schema <path>` tells an editor with a TOML language server (Taplo,
    /// Even Better TOML) which JSON Schema the file follows, so that it completes keys and
    /// underlines mistakes while the contributor types. It is a warning: the file is valid
    /// without it. The checker looks at how the path ends (the kind's schema file); a line
    /// naming another kind's schema warns too.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/article.toml, first line
    /// id = "article"
    /// type = "entry-encyclopedia"
    /// title = "The Conference"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// #:schema ../../schema/source.schema.json
    /// id = "article"
    /// type = "entry-encyclopedia"
    /// title = "The Conference"
    /// ```
    pub SCHEMA_DIRECTIVE = "W0112" "schema-directive" Warning Structure "A file starts with a `#:schema` line naming its kind's schema, for editor completion.";
}

use cadres_model::schema::RecordKind;

use crate::Diagnostic;

/// `schema-directive`: the first line names the schema of the file's kind.
pub(crate) fn check(kind: RecordKind, file: &str, text: &str, out: &mut Vec<Diagnostic>) {
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
                &SCHEMA_DIRECTIVE,
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
                &SCHEMA_DIRECTIVE,
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
