//! Platforms side by side at the user's price and volume, and where a paid plan starts to pay.

use super::fees::{sale_breakdown, FeeLayer};
use super::presets::{Preset, PRESETS};
use super::pricing::{monthly_net, net_after_refunds, paid_charges, plan_fees, PricingInputs};

/// One platform's outcome at the current price and volume.
#[derive(Clone, Debug, PartialEq)]
pub struct PlatformOutcome {
    pub preset: &'static Preset,
    pub net_per_sale: i64,
    pub monthly_net: f64,
    /// Paid charges a month above which this paid plan beats its family's free plan.
    pub beats_free_plan: Option<Crossover>,
}

/// Where a plan with a monthly fee overtakes a free sibling.
#[derive(Clone, Debug, PartialEq)]
pub struct Crossover {
    pub free_plan: &'static Preset,
    /// None: the paid plan never wins (its per-sale net is not higher).
    pub above_charges: Option<f64>,
    /// The same point as sales revenue a month, in minor units.
    pub above_revenue: Option<f64>,
}

/// Monthly net and per-sale net for a set of layers under the user's other inputs.
pub fn outcome_for_layers(inputs: &PricingInputs, layers: &[FeeLayer]) -> (i64, f64) {
    let sale = sale_breakdown(inputs.price, layers, inputs.terms());
    let (charges, _) = paid_charges(inputs);
    let month = monthly_net(
        &sale,
        plan_fees(layers, inputs.kind),
        inputs.refund,
        inputs.tax,
        charges,
    );
    (sale.net, month.net)
}

/// All presets at the user's price and volume, best monthly net first.
pub fn compare_presets(inputs: &PricingInputs) -> Vec<PlatformOutcome> {
    let mut outcomes: Vec<PlatformOutcome> = PRESETS
        .iter()
        .map(|preset| {
            let layers = preset.fee_layers(inputs.currency);
            let (net_per_sale, monthly_net) = outcome_for_layers(inputs, &layers);
            PlatformOutcome {
                preset,
                net_per_sale,
                monthly_net,
                beats_free_plan: crossover_with_free_sibling(inputs, preset),
            }
        })
        .collect();
    super::sort_short_by(&mut outcomes, ranks_before);
    outcomes
}

/// Higher monthly net first, then higher net per sale.
fn ranks_before(a: &PlatformOutcome, b: &PlatformOutcome) -> bool {
    a.monthly_net
        .total_cmp(&b.monthly_net)
        .then(a.net_per_sale.cmp(&b.net_per_sale))
        .is_gt()
}

fn crossover_with_free_sibling(inputs: &PricingInputs, paid: &'static Preset) -> Option<Crossover> {
    if !paid.has_plan_fee() {
        return None;
    }
    let free = PRESETS
        .iter()
        .find(|p| p.family == paid.family && !p.has_plan_fee())?;
    let per_charge = |preset: &Preset| {
        let layers = preset.fee_layers(inputs.currency);
        let sale = sale_breakdown(inputs.price, &layers, inputs.terms());
        (
            net_after_refunds(&sale, inputs.refund),
            plan_fees(&layers, inputs.kind) as f64,
            sale.charged,
        )
    };
    let (paid_unit, paid_plan, charged) = per_charge(paid);
    let (free_unit, free_plan, _) = per_charge(free);
    let gain = paid_unit - free_unit;
    let above_charges = (gain > 0.0).then(|| (paid_plan - free_plan) / gain);
    Some(Crossover {
        free_plan: free,
        above_charges,
        above_revenue: above_charges.map(|c| c * charged as f64),
    })
}

/// Monthly net at each of `charges`, for a chart of net against volume.
pub fn net_by_volume(inputs: &PricingInputs, layers: &[FeeLayer], charges: &[f64]) -> Vec<f64> {
    let sale = sale_breakdown(inputs.price, layers, inputs.terms());
    let plan = plan_fees(layers, inputs.kind);
    charges
        .iter()
        .map(|&c| monthly_net(&sale, plan, inputs.refund, inputs.tax, c).net)
        .collect()
}
