//! The two drivers against each other on mutants of valid datasets.
//!
//! Each mutant is a valid dataset (the valid fixture, or the real one) with one edit of the
//! kind people make: a line dropped, a reference pointed at another id or at none, two
//! values of the same key swapped, a value put on another key, a line doubled. On each, the streaming driver must call
//! the dataset clean exactly when the full driver reports nothing, and when it stops, the
//! rule it names must be one the full driver reports. The test prints which rule codes the
//! mutants reached, and requires most of the cross-record rules among them.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::{MAX_FILES, Options};

/// A dataset's files: path relative to the dataset folder, and text.
type Files = Vec<(PathBuf, String)>;

fn read_dataset(dir: &Path) -> Files {
    fn walk(root: &Path, dir: &Path, out: &mut Files) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("the dataset folder")
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(root, &path, out);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                let rel = path.strip_prefix(root).expect("inside").to_owned();
                out.push((rel, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out
}

/// One edit, its choices drawn as numbers and resolved against the files.
#[derive(Debug, Clone)]
enum Edit {
    /// Drop line `line` of file `file`.
    DropLine { file: usize, line: usize },
    /// Double line `line` of file `file`.
    DoubleLine { file: usize, line: usize },
    /// Replace the `nth` quoted id reference in the dataset by the id `to`, or by a
    /// misspelling of the original when `to` is past the list.
    Repoint { nth: usize, to: usize },
    /// Swap the right-hand sides of two `key = value` lines with the same key.
    Swap { nth: usize, other: usize },
    /// Put the right-hand side of one `key = value` line on another, of any key.
    Retype { nth: usize, other: usize },
}

fn edits() -> impl Strategy<Value = Edit> {
    let n = 0..10_000usize;
    prop_oneof![
        (n.clone(), n.clone()).prop_map(|(file, line)| Edit::DropLine { file, line }),
        (n.clone(), n.clone()).prop_map(|(file, line)| Edit::DoubleLine { file, line }),
        (n.clone(), n.clone()).prop_map(|(nth, to)| Edit::Repoint { nth, to }),
        (n.clone(), n.clone()).prop_map(|(nth, other)| Edit::Swap { nth, other }),
        (n.clone(), n).prop_map(|(nth, other)| Edit::Retype { nth, other }),
    ]
}

/// The ids of the dataset: every `id = "..."` value.
fn ids(files: &Files) -> Vec<String> {
    let mut out = BTreeSet::new();
    for (_, text) in files {
        for line in text.lines() {
            if let Some(rest) = line.trim_start().strip_prefix("id = \"")
                && let Some(id) = rest.split('"').next()
            {
                out.insert(id.to_owned());
            }
        }
    }
    out.into_iter().collect()
}

/// `files` with `edit` applied, or `None` when the edit changes nothing.
fn apply(files: &Files, ids: &[String], edit: &Edit) -> Option<Files> {
    let mut out = files.clone();
    let toml: Vec<usize> = (0..files.len())
        .filter(|&i| files[i].0.extension().is_some_and(|e| e == "toml"))
        .collect();
    let lines = |text: &str| {
        text.split_inclusive('\n')
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    // Lines `key = value` (not comments, tables or continuations), by file and line.
    let assignments = || {
        let mut all = Vec::new();
        for &f in &toml {
            for (i, l) in lines(&files[f].1).iter().enumerate() {
                if let Some((key, _)) = l.split_once(" = ")
                    && !key.starts_with(['#', ' ', '['])
                {
                    all.push((key.to_owned(), f, i));
                }
            }
        }
        all
    };
    match *edit {
        Edit::DropLine { file, line } | Edit::DoubleLine { file, line } => {
            let f = toml[file % toml.len()];
            let mut ls = lines(&files[f].1);
            if ls.is_empty() {
                return None;
            }
            let at = line % ls.len();
            if matches!(edit, Edit::DropLine { .. }) {
                ls.remove(at);
            } else {
                let copy = ls[at].clone();
                ls.insert(at, copy);
            }
            out[f].1 = ls.concat();
        }
        Edit::Repoint { nth, to } => {
            // Every quoted occurrence of a known id, in file order.
            let mut places = Vec::new();
            for &f in &toml {
                let text = &files[f].1;
                for id in ids {
                    let quoted = format!("\"{id}\"");
                    places.extend(text.match_indices(&quoted).map(|(at, _)| (f, at, id)));
                }
            }
            places.sort();
            let (f, at, id) = *places.get(nth % places.len().max(1))?;
            let new = match ids.get(to % (ids.len() + ids.len() / 2 + 1)) {
                Some(other) if other != id => other.clone(),
                _ => format!("{id}x"),
            };
            let text = &files[f].1;
            out[f].1 = format!("{}\"{new}\"{}", &text[..at], &text[at + id.len() + 2..]);
        }
        Edit::Swap { nth, other } => {
            // Lines `key = value`, by key: swap two of one key.
            let mut by_key: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
            for (key, f, i) in assignments() {
                by_key.entry(key).or_default().push((f, i));
            }
            let keys: Vec<&Vec<(usize, usize)>> = by_key.values().filter(|v| v.len() > 1).collect();
            let group = keys.get(nth % keys.len().max(1))?;
            let (a, b) = (group[nth % group.len()], group[other % group.len()]);
            if a == b {
                return None;
            }
            let mut la = lines(&out[a.0].1);
            let mut lb = if a.0 == b.0 {
                la.clone()
            } else {
                lines(&out[b.0].1)
            };
            let (ka, va) = la[a.1]
                .split_once(" = ")
                .map(|(k, v)| (k.to_owned(), v.to_owned()))?;
            let (kb, vb) = lb[b.1]
                .split_once(" = ")
                .map(|(k, v)| (k.to_owned(), v.to_owned()))?;
            if va == vb {
                return None;
            }
            if a.0 == b.0 {
                la[a.1] = format!("{ka} = {vb}");
                la[b.1] = format!("{kb} = {va}");
                out[a.0].1 = la.concat();
            } else {
                la[a.1] = format!("{ka} = {vb}");
                lb[b.1] = format!("{kb} = {va}");
                out[a.0].1 = la.concat();
                out[b.0].1 = lb.concat();
            }
        }
        Edit::Retype { nth, other } => {
            let all = assignments();
            let (_, fa, la) = all.get(nth % all.len().max(1))?;
            let (_, fb, lb) = &all[other % all.len()];
            let value = lines(&files[*fb].1)[*lb].split_once(" = ")?.1.to_owned();
            let mut ls = lines(&files[*fa].1);
            let key = ls[*la].split_once(" = ")?.0.to_owned();
            ls[*la] = format!("{key} = {value}");
            out[*fa].1 = ls.concat();
        }
    }
    (out != *files).then_some(out)
}

/// The codes the full driver reports on `dir`, and the streaming driver's verdict.
fn both(dir: &Path) -> (Vec<&'static str>, Result<(), super::Doubt>) {
    let options = Options {
        dataset: dir.to_owned(),
        archive: None,
    };
    let lock = crate::verified::read(dir);
    let walk = crate::walk::walk(dir, MAX_FILES).expect("the walk runs");
    let streamed = match walk.diagnostics.first() {
        Some(d) => Err(super::Doubt {
            rule: crate::rules::by_code(d.code),
            file: Some(d.file.clone()),
        }),
        None => super::tests::verdict(&walk.files, lock.lock()),
    };
    let (full, _) = crate::full(
        &options,
        &crate::Tuning::default(),
        walk,
        &lock,
        crate::archive::Mode::Check,
        None,
    )
    .expect("the check runs");
    assert_eq!(
        super::tests::reported(dir),
        full.diagnostics,
        "the streaming check's diagnostics differ from the full check's"
    );
    (full.diagnostics.iter().map(|d| d.code).collect(), streamed)
}

#[test]
fn both_drivers_judge_every_mutant_alike() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bases: Vec<Files> = [root.join("tests/fixtures/valid"), root.join("dataset")]
        .iter()
        .map(|d| read_dataset(d))
        .collect();
    let reached: RefCell<BTreeMap<&'static str, usize>> = RefCell::default();
    let mut runner = TestRunner::new(Config {
        cases: 500,
        failure_persistence: None,
        ..Config::default()
    });
    let base_ids: Vec<Vec<String>> = bases.iter().map(ids).collect();
    runner
        .run(&(0..bases.len(), edits()), |(which, edit)| {
            let Some(files) = apply(&bases[which], &base_ids[which], &edit) else {
                return Ok(());
            };
            let dir = tempfile::tempdir().expect("a temporary folder");
            for (rel, text) in &files {
                let path = dir.path().join(rel);
                std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
                std::fs::write(&path, text).expect("write");
            }
            let (codes, streamed) = both(dir.path());
            for c in &codes {
                *reached.borrow_mut().entry(c).or_default() += 1;
            }
            match &streamed {
                Ok(()) => prop_assert!(
                    codes.is_empty(),
                    "{edit:?}: called clean, but the full check reports {codes:?}"
                ),
                Err(doubt) => {
                    prop_assert!(
                        !codes.is_empty(),
                        "{edit:?}: nothing to report, yet not proved clean ({doubt})"
                    );
                    if let Some(rule) = doubt.rule {
                        prop_assert!(
                            codes.contains(&rule.code),
                            "{edit:?}: the stream stopped on {doubt}, the full check reports {codes:?}"
                        );
                    }
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let reached = reached.into_inner();
    eprintln!("rule codes the mutants reached (diagnostics):");
    for (code, n) in &reached {
        let name = crate::rules::by_code(code).map_or("?", |r| r.name);
        eprintln!("  {code} {name}: {n}");
    }
    assert!(
        reached.len() >= 20,
        "the mutants reached only {} rules: {:?}",
        reached.len(),
        reached.keys()
    );
}
