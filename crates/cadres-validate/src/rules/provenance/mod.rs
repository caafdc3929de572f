//! Provenance rules: claims carry evidence, and the evidence is what it says.

pub(super) mod ambiguous_name;
pub(super) mod as_named_mismatch;
pub(super) mod citation_without_evidence;
pub(super) mod cites_own_source;
pub(super) mod cites_unlisted_work;
pub(super) mod missing_archived_text;
pub(super) mod pin_mismatch;
pub(super) mod quote_not_in_archive;
pub(super) mod quote_omits_name;
pub(super) mod quote_too_long;
pub(super) mod stale_verification;
pub(super) mod uncited_claim;
pub(super) mod unpinned_source;
pub(super) mod unused_source;
pub(super) mod unverified_quote;

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
