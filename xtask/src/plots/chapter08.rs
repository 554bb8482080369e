//! Chapter 8's figures: how activations and gradients spread layer by layer for four
//! initialisations, the training run on the digits, a grid of test digits with the
//! network's answers, and the loss for three batch sizes per epoch and per second.

use super::{Figure, GREEN, ORANGE, PURPLE, RED_, legend, legend_line, svg};
use anyhow::Result;
use chapter08::batches::{loss_curves, measured_timing, split};
use chapter08::data::argmax;
use chapter08::spread::{DEPTH, INITS, spread};
use chapter08::train::{DIGITS, fit};
use plotters::prelude::*;

pub fn figures() -> Vec<Figure> {
    vec![
        Figure {
            name: "chapter08-init-spread.svg",
            draw: init_spread,
        },
        Figure {
            name: "chapter08-digits-training.svg",
            draw: digits_training,
        },
        Figure {
            name: "chapter08-digits-grid.svg",
            draw: digits_grid,
        },
        Figure {
            name: "chapter08-batch-sizes.svg",
            draw: batch_sizes,
        },
    ]
}

const COLOURS: [RGBColor; 4] = [BLACK, ORANGE, PURPLE, GREEN];

/// A named curve in a colour.
type Curve = (&'static str, RGBColor, Vec<(f64, f64)>);

/// Left: the standard deviation of each hidden layer's activations; right: the
/// root mean square of each layer's weight gradient; both on log scales, for the
/// initialisations that are not all zero (zeros give exactly 0 everywhere).
fn init_spread() -> Result<String> {
    let runs: Vec<_> = INITS
        .iter()
        .map(|&(name, init)| (name, spread(init)))
        .collect();
    svg(1000, 420, |root| {
        let panels = root.split_evenly((1, 2));
        let titles = [
            "std of the activations of hidden layer l",
            "rms of the gradient of the weights of layer l",
        ];
        let ranges = [(1e-10..2.0), (1e-12..10.0)];
        for (p, area) in panels.iter().enumerate() {
            let layers = if p == 0 { DEPTH } else { DEPTH + 1 };
            let mut chart = ChartBuilder::on(area)
                .caption(titles[p], ("sans-serif", 16))
                .margin(12)
                .x_label_area_size(35)
                .y_label_area_size(60)
                .build_cartesian_2d(
                    0.5..layers as f64 + 0.5,
                    ranges[p].clone().log_scale(),
                )?;
            chart
                .configure_mesh()
                .x_desc("layer l")
                .x_labels(layers)
                .x_label_formatter(&|x| format!("{x:.0}"))
                .y_label_formatter(&|y| format!("{y:.0e}"))
                .draw()?;
            for (k, (name, (activations, gradients))) in
                runs.iter().enumerate().skip(1)
            {
                let values = if p == 0 { activations } else { gradients };
                let points: Vec<(f64, f64)> = values
                    .iter()
                    .enumerate()
                    .map(|(l, &v)| ((l + 1) as f64, v))
                    .collect();
                let style = COLOURS[k].stroke_width(2);
                chart
                    .draw_series(LineSeries::new(points.clone(), style))?
                    .label(*name)
                    .legend(legend_line(style));
                chart.draw_series(
                    points
                        .iter()
                        .map(|&p| Circle::new(p, 3, COLOURS[k].filled())),
                )?;
            }
            legend(&mut chart, SeriesLabelPosition::MiddleRight)?;
        }
        Ok(())
    })
}

/// The chapter's run on the digits: the training loss, and the training and test
/// accuracy, after each epoch.
fn digits_training() -> Result<String> {
    let (train, test) = split();
    let (_, history) = fit(&DIGITS, &train, &test);
    let epochs = history.len() as f64;
    svg(1000, 400, |root| {
        let (left, right) = root.split_horizontally(500);
        let mut chart = ChartBuilder::on(&left)
            .caption("mean cross-entropy on the training set", ("sans-serif", 16))
            .margin(12)
            .x_label_area_size(35)
            .y_label_area_size(50)
            .build_cartesian_2d(0.5..epochs + 0.5, 0.0..0.5)?;
        chart
            .configure_mesh()
            .x_desc("epoch")
            .x_label_formatter(&|x| format!("{x:.0}"))
            .draw()?;
        let loss = history
            .iter()
            .enumerate()
            .map(|(k, e)| ((k + 1) as f64, e.loss));
        chart.draw_series(LineSeries::new(loss.clone(), BLUE.stroke_width(2)))?;
        chart.draw_series(loss.map(|p| Circle::new(p, 3, BLUE.filled())))?;
        let mut chart = ChartBuilder::on(&right)
            .caption("accuracy", ("sans-serif", 16))
            .margin(12)
            .x_label_area_size(35)
            .y_label_area_size(50)
            .build_cartesian_2d(0.5..epochs + 0.5, 0.85..1.0)?;
        chart
            .configure_mesh()
            .x_desc("epoch")
            .x_label_formatter(&|x| format!("{x:.0}"))
            .draw()?;
        let curves: [Curve; 2] = [
            (
                "training set",
                BLUE,
                epochs_of(&history, |e| e.train_accuracy),
            ),
            ("test set", ORANGE, epochs_of(&history, |e| e.test_accuracy)),
        ];
        for (name, colour, points) in curves {
            let style = colour.stroke_width(2);
            chart
                .draw_series(LineSeries::new(points.clone(), style))?
                .label(name)
                .legend(legend_line(style));
            chart.draw_series(
                points
                    .into_iter()
                    .map(|p| Circle::new(p, 3, colour.filled())),
            )?;
        }
        legend(&mut chart, SeriesLabelPosition::LowerRight)?;
        Ok(())
    })
}

fn epochs_of<T>(history: &[T], f: impl Fn(&T) -> f64) -> Vec<(f64, f64)> {
    history
        .iter()
        .enumerate()
        .map(|(k, e)| ((k + 1) as f64, f(e)))
        .collect()
}

/// The first 40 test digits, then every test digit the trained network gets wrong,
/// each as 8 x 8 grey squares (0 white, 16 black) with the network's answer above
/// it; a wrong answer in red, with the right label after it, and a red frame.
fn digits_grid() -> Result<String> {
    let (train, test) = split();
    let (net, _) = fit(&DIGITS, &train, &test);
    let scores = net.predict(test.images.view());
    let answers: Vec<usize> = scores.rows().into_iter().map(argmax).collect();
    let wrong: Vec<usize> = (0..answers.len())
        .filter(|&i| answers[i] != test.labels[i])
        .collect();
    let shown: Vec<usize> = (0..40).chain(wrong.iter().copied()).collect();
    let per_row = 10;
    let rows = 4 + wrong.len().div_ceil(per_row);
    let (cell, pixel) = (80, 7);
    let height = 40 + rows as u32 * cell + 40;
    svg(per_row as u32 * cell + 20, height, |root| {
        let text = ("sans-serif", 15).into_font();
        root.draw(&Text::new(
            "the first 40 test digits",
            (10, 8),
            text.clone(),
        ))?;
        let below = 40 + 4 * cell as i32;
        let note = format!("all {} test digits the network gets wrong", wrong.len());
        root.draw(&Text::new(note, (10, below + 8), text.clone()))?;
        for (k, &i) in shown.iter().enumerate() {
            let (row, col) = if k < 40 {
                (k / per_row, k % per_row)
            } else {
                (4 + (k - 40) / per_row, (k - 40) % per_row)
            };
            let top = 40 + row as i32 * cell as i32 + if k < 40 { 0 } else { 30 };
            let left = 10 + col as i32 * cell as i32;
            let image = test.images.row(i);
            for (p, &v) in image.iter().enumerate() {
                let (y, x) = ((p / 8) as i32, (p % 8) as i32);
                let grey = (255.0 * (1.0 - v)).round() as u8;
                let corner = (left + 8 + x * pixel, top + 20 + y * pixel);
                let end = (corner.0 + pixel, corner.1 + pixel);
                root.draw(&Rectangle::new(
                    [corner, end],
                    RGBColor(grey, grey, grey).filled(),
                ))?;
            }
            let right = answers[i] == test.labels[i];
            let (label, colour) = if right {
                (format!("{}", answers[i]), BLACK)
            } else {
                (format!("{} (is {})", answers[i], test.labels[i]), RED_)
            };
            let style = ("sans-serif", 14).into_font().color(&colour);
            root.draw(&Text::new(label, (left + 8, top + 3), style))?;
            if !right {
                let frame = [
                    (left + 5, top + 17),
                    (left + 11 + 8 * pixel, top + 23 + 8 * pixel),
                ];
                root.draw(&Rectangle::new(frame, RED_.stroke_width(2)))?;
            }
        }
        Ok(())
    })
}

/// The training loss after each epoch for batches of 1, 32 and the whole training
/// set: against the epoch, and against the seconds of training measured by the
/// example `batch_sizes` (read from `data/batch-timing.csv`).
fn batch_sizes() -> Result<String> {
    let curves = loss_curves();
    let timing = measured_timing();
    let seconds_of = |batch: usize| {
        timing.iter().find(|(b, _)| *b == batch).map(|&(_, s)| s).unwrap_or_else(|| {
            panic!("data/batch-timing.csv has no batch {batch}: run the example batch_sizes with --write")
        })
    };
    let epochs = curves[0].1.len() as f64;
    let longest = curves
        .iter()
        .map(|(b, c)| seconds_of(*b) * c.len() as f64)
        .fold(0.0, f64::max);
    svg(1000, 420, |root| {
        let panels = root.split_evenly((1, 2));
        for (p, area) in panels.iter().enumerate() {
            let (title, x_desc, x_max) = if p == 0 {
                ("training loss per epoch", "epoch", epochs + 0.5)
            } else {
                (
                    "training loss per second (measured)",
                    "seconds of training",
                    longest * 1.05,
                )
            };
            let mut chart = ChartBuilder::on(area)
                .caption(title, ("sans-serif", 16))
                .margin(12)
                .x_label_area_size(35)
                .y_label_area_size(55)
                .build_cartesian_2d(
                    0.0..x_max,
                    (0.01..3.0)
                        .log_scale()
                        .with_key_points(vec![0.01, 0.03, 0.1, 0.3, 1.0, 3.0]),
                )?;
            chart
                .configure_mesh()
                .x_desc(x_desc)
                .x_label_formatter(&|x| {
                    if p == 0 {
                        format!("{x:.0}")
                    } else {
                        format!("{x:.2}")
                    }
                })
                .y_label_formatter(&|y| format!("{y}"))
                .draw()?;
            for (k, (batch, losses)) in curves.iter().enumerate() {
                let scale = if p == 0 { 1.0 } else { seconds_of(*batch) };
                let points = losses
                    .iter()
                    .enumerate()
                    .map(|(e, &l)| ((e + 1) as f64 * scale, l));
                let style = COLOURS[k + 1].stroke_width(2);
                let name = if k == 2 {
                    format!("whole training set ({batch})")
                } else {
                    format!("batches of {batch}")
                };
                chart
                    .draw_series(LineSeries::new(points, style))?
                    .label(name)
                    .legend(legend_line(style));
            }
            legend(&mut chart, SeriesLabelPosition::LowerLeft)?;
        }
        Ok(())
    })
}
