//! Chapter 5's figures: the activations with their derivatives and their saturated
//! regions, the gradient that survives a chain of layers, and cross-entropy against
//! the logit of the right class with its gradient.

use super::{Figure, GREEN, ORANGE, PURPLE, legend, legend_line, sample, svg};
use anyhow::Result;
use chapter05::activation::{relu, sigmoid, sigmoid_chain_gradient, tanh};
use chapter05::exercises::{
    cross_entropy, cross_entropy_gradient, relu_prime, sigmoid_prime, tanh_prime,
};
use chapter05::ndarray::{Array1, ArrayView1, array};
use plotters::element::DashedPathElement;
use plotters::prelude::*;

pub fn figures() -> Vec<Figure> {
    vec![
        Figure {
            name: "chapter05-activations.svg",
            draw: activations,
        },
        Figure {
            name: "chapter05-vanishing-gradients.svg",
            draw: vanishing_gradients,
        },
        Figure {
            name: "chapter05-cross-entropy.svg",
            draw: cross_entropy_of_a_logit,
        },
    ]
}

const SHADE: RGBColor = RGBColor(255, 214, 214);

/// The scalar derivative `slope` of a whole-array one, at x.
fn at(slope: fn(ArrayView1<f64>) -> Array1<f64>, x: f64) -> f64 {
    slope(array![x].view())[0]
}

