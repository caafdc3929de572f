//! Dates as historians give them: Extended Date/Time Format (EDTF, ISO 8601-2), the subset
//! this dataset needs.
//!
//! We parse EDTF ourselves rather than through the `edtf` crate: that crate reports every
//! failure as a bare `Invalid` or `OutOfRange`, has panicking paths, and offers no bounds.
//! Contributors need messages that say which part is wrong, and the validator needs each
//! value's earliest and latest day to classify disagreements.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How sure the source is of a date: EDTF level 1 qualifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Certainty {
    /// No qualifier.
    #[default]
    Certain,
    /// `?`: the source is unsure.
    Uncertain,
    /// `~`: the source gives an approximate date ("about 1962").
    Approximate,
    /// `%`: both uncertain and approximate.
    UncertainApproximate,
}

impl Certainty {
    fn suffix(self) -> &'static str {
        match self {
            Certainty::Certain => "",
            Certainty::Uncertain => "?",
            Certainty::Approximate => "~",
            Certainty::UncertainApproximate => "%",
        }
    }
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// `1962`
    Year,
    /// `1962-08`
    Month,
    /// `1962-02-07`
    Day,
}

/// One calendar day, the unit in which date bounds are compared.
///
/// Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Year, 0 to 9999.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A single EDTF date: a year, a month or a day, with an optional qualifier.
///
/// # Syntax
///
/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (years 0000 to 9999), optionally followed by one of
/// `?` (uncertain), `~` (approximate) or `%` (both). Nothing else: no seasons, no
/// unspecified digits, no times.
///
/// # Invariants
///
/// The month is 1 to 12 and the day exists in that month of that year (proleptic Gregorian).
/// `Display` gives back exactly the canonical text it was parsed from.
///
/// # Ordering
///
/// `Ord` orders by the earliest day, then the latest day, then certainty, so that
/// `1962-02` sorts before `1962-02-07`, which sorts before `1962-03`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EdtfDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
    certainty: Certainty,
}

impl Ord for EdtfDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.earliest(), self.latest(), self.certainty).cmp(&(
            other.earliest(),
            other.latest(),
            other.certainty,
        ))
    }
}

impl PartialOrd for EdtfDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Why a string is not a valid EDTF date or interval.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EdtfError {
    /// The string is empty.
    #[error("a date cannot be empty")]
    Empty,
    /// The text does not have the shape of a date.
    #[error("expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found {0:?}")]
    Syntax(String),
    /// The month is not 1 to 12.
    #[error("month {0:02} does not exist: months run from 01 to 12")]
    Month(u8),
    /// The day does not exist in that month.
    #[error("day {day:02} does not exist in {year:04}-{month:02}, which has {days} days")]
    Day {
        /// The year.
        year: u16,
        /// The month.
        month: u8,
        /// The day given.
        day: u8,
        /// Days in that month.
        days: u8,
    },
    /// More than one `/`.
    #[error("an interval has exactly one '/', found {0}")]
    Slashes(usize),
    /// Neither end of an interval is a date.
    #[error("an interval needs a date at one end at least")]
    NoDatedEnd,
    /// The interval's start lies after its end.
    #[error("the interval starts ({start}) after it ends ({end})")]
    Reversed {
        /// The start as written.
        start: String,
        /// The end as written.
        end: String,
    },
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

fn digits<const N: usize>(part: &str) -> Option<u16> {
    if part.len() == N && part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

impl EdtfDate {
    /// A year-precision date.
    ///
    /// # Errors
    /// When the year is above 9999.
    pub fn year(year: u16) -> Result<Self, EdtfError> {
        Self::new(year, None, None)
    }

    /// Builds a date from its parts, checking them.
    ///
    /// # Errors
    /// When the year is above 9999, the month is not 1 to 12, a day is given without a month,
    /// or the day does not exist in that month.
    pub fn new(year: u16, month: Option<u8>, day: Option<u8>) -> Result<Self, EdtfError> {
        if year > 9999 {
            return Err(EdtfError::Syntax(year.to_string()));
        }
        if let Some(m) = month.filter(|m| !(1..=12).contains(m)) {
            return Err(EdtfError::Month(m));
        }
        match (month, day) {
            (None, Some(d)) => return Err(EdtfError::Syntax(format!("{year:04}-??-{d:02}"))),
            (Some(m), Some(d)) => {
                let days = days_in_month(year, m);
                if d == 0 || d > days {
                    return Err(EdtfError::Day {
                        year,
                        month: m,
                        day: d,
                        days,
                    });
                }
            }
            _ => {}
        }
        Ok(EdtfDate {
            year,
            month,
            day,
            certainty: Certainty::Certain,
        })
    }

    /// The same date with another qualifier.
    #[must_use]
    pub fn with_certainty(mut self, certainty: Certainty) -> Self {
        self.certainty = certainty;
        self
    }

    /// The year.
    pub fn year_number(&self) -> u16 {
        self.year
    }

    /// The month, when the date is at least month-precise.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when the date is day-precise.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// The qualifier.
    pub fn certainty(&self) -> Certainty {
        self.certainty
    }

    /// Year, month or day.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day the date may denote: `1962-02` → 1962-02-01.
    pub fn earliest(&self) -> Day {
        Day {
            year: self.year,
            month: self.month.unwrap_or(1),
            day: self.day.unwrap_or(1),
        }
    }

    /// The last day the date may denote: `1962-02` → 1962-02-28.
    pub fn latest(&self) -> Day {
        let month = self.month.unwrap_or(12);
        Day {
            year: self.year,
            month,
            day: self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        }
    }
}

impl FromStr for EdtfDate {
    type Err = EdtfError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(EdtfError::Empty);
        }
        let (body, certainty) = match s.as_bytes()[s.len() - 1] {
            b'?' => (&s[..s.len() - 1], Certainty::Uncertain),
            b'~' => (&s[..s.len() - 1], Certainty::Approximate),
            b'%' => (&s[..s.len() - 1], Certainty::UncertainApproximate),
            _ => (s, Certainty::Certain),
        };
        let syntax = || EdtfError::Syntax(s.to_owned());
        let mut parts = body.split('-');
        let year = parts.next().and_then(digits::<4>).ok_or_else(syntax)?;
        let month = match parts.next() {
            Some(m) => {
                Some(u8::try_from(digits::<2>(m).ok_or_else(syntax)?).map_err(|_| syntax())?)
            }
            None => None,
        };
        let day = match parts.next() {
            Some(d) => {
                Some(u8::try_from(digits::<2>(d).ok_or_else(syntax)?).map_err(|_| syntax())?)
            }
            None => None,
        };
        if parts.next().is_some() {
            return Err(syntax());
        }
        Ok(EdtfDate::new(year, month, day)?.with_certainty(certainty))
    }
}

