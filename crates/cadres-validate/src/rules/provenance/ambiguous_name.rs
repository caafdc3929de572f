//! Rule `ambiguous-name` (E0413).

declare_rule! {
    /// A family name alone can name several people: "Deng" is within both "Deng Xiaoping" and
    /// "Deng Zihui". When the only name a quote gives could mean another entity too, the
    /// checker cannot tell that the quote is about the claim's entity, and neither can a
    /// reader; `as-named` says which entity the words mean.
    ///
    /// ## Fails
    /// ```toml
    /// # entities/meeting/conference.toml; entities/person/ holds deng-xiaoping and deng-zihui
    /// [[claims]]
    /// id = "conference-participant-deng-xiaoping"
    /// property = "participant"
    /// value = { entity = "deng-xiaoping" }
    /// citations = [{ source = "article", locator = "lead", quote = "At the Conference, Deng spoke first" }]
    /// ```
    ///
    /// ## Passes
    /// ```toml
    /// # entities/meeting/conference.toml
    /// [[claims]]
    /// id = "conference-participant-deng-xiaoping"
    /// property = "participant"
    /// value = { entity = "deng-xiaoping" }
    /// citations = [{ source = "article", locator = "lead", quote = "At the Conference, Deng spoke first", as-named = { deng-xiaoping = "Deng" } }]
    /// ```
    pub AMBIGUOUS_NAME = "E0413" "ambiguous-name" Error Provenance "A quote that names an entity only by a name that could name another entity too declares the entity it means under `as-named`. A name is ambiguous when another entity has it too, or when it occurs within a name of another entity of the same kind (`Deng` within `Deng Xiaoping` and `Deng Zihui`).";
}

use cadres_model::EntityFile;

use super::names::{self, Rival};
use crate::Diagnostic;
use crate::checks::Index;

/// The report on the quote of the citation at `cp` in the file `fi`, which names the
/// claim's `role` (`subject`, `value`), the entity `id`, only by `name`, a name that could
/// be `rival`'s too.
#[allow(clippy::too_many_arguments)] // reason: the report names each of these
pub(crate) fn report(
    ix: &Index<'_>,
    fi: usize,
    cp: &str,
    role: &str,
    id: &str,
    e: &EntityFile,
    name: &str,
    rival: Rival<'_>,
) -> Diagnostic {
    let written = original(e, name);
    let other = ix
        .entities
        .get(rival.id)
        .map_or(rival.name, |(_, r)| original(r, rival.name));
    let why = if names::key(other) == names::key(written) {
        format!("`{}` has that name too", rival.id)
    } else {
        format!("it is part of {other:?}, a name of `{}`", rival.id)
    };
    ix.at(
        &AMBIGUOUS_NAME,
        fi,
        &format!("{cp}/quote"),
        format!("the quote names the claim's {role} `{id}` only as {written:?}, which could name another entity: {why}"),
    )
    .label(format!("{written:?} could name `{}`", rival.id))
    .help(format!(
        "declare the entity it means: `as-named = {{ {id} = {written:?} }}`, with the words as the quote writes them"
    ))
}

/// The label or alias of `e` whose [`names::key`] is `name`, as written; else `name`.
fn original<'e>(e: &'e EntityFile, name: &'e str) -> &'e str {
    e.labels
        .values()
        .chain(e.aliases.values().flatten())
        .find(|l| names::key(l) == name)
        .map_or(name, String::as_str)
}