/// The intervals of [from, to] where `below` holds, found on a grid of step 0.01.
fn intervals(from: f64, to: f64, below: impl Fn(f64) -> bool) -> Vec<(f64, f64)> {
    let mut found: Vec<(f64, f64)> = Vec::new();
    let mut start = None;
    for (x, _) in sample(from, to, ((to - from) * 100.0) as usize, |x| x) {
        match (below(x), start) {
            (true, None) => start = Some(x),
            (false, Some(s)) => {
                found.push((s, x));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        found.push((s, to));
    }
    found
}

/// Sigmoid, tanh and ReLU on [−6, 6], each with its derivative dashed, and shaded
/// where the derivative is below a tenth of its largest value. One legend, below the
/// panels, serves all three, so that none covers a curve.
fn activations() -> Result<String> {
    type Panel = (
        &'static str,
        fn(f64) -> f64,
        fn(ArrayView1<f64>) -> Array1<f64>,
        f64,
        f64,
    );
    let panels: [Panel; 3] = [
        (
            "σ(x) and σ'(x): shaded where σ' < 1/40",
            sigmoid,
            sigmoid_prime,
            -0.05,
            1.05,
        ),
        (
            "tanh(x) and tanh'(x): shaded where tanh' < 1/10",
            tanh,
            tanh_prime,
            -1.1,
            1.1,
        ),
        (
            "ReLU(x) and ReLU'(x): shaded where ReLU' = 0",
            relu,
            relu_prime,
            -0.3,
            6.0,
        ),
    ];
    let function = BLUE.stroke_width(2);
    let derivative = ORANGE.stroke_width(2);
    svg(1080, 420, |root| {
        let (top, bottom) = root.split_vertically(380);
        for (index, (area, (title, f, f_prime, low, high))) in
            top.split_evenly((1, 3)).iter().zip(panels).enumerate()
        {
            let peak = at(f_prime, 0.0).max(at(f_prime, 1.0));
            let mut chart = ChartBuilder::on(area)
                .caption(title, ("sans-serif", 15))
                .margin(10)
                .x_label_area_size(30)
                .y_label_area_size(40)
                .build_cartesian_2d(-6.0..6.0, low..high)?;
            chart
                .configure_mesh()
                .x_label_formatter(&|x| format!("{x:.0}"))
                .y_label_formatter(&|y| {
                    format!("{:.1}", if y.abs() < 1e-9 { 0.0 } else { *y })
                })
                .draw()?;
            let flat = intervals(-6.0, 6.0, |x| at(f_prime, x) < peak / 10.0);
            chart.draw_series(flat.into_iter().map(|(a, b)| {
                Rectangle::new([(a, low), (b, high)], SHADE.filled())
            }))?;
            chart
                .draw_series(LineSeries::new(sample(-6.0, 6.0, 480, f), function))?;
            let x = Array1::linspace(-6.0, 6.0, 481);
            let slopes: Vec<(f64, f64)> =
                x.iter().copied().zip(f_prime(x.view())).collect();
            chart.draw_series(DashedLineSeries::new(slopes, 6, 4, derivative))?;
            if index == 0 {
                // On the left σ is nearly 0, so σ' = σ (1 − σ) is nearly σ and the
                // two curves lie on top of each other.
                let note = ("sans-serif", 14);
                chart.draw_series([
                    Text::new("σ' ≈ σ here,", (-5.6, 0.36), note),
                    Text::new("as 1 − σ ≈ 1", (-5.6, 0.29), note),
                ])?;
                let arrow = BLACK.stroke_width(1);
                chart.draw_series([PathElement::new(
                    vec![(-4.3, 0.2), (-3.3, 0.06)],
                    arrow,
                )])?;
            }
        }
        // One legend for the three panels, below them, where it covers nothing.
        let (font, y) = (("sans-serif", 15), 20);
        let x = 170;
        bottom.draw(&PathElement::new(vec![(x, y), (x + 30, y)], function))?;
        bottom.draw(&Text::new("function", (x + 40, y - 7), font))?;
        let x = x + 130;
        let dashes =
            DashedPathElement::new(vec![(x, y), (x + 30, y)], 6, 4, derivative);
        bottom.draw(&dashes)?;
        bottom.draw(&Text::new("derivative", (x + 40, y - 7), font))?;
        let x = x + 140;
        bottom.draw(&Rectangle::new(
            [(x, y - 8), (x + 30, y + 8)],
            SHADE.filled(),
        ))?;
        let shaded = "shaded: the derivative is below a tenth of its largest value \
                      (for ReLU, exactly 0)";
        bottom.draw(&Text::new(shaded, (x + 40, y - 7), font))?;
        Ok(())
    })
}

/// The factor by which a gradient shrinks through n layers, for n = 1 to 20, on a
/// logarithmic scale.
fn vanishing_gradients() -> Result<String> {
    let depths = 1..=20;
    let slopes = sigmoid_prime(array![0.0, 2.0, 5.0].view());
    let relu_slope = at(relu_prime, 2.0);
    let powers = |slope: f64| -> Vec<(f64, f64)> {
        depths.clone().map(|n| (n as f64, slope.powi(n))).collect()
    };
    let chain: Vec<(f64, f64)> = depths
        .clone()
        .map(|n| (n as f64, sigmoid_chain_gradient(0.0, n as usize)))
        .collect();
    let series = [
        (
            "ReLU on a positive input: 1ⁿ = 1",
            GREEN,
            powers(relu_slope),
        ),
        (
            "σ'(0)ⁿ = (1/4)ⁿ, the sigmoid's best",
            BLUE,
            powers(slopes[0]),
        ),
        ("σ(σ(…σ(0))), by the chain rule", PURPLE, chain),
        ("σ'(2)ⁿ, σ'(2) ≈ 0.105", ORANGE, powers(slopes[1])),
        ("σ'(5)ⁿ, σ'(5) ≈ 0.0066", RED, powers(slopes[2])),
    ];
    svg(720, 500, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "How much of a gradient survives n layers",
                ("sans-serif", 20),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d(
                0.0..21.0,
                (1e-45..10.0)
                    .log_scale()
                    .with_key_points((0..=9).map(|k| 10f64.powi(-5 * k)).collect()),
            )?;
        chart
            .configure_mesh()
            .x_desc("layers n")
            .x_label_formatter(&|n| format!("{n:.0}"))
            .y_desc("product of n slopes")
            .y_label_formatter(&|v| format!("{v:.0e}"))
            .draw()?;
        for (label, colour, points) in series {
            let style = colour.stroke_width(2);
            chart
                .draw_series(LineSeries::new(points.iter().copied(), style))?
                .label(label)
                .legend(legend_line(style));
            chart.draw_series(
                points
                    .iter()
                    .map(|&point| Circle::new(point, 3, colour.filled())),
            )?;
        }
        legend(&mut chart, SeriesLabelPosition::LowerLeft)?;
        Ok(())
    })
}

/// Cross-entropy of the logits [t, 0, 0] with label 0 against t, with the gradient's
/// entries for the right class (p_0 − 1) and for a wrong one (p_1).
fn cross_entropy_of_a_logit() -> Result<String> {
    let logits = |t: f64| array![t, 0.0, 0.0];
    let loss = |t: f64| cross_entropy(logits(t).view(), 0);
    let gradient = |t: f64, j: usize| cross_entropy_gradient(logits(t).view(), 0)[j];
    svg(720, 500, |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                "Cross-entropy of the logits [t, 0, 0] with label 0",
                ("sans-serif", 20),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d(-6.0..6.0, -1.2..7.0)?;
        chart
            .configure_mesh()
            .x_desc("t, the logit of the right class")
            .x_label_formatter(&|t| format!("{t:.0}"))
            .draw()?;
        let guide = BLACK.mix(0.4).stroke_width(1);
        chart
            .draw_series(DashedLineSeries::new(
                sample(-6.0, 2.0, 1, |t| 2f64.ln() - t),
                4,
                4,
                guide,
            ))?
            .label("ln 2 − t, the loss far to the left")
            .legend(legend_line(guide));
        let curve = BLUE.stroke_width(2);
        chart
            .draw_series(LineSeries::new(sample(-6.0, 6.0, 240, loss), curve))?
            .label("loss −ln p₀ = ln(eᵗ + 2) − t")
            .legend(legend_line(curve));
        let right = ORANGE.stroke_width(2);
        chart
            .draw_series(DashedLineSeries::new(
                sample(-6.0, 6.0, 240, |t| gradient(t, 0)),
                6,
                4,
                right,
            ))?
            .label("∂L/∂z₀ = p₀ − 1")
            .legend(legend_line(right));
        let wrong = GREEN.stroke_width(2);
        chart
            .draw_series(DashedLineSeries::new(
                sample(-6.0, 6.0, 240, |t| gradient(t, 1)),
                2,
                4,
                wrong,
            ))?
            .label("∂L/∂z₁ = ∂L/∂z₂ = p₁")
            .legend(legend_line(wrong));
        let marks = [
            ((0.0, loss(0.0)), "ln 3 ≈ 1.10", (10, -22)),
            ((0.0, gradient(0.0, 0)), "−2/3", (10, 4)),
            ((0.0, gradient(0.0, 1)), "1/3", (-30, -20)),
        ];
        for (point, text, (dx, dy)) in marks {
            chart.draw_series([Circle::new(point, 5, BLACK.filled())])?;
            chart.draw_series([EmptyElement::at(point)
                + Text::new(text, (dx, dy), ("sans-serif", 15))])?;
        }
        legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}
