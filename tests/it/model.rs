//! The model's round trips and its newtypes' parsers: TOML file → model → JSON → model is
//! lossless for every record kind; `parse(display(x)) == x` for every newtype; bad input is
//! refused with an exact message.

use std::fmt::Debug;
use std::fs;
use std::str::FromStr;

use cadres_model::{
    Certainty, DateRelation, Edtf, EdtfDate, EntityFile, Id, Isbn, LangTag, Metadata,
    PropertiesFile, Source, Url,
};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Parses a TOML file into `T`, writes it as JSON, reads that back and compares.
#[track_caller]
fn round_trip<T: DeserializeOwned + Serialize + PartialEq + Debug>(rel: &str) -> T {
    let path = crate::support::fixture("valid").join(rel);
    let text = fs::read_to_string(&path).expect("fixture is readable");
    let first: T = toml::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let json = serde_json::to_string(&first).expect("serializes");
    let second: T = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{rel} from json: {e}"));
    assert_eq!(
        first, second,
        "{rel} changed in a TOML → JSON → model round trip"
    );
    let toml_again = toml::to_string(&second).expect("serializes to toml");
    let third: T = toml::from_str(&toml_again).expect("reparses");
    assert_eq!(
        first, third,
        "{rel} changed in a model → TOML → model round trip"
    );
    first
}

#[test]
fn metadata_round_trips() {
    let m: Metadata = round_trip("metadata.toml");
    assert_eq!(m.as_of.to_string(), "2026-11-01");
}

#[test]
fn properties_round_trip() {
    let p: PropertiesFile = round_trip("properties.toml");
    assert!(p.property.iter().any(|p| p.id.as_str() == "end-date"));
}

#[test]
fn sources_round_trip() {
    let book: Source = round_trip("sources/example-book.toml");
    assert_eq!(book.author[0].family.as_deref(), Some("Zhang"));
    assert_eq!(book.author[0].as_cited.as_deref(), Some("San, Zhang"));
    assert_eq!(
        book.isbn.as_ref().map(Isbn::as_str),
        Some("978-0-231-11083-9")
    );
    let article: Source = round_trip("sources/example-article.toml");
    assert_eq!(
        article.reference_number(&"example-book".parse().expect("id")),
        Some(1)
    );
}

#[test]
fn entity_files_round_trip() {
    let e: EntityFile = round_trip("entities/meeting/example-conference.toml");
    assert_eq!(e.claims.len(), 7);
    let (entity, claims) = e.clone().into_parts();
    assert!(claims.iter().all(|c| c.subject == entity.id));
    assert_eq!(EntityFile::from_parts(entity, claims), e);
    let _: EntityFile = round_trip("entities/person/zhang-san.toml");
    let _: EntityFile = round_trip("entities/place/beijing.toml");
}

/// A file read strictly, as the validator reads every dataset file.
fn from_file<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let de = toml::Deserializer::parse(text).map_err(|e| e.to_string())?;
    cadres_model::strict::deserialize(de).map_err(|e| e.to_string())
}

#[test]
fn unknown_fields_are_rejected_in_files_and_ignored_in_a_release() {
    let source = "id = \"x\"\ntype = \"book\"\ntitle = \"T\"\nurl = \"https://a.b/\"\n";
    let err = from_file::<Source>(source).expect_err("lowercase url is not a field");
    assert_eq!(err, "unknown field `url`");
    let metadata = "title = \"t\"\ndescription = \"d\"\nversion = \"1\"\nas-of = \"2026\"\nlicense = \"x\"\nextra = 1\n";
    let err = from_file::<Metadata>(metadata).expect_err("extra is not a field");
    assert_eq!(err, "unknown field `extra`");
    let entity = "id = \"x\"\nkind = \"person\"\ndescription = \"d\"\n[labels]\nen = \"X\"\n\
                  [[claims]]\nid = \"c\"\nproperty = \"p\"\nvalue = { entity = \"y\" }\nstatement = \"s\"\n\
                  citations = [{ source = \"s\", qoute = \"q\" }]\n";
    let err = from_file::<EntityFile>(entity).expect_err("qoute is not a field");
    assert_eq!(err, "unknown field `claims.0.citations.0.qoute`");
    // Read as records of a release, the same keys are passed over.
    let source: Source = toml::from_str(source).expect("a release reader ignores `url`");
    assert_eq!(source.title, "T");
    let metadata: Metadata = toml::from_str(metadata).expect("a release reader ignores `extra`");
    assert_eq!(metadata.title, "t");
}

