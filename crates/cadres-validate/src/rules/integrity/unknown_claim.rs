//! Rule `unknown-claim` (E0304).

declare_rule! {
    /// A dispute links a claim to the claim it disagrees with; if `with` names no claim, the
    /// disagreement is recorded against nothing and a reader cannot weigh the two. The checker
    /// suggests the closest claim id.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-end-lead"
    /// property = "end-date"
    /// value = { date = "1962-02-07" }
    /// disputes = [{ with = "example-conference-end-bdy", relation = "refinement" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-end-lead"
    /// property = "end-date"
    /// value = { date = "1962-02-07" }
    /// disputes = [{ with = "example-conference-end-body", relation = "refinement" }]
    /// ```
    pub UNKNOWN_CLAIM = "E0304" "unknown-claim" Error Integrity "Every claim named by `disputes.with` exists.";
}

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Lookup, Namespace, Sink};

/// The claims the claim disputes exist.
pub(crate) fn check<'a>(cx: &impl Lookup<'a>, c: &ClaimAt<'a>, sink: &mut impl Sink) -> Flow {
    for (j, d) in c.claim.disputes.iter().enumerate() {
        super::unresolved(
            cx,
            sink,
            c.file,
            Namespace::Claim,
            d.with.as_str(),
            false,
            || format!("{}/disputes/{j}/with", c.pointer()),
        )?;
    }
    GO_ON
}
