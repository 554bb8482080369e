//! Your answers to the exercises of chapter04. Replace each `todo!()` with your code,
//! then run `cargo test -p chapter04`.
//!
//! Generated from `src/solutions.rs` by `cargo xtask stubs`.
#![allow(unused_variables)] // A stub does not use its arguments yet.

// The worked functions the answers use. Until you use them the compiler would warn
// that they are unused, so each import allows it.
#[allow(unused_imports)]
use crate::model::{require_order, require_shapes};
use ndarray::{Array1, ArrayView1, ArrayView2};
#[allow(unused_imports)]
use ndarray::{Axis, array};

// ANCHOR: mse
/// The mean squared error of the linear model with weights `params` on the samples
/// (x, y), one row of x per sample: (1/n) sum_i (x_i . params - y_i)^2, where x_i is
/// row i. Panics, through `require_shapes(x, y, params, "mse")`, unless the shapes
/// fit.
///
/// Exercise 4.1, section 4.1 "The mean squared error and its gradient".
pub fn mse(x: ArrayView2<f64>, y: ArrayView1<f64>, params: ArrayView1<f64>) -> f64 {
    todo!(
        "Exercise 4.1 (`mse`) is yours to write: read section 4.1 \"The mean squared error and its gradient\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: mse

// ANCHOR: mse_gradient
/// The gradient of `mse` with respect to the weights, (2/n) x^T (x params - y),
/// whose entry j is (2/n) sum_i x_ij (x_i . params - y_i). For the columns [x, 1]
/// of the model y = w x + b it is [dC/dw, dC/db]. Panics, through
/// `require_shapes`, unless the shapes fit.
///
/// Exercise 4.2, section 4.1 "The mean squared error and its gradient".
pub fn mse_gradient(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    params: ArrayView1<f64>,
) -> Array1<f64> {
    todo!(
        "Exercise 4.2 (`mse_gradient`) is yours to write: read section 4.1 \"The mean squared error and its gradient\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: mse_gradient

// ANCHOR: least_squares
/// The line y = w x + b of least mean squared error through the points (x_i, y_i),
/// as [w, b]: the solution of the normal equations
/// [sum x^2, sum x; sum x, n] [w, b] = [sum x y, sum y], by Cramer's rule. Panics
/// unless there is one y per x and the x are not all equal (which includes fewer
/// than two points): then no single line fits best.
///
/// Exercise 4.3, section 4.1 "The mean squared error and its gradient".
pub fn least_squares(x: ArrayView1<f64>, y: ArrayView1<f64>) -> Array1<f64> {
    todo!(
        "Exercise 4.3 (`least_squares`) is yours to write: read section 4.1 \"The mean squared error and its gradient\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: least_squares

// ANCHOR: batch_epoch
/// One epoch of batch gradient descent: a single update params <- params - lr g,
/// where g is the gradient of the cost on all the samples given, at the weights the
/// epoch starts from. Returns that cost, before the update (as a PyTorch loop
/// reports `loss.item()`). Panics, through `require_shapes`, unless the shapes fit.
///
/// Exercise 4.4, section 4.2 "Batch gradient descent".
pub fn batch_epoch(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    params: &mut Array1<f64>,
    lr: f64,
) -> f64 {
    todo!(
        "Exercise 4.4 (`batch_epoch`) is yours to write: read section 4.2 \"Batch gradient descent\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: batch_epoch

// ANCHOR: sgd_epoch
/// One epoch of stochastic gradient descent, the samples in their order: for each
/// row i, an update params <- params - lr g_i, where g_i is the gradient of the loss
/// of sample i alone at the weights of that moment. Returns the loss of each sample
/// before its update, one per row. Panics, through `require_shapes`, unless the
/// shapes fit.
///
/// Exercise 4.5, section 4.3 "Stochastic gradient descent".
pub fn sgd_epoch(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    params: &mut Array1<f64>,
    lr: f64,
) -> Vec<f64> {
    todo!(
        "Exercise 4.5 (`sgd_epoch`) is yours to write: read section 4.3 \"Stochastic gradient descent\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: sgd_epoch

// ANCHOR: minibatch_epoch
/// One epoch of mini-batch descent: the samples in the given `order` (a shuffle of
/// 0..n), cut into batches of `batch_size` (the last one smaller if n is not a
/// multiple), one update per batch from the gradient of the batch's cost at the
/// weights of that moment. Returns each batch's cost before its update. Panics,
/// through `require_shapes` and `require_order(order, n, batch_size,
/// "minibatch_epoch")`, unless the shapes fit and the order is a shuffle of 0..n.
///
/// Exercise 4.6, section 4.4 "Mini-batches".
pub fn minibatch_epoch(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    params: &mut Array1<f64>,
    lr: f64,
    order: &[usize],
    batch_size: usize,
) -> Vec<f64> {
    todo!(
        "Exercise 4.6 (`minibatch_epoch`) is yours to write: read section 4.4 \"Mini-batches\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: minibatch_epoch

// ANCHOR: two_weight_gradient
/// The gradient of the summed squared error L = sum_i (x_i w1 w2 - y_i)^2 of the
/// network y = x w1 w2 with respect to w = [w1, w2]: with
/// dL/dp = 2 sum_i x_i (x_i w1 w2 - y_i) for the product p = w1 w2, it is
/// [dL/dp w2, dL/dp w1]. Panics unless there is one y per x.
///
/// Exercise 4.7, section 4.5 "Two weights for one slope".
pub fn two_weight_gradient(
    x: ArrayView1<f64>,
    y: ArrayView1<f64>,
    w: [f64; 2],
) -> [f64; 2] {
    todo!(
        "Exercise 4.7 (`two_weight_gradient`) is yours to write: read section 4.5 \"Two weights for one slope\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: two_weight_gradient
