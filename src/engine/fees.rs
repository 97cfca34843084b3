//! What one sale really nets: discount, stacked fee layers and affiliate share, in exact minor units.

use super::money::{round_div, Rate};

/// One or a subscription charge: some fee layers only apply to recurring charges.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ProductKind {
    #[default]
    OneTime,
    Subscription,
}

/// One layer of fees: a platform, a payment processor, a billing add-on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeeLayer {
    pub name: String,
    /// Share of the charged price taken per sale.
    pub percent: Rate,
    /// Fixed amount per sale, in minor units.
    pub fixed: i64,
    /// Plan fee per month, in minor units, paid whatever the sales.
    pub monthly: i64,
    /// Applies only to recurring (subscription) charges.
    pub subscriptions_only: bool,
}

impl FeeLayer {
    pub fn applies_to(&self, kind: ProductKind) -> bool {
        !self.subscriptions_only || kind == ProductKind::Subscription
    }

    /// This layer's fee on one charge, each part rounded by the one rule.
    pub fn fee_on(&self, charged: i64) -> i64 {
        self.percent.of(charged).saturating_add(self.fixed)
    }
}

/// What shapes one sale besides the fee layers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct SaleTerms {
    pub kind: ProductKind,
    /// Discount given to the buyer, off the list price, before fees.
    pub discount: Rate,
    /// Share of the charged price paid to an affiliate.
    pub affiliate: Rate,
}

/// One sale, taken apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaleBreakdown {
    pub list_price: i64,
    pub discount: i64,
    pub charged: i64,
    /// Each applicable layer's name and fee, in layer order.
    pub layer_fees: Vec<(String, i64)>,
    pub affiliate: i64,
    pub net: i64,
}

impl SaleBreakdown {
    /// Everything taken from the charged price: fees plus the affiliate share.
    pub fn total_taken(&self) -> i64 {
        self.charged - self.net
    }

    /// Fees and affiliate share as parts per million of the charged price; None for a free sale.
    pub fn effective_fee(&self) -> Option<Rate> {
        (self.charged > 0).then(|| {
            Rate::from_ppm(round_div(
                i128::from(self.total_taken()) * 1_000_000,
                i128::from(self.charged),
            ))
        })
    }
}

/// Takes one sale at `list_price` apart.
pub fn sale_breakdown(list_price: i64, layers: &[FeeLayer], terms: SaleTerms) -> SaleBreakdown {
    let discount = terms.discount.of(list_price);
    let charged = list_price.saturating_sub(discount);
    let layer_fees: Vec<(String, i64)> = layers
        .iter()
        .filter(|l| l.applies_to(terms.kind))
        .map(|l| (l.name.clone(), l.fee_on(charged)))
        .collect();
    let affiliate = terms.affiliate.of(charged);
    let fees: i64 = layer_fees
        .iter()
        .fold(0i64, |sum, (_, f)| sum.saturating_add(*f));
    let net = charged.saturating_sub(fees).saturating_sub(affiliate);
    SaleBreakdown {
        list_price,
        discount,
        charged,
        layer_fees,
        affiliate,
        net,
    }
}

/// Sum of the applicable percentages, discount included as a share of the list price.
fn kept_fraction(layers: &[FeeLayer], terms: SaleTerms) -> f64 {
    let taken: i64 = layers
        .iter()
        .filter(|l| l.applies_to(terms.kind))
        .map(|l| l.percent.ppm)
        .sum::<i64>()
        + terms.affiliate.ppm;
    (1.0 - terms.discount.as_fraction()) * (1.0 - taken as f64 / 1_000_000.0)
}

/// Why no price can reach a net target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PriceForNetError {
    /// The percentages (fees, affiliate, discount) take the whole price or more.
    PercentagesTakeEverything,
    /// The needed price is beyond what the calculator handles.
    TooHigh,
}

/// The largest list price searched, in minor units (a billion major units).
pub const PRICE_CEILING_MINOR: i64 = 100_000_000_000;

/// The lowest list price whose sale nets at least `target`, in minor units.
pub fn price_for_net(
    target: i64,
    layers: &[FeeLayer],
    terms: SaleTerms,
) -> Result<i64, PriceForNetError> {
    if target <= 0 {
        let at_zero = sale_breakdown(0, layers, terms).net;
        if at_zero >= target {
            return Ok(0);
        }
    }
    let kept = kept_fraction(layers, terms);
    if kept <= 0.0 {
        return Err(PriceForNetError::PercentagesTakeEverything);
    }
    let fixed: i64 = layers
        .iter()
        .filter(|l| l.applies_to(terms.kind))
        .map(|l| l.fixed)
        .sum();
    let estimate = (target as f64 + fixed as f64) / kept;
    if !estimate.is_finite() || estimate > PRICE_CEILING_MINOR as f64 {
        return Err(PriceForNetError::TooHigh);
    }
    // The closed form ignores per-layer rounding, which moves the answer by a few minor units
    // at most: step down while still enough, then up until enough.
    let mut price = (estimate.ceil() as i64).max(0);
    let nets = |p: i64| sale_breakdown(p, layers, terms).net >= target;
    let slack = 2 + layers.len() as i64 * 2;
    let mut floor = (price - slack).max(0);
    while floor > 0 && nets(floor) {
        floor = (floor - slack).max(0);
    }
    price = floor;
    while !nets(price) {
        price += 1;
        if price > PRICE_CEILING_MINOR {
            return Err(PriceForNetError::TooHigh);
        }
    }
    Ok(price)
}
