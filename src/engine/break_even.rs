//! The Break-even calculator: when the build pays back, in units, in months, and in hours.
//!
//! Month 0 is the build (upfront cash and build hours); sales start in month 1. Two views run
//! side by side: cash (what leaves your account) and time-valued (your hours priced at your
//! hourly value, as a cost). Per-unit money is exact; month-by-month figures are estimates.

use super::money::{Currency, Money};
use std::fmt;

pub use crate::engine::sales::SalesCurve;
pub use crate::engine::MAX_HORIZON;

/// Everything the Break-even calculator reads, already validated. Money in minor units.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakEvenInputs {
    pub currency: Currency,
    pub build_hours: f64,
    pub hourly_value: i64,
    pub upfront_cash: i64,
    /// Count hours as a cost in the headline answers (the time-valued view).
    pub count_time: bool,
    /// Sum of the monthly cost lines.
    pub monthly_costs: i64,
    pub upkeep_hours: f64,
    pub net_per_sale: i64,
    pub variable_cost: i64,
    pub curve: SalesCurve,
    pub horizon: u32,
    /// N in "break-even units including N months of fixed costs".
    pub fixed_months: u32,
}

impl BreakEvenInputs {
    fn money(&self, minor: i64) -> Money {
        Money::new(minor, self.currency)
    }

    /// What one sale leaves after its own variable cost.
    pub fn contribution_per_sale(&self) -> i64 {
        self.net_per_sale.saturating_sub(self.variable_cost)
    }

    /// Upfront cost in a view: cash, plus build hours at the hourly value when time counts.
    pub fn upfront(&self, valued: bool) -> f64 {
        self.upfront_cash as f64 + self.time_cost(self.build_hours, valued)
    }

    /// Fixed cost per month in a view: cost lines, plus upkeep hours at the hourly value.
    pub fn fixed_monthly(&self, valued: bool) -> f64 {
        self.monthly_costs as f64 + self.time_cost(self.upkeep_hours, valued)
    }

    /// A month's upkeep hours at the hourly value.
    pub fn upkeep_value(&self) -> f64 {
        self.time_cost(self.upkeep_hours, true)
    }

    /// Hours at the hourly value in the time-valued view; nothing in the cash view.
    fn time_cost(&self, hours: f64, valued: bool) -> f64 {
        if valued {
            hours * self.hourly_value as f64
        } else {
            0.0
        }
    }
}

/// One month of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthRow {
    pub month: u32,
    pub sales: f64,
    pub contribution: f64,
    pub cumulative_cash: f64,
    pub cumulative_valued: f64,
    pub cumulative_hours: f64,
    /// Cumulative cash result per cumulative hour; None before any hour is spent.
    pub hourly_rate: Option<f64>,
}

/// Why a plan has no break-even; Display is the sentence shown instead of a number.
#[derive(Clone, Debug, PartialEq)]
pub enum NoBreakEven {
    /// Each sale loses money after its variable cost.
    SalesLoseMoney { per_sale: Money },
    /// Each sale contributes nothing.
    ZeroMargin,
    /// No month has a sale.
    NoSales,
    /// The fixed costs are higher than what the sales bring in each month.
    CostsExceedContribution {
        costs: Money,
        contribution: Money,
        /// The costs include upkeep hours at the hourly value.
        with_time: bool,
    },
    /// It would break even, but not within the horizon.
    BeyondHorizon { horizon: u32 },
}

impl fmt::Display for NoBreakEven {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoBreakEven::SalesLoseMoney { per_sale } => write!(
                f,
                "Each sale loses {} after its costs, so more sales lose more: it never breaks even.",
                per_sale.abs()
            ),
            NoBreakEven::ZeroMargin => write!(
                f,
                "Each sale leaves nothing after its costs: no number of sales pays back the build."
            ),
            NoBreakEven::NoSales => write!(f, "No sales, no break-even."),
            NoBreakEven::CostsExceedContribution {
                costs,
                contribution,
                with_time,
            } => write!(
                f,
                "Monthly costs{} ({costs}) are more than the monthly contribution ({contribution}): it never breaks even.",
                if *with_time { " with your upkeep hours" } else { "" }
            ),
            NoBreakEven::BeyondHorizon { horizon } => write!(
                f,
                "It does not pay back within {horizon} months."
            ),
        }
    }
}

/// The effective hourly rate at a checkpoint month.
#[derive(Clone, Debug, PartialEq)]
pub struct HourlyCheckpoint {
    pub month: u32,
    /// Minor units per hour; None when no hours were spent.
    pub rate: Option<f64>,
}

