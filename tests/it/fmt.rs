//! `cadres-fmt`: the fixtures in `tests/fixtures/fmt/` format to their expected form, the
//! canonical form is a fixed point, formatting never changes the parsed model and loses no
//! comment (generated files with a byte-order mark, CRLF, odd spacing and comments in every
//! place keep each comment, in order), and a text that does not parse is reported. Files
//! rewritten on disk by `cargo xtask fmt` are tested in `xtask/src/fmt/tests.rs`.
//!
//! To regenerate an expected file after a deliberate change to the canonical form, run the
//! test with `UPDATE_FMT_FIXTURES=1` and read the diff before committing it.

use std::fmt::Debug;
use std::fs;
use std::path::Path;
use std::str::FromStr;

use cadres_fmt::{ParseError, format, format_text, kind_from_path};
use cadres_model::schema::RecordKind;
use cadres_model::{
    Approximation, Citation, ClaimRecord, DateRelation, Dispute, Edtf, EdtfDate, EntityFile,
    EntityKind, Id, LangTag, LangText, Metadata, Name, PropertiesFile, Property, Quantity, Rank,
    SharePart, Source, SourceType, Value,
};
use cadres_testkit::format_checked;
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Formats a partial record `text` as a file of `kind`, and checks that the result is a
/// fixed point and parses into the same TOML data.
#[track_caller]
fn format_partial(text: &str, kind: RecordKind) -> String {
    let once = format_text(text, Some(kind)).unwrap_or_else(|e| panic!("does not format: {e}"));
    let twice = format_text(&once, Some(kind)).unwrap_or_else(|e| panic!("output: {e}"));
    assert_eq!(once, twice, "formatting is not idempotent");
    let before: toml::Table = toml::from_str(text).expect("input is TOML");
    let after: toml::Table = toml::from_str(&once).expect("output is TOML");
    assert_eq!(before, after, "formatting changed the data");
    once
}

/// Every comment line of `before` is somewhere in `after`.
#[track_caller]
fn assert_comments_kept(before: &str, after: &str) {
    let kept: Vec<&str> = after.lines().map(str::trim).collect();
    for line in before.lines().map(str::trim) {
        if let Some(i) = line.find('#') {
            let comment = &line[i..];
            // Only real comments: a `#` inside a string is not one.
            if toml::from_str::<toml::Table>(&format!("{comment}\n")).is_ok()
                && !line[..i].contains('"')
                && !line[..i].contains('\'')
            {
                assert!(
                    kept.iter().any(|k| k.ends_with(comment)),
                    "the comment {comment:?} was lost:\n{after}"
                );
            }
        }
    }
}

#[test]
fn fixtures_format_to_their_expected_form() {
    let dir = crate::support::fixture("fmt");
    let mut seen = 0;
    for path in crate::support::toml_files(&dir).expect("fixture folder") {
        let name = path.to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".in.toml") else {
            continue;
        };
        seen += 1;
        let input = fs::read_to_string(&path).expect("readable");
        let expected_path = format!("{stem}.out.toml");
        let actual = format_checked(&input, None);
        if std::env::var_os("UPDATE_FMT_FIXTURES").is_some() {
            fs::write(&expected_path, &actual).expect("writable");
            continue;
        }
        assert_comments_kept(&input, &actual);
        let expected = fs::read_to_string(&expected_path).expect("expected file exists");
        assert_eq!(
            actual, expected,
            "{name} does not format to {expected_path}"
        );
        assert_eq!(
            format_text(&expected, None).as_ref(),
            Ok(&expected),
            "{expected_path} is not canonical"
        );
    }
    assert!(seen >= 6, "found {seen} fmt fixtures");
}

#[test]
fn the_valid_fixture_formats_without_changing_its_model() {
    let dir = crate::support::fixture("valid");
    for path in crate::support::toml_files(&dir).expect("fixture folder") {
        let text = fs::read_to_string(&path).expect("readable");
        let kind = kind_from_path(&path);
        assert!(kind.is_some(), "{} has a kind", path.display());
        format_checked(&text, kind);
    }
}

