//! Rule `reversed-interval` (E0503).

declare_rule! {
    /// An interval `start/end` that ends before it starts is a slip, most often the two dates
    /// swapped; left in, it would make comparisons with other dates meaningless. The checker
    /// gives the interval the other way round.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-02-07/1962-01-11" }
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11/1962-02-07" }
    /// ```
    pub REVERSED_INTERVAL = "E0503" "reversed-interval" Error Values "An interval's start is not after its end.";
}
