//! Each rule's documented examples, run through both drivers.
//!
//! A rule's `## Fails` and `## Passes` examples are TOML fragments headed by the file they
//! belong to (`# entities/meeting/example-conference.toml`), written against
//! `tests/fixtures/valid/`. Each is put into a copy of it: a fragment with an `id` of its
//! own is the whole file (under the file's `#:schema` line); otherwise a `[[claims]]` or
//! `[[property]]` table takes the place of the one with its id (a second table with one id
//! in the fragment is added: the example repeats the id) (keeping the `statement` and
//! `citations` an example leaves out, which every claim needs), another is added, and any
//! other key is set. The quotes of the copy are then recorded as verified, except for the
//! rules about that record. A failing example must be reported under its rule, a passing
//! one not, by a check that only reports (the streaming driver, then the full driver on its
//! suspects) and by the full driver on every file alike.
//!
//! Left out, and counted: examples in `text` blocks (folder layouts), those whose header
//! names no file, those that elide (`…`), the rules that need `--archive`, and the examples
//! in [`LEFT_OUT`], which set a scene the fixture does not have.

use std::path::Path;

use toml_edit::{DocumentMut, Item};

use crate::rules::{self, Rule};
use crate::{MAX_FILES, Options};

/// The rules whose examples are about the record of verified quotes itself: the copy keeps
/// the record as the example leaves it.
const ABOUT_THE_RECORD: [&str; 3] = ["unverified-quote", "unpinned-source", "stale-verification"];

/// The rules judged only against `--archive` texts.
const NEED_THE_ARCHIVE: [&str; 3] = [
    "quote-not-in-archive",
    "missing-archived-text",
    "pin-mismatch",
];

/// Examples written against a scene the valid fixture does not have, by rule: why.
const LEFT_OUT: [(&str, &str); 3] = [
    ("ambiguous-name", "two people named Deng"),
    ("unused-source", "a source no citation names"),
    ("cites-unlisted-work", "a source with no references"),
];

/// What a claim needs that an example may leave out, as in the valid fixture.
const NEEDED: [&str; 2] = ["statement", "citations"];

/// One example: whether it fails, its file and its TOML.
struct Example {
    fails: bool,
    file: String,
    toml: String,
}

/// The TOML examples of a rule's documentation with a file in their header.
fn examples(rule: &Rule) -> (Vec<Example>, usize) {
    let doc = rule.documentation();
    let (mut found, mut skipped) = (Vec::new(), 0);
    let mut fails = None;
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        match line.trim() {
            "## Fails" => fails = Some(true),
            "## Passes" => fails = Some(false),
            fence if fence.starts_with("```") => {
                let body: Vec<&str> = lines
                    .by_ref()
                    .take_while(|l| !l.starts_with("```"))
                    .collect();
                let file = body
                    .first()
                    .and_then(|h| h.strip_prefix("# "))
                    .and_then(|h| h.split([';', ',', ' ']).next())
                    .filter(|f| {
                        Path::new(f).extension().is_some_and(|e| e == "toml") || *f == "quotes.lock"
                    });
                let elided = body.iter().any(|l| l.contains('…'));
                match (fails, file, fence == "```toml" && !elided) {
                    (Some(fails), Some(file), true) => found.push(Example {
                        fails,
                        file: file.to_owned(),
                        toml: body[1..].join("\n"),
                    }),
                    _ => skipped += 1,
                }
            }
            _ => {}
        }
    }
    (found, skipped)
}

