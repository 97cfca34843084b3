//! Delayed income counts what Break-even counts: a product stream on Break-even's plan is the
//! same sales model, the same build hours and cash, the same costs and the same value of an
//! hour, so the two calculators' cumulative figures and pay-back months agree.
#![cfg(not(target_arch = "wasm32"))]

use honest_income::engine::break_even::{break_even, BreakEven};
use honest_income::engine::delayed::{project, Projection};
use honest_income::scenario::delayed::Part;
use honest_income::scenario::{CurveKind, Scenario};
use proptest::prelude::*;

/// The default plan with the workshop as its only stream, launching in `launch` after
/// `build_months` of building, on Break-even's plan.
fn workshop_only(mut s: Scenario, launch: u32, build_months: u32) -> Scenario {
    s.delayed.streams.retain(|st| st.name == "$27 workshop");
    let w = &mut s.delayed.streams[0];
    assert!(
        w.follow_break_even,
        "the default workshop sells on Break-even's plan"
    );
    w.set_text(Part::Value, "launch_month", launch.to_string());
    w.set_text(Part::Value, "build_months", build_months.to_string());
    s.delayed.horizon = s.break_even.horizon.clone();
    s
}

fn both(s: &Scenario) -> (BreakEven, Projection) {
    let be = break_even(&s.break_even_inputs().expect("Break-even is valid"));
    let plan = s
        .delayed
        .inputs(&s.delayed_from_the_plan())
        .expect("Delayed income is valid")
        .plan;
    (be, project(&plan))
}

#[track_caller]
fn close(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= 1e-6 * (1.0 + b.abs()),
        "{what}: {a} != {b}"
    );
}

#[test]
fn launching_in_month_1_the_two_calculators_agree_month_by_month() {
    let s = workshop_only(Scenario::default(), 1, 0);
    let (be, p) = both(&s);
    assert_eq!(be.months.len(), p.months.len());
    for (b, d) in be.months.iter().zip(&p.months) {
        close(
            d.cumulative,
            b.cumulative_cash,
            &format!("cash, month {}", b.month),
        );
        close(
            d.cumulative_valued,
            b.cumulative_valued,
            &format!("time-valued, month {}", b.month),
        );
        close(
            d.cumulative_hours,
            b.cumulative_hours,
            &format!("hours, month {}", b.month),
        );
    }
    let m = p.milestones(0.0);
    assert_eq!(m.cumulative_positive, be.month_cash.clone().ok());
    assert_eq!(m.pays_back_valued, be.month_valued.clone().ok());
    // Month 1 starts from the upfront cash, as Break-even's month 0 does.
    close(
        p.months[0].cumulative + 15_000.0,
        p.months[0].net,
        "upfront cash",
    );
}

#[test]
fn launching_later_the_build_moves_before_the_launch_and_costs_run_from_month_1() {
    let s = workshop_only(Scenario::default(), 4, 2);
    let (be, p) = both(&s);
    let costs = s.monthly_costs() as f64;
    // Months 2 and 3 are the build (40 h in two halves), month 4 Break-even's month 1.
    assert_eq!(
        [p.months[0].hours, p.months[1].hours, p.months[2].hours],
        [0.0, 20.0, 20.0]
    );
    for (b, d) in be.months.iter().zip(&p.months[3..]) {
        close(
            d.cumulative + 3.0 * costs,
            b.cumulative_cash,
            &format!("cash, month {}", b.month),
        );
        close(
            d.cumulative_hours,
            b.cumulative_hours,
            &format!("hours, month {}", b.month),
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_break_even_plan_agrees(
        build in 0u32..400, cash in 0u32..5_000, hourly in 0u32..200, upkeep in 0u32..40,
        costs in 0u32..500, variable in 0u32..10, curve in 0usize..3,
        launch in 0u32..60, baseline in 0u32..30, half_life in 0u32..40, horizon in 1u32..60,
    ) {
        let mut s = Scenario::default();
        let b = &mut s.break_even;
        b.build_hours = build.to_string();
        b.upfront_cash = cash.to_string();
        b.hourly_value = hourly.to_string();
        b.upkeep_hours = upkeep.to_string();
        b.costs.truncate(1);
        b.costs[0].amount = costs.to_string();
        b.variable_cost = variable.to_string();
        b.curve = [CurveKind::Constant, CurveKind::Growth, CurveKind::Launch][curve];
        b.per_month = baseline.to_string();
        b.start = launch.to_string();
        b.launch = launch.to_string();
        b.baseline = baseline.to_string();
        b.half_life = format!("{}", f64::from(half_life) / 10.0);
        b.horizon = horizon.to_string();
        let s = workshop_only(s, 1, 0);
        let (be, p) = both(&s);
        for (b, d) in be.months.iter().zip(&p.months) {
            prop_assert!((d.cumulative - b.cumulative_cash).abs() <= 1e-6 * (1.0 + b.cumulative_cash.abs()));
            prop_assert!((d.cumulative_valued - b.cumulative_valued).abs() <= 1e-6 * (1.0 + b.cumulative_valued.abs()));
        }
    }
}
