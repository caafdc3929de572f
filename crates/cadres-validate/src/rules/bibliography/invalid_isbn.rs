//! Rule `invalid-isbn` (E0601).

declare_rule! {
    /// An ISBN is how a reader or a library finds the edition that was read; one wrong digit
    /// leads to another book or to none. The check digit catches most copying mistakes, so the
    /// checker tests it and says which digit the others give.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/example-book.toml
    /// id = "example-book"
    /// type = "book"
    /// title = "A History of Examples"
    /// ISBN = "978-0-231-11083-8"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # sources/example-book.toml
    /// id = "example-book"
    /// type = "book"
    /// title = "A History of Examples"
    /// ISBN = "978-0-231-11083-9"
    /// ```
    pub INVALID_ISBN = "E0601" "invalid-isbn" Error Bibliography "An ISBN has 10 or 13 digits and a correct check digit.";
}

use cadres_model::Isbn;

use crate::rules::lookup::{FileNo, Flow, GO_ON, Report, Sink};

/// The ISBN at `pointer` is well formed, with a right check digit.
pub(crate) fn check(file: FileNo, pointer: &str, s: &str, sink: &mut impl Sink) -> Flow {
    let Err(e) = s.parse::<Isbn>() else {
        return GO_ON;
    };
    sink.report(&INVALID_ISBN, file, || {
        Report::at(pointer, e.to_string())
            .label("not a valid ISBN")
            .help("copy the ISBN exactly as the work prints it, or leave it out")
    })
}
