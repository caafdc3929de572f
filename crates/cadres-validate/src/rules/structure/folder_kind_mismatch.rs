//! Rule `folder-kind-mismatch` (E0106).

declare_rule! {
    /// Entities are filed by kind, `entities/<kind>/`, so that a reader can browse the people,
    /// the places and the meetings, and so that a file's place says what it is. An entity in
    /// another kind's folder is either filed wrongly or given the wrong `kind`; the checker
    /// cannot tell which, and says both.
    ///
    /// ## Fails
    /// ```text
    /// dataset/
    ///   entities/
    ///     event/
    ///       conference.toml    holds kind = "meeting"
    /// ```
    ///
    /// ## Passes
    /// ```text
    /// dataset/
    ///   entities/
    ///     meeting/
    ///       conference.toml    holds kind = "meeting"
    /// ```
    pub FOLDER_KIND_MISMATCH = "E0106" "folder-kind-mismatch" Error Structure "An entity file lives in the folder of its kind: `entities/<kind>/`.";
}
