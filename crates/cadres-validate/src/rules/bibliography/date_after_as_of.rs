//! Rule `date-after-as-of` (E0604).

declare_rule! {
    /// `as-of` in `metadata.toml` is the date the dataset describes the record up to; a date
    /// after it (a source issued or accessed later, a claim's date in the future) is a typo or
    /// a sign that `as-of` was not moved on. A date is after it when its earliest day is after
    /// the latest day of `as-of`.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/example-article.toml; metadata.toml has as-of = "2026-11-01"
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// title = "Example Conference"
    /// issued = "2027-01"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # sources/example-article.toml
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// title = "Example Conference"
    /// issued = "2026-01"
    /// ```
    pub DATE_AFTER_AS_OF = "E0604" "date-after-as-of" Error Bibliography "No date in the dataset lies after the `as-of` date of `metadata.toml`.";
}
