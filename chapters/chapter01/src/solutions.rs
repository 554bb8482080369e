//! Reference answers.

/// doc
///
/// Exercise 1.1, section 1.2 "Finite differences".
pub fn forward_difference(f: impl Fn(f64) -> f64, x: f64, h: f64) -> f64 {
    // BEGIN SOLUTION
    (f(x + h) - f(x)) / h
    // END SOLUTION
}
