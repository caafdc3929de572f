//! Finding entities by name: [`Index::find_by_label`] and [`label_key`], on datasets built in
//! code (the model's tests read no file). Every label and alias of the fixture, written in
//! another case, decomposed or padded with whitespace, still finds its entity.

use std::collections::BTreeMap;

use cadres_model::{Dataset, Entity, EntityKind, Index, Metadata, label_key};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// An entity with these labels and aliases, as `(tag, name)` pairs.
fn entity(id: &str, kind: EntityKind, labels: &[(&str, &str)], aliases: &[(&str, &str)]) -> Entity {
    let mut alias_map: BTreeMap<_, Vec<String>> = BTreeMap::new();
    for (tag, name) in aliases {
        alias_map
            .entry(tag.parse().expect("tag"))
            .or_default()
            .push((*name).to_owned());
    }
    Entity {
        id: id.parse().expect("id"),
        kind,
        labels: labels
            .iter()
            .map(|(tag, name)| (tag.parse().expect("tag"), (*name).to_owned()))
            .collect(),
        aliases: alias_map.into(),
        description: format!("The entity {id}."),
    }
}

fn dataset(entities: Vec<Entity>) -> Dataset {
    let metadata = Metadata {
        title: "fixture".to_owned(),
        description: "Entities built in code.".to_owned(),
        version: "0.1.0".to_owned(),
        as_of: "2024-01-01".parse().expect("date"),
        license: "CC-BY-4.0".to_owned(),
    };
    Dataset::new(metadata, Vec::new(), Vec::new(), entities, Vec::new())
}

/// The conference with the labels and aliases of
/// `dataset/entities/meeting/seven-thousand-cadres-conference.toml`, and some neighbours.
fn conference_dataset() -> Dataset {
    dataset(vec![
        entity(
            "seven-thousand-cadres-conference",
            EntityKind::Meeting,
            &[
                ("en", "Seven Thousand Cadres Conference"),
                ("zh-Hans", "七千人大会"),
                ("zh-Hant", "七千人大會"),
            ],
            &[
                ("en", "7000 Cadres Conference"),
                ("en", "7,000 Cadres Conference"),
            ],
        ),
        entity(
            "ccp-national-conference-september-1962",
            EntityKind::Meeting,
            &[
                (
                    "en",
                    "National conference of the Chinese Communist Party (September 1962)",
                ),
                ("zh-Hans", "八届十中全会"),
            ],
            &[],
        ),
        entity(
            "beidaihe-meeting-1962",
            EntityKind::Meeting,
            &[("en", "Beidaihe meeting of August 1962")],
            &[],
        ),
    ])
}

/// Han in both scripts, pinyin with tone marks, stacked diacritics, mixed case, an alias
/// shared by two entities, and one Greek name.
fn fixture() -> Dataset {
    let mut entities = conference_dataset().entities;
    entities.extend([
        entity(
            "zhou-enlai",
            EntityKind::Person,
            &[
                ("en", "Zhou Enlai"),
                ("zh-Hans", "周恩来"),
                ("zh-Hant", "周恩來"),
                ("zh-Latn-pinyin", "Zhōu Ēnlái"),
            ],
            &[("en", "Chou En-lai")],
        ),
        entity(
            "liu-shaoqi",
            EntityKind::Person,
            &[
                ("en", "Liu Shaoqi"),
                ("zh-Hans", "刘少奇"),
                ("zh-Latn-pinyin", "Liú Shàoqí"),
            ],
            &[("en", "Chairman Liu")],
        ),
        entity(
            "lushan-conference",
            EntityKind::Meeting,
            &[
                ("en", "Lushan Conference"),
                ("zh-Latn-pinyin", "Lúshān Huìyì"),
            ],
            &[("de", "Lüshan-Konferenz"), ("en", "Chairman Liu")],
        ),
        entity(
            "nguyen-van-a",
            EntityKind::Person,
            &[("vi", "Nguyễn Văn Ả")],
            &[("fr", "ÉCOLE Normale")],
        ),
        entity(
            "macfarquhar",
            EntityKind::Person,
            &[("en", "Roderick MacFarquhar")],
            &[("en", "McNamara-DeWitt O'Neill")],
        ),
        entity(
            "athens",
            EntityKind::Place,
            &[("el", "Ἀθῆναι"), ("en", "Athens")],
            &[],
        ),
    ]);
    dataset(entities)
}

fn ids<'a>(found: &[&'a Entity]) -> Vec<&'a str> {
    found.iter().map(|e| e.id.as_str()).collect()
}

#[test]
fn the_conference_is_found_by_its_chinese_name() {
    let dataset = conference_dataset();
    let index = Index::new(&dataset);
    assert_eq!(
        ids(index.find_by_label("七千人大会")),
        ["seven-thousand-cadres-conference"]
    );
    assert_eq!(
        ids(index.find_by_label("七千人大會")),
        ["seven-thousand-cadres-conference"]
    );
}

#[test]
fn the_conference_is_found_by_its_alias_in_lowercase() {
    let dataset = conference_dataset();
    let index = Index::new(&dataset);
    assert_eq!(
        ids(index.find_by_label("7000 cadres conference")),
        ["seven-thousand-cadres-conference"]
    );
    assert_eq!(
        ids(index.find_by_label("  SEVEN thousand cadres conference\n")),
        ["seven-thousand-cadres-conference"]
    );
}

