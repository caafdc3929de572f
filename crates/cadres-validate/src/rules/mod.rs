//! The rule catalogue: every check the validator makes, with its stable code.
//!
//! A code never changes meaning and is never reused. The first two digits name the
//! category, the last two the rule within it; `E` marks an error, `W` a warning.
//!
//! Each rule is a module of its own, `rules/<category>/<rule_name>.rs`, declared with
//! `declare_rule!`: its code, name, severity, category and summary, and its
//! documentation (why the rule exists, a fragment that fails it and one that passes).
//! A cross-record rule's module also holds its check: one function over a
//! `lookup::Lookup` (what is known of sources, entities, properties and rival claims) and
//! a `lookup::Sink` (report, or stop at the first report), whose report is built by a
//! closure so that a driver that needs only yes or no never formats a message. `claim`,
//! `source`, `source_used` and `subject` list those checks once; the full driver
//! (`checks.rs`) and the streaming driver (`stream.rs`) both run these lists.
//!
//! A rule on one file alone runs in the loading pass both drivers share, and its module
//! holds its condition and its report: a text or value rule is a check over a string and a
//! sink (`text::check` runs the text rules; the loader's quick path runs them with a sink
//! that stops, its slow path with one that builds diagnostics), a rule on a file's bytes,
//! its syntax or its place in the folder a function that returns the diagnostic
//! (`structure::unexpected_file::judge` is the layout the walk asks about each entry;
//! `structure::schema` maps the JSON Schema's errors to the three schema rules). The rules
//! on pins and the record are `provenance::unverified_quote`'s `Standing`, which both
//! drivers ask; the naming rules' matching is `provenance::names`, whose verdict
//! (`names::naming_by`) both drivers ask too, the stream once it knows every name. What
//! stays in each driver is how it finds what a rule needs: the full driver's index of
//! declarations finds a `duplicate-id`, the stream's id hashes only tell it which file to
//! hand over. `cargo xtask rules` writes the catalogue and every rule's documentation
//! into `docs/rules.md`.

use std::fmt;

use cadres_model::Source;

use crate::Severity;
use lookup::{ClaimAt, FileNo, Flow, Lookup, Sink};

/// What part of the dataset a rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Files, their syntax, their schema and their place in the folder tree.
    Structure,
    /// Ids: unique and well formed.
    Identity,
    /// References between records resolve.
    Integrity,
    /// Claims carry evidence, and the evidence is what it says.
    Provenance,
    /// Claim values fit their property.
    Values,
    /// Sources are described with well-formed data.
    Bibliography,
    /// Free text is clean.
    Text,
    /// Disagreeing claims are ranked and classified.
    Consistency,
}

impl Category {
    /// Every category, in catalogue order.
    pub const ALL: [Category; 8] = [
        Category::Structure,
        Category::Identity,
        Category::Integrity,
        Category::Provenance,
        Category::Values,
        Category::Bibliography,
        Category::Text,
        Category::Consistency,
    ];

    /// The lowercase name: `provenance`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Structure => "structure",
            Category::Identity => "identity",
            Category::Integrity => "integrity",
            Category::Provenance => "provenance",
            Category::Values => "values",
            Category::Bibliography => "bibliography",
            Category::Text => "text",
            Category::Consistency => "consistency",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rule of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rule {
    /// The stable code: `E0301`.
    pub code: &'static str,
    /// The stable kebab-case name: `unknown-source`; also the name of its fixture folder.
    pub name: &'static str,
    /// How bad a breach is.
    pub severity: Severity,
    /// What the rule is about.
    pub category: Category,
    /// What the rule requires, in one line.
    pub summary: &'static str,
    /// The rule's documentation, in Markdown: why it exists, then a `## Fails` and a
    /// `## Passes` example. These are the doc comment's lines as rustdoc receives them,
    /// each still led by the space after `///`; [`Rule::documentation`] takes it off.
    pub doc: &'static str,
}

impl Rule {
    /// The rule's documentation as Markdown: [`Rule::doc`] with the space that leads
    /// each of its lines removed.
    pub fn documentation(&self) -> String {
        let mut out = String::with_capacity(self.doc.len());
        for line in self.doc.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }
}

/// Declares one rule: its doc comment, then `pub CONST = "E0401" "kebab-name" Severity
/// Category "summary.";`. The constant's rustdoc is the summary followed by the doc
/// comment, and [`Rule::doc`] holds the doc comment itself: `macro_rules!` sees each
/// `/// line` as a `#[doc = " line"]` attribute, which the macro captures as a literal
/// and joins with `concat!`, a line break after each.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis $konst:ident = $code:literal $name:literal $sev:ident $cat:ident $summary:literal;
    ) => {
        #[doc = $summary]
        #[doc = ""]
        $(#[doc = $doc])*
        $vis const $konst: $crate::rules::Rule = $crate::rules::Rule {
            code: $code,
            name: $name,
            severity: $crate::Severity::$sev,
            category: $crate::rules::Category::$cat,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
        };
    };
}

pub(crate) mod bibliography;
pub(crate) mod consistency;
pub(crate) mod identity;
pub(crate) mod integrity;
pub(crate) mod provenance;
pub(crate) mod structure;
pub(crate) mod text;
pub(crate) mod values;

pub(crate) mod lookup;
mod words;

#[cfg(test)]
mod examples;

pub use provenance::quote_too_long::MAX_QUOTE_CHARS;

pub use bibliography::*;
pub use consistency::*;
pub use identity::*;
pub use integrity::*;
pub use provenance::*;
pub use structure::*;
pub use text::*;
pub use values::*;

