//! `cargo xtask new source|entity|claim`: scaffold a record in the right place, in canonical
//! form, with its `#:schema` directive.
//!
//! A template parses and deserializes into the model. What only the contributor can know is
//! left as a placeholder: a string starting with [`PLACEHOLDER`] (`"TODO: the title in its
//! original script"`), which `cargo xtask check` reports until it is replaced. Ids, kinds,
//! the property, the cited source and simple values (entity, date, quantity) are given on the
//! command line and checked before anything is written. Nothing is ever overwritten: `source`
//! and `entity` refuse an existing file or id, and `claim` appends to an existing entity file
//! and refuses a claim id already in the dataset.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::str::FromStr;

use anyhow::{Context as _, anyhow, bail};
use cadres_model::schema::RecordKind;
use cadres_model::{Edtf, EntityKind, Id, LangTag, PropertiesFile, SourceType, ValueType};
use clap::Subcommand;

use cadres_fmt::{format_text, quote};

/// How every placeholder in a template starts. A string value that starts with it is a field
/// the contributor has yet to fill in.
pub(crate) const PLACEHOLDER: &str = cadres_validate::rules::PLACEHOLDER;

/// What to scaffold.
#[derive(Debug, Clone, Subcommand)]
pub(crate) enum Template {
    /// A source (a work): writes sources/<ID>.toml.
    Source {
        /// The source's id, a lowercase slug such as `he-2016`.
        id: String,
        /// The CSL type: book, chapter, article-journal, article-magazine, article-newspaper,
        /// entry-encyclopedia, entry-dictionary, webpage, report, speech or document.
        #[arg(long = "type", value_name = "TYPE")]
        kind: String,
        /// The title in its original script [default: a placeholder].
        #[arg(long)]
        title: Option<String>,
    },
    /// An entity: writes entities/<KIND>/<ID>.toml.
    Entity {
        /// person, organization, event, meeting, speech, policy, movement, slogan, concept,
        /// place, position or group.
        kind: String,
        /// The entity's id, a lowercase slug such as `liu-shaoqi`.
        id: String,
        /// Its English name [default: a placeholder].
        #[arg(long)]
        label: Option<String>,
    },
    /// A claim: appends a [[claims]] table to the entity's file.
    Claim {
        /// The id of the entity the claim is about (its file must exist).
        entity: String,
        /// The property, from properties.toml.
        #[arg(long)]
        property: String,
        /// The id of the source that was read (sources/<SOURCE>.toml must exist).
        #[arg(long)]
        source: String,
        /// The value: an entity id, an EDTF date, or an amount, by the property's type;
        /// required for those three, optional text for a text property.
        #[arg(long)]
        value: Option<String>,
        /// The claim's id [default: <ENTITY>-<PROPERTY>, numbered when taken].
        #[arg(long)]
        id: Option<String>,
        /// For a text property, the language of the words, as a BCP 47 tag (`zh-Hans`)
        /// [default: en].
        #[arg(long)]
        lang: Option<String>,
    },
}

