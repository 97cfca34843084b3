//! The biggest lever, in words: the outcome as the picker names it, each bar's figures, and a
//! sentence naming the input that moves the outcome most.

use super::what_if::{lower_first, shown};
use crate::engine::money::{Currency, Money};
use crate::format::money_compact;
use crate::scenario::delayed::{input_label, LeverOutcome, LeverRow, Levers};

/// The outcome as the picker offers it.
pub fn outcome_label(outcome: LeverOutcome) -> &'static str {
    match outcome {
        LeverOutcome::Cumulative => "Cumulative net at the horizon",
        LeverOutcome::Net => "Net in the \"by month\"",
        LeverOutcome::Payback => "Month it pays back in cash",
        LeverOutcome::Rate => "Hourly rate at the horizon",
    }
}

/// The outcome inside a sentence, with its month.
fn outcome_words(levers: &Levers) -> String {
    match levers.outcome {
        LeverOutcome::Cumulative => format!("cumulative net by month {}", levers.month),
        LeverOutcome::Net => format!("the net of month {}", levers.month),
        LeverOutcome::Payback => "the month it pays back in cash".into(),
        LeverOutcome::Rate => format!("what an hour earns by month {}", levers.month),
    }
}

/// A value of the outcome as the table and sentence show it.
pub fn outcome_value(levers: &Levers, value: f64, currency: Currency) -> String {
    match levers.outcome {
        LeverOutcome::Cumulative | LeverOutcome::Net => {
            Money::from_estimate(value, currency).to_string()
        }
        LeverOutcome::Payback if value > f64::from(levers.horizon) => {
            format!("not by month {}", levers.horizon)
        }
        LeverOutcome::Payback => format!("month {value:.0}"),
        LeverOutcome::Rate => format!("{}/h", Money::from_estimate(value, currency)),
    }
}

/// A value of the outcome on the chart's axis: short, except that an hourly rate keeps its
/// cents (its range is often a few dollars wide, so whole dollars would repeat).
pub fn axis_value(outcome: LeverOutcome, value: f64, currency: Currency) -> String {
    match outcome {
        LeverOutcome::Payback => format!("{value:.0}"),
        LeverOutcome::Rate => format!("{}/h", Money::from_estimate(value, currency)),
        _ => money_compact(value, currency),
    }
}

/// The axis's title.
pub fn axis_title(levers: &Levers) -> String {
    match levers.outcome {
        LeverOutcome::Payback => "Month it pays back".into(),
        _ => {
            let mut words = outcome_words(levers);
            words.replace_range(..1, &words[..1].to_uppercase());
            words
        }
    }
}

/// A bar's name: the input and its stream.
pub fn row_label(row: &LeverRow) -> String {
    format!("{} ({})", input_label(row.field), row.stream_name)
}

/// The range a bar moves its input across, in the field's unit.
pub fn row_range(row: &LeverRow, currency: Currency) -> (String, String) {
    (
        shown(row.field, row.low, currency),
        shown(row.field, row.high, currency),
    )
}

/// The sentence naming the top lever.
pub fn top_lever_sentence(levers: &Levers, currency: Currency) -> String {
    let what = outcome_words(levers);
    let value = |v: f64| outcome_value(levers, v, currency);
    let Some(top) = levers.rows.first().filter(|r| r.span() > 0.0) else {
        return format!(
            "None of the inputs with a range moves {what} across its range: the plan's {} holds.",
            value(levers.base)
        );
    };
    let (low, high) = row_range(top, currency);
    let mut text = format!(
        "The biggest lever is {} for {}: from {low} to {high}, {what} runs from {} to {} (the plan as typed: {}).",
        lower_first(input_label(top.field)),
        top.stream_name,
        value(top.at_low),
        value(top.at_high),
        value(levers.base),
    );
    if let Some(next) = levers.rows.get(1).filter(|r| r.span() > 0.0) {
        text.push_str(&format!(
            " Next comes {} for {}.",
            lower_first(input_label(next.field)),
            next.stream_name
        ));
    }
    text
}

/// How the bars are worked out, for the person who asks.
pub const METHOD: &str = "Each input with a low and a high value in the uncertainty band is set to its low end, then to its high end, with every other input as you typed it, and the plan is projected each time: no random draws. The bars are sorted by how far the outcome moves. Two inputs off at once can move it further than either bar shows: the band above draws every input on each path.";

/// The top lever in a few words, for a row of Compare.
pub fn short_top_lever(levers: &Levers, currency: Currency) -> String {
    match levers.rows.first().filter(|r| r.span() > 0.0) {
        Some(top) => format!(
            "{}: {} to {}",
            row_label(top),
            outcome_value(levers, top.at_low, currency),
            outcome_value(levers, top.at_high, currency)
        ),
        None => "no ranged input moves it".into(),
    }
}