/// The committed dataset formats to a fixed point with the same model. (Whether it is already
/// canonical is `cargo xtask fmt --check`'s job.)
#[test]
fn the_dataset_formats_without_changing_its_model() {
    let dir = crate::support::root().join("dataset");
    for path in crate::support::toml_files(&dir).expect("dataset folder") {
        let text = fs::read_to_string(&path).expect("readable");
        let kind = kind_from_path(&path);
        assert!(kind.is_some(), "{} has a kind", path.display());
        format_checked(&text, kind);
    }
}

#[test]
fn kinds_come_from_the_path() {
    let cases = [
        ("dataset/metadata.toml", Some(RecordKind::Metadata)),
        ("dataset/properties.toml", Some(RecordKind::Properties)),
        ("dataset/sources/he-2016.toml", Some(RecordKind::Source)),
        ("dataset/entities/person/mao.toml", Some(RecordKind::Entity)),
        ("dataset/notes.toml", None),
    ];
    for (path, kind) in cases {
        assert_eq!(kind_from_path(Path::new(path)), kind, "{path}");
    }
}

#[test]
fn a_file_that_does_not_parse_is_reported_with_its_position() {
    let text = fs::read_to_string(crate::support::fixture("fmt").join("invalid.bad.toml"))
        .expect("readable");
    let err = format_text(&text, None).expect_err("does not parse");
    assert_eq!(
        err,
        ParseError {
            line: 3,
            col: 26,
            message: "invalid basic string, expected `\"`".to_owned()
        }
    );
}

#[test]
fn long_text_is_wrapped_without_changing_it() {
    let statement = "word ".repeat(40) + "end.";
    let text =
        format!("[[claims]]\nid = \"a\"\nstatement = \"{statement}\"\nnote = \"two\\nlines\"\n");
    let out = format_checked(&text, None);
    assert!(out.contains("statement = \"\"\"\nword word"), "{out}");
    assert!(out.lines().all(|l| l.chars().count() <= 100), "{out}");
    assert!(out.contains("note = \"\"\"\ntwo\nlines\"\"\""), "{out}");
}

/// A file of known kind without a `#:schema` line gets the one `cargo xtask check` asks for,
/// and says so.
#[test]
fn a_missing_directive_is_added() {
    let cases = [
        (
            "metadata.toml",
            RecordKind::Metadata,
            "#:schema ../schema/metadata.schema.json",
        ),
        (
            "properties.toml",
            RecordKind::Properties,
            "#:schema ../schema/properties.schema.json",
        ),
        (
            "sources/s.toml",
            RecordKind::Source,
            "#:schema ../../schema/source.schema.json",
        ),
        (
            "entities/place/p.toml",
            RecordKind::Entity,
            "#:schema ../../../schema/entity.schema.json",
        ),
    ];
    for (rel, kind, directive) in cases {
        let text = "# a note\nid = \"p\"\n";
        let f = format(text, Some(kind)).expect("formats");
        assert_eq!(
            f.text,
            format!("{directive}\n# a note\nid = \"p\"\n"),
            "{rel}"
        );
        assert_eq!(f.notes, [format!("added the line `{directive}`")], "{rel}");
        let names: Vec<&str> = cadres_validate::check_file(kind, rel, f.text.as_bytes())
            .iter()
            .map(|d| d.name)
            .collect();
        assert!(!names.contains(&"schema-directive"), "{rel}: {names:?}");
    }
    // Of unknown kind, nothing is added.
    assert_eq!(format_text("a = 1\n", None).as_deref(), Ok("a = 1\n"));
}

/// A `#:schema` comment is the directive only once: a second one is an ordinary comment and
/// stays where it was.
#[test]
fn only_the_first_directive_moves_to_the_top() {
    let text = "id = \"s\"\n#:schema ../../schema/source.schema.json\ntype = \"book\"\n#:schema other\ntitle = \"S\"\n";
    let out = format_checked(text, Some(RecordKind::Source));
    assert_eq!(
        out,
        "#:schema ../../schema/source.schema.json\nid = \"s\"\ntype = \"book\"\n#:schema other\ntitle = \"S\"\n"
    );
    // At the end of a line too: wherever the formatter would put it, it is the directive.
    let text = "a = [1, #:schema ../x.schema.json\n  2]\n";
    assert_eq!(
        format_checked(text, None),
        "#:schema ../x.schema.json\na = [1, 2]\n"
    );
}

