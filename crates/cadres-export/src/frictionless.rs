//! `data/`: the dataset as a Frictionless tabular data package, for pandas, R, `DuckDB` and
//! spreadsheets: `datapackage.json` (a Table Schema per table, with types, primary keys
//! and foreign keys) and one CSV file per table.
//!
//! # CSV dialect
//!
//! RFC 4180: UTF-8 without a byte order mark, comma-separated, a header row, fields quoted
//! with `"` only when they need it (a doubled `"` inside), and every record ended by CRLF,
//! as the RFC says; the descriptor declares it in each resource's `dialect`. A missing
//! value is an empty field (the Table Schema default `missingValues: [""]`). Quoting is the
//! `csv` crate's, not ours.
//!
//! # Tables
//!
//! One row per record, rows in id order (then position order): `properties`, `sources`,
//! `source-names` and `source-references` (a source's names and reference list, in order),
//! `entities`, `labels` (labels and aliases), `claims`, `qualifiers`, `disputes`,
//! `citations`, `citation-cites` (the works a citation's source cites, in order) and
//! `citation-names` (the words of a quote that name an entity of its claim). A
//! claim's or qualifier's value is spread over typed `value_*` columns, only those of its
//! type filled, and is also given whole in `value_json`, in `dataset.json`'s form (the one
//! place a share's parts are). `docs/exports.md` lists every column.

use std::fmt::{Display, Write as _};
use std::io::Write;

use cadres_model::{
    Approximation, Cardinality, DateRelation, Edtf, EntityKind, Id, Name, Rank, SourceType,
    Value as ClaimValue, ValueType,
};
use serde_json::{Map, Value, json};

use crate::{Error, Sorted};

/// The folder the package is written to, inside the release.
pub const FOLDER: &str = "data";

/// A column: its name, Table Schema type, description, and extra schema keys
/// (`constraints`, `format`).
struct Field {
    name: &'static str,
    kind: &'static str,
    description: &'static str,
    extra: Option<Value>,
}

fn field(name: &'static str, kind: &'static str, description: &'static str) -> Field {
    Field {
        name,
        kind,
        description,
        extra: None,
    }
}

/// A column whose value is one of `values`.
fn one_of(name: &'static str, description: &'static str, values: &[&str]) -> Field {
    Field {
        extra: Some(json!({ "constraints": { "enum": values } })),
        ..field(name, "string", description)
    }
}

/// A column that must have a value.
fn required(mut f: Field) -> Field {
    let mut extra = match f.extra.take() {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    };
    let constraints = extra
        .entry("constraints")
        .or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(c) = constraints {
        c.insert("required".into(), Value::Bool(true));
    }
    f.extra = Some(Value::Object(extra));
    f
}

/// A foreign key: these columns refer to those of another table.
struct ForeignKey {
    fields: &'static [&'static str],
    resource: &'static str,
    reference: &'static [&'static str],
}

/// Writes a table's rows, in order.
type WriteRows = fn(&Sorted<'_>, &mut Rows<'_>) -> Result<(), Error>;

/// A table: its schema and what writes its rows.
struct Table {
    name: &'static str,
    description: &'static str,
    fields: Vec<Field>,
    primary_key: &'static [&'static str],
    foreign_keys: Vec<ForeignKey>,
    rows: WriteRows,
}

/// The CSV writer of one table, cell by cell: a missing value is an empty cell.
pub(crate) struct Rows<'w> {
    writer: csv::Writer<&'w mut dyn Write>,
    table: &'static str,
    columns: usize,
    cells: usize,
    /// Scratch space for cells formatted from values.
    text: String,
    json: Vec<u8>,
}

