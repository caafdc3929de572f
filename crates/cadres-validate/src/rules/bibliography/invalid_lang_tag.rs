//! Rule `invalid-lang-tag` (E0605).

declare_rule! {
    /// Labels, aliases and texts are keyed by BCP 47 language tags, which exports and screen
    /// readers pass on as they are. A tag that is not well formed (`zh_Hans` with an
    /// underscore) is understood by no tool, and the label is lost to every consumer that looks
    /// for `zh-Hans`.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// labels = { en = "Beijing", zh_Hans = "北京" }
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// labels = { en = "Beijing", zh-Hans = "北京" }
    /// ```
    pub INVALID_LANG_TAG = "E0605" "invalid-lang-tag" Error Bibliography "A language tag is well-formed BCP 47: `en`, `zh-Hans`, `zh-Latn-pinyin`.";
}
