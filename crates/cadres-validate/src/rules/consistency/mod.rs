//! Consistency rules: disagreeing claims are ranked and classified.

pub(crate) mod dispute_mismatch;
pub(crate) mod rank_without_reason;
pub(crate) mod undeclared_dispute;
pub(crate) mod unranked_contradiction;
pub(crate) mod wrong_dispute_relation;

pub use dispute_mismatch::DISPUTE_MISMATCH;
pub use rank_without_reason::RANK_WITHOUT_REASON;
pub use undeclared_dispute::UNDECLARED_DISPUTE;
pub use unranked_contradiction::UNRANKED_CONTRADICTION;
pub use wrong_dispute_relation::WRONG_DISPUTE_RELATION;

use cadres_model::{ClaimRecord, DateRelation, Dispute, Rank};

use crate::rules::lookup::{ClaimAt, Lookup};

/// Whether a claim is ranked with a reason: a contradiction needs one such side.
pub(crate) fn ranked(c: &ClaimRecord) -> bool {
    c.rank != Rank::Normal && c.rank_reason.is_some()
}

/// Whether either claim declares a dispute with the other.
pub(crate) fn linked(x: &ClaimRecord, y: &ClaimRecord) -> bool {
    x.disputes.iter().any(|d| d.with == y.id) || y.disputes.iter().any(|d| d.with == x.id)
}

/// How two claims' values relate, when both are dates: from their bounds.
pub(crate) fn relation(a: &ClaimRecord, b: &ClaimRecord) -> Option<DateRelation> {
    match (a.value.as_date(), b.value.as_date()) {
        (Some(x), Some(y)) => Some(x.relation(y)),
        _ => None,
    }
}

/// A claim's disputes whose target could be built: position, dispute, target, and whether
/// the target is a rival (another claim of the same subject and property). An unknown
/// target is `unknown-claim`'s.
pub(crate) fn disputed<'a>(
    cx: &impl Lookup<'a>,
    a: &ClaimAt<'a>,
) -> impl Iterator<Item = (usize, &'a Dispute, ClaimAt<'a>, bool)> {
    let found: Vec<_> = a
        .claim
        .disputes
        .iter()
        .enumerate()
        .filter_map(|(j, d)| cx.claim(d.with.as_str()).map(|b| (j, d, b)))
        .collect();
    let a = *a;
    found.into_iter().map(move |(j, d, b)| {
        let rival = b.claim.id != a.claim.id
            && b.subject.id == a.subject.id
            && b.claim.property == a.claim.property;
        (j, d, b, rival)
    })
}
