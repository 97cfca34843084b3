//! Charts on a canvas (line charts, the stacked income chart, any [`CanvasChart`]) that stay
//! sharp at any devicePixelRatio and redraw with their box, with a table for screen readers.

use crate::chart::{
    draw_lines, draw_stacked, series_stroke, ChartTheme, LineChart, Series, StackedChart,
    StackedTheme, Stroke, DASHES, SERIES_COLOURS,
};
use crate::engine::money::Currency;
use crate::format::money_compact;
use crate::platform::canvas::MeasuredCanvas;
use crate::platform::canvas::{
    chart_theme, count_draw, fit_to_css_size, stacked_theme, HtmlCanvasElement, ResizeWatch,
};
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};

/// What a money-by-something line chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChartSpec {
    pub series: Vec<Series>,
    /// A vertical marker, such as the expected volume or the break-even month.
    pub marker: Option<f64>,
    pub x_label: &'static str,
    pub currency: Currency,
}

/// Income stacked by stream per month, hours on a second axis, an optional band.
#[derive(Clone, Debug, PartialEq)]
pub struct StackedSpec {
    pub layers: Vec<(String, Vec<f64>)>,
    pub hours: Vec<f64>,
    /// P10, median and P90 of total income per month.
    pub band: Option<(Vec<f64>, Vec<f64>, Vec<f64>)>,
    pub break_even: Option<f64>,
    pub target: Option<f64>,
    pub currency: Currency,
}

/// A chart the canvas can draw: its legend and its drawing. Each page's canvas is built for
/// its own kind, so a page carries the drawing code of the charts it shows and no other.
pub trait CanvasChart: Clone + PartialEq + Send + Sync + 'static {
    fn legend(&self, marker_label: &str) -> Vec<LegendItem>;
    /// Draws on `area`, the whole canvas; `scale` is the devicePixelRatio.
    fn draw(
        &self,
        canvas: &HtmlCanvasElement,
        area: &DrawingArea<MeasuredCanvas, Shift>,
        theme: &ChartTheme,
        scale: f64,
    ) -> Result<(), String>;
}

/// One entry of a chart's legend: its label and the CSS class of its swatch.
pub struct LegendItem {
    pub label: String,
    pub swatch: String,
    pub emphasis: bool,
}

impl LegendItem {
    pub fn new(label: impl Into<String>, swatch: &str) -> Self {
        LegendItem {
            label: label.into(),
            swatch: swatch.to_string(),
            emphasis: false,
        }
    }
}

/// The legend swatch of line `i`: its colour, and its dash pattern unless it is the user's own.
fn line_swatch(i: usize, emphasis: bool) -> String {
    let colour = i % SERIES_COLOURS;
    match series_stroke(i, emphasis) {
        Stroke::Solid => format!("swatch swatch-{colour} emphasis"),
        Stroke::Dashed(..) => format!("swatch swatch-{colour} swatch-dash-{}", i % DASHES.len()),
    }
}

impl CanvasChart for LineChartSpec {
    fn legend(&self, marker_label: &str) -> Vec<LegendItem> {
        self.series
            .iter()
            .enumerate()
            .map(|(i, l)| LegendItem {
                label: l.label.clone(),
                swatch: line_swatch(i, l.emphasis),
                emphasis: l.emphasis,
            })
            .chain(
                self.marker
                    .map(|_| LegendItem::new(marker_label.to_string(), "swatch swatch-marker")),
            )
            .collect()
    }

    fn draw(
        &self,
        _canvas: &HtmlCanvasElement,
        area: &DrawingArea<MeasuredCanvas, Shift>,
        theme: &ChartTheme,
        scale: f64,
    ) -> Result<(), String> {
        let currency = self.currency;
        let y_format = move |v: f64| money_compact(v, currency);
        let chart = LineChart {
            series: &self.series,
            marker_x: self.marker,
            x_label: self.x_label,
            y_format: &y_format,
        };
        draw_lines(area, &chart, theme, scale)
    }
}

impl CanvasChart for StackedSpec {
    fn legend(&self, marker_label: &str) -> Vec<LegendItem> {
        self.layers
            .iter()
            .enumerate()
            .map(|(i, (label, _))| {
                let swatch = format!("swatch swatch-{} swatch-fill", i % SERIES_COLOURS);
                LegendItem::new(label.clone(), &swatch)
            })
            .chain(self.band.as_ref().map(|_| {
                LegendItem::new(
                    "P10-P90 band and median of total income",
                    "swatch swatch-band",
                )
            }))
            .chain(std::iter::once(LegendItem::new(
                "Hours (right axis)",
                "swatch swatch-hours",
            )))
            .chain(self.target.filter(|t| *t > 0.0).map(|_| {
                LegendItem::new(
                    "Income that nets your target (the target plus monthly costs)",
                    "swatch swatch-target",
                )
            }))
            .chain(
                self.break_even
                    .map(|_| LegendItem::new(marker_label.to_string(), "swatch swatch-marker")),
            )
            .collect()
    }

