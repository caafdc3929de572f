//! `cargo xtask bench`: time `check` and `export` on synthetic datasets against the
//! parse-only floor and, with `--peers`, against JSON Schema validators.
//!
//! The xtask is built in release mode and run as a child process on datasets written by
//! [`synth`](crate::synth) into `target/bench/synth-<N>/` (kept and reused: a dataset is
//! complete once its hidden `.complete` marker exists). For each run it measures the wall
//! time and the child's peak resident memory, as `/usr/bin/time -f %M` reports it from
//! `wait4`'s rusage (or, without `/usr/bin/time`, the child's `VmHWM` polled from
//! `/proc/<pid>/status`). The floor is `cargo xtask parse-floor`: read every file of the
//! dataset and parse it with the `toml` crate on all cores, nothing else. The export has
//! two floors of its own: the write floor (`cargo xtask write-floor`, blank files of the
//! release's sizes installed as the export installs them) and the memory floor (`cargo
//! xtask memory-floor`, as much fresh memory as the export's peak, each page touched).
//!
//! `--peers` installs `ajv-cli` (npm, into `target/bench/tools/`) and `check-jsonschema`
//! (pip, into a virtual environment in `target/bench/venv/`) and runs them, schema only,
//! on the JSON form of the same records (`target/bench/synth-<N>-json/`) against
//! `schema/*.schema.json`.
//!
//! The table is printed and written into `BENCHMARKS.md` between the markers
//! `<!-- bench:begin -->` and `<!-- bench:end -->`, with the core count and the date (the
//! only clock read, and it goes nowhere else).

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, bail};

use crate::{project_root, synth};

/// What to measure.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// Dataset sizes, in claims.
    pub(crate) sizes: Vec<usize>,
    /// Also time `ajv-cli` and `check-jsonschema`.
    pub(crate) peers: bool,
    /// Runs of each command; the median counts.
    pub(crate) runs: usize,
    /// Write the table into `BENCHMARKS.md`.
    pub(crate) write: bool,
    /// Also time a cold `cargo xtask export` on a fresh clone, build included.
    pub(crate) cold: bool,
}

/// One measured run of a child process.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Measure {
    /// Wall time.
    pub(crate) wall: Duration,
    /// Peak resident memory, in bytes (the largest of several processes).
    pub(crate) rss: u64,
}

/// The figures for one dataset size.
#[derive(Debug, Clone)]
struct Row {
    claims: usize,
    files: usize,
    bytes: u64,
    json_bytes: u64,
    floor: Measure,
    check: Measure,
    /// `Err` says why the export was not run.
    export: Result<Measure, String>,
    /// The files of the release the export wrote with their sizes, and the write floor:
    /// the time to install blank files of the same sizes the way the export installs its
    /// files.
    release: Option<(Vec<(String, u64)>, Measure)>,
    /// The memory floor: the time to take as many bytes of fresh memory as the export's
    /// peak and touch each page, on all cores.
    memory: Option<Measure>,
    /// Check of the same dataset with one broken reference.
    broken: Option<Measure>,
    /// Check of the same dataset with [`ERRORS`] errors of mixed kinds spread over it.
    errors: Option<Measure>,
    ajv: Option<Measure>,
    cjs: Option<Measure>,
}

/// Runs the benchmark (see the module docs).
pub(crate) fn run(config: &Config) -> anyhow::Result<std::process::ExitCode> {
    let root = project_root();
    let bench = root.join("target/bench");
    fs::create_dir_all(&bench)?;
    eprintln!("building the xtask in release mode");
    let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["build", "--release", "--quiet", "-p", "xtask"])
        .current_dir(&root)
        .status()
        .context("running cargo build --release")?;
    if !status.success() {
        bail!("cargo build --release -p xtask failed");
    }
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let exe = target.join("release/xtask");
    let peers = if config.peers {
        Some(install_peers(&bench)?)
    } else {
        None
    };
    let real = real_dataset(&exe, &root, &bench, config.runs.max(10))?;
    let mut rows = Vec::new();
    for &n in &config.sizes {
        let dir = dataset(&exe, &bench, n)?;
        let (files, bytes) = size_of(&dir)?;
        let (_, json_bytes) = size_of(&synth::json_dir(&dir))?;
        let mut row = Row {
            claims: n,
            files,
            bytes,
            json_bytes,
            floor: Measure::default(),
            check: Measure::default(),
            export: Err(String::new()),
            release: None,
            memory: None,
            broken: None,
            errors: None,
            ajv: None,
            cjs: None,
        };
        let limit = (files + 10).to_string();
        let d = dir.to_string_lossy().into_owned();
        let out = bench.join(format!("dist-{n}"));
        let o = out.to_string_lossy().into_owned();
        let exe_s = exe.to_string_lossy().into_owned();
        eprintln!("{n} claims: {files} files, {:.1} MB", mb(bytes));
        // Once unmeasured, so that every figure reads the files from the page cache.
        measure(&[&exe_s, "parse-floor", "--dataset", &d], true)?;
        row.floor = median(config.runs, "parse floor", || {
            measure(&[&exe_s, "parse-floor", "--dataset", &d], true)
        })?;
        row.check = median(config.runs, "check", || {
            measure(
                &[&exe_s, "check", "--dataset", &d, "--max-files", &limit],
                true,
            )
        })?;
        row.export = match export_guard(&rows, n) {
            Some(why) => {
                eprintln!("  export: skipped, {why}");
                Err(why)
            }
            None => Ok(median(config.runs, "export", || {
                measure(
                    &[
                        &exe_s,
                        "export",
                        "--dataset",
                        &d,
                        "--out",
                        &o,
                        "--max-files",
                        &limit,
                    ],
                    true,
                )
            })?),
        };
        for (errors, what) in [
            (1, "check with one error"),
            (ERRORS, "check with 1,000 errors"),
        ] {
            let broken = bench.join(format!("broken-{n}"));
            break_copy(&dir, &broken, errors)?;
            let b = broken.to_string_lossy().into_owned();
            let m = median(config.runs, what, || {
                measure(
                    &[&exe_s, "check", "--dataset", &b, "--max-files", &limit],
                    false,
                )
            })?;
            if errors == 1 {
                row.broken = Some(m);
            } else {
                row.errors = Some(m);
            }
            fs::remove_dir_all(&broken).with_context(|| format!("removing {b}"))?;
        }
        if row.export.is_ok() {
            let release_files = files_of(&out)?;
            let blank = bench.join(format!("write-floor-{n}"));
            let b = blank.to_string_lossy().into_owned();
            let floor = median(config.runs, "write floor", || {
                measure(&[&exe_s, "write-floor", "--like", &o, "--out", &b], true)
            })?;
            fs::remove_dir_all(&blank).with_context(|| format!("removing {b}"))?;
            row.release = Some((release_files, floor));
        }
        if let Ok(e) = &row.export {
            let bytes = e.rss.to_string();
            row.memory = Some(median(config.runs, "memory floor", || {
                measure(&[&exe_s, "memory-floor", "--bytes", &bytes], true)
            })?);
        }
        if let Some(p) = &peers {
            let json = synth::json_dir(&dir);
            row.ajv = Some(median(config.runs, "ajv-cli", || p.ajv(&root, &json))?);
            row.cjs = Some(median(config.runs, "check-jsonschema", || {
                p.cjs(&root, &json)
            })?);
        }
        eprintln!("{}", line(&row));
        rows.push(row);
    }
    let cold = if config.cold {
        Some(cold_export(&root, &bench)?)
    } else {
        None
    };
    let mut table = table(&rows);
    table.push_str(&real);
    table.push_str(&targets(&rows, cold));
    println!("{table}");
    if config.write {
        write_benchmarks(&root.join("BENCHMARKS.md"), &table)?;
        eprintln!("wrote the table into BENCHMARKS.md");
    }
    Ok(std::process::ExitCode::SUCCESS)
}

