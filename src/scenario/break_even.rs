//! The Break-even calculator's inputs as typed, and their validation into engine inputs.

use crate::engine::break_even::{BreakEvenInputs, SalesCurve, MAX_HORIZON};
use crate::engine::fields::{parse_count, parse_money, parse_percent, parse_whole, FieldError};
use crate::engine::money::Currency;
use serde::{Deserialize, Serialize};

/// Most hours a field takes (build or upkeep).
pub const MAX_HOURS: f64 = 100_000.0;
/// Most sales a month a curve field takes.
pub const MAX_SALES: f64 = 10_000_000.0;
/// Most monthly cost lines a plan takes.
pub const MAX_COST_LINES: usize = 50;
/// Most months a half-life takes.
pub const MAX_HALF_LIFE: f64 = 120.0;

/// A named monthly cost, as typed. A missing member reads as empty.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CostLineDraft {
    pub name: String,
    pub amount: String,
}

/// Which shape of monthly sales the plan assumes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CurveKind {
    Constant,
    Growth,
    #[default]
    Launch,
}

/// The Break-even calculator's inputs as typed. A missing member takes the default plan's value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BreakEvenDraft {
    pub build_hours: String,
    pub hourly_value: String,
    pub upfront_cash: String,
    pub count_time: bool,
    pub costs: Vec<CostLineDraft>,
    pub upkeep_hours: String,
    /// The plan's product whose net per sale (from Pricing) the calculator takes; None: the
    /// figure typed in `net_override`.
    pub product: Option<u32>,
    pub net_override: String,
    pub variable_cost: String,
    pub curve: CurveKind,
    pub per_month: String,
    pub start: String,
    pub growth: String,
    pub ceiling: String,
    pub launch: String,
    pub baseline: String,
    pub half_life: String,
    pub horizon: String,
    pub fixed_months: String,
}

/// The essays' workshop: about two weeks of part-time building, then 3-5 sales a month.
impl Default for BreakEvenDraft {
    fn default() -> Self {
        BreakEvenDraft {
            build_hours: "40".into(),
            hourly_value: "50".into(),
            upfront_cash: "150".into(),
            count_time: true,
            costs: vec![
                CostLineDraft {
                    name: "Email service".into(),
                    amount: "15".into(),
                },
                CostLineDraft {
                    name: "AI subscription".into(),
                    amount: "20".into(),
                },
            ],
            upkeep_hours: "3".into(),
            product: Some(0),
            net_override: "23.80".into(),
            variable_cost: "0".into(),
            curve: CurveKind::Launch,
            per_month: "4".into(),
            start: "2".into(),
            growth: "10".into(),
            ceiling: "20".into(),
            launch: "12".into(),
            baseline: "4".into(),
            half_life: "1".into(),
            horizon: "24".into(),
            fixed_months: "12".into(),
        }
    }
}

/// Suggested cost lines, one click away: name and a typical monthly amount in US dollars.
pub const SUGGESTED_COSTS: [(&str, i64); 5] = [
    ("Hosting", 1000),
    ("AI API", 2000),
    ("Tools", 1500),
    ("Email service", 1500),
    ("Domain", 150),
];

/// Names a field of the Break-even form, for placing its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BreakEvenField {
    BuildHours,
    HourlyValue,
    UpfrontCash,
    CostAmount(usize),
    UpkeepHours,
    NetOverride,
    VariableCost,
    PerMonth,
    Start,
    Growth,
    Ceiling,
    Launch,
    Baseline,
    HalfLife,
    Horizon,
    FixedMonths,
}

