//! The Pricing calculator: per-sale net, monthly net at a volume, targets and subscription figures.
//!
//! Per-sale money is exact (minor units). Monthly figures multiply by a volume that may be an
//! average like 3.5 sales a month, so they are estimates in f64 minor units, rounded when shown.

use super::fees::{
    price_for_net, sale_breakdown, FeeLayer, PriceForNetError, ProductKind, SaleBreakdown,
    SaleTerms,
};
use super::money::{Currency, Money, Rate};
use std::fmt;

/// Everything the Pricing calculator reads, already validated.
#[derive(Clone, Debug, PartialEq)]
pub struct PricingInputs {
    pub currency: Currency,
    pub kind: ProductKind,
    /// List price per sale, or per month for a subscription, in minor units.
    pub price: i64,
    pub layers: Vec<FeeLayer>,
    pub discount: Rate,
    pub affiliate: Rate,
    /// Share of sales refunded: the buyer gets the charged price back, fees are not returned.
    pub refund: Rate,
    /// Share of positive monthly profit put aside for income tax.
    pub tax: Rate,
    /// Sales per month, or new subscribers per month.
    pub volume: f64,
    /// Share of subscribers who cancel each month (subscriptions only).
    pub churn: Rate,
    pub target_per_sale: i64,
    pub target_per_month: i64,
}

impl PricingInputs {
    pub fn terms(&self) -> SaleTerms {
        SaleTerms {
            kind: self.kind,
            discount: self.discount,
            affiliate: self.affiliate,
        }
    }

    pub fn money(&self, minor: i64) -> Money {
        Money::new(minor, self.currency)
    }

    /// Plan fees per month of the applicable layers, in minor units.
    pub fn plan_fees(&self) -> i64 {
        plan_fees(&self.layers, self.kind)
    }
}

pub fn plan_fees(layers: &[FeeLayer], kind: ProductKind) -> i64 {
    layers
        .iter()
        .filter(|l| l.applies_to(kind))
        .map(|l| l.monthly)
        .sum()
}

/// Expected net of one sale once refunds are counted, in minor units (an estimate).
pub fn net_after_refunds(sale: &SaleBreakdown, refund: Rate) -> f64 {
    sale.net as f64 - refund.as_fraction() * sale.charged as f64
}

/// One month's money at a given number of paid charges.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthlyNet {
    /// Paid charges this month: sales, or paying subscribers.
    pub charges: f64,
    pub gross: f64,
    pub fees: f64,
    pub refunds: f64,
    pub plan_fees: f64,
    pub tax: f64,
    pub net: f64,
}

/// Monthly net at `charges` paid charges a month: after fees, plan fees, refunds and tax set-aside.
pub fn monthly_net(
    sale: &SaleBreakdown,
    plan_fees: i64,
    refund: Rate,
    tax: Rate,
    charges: f64,
) -> MonthlyNet {
    let gross = sale.charged as f64 * charges;
    let fees = sale.total_taken() as f64 * charges;
    let refunds = refund.as_fraction() * sale.charged as f64 * charges;
    let profit = gross - fees - refunds - plan_fees as f64;
    let tax_amount = if profit > 0.0 {
        profit * tax.as_fraction()
    } else {
        0.0
    };
    MonthlyNet {
        charges,
        gross,
        fees,
        refunds,
        plan_fees: plan_fees as f64,
        tax: tax_amount,
        net: profit - tax_amount,
    }
}

/// Why a target cannot be reached; Display is the sentence shown with the result.
#[derive(Clone, Debug, PartialEq)]
pub enum TargetError {
    PercentagesTakeEverything,
    PriceTooHigh,
    /// Each sale loses money (after refunds), so volume cannot reach any target.
    SalesLoseMoney {
        per_sale: Money,
    },
    /// Tax set-aside of 100 % or more leaves nothing.
    TaxTakesEverything,
    /// Churn of 0 % needs no new members to keep any number: the target is a matter of time.
    NoChurn,
}

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetError::PercentagesTakeEverything => write!(
                f,
                "The percentage fees, discount and affiliate share take the whole price: no price reaches the target."
            ),
            TargetError::PriceTooHigh => {
                write!(f, "No sensible price reaches that target with these fees.")
            }
            TargetError::SalesLoseMoney { per_sale } => write!(
                f,
                "Each sale loses {} after fees and refunds, so more sales lose more: no volume reaches the target.",
                per_sale.abs()
            ),
            TargetError::TaxTakesEverything => write!(
                f,
                "A tax set-aside of 100 % leaves nothing, whatever the volume."
            ),
            TargetError::NoChurn => write!(
                f,
                "With 0 % churn every member stays forever, so any steady number of new members eventually passes the target. Enter a churn rate to size it."
            ),
        }
    }
}

