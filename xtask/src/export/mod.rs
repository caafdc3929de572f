//! `cargo xtask export`: check the dataset, then write the release into `dist/` atomically.
//!
//! The release is a pure function of the dataset ([`write_release`], and [`render`] in
//! memory): `dataset.json` (the model's
//! serde form), `dataset.schema.json` (its JSON Schema) and `dataset.md` (the document for
//! readers), and for other tools `bibliography.json` (CSL-JSON), `data/` (a Frictionless
//! data package) and `dataset.jsonld` (JSON-LD); `docs/exports.md` describes those three.
//! It reads no clock, writes no absolute path and iterates no hash map, so the same dataset
//! gives the same bytes on any machine, in any folder, locale or time zone.
//!
//! # Safety
//!
//! The dataset is checked first; on any error nothing is written, not even a temporary
//! folder. Otherwise [`install`] writes the release into a temporary folder beside the
//! output and swaps it into place (in one step on Linux, else with two renames), so that no
//! file of an earlier release survives and a failure leaves either the old release or the
//! new one.

pub mod copies;
mod csl;
pub(crate) mod escape;
mod frictionless;
mod human;
mod json;
mod jsonld;
mod markdown;

use std::collections::{HashMap, HashSet};
use std::fs;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError, mpsc};

use anyhow::{Context, bail};
use cadres_model::{Claim, Dataset, Entity, Id, Property, Source};

/// The file names of a release, in the order [`render`] gives them (paths relative to the
/// output folder, `/`-separated).
pub const FILES: [&str; 18] = [
    "bibliography.json",
    "data/citation-cites.csv",
    "data/citation-names.csv",
    "data/citations.csv",
    "data/claims.csv",
    "data/datapackage.json",
    "data/disputes.csv",
    "data/entities.csv",
    "data/labels.csv",
    "data/properties.csv",
    "data/qualifiers.csv",
    "data/source-names.csv",
    "data/source-references.csv",
    "data/sources.csv",
    "dataset.json",
    "dataset.jsonld",
    "dataset.md",
    "dataset.schema.json",
];

/// A rendered release: each file's name and bytes, in [`FILES`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    /// `(file name, contents)`, sorted by file name.
    pub files: Vec<(String, Vec<u8>)>,
}

impl Release {
    /// The contents of the file named `name`.
    pub fn file(&self, name: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, bytes)| bytes.as_slice())
    }
}

/// The dataset as a release holds it: each list sorted by id, whatever order the records
/// came in (references into the dataset, not a copy), and what several formats share.
pub(crate) struct Sorted<'a> {
    pub(crate) dataset: &'a Dataset,
    pub(crate) properties: Vec<&'a Property>,
    pub(crate) sources: Vec<&'a Source>,
    pub(crate) entities: Vec<&'a Entity>,
    pub(crate) claims: Vec<&'a Claim>,
    /// The ids of the works read: every citation's `source`.
    pub(crate) read: FastSet<&'a str>,
}

impl<'a> Sorted<'a> {
    fn new(dataset: &'a Dataset) -> Sorted<'a> {
        // Stable sorts, as the release always had: records with one id keep their order.
        fn by_id<T>(items: &[T], id: impl Fn(&T) -> &Id) -> Vec<&T> {
            let mut sorted: Vec<&T> = items.iter().collect();
            sorted.sort_by(|a, b| id(a).cmp(id(b)));
            sorted
        }
        Sorted {
            dataset,
            properties: by_id(&dataset.properties, |p| &p.id),
            sources: by_id(&dataset.sources, |s| &s.id),
            entities: by_id(&dataset.entities, |e| &e.id),
            claims: by_id(&dataset.claims, |c| &c.id),
            read: dataset
                .claims
                .iter()
                .flat_map(|c| &c.citations)
                .map(|c| c.source.as_str())
                .collect(),
        }
    }
}

/// A hasher for maps that are only looked up, never iterated, so that no output depends on
/// it: the multiply-rotate hash of rustc (`FxHasher`), much faster than `SipHash` on the
/// short ids and texts hashed here, and not exposed to input chosen to collide.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A `HashSet` with [`FastHasher`].
pub(crate) type FastSet<T> = HashSet<T, BuildHasherDefault<FastHasher>>;

/// One file of a release and what writes it.
#[derive(Debug, Clone, Copy)]
enum Part {
    Bibliography,
    Json,
    JsonLd,
    Markdown,
    Schema,
    Package,
    /// A CSV table of the data package, by its place in [`frictionless::TABLES`].
    Table(usize),
}

impl Part {
    /// Every file of a release with its name, in [`FILES`] order.
    fn all() -> Vec<(String, Part)> {
        let mut parts = vec![
            ("bibliography.json".to_owned(), Part::Bibliography),
            ("dataset.json".to_owned(), Part::Json),
            ("dataset.jsonld".to_owned(), Part::JsonLd),
            ("dataset.md".to_owned(), Part::Markdown),
            ("dataset.schema.json".to_owned(), Part::Schema),
            (
                format!("{}/datapackage.json", frictionless::FOLDER),
                Part::Package,
            ),
        ];
        parts.extend(frictionless::TABLES.iter().enumerate().map(|(i, name)| {
            (
                format!("{}/{name}.csv", frictionless::FOLDER),
                Part::Table(i),
            )
        }));
        parts.sort_by(|a, b| a.0.cmp(&b.0));
        parts
    }

