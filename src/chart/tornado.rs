//! The tornado: one bar per input from the outcome at the low end of its range to the outcome
//! at the high end, the biggest on top, about a line at the plan as typed. Each bar's name is
//! written above it rather than beside it, so a phone's width goes to the bars.

use super::ChartTheme;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One bar: its name and the outcome at the two ends of the input's range.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoBar {
    pub label: String,
    pub at_low: f64,
    pub at_high: f64,
}

pub struct TornadoChart<'a> {
    /// The biggest first.
    pub bars: &'a [TornadoBar],
    /// The outcome as the plan is typed: the line the bars grow from.
    pub base: f64,
    pub x_label: &'a str,
    pub x_format: &'a dyn Fn(f64) -> String,
}

/// CSS pixels a bar's row takes: its name above, the bar below (the page sizes the canvas to
/// match: `.chart-box.tornado`).
pub const ROW_HEIGHT: f64 = 48.0;
/// CSS pixels of the axis under the bars.
pub const AXIS_HEIGHT: f64 = 48.0;

/// The x range: every bar's ends and the base, with a little room either side.
pub fn x_range(chart: &TornadoChart<'_>) -> (f64, f64) {
    let (lo, hi) = chart
        .bars
        .iter()
        .flat_map(|b| [b.at_low, b.at_high])
        .chain([chart.base])
        .filter(|v| v.is_finite())
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if lo > hi {
        return (-1.0, 1.0);
    }
    let pad = ((hi - lo) * 0.06)
        .max(hi.abs().max(lo.abs()) * 0.02)
        .max(1e-6);
    (lo - pad, hi + pad)
}

/// Draws `chart` on `area`: the low end's part of each bar in the first series colour, the high
/// end's in the second; `scale` is the devicePixelRatio.
pub fn draw_tornado<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &TornadoChart<'_>,
    theme: &ChartTheme,
    scale: f64,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    area.fill(&theme.background).map_err(err)?;
    let px = |v: f64| (v * scale).round() as i32;
    let stroke = |v: f64| px(v).max(1) as u32;
    let rows = chart.bars.len().max(1);
    let (x_lo, x_hi) = x_range(chart);
    let font = ("sans-serif", 12.5 * scale).into_font().color(&theme.text);
    // Row r spans y in [r, r + 1], counted from the top: the y axis runs downwards.
    let mut ctx = ChartBuilder::on(area)
        .margin_top(px(4.0))
        .margin_right(px(16.0))
        .margin_left(px(28.0))
        .margin_bottom(px(4.0))
        .x_label_area_size(px(AXIS_HEIGHT - 8.0))
        .build_cartesian_2d(x_lo..x_hi, (rows as f64)..0f64)
        .map_err(err)?;
    ctx.configure_mesh()
        .x_labels(5)
        .disable_y_mesh()
        .disable_y_axis()
        .light_line_style(theme.grid.mix(0.0))
        .bold_line_style(theme.grid.stroke_width(stroke(1.0)))
        .axis_style(theme.zero.stroke_width(stroke(1.0)))
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .x_desc(chart.x_label)
        .x_label_formatter(&|v| (chart.x_format)(*v))
        .draw()
        .map_err(err)?;
    let name = font.pos(Pos::new(HPos::Left, VPos::Top));
    for (r, bar) in chart.bars.iter().enumerate() {
        let top = r as f64;
        ctx.draw_series(std::iter::once(Text::new(
            bar.label.clone(),
            (x_lo, top + 0.06),
            name.clone(),
        )))
        .map_err(err)?;
        let mut ends = [
            (bar.at_low, theme.series[0]),
            (bar.at_high, theme.series[1]),
        ];
        // Both ends on one side of the base: the farther first, so the nearer stays in sight.
        ends.sort_by(|a, b| {
            (b.0 - chart.base)
                .abs()
                .total_cmp(&(a.0 - chart.base).abs())
        });
        for (end, color) in ends {
            if !end.is_finite() || end == chart.base {
                continue;
            }
            ctx.draw_series(std::iter::once(Rectangle::new(
                [(chart.base, top + 0.45), (end, top + 0.9)],
                color.mix(0.85).filled(),
            )))
            .map_err(err)?;
        }
    }
    // The plan's line through each bar, not through the names above them.
    for r in 0..rows {
        let top = r as f64;
        ctx.draw_series(LineSeries::new(
            [(chart.base, top + 0.38), (chart.base, top + 0.97)],
            theme.marker.stroke_width(stroke(1.5)),
        ))
        .map_err(err)?;
    }
    area.present().map_err(err)?;
    Ok(())
}
