//! `dataset.md`: the release for readers, one GitHub Flavored Markdown document.
//!
//! # Structure
//!
//! 1. Title (the metadata's title), summary (its description), and a table with the
//!    version, the `as-of` date and the license; a note on the two levels of provenance.
//! 2. **Timeline**: every dated claim (see [`cadres_model::claim_date`]) in timeline order,
//!    as vertical Mermaid `timeline TD` diagrams, one per year (one diagram for several
//!    years would be scaled down past reading at GitHub's width, and Mermaid then draws a
//!    section over the one before), one event a line with its date at the precision the
//!    source gives (`7 February 1962`, `February 1962`, `1962`). Claims that dispute one
//!    another are one event, at the preferred value, naming the others' values.
//! 3. **The conference**, **People and organizations** and **Aftermath**: every claim once,
//!    as its `statement` with a footnote per citation. See the grouping below.
//! 4. **Disputes**: every pair of disputing claims, with both values, ranks, sources and
//!    the classification of how the values relate.
//! 5. **Entities**: every entity with its kind, names and description.
//! 6. **Bibliography**: the works read (sources named as a citation's `source`), then the
//!    works cited by them, each marked as cited by the work that lists it, not consulted.
//! 7. **Provenance**: counts of claims, sources and citations, citations per claim and
//!    claims per source.
//! 8. The footnotes: one per distinct citation (source, locator, quote and cited works),
//!    numbered in order of first reference, each giving the quote, the locator, the source,
//!    and the works that source cites for it.
//!
//! # Grouping
//!
//! - *The conference* is the `meeting` entity with the most claims (ties: the smallest id).
//!   Its span runs from the earliest to the latest day of its own date-valued claims.
//! - **Aftermath**: every claim whose date (its value or its point in time) begins after
//!   that span ends, in timeline order, whatever its subject. An undated claim about a
//!   subject other than the conference and people (a later meeting, a movement) takes its
//!   subject's date, the earliest of the subject's date-valued claims.
//! - **People and organizations**: the other claims about persons, organizations, groups
//!   and positions, grouped by subject.
//! - **The conference**: all other claims (the conference itself, and the speeches,
//!   policies, ideas, events and places around it), grouped by subject, the conference
//!   first.
//!
//! Subjects are ordered by kind, label and id; claims within a subject by date (undated
//! last), then id. Nothing depends on hash order or on the order records were read in.
//!
//! # Pages
//!
//! A document larger than [`PAGE_BYTES`] (1 MB) opens in no viewer a reader would use, so
//! a release ([`write_pages`]) splits it. `dataset.md` becomes an index page: the title,
//! summary and release table, then each section with links to its pages. The pages are
//! `dataset/<section>-<n>.md` (`dataset/timeline-1.md`, `dataset/disputes-3.md`), each at
//! most 1 MB:
//!
//! - every section begins a page, and a page breaks only between two units (a claim, a
//!   timeline event, a table row, a dispute, a bibliography entry), so a page passes the
//!   limit only when one unit alone does;
//! - a page begins with a line naming the dataset, the section and the page, linking to
//!   the index page and to the page before, and ends with a link to the next page;
//! - a diagram or table cut by a page break is closed on one page and opened again on the
//!   next, with its header;
//! - footnotes keep the numbers they have in the one-page document, and each page defines
//!   those it references, so every footnote resolves on its own page;
//! - a link to a section (`Disputes`, `Aftermath`) goes to that section's first page.
//!
//! Whether a document is paged depends only on its size: the same dataset always gives the
//! same files. [`write()`] writes one page whatever the size.
//!
//! # Escaping
//!
//! Every string from the dataset passes through [`escape::markdown`](crate::escape::markdown) or
//! [`escape::mermaid`](crate::escape::mermaid); ids are slugs and are written as they are.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::rc::Rc;

use cadres_model::{
    Citation, Claim, DateRelation, Dated, Edtf, Entity, EntityKind, Id, Index, Rank, Source, Value,
    claim_date,
};

use crate::escape::{markdown as md, mermaid, quoted};
use crate::human;
use crate::{Error, FastMap, FastSet, Result, Sorted};

/// The first line of each timeline diagram. GitHub draws Mermaid in its own theme, light
/// or dark; these colours are set in both, so that at GitHub's content width every text is
/// at least 12 px and has a contrast of at least 4.5:1 (`.ci/timeline-check.sh` measures it):
/// the section and date boxes, the text on them, and the lines.
const MERMAID_INIT: &str = r##"%%{init: {"themeVariables": {"cScale0": "#a5c8f0", "cScaleLabel0": "#1f2328", "cScaleLabel11": "#848d97"}}}%%"##;

/// The end of a timeline diagram, and the blank line after it.
const CLOSE_FENCE: &str = "```\n\n";

/// One event of the timeline: a dated claim, with the dates its disputing rivals give
/// instead, which are not events of their own.
struct Event<'a> {
    entry: Dated<'a>,
    /// The rivals' dates, in timeline order.
    also: Vec<&'a Edtf>,
}