/// Clones the project's committed `HEAD` into `target/bench/cold/` and times `git clone`
/// and `cargo xtask export` there with an empty target folder: the first export of a
/// newcomer, build included (crates already in the local cargo registry, so no download).
fn cold_export(root: &Path, bench: &Path) -> anyhow::Result<Duration> {
    let dir = bench.join("cold");
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    fs::create_dir_all(&dir)?;
    let clone = dir.join("cadres");
    eprintln!(
        "cold export: clone, build and export in {}",
        clone.display()
    );
    let start = Instant::now();
    let status = Command::new("git")
        .args(["clone", "--quiet", "--no-local"])
        .arg(root)
        .arg(&clone)
        .status()
        .context("running git clone")?;
    if !status.success() {
        bail!("git clone of {} failed", root.display());
    }
    let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["xtask", "export"])
        .current_dir(&clone)
        .env_remove("CARGO_TARGET_DIR")
        .stdout(Stdio::null())
        .status()
        .context("running cargo xtask export in the clone")?;
    let took = start.elapsed();
    if !status.success() {
        bail!("cargo xtask export failed in the fresh clone");
    }
    fs::remove_dir_all(&dir)?;
    eprintln!("cold export: {:.1} s", secs(took));
    Ok(took)
}

/// The targets, each with the figure measured above and a verdict.
fn targets(rows: &[Row], cold: Option<Duration>) -> String {
    let mut t = String::from("\n| target | measured | verdict |\n|---|---|---|\n");
    // `target` names the bound where it holds `{}`, so that what a line says and what it
    // judges are one number.
    let mut line = |target: &str, measured: Option<(f64, String)>, bound: Bound| {
        let (figure, verdict) = match measured {
            Some((x, text)) => (text, if bound.holds(x) { "met" } else { "**missed**" }),
            None => ("not measured in this run".to_owned(), "not measured"),
        };
        let target = target.replace("{}", &bound.to_string());
        let _ = writeln!(t, "| {target} | {figure} | {verdict} |");
    };
    let by = |n: usize| rows.iter().find(|r| r.claims == n);
    let big = by(1_000_000);
    line(
        "check of 1M {} × the parse-only floor",
        big.map(|r| {
            let x = secs(r.check.wall) / secs(r.floor.wall).max(1e-9);
            (
                x,
                format!(
                    "{x:.2} × ({:.2} s / {:.2} s)",
                    secs(r.check.wall),
                    secs(r.floor.wall)
                ),
            )
        }),
        Bound::AtMost(1.3),
    );
    line(
        "`ajv-cli` / check {} at 1M",
        big.and_then(|r| r.ajv.map(|a| (r, a))).map(|(r, a)| {
            let x = secs(a.wall) / secs(r.check.wall).max(1e-9);
            (
                x,
                format!(
                    "{x:.2} × ({:.2} s / {:.2} s)",
                    secs(a.wall),
                    secs(r.check.wall)
                ),
            )
        }),
        Bound::AtLeast(3.0),
    );
    line(
        "`check-jsonschema` / check {} at 1M",
        big.and_then(|r| r.cjs.map(|c| (r, c))).map(|(r, c)| {
            let x = secs(c.wall) / secs(r.check.wall).max(1e-9);
            (
                x,
                format!(
                    "{x:.1} × ({:.1} s / {:.2} s)",
                    secs(c.wall),
                    secs(r.check.wall)
                ),
            )
        }),
        Bound::AtLeast(50.0),
    );
    line(
        "check of 1M {} × check of 100k",
        by(100_000).zip(big).map(|(a, b)| {
            let x = secs(b.check.wall) / secs(a.check.wall).max(1e-9);
            (
                x,
                format!(
                    "{x:.2} × ({:.2} s / {:.2} s)",
                    secs(b.check.wall),
                    secs(a.check.wall)
                ),
            )
        }),
        Bound::AtMost(10.5),
    );
    // Memory is judged on the largest dataset: on a small one the process's own baseline
    // (code, schemas, about 12 MB on the real dataset) outweighs the data. Every size's
    // figure is in the table above.
    let largest = rows.iter().max_by_key(|r| r.claims);
    line(
        "check peak memory {} × the dataset on disk (largest size)",
        largest.map(|r| {
            let x = mb(r.check.rss) / mb(r.bytes);
            (
                x,
                format!(
                    "{x:.2} × ({:.0} MB for {:.0} MB, {} claims)",
                    mb(r.check.rss),
                    mb(r.bytes),
                    r.claims
                ),
            )
        }),
        Bound::AtMost(0.35),
    );
    for (errors, most, of) in [(1, 1.3, "one error"), (ERRORS, 2.0, "1,000 errors")] {
        let broken = |r: &Row| if errors == 1 { r.broken } else { r.errors };
        line(
            &format!("check of 1M with {of} {{}} × the clean check"),
            big.and_then(|r| broken(r).map(|b| (r, b))).map(|(r, b)| {
                let x = secs(b.wall) / secs(r.check.wall).max(1e-9);
                (
                    x,
                    format!(
                        "{x:.2} × ({:.2} s / {:.2} s)",
                        secs(b.wall),
                        secs(r.check.wall)
                    ),
                )
            }),
            Bound::AtMost(most),
        );
        line(
            &format!("check of 1M with {of}: peak memory {{}} × the dataset on disk"),
            big.and_then(|r| broken(r).map(|b| (r, b))).map(|(r, b)| {
                let x = mb(b.rss) / mb(r.bytes);
                (
                    x,
                    format!("{x:.2} × ({:.0} MB for {:.0} MB)", mb(b.rss), mb(r.bytes)),
                )
            }),
            Bound::AtMost(0.5),
        );
    }
    line(
        "export peak memory {} × the dataset on disk (largest size)",
        largest
            .and_then(|r| r.export.as_ref().ok().map(|m| (r, m)))
            .map(|(r, m)| {
                let x = mb(m.rss) / mb(r.bytes);
                (
                    x,
                    format!(
                        "{x:.2} × ({:.0} MB for {:.0} MB, {} claims)",
                        mb(m.rss),
                        mb(r.bytes),
                        r.claims
                    ),
                )
            }),
        Bound::AtMost(1.0),
    );
    line(
        "export of 1M {} × check",
        big.and_then(|r| r.export.as_ref().ok().map(|m| (r, m)))
            .map(|(r, m)| {
                let x = secs(m.wall) / secs(r.check.wall).max(1e-9);
                // The least any export of this release could take: its check, then writing
                // the release's bytes with no rendering at all.
                let check = secs(r.check.wall).max(1e-9);
                let mut bound = r.release.as_ref().map_or_else(String::new, |(_, w)| {
                    format!(
                        "; writing the release's bytes alone takes {:.2} × check",
                        secs(w.wall) / check
                    )
                });
                // And taking the memory it peaks at, which costs more than the writes that
                // fill it on a machine that hands its freed pages back to a host.
                if let (false, Some(mem)) = (bound.is_empty(), &r.memory) {
                    let _ = write!(
                        bound,
                        ", taking its peak memory {:.2} × check",
                        secs(mem.wall) / check
                    );
                }
                (
                    x,
                    format!(
                        "{x:.2} × ({:.2} s / {:.2} s){bound}",
                        secs(m.wall),
                        secs(r.check.wall)
                    ),
                )
            }),
        Bound::AtMost(2.5),
    );
    for (what, most, of) in [
        ("release", 6.0, (|_| true) as Belongs),
        // The share table's first column, by its own test of a file.
        (FORMATS[0].0, 2.5, FORMATS[0].1),
    ] {
        line(
            &format!("{what} of 1M {{}} × the dataset on disk"),
            big.and_then(|r| r.release.as_ref().map(|(files, _)| (r, share(files, of))))
                .map(|(r, bytes)| {
                    let x = mb(bytes) / mb(r.bytes).max(1e-9);
                    (
                        x,
                        format!("{x:.2} × ({:.0} MB for {:.0} MB)", mb(bytes), mb(r.bytes)),
                    )
                }),
            Bound::AtMost(most),
        );
    }
    line(
        "cold `cargo xtask export` on a fresh clone, build included, {} s",
        cold.map(|d| (secs(d), format!("{:.1} s", secs(d)))),
        Bound::AtMost(60.0),
    );
    t
}

