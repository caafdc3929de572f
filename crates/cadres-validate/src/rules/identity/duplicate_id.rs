//! Rule `duplicate-id` (E0201).

declare_rule! {
    /// An id names one record: a citation, an entity value or a dispute that names it must lead
    /// to one place. Two records with one id make every reference to it ambiguous, and the
    /// later one would silently replace the earlier in a release. Sources, entities and claims
    /// share one space of ids; properties have their own.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    ///
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-start"
    /// property = "start-date"
    /// value = { date = "1962-01-11" }
    ///
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// ```
    pub DUPLICATE_ID = "E0201" "duplicate-id" Error Identity "Ids are unique: among sources, entities and claims together, and among properties.";
}

use crate::Diagnostic;
use crate::checks::Index;

/// Each id declared twice in its namespace, reported at the later declaration with the
/// first beside it. Found by the full driver from its declarations; the streaming driver
/// finds a repeat among the hashes of the ids each file declares and hands the file to it.
pub(crate) fn check(ix: &Index<'_>, out: &mut Vec<Diagnostic>) {
    let pointer = |fi: usize, at: Option<usize>| {
        at.map_or_else(|| "/id".to_owned(), |i| ix.files[fi].inner_pointer(i))
    };
    for ((fi, at), id, (first_file, first_at)) in ix.repeats() {
        let first = ix.related(
            first_file,
            &pointer(first_file, first_at),
            "first used here",
        );
        let mut d = ix
            .at(
                &DUPLICATE_ID,
                fi,
                &pointer(fi, at),
                format!("the id `{id}` is already used"),
            )
            .label("used again here")
            .help("give one of the two records another id");
        d.related.push(first);
        out.push(d);
    }
}