    /// A guess at the part's share of the work, larger first: the order in which the
    /// threads pick the parts up, so that the longest does not start last.
    fn weight(self) -> usize {
        match self {
            Part::Markdown => 0,
            Part::JsonLd => 1,
            Part::Json => 2,
            Part::Table(i) => 3 + frictionless::weight(i),
            Part::Bibliography => 20,
            Part::Package => 21,
            Part::Schema => 22,
        }
    }

    fn write(self, sorted: &Sorted<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
        match self {
            Part::Bibliography => csl::write(sorted, out).context("serializing bibliography.json"),
            Part::Json => json::dataset(sorted, out).context("serializing dataset.json"),
            Part::JsonLd => jsonld::write(sorted, out).context("serializing dataset.jsonld"),
            Part::Markdown => markdown::write(sorted, out).context("rendering dataset.md"),
            Part::Schema => json::schema(out).context("serializing dataset.schema.json"),
            Part::Package => frictionless::package(sorted, out).context("writing the data package"),
            Part::Table(i) => {
                frictionless::table(i, sorted, out).context("writing the data package")
            }
        }
    }
}

/// Writes each file of the release of `dataset` through `sink`, which is given the file's
/// name (relative to the release folder, `/`-separated) and a function that writes its
/// bytes into a writer; it returns when every file is written. The files are written on
/// as many threads as there are cores; each file's bytes are a pure function of the
/// dataset, byte-identical for the same records in any order.
///
/// # Errors
///
/// The first error in [`FILES`] order, of `sink` or of a file's rendering.
pub fn write_release<S>(dataset: &Dataset, sink: S) -> anyhow::Result<()>
where
    S: Fn(&str, &dyn Fn(&mut dyn Write) -> anyhow::Result<()>) -> anyhow::Result<()> + Sync,
{
    let sorted = Sorted::new(dataset);
    let parts = Part::all();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| parts[i].1.weight());
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<anyhow::Result<()>>>> =
        parts.iter().map(|_| Mutex::new(None)).collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(parts.len());
    let work = || {
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            let (name, part) = &parts[i];
            let result = sink(name, &|out| part.write(&sorted, out));
            *results[i].lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    for (result, (name, _)) in results.into_iter().zip(&parts) {
        match result.into_inner().unwrap_or_else(PoisonError::into_inner) {
            Some(result) => result?,
            None => bail!("{name} was not written"),
        }
    }
    Ok(())
}

/// Renders the release of `dataset` in memory: a pure function, byte-identical for the same
/// records in any order.
pub fn render(dataset: &Dataset) -> anyhow::Result<Release> {
    let files = Mutex::new(Vec::new());
    write_release(dataset, |name, contents| {
        let mut bytes = Vec::new();
        contents(&mut bytes)?;
        files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((name.to_owned(), bytes));
        Ok(())
    })?;
    let mut files = files.into_inner().unwrap_or_else(PoisonError::into_inner);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Release { files })
}

/// Checks `dataset`, then writes its release into `out`, replacing what was there.
///
/// When the check finds any error, prints the report, writes nothing and returns failure.
pub fn run(dataset: &Path, out: &Path) -> anyhow::Result<ExitCode> {
    run_with(dataset, out, None, cadres_validate::MAX_FILES, None)
}

