//! Chapter 1's figures: secants closing in on a tangent, the error of finite
//! differences against the step, and the activation functions with their derivatives.

use super::{Figure, legend, legend_line, sample, svg};
use anyhow::Result;
use chapter01::activation::{relu, relu_prime, sigmoid, sigmoid_prime, tanh_prime};
use chapter01::exercises::{central_difference, forward_difference};
use plotters::prelude::*;

pub fn figures() -> Vec<Figure> {
    vec![
        Figure {
            name: "chapter01-secants-to-tangent.svg",
            draw: secants_to_tangent,
        },
        Figure {
            name: "chapter01-difference-error.svg",
            draw: difference_error,
        },
        Figure {
            name: "chapter01-activations.svg",
            draw: activations,
        },
    ]
}

/// f(x) = x² with the secants from (3, 9) for h = 2, 1, 0.5 and the tangent at 3.
fn secants_to_tangent() -> Result<String> {
    let square = |x: f64| x * x;
    let a = 3.0;
    svg(720, 480, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "Secants of f(x) = x² closing in on the tangent at x = 3",
                ("sans-serif", 20),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d(0.0..5.5, -5.0..31.0)?;
        chart.configure_mesh().x_desc("x").y_desc("y").draw()?;
        let curve = BLACK.stroke_width(2);
        chart
            .draw_series(LineSeries::new(sample(0.0, 5.5, 110, square), curve))?
            .label("f(x) = x²")
            .legend(legend_line(curve));
        let colours = [
            RGBColor(230, 120, 0),
            RGBColor(0, 140, 70),
            RGBColor(120, 60, 200),
        ];
        for (h, colour) in [2.0, 1.0, 0.5].into_iter().zip(colours) {
            let slope = forward_difference(square, a, h);
            let line = colour.stroke_width(2);
            chart
                .draw_series(LineSeries::new(
                    line_through(a, square(a), slope),
                    line,
                ))?
                .label(format!("secant, h = {h}: slope {slope}"))
                .legend(legend_line(line));
            chart.draw_series([Circle::new(
                (a + h, square(a + h)),
                4,
                colour.filled(),
            )])?;
        }
        let tangent = BLUE.stroke_width(2);
        chart
            .draw_series(DashedLineSeries::new(
                line_through(a, square(a), 2.0 * a),
                8,
                5,
                tangent,
            ))?
            .label("tangent: slope f'(3) = 6")
            .legend(legend_line(tangent));
        chart.draw_series([Circle::new((a, square(a)), 5, BLACK.filled())])?;
        legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    })
}

/// The part of the line through (x0, y0) with this slope that lies inside the
/// secant figure's box [0, 5.5] × [−5, 31] (plotters would squash the rest onto the
/// border).
fn line_through(x0: f64, y0: f64, slope: f64) -> Vec<(f64, f64)> {
    let at = |y: f64| x0 + (y - y0) / slope;
    let (from, to) = (at(-5.0).max(0.0), at(31.0).min(5.5));
    sample(from, to, 1, |x| y0 + slope * (x - x0))
}

/// |D(h) − e| for the forward and central differences of exp at 1, on log-log axes.
fn difference_error() -> Result<String> {
    let e = std::f64::consts::E;
    let steps: Vec<f64> = (0..=64).map(|k| 10f64.powf(-(k as f64) / 4.0)).collect();
    // A zero error (an exact hit) has no place on a log axis, so it is left out.
    let errors = |estimate: &dyn Fn(f64) -> f64| -> Vec<(f64, f64)> {
        steps
            .iter()
            .map(|&h| (h, (estimate(h) - e).abs()))
            .filter(|&(_, err)| err > 0.0)
            .collect()
    };
    let forward = errors(&|h| forward_difference(f64::exp, 1.0, h));
    let central = errors(&|h| central_difference(f64::exp, 1.0, h));
    svg(720, 520, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "Error of finite differences of exp at x = 1",
                ("sans-serif", 20),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d(
                (1e-16..1.0).log_scale(),
                (1e-13..10.0).log_scale(),
            )?;
        chart
            .configure_mesh()
            .x_desc("step h")
            .y_desc("absolute error |D(h) − f'(1)|")
            .x_label_formatter(&|h| format!("{h:.0e}"))
            .y_label_formatter(&|err| format!("{err:.0e}"))
            .draw()?;
        let guides = [
            (
                "slope 1: e·h/2 (forward truncation)",
                RGBColor(230, 120, 0),
                1,
            ),
            (
                "slope 2: e·h²/6 (central truncation)",
                RGBColor(0, 90, 200),
                2,
            ),
        ];
        for (label, colour, power) in guides {
            let coefficient = if power == 1 { e / 2.0 } else { e / 6.0 };
            let guide: Vec<_> = steps
                .iter()
                .map(|&h| (h, coefficient * h.powi(power)))
                .filter(|&(_, err)| err > 1e-13)
                .collect();
            let style = colour.mix(0.6).stroke_width(1);
            chart
                .draw_series(DashedLineSeries::new(guide, 6, 4, style))?
                .label(label)
                .legend(legend_line(style));
        }
        let series = [
            ("forward difference", RGBColor(230, 120, 0), &forward),
            ("central difference", RGBColor(0, 90, 200), &central),
        ];
        for (label, colour, points) in series {
            let style = colour.stroke_width(2);
            chart
                .draw_series(LineSeries::new(points.iter().copied(), style))?
                .label(label)
                .legend(legend_line(style));
            let best = points
                .iter()
                .copied()
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .expect("at least one step has a non-zero error");
            chart.draw_series([Circle::new(best, 6, colour.filled())])?;
            chart.draw_series([Text::new(
                format!("smallest at h = {:.0e}", best.0),
                (best.0, best.1 / 4.0),
                ("sans-serif", 14),
            )])?;
        }
        legend(&mut chart, SeriesLabelPosition::LowerLeft)?;
        Ok(())
    })
}

/// Sigmoid, tanh and ReLU on [−5, 5], each with its derivative dashed.
fn activations() -> Result<String> {
    type Activation = (&'static str, fn(f64) -> f64, fn(f64) -> f64, f64, f64);
    let panels: [Activation; 3] = [
        ("sigmoid σ(x) and σ'(x)", sigmoid, sigmoid_prime, -0.1, 1.1),
        ("tanh(x) and tanh'(x)", f64::tanh, tanh_prime, -1.1, 1.1),
        ("ReLU(x) and ReLU'(x)", relu, relu_prime, -0.5, 5.0),
    ];
    svg(960, 340, |root| {
        for (area, (title, f, f_prime, low, high)) in
            root.split_evenly((1, 3)).iter().zip(panels)
        {
            let mut chart = ChartBuilder::on(area)
                .caption(title, ("sans-serif", 18))
                .margin(10)
                .x_label_area_size(30)
                .y_label_area_size(40)
                .build_cartesian_2d(-5.0..5.0, low..high)?;
            chart.configure_mesh().draw()?;
            let function = BLUE.stroke_width(2);
            let derivative = RGBColor(230, 120, 0).stroke_width(2);
            chart
                .draw_series(LineSeries::new(sample(-5.0, 5.0, 400, f), function))?
                .label("function")
                .legend(legend_line(function));
            chart
                .draw_series(DashedLineSeries::new(
                    sample(-5.0, 5.0, 400, f_prime),
                    6,
                    4,
                    derivative,
                ))?
                .label("derivative")
                .legend(legend_line(derivative));
            legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        }
        Ok(())
    })
}
