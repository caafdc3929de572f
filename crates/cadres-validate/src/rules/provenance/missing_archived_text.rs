//! Rule `missing-archived-text` (E0411).

declare_rule! {
    /// With `--archive DIR`, every source a citation reads from must have its text in the
    /// archive as `<source-id>.txt`, in UTF-8; otherwise its quotes cannot be checked at all
    /// and the check would pass for want of evidence. A text under another name counts as
    /// missing.
    ///
    /// ## Fails
    /// ```text
    /// archive/
    ///   another-source.txt
    /// dataset/sources/article.toml    the `source` of two citations
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// archive/
    ///   article.txt    the text that was read, as archived
    /// dataset/sources/article.toml
    /// ```
    pub MISSING_ARCHIVED_TEXT = "E0411" "missing-archived-text" Error Provenance "With `--archive`, the archive holds the text (`<source-id>.txt`, UTF-8) of every source a citation names as its `source`.";
}
