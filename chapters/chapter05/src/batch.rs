//! Softmax and cross-entropy over the rows of a matrix: one row of logits per
//! example, as chapter 8 trains on mini-batches.

use ndarray::{Array2, ArrayView2, Axis};

// ANCHOR: softmax_rows
/// The softmax of each row of `z` (one row per example, one column per class), each
/// row shifted by its own maximum first. Panics if there are no classes.
pub fn softmax_rows(z: ArrayView2<f64>) -> Array2<f64> {
    assert!(
        z.ncols() > 0,
        "softmax_rows: the logits have shape {:?}, no classes: pass one column per \
         class",
        z.shape()
    );
    let max = z.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| m.max(x));
    let e = (&z - &max.insert_axis(Axis(1))).mapv(f64::exp);
    let sums = e.sum_axis(Axis(1)).insert_axis(Axis(1));
    e / &sums
}
// ANCHOR_END: softmax_rows

// ANCHOR: require_labels
/// Panics, naming `function`, unless there is one label per row of `z` and each is
/// the index of a column.
#[track_caller]
fn require_labels(z: ArrayView2<f64>, labels: &[usize], function: &str) {
    let (rows, classes) = z.dim();
    assert!(
        labels.len() == rows && rows > 0,
        "{function}: logits of shape [{rows}, {classes}] but {} labels: pass one label \
         per row, and at least one row",
        labels.len()
    );
    if let Some((row, label)) =
        labels.iter().enumerate().find(|&(_, &l)| l >= classes)
    {
        panic!(
            "{function}: the label of row {row}, {label}, is out of range for \
             {classes} classes: labels number the classes from 0 to {}",
            classes.saturating_sub(1)
        );
    }
}
// ANCHOR_END: require_labels

// ANCHOR: cross_entropy_rows
/// The mean over the rows of the cross-entropy of each row of logits with its label,
/// as PyTorch's `F.cross_entropy(z, labels)`: (1/n) sum_r (logsumexp(z_r) -
/// z_r[label_r]).
pub fn cross_entropy_rows(z: ArrayView2<f64>, labels: &[usize]) -> f64 {
    require_labels(z, labels, "cross_entropy_rows");
    let max = z.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &x| m.max(x));
    let shifted = (&z - &max.view().insert_axis(Axis(1))).mapv(f64::exp);
    let log_sum_exp = max + shifted.sum_axis(Axis(1)).mapv(f64::ln);
    let picked: f64 = labels.iter().enumerate().map(|(r, &y)| z[[r, y]]).sum();
    (log_sum_exp.sum() - picked) / labels.len() as f64
}
// ANCHOR_END: cross_entropy_rows

