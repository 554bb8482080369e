//! Chapter 3's figures: descent on a quadratic at several learning rates, paths from
//! several starts on Himmelblau's contour map, plain descent against momentum on a
//! tilted double well, and the seed experiment's three optimizers as paths and as f
//! against step.

use super::contour::Grid;
use super::{
    BLUE_, CONTOUR, Figure, GREEN, ORANGE, PURPLE, RED_, draw_contours, legend,
    legend_line, sample, svg,
};
use anyhow::Result;
use chapter02::critical::{CriticalKind, himmelblau_critical_points};
use chapter03::double_well::{double_well, double_well_critical_points};
use chapter03::experiments::{
    FLAT_AND_STIFF_RATES, WELL_RUNS, double_well_path, himmelblau_runs, points,
    quadratic_path, x_turns,
};
use chapter03::himmelblau::{himmelblau, himmelblau_minima, himmelblau_saddles};
use chapter03::optim::Sgd;
use chapter03::quadratic::quadratic;
use chapter03::seed::seed_loop;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

pub fn figures() -> Vec<Figure> {
    vec![
        Figure {
            name: "chapter03-learning-rate.svg",
            draw: learning_rate,
        },
        Figure {
            name: "chapter03-starting-points.svg",
            draw: starting_points,
        },
        Figure {
            name: "chapter03-momentum.svg",
            draw: momentum,
        },
        Figure {
            name: "chapter03-himmelblau-paths.svg",
            draw: himmelblau_paths,
        },
        Figure {
            name: "chapter03-himmelblau-loss.svg",
            draw: himmelblau_loss,
        },
    ]
}

type Chart<'a> =
    ChartContext<'a, SVGBackend<'a>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Top: x against step on f(x) = 2x² for four learning rates. Bottom: the paths of the
/// example's four learning rates on f(x, y) = (x² + 10y²)/2 from (1, 1), over its level
/// curves.
fn learning_rate() -> Result<String> {
    svg(760, 1000, |root| {
        let (top, bottom) = root.split_vertically(430);
        let mut chart = ChartBuilder::on(&top)
            .caption(
                "Descent on f(x) = 2x² from x = 1: each step multiplies x by 1 − 4·lr",
                ("sans-serif", 18),
            )
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(44)
            .build_cartesian_2d(0.0..12.0, -3.0..3.0)?;
        chart
            .configure_mesh()
            .x_desc("step k")
            .y_desc("x after k steps")
            .x_label_formatter(&|k| format!("{k:.0}"))
            .draw()?;
        let rates = [
            (0.05, "lr = 0.05: factor 0.8, creeps", ORANGE),
            (0.2, "lr = 0.2: factor 0.2, quick", GREEN),
            (0.4, "lr = 0.4: factor −0.6, oscillates in", BLUE_),
            (0.55, "lr = 0.55: factor −1.2, oscillates out", RED_),
        ];
        for (lr, label, colour) in rates {
            let points: Vec<(f64, f64)> = quadratic_path(&[4.0], &[1.0], lr, 12)
                .iter()
                .enumerate()
                .map(|(k, x)| (k as f64, x[0]))
                .take_while(|&(_, x)| x.abs() <= 3.0)
                .collect();
            let style = colour.stroke_width(2);
            chart
                .draw_series(LineSeries::new(points.clone(), style))?
                .label(label)
                .legend(legend_line(style));
            chart.draw_series(
                points.iter().map(|&p| Circle::new(p, 3, colour.filled())),
            )?;
        }
        legend(&mut chart, SeriesLabelPosition::LowerRight)?;

        let curvatures = [1.0, 10.0];
        let bottom = bottom.titled(
            "On f(x, y) = (x² + 10y²)/2 from (1, 1), the rates of the table: 50 steps each",
            ("sans-serif", 18),
        )?;
        let panels = bottom.split_evenly((2, 2));
        let titles = [
            "lr = 0.1: factors 0.9 and 0",
            "lr = 2/11: factors 9/11 and −9/11",
            "lr = 0.19: factors 0.81 and −0.9",
            "lr = 0.21: factors 0.79 and −1.1",
        ];
        let colours = [ORANGE, BLUE_, GREEN, RED_];
        let (x_range, y_range) = (-0.3..1.3, -1.8..1.8);
        for (((panel, (lr, _)), title), colour) in panels
            .iter()
            .zip(FLAT_AND_STIFF_RATES)
            .zip(titles)
            .zip(colours)
        {
            let mut chart = ChartBuilder::on(panel)
                .caption(title, ("sans-serif", 15))
                .margin(8)
                .x_label_area_size(30)
                .y_label_area_size(46)
                .build_cartesian_2d(x_range.clone(), y_range.clone())?;
            chart
                .configure_mesh()
                .disable_mesh()
                .x_labels(5)
                .y_labels(5)
                .x_desc("x")
                .y_desc("y")
                .draw()?;
            let grid = Grid {
                x: (x_range.start, x_range.end),
                y: (y_range.start, y_range.end),
                n: 160,
            };
            let levels = [0.02, 0.08, 0.2, 0.4, 0.7];
            let f = |x, y| quadratic(&curvatures, &[x, y]);
            draw_contours(&mut chart, f, grid, &levels, CONTOUR.stroke_width(1))?;
            // Up to the first point outside the panel (only at lr = 0.21).
            let inside = |p: &&Vec<f64>| y_range.contains(&p[1]);
            let path = quadratic_path(&curvatures, &[1.0, 1.0], lr, 50);
            let points: Vec<(f64, f64)> = path
                .iter()
                .take_while(inside)
                .map(|p| (p[0], p[1]))
                .collect();
            chart.draw_series(LineSeries::new(
                points.clone(),
                colour.stroke_width(2),
            ))?;
            chart.draw_series(
                points.iter().map(|&p| Circle::new(p, 2, colour.filled())),
            )?;
            chart.draw_series([Circle::new((0.0, 0.0), 4, BLACK.filled())])?;
            chart.draw_series([Rectangle::new(
                [(0.97, 0.93), (1.03, 1.07)],
                BLACK.filled(),
            )])?;
        }
        Ok(())
    })
}

