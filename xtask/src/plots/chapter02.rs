//! Chapter 2's figures: Himmelblau's function as a surface, as a contour map with its
//! gradient field and its nine critical points, and the gradient of the worked
//! example beside its level curve.

use super::contour::{Grid, level_curves};
use super::{Figure, RED_, draw_contours, legend, legend_line, svg};
use anyhow::Result;
use chapter02::critical::{CriticalKind, himmelblau_critical_points};
use chapter02::exercises::himmelblau_gradient;
use chapter02::himmelblau::himmelblau;
use chapter02::partial::{cubic, cubic_gradient};
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::ops::Range;

pub fn figures() -> Vec<Figure> {
    vec![
        Figure {
            name: "chapter02-himmelblau-surface.svg",
            draw: himmelblau_surface,
        },
        Figure {
            name: "chapter02-himmelblau-contours.svg",
            draw: himmelblau_contours,
        },
        Figure {
            name: "chapter02-gradient-and-level-curve.svg",
            draw: gradient_and_level_curve,
        },
    ]
}

/// A colour from blue through green to yellow and red for t in [0, 1], like the
/// seed post's "rainbow" colour map but lighter, so the mesh lines stay legible.
fn rainbow(t: f64) -> RGBColor {
    let stops = [
        (40.0, 80.0, 200.0),
        (40.0, 170.0, 210.0),
        (90.0, 200.0, 100.0),
        (240.0, 220.0, 60.0),
        (235.0, 110.0, 40.0),
        (200.0, 30.0, 40.0),
    ];
    let t = t.clamp(0.0, 1.0) * (stops.len() - 1) as f64;
    let i = (t.floor() as usize).min(stops.len() - 2);
    let s = t - i as f64;
    let mix = |a: f64, b: f64| (a + (b - a) * s).round() as u8;
    let ((r0, g0, b0), (r1, g1, b1)) = (stops[i], stops[i + 1]);
    RGBColor(mix(r0, r1), mix(g0, g1), mix(b0, b1))
}

/// The surface's height for a value f of Himmelblau's function: log10(1 + f/10), a
/// logarithmic scale that starts at 0 where f = 0. It shrinks the walls, where f
/// reaches 2186, to twice the height of the basin's floor, where f is about 100, and
/// leaves room for the four dips to f = 0.
fn log_height(f: f64) -> f64 {
    (1.0 + f / 10.0).log10()
}

/// The vertical axis of the surface, in `log_height`, from 0 to `top`, with its
/// ticks where f is 0, 10, 100 and 1000.
struct LogHeight {
    top: f64,
}

impl Ranged for LogHeight {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let t = value / self.top;
        limit.0 + (t * f64::from(limit.1 - limit.0)).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, _hint: Hint) -> Vec<f64> {
        [0.0, 10.0, 100.0, 1000.0].map(log_height).to_vec()
    }

    fn range(&self) -> Range<f64> {
        0.0..self.top
    }
}