/// An array of tables inside a sub-table keeps the comments of its headers in the array
/// it becomes, so the sub-table need not stay a table.
#[test]
fn an_array_of_tables_keeps_its_header_comments_inline() {
    let text = "[a]\nx = 1\n# the first b\n[[a.b]]\ny = 2\n[[a.b]]  # the second b\ny = 3\n";
    assert_eq!(
        format_checked(text, None),
        "a = { x = 1, b = [\n  # the first b\n  { y = 2 },\n  { y = 3 },  # the second b\n] }\n"
    );
}

/// Comments inside inline values stay where they are: an array that holds one is written one
/// element per line, at any depth; an inline table that holds one (TOML 1.1) one key per
/// line.
#[test]
fn comments_inside_inline_values_stay_in_place() {
    let text = "\
[[claims]]
id = \"c\"
value = { share = [ # the parts
  { percent = 30.0, of = \"a\" }, # the first
  { percent = 70.0, of = \"b\" },
] }
qualifiers = {
  # when
  point-in-time = { date = \"1962\" }, # the year
}
citations = [{ source = \"s\", cites = [\"x\", # the footnote
  \"y\"] }]
";
    let out = format_partial(text, RecordKind::Entity);
    assert_eq!(
        out,
        "\
#:schema ../../../schema/entity.schema.json
[[claims]]
id = \"c\"
value = { share = [  # the parts
  { percent = 30.0, of = \"a\" },  # the first
  { percent = 70.0, of = \"b\" },
] }
qualifiers = {
  # when
  point-in-time = { date = \"1962\" },  # the year
}
citations = [
  { source = \"s\", cites = [
    \"x\",  # the footnote
    \"y\",
  ] },
]
"
    );
}

/// A sub-table with a comment between its keys cannot become an inline table (TOML 1.0
/// inline tables hold no comment): it stays a table, and the formatter says so. Dotted keys
/// with comments between them stay dotted keys.
#[test]
fn a_table_with_comments_between_its_keys_stays_as_written() {
    let text = "\
id = \"e\"
aliases.en = [\"A\"] # the English one
# and the Chinese one
aliases.zh = [\"甲\"]
description = \"D\"
[labels]
en = \"E\" # English
zh-Hans = \"乙\"
[[claims]]
id = \"c\"
[[claims.citations]]
source = \"s\"
# the quote
quote = \"q\"
";
    let f = format(text, Some(RecordKind::Entity)).expect("formats");
    assert_eq!(
        f.text,
        "\
#:schema ../../../schema/entity.schema.json
id = \"e\"
aliases.en = [\"A\"]  # the English one
# and the Chinese one
aliases.zh = [\"甲\"]
description = \"D\"

[labels]
en = \"E\"  # English
zh-Hans = \"乙\"

[[claims]]
id = \"c\"

[[claims.citations]]
source = \"s\"
# the quote
quote = \"q\"
"
    );
    assert_eq!(
        f.notes,
        [
            "added the line `#:schema ../../../schema/entity.schema.json`",
            "kept the dotted keys `aliases.*` as written: an inline table cannot hold the comments between them",
            "kept `[labels]` as a table: an inline table cannot hold the comments between its keys",
            "kept `[[claims.citations]]` as tables: an inline table cannot hold the comments between their keys",
        ]
    );
    assert_eq!(
        format_text(&f.text, Some(RecordKind::Entity)),
        Ok(f.text.clone())
    );
    // Without the comments, the same file is made canonical.
    let plain: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split(" #").next().unwrap_or(l).to_owned() + "\n")
        .collect();
    let out = format_partial(&plain, RecordKind::Entity);
    assert!(
        out.contains("labels = { en = \"E\", zh-Hans = \"乙\" }"),
        "{out}"
    );
    assert!(
        out.contains("aliases = { en = [\"A\"], zh = [\"甲\"] }"),
        "{out}"
    );
    assert!(!out.contains("[[claims.citations]]"), "{out}");
}

/// A comment before a header that a blank line separates from it ends the table above; one
/// right above the header stays with the header.
#[test]
fn comments_before_a_header_keep_their_side_of_the_blank_line() {
    let text = "\
#:schema ../schema/properties.schema.json
[[property]]
id = \"a\"
# the end of a

# about b
[[property]]
id = \"b\"
";
    assert_eq!(format_partial(text, RecordKind::Properties), text);
}

// Strategies for the model, to serialize and format.

fn id() -> impl Strategy<Value = Id> {
    "[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,3}".prop_map(|s| Id::from_str(&s).expect("valid id"))
}

fn lang() -> impl Strategy<Value = LangTag> {
    prop::sample::select(vec!["en", "zh", "zh-Hans", "zh-Hant", "zh-Latn-pinyin"])
        .prop_map(|s| LangTag::from_str(s).expect("valid tag"))
}

fn date() -> impl Strategy<Value = EdtfDate> {
    prop::sample::select(vec![
        "1962",
        "1962-02",
        "1962-02-07",
        "1962~",
        "2016-07-22?",
    ])
    .prop_map(|s| EdtfDate::from_str(s).expect("valid date"))
}

fn edtf() -> impl Strategy<Value = Edtf> {
    prop::sample::select(vec![
        "1962-02-07",
        "1962-01-11/1962-02-07",
        "1962/..",
        "/1969",
    ])
    .prop_map(|s| Edtf::from_str(s).expect("valid edtf"))
}

/// Text with the characters that need care: quotes, backslashes, line breaks, tabs, control
/// characters, runs of spaces, Han characters, and long runs of words.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ,.]{0,30}",
        "[a-z \"\\\\\n\t\r\u{1}\u{7f}'#=七千人大会é]{0,140}",
        prop::collection::vec("[a-z]{1,12}[,.]?", 0..40).prop_map(|w| w.join(" ")),
        any::<String>(),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        id().prop_map(Value::Entity),
        edtf().prop_map(Value::Date),
        (0..=i64::MAX as u64, text()).prop_map(|(amount, unit)| Value::Quantity(Quantity {
            amount,
            approximation: Approximation::Over,
            unit,
        })),
        prop::collection::vec((0.0..100.0f64, text()), 1..3).prop_map(|parts| Value::Share(
            parts
                .into_iter()
                .map(|(percent, of)| SharePart { percent, of })
                .collect()
        )),
        (lang(), text()).prop_map(|(lang, text)| Value::Text(LangText { lang, text })),
    ]
}

fn citation() -> impl Strategy<Value = Citation> {
    (
        id(),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::vec(id(), 0..3),
        prop::collection::btree_map(id(), text(), 0..3),
    )
        .prop_map(|(source, locator, quote, cites, as_named)| Citation {
            source,
            locator,
            quote,
            cites,
            as_named: as_named.into(),
        })
}

fn claim() -> impl Strategy<Value = ClaimRecord> {
    (
        (id(), id(), value()),
        prop::collection::btree_map(id(), value(), 0..3),
        (
            prop::sample::select(vec![Rank::Normal, Rank::Preferred, Rank::Deprecated]),
            prop::option::of(text()),
        ),
        prop::collection::vec(
            id().prop_map(|with| Dispute {
                with,
                relation: DateRelation::Refinement,
            }),
            0..2,
        ),
        text(),
        prop::collection::vec(citation(), 1..4),
    )
        .prop_map(
            |(
                (id, property, value),
                qualifiers,
                (rank, rank_reason),
                disputes,
                statement,
                citations,
            )| {
                ClaimRecord {
                    id,
                    property,
                    value,
                    qualifiers: qualifiers.into(),
                    rank,
                    rank_reason,
                    disputes,
                    statement,
                    citations,
                }
            },
        )
}

fn entity() -> impl Strategy<Value = EntityFile> {
    (
        id(),
        prop::sample::select(EntityKind::ALL.to_vec()),
        prop::collection::btree_map(lang(), text(), 1..4),
        prop::collection::btree_map(lang(), prop::collection::vec(text(), 1..3), 0..2),
        text(),
        prop::collection::vec(claim(), 0..4),
    )
        .prop_map(
            |(id, kind, labels, aliases, description, claims)| EntityFile {
                id,
                kind,
                labels: labels.into(),
                aliases: aliases.into(),
                description,
                claims,
            },
        )
}

fn name() -> impl Strategy<Value = Name> {
    (
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
    )
        .prop_map(|(family, given, as_cited)| Name {
            family,
            given,
            literal: None,
            as_cited,
        })
}

fn source() -> impl Strategy<Value = Source> {
    (
        (id(), text(), prop::collection::vec(name(), 0..3)),
        (prop::option::of(text()), prop::option::of(date())),
        (prop::option::of(lang()), prop::option::of(text())),
        prop::collection::vec(id(), 0..20),
    )
        .prop_map(
            |((id, title, author), (publisher, issued), (language, note), references)| Source {
                author,
                publisher,
                issued,
                language,
                note,
                references,
                ..Source::new(id, SourceType::Book, title)
            },
        )
}

fn properties() -> impl Strategy<Value = PropertiesFile> {
    prop::collection::vec(
        (
            id(),
            text(),
            text(),
            prop::collection::vec(prop::sample::select(EntityKind::ALL.to_vec()), 0..3),
        ),
        1..4,
    )
    .prop_map(|ps| PropertiesFile {
        property: ps
            .into_iter()
            .map(|(id, label, description, subject_kinds)| Property {
                id,
                label,
                description,
                value_type: cadres_model::ValueType::Date,
                cardinality: cadres_model::Cardinality::Single,
                subject_kinds,
                value_kinds: Vec::new(),
            })
            .collect(),
    })
}

/// Serializes `record` two ways (the `toml` crate's own layout, with sub-tables and arrays of
/// tables, and its pretty layout) and checks that both format to one fixed point that parses
/// back into `record`.
fn check_record<T>(record: &T, kind: RecordKind) -> Result<(), TestCaseError>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let directive = format!("#:schema ../../schema/{}\n", kind.schema_file_name());
    let plain = directive.clone() + &toml::to_string(record).expect("serializes");
    let pretty = directive + &toml::to_string_pretty(record).expect("serializes");
    let a = format_checked(&plain, Some(kind));
    let b = format_checked(&pretty, Some(kind));
    prop_assert_eq!(&a, &b, "two layouts of one record format differently");
    let back: T = toml::from_str(&a).map_err(|e| TestCaseError::fail(format!("{e}\n{a}")))?;
    prop_assert_eq!(&back, record);
    prop_assert!(a.starts_with("#:schema "));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn entities_format_idempotently_and_keep_their_model(e in entity()) {
        check_record(&e, RecordKind::Entity)?;
    }

    #[test]
    fn sources_format_idempotently_and_keep_their_model(s in source()) {
        check_record(&s, RecordKind::Source)?;
    }

    #[test]
    fn properties_format_idempotently_and_keep_their_model(p in properties()) {
        check_record(&p, RecordKind::Properties)?;
    }

    #[test]
    fn metadata_formats_idempotently_and_keeps_its_model(
        (title, description) in (text(), text()),
        as_of in date(),
    ) {
        let m = Metadata {
            title,
            description,
            version: "0.1.0".to_owned(),
            as_of,
            license: "CC-BY-SA-4.0".to_owned(),
        };
        check_record(&m, RecordKind::Metadata)?;
    }

    #[test]
    fn any_toml_table_formats_idempotently(t in toml_table()) {
        let text = toml::to_string(&t).expect("serializes");
        format_checked(&text, None);
    }

    #[test]
    fn comments_are_kept(e in entity(), at in prop::collection::vec(any::<prop::sample::Index>(), 1..6)) {
        let text = toml::to_string(&e).expect("serializes");
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        for (n, i) in at.iter().enumerate() {
            let mut candidate = lines.clone();
            candidate.insert(i.index(lines.len() + 1), format!("# note {n}"));
            let joined = candidate.join("\n") + "\n";
            // Keep the line only where it is a comment, not text inside a multi-line string.
            if toml::from_str::<EntityFile>(&joined).is_ok_and(|back| back == e) {
                lines = candidate;
            }
        }
        let text = lines.join("\n") + "\n";
        let out = format_checked(&text, Some(RecordKind::Entity));
        for line in text.lines().filter(|l| l.starts_with("# note ")) {
            prop_assert!(out.lines().any(|l| l.trim_start().ends_with(line)), "lost {}:\n{}", line, out);
        }
    }
}

/// Arbitrary TOML documents with nested tables and arrays, and keys that need quotes.
fn toml_table() -> impl Strategy<Value = toml::Table> {
    let leaf = prop_oneof![
        text().prop_map(toml::Value::String),
        any::<i64>().prop_map(toml::Value::Integer),
        (-1e9..1e9f64).prop_map(toml::Value::Float),
        any::<bool>().prop_map(toml::Value::Boolean),
    ];
    let value = leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(toml::Value::Array),
            prop::collection::btree_map("[a-z\\- .\"]{1,6}", inner, 0..4)
                .prop_map(|m| toml::Value::Table(m.into_iter().collect())),
        ]
    });
    prop::collection::btree_map("[a-zA-Z_\\- .\"é]{1,8}", value, 0..6)
        .prop_map(|m| m.into_iter().collect())
}

// Generated files with comments in every place a comment can take.

/// Random decisions from one seed (the `SplitMix64` generator), so that a proptest value
/// drives every choice of the decorator and a failing case replays.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn one_in(&mut self, n: u64) -> bool {
        self.next().is_multiple_of(n)
    }

    fn pick<'a>(&mut self, choices: &[&'a str]) -> &'a str {
        let i = usize::try_from(self.next() % choices.len() as u64).unwrap_or(0);
        choices[i]
    }
}