/// The timeline's events: each group of dated claims that dispute one another (declared on
/// either side) becomes one event, placed at its best-ranked claim (the preferred one; on a
/// tie, the first in timeline order), which keeps the others' dates.
fn events<'a>(timeline: &[Dated<'a>]) -> Vec<Event<'a>> {
    let position: FastMap<&str, usize> = timeline
        .iter()
        .enumerate()
        .map(|(i, e)| (e.claim.id.as_str(), i))
        .collect();
    // Union-find over timeline positions, joined along every dispute between two of them.
    let mut parent: Vec<usize> = (0..timeline.len()).collect();
    for (i, entry) in timeline.iter().enumerate() {
        for dispute in &entry.claim.disputes {
            if let Some(&j) = position.get(dispute.with.as_str()) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..timeline.len() {
        groups.entry(root(&mut parent, i)).or_default().push(i);
    }
    let mut events: Vec<(usize, Event<'a>)> = groups
        .into_values()
        .map(|members| {
            let best = *members
                .iter()
                .min_by_key(|&&i| (timeline[i].claim.rank, i))
                .unwrap_or(&members[0]);
            let also = members
                .iter()
                .filter(|&&i| i != best)
                .map(|&i| timeline[i].date)
                .collect();
            (
                best,
                Event {
                    entry: timeline[best],
                    also,
                },
            )
        })
        .collect();
    events.sort_by_key(|(i, _)| *i);
    events.into_iter().map(|(_, e)| e).collect()
}

/// The root of `i`'s set in a union-find forest, halving the path on the way.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The most bytes a page of the document holds in a release: 1 MB, which GitHub, browsers
/// and editors open without strain. A document that fits is one page, `dataset.md`.
pub const PAGE_BYTES: usize = 1_000_000;

/// The folder of a paged document's pages, beside its index page `dataset.md`.
pub const PAGES: &str = "dataset";

/// Room kept at the end of each page for the close of an open block and the line that
/// links to the next page.
const PAGE_END: usize = 512;

/// How much of a one-page document is held before it is written out.
const CHUNK: usize = 1 << 16;

/// Writes the whole document as one page, whatever its size.
///
/// # Errors
///
/// When `out` fails.
pub fn write(sorted: &Sorted<'_>, out: &mut dyn Write) -> Result<()> {
    // The index's lists are in id order whatever the dataset's order.
    let index = Index::new(sorted.dataset);
    let plan = Plan::new(&index);
    let mode = Mode::Whole {
        to: out,
        cap: None,
        written: 0,
    };
    Doc::new(sorted, &index, mode).document(&plan)
}

/// Writes the document as a release holds it: one page, `dataset.md`, when it takes at
/// most `limit` bytes; otherwise an index page `dataset.md` and pages of at most `limit`
/// bytes in [`PAGES`] (see "Pages" above). `sink` is given each file's name (relative to
/// the release, `/`-separated) and bytes: the pages in order, the index page last.
///
/// # Errors
///
/// When `sink` fails.
pub fn write_pages(
    sorted: &Sorted<'_>,
    limit: usize,
    sink: &mut dyn FnMut(&str, &[u8]) -> Result<()>,
) -> Result<()> {
    let index = Index::new(sorted.dataset);
    let plan = Plan::new(&index);
    let mut whole = Vec::new();
    let one_page = Mode::Whole {
        to: &mut whole,
        cap: Some(limit),
        written: 0,
    };
    match Doc::new(sorted, &index, one_page).document(&plan) {
        Ok(()) => sink("dataset.md", &whole),
        Err(e) if is_overflow(&e) => {
            let paged = Mode::Paged(Paging {
                limit,
                sink,
                counts: [0; Section::ALL.len()],
                current: None,
                body: 0,
                refs: Vec::new(),
                on_page: FastSet::default(),
                defs: Vec::new(),
                unit_refs: Vec::new(),
                unit_new: 0,
                unit_defs: 0,
            });
            Doc::new(sorted, &index, paged).document(&plan)
        }
        Err(e) => Err(e),
    }
}

/// The signal that a one-page document has passed its cap: it is written as pages instead.
#[derive(Debug)]
struct Overflow;

impl std::fmt::Display for Overflow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the document is larger than one page")
    }
}

impl std::error::Error for Overflow {}

fn is_overflow(e: &Error) -> bool {
    matches!(e, Error::Io(e) if e.get_ref().is_some_and(<dyn std::error::Error + Send + Sync>::is::<Overflow>))
}

/// The sections of the document, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Timeline,
    Conference,
    People,
    Aftermath,
    Disputes,
    Entities,
    Bibliography,
    Provenance,
}

impl Section {
    const ALL: [Section; 8] = [
        Section::Timeline,
        Section::Conference,
        Section::People,
        Section::Aftermath,
        Section::Disputes,
        Section::Entities,
        Section::Bibliography,
        Section::Provenance,
    ];

    /// Its heading.
    fn title(self) -> &'static str {
        match self {
            Section::Timeline => "Timeline",
            Section::Conference => "The conference",
            Section::People => "People and organizations",
            Section::Aftermath => "Aftermath",
            Section::Disputes => "Disputes",
            Section::Entities => "Entities",
            Section::Bibliography => "Bibliography",
            Section::Provenance => "Provenance",
        }
    }

    /// Its heading's anchor, as GitHub derives it from the heading: lower case, a hyphen
    /// for each space (the titles hold no other punctuation).
    fn anchor(self) -> String {
        self.title().to_lowercase().replace(' ', "-")
    }

    /// The file name of its page `k` (from 1), in [`PAGES`].
    fn page(self, k: usize) -> String {
        format!("{}-{k}.md", self.anchor())
    }

    /// The path of its page `k` in the release.
    fn path(self, k: usize) -> String {
        format!("{PAGES}/{}", self.page(k))
    }
}

/// Where the document goes.
enum Mode<'w> {
    /// One page, written into `to` a chunk at a time; with a `cap`, held whole and given
    /// up ([`Overflow`]) as soon as it passes the cap.
    Whole {
        to: &'w mut dyn Write,
        cap: Option<usize>,
        /// The bytes already written into `to`.
        written: usize,
    },
    /// Pages, each handed whole to its sink.
    Paged(Paging<'w>),
}

/// The state of a paged document: the page being filled, and what it must define.
struct Paging<'w> {
    limit: usize,
    sink: &'w mut dyn FnMut(&str, &[u8]) -> Result<()>,
    /// The pages begun in each section, by its place in [`Section::ALL`].
    counts: [usize; Section::ALL.len()],
    /// The page being filled: its section and number.
    current: Option<(Section, usize)>,
    /// Where the page's body begins, after its heading: no page break before it.
    body: usize,
    /// The footnotes the page references, in order of first reference, each once.
    refs: Vec<usize>,
    on_page: FastSet<usize>,
    /// Their definitions, in that order.
    defs: Vec<u8>,
    /// The footnotes the current unit references, each once.
    unit_refs: Vec<usize>,
    /// `refs.len()` and `defs.len()` when the current unit began.
    unit_new: usize,
    unit_defs: usize,
}

/// An open block that a page break must close and the next page open again: a Mermaid
/// diagram, a table.
struct Block {
    close: &'static str,
    reopen: String,
}

/// Which claim goes to which section.
struct Plan<'a> {
    conference: Option<&'a Entity>,
    conference_claims: Vec<&'a Claim>,
    people_claims: Vec<&'a Claim>,
    aftermath: Vec<&'a Claim>,
    /// Disputing pairs, each once, smaller id first, with the declared relation.
    disputes: Vec<(&'a Claim, &'a Claim, DateRelation)>,
    /// Claims in a dispute, either side (only looked up).
    disputed: FastSet<&'a str>,
}

fn is_people(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Person | EntityKind::Organization | EntityKind::Group | EntityKind::Position
    )
}