impl fmt::Display for EdtfDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        f.write_str(self.certainty.suffix())
    }
}

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IntervalEnd {
    /// A date.
    Date(EdtfDate),
    /// `..`: the interval is open on this side (it goes on).
    Open,
    /// Empty: the source does not say.
    Unknown,
}

impl IntervalEnd {
    fn parse(s: &str) -> Result<Self, EdtfError> {
        match s {
            ".." => Ok(IntervalEnd::Open),
            "" => Ok(IntervalEnd::Unknown),
            _ => s.parse().map(IntervalEnd::Date),
        }
    }

    /// The date, when this end has one.
    pub fn date(&self) -> Option<&EdtfDate> {
        match self {
            IntervalEnd::Date(d) => Some(d),
            _ => None,
        }
    }
}

impl fmt::Display for IntervalEnd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntervalEnd::Date(d) => d.fmt(f),
            IntervalEnd::Open => f.write_str(".."),
            IntervalEnd::Unknown => Ok(()),
        }
    }
}

/// How two dated values relate, judged from their bounds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum DateRelation {
    /// The same span of days.
    Same,
    /// One lies wholly within the other: the narrower one refines the wider
    /// (`1962-02-07` within `1962-02`).
    Refinement,
    /// They share some days, and each has days the other lacks.
    Overlap,
    /// They share no day: both cannot be true.
    Contradiction,
}

crate::names::closed_list!(DateRelation {
    Same => "same",
    Refinement => "refinement",
    Overlap => "overlap",
    Contradiction => "contradiction",
});

/// An EDTF value: a single date or an interval.
///
/// # Syntax
///
/// A date (see [`EdtfDate`]) or `START/END`, where each end is a date, `..` (open) or
/// empty (unknown), and at least one end is a date: `1962-01-11/1962-02-07`, `1962/..`.
///
/// # Invariants
///
/// An interval's start is not after its end, compared by their earliest days.
/// `Display` gives back exactly the canonical text it was parsed from.
///
/// # Ordering
///
/// By earliest day, then latest day, unbounded ends sorting outermost; the order of a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub enum Edtf {
    /// A single date.
    Date(EdtfDate),
    /// An interval.
    Interval(IntervalEnd, IntervalEnd),
}

impl Edtf {
    /// The first day the value may denote, `None` when it is unbounded below.
    pub fn earliest(&self) -> Option<Day> {
        match self {
            Edtf::Date(d) => Some(d.earliest()),
            Edtf::Interval(start, _) => start.date().map(EdtfDate::earliest),
        }
    }

    /// The last day the value may denote, `None` when it is unbounded above.
    pub fn latest(&self) -> Option<Day> {
        match self {
            Edtf::Date(d) => Some(d.latest()),
            Edtf::Interval(_, end) => end.date().map(EdtfDate::latest),
        }
    }

    /// The single date, when this is not an interval.
    pub fn as_date(&self) -> Option<&EdtfDate> {
        match self {
            Edtf::Date(d) => Some(d),
            Edtf::Interval(..) => None,
        }
    }

