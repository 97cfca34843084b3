//! A plan's inputs as labelled text, and which of them differ between plans.
//!
//! Values are shown as typed (with their unit), not as parsed: two plans that read the same
//! number from "27" and "27.00" still differ in what the person wrote, and Compare shows both.

use crate::engine::presets::preset;
use crate::scenario::break_even::CurveKind;
use crate::scenario::delayed::{MembersMode, Part, StreamDraft, StreamType, Unit};
use crate::scenario::pricing::ProductDraft;
use crate::scenario::{BreakEvenField, PricingField, Scenario};

/// Where a plan has no such input (a second product, a fourth stream).
pub const ABSENT: &str = "(none)";

/// One input that differs: its label and each plan's value, in the plans' order.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    pub label: String,
    pub values: Vec<String>,
}

fn yes_no(on: bool) -> String {
    if on { "yes" } else { "no" }.to_string()
}

fn with_unit(text: &str, unit: Unit, symbol: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        return "(empty)".into();
    }
    match unit {
        // No-break spaces: "2.9 %" and "12 months" never split across lines in a narrow cell.
        Unit::Percent => format!("{text}\u{a0}%"),
        Unit::Money => format!("{symbol}{text}"),
        Unit::Months | Unit::WholeMonths => format!("{text}\u{a0}months"),
        Unit::CalendarMonth => format!("month\u{a0}{text}"),
        Unit::Hours => format!("{text}\u{a0}h"),
        Unit::Count => text.to_string(),
    }
}

fn product_rows(rows: &mut Vec<(String, String)>, n: usize, p: &ProductDraft, symbol: &str) {
    let row = |rows: &mut Vec<(String, String)>, what: &str, value: String| {
        rows.push((format!("Product {n}: {what}"), value));
    };
    row(rows, "Name", p.name.clone());
    let kind = if p.subscription {
        "subscription"
    } else {
        "one-time sale"
    };
    row(rows, "Type", kind.into());
    let platform = preset(&p.platform).map_or("Custom fees", |p| p.name);
    row(rows, "Platform", platform.into());
    let fees: Vec<String> = p
        .layers
        .iter()
        .map(|l| {
            let mut parts = vec![with_unit(&l.percent, Unit::Percent, symbol)];
            parts.push(with_unit(&l.fixed, Unit::Money, symbol));
            if !l.monthly.trim().is_empty() && l.monthly.trim() != "0" {
                parts.push(format!(
                    "{} a month",
                    with_unit(&l.monthly, Unit::Money, symbol)
                ));
            }
            format!("{}: {}", l.name, parts.join(" + "))
        })
        .collect();
    let fees = if fees.is_empty() {
        "none".to_string()
    } else {
        fees.join("; ")
    };
    row(rows, "Fee layers", fees);
    use PricingField as F;
    let mut fields = vec![
        (F::Price, Unit::Money),
        (F::Discount, Unit::Percent),
        (F::Affiliate, Unit::Percent),
        (F::Refund, Unit::Percent),
        (F::Tax, Unit::Percent),
        (F::Volume, Unit::Count),
    ];
    if p.subscription {
        fields.push((F::Churn, Unit::Percent));
    }
    fields.extend([
        (F::TargetPerSale, Unit::Money),
        (F::TargetPerMonth, Unit::Money),
    ]);
    for (field, unit) in fields {
        let label = match field {
            F::Volume if p.subscription => "New subscribers per month".to_string(),
            F::Volume => "Sales per month".to_string(),
            other => other.label(),
        };
        row(rows, &label, with_unit(&p.text(field), unit, symbol));
    }
}

fn break_even_rows(rows: &mut Vec<(String, String)>, s: &Scenario, symbol: &str) {
    let b = &s.break_even;
    let row = |rows: &mut Vec<(String, String)>, what: String, value: String| {
        rows.push((format!("Break-even: {what}"), value));
    };
    let product = b
        .product
        .map(|id| s.product_label(id))
        .unwrap_or_else(|| "its own net per sale".into());
    row(rows, "Sells".into(), product);
    row(rows, "Counts your time".into(), yes_no(b.count_time));
    let curve = match b.curve {
        CurveKind::Launch => "launch, then baseline",
        CurveKind::Constant => "constant",
        CurveKind::Growth => "growing",
    };
    row(rows, "Sales curve".into(), curve.into());
    for (i, cost) in b.costs.iter().enumerate() {
        let amount = with_unit(&cost.amount, Unit::Money, symbol);
        row(
            rows,
            format!("Monthly cost {}", i + 1),
            format!("{}: {amount}", cost.name),
        );
    }
    use BreakEvenField as F;
    for field in b.fields() {
        let unit = match field {
            F::CostAmount(_) => continue,
            F::BuildHours | F::UpkeepHours => Unit::Hours,
            F::HourlyValue | F::UpfrontCash | F::NetOverride | F::VariableCost => Unit::Money,
            F::Growth => Unit::Percent,
            F::HalfLife | F::Horizon | F::FixedMonths => Unit::Months,
            _ => Unit::Count,
        };
        row(rows, field.label(), with_unit(&b.text(field), unit, symbol));
    }
}

