//! The exports for other tools, each read back by an implementation of its format rather
//! than by our own reading: `bibliography.json` rendered by a CSL processor (hayagriva),
//! `data/` read as CSV by the `csv` crate with its keys checked, and `dataset.jsonld`
//! checked for its shape (CI loads it into an RDF graph with rdflib). Snapshots of each
//! file for the valid fixture.

use std::collections::BTreeSet;
use std::path::Path;

use cadres_model::Dataset;
use hayagriva::archive::{ArchivedStyle, locales};
use hayagriva::citationberg::Style;
use hayagriva::citationberg::json as csl_json;
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
};
use xtask::export::{self, Release};

/// Checks and renders the dataset in `dir`, which must be valid.
#[track_caller]
fn release_of(dir: &Path) -> (Dataset, Release) {
    let report = cadres_validate::check(&cadres_validate::Options {
        dataset: dir.to_owned(),
        archive: None,
    })
    .expect("the dataset folder is readable");
    assert!(
        !report.has_errors(),
        "{} has errors: {:#?}",
        dir.display(),
        report.diagnostics
    );
    let dataset = report.dataset.expect("the dataset assembles");
    let release = export::render(&dataset).expect("the release renders");
    (dataset, release)
}

fn valid() -> (Dataset, Release) {
    release_of(&cadres_tests::fixture("valid"))
}

fn real() -> (Dataset, Release) {
    release_of(&cadres_tests::root().join("dataset"))
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

/// Every source of the real dataset renders as an entry in APA. Chicago author-date leaves
/// the entry of a well-known reference work (the Wikipedia article) empty, as the Chicago
/// Manual advises citing such works in notes only; its snapshot shows that empty line.
#[test]
fn real_bibliography_renders_every_source() {
    let (dataset, release) = real();
    let items = csl_items(&release);
    assert_eq!(items.len(), dataset.sources.len());
    let apa = rendered_bibliography(&items, "apa");
    assert_eq!(apa.lines().count(), dataset.sources.len(), "{apa}");
    assert!(
        apa.lines().all(|line| !line.trim().is_empty()),
        "an empty entry:\n{apa}"
    );
    for source in &dataset.sources {
        assert!(
            apa.contains(&source.title) || apa.contains(&source.title.replace('"', "")),
            "{} is not in the bibliography:\n{apa}",
            source.id
        );
    }
    let chicago = rendered_bibliography(&items, "chicago-author-date");
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
