//! Rule `pin-mismatch` (E0409).

declare_rule! {
    /// With `--archive DIR`, the checker compares each archived text with its source's pin. A
    /// text that differs is not the text the quotes were read from (a page saved again, a file
    /// edited), so checking the quotes against it would prove nothing; its quotes are not
    /// checked until the text that was read is restored or the quotes are verified anew.
    ///
    /// ## Fails
    /// ```text
    /// archive/
    ///   article.txt    104 bytes, sha256 3c00e814…
    /// dataset/sources/article.toml
    ///   archived-text = { sha256 = "5f70d2d7…", length = 87 }
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// archive/
    ///   article.txt    87 bytes, sha256 5f70d2d7…, the text that was read
    /// dataset/sources/article.toml
    ///   archived-text = { sha256 = "5f70d2d7…", length = 87 }
    /// ```
    pub PIN_MISMATCH = "E0409" "pin-mismatch" Error Provenance "With `--archive`, each archived text is the one its source pins: the same SHA-256 and length.";
}
