//! Charts drawn with plotters on any backend, so native tests can render them too.

mod tornado;
pub use tornado::*;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Colours of a chart, read from the page's CSS so dark mode follows the system.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartTheme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub grid: RGBColor,
    pub zero: RGBColor,
    pub marker: RGBColor,
    /// Okabe-Ito's colour-blind-safe hues, darkened for 3:1 on white (lightened in dark mode).
    /// No series shares a colour with the marker, target, median or hours, which are neutral.
    pub series: [RGBColor; SERIES_COLOURS],
}

/// How many series colours a chart has before they repeat (with another dash pattern).
pub const SERIES_COLOURS: usize = 5;

/// How a line is stroked: solid, or dashes of `on` pixels with `off` pixel gaps (CSS pixels).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Stroke {
    Solid,
    Dashed(f64, f64),
}

/// The patterns of lines that are not the user's own, so overlapping lines stay apart even
/// where colours look alike. The legend draws the same patterns (`swatch-dash-N` in the CSS).
pub const DASHES: [Stroke; 4] = [
    Stroke::Dashed(10.0, 4.0),
    Stroke::Dashed(3.0, 3.0),
    Stroke::Dashed(16.0, 4.0),
    Stroke::Dashed(6.0, 6.0),
];

/// The stroke of series `i` of a line chart: the user's own line is solid, the others dashed.
pub fn series_stroke(i: usize, emphasis: bool) -> Stroke {
    if emphasis {
        Stroke::Solid
    } else {
        DASHES[i % DASHES.len()]
    }
}

/// Draws `points` in `style` with `stroke`, dashes scaled by the devicePixelRatio.
fn draw_stroked<DB: DrawingBackend>(
    ctx: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    points: Vec<(f64, f64)>,
    style: ShapeStyle,
    stroke: Stroke,
    scale: f64,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    match stroke {
        Stroke::Solid => ctx.draw_series(LineSeries::new(points, style)).map(|_| ()),
        Stroke::Dashed(on, off) => {
            let px = |v: f64| ((v * scale).round() as i32).max(1);
            ctx.draw_series(DashedLineSeries::new(points, px(on), px(off), style))
                .map(|_| ())
        }
    }
    .map_err(err)
}

impl ChartTheme {
    pub const LIGHT: ChartTheme = ChartTheme {
        background: RGBColor(255, 255, 255),
        text: RGBColor(55, 65, 81),
        grid: RGBColor(229, 231, 235),
        zero: RGBColor(107, 114, 128),
        marker: RGBColor(17, 24, 39),
        series: [
            RGBColor(0, 114, 178),
            RGBColor(213, 94, 0),
            RGBColor(0, 158, 115),
            RGBColor(170, 68, 153),
            RGBColor(140, 101, 0),
        ],
    };
}

/// Parses `#rrggbb` or `#rgb`.
pub fn parse_hex_color(text: &str) -> Option<(u8, u8, u8)> {
    let hex = text.strip_prefix('#')?;
    let channel = |s: &str| u8::from_str_radix(s, 16).ok();
    match hex.len() {
        6 => Some((
            channel(&hex[0..2])?,
            channel(&hex[2..4])?,
            channel(&hex[4..6])?,
        )),
        3 => {
            let d = |i: usize| channel(&hex[i..i + 1]).map(|v| v * 17);
            Some((d(0)?, d(1)?, d(2)?))
        }
        _ => None,
    }
}

/// One line of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    pub points: Vec<(f64, f64)>,
    /// The user's own choice: drawn thicker.
    pub emphasis: bool,
}

/// A line chart of money (y, in minor units) against a volume (x).
pub struct LineChart<'a> {
    pub series: &'a [Series],
    /// A vertical marker (the user's expected volume).
    pub marker_x: Option<f64>,
    pub x_label: &'a str,
    pub y_format: &'a dyn Fn(f64) -> String,
}

/// The y range of all points with zero included and a little headroom.
pub fn y_range(series: &[Series]) -> (f64, f64) {
    let ys = series.iter().flat_map(|s| s.points.iter().map(|p| p.1));
    let (mut lo, mut hi) = ys.fold((0.0f64, 0.0f64), |(lo, hi), y| {
        if y.is_finite() {
            (lo.min(y), hi.max(y))
        } else {
            (lo, hi)
        }
    });
    if (hi - lo).abs() < 1.0 {
        hi = lo + 100.0;
    }
    let pad = (hi - lo) * 0.08;
    if lo < 0.0 {
        lo -= pad;
    }
    hi += pad;
    (lo, hi)
}

