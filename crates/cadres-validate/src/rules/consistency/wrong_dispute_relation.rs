//! Rule `wrong-dispute-relation` (E0802).

declare_rule! {
    /// The relation of a dispute between dates follows from their bounds: a refinement when one
    /// lies within the other (`1962-02-07` within `1962-02`), an overlap when they share some
    /// days, a contradiction when they share none. A relation that says otherwise misleads the
    /// reader about how serious the disagreement is.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start-month"
    /// property = "start-date"
    /// value = { date = "1962-01" }
    /// disputes = [{ with = "example-conference-start", relation = "overlap" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start-month"
    /// property = "start-date"
    /// value = { date = "1962-01" }
    /// disputes = [{ with = "example-conference-start", relation = "refinement" }]
    /// ```
    pub WRONG_DISPUTE_RELATION = "E0802" "wrong-dispute-relation" Error Consistency "A dispute between dates declares the relation their bounds give (refinement, overlap, contradiction).";
}