/// `cargo xtask new`: writes the template and says what to do next.
pub(crate) fn run(dataset: &Path, template: &Template) -> anyhow::Result<ExitCode> {
    let path = create(dataset, template)?;
    eprintln!("wrote {}", path.display());
    eprintln!(
        "next: replace every \"{PLACEHOLDER}: ...\" value, then run `cargo xtask fmt` and `cargo xtask check`"
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes the template into `dataset` and returns the file written.
pub(crate) fn create(dataset: &Path, template: &Template) -> anyhow::Result<PathBuf> {
    match template {
        Template::Source { id, kind, title } => {
            let id = parse_id(id)?;
            let kind = source_type(kind)?;
            let path = dataset.join("sources").join(format!("{id}.toml"));
            let directive = directive(dataset, Path::new("sources"), RecordKind::Source)?;
            let text = source_text(&directive, &id, &kind, title.as_deref());
            write_new(&path, &text)?;
            Ok(path)
        }
        Template::Entity { kind, id, label } => {
            let id = parse_id(id)?;
            let kind = EntityKind::from_name(kind).ok_or_else(|| {
                let kinds: Vec<&str> = EntityKind::ALL.iter().map(|k| k.as_str()).collect();
                anyhow!("no entity kind {kind:?}: use one of {}", kinds.join(", "))
            })?;
            if let Some(existing) = find_entity(dataset, id.as_str())? {
                bail!("entity {id} already exists: {}", existing.display());
            }
            let path = dataset
                .join("entities")
                .join(kind.as_str())
                .join(format!("{id}.toml"));
            let folder = Path::new("entities").join(kind.as_str());
            let directive = directive(dataset, &folder, RecordKind::Entity)?;
            let text = entity_text(&directive, &id, kind, label.as_deref());
            write_new(&path, &text)?;
            Ok(path)
        }
        Template::Claim {
            entity,
            property,
            source,
            value,
            id,
            lang,
        } => append_claim(
            dataset,
            &ClaimArgs {
                entity,
                property,
                source,
                value: value.as_deref(),
                id: id.as_deref(),
                lang: lang.as_deref(),
            },
        ),
    }
}

fn parse_id(s: &str) -> anyhow::Result<Id> {
    Id::from_str(s).map_err(|e| anyhow!("{s:?} is not an id: {e}"))
}

fn source_type(s: &str) -> anyhow::Result<String> {
    serde_json::from_value::<SourceType>(serde_json::Value::String(s.to_owned())).map_err(
        |_| {
            anyhow!(
                "no source type {s:?}: use book, chapter, article-journal, article-magazine, \
             article-newspaper, entry-encyclopedia, entry-dictionary, webpage, report, speech \
             or document"
            )
        },
    )?;
    Ok(s.to_owned())
}

/// The `#:schema` line for a file in `folder` (relative to the dataset) of `kind`: a path
/// from that folder to the project's `schema/`, which taplo and editors resolve from the
/// file's own folder.
pub(crate) fn directive(dataset: &Path, folder: &Path, kind: RecordKind) -> anyhow::Result<String> {
    let dataset = fs::canonicalize(dataset)
        .with_context(|| format!("no dataset folder {}", dataset.display()))?;
    let root = crate::project_root();
    let schema = fs::canonicalize(&root).unwrap_or(root).join("schema");
    let rel = relative(&dataset.join(folder), &schema);
    Ok(format!(
        "{} {}/{}",
        cadres_fmt::DIRECTIVE,
        rel.to_string_lossy().replace('\\', "/"),
        kind.schema_file_name()
    ))
}

/// The path from folder `from` to `to`, both absolute.
fn relative(from: &Path, to: &Path) -> PathBuf {
    let from: Vec<Component<'_>> = from.components().collect();
    let to: Vec<Component<'_>> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut rel = PathBuf::new();
    for _ in common..from.len() {
        rel.push("..");
    }
    for c in &to[common..] {
        rel.push(c);
    }
    rel
}

fn write_new(path: &Path, text: &str) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                anyhow!("{} already exists; not overwriting it", path.display())
            } else {
                anyhow!("creating {}: {e}", path.display())
            }
        })?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("writing {}", path.display()))
}

/// Passes `text` through the formatter, so that a template is already canonical.
fn canonical(text: &str, kind: RecordKind) -> String {
    format_text(text, Some(kind)).unwrap_or_else(|_| text.to_owned())
}

/// The template of a source file.
pub(crate) fn source_text(directive: &str, id: &Id, kind: &str, title: Option<&str>) -> String {
    let title = title.map_or_else(
        || quote(&format!("{PLACEHOLDER}: the title in its original script")),
        quote,
    );
    let text = format!(
        "{directive}\n\
         # Add only what the work's description gives: author, editor, container-title,\n\
         # publisher, publisher-place, issued, accessed, archive-date, ISBN, URL, language,\n\
         # volume, issue, page, medium, note, references (see docs/format.md).\n\
         id = {}\ntype = {}\ntitle = {title}\n",
        quote(id.as_str()),
        quote(kind),
    );
    canonical(&text, RecordKind::Source)
}

