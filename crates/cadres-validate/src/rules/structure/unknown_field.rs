//! Rule `unknown-field` (E0102).

declare_rule! {
    /// A misspelt key is not an error to a TOML parser, and a loader that skipped it would drop
    /// the data it holds from every release without a word. Refusing every key the schema does
    /// not name catches the typo at once, and the checker suggests the key that was probably
    /// meant.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/example-book.toml
    /// id = "example-book"
    /// type = "book"
    /// title = "A History of Examples"
    /// publisher-plce = "Beijing"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # sources/example-book.toml
    /// id = "example-book"
    /// type = "book"
    /// title = "A History of Examples"
    /// publisher-place = "Beijing"
    /// ```
    pub UNKNOWN_FIELD = "E0102" "unknown-field" Error Structure "A table holds only the keys its schema names.";
}
