//! Canvas sizing for sharp charts at any devicePixelRatio, and the chart colours from CSS.

use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

/// Sizes the canvas backing store to its CSS size x devicePixelRatio; returns the scale used,
/// or None when the canvas is not laid out (hidden, zero width).
pub fn fit_to_css_size(canvas: &HtmlCanvasElement) -> Option<f64> {
    let window = web_sys::window()?;
    let ratio = window.device_pixel_ratio().clamp(1.0, 4.0);
    let rect = canvas.get_bounding_client_rect();
    if rect.width() < 1.0 || rect.height() < 1.0 {
        return None;
    }
    let width = (rect.width() * ratio).round() as u32;
    let height = (rect.height() * ratio).round() as u32;
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    Some(ratio)
}

/// Reads a colour custom property (`--chart-text: #1a1a1a`) from the element's computed style.
pub fn css_color(element: &HtmlCanvasElement, property: &str) -> Option<(u8, u8, u8)> {
    let window = web_sys::window()?;
    let style = window
        .get_computed_style(element.unchecked_ref())
        .ok()
        .flatten()?;
    let value = style.get_property_value(property).ok()?;
    crate::chart::parse_hex_color(value.trim())
}

/// True when the reader's system asks for dark colours.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .map(|m| m.matches())
        .unwrap_or(false)
}

/// The chart colours from the page's CSS custom properties (`--chart-bg`, `--chart-1`, ...).
pub fn chart_theme(canvas: &HtmlCanvasElement) -> Option<crate::chart::ChartTheme> {
    use plotters::style::RGBColor;
    let color = |name: &str| css_color(canvas, name).map(|(r, g, b)| RGBColor(r, g, b));
    Some(crate::chart::ChartTheme {
        background: color("--chart-bg")?,
        text: color("--chart-text")?,
        grid: color("--chart-grid")?,
        zero: color("--chart-zero")?,
        marker: color("--chart-marker")?,
        series: [
            color("--chart-1")?,
            color("--chart-2")?,
            color("--chart-3")?,
            color("--chart-4")?,
        ],
    })
}

/// The stacked chart's extra colours (`--chart-hours`, `--chart-band`, `--chart-target`).
pub fn stacked_theme(canvas: &HtmlCanvasElement) -> Option<crate::chart::StackedTheme> {
    use plotters::style::RGBColor;
    let color = |name: &str| css_color(canvas, name).map(|(r, g, b)| RGBColor(r, g, b));
    Some(crate::chart::StackedTheme {
        hours: color("--chart-hours")?,
        band: color("--chart-band")?,
        target: color("--chart-target")?,
    })
}