impl Rows<'_> {
    fn cell(&mut self, text: &str) -> Result<(), Error> {
        self.cells += 1;
        Ok(self.writer.write_field(text)?)
    }

    fn empty(&mut self) -> Result<(), Error> {
        self.cell("")
    }

    fn opt(&mut self, text: Option<&str>) -> Result<(), Error> {
        self.cell(text.unwrap_or(""))
    }

    /// A cell holding `value`'s `Display` text.
    fn show(&mut self, value: impl Display) -> Result<(), Error> {
        self.text.clear();
        write!(self.text, "{value}")?;
        self.cells += 1;
        Ok(self.writer.write_field(&self.text)?)
    }

    fn opt_show(&mut self, value: Option<impl Display>) -> Result<(), Error> {
        match value {
            Some(v) => self.show(v),
            None => self.empty(),
        }
    }

    /// A cell holding `value` in `dataset.json`'s form, empty if it does not serialize.
    fn json(&mut self, value: &impl serde::Serialize) -> Result<(), Error> {
        self.json.clear();
        if serde_json::to_writer(&mut self.json, value).is_err() {
            self.json.clear();
        }
        self.cells += 1;
        Ok(self.writer.write_field(&self.json)?)
    }

    /// Ends a row, which must have had one cell per column.
    fn end(&mut self) -> Result<(), Error> {
        if self.cells != self.columns {
            return Err(Error::Row {
                table: self.table,
                cells: self.cells,
                columns: self.columns,
            });
        }
        self.cells = 0;
        Ok(self.writer.write_record(None::<&[u8]>)?)
    }
}

impl Table {
    fn path(&self) -> String {
        format!("{}.csv", self.name)
    }

    /// Writes the table as RFC 4180 CSV with CRLF line ends.
    fn csv(&self, sorted: &Sorted<'_>, out: &mut dyn Write) -> Result<(), Error> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .buffer_capacity(1 << 16)
            .from_writer(out);
        writer.write_record(self.fields.iter().map(|f| f.name))?;
        let mut rows = Rows {
            writer,
            table: self.name,
            columns: self.fields.len(),
            cells: 0,
            text: String::new(),
            json: Vec::new(),
        };
        (self.rows)(sorted, &mut rows)?;
        rows.writer.flush()?;
        Ok(())
    }

    /// The table's resource in `datapackage.json`.
    fn resource(&self) -> Value {
        let fields: Vec<Value> = self
            .fields
            .iter()
            .map(|f| {
                let mut m = Map::new();
                m.insert("name".into(), json!(f.name));
                m.insert("type".into(), json!(f.kind));
                m.insert("description".into(), json!(f.description));
                if let Some(Value::Object(extra)) = &f.extra {
                    m.extend(extra.clone());
                }
                Value::Object(m)
            })
            .collect();
        let foreign_keys: Vec<Value> = self
            .foreign_keys
            .iter()
            .map(|k| {
                json!({
                    "fields": k.fields,
                    "reference": { "resource": k.resource, "fields": k.reference },
                })
            })
            .collect();
        let mut schema = Map::new();
        schema.insert("fields".into(), Value::Array(fields));
        schema.insert("primaryKey".into(), json!(self.primary_key));
        if !foreign_keys.is_empty() {
            schema.insert("foreignKeys".into(), Value::Array(foreign_keys));
        }
        schema.insert("missingValues".into(), json!([""]));
        json!({
            "profile": "tabular-data-resource",
            "name": self.name,
            "path": self.path(),
            "description": self.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {
                "delimiter": ",",
                "lineTerminator": "\r\n",
                "quoteChar": "\"",
                "doubleQuote": true,
                "header": true,
            },
            "schema": schema,
        })
    }
}

/// The tables' names, in the package's order; each is written to `data/<name>.csv`.
pub const TABLES: [&str; 12] = [
    "properties",
    "sources",
    "source-names",
    "source-references",
    "entities",
    "labels",
    "claims",
    "qualifiers",
    "disputes",
    "citations",
    "citation-cites",
    "citation-names",
];

/// The tables, in [`TABLES`] order.
fn tables() -> [Table; 12] {
    [
        properties(),
        sources(),
        source_names(),
        source_references(),
        entities(),
        labels(),
        claims(),
        qualifiers(),
        disputes(),
        citations(),
        citation_cites(),
        citation_names(),
    ]
}

/// A guess at the rank of the table `i` of [`TABLES`] by size, largest first.
pub(crate) fn weight(i: usize) -> usize {
    match TABLES.get(i) {
        Some(&"claims") => 0,
        Some(&"citations") => 1,
        Some(&"qualifiers") => 2,
        Some(&"citation-cites") => 3,
        Some(&"labels") => 4,
        _ => 5 + i,
    }
}