/// Himmelblau's function over [-6, 6]^2 as a surface, on the logarithmic height
/// scale of `log_height` so that the basin's four dips show; the colours follow the
/// height.
fn himmelblau_surface() -> Result<String> {
    // log_height(2186), at the corner (6, 6), is 2.34.
    let top = 2.4;
    svg(720, 660, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "Himmelblau's function, height on a logarithmic scale: log₁₀(1 + f/10)",
                ("sans-serif", 18),
            )
            .margin(10)
            // plotters' vertical axis is its y; Himmelblau's y runs along its z.
            .build_cartesian_3d(-6.0..6.0, LogHeight { top }, -6.0..6.0)?;
        chart.with_projection(|mut p| {
            p.yaw = 0.6;
            p.pitch = 0.62;
            p.scale = 0.8;
            p.into_matrix()
        });
        // The tick labels of x and y are drawn below, by hand: plotters would write
        // both axes' "6" on the same spot, the corner where they meet.
        chart
            .configure_axes()
            .light_grid_style(BLACK.mix(0.1))
            .max_light_lines(1)
            .x_labels(7)
            .z_labels(7)
            .label_style(("sans-serif", 13))
            .x_formatter(&|_| String::new())
            .y_formatter(&|&v| format!("{:.0}", 10.0 * (10f64.powf(v) - 1.0)))
            .z_formatter(&|_| String::new())
            .draw()?;
        let along = || (0..=48).map(|k| -6.0 + 12.0 * k as f64 / 48.0);
        let peak = log_height(himmelblau([6.0, 6.0]));
        chart.draw_series(
            SurfaceSeries::xoz(along(), along(), |x, y| {
                log_height(himmelblau([x, y]))
            })
            .style_func(&|&height| rainbow(height / peak).filled()),
        )?;
        let tick = ("sans-serif", 13)
            .into_font()
            .color(&BLACK)
            .pos(Pos::new(HPos::Center, VPos::Center));
        let ticks = (-6..=6).step_by(2).map(f64::from);
        chart.draw_series(
            ticks
                .clone()
                .map(|t| Text::new(format!("{t:.0}"), (t, 0.0, 7.1), tick.clone())),
        )?;
        chart.draw_series(
            ticks.map(|t| Text::new(format!("{t:.0}"), (7.1, 0.0, t), tick.clone())),
        )?;
        let axis_name = ("sans-serif", 18).into_font().color(&BLACK);
        let names = [
            ("x", (0.0, 0.0, 9.0)),
            ("y", (9.0, 0.0, 0.0)),
            ("f", (-6.0, top * 1.08, 6.0)),
        ];
        chart.draw_series(
            names.map(|(name, at)| Text::new(name, at, axis_name.clone())),
        )?;
        Ok(())
    })
}

/// The legend's name of each kind of critical point.
fn kind_label(kind: CriticalKind) -> &'static str {
    match kind {
        CriticalKind::Minimum => "minimum (f = 0)",
        CriticalKind::Maximum => "maximum",
        CriticalKind::Saddle => "saddle point",
        CriticalKind::Undecided => "undecided",
    }
}

/// Draws the marker of a critical point of this kind at `at`, in pixels: as in
/// chapter 3's figures, minima black dots, the maximum a red triangle, saddle points
/// red crosses.
fn marker_at<DB: DrawingBackend>(
    kind: CriticalKind,
    (x, y): (i32, i32),
) -> DynElement<'static, DB, (i32, i32)> {
    match kind {
        CriticalKind::Minimum => Circle::new((x, y), 6, BLACK.filled()).into_dyn(),
        CriticalKind::Maximum => {
            TriangleMarker::new((x, y), 8, RED_.filled()).into_dyn()
        }
        CriticalKind::Saddle => {
            Cross::new((x, y), 6, RED_.stroke_width(3)).into_dyn()
        }
        CriticalKind::Undecided => Circle::new((x, y), 6, BLACK).into_dyn(),
    }
}

/// The level curves drawn on the contour map.
const LEVELS: [f64; 16] = [
    0.5, 2.0, 6.0, 15.0, 30.0, 50.0, 80.0, 120.0, 160.0, 175.0, 180.0, 250.0, 400.0,
    700.0, 1100.0, 1600.0,
];

/// The levels labelled on the map, each beside the point of its curve nearest to an
/// anchor chosen where the curves are well apart.
const LABELS: [(f64, (f64, f64)); 10] = [
    (2.0, (-2.8, 4.0)),
    (15.0, (-4.0, -1.5)),
    (50.0, (-1.6, 3.2)),
    (80.0, (1.3, -4.0)),
    (120.0, (-1.5, -1.3)),
    (175.0, (-0.27, -0.2)),
    (250.0, (0.0, -3.6)),
    (400.0, (0.0, -4.4)),
    (700.0, (0.0, -5.3)),
    (1600.0, (5.6, 5.2)),
];

