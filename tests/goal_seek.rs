//! What must be true: goal seek on the Delayed-income engine, against cases worked by hand.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/delayed_fixture.rs"]
mod delayed_fixture;

use delayed_fixture::{affiliate_blog, one_stream_plan as plan};
use honest_income::engine::delayed::goal::{
    boundary, input_value, solve, Answer, Goal, Input, Needs, Seek,
};
use honest_income::engine::delayed::{
    NewMembers, Plan, Product, SalesCurve, StreamKind, Subscription,
};

/// 10 sales a month from month 1 at $20 net each.
fn ten_a_month() -> StreamKind {
    StreamKind::Product(Product {
        launch_month: 1,
        sales: SalesCurve::Constant { per_month: 10.0 },
        per_thousand_visitors: 0.0,
        net_per_sale: 2000.0,
    })
}

fn seek(goal: Goal, input: Input, low: f64, high: f64, tolerance: f64) -> Seek {
    Seek {
        goal,
        stream: 0,
        input,
        low,
        high,
        tolerance,
    }
}

/// Solves `input` for `goal` over `range` to `tolerance`, and checks the answer is `expected`
/// within that tolerance, on the `needs` side, found by bisection.
#[track_caller]
fn solves_to(
    p: &Plan,
    goal: Goal,
    input: Input,
    (low, high): (f64, f64),
    tolerance: f64,
    (expected, needs): (f64, Needs),
) {
    match solve(p, &seek(goal, input, low, high, tolerance)) {
        Answer::Value {
            value,
            needs: n,
            monotone,
        } => {
            assert!(
                (value - expected).abs() <= tolerance,
                "{value} is not {expected} within {tolerance}"
            );
            assert_eq!(n, needs);
            assert!(monotone, "a plan's net moves one way with this input");
        }
        other => panic!("expected a value, got {other:?}"),
    }
}

#[test]
fn sales_a_month_for_a_net_in_month_six() {
    // $50 of costs a month; $300 net in month 6 needs 20 s - 50 >= 300: 17.5 sales a month.
    let p = plan(ten_a_month(), 5000.0, 0.0);
    let goal = Goal::NetInMonth {
        month: 6,
        net: 30_000.0,
    };
    solves_to(
        &p,
        goal,
        Input::SalesPerMonth,
        (0.0, 100.0),
        0.001,
        (17.5, Needs::AtLeast),
    );
    // The same goal solved for the net per sale: 10 n - 5,000 >= 30,000 cents, n = $35.
    solves_to(
        &p,
        goal,
        Input::NetPerSale,
        (0.0, 100_000.0),
        1.0,
        (3500.0, Needs::AtLeast),
    );
}

#[test]
fn upkeep_hours_for_an_hourly_rate() {
    // $200 a month for 12 months is $2,400; at least $20 an hour allows 10 hours a month.
    let p = plan(ten_a_month(), 0.0, 4.0);
    let goal = Goal::HourlyRate {
        month: 12,
        rate: 2000.0,
    };
    solves_to(
        &p,
        goal,
        Input::UpkeepHours,
        (0.0, 744.0),
        0.01,
        (10.0, Needs::AtMost),
    );
}

#[test]
fn a_search_delay_is_a_most() {
    // Month 6 has posts aged 5, 4 and 3 months: all three rank only with a delay of 3 or less,
    // giving 6,000 visitors and $96; two cohorts give $64.
    let p = plan(affiliate_blog(1.0), 0.0, 0.0);
    let goal = Goal::NetInMonth {
        month: 6,
        net: 9000.0,
    };
    solves_to(
        &p,
        goal,
        Input::SearchDelay,
        (0.0, 12.0),
        0.01,
        (3.0, Needs::AtMost),
    );
}