/// Draws the axes, the level curves and the four minima of Himmelblau's function on
/// a chart over [-6, 6]².
fn himmelblau_map(chart: &mut Chart) -> Result<()> {
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
        0.5, 2.0, 6.0, 15.0, 30.0, 50.0, 80.0, 120.0, 160.0, 250.0, 400.0, 700.0,
        1100.0, 1600.0,
    ];
    let f = |x, y| himmelblau(&[x, y]);
    draw_contours(chart, f, grid, &levels, CONTOUR.stroke_width(1))?;
    chart.draw_series(
        himmelblau_minima()
            .into_iter()
            .map(|[x, y]| Circle::new((x, y), 6, BLACK.filled())),
    )?;
    for point in himmelblau_critical_points() {
        let (x, y) = (point.at[0], point.at[1]);
        match point.kind {
            CriticalKind::Maximum => {
                chart.draw_series([TriangleMarker::new(
                    (x, y),
                    8,
                    RED_.filled(),
                )])?;
            }
            CriticalKind::Saddle => {
                chart.draw_series([Cross::new((x, y), 6, RED_.stroke_width(3))])?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// The colour of the paths that end at each of the four minima, left to right.
const MINIMUM_COLOURS: [RGBColor; 4] = [BLUE_, GREEN, ORANGE, PURPLE];

/// The colour of the minimum nearest to p.
fn colour_of(p: [f64; 2]) -> RGBColor {
    let minima = himmelblau_minima();
    let distance = |m: &[f64; 2]| (p[0] - m[0]).hypot(p[1] - m[1]);
    let nearest = (0..4)
        .min_by(|&a, &b| distance(&minima[a]).total_cmp(&distance(&minima[b])))
        .expect("four minima");
    MINIMUM_COLOURS[nearest]
}

/// The starts of the starting-points figure: eight on a circle of radius 1 around
/// Himmelblau's maximum at about (-0.27, -0.92), where the ways part, and twelve on a
/// circle of radius 4.5 around the origin.
fn figure_starts() -> Vec<[f64; 2]> {
    let circle = |centre: [f64; 2], radius: f64, n: usize, turn: f64| {
        (0..n).map(move |k| {
            let angle = std::f64::consts::TAU * (k as f64 + turn) / n as f64;
            [
                centre[0] + radius * angle.cos(),
                centre[1] + radius * angle.sin(),
            ]
        })
    };
    circle([-0.27, -0.92], 1.0, 8, 0.5)
        .chain(circle([0.0, 0.0], 4.5, 12, 0.0))
        .collect()
}

/// Plain descent with lr 0.002 from twenty starts on Himmelblau's contour map, each
/// path coloured by the minimum it reaches.
fn starting_points() -> Result<String> {
    svg(680, 705, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "Plain descent (lr = 0.002) from 20 starts (squares), coloured by where it ends",
                ("sans-serif", 17),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(40)
            .build_cartesian_2d(-6.0..6.0, -6.0..6.0)?;
        himmelblau_map(&mut chart)?;
        for start in figure_starts() {
            let mut descent = Sgd::new(0.002, 0.0)?;
            let record = seed_loop(&mut descent, start, 3000);
            let end = record.last().expect("3000 steps").1;
            let colour = colour_of(end);
            // Every step while the path moves fast, then every 20th.
            let points: Vec<(f64, f64)> = std::iter::once(start)
                .chain(
                    record
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| *k < 300 || k % 20 == 0)
                        .map(|(_, &(_, p))| p),
                )
                .map(|[x, y]| (x, y))
                .collect();
            chart.draw_series(LineSeries::new(points, colour.stroke_width(2)))?;
            chart.draw_series([Rectangle::new(
                [
                    (start[0] - 0.1, start[1] - 0.1),
                    (start[0] + 0.1, start[1] + 0.1),
                ],
                colour.filled(),
            )])?;
        }
        for ([x, y], colour) in himmelblau_minima().into_iter().zip(MINIMUM_COLOURS)
        {
            let style = colour.stroke_width(2);
            chart
                .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())?
                .label(format!("ends at ({x:.2}, {y:.2})"))
                .legend(legend_line(style));
        }
        chart
            .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())?
            .label("maximum (triangle), saddle points (crosses)")
            .legend(|(x, y)| TriangleMarker::new((x + 10, y), 6, RED_.filled()));
        legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    })
}

