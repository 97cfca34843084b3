//! A plan's headline results in words and figures, for comparing plans side by side.

pub mod inputs;
pub mod lever;
pub mod what_if;

use crate::engine::break_even::{break_even, NoBreakEven};
use crate::engine::delayed::project;
use crate::engine::money::Money;
use crate::engine::pricing::calculate;
use crate::format::money_estimate;
use crate::scenario::delayed::{biggest_levers, what_must_be_true, NoLever, NoQuestion};
use crate::scenario::Scenario;

/// The rows of the comparison, in order: (label, value) with "-" where a calculator's inputs
/// need fixing.
pub fn headline(scenario: &Scenario) -> Vec<(&'static str, String)> {
    let fix = || "fix its inputs".to_string();
    let c = scenario.currency();
    // The product Break-even analyses (else the plan's first) stands for the plan: never the
    // one that happens to be open on Pricing, so the same plan reads the same here.
    let product = scenario
        .break_even
        .product
        .and_then(|id| scenario.product(id))
        .or(scenario.products.first());
    let pricing = product.and_then(|p| p.inputs().ok()).map(|i| calculate(&i));
    let month = |answer: &Result<u32, NoBreakEven>| match answer {
        Ok(0) => "now".to_string(),
        Ok(m) => format!("month {m}"),
        Err(_) => "never".to_string(),
    };
    let be = scenario
        .break_even_inputs()
        .ok()
        .map(|i| (break_even(&i), i.count_time));
    let from = scenario.delayed_from_the_plan();
    let delayed_inputs = scenario.delayed.inputs(&from);
    let delayed = delayed_inputs.as_ref().ok().map(|i| {
        let p = project(&i.plan);
        (
            p.milestones(i.plan.target),
            p.months.last().map(|m| m.total).unwrap_or(0.0),
            p.months.len(),
        )
    });
    // The plan's own questions, as Delayed income asks them (each names its goal or outcome).
    let what_if = match what_must_be_true(&scenario.delayed, &delayed_inputs, &from) {
        Ok(found) => {
            let target = delayed_inputs.as_ref().map_or(0.0, |i| i.plan.target);
            let goal = what_if::goal_label(found.question.goal, Some(target), from.hourly_value, c);
            let by = found.question.month;
            format!(
                "{goal}, by month {by}: {}",
                what_if::short_answer(&found, c)
            )
        }
        Err(NoQuestion::NoStream) => "no stream switched on".into(),
        Err(NoQuestion::NoInput { .. }) => "its stream sells on Break-even's plan".into(),
        Err(_) => fix(),
    };
    let lever = match biggest_levers(&scenario.delayed, &delayed_inputs) {
        Ok(l) => format!(
            "{}: {}",
            lever::outcome_label(l.outcome),
            lever::short_top_lever(&l, c)
        ),
        Err(NoLever::NoBand) => "uncertainty band off".into(),
        Err(NoLever::NoRanges) => "no input with a range".into(),
        Err(_) => fix(),
    };
    let when = |m: Option<u32>, horizon: usize| {
        m.map(|m| format!("month {m}"))
            .unwrap_or_else(|| format!("not within {horizon} months"))
    };
    vec![
        (
            "Net per sale after fees and refunds",
            pricing
                .as_ref()
                .map(|r| Money::new(r.net_after_refunds.round() as i64, c).to_string())
                .unwrap_or_else(fix),
        ),
        (
            "Monthly net after tax set-aside (Pricing)",
            pricing
                .as_ref()
                .map(|r| money_estimate(r.month.net, c))
                .unwrap_or_else(fix),
        ),
        (
            "Pays back (headline view)",
            be.as_ref()
                .map(|(r, time)| {
                    month(if *time {
                        &r.month_valued
                    } else {
                        &r.month_cash
                    })
                })
                .unwrap_or_else(fix),
        ),
        (
            "Pays back in cash",
            be.as_ref()
                .map(|(r, _)| month(&r.month_cash))
                .unwrap_or_else(fix),
        ),
        (
            "First income",
            delayed
                .as_ref()
                .map(|(m, _, h)| when(m.first_income, *h))
                .unwrap_or_else(fix),
        ),
        (
            "Net beats the target",
            delayed
                .as_ref()
                .map(|(m, _, h)| when(m.beats_target, *h))
                .unwrap_or_else(fix),
        ),
        (
            "Cumulative net in cash turns positive",
            delayed
                .as_ref()
                .map(|(m, _, h)| when(m.cumulative_positive, *h))
                .unwrap_or_else(fix),
        ),
        (
            "Income in the last month",
            delayed
                .as_ref()
                .map(|(_, last, _)| money_estimate(*last, c))
                .unwrap_or_else(fix),
        ),
        ("What must be true (Delayed income's question)", what_if),
        ("Biggest lever (Delayed income)", lever),
    ]
}