#[track_caller]
fn rejects<T: FromStr<Err = E> + Debug, E: ToString>(input: &str, message: &str) {
    match input.parse::<T>() {
        Ok(v) => panic!("{input:?} parsed as {v:?}"),
        Err(e) => assert_eq!(e.to_string(), message, "message for {input:?}"),
    }
}

#[test]
fn bad_dates_are_refused_with_exact_messages() {
    rejects::<Edtf, _>(
        "1962-02-30",
        "day 30 does not exist in 1962-02, which has 28 days",
    );
    rejects::<Edtf, _>(
        "1962-13",
        "month 13 does not exist: months run from 01 to 12",
    );
    rejects::<Edtf, _>("", "a date cannot be empty");
    rejects::<Edtf, _>(
        "7 February 1962",
        "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found \"7 February 1962\"",
    );
    rejects::<Edtf, _>(
        "62",
        "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found \"62\"",
    );
    rejects::<Edtf, _>(
        "1962-02-07/1962-01-11",
        "the interval starts (1962-02-07) after it ends (1962-01-11)",
    );
    rejects::<Edtf, _>("../..", "an interval needs a date at one end at least");
    rejects::<Edtf, _>("1962/1963/1964", "an interval has exactly one '/', found 2");
    rejects::<EdtfDate, _>(
        "1962/1963",
        "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found \"1962/1963\"",
    );
    // 1900 is not a leap year, 2000 is.
    rejects::<Edtf, _>(
        "1900-02-29",
        "day 29 does not exist in 1900-02, which has 28 days",
    );
    assert!("2000-02-29".parse::<Edtf>().is_ok());
}

#[test]
fn bad_isbns_are_refused_with_exact_messages() {
    rejects::<Isbn, _>(
        "978-0-231-11083-8",
        "the check digit is 8, but the other digits give 9",
    );
    rejects::<Isbn, _>(
        "0-306-40615-3",
        "the check digit is 3, but the other digits give 2",
    );
    rejects::<Isbn, _>("978-0-231", "an isbn has 10 or 13 digits, this one has 7");
    rejects::<Isbn, _>(
        "978-0-231-1108a-9",
        "an isbn holds digits and hyphens only (and a final X in an isbn-10), found 'a'",
    );
    rejects::<Isbn, _>(
        "-978-0-231-11083-9",
        "an isbn's hyphens separate groups of digits: none at either end, never two in a row",
    );
    assert!("0-8044-2957-X".parse::<Isbn>().is_ok());
}

#[test]
fn bad_ids_tags_and_urls_are_refused_with_exact_messages() {
    rejects::<Id, _>(
        "Mao-Zedong",
        "an id holds only lowercase ascii letters, digits and hyphens, found 'M'",
    );
    rejects::<Id, _>(
        "mao--zedong",
        "an id's hyphens join words: none at the start or end, never two in a row",
    );
    rejects::<Id, _>("", "an id cannot be empty");
    rejects::<Id, _>(
        &"a".repeat(81),
        "an id is at most 80 bytes, this one has 81",
    );
    rejects::<LangTag, _>(
        "not a tag",
        "\"not a tag\" is not a well-formed BCP 47 language tag: a tag holds ascii letters, digits and hyphens only, found ' '",
    );
    rejects::<LangTag, _>(
        "zh-Hans-toolongsubtag",
        "\"zh-Hans-toolongsubtag\" is not a well-formed BCP 47 language tag: a subtag may be eight characters in length at maximum",
    );
    rejects::<Url, _>(
        "ftp://example.org/",
        "a URL here starts with http:// or https://, found scheme \"ftp\"",
    );
    rejects::<Url, _>("https://", "a URL needs a host, as in https://example.org/");
}

#[test]
fn date_relations_follow_the_bounds() {
    let d = |s: &str| s.parse::<Edtf>().expect("valid");
    assert_eq!(
        d("1962-02-07").relation(&d("1962-02")),
        DateRelation::Refinement
    );
    assert_eq!(
        d("1962-02").relation(&d("1962-02-07")),
        DateRelation::Refinement
    );
    assert_eq!(
        d("1962-01-11/1962-02-07").relation(&d("1962-02/1962-03")),
        DateRelation::Overlap
    );
    assert_eq!(
        d("1962-02-07").relation(&d("1962-03")),
        DateRelation::Contradiction
    );
    assert_eq!(
        d("1962").relation(&d("1962-01-01/1962-12-31")),
        DateRelation::Same
    );
    assert_eq!(d("1962/..").relation(&d("1969")), DateRelation::Refinement);
    assert_eq!(
        d("../1961").relation(&d("1962")),
        DateRelation::Contradiction
    );
    assert_eq!(
        d("1962-02").latest().map(|d| d.to_string()).as_deref(),
        Some("1962-02-28")
    );
    assert_eq!(
        d("1964-02").latest().map(|d| d.to_string()).as_deref(),
        Some("1964-02-29")
    );
    assert!(d("1962-02") < d("1962-02-07") && d("1962-02-07") < d("1962-03"));
    assert_eq!(
        d("1962~").as_date().map(EdtfDate::certainty),
        Some(Certainty::Approximate)
    );
}

