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

/// Each of [`REQUIRED`] is a file the walk found: `found` says whether it found a file of
/// this path, relative to the dataset folder.
pub(crate) fn check(found: impl Fn(&str) -> bool, out: &mut Vec<Diagnostic>) {
    for required in REQUIRED {
        if !found(required) {
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
