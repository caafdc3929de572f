//! The real dataset in `dataset/`: it loads, its bibliography matches the seed article's
//! reference list, its provenance has two levels. (`cargo xtask coverage` is tested in
//! `xtask/src/coverage/tests.rs`.)
//!
//! The seed article itself is not in the repository (it lives in `../shared/seed`), so the
//! quotes of the real dataset are checked by `cargo xtask check --archive ../shared/seed` and
//! `cargo xtask coverage --archive ../shared/seed --check`, not here.

use crate::support::root;
use cadres_model::{Approximation, Claim, Dataset, Rank, Source, Value};
use cadres_testkit::load;

const ARTICLE: &str = "wikipedia-seven-thousand-cadres-conference";

/// The seed's reference list, reference 1 first.
const REFERENCES: [&str; 15] = [
    "macfarquhar-1999",
    "wilson-center-timeline",
    "schoenhals-stone-1990",
    "he-2016",
    "renmin-qiqian-ren-dahui",
    "sun-sanfen-tianzai-qifen-renhuo",
    "columbia-three-chinese-leaders",
    "mao-talk-at-working-conference",
    "li-qiqian-ren-dahui-qishilu",
    "denhardt-denhardt-2007",
    "cuhk-liu-shaoqi",
    "yang-2021",
    "china-org-beidaihe-1962",
    "mao-bajie-shizhong-quanhui-jianghua",
    "renmin-zhongyao-huiyi-1949-1978",
];

fn dataset() -> Dataset {
    load(&root().join("dataset"))
}

fn source<'a>(data: &'a Dataset, id: &str) -> &'a Source {
    data.sources
        .iter()
        .find(|s| s.id.as_str() == id)
        .unwrap_or_else(|| panic!("source {id} exists"))
}

fn claim<'a>(data: &'a Dataset, id: &str) -> &'a Claim {
    data.claims
        .iter()
        .find(|c| c.id.as_str() == id)
        .unwrap_or_else(|| panic!("claim {id} exists"))
}

#[test]
fn the_dataset_loads_without_errors() {
    let data = dataset();
    assert_eq!(data.metadata.version, "0.1.0");
    assert_eq!(data.sources.len(), 16, "the article and its 15 references");
    assert!(!data.entities.is_empty() && !data.claims.is_empty());
}

#[test]
fn the_article_lists_its_15_references_in_order() {
    let data = dataset();
    let article = source(&data, ARTICLE);
    let refs: Vec<&str> = article
        .references
        .iter()
        .map(cadres_model::Id::as_str)
        .collect();
    assert_eq!(refs, REFERENCES);
    for id in REFERENCES {
        let work = source(&data, id);
        assert!(work.url.is_none(), "{id}: the seed gives no URL");
        assert!(
            work.references.is_empty(),
            "{id}: only the article's references were read"
        );
    }
    assert!(
        article.accessed.is_none(),
        "the seed gives no retrieval date for the article"
    );
}

