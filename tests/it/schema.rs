//! `schema/` is a valid draft 2020-12 schema set, named by every dataset file. That it is
//! what the model generates is tested beside its generator, in `xtask/src/schema.rs`.

use std::fs;

use cadres_model::schema::RecordKind;

#[test]
fn every_schema_is_valid_draft_2020_12() {
    for kind in RecordKind::ALL {
        let path = crate::support::root()
            .join("schema")
            .join(kind.schema_file_name());
        let text = fs::read_to_string(&path).expect("schema file exists");
        let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{kind} names draft 2020-12"
        );
        jsonschema::meta::validate(&schema).unwrap_or_else(|e| {
            panic!(
                "{} is not a valid draft 2020-12 schema: {e}",
                path.display()
            )
        });
    }
}

#[test]
fn every_dataset_file_names_the_schema_of_its_kind() {
    for dir in [
        crate::support::root().join("dataset"),
        crate::support::fixture("valid"),
    ] {
        let mut files = Vec::new();
        collect(&dir, &mut files);
        assert!(!files.is_empty(), "{} holds toml files", dir.display());
        for path in files {
            let text = fs::read_to_string(&path).expect("readable");
            let first = text.lines().next().unwrap_or_default();
            let target = first
                .strip_prefix("#:schema ")
                .unwrap_or_else(|| panic!("{} starts with a #:schema directive", path.display()));
            let rel = path
                .strip_prefix(&dir)
                .expect("under dir")
                .to_string_lossy()
                .replace('\\', "/");
            let kind = match rel.as_str() {
                "metadata.toml" => "metadata",
                "properties.toml" => "properties",
                r if r.starts_with("sources/") => "source",
                r if r.starts_with("entities/") => "entity",
                other => panic!("unexpected file {other}"),
            };
            assert!(
                target.ends_with(&format!("schema/{kind}.schema.json")),
                "{} names {target}, not the {kind} schema",
                path.display()
            );
            let resolved = path.parent().expect("has a folder").join(target);
            assert!(
                resolved.is_file(),
                "{} names {target}, which does not exist",
                path.display()
            );
        }
    }
}

fn collect(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}
