//! Rule `share-out-of-range` (E0504).

declare_rule! {
    /// A share records how a speaker divided something (the blame for a famine) between causes,
    /// in percent. A part below 0 or above 100, or parts that add up to more than 100, cannot
    /// be what the source said: a typo or a misread figure.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-causes"
    /// property = "attributed-causes"
    /// value = { share = [{ percent = 30.0, of = "natural disasters" }, { percent = 130.0, of = "man-made mistakes" }] }
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-causes"
    /// property = "attributed-causes"
    /// value = { share = [{ percent = 30.0, of = "natural disasters" }, { percent = 70.0, of = "man-made mistakes" }] }
    /// ```
    pub SHARE_OUT_OF_RANGE = "E0504" "share-out-of-range" Error Values "Each part of a share is between 0 and 100 percent, and the parts add up to at most 100.";
}
