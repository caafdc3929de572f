//! Rule `subject-kind-mismatch` (E0505).

declare_rule! {
    /// A property may say which kinds of entity it describes (`subject-kinds`): `attendance` is
    /// of meetings, `said` of people. A claim about an entity of another kind uses the wrong
    /// property or the wrong subject, and would be read wrongly by anyone who trusts the
    /// property's meaning.
    ///
    /// ## Fails
    /// ```toml
    /// # properties.toml
    /// [[property]]
    /// id = "location"
    /// label = "location"
    /// description = "Where something happened."
    /// value-type = "entity"
    /// subject-kinds = ["event"]
    /// # entities/meeting/example-conference.toml, a meeting, has a `location` claim
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
    /// subject-kinds = ["meeting", "event"]
    /// ```
    pub SUBJECT_KIND_MISMATCH = "E0505" "subject-kind-mismatch" Error Values "A claim's subject is of a kind its property applies to (`subject-kinds`).";
}
