//! Helpers for the workspace's tests, shared by the libraries' end-to-end tests (`tests/`)
//! and the xtask's own: where the fixtures are, copies of them, and two small releases
//! built in memory. Not published; a dev-dependency only.

use std::fmt::Debug;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use cadres_fmt::format_text;
use cadres_model::schema::RecordKind;
use cadres_model::{
    Citation, Claim, Dataset, Edtf, Entity, EntityKind, Id, LangTag, Metadata, Rank, SortedMap,
    Source, SourceType, Value,
};
use cadres_model::{EntityFile, PropertiesFile};
use serde::de::DeserializeOwned;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
}

/// A folder under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests").join("fixtures").join(name)
}

/// The dataset of the rule fixture `tests/fixtures/invalid/<rule>/`, an overlay on
/// `tests/fixtures/base/`, built in a temporary folder.
///
/// # Panics
/// When the folder cannot be written: a broken test setup.
pub fn rule_fixture(rule: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    cadres_validate::testing::rule_fixture(&fixture("invalid").join(rule), tmp.path())
        .expect("build the rule fixture's dataset");
    tmp
}

/// Copies the folder `from` into `to` (created if needed), recursively; for tests that
/// break a copy of a fixture.
///
/// # Panics
/// When a file cannot be copied: a broken test setup.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create the copy's folder");
    for entry in std::fs::read_dir(from).expect("read the fixture folder") {
        let entry = entry.expect("read a fixture entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a fixture file");
        }
    }
}

/// Checks and renders the dataset in `dir`, which must be valid: its model and its release.
///
/// # Panics
/// When the folder cannot be read, the dataset has errors, or the release fails to render:
/// each is a test failure.
#[track_caller]
pub fn release_of(dir: &Path) -> (Dataset, cadres_export::Release) {
    let report = cadres_validate::check(&cadres_validate::Options {
        dataset: dir.to_owned(),
        archive: None,
    })
    .expect("the dataset folder is readable");
    assert!(
        !report.has_errors(),
        "{} has errors: {:#?}",
        dir.display(),
        report.diagnostics
    );
    let dataset = report.dataset.expect("the dataset assembles");
    let release = cadres_export::render(&dataset).expect("the release renders");
    (dataset, release)
}

/// The dataset in `dir`, which must check with no error.
///
/// # Panics
/// When the folder cannot be read or the dataset has errors: a test failure.
#[track_caller]
pub fn load(dir: &Path) -> Dataset {
    let report = cadres_validate::check(&cadres_validate::Options {
        dataset: dir.to_owned(),
        archive: None,
    })
    .expect("the dataset folder is readable");
    assert!(
        !report.has_errors(),
        "{} has errors: run `cargo xtask check`",
        dir.display()
    );
    report.dataset.expect("a dataset without errors loads")
}

/// Formats `text` (as a file of `kind`, or of the kind its `#:schema` line names) and checks
/// that the result is a fixed point and parses into the same model, or the same TOML data.
///
/// # Panics
/// When any of that fails: a test failure.
#[track_caller]
pub fn format_checked(text: &str, kind: Option<RecordKind>) -> String {
    let once = format_text(text, kind).unwrap_or_else(|e| panic!("does not format: {e}"));
    let twice = format_text(&once, kind).unwrap_or_else(|e| panic!("output does not parse: {e}"));
    assert_eq!(once, twice, "formatting is not idempotent");
    match kind.or_else(|| cadres_fmt::kind_from_directive(text)) {
        Some(RecordKind::Entity) => same_model::<EntityFile>(text, &once),
        Some(RecordKind::Source) => same_model::<Source>(text, &once),
        Some(RecordKind::Properties) => same_model::<PropertiesFile>(text, &once),
        Some(RecordKind::Metadata) => same_model::<Metadata>(text, &once),
        Some(RecordKind::Dataset) | None => {
            let before: toml::Table = toml::from_str(text).expect("input is TOML");
            let after: toml::Table = toml::from_str(&once).expect("output is TOML");
            assert_eq!(before, after, "formatting changed the data");
        }
    }
    once
}

/// `before` and `after` parse into the same `T`.
///
/// # Panics
/// When either does not parse, or they differ: a test failure.
#[track_caller]
pub fn same_model<T: DeserializeOwned + PartialEq + Debug>(before: &str, after: &str) {
    let a: T = toml::from_str(before).unwrap_or_else(|e| panic!("input: {e}"));
    let b: T = toml::from_str(after).unwrap_or_else(|e| panic!("output: {e}\n{after}"));
    assert_eq!(a, b, "formatting changed the model");
}

/// Copies of the valid fixture and its archive, and a quote misspelled in them: for the
/// tests of quote verification, by the validator and by `cargo xtask archive`.
pub mod archive {
    use std::fs;
    use std::path::{Path, PathBuf};

    use cadres_validate::{Options, Report};

    use super::{copy_dir, fixture};

