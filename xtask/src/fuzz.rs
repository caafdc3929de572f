//! `cargo xtask fuzz [--seconds N] [--target NAME] [--dev]`: run every cargo-fuzz target
//! of `fuzz/` for `N` seconds each.
//!
//! The targets (see `fuzz/src/lib.rs`) need a nightly compiler and `cargo-fuzz`: the
//! task runs `cargo +nightly fuzz`, finding `cargo-fuzz` on the `PATH` or in
//! `target/tools/bin/`, where `.ci/run` installs it. Each target's corpus is
//! `fuzz/corpus/<target>/` (not committed), seeded from the valid fixture, plus the inputs
//! kept in `fuzz/regressions/<target>/` (committed; `tests/it/fuzz_regressions.rs` replays
//! them under `cargo test`). A crash stops the task with the crashing input's path: fix
//! the bug, then copy the input into `fuzz/regressions/<target>/`.
//!
//! `--dev` builds the targets unoptimized: a build several times faster, runs many times
//! slower; what `.ci/run`'s few-second smoke wants. Fuzzing for long is done without it.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context, bail};

use crate::project_root;

/// The fuzz targets, in the order they run.
pub(crate) const TARGETS: [&str; 6] = ["loader", "edtf", "isbn", "lang", "id", "markdown"];

/// Builds the targets (unoptimized when `dev`), then runs each (or only `only`) for
/// `seconds` seconds.
pub(crate) fn run(seconds: u64, only: Option<&str>, dev: bool) -> anyhow::Result<ExitCode> {
    let root = project_root();
    let targets: Vec<&str> = match only {
        Some(name) if TARGETS.contains(&name) => vec![name],
        Some(name) => bail!(
            "no fuzz target `{name}`; the targets are {}",
            TARGETS.join(", ")
        ),
        None => TARGETS.to_vec(),
    };
    let path = search_path(&root)?;
    let cargo_fuzz = |args: &[&str]| {
        let mut cmd = Command::new("cargo");
        cmd.current_dir(&root)
            .env("PATH", &path)
            .env("RUSTUP_AUTO_INSTALL", "0")
            .args(["+nightly", "fuzz"])
            .args(args)
            .args(["--fuzz-dir", "fuzz"]);
        if dev {
            cmd.arg("--dev");
        }
        cmd
    };
    let status = cargo_fuzz(&["build"])
        .status()
        .context("running `cargo +nightly fuzz build` (is cargo-fuzz installed?)")?;
    if !status.success() {
        bail!("building the fuzz targets failed");
    }
    for target in targets {
        let corpus = root.join("fuzz/corpus").join(target);
        fs::create_dir_all(&corpus).with_context(|| format!("creating {}", corpus.display()))?;
        seed(&root, target, &corpus)?;
        let mut dirs = vec![corpus];
        let kept = root.join("fuzz/regressions").join(target);
        if kept.is_dir() {
            dirs.push(kept);
        }
        let time = format!("-max_total_time={seconds}");
        let mut cmd = cargo_fuzz(&["run", target]);
        cmd.args(&dirs).args(["--", &time, "-rss_limit_mb=2048"]);
        eprintln!("fuzzing `{target}` for {seconds} s");
        let status = cmd
            .status()
            .with_context(|| format!("running the fuzz target `{target}`"))?;
        if !status.success() {
            eprintln!(
                "error: the fuzz target `{target}` failed; its input is under fuzz/artifacts/{target}/: \
                 fix the bug, then copy the input into fuzz/regressions/{target}/"
            );
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The `PATH`, with `target/tools/bin` (where `.ci/run` installs cargo-fuzz) in front.
fn search_path(root: &Path) -> anyhow::Result<OsString> {
    let mut dirs = vec![root.join("target/tools/bin")];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).context("building the PATH")
}

/// Seeds an empty corpus: the valid fixture's files for the loader (behind the byte that
/// picks their kind), sample values for the parsers.
fn seed(root: &Path, target: &str, corpus: &Path) -> anyhow::Result<()> {
    let empty = fs::read_dir(corpus)
        .with_context(|| format!("reading {}", corpus.display()))?
        .next()
        .is_none();
    if !empty {
        return Ok(());
    }
    let valid = root.join("tests/fixtures/valid");
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    match target {
        "loader" => {
            for (kind, rel) in [
                (0u8, "metadata.toml"),
                (1, "properties.toml"),
                (2, "sources/example-book.toml"),
                (3, "entities/meeting/example-conference.toml"),
            ] {
                let mut bytes = vec![kind];
                bytes.extend(fs::read(valid.join(rel)).with_context(|| format!("reading {rel}"))?);
                seeds.push(bytes);
            }
        }
        "edtf" => {
            for s in [
                "1962",
                "1962-02-07",
                "1962-01~",
                "1962?/1963-02%",
                "../1962",
            ] {
                seeds.push(s.into());
            }
        }
        "isbn" => seeds.extend([b"978-0-231-11083-9".to_vec(), b"0-231-11083-2".to_vec()]),
        "lang" => seeds.extend([b"zh-Hans".to_vec(), b"zh-Latn-pinyin".to_vec()]),
        "id" => seeds.extend([b"seven-thousand-cadres".to_vec(), b"Liu Shaoqi".to_vec()]),
        _ => seeds.push(b"The conference began on 11 January 1962. [^1] | <b>".to_vec()),
    }
    for (i, bytes) in seeds.iter().enumerate() {
        let path: PathBuf = corpus.join(format!("seed-{i}"));
        fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}
