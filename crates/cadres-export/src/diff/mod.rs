//! What changed between two datasets, for a person ([`human`]), a pull-request comment or
//! release notes ([`markdown`]) or a program ([`json`]): the reports of `cargo xtask diff`,
//! which `docs/diff.md` describes.
//!
//! [`Delta::new`] compares two datasets record by record and field by field; the three
//! renderers write it out. The output is a function of the two datasets and the paths as
//! given: records sort by id, fields by path, and no clock or absolute path is read.
//! Loading the inputs (checking a dataset folder, reading a release file) is the caller's.

mod delta;
mod human;
mod json;
mod markdown;
mod words;

use std::fmt;

use cadres_model::Dataset;

pub use delta::{Changed, Delta, Field, Kind, Record, VersionWarning, WarningKind};
pub use human::human;
pub use json::{DIFF_FORMAT, json};
pub use markdown::markdown;

/// How the changes are written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Old → new for each changed field, changed words marked `[-removed-]{+added+}`
    /// ([`human`]).
    #[default]
    Human,
    /// A machine-readable delta, see docs/diff.md ([`json`]).
    Json,
    /// Counts, changed claims with their quotes, then the rest, for a pull-request comment
    /// ([`markdown`]).
    Markdown,
}

/// What an input path holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A dataset folder, checked and assembled as `cargo xtask export` does it.
    Folder,
    /// A release file (`dataset.json`).
    Release,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Folder => "dataset folder",
            Origin::Release => "release file",
        })
    }
}

/// One side of the comparison: the dataset, what it was read from, and the path as given.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path as given on the command line, for display.
    pub shown: String,
    /// A folder or a release file.
    pub origin: Origin,
    /// The dataset read from it.
    pub dataset: Dataset,
}

/// The changes from `old` to `new` in `format`. Human and Markdown reports end with a
/// newline, and so does the JSON.
pub fn render(old: &Input, new: &Input, format: Format) -> String {
    let delta = Delta::new(&old.dataset, &new.dataset);
    render_delta(&delta, old, new, format)
}

/// [`render`] of a delta already computed between `old` and `new`.
pub fn render_delta(delta: &Delta<'_>, old: &Input, new: &Input, format: Format) -> String {
    match format {
        Format::Human => human(delta, old, new),
        Format::Json => json(delta),
        Format::Markdown => markdown(delta),
    }
}

/// A string at most this long, with no white space, is a value (`normal → preferred`); a
/// longer one, or one with a space, is a text, shown with its changed words marked.
const SHORT: usize = 40;

/// The old and new strings of `field` when it is shown as a text (see [`SHORT`]): each side
/// a string or absent, and one of them long or with a space.
pub(crate) fn as_text(field: &Field) -> Option<(Option<&str>, Option<&str>)> {
    // `Err` for a value that is not a string: the field is then no text.
    fn side(v: Option<&serde_json::Value>) -> Result<Option<&str>, ()> {
        match v {
            None => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => Err(()),
        }
    }
    let (Ok(old), Ok(new)) = (side(field.old.as_ref()), side(field.new.as_ref())) else {
        return None;
    };
    let long = |s: Option<&str>| {
        s.is_some_and(|s| s.chars().count() > SHORT || s.contains(char::is_whitespace))
    };
    (long(old) || long(new)).then_some((old, new))
}
