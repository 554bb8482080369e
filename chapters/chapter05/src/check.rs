//! Derivatives of functions of vectors by chapter 1's central difference, and
//! comparisons of whole arrays for the tests: each prints both arrays, then compares
//! them entry by entry with chapter 1's `assert_close` and `assert_agree`.

use chapter01::check::{assert_agree, assert_close};
use chapter01::exercises::central_difference;
use ndarray::{Array1, Array2, ArrayBase, ArrayView1, Data, Dimension};

// ANCHOR: numerical_gradient
/// The gradient of a function `f` of a vector at z by central differences with step
/// h: entry j is the central difference of t -> f(z with z_j replaced by t) at z_j.
pub fn numerical_gradient(
    f: impl Fn(ArrayView1<f64>) -> f64,
    z: ArrayView1<f64>,
    h: f64,
) -> Array1<f64> {
    Array1::from_shape_fn(z.len(), |j| {
        central_difference(|t| f(nudged(z, j, t).view()), z[j], h)
    })
}
// ANCHOR_END: numerical_gradient

// ANCHOR: numerical_jacobian
/// The Jacobian of a function `f` from vectors to vectors at z by central
/// differences with step h: entry (i, j) is the central difference of
/// t -> f(z with z_j replaced by t)_i at z_j, so column j is how the whole output
/// moves with z_j.
pub fn numerical_jacobian(
    f: impl Fn(ArrayView1<f64>) -> Array1<f64>,
    z: ArrayView1<f64>,
    h: f64,
) -> Array2<f64> {
    let outputs = f(z).len();
    Array2::from_shape_fn((outputs, z.len()), |(i, j)| {
        central_difference(|t| f(nudged(z, j, t).view())[i], z[j], h)
    })
}
// ANCHOR_END: numerical_jacobian

/// A copy of z with entry j replaced by t.
fn nudged(z: ArrayView1<f64>, j: usize, t: f64) -> Array1<f64> {
    let mut w = z.to_owned();
    w[j] = t;
    w
}

// ANCHOR: assert_arrays_close
/// Asserts that `got` has the shape of `want` and that each entry of `got` is within
/// `tol * (1 + |w|)` of the entry `w` of `want` at the same place. The message names
/// the quantity, prints both arrays whole, and then, through `assert_close`, the
/// first entry that is off with its error and the tolerance it allowed.
#[track_caller]
pub fn assert_arrays_close<S, T, D>(
    what: &str,
    got: &ArrayBase<S, D>,
    want: &ArrayBase<T, D>,
    tol: f64,
) where
    S: Data<Elem = f64>,
    T: Data<Elem = f64>,
    D: Dimension,
{
    assert_eq!(
        got.shape(),
        want.shape(),
        "{what}: expected shape {:?}, got shape {:?}\nexpected {want}\ngot      {got}",
        want.shape(),
        got.shape()
    );
    for ((index, &g), &w) in got.indexed_iter().zip(want.iter()) {
        let entry =
            format!("{what}\nexpected {want}\ngot      {got}\nat index {index:?}");
        assert_close(&entry, g, w, tol);
    }
}
// ANCHOR_END: assert_arrays_close

// ANCHOR: assert_arrays_agree
/// Asserts that two computations of the same array agree: that `a`, found by
/// `label_a`, has the shape of `b`, found by `label_b`, and that each entry of `a`
/// is within `tol * (1 + |b|)` of the entry of `b` at the same place. This is the
/// comparison of a gradient check, where either side may be the wrong one, so the
/// message names both computations beside their arrays, then, through
/// `assert_agree`, the first entry where they differ.
#[track_caller]
pub fn assert_arrays_agree<S, T, D>(
    what: &str,
    label_a: &str,
    a: &ArrayBase<S, D>,
    label_b: &str,
    b: &ArrayBase<T, D>,
    tol: f64,
) where
    S: Data<Elem = f64>,
    T: Data<Elem = f64>,
    D: Dimension,
{
    assert_eq!(
        a.shape(),
        b.shape(),
        "{what}: by {label_a} shape {:?}, by {label_b} shape {:?}\n\
         by {label_a}: {a}\nby {label_b}: {b}",
        a.shape(),
        b.shape()
    );
    for ((index, &x), &y) in a.indexed_iter().zip(b.iter()) {
        let entry = format!(
            "{what}\nby {label_a}: {a}\nby {label_b}: {b}\nat index {index:?}"
        );
        assert_agree(&entry, label_a, x, label_b, y, tol);
    }
}
// ANCHOR_END: assert_arrays_agree

