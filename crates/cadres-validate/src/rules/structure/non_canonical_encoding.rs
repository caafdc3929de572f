//! Rule `non-canonical-encoding` (W0115).

declare_rule! {
    /// `cargo xtask fmt` saves every file the same way, so that a diff shows only what changed.
    /// A file with CRLF line endings or a byte-order mark reads the same, but each of its lines
    /// shows as changed when it is saved again, and a multi-line string keeps its carriage
    /// returns. It is a warning: the checker reads the file all the same.
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   sources/
    ///     article.toml    CRLF line endings (5 of 5 lines)
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   sources/
    ///     article.toml    LF line endings, no byte-order mark: as `cargo xtask fmt` writes it
    /// ```
    pub NON_CANONICAL_ENCODING = "W0115" "non-canonical-encoding" Warning Structure "A file is saved as `cargo xtask fmt` writes it: UTF-8 without a byte-order mark, with LF line endings.";
}