/// What a target asks of its figure.
#[derive(Debug, Clone, Copy)]
enum Bound {
    AtMost(f64),
    AtLeast(f64),
}

impl Bound {
    fn holds(self, x: f64) -> bool {
        match self {
            Bound::AtMost(most) => x <= most,
            Bound::AtLeast(least) => x >= least,
        }
    }
}

impl std::fmt::Display for Bound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Bound::AtMost(most) => write!(f, "≤ {most}"),
            Bound::AtLeast(least) => write!(f, "≥ {least}"),
        }
    }
}

/// What an export adds to a check on the real dataset (`dataset/`, warm, the median of `runs`):
/// a paragraph for the table's block.
fn real_dataset(exe: &Path, root: &Path, bench: &Path, runs: usize) -> anyhow::Result<String> {
    let exe = exe.to_string_lossy().into_owned();
    let d = root.join("dataset").to_string_lossy().into_owned();
    let o = bench.join("dist-real").to_string_lossy().into_owned();
    let check = [exe.as_str(), "check", "--dataset", &d];
    let export = [exe.as_str(), "export", "--dataset", &d, "--out", &o];
    measure(&check, true)?;
    let check = median(runs, "real dataset: check", || measure(&check, true))?;
    let export = median(runs, "real dataset: export", || measure(&export, true))?;
    let added = export.wall.saturating_sub(check.wall);
    Ok(format!(
        "\nThe real dataset (`dataset/`), warm, median of {runs}: check {:.1} ms, export {:.1} ms; \
         the export adds {:.1} ms to the check.\n",
        secs(check.wall) * 1000.0,
        secs(export.wall) * 1000.0,
        secs(added) * 1000.0,
    ))
}

