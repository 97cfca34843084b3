//! The Pricing calculator's inputs as typed, and their validation into engine inputs.

use crate::engine::fees::{FeeLayer, ProductKind};
use crate::engine::fields::{
    money_text, parse_count, parse_money, parse_percent, percent_text, FieldError,
};
use crate::engine::money::Currency;
use crate::engine::presets::{preset, Preset};
use crate::engine::pricing::PricingInputs;
use serde::{Deserialize, Serialize};

/// Most sales or new subscribers a month the calculator takes.
pub const MAX_VOLUME: f64 = 10_000_000.0;

/// A fee layer as typed. A missing member reads as empty (or false).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LayerDraft {
    pub name: String,
    pub percent: String,
    pub fixed: String,
    pub monthly: String,
    pub subscriptions_only: bool,
}

impl LayerDraft {
    /// The layer "Add a fee layer" adds.
    pub fn other_fee() -> LayerDraft {
        LayerDraft {
            name: "Other fee".into(),
            percent: "0".into(),
            fixed: "0".into(),
            monthly: "0".into(),
            subscriptions_only: false,
        }
    }

    pub fn from_layer(layer: &FeeLayer, currency: Currency) -> LayerDraft {
        LayerDraft {
            name: layer.name.clone(),
            percent: percent_text(layer.percent),
            fixed: money_text(layer.fixed, currency),
            monthly: money_text(layer.monthly, currency),
            subscriptions_only: layer.subscriptions_only,
        }
    }
}

/// Longest product name the form takes, in characters.
pub const MAX_PRODUCT_NAME: usize = 60;
/// Most fee layers a product takes.
pub const MAX_LAYERS: usize = 20;

/// One product of the plan as Pricing edits it: what it costs a buyer and what the platform
/// takes. A missing member takes the default plan's value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductDraft {
    /// Stable identity: Break-even and the Delayed-income streams name their product by it.
    pub id: u32,
    pub name: String,
    pub subscription: bool,
    pub currency: Currency,
    pub price: String,
    /// A preset id, or "custom".
    pub platform: String,
    pub layers: Vec<LayerDraft>,
    pub discount: String,
    pub affiliate: String,
    pub refund: String,
    pub tax: String,
    pub volume: String,
    pub churn: String,
    pub target_per_sale: String,
    pub target_per_month: String,
}

/// The essays' example: a $27 workshop on Gumroad selling 3-5 copies a month.
impl Default for ProductDraft {
    fn default() -> Self {
        let currency = Currency::Usd;
        let mut draft = ProductDraft {
            id: 0,
            name: "Workshop".into(),
            subscription: false,
            currency,
            price: "27".into(),
            platform: "gumroad".into(),
            layers: Vec::new(),
            discount: "0".into(),
            affiliate: "0".into(),
            refund: "3".into(),
            tax: "25".into(),
            volume: "4".into(),
            churn: "6.5".into(),
            target_per_sale: "25".into(),
            target_per_month: "500".into(),
        };
        draft.layers = preset_layers(preset("gumroad"), currency);
        draft
    }
}

/// A preset's layers as typed text in `currency`.
pub fn preset_layers(preset: Option<&Preset>, currency: Currency) -> Vec<LayerDraft> {
    preset
        .map(|p| {
            p.fee_layers(currency)
                .iter()
                .map(|l| LayerDraft::from_layer(l, currency))
                .collect()
        })
        .unwrap_or_default()
}

/// The fee layers of a disputed fee's other reading, as drafts in `currency`.
pub fn reading_layers(
    reading: &crate::engine::presets::OtherReading,
    currency: Currency,
) -> Vec<LayerDraft> {
    reading
        .fee_layers(currency)
        .iter()
        .map(|l| LayerDraft::from_layer(l, currency))
        .collect()
}

/// Names a field of the Pricing form, for placing its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PricingField {
    Price,
    Discount,
    Affiliate,
    Refund,
    Tax,
    Volume,
    Churn,
    TargetPerSale,
    TargetPerMonth,
    LayerPercent(usize),
    LayerFixed(usize),
    LayerMonthly(usize),
}

impl PricingField {
    /// The label a person sees, used in "fix these fields" sentences.
    pub fn label(self) -> String {
        match self {
            PricingField::Price => "Price".into(),
            PricingField::Discount => "Discount".into(),
            PricingField::Affiliate => "Affiliate share".into(),
            PricingField::Refund => "Refund rate".into(),
            PricingField::Tax => "Tax set-aside".into(),
            PricingField::Volume => "Volume per month".into(),
            PricingField::Churn => "Churn per month".into(),
            PricingField::TargetPerSale => "Target net per sale".into(),
            PricingField::TargetPerMonth => "Target net per month".into(),
            PricingField::LayerPercent(i) => format!("Fee layer {} percent", i + 1),
            PricingField::LayerFixed(i) => format!("Fee layer {} fixed fee", i + 1),
            PricingField::LayerMonthly(i) => format!("Fee layer {} monthly plan", i + 1),
        }
    }
}

