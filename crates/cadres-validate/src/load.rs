//! Loading: walk the dataset folder, read and parse each file, check it on its own (syntax,
//! schema, newtype values, text), and build its typed record.
//!
//! Files are processed in parallel; each yields a [`Loaded`] file holding its record, the
//! ids it declares, its span index (for the cross-file rules to point into it) and its
//! diagnostics. The parsed TOML tree and the JSON form are dropped once the record is built.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use cadres_model::schema::RecordKind;
use cadres_model::strict::{self, StrictError};
use cadres_model::{ClaimRecord, EntityFile, Metadata, PropertiesFile, Source};
use rayon::prelude::*;
use serde_json::Value;
use toml::de::DeTable;

use crate::Diagnostic;
use crate::rules::structure::{
    file_name_mismatch, file_too_large, folder_kind_mismatch, non_canonical_encoding, not_utf8,
    schema_directive, schema_mismatch, toml_syntax, unreadable_file,
};
use crate::scan::Scan;
use crate::spans::{self, SpanIndex};
use crate::walk::Found;

/// A typed record.
#[derive(Debug)]
pub(crate) enum Record {
    Metadata(Metadata),
    Properties(PropertiesFile),
    Source(Box<Source>),
    Entity(EntityFile),
}

/// The ids a file declares, read from its JSON form so that a file whose record could not
/// be built still resolves the references made to it. Only a file read the slow way has
/// one: a file whose record is whole declares what its record holds.
#[derive(Debug, Default)]
pub(crate) struct Declared {
    /// The id of the record itself, at `/id`.
    pub(crate) record: Option<String>,
    /// `(position, id)` of each claim (at `/claims/<position>/id`), or of each property
    /// (at `/property/<position>/id`).
    pub(crate) inner: Vec<(usize, String)>,
    /// The sources the file's citations name, as `source` or under `cites`.
    pub(crate) cited: Vec<String>,
}

/// One file after loading.
pub(crate) struct Loaded {
    pub(crate) rel: String,
    pub(crate) kind: RecordKind,
    /// Where to read the file again, when its text was dropped after a clean load.
    path: Option<PathBuf>,
    /// The file's text: kept when the file has a diagnostic of its own, else dropped after
    /// loading and read again from `path` on first use (a cross-file rule pointing into
    /// the file), so that a check of a large dataset does not hold every file in memory.
    text: OnceLock<String>,
    /// The span index: for a file with syntax errors, that of the tree recovered from
    /// them; else left unset by the loader, which drops the one it built, and rebuilt from the
    /// text by [`Loaded::index`] only for a file that a cross-file rule points into.
    pub(crate) index: OnceLock<SpanIndex>,
    pub(crate) record: Option<Record>,
    /// For an entity file, the position in the file of each claim of the record (claims
    /// that do not fit the model are left out of a record built from a broken file).
    pub(crate) claim_positions: Vec<usize>,
    /// The ids read from the tree, for a file read the slow way; `None` when the record
    /// is whole and declares them itself.
    pub(crate) declared: Option<Declared>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The length and hash of the text the loader read, when it dropped it: a text read
    /// again must be the same, or spans computed on one would be shown in the other.
    fingerprint: Option<Fingerprint>,
    /// Why the text could not be had again as it was read (it changed, or the read
    /// failed); then [`Loaded::text`] is empty and nothing may point into the file.
    pub(crate) stale: OnceLock<String>,
}

/// What identifies a text without keeping it: its length and a 64-bit hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    len: usize,
    hash: u64,
}

impl Fingerprint {
    fn of(text: &str) -> Fingerprint {
        use std::hash::BuildHasher;
        Fingerprint {
            len: text.len(),
            hash: foldhash::fast::FixedState::default().hash_one(text.as_bytes()),
        }
    }
}

impl Loaded {
    fn new(rel: String, kind: RecordKind, path: Option<PathBuf>) -> Loaded {
        Loaded {
            rel,
            kind,
            path,
            text: OnceLock::new(),
            index: SpanIndex::default().into(),
            record: None,
            claim_positions: Vec::new(),
            declared: None,
            diagnostics: Vec::new(),
            fingerprint: None,
            stale: OnceLock::new(),
        }
    }

