//! What must be true: the goal-seek question as the plan keeps it (a goal, a stream, one of
//! its fields), and its answer in the field's own unit, set against the field's typical range.
//!
//! The goal's month is the plan's "by month" (the chance of the target uses the same one), the
//! target is the plan's target and the hourly rate is Break-even's value of an hour: the
//! question adds no figure of its own, so it cannot disagree with the rest of the plan.

use super::fields::{FieldSpec, Unit};
use super::stream::StreamDraft;
use super::validate::{DelayedErrors, DelayedInputs, FromThePlan};
use super::DelayedDraft;
use crate::engine::delayed::goal::{
    input_value, set_input, solve, Answer, Goal, Input, Needs, Seek,
};
use crate::engine::delayed::{project, Plan, MAX_HORIZON};
use crate::engine::fields::parse_whole;
use serde::{Deserialize, Serialize};

/// Which goal the plan asks about, by the plan's "by month".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GoalKind {
    /// The plan's target net a month, three months running.
    #[default]
    Target,
    /// Cumulative net, counting every hour at Break-even's value of an hour, above zero.
    Payback,
    /// Cumulative net over every hour worked at least Break-even's value of an hour.
    Rate,
}

impl GoalKind {
    pub const ALL: [GoalKind; 3] = [GoalKind::Target, GoalKind::Payback, GoalKind::Rate];

    /// The token the plan stores (and the picker's value).
    pub fn token(self) -> &'static str {
        match self {
            GoalKind::Target => "target",
            GoalKind::Payback => "payback",
            GoalKind::Rate => "rate",
        }
    }

    pub fn from_token(token: &str) -> Option<GoalKind> {
        GoalKind::ALL.into_iter().find(|g| g.token() == token)
    }
}

/// The question as kept in the plan. Missing members read as the default.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct WhatIf {
    pub goal: GoalKind,
    /// The stream solved for; None, or one no longer switched on: the first switched-on one.
    pub stream: Option<u32>,
    /// The key of the field solved for; empty, or not one the stream shows: its first.
    pub input: String,
    /// What the biggest-lever tornado measures.
    pub lever: super::lever::LeverOutcome,
}

impl WhatIf {
    pub fn is_default(&self) -> bool {
        *self == WhatIf::default()
    }
}

/// A field the goal seek can solve for, and the range it searches, in the unit as typed.
struct Seekable {
    key: &'static str,
    input: Input,
    low: f64,
    /// None: the months of the plan the goal looks at.
    high: Option<f64>,
}

const fn seekable(key: &'static str, input: Input, low: f64, high: f64) -> Seekable {
    Seekable {
        key,
        input,
        low,
        high: Some(high),
    }
}

/// The searched ranges are what a person could plausibly set, wide enough that "not even at
/// the top" means the plan needs another shape, not a bigger number.
const SEEKABLE: [Seekable; 15] = [
    seekable("posts", Input::PostsPerMonth, 0.0, 200.0),
    seekable("plateau", Input::Plateau, 0.0, 100_000.0),
    Seekable {
        key: "delay",
        input: Input::SearchDelay,
        low: 0.0,
        high: None,
    },
    seekable("click_through", Input::ClickThrough, 0.0, 100.0),
    seekable("conversion", Input::Conversion, 0.0, 100.0),
    seekable("commission", Input::Commission, 0.0, 10_000.0),
    seekable("launch_sales", Input::LaunchSales, 0.0, 100_000.0),
    Seekable {
        key: "half_life",
        input: Input::HalfLife,
        low: 0.0,
        high: None,
    },
    seekable("baseline", Input::SalesPerMonth, 0.0, 10_000.0),
    seekable("net_per_sale", Input::NetPerSale, 0.0, 10_000.0),
    seekable("members", Input::NewMembers, 0.0, 10_000.0),
    seekable("share", Input::NewMembers, 0.0, 100.0),
    seekable("churn", Input::Churn, 0.0, 100.0),
    seekable("price", Input::MemberPrice, 0.0, 10_000.0),
    seekable("upkeep_hours", Input::UpkeepHours, 0.0, 744.0),
];

/// The longest key the question can hold (what a link keeps room for).
pub const LONGEST_INPUT_KEY: usize = 13;

fn seekable_row(key: &str) -> Option<&'static Seekable> {
    SEEKABLE.iter().find(|s| s.key == key)
}

/// A field's name as the question names it: the form's label, unless that label leans on the
/// fields around it ("Hours per month after" follows "Build months").
pub fn input_label(field: &FieldSpec) -> &'static str {
    match field.key {
        "upkeep_hours" => "Upkeep hours per month",
        _ => field.label,
    }
}

