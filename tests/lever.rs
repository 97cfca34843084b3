//! Which input matters most, on whole plans as the page holds them: each bar's ends are what
//! typing the range's end into the field projects, the biggest bar first, and the words.
#![cfg(not(target_arch = "wasm32"))]

use honest_income::engine::delayed::project;
use honest_income::scenario::codec::{decode_link, encode_link};
use honest_income::scenario::delayed::{biggest_levers, LeverOutcome, Levers, NoLever, Part};
use honest_income::scenario::Scenario;
use honest_income::summary::lever::{axis_value, outcome_value, top_lever_sentence};

fn levers(s: &Scenario) -> Result<Levers, NoLever> {
    let from = s.delayed_from_the_plan();
    biggest_levers(&s.delayed, &s.delayed.inputs(&from))
}

/// The default plan with its uncertainty band on, asking about `outcome`.
fn banded(outcome: LeverOutcome) -> Scenario {
    let mut s = Scenario::default();
    s.delayed.uncertainty = true;
    s.delayed.what_if.lever = outcome;
    s
}

/// The plan's cumulative net at the horizon with `key` of stream `id` typed as `text`.
fn cumulative_with(s: &Scenario, id: u32, key: &str, text: String) -> f64 {
    let mut typed = s.clone();
    typed
        .delayed
        .stream_mut(id)
        .unwrap()
        .set_text(Part::Value, key, text);
    let from = typed.delayed_from_the_plan();
    let plan = typed.delayed.inputs(&from).unwrap().plan;
    project(&plan).months.last().unwrap().cumulative
}

#[test]
fn each_bar_is_the_plan_with_its_range_end_typed_in_and_the_biggest_comes_first() {
    let s = banded(LeverOutcome::Cumulative);
    let l = levers(&s).unwrap();
    assert_eq!(l.month, l.horizon);
    assert!(l.rows.len() >= 3, "{:?}", l.rows);
    assert!(l.rows.windows(2).all(|w| w[0].span() >= w[1].span()));
    // The base is the plan as typed; each end is the field typed at that end of its range.
    let from = s.delayed_from_the_plan();
    let plan = s.delayed.inputs(&from).unwrap().plan;
    assert_eq!(l.base, project(&plan).months.last().unwrap().cumulative);
    for row in &l.rows {
        let stream = s
            .delayed
            .streams
            .iter()
            .find(|st| st.name.trim() == row.stream_name)
            .unwrap();
        for (part, at) in [(Part::Low, row.at_low), (Part::High, row.at_high)] {
            let text = stream.text(part, row.field.key);
            let typed = cumulative_with(&s, stream.id, row.field.key, text);
            assert!(
                (typed - at).abs() < 1e-6,
                "{} {part:?}: {typed} vs {at}",
                row.field.key
            );
        }
    }
    // The sentence names the top bar and the plan's own figure.
    let text = top_lever_sentence(&l, s.currency());
    let top = &l.rows[0];
    assert!(text.starts_with("The biggest lever is "), "{text}");
    assert!(
        text.contains(&format!("for {}:", top.stream_name)),
        "{text}"
    );
    assert!(
        text.contains(&outcome_value(&l, l.base, s.currency())),
        "{text}"
    );
}

#[test]
fn a_later_payback_counts_as_not_by_the_horizon_and_churn_lowers_the_rate() {
    let s = banded(LeverOutcome::Payback);
    let l = levers(&s).unwrap();
    let never = f64::from(l.horizon) + 1.0;
    assert_eq!(
        outcome_value(&l, never, s.currency()),
        format!("not by month {}", l.horizon)
    );
    assert_eq!(outcome_value(&l, 14.0, s.currency()), "month 14");
    // More churn never raises what an hour earns.
    let l = levers(&banded(LeverOutcome::Rate)).unwrap();
    for row in l.rows.iter().filter(|r| r.field.key == "churn") {
        assert!(row.at_high <= row.at_low, "{row:?}");
    }
}

#[test]
fn without_the_band_or_with_a_field_to_fix_the_page_says_what_to_do() {
    let mut s = banded(LeverOutcome::Net);
    s.delayed.uncertainty = false;
    assert_eq!(levers(&s).unwrap_err(), NoLever::NoBand);
    s.delayed.uncertainty = true;
    s.delayed.target_by = "soon".into();
    assert_eq!(levers(&s).unwrap_err(), NoLever::FixMonth);
    s.delayed.target_by = "30".into();
    let l = levers(&s).unwrap();
    assert_eq!(
        (l.month, l.outcome),
        (30, LeverOutcome::Net),
        "past the horizon, projected on"
    );
    s.delayed.horizon = "many".into();
    assert_eq!(levers(&s).unwrap_err(), NoLever::FixFields);
    for why in [
        NoLever::NoBand,
        NoLever::NoRanges,
        NoLever::FixMonth,
        NoLever::FixFields,
    ] {
        assert!(why.to_string().ends_with('.'), "{why}");
    }
}

#[test]
fn the_outcome_asked_about_travels_in_a_link() {
    let s = banded(LeverOutcome::Payback);
    let link = encode_link(&s).unwrap();
    let back = decode_link(&link).unwrap();
    assert_eq!(back.delayed.what_if.lever, LeverOutcome::Payback);
    assert_eq!(back, s);
}

#[test]
fn a_stream_on_break_evens_plan_has_no_hidden_range_in_the_band_or_the_tornado() {
    let s = banded(LeverOutcome::Cumulative);
    let from = s.delayed_from_the_plan();
    let inputs = s.delayed.inputs(&from).unwrap();
    let workshop = s
        .delayed
        .streams
        .iter()
        .position(|st| st.follows_break_even());
    let at = inputs
        .stream_ids
        .iter()
        .position(|&id| Some(id) == workshop.map(|i| s.delayed.streams[i].id))
        .expect("the default plan's workshop sells on Break-even's plan");
    // Its half-life field is hidden, so neither the band nor a bar may move it.
    assert_eq!(inputs.uncertainty.unwrap().ranges[at].half_life, None);
    let l = levers(&s).unwrap();
    assert!(
        l.rows.iter().all(|r| r.field.key != "half_life"),
        "{:?}",
        l.rows
    );
}

#[test]
fn an_hourly_rate_axis_a_few_dollars_wide_keeps_distinct_ticks() {
    let c = Scenario::default().currency();
    let ticks: Vec<String> = [600.0, 650.0, 700.0, 750.0]
        .iter()
        .map(|&v| axis_value(LeverOutcome::Rate, v, c))
        .collect();
    assert_eq!(ticks, ["$6.00/h", "$6.50/h", "$7.00/h", "$7.50/h"]);
}
