//! Platform fee presets (US schedules), each with its formula, an "as of" date and a source.
//!
//! Figures come from the platforms' own pricing and help pages as collected in 2026. Fees
//! change: every preset is a starting point whose layers the user can edit.

use super::fees::FeeLayer;
use super::money::{Currency, Rate};

/// A layer as published, with fixed amounts in US cents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PresetLayer {
    pub name: &'static str,
    pub basis_points: i64,
    pub fixed_usd_cents: i64,
    pub monthly_usd_cents: i64,
    pub subscriptions_only: bool,
}

/// A platform preset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    pub id: &'static str,
    pub name: &'static str,
    /// Presets of one platform share a family, so a paid plan can be compared with the free one.
    pub family: &'static str,
    /// The platform is merchant of record and handles payment processing itself.
    pub merchant_of_record: bool,
    pub formula: &'static str,
    pub as_of: &'static str,
    pub source: &'static str,
    pub note: &'static str,
    pub layers: &'static [PresetLayer],
    /// What the platform does for the seller besides taking payment.
    pub seller: Seller,
    /// Where sources disagree on the fee: the other reading, one click away.
    pub other_reading: Option<OtherReading>,
}

/// What a platform does for the seller beyond taking the money: the costs a raw payment
/// processor leaves to you.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seller {
    /// A shop or page where buyers find and buy (a checkout link alone is not one).
    pub storefront: bool,
    /// It hosts and delivers the product (files, course, posts) to the buyer.
    pub delivery: bool,
    /// Who deals with sales tax and VAT.
    pub tax: Tax,
}

/// Who collects and pays sales tax and VAT on a sale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tax {
    /// The platform is merchant of record: the sale is its, and so is the tax.
    MerchantOfRecord,
    /// A marketplace that collects US sales tax where the law makes it the seller; the rest is yours.
    Marketplace,
    /// You are the seller: registering, collecting and paying is yours.
    Yours,
}

/// The other reading of a disputed fee: its layers and why it exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OtherReading {
    /// Names the reading in a sentence: "with card processing on top".
    pub label: &'static str,
    /// The same on its button, capitalised.
    pub button: &'static str,
    pub why: &'static str,
    pub layers: &'static [PresetLayer],
}

const fn seller(storefront: bool, delivery: bool, tax: Tax) -> Seller {
    Seller {
        storefront,
        delivery,
        tax,
    }
}

/// A checkout and nothing else: no shop, no delivery, the tax yours.
const PROCESSOR_ONLY: Seller = seller(false, false, Tax::Yours);
/// A shop that delivers, with the tax left to you.
const SHOP: Seller = seller(true, true, Tax::Yours);
/// A shop that delivers and is merchant of record.
const STORE_OF_RECORD: Seller = seller(true, true, Tax::MerchantOfRecord);

const fn layer(name: &'static str, basis_points: i64, fixed_usd_cents: i64) -> PresetLayer {
    PresetLayer {
        name,
        basis_points,
        fixed_usd_cents,
        monthly_usd_cents: 0,
        subscriptions_only: false,
    }
}

const fn plan(name: &'static str, basis_points: i64, monthly_usd_cents: i64) -> PresetLayer {
    PresetLayer {
        name,
        basis_points,
        fixed_usd_cents: 0,
        monthly_usd_cents,
        subscriptions_only: false,
    }
}

const fn recurring(name: &'static str, basis_points: i64) -> PresetLayer {
    PresetLayer {
        name,
        basis_points,
        fixed_usd_cents: 0,
        monthly_usd_cents: 0,
        subscriptions_only: true,
    }
}

/// Card processing as most non-merchant-of-record platforms pass it on (Stripe's US card rate).
const CARD: PresetLayer = layer("Card processing", 290, 30);

/// Gumroad says its fee includes payment processing; a 2026-04 audit of sellers' payouts
/// (see the research notes) found card processing taken on top.
const GUMROAD_CARD_ON_TOP: &str = "Gumroad's pricing page says its fee includes payment processing; an April 2026 audit of sellers' payouts found card processing taken on top (in the US about 2.9 % + $0.30 a sale).";

