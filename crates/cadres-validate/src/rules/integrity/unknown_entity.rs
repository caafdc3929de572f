//! Rule `unknown-entity` (E0302).

declare_rule! {
    /// An entity value points at another record (the place of a meeting, a participant); if no
    /// file in `entities/` has that id, the claim points nowhere and no export can name what it
    /// means. A misspelt id is the usual cause, and the checker suggests the closest one.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "bejing" }
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
    pub UNKNOWN_ENTITY = "E0302" "unknown-entity" Error Integrity "Every entity value resolves to a file in `entities/`.";
}

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Lookup, Namespace, Sink};

/// The entities the claim's value and qualifiers name exist.
pub(crate) fn check<'a>(cx: &impl Lookup<'a>, c: &ClaimAt<'a>, sink: &mut impl Sink) -> Flow {
    if let Some(e) = c.claim.value.as_entity() {
        super::unresolved(
            cx,
            sink,
            c.file,
            Namespace::Entity,
            e.as_str(),
            false,
            || format!("{}/value/entity", c.pointer()),
        )?;
    }
    for (k, v) in &c.claim.qualifiers {
        if let Some(e) = v.as_entity() {
            super::unresolved(
                cx,
                sink,
                c.file,
                Namespace::Entity,
                e.as_str(),
                false,
                || format!("{}/qualifiers/{k}/entity", c.pointer()),
            )?;
        }
    }
    GO_ON
}
