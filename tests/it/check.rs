//! The validator end to end: the valid fixture is clean, each invalid fixture breaks its
//! rule and no other (its rendered diagnostics snapshotted), and generated inputs never
//! make the loader panic.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{copy_dir, fixture, rule_fixture};
use cadres_validate::{Diagnostic, Format, Options, RenderOptions, Report, Severity, rules};
use proptest::prelude::*;

fn check(dataset: &Path, archive: Option<PathBuf>) -> Report {
    cadres_validate::check(&Options {
        dataset: dataset.to_owned(),
        archive,
    })
    .expect("the check runs")
}

fn rendered(report: &Report, format: Format) -> String {
    cadres_validate::render(
        report,
        &RenderOptions {
            format,
            color: false,
            prefix: String::new(),
        },
    )
}

/// The archive of an invalid fixture, when it has one: `<fixture>/.archive/`, which the
/// walk skips like every hidden entry.
fn archive_of(dir: &Path) -> Option<PathBuf> {
    let a = dir.join(".archive");
    a.is_dir().then_some(a)
}

fn names(report: &Report) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.name).collect()
}

#[test]
fn valid_fixture_is_clean_with_its_archive() {
    let report = check(&fixture("valid"), Some(fixture("archive")));
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        rendered(&report, Format::Human)
    );
    assert_eq!(report.files, 7);
    let data = report.dataset.expect("metadata was read");
    assert_eq!(data.claims.len(), 8);
    assert_eq!(data.sources.len(), 2);
}

/// Each rule's fixture, an overlay on `tests/fixtures/base/`, reports that rule and no
/// other, as its snapshot beside it says (`tests/fixtures/invalid/<rule>/expected.snap`).
#[test]
fn invalid_fixtures() {
    insta::glob!("../fixtures", "invalid/*", |dir| {
        if !dir.is_dir() {
            return;
        }
        let rule = dir
            .file_name()
            .and_then(|n| n.to_str())
            .expect("named folder");
        let tmp = rule_fixture(rule);
        let report = check(tmp.path(), archive_of(tmp.path()));
        assert!(!report.diagnostics.is_empty(), "{rule}: nothing reported");
        assert!(
            report.diagnostics.iter().all(|d| d.name == rule),
            "{rule} reports other rules too: {:?}",
            names(&report)
        );
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(dir);
        settings.set_prepend_module_to_snapshot(false);
        settings.remove_snapshot_suffix();
        settings.bind(|| insta::assert_snapshot!("expected", rendered(&report, Format::Human)));
    });
}

/// A rule fixture holds only what differs from the base, and takes away only files the
/// base has: what it holds is its fault.
#[test]
fn a_rule_fixture_holds_only_what_differs_from_the_base() {
    fn files(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).expect("readable folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() && !path.is_symlink() {
                files(root, &path, out);
            } else {
                out.push(path.strip_prefix(root).expect("inside").to_owned());
            }
        }
    }
    let base = fixture("base");
    for entry in fs::read_dir(fixture("invalid")).expect("the fixtures") {
        let dir = entry.expect("entry").path();
        let mut held = Vec::new();
        files(&dir, &dir, &mut held);
        for rel in held {
            let (own, theirs) = (dir.join(&rel), base.join(&rel));
            assert!(
                own.is_symlink() || fs::read(&own).ok() != fs::read(&theirs).ok(),
                "{} is the same as the base's: remove it",
                own.display()
            );
        }
        let removed = fs::read_to_string(dir.join(cadres_validate::testing::OVERLAY_REMOVE));
        for rel in removed.iter().flat_map(|l| l.lines()) {
            assert!(
                base.join(rel.trim()).is_file(),
                "{}: the base has no {rel} to take away",
                dir.display()
            );
        }
    }
}

/// The base of the rule fixtures checks clean: what a fixture reports is its overlay's.
#[test]
fn the_base_of_the_rule_fixtures_is_clean() {
    let report = check(&fixture("base"), None);
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        rendered(&report, Format::Human)
    );
}

#[test]
fn every_rule_has_a_fixture() {
    for rule in rules::ALL {
        // A 1 MiB file has no place in the repository: `file_too_large` writes one. Git
        // cannot keep a file that cannot be read: a unit test of the loader reads one that
        // is gone.
        if rule.name == "file-too-large" || rule.name == "unreadable-file" {
            continue;
        }
        assert!(
            fixture("invalid").join(rule.name).is_dir(),
            "rule {} has no fixture tests/fixtures/invalid/{}/",
            rule.code,
            rule.name
        );
    }
}

