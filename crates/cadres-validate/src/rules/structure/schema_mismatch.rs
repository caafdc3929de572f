//! Rule `schema-mismatch` (E0104).

declare_rule! {
    /// TOML has several types, and a value of the wrong one (a number where the schema wants a
    /// string, a string where it wants a table, a word outside a fixed list) would be read
    /// wrongly or not at all. A date written `1962` without quotes is a number to TOML, not the
    /// EDTF date `"1962"`; the checker says which type was expected and, where it can, how to
    /// write it.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = 1962 }
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962" }
    /// ```
    pub SCHEMA_MISMATCH = "E0104" "schema-mismatch" Error Structure "A value has the type and shape its schema gives (string, number, table, one of a list of words).";
}