/// The volume a monthly target needs.
#[derive(Clone, Debug, PartialEq)]
pub struct VolumeNeeded {
    /// Whole paid charges a month (sales, or paying subscribers), rounded up.
    pub charges: u64,
    /// For subscriptions: new subscribers a month that keep `charges` subscribers at steady state.
    pub new_subscribers: Option<f64>,
}

/// Steady-state figures of a subscription.
#[derive(Clone, Debug, PartialEq)]
pub struct SubscriptionFigures {
    /// Net lifetime value of one subscriber: net per month after refunds / churn.
    pub lifetime_value: f64,
    /// Average months a subscriber stays: 1 / churn.
    pub average_months: f64,
    pub steady_subscribers: f64,
    /// Monthly recurring revenue at steady state (charged prices).
    pub steady_mrr: f64,
    /// Months until subscribers first reach 90 % of the steady state.
    pub months_to_90_percent: u64,
}

/// Why subscription figures are sentences instead of numbers.
#[derive(Clone, Debug, PartialEq)]
pub enum SubscriptionError {
    NoChurn,
}

impl fmt::Display for SubscriptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SubscriptionError::NoChurn => write!(
                f,
                "With 0 % churn nobody ever cancels, so lifetime value and subscribers grow without limit. Small subscription products lose 3-7 % of members a month: enter your estimate."
            ),
        }
    }
}

/// A warning about the plan as a whole, shown beside the headline results.
#[derive(Clone, Debug, PartialEq)]
pub enum PricingWarning {
    /// Fees and shares exceed the price: the sale loses money.
    SaleLosesMoney { per_sale: Money },
    /// The net after refunds is negative though the sale itself nets money.
    RefundsEatMargin { per_sale: Money },
    /// Monthly plan fees are more than the volume brings in.
    PlanFeesExceedIncome { plan: Money, before_plan: Money },
}

impl fmt::Display for PricingWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PricingWarning::SaleLosesMoney { per_sale } => write!(
                f,
                "Each sale loses {} after fees: raise the price or choose a platform with lower fixed fees.",
                per_sale.abs()
            ),
            PricingWarning::RefundsEatMargin { per_sale } => write!(
                f,
                "Counting refunds, each sale loses {} on average.",
                per_sale.abs()
            ),
            PricingWarning::PlanFeesExceedIncome { plan, before_plan } => write!(
                f,
                "The monthly plan fees ({plan}) are more than these sales bring in ({before_plan}): the plan costs more than it earns at this volume."
            ),
        }
    }
}

/// Everything the Pricing calculator shows.
#[derive(Clone, Debug, PartialEq)]
pub struct PricingResult {
    pub sale: SaleBreakdown,
    pub net_after_refunds: f64,
    /// The month shown: at the expected volume (one-time), or a subscription's headline month.
    pub month: MonthlyNet,
    pub month_label: MonthBasis,
    pub price_for_target: Result<i64, TargetError>,
    pub volume_for_target: Result<VolumeNeeded, TargetError>,
    pub subscription: Option<Result<SubscriptionFigures, SubscriptionError>>,
    pub warnings: Vec<PricingWarning>,
}

/// Which month the monthly figures describe.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthBasis {
    ExpectedVolume,
    /// A subscription in its [`HEADLINE_MONTH`]: a month the user can see coming, where the
    /// steady state may be years away (at 5 % churn, 90 % of it takes 45 months).
    HeadlineMonth,
}

/// The month a subscription's monthly figures describe.
pub const HEADLINE_MONTH: u32 = 12;

/// Subscribers after `months` months of `new` joiners a month at `churn`, from none:
/// new x (1 - (1 - churn)^months) / churn (new x months without churn).
pub fn subscribers_after(new: f64, churn: f64, months: u32) -> f64 {
    if churn <= 0.0 {
        new * f64::from(months)
    } else if churn >= 1.0 {
        new
    } else {
        new * (1.0 - libm::pow(1.0 - churn, f64::from(months))) / churn
    }
}

/// Paid charges a month: sales, or subscribers in the headline month.
pub fn paid_charges(inputs: &PricingInputs) -> (f64, MonthBasis) {
    match inputs.kind {
        ProductKind::OneTime => (inputs.volume, MonthBasis::ExpectedVolume),
        ProductKind::Subscription => (
            subscribers_after(inputs.volume, inputs.churn.as_fraction(), HEADLINE_MONTH),
            MonthBasis::HeadlineMonth,
        ),
    }
}

