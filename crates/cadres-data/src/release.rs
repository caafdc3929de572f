// Written by `cargo xtask export` with `dataset.json`; a test fails when it is stale.

/// The dataset's version (`metadata.version`) of the embedded release; the crate's
/// own version follows it.
pub const VERSION: &str = "0.1.0";

/// The SHA-256 of the embedded `dataset.json` ([`crate::JSON`]), in lowercase hex:
/// the same file as in the release of this version.
pub const SHA256: &str = "c57a6b98ff8132e6d367f1a29e5ee81853968d5412e693d5c09958b302b1232c";