// ANCHOR: cross_entropy_rows_gradient
/// The gradient of `cross_entropy_rows` with respect to the logits: (P - Y) / n,
/// where P holds the softmax of each row and Y the one-hot rows of the labels.
pub fn cross_entropy_rows_gradient(
    z: ArrayView2<f64>,
    labels: &[usize],
) -> Array2<f64> {
    require_labels(z, labels, "cross_entropy_rows_gradient");
    let one_hot = Array2::from_shape_fn(z.dim(), |(r, c)| f64::from(labels[r] == c));
    (softmax_rows(z) - one_hot) / labels.len() as f64
}
// ANCHOR_END: cross_entropy_rows_gradient

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{assert_arrays_agree, assert_arrays_close};
    use crate::test_support::{H, ROUNDING};
    use chapter01::check::assert_close;
    use chapter01::exercises::central_difference;
    use ndarray::array;
    use std::f64::consts::LN_2;

    fn logits() -> Array2<f64> {
        array![
            [0.0, LN_2, 3f64.ln()],
            [1000.0, 1000.0, 1000.0],
            [2.0, -1.0, 0.5]
        ]
    }

    #[test]
    fn softmax_rows_treats_each_row_on_its_own() {
        // Row 0: e^0, e^ln 2, e^ln 3 = 1, 2, 3 over 6. Row 1: equal logits, 1/3
        // each, however large. Both round a few times: ROUNDING.
        let p = softmax_rows(logits().view());
        let want = array![[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]] / array![[6.0], [3.0]];
        assert_arrays_close(
            "first two rows",
            &p.slice(ndarray::s![..2, ..]),
            &want,
            ROUNDING,
        );
        // Every row sums to 1, up to three roundings.
        let sums = p.sum_axis(Axis(1));
        assert_arrays_close("row sums", &sums, &array![1.0, 1.0, 1.0], ROUNDING);
    }

    #[test]
    fn cross_entropy_rows_is_the_mean_of_the_rows() {
        // Row 0, label 2: -ln(3/6) = ln 2. Row 1, label 0: -ln(1/3) = ln 3.
        // Row 2, label 1: ln(e^2 + e^-1 + e^0.5) + 1 = ln(7.389056 + 0.367879 +
        // 1.648721) + 1 = ln 9.405657 + 1 = 3.241311 (to six decimals). The mean:
        // (0.693147 + 1.098612 + 3.241311) / 3 = 5.033070 / 3 = 1.677690 (each to
        // six decimals: off by under 1e-6); we allow 1e-6 (1 + 1.68).
        let got = cross_entropy_rows(logits().view(), &[2, 0, 1]);
        assert_close("mean cross-entropy", got, 1.677690, 1e-6);
        let last = cross_entropy_rows(logits().slice(ndarray::s![2.., ..]), &[1]);
        assert_close("last row alone", last, 3.241311, 1e-6);
        let first = cross_entropy_rows(logits().slice(ndarray::s![..1, ..]), &[2]);
        assert_close("first row alone", first, LN_2, ROUNDING);
    }

    #[test]
    fn cross_entropy_rows_gradient_agrees_with_central_differences() {
        // Truncation: along one logit a row's loss is a constant plus a softplus,
        // whose third derivative sigma'' is at most 0.097, and the mean divides by
        // n = 3: 1e-10 * 0.097 / 6 / 3 = 5e-13. Round-off: the row of 1000s has a
        // log-sum-exp near 1001, rounded by up to EPSILON * 1001 / 2 = 1.1e-13, and
        // 1000 + h itself is rounded by up to 5.7e-14; over 2h = 2e-5 these come to
        // at most about 2e-8. We allow 1e-7 (1 + |g|).
        let (z, labels) = (logits(), [2, 0, 1]);
        let by_formula = cross_entropy_rows_gradient(z.view(), &labels);
        let by_differences = Array2::from_shape_fn(z.dim(), |(r, c)| {
            let nudged = |t| {
                let mut w = z.clone();
                w[[r, c]] = t;
                cross_entropy_rows(w.view(), &labels)
            };
            central_difference(nudged, z[[r, c]], H)
        });
        assert_arrays_agree(
            "gradient of the mean cross-entropy",
            "(P - Y) / n",
            &by_formula,
            "central differences",
            &by_differences,
            1e-7,
        );
    }

    #[test]
    #[should_panic(
        expected = "cross_entropy_rows: the label of row 1, 3, is out of \
                               range for 3 classes"
    )]
    fn a_label_out_of_range_names_its_row() {
        cross_entropy_rows(logits().view(), &[0, 3, 1]);
    }

    #[test]
    #[should_panic(
        expected = "cross_entropy_rows_gradient: logits of shape [3, 3] but \
                               2 labels"
    )]
    fn too_few_labels_panics_naming_the_shape() {
        cross_entropy_rows_gradient(logits().view(), &[0, 1]);
    }

    #[test]
    #[should_panic(
        expected = "softmax_rows: the logits have shape [2, 0], no classes"
    )]
    fn softmax_rows_of_no_classes_panics() {
        softmax_rows(Array2::<f64>::zeros((2, 0)).view());
    }
}
