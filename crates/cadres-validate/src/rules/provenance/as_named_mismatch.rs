//! Rule `as-named-mismatch` (E0414).

declare_rule! {
    /// `as-named` says how a quote names the claim's subject or value, so its key must be one
    /// of those two entities and its words must be in the quote. An entry keyed by another
    /// entity, or with words the quote does not hold (a spelling of our own, "Peking" for
    /// "Beijing"), would vouch for a name the source never gave.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "The Example Conference took place in Beijing", as-named = { beijing = "Peking" } }]
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
    pub AS_NAMED_MISMATCH = "E0414" "as-named-mismatch" Error Provenance "An `as-named` entry is keyed by the claim's subject or by the entity that is its value, and its words occur in the citation's quote (matched as names are).";
}
