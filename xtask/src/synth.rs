//! `cargo xtask synth`: write a valid synthetic dataset of a given size, for benchmarks.
//!
//! The dataset has the shape of the real one, scaled: about N/20 sources, N/10 entities of
//! every kind, and N claims with one to three citations each, in Chinese and Latin text,
//! with EDTF dates of every precision (year, month, day, uncertain, approximate, intervals),
//! values of every type, qualifiers, and some disputes whose relation is classified from
//! the dates' bounds (and ranked when they contradict), so that `cargo xtask check` passes.
//!
//! Every quote names its claim's subject and value entity, as the rule `quote-omits-name`
//! requires: an entity of every other twelve has a label no other entity has (its number
//! appended) and is named by it, the others share their labels with namesakes and are named
//! by a short form (a family name, `the committee`, a place) declared under `as-named`. So
//! both ways the check judges a name, and the streaming check's end-of-pass naming
//! facts, are in the benchmarks.
//!
//! The output is a pure function of `(claims, seed)`: a small seeded PRNG (splitmix64)
//! drives every choice, no clock and no hash map is read, so the same seed gives the same
//! bytes. With `--json` the same records are also written as JSON, one file per TOML file,
//! under `<OUT>-json/`, for JSON Schema validators to read.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use cadres_model::{DateRelation, Edtf};

/// The folder the JSON form of the dataset in `out` goes to: `<out>-json`.
pub(crate) fn json_dir(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push("-json");
    out.with_file_name(name)
}

