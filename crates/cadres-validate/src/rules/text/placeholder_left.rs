//! Rule `placeholder-left` (E0705).

declare_rule! {
    /// `cargo xtask new` writes a new record with `TODO: …` in every field the contributor must
    /// fill in, saying what goes there. A placeholder left in would be released as if the
    /// source said it, so the checker refuses any text that still starts with the marker.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// description = "TODO: what it is, in one or two sentences of our own words"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// description = "A city, the place of the fixture's meeting."
    /// ```
    pub PLACEHOLDER_LEFT = "E0705" "placeholder-left" Error Text "No text still starts with the `TODO` marker that `cargo xtask new` writes into the fields a contributor must fill.";
}

use super::Text;
use crate::rules::PLACEHOLDER;
use crate::rules::lookup::{Flow, GO_ON, Report, Sink};

/// Whether the text starts with the marker.
pub(crate) fn is_placeholder(s: &str) -> bool {
    s.starts_with(PLACEHOLDER)
}

/// The text does not start with the marker.
pub(crate) fn check(t: &Text<'_>, sink: &mut impl Sink) -> Flow {
    let Some(hint) = t.s.strip_prefix(PLACEHOLDER) else {
        return GO_ON;
    };
    sink.report(&PLACEHOLDER_LEFT, t.file, || {
        let hint = hint.trim_start_matches(':').trim();
        Report::at(
            t.pointer,
            format!(
                "`{}` is still a placeholder",
                t.pointer.trim_start_matches('/')
            ),
        )
        .label(if hint.is_empty() { "to fill in" } else { hint })
        .help("replace it with what the source states, or remove the key if it is optional")
    })
}
