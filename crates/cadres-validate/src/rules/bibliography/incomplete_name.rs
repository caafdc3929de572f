//! Rule `incomplete-name` (E0606).

declare_rule! {
    /// An author or editor is cited and sorted by family name; an organization has a single
    /// `literal` name. A name with only `given` cannot be cited in any style, so the checker
    /// asks for one of the two.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/example-book.toml
    /// id = "example-book"
    /// type = "book"
    /// title = "A History of Examples"
    /// author = [{ given = "Jane" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # sources/example-book.toml
    /// id = "example-book"
    /// type = "book"
    /// title = "A History of Examples"
    /// author = [{ family = "Smith", given = "Jane" }]
    /// ```
    pub INCOMPLETE_NAME = "E0606" "incomplete-name" Error Bibliography "An author or editor has a `family` name or a `literal` name.";
}