/// Every field's sentence, in form order.
pub type PricingErrors = Vec<(PricingField, FieldError)>;

impl ProductDraft {
    /// A new product: a one-time one starts as the essays' $27 workshop on Gumroad, a
    /// subscription as their third path, a $5-a-month newsletter on Substack whose readers
    /// leave at 5 % a month (the middle of the 3-7 % typical for paid newsletters).
    pub fn new(id: u32, subscription: bool, currency: Currency) -> ProductDraft {
        let mut product = ProductDraft {
            id,
            ..ProductDraft::default()
        };
        if subscription {
            product.name = "Newsletter".into();
            product.subscription = true;
            product.price = "5".into();
            product.churn = "5".into();
            product.volume = "10".into();
            product.choose_platform("substack");
        }
        product.change_currency(currency);
        product
    }

    pub fn kind(&self) -> ProductKind {
        if self.subscription {
            ProductKind::Subscription
        } else {
            ProductKind::OneTime
        }
    }

    /// The text typed in a field.
    pub fn text(&self, field: PricingField) -> String {
        let layer = |i: usize| self.layers.get(i).cloned().unwrap_or_default();
        match field {
            PricingField::Price => self.price.clone(),
            PricingField::Discount => self.discount.clone(),
            PricingField::Affiliate => self.affiliate.clone(),
            PricingField::Refund => self.refund.clone(),
            PricingField::Tax => self.tax.clone(),
            PricingField::Volume => self.volume.clone(),
            PricingField::Churn => self.churn.clone(),
            PricingField::TargetPerSale => self.target_per_sale.clone(),
            PricingField::TargetPerMonth => self.target_per_month.clone(),
            PricingField::LayerPercent(i) => layer(i).percent,
            PricingField::LayerFixed(i) => layer(i).fixed,
            PricingField::LayerMonthly(i) => layer(i).monthly,
        }
    }

    /// Stores the text typed in a field, exactly as typed.
    pub fn set_text(&mut self, field: PricingField, text: String) {
        let slot = match field {
            PricingField::Price => &mut self.price,
            PricingField::Discount => &mut self.discount,
            PricingField::Affiliate => &mut self.affiliate,
            PricingField::Refund => &mut self.refund,
            PricingField::Tax => &mut self.tax,
            PricingField::Volume => &mut self.volume,
            PricingField::Churn => &mut self.churn,
            PricingField::TargetPerSale => &mut self.target_per_sale,
            PricingField::TargetPerMonth => &mut self.target_per_month,
            PricingField::LayerPercent(i)
            | PricingField::LayerFixed(i)
            | PricingField::LayerMonthly(i) => {
                let Some(layer) = self.layers.get_mut(i) else {
                    return;
                };
                match field {
                    PricingField::LayerPercent(_) => &mut layer.percent,
                    PricingField::LayerFixed(_) => &mut layer.fixed,
                    _ => &mut layer.monthly,
                }
            }
        };
        *slot = text;
    }

    /// The sentence for one field, if its text is not acceptable.
    pub fn field_error(&self, field: PricingField) -> Option<FieldError> {
        let c = self.currency;
        let layer = |i: usize| self.layers.get(i);
        let result: Result<(), FieldError> = match field {
            PricingField::Price => parse_money(&self.price, c).map(drop),
            PricingField::Discount => parse_percent(&self.discount, 100).map(drop),
            PricingField::Affiliate => parse_percent(&self.affiliate, 100).map(drop),
            PricingField::Refund => parse_percent(&self.refund, 100).map(drop),
            PricingField::Tax => parse_percent(&self.tax, 100).map(drop),
            PricingField::Volume => parse_count(&self.volume, MAX_VOLUME).map(drop),
            PricingField::Churn => parse_percent(&self.churn, 100).map(drop),
            // A target below zero answers nothing ("charge $0.00", "you need 0 sales").
            PricingField::TargetPerSale => parse_money(&self.target_per_sale, c).map(drop),
            PricingField::TargetPerMonth => parse_money(&self.target_per_month, c).map(drop),
            PricingField::LayerPercent(i) => layer(i)
                .map(|l| parse_percent(&l.percent, 100).map(drop))
                .unwrap_or(Ok(())),
            PricingField::LayerFixed(i) => layer(i)
                .map(|l| parse_money(&l.fixed, c).map(drop))
                .unwrap_or(Ok(())),
            PricingField::LayerMonthly(i) => layer(i)
                .map(|l| parse_money(&l.monthly, c).map(drop))
                .unwrap_or(Ok(())),
        };
        result.err()
    }

