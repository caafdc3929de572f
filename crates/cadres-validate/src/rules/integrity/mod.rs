//! Integrity rules: references between records resolve.

pub(crate) mod unknown_claim;
pub(crate) mod unknown_entity;
pub(crate) mod unknown_property;
pub(crate) mod unknown_source;

pub use unknown_claim::UNKNOWN_CLAIM;
pub use unknown_entity::UNKNOWN_ENTITY;
pub use unknown_property::UNKNOWN_PROPERTY;
pub use unknown_source::UNKNOWN_SOURCE;

use crate::rules::lookup::{FileNo, Flow, GO_ON, Lookup, Namespace, Report, Sink};

/// The rule a reference to an unknown id of `ns` breaks.
fn rule_of(ns: Namespace) -> &'static crate::rules::Rule {
    match ns {
        Namespace::Source => &UNKNOWN_SOURCE,
        Namespace::Entity => &UNKNOWN_ENTITY,
        Namespace::Claim => &UNKNOWN_CLAIM,
        Namespace::Property => &UNKNOWN_PROPERTY,
    }
}

/// Reports the reference to `id`, a record of `ns`, made in `file` at `pointer` (or at its
/// key, `on_key`), unless the id is known or the reference waits on a file that could not be
/// loaded ([`crate::roots`]).
fn unresolved<'a>(
    cx: &impl Lookup<'a>,
    sink: &mut impl Sink,
    file: FileNo,
    ns: Namespace,
    id: &str,
    on_key: bool,
    pointer: impl FnOnce() -> String,
) -> Flow {
    if cx.knows(ns, id) || cx.waits(ns, id, file) {
        return GO_ON;
    }
    sink.report(rule_of(ns), file, || {
        let noun = ns.noun();
        let help = match cx.suggest(ns, id) {
            Some(best) => format!("did you mean `{best}`?"),
            None => match ns {
                Namespace::Source => format!("add `sources/{id}.toml`, or correct the id"),
                Namespace::Entity => format!("add `entities/<kind>/{id}.toml`, or correct the id"),
                Namespace::Property => {
                    format!("add `{id}` to `properties.toml`, or correct the id")
                }
                Namespace::Claim => "correct the id".to_owned(),
            },
        };
        let message = format!("no {noun} has the id `{id}`");
        let report = if on_key {
            Report::at_key(pointer(), message)
        } else {
            Report::at(pointer(), message)
        };
        report.label(format!("unknown {noun}")).help(help)
    })
}