    /// Every date written in the value (one for a date, up to two for an interval).
    pub fn dates(&self) -> impl Iterator<Item = &EdtfDate> {
        let (a, b) = match self {
            Edtf::Date(d) => (Some(d), None),
            Edtf::Interval(s, e) => (s.date(), e.date()),
        };
        a.into_iter().chain(b)
    }

    /// Classifies how `self` and `other` relate, from their bounds. An unbounded end
    /// extends indefinitely.
    pub fn relation(&self, other: &Edtf) -> DateRelation {
        let (a0, a1) = (self.earliest(), self.latest());
        let (b0, b1) = (other.earliest(), other.latest());
        // `None` below is minus infinity, above plus infinity.
        let le_low = |x: Option<Day>, y: Option<Day>| match (x, y) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(x), Some(y)) => x <= y,
        };
        let le_high = |x: Option<Day>, y: Option<Day>| match (x, y) {
            (_, None) => true,
            (None, Some(_)) => false,
            (Some(x), Some(y)) => x <= y,
        };
        // Disjoint when one ends before the other starts.
        let before = |end: Option<Day>, start: Option<Day>| matches!((end, start), (Some(e), Some(s)) if e < s);
        if a0 == b0 && a1 == b1 {
            DateRelation::Same
        } else if before(a1, b0) || before(b1, a0) {
            DateRelation::Contradiction
        } else if (le_low(a0, b0) && le_high(b1, a1)) || (le_low(b0, a0) && le_high(a1, b1)) {
            DateRelation::Refinement
        } else {
            DateRelation::Overlap
        }
    }
}

impl Ord for Edtf {
    fn cmp(&self, other: &Self) -> Ordering {
        let low = |e: &Edtf| {
            e.earliest().map_or(
                (
                    0,
                    Day {
                        year: 0,
                        month: 0,
                        day: 0,
                    },
                ),
                |d| (1, d),
            )
        };
        let high = |e: &Edtf| {
            e.latest().map_or(
                (
                    1,
                    Day {
                        year: 0,
                        month: 0,
                        day: 0,
                    },
                ),
                |d| (0, d),
            )
        };
        // The text breaks a tie of bounds; equal values have equal texts, and a timeline
        // of one date repeated would otherwise write both at every comparison.
        (low(self), high(self))
            .cmp(&(low(other), high(other)))
            .then_with(|| {
                if self == other {
                    Ordering::Equal
                } else {
                    self.to_string().cmp(&other.to_string())
                }
            })
    }
}

impl PartialOrd for Edtf {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl FromStr for Edtf {
    type Err = EdtfError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(EdtfError::Empty);
        }
        let slashes = s.matches('/').count();
        match slashes {
            0 => s.parse().map(Edtf::Date),
            1 => {
                let (first, second) = s.split_once('/').ok_or(EdtfError::Slashes(1))?;
                let start = IntervalEnd::parse(first)?;
                let end = IntervalEnd::parse(second)?;
                match (start, end) {
                    (IntervalEnd::Date(x), IntervalEnd::Date(y)) if x.earliest() > y.earliest() => {
                        Err(EdtfError::Reversed {
                            start: first.to_owned(),
                            end: second.to_owned(),
                        })
                    }
                    (IntervalEnd::Date(_), _) | (_, IntervalEnd::Date(_)) => {
                        Ok(Edtf::Interval(start, end))
                    }
                    _ => Err(EdtfError::NoDatedEnd),
                }
            }
            n => Err(EdtfError::Slashes(n)),
        }
    }
}

impl TryFrom<String> for Edtf {
    type Error = EdtfError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Edtf> for String {
    fn from(e: Edtf) -> Self {
        e.to_string()
    }
}

impl fmt::Display for Edtf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Edtf::Date(d) => d.fmt(f),
            Edtf::Interval(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

/// The regular expression the JSON Schema uses for EDTF values; the parser is stricter
/// (it checks month and day ranges and the order of an interval's ends).
pub const EDTF_PATTERN: &str = r"^(([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[?~%]?)|(([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[?~%]?|\.\.)?/([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[?~%]?|\.\.)?))$";

impl JsonSchema for Edtf {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Edtf".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "An EDTF (ISO 8601-2) date or interval: 1962, 1962-02, 1962-02-07, 1962~, 1962-01-11/1962-02-07, 1962/..",
            "pattern": EDTF_PATTERN,
        })
    }
}

impl Serialize for EdtfDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for EdtfDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::text::from_text(d)
    }
}

impl<'de> Deserialize<'de> for Edtf {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::text::from_text(d)
    }
}

impl JsonSchema for EdtfDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "EdtfDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A single EDTF date: 1962, 1962-02 or 1962-02-07, optionally followed by ?, ~ or %.",
            "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[?~%]?$",
        })
    }
}
