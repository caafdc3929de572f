//! Rule `unreadable-file` (E0114).

declare_rule! {
    /// A file the checker may not open, or one deleted or changed while the check runs, cannot
    /// be checked, and a release built without it would silently lack its records. The checker
    /// reports it rather than skip it; git cannot hold such a fixture, so a test of its own
    /// covers the rule.
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   sources/
    ///     example-book.toml    -rw------- owned by another user: permission denied
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   sources/
    ///     example-book.toml    -rw-r--r--: readable by the checker
    /// ```
    pub UNREADABLE_FILE = "E0114" "unreadable-file" Error Structure "A record file can be read: the checker may open it, and it is still there when read.";
}