/// `fragment` put into the TOML `into` (see the module docs).
fn merge(into: &str, fragment: &str) -> Result<String, String> {
    let mut doc: DocumentMut = into.parse().map_err(|e| format!("the file: {e}"))?;
    let part: DocumentMut = fragment.parse().map_err(|e| format!("the example: {e}"))?;
    if part.contains_key("id") {
        let directive = into.lines().next().filter(|l| l.starts_with("#:schema"));
        return Ok(match directive {
            Some(d) => format!("{d}\n{fragment}\n"),
            None => format!("{fragment}\n"),
        });
    }
    for (key, item) in part.iter() {
        match (item, doc.get_mut(key)) {
            (Item::ArrayOfTables(new), Some(Item::ArrayOfTables(old))) => {
                let mut placed: Vec<&str> = Vec::new();
                for table in new {
                    let id = table.get("id").and_then(Item::as_str);
                    let repeat = id.is_some_and(|i| placed.contains(&i));
                    placed.extend(id);
                    let same = old.iter_mut().find(|t| {
                        !repeat && id.is_some() && t.get("id").and_then(Item::as_str) == id
                    });
                    let mut new = table.clone();
                    if let Some(t) = same {
                        for k in NEEDED {
                            if !new.contains_key(k)
                                && let Some(v) = t.get(k)
                            {
                                new.insert(k, v.clone());
                            }
                        }
                        *t = new;
                    } else {
                        if key == "claims" {
                            let defaults: DocumentMut = "statement = \"An example.\"\n\
                                citations = [{ source = \"example-article\", locator = \"lead\" }]\n"
                                .parse()
                                .map_err(|e| format!("the defaults: {e}"))?;
                            for (k, v) in defaults.iter() {
                                if !new.contains_key(k) {
                                    new.insert(k, v.clone());
                                }
                            }
                        }
                        old.push(new);
                    }
                }
            }
            _ => {
                doc.insert(key, item.clone());
            }
        }
    }
    Ok(doc.to_string())
}

/// The codes reported on `dir` by each way of checking: a check that only reports, and the
/// full driver on every file.
fn both(dir: &Path) -> [Vec<&'static str>; 2] {
    let options = Options {
        dataset: dir.to_owned(),
        archive: None,
    };
    let reported = crate::stream::tests::reported(dir);
    let (full, _) = crate::full(
        &options,
        &crate::Tuning::default(),
        crate::walk::walk(dir, MAX_FILES).expect("the walk runs"),
        &crate::verified::read(dir),
        crate::archive::Mode::Check,
        None,
    )
    .expect("the check runs");
    [reported, full.diagnostics].map(|ds| ds.iter().map(|d| d.code).collect())
}

#[test]
fn every_rule_s_examples_fail_and_pass_it_through_both_drivers() {
    let valid = crate::testing::fixtures().join("valid");
    let (mut run, mut skipped, mut wrong) = (0, 0, Vec::new());
    for rule in rules::ALL {
        let (found, left) = examples(rule);
        skipped += left;
        if NEED_THE_ARCHIVE.contains(&rule.name)
            || LEFT_OUT.iter().any(|(name, _)| *name == rule.name)
        {
            skipped += found.len();
            continue;
        }
        for ex in found {
            let tmp = tempfile::tempdir().expect("a temporary folder");
            let empty = tempfile::tempdir().expect("a temporary folder");
            crate::testing::materialize(&valid, empty.path(), tmp.path()).expect("a copy");
            let path = tmp.path().join(&ex.file);
            let text = match std::fs::read_to_string(&path) {
                Ok(old) => merge(&old, &ex.toml),
                Err(_) => Ok(ex.toml.clone()),
            };
            let text = match text {
                Ok(t) => t,
                Err(e) => {
                    wrong.push(format!("{} ({}): does not merge: {e}", rule.name, ex.file));
                    continue;
                }
            };
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
            std::fs::write(&path, text).expect("write the example");
            if !ABOUT_THE_RECORD.contains(&rule.name)
                && crate::check(&Options {
                    dataset: tmp.path().to_owned(),
                    archive: None,
                })
                .is_ok_and(|r| r.dataset.is_some())
            {
                crate::testing::relock(tmp.path());
            }
            run += 1;
            for (way, codes) in ["reporting", "full"].into_iter().zip(both(tmp.path())) {
                if codes.contains(&rule.code) != ex.fails {
                    let what = if ex.fails { "fails" } else { "passes" };
                    wrong.push(format!(
                        "{} ({}): the example that {what} gives {codes:?} in the {way} check",
                        rule.name, ex.file
                    ));
                }
            }
        }
    }
    eprintln!("rule examples run through both drivers: {run}; left out: {skipped}");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(run >= 60, "only {run} examples ran");
}
