//! Reads a release and prints its timeline: every dated claim, in date order, with the
//! works read for it and the works those cite.
//!
//! ```text
//! cargo xtask export
//! cargo run -p cadres-model --example timeline -- dist/dataset.json
//! ```

use std::process::ExitCode;

use cadres_model::{Dataset, DateRole, Index};

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "dist/dataset.json".to_owned());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let dataset = match Dataset::from_json_str(&text) {
        Ok(dataset) => dataset,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let index = Index::new(&dataset);
    println!(
        "{} (version {}): timeline",
        dataset.metadata.title, dataset.metadata.version
    );
    for entry in index.timeline() {
        let subject = index
            .entity(entry.claim.subject.as_str())
            .map_or(entry.claim.subject.as_str(), |e| e.label());
        let role = match entry.role {
            DateRole::Value => String::new(),
            DateRole::Qualifier(property) => format!(" ({property})"),
        };
        println!(
            "{:<24} {subject}: {}{role}",
            entry.date.to_string(),
            entry.claim.statement
        );
        let read: Vec<&str> = index
            .sources_of(entry.claim)
            .iter()
            .map(|s| s.title.as_str())
            .collect();
        let cited: Vec<&str> = index
            .works_cited_by(entry.claim)
            .iter()
            .map(|s| s.title.as_str())
            .collect();
        println!("{:<24}   read: {}", "", read.join("; "));
        if !cited.is_empty() {
            println!("{:<24}   citing (not consulted): {}", "", cited.join("; "));
        }
    }
    ExitCode::SUCCESS
}
