//! Rule `unknown-field` (E0102).

declare_rule! {
    /// A misspelt key is not an error to a TOML parser, and a loader that skipped it would drop
    /// the data it holds from every release without a word. Refusing every key the schema does
    /// not name catches the typo at once, and the checker suggests the key that was probably
    /// meant.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/example-book.toml
    /// id = "example-book"
    /// type = "book"
    /// title = "A History of Examples"
    /// publisher-plce = "Beijing"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # sources/example-book.toml
    /// id = "example-book"
    /// type = "book"
    /// title = "A History of Examples"
    /// publisher-place = "Beijing"
    /// ```
    pub UNKNOWN_FIELD = "E0102" "unknown-field" Error Structure "A table holds only the keys its schema names.";
}

use std::ops::Range;

use super::schema::list;
use crate::Diagnostic;
use crate::suggest::closest;

/// The report on the key `key` at `span`, not among the `allowed` keys of its table.
pub(crate) fn report(
    file: &str,
    text: &str,
    span: Range<usize>,
    key: &str,
    allowed: &[&str],
) -> Diagnostic {
    let d = Diagnostic::new(&UNKNOWN_FIELD, file, format!("unknown key `{key}`"))
        .at(text, span)
        .label("not a key of this table");
    if let Some(best) = closest(key, allowed) {
        d.help(format!("did you mean `{best}`?"))
    } else if !allowed.is_empty() {
        d.help(format!("the keys here are {}", list(allowed)))
    } else {
        d
    }
}
