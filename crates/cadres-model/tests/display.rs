//! One-line `Display` of entities, claims, citations and sources, and
//! [`Index::describe`]: exact text, no line break whatever the fields hold, never empty, and
//! nothing the record does not give.

use cadres_model::SortedMap;

use cadres_model::{
    Citation, Claim, Dataset, Entity, EntityKind, Index, Metadata, Name, Property, Source,
    SourceType, Value,
};

fn entity(id: &str, kind: EntityKind, en: &str) -> Entity {
    Entity {
        id: id.parse().expect("id"),
        kind,
        labels: SortedMap::from([("en".parse().expect("tag"), en.to_owned())]),
        aliases: SortedMap::new(),
        description: String::new(),
    }
}

fn name(family: &str, given: &str) -> Name {
    Name {
        family: Some(family.to_owned()),
        given: Some(given.to_owned()),
        literal: None,
        as_cited: None,
    }
}

fn citation(source: &str) -> Citation {
    Citation {
        source: source.parse().expect("id"),
        locator: None,
        quote: None,
        cites: Vec::new(),
        as_named: cadres_model::SortedMap::new(),
    }
}

fn claim(id: &str, subject: &str, property: &str, value: Value) -> Claim {
    Claim {
        id: id.parse().expect("id"),
        subject: subject.parse().expect("id"),
        property: property.parse().expect("id"),
        value,
        qualifiers: SortedMap::new(),
        rank: cadres_model::Rank::Normal,
        rank_reason: None,
        disputes: Vec::new(),
        statement: String::new(),
        citations: vec![citation("he-2016")],
    }
}

fn value(json: &str) -> Value {
    serde_json::from_str(json).expect("value")
}

fn property(id: &str, label: &str, json_type: &str) -> Property {
    serde_json::from_value(serde_json::json!({
        "id": id, "label": label, "description": "d", "value-type": json_type,
    }))
    .expect("property")
}

