//! The biggest lever: each uncertain input moved to the low and the high end of the range the
//! Monte Carlo draws it from, the others held at the plan's values, and the outcome's swing.

use super::goal::{input_value, set_input, Input};
use super::monte_carlo::StreamRanges;
use super::{project, Plan, Projection};

/// What the swing is measured on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The net of one month (1-based; past the horizon: the last month).
    NetInMonth(u32),
    /// Cumulative net in cash at the horizon.
    CumulativeNet,
    /// The month cumulative net in cash turns positive; a plan that does not within the
    /// horizon counts as the month after it, so "never" still ranks as the worst.
    PaybackMonth,
    /// Cumulative net in cash over every hour worked by the horizon (upfront ones too).
    HourlyRate,
}

impl Outcome {
    pub fn of(self, projection: &Projection) -> f64 {
        let months = &projection.months;
        let Some(last) = months.last() else {
            return 0.0;
        };
        match self {
            Outcome::NetInMonth(m) => months[(m.max(1) as usize).min(months.len()) - 1].net,
            Outcome::CumulativeNet => last.cumulative,
            // The milestone's own month, so the tornado and the results name the same one.
            Outcome::PaybackMonth => projection
                .milestones(0.0)
                .cumulative_positive
                .map_or(months.len() as f64 + 1.0, f64::from),
            Outcome::HourlyRate => {
                if last.cumulative_hours > 0.0 {
                    last.cumulative / last.cumulative_hours
                } else {
                    0.0
                }
            }
        }
    }
}

/// One bar of the tornado: an input of one stream at the two ends of its range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Swing {
    pub stream: usize,
    pub input: Input,
    /// The input's range.
    pub low: f64,
    pub high: f64,
    /// The outcome with the input at `low` and at `high`.
    pub at_low: f64,
    pub at_high: f64,
}

impl Swing {
    /// How far the outcome moves across the range.
    pub fn span(&self) -> f64 {
        (self.at_high - self.at_low).abs()
    }
}

/// The outcome of the plan as it is, and every ranged input's swing, the biggest first (ties
/// keep the plan's stream order).
pub fn tornado(plan: &Plan, ranges: &[StreamRanges], outcome: Outcome) -> (f64, Vec<Swing>) {
    let base = outcome.of(&project(plan));
    let mut swings = Vec::new();
    for (stream, r) in ranges.iter().enumerate().take(plan.streams.len()) {
        let ranged = [
            (Input::Plateau, r.plateau),
            (Input::ClickThrough, r.click_through),
            (Input::Conversion, r.conversion),
            (Input::HalfLife, r.half_life),
            (Input::Churn, r.churn),
            (Input::NewMembers, r.members),
        ];
        for (input, range) in ranged {
            let Some(range) = range else { continue };
            if input_value(plan, stream, input).is_none() {
                continue;
            }
            let at = |value: f64| {
                let mut trial = plan.clone();
                set_input(&mut trial, stream, input, value);
                outcome.of(&project(&trial))
            };
            swings.push(Swing {
                stream,
                input,
                low: range.low,
                high: range.high,
                at_low: at(range.low),
                at_high: at(range.high),
            });
        }
    }
    swings.sort_by(|a, b| b.span().total_cmp(&a.span()));
    (base, swings)
}
