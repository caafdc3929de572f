//! Rule `unknown-property` (E0303).

declare_rule! {
    /// Every property is declared once in `properties.toml`, with its label, its value type and
    /// the kinds it applies to; that declaration is how the checker knows what a claim's value
    /// should be. A claim or qualifier with an undeclared property cannot be checked or
    /// exported, so it is declared first or the id corrected.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "venue"
    /// value = { entity = "beijing" }
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
    pub UNKNOWN_PROPERTY = "E0303" "unknown-property" Error Integrity "Every claim property and qualifier key is in `properties.toml`.";
}

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Lookup, Namespace, Sink};

/// The claim's property and its qualifiers' are declared.
pub(crate) fn check<'a>(cx: &impl Lookup<'a>, c: &ClaimAt<'a>, sink: &mut impl Sink) -> Flow {
    let property = c.claim.property.as_str();
    super::unresolved(
        cx,
        sink,
        c.file,
        Namespace::Property,
        property,
        false,
        || format!("{}/property", c.pointer()),
    )?;
    for k in c.claim.qualifiers.keys() {
        // The key is the reference: the report points at it.
        super::unresolved(
            cx,
            sink,
            c.file,
            Namespace::Property,
            k.as_str(),
            true,
            || format!("{}/qualifiers/{k}", c.pointer()),
        )?;
    }
    GO_ON
}
