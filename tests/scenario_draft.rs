//! The Pricing draft as typed: defaults, validation sentences, platforms and currency changes.
#![cfg(not(target_arch = "wasm32"))]

use honest_income::engine::money::Currency;
use honest_income::engine::pricing::calculate;
use honest_income::platform::route::{page_from_search, Page};
use honest_income::scenario::{PricingField, ProductDraft};

#[test]
fn the_default_is_the_essays_workshop_on_gumroad() {
    let draft = ProductDraft::default();
    let result = calculate(&draft.inputs().expect("defaults are valid"));
    assert_eq!(result.sale.net, 2380);
    assert!(draft.layers_match_preset());
}

#[test]
fn bad_fields_are_named_in_form_order() {
    let mut draft = ProductDraft::default();
    draft.set_text(PricingField::Price, "abc".into());
    draft.set_text(PricingField::LayerPercent(0), "150".into());
    draft.set_text(PricingField::Volume, "-3".into());
    let errors = draft.inputs().unwrap_err();
    let labels: Vec<String> = errors.iter().map(|(f, _)| f.label()).collect();
    assert_eq!(labels, ["Price", "Fee layer 1 percent", "Volume per month"]);
    assert_eq!(errors[2].1.to_string(), "This can't be negative.");
    assert_eq!(
        draft.text(PricingField::Price),
        "abc",
        "the typed text is kept"
    );
}

#[test]
fn churn_only_counts_for_subscriptions() {
    let mut draft = ProductDraft::default();
    draft.set_text(PricingField::Churn, "oops".into());
    assert!(draft.inputs().is_ok());
    draft.subscription = true;
    assert!(draft.inputs().is_err());
}

#[test]
fn choosing_a_platform_fills_its_layers_and_edits_are_noticed() {
    let mut draft = ProductDraft::default();
    draft.choose_platform("payhip-free");
    assert_eq!(draft.layers.len(), 2);
    assert_eq!(draft.layers[1].fixed, "0.30");
    assert!(draft.layers_match_preset());
    draft.set_text(PricingField::LayerPercent(0), "4".into());
    assert!(!draft.layers_match_preset());
    draft.choose_platform("custom");
    assert_eq!(draft.layers.len(), 2, "custom keeps the current layers");
}

#[test]
fn currency_change_converts_unedited_presets_only() {
    let mut draft = ProductDraft::default();
    draft.change_currency(Currency::Jpy);
    assert_eq!(draft.layers[0].fixed, "74");
    assert!(draft.inputs().is_ok());
    let mut edited = ProductDraft::default();
    edited.set_text(PricingField::LayerFixed(0), "0.45".into());
    edited.change_currency(Currency::Eur);
    assert_eq!(edited.layers[0].fixed, "0.45");
}

#[test]
fn pages_come_from_the_query_string() {
    assert_eq!(page_from_search(""), Page::Home);
    assert_eq!(page_from_search("?page=pricing"), Page::Pricing);
    assert_eq!(page_from_search("?x=1&page=break-even"), Page::BreakEven);
    assert_eq!(
        page_from_search("?page=delayed-income&embed=1"),
        Page::DelayedIncome
    );
    assert_eq!(page_from_search("?page=nope"), Page::Home);
    assert_eq!(Page::Pricing.href(), "./?page=pricing");
    assert_eq!(Page::Home.href(), "./");
}

/// Every Delayed-income field has a bound of its own but money, which has the one money limit.
#[test]
fn every_delayed_field_but_money_has_its_own_bound() {
    use honest_income::scenario::delayed::{
        Unit, BLOG_FIELDS, EFFORT_FIELDS, PRODUCT_FIELDS, SUBSCRIPTION_FIELDS,
    };
    let all = [
        BLOG_FIELDS,
        PRODUCT_FIELDS,
        SUBSCRIPTION_FIELDS,
        EFFORT_FIELDS,
    ]
    .concat();
    assert!(all.iter().any(|f| f.unit == Unit::Money));
    for field in &all {
        match field.unit {
            Unit::Money => assert_eq!(field.max, None, "{}", field.key),
            _ => assert!(field.max.is_some_and(|m| m > 0.0), "{}", field.key),
        }
    }
}

/// A typical range is one fact: the figure the goal seek sets an answer against is the one the
/// field's hint shows, and it sits inside what the field takes.
#[test]
fn a_typical_range_is_the_one_the_hint_shows() {
    use honest_income::scenario::delayed::{
        BLOG_FIELDS, EFFORT_FIELDS, PRODUCT_FIELDS, SUBSCRIPTION_FIELDS,
    };
    let all = [
        BLOG_FIELDS,
        PRODUCT_FIELDS,
        SUBSCRIPTION_FIELDS,
        EFFORT_FIELDS,
    ]
    .concat();
    let ranged: Vec<_> = all.iter().filter_map(|f| Some((f, f.typical?))).collect();
    assert!(ranged.len() >= 10, "{}", ranged.len());
    for (field, (low, high)) in ranged {
        assert!(0.0 <= low && low < high, "{}", field.key);
        assert!(field.max.is_none_or(|m| high <= m), "{}", field.key);
        let written = format!("{low}-{high}");
        assert!(
            field.hint.contains(&written),
            "{}: the hint does not say {written}",
            field.key
        );
    }
}

/// A misspelt field key would read as a silent 0: every key a preset or a new stream holds is a
/// field of its kind, and every field of its kind has a value.
#[test]
fn every_key_a_stream_holds_is_one_of_its_fields() {
    use honest_income::scenario::delayed::{StreamDraft, StreamType, EFFORT_FIELDS};
    use honest_income::scenario::delayed_presets::DELAYED_PRESETS;
    let mut streams: Vec<StreamDraft> = DELAYED_PRESETS
        .iter()
        .flat_map(|p| (p.build)().streams)
        .collect();
    for kind in [
        StreamType::Blog,
        StreamType::Product,
        StreamType::Subscription,
    ] {
        streams.push(StreamDraft::new(0, kind));
    }
    for s in &streams {
        let fields: Vec<_> = s.kind.fields().iter().chain(EFFORT_FIELDS).collect();
        for (part, map) in [("value", &s.values), ("low", &s.low), ("high", &s.high)] {
            for key in map.keys() {
                let field = fields.iter().find(|f| f.key == key.as_str());
                assert!(field.is_some(), "{}: {part} of unknown field {key}", s.name);
                if part != "value" {
                    assert!(field.unwrap().uncertain, "{}: {key} has no range", s.name);
                }
            }
        }
        for field in &fields {
            assert!(
                s.values.contains_key(field.key),
                "{}: no value for {}",
                s.name,
                field.key
            );
        }
    }
}
