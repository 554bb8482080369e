//! The exercises of chapter 1: derivatives by the rules and by finite differences.

// ANCHOR: polynomial_derivative
/// The derivative of the polynomial c[0] + c[1] x + c[2] x^2 + ... + c[n] x^n, by the
/// power and sum rules: c[1] + 2 c[2] x + ... + n c[n] x^(n-1). Coefficients are
/// lowest degree first, in and out; the derivative of a constant (or of the empty
/// list) is the empty list, the zero polynomial.
///
/// Exercise 1.1, section 1.1 "The rules of differentiation".
pub fn polynomial_derivative(coefficients: &[f64]) -> Vec<f64> {
    // BEGIN SOLUTION
    coefficients
        .iter()
        .enumerate()
        .skip(1)
        .map(|(n, &c)| n as f64 * c)
        .collect()
    // END SOLUTION
}
// ANCHOR_END: polynomial_derivative

// ANCHOR: product_rule
/// The derivative of the product f g at a point, given the values f, g and the
/// derivatives f', g' of the two factors there: (f g)' = f' g + f g'.
///
/// Exercise 1.2, section 1.1 "The rules of differentiation".
pub fn product_rule(f: f64, f_prime: f64, g: f64, g_prime: f64) -> f64 {
    // BEGIN SOLUTION
    f_prime * g + f * g_prime
    // END SOLUTION
}
// ANCHOR_END: product_rule

// ANCHOR: quotient_rule
/// The derivative of the quotient f / g at a point where g is not 0, given the values
/// f, g and the derivatives f', g' there: (f / g)' = (f' g - f g') / g^2.
///
/// Exercise 1.3, section 1.1 "The rules of differentiation".
pub fn quotient_rule(f: f64, f_prime: f64, g: f64, g_prime: f64) -> f64 {
    // BEGIN SOLUTION
    (f_prime * g - f * g_prime) / (g * g)
    // END SOLUTION
}
// ANCHOR_END: quotient_rule

// ANCHOR: forward_difference
/// The forward difference (f(x + h) - f(x)) / h: the slope of the secant from x to
/// x + h, an estimate of f'(x) whose error shrinks like h.
///
/// Exercise 1.4, section 1.2 "Finite differences".
pub fn forward_difference(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    // BEGIN SOLUTION
    (f(x + h) - f(x)) / h
    // END SOLUTION
}
// ANCHOR_END: forward_difference

// ANCHOR: central_difference
/// The central difference (f(x + h) - f(x - h)) / 2h: the slope of the secant from
/// x - h to x + h, an estimate of f'(x) whose error shrinks like h^2. Later chapters
/// check every gradient with it.
///
/// Exercise 1.5, section 1.2 "Finite differences".
pub fn central_difference(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    // BEGIN SOLUTION
    (f(x + h) - f(x - h)) / (2.0 * h)
    // END SOLUTION
}
// ANCHOR_END: central_difference

// ANCHOR: error_order
/// The order p of a method whose error behaves like C h^p, measured from its errors
/// e1 at step h1 and e2 at step h2: p = ln(e1 / e2) / ln(h1 / h2).
///
/// Exercise 1.6, section 1.2 "Finite differences".
pub fn error_order(h1: f64, e1: f64, h2: f64, e2: f64) -> f64 {
    // BEGIN SOLUTION
    (e1 / e2).ln() / (h1 / h2).ln()
    // END SOLUTION
}
// ANCHOR_END: error_order

// ANCHOR: best_step
/// The candidate step h at which `estimate(h)` is closest to `exact`, that is with the
/// smallest error |estimate(h) - exact|. Panics if there are no candidates.
///
/// Exercise 1.7, section 1.3 "Round-off and the best step".
pub fn best_step(
    estimate: impl Fn(f64) -> f64,
    exact: f64,
    candidates: &[f64],
) -> f64 {
    // BEGIN SOLUTION
    let error = |h: f64| (estimate(h) - exact).abs();
    candidates
        .iter()
        .copied()
        .min_by(|&a, &b| error(a).total_cmp(&error(b)))
        .expect("best_step needs at least one candidate step")
    // END SOLUTION
}
// ANCHOR_END: best_step