/// The fields of `stream` the goal seek can solve for, as the form shows them now.
pub fn seekable_fields(stream: &StreamDraft) -> Vec<&'static FieldSpec> {
    stream
        .visible_fields()
        .into_iter()
        .filter(|f| seekable_row(f.key).is_some())
        .collect()
}

/// Why the question has no answer now; Display is the sentence shown in its place.
#[derive(Clone, Debug, PartialEq)]
pub enum NoQuestion {
    NoStream,
    /// The stream sells on Break-even's plan, or shows no field the seek can move.
    NoInput {
        stream: String,
    },
    /// The plan's "by month" needs fixing.
    FixMonth,
    /// Break-even's value of an hour needs fixing (the goal counts hours at it).
    NoHourValue,
    /// The plan has a field to fix, so there is no projection to solve on.
    FixFields,
}

impl std::fmt::Display for NoQuestion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoQuestion::NoStream => write!(f, "Switch on a stream to ask what it would take."),
            NoQuestion::NoInput { stream } => write!(f, "{stream} sells on Break-even's plan: ask what it would take on Break-even, or switch that off for this stream."),
            NoQuestion::FixMonth => write!(f, "Fix \"By month\" to ask what it would take."),
            NoQuestion::NoHourValue => write!(f, "This goal counts your hours at Break-even's value of an hour, which has a field to fix on Break-even."),
            NoQuestion::FixFields => write!(f, "Fix the fields marked above to ask what it would take."),
        }
    }
}

/// The question asked, resolved against the plan: what the page shows above the answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub goal: GoalKind,
    /// The month the goal is by (1-based; may lie past the horizon: the projection runs on).
    pub month: u32,
    pub stream_id: u32,
    pub stream_name: String,
    pub field: &'static FieldSpec,
    /// The plan's own value, the searched range's ends, in the field's shown unit (percent
    /// as a percent, money in minor units).
    pub now: f64,
    pub low: f64,
    pub high: f64,
}

/// What the goal seek found, values in the field's shown unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub question: Question,
    pub answer: Answer,
    /// The plan as it stands reaches the goal.
    pub reached_now: bool,
}

/// The stream the question is about: the kept one while it is switched on, else the first.
pub fn chosen_stream(draft: &DelayedDraft) -> Option<&StreamDraft> {
    // The streams switched on: those the plan projects, whether or not every field reads yet,
    // so the pickers keep their place while a field is being fixed.
    let on = |id: &u32| draft.stream(*id).is_some_and(|s| s.enabled);
    draft
        .what_if
        .stream
        .filter(on)
        .and_then(|id| draft.stream(id))
        .or_else(|| draft.streams.iter().find(|s| s.enabled))
}

/// The stream and field the question is about: the kept ones, or the first there are.
pub fn chosen(draft: &DelayedDraft) -> Result<(&StreamDraft, &'static FieldSpec), NoQuestion> {
    let stream = chosen_stream(draft).ok_or(NoQuestion::NoStream)?;
    let fields = seekable_fields(stream);
    let field = fields
        .iter()
        .find(|f| f.key == draft.what_if.input)
        .or(fields.first())
        .copied()
        .ok_or_else(|| NoQuestion::NoInput {
            stream: stream.name.trim().to_string(),
        })?;
    Ok((stream, field))
}

/// The month the plan's goals are by: its "by month".
pub fn goal_month(draft: &DelayedDraft) -> Result<u32, NoQuestion> {
    match parse_whole(&draft.target_by, u64::from(MAX_HORIZON)) {
        Ok(m) if m > 0 => Ok(m as u32),
        _ => Err(NoQuestion::FixMonth),
    }
}