/// [`run`], verifying every quote against `archive` again when given, loading at most
/// `max_files` record files; with `copies`, a project root whose committed copies of the
/// release ([`copies`]) are then refreshed from the installed one.
///
/// The release is a function of the dataset alone: the archive can only refuse it.
pub fn run_with(
    dataset: &Path,
    out: &Path,
    archive: Option<&Path>,
    max_files: usize,
    copies: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let report = cadres_validate::check_with(
        &cadres_validate::Options {
            dataset: dataset.to_owned(),
            archive: archive.map(Path::to_owned),
        },
        &cadres_validate::Tuning {
            max_files,
            assemble: true,
            progress: crate::check::progress_bar(),
        },
    )?;
    if !report.diagnostics.is_empty() {
        // The report as `cargo xtask check` prints it, from this check rather than a second.
        let options = cadres_validate::RenderOptions {
            format: cadres_validate::Format::Human,
            color: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            prefix: crate::check::display_prefix(dataset),
        };
        eprint!("{}", cadres_validate::render(&report, &options));
    }
    let data = match report.dataset {
        Some(data) if !report.has_errors() => data,
        Some(_) => {
            eprintln!("error: the dataset has errors; nothing was written");
            return Ok(ExitCode::FAILURE);
        }
        None => {
            eprintln!(
                "error: the dataset could not be assembled (is metadata.toml missing?); nothing was written"
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    install_dataset(out, &data)?;
    println!(
        "wrote {}: {} ({} properties, {} sources, {} entities, {} claims)",
        display_name(out),
        FILES.join(", "),
        data.properties.len(),
        data.sources.len(),
        data.entities.len(),
        data.claims.len()
    );
    crate::free_at_exit(data);
    if let Some(root) = copies {
        refresh_copies(root, out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Refreshes the committed copies under `root` from the release just installed in `out`,
/// and says which changed.
fn refresh_copies(root: &Path, out: &Path) -> anyhow::Result<()> {
    let files: Vec<(&str, Vec<u8>)> = copies::COPIES
        .iter()
        .map(|(name, _)| Ok((*name, fs::read(out.join(name))?)))
        .collect::<std::io::Result<_>>()
        .context("reading the release back for its committed copies")?;
    let expected = copies::expected(|name| {
        files
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| b.as_slice())
    })?;
    let changed = copies::refresh(root, &expected)?;
    if changed.is_empty() {
        println!("committed copies are up to date: {}", copy_paths());
    } else {
        println!(
            "refreshed the committed copies: {} (commit them with the dataset)",
            changed.join(", ")
        );
    }
    Ok(())
}

fn copy_paths() -> String {
    copies::COPIES
        .iter()
        .map(|(_, path)| *path)
        .chain([copies::CONSTANTS])
        .collect::<Vec<_>>()
        .join(", ")
}

/// The output folder's name, for messages that should not print absolute paths.
fn display_name(out: &Path) -> String {
    out.file_name().map_or_else(
        || out.display().to_string(),
        |n| format!("{}/", n.to_string_lossy()),
    )
}

/// Writes `release` into the folder `out`, replacing it whole.
///
/// 1. A temporary folder `.<name>.export-XXXXXX` is made beside `out` (same file system, so
///    renames are atomic) and the release is written into `<tmp>/<name>`, each file synced.
/// 2. When `out` exists, on Linux, `<tmp>/<name>` and `out` are exchanged in one step
///    (`renameat2` with `RENAME_EXCHANGE`): `out` is at every instant either the old
///    release or the new one. The old one, now in `<tmp>/<name>`, is then removed.
/// 3. Elsewhere, or where the file system cannot exchange (the call fails without changing
///    anything), `out` is renamed to `<tmp>/previous` and `<tmp>/<name>` to `out`; if the
///    second rename fails the first is undone. Between the two renames there is a window
///    of two system calls in which `out` does not exist: a reader then sees no release,
///    never a mixed one. A crash in that window leaves both releases in the temporary
///    folder, which is not cleaned up automatically; an error message names it.
/// 4. The temporary folder, holding the previous release, is removed.
pub fn install(out: &Path, release: &Release) -> anyhow::Result<()> {
    install_with(out, &|staged| write_files(staged, release), Swap::native())
}

/// [`install`] for the release of `dataset`, each file written straight into the temporary
/// folder as it is rendered ([`write_release`]), never whole in memory.
///
/// A written file is synced on a thread of its own while the next ones are rendered;
/// every file is synced before the release is swapped in.
pub fn install_dataset(out: &Path, dataset: &Dataset) -> anyhow::Result<()> {
    install_streamed(out, &|sink| write_release(dataset, sink))
}

/// Where a file of a release is written: given its name (relative, `/`-separated) and a
/// function that writes its bytes, as [`write_release`] calls it.
type Sink<'a> =
    dyn Fn(&str, &dyn Fn(&mut dyn Write) -> anyhow::Result<()>) -> anyhow::Result<()> + Sync + 'a;

/// Installs at `out` the files that `produce` writes through the sink it is given: each
/// file streamed into the temporary folder and synced on a thread of its own while the
/// next ones are written, every file synced before the release is swapped in.
fn install_streamed(
    out: &Path,
    produce: &dyn Fn(&Sink<'_>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    install_with(
        out,
        &|staged| {
            let (written, to_sync) = mpsc::channel::<(PathBuf, fs::File)>();
            std::thread::scope(|scope| {
                let sync_thread = scope.spawn(move || {
                    // Each file is synced on a thread of its own, so that the file system
                    // can commit several in one journal transaction.
                    std::thread::scope(|syncs| {
                        let syncing: Vec<_> = to_sync
                            .into_iter()
                            .map(|(path, f): (PathBuf, fs::File)| {
                                syncs.spawn(move || {
                                    f.sync_all()
                                        .with_context(|| format!("writing {}", path.display()))
                                })
                            })
                            .collect();
                        syncing.into_iter().try_for_each(|sync| {
                            sync.join().unwrap_or_else(|_| {
                                Err(anyhow::anyhow!("a thread syncing a file panicked"))
                            })
                        })
                    })
                });
                let rendered = produce(&|name, contents| {
                    let path = staged.join(name);
                    let f = create_file(&path)?;
                    let mut w = BufWriter::with_capacity(1 << 16, f);
                    let f = contents(&mut w)
                        .and_then(|()| w.into_inner().map_err(|e| e.into_error().into()))
                        .with_context(|| format!("writing {}", path.display()))?;
                    written
                        .send((path, f))
                        .map_err(|_| anyhow::anyhow!("the thread syncing the files stopped"))
                });
                drop(written);
                let synced = sync_thread.join().unwrap_or_else(|_| {
                    Err(anyhow::anyhow!("the thread syncing the files panicked"))
                });
                rendered.and(synced)
            })
        },
        Swap::native(),
    )
}

/// Installs at `out`, as [`install_dataset`] installs a release, files of the given names
/// (relative, `/`-separated) and sizes in bytes, filled with spaces: the same folders,
/// writes, syncs and swap with no rendering. The bench's write floor, the least an export
/// of a release of these sizes can cost beyond its check.
pub fn install_blank(out: &Path, files: &[(String, u64)]) -> anyhow::Result<()> {
    let mut order: Vec<&(String, u64)> = files.iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let blank = vec![b' '; 1 << 16];
    let fill = |len: u64, w: &mut dyn Write| -> anyhow::Result<()> {
        let mut left = len;
        while left > 0 {
            let n = usize::try_from(left).map_or(blank.len(), |l| l.min(blank.len()));
            w.write_all(&blank[..n])?;
            left -= n as u64;
        }
        Ok(())
    };
    install_streamed(out, &|sink| {
        // On every core, largest file first, as `write_release` writes a release.
        let next = AtomicUsize::new(0);
        let failed = Mutex::new(None);
        let work = || {
            while let Some((name, len)) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                if let Err(e) = sink(name, &|w| fill(*len, w)) {
                    failed
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .get_or_insert(e);
                }
            }
        };
        std::thread::scope(|scope| {
            for _ in 1..threads {
                scope.spawn(work);
            }
            work();
        });
        failed
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
            .map_or(Ok(()), Err)
    })
}

/// Writes the files of `release` into the folder `staged`.
fn write_files(staged: &Path, release: &Release) -> anyhow::Result<()> {
    for (file, bytes) in &release.files {
        write_file(&staged.join(file), |f| Ok(f.write_all(bytes)?))?;
    }
    Ok(())
}

/// Creates the file `path`, and its folder.
fn create_file(path: &Path) -> anyhow::Result<fs::File> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).with_context(|| format!("creating {}", folder.display()))?;
    }
    fs::File::create(path).with_context(|| format!("creating {}", path.display()))
}

/// Creates the file `path` (and its folder), lets `contents` write into it, and syncs it.
fn write_file(
    path: &Path,
    contents: impl FnOnce(&mut fs::File) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut f = create_file(path)?;
    contents(&mut f)
        .and_then(|()| Ok(f.sync_all()?))
        .with_context(|| format!("writing {}", path.display()))
}

/// How [`install`] puts the new release in place of an old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Swap {
    /// One atomic exchange (Linux), falling back to two renames when the file system
    /// cannot exchange.
    Exchange,
    /// Two renames: other platforms, and tests of the fallback.
    Renames,
}

