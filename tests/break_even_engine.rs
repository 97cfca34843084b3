//! The Break-even engine: units, months and hours against hand-computed figures and edge cases.
#![cfg(not(target_arch = "wasm32"))]

use honest_income::engine::break_even::{
    break_even, BreakEvenInputs, NoBreakEven, SalesCurve, MAX_HORIZON,
};
use honest_income::engine::money::Currency;

/// $27 workshop netting $23.80, 20 build hours at $50/h, $100 of cash, $45 a month, 2 h upkeep.
fn plan() -> BreakEvenInputs {
    BreakEvenInputs {
        currency: Currency::Usd,
        build_hours: 20.0,
        hourly_value: 5000,
        upfront_cash: 10_000,
        count_time: true,
        monthly_costs: 4500,
        upkeep_hours: 2.0,
        net_per_sale: 2380,
        variable_cost: 0,
        curve: SalesCurve::Constant { per_month: 10.0 },
        horizon: 24,
        fixed_months: 12,
    }
}

#[track_caller]
fn expect_never(result: &Result<u32, NoBreakEven>, sentence_part: &str) {
    let err = result.as_ref().expect_err("expected no break-even");
    let sentence = err.to_string();
    assert!(
        sentence.contains(sentence_part),
        "{sentence:?} should mention {sentence_part:?}"
    );
}

#[test]
fn units_round_up_and_count_time_when_asked() {
    let mut p = plan();
    // Time-valued upfront: $100 + 20 h x $50 = $1,100; / $23.80 = 46.2 -> 47 sales.
    let r = break_even(&p);
    assert_eq!(r.contribution_per_sale, 2380);
    assert_eq!(r.units_upfront, Ok(47));
    // Plus 12 months of ($45 + 2 h x $50) = $1,740 more: $2,840 / $23.80 = 119.3 -> 120.
    assert_eq!(r.units_with_fixed, Ok(120));
    // Cash view: $100 / $23.80 = 4.2 -> 5; with 12 months of $45: $640 / $23.80 = 26.9 -> 27.
    p.count_time = false;
    let r = break_even(&p);
    assert_eq!(r.units_upfront, Ok(5));
    assert_eq!(r.units_with_fixed, Ok(27));
}

#[test]
fn exact_division_does_not_round_up() {
    let mut p = plan();
    p.count_time = false;
    p.upfront_cash = 2380 * 3;
    assert_eq!(break_even(&p).units_upfront, Ok(3));
}

#[test]
fn months_on_a_constant_curve_in_both_views() {
    let r = break_even(&plan());
    // Cash: -100 + m x (238 - 45) >= 0 -> m = 1 (193 >= 100).
    assert_eq!(r.month_cash, Ok(1));
    // Valued: -1,100 + m x (238 - 145) >= 0 -> m >= 11.8 -> 12.
    assert_eq!(r.month_valued, Ok(12));
    assert_eq!(r.first_month_contribution, 23_800.0);
    assert_eq!(r.first_month_result, 23_800.0 - 4_500.0);
    assert_eq!(r.months.len(), 24);
}

#[test]
fn the_unit_answer_and_the_month_answer_agree_on_a_constant_curve() {
    for (per_month, upfront, monthly) in [
        (10.0, 110_000, 0),
        (3.0, 50_000, 0),
        (7.5, 99_999, 1000),
        (1.0, 2380, 0),
    ] {
        let mut p = plan();
        p.count_time = false;
        p.upfront_cash = upfront;
        p.monthly_costs = monthly;
        p.curve = SalesCurve::Constant { per_month };
        p.horizon = MAX_HORIZON;
        let r = break_even(&p);
        let per_month_net = per_month * 2380.0 - monthly as f64;
        let expected = (upfront as f64 / per_month_net - 1e-9).ceil() as u32;
        assert_eq!(r.month_cash, Ok(expected.max(1)), "{per_month} a month");
        if monthly == 0 {
            let units = r.units_upfront.clone().unwrap() as f64;
            assert_eq!(
                expected,
                (units / per_month - 1e-9).ceil() as u32,
                "units {units}"
            );
        }
    }
}

#[test]
fn breaks_even_in_exactly_month_one() {
    let mut p = plan();
    p.count_time = false;
    p.monthly_costs = 0;
    p.upfront_cash = 23_800;
    let r = break_even(&p);
    assert_eq!(r.month_cash, Ok(1));
    assert_eq!(r.units_upfront, Ok(10));
    assert_eq!(r.months[0].cumulative_cash, 0.0);
}

#[test]
fn horizons_of_one_and_one_hundred_twenty_months() {
    let mut p = plan();
    p.horizon = 1;
    let r = break_even(&p);
    assert_eq!(r.months.len(), 1);
    assert_eq!(r.hourly.iter().map(|h| h.month).collect::<Vec<_>>(), [1]);
    expect_never(&r.month_valued, "within 1 months");
    p.horizon = 120;
    let r = break_even(&p);
    assert_eq!(r.months.len(), 120);
    assert_eq!(
        r.hourly.iter().map(|h| h.month).collect::<Vec<_>>(),
        [3, 6, 12, 24, 120]
    );
    p.horizon = 500;
    assert_eq!(break_even(&p).months.len(), 120, "clamped to the maximum");
}

