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

use cadres_model::{Edtf, EdtfDate, EdtfError};

use crate::rules::lookup::{FileNo, Flow, GO_ON, Report, Sink};

/// What to write instead of a date that is not EDTF.
const HELP: &str = "write an EDTF date: `1962`, `1962-02`, `1962-02-07`, `1962~` (about), `1962?` (uncertain), or an interval `1962-01-11/1962-02-07`";

/// The single date at `pointer` (a source's `issued`, the dataset's `as-of`) is EDTF.
pub(crate) fn check_date(file: FileNo, pointer: &str, s: &str, sink: &mut impl Sink) -> Flow {
    let Err(e) = s.parse::<EdtfDate>() else {
        return GO_ON;
    };
    sink.report(&INVALID_DATE, file, || {
        Report::at(pointer, e.to_string())
            .label("not a valid EDTF date")
            .help(if s.contains('/') {
                "this field takes a single date, not an interval"
            } else {
                HELP
            })
    })
}

/// The date or interval at `pointer` (a claim's value) is EDTF; an interval whose ends are
/// in the wrong order is [`super::reversed_interval`]'s.
pub(crate) fn check(file: FileNo, pointer: &str, s: &str, sink: &mut impl Sink) -> Flow {
    match s.parse::<Edtf>() {
        Ok(_) | Err(EdtfError::Reversed { .. }) => GO_ON,
        Err(e) => sink.report(&INVALID_DATE, file, || {
            Report::at(pointer, e.to_string())
                .label("not a valid EDTF date")
                .help(HELP)
        }),
    }
}