impl Swap {
    /// The exchange on Linux, the renames elsewhere.
    fn native() -> Swap {
        if cfg!(target_os = "linux") {
            Swap::Exchange
        } else {
            Swap::Renames
        }
    }
}

/// Writes a release with `fill`, given the folder to write into, and puts it in place of
/// `out` as [`install`] describes.
fn install_with(
    out: &Path,
    fill: &dyn Fn(&Path) -> anyhow::Result<()>,
    swap: Swap,
) -> anyhow::Result<()> {
    let name = out
        .file_name()
        .with_context(|| format!("the output {} has no folder name", out.display()))?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if out.exists() && !out.is_dir() {
        bail!(
            "{} exists and is not a folder; not replacing it",
            out.display()
        );
    }
    fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{}.export-", name.to_string_lossy()))
        .tempdir_in(&parent)
        .with_context(|| format!("creating a temporary folder in {}", parent.display()))?;
    // A folder made by `create_dir` gets the usual permissions; the temporary folder's own
    // are private.
    let staged = tmp.path().join(name);
    fs::create_dir(&staged).with_context(|| format!("creating {}", staged.display()))?;
    fill(&staged)?;
    let had_previous = out.exists();
    if had_previous && swap == Swap::Exchange && exchange(&staged, out).is_ok() {
        sync_dir(&parent);
        return tmp
            .close()
            .with_context(|| format!("removing the previous release from {}", parent.display()));
    }
    let previous = tmp.path().join("previous");
    if had_previous {
        fs::rename(out, &previous)
            .with_context(|| format!("moving the old {} aside", out.display()))?;
    }
    if let Err(e) = fs::rename(&staged, out) {
        if had_previous && let Err(back) = fs::rename(&previous, out) {
            let kept = tmp.keep();
            bail!(
                "installing the new release failed ({e}) and restoring the old one failed too ({back}); \
                 both are kept in {}",
                kept.display()
            );
        }
        return Err(e).with_context(|| format!("moving the new release to {}", out.display()));
    }
    sync_dir(&parent);
    tmp.close()
        .with_context(|| format!("removing the previous release from {}", parent.display()))
}

