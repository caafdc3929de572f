//! `cargo xtask check`: its exit status and the prefix its paths print with. What the
//! validator reports is `tests/it/check.rs`.

use std::path::Path;
use std::process::ExitCode;

use crate::check::{prefix_from, progress_line};
use crate::testing::{fixture, rule_fixture};
use cadres_validate::Format;
use cadres_validate::Pass;

#[test]
fn exit_status_and_paths() {
    let ok = crate::check::run(&fixture("valid"), None, Format::Json).expect("runs");
    assert_eq!(ok, ExitCode::SUCCESS);
    let bad =
        crate::check::run(rule_fixture("unknown-entity").path(), None, Format::Json).expect("runs");
    assert_eq!(bad, ExitCode::FAILURE);
    let warned =
        crate::check::run(rule_fixture("unused-source").path(), None, Format::Json).expect("runs");
    assert_eq!(warned, ExitCode::SUCCESS, "warnings alone do not fail");
    assert!(crate::check::run(Path::new("/nonexistent/dataset"), None, Format::Json).is_err());
    assert!(
        crate::check::run(
            &fixture("valid"),
            Some(Path::new("/nonexistent/archive")),
            Format::Json
        )
        .is_err(),
        "a missing archive folder means the check cannot run"
    );
    let prefix = crate::check::display_prefix(&fixture("valid"));
    assert!(!prefix.starts_with('/'), "{prefix} is absolute");
    assert_eq!(
        crate::check::display_prefix(Path::new("./dataset")),
        "dataset/"
    );
}

/// Paths print as they open from the base folder: inside it, above it, beside it.
#[test]
fn the_prefix_is_the_path_from_the_base_folder() {
    let root = Path::new("/repo");
    assert_eq!(
        prefix_from(Some(root), Path::new("/repo/dataset")),
        "dataset/"
    );
    assert_eq!(
        prefix_from(Some(Path::new("/repo/crates")), Path::new("/repo/dataset")),
        "../dataset/"
    );
    assert_eq!(prefix_from(Some(root), Path::new("/repo")), "");
    assert_eq!(
        prefix_from(Some(root), Path::new("/elsewhere/data")),
        "../elsewhere/data/"
    );
    assert_eq!(prefix_from(None, Path::new("/elsewhere/data")), "data/");
    assert_eq!(prefix_from(None, Path::new("data")), "data/");
}

/// Each pass says what it is doing; a line is cleared to its end, and the last one
/// clears the bar away.
#[test]
fn the_progress_line_names_its_pass_and_clears_behind_it() {
    assert_eq!(
        progress_line(Pass::Streaming, 5_000, 20_000),
        "\rchecking [#######                       ] 5000/20000 files\x1b[K"
    );
    let doubt = cadres_validate::Doubt {
        rule: cadres_validate::rules::by_code("E0401"),
        file: Some("entities/person/liu-shaoqi.toml".to_owned()),
    };
    assert_eq!(
        progress_line(Pass::Full(Some(&doubt)), 10_000, 20_000),
        "\rfound uncited-claim in entities/person/liu-shaoqi.toml; checking every file in full [###############               ] 10000/20000 files\x1b[K"
    );
    assert_eq!(
        progress_line(Pass::Full(None), 10_000, 20_000),
        "\rchecking every file and every quote against the archive [###############               ] 10000/20000 files\x1b[K"
    );
    assert_eq!(
        progress_line(Pass::Pointing(&doubt), 3, 12),
        "\rfound uncited-claim in entities/person/liu-shaoqi.toml; reading the files with problems again to point at them [#######                       ] 3/12 files\x1b[K"
    );
    assert_eq!(progress_line(Pass::Full(None), 20_000, 20_000), "\r\x1b[K");
}
