//! Rule `stale-verification` (W0415).

declare_rule! {
    /// An entry of `quotes.lock` that matches no quote of any citation is left over from a
    /// quote since changed or removed. It is a warning, since no claim rests on it; with
    /// `--archive DIR` the checker finds it, and `cargo xtask archive verify` writes the record
    /// again without it.
    ///
    /// ## Fails
    /// ```toml
    /// # quotes.lock: the first hash is of a quote no citation holds any more
    /// [sources.article]
    /// sha256 = "5f70d2d7996866fc679aaee593abb4755239606608110c1b969344f9f07d7e8a"
    /// quotes = """
    /// 13e18cd62ee5381cabb8ac044af11768
    /// 9e4afe44ce83ba8993de3116302bccea
    /// """
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # quotes.lock, as `cargo xtask archive verify --archive DIR` writes it again
    /// [sources.article]
    /// sha256 = "5f70d2d7996866fc679aaee593abb4755239606608110c1b969344f9f07d7e8a"
    /// quotes = """
    /// 9e4afe44ce83ba8993de3116302bccea
    /// """
    /// ```
    pub STALE_VERIFICATION = "W0415" "stale-verification" Warning Provenance "With `--archive`, every entry of `quotes.lock` matches a quote of a citation; `cargo xtask archive verify` drops the others.";
}
