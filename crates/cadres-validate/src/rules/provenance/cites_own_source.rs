//! Rule `cites-own-source` (E0405).

declare_rule! {
    /// `cites` records the works a source relies on (an encyclopedia entry citing a book), so
    /// that a reader can follow the evidence back. A source listed as citing itself adds
    /// nothing and hides a mistake, most often the wrong id; a source listing itself among its
    /// `references` is refused for the same reason.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "The Example Conference took place in Beijing", cites = ["example-article"] }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "The Example Conference took place in Beijing", cites = ["example-book"] }]
    /// ```
    pub CITES_OWN_SOURCE = "E0405" "cites-own-source" Error Provenance "A work under `cites` differs from the citation's `source`, and no source lists itself in `references`.";
}

use cadres_model::Source;

use crate::rules::lookup::{ClaimAt, FileNo, Flow, GO_ON, Report, Sink};

/// No citation lists its own source under `cites`.
pub(crate) fn check(c: &ClaimAt<'_>, sink: &mut impl Sink) -> Flow {
    for (j, cit) in c.claim.citations.iter().enumerate() {
        for (k, w) in cit.cites.iter().enumerate() {
            if *w == cit.source {
                sink.report(&CITES_OWN_SOURCE, c.file, || {
                    Report::at(
                        format!("{}/citations/{j}/cites/{k}", c.pointer()),
                        format!("`{w}` is the citation's own source"),
                    )
                    .label("the source itself")
                    .help("list under `cites` only the works the source cites; remove this one")
                })?;
            }
        }
    }
    GO_ON
}

/// No source lists itself among its references.
pub(crate) fn check_source(file: FileNo, s: &Source, sink: &mut impl Sink) -> Flow {
    for (i, r) in s.references.iter().enumerate() {
        if *r == s.id {
            sink.report(&CITES_OWN_SOURCE, file, || {
                Report::at(
                    format!("/references/{i}"),
                    format!("`{r}` lists itself among its references"),
                )
                .label("the source itself")
                .help("remove it from `references`")
            })?;
        }
    }
    GO_ON
}
