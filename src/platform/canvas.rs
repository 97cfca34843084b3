//! Canvas sizing for sharp charts at any devicePixelRatio, the chart colours from CSS, and a
//! plotters backend that measures text without touching the page.

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;
pub use web_sys::HtmlCanvasElement;

/// Calls back whenever an element's box changes size, until stopped.
pub struct ResizeWatch {
    observer: web_sys::ResizeObserver,
    // Kept alive for as long as the observer may call it.
    _callback: Closure<dyn FnMut()>,
}

impl ResizeWatch {
    /// Starts watching `element`; None where the browser has no ResizeObserver.
    pub fn start(element: &web_sys::Element, on_resize: impl FnMut() + 'static) -> Option<Self> {
        let callback = Closure::<dyn FnMut()>::new(on_resize);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(element);
        Some(ResizeWatch {
            observer,
            _callback: callback,
        })
    }

    pub fn stop(&self) {
        self.observer.disconnect();
    }
}

/// Counts one more drawing in the canvas's `data-draws`, so tests and benchmarks can see when a
/// redraw has happened.
pub fn count_draw(canvas: &HtmlCanvasElement) {
    let draws = canvas
        .get_attribute("data-draws")
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(0);
    let _ = canvas.set_attribute("data-draws", &(draws + 1).to_string());
}

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
            color("--chart-5")?,
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

/// plotters' canvas backend, except that text is measured by the canvas itself.
///
/// plotters measures each label by adding a styled `<span>` to the page and reading its size: a
/// forced layout of the whole page per label (most of a chart's first draw on a long page) and
/// an inline style the Content-Security-Policy would have to allow. `measureText` needs neither.
pub struct MeasuredCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
}

impl MeasuredCanvas {
    pub fn new(canvas: HtmlCanvasElement) -> Option<Self> {
        let context = canvas
            .get_context("2d")
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(MeasuredCanvas { inner, context })
    }
}

type Failure = DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>;

impl DrawingBackend for MeasuredCanvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), Failure> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), Failure> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Failure> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Failure> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failure> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Failure> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), Failure> {
        self.inner.draw_text(text, style, pos)
    }

    /// Width from `measureText`; height from the font's ascent and descent, the same line box a
    /// span would have had.
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), Failure> {
        self.context.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        ));
        let size = self.context.measure_text(text).ok().map(|m| {
            let height = m.font_bounding_box_ascent() + m.font_bounding_box_descent();
            (m.width(), height)
        });
        let (width, height) = match size {
            Some((w, h)) if w.is_finite() && h.is_finite() && h > 0.0 => (w, h),
            // No metrics (an old browser): a rough box keeps the chart's layout sane.
            _ => (
                text.chars().count() as f64 * style.size() * 0.6,
                style.size() * 1.2,
            ),
        };
        Ok((width.ceil() as u32, height.ceil() as u32))
    }
}
