//! Rule `untrimmed-text` (E0703).

declare_rule! {
    /// A blank at the start or end of a text is invisible in a review and makes two equal
    /// labels differ; an empty text says nothing and should be left out. Both come from copying
    /// and pasting.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// description = "A city, the place of the fixture's meeting. "
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// description = "A city, the place of the fixture's meeting."
    /// ```
    pub UNTRIMMED_TEXT = "E0703" "untrimmed-text" Error Text "Text neither starts nor ends with a blank, and is not empty.";
}
