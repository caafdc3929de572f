//! Rule `placeholder-left` (E0705).

declare_rule! {
    /// `cargo xtask new` writes a new record with `TODO: …` in every field the contributor must
    /// fill in, saying what goes there. A placeholder left in would be released as if the
    /// source said it, so the checker refuses any text that still starts with the marker.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// description = "TODO: what it is, in one or two sentences of our own words"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// description = "A city, the place of the fixture's meeting."
    /// ```
    pub PLACEHOLDER_LEFT = "E0705" "placeholder-left" Error Text "No text still starts with the `TODO` marker that `cargo xtask new` writes into the fields a contributor must fill.";
}
