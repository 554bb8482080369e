//! Comparisons for tests that tell the learner what went wrong.

/// Asserts that `got` is within `tol * (1 + |want|)` of `want`: an absolute tolerance
/// near zero and a relative one for large values. The message names the quantity, both
/// values, the error and the tolerance.
#[track_caller]
pub fn assert_close(what: &str, got: f64, want: f64, tol: f64) {
    let err = (got - want).abs();
    assert!(
        err <= tol * (1.0 + want.abs()),
        "{what}: expected {want}, got {got} (error {err:.1e}, allowed {tol:.0e})"
    );
}