#[test]
fn file_too_large() {
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture("valid"), tmp.path());
    let big = format!(
        "#:schema ../../../../../schema/entity.schema.json\ndescription = \"{}\"\n",
        "x".repeat(1024 * 1024)
    );
    fs::write(tmp.path().join("entities/place/huge.toml"), big).expect("write");
    let report = check(tmp.path(), None);
    assert_eq!(names(&report), ["file-too-large"]);
    insta::assert_snapshot!(rendered(&report, Format::Human));
}

/// A socket or pipe named like a record is reported, not opened: opening a pipe would wait
/// for a writer forever.
#[cfg(unix)]
#[test]
fn a_special_file_named_like_a_record_is_reported_not_read() {
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture("valid"), tmp.path());
    let socket = tmp.path().join("entities/place/socket.toml");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("a socket file");
    let report = check(tmp.path(), None);
    assert_eq!(names(&report), ["unexpected-file"]);
    let d = &report.diagnostics[0];
    assert_eq!(d.file, "entities/place/socket.toml");
    assert_eq!(
        d.message,
        "unexpected special file `entities/place/socket.toml`"
    );
}

/// A dataset made of the valid fixture with the overlay `tests/fixtures/<name>` on top
/// (`cadres_validate::testing::materialize`).
fn overlay(name: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    cadres_validate::testing::materialize(&fixture("valid"), &fixture(name), tmp.path())
        .expect("build the overlay's dataset");
    tmp
}

/// A file that cannot be loaded is the root cause: it comes first, the references that
/// wait on it are folded into a note on it, an unrelated broken reference is still
/// reported, and no warning follows from the missing file. Each case is an overlay on the
/// valid fixture with its snapshots, in every format, beside it.
#[test]
fn a_file_that_cannot_be_loaded_comes_first_with_the_references_that_wait_on_it() {
    for (case, expected) in [
        ("wrong-extension", &["unexpected-file"][..]),
        ("not-utf8", &["not-utf8"][..]),
        (
            "unrelated-broken-reference",
            &["unexpected-file", "unknown-entity"][..],
        ),
    ] {
        let tmp = overlay(&format!("root-cause/{case}"));
        let report = check(tmp.path(), None);
        assert_eq!(names(&report), expected, "{case}");
        let root = &report.diagnostics[0];
        assert!(root.waiting > 0, "{case}: {root:?}");
        assert!(
            report.diagnostics[1..].iter().all(|d| d.waiting == 0),
            "{case}: one root"
        );
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(format!("../fixtures/root-cause/{case}"));
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        settings.bind(|| {
            insta::assert_snapshot!("human", rendered(&report, Format::Human));
            insta::assert_snapshot!("json", rendered(&report, Format::Json));
            insta::assert_snapshot!("github", rendered(&report, Format::Github));
        });
    }
}

/// "Already used" points at the first use, with its path, even when the file holding it has
/// a syntax error of its own: its recovered tree still says where each id is.
#[test]
fn a_duplicate_id_points_at_its_first_use_in_a_file_with_a_syntax_error() {
    let tmp = valid_copy();
    let conference = tmp.path().join("entities/meeting/example-conference.toml");
    let text = fs::read_to_string(&conference).expect("read");
    fs::write(&conference, text.replacen("kind = ", "kind = = ", 1)).expect("write");
    let person = tmp.path().join("entities/person/zhang-san.toml");
    let text = fs::read_to_string(&person).expect("read");
    fs::write(
        &person,
        text.replacen(
            "id = \"zhang-san-said-every-day\"",
            "id = \"example-conference-start\"",
            1,
        ),
    )
    .expect("write");
    let report = check(tmp.path(), None);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.name == "duplicate-id")
        .expect("the duplicate is reported");
    assert_eq!(
        d.message,
        "the id `example-conference-start` is already used"
    );
    let first = &d.related[0];
    assert_eq!(first.file, "entities/meeting/example-conference.toml");
    let span = first.span.as_ref().expect("a place");
    assert_eq!((span.line, span.column), (9, 6), "{first:?}");
    let human = cadres_validate::render(
        &report,
        &RenderOptions {
            format: Format::Human,
            color: false,
            prefix: "dataset/".to_owned(),
        },
    );
    assert!(
        human.contains("::: dataset/entities/meeting/example-conference.toml:9:6"),
        "{human}"
    );
}

