//! Quote verification as the validator judges it: a misspelled quote caught with and without
//! the archive, a changed archived text caught as a pin mismatch, a missing text, and a broken
//! record. Writing the pins and the record (`cargo xtask archive verify`) is tested in
//! `xtask/src/archive/tests.rs`.

use std::fs;

use cadres_testkit::archive::{CONFERENCE, check, codes, copies, misspell};

#[test]
fn a_misspelled_quote_is_caught_without_the_archive_at_its_line() {
    let (_tmp, dataset, _) = copies();
    assert!(check(&dataset, None).diagnostics.is_empty());
    let line = misspell(&dataset);
    let report = check(&dataset, None);
    assert_eq!(codes(&report), ["unverified-quote"]);
    let d = &report.diagnostics[0];
    assert_eq!(d.file, CONFERENCE);
    assert_eq!(d.span.as_ref().map(|s| s.line), Some(line));
    assert!(
        d.help
            .as_deref()
            .is_some_and(|h| h.contains("cargo xtask archive verify --archive DIR")),
        "{d:?}"
    );
}

#[test]
fn with_the_archive_a_misspelled_quote_is_not_found_and_gets_the_closest_passage() {
    let (_tmp, dataset, archive) = copies();
    misspell(&dataset);
    let report = check(&dataset, Some(&archive));
    // Not also "unverified": not being in the text is the root.
    assert_eq!(
        codes(&report),
        ["quote-not-in-archive", "stale-verification"]
    );
    assert!(
        report.diagnostics[0]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("took place in Beijing")),
        "{:?}",
        report.diagnostics[0]
    );
}

#[test]
fn one_changed_character_of_the_archived_text_is_a_pin_mismatch() {
    let (_tmp, dataset, archive) = copies();
    let text = archive.join("example-article.txt");
    let original = fs::read_to_string(&text).expect("read");
    // A character no quote uses: the quotes would all still be found.
    let changed = original.replacen("Edit", "edit", 1);
    assert_ne!(changed, original);
    fs::write(&text, changed).expect("write");
    let report = check(&dataset, Some(&archive));
    assert_eq!(codes(&report), ["pin-mismatch"]);
    let message = &report.diagnostics[0].message;
    assert!(
        message.contains("is not the text that was read"),
        "{message}"
    );
    assert!(message.contains("7613cb7a"), "the pinned hash: {message}");
}

#[test]
fn an_archive_without_a_read_source_text_is_an_error() {
    let (_tmp, dataset, archive) = copies();
    fs::remove_file(archive.join("example-article.txt")).expect("remove");
    let report = check(&dataset, Some(&archive));
    assert_eq!(codes(&report), ["missing-archived-text"]);
}

#[test]
fn a_broken_record_is_one_error_at_its_place() {
    let (_tmp, dataset, _) = copies();
    let lock = dataset.join(cadres_validate::LOCK_FILE);
    let text = fs::read_to_string(&lock).expect("read");
    let first = text.find("quotes = \"\"\"\n").expect("the quotes") + 13;
    let mut broken = text.clone();
    broken.replace_range(first..first + 2, "zz");
    fs::write(&lock, broken).expect("write");
    let report = check(&dataset, None);
    assert_eq!(codes(&report), ["schema-mismatch"]);
    let d = &report.diagnostics[0];
    assert_eq!(d.file, cadres_validate::LOCK_FILE);
    assert!(d.span.is_some(), "{d:?}");
    assert!(
        d.note.as_deref().is_some_and(|n| n.contains("8 quotes")),
        "{d:?}"
    );
}
