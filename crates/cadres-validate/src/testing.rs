//! Helpers for tests of this crate and of the workspace; not part of the API.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::{LOCK_FILE, Options, lock_text, quote_hash};

/// Records every quote of the dataset in `dir` as verified against its source's pin, as
/// `cargo xtask archive verify` would against texts holding them. Only for a test that
/// edits quotes to test something else, standing for the contributor who verified the
/// change: it reads no text, so it proves nothing about the quotes.
///
/// # Panics
/// When the dataset cannot be checked or assembled, or the record cannot be written: a
/// broken test setup.
pub fn relock(dir: &Path) {
    let report = crate::check(&Options {
        dataset: dir.to_owned(),
        archive: None,
    })
    .expect("the dataset folder is readable");
    let dataset = report.dataset.expect("the dataset assembles");
    let pins = dataset
        .sources
        .iter()
        .filter_map(|s| Some((s.id.to_string(), s.archived_text.clone()?)))
        .collect();
    let mut quotes = BTreeMap::<String, BTreeSet<_>>::new();
    for cit in dataset.claims.iter().flat_map(|c| &c.citations) {
        if let Some(q) = &cit.quote {
            quotes
                .entry(cit.source.to_string())
                .or_default()
                .insert(quote_hash(q));
        }
    }
    std::fs::write(dir.join(LOCK_FILE), lock_text(&pins, &quotes)).expect("write the record");
}