#[test]
fn a_missing_enum_key_lists_its_words() {
    let tmp = valid_copy();
    let path = tmp.path().join("entities/place/beijing.toml");
    let text = fs::read_to_string(&path).expect("read");
    fs::write(&path, text.replacen("kind = \"place\"\n", "", 1)).expect("write");
    let report = check(tmp.path(), None);
    assert_eq!(names(&report), ["missing-field"]);
    let help = report.diagnostics[0].help.as_deref().unwrap_or_default();
    assert!(
        help.starts_with("add `kind = \"...\"`, one of `person`, `organization`,")
            && help.contains("`place`"),
        "{help}"
    );
}

/// The two cases of the issue, on a copy of the real dataset.
#[test]
fn the_real_dataset_with_a_renamed_or_mis_encoded_file_gives_its_root_cause_alone() {
    let real = crate::support::root().join("dataset");
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(&real, tmp.path());
    fs::rename(
        tmp.path().join("sources/he-2016.toml"),
        tmp.path().join("sources/he-2016.tml"),
    )
    .expect("rename");
    let report = check(tmp.path(), None);
    assert_eq!(names(&report), ["unexpected-file"]);
    let d = &report.diagnostics[0];
    assert_eq!(
        d.help.as_deref(),
        Some("rename it to `sources/he-2016.toml`")
    );
    assert!(d.waiting > 0 && d.note.is_some(), "{d:?}");

    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(&real, tmp.path());
    let file = tmp
        .path()
        .join("entities/meeting/seven-thousand-cadres-conference.toml");
    let text = fs::read_to_string(&file).expect("read");
    let gbk: Vec<u8> = text
        .chars()
        .flat_map(|c| {
            // Any non-ASCII character as two bytes that are not UTF-8, as GBK writes Han.
            if c.is_ascii() {
                vec![c as u8]
            } else {
                vec![0xC6, 0xDF]
            }
        })
        .collect();
    fs::write(&file, gbk).expect("write");
    let report = check(tmp.path(), None);
    assert_eq!(
        names(&report),
        ["not-utf8"],
        "no false unused-source warning"
    );
    assert!(report.diagnostics[0].waiting > 0);
}

#[test]
fn json_and_github_formats() {
    let dir = rule_fixture("unknown-entity");
    let report = check(dir.path(), None);
    let json = rendered(&report, Format::Json);
    for line in json.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object per line");
        for key in [
            "code", "name", "severity", "file", "span", "message", "label", "help",
        ] {
            assert!(v.get(key).is_some(), "json diagnostic lacks {key}: {line}");
        }
    }
    insta::assert_snapshot!("json", json);
    insta::assert_snapshot!("github", rendered(&report, Format::Github));
}

#[test]
fn every_file_s_problems_are_reported_in_one_run() {
    // Break three files in three ways: each is reported, at its own place.
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture("valid"), tmp.path());
    let edit = |rel: &str, from: &str, to: &str| {
        let path = tmp.path().join(rel);
        let text = fs::read_to_string(&path).expect("read");
        assert!(text.contains(from), "{rel} holds {from}");
        fs::write(&path, text.replacen(from, to, 1)).expect("write");
    };
    edit(
        "sources/example-book.toml",
        "ISBN = \"978-0-231-11083-9\"",
        "ISBN = \"978-0-231-11083-8\"",
    );
    edit(
        "entities/place/beijing.toml",
        "kind = \"place\"",
        "kind = \"place\"\nkind = \"city\"",
    );
    edit("metadata.toml", "version = ", "verison = ");
    let report = check(tmp.path(), None);
    let files: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (d.file.as_str(), d.name))
        .collect();
    assert_eq!(
        files,
        [
            ("entities/place/beijing.toml", "toml-syntax"),
            ("metadata.toml", "missing-field"),
            ("metadata.toml", "unknown-field"),
            ("sources/example-book.toml", "invalid-isbn"),
        ]
    );
    for d in &report.diagnostics {
        let span = d.span.as_ref().expect("every one of these has a place");
        assert!(span.line > 1, "{} points at line 1: {d:?}", d.file);
    }
}

#[test]
fn a_misspelt_word_gets_a_suggestion() {
    let tmp = valid_copy();
    let path = tmp.path().join("entities/meeting/example-conference.toml");
    let text = fs::read_to_string(&path).expect("read");
    fs::write(
        &path,
        text.replacen("rank = \"preferred\"", "rank = \"prefered\"", 1),
    )
    .expect("write");
    let report = check(tmp.path(), None);
    assert_eq!(names(&report), ["schema-mismatch"]);
    let d = &report.diagnostics[0];
    assert_eq!(d.message, "`prefered` is not one of the allowed words");
    assert!(
        d.help
            .as_deref()
            .is_some_and(|h| h.starts_with("did you mean `preferred`?")),
        "{d:?}"
    );
}

