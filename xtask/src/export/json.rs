//! `dataset.json` and `dataset.schema.json`: the release for machines.

use std::io::{BufWriter, Write};

use cadres_model::schema::RecordKind;
use cadres_model::{Claim, Entity, Metadata, Property, Source};
use serde::Serialize;

use super::Sorted;

/// A [`cadres_model::Dataset`] as it serializes, its lists borrowed in id order: the same
/// fields in the same order, so the same bytes as the dataset sorted by id.
#[derive(Serialize)]
struct DatasetView<'a> {
    schema_version: u32,
    metadata: &'a Metadata,
    properties: &'a [&'a Property],
    sources: &'a [&'a Source],
    entities: &'a [&'a Entity],
    claims: &'a [&'a Claim],
}

/// The dataset in the model's serde form: pretty-printed, lists in id order, keys in the
/// model's field order, ending in a newline.
pub(crate) fn dataset(sorted: &Sorted<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    let view = DatasetView {
        schema_version: sorted.dataset.schema_version,
        metadata: &sorted.dataset.metadata,
        properties: &sorted.properties,
        sources: &sorted.sources,
        entities: &sorted.entities,
        claims: &sorted.claims,
    };
    pretty(&view, out)
}

/// The JSON Schema of a release, byte for byte the `schema/dataset.schema.json` that
/// `cargo xtask schema` writes.
pub(crate) fn schema(out: &mut dyn Write) -> anyhow::Result<()> {
    pretty(&RecordKind::Dataset.json_schema(), out)
}

/// `value` pretty-printed as `serde_json::to_vec_pretty` does, and a newline.
pub(crate) fn pretty(value: &impl Serialize, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut w = BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut w, value)?;
    w.write_all(b"\n")?;
    w.flush()?;
    Ok(())
}