impl BreakEvenField {
    /// The label a person sees.
    pub fn label(self) -> String {
        match self {
            BreakEvenField::BuildHours => "Build hours".into(),
            BreakEvenField::HourlyValue => "Value of one hour".into(),
            BreakEvenField::UpfrontCash => "Upfront cash".into(),
            BreakEvenField::CostAmount(i) => format!("Monthly cost {} amount", i + 1),
            BreakEvenField::UpkeepHours => "Upkeep hours per month".into(),
            BreakEvenField::NetOverride => "Net per sale".into(),
            BreakEvenField::VariableCost => "Variable cost per sale".into(),
            BreakEvenField::PerMonth => "Sales per month".into(),
            BreakEvenField::Start => "Sales in month 1".into(),
            BreakEvenField::Growth => "Monthly growth".into(),
            BreakEvenField::Ceiling => "Ceiling".into(),
            BreakEvenField::Launch => "Launch-month sales".into(),
            BreakEvenField::Baseline => "Baseline sales per month".into(),
            BreakEvenField::HalfLife => "Half-life".into(),
            BreakEvenField::Horizon => "Horizon".into(),
            BreakEvenField::FixedMonths => "Months of fixed costs to cover".into(),
        }
    }
}

/// Every field's sentence, in form order.
pub type BreakEvenErrors = Vec<(BreakEvenField, FieldError)>;

impl BreakEvenDraft {
    /// The text typed in a field.
    pub fn text(&self, field: BreakEvenField) -> String {
        self.slot(field).map(|s| s.to_string()).unwrap_or_default()
    }

    fn slot(&self, field: BreakEvenField) -> Option<&str> {
        Some(match field {
            BreakEvenField::BuildHours => &self.build_hours,
            BreakEvenField::HourlyValue => &self.hourly_value,
            BreakEvenField::UpfrontCash => &self.upfront_cash,
            BreakEvenField::CostAmount(i) => &self.costs.get(i)?.amount,
            BreakEvenField::UpkeepHours => &self.upkeep_hours,
            BreakEvenField::NetOverride => &self.net_override,
            BreakEvenField::VariableCost => &self.variable_cost,
            BreakEvenField::PerMonth => &self.per_month,
            BreakEvenField::Start => &self.start,
            BreakEvenField::Growth => &self.growth,
            BreakEvenField::Ceiling => &self.ceiling,
            BreakEvenField::Launch => &self.launch,
            BreakEvenField::Baseline => &self.baseline,
            BreakEvenField::HalfLife => &self.half_life,
            BreakEvenField::Horizon => &self.horizon,
            BreakEvenField::FixedMonths => &self.fixed_months,
        })
    }

    /// Stores the text typed in a field, exactly as typed.
    pub fn set_text(&mut self, field: BreakEvenField, text: String) {
        let slot = match field {
            BreakEvenField::BuildHours => &mut self.build_hours,
            BreakEvenField::HourlyValue => &mut self.hourly_value,
            BreakEvenField::UpfrontCash => &mut self.upfront_cash,
            BreakEvenField::CostAmount(i) => match self.costs.get_mut(i) {
                Some(line) => &mut line.amount,
                None => return,
            },
            BreakEvenField::UpkeepHours => &mut self.upkeep_hours,
            BreakEvenField::NetOverride => &mut self.net_override,
            BreakEvenField::VariableCost => &mut self.variable_cost,
            BreakEvenField::PerMonth => &mut self.per_month,
            BreakEvenField::Start => &mut self.start,
            BreakEvenField::Growth => &mut self.growth,
            BreakEvenField::Ceiling => &mut self.ceiling,
            BreakEvenField::Launch => &mut self.launch,
            BreakEvenField::Baseline => &mut self.baseline,
            BreakEvenField::HalfLife => &mut self.half_life,
            BreakEvenField::Horizon => &mut self.horizon,
            BreakEvenField::FixedMonths => &mut self.fixed_months,
        };
        *slot = text;
    }