/// `data/<name>.csv` for the table `i` of [`TABLES`].
pub fn table(i: usize, sorted: &Sorted<'_>, out: &mut dyn Write) -> Result<(), Error> {
    let tables = tables();
    let table = tables.get(i).ok_or(Error::NoTable(i))?;
    debug_assert_eq!(table.name, TABLES[i]);
    table.csv(sorted, out)
}

/// `data/datapackage.json`: the package's descriptor.
pub fn package(sorted: &Sorted<'_>, out: &mut dyn Write) -> Result<(), Error> {
    let metadata = &sorted.dataset.metadata;
    let package = json!({
        "profile": "tabular-data-package",
        "name": "cadres",
        "title": metadata.title,
        "description": metadata.description,
        "version": metadata.version,
        "licenses": [{ "name": metadata.license }],
        "resources": tables().iter().map(Table::resource).collect::<Vec<_>>(),
    });
    crate::json::pretty(&package, out)
}

/// The names of a closed list's values, for a column's `enum`.
fn names<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| as_str(*v)).collect()
}

/// The value columns shared by `claims` and `qualifiers`.
fn value_fields() -> Vec<Field> {
    vec![
        required(one_of(
            "value_type",
            "The value's type; only the value_* columns of that type are filled.",
            &names(ValueType::ALL, ValueType::as_str),
        )),
        field(
            "value_entity",
            "string",
            "An entity value: the entity's id.",
        ),
        field(
            "value_date",
            "string",
            "A date value, as EDTF text: a date (`1962-02`, `1962~`) or an interval (`1962-01-11/1962-02-07`).",
        ),
        field(
            "value_earliest",
            "date",
            "A date value's first possible day; empty when it is open or unknown at the start.",
        ),
        field(
            "value_latest",
            "date",
            "A date value's last possible day; empty when it is open or unknown at the end.",
        ),
        field("value_amount", "integer", "A quantity's number."),
        one_of(
            "value_approximation",
            "How exactly the source gives a quantity's number.",
            &names(Approximation::ALL, Approximation::as_str),
        ),
        field("value_unit", "string", "What a quantity counts, singular."),
        field("value_text", "string", "A text value."),
        field("value_lang", "string", "A text value's language (BCP 47)."),
        required(field(
            "value_json",
            "object",
            "The value whole, as dataset.json gives it; the only column holding a share's parts.",
        )),
    ]
}

/// The cells of `value_fields` for one value.
fn value_cells(r: &mut Rows<'_>, value: &ClaimValue) -> Result<(), Error> {
    let (mut entity, mut date, mut quantity, mut text) = (None, None, None, None);
    match value {
        ClaimValue::Entity(id) => entity = Some(id),
        ClaimValue::Date(d) => date = Some(d),
        ClaimValue::Quantity(q) => quantity = Some(q),
        ClaimValue::Share(_) => {}
        ClaimValue::Text(t) => text = Some(t),
    }
    r.show(value.value_type())?;
    r.opt(entity.map(Id::as_str))?;
    r.opt_show(date)?;
    r.opt_show(date.and_then(Edtf::earliest))?;
    r.opt_show(date.and_then(Edtf::latest))?;
    r.opt_show(quantity.map(|q| q.amount))?;
    r.opt(quantity.map(|q| q.approximation.as_str()))?;
    r.opt(quantity.map(|q| q.unit.as_str()))?;
    r.opt(text.map(|t| t.text.as_str()))?;
    r.opt_show(text.map(|t| &t.lang))?;
    r.json(value)
}

fn kinds() -> Vec<&'static str> {
    EntityKind::ALL.iter().map(|k| k.as_str()).collect()
}

