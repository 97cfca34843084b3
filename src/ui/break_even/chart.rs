//! Cumulative result month by month in both views, crossing zero at break-even.

use super::BreakEvenState;
use crate::chart::Series;
use crate::ui::chart_canvas::{
    line_columns, line_rows, ChartTable, LineChartCanvas, LineChartSpec,
};
use leptos::prelude::*;

#[component]
pub fn CumulativeResult() -> impl IntoView {
    let state = expect_context::<BreakEvenState>();
    let spec = Memo::new(move |_| {
        let inputs = state.inputs.get().ok()?;
        let result = state.result.get()?;
        // Month 0 is the build: the upfront cost, before any sale.
        let line = |label: &str, valued: bool| Series {
            label: label.to_string(),
            points: std::iter::once((0.0, -inputs.upfront(valued)))
                .chain(result.months.iter().map(|r| {
                    let total = if valued {
                        r.cumulative_valued
                    } else {
                        r.cumulative_cash
                    };
                    (f64::from(r.month), total)
                }))
                .collect(),
            emphasis: valued == inputs.count_time,
        };
        let valued = line("Counting your time", true);
        let cash = line("Cash only", false);
        let headline = if inputs.count_time {
            &result.month_valued
        } else {
            &result.month_cash
        };
        Some(LineChartSpec {
            series: vec![valued, cash],
            marker: headline
                .as_ref()
                .ok()
                .filter(|m| **m > 0)
                .map(|m| f64::from(*m)),
            x_label: "Month",
            currency: inputs.currency,
        })
    });

    view! {
        <section class="chart-section" aria-labelledby="be-chart-title">
            <h2 id="be-chart-title">"Cumulative result, month by month"</h2>
            <LineChartCanvas<LineChartSpec> spec=Signal::from(spec) marker_label="break-even"
                description="Line chart of the cumulative result by month, in cash and counting your time; the same figures are in the table below." />
            {move || spec.with(|s| s.as_ref().map(|s| {
                let last = s.series[0].points.len() - 1;
                let step = (last / 12).max(1);
                let rows: Vec<usize> = (0..=last).filter(|i| i % step == 0 || *i == last).collect();
                view! {
                    <ChartTable summary="Show the chart as a table" region_label="Chart data"
                        caption="Cumulative result by month" columns=line_columns(s)
                        rows=line_rows(s, &rows, |x| format!("{}", x as u32)) />
                }
            }))}
        </section>
    }
}
