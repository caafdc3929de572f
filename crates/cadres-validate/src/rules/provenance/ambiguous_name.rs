//! Rule `ambiguous-name` (E0413).

declare_rule! {
    /// A family name alone can name several people: "Deng" is within both "Deng Xiaoping" and
    /// "Deng Zihui". When the only name a quote gives could mean another entity too, the
    /// checker cannot tell that the quote is about the claim's entity, and neither can a
    /// reader; `as-named` says which entity the words mean.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/conference.toml; entities/person/ holds deng-xiaoping and deng-zihui
    /// [[claims]]
    /// id = "conference-participant-deng-xiaoping"
    /// property = "participant"
    /// value = { entity = "deng-xiaoping" }
    /// citations = [{ source = "article", locator = "lead", quote = "At the Conference, Deng spoke first" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/conference.toml
    /// [[claims]]
    /// id = "conference-participant-deng-xiaoping"
    /// property = "participant"
    /// value = { entity = "deng-xiaoping" }
    /// citations = [{ source = "article", locator = "lead", quote = "At the Conference, Deng spoke first", as-named = { deng-xiaoping = "Deng" } }]
    /// ```
    pub AMBIGUOUS_NAME = "E0413" "ambiguous-name" Error Provenance "A quote that names an entity only by a name that could name another entity too declares the entity it means under `as-named`. A name is ambiguous when another entity has it too, or when it occurs within a name of another entity of the same kind (`Deng` within `Deng Xiaoping` and `Deng Zihui`).";
}
