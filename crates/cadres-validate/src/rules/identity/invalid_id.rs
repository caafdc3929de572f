//! Rule `invalid-id` (E0202).

declare_rule! {
    /// Ids are file names, URL fragments and keys in every export, so they must read the same
    /// everywhere: a capital letter or an underscore would make `Zhang_San` and `zhang-san` two
    /// ids that people take for one. A lowercase slug of ascii letters, digits and single inner
    /// hyphens, at most 80 bytes, is safe on every file system and in every format.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "Conference_Start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    /// ```
    pub INVALID_ID = "E0202" "invalid-id" Error Identity "An id is a lowercase slug: ascii letters, digits and single inner hyphens, at most 80 bytes.";
}

use cadres_model::Id;

use crate::rules::lookup::{FileNo, Flow, GO_ON, Report, Sink};

/// The id at `pointer` is well formed.
pub(crate) fn check(file: FileNo, pointer: &str, s: &str, sink: &mut impl Sink) -> Flow {
    let Err(e) = s.parse::<Id>() else {
        return GO_ON;
    };
    sink.report(&INVALID_ID, file, || {
        let r = Report::at(pointer, e.to_string()).label("not a valid id");
        match Id::slugify(s) {
            Some(slug) => r.help(format!("ids are lowercase slugs, like `{slug}`")),
            None => r,
        }
    })
}

/// The key at `pointer`, an id of what `noun` names (`property`, `entity`), is well formed.
pub(crate) fn check_key(
    file: FileNo,
    pointer: &str,
    key: &str,
    noun: &'static str,
    sink: &mut impl Sink,
) -> Flow {
    let Err(e) = key.parse::<Id>() else {
        return GO_ON;
    };
    sink.report(&INVALID_ID, file, || {
        Report::at_key(pointer, e.to_string()).label(format!("not a valid {noun} id"))
    })
}