/// The double well, then x against step from each start for plain descent and
/// momentum.
fn momentum() -> Result<String> {
    const STEPS: usize = 150;
    let [shallow, hump, deep] = double_well_critical_points();
    svg(1100, 400, |root| {
        let panels = root.split_evenly((1, 3));
        let mut chart = ChartBuilder::on(&panels[0])
            .caption("f(x) = (x² − 1)² − x/2", ("sans-serif", 18))
            .margin(10)
            .x_label_area_size(34)
            .y_label_area_size(40)
            .build_cartesian_2d(-2.1..2.1, -1.0..4.0)?;
        chart.configure_mesh().x_desc("x").y_desc("f(x)").draw()?;
        let curve: Vec<(f64, f64)> = sample(-2.1, 2.1, 300, double_well)
            .into_iter()
            .filter(|&(_, y)| y <= 4.0)
            .collect();
        chart.draw_series(LineSeries::new(curve, BLACK.stroke_width(2)))?;
        let marks = [
            (shallow, "shallow minimum"),
            (hump, "hump"),
            (deep, "deep minimum"),
        ];
        for (x, name) in marks {
            chart.draw_series([Circle::new(
                (x, double_well(x)),
                5,
                RED_.filled(),
            )])?;
            chart.draw_series([Text::new(
                name,
                (x - 0.35, double_well(x) - 0.3),
                ("sans-serif", 13),
            )])?;
        }
        for (panel, start) in panels[1..].iter().zip([-2.0, 2.0]) {
            let mut chart = ChartBuilder::on(panel)
                .caption(format!("from x = {start}, lr = 0.01"), ("sans-serif", 18))
                .margin(10)
                .x_label_area_size(34)
                .y_label_area_size(40)
                .build_cartesian_2d(0.0..STEPS as f64, -2.1..2.1)?;
            chart
                .configure_mesh()
                .x_desc("step")
                .y_desc("x")
                .x_label_formatter(&|k| format!("{k:.0}"))
                .draw()?;
            let levels = [
                (shallow, "shallow minimum"),
                (hump, "hump"),
                (deep, "deep minimum"),
            ];
            for (level, name) in levels {
                chart.draw_series(DashedLineSeries::new(
                    [(0.0, level), (STEPS as f64, level)],
                    6,
                    4,
                    BLACK.mix(0.5).stroke_width(1),
                ))?;
                chart.draw_series([Text::new(
                    name,
                    (STEPS as f64 * 0.62, level - 0.06),
                    ("sans-serif", 13).into_font().color(&BLACK.mix(0.7)),
                )])?;
            }
            for (name, from, lr, mu) in
                WELL_RUNS.into_iter().filter(|run| run.1 == start)
            {
                let path = double_well_path(from, lr, mu, STEPS);
                let colour = if mu == 0.0 { ORANGE } else { PURPLE };
                let style = colour.stroke_width(2);
                chart
                    .draw_series(LineSeries::new(
                        path.iter().enumerate().map(|(k, &x)| (k as f64, x)),
                        style,
                    ))?
                    .label(name)
                    .legend(legend_line(style));
            }
            legend(&mut chart, SeriesLabelPosition::Coordinate(150, 100))?;
        }
        Ok(())
    })
}

