//! The exports for other tools, each read back by an implementation of its format rather
//! than by our own reading: `bibliography.json` rendered by a CSL processor (hayagriva),
//! `data/` read as CSV by the `csv` crate with its keys checked, and `dataset.jsonld`
//! checked for its shape (CI loads it into an RDF graph with rdflib). Snapshots of each
//! file for the valid fixture.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::release_of;
use cadres_export::{self as export, Release};
use cadres_model::Dataset;
use hayagriva::archive::{ArchivedStyle, locales};
use hayagriva::citationberg::Style;
use hayagriva::citationberg::json as csl_json;
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
};

fn valid() -> (Dataset, Release) {
    release_of(&crate::support::fixture("valid"))
}

fn real() -> (Dataset, Release) {
    release_of(&crate::support::root().join("dataset"))
}

#[track_caller]
fn text(release: &Release, name: &str) -> String {
    String::from_utf8(
        release
            .file(name)
            .unwrap_or_else(|| panic!("the release has {name}"))
            .to_vec(),
    )
    .expect("utf-8")
}

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots/exports");
    settings.set_prepend_module_to_snapshot(false);
    settings
}

// ---------------------------------------------------------------------------------------
// CSL-JSON

/// The bibliography as a CSL processor reads it: hayagriva's CSL-JSON items.
///
/// hayagriva (through citationberg) reads an item as a flat map of strings, numbers, names
/// and dates, so it refuses `custom`, the one object-valued field of CSL-JSON 1.0.2, which
/// no CSL style renders. Only `custom` is taken out; every other field goes to the
/// processor as written.
fn csl_items(release: &Release) -> Vec<csl_json::Item> {
    let mut items: Vec<serde_json::Value> =
        serde_json::from_str(&text(release, "bibliography.json")).expect("a JSON array");
    for item in &mut items {
        let fields = item.as_object_mut().expect("each item is an object");
        assert!(
            fields.remove("custom").is_some_and(|c| c.is_object()),
            "every item has a custom object"
        );
    }
    items
        .into_iter()
        .map(|item| serde_json::from_value(item).expect("an item that hayagriva reads"))
        .collect()
}

/// The bibliography rendered by hayagriva in the bundled style `style`, one plain-text
/// entry per line, in the style's order.
fn rendered_bibliography(items: &[csl_json::Item], style: &str) -> String {
    let Style::Independent(style) = ArchivedStyle::by_name(style)
        .expect("a bundled style")
        .get()
    else {
        panic!("{style} is a dependent style");
    };
    let locales = locales();
    let mut driver: BibliographyDriver<'_, csl_json::Item> = BibliographyDriver::new();
    driver.citation(CitationRequest::from_items(
        items.iter().map(CitationItem::with_entry).collect(),
        &style,
        &locales,
    ));
    let rendered = driver.finish(BibliographyRequest::new(&style, None, &locales));
    let bibliography = rendered.bibliography.expect("the style has a bibliography");
    let mut out = String::new();
    for item in bibliography.items {
        item.content
            .write_buf(&mut out, BufWriteFormat::Plain)
            .expect("writes to a string");
        out.push('\n');
    }
    out
}

#[test]
fn bibliography_snapshots_and_renders_in_chicago_and_apa() {
    let (_, release) = valid();
    let items = csl_items(&release);
    snapshot_settings().bind(|| {
        insta::assert_snapshot!(
            "valid-bibliography.json",
            text(&release, "bibliography.json")
        );
        insta::assert_snapshot!(
            "valid-bibliography-chicago-author-date.txt",
            rendered_bibliography(&items, "chicago-author-date")
        );
        insta::assert_snapshot!(
            "valid-bibliography-apa.txt",
            rendered_bibliography(&items, "apa")
        );
    });
}