/// Draws `chart` on `area`; `scale` is the devicePixelRatio so text and lines stay legible.
pub fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &LineChart<'_>,
    theme: &ChartTheme,
    scale: f64,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    area.fill(&theme.background).map_err(err)?;
    let x_max = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .fold(1.0f64, f64::max);
    let (y_lo, y_hi) = y_range(chart.series);
    let px = |v: f64| (v * scale).round() as i32;
    let font = ("sans-serif", 12.5 * scale).into_font().color(&theme.text);
    let mut ctx = ChartBuilder::on(area)
        .margin_top(px(12.0))
        .margin_right(px(16.0))
        .margin_left(px(4.0))
        .margin_bottom(px(4.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(68.0))
        .build_cartesian_2d(0f64..x_max, y_lo..y_hi)
        .map_err(err)?;
    ctx.configure_mesh()
        .x_labels(6)
        .y_labels(6)
        .disable_x_mesh()
        .light_line_style(theme.grid.mix(0.0))
        .bold_line_style(theme.grid.stroke_width(px(1.0).max(1) as u32))
        .axis_style(theme.zero.stroke_width(px(1.0).max(1) as u32))
        .label_style(font.clone())
        .axis_desc_style(font)
        .x_desc(chart.x_label)
        .x_label_formatter(&|v| crate::format::count(*v))
        .y_label_formatter(&|v| (chart.y_format)(*v))
        .draw()
        .map_err(err)?;
    if y_lo < 0.0 {
        ctx.draw_series(LineSeries::new(
            [(0.0, 0.0), (x_max, 0.0)],
            theme.zero.stroke_width(px(1.0).max(1) as u32),
        ))
        .map_err(err)?;
    }
    if let Some(x) = chart.marker_x.filter(|x| *x > 0.0 && *x <= x_max) {
        ctx.draw_series(LineSeries::new(
            [(x, y_lo), (x, y_hi)],
            theme.marker.mix(0.7).stroke_width(px(1.5).max(1) as u32),
        ))
        .map_err(err)?;
    }
    // Draw the user's own line last so it stays on top.
    let order = chart
        .series
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.emphasis)
        .chain(chart.series.iter().enumerate().filter(|(_, s)| s.emphasis));
    for (i, s) in order {
        let color = theme.series[i % theme.series.len()];
        let width = if s.emphasis { px(3.0) } else { px(2.0) };
        let style = color.stroke_width(width.max(1) as u32);
        draw_stroked(
            &mut ctx,
            s.points.clone(),
            style,
            series_stroke(i, s.emphasis),
            scale,
        )?;
    }
    area.present().map_err(err)?;
    Ok(())
}

/// Income stacked by stream, hours on a second axis, with an optional uncertainty band.
pub struct StackedChart<'a> {
    /// Each stream's label and monthly values (minor units), month 1 first.
    pub layers: &'a [(String, Vec<f64>)],
    /// Hours per month, drawn against the right-hand axis.
    pub hours: &'a [f64],
    /// P10, median and P90 of total income per month.
    pub band: Option<(&'a [f64], &'a [f64], &'a [f64])>,
    /// The month cumulative net turns positive.
    pub break_even: Option<f64>,
    /// The monthly target, drawn as a horizontal line.
    pub target: Option<f64>,
    pub y_format: &'a dyn Fn(f64) -> String,
}

/// The target line: long dashes, so it is not read as a stream's edge.
pub const TARGET_STROKE: Stroke = Stroke::Dashed(9.0, 5.0);
/// Hours, on the right axis: dots (dash and gap in CSS pixels).
pub const HOURS_DOTS: (f64, f64) = (2.0, 3.0);

/// Extra colours of the stacked chart: neutral, so no stream's colour is taken.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StackedTheme {
    pub hours: RGBColor,
    pub band: RGBColor,
    pub target: RGBColor,
}

impl StackedTheme {
    pub const LIGHT: StackedTheme = StackedTheme {
        hours: RGBColor(82, 82, 91),
        band: RGBColor(55, 65, 81),
        target: RGBColor(31, 41, 55),
    };
}

