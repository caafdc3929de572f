//! Plain English renderings of model values for the Markdown document: dates at the
//! precision the source gives, quantities, shares, names and works. The results are
//! unescaped text; the caller escapes them for where they land.

use cadres_model::{
    Certainty, DateRelation, Edtf, EdtfDate, Index, IntervalEnd, Name, Precision, Source,
    SourceType, Value,
};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A single date at its own precision: `7 February 1962`, `February 1962`, `1962`, with
/// its qualifier in words: `about 1962`, `1962 (uncertain)`.
pub(crate) fn date(d: EdtfDate) -> String {
    let month = d
        .month()
        .and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)))
        .copied();
    let plain = match (d.precision(), month, d.day()) {
        (Precision::Day, Some(m), Some(day)) => format!("{day} {m} {:04}", d.year_number()),
        (Precision::Month | Precision::Day, Some(m), _) => format!("{m} {:04}", d.year_number()),
        _ => format!("{:04}", d.year_number()),
    };
    match d.certainty() {
        Certainty::Certain => plain,
        Certainty::Approximate => format!("about {plain}"),
        Certainty::Uncertain => format!("{plain} (uncertain)"),
        Certainty::UncertainApproximate => format!("about {plain} (uncertain)"),
    }
}

/// A date or an interval: `11 January 1962 – 7 February 1962`, `from 1966 on`,
/// `until 1969 (start unknown)`.
pub(crate) fn edtf(e: &Edtf) -> String {
    match e {
        Edtf::Date(d) => date(*d),
        Edtf::Interval(start, end) => match (start, end) {
            (IntervalEnd::Date(a), IntervalEnd::Date(b)) => format!("{} – {}", date(*a), date(*b)),
            (IntervalEnd::Date(a), IntervalEnd::Open) => format!("from {} on", date(*a)),
            (IntervalEnd::Date(a), IntervalEnd::Unknown) => {
                format!("from {} (end unknown)", date(*a))
            }
            (IntervalEnd::Open, IntervalEnd::Date(b)) => format!("until {}", date(*b)),
            (IntervalEnd::Unknown, IntervalEnd::Date(b)) => {
                format!("until {} (start unknown)", date(*b))
            }
            _ => e.to_string(),
        },
    }
}

/// The year a timeline section files a date under: the year of its earliest day, or of its
/// latest when it is unbounded below.
pub(crate) fn year(e: &Edtf) -> String {
    e.earliest()
        .or_else(|| e.latest())
        .map_or_else(|| "undated".to_owned(), |d| format!("{:04}", d.year))
}

/// `7000` as `7,000`.
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A value in words: an entity by its label, a date at its precision, `over 7,000 (person)`,
/// `30% natural disasters, 70% man-made mistakes`, `日日讲 (zh-Hans)`.
pub(crate) fn value(v: &Value, index: &Index<'_>) -> String {
    match v {
        Value::Entity(id) => index
            .entity(id.as_str())
            .map_or_else(|| id.to_string(), |e| e.label().to_owned()),
        Value::Date(d) => edtf(d),
        Value::Quantity(q) => format!(
            "{}{} ({})",
            q.approximation.words(),
            thousands(q.amount),
            q.unit
        ),
        Value::Share(_) | Value::Text(_) => v.to_string(),
    }
}

/// How two disputed values relate, as a sentence ending in a period.
pub(crate) fn relation(r: DateRelation) -> &'static str {
    match r {
        DateRelation::Same => "The two values denote the same span of time.",
        DateRelation::Refinement => {
            "One value lies within the other; the narrower refines the wider, so they do not contradict each other."
        }
        DateRelation::Overlap => {
            "The two values share some days, and each has days the other lacks."
        }
        DateRelation::Contradiction => "The two values share no day; both cannot be true.",
    }
}

/// Names joined for a bibliography: `Zhang, San; Smith, Jane`.
pub(crate) fn names(names: &[Name]) -> String {
    names
        .iter()
        .map(Name::display)
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// A work's author-date tag, `MacFarquhar 1999`, `Schoenhals and Stone 1990`, `Sun`:
/// the family names of its authors (else editors) and its year. `None` without authors.
pub(crate) fn author_date(source: &Source) -> Option<String> {
    let families: Vec<String> = source
        .author
        .iter()
        .chain(if source.author.is_empty() {
            &source.editor[..]
        } else {
            &[]
        })
        .map(|n| {
            n.family
                .clone()
                .or_else(|| n.literal.clone())
                .unwrap_or_default()
        })
        .filter(|n| !n.is_empty())
        .collect();
    let who = match families.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [a, ..] => format!("{a} et al."),
    };
    Some(match source.issued {
        Some(d) => format!("{who} {:04}", d.year_number()),
        None => who,
    })
}

/// Whether a work's title is set in italics (a whole work) rather than quoted (a part of
/// a larger one).
pub(crate) fn title_is_whole_work(kind: SourceType) -> bool {
    matches!(
        kind,
        SourceType::Book | SourceType::Report | SourceType::Document
    )
}

/// A name as running text says it after a preposition: `the Seven Thousand Cadres
/// Conference`, unless it already begins with an article.
pub(crate) fn with_article(name: &str) -> String {
    let lower = name.to_lowercase();
    if ["the ", "a ", "an "].iter().any(|a| lower.starts_with(a)) {
        name.to_owned()
    } else {
        format!("the {name}")
    }
}
