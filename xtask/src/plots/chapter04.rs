//! Chapter 4's figures: batch against stochastic descent on the seed post's three
//! points; batch, mini-batch and stochastic descent on a noisy line, by cost and as
//! paths on the cost's contour map; and the two-weight network's paths to the valley
//! of equal loss.

use super::contour::Grid;
use super::{
    BLUE_, CONTOUR, Figure, GREEN, ORANGE, PURPLE, RED_, draw_contours, legend,
    legend_line, sample, svg,
};
use anyhow::Result;
use chapter04::exercises::{least_squares, mse};
use chapter04::experiments::{
    EPOCHS, LONG_RUN, START, TWO_WEIGHT_STARTS, comparison_runs, noisy_data,
    seed_data,
};
use chapter04::ndarray::{Array1, array};
use chapter04::points::seed_points;
use chapter04::seed::{
    SEED_EPOCHS, SEED_LR, SEED_W, after_epochs, batch_factor, sgd_factor,
};
use chapter04::train::{Order, descend};
use chapter04::two_weights::{
    TWO_WEIGHT_LR, TWO_WEIGHT_STEPS, slope_through_origin, two_weight_fit,
    two_weight_loss,
};
use plotters::prelude::*;

pub fn figures() -> Vec<Figure> {
    vec![
        Figure {
            name: "chapter04-batch-vs-sgd-loss.svg",
            draw: batch_vs_sgd_loss,
        },
        Figure {
            name: "chapter04-minibatch-comparison.svg",
            draw: minibatch_comparison,
        },
        Figure {
            name: "chapter04-paths-on-cost-surface.svg",
            draw: paths_on_cost_surface,
        },
        Figure {
            name: "chapter04-two-weights-path.svg",
            draw: two_weights_path,
        },
    ]
}

/// The colours of batch, mini-batch and stochastic descent in every figure.
const METHOD_COLOURS: [RGBColor; 3] = [BLUE_, GREEN, ORANGE];

/// The indices 0..len, all of the first `dense`, then about `per_decade` per
/// factor of ten: enough to draw a long record on a log scale in a small file.
fn log_indices(len: usize, dense: usize, per_decade: f64) -> Vec<usize> {
    let mut picked: Vec<usize> = (0..len.min(dense)).collect();
    let ratio = 10f64.powf(1.0 / per_decade);
    let mut next = dense.max(1) as f64;
    while (next as usize) < len {
        let k = next as usize;
        if picked.last() != Some(&k) {
            picked.push(k);
        }
        next *= ratio;
    }
    if len > 0 && picked.last() != Some(&(len - 1)) {
        picked.push(len - 1);
    }
    picked
}

