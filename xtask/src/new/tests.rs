//! `cargo xtask new`: templates land in the right folder of a copy of the valid fixture, parse
//! into the model, are already canonical, name their schema, never overwrite, and leave only
//! placeholders for `check` to report.

use std::fs;
use std::path::{Path, PathBuf};

use crate::new::{PLACEHOLDER, Template, create};
use cadres_model::{EntityFile, Source};
use cadres_validate::{Options, Severity};

mod editor;

/// A copy of `tests/fixtures/valid` in a temporary folder.
fn dataset() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("dataset");
    copy(&crate::testing::fixture("valid"), &dir);
    (tmp, dir)
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("readable") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("named"));
        if path.is_dir() {
            copy(&path, &target);
        } else {
            fs::copy(&path, &target).expect("copy");
        }
    }
}

fn source(id: &str) -> Template {
    Template::Source {
        id: id.to_owned(),
        kind: "book".to_owned(),
        title: None,
    }
}

fn entity(kind: &str, id: &str) -> Template {
    Template::Entity {
        kind: kind.to_owned(),
        id: id.to_owned(),
        label: Some("Liu Shaoqi".to_owned()),
    }
}

fn claim(entity: &str, property: &str, value: Option<&str>) -> Template {
    Template::Claim {
        entity: entity.to_owned(),
        property: property.to_owned(),
        source: "example-article".to_owned(),
        value: value.map(str::to_owned),
        id: None,
        lang: None,
    }
}

/// Formats `path` and asserts that nothing changes.
#[track_caller]
fn assert_canonical(path: &Path) {
    let text = fs::read_to_string(path).expect("readable");
    let formatted = cadres_fmt::format_text(&text, cadres_fmt::kind_from_path(path))
        .expect("the template parses");
    assert_eq!(formatted, text, "{} is not canonical", path.display());
}

/// Asserts that the file's directive resolves to the schema of `kind`.
#[track_caller]
fn assert_directive(path: &Path, kind: &str) {
    let text = fs::read_to_string(path).expect("readable");
    let target = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("#:schema "))
        .unwrap_or_else(|| panic!("{} opens with a #:schema directive", path.display()));
    assert!(
        target.ends_with(&format!("/{kind}.schema.json")),
        "{target}"
    );
    let resolved = path.parent().expect("in a folder").join(target);
    assert!(
        resolved.is_file(),
        "{} names {target}, which does not exist",
        path.display()
    );
}

#[test]
fn a_source_template_parses_and_names_its_schema() {
    let (_tmp, dir) = dataset();
    let path = create(&dir, &source("he-2016")).expect("writes");
    assert_eq!(path, dir.join("sources/he-2016.toml"));
    let text = fs::read_to_string(&path).expect("readable");
    let s: Source = toml::from_str(&text).expect("deserializes");
    assert_eq!(s.id.as_str(), "he-2016");
    assert!(s.title.starts_with(PLACEHOLDER));
    assert_canonical(&path);
    assert_directive(&path, "source");
}

#[test]
fn an_entity_template_parses_and_names_its_schema() {
    let (_tmp, dir) = dataset();
    let path = create(&dir, &entity("person", "liu-shaoqi")).expect("writes");
    assert_eq!(path, dir.join("entities/person/liu-shaoqi.toml"));
    let e: EntityFile =
        toml::from_str(&fs::read_to_string(&path).expect("readable")).expect("deserializes");
    assert_eq!(
        e.labels.values().next().map(String::as_str),
        Some("Liu Shaoqi")
    );
    assert!(e.description.starts_with(PLACEHOLDER));
    assert_canonical(&path);
    assert_directive(&path, "entity");
}

#[test]
fn claims_are_appended_to_their_entity_and_numbered() {
    let (_tmp, dir) = dataset();
    let path = dir.join("entities/meeting/example-conference.toml");
    let before: EntityFile =
        toml::from_str(&fs::read_to_string(&path).expect("readable")).expect("deserializes");
    for (property, value) in [
        ("end-date", Some("1962-02")),
        ("end-date", Some("1962-02-07")),
        ("location", Some("beijing")),
        ("attendance", Some("7,000")),
        ("attributed-causes", None),
    ] {
        let written = create(&dir, &claim("example-conference", property, value)).expect("appends");
        assert_eq!(written, path);
    }
    let after: EntityFile =
        toml::from_str(&fs::read_to_string(&path).expect("readable")).expect("deserializes");
    assert_eq!(after.claims[..before.claims.len()], before.claims[..]);
    let ids: Vec<&str> = after.claims[before.claims.len()..]
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "example-conference-end-date",
            "example-conference-end-date-2",
            "example-conference-location-2",
            "example-conference-attendance-2",
            "example-conference-attributed-causes",
        ]
    );
    let text = fs::read_to_string(&path).expect("readable");
    let first_new = text
        .find("id = \"example-conference-end-date\"")
        .expect("appended");
    let tail = &text[text[..first_new].rfind("[[claims]]").expect("a header")..];
    insta::assert_snapshot!(tail);
}

