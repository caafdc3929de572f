//! Rule `value-type-mismatch` (E0501).

declare_rule! {
    /// Each property declares the type of its values in `properties.toml` (`date`, `entity`,
    /// `quantity`, `share`, `text`). A start date given as an entity, or a place given as a
    /// date, is a claim no reader or export can use as the property means it.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml; `start-date` takes a date
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
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
    /// ```
    pub VALUE_TYPE_MISMATCH = "E0501" "value-type-mismatch" Error Values "A claim's or qualifier's value has the type its property declares.";
}