#[test]
fn degenerate_plans_get_sentences() {
    let mut p = plan();
    p.variable_cost = 2500;
    let r = break_even(&p);
    expect_never(
        &r.month_cash,
        "Each sale loses $1.20 after its costs, so more sales lose more",
    );
    assert!(r
        .units_upfront
        .unwrap_err()
        .to_string()
        .contains("loses $1.20"));

    let mut p = plan();
    p.variable_cost = 2380;
    let r = break_even(&p);
    expect_never(&r.month_cash, "leaves nothing");

    let mut p = plan();
    p.curve = SalesCurve::Constant { per_month: 0.0 };
    expect_never(&break_even(&p).month_cash, "No sales, no break-even.");

    let mut p = plan();
    p.count_time = false;
    p.net_per_sale = 380;
    p.curve = SalesCurve::Constant { per_month: 10.0 };
    expect_never(
        &break_even(&p).month_cash,
        "Monthly costs ($45.00) are more than the monthly contribution ($38.00): it never breaks even.",
    );

    for row in break_even(&p).months {
        assert!(row.cumulative_cash.is_finite() && row.cumulative_valued.is_finite());
    }
}

#[test]
fn effective_hourly_rate_and_when_it_beats_your_rate() {
    let mut p = plan();
    p.hourly_value = 2000;
    let r = break_even(&p);
    // Month 3: cash -100 + 3 x 193 = $479 over 26 h = $18.42/h.
    let m3 = r
        .hourly
        .iter()
        .find(|h| h.month == 3)
        .unwrap()
        .rate
        .unwrap();
    assert!((m3 - 47_900.0 / 26.0).abs() < 1e-6, "{m3}");
    // First month with (193 m - 100) / (20 + 2 m) >= 20: 153 m >= 500 -> m = 4.
    assert_eq!(r.beats_hourly_value, Some(4));
    p.hourly_value = 100_000;
    assert_eq!(break_even(&p).beats_hourly_value, None);
    // No hours at all: no rate rather than a division by zero.
    p.build_hours = 0.0;
    p.upkeep_hours = 0.0;
    assert!(break_even(&p).hourly.iter().all(|h| h.rate.is_none()));
}

#[test]
fn curves() {
    let growth = SalesCurve::Growth {
        start: 2.0,
        growth: 0.5,
        ceiling: 5.0,
    };
    let sales: Vec<f64> = (1..=5).map(|m| growth.sales_in(m)).collect();
    assert_eq!(sales, [2.0, 3.0, 4.5, 5.0, 5.0]);
    let launch = SalesCurve::Launch {
        launch: 12.0,
        baseline: 4.0,
        half_life: 1.0,
    };
    let sales: Vec<f64> = (1..=4).map(|m| launch.sales_in(m)).collect();
    assert_eq!(sales, [12.0, 8.0, 6.0, 5.0]);
    let instant = SalesCurve::Launch {
        launch: 12.0,
        baseline: 4.0,
        half_life: 0.0,
    };
    assert_eq!((instant.sales_in(1), instant.sales_in(2)), (12.0, 4.0));
    assert_eq!(launch.long_run(), 4.0);
    assert_eq!(growth.long_run(), 5.0);
}

#[test]
fn a_growing_plan_that_pays_back_later_is_not_called_never() {
    let mut p = plan();
    p.count_time = false;
    p.curve = SalesCurve::Growth {
        start: 0.1,
        growth: 0.05,
        ceiling: 100.0,
    };
    p.horizon = 12;
    expect_never(&break_even(&p).month_cash, "within 12 months");
}

#[test]
fn the_verdict_reads_plainly() {
    use honest_income::format::verdict;
    let p = plan();
    let r = break_even(&p);
    assert_eq!(
        verdict(&p, &r),
        "Pays back in month 12 counting your time (month 1 in cash alone). By month 24, your hours earned $66.65/h against your $50.00/h."
    );
    let mut p = plan();
    p.count_time = false;
    p.net_per_sale = 380;
    let r = break_even(&p);
    assert!(verdict(&p, &r).starts_with("Monthly costs ($45.00) are more than the monthly contribution ($38.00): it never breaks even. By month 24, your 68 hours have earned nothing yet: -$268.00 in total."), "{}", verdict(&p, &r));
}

#[test]
fn the_time_valued_view_names_upkeep_in_its_sentence() {
    let mut p = plan();
    p.curve = SalesCurve::Constant { per_month: 4.0 };
    let r = break_even(&p);
    // $95.20 a month against $45 + 2 h x $50 = $145.
    expect_never(
        &r.month_valued,
        "Monthly costs with your upkeep hours ($145.00) are more than the monthly contribution ($95.20)",
    );
    assert!(r.month_cash.is_ok());
}

#[test]
fn month_one_in_both_views_comes_from_the_engine() {
    let mut p = plan();
    p.upkeep_hours = 3.0;
    let r = break_even(&p);
    assert_eq!(p.upkeep_value(), 3.0 * p.hourly_value as f64);
    assert_eq!(
        r.first_month_result_valued,
        r.first_month_result - p.upkeep_value()
    );
    assert_eq!(
        r.first_month_result,
        r.first_month_contribution - p.monthly_costs as f64
    );
}
