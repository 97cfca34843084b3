//! The Delayed-income calculator's inputs as typed: income streams described by field tables.
//!
//! Each stream keeps its values as typed text in a map keyed by field, so every stream kind
//! is validated, stored and rendered by the same code from its table of `FieldSpec`s.

use crate::engine::delayed::monte_carlo::{Range, StreamRanges, Uncertainty, MAX_PATHS};
use crate::engine::delayed::{
    Blog, Effort, NewMembers, Plan, Product, Stream, StreamKind, Subscription, MAX_HORIZON,
};
use crate::engine::fields::{
    parse_count, parse_money, parse_percent, parse_signed_money, parse_whole, FieldError,
};
use crate::engine::money::Currency;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// What kind of number a field holds, which decides how it is read and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A count or average (visitors, sales, posts).
    Count,
    /// A percentage, read as a fraction.
    Percent,
    /// Money in the scenario's currency.
    Money,
    /// Months, fractions allowed (delays, half-lives).
    Months,
    /// A month number or a whole count of months.
    WholeMonths,
    /// Hours per month.
    Hours,
}

/// One field of a stream: its key in the stream's map, label, hint, unit and bounds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldSpec {
    pub key: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub unit: Unit,
    /// Largest value accepted, in the unit as typed (percent as typed, months, visitors); None
    /// for money, which every calculator bounds the same way (`engine::fields::parse_money`).
    pub max: Option<f64>,
    /// The field can get a low and a high value for the uncertainty band.
    pub uncertain: bool,
}

const fn spec(
    key: &'static str,
    label: &'static str,
    hint: &'static str,
    unit: Unit,
    max: f64,
) -> FieldSpec {
    FieldSpec {
        key,
        label,
        hint,
        unit,
        max: Some(max),
        uncertain: false,
    }
}

/// A money field: its bound is the calculators' money limit, not a number of its own.
const fn money(key: &'static str, label: &'static str, hint: &'static str) -> FieldSpec {
    FieldSpec {
        key,
        label,
        hint,
        unit: Unit::Money,
        max: None,
        uncertain: false,
    }
}

const fn uncertain(spec: FieldSpec) -> FieldSpec {
    FieldSpec {
        uncertain: true,
        ..spec
    }
}

const BIG: f64 = 10_000_000.0;
const MONTHS: f64 = MAX_HORIZON as f64;

pub const BLOG_FIELDS: &[FieldSpec] = &[
    spec(
        "posts",
        "Posts per month",
        "How many posts you publish each month.",
        Unit::Count,
        1000.0,
    ),
    spec(
        "publish_months",
        "Months of publishing",
        "Posts come out in months 1 to this one.",
        Unit::WholeMonths,
        MONTHS,
    ),
    spec(
        "delay",
        "Months before search traffic",
        "A new post gets almost no search visitors at first (3 is typical).",
        Unit::Months,
        MONTHS,
    ),
    spec(
        "ramp",
        "Months from first visitors to plateau",
        "Then traffic climbs in an S-curve (12-20 months is typical).",
        Unit::Months,
        MONTHS,
    ),
    uncertain(spec(
        "plateau",
        "Visitors per post per month at plateau",
        "A post's steady monthly visitors once it ranks.",
        Unit::Count,
        BIG,
    )),
    uncertain(spec(
        "click_through",
        "Click-through to affiliate links",
        "Share of visitors who click (1-5 %).",
        Unit::Percent,
        100.0,
    )),
    uncertain(spec(
        "conversion",
        "Affiliate conversion",
        "Share of clicks that buy (0.5-3 %).",
        Unit::Percent,
        100.0,
    )),
    money(
        "commission",
        "Average commission",
        "What you earn per affiliate sale.",
    ),
    money(
        "ads_rpm",
        "Ads revenue per 1,000 visitors",
        "Display ads (about $5; premium networks more).",
    ),
    spec(
        "ads_min",
        "Visitors a month to qualify for ads",
        "Ad networks take a blog above this traffic.",
        Unit::Count,
        BIG,
    ),
];

