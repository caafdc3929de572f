//! Sources: the works that claims rest on, described with CSL-JSON field names.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{EdtfDate, Id, Isbn, LangTag, TextPin, Url};

/// A work: the article that was read, or a work that it cites.
///
/// Field names follow CSL-JSON 1.0.2 (`container-title`, `ISBN`, `URL`, ...) so that the
/// bibliography exports to Zotero, pandoc and citeproc without renaming. A field the work's
/// description does not give stays absent: never filled in from memory.
///
/// # Invariants
///
/// In a dataset file an unknown key is an error (`cadres_model::strict`); a release reader
/// ignores one (the versioning policy, `docs/versioning.md`).
///
/// Dates, the ISBN, the URL and the language are parsed values.
/// Cross-record rules (that `references` resolve, that `accessed` is not before `issued`)
/// belong to the validator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(deny_unknown_fields)]
pub struct Source {
    /// The source's id; also its file name, `dataset/sources/<id>.toml`.
    pub id: Id,
    /// The CSL item type.
    #[serde(rename = "type")]
    pub kind: SourceType,
    /// The title in its original script.
    pub title: String,
    /// Authors in the order the work gives them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<Name>,
    /// Editors in the order the work gives them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editor: Vec<Name>,
    /// The larger work this one is part of: a journal, a website, an encyclopedia.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_title: Option<String>,
    /// The publisher, or the organization behind a website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Where the publisher is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher_place: Option<String>,
    /// When the work was issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<EdtfDate>,
    /// When the work was last read online ("Retrieved").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<EdtfDate>,
    /// When an archived copy was made ("Archived from the original on"). Not a CSL
    /// variable: exported under `custom` in CSL-JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive_date: Option<EdtfDate>,
    /// The ISBN as printed.
    #[serde(rename = "ISBN", default, skip_serializing_if = "Option::is_none")]
    pub isbn: Option<Isbn>,
    /// The web address, only when the description of the work gives one.
    #[serde(rename = "URL", default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
    /// The language the work is written in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<LangTag>,
    /// Volume of a journal or multi-volume book.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    /// Issue of a journal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// Page or page range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The format, such as `PDF`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medium: Option<String>,
    /// Anything else a reader of the bibliography should know, in our own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The works this one cites, as its numbered reference list gives them, in order:
    /// the first id is reference 1. A citation whose `source` is this work may list under
    /// `cites` only works from here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Id>,
    /// The text that was read, pinned: the SHA-256 and length of its archived copy. Every
    /// source a citation names as its `source` has one; a work only cited has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_text: Option<TextPin>,
}

impl Source {
    /// A source with only the fields every source has; every other field is empty, as a
    /// work's description leaves what it does not give.
    pub fn new(id: Id, kind: SourceType, title: impl Into<String>) -> Source {
        Source {
            id,
            kind,
            title: title.into(),
            author: Vec::new(),
            editor: Vec::new(),
            container_title: None,
            publisher: None,
            publisher_place: None,
            issued: None,
            accessed: None,
            archive_date: None,
            isbn: None,
            url: None,
            language: None,
            volume: None,
            issue: None,
            page: None,
            medium: None,
            note: None,
            references: Vec::new(),
            archived_text: None,
        }
    }

    /// The 1-based number of `work` in this source's reference list.
    pub fn reference_number(&self, work: &Id) -> Option<usize> {
        self.references
            .iter()
            .position(|r| r == work)
            .map(|i| i + 1)
    }
}

/// A CSL item type.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum SourceType {
    /// A book.
    Book,
    /// A chapter of a book.
    Chapter,
    /// An article in a scholarly journal or newsletter.
    ArticleJournal,
    /// An article in a magazine.
    ArticleMagazine,
    /// An article in a newspaper.
    ArticleNewspaper,
    /// An entry in an encyclopedia (a Wikipedia article).
    EntryEncyclopedia,
    /// An entry in a dictionary.
    EntryDictionary,
    /// A web page.
    Webpage,
    /// A report.
    Report,
    /// A speech or talk, as a text.
    Speech,
    /// Anything else.
    Document,
}