/// The point of the level curve `level` of f nearest to `anchor`.
fn nearest_on_level(
    f: impl Fn(f64, f64) -> f64,
    grid: Grid,
    level: f64,
    anchor: (f64, f64),
) -> Option<(f64, f64)> {
    let distance = |p: &(f64, f64)| (p.0 - anchor.0).hypot(p.1 - anchor.1);
    level_curves(f, grid, level)
        .into_iter()
        .flatten()
        .min_by(|a, b| distance(a).total_cmp(&distance(b)))
}

/// Himmelblau's contour map with the gradient field as arrows on a coarse grid, some
/// level values written on their curves, and the nine critical points marked by
/// kind; the legend sits below the map.
fn himmelblau_contours() -> Result<String> {
    let points = himmelblau_critical_points();
    // The plotting area is square (616 × 616 pixels), so right angles look right.
    svg(680, 790, |root| {
        let (top, bottom) = root.split_vertically(705);
        let mut chart = ChartBuilder::on(&top)
            .caption(
                "Contours of Himmelblau's function and its gradient (arrows, scaled)",
                ("sans-serif", 18),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(40)
            .build_cartesian_2d(-6.0..6.0, -6.0..6.0)?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_desc("x")
            .y_desc("y")
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_label_formatter(&|v| format!("{v:.0}"))
            .draw()?;
        let grid = Grid {
            x: (-6.0, 6.0),
            y: (-6.0, 6.0),
            n: 240,
        };
        let f = |x, y| himmelblau([x, y]);
        let contour_style = RGBColor(120, 120, 140).stroke_width(1);
        draw_contours(&mut chart, f, grid, &LEVELS, contour_style)?;

        // Arrows of length 0.5 |g| / (|g| + 40): short where the slope is gentle,
        // never longer than half the grid spacing of 1.
        let arrow_style = RGBColor(20, 130, 60).stroke_width(1);
        for i in 0..12 {
            for j in 0..12 {
                let (x, y) = (-5.5 + i as f64, -5.5 + j as f64);
                let [gx, gy] = himmelblau_gradient([x, y]);
                let size = gx.hypot(gy);
                let length = 0.5 * size / (size + 40.0);
                let (ux, uy) = (gx / size, gy / size);
                let tip = (x + length * ux, y + length * uy);
                let head = 0.12_f64.min(0.5 * length);
                let barb = |turn: f64| {
                    let (c, s) = (turn.cos(), turn.sin());
                    let (bx, by) = (-(c * ux - s * uy), -(s * ux + c * uy));
                    (tip.0 + head * bx, tip.1 + head * by)
                };
                chart
                    .draw_series(LineSeries::new(vec![(x, y), tip], arrow_style))?;
                chart.draw_series(LineSeries::new(
                    vec![barb(0.45), tip, barb(-0.45)],
                    arrow_style,
                ))?;
            }
        }

        // Each labelled level's value on a white patch over its curve.
        let label_style = ("sans-serif", 12)
            .into_font()
            .color(&RGBColor(70, 70, 90))
            .pos(Pos::new(HPos::Center, VPos::Center));
        for (level, anchor) in LABELS {
            let Some(at) = nearest_on_level(f, grid, level, anchor) else {
                anyhow::bail!("the level curve f = {level} has no points");
            };
            let text = format!("{level}");
            let half = 3 * text.len() as i32 + 3;
            chart.draw_series([EmptyElement::at(at)
                + Rectangle::new([(-half, -7), (half, 7)], WHITE.filled())
                + Text::new(text, (0, 0), label_style.clone())])?;
        }

        for point in &points {
            chart.draw_series([EmptyElement::at((point.at[0], point.at[1]))
                + marker_at(point.kind, (0, 0))])?;
        }

        // The legend, below the map: what the lines and the markers mean.
        let text = ("sans-serif", 13).into_font().color(&BLACK);
        let bottom = bottom.margin(4, 4, 52, 12);
        let line = |(x, y): (i32, i32), style: ShapeStyle| {
            PathElement::new(vec![(x, y), (x + 22, y)], style)
        };
        bottom.draw(&line((0, 8), contour_style))?;
        bottom.draw(&Text::new(
            "level curves f = 0.5, 2, 6, 15, 30, 50, 80, 120, 160, 175, 180,",
            (30, 1),
            text.clone(),
        ))?;
        bottom.draw(&Text::new(
            "250, 400, 700, 1100, 1600 (some labelled on the map)",
            (30, 19),
            text.clone(),
        ))?;
        bottom.draw(&line((0, 44), arrow_style))?;
        bottom.draw(&Text::new(
            "gradient ∇f (scaled, pointing uphill)",
            (30, 37),
            text.clone(),
        ))?;
        for (row, kind) in [
            CriticalKind::Minimum,
            CriticalKind::Maximum,
            CriticalKind::Saddle,
        ]
        .into_iter()
        .enumerate()
        {
            let y = 8 + 18 * row as i32;
            bottom.draw(&(EmptyElement::at((440, y)) + marker_at(kind, (0, 0))))?;
            bottom.draw(&Text::new(kind_label(kind), (456, y - 7), text.clone()))?;
        }
        Ok(())
    })
}

/// The level curve of f(x, y) = x² y + y³ through (2, 1), with the gradient there,
/// the level curve's tangent, and the direction (3, 4)/5.
fn gradient_and_level_curve() -> Result<String> {
    let p = [2.0, 1.0];
    let [gx, gy] = cubic_gradient(&p);
    let size = gx.hypot(gy);
    // The plotting area is square (496 × 496 pixels), so the right
    // angle between the gradient and the tangent looks like one.
    svg(560, 582, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "f(x, y) = x²y + y³: the gradient at (2, 1) and the level curve f = 5",
                ("sans-serif", 16),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(40)
            .build_cartesian_2d(0.8..3.4, -0.3..2.3)?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(BLACK.mix(0.08))
            .x_desc("x")
            .y_desc("y")
            .draw()?;
        let grid = Grid {
            x: (0.8, 3.4),
            y: (-0.3, 2.3),
            n: 120,
        };
        let f = |x, y| cubic(&[x, y]);
        let faint = RGBColor(170, 170, 185).stroke_width(1);
        draw_contours(&mut chart, f, grid, &[2.0, 3.0, 4.0, 6.0, 7.0, 8.0], faint)?;
        chart
            .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())?
            .label("level curves f = 2, 3, 4, 6, 7, 8")
            .legend(legend_line(faint));
        let level = BLACK.stroke_width(2);
        draw_contours(&mut chart, f, grid, &[5.0], level)?;
        chart
            .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())?
            .label("level curve f = 5 through (2, 1)")
            .legend(legend_line(level));

        // Unit vectors, drawn at length one so the three compare directly.
        let arrows = [
            (
                "∇f / |∇f| = (4, 7) / √65: rate √65 ≈ 8.06",
                RGBColor(20, 130, 60),
                (gx / size, gy / size),
            ),
            (
                "u = (3, 4) / 5: rate ∇f · u = 8",
                RGBColor(0, 90, 200),
                (0.6, 0.8),
            ),
            (
                "tangent (7, −4) / √65: rate 0",
                RGBColor(210, 30, 40),
                (gy / size, -gx / size),
            ),
        ];
        for (label, colour, (ux, uy)) in arrows {
            let style = colour.stroke_width(2);
            let tip = (p[0] + ux, p[1] + uy);
            let barb = |turn: f64| {
                let (c, s) = (turn.cos(), turn.sin());
                let (bx, by) = (-(c * ux - s * uy), -(s * ux + c * uy));
                (tip.0 + 0.12 * bx, tip.1 + 0.12 * by)
            };
            chart
                .draw_series(LineSeries::new(vec![(p[0], p[1]), tip], style))?
                .label(label)
                .legend(legend_line(style));
            chart.draw_series(LineSeries::new(
                vec![barb(0.4), tip, barb(-0.4)],
                style,
            ))?;
        }
        chart.draw_series([Circle::new((p[0], p[1]), 5, BLACK.filled())])?;
        legend(&mut chart, SeriesLabelPosition::LowerRight)?;
        Ok(())
    })
}