pub const PRODUCT_FIELDS: &[FieldSpec] = &[
    spec(
        "launch_month",
        "Launch month",
        "The month it goes on sale.",
        Unit::WholeMonths,
        MONTHS,
    ),
    spec(
        "launch_sales",
        "Launch-month sales",
        "Sales in the launch month.",
        Unit::Count,
        BIG,
    ),
    spec(
        "audience",
        "Audience size",
        "Subscribers or followers who hear about the launch.",
        Unit::Count,
        BIG,
    ),
    spec(
        "audience_conversion",
        "Audience conversion",
        "Share of the audience who buy at launch (1-3 %).",
        Unit::Percent,
        100.0,
    ),
    uncertain(spec(
        "half_life",
        "Half-life of the launch bump",
        "Months for sales above the baseline to halve (1-2).",
        Unit::Months,
        MONTHS,
    )),
    spec(
        "baseline",
        "Baseline sales per month",
        "Sales once the launch has faded.",
        Unit::Count,
        BIG,
    ),
    spec(
        "per_thousand",
        "Extra sales per 1,000 blog visitors",
        "How the blog's traffic lifts the baseline (0 if unrelated).",
        Unit::Count,
        BIG,
    ),
    money(
        "net_per_sale",
        "Net per sale",
        "What one sale leaves after fees.",
    ),
];

pub const SUBSCRIPTION_FIELDS: &[FieldSpec] = &[
    spec(
        "start_month",
        "Start month",
        "The month members can first join.",
        Unit::WholeMonths,
        MONTHS,
    ),
    uncertain(spec(
        "members",
        "New members per month",
        "Members who join each month (at the start, if growing).",
        Unit::Count,
        BIG,
    )),
    spec(
        "growth",
        "Monthly growth of new members",
        "How much the monthly joiners grow each month.",
        Unit::Percent,
        1000.0,
    ),
    uncertain(spec(
        "share",
        "Share of blog visitors who join",
        "Of each month's blog visitors (0.1-1 %).",
        Unit::Percent,
        100.0,
    )),
    uncertain(spec(
        "churn",
        "Churn per month",
        "Share of members who leave each month (3-7 %).",
        Unit::Percent,
        100.0,
    )),
    money(
        "price",
        "Net monthly price per member",
        "After platform and payment fees.",
    ),
];

pub const EFFORT_FIELDS: &[FieldSpec] = &[
    spec(
        "build_months",
        "Build months",
        "Months of building just before it launches or starts (a blog: from month 1); upkeep after.",
        Unit::WholeMonths,
        MONTHS,
    ),
    spec(
        "build_hours",
        "Hours per month while building",
        "",
        Unit::Hours,
        744.0,
    ),
    spec(
        "upkeep_hours",
        "Hours per month after",
        "Upkeep: updates, support, promotion.",
        Unit::Hours,
        744.0,
    ),
];

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
    /// Product: take the net per sale from the Pricing calculator.
    #[serde(default)]
    pub use_pricing_net: bool,
    /// Product: launch sales from audience x conversion instead of a direct number.
    #[serde(default)]
    pub launch_from_audience: bool,
    #[serde(default)]
    pub members_mode: MembersMode,
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
                    ("net_per_sale", "23.80"),
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
                    ("members", "10"),
                    ("growth", "5"),
                    ("share", "0.2"),
                    ("churn", "6.5"),
                    ("price", "8.50"),
                    ("build_months", "1"),
                    ("build_hours", "30"),
                    ("upkeep_hours", "10"),
                ]),
                map(&[("members", "5"), ("share", "0.1"), ("churn", "3")]),
                map(&[("members", "15"), ("share", "0.5"), ("churn", "10")]),
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
            use_pricing_net: kind == StreamType::Product,
            launch_from_audience: false,
            members_mode: MembersMode::Constant,
        }
    }

    /// The stream's fields shown now (the launch and members modes hide some), effort last.
    pub fn visible_fields(&self) -> Vec<&'static FieldSpec> {
        self.kind
            .fields()
            .iter()
            .filter(|f| match (self.kind, f.key) {
                (StreamType::Product, "launch_sales") => !self.launch_from_audience,
                (StreamType::Product, "audience" | "audience_conversion") => {
                    self.launch_from_audience
                }
                (StreamType::Product, "net_per_sale") => !self.use_pricing_net,
                (StreamType::Subscription, "members") => {
                    self.members_mode != MembersMode::ShareOfVisitors
                }
                (StreamType::Subscription, "growth") => self.members_mode == MembersMode::Growing,
                (StreamType::Subscription, "share") => {
                    self.members_mode == MembersMode::ShareOfVisitors
                }
                _ => true,
            })
            .chain(EFFORT_FIELDS)
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

