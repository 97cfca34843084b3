//! The charts rendered natively through plotters' SVG backend: which lines, areas and labels
//! each chart draws for a fixed plan, read back from the SVG's elements.
#![cfg(not(target_arch = "wasm32"))]

use honest_income::chart::{
    draw_lines, draw_stacked, draw_tornado, ChartTheme, LineChart, Series, StackedChart,
    StackedTheme, TornadoBar, TornadoChart,
};
use plotters::prelude::*;

const SIZE: (u32, u32) = (800, 400);

/// One drawn element of the SVG: its tag and attributes, and its text for `<text>`.
#[derive(Debug)]
struct Element {
    tag: String,
    attrs: Vec<(String, String)>,
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> &str {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }
    fn points(&self) -> Vec<(i32, i32)> {
        self.attr("points")
            .split_whitespace()
            .map(|p| {
                let (x, y) = p.split_once(',').expect("x,y");
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect()
    }
}

/// The elements of plotters' SVG output, in drawing order (its own flat, quoted format).
fn elements(svg: &str) -> Vec<Element> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let end = rest.find('>').expect("closed tag");
        let tag_text = &rest[..end];
        rest = &rest[end + 1..];
        if tag_text.starts_with('/') || tag_text.starts_with('?') {
            continue;
        }
        let (tag, mut attr_text) = tag_text.split_once(' ').unwrap_or((tag_text, ""));
        let mut attrs = Vec::new();
        while let Some(eq) = attr_text.find("=\"") {
            let name = attr_text[..eq].trim().to_string();
            let value_start = eq + 2;
            let value_end = value_start + attr_text[value_start..].find('"').expect("quoted");
            attrs.push((name, attr_text[value_start..value_end].to_string()));
            attr_text = &attr_text[value_end + 1..];
        }
        let text = if tag == "text" {
            rest[..rest.find('<').unwrap_or(0)].trim().to_string()
        } else {
            String::new()
        };
        out.push(Element {
            tag: tag.to_string(),
            attrs,
            text,
        });
    }
    out
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn lines_with(elements: &[Element], color: RGBColor) -> Vec<&Element> {
    elements
        .iter()
        .filter(|e| e.tag == "polyline" && e.attr("stroke") == hex(color))
        .collect()
}

fn texts(elements: &[Element]) -> Vec<&str> {
    elements
        .iter()
        .filter(|e| e.tag == "text")
        .map(|e| e.text.as_str())
        .collect()
}

fn dollars(minor: f64) -> String {
    format!("${}", (minor / 100.0).round() as i64)
}

fn render_lines(chart: &LineChart<'_>) -> Vec<Element> {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        draw_lines(&area, chart, &ChartTheme::LIGHT, 1.0).expect("the chart draws");
    }
    elements(&svg)
}

#[test]
fn the_line_chart_draws_each_series_its_marker_and_its_labels() {
    let theme = ChartTheme::LIGHT;
    // Net a month against sales a month: a platform line and the user's own (emphasised) one.
    let series = [
        Series {
            label: "Payhip".into(),
            points: (0..=10)
                .map(|n| (n as f64, n as f64 * 2_500.0 - 1_000.0))
                .collect(),
            emphasis: false,
        },
        Series {
            label: "Gumroad".into(),
            points: (0..=10).map(|n| (n as f64, n as f64 * 2_380.0)).collect(),
            emphasis: true,
        },
    ];
    let drawn = render_lines(&LineChart {
        series: &series,
        marker_x: Some(4.0),
        x_label: "Sales a month",
        y_format: &dollars,
    });

    let other = lines_with(&drawn, theme.series[0]);
    let own = lines_with(&drawn, theme.series[1]);
    assert_eq!(own.len(), 1, "the user's own line is one solid line");
    assert_eq!(own[0].points().len(), 11, "every point of the series");
    // Another platform's line is dashed (so overlapping lines stay apart): many short pieces
    // running the whole width, each as wide as the others.
    assert!(other.len() > 10, "dashed: {} pieces", other.len());
    assert!(other.iter().all(|d| d.points().len() >= 2));
    assert!(other.iter().all(|d| d.attr("stroke-width") == "2"));
    let xs: Vec<i32> = other.iter().flat_map(|d| d.points()).map(|p| p.0).collect();
    let own_xs: Vec<i32> = own[0].points().iter().map(|p| p.0).collect();
    assert!(xs.iter().min() <= own_xs.first() && xs.iter().max() >= Some(&(own_xs[10] - 4)));
    assert_eq!(
        own[0].attr("stroke-width"),
        "3",
        "the user's own line is thicker"
    );
    let position = |e: &Element| drawn.iter().position(|d| std::ptr::eq(d, e)).unwrap();
    assert!(position(own[0]) > position(other[0]), "and drawn on top");
    // Net grows with sales: each point is higher on the page (smaller y) than the last.
    let ys: Vec<i32> = own[0].points().iter().map(|p| p.1).collect();
    assert!(ys.windows(2).all(|w| w[1] < w[0]), "{ys:?}");
    // A value below zero brings the zero line; the expected volume is a vertical marker.
    let zero = lines_with(&drawn, theme.zero);
    assert!(zero.iter().any(|l| {
        let p = l.points();
        p.len() == 2 && p[0].1 == p[1].1 && p[1].0 > p[0].0
    }));
    let marker = lines_with(&drawn, theme.marker);
    assert_eq!(marker.len(), 1);
    let p = marker[0].points();
    assert_eq!(p[0].0, p[1].0, "the marker is vertical");
    let labels = texts(&drawn);
    assert!(labels.contains(&"Sales a month"), "{labels:?}");
    assert!(
        labels.contains(&"$0"),
        "y labels use the money format: {labels:?}"
    );
    assert!(labels.iter().any(|l| l.starts_with('$') && l != &"$0"));
    assert!(labels.contains(&"10"), "x labels are counts: {labels:?}");
}

