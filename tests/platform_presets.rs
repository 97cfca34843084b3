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
fn every_pair_of_payhip_plans_crosses_where_worked_by_hand() {
    use honest_income::engine::compare::plan_crossovers;
    let found = plan_crossovers(&inputs(2700, 4.0));
    let pair = |low: &str, high: &str| {
        found
            .iter()
            .find(|x| x.cheaper.id == low && x.pricier.id == high)
            .unwrap_or_else(|| panic!("{low} against {high}"))
    };
    // Plus saves 3 % of $27 (81 cents) a sale for $29 a month: 35.8 sales tie, so from 36.
    let plus = pair("payhip-free", "payhip-plus");
    assert_eq!(plus.from_charges, Some(36));
    assert!((plus.from_revenue.unwrap() - 36.0 * 2700.0).abs() < 1e-9);
    // Pro against Plus: 2 % (54 cents) a sale for $70 more: 129.6, so from 130 sales.
    assert_eq!(pair("payhip-plus", "payhip-pro").from_charges, Some(130));
    // Pro against Free: 5 % ($1.35) for $99: 73.3, so from 74.
    assert_eq!(pair("payhip-free", "payhip-pro").from_charges, Some(74));
    // "From N" is true at N and not at N - 1.
    for x in found.iter().filter(|x| x.cheaper.family == "payhip") {
        let n = x.from_charges.unwrap() as f64;
        let net = |p: &honest_income::engine::presets::Preset, charges: f64| {
            honest_income::engine::compare::net_by_volume(
                &inputs(2700, 4.0),
                &p.fee_layers(honest_income::engine::money::Currency::Usd),
                &[charges],
            )[0]
        };
        assert!(
            net(x.pricier, n) > net(x.cheaper, n),
            "{} at {n}",
            x.pricier.id
        );
        assert!(
            net(x.pricier, n - 1.0) <= net(x.cheaper, n - 1.0),
            "{} at {}",
            x.pricier.id,
            n - 1.0
        );
    }
    // Only plans of one platform are paired.
    assert!(found.iter().all(|x| x.cheaper.family == x.pricier.family));
}

#[test]
fn net_by_volume_is_linear_with_the_plan_fee_as_intercept() {
    let i = inputs(2700, 4.0);
    let layers = preset("payhip-plus").unwrap().fee_layers(Currency::Usd);
    let nets = net_by_volume(&i, &layers, &[0.0, 10.0, 20.0]);
    assert_eq!(nets[0], -2900.0);
    assert!(((nets[2] - nets[1]) - (nets[1] - nets[0])).abs() < 1e-9);
}

#[test]
fn each_platform_says_what_it_does_for_the_seller() {
    use honest_income::engine::presets::{oldest_as_of, Tax};
    let stripe = preset("stripe").unwrap();
    assert_eq!(
        stripe.seller.sentence(),
        "Takes the payment only: no storefront, no delivery of the product; leaves sales tax and VAT to you."
    );
    let gumroad = preset("gumroad").unwrap();
    assert_eq!(gumroad.seller.tax, Tax::MerchantOfRecord);
    assert!(gumroad.seller.sentence().contains("merchant of record"));
    // The flag the fee layers follow and the seller facts agree on every preset.
    for p in PRESETS {
        assert_eq!(
            p.merchant_of_record,
            p.seller.tax == Tax::MerchantOfRecord,
            "{}",
            p.id
        );
    }
    assert_eq!(oldest_as_of(), "2024-07");
    assert_eq!(stripe.as_of, oldest_as_of());
}

#[test]
fn gumroad_offers_its_other_reading_and_the_nets_differ_by_card_processing() {
    use honest_income::engine::pricing::calculate;
    let gumroad = preset("gumroad").unwrap();
    let other = gumroad
        .other_reading
        .expect("sources disagree on Gumroad's fee");
    let mut published = inputs(2700, 10.0);
    published.layers = gumroad.fee_layers(Currency::Usd);
    let mut on_top = published.clone();
    on_top.layers = other.fee_layers(Currency::Usd);
    // $27: 27 - 2.70 - 0.50 = 23.80; card on top takes 0.783 + 0.30 more = 22.72 (rounded).
    assert_eq!(calculate(&published).sale.net, 2380);
    assert_eq!(calculate(&on_top).sale.net, 2272);
    // No other preset claims a disputed fee.
    assert_eq!(
        PRESETS.iter().filter(|p| p.other_reading.is_some()).count(),
        2
    );
}

#[test]
fn the_other_reading_is_kept_across_currencies_and_ranked_as_chosen() {
    use honest_income::engine::compare::compare_presets_reading;
    use honest_income::scenario::pricing::{reading_layers, ProductDraft};
    let gumroad = preset("gumroad").unwrap();
    let reading = gumroad.other_reading.unwrap();
    let mut d = ProductDraft::new(1, false, Currency::Usd);
    d.choose_platform("gumroad");
    d.layers = reading_layers(&reading, Currency::Usd);
    assert!(d.layers_unedited() && d.layers_match_other_reading());
    // Yen, then euros: the reading's fixed fees are converted each time, never read as typed.
    d.change_currency(Currency::Jpy);
    assert_eq!(d.layers, reading_layers(&reading, Currency::Jpy));
    d.change_currency(Currency::Eur);
    assert_eq!(d.layers, reading_layers(&reading, Currency::Eur));
    assert!(d.layers_match_other_reading());
    // Platforms compared shows the user's row under the reading chosen: $22.72, not $23.80.
    let rows = compare_presets_reading(&inputs(2700, 10.0), Some("gumroad"));
    let row = rows.iter().find(|o| o.preset.id == "gumroad").unwrap();
    assert_eq!((row.net_per_sale, row.reading), (2272, Some(reading.label)));
    let plain = rows
        .iter()
        .find(|o| o.preset.id == "gumroad-discover")
        .unwrap();
    assert_eq!(
        plain.reading, None,
        "only the chosen platform's row changes"
    );
}
