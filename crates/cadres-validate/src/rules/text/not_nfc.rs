//! Rule `not-nfc` (E0701).

declare_rule! {
    /// One word can be written with different code points: `é` as one character or as `e` and a
    /// combining accent. Text in NFC, the composed form, compares and searches the same
    /// everywhere; decomposed text would fail to match a quote or a label that looks identical.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/place/beijing.toml; \u0301 is the combining acute accent
    /// id = "beijing"
    /// kind = "place"
    /// description = "A cite\u0301, the place of the fixture's meeting."
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/place/beijing.toml
    /// id = "beijing"
    /// kind = "place"
    /// description = "A cité, the place of the fixture's meeting."
    /// ```
    pub NOT_NFC = "E0701" "not-nfc" Error Text "Text is in Unicode normalization form C.";
}
