//! The Delayed-income fields, one table per stream kind: key, label, hint, unit and bounds,
//! and how a field's typed text is read.

use crate::engine::delayed::MAX_HORIZON;
use crate::engine::fields::{parse_count, parse_money, parse_percent, parse_whole, FieldError};
use crate::engine::money::Currency;

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
    /// A month of the timeline, counted from 1 (month 0 comes before the plan starts).
    CalendarMonth,
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
    /// What is typical, low to high, in the unit as typed (the hint says where from); None
    /// where the figure is the person's own (a schedule, a price, hours).
    pub typical: Option<(f64, f64)>,
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
        typical: None,
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
        typical: None,
    }
}

/// A field with a typical range, low to high as typed; its hint names the same range.
const fn typical(spec: FieldSpec, low: f64, high: f64) -> FieldSpec {
    FieldSpec {
        typical: Some((low, high)),
        ..spec
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
    typical(spec(
        "delay",
        "Months before search traffic",
        "A new post gets almost no search visitors at first: 3-12 months is typical (3 here; bloggers report 6-12 months before traffic means much).",
        Unit::Months,
        MONTHS,
    ), 3.0, 12.0),
    typical(spec(
        "ramp",
        "Months from first visitors to plateau",
        "Then traffic climbs in an S-curve (12-20 months is typical).",
        Unit::Months,
        MONTHS,
    ), 12.0, 20.0),
    typical(uncertain(spec(
        "plateau",
        "Visitors per post per month at plateau",
        "A post's steady monthly visitors once it ranks: an assumption (300 here; a new niche blog's posts often get 100-600).",
        Unit::Count,
        BIG,
    )), 100.0, 600.0),
    typical(uncertain(spec(
        "click_through",
        "Click-through to affiliate links",
        "Share of visitors who click (2 % typical, 1-5 %; affiliate surveys).",
        Unit::Percent,
        100.0,
    )), 1.0, 5.0),
    typical(uncertain(spec(
        "conversion",
        "Affiliate conversion",
        "Share of clicks that buy (2 % typical, 0.5-3 %; affiliate surveys).",
        Unit::Percent,
        100.0,
    )), 0.5, 3.0),
    typical(money(
        "commission",
        "Average commission",
        "What you earn per affiliate sale: an assumption ($40 here; Amazon pays 1-20 % of the price, software programs often $20-100).",
    ), 20.0, 100.0),
    typical(money(
        "ads_rpm",
        "Ads revenue per 1,000 visitors",
        "Display ads (AdSense about $5, $1-15; premium networks about $20 but only above 25,000-50,000 visits a month).",
    ), 1.0, 15.0),
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
        Unit::CalendarMonth,
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
    typical(spec(
        "audience_conversion",
        "Audience conversion",
        "Share of the audience who buy at launch (1-3 %).",
        Unit::Percent,
        100.0,
    ), 1.0, 3.0),
    typical(uncertain(spec(
        "half_life",
        "Half-life of the launch bump",
        "Months for sales above the baseline to halve (1-2; launch reports put half of lifetime sales in the first 2 months).",
        Unit::Months,
        MONTHS,
    )), 1.0, 2.0),
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
        "What one sale leaves after fees and refunds.",
    ),
];

pub const SUBSCRIPTION_FIELDS: &[FieldSpec] = &[
    spec(
        "start_month",
        "Start month",
        "The month members can first join.",
        Unit::CalendarMonth,
        MONTHS,
    ),
    uncertain(spec(
        "members",
        "New members per month",
        "Members who join each month (at the start, if growing). A beginner's paid newsletter gains a few a month: 5-10 % of free readers ever pay (Substack's guide).",
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
    typical(uncertain(spec(
        "share",
        "Share of blog visitors who join",
        "Of each month's blog visitors (0.1-1 %).",
        Unit::Percent,
        100.0,
    )), 0.1, 1.0),
    typical(uncertain(spec(
        "churn",
        "Churn per month",
        "Share of members who leave each month: 3-6.5 % is typical (6.5 % for consumer products under $10, 3-5 % for indie B2B; Recurly and ChartMogul benchmarks).",
        Unit::Percent,
        100.0,
    )), 3.0, 6.5),
    money(
        "price",
        "Net monthly price per member",
        "After platform and payment fees and refunds (a $5 Substack letter nets about $4).",
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
        Unit::CalendarMonth => match parse_whole(text, bound as u64) {
            Ok(0) => Err(FieldError::TooSmall { min: "1".into() }),
            other => other.map(|m| m as f64),
        },
    }
}
