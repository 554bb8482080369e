//! Comparisons for tests that tell the learner what went wrong.

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
