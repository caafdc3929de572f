//! The typed model of the cadres dataset: a source-annotated, provenance-first record of the
//! Seven Thousand Cadres Conference (七千人大会, Beijing, January–February 1962).
//!
//! # Records
//!
//! - [`Source`]: a work, described with CSL-JSON field names.
//! - [`Entity`]: a person, organization, meeting, policy, ... with labels per language.
//! - [`Claim`]: one statement about an entity: a property, a typed [`Value`], qualifiers,
//!   a rank, a sentence in our own words, and one or more [`Citation`]s.
//! - [`Property`]: the vocabulary claims draw on.
//! - [`Metadata`]: the dataset's title, version and `as-of` date.
//! - [`Dataset`]: all of them together, as a release (`dataset.json`) holds them.
//! - [`Index`]: lookups over a dataset: records by id, claims about an entity, the works
//!   behind a claim, and the timeline.
//!
//! # Values that cannot be invalid
//!
//! [`Id`], [`Edtf`] and [`EdtfDate`], [`Isbn`], [`LangTag`] and [`Url`] are built only through
//! `FromStr` (or deserialization, which goes through it) and are serialized as their text.
//! A value of one of these types is always valid; `Display` gives back its text.
//!
//! # Two levels of provenance
//!
//! A [`Citation`] names the work that was read (`source`) and quotes it; under `cites` it
//! lists the works that source cites for those words. Nothing in the model suggests that a
//! cited work was consulted.
//!
//! # What this crate does not do
//!
//! It reads no file and knows nothing of TOML, terminals or export formats. Rules that need
//! more than one record (ids resolve, disputes are ranked) live in `cadres-validate`.

mod claim;
mod dataset;
mod edtf;
mod entity;
mod id;
mod isbn;
mod lang;
mod metadata;
mod property;
mod query;
pub mod schema;
mod source;
mod text;
mod url;
mod value;

pub use claim::{Citation, Claim, ClaimRecord, Dispute, Rank};
pub use dataset::{Dataset, ReadError, SCHEMA_VERSION};
pub use edtf::{
    Certainty, DateRelation, Day, EDTF_PATTERN, Edtf, EdtfDate, EdtfError, IntervalEnd, Precision,
};
pub use entity::{Entity, EntityFile, EntityKind};
pub use id::{Id, IdError, MAX_ID_LEN};
pub use isbn::{Isbn, IsbnError};
pub use lang::{LangTag, LangTagError};
pub use metadata::Metadata;
pub use property::{Cardinality, PropertiesFile, Property, ValueType};
pub use query::{DateRole, Dated, Evidence, Index, POINT_IN_TIME, claim_date};
pub use source::{Name, Source, SourceType};
pub use url::{Url, UrlError};
pub use value::{Approximation, LangText, Quantity, SharePart, Value};
