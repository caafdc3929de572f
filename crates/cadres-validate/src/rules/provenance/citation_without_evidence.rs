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
