//! Rule `undeclared-dispute` (E0801).

declare_rule! {
    /// Sources disagree, and the dataset keeps every side rather than pick one in silence. When
    /// two claims give one subject different values of a single-valued property, `disputes`
    /// links them and says how they differ, so that a reader sees the disagreement instead of
    /// two facts that cannot both hold; the checker proposes the relation.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml; `end-date` is single-valued
    /// [[claims]]
    /// id = "example-conference-end-lead"
    /// property = "end-date"
    /// value = { date = "1962-02-07" }
    ///
    /// [[claims]]
    /// id = "example-conference-end-body"
    /// property = "end-date"
    /// value = { date = "1962-02" }
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-end-lead"
    /// property = "end-date"
    /// value = { date = "1962-02-07" }
    /// rank = "preferred"
    /// rank-reason = "The lead gives the day; the body gives only the month, which contains it."
    /// disputes = [{ with = "example-conference-end-body", relation = "refinement" }]
    ///
    /// [[claims]]
    /// id = "example-conference-end-body"
    /// property = "end-date"
    /// value = { date = "1962-02" }
    /// ```
    pub UNDECLARED_DISPUTE = "E0801" "undeclared-dispute" Error Consistency "Claims giving differing values of a single-valued property to one subject are linked by `disputes`.";
}
