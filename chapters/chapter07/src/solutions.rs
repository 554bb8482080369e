//! The exercises of chapter 7: the perceptron's forward pass, its gradients for one
//! output, many outputs and a batch, and the pieces of training it on iris.

// The worked functions the answers use. Until you use them the compiler would warn
// that they are unused, so each import allows it.
#[allow(unused_imports)]
use crate::perceptron::{loss, require_batch, sigmoid};
#[allow(unused_imports)]
use ndarray::Axis;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2};

// ANCHOR: perceptron_forward
/// The outputs of a sigmoid perceptron for a batch: O = sigma(X W + b), where X is
/// n × inputs (one sample a row), W is inputs × outputs and b has one entry per
/// output, added to every row. O is n × outputs. Panics, printing the shapes, when
/// they do not fit (see `require_batch`).
///
/// Exercise 7.1, section 7.1 "One output".
pub fn perceptron_forward(
    x: ArrayView2<f64>,
    w: ArrayView2<f64>,
    b: ArrayView1<f64>,
) -> Array2<f64> {
    // BEGIN SOLUTION
    require_batch("perceptron_forward", x, w, b, None);
    (x.dot(&w) + b).mapv(sigmoid)
    // END SOLUTION
}
// ANCHOR_END: perceptron_forward

// ANCHOR: single_output_gradient
/// The gradient of E = 1/2 (O - t)^2, where O = sigma(sum_j w_j x_j + b), for one
/// sample x with one output: (dE/dw, dE/db), where
/// dE/dw_j = (O - t) O (1 - O) x_j and dE/db = (O - t) O (1 - O).
/// Panics, printing both lengths, unless x and w have the same length.
///
/// Exercise 7.2, section 7.1 "One output".
pub fn single_output_gradient(
    x: ArrayView1<f64>,
    w: ArrayView1<f64>,
    b: f64,
    t: f64,
) -> (Array1<f64>, f64) {
    // BEGIN SOLUTION
    assert_eq!(
        x.len(),
        w.len(),
        "single_output_gradient: x has {} entries but w has {}: one weight per input",
        x.len(),
        w.len()
    );
    let o = sigmoid(x.dot(&w) + b);
    let delta = (o - t) * o * (1.0 - o);
    (&x * delta, delta)
    // END SOLUTION
}
// ANCHOR_END: single_output_gradient

// ANCHOR: perceptron_gradient
/// The gradient of the mean squared error of a batch,
/// E = 1/n sum_i 1/2 sum_k (O_ik - T_ik)^2 with O = sigma(X W + b), as
/// (dE/dW, dE/db): with Delta = (O - T) * O * (1 - O) entry by entry,
/// dE/dW = X^T Delta / n (inputs × outputs, the shape of W) and dE/db = the mean of
/// Delta's rows. Panics, printing the shapes, when they do not fit.
///
/// Exercise 7.3, section 7.2 "Many outputs and the matrix form".
pub fn perceptron_gradient(
    x: ArrayView2<f64>,
    w: ArrayView2<f64>,
    b: ArrayView1<f64>,
    t: ArrayView2<f64>,
) -> (Array2<f64>, Array1<f64>) {
    // BEGIN SOLUTION
    require_batch("perceptron_gradient", x, w, b, Some(t));
    let n = x.nrows() as f64;
    let o = (x.dot(&w) + b).mapv(sigmoid);
    let delta = (&o - &t) * &o * (1.0 - &o);
    let grad_w = x.t().dot(&delta) / n;
    let grad_b = delta.sum_axis(Axis(0)) / n;
    (grad_w, grad_b)
    // END SOLUTION
}
// ANCHOR_END: perceptron_gradient

