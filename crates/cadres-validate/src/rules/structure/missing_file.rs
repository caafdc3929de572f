//! Rule `missing-file` (E0111).

declare_rule! {
    /// `metadata.toml` gives the dataset its title, version, licence and `as-of` date;
    /// `properties.toml` declares every property a claim may use. Without either, the claims
    /// cannot be checked against their properties or released, so the checker asks for the file
    /// before anything else.
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   metadata.toml
    ///   entities/
    ///   sources/
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   metadata.toml
    ///   properties.toml
    ///   entities/
    ///   sources/
    /// ```
    pub MISSING_FILE = "E0111" "missing-file" Error Structure "The dataset has a `metadata.toml` and a `properties.toml`.";
}
