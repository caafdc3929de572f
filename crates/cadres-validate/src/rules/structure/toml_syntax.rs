//! Rule `toml-syntax` (E0101).

declare_rule! {
    /// A file that is not TOML cannot be read at all: nothing in it is checked, and every claim
    /// that names one of its ids has to wait on it. The checker points at the first place the
    /// parser gave up, with the parser's own words, so the mistake can be found without reading
    /// the whole file.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/place/shanghai.toml
    /// id = "shanghai"
    /// kind = "place"
    /// description = "A city."
    /// labels = { en = "Shanghai"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/place/shanghai.toml
    /// id = "shanghai"
    /// kind = "place"
    /// description = "A city."
    /// labels = { en = "Shanghai" }
    /// ```
    pub TOML_SYNTAX = "E0101" "toml-syntax" Error Structure "A file is valid TOML.";
}
