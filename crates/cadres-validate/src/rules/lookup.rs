//! What a rule's check sees ([`Lookup`]) and where it reports ([`Sink`]).
//!
//! Each cross-record rule is one function over these two traits, written once and run by
//! both drivers: the full check (`checks.rs`), whose lookup is the index of every loaded
//! record and whose sink builds a [`crate::Diagnostic`] with its span, and the streaming
//! check (`stream.rs`), whose lookup holds compact facts and whose sink stops at the first
//! report. A report is built by a closure the sink calls only if it wants the report, so
//! the streaming check never formats a message or a JSON pointer.

use std::ops::ControlFlow;

use cadres_model::{ClaimRecord, EntityFile, EntityKind, Metadata, Property, Source};

use crate::rules::Rule;

/// Whether a check goes on after a report: a sink that only needs yes or no breaks at the
/// first, and the check returns at once (`?`).
pub(crate) type Flow = ControlFlow<()>;

/// Going on.
pub(crate) const GO_ON: Flow = ControlFlow::Continue(());

/// A file, as its position in the walk's sorted list: both drivers number files so.
pub(crate) type FileNo = usize;

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Namespace {
    Source = 0,
    Entity = 1,
    Claim = 2,
    Property = 3,
}

impl Namespace {
    /// The word for a record of it: `no source has the id …`.
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Namespace::Source => "source",
            Namespace::Entity => "entity",
            Namespace::Claim => "claim",
            Namespace::Property => "property",
        }
    }
}

/// A claim, its subject and its place: file and position among the file's `[[claims]]`.
#[derive(Clone, Copy)]
pub(crate) struct ClaimAt<'a> {
    pub(crate) file: FileNo,
    pub(crate) index: usize,
    pub(crate) claim: &'a ClaimRecord,
    pub(crate) subject: &'a EntityFile,
}

impl ClaimAt<'_> {
    /// The claim's JSON pointer in its file: `/claims/3`.
    pub(crate) fn pointer(&self) -> String {
        format!("/claims/{}", self.index)
    }
}

/// What the rules may ask of the dataset around the record they check.
pub(crate) trait Lookup<'a> {
    /// `metadata.toml`, if it could be built.
    fn metadata(&self) -> Option<&'a Metadata>;
    /// The property with this id, if it could be built.
    fn property(&self, id: &str) -> Option<&'a Property>;
    /// Whether some file declares `id` in `ns`, even one whose record could not be built,
    /// or whether there is no telling (the file that would declare it did not load): either
    /// way a reference to it is not reported as unknown.
    fn knows(&self, ns: Namespace, id: &str) -> bool;
    /// Whether a reference from `from` to the unknown `id` waits on a file that could not
    /// be loaded and would define it; it is then noted on that file, not reported.
    fn waits(&self, ns: Namespace, id: &str, from: FileNo) -> bool;
    /// The known id of `ns` nearest to `id`, for "did you mean".
    fn suggest(&self, ns: Namespace, id: &str) -> Option<&'a str>;
    /// The source with this id, if it could be built, and its file's path relative to the
    /// dataset folder.
    fn source(&self, id: &str) -> Option<(&'a str, &'a Source)>;
    /// The kind of the entity with this id, if it could be built.
    fn entity_kind(&self, id: &str) -> Option<EntityKind>;
    /// The claim with this id, if it could be built and the driver knows it here.
    fn claim(&self, id: &str) -> Option<ClaimAt<'a>>;
    /// Whether any citation names the source `id`, or might: `None` while a file that
    /// could cite it is unread.
    fn cited(&self, id: &str) -> Option<bool>;
}

/// One breach of a rule, as a check describes it: where (a JSON pointer into the file the
/// report is made on), what, and what to do.
pub(crate) struct Report {
    pub(crate) pointer: String,
    /// Whether to point at the key of the value at `pointer` rather than the value.
    pub(crate) on_key: bool,
    pub(crate) message: String,
    pub(crate) label: Option<String>,
    pub(crate) help: Option<String>,
    /// Other places involved: file, pointer, label.
    pub(crate) related: Vec<(FileNo, String, &'static str)>,
}

impl Report {
    /// A report pointing at the value at `pointer`.
    pub(crate) fn at(pointer: impl Into<String>, message: impl Into<String>) -> Report {
        Report {
            pointer: pointer.into(),
            on_key: false,
            message: message.into(),
            label: None,
            help: None,
            related: Vec::new(),
        }
    }

    /// A report pointing at the key of the value at `pointer`.
    pub(crate) fn at_key(pointer: impl Into<String>, message: impl Into<String>) -> Report {
        Report {
            on_key: true,
            ..Report::at(pointer, message)
        }
    }

    #[must_use]
    pub(crate) fn label(mut self, label: impl Into<String>) -> Report {
        self.label = Some(label.into());
        self
    }

    #[must_use]
    pub(crate) fn help(mut self, help: impl Into<String>) -> Report {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub(crate) fn related(mut self, file: FileNo, pointer: String, label: &'static str) -> Report {
        self.related.push((file, pointer, label));
        self
    }
}

/// Where the rules report.
pub(crate) trait Sink {
    /// A breach of `rule` in `file`; `report` describes it, if the sink wants to know.
    fn report(
        &mut self,
        rule: &'static Rule,
        file: FileNo,
        report: impl FnOnce() -> Report,
    ) -> Flow;
}

/// A sink that wants only the first breach: the rule and the file, no message.
#[derive(Default)]
pub(crate) struct First(pub(crate) Option<(&'static Rule, FileNo)>);

impl Sink for First {
    fn report(&mut self, rule: &'static Rule, file: FileNo, _: impl FnOnce() -> Report) -> Flow {
        self.0 = Some((rule, file));
        ControlFlow::Break(())
    }
}