impl<'a> Plan<'a> {
    fn new(index: &Index<'a>) -> Plan<'a> {
        let conference = index
            .entities()
            .filter(|e| e.kind == EntityKind::Meeting)
            // Entities come in id order and a later one wins only with strictly more
            // claims: the most claims, ties to the smallest id.
            .fold(None::<&'a Entity>, |best, e| match best {
                Some(b)
                    if index.claims_about(b.id.as_str()).len()
                        >= index.claims_about(e.id.as_str()).len() =>
                {
                    Some(b)
                }
                _ => Some(e),
            });
        let span_end = conference.and_then(|c| {
            index
                .claims_about(c.id.as_str())
                .iter()
                .filter_map(|claim| claim.value.as_date())
                .filter_map(Edtf::latest)
                .max()
        });
        let mut plan = Plan {
            conference,
            conference_claims: Vec::new(),
            people_claims: Vec::new(),
            aftermath: Vec::new(),
            disputes: Vec::new(),
            disputed: FastSet::default(),
        };
        // Each subject's own date: the earliest of its date-valued claims.
        let mut subject_dates: BTreeMap<&'a str, &'a Edtf> = BTreeMap::new();
        for claim in index.claims() {
            if let Some(date) = claim.value.as_date() {
                let entry = subject_dates.entry(claim.subject.as_str()).or_insert(date);
                if date < *entry {
                    *entry = date;
                }
            }
        }
        let mut aftermath: Vec<(&'a Edtf, &'a Claim)> = Vec::new();
        for claim in index.claims() {
            let people = index
                .entity(claim.subject.as_str())
                .is_some_and(|e| is_people(e.kind));
            let of_conference = conference.is_some_and(|c| c.id == claim.subject);
            // A claim's own date, else (for a subject other than the conference and people)
            // its subject's date: an undated claim about the Beidaihe meeting of August 1962
            // belongs with that meeting.
            let effective = claim_date(claim).map(|d| d.date).or_else(|| {
                (!people && !of_conference)
                    .then(|| subject_dates.get(claim.subject.as_str()).copied())
                    .flatten()
            });
            let after = match (span_end, effective) {
                (Some(end), Some(date)) => date.earliest().is_some_and(|d| d > end),
                _ => false,
            };
            if let (true, Some(date)) = (after, effective) {
                aftermath.push((date, claim));
            } else if people {
                plan.people_claims.push(claim);
            } else {
                plan.conference_claims.push(claim);
            }
        }
        // By date; at one date the claims dated themselves first, then those placed by
        // their subject's date; then by id.
        aftermath.sort_by(|(da, a), (db, b)| {
            (da, claim_date(a).is_none(), &a.id).cmp(&(db, claim_date(b).is_none(), &b.id))
        });
        plan.aftermath = aftermath.into_iter().map(|(_, claim)| claim).collect();
        let mut seen = BTreeSet::new();
        for claim in index.claims() {
            for dispute in &claim.disputes {
                let Some(other) = index.claim(dispute.with.as_str()) else {
                    continue;
                };
                let (a, b) = if claim.id <= other.id {
                    (claim, other)
                } else {
                    (other, claim)
                };
                plan.disputed.insert(a.id.as_str());
                plan.disputed.insert(b.id.as_str());
                if seen.insert((a.id.as_str(), b.id.as_str())) {
                    plan.disputes.push((a, b, dispute.relation));
                }
            }
        }
        plan
    }
}

/// How footnotes and lists name a source, worked out once per source.
struct Work<'a> {
    source: &'a Source,
    /// [`Doc::work_short`].
    short: String,
    /// The tag of [`Doc::cited_tag`].
    tag: String,
}

impl<'a> Work<'a> {
    fn new(source: &'a Source) -> Work<'a> {
        let tag = human::author_date(source).map_or_else(
            || {
                if human::title_is_whole_work(source.kind) {
                    format!("*{}*", md(&source.title))
                } else {
                    quoted(&source.title)
                }
            },
            |lead| md(&lead),
        );
        Work {
            source,
            short: work_short(source),
            tag,
        }
    }
}

/// A work named in running text: `*Book Title*` or `“Part Title”, *Container*`.
fn work_title(source: &Source) -> String {
    if human::title_is_whole_work(source.kind) {
        return format!("*{}*", md(&source.title));
    }
    match &source.container_title {
        Some(c) => format!("{}, *{}*", quoted(&source.title), md(c)),
        None => quoted(&source.title),
    }
}

/// A work in short: `MacFarquhar 1999, *Title*`, or `“Title”, *Container* (2014)`
/// when it names no author.
fn work_short(source: &Source) -> String {
    match (human::author_date(source), source.issued) {
        (Some(lead), _) => format!("{}, {}", md(&lead), work_title(source)),
        (None, Some(issued)) => {
            format!("{} ({:04})", work_title(source), issued.year_number())
        }
        (None, None) => work_title(source),
    }
}

/// The footnotes: one per distinct citation, numbered in order of first reference.
struct Notes<'a> {
    numbers: FastMap<Note<'a>, usize>,
    order: Vec<&'a Citation>,
}

/// A citation as its footnote shows it: source, locator, quote and cited works. Its
/// `as-named` words are not shown, so two citations that differ only in them share a note.
#[derive(Clone, Copy)]
struct Note<'a>(&'a Citation);

impl Note<'_> {
    fn parts(&self) -> (&Id, Option<&str>, Option<&str>, &[Id]) {
        let c = self.0;
        (
            &c.source,
            c.locator.as_deref(),
            c.quote.as_deref(),
            &c.cites,
        )
    }
}

impl PartialEq for Note<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for Note<'_> {}

impl std::hash::Hash for Note<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.parts().hash(state);
    }
}

impl<'a> Notes<'a> {
    /// Room for `n` citations: growing the map would hash every citation again, and
    /// hashing one reads all its text.
    fn with_capacity(n: usize) -> Notes<'a> {
        Notes {
            numbers: FastMap::with_capacity_and_hasher(n, foldhash::fast::FixedState::default()),
            order: Vec::with_capacity(n),
        }
    }

    /// The footnote number of `citation`, assigning the next one on first use.
    fn number(&mut self, citation: &'a Citation) -> usize {
        let order = &mut self.order;
        *self.numbers.entry(Note(citation)).or_insert_with(|| {
            order.push(citation);
            order.len()
        })
    }
}

/// The document being written.
///
/// Its text is written into `out` in units: a claim, an event, a table row, a dispute.
/// [`Doc::unit`] ends one, and is where a page may break: a unit that would take its page
/// past the limit begins the next page instead, with the footnotes it references, and
/// with the block it was in opened again there.
struct Doc<'i, 'a, 'w> {
    /// The page, or the part of the one page not yet written.
    out: Vec<u8>,
    mode: Mode<'w>,
    /// Where the current unit began in `out`.
    unit_start: usize,
    /// The bytes at the start of the current unit that close the block it began in (the
    /// fence before a new year's diagram): on a new page they are dropped, not repeated.
    lead: usize,
    /// The open block, and the one open when the current unit began.
    block: Option<Rc<Block>>,
    start_block: Option<Rc<Block>>,
    index: &'i Index<'a>,
    /// The ids of the works read: every citation's `source`.
    read: &'i FastSet<&'a str>,
    /// Every source by id, with its short forms.
    works: FastMap<&'a str, Work<'a>>,
    /// How many claims the timeline holds.
    dated: usize,
    notes: Notes<'a>,
}

