//! `cargo xtask diff OLD.json NEW.json`: what changed between two releases, in Markdown for a
//! changelog.
//!
//! Records are matched by id. A record whose id is only in the new release is added, only in
//! the old one removed; one in both whose serialized form differs is changed, and the entry
//! names the fields that differ (a claim's value is shown before and after). Sections come in
//! a fixed order and records sort by id, so the output is a function of the two releases.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use cadres_model::{Claim, Dataset, Entity, Property, Source};
use serde::Serialize;

/// A record that can be compared across releases: it has an id and a one-line summary.
trait Record: Serialize {
    /// The section heading: `Claims`.
    const SECTION: &'static str;
    /// The singular noun for the summary line: `claim`.
    const NOUN: &'static str;
    fn id(&self) -> &str;
    /// One line of Markdown saying what the record is.
    fn summary(&self) -> String;
}

impl Record for Claim {
    const SECTION: &'static str = "Claims";
    const NOUN: &'static str = "claim";
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn summary(&self) -> String {
        format!(
            "(about `{}`, `{}`: {}) {}",
            self.subject,
            self.property,
            escape(&self.value.to_string()),
            escape(&self.statement)
        )
    }
}

impl Record for Source {
    const SECTION: &'static str = "Sources";
    const NOUN: &'static str = "source";
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn summary(&self) -> String {
        escape(&self.title)
    }
}

impl Record for Entity {
    const SECTION: &'static str = "Entities";
    const NOUN: &'static str = "entity";
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn summary(&self) -> String {
        format!("{} ({})", escape(self.label()), self.kind)
    }
}

impl Record for Property {
    const SECTION: &'static str = "Properties";
    const NOUN: &'static str = "property";
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn summary(&self) -> String {
        escape(&self.label)
    }
}

/// What changed in one kind of record.
struct Section<'a, T> {
    added: Vec<&'a T>,
    removed: Vec<&'a T>,
    /// The old and new record and the names of the fields that differ.
    changed: Vec<(&'a T, &'a T, Vec<String>)>,
}

impl<'a, T: Record> Section<'a, T> {
    fn new(old: &'a [T], new: &'a [T]) -> Self {
        let old: BTreeMap<&str, &T> = old.iter().map(|r| (r.id(), r)).collect();
        let new: BTreeMap<&str, &T> = new.iter().map(|r| (r.id(), r)).collect();
        let mut section = Section {
            added: Vec::new(),
            removed: Vec::new(),
            changed: Vec::new(),
        };
        for (id, n) in &new {
            match old.get(id) {
                None => section.added.push(*n),
                Some(o) => {
                    let fields = changed_fields(*o, *n);
                    if !fields.is_empty() {
                        section.changed.push((*o, *n, fields));
                    }
                }
            }
        }
        section.removed = old
            .iter()
            .filter(|(id, _)| !new.contains_key(*id))
            .map(|(_, o)| *o)
            .collect();
        section
    }

    fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    fn counts(&self) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let noun = if self.added.len() + self.removed.len() + self.changed.len() == 1 {
            T::NOUN.to_owned()
        } else {
            T::SECTION.to_lowercase()
        };
        Some(format!(
            "{noun}: {} added, {} removed, {} changed",
            self.added.len(),
            self.removed.len(),
            self.changed.len()
        ))
    }

    fn write(&self, out: &mut String, detail: impl Fn(&T, &T, &str) -> Option<String>) {
        if self.is_empty() {
            return;
        }
        let _ = writeln!(out, "\n### {}\n", T::SECTION);
        let lists: [(&str, Vec<String>); 3] = [
            (
                "Added",
                self.added
                    .iter()
                    .map(|r| format!("`{}`: {}", r.id(), r.summary()))
                    .collect(),
            ),
            (
                "Removed",
                self.removed
                    .iter()
                    .map(|r| format!("`{}`: {}", r.id(), r.summary()))
                    .collect(),
            ),
            (
                "Changed",
                self.changed
                    .iter()
                    .map(|(o, n, fields)| {
                        let parts: Vec<String> = fields
                            .iter()
                            .map(|f| match detail(o, n, f) {
                                Some(d) => format!("`{f}` ({d})"),
                                None => format!("`{f}`"),
                            })
                            .collect();
                        format!("`{}`: {}", n.id(), parts.join(", "))
                    })
                    .collect(),
            ),
        ];
        let mut first = true;
        for (heading, items) in lists {
            if items.is_empty() {
                continue;
            }
            if !first {
                out.push('\n');
            }
            first = false;
            let _ = writeln!(out, "{heading}:\n");
            for item in items {
                let _ = writeln!(out, "- {item}");
            }
        }
    }
}

/// The top-level fields whose serialized form differs, in name order.
fn changed_fields<T: Serialize>(old: &T, new: &T) -> Vec<String> {
    let as_map = |r: &T| match serde_json::to_value(r) {
        Ok(serde_json::Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    };
    let (old, new) = (as_map(old), as_map(new));
    let names: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    names
        .into_iter()
        .filter(|k| old.get(*k) != new.get(*k))
        .cloned()
        .collect()
}

/// The changes from `old` to `new` as a Markdown section for a changelog.
pub fn markdown(old: &Dataset, new: &Dataset) -> String {
    let mut out = format!(
        "## Changes from {} to {}\n",
        escape(&old.metadata.version),
        escape(&new.metadata.version)
    );
    let claims = Section::new(&old.claims, &new.claims);
    let sources = Section::new(&old.sources, &new.sources);
    let entities = Section::new(&old.entities, &new.entities);
    let properties = Section::new(&old.properties, &new.properties);
    let metadata = changed_fields(&old.metadata, &new.metadata);

    let counts: Vec<String> = [
        claims.counts(),
        sources.counts(),
        entities.counts(),
        properties.counts(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if counts.is_empty() && metadata.iter().all(|f| f == "version") {
        out.push_str("\nNo changes to the data.\n");
        return out;
    }
    if !counts.is_empty() {
        let _ = writeln!(out, "\n{}.", capitalize(&counts.join("; ")));
    }
    claims.write(&mut out, |o: &Claim, n: &Claim, field| match field {
        "value" => Some(format!(
            "{} → {}",
            escape(&o.value.to_string()),
            escape(&n.value.to_string())
        )),
        "rank" => Some(format!("{:?} → {:?}", o.rank, n.rank).to_lowercase()),
        _ => None,
    });
    sources.write(&mut out, |o: &Source, n: &Source, field| {
        (field == "title").then(|| format!("{} → {}", escape(&o.title), escape(&n.title)))
    });
    entities.write(&mut out, |o: &Entity, n: &Entity, field| {
        (field == "labels" && o.label() != n.label())
            .then(|| format!("{} → {}", escape(o.label()), escape(n.label())))
    });
    properties.write(&mut out, |_: &Property, _: &Property, _| None);
    let metadata: Vec<String> = metadata
        .into_iter()
        .filter(|f| f != "version")
        .map(|f| format!("`{f}`"))
        .collect();
    if !metadata.is_empty() {
        let _ = writeln!(out, "\n### Metadata\n\nChanged: {}", metadata.join(", "));
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// Text from the dataset made inert in Markdown: characters with a meaning are escaped and
/// line breaks become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Reads a release.
pub fn read(path: &Path) -> anyhow::Result<Dataset> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Dataset::from_json_str(&text).with_context(|| format!("reading {}", path.display()))
}

/// `cargo xtask diff`: prints the Markdown changes from `old` to `new`.
pub fn run(old: &Path, new: &Path) -> anyhow::Result<ExitCode> {
    let text = markdown(&read(old)?, &read(new)?);
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}