/// The template of an entity file.
pub(crate) fn entity_text(
    directive: &str,
    id: &Id,
    kind: EntityKind,
    label: Option<&str>,
) -> String {
    let label = label.map_or_else(|| quote(&format!("{PLACEHOLDER}: its English name")), quote);
    let text = format!(
        "{directive}\n\
         # Labels in other scripts (zh-Hans, zh-Hant, zh-Latn-pinyin) and aliases only where\n\
         # the source gives them. Add claims with `cargo xtask new claim {id} ...`.\n\
         id = {}\nkind = {}\nlabels = {{ en = {label} }}\n\
         description = {}\n",
        quote(id.as_str()),
        quote(kind.as_str()),
        quote(&format!(
            "{PLACEHOLDER}: what it is, in one or two sentences of our own words"
        )),
    );
    canonical(&text, RecordKind::Entity)
}

/// The `[[claims]]` table for a property of type `value_type`; `lang` is the language of a
/// text value.
pub(crate) fn claim_text(
    id: &Id,
    property: &Id,
    value_type: ValueType,
    value: Option<&str>,
    lang: &LangTag,
    source: &Id,
) -> anyhow::Result<String> {
    let needs = |what: &str, example: &str| {
        anyhow!("property {property} takes {what}: give it with --value, such as --value {example}")
    };
    let value = match value_type {
        ValueType::Entity => {
            let v = value.ok_or_else(|| needs("an entity", "beijing"))?;
            format!("{{ entity = {} }}", quote(parse_id(v)?.as_str()))
        }
        ValueType::Date => {
            let v = value.ok_or_else(|| needs("a date", "1962-02-07"))?;
            let d = Edtf::from_str(v).map_err(|e| anyhow!("{v:?} is not an EDTF date: {e}"))?;
            format!("{{ date = {} }}", quote(&d.to_string()))
        }
        ValueType::Quantity => {
            let v = value.ok_or_else(|| needs("a quantity", "7000"))?;
            let amount: u64 = v
                .replace([',', '_'], "")
                .parse()
                .map_err(|_| anyhow!("{v:?} is not a whole number"))?;
            format!(
                "{{ quantity = {{ amount = {amount}, approximation = \"exact\", unit = {} }} }}",
                quote(&format!("{PLACEHOLDER}: what is counted, singular"))
            )
        }
        ValueType::Share => format!(
            "{{ share = [{{ percent = 0.0, of = {} }}] }}",
            quote(&format!("{PLACEHOLDER}: each part and its percentage"))
        ),
        ValueType::Text => format!(
            "{{ text = {{ lang = {}, text = {} }} }}",
            quote(lang.as_str()),
            quote(&value.map_or_else(
                || format!("{PLACEHOLDER}: the words, in their language"),
                str::to_owned
            ))
        ),
    };
    let mut text = String::new();
    let _ = write!(
        text,
        "[[claims]]\nid = {}\nproperty = {}\nvalue = {value}\nstatement = {}\ncitations = [\n  {{ source = {}, locator = {}, quote = {} }},\n]\n",
        quote(id.as_str()),
        quote(property.as_str()),
        quote(&format!(
            "{PLACEHOLDER}: the claim as one sentence in our own words"
        )),
        quote(source.as_str()),
        quote(&format!(
            "{PLACEHOLDER}: the section heading, lead, or a page"
        )),
        quote(&format!("{PLACEHOLDER}: the source's words, verbatim")),
    );
    Ok(text)
}

/// The entity file of `id`, in whichever kind folder it is.
fn find_entity(dataset: &Path, id: &str) -> anyhow::Result<Option<PathBuf>> {
    let dir = dataset.join("entities");
    if !dir.is_dir() {
        return Ok(None);
    }
    let mut kinds: Vec<PathBuf> = fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    kinds.sort();
    Ok(kinds
        .into_iter()
        .map(|k| k.join(format!("{id}.toml")))
        .find(|p| p.is_file()))
}

