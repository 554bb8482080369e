//! How wrong the forward and central differences of f = exp at x = 1 are, for steps
//! h from 1 down to 1e-16; their measured orders; and the best step of each, measured
//! and predicted. Runs your exercises (with `--features solutions`, the reference).
//!
//! cargo run -p chapter01 --example difference_errors

use chapter01::exercises::{
    best_step, central_difference, error_order, forward_difference,
};
use chapter01::round_off::{
    EPSILON, central_error_model, forward_error_model, predicted_central_step,
    predicted_forward_step, quarter_decade_steps,
};
use std::f64::consts::E;

fn main() {
    // For f = exp, f(1) = f'(1) = f''(1) = f'''(1) = e.
    let forward_error = |h| (forward_difference(f64::exp, 1.0, h) - E).abs();
    let central_error = |h| (central_difference(f64::exp, 1.0, h) - E).abs();

    println!(
        "errors of the differences of exp at x = 1, where the slope is e = {E}\n"
    );
    println!(
        "{:>7}  {:>9}  {:>9}  {:>13}  {:>13}",
        "h", "forward", "central", "forward order", "central order"
    );
    let steps = quarter_decade_steps();
    let decades: Vec<f64> = steps.iter().copied().step_by(4).collect();
    for (i, &h) in decades.iter().enumerate() {
        let (ef, ec) = (forward_error(h), central_error(h));
        print!("{h:>7.0e}  {ef:>9.1e}  {ec:>9.1e}");
        if i > 0 {
            // Each order compares this row with the one above it, ten times larger h.
            let g = decades[i - 1];
            let pf = error_order(g, forward_error(g), h, ef);
            let pc = error_order(g, central_error(g), h, ec);
            print!("  {pf:>13.2}  {pc:>13.2}");
        }
        println!();
    }

    println!(
        "\nthe best of the {} steps h = 10^(-k/4), and the model's:\n",
        steps.len()
    );
    println!(
        "{:>8}  {:>10}  {:>9}  {:>12}  {:>11}",
        "", "measured h", "its error", "predicted h*", "model error"
    );
    let hf = best_step(|h| forward_difference(f64::exp, 1.0, h), E, &steps);
    let hf_star = predicted_forward_step(E, E);
    let model = forward_error_model(hf_star, E, E);
    row("forward", hf, forward_error(hf), hf_star, model);
    let hc = best_step(|h| central_difference(f64::exp, 1.0, h), E, &steps);
    let hc_star = predicted_central_step(E, E);
    let model = central_error_model(hc_star, E, E);
    row("central", hc, central_error(hc), hc_star, model);
    println!("\nh* = 2 sqrt(EPSILON) and (3 EPSILON)^(1/3), EPSILON = {EPSILON:e}");
}

/// Prints one line of the best-step table.
fn row(name: &str, measured: f64, error: f64, predicted: f64, model: f64) {
    println!(
        "{name:>8}  {measured:>10.1e}  {error:>9.1e}  {predicted:>12.2e}  {model:>11.1e}"
    );
}
