//! Rule `subject-kind-mismatch` (E0505).

declare_rule! {
    /// A property may say which kinds of entity it describes (`subject-kinds`): `attendance` is
    /// of meetings, `said` of people. A claim about an entity of another kind uses the wrong
    /// property or the wrong subject, and would be read wrongly by anyone who trusts the
    /// property's meaning.
    ///
    /// ## Fails
    /// ```toml
    /// # properties.toml
    /// [[property]]
    /// id = "location"
    /// label = "location"
    /// description = "Where something happened."
    /// value-type = "entity"
    /// subject-kinds = ["event"]
    /// # entities/meeting/example-conference.toml, a meeting, has a `location` claim
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # properties.toml
    /// [[property]]
    /// id = "location"
    /// label = "location"
    /// description = "Where something happened."
    /// value-type = "entity"
    /// subject-kinds = ["meeting", "event"]
    /// ```
    pub SUBJECT_KIND_MISMATCH = "E0505" "subject-kind-mismatch" Error Values "A claim's subject is of a kind its property applies to (`subject-kinds`).";
}

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Lookup, Report, Sink};
use crate::rules::words::{article, kinds};

/// The claim's subject is of a kind its property applies to.
pub(crate) fn check<'a>(cx: &impl Lookup<'a>, c: &ClaimAt<'a>, sink: &mut impl Sink) -> Flow {
    let Some(prop) = cx.property(c.claim.property.as_str()) else {
        return GO_ON;
    };
    let kind = c.subject.kind;
    if prop.subject_kinds.is_empty() || prop.subject_kinds.contains(&kind) {
        return GO_ON;
    }
    sink.report(&SUBJECT_KIND_MISMATCH, c.file, || {
        Report::at(
            format!("{}/property", c.pointer()),
            format!(
                "`{}` applies to {}, and `{}` is {}",
                prop.id,
                kinds(&prop.subject_kinds),
                c.subject.id,
                article(kind.as_str())
            ),
        )
        .label(format!("not for {}", article(kind.as_str())))
        .help("use another property, or add the kind to its `subject-kinds`")
    })
}
