//! `cargo xtask fmt`: the committed dataset is formatted and has the default directives;
//! files are rewritten in place or, with `--check`, only listed; a file that is not UTF-8,
//! does not parse or is a link is reported and left alone; a byte-order mark and CRLF are
//! removed; the formatter's notes are reported per file. The canonical form itself is
//! `tests/it/fmt.rs`.

use std::fs;
use std::process::ExitCode;

use crate::fmt::{Outcome, format_file, format_file_with_notes, toml_files};
use cadres_fmt::ParseError;
use cadres_model::schema::RecordKind;
use cadres_testkit::format_checked;

/// The committed dataset is in canonical form, as `cargo xtask fmt --check` would say.
#[test]
fn the_dataset_is_formatted() {
    let dir = crate::testing::root().join("dataset");
    let stale: Vec<String> = crate::fmt::toml_files(&dir)
        .expect("dataset folder")
        .into_iter()
        .filter(|p| format_file(p, true).expect("readable") != Outcome::Unchanged)
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        stale.is_empty(),
        "not formatted (run `cargo xtask fmt` and commit the result):\n{}",
        stale.join("\n")
    );
}

#[test]
fn check_lists_differences_and_write_leaves_bad_files_alone() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dataset = tmp.path().join("dataset");
    fs::create_dir_all(dataset.join("sources")).expect("mkdir");
    let messy =
        "#:schema ../../schema/source.schema.json\ntitle = 'T'\nid = \"t\"\ntype = \"book\"\n";
    let clean =
        "#:schema ../../schema/source.schema.json\nid = \"t\"\ntype = \"book\"\ntitle = \"T\"\n";
    let bad = "id = \"b\nx";
    fs::write(dataset.join("sources/t.toml"), messy).expect("write");
    fs::write(dataset.join("sources/b.toml"), bad).expect("write");
    fs::write(dataset.join("sources/c.toml"), clean).expect("write");

    let t = dataset.join("sources/t.toml");
    let b = dataset.join("sources/b.toml");
    assert_eq!(format_file(&t, true).expect("runs"), Outcome::Changed);
    assert!(matches!(
        format_file(&b, true).expect("runs"),
        Outcome::Invalid(ParseError {
            line: 2,
            col: 2,
            ..
        })
    ));
    let code = crate::fmt::run(&dataset, &[], true).expect("runs");
    assert_eq!(code, ExitCode::FAILURE);
    assert_eq!(
        fs::read_to_string(&t).expect("read"),
        messy,
        "--check writes nothing"
    );

    let code = crate::fmt::run(&dataset, &[], false).expect("runs");
    assert_eq!(
        code,
        ExitCode::FAILURE,
        "a file that does not parse fails the run"
    );
    assert_eq!(fs::read_to_string(&t).expect("read"), clean);
    assert_eq!(fs::read_to_string(&b).expect("read"), bad, "left as it was");

    fs::remove_file(&b).expect("rm");
    let code = crate::fmt::run(&dataset, &[], true).expect("runs");
    assert_eq!(code, ExitCode::SUCCESS);
}

#[test]
fn a_file_that_is_not_utf8_is_reported_not_read() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("latin.toml");
    fs::write(&path, b"id = \"x\"\ntitle = \"caf\xe9\"\n").expect("write");
    assert_eq!(
        format_file(&path, false).expect("runs"),
        Outcome::Invalid(ParseError {
            line: 2,
            col: 13,
            message: "not UTF-8".to_owned()
        })
    );
}

#[cfg(unix)]
#[test]
fn links_are_skipped_and_permissions_kept() {
    use std::os::unix::fs::PermissionsExt as _;
    let tmp = tempfile::tempdir().expect("tempdir");
    let target = tmp.path().join("outside.toml");
    fs::write(&target, "b = 1\na = 2\n").expect("write");
    let link = tmp.path().join("link.toml");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    assert_eq!(format_file(&link, false).expect("runs"), Outcome::Link);
    assert!(
        fs::symlink_metadata(&link)
            .expect("exists")
            .file_type()
            .is_symlink()
    );

    let file = tmp.path().join("sources").join("s.toml");
    fs::create_dir_all(file.parent().expect("folder")).expect("mkdir");
    fs::write(&file, "type = \"book\"\nid = \"s\"\ntitle = \"S\"\n").expect("write");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).expect("chmod");
    assert_eq!(format_file(&file, false).expect("runs"), Outcome::Changed);
    let mode = fs::metadata(&file).expect("exists").permissions().mode();
    assert_eq!(mode & 0o777, 0o644);
}

/// The bug this formatter once had: a file saved with a byte-order mark lost its first line,
/// the `#:schema` directive. Now the mark and the carriage returns go, and every line stays.
#[test]
fn a_byte_order_mark_and_crlf_are_removed_and_nothing_else() {
    let text = "\u{FEFF}#:schema ../../schema/source.schema.json\r\n# a note\r\nid = \"s\"\r\ntype = \"book\"\r\ntitle = \"S\"\r\n";
    let out = format_checked(text, Some(RecordKind::Source));
    assert_eq!(
        out,
        "#:schema ../../schema/source.schema.json\n# a note\nid = \"s\"\ntype = \"book\"\ntitle = \"S\"\n"
    );
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("sources/s.toml");
    fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
    fs::write(&path, text).expect("write");
    assert_eq!(format_file(&path, true).expect("runs"), Outcome::Changed);
    assert_eq!(format_file(&path, false).expect("runs"), Outcome::Changed);
    assert_eq!(fs::read_to_string(&path).expect("read"), out);
    assert_eq!(format_file(&path, true).expect("runs"), Outcome::Unchanged);
}

/// The notes reach `run`'s caller, and a file kept partly as written is still canonical.
#[test]
fn notes_are_reported_per_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("entities/place/p.toml");
    fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
    fs::write(
        &path,
        "id = \"p\"\n[labels]\nen = \"P\"\n# between\nzh-Hans = \"丙\"\n",
    )
    .expect("write");
    let (outcome, notes) = format_file_with_notes(&path, false).expect("runs");
    assert_eq!(outcome, Outcome::Changed);
    assert_eq!(notes.len(), 2, "{notes:?}");
    let (outcome, notes) = format_file_with_notes(&path, true).expect("runs");
    assert_eq!(outcome, Outcome::Unchanged);
    assert_eq!(notes.len(), 1, "the table is still kept: {notes:?}");
}

/// A file with a byte-order mark that does not parse is reported at the position an editor
/// shows (the mark is not a column), and left as it was.
#[test]
fn a_bad_file_with_a_bom_is_reported_and_left_alone() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("bad.toml");
    let bad = "\u{FEFF}#:schema x\r\nid = \"b\r\n";
    fs::write(&path, bad).expect("write");
    let outcome = format_file(&path, false).expect("runs");
    assert!(
        matches!(
            outcome,
            Outcome::Invalid(ParseError {
                line: 2,
                col: 9,
                ..
            })
        ),
        "{outcome:?}"
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), bad);
}

/// The directives of the committed dataset are those `cargo xtask fmt` adds.
#[test]
fn the_dataset_has_the_default_directives() {
    let root = crate::project_root().join("dataset");
    for path in toml_files(&root).expect("dataset") {
        let text = fs::read_to_string(&path).expect("readable");
        let kind = cadres_fmt::kind_from_path(&path).expect("a kind");
        let first = text.lines().next().unwrap_or_default();
        assert_eq!(
            Some(first),
            cadres_fmt::default_directive(kind).as_deref(),
            "{}",
            path.display()
        );
    }
}
