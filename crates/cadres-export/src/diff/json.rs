//! The machine-readable delta (`--format json`), described field by field in `docs/diff.md`.
//!
//! It depends on the two datasets alone: a dataset folder and the release exported from
//! it give the same delta, and the input paths are not in it.

use cadres_model::{Claim, Entity, Property, Source};
use serde::Serialize;

use super::delta::{Delta, Field, Kind, Record, VersionWarning};

/// The version of this JSON form: raised when a field is removed or changes meaning.
pub const DIFF_FORMAT: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    diff_format: u32,
    from_version: &'a str,
    to_version: &'a str,
    version_warning: Option<&'a VersionWarning>,
    has_changes: bool,
    claims: KindJson<'a, Claim>,
    entities: KindJson<'a, Entity>,
    sources: KindJson<'a, Source>,
    properties: KindJson<'a, Property>,
    metadata: MetadataJson<'a>,
}

#[derive(Serialize)]
struct KindJson<'a, T> {
    added: &'a [&'a T],
    removed: &'a [&'a T],
    changed: Vec<ChangedJson<'a>>,
}

#[derive(Serialize)]
struct ChangedJson<'a> {
    id: &'a str,
    fields: &'a [Field],
}

#[derive(Serialize)]
struct MetadataJson<'a> {
    fields: &'a [Field],
}

fn kind<'a, T: Record>(kind: &'a Kind<'a, T>) -> KindJson<'a, T> {
    KindJson {
        added: &kind.added,
        removed: &kind.removed,
        changed: kind
            .changed
            .iter()
            .map(|c| ChangedJson {
                id: c.new.id(),
                fields: &c.fields,
            })
            .collect(),
    }
}

/// The delta as pretty-printed JSON, ending with a newline.
pub fn json(delta: &Delta<'_>) -> String {
    let report = Report {
        diff_format: DIFF_FORMAT,
        from_version: &delta.old.metadata.version,
        to_version: &delta.new.metadata.version,
        version_warning: delta.version_warning.as_ref(),
        has_changes: delta.has_changes(),
        claims: kind(&delta.claims),
        entities: kind(&delta.entities),
        sources: kind(&delta.sources),
        properties: kind(&delta.properties),
        metadata: MetadataJson {
            fields: &delta.metadata,
        },
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}
