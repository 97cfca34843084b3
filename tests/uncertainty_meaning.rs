//! What the honest range says, checked against answers worked from the triangular distribution:
//! the chance is for the month named (past the horizon too), "reaching" needs 3 months running,
//! the target line stands for income, and the median is told apart from the plan's projection.
#![cfg(not(target_arch = "wasm32"))]

use honest_income::engine::delayed::monte_carlo::{
    run, Range, StreamRanges, Uncertainty, SUSTAINED_MONTHS,
};
use honest_income::engine::delayed::{
    project, Effort, NewMembers, Plan, Product, SalesCurve, Stream, StreamKind, Subscription,
};
use honest_income::scenario::delayed::DelayedField;
use honest_income::scenario::Scenario;

const PATHS: u32 = 20_000;
/// Members a month: low 1, typed 2, high 5 (a lopsided range).
const LOW: f64 = 1.0;
const MODE: f64 = 2.0;
const HIGH: f64 = 5.0;
/// $10 a member a month, no churn: month m earns members_a_month * m * $10.
const PRICE: f64 = 1000.0;

/// The triangular distribution's CDF.
fn triangular_cdf(x: f64, a: f64, c: f64, b: f64) -> f64 {
    if x <= a {
        0.0
    } else if x <= c {
        (x - a).powi(2) / ((b - a) * (c - a))
    } else if x < b {
        1.0 - (b - x).powi(2) / ((b - a) * (b - c))
    } else {
        1.0
    }
}

fn membership(horizon: u32, target: f64, monthly_costs: f64) -> Plan {
    Plan {
        streams: vec![Stream {
            name: "Membership".into(),
            kind: StreamKind::Subscription(Subscription {
                start_month: 1,
                new_members: NewMembers::Constant(MODE),
                churn: 0.0,
                net_price: PRICE,
            }),
            effort: Effort::default(),
        }],
        monthly_costs,
        upfront_cash: 0.0,
        upfront_hours: 0.0,
        hourly_value: 0.0,
        horizon,
        target,
    }
}

fn ranged(target_by_month: u32) -> Uncertainty {
    Uncertainty {
        ranges: vec![StreamRanges {
            members: Some(Range {
                low: LOW,
                high: HIGH,
            }),
            ..StreamRanges::default()
        }],
        paths: PATHS,
        seed: 42,
        target_by_month,
    }
}

/// Income grows every month, so 3 months running at or above the target, the third by month
/// N, means month N - 2 reaches it: members a month * (N - 2) * price >= target + costs.
fn expected_chance(target_plus_costs: f64, by: u32) -> f64 {
    let needed = target_plus_costs / (f64::from(by - (SUSTAINED_MONTHS - 1)) * PRICE);
    1.0 - triangular_cdf(needed, LOW, MODE, HIGH)
}

#[track_caller]
fn within_sampling_error(actual: f64, expected: f64) {
    let sd = (expected * (1.0 - expected) / f64::from(PATHS))
        .sqrt()
        .max(1e-4);
    assert!(
        (actual - expected).abs() <= 4.0 * sd,
        "{actual} against {expected} (4 sd = {})",
        4.0 * sd
    );
}

#[test]
fn the_chance_is_for_the_month_named_even_past_the_horizon() {
    let plan = membership(12, 30_000.0, 0.0);
    let by_12 = run(&plan, &ranged(12)).target_probability;
    let by_24 = run(&plan, &ranged(24)).target_probability;
    within_sampling_error(by_12, expected_chance(30_000.0, 12)); // 1/3
    within_sampling_error(by_24, expected_chance(30_000.0, 24)); // about 0.967
    assert!(
        by_24 > by_12 + 0.5,
        "month 24 is not cut off at the 12-month horizon"
    );
    // The band still covers the horizon only.
    assert_eq!(run(&plan, &ranged(24)).income.p50.len(), 12);
}

#[test]
fn a_target_of_net_is_reached_by_income_that_covers_the_costs_too() {
    // $300 of net with $200 of monthly costs needs $500 of income.
    let plan = membership(12, 30_000.0, 20_000.0);
    assert_eq!(plan.income_that_nets_target(), 50_000.0);
    within_sampling_error(
        run(&plan, &ranged(12)).target_probability,
        expected_chance(50_000.0, 12),
    );
}

#[test]
fn a_launch_spike_that_passes_the_target_once_does_not_reach_it() {
    // 100 sales at $10 in the launch month, then 10 a month: $1,000 once, then $100.
    let spike = Product {
        launch_month: 1,
        sales: SalesCurve::Launch {
            launch: 100.0,
            baseline: 10.0,
            half_life: 0.0,
        },
        per_thousand_visitors: 0.0,
        net_per_sale: 1000.0,
    };
    let mut plan = membership(12, 30_000.0, 0.0);
    plan.streams[0].kind = StreamKind::Product(spike);
    let projection = project(&plan);
    assert!(projection.months[0].net >= plan.target && projection.months[1].net < plan.target);
    let quiet = Uncertainty {
        ranges: vec![StreamRanges::default()],
        ..ranged(12)
    };
    assert_eq!(run(&plan, &quiet).target_probability, 0.0);
    // Held for 3 months it counts: a steady $400 a month from month 1.
    plan.streams[0].kind = StreamKind::Product(Product {
        sales: SalesCurve::Constant { per_month: 40.0 },
        ..match &plan.streams[0].kind {
            StreamKind::Product(p) => p.clone(),
            _ => unreachable!(),
        }
    });
    assert_eq!(
        run(
            &plan,
            &Uncertainty {
                target_by_month: 3,
                ..quiet.clone()
            }
        )
        .target_probability,
        1.0
    );
}

#[test]
fn the_median_differs_from_the_plan_by_the_lopsided_range_as_worked_by_hand() {
    let plan = membership(12, 30_000.0, 0.0);
    let projection = project(&plan);
    let mc = run(&plan, &ranged(12));
    // The plan uses the typed 2 members a month; the median draw of triangular(1, 2, 5) is
    // 5 - sqrt(4 * 3 / 2), about 2.55, since its mode lies below the range's middle.
    let median_members = HIGH - ((HIGH - LOW) * (HIGH - MODE) / 2.0).sqrt();
    assert_eq!(projection.months[11].total, MODE * 12.0 * PRICE);
    let expected = median_members * 12.0 * PRICE;
    assert!(
        (mc.income.p50[11] - expected).abs() < 500.0,
        "median {} against {expected}",
        mc.income.p50[11]
    );
    assert!(mc.income.p50[11] > projection.months[11].total + 5_000.0);
}

#[test]
fn month_zero_one_and_two_are_refused_with_a_sentence() {
    let mut s = Scenario::default();
    s.delayed.uncertainty = true;
    for (typed, refused) in [("0", true), ("2", true), ("3", false), ("24", false)] {
        s.delayed.target_by = typed.into();
        let errors = s.delayed.inputs(&s.delayed_from_the_plan()).err();
        let says = errors
            .as_ref()
            .and_then(|e| e.iter().find(|(f, _)| *f == DelayedField::TargetBy))
            .map(|(_, e)| e.to_string());
        assert_eq!(says.is_some(), refused, "{typed}: {says:?}");
        if refused {
            assert!(
                says.unwrap().contains('3'),
                "the sentence names the least month"
            );
        }
    }
}
