//! Rule `citation-without-evidence` (E0402).

declare_rule! {
    /// Naming a source is not enough: a reader has to be able to find the words that support
    /// the claim. A `quote` gives the words themselves, a `locator` (a page, a section) says
    /// where they are; a citation with neither sends the reader to read the whole work.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// citations = [{ source = "example-article" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "The Example Conference took place in Beijing" }]
    /// ```
    pub CITATION_WITHOUT_EVIDENCE = "E0402" "citation-without-evidence" Error Provenance "Every citation has a `quote` or a `locator`.";
}

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Report, Sink};

/// Each of the claim's citations has a quote or a locator.
pub(crate) fn check(c: &ClaimAt<'_>, sink: &mut impl Sink) -> Flow {
    for (j, cit) in c.claim.citations.iter().enumerate() {
        if cit.quote.is_none() && cit.locator.is_none() {
            sink.report(&CITATION_WITHOUT_EVIDENCE, c.file, || {
                Report::at(
                    format!("{}/citations/{j}", c.pointer()),
                    "this citation has neither a quote nor a locator",
                )
                .label("no `quote`, no `locator`")
                .help("add the source's words as `quote`, or where they are as `locator`")
            })?;
        }
    }
    GO_ON
}
