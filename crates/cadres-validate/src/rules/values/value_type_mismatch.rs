//! Rule `value-type-mismatch` (E0501).

declare_rule! {
    /// Each property declares the type of its values in `properties.toml` (`date`, `entity`,
    /// `quantity`, `share`, `text`). A start date given as an entity, or a place given as a
    /// date, is a claim no reader or export can use as the property means it.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml; `start-date` takes a date
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { entity = "beijing" }
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    /// ```
    pub VALUE_TYPE_MISMATCH = "E0501" "value-type-mismatch" Error Values "A claim's or qualifier's value has the type its property declares.";
}

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Lookup, Report, Sink};
use crate::rules::words::article;

/// The claim's value and its qualifiers' are of their properties' types.
pub(crate) fn check<'a>(cx: &impl Lookup<'a>, c: &ClaimAt<'a>, sink: &mut impl Sink) -> Flow {
    for v in super::valued(cx, c) {
        if v.typed() {
            continue;
        }
        sink.report(&VALUE_TYPE_MISMATCH, c.file, || {
            let (prop, value) = (v.property, v.value);
            let whose = match v.qualifier {
                Some(k) => format!("the qualifier `{k}`"),
                None => format!("the property `{}`", prop.id),
            };
            let expected = article(&prop.value_type.to_string());
            Report::at(
                v.pointer(c),
                format!(
                    "{whose} takes {expected} value, this is {} value",
                    article(&value.value_type().to_string())
                ),
            )
            .label(format!("expected {expected} value"))
            .help(format!(
                "write `{{ {} = ... }}`, or use another property",
                prop.value_type
            ))
        })?;
    }
    GO_ON
}