/// Left: the cost on the three seed points against epoch, for batch descent and
/// stochastic descent, each at the start of every epoch, with the closed forms of
/// section 4.2 and 4.3 as dots. Right: the cost against the number of updates.
fn batch_vs_sgd_loss() -> Result<String> {
    let (x, y) = seed_data();
    let start = array![SEED_W];
    let run = |batch_size| {
        let (x, y, w) = (x.view(), y.view(), start.view());
        descend(x, y, w, SEED_LR, SEED_EPOCHS, batch_size, Order::AsGiven)
    };
    let (batch, sgd) = (run(3), run(1));
    let cost = |p: &Array1<f64>| mse(x.view(), y.view(), p.view());
    // The cost is (14/3) (w - 2)^2, and w - 2 shrinks by a closed-form factor
    // each epoch.
    let closed = |factor: f64, every: usize| -> Vec<(f64, f64)> {
        (0..=SEED_EPOCHS)
            .step_by(every)
            .map(|k| {
                let w = after_epochs(SEED_W, factor, k);
                (k as f64, (14.0 / 3.0 * (w - 2.0).powi(2)).log10())
            })
            .collect()
    };
    svg(1000, 470, |root| {
        let (left, right) = root.split_horizontally(500);
        let panels = [
            (left, "against epochs", "epoch", SEED_EPOCHS as f64),
            (
                right,
                "against updates",
                "updates",
                3.0 * SEED_EPOCHS as f64,
            ),
        ];
        for (k, (area, title, x_desc, x_max)) in panels.into_iter().enumerate() {
            let mut chart = ChartBuilder::on(&area)
                .caption(
                    format!("Cost of y = w·x on three points, {title}"),
                    ("sans-serif", 17),
                )
                .margin(12)
                .x_label_area_size(38)
                .y_label_area_size(58)
                .build_cartesian_2d(0.0..x_max, -28.0..2.0)?;
            chart
                .configure_mesh()
                .y_labels(8)
                .x_desc(x_desc)
                .y_desc("cost (mean squared error), log scale")
                .x_label_formatter(&|v| format!("{v:.0}"))
                .y_label_formatter(&|v| format!("1e{v:.0}"))
                .draw()?;
            let runs = [
                ("batch: 1 update per epoch", &batch, BLUE_),
                ("stochastic: 3 updates per epoch", &sgd, ORANGE),
            ];
            for (label, run, colour) in runs {
                let costs: Vec<f64> = if k == 0 {
                    run.epoch_ends().map(cost).collect()
                } else {
                    run.path.iter().map(cost).collect()
                };
                let points = costs
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| (i as f64, c.log10()));
                let style = colour.stroke_width(2);
                chart
                    .draw_series(LineSeries::new(points, style))?
                    .label(label)
                    .legend(legend_line(style));
            }
            if k == 0 {
                let dots = closed(batch_factor(SEED_LR), 5)
                    .into_iter()
                    .chain(closed(sgd_factor(SEED_LR), 5));
                chart
                    .draw_series(dots.map(|p| Circle::new(p, 3, BLACK.filled())))?
                    .label(
                        "closed forms: w − 2 shrinks by 0.9067 and 0.7393 per epoch",
                    )
                    .legend(|(x, y)| Circle::new((x + 10, y), 3, BLACK.filled()));
            }
            legend(&mut chart, SeriesLabelPosition::LowerLeft)?;
        }
        Ok(())
    })
}

/// The cost on all of the noisy data above the least-squares cost, after every
/// update of each of the three runs: left against epochs (gradient evaluations / n),
/// right against updates, both on log scales.
fn minibatch_comparison() -> Result<String> {
    let (x, y) = noisy_data();
    let best = least_squares(x.column(0), y.view());
    let floor = mse(x.view(), y.view(), best.view());
    let runs = comparison_runs();
    let n = x.nrows() as f64;
    svg(1000, 500, |root| {
        let (left, right) = root.split_horizontally(500);
        for (k, area) in [left, right].into_iter().enumerate() {
            let (title, x_desc, x_range) = if k == 0 {
                (
                    "against epochs",
                    "epochs = gradient evaluations / 200",
                    1.0 / n..100.0,
                )
            } else {
                ("against updates", "updates", 1.0..20000.0)
            };
            let mut chart = ChartBuilder::on(&area)
                .caption(
                    format!("Excess cost on the noisy line, {title}"),
                    ("sans-serif", 17),
                )
                .margin(12)
                .x_label_area_size(38)
                .y_label_area_size(58)
                .build_cartesian_2d(x_range.log_scale(), (1e-5..30.0).log_scale())?;
            chart
                .configure_mesh()
                .x_desc(x_desc)
                .y_desc("cost − least-squares cost")
                .x_label_formatter(&|v| format!("{v:e}"))
                .y_label_formatter(&|v| format!("{v:.0e}"))
                .draw()?;
            // Batch descent, smooth, last and thickest, on top of the noisy two.
            for ((name, run), colour) in runs.iter().zip(METHOD_COLOURS).rev() {
                let per_update = n / run.updates_per_epoch as f64;
                let points: Vec<(f64, f64)> = log_indices(run.path.len(), 30, 80.0)
                    .into_iter()
                    .skip(1)
                    .map(|u| {
                        let excess =
                            mse(x.view(), y.view(), run.path[u].view()) - floor;
                        let at = if k == 0 {
                            u as f64 * per_update / n
                        } else {
                            u as f64
                        };
                        (at, excess.max(1e-5))
                    })
                    .collect();
                let label = format!(
                    "{name}: {} update{} per epoch",
                    run.updates_per_epoch,
                    if run.updates_per_epoch == 1 { "" } else { "s" }
                );
                let width = if run.updates_per_epoch == 1 { 3 } else { 1 };
                let style = colour.stroke_width(width);
                chart
                    .draw_series(LineSeries::new(points, style))?
                    .label(label)
                    .legend(legend_line(colour.stroke_width(2)));
            }
            legend(&mut chart, SeriesLabelPosition::LowerLeft)?;
        }
        Ok(())
    })
}

