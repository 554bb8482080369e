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
/// The derivative of the sigmoid at each entry of z: sigma'(z_i) =
/// sigma(z_i) (1 - sigma(z_i)), with sigma from `crate::activation::sigmoid`.
///
/// Exercise 5.1, section 5.1 "Activations and their derivatives".
pub fn sigmoid_prime(z: ArrayView1<f64>) -> Array1<f64> {
    todo!(
        "Exercise 5.1 (`sigmoid_prime`) is yours to write: read section 5.1 \"Activations and their derivatives\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: sigmoid_prime

// ANCHOR: tanh_prime
/// The derivative of tanh at each entry of z: tanh'(z_i) = 1 - tanh^2(z_i).
///
/// Exercise 5.2, section 5.1 "Activations and their derivatives".
pub fn tanh_prime(z: ArrayView1<f64>) -> Array1<f64> {
    todo!(
        "Exercise 5.2 (`tanh_prime`) is yours to write: read section 5.1 \"Activations and their derivatives\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: tanh_prime

// ANCHOR: relu_prime
/// The derivative of ReLU at each entry of z: 1 where z_i > 0, else 0. At z_i = 0,
/// where ReLU has a corner and no derivative, 0, as in PyTorch.
///
/// Exercise 5.3, section 5.1 "Activations and their derivatives".
pub fn relu_prime(z: ArrayView1<f64>) -> Array1<f64> {
    todo!(
        "Exercise 5.3 (`relu_prime`) is yours to write: read section 5.1 \"Activations and their derivatives\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: relu_prime

// ANCHOR: softmax
/// The softmax of the logits z, p_i = e^(z_i) / sum_k e^(z_k), computed as
/// e^(z_i - m) / sum_k e^(z_k - m) with m the largest logit, so that no exponential
/// overflows and the sum is at least 1. Panics on empty logits, through
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
/// The Jacobian of the softmax at z, the n x n matrix of dp_i / dz_j:
/// diag(p) - p p^T, where p = softmax(z).
///
/// Exercise 5.5, section 5.2 "Softmax and its Jacobian".
pub fn softmax_jacobian(z: ArrayView1<f64>) -> Array2<f64> {
    todo!(
        "Exercise 5.5 (`softmax_jacobian`) is yours to write: read section 5.2 \"Softmax and its Jacobian\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: softmax_jacobian

// ANCHOR: mse_gradient
/// The gradient of the mean squared error (1/n) sum_i (prediction_i - target_i)^2
/// with respect to the predictions: (2/n) (prediction - target). Panics, through
/// `require_same_length`, unless there is one target per prediction, and at least
/// one.
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
/// The cross-entropy of the logits z with the class `label`, -ln softmax(z)[label],
/// computed as log_sum_exp(z) - z[label] so that it stays finite. Panics, through
/// `require_label(z, label, "cross_entropy")`, on empty logits or a label that is
/// not below the number of classes.
///
/// Exercise 5.7, section 5.3 "Losses and their gradients".
pub fn cross_entropy(z: ArrayView1<f64>, label: usize) -> f64 {
    todo!(
        "Exercise 5.7 (`cross_entropy`) is yours to write: read section 5.3 \"Losses and their gradients\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: cross_entropy

// ANCHOR: cross_entropy_gradient
/// The gradient of `cross_entropy(z, label)` with respect to the logits:
/// softmax(z) - onehot(label), the probabilities with 1 taken from the label's
/// entry. Panics like `cross_entropy`.
///
/// Exercise 5.8, section 5.3 "Losses and their gradients".
pub fn cross_entropy_gradient(z: ArrayView1<f64>, label: usize) -> Array1<f64> {
    todo!(
        "Exercise 5.8 (`cross_entropy_gradient`) is yours to write: read section 5.3 \"Losses and their gradients\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: cross_entropy_gradient

// ANCHOR: binary_cross_entropy_with_logits
/// Binary cross-entropy from logits z and targets y in [0, 1], PyTorch's
/// `F.binary_cross_entropy_with_logits`: the mean over i of
/// -(y_i ln sigma(z_i) + (1 - y_i) ln(1 - sigma(z_i))), computed in the stable form
/// max(z_i, 0) - y_i z_i + ln(1 + e^(-|z_i|)). Panics, through
/// `require_same_length`, unless there is one target per logit, and at least one.
///
/// Exercise 5.9, section 5.3 "Losses and their gradients".
pub fn binary_cross_entropy_with_logits(
    z: ArrayView1<f64>,
    y: ArrayView1<f64>,
) -> f64 {
    todo!(
        "Exercise 5.9 (`binary_cross_entropy_with_logits`) is yours to write: read section 5.3 \"Losses and their gradients\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: binary_cross_entropy_with_logits