fn edtf_date() -> impl Strategy<Value = EdtfDate> {
    (
        0u16..=9999,
        prop::option::of(1u8..=12),
        1u8..=28,
        any::<bool>(),
        0usize..4,
    )
        .prop_map(|(y, m, d, with_day, q)| {
            let day = if m.is_some() && with_day {
                Some(d)
            } else {
                None
            };
            let certainty = [
                Certainty::Certain,
                Certainty::Uncertain,
                Certainty::Approximate,
                Certainty::UncertainApproximate,
            ][q];
            EdtfDate::new(y, m, day)
                .expect("in range")
                .with_certainty(certainty)
        })
}

fn isbn13() -> impl Strategy<Value = String> {
    prop::collection::vec(0u32..10, 12).prop_map(|digits| {
        let sum: u32 = digits
            .iter()
            .zip([1, 3].iter().cycle())
            .map(|(d, w)| d * w)
            .sum();
        let mut s: String = digits
            .iter()
            .map(|d| char::from_digit(*d, 10).unwrap_or('0'))
            .collect();
        s.push(char::from_digit((10 - sum % 10) % 10, 10).unwrap_or('0'));
        s.insert(3, '-');
        s
    })
}

proptest! {
    #[test]
    fn edtf_dates_round_trip(date in edtf_date()) {
        let text = date.to_string();
        prop_assert_eq!(text.parse::<EdtfDate>(), Ok(date));
        prop_assert_eq!(text.parse::<Edtf>(), Ok(Edtf::Date(date)));
        prop_assert!(date.earliest() <= date.latest());
    }

    #[test]
    fn edtf_intervals_round_trip(a in edtf_date(), b in edtf_date(), open in 0usize..3) {
        let (a, b) = if a.earliest() <= b.earliest() { (a, b) } else { (b, a) };
        let text = match open { 0 => format!("{a}/{b}"), 1 => format!("{a}/.."), _ => format!("/{b}") };
        let parsed: Edtf = text.parse().expect("valid interval");
        prop_assert_eq!(parsed.to_string(), text.clone());
        prop_assert_eq!(text.parse::<Edtf>(), Ok(parsed));
    }

    #[test]
    fn edtf_parser_never_panics(s in "\\PC{0,24}") {
        let _ = s.parse::<Edtf>();
    }

    #[test]
    fn ids_round_trip(s in "[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,4}") {
        let id: Id = s.parse().expect("valid slug");
        prop_assert_eq!(id.to_string(), s.clone());
        prop_assert_eq!(s.parse::<Id>(), Ok(id));
    }

    #[test]
    fn isbns_round_trip(s in isbn13()) {
        let isbn: Isbn = s.parse().expect("valid check digit");
        prop_assert_eq!(isbn.to_string(), s.clone());
        prop_assert_eq!(s.parse::<Isbn>(), Ok(isbn));
    }

    #[test]
    fn isbn_with_a_wrong_check_digit_is_refused(s in isbn13(), bump in 1u32..10) {
        let last = s.chars().last().and_then(|c| c.to_digit(10)).unwrap_or(0);
        let wrong = format!("{}{}", &s[..s.len() - 1], (last + bump) % 10);
        prop_assert!(wrong.parse::<Isbn>().is_err());
    }

    #[test]
    fn lang_tags_round_trip(s in "(en|zh|fr|de)(-(Hans|Hant|Latn))?(-(CN|TW|US))?(-pinyin)?") {
        let tag: LangTag = s.parse().expect("well-formed");
        prop_assert_eq!(tag.to_string(), s.clone());
        prop_assert_eq!(s.parse::<LangTag>(), Ok(tag));
    }

    #[test]
    fn urls_round_trip(host in "[a-z]{1,10}\\.(org|com|cn)", path in "(/[a-z0-9]{1,8}){0,3}") {
        let s = format!("https://{host}{path}");
        let url: Url = s.parse().expect("valid url");
        prop_assert_eq!(url.to_string(), s.clone());
        prop_assert_eq!(s.parse::<Url>(), Ok(url));
    }
}
