//! The stable, versioned data model of a plan: what the user typed in every calculator.
//!
//! Values are kept as the text the user typed, so a half-typed field survives a reload and
//! values from storage or a link go through the same validation as typed ones.

pub mod break_even;
pub mod codec;
pub mod delayed;
pub mod delayed_presets;
pub mod library;
pub mod link;
mod migrate;
pub mod pricing;
pub mod saved_plans;

use crate::engine::money::Currency;
pub use break_even::{BreakEvenDraft, BreakEvenErrors, BreakEvenField, CostLineDraft, CurveKind};
pub use pricing::{LayerDraft, PricingErrors, PricingField, ProductDraft};
use serde::{Deserialize, Serialize};

/// The schema version this build writes (see `migrate.rs` for what each version changed).
pub const SCHEMA_VERSION: u32 = 2;
/// Most products a plan holds.
pub const MAX_PRODUCTS: usize = 12;

/// One plan: its products and the inputs of all calculators together. A missing calculator
/// takes its defaults, so a partial plan still opens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// What the plan sells, each priced on Pricing; never empty.
    pub products: Vec<ProductDraft>,
    /// The product Pricing shows.
    pub open_product: u32,
    pub break_even: BreakEvenDraft,
    pub delayed: delayed::DelayedDraft,
}

/// A product taken out of the plan, and the plan as it was, for Undo.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedProduct {
    pub name: String,
    /// The whole plan before the removal: Undo puts back the product and every link to it.
    pub before: Box<Scenario>,
}

/// The source essays' plan: the $27 workshop on Gumroad, their blog and its first year.
impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            products: vec![ProductDraft::default()],
            open_product: 0,
            break_even: BreakEvenDraft::default(),
            delayed: delayed::DelayedDraft::default(),
        }
    }
}

impl Scenario {
    /// The plan's currency: every product is priced in it (changed for all at once).
    pub fn currency(&self) -> Currency {
        self.products
            .first()
            .map(|p| p.currency)
            .unwrap_or_default()
    }

    /// Changes the currency of every product.
    pub fn set_currency(&mut self, currency: Currency) {
        for product in &mut self.products {
            product.change_currency(currency);
        }
    }

    pub fn product(&self, id: u32) -> Option<&ProductDraft> {
        self.products.iter().find(|p| p.id == id)
    }

    /// A product's name as the pages show it: a blank name reads "Unnamed product", and a name
    /// two products share gets its place in the list, so every choice can be told apart.
    pub fn product_label(&self, id: u32) -> String {
        let Some(index) = self.products.iter().position(|p| p.id == id) else {
            return String::new();
        };
        let name = |p: &ProductDraft| match p.name.trim() {
            "" => "Unnamed product".to_string(),
            n => n.to_string(),
        };
        let own = name(&self.products[index]);
        if self.products.iter().filter(|p| name(p) == own).count() > 1 {
            format!("{own} (product {})", index + 1)
        } else {
            own
        }
    }

    /// The product Pricing shows (the first when the open one is gone).
    pub fn opened_product(&self) -> Option<&ProductDraft> {
        self.product(self.open_product).or(self.products.first())
    }

    /// The product Pricing edits, as [`Scenario::opened_product`].
    pub fn opened_product_mut(&mut self) -> Option<&mut ProductDraft> {
        let id = self.opened_product()?.id;
        self.products.iter_mut().find(|p| p.id == id)
    }

    /// A product's net per sale (a subscription's per member and month) after fees and refunds,
    /// in minor units: the one figure Break-even, Delayed income and the plan summary take from
    /// Pricing. None while that product has a field to fix, or when there is no such product.
    pub fn net_per_sale_after_refunds(&self, product: u32) -> Option<i64> {
        let inputs = self.product(product)?.inputs().ok()?;
        Some(
            crate::engine::pricing::calculate(&inputs)
                .net_after_refunds
                .round() as i64,
        )
    }

