//! The linear model as arrays: one row of `x` per sample, one column per weight, so
//! the predictions are `x.dot(params)`; the columns for y = w x and for y = w x + b;
//! and the checks of the shapes and of an epoch's order that the exercises call.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, concatenate};

// ANCHOR: column
/// The inputs of the model y = w x as a matrix of one column: row i is [x_i].
pub fn column(x: ArrayView1<f64>) -> Array2<f64> {
    x.insert_axis(Axis(1)).to_owned()
}
// ANCHOR_END: column

// ANCHOR: with_bias
/// The inputs of the model y = w x + b as a matrix of two columns: row i is
/// [x_i, 1], so that row i times [w, b] is w x_i + b. The bias is the weight of an
/// input that is always 1.
pub fn with_bias(x: ArrayView1<f64>) -> Array2<f64> {
    let ones = Array1::ones(x.len());
    concatenate(
        Axis(1),
        &[x.insert_axis(Axis(1)), ones.view().insert_axis(Axis(1))],
    )
    .expect("two columns of the same length")
}
// ANCHOR_END: with_bias

// ANCHOR: require_shapes
/// Panics, naming `function` and printing every shape, unless `x` has at least one
/// row, `y` one target per row of `x` and `params` one weight per column of `x`.
#[track_caller]
pub fn require_shapes(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    params: ArrayView1<f64>,
    function: &str,
) {
    let (n, d) = x.dim();
    assert!(
        n > 0 && y.len() == n && params.len() == d,
        "{function}: x has shape [{n}, {d}], y [{}] and params [{}]: x needs one \
         row per sample (at least one), y one target per row of x, and params one \
         weight per column of x",
        y.len(),
        params.len()
    );
}
// ANCHOR_END: require_shapes

// ANCHOR: require_order
/// Panics, naming `function`, unless `order` holds each of 0, 1, ..., n - 1 exactly
/// once (an epoch visits every sample once) and `batch_size` is at least 1.
#[track_caller]
pub fn require_order(order: &[usize], n: usize, batch_size: usize, function: &str) {
    assert!(
        batch_size > 0,
        "{function}: a batch size of 0 takes no samples: use at least 1"
    );
    let mut seen = vec![false; n];
    for &i in order {
        assert!(
            i < n && !seen[i],
            "{function}: the order {order:?} for {n} samples is not a shuffle of \
             0..{n}: each sample's index must appear exactly once"
        );
        seen[i] = true;
    }
    assert!(
        order.len() == n,
        "{function}: the order has {} indices for {n} samples: an epoch visits \
         every sample once",
        order.len()
    );
}
// ANCHOR_END: require_order

// ANCHOR: curvatures
/// The curvatures of the cost (1/n) |x params - y|^2 of a model with two weights:
/// the eigenvalues, largest first, of its Hessian (2/n) x^T x, which is the same at
/// every point. For a symmetric [[a, c], [c, d]] they are
/// (a + d) / 2 +- sqrt(((a - d) / 2)^2 + c^2).
pub fn curvatures(x: ArrayView2<f64>) -> [f64; 2] {
    assert_eq!(
        x.ncols(),
        2,
        "curvatures: x has shape {:?}; this formula is for two weights",
        x.shape()
    );
    let h = x.t().dot(&x) * (2.0 / x.nrows() as f64);
    let (mid, c) = ((h[[0, 0]] + h[[1, 1]]) / 2.0, h[[0, 1]]);
    let radius = ((h[[0, 0]] - h[[1, 1]]) / 2.0).hypot(c);
    [mid + radius, mid - radius]
}
// ANCHOR_END: curvatures

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn with_bias_appends_a_column_of_ones() {
        let x = array![0.5, 2.0, -1.0];
        assert_eq!(
            with_bias(x.view()),
            array![[0.5, 1.0], [2.0, 1.0], [-1.0, 1.0]]
        );
        assert_eq!(column(x.view()), array![[0.5], [2.0], [-1.0]]);
    }

    #[test]
    fn a_row_times_w_and_b_is_the_prediction() {
        // Row [3, 1] times [2, 1] is 2 * 3 + 1 = 7: whole numbers, exact.
        let x = with_bias(array![3.0].view());
        assert_eq!(x.dot(&array![2.0, 1.0]), array![7.0]);
    }

    #[test]
    #[should_panic(expected = "mse: x has shape [3, 2], y [3] and params [1]")]
    fn a_weight_missing_is_named_with_every_shape() {
        let x = with_bias(array![1.0, 2.0, 3.0].view());
        require_shapes(
            x.view(),
            array![2.0, 4.0, 6.0].view(),
            array![1.0].view(),
            "mse",
        );
    }

    #[test]
    #[should_panic(expected = "is not a shuffle of 0..3")]
    fn an_order_that_repeats_a_sample_is_refused() {
        require_order(&[0, 2, 2], 3, 1, "minibatch_epoch");
    }

    #[test]
    #[should_panic(expected = "the order has 2 indices for 3 samples")]
    fn an_order_that_leaves_a_sample_out_is_refused() {
        require_order(&[2, 0], 3, 1, "minibatch_epoch");
    }

    #[test]
    fn the_curvatures_of_four_points_by_hand() {
        // x = 0, 1, 2, 3 with a bias: x^T x = [[14, 6], [6, 4]], times 2/4:
        // [[7, 3], [3, 2]], eigenvalues 4.5 +- sqrt(2.5^2 + 9) = 4.5 +- 3.905125.
        // Their sum is the trace 9 and their product the determinant 14 - 9 = 5.
        let x = with_bias(array![0.0, 1.0, 2.0, 3.0].view());
        let [big, small] = curvatures(x.view());
        let root = 15.25f64.sqrt();
        chapter01::check::assert_close("largest", big, 4.5 + root, 1e-15);
        chapter01::check::assert_close("smallest", small, 4.5 - root, 1e-15);
        chapter01::check::assert_close("product", big * small, 5.0, 1e-14);
    }

    #[test]
    fn every_shuffle_of_the_indices_is_accepted() {
        require_order(&[2, 0, 1], 3, 2, "minibatch_epoch");
        require_order(&[], 0, 5, "minibatch_epoch");
    }
}
