//! Monthly net against sales volume for the user's fees and the best alternatives.

use super::PricingState;
use crate::chart::{draw_lines, ChartTheme, LineChart, Series};
use crate::engine::compare::net_by_volume;
use crate::engine::fees::ProductKind;
use crate::engine::presets::preset;
use crate::engine::pricing::paid_charges;
use crate::format::{count, money_compact, money_estimate};
use crate::platform::canvas::{chart_theme, fit_to_css_size};
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

const POINTS: usize = 41;
const TABLE_ROWS: usize = 6;

/// A round upper bound for the volume axis: 10, 20, 50, 100, ...
fn nice_max(value: f64) -> f64 {
    let target = value.max(10.0);
    let magnitude = 10f64.powf(target.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|v| *v >= target)
        .unwrap_or(target)
}

/// The chart's data: the user's fees first, then the three best other presets.
#[derive(Clone, Debug, PartialEq)]
struct ChartData {
    series: Vec<Series>,
    marker: f64,
    x_label: &'static str,
    currency: crate::engine::money::Currency,
}

#[component]
pub fn NetByVolume() -> impl IntoView {
    let state = expect_context::<PricingState>();
    let data = Memo::new(move |_| {
        let inputs = state.inputs.get().ok()?;
        let comparison = state.comparison.get()?;
        let (charges, _) = paid_charges(&inputs);
        let x_max = nice_max(charges * 2.0);
        let xs: Vec<f64> = (0..POINTS)
            .map(|i| x_max * i as f64 / (POINTS - 1) as f64)
            .collect();
        let platform = state.draft.with(|d| d.platform.clone());
        let own_label = match preset(&platform) {
            Some(p) if state.draft.with(|d| d.layers_match_preset()) => {
                format!("{} (your choice)", p.name)
            }
            Some(p) => format!("{} (your edited fees)", p.name),
            None => "Your custom fees".to_string(),
        };
        let line =
            |label: String, layers: &[crate::engine::fees::FeeLayer], emphasis: bool| Series {
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
            series.push(line(
                outcome.preset.name.to_string(),
                &outcome.preset.fee_layers(inputs.currency),
                false,
            ));
        }
        Some(ChartData {
            series,
            marker: charges,
            x_label: if inputs.kind == ProductKind::Subscription {
                "Paying subscribers"
            } else {
                "Sales per month"
            },
            currency: inputs.currency,
        })
    });

    let canvas_ref = NodeRef::<Canvas>::new();
    let redraw = RwSignal::new(0u32);
    let observer = StoredValue::new_local(None::<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>);
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        if observer.with_value(Option::is_some) {
            return;
        }
        let callback =
            Closure::<dyn FnMut()>::new(move || redraw.update(|n| *n = n.wrapping_add(1)));
        if let Ok(ro) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            ro.observe(&canvas);
            observer.set_value(Some((ro, callback)));
        }
    });
    on_cleanup(move || {
        observer.update_value(|o| {
            if let Some((ro, _)) = o.take() {
                ro.disconnect();
            }
        })
    });
    Effect::new(move |_| {
        redraw.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        data.with(|d| {
            if let Some(d) = d {
                draw(&canvas, d);
            }
        });
    });

    view! {
        <section class="chart-section" aria-labelledby="chart-title">
            <h2 id="chart-title">"Monthly net by volume"</h2>
            {move || data.with(|d| d.as_ref().map(|d| view! {
                <ul class="legend">
                    {d.series.iter().enumerate().map(|(i, s)| view! {
                        <li class:mine=s.emphasis><span class=format!("swatch swatch-{i}") aria-hidden="true"></span>{s.label.clone()}</li>
                    }).collect_view()}
                    <li><span class="swatch swatch-marker" aria-hidden="true"></span>"your expected volume"</li>
                </ul>
            }))}
            <div class="chart-box">
                <canvas node_ref=canvas_ref role="img"
                    aria-label="Line chart of monthly net against volume; the same figures are in the table below."></canvas>
            </div>
            {move || data.with(|d| d.as_ref().map(data_table))}
        </section>
    }
}

fn draw(canvas: &web_sys::HtmlCanvasElement, data: &ChartData) {
    let Some(scale) = fit_to_css_size(canvas) else {
        return;
    };
    let theme = chart_theme(canvas).unwrap_or(ChartTheme::LIGHT);
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let currency = data.currency;
    let y_format = move |v: f64| money_compact(v, currency);
    let chart = LineChart {
        series: &data.series,
        marker_x: Some(data.marker),
        x_label: data.x_label,
        y_format: &y_format,
    };
    if let Err(e) = draw_lines(&backend.into_drawing_area(), &chart, &theme, scale) {
        web_sys::console::warn_1(&format!("chart not drawn: {e}").into());
    }
}

fn data_table(data: &ChartData) -> impl IntoView {
    let step = (POINTS - 1) / (TABLE_ROWS - 1);
    let rows: Vec<usize> = (0..TABLE_ROWS).map(|r| r * step).collect();
    let currency = data.currency;
    view! {
        <details class="chart-table">
            <summary>"Show the chart as a table"</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Chart data">
                <table>
                    <caption class="visually-hidden">"Monthly net by volume, per platform"</caption>
                    <thead>
                        <tr>
                            <th scope="col">{data.x_label}</th>
                            {data.series.iter().map(|s| view! { <th scope="col" class="num">{s.label.clone()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|r| view! {
                            <tr>
                                <th scope="row">{count(data.series[0].points[r].0)}</th>
                                {data.series.iter().map(|s| view! { <td class="num">{money_estimate(s.points[r].1, currency)}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}