/// Rewrites a TOML text with comments and odd spacing in every place TOML allows them,
/// remembering each comment it writes. Each comment holds a unique marker `¶n¶`.
struct Decorator {
    dice: Dice,
    comments: Vec<String>,
    /// Whether a comment may look like a `#:schema` directive (not when the file has none,
    /// where the first such comment would become the directive and move to the top).
    schema_like: bool,
}

impl Decorator {
    fn comment(&mut self) -> String {
        let mut flavors = vec![
            "",
            "\t",
            " 七千人大会",
            " \"quoted\" = 'x', [a] {b}",
            "#",
            " a # in a comment",
        ];
        if self.schema_like {
            flavors.push(":schema ../not/the/directive.json");
        }
        let c = format!("#{} ¶{}¶", self.dice.pick(&flavors), self.comments.len());
        self.comments.push(c.clone());
        c
    }

    fn space(&mut self) -> &'static str {
        self.dice.pick(&["", " ", "\t", " \t  "])
    }

    /// Maybe a comment, as one of `forms` with `{c}` for the comment.
    fn maybe(&mut self, odds: u64, forms: &[&str]) -> String {
        if !self.dice.one_in(odds) {
            return String::new();
        }
        let form = self.dice.pick(forms);
        if form.contains("{c}") {
            let c = self.comment();
            form.replace("{c}", &c)
        } else {
            form.to_owned()
        }
    }

    /// `text`, decorated: comment lines, blank lines and indentation before lines; comments
    /// at the end of lines and of headers; after `[`, `{` and `,`, before `]` and `}` (TOML
    /// 1.1 inside inline tables), between an array element and its comma; blanks around `=`;
    /// and at the end of the file. Strings and existing comments are copied as they are.
    fn decorate(&mut self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut open: Vec<char> = Vec::new();
        let mut line_start = true;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if line_start {
                line_start = false;
                let before = self.maybe(4, &["{c}\n", "\t{c}\n", "{c}\n\n", "\n{c}\n", "\n"]);
                out.push_str(&before);
                out.push_str(self.space());
                // A header, or a comment of the input: copied to the end of its line.
                if (open.is_empty() && c == '[') || c == '#' {
                    let end = chars[i..]
                        .iter()
                        .position(|&c| c == '\n')
                        .map_or(chars.len(), |n| i + n);
                    out.extend(&chars[i..end]);
                    if c == '[' {
                        let after = self.maybe(3, &[" {c}", "\t{c}"]);
                        out.push_str(&after);
                    }
                    i = end;
                    continue;
                }
            }
            match c {
                q @ ('"' | '\'') => {
                    let start = i;
                    let triple = chars[i..].starts_with(&[q, q, q]);
                    i += if triple { 3 } else { 1 };
                    while i < chars.len() {
                        if q == '"' && chars[i] == '\\' {
                            i += 2;
                        } else if triple && chars[i..].starts_with(&[q, q, q]) {
                            // Up to two quotes before the closing three are text.
                            i += 3;
                            while chars.get(i) == Some(&q) {
                                i += 1;
                            }
                            break;
                        } else if !triple && chars[i] == q {
                            i += 1;
                            break;
                        } else {
                            i += 1;
                        }
                    }
                    out.extend(&chars[start..i]);
                    continue;
                }
                '\n' => {
                    let end = self.maybe(4, &[" {c}", "\t{c}", "  {c}"]);
                    out.push_str(&end);
                    out.push('\n');
                    line_start = true;
                }
                '[' | '{' => {
                    out.push(c);
                    open.push(c);
                    let after = self.maybe(3, &[" {c}\n", "\n{c}\n  ", "\n", " \t"]);
                    out.push_str(&after);
                }
                ']' | '}' => {
                    let before = self.maybe(3, &["\n{c}\n", "\n\t{c}\n", "\n", " "]);
                    out.push_str(&before);
                    open.pop();
                    out.push(c);
                }
                ',' => {
                    if open.last() == Some(&'[') {
                        let before = self.maybe(6, &[" {c}\n", "\n{c}\n"]);
                        out.push_str(&before);
                    }
                    out.push(',');
                    let after = self.maybe(3, &[" {c}\n", "\n  {c}\n  ", "\n", "\t"]);
                    out.push_str(&after);
                }
                '=' => {
                    out.push_str(self.space());
                    out.push('=');
                    out.push_str(self.space());
                }
                c => out.push(c),
            }
            i += 1;
        }
        let end = self.maybe(2, &["{c}\n", "\n{c}\n", "{c}"]);
        out.push_str(&end);
        out
    }
}

