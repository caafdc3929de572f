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

use crate::Diagnostic;

/// The files every dataset holds at its top.
pub(crate) const REQUIRED: [&str; 2] = ["metadata.toml", "properties.toml"];

/// Each of [`REQUIRED`] is among `rels`, the files found at the dataset's top and below.
pub(crate) fn check<'r>(rels: impl Iterator<Item = &'r str> + Clone, out: &mut Vec<Diagnostic>) {
    for required in REQUIRED {
        if !rels.clone().any(|rel| rel == required) {
            out.push(
                Diagnostic::new(
                    &MISSING_FILE,
                    required,
                    format!("the dataset has no `{required}`"),
                )
                .help(format!(
                    "create `{required}`; `tests/fixtures/valid/{required}` shows its form"
                )),
            );
        }
    }
}
