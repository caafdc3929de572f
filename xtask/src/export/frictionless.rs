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
//! `citations` and `citation-cites` (the works a citation's source cites, in order). A
//! claim's or qualifier's value is spread over typed `value_*` columns, only those of its
//! type filled, and is also given whole in `value_json`, in `dataset.json`'s form (the one
//! place a share's parts are). `docs/exports.md` lists every column.

use cadres_model::{
    Claim, Dataset, EntityKind, Id, Name, Rank, Source, SourceType, Value as ClaimValue,
};
use serde_json::{Map, Value, json};

/// The folder the package is written to, inside the release.
pub(crate) const FOLDER: &str = "data";

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

/// A table: its schema and its rows (`None` is a missing value).
struct Table {
    name: &'static str,
    description: &'static str,
    fields: Vec<Field>,
    primary_key: &'static [&'static str],
    foreign_keys: Vec<ForeignKey>,
    rows: Vec<Vec<Option<String>>>,
}

impl Table {
    fn path(&self) -> String {
        format!("{}.csv", self.name)
    }

    /// The table as RFC 4180 CSV with CRLF line ends.
    fn csv(&self) -> anyhow::Result<Vec<u8>> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        writer.write_record(self.fields.iter().map(|f| f.name))?;
        for row in &self.rows {
            anyhow::ensure!(
                row.len() == self.fields.len(),
                "a row of {} has {} cells for {} columns",
                self.name,
                row.len(),
                self.fields.len()
            );
            writer.write_record(row.iter().map(|c| c.as_deref().unwrap_or("")))?;
        }
        Ok(writer
            .into_inner()
            .map_err(csv::IntoInnerError::into_error)?)
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

/// The package's files, `data/`-prefixed: `datapackage.json` and one CSV per table.
pub(crate) fn render(dataset: &Dataset) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let tables = tables(dataset);
    let mut files = Vec::new();
    for table in &tables {
        files.push((format!("{FOLDER}/{}", table.path()), table.csv()?));
    }
    let package = json!({
        "profile": "tabular-data-package",
        "name": "cadres",
        "title": dataset.metadata.title,
        "description": dataset.metadata.description,
        "version": dataset.metadata.version,
        "licenses": [{ "name": dataset.metadata.license }],
        "resources": tables.iter().map(Table::resource).collect::<Vec<_>>(),
    });
    let mut bytes = serde_json::to_vec_pretty(&package)?;
    bytes.push(b'\n');
    files.push((format!("{FOLDER}/datapackage.json"), bytes));
    Ok(files)
}

/// A present cell.
#[allow(clippy::needless_pass_by_value, clippy::unnecessary_wraps)] // reason: rows are lists of `Option` cells, built from values and references alike
fn s(text: impl ToString) -> Option<String> {
    Some(text.to_string())
}

fn opt<T: ToString>(value: Option<&T>) -> Option<String> {
    value.map(ToString::to_string)
}

/// The name of a serde enum variant (`kebab-case`), as `dataset.json` writes it.
fn name_of<T: serde::Serialize>(value: &T) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => Some(s),
        _ => None,
    }
}

const SOURCE_TYPES: [SourceType; 11] = [
    SourceType::Book,
    SourceType::Chapter,
    SourceType::ArticleJournal,
    SourceType::ArticleMagazine,
    SourceType::ArticleNewspaper,
    SourceType::EntryEncyclopedia,
    SourceType::EntryDictionary,
    SourceType::Webpage,
    SourceType::Report,
    SourceType::Speech,
    SourceType::Document,
];

const VALUE_TYPES: [&str; 5] = ["entity", "date", "quantity", "share", "text"];

