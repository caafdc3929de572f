//! Rule `label-script-mismatch` (E0704).

declare_rule! {
    /// A label under `zh-Hans` or `zh-Hant` is read as Chinese characters by every export and
    /// every reader; romanized text there belongs under `en` or `zh-Latn-pinyin`, and Han
    /// characters under `en` belong under a Chinese tag. The checker looks at labels and
    /// aliases.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// labels = { en = "Beijing", zh-Hans = "Beijing" }
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// labels = { en = "Beijing", zh-Hans = "北京" }
    /// ```
    pub LABEL_SCRIPT_MISMATCH = "E0704" "label-script-mismatch" Error Text "A `zh-Hans` or `zh-Hant` label holds Han characters; an `en` label holds none.";
}
