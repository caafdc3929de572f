//! Rule `untrimmed-text` (E0703).

declare_rule! {
    /// A blank at the start or end of a text is invisible in a review and makes two equal
    /// labels differ; an empty text says nothing and should be left out. Both come from copying
    /// and pasting.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// description = "A city, the place of the fixture's meeting. "
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// description = "A city, the place of the fixture's meeting."
    /// ```
    pub UNTRIMMED_TEXT = "E0703" "untrimmed-text" Error Text "Text neither starts nor ends with a blank, and is not empty.";
}

use super::Text;
use crate::rules::lookup::{Flow, GO_ON, Report, Sink};

/// The text is not empty, and has no blank at either end.
pub(crate) fn check(t: &Text<'_>, sink: &mut impl Sink) -> Flow {
    let trimmed = t.s.trim();
    if trimmed.is_empty() {
        sink.report(&UNTRIMMED_TEXT, t.file, || {
            Report::at(t.pointer, "text is empty")
                .label("empty")
                .help("write the text, or remove the key if it is optional")
        })
    } else if trimmed.len() != t.s.len() {
        sink.report(&UNTRIMMED_TEXT, t.file, || {
            Report::at(t.pointer, "text starts or ends with a blank")
                .label("blank at an end")
                .help(format!("write {trimmed:?}"))
        })
    } else {
        GO_ON
    }
}