#[test]
fn text_that_is_no_name_finds_nothing() {
    let dataset = conference_dataset();
    let index = Index::new(&dataset);
    for text in [
        "",
        "   ",
        "七千人",
        "7000 cadres",
        "7000  cadres conference",
        "seven-thousand-cadres-conference",
    ] {
        assert!(
            index.find_by_label(text).is_empty(),
            "{text:?} found something"
        );
    }
}

#[test]
fn a_name_shared_by_two_entities_finds_both_by_id() {
    let dataset = fixture();
    let index = Index::new(&dataset);
    assert_eq!(
        ids(index.find_by_label("chairman liu")),
        ["liu-shaoqi", "lushan-conference"]
    );
}

#[test]
fn an_entity_named_twice_alike_is_found_once() {
    let dataset = dataset(vec![entity(
        "mao-zedong",
        EntityKind::Person,
        &[("en", "Mao Zedong"), ("zh-Latn-pinyin", "mao zedong")],
        &[("en", "MAO ZEDONG")],
    )]);
    let index = Index::new(&dataset);
    assert_eq!(ids(index.find_by_label("Mao Zedong")), ["mao-zedong"]);
}

#[test]
fn diacritics_count_but_their_encoding_does_not() {
    let dataset = fixture();
    let index = Index::new(&dataset);
    assert_eq!(ids(index.find_by_label("ZHŌU ĒNLÁI")), ["zhou-enlai"]);
    assert_eq!(
        ids(index.find_by_label("Zho\u{304}u E\u{304}nla\u{301}i")),
        ["zhou-enlai"]
    );
    // ễ decomposed: e, circumflex, tilde.
    assert_eq!(
        ids(index.find_by_label("nguye\u{302}\u{303}n văn ả")),
        ["nguyen-van-a"]
    );
    assert!(index.find_by_label("Zhou Enlai ").len() == 1);
    assert!(index.find_by_label("Liu Shaoqi").len() == 1);
    assert!(index.find_by_label("Liú Shaoqi").is_empty());
}

#[test]
fn label_key_folds_case_normalization_and_surrounding_whitespace_only() {
    assert_eq!(label_key("\u{3000} Lüshan-Konferenz\t"), "lüshan-konferenz");
    assert_eq!(label_key("LU\u{308}SHAN-KONFERENZ"), "lüshan-konferenz");
    assert_eq!(label_key("ἈΘΗ͂ΝΑΙ"), "ἀθῆναι");
    assert_eq!(label_key("七千人大会"), "七千人大会");
    assert_ne!(label_key("Lushan"), label_key("Lüshan"));
    assert_ne!(label_key("a  b"), label_key("a b"));
    assert_eq!(label_key(" \n "), "");
}

/// Every name in the fixture: (entity id, label or alias).
fn names(dataset: &Dataset) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in &dataset.entities {
        for name in e.labels.values().chain(e.aliases.values().flatten()) {
            out.push((e.id.as_str().to_owned(), name.clone()));
        }
    }
    out
}

/// `name` with each character upper- or lowercased as `upper` says (cycled), decomposed
/// when `nfd`, between `before` and `after`.
fn disguise(name: &str, upper: &[bool], nfd: bool, before: &str, after: &str) -> String {
    let mut cased = String::new();
    for (i, c) in name.chars().enumerate() {
        if upper.get(i % upper.len().max(1)).copied().unwrap_or(false) {
            cased.extend(c.to_uppercase());
        } else {
            cased.extend(c.to_lowercase());
        }
    }
    let body: String = if nfd { cased.nfd().collect() } else { cased };
    format!("{before}{body}{after}")
}

const SPACE: [&str; 5] = ["", " ", "\t", "\n ", "\u{3000}"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_name_in_any_case_and_form_finds_its_entity(
        pick in any::<prop::sample::Index>(),
        upper in prop::collection::vec(any::<bool>(), 1..40),
        nfd in any::<bool>(),
        before in prop::sample::select(SPACE.as_slice()),
        after in prop::sample::select(SPACE.as_slice()),
    ) {
        let dataset = fixture();
        let index = Index::new(&dataset);
        let names = names(&dataset);
        let (id, name) = &names[pick.index(names.len())];
        let text = disguise(name, &upper, nfd, before, after);
        let found = index.find_by_label(&text);
        prop_assert!(
            found.iter().any(|e| e.id.as_str() == id),
            "{text:?} (from {name:?}) does not find {id}: {:?}", ids(found)
        );
        prop_assert!(found.windows(2).all(|w| w[0].id < w[1].id), "not sorted by id, or twice");
    }

    #[test]
    fn label_key_is_idempotent_and_ignores_the_normalization_form(text in any::<String>()) {
        let key = label_key(&text);
        prop_assert_eq!(&label_key(&key), &key);
        prop_assert_eq!(&label_key(&text.nfd().collect::<String>()), &key);
        prop_assert_eq!(&label_key(&text.nfc().collect::<String>()), &key);
    }
}