fn stream_rows(rows: &mut Vec<(String, String)>, n: usize, s: &Scenario, stream: &StreamDraft) {
    let symbol = s.currency().symbol();
    let row = |rows: &mut Vec<(String, String)>, what: &str, value: String| {
        rows.push((format!("Stream {n}: {what}"), value));
    };
    row(rows, "Name", stream.name.clone());
    row(rows, "Kind", stream.kind.name().into());
    row(rows, "Switched on", yes_no(stream.enabled));
    if stream.kind != StreamType::Blog {
        let from = stream
            .product
            .map(|id| s.product_label(id))
            .unwrap_or_else(|| "its own figure".into());
        row(rows, "Net from", from);
    }
    if stream.kind == StreamType::Subscription {
        let mode = match stream.members_mode {
            MembersMode::Constant => "steadily",
            MembersMode::Growing => "growing",
            MembersMode::ShareOfVisitors => "from blog visitors",
        };
        row(rows, "New members come", mode.into());
    }
    if stream.kind == StreamType::Product {
        row(
            rows,
            "Sells on Break-even's plan",
            yes_no(stream.follow_break_even),
        );
    }
    for spec in stream.visible_fields() {
        let mut value = with_unit(&stream.text(Part::Value, spec.key), spec.unit, symbol);
        let (low, high) = (
            stream.text(Part::Low, spec.key),
            stream.text(Part::High, spec.key),
        );
        if spec.uncertain && !(low.trim().is_empty() && high.trim().is_empty()) {
            let (low, high) = (
                with_unit(&low, spec.unit, symbol),
                with_unit(&high, spec.unit, symbol),
            );
            value = format!("{value} (range {low} to {high})");
        }
        row(rows, spec.label, value);
    }
}

/// Every input of a plan as (label, value), in the calculators' order.
pub fn inputs(s: &Scenario) -> Vec<(String, String)> {
    let symbol = s.currency().symbol();
    let mut rows = vec![("Currency".to_string(), s.currency().code().to_string())];
    for (i, p) in s.products.iter().enumerate() {
        product_rows(&mut rows, i + 1, p, symbol);
    }
    break_even_rows(&mut rows, s, symbol);
    let d = &s.delayed;
    let plan = |rows: &mut Vec<(String, String)>, what: &str, value: String| {
        rows.push((format!("Delayed income: {what}"), value));
    };
    plan(
        &mut rows,
        "Horizon",
        with_unit(&d.horizon, Unit::Months, symbol),
    );
    plan(
        &mut rows,
        "Target net per month",
        with_unit(&d.target, Unit::Money, symbol),
    );
    plan(
        &mut rows,
        "Target by",
        with_unit(&d.target_by, Unit::CalendarMonth, symbol),
    );
    plan(&mut rows, "Uncertainty band", yes_no(d.uncertainty));
    if d.uncertainty {
        plan(
            &mut rows,
            "Simulated paths",
            with_unit(&d.paths, Unit::Count, symbol),
        );
    }
    for (i, stream) in d.streams.iter().enumerate() {
        stream_rows(&mut rows, i + 1, s, stream);
    }
    rows
}

/// The inputs whose values are not the same in every plan, in the first plan's order (then
/// any label only later plans have). A plan without an input shows [`ABSENT`].
pub fn differing_inputs(plans: &[&Scenario]) -> Vec<Difference> {
    let all: Vec<Vec<(String, String)>> = plans.iter().map(|s| inputs(s)).collect();
    let mut labels: Vec<&str> = Vec::new();
    for rows in &all {
        for (label, _) in rows {
            if !labels.contains(&label.as_str()) {
                labels.push(label);
            }
        }
    }
    labels
        .into_iter()
        .filter_map(|label| {
            let values: Vec<String> = all
                .iter()
                .map(|rows| {
                    rows.iter()
                        .find(|(l, _)| l == label)
                        .map_or_else(|| ABSENT.to_string(), |(_, v)| v.clone())
                })
                .collect();
            let differs = values.iter().any(|v| *v != values[0]);
            differs.then(|| Difference {
                label: label.to_string(),
                values,
            })
        })
        .collect()
}
