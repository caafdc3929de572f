//! Rule `invalid-url` (E0602).

declare_rule! {
    /// A URL is given so that a reader can open the source; a relative address, or another
    /// scheme (`ftp:`, `file:`), does not open in a browser or means nothing outside the
    /// contributor's machine. Only absolute `http` and `https` addresses are taken.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/example-article.toml
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// title = "Example Conference"
    /// URL = "ftp://example.org/conference"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # sources/example-article.toml
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// title = "Example Conference"
    /// URL = "https://example.org/conference"
    /// ```
    pub INVALID_URL = "E0602" "invalid-url" Error Bibliography "A URL is an absolute http or https address.";
}
