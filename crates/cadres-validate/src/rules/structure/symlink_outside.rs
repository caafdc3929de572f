//! Rule `symlink-outside` (E0110).

declare_rule! {
    /// A symbolic link that leads out of the dataset folder would put a file into the release
    /// that is not in the dataset: a copy on one machine, missing or different on another, and
    /// never reviewed in a pull request. The checker does not follow it, and a link that leads
    /// nowhere is reported under this rule too; a link to a file inside the folder is read as
    /// that file.
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   sources/
    ///     article.toml
    ///     outside.toml -> ../../../valid/sources/example-book.toml
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   sources/
    ///     article.toml
    ///     example-book.toml    the file itself, copied into the dataset
    /// ```
    pub SYMLINK_OUTSIDE = "E0110" "symlink-outside" Error Structure "A symbolic link does not lead out of the dataset folder.";
}

use std::io;
use std::path::{Path, PathBuf};

use crate::Diagnostic;

/// The symbolic link at `rel` leads to a place inside `root`, the dataset folder: given
/// where it leads (`fs::canonicalize` of it), that place, or the report.
pub(crate) fn check(
    root: &Path,
    rel: &str,
    target: io::Result<PathBuf>,
) -> Result<PathBuf, Box<Diagnostic>> {
    match target {
        Ok(t) if t.starts_with(root) => Ok(t),
        Ok(_) => Err(Box::new(
            Diagnostic::new(
                &SYMLINK_OUTSIDE,
                rel,
                "this symbolic link leads out of the dataset folder",
            )
            .help("copy the file into the dataset, or remove the link"),
        )),
        Err(_) => Err(Box::new(
            Diagnostic::new(&SYMLINK_OUTSIDE, rel, "this symbolic link leads nowhere")
                .help("remove the link"),
        )),
    }
}
