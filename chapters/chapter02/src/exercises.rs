//! Your answers to the exercises of chapter02. Replace each `todo!()` with your code,
//! then run `cargo test -p chapter02`.
//!
//! Generated from `src/solutions.rs` by `cargo xtask stubs`.
#![allow(unused_variables)] // A stub does not use its arguments yet.

use crate::critical::CriticalKind;

// ANCHOR: partial_derivative
/// The partial derivative of f with respect to coordinate i at the point x, by the
/// central difference of chapter 1 along that coordinate, the others held fixed:
/// (f(x + h e_i) - f(x - h e_i)) / 2h, where e_i is 1 in place i and 0 elsewhere.
/// Panics, naming both, if i is not a coordinate of x.
///
/// Exercise 2.1, section 2.1 "The numerical gradient".
pub fn partial_derivative(
    f: impl Fn(&[f64]) -> f64,
    x: &[f64],
    i: usize,
    h: f64,
) -> f64 {
    todo!(
        "Exercise 2.1 (`partial_derivative`) is yours to write: read section 2.1 \"The numerical gradient\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: partial_derivative

// ANCHOR: numerical_gradient
/// The gradient of f at x by central differences, one coordinate at a time: the list
/// of the partial derivatives (∂f/∂x_0, ..., ∂f/∂x_(n-1)), each with step h.
///
/// Exercise 2.2, section 2.1 "The numerical gradient".
pub fn numerical_gradient(f: impl Fn(&[f64]) -> f64, x: &[f64], h: f64) -> Vec<f64> {
    todo!(
        "Exercise 2.2 (`numerical_gradient`) is yours to write: read section 2.1 \"The numerical gradient\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: numerical_gradient

// ANCHOR: himmelblau_gradient
/// The gradient of Himmelblau's function f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2
/// at p = [x, y]: the two partial derivatives [∂f/∂x, ∂f/∂y] there, by a formula
/// worked out by hand (not by differences).
///
/// Exercise 2.3, section 2.2 "Himmelblau's function".
pub fn himmelblau_gradient([x, y]: [f64; 2]) -> [f64; 2] {
    todo!(
        "Exercise 2.3 (`himmelblau_gradient`) is yours to write: read section 2.2 \"Himmelblau's function\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: himmelblau_gradient

// ANCHOR: directional_derivative
/// The directional derivative D_u f = ∇f · u: the rate of change of f per unit of
/// distance along `direction`, given the gradient of f at the point. The direction
/// need not have length 1: it is divided by its length first, u = d / |d|. Panics on
/// the zero direction, which points nowhere, with a message that says it is "zero";
/// and on a gradient and a direction of different lengths, with a message that
/// names their "lengths".
///
/// Exercise 2.4, section 2.3 "Steepest ascent".
pub fn directional_derivative(gradient: &[f64], direction: &[f64]) -> f64 {
    todo!(
        "Exercise 2.4 (`directional_derivative`) is yours to write: read section 2.3 \"Steepest ascent\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: directional_derivative

// ANCHOR: numerical_hessian
/// The Hessian of f at x by central differences: entry [i][j] is ∂²f/∂x_i∂x_j, the
/// central difference with step h, along coordinate j, of the numerical gradient's
/// component i. That is the four-point formula
/// (f(x + h e_i + h e_j) - f(x + h e_i - h e_j) - f(x - h e_i + h e_j)
///  + f(x - h e_i - h e_j)) / 4h^2. The answer is exactly symmetric.
///
/// Exercise 2.5, section 2.4 "Critical points".
pub fn numerical_hessian(
    f: impl Fn(&[f64]) -> f64,
    x: &[f64],
    h: f64,
) -> Vec<Vec<f64>> {
    todo!(
        "Exercise 2.5 (`numerical_hessian`) is yours to write: read section 2.4 \"Critical points\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: numerical_hessian

// ANCHOR: symmetric_eigenvalues
/// The two eigenvalues λ1 <= λ2 of the symmetric 2 × 2 matrix m, the smaller first:
/// the two numbers λ for which m - λI is singular, det(m - λI) = 0. Reads the
/// off-diagonal entry from m[0][1]; m[1][0] should be the same number.
///
/// Exercise 2.6, section 2.4 "Critical points".
pub fn symmetric_eigenvalues(m: [[f64; 2]; 2]) -> [f64; 2] {
    todo!(
        "Exercise 2.6 (`symmetric_eigenvalues`) is yours to write: read section 2.4 \"Critical points\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: symmetric_eigenvalues

// ANCHOR: classify_critical_point
/// What kind of critical point has this (symmetric) Hessian, by the signs of its
/// eigenvalues λ1 <= λ2: a minimum if both are positive, a maximum if both are
/// negative, a saddle if they have opposite signs, and undecided if either is zero,
/// which here means |λ| <= EIGENVALUE_TOLERANCE (1 + max(|λ1|, |λ2|)): zero beside
/// the eigenvalue of larger size, whatever its sign.
///
/// Exercise 2.7, section 2.4 "Critical points".
pub fn classify_critical_point(hessian: [[f64; 2]; 2]) -> CriticalKind {
    todo!(
        "Exercise 2.7 (`classify_critical_point`) is yours to write: read section 2.4 \"Critical points\" of the book, then replace this todo!() with your answer."
    )
}
// ANCHOR_END: classify_critical_point
