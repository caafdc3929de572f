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
