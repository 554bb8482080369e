//! `cargo xtask plots`: draws every figure of the book into `book/src/figures/` from
//! the chapter crates' reference code.
//!
//! Figures are SVG drawn by plotters without system fonts, so the same code writes the
//! same bytes on every machine, and every figure has an opaque white background so it
//! reads on mdBook's dark themes too.

mod chapter01;
mod chapter02;
mod chapter03;
mod chapter04;
mod chapter05;
mod chapter06;
mod chapter07;
mod chapter08;
pub mod contour;

use crate::{Mode, ensure_file, relative, workspace_root};
use anyhow::{Context, Result, bail};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::{CoordTranslate, Shift};
use plotters::prelude::*;

// The book's palette, so that a method or a kind of point has one colour in every
// figure.
pub const ORANGE: RGBColor = RGBColor(230, 120, 0);
pub const GREEN: RGBColor = RGBColor(0, 140, 70);
pub const BLUE_: RGBColor = RGBColor(0, 90, 200);
pub const PURPLE: RGBColor = RGBColor(120, 60, 200);
pub const RED_: RGBColor = RGBColor(200, 30, 40);
pub const CONTOUR: RGBColor = RGBColor(170, 170, 185);

/// A figure: its file name in `book/src/figures/` and the function that draws it.
pub struct Figure {
    pub name: &'static str,
    pub draw: fn() -> Result<String>,
}

/// Every figure of the book.
pub fn figures() -> Vec<Figure> {
    [
        chapter01::figures(),
        chapter02::figures(),
        chapter03::figures(),
        chapter04::figures(),
        chapter05::figures(),
        chapter06::figures(),
        chapter07::figures(),
        chapter08::figures(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Draws every figure and writes it (or, in `Check` mode, checks it is fresh). Also
/// fails on a file in the figures folder that no generator draws.
pub fn run(mode: Mode) -> Result<()> {
    let dir = workspace_root().join("book/src/figures");
    let figures = figures();
    for figure in &figures {
        let svg =
            (figure.draw)().with_context(|| format!("drawing `{}`", figure.name))?;
        ensure_file(&dir.join(figure.name), &svg, mode, "cargo xtask plots")?;
    }
    for entry in std::fs::read_dir(&dir)
        .with_context(|| format!("reading `{}`", relative(&dir)))?
    {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if !figures.iter().any(|figure| figure.name == name) {
            bail!(
                "`{}` has no generator: add one to xtask/src/plots or delete the file",
                relative(&path)
            );
        }
    }
    Ok(())
}

/// Draws on a `width` × `height` SVG canvas with a white background and returns the
/// SVG text.
pub fn svg(
    width: u32,
    height: u32,
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<()>,
) -> Result<String> {
    let mut text = String::new();
    {
        let root =
            SVGBackend::with_string(&mut text, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        draw(&root)?;
        root.present()?;
    }
    Ok(text)
}

/// `n + 1` points of `f` evenly spaced on `[from, to]`.
pub fn sample(
    from: f64,
    to: f64,
    n: usize,
    f: impl Fn(f64) -> f64,
) -> Vec<(f64, f64)> {
    (0..=n)
        .map(|i| from + (to - from) * i as f64 / n as f64)
        .map(|x| (x, f(x)))
        .collect()
}

/// The legend's sample: a short line in `style`.
pub fn legend_line(
    style: ShapeStyle,
) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], style)
}

/// Draws the chart's legend at `position`, boxed on a nearly opaque white ground.
pub fn legend<'a, CT: CoordTranslate>(
    chart: &mut ChartContext<'a, SVGBackend<'a>, CT>,
    position: SeriesLabelPosition,
) -> Result<()> {
    chart
        .configure_series_labels()
        .position(position)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .draw()?;
    Ok(())
}

/// Draws the level curves of `f` at each of `levels` on a chart over `grid`'s
/// rectangle, in `style`: the contour map that gradients and descent paths are drawn
/// on.
pub fn draw_contours<'a>(
    chart: &mut ChartContext<
        'a,
        SVGBackend<'a>,
        Cartesian2d<RangedCoordf64, RangedCoordf64>,
    >,
    f: impl Fn(f64, f64) -> f64,
    grid: contour::Grid,
    levels: &[f64],
    style: ShapeStyle,
) -> Result<()> {
    let sampled = contour::Sampled::new(f, grid);
    for &level in levels {
        for curve in sampled.level_curves(level) {
            chart.draw_series(LineSeries::new(curve, style))?;
        }
    }
    Ok(())
}