/// Payment processors that can be stacked on a platform that is not merchant of record.
pub const PROCESSORS: &[Preset] = &[
    Preset {
        id: "stripe",
        name: "Stripe",
        family: "stripe",
        merchant_of_record: false,
        formula: "2.9 % + $0.30 per card charge; Stripe Billing adds 0.7 % on recurring charges",
        as_of: "2024-07",
        source: "https://stripe.com/pricing",
        note: "International cards add 1.5 %, currency conversion 1 %.",
        layers: &[
            layer("Stripe card fee", 290, 30),
            recurring("Stripe Billing", 70),
        ],
        seller: PROCESSOR_ONLY,
        other_reading: None,
    },
    Preset {
        id: "paypal",
        name: "PayPal",
        family: "paypal",
        merchant_of_record: false,
        formula: "3.49 % + $0.49 per checkout payment",
        as_of: "2026-09",
        source: "https://www.paypal.com/us/business/paypal-business-fees",
        note: "Card payments through PayPal cost 2.99 % + $0.49; international adds 1.5 %.",
        layers: &[layer("PayPal checkout fee", 349, 49)],
        seller: PROCESSOR_ONLY,
        other_reading: None,
    },
];

/// Every platform preset, in the order the picker shows them.
pub const PRESETS: &[Preset] = &[
    PROCESSORS[0],
    PROCESSORS[1],
    Preset {
        id: "gumroad",
        name: "Gumroad (direct sales)",
        family: "gumroad",
        merchant_of_record: true,
        formula: "10 % + $0.50 per sale through your own link or profile",
        as_of: "2026-04",
        source: "https://gumroad.com/pricing",
        note: "Merchant of record since 1 January 2025.",
        layers: &[layer("Gumroad fee", 1000, 50)],
        seller: STORE_OF_RECORD,
        other_reading: Some(OtherReading {
            label: "with card processing on top",
            button: "With card processing on top",
            why: GUMROAD_CARD_ON_TOP,
            layers: &[layer("Gumroad fee", 1000, 50), CARD],
        }),
    },
    Preset {
        id: "gumroad-discover",
        name: "Gumroad (Discover marketplace)",
        family: "gumroad",
        merchant_of_record: true,
        formula: "30 % per sale found through Gumroad Discover",
        as_of: "2026-04",
        source: "https://gumroad.com/pricing",
        note: "Applies only to sales Gumroad's marketplace brings you.",
        layers: &[layer("Gumroad Discover fee", 3000, 0)],
        seller: STORE_OF_RECORD,
        other_reading: Some(OtherReading {
            label: "with card processing on top",
            button: "With card processing on top",
            why: GUMROAD_CARD_ON_TOP,
            layers: &[layer("Gumroad Discover fee", 3000, 0), CARD],
        }),
    },
    Preset {
        id: "lemon-squeezy",
        name: "Lemon Squeezy",
        family: "lemon-squeezy",
        merchant_of_record: true,
        formula: "5 % + $0.50 per sale; +0.5 % on subscriptions",
        as_of: "2026",
        source: "https://docs.lemonsqueezy.com/help/getting-started/fees",
        note: "International payments +1.5 %, PayPal +1.5 %; payout fees extra.",
        layers: &[
            layer("Lemon Squeezy fee", 500, 50),
            recurring("Subscription fee", 50),
        ],
        seller: STORE_OF_RECORD,
        other_reading: None,
    },
    Preset {
        id: "payhip-free",
        name: "Payhip Free",
        family: "payhip",
        merchant_of_record: false,
        formula: "5 % per sale + payment processing (about 2.9 % + $0.30)",
        as_of: "2026-07",
        source: "https://payhip.com/pricing",
        note: "Plus and Pro trade a monthly fee for a smaller cut: Platforms compared shows from how many sales each keeps more.",
        layers: &[layer("Payhip fee", 500, 0), CARD],
        seller: SHOP,
        other_reading: None,
    },
    Preset {
        id: "payhip-plus",
        name: "Payhip Plus",
        family: "payhip",
        merchant_of_record: false,
        formula: "$29/month + 2 % per sale + payment processing",
        as_of: "2026-07",
        source: "https://payhip.com/pricing",
        note: "Platforms compared shows from how many sales Plus keeps more than Free, and Pro more than Plus.",
        layers: &[plan("Payhip Plus", 200, 2900), CARD],
        seller: SHOP,
        other_reading: None,
    },
    Preset {
        id: "payhip-pro",
        name: "Payhip Pro",
        family: "payhip",
        merchant_of_record: false,
        formula: "$99/month + 0 % per sale + payment processing",
        as_of: "2026-07",
        source: "https://payhip.com/pricing",
        note: "",
        layers: &[plan("Payhip Pro", 0, 9900), CARD],
        seller: SHOP,
        other_reading: None,
    },
    Preset {
        id: "etsy-digital",
        name: "Etsy (digital download)",
        family: "etsy",
        merchant_of_record: false,
        formula: "6.5 % transaction + 3 % + $0.25 processing + $0.20 listing per sale",
        as_of: "2026-01",
        source: "https://www.etsy.com/legal/fees/",
        note: "Offsite Ads take 15 % (12 % above $10k a year) of the sales they bring.",
        layers: &[
            layer("Etsy transaction fee", 650, 0),
            layer("Etsy Payments processing", 300, 25),
            layer("Listing renewal", 0, 20),
        ],
        seller: seller(true, true, Tax::Marketplace),
        other_reading: None,
    },
    Preset {
        id: "kofi-free",
        name: "Ko-fi (free plan, shop)",
        family: "kofi",
        merchant_of_record: false,
        formula: "5 % on shop sales and memberships + payment processing; 0 % on tips",
        as_of: "2026",
        source: "https://help.ko-fi.com/",
        note: "Ko-fi Gold (about $12/month) removes the 5 %.",
        layers: &[layer("Ko-fi fee", 500, 0), CARD],
        seller: SHOP,
        other_reading: None,
    },
    Preset {
        id: "kofi-gold",
        name: "Ko-fi Gold",
        family: "kofi",
        merchant_of_record: false,
        formula: "about $12/month, 0 % platform fee + payment processing",
        as_of: "2026",
        source: "https://help.ko-fi.com/",
        note: "",
        layers: &[plan("Ko-fi Gold", 0, 1200), CARD],
        seller: SHOP,
        other_reading: None,
    },
    Preset {
        id: "patreon",
        name: "Patreon",
        family: "patreon",
        merchant_of_record: false,
        formula: "10 % platform fee + 2.9 % + $0.30 processing",
        as_of: "2025-08",
        source: "https://www.patreon.com/pricing",
        note: "Pages launched before 2025-08-04 keep the legacy 8 % or 11 %; payout and currency fees extra.",
        layers: &[layer("Patreon fee", 1000, 0), CARD],
        seller: SHOP,
        other_reading: None,
    },
    Preset {
        id: "substack",
        name: "Substack",
        family: "substack",
        merchant_of_record: false,
        formula: "10 % + Stripe 2.9 % + $0.30 + 0.7 % Stripe Billing on recurring charges",
        as_of: "2026",
        source: "https://support.substack.com/",
        note: "Subscriptions bought in the iOS app can cost up to 30 %.",
        layers: &[
            layer("Substack fee", 1000, 0),
            CARD,
            recurring("Stripe Billing", 70),
        ],
        seller: SHOP,
        other_reading: None,
    },
    Preset {
        id: "teachable-starter",
        name: "Teachable Starter",
        family: "teachable",
        merchant_of_record: false,
        formula: "$49/month + 7.5 % per sale + payment processing",
        as_of: "2026",
        source: "https://www.teachable.com/pricing",
        note: "Higher plans ($89-$499/month) charge 0 % per sale.",
        layers: &[plan("Teachable Starter", 750, 4900), CARD],
        seller: SHOP,
        other_reading: None,
    },
    Preset {
        id: "kajabi",
        name: "Kajabi (Kickstarter plan)",
        family: "kajabi",
        merchant_of_record: false,
        formula: "$71/month (annual billing), 0 % platform fee + Kajabi Payments 2.9 % + $0.30; +0.7 % on subscriptions",
        as_of: "2026-09",
        source: "https://kajabi.com/pricing",
        note: "Higher plans cost up to $399/month with slightly lower card rates.",
        layers: &[
            plan("Kajabi plan", 0, 7100),
            layer("Kajabi Payments", 290, 30),
            recurring("Kajabi subscription fee", 70),
        ],
        seller: SHOP,
        other_reading: None,
    },
    Preset {
        id: "kdp-70",
        name: "Amazon KDP ebook (70 % royalty)",
        family: "kdp",
        merchant_of_record: true,
        formula: "You keep 70 % of list price minus delivery ($0.15 per MB); list price $2.99-$9.99",
        as_of: "2026",
        source: "https://kdp.amazon.com/en_US/help/topic/G200644210",
        note: "Assumes a 1 MB file and no VAT. Outside $2.99-$9.99 only the 35 % royalty applies.",
        layers: &[
            layer("Amazon's share", 3000, 0),
            layer("Delivery (1 MB at 70 %)", 0, 11),
        ],
        seller: STORE_OF_RECORD,
        other_reading: None,
    },
    Preset {
        id: "kdp-35",
        name: "Amazon KDP ebook (35 % royalty)",
        family: "kdp",
        merchant_of_record: true,
        formula: "You keep 35 % of list price",
        as_of: "2026",
        source: "https://kdp.amazon.com/en_US/help/topic/G200644210",
        note: "Assumes no VAT.",
        layers: &[layer("Amazon's share", 6500, 0)],
        seller: STORE_OF_RECORD,
        other_reading: None,
    },
    Preset {
        id: "app-store-15",
        name: "App Store (15 %, Small Business Program)",
        family: "app-store",
        merchant_of_record: true,
        formula: "15 % commission + $99 a year developer membership",
        as_of: "2026",
        source: "https://developer.apple.com/app-store/small-business-program/",
        note: "15 % applies under $1M a year of proceeds, and to subscriptions after their first year.",
        layers: &[plan("Apple commission", 1500, 825)],
        seller: STORE_OF_RECORD,
        other_reading: None,
    },
    Preset {
        id: "app-store-30",
        name: "App Store (30 %, standard)",
        family: "app-store",
        merchant_of_record: true,
        formula: "30 % commission + $99 a year developer membership",
        as_of: "2026",
        source: "https://developer.apple.com/app-store/small-business-program/",
        note: "",
        layers: &[plan("Apple commission", 3000, 825)],
        seller: STORE_OF_RECORD,
        other_reading: None,
    },
];

