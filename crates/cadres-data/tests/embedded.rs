//! The embedded release is whole, reads with today's model, and is what its constants say.

use sha2::{Digest, Sha256};

#[test]
fn the_sha256_constant_is_that_of_the_embedded_json() {
    let digest = Sha256::digest(cadres_data::JSON.as_bytes());
    let hex = digest.iter().fold(String::new(), |mut hex, b| {
        use std::fmt::Write;
        let _ = write!(hex, "{b:02x}");
        hex
    });
    assert_eq!(
        hex,
        cadres_data::SHA256,
        "src/release.rs is stale: run `cargo xtask export` in the cadres workspace"
    );
}

#[test]
fn the_crate_version_follows_the_dataset_version() {
    let dataset = cadres_data::dataset();
    assert_eq!(cadres_data::VERSION, dataset.metadata.version);
    assert_eq!(
        env!("CARGO_PKG_VERSION"),
        cadres_data::VERSION,
        "set `version = \"{}\"` in crates/cadres-data/Cargo.toml: the crate's version follows the dataset's",
        cadres_data::VERSION
    );
}

#[test]
fn the_dataset_and_index_are_read_once_and_agree() {
    let dataset = cadres_data::dataset();
    assert!(std::ptr::eq(dataset, cadres_data::dataset()), "parsed once");
    assert_eq!(dataset.schema_version, cadres_model::SCHEMA_VERSION);
    assert!(!dataset.claims.is_empty());
    let index = cadres_data::index();
    assert!(std::ptr::eq(index.dataset(), dataset));
    for claim in &dataset.claims {
        assert!(std::ptr::eq(
            index.claim(claim.id.as_str()).expect("indexed"),
            claim
        ));
    }
}

#[test]
fn the_conference_is_found_by_its_chinese_and_english_names() {
    let index = cadres_data::index();
    for name in [
        "七千人大会",
        "7000 cadres conference",
        "Seven Thousand Cadres Conference",
    ] {
        let found = index.find_by_label(name);
        assert_eq!(
            found.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            ["seven-thousand-cadres-conference"],
            "{name}"
        );
    }
}
