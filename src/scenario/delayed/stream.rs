//! One income stream as typed: its kind, its values by field key, and its ranges.

use super::fields::{
    FieldSpec, Part, BLOG_FIELDS, EFFORT_FIELDS, PRODUCT_FIELDS, SUBSCRIPTION_FIELDS,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The kind of a stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StreamType {
    Blog,
    Product,
    Subscription,
}

impl StreamType {
    pub const ALL: [StreamType; 3] = [
        StreamType::Blog,
        StreamType::Product,
        StreamType::Subscription,
    ];

    pub fn name(self) -> &'static str {
        match self {
            StreamType::Blog => "Blog (affiliate and ads)",
            StreamType::Product => "Digital product",
            StreamType::Subscription => "Subscription or membership",
        }
    }

    /// The key of the field holding the stream's own net (a product's per sale, a
    /// subscription's per member and month); empty for a blog, which takes none.
    pub fn net_key(self) -> &'static str {
        match self {
            StreamType::Blog => "",
            StreamType::Product => "net_per_sale",
            StreamType::Subscription => "price",
        }
    }

    /// True when the stream can take its net from a product of this kind.
    pub fn takes_product(self, subscription: bool) -> bool {
        match self {
            StreamType::Blog => false,
            StreamType::Product => !subscription,
            StreamType::Subscription => subscription,
        }
    }

    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            StreamType::Blog => BLOG_FIELDS,
            StreamType::Product => PRODUCT_FIELDS,
            StreamType::Subscription => SUBSCRIPTION_FIELDS,
        }
    }
}

/// Where a subscription's new members come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MembersMode {
    #[default]
    Constant,
    Growing,
    ShareOfVisitors,
}

/// One income stream as typed. The identity, name, switch, kind and values were there from the
/// start and must be present; the members that came later read as empty or false when missing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StreamDraft {
    /// Stable identity for lists in the page.
    pub id: u32,
    pub name: String,
    pub enabled: bool,
    pub kind: StreamType,
    pub values: BTreeMap<String, String>,
    #[serde(default)]
    pub low: BTreeMap<String, String>,
    #[serde(default)]
    pub high: BTreeMap<String, String>,
    /// The plan's product whose net (after fees and refunds, from Pricing) the stream takes;
    /// None: the stream's own figure. Product and subscription streams only.
    #[serde(default)]
    pub product: Option<u32>,
    /// Product: launch sales from audience x conversion instead of a direct number.
    #[serde(default)]
    pub launch_from_audience: bool,
    #[serde(default)]
    pub members_mode: MembersMode,
    /// Product: sell on Break-even's plan (its sales curve, net, build hours, upfront cash and
    /// upkeep) from this stream's launch month, instead of the stream's own figures.
    #[serde(default)]
    pub follow_break_even: bool,
}

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    // Inserted one by one: collecting would sort first, a second copy of the std sort in the wasm.
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k.to_string(), v.to_string());
    }
    map
}

impl StreamDraft {
    /// A new stream of `kind` with honest defaults (see the research notes' benchmark table).
    pub fn new(id: u32, kind: StreamType) -> StreamDraft {
        let (name, values, low, high) = match kind {
            StreamType::Blog => (
                "Blog",
                map(&[
                    ("posts", "8"),
                    ("publish_months", "12"),
                    ("delay", "3"),
                    ("ramp", "15"),
                    ("plateau", "300"),
                    ("click_through", "2"),
                    ("conversion", "2"),
                    ("commission", "40"),
                    ("ads_rpm", "5"),
                    ("ads_min", "25000"),
                    ("build_months", "12"),
                    ("build_hours", "40"),
                    ("upkeep_hours", "8"),
                ]),
                map(&[
                    ("plateau", "100"),
                    ("click_through", "1"),
                    ("conversion", "0.5"),
                ]),
                map(&[
                    ("plateau", "600"),
                    ("click_through", "5"),
                    ("conversion", "3"),
                ]),
            ),
            StreamType::Product => (
                "Digital product",
                map(&[
                    ("launch_month", "3"),
                    ("launch_sales", "12"),
                    ("audience", "1000"),
                    ("audience_conversion", "1.5"),
                    ("half_life", "1"),
                    ("baseline", "4"),
                    ("per_thousand", "0"),
                    ("net_per_sale", "22.99"),
                    ("build_months", "2"),
                    ("build_hours", "30"),
                    ("upkeep_hours", "3"),
                ]),
                map(&[("half_life", "0.5")]),
                map(&[("half_life", "2")]),
            ),
            StreamType::Subscription => (
                "Membership",
                map(&[
                    ("start_month", "2"),
                    ("members", "3"),
                    ("growth", "5"),
                    ("share", "0.2"),
                    ("churn", "6.5"),
                    ("price", "4.00"),
                    ("build_months", "1"),
                    ("build_hours", "30"),
                    ("upkeep_hours", "10"),
                ]),
                map(&[("members", "1"), ("share", "0.1"), ("churn", "3")]),
                map(&[("members", "6"), ("share", "0.5"), ("churn", "10")]),
            ),
        };
        StreamDraft {
            id,
            name: name.into(),
            enabled: true,
            kind,
            values,
            low,
            high,
            product: (kind == StreamType::Product).then_some(0),
            launch_from_audience: false,
            members_mode: MembersMode::Constant,
            follow_break_even: false,
        }
    }

    /// True for a product stream that sells on Break-even's plan.
    pub fn follows_break_even(&self) -> bool {
        self.kind == StreamType::Product && self.follow_break_even
    }

    /// The stream's fields shown now (the launch and members modes hide some), effort last.
    pub fn visible_fields(&self) -> Vec<&'static FieldSpec> {
        // A stream on Break-even's plan keeps only when it launches, how long the build takes
        // before it and the blog's lift: the rest is Break-even's.
        let follows = self.follows_break_even();
        let own =
            |key: &str| !follows || matches!(key, "launch_month" | "per_thousand" | "build_months");
        self.kind
            .fields()
            .iter()
            .chain(EFFORT_FIELDS)
            .filter(|f| own(f.key))
            .filter(|f| match (self.kind, f.key) {
                (StreamType::Product, "launch_sales") => !self.launch_from_audience,
                (StreamType::Product, "audience" | "audience_conversion") => {
                    self.launch_from_audience
                }
                (StreamType::Product, "net_per_sale") | (StreamType::Subscription, "price") => {
                    self.product.is_none()
                }
                (StreamType::Subscription, "members") => {
                    self.members_mode != MembersMode::ShareOfVisitors
                }
                (StreamType::Subscription, "growth") => self.members_mode == MembersMode::Growing,
                (StreamType::Subscription, "share") => {
                    self.members_mode == MembersMode::ShareOfVisitors
                }
                _ => true,
            })
            .collect()
    }

    pub fn text(&self, part: Part, key: &str) -> String {
        let m = match part {
            Part::Value => &self.values,
            Part::Low => &self.low,
            Part::High => &self.high,
        };
        m.get(key).cloned().unwrap_or_default()
    }

    pub fn set_text(&mut self, part: Part, key: &str, text: String) {
        let m = match part {
            Part::Value => &mut self.values,
            Part::Low => &mut self.low,
            Part::High => &mut self.high,
        };
        m.insert(key.to_string(), text);
    }
}
