//! Rule `unknown-source` (E0301).

declare_rule! {
    /// A citation is only as good as the source it names: if `sources/<id>.toml` does not
    /// exist, a reader cannot find the work the claim rests on. This holds for the `source` of
    /// a citation, for each work under `cites`, and for each id in a source's `references`. The
    /// checker suggests the closest existing id when one is near.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "The Example Conference took place in Beijing", cites = ["lost-book"] }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-location"
    /// property = "location"
    /// value = { entity = "beijing" }
    /// citations = [{ source = "example-article", locator = "lead", quote = "The Example Conference took place in Beijing", cites = ["example-book"] }]
    /// ```
    pub UNKNOWN_SOURCE = "E0301" "unknown-source" Error Integrity "Every source named by a citation (`source`, `cites`) or a reference list resolves to a file in `sources/`.";
}

use cadres_model::Source;

use crate::rules::lookup::{ClaimAt, FileNo, Flow, GO_ON, Lookup, Namespace, Sink};

/// The sources the claim's citations name, as `source` and under `cites`, exist.
pub(crate) fn check<'a>(cx: &impl Lookup<'a>, c: &ClaimAt<'a>, sink: &mut impl Sink) -> Flow {
    for (j, cit) in c.claim.citations.iter().enumerate() {
        super::unresolved(
            cx,
            sink,
            c.file,
            Namespace::Source,
            cit.source.as_str(),
            false,
            || format!("{}/citations/{j}/source", c.pointer()),
        )?;
        for (k, w) in cit.cites.iter().enumerate() {
            super::unresolved(
                cx,
                sink,
                c.file,
                Namespace::Source,
                w.as_str(),
                false,
                || format!("{}/citations/{j}/cites/{k}", c.pointer()),
            )?;
        }
    }
    GO_ON
}

/// The sources a source lists as its references exist.
pub(crate) fn check_source<'a>(
    cx: &impl Lookup<'a>,
    file: FileNo,
    s: &Source,
    sink: &mut impl Sink,
) -> Flow {
    for (i, r) in s.references.iter().enumerate() {
        super::unresolved(cx, sink, file, Namespace::Source, r.as_str(), false, || {
            format!("/references/{i}")
        })?;
    }
    GO_ON
}