/// Which of a field's values: the plan's own, or the low or high end of its range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Value,
    Low,
    High,
}

/// Reads a field's text in its unit: money in minor units, percentages as fractions.
pub fn read(spec: &FieldSpec, text: &str, currency: Currency) -> Result<f64, FieldError> {
    // Every field but money's has its own bound (the field table's tests check each has one).
    let bound = spec.max.unwrap_or(f64::MAX);
    match spec.unit {
        Unit::Count | Unit::Months | Unit::Hours => parse_count(text, bound),
        Unit::Percent => parse_percent(text, bound as i64).map(|r| r.as_fraction()),
        Unit::Money => parse_money(text, currency).map(|m| m as f64),
        Unit::WholeMonths => parse_whole(text, bound as u64).map(|m| m as f64),
    }
}

/// Why a Delayed-income field is not usable (a value, a low or high bound, or a product net taken
/// from Pricing); Display is the sentence beside it.
#[derive(Clone, Debug, PartialEq)]
pub enum DelayedError {
    Field(FieldError),
    LowAboveValue,
    HighBelowValue,
    /// The product takes its net per sale from Pricing, whose fields need fixing.
    PricingInvalid,
}

impl fmt::Display for DelayedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DelayedError::Field(e) => e.fmt(f),
            DelayedError::LowAboveValue => write!(f, "The low value can't be above the plan's value."),
            DelayedError::HighBelowValue => {
                write!(f, "The high value can't be below the plan's value.")
            }
            DelayedError::PricingInvalid => write!(
                f,
                "The Pricing calculator has a field to fix; or switch off \"Use the net per sale from Pricing\"."
            ),
        }
    }
}

/// Names a field of the Delayed-income form.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DelayedField {
    Stream {
        id: u32,
        key: &'static str,
        part: Part,
    },
    ProductNet {
        id: u32,
    },
    Horizon,
    Target,
    TargetBy,
    Paths,
}

/// The Delayed-income calculator's inputs as typed. A missing member takes the default plan's value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DelayedDraft {
    pub streams: Vec<StreamDraft>,
    pub horizon: String,
    pub target: String,
    pub target_by: String,
    pub uncertainty: bool,
    pub paths: String,
    pub seed: u64,
    pub next_id: u32,
}

/// Everything the engine needs, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct DelayedInputs {
    pub plan: Plan,
    /// The enabled streams' ids, in plan order.
    pub stream_ids: Vec<u32>,
    pub uncertainty: Option<Uncertainty>,
}

pub type DelayedErrors = Vec<(DelayedField, DelayedError)>;

impl DelayedDraft {
    pub fn stream(&self, id: u32) -> Option<&StreamDraft> {
        self.streams.iter().find(|s| s.id == id)
    }

    pub fn stream_mut(&mut self, id: u32) -> Option<&mut StreamDraft> {
        self.streams.iter_mut().find(|s| s.id == id)
    }

    /// Adds a stream of `kind` with default values; returns its id.
    pub fn add_stream(&mut self, kind: StreamType) -> u32 {
        let id = self.fresh_id();
        let mut stream = StreamDraft::new(id, kind);
        let same = self.streams.iter().filter(|s| s.kind == kind).count();
        if same > 0 {
            stream.name = format!("{} {}", stream.name, same + 1);
        }
        self.streams.push(stream);
        id
    }

    /// Copies a stream next to itself; returns the copy's id.
    pub fn duplicate_stream(&mut self, id: u32) -> Option<u32> {
        let index = self.streams.iter().position(|s| s.id == id)?;
        let new_id = self.fresh_id();
        let mut copy = self.streams[index].clone();
        copy.id = new_id;
        copy.name = format!("{} (copy)", copy.name);
        self.streams.insert(index + 1, copy);
        Some(new_id)
    }

