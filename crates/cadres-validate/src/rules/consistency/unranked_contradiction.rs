//! Rule `unranked-contradiction` (E0803).

declare_rule! {
    /// When two sources contradict each other, a reader needs to know which the dataset follows
    /// and why. At least one side of a contradiction is ranked `preferred` or `deprecated`,
    /// with a `rank-reason`; otherwise every export would have to guess.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml; `example-conference-start` gives 1962-01-11
    /// [[claims]]
    /// id = "example-conference-start-month"
    /// property = "start-date"
    /// value = { date = "1962-03" }
    /// disputes = [{ with = "example-conference-start", relation = "contradiction" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start-month"
    /// property = "start-date"
    /// value = { date = "1962-03" }
    /// rank = "deprecated"
    /// rank-reason = "The body's month contradicts the lead's day, which other sources confirm."
    /// disputes = [{ with = "example-conference-start", relation = "contradiction" }]
    /// ```
    pub UNRANKED_CONTRADICTION = "E0803" "unranked-contradiction" Error Consistency "In a contradiction, at least one side has a rank other than normal, with a `rank-reason`.";
}

use cadres_model::DateRelation;

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Lookup, Report, Sink};

/// Of two claims that contradict each other, one is ranked with a reason.
pub(crate) fn check<'a>(cx: &impl Lookup<'a>, a: &ClaimAt<'a>, sink: &mut impl Sink) -> Flow {
    for (j, d, b, rival) in super::disputed(cx, a) {
        let relation = super::relation(a.claim, b.claim).unwrap_or(d.relation);
        if !rival
            || relation != DateRelation::Contradiction
            || super::ranked(a.claim)
            || super::ranked(b.claim)
        {
            continue;
        }
        sink.report(&UNRANKED_CONTRADICTION, a.file, || {
            Report::at(
                format!("{}/disputes/{j}", a.pointer()),
                format!(
                    "`{}` contradicts `{}`, and neither is ranked",
                    a.claim.id, b.claim.id
                ),
            )
            .label("a contradiction")
            .help("rank one side `preferred` or `deprecated`, with a `rank-reason`")
        })?;
    }
    GO_ON
}
