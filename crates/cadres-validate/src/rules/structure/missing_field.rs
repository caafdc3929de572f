//! Rule `missing-field` (E0103).

declare_rule! {
    /// A record without a key its schema requires cannot be used as it is meant to be: a source
    /// without a title cannot be cited in a bibliography, a claim without a property says
    /// nothing. The checker names the missing key so that it can be added where it belongs.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/example-article.toml
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # sources/example-article.toml
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// title = "Example Conference"
    /// ```
    pub MISSING_FIELD = "E0103" "missing-field" Error Structure "A table holds every key its schema requires.";
}
