//! The presets carry their sources, and the comparison ranks them and finds plan crossovers.
#![cfg(not(target_arch = "wasm32"))]

use honest_income::engine::compare::{compare_presets, net_by_volume};
use honest_income::engine::fees::ProductKind;
use honest_income::engine::money::{Currency, Rate};
use honest_income::engine::presets::{preset, PRESETS};
use honest_income::engine::pricing::PricingInputs;
use std::collections::HashSet;

fn inputs(price: i64, volume: f64) -> PricingInputs {
    PricingInputs {
        currency: Currency::Usd,
        kind: ProductKind::OneTime,
        price,
        layers: preset("gumroad").unwrap().fee_layers(Currency::Usd),
        discount: Rate::ZERO,
        affiliate: Rate::ZERO,
        refund: Rate::ZERO,
        tax: Rate::ZERO,
        volume,
        churn: Rate::from_ppm(50_000),
        target_per_sale: 2500,
        target_per_month: 50_000,
    }
}

#[test]
fn every_preset_is_documented_and_unique() {
    let required = [
        "stripe",
        "paypal",
        "gumroad",
        "gumroad-discover",
        "lemon-squeezy",
        "payhip-free",
        "payhip-plus",
        "payhip-pro",
        "etsy-digital",
        "kofi-free",
        "patreon",
        "substack",
        "teachable-starter",
        "kajabi",
        "kdp-70",
        "kdp-35",
        "app-store-15",
        "app-store-30",
    ];
    for id in required {
        assert!(preset(id).is_some(), "missing preset {id}");
    }
    let mut ids = HashSet::new();
    for p in PRESETS {
        assert!(ids.insert(p.id), "duplicate id {}", p.id);
        assert!(
            p.source.starts_with("https://"),
            "{} has no source link",
            p.id
        );
        assert!(p.as_of.starts_with("202"), "{} has no as-of date", p.id);
        assert!(
            !p.formula.is_empty() && !p.layers.is_empty(),
            "{} has no fees",
            p.id
        );
    }
}

#[test]
fn comparison_is_sorted_best_first_and_includes_every_preset() {
    let rows = compare_presets(&inputs(2700, 4.0));
    assert_eq!(rows.len(), PRESETS.len());
    assert!(rows
        .windows(2)
        .all(|w| w[0].monthly_net >= w[1].monthly_net));
    assert_eq!(rows[0].preset.id, "stripe");
    let gumroad = rows.iter().find(|r| r.preset.id == "gumroad").unwrap();
    assert_eq!(gumroad.net_per_sale, 2380);
    assert!((gumroad.monthly_net - 4.0 * 2380.0).abs() < 1e-9);
}

#[test]
fn payhip_plus_beats_free_near_967_dollars_of_sales() {
    let rows = compare_presets(&inputs(2700, 4.0));
    let plus = rows.iter().find(|r| r.preset.id == "payhip-plus").unwrap();
    let crossover = plus
        .beats_free_plan
        .as_ref()
        .expect("Plus has a free sibling");
    assert_eq!(crossover.free_plan.id, "payhip-free");
    // 3 % of each $27 sale saved (81 cents): $29 / $0.81 = 35.8 sales, $966.67 of sales.
    let sales = crossover.above_charges.unwrap();
    assert!((sales - 2900.0 / 81.0).abs() < 1e-9, "{sales}");
    assert!((crossover.above_revenue.unwrap() / 100.0 - 966.67).abs() < 0.01);
    // Free plans have no crossover of their own.
    let free = rows.iter().find(|r| r.preset.id == "payhip-free").unwrap();
    assert!(free.beats_free_plan.is_none());
}

#[test]
fn net_by_volume_is_linear_with_the_plan_fee_as_intercept() {
    let i = inputs(2700, 4.0);
    let layers = preset("payhip-plus").unwrap().fee_layers(Currency::Usd);
    let nets = net_by_volume(&i, &layers, &[0.0, 10.0, 20.0]);
    assert_eq!(nets[0], -2900.0);
    assert!(((nets[2] - nets[1]) - (nets[1] - nets[0])).abs() < 1e-9);
}