/// Writes a synthetic dataset of `claims` claims, driven by `seed`, into `out` (which must
/// not exist or be empty), and its JSON form into [`json_dir`] when `json` is set.
pub(crate) fn run(claims: usize, seed: u64, out: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let stats = generate(claims, seed, out, json)?;
    eprintln!(
        "wrote {} sources, {} entities and {} claims ({} files, {} bytes) into {}",
        stats.sources,
        stats.entities,
        stats.claims,
        stats.files,
        stats.bytes,
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// What [`generate`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Stats {
    /// Source files.
    pub(crate) sources: usize,
    /// Entity files.
    pub(crate) entities: usize,
    /// Claims, in all entity files.
    pub(crate) claims: usize,
    /// TOML files, `metadata.toml` and `properties.toml` included.
    pub(crate) files: usize,
    /// Bytes of TOML written.
    pub(crate) bytes: u64,
}

/// Writes the dataset (see the module docs) and returns what it wrote.
pub(crate) fn generate(claims: usize, seed: u64, out: &Path, json: bool) -> anyhow::Result<Stats> {
    if out.exists()
        && fs::read_dir(out)
            .with_context(|| format!("reading {}", out.display()))?
            .next()
            .is_some()
    {
        bail!(
            "{} is not empty: synth writes into a new folder",
            out.display()
        );
    }
    let mut w = Writer {
        out: out.to_owned(),
        json: json.then(|| json_dir(out)),
        stats: Stats::default(),
    };
    let n_claims = claims.max(1);
    let n_entities = (n_claims / 10).max(1);
    let n_sources = (n_claims / 20).max(3);
    let mut rng = Rng::new(seed);

    w.write("metadata.toml", METADATA)?;
    w.write("properties.toml", PROPERTIES)?;

    let refs = |i: usize, rng: &mut Rng| -> Vec<usize> {
        let r = 1 + rng.below(3.min(n_sources - 1));
        (1..=r).map(|k| (i + k) % n_sources).collect()
    };
    let mut references = Vec::with_capacity(n_sources);
    let mut source_ids = Vec::with_capacity(n_sources);
    let mut src_rng = Rng::new(seed ^ 0x5eed_50c3);
    for i in 0..n_sources {
        let f = src_rng.below(FAMILY.len());
        let year = 1955 + src_rng.below(70);
        source_ids.push(format!("{}-{year}-s{i}", FAMILY[f].0.to_lowercase()));
        references.push(refs(i, &mut src_rng));
    }
    // Written after the entities, once the quotes read from each are known.
    let source_texts: Vec<String> = (0..n_sources)
        .map(|i| source_toml(i, &source_ids, &references[i], &mut src_rng))
        .collect();

    // Entity i has kind KINDS[i % 12]; persons and places are the targets of kind-bound
    // properties, so both exist whenever there are 12 entities or more.
    let entity_ids: Vec<String> = (0..n_entities)
        .map(|i| entity_id(i, &mut Rng::new(seed ^ (i as u64).wrapping_mul(0x9e37))))
        .collect();
    let entity_names: Vec<Names> = (0..n_entities).map(|i| names(i, seed)).collect();
    let mut counts = vec![n_claims / n_entities; n_entities];
    for c in counts.iter_mut().take(n_claims % n_entities) {
        *c += 1;
    }
    for pair in counts.chunks_mut(2) {
        if let [a, b] = pair {
            let d = rng.below((*a).min(*b));
            *a -= d;
            *b += d;
        }
    }
    let ctx = Ctx {
        entities: &entity_ids,
        names: &entity_names,
        sources: &source_ids,
        references: &references,
        quoted: RefCell::new(vec![BTreeSet::new(); n_sources]),
    };
    let mut claim_no = 0usize;
    for (i, count) in counts.iter().enumerate() {
        let text = entity_toml(i, *count, &ctx, &mut rng, &mut claim_no);
        let kind = KINDS[i % KINDS.len()].0;
        w.write(&format!("entities/{kind}/{}.toml", entity_ids[i]), &text)?;
        w.stats.entities += 1;
        w.stats.claims += count;
    }

    // Each source read pins a text made of the quotes read from it, one per paragraph,
    // and the record holds every one of them as verified: what `cargo xtask archive
    // verify` would write against such an archive.
    let quoted = ctx.quoted.into_inner();
    let mut pins = BTreeMap::new();
    let mut hashes = BTreeMap::new();
    for (i, mut text) in source_texts.into_iter().enumerate() {
        let archived = quoted[i].iter().fold(String::new(), |mut t, q| {
            t.push_str(q);
            t.push_str("\n\n");
            t
        });
        let pin = cadres_validate::pin_of(archived.as_bytes());
        let _ = writeln!(text, "archived-text = {}", crate::archive::pin_value(&pin));
        w.write(&format!("sources/{}.toml", source_ids[i]), &text)?;
        w.stats.sources += 1;
        hashes.insert(
            source_ids[i].clone(),
            quoted[i]
                .iter()
                .map(|q| cadres_validate::quote_hash(q))
                .collect(),
        );
        pins.insert(source_ids[i].clone(), pin);
    }
    w.write_plain(
        cadres_validate::LOCK_FILE,
        &cadres_validate::lock_text(&pins, &hashes),
    )?;
    Ok(w.stats)
}

/// Writes files and their JSON form.
struct Writer {
    out: PathBuf,
    json: Option<PathBuf>,
    stats: Stats,
}

impl Writer {
    /// Writes a file that is not a record (`quotes.lock`): not counted, no JSON form.
    fn write_plain(&self, rel: &str, text: &str) -> anyhow::Result<()> {
        let path = self.out.join(rel);
        fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
    }

    fn write(&mut self, rel: &str, text: &str) -> anyhow::Result<()> {
        let path = self.out.join(rel);
        if let Some(dir) = path.parent()
            && !dir.is_dir()
        {
            fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        self.stats.files += 1;
        self.stats.bytes += text.len() as u64;
        if let Some(json) = &self.json {
            let value: serde_json::Value = toml::from_str(text)
                .with_context(|| format!("synth wrote invalid TOML in {rel}"))?;
            let path = json.join(rel).with_extension("json");
            if let Some(dir) = path.parent()
                && !dir.is_dir()
            {
                fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            }
            fs::write(&path, serde_json::to_vec(&value)?)
                .with_context(|| format!("writing {}", path.display()))?;
        }
        Ok(())
    }
}

/// splitmix64: a few lines, good enough statistics, and the same stream on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[self.below(list.len())]
    }
}

const METADATA: &str = r#"#:schema ../schema/metadata.schema.json
title = "A synthetic dataset in the shape of the Seven Thousand Cadres Conference dataset"
description = "Generated by cargo xtask synth for benchmarks: every record is invented."
version = "0.1.0"
as-of = "2026-11-27"
license = "CC-BY-SA-4.0"
"#;

