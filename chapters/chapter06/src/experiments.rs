//! The chapter's experiments, as text: each `examples/NAME.rs` prints one of these,
//! and the book's tests check that the output the book shows is what they return.
//! They run the learner's exercises, or the reference answers with `--features
//! solutions`.

use crate::seed::{
    LINREG_B, LINREG_W, LINREG_X, LINREG_Y, engine_two_weight_path, linreg_grads,
};
use chapter01::exercises::central_difference;
use chapter04::points::seed_points;
use chapter04::two_weights::{
    TWO_WEIGHT_LR, TWO_WEIGHT_START, TWO_WEIGHT_STEPS, two_weight_fit,
};

/// The text of the example `name` (`examples/NAME.rs`), or `None` for no such example.
pub fn run(name: &str) -> Option<String> {
    match name {
        "autograd_linreg" => Some(autograd_linreg()),
        "two_weight_engine" => Some(two_weight_engine()),
        _ => None,
    }
}

/// The mean squared error of w x + b against the post's targets, in plain f64.
fn linreg_loss(w: f64, b: f64, x: [f64; 3]) -> f64 {
    let squares = x
        .iter()
        .zip(LINREG_Y)
        .map(|(xi, yi)| (w * xi + b - yi).powi(2));
    squares.sum::<f64>() / 3.0
}

/// The post's regression: the gradients by hand, by the engine and by central
/// differences, ending with the engine's.
pub fn autograd_linreg() -> String {
    let (w, b, x) = (LINREG_W, LINREG_B, LINREG_X);
    let r: Vec<f64> = x
        .iter()
        .zip(LINREG_Y)
        .map(|(xi, yi)| w * xi + b - yi)
        .collect();
    let mut out = format!(
        "y = w x + b, w = {w}, b = {b}, x = {x:?}, targets {LINREG_Y:?}\n\
         residuals r = w x + b - y = {r:?}\n\n"
    );
    let by_hand_w = 2.0 / 3.0 * (r[0] * x[0] + r[1] * x[1] + r[2] * x[2]);
    let by_hand_b = 2.0 / 3.0 * (r[0] + r[1] + r[2]);
    let by_hand_x: Vec<f64> = r.iter().map(|ri| 2.0 / 3.0 * ri * w).collect();
    out += &format!(
        "by hand, (2/3) sum r x, (2/3) sum r and (2/3) r w:\n  dL/dw = {by_hand_w}, \
         dL/db = {by_hand_b}\n  dL/dx = {by_hand_x:?}\n"
    );
    let h = 1e-5;
    let dw = central_difference(|w| linreg_loss(w, b, x), w, h);
    let db = central_difference(|b| linreg_loss(w, b, x), b, h);
    let dx: Vec<f64> = (0..3)
        .map(|i| {
            let along = |t: f64| {
                let mut moved = x;
                moved[i] = t;
                linreg_loss(w, b, moved)
            };
            central_difference(along, x[i], h)
        })
        .collect();
    out += &format!(
        "central differences, h = 1e-5:\n  dL/dw = {dw:.9}, dL/db = {db:.9}\n  \
         dL/dx = [{:.9}, {:.9}, {:.9}]\n",
        dx[0], dx[1], dx[2]
    );
    out += "the post printed w.grad = 4.6667, b.grad = 3.0000\n\n";
    let g = linreg_grads(w, b, x);
    out += &format!("loss = {}\n", g.loss);
    out += &format!(
        "final: w.grad = {}, b.grad = {}, x.grad = [{}, {}, {}]\n",
        g.w, g.b, g.x[0], g.x[1], g.x[2]
    );
    out
}

/// Chapter 4's network y = x w1 w2 trained on the fifteen points twice, with the
/// hand-derived gradient and with the engine's: the largest difference between the
/// two paths, and a few steps of each.
pub fn two_weight_engine() -> String {
    let (x, y) = seed_points();
    let (start, lr, steps) = (TWO_WEIGHT_START, TWO_WEIGHT_LR, TWO_WEIGHT_STEPS);
    let by_hand = two_weight_fit(x.view(), y.view(), start, lr, steps).path;
    let by_engine = engine_two_weight_path(x.view(), y.view(), start, lr, steps);
    let mut out = format!(
        "y = x w1 w2 on 15 points from {start:?}, lr = {lr:e}, {steps} steps\n\n{:>5}  \
         {:>21}  {:>21}  {:>21}  {:>21}\n",
        "step", "w1 by hand", "w1 by engine", "w2 by hand", "w2 by engine"
    );
    for k in [0, 1, 2, 10, 100, 500, steps] {
        let ([h1, h2], [e1, e2]) = (by_hand[k], by_engine[k]);
        out += &format!("{k:>5}  {h1:>21}  {e1:>21}  {h2:>21}  {e2:>21}\n");
    }
    let largest = by_hand
        .iter()
        .zip(&by_engine)
        .flat_map(|(h, e)| [(h[0] - e[0]).abs(), (h[1] - e[1]).abs()])
        .fold(0.0, f64::max);
    out += &format!(
        "\nlargest difference between the paths over all {} steps: {largest:.1e}\n",
        steps
    );
    out
}
