//! Chapter 7's figures: the perceptron's decision boundary on the petal
//! measurements of Fisher's iris, for setosa against the rest and for virginica
//! against versicolor, and the two losses during training.

use super::{
    BLUE_, Figure, GREEN, ORANGE, PURPLE, RED_, legend, legend_line, sample, svg,
};
use anyhow::Result;
use chapter07::exercises::{decision_boundary, single_output_gradient};
use chapter07::iris::iris;
use chapter07::ndarray::Axis;
use chapter07::ndarray::array;
use chapter07::perceptron::{WORKED_T, worked};
use chapter07::train::{
    EPOCHS, LR, Problem, mistakes, setosa_vs_rest, train, versicolor_vs_virginica,
};
use plotters::element::DashedPathElement;
use plotters::prelude::*;

pub fn figures() -> Vec<Figure> {
    vec![
        Figure {
            name: "chapter07-delta.svg",
            draw: delta,
        },
        Figure {
            name: "chapter07-iris-boundaries.svg",
            draw: iris_boundaries,
        },
        Figure {
            name: "chapter07-iris-losses.svg",
            draw: iris_losses,
        },
    ]
}

/// The colour of each iris species in every figure.
const SPECIES: [RGBColor; 3] = [BLUE_, ORANGE, GREEN];

/// Two panels of petal width against petal length: setosa against the rest, then
/// virginica against versicolor (setosa left out), each with the boundary of the
/// perceptron trained on it and, on the right, its mistakes ringed in red.
fn iris_boundaries() -> Result<String> {
    let data = iris();
    let species: Vec<(f64, f64, usize)> = (data.features.axis_iter(Axis(0)))
        .zip(&data.labels)
        .map(|(row, &label)| (row[2], row[3], label))
        .collect();
    let problems = [setosa_vs_rest(), versicolor_vs_virginica()];
    let shown = [[true, true, true], [false, true, true]];
    svg(1000, 440, |root| {
        for ((area, problem), shown) in
            root.split_evenly((1, 2)).iter().zip(&problems).zip(shown)
        {
            let trained = train(problem, LR, EPOCHS);
            let wrong = mistakes(&trained, problem);
            let n = problem.petals.nrows();
            let title = format!("{}: {} of {n} wrong", problem.name, wrong.len());
            let (x_range, y_range) = if shown[0] {
                (0.5..7.5, 0.0..2.8)
            } else {
                (2.8..7.2, 0.5..2.7)
            };
            let mut chart = ChartBuilder::on(area)
                .caption(&title, ("sans-serif", 17))
                .margin(12)
                .x_label_area_size(40)
                .y_label_area_size(50)
                .build_cartesian_2d(x_range.clone(), y_range.clone())?;
            chart
                .configure_mesh()
                .x_desc("petal length (cm)")
                .y_desc("petal width (cm)")
                .draw()?;
            for (label, &colour) in
                SPECIES.iter().enumerate().filter(|(l, _)| shown[*l])
            {
                let points = species.iter().filter(|p| p.2 == label);
                chart
                    .draw_series(
                        points.map(|&(x, y, _)| {
                            Circle::new((x, y), 3, colour.filled())
                        }),
                    )?
                    .label(data.classes[label].as_str())
                    .legend(move |(x, y)| {
                        Circle::new((x + 10, y), 4, colour.filled())
                    });
            }
            // Where flowers of two species share their petals, one dot would hide
            // the other: draw the first species' dot larger under the second's, and
            // say in the legend how many of each sit there.
            for ((x, y), counts) in shared_points(&species, shown) {
                let here: Vec<usize> = (0..3).filter(|&l| counts[l] > 0).collect();
                let [under, over] = here[..] else {
                    anyhow::bail!("({x}, {y}) is shared by three species");
                };
                let (big, small) = (SPECIES[under].filled(), SPECIES[over].filled());
                let nested = move |at: (f64, f64)| {
                    EmptyElement::at(at)
                        + Circle::new((0, 0), 5, big)
                        + Circle::new((0, 0), 3, small)
                };
                let icon = move |at: (i32, i32)| {
                    EmptyElement::at(at)
                        + Circle::new((0, 0), 5, big)
                        + Circle::new((0, 0), 3, small)
                };
                let words: Vec<String> = (here.iter())
                    .map(|&l| format!("{} {}", counts[l], data.classes[l]))
                    .collect();
                chart
                    .draw_series([nested((x, y))])?
                    .label(format!("({x}, {y}): {}", words.join(", ")))
                    .legend(move |(x, y)| icon((x + 10, y)));
            }
            let (w, b) = trained.in_cm();
            let (slope, intercept) = decision_boundary(w.view(), b);
            // Plotters moves a point outside the plot onto its border rather than
            // cutting the line there, so the line is cut to the plot first.
            let ends = clip_line(slope, intercept, &x_range, &y_range)
                .expect("the boundary crosses the plot");
            chart
                .draw_series(LineSeries::new(ends, BLACK.stroke_width(2)))?
                .label("boundary, O = 1/2")
                .legend(legend_line(BLACK.stroke_width(2)));
            if !wrong.is_empty() {
                let ring = RED_.stroke_width(2);
                chart
                    .draw_series(wrong.iter().map(|&i| {
                        let p = problem.petals.row(i);
                        Circle::new((p[0], p[1]), 7, ring)
                    }))?
                    .label("misclassified")
                    .legend(move |(x, y)| Circle::new((x + 10, y), 6, ring));
            }
            // On the right the upper left holds the boundary; the lower right is empty.
            let corner = if shown[0] {
                SeriesLabelPosition::UpperLeft
            } else {
                SeriesLabelPosition::LowerRight
            };
            legend(&mut chart, corner)?;
        }
        Ok(())
    })
}