/// Everything the Break-even calculator shows.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakEven {
    pub contribution_per_sale: i64,
    /// Month 1's sales times the contribution per sale.
    pub first_month_contribution: f64,
    /// Month 1's contribution minus the fixed monthly costs (cash view).
    pub first_month_result: f64,
    /// The same, less the upkeep hours at the hourly value (time-valued view).
    pub first_month_result_valued: f64,
    /// Whole sales that pay back the upfront cost (in the headline view).
    pub units_upfront: Result<u64, NoBreakEven>,
    /// Whole sales that pay back the upfront cost and `fixed_months` months of fixed costs.
    pub units_with_fixed: Result<u64, NoBreakEven>,
    pub month_cash: Result<u32, NoBreakEven>,
    pub month_valued: Result<u32, NoBreakEven>,
    pub months: Vec<MonthRow>,
    pub hourly: Vec<HourlyCheckpoint>,
    /// First month the effective hourly rate reaches the user's hourly value.
    pub beats_hourly_value: Option<u32>,
}

/// Whole units covering `cost` at `contribution` each, rounded up.
fn units_for(cost: f64, inputs: &BreakEvenInputs) -> Result<u64, NoBreakEven> {
    let contribution = inputs.contribution_per_sale();
    if contribution < 0 {
        return Err(NoBreakEven::SalesLoseMoney {
            per_sale: inputs.money(contribution),
        });
    }
    if cost <= 0.0 {
        return Ok(0);
    }
    if contribution == 0 {
        return Err(NoBreakEven::ZeroMargin);
    }
    // A tiny tolerance keeps exact divisions from rounding up a unit.
    Ok((cost / contribution as f64 - 1e-9).ceil().max(0.0) as u64)
}

/// Runs the Break-even calculator.
pub fn break_even(inputs: &BreakEvenInputs) -> BreakEven {
    let horizon = inputs.horizon.clamp(1, MAX_HORIZON);
    let contribution = inputs.contribution_per_sale();
    let headline_valued = inputs.count_time;

    let mut months = Vec::with_capacity(horizon as usize);
    let mut cash = -inputs.upfront(false);
    let mut valued = -inputs.upfront(true);
    let mut hours = inputs.build_hours;
    for m in 1..=horizon {
        let sales = inputs.curve.sales_in(m).max(0.0);
        let month_contribution = sales * contribution as f64;
        cash += month_contribution - inputs.fixed_monthly(false);
        valued += month_contribution - inputs.fixed_monthly(true);
        hours += inputs.upkeep_hours;
        months.push(MonthRow {
            month: m,
            sales,
            contribution: month_contribution,
            cumulative_cash: cash,
            cumulative_valued: valued,
            cumulative_hours: hours,
            hourly_rate: (hours > 0.0).then(|| cash / hours),
        });
    }

    let first = &months[0];
    let first_month_contribution = first.contribution;
    let first_month_result = first.contribution - inputs.fixed_monthly(false);
    let first_month_result_valued = first.contribution - inputs.fixed_monthly(true);

    let month_for = |valued: bool| -> Result<u32, NoBreakEven> {
        if inputs.upfront(valued) <= 0.0 && inputs.fixed_monthly(valued) <= 0.0 {
            return Ok(0);
        }
        if contribution < 0 {
            return Err(NoBreakEven::SalesLoseMoney {
                per_sale: inputs.money(contribution),
            });
        }
        if inputs.curve.never_sells() {
            return Err(NoBreakEven::NoSales);
        }
        if contribution == 0 {
            return Err(NoBreakEven::ZeroMargin);
        }
        let found = months.iter().find(|row| {
            let total = if valued {
                row.cumulative_valued
            } else {
                row.cumulative_cash
            };
            total >= -1e-6
        });
        if let Some(row) = found {
            return Ok(row.month);
        }
        // Judge "never" by the long run: if those months still lose money, no later month helps.
        let long_run = inputs.curve.long_run().max(0.0) * contribution as f64;
        let fixed = inputs.fixed_monthly(valued);
        if long_run <= fixed {
            return Err(NoBreakEven::CostsExceedContribution {
                costs: Money::from_estimate(fixed, inputs.currency),
                contribution: Money::from_estimate(long_run, inputs.currency),
                with_time: valued && inputs.upkeep_hours > 0.0 && inputs.hourly_value > 0,
            });
        }
        Err(NoBreakEven::BeyondHorizon { horizon })
    };

    let fixed_cost = inputs.upfront(headline_valued)
        + f64::from(inputs.fixed_months) * inputs.fixed_monthly(headline_valued);
    let mut checkpoints: Vec<u32> = [3, 6, 12, 24]
        .into_iter()
        .filter(|m| *m < horizon)
        .collect();
    checkpoints.push(horizon);
    let hourly = checkpoints
        .into_iter()
        .map(|m| HourlyCheckpoint {
            month: m,
            rate: months[(m - 1) as usize].hourly_rate,
        })
        .collect();
    let beats_hourly_value = months
        .iter()
        .find(|r| {
            r.hourly_rate
                .is_some_and(|rate| rate >= inputs.hourly_value as f64)
        })
        .map(|r| r.month);

    BreakEven {
        contribution_per_sale: contribution,
        first_month_contribution,
        first_month_result,
        first_month_result_valued,
        units_upfront: units_for(inputs.upfront(headline_valued), inputs),
        units_with_fixed: units_for(fixed_cost, inputs),
        month_cash: month_for(false),
        month_valued: month_for(true),
        hourly,
        beats_hourly_value,
        months,
    }
}
