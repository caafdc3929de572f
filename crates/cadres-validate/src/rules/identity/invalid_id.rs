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
