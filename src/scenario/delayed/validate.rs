//! Validation of a Delayed-income plan as typed into the engine's plan: a sentence per field
//! that needs fixing, or everything the engine needs.

use super::fields::{read, Part, EFFORT_FIELDS};
use super::stream::{MembersMode, StreamType};
use super::DelayedDraft;
use crate::engine::break_even::BreakEvenInputs;
use crate::engine::delayed::monte_carlo::{
    Range, StreamRanges, Uncertainty, MAX_PATHS, SUSTAINED_MONTHS,
};
use crate::engine::delayed::{
    Blog, Effort, NewMembers, Plan, Product, SalesCurve, Stream, StreamKind, Subscription,
    MAX_HORIZON,
};
use crate::engine::fields::{parse_money, parse_whole, FieldError};
use crate::engine::money::Currency;
use std::fmt;

/// What Delayed income takes from the rest of the plan (built by `Scenario::delayed_inputs`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FromThePlan {
    pub currency: Currency,
    pub nets: ProductNets,
    /// Break-even's monthly cost lines that parse, summed, minor units.
    pub monthly_costs: i64,
    /// Break-even's inputs while its fields are valid: a product stream can follow them.
    pub break_even: Option<BreakEvenInputs>,
    /// Break-even's value of an hour while that field is valid, minor units.
    pub hourly_value: Option<i64>,
}

/// Each product's net after fees and refunds in minor units, by product id; None while the
/// product has a field to fix on Pricing.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ProductNets(pub Vec<(u32, Option<i64>)>);

impl ProductNets {
    pub fn of(&self, product: u32) -> Option<i64> {
        self.0.iter().find(|(id, _)| *id == product)?.1
    }
}

