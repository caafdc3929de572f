//! Rule `duplicate-id` (E0201).

declare_rule! {
    /// An id names one record: a citation, an entity value or a dispute that names it must lead
    /// to one place. Two records with one id make every reference to it ambiguous, and the
    /// later one would silently replace the earlier in a release. Sources, entities and claims
    /// share one space of ids; properties have their own.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    ///
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    ///
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// ```
    pub DUPLICATE_ID = "E0201" "duplicate-id" Error Identity "Ids are unique: among sources, entities and claims together, and among properties.";
}
