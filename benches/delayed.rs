//! Prints how long the Delayed-income engine takes natively: the deterministic 120-month
//! projection, seeded Monte Carlo runs of 1,000 and 10,000 paths, and a goal seek (median and
//! p95).

#[path = "../tests/common/monte_carlo_fixture.rs"]
#[allow(dead_code)]
mod monte_carlo_fixture;

use honest_income::engine::delayed::goal::{solve, Goal, Input, Seek};
use honest_income::engine::delayed::monte_carlo::run;
use honest_income::engine::delayed::project;
use honest_income::scenario::delayed_presets::bloggers_first_year;
use monte_carlo_fixture::blogger_uncertainty;
use std::hint::black_box;
use std::time::Instant;

fn timings(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((q * runs as f64).ceil() as usize).clamp(1, runs) - 1];
    (at(0.5), at(0.95))
}

fn main() {
    let mut draft = bloggers_first_year();
    draft.horizon = "120".into();
    let plan = draft
        .inputs(&honest_income::scenario::delayed::FromThePlan {
            monthly_costs: 3500,
            ..honest_income::scenario::Scenario::default().delayed_from_the_plan()
        })
        .expect("preset")
        .plan;
    let uncertainty = |paths| blogger_uncertainty(2026, paths);

    println!("Delayed income engine, native release build, 120 months, 2 streams");
    println!("{:<36} {:>12} {:>12}", "case", "median ms", "p95 ms");
    let (m, p) = timings(2000, || {
        black_box(project(black_box(&plan)));
    });
    println!("{:<36} {:>12.4} {:>12.4}", "deterministic projection", m, p);
    for (paths, runs) in [(1_000u32, 200usize), (10_000, 30)] {
        let u = uncertainty(paths);
        let (m, p) = timings(runs, || {
            black_box(run(black_box(&plan), &u));
        });
        println!(
            "{:<36} {:>12.3} {:>12.3}",
            format!("Monte Carlo, {paths} paths"),
            m,
            p
        );
    }
    // What must be true: the blog's click-through for $500 net in month 120 (one seek is 49
    // sampled projections plus a bisection to 0.001 percentage points).
    let seek = Seek {
        goal: Goal::NetInMonth {
            month: 120,
            net: 50_000.0,
        },
        stream: 0,
        input: Input::ClickThrough,
        low: 0.0,
        high: 1.0,
        tolerance: 0.000_01,
    };
    let (m, p) = timings(200, || {
        black_box(solve(black_box(&plan), &seek));
    });
    println!("{:<36} {:>12.3} {:>12.3}", "goal seek, click-through", m, p);
    println!("  answer: {:?}", solve(&plan, &seek));
}
