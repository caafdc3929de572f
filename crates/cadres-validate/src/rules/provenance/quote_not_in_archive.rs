//! Rule `quote-not-in-archive` (E0404).

declare_rule! {
    /// A quote is only evidence if the source says it. With `--archive DIR`, the checker looks
    /// for each quote in the archived text of its source (both in NFC, whitespace folded), so
    /// that a misremembered date or a paraphrase in quotation marks is caught; it shows the
    /// closest passage it found.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml; the archive's article.txt reads
    /// # "The conference met in Beijing, from 11 January 1962"
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    /// citations = [{ source = "article", locator = "lead", quote = "The conference met in Beijing, from 12 January 1962" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    /// citations = [{ source = "article", locator = "lead", quote = "The conference met in Beijing, from 11 January 1962" }]
    /// ```
    pub QUOTE_NOT_IN_ARCHIVE = "E0404" "quote-not-in-archive" Error Provenance "With `--archive`, a quote occurs in its source's text (after NFC and whitespace folding).";
}
