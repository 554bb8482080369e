//! The exercises of chapter 4: the mean squared error of a linear model and its
//! gradient, the least-squares line, one epoch each of batch, stochastic and
//! mini-batch descent, and the gradient of the two-weight network y = x w1 w2.

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
    // BEGIN SOLUTION
    require_shapes(x, y, params, "mse");
    let err = x.dot(&params) - y;
    err.dot(&err) / y.len() as f64
    // END SOLUTION
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
    // BEGIN SOLUTION
    require_shapes(x, y, params, "mse_gradient");
    let err = x.dot(&params) - y;
    x.t().dot(&err) * (2.0 / y.len() as f64)
    // END SOLUTION
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
    // BEGIN SOLUTION
    assert_eq!(
        x.len(),
        y.len(),
        "least_squares: x has shape [{}] but y [{}]: pass one y for each x",
        x.len(),
        y.len()
    );
    assert!(
        x.iter().any(|&xi| xi != x[0]),
        "least_squares: the {} x are all equal (or there are none), so every line \
         through their mean fits as well as any other: give at least two different \
         x",
        x.len()
    );
    let n = x.len() as f64;
    let (sx, sy, sxx, sxy) = (x.sum(), y.sum(), x.dot(&x), x.dot(&y));
    let det = n * sxx - sx * sx;
    array![(n * sxy - sx * sy) / det, (sxx * sy - sx * sxy) / det]
    // END SOLUTION
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
    // BEGIN SOLUTION
    let cost = mse(x, y, params.view());
    let grad = mse_gradient(x, y, params.view());
    params.scaled_add(-lr, &grad);
    cost
    // END SOLUTION
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
    // BEGIN SOLUTION
    require_shapes(x, y, params.view(), "sgd_epoch");
    let rows = x.axis_chunks_iter(Axis(0), 1);
    let targets = y.axis_chunks_iter(Axis(0), 1);
    rows.zip(targets)
        .map(|(xi, yi)| batch_epoch(xi, yi, params, lr))
        .collect()
    // END SOLUTION
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
    // BEGIN SOLUTION
    require_shapes(x, y, params.view(), "minibatch_epoch");
    require_order(order, x.nrows(), batch_size, "minibatch_epoch");
    order
        .chunks(batch_size)
        .map(|batch| {
            let (xb, yb) = (x.select(Axis(0), batch), y.select(Axis(0), batch));
            batch_epoch(xb.view(), yb.view(), params, lr)
        })
        .collect()
    // END SOLUTION
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
    // BEGIN SOLUTION
    assert_eq!(
        x.len(),
        y.len(),
        "two_weight_gradient: x has shape [{}] but y [{}]: pass one y for each x",
        x.len(),
        y.len()
    );
    let [w1, w2] = w;
    let err = &x * (w1 * w2) - y;
    let d_product = 2.0 * x.dot(&err);
    [d_product * w2, d_product * w1]
    // END SOLUTION
}
// ANCHOR_END: two_weight_gradient
