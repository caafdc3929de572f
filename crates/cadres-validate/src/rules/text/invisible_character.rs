//! Rule `invisible-character` (E0702).

declare_rule! {
    /// A zero-width space or a control character cannot be seen in an editor or a review, but
    /// it breaks searches, comparisons and quotes found in the archive. They come in with
    /// copied text; a line break is the only control character kept.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/place/beijing.toml; \u200B is a zero-width space
    /// id = "beijing"
    /// kind = "place"
    /// description = "A city,\u200B the place of the fixture's meeting."
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// description = "A city, the place of the fixture's meeting."
    /// ```
    pub INVISIBLE_CHARACTER = "E0702" "invisible-character" Error Text "Text holds no control character (other than a line break) and no zero-width character.";
}