#[test]
fn the_line_chart_leaves_out_a_marker_beyond_its_range() {
    let series = [Series {
        label: "Net".into(),
        points: vec![(0.0, 0.0), (5.0, 10_000.0)],
        emphasis: true,
    }];
    let drawn = render_lines(&LineChart {
        series: &series,
        marker_x: Some(50.0),
        x_label: "Sales a month",
        y_format: &dollars,
    });
    assert!(lines_with(&drawn, ChartTheme::LIGHT.marker).is_empty());
}

#[test]
fn the_stacked_chart_draws_layers_band_target_break_even_and_hours() {
    let theme = ChartTheme::LIGHT;
    let extra = StackedTheme::LIGHT;
    let months = 12;
    let blog: Vec<f64> = (0..months).map(|m| m as f64 * 5_000.0).collect();
    let product: Vec<f64> = (0..months).map(|_| 9_520.0).collect();
    let hours: Vec<f64> = (0..months).map(|m| 40.0 - m as f64 * 2.0).collect();
    let total: Vec<f64> = blog.iter().zip(&product).map(|(a, b)| a + b).collect();
    let p10: Vec<f64> = total.iter().map(|t| t * 0.6).collect();
    let p90: Vec<f64> = total.iter().map(|t| t * 1.4).collect();
    let layers = [
        ("Blog".to_string(), blog),
        ("Workshop".to_string(), product),
    ];
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        let chart = StackedChart {
            layers: &layers,
            hours: &hours,
            band: Some((&p10, &total, &p90)),
            break_even: Some(4.0),
            target: Some(50_000.0),
            y_format: &dollars,
        };
        draw_stacked(&area, &chart, &theme, &extra, 1.0).expect("the chart draws");
    }
    let drawn = elements(&svg);

    let areas: Vec<&Element> = drawn.iter().filter(|e| e.tag == "polygon").collect();
    let fills: Vec<&str> = areas.iter().map(|a| a.attr("fill")).collect();
    assert_eq!(
        fills,
        [hex(theme.series[0]), hex(theme.series[1]), hex(extra.band)],
        "one area per stream, then the band"
    );
    // The second stream sits on the first: its area's lowest edge is the first's top.
    assert_eq!(areas[1].points().len(), 2 * months);
    let mut lower_edge = areas[1].points()[months..].to_vec();
    lower_edge.reverse();
    assert_eq!(lower_edge, lines_with(&drawn, theme.series[0])[0].points());
    for stream in 0..2 {
        assert_eq!(
            lines_with(&drawn, theme.series[stream])[0].points().len(),
            months
        );
    }
    let band_lines = lines_with(&drawn, extra.band);
    assert_eq!(band_lines.len(), 3, "P10, P90 and the median");
    let target = lines_with(&drawn, extra.target);
    assert!(target.len() > 5, "the target is dashed");
    let y = target[0].points()[0].1;
    assert!(
        target.iter().flat_map(|d| d.points()).all(|p| p.1 == y),
        "the target is horizontal"
    );
    let break_even = lines_with(&drawn, theme.marker);
    assert_eq!(break_even.len(), 1);
    let b = break_even[0].points();
    assert_eq!(b[0].0, b[1].0, "the break-even month is vertical");
    let month_x = |m: usize| lines_with(&drawn, theme.series[1])[0].points()[m - 1].0;
    assert_eq!(b[0].0, month_x(4), "at month 4");
    let hours_line = lines_with(&drawn, extra.hours);
    assert!(hours_line.len() > months, "hours are dotted");
    let h: Vec<i32> = hours_line
        .iter()
        .flat_map(|d| d.points())
        .map(|p| p.1)
        .collect();
    assert!(
        h.windows(2).all(|w| w[1] >= w[0]) && h[0] < h[h.len() - 1],
        "falling hours go down the page"
    );
    let labels = texts(&drawn);
    for expected in ["Month", "Hours", "12", "$0"] {
        assert!(labels.contains(&expected), "{expected} in {labels:?}");
    }
}

