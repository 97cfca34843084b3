//! Charts drawn with plotters on any backend, so native tests can render them too.

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
    pub series: [RGBColor; 4],
}

impl ChartTheme {
    pub const LIGHT: ChartTheme = ChartTheme {
        background: RGBColor(255, 255, 255),
        text: RGBColor(55, 65, 81),
        grid: RGBColor(229, 231, 235),
        zero: RGBColor(107, 114, 128),
        marker: RGBColor(180, 83, 9),
        series: [
            RGBColor(15, 118, 110),
            RGBColor(79, 70, 229),
            RGBColor(190, 24, 93),
            RGBColor(161, 98, 7),
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
        ctx.draw_series(LineSeries::new(
            s.points.iter().copied(),
            color.stroke_width(width.max(1) as u32),
        ))
        .map_err(err)?;
    }
    area.present().map_err(err)?;
    Ok(())
}
