// Written by `cargo xtask export` with `dataset.json`; a test fails when it is stale.

/// The dataset's version (`metadata.version`) of the embedded release; the crate's
/// own version follows it.
pub const VERSION: &str = "0.1.0";

/// The SHA-256 of the embedded `dataset.json` ([`crate::JSON`]), in lowercase hex:
/// the same file as in the release of this version.
pub const SHA256: &str = "deaaf1bcc1f2ce0cb769825a688f3b30c1b9d291cc1883483a8d9f797676db08";
