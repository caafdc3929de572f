//! The rule catalogue: every rule has a well-formed, unique code and name, and documents why
//! it exists with a failing and a passing example. That `docs/rules.md` is fresh is tested
//! beside its generator, in `xtask/src/rules.rs`.

use std::collections::HashSet;

use cadres_validate::{Severity, rules};

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

/// Every rule's module documents it: a paragraph saying why the rule exists, then a
/// `## Fails` and a `## Passes` section, each with a fenced example (TOML, or a `text`
/// block for a rule about the folder). A rule cannot land without them. Every TOML
/// example parses, but the one that breaks `toml-syntax`.
#[test]
fn every_rule_documents_why_with_a_failing_and_a_passing_example() {
    for r in rules::ALL {
        let doc = r.documentation();
        let fails = doc.find("\n## Fails\n");
        let passes = doc.find("\n## Passes\n");
        let (Some(fails), Some(passes)) = (fails, passes) else {
            panic!(
                "{} {}: its documentation needs a `## Fails` and a `## Passes` section",
                r.code, r.name
            );
        };
        assert!(
            fails < passes,
            "{} {}: `## Fails` comes before `## Passes`",
            r.code,
            r.name
        );
        let why = doc[..fails].trim();
        assert!(
            why.len() >= 80 && !why.starts_with('#') && !why.contains("```"),
            "{} {}: the documentation starts with a paragraph saying why the rule exists",
            r.code,
            r.name
        );
        for (heading, section) in [("Fails", &doc[fails..passes]), ("Passes", &doc[passes..])] {
            let body = section.trim_start().split_once('\n').map_or("", |(_, b)| b);
            let body = body.trim();
            assert!(
                (body.starts_with("```toml\n") || body.starts_with("```text\n"))
                    && body.ends_with("```")
                    && body.lines().count() >= 3,
                "{} {}: `## {heading}` holds one example, in a ```toml or ```text block",
                r.code,
                r.name
            );
            let toml_syntax_fails = heading == "Fails" && r.name == rules::TOML_SYNTAX.name;
            if let Some(example) = body.strip_prefix("```toml\n")
                && !toml_syntax_fails
            {
                let example = example.trim_end_matches("```");
                assert!(
                    example.parse::<toml::Table>().is_ok(),
                    "{} {}: the `## {heading}` example is TOML",
                    r.code,
                    r.name
                );
            }
        }
    }
}
