//! The exercises of chapter 2: partial derivatives, the gradient, the directional
//! derivative and critical points.

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
    // BEGIN SOLUTION
    assert!(
        i < x.len(),
        "partial_derivative: there is no coordinate {i} in a point with {} \
         coordinates (they are numbered from 0)",
        x.len()
    );
    // f as a function of coordinate i alone, every other coordinate held at x's.
    let along = |t: f64| {
        let mut p = x.to_vec();
        p[i] = t;
        f(&p)
    };
    chapter01::exercises::central_difference(along, x[i], h)
    // END SOLUTION
}
// ANCHOR_END: partial_derivative

// ANCHOR: numerical_gradient
/// The gradient of f at x by central differences, one coordinate at a time: the list
/// of the partial derivatives (∂f/∂x_0, ..., ∂f/∂x_(n-1)), each with step h.
///
/// Exercise 2.2, section 2.1 "The numerical gradient".
pub fn numerical_gradient(f: impl Fn(&[f64]) -> f64, x: &[f64], h: f64) -> Vec<f64> {
    // BEGIN SOLUTION
    (0..x.len())
        .map(|i| partial_derivative(&f, x, i, h))
        .collect()
    // END SOLUTION
}
// ANCHOR_END: numerical_gradient

// ANCHOR: himmelblau_gradient
/// The gradient of Himmelblau's function f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2
/// at p = [x, y]: the two partial derivatives [∂f/∂x, ∂f/∂y] there, by a formula
/// worked out by hand (not by differences).
///
/// Exercise 2.3, section 2.2 "Himmelblau's function".
pub fn himmelblau_gradient([x, y]: [f64; 2]) -> [f64; 2] {
    // BEGIN SOLUTION
    let (a, b) = (x * x + y - 11.0, x + y * y - 7.0);
    [4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b]
    // END SOLUTION
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
    // BEGIN SOLUTION
    assert_eq!(
        gradient.len(),
        direction.len(),
        "directional_derivative: the gradient has {} components and the direction \
         {}; their lengths must match, one component per coordinate",
        gradient.len(),
        direction.len()
    );
    let length = direction.iter().map(|d| d * d).sum::<f64>().sqrt();
    assert!(
        length > 0.0,
        "directional_derivative: the direction {direction:?} is the zero vector, \
         which points nowhere; pass a direction with a nonzero component"
    );
    let dot: f64 = gradient.iter().zip(direction).map(|(g, d)| g * d).sum();
    dot / length
    // END SOLUTION
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
    // BEGIN SOLUTION
    let n = x.len();
    let gradient_moved = |j: usize, step: f64| {
        let mut p = x.to_vec();
        p[j] += step;
        numerical_gradient(&f, &p, h)
    };
    // columns[j][i] is the central difference along j of the gradient's component i.
    let columns: Vec<Vec<f64>> = (0..n)
        .map(|j| {
            let (up, down) = (gradient_moved(j, h), gradient_moved(j, -h));
            up.iter()
                .zip(&down)
                .map(|(u, d)| (u - d) / (2.0 * h))
                .collect()
        })
        .collect();
    // The two estimates of each mixed derivative differ only by rounding; their mean
    // is the same whichever way round it is taken, so the answer is symmetric.
    (0..n)
        .map(|i| {
            (0..n)
                .map(|j| (columns[j][i] + columns[i][j]) / 2.0)
                .collect()
        })
        .collect()
    // END SOLUTION
}
// ANCHOR_END: numerical_hessian

// ANCHOR: symmetric_eigenvalues
/// The two eigenvalues λ1 <= λ2 of the symmetric 2 × 2 matrix m, the smaller first:
/// the two numbers λ for which m - λI is singular, det(m - λI) = 0. Reads the
/// off-diagonal entry from m[0][1]; m[1][0] should be the same number.
///
/// Exercise 2.6, section 2.4 "Critical points".
pub fn symmetric_eigenvalues(m: [[f64; 2]; 2]) -> [f64; 2] {
    // BEGIN SOLUTION
    let [[alpha, beta], [_, gamma]] = m;
    let mean = (alpha + gamma) / 2.0;
    let r = ((alpha - gamma) / 2.0).hypot(beta);
    [mean - r, mean + r]
    // END SOLUTION
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
    // BEGIN SOLUTION
    let [low, high] = symmetric_eigenvalues(hessian);
    let zero =
        crate::critical::EIGENVALUE_TOLERANCE * (1.0 + low.abs().max(high.abs()));
    if low.abs() <= zero || high.abs() <= zero {
        CriticalKind::Undecided
    } else if low > 0.0 {
        CriticalKind::Minimum
    } else if high < 0.0 {
        CriticalKind::Maximum
    } else {
        CriticalKind::Saddle
    }
    // END SOLUTION
}
// ANCHOR_END: classify_critical_point
