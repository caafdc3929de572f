//! `cargo xtask <task>`: the cadres build system, a thin binary: the command line, and one
//! module per task, each with a `run` function called from `main`. The xtask wires the
//! model, the validator, the exporter and the formatter to files, terminals and the
//! project's layout; none of those libraries knows about them. No other crate depends on
//! it: the tests of its tasks are its own (`#[cfg(test)]` modules beside each task).

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

mod archive;
mod bench;
mod check;
mod coverage;
mod diff;
mod export;
mod fmt;
mod fuzz;
mod memory;
mod new;
mod rules;
mod schema;
mod synth;
#[cfg(test)]
mod testing;

/// The workspace root: the folder above this crate's manifest.
pub(crate) fn project_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map_or(manifest.clone(), Path::to_path_buf)
}

/// `path` as given, or `default` under the project root when none was given, so that the
/// tasks work from any folder.
pub(crate) fn path_or_default(path: Option<PathBuf>, default: &str) -> PathBuf {
    path.unwrap_or_else(|| project_root().join(default))
}

/// Set by the `cargo xtask` binary, whose process ends when its task returns. A task then
/// leaves its largest data to be freed with the process instead of freeing it piece by
/// piece: dropping the dataset of a 1M-claim export takes 1.7 s of its 20. Left unset
/// (tests, other callers), everything is freed as usual.
pub(crate) static PROCESS_ENDS_AFTER_TASK: AtomicBool = AtomicBool::new(false);

/// Drops `value`, or leaves it to the end of the process when
/// [`PROCESS_ENDS_AFTER_TASK`] is set.
pub(crate) fn free_at_exit<T>(value: T) {
    if PROCESS_ENDS_AFTER_TASK.load(Ordering::Relaxed) {
        std::mem::forget(value);
    } else {
        drop(value);
    }
}

