//! Rule `missing-field` (E0103).

declare_rule! {
    /// A record without a key its schema requires cannot be used as it is meant to be: a source
    /// without a title cannot be cited in a bibliography, a claim without a property says
    /// nothing. The checker names the missing key so that it can be added where it belongs.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/example-article.toml
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # sources/example-article.toml
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// title = "Example Conference"
    /// ```
    pub MISSING_FIELD = "E0103" "missing-field" Error Structure "A table holds every key its schema requires.";
}

use std::ops::Range;

use super::schema::list;
use crate::Diagnostic;

/// The report on `whole` (the file, or a table of it, at `span`), which has no `name`:
/// `words` are the values that key takes, when the schema lists them.
pub(crate) fn report(
    file: &str,
    text: &str,
    span: Range<usize>,
    whole: &str,
    name: &str,
    words: Option<&[&str]>,
) -> Diagnostic {
    let help = match words {
        Some(words) => format!("add `{name} = \"...\"`, one of {}", list(words)),
        None => format!("add `{name} = ...`"),
    };
    Diagnostic::new(&MISSING_FIELD, file, format!("missing key `{name}`"))
        .at(text, span)
        .label(format!("{whole} has no `{name}`"))
        .help(help)
}