    fn fields(&self) -> Vec<PricingField> {
        let mut fields = vec![PricingField::Price];
        for i in 0..self.layers.len() {
            fields.extend([
                PricingField::LayerPercent(i),
                PricingField::LayerFixed(i),
                PricingField::LayerMonthly(i),
            ]);
        }
        fields.extend([
            PricingField::Discount,
            PricingField::Affiliate,
            PricingField::Refund,
            PricingField::Tax,
            PricingField::Volume,
        ]);
        if self.subscription {
            fields.push(PricingField::Churn);
        }
        fields.extend([PricingField::TargetPerSale, PricingField::TargetPerMonth]);
        fields
    }

    /// Validates every field; the engine's inputs, or every field's sentence.
    pub fn inputs(&self) -> Result<PricingInputs, PricingErrors> {
        let errors: PricingErrors = self
            .fields()
            .into_iter()
            .filter_map(|f| self.field_error(f).map(|e| (f, e)))
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let c = self.currency;
        // Every field parsed above, so the defaults below are never used.
        let layers = self
            .layers
            .iter()
            .map(|l| FeeLayer {
                name: l.name.trim().to_string(),
                percent: parse_percent(&l.percent, 100).unwrap_or_default(),
                fixed: parse_money(&l.fixed, c).unwrap_or_default(),
                monthly: parse_money(&l.monthly, c).unwrap_or_default(),
                subscriptions_only: l.subscriptions_only,
            })
            .collect();
        Ok(PricingInputs {
            currency: c,
            kind: self.kind(),
            price: parse_money(&self.price, c).unwrap_or_default(),
            layers,
            discount: parse_percent(&self.discount, 100).unwrap_or_default(),
            affiliate: parse_percent(&self.affiliate, 100).unwrap_or_default(),
            refund: parse_percent(&self.refund, 100).unwrap_or_default(),
            tax: parse_percent(&self.tax, 100).unwrap_or_default(),
            volume: parse_count(&self.volume, MAX_VOLUME).unwrap_or_default(),
            churn: parse_percent(&self.churn, 100).unwrap_or_default(),
            target_per_sale: parse_money(&self.target_per_sale, c).unwrap_or_default(),
            target_per_month: parse_money(&self.target_per_month, c).unwrap_or_default(),
        })
    }

    /// Adds fee layers if the product has room for all of them; false (nothing added) if not.
    pub fn add_layers(&mut self, layers: Vec<LayerDraft>) -> bool {
        if self.layers.len() + layers.len() > MAX_LAYERS {
            return false;
        }
        self.layers.extend(layers);
        true
    }

    /// Picks a platform preset, replacing the fee layers with its published ones.
    pub fn choose_platform(&mut self, id: &str) {
        self.platform = id.to_string();
        if let Some(p) = preset(id) {
            self.layers = preset_layers(Some(p), self.currency);
        }
    }

    /// True when the layers are exactly the chosen preset's in the current currency.
    pub fn layers_match_preset(&self) -> bool {
        preset(&self.platform)
            .map(|p| preset_layers(Some(p), self.currency) == self.layers)
            .unwrap_or(false)
    }

    /// True when the layers are the chosen preset's other reading of a disputed fee.
    pub fn layers_match_other_reading(&self) -> bool {
        preset(&self.platform)
            .and_then(|p| p.other_reading)
            .is_some_and(|r| reading_layers(&r, self.currency) == self.layers)
    }

    /// True when the layers are the preset's, as published or in its other reading: nothing
    /// the user typed would be lost by replacing them.
    pub fn layers_unedited(&self) -> bool {
        self.layers_match_preset() || self.layers_match_other_reading()
    }

    /// Changes currency; unedited preset layers (either reading) are converted, edited ones are
    /// left as typed.
    pub fn change_currency(&mut self, currency: Currency) {
        let other = self.layers_match_other_reading();
        let unedited = self.layers_match_preset();
        self.currency = currency;
        if unedited {
            self.layers = preset_layers(preset(&self.platform), currency);
        } else if let Some(r) = preset(&self.platform)
            .and_then(|p| p.other_reading)
            .filter(|_| other)
        {
            self.layers = reading_layers(&r, currency);
        }
    }
}