#[test]
fn nothing_is_overwritten() {
    let (_tmp, dir) = dataset();
    let existing = dir.join("sources/example-book.toml");
    let before = fs::read_to_string(&existing).expect("readable");
    let err = create(&dir, &source("example-book")).expect_err("refuses");
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(fs::read_to_string(&existing).expect("readable"), before);

    // The same id under another kind is refused too: ids are unique in the dataset.
    let err = create(&dir, &entity("place", "zhang-san")).expect_err("refuses");
    assert!(
        err.to_string().contains("entity zhang-san already exists"),
        "{err}"
    );
    assert!(!dir.join("entities/place/zhang-san.toml").exists());

    let mut taken = claim("example-conference", "end-date", Some("1962"));
    if let Template::Claim { id, .. } = &mut taken {
        *id = Some("example-conference-start".to_owned());
    }
    let err = create(&dir, &taken).expect_err("refuses");
    assert!(err.to_string().contains("already exists"), "{err}");
}

#[test]
fn bad_input_is_refused_before_anything_is_written() {
    let (_tmp, dir) = dataset();
    let cases: [(Template, &str); 8] = [
        (source("He-2016"), "is not an id"),
        (
            Template::Source {
                id: "x".to_owned(),
                kind: "novel".to_owned(),
                title: None,
            },
            "no source type \"novel\"",
        ),
        (entity("persons", "x"), "no entity kind \"persons\""),
        (
            claim("nobody", "end-date", Some("1962")),
            "no entity nobody",
        ),
        (
            claim("example-conference", "colour", Some("red")),
            "no property colour",
        ),
        (
            claim("example-conference", "end-dat", Some("1962")),
            "no property end-dat in properties.toml: did you mean end-date?",
        ),
        (
            claim("example-conference", "end-date", None),
            "takes a date: give it with --value",
        ),
        (
            claim("zhang-san", "attendance", Some("7")),
            "applies to meeting, and zhang-san is a person",
        ),
    ];
    let before = crate::fmt::toml_files(&dir).expect("files");
    for (template, message) in cases {
        let err = create(&dir, &template).expect_err("refuses");
        assert!(err.to_string().contains(message), "{err} lacks {message:?}");
    }
    assert_eq!(crate::fmt::toml_files(&dir).expect("files"), before);
}

/// Fills templates of every kind into a copy of the valid fixture.
fn scaffolded() -> (tempfile::TempDir, PathBuf) {
    let (tmp, dir) = dataset();
    create(&dir, &source("he-2016")).expect("source");
    create(&dir, &entity("person", "liu-shaoqi")).expect("entity");
    create(&dir, &claim("zhang-san", "start-date", Some("1962-01"))).expect("claim");
    create(&dir, &claim("zhang-san", "said", None)).expect("claim");
    (tmp, dir)
}

/// The lines of the dataset holding a placeholder, as `file:line`.
fn placeholder_lines(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for path in crate::fmt::toml_files(dir).expect("files") {
        let rel = path
            .strip_prefix(dir)
            .expect("inside")
            .to_string_lossy()
            .replace('\\', "/");
        let text = fs::read_to_string(&path).expect("readable");
        for (i, line) in text.lines().enumerate() {
            if line.contains(&format!("\"{PLACEHOLDER}")) {
                out.push(format!("{rel}:{}", i + 1));
            }
        }
    }
    out
}

#[test]
fn check_finds_no_error_but_the_placeholders() {
    let (_tmp, dir) = scaffolded();
    let report = cadres_validate::check(&Options {
        dataset: dir.clone(),
        archive: None,
    })
    .expect("check runs");
    let placeholders = placeholder_lines(&dir);
    let stray: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter(|d| {
            let at = d.span.as_ref().map(|s| format!("{}:{}", d.file, s.line));
            !at.is_some_and(|at| placeholders.contains(&at))
        })
        .map(|d| format!("{}: {} {}", d.file, d.name, d.message))
        .collect();
    assert!(stray.is_empty(), "errors outside placeholders: {stray:#?}");
}

/// `check` names every unfilled field: each string value starting with `TODO` is an error
/// `placeholder-left` pointing at the value.
#[test]
fn check_names_every_placeholder() {
    let (_tmp, dir) = scaffolded();
    let report = cadres_validate::check(&Options {
        dataset: dir.clone(),
        archive: None,
    })
    .expect("check runs");
    let named: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.name == "placeholder-left" && d.severity == Severity::Error)
        .filter_map(|d| d.span.as_ref().map(|s| format!("{}:{}", d.file, s.line)))
        .collect();
    for at in placeholder_lines(&dir) {
        assert!(named.contains(&at), "no placeholder-left error at {at}");
    }
}

#[test]
fn a_text_claim_takes_its_words_and_language() {
    let (_tmp, dir) = dataset();
    let mut said = claim("zhang-san", "said", Some("年年讲"));
    if let Template::Claim { lang, .. } = &mut said {
        *lang = Some("zh-Hans".to_owned());
    }
    let path = create(&dir, &said).expect("appends");
    let e: EntityFile =
        toml::from_str(&fs::read_to_string(&path).expect("readable")).expect("deserializes");
    let last = e.claims.last().expect("a claim");
    assert_eq!(last.value.to_string(), "年年讲 (zh-Hans)");

    let mut dated = claim("zhang-san", "start-date", Some("1962"));
    if let Template::Claim { lang, .. } = &mut dated {
        *lang = Some("en".to_owned());
    }
    let err = create(&dir, &dated).expect_err("refuses");
    assert!(
        err.to_string().contains("--lang is for text properties"),
        "{err}"
    );
}
