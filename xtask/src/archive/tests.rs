//! `cargo xtask archive`: `archive verify` writes the pins and the record only when every
//! quote is found, and leaves the rest of a source file as it was (`set_pin`); `cargo xtask
//! export` refuses an unverified quote and leaves its output alone, and gives the same release
//! with or without the archive. How the validator itself judges quotes is `tests/it/archive.rs`.

use std::fs;
use std::process::ExitCode;

use crate::testing::fixture;

use cadres_testkit::archive::{check, codes, copies, misspell};

#[test]
fn verify_writes_the_pins_and_the_record_and_the_check_is_clean_again() {
    let (_tmp, dataset, archive) = copies();
    let source = dataset.join("sources/example-article.toml");
    let pinned = fs::read_to_string(&source).expect("read");
    let unpinned: String = pinned
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("archived-text"))
        .collect();
    fs::write(&source, &unpinned).expect("write");
    fs::remove_file(dataset.join(cadres_validate::LOCK_FILE)).expect("remove");
    assert_eq!(
        codes(&check(&dataset, None)),
        ["unverified-quote", "unpinned-source"]
    );

    let code = crate::archive::verify(&dataset, &archive).expect("verify runs");
    assert_eq!(code, ExitCode::SUCCESS);
    // The pin is put back as it was, one line, nothing else in the file changed.
    assert_eq!(fs::read_to_string(&source).expect("read"), pinned);
    assert_eq!(
        fs::read(dataset.join(cadres_validate::LOCK_FILE)).expect("read"),
        fs::read(fixture("valid").join(cadres_validate::LOCK_FILE)).expect("read")
    );
    assert!(check(&dataset, None).diagnostics.is_empty());
    assert!(check(&dataset, Some(&archive)).diagnostics.is_empty());
}

#[test]
fn verify_writes_nothing_when_a_quote_is_not_in_its_text() {
    let (_tmp, dataset, archive) = copies();
    misspell(&dataset);
    let lock = dataset.join(cadres_validate::LOCK_FILE);
    let before = fs::read(&lock).expect("read");
    let code = crate::archive::verify(&dataset, &archive).expect("verify runs");
    assert_eq!(code, ExitCode::FAILURE);
    assert_eq!(fs::read(&lock).expect("read"), before);
    assert_eq!(codes(&check(&dataset, None)), ["unverified-quote"]);
}

#[test]
fn export_refuses_an_unverified_quote_with_or_without_the_archive_and_leaves_dist_alone() {
    let (tmp, dataset, archive) = copies();
    let out = tmp.path().join("dist");
    let code =
        crate::export::run_with(&dataset, &out, Some(&archive), 1000, None).expect("export runs");
    assert_eq!(code, ExitCode::SUCCESS);
    let release = fs::read(out.join("dataset.json")).expect("read");
    misspell(&dataset);
    for archive in [None, Some(archive.as_path())] {
        let code =
            crate::export::run_with(&dataset, &out, archive, 1000, None).expect("export runs");
        assert_eq!(code, ExitCode::FAILURE, "archive {archive:?}");
        assert_eq!(fs::read(out.join("dataset.json")).expect("read"), release);
    }
}

#[test]
fn the_release_is_the_same_with_or_without_the_archive() {
    let (tmp, dataset, archive) = copies();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    crate::export::run_with(&dataset, &a, Some(&archive), 1000, None).expect("export runs");
    crate::export::run_with(&dataset, &b, None, 1000, None).expect("export runs");
    for name in ["dataset.json", "dataset.jsonld", "dataset.md"] {
        assert_eq!(
            fs::read(a.join(name)).expect("read"),
            fs::read(b.join(name)).expect("read"),
            "{name}"
        );
    }
    let json = fs::read_to_string(a.join("dataset.json")).expect("read");
    let release = cadres_model::Dataset::from_json_str(&json).expect("a release");
    let v = &release.quote_verification;
    assert_eq!(v.len(), 1);
    assert_eq!((v[0].quotes, v[0].verified), (8, 8));
}

#[test]
fn set_pin_replaces_the_value_in_place_or_adds_one_line_keeping_the_file_s_form() {
    let pin = cadres_validate::pin_of(b"the text");
    let value = crate::archive::pin_value(&pin);
    // Added at the end, with the file's line ending and its byte-order mark.
    assert_eq!(
        crate::archive::set_pin("\u{feff}id = \"a\"\r\ntitle = \"T\"\r\n", &pin).expect("TOML"),
        format!("\u{feff}id = \"a\"\r\ntitle = \"T\"\r\narchived-text = {value}\r\n")
    );
    // A file without a final line break gets one before the new line.
    assert_eq!(
        crate::archive::set_pin("id = \"a\"", &pin).expect("TOML"),
        format!("id = \"a\"\narchived-text = {value}\n")
    );
    // Replaced where it stands; comments and the rest untouched.
    let old =
        "id = \"a\"\narchived-text = { sha256 = \"00\", length = 1 } # read 2026\nnote = \"n\"\n";
    assert_eq!(
        crate::archive::set_pin(old, &pin).expect("TOML"),
        format!("id = \"a\"\narchived-text = {value} # read 2026\nnote = \"n\"\n")
    );
    // Before the first table header, in the top table.
    assert_eq!(
        crate::archive::set_pin("id = \"a\"\n\n[[author]]\nfamily = \"F\"\n", &pin).expect("TOML"),
        format!("id = \"a\"\n\narchived-text = {value}\n[[author]]\nfamily = \"F\"\n")
    );
}