/// Every rule, in code order.
pub const ALL: &[Rule] = &[
    TOML_SYNTAX,
    UNKNOWN_FIELD,
    MISSING_FIELD,
    SCHEMA_MISMATCH,
    FILE_NAME_MISMATCH,
    FOLDER_KIND_MISMATCH,
    UNEXPECTED_FILE,
    FILE_TOO_LARGE,
    NOT_UTF8,
    SYMLINK_OUTSIDE,
    MISSING_FILE,
    SCHEMA_DIRECTIVE,
    LIMIT_EXCEEDED,
    UNREADABLE_FILE,
    NON_CANONICAL_ENCODING,
    DUPLICATE_ID,
    INVALID_ID,
    UNKNOWN_SOURCE,
    UNKNOWN_ENTITY,
    UNKNOWN_PROPERTY,
    UNKNOWN_CLAIM,
    UNCITED_CLAIM,
    CITATION_WITHOUT_EVIDENCE,
    QUOTE_TOO_LONG,
    QUOTE_NOT_IN_ARCHIVE,
    CITES_OWN_SOURCE,
    CITES_UNLISTED_WORK,
    UNUSED_SOURCE,
    UNPINNED_SOURCE,
    PIN_MISMATCH,
    UNVERIFIED_QUOTE,
    MISSING_ARCHIVED_TEXT,
    QUOTE_OMITS_NAME,
    AMBIGUOUS_NAME,
    AS_NAMED_MISMATCH,
    STALE_VERIFICATION,
    VALUE_TYPE_MISMATCH,
    INVALID_DATE,
    REVERSED_INTERVAL,
    SHARE_OUT_OF_RANGE,
    SUBJECT_KIND_MISMATCH,
    VALUE_KIND_MISMATCH,
    INVALID_ISBN,
    INVALID_URL,
    ACCESSED_BEFORE_ISSUED,
    DATE_AFTER_AS_OF,
    INVALID_LANG_TAG,
    INCOMPLETE_NAME,
    NOT_NFC,
    INVISIBLE_CHARACTER,
    UNTRIMMED_TEXT,
    PLACEHOLDER_LEFT,
    LABEL_SCRIPT_MISMATCH,
    UNDECLARED_DISPUTE,
    WRONG_DISPUTE_RELATION,
    UNRANKED_CONTRADICTION,
    RANK_WITHOUT_REASON,
    DISPUTE_MISMATCH,
];

/// The marker that `cargo xtask new` puts at the start of every field the contributor must
/// fill in (`"TODO: the title in its original script"`); rule `placeholder-left` finds it.
pub const PLACEHOLDER: &str = "TODO";

/// Every rule on one claim alone or against what the lookup knows, in the order the
/// streaming check tries them: references first, so that a value is judged only once what
/// it names is known. Both drivers run this list.
pub(crate) fn claim<'a>(cx: &impl Lookup<'a>, c: &ClaimAt<'a>, sink: &mut impl Sink) -> Flow {
    integrity::unknown_property::check(cx, c, sink)?;
    values::value_type_mismatch::check(cx, c, sink)?;
    integrity::unknown_entity::check(cx, c, sink)?;
    values::value_kind_mismatch::check(cx, c, sink)?;
    values::share_out_of_range::check(cx, c, sink)?;
    values::subject_kind_mismatch::check(cx, c, sink)?;
    bibliography::date_after_as_of::check(cx, c, sink)?;
    consistency::rank_without_reason::check(c, sink)?;
    provenance::uncited_claim::check(c, sink)?;
    integrity::unknown_source::check(cx, c, sink)?;
    provenance::citation_without_evidence::check(c, sink)?;
    provenance::quote_too_long::check(c, sink)?;
    provenance::cites_own_source::check(c, sink)?;
    provenance::cites_unlisted_work::check(cx, c, sink)?;
    provenance::as_named_mismatch::check(c, sink)?;
    integrity::unknown_claim::check(cx, c, sink)?;
    consistency::dispute_mismatch::check(cx, c, sink)?;
    consistency::wrong_dispute_relation::check(cx, c, sink)?;
    consistency::unranked_contradiction::check(cx, c, sink)
}

/// Every rule on one source that needs no citation: its dates, names and references.
pub(crate) fn source<'a>(
    cx: &impl Lookup<'a>,
    file: FileNo,
    s: &Source,
    sink: &mut impl Sink,
) -> Flow {
    bibliography::date_after_as_of::check_source(cx, file, s, sink)?;
    bibliography::accessed_before_issued::check_source(file, s, sink)?;
    bibliography::incomplete_name::check_source(file, s, sink)?;
    provenance::cites_own_source::check_source(file, s, sink)?;
    integrity::unknown_source::check_source(cx, file, s, sink)
}

/// The rules on a source that need every citation read: whether one uses it.
pub(crate) fn source_used<'a>(
    cx: &impl Lookup<'a>,
    file: FileNo,
    s: &Source,
    sink: &mut impl Sink,
) -> Flow {
    provenance::unused_source::check_source(cx, file, s, sink)
}

/// The rules on all the claims of one subject together, in file order.
pub(crate) fn subject<'a>(
    cx: &impl Lookup<'a>,
    subject: &str,
    claims: &[ClaimAt<'a>],
    sink: &mut impl Sink,
) -> Flow {
    consistency::undeclared_dispute::check(cx, subject, claims, sink)
}

/// The rule with this kebab-case name.
pub fn by_name(name: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.name == name)
}

/// The rule with this code.
pub fn by_code(code: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.code == code)
}
