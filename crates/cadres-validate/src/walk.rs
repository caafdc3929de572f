//! The walk: the dataset folder in sorted order, each entry placed in the layout
//! (`metadata.toml`, `properties.toml`, `sources/`, `entities/<kind>/`), with the
//! diagnostics about the tree itself: unexpected files, symbolic links leading outside,
//! missing files, and record files past the limit. Nothing is opened here: a pipe,
//! socket or device named like a record is reported, not read.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use cadres_model::EntityKind;
use cadres_model::schema::RecordKind;

use crate::{Diagnostic, Error, rules};

/// A file found by the walk, and the kind of record it should hold.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub(crate) path: PathBuf,
    pub(crate) rel: String,
    pub(crate) kind: RecordKind,
}

/// The outcome of the walk: record files to load, and diagnostics about the tree itself.
pub(crate) struct Walk {
    pub(crate) files: Vec<Found>,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// Walks `root` in sorted order, keeping at most `max_files` record files.
pub(crate) fn walk(root: &Path, max_files: usize) -> Result<Walk, Error> {
    let canonical = fs::canonicalize(root).map_err(|source| Error::Folder {
        path: root.to_owned(),
        source,
    })?;
    if !canonical.is_dir() {
        return Err(Error::Folder {
            path: root.to_owned(),
            source: io::Error::new(io::ErrorKind::NotADirectory, "not a folder"),
        });
    }
    let mut walk = Walk {
        files: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut visited = HashSet::new();
    visit(&canonical, &canonical, "", &mut visited, &mut walk).map_err(|source| Error::Folder {
        path: root.to_owned(),
        source,
    })?;
    if walk.files.len() > max_files {
        let over = walk.files.len() - max_files;
        walk.files.truncate(max_files);
        walk.diagnostics.push(
            Diagnostic::new(
                &rules::LIMIT_EXCEEDED,
                walk.files.last().map_or(String::new(), |f| f.rel.clone()),
                format!(
                    "the dataset holds more than {max_files} record files; the {over} after this one were not read"
                ),
            )
            .help("a dataset this large is not what the tools are built for: split it"),
        );
    }
    for required in ["metadata.toml", "properties.toml"] {
        if !walk.files.iter().any(|f| f.rel == required) {
            walk.diagnostics.push(
                Diagnostic::new(
                    &rules::MISSING_FILE,
                    required,
                    format!("the dataset has no `{required}`"),
                )
                .help(format!(
                    "create `{required}`; `tests/fixtures/valid/{required}` shows its form"
                )),
            );
        }
    }
    Ok(walk)
}

/// Where in the layout a folder is.
enum Place {
    Root,
    Sources,
    Entities,
    Kind,
    Other,
}

fn place(rel_dir: &str) -> Place {
    match rel_dir.split('/').collect::<Vec<_>>().as_slice() {
        [""] => Place::Root,
        ["sources"] => Place::Sources,
        ["entities"] => Place::Entities,
        ["entities", kind] if EntityKind::from_name(kind).is_some() => Place::Kind,
        _ => Place::Other,
    }
}

fn visit(
    root: &Path,
    dir: &Path,
    rel_dir: &str,
    visited: &mut HashSet<PathBuf>,
    walk: &mut Walk,
) -> io::Result<()> {
    if !visited.insert(dir.to_owned()) {
        return Ok(());
    }
    // The file type comes with the folder entry (no lookup per file), except behind a
    // symbolic link.
    let mut entries: Vec<(String, PathBuf, Option<fs::FileType>)> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.path(),
                e.file_type().ok(),
            )
        })
        .collect();
    entries.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    for (name, path, file_type) in entries {
        if name.starts_with('.') {
            continue;
        }
        let rel = if rel_dir.is_empty() {
            name.clone()
        } else {
            format!("{rel_dir}/{name}")
        };
        let file_type = match file_type {
            Some(t) => t,
            None => fs::symlink_metadata(&path)?.file_type(),
        };
        let mut target = path.clone();
        let mut is_dir = file_type.is_dir();
        if file_type.is_symlink() {
            match fs::canonicalize(&path) {
                Ok(t) if t.starts_with(root) => {
                    is_dir = t.is_dir();
                    target = t;
                }
                Ok(_) => {
                    walk.diagnostics.push(
                        Diagnostic::new(
                            &rules::SYMLINK_OUTSIDE,
                            rel,
                            "this symbolic link leads out of the dataset folder",
                        )
                        .help("copy the file into the dataset, or remove the link"),
                    );
                    continue;
                }
                Err(_) => {
                    walk.diagnostics.push(
                        Diagnostic::new(
                            &rules::SYMLINK_OUTSIDE,
                            rel,
                            "this symbolic link leads nowhere",
                        )
                        .help("remove the link"),
                    );
                    continue;
                }
            }
        }
        let unexpected = |what: &str, help: &str| {
            Diagnostic::new(
                &rules::UNEXPECTED_FILE,
                rel.clone(),
                format!("unexpected {what} `{rel}`"),
            )
            .help(help)
        };
        // A pipe, socket or device named like a record is never opened: reading a pipe
        // would wait for a writer forever.
        let is_file = if file_type.is_symlink() {
            target.is_file()
        } else {
            file_type.is_file()
        };
        if !is_dir && !is_file && is_toml(&name) {
            walk.diagnostics.push(unexpected(
                "special file",
                "a record is a regular file; this is a pipe, a socket or a device: remove it",
            ));
            continue;
        }
        match (place(rel_dir), is_dir) {
            (Place::Root, true) if name == "sources" || name == "entities" => {
                visit(root, &target, &rel, visited, walk)?;
            }
            (Place::Root, true) => walk.diagnostics.push(unexpected(
                "folder",
                "the dataset holds `sources/` and `entities/<kind>/` folders only",
            )),
            (Place::Root, false) => match name.as_str() {
                "metadata.toml" => walk.files.push(found(target, rel, RecordKind::Metadata)),
                "properties.toml" => walk.files.push(found(target, rel, RecordKind::Properties)),
                n if is_toml(n) => walk.diagnostics.push(unexpected(
                    "file",
                    "records go under `sources/` or `entities/<kind>/`",
                )),
                _ => {}
            },
            (Place::Sources, false) if is_toml(&name) => {
                walk.files.push(found(target, rel, RecordKind::Source));
            }
            (Place::Entities, true) if EntityKind::from_name(&name).is_some() => {
                visit(root, &target, &rel, visited, walk)?;
            }
            (Place::Entities, true) => {
                let kinds: Vec<&str> = EntityKind::ALL.iter().map(|k| k.as_str()).collect();
                walk.diagnostics.push(unexpected(
                    "folder",
                    &format!(
                        "entity folders are named after a kind: {}",
                        kinds.join(", ")
                    ),
                ));
            }
            (Place::Kind, false) if is_toml(&name) => {
                walk.files.push(found(target, rel, RecordKind::Entity));
            }
            _ => walk.diagnostics.push(unexpected(
                if is_dir { "folder" } else { "file" },
                "a record folder holds `<id>.toml` files only",
            )),
        }
    }
    Ok(())
}

pub(crate) fn is_toml(name: &str) -> bool {
    Path::new(name).extension().is_some_and(|e| e == "toml")
}

pub(crate) fn found(path: PathBuf, rel: String, kind: RecordKind) -> Found {
    Found { path, rel, kind }
}
