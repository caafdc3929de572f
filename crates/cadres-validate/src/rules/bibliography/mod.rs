//! Bibliography rules: sources are described with well-formed data.

pub(crate) mod accessed_before_issued;
pub(crate) mod date_after_as_of;
pub(crate) mod incomplete_name;
pub(crate) mod invalid_isbn;
pub(crate) mod invalid_lang_tag;
pub(crate) mod invalid_url;

pub use accessed_before_issued::ACCESSED_BEFORE_ISSUED;
pub use date_after_as_of::DATE_AFTER_AS_OF;
pub use incomplete_name::INCOMPLETE_NAME;
pub use invalid_isbn::INVALID_ISBN;
pub use invalid_lang_tag::INVALID_LANG_TAG;
pub use invalid_url::INVALID_URL;
