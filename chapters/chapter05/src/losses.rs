//! Losses that the exercises do not ask for: mean squared error, cross-entropy and
//! binary cross-entropy as printed (which overflow), the gradient of binary
//! cross-entropy from logits, and the checks of a loss's inputs.

use crate::activation::sigmoid;
use crate::softmax::{naive_softmax, require_logits};
use ndarray::ArrayView1;

// ANCHOR: require_same_length
/// Panics, naming `function`, unless there is at least one of `a` (called `a_name`)
/// and exactly one of `b` (called `b_name`) for each. ndarray would not always
/// panic: it stretches an array of one entry to the other's length.
#[track_caller]
pub fn require_same_length(
    a: ArrayView1<f64>,
    a_name: &str,
    b: ArrayView1<f64>,
    b_name: &str,
    function: &str,
) {
    let (n, m) = (a.len(), b.len());
    assert!(
        n == m,
        "{function}: {a_name} of shape [{n}] but {b_name} of shape [{m}]: pass exactly \
         one of the {b_name} for each of the {a_name}"
    );
    assert!(
        n > 0,
        "{function}: the {a_name} are empty (shape [0]), and the mean of nothing is \
         not a number: pass at least one"
    );
}
// ANCHOR_END: require_same_length

// ANCHOR: require_label
/// Panics, naming `function`, if there are no logits or if `label` is not the index
/// of one of them: the classes are numbered 0, 1, ..., n - 1.
#[track_caller]
pub fn require_label(z: ArrayView1<f64>, label: usize, function: &str) {
    require_logits(z, function);
    let n = z.len();
    assert!(
        label < n,
        "{function}: label {label} is out of range for {n} classes (shape [{n}]): \
         labels number the classes from 0 to {}, one logit per class",
        n - 1
    );
}
// ANCHOR_END: require_label

// ANCHOR: mse
/// The mean squared error (1/n) sum_i (prediction_i - target_i)^2, PyTorch's
/// `F.mse_loss`. Panics unless there is one target per prediction, and at least one.
pub fn mse(prediction: ArrayView1<f64>, target: ArrayView1<f64>) -> f64 {
    require_same_length(prediction, "predictions", target, "targets", "mse");
    let error = &prediction - &target;
    error.dot(&error) / error.len() as f64
}
// ANCHOR_END: mse

// ANCHOR: naive_cross_entropy
/// Cross-entropy as printed: -ln p_label, with p the naive softmax of the logits.
/// NaN or infinite as soon as a logit exceeds 709.78.
pub fn naive_cross_entropy(z: ArrayView1<f64>, label: usize) -> f64 {
    require_label(z, label, "naive_cross_entropy");
    -naive_softmax(z)[label].ln()
}
// ANCHOR_END: naive_cross_entropy

// ANCHOR: binary_cross_entropy
/// Binary cross-entropy from probabilities p in [0, 1] and targets y in [0, 1]:
/// the mean of -(y ln p + (1 - y) ln(1 - p)). Infinite when a p is exactly 0 or 1
/// on the wrong side, as sigma(z) is for every z above 36.7 (PyTorch's
/// `F.binary_cross_entropy` clamps each logarithm at -100 instead).
pub fn binary_cross_entropy(p: ArrayView1<f64>, y: ArrayView1<f64>) -> f64 {
    require_same_length(p, "probabilities", y, "targets", "binary_cross_entropy");
    let losses = -(&y * &p.mapv(f64::ln) + (1.0 - &y) * p.mapv(|p| (1.0 - p).ln()));
    losses.sum() / losses.len() as f64
}
// ANCHOR_END: binary_cross_entropy