/// The record types ignore unknown fields so that a release reader survives additions; in a
/// file, an unknown key at any depth is still an error, pointed at, with a suggestion.
#[test]
fn an_unknown_key_deep_in_a_file_is_reported_though_the_types_would_ignore_it() {
    let tmp = valid_copy();
    let path = tmp.path().join("entities/meeting/example-conference.toml");
    let text = fs::read_to_string(&path).expect("read");
    let typo = text.replacen(
        "{ source = \"example-article\", locator = \"lead\",",
        "{ source = \"example-article\", locatr = \"lead\",",
        1,
    );
    assert_ne!(typo, text, "the fixture has the citation");
    fs::write(&path, typo).expect("write");
    let report = check(tmp.path(), None);
    assert_eq!(names(&report), ["unknown-field"]);
    let d = &report.diagnostics[0];
    assert_eq!(d.message, "unknown key `locatr`");
    assert_eq!(d.file, "entities/meeting/example-conference.toml");
    assert_eq!(d.span.as_ref().map(|s| s.line), Some(14), "{d:?}");
    assert!(
        d.help.as_deref().is_some_and(|h| h.contains("`locator`")),
        "{d:?}"
    );
}

#[test]
fn real_dataset_checks_clean_with_the_seed_archive() {
    let seed = crate::support::root().join("../shared/seed");
    let report = check(
        &crate::support::root().join("dataset"),
        seed.is_dir().then_some(seed),
    );
    assert!(!report.has_errors(), "{}", rendered(&report, Format::Human));
}

#[test]
fn closest_passage_finds_the_near_miss() {
    let text = cadres_validate::fold("It met from 11 January -\n 7 February 1962. Later it ended.");
    let quote = cadres_validate::fold("from 11 January - 8 February 1962");
    assert!(!text.contains(&quote));
    assert_eq!(
        cadres_validate::closest_passage(&text, &quote),
        Some("from 11 January - 7 February 1962")
    );
}

/// Every diagnostic's span lies within its file, on character boundaries.
fn spans_in_bounds(report: &Report) -> Result<(), TestCaseError> {
    for d in &report.diagnostics {
        if let (Some(s), Some(text)) = (&d.span, report.texts.get(&d.file)) {
            prop_assert!(s.start <= s.end && s.end <= text.len(), "{d:?}");
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
    Ok(())
}

fn valid_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture("valid"), tmp.path());
    tmp
}

/// TOML-shaped values built from the dataset's own keys and words, so that the generator
/// reaches deep into the schema rather than failing at the first key.
fn toml_value() -> impl Strategy<Value = toml::Value> {
    let leaf = prop_oneof![
        prop::sample::select(vec![
            "beijing",
            "zhang-san",
            "example-article",
            "example-book",
            "1962-02",
            "1962-13",
            "1962-02-07/1962-01-01",
            "meeting",
            "place",
            "refinement",
            "preferred",
            "en",
            "zh_Hans",
            "",
            " x ",
            "Bad Id",
            "978-0-231-11083-8",
            "北京",
            "e\u{301}",
        ])
        .prop_map(|s| toml::Value::String(s.to_owned())),
        any::<i64>().prop_map(toml::Value::Integer),
        any::<f64>().prop_map(toml::Value::Float),
        any::<bool>().prop_map(toml::Value::Boolean),
    ];
    let keys = prop::sample::select(vec![
        "id",
        "kind",
        "labels",
        "en",
        "zh-Hans",
        "claims",
        "property",
        "value",
        "date",
        "entity",
        "share",
        "percent",
        "text",
        "lang",
        "citations",
        "source",
        "quote",
        "cites",
        "disputes",
        "with",
        "relation",
        "rank",
        "rank-reason",
        "statement",
        "description",
        "qualifiers",
        "point-in-time",
        "quantity",
        "amount",
        "unit",
        "x",
    ]);
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(toml::Value::Array),
            prop::collection::btree_map(keys.clone(), inner, 0..6).prop_map(
                |m| toml::Value::Table(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            ),
        ]
    })
}

/// One file of each kind in the valid fixture, for the generators to overwrite.
const FILES: &[&str] = &[
    "metadata.toml",
    "properties.toml",
    "sources/example-book.toml",
    "entities/meeting/example-conference.toml",
];