/// The points where shown flowers of more than one species coincide, each with
/// how many flowers of each species sit there.
fn shared_points(
    species: &[(f64, f64, usize)],
    shown: [bool; 3],
) -> Vec<((f64, f64), [usize; 3])> {
    let mut shared: Vec<((f64, f64), [usize; 3])> = Vec::new();
    for &(x, y, label) in species.iter().filter(|p| shown[p.2]) {
        match shared.iter_mut().find(|(p, _)| *p == (x, y)) {
            Some((_, counts)) => counts[label] += 1,
            None => {
                let mut counts = [0; 3];
                counts[label] = 1;
                shared.push(((x, y), counts));
            }
        }
    }
    shared.retain(|(_, counts)| counts.iter().filter(|&&c| c > 0).count() > 1);
    shared
}

/// The part of the line y = slope x + intercept inside the rectangle
/// `xs` × `ys`, as its two ends, or None if the line misses the rectangle: the
/// x range where y lies in `ys`, intersected with `xs`.
fn clip_line(
    slope: f64,
    intercept: f64,
    xs: &std::ops::Range<f64>,
    ys: &std::ops::Range<f64>,
) -> Option<[(f64, f64); 2]> {
    let (mut lo, mut hi) = (xs.start, xs.end);
    if slope == 0.0 {
        if !ys.contains(&intercept) {
            return None;
        }
    } else {
        let at = |y: f64| (y - intercept) / slope;
        let (a, b) = (at(ys.start), at(ys.end));
        lo = lo.max(a.min(b));
        hi = hi.min(a.max(b));
    }
    let y = |x: f64| slope * x + intercept;
    (lo < hi).then(|| [(lo, y(lo)), (hi, y(hi))])
}

/// The loss of both problems against the epoch, on a log scale, with the bound
/// 1/300 below which virginica against versicolor can never go.
fn iris_losses() -> Result<String> {
    let runs: [(&Problem, RGBColor); 2] = [
        (&setosa_vs_rest(), BLUE_),
        (&versicolor_vs_virginica(), GREEN),
    ];
    svg(760, 440, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "loss E during full-batch descent (lr = 1)",
                ("sans-serif", 17),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d(0.0..EPOCHS as f64, (3e-4..0.2).log_scale())?;
        chart
            .configure_mesh()
            .x_desc("epoch")
            .x_label_formatter(&|x| format!("{x:.0}"))
            .y_desc("E")
            .y_label_formatter(&|y| format!("{y:.0e}"))
            .draw()?;
        for (problem, colour) in runs {
            let losses = train(problem, LR, EPOCHS).losses;
            let points = losses.iter().enumerate().map(|(k, &e)| (k as f64, e));
            chart
                .draw_series(LineSeries::new(points, colour.stroke_width(2)))?
                .label(problem.name)
                .legend(legend_line(colour.stroke_width(2)));
        }
        let bound = RED_.stroke_width(1);
        chart
            .draw_series([DashedPathElement::new(
                vec![(0.0, 1.0 / 300.0), (EPOCHS as f64, 1.0 / 300.0)],
                6,
                4,
                bound,
            )])?
            .label("1/300: no line does better on the three flowers at (4.8, 1.8)")
            .legend(move |(x, y)| {
                DashedPathElement::new(vec![(x, y), (x + 20, y)], 4, 3, bound)
            });
        legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}

/// delta = dE/dz = (O - t) O (1 - O) against z, for the targets 1 and 0, from the
/// single-output gradient with one input x = 1 (so dE/db = delta), with the worked
/// example of section 7.1 marked.
fn delta() -> Result<String> {
    let delta_at = |z: f64, t: f64| {
        single_output_gradient(array![1.0].view(), array![z].view(), 0.0, t).1
    };
    svg(760, 420, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "δ = dE/dz = (O − t) O (1 − O) against z",
                ("sans-serif", 17),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d(-8.0..8.0, -0.18..0.18)?;
        chart
            .configure_mesh()
            .x_desc("z")
            .x_label_formatter(&|x| format!("{x:.0}"))
            .y_label_formatter(&|y: &f64| {
                format!("{:.2}", if y.abs() < 1e-9 { 0.0 } else { *y })
            })
            .draw()?;
        for (t, colour) in [(1.0, BLUE_), (0.0, PURPLE)] {
            let style = colour.stroke_width(2);
            chart
                .draw_series(LineSeries::new(
                    sample(-8.0, 8.0, 400, |z| delta_at(z, t)),
                    style,
                ))?
                .label(format!("δ for target t = {t}"))
                .legend(legend_line(style));
        }
        let k = worked();
        chart
            .draw_series([Circle::new((k.z, k.delta), 5, ORANGE.filled())])?
            .label(format!("section 7.1's example (t = {WORKED_T})"))
            .legend(|(x, y)| Circle::new((x + 10, y), 5, ORANGE.filled()));
        let note = ("sans-serif", 14);
        chart.draw_series([
            Text::new("confidently wrong:", (-7.7, -0.095), note),
            Text::new("O − t ≈ −1, but O (1 − O) ≈ 0", (-7.7, -0.12), note),
        ])?;
        legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    })
}
