//! Root causes: record files that could not be loaded, and the references that wait on
//! them.
//!
//! A file that cannot be loaded (a wrong extension or name, text that is not UTF-8, an
//! unreadable or oversized file) defines nothing, so every reference to the id it would
//! define would fail too: renaming `sources/he-2016.toml` to `he-2016.tml` once gave 28
//! `unknown-source` errors before the one that said why. Instead, such a reference is
//! counted on the file's own diagnostic ([`Diagnostic::waiting`], with a note), which
//! comes first in the report, and warnings that only follow from the missing file (an
//! `unused-source` while an entity file is unread) are not emitted.

use std::collections::BTreeSet;
use std::sync::Mutex;

use cadres_model::EntityKind;
use cadres_model::schema::RecordKind;

use crate::Diagnostic;
use crate::load::Loaded;
use crate::render::plural;
use crate::rules;

/// What a root file would define.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Defines {
    /// A source, `sources/<id>.toml`.
    Source,
    /// An entity, `entities/<kind>/<id>.toml` (and its claims, which cannot be known).
    Entity,
}

/// A record file that could not be loaded.
#[derive(Debug)]
pub(crate) struct Root {
    /// The file, as [`Diagnostic::file`] names it.
    pub(crate) file: String,
    /// The id its name gives, and what it would be.
    pub(crate) id: String,
    pub(crate) defines: Defines,
    /// The name it should have, when it has another (`sources/he-2016.toml`).
    pub(crate) rename: Option<String>,
    /// The files whose references to `id` wait on it, by index, and how many references.
    waiting: Mutex<(usize, BTreeSet<usize>)>,
}

impl Root {
    fn new(file: String, id: String, defines: Defines, rename: Option<String>) -> Root {
        Root {
            file,
            id,
            defines,
            rename,
            waiting: Mutex::new((0, BTreeSet::new())),
        }
    }

    /// Counts one reference, from the file at index `from`, as waiting on this file.
    pub(crate) fn wait(&self, from: usize) {
        let mut w = self
            .waiting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        w.0 += 1;
        w.1.insert(from);
    }
}

/// The record files that could not be loaded: those the walk refused by their name, and
/// those loaded with no record and nothing recovered from their text.
pub(crate) fn find(walk: &[Diagnostic], loaded: &[Loaded]) -> Vec<Root> {
    let mut roots = Vec::new();
    for d in walk
        .iter()
        .filter(|d| d.name == rules::UNEXPECTED_FILE.name)
    {
        let Some((place, name)) = d.file.rsplit_once('/') else {
            continue;
        };
        let Some(defines) = defines(place) else {
            continue;
        };
        let stem = name.split('.').next().unwrap_or_default();
        if stem.is_empty() {
            continue;
        }
        let proper = format!("{place}/{stem}.toml");
        let rename = (proper != d.file).then_some(proper);
        roots.push(Root::new(d.file.clone(), stem.to_owned(), defines, rename));
    }
    for f in loaded {
        if f.record.is_some() || f.declared.is_some() {
            continue;
        }
        let defines = match f.kind {
            RecordKind::Source => Defines::Source,
            RecordKind::Entity => Defines::Entity,
            _ => continue,
        };
        let name = f.rel.rsplit('/').next().unwrap_or_default();
        let stem = name.strip_suffix(".toml").unwrap_or(name);
        roots.push(Root::new(f.rel.clone(), stem.to_owned(), defines, None));
    }
    roots
}

/// What a record file in the folder `place` (`sources`, `entities/person`) defines.
fn defines(place: &str) -> Option<Defines> {
    match place.split_once('/') {
        None if place == "sources" => Some(Defines::Source),
        Some(("entities", kind)) if EntityKind::from_name(kind).is_some() => Some(Defines::Entity),
        _ => None,
    }
}

/// Whether an entity file is unread: its citations are unknown, so no source can be said
/// to be unused.
pub(crate) fn entity_unread(roots: &[Root]) -> bool {
    roots.iter().any(|r| r.defines == Defines::Entity)
}

/// Puts on each root's own diagnostic the references that wait on it, and what to do.
pub(crate) fn annotate(roots: &[Root], diagnostics: &mut [Diagnostic]) {
    for root in roots {
        let (count, files) = std::mem::take(
            &mut *root
                .waiting
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        let entity = root.defines == Defines::Entity;
        if count == 0 && !entity {
            continue;
        }
        let Some(d) = diagnostics
            .iter_mut()
            .filter(|d| d.file == root.file && d.severity == crate::Severity::Error)
            .min_by(|a, b| a.sort_key().cmp(&b.sort_key()))
        else {
            continue;
        };
        let what = match root.defines {
            Defines::Source => "source",
            Defines::Entity => "entity",
        };
        let mut note = Vec::new();
        if count > 0 {
            note.push(format!(
                "{} in {} {} on this file: {} the {what} `{}`, which it would define",
                plural(count, "reference"),
                plural(files.len(), "file"),
                if count == 1 { "waits" } else { "wait" },
                if count == 1 { "it names" } else { "they name" },
                root.id,
            ));
            d.waiting = count;
            if let Some(rename) = &root.rename {
                d.help = Some(format!("rename it to `{rename}`"));
            }
        }
        if entity {
            note.push("until it loads, sources are not checked for being unused".to_owned());
        }
        d.note = Some(note.join("; "));
    }
}
