//! Rule `quote-omits-name` (E0412).

declare_rule! {
    /// A quote that does not name the claim's subject (or the entity that is its value) may be
    /// about something else: "from 11 January 1962" could be any meeting's date. The checker
    /// looks for one of the entity's labels or aliases in the quote, in any language; when the
    /// source names it otherwise ("It", "the meeting", a family name), `as-named` gives those
    /// words so that a reader sees how the quote names it.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "from 11 January - 7 February 1962" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "It met from 11 January - 7 February 1962", as-named = { example-conference = "It" } }]
    /// ```
    pub QUOTE_OMITS_NAME = "E0412" "quote-omits-name" Error Provenance "A quote names the claim's subject, and the entity that is its value if any: one of the entity's labels or aliases (any language) occurs in it as whole words, Han as a substring, after NFC and case folding; or the citation gives the words that name it as `as-named = { <entity-id> = \"…\" }` (a family name, a description, a pronoun).";
}
