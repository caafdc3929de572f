//! The JSON Schemas of the dataset's file kinds and of a release, generated from the types.

use std::fmt;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};

use crate::{Dataset, EntityFile, Metadata, PropertiesFile, Source};

/// A kind of file: each dataset file is one of the first four; a release is the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    /// `dataset/metadata.toml`: [`Metadata`].
    Metadata,
    /// `dataset/properties.toml`: [`PropertiesFile`].
    Properties,
    /// `dataset/sources/<id>.toml`: [`Source`].
    Source,
    /// `dataset/entities/<kind>/<id>.toml`: [`EntityFile`].
    Entity,
    /// `dist/dataset.json`: [`Dataset`].
    Dataset,
}

impl RecordKind {
    /// Every kind, in order.
    pub const ALL: [RecordKind; 5] = [
        RecordKind::Metadata,
        RecordKind::Properties,
        RecordKind::Source,
        RecordKind::Entity,
        RecordKind::Dataset,
    ];

    /// The kebab-case name: `source`.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Metadata => "metadata",
            RecordKind::Properties => "properties",
            RecordKind::Source => "source",
            RecordKind::Entity => "entity",
            RecordKind::Dataset => "dataset",
        }
    }

    /// The schema's file name in `schema/`: `source.schema.json`.
    pub fn schema_file_name(self) -> String {
        format!("{}.schema.json", self.as_str())
    }

    /// The JSON Schema (draft 2020-12) of this kind.
    pub fn json_schema(self) -> Schema {
        match self {
            RecordKind::Metadata => generate::<Metadata>(),
            RecordKind::Properties => generate::<PropertiesFile>(),
            RecordKind::Source => generate::<Source>(),
            RecordKind::Entity => generate::<EntityFile>(),
            RecordKind::Dataset => tolerant(generate::<Dataset>()),
        }
    }
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The release's schema admits what a later minor version adds (see
/// [versioning](crate#versioning)): the records it shares with the files forbid unknown
/// keys there, so `additionalProperties: false` is dropped from every record (an object with
/// `properties`) but `Value`, whose one key names its type (a new key there is a new value
/// type, a major change). Maps keep their key patterns.
fn tolerant(mut schema: Schema) -> Schema {
    fn open(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                if map.contains_key("properties")
                    && map.get("additionalProperties") == Some(&serde_json::Value::Bool(false))
                {
                    map.remove("additionalProperties");
                }
                for (key, v) in map.iter_mut() {
                    if key != "Value" {
                        open(v);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(open),
            _ => {}
        }
    }
    if let Some(object) = schema.as_object_mut() {
        for v in object.values_mut() {
            open(v);
        }
        object.remove("additionalProperties");
    }
    schema
}

fn generate<T: JsonSchema>() -> Schema {
    SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>()
}