    /// A copy of the valid fixture and of its archive, in one temporary folder.
    ///
    /// # Panics
    /// When a file cannot be read or written, or the check cannot run: a broken test.
    pub fn copies() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dataset = tmp.path().join("dataset");
        let archive = tmp.path().join("archive");
        copy_dir(&fixture("valid"), &dataset);
        copy_dir(&fixture("archive"), &archive);
        (tmp, dataset, archive)
    }

    /// The validator's report on `dataset`, with the archive if given.
    ///
    /// # Panics
    /// When a file cannot be read or written, or the check cannot run: a broken test.
    pub fn check(dataset: &Path, archive: Option<&Path>) -> Report {
        cadres_validate::check(&Options {
            dataset: dataset.to_owned(),
            archive: archive.map(Path::to_owned),
        })
        .expect("the check runs")
    }

    /// The names of the rules a report gives, in its order.
    pub fn codes(report: &Report) -> Vec<&'static str> {
        report.diagnostics.iter().map(|d| d.name).collect()
    }

    /// The file of the fixture whose first quote is misspelled here.
    pub const CONFERENCE: &str = "entities/meeting/example-conference.toml";

    /// Misspells a quote of the conference's claims, in a word that names nothing: "took"
    /// becomes "tok". Gives the line of the quote.
    ///
    /// # Panics
    /// When a file cannot be read or written, or the check cannot run: a broken test.
    pub fn misspell(dataset: &Path) -> usize {
        let path = dataset.join(CONFERENCE);
        let text = fs::read_to_string(&path).expect("read");
        let at = text
            .find("took place in Beijing\"")
            .expect("the quote on Beijing");
        fs::write(
            &path,
            text.replacen("took place in Beijing\"", "tok place in Beijing\"", 1),
        )
        .expect("write");
        text[..at].lines().count()
    }
}

/// Small records and releases built in memory, for the tests of `diff`.
pub mod build {
    use super::{
        Citation, Claim, Dataset, Edtf, Entity, EntityKind, FromStr, Id, LangTag, Metadata, Rank,
        SortedMap, Source, SourceType, Value,
    };

    /// An id, which must be valid.
    ///
    /// # Panics
    /// On a value the model refuses: a broken test.
    pub fn id(s: &str) -> Id {
        Id::from_str(s).expect("valid id")
    }

    /// The metadata of a release of `version`.
    ///
    /// # Panics
    /// On a value the model refuses: a broken test.
    pub fn metadata(version: &str) -> Metadata {
        Metadata {
            title: "Fixture".to_owned(),
            description: "Two releases.".to_owned(),
            version: version.to_owned(),
            as_of: "2026-11-01".parse().expect("valid date"),
            license: "CC-BY-SA-4.0".to_owned(),
        }
    }

    /// A book.
    pub fn source(i: &str, title: &str) -> Source {
        Source::new(id(i), SourceType::Book, title)
    }

    /// An entity with one English label.
    ///
    /// # Panics
    /// On a value the model refuses: a broken test.
    pub fn entity(i: &str, kind: EntityKind, label: &str) -> Entity {
        Entity {
            id: id(i),
            kind,
            labels: SortedMap::from([(LangTag::from_str("en").expect("tag"), label.to_owned())]),
            aliases: SortedMap::new(),
            description: format!("{label}, for the test."),
        }
    }

    /// A claim cited to `article`, at its lead, by a short quote.
    pub fn claim(i: &str, subject: &str, property: &str, value: Value, statement: &str) -> Claim {
        Claim {
            id: id(i),
            subject: id(subject),
            property: id(property),
            value,
            qualifiers: SortedMap::new(),
            rank: Rank::Normal,
            rank_reason: None,
            disputes: Vec::new(),
            statement: statement.to_owned(),
            citations: vec![Citation {
                source: id("article"),
                locator: Some("lead".to_owned()),
                quote: Some("took place".to_owned()),
                cites: Vec::new(),
                as_named: SortedMap::new(),
            }],
        }
    }

    /// A date value, which must be valid EDTF.
    ///
    /// # Panics
    /// On a value the model refuses: a broken test.
    pub fn date(s: &str) -> Value {
        Value::Date(Edtf::from_str(s).expect("valid edtf"))
    }

    /// Two releases, the second a revision of the first: a claim dropped, one added, one
    /// made more precise and ranked, a source renamed and one replaced, an entity added.
    pub fn releases() -> (Dataset, Dataset) {
        let old = Dataset::new(
            metadata("0.1.0"),
            Vec::new(),
            vec![
                source("article", "The Article"),
                source("old-book", "An Old Book"),
            ],
            vec![
                entity("conference", EntityKind::Meeting, "Conference"),
                entity("beijing", EntityKind::Place, "Peking"),
            ],
            vec![
                claim(
                    "conference-end",
                    "conference",
                    "end-date",
                    date("1962-02"),
                    "It ended in February 1962.",
                ),
                claim(
                    "conference-place",
                    "conference",
                    "location",
                    Value::Entity(id("beijing")),
                    "It met in Beijing.",
                ),
                claim(
                    "conference-gone",
                    "conference",
                    "note",
                    date("1962"),
                    "A claim later dropped.",
                ),
            ],
        );
        let mut end = claim(
            "conference-end",
            "conference",
            "end-date",
            date("1962-02-07"),
            "It ended on 7 February 1962.",
        );
        end.rank = Rank::Preferred;
        end.rank_reason = Some("The lead gives the day.".to_owned());
        let new = Dataset::new(
            metadata("0.2.0"),
            Vec::new(),
            vec![
                source("article", "The Article, *revised*"),
                source("new-book", "A New Book"),
            ],
            vec![
                entity("conference", EntityKind::Meeting, "Conference"),
                entity("beijing", EntityKind::Place, "Beijing"),
                entity("zhang-san", EntityKind::Person, "Zhang San"),
            ],
            vec![
                claim(
                    "conference-place",
                    "conference",
                    "location",
                    Value::Entity(id("beijing")),
                    "It met in Beijing.",
                ),
                end,
                claim(
                    "zhang-san-spoke",
                    "zhang-san",
                    "participant",
                    Value::Entity(id("conference")),
                    "Zhang San spoke at the <conference>.",
                ),
            ],
        );
        (old, new)
    }
}