// ANCHOR: binary_cross_entropy_with_logits_gradient
/// The gradient of `binary_cross_entropy_with_logits` with respect to the logits:
/// (sigma(z_i) - y_i) / n for each i.
pub fn binary_cross_entropy_with_logits_gradient(
    z: ArrayView1<f64>,
    y: ArrayView1<f64>,
) -> ndarray::Array1<f64> {
    let function = "binary_cross_entropy_with_logits_gradient";
    require_same_length(z, "logits", y, "targets", function);
    (z.mapv(sigmoid) - y) / z.len() as f64
}
// ANCHOR_END: binary_cross_entropy_with_logits_gradient

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::ROUNDING;
    use chapter01::check::assert_close;
    use ndarray::array;
    use std::f64::consts::LN_2;

    #[test]
    fn mse_of_one_two_three_against_one_zero_four_is_five_thirds() {
        // Errors 0, 2, -1; squares 0, 4, 1; mean 5/3. 5/3 is rounded: ROUNDING.
        let got = mse(array![1.0, 2.0, 3.0].view(), array![1.0, 0.0, 4.0].view());
        assert_close("mse", got, 5.0 / 3.0, ROUNDING);
    }

    #[test]
    #[should_panic(
        expected = "mse: predictions of shape [3] but targets of shape [2]: pass \
                               exactly one of the targets for each of the predictions"
    )]
    fn mse_of_mismatched_lengths_panics_naming_both_shapes() {
        mse(array![1.0, 2.0, 3.0].view(), array![1.0, 0.0].view());
    }

    #[test]
    fn without_the_check_ndarray_stretches_a_single_target_silently() {
        // Broadcasting: an array of one entry is repeated to the other's length, so
        // [1, 2, 3] - [5] = [1 - 5, 2 - 5, 3 - 5] = [-4, -3, -2], with no panic.
        // Exact: small integers.
        let error = &array![1.0, 2.0, 3.0] - &array![5.0];
        crate::check::assert_arrays_close(
            "[1, 2, 3] - [5]",
            &error,
            &array![-4.0, -3.0, -2.0],
            0.0,
        );
    }

    #[test]
    #[should_panic(expected = "called `Result::unwrap()` on an `Err` value: \
                    ShapeError/IncompatibleShape: incompatible shapes")]
    fn without_the_check_other_lengths_panic_with_ndarrays_message() {
        let _ = &array![1.0, 2.0, 3.0] - &array![1.0, 0.0];
    }

    #[test]
    #[should_panic(
        expected = "ndarray: index 3 is out of bounds for array of shape [3]"
    )]
    fn without_the_check_a_label_past_the_end_panics_with_ndarrays_message() {
        let _ = array![0.0, 0.0, 0.0][3];
    }

    #[test]
    #[should_panic(
        expected = "mse: the predictions are empty (shape [0]), and the \
                               mean of nothing is not a number: pass at least one"
    )]
    fn mse_of_nothing_panics() {
        let nothing = ndarray::Array1::<f64>::zeros(0);
        mse(nothing.view(), nothing.view());
    }

    #[test]
    fn naive_cross_entropy_fails_on_large_logits() {
        // p = naive softmax of [1000, 0, 0] = [inf/inf, 1/inf, 1/inf] = [NaN, 0, 0]:
        // -ln 0 = inf for label 1, -ln NaN = NaN for label 0.
        let z = array![1000.0, 0.0, 0.0];
        assert_eq!(naive_cross_entropy(z.view(), 1), f64::INFINITY);
        assert!(naive_cross_entropy(z.view(), 0).is_nan());
        // On small logits it is right: -ln(1/3) = ln 3 for equal logits. ROUNDING.
        let equal = naive_cross_entropy(array![2.0, 2.0, 2.0].view(), 1);
        assert_close("naive cross-entropy", equal, 3f64.ln(), ROUNDING);
    }

    #[test]
    #[should_panic(expected = "naive_cross_entropy: label 3 is out of range for 3 \
                               classes (shape [3]): labels number the classes from 0 \
                               to 2, one logit per class")]
    fn a_label_out_of_range_panics_naming_the_range() {
        naive_cross_entropy(array![0.0, 0.0, 0.0].view(), 3);
    }

    #[test]
    fn binary_cross_entropy_of_one_half_is_ln_two_and_of_a_certain_mistake_is_infinite()
     {
        // -(1 ln 1/2 + 0) = ln 2, and -(0 + 1 ln(1 - 1/2)) = ln 2: mean ln 2.
        let half = array![0.5, 0.5];
        let got = binary_cross_entropy(half.view(), array![1.0, 0.0].view());
        assert_close("BCE(1/2)", got, LN_2, ROUNDING);
        // 1 + e^-z rounds to 1 once e^-z <= 2^-53, half the gap above 1, that is for
        // z >= 53 ln 2 = 36.7368; just below, sigma(z) is the f64 just below 1.
        assert_close("53 ln 2", 53.0 * LN_2, 36.7368, 1e-6);
        assert!(sigmoid(36.73) < 1.0 && sigmoid(36.74) == 1.0);
        // sigma(40) = 1 / (1 + 4.2e-18) rounds to 1, so with target 0 the loss is
        // -ln(1 - 1) = -ln 0 = inf, where the true loss is 40 (Section 5.3).
        assert_close("sigma(40)", sigmoid(40.0), 1.0, 0.0);
        let got =
            binary_cross_entropy(array![sigmoid(40.0)].view(), array![0.0].view());
        assert_eq!(got, f64::INFINITY);
        // And a certain right answer is NaN: target 1 with p = 1 gives
        // 1 ln 1 + 0 ln 0 = 0 + 0 * (-inf), and 0 * inf is NaN.
        let got = binary_cross_entropy(array![1.0].view(), array![1.0].view());
        assert!(got.is_nan(), "BCE(1, 1) = {got}");
    }

    #[test]
    fn binary_cross_entropy_with_logits_gradient_is_sigma_minus_y_over_n() {
        // sigma(0) - 1 = -1/2 and sigma(0) - 0 = 1/2, each divided by n = 2: exact.
        let got = binary_cross_entropy_with_logits_gradient(
            array![0.0, 0.0].view(),
            array![1.0, 0.0].view(),
        );
        crate::check::assert_arrays_close(
            "gradient",
            &got,
            &array![-0.25, 0.25],
            0.0,
        );
    }
}
