//! `cargo xtask check`: run the validator over a dataset folder and print its report.
//!
//! Human output goes to stderr, like rustc's; `--format json` and `--format github` go to
//! stdout, for tools. Exit status: 0 clean (warnings allowed), 1 errors, 2 the check could
//! not run (returned as an `Err` to `main`).

use std::io::{IsTerminal, Write};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use cadres_validate::{Format, Options, Pass, RenderOptions, Tuning};

/// Checks `dataset` (and its quotes against `archive`), prints every diagnostic in
/// `format`; exit 0 when clean, 1 on errors.
#[cfg(test)]
pub(crate) fn run(
    dataset: &Path,
    archive: Option<&Path>,
    format: Format,
) -> anyhow::Result<ExitCode> {
    run_with(dataset, archive, format, cadres_validate::MAX_FILES)
}

/// [`run`], loading at most `max_files` record files.
pub(crate) fn run_with(
    dataset: &Path,
    archive: Option<&Path>,
    format: Format,
    max_files: usize,
) -> anyhow::Result<ExitCode> {
    let report = cadres_validate::check_with(
        &Options {
            dataset: dataset.to_owned(),
            archive: archive.map(Path::to_owned),
        },
        &Tuning {
            max_files,
            assemble: false,
            progress: progress_bar(),
        },
    )?;
    let options = RenderOptions {
        format,
        color: format == Format::Human
            && std::io::stderr().is_terminal()
            && std::env::var_os("NO_COLOR").is_none(),
        prefix: match format {
            Format::Human => display_prefix(dataset),
            Format::Github => repository_prefix(dataset),
            // Paths in JSON are relative to the dataset folder, whatever the current folder.
            Format::Json => String::new(),
        },
    };
    let text = cadres_validate::render(&report, &options);
    if format == Format::Human {
        eprint!("{text}");
    } else {
        std::io::stdout().write_all(text.as_bytes())?;
    }
    Ok(if report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A progress counter on stderr, for runs over [`PROGRESS_FROM`] files, when stderr is a
/// terminal; `None` (nothing printed) otherwise.
pub(crate) fn progress_bar() -> Option<fn(Pass<'_>, usize, usize)> {
    fn draw(pass: Pass<'_>, done: usize, total: usize) {
        if total < PROGRESS_FROM {
            return;
        }
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "{}", progress_line(pass, done, total));
        let _ = err.flush();
    }
    std::io::stderr()
        .is_terminal()
        .then_some(draw as fn(Pass<'_>, usize, usize))
}

/// What the progress bar draws for `done` of `total` files in `pass`: the line, from its
/// start, cleared to its end (a line of the streaming pass may be longer than the next
/// one), and cleared away when the pass is done. The full pass says why it runs: the rule
/// and the file that stopped the streaming pass.
fn progress_line(pass: Pass<'_>, done: usize, total: usize) -> String {
    const CLEAR: &str = "\x1b[K";
    if done >= total {
        return format!("\r{CLEAR}");
    }
    let width = 30;
    let filled = done * width / total.max(1);
    let what = match pass {
        Pass::Streaming => "checking".to_owned(),
        Pass::Full(Some(doubt)) => format!("found {doubt}; checking every file in full"),
        Pass::Full(None) => "checking every file and every quote against the archive".to_owned(),
        Pass::Pointing(doubt) => {
            format!("found {doubt}; reading the files with problems again to point at them")
        }
    };
    format!(
        "\r{what} [{}{}] {done}/{total} files{CLEAR}",
        "#".repeat(filled),
        " ".repeat(width - filled)
    )
}

/// The number of files from which a check shows its progress on a terminal.
pub(crate) const PROGRESS_FROM: usize = 10_000;

/// How to show the dataset folder before each file in human output: the path from the
/// current folder to it (`dataset/`, `../dataset/` from a subfolder), so that every path a
/// report prints opens from where the command ran, as ruff prints them. Never absolute:
/// where no relative path exists (another drive), the folder's name alone.
pub(crate) fn display_prefix(dataset: &Path) -> String {
    let base = std::env::current_dir().ok();
    prefix_from(base.as_deref(), dataset)
}

/// How to show the dataset folder in GitHub annotations: from the repository root, which
/// is where GitHub resolves an annotation's `file` (`dataset/`).
pub(crate) fn repository_prefix(dataset: &Path) -> String {
    prefix_from(Some(&crate::project_root()), dataset)
}

/// `dataset` relative to `base`, as a `/`-separated prefix ending in `/` (empty for the
/// same folder).
fn prefix_from(base: Option<&Path>, dataset: &Path) -> String {
    let absolute = |p: &Path| {
        std::fs::canonicalize(p).unwrap_or_else(|_| {
            std::env::current_dir().map_or_else(|_| p.to_path_buf(), |cwd| cwd.join(p))
        })
    };
    let shown = match base {
        Some(base) => relative(&absolute(base), &absolute(dataset)),
        None => None,
    }
    .unwrap_or_else(|| {
        if dataset.is_relative() {
            dataset.to_path_buf()
        } else {
            dataset.file_name().map(PathBuf::from).unwrap_or_default()
        }
    });
    let parts: Vec<String> = shown
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("{}/", parts.join("/"))
    }
}

/// The path from the folder `from` to `to`, both absolute: `../dataset`. `None` when they
/// share no root.
fn relative(from: &Path, to: &Path) -> Option<PathBuf> {
    let from: Vec<Component<'_>> = from.components().collect();
    let to: Vec<Component<'_>> = to.components().collect();
    if from.first() != to.first() {
        return None;
    }
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut path = PathBuf::new();
    for _ in common..from.len() {
        path.push("..");
    }
    for c in &to[common..] {
        path.push(c.as_os_str());
    }
    Some(path)
}

#[cfg(test)]
mod tests;