/// Every claim id in the dataset's entity files, read leniently (a file that does not parse
/// is skipped: `check` reports it).
fn claim_ids(dataset: &Path) -> anyhow::Result<Vec<String>> {
    let dir = dataset.join("entities");
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut ids = Vec::new();
    for path in crate::fmt::toml_files(&dir)? {
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        let Ok(table) = text.parse::<toml::Table>() else {
            continue;
        };
        if let Some(claims) = table.get("claims").and_then(toml::Value::as_array) {
            ids.extend(
                claims
                    .iter()
                    .filter_map(|c| c.get("id").and_then(toml::Value::as_str))
                    .map(str::to_owned),
            );
        }
    }
    Ok(ids)
}

/// The command line of `new claim`.
struct ClaimArgs<'a> {
    entity: &'a str,
    property: &'a str,
    source: &'a str,
    value: Option<&'a str>,
    id: Option<&'a str>,
    lang: Option<&'a str>,
}

fn append_claim(dataset: &Path, args: &ClaimArgs<'_>) -> anyhow::Result<PathBuf> {
    let entity = parse_id(args.entity)?;
    let property = parse_id(args.property)?;
    let source = parse_id(args.source)?;
    let lang = args.lang.unwrap_or("en");
    let lang =
        LangTag::from_str(lang).map_err(|e| anyhow!("{lang:?} is not a language tag: {e}"))?;
    let path = find_entity(dataset, entity.as_str())?.ok_or_else(|| {
        anyhow!("no entity {entity} in {}: create it first with `cargo xtask new entity <KIND> {entity}`", dataset.display())
    })?;
    if !dataset
        .join("sources")
        .join(format!("{source}.toml"))
        .is_file()
    {
        bail!(
            "no source {source}: create it first with `cargo xtask new source {source} --type <TYPE>`"
        );
    }
    let properties_path = dataset.join("properties.toml");
    let properties: PropertiesFile = toml::from_str(
        &fs::read_to_string(&properties_path)
            .with_context(|| format!("reading {}", properties_path.display()))?,
    )
    .with_context(|| format!("reading {}", properties_path.display()))?;
    let prop = properties
        .property
        .iter()
        .find(|p| p.id == property)
        .ok_or_else(|| {
            let known: Vec<&str> = properties.property.iter().map(|p| p.id.as_str()).collect();
            match cadres_validate::closest(property.as_str(), &known) {
                Some(best) => anyhow!(
                    "no property {property} in properties.toml: did you mean {best}? The properties are {}",
                    known.join(", ")
                ),
                None => anyhow!(
                    "no property {property} in properties.toml: use one of {}",
                    known.join(", ")
                ),
            }
        })?;
    let kind = path
        .parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .and_then(EntityKind::from_name);
    if let Some(kind) = kind
        && !prop.subject_kinds.is_empty()
        && !prop.subject_kinds.contains(&kind)
    {
        let kinds: Vec<&str> = prop.subject_kinds.iter().map(|k| k.as_str()).collect();
        bail!(
            "property {property} applies to {}, and {entity} is a {kind}",
            kinds.join(", ")
        );
    }
    let value_type = prop.value_type;

    let taken = claim_ids(dataset)?;
    let id = if let Some(id) = args.id {
        let id = parse_id(id)?;
        if taken.iter().any(|t| t == id.as_str()) {
            bail!("a claim {id} already exists; choose another --id");
        }
        id
    } else {
        let base = format!("{entity}-{property}");
        let mut candidate = base.clone();
        let mut n = 2;
        while taken.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        parse_id(&candidate)?
    };
    if args.lang.is_some() && value_type != ValueType::Text {
        bail!("--lang is for text properties; {property} takes {value_type} values");
    }
    let claim = claim_text(&id, &property, value_type, args.value, &lang, &source)?;

    let mut text =
        fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push('\n');
    text.push_str(&claim);
    crate::fmt::write_atomically(&path, &text)?;
    Ok(path)
}

#[cfg(test)]
mod tests;
