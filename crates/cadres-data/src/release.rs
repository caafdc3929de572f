// Written by `cargo xtask export` with `dataset.json`; a test fails when it is stale.

/// The dataset's version (`metadata.version`) of the embedded release; the crate's
/// own version follows it.
pub const VERSION: &str = "0.1.0";

/// The SHA-256 of the embedded `dataset.json` ([`crate::JSON`]), in lowercase hex:
/// the same file as in the release of this version.
pub const SHA256: &str = "8f60aa9d14ab2741f35c6463df18b989b7d1ff8d273a28cb8cc96e79b432de82";