/// Every source of the real dataset renders as an entry, with its title, in APA and in
/// Chicago author-date. Chicago leaves out an unsigned reference entry with no URL (the
/// Manual cites well-known reference works in the text only), so the export gives the
/// Wikipedia article the type `webpage` (docs/exports.md).
#[test]
fn real_bibliography_renders_every_source() {
    let (dataset, release) = real();
    let items = csl_items(&release);
    assert_eq!(items.len(), dataset.sources.len());
    let apa = rendered_bibliography(&items, "apa");
    let chicago = rendered_bibliography(&items, "chicago-author-date");
    for rendered in [&apa, &chicago] {
        assert_eq!(
            rendered.lines().count(),
            dataset.sources.len(),
            "{rendered}"
        );
        assert!(
            rendered.lines().all(|line| !line.trim().is_empty()),
            "an empty entry:\n{rendered}"
        );
        // Chicago title-cases English titles ("And", "down"): compared case-blind.
        let folded = rendered.to_lowercase();
        for source in &dataset.sources {
            let title = source.title.to_lowercase();
            assert!(
                folded.contains(&title) || folded.contains(&title.replace('"', "")),
                "{} is not in the bibliography:\n{rendered}",
                source.id
            );
        }
    }
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("real-bibliography-apa.txt", apa);
        insta::assert_snapshot!("real-bibliography-chicago-author-date.txt", chicago);
    });
}

#[test]
fn bibliography_keeps_precision_and_both_levels_of_provenance() {
    let (dataset, release) = real();
    let items: Vec<serde_json::Value> =
        serde_json::from_str(&text(&release, "bibliography.json")).expect("json");
    let read: BTreeSet<&str> = dataset
        .claims
        .iter()
        .flat_map(|c| &c.citations)
        .map(|c| c.source.as_str())
        .collect();
    for (item, source) in items.iter().zip(&dataset.sources) {
        assert_eq!(item["id"], source.id.as_str());
        assert_eq!(
            item["custom"]["read"],
            read.contains(source.id.as_str()),
            "{}",
            source.id
        );
        if let Some(issued) = &source.issued {
            let parts = item["issued"]["date-parts"][0]
                .as_array()
                .expect("date-parts");
            let precision =
                1 + usize::from(issued.month().is_some()) + usize::from(issued.day().is_some());
            assert_eq!(parts.len(), precision, "{}", source.id);
        }
        assert_eq!(
            item["custom"]["archive-date"].as_str(),
            source.archive_date.map(|d| d.to_string()).as_deref()
        );
    }
    let macfarquhar = items
        .iter()
        .find(|i| i["id"] == "macfarquhar-1999")
        .expect("the book is in the bibliography");
    assert_eq!(
        macfarquhar["issued"]["date-parts"],
        serde_json::json!([[1999]])
    );
    assert_eq!(macfarquhar["custom"]["read"], false);
    assert_eq!(
        macfarquhar["custom"]["cited-by"],
        serde_json::json!(["wikipedia-seven-thousand-cadres-conference"])
    );
}

/// The CSL type is the source's own but for the two sources a Chicago style would drop or
/// misrender as typed: those are `webpage`s, with the recorded type under `custom`, and
/// nothing else about them changes.
#[test]
fn bibliography_changes_a_type_only_where_a_style_needs_it() {
    let (dataset, release) = real();
    let items: Vec<serde_json::Value> =
        serde_json::from_str(&text(&release, "bibliography.json")).expect("json");
    let mut changed = BTreeSet::new();
    for (item, source) in items.iter().zip(&dataset.sources) {
        let own = serde_json::to_value(source.kind).expect("a type");
        match item["custom"].get("recorded-type") {
            None => assert_eq!(item["type"], own, "{}", source.id),
            Some(recorded) => {
                assert_eq!(recorded, &own, "{}", source.id);
                assert_eq!(item["type"], "webpage", "{}", source.id);
                assert!(item.get("URL").is_none() && item.get("issued").is_none());
                changed.insert(source.id.as_str());
            }
        }
    }
    assert_eq!(
        changed,
        BTreeSet::from([
            "li-qiqian-ren-dahui-qishilu",
            "wikipedia-seven-thousand-cadres-conference"
        ])
    );
}

// ---------------------------------------------------------------------------------------
// Frictionless data package

/// A table of the package read back with the `csv` crate: its header and records.
struct Csv {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Csv {
    fn column(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {:?}", self.header))
    }

