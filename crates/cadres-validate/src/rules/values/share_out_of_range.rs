//! Rule `share-out-of-range` (E0504).

declare_rule! {
    /// A share records how a speaker divided something (the blame for a famine) between causes,
    /// in percent. A part below 0 or above 100, or parts that add up to more than 100, cannot
    /// be what the source said: a typo or a misread figure.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-causes"
    /// property = "attributed-causes"
    /// value = { share = [{ percent = 30.0, of = "natural disasters" }, { percent = 130.0, of = "man-made mistakes" }] }
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/example-conference.toml
    /// [[claims]]
    /// id = "example-conference-causes"
    /// property = "attributed-causes"
    /// value = { share = [{ percent = 30.0, of = "natural disasters" }, { percent = 70.0, of = "man-made mistakes" }] }
    /// ```
    pub SHARE_OUT_OF_RANGE = "E0504" "share-out-of-range" Error Values "Each part of a share is between 0 and 100 percent, and the parts add up to at most 100.";
}

use cadres_model::Value;

use crate::rules::lookup::{ClaimAt, Flow, GO_ON, Lookup, Report, Sink};

/// Whether a share's part is a percentage.
fn in_range(percent: f64) -> bool {
    (0.0..=100.0).contains(&percent)
}

/// Each part of a share of the claim or its qualifiers is from 0 to 100, and together they
/// make at most 100 (judged only once every part is in range).
pub(crate) fn check<'a>(cx: &impl Lookup<'a>, c: &ClaimAt<'a>, sink: &mut impl Sink) -> Flow {
    for v in super::valued(cx, c) {
        let Value::Share(parts) = v.value else {
            continue;
        };
        if !v.typed() {
            continue;
        }
        for (k, p) in parts.iter().enumerate() {
            if !in_range(p.percent) {
                sink.report(&SHARE_OUT_OF_RANGE, c.file, || {
                    Report::at(
                        format!("{}/share/{k}/percent", v.pointer(c)),
                        format!("a share of {}% is outside 0 to 100", p.percent),
                    )
                    .label("not a percentage")
                    .help("a part is a percentage of the whole, from 0 to 100")
                })?;
            }
        }
        let total: f64 = parts.iter().map(|p| p.percent).sum();
        if total > 100.0 + 1e-9 && parts.iter().all(|p| in_range(p.percent)) {
            sink.report(&SHARE_OUT_OF_RANGE, c.file, || {
                Report::at(
                    format!("{}/share", v.pointer(c)),
                    format!("the parts add up to {total}%, more than 100"),
                )
                .label("more than a whole")
                .help("check each part against the source; together they make at most 100%")
            })?;
        }
    }
    GO_ON
}
