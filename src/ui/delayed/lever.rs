//! Which input matters most: a tornado of the picked outcome, each bar an input moved across
//! the band's range, a table with the same figures, and a sentence naming the top lever.

use super::DelayedState;
use crate::chart::{draw_tornado, ChartTheme, TornadoBar, TornadoChart};
use crate::engine::money::Currency;
use crate::platform::canvas::{HtmlCanvasElement, MeasuredCanvas};
use crate::scenario::delayed::{biggest_levers, LeverOutcome};
use crate::summary::lever::{
    axis_title, axis_value, outcome_label, outcome_value, row_label, row_range, top_lever_sentence,
    METHOD,
};
use crate::ui::chart_canvas::{CanvasChart, ChartTable, LegendItem, LineChartCanvas};
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;

/// Each input's swing of one outcome, the biggest first, about the plan as typed.
#[derive(Clone, Debug, PartialEq)]
struct TornadoSpec {
    bars: Vec<TornadoBar>,
    base: f64,
    x_label: String,
    outcome: LeverOutcome,
    currency: Currency,
}

impl CanvasChart for TornadoSpec {
    fn legend(&self, marker_label: &str) -> Vec<LegendItem> {
        vec![
            LegendItem::new(
                "Input at the low end of its range",
                "swatch swatch-0 swatch-fill",
            ),
            LegendItem::new("Input at the high end", "swatch swatch-1 swatch-fill"),
            LegendItem::new(marker_label, "swatch swatch-marker"),
        ]
    }

    fn draw(
        &self,
        _canvas: &HtmlCanvasElement,
        area: &DrawingArea<MeasuredCanvas, Shift>,
        theme: &ChartTheme,
        scale: f64,
    ) -> Result<(), String> {
        let (outcome, currency) = (self.outcome, self.currency);
        let x_format = move |v: f64| axis_value(outcome, v, currency);
        let chart = TornadoChart {
            bars: &self.bars,
            base: self.base,
            x_label: &self.x_label,
            x_format: &x_format,
        };
        draw_tornado(area, &chart, theme, scale)
    }
}

#[component]
pub fn BiggestLever() -> impl IntoView {
    let state = expect_context::<DelayedState>();
    let levers = Memo::new(move |_| {
        state
            .inputs
            .with(|i| state.draft.with(|d| biggest_levers(d, i)))
    });
    let now = Memo::new(move |_| state.draft.with(|d| d.what_if.lever));
    let spec = Memo::new(move |_| {
        let currency = state.currency.get();
        levers.with(|l| {
            let l = l.as_ref().ok()?;
            Some(TornadoSpec {
                bars: l
                    .rows
                    .iter()
                    .map(|r| TornadoBar {
                        label: row_label(r),
                        at_low: r.at_low,
                        at_high: r.at_high,
                    })
                    .collect(),
                base: l.base,
                x_label: axis_title(l),
                outcome: l.outcome,
                currency,
            })
        })
    });
    // The canvas is made once the tornado exists, not again with each change of its figures.
    let has_chart = Memo::new(move |_| spec.with(Option::is_some));
    let rows = Signal::derive(move || levers.with(|l| l.as_ref().map_or(0, |l| l.rows.len())));
    let sentence = move || {
        let c = state.currency.get();
        levers.with(|l| match l {
            Ok(l) => top_lever_sentence(l, c),
            Err(why) => why.to_string(),
        })
    };
    let table = move || {
        let c = state.currency.get();
        levers.with(|l| {
            let l = l.as_ref().ok()?;
            let rows = l
                .rows
                .iter()
                .map(|r| {
                    let (low, high) = row_range(r, c);
                    let cells = vec![
                        low,
                        outcome_value(l, r.at_low, c),
                        high,
                        outcome_value(l, r.at_high, c),
                    ];
                    (row_label(r), cells)
                })
                .collect();
            let columns = ["Input", "Low end", "Outcome at low", "High end", "Outcome at high"]
                .map(String::from)
                .to_vec();
            Some(view! {
                <ChartTable summary="Show the bars as a table" region_label="Lever data"
                    caption="Each input at the two ends of its range, and the outcome at each" columns=columns rows=rows />
            })
        })
    };
    view! {
        <section class="what-if lever" aria-labelledby="lever-title">
            <h2 id="lever-title">"Which input matters most"</h2>
            <p class="hint">"Each input you gave a low and a high value is moved to each end of its range, one at a time: the longest bar is the one to work on, or to find out about first."</p>
            <div class="field">
                <label for="lever-outcome">"Outcome"</label>
                <select id="lever-outcome"
                    on:change=move |ev| {
                        if let Some(o) = LeverOutcome::from_token(&event_target_value(&ev)) {
                            state.update(|d| d.what_if.lever = o);
                        }
                    }>
                    {LeverOutcome::ALL.into_iter().map(|o| view! {
                        <option value=o.token() selected=move || now.get() == o>{outcome_label(o)}</option>
                    }).collect_view()}
                </select>
            </div>
            <p class="what-if-answer" data-testid="lever-sentence" role="status">{sentence}</p>
            {move || has_chart.get().then(|| view! {
                <LineChartCanvas<TornadoSpec> spec=Signal::from(spec) marker_label="The plan as typed" rows=rows
                    description="Tornado chart: for each input, the outcome at the low and the high end of its range; the same figures are in the table below." />
            })}
            {table}
            <details class="method">
                <summary>"How this is worked out"</summary>
                <p>{METHOD}</p>
            </details>
        </section>
    }
}