/// Why the export of `n` claims should not run, judged from the largest smaller export
/// measured: when its memory, grown in proportion to the claims (the most hopeful
/// projection), would pass half of the machine's available memory, or its time, grown with
/// the square of the claims (as measured between 10k and 100k), would pass 20 minutes.
fn export_guard(rows: &[Row], n: usize) -> Option<String> {
    let (claims, m) = rows
        .iter()
        .filter_map(|r| r.export.as_ref().ok().map(|m| (r.claims, *m)))
        .next_back()?;
    #[allow(clippy::cast_precision_loss)] // reason: counts far below 2^52
    let scale = n as f64 / claims.max(1) as f64;
    let rss = mb(m.rss) * 1e6 * scale;
    let available = fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("MemAvailable:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(f64::INFINITY, |kb| mb(kb * 1024) * 1e6);
    let time = secs(m.wall) * scale * scale;
    if rss > available / 2.0 {
        Some(format!(
            "projected peak memory {:.0} GB (from {claims} claims) is over half the {:.0} GB available",
            rss / 1e9,
            available / 1e9
        ))
    } else if time > 1200.0 {
        Some(format!(
            "projected time {time:.0} s (from {claims} claims, growing with the square) is over 20 minutes"
        ))
    } else {
        None
    }
}

fn mb(bytes: u64) -> f64 {
    #[allow(clippy::cast_precision_loss)] // reason: sizes far below 2^52 bytes
    let b = bytes as f64;
    b / 1e6
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// Runs `f` `runs` times and gives the median: the median wall time and, on its own, the
/// median peak memory (for an even count, the lower of the middle two), so that one
/// disturbed run moves neither figure.
fn median(
    runs: usize,
    what: &str,
    mut f: impl FnMut() -> anyhow::Result<Measure>,
) -> anyhow::Result<Measure> {
    let mut all = Vec::new();
    for _ in 0..runs.max(1) {
        let m = f().with_context(|| format!("running {what}"))?;
        eprintln!("  {what}: {:.2} s, {:.0} MB peak", secs(m.wall), mb(m.rss));
        all.push(m);
    }
    Ok(median_of(&all))
}

/// The median of measures taken: see [`median`].
fn median_of(all: &[Measure]) -> Measure {
    let middle = all.len().saturating_sub(1) / 2;
    let mut walls: Vec<Duration> = all.iter().map(|m| m.wall).collect();
    let mut rss: Vec<u64> = all.iter().map(|m| m.rss).collect();
    walls.sort();
    rss.sort_unstable();
    Measure {
        wall: walls.get(middle).copied().unwrap_or_default(),
        rss: rss.get(middle).copied().unwrap_or_default(),
    }
}

/// The dataset of `n` claims under `bench`, written by the release xtask when missing.
fn dataset(exe: &Path, bench: &Path, n: usize) -> anyhow::Result<PathBuf> {
    let dir = bench.join(format!("synth-{n}"));
    if dir.join(".complete").is_file() {
        return Ok(dir);
    }
    let tmp = bench.join(format!("synth-{n}.tmp"));
    for d in [&dir, &tmp, &synth::json_dir(&dir), &synth::json_dir(&tmp)] {
        if d.exists() {
            fs::remove_dir_all(d).with_context(|| format!("removing {}", d.display()))?;
        }
    }
    eprintln!("writing the synthetic dataset of {n} claims");
    let status = Command::new(exe)
        .args(["synth", "--json", "--claims", &n.to_string(), "--out"])
        .arg(&tmp)
        .status()
        .context("running xtask synth")?;
    if !status.success() {
        bail!("xtask synth failed");
    }
    fs::rename(synth::json_dir(&tmp), synth::json_dir(&dir))?;
    fs::rename(&tmp, &dir)?;
    fs::write(dir.join(".complete"), "")?;
    Ok(dir)
}

/// The number of files and their bytes under `dir`, hidden entries left out.
fn size_of(dir: &Path) -> anyhow::Result<(usize, u64)> {
    let files = files_of(dir)?;
    Ok((files.len(), files.iter().map(|f| f.1).sum()))
}

/// Every file under `dir`, hidden entries left out, as its path relative to `dir`
/// (`/`-separated) and its size in bytes, sorted by path.
fn files_of(dir: &Path) -> anyhow::Result<Vec<(String, u64)>> {
    let mut files = Vec::new();
    let mut stack = vec![(dir.to_owned(), String::new())];
    while let Some((d, rel)) = stack.pop() {
        for e in fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let e = e?;
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let rel = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            if e.file_type()?.is_dir() {
                stack.push((e.path(), rel));
            } else {
                files.push((rel, e.metadata()?.len()));
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Runs `argv` and measures its wall time and peak memory. The output is discarded; a
/// failure is an error when `must_pass`.
fn measure(argv: &[&str], must_pass: bool) -> anyhow::Result<Measure> {
    let time = Path::new("/usr/bin/time");
    let report = tempfile::NamedTempFile::new()?;
    let mut cmd = if time.is_file() {
        let mut c = Command::new(time);
        c.arg("-f")
            .arg("%M")
            .arg("-o")
            .arg(report.path())
            .args(argv);
        c
    } else {
        let mut c = Command::new(argv[0]);
        c.args(&argv[1..]);
        c
    };
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .with_context(|| format!("starting {}", argv[0]))?;
    let pid = child.id();
    let mut polled = 0u64;
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(mut e) = stderr {
            let _ = io::Read::read_to_string(&mut e, &mut s);
        }
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if !time.is_file() {
            polled = polled.max(vm_hwm(pid).unwrap_or(0));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let wall = start.elapsed();
    let err = reader.join().unwrap_or_default();
    if must_pass && !status.success() {
        let tail: String = err.lines().rev().take(5).collect::<Vec<_>>().join("\n");
        bail!("{} failed ({status}): {tail}", argv.join(" "));
    }
    let rss = if time.is_file() {
        let text = fs::read_to_string(report.path())?;
        let kb: u64 = text
            .lines()
            .filter_map(|l| l.trim().parse().ok())
            .next_back()
            .context("no figure from /usr/bin/time")?;
        kb * 1024
    } else {
        polled
    };
    Ok(Measure { wall, rss })
}

/// The peak resident memory of a running process, from `/proc/<pid>/status`.
fn vm_hwm(pid: u32) -> Option<u64> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The installed peer validators.
struct Peers {
    ajv: PathBuf,
    cjs: PathBuf,
}

/// The JSON files of each kind, with the schema that validates them.
fn kinds(json: &Path) -> Vec<(&'static str, Vec<PathBuf>)> {
    let mut sources = Vec::new();
    let mut entities = Vec::new();
    let list = |d: &Path, out: &mut Vec<PathBuf>| {
        if let Ok(rd) = fs::read_dir(d) {
            out.extend(rd.filter_map(Result::ok).map(|e| e.path()));
        }
    };
    list(&json.join("sources"), &mut sources);
    if let Ok(rd) = fs::read_dir(json.join("entities")) {
        for k in rd.filter_map(Result::ok) {
            list(&k.path(), &mut entities);
        }
    }
    sources.sort();
    entities.sort();
    vec![
        ("metadata", vec![json.join("metadata.json")]),
        ("properties", vec![json.join("properties.json")]),
        ("source", sources),
        ("entity", entities),
    ]
}

impl Peers {
    /// `ajv validate`, one run per file kind (its own glob), summed; memory is the largest.
    fn ajv(&self, root: &Path, json: &Path) -> anyhow::Result<Measure> {
        let ajv = self.ajv.to_string_lossy().into_owned();
        let mut total = Measure::default();
        for (kind, glob) in [
            ("metadata", "metadata.json".to_owned()),
            ("properties", "properties.json".to_owned()),
            ("source", "sources/*.json".to_owned()),
            ("entity", "entities/*/*.json".to_owned()),
        ] {
            let schema = root.join(format!("schema/{kind}.schema.json"));
            let s = schema.to_string_lossy().into_owned();
            let data = json.join(glob).to_string_lossy().into_owned();
            let m = measure(
                &[
                    &ajv,
                    "validate",
                    "--spec=draft2020",
                    "--strict=false",
                    "-c",
                    "ajv-formats",
                    "-s",
                    &s,
                    "-d",
                    &data,
                ],
                true,
            )?;
            total.wall += m.wall;
            total.rss = total.rss.max(m.rss);
        }
        Ok(total)
    }

    /// `check-jsonschema --schemafile`, per kind, in batches of files that fit a command
    /// line; summed, memory the largest.
    fn cjs(&self, root: &Path, json: &Path) -> anyhow::Result<Measure> {
        let cjs = self.cjs.to_string_lossy().into_owned();
        let mut total = Measure::default();
        for (kind, files) in kinds(json) {
            let schema = root.join(format!("schema/{kind}.schema.json"));
            let s = schema.to_string_lossy().into_owned();
            for batch in files.chunks(CJS_BATCH) {
                let mut argv: Vec<String> = vec![cjs.clone(), "--schemafile".into(), s.clone()];
                argv.extend(batch.iter().map(|p| p.to_string_lossy().into_owned()));
                let refs: Vec<&str> = argv.iter().map(String::as_str).collect();
                let m = measure(&refs, true)?;
                total.wall += m.wall;
                total.rss = total.rss.max(m.rss);
            }
        }
        Ok(total)
    }
}

/// Files per `check-jsonschema` command line: well under the kernel's argument limit.
const CJS_BATCH: usize = 10_000;

fn install_peers(bench: &Path) -> anyhow::Result<Peers> {
    let tools = bench.join("tools");
    let ajv = tools.join("node_modules/.bin/ajv");
    if !ajv.is_file() {
        eprintln!(
            "installing ajv-cli and ajv-formats with npm into {}",
            tools.display()
        );
        fs::create_dir_all(&tools)?;
        let ok = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&tools)
            .args(["ajv-cli", "ajv-formats"])
            .status()
            .context("running npm (is Node.js installed?)")?
            .success();
        if !ok {
            bail!("npm install ajv-cli failed");
        }
    }
    let venv = bench.join("venv");
    let cjs = venv.join("bin/check-jsonschema");
    if !cjs.is_file() {
        eprintln!(
            "installing check-jsonschema with pip into {}",
            venv.display()
        );
        let ok = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .context("running python3 -m venv")?
            .success()
            && Command::new(venv.join("bin/pip"))
                .args(["install", "--quiet", "check-jsonschema"])
                .status()
                .context("running pip")?
                .success();
        if !ok {
            bail!("pip install check-jsonschema failed");
        }
    }
    Ok(Peers { ajv, cjs })
}

fn line(r: &Row) -> String {
    format!(
        "{} claims: floor {:.2} s, check {:.2} s ({:.0} MB), export {}",
        r.claims,
        secs(r.floor.wall),
        secs(r.check.wall),
        mb(r.check.rss),
        r.export.as_ref().map_or_else(
            |why| format!("skipped: {why}"),
            |m| format!("{:.2} s ({:.0} MB)", secs(m.wall), mb(m.rss))
        )
    )
}

fn per_s(count: f64, d: Duration) -> f64 {
    count / secs(d).max(1e-9)
}

#[allow(clippy::cast_precision_loss)] // reason: counts far below 2^52
fn table(rows: &[Row]) -> String {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let mut t = String::new();
    let _ = writeln!(
        t,
        "Measured by `cargo xtask bench{}` on {} ({cores} cores), release build.\n",
        if rows.iter().any(|r| r.ajv.is_some()) {
            " --peers"
        } else {
            ""
        },
        today()
    );
    t.push_str("| claims | files | MB on disk | floor s | check s | check / floor | check claims/s | check MB/s | check peak MB | check peak / disk | export s | export / check | export peak MB | export peak / disk |\n");
    t.push_str("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for r in rows {
        let disk = mb(r.bytes);
        let _ = writeln!(
            t,
            "| {} | {} | {:.1} | {:.2} | {:.2} | {:.2} | {:.0} | {:.1} | {:.0} | {:.2} | {} |",
            r.claims,
            r.files,
            disk,
            secs(r.floor.wall),
            secs(r.check.wall),
            secs(r.check.wall) / secs(r.floor.wall).max(1e-9),
            per_s(r.claims as f64, r.check.wall),
            per_s(disk, r.check.wall),
            mb(r.check.rss),
            mb(r.check.rss) / disk,
            r.export.as_ref().map_or_else(
                |why| format!("skipped: {why} | | |"),
                |m| format!(
                    "{:.2} | {:.2} | {:.0} | {:.2}",
                    secs(m.wall),
                    secs(m.wall) / secs(r.check.wall).max(1e-9),
                    mb(m.rss),
                    mb(m.rss) / disk
                )
            ),
        );
    }
    if rows.iter().any(|r| r.ajv.is_some()) {
        t.push_str(
            "\nPeers, schema only, on the JSON form of the same records (MB of JSON given):\n\n",
        );
        t.push_str("| claims | JSON MB | ajv-cli s | ajv peak MB | ajv / check | check-jsonschema s | check-jsonschema peak MB | check-jsonschema / check |\n");
        t.push_str("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for r in rows {
            if let (Some(a), Some(c)) = (r.ajv, r.cjs) {
                let _ = writeln!(
                    t,
                    "| {} | {:.1} | {:.2} | {:.0} | {:.2} | {:.2} | {:.0} | {:.1} |",
                    r.claims,
                    mb(r.json_bytes),
                    secs(a.wall),
                    mb(a.rss),
                    secs(a.wall) / secs(r.check.wall).max(1e-9),
                    secs(c.wall),
                    mb(c.rss),
                    secs(c.wall) / secs(r.check.wall).max(1e-9),
                );
            }
        }
    }
    let by = |n: usize| rows.iter().find(|r| r.claims == n);
    if let (Some(a), Some(b)) = (by(100_000), by(1_000_000)) {
        let _ = writeln!(
            t,
            "\nGrowth: check of 1M claims takes {:.2} times check of 100k (floor: {:.2} times).",
            secs(b.check.wall) / secs(a.check.wall).max(1e-9),
            secs(b.floor.wall) / secs(a.floor.wall).max(1e-9)
        );
    }
    if rows.iter().any(|r| r.broken.is_some()) {
        t.push_str(
            "\nDatasets with errors: one (a citation's source id changed to an unknown one), and \
             1,000 spread over the entity files, in turn a broken source reference, a duplicate \
             claim id, a TOML syntax error, a property id that is a number (a schema error) and \
             a claim disputing itself. The streaming pass finds the files with problems and the \
             full check reads only those again to point at and explain them; the report is \
             rendered to the terminal as usual (to /dev/null).\n\n",
        );
        t.push_str(
            "| claims | errors | check s | × clean | check peak MB | × clean | peak / disk |\n",
        );
        t.push_str("|---:|---:|---:|---:|---:|---:|---:|\n");
        for r in rows {
            for (errors, m) in [(1, r.broken), (ERRORS, r.errors)] {
                let Some(b) = m else { continue };
                let _ = writeln!(
                    t,
                    "| {} | {errors} | {:.2} | {:.2} | {:.0} | {:.2} | {:.2} |",
                    r.claims,
                    secs(b.wall),
                    secs(b.wall) / secs(r.check.wall).max(1e-9),
                    mb(b.rss),
                    mb(b.rss) / mb(r.check.rss).max(1e-9),
                    mb(b.rss) / mb(r.bytes).max(1e-9),
                );
            }
        }
    }
    if rows.iter().any(|r| r.release.is_some()) {
        t.push_str(
            "\nWhat bounds the export: the write floor installs blank files of the release's sizes \
             the way the export installs its files (written, synced, swapped in), with no rendering; \
             the memory floor takes as much fresh memory as the export's peak and touches each page, \
             on all cores, with nothing in it.\n\n",
        );
        t.push_str("| claims | release MB | release / disk | write floor s | memory floor s | check + floors s | export s | (check + floors) / check |\n");
        t.push_str("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for r in rows {
            if let (Some((files, w)), Ok(e)) = (&r.release, &r.export) {
                let memory = r.memory.map_or(0.0, |m| secs(m.wall));
                let least = secs(r.check.wall) + secs(w.wall) + memory;
                let bytes = share(files, |_| true);
                let _ = writeln!(
                    t,
                    "| {} | {:.1} | {:.2} | {:.2} | {} | {:.2} | {:.2} | {:.2} |",
                    r.claims,
                    mb(bytes),
                    mb(bytes) / mb(r.bytes).max(1e-9),
                    secs(w.wall),
                    r.memory.map_or_else(
                        || "not measured".to_owned(),
                        |m| format!("{:.2}", secs(m.wall))
                    ),
                    least,
                    secs(e.wall),
                    least / secs(r.check.wall).max(1e-9),
                );
            }
        }
        t.push_str("\nEach format's share of the release: MB, and in brackets times the dataset on disk.\n\n");
        t.push_str("| claims |");
        for (name, _) in FORMATS {
            let _ = write!(t, " {name} |");
        }
        t.push_str(" release |\n|---:|");
        t.push_str(&"---:|".repeat(FORMATS.len() + 1));
        t.push('\n');
        for r in rows {
            if let Some((files, _)) = &r.release {
                let _ = write!(t, "| {} |", r.claims);
                let disk = mb(r.bytes).max(1e-9);
                for (_, of) in FORMATS {
                    let bytes = mb(share(files, of));
                    let _ = write!(t, " {bytes:.1} ({:.2}) |", bytes / disk);
                }
                let bytes = mb(share(files, |_| true));
                let _ = writeln!(t, " {bytes:.1} ({:.2}) |", bytes / disk);
            }
        }
    }
    t
}

/// Whether a file of a release, by its path in the release, belongs to a format.
type Belongs = fn(&str) -> bool;

/// The formats of a release, each with the files it is made of (by path in the release):
/// the columns of the share table, which together hold every file.
const FORMATS: [(&str, Belongs); 5] = [
    ("`dataset.jsonld`", |f| f == "dataset.jsonld"),
    ("`dataset.json`", |f| f == "dataset.json"),
    ("`dataset.md` (and its pages)", |f| {
        f == "dataset.md" || f.starts_with("dataset/")
    }),
    ("`data/` (CSV)", |f| f.starts_with("data/")),
    ("the rest", |f| {
        !matches!(f, "dataset.jsonld" | "dataset.json" | "dataset.md")
            && !f.starts_with("data/")
            && !f.starts_with("dataset/")
    }),
];

/// The bytes of the files of `files` that `of` takes.
fn share(files: &[(String, u64)], of: impl Fn(&str) -> bool) -> u64 {
    files.iter().filter(|(f, _)| of(f)).map(|(_, n)| n).sum()
}

/// Today's date (UTC), `YYYY-MM-DD`: the only clock read of the benchmark.
fn today() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

const BEGIN: &str = "<!-- bench:begin -->";
const END: &str = "<!-- bench:end -->";

/// Puts `table` between the markers of `BENCHMARKS.md`, keeping the rest of the file.
fn write_benchmarks(path: &Path, table: &str) -> anyhow::Result<()> {
    let old = fs::read_to_string(path).unwrap_or_default();
    let block = format!("{BEGIN}\n{table}{END}");
    let new = match (old.find(BEGIN), old.find(END)) {
        (Some(a), Some(b)) if a < b => format!("{}{block}{}", &old[..a], &old[b + END.len()..]),
        _ => format!("# Benchmarks\n\n{block}\n{old}"),
    };
    fs::write(path, new)?;
    Ok(())
}

/// `cargo xtask parse-floor`: read every `.toml` file under `dataset` and parse it with the
/// `toml` crate on all cores, and nothing else: the floor of any check.
pub(crate) fn parse_floor(dataset: &Path) -> anyhow::Result<std::process::ExitCode> {
    let mut files = Vec::new();
    let mut stack = vec![dataset.to_owned()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d)? {
            let e = e?;
            let p = e.path();
            if e.file_type()?.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "toml") {
                files.push(p);
            }
        }
    }
    let next = AtomicUsize::new(0);
    let failed = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(p) = files.get(i) else { break };
                    let ok = fs::read_to_string(p)
                        .ok()
                        .is_some_and(|t| toml::de::DeTable::parse(&t).is_ok());
                    if !ok {
                        failed.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    let failed = failed.into_inner();
    let _ = writeln!(
        io::stderr(),
        "parsed {} files, {failed} failed",
        files.len()
    );
    Ok(if failed == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    })
}

/// How many errors the second broken copy has.
const ERRORS: usize = 1_000;

/// A copy of the dataset `dir` at `dest` (hard links, so it costs no space) with `errors`
/// errors, each in its own entity file, the files spread evenly over the sorted list (one
/// error: the first file's first citation names a source that does not exist). The kinds
/// take turns (a file with nothing to break one way takes the next): a broken source reference, a duplicate claim id, a TOML syntax error, a
/// schema error (a property id that is a number) and a claim disputing itself.
fn break_copy(dir: &Path, dest: &Path, errors: usize) -> anyhow::Result<()> {
    if dest.exists() {
        fs::remove_dir_all(dest).with_context(|| format!("removing {}", dest.display()))?;
    }
    let mut entity_files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![(dir.to_owned(), dest.to_owned())];
    while let Some((from, to)) = stack.pop() {
        fs::create_dir_all(&to).with_context(|| format!("creating {}", to.display()))?;
        let mut entries: Vec<_> = fs::read_dir(&from)
            .with_context(|| format!("reading {}", from.display()))?
            .collect::<Result<_, _>>()?;
        entries.sort_by_key(fs::DirEntry::file_name);
        for e in entries {
            let target = to.join(e.file_name());
            if e.file_type()?.is_dir() {
                stack.push((e.path(), target));
            } else {
                fs::hard_link(e.path(), &target)
                    .with_context(|| format!("linking {}", target.display()))?;
                if target
                    .strip_prefix(dest)
                    .is_ok_and(|rel| rel.starts_with("entities"))
                {
                    entity_files.push(target);
                }
            }
        }
    }
    entity_files.sort();
    if entity_files.is_empty() {
        bail!("{} has no entity file", dir.display());
    }
    let errors = errors.min(entity_files.len());
    for i in 0..errors {
        let file = &entity_files[i * entity_files.len() / errors];
        let text = fs::read_to_string(file)?;
        // Its turn's kind, or the next one the file can be broken in.
        let broken = (0..5)
            .find_map(|k| break_text(&text, (i + k) % 5))
            .with_context(|| format!("{} has nothing to break", file.display()))?;
        // A new file in place of the link, so that the dataset itself is left alone.
        fs::remove_file(file)?;
        fs::write(file, broken)?;
    }
    Ok(())
}

/// The text of an entity file with one error of the kind `kind` (see [`break_copy`]), or
/// `None` when the file has nothing to break that way.
fn break_text(text: &str, kind: usize) -> Option<String> {
    // The values of the `id = "…"` lines: the entity's, then each claim's.
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("id = \"")?.strip_suffix('"'))
        .collect();
    let broken = match kind {
        0 => text.replacen("source = \"", "source = \"missing-", 1),
        1 => {
            let (first, second) = (ids.get(1)?, ids.get(2)?);
            text.replacen(
                &format!("id = \"{second}\""),
                &format!("id = \"{first}\""),
                1,
            )
        }
        2 => format!("{text}\n[[claims]\n"),
        3 => text.replacen("property = \"", "property = 1962 # \"", 1),
        _ => {
            let claim = ids.get(1)?;
            let line = format!("id = \"{claim}\"\n");
            text.replacen(
                &line,
                &format!(
                    "{line}disputes = [{{ with = \"{claim}\", relation = \"contradiction\" }}]\n"
                ),
                1,
            )
        }
    };
    (broken != text).then_some(broken)
}

/// `cargo xtask memory-floor --bytes N`: take `bytes` of fresh memory and write one byte
/// into each page of it, the pages split among as many threads as there are cores, and
/// nothing else: what holding the export's peak costs before anything is put in it. The
/// allocation is zeroed by the system, lazily, so the writes are the first touch of each
/// page.
pub(crate) fn memory_floor(bytes: usize) -> std::process::ExitCode {
    const PAGE: usize = 4096;
    let mut memory = vec![0u8; bytes];
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let part = bytes.div_ceil(threads).div_ceil(PAGE).max(1) * PAGE;
    std::thread::scope(|scope| {
        for chunk in memory.chunks_mut(part) {
            scope.spawn(move || {
                for page in chunk.chunks_mut(PAGE) {
                    page[0] = 1;
                }
            });
        }
    });
    let touched = std::hint::black_box(&memory)
        .iter()
        .step_by(PAGE)
        .filter(|&&b| b == 1)
        .count();
    let _ = writeln!(
        io::stderr(),
        "touched {touched} pages, {:.1} MB",
        mb(bytes as u64)
    );
    std::process::ExitCode::SUCCESS
}

/// `cargo xtask write-floor --like DIR --out DIR`: install at `out` blank files of the
/// names and sizes of the release in `like`, the way the export installs a release
/// ([`cadres_export::install_blank`]): the least an export of that release can cost beyond
/// its check.
pub(crate) fn write_floor(like: &Path, out: &Path) -> anyhow::Result<std::process::ExitCode> {
    let files = files_of(like)?;
    cadres_export::install_blank(out, &files)?;
    let total: u64 = files.iter().map(|f| f.1).sum();
    let _ = writeln!(
        io::stderr(),
        "wrote {} blank files, {:.1} MB",
        files.len(),
        mb(total)
    );
    Ok(std::process::ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{Measure, Row, break_copy, break_text, median_of, table, targets};

    /// The median run: the middle wall time and, apart, the middle peak, so that one slow
    /// or swollen run moves neither.
    #[test]
    fn a_figure_is_the_median_of_its_runs() {
        let m = |s: u64, mb: u64| Measure {
            wall: Duration::from_secs(s),
            rss: mb,
        };
        let got = median_of(&[m(9, 300), m(30, 310), m(10, 900)]);
        assert_eq!((got.wall, got.rss), (Duration::from_secs(10), 310));
        let got = median_of(&[m(4, 2), m(3, 1)]);
        assert_eq!(
            (got.wall, got.rss),
            (Duration::from_secs(3), 1),
            "the lower middle"
        );
        let got = median_of(&[m(5, 7)]);
        assert_eq!((got.wall, got.rss), (Duration::from_secs(5), 7));
    }

    /// The broken copy has exactly one error, an unknown source, and leaves the dataset it
    /// links to as it was.
    #[test]
    fn a_broken_copy_has_one_unknown_source_and_spares_the_original() {
        let valid = crate::project_root().join("tests/fixtures/valid");
        let tmp = tempfile::tempdir().expect("tempdir");
        let broken = tmp.path().join("broken");
        break_copy(&valid, &broken, 1).expect("broken copy");
        let check = |dir: &std::path::Path| {
            cadres_validate::check(&cadres_validate::Options {
                dataset: dir.to_owned(),
                archive: None,
            })
            .expect("the check runs")
        };
        let names: Vec<&str> = check(&broken).diagnostics.iter().map(|d| d.name).collect();
        assert_eq!(names, ["unknown-source"]);
        assert!(check(&valid).diagnostics.is_empty());
    }

    /// Each kind of error of the copy with many errors gives the rule it is meant to.
    #[test]
    fn each_kind_of_error_breaks_its_rule() {
        let valid = crate::project_root().join("tests/fixtures/valid");
        let file = "entities/meeting/example-conference.toml";
        let text = std::fs::read_to_string(valid.join(file)).expect("the fixture");
        let expected = [
            "unknown-source",
            "duplicate-id",
            "toml-syntax",
            "schema-mismatch",
            "dispute-mismatch",
        ];
        for (kind, rule) in expected.iter().enumerate() {
            let tmp = tempfile::tempdir().expect("tempdir");
            let broken = tmp.path().join("broken");
            break_copy(&valid, &broken, 0).expect("a copy");
            let text = break_text(&text, kind).expect("something to break");
            std::fs::remove_file(broken.join(file)).expect("unlink");
            std::fs::write(broken.join(file), text).expect("write");
            let report = cadres_validate::check(&cadres_validate::Options {
                dataset: broken.clone(),
                archive: None,
            })
            .expect("the check runs");
            let names: Vec<&str> = report.diagnostics.iter().map(|d| d.name).collect();
            assert!(names.contains(rule), "kind {kind}: {names:?}");
        }
    }

    fn row(
        claims: usize,
        mb_on_disk: u64,
        floor: f64,
        check: (f64, u64),
        export: (f64, u64),
    ) -> Row {
        let m = |s: f64, mb: u64| Measure {
            wall: Duration::from_secs_f64(s),
            rss: mb * 1024 * 1024,
        };
        Row {
            claims,
            files: claims / 7,
            bytes: mb_on_disk * 1024 * 1024,
            json_bytes: 0,
            floor: m(floor, 8),
            check: m(check.0, check.1),
            export: Ok(m(export.0, export.1)),
            release: None,
            memory: None,
            broken: None,
            errors: None,
            ajv: Some(m(check.0 * 2.0, 100)),
            cjs: Some(m(check.0 * 60.0, 60)),
        }
    }

    fn verdict<'a>(table: &'a str, target: &str) -> &'a str {
        let line = table
            .lines()
            .find(|l| l.starts_with(&format!("| {target}")))
            .unwrap_or_else(|| panic!("no line for {target} in\n{table}"));
        line.rsplit('|').nth(1).unwrap_or_default().trim()
    }

    /// Each verdict follows its figure: ratios against the floor, the peers and the
    /// smaller size, memory on the largest dataset, the export and the release at 1M.
    #[test]
    fn targets_are_judged_from_the_figures() {
        let mut rows = [
            row(10_000, 5, 0.03, (0.05, 14), (0.06, 4)),
            row(100_000, 48, 0.32, (0.40, 27), (0.50, 40)),
            row(1_000_000, 480, 3.5, (4.0, 160), (5.0, 400)),
        ];
        let m = |s: f64, mb: u64| Measure {
            wall: Duration::from_secs_f64(s),
            rss: mb * 1024 * 1024,
        };
        rows[2].broken = Some(m(4.4, 200));
        rows[2].errors = Some(m(7.0, 230));
        let t = targets(&rows, Some(Duration::from_secs(40)));
        assert_eq!(verdict(&t, "check of 1M ≤ 1.3"), "met");
        assert_eq!(verdict(&t, "check of 1M with one error ≤"), "met");
        assert_eq!(verdict(&t, "check of 1M with one error: peak"), "met");
        assert_eq!(verdict(&t, "check of 1M with 1,000 errors ≤"), "met");
        assert_eq!(verdict(&t, "check of 1M with 1,000 errors: peak"), "met");
        // Without a write floor, the export's line gives no bound.
        assert!(!t.contains("alone takes"), "{t}");
        assert_eq!(verdict(&t, "`ajv-cli` / check ≥ 3"), "**missed**");
        assert_eq!(verdict(&t, "`check-jsonschema` / check ≥ 50"), "met");
        assert_eq!(verdict(&t, "check of 1M ≤ 10.5"), "met");
        // 14 MB for 5 MB at 10k is the baseline; 160 MB for 480 MB at 1M is what counts.
        assert_eq!(verdict(&t, "check peak memory"), "met");
        // 210 MB for 480 MB is 0.44 ×: under the error path's 0.5, over the clean 0.35.
        let mut heavier = rows.clone();
        heavier[2].check.rss = 210 * 1024 * 1024;
        let heavier = targets(&heavier, None);
        assert_eq!(verdict(&heavier, "check peak memory"), "**missed**");
        assert!(
            heavier.contains("| check peak memory ≤ 0.35 × the dataset"),
            "{heavier}"
        );
        assert_eq!(verdict(&t, "export peak memory"), "met");
        assert_eq!(verdict(&t, "export of 1M ≤ 2.5"), "met");
        // Without a release measured, its size is not judged.
        assert_eq!(verdict(&t, "release of 1M"), "not measured");
        assert_eq!(verdict(&t, "cold"), "met");

        let slow = [
            row(100_000, 48, 0.32, (0.40, 27), (0.50, 40)),
            row(1_000_000, 480, 3.0, (4.5, 300), (9.0, 600)),
        ];
        let mut slow = slow;
        // 3,000 MiB of release for 480 MiB of data: 6.25 ×; the JSON-LD 1,000 MiB, 2.08 ×
        // (the tables give decimal MB).
        let written = |s: f64| {
            Some((
                vec![
                    ("data/claims.csv".to_owned(), 1000 * 1024 * 1024),
                    ("dataset.json".to_owned(), 1000 * 1024 * 1024),
                    ("dataset.jsonld".to_owned(), 1000 * 1024 * 1024),
                ],
                Measure {
                    wall: Duration::from_secs_f64(s),
                    rss: 0,
                },
            ))
        };
        slow[0].release = written(0.2);
        slow[1].release = written(1.35);
        let shares = table(&slow);
        assert!(
            shares.contains("| 1000000 | 1048.6 (2.08) | 1048.6 (2.08) | 0.0 (0.00) | 1048.6 (2.08) | 0.0 (0.00) | 3145.7 (6.25) |"),
            "{shares}"
        );
        slow[1].broken = Some(m(6.0, 300));
        let t = targets(&slow, None);
        // The export at 1M is 2 × check, and writing its bytes alone 0.3 × check.
        assert!(
            t.contains(
                "2.00 × (9.00 s / 4.50 s); writing the release's bytes alone takes 0.30 × check"
            ),
            "{t}"
        );
        assert_eq!(verdict(&t, "export of 1M ≤ 2.5"), "met");
        assert_eq!(verdict(&t, "release of 1M ≤ 6"), "**missed**");
        assert!(t.contains("6.25 × (3146 MB for 503 MB)"), "{t}");
        assert_eq!(verdict(&t, "`dataset.jsonld` of 1M ≤ 2.5"), "met");
        assert_eq!(verdict(&t, "check of 1M ≤ 1.3"), "**missed**");
        assert_eq!(verdict(&t, "check of 1M with one error ≤"), "**missed**");
        assert_eq!(
            verdict(&t, "check of 1M with one error: peak"),
            "**missed**"
        );
        assert_eq!(
            verdict(&t, "check of 1M with 1,000 errors ≤"),
            "not measured"
        );
        assert_eq!(verdict(&t, "check of 1M ≤ 10.5"), "**missed**");
        assert_eq!(verdict(&t, "check peak memory"), "**missed**");
        assert_eq!(verdict(&t, "export peak memory"), "**missed**");
        assert_eq!(verdict(&t, "cold"), "not measured");

        // With the memory floor measured, the bound says what taking the peak costs, and
        // the table of bounds adds it to the check and the write floor.
        slow[1].memory = Some(m(0.9, 600));
        let t = targets(&slow, None);
        assert!(
            t.contains(
                "writing the release's bytes alone takes 0.30 × check, taking its peak memory 0.20 × check"
            ),
            "{t}"
        );
        let bounds = table(&slow);
        assert!(
            bounds.contains("| 1000000 | 3145.7 | 6.25 | 1.35 | 0.90 | 6.75 | 9.00 | 1.50 |"),
            "{bounds}"
        );
        assert!(
            bounds
                .contains("| 100000 | 3145.7 | 62.50 | 0.20 | not measured | 0.60 | 0.50 | 1.50 |"),
            "{bounds}"
        );
    }
}