#[test]
fn paying_back_counting_time() {
    // 40 hours upfront at $25 is $1,000; 10 sales of $20 a month pay it back in month 5, so by
    // month 4 it needs $250 a month: 12.5 sales.
    let mut p = plan(ten_a_month(), 0.0, 0.0);
    p.upfront_hours = 40.0;
    p.hourly_value = 2500.0;
    let goal = Goal::PaysBackCountingTime { month: 4 };
    solves_to(
        &p,
        goal,
        Input::SalesPerMonth,
        (0.0, 100.0),
        0.001,
        (12.5, Needs::AtLeast),
    );
    let by_five = seek(
        Goal::PaysBackCountingTime { month: 6 },
        Input::SalesPerMonth,
        10.0,
        100.0,
        0.001,
    );
    assert_eq!(solve(&p, &by_five), Answer::AlwaysReached);
}

#[test]
fn an_unreachable_goal_and_an_input_that_does_not_move_it() {
    let p = plan(ten_a_month(), 0.0, 0.0);
    let far = Goal::NetInMonth { month: 6, net: 1e9 };
    assert_eq!(
        solve(&p, &seek(far, Input::SalesPerMonth, 0.0, 100.0, 0.001)),
        Answer::Unreachable { moves_goal: true }
    );
    // Upkeep hours cost no cash: they cannot move a net in cash.
    assert_eq!(
        solve(&p, &seek(far, Input::UpkeepHours, 0.0, 744.0, 0.01)),
        Answer::Unreachable { moves_goal: false }
    );
}

#[test]
fn an_input_the_stream_does_not_have() {
    let p = plan(ten_a_month(), 0.0, 0.0);
    let goal = Goal::NetInMonth { month: 1, net: 0.0 };
    // A constant curve has no launch month of its own; a product has no churn.
    for input in [Input::LaunchSales, Input::Churn, Input::Plateau] {
        assert_eq!(
            solve(&p, &seek(goal, input, 0.0, 10.0, 0.1)),
            Answer::NotAnInput
        );
    }
    let members = StreamKind::Subscription(Subscription {
        start_month: 1,
        new_members: NewMembers::Constant(10.0),
        churn: 0.05,
        net_price: 400.0,
    });
    assert_eq!(
        input_value(&plan(members, 0.0, 0.0), 0, Input::Churn),
        Some(0.05)
    );
}

#[test]
fn a_goal_that_rises_and_falls_says_so_and_takes_the_crossing_nearest_the_plan() {
    // Reached between 4 and 6 only; from a plan at 1 the nearest way in is "at least 4".
    let hump = |x: f64| 1.0 - (x - 5.0) * (x - 5.0);
    match boundary(hump, (0.0, 10.0), 1e-6, 1.0) {
        Answer::Value {
            value,
            needs,
            monotone,
        } => {
            assert!((value - 4.0).abs() < 1e-6, "{value}");
            assert_eq!(needs, Needs::AtLeast);
            assert!(!monotone);
        }
        other => panic!("{other:?}"),
    }
    // From a plan at 9, the nearest is "at most 6".
    match boundary(hump, (0.0, 10.0), 1e-6, 9.0) {
        Answer::Value { value, needs, .. } => {
            assert!((value - 6.0).abs() < 1e-6, "{value}");
            assert_eq!(needs, Needs::AtMost);
        }
        other => panic!("{other:?}"),
    }
}

