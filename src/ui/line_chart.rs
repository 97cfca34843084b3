//! A line chart on a canvas that stays sharp at any devicePixelRatio and redraws with its box.

use crate::chart::{draw_lines, ChartTheme, LineChart, Series};
use crate::engine::money::Currency;
use crate::format::money_compact;
use crate::platform::canvas::{chart_theme, fit_to_css_size};
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What a money-by-something line chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChartSpec {
    pub series: Vec<Series>,
    /// A vertical marker, such as the expected volume or the break-even month.
    pub marker: Option<f64>,
    pub x_label: &'static str,
    pub currency: Currency,
}

/// The canvas with its legend; the caller adds a table with the same figures.
#[component]
pub fn LineChartCanvas(
    /// The chart to draw; nothing is drawn while it is None.
    #[prop(into)]
    spec: Signal<Option<LineChartSpec>>,
    /// What the chart shows, for screen readers, pointing to the table.
    #[prop(into)]
    description: String,
    /// What the marker means, for the legend.
    #[prop(into)]
    marker_label: String,
) -> impl IntoView {
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
        let callback = Closure::<dyn FnMut()>::new(move || {
            redraw.try_update(|n| *n = n.wrapping_add(1));
        });
        if let Ok(ro) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            ro.observe(&canvas);
            observer.set_value(Some((ro, callback)));
        }
    });
    on_cleanup(move || {
        observer.try_update_value(|o| {
            if let Some((ro, _)) = o.take() {
                ro.disconnect();
            }
        });
    });
    Effect::new(move |_| {
        redraw.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        spec.with(|s| {
            if let Some(s) = s {
                draw(&canvas, s);
            }
        });
    });

    view! {
        {move || spec.with(|s| s.as_ref().map(|s| {
            let marker_label = marker_label.clone();
            view! {
                <ul class="legend">
                    {s.series.iter().enumerate().map(|(i, line)| view! {
                        <li class:mine=line.emphasis>
                            <span class=format!("swatch swatch-{i}") aria-hidden="true"></span>
                            {line.label.clone()}
                        </li>
                    }).collect_view()}
                    {s.marker.map(|_| view! {
                        <li><span class="swatch swatch-marker" aria-hidden="true"></span>{marker_label}</li>
                    })}
                </ul>
            }
        }))}
        <div class="chart-box">
            <canvas node_ref=canvas_ref role="img" aria-label=description></canvas>
        </div>
    }
}

fn draw(canvas: &web_sys::HtmlCanvasElement, spec: &LineChartSpec) {
    let Some(scale) = fit_to_css_size(canvas) else {
        return;
    };
    let theme = chart_theme(canvas).unwrap_or(ChartTheme::LIGHT);
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let currency = spec.currency;
    let y_format = move |v: f64| money_compact(v, currency);
    let chart = LineChart {
        series: &spec.series,
        marker_x: spec.marker,
        x_label: spec.x_label,
        y_format: &y_format,
    };
    if let Err(e) = draw_lines(&backend.into_drawing_area(), &chart, &theme, scale) {
        web_sys::console::warn_1(&format!("chart not drawn: {e}").into());
    }
}
