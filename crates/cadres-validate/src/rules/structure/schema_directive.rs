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
