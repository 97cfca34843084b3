//! The Break-even draft as typed: defaults, the chosen curve's fields, and the net from Pricing.
#![cfg(not(target_arch = "wasm32"))]

use honest_income::engine::break_even::{break_even, SalesCurve};
use honest_income::engine::money::Currency;
use honest_income::scenario::{BreakEvenDraft, BreakEvenField as F, CurveKind, Scenario};

#[test]
fn defaults_are_valid_and_use_the_pricing_net() {
    let draft = BreakEvenDraft::default();
    let inputs = draft
        .inputs(Currency::Usd, Some(2299))
        .expect("defaults are valid");
    assert_eq!(inputs.net_per_sale, 2299);
    assert_eq!(inputs.monthly_costs, 3500);
    assert_eq!(inputs.horizon, 24);
    assert!(matches!(inputs.curve, SalesCurve::Launch { .. }));
    // The essays' honest point: with time counted, the default workshop does not pay back.
    assert!(break_even(&inputs).month_valued.is_err());
    assert!(break_even(&inputs).month_cash.is_ok());
}

#[test]
fn without_a_pricing_net_the_own_value_is_needed() {
    let mut draft = BreakEvenDraft::default();
    assert!(draft.inputs(Currency::Usd, None).is_err());
    draft.product = None;
    let inputs = draft.inputs(Currency::Usd, None).unwrap();
    assert_eq!(inputs.net_per_sale, 2380);
    draft.set_text(F::NetOverride, "-1".into());
    let errors = draft.inputs(Currency::Usd, None).unwrap_err();
    assert_eq!(errors[0].0, F::NetOverride);
}

#[test]
fn only_the_chosen_curve_is_validated() {
    let mut draft = BreakEvenDraft::default();
    draft.set_text(F::PerMonth, "abc".into());
    assert!(draft.inputs(Currency::Usd, Some(2000)).is_ok());
    draft.curve = CurveKind::Constant;
    let errors = draft.inputs(Currency::Usd, Some(2000)).unwrap_err();
    assert_eq!(
        errors.iter().map(|(f, _)| f.label()).collect::<Vec<_>>(),
        ["Sales per month"]
    );
    draft.set_text(F::PerMonth, "3.5".into());
    assert!(matches!(
        draft.inputs(Currency::Usd, Some(2000)).unwrap().curve,
        SalesCurve::Constant { per_month } if per_month == 3.5
    ));
    draft.curve = CurveKind::Growth;
    let inputs = draft.inputs(Currency::Usd, Some(2000)).unwrap();
    assert_eq!(
        inputs.curve,
        SalesCurve::Growth {
            start: 2.0,
            growth: 0.1,
            ceiling: 20.0
        }
    );
}

#[test]
fn bounds_and_sentences() {
    let mut draft = BreakEvenDraft::default();
    for (field, text, sentence) in [
        (F::Horizon, "0", "This needs to be at least 1."),
        (
            F::Horizon,
            "121",
            "That is more than this calculator handles (at most 120).",
        ),
        (F::Horizon, "12.5", "Enter a whole number, like 12."),
        (
            F::BuildHours,
            "inf",
            "That is not a number: use digits, like 27.50.",
        ),
        (F::CostAmount(0), "-5", "This can't be negative."),
        (
            F::Launch,
            "1e400",
            "Write the number out in full, like 1500, not 1.5e3.",
        ),
    ] {
        draft.set_text(field, text.into());
        let error = draft.field_error(field, Currency::Usd).expect(text);
        assert_eq!(error.to_string(), sentence, "{field:?} {text}");
        assert_eq!(draft.text(field), text);
    }
}

#[test]
fn cost_lines_sum_and_old_records_without_break_even_still_load() {
    let mut draft = BreakEvenDraft::default();
    draft.costs.truncate(1);
    assert_eq!(
        draft.inputs(Currency::Usd, Some(1)).unwrap().monthly_costs,
        1500
    );
    draft.costs.clear();
    assert_eq!(
        draft.inputs(Currency::Usd, Some(1)).unwrap().monthly_costs,
        0
    );
    let older: Scenario =
        serde_json::from_str(r#"{"version":1,"products":[{"price":"30"}]}"#).unwrap();
    assert_eq!(older.products[0].price, "30");
    assert_eq!(older.break_even, BreakEvenDraft::default());
}
