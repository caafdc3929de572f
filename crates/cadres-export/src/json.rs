//! `dataset.json` and `dataset.schema.json`: the release for machines.

use std::io::{BufWriter, Write};

use cadres_model::schema::RecordKind;
use cadres_model::{Claim, Entity, Metadata, Property, Source};
use serde::Serialize;
use serde_json::ser::PrettyFormatter;

use crate::{Error, Sorted};

/// A [`cadres_model::Dataset`] as it serializes, its lists borrowed in id order: the same
/// fields in the same order, so the same bytes as the dataset sorted by id.
#[derive(Serialize)]
struct DatasetView<'a> {
    schema_version: cadres_model::SchemaVersion,
    metadata: &'a Metadata,
    properties: &'a [&'a Property],
    sources: &'a [&'a Source],
    entities: &'a [&'a Entity],
    claims: &'a [&'a Claim],
    quote_verification: &'a [cadres_model::QuoteVerification],
}

/// The dataset in the model's serde form: pretty-printed, lists in id order, keys in the
/// model's field order, ending in a newline.
pub fn dataset(sorted: &Sorted<'_>, out: &mut dyn Write) -> Result<(), Error> {
    let view = DatasetView {
        schema_version: sorted.dataset.schema_version,
        metadata: &sorted.dataset.metadata,
        properties: &sorted.properties,
        sources: &sorted.sources,
        entities: &sorted.entities,
        claims: &sorted.claims,
        quote_verification: &sorted.dataset.quote_verification,
    };
    pretty(&view, out)
}

/// The JSON Schema of a release, byte for byte the `schema/dataset.schema.json` that
/// `cargo xtask schema` writes.
pub fn schema(out: &mut dyn Write) -> Result<(), Error> {
    pretty(&RecordKind::Dataset.json_schema(), out)
}

/// `value` pretty-printed as `serde_json::to_vec_pretty` does, and a newline.
///
/// `serde_json`'s own `PrettyFormatter`. A hand formatter that wrote each line break and
/// its indentation in one call was measured against it on a 100k-claim export (`cargo
/// xtask export`, 2 cores, 9 runs each): best 2.12 s against 2.24 s, but 2.23 s against
/// 2.24 s in the last three, within the noise of runs; it was dropped as not worth its code.
pub(crate) fn pretty(value: &impl Serialize, out: &mut dyn Write) -> Result<(), Error> {
    let mut w = BufWriter::with_capacity(1 << 16, out);
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut w,
        PrettyFormatter::new(),
    ))?;
    w.write_all(b"\n")?;
    w.flush()?;
    Ok(())
}