    /// Every product's net per sale after fees and refunds, for Delayed income's streams.
    pub fn product_nets(&self) -> delayed::ProductNets {
        delayed::ProductNets(
            self.products
                .iter()
                .map(|p| (p.id, self.net_per_sale_after_refunds(p.id)))
                .collect(),
        )
    }

    /// The products a stream of `kind` can take its net from: one-time products for a
    /// product stream, subscriptions for a subscription stream.
    pub fn products_for(&self, kind: delayed::StreamType) -> Vec<&ProductDraft> {
        self.products
            .iter()
            .filter(|p| kind.takes_product(p.subscription))
            .collect()
    }

    /// Adds a Delayed-income stream; a product or subscription stream takes its net from the
    /// plan's first product of its kind, if there is one. None at the limit.
    pub fn add_stream(&mut self, kind: delayed::StreamType) -> Option<u32> {
        let product = self.products_for(kind).first().map(|p| p.id);
        let id = self.delayed.add_stream(kind)?;
        if let Some(stream) = self.delayed.stream_mut(id) {
            stream.product = product;
        }
        Some(id)
    }

    /// Break-even's inputs: its fields with the net of its product (or its own figure).
    pub fn break_even_inputs(
        &self,
    ) -> Result<crate::engine::break_even::BreakEvenInputs, BreakEvenErrors> {
        let net = self
            .break_even
            .product
            .and_then(|id| self.net_per_sale_after_refunds(id));
        self.break_even.inputs(self.currency(), net)
    }

    /// What Delayed income takes from the rest of the plan: products' nets, the monthly cost
    /// lines, Break-even's plan and its value of an hour.
    pub fn delayed_from_the_plan(&self) -> delayed::FromThePlan {
        let currency = self.currency();
        delayed::FromThePlan {
            currency,
            nets: self.product_nets(),
            monthly_costs: self.monthly_costs(),
            break_even: self.break_even_inputs().ok(),
            hourly_value: crate::engine::fields::parse_money(
                &self.break_even.hourly_value,
                currency,
            )
            .ok(),
        }
    }

    /// The monthly cost lines (Break-even's) in minor units of the plan's currency, as Delayed
    /// income and the summary count them: a line with a field to fix counts nothing.
    pub fn monthly_costs(&self) -> i64 {
        let currency = self.currency();
        self.break_even
            .costs
            .iter()
            .filter_map(|c| crate::engine::fields::parse_money(&c.amount, currency).ok())
            .sum()
    }

    /// Adds a product and opens it on Pricing; None when the plan holds the most it can.
    pub fn add_product(&mut self, subscription: bool) -> Option<u32> {
        if self.products.len() >= MAX_PRODUCTS {
            return None;
        }
        let id = (0..=u32::MAX).find(|id| self.product(*id).is_none())?;
        let mut product = ProductDraft::new(id, subscription, self.currency());
        let same = |name: &str| self.products.iter().any(|p| p.name == name);
        let base = product.name.clone();
        let mut n = 2;
        while same(&product.name) {
            product.name = format!("{base} {n}");
            n += 1;
        }
        self.products.push(product);
        self.open_product = id;
        Some(id)
    }

    /// Removes a product (never the last); what it takes to put it back. Whatever took the
    /// product's net keeps its last net as a figure of its own, so no number elsewhere changes.
    pub fn remove_product(&mut self, id: u32) -> Option<RemovedProduct> {
        if self.products.len() <= 1 {
            return None;
        }
        let index = self.products.iter().position(|p| p.id == id)?;
        let before = self.clone();
        self.unlink(id, |_| true);
        let product = self.products.remove(index);
        if self.open_product == id {
            self.open_product = self.products[0].id;
        }
        Some(RemovedProduct {
            name: product.name,
            before: Box::new(before),
        })
    }

