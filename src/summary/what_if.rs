//! What must be true, in words: the goal as the picker names it, and the answer set against
//! the field's typical range ("must be at least 3.21 % ...; above the typical 1-5 %").

use crate::engine::delayed::goal::{Answer, Needs};
use crate::engine::money::{Currency, Money};
use crate::format::count;
use crate::scenario::delayed::{input_label, FieldSpec, Found, GoalKind, Unit};

/// The goal as the picker offers it, with the plan's own figures in it.
pub fn goal_label(
    goal: GoalKind,
    target_minor: Option<f64>,
    hour_minor: Option<i64>,
    currency: Currency,
) -> String {
    let hour = |f: &dyn Fn(String) -> String| match hour_minor {
        Some(h) => f(Money::new(h, currency).to_string()),
        None => f("Break-even's value of an hour".into()),
    };
    match goal {
        // The figure first: a phone's picker shows only the start of an option.
        GoalKind::Target => match target_minor {
            Some(t) if t > 0.0 => format!(
                "{} a month net (your target), 3 months running",
                Money::from_estimate(t, currency)
            ),
            Some(_) => "Any net above zero, 3 months running (your target is zero)".into(),
            None => "Your monthly target, 3 months running".into(),
        },
        GoalKind::Payback => hour(&|h| format!("Pays back, hours counted at {h}")),
        GoalKind::Rate => hour(&|h| format!("{h} for every hour worked")),
    }
}

/// A value of `field` in its shown unit (percent as a percent, money in minor units).
pub fn shown(field: &FieldSpec, value: f64, currency: Currency) -> String {
    match field.unit {
        Unit::Percent => format!("{} %", trimmed(value)),
        Unit::Money => Money::from_estimate(value, currency).to_string(),
        Unit::Months | Unit::WholeMonths | Unit::CalendarMonth => {
            let n = count(value);
            if n == "1" {
                "1 month".into()
            } else {
                format!("{n} months")
            }
        }
        Unit::Count | Unit::Hours => count(value),
    }
}

/// A label inside a sentence: "click-through to affiliate links".
pub(crate) fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Up to two decimals, no trailing zeros: "3.21", "2", "0.5".
fn trimmed(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// "1-5 %", "$20-$100", "3-12 months", "100-600".
fn range(field: &FieldSpec, (low, high): (f64, f64), currency: Currency) -> String {
    match field.unit {
        Unit::Percent => format!("{}-{} %", trimmed(low), trimmed(high)),
        Unit::Money => {
            let per = currency.minor_per_major() as f64;
            format!(
                "{}-{}",
                Money::from_estimate(low * per, currency),
                Money::from_estimate(high * per, currency)
            )
        }
        Unit::Months | Unit::WholeMonths | Unit::CalendarMonth => {
            format!("{}-{} months", trimmed(low), trimmed(high))
        }
        Unit::Count | Unit::Hours => format!("{}-{}", count(low), count(high)),
    }
}

/// Where `value` (shown unit) sits against the field's typical range, as a sentence.
fn against_typical(field: &FieldSpec, value: f64, currency: Currency) -> String {
    let Some((low, high)) = field.typical else {
        return " No typical range is known for it: it is your own figure to judge.".into();
    };
    // The table keeps the range as typed; money as typed is in major units.
    let per = match field.unit {
        Unit::Money => currency.minor_per_major() as f64,
        _ => 1.0,
    };
    let typical = range(field, (low, high), currency);
    let where_ = if value < low * per {
        "below"
    } else if value > high * per {
        "above"
    } else {
        "within"
    };
    format!(" That is {where_} the typical {typical}.")
}

/// The answer as the page says it.
pub fn answer_sentence(found: &Found, currency: Currency) -> String {
    let q = &found.question;
    let field = q.field;
    let label = lower_first(input_label(field));
    let value_of = |v: f64| shown(field, v, currency);
    let span = format!("from {} to {}", value_of(q.low), value_of(q.high));
    let by = format!("by month {}", q.month);
    match found.answer {
        Answer::Value {
            value,
            needs,
            monotone,
        } => {
            let side = match needs {
                Needs::AtLeast => "at least",
                Needs::AtMost => "at most",
            };
            let now = value_of(q.now);
            let mut text = if found.reached_now {
                format!("The plan reaches this goal {by} as it stands, and keeps reaching it while {label} for {} stays {side} {} (the plan has {now}).", q.stream_name, value_of(value))
            } else {
                format!(
                    "To reach this goal {by}, {label} for {} must be {side} {} (the plan has {now}).",
                    q.stream_name,
                    value_of(value)
                )
            };
            text.push_str(&against_typical(field, value, currency));
            if !monotone {
                text.push_str(" The goal rises and falls as this input changes, so this is the reaching value nearest the plan's own.");
            }
            text
        }
        Answer::AlwaysReached => format!(
            "Reached {by} with {label} anywhere {span}: this goal does not hang on it."
        ),
        Answer::Unreachable { moves_goal: true } => format!(
            "Not reached {by} with {label} anywhere {span}: more than this one input has to change. Try another input, a later month or a smaller goal."
        ),
        Answer::Unreachable { moves_goal: false } => format!(
            "{} does not move this goal: {span} it changes nothing {by}, so no value of it reaches the goal.",
            input_label(field)
        ),
        Answer::NotAnInput | Answer::BadRange => {
            format!("{} cannot be solved for in this stream.", input_label(field))
        }
    }
}

/// How the answer is found, for the person who asks.
pub fn method(found: &Found, currency: Currency) -> String {
    let q = &found.question;
    let goal = match q.goal {
        GoalKind::Target => format!("Reaching the target means what the chance of the target counts: a net at or above it for 3 months running, the third by month {}.", q.month),
        GoalKind::Payback => format!("Paying back counting your hours means cumulative net, less every hour so far at your hour's value, above zero in some month up to month {}.", q.month),
        GoalKind::Rate => format!("The hourly rate is cumulative net in cash by month {}, over every hour worked by then, the build's included.", q.month),
    };
    format!(
        "The plan is projected with {} set to 49 values from {} to {}, everything else as you set it. Where the goal moves one way only with it, the edge is found by halving the gap; the answer is then rounded to the step shown, on the side that still reaches the goal. {goal} A month past the horizon is projected that far.",
        input_label(q.field),
        shown(q.field, q.low, currency),
        shown(q.field, q.high, currency),
    )
}

/// The answer in a few words, for a row of Compare: the input and the value it needs.
pub fn short_answer(found: &Found, currency: Currency) -> String {
    let q = &found.question;
    let name = format!("{} ({})", input_label(q.field), q.stream_name);
    match found.answer {
        Answer::Value { value, needs, .. } => {
            let side = match needs {
                Needs::AtLeast => "at least",
                Needs::AtMost => "at most",
            };
            let now = if found.reached_now {
                ", reached as typed"
            } else {
                ""
            };
            format!("{name} {side} {}{now}", shown(q.field, value, currency))
        }
        Answer::AlwaysReached => format!("reached at any {name}"),
        _ => format!("not reached by {name} alone"),
    }
}