#[test]
fn bibliographic_details_follow_the_seed() {
    let data = dataset();
    let yang = source(&data, "yang-2021");
    assert_eq!(yang.author.len(), 1);
    assert_eq!(yang.author[0].family.as_deref(), Some("Yang"));
    assert_eq!(yang.author[0].given.as_deref(), Some("Jisheng"));
    assert_eq!(yang.author[0].as_cited.as_deref(), Some("Jisheng, Yang"));
    assert_eq!(yang.page.as_deref(), Some("26"));

    let newsletter = source(&data, "schoenhals-stone-1990");
    let authors: Vec<_> = newsletter
        .author
        .iter()
        .map(|a| a.family.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(authors, ["Schoenhals", "Stone"]);
    assert_eq!(
        newsletter.container_title.as_deref(),
        Some("CCP Research Newsletter")
    );
    assert_eq!(
        newsletter.volume.as_deref(),
        Some("5"),
        "a bare number after the journal is its volume"
    );
    assert_eq!(newsletter.issue, None);
    assert_eq!(newsletter.medium.as_deref(), Some("PDF"));

    let renmin = source(&data, "renmin-qiqian-ren-dahui");
    assert_eq!(renmin.title, "七千人大会");
    assert_eq!(renmin.container_title.as_deref(), Some("Renmin Wang"));
    assert_eq!(
        renmin.language.as_ref().map(ToString::to_string).as_deref(),
        Some("zh")
    );
    assert_eq!(
        renmin
            .archive_date
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("2021-01-15")
    );
    assert_eq!(
        renmin.accessed.as_ref().map(ToString::to_string).as_deref(),
        Some("2020-06-21")
    );
}

#[test]
fn every_citation_reads_the_article_and_cites_its_footnotes() {
    let data = dataset();
    let article = source(&data, ARTICLE);
    for claim in &data.claims {
        assert!(!claim.citations.is_empty(), "{}: uncited", claim.id);
        for citation in &claim.citations {
            assert_eq!(
                citation.source.as_str(),
                ARTICLE,
                "{}: only the article was read",
                claim.id
            );
            assert!(
                citation.quote.is_some(),
                "{}: every citation quotes",
                claim.id
            );
            let locator = citation.locator.as_deref().unwrap_or_default();
            assert!(
                ["lead", "The Conference"].contains(&locator),
                "{}: locator {locator:?} is a section of the article",
                claim.id
            );
            let numbers: Vec<usize> = citation
                .cites
                .iter()
                .map(|w| {
                    article
                        .reference_number(w)
                        .unwrap_or_else(|| panic!("{}: {w} is a reference", claim.id))
                })
                .collect();
            assert!(
                numbers.windows(2).all(|w| w[0] < w[1]),
                "{}: footnotes in the article's order",
                claim.id
            );
        }
    }
}

#[test]
fn the_end_date_dispute_is_explicit() {
    let data = dataset();
    let lead = claim(&data, "seven-thousand-cadres-conference-end-date-lead");
    let body = claim(&data, "seven-thousand-cadres-conference-end-date-body");
    assert_eq!(lead.value.to_string(), "1962-02-07");
    assert_eq!(body.value.to_string(), "1962-02");
    assert_eq!(lead.rank, Rank::Preferred);
    assert!(lead.rank_reason.is_some());
    assert_eq!(lead.disputes.len(), 1);
    assert_eq!(lead.disputes[0].with, body.id);
    assert_eq!(lead.disputes[0].relation.to_string(), "refinement");
    let start = claim(&data, "seven-thousand-cadres-conference-start-date");
    assert_eq!(start.value.to_string(), "1962-01-11");
    assert_eq!(
        start.citations.len(),
        2,
        "lead and body both give the start"
    );
}

#[test]
fn values_keep_the_articles_precision() {
    let data = dataset();
    let Value::Quantity(attendance) =
        &claim(&data, "seven-thousand-cadres-conference-attendance").value
    else {
        panic!("attendance is a quantity");
    };
    assert_eq!(
        (attendance.amount, attendance.approximation),
        (7000, Approximation::Over)
    );
    let Value::Quantity(deaths) = &claim(&data, "great-chinese-famine-death-toll").value else {
        panic!("the death toll is a quantity");
    };
    assert_eq!(deaths.approximation, Approximation::OrderOfMagnitude);
    let Value::Share(parts) = &claim(&data, "liu-shaoqi-speech-famine-causes").value else {
        panic!("the attribution is a share");
    };
    let parts: Vec<(f64, &str)> = parts.iter().map(|p| (p.percent, p.of.as_str())).collect();
    assert_eq!(
        parts,
        [(30.0, "natural disasters"), (70.0, "man-made mistakes")]
    );
    let beidaihe = claim(&data, "beidaihe-meeting-1962-point-in-time");
    assert_eq!(
        beidaihe.value.to_string(),
        "1962-08",
        "August 1962 is a month"
    );
}

/// A qualifier's value in words: an entity's id, or a text's words.
fn qualifier<'a>(claim: &'a Claim, key: &str) -> &'a str {
    match claim.qualifiers.get(key) {
        Some(Value::Entity(id)) => id.as_str(),
        Some(Value::Text(t)) => t.text.as_str(),
        other => panic!("{}: qualifier {key} is {other:?}", claim.id),
    }
}

#[test]
fn qualifiers_hold_what_the_article_qualifies() {
    let data = dataset();
    // "Liu Shaoqi together with Deng Xiaoping, was in charge of most policies within the
    // party and the government": four claims, each naming the other person.
    for (who, other) in [
        ("liu-shaoqi", "deng-xiaoping"),
        ("deng-xiaoping", "liu-shaoqi"),
    ] {
        for body in ["party", "government"] {
            let c = claim(&data, &format!("{who}-in-charge-of-{body}"));
            assert_eq!(qualifier(c, "together-with"), other);
            assert_eq!(qualifier(c, "extent"), "most policies");
            assert_eq!(
                qualifier(c, "following"),
                "seven-thousand-cadres-conference"
            );
        }
    }
    // "attended by over 7,000 party officials nationwide".
    let attendance = claim(&data, "seven-thousand-cadres-conference-attendance");
    let Value::Quantity(q) = &attendance.value else {
        panic!("attendance is a quantity");
    };
    assert_eq!(q.unit, "party official");
    assert_eq!(qualifier(attendance, "scope"), "nationwide");
    // "one of the largest work conferences ever of the Chinese Communist Party".
    let kind = claim(&data, "seven-thousand-cadres-conference-meeting-type");
    assert!(matches!(&kind.value, Value::Text(t) if t.text == "work conference"));
    assert_eq!(
        qualifier(kind, "standing"),
        "one of the largest work conferences ever"
    );
    // What Liu Shaoqi's speech "formally attributed" is the speech's, not a bare fact.
    for id in [
        "great-chinese-famine-caused-by-great-leap-forward",
        "great-leap-forward-start-date",
    ] {
        assert_eq!(
            qualifier(claim(&data, id), "according-to"),
            "liu-shaoqi-speech-seven-thousand-cadres-conference"
        );
    }
    // "Mao reinforced his point of view": no slogan attached.
    let september = claim(&data, "mao-zedong-stressed-class-struggle-september-1962");
    assert_eq!(september.property.as_str(), "reinforced-view-on");
    assert_eq!(
        september.value.as_entity().map(cadres_model::Id::as_str),
        Some("class-struggle")
    );
}

#[test]
fn a_script_tag_only_where_the_script_can_be_told() {
    let data = dataset();
    let sanzi = data
        .entities
        .iter()
        .find(|e| e.id.as_str() == "sanzi-yibao")
        .expect("sanzi-yibao exists");
    let tags: Vec<&str> = sanzi
        .labels
        .keys()
        .map(cadres_model::LangTag::as_str)
        .collect();
    assert_eq!(
        tags,
        ["en", "zh", "zh-Latn-pinyin"],
        "三自一包 is the same in both scripts"
    );
}
