//! Rule `unexpected-file` (E0107).

declare_rule! {
    /// The checker reads only the files the layout names; anything else in the record folders
    /// would be skipped in silence. A record saved with the wrong extension would then be lost
    /// from the release, and notes left beside the records would look like data. Hidden entries
    /// (such as `.archive/`) and files other than `.toml` at the top of the dataset folder (a
    /// `README.md`) are left alone.
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   metadata.toml
    ///   properties.toml
    ///   sources/
    ///     article.toml
    ///     notes.txt
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   README.md            a file other than .toml at the top: ignored
    ///   metadata.toml
    ///   properties.toml
    ///   sources/
    ///     article.toml
    /// ```
    pub UNEXPECTED_FILE = "E0107" "unexpected-file" Error Structure "The dataset folder holds only `metadata.toml`, `properties.toml`, `sources/*.toml` and `entities/<kind>/*.toml`; hidden entries, and files other than `.toml` at its top, are ignored.";
}

use std::path::Path;

use cadres_model::EntityKind;
use cadres_model::schema::RecordKind;

use crate::Diagnostic;

/// What the walk does with one entry of a folder, by the layout.
pub(crate) enum Entry {
    /// A folder of the layout: walk into it.
    Descend,
    /// A record file of this kind: load it.
    Record(RecordKind),
    /// Not the dataset's: a file other than `.toml` at the top.
    Ignore,
    /// Not in the layout: report it.
    Unexpected(Box<Diagnostic>),
}

/// Whether the walk skips the entry `name` without a look: hidden entries (`.archive/`,
/// `.git`) are not the dataset's.
pub(crate) fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

/// Whether `name` is named like a record file.
pub(crate) fn is_toml(name: &str) -> bool {
    Path::new(name).extension().is_some_and(|e| e == "toml")
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

/// The layout's verdict on the entry `name` of the folder `rel_dir` (`""` for the top):
/// `rel` is its path relative to the dataset folder, `is_dir` and `is_file` what it is (or
/// what its link leads to). A pipe, socket or device named like a record is never opened:
/// reading a pipe would wait for a writer forever.
pub(crate) fn judge(rel_dir: &str, name: &str, rel: &str, is_dir: bool, is_file: bool) -> Entry {
    let unexpected = |what: &str, help: &str| {
        Entry::Unexpected(Box::new(
            Diagnostic::new(&UNEXPECTED_FILE, rel, format!("unexpected {what} `{rel}`")).help(help),
        ))
    };
    if !is_dir && !is_file && is_toml(name) {
        return unexpected(
            "special file",
            "a record is a regular file; this is a pipe, a socket or a device: remove it",
        );
    }
    match (place(rel_dir), is_dir) {
        (Place::Root, true) if name == "sources" || name == "entities" => Entry::Descend,
        (Place::Root, true) => unexpected(
            "folder",
            "the dataset holds `sources/` and `entities/<kind>/` folders only",
        ),
        (Place::Root, false) => match name {
            "metadata.toml" => Entry::Record(RecordKind::Metadata),
            "properties.toml" => Entry::Record(RecordKind::Properties),
            n if is_toml(n) => {
                unexpected("file", "records go under `sources/` or `entities/<kind>/`")
            }
            _ => Entry::Ignore,
        },
        (Place::Sources, false) if is_toml(name) => Entry::Record(RecordKind::Source),
        (Place::Entities, true) if EntityKind::from_name(name).is_some() => Entry::Descend,
        (Place::Entities, true) => {
            let kinds: Vec<&str> = EntityKind::ALL.iter().map(|k| k.as_str()).collect();
            unexpected(
                "folder",
                &format!(
                    "entity folders are named after a kind: {}",
                    kinds.join(", ")
                ),
            )
        }
        (Place::Kind, false) if is_toml(name) => Entry::Record(RecordKind::Entity),
        _ => unexpected(
            if is_dir { "folder" } else { "file" },
            "a record folder holds `<id>.toml` files only",
        ),
    }
}
