//! Numbers as people read them: money (via `Money`), percentages, counts, months and hours, and
//! the Break-even verdict in plain words.

use crate::engine::break_even::{BreakEven, BreakEvenInputs};
use crate::engine::money::group_digits;
pub use crate::engine::money::{Currency, Money, Rate};

/// A money estimate (f64 minor units) rounded to the currency's minor unit.
pub fn money_estimate(minor: f64, currency: Currency) -> String {
    Money::from_estimate(minor, currency).to_string()
}

/// A count with at most one decimal, grouped: "1,234", "3.5".
pub fn count(value: f64) -> String {
    if !value.is_finite() {
        return "-".into();
    }
    let rounded = if value.abs() >= 1000.0 {
        value.round()
    } else {
        (value * 10.0).round() / 10.0
    };
    let whole = rounded.trunc().abs() as u64;
    let tenth = ((rounded.abs() - whole as f64) * 10.0).round() as u64;
    let sign = if rounded < 0.0 { "-" } else { "" };
    if tenth == 0 {
        format!("{sign}{}", group_digits(whole, false))
    } else {
        format!("{sign}{}.{tenth}", group_digits(whole, false))
    }
}

/// A whole count, grouped: "12,000".
pub fn whole(value: u64) -> String {
    group_digits(value, false)
}

/// "1 month", "14 months", "about 8 years" beyond 120 months.
pub fn months(n: u64) -> String {
    match n {
        1 => "1 month".into(),
        0..=120 => format!("{n} months"),
        121..=12_000 => format!("about {} years", (n as f64 / 12.0).round() as u64),
        _ => "more than 1,000 years".into(),
    }
}

/// "per sale" or "per month" phrasing of a unit count: "37 sales", "1 subscriber".
pub fn units(n: u64, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{} {plural}", whole(n))
    }
}

/// Short money for chart axes: "$950", "$1.2k", "-$3.4M", "¥120k".
pub fn money_compact(minor: f64, currency: Currency) -> String {
    if !minor.is_finite() {
        return "-".into();
    }
    let major = minor / currency.minor_per_major() as f64;
    let sign = if major < 0.0 { "-" } else { "" };
    let m = major.abs();
    let symbol = currency.symbol();
    let (value, suffix) = if m >= 1e9 {
        (m / 1e9, "B")
    } else if m >= 1e6 {
        (m / 1e6, "M")
    } else if m >= 1e4 {
        (m / 1e3, "k")
    } else {
        return format!("{sign}{symbol}{}", group_digits(m.round() as u64, false));
    };
    // Integer arithmetic instead of `{:.1}`: float formatting costs kilobytes of wasm.
    let tenths = (value * 10.0).round() as u64;
    let text = if tenths >= 1000 || tenths.is_multiple_of(10) {
        ((tenths + 5) / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    };
    format!("{sign}{symbol}{text}{suffix}")
}

/// Hours as a person reads them: whole when large, one decimal when small.
pub fn hours(hours: f64) -> String {
    if hours >= 100.0 || hours.fract() == 0.0 {
        format!("{}", hours.round() as i64)
    } else {
        let tenths = (hours * 10.0).round() as i64;
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// Break-even's plan in one sentence, as a Delayed-income stream that follows it sells:
/// "$22.99 a sale; 12 sales in its first month, falling to 4 a month (half-life 1 month); ...".
pub fn break_even_plan(inputs: &BreakEvenInputs) -> String {
    use crate::engine::sales::SalesCurve;
    let c = inputs.currency;
    let curve = match inputs.curve {
        SalesCurve::Constant { per_month } => format!("{} sales a month", count(per_month)),
        SalesCurve::Growth {
            start,
            growth,
            ceiling,
        } => format!(
            "{} sales in its first month, growing {} % a month up to {}",
            count(start),
            count(growth * 100.0),
            count(ceiling)
        ),
        SalesCurve::Launch {
            launch,
            baseline,
            half_life,
        } => format!(
            "{} sales in its first month, falling to {} a month (half-life {})",
            count(launch),
            count(baseline),
            if half_life == 1.0 {
                "1 month".to_string()
            } else {
                format!("{} months", count(half_life))
            }
        ),
    };
    format!(
        "Sells as Break-even plans it: {} a sale after fees, refunds and variable cost; {curve}; {} build hours and {} of upfront cash before launch; {} h of upkeep a month.",
        Money::new(inputs.contribution_per_sale(), c),
        hours(inputs.build_hours),
        Money::new(inputs.upfront_cash, c),
        hours(inputs.upkeep_hours),
    )
}

/// The plain-language verdict: when it pays back and what the hours earned by the horizon.
pub fn verdict(inputs: &BreakEvenInputs, result: &BreakEven) -> String {
    let money = |minor: f64| Money::from_estimate(minor, inputs.currency);
    let headline = if inputs.count_time {
        &result.month_valued
    } else {
        &result.month_cash
    };
    let mut text = match headline {
        Ok(0) => "Nothing to pay back: there are no upfront or monthly costs.".to_string(),
        Ok(m) if inputs.count_time => match &result.month_cash {
            Ok(c) if c != m => {
                format!("Pays back in month {m} counting your time (month {c} in cash alone).")
            }
            _ => format!("Pays back in month {m}, counting your time."),
        },
        Ok(m) => format!("Pays back in month {m} in cash."),
        Err(e) => e.to_string(),
    };
    if let Some(last) = result.months.last() {
        match last.hourly_rate {
            Some(rate) if rate > 0.0 => text.push_str(&format!(
                " By month {}, your hours earned {}/h against your {}/h.",
                last.month,
                money(rate),
                money(inputs.hourly_value as f64)
            )),
            Some(_) => text.push_str(&format!(
                " By month {}, your {} hours have earned nothing yet: {} in total.",
                last.month,
                hours(last.cumulative_hours),
                money(last.cumulative_cash)
            )),
            None => {}
        }
    }
    text
}
