//! Rule `unreadable-file` (E0114).

declare_rule! {
    /// A file the checker may not open, or one deleted or changed while the check runs, cannot
    /// be checked, and a release built without it would silently lack its records. The checker
    /// reports it rather than skip it; git cannot hold such a fixture, so a test of its own
    /// covers the rule.
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   sources/
    ///     example-book.toml    -rw------- owned by another user: permission denied
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   sources/
    ///     example-book.toml    -rw-r--r--: readable by the checker
    /// ```
    pub UNREADABLE_FILE = "E0114" "unreadable-file" Error Structure "A record file can be read: the checker may open it, and it is still there when read.";
}

use std::io;

use crate::Diagnostic;

/// The report on a record file that could not be opened or read.
pub(crate) fn report(file: &str, e: &io::Error) -> Diagnostic {
    Diagnostic::new(
        &UNREADABLE_FILE,
        file,
        format!("cannot read this file: {e}"),
    )
    .help(
        "check that you may read it (`ls -l`), and that it was not moved or \
         deleted while the check ran",
    )
}

/// The report on a file whose text changed between its reading and the rendering of a
/// report into it, so that the report's places cannot be shown.
pub(crate) fn changed(file: &str, why: &str) -> Diagnostic {
    Diagnostic::new(
        &UNREADABLE_FILE,
        file,
        format!("the places in this file cannot be shown: {why}"),
    )
    .help("the file changed while the check ran: run the check again")
}