/// What a crafted plan or a future caller might pass: never a panic, an infinity or a NaN.
#[test]
fn hostile_ranges_tolerances_streams_and_months() {
    let p = plan(ten_a_month(), 5000.0, 0.0);
    let net = Goal::NetInMonth {
        month: 6,
        net: 30_000.0,
    };
    for (low, high) in [
        (0.0, f64::INFINITY),
        (f64::NEG_INFINITY, 100.0),
        (f64::NAN, 100.0),
        (0.0, f64::NAN),
    ] {
        assert_eq!(
            solve(&p, &seek(net, Input::SalesPerMonth, low, high, 0.01)),
            Answer::BadRange,
            "{low}..{high}"
        );
    }
    // Reversed ends are the same range.
    solves_to(
        &p,
        net,
        Input::SalesPerMonth,
        (100.0, 0.0),
        0.01,
        (17.5, Needs::AtLeast),
    );
    // No tolerance, a negative one or NaN: the finest answer, a finite number.
    for tolerance in [0.0, -1.0, f64::NAN] {
        match solve(&p, &seek(net, Input::SalesPerMonth, 0.0, 100.0, tolerance)) {
            Answer::Value { value, .. } => {
                assert!((value - 17.5).abs() < 1e-9, "{tolerance}: {value}")
            }
            other => panic!("{tolerance}: {other:?}"),
        }
    }
    // A stream past the plan's end, and a month far past its horizon (read as the last one).
    let past = Seek {
        stream: 7,
        ..seek(net, Input::SalesPerMonth, 0.0, 100.0, 0.01)
    };
    assert_eq!(solve(&p, &past), Answer::NotAnInput);
    let far = Goal::NetInMonth {
        month: u32::MAX,
        net: 30_000.0,
    };
    solves_to(
        &p,
        far,
        Input::SalesPerMonth,
        (0.0, 100.0),
        0.01,
        (17.5, Needs::AtLeast),
    );
    let never = Goal::PaysBackCountingTime { month: 0 };
    assert!(matches!(
        solve(&p, &seek(never, Input::SalesPerMonth, 0.0, 100.0, 0.01)),
        Answer::Value { .. } | Answer::AlwaysReached | Answer::Unreachable { .. }
    ));
}

/// A launch of 100 sales in month 1, then `baseline` a month, $20 net each.
fn launch_then(baseline: f64) -> StreamKind {
    StreamKind::Product(Product {
        launch_month: 1,
        sales: SalesCurve::Launch {
            launch: 100.0,
            baseline,
            half_life: 0.0,
        },
        per_thousand_visitors: 0.0,
        net_per_sale: 2000.0,
    })
}

#[test]
fn the_target_counts_three_months_running_as_the_chance_does() {
    use honest_income::engine::delayed::monte_carlo::{run, StreamRanges, Uncertainty};
    // $50 of costs; $300 a month for months 1-3: month 1's launch passes, months 2 and 3 need
    // 20 s - 50 >= 300, s = 17.5. The net of month 1 alone would be reached at any baseline.
    let p = plan(launch_then(10.0), 5000.0, 0.0);
    let target = Goal::SustainedNet {
        month: 3,
        net: 30_000.0,
    };
    solves_to(
        &p,
        target,
        Input::SalesPerMonth,
        (0.0, 100.0),
        0.001,
        (17.5, Needs::AtLeast),
    );
    assert_eq!(
        solve(
            &p,
            &seek(
                Goal::NetInMonth {
                    month: 1,
                    net: 30_000.0
                },
                Input::SalesPerMonth,
                0.0,
                100.0,
                0.001
            )
        ),
        Answer::AlwaysReached
    );
    // One plan, one truth: with no range to draw from, the Monte Carlo's chance of the same
    // target by month 3 flips from none to all across the answer.
    let chance = |baseline: f64| {
        let mut p = plan(launch_then(baseline), 5000.0, 0.0);
        p.target = 30_000.0;
        let u = Uncertainty {
            ranges: vec![StreamRanges::default()],
            paths: 20,
            seed: 1,
            target_by_month: 3,
        };
        run(&p, &u).target_probability
    };
    assert_eq!(chance(17.49), 0.0);
    assert_eq!(chance(17.51), 1.0);
    // Two months cannot hold a three-month run.
    let short = Goal::SustainedNet {
        month: 2,
        net: 30_000.0,
    };
    assert_eq!(
        solve(&p, &seek(short, Input::SalesPerMonth, 0.0, 100.0, 0.001)),
        Answer::Unreachable { moves_goal: false }
    );
}
