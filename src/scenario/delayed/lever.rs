//! The biggest lever, as the plan asks it: an outcome picked, and each input the uncertainty
//! band draws moved to the two ends of its range, one at a time, the others as typed.
//!
//! The ranges are the band's own (the low and high values beside each field), so the tornado
//! and the band describe the same uncertainty; without the band there is nothing to move.

use super::fields::FieldSpec;
use super::stream::{MembersMode, StreamDraft};
use super::validate::{DelayedErrors, DelayedInputs};
use super::what_if::{engine_per_shown, goal_month};
use super::DelayedDraft;
use crate::engine::delayed::goal::Input;
use crate::engine::delayed::sensitivity::{tornado, Outcome};
use serde::{Deserialize, Serialize};

/// What the tornado measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LeverOutcome {
    /// Cumulative net in cash at the horizon.
    #[default]
    Cumulative,
    /// The net of the plan's "by month".
    Net,
    /// The month cumulative net in cash turns positive.
    Payback,
    /// Cumulative net over every hour worked, at the horizon.
    Rate,
}

impl LeverOutcome {
    pub const ALL: [LeverOutcome; 4] = [
        LeverOutcome::Cumulative,
        LeverOutcome::Net,
        LeverOutcome::Payback,
        LeverOutcome::Rate,
    ];

    /// The token the plan stores (and the picker's value).
    pub fn token(self) -> &'static str {
        match self {
            LeverOutcome::Cumulative => "cumulative",
            LeverOutcome::Net => "net",
            LeverOutcome::Payback => "payback",
            LeverOutcome::Rate => "rate",
        }
    }

    pub fn from_token(token: &str) -> Option<LeverOutcome> {
        LeverOutcome::ALL.into_iter().find(|o| o.token() == token)
    }

    /// A lower figure is the better one (an earlier payback).
    pub fn lower_is_better(self) -> bool {
        self == LeverOutcome::Payback
    }
}

/// One bar: an input of one stream at the two ends of its range.
#[derive(Clone, Debug, PartialEq)]
pub struct LeverRow {
    pub stream_name: String,
    pub field: &'static FieldSpec,
    /// The range's ends in the field's shown unit (percent as a percent).
    pub low: f64,
    pub high: f64,
    /// The outcome with the input at `low` and at `high`.
    pub at_low: f64,
    pub at_high: f64,
}

impl LeverRow {
    pub fn span(&self) -> f64 {
        (self.at_high - self.at_low).abs()
    }
}

/// The tornado of the plan: the outcome as planned and each input's bar, the biggest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Levers {
    pub outcome: LeverOutcome,
    /// The month the outcome is read at: the "by month" for a month's net, else the horizon.
    pub month: u32,
    pub horizon: u32,
    pub base: f64,
    pub rows: Vec<LeverRow>,
}

/// Why there is no tornado now; Display is the sentence shown in its place.
#[derive(Clone, Debug, PartialEq)]
pub enum NoLever {
    /// The uncertainty band is off: no ranges to move the inputs across.
    NoBand,
    /// The band is on but no switched-on stream has a ranged input.
    NoRanges,
    FixMonth,
    FixFields,
}

impl std::fmt::Display for NoLever {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoLever::NoBand => write!(f, "Switch on the uncertainty band above: each input is moved across the low-to-high range you give it there."),
            NoLever::NoRanges => write!(f, "No switched-on stream has an input with a low and a high value to move."),
            NoLever::FixMonth => write!(f, "Fix \"By month\" to see which input matters most."),
            NoLever::FixFields => write!(f, "Fix the fields marked above to see which input matters most."),
        }
    }
}

/// The field a ranged engine input is typed in, for `stream`.
fn ranged_field(stream: &StreamDraft, input: Input) -> Option<&'static FieldSpec> {
    let key = match input {
        Input::Plateau => "plateau",
        Input::ClickThrough => "click_through",
        Input::Conversion => "conversion",
        Input::HalfLife => "half_life",
        Input::Churn => "churn",
        Input::NewMembers if stream.members_mode == MembersMode::ShareOfVisitors => "share",
        Input::NewMembers => "members",
        _ => return None,
    };
    stream.kind.fields().iter().find(|f| f.key == key)
}

/// The plan's tornado for the outcome it asks about (see [`Levers`]).
pub fn biggest_levers(
    draft: &DelayedDraft,
    inputs: &Result<DelayedInputs, DelayedErrors>,
) -> Result<Levers, NoLever> {
    let outcome = draft.what_if.lever;
    let month = match outcome {
        LeverOutcome::Net => goal_month(draft).map_err(|_| NoLever::FixMonth)?,
        _ => 0,
    };
    let inputs = inputs.as_ref().map_err(|_| NoLever::FixFields)?;
    let ranges = &inputs.uncertainty.as_ref().ok_or(NoLever::NoBand)?.ranges;
    let mut plan = inputs.plan.clone();
    // As the chance of the target does: a month past the horizon is projected that far.
    plan.horizon = plan.horizon.max(month);
    let month = if month == 0 { plan.horizon } else { month };
    let engine_outcome = match outcome {
        LeverOutcome::Cumulative => Outcome::CumulativeNet,
        LeverOutcome::Net => Outcome::NetInMonth(month),
        LeverOutcome::Payback => Outcome::PaybackMonth,
        LeverOutcome::Rate => Outcome::HourlyRate,
    };
    let (base, swings) = tornado(&plan, ranges, engine_outcome);
    let rows: Vec<LeverRow> = swings
        .into_iter()
        .filter_map(|s| {
            let stream = draft.stream(*inputs.stream_ids.get(s.stream)?)?;
            // Only what the form shows: a stream on Break-even's plan hides its own half-life.
            let field = ranged_field(stream, s.input)
                .filter(|f| stream.visible_fields().iter().any(|v| v.key == f.key))?;
            let per = engine_per_shown(field.unit);
            Some(LeverRow {
                stream_name: stream.name.trim().to_string(),
                field,
                low: s.low / per,
                high: s.high / per,
                at_low: s.at_low,
                at_high: s.at_high,
            })
        })
        .collect();
    if rows.is_empty() {
        return Err(NoLever::NoRanges);
    }
    Ok(Levers {
        outcome,
        month,
        horizon: plan.horizon,
        base,
        rows,
    })
}
