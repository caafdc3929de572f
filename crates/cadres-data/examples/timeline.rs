//! Prints a release's timeline: every dated claim, in date order, with the works read for
//! it and the works those cite.
//!
//! ```text
//! cargo run -p cadres-data --example timeline                        # the embedded release
//! cargo run -p cadres-data --example timeline -- dist/dataset.json   # another release
//! ```

use std::process::ExitCode;

use cadres_model::{Dataset, DateRole, Index};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        print(cadres_data::index());
        return ExitCode::SUCCESS;
    };
    let dataset = match std::fs::File::open(&path).map(Dataset::from_reader) {
        Ok(Ok(dataset)) => dataset,
        Ok(Err(e)) => {
            eprintln!("error: {path}: {e}");
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    print(&Index::new(&dataset));
    ExitCode::SUCCESS
}

fn print(index: &Index<'_>) {
    let dataset = index.dataset();
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
}
