//! An export killed at any moment leaves `dist/` holding the old release or the new one,
//! never a mix, and never nothing.
//!
//! The test runs the export in a child process: this test binary itself, run again with
//! `CADRES_INTERRUPT_EXPORT=<dataset>|<out>` set and filtered to [`child_export`], which
//! calls `crate::export::run`, the function behind `cargo xtask export` (its `main` only
//! parses the command line). Each of 100 rounds starts the export of the other of two
//! datasets (the valid fixture, and a variant) into the same `dist/`, sends it SIGKILL
//! after a random delay between zero and a little more than a whole export takes, then
//! compares `dist/` byte for byte against the two known releases.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime};

use crate::testing::{copy_dir, fixture};

const ENV: &str = "CADRES_INTERRUPT_EXPORT";

/// The child's side: export when asked to, else nothing.
#[test]
fn child_export() {
    let Ok(job) = std::env::var(ENV) else { return };
    let (dataset, out) = job.split_once('|').expect("dataset|out");
    let code = crate::export::run(Path::new(dataset), Path::new(out)).expect("export runs");
    assert_eq!(code, ExitCode::SUCCESS);
}

/// Every file under `dir`, by relative path.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in fs::read_dir(dir).expect("read a folder of dist") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).expect("under root").to_owned();
                out.insert(rel, fs::read(&path).expect("read a file of dist"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn export(dataset: &Path, out: &Path) -> Command {
    let mut cmd = Command::new(std::env::current_exe().expect("the test binary"));
    cmd.args([
        "--exact",
        "export::tests::interrupt::child_export",
        "--test-threads=1",
        "--quiet",
    ])
    .env(ENV, format!("{}|{}", dataset.display(), out.display()))
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    cmd
}

/// A small xorshift generator: the delays need spread, not quality.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[test]
fn a_killed_export_leaves_the_old_release_or_the_new_one() {
    if std::env::var_os(ENV).is_some() {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    copy_dir(&fixture("valid"), &a);
    copy_dir(&fixture("valid"), &b);
    let meta = b.join("metadata.toml");
    let text = fs::read_to_string(&meta).expect("read");
    fs::write(
        &meta,
        text.replace("version = \"0.1.0\"", "version = \"0.2.0\""),
    )
    .expect("write");
    let out = tmp.path().join("dist");

    // The two known releases, and how long one export takes.
    let start = Instant::now();
    assert!(export(&b, &out).status().expect("runs").success());
    let took = start.elapsed();
    let release_b = files(&out);
    assert!(export(&a, &out).status().expect("runs").success());
    let release_a = files(&out);
    assert_ne!(release_a, release_b, "the two releases differ");
    assert!(release_a.contains_key(Path::new("dataset.md")));

    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos())
        .to_le_bytes();
    let mut rng = Rng(u64::from_le_bytes(seed[..8].try_into().expect("8 bytes")) | 1);
    let window = u64::try_from(took.as_micros() * 6 / 5).unwrap_or(u64::MAX);
    let (mut killed, mut finished) = (0, 0);
    for round in 0..100 {
        let next = if round % 2 == 0 { &b } else { &a };
        let mut child = export(next, &out).spawn().expect("spawn the export");
        std::thread::sleep(Duration::from_micros(rng.below(window)));
        if child.try_wait().expect("wait").is_some() {
            finished += 1;
        } else {
            child.kill().expect("SIGKILL");
            killed += 1;
        }
        child.wait().expect("reap");
        let now = files(&out);
        assert!(
            now == release_a || now == release_b,
            "round {round}: dist/ is neither release: {:?}",
            now.keys().collect::<Vec<_>>()
        );
    }
    eprintln!("100 rounds: {killed} killed mid-export, {finished} finished");
    // What a kill leaves besides dist/ is only temporary folders, named as such.
    for entry in fs::read_dir(tmp.path()).expect("read") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        assert!(
            ["a", "b", "dist"].contains(&name.as_str()) || name.starts_with(".dist.export-"),
            "unexpected {name}"
        );
    }
}