const PROPERTIES: &str = r#"#:schema ../schema/properties.schema.json
[[property]]
id = "point-in-time"
label = "point in time"
description = "When something happened or held."
value-type = "date"
cardinality = "single"

[[property]]
id = "start-date"
label = "start date"
description = "The day, month or year something began."
value-type = "date"
cardinality = "single"

[[property]]
id = "end-date"
label = "end date"
description = "The day, month or year something ended."
value-type = "date"
cardinality = "single"

[[property]]
id = "location"
label = "location"
description = "The place where something happened."
value-type = "entity"
cardinality = "single"
value-kinds = ["place"]

[[property]]
id = "attendance"
label = "attendance"
description = "How many people attended."
value-type = "quantity"
cardinality = "single"

[[property]]
id = "participant"
label = "participant"
description = "A person who took part."
value-type = "entity"
cardinality = "multiple"
subject-kinds = ["meeting", "event"]
value-kinds = ["person"]

[[property]]
id = "related-to"
label = "related to"
description = "Another entity the source links to this one."
value-type = "entity"
cardinality = "multiple"

[[property]]
id = "said"
label = "said"
description = "Words attributed to the subject."
value-type = "text"
cardinality = "multiple"

[[property]]
id = "described-as"
label = "described as"
description = "How a source characterizes the subject."
value-type = "text"
cardinality = "multiple"

[[property]]
id = "attributed-causes"
label = "attributed causes"
description = "The causes the subject names, as shares of a whole."
value-type = "share"
cardinality = "multiple"
"#;

/// Entity kinds, with an English noun and a Chinese one for labels.
const KINDS: [(&str, &str, &str); 12] = [
    ("person", "", ""),
    ("organization", "committee", "委员会"),
    ("event", "famine", "饥荒"),
    ("meeting", "work conference", "工作会议"),
    ("speech", "report", "报告"),
    ("policy", "policy", "政策"),
    ("movement", "movement", "运动"),
    ("slogan", "slogan", "口号"),
    ("concept", "doctrine", "思想"),
    ("place", "", ""),
    ("position", "secretary", "书记"),
    ("group", "delegation", "代表团"),
];
const PERSON: usize = 0;
const PLACE: usize = 9;

const FAMILY: [(&str, &str); 20] = [
    ("Wang", "王"),
    ("Li", "李"),
    ("Zhang", "张"),
    ("Liu", "刘"),
    ("Chen", "陈"),
    ("Yang", "杨"),
    ("Zhao", "赵"),
    ("Huang", "黄"),
    ("Zhou", "周"),
    ("Wu", "吴"),
    ("Xu", "徐"),
    ("Sun", "孙"),
    ("Hu", "胡"),
    ("Zhu", "朱"),
    ("Gao", "高"),
    ("Lin", "林"),
    ("He", "何"),
    ("Guo", "郭"),
    ("Ma", "马"),
    ("Luo", "罗"),
];
const GIVEN: [(&str, &str); 16] = [
    ("Wei", "伟"),
    ("Fang", "芳"),
    ("Min", "敏"),
    ("Jing", "静"),
    ("Lihua", "丽华"),
    ("Qiang", "强"),
    ("Lei", "磊"),
    ("Jun", "军"),
    ("Yang", "洋"),
    ("Yong", "勇"),
    ("Jie", "杰"),
    ("Tao", "涛"),
    ("Ming", "明"),
    ("Chao", "超"),
    ("Xiuying", "秀英"),
    ("Hua", "华"),
];
const PLACES: [(&str, &str); 12] = [
    ("Xinyang", "信阳"),
    ("Anhui", "安徽"),
    ("Gansu", "甘肃"),
    ("Sichuan", "四川"),
    ("Henan", "河南"),
    ("Hebei", "河北"),
    ("Shandong", "山东"),
    ("Hunan", "湖南"),
    ("Guangdong", "广东"),
    ("Lushan", "庐山"),
    ("Beijing", "北京"),
    ("Shanghai", "上海"),
];
const ZH_PHRASES: [&str; 12] = [
    "三分天灾，七分人祸",
    "总路线、大跃进、人民公社",
    "实事求是",
    "民主集中制",
    "批评与自我批评",
    "调整、巩固、充实、提高",
    "包产到户",
    "阶级斗争要年年讲、月月讲、天天讲",
    "会议开得很好",
    "要总结经验教训",
    "农业生产遭到严重破坏",
    "中央承担主要责任",
];
const EN_PHRASES: [&str; 12] = [
    "three parts natural disaster, seven parts man-made",
    "the mistakes of the past years must be corrected",
    "seek truth from facts",
    "the conference was a success",
    "grain output fell sharply in the province",
    "the centre bears the main responsibility",
    "democratic centralism must be restored",
    "output quotas were fixed by household",
    "Zhōu spoke of the difficulties in the countryside",
    "the delegates were urged to speak freely",
    "the report was revised three times",
    "class struggle must never be forgotten",
];
const CAUSES: [&str; 6] = [
    "natural disasters",
    "man-made mistakes",
    "the withdrawal of Soviet experts",
    "excessive procurement",
    "errors of local cadres",
    "the communal canteens",
];
const LOCATORS: [&str; 5] = [
    "lead",
    "Background",
    "The Conference",
    "Aftermath",
    "chapter 3",
];