/// A record of each kind (entities more often), as its kind and its text in the `toml`
/// crate's plain layout (with `[labels]`, `[[claims.citations]]` and other sub-tables),
/// after a `#:schema` line.
fn any_record() -> impl Strategy<Value = (RecordKind, String)> {
    fn file<T: Serialize>(kind: RecordKind, record: &T) -> (RecordKind, String) {
        let directive = cadres_fmt::default_directive(kind).expect("a file kind");
        let body = toml::to_string(record).expect("serializes");
        (kind, format!("{directive}\n{body}"))
    }
    prop_oneof![
        3 => entity().prop_map(|e| file(RecordKind::Entity, &e)),
        1 => source().prop_map(|s| file(RecordKind::Source, &s)),
        1 => properties().prop_map(|p| file(RecordKind::Properties, &p)),
        1 => (text(), text(), date()).prop_map(|(title, description, as_of)| file(
            RecordKind::Metadata,
            &Metadata {
                title,
                description,
                version: "0.1.0".to_owned(),
                as_of,
                license: "CC-BY-SA-4.0".to_owned(),
            }
        )),
    ]
}

/// How a generated file is saved: with a byte-order mark, with CRLF line endings, without
/// its `#:schema` line; and the seed of its decoration.
#[derive(Debug, Clone)]
struct Saved {
    bom: bool,
    crlf: bool,
    directive: bool,
    seed: u64,
}

