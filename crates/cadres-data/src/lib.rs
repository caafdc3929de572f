//! The current release of the cadres dataset, embedded: the Seven Thousand Cadres Conference
//! (七千人大会, Beijing, January–February 1962) and its aftermath, every claim with the
//! words of the work it was read in, from one dependency line, with no export and no file
//! I/O.
//!
//! ```
//! let conference = cadres_data::index().find_by_label("七千人大会");
//! assert_eq!(conference[0].id.as_str(), "seven-thousand-cadres-conference");
//! for claim in cadres_data::index().claims_about(conference[0].id.as_str()) {
//!     println!("{}", claim.statement);
//! }
//! println!("{} claims, version {}", cadres_data::dataset().claims.len(), cadres_data::VERSION);
//! ```
//!
//! The data is `dataset.json` of the release named by [`VERSION`], read with
//! [`cadres_model`], whose types and [`Index`] this crate hands out: see its docs for the
//! records, the two levels of provenance and the versioning policy. `cargo xtask export`
//! in the cadres workspace refreshes the embedded copy; a test there fails when it is
//! stale.
//!
//! # Licenses
//!
//! The code is MIT OR Apache-2.0. The data is CC BY-SA 4.0: it quotes the English
//! Wikipedia article "Seven Thousand Cadres Conference" in short excerpts, attributed claim
//! by claim, and the share-alike terms pass to whatever is made from it.

use std::sync::OnceLock;

use cadres_model::{Dataset, Index};

mod release;

pub use release::{SHA256, VERSION};

/// The embedded release's `dataset.json`, byte for byte; its SHA-256 is [`SHA256`].
pub const JSON: &str = include_str!("../dataset.json");

/// The embedded dataset, parsed from [`JSON`] on first use and kept for the life of the
/// process.
///
/// # Panics
///
/// Never for a published crate: the embedded JSON is a release written by the cadres
/// export, and this crate's tests read it with the same `cadres-model`.
pub fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| {
        Dataset::from_json_str(JSON)
            .unwrap_or_else(|e| panic!("cadres-data embeds a release it cannot read: {e}"))
    })
}

/// Look-ups over [`dataset`]: records by id, claims about an entity, the works behind a
/// claim, labels, the timeline. Built on first use.
pub fn index() -> &'static Index<'static> {
    static INDEX: OnceLock<Index<'static>> = OnceLock::new();
    INDEX.get_or_init(|| Index::new(dataset()))
}
