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
