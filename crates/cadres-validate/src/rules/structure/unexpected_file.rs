//! Rule `unexpected-file` (E0107).

declare_rule! {
    /// The checker reads only the files the layout names; anything else in the record folders
    /// would be skipped in silence. A record saved with the wrong extension would then be lost
    /// from the release, and notes left beside the records would look like data. Hidden entries
    /// (such as `.archive/`) and files other than `.toml` at the top of the dataset folder (a
    /// `README.md`) are left alone.
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   metadata.toml
    ///   properties.toml
    ///   sources/
    ///     article.toml
    ///     notes.txt
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   README.md            a file other than .toml at the top: ignored
    ///   metadata.toml
    ///   properties.toml
    ///   sources/
    ///     article.toml
    /// ```
    pub UNEXPECTED_FILE = "E0107" "unexpected-file" Error Structure "The dataset folder holds only `metadata.toml`, `properties.toml`, `sources/*.toml` and `entities/<kind>/*.toml`; hidden entries, and files other than `.toml` at its top, are ignored.";
}