/// Answers the plan's question (see [`WhatIf`]).
pub fn what_must_be_true(
    draft: &DelayedDraft,
    inputs: &Result<DelayedInputs, DelayedErrors>,
    from: &FromThePlan,
) -> Result<Found, NoQuestion> {
    let month = goal_month(draft)?;
    let inputs = inputs.as_ref().map_err(|_| NoQuestion::FixFields)?;
    let (stream, field) = chosen(draft)?;
    let row = seekable_row(field.key).ok_or(NoQuestion::FixFields)?;
    let index = inputs
        .stream_ids
        .iter()
        .position(|&id| id == stream.id)
        .ok_or(NoQuestion::NoStream)?;
    let mut plan: Plan = inputs.plan.clone();
    // As the chance of the target does: a month past the horizon is projected that far.
    plan.horizon = plan.horizon.max(month);
    let goal = match draft.what_if.goal {
        GoalKind::Target => Goal::SustainedNet {
            month,
            net: plan.target,
        },
        GoalKind::Payback => {
            from.hourly_value.ok_or(NoQuestion::NoHourValue)?;
            Goal::PaysBackCountingTime { month }
        }
        GoalKind::Rate => Goal::HourlyRate {
            month,
            rate: from.hourly_value.ok_or(NoQuestion::NoHourValue)? as f64,
        },
    };
    let scale = engine_per_shown(field.unit);
    let high = row.high.unwrap_or(f64::from(plan.horizon));
    let shown = |typed: f64| match field.unit {
        Unit::Money => typed * from.currency.minor_per_major() as f64,
        _ => typed,
    };
    let (low, high) = (shown(row.low), shown(high));
    let now = input_value(&plan, index, row.input).ok_or(NoQuestion::FixFields)? / scale;
    let seek = Seek {
        goal,
        stream: index,
        input: row.input,
        low: low * scale,
        high: high * scale,
        tolerance: step(field.unit, high) * scale / 16.0,
    };
    let reached_now = goal.margin(&project(&plan)) >= 0.0;
    let answer = match solve(&plan, &seek) {
        Answer::Value {
            value,
            needs,
            monotone,
        } => Answer::Value {
            value: snap(
                &plan,
                &seek,
                value / scale,
                needs,
                scale,
                step(field.unit, value / scale),
            ),
            needs,
            monotone,
        },
        other => other,
    };
    Ok(Found {
        question: Question {
            goal: draft.what_if.goal,
            month,
            stream_id: stream.id,
            stream_name: stream.name.trim().to_string(),
            field,
            now,
            low,
            high,
        },
        answer,
        reached_now,
    })
}

/// How many of the engine's units one shown unit is: a percent is a hundredth.
pub(super) fn engine_per_shown(unit: Unit) -> f64 {
    match unit {
        Unit::Percent => 0.01,
        _ => 1.0,
    }
}

/// The finest step an answer is shown in: a hundredth of a percent, a cent, a tenth of a
/// visitor, month or hour (a whole one from 1,000 up, as counts are shown).
fn step(unit: Unit, magnitude: f64) -> f64 {
    match unit {
        Unit::Percent => 0.01,
        Unit::Money => 1.0,
        _ if magnitude.abs() >= 1000.0 => 1.0,
        _ => 0.1,
    }
}

/// The answer on the shown step, on the side that still reaches the goal: "at least 3.2 %"
/// must reach it at 3.2 %, not only at 3.2004.
fn snap(plan: &Plan, seek: &Seek, value: f64, needs: Needs, scale: f64, step: f64) -> f64 {
    let reaches = |shown: f64| {
        let mut trial = plan.clone();
        set_input(&mut trial, seek.stream, seek.input, shown * scale);
        seek.goal.margin(&project(&trial)) >= 0.0
    };
    let within = |shown: f64| {
        let v = shown * scale;
        seek.low.min(seek.high) <= v && v <= seek.low.max(seek.high)
    };
    let nearest = (value / step).round() * step;
    let next = match needs {
        Needs::AtLeast => nearest + step,
        Needs::AtMost => nearest - step,
    };
    if within(nearest) && reaches(nearest) {
        nearest
    } else if within(next) && reaches(next) {
        next
    } else {
        value
    }
}

/// The typed text of a shown value, as the field would take it (for "Use this value").
pub fn typed_text(
    field: &FieldSpec,
    shown: f64,
    currency: crate::engine::money::Currency,
) -> String {
    match field.unit {
        Unit::Money => crate::engine::fields::money_text(shown.round() as i64, currency),
        _ => {
            let t = format!("{:.2}", shown);
            t.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_input_key_is_counted() {
        let longest = SEEKABLE.iter().map(|s| s.key.len()).max();
        assert_eq!(longest, Some(LONGEST_INPUT_KEY));
        let longest_goal = GoalKind::ALL.iter().map(|g| g.token().len()).max();
        assert_eq!(longest_goal, Some(GoalKind::Payback.token().len()));
    }

    #[test]
    fn every_seekable_key_is_a_field() {
        use crate::scenario::delayed::{StreamType, EFFORT_FIELDS};
        for row in &SEEKABLE {
            let found = StreamType::ALL
                .iter()
                .flat_map(|k| k.fields().iter().chain(EFFORT_FIELDS))
                .any(|f| f.key == row.key);
            assert!(found, "{}", row.key);
        }
    }
}