fn saved() -> impl Strategy<Value = Saved> {
    (
        any::<bool>(),
        any::<bool>(),
        prop::bool::weighted(0.8),
        any::<u64>(),
    )
        .prop_map(|(bom, crlf, directive, seed)| Saved {
            bom,
            crlf,
            directive,
            seed,
        })
}

/// `text` (a file starting with its `#:schema` line) decorated and saved as `how` says; and
/// the comments written into it.
fn save(text: &str, how: &Saved) -> (String, Vec<String>) {
    let (directive, body) = text.split_once('\n').expect("a directive line");
    let mut d = Decorator {
        dice: Dice(how.seed),
        comments: Vec::new(),
        schema_like: how.directive,
    };
    let mut out = d.decorate(body);
    if how.directive {
        out = format!("{directive}\n{out}");
    }
    if how.crlf {
        out = out.replace('\n', "\r\n");
    }
    if how.bom {
        out.insert(0, '\u{FEFF}');
    }
    (out, d.comments)
}

/// The validator's encoding and directive warnings about `text` as a file of `kind`.
fn encoding_warnings(kind: RecordKind, text: &str) -> Vec<String> {
    let rel = match kind {
        RecordKind::Metadata => "metadata.toml",
        RecordKind::Properties => "properties.toml",
        RecordKind::Source => "sources/s.toml",
        RecordKind::Entity | RecordKind::Dataset => "entities/place/p.toml",
    };
    cadres_validate::check_file(kind, rel, text.as_bytes())
        .into_iter()
        .filter(|d| d.name == "non-canonical-encoding" || d.name == "schema-directive")
        .map(|d| format!("{}: {}", d.name, d.message))
        .collect()
}

