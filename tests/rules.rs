//! The rule catalogue: `docs/rules.md` is what `cargo xtask rules` writes, and every rule
//! has a well-formed, unique code and name.

use std::collections::HashSet;

use cadres_validate::{Severity, rules};

#[test]
fn rules_doc_is_fresh() {
    let path = cadres_tests::root().join(xtask::rules::DOC);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == xtask::rules::expected(),
        "{} is stale: run `cargo xtask rules` and commit the result",
        xtask::rules::DOC
    );
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for r in rules::ALL {
        assert!(
            codes.insert(&r.code[1..]),
            "code number of {} is reused",
            r.code
        );
        assert!(names.insert(r.name), "name {} is reused", r.name);
        let letter = match r.severity {
            Severity::Error => 'E',
            Severity::Warning => 'W',
        };
        assert!(
            r.code.starts_with(letter),
            "{} is a {} and starts with {letter}",
            r.code,
            r.severity
        );
        assert!(
            r.code.len() == 5 && r.code[1..].bytes().all(|b| b.is_ascii_digit()),
            "{}",
            r.code
        );
        assert!(
            r.name.parse::<cadres_model::Id>().is_ok(),
            "{} is kebab-case",
            r.name
        );
        assert!(
            r.summary.ends_with('.'),
            "{}: the summary is a sentence",
            r.code
        );
        assert_eq!(rules::by_name(r.name), Some(r));
        assert_eq!(rules::by_code(r.code), Some(r));
    }
}
