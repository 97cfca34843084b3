//! What must be true, on whole plans as the page holds them: the question kept in the plan,
//! its answer in the field's own unit, and the answer checked by typing it into the field.
#![cfg(not(target_arch = "wasm32"))]

use honest_income::engine::delayed::goal::{Answer, Needs};
use honest_income::scenario::codec::{decode_link, encode_link};
use honest_income::scenario::delayed::{
    typed_text, what_must_be_true, Found, GoalKind, NoQuestion, Part, WhatIf,
};
use honest_income::scenario::Scenario;

fn ask(s: &Scenario) -> Result<Found, NoQuestion> {
    let from = s.delayed_from_the_plan();
    what_must_be_true(&s.delayed, &s.delayed.inputs(&from), &from)
}

/// The default plan asking about its blog's `key` for `goal`.
fn asking(goal: GoalKind, key: &str) -> Scenario {
    let mut s = Scenario::default();
    s.delayed.what_if = WhatIf {
        goal,
        stream: Some(0),
        input: key.into(),
        ..Default::default()
    };
    s
}

/// Types `shown` into the asked field and says whether the plan then reaches its goal.
fn reaches_with(s: &Scenario, shown: f64) -> bool {
    let found = ask(s).unwrap();
    let q = &found.question;
    let mut typed = s.clone();
    let text = typed_text(q.field, shown, s.currency());
    let stream = typed.delayed.stream_mut(q.stream_id).unwrap();
    stream.set_text(Part::Value, q.field.key, text);
    ask(&typed).unwrap().reached_now
}

/// The answer is on the field's shown step and is the edge: typed in, the goal is reached;
/// one step short of it, not.
#[track_caller]
fn answer_is_the_edge(s: &Scenario, step: f64) -> (f64, Needs) {
    let found = ask(s).unwrap();
    let Answer::Value { value, needs, .. } = found.answer else {
        panic!("expected a value, got {:?}", found.answer);
    };
    assert!(
        ((value / step).round() * step - value).abs() < 1e-9,
        "{value}"
    );
    let short = match needs {
        Needs::AtLeast => value - step,
        Needs::AtMost => value + step,
    };
    assert!(reaches_with(s, value), "{value} reaches the goal");
    assert!(!reaches_with(s, short), "{short} does not");
    (value, needs)
}

#[test]
fn the_blogs_click_through_for_the_target_by_month_twelve() {
    // The default plan: $500 a month by month 12 is out of reach as it stands.
    let s = asking(GoalKind::Target, "click_through");
    let found = ask(&s).unwrap();
    assert!(!found.reached_now);
    assert_eq!(found.question.now, 2.0, "the blog's 2 %, as a percent");
    assert_eq!(found.question.month, 12);
    let (value, needs) = answer_is_the_edge(&s, 0.01);
    assert_eq!(needs, Needs::AtLeast);
    assert!(value > 2.0, "{value}");
}

#[test]
fn a_search_delay_is_at_most_and_a_later_month_asks_less() {
    let mut s = asking(GoalKind::Target, "delay");
    s.delayed.target = "150".into();
    s.delayed.target_by = "24".into();
    s.delayed.horizon = "24".into();
    let (value, needs) = answer_is_the_edge(&s, 0.1);
    assert_eq!(needs, Needs::AtMost);
    assert!(value > 0.0);
}

#[test]
fn paying_back_and_the_hourly_rate_count_hours_at_break_evens_value() {
    let over_two_years = |goal: GoalKind, key: &str| {
        let mut s = asking(goal, key);
        // The workshop sells on Break-even's plan, which an unusable hour would stop.
        s.delayed.streams[1].enabled = false;
        s.delayed.target_by = "24".into();
        s.delayed.horizon = "24".into();
        s
    };
    // The blog alone, its 480 build hours counted at Break-even's value of an hour, pays back
    // by month 24 only at a commission of a few hundred dollars: far above the typical $20-100.
    let s = over_two_years(GoalKind::Payback, "commission");
    let (value, needs) = answer_is_the_edge(&s, 1.0);
    assert_eq!(needs, Needs::AtLeast);
    assert!((20_000.0..60_000.0).contains(&value), "{value} cents");
    // Not even with no upkeep at all does it earn Break-even's value of an hour by then: the
    // build hours stay.
    let s = over_two_years(GoalKind::Rate, "upkeep_hours");
    assert_eq!(
        ask(&s).unwrap().answer,
        Answer::Unreachable { moves_goal: true }
    );
    for goal in [GoalKind::Payback, GoalKind::Rate] {
        let mut s = over_two_years(goal, "commission");
        s.break_even.hourly_value = "abc".into();
        assert_eq!(ask(&s).unwrap_err(), NoQuestion::NoHourValue, "{goal:?}");
    }
}

