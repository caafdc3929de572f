//! `dataset.json` and `dataset.schema.json`: the release for machines.

use std::io::{self, BufWriter, Write};

use cadres_model::schema::RecordKind;
use cadres_model::{Claim, Entity, Metadata, Property, Source};
use serde::Serialize;
use serde_json::ser::Formatter;

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
pub(crate) fn pretty(value: &impl Serialize, out: &mut dyn Write) -> Result<(), Error> {
    let mut w = BufWriter::with_capacity(1 << 16, out);
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut w,
        Pretty::default(),
    ))?;
    w.write_all(b"\n")?;
    w.flush()?;
    Ok(())
}

/// `serde_json`'s `PrettyFormatter` with its two-space indent, byte for byte, except that
/// a line break and the next line's indentation are written in one call rather than one
/// call per level.
#[derive(Default)]
struct Pretty {
    level: usize,
    has_value: bool,
}

/// The deepest level indented from [`BREAK`] in one slice.
const DEEPEST: usize = 32;

/// `",\n"` and the indentation of [`DEEPEST`] levels.
const BREAK: [u8; 2 + 2 * DEEPEST] = {
    let mut bytes = [b' '; 2 + 2 * DEEPEST];
    bytes[0] = b',';
    bytes[1] = b'\n';
    bytes
};

/// A line break (after a comma when `comma`) and the indentation of `level`.
fn new_line<W: ?Sized + Write>(w: &mut W, level: usize, comma: bool) -> io::Result<()> {
    let start = usize::from(!comma);
    if level <= DEEPEST {
        return w.write_all(&BREAK[start..2 + 2 * level]);
    }
    w.write_all(&BREAK[start..2])?;
    for _ in 0..level {
        w.write_all(b"  ")?;
    }
    Ok(())
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            new_line(w, self.level, false)?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        new_line(w, self.level, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            new_line(w, self.level, false)?;
        }
        w.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        new_line(w, self.level, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::pretty;

    #[test]
    fn pretty_is_serde_json_pretty() {
        let mut deep = json!([1, {}, []]);
        for i in 0..40 {
            deep = json!({ "a": [deep, i, { "b": [] }], "c": {}, "d": [[], {}, "x\n\"y"] });
        }
        for value in [
            json!(null),
            json!([]),
            json!({}),
            json!([[]]),
            json!({"a": {}}),
            deep,
        ] {
            let mut ours = Vec::new();
            pretty(&value, &mut ours).expect("writes");
            let mut theirs = serde_json::to_vec_pretty(&value).expect("serializes");
            theirs.push(b'\n');
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs)
            );
        }
    }
}
