//! Rule `undeclared-dispute` (E0801).

declare_rule! {
    /// Sources disagree, and the dataset keeps every side rather than pick one in silence. When
    /// two claims give one subject different values of a single-valued property, `disputes`
    /// links them and says how they differ, so that a reader sees the disagreement instead of
    /// two facts that cannot both hold; the checker proposes the relation.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml; `end-date` is single-valued
    /// [[claims]]
    /// id = "example-conference-end-lead"
    /// property = "end-date"
    /// value = { date = "1962-02-07" }
    ///
    /// [[claims]]
    /// id = "example-conference-end-body"
    /// property = "end-date"
    /// value = { date = "1962-02" }
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
    /// disputes = [{ with = "example-conference-end-body", relation = "refinement" }]
    ///
    /// [[claims]]
    /// id = "example-conference-end-body"
    /// property = "end-date"
    /// value = { date = "1962-02" }
    /// ```
    pub UNDECLARED_DISPUTE = "E0801" "undeclared-dispute" Error Consistency "Claims giving differing values of a single-valued property to one subject are linked by `disputes`.";
}

use cadres_model::{Cardinality, DateRelation};

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Lookup, Report, Sink};

/// Claims of one subject that give a single-valued property different values declare
/// their dispute. `claims` are every claim of the subject, in file order.
pub(crate) fn check<'a>(
    cx: &impl Lookup<'a>,
    subject: &str,
    claims: &[ClaimAt<'a>],
    sink: &mut impl Sink,
) -> Flow {
    let mut single: Vec<&ClaimAt<'a>> = claims
        .iter()
        .filter(|c| {
            cx.property(c.claim.property.as_str())
                .is_some_and(|p| p.cardinality == Cardinality::Single)
        })
        .collect();
    if single.len() < 2 {
        return GO_ON;
    }
    // Grouped by property, each group in file order.
    single.sort_by_key(|c| c.claim.property.as_str());
    for group in single.chunk_by(|x, y| x.claim.property == y.claim.property) {
        for (i, b) in group.iter().enumerate() {
            for a in &group[..i] {
                if a.claim.value == b.claim.value || super::linked(a.claim, b.claim) {
                    continue;
                }
                sink.report(&UNDECLARED_DISPUTE, b.file, || {
                    let relation = super::relation(a.claim, b.claim);
                    let rank = if relation == Some(DateRelation::Contradiction) {
                        ", and rank one of them with a `rank-reason`"
                    } else {
                        ""
                    };
                    let relation = relation.map_or("...", DateRelation::as_str);
                    Report::at(
                        format!("{}/value", b.pointer()),
                        format!(
                            "`{}` gives {} a {} of {}, but `{}` gives {}",
                            b.claim.id,
                            subject,
                            b.claim.property,
                            b.claim.value,
                            a.claim.id,
                            a.claim.value
                        ),
                    )
                    .label("differs from another claim")
                    .help(format!(
                        "add `disputes = [{{ with = \"{}\", relation = \"{relation}\" }}]` to `{}`{rank}",
                        a.claim.id, b.claim.id
                    ))
                    .related(a.file, format!("{}/value", a.pointer()), "the other value")
                })?;
            }
        }
    }
    GO_ON
}