    /// The values of `columns` in each row, `None` when all are empty (a missing key).
    fn keys(&self, columns: &[String]) -> Vec<Option<Vec<String>>> {
        let at: Vec<usize> = columns.iter().map(|c| self.column(c)).collect();
        self.rows
            .iter()
            .map(|row| {
                let key: Vec<String> = at.iter().map(|&i| row[i].clone()).collect();
                (!key.iter().all(String::is_empty)).then_some(key)
            })
            .collect()
    }
}

fn read_csv(bytes: &[u8], name: &str) -> Csv {
    assert!(
        bytes.ends_with(b"\r\n"),
        "{name} ends with CRLF, as its dialect says"
    );
    let mut reader = csv::ReaderBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_reader(bytes);
    let header = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("{name}: {e}"))
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect();
    Csv { header, rows }
}

fn strings(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v.as_str().expect("a string").to_owned())
        .collect()
}

/// Reads every table of the package and checks what a Table Schema validator checks of
/// keys: the header is the schema's field list, every record has every column, primary
/// keys are unique and every foreign key resolves. Returns the tables by resource name.
fn check_package(release: &Release) -> std::collections::BTreeMap<String, Csv> {
    let package: serde_json::Value =
        serde_json::from_str(&text(release, "data/datapackage.json")).expect("json");
    assert_eq!(package["profile"], "tabular-data-package");
    let mut tables = std::collections::BTreeMap::new();
    let mut listed = BTreeSet::new();
    for resource in package["resources"].as_array().expect("resources") {
        let name = resource["name"].as_str().expect("a name").to_owned();
        let path = format!("data/{}", resource["path"].as_str().expect("a path"));
        listed.insert(path.clone());
        assert_eq!(resource["dialect"]["lineTerminator"], "\r\n");
        let csv = read_csv(release.file(&path).expect("the table's file"), &path);
        let fields: Vec<String> = resource["schema"]["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .map(|f| f["name"].as_str().expect("a field name").to_owned())
            .collect();
        assert_eq!(csv.header, fields, "{path}'s header is its schema's fields");
        for row in &csv.rows {
            assert_eq!(row.len(), fields.len(), "{path}: {row:?}");
        }
        tables.insert(name, (resource.clone(), csv));
    }
    let files: BTreeSet<String> = release
        .files
        .iter()
        .map(|(n, _)| n.clone())
        .filter(|n| n.starts_with("data/") && Path::new(n).extension().is_some_and(|e| e == "csv"))
        .collect();
    assert_eq!(listed, files, "every CSV file is a resource of the package");
    for (name, (resource, csv)) in &tables {
        let primary = strings(&resource["schema"]["primaryKey"]);
        let keys = csv.keys(&primary);
        let unique: BTreeSet<&Vec<String>> = keys.iter().flatten().collect();
        assert_eq!(
            unique.len(),
            csv.rows.len(),
            "{name}: primary key {primary:?} unique and present"
        );
        for fk in resource["schema"]["foreignKeys"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let fields = strings(&fk["fields"]);
            let target = fk["reference"]["resource"].as_str().expect("a resource");
            let (_, target_csv) = &tables[target];
            let referenced: BTreeSet<Vec<String>> = target_csv
                .keys(&strings(&fk["reference"]["fields"]))
                .into_iter()
                .flatten()
                .collect();
            for key in csv.keys(&fields).into_iter().flatten() {
                assert!(
                    referenced.contains(&key),
                    "{name}.{fields:?} = {key:?} is not in {target}"
                );
            }
        }
    }
    tables.into_iter().map(|(n, (_, csv))| (n, csv)).collect()
}

#[test]
fn data_package_snapshots() {
    let (_, release) = valid();
    check_package(&release);
    snapshot_settings().bind(|| {
        for (name, _) in release.files.iter().filter(|(n, _)| n.starts_with("data/")) {
            // Shown with LF line ends; `check_package` reads the CRLF ones.
            let snapshot = format!("valid-{}", name.replace('/', "-"));
            insta::assert_snapshot!(snapshot, text(&release, name).replace("\r\n", "\n"));
        }
    });
}

#[test]
fn data_package_holds_every_record_once_with_resolving_keys() {
    let (dataset, release) = real();
    let tables = check_package(&release);
    let count = |name: &str| tables[name].rows.len();
    assert_eq!(count("sources"), dataset.sources.len());
    assert_eq!(count("entities"), dataset.entities.len());
    assert_eq!(count("claims"), dataset.claims.len());
    assert_eq!(count("properties"), dataset.properties.len());
    let citations: usize = dataset.claims.iter().map(|c| c.citations.len()).sum();
    assert_eq!(count("citations"), citations);
    let cites: usize = dataset
        .claims
        .iter()
        .flat_map(|c| &c.citations)
        .map(|c| c.cites.len())
        .sum();
    assert_eq!(count("citation-cites"), cites);
    let names: usize = dataset
        .claims
        .iter()
        .flat_map(|c| &c.citations)
        .map(|c| c.as_named.len())
        .sum();
    assert!(names > 0, "the real dataset declares name forms");
    assert_eq!(count("citation-names"), names);
    let labels: usize = dataset
        .entities
        .iter()
        .map(|e| e.labels.len() + e.aliases.values().map(Vec::len).sum::<usize>())
        .sum();
    assert_eq!(count("labels"), labels);
    // A claim's value_json is the value as dataset.json gives it.
    let claims = &tables["claims"];
    let json = claims.column("value_json");
    for (row, claim) in claims.rows.iter().zip(&dataset.claims) {
        let value: cadres_model::Value = serde_json::from_str(&row[json]).expect("a value");
        assert_eq!(value, claim.value, "{}", claim.id);
    }
}

// ---------------------------------------------------------------------------------------
// JSON-LD (CI also loads it into an RDF graph with rdflib: .ci/jsonld_check.py)

fn jsonld(release: &Release) -> serde_json::Value {
    serde_json::from_str(&text(release, "dataset.jsonld")).expect("dataset.jsonld is JSON")
}

#[test]
fn jsonld_snapshot() {
    let (_, release) = valid();
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("valid-dataset.jsonld", text(&release, "dataset.jsonld"));
    });
}

