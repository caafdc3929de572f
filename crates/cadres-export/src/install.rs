//! Putting a release into a folder atomically: the new release whole, or the old one.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError, mpsc};

use cadres_model::Dataset;

use crate::{Error, Release, Result, write_release};

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
///    folder, which is not cleaned up automatically; an error message names it
///    ([`Error::Stranded`]).
/// 4. The temporary folder, holding the previous release, is removed.
pub fn install(out: &Path, release: &Release) -> Result<()> {
    install_with(out, &|staged| write_files(staged, release), Swap::native())
}

/// [`install`] for the release of `dataset`, each file written straight into the temporary
/// folder as it is rendered ([`write_release`]), never whole in memory.
///
/// A written file is synced on a thread of its own while the next ones are rendered;
/// every file is synced before the release is swapped in.
pub fn install_dataset(out: &Path, dataset: &Dataset) -> Result<()> {
    install_streamed(out, &|sink| write_release(dataset, sink))
}

/// Where a file of a release is written: given its name (relative, `/`-separated) and a
/// function that writes its bytes, as [`write_release`] calls it.
pub type Sink<'a> = dyn Fn(&str, &dyn Fn(&mut dyn Write) -> Result<()>) -> Result<()> + Sync + 'a;

/// Installs at `out`, as [`install`] does, the files that `produce` writes through the sink
/// it is given: each file streamed into the temporary folder and synced on a thread of its
/// own while the next ones are written, every file synced before the release is swapped in.
pub fn install_streamed(out: &Path, produce: &dyn Fn(&Sink<'_>) -> Result<()>) -> Result<()> {
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
                                    f.sync_all().map_err(|e| Error::file("writing", path, e))
                                })
                            })
                            .collect();
                        syncing.into_iter().try_for_each(|sync| {
                            sync.join()
                                .unwrap_or(Err(Error::Panicked("syncing a file")))
                        })
                    })
                });
                let rendered = produce(&|name, contents| {
                    let path = staged.join(name);
                    let f = create_file(&path)?;
                    let mut w = BufWriter::with_capacity(1 << 16, f);
                    let f = match contents(&mut w) {
                        Ok(()) => w
                            .into_inner()
                            .map_err(|e| Error::file("writing", &path, e.into_error()))?,
                        Err(e) => return Err(in_file(e, &path)),
                    };
                    written
                        .send((path, f))
                        .map_err(|_| Error::Panicked("syncing the files"))
                });
                drop(written);
                let synced = sync_thread
                    .join()
                    .unwrap_or(Err(Error::Panicked("syncing the files")));
                rendered.and(synced)
            })
        },
        Swap::native(),
    )
}

/// `e`, a failure to write the file `path`, with the path when it is a bare I/O error.
fn in_file(e: Error, path: &Path) -> Error {
    match e {
        Error::Io(e) => Error::file("writing", path, e),
        e => e,
    }
}

/// Installs at `out`, as [`install_dataset`] installs a release, files of the given names
/// (relative, `/`-separated) and sizes in bytes, filled with spaces: the same folders,
/// writes, syncs and swap with no rendering. The bench's write floor, the least an export
/// of a release of these sizes can cost beyond its check.
pub fn install_blank(out: &Path, files: &[(String, u64)]) -> Result<()> {
    let mut order: Vec<&(String, u64)> = files.iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let blank = vec![b' '; 1 << 16];
    let fill = |len: u64, w: &mut dyn Write| -> Result<()> {
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
fn write_files(staged: &Path, release: &Release) -> Result<()> {
    for (file, bytes) in &release.files {
        write_file(&staged.join(file), bytes)?;
    }
    Ok(())
}

/// Creates the file `path`, and its folder.
fn create_file(path: &Path) -> Result<fs::File> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(|e| Error::file("creating", folder, e))?;
    }
    fs::File::create(path).map_err(|e| Error::file("creating", path, e))
}

/// Creates the file `path` (and its folder), writes `bytes` into it, and syncs it.
fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = create_file(path)?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| Error::file("writing", path, e))
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
fn install_with(out: &Path, fill: &dyn Fn(&Path) -> Result<()>, swap: Swap) -> Result<()> {
    let name = out
        .file_name()
        .ok_or_else(|| Error::NoFolderName(out.to_owned()))?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if out.exists() && !out.is_dir() {
        return Err(Error::NotAFolder(out.to_owned()));
    }
    fs::create_dir_all(&parent).map_err(|e| Error::file("creating", &parent, e))?;
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{}.export-", name.to_string_lossy()))
        .tempdir_in(&parent)
        .map_err(|e| Error::file("creating a temporary folder in", &parent, e))?;
    // A folder made by `create_dir` gets the usual permissions; the temporary folder's own
    // are private.
    let staged = tmp.path().join(name);
    fs::create_dir(&staged).map_err(|e| Error::file("creating", &staged, e))?;
    fill(&staged)?;
    let had_previous = out.exists();
    if had_previous && swap == Swap::Exchange && exchange(&staged, out).is_ok() {
        sync_dir(&parent);
        return tmp
            .close()
            .map_err(|e| Error::file("removing the previous release from", &parent, e));
    }
    let previous = tmp.path().join("previous");
    if had_previous {
        fs::rename(out, &previous).map_err(|e| Error::file("moving aside the old", out, e))?;
    }
    if let Err(e) = fs::rename(&staged, out) {
        if had_previous && let Err(back) = fs::rename(&previous, out) {
            return Err(Error::Stranded {
                install: e,
                restore: back,
                kept: tmp.keep(),
            });
        }
        return Err(Error::file("moving the new release to", out, e));
    }
    sync_dir(&parent);
    tmp.close()
        .map_err(|e| Error::file("removing the previous release from", &parent, e))
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

    use super::{Swap, install_blank, install_with, write_files};
    use crate::Release;

    fn release(text: &str) -> Release {
        Release {
            files: vec![("dataset.md".to_owned(), text.as_bytes().to_vec())],
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