/// The value columns shared by `claims` and `qualifiers`.
fn value_fields() -> Vec<Field> {
    vec![
        required(one_of(
            "value_type",
            "The value's type; only the value_* columns of that type are filled.",
            &VALUE_TYPES,
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
            &["exact", "about", "over", "under", "order-of-magnitude"],
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
fn value_cells(value: &ClaimValue) -> Vec<Option<String>> {
    let mut cells = vec![None; 11];
    cells[0] = s(value.value_type());
    match value {
        ClaimValue::Entity(id) => cells[1] = s(id),
        ClaimValue::Date(d) => {
            cells[2] = s(d);
            cells[3] = opt(d.earliest().as_ref());
            cells[4] = opt(d.latest().as_ref());
        }
        ClaimValue::Quantity(q) => {
            cells[5] = s(q.amount);
            cells[6] = name_of(&q.approximation);
            cells[7] = s(&q.unit);
        }
        ClaimValue::Share(_) => {}
        ClaimValue::Text(t) => {
            cells[8] = s(&t.text);
            cells[9] = s(&t.lang);
        }
    }
    cells[10] = serde_json::to_string(value).ok();
    cells
}

fn tables(dataset: &Dataset) -> Vec<Table> {
    vec![
        properties(dataset),
        sources(dataset),
        source_names(dataset),
        source_references(dataset),
        entities(dataset),
        labels(dataset),
        claims(dataset),
        qualifiers(dataset),
        disputes(dataset),
        citations(dataset),
        citation_cites(dataset),
    ]
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

fn properties(dataset: &Dataset) -> Table {
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
                &VALUE_TYPES,
            )),
            required(one_of(
                "cardinality",
                "`single`: a subject has one true value; `multiple`: any number.",
                &["single", "multiple"],
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
        rows: dataset
            .properties
            .iter()
            .map(|p| {
                vec![
                    s(&p.id),
                    s(&p.label),
                    s(&p.description),
                    s(p.value_type),
                    name_of(&p.cardinality),
                    joined_kinds(&p.subject_kinds),
                    joined_kinds(&p.value_kinds),
                ]
            })
            .collect(),
    }
}

fn sources(dataset: &Dataset) -> Table {
    let types: Vec<String> = SOURCE_TYPES.iter().filter_map(name_of).collect();
    let types: Vec<&str> = types.iter().map(String::as_str).collect();
    let read = |source: &Source| {
        dataset
            .claims
            .iter()
            .flat_map(|c| &c.citations)
            .any(|c| c.source == source.id)
    };
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
        ],
        primary_key: &["id"],
        foreign_keys: Vec::new(),
        rows: dataset
            .sources
            .iter()
            .map(|x| {
                vec![
                    s(&x.id),
                    name_of(&x.kind),
                    s(&x.title),
                    x.container_title.clone(),
                    x.publisher.clone(),
                    x.publisher_place.clone(),
                    opt(x.issued.as_ref()),
                    opt(x.accessed.as_ref()),
                    opt(x.archive_date.as_ref()),
                    opt(x.isbn.as_ref()),
                    opt(x.url.as_ref()),
                    opt(x.language.as_ref()),
                    x.volume.clone(),
                    x.issue.clone(),
                    x.page.clone(),
                    x.medium.clone(),
                    x.note.clone(),
                    s(read(x)),
                ]
            })
            .collect(),
    }
}

fn source_names(dataset: &Dataset) -> Table {
    let mut rows = Vec::new();
    for source in &dataset.sources {
        for (role, names) in [("author", &source.author), ("editor", &source.editor)] {
            for (i, name) in names.iter().enumerate() {
                let Name {
                    family,
                    given,
                    literal,
                    as_cited,
                } = name;
                rows.push(vec![
                    s(&source.id),
                    s(role),
                    s(i + 1),
                    family.clone(),
                    given.clone(),
                    literal.clone(),
                    as_cited.clone(),
                ]);
            }
        }
    }
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
        rows,
    }
}

fn source_references(dataset: &Dataset) -> Table {
    let mut rows = Vec::new();
    for source in &dataset.sources {
        for (i, work) in source.references.iter().enumerate() {
            rows.push(vec![s(&source.id), s(i + 1), s(work)]);
        }
    }
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
        rows,
    }
}

fn entities(dataset: &Dataset) -> Table {
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
        rows: dataset
            .entities
            .iter()
            .map(|e| vec![s(&e.id), s(e.kind), s(e.label()), s(&e.description)])
            .collect(),
    }
}

fn labels(dataset: &Dataset) -> Table {
    let mut rows = Vec::new();
    for entity in &dataset.entities {
        for (lang, label) in &entity.labels {
            rows.push(vec![s(&entity.id), s("label"), s(lang), s(1), s(label)]);
        }
        for (lang, aliases) in &entity.aliases {
            for (i, alias) in aliases.iter().enumerate() {
                rows.push(vec![s(&entity.id), s("alias"), s(lang), s(i + 1), s(alias)]);
            }
        }
    }
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
        rows,
    }
}

fn claims(dataset: &Dataset) -> Table {
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
            &["preferred", "normal", "deprecated"],
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
        rows: dataset
            .claims
            .iter()
            .map(|c: &Claim| {
                let mut row = vec![s(&c.id), s(&c.subject), s(&c.property)];
                row.extend(value_cells(&c.value));
                row.extend([
                    name_of::<Rank>(&c.rank),
                    c.rank_reason.clone(),
                    s(&c.statement),
                ]);
                row
            })
            .collect(),
    }
}

fn qualifiers(dataset: &Dataset) -> Table {
    let mut fields = vec![
        required(field("claim_id", "string", "The claim qualified.")),
        required(field("property", "string", "The qualifier's property.")),
    ];
    fields.extend(value_fields());
    let mut rows = Vec::new();
    for claim in &dataset.claims {
        for (property, value) in &claim.qualifiers {
            let mut row = vec![s(&claim.id), s(property)];
            row.extend(value_cells(value));
            rows.push(row);
        }
    }
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
        rows,
    }
}

fn disputes(dataset: &Dataset) -> Table {
    let mut rows = Vec::new();
    for claim in &dataset.claims {
        for d in &claim.disputes {
            rows.push(vec![s(&claim.id), s(&d.with), s(d.relation)]);
        }
    }
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
                &["same", "refinement", "overlap", "contradiction"],
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
        rows,
    }
}

fn citations(dataset: &Dataset) -> Table {
    let mut rows = Vec::new();
    for claim in &dataset.claims {
        for (i, c) in claim.citations.iter().enumerate() {
            rows.push(vec![
                s(&claim.id),
                s(i + 1),
                s(&c.source),
                c.locator.clone(),
                c.quote.clone(),
            ]);
        }
    }
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
        rows,
    }
}

fn citation_cites(dataset: &Dataset) -> Table {
    let mut rows = Vec::new();
    for claim in &dataset.claims {
        for (i, c) in claim.citations.iter().enumerate() {
            for (j, work) in c.cites.iter().enumerate() {
                let work: &Id = work;
                rows.push(vec![s(&claim.id), s(i + 1), s(j + 1), s(work)]);
            }
        }
    }
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
        rows,
    }
}