crate::names::closed_list!(SourceType {
    Book => "book",
    Chapter => "chapter",
    ArticleJournal => "article-journal",
    ArticleMagazine => "article-magazine",
    ArticleNewspaper => "article-newspaper",
    EntryEncyclopedia => "entry-encyclopedia",
    EntryDictionary => "entry-dictionary",
    Webpage => "webpage",
    Report => "report",
    Speech => "speech",
    Document => "document",
});

/// A person's or an organization's name, as CSL-JSON gives it.
///
/// # Invariants
///
/// Either `literal` (an organization, or a name that cannot be split), or `family` with an
/// optional `given`; the validator checks that one of the two is present. Chinese names are
/// recorded with the family name in `family` whatever order a citation prints them in; when
/// a citation prints them otherwise, `as-cited` keeps its exact text.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[schemars(deny_unknown_fields)]
pub struct Name {
    /// The family name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// The given names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// A name kept whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
    /// The name exactly as the citing work prints it, when that differs from
    /// family-then-given (`"Jisheng, Yang"` for family Yang, given Jisheng).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_cited: Option<String>,
}

impl Name {
    /// The name family first, a comma before the given names: `MacFarquhar, Roderick`,
    /// `Mao, Zedong`. A `literal` name is given whole, a lone family or given name alone,
    /// and a name with none of the three is empty; `as-cited` is not used. Renderers choose
    /// their own order; this is a plain fallback.
    ///
    /// ```
    /// # use cadres_model::Name;
    /// let name = Name {
    ///     family: Some("MacFarquhar".to_owned()),
    ///     given: Some("Roderick".to_owned()),
    ///     literal: None,
    ///     as_cited: None,
    /// };
    /// assert_eq!(name.display(), "MacFarquhar, Roderick");
    /// ```
    pub fn display(&self) -> String {
        match (&self.literal, &self.family, &self.given) {
            (Some(l), _, _) => l.clone(),
            (None, Some(f), Some(g)) => format!("{f}, {g}"),
            (None, Some(f), None) => f.clone(),
            (None, None, Some(g)) => g.clone(),
            (None, None, None) => String::new(),
        }
    }
}

/// One line in author-date form: the authors' [`Name::display`] joined by `; `, the year of
/// `issued` in parentheses (with its `?`, `~` or `%`), then the title:
/// `MacFarquhar, Roderick (1997). The Politics of China`.
///
/// Only what the record gives is shown. A work with no author starts with its title,
/// followed by the year: `Seven Thousand Cadres Conference (2024)`; without `issued` the
/// year is left out; a blank title is replaced by the id, so the text is never empty. Line
/// breaks become spaces.
///
/// ```
/// # use cadres_model::{Name, Source, SourceType};
/// let mut book = Source::new(
///     "macfarquhar-1997".parse().unwrap(),
///     SourceType::Book,
///     "The Politics of China",
/// );
/// assert_eq!(book.to_string(), "The Politics of China");
/// book.issued = Some("1997".parse().unwrap());
/// assert_eq!(book.to_string(), "The Politics of China (1997)");
/// book.author.push(Name {
///     family: Some("MacFarquhar".to_owned()),
///     given: Some("Roderick".to_owned()),
///     literal: None,
///     as_cited: None,
/// });
/// assert_eq!(book.to_string(), "MacFarquhar, Roderick (1997). The Politics of China");
/// ```
impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::Certainty;
        let one_line = crate::entity::write_one_line;
        let authors: Vec<String> = self
            .author
            .iter()
            .map(Name::display)
            .filter(|n| !n.trim().is_empty())
            .collect();
        let authors = authors.join("; ");
        let authors = authors.trim();
        let title = if self.title.trim().is_empty() {
            self.id.as_str()
        } else {
            self.title.trim()
        };
        let year = self.issued.map(|d| {
            let mark = match d.certainty() {
                Certainty::Certain => "",
                Certainty::Uncertain => "?",
                Certainty::Approximate => "~",
                Certainty::UncertainApproximate => "%",
            };
            format!(" ({:04}{mark})", d.year_number())
        });
        if authors.is_empty() {
            one_line(f, title)?;
            f.write_str(year.as_deref().unwrap_or(""))
        } else {
            one_line(f, authors)?;
            match &year {
                Some(year) => write!(f, "{year}. ")?,
                None if authors.ends_with('.') => f.write_str(" ")?,
                None => f.write_str(". ")?,
            }
            one_line(f, title)
        }
    }
}
