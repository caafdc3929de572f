//! Readers that survive additions: the versioning policy of `docs/versioning.md`, tried on
//! the valid fixture's release.

use crate::support;

use cadres_model::{Dataset, ReadError, SCHEMA_VERSION, SchemaVersion};
use serde_json::{Value, json};

/// The valid fixture's release, as `dataset.json` holds it.
fn release() -> (Dataset, Value) {
    let (dataset, release) = support::release_of(&support::fixture("valid"));
    let json = serde_json::from_slice(release.file("dataset.json").expect("dataset.json"))
        .expect("dataset.json is JSON");
    (dataset, json)
}

fn read(json: &Value) -> Result<Dataset, ReadError> {
    Dataset::from_slice(&serde_json::to_vec(json).expect("serializes"))
}

/// Adds a field named `name` to the object at `pointer`.
#[track_caller]
fn add(json: &mut Value, pointer: &str, name: &str) {
    json.pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at {pointer}"))
        .insert(name.to_owned(), json!({ "added": [1, "two", null] }));
}

/// The index of the first claim whose value is of `variant`.
fn claim_with(json: &Value, variant: &str) -> usize {
    json["claims"]
        .as_array()
        .and_then(|claims| {
            claims
                .iter()
                .position(|c| c["value"].get(variant).is_some())
        })
        .unwrap_or_else(|| panic!("the fixture has a {variant} claim"))
}

#[test]
fn an_added_field_at_every_level_loads_into_an_equal_model() {
    let (dataset, mut json) = release();
    let quantity = claim_with(&json, "quantity");
    let text = claim_with(&json, "text");
    for pointer in [
        String::new(),
        "/metadata".to_owned(),
        "/properties/0".to_owned(),
        "/sources/0".to_owned(),
        "/entities/0".to_owned(),
        "/claims/0".to_owned(),
        "/claims/0/citations/0".to_owned(),
        format!("/claims/{quantity}/value/quantity"),
        format!("/claims/{text}/value/text"),
    ] {
        add(&mut json, &pointer, "field-of-a-later-release");
    }
    // Also a field inside a name, a dispute and a share part, where the fixture has them.
    for (list, inner) in [("sources", "author"), ("claims", "disputes")] {
        let at = json[list]
            .as_array()
            .and_then(|items| items.iter().position(|i| i.get(inner).is_some()))
            .unwrap_or_else(|| panic!("the fixture has {list} with {inner}"));
        add(
            &mut json,
            &format!("/{list}/{at}/{inner}/0"),
            "field-of-a-later-release",
        );
    }
    let read = read(&json).expect("a release that only adds fields is read");
    assert_eq!(read, dataset);
}

#[test]
fn a_newer_minor_version_loads_and_keeps_its_version() {
    let (dataset, mut json) = release();
    let newer = SchemaVersion {
        major: SCHEMA_VERSION.major,
        minor: SCHEMA_VERSION.minor + 7,
    };
    json["schema_version"] = json!(newer.to_string());
    add(&mut json, "", "provenance-summary");
    let read = read(&json).expect("a newer minor version is read");
    assert_eq!(read.schema_version, newer);
    assert_eq!(
        Dataset {
            schema_version: SCHEMA_VERSION,
            ..read
        },
        dataset
    );
}

#[test]
fn another_major_version_fails_naming_both_versions() {
    let (_, mut json) = release();
    for (found, shape_changed) in [("3.0", false), ("3.1", true), ("1.0", false)] {
        json["schema_version"] = json!(found);
        if shape_changed {
            json["claims"] = json!({ "a later major version": "may reshape anything" });
        }
        let err = read(&json).expect_err("another major version is refused");
        assert!(matches!(err, ReadError::Version { .. }), "{err:?}");
        let message = err.to_string();
        assert!(
            message.contains(&format!("schema_version {found}"))
                && message.contains(&format!("reads {SCHEMA_VERSION}")),
            "{message}"
        );
    }
    // The first release format wrote a bare number: it reads as major version 1.
    json["schema_version"] = json!(1);
    let err = read(&json).expect_err("the first format is another major version");
    assert!(err.to_string().contains("schema_version 1.0"), "{err}");
}

#[test]
fn a_malformed_version_is_not_a_release() {
    let (_, mut json) = release();
    for bad in [
        json!("2"),
        json!("2.x"),
        json!("two"),
        json!(null),
        json!(-1),
    ] {
        json["schema_version"] = bad.clone();
        let err = read(&json).expect_err("a malformed version is refused");
        assert!(matches!(err, ReadError::Json(_)), "{bad}: {err:?}");
    }
}

/// The policy counts a new value of a closed list as a major change: a release of this
/// major version never holds one, and a reader refuses one that does instead of guessing.
#[test]
fn an_unknown_enum_value_is_refused_as_the_policy_says() {
    let (_, json) = release();
    let cases = [
        ("/entities/0", "kind", "document"),
        ("/sources/0", "type", "thesis"),
        ("/properties/0", "value-type", "coordinates"),
        ("/claims/0", "rank", "disputed"),
    ];
    for (record, key, value) in cases {
        let pointer = format!("{record}/{key}");
        let mut changed = json.clone();
        changed
            .pointer_mut(record)
            .and_then(Value::as_object_mut)
            .unwrap_or_else(|| panic!("{record}"))
            .insert(key.to_owned(), json!(value));
        let err = read(&changed).expect_err("an unknown enum value is refused");
        assert!(
            err.to_string()
                .contains(&format!("unknown variant `{value}`")),
            "{pointer}: {err}"
        );
        // With the major version bumped, as the policy requires, the message names the versions.
        changed["schema_version"] = json!(format!("{}.0", SCHEMA_VERSION.major + 1));
        assert!(
            matches!(read(&changed), Err(ReadError::Version { .. })),
            "{pointer}"
        );
    }
    // A value of a new type is a new key beside the value's one key: refused too.
    let mut changed = json;
    add(&mut changed, "/claims/0/value", "coordinates");
    assert!(
        read(&changed).is_err(),
        "a second key in a value is a new value type"
    );
}

/// A reader whose every read fails, as a file on a disk that went away.
struct Failing;

impl std::io::Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("disk gone"))
    }
}

#[test]
fn from_reader_and_from_slice_agree_with_from_json_str() {
    let (dataset, json) = release();
    let text = serde_json::to_string(&json).expect("serializes");
    assert_eq!(Dataset::from_json_str(&text).expect("str"), dataset);
    assert_eq!(
        Dataset::from_slice(text.as_bytes()).expect("slice"),
        dataset
    );
    assert_eq!(
        Dataset::from_reader(text.as_bytes()).expect("reader"),
        dataset
    );
    let err = Dataset::from_reader(Failing).expect_err("a failing reader");
    assert!(matches!(err, ReadError::Io(_)), "{err:?}");
}
