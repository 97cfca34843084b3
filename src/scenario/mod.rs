//! The stable, versioned data model of a plan: what the user typed in every calculator.
//!
//! Values are kept as the text the user typed, so a half-typed field survives a reload and
//! values from storage or a link go through the same validation as typed ones.

pub mod break_even;
pub mod codec;
pub mod delayed;
pub mod delayed_presets;
pub mod json;
pub mod library;
pub mod pricing;

pub use break_even::{BreakEvenDraft, BreakEvenErrors, BreakEvenField, CostLineDraft, CurveKind};
use json::json_struct;
pub use pricing::{LayerDraft, PricingDraft, PricingErrors, PricingField};

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One plan: the inputs of all calculators together.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub version: u32,
    pub pricing: PricingDraft,
    pub break_even: BreakEvenDraft,
    pub delayed: delayed::DelayedDraft,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            version: SCHEMA_VERSION,
            pricing: PricingDraft::default(),
            break_even: BreakEvenDraft::default(),
            delayed: delayed::DelayedDraft::default(),
        }
    }
}

// A missing calculator takes its defaults, so a partial plan still opens.
json_struct!(Scenario defaults Scenario::default() => { version, pricing, break_even, delayed });
