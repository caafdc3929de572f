// Written by `cargo xtask export` with `dataset.json`; a test fails when it is stale.

/// The dataset's version (`metadata.version`) of the embedded release; the crate's
/// own version follows it.
pub const VERSION: &str = "0.1.0";

/// The SHA-256 of the embedded `dataset.json` ([`crate::JSON`]), in lowercase hex:
/// the same file as in the release of this version.
pub const SHA256: &str = "5415b05ef5784017c145ac781b0b4964a8748473e5489937e3ddb7d62e3ccc2a";
