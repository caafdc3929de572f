//! Rule `value-kind-mismatch` (E0506).

declare_rule! {
    /// A property whose values are entities may say which kinds it takes (`value-kinds`): a
    /// `location` is a place. An entity of another kind as its value (a person as a location)
    /// is almost always the wrong id.
    ///
    /// ## Fails
    /// ```toml
    /// # properties.toml
    /// [[property]]
    /// id = "location"
    /// label = "location"
    /// description = "Where something happened."
    /// value-type = "entity"
    /// value-kinds = ["person"]
    /// # entities/meeting/example-conference.toml has `value = { entity = "beijing" }`, a place
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # properties.toml
    /// [[property]]
    /// id = "location"
    /// label = "location"
    /// description = "Where something happened."
    /// value-type = "entity"
    /// value-kinds = ["place"]
    /// ```
    pub VALUE_KIND_MISMATCH = "E0506" "value-kind-mismatch" Error Values "An entity value is of a kind its property allows (`value-kinds`).";
}
