//! The chapter's experiments, as text: each `examples/NAME.rs` prints one of these,
//! and the book's tests check that the output the book shows is what they return.
//! They run the learner's exercises, or the reference answers with `--features
//! solutions`. The figures draw from the same runs. The experiments on the double well
//! and on Himmelblau's function are in submodules.

mod compare;
mod double_well;
mod himmelblau;

pub use compare::{himmelblau_compare, points, x_turns};
pub use double_well::{WELL_RUNS, double_well_path, double_well_runs};
pub use himmelblau::{STARTS, himmelblau_adam, himmelblau_runs, himmelblau_starts};

use crate::exercises::{descent_step, learning_rate_threshold};
use crate::himmelblau::{himmelblau, himmelblau_gradient, himmelblau_minima};
use crate::quadratic::{after_steps, quadratic_gradient, regime, step_factor};

/// The text of the example `name` (`examples/NAME.rs`), or `None` for no such example.
pub fn run(name: &str) -> Option<String> {
    match name {
        "first_step" => Some(first_step()),
        "learning_rates" => Some(learning_rates()),
        "double_well" => Some(double_well_runs()),
        "himmelblau_adam" => Some(himmelblau_adam()),
        "himmelblau_compare" => Some(himmelblau_compare()),
        "himmelblau_starts" => Some(himmelblau_starts()),
        _ => None,
    }
}

/// One step of gradient descent from the seed's start (-4, 0) at several learning
/// rates: how much f drops, against the first-order prediction lr |∇f|^2.
pub fn first_step() -> String {
    let start = [-4.0, 0.0];
    let (f0, g) = (himmelblau(&start), himmelblau_gradient(&start));
    let g2 = g[0] * g[0] + g[1] * g[1];
    let mut out = format!(
        "one step of gradient descent on Himmelblau's function from (-4, 0), where \
         f = {f0} and the gradient is [{}, {}], |gradient|^2 = {g2}\n\n",
        g[0], g[1]
    );
    out += &format!(
        "{:>7}  {:>20}  {:>10}  {:>9}  {:>9}  {:>6}\n",
        "lr", "new point", "f there", "drop in f", "lr |g|^2", "ratio"
    );
    for lr in [0.01, 0.001, 1e-4, 1e-5] {
        let mut x = start;
        descent_step(&mut x, &g, lr);
        let f1 = himmelblau(&x);
        let point = format!("[{:.5}, {:.5}]", x[0], x[1]);
        out += &format!(
            "{lr:>7}  {point:>20}  {f1:>10.5}  {:>9.5}  {:>9.5}  {:>6.4}\n",
            f0 - f1,
            lr * g2,
            (f0 - f1) / (lr * g2)
        );
    }
    out
}

/// `steps` steps of gradient descent on the quadratic with these curvatures from x0,
/// by the learner's `descent_step`: every point from x0 on.
pub fn quadratic_path(
    curvatures: &[f64],
    x0: &[f64],
    lr: f64,
    steps: usize,
) -> Vec<Vec<f64>> {
    let mut path = vec![x0.to_vec()];
    let mut x = x0.to_vec();
    for _ in 0..steps {
        let grads = quadratic_gradient(curvatures, &x);
        descent_step(&mut x, &grads, lr);
        path.push(x.clone());
    }
    path
}

/// The learning rates the chapter tries on f(x) = 2x^2, whose curvature is 4.
pub const RATES: [f64; 6] = [0.05, 0.2, 0.25, 0.4, 0.5, 0.55];

/// Gradient descent on f(x) = 2x^2 and on f(x, y) = ½ (x^2 + 10 y^2) at several
/// learning rates, beside the closed form (1 - lr λ)^k x0.
pub fn learning_rates() -> String {
    let mut out = String::from(
        "gradient descent on f(x) = 2x^2 (curvature 4) from x = 1: each step \
         multiplies x by 1 - 4 lr\n\n",
    );
    out += &format!(
        "{:>4}  {:>8}  {:>22}  {:>16}  {:>13}  {:>19}\n",
        "lr",
        "1 - 4 lr",
        "what descent does",
        "x after 20 steps",
        "(1 - 4 lr)^20",
        "relative difference"
    );
    for lr in RATES {
        let x20 = quadratic_path(&[4.0], &[1.0], lr, 20)[20][0];
        let closed = after_steps(1.0, lr, 4.0, 20);
        // Relative to the closed form, or absolute where that is 0.
        let difference = if closed == 0.0 {
            x20.abs()
        } else {
            ((x20 - closed) / closed).abs()
        };
        out += &format!(
            "{lr:>4}  {:>8.2}  {:>22}  {x20:>16.6e}  {closed:>13.6e}  {:>19.1e}\n",
            step_factor(lr, 4.0),
            regime(lr, 4.0),
            difference
        );
    }
    let curvatures = [1.0, 10.0];
    let threshold = learning_rate_threshold(&curvatures);
    out += &format!(
        "\nf(x, y) = (x^2 + 10 y^2) / 2 (curvatures 1 and 10) from (1, 1): \
         threshold 2 / 10 = {threshold}\n\n"
    );
    out += &format!(
        "{:>11}  {:>6}  {:>9}  {:>16}  {:>16}\n",
        "lr", "1 - lr", "1 - 10 lr", "x after 50 steps", "y after 50 steps"
    );
    for (lr, name) in FLAT_AND_STIFF_RATES {
        let end = &quadratic_path(&curvatures, &[1.0, 1.0], lr, 50)[50];
        out += &format!(
            "{name:>11}  {:>6.4}  {:>9.4}  {:>16.3e}  {:>16.3e}\n",
            step_factor(lr, 1.0),
            step_factor(lr, 10.0),
            end[0],
            end[1]
        );
    }
    out += "\nnear Himmelblau's minima, and far from them at (8, 8): the Hessian's \
            eigenvalues (chapter 2) and the threshold 2 / λ_max\n\n";
    for [x, y] in himmelblau_minima().into_iter().chain([[8.0, 8.0]]) {
        let hessian = chapter02::himmelblau::himmelblau_hessian([x, y]);
        let [l1, l2] = chapter02::exercises::symmetric_eigenvalues(hessian);
        let threshold = learning_rate_threshold(&[l1, l2]);
        out += &format!(
            "  ({x:>9.6}, {y:>9.6}): eigenvalues {l1:>7.3} and {l2:>7.3}, \
             threshold {threshold:.5}\n"
        );
    }
    out
}

/// The learning rates the chapter tries on f(x, y) = ½ (x^2 + 10 y^2), from (1, 1), with
/// the names the table and the figure give them: 1/10, the best single rate 2/11, and
/// two on either side of the threshold 2/10.
pub const FLAT_AND_STIFF_RATES: [(f64, &str); 4] = [
    (0.1, "0.1"),
    (2.0 / 11.0, "2/11 = 0.18"),
    (0.19, "0.19"),
    (0.21, "0.21"),
];