    /// The sentence for one field, if its text is not acceptable.
    pub fn field_error(&self, field: BreakEvenField, currency: Currency) -> Option<FieldError> {
        let text = self.slot(field)?;
        let result = match field {
            BreakEvenField::BuildHours | BreakEvenField::UpkeepHours => {
                parse_count(text, MAX_HOURS).map(drop)
            }
            BreakEvenField::HourlyValue
            | BreakEvenField::UpfrontCash
            | BreakEvenField::CostAmount(_)
            | BreakEvenField::NetOverride
            | BreakEvenField::VariableCost => parse_money(text, currency).map(drop),
            BreakEvenField::PerMonth
            | BreakEvenField::Start
            | BreakEvenField::Ceiling
            | BreakEvenField::Launch
            | BreakEvenField::Baseline => parse_count(text, MAX_SALES).map(drop),
            BreakEvenField::Growth => parse_percent(text, 1000).map(drop),
            BreakEvenField::HalfLife => parse_count(text, MAX_HALF_LIFE).map(drop),
            BreakEvenField::Horizon => match parse_whole(text, u64::from(MAX_HORIZON)) {
                Ok(0) => Err(FieldError::TooSmall { min: "1".into() }),
                other => other.map(drop),
            },
            BreakEvenField::FixedMonths => parse_whole(text, u64::from(MAX_HORIZON)).map(drop),
        };
        result.err()
    }

    /// Adds a cost line if there is room; false (nothing added) at the limit.
    pub fn add_cost(&mut self, name: String, amount: String) -> bool {
        if self.costs.len() >= MAX_COST_LINES {
            return false;
        }
        self.costs.push(CostLineDraft { name, amount });
        true
    }

    /// The fields in form order; only the chosen curve's fields and the override if used.
    pub fn fields(&self) -> Vec<BreakEvenField> {
        use BreakEvenField as F;
        let mut fields = vec![F::BuildHours, F::HourlyValue, F::UpfrontCash];
        fields.extend((0..self.costs.len()).map(F::CostAmount));
        fields.push(F::UpkeepHours);
        if self.product.is_none() {
            fields.push(F::NetOverride);
        }
        fields.push(F::VariableCost);
        match self.curve {
            CurveKind::Constant => fields.push(F::PerMonth),
            CurveKind::Growth => fields.extend([F::Start, F::Growth, F::Ceiling]),
            CurveKind::Launch => fields.extend([F::Launch, F::Baseline, F::HalfLife]),
        }
        fields.extend([F::Horizon, F::FixedMonths]);
        fields
    }

    /// Validates every field; `pricing_net` is the chosen product's net per sale, if valid.
    pub fn inputs(
        &self,
        currency: Currency,
        pricing_net: Option<i64>,
    ) -> Result<BreakEvenInputs, BreakEvenErrors> {
        let errors: BreakEvenErrors = self
            .fields()
            .into_iter()
            .filter_map(|f| self.field_error(f, currency).map(|e| (f, e)))
            .collect();
        let net = if self.product.is_some() {
            pricing_net
        } else {
            parse_money(&self.net_override, currency).ok()
        };
        let (true, Some(net_per_sale)) = (errors.is_empty(), net) else {
            return Err(errors);
        };
        // Every field parsed above, so the defaults below are never used.
        let money = |t: &str| parse_money(t, currency).unwrap_or_default();
        let count = |t: &str| parse_count(t, MAX_SALES).unwrap_or_default();
        let whole = |t: &str| parse_whole(t, u64::from(MAX_HORIZON)).unwrap_or_default() as u32;
        let curve = match self.curve {
            CurveKind::Constant => SalesCurve::Constant {
                per_month: count(&self.per_month),
            },
            CurveKind::Growth => SalesCurve::Growth {
                start: count(&self.start),
                growth: parse_percent(&self.growth, 1000)
                    .unwrap_or_default()
                    .as_fraction(),
                ceiling: count(&self.ceiling),
            },
            CurveKind::Launch => SalesCurve::Launch {
                launch: count(&self.launch),
                baseline: count(&self.baseline),
                half_life: count(&self.half_life),
            },
        };
        Ok(BreakEvenInputs {
            currency,
            build_hours: count(&self.build_hours),
            hourly_value: money(&self.hourly_value),
            upfront_cash: money(&self.upfront_cash),
            count_time: self.count_time,
            monthly_costs: self.costs.iter().map(|c| money(&c.amount)).sum(),
            upkeep_hours: count(&self.upkeep_hours),
            net_per_sale,
            variable_cost: money(&self.variable_cost),
            curve,
            horizon: whole(&self.horizon),
            fixed_months: whole(&self.fixed_months),
        })
    }
}
