// Written by `cargo xtask export` with `dataset.json`; a test fails when it is stale.

/// The dataset's version (`metadata.version`) of the embedded release; the crate's
/// own version follows it.
pub const VERSION: &str = "0.1.0";

/// The SHA-256 of the embedded `dataset.json` ([`crate::JSON`]), in lowercase hex:
/// the same file as in the release of this version.
pub const SHA256: &str = "6aaac94a965bf94c9e846749bd0df35c6302d91236db008092a8d23305e26888";
