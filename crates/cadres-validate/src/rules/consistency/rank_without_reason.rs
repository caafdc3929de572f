//! Rule `rank-without-reason` (E0804).

declare_rule! {
    /// A rank other than normal is a judgement of the contributor's, not of the source: it says
    /// one claim is to be followed over another. Without a `rank-reason` a reader cannot weigh
    /// the judgement, so the reason is required.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-end-lead"
    /// property = "end-date"
    /// value = { date = "1962-02-07" }
    /// rank = "preferred"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-end-lead"
    /// property = "end-date"
    /// value = { date = "1962-02-07" }
    /// rank = "preferred"
    /// rank-reason = "The lead gives the day; the body gives only the month, which contains it."
    /// ```
    pub RANK_WITHOUT_REASON = "E0804" "rank-without-reason" Error Consistency "A `preferred` or `deprecated` claim says why in `rank-reason`.";
}

use cadres_model::Rank;

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Report, Sink};

/// A claim ranked other than `normal` says why.
pub(crate) fn check(c: &ClaimAt<'_>, sink: &mut impl Sink) -> Flow {
    let claim = c.claim;
    if claim.rank == Rank::Normal || claim.rank_reason.is_some() {
        return GO_ON;
    }
    sink.report(&RANK_WITHOUT_REASON, c.file, || {
        Report::at(
            format!("{}/rank", c.pointer()),
            format!(
                "the claim `{}` is ranked {} without a reason",
                claim.id,
                claim.rank.as_str()
            ),
        )
        .label("no `rank-reason`")
        .help("add `rank-reason = \"...\"` saying why")
    })
}