#[test]
fn a_question_the_plan_cannot_ask_says_why() {
    let mut s = asking(GoalKind::Target, "click_through");
    s.delayed.target_by = "abc".into();
    assert_eq!(ask(&s).unwrap_err(), NoQuestion::FixMonth);
    s.delayed.target_by = "0".into();
    assert_eq!(ask(&s).unwrap_err(), NoQuestion::FixMonth);
    // The workshop sells on Break-even's plan: its figures are Break-even's to change.
    let mut s = asking(GoalKind::Target, "baseline");
    s.delayed.what_if.stream = Some(1);
    let err = ask(&s).unwrap_err();
    assert!(matches!(err, NoQuestion::NoInput { .. }), "{err:?}");
    assert!(err.to_string().contains("Break-even"), "{err}");
    for st in &mut s.delayed.streams {
        st.enabled = false;
    }
    assert_eq!(ask(&s).unwrap_err(), NoQuestion::NoStream);
    s.delayed.horizon = "abc".into();
    assert_eq!(ask(&s).unwrap_err(), NoQuestion::FixFields);
}

#[test]
fn a_stale_stream_or_field_falls_back_to_the_first_there_is() {
    let mut s = asking(GoalKind::Target, "no_such_field");
    s.delayed.what_if.stream = Some(999);
    let q = ask(&s).unwrap().question;
    assert_eq!(q.stream_id, 0);
    assert_eq!(q.field.key, "posts");
}

#[test]
fn the_question_travels_in_the_plan_and_its_link() {
    let s = asking(GoalKind::Rate, "click_through");
    let link = encode_link(&s).unwrap();
    assert_eq!(
        decode_link(&link).unwrap().delayed.what_if,
        s.delayed.what_if
    );
    let json = serde_json::to_string(&s).unwrap();
    let back: Scenario = serde_json::from_str(&json).unwrap();
    assert_eq!(back.delayed.what_if, s.delayed.what_if);
    // Unasked, nothing is written: the default plan's link is as it was.
    assert_eq!(encode_link(&Scenario::default()).unwrap(), "s=3.AA");
}

#[test]
fn the_answer_in_words_sets_it_against_the_typical_range() {
    use honest_income::summary::what_if::{answer_sentence, goal_label, method};
    let s = asking(GoalKind::Target, "click_through");
    let found = ask(&s).unwrap();
    let Answer::Value { value, .. } = found.answer else {
        panic!("{:?}", found.answer)
    };
    let text = answer_sentence(&found, s.currency());
    let value = format!("{value:.2}");
    let value = value.trim_end_matches('0').trim_end_matches('.');
    assert!(
        text.starts_with(&format!(
            "To reach this goal by month 12, click-through to affiliate links for Blog must be at least {value} % (the plan has 2 %)."
        )),
        "{text}"
    );
    assert!(text.contains("the typical 1-5 %."), "{text}");
    assert!(method(&found, s.currency()).contains("from 0 % to 100 %"));
    assert_eq!(
        goal_label(GoalKind::Payback, Some(50_000.0), Some(2000), s.currency()),
        "Pays back, hours counted at $20.00"
    );
    assert_eq!(
        goal_label(GoalKind::Target, Some(50_000.0), None, s.currency()),
        "$500.00 a month net (your target), 3 months running"
    );
    // A zero target still asks for a profit: the goal says so rather than "$0.00 a month".
    assert!(goal_label(GoalKind::Target, Some(0.0), None, s.currency())
        .starts_with("Any net above zero"));
    // A field with no known range says so rather than inventing one.
    let s = asking(GoalKind::Target, "posts");
    let text = answer_sentence(&ask(&s).unwrap(), s.currency());
    assert!(text.contains("No typical range is known"), "{text}");
    // Upkeep hours cost no cash: they cannot move a target in cash.
    let s = asking(GoalKind::Target, "upkeep_hours");
    let text = answer_sentence(&ask(&s).unwrap(), s.currency());
    assert!(
        text.starts_with("Upkeep hours per month does not move this goal"),
        "{text}"
    );
}

#[test]
fn the_question_keeps_its_stream_and_input_while_a_field_is_being_fixed() {
    use honest_income::scenario::delayed::{chosen, chosen_stream, input_label};
    let mut s = asking(GoalKind::Target, "upkeep_hours");
    s.delayed.target = "lots".into();
    s.delayed.target_by = "-3".into();
    assert_eq!(ask(&s).unwrap_err(), NoQuestion::FixMonth);
    let (stream, field) = chosen(&s.delayed).unwrap();
    assert_eq!((stream.id, field.key), (0, "upkeep_hours"));
    assert_eq!(input_label(field), "Upkeep hours per month");
    // A stream switched off is not asked about: the next one switched on is.
    s.delayed.streams[0].enabled = false;
    let stream = chosen_stream(&s.delayed).unwrap();
    assert_eq!(stream.id, s.delayed.streams[1].id);
}
