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
//! - [`Dataset`]: all of them together, as a release (`dataset.json`) holds them, with
//!   how many quotes of each source read are verified against its pinned text
//!   ([`TextPin`], [`QuoteVerification`]).
//! - [`SortedMap`]: the maps inside records (a citation's `as_named`, a claim's
//!   `qualifiers`, an entity's `labels` and `aliases`): few entries, in key order, read and
//!   written as a map.
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
//! # Versioning
//!
//! A release names its format in `schema_version`, `"MAJOR.MINOR"` ([`SCHEMA_VERSION`]).
//! The policy, so that a reader built today reads every later release that only adds things:
//!
//! - **Minor** (`2.0` → `2.1`): a release adds something: a field at any level (top,
//!   metadata, property, source, name, entity, claim, citation, dispute, or inside a value's
//!   quantity, share part or text). A reader ignores fields it does not know, so
//!   [`Dataset::from_slice`] reads every release of its major version, older or newer.
//! - **Major** (`2.1` → `3.0`): a field is removed or renamed, changes type or meaning, or a
//!   closed list gains a value: an entity kind, a source type, a value type, a rank, a
//!   cardinality, an approximation or a date relation. Readers branch on these (a folder
//!   per kind, a CSL type, how to decode a value, which claim wins), so a value they do not
//!   know cannot be passed over safely; [`Dataset::from_slice`] refuses a release of
//!   another major version with [`ReadError::Version`], naming both versions.
//!
//! The files of `dataset/` are not a release: there an unknown key is a typo and an error
//! (see [`strict`]). `docs/versioning.md` gives the policy with examples.
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
pub mod map;
mod metadata;
mod names;
mod property;
mod query;
pub mod schema;
mod script;
mod source;
pub mod strict;
mod text;
mod url;
mod value;
mod verification;

pub use claim::{Citation, Claim, ClaimRecord, Dispute, Rank};
pub use dataset::{Dataset, ReadError, SCHEMA_VERSION, SchemaVersion};
pub use edtf::{
    Certainty, DateRelation, Day, EDTF_PATTERN, Edtf, EdtfDate, EdtfError, IntervalEnd, Precision,
};
pub use entity::{Entity, EntityFile, EntityKind};
pub use id::{Id, IdError, MAX_ID_LEN};
pub use isbn::{Isbn, IsbnError};
pub use lang::{LangTag, LangTagError};
pub use map::SortedMap;
pub use metadata::Metadata;
pub use property::{Cardinality, PropertiesFile, Property, ValueType};
pub use query::{DateRole, Dated, Evidence, Index, POINT_IN_TIME, claim_date, label_key};
pub use script::is_han;
pub use source::{Name, Source, SourceType};
pub use url::{Url, UrlError};
pub use value::{Approximation, LangText, Quantity, SharePart, Value};
pub use verification::{QuoteVerification, Sha256, Sha256Error, TextPin};
