//! Amounts formatted for each currency, and the other number formats people read.
#![cfg(not(target_arch = "wasm32"))]

use honest_income::engine::money::{Currency, Money, Rate};
use honest_income::format::{count, money_compact, money_estimate, months};

#[track_caller]
fn expect_money(minor: i64, currency: Currency, text: &str) {
    assert_eq!(Money::new(minor, currency).to_string(), text);
}

#[test]
fn money_in_every_currency() {
    expect_money(2380, Currency::Usd, "$23.80");
    expect_money(-40, Currency::Usd, "-$0.40");
    expect_money(123_456_789, Currency::Usd, "$1,234,567.89");
    expect_money(2700, Currency::Eur, "€27.00");
    expect_money(5, Currency::Gbp, "£0.05");
    expect_money(99_900, Currency::Cad, "CA$999.00");
    expect_money(1_000_000, Currency::Aud, "A$10,000.00");
    expect_money(123_456_700, Currency::Inr, "₹12,34,567.00");
    expect_money(99_900, Currency::Inr, "₹999.00");
    expect_money(2700, Currency::Jpy, "¥2,700");
    expect_money(-1_000_000, Currency::Jpy, "-¥1,000,000");
    expect_money(0, Currency::Usd, "$0.00");
}

#[test]
fn rates_read_as_percentages() {
    assert_eq!(Rate::from_ppm(29_000).to_string(), "2.9 %");
    assert_eq!(Rate::from_ppm(100_000).to_string(), "10 %");
    assert_eq!(Rate::from_ppm(118_519).to_string(), "11.85 %");
    assert_eq!(Rate::from_ppm(3_500).to_string(), "0.35 %");
}

#[test]
fn estimates_counts_and_months() {
    assert_eq!(money_estimate(6896.8, Currency::Usd), "$68.97");
    assert_eq!(money_estimate(f64::NAN, Currency::Usd), "$0.00");
    // The engine never produces these; if it did, no "NaN" or "inf" would reach the page.
    assert_eq!(money_estimate(f64::INFINITY, Currency::Usd), "$0.00");
    assert_eq!(count(3.5), "3.5");
    assert_eq!(count(400.0), "400");
    assert_eq!(count(12_345.6), "12,346");
    assert_eq!(count(f64::NAN), "-");
    assert_eq!(months(1), "1 month");
    assert_eq!(months(45), "45 months");
    assert_eq!(months(230), "about 19 years");
    assert_eq!(months(u64::MAX), "more than 1,000 years");
    assert_eq!(money_compact(95_000.0, Currency::Usd), "$950");
    assert_eq!(money_compact(1_250_000.0, Currency::Usd), "$12.5k");
    assert_eq!(money_compact(-340_000_000.0, Currency::Usd), "-$3.4M");
    assert_eq!(money_compact(120_000.0, Currency::Jpy), "¥120k");
}

#[test]
fn usd_presets_convert_to_other_currencies() {
    assert_eq!(Currency::Usd.from_usd_cents(30), 30);
    assert_eq!(Currency::Jpy.from_usd_cents(30), 44);
    assert_eq!(Currency::Eur.from_usd_cents(30), 26);
    for c in Currency::ALL {
        assert_eq!(Currency::from_code(c.code()), Some(c));
    }
}
