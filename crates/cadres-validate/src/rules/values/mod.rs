//! Values rules: claim values fit their property.

mod invalid_date;
mod reversed_interval;
mod share_out_of_range;
mod subject_kind_mismatch;
mod value_kind_mismatch;
mod value_type_mismatch;

pub use invalid_date::INVALID_DATE;
pub use reversed_interval::REVERSED_INTERVAL;
pub use share_out_of_range::SHARE_OUT_OF_RANGE;
pub use subject_kind_mismatch::SUBJECT_KIND_MISMATCH;
pub use value_kind_mismatch::VALUE_KIND_MISMATCH;
pub use value_type_mismatch::VALUE_TYPE_MISMATCH;
