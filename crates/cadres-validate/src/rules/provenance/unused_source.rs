//! Rule `unused-source` (W0407).

declare_rule! {
    /// A source that no citation uses is a loose end: a work read but never cited, or a
    /// citation removed and its source left behind. It is a warning, because nothing is wrong
    /// with what the dataset says, but the bibliography would list a work that supports
    /// nothing.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/example-book.toml, named by no citation's `source` or `cites`
    /// id = "example-book"
    /// type = "book"
    /// title = "A History of Examples"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml; sources/example-article.toml lists it in `references`
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "It met from 11 January - 7 February 1962", as-named = { example-conference = "It" }, cites = ["example-book"] }]
    /// ```
    pub UNUSED_SOURCE = "W0407" "unused-source" Warning Provenance "Every source is used by a citation, as its `source` or under `cites`.";
}

use cadres_model::Source;

use crate::rules::lookup::{FileNo, Flow, GO_ON, Lookup, Report, Sink};

/// Some citation names the source, as `source` or under `cites`. Judged only once every
/// file that could cite it has been read.
pub(crate) fn check_source<'a>(
    cx: &impl Lookup<'a>,
    file: FileNo,
    s: &Source,
    sink: &mut impl Sink,
) -> Flow {
    if cx.cited(s.id.as_str()) != Some(false) {
        return GO_ON;
    }
    sink.report(&UNUSED_SOURCE, file, || {
        Report::at("/id", format!("no citation uses the source `{}`", s.id))
            .label("never cited")
            .help("cite it from a claim (as `source` or under `cites`), or remove the file")
    })
}