    pub fn remove_stream(&mut self, id: u32) {
        self.streams.retain(|s| s.id != id);
    }

    fn fresh_id(&mut self) -> u32 {
        let taken = |id: u32| self.streams.iter().any(|s| s.id == id);
        let after_used = self
            .streams
            .iter()
            .map(|s| s.id.saturating_add(1))
            .max()
            .unwrap_or(0);
        let mut id = self.next_id.max(after_used);
        // Only a crafted plan gets here (ids near u32::MAX): take the first free id instead.
        if id == u32::MAX || taken(id) {
            id = (0..u32::MAX).find(|&i| !taken(i)).unwrap_or(0);
        }
        self.next_id = id.saturating_add(1);
        id
    }

    /// The sentence for one field, if its text is not acceptable.
    pub fn field_error(
        &self,
        field: &DelayedField,
        currency: Currency,
        pricing_net: Option<i64>,
    ) -> Option<DelayedError> {
        match field {
            DelayedField::Horizon => match parse_whole(&self.horizon, u64::from(MAX_HORIZON)) {
                Ok(0) => Some(DelayedError::Field(FieldError::TooSmall {
                    min: "1".into(),
                })),
                other => other.err().map(DelayedError::Field),
            },
            DelayedField::Target => parse_signed_money(&self.target, currency)
                .err()
                .map(DelayedError::Field),
            DelayedField::TargetBy => parse_whole(&self.target_by, u64::from(MAX_HORIZON))
                .err()
                .map(DelayedError::Field),
            DelayedField::Paths => match parse_whole(&self.paths, u64::from(MAX_PATHS)) {
                Ok(n) if n < 100 => Some(DelayedError::Field(FieldError::TooSmall {
                    min: "100".into(),
                })),
                other => other.err().map(DelayedError::Field),
            },
            DelayedField::ProductNet { id } => {
                let stream = self.stream(*id)?;
                (stream.use_pricing_net && pricing_net.is_none())
                    .then_some(DelayedError::PricingInvalid)
            }
            DelayedField::Stream { id, key, part } => {
                let stream = self.stream(*id)?;
                let spec = stream
                    .kind
                    .fields()
                    .iter()
                    .chain(EFFORT_FIELDS)
                    .find(|f| f.key == *key)?;
                let value = read(spec, &stream.text(Part::Value, key), currency);
                match part {
                    Part::Value => value.err().map(DelayedError::Field),
                    Part::Low | Part::High => {
                        let bound = match read(spec, &stream.text(*part, key), currency) {
                            Ok(b) => b,
                            Err(e) => return Some(DelayedError::Field(e)),
                        };
                        let value = value.ok()?;
                        match part {
                            Part::Low if bound > value => Some(DelayedError::LowAboveValue),
                            Part::High if bound < value => Some(DelayedError::HighBelowValue),
                            _ => None,
                        }
                    }
                }
            }
        }
    }

    /// Every field that matters now, in form order.
    pub fn fields(&self) -> Vec<DelayedField> {
        let mut fields = Vec::new();
        for stream in self.streams.iter().filter(|s| s.enabled) {
            if stream.kind == StreamType::Product && stream.use_pricing_net {
                fields.push(DelayedField::ProductNet { id: stream.id });
            }
            for spec in stream.visible_fields() {
                fields.push(DelayedField::Stream {
                    id: stream.id,
                    key: spec.key,
                    part: Part::Value,
                });
                if self.uncertainty && spec.uncertain {
                    fields.push(DelayedField::Stream {
                        id: stream.id,
                        key: spec.key,
                        part: Part::Low,
                    });
                    fields.push(DelayedField::Stream {
                        id: stream.id,
                        key: spec.key,
                        part: Part::High,
                    });
                }
            }
        }
        fields.extend([
            DelayedField::Horizon,
            DelayedField::Target,
            DelayedField::TargetBy,
        ]);
        if self.uncertainty {
            fields.push(DelayedField::Paths);
        }
        fields
    }

