//! Integrity rules: references between records resolve.

mod unknown_claim;
mod unknown_entity;
mod unknown_property;
mod unknown_source;

pub use unknown_claim::UNKNOWN_CLAIM;
pub use unknown_entity::UNKNOWN_ENTITY;
pub use unknown_property::UNKNOWN_PROPERTY;
pub use unknown_source::UNKNOWN_SOURCE;
