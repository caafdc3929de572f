//! Rule `unknown-property` (E0303).

declare_rule! {
    /// Every property is declared once in `properties.toml`, with its label, its value type and
    /// the kinds it applies to; that declaration is how the checker knows what a claim's value
    /// should be. A claim or qualifier with an undeclared property cannot be checked or
    /// exported, so it is declared first or the id corrected.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "venue"
    /// value = { entity = "beijing" }
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
    pub UNKNOWN_PROPERTY = "E0303" "unknown-property" Error Integrity "Every claim property and qualifier key is in `properties.toml`.";
}