/// Project tasks for the cadres dataset.
#[derive(Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask", version, about)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Check every file of the dataset and report every problem.
    Check {
        /// The dataset folder [default: dataset/ in the project].
        #[arg(long)]
        dataset: Option<PathBuf>,
        /// A folder of <source-id>.txt texts: verify every quote against it, and each text
        /// against its source's pin.
        #[arg(long, env = archive::ENV)]
        archive: Option<PathBuf>,
        /// How to print the diagnostics: human, json or github.
        #[arg(long, default_value = "human")]
        format: cadres_validate::Format,
        /// The most record files to load (the limit-exceeded rule).
        #[arg(long, default_value_t = cadres_validate::MAX_FILES)]
        max_files: usize,
    },
    /// Check the dataset, then write the release.
    Export {
        /// The dataset folder [default: dataset/ in the project].
        #[arg(long)]
        dataset: Option<PathBuf>,
        /// The output folder [default: dist/ in the project].
        #[arg(long)]
        out: Option<PathBuf>,
        /// A folder of <source-id>.txt texts: verify every quote against it again before
        /// writing (the release is the same with or without it).
        #[arg(long, env = archive::ENV)]
        archive: Option<PathBuf>,
        /// The most record files to load (the limit-exceeded rule).
        #[arg(long, default_value_t = cadres_validate::MAX_FILES)]
        max_files: usize,
    },
    /// Verify quotes against the archived texts, and record what was verified.
    Archive {
        #[command(subcommand)]
        task: ArchiveTask,
    },
    /// Show what changed between two datasets: folders or releases (dataset.json).
    ///
    /// Each input is a dataset folder, checked as `export` checks it, or a release file.
    /// Exit 0 whether or not anything changed, 1 when a dataset folder has errors, 2 when
    /// an input cannot be read (see docs/diff.md).
    Diff {
        /// The older dataset: a dataset folder or a release file (dataset.json).
        old: PathBuf,
        /// The newer dataset: a dataset folder or a release file (dataset.json).
        new: PathBuf,
        /// How to print the changes.
        #[arg(long, value_enum, default_value_t = diff::FormatArg::Human)]
        format: diff::FormatArg,
    },
    /// Rewrite dataset files into their canonical form, keeping comments.
    Fmt {
        /// Only list the files that are not formatted; exit 1 when there are any.
        #[arg(long)]
        check: bool,
        /// The dataset folder [default: dataset/ in the project].
        #[arg(long)]
        dataset: Option<PathBuf>,
        /// Format only these files.
        files: Vec<PathBuf>,
    },
    /// Scaffold a new source, entity or claim from a template, in canonical form.
    New {
        /// The dataset folder [default: dataset/ in the project].
        #[arg(long, global = true)]
        dataset: Option<PathBuf>,
        #[command(subcommand)]
        template: new::Template,
    },
    /// Report which sentences of each archived source the claims quote, into docs/coverage.md.
    Coverage {
        /// A folder of <source-id>.txt texts, such as ../shared/seed.
        #[arg(long, env = archive::ENV)]
        archive: PathBuf,
        /// The dataset folder [default: dataset/ in the project].
        #[arg(long)]
        dataset: Option<PathBuf>,
        /// Only compare: fail, naming the command to run, when docs/coverage.md is stale.
        #[arg(long)]
        check: bool,
    },
    /// Write the validator's rule catalogue into docs/rules.md.
    Rules {
        /// Only compare: fail, naming the command to run, when docs/rules.md is stale.
        #[arg(long)]
        check: bool,
    },
    /// Run every cargo-fuzz target of fuzz/ (needs a nightly compiler and cargo-fuzz).
    Fuzz {
        /// Seconds to fuzz each target.
        #[arg(long, default_value_t = 60)]
        seconds: u64,
        /// Run only this target.
        #[arg(long)]
        target: Option<String>,
        /// Build the targets unoptimized: a faster build, slower runs (CI's smoke).
        #[arg(long)]
        dev: bool,
    },
    /// Write the JSON Schema of every file kind and of a release into schema/.
    Schema {
        /// Only compare: fail, naming the command to run, when schema/ is stale.
        #[arg(long)]
        check: bool,
    },
    /// Write a valid synthetic dataset of N claims, for benchmarks.
    Synth {
        /// How many claims.
        #[arg(long)]
        claims: usize,
        /// The seed: the same seed gives the same bytes.
        #[arg(long, default_value_t = 1962)]
        seed: u64,
        /// The output folder (new or empty).
        #[arg(long)]
        out: PathBuf,
        /// Also write each record as JSON into <OUT>-json/, for JSON Schema validators.
        #[arg(long)]
        json: bool,
    },
    /// Time check and export on synthetic datasets, against the parse-only floor and peers.
    Bench {
        /// Dataset sizes, in claims.
        #[arg(long, value_delimiter = ',', default_values_t = [10_000, 100_000, 1_000_000])]
        sizes: Vec<usize>,
        /// Also time ajv-cli and check-jsonschema (installed under target/bench/).
        #[arg(long)]
        peers: bool,
        /// Runs of each command; each figure is their median.
        #[arg(long, default_value_t = 1)]
        runs: usize,
        /// Print the table only; leave BENCHMARKS.md alone.
        #[arg(long)]
        no_write: bool,
        /// Also time a cold `cargo xtask export` on a fresh clone of HEAD, build included
        /// (implied by --peers, the full run).
        #[arg(long)]
        cold: bool,
    },
    /// Read and parse every TOML file of a dataset on all cores, nothing else (the bench's floor).
    #[command(hide = true)]
    ParseFloor {
        /// The dataset folder.
        #[arg(long)]
        dataset: PathBuf,
    },
    /// Take N bytes of fresh memory and touch each page on all cores, nothing else (the
    /// bench's memory floor).
    #[command(hide = true)]
    MemoryFloor {
        /// How many bytes.
        #[arg(long)]
        bytes: usize,
    },
    /// Install blank files of the sizes of a release, as the export installs one (the bench's
    /// write floor).
    #[command(hide = true)]
    WriteFloor {
        /// A release folder whose file names and sizes to copy.
        #[arg(long)]
        like: PathBuf,
        /// Where to install the blank release.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum ArchiveTask {
    /// Find every quote in the archived text of its source; if all are found, pin each
    /// text in its source file (`archived-text`) and write dataset/quotes.lock.
    Verify {
        /// A folder of <source-id>.txt texts, such as ../shared/seed.
        #[arg(long, env = archive::ENV)]
        archive: PathBuf,
        /// The dataset folder [default: dataset/ in the project].
        #[arg(long)]
        dataset: Option<PathBuf>,
    },
    /// Pin each test fixture's read sources to a text made of its own quotes (fixtures
    /// only: they have no text behind them).
    #[command(hide = true)]
    PinFixtures {
        /// The fixture dataset folders.
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The process ends when the task returns: its largest data is freed with it.
    PROCESS_ENDS_AFTER_TASK.store(true, std::sync::atomic::Ordering::Relaxed);
    let result = match cli.task {
        Task::Check {
            dataset,
            archive,
            format,
            max_files,
        } => check::run_with(
            &path_or_default(dataset, "dataset"),
            archive.as_deref(),
            format,
            max_files,
        ),
        Task::Rules { check } => rules::run(check),
        Task::Archive {
            task: ArchiveTask::Verify { archive, dataset },
        } => archive::verify(&path_or_default(dataset, "dataset"), &archive),
        Task::Archive {
            task: ArchiveTask::PinFixtures { dirs },
        } => archive::pin_fixtures(&dirs),
        Task::Export {
            dataset,
            out,
            archive,
            max_files,
        } => {
            let root = project_root();
            let dataset = path_or_default(dataset, "dataset");
            // Only a release of the project's own dataset into the default dist/ refreshes the
            // committed copies (cadres-data, docs/dataset.md).
            let own = out.is_none() && export::copies::is_project_dataset(&root, &dataset);
            export::run_with(
                &dataset,
                &path_or_default(out, "dist"),
                archive.as_deref(),
                max_files,
                own.then_some(root.as_path()),
            )
        }
        Task::Coverage {
            archive,
            dataset,
            check,
        } => coverage::run(
            &path_or_default(dataset, "dataset"),
            &archive,
            &path_or_default(None, coverage::REPORT),
            check,
        ),
        Task::Schema { check } => schema::run(check),
        Task::Fuzz {
            seconds,
            target,
            dev,
        } => fuzz::run(seconds, target.as_deref(), dev),
        Task::Synth {
            claims,
            seed,
            out,
            json,
        } => synth::run(claims, seed, &out, json),
        Task::Bench {
            sizes,
            peers,
            runs,
            no_write,
            cold,
        } => bench::run(&bench::Config {
            sizes,
            peers,
            cold: cold || peers,
            runs,
            write: !no_write,
        }),
        Task::ParseFloor { dataset } => bench::parse_floor(&dataset),
        Task::MemoryFloor { bytes } => Ok(bench::memory_floor(bytes)),
        Task::WriteFloor { like, out } => bench::write_floor(&like, &out),
        Task::Diff { old, new, format } => diff::run(&old, &new, format.into()),
        Task::New { dataset, template } => {
            new::run(&path_or_default(dataset, "dataset"), &template)
        }
        Task::Fmt {
            check,
            dataset,
            files,
        } => fmt::run(&path_or_default(dataset, "dataset"), &files, check),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::{PROCESS_ENDS_AFTER_TASK, free_at_exit};

    static DROPPED: AtomicUsize = AtomicUsize::new(0);

    struct Counted;

    impl Drop for Counted {
        fn drop(&mut self) {
            DROPPED.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Freed as usual unless the binary said the process ends after its task.
    #[test]
    fn data_is_left_to_the_exit_only_when_the_process_ends_after_the_task() {
        free_at_exit(Counted);
        assert_eq!(DROPPED.load(Ordering::Relaxed), 1);
        PROCESS_ENDS_AFTER_TASK.store(true, Ordering::Relaxed);
        free_at_exit(Counted);
        PROCESS_ENDS_AFTER_TASK.store(false, Ordering::Relaxed);
        assert_eq!(DROPPED.load(Ordering::Relaxed), 1);
    }
}
