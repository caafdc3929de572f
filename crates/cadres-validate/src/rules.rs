//! The rule catalogue: every check the validator makes, with its stable code.
//!
//! A code never changes meaning and is never reused. The first two digits name the
//! category, the last two the rule within it; `E` marks an error, `W` a warning.
//! `cargo xtask rules` writes this table into `docs/rules.md`.

use std::fmt;

use crate::Severity;

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
}

macro_rules! rules {
    ($($konst:ident = $code:literal $name:literal $sev:ident $cat:ident $summary:literal;)*) => {
        $(
            #[doc = $summary]
            pub const $konst: Rule = Rule {
                code: $code,
                name: $name,
                severity: Severity::$sev,
                category: Category::$cat,
                summary: $summary,
            };
        )*
        /// Every rule, in code order.
        pub const ALL: &[Rule] = &[$($konst),*];
    };
}

rules! {
    TOML_SYNTAX = "E0101" "toml-syntax" Error Structure "A file is valid TOML.";
    UNKNOWN_FIELD = "E0102" "unknown-field" Error Structure "A table holds only the keys its schema names.";
    MISSING_FIELD = "E0103" "missing-field" Error Structure "A table holds every key its schema requires.";
    SCHEMA_MISMATCH = "E0104" "schema-mismatch" Error Structure "A value has the type and shape its schema gives (string, number, table, one of a list of words).";
    FILE_NAME_MISMATCH = "E0105" "file-name-mismatch" Error Structure "A source or entity file is named after the record's id: `<id>.toml`.";
    FOLDER_KIND_MISMATCH = "E0106" "folder-kind-mismatch" Error Structure "An entity file lives in the folder of its kind: `entities/<kind>/`.";
    UNEXPECTED_FILE = "E0107" "unexpected-file" Error Structure "The dataset folder holds only `metadata.toml`, `properties.toml`, `sources/*.toml` and `entities/<kind>/*.toml`; hidden entries, and files other than `.toml` at its top, are ignored.";
    FILE_TOO_LARGE = "E0108" "file-too-large" Error Structure "A file is at most 1 MiB.";
    NOT_UTF8 = "E0109" "not-utf8" Error Structure "A file is UTF-8 text.";
    SYMLINK_OUTSIDE = "E0110" "symlink-outside" Error Structure "A symbolic link does not lead out of the dataset folder.";
    MISSING_FILE = "E0111" "missing-file" Error Structure "The dataset has a `metadata.toml` and a `properties.toml`.";
    SCHEMA_DIRECTIVE = "W0112" "schema-directive" Warning Structure "A file starts with a `#:schema` line naming its kind's schema, for editor completion.";
    LIMIT_EXCEEDED = "E0113" "limit-exceeded" Error Structure "A dataset stays within the limits of `docs/format.md`: at most 1000000 record files, tables and lists nested at most 16 deep, strings of at most 10000 characters.";
    UNREADABLE_FILE = "E0114" "unreadable-file" Error Structure "A record file can be read: the checker may open it, and it is still there when read.";
    NON_CANONICAL_ENCODING = "W0115" "non-canonical-encoding" Warning Structure "A file is saved as `cargo xtask fmt` writes it: UTF-8 without a byte-order mark, with LF line endings.";
    DUPLICATE_ID = "E0201" "duplicate-id" Error Identity "Ids are unique: among sources, entities and claims together, and among properties.";
    INVALID_ID = "E0202" "invalid-id" Error Identity "An id is a lowercase slug: ascii letters, digits and single inner hyphens, at most 80 bytes.";
    UNKNOWN_SOURCE = "E0301" "unknown-source" Error Integrity "Every source named by a citation (`source`, `cites`) or a reference list resolves to a file in `sources/`.";
    UNKNOWN_ENTITY = "E0302" "unknown-entity" Error Integrity "Every entity value resolves to a file in `entities/`.";
    UNKNOWN_PROPERTY = "E0303" "unknown-property" Error Integrity "Every claim property and qualifier key is in `properties.toml`.";
    UNKNOWN_CLAIM = "E0304" "unknown-claim" Error Integrity "Every claim named by `disputes.with` exists.";
    UNCITED_CLAIM = "E0401" "uncited-claim" Error Provenance "Every claim has at least one citation.";
    CITATION_WITHOUT_EVIDENCE = "E0402" "citation-without-evidence" Error Provenance "Every citation has a `quote` or a `locator`.";
    QUOTE_TOO_LONG = "E0403" "quote-too-long" Error Provenance "A quote is short: at most 300 characters.";
    QUOTE_NOT_IN_ARCHIVE = "E0404" "quote-not-in-archive" Error Provenance "With `--archive`, a quote occurs in its source's text (after NFC and whitespace folding).";
    CITES_OWN_SOURCE = "E0405" "cites-own-source" Error Provenance "A work under `cites` differs from the citation's `source`, and no source lists itself in `references`.";
    CITES_UNLISTED_WORK = "E0406" "cites-unlisted-work" Error Provenance "A work under `cites` is in the citation source's `references`.";
    UNUSED_SOURCE = "W0407" "unused-source" Warning Provenance "Every source is used by a citation, as its `source` or under `cites`.";
    UNPINNED_SOURCE = "E0408" "unpinned-source" Error Provenance "Every source a citation names as its `source` pins the text that was read: `archived-text = { sha256, length }`, written by `cargo xtask archive verify`.";
    PIN_MISMATCH = "E0409" "pin-mismatch" Error Provenance "With `--archive`, each archived text is the one its source pins: the same SHA-256 and length.";
    UNVERIFIED_QUOTE = "E0410" "unverified-quote" Error Provenance "Every quote is in `quotes.lock`, the record of quotes found in the text their source pins: run `cargo xtask archive verify --archive DIR` after adding or changing one.";
    MISSING_ARCHIVED_TEXT = "E0411" "missing-archived-text" Error Provenance "With `--archive`, the archive holds the text (`<source-id>.txt`, UTF-8) of every source a citation names as its `source`.";
    QUOTE_OMITS_NAME = "E0412" "quote-omits-name" Error Provenance "A quote names the claim's subject, and the entity that is its value if any: one of the entity's labels or aliases (any language) occurs in it as whole words, Han as a substring, after NFC and case folding; or the citation gives the words that name it as `as-named = { <entity-id> = \"…\" }` (a family name, a description, a pronoun).";
    AMBIGUOUS_NAME = "E0413" "ambiguous-name" Error Provenance "A quote that names an entity only by a name that could name another entity too declares the entity it means under `as-named`. A name is ambiguous when another entity has it too, or when it occurs within a name of another entity of the same kind (`Deng` within `Deng Xiaoping` and `Deng Zihui`).";
    AS_NAMED_MISMATCH = "E0414" "as-named-mismatch" Error Provenance "An `as-named` entry is keyed by the claim's subject or by the entity that is its value, and its words occur in the citation's quote (matched as names are).";
    STALE_VERIFICATION = "W0415" "stale-verification" Warning Provenance "With `--archive`, every entry of `quotes.lock` matches a quote of a citation; `cargo xtask archive verify` drops the others.";
    VALUE_TYPE_MISMATCH = "E0501" "value-type-mismatch" Error Values "A claim's or qualifier's value has the type its property declares.";
    INVALID_DATE = "E0502" "invalid-date" Error Values "A date is valid EDTF: `1962`, `1962-02`, `1962-02-07`, `1962~`, `1962-01-11/1962-02-07`.";
    REVERSED_INTERVAL = "E0503" "reversed-interval" Error Values "An interval's start is not after its end.";
    SHARE_OUT_OF_RANGE = "E0504" "share-out-of-range" Error Values "Each part of a share is between 0 and 100 percent, and the parts add up to at most 100.";
    SUBJECT_KIND_MISMATCH = "E0505" "subject-kind-mismatch" Error Values "A claim's subject is of a kind its property applies to (`subject-kinds`).";
    VALUE_KIND_MISMATCH = "E0506" "value-kind-mismatch" Error Values "An entity value is of a kind its property allows (`value-kinds`).";
    INVALID_ISBN = "E0601" "invalid-isbn" Error Bibliography "An ISBN has 10 or 13 digits and a correct check digit.";
    INVALID_URL = "E0602" "invalid-url" Error Bibliography "A URL is an absolute http or https address.";
    ACCESSED_BEFORE_ISSUED = "E0603" "accessed-before-issued" Error Bibliography "A work is not accessed before it was issued.";
    DATE_AFTER_AS_OF = "E0604" "date-after-as-of" Error Bibliography "No date in the dataset lies after the `as-of` date of `metadata.toml`.";
    INVALID_LANG_TAG = "E0605" "invalid-lang-tag" Error Bibliography "A language tag is well-formed BCP 47: `en`, `zh-Hans`, `zh-Latn-pinyin`.";
    INCOMPLETE_NAME = "E0606" "incomplete-name" Error Bibliography "An author or editor has a `family` name or a `literal` name.";
    NOT_NFC = "E0701" "not-nfc" Error Text "Text is in Unicode normalization form C.";
    INVISIBLE_CHARACTER = "E0702" "invisible-character" Error Text "Text holds no control character (other than a line break) and no zero-width character.";
    UNTRIMMED_TEXT = "E0703" "untrimmed-text" Error Text "Text neither starts nor ends with a blank, and is not empty.";
    PLACEHOLDER_LEFT = "E0705" "placeholder-left" Error Text "No text still starts with the `TODO` marker that `cargo xtask new` writes into the fields a contributor must fill.";
    LABEL_SCRIPT_MISMATCH = "E0704" "label-script-mismatch" Error Text "A `zh-Hans` or `zh-Hant` label holds Han characters; an `en` label holds none.";
    UNDECLARED_DISPUTE = "E0801" "undeclared-dispute" Error Consistency "Claims giving differing values of a single-valued property to one subject are linked by `disputes`.";
    WRONG_DISPUTE_RELATION = "E0802" "wrong-dispute-relation" Error Consistency "A dispute between dates declares the relation their bounds give (refinement, overlap, contradiction).";
    UNRANKED_CONTRADICTION = "E0803" "unranked-contradiction" Error Consistency "In a contradiction, at least one side has a rank other than normal, with a `rank-reason`.";
    RANK_WITHOUT_REASON = "E0804" "rank-without-reason" Error Consistency "A `preferred` or `deprecated` claim says why in `rank-reason`.";
    DISPUTE_MISMATCH = "E0805" "dispute-mismatch" Error Consistency "A dispute links two different claims with the same subject and property.";
}

/// The marker that `cargo xtask new` puts at the start of every field the contributor must
/// fill in (`"TODO: the title in its original script"`); rule `placeholder-left` finds it.
pub const PLACEHOLDER: &str = "TODO";

/// The rule with this kebab-case name.
pub fn by_name(name: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.name == name)
}

/// The rule with this code.
pub fn by_code(code: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.code == code)
}