/// The context: prefixes, which are IRIs to prefix rather than contexts to fetch, and
/// terms, each an IRI (or an `@id` with its coercion) that is a compact IRI of one of the
/// prefixes.
fn context_of(doc: &serde_json::Value) -> (BTreeSet<&str>, BTreeSet<&str>) {
    let context = doc["@context"]
        .as_object()
        .expect("an inline context object");
    let (mut prefixes, mut terms) = (BTreeSet::new(), BTreeSet::new());
    for (key, definition) in context {
        match definition.as_str() {
            Some(iri) if iri.ends_with(['/', '#', ':']) => {
                prefixes.insert(key.as_str());
            }
            _ => {
                terms.insert(key.as_str());
            }
        }
    }
    for term in &terms {
        let definition = &context[*term];
        let iri = definition
            .as_str()
            .or(definition["@id"].as_str())
            .unwrap_or_else(|| panic!("{term} is defined by an IRI: {definition}"));
        let (prefix, _) = iri
            .split_once(':')
            .unwrap_or_else(|| panic!("{term} = {iri} is a compact IRI"));
        assert!(
            prefixes.contains(prefix),
            "{term} = {iri}: {prefix} is a prefix of the context"
        );
    }
    (prefixes, terms)
}

/// Every key of every node is a keyword, a term of the context, or a compact IRI of one of
/// its prefixes: nothing a JSON-LD processor would drop as undefined.
fn assert_keys_defined(
    value: &serde_json::Value,
    prefixes: &BTreeSet<&str>,
    terms: &BTreeSet<&str>,
) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                let defined = key.starts_with('@')
                    || terms.contains(key.as_str())
                    || key
                        .split_once(':')
                        .is_some_and(|(prefix, _)| prefixes.contains(prefix));
                assert!(defined, "{key} is a keyword, a term or a compact IRI");
                assert_keys_defined(v, prefixes, terms);
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                assert_keys_defined(v, prefixes, terms);
            }
        }
        _ => {}
    }
}

#[test]
fn jsonld_keys_are_all_defined_by_the_inline_context() {
    for (_, release) in [valid(), real()] {
        let doc = jsonld(&release);
        let (prefixes, terms) = context_of(&doc);
        assert!(prefixes.contains("cadres") && terms.contains("subject"));
        assert_keys_defined(&doc["@graph"], &prefixes, &terms);
    }
}

