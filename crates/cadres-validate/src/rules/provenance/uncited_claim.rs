//! Rule `uncited-claim` (E0401).

declare_rule! {
    /// The dataset is provenance-first: a claim is a statement that a source makes, not a fact
    /// the contributor knows. A claim without a citation gives a reader no way to check it, so
    /// it does not enter the dataset.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// statement = "The conference took place in Beijing."
    /// citations = []
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// statement = "The conference took place in Beijing."
    /// citations = [{ source = "example-article", locator = "lead", quote = "The Example Conference took place in Beijing" }]
    /// ```
    pub UNCITED_CLAIM = "E0401" "uncited-claim" Error Provenance "Every claim has at least one citation.";
}

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Report, Sink};

/// The claim has a citation.
pub(crate) fn check(c: &ClaimAt<'_>, sink: &mut impl Sink) -> Flow {
    if !c.claim.citations.is_empty() {
        return GO_ON;
    }
    sink.report(&UNCITED_CLAIM, c.file, || {
        Report::at(
            format!("{}/citations", c.pointer()),
            format!("the claim `{}` has no citation", c.claim.id),
        )
        .label("no citation")
        .help("add `{ source = \"...\", locator = \"...\", quote = \"...\" }`")
    })
}
