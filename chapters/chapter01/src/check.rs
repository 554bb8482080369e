//! Comparisons for tests that tell the learner what went wrong.

// ANCHOR: assert_close
/// Asserts that `got` is within `tol * (1 + |want|)` of `want`: an absolute tolerance
/// near zero and a relative one for large values. The message names the quantity, both
/// values, the error and the tolerance it allowed.
#[track_caller]
pub fn assert_close(what: &str, got: f64, want: f64, tol: f64) {
    let err = (got - want).abs();
    let allowed = tol * (1.0 + want.abs());
    assert!(
        err <= allowed,
        "{what}: expected {want}, got {got} (error {err:.1e}, allowed {allowed:.1e} = \
         {tol:.0e} * (1 + |expected|))"
    );
}
// ANCHOR_END: assert_close

// ANCHOR: assert_agree
/// Asserts that two computations of the same quantity agree: that `a`, found by
/// `label_a`, is within `tol * (1 + |b|)` of `b`, found by `label_b`. This is the
/// comparison of a gradient check, where either side may be the wrong one, so the
/// message names both computations beside their numbers, the difference and the
/// tolerance it allowed.
#[track_caller]
pub fn assert_agree(
    what: &str,
    label_a: &str,
    a: f64,
    label_b: &str,
    b: f64,
    tol: f64,
) {
    let diff = (a - b).abs();
    let allowed = tol * (1.0 + b.abs());
    assert!(
        diff <= allowed,
        "{what}: by {label_a} {a}, by {label_b} {b} (difference {diff:.1e}, allowed \
         {allowed:.1e} = {tol:.0e} * (1 + |{b}|))"
    );
}
// ANCHOR_END: assert_agree

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(
        expected = "(x^2)' at x = 3: expected 6, got 7 (error 1.0e0, allowed \
                               7.0e-15 = 1e-15 * (1 + |expected|))"
    )]
    fn assert_close_names_both_values_and_the_allowance() {
        // The allowance is 1e-15 (1 + 6) = 7e-15.
        assert_close("(x^2)' at x = 3", 7.0, 6.0, 1e-15);
    }

    #[test]
    #[should_panic(expected = "(x^2)' at x = 3: by the rule 6, by differences 7 \
                               (difference 1.0e0, allowed 8.0e-7 = 1e-7 * \
                               (1 + |7|))")]
    fn assert_agree_names_both_computations() {
        // The allowance is 1e-7 (1 + 7) = 8e-7.
        assert_agree("(x^2)' at x = 3", "the rule", 6.0, "differences", 7.0, 1e-7);
    }
}