// ANCHOR: standardize
/// Each column of x moved to mean 0 and scaled to standard deviation 1:
/// (x - mean) / std, with the mean and the (population, divide-by-n) standard
/// deviation of each column. Returns the scaled x, the means and the deviations.
/// Panics, naming the column, if a column is constant (its deviation is 0).
///
/// Exercise 7.4, section 7.4 "Fisher's iris".
pub fn standardize(x: ArrayView2<f64>) -> (Array2<f64>, Array1<f64>, Array1<f64>) {
    // BEGIN SOLUTION
    let mean = x.mean_axis(Axis(0)).expect("standardize: x has no rows");
    let std = x.std_axis(Axis(0), 0.0);
    if let Some(j) = std.iter().position(|&s| s == 0.0) {
        panic!("standardize: column {j} is constant, so it cannot be scaled");
    }
    ((&x - &mean) / &std, mean, std)
    // END SOLUTION
}
// ANCHOR_END: standardize

// ANCHOR: step
/// One step of full-batch gradient descent on the perceptron's mean squared error:
/// W -= lr dE/dW and b -= lr dE/db, with the gradient of `perceptron_gradient`.
/// Returns E before the step. Panics if E is NaN or infinite, which only a NaN or
/// infinite entry in the inputs, the targets or the weights can cause.
///
/// Exercise 7.5, section 7.4 "Fisher's iris".
pub fn step(
    x: ArrayView2<f64>,
    t: ArrayView2<f64>,
    w: &mut Array2<f64>,
    b: &mut Array1<f64>,
    lr: f64,
) -> f64 {
    // BEGIN SOLUTION
    let o = perceptron_forward(x, w.view(), b.view());
    let loss = loss(o.view(), t);
    assert!(
        loss.is_finite(),
        "step: the loss became {loss}: look for a NaN or infinite entry in the \
         inputs x, the targets t or the weights w and b"
    );
    let (grad_w, grad_b) = perceptron_gradient(x, w.view(), b.view(), t);
    w.scaled_add(-lr, &grad_w);
    b.scaled_add(-lr, &grad_b);
    loss
    // END SOLUTION
}
// ANCHOR_END: step

// ANCHOR: accuracy
/// The fraction of entries where the output, thresholded at 1/2, is the target:
/// O >= 1/2 counts as 1, O < 1/2 as 0, and the targets are 0 or 1. Panics, printing
/// both shapes, unless `outputs` and `targets` have the same shape.
///
/// Exercise 7.6, section 7.4 "Fisher's iris".
pub fn accuracy(outputs: ArrayView2<f64>, targets: ArrayView2<f64>) -> f64 {
    // BEGIN SOLUTION
    assert_eq!(
        outputs.shape(),
        targets.shape(),
        "accuracy: outputs have shape {:?} but targets {:?}",
        outputs.shape(),
        targets.shape()
    );
    let predicted = outputs.mapv(|o| if o >= 0.5 { 1.0 } else { 0.0 });
    let right = ndarray::Zip::from(&predicted)
        .and(&targets)
        .fold(0, |count, p, t| count + usize::from(p == t));
    right as f64 / outputs.len() as f64
    // END SOLUTION
}
// ANCHOR_END: accuracy

// ANCHOR: decision_boundary
/// The decision boundary of a perceptron with two inputs, w_1 x_1 + w_2 x_2 + b = 0,
/// where O = 1/2, as a line x_2 = slope x_1 + intercept: returns
/// (slope, intercept). Panics if w_2 = 0 (the boundary is then vertical) or if w
/// does not have two entries.
///
/// Exercise 7.7, section 7.4 "Fisher's iris".
pub fn decision_boundary(w: ArrayView1<f64>, b: f64) -> (f64, f64) {
    // BEGIN SOLUTION
    assert_eq!(
        w.len(),
        2,
        "decision_boundary: w has {} entries, but a line needs two inputs",
        w.len()
    );
    assert!(
        w[1] != 0.0,
        "decision_boundary: w_2 = 0, so the boundary x_1 = {} is vertical and has no \
         slope",
        -b / w[0]
    );
    (-w[0] / w[1], -b / w[1])
    // END SOLUTION
}
// ANCHOR_END: decision_boundary