#[track_caller]
fn one_line(text: &str) -> &str {
    assert!(!text.is_empty(), "empty display");
    assert!(
        !text.contains(|c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')),
        "{text:?} is not one line"
    );
    text
}

#[test]
fn an_entity_shows_its_label_and_kind() {
    let liu = entity("liu-shaoqi", EntityKind::Person, "Liu Shaoqi");
    assert_eq!(liu.to_string(), "Liu Shaoqi (person)");
    let mut e = entity(
        "x",
        EntityKind::Slogan,
        "Three parts\nnatural disasters,\r\nseven",
    );
    assert_eq!(
        one_line(&e.to_string()),
        "Three parts natural disasters, seven (slogan)"
    );
    e.labels.clear();
    assert_eq!(e.to_string(), "x (slogan)");
}

#[test]
fn a_claim_shows_its_statement_or_else_its_ids() {
    let mut c = claim(
        "liu-shaoqi-position-held",
        "liu-shaoqi",
        "position-held",
        value(r#"{"entity": "president-of-china"}"#),
    );
    assert_eq!(c.to_string(), "liu-shaoqi position-held president-of-china");
    c.statement = "  \n ".to_owned();
    assert_eq!(c.to_string(), "liu-shaoqi position-held president-of-china");
    c.statement = "\nLiu Shaoqi was\nPresident of China.\n".to_owned();
    assert_eq!(c.to_string(), "Liu Shaoqi was President of China.");
    c.statement.clear();
    c.value = value(r#"{"text": {"lang": "zh-Hans", "text": "三分天灾，\n七分人祸"}}"#);
    assert_eq!(
        one_line(&c.to_string()),
        "liu-shaoqi position-held 三分天灾， 七分人祸 (zh-Hans)"
    );
}

#[test]
fn a_citation_shows_source_locator_quote_and_cited_works() {
    let mut c = citation("he-2016");
    assert_eq!(c.to_string(), "he-2016");
    c.locator = Some("p. 12".to_owned());
    assert_eq!(c.to_string(), "he-2016, p. 12");
    c.quote = Some("three parts\nnatural disasters".to_owned());
    assert_eq!(
        one_line(&c.to_string()),
        "he-2016, p. 12: “three parts natural disasters”"
    );
    c.cites = vec!["a".parse().expect("id"), "b".parse().expect("id")];
    assert_eq!(
        c.to_string(),
        "he-2016, p. 12: “three parts natural disasters” (cites a, b)"
    );
    c.locator = Some(String::new());
    c.quote = None;
    assert_eq!(c.to_string(), "he-2016 (cites a, b)");
}

#[test]
fn a_long_quote_is_cut_at_80_characters_with_an_ellipsis() {
    let mut c = citation("he-2016");
    let exact = "a".repeat(80);
    c.quote = Some(exact.clone());
    assert_eq!(c.to_string(), format!("he-2016: “{exact}”"));
    c.quote = Some("b".repeat(81));
    assert_eq!(c.to_string(), format!("he-2016: “{}…”", "b".repeat(79)));
    // A cut never leaves a base letter without its combining mark.
    let decomposed = format!("{}e\u{301}xyz", "c".repeat(78));
    c.quote = Some(decomposed);
    assert_eq!(c.to_string(), format!("he-2016: “{}…”", "c".repeat(78)));
}

#[test]
fn a_source_is_author_date_title() {
    let mut s = Source::new(
        "macfarquhar-1997".parse().expect("id"),
        SourceType::Book,
        "The Politics of China",
    );
    s.author.push(name("MacFarquhar", "Roderick"));
    s.issued = Some("1997".parse().expect("date"));
    assert_eq!(
        s.to_string(),
        "MacFarquhar, Roderick (1997). The Politics of China"
    );
    s.issued = Some("1997-05-03".parse().expect("date"));
    assert_eq!(
        s.to_string(),
        "MacFarquhar, Roderick (1997). The Politics of China"
    );
    s.issued = Some("1997?".parse().expect("date"));
    assert_eq!(
        s.to_string(),
        "MacFarquhar, Roderick (1997?). The Politics of China"
    );
    s.issued = None;
    assert_eq!(
        s.to_string(),
        "MacFarquhar, Roderick. The Politics of China"
    );
}

#[test]
fn a_source_lists_every_author_and_no_editor() {
    let mut s = Source::new(
        "schoenhals-stone-1990".parse().expect("id"),
        SourceType::ArticleJournal,
        "Saltationist Socialism",
    );
    s.author = vec![name("Schoenhals", "Michael"), name("Stone", "Brewer S.")];
    assert_eq!(
        s.to_string(),
        "Schoenhals, Michael; Stone, Brewer S. Saltationist Socialism"
    );
    s.author.clear();
    s.editor = vec![name("Stone", "Brewer S.")];
    assert_eq!(s.to_string(), "Saltationist Socialism");
}

#[test]
fn a_source_without_author_or_title_is_never_empty() {
    let mut s = Source::new(
        "china-org-beidaihe-1962".parse().expect("id"),
        SourceType::Webpage,
        "1962年北戴河会议阶级斗争升温\n走上文革之路",
    );
    s.issued = Some("2014-09-23".parse().expect("date"));
    assert_eq!(
        one_line(&s.to_string()),
        "1962年北戴河会议阶级斗争升温 走上文革之路 (2014)"
    );
    s.title = " ".to_owned();
    s.issued = None;
    s.author.push(Name {
        family: None,
        given: None,
        literal: None,
        as_cited: None,
    });
    assert_eq!(s.to_string(), "china-org-beidaihe-1962");
    s.author.push(Name {
        family: None,
        given: None,
        literal: Some("Xinhua".to_owned()),
        as_cited: None,
    });
    assert_eq!(s.to_string(), "Xinhua. china-org-beidaihe-1962");
}

fn describe_dataset() -> Dataset {
    let metadata = Metadata {
        title: "fixture".to_owned(),
        description: "d".to_owned(),
        version: "0.1.0".to_owned(),
        as_of: "2024-01-01".parse().expect("date"),
        license: "CC-BY-4.0".to_owned(),
    };
    let mut held = claim(
        "liu-shaoqi-position-held",
        "liu-shaoqi",
        "position-held",
        value(r#"{"entity": "president-of-china"}"#),
    );
    held.qualifiers.insert(
        "start-date".parse().expect("id"),
        value(r#"{"date": "1959-04"}"#),
    );
    held.qualifiers.insert(
        "location".parse().expect("id"),
        value(r#"{"entity": "beijing"}"#),
    );
    let claims = vec![
        held,
        claim(
            "conference-attendance",
            "seven-thousand-cadres-conference",
            "attendance",
            value(r#"{"quantity": {"amount": 7000, "approximation": "over", "unit": "person"}}"#),
        ),
        claim(
            "conference-date",
            "seven-thousand-cadres-conference",
            "point-in-time",
            value(r#"{"date": "1962-01-11/1962-02-07"}"#),
        ),
        claim(
            "liu-said",
            "liu-shaoqi",
            "said",
            value(r#"{"text": {"lang": "zh-Hans", "text": "三分天灾，\n七分人祸"}}"#),
        ),
        claim(
            "dangling",
            "nobody",
            "no-such-property",
            value(r#"{"entity": "nothing"}"#),
        ),
    ];
    Dataset::new(
        metadata,
        vec![
            property("position-held", "position held", "entity"),
            property("start-date", "start date", "date"),
            property("location", "location", "entity"),
            property("attendance", "attendance", "quantity"),
            property("point-in-time", "point in time", "date"),
            property("said", "said", "text"),
        ],
        Vec::new(),
        vec![
            entity("liu-shaoqi", EntityKind::Person, "Liu Shaoqi"),
            entity(
                "president-of-china",
                EntityKind::Position,
                "President of China",
            ),
            entity("beijing", EntityKind::Place, "Beijing"),
            entity(
                "seven-thousand-cadres-conference",
                EntityKind::Meeting,
                "Seven Thousand Cadres Conference",
            ),
        ],
        claims,
    )
}

#[test]
fn describe_uses_labels_for_ids() {
    let dataset = describe_dataset();
    let index = Index::new(&dataset);
    let shown = |id: &str| index.describe(index.claim(id).expect("claim")).to_string();
    assert_eq!(
        shown("liu-shaoqi-position-held"),
        "Liu Shaoqi — position held — President of China \
         (location: Beijing; start date: 1959-04)"
    );
    assert_eq!(
        shown("conference-attendance"),
        "Seven Thousand Cadres Conference — attendance — over 7000 person"
    );
    assert_eq!(
        shown("conference-date"),
        "Seven Thousand Cadres Conference — point in time — 1962-01-11/1962-02-07"
    );
    assert_eq!(
        one_line(&shown("liu-said")),
        "Liu Shaoqi — said — 三分天灾， 七分人祸"
    );
    assert_eq!(shown("dangling"), "nobody — no-such-property — nothing");
}
