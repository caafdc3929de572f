//! Rule `limit-exceeded` (E0113).

declare_rule! {
    /// A hand-edited dataset never comes near these limits, so a file that does is broken or
    /// hostile: a string of 10000 characters is not a sentence, tables nested 17 deep are not a
    /// record. Holding the limits of `docs/format.md` keeps every tool that reads the dataset
    /// fast and safe; record files beyond the millionth are not read.
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   entities/
    ///     place/
    ///       beijing.toml    description = "Beijing.Beijing.Beijing.…", 10001 characters
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   entities/
    ///     place/
    ///       beijing.toml    description = "A city, the place of the fixture's meeting."
    /// ```
    pub LIMIT_EXCEEDED = "E0113" "limit-exceeded" Error Structure "A dataset stays within the limits of `docs/format.md`: at most 1000000 record files, tables and lists nested at most 16 deep, strings of at most 10000 characters.";
}
