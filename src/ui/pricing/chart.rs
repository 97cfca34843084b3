//! Monthly net against sales volume for the user's fees and the best alternatives.

use super::PricingState;
use crate::chart::Series;
use crate::engine::compare::net_by_volume;
use crate::engine::fees::{FeeLayer, ProductKind};
use crate::engine::presets::preset;
use crate::engine::pricing::paid_charges;
use crate::format::count;
use crate::ui::chart_canvas::{
    line_columns, line_rows, ChartTable, LineChartCanvas, LineChartSpec,
};
use leptos::prelude::*;

const POINTS: usize = 41;
const TABLE_ROWS: usize = 6;

/// A round upper bound for the volume axis: 10, 20, 25, 50, 100, ...
fn nice_max(value: f64) -> f64 {
    let target = value.max(10.0);
    let magnitude = 10f64.powf(target.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|v| *v >= target)
        .unwrap_or(target)
}

#[component]
pub fn NetByVolume() -> impl IntoView {
    let state = expect_context::<PricingState>();
    let spec = Memo::new(move |_| {
        let inputs = state.inputs.get().ok()?;
        let comparison = state.comparison.get()?;
        let (charges, _) = paid_charges(&inputs);
        // The axis reaches the volume the page says the monthly target needs (within reason:
        // a target 50 times the expected volume away would flatten every line).
        let needed = state
            .result
            .get()
            .and_then(|r| r.volume_for_target.ok())
            .map(|v| v.charges as f64)
            .filter(|n| *n <= (charges * 50.0).max(1_000.0))
            .unwrap_or(0.0);
        let x_max = nice_max((charges * 2.0).max(needed * 1.15));
        let xs: Vec<f64> = (0..POINTS)
            .map(|i| x_max * i as f64 / (POINTS - 1) as f64)
            .collect();
        let platform = state.draft.with(|d| d.platform.clone());
        let own_label = match preset(&platform) {
            Some(p) if state.draft.with(|d| d.layers_unedited()) => {
                format!("{}, your platform", p.name)
            }
            Some(p) => format!("{}, with your edited fees", p.name),
            None => "Your custom fees".to_string(),
        };
        let line = |label: String, layers: &[FeeLayer], emphasis: bool| Series {
            label,
            points: xs
                .iter()
                .copied()
                .zip(net_by_volume(&inputs, layers, &xs))
                .collect(),
            emphasis,
        };
        let mut series = vec![line(own_label, &inputs.layers, true)];
        for outcome in comparison
            .iter()
            .filter(|o| o.preset.id != platform)
            .take(3)
        {
            let layers = outcome.preset.fee_layers(inputs.currency);
            series.push(line(outcome.preset.name.to_string(), &layers, false));
        }
        Some(LineChartSpec {
            series,
            marker: Some(charges),
            x_label: if inputs.kind == ProductKind::Subscription {
                "Paying subscribers"
            } else {
                "Sales per month"
            },
            currency: inputs.currency,
        })
    });

    view! {
        <section class="chart-section" aria-labelledby="chart-title">
            <h2 id="chart-title">"Monthly net by volume"</h2>
            <LineChartCanvas<LineChartSpec> spec=Signal::from(spec) marker_label="your expected volume"
                description="Line chart of monthly net against volume; the same figures are in the table below." />
            {move || spec.with(|s| s.as_ref().map(data_table))}
        </section>
    }
}

fn data_table(spec: &LineChartSpec) -> impl IntoView {
    let step = (POINTS - 1) / (TABLE_ROWS - 1);
    let rows: Vec<usize> = (0..TABLE_ROWS).map(|r| r * step).collect();
    view! {
        <ChartTable summary="Show the chart as a table" region_label="Chart data"
            caption="Monthly net by volume, per platform" columns=line_columns(spec)
            rows=line_rows(spec, &rows, count) />
    }
}