/// The colours of the three optimizers of the seed experiment.
const OPTIMIZER_COLOURS: [RGBColor; 3] = [ORANGE, PURPLE, BLUE_];

/// The three f32 paths of the seed experiment on Himmelblau's contour map, and a
/// close-up of the saddle point they pass, stretched in y so that momentum's way out
/// and its way back can be told apart, with some of its points numbered.
fn himmelblau_paths() -> Result<String> {
    let runs = himmelblau_runs();
    let start = [-4.0f32, 0.0];
    // x_0, x_1, ... of each run, in f64.
    let paths: Vec<(&str, Vec<(f64, f64)>)> = runs
        .iter()
        .map(|(name, record)| {
            let xs = points(start, record)
                .into_iter()
                .map(|[x, y]| (f64::from(x), f64::from(y)))
                .collect();
            (*name, xs)
        })
        .collect();
    let saddle = himmelblau_saddles()[0];
    svg(1160, 640, |root| {
        let (left, right) = root.split_horizontally(600);
        let mut chart = ChartBuilder::on(&left)
            .caption(
                "From (−4, 0) with lr = 0.001: descent, momentum 0.9, Adam",
                ("sans-serif", 18),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(40)
            .build_cartesian_2d(-6.0..6.0, -6.0..6.0)?;
        himmelblau_map(&mut chart)?;
        for ((name, xs), colour) in paths.iter().zip(OPTIMIZER_COLOURS) {
            // Every point while the paths move fast, then every 25th: a few hundred
            // points draw the same curve as 20000.
            let thinned = xs
                .iter()
                .enumerate()
                .filter(|(k, _)| *k <= 400 || k % 25 == 0)
                .map(|(_, &p)| p);
            let style = colour.stroke_width(2);
            chart
                .draw_series(LineSeries::new(thinned, style))?
                .label(*name)
                .legend(legend_line(style));
        }
        chart.draw_series([Rectangle::new(
            [(-4.2, -0.2), (-3.8, 0.2)],
            BLACK.filled(),
        )])?;
        legend(&mut chart, SeriesLabelPosition::UpperRight)?;

        let (x_range, y_range) = (-4.1..-2.2, -0.3..0.35);
        let mut chart = ChartBuilder::on(&right)
            .caption(
                "Close to the saddle point (red cross), y stretched about 3×",
                ("sans-serif", 18),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d(x_range.clone(), y_range.clone())?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_desc("x")
            .y_desc("y")
            // The tick at 0 is -0.3 + 3 * 0.1, a hair below 0: print it as 0.0.
            .y_label_formatter(&|v: &f64| {
                format!("{:.1}", if v.abs() < 1e-9 { 0.0 } else { *v })
            })
            .draw()?;
        let grid = Grid {
            x: (x_range.start, x_range.end),
            y: (y_range.start, y_range.end),
            n: 200,
        };
        let levels = [
            95.0, 100.0, 102.0, 104.0152, 106.0, 110.0, 120.0, 130.0, 140.0,
        ];
        let f = |x, y| himmelblau(&[x, y]);
        draw_contours(&mut chart, f, grid, &levels, CONTOUR.stroke_width(1))?;
        let inside =
            |&&(x, y): &&(f64, f64)| x_range.contains(&x) && y_range.contains(&y);
        for ((_, xs), colour) in paths.iter().zip(OPTIMIZER_COLOURS) {
            // Up to the first time each path leaves the close-up, every point.
            let near: Vec<(f64, f64)> =
                xs.iter().take_while(inside).copied().collect();
            chart.draw_series(LineSeries::new(
                near.clone(),
                colour.stroke_width(2),
            ))?;
            chart.draw_series(
                near.iter()
                    .take(80)
                    .map(|&p| Circle::new(p, 2, colour.filled())),
            )?;
        }
        // Momentum's point closest to the saddle, and the first three at which it
        // turns back along x, as the example `himmelblau_compare` lists them.
        let momentum = &paths[1].1;
        let distance = |&(x, y): &(f64, f64)| (x - saddle[0]).hypot(y - saddle[1]);
        let closest = (0..momentum.len())
            .min_by(|&a, &b| {
                distance(&momentum[a]).total_cmp(&distance(&momentum[b]))
            })
            .expect("20000 points");
        let turns = x_turns(&points(start, &runs[1].1), 3);
        for k in std::iter::once(closest).chain(turns) {
            let (x, y) = momentum[k];
            chart.draw_series([Circle::new((x, y), 5, PURPLE.stroke_width(2))])?;
            // Text hangs below the point it is placed at: below the path on the
            // way out, above it on the way back.
            let below = x > momentum[k - 1].0 && y < 0.0;
            let at = (x - 0.04, if below { y - 0.012 } else { y + 0.03 });
            chart.draw_series([Text::new(
                format!("x_{k}"),
                at,
                ("sans-serif", 15).into_font().color(&PURPLE),
            )])?;
        }
        chart.draw_series([Cross::new(
            (saddle[0], saddle[1]),
            8,
            RED_.stroke_width(3),
        )])?;
        chart.draw_series([Rectangle::new(
            [(-4.03, -0.01), (-3.97, 0.01)],
            BLACK.filled(),
        )])?;
        Ok(())
    })
}

/// f at x_k against k, the number of steps taken, both on log scales, for the three
/// optimizers of the seed experiment.
fn himmelblau_loss() -> Result<String> {
    let runs = himmelblau_runs();
    svg(760, 520, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "f at x_k, the point after k steps, from (−4, 0) with lr = 0.001, in f32",
                ("sans-serif", 18),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d(
                (1.0..20000.0).log_scale(),
                (1e-14..1e3).log_scale(),
            )?;
        chart
            .configure_mesh()
            .x_desc("k, the number of steps taken")
            .y_desc("f at x_k")
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_label_formatter(&|v| format!("{v:.0e}"))
            .draw()?;
        for ((name, record), colour) in runs.iter().zip(OPTIMIZER_COLOURS) {
            // record[k].0 is f at x_k, before step k. From k = 1 (a log scale has
            // no 0), about a hundred points per factor of ten; f = 0 (Adam, at the
            // end) has no place on a log scale and is left out.
            let points: Vec<(f64, f64)> = record
                .iter()
                .enumerate()
                .skip(1)
                .filter(|(k, _)| *k < 100 || k % (k / 100) == 0)
                .map(|(k, &(f, _))| (k as f64, f64::from(f)))
                .filter(|&(_, f)| f > 0.0)
                .collect();
            let style = colour.stroke_width(2);
            chart
                .draw_series(LineSeries::new(points, style))?
                .label(*name)
                .legend(legend_line(style));
        }
        // The plateau where descent and momentum pass the saddle point.
        let at_saddle = himmelblau(&himmelblau_saddles()[0]);
        chart.draw_series(DashedLineSeries::new(
            [(1.0, at_saddle), (20000.0, at_saddle)],
            6,
            4,
            BLACK.mix(0.5).stroke_width(1),
        ))?;
        chart.draw_series([Text::new(
            format!("f at the saddle point, {at_saddle:.1}"),
            (1.5, at_saddle / 6.0),
            ("sans-serif", 13),
        )])?;
        let adam = &runs[2].1;
        if let Some(k) = adam.iter().position(|&(f, _)| f == 0.0) {
            chart.draw_series([Text::new(
                format!("Adam: f = 0 exactly from x_{k} on"),
                (700.0, 3e-14),
                ("sans-serif", 13),
            )])?;
        }
        legend(&mut chart, SeriesLabelPosition::LowerLeft)?;
        Ok(())
    })
}
