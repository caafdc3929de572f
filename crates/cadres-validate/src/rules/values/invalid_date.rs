//! Rule `invalid-date` (E0502).

declare_rule! {
    /// Dates are EDTF, so that a source's precision is kept: `1962` when it gives the year,
    /// `1962-02` the month, `1962~` about, an interval for a span. A date that does not exist
    /// (32 January) or is not EDTF cannot be compared with the others, and the dispute rules
    /// would go wrong.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-32" }
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    /// ```
    pub INVALID_DATE = "E0502" "invalid-date" Error Values "A date is valid EDTF: `1962`, `1962-02`, `1962-02-07`, `1962~`, `1962-01-11/1962-02-07`.";
}
