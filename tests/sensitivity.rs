//! The biggest lever: the tornado's order and swings against a case worked by hand.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/delayed_fixture.rs"]
mod delayed_fixture;

use delayed_fixture::{affiliate_blog, one_stream_plan};
use honest_income::engine::delayed::goal::Input;
use honest_income::engine::delayed::monte_carlo::{Range, StreamRanges};
use honest_income::engine::delayed::sensitivity::{tornado, Outcome};
use honest_income::engine::delayed::{NewMembers, StreamKind, Subscription};

fn range(low: f64, high: f64) -> Option<Range> {
    Some(Range { low, high })
}

#[test]
fn the_widest_range_on_the_same_product_of_rates_is_the_biggest_lever() {
    // Its 6 posts (2 a month in months 1-3) all rank at once: 6,000 visitors a month, $96.
    let plan = one_stream_plan(affiliate_blog(0.0), 0.0, 0.0);
    let ranges = [StreamRanges {
        plateau: range(500.0, 1500.0),
        click_through: range(0.01, 0.04),
        conversion: range(0.015, 0.025),
        // A blog has no half-life: a range on it is not a bar.
        half_life: range(1.0, 3.0),
        ..StreamRanges::default()
    }];
    let (base, swings) = tornado(&plan, &ranges, Outcome::NetInMonth(6));
    assert!((base - 9600.0).abs() < 1e-6, "{base}");
    // Income is proportional to each rate: click-through 1-4 % gives $48-$192, plateau 500-1,500
    // gives $48-$144, conversion 1.5-2.5 % gives $72-$120.
    let bars: Vec<(Input, i64, i64)> = swings
        .iter()
        .map(|s| (s.input, s.at_low.round() as i64, s.at_high.round() as i64))
        .collect();
    assert_eq!(
        bars,
        vec![
            (Input::ClickThrough, 4800, 19200),
            (Input::Plateau, 4800, 14400),
            (Input::Conversion, 7200, 12000),
        ]
    );
}

#[test]
fn churn_swings_the_other_way_and_payback_counts_never_as_after_the_horizon() {
    // 10 new members a month at $10 each against $60 of costs, after $1,000 upfront.
    let members = StreamKind::Subscription(Subscription {
        start_month: 1,
        new_members: NewMembers::Constant(10.0),
        churn: 0.05,
        net_price: 1000.0,
    });
    let mut plan = one_stream_plan(members, 6000.0, 0.0);
    plan.upfront_cash = 100_000.0;
    let ranges = [StreamRanges {
        churn: range(0.0, 0.9),
        ..StreamRanges::default()
    }];
    let (_, swings) = tornado(&plan, &ranges, Outcome::PaybackMonth);
    let churn = swings[0];
    assert_eq!(churn.input, Input::Churn);
    // No churn: 10 m members in month m, who net 100 m - 60 dollars; by month M the cumulative
    // is 50 M (M + 1) - 60 M - 1,000: -240 in month 4, +200 in month 5.
    // At 90 % churn members settle near 11, about $51 a month: $600 or so by month 12, so it
    // does not pay back within the horizon and counts as month 13.
    assert_eq!((churn.at_low, churn.at_high), (5.0, 13.0));
}
