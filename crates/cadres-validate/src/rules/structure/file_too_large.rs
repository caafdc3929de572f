//! Rule `file-too-large` (E0108).

declare_rule! {
    /// A record is a few kilobytes of hand-edited TOML; a file over 1 MiB is a mistake (a
    /// pasted book, a generated dump) that would slow every check and every editor. The checker
    /// does not read past the limit, so a huge file cannot exhaust its memory; git cannot
    /// easily hold such a fixture, so a test of its own covers the rule.
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   sources/
    ///     example-book.toml    1,300,000 bytes: the book's whole text pasted into `note`
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   sources/
    ///     example-book.toml    2,000 bytes: the book described, its text kept in the archive
    /// ```
    pub FILE_TOO_LARGE = "E0108" "file-too-large" Error Structure "A file is at most 1 MiB.";
}
