//! Your answers to the exercises of chapter05. Replace each `todo!()` with your code,
//! then run `cargo test -p chapter05`.
//!
//! Generated from `src/solutions.rs` by `cargo xtask stubs`.
#![allow(unused_variables)] // A stub does not use its arguments yet.

// The worked functions the answers use. Until you use them the compiler would warn
// that they are unused, so each import allows it.
#[allow(unused_imports)]
use crate::activation::{sigmoid, tanh};
#[allow(unused_imports)]
use crate::losses::{require_label, require_same_length};
#[allow(unused_imports)]
use crate::softmax::{log_sum_exp, require_logits};
#[allow(unused_imports)]
use ndarray::Axis;
use ndarray::{Array1, Array2, ArrayView1};

// ANCHOR: sigmoid_prime
/// The derivative of the sigmoid, sigma(x) = 1 / (1 + e^(-x)), at each entry of z.
/// Every entry of the result lies in [0, 1/4], for inputs as large as +-1e4 too.
///
/// Exercise 5.1, section 5.1 "Activations and their derivatives".
pub fn sigmoid_prime(z: ArrayView1<f64>) -> Array1<f64> {
    todo!(
        "Exercise 5.1 (`sigmoid_prime`) is yours to write: read section 5.1 \"Activations and their derivatives\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: sigmoid_prime

// ANCHOR: tanh_prime
/// The derivative of tanh at each entry of z. Every entry of the result lies in
/// [0, 1], for inputs as large as +-1e4 too.
///
/// Exercise 5.2, section 5.1 "Activations and their derivatives".
pub fn tanh_prime(z: ArrayView1<f64>) -> Array1<f64> {
    todo!(
        "Exercise 5.2 (`tanh_prime`) is yours to write: read section 5.1 \"Activations and their derivatives\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: tanh_prime

// ANCHOR: relu_prime
/// The derivative of ReLU, max(0, x), at each entry of z: 0 where z_i < 0 and 1
/// where z_i > 0. At z_i = 0, where ReLU has a corner and no derivative, 0, as in
/// PyTorch.
///
/// Exercise 5.3, section 5.1 "Activations and their derivatives".
pub fn relu_prime(z: ArrayView1<f64>) -> Array1<f64> {
    todo!(
        "Exercise 5.3 (`relu_prime`) is yours to write: read section 5.1 \"Activations and their derivatives\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: relu_prime

// ANCHOR: softmax
/// The softmax of the logits z of one example (one logit per class): the
/// probabilities p_i = e^(z_i) / sum_k e^(z_k). The result must be a distribution,
/// every entry in [0, 1] and the sum 1, for logits as large as +-1e4 too, where that
/// formula computed as printed gives NaN. Panics on empty logits, through
/// `require_logits(z, "softmax")`.
///
/// Exercise 5.4, section 5.2 "Softmax and its Jacobian".
pub fn softmax(z: ArrayView1<f64>) -> Array1<f64> {
    todo!(
        "Exercise 5.4 (`softmax`) is yours to write: read section 5.2 \"Softmax and its Jacobian\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: softmax

// ANCHOR: softmax_jacobian
/// The Jacobian of the softmax at the logits z: the n x n matrix whose entry (i, j)
/// is dp_i / dz_j, where p = softmax(z) and n is the number of classes. Finite for
/// logits as large as +-1e4 too.
///
/// Exercise 5.5, section 5.2 "Softmax and its Jacobian".
pub fn softmax_jacobian(z: ArrayView1<f64>) -> Array2<f64> {
    todo!(
        "Exercise 5.5 (`softmax_jacobian`) is yours to write: read section 5.2 \"Softmax and its Jacobian\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: softmax_jacobian

// ANCHOR: mse_gradient
/// The gradient, with respect to the predictions, of the mean squared error
/// (1/n) sum_i (prediction_i - target_i)^2, where n is the number of predictions
/// (one per example). Panics, through `require_same_length(prediction,
/// "predictions", target, "targets", "mse_gradient")`, unless there is exactly one
/// target per prediction, and at least one.
///
/// Exercise 5.6, section 5.3 "Losses and their gradients".
pub fn mse_gradient(
    prediction: ArrayView1<f64>,
    target: ArrayView1<f64>,
) -> Array1<f64> {
    todo!(
        "Exercise 5.6 (`mse_gradient`) is yours to write: read section 5.3 \"Losses and their gradients\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: mse_gradient

// ANCHOR: cross_entropy
/// The cross-entropy of one example, -ln softmax(z)[label]: z holds the example's
/// logits, one per class, and `label` is the index of its right class. Finite and
/// accurate for logits as large as +-1e4 too, where softmax(z)[label] can underflow
/// to 0. Panics, through `require_label(z, label, "cross_entropy")`, on empty
/// logits or a label that is not below the number of classes.
///
/// Exercise 5.7, section 5.3 "Losses and their gradients".
pub fn cross_entropy(z: ArrayView1<f64>, label: usize) -> f64 {
    todo!(
        "Exercise 5.7 (`cross_entropy`) is yours to write: read section 5.3 \"Losses and their gradients\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: cross_entropy

// ANCHOR: cross_entropy_gradient
/// The gradient of `cross_entropy(z, label)` with respect to the logits z of one
/// example. Every entry lies in [-1, 1], for logits as large as +-1e4 too. Panics
/// like `cross_entropy`, through `require_label(z, label, "cross_entropy_gradient")`.
///
/// Exercise 5.8, section 5.3 "Losses and their gradients".
pub fn cross_entropy_gradient(z: ArrayView1<f64>, label: usize) -> Array1<f64> {
    todo!(
        "Exercise 5.8 (`cross_entropy_gradient`) is yours to write: read section 5.3 \"Losses and their gradients\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: cross_entropy_gradient

// ANCHOR: softplus
/// Softplus at each entry of z, ln(1 + e^(z_i)): a smooth ReLU, whose slope is
/// sigma(z_i). Finite for inputs as large as +-1e4 too, where e^(z_i) overflows,
/// and accurate to the last digit where the answer is tiny: ln(1 + e^(-40)) is
/// 4.2e-18, not 0.
///
/// Exercise 5.9, section 5.3 "Losses and their gradients".
pub fn softplus(z: ArrayView1<f64>) -> Array1<f64> {
    todo!(
        "Exercise 5.9 (`softplus`) is yours to write: read section 5.3 \"Losses and their gradients\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: softplus

// ANCHOR: binary_cross_entropy_with_logits
/// Binary cross-entropy from logits, PyTorch's `F.binary_cross_entropy_with_logits`:
/// z holds one logit per example and y each example's target in [0, 1], and the
/// result is the mean over the n examples of
/// -(y_i ln sigma(z_i) + (1 - y_i) ln(1 - sigma(z_i))). Finite and accurate for
/// logits as large as +-1e4 too, where sigma(z_i) rounds to 0 or 1. Panics, through
/// `require_same_length(z, "logits", y, "targets",
/// "binary_cross_entropy_with_logits")`, unless there is exactly one target per
/// logit, and at least one.
///
/// Exercise 5.10, section 5.3 "Losses and their gradients".
pub fn binary_cross_entropy_with_logits(
    z: ArrayView1<f64>,
    y: ArrayView1<f64>,
) -> f64 {
    todo!(
        "Exercise 5.10 (`binary_cross_entropy_with_logits`) is yours to write: read section 5.3 \"Losses and their gradients\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: binary_cross_entropy_with_logits
