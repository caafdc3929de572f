//! Rule `dispute-mismatch` (E0805).

declare_rule! {
    /// A dispute is a disagreement about one thing: two claims giving the same subject's same
    /// property. A dispute with a claim about another property or another entity, or with the
    /// claim itself, is the wrong id, and would tell a reader that unrelated claims disagree.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml; `example-conference-start` is a start-date
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// disputes = [{ with = "example-conference-start", relation = "overlap" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// ```
    pub DISPUTE_MISMATCH = "E0805" "dispute-mismatch" Error Consistency "A dispute links two different claims with the same subject and property.";
}

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Lookup, Report, Sink};

/// A claim disputes only rival claims: others of the same subject and property.
pub(crate) fn check<'a>(cx: &impl Lookup<'a>, a: &ClaimAt<'a>, sink: &mut impl Sink) -> Flow {
    for (j, _, b, rival) in super::disputed(cx, a) {
        if rival {
            continue;
        }
        sink.report(&DISPUTE_MISMATCH, a.file, || {
            let why = if b.claim.id == a.claim.id {
                "a claim cannot dispute itself".to_owned()
            } else {
                format!(
                    "`{}` is about `{}` {}, not `{}` {}",
                    b.claim.id, b.subject.id, b.claim.property, a.subject.id, a.claim.property
                )
            };
            Report::at(format!("{}/disputes/{j}/with", a.pointer()), why)
                .label("not a rival claim")
                .help("dispute only a claim with the same subject and property")
        })?;
    }
    GO_ON
}