/// The shared checks of a decorated file: it formats to a fixed point with the same
/// record (`format_checked`), without a byte-order mark or a carriage return, with its
/// `#:schema` line first, with nothing for `check`'s encoding and directive rules, and with
/// each comment written into it exactly once. Returns the output.
fn check_saved(
    kind: RecordKind,
    input: &str,
    comments: &[String],
    how: &Saved,
) -> Result<String, TestCaseError> {
    if let Err(e) = format_text(input, Some(kind)) {
        return Err(TestCaseError::fail(format!("{e}:\n{input}")));
    }
    let out = format_checked(input, Some(kind));
    prop_assert!(
        !out.starts_with('\u{FEFF}') && !out.contains('\r'),
        "{}",
        out
    );
    prop_assert!(out.starts_with("#:schema "), "{}", out);
    let warnings = encoding_warnings(kind, input);
    prop_assert_eq!(
        warnings
            .iter()
            .filter(|w| w.contains("byte-order mark"))
            .count(),
        usize::from(how.bom)
    );
    prop_assert_eq!(
        warnings.iter().filter(|w| w.contains("CRLF")).count(),
        usize::from(how.crlf)
    );
    prop_assert_eq!(encoding_warnings(kind, &out), Vec::<String>::new());
    for c in comments {
        prop_assert_eq!(out.matches(c.as_str()).count(), 1, "{:?} in\n{}", c, out);
    }
    Ok(out)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A canonical file, decorated: every comment survives in the order it was written,
    /// whatever the encoding, line endings and spacing.
    #[test]
    fn a_decorated_canonical_file_keeps_every_comment_in_order(
        (kind, plain) in any_record(),
        how in saved(),
    ) {
        let canonical = format_text(&plain, Some(kind)).expect("formats");
        let (input, comments) = save(&canonical, &how);
        if !how.crlf {
            // The decoration changes no value (CRLF adds carriage returns to multi-line
            // strings, which the formatter then keeps as `\r`).
            let a: toml::Table = toml::from_str(&canonical).expect("canonical parses");
            let b: toml::Table = toml::from_str(&input).map_err(|e| TestCaseError::fail(format!("{e}\n{input}")))?;
            prop_assert_eq!(a, b);
        }
        let out = check_saved(kind, &input, &comments, &how)?;
        let mut order: Vec<(usize, usize)> = comments
            .iter()
            .map(|c| (input.find(c.as_str()).unwrap_or(0), out.find(c.as_str()).unwrap_or(0)))
            .collect();
        order.sort_unstable();
        prop_assert!(
            order.windows(2).all(|w| w[0].1 < w[1].1),
            "comments out of order:\n{}\n---\n{}", input, out
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// A file in the plain layout (sub-tables under headers), decorated: every comment
    /// survives exactly once (sub-tables with comments between their keys stay tables; the
    /// others become inline and move with their key, so the order may change).
    #[test]
    fn a_decorated_plain_file_keeps_every_comment(
        (kind, plain) in any_record(),
        how in saved(),
    ) {
        let (input, comments) = save(&plain, &how);
        check_saved(kind, &input, &comments, &how)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Any TOML document (nested tables and arrays of tables, keys that need quotes),
    /// decorated: it formats to a fixed point with the same data and every comment, once.
    #[test]
    fn any_decorated_toml_keeps_every_comment(t in toml_table(), how in saved()) {
        let text = format!("# first\n{}", toml::to_string(&t).expect("serializes"));
        let how = Saved { directive: true, ..how };
        let (input, comments) = save(&text, &how);
        if let Err(e) = format_text(&input, None) {
            return Err(TestCaseError::fail(format!("{e}:\n{input}")));
        }
        let out = format_checked(&input, None);
        prop_assert!(!out.starts_with('\u{FEFF}') && !out.contains('\r'), "{}", out);
        for c in &comments {
            prop_assert_eq!(out.matches(c.as_str()).count(), 1, "{:?} in\n{}\n---\n{}", c, input, out);
        }
    }
}
