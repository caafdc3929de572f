//! Rule `unverified-quote` (E0410).

declare_rule! {
    /// Most contributors and every CI run have no archive, so the checker cannot look a quote
    /// up in its source. `quotes.lock` records each quote found in the pinned text when `cargo
    /// xtask archive verify --archive DIR` last ran; a quote not in it was added or changed
    /// since and has not been checked against the text.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml; the quote was edited, `quotes.lock` holds the old one
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "The Example Conference took place in Beijing, from" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml; `cargo xtask archive verify --archive DIR`
    /// # found the quote in the pinned text and recorded it in `quotes.lock`
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "The Example Conference took place in Beijing" }]
    /// ```
    pub UNVERIFIED_QUOTE = "E0410" "unverified-quote" Error Provenance "Every quote is in `quotes.lock`, the record of quotes found in the text their source pins: run `cargo xtask archive verify --archive DIR` after adding or changing one.";
}
