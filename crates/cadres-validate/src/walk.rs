//! The walk: the dataset folder in sorted order, each entry placed in the layout
//! (`metadata.toml`, `properties.toml`, `sources/`, `entities/<kind>/`), with the
//! diagnostics about the tree itself: unexpected files, symbolic links leading outside,
//! missing files, and record files past the limit. Nothing is opened here: a pipe,
//! socket or device named like a record is reported, not read.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use cadres_model::schema::RecordKind;

use crate::rules::structure::unexpected_file::{self, Entry};
use crate::rules::structure::{limit_exceeded, missing_file, symlink_outside};
use crate::{Diagnostic, Error};

/// A file found by the walk, and the kind of record it should hold.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// The dataset folder, shared by every file found in it.
    root: Arc<Path>,
    /// Where the file is when that is not `root/rel`: behind a symbolic link. A path is
    /// not kept for every file, since a million-claim dataset has 150,000 of them.
    target: Option<Box<Path>>,
    pub(crate) rel: String,
    pub(crate) kind: RecordKind,
}

impl Found {
    /// Where to read the file.
    pub(crate) fn path(&self) -> PathBuf {
        match &self.target {
            Some(t) => t.to_path_buf(),
            None => self.root.join(&self.rel),
        }
    }
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
    let shared: Arc<Path> = Arc::from(canonical.as_path());
    visit(&shared, &canonical, "", &mut visited, &mut walk).map_err(|source| Error::Folder {
        path: root.to_owned(),
        source,
    })?;
    walk.files.shrink_to_fit();
    let last = walk
        .files
        .get(max_files.wrapping_sub(1))
        .map_or("", |f| f.rel.as_str());
    if let Some(d) = limit_exceeded::check_file_count(walk.files.len(), max_files, last) {
        walk.diagnostics.push(d);
        walk.files.truncate(max_files);
    }
    let files = &walk.files;
    missing_file::check(
        |rel| files.iter().any(|f| f.rel == rel),
        &mut walk.diagnostics,
    );
    Ok(walk)
}

fn visit(
    root: &Arc<Path>,
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
        if unexpected_file::is_hidden(&name) {
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
        let (target, is_dir, is_file) = if file_type.is_symlink() {
            match symlink_outside::check(root, &rel, fs::canonicalize(&path)) {
                Ok(t) => (t.clone(), t.is_dir(), t.is_file()),
                Err(d) => {
                    walk.diagnostics.push(*d);
                    continue;
                }
            }
        } else {
            (path, file_type.is_dir(), file_type.is_file())
        };
        match unexpected_file::judge(rel_dir, &name, &rel, is_dir, is_file) {
            Entry::Descend => visit(root, &target, &rel, visited, walk)?,
            Entry::Record(kind) => walk.files.push(Found {
                root: Arc::clone(root),
                // A path of its own only where it is not `root/rel`: behind a link.
                target: (target != root.join(&rel)).then(|| target.into()),
                rel,
                kind,
            }),
            Entry::Ignore => {}
            Entry::Unexpected(d) => walk.diagnostics.push(*d),
        }
    }
    Ok(())
}

/// A file at `path`, wherever that is, holding `rel` of a dataset (for tests of the loader).
#[cfg(test)]
pub(crate) fn found(path: PathBuf, rel: String, kind: RecordKind) -> Found {
    Found {
        root: Arc::from(Path::new("")),
        target: Some(path.into()),
        rel,
        kind,
    }
}
