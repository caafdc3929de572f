//! Rule `incomplete-name` (E0606).

declare_rule! {
    /// An author or editor is cited and sorted by family name; an organization has a single
    /// `literal` name. A name with only `given` cannot be cited in any style, so the checker
    /// asks for one of the two.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/example-book.toml
    /// id = "example-book"
    /// type = "book"
    /// title = "A History of Examples"
    /// author = [{ given = "Jane" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # sources/example-book.toml
    /// id = "example-book"
    /// type = "book"
    /// title = "A History of Examples"
    /// author = [{ family = "Smith", given = "Jane" }]
    /// ```
    pub INCOMPLETE_NAME = "E0606" "incomplete-name" Error Bibliography "An author or editor has a `family` name or a `literal` name.";
}

use cadres_model::Source;

use crate::rules::lookup::{FileNo, Flow, GO_ON, Report, Sink};

/// Every author and editor of the source has a `family` name or a `literal` one.
pub(crate) fn check_source(file: FileNo, s: &Source, sink: &mut impl Sink) -> Flow {
    for (key, names) in [("author", &s.author), ("editor", &s.editor)] {
        for (i, n) in names.iter().enumerate() {
            if n.family.is_none() && n.literal.is_none() {
                sink.report(&INCOMPLETE_NAME, file, || {
                    Report::at(
                        format!("/{key}/{i}"),
                        "this name has neither `family` nor `literal`",
                    )
                    .label("no `family`, no `literal`")
                    .help("give a person's `family` name, or an organization's name as `literal`")
                })?;
            }
        }
    }
    GO_ON
}
