//! Rule `accessed-before-issued` (E0603).

declare_rule! {
    /// A work cannot be read before it exists: an `accessed` date before `issued` means one of
    /// the two is wrong, most often a typo in the year. A reader relies on both to know which
    /// version was read.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/example-article.toml
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// title = "Example Conference"
    /// issued = "2001"
    /// accessed = "1999-05-01"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # sources/example-article.toml
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// title = "Example Conference"
    /// issued = "2001"
    /// accessed = "2026-10-01"
    /// ```
    pub ACCESSED_BEFORE_ISSUED = "E0603" "accessed-before-issued" Error Bibliography "A work is not accessed before it was issued.";
}

use cadres_model::Source;

use crate::rules::lookup::{FileNo, Flow, GO_ON, Report, Sink};

/// The source was not accessed before it was issued.
pub(crate) fn check_source(file: FileNo, s: &Source, sink: &mut impl Sink) -> Flow {
    let (Some(issued), Some(accessed)) = (&s.issued, &s.accessed) else {
        return GO_ON;
    };
    if accessed.latest() >= issued.earliest() {
        return GO_ON;
    }
    sink.report(&ACCESSED_BEFORE_ISSUED, file, || {
        Report::at(
            "/accessed",
            format!("accessed {accessed}, before the work was issued ({issued})"),
        )
        .label("before `issued`")
        .help("correct one of the two dates")
    })
}
