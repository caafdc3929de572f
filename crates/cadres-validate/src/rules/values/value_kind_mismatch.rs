//! Rule `value-kind-mismatch` (E0506).

declare_rule! {
    /// A property whose values are entities may say which kinds it takes (`value-kinds`): a
    /// `location` is a place. An entity of another kind as its value (a person as a location)
    /// is almost always the wrong id.
    ///
    /// ## Fails
    /// ```toml
    /// # properties.toml
    /// [[property]]
    /// id = "location"
    /// label = "location"
    /// description = "Where something happened."
    /// value-type = "entity"
    /// value-kinds = ["person"]
    /// # entities/meeting/example-conference.toml has `value = { entity = "beijing" }`, a place
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
    /// value-kinds = ["place"]
    /// ```
    pub VALUE_KIND_MISMATCH = "E0506" "value-kind-mismatch" Error Values "An entity value is of a kind its property allows (`value-kinds`).";
}

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Lookup, Report, Sink};
use crate::rules::words::{article, kinds};

/// The entities the claim's value and qualifiers name are of kinds their properties allow.
pub(crate) fn check<'a>(cx: &impl Lookup<'a>, c: &ClaimAt<'a>, sink: &mut impl Sink) -> Flow {
    for v in super::valued(cx, c) {
        let prop = v.property;
        if !v.typed() || prop.value_kinds.is_empty() {
            continue;
        }
        let Some(e) = v.value.as_entity() else {
            continue;
        };
        // An entity that could not be built is judged by its own file's diagnostics.
        let Some(kind) = cx.entity_kind(e.as_str()) else {
            continue;
        };
        if prop.value_kinds.contains(&kind) {
            continue;
        }
        sink.report(&VALUE_KIND_MISMATCH, c.file, || {
            Report::at(
                format!("{}/entity", v.pointer(c)),
                format!(
                    "`{}` takes {}, and `{e}` is {}",
                    prop.id,
                    kinds(&prop.value_kinds),
                    article(kind.as_str())
                ),
            )
            .label(article(kind.as_str()))
            .help("use an entity of an allowed kind, or another property")
        })?;
    }
    GO_ON
}