/// Makes the renames in `dir` durable before the old release is deleted (best effort: not
/// every platform can sync a folder).
fn sync_dir(dir: &Path) {
    if let Ok(f) = fs::File::open(dir) {
        let _ = f.sync_all();
    }
}

/// Exchanges two paths atomically: each takes the other's place in one step.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

/// Exchanges two paths atomically: not available here, so the caller falls back to two
/// renames.
#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;

    use cadres_model::Rank;

    use super::{Release, Swap, install_blank, install_with, write_files};

    fn release(text: &str) -> Release {
        Release {
            files: vec![("dataset.md".to_owned(), text.as_bytes().to_vec())],
        }
    }

    #[test]
    fn rank_names_are_the_serde_names() {
        for rank in Rank::ALL {
            assert_eq!(
                serde_json::to_value(rank).expect("serializes"),
                serde_json::Value::String(rank.as_str().to_owned())
            );
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("readable")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn both_swaps_replace_the_old_release_whole() {
        for swap in [Swap::Exchange, Swap::Renames] {
            let tmp = tempfile::tempdir().expect("tempdir");
            let out = tmp.path().join("dist");
            install_with(&out, &|dir| write_files(dir, &release("first")), swap)
                .expect("first install");
            fs::write(out.join("stale.txt"), "left by hand").expect("write");
            install_with(&out, &|dir| write_files(dir, &release("second")), swap)
                .expect("second install");
            assert_eq!(names(&out), ["dataset.md"], "{swap:?}");
            assert_eq!(
                fs::read_to_string(out.join("dataset.md")).expect("read"),
                "second"
            );
            assert_eq!(
                names(tmp.path()),
                ["dist"],
                "{swap:?} leaves no temporary folder"
            );
        }
    }

    /// The write floor installs files of exactly the sizes asked for, folders included,
    /// in place of an old release.
    #[test]
    fn a_blank_release_has_the_names_and_sizes_asked_for() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = tmp.path().join("dist");
        install_with(
            &out,
            &|dir| write_files(dir, &release("old")),
            Swap::native(),
        )
        .expect("first install");
        let sizes = [
            ("data/claims.csv".to_owned(), 200_000),
            ("dataset.json".to_owned(), 0),
            ("dataset.md".to_owned(), 65_537),
        ];
        install_blank(&out, &sizes).expect("blank install");
        for (name, len) in &sizes {
            let bytes = fs::read(out.join(name)).expect("written");
            assert_eq!(bytes.len() as u64, *len, "{name}");
            assert!(bytes.iter().all(|b| *b == b' '), "{name}");
        }
        assert_eq!(names(&out), ["data", "dataset.json", "dataset.md"]);
    }
}
