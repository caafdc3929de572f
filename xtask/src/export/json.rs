//! `dataset.json` and `dataset.schema.json`: the release for machines.

use cadres_model::Dataset;
use cadres_model::schema::RecordKind;

/// The dataset in the model's serde form: pretty-printed, lists in id order, keys in the
/// model's field order, ending in a newline.
pub(crate) fn dataset(dataset: &Dataset) -> serde_json::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(dataset)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The JSON Schema of a release, byte for byte the `schema/dataset.schema.json` that
/// `cargo xtask schema` writes.
pub(crate) fn schema() -> serde_json::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(&RecordKind::Dataset.json_schema())?;
    bytes.push(b'\n');
    Ok(bytes)
}