    fn draw(
        &self,
        canvas: &HtmlCanvasElement,
        area: &DrawingArea<MeasuredCanvas, Shift>,
        theme: &ChartTheme,
        scale: f64,
    ) -> Result<(), String> {
        let currency = self.currency;
        let y_format = move |v: f64| money_compact(v, currency);
        let band = self.band.as_ref().map(|(a, b, c)| (&a[..], &b[..], &c[..]));
        let chart = StackedChart {
            layers: &self.layers,
            hours: &self.hours,
            band,
            break_even: self.break_even,
            target: self.target,
            y_format: &y_format,
        };
        let extra = stacked_theme(canvas).unwrap_or(StackedTheme::LIGHT);
        draw_stacked(area, &chart, theme, &extra, scale)
    }
}

/// The canvas with its legend; the caller adds a table with the same figures.
#[component]
pub fn LineChartCanvas<S: CanvasChart>(
    /// The chart to draw; nothing is drawn while it is None.
    spec: Signal<Option<S>>,
    /// What the chart shows, for screen readers, pointing to the table.
    #[prop(into)]
    description: String,
    /// What the marker means, for the legend.
    #[prop(into)]
    marker_label: String,
    /// A chart of rows (the tornado): the canvas is as tall as its rows, not a fixed shape.
    #[prop(optional, into)]
    rows: Option<Signal<usize>>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let redraw = RwSignal::new(0u32);
    let watch = StoredValue::new_local(None::<ResizeWatch>);
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        if watch.with_value(Option::is_some) {
            return;
        }
        let started = ResizeWatch::start(&canvas, move || {
            redraw.try_update(|n| *n = n.wrapping_add(1));
        });
        watch.set_value(started);
    });
    on_cleanup(move || {
        watch.try_update_value(|w| {
            if let Some(w) = w.take() {
                w.stop();
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
        {move || spec.with(|s| s.as_ref().map(|s| view! {
            <ul class="legend">
                {s.legend(&marker_label).into_iter().map(|item| view! {
                    <li class:mine=item.emphasis>
                        <span class=item.swatch aria-hidden="true"></span>
                        {item.label}
                    </li>
                }).collect_view()}
            </ul>
        }))}
        <div class="chart-box" class:tornado=rows.is_some()
            style:--rows=move || rows.map(|r| r.get().to_string())>
            <canvas node_ref=canvas_ref role="img" aria-label=description data-draws="0"></canvas>
        </div>
    }
}

fn draw<S: CanvasChart>(canvas: &HtmlCanvasElement, spec: &S) {
    let Some(scale) = fit_to_css_size(canvas) else {
        return;
    };
    let theme = chart_theme(canvas).unwrap_or(ChartTheme::LIGHT);
    let Some(backend) = MeasuredCanvas::new(canvas.clone()) else {
        return;
    };
    let area = backend.into_drawing_area();
    match spec.draw(canvas, &area, &theme, scale) {
        Ok(()) => count_draw(canvas),
        Err(e) => crate::platform::page::warn(&format!("chart not drawn: {e}")),
    }
}

/// A chart's figures as a table, folded away under a summary: the accessible alternative.
#[component]
pub fn ChartTable(
    /// The summary a person clicks to unfold the table.
    summary: &'static str,
    /// The scrolling region's name.
    region_label: &'static str,
    /// The table's caption, read by screen readers.
    caption: &'static str,
    /// Column headings, the row-heading column first.
    columns: Vec<String>,
    /// Each row's heading and cells.
    rows: Vec<(String, Vec<String>)>,
) -> impl IntoView {
    let (first, rest) = columns
        .split_first()
        .map(|(f, r)| (f.clone(), r.to_vec()))
        .unwrap_or_default();
    view! {
        <details class="chart-table">
            <summary>{summary}</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label=region_label>
                <table>
                    <caption class="visually-hidden">{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{first}</th>
                            {rest.into_iter().map(|c| view! { <th scope="col" class="num">{c}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|(head, cells)| view! {
                            <tr>
                                <th scope="row">{head}</th>
                                {cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}

/// The rows of a line chart's table: the x value, then each series' money at that x.
pub fn line_rows(
    spec: &LineChartSpec,
    indices: &[usize],
    x_text: impl Fn(f64) -> String,
) -> Vec<(String, Vec<String>)> {
    indices
        .iter()
        .map(|&i| {
            let x = spec.series.first().map(|s| s.points[i].0).unwrap_or(0.0);
            let cells = spec
                .series
                .iter()
                .map(|s| crate::format::money_estimate(s.points[i].1, spec.currency))
                .collect();
            (x_text(x), cells)
        })
        .collect()
}

/// A line chart's column headings: the x axis, then each series.
pub fn line_columns(spec: &LineChartSpec) -> Vec<String> {
    std::iter::once(spec.x_label.to_string())
        .chain(spec.series.iter().map(|s| s.label.clone()))
        .collect()
}