/// The references of the valid fixture that can be broken alone: `(file, text before the
/// id, id)`. Each break must give exactly one integrity error, at the broken id.
const REFERENCES: &[(&str, &str, &str)] = &[
    (
        "entities/meeting/example-conference.toml",
        "entity = ",
        "beijing",
    ),
    (
        "entities/meeting/example-conference.toml",
        "entity = ",
        "zhang-san",
    ),
    (
        "entities/meeting/example-conference.toml",
        "property = ",
        "start-date",
    ),
    (
        "entities/meeting/example-conference.toml",
        "property = ",
        "location",
    ),
    (
        "entities/meeting/example-conference.toml",
        "property = ",
        "attendance",
    ),
    (
        "entities/meeting/example-conference.toml",
        "source = ",
        "example-article",
    ),
    (
        "entities/meeting/example-conference.toml",
        "cites = [",
        "example-book",
    ),
    (
        "entities/person/zhang-san.toml",
        "source = ",
        "example-article",
    ),
    (
        "entities/person/zhang-san.toml",
        "cites = [",
        "example-book",
    ),
    ("entities/person/zhang-san.toml", "property = ", "said"),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn arbitrary_bytes_never_panic(
        target in prop::sample::select(FILES),
        bytes in prop::collection::vec(any::<u8>(), 0..600),
    ) {
        let tmp = valid_copy();
        fs::write(tmp.path().join(target), &bytes).expect("write");
        let report = check(tmp.path(), None);
        spans_in_bounds(&report)?;
    }

    #[test]
    fn arbitrary_toml_never_panics(
        target in prop::sample::select(FILES),
        doc in prop::collection::btree_map(
            prop::sample::select(vec![
                "id", "kind", "type", "title", "labels", "aliases", "description", "claims",
                "property", "as-of", "references", "author", "ISBN", "x",
            ]),
            toml_value(),
            0..7,
        ),
    ) {
        let table: toml::Table = doc.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        let Ok(text) = toml::to_string(&table) else { return Ok(()) };
        let tmp = valid_copy();
        fs::write(tmp.path().join(target), text).expect("write");
        let report = check(tmp.path(), None);
        spans_in_bounds(&report)?;
    }

    #[test]
    fn breaking_one_reference_gives_one_integrity_error(
        site in 0..REFERENCES.len(),
        occurrence in 0usize..8,
        suffix in "[a-z]{2,5}",
    ) {
        let (file, before, id) = REFERENCES[site];
        let tmp = valid_copy();
        let path = tmp.path().join(file);
        let text = fs::read_to_string(&path).expect("read");
        let needle = format!("{before}\"{id}\"");
        let hits: Vec<usize> = text.match_indices(&needle).map(|(i, _)| i).collect();
        prop_assert!(!hits.is_empty(), "{file} holds {needle}");
        let at = hits[occurrence % hits.len()] + before.len();
        let broken = format!("{id}-x{suffix}");
        let mut new_text = text.clone();
        new_text.replace_range(at..at + id.len() + 2, &format!("\"{broken}\""));
        fs::write(&path, &new_text).expect("write");
        let report = check(tmp.path(), None);
        let errors: Vec<&Diagnostic> = report.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
        prop_assert_eq!(errors.len(), 1, "{:?}", report.diagnostics);
        let d = errors[0];
        prop_assert!(d.code.starts_with("E03"), "not an integrity error: {:?}", d);
        prop_assert_eq!(d.file.as_str(), file);
        let span = d.span.as_ref().expect("points at the id");
        prop_assert_eq!(&new_text[span.range()], format!("\"{broken}\""));
    }

    #[test]
    fn generated_valid_places_give_no_error(ids in prop::collection::btree_set("[a-z]{3,8}(-[a-z]{2,5})?", 1..6)) {
        let tmp = valid_copy();
        for id in &ids {
            if ["beijing"].contains(&id.as_str()) {
                continue;
            }
            let text = format!(
                "#:schema ../../../../../schema/entity.schema.json\nid = \"{id}\"\nkind = \"place\"\n\
                 description = \"A generated place.\"\nlabels = {{ en = \"Place {id}\" }}\n\n\
                 [[claims]]\nid = \"{id}-location\"\nproperty = \"location\"\nvalue = {{ entity = \"beijing\" }}\n\
                 statement = \"It lies in Beijing.\"\n\
                 citations = [{{ source = \"example-article\", locator = \"lead\" }}]\n"
            );
            fs::write(tmp.path().join(format!("entities/place/{id}.toml")), text).expect("write");
        }
        let report = check(tmp.path(), None);
        prop_assert!(!report.has_errors(), "{}", rendered(&report, Format::Human));
    }
}
