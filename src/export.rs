//! The month-by-month projection as CSV, with the assumptions in a header.

use crate::engine::delayed::Projection;
use crate::engine::money::Currency;
use crate::scenario::delayed::{DelayedDraft, Part};

/// A CSV cell of text (a name, a label, an assumption): always quoted, and guarded against
/// formulas. A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return as a formula, so such text gets a leading apostrophe and stays text (the OWASP advice
/// on CSV injection). A line break stays inside the quotes, part of the cell.
fn text_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

/// A CSV cell of a number the app wrote (never user text): quoted, and read as a number.
fn number_cell(number: String) -> String {
    format!("\"{number}\"")
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
    let mut line = |text: String| {
        out.push_str(&text_cell(&text));
        out.push('\n');
    };
    line("# Honest Income: delayed income, month by month".into());
    line(format!(
        "# Currency: {}; amounts in {}",
        currency.code(),
        currency.name()
    ));
    line(format!(
        "# Horizon: {} months; target net per month: {}; fixed monthly costs (from Break-even): {}",
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
        line(format!(
            "# Stream {} ({}): {}",
            s.name.trim(),
            s.kind.name(),
            values.join("; ")
        ));
    }
    let mut header = vec![text_cell("month")];
    header.extend(
        stream_names
            .iter()
            .map(|n| text_cell(&format!("income: {n}"))),
    );
    header.extend(
        [
            "total income",
            "costs",
            "net",
            "hours",
            "net per hour",
            "cumulative net",
        ]
        .map(text_cell),
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
        let row: Vec<String> = row.into_iter().map(number_cell).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::text_cell;

    #[test]
    fn text_that_starts_a_formula_stays_text() {
        assert_eq!(text_cell("=1+1"), "\"'=1+1\"");
        assert_eq!(text_cell("-2"), "\"'-2\"");
        assert_eq!(text_cell("@x"), "\"'@x\"");
        assert_eq!(text_cell("\tx"), "\"'\tx\"");
        assert_eq!(text_cell("a \"b\"\nc"), "\"a \"\"b\"\"\nc\"");
        assert_eq!(text_cell("month"), "\"month\"");
    }
}