    /// Switches a product between one-time and subscription. Streams that can no longer take
    /// its net keep its last net as their own figure; when any did, what it takes to put the
    /// plan back (for Undo).
    pub fn set_subscription(&mut self, id: u32, subscription: bool) -> Option<RemovedProduct> {
        let before = self.clone();
        let kind_fits = move |kind: delayed::StreamType| kind.takes_product(subscription);
        self.unlink(id, move |kind| kind.is_some_and(|k| !kind_fits(k)));
        let unlinked = self.delayed.streams != before.delayed.streams;
        let product = self.products.iter_mut().find(|p| p.id == id)?;
        product.subscription = subscription;
        unlinked.then(|| RemovedProduct {
            name: product.name.clone(),
            before: Box::new(before),
        })
    }

    /// Makes every product link one the page can show, keeping the numbers: a stream linked to
    /// a product of the other kind (a version-1 plan could take a subscription's net into a
    /// product stream) keeps that net as its own figure; a link to no product of the plan
    /// falls back to the figure typed beside it. Run on every plan read from storage or a link.
    pub fn repair_links(&mut self) {
        let ids: Vec<(u32, bool)> = self
            .products
            .iter()
            .map(|p| (p.id, p.subscription))
            .collect();
        for (id, subscription) in &ids {
            let subscription = *subscription;
            self.unlink(*id, move |kind| {
                kind.is_some_and(|k| !k.takes_product(subscription))
            });
        }
        let known = |id: &Option<u32>| id.is_none_or(|id| ids.iter().any(|(p, _)| *p == id));
        if !known(&self.break_even.product) {
            self.break_even.product = None;
        }
        for stream in &mut self.delayed.streams {
            if !known(&stream.product) {
                stream.product = None;
            }
        }
    }

    /// Points what takes product `id`'s net and `drop` picks (Break-even is `None`, a stream
    /// its kind) at a figure of its own: the product's net now, where it has one.
    fn unlink(&mut self, id: u32, drop: impl Fn(Option<delayed::StreamType>) -> bool) {
        let any = (self.break_even.product == Some(id) && drop(None))
            || self
                .delayed
                .streams
                .iter()
                .any(|s| s.product == Some(id) && drop(Some(s.kind)));
        if !any {
            // Nothing takes this net: no need to work it out (reading a plan repairs each).
            return;
        }
        let currency = self.currency();
        let net = self
            .net_per_sale_after_refunds(id)
            .map(|n| crate::engine::fields::money_text(n, currency));
        // A product with a field to fix has no net: the figure is left empty, a field to fix
        // beside it, rather than an old number that would look like the product's.
        let net = net.unwrap_or_default();
        if self.break_even.product == Some(id) && drop(None) {
            self.break_even.product = None;
            self.break_even.net_override = net.clone();
        }
        for stream in &mut self.delayed.streams {
            if stream.product == Some(id) && drop(Some(stream.kind)) {
                stream.product = None;
                stream.set_text(delayed::Part::Value, stream.kind.net_key(), net.clone());
            }
        }
    }

    /// Points every product link that names no product of the plan at the first product of
    /// the right kind, or at the stream's own figure (a preset names product 0, which a plan
    /// may no longer have).
    pub fn relink_products(&mut self) {
        let first = |subscription: bool, products: &[ProductDraft]| {
            products
                .iter()
                .find(|p| p.subscription == subscription)
                .map(|p| p.id)
        };
        if let Some(id) = self.break_even.product {
            if self.product(id).is_none() {
                self.break_even.product = self.products.first().map(|p| p.id);
            }
        }
        for stream in &mut self.delayed.streams {
            if let Some(id) = stream.product {
                let fits = self
                    .products
                    .iter()
                    .any(|p| p.id == id && stream.kind.takes_product(p.subscription));
                if !fits {
                    let subscription = stream.kind == delayed::StreamType::Subscription;
                    stream.product = first(subscription, &self.products);
                }
            }
        }
    }
}
