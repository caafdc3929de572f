//! Rule `dispute-mismatch` (E0805).

declare_rule! {
    /// A dispute is a disagreement about one thing: two claims giving the same subject's same
    /// property. A dispute with a claim about another property or another entity, or with the
    /// claim itself, is the wrong id, and would tell a reader that unrelated claims disagree.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml; `example-conference-start` is a start-date
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// disputes = [{ with = "example-conference-start", relation = "overlap" }]
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
    pub DISPUTE_MISMATCH = "E0805" "dispute-mismatch" Error Consistency "A dispute links two different claims with the same subject and property.";
}
