//! The softmax as textbooks print it, which overflows, and the log-sum-exp computed
//! safely by shifting by the maximum.

use ndarray::{Array1, ArrayView1};

// ANCHOR: naive_softmax
/// The softmax as printed: p_i = e^(z_i) / sum_k e^(z_k). Right for logits of
/// moderate size; a logit above 709.78 makes e^z infinite, and inf / inf is NaN;
/// logits all below -745 make every e^z zero, and 0 / 0 is NaN.
pub fn naive_softmax(z: ArrayView1<f64>) -> Array1<f64> {
    let e = z.mapv(f64::exp);
    &e / e.sum()
}
// ANCHOR_END: naive_softmax

// ANCHOR: require_logits
/// Panics, naming `function`, if there are no logits: a distribution over no
/// classes does not exist, and the maximum of nothing is not a number.
#[track_caller]
pub fn require_logits(z: ArrayView1<f64>, function: &str) {
    assert!(
        !z.is_empty(),
        "{function}: the logits are empty (shape [0]), but a distribution needs at \
         least one class: pass one logit per class"
    );
}
// ANCHOR_END: require_logits

// ANCHOR: log_sum_exp
/// ln(e^(z_1) + ... + e^(z_n)), computed as m + ln(sum_k e^(z_k - m)) with m the
/// largest logit: every exponent is at most 0, so nothing overflows, and the largest
/// term is e^0 = 1, so the sum is at least 1 and its logarithm is finite. Panics on
/// empty logits.
pub fn log_sum_exp(z: ArrayView1<f64>) -> f64 {
    require_logits(z, "log_sum_exp");
    let m = z.fold(f64::NEG_INFINITY, |m, &x| m.max(x));
    m + z.mapv(|x| (x - m).exp()).sum().ln()
}
// ANCHOR_END: log_sum_exp

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::assert_arrays_close;
    use crate::test_support::ROUNDING;
    use chapter01::check::assert_close;
    use ndarray::array;
    use std::f64::consts::{LN_2, LN_10};

    #[test]
    fn naive_softmax_of_zero_ln_two_ln_three_is_sixths() {
        // e^0, e^ln 2, e^ln 3 = 1, 2, 3, which sum to 6: 1/6, 2/6, 3/6. ln 3 and
        // the exponentials round a few times: ROUNDING.
        let got = naive_softmax(array![0.0, LN_2, 3f64.ln()].view());
        let want = array![1.0, 2.0, 3.0] / 6.0;
        assert_arrays_close("naive softmax", &got, &want, ROUNDING);
    }

    #[test]
    fn naive_softmax_is_nan_for_large_and_for_very_negative_logits() {
        // e^1000 = inf, and inf / inf = NaN.
        let big = naive_softmax(array![1000.0, 1001.0, 1002.0].view());
        assert!(big.iter().all(|p| p.is_nan()), "{big}");
        // e^-1000 = 0 (the smallest positive f64 is 4.9e-324 = e^-744.4), and
        // 0 / 0 = NaN.
        let tiny = naive_softmax(array![-1000.0, -1000.0].view());
        assert!(tiny.iter().all(|p| p.is_nan()), "{tiny}");
    }

    #[test]
    fn the_range_of_the_exponential_in_f64() {
        // ln(f64::MAX) = ln(1.7977e308) = 709.78 and ln(4.94e-324) = -744.44, the
        // smallest positive (subnormal) f64, to two decimals: we allow
        // 1e-5 (1 + 745) = 7.5e-3.
        assert_close("ln(f64::MAX)", f64::MAX.ln(), 709.78, 1e-5);
        assert_close("ln(smallest f64)", f64::from_bits(1).ln(), -744.44, 1e-5);
        // e^-745 = 2.8e-324 rounds up to the smallest f64, e^-746 = 1.0e-324 rounds
        // down to 0 (half the smallest is 2.5e-324).
        assert_eq!(((-745f64).exp(), (-746f64).exp()), (f64::from_bits(1), 0.0));
        // In f32, ln(f32::MAX) = ln(3.4028e38) = 88.72 (to two decimals).
        assert_close("ln(f32::MAX)", f64::from(f32::MAX).ln(), 88.72, 1e-4);
    }

    #[test]
    fn log_sum_exp_of_small_logits_is_the_log_of_the_sum() {
        // ln(1 + 2 + 3) = ln 6 = 1.791759 (off by 5e-7); we allow 1e-6 (1 + 1.79).
        let got = log_sum_exp(array![0.0, LN_2, 3f64.ln()].view());
        assert_close("ln(1 + 2 + 3)", got, 1.791759, 1e-6);
        // Of one logit: ln e^z = z, exactly (the sum is e^0 = 1, and ln 1 = 0).
        assert_close(
            "log_sum_exp([7])",
            log_sum_exp(array![7.0].view()),
            7.0,
            0.0,
        );
    }

    #[test]
    fn log_sum_exp_of_equal_logits_is_the_logit_plus_ln_n() {
        // ln(n e^c) = c + ln n: 1000 + ln 10 = 1002.302585 (to six decimals). The
        // sum is 10 exactly, ln 10 is rounded once, and so is the addition:
        // ROUNDING.
        let got = log_sum_exp(Array1::from_elem(10, 1000.0).view());
        assert_close("log_sum_exp of ten 1000s", got, 1000.0 + LN_10, ROUNDING);
        let got = log_sum_exp(Array1::from_elem(10, -1000.0).view());
        assert_close("log_sum_exp of ten -1000s", got, -1000.0 + LN_10, ROUNDING);
    }

    #[test]
    fn log_sum_exp_of_one_huge_logit_is_that_logit() {
        // ln(e^1000 + 2) = 1000 + ln(1 + 2 e^-1000), and 2 e^-1000 is far below
        // the gap between f64s near 1, so the answer is 1000 exactly.
        let got = log_sum_exp(array![1000.0, 0.0, 0.0].view());
        assert_close("log_sum_exp([1000, 0, 0])", got, 1000.0, 0.0);
    }

    #[test]
    #[should_panic(
        expected = "log_sum_exp: the logits are empty (shape [0]), but a \
                               distribution needs at least one class: pass one logit \
                               per class"
    )]
    fn log_sum_exp_of_nothing_panics_with_a_message() {
        log_sum_exp(Array1::<f64>::zeros(0).view());
    }
}