/// The references a claim may cite, and the ids it may point to.
struct Ctx<'a> {
    entities: &'a [String],
    /// Each entity's names, by the same index.
    names: &'a [Names],
    sources: &'a [String],
    references: &'a [Vec<usize>],
    /// The quotes read from each source, by its index.
    quoted: RefCell<Vec<BTreeSet<String>>>,
}

/// What an entity is called: its labels, and how a quote names it when the label is not
/// its own alone.
struct Names {
    en: String,
    zh: String,
    /// A short form (a family name, `the committee`, a place), used with `as-named`; `None`
    /// when the labels are the entity's alone and quotes use them.
    short: Option<(String, String)>,
}

/// The names of entity `i`, from its own seeded stream. One entity in two of each kind
/// (alternate rounds of the twelve kinds) has labels no other entity has: its number is
/// part of them.
fn names(i: usize, seed: u64) -> Names {
    let mut rng = Rng::new(seed ^ 0x1abe_15ee_d000 ^ (i as u64).wrapping_mul(0x9e37_79b9));
    let kind = i % KINDS.len();
    let (_, noun, noun_zh) = KINDS[kind];
    let (place, place_zh) = *rng.pick(&PLACES);
    let (en, zh, short) = match kind {
        PERSON => {
            let (f, fz) = *rng.pick(&FAMILY);
            let (g, gz) = *rng.pick(&GIVEN);
            (
                format!("{f} {g}"),
                format!("{fz}{gz}"),
                (f.to_owned(), fz.to_owned()),
            )
        }
        PLACE => (
            place.to_owned(),
            place_zh.to_owned(),
            (place.to_owned(), place_zh.to_owned()),
        ),
        _ => (
            format!("{place} {noun}"),
            format!("{place_zh}{noun_zh}"),
            (format!("the {noun}"), noun_zh.to_owned()),
        ),
    };
    if (i / KINDS.len()).is_multiple_of(2) {
        Names {
            en: format!("{en} {i}"),
            zh: format!("{zh}{i}号"),
            short: None,
        }
    } else {
        Names {
            en,
            zh,
            short: Some(short),
        }
    }
}