fn joined_kinds(kinds: &[EntityKind]) -> Option<String> {
    (!kinds.is_empty()).then(|| {
        kinds
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn properties() -> Table {
    Table {
        name: "properties",
        description: "The property vocabulary that claims and qualifiers draw on.",
        fields: vec![
            required(field("id", "string", "The property's id.")),
            required(field("label", "string", "A short English label.")),
            required(field("description", "string", "What the property means.")),
            required(one_of(
                "value_type",
                "The type its values take.",
                &names(ValueType::ALL, ValueType::as_str),
            )),
            required(one_of(
                "cardinality",
                "`single`: a subject has one true value; `multiple`: any number.",
                &names(Cardinality::ALL, Cardinality::as_str),
            )),
            field(
                "subject_kinds",
                "string",
                "The entity kinds it may describe, space-separated; empty means any.",
            ),
            field(
                "value_kinds",
                "string",
                "For entity values, the kinds the value may be, space-separated; empty means any.",
            ),
        ],
        primary_key: &["id"],
        foreign_keys: Vec::new(),
        rows: |sorted, r| {
            for p in &sorted.properties {
                r.cell(p.id.as_str())?;
                r.cell(&p.label)?;
                r.cell(&p.description)?;
                r.show(p.value_type)?;
                r.opt(Some(p.cardinality.as_str()))?;
                r.opt(joined_kinds(&p.subject_kinds).as_deref())?;
                r.opt(joined_kinds(&p.value_kinds).as_deref())?;
                r.end()?;
            }
            Ok(())
        },
    }
}

fn sources() -> Table {
    let types = names(SourceType::ALL, SourceType::as_str);
    Table {
        name: "sources",
        description: "The works claims rest on, with CSL-JSON's fields: the works read and the works they cite.",
        fields: vec![
            required(field("id", "string", "The source's id.")),
            required(one_of("type", "The CSL item type.", &types)),
            required(field(
                "title",
                "string",
                "The title in its original script.",
            )),
            field(
                "container_title",
                "string",
                "The journal, website or encyclopedia it appears in.",
            ),
            field("publisher", "string", "The publisher."),
            field("publisher_place", "string", "Where the publisher is."),
            field(
                "issued",
                "string",
                "When it was issued, as EDTF text with the source's precision (`1999`, `2016-07-22`).",
            ),
            field(
                "accessed",
                "string",
                "When it was read online, as EDTF text.",
            ),
            field(
                "archive_date",
                "string",
                "When an archived copy was made, as EDTF text.",
            ),
            field("isbn", "string", "The ISBN as printed."),
            Field {
                extra: Some(json!({ "format": "uri" })),
                ..field(
                    "url",
                    "string",
                    "Its web address, when its description gives one.",
                )
            },
            field("language", "string", "Its language (BCP 47)."),
            field("volume", "string", "Volume."),
            field("issue", "string", "Issue."),
            field("page", "string", "Page or page range."),
            field("medium", "string", "The format, such as PDF."),
            field("note", "string", "Anything else, in the compilers' words."),
            required(field(
                "read",
                "boolean",
                "Whether the work was read for this dataset (a citation names it as its source); `false` for a work only cited by another.",
            )),
            Field {
                extra: Some(json!({ "constraints": { "pattern": "[0-9a-f]{64}" } })),
                ..field(
                    "archived_text_sha256",
                    "string",
                    "For a work read: the SHA-256 of the archived text that was read (its pin).",
                )
            },
            field(
                "archived_text_length",
                "integer",
                "For a work read: the length in bytes of that archived text.",
            ),
            field(
                "quotes",
                "integer",
                "For a work read: how many citations quote it.",
            ),
            field(
                "verified_quotes",
                "integer",
                "For a work read: how many of those quotes were found verbatim in its pinned text.",
            ),
        ],
        primary_key: &["id"],
        foreign_keys: Vec::new(),
        rows: |sorted, r| {
            for x in &sorted.sources {
                r.cell(x.id.as_str())?;
                r.opt(Some(x.kind.as_str()))?;
                r.cell(&x.title)?;
                r.opt(x.container_title.as_deref())?;
                r.opt(x.publisher.as_deref())?;
                r.opt(x.publisher_place.as_deref())?;
                r.opt_show(x.issued.as_ref())?;
                r.opt_show(x.accessed.as_ref())?;
                r.opt_show(x.archive_date.as_ref())?;
                r.opt_show(x.isbn.as_ref())?;
                r.opt_show(x.url.as_ref())?;
                r.opt_show(x.language.as_ref())?;
                r.opt(x.volume.as_deref())?;
                r.opt(x.issue.as_deref())?;
                r.opt(x.page.as_deref())?;
                r.opt(x.medium.as_deref())?;
                r.opt(x.note.as_deref())?;
                r.show(sorted.read.contains(x.id.as_str()))?;
                let pin = x.archived_text.as_ref();
                r.opt_show(pin.map(|p| &p.sha256))?;
                r.opt_show(pin.map(|p| p.length))?;
                let verification = sorted.dataset.verification_of(&x.id);
                r.opt_show(verification.map(|v| v.quotes))?;
                r.opt_show(verification.map(|v| v.verified))?;
                r.end()?;
            }
            Ok(())
        },
    }
}

fn source_names() -> Table {
    Table {
        name: "source-names",
        description: "The authors and editors of each source, in the work's order.",
        fields: vec![
            required(field("source_id", "string", "The source.")),
            required(one_of("role", "Author or editor.", &["author", "editor"])),
            required(field(
                "position",
                "integer",
                "1 for the first name of that role.",
            )),
            field("family", "string", "The family name."),
            field("given", "string", "The given names."),
            field(
                "literal",
                "string",
                "A name kept whole, such as an organization's.",
            ),
            field(
                "as_cited",
                "string",
                "The name exactly as a citation prints it, when that differs.",
            ),
        ],
        primary_key: &["source_id", "role", "position"],
        foreign_keys: vec![ForeignKey {
            fields: &["source_id"],
            resource: "sources",
            reference: &["id"],
        }],
        rows: |sorted, r| {
            for source in &sorted.sources {
                for (role, names) in [("author", &source.author), ("editor", &source.editor)] {
                    for (i, name) in names.iter().enumerate() {
                        let Name {
                            family,
                            given,
                            literal,
                            as_cited,
                        } = name;
                        r.cell(source.id.as_str())?;
                        r.cell(role)?;
                        r.show(i + 1)?;
                        r.opt(family.as_deref())?;
                        r.opt(given.as_deref())?;
                        r.opt(literal.as_deref())?;
                        r.opt(as_cited.as_deref())?;
                        r.end()?;
                    }
                }
            }
            Ok(())
        },
    }
}

fn source_references() -> Table {
    Table {
        name: "source-references",
        description: "Each source's numbered reference list: the works it cites, in order.",
        fields: vec![
            required(field("source_id", "string", "The citing source.")),
            required(field(
                "position",
                "integer",
                "The reference's number in the list, from 1.",
            )),
            required(field("work_id", "string", "The work cited.")),
        ],
        primary_key: &["source_id", "position"],
        foreign_keys: vec![
            ForeignKey {
                fields: &["source_id"],
                resource: "sources",
                reference: &["id"],
            },
            ForeignKey {
                fields: &["work_id"],
                resource: "sources",
                reference: &["id"],
            },
        ],
        rows: |sorted, r| {
            for source in &sorted.sources {
                for (i, work) in source.references.iter().enumerate() {
                    r.cell(source.id.as_str())?;
                    r.show(i + 1)?;
                    r.cell(work.as_str())?;
                    r.end()?;
                }
            }
            Ok(())
        },
    }
}

fn entities() -> Table {
    Table {
        name: "entities",
        description: "The people, organizations, meetings, ideas and places claims are about.",
        fields: vec![
            required(field("id", "string", "The entity's id.")),
            required(one_of("kind", "What sort of thing it is.", &kinds())),
            required(field(
                "label",
                "string",
                "Its English label, else its first label by language tag (all labels are in labels.csv).",
            )),
            required(field(
                "description",
                "string",
                "What it is, in the compilers' words.",
            )),
        ],
        primary_key: &["id"],
        foreign_keys: Vec::new(),
        rows: |sorted, r| {
            for e in &sorted.entities {
                r.cell(e.id.as_str())?;
                r.show(e.kind)?;
                r.cell(e.label())?;
                r.cell(&e.description)?;
                r.end()?;
            }
            Ok(())
        },
    }
}

fn labels() -> Table {
    Table {
        name: "labels",
        description: "Every entity's names: one label per language, and any aliases.",
        fields: vec![
            required(field("entity_id", "string", "The entity.")),
            required(one_of(
                "type",
                "Its label, or another name it goes by.",
                &["label", "alias"],
            )),
            required(field("lang", "string", "The language tag (BCP 47).")),
            required(field(
                "position",
                "integer",
                "1 for a label; an alias's place among that language's aliases, from 1.",
            )),
            required(field("text", "string", "The name.")),
        ],
        primary_key: &["entity_id", "type", "lang", "position"],
        foreign_keys: vec![ForeignKey {
            fields: &["entity_id"],
            resource: "entities",
            reference: &["id"],
        }],
        rows: |sorted, r| {
            for entity in &sorted.entities {
                for (lang, label) in &entity.labels {
                    r.cell(entity.id.as_str())?;
                    r.cell("label")?;
                    r.show(lang)?;
                    r.cell("1")?;
                    r.cell(label)?;
                    r.end()?;
                }
                for (lang, aliases) in &entity.aliases {
                    for (i, alias) in aliases.iter().enumerate() {
                        r.cell(entity.id.as_str())?;
                        r.cell("alias")?;
                        r.show(lang)?;
                        r.show(i + 1)?;
                        r.cell(alias)?;
                        r.end()?;
                    }
                }
            }
            Ok(())
        },
    }
}

fn claims() -> Table {
    let mut fields = vec![
        required(field("id", "string", "The claim's id.")),
        required(field("subject", "string", "The entity the claim is about.")),
        required(field("property", "string", "The property.")),
    ];
    fields.extend(value_fields());
    fields.extend([
        required(one_of(
            "rank",
            "How the claim stands against others of the same subject and property.",
            &names(Rank::ALL, Rank::as_str),
        )),
        field("rank_reason", "string", "Why the rank is not normal."),
        required(field(
            "statement",
            "string",
            "The claim in one sentence, in the compilers' words.",
        )),
    ]);
    Table {
        name: "claims",
        description: "One statement about an entity each: a property and a typed value. Its evidence is in citations.csv.",
        fields,
        primary_key: &["id"],
        foreign_keys: vec![
            ForeignKey {
                fields: &["subject"],
                resource: "entities",
                reference: &["id"],
            },
            ForeignKey {
                fields: &["property"],
                resource: "properties",
                reference: &["id"],
            },
            ForeignKey {
                fields: &["value_entity"],
                resource: "entities",
                reference: &["id"],
            },
        ],
        rows: |sorted, r| {
            for c in &sorted.claims {
                r.cell(c.id.as_str())?;
                r.cell(c.subject.as_str())?;
                r.cell(c.property.as_str())?;
                value_cells(r, &c.value)?;
                r.cell(c.rank.as_str())?;
                r.opt(c.rank_reason.as_deref())?;
                r.cell(&c.statement)?;
                r.end()?;
            }
            Ok(())
        },
    }
}

fn qualifiers() -> Table {
    let mut fields = vec![
        required(field("claim_id", "string", "The claim qualified.")),
        required(field("property", "string", "The qualifier's property.")),
    ];
    fields.extend(value_fields());
    Table {
        name: "qualifiers",
        description: "Further detail on a claim (`point-in-time`, `location`, ...), one value per property.",
        fields,
        primary_key: &["claim_id", "property"],
        foreign_keys: vec![
            ForeignKey {
                fields: &["claim_id"],
                resource: "claims",
                reference: &["id"],
            },
            ForeignKey {
                fields: &["property"],
                resource: "properties",
                reference: &["id"],
            },
            ForeignKey {
                fields: &["value_entity"],
                resource: "entities",
                reference: &["id"],
            },
        ],
        rows: |sorted, r| {
            for claim in &sorted.claims {
                for (property, value) in &claim.qualifiers {
                    r.cell(claim.id.as_str())?;
                    r.cell(property.as_str())?;
                    value_cells(r, value)?;
                    r.end()?;
                }
            }
            Ok(())
        },
    }
}

fn disputes() -> Table {
    Table {
        name: "disputes",
        description: "Declared disagreements between claims of the same subject and property.",
        fields: vec![
            required(field(
                "claim_id",
                "string",
                "The claim that declares the dispute.",
            )),
            required(field(
                "with_claim_id",
                "string",
                "The claim it disagrees with.",
            )),
            required(one_of(
                "relation",
                "How the two values relate.",
                &names(DateRelation::ALL, DateRelation::as_str),
            )),
        ],
        primary_key: &["claim_id", "with_claim_id"],
        foreign_keys: vec![
            ForeignKey {
                fields: &["claim_id"],
                resource: "claims",
                reference: &["id"],
            },
            ForeignKey {
                fields: &["with_claim_id"],
                resource: "claims",
                reference: &["id"],
            },
        ],
        rows: |sorted, r| {
            for claim in &sorted.claims {
                for d in &claim.disputes {
                    r.cell(claim.id.as_str())?;
                    r.cell(d.with.as_str())?;
                    r.show(d.relation)?;
                    r.end()?;
                }
            }
            Ok(())
        },
    }
}

fn citations() -> Table {
    Table {
        name: "citations",
        description: "The evidence for each claim: the work read (source_id), where in it, and its words. The works that work cites are in citation-cites.csv.",
        fields: vec![
            required(field("claim_id", "string", "The claim supported.")),
            required(field(
                "position",
                "integer",
                "The citation's place among the claim's citations, from 1.",
            )),
            required(field("source_id", "string", "The work that was read.")),
            field(
                "locator",
                "string",
                "Where in it: a section heading, `lead`, or a page.",
            ),
            field(
                "quote",
                "string",
                "The source's words, verbatim, in their language.",
            ),
        ],
        primary_key: &["claim_id", "position"],
        foreign_keys: vec![
            ForeignKey {
                fields: &["claim_id"],
                resource: "claims",
                reference: &["id"],
            },
            ForeignKey {
                fields: &["source_id"],
                resource: "sources",
                reference: &["id"],
            },
        ],
        rows: |sorted, r| {
            for claim in &sorted.claims {
                for (i, c) in claim.citations.iter().enumerate() {
                    r.cell(claim.id.as_str())?;
                    r.show(i + 1)?;
                    r.cell(c.source.as_str())?;
                    r.opt(c.locator.as_deref())?;
                    r.opt(c.quote.as_deref())?;
                    r.end()?;
                }
            }
            Ok(())
        },
    }
}

fn citation_cites() -> Table {
    Table {
        name: "citation-cites",
        description: "The works a citation's source cites for the quoted words (its footnotes), in its order. They were not read for this dataset.",
        fields: vec![
            required(field("claim_id", "string", "The claim.")),
            required(field(
                "citation",
                "integer",
                "The citation's position in citations.csv.",
            )),
            required(field(
                "position",
                "integer",
                "The work's place among the citation's footnotes, from 1.",
            )),
            required(field("work_id", "string", "The work cited.")),
        ],
        primary_key: &["claim_id", "citation", "position"],
        foreign_keys: vec![
            ForeignKey {
                fields: &["claim_id", "citation"],
                resource: "citations",
                reference: &["claim_id", "position"],
            },
            ForeignKey {
                fields: &["work_id"],
                resource: "sources",
                reference: &["id"],
            },
        ],
        rows: |sorted, r| {
            for claim in &sorted.claims {
                for (i, c) in claim.citations.iter().enumerate() {
                    for (j, work) in c.cites.iter().enumerate() {
                        r.cell(claim.id.as_str())?;
                        r.show(i + 1)?;
                        r.show(j + 1)?;
                        r.cell(work.as_str())?;
                        r.end()?;
                    }
                }
            }
            Ok(())
        },
    }
}

fn citation_names() -> Table {
    Table {
        name: "citation-names",
        description: "The words of a citation's quote that name an entity of its claim (its subject, or the entity that is its value), where none of that entity's labels and aliases does, or where they could name another entity too: the name as the source gives it (as-named).",
        fields: vec![
            required(field("claim_id", "string", "The claim.")),
            required(field(
                "citation",
                "integer",
                "The citation's position in citations.csv.",
            )),
            required(field(
                "entity_id",
                "string",
                "The entity named: the claim's subject or its value.",
            )),
            required(field(
                "words",
                "string",
                "The words of the quote that name it, as the quote writes them.",
            )),
        ],
        primary_key: &["claim_id", "citation", "entity_id"],
        foreign_keys: vec![
            ForeignKey {
                fields: &["claim_id", "citation"],
                resource: "citations",
                reference: &["claim_id", "position"],
            },
            ForeignKey {
                fields: &["entity_id"],
                resource: "entities",
                reference: &["id"],
            },
        ],
        rows: |sorted, r| {
            for claim in &sorted.claims {
                for (i, c) in claim.citations.iter().enumerate() {
                    for (entity, words) in &c.as_named {
                        r.cell(claim.id.as_str())?;
                        r.show(i + 1)?;
                        r.cell(entity.as_str())?;
                        r.cell(words)?;
                        r.end()?;
                    }
                }
            }
            Ok(())
        },
    }
}
