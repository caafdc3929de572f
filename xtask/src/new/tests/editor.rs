//! Editor support for `cargo xtask new`: its templates name the schemas the dataset names,
//! and resolve them wherever they are written. The directives of the fixtures are
//! `tests/it/editor.rs`.

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
    let resolved = path.parent().expect("in a folder").join(target);
    assert!(
        resolved.is_file(),
        "{} names {target}, which does not exist",
        path.display()
    );
}

/// A file's text; some invalid fixtures are not UTF-8 on purpose.
fn read(path: &Path) -> String {
    String::from_utf8_lossy(&fs::read(path).expect("readable")).into_owned()
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    crate::fmt::toml_files(dir).expect("readable folder")
}

#[test]
fn templates_name_the_schemas_the_dataset_names() {
    for dataset in [
        crate::testing::root().join("dataset"),
        crate::testing::fixture("valid"),
    ] {
        for path in toml_files(&dataset) {
            let rel = path
                .strip_prefix(&dataset)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            let Some(kind) = kind_of(&rel) else { continue };
            let folder = path
                .parent()
                .and_then(|p| p.strip_prefix(&dataset).ok())
                .expect("inside");
            let directive = crate::new::directive(&dataset, folder, kind).expect("directive");
            let text = fs::read_to_string(&path).expect("readable");
            assert_eq!(
                text.lines().next(),
                Some(directive.as_str()),
                "`cargo xtask new` would open {} differently",
                path.display()
            );
        }
    }
}

#[test]
fn templates_written_anywhere_resolve_their_schema() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    fs::create_dir_all(&dir).expect("mkdir");
    let source = crate::new::create(
        &dir,
        &crate::new::Template::Source {
            id: "a-work".to_owned(),
            kind: "webpage".to_owned(),
            title: Some("A Work".to_owned()),
        },
    )
    .expect("writes");
    assert_directive(&source, RecordKind::Source);
    let entity = crate::new::create(
        &dir,
        &crate::new::Template::Entity {
            kind: "place".to_owned(),
            id: "beijing".to_owned(),
            label: None,
        },
    )
    .expect("writes");
    assert_directive(&entity, RecordKind::Entity);
}