/// Finds a preset (or processor) by id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

impl PresetLayer {
    /// This layer in `currency`, with US fixed amounts converted approximately.
    pub fn to_layer(&self, currency: Currency) -> FeeLayer {
        FeeLayer {
            name: self.name.to_string(),
            percent: Rate::from_basis_points(self.basis_points),
            fixed: currency.from_usd_cents(self.fixed_usd_cents),
            monthly: currency.from_usd_cents(self.monthly_usd_cents),
            subscriptions_only: self.subscriptions_only,
        }
    }
}

impl Preset {
    pub fn fee_layers(&self, currency: Currency) -> Vec<FeeLayer> {
        self.layers.iter().map(|l| l.to_layer(currency)).collect()
    }

    pub fn has_plan_fee(&self) -> bool {
        self.layers.iter().any(|l| l.monthly_usd_cents > 0)
    }
}

impl OtherReading {
    pub fn fee_layers(&self, currency: Currency) -> Vec<FeeLayer> {
        self.layers.iter().map(|l| l.to_layer(currency)).collect()
    }
}

impl Seller {
    /// What the seller gets and what stays theirs, in one sentence.
    pub fn sentence(&self) -> String {
        let tax = match self.tax {
            Tax::MerchantOfRecord => "handles sales tax and VAT as merchant of record",
            Tax::Marketplace => "collects US sales tax as the marketplace (other taxes are yours)",
            Tax::Yours => "leaves sales tax and VAT to you",
        };
        match (self.storefront, self.delivery) {
            (true, true) => format!("Gives you a storefront and delivers the product; {tax}."),
            (true, false) => {
                format!("Gives you a storefront but does not deliver the product; {tax}.")
            }
            (false, true) => format!("Delivers the product but gives you no storefront; {tax}."),
            (false, false) => {
                format!("Takes the payment only: no storefront, no delivery of the product; {tax}.")
            }
        }
    }
}

/// The oldest fee date among the presets: a fee seen long ago is the likeliest to have changed.
pub fn oldest_as_of() -> &'static str {
    // Dates are "YYYY" or "YYYY-MM", so text order is date order ("2026" before "2026-01").
    PRESETS.iter().map(|p| p.as_of).min().unwrap_or("")
}
