//! Platforms side by side at the user's price and volume, and where a paid plan starts to pay.

use super::fees::{sale_breakdown, FeeLayer};
use super::presets::{Preset, PRESETS};
use super::pricing::{monthly_net, net_after_refunds, paid_charges, plan_fees, PricingInputs};

/// One platform's outcome at the current price and volume.
#[derive(Clone, Debug, PartialEq)]
pub struct PlatformOutcome {
    pub preset: &'static Preset,
    /// The other reading this row is computed under ("with card processing on top"), if any.
    pub reading: Option<&'static str>,
    pub net_per_sale: i64,
    pub monthly_net: f64,
}

/// Where one of a platform's plans, with the higher monthly fee, starts to keep more than
/// another of its plans.
#[derive(Clone, Debug, PartialEq)]
pub struct Crossover {
    /// The plan with the lower monthly fee.
    pub cheaper: &'static Preset,
    /// The plan with the higher monthly fee.
    pub pricier: &'static Preset,
    /// The fewest paid charges a month at which `pricier` keeps strictly more; None: it never
    /// does at this price (it keeps no more per charge).
    pub from_charges: Option<u64>,
    /// What `from_charges` charges bring in a month, in minor units.
    pub from_revenue: Option<f64>,
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
    compare_presets_reading(inputs, None)
}

/// The same, with the preset `other_reading_of` (the user's choice) under its other reading of
/// a disputed fee, so the row marked as the user's shows the net the user sees.
pub fn compare_presets_reading(
    inputs: &PricingInputs,
    other_reading_of: Option<&str>,
) -> Vec<PlatformOutcome> {
    let mut outcomes: Vec<PlatformOutcome> = PRESETS
        .iter()
        .map(|preset| {
            let reading = preset
                .other_reading
                .filter(|_| other_reading_of == Some(preset.id));
            let layers = match reading {
                Some(r) => r.fee_layers(inputs.currency),
                None => preset.fee_layers(inputs.currency),
            };
            let (net_per_sale, monthly_net) = outcome_for_layers(inputs, &layers);
            PlatformOutcome {
                preset,
                reading: reading.map(|r| r.label),
                net_per_sale,
                monthly_net,
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

/// Every pair of a platform's plans where one has the higher monthly fee, with the sales from
/// which it keeps more than the other, in the presets' order.
pub fn plan_crossovers(inputs: &PricingInputs) -> Vec<Crossover> {
    let per_charge = |preset: &Preset| {
        let layers = preset.fee_layers(inputs.currency);
        let sale = sale_breakdown(inputs.price, &layers, inputs.terms());
        (
            net_after_refunds(&sale, inputs.refund),
            plan_fees(&layers, inputs.kind) as f64,
            sale.charged,
        )
    };
    let figures: Vec<_> = PRESETS.iter().map(|p| (p, per_charge(p))).collect();
    let mut found = Vec::new();
    for (i, &(a, (ua, fa, charged))) in figures.iter().enumerate() {
        for &(b, (ub, fb, _)) in figures[i + 1..]
            .iter()
            .filter(|(b, _)| b.family == a.family)
        {
            let ((cheaper, u_low, f_low), (pricier, u_high, f_high)) = if fa <= fb {
                ((a, ua, fa), (b, ub, fb))
            } else {
                ((b, ub, fb), (a, ua, fa))
            };
            if f_high <= f_low {
                continue;
            }
            let gain = u_high - u_low;
            // Ahead means strictly more: at exactly fee difference / gain the two tie.
            let from_charges =
                (gain > 0.0).then(|| ((f_high - f_low) / gain + 1e-9).floor() as u64 + 1);
            found.push(Crossover {
                cheaper,
                pricier,
                from_charges,
                from_revenue: from_charges.map(|n| n as f64 * charged as f64),
            });
        }
    }
    found
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
