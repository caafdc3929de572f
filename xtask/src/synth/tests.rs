//! `cargo xtask synth`: a small synthetic dataset checks clean, exports, and is the same
//! bytes for the same seed.

use std::fs;
use std::path::Path;

use cadres_validate::{Format, Options, RenderOptions};

/// Every file under `dir`, as `(relative path, bytes)`, sorted.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in fs::read_dir(dir).expect("read the folder") {
            let path = e.expect("an entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).expect("under the root");
                out.push((
                    rel.to_string_lossy().into_owned(),
                    fs::read(&path).expect("read the file"),
                ));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn small_synth_checks_clean_and_exports() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let out = tmp.path().join("synth");
    let stats = crate::synth::generate(200, 7, &out, true).expect("synth runs");
    assert_eq!(stats.claims, 200);
    assert_eq!(stats.entities, 20);
    assert_eq!(stats.sources, 10);
    let report = cadres_validate::check(&Options {
        dataset: out.clone(),
        archive: None,
    })
    .expect("the check runs");
    let rendered = cadres_validate::render(
        &report,
        &RenderOptions {
            format: Format::Human,
            color: false,
            prefix: String::new(),
        },
    );
    assert!(report.diagnostics.is_empty(), "{rendered}");
    let dataset = report.dataset.expect("metadata was read");
    assert_eq!(dataset.claims.len(), 200);
    assert!(
        dataset.claims.iter().any(|c| !c.disputes.is_empty()),
        "some claims dispute others"
    );
    cadres_export::render(&dataset).expect("the release renders");
    // One JSON file per record file (the record of verified quotes is not one).
    let mut toml = tree(&out);
    toml.retain(|(t, _)| t != cadres_validate::LOCK_FILE);
    let json = tree(&crate::synth::json_dir(&out));
    assert_eq!(toml.len(), json.len());
    for ((t, _), (j, _)) in toml.iter().zip(&json) {
        assert_eq!(Path::new(t).with_extension("json"), Path::new(j));
    }
}

#[test]
fn synth_is_deterministic_per_seed() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let gen_into = |name: &str, seed: u64| {
        let out = tmp.path().join(name);
        crate::synth::generate(200, seed, &out, false).expect("synth runs");
        tree(&out)
    };
    let a = gen_into("a", 1);
    let b = gen_into("b", 1);
    let c = gen_into("c", 2);
    assert_eq!(a, b, "the same seed gives the same bytes");
    assert_ne!(a, c, "another seed gives another dataset");
}

#[test]
fn synth_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    fs::write(tmp.path().join("keep.txt"), "x").expect("write");
    assert!(crate::synth::generate(20, 1, tmp.path(), false).is_err());
}

/// The streaming pass alone proves a synthetic dataset clean, so that the benchmarks time
/// it, naming rules included: quotes that name entities by labels only they have, and by
/// short forms under `as-named`.
#[test]
fn the_streaming_pass_proves_synth_clean_and_both_ways_of_naming_occur() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static FULL: AtomicBool = AtomicBool::new(false);
    fn progress(pass: cadres_validate::Pass<'_>, _: usize, _: usize) {
        if matches!(pass, cadres_validate::Pass::Full(_)) {
            FULL.store(true, Ordering::Relaxed);
        }
    }
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let out = tmp.path().join("synth");
    crate::synth::generate(2000, 3, &out, false).expect("synth runs");
    let report = cadres_validate::check_with(
        &Options {
            dataset: out.clone(),
            archive: None,
        },
        &cadres_validate::Tuning {
            progress: Some(progress),
            ..cadres_validate::Tuning::default()
        },
    )
    .expect("the check runs");
    assert!(report.diagnostics.is_empty());
    assert!(!FULL.load(Ordering::Relaxed), "the full check ran");
    let dataset = report.dataset.expect("assembled");
    let citations = dataset.claims.iter().flat_map(|c| &c.citations);
    let quoted: Vec<_> = citations.filter(|c| c.quote.is_some()).collect();
    let declared = quoted.iter().filter(|c| !c.as_named.is_empty()).count();
    assert!(
        declared > quoted.len() / 5 && declared < quoted.len() * 4 / 5,
        "{declared} of {} quotes declare name forms",
        quoted.len()
    );
}