/// Why a Delayed-income field is not usable (a value, a low or high bound, or a product net taken
/// from Pricing); Display is the sentence beside it.
#[derive(Clone, Debug, PartialEq)]
pub enum DelayedError {
    Field(FieldError),
    LowAboveValue,
    HighBelowValue,
    /// The stream takes its net from a product whose Pricing fields need fixing.
    PricingInvalid,
    /// The stream follows Break-even, whose fields need fixing.
    BreakEvenInvalid,
    /// Another stream already follows Break-even: its build would count twice.
    SecondFollower,
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
                "This stream's product has a field to fix on Pricing; or pick \"A figure of my own\"."
            ),
            DelayedError::BreakEvenInvalid => write!(
                f,
                "Break-even has a field to fix; or switch off \"Sell on Break-even's plan\" for this stream."
            ),
            DelayedError::SecondFollower => write!(
                f,
                "Another stream already sells on Break-even's plan; its build and cash would count twice. Switch one off."
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
    FollowBreakEven {
        id: u32,
    },
    Horizon,
    Target,
    TargetBy,
    Paths,
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
    /// The sentence for one field, if its text is not acceptable.
    pub fn field_error(&self, field: &DelayedField, from: &FromThePlan) -> Option<DelayedError> {
        let currency = from.currency;
        match field {
            DelayedField::Horizon => match parse_whole(&self.horizon, u64::from(MAX_HORIZON)) {
                Ok(0) => Some(DelayedError::Field(FieldError::TooSmall {
                    min: "1".into(),
                })),
                other => other.err().map(DelayedError::Field),
            },
            DelayedField::Target => parse_money(&self.target, currency)
                .err()
                .map(DelayedError::Field),
            // Reaching means SUSTAINED_MONTHS running, so the month named is at least that.
            DelayedField::TargetBy => match parse_whole(&self.target_by, u64::from(MAX_HORIZON)) {
                Ok(n) if n < u64::from(SUSTAINED_MONTHS) => {
                    Some(DelayedError::Field(FieldError::TooSmall {
                        min: SUSTAINED_MONTHS.to_string(),
                    }))
                }
                other => other.err().map(DelayedError::Field),
            },
            DelayedField::Paths => match parse_whole(&self.paths, u64::from(MAX_PATHS)) {
                Ok(n) if n < 100 => Some(DelayedError::Field(FieldError::TooSmall {
                    min: "100".into(),
                })),
                other => other.err().map(DelayedError::Field),
            },
            DelayedField::ProductNet { id } => {
                let stream = self.stream(*id)?;
                let product = stream.product?;
                from.nets
                    .of(product)
                    .is_none()
                    .then_some(DelayedError::PricingInvalid)
            }
            DelayedField::FollowBreakEven { id } => {
                let stream = self.stream(*id)?;
                if !(stream.enabled && stream.follows_break_even()) {
                    return None;
                }
                if self.follower() != Some(*id) {
                    return Some(DelayedError::SecondFollower);
                }
                from.break_even
                    .is_none()
                    .then_some(DelayedError::BreakEvenInvalid)
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
            if stream.follows_break_even() {
                fields.push(DelayedField::FollowBreakEven { id: stream.id });
            } else if stream.kind != StreamType::Blog && stream.product.is_some() {
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
    pub fn inputs(&self, from: &FromThePlan) -> Result<DelayedInputs, DelayedErrors> {
        let (currency, nets) = (from.currency, &from.nets);
        let errors: DelayedErrors = self
            .fields()
            .into_iter()
            .filter_map(|f| self.field_error(&f, from).map(|e| (f, e)))
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        // Every field parsed above, so the fallbacks below are never used.
        let mut streams = Vec::new();
        let mut ranges = Vec::new();
        let mut ids = Vec::new();
        let (mut upfront_cash, mut upfront_hours) = (0.0, 0.0);
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
            // The product's net when the stream takes one, else the stream's own figure.
            let net = |key: &str| match s.product {
                Some(product) => nets.of(product).unwrap_or(0) as f64,
                None => value(key),
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
                    sales: SalesCurve::Launch {
                        launch: if s.launch_from_audience {
                            value("audience") * value("audience_conversion")
                        } else {
                            value("launch_sales")
                        },
                        baseline: value("baseline"),
                        half_life: value("half_life"),
                    },
                    per_thousand_visitors: value("per_thousand"),
                    net_per_sale: net("net_per_sale"),
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
                    net_price: net("price"),
                }),
            };
            ranges.push(StreamRanges {
                plateau: range("plateau"),
                click_through: range("click_through"),
                conversion: range("conversion"),
                // A stream on Break-even's plan hides its own half-life: the band does not
                // draw a figure the form does not show.
                half_life: if s.follows_break_even() {
                    None
                } else {
                    range("half_life")
                },
                churn: range("churn"),
                members: if s.members_mode == MembersMode::ShareOfVisitors {
                    range("share")
                } else {
                    range("members")
                },
            });
            let mut effort = Effort {
                build_months: value("build_months") as u32,
                build_hours: value("build_hours"),
                upkeep_hours: value("upkeep_hours"),
            };
            let mut kind = kind;
            // Validated above: a follower exists only while Break-even's fields are valid.
            if let (true, Some(be), StreamKind::Product(p)) =
                (s.follows_break_even(), &from.break_even, &mut kind)
            {
                let on_plan = follow(be, p.launch_month, effort.build_months);
                p.sales = be.curve.clone();
                p.net_per_sale = be.contribution_per_sale() as f64;
                effort = on_plan.effort;
                upfront_cash += on_plan.upfront_cash;
                upfront_hours += on_plan.upfront_hours;
            }
            streams.push(Stream {
                name: s.name.trim().to_string(),
                kind,
                effort,
            });
            ids.push(s.id);
        }
        let horizon = parse_whole(&self.horizon, u64::from(MAX_HORIZON)).unwrap_or(24) as u32;
        let plan = Plan {
            streams,
            monthly_costs: from.monthly_costs as f64,
            upfront_cash,
            upfront_hours,
            hourly_value: from.hourly_value.unwrap_or(0) as f64,
            horizon,
            target: parse_money(&self.target, currency).unwrap_or(0) as f64,
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

/// Break-even's product placed on the timeline: its hours and cash by month.
struct OnTheTimeline {
    effort: Effort,
    upfront_cash: f64,
    upfront_hours: f64,
}

/// Break-even's build and upkeep for a stream launching in `launch` after `build_months` of
/// building: the build hours spread over the months just before the launch, or before month 1
/// when there is no such month (as Break-even's month 0); the upfront cash before month 1.
fn follow(be: &BreakEvenInputs, launch: u32, build_months: u32) -> OnTheTimeline {
    let months = build_months.min(launch.saturating_sub(1));
    let (per_month, before) = if months > 0 {
        (be.build_hours / f64::from(months), 0.0)
    } else {
        (0.0, be.build_hours)
    };
    OnTheTimeline {
        effort: Effort {
            build_months: months,
            build_hours: per_month,
            upkeep_hours: be.upkeep_hours,
        },
        upfront_cash: be.upfront_cash as f64,
        upfront_hours: before,
    }
}
