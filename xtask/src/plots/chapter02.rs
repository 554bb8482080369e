//! Chapter 2's figures: Himmelblau's function as a surface, as a contour map with its
//! gradient field and its nine critical points, and the gradient of the worked
//! example beside its level curve.

use super::contour::Grid;
use super::{Figure, draw_contours, legend, legend_line, svg};
use anyhow::Result;
use chapter02::critical::{CriticalKind, himmelblau_critical_points};
use chapter02::exercises::himmelblau_gradient;
use chapter02::himmelblau::himmelblau;
use chapter02::partial::{cubic, cubic_gradient};
use plotters::prelude::*;

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

/// Himmelblau's function over [-6, 6]^2 as a surface, coloured by height.
fn himmelblau_surface() -> Result<String> {
    let top = 2200.0;
    svg(720, 600, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "Himmelblau's function f(x, y) = (x² + y − 11)² + (x + y² − 7)²",
                ("sans-serif", 20),
            )
            .margin(10)
            // plotters' vertical axis is its y; Himmelblau's y runs along its z.
            .build_cartesian_3d(-6.0..6.0, 0.0..top, -6.0..6.0)?;
        chart.with_projection(|mut p| {
            p.yaw = 0.6;
            p.pitch = 0.45;
            p.scale = 0.85;
            p.into_matrix()
        });
        chart
            .configure_axes()
            .light_grid_style(BLACK.mix(0.1))
            .max_light_lines(2)
            .label_style(("sans-serif", 13))
            .x_formatter(&|v| format!("{v:.0}"))
            .y_formatter(&|v| format!("{v:.0}"))
            .z_formatter(&|v| format!("{v:.0}"))
            .draw()?;
        let along = || (0..=48).map(|k| -6.0 + 12.0 * k as f64 / 48.0);
        chart.draw_series(
            SurfaceSeries::xoz(along(), along(), |x, y| himmelblau([x, y]))
                .style_func(&|&f| rainbow((f / top).sqrt()).filled()),
        )?;
        let axis_name = ("sans-serif", 18).into_font().color(&BLACK);
        let names = [
            ("x", (0.0, 0.0, 8.5)),
            ("y", (8.5, 0.0, 0.0)),
            ("f", (-6.0, top * 1.1, 6.0)),
        ];
        chart.draw_series(
            names.map(|(name, at)| Text::new(name, at, axis_name.clone())),
        )?;
        Ok(())
    })
}

/// The colour and marker of each kind of critical point.
fn marker(kind: CriticalKind) -> (&'static str, RGBColor) {
    match kind {
        CriticalKind::Minimum => ("minimum (f = 0)", RGBColor(0, 90, 200)),
        CriticalKind::Maximum => ("maximum", RGBColor(210, 30, 40)),
        CriticalKind::Saddle => ("saddle point", RGBColor(230, 120, 0)),
        CriticalKind::Undecided => ("undecided", BLACK),
    }
}

/// Draws the marker of a critical point of this kind at `at`, in pixels.
fn marker_at<DB: DrawingBackend>(
    kind: CriticalKind,
    (x, y): (i32, i32),
) -> DynElement<'static, DB, (i32, i32)> {
    let (_, colour) = marker(kind);
    match kind {
        CriticalKind::Minimum => Circle::new((x, y), 6, colour.filled()).into_dyn(),
        CriticalKind::Maximum => {
            TriangleMarker::new((x, y), 8, colour.filled()).into_dyn()
        }
        CriticalKind::Saddle => {
            Cross::new((x, y), 6, colour.stroke_width(3)).into_dyn()
        }
        CriticalKind::Undecided => Circle::new((x, y), 6, colour).into_dyn(),
    }
}

/// Himmelblau's contour map with the gradient field as arrows on a coarse grid and
/// the nine critical points marked by kind.
fn himmelblau_contours() -> Result<String> {
    let points = himmelblau_critical_points();
    // The plotting area is square (616 × 616 pixels), so right angles look right.
    svg(680, 705, |root| {
        let mut chart = ChartBuilder::on(root)
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
        let levels = [
            0.5, 2.0, 6.0, 15.0, 30.0, 50.0, 80.0, 120.0, 160.0, 175.0, 180.0,
            250.0, 400.0, 700.0, 1100.0, 1600.0,
        ];
        let f = |x, y| himmelblau([x, y]);
        let contour_style = RGBColor(120, 120, 140).stroke_width(1);
        draw_contours(&mut chart, f, grid, &levels, contour_style)?;
        chart
            .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())?
            .label("level curves f = 0.5, 2, 6, 15, … 1600")
            .legend(legend_line(contour_style));

        // Arrows of length 0.5 |g| / (|g| + 40): short where the slope is gentle,
        // never longer than half the grid spacing of 1.
        let arrow_style = RGBColor(20, 130, 60).stroke_width(1);
        let mut arrows = Vec::new();
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
                arrows.push(vec![(x, y), tip]);
                arrows.push(vec![barb(0.45), tip, barb(-0.45)]);
            }
        }
        let mut first = true;
        for arrow in arrows {
            let series = chart.draw_series(LineSeries::new(arrow, arrow_style))?;
            if first {
                series
                    .label("gradient ∇f (scaled, pointing uphill)")
                    .legend(legend_line(arrow_style));
                first = false;
            }
        }

        for kind in [
            CriticalKind::Minimum,
            CriticalKind::Maximum,
            CriticalKind::Saddle,
        ] {
            let (label, _) = marker(kind);
            let here: Vec<(f64, f64)> = points
                .iter()
                .filter(|p| p.kind == kind)
                .map(|p| (p.at[0], p.at[1]))
                .collect();
            chart
                .draw_series(
                    here.iter()
                        .map(|&at| EmptyElement::at(at) + marker_at(kind, (0, 0))),
                )?
                .label(label)
                .legend(move |at| marker_at(kind, at));
        }
        legend(&mut chart, SeriesLabelPosition::UpperRight)?;
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
