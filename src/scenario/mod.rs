//! The stable, versioned data model of a plan: what the user typed in every calculator.
//!
//! Values are kept as the text the user typed, so a half-typed field survives a reload and
//! values from storage or a link go through the same validation as typed ones.

pub mod break_even;
pub mod codec;
pub mod delayed;
pub mod delayed_presets;
pub mod library;
pub mod pricing;

pub use break_even::{BreakEvenDraft, BreakEvenErrors, BreakEvenField, CostLineDraft, CurveKind};
pub use pricing::{LayerDraft, PricingDraft, PricingErrors, PricingField};
use serde::{Deserialize, Serialize};

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One plan: the inputs of all calculators together. A missing calculator takes its defaults, so
/// a partial plan still opens.
///
/// Plans written before December 2026 also carry a `"version": 1` member, which is ignored: the
/// record's `schema` is the one version that counts.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    pub pricing: PricingDraft,
    pub break_even: BreakEvenDraft,
    pub delayed: delayed::DelayedDraft,
}

impl Scenario {
    /// Pricing's net per sale after fees and refunds, in minor units: the one figure Break-even,
    /// Delayed income and the plan summary take from Pricing. None while Pricing has a field to
    /// fix.
    pub fn net_per_sale_after_refunds(&self) -> Option<i64> {
        let inputs = self.pricing.inputs().ok()?;
        Some(
            crate::engine::pricing::calculate(&inputs)
                .net_after_refunds
                .round() as i64,
        )
    }

    /// The monthly cost lines (Break-even's) in minor units of the plan's currency, as Delayed
    /// income and the summary count them: a line with a field to fix counts nothing.
    pub fn monthly_costs(&self) -> i64 {
        let currency = self.pricing.currency;
        self.break_even
            .costs
            .iter()
            .filter_map(|c| crate::engine::fields::parse_money(&c.amount, currency).ok())
            .sum()
    }
}