#[test]
fn every_series_has_its_own_colour_apart_from_the_lines_every_chart_shares() {
    use honest_income::chart::{series_stroke, Stroke, DASHES};
    let theme = ChartTheme::LIGHT;
    let extra = StackedTheme::LIGHT;
    let shared = [
        theme.marker,
        theme.zero,
        extra.band,
        extra.hours,
        extra.target,
    ];
    for (i, c) in theme.series.iter().enumerate() {
        assert!(
            !shared.contains(c),
            "series {i} takes a shared line's colour"
        );
        assert!(
            theme.series[..i].iter().all(|o| o != c),
            "series {i} repeats a colour"
        );
        // At least 3:1 against the white background, as WCAG asks of lines that carry meaning.
        let lum = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * lum(c.0) + 0.7152 * lum(c.1) + 0.0722 * lum(c.2);
        assert!(
            1.05 / (l + 0.05) >= 3.0,
            "series {i}: {:.2}:1",
            1.05 / (l + 0.05)
        );
    }
    // Lines that are not the user's own each get their own dash pattern.
    assert_eq!(series_stroke(0, true), Stroke::Solid);
    let patterns: Vec<Stroke> = (0..DASHES.len()).map(|i| series_stroke(i, false)).collect();
    for (i, p) in patterns.iter().enumerate() {
        assert!(patterns[..i].iter().all(|o| o != p));
    }
}

#[test]
fn a_one_month_plan_labels_its_month_once() {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        let layers = [("Blog".to_string(), vec![1_000.0])];
        let chart = StackedChart {
            layers: &layers,
            hours: &[10.0],
            band: None,
            break_even: None,
            target: None,
            y_format: &dollars,
        };
        draw_stacked(&area, &chart, &ChartTheme::LIGHT, &StackedTheme::LIGHT, 1.0).unwrap();
    }
    let drawn = elements(&svg);
    let labels = texts(&drawn);
    assert_eq!(
        labels.iter().filter(|l| **l == "1").count(),
        1,
        "{labels:?}"
    );
}

#[test]
fn the_tornado_draws_each_bar_about_the_plans_line_the_biggest_on_top() {
    let theme = ChartTheme::LIGHT;
    let bar = |label: &str, at_low: f64, at_high: f64| TornadoBar {
        label: label.into(),
        at_low,
        at_high,
    };
    // The plan nets $50; visitors swing it $20-$100, churn $60 down to $40 (more churn, less).
    let bars = [
        bar("Visitors", 2_000.0, 10_000.0),
        bar("Churn", 6_000.0, 4_000.0),
    ];
    let x_format = dollars;
    let chart = TornadoChart {
        bars: &bars,
        base: 5_000.0,
        x_label: "Cumulative net",
        x_format: &x_format,
    };
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        draw_tornado(&area, &chart, &theme, 1.0).expect("the chart draws");
    }
    let els = elements(&svg);
    let rects = |color: RGBColor| -> Vec<(i32, i32, i32)> {
        els.iter()
            .filter(|e| e.tag == "rect" && e.attr("fill") == hex(color))
            .map(|e| {
                let n = |k: &str| e.attr(k).parse::<f64>().unwrap().round() as i32;
                (n("x"), n("x") + n("width"), n("y"))
            })
            .collect()
    };
    let (low, high) = (rects(theme.series[0]), rects(theme.series[1]));
    assert_eq!((low.len(), high.len()), (2, 2), "{svg}");
    // Both parts of a bar meet at the plan's line.
    let base_x = low[0].1;
    assert_eq!(high[0].0, base_x);
    // Visitors: low end $30 left of the line, high end $50 right; on top of churn.
    let ratio = f64::from(high[0].1 - base_x) / f64::from(base_x - low[0].0);
    assert!((ratio - 5.0 / 3.0).abs() < 0.05, "{ratio}");
    assert!(low[0].2 < low[1].2, "the biggest bar is drawn highest");
    // Churn runs the other way: its low end is the right-hand part.
    assert!(
        low[1].0 >= base_x && high[1].1 <= base_x,
        "{low:?} {high:?}"
    );
    let words = texts(&els);
    for expected in ["Visitors", "Churn", "Cumulative net", "$20", "$100"] {
        assert!(words.contains(&expected), "{expected} in {words:?}");
    }
}