/// The three runs as paths in the (w, b) plane on the contour map of the cost: left
/// their first two epochs, right a close-up of the minimum with where each run is at
/// the end of epochs 10 to 100.
fn paths_on_cost_surface() -> Result<String> {
    let (x, y) = noisy_data();
    let best = least_squares(x.column(0), y.view());
    let floor = mse(x.view(), y.view(), best.view());
    let cost = |w: f64, b: f64| mse(x.view(), y.view(), array![w, b].view());
    let runs = comparison_runs();
    svg(1000, 520, |root| {
        let (left, right) = root.split_horizontally(500);
        let mut chart = ChartBuilder::on(&left)
            .caption("The first 100 updates from (0, 0)", ("sans-serif", 17))
            .margin(12)
            .x_label_area_size(38)
            .y_label_area_size(44)
            .build_cartesian_2d(-0.2..2.8, -0.2..2.8)?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_desc("w")
            .y_desc("b")
            .draw()?;
        let levels: Vec<f64> = [0.01, 0.05, 0.2, 0.5, 1.0, 2.0, 4.0, 7.0, 11.0]
            .iter()
            .map(|l| floor + l)
            .collect();
        let grid = Grid {
            x: (-0.2, 2.8),
            y: (-0.2, 2.8),
            n: 160,
        };
        draw_contours(&mut chart, cost, grid, &levels, CONTOUR.stroke_width(1))?;
        // The same number of updates for each: batch descent's whole run.
        let updates = EPOCHS;
        for ((name, run), colour) in runs.iter().zip(METHOD_COLOURS) {
            let points: Vec<(f64, f64)> =
                run.path[..=updates].iter().map(|p| (p[0], p[1])).collect();
            let epochs = updates as f64 / run.updates_per_epoch as f64;
            // Thinner the more updates an epoch holds, so that the noisy paths do
            // not hide batch descent's.
            let width = match run.updates_per_epoch {
                1 => 5,
                u if u < 100 => 3,
                _ => 1,
            };
            let style = colour.stroke_width(width);
            chart
                .draw_series(LineSeries::new(points.clone(), style))?
                .label(format!("{name}: {updates} updates = {epochs} epochs"))
                .legend(legend_line(style));
        }
        chart.draw_series([Cross::new(
            (best[0], best[1]),
            7,
            RED_.stroke_width(3),
        )])?;
        chart.draw_series([Rectangle::new(
            [
                (START[0] - 0.03, START[1] - 0.03),
                (START[0] + 0.03, START[1] + 0.03),
            ],
            BLACK.filled(),
        )])?;
        legend(&mut chart, SeriesLabelPosition::UpperLeft)?;

        let (w0, b0) = (best[0], best[1]);
        let zoom = (w0 - 0.25..w0 + 0.25, b0 - 0.25..b0 + 0.25);
        let mut chart = ChartBuilder::on(&right)
            .caption(
                "Epochs 10 to 100, near the minimum (red cross)",
                ("sans-serif", 17),
            )
            .margin(12)
            .x_label_area_size(38)
            .y_label_area_size(44)
            .build_cartesian_2d(zoom.0.clone(), zoom.1.clone())?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_desc("w")
            .y_desc("b")
            .draw()?;
        let levels: Vec<f64> = [0.0005, 0.002, 0.005, 0.01, 0.02]
            .iter()
            .map(|l| floor + l)
            .collect();
        let grid = Grid {
            x: (zoom.0.start, zoom.0.end),
            y: (zoom.1.start, zoom.1.end),
            n: 120,
        };
        draw_contours(&mut chart, cost, grid, &levels, CONTOUR.stroke_width(1))?;
        for ((name, run), colour) in runs.iter().zip(METHOD_COLOURS) {
            let ends: Vec<(f64, f64)> =
                run.epoch_ends().skip(10).map(|p| (p[0], p[1])).collect();
            // Batch descent's ends form a path; the others' are a cloud.
            if run.updates_per_epoch == 1 {
                let style = colour.stroke_width(1);
                chart.draw_series(LineSeries::new(ends.clone(), style))?;
            }
            chart
                .draw_series(
                    ends.iter().map(|&p| Circle::new(p, 3, colour.filled())),
                )?
                .label(format!("{name}: end of each epoch"))
                .legend(move |(x, y)| Circle::new((x + 10, y), 3, colour.filled()));
        }
        chart.draw_series([Cross::new((w0, b0), 8, RED_.stroke_width(3))])?;
        legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}

/// The two-weight network's paths in the (w1, w2) plane from several starts on the
/// contour map of its loss: the seed's 999 steps, then on to `LONG_RUN` steps, with
/// the valley floor w1 w2 = sum x y / sum x^2.
fn two_weights_path() -> Result<String> {
    let (x, y) = seed_points();
    let p = slope_through_origin(x.view(), y.view());
    let floor = two_weight_loss(x.view(), y.view(), [p, 1.0]);
    let (xr, yr) = (0.0..1.35, 0.0..1.1);
    svg(760, 640, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "y = x·w1·w2: descent (lr = 1e-6) from five starts to the valley \
                 w1·w2 = Σxy / Σx²",
                ("sans-serif", 16),
            )
            .margin(12)
            .x_label_area_size(38)
            .y_label_area_size(44)
            .build_cartesian_2d(xr.clone(), yr.clone())?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_desc("w1")
            .y_desc("w2")
            .draw()?;
        let loss = |a: f64, b: f64| two_weight_loss(x.view(), y.view(), [a, b]);
        let levels: Vec<f64> = [1.0, 4.0, 10.0, 20.0, 40.0, 70.0]
            .iter()
            .map(|l| floor + l)
            .collect();
        let grid = Grid {
            x: (xr.start, xr.end),
            y: (yr.start, yr.end),
            n: 160,
        };
        draw_contours(&mut chart, loss, grid, &levels, CONTOUR.stroke_width(1))?;
        let hyperbola = sample(p / yr.end, xr.end, 200, |w1| p / w1);
        let style = RED_.stroke_width(2);
        chart
            .draw_series(LineSeries::new(hyperbola, style))?
            .label(format!("w1·w2 = {p:.4}: the least loss, {floor:.3}"))
            .legend(legend_line(style));
        for (i, start) in TWO_WEIGHT_STARTS.into_iter().enumerate() {
            let run =
                two_weight_fit(x.view(), y.view(), start, TWO_WEIGHT_LR, LONG_RUN);
            let colour = if i == 0 { BLUE_ } else { PURPLE };
            let pick =
                |range: std::ops::RangeInclusive<usize>, every| -> Vec<(f64, f64)> {
                    range
                        .step_by(every)
                        .map(|k| (run.path[k][0], run.path[k][1]))
                        .collect()
                };
            let first = pick(0..=TWO_WEIGHT_STEPS, 9);
            let rest = pick(TWO_WEIGHT_STEPS..=LONG_RUN, 500);
            let solid = colour.stroke_width(3);
            let series = chart.draw_series(LineSeries::new(first.clone(), solid))?;
            if i < 2 {
                let label = if i == 0 {
                    "the seed's start (0.5, 0.5): 999 steps"
                } else {
                    "other starts: 999 steps"
                };
                series.label(label).legend(legend_line(solid));
            }
            let dashed = colour.mix(0.8).stroke_width(2);
            let series =
                chart.draw_series(DashedLineSeries::new(rest, 4, 3, dashed))?;
            if i < 2 {
                series
                    .label(format!("then on to {LONG_RUN} steps"))
                    .legend(legend_line(dashed));
            }
            chart.draw_series([Rectangle::new(
                [
                    (start[0] - 0.012, start[1] - 0.012),
                    (start[0] + 0.012, start[1] + 0.012),
                ],
                BLACK.filled(),
            )])?;
            let end = run.path[TWO_WEIGHT_STEPS];
            chart.draw_series([Circle::new(
                (end[0], end[1]),
                4,
                colour.filled(),
            )])?;
        }
        legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}