fn entity_id(i: usize, rng: &mut Rng) -> String {
    let kind = i % KINDS.len();
    let place = rng.pick(&PLACES).0.to_lowercase();
    match kind {
        PERSON => format!(
            "{}-{}-e{i}",
            rng.pick(&FAMILY).0.to_lowercase(),
            rng.pick(&GIVEN).0.to_lowercase()
        ),
        PLACE => format!("{place}-e{i}"),
        _ => format!("{place}-{}-e{i}", KINDS[kind].1.replace(' ', "-")),
    }
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A random EDTF date of any precision and certainty, between 1949 and 1989.
fn date(rng: &mut Rng) -> String {
    let y = 1949 + rng.below(41);
    let mut s = match rng.below(3) {
        0 => format!("{y}"),
        1 => format!("{y}-{:02}", 1 + rng.below(12)),
        _ => format!("{y}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
    };
    match rng.below(10) {
        0 => s.push('?'),
        1 => s.push('~'),
        2 => s.push('%'),
        _ => {}
    }
    s
}

/// A random EDTF value: mostly dates, some closed, open and unknown-start intervals.
fn edtf(rng: &mut Rng) -> String {
    match rng.below(8) {
        0 => {
            let y = 1949 + rng.below(30);
            let m = 1 + rng.below(12);
            let end = y + 1 + rng.below(10);
            format!("{y}-{m:02}/{end}")
        }
        1 => format!("{}/..", 1949 + rng.below(41)),
        2 => format!("/{}", 1949 + rng.below(41)),
        _ => date(rng),
    }
}

fn source_toml(i: usize, ids: &[String], refs: &[usize], rng: &mut Rng) -> String {
    let mut t = String::with_capacity(600);
    let id = &ids[i];
    let year: usize = id
        .split('-')
        .nth(1)
        .and_then(|y| y.parse().ok())
        .unwrap_or(1962);
    let (family, family_zh) = *rng.pick(&FAMILY);
    let (given, given_zh) = *rng.pick(&GIVEN);
    let (place, place_zh) = *rng.pick(&PLACES);
    let chinese = rng.chance(2);
    let _ = writeln!(t, "#:schema ../../schema/source.schema.json");
    let _ = writeln!(t, "id = {}", quoted(id));
    let kind = match rng.below(4) {
        0 | 1 => "book",
        2 => "article-journal",
        _ => "webpage",
    };
    let _ = writeln!(t, "type = \"{kind}\"");
    let title = if chinese {
        format!("{place_zh}{}研究", rng.pick(&KINDS[1..]).2)
    } else {
        format!(
            "The {} of {place}, {}–{}",
            rng.pick(&KINDS[1..]).1,
            year.saturating_sub(10),
            year
        )
    };
    let _ = writeln!(t, "title = {}", quoted(&title));
    if chinese {
        let _ = writeln!(
            t,
            "author = [{{ family = \"{family}\", given = \"{given}\", as-cited = \"{family_zh}{given_zh}\" }}]"
        );
    } else if rng.chance(4) {
        let _ = writeln!(
            t,
            "author = [{{ literal = \"{place} Provincial Archives\" }}]"
        );
    } else {
        let (f2, _) = *rng.pick(&FAMILY);
        let _ = writeln!(
            t,
            "author = [{{ family = \"{family}\", given = \"{given}\" }}, {{ family = \"{f2}\" }}]"
        );
    }
    match kind {
        "book" => {
            let _ = writeln!(
                t,
                "publisher = {}",
                quoted(if chinese {
                    "人民出版社"
                } else {
                    "Columbia University Press"
                })
            );
            let _ = writeln!(t, "publisher-place = \"{place}\"");
            let _ = writeln!(t, "issued = \"{year}\"");
            let _ = writeln!(t, "ISBN = \"{}\"", isbn(rng));
        }
        "article-journal" => {
            let _ = writeln!(
                t,
                "container-title = {}",
                quoted(if chinese {
                    "党史研究"
                } else {
                    "The China Quarterly"
                })
            );
            let _ = writeln!(t, "issued = \"{year}-{:02}\"", 1 + rng.below(12));
            let _ = writeln!(t, "volume = \"{}\"", 1 + rng.below(90));
            let _ = writeln!(t, "issue = \"{}\"", 1 + rng.below(6));
            let p = 1 + rng.below(300);
            let _ = writeln!(t, "page = \"{p}-{}\"", p + 20);
        }
        _ => {
            let _ = writeln!(t, "container-title = \"Renmin Wang\"");
            let _ = writeln!(
                t,
                "issued = \"{year}-{:02}-{:02}\"",
                1 + rng.below(12),
                1 + rng.below(28)
            );
            let _ = writeln!(
                t,
                "accessed = \"{}-{:02}-{:02}\"",
                2025 + rng.below(2),
                1 + rng.below(10),
                1 + rng.below(28)
            );
            let _ = writeln!(t, "URL = \"https://example.org/archive/{id}\"");
        }
    }
    let _ = writeln!(
        t,
        "language = \"{}\"",
        if chinese { "zh-Hans" } else { "en" }
    );
    let list: Vec<String> = refs.iter().map(|r| quoted(&ids[*r])).collect();
    let _ = writeln!(t, "references = [{}]", list.join(", "));
    t
}

/// A valid ISBN-13 in the Chinese group, hyphenated.
fn isbn(rng: &mut Rng) -> String {
    let body: Vec<u32> = (0..8)
        .map(|_| u32::try_from(rng.below(10)).unwrap_or(0))
        .collect();
    let digits: Vec<u32> = [9, 7, 8, 7]
        .into_iter()
        .chain(body.iter().copied())
        .collect();
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(k, d)| if k % 2 == 0 { *d } else { d * 3 })
        .sum();
    let check = (10 - sum % 10) % 10;
    let b: String = body.iter().map(u32::to_string).collect();
    format!("978-7-{}-{}-{check}", &b[..5], &b[5..])
}

/// One claim, before it is written.
struct Claim {
    id: String,
    property: &'static str,
    value: String,
    qualifiers: Option<String>,
    rank: Option<(&'static str, &'static str)>,
    disputes: Option<(String, DateRelation)>,
    statement: String,
    /// The index of the entity that is the value, if one is.
    target: Option<usize>,
}

fn entity_toml(
    i: usize,
    count: usize,
    ctx: &Ctx<'_>,
    rng: &mut Rng,
    claim_no: &mut usize,
) -> String {
    let id = &ctx.entities[i];
    let kind = i % KINDS.len();
    let kind_name = KINDS[kind].0;
    let mut t = String::with_capacity(200 + count * 420);
    let _ = writeln!(t, "#:schema ../../../schema/entity.schema.json");
    let _ = writeln!(t, "id = {}", quoted(id));
    let _ = writeln!(t, "kind = \"{kind_name}\"");
    let place = rng.pick(&PLACES).0;
    let (en, zh) = (ctx.names[i].en.clone(), ctx.names[i].zh.clone());
    let _ = writeln!(
        t,
        "labels = {{ en = {}, zh-Hans = {} }}",
        quoted(&en),
        quoted(&zh)
    );
    if rng.chance(4) {
        let _ = writeln!(
            t,
            "aliases = {{ en = [{}], zh-Hans = [{}] }}",
            quoted(&format!("the {en} of {}", 1949 + rng.below(41))),
            quoted(&format!("{zh}（{}）", 1949 + rng.below(41)))
        );
    }
    let _ = writeln!(
        t,
        "description = {}",
        quoted(&format!(
            "An invented {kind_name} named after {place}, written by cargo xtask synth for benchmarks."
        ))
    );

    let mut claims: Vec<Claim> = Vec::with_capacity(count);
    let disputed = count >= 2 && rng.chance(6);
    let mut singles: Vec<&'static str> = vec!["location", "start-date", "attendance", "end-date"];
    if ctx.entities.len() <= PLACE {
        singles.remove(0);
    }
    for k in 0..count {
        let cid = format!("{id}-c{k}");
        let mut claim = Claim {
            id: cid,
            property: "",
            value: String::new(),
            qualifiers: None,
            rank: None,
            disputes: None,
            statement: String::new(),
            target: None,
        };
        if k == 0 {
            let d = edtf(rng);
            claim.property = "point-in-time";
            claim.statement = format!("The {en} is dated {d}.");
            claim.value = format!("{{ date = \"{d}\" }}");
        } else if k == 1 && disputed {
            dispute(&mut claim, &claims[0], rng);
        } else if let Some(p) = (!singles.is_empty() && rng.chance(2)).then(|| singles.remove(0)) {
            single(&mut claim, p, &en, ctx, rng);
        } else {
            multiple(&mut claim, kind, &en, ctx, rng);
        }
        claims.push(claim);
    }
    for c in &claims {
        t.push_str("\n[[claims]]\n");
        let _ = writeln!(t, "id = {}", quoted(&c.id));
        let _ = writeln!(t, "property = \"{}\"", c.property);
        let _ = writeln!(t, "value = {}", c.value);
        if let Some(q) = &c.qualifiers {
            let _ = writeln!(t, "qualifiers = {q}");
        }
        if let Some((rank, reason)) = c.rank {
            let _ = writeln!(t, "rank = \"{rank}\"");
            let _ = writeln!(t, "rank-reason = {}", quoted(reason));
        }
        if let Some((with, rel)) = &c.disputes {
            let _ = writeln!(
                t,
                "disputes = [{{ with = {}, relation = \"{rel}\" }}]",
                quoted(with)
            );
        }
        let _ = writeln!(t, "statement = {}", quoted(&c.statement));
        t.push_str("citations = [\n");
        for n in 0..=rng.below(3) {
            let first = (n == 0).then_some(*claim_no);
            citation(&mut t, ctx, rng, first, (i, c.target));
        }
        t.push_str("]\n");
        *claim_no += 1;
    }
    t
}

/// A rival date for `first`, with its relation computed from the bounds, as the validator
/// does, and a rank when the two contradict.
fn dispute(claim: &mut Claim, first: &Claim, rng: &mut Rng) {
    let first_text = first
        .value
        .trim_start_matches("{ date = \"")
        .trim_end_matches("\" }");
    let Ok(a) = first_text.parse::<Edtf>() else {
        return;
    };
    loop {
        let d = edtf(rng);
        let Ok(b) = d.parse::<Edtf>() else {
            continue;
        };
        let rel = b.relation(&a);
        if rel == DateRelation::Same {
            continue;
        }
        claim.property = "point-in-time";
        claim.value = format!("{{ date = \"{d}\" }}");
        claim.statement = format!("Another source dates it {d}.");
        if rel == DateRelation::Contradiction {
            claim.rank = Some((
                "deprecated",
                "The later source gives a date that its own footnote does not support.",
            ));
        }
        claim.disputes = Some((first.id.clone(), rel));
        return;
    }
}

fn single(claim: &mut Claim, p: &'static str, en: &str, ctx: &Ctx<'_>, rng: &mut Rng) {
    claim.property = p;
    match p {
        "location" if ctx.entities.len() > PLACE => {
            let n = (ctx.entities.len() - PLACE).div_ceil(KINDS.len());
            let index = PLACE + KINDS.len() * rng.below(n);
            let target = &ctx.entities[index];
            claim.target = Some(index);
            claim.value = format!("{{ entity = {} }}", quoted(target));
            claim.statement = format!("The {en} took place in {target}.");
        }
        "attendance" => {
            let amount = 10 * (1 + rng.below(800));
            let approx = *rng.pick(&["exact", "about", "over", "under", "order-of-magnitude"]);
            claim.value = format!(
                "{{ quantity = {{ amount = {amount}, approximation = \"{approx}\", unit = \"person\" }} }}"
            );
            claim.statement = format!("About {amount} people attended the {en}.");
        }
        _ => {
            let d = date(rng);
            claim.value = format!("{{ date = \"{d}\" }}");
            claim.statement = format!("The {en} has the {p} {d}.");
        }
    }
}

fn multiple(claim: &mut Claim, kind: usize, en: &str, ctx: &Ctx<'_>, rng: &mut Rng) {
    match rng.below(5) {
        0 | 1 => {
            let persons = ctx.entities.len().div_ceil(KINDS.len());
            if matches!(kind, 2 | 3) && rng.chance(2) {
                claim.property = "participant";
                let index = KINDS.len() * rng.below(persons);
                let target = &ctx.entities[index];
                claim.target = Some(index);
                claim.value = format!("{{ entity = {} }}", quoted(target));
                claim.statement = format!("{target} took part in the {en}.");
            } else {
                claim.property = "related-to";
                let index = rng.below(ctx.entities.len());
                let target = &ctx.entities[index];
                claim.target = Some(index);
                claim.value = format!("{{ entity = {} }}", quoted(target));
                claim.statement = format!("The {en} is linked to {target}.");
                if rng.chance(3) {
                    claim.qualifiers = Some(format!(
                        "{{ point-in-time = {{ date = \"{}\" }} }}",
                        date(rng)
                    ));
                }
            }
        }
        2 | 3 => {
            claim.property = if rng.chance(2) {
                "said"
            } else {
                "described-as"
            };
            let (lang, text) = if rng.chance(2) {
                ("zh-Hans", *rng.pick(&ZH_PHRASES))
            } else {
                ("en", *rng.pick(&EN_PHRASES))
            };
            claim.value = format!(
                "{{ text = {{ lang = \"{lang}\", text = {} }} }}",
                quoted(text)
            );
            claim.statement = format!("A source records of the {en}: “{text}”.");
        }
        _ => {
            claim.property = "attributed-causes";
            let a = 5 * (1 + rng.below(10));
            let b = 5 * rng.below(21 - a / 5);
            let x = rng.below(CAUSES.len());
            let y = (x + 1 + rng.below(CAUSES.len() - 1)) % CAUSES.len();
            claim.value = format!(
                "{{ share = [{{ percent = {a}.0, of = \"{}\" }}, {{ percent = {b}.0, of = \"{}\" }}] }}",
                CAUSES[x], CAUSES[y]
            );
            claim.statement = format!("The {en} attributes its causes to {}.", CAUSES[x]);
        }
    }
}

/// Writes one citation of a claim about entity `subject` whose value is entity `target`,
/// if any; the first of each claim (`first` is the claim's number) walks the sources in
/// turn, so that every source is used. Its quote names the subject and the target: by
/// label where the label is the entity's alone, else by a short form under `as-named`.
fn citation(
    t: &mut String,
    ctx: &Ctx<'_>,
    rng: &mut Rng,
    first: Option<usize>,
    (subject, target): (usize, Option<usize>),
) {
    let s = first.map_or_else(|| rng.below(ctx.sources.len()), |n| n % ctx.sources.len());
    let _ = write!(t, "  {{ source = {}", quoted(&ctx.sources[s]));
    let style = rng.below(4);
    if style != 0 {
        let loc = if rng.chance(2) {
            (*rng.pick(&LOCATORS)).to_owned()
        } else {
            format!("p. {}", 1 + rng.below(400))
        };
        let _ = write!(t, ", locator = {}", quoted(&loc));
    }
    let mut as_named: Vec<(usize, &str)> = Vec::new();
    if style != 1 {
        let zh = rng.chance(2);
        let phrase = if zh {
            *rng.pick(&ZH_PHRASES)
        } else {
            *rng.pick(&EN_PHRASES)
        };
        let mut name = |e: usize| -> &str {
            let n = &ctx.names[e];
            match &n.short {
                None if zh => &n.zh,
                None => &n.en,
                Some((en, zh_short)) => {
                    let words = if zh { zh_short } else { en };
                    as_named.push((e, words));
                    words
                }
            }
        };
        let who = name(subject);
        let q = match target.filter(|&v| v != subject) {
            Some(v) if zh => format!("{who}与{}：{phrase}", name(v)),
            Some(v) => format!("{who} and {}: {phrase}", name(v)),
            None if zh => format!("{who}：{phrase}"),
            None => format!("{who}: {phrase}"),
        };
        let _ = write!(t, ", quote = {}", quoted(&q));
        ctx.quoted.borrow_mut()[s].insert(q);
    }
    if !as_named.is_empty() {
        as_named.sort_by(|a, b| ctx.entities[a.0].cmp(&ctx.entities[b.0]));
        let entries: Vec<String> = as_named
            .iter()
            .map(|(e, words)| format!("{} = {}", ctx.entities[*e], quoted(words)))
            .collect();
        let _ = write!(t, ", as-named = {{ {} }}", entries.join(", "));
    }
    let refs = &ctx.references[s];
    let n = rng.below(refs.len() + 1);
    if n > 0 {
        let list: Vec<String> = refs[..n].iter().map(|r| quoted(&ctx.sources[*r])).collect();
        let _ = write!(t, ", cites = [{}]", list.join(", "));
    }
    t.push_str(" },\n");
}

#[cfg(test)]
mod tests;
