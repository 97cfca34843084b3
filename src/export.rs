//! The month-by-month projection as CSV, with the assumptions in a header.

use crate::engine::delayed::Projection;
use crate::engine::money::Currency;
use crate::scenario::delayed::{DelayedDraft, Part};

/// A CSV field: quoted when it holds a comma, quote or line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Minor units as a plain decimal in major units ("1234.50", "-3.00", "2700" for yen).
fn amount(minor: f64, currency: Currency) -> String {
    let digits = currency.minor_digits() as usize;
    let major = minor / currency.minor_per_major() as f64;
    let rounded = (major * 10f64.powi(digits as i32)).round() / 10f64.powi(digits as i32);
    let text = format!("{rounded:.digits$}");
    if text == "-0.00" || text == "-0" {
        text.trim_start_matches('-').to_string()
    } else {
        text
    }
}

/// The projection as CSV: `#` lines with the assumptions, then one row a month.
pub fn projection_csv(
    draft: &DelayedDraft,
    projection: &Projection,
    stream_names: &[String],
    monthly_costs: f64,
    currency: Currency,
) -> String {
    let mut out = String::new();
    out.push_str("# Honest Income: delayed income, month by month\n");
    out.push_str(&format!(
        "# Currency: {}; amounts in {}\n",
        currency.code(),
        currency.name()
    ));
    out.push_str(&format!(
        "# Horizon: {} months; target net per month: {}; fixed monthly costs (from Break-even): {}\n",
        draft.horizon.trim(),
        draft.target.trim(),
        amount(monthly_costs, currency)
    ));
    for s in draft.streams.iter().filter(|s| s.enabled) {
        let values: Vec<String> = s
            .visible_fields()
            .iter()
            .map(|f| {
                let value = s.text(Part::Value, f.key);
                if draft.uncertainty && f.uncertain {
                    let (low, high) = (s.text(Part::Low, f.key), s.text(Part::High, f.key));
                    format!(
                        "{}={} ({}-{})",
                        f.key,
                        value.trim(),
                        low.trim(),
                        high.trim()
                    )
                } else {
                    format!("{}={}", f.key, value.trim())
                }
            })
            .collect();
        out.push_str(&format!(
            "# Stream {} ({}): {}\n",
            s.name.trim(),
            s.kind.name(),
            values.join("; ")
        ));
    }
    let mut header = vec!["month".to_string()];
    header.extend(stream_names.iter().map(|n| field(&format!("income: {n}"))));
    header.extend(
        [
            "total income",
            "costs",
            "net",
            "hours",
            "net per hour",
            "cumulative net",
        ]
        .map(String::from),
    );
    out.push_str(&header.join(","));
    out.push('\n');
    for m in &projection.months {
        let mut row = vec![m.month.to_string()];
        row.extend(m.income.iter().map(|v| amount(*v, currency)));
        row.push(amount(m.total, currency));
        row.push(amount(m.costs, currency));
        row.push(amount(m.net, currency));
        row.push(format!("{:.1}", m.hours));
        row.push(
            m.net_per_hour
                .map(|v| amount(v, currency))
                .unwrap_or_default(),
        );
        row.push(amount(m.cumulative, currency));
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}
