//! Income stacked by stream with the hours on a second axis, the band, and the markers.

use super::DelayedState;
use crate::format::money_estimate;
use crate::ui::chart_canvas::{ChartTable, LineChartCanvas, StackedSpec};
use leptos::prelude::*;

#[component]
pub fn IncomeChart() -> impl IntoView {
    let state = expect_context::<DelayedState>();
    let spec = Memo::new(move |_| {
        let inputs = state.inputs.get().ok()?;
        let projection = state.projection.get()?;
        let milestones = state.milestones.get()?;
        let layers = inputs
            .plan
            .streams
            .iter()
            .enumerate()
            .map(|(i, s)| {
                (
                    s.name.clone(),
                    projection.months.iter().map(|m| m.income[i]).collect(),
                )
            })
            .collect();
        let band = state
            .monte_carlo
            .get()
            .map(|mc| (mc.income.p10, mc.income.p50, mc.income.p90));
        Some(StackedSpec {
            layers,
            hours: projection.months.iter().map(|m| m.hours).collect(),
            band,
            break_even: milestones.cumulative_positive.map(f64::from),
            // The chart is of income, so the line is the income that nets the target: a line
            // of net over a band of income would read as reached too early.
            target: Some(inputs.plan.income_that_nets_target()),
            currency: state.currency.get(),
        })
    });
    view! {
        <section class="chart-section" aria-labelledby="income-chart-title">
            <h2 id="income-chart-title">"Income by stream, month by month"</h2>
            <LineChartCanvas<StackedSpec> spec=Signal::from(spec) marker_label="cumulative net in cash turns positive"
                description="Stacked area chart of monthly income per stream with hours on a second axis; the same figures are in the month-by-month table below." />
            {move || state.monte_carlo.get().map(|mc| {
                let c = state.currency.get();
                let rows = (0..mc.income.p50.len())
                    .filter(|i| (i + 1) % 3 == 0 || *i == 0)
                    .map(|i| {
                        let cells = [&mc.income.p10, &mc.income.p50, &mc.income.p90]
                            .map(|band| money_estimate(band[i], c))
                            .to_vec();
                        ((i + 1).to_string(), cells)
                    })
                    .collect();
                let columns = ["Month", "P10", "Median", "P90"].map(String::from).to_vec();
                view! {
                    <ChartTable summary="Show the band as a table" region_label="Band data"
                        caption="Total income per month: P10, median, P90" columns=columns rows=rows />
                }
            })}
        </section>
    }
}