// ANCHOR: assert_entrywise_close
/// `assert_arrays_close` for a function applied to each entry of the input `x`:
/// entry i of `got` and of `want` is the value at x_i, so the message also prints
/// x, and x_i beside the entry that is off.
#[track_caller]
pub fn assert_entrywise_close(
    what: &str,
    x: &Array1<f64>,
    got: &Array1<f64>,
    want: &Array1<f64>,
    tol: f64,
) {
    let what = format!("{what} at x = {x}");
    assert_eq!(
        got.len(),
        x.len(),
        "{what}: expected one entry per input, got {got}"
    );
    for (i, ((&xi, &g), &w)) in x.iter().zip(got).zip(want).enumerate() {
        let entry = format!(
            "{what}\nexpected {want}\ngot      {got}\nat index {i}, x = {xi}"
        );
        assert_close(&entry, g, w, tol);
    }
}
// ANCHOR_END: assert_entrywise_close

// ANCHOR: assert_entrywise_agree
/// `assert_arrays_agree` for a function applied to each entry of the input `x`:
/// the message also prints x, and x_i beside the entry where the two differ.
#[track_caller]
pub fn assert_entrywise_agree(
    what: &str,
    x: &Array1<f64>,
    label_a: &str,
    a: &Array1<f64>,
    label_b: &str,
    b: &Array1<f64>,
    tol: f64,
) {
    let what = format!("{what} at x = {x}");
    assert_eq!(
        a.len(),
        x.len(),
        "{what}: expected one entry per input, by {label_a} got {a}"
    );
    for (i, ((&xi, &p), &q)) in x.iter().zip(a).zip(b).enumerate() {
        let entry = format!(
            "{what}\nby {label_a}: {a}\nby {label_b}: {b}\nat index {i}, x = {xi}"
        );
        assert_agree(&entry, label_a, p, label_b, q, tol);
    }
}
// ANCHOR_END: assert_entrywise_agree

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn numerical_derivatives_of_simple_functions() {
        // f(z) = z_0^2 + 3 z_1 has gradient (2 z_0, 3) = (4, 3) at (2, 5); the
        // central difference is exact for a parabola and a line, up to round-off:
        // f is about 19, so EPSILON * 19 / 2e-5 = 2e-10. We allow 1e-9 (1 + |g|).
        let f = |z: ArrayView1<f64>| z[0] * z[0] + 3.0 * z[1];
        let z = array![2.0, 5.0];
        let gradient = numerical_gradient(f, z.view(), 1e-5);
        assert_arrays_close("gradient", &gradient, &array![4.0, 3.0], 1e-9);
        // g(z) = (z_0 z_1, z_1) has Jacobian [[z_1, z_0], [0, 1]] = [[5, 2], [0, 1]].
        let g = |z: ArrayView1<f64>| array![z[0] * z[1], z[1]];
        let jacobian = numerical_jacobian(g, z.view(), 1e-5);
        let want = array![[5.0, 2.0], [0.0, 1.0]];
        assert_arrays_close("Jacobian", &jacobian, &want, 1e-9);
    }

    #[test]
    fn equal_arrays_pass() {
        assert_arrays_close("p", &array![0.5, 0.25], &array![0.5, 0.25], 0.0);
        let m = array![[1.0, 2.0], [3.0, 4.0]];
        assert_arrays_agree("J", "rule", &m, "differences", &m.view(), 0.0);
    }

    #[test]
    #[should_panic(
        expected = "p\nexpected [0.5, 0.25]\ngot      [0.5, 0.5]\nat index 1: \
                               expected 0.25, got 0.5"
    )]
    fn assert_arrays_close_prints_both_arrays_and_the_entry_that_is_off() {
        assert_arrays_close("p", &array![0.5, 0.5], &array![0.5, 0.25], 1e-15);
    }

    #[test]
    #[should_panic(expected = "p: expected shape [2], got shape [3]")]
    fn assert_arrays_close_names_both_shapes() {
        assert_arrays_close("p", &array![1.0, 0.0, 0.0], &array![0.5, 0.5], 0.0);
    }

    #[test]
    #[should_panic(expected = "at index (1, 0): by rule 3, by differences 5")]
    fn assert_arrays_agree_names_both_computations_and_the_entry() {
        let a = array![[1.0, 2.0], [3.0, 4.0]];
        let b = array![[1.0, 2.0], [5.0, 4.0]];
        assert_arrays_agree("J", "rule", &a, "differences", &b, 1e-8);
    }

    #[test]
    #[should_panic(expected = "s' at x = [0, 2]\nexpected [0.25, 0.1]\ngot      \
                               [0.25, 0.2]\nat index 1, x = 2: expected 0.1, got 0.2")]
    fn assert_entrywise_close_names_the_input_of_the_entry_that_is_off() {
        let x = array![0.0, 2.0];
        assert_entrywise_close(
            "s'",
            &x,
            &array![0.25, 0.2],
            &array![0.25, 0.1],
            1e-8,
        );
    }

    #[test]
    #[should_panic(expected = "at index 0, x = -1: by rule 1, by differences 0")]
    fn assert_entrywise_agree_names_the_input_where_they_differ() {
        let (x, a, b) = (array![-1.0], array![1.0], array![0.0]);
        assert_entrywise_agree("r'", &x, "rule", &a, "differences", &b, 1e-8);
    }
}