/// Runs the Pricing calculator.
pub fn calculate(inputs: &PricingInputs) -> PricingResult {
    let sale = sale_breakdown(inputs.price, &inputs.layers, inputs.terms());
    let per_sale = net_after_refunds(&sale, inputs.refund);
    let (charges, month_label) = paid_charges(inputs);
    let plan = inputs.plan_fees();
    let month = monthly_net(&sale, plan, inputs.refund, inputs.tax, charges);

    let mut warnings = Vec::new();
    if sale.net < 0 {
        warnings.push(PricingWarning::SaleLosesMoney {
            per_sale: inputs.money(sale.net),
        });
    } else if per_sale < 0.0 {
        warnings.push(PricingWarning::RefundsEatMargin {
            per_sale: Money::from_estimate(per_sale, inputs.currency),
        });
    }
    let before_plan = per_sale * charges;
    if plan > 0 && before_plan < plan as f64 {
        warnings.push(PricingWarning::PlanFeesExceedIncome {
            plan: inputs.money(plan),
            before_plan: Money::from_estimate(before_plan.max(0.0), inputs.currency),
        });
    }

    PricingResult {
        price_for_target: price_for_target(inputs),
        volume_for_target: volume_for_target(inputs, &sale),
        subscription: (inputs.kind == ProductKind::Subscription)
            .then(|| subscription_figures(inputs, per_sale, sale.charged)),
        sale,
        net_after_refunds: per_sale,
        month,
        month_label,
        warnings,
    }
}

fn price_for_target(inputs: &PricingInputs) -> Result<i64, TargetError> {
    price_for_net(inputs.target_per_sale, &inputs.layers, inputs.terms()).map_err(|e| match e {
        PriceForNetError::PercentagesTakeEverything => TargetError::PercentagesTakeEverything,
        PriceForNetError::TooHigh => TargetError::PriceTooHigh,
    })
}

/// Whole charges a month needed so that the month nets `target_per_month` after everything.
pub fn charges_for_monthly_target(
    per_sale_after_refunds: f64,
    plan_fees: i64,
    tax: Rate,
    target: i64,
    currency: Currency,
) -> Result<u64, TargetError> {
    if tax.ppm >= 1_000_000 && target > 0 {
        return Err(TargetError::TaxTakesEverything);
    }
    let profit_needed = if target > 0 {
        target as f64 / (1.0 - tax.as_fraction())
    } else {
        target as f64
    };
    let before_plan = profit_needed + plan_fees as f64;
    if before_plan <= 0.0 {
        return Ok(0);
    }
    if per_sale_after_refunds <= 0.0 {
        return Err(TargetError::SalesLoseMoney {
            per_sale: Money::from_estimate(per_sale_after_refunds, currency),
        });
    }
    // A tiny tolerance keeps exact divisions (2000 / 25 = 80) from rounding up to 81.
    let needed = (before_plan / per_sale_after_refunds - 1e-9)
        .ceil()
        .max(0.0);
    if needed > 1e12 {
        return Err(TargetError::PriceTooHigh);
    }
    Ok(needed as u64)
}

fn volume_for_target(
    inputs: &PricingInputs,
    sale: &SaleBreakdown,
) -> Result<VolumeNeeded, TargetError> {
    let per_sale = net_after_refunds(sale, inputs.refund);
    let charges = charges_for_monthly_target(
        per_sale,
        inputs.plan_fees(),
        inputs.tax,
        inputs.target_per_month,
        inputs.currency,
    )?;
    let new_subscribers = match inputs.kind {
        ProductKind::OneTime => None,
        ProductKind::Subscription if inputs.churn.ppm <= 0 => return Err(TargetError::NoChurn),
        ProductKind::Subscription => Some(charges as f64 * inputs.churn.as_fraction()),
    };
    Ok(VolumeNeeded {
        charges,
        new_subscribers,
    })
}

fn subscription_figures(
    inputs: &PricingInputs,
    per_month_net: f64,
    charged: i64,
) -> Result<SubscriptionFigures, SubscriptionError> {
    if inputs.churn.ppm <= 0 {
        return Err(SubscriptionError::NoChurn);
    }
    let churn = inputs.churn.as_fraction().min(1.0);
    let steady = inputs.volume / churn;
    Ok(SubscriptionFigures {
        lifetime_value: per_month_net / churn,
        average_months: 1.0 / churn,
        steady_subscribers: steady,
        steady_mrr: steady * charged as f64,
        months_to_90_percent: months_to_share_of_steady_state(churn, 0.9),
    })
}

/// First month n with subscribers >= `share` of the steady state, where subscribers after n
/// months are new x (1 - (1 - churn)^n) / churn: the first n with (1 - churn)^n <= 1 - share.
pub fn months_to_share_of_steady_state(churn: f64, share: f64) -> u64 {
    if churn >= 1.0 {
        return 1;
    }
    if churn <= 0.0 {
        return u64::MAX;
    }
    let n = ((1.0 - share).ln() / (1.0 - churn).ln() - 1e-9).ceil();
    n.clamp(1.0, 1e9) as u64
}
