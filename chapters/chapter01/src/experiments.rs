//! The chapter's experiments, as text: each `examples/NAME.rs` prints one of these,
//! and the book's tests check that the output the book shows is what they return.
//! They run the learner's exercises, or the reference answers with `--features
//! solutions`.

use crate::derivative::square_secant_slope;
use crate::exercises::{
    best_step, central_difference, error_order, forward_difference,
};
use crate::round_off::{
    EPSILON, central_error_model, forward_error_model, predicted_central_step,
    predicted_forward_step, quarter_decade_steps,
};
use std::f64::consts::E;

/// The text of the example `name` (`examples/NAME.rs`), or `None` for no such example.
pub fn run(name: &str) -> Option<String> {
    match name {
        "secants" => Some(secants()),
        "difference_errors" => Some(difference_errors()),
        _ => None,
    }
}

/// The slopes of the secants of f(x) = x^2 from a = 3 to 3 + h, for steps h shrinking
/// towards 0, from `forward_difference`, beside the algebra's answer 6 + h.
pub fn secants() -> String {
    let a = 3.0;
    let mut out = String::from(
        "secants of f(x) = x^2 from a = 3 to a + h; the tangent's slope is 6\n\n",
    );
    out += &format!(
        "{:>14}  {:>18}  {:>14}  {:>10}\n",
        "h", "slope", "6 + h", "slope - 6"
    );
    for h in [
        2.0, 1.0, 0.5, 0.1, 0.01, 1e-3, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12,
    ] {
        let slope = forward_difference(|x| x * x, a, h);
        let algebra = square_secant_slope(a, h);
        out += &format!(
            "{h:>14}  {slope:>18}  {algebra:>14}  {:>10.1e}\n",
            slope - 6.0
        );
    }
    out
}

/// How wrong the forward and central differences of f = exp at x = 1 are, for steps h
/// from 1 down to 1e-16; their measured orders; and the best step of each, measured
/// and predicted.
pub fn difference_errors() -> String {
    // For f = exp, f(1) = f'(1) = f''(1) = f'''(1) = e.
    let forward_error = |h| (forward_difference(f64::exp, 1.0, h) - E).abs();
    let central_error = |h| (central_difference(f64::exp, 1.0, h) - E).abs();

    let mut out = format!(
        "errors of the differences of exp at x = 1, where the slope is e = {E}\n\n"
    );
    out += &format!(
        "{:>7}  {:>9}  {:>9}  {:>13}  {:>13}\n",
        "h", "forward", "central", "forward order", "central order"
    );
    let steps = quarter_decade_steps();
    let decades: Vec<f64> = steps.iter().copied().step_by(4).collect();
    for (i, &h) in decades.iter().enumerate() {
        let (ef, ec) = (forward_error(h), central_error(h));
        out += &format!("{h:>7.0e}  {ef:>9.1e}  {ec:>9.1e}");
        if i > 0 {
            // Each order compares this row with the one above it, ten times larger h.
            let g = decades[i - 1];
            let pf = error_order(g, forward_error(g), h, ef);
            let pc = error_order(g, central_error(g), h, ec);
            out += &format!("  {pf:>13.2}  {pc:>13.2}");
        }
        out += "\n";
    }

    out += &format!(
        "\nthe best of the {} steps h = 10^(-k/4), and the model's:\n\n",
        steps.len()
    );
    out += &format!(
        "{:>8}  {:>10}  {:>9}  {:>12}  {:>11}  {:>17}\n",
        "",
        "measured h",
        "its error",
        "predicted h*",
        "model error",
        "model / its error"
    );
    let hf = best_step(|h| forward_difference(f64::exp, 1.0, h), E, &steps);
    let hf_star = predicted_forward_step(E, E);
    let model = forward_error_model(hf_star, E, E);
    out += &row("forward", hf, forward_error(hf), hf_star, model);
    let hc = best_step(|h| central_difference(f64::exp, 1.0, h), E, &steps);
    let hc_star = predicted_central_step(E, E);
    let model = central_error_model(hc_star, E, E);
    out += &row("central", hc, central_error(hc), hc_star, model);
    out += &format!(
        "\nh* = 2 sqrt(EPSILON) and (3 EPSILON)^(1/3), EPSILON = {EPSILON:e}\n"
    );
    out
}

/// One line of the best-step table, ending with how many times larger the model's
/// error is than the measured one.
fn row(name: &str, measured: f64, error: f64, predicted: f64, model: f64) -> String {
    let ratio = model / error;
    format!(
        "{name:>8}  {measured:>10.1e}  {error:>9.1e}  {predicted:>12.2e}  \
         {model:>11.1e}  {ratio:>17.0}\n"
    )
}
