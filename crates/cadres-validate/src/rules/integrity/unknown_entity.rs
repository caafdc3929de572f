//! Rule `unknown-entity` (E0302).

declare_rule! {
    /// An entity value points at another record (the place of a meeting, a participant); if no
    /// file in `entities/` has that id, the claim points nowhere and no export can name what it
    /// means. A misspelt id is the usual cause, and the checker suggests the closest one.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "bejing" }
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// ```
    pub UNKNOWN_ENTITY = "E0302" "unknown-entity" Error Integrity "Every entity value resolves to a file in `entities/`.";
}