impl<'i, 'a, 'w> Doc<'i, 'a, 'w> {
    fn new(sorted: &'i Sorted<'a>, index: &'i Index<'a>, mode: Mode<'w>) -> Doc<'i, 'a, 'w> {
        let works = index
            .sources()
            .map(|source| (source.id.as_str(), Work::new(source)))
            .collect();
        Doc {
            out: Vec::with_capacity(CHUNK),
            mode,
            unit_start: 0,
            lead: 0,
            block: None,
            start_block: None,
            index,
            read: &sorted.read,
            works,
            dated: 0,
            notes: Notes::with_capacity(sorted.claims.iter().map(|c| c.citations.len()).sum()),
        }
    }

    /// Every section, then the footnotes or, when paged, the index page.
    fn document(mut self, plan: &Plan<'a>) -> Result<()> {
        if matches!(self.mode, Mode::Whole { .. }) {
            self.header()?;
        }
        self.timeline()?;
        self.conference(plan)?;
        self.people(plan)?;
        self.aftermath(plan)?;
        self.disputes(plan)?;
        self.entities()?;
        self.bibliography()?;
        self.provenance(plan)?;
        self.unit()?;
        if matches!(self.mode, Mode::Paged(_)) {
            self.end_page(None)?;
            return self.index_page();
        }
        self.footnotes()?;
        if let Mode::Whole { to, .. } = &mut self.mode {
            to.write_all(&self.out)?;
            to.flush()?;
        }
        Ok(())
    }

    /// Ends the current unit. One page is written out a chunk at a time, or given up when
    /// it passes its cap. A page that the unit took past its limit ends before the unit,
    /// which begins the next page (unless it is the page's first, or only closes a block).
    fn unit(&mut self) -> Result<()> {
        let len = self.out.len();
        match &mut self.mode {
            Mode::Whole { to, cap, written } => match *cap {
                Some(cap) if *written + len > cap => {
                    return Err(io::Error::other(Overflow).into());
                }
                None if len >= CHUNK => {
                    to.write_all(&self.out)?;
                    *written += len;
                    self.out.clear();
                }
                // Held whole under its cap, or not a chunk yet.
                _ => {}
            },
            Mode::Paged(p) => {
                let close = self.start_block.as_ref().map_or(0, |b| b.close.len());
                let full = len + close + p.defs.len() + PAGE_END > p.limit;
                let content = len > self.unit_start + self.lead;
                if let (true, true, true, Some((section, k))) =
                    (full, content, self.unit_start > p.body, p.current)
                {
                    let moved = self.out.split_off(self.unit_start);
                    let refs = std::mem::take(&mut p.unit_refs);
                    for n in p.refs.drain(p.unit_new..) {
                        p.on_page.remove(&n);
                    }
                    p.defs.truncate(p.unit_defs);
                    let block = self.start_block.clone();
                    // Read before the new page begins, which starts a unit of its own.
                    let lead = self.lead;
                    if let Some(b) = &block {
                        self.out.extend_from_slice(b.close.as_bytes());
                    }
                    self.end_page(Some((section, k + 1)))?;
                    self.begin_page(section)?;
                    if let (0, Some(b)) = (lead, &block) {
                        self.out.extend_from_slice(b.reopen.as_bytes());
                    }
                    self.out.extend_from_slice(&moved[lead..]);
                    for n in refs {
                        self.referenced(n);
                    }
                }
            }
        }
        if let Mode::Paged(p) = &mut self.mode {
            p.unit_refs.clear();
            p.unit_new = p.refs.len();
            p.unit_defs = p.defs.len();
        }
        self.unit_start = self.out.len();
        self.start_block.clone_from(&self.block);
        self.lead = 0;
        Ok(())
    }

    /// Begins a unit with `text`, which closes the open block: a new page drops it.
    fn lead(&mut self, text: &str) -> Result<()> {
        self.unit()?;
        self.out.extend_from_slice(text.as_bytes());
        self.lead = text.len();
        self.block = None;
        Ok(())
    }

    /// Begins `section`: its heading on one page; a page of its own when paged.
    fn section(&mut self, section: Section) -> Result<()> {
        self.unit()?;
        if matches!(self.mode, Mode::Paged(_)) {
            self.end_page(Some((section, 1)))?;
            self.begin_page(section)?;
        } else {
            writeln!(self.out, "## {}\n", section.title())?;
        }
        Ok(())
    }

    /// A link to the beginning of `section`, from anywhere in the document.
    fn link(&self, section: Section) -> String {
        match self.mode {
            Mode::Whole { .. } => format!("#{}", section.anchor()),
            Mode::Paged(_) => format!("{}#{}", section.page(1), section.anchor()),
        }
    }

    /// Notes that the current unit references footnote `n`, which its page then defines.
    fn referenced(&mut self, n: usize) {
        let Mode::Paged(p) = &mut self.mode else {
            return;
        };
        if !p.unit_refs.contains(&n) {
            p.unit_refs.push(n);
        }
        if p.on_page.insert(n) {
            p.refs.push(n);
            if let Some(citation) = self.notes.order.get(n - 1) {
                // A `Vec` takes every write.
                let _ = write_note(&mut p.defs, &self.works, n, citation);
            }
        }
    }

    /// Begins the next page of `section`: a line naming the document, the section and
    /// the page, with links to the contents and the page before, then the heading.
    fn begin_page(&mut self, section: Section) -> Result<()> {
        let Mode::Paged(p) = &mut self.mode else {
            return Ok(());
        };
        // `ALL` lists the sections in their declaration order.
        p.counts[section as usize] += 1;
        let k = p.counts[section as usize];
        let previous = p.current.replace((section, k));
        let title = md(&self.index.dataset().metadata.title);
        if !title.is_empty() {
            write!(self.out, "*{title}* · ")?;
        }
        write!(
            self.out,
            "[Contents](../dataset.md) · {}, page {k}",
            section.title()
        )?;
        if let Some((s, j)) = previous {
            write!(self.out, " · [Previous page]({})", s.page(j))?;
        }
        let continued = if k > 1 { " (continued)" } else { "" };
        write!(self.out, "\n\n## {}{continued}\n\n", section.title())?;
        p.body = self.out.len();
        p.refs.clear();
        p.on_page.clear();
        p.defs.clear();
        p.unit_refs.clear();
        p.unit_new = 0;
        p.unit_defs = 0;
        self.unit_start = self.out.len();
        self.lead = 0;
        Ok(())
    }

    /// Ends the page being filled, if any: a link to the `next` page, the definitions of
    /// the footnotes it references; then hands it to the sink.
    fn end_page(&mut self, next: Option<(Section, usize)>) -> Result<()> {
        let Mode::Paged(p) = &mut self.mode else {
            return Ok(());
        };
        let Some((section, k)) = p.current else {
            return Ok(());
        };
        while !self.out.ends_with(b"\n\n") {
            self.out.push(b'\n');
        }
        if let Some((s, j)) = next {
            let what = if j == 1 {
                s.title().to_owned()
            } else {
                format!("{}, page {j}", s.title())
            };
            writeln!(self.out, "[Next: {what}]({})\n", s.page(j))?;
        }
        self.out.extend_from_slice(&p.defs);
        (p.sink)(&section.path(k), &self.out)?;
        self.out.clear();
        Ok(())
    }

    /// The index page of a paged document, `dataset.md`: the header, then each section's
    /// pages.
    fn index_page(mut self) -> Result<()> {
        self.front()?;
        let Mode::Paged(p) = &mut self.mode else {
            return Ok(());
        };
        let pages: usize = p.counts.iter().sum();
        let size = if p.limit % 1_000_000 == 0 {
            format!("{} MB", p.limit / 1_000_000)
        } else {
            format!("{} bytes", p.limit)
        };
        writeln!(self.out, "## Contents\n")?;
        writeln!(
            self.out,
            "The document is too large for one page of at most {size}, so it is split into \
             {pages} pages of at most that size in `{PAGES}/` (a page is larger only when one \
             entry alone is), each with the footnotes of its own statements.\n"
        )?;
        for (section, &count) in Section::ALL.iter().zip(&p.counts) {
            write!(self.out, "- {}:", section.title())?;
            for k in 1..=count {
                let sep = match (k, count) {
                    (1, 1) => " page",
                    (1, _) => " pages",
                    _ => ",",
                };
                write!(self.out, "{sep} [{k}]({})", section.path(k))?;
            }
            writeln!(self.out)?;
        }
        writeln!(self.out)?;
        (p.sink)("dataset.md", &self.out)
    }

    fn label(&self, id: &Id) -> String {
        self.index
            .entity(id.as_str())
            .map_or_else(|| id.to_string(), |e| e.label().to_owned())
    }

    fn property_label(&self, id: &Id) -> String {
        self.index
            .property(id.as_str())
            .map_or_else(|| id.to_string(), |p| p.label.clone())
    }

    /// The footnote references of a claim: `[^1][^2]`.
    fn refs(&mut self, claim: &'a Claim) -> String {
        let mut refs = String::new();
        for citation in &claim.citations {
            let n = self.notes.number(citation);
            let _ = write!(refs, "[^{n}]");
            self.referenced(n);
        }
        refs
    }

    fn source_short(&self, id: &Id) -> String {
        self.works
            .get(id.as_str())
            .map_or_else(|| format!("`{id}`"), |w| w.short.clone())
    }

    /// The header of a one-page document: [`Doc::front`], then its contents.
    fn header(&mut self) -> Result<()> {
        self.front()?;
        writeln!(self.out, "## Contents\n")?;
        for section in Section::ALL {
            writeln!(self.out, "- [{}]({})", section.title(), self.link(section))?;
        }
        Ok(writeln!(self.out)?)
    }

    /// The title, summary and release table, and the note on provenance: what the one
    /// page and the index page of a paged document begin with.
    fn front(&mut self) -> Result<()> {
        let place = match self.mode {
            Mode::Whole { .. } => "below",
            Mode::Paged(_) => "of the pages",
        };
        let meta = &self.index.dataset().metadata;
        let o = &mut self.out;
        writeln!(o, "# {}\n", md(&meta.title))?;
        writeln!(o, "{}\n", md(&meta.description))?;
        writeln!(o, "| release | |\n| --- | --- |")?;
        writeln!(o, "| version | {} |", md(&meta.version))?;
        writeln!(o, "| as of | {} |", human::date(meta.as_of))?;
        writeln!(o, "| license | {} |", md(&meta.license))?;
        writeln!(
            o,
            "| schema version | {} |\n",
            self.index.dataset().schema_version
        )?;
        writeln!(
            o,
            "> Every statement {place} is footnoted with the words of the work that was read, and \
             where in it. A footnote's *citing* works are the ones that work cites for those \
             words: they are listed as cited by it and were not consulted.\n"
        )?;
        Ok(())
    }

    fn timeline(&mut self) -> Result<()> {
        self.section(Section::Timeline)?;
        let timeline = self.index.timeline();
        self.dated = timeline.len();
        if timeline.is_empty() {
            return Ok(writeln!(self.out, "No claim is dated.\n")?);
        }
        writeln!(
            self.out,
            "Every dated claim, ordered by its earliest and then its latest possible day. \
             Dates are shown as precisely as the source gives them.\n"
        )?;
        let mut year = None;
        for Event { entry, also } in events(&timeline) {
            let this = human::year(entry.date);
            if year.as_ref() != Some(&this) {
                if year.is_some() {
                    self.lead(CLOSE_FENCE)?;
                }
                let open = format!(
                    "```mermaid\n{MERMAID_INIT}\ntimeline TD\n    section {}\n",
                    mermaid(&this)
                );
                self.out.extend_from_slice(open.as_bytes());
                self.block = Some(Rc::new(Block {
                    close: CLOSE_FENCE,
                    reopen: open,
                }));
                year = Some(this);
            }
            let label = mermaid(&human::edtf(entry.date));
            let mut event = mermaid(&entry.claim.statement);
            if !also.is_empty() {
                let others: Vec<String> = also.iter().map(|d| human::edtf(d)).collect();
                let note = match entry.claim.rank {
                    Rank::Preferred => {
                        format!("(preferred date, also given as {})", others.join(", "))
                    }
                    _ => format!("(also given as {}, neither preferred)", others.join(", ")),
                };
                event.push(' ');
                event.push_str(&mermaid(&note));
            } else if entry.claim.rank == Rank::Deprecated {
                event.push_str(" (deprecated)");
            }
            let event = if event.is_empty() {
                entry.claim.id.to_string()
            } else {
                event
            };
            writeln!(self.out, "        {label} : {event}")?;
            self.unit()?;
        }
        self.lead(CLOSE_FENCE)
    }

    /// A claim as a list item: its statement, footnotes, rank and dispute.
    fn claim_item(&mut self, claim: &'a Claim, disputed: bool, prefix: &str) -> Result<()> {
        // One line, written piece by piece.
        let refs = self.refs(claim);
        let o = &mut self.out;
        write!(o, "- {prefix}{}{refs}", md(&claim.statement))?;
        if let Value::Text(text) = &claim.value {
            // The words themselves, which the statement paraphrases.
            write!(
                o,
                " In the original: {} ({}).",
                quoted(&text.text),
                md(text.lang.as_str())
            )?;
        }
        match claim.rank {
            Rank::Normal => {}
            Rank::Preferred | Rank::Deprecated => {
                let word = if claim.rank == Rank::Preferred {
                    "Preferred"
                } else {
                    "Deprecated"
                };
                match &claim.rank_reason {
                    Some(reason) => write!(o, " *{word}:* {}", md(reason))?,
                    None => write!(o, " *{word}.*")?,
                }
            }
        }
        if disputed {
            let link = self.link(Section::Disputes);
            write!(self.out, " (Disputed: see [Disputes]({link}).)")?;
        }
        writeln!(self.out)?;
        self.unit()
    }

    /// One subject: a heading, its kind, names and description, then its claims.
    fn subject(
        &mut self,
        entity: Option<&'a Entity>,
        id: &Id,
        claims: &[&'a Claim],
        plan: &Plan<'a>,
    ) -> Result<()> {
        let heading = match entity {
            Some(e) => md(e.label()),
            None => format!("`{id}`"),
        };
        match entity {
            Some(e) => {
                writeln!(self.out, "### {heading}\n")?;
                let mut about = format!("*{}.*", capitalized(e.kind.as_str()));
                let names = other_names(e);
                if !names.is_empty() {
                    let _ = write!(about, " Also: {names}.");
                }
                let _ = write!(about, " {}", md(&e.description));
                writeln!(self.out, "{about}\n")?;
            }
            None => writeln!(self.out, "### {heading}\n")?,
        }
        self.continued(&heading, "");
        let mut claims = claims.to_vec();
        claims.sort_by(|a, b| {
            let (da, db) = (claim_date(a).map(|d| d.date), claim_date(b).map(|d| d.date));
            (da.is_none(), da, &a.id).cmp(&(db.is_none(), db, &b.id))
        });
        for claim in claims {
            self.claim_item(claim, plan.disputed.contains(claim.id.as_str()), "")?;
        }
        self.lead("\n")
    }

    /// Claims grouped by subject, subjects ordered by `first`, kind, label and id.
    fn grouped(&mut self, claims: &[&'a Claim], first: Option<&Id>, plan: &Plan<'a>) -> Result<()> {
        // Grouped by hash, each subject's key worked out once, then the subjects sorted.
        let mut by_subject: FastMap<&'a Id, Vec<&'a Claim>> = FastMap::default();
        for claim in claims {
            by_subject.entry(&claim.subject).or_default().push(claim);
        }
        let mut subjects: Vec<_> = by_subject
            .into_iter()
            .map(|(id, claims)| {
                let entity = self.index.entity(id.as_str());
                let key = (
                    Some(id) != first,
                    entity.map(|e| e.kind),
                    entity.map_or("", |e| e.label()),
                    id,
                );
                (key, entity, claims)
            })
            .collect();
        subjects.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for ((_, _, _, id), entity, claims) in subjects {
            self.subject(entity, id, &claims, plan)?;
        }
        Ok(())
    }

    fn conference(&mut self, plan: &Plan<'a>) -> Result<()> {
        self.section(Section::Conference)?;
        let intro = match plan.conference {
            Some(c) => format!(
                "Claims about {} and about the speeches, policies, ideas, events and places \
                 around it, grouped by subject.",
                md(&human::with_article(c.label()))
            ),
            None => "Claims about the meetings, speeches, policies, ideas, events and places \
                     of the dataset, grouped by subject."
                .to_owned(),
        };
        writeln!(self.out, "{intro}\n")?;
        if plan.conference_claims.is_empty() {
            return Ok(writeln!(self.out, "No claims.\n")?);
        }
        self.grouped(
            &plan.conference_claims,
            plan.conference.map(|c| &c.id),
            plan,
        )
    }

    fn people(&mut self, plan: &Plan<'a>) -> Result<()> {
        self.section(Section::People)?;
        let aftermath = self.link(Section::Aftermath);
        writeln!(
            self.out,
            "Claims about persons, organizations, groups and offices, grouped by subject; \
             those dated after the conference are under [Aftermath]({aftermath}).\n"
        )?;
        if plan.people_claims.is_empty() {
            return Ok(writeln!(self.out, "No claims.\n")?);
        }
        self.grouped(&plan.people_claims, None, plan)
    }

    fn aftermath(&mut self, plan: &Plan<'a>) -> Result<()> {
        self.section(Section::Aftermath)?;
        let Some(conference) = plan.conference else {
            return Ok(writeln!(
                self.out,
                "The dataset names no conference to date an aftermath from.\n"
            )?);
        };
        writeln!(
            self.out,
            "Every claim dated after {} ended, whatever its subject, in timeline order; \
             an undated claim about a meeting, event or movement that began after it is \
             placed at that beginning.\n",
            md(conference.label())
        )?;
        if plan.aftermath.is_empty() {
            return Ok(writeln!(self.out, "No claims.\n")?);
        }
        for &claim in &plan.aftermath {
            let subject = md(&self.label(&claim.subject));
            let prefix = match claim_date(claim) {
                Some(d) => format!("**{}**, {subject}: ", md(&human::edtf(d.date))),
                None => format!("{subject}: "),
            };
            self.claim_item(claim, plan.disputed.contains(claim.id.as_str()), &prefix)?;
        }
        Ok(writeln!(self.out)?)
    }

    fn dispute_side(&mut self, claim: &'a Claim) -> Result<()> {
        let refs = self.refs(claim);
        let value = human::value(&claim.value, self.index);
        let rank = match claim.rank {
            Rank::Preferred => "preferred",
            Rank::Normal => "normal rank",
            Rank::Deprecated => "deprecated",
        };
        let sources: Vec<String> = claim
            .citations
            .iter()
            .map(|c| {
                let mut s = self.source_short(&c.source);
                if let Some(locator) = &c.locator {
                    let _ = write!(s, ", {}", md(locator));
                }
                s
            })
            .collect();
        let mut line = format!(
            "- **{}** ({rank}, claim `{}`): {}{refs} Source: {}.",
            md(&value),
            claim.id,
            md(&claim.statement),
            sources.join("; ")
        );
        if let Some(reason) = &claim.rank_reason {
            let _ = write!(line, " Why {rank}: {}", md(reason));
        }
        Ok(writeln!(self.out, "{line}")?)
    }

    fn disputes(&mut self, plan: &Plan<'a>) -> Result<()> {
        self.section(Section::Disputes)?;
        if plan.disputes.is_empty() {
            return Ok(writeln!(self.out, "No claims disagree.\n")?);
        }
        writeln!(
            self.out,
            "Where sources give different values for one property, every claim stays, and the \
             relation between them is stated: which is preferred and why, and how the values \
             relate.\n"
        )?;
        for &(a, b, relation) in &plan.disputes {
            writeln!(
                self.out,
                "### {}: {}\n",
                md(&self.label(&a.subject)),
                md(&self.property_label(&a.property))
            )?;
            writeln!(
                self.out,
                "Classification: **{relation}**. {}\n",
                human::relation(relation)
            )?;
            let mut sides = [a, b];
            sides.sort_by(|x, y| (x.rank, &x.id).cmp(&(y.rank, &y.id)));
            for claim in sides {
                self.dispute_side(claim)?;
            }
            writeln!(self.out)?;
            self.unit()?;
        }
        Ok(())
    }

    /// Begins a table with the lines of its `head`, which a page break repeats.
    fn table_head(&mut self, head: &str) {
        self.out.extend_from_slice(head.as_bytes());
        self.block = Some(Rc::new(Block {
            close: "\n",
            reopen: head.to_owned(),
        }));
    }

    /// Marks what follows as under the heading `### {heading}`, which a page break
    /// repeats as `### {heading} (continued)`, followed by `then` (a table's head).
    fn continued(&mut self, heading: &str, then: &str) {
        self.block = Some(Rc::new(Block {
            close: if then.is_empty() { "" } else { "\n" },
            reopen: format!("### {heading} (continued)\n\n{then}"),
        }));
    }

    fn entities(&mut self) -> Result<()> {
        self.section(Section::Entities)?;
        if self.index.dataset().entities.is_empty() {
            return Ok(writeln!(self.out, "No entities.\n")?);
        }
        self.table_head(
            "| entity | kind | other names | description |\n| --- | --- | --- | --- |\n",
        );
        let mut entities: Vec<&Entity> = self.index.entities().collect();
        entities.sort_by(|a, b| (a.kind, a.label(), &a.id).cmp(&(b.kind, b.label(), &b.id)));
        for e in entities {
            writeln!(
                self.out,
                "| {} | {} | {} | {} |",
                md(e.label()),
                e.kind,
                other_names(e),
                md(&e.description)
            )?;
            self.unit()?;
        }
        self.lead("\n")
    }

    /// A full bibliography entry.
    fn work_entry(source: &Source) -> String {
        let mut parts: Vec<String> = Vec::new();
        let authors = human::names(&source.author);
        let editors = human::names(&source.editor);
        let issued = source.issued.map(human::date);
        match (authors.is_empty(), editors.is_empty()) {
            (false, _) => parts.push(md(&authors)),
            (true, false) => parts.push(format!("{} (ed.)", md(&editors))),
            (true, true) => {}
        }
        if let (false, Some(issued)) = (parts.is_empty(), &issued) {
            // Author (date). Title.
            let last = parts.len() - 1;
            let _ = write!(parts[last], " ({issued})");
            parts.push(work_title(source));
        } else if let Some(issued) = &issued {
            // Title (date), for a work that names no author.
            parts.push(format!("{} ({issued})", work_title(source)));
        } else {
            parts.push(work_title(source));
        }
        let mut numbers = Vec::new();
        if let Some(v) = &source.volume {
            numbers.push(format!("vol. {}", md(v)));
        }
        if let Some(i) = &source.issue {
            numbers.push(format!("no. {}", md(i)));
        }
        if let Some(p) = &source.page {
            numbers.push(format!("p. {}", md(p)));
        }
        if !numbers.is_empty() {
            parts.push(numbers.join(", "));
        }
        if !authors.is_empty() && !editors.is_empty() {
            parts.push(format!("Edited by {}", md(&editors)));
        }
        match (&source.publisher_place, &source.publisher) {
            (Some(place), Some(publisher)) => {
                parts.push(format!("{}: {}", md(place), md(publisher)));
            }
            (None, Some(publisher)) => parts.push(md(publisher)),
            (Some(place), None) => parts.push(md(place)),
            (None, None) => {}
        }
        if let Some(medium) = &source.medium {
            parts.push(md(medium));
        }
        if let Some(lang) = &source.language {
            parts.push(format!("Language: {}", md(lang.as_str())));
        }
        if let Some(isbn) = &source.isbn {
            parts.push(format!("ISBN {}", md(isbn.as_str())));
        }
        if let Some(url) = &source.url {
            // An autolink: a URL holds no `<`, `>` or space, and nothing is unescaped inside.
            parts.push(format!("<{url}>"));
        }
        if let Some(date) = &source.archive_date {
            parts.push(format!("Archived {}", human::date(*date)));
        }
        if let Some(date) = &source.accessed {
            parts.push(format!("Retrieved {}", human::date(*date)));
        }
        if let Some(note) = &source.note {
            parts.push(md(note));
        }
        let mut entry = parts.join(". ");
        if !entry.ends_with('.') {
            entry.push('.');
        }
        let _ = write!(entry, " (id `{}`)", source.id);
        entry
    }

    fn bibliography(&mut self) -> Result<()> {
        self.section(Section::Bibliography)?;
        let read = self.read;
        writeln!(self.out, "### Works read\n")?;
        writeln!(
            self.out,
            "The works that were consulted: every quote in the footnotes comes from one of them.\n"
        )?;
        if read.is_empty() {
            writeln!(self.out, "None.\n")?;
        } else {
            self.continued("Works read", "");
        }
        for source in self
            .index
            .sources()
            .filter(|s| read.contains(s.id.as_str()))
        {
            writeln!(self.out, "- {}", Self::work_entry(source))?;
            self.unit()?;
        }
        if !read.is_empty() {
            self.lead("\n")?;
        }
        writeln!(self.out, "### Works cited by them\n")?;
        writeln!(
            self.out,
            "Works the works read cite, in the order of their reference lists. They were not \
             consulted: the dataset knows them only through the work that cites them.\n"
        )?;
        // Each work's readers with its number in their lists, readers in id order, found in
        // one pass over the reference lists: asking each reader for each work would read
        // every list once per work.
        let mut citing: BTreeMap<&str, Vec<(&Id, usize)>> = BTreeMap::new();
        for reader in self
            .index
            .sources()
            .filter(|r| read.contains(r.id.as_str()))
        {
            for (i, work) in reader.references.iter().enumerate() {
                let by = citing.entry(work.as_str()).or_default();
                // Its first place in the list, as `Source::reference_number` gives it.
                if by.last().is_none_or(|(r, _)| *r != &reader.id) {
                    by.push((&reader.id, i + 1));
                }
            }
        }
        let mut cited: Vec<(Vec<(&Id, usize)>, &Source)> = self
            .index
            .sources()
            .filter(|s| !read.contains(s.id.as_str()))
            .map(|work| {
                let by = citing.remove(work.id.as_str()).unwrap_or_default();
                (by, work)
            })
            .collect();
        cited.sort_by(|(a, x), (b, y)| {
            (a.is_empty(), a.first(), &x.id).cmp(&(b.is_empty(), b.first(), &y.id))
        });
        if cited.is_empty() {
            writeln!(self.out, "None.\n")?;
            return Ok(());
        }
        self.continued("Works cited by them", "");
        for (by, work) in cited {
            let marks: Vec<String> = by
                .iter()
                .map(|(reader, n)| {
                    format!("cited by {} (reference {n})", self.source_short(reader))
                })
                .collect();
            let mark = if marks.is_empty() {
                "Cited by no work read".to_owned()
            } else {
                capitalized(&marks.join("; "))
            };
            let number = by
                .first()
                .map(|(_, n)| format!("**ref. {n}.** "))
                .unwrap_or_default();
            writeln!(
                self.out,
                "- {number}{} {mark}, not consulted.",
                Self::work_entry(work)
            )?;
            self.unit()?;
        }
        self.lead("\n")
    }

    fn provenance(&mut self, plan: &Plan<'a>) -> Result<()> {
        let index = self.index;
        let data = index.dataset();
        let read = self.read;
        let citations: usize = data.claims.iter().map(|c| c.citations.len()).sum();
        let with_cites = data
            .claims
            .iter()
            .flat_map(|c| &c.citations)
            .filter(|c| !c.cites.is_empty())
            .count();
        self.section(Section::Provenance)?;
        writeln!(self.out, "| figure | count |\n| --- | ---: |")?;
        writeln!(self.out, "| claims | {} |", data.claims.len())?;
        writeln!(self.out, "| entities | {} |", data.entities.len())?;
        writeln!(self.out, "| properties | {} |", data.properties.len())?;
        writeln!(self.out, "| sources | {} |", data.sources.len())?;
        writeln!(self.out, "| works read | {} |", read.len())?;
        writeln!(
            self.out,
            "| works cited by them, not consulted | {} |",
            data.sources.len() - read.len()
        )?;
        writeln!(self.out, "| citations | {citations} |")?;
        writeln!(
            self.out,
            "| citations naming works their source cites | {with_cites} |"
        )?;
        writeln!(
            self.out,
            "| dated claims (in the timeline) | {} |",
            self.dated
        )?;
        writeln!(self.out, "| disputes | {} |\n", plan.disputes.len())?;

        writeln!(self.out, "### Quotes verified\n")?;
        writeln!(
            self.out,
            "A quote is verified when it was found verbatim (after Unicode NFC, with runs of \
             whitespace folded) in the archived text of the work it was read from, the text \
             whose SHA-256 the work records. The archived texts are not published with the \
             dataset.\n"
        )?;
        self.continued("Quotes verified", "");
        for v in &data.quote_verification {
            let Some(source) = index.source(v.source.as_str()) else {
                continue;
            };
            let work = work_short(source);
            let line = match (&source.archived_text, v.verified == v.quotes) {
                (Some(pin), _) if v.quotes == 0 => format!(
                    "- No quote was read from {work}; the text read has sha256 `{}` ({} bytes).",
                    pin.sha256, pin.length
                ),
                (Some(pin), true) => format!(
                    "- {} verified against the archived text of {work} (sha256 `{}`, {} bytes).",
                    if v.quotes == 1 {
                        "Its one quote was".to_owned()
                    } else {
                        format!("All {} quotes were", v.quotes)
                    },
                    pin.sha256,
                    pin.length
                ),
                (Some(pin), false) => format!(
                    "- {} of {} quotes were verified against the archived text of {work} (sha256 `{}`, {} bytes).",
                    v.verified, v.quotes, pin.sha256, pin.length
                ),
                (None, _) => format!(
                    "- The text of {work} that was read is not pinned: none of its {} quotes is verified.",
                    v.quotes
                ),
            };
            writeln!(self.out, "{line}")?;
            self.unit()?;
        }
        self.lead("\n")?;

        writeln!(self.out, "### Citations per claim\n")?;
        let mut histogram: BTreeMap<usize, usize> = BTreeMap::new();
        for claim in &data.claims {
            *histogram.entry(claim.citations.len()).or_default() += 1;
        }
        if let Some(mean) = mean(citations, data.claims.len()) {
            writeln!(self.out, "On average {mean} citations per claim.\n")?;
        }
        writeln!(self.out, "| citations | claims |\n| ---: | ---: |")?;
        for (n, claims) in &histogram {
            writeln!(self.out, "| {n} | {claims} |")?;
        }
        writeln!(self.out)?;

        writeln!(self.out, "### Claims per source\n")?;
        writeln!(
            self.out,
            "The works read first, then the works they cite, each by how many claims rest on \
             it, most first.\n"
        )?;
        // Counted in one pass over the claims: asking the index per source would read
        // every claim once per source.
        let mut reading: FastMap<&str, usize> = FastMap::default();
        let mut citing: FastMap<&str, usize> = FastMap::default();
        for claim in index.claims() {
            // Each source once per claim.
            let mut read: Vec<&str> = claim.citations.iter().map(|c| c.source.as_str()).collect();
            read.sort_unstable();
            read.dedup();
            let mut cited: Vec<&str> = claim
                .citations
                .iter()
                .flat_map(|c| c.cites.iter().map(cadres_model::Id::as_str))
                .collect();
            cited.sort_unstable();
            cited.dedup();
            for id in read {
                *reading.entry(id).or_default() += 1;
            }
            for id in cited {
                *citing.entry(id).or_default() += 1;
            }
        }
        let mut rows: Vec<(usize, usize, String, &str)> = index
            .sources()
            .map(|source| {
                let id = source.id.as_str();
                let count = |counts: &FastMap<&str, usize>| counts.get(id).copied().unwrap_or(0);
                (count(&reading), count(&citing), work_short(source), id)
            })
            .collect();
        rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.3.cmp(b.3)));
        let head = "| source | claims that read it | claims that cite it through a work read |\n\
                    | --- | ---: | ---: |\n";
        self.out.extend_from_slice(head.as_bytes());
        self.continued("Claims per source", head);
        for (read, cited, work, _) in rows {
            writeln!(self.out, "| {work} | {read} | {cited} |")?;
            self.unit()?;
        }
        self.lead("\n")
    }

    /// The footnotes of a one-page document, every one in order.
    fn footnotes(&mut self) -> Result<()> {
        let notes = std::mem::take(&mut self.notes.order);
        for (i, citation) in notes.iter().enumerate() {
            write_note(&mut self.out, &self.works, i + 1, citation)?;
            self.unit()?;
        }
        Ok(())
    }
}

/// Footnote `n`, the definition of `citation`, as one line: its quote, its source and
/// locator, and the works that source cites for it.
fn write_note(
    out: &mut impl Write,
    works: &FastMap<&str, Work<'_>>,
    n: usize,
    citation: &Citation,
) -> io::Result<()> {
    // Written piece by piece.
    write!(out, "[^{n}]: ")?;
    if let Some(quote) = &citation.quote {
        write!(out, "{} — ", quoted(quote))?;
    }
    let work = works.get(citation.source.as_str());
    match work {
        Some(w) => out.write_all(w.short.as_bytes())?,
        None => write!(out, "`{}`", citation.source)?,
    }
    if let Some(locator) = &citation.locator {
        write!(out, ", at: {}", md(locator))?;
    }
    out.write_all(b".")?;
    if !citation.cites.is_empty() {
        let reader = work.map(|w| w.source);
        out.write_all(b" Citing: ")?;
        for (j, cited) in citation.cites.iter().enumerate() {
            if j > 0 {
                out.write_all(b"; ")?;
            }
            cited_tag(out, works, reader, cited)?;
        }
        out.write_all(b" (cited by the source, not consulted).")?;
    }
    out.write_all(b"\n")
}

/// A cited work in a footnote, by its number in the reading source's reference list
/// and a tag: `ref. 1, MacFarquhar 1999`, `ref. 5, “七千人大会”`. The bibliography
/// lists the works by those numbers.
fn cited_tag(
    out: &mut impl Write,
    works: &FastMap<&str, Work<'_>>,
    reader: Option<&Source>,
    work: &Id,
) -> io::Result<()> {
    let Some(cited) = works.get(work.as_str()) else {
        return write!(out, "`{work}`");
    };
    match reader.and_then(|r| r.reference_number(work)) {
        Some(n) => write!(out, "ref. {n}, {}", cited.tag),
        None => out.write_all(cited.short.as_bytes()),
    }
}

/// An entity's names other than its label, escaped: `例会 (zh-Hans); The Example Meeting (en)`.
fn other_names(e: &Entity) -> String {
    let label = e.label();
    let mut names: Vec<String> = e
        .labels
        .iter()
        .filter(|(_, v)| v.as_str() != label)
        .map(|(lang, v)| format!("{} ({})", md(v), md(lang.as_str())))
        .collect();
    for (lang, aliases) in &e.aliases {
        for alias in aliases {
            names.push(format!("{} ({})", md(alias), md(lang.as_str())));
        }
    }
    names.join("; ")
}

/// `text` with its first letter in upper case.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `total / count` with two decimals, rounded half up, computed in integers.
fn mean(total: usize, count: usize) -> Option<String> {
    if count == 0 {
        return None;
    }
    let hundredths = (total * 200 + count) / (2 * count);
    Some(format!("{}.{:02}", hundredths / 100, hundredths % 100))
}
