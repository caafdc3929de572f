//! Provenance rules: claims carry evidence, and the evidence is what it says.

pub(crate) mod ambiguous_name;
pub(crate) mod as_named_mismatch;
pub(crate) mod citation_without_evidence;
pub(crate) mod cites_own_source;
pub(crate) mod cites_unlisted_work;
pub(crate) mod missing_archived_text;
pub(crate) mod names;
pub(crate) mod pin_mismatch;
pub(crate) mod quote_not_in_archive;
pub(crate) mod quote_omits_name;
pub(crate) mod quote_too_long;
pub(crate) mod stale_verification;
pub(crate) mod uncited_claim;
pub(crate) mod unpinned_source;
pub(crate) mod unused_source;
pub(crate) mod unverified_quote;

pub use ambiguous_name::AMBIGUOUS_NAME;
pub use as_named_mismatch::AS_NAMED_MISMATCH;
pub use citation_without_evidence::CITATION_WITHOUT_EVIDENCE;
pub use cites_own_source::CITES_OWN_SOURCE;
pub use cites_unlisted_work::CITES_UNLISTED_WORK;
pub use missing_archived_text::MISSING_ARCHIVED_TEXT;
pub use pin_mismatch::PIN_MISMATCH;
pub use quote_not_in_archive::QUOTE_NOT_IN_ARCHIVE;
pub use quote_omits_name::QUOTE_OMITS_NAME;
pub use quote_too_long::QUOTE_TOO_LONG;
pub use stale_verification::STALE_VERIFICATION;
pub use uncited_claim::UNCITED_CLAIM;
pub use unpinned_source::UNPINNED_SOURCE;
pub use unused_source::UNUSED_SOURCE;
pub use unverified_quote::UNVERIFIED_QUOTE;
