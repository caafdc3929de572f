//! The one error type of the crate.

use std::io;
use std::path::PathBuf;

/// What went wrong rendering or installing a release.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file-system operation on `path` failed: `action` says which (`creating`,
    /// `writing`, ...).
    #[error("{action} {}", path.display())]
    File {
        /// What was being done, as a verb: `creating`, `writing`, `moving`, ...
        action: &'static str,
        /// The file or folder it was done to.
        path: PathBuf,
        /// The error of the operating system.
        #[source]
        source: io::Error,
    },
    /// Writing into a writer failed (a writer given by the caller, so no path is known).
    #[error(transparent)]
    Io(#[from] io::Error),
    /// Serializing JSON failed (in practice: its writer failed).
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    /// Writing a CSV table failed (in practice: its writer failed).
    #[error(transparent)]
    Csv(#[from] csv::Error),
    /// Formatting a cell's text failed (a `Display` implementation returned an error).
    #[error("formatting a value failed")]
    Fmt(#[from] std::fmt::Error),
    /// A row of a data-package table did not have one cell per column (a bug).
    #[error("a row of {table} has {cells} cells for {columns} columns")]
    Row {
        /// The table's name.
        table: &'static str,
        /// The cells written.
        cells: usize,
        /// The columns of the table.
        columns: usize,
    },
    /// There is no data-package table of this number in [`crate::frictionless::TABLES`].
    #[error("no table number {0}")]
    NoTable(usize),
    /// Rendering one file of the release failed.
    #[error("rendering {file}")]
    Render {
        /// The file's name in the release.
        file: String,
        /// Why.
        #[source]
        source: Box<Error>,
    },
    /// A file of the release was never handed to the sink (a bug).
    #[error("{0} was not written")]
    NotWritten(String),
    /// A thread writing or syncing the release panicked.
    #[error("a thread {0} panicked")]
    Panicked(&'static str),
    /// The output path has no last component to name the release folder (`/`, `..`).
    #[error("the output {} has no folder name", .0.display())]
    NoFolderName(PathBuf),
    /// The output path exists and is not a folder: it is not replaced.
    #[error("{} exists and is not a folder; not replacing it", .0.display())]
    NotAFolder(PathBuf),
    /// Putting the new release in place failed, and so did putting the old one back: both
    /// are kept in the temporary folder `kept`, which is not removed.
    #[error(
        "installing the new release failed ({install}) and restoring the old one failed too \
         ({restore}); both are kept in {}",
        kept.display()
    )]
    Stranded {
        /// Why the new release could not be moved into place.
        install: io::Error,
        /// Why the old release could not be moved back.
        restore: io::Error,
        /// The temporary folder holding both releases.
        kept: PathBuf,
    },
}

impl Error {
    /// An [`Error::File`]: `action` on `path` failed with `source`.
    pub(crate) fn file(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Error {
        Error::File {
            action,
            path: path.into(),
            source,
        }
    }
}

/// A result with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