/// The document is lean: one node a line, no indentation.
#[test]
fn jsonld_is_one_node_a_line() {
    let (dataset, release) = real();
    let text = text(&release, "dataset.jsonld");
    let lines: Vec<&str> = text.lines().collect();
    let nodes = 1
        + dataset.properties.len()
        + dataset.sources.len()
        + dataset.entities.len()
        + dataset.claims.len();
    // The context and the graph's opening, the nodes, the closing.
    assert_eq!(lines.len(), nodes + 2);
    assert!(lines.iter().all(|l| !l.starts_with(' ')), "no indentation");
    for line in &lines[1..=nodes] {
        let node = line.strip_suffix(',').unwrap_or(line);
        let node: serde_json::Value = serde_json::from_str(node).expect("a node per line");
        assert!(node["@id"].is_string(), "{line}");
    }
}

#[test]
fn jsonld_context_is_inline_and_provenance_has_two_levels() {
    let (dataset, release) = real();
    let doc = jsonld(&release);
    context_of(&doc);
    let graph = doc["@graph"].as_array().expect("a graph");
    let ids: BTreeSet<&str> = graph.iter().filter_map(|n| n["@id"].as_str()).collect();
    let claims: Vec<&serde_json::Value> = graph
        .iter()
        .filter(|n| n["@type"] == serde_json::json!(["rdf:Statement", "cadres:Claim"]))
        .collect();
    assert_eq!(claims.len(), dataset.claims.len());
    let mut citations = 0;
    for (node, claim) in claims.iter().zip(&dataset.claims) {
        assert_eq!(node["@id"], format!("claim:{}", claim.id));
        let subject = node["subject"].as_str().expect("a subject");
        assert!(ids.contains(subject), "{subject} is a node of the graph");
        let evidence = node["wasDerivedFrom"].as_array().expect("evidence");
        assert_eq!(evidence.len(), claim.citations.len());
        for (e, citation) in evidence.iter().zip(&claim.citations) {
            citations += 1;
            assert_eq!(
                e["wasQuotedFrom"],
                format!("source:{}", citation.source),
                "the work read"
            );
            assert_eq!(e["hasTarget"]["hasSource"], e["wasQuotedFrom"]);
            let cited: BTreeSet<String> = e["hadPrimarySource"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|w| w.as_str().expect("an id").to_owned())
                .collect();
            let expected: BTreeSet<String> = citation
                .cites
                .iter()
                .map(|w| format!("source:{w}"))
                .collect();
            assert_eq!(cited, expected, "the works it cites, not read");
            let selector = &e["hasTarget"]["hasSelector"];
            match &citation.quote {
                Some(quote) => {
                    assert_eq!(selector["@type"], "oa:TextQuoteSelector");
                    let exact = &selector["exact"];
                    let exact = exact["@value"].as_str().or(exact.as_str());
                    assert_eq!(exact, Some(quote.as_str()));
                }
                None => assert!(selector.is_null()),
            }
        }
    }
    let total: usize = dataset.claims.iter().map(|c| c.citations.len()).sum();
    assert_eq!(citations, total);
}

/// Text with quotes, commas, line breaks (LF and CRLF) and non-ASCII survives each format:
/// the CSV cell reads back as written, and the JSON files parse.
#[test]
fn awkward_text_survives_every_format() {
    let (mut dataset, _) = valid();
    let awkward = "a \"quoted\", comma;\r\nand a line\nbreak 七千人大会 ";
    dataset.claims[0].statement = awkward.to_owned();
    dataset.claims[0].citations[0].quote = Some(awkward.to_owned());
    dataset.sources[0].title = awkward.to_owned();
    let release = export::render(&dataset).expect("renders");
    let tables = check_package(&release);
    let claims = &tables["claims"];
    assert_eq!(claims.rows[0][claims.column("statement")], awkward);
    let citations = &tables["citations"];
    assert_eq!(citations.rows[0][citations.column("quote")], awkward);
    let sources = &tables["sources"];
    assert_eq!(sources.rows[0][sources.column("title")], awkward);
    let items = csl_items(&release);
    assert_eq!(items.len(), dataset.sources.len());
    let doc = jsonld(&release);
    assert!(doc["@graph"].as_array().is_some_and(|g| !g.is_empty()));
}
