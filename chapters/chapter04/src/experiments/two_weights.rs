//! The experiments with the second seed post's network y = x w1 w2: the post's run,
//! and the same run from several starts.

use crate::points::seed_points;
use crate::two_weights::{
    TWO_WEIGHT_LR, TWO_WEIGHT_START, TWO_WEIGHT_STEPS, landing_point,
    slope_through_origin, two_weight_fit,
};

// ANCHOR: two_weight_fit_text
/// The second seed post's run: y = x w1 w2 on its fifteen points from w1 = w2 = 0.5
/// with lr = 1e-6, iterations 1 to 999, the loss before the update of every 50th.
pub fn two_weight_fit_text() -> String {
    let (x, y) = seed_points();
    let run = two_weight_fit(
        x.view(),
        y.view(),
        TWO_WEIGHT_START,
        TWO_WEIGHT_LR,
        TWO_WEIGHT_STEPS,
    );
    let mut out = String::new();
    for iter in (50..=TWO_WEIGHT_STEPS).step_by(50) {
        out += &format!("iter {iter}: loss = {}\n", run.losses[iter - 1]);
    }
    let [w1, w2] = *run.path.last().expect("the start at least");
    out += &format!("final: w1 = {w1}, w2 = {w2}, w1*w2 = {}\n", w1 * w2);
    out
}
// ANCHOR_END: two_weight_fit_text

/// Starts of the two-weight network besides the seed's: the figure and the table
/// follow each one.
pub const TWO_WEIGHT_STARTS: [[f64; 2]; 5] =
    [[0.5, 0.5], [0.2, 0.9], [0.9, 0.2], [0.1, 0.1], [1.2, 0.05]];

/// How many steps at the seed's learning rate bring every start of
/// `TWO_WEIGHT_STARTS` to the valley floor.
pub const LONG_RUN: usize = 100_000;

/// From each start, where 999 steps and `LONG_RUN` steps end, beside where the
/// valley floor w1 w2 = sum x y / sum x^2 meets the curve w1^2 - w2^2 = constant
/// through the start.
pub fn two_weight_starts() -> String {
    let (x, y) = seed_points();
    let p = slope_through_origin(x.view(), y.view());
    let mut out = format!(
        "y = x w1 w2 on the 15 points, lr = {TWO_WEIGHT_LR:e}; the best product is \
         sum x y / sum x^2 = {p:.6}\n\n"
    );
    out += &format!(
        "{:>12}  {:>26}  {:>26}  {:>20}\n",
        "start",
        "after 999 steps (product)",
        "after 100000 steps",
        "predicted landing"
    );
    for start in TWO_WEIGHT_STARTS {
        let (x, y) = (x.view(), y.view());
        let run = two_weight_fit(x, y, start, TWO_WEIGHT_LR, LONG_RUN);
        let short = run.path[TWO_WEIGHT_STEPS];
        let long = run.path[LONG_RUN];
        let landing = landing_point(start, p);
        out += &format!(
            "{:>12}  {:>26}  {:>26}  {:>20}\n",
            format!("({}, {})", start[0], start[1]),
            format!(
                "({:.4}, {:.4}) {:.4}",
                short[0],
                short[1],
                short[0] * short[1]
            ),
            format!("({:.4}, {:.4}) {:.4}", long[0], long[1], long[0] * long[1]),
            format!("({:.4}, {:.4})", landing[0], landing[1]),
        );
    }
    out
}
