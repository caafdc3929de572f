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

use cadres_model::{Edtf, EdtfError};

use crate::rules::lookup::{FileNo, Flow, GO_ON, Report, Sink};

/// The interval at `pointer` starts no later than it ends.
pub(crate) fn check(file: FileNo, pointer: &str, s: &str, sink: &mut impl Sink) -> Flow {
    let Err(e @ EdtfError::Reversed { .. }) = s.parse::<Edtf>() else {
        return GO_ON;
    };
    sink.report(&REVERSED_INTERVAL, file, || {
        let r = Report::at(pointer, e.to_string()).label("not a valid EDTF date");
        match s.split_once('/') {
            Some((start, end)) => r.help(format!("put the earlier date first: \"{end}/{start}\"")),
            None => r,
        }
    })
}
