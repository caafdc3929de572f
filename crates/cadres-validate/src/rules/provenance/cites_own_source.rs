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
