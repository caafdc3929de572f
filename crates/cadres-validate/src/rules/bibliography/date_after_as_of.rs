//! Rule `date-after-as-of` (E0604).

declare_rule! {
    /// `as-of` in `metadata.toml` is the date the dataset describes the record up to; a date
    /// after it (a source issued or accessed later, a claim's date in the future) is a typo or
    /// a sign that `as-of` was not moved on. A date is after it when its earliest day is after
    /// the latest day of `as-of`.
    ///
    /// ## Fails
    /// ```toml
    /// # sources/example-article.toml; metadata.toml has as-of = "2026-11-01"
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// title = "Example Conference"
    /// issued = "2027-01"
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # sources/example-article.toml
    /// id = "example-article"
    /// type = "entry-encyclopedia"
    /// title = "Example Conference"
    /// issued = "2026-01"
    /// ```
    pub DATE_AFTER_AS_OF = "E0604" "date-after-as-of" Error Bibliography "No date in the dataset lies after the `as-of` date of `metadata.toml`.";
}

use cadres_model::{EdtfDate, Metadata, Source};

use crate::rules::lookup::{ClaimAt, FileNo, Flow, GO_ON, Lookup, Report, Sink};

/// Whether `date` is after the dataset's `as-of` date.
fn after(date: EdtfDate, metadata: &Metadata) -> bool {
    date.earliest() > metadata.as_of.latest()
}

/// Reports `date`, at `pointer` in `file`, if it is after the `as-of` date.
fn judge<'a>(
    cx: &impl Lookup<'a>,
    sink: &mut impl Sink,
    file: FileNo,
    date: EdtfDate,
    pointer: impl FnOnce() -> String,
) -> Flow {
    let Some(meta) = cx.metadata() else {
        return GO_ON;
    };
    if !after(date, meta) {
        return GO_ON;
    }
    sink.report(&DATE_AFTER_AS_OF, file, || {
        Report::at(
            pointer(),
            format!("{date} is after the dataset's as-of date, {}", meta.as_of),
        )
        .label("after as-of")
        .help("correct the date, or move `as-of` in `metadata.toml` forward")
    })
}

/// No date of the claim's value or qualifiers is after `as-of`.
pub(crate) fn check<'a>(cx: &impl Lookup<'a>, c: &ClaimAt<'a>, sink: &mut impl Sink) -> Flow {
    let own = c.claim.value.as_date().map(|d| (None, d));
    let qualified = c
        .claim
        .qualifiers
        .iter()
        .filter_map(|(k, v)| v.as_date().map(|d| (Some(k), d)));
    for (key, d) in own.into_iter().chain(qualified) {
        for date in d.dates() {
            judge(cx, sink, c.file, *date, || match key {
                None => format!("{}/value/date", c.pointer()),
                Some(k) => format!("{}/qualifiers/{k}/date", c.pointer()),
            })?;
        }
    }
    GO_ON
}

/// No date of the source (`issued`, `accessed`, `archive-date`) is after `as-of`.
pub(crate) fn check_source<'a>(
    cx: &impl Lookup<'a>,
    file: FileNo,
    s: &Source,
    sink: &mut impl Sink,
) -> Flow {
    for (key, d) in [
        ("issued", &s.issued),
        ("accessed", &s.accessed),
        ("archive-date", &s.archive_date),
    ] {
        if let Some(d) = d {
            judge(cx, sink, file, *d, || format!("/{key}"))?;
        }
    }
    GO_ON
}