    /// Validates every field into the engine's plan (and uncertainty, when switched on).
    pub fn inputs(
        &self,
        currency: Currency,
        pricing_net: Option<i64>,
        monthly_costs: i64,
    ) -> Result<DelayedInputs, DelayedErrors> {
        let errors: DelayedErrors = self
            .fields()
            .into_iter()
            .filter_map(|f| self.field_error(&f, currency, pricing_net).map(|e| (f, e)))
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        // Every field parsed above, so the fallbacks below are never used.
        let mut streams = Vec::new();
        let mut ranges = Vec::new();
        let mut ids = Vec::new();
        for s in self.streams.iter().filter(|s| s.enabled) {
            let value = |key: &str| {
                s.kind
                    .fields()
                    .iter()
                    .chain(EFFORT_FIELDS)
                    .find(|f| f.key == key)
                    .and_then(|spec| read(spec, &s.text(Part::Value, key), currency).ok())
                    .unwrap_or(0.0)
            };
            let range = |key: &str| {
                let spec = s.kind.fields().iter().find(|f| f.key == key)?;
                let low = read(spec, &s.text(Part::Low, key), currency).ok()?;
                let high = read(spec, &s.text(Part::High, key), currency).ok()?;
                Some(Range { low, high })
            };
            let kind = match s.kind {
                StreamType::Blog => StreamKind::Blog(Blog {
                    posts_per_month: value("posts"),
                    publish_months: value("publish_months") as u32,
                    delay: value("delay"),
                    ramp: value("ramp"),
                    plateau: value("plateau"),
                    click_through: value("click_through"),
                    conversion: value("conversion"),
                    commission: value("commission"),
                    ads_rpm: value("ads_rpm"),
                    ads_min_visitors: value("ads_min"),
                }),
                StreamType::Product => StreamKind::Product(Product {
                    launch_month: value("launch_month").max(1.0) as u32,
                    launch_sales: if s.launch_from_audience {
                        value("audience") * value("audience_conversion")
                    } else {
                        value("launch_sales")
                    },
                    half_life: value("half_life"),
                    baseline: value("baseline"),
                    per_thousand_visitors: value("per_thousand"),
                    net_per_sale: if s.use_pricing_net {
                        pricing_net.unwrap_or(0) as f64
                    } else {
                        value("net_per_sale")
                    },
                }),
                StreamType::Subscription => StreamKind::Subscription(Subscription {
                    start_month: value("start_month").max(1.0) as u32,
                    new_members: match s.members_mode {
                        MembersMode::Constant => NewMembers::Constant(value("members")),
                        MembersMode::Growing => {
                            NewMembers::Growing(value("members"), value("growth"))
                        }
                        MembersMode::ShareOfVisitors => NewMembers::ShareOfVisitors(value("share")),
                    },
                    churn: value("churn"),
                    net_price: value("price"),
                }),
            };
            ranges.push(StreamRanges {
                plateau: range("plateau"),
                click_through: range("click_through"),
                conversion: range("conversion"),
                half_life: range("half_life"),
                churn: range("churn"),
                members: if s.members_mode == MembersMode::ShareOfVisitors {
                    range("share")
                } else {
                    range("members")
                },
            });
            streams.push(Stream {
                name: s.name.trim().to_string(),
                kind,
                effort: Effort {
                    build_months: value("build_months") as u32,
                    build_hours: value("build_hours"),
                    upkeep_hours: value("upkeep_hours"),
                },
            });
            ids.push(s.id);
        }
        let horizon = parse_whole(&self.horizon, u64::from(MAX_HORIZON)).unwrap_or(24) as u32;
        let plan = Plan {
            streams,
            monthly_costs: monthly_costs as f64,
            horizon,
            target: parse_signed_money(&self.target, currency).unwrap_or(0) as f64,
        };
        let uncertainty = self.uncertainty.then(|| Uncertainty {
            ranges,
            paths: parse_whole(&self.paths, u64::from(MAX_PATHS)).unwrap_or(1000) as u32,
            seed: self.seed,
            target_by_month: parse_whole(&self.target_by, u64::from(MAX_HORIZON)).unwrap_or(12)
                as u32,
        });
        Ok(DelayedInputs {
            plan,
            stream_ids: ids,
            uncertainty,
        })
    }
}
