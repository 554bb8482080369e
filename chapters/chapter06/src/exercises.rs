//! Your answers to the exercises of chapter06. Replace each `todo!()` with your code,
//! then run `cargo test -p chapter06`.
//!
//! Generated from `src/solutions.rs` by `cargo xtask stubs`.
#![allow(unused_variables)] // A stub does not use its arguments yet.

use crate::tape::Var;

// ANCHOR: jacobian_product
/// The Jacobian of a composition z(y(x)) from the Jacobians of its parts, by the
/// chain rule for vectors: dz/dx = (dz/dy)(dy/dx), the matrix product
/// `outer` (m × k) times `inner` (k × n), rows first. Panics, naming both shapes,
/// unless each row of `outer` has as many entries as `inner` has rows.
///
/// Exercise 6.1, section 6.1 "The chain rule".
pub fn jacobian_product(outer: &[Vec<f64>], inner: &[Vec<f64>]) -> Vec<Vec<f64>> {
    todo!(
        "Exercise 6.1 (`jacobian_product`) is yours to write: read section 6.1 \"The chain rule\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: jacobian_product

// ANCHOR: topological_order
/// The nodes that `output` depends on (itself included), each before all of its
/// parents: the order a backward pass visits them. `parents[i]` lists node i's
/// inputs; the graph has no cycles, and its numbering need not be a tape's.
///
/// Exercise 6.2, section 6.2 "The computational graph".
pub fn topological_order(parents: &[Vec<usize>], output: usize) -> Vec<usize> {
    todo!(
        "Exercise 6.2 (`topological_order`) is yours to write: read section 6.2 \"The computational graph\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: topological_order

// ANCHOR: adjoints
/// The adjoint d output / d node of every node of a tape, where `edges[i]` lists
/// node i's parents with the local derivative d node_i / d parent, and every
/// parent comes earlier on the tape than its child. Each node's adjoint is the sum,
/// over its consumers c, of adjoint(c) times the local derivative on the edge; the
/// output's is 1, and a node the output does not depend on gets 0.
///
/// Exercise 6.3, section 6.2 "The computational graph".
pub fn adjoints(edges: &[Vec<(usize, f64)>], output: usize) -> Vec<f64> {
    todo!(
        "Exercise 6.3 (`adjoints`) is yours to write: read section 6.2 \"The computational graph\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: adjoints

// ANCHOR: mul_backward
/// The backward rule of the product a b: given the inputs and the gradient `grad`
/// of the output, the gradients of a and of b, in that order.
///
/// Exercise 6.4, section 6.3 "An engine of our own".
pub fn mul_backward(a: f64, b: f64, grad: f64) -> (f64, f64) {
    todo!(
        "Exercise 6.4 (`mul_backward`) is yours to write: read section 6.3 \"An engine of our own\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: mul_backward

// ANCHOR: div_backward
/// The backward rule of the quotient a / b (b not 0): given the inputs and the
/// gradient `grad` of the output, the gradients of a and of b, in that order.
///
/// Exercise 6.5, section 6.3 "An engine of our own".
pub fn div_backward(a: f64, b: f64, grad: f64) -> (f64, f64) {
    todo!(
        "Exercise 6.5 (`div_backward`) is yours to write: read section 6.3 \"An engine of our own\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: div_backward

// ANCHOR: tanh_backward
/// The backward rule of tanh, from its saved output t = tanh x (not from x): the
/// gradient of the input, given the gradient `grad` of the output.
///
/// Exercise 6.6, section 6.3 "An engine of our own".
pub fn tanh_backward(out: f64, grad: f64) -> f64 {
    todo!(
        "Exercise 6.6 (`tanh_backward`) is yours to write: read section 6.3 \"An engine of our own\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: tanh_backward

// ANCHOR: leaky_relu
/// The leaky ReLU as a custom operation (`Tape::custom`, named "leaky_relu"): x for
/// x > 0 and `slope` x otherwise, with the backward rule that its derivative and the
/// chain rule give.
///
/// Exercise 6.7, section 6.3 "An engine of our own".
pub fn leaky_relu(x: Var<'_>, slope: f64) -> Var<'_> {
    todo!(
        "Exercise 6.7 (`leaky_relu`) is yours to write: read section 6.3 \"An engine of our own\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: leaky_relu

// ANCHOR: mse
/// The mean squared error (1/n) sum_i (prediction_i - target_i)^2 on the tape, so
/// that backward() gives its gradient. Panics, naming both lengths, unless there is
/// one target per prediction and at least one of each.
///
/// Exercise 6.8, section 6.4 "The seed experiments, by engine".
pub fn mse<'t>(predictions: &[Var<'t>], targets: &[f64]) -> Var<'t> {
    todo!(
        "Exercise 6.8 (`mse`) is yours to write: read section 6.4 \"The seed experiments, by engine\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: mse