    /// The file's text, read again from the file if the loader dropped it. When that read
    /// fails, or gives another text than the loader read, the text is empty and
    /// [`Loaded::stale`] says why.
    pub(crate) fn text(&self) -> &str {
        self.text.get_or_init(|| {
            let Some(path) = &self.path else {
                return String::new();
            };
            match fs::read_to_string(path) {
                Ok(text) if self.fingerprint.is_none_or(|f| f == Fingerprint::of(&text)) => text,
                Ok(_) => {
                    let _ = self.stale.set("it changed after it was read".to_owned());
                    String::new()
                }
                Err(e) => {
                    let _ = self.stale.set(format!("it could not be read again: {e}"));
                    String::new()
                }
            }
        })
    }

    /// The file's text, owned.
    pub(crate) fn into_text(mut self) -> String {
        self.text();
        self.text.take().unwrap_or_default()
    }

    /// The id the record declares at `/id`.
    pub(crate) fn record_id(&self) -> Option<&str> {
        if let Some(d) = &self.declared {
            return d.record.as_deref();
        }
        match &self.record {
            Some(Record::Source(s)) => Some(s.id.as_str()),
            Some(Record::Entity(e)) => Some(e.id.as_str()),
            _ => None,
        }
    }

    /// `(position, id)` of each claim or property the file declares.
    pub(crate) fn inner_ids(&self) -> Vec<(usize, &str)> {
        if let Some(d) = &self.declared {
            return d.inner.iter().map(|(i, id)| (*i, id.as_str())).collect();
        }
        match &self.record {
            Some(Record::Entity(e)) => e
                .claims
                .iter()
                .enumerate()
                .map(|(i, c)| (i, c.id.as_str()))
                .collect(),
            Some(Record::Properties(p)) => p
                .property
                .iter()
                .enumerate()
                .map(|(i, p)| (i, p.id.as_str()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The JSON pointer of the id of the inner record at `position`.
    pub(crate) fn inner_pointer(&self, position: usize) -> String {
        let list = if self.kind == RecordKind::Properties {
            "property"
        } else {
            "claims"
        };
        format!("/{list}/{position}/id")
    }

    /// Calls `f` with every source id the file's citations name.
    pub(crate) fn for_each_cited<'a>(&'a self, mut f: impl FnMut(&'a str)) {
        if let Some(d) = &self.declared {
            d.cited.iter().for_each(|s| f(s));
            return;
        }
        if let Some(Record::Entity(e)) = &self.record {
            for cit in e.claims.iter().flat_map(|c| &c.citations) {
                f(cit.source.as_str());
                cit.cites.iter().for_each(|w| f(w.as_str()));
            }
        }
    }
}

/// Loads one found file the slow way, leaving the walk's entry in place: what the
/// streaming check asks when a file is not clean, to name the rule.
pub(crate) fn load_found(found: &Found) -> Loaded {
    load(found.clone())
}

/// Loads every found file, in parallel, keeping the walk's order.
pub(crate) fn load_all(
    files: Vec<Found>,
    progress: Option<fn(crate::Pass<'_>, usize, usize)>,
    pass: crate::Pass<'_>,
) -> Vec<Loaded> {
    let Some(report) = progress else {
        return files.into_par_iter().map(load).collect();
    };
    let total = files.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let loaded = files
        .into_par_iter()
        .map(|f| {
            let l = load(f);
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if n.is_multiple_of(1024) {
                report(pass, n, total);
            }
            l
        })
        .collect();
    report(pass, total, total);
    loaded
}

/// A file's bytes, or its size when it is over [`crate::MAX_FILE_BYTES`]. One open, and the size
/// from the open file: a second lookup of the path per file is measurable at 150,000 files.
fn read_limited(path: &Path) -> io::Result<Result<Vec<u8>, u64>> {
    use std::io::Read;
    let mut handle = fs::File::open(path)?;
    let len = handle.metadata()?.len();
    if file_too_large::too_large(len) {
        return Ok(Err(len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0) + 1);
    handle.read_to_end(&mut bytes)?;
    Ok(Ok(bytes))
}

fn load(found: Found) -> Loaded {
    let path = found.path();
    let read = read_limited(&path);
    let mut loaded = Loaded::new(found.rel, found.kind, Some(path));
    let file = loaded.rel.clone();
    match read {
        Ok(Ok(bytes)) => decode(&mut loaded, bytes, true),
        Ok(Err(len)) => {
            loaded.diagnostics.push(file_too_large::report(&file, len));
            let _ = loaded.text.set(String::new());
        }
        Err(e) => {
            loaded.diagnostics.push(unreadable_file::report(&file, &e));
            let _ = loaded.text.set(String::new());
        }
    }
    loaded
}

/// The record of `found` if the file is clean on its own: readable, within the limits, with
/// the right `#:schema` line, and read the fast way with nothing to report. `None` when
/// the file has anything a full load would report (or could not be read).
pub(crate) fn read_clean(found: &Found) -> Option<Record> {
    let bytes = read_limited(&found.path()).ok()?.ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let mut diags = Vec::new();
    schema_directive::check(found.kind, &found.rel, &text, &mut diags);
    non_canonical_encoding::check(&found.rel, &text, &mut diags);
    if !diags.is_empty() {
        return None;
    }
    let (doc, errors) = DeTable::parse_recoverable(&text);
    if !errors.is_empty() || !crate::scan::quick(doc.get_ref()) {
        return None;
    }
    fast_record(found.kind, &found.rel, doc)
}

/// Checks the bytes of one file of `kind`, named `rel` in diagnostics, on their own: what
/// the loader does to a file it has read (the size limit aside).
pub(crate) fn load_bytes(kind: RecordKind, rel: &str, bytes: Vec<u8>) -> Loaded {
    let mut loaded = Loaded::new(rel.to_owned(), kind, None);
    decode(&mut loaded, bytes, true);
    loaded
}

/// UTF-8, then [`check_text`], the fast way first when `fast` is set.
fn decode(loaded: &mut Loaded, bytes: Vec<u8>, fast: bool) {
    match not_utf8::check(&loaded.rel, bytes) {
        Ok(text) => {
            let _ = loaded.text.set(text);
        }
        Err(d) => {
            loaded.diagnostics.push(*d);
            let _ = loaded.text.set(String::new());
            return;
        }
    }
    check_text(loaded, fast);
}

fn check_text(loaded: &mut Loaded, fast: bool) {
    let file = loaded.rel.clone();
    let Some(text) = loaded.text.take() else {
        return;
    };
    let mut diags = Vec::new();
    schema_directive::check(loaded.kind, &file, &text, &mut diags);
    non_canonical_encoding::check(&file, &text, &mut diags);
    let (doc, errors) = DeTable::parse_recoverable(&text);
    // The fast way: a tree with nothing for the text rules to report deserializes straight
    // into its record. Anything else (a syntax error, a text rule, a record the types
    // refuse, an id at odds with the path) is read again the slow way, which finds every
    // problem and points at each.
    let fast = fast && errors.is_empty() && crate::scan::quick(doc.get_ref());
    let parsed = if fast {
        match fast_record(loaded.kind, &file, doc) {
            Some(record) => {
                loaded.record = Some(record);
                loaded.index = OnceLock::new();
                // Kept for the renderers when the file already has a diagnostic, and
                // when it could not be read again.
                if !diags.is_empty() || loaded.path.is_none() {
                    let _ = loaded.text.set(text);
                } else {
                    loaded.fingerprint = Some(Fingerprint::of(&text));
                }
                loaded.diagnostics = diags;
                return;
            }
            None => DeTable::parse_recoverable(&text),
        }
    } else {
        (doc, errors)
    };
    slow(loaded, &file, &text, diags, parsed);
    let _ = loaded.text.set(text);
}

/// The record deserialized straight from a tree with nothing for the text rules to
/// report, if the types accept it and its id and kind agree with its path `rel`.
fn fast_record(kind: RecordKind, rel: &str, doc: toml::Spanned<DeTable<'_>>) -> Option<Record> {
    typed(kind, toml::de::Deserializer::from(doc))
        .ok()
        .filter(|r| match r {
            Record::Source(s) => file_name_mismatch::holds(rel, s.id.as_str()),
            Record::Entity(e) => {
                file_name_mismatch::holds(rel, e.id.as_str())
                    && folder_kind_mismatch::holds(rel, e.kind.as_str())
            }
            Record::Metadata(_) | Record::Properties(_) => true,
        })
}

/// A record of `kind`, if the types accept it with no key they would ignore
/// ([`cadres_model::strict`]), from any form of the file: its parsed TOML tree on the fast
/// way, its JSON form on the slow way.
fn typed<'de, D: serde::Deserializer<'de>>(
    kind: RecordKind,
    de: D,
) -> Result<Record, StrictError<D::Error>> {
    Ok(match kind {
        RecordKind::Metadata => Record::Metadata(strict::deserialize(de)?),
        RecordKind::Properties => Record::Properties(strict::deserialize(de)?),
        RecordKind::Source => Record::Source(Box::new(strict::deserialize(de)?)),
        RecordKind::Entity | RecordKind::Dataset => Record::Entity(strict::deserialize(de)?),
    })
}

/// The slow way: the JSON form of the tree and its span index, the newtype and text
/// rules, the JSON Schema on a record the types refuse, and as much of the record as fits.
fn slow(
    loaded: &mut Loaded,
    file: &str,
    text: &str,
    mut diags: Vec<Diagnostic>,
    (doc, errors): (toml::Spanned<DeTable<'_>>, Vec<toml::de::Error>),
) {
    let file = file.to_owned();
    if !errors.is_empty() {
        toml_syntax::check(&file, text, &errors, &mut diags);
        // The tree recovered from the syntax errors still names the ids this file
        // declares and cites, so that other files' references to them do not fail too,
        // and says where they are, for a rule that points at one (a duplicated id).
        let (json, index, _) = spans::convert(&doc);
        loaded.declared = Some(declared(loaded.kind, &json));
        loaded.index = OnceLock::from(index);
        loaded.diagnostics = diags;
        return;
    }
    let (json, index, datetimes) = spans::convert(&doc);
    drop(doc);
    for dt in &datetimes {
        diags.push(schema_mismatch::datetime(
            &file,
            text,
            index.value(&dt.pointer),
            &dt.text,
        ));
    }
    loaded.declared = Some(declared(loaded.kind, &json));
    file_name_mismatch::check(loaded.kind, &file, &json, text, &index, &mut diags);
    folder_kind_mismatch::check(loaded.kind, &file, &json, text, &index, &mut diags);
    let scan = Scan::run(loaded.kind, &json, &file, text, &index);
    let covered = scan.covered;
    let dt_pointers: HashSet<&str> = datetimes.iter().map(|d| d.pointer.as_str()).collect();
    let skip = |p: &str| covered.contains(p) || dt_pointers.contains(p);
    // The schemas are generated from the model's types, so a record the types accept has
    // nothing for the schema to add: it runs only on files the types refuse, for its
    // precise messages.
    let fits = if datetimes.is_empty() && covered.is_empty() {
        typed(loaded.kind, &json).ok()
    } else {
        None
    };
    let schema = if fits.is_some() {
        Vec::new()
    } else {
        crate::rules::structure::schema::validate(loaded.kind, &json, &file, text, &index, &skip)
    };
    // A bad newtype value (a covered pointer) stops the record from being built; a text
    // rule does not.
    let clean = schema.is_empty() && datetimes.is_empty() && covered.is_empty();
    diags.extend(scan.diagnostics);
    diags.extend(schema);
    if clean {
        match fits.map_or_else(|| typed(loaded.kind, json), Ok) {
            Ok(record) => {
                if let Record::Entity(e) = &record {
                    loaded.claim_positions = (0..e.claims.len()).collect();
                }
                loaded.record = Some(record);
            }
            Err(e) => diags.push(schema_mismatch::does_not_fit(&file, &e)),
        }
    } else if loaded.kind == RecordKind::Entity
        && let Some((entity, positions)) = partial_entity(json)
    {
        loaded.record = Some(Record::Entity(entity));
        loaded.claim_positions = positions;
    }
    // Most files need their span index no more: drop it here, in parallel, and rebuild it
    // in the rare file a cross-file rule points into.
    drop(index);
    loaded.index = OnceLock::new();
    loaded.diagnostics = diags;
}

impl Loaded {
    /// The file's span index, rebuilt from its text on first use (see [`Loaded::index`]'s
    /// field): the same tree, so the same spans as the loader's.
    pub(crate) fn index(&self) -> &SpanIndex {
        self.index.get_or_init(|| {
            let (doc, _) = DeTable::parse_recoverable(self.text());
            spans::convert(&doc).1
        })
    }
}

/// The entity and those of its claims that fit the model, with each kept claim's position
/// in the file, so that the rules on the other claims still run when one claim is broken.
fn partial_entity(mut json: Value) -> Option<(EntityFile, Vec<usize>)> {
    let claims = json.as_object_mut()?.remove("claims");
    let mut entity: EntityFile = strict::deserialize(json).ok()?;
    let mut positions = Vec::new();
    for (i, c) in claims
        .into_iter()
        .flat_map(|c| match c {
            Value::Array(a) => a,
            _ => Vec::new(),
        })
        .enumerate()
    {
        if let Ok(claim) = strict::deserialize::<ClaimRecord, _>(c) {
            entity.claims.push(claim);
            positions.push(i);
        }
    }
    Some((entity, positions))
}

fn declared(kind: RecordKind, json: &Value) -> Declared {
    let id = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    let list = |key: &str| -> Vec<(usize, String)> {
        json.get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
            .filter_map(|(i, c)| Some((i, id(c.get("id"))?)))
            .collect()
    };
    match kind {
        RecordKind::Source => Declared {
            record: id(json.get("id")),
            ..Declared::default()
        },
        RecordKind::Entity => Declared {
            record: id(json.get("id")),
            inner: list("claims"),
            cited: cited(json),
        },
        RecordKind::Properties => Declared {
            inner: list("property"),
            ..Declared::default()
        },
        RecordKind::Metadata | RecordKind::Dataset => Declared::default(),
    }
}

/// Every source id a citation of this entity file names, as `source` or under `cites`.
fn cited(json: &Value) -> Vec<String> {
    fn array(v: Option<&Value>) -> &[Value] {
        v.and_then(Value::as_array).map_or(&[][..], Vec::as_slice)
    }
    let mut out = Vec::new();
    for claim in array(json.get("claims")) {
        for cit in array(claim.get("citations")) {
            out.extend(cit.get("source").and_then(Value::as_str).map(str::to_owned));
            out.extend(
                array(cit.get("cites"))
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::structure::unexpected_file::is_toml;
    use crate::walk::found;

    /// A file changed or gone after loading is not shown as if it held the text the
    /// spans were computed on: its text is empty and the reason is kept.
    #[test]
    fn a_file_changed_or_gone_after_loading_is_stale_not_silently_reread() {
        let dir = std::env::temp_dir().join(format!("cadres-stale-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("beijing.toml");
        let text = "id = \"beijing\"\nkind = \"place\"\ndescription = \"A city.\"\nlabels = { en = \"Beijing\" }\n";
        for (change, reason) in [
            (Some("id = \"peking\"\n"), "it changed after it was read"),
            (None, "it could not be read again"),
        ] {
            fs::write(
                &path,
                format!("#:schema ../../../schema/entity.schema.json\n{text}"),
            )
            .expect("write");
            let loaded = load(found(
                path.clone(),
                "entities/place/beijing.toml".to_owned(),
                RecordKind::Entity,
            ));
            assert!(loaded.record.is_some() && loaded.diagnostics.is_empty());
            match change {
                Some(new) => fs::write(&path, new).expect("change"),
                None => fs::remove_file(&path).expect("remove"),
            }
            assert_eq!(loaded.text(), "");
            let stale = loaded.stale.get().expect("the change is noticed");
            assert!(stale.starts_with(reason), "{stale}");
        }
        let _ = fs::remove_dir_all(&dir);
    }

    /// A file that cannot be read (here: gone between the walk and the read) is reported
    /// as unreadable, with the system's reason, not as text in a wrong encoding.
    #[test]
    fn a_file_that_cannot_be_read_is_reported_as_unreadable() {
        let gone = Path::new(env!("CARGO_MANIFEST_DIR")).join("no such folder/gone.toml");
        assert!(!gone.exists());
        let loaded = load(found(
            gone,
            "sources/gone.toml".to_owned(),
            RecordKind::Source,
        ));
        let names: Vec<&str> = loaded.diagnostics.iter().map(|d| d.name).collect();
        assert_eq!(names, ["unreadable-file"]);
        assert!(
            loaded.diagnostics[0]
                .message
                .starts_with("cannot read this file: "),
            "{}",
            loaded.diagnostics[0].message
        );
        assert!(loaded.record.is_none());
    }

    /// Every record file under `tests/fixtures`, with its kind and its path relative to
    /// its dataset folder.
    fn fixture_files() -> Vec<(RecordKind, String, Vec<u8>, bool)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
        let mut out = Vec::new();
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).expect("fixture folder").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let name = entry.file_name().to_string_lossy().into_owned();
                let parent = |n: usize| {
                    path.ancestors()
                        .nth(n)
                        .and_then(Path::file_name)
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default()
                };
                let (kind, rel) = match name.as_str() {
                    "metadata.toml" => (RecordKind::Metadata, name.clone()),
                    "properties.toml" => (RecordKind::Properties, name.clone()),
                    n if !is_toml(n) => continue,
                    _ if parent(1) == "sources" => (RecordKind::Source, format!("sources/{name}")),
                    _ if parent(2) == "entities" => {
                        (RecordKind::Entity, format!("entities/{}/{name}", parent(1)))
                    }
                    _ => continue,
                };
                let valid = path.to_string_lossy().contains("/fixtures/valid/");
                out.push((kind, rel, fs::read(&path).expect("fixture file"), valid));
            }
        }
        out
    }

    fn ids(l: &Loaded) -> (Option<String>, Vec<(usize, String)>, Vec<String>) {
        let mut cited = Vec::new();
        l.for_each_cited(|s| cited.push(s.to_owned()));
        (
            l.record_id().map(str::to_owned),
            l.inner_ids()
                .into_iter()
                .map(|(i, id)| (i, id.to_owned()))
                .collect(),
            cited,
        )
    }

    /// The fast way must never hide a problem: for every fixture file, valid or not, it
    /// gives the same diagnostics, the same record and the same declared ids as the slow
    /// way; and every file of the valid dataset takes it.
    #[test]
    fn the_fast_way_agrees_with_the_slow_way() {
        let files = fixture_files();
        assert!(
            files.len() > 100,
            "only {} fixture files found",
            files.len()
        );
        let mut fast_taken = 0;
        for (kind, rel, bytes, valid) in files {
            let mut fast = Loaded::new(rel.clone(), kind, None);
            decode(&mut fast, bytes.clone(), true);
            let mut slow = Loaded::new(rel.clone(), kind, None);
            decode(&mut slow, bytes, false);
            assert_eq!(fast.diagnostics, slow.diagnostics, "{rel}");
            assert_eq!(
                format!("{:?}", fast.record),
                format!("{:?}", slow.record),
                "{rel}"
            );
            assert_eq!(ids(&fast), ids(&slow), "{rel}");
            if fast.declared.is_none() {
                fast_taken += 1;
            } else {
                assert!(!valid, "{rel} of the valid dataset was read the slow way");
            }
        }
        assert!(fast_taken > 50, "the fast way was taken {fast_taken} times");
    }
}
