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

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Lookup, Report, Sink};
use crate::rules::words::article;

/// A dispute between two dates declares the relation their bounds give.
pub(crate) fn check<'a>(cx: &impl Lookup<'a>, a: &ClaimAt<'a>, sink: &mut impl Sink) -> Flow {
    for (j, d, b, rival) in super::disputed(cx, a) {
        let Some(rel) = super::relation(a.claim, b.claim).filter(|_| rival) else {
            continue;
        };
        if rel == d.relation {
            continue;
        }
        sink.report(&WRONG_DISPUTE_RELATION, a.file, || {
            Report::at(
                format!("{}/disputes/{j}/relation", a.pointer()),
                format!(
                    "`{}` and `{}` are {}, not {}",
                    a.claim.value,
                    b.claim.value,
                    article(&rel.to_string()),
                    article(&d.relation.to_string())
                ),
            )
            .label(format!("their bounds give `{rel}`"))
            .help(format!("write `relation = \"{rel}\"`"))
        })?;
    }
    GO_ON
}
