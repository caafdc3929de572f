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

use std::ops::Range;

use crate::Diagnostic;

/// The report on a TOML date-time, at `span` of `text`: the model's dates are EDTF strings,
/// which TOML's date-times cannot all be (`1962~`), so the JSON form has no place for one.
pub(crate) fn datetime(file: &str, text: &str, span: Range<usize>, found: &str) -> Diagnostic {
    Diagnostic::new(
        &SCHEMA_MISMATCH,
        file,
        format!("expected a string, found TOML date-time `{found}`"),
    )
    .at(text, span)
    .label("a TOML date, not a string")
    .help(format!(
        "dates are EDTF strings: write \"{found}\" in quotes"
    ))
}

/// The report on a record that the schema accepts but the model's types refuse: the two
/// are generated from one definition, so this is a gap between them, kept as a report.
pub(crate) fn does_not_fit(file: &str, e: &impl std::fmt::Display) -> Diagnostic {
    Diagnostic::new(
        &SCHEMA_MISMATCH,
        file,
        format!("the record does not fit the model: {e}"),
    )
}
