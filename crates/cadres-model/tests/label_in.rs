//! [`Entity::label_in`]: each step of its fallback order, in order.

use cadres_model::{Entity, EntityKind, LangTag};

fn tag(s: &str) -> LangTag {
    s.parse().expect("well-formed tag")
}

/// An entity with one label per `(tag, label)`.
fn entity(labels: &[(&str, &str)]) -> Entity {
    Entity {
        id: "the-entity".parse().expect("id"),
        kind: EntityKind::Meeting,
        labels: labels
            .iter()
            .map(|(t, l)| (tag(t), (*l).to_owned()))
            .collect(),
        aliases: cadres_model::SortedMap::new(),
        description: String::new(),
    }
}

fn conference() -> Entity {
    entity(&[
        ("en", "Seven Thousand Cadres Conference"),
        ("zh-Hans", "七千人大会"),
        ("zh-Hant", "七千人大會"),
    ])
}

#[test]
fn step_1_the_exact_tag() {
    let e = conference();
    assert_eq!(e.label_in(&tag("zh-Hant")), "七千人大會");
    assert_eq!(e.label_in(&tag("zh-Hans")), "七千人大会");
    assert_eq!(e.label_in(&tag("en")), "Seven Thousand Cadres Conference");
}

#[test]
fn step_1_ignores_the_case_of_the_tag() {
    let e = conference();
    assert_eq!(e.label_in(&tag("ZH-hant")), "七千人大會");
}

#[test]
fn step_1_wins_over_a_longer_or_shorter_tag() {
    let e = entity(&[
        ("zh", "zh"),
        ("zh-Hant", "zh-Hant"),
        ("zh-Hant-TW", "zh-Hant-TW"),
    ]);
    assert_eq!(e.label_in(&tag("zh-Hant")), "zh-Hant");
}

#[test]
fn step_2a_the_longest_tag_the_request_extends() {
    let e = entity(&[("zh", "zh"), ("zh-Hant", "zh-Hant"), ("en", "en")]);
    assert_eq!(e.label_in(&tag("zh-Hant-TW")), "zh-Hant");
    let e = entity(&[("zh", "zh"), ("en", "en")]);
    assert_eq!(e.label_in(&tag("zh-Hant-TW")), "zh");
}

#[test]
fn step_2a_compares_whole_subtags() {
    // `de-CH-19960` starts with the text `de-CH-1996` but does not extend that tag.
    let e = entity(&[("de-CH", "CH"), ("de-CH-1996", "1996")]);
    assert_eq!(e.label_in(&tag("de-CH-19960")), "CH");
}

#[test]
fn step_2a_wins_over_a_tag_that_extends_the_request() {
    let e = entity(&[("zh", "zh"), ("zh-Hant-TW", "zh-Hant-TW")]);
    assert_eq!(e.label_in(&tag("zh-Hant")), "zh");
}

#[test]
fn step_2b_the_first_tag_that_extends_the_request() {
    let e = conference();
    assert_eq!(e.label_in(&tag("zh")), "七千人大会");
    let e = entity(&[
        ("en", "en"),
        ("zh-Hant", "zh-Hant"),
        ("zh-Latn-pinyin", "pinyin"),
    ]);
    assert_eq!(e.label_in(&tag("zh")), "zh-Hant");
}

#[test]
fn step_2c_any_tag_of_the_same_primary_language() {
    let e = entity(&[("en", "en"), ("zh-Latn-pinyin", "Qīqiān Rén Dàhuì")]);
    assert_eq!(e.label_in(&tag("zh-Hant")), "Qīqiān Rén Dàhuì");
    let e = entity(&[("en", "en"), ("zh-Hans", "七千人大会")]);
    assert_eq!(e.label_in(&tag("zh-TW")), "七千人大会");
}

#[test]
fn step_2_does_not_take_a_language_that_merely_starts_alike() {
    // `zh` is not a prefix language of `zha` (Zhuang).
    let e = entity(&[("en", "English"), ("zha", "Zhuang")]);
    assert_eq!(e.label_in(&tag("zh")), "English");
}

#[test]
fn step_3_english() {
    let e = conference();
    assert_eq!(e.label_in(&tag("fr")), "Seven Thousand Cadres Conference");
}

#[test]
fn step_3_english_of_any_region() {
    let e = entity(&[
        ("de", "Siebentausend-Kader-Konferenz"),
        ("en-GB", "Conference"),
    ]);
    assert_eq!(e.label_in(&tag("fr")), "Conference");
}

#[test]
fn step_4_the_first_label_by_tag_order() {
    let e = entity(&[("zh-Hant", "七千人大會"), ("zh-Hans", "七千人大会")]);
    assert_eq!(e.label_in(&tag("fr")), "七千人大会");
}

#[test]
fn step_5_the_id() {
    let e = entity(&[]);
    assert_eq!(e.label_in(&tag("en")), "the-entity");
}
