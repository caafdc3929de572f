//! Editor support: every `#:schema` directive in the fixtures resolves to the JSON Schema of
//! its file's kind.
//!
//! `schema.rs` checks the directives of `dataset/` and `tests/fixtures/valid/`; this file
//! covers the other fixtures. The templates of `cargo xtask new` are tested in
//! `xtask/src/new/tests/editor.rs`.

use std::fs;
use std::path::{Path, PathBuf};

use cadres_model::schema::RecordKind;

/// The kind a dataset file has by its path relative to the dataset folder.
fn kind_of(rel: &str) -> Option<RecordKind> {
    match rel {
        "metadata.toml" => Some(RecordKind::Metadata),
        "properties.toml" => Some(RecordKind::Properties),
        r if r.starts_with("sources/") => Some(RecordKind::Source),
        r if r.starts_with("entities/") => Some(RecordKind::Entity),
        _ => None,
    }
}

/// Asserts that `path`'s directive names `kind`'s schema and that the file exists.
#[track_caller]
fn assert_directive(path: &Path, kind: RecordKind) {
    assert_directive_at(path, path, kind);
}

/// [`assert_directive`] for a file whose directive is read at `path` and resolved from
/// `stands`, where it stands in its fixture.
#[track_caller]
fn assert_directive_at(path: &Path, stands: &Path, kind: RecordKind) {
    let text = read(path);
    let first = text.lines().next().unwrap_or_default();
    let target = first
        .strip_prefix("#:schema ")
        .unwrap_or_else(|| panic!("{} starts with a #:schema directive", path.display()));
    assert!(
        target.ends_with(&format!("schema/{}", kind.schema_file_name())),
        "{} names {target}, not the {kind} schema",
        path.display()
    );
    // Resolved by name: the folder a base file stands in need not exist in the overlay.
    let mut resolved = stands.parent().expect("in a folder").to_path_buf();
    for part in Path::new(target).components() {
        match part {
            std::path::Component::ParentDir => {
                resolved.pop();
            }
            other => resolved.push(other),
        }
    }
    assert!(
        resolved.is_file(),
        "{} names {target}, which does not exist",
        stands.display()
    );
}

/// A file's text; some invalid fixtures are not UTF-8 on purpose.
fn read(path: &Path) -> String {
    String::from_utf8_lossy(&fs::read(path).expect("readable")).into_owned()
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    crate::support::toml_files(dir).expect("readable folder")
}

#[test]
fn every_invalid_fixture_names_the_schema_of_its_kind() {
    let root = crate::support::fixture("invalid");
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .expect("readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no invalid fixtures");
    for case in cases {
        // This fixture's whole point is a wrong directive.
        if case.ends_with("schema-directive") {
            continue;
        }
        // Each file as the fixture's dataset holds it (base and overlay), resolved from
        // where it stands in the fixture's folder.
        let name = case.file_name().and_then(|n| n.to_str()).expect("named");
        let dataset = crate::support::rule_fixture(name);
        for path in toml_files(dataset.path()) {
            // A symbolic link out of the dataset is another rule's fixture.
            if path
                .symlink_metadata()
                .is_ok_and(|m| m.file_type().is_symlink())
            {
                continue;
            }
            let rel = path
                .strip_prefix(dataset.path())
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            let text = read(&path);
            let stands = case.join(&rel);
            // Fixtures of other rules may be misplaced on purpose: check what they name.
            match (kind_of(&rel), cadres_fmt::kind_from_directive(&text)) {
                (_, Some(named)) => assert_directive_at(&path, &stands, named),
                (Some(kind), None) => assert_directive_at(&path, &stands, kind),
                (None, None) => {}
            }
        }
    }
}

#[test]
fn every_fmt_fixture_names_the_schema_of_its_kind() {
    let dir = crate::support::fixture("fmt");
    let files = toml_files(&dir);
    assert!(!files.is_empty(), "no fmt fixtures");
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let prefix = name.split('.').next().unwrap_or_default();
        let kind = RecordKind::ALL
            .into_iter()
            .find(|k| k.as_str() == prefix)
            .or_else(|| {
                cadres_fmt::kind_from_directive(&fs::read_to_string(&path).expect("readable"))
            })
            .unwrap_or_else(|| panic!("{name}: no kind"));
        if name.ends_with(".out.toml") || name.ends_with(".bad.toml") {
            assert_directive(&path, kind);
        } else {
            // Inputs may hide their directive below other lines: it must still resolve.
            let text = fs::read_to_string(&path).expect("readable");
            let target = text
                .lines()
                .find_map(|l| l.strip_prefix("#:schema "))
                .unwrap_or_else(|| panic!("{name} has a directive"));
            assert!(
                path.parent().expect("folder").join(target).is_file(),
                "{name}: {target}"
            );
        }
    }
}