/// Draws a `StackedChart`; months run from 1 to the length of `hours`.
pub fn draw_stacked<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &StackedChart<'_>,
    theme: &ChartTheme,
    extra: &StackedTheme,
    scale: f64,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    area.fill(&theme.background).map_err(err)?;
    let months = chart.hours.len().max(1);
    let px = |v: f64| (v * scale).round() as i32;
    let stroke = |v: f64| px(v).max(1) as u32;
    // Running totals: the top edge of each stream's layer.
    let mut tops: Vec<Vec<f64>> = Vec::with_capacity(chart.layers.len());
    let mut running = vec![0.0; months];
    for (_, values) in chart.layers {
        for (r, v) in running.iter_mut().zip(values) {
            *r += v.max(0.0);
        }
        tops.push(running.clone());
    }
    let mut y_max = running.iter().copied().fold(0.0, f64::max);
    if let Some((_, _, p90)) = chart.band {
        y_max = p90.iter().copied().fold(y_max, f64::max);
    }
    if let Some(t) = chart.target.filter(|t| t.is_finite()) {
        y_max = y_max.max(t);
    }
    let y_max = if y_max < 100.0 { 100.0 } else { y_max * 1.08 };
    let h_max = chart.hours.iter().copied().fold(1.0, f64::max) * 1.15;
    let x_range = 0.5f64..months as f64 + 0.5;
    let font = ("sans-serif", 12.5 * scale).into_font().color(&theme.text);
    let mut ctx = ChartBuilder::on(area)
        .margin_top(px(12.0))
        .margin_right(px(4.0))
        .margin_left(px(4.0))
        .margin_bottom(px(4.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(64.0))
        .right_y_label_area_size(px(48.0))
        .build_cartesian_2d(x_range.clone(), 0f64..y_max)
        .map_err(err)?
        .set_secondary_coord(x_range, 0f64..h_max);
    ctx.configure_mesh()
        .x_labels(months.min(8))
        .y_labels(6)
        .disable_x_mesh()
        .light_line_style(theme.grid.mix(0.0))
        .bold_line_style(theme.grid.stroke_width(stroke(1.0)))
        .axis_style(theme.zero.stroke_width(stroke(1.0)))
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .x_desc("Month")
        // Months are whole: a short horizon's in-between ticks (0.8, 1.2) get no label, so
        // a one-month plan does not read "1 1 1 1".
        .x_label_formatter(&|v| {
            if (v - v.round()).abs() < 1e-6 {
                format!("{}", v.round() as i64)
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|v| (chart.y_format)(*v))
        .draw()
        .map_err(err)?;
    ctx.configure_secondary_axes()
        .y_labels(5)
        .label_style(font.clone())
        .axis_desc_style(font)
        .y_desc("Hours")
        .y_label_formatter(&|v| format!("{}", v.round() as i64))
        .axis_style(theme.zero.stroke_width(stroke(1.0)))
        .draw()
        .map_err(err)?;
    let x = |i: usize| (i + 1) as f64;
    for (layer, top) in tops.iter().enumerate() {
        let color = theme.series[layer % theme.series.len()];
        let mut points: Vec<(f64, f64)> = top.iter().enumerate().map(|(i, v)| (x(i), *v)).collect();
        let below: Vec<(f64, f64)> = match layer {
            0 => (0..months).rev().map(|i| (x(i), 0.0)).collect(),
            _ => tops[layer - 1]
                .iter()
                .enumerate()
                .rev()
                .map(|(i, v)| (x(i), *v))
                .collect(),
        };
        points.extend(below);
        ctx.draw_series(std::iter::once(Polygon::new(
            points,
            color.mix(0.55).filled(),
        )))
        .map_err(err)?;
        ctx.draw_series(LineSeries::new(
            top.iter().enumerate().map(|(i, v)| (x(i), *v)),
            color.stroke_width(stroke(1.5)),
        ))
        .map_err(err)?;
    }
    if let Some((p10, p50, p90)) = chart.band {
        let mut outline: Vec<(f64, f64)> =
            p90.iter().enumerate().map(|(i, v)| (x(i), *v)).collect();
        outline.extend(p10.iter().enumerate().rev().map(|(i, v)| (x(i), *v)));
        ctx.draw_series(std::iter::once(Polygon::new(
            outline,
            extra.band.mix(0.18).filled(),
        )))
        .map_err(err)?;
        for edge in [p10, p90] {
            ctx.draw_series(LineSeries::new(
                edge.iter().enumerate().map(|(i, v)| (x(i), *v)),
                extra.band.mix(0.6).stroke_width(stroke(1.0)),
            ))
            .map_err(err)?;
        }
        ctx.draw_series(LineSeries::new(
            p50.iter().enumerate().map(|(i, v)| (x(i), *v)),
            extra.band.stroke_width(stroke(2.5)),
        ))
        .map_err(err)?;
    }
    if let Some(t) = chart.target.filter(|t| *t > 0.0) {
        draw_stroked(
            &mut ctx,
            vec![(0.5, t), (months as f64 + 0.5, t)],
            extra.target.stroke_width(stroke(2.0)),
            TARGET_STROKE,
            scale,
        )?;
    }
    if let Some(m) = chart.break_even {
        ctx.draw_series(LineSeries::new(
            [(m, 0.0), (m, y_max)],
            theme.marker.stroke_width(stroke(1.5)),
        ))
        .map_err(err)?;
    }
    let (on, off) = HOURS_DOTS;
    ctx.draw_secondary_series(DashedLineSeries::new(
        chart.hours.iter().enumerate().map(|(i, h)| (x(i), *h)),
        px(on).max(1),
        px(off).max(1),
        extra.hours.stroke_width(stroke(2.0)),
    ))
    .map_err(err)?;
    area.present().map_err(err)?;
    Ok(())
}
