//! The checks for the exercises of chapter 5, one module per exercise. Run them all
//! with `cargo test -p chapter05`, or one exercise's with a filter such as
//! `cargo test -p chapter05 exercise_5_4`; each failing test names what it expected
//! and what came back.

use chapter01::activation as scalar;
use chapter01::check::assert_close;
use chapter01::exercises::central_difference;
use chapter05::activation::{relu, sigmoid, tanh};
use chapter05::check::{
    assert_arrays_agree, assert_arrays_close, assert_entrywise_agree,
    assert_entrywise_close, numerical_gradient, numerical_jacobian,
};
use chapter05::exercises::*;
use chapter05::losses::{
    binary_cross_entropy, binary_cross_entropy_with_logits_gradient, mse,
    naive_cross_entropy,
};
use chapter05::softmax::naive_softmax;
use ndarray::{Array1, ArrayView1, Axis, array};
use proptest::prelude::*;
use proptest::sample::Index;
use std::f64::consts::{E, LN_2};

/// 64 random cases per property, and no file of failing cases written beside the
/// tests.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ANCHOR: tests_tolerances
/// The step of every central difference in these tests, as in chapter 1.
const H: f64 = 1e-5;

/// The tolerance of a check whose answer is exact but for a few roundings. Each
/// operation rounds its result by at most EPSILON / 2 = 1.1e-16 of its size; a
/// softmax or a loss over a handful of classes rounds each entry some ten times,
/// 1.1e-15 in all. `assert_close` allows FEW_ROUNDINGS (1 + |expected|), at least
/// 1e-14.
const FEW_ROUNDINGS: f64 = 1e-14;

/// Random logits for the property tests: one to seven of them, each in -10..10.
fn logits() -> impl Strategy<Value = Array1<f64>> {
    prop::collection::vec(-10.0..10.0f64, 1..8).prop_map(Array1::from)
}

/// Random logits in -1e4..1e4, for the tests that nothing overflows.
fn huge_logits() -> impl Strategy<Value = Array1<f64>> {
    prop::collection::vec(-1e4..1e4f64, 1..8).prop_map(Array1::from)
}
// ANCHOR_END: tests_tolerances

// ANCHOR: tests_sigmoid_prime
mod exercise_5_1_sigmoid_prime {
    use super::*;

    #[test]
    fn is_one_quarter_at_zero_and_three_sixteenths_at_plus_and_minus_ln_three() {
        // sigma(0) = 1/2, so sigma'(0) = 1/2 * 1/2 = 1/4. sigma(ln 3) =
        // 1 / (1 + 1/3) = 3/4 and sigma(-ln 3) = 1 / (1 + 3) = 1/4, so both give
        // 3/4 * 1/4 = 3/16 = 0.1875. ln 3 and the sigmoid round: FEW_ROUNDINGS.
        let ln3 = 3f64.ln();
        let x = array![-ln3, 0.0, ln3];
        let want = array![0.1875, 0.25, 0.1875];
        let got = sigmoid_prime(x.view());
        assert_entrywise_close("sigma'", &x, &got, &want, FEW_ROUNDINGS);
    }

    #[test]
    fn at_plus_and_minus_five_is_below_one_hundredth() {
        // e^-5 = 0.006737947, so sigma(5) = 1 / 1.006737947 = 0.993307149 and
        // sigma'(5) = 0.993307149 * 0.006692851 = 0.0066481 to seven decimals (off
        // by 4.3e-11). sigma(-5) = 1 - sigma(5), so sigma'(-5) is the same. We
        // allow 1e-7 (1 + 0.0066).
        let x = array![-5.0, 5.0];
        let want = array![0.0066481, 0.0066481];
        assert_entrywise_close("sigma'", &x, &sigmoid_prime(x.view()), &want, 1e-7);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn agrees_with_central_differences(
            x in prop::collection::vec(-20.0..20.0f64, 1..8).prop_map(Array1::from),
        ) {
            // Chapter 1's bound for h = 1e-5: truncation h^2 |sigma'''| / 6 with
            // |sigma'''| <= 1/8 is at most 2.1e-12; round-off: each sigma (at most
            // 1) rounds about three times, 3.3e-16, and rounding x + h for |x| <= 20
            // moves sigma by at most 1/4 * 2.2e-15; the two values together, over
            // 2h = 2e-5, at most 9e-11. We allow 1e-8 (1 + |sigma'|).
            let by_rule = sigmoid_prime(x.view());
            let by_differences = x.mapv(|x| central_difference(sigmoid, x, H));
            assert_entrywise_agree(
                "sigma'",
                &x,
                "your sigmoid_prime",
                &by_rule,
                "central differences",
                &by_differences,
                1e-8,
            );
        }

        #[test]
        fn stays_between_zero_and_one_quarter_up_to_ten_thousand(x in huge_logits()) {
            // s (1 - s) <= 1/4 for every s, since 1/4 - s (1 - s) = (s - 1/2)^2.
            // e^-x / (1 + e^-x)^2, the same on paper, is inf / inf = NaN for
            // x < -709.78.
            let got = sigmoid_prime(x.view());
            prop_assert!(
                got.iter().all(|d| (0.0..=0.25).contains(d)),
                "sigma' at {x} is {got}: every entry should be in [0, 1/4]"
            );
        }
    }
}
// ANCHOR_END: tests_sigmoid_prime

// ANCHOR: tests_tanh_prime
mod exercise_5_2_tanh_prime {
    use super::*;

    #[test]
    fn is_one_at_zero_and_three_quarters_at_plus_and_minus_half_ln_three() {
        // tanh 0 = 0, so tanh'(0) = 1. At a = ln(3) / 2, e^(2a) = 3 and
        // tanh a = (e^(2a) - 1) / (e^(2a) + 1) = 2/4 = 1/2, so tanh'(a) =
        // 1 - 1/4 = 3/4, and tanh is odd, so the same at -a. FEW_ROUNDINGS.
        let a = 3f64.ln() / 2.0;
        let x = array![-a, 0.0, a];
        let want = array![0.75, 1.0, 0.75];
        assert_entrywise_close(
            "tanh'",
            &x,
            &tanh_prime(x.view()),
            &want,
            FEW_ROUNDINGS,
        );
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn is_four_sigmoid_slopes_at_twice_the_input(
            x in prop::collection::vec(-20.0..20.0f64, 1..8).prop_map(Array1::from),
        ) {
            // tanh x = 2 sigma(2x) - 1 (Section 5.1), so tanh'(x) = 4 sigma'(2x),
            // here from chapter 1's sigmoid_prime. Both sides lie in [0, 1] and
            // round a few times, with 1 - tanh^2 and 1 - sigma each losing up to
            // EPSILON / 2 to cancellation: at most about 2e-15 apart. We allow
            // FEW_ROUNDINGS (1 + |tanh'|).
            let got = tanh_prime(x.view());
            let want = x.mapv(|x| 4.0 * scalar::sigmoid_prime(2.0 * x));
            assert_entrywise_close("tanh'", &x, &got, &want, FEW_ROUNDINGS);
        }

        #[test]
        fn agrees_with_central_differences(
            x in prop::collection::vec(-20.0..20.0f64, 1..8).prop_map(Array1::from),
        ) {
            // Truncation h^2 |tanh'''| / 6 with |tanh'''| <= 2: 3.3e-11. Round-off:
            // tanh (at most 1 in size) rounds once or twice, and rounding x + h
            // moves it by at most 2.2e-15: over 2h, at most 2.3e-10. We allow
            // 1e-8 (1 + |tanh'|).
            let by_rule = tanh_prime(x.view());
            let by_differences = x.mapv(|x| central_difference(tanh, x, H));
            assert_entrywise_agree(
                "tanh'",
                &x,
                "your tanh_prime",
                &by_rule,
                "central differences",
                &by_differences,
                1e-8,
            );
        }

        #[test]
        fn stays_between_zero_and_one_up_to_ten_thousand(x in huge_logits()) {
            // 1 - t^2 with |t| <= 1. The same slope written as
            // 4 e^(2x) / (e^(2x) + 1)^2 is inf / inf = NaN for x > 354.9.
            let got = tanh_prime(x.view());
            prop_assert!(
                got.iter().all(|d| (0.0..=1.0).contains(d)),
                "tanh' at {x} is {got}: every entry should be in [0, 1]"
            );
        }
    }
}
// ANCHOR_END: tests_tanh_prime

// ANCHOR: tests_relu_prime
mod exercise_5_3_relu_prime {
    use super::*;

    #[test]
    fn is_zero_for_negatives_and_one_for_positives() {
        // The slope of 0 is 0, the slope of x is 1. No arithmetic: no tolerance.
        let x = array![-3.0, -0.5, 0.5, 3.0];
        let want = array![0.0, 0.0, 1.0, 1.0];
        assert_entrywise_close("relu'", &x, &relu_prime(x.view()), &want, 0.0);
    }

    #[test]
    fn is_zero_at_the_corner_as_in_pytorch() {
        // relu has no derivative at 0; PyTorch's backward passes a gradient only
        // where the input was strictly positive, so 0 there (and at -0.0).
        let x = array![0.0, -0.0];
        assert_entrywise_close(
            "relu'",
            &x,
            &relu_prime(x.view()),
            &array![0.0, 0.0],
            0.0,
        );
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn agrees_with_central_differences_away_from_the_corner(
            x in prop::collection::vec(
                prop_oneof![-10.0..-1e-3f64, 1e-3..10.0f64],
                1..8,
            )
            .prop_map(Array1::from),
        ) {
            // At least 1e-3 from 0, a step of 1e-5 stays on one side, where relu is
            // 0 or x: (x + h) - (x - h) differs from 2h by at most 2 * 8.9e-16, so
            // the quotient is off by at most 8.9e-11. We allow 1e-8 (1 + |relu'|).
            let by_rule = relu_prime(x.view());
            let by_differences = x.mapv(|x| central_difference(relu, x, H));
            assert_entrywise_agree(
                "relu'",
                &x,
                "your relu_prime",
                &by_rule,
                "central differences",
                &by_differences,
                1e-8,
            );
        }

        #[test]
        fn is_zero_or_one_up_to_ten_thousand(x in huge_logits()) {
            // 1 where x > 0 and 0 elsewhere, however large x is: no arithmetic, no
            // tolerance.
            let want = x.mapv(|x| if x > 0.0 { 1.0 } else { 0.0 });
            assert_entrywise_close("relu'", &x, &relu_prime(x.view()), &want, 0.0);
        }
    }
}
// ANCHOR_END: tests_relu_prime

// ANCHOR: tests_softmax
mod exercise_5_4_softmax {
    use super::*;

    // On logits as large as 1000, a softmax computed as e^(z - log_sum_exp(z)),
    // also right, rounds the exponent by up to EPSILON * 1000 / 2 = 1.1e-13, and so
    // each probability by that much of itself. Those tests allow 1e-12 (1 + p).

    #[test]
    fn of_zero_ln_two_ln_three_is_one_two_and_three_sixths() {
        // e^0, e^(ln 2), e^(ln 3) = 1, 2, 3, which sum to 6. FEW_ROUNDINGS.
        let got = softmax(array![0.0, LN_2, 3f64.ln()].view());
        let want = array![1.0, 2.0, 3.0] / 6.0;
        assert_arrays_close("softmax([0, ln 2, ln 3])", &got, &want, FEW_ROUNDINGS);
    }

    #[test]
    fn of_a_single_logit_is_certainty() {
        // e^z / e^z = 1 for one class, whatever z: e^0 / e^0 exactly.
        let got = softmax(array![-7.0].view());
        assert_arrays_close("softmax([-7])", &got, &array![1.0], 0.0);
    }

    #[test]
    fn of_huge_logits_is_the_softmax_of_small_ones() {
        // Subtracting 1000 from every logit changes nothing:
        // softmax([1000, 1001, 1002]) = softmax([0, 1, 2]) = [1, e, e^2] / (1 + e +
        // e^2) = [0.090, 0.245, 0.665]. Printed naively, e^1000 = inf and
        // inf / inf = NaN.
        let got = softmax(array![1000.0, 1001.0, 1002.0].view());
        let want = array![1.0, E, E * E] / (1.0 + E + E * E);
        assert_arrays_close("softmax([1000, 1001, 1002])", &got, &want, 1e-12);
    }

    #[test]
    fn of_very_negative_equal_logits_is_uniform() {
        // e^-1000 underflows to 0, and naively 0 / 0 = NaN; shifted, e^0 / (e^0 +
        // e^0) = 1/2 each.
        let got = softmax(array![-1000.0, -1000.0].view());
        assert_arrays_close(
            "softmax([-1000, -1000])",
            &got,
            &array![0.5, 0.5],
            1e-12,
        );
    }

    #[test]
    #[should_panic(expected = "softmax: the logits are empty")]
    fn of_no_logits_panics_with_a_message() {
        // Call require_logits(z, "softmax") first: the maximum of nothing is not a
        // number, and a distribution over no classes does not exist. The message
        // must name this function.
        softmax(Array1::<f64>::zeros(0).view());
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn sums_to_one(z in logits()) {
            // Seven probabilities, each off by a few roundings of itself, and the
            // sum rounds six more times: a few 1e-16. We allow FEW_ROUNDINGS
            // (1 + 1) = 2e-14.
            let total = softmax(z.view()).sum();
            assert_close(&format!("sum of softmax({z})"), total, 1.0, FEW_ROUNDINGS);
        }

        #[test]
        fn does_not_change_when_every_logit_moves_by_the_same_amount(
            z in logits(),
            c in -1000.0..1000.0f64,
        ) {
            // e^(z_i + c) / sum e^(z_k + c) = e^c e^(z_i) / (e^c sum e^(z_k)). Adding
            // c rounds each z_i + c by up to EPSILON * 1010 / 2 = 1.1e-13, which
            // moves each p by at most 2.3e-13 of itself. We allow 1e-11 (1 + p).
            let moved = softmax((&z + c).view());
            let what = format!("softmax({z} + {c}) against softmax({z})");
            assert_arrays_close(&what, &moved, &softmax(z.view()), 1e-11);
        }

        #[test]
        fn stays_a_distribution_up_to_ten_thousand(z in huge_logits()) {
            // Every p in [0, 1] and finite, and the sum 1: an exponent rounded by
            // up to EPSILON * 1e4 / 2 = 1.1e-12 moves p by that much of itself, so
            // we allow 1e-10 (1 + 1) for the sum.
            let p = softmax(z.view());
            prop_assert!(
                p.iter().all(|p| (0.0..=1.0).contains(p)),
                "softmax({z}) = {p}: every entry should be in [0, 1]"
            );
            assert_close(&format!("sum of softmax({z})"), p.sum(), 1.0, 1e-10);
        }
    }
}
// ANCHOR_END: tests_softmax

// ANCHOR: tests_softmax_jacobian
mod exercise_5_5_softmax_jacobian {
    use super::*;

    #[test]
    fn at_zero_ln_two_ln_three_is_diag_p_minus_p_p_transpose() {
        // p = [1/6, 2/6, 3/6]. Diagonal p_i - p_i^2 = (6 p_i - 36 p_i^2) / 36 with
        // 6 p = 1, 2, 3: 5/36, 8/36, 9/36. Off the diagonal -p_i p_j = -(6 p_i)(6 p_j)
        // / 36: -2/36, -3/36, -6/36. FEW_ROUNDINGS.
        let got = softmax_jacobian(array![0.0, LN_2, 3f64.ln()].view());
        let want =
            array![[5.0, -2.0, -3.0], [-2.0, 8.0, -6.0], [-3.0, -6.0, 9.0]] / 36.0;
        assert_arrays_close(
            "Jacobian at [0, ln 2, ln 3]",
            &got,
            &want,
            FEW_ROUNDINGS,
        );
    }

    #[test]
    fn of_two_equal_logits_is_one_quarter_times_plus_and_minus_one() {
        // p = [1/2, 1/2]: 1/2 - 1/4 = 1/4 on the diagonal, -1/4 off it. Exact.
        let got = softmax_jacobian(array![0.7, 0.7].view());
        let want = array![[0.25, -0.25], [-0.25, 0.25]];
        assert_arrays_close("Jacobian at [0.7, 0.7]", &got, &want, 0.0);
    }

    #[test]
    fn of_two_equal_huge_logits_is_still_one_quarter_times_plus_and_minus_one() {
        // The softmax only sees differences, so p = [1/2, 1/2] for [1000, 1000] and
        // for [-1000, -1000] alike, and the Jacobian is the one above. From the
        // softmax as printed it is NaN: e^1000 = inf, and e^-1000 = 0. We allow
        // 1e-12, as the softmax's tests do for logits this large.
        let want = array![[0.25, -0.25], [-0.25, 0.25]];
        for c in [1000.0, -1000.0] {
            let z = array![c, c];
            let got = softmax_jacobian(z.view());
            assert_arrays_close(&format!("Jacobian at {z}"), &got, &want, 1e-12);
        }
    }

    #[test]
    fn of_one_class_is_zero() {
        // p = [1] whatever the logit: 1 - 1 * 1 = 0, exactly.
        let got = softmax_jacobian(array![3.0].view());
        assert_arrays_close("Jacobian of one class", &got, &array![[0.0]], 0.0);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn has_rows_and_columns_that_sum_to_zero(z in logits()) {
            // Row i: p_i - p_i (p_1 + ... + p_n) = 0, since moving every logit
            // together changes nothing. Column j: the probabilities always sum to
            // 1, so their changes sum to 0. Seven entries of at most 1/4, each off
            // by a few 1e-17, and six roundings of the sum: below 1e-15. We allow
            // FEW_ROUNDINGS.
            let jacobian = softmax_jacobian(z.view());
            let zeros = Array1::zeros(z.len());
            let rows = jacobian.sum_axis(Axis(1));
            assert_arrays_close(&format!("row sums at {z}"), &rows, &zeros, FEW_ROUNDINGS);
            let columns = jacobian.sum_axis(Axis(0));
            let what = format!("column sums at {z}");
            assert_arrays_close(&what, &columns, &zeros, FEW_ROUNDINGS);
        }

        #[test]
        fn agrees_with_central_differences(z in logits()) {
            // Column j by central differences of the softmax as printed (right for
            // logits this small) in z_j. Truncation: along z_j each p_i is
            // sigma(z_j - c) or a multiple q <= 1 of 1 - sigma(z_j - c), whose third
            // derivative is at most 1/8: 1e-10 / 8 / 6 = 2.1e-12. Round-off: each p
            // (at most 1) rounds about ten times, 1.1e-15, and rounding z_j + h
            // moves it by at most 1/4 * 1.1e-15; over 2h = 2e-5, at most 1.4e-10.
            // We allow 1e-8 (1 + |J|).
            let by_formula = softmax_jacobian(z.view());
            let by_differences = numerical_jacobian(naive_softmax, z.view(), H);
            assert_arrays_agree(
                &format!("Jacobian at {z}"),
                "your softmax_jacobian",
                &by_formula,
                "central differences",
                &by_differences,
                1e-8,
            );
        }

        #[test]
        fn stays_finite_and_at_most_one_quarter_up_to_ten_thousand(z in huge_logits()) {
            // p_i - p_i^2 <= 1/4, and p_i p_j <= 1/4 since p_i + p_j <= 1: every
            // entry lies in [-1/4, 1/4]. We allow FEW_ROUNDINGS past each end.
            let jacobian = softmax_jacobian(z.view());
            prop_assert!(
                jacobian.iter().all(|j| j.abs() <= 0.25 + FEW_ROUNDINGS),
                "Jacobian at {z} is {jacobian}: every entry should be in [-1/4, 1/4]"
            );
        }
    }
}
// ANCHOR_END: tests_softmax_jacobian

// ANCHOR: tests_mse_gradient
mod exercise_5_6_mse_gradient {
    use super::*;

    #[test]
    fn of_one_two_three_against_one_zero_four_is_zero_four_thirds_minus_two_thirds()
    {
        // Errors [0, 2, -1], times 2/n = 2/3: [0, 4/3, -2/3]. FEW_ROUNDINGS.
        let got =
            mse_gradient(array![1.0, 2.0, 3.0].view(), array![1.0, 0.0, 4.0].view());
        let want = array![0.0, 4.0 / 3.0, -2.0 / 3.0];
        assert_arrays_close("mse gradient", &got, &want, FEW_ROUNDINGS);
    }

    #[test]
    fn is_zero_where_every_prediction_is_right() {
        // Every error is 0, and so is every slope: exactly.
        let y = array![0.5, -2.0];
        assert_arrays_close(
            "mse gradient",
            &mse_gradient(y.view(), y.view()),
            &(&y * 0.0),
            0.0,
        );
    }

    #[test]
    #[should_panic(
        expected = "mse_gradient: predictions of shape [3] but targets of shape [2]"
    )]
    fn of_three_predictions_and_two_targets_panics_naming_the_shapes() {
        // Call require_same_length(prediction, "predictions", target, "targets",
        // "mse_gradient") first, in that order. Without it, ndarray panics with
        // "ShapeError/IncompatibleShape: incompatible shapes", which names neither
        // the function nor the shapes.
        mse_gradient(array![1.0, 2.0, 3.0].view(), array![1.0, 0.0].view());
    }

    #[test]
    #[should_panic(
        expected = "mse_gradient: predictions of shape [3] but targets of shape [1]"
    )]
    fn of_three_predictions_and_one_target_panics_naming_the_shapes() {
        // Without the check this does not panic at all: ndarray stretches the one
        // target to [5, 5, 5] (broadcasting) and returns a gradient for a question
        // nobody asked. This is the mistake require_same_length is for.
        mse_gradient(array![1.0, 2.0, 3.0].view(), array![5.0].view());
    }

    #[test]
    #[should_panic(expected = "mse_gradient: the predictions are empty")]
    fn of_no_predictions_panics() {
        // Without the check, the empty error times 2/0 = inf is an empty array,
        // returned without a word.
        let nothing = Array1::<f64>::zeros(0);
        mse_gradient(nothing.view(), nothing.view());
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn agrees_with_central_differences_of_mse(
            (prediction, target) in (1..8usize).prop_flat_map(|n| {
                let vector = || prop::collection::vec(-10.0..10.0f64, n);
                (vector().prop_map(Array1::from), vector().prop_map(Array1::from))
            }),
        ) {
            // mse is a parabola in each prediction, so the central difference has
            // no truncation error. Round-off: mse is at most 400 and rounds about
            // 2n + 2 <= 16 times, 16 * 1.1e-16 * 400 = 7.1e-13 per value; over
            // 2h = 2e-5, at most 7.1e-8. We allow 1e-6 (1 + |g|).
            let by_formula = mse_gradient(prediction.view(), target.view());
            let loss = |p: ArrayView1<f64>| mse(p, target.view());
            let by_differences = numerical_gradient(loss, prediction.view(), H);
            assert_arrays_agree(
                &format!("gradient of mse({prediction}, {target})"),
                "your mse_gradient",
                &by_formula,
                "central differences",
                &by_differences,
                1e-6,
            );
        }
    }
}
// ANCHOR_END: tests_mse_gradient

// ANCHOR: tests_cross_entropy
mod exercise_5_7_cross_entropy {
    use super::*;

    #[test]
    fn of_equal_logits_over_k_classes_is_ln_k() {
        // Equal logits give p = 1/k for every class, and -ln(1/k) = ln k: 0 for
        // one class, ln 2 = 0.693 for two, ln 5 = 1.609 for five. FEW_ROUNDINGS.
        for k in 1..=5 {
            let z = Array1::from_elem(k, 2.5);
            let got = cross_entropy(z.view(), 0);
            let what = format!("cross-entropy of {z}, label 0");
            assert_close(&what, got, (k as f64).ln(), FEW_ROUNDINGS);
        }
    }

    #[test]
    fn of_zero_ln_two_ln_three_is_ln_six_ln_three_and_ln_two() {
        // p = [1/6, 2/6, 3/6]: -ln(1/6) = ln 6, -ln(1/3) = ln 3, -ln(1/2) = ln 2.
        // FEW_ROUNDINGS.
        let z = array![0.0, LN_2, 3f64.ln()];
        for (label, want) in [(0, 6f64.ln()), (1, 3f64.ln()), (2, LN_2)] {
            let got = cross_entropy(z.view(), label);
            let what = format!("cross-entropy of {z}, label {label}");
            assert_close(&what, got, want, FEW_ROUNDINGS);
        }
    }

    #[test]
    fn of_one_huge_logit_is_exact() {
        // ln(e^1000 + 2) = 1000 + ln(1 + 2 e^-1000), and 2 e^-1000 vanishes beside
        // 1: the loss is 1000 - 0 = 1000 for label 1 and 1000 - 1000 = 0 for
        // label 0. Printed naively, they are inf and NaN. FEW_ROUNDINGS.
        let z = array![1000.0, 0.0, 0.0];
        for (label, want) in [(1, 1000.0), (0, 0.0)] {
            let got = cross_entropy(z.view(), label);
            let what = format!("cross-entropy of {z}, label {label}");
            assert_close(&what, got, want, FEW_ROUNDINGS);
        }
    }

    #[test]
    #[should_panic(
        expected = "cross_entropy: label 3 is out of range for 3 classes"
    )]
    fn of_a_label_past_the_last_class_panics_with_a_message() {
        // Three classes are labelled 0, 1 and 2. Call require_label(z, label,
        // "cross_entropy") first; indexing z[3] would panic with ndarray's own
        // message ("index 3 is out of bounds for array of shape [3]"), which does
        // not name the function.
        cross_entropy(array![0.0, 0.0, 0.0].view(), 3);
    }

    #[test]
    #[should_panic(expected = "cross_entropy: the logits are empty")]
    fn of_no_logits_panics_with_a_message() {
        // require_label checks this too. log_sum_exp of no logits panics as well,
        // but its message names log_sum_exp, not the function that was called.
        cross_entropy(Array1::<f64>::zeros(0).view(), 0);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn is_minus_the_log_of_the_label_probability(z in logits(), pick in any::<Index>()) {
            // -ln(softmax(z)[label]), printed naively (right for logits this
            // small). The loss is at most 20 + ln 7 = 22; each way rounds a few
            // times, about 4e-15 in all. We allow 1e-13 (1 + loss).
            let label = pick.index(z.len());
            let got = cross_entropy(z.view(), label);
            let want = naive_cross_entropy(z.view(), label);
            assert_close(&format!("cross-entropy of {z}, label {label}"), got, want, 1e-13);
        }

        #[test]
        fn stays_finite_and_not_negative_up_to_ten_thousand(
            z in huge_logits(),
            pick in any::<Index>(),
        ) {
            // log_sum_exp(z) >= max(z) >= z[label], so the loss is at least 0, and
            // at most 2e4 + ln 7. Taking -ln of the softmax is not enough: a
            // probability of e^-20000 underflows to 0, and -ln 0 = inf.
            let label = pick.index(z.len());
            let loss = cross_entropy(z.view(), label);
            prop_assert!(
                loss.is_finite() && loss >= 0.0,
                "cross-entropy of {z}, label {label}, is {loss}"
            );
        }
    }
}
// ANCHOR_END: tests_cross_entropy

// ANCHOR: tests_cross_entropy_gradient
mod exercise_5_8_cross_entropy_gradient {
    use super::*;

    #[test]
    fn at_zero_ln_two_ln_three_for_label_two_is_p_minus_onehot() {
        // p = [1/6, 2/6, 3/6], minus [0, 0, 1]: [1/6, 1/3, -1/2]. FEW_ROUNDINGS.
        let z = array![0.0, LN_2, 3f64.ln()];
        let got = cross_entropy_gradient(z.view(), 2);
        let want = array![1.0 / 6.0, 1.0 / 3.0, -0.5];
        let what = format!("gradient of cross-entropy at {z}, label 2");
        assert_arrays_close(&what, &got, &want, FEW_ROUNDINGS);
    }

    #[test]
    fn of_equal_logits_pushes_the_label_up_and_the_others_down() {
        // p = [1/3, 1/3, 1/3], minus [1, 0, 0]: [-2/3, 1/3, 1/3]. Descent moves
        // against the gradient: the label's logit up, the others down.
        let z = array![0.0, 0.0, 0.0];
        let got = cross_entropy_gradient(z.view(), 0);
        let want = array![-2.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0];
        let what = format!("gradient of cross-entropy at {z}, label 0");
        assert_arrays_close(&what, &got, &want, FEW_ROUNDINGS);
    }

    #[test]
    fn is_the_chain_rule_through_the_softmax_jacobian() {
        // L = -ln p_y, so dL/dp = -1/p_y at y and 0 elsewhere, and by the chain
        // rule dL/dz_j = sum_i dL/dp_i J_ij = -J_yj / p_y. This uses your softmax
        // and softmax_jacobian, so it needs Exercises 5.4 and 5.5. J's entries are
        // off by a few 1e-17 and p_y = 0.25 here: FEW_ROUNDINGS.
        let (z, y) = (array![0.5, -1.0, 1.5], 0);
        let jacobian = softmax_jacobian(z.view());
        let by_chain_rule = jacobian.row(y).mapv(|j| -j / softmax(z.view())[y]);
        let got = cross_entropy_gradient(z.view(), y);
        assert_arrays_agree(
            &format!("gradient of cross-entropy at {z}, label {y}"),
            "your cross_entropy_gradient",
            &got,
            "the chain rule through your softmax_jacobian",
            &by_chain_rule,
            FEW_ROUNDINGS,
        );
    }

    #[test]
    #[should_panic(
        expected = "cross_entropy_gradient: label 2 is out of range for 2 classes"
    )]
    fn of_a_label_past_the_last_class_panics_with_a_message() {
        // Call require_label(z, label, "cross_entropy_gradient") first: the message
        // must name this function.
        cross_entropy_gradient(array![1.0, -1.0].view(), 2);
    }

    #[test]
    #[should_panic(expected = "cross_entropy_gradient: the logits are empty")]
    fn of_no_logits_panics_with_a_message() {
        // Your softmax would panic too, but naming softmax.
        cross_entropy_gradient(Array1::<f64>::zeros(0).view(), 0);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn sums_to_zero(z in logits(), pick in any::<Index>()) {
            // (p_1 + ... + p_n) - 1 = 0: raising every logit together changes
            // nothing. Seven entries of at most 1, each off by about 1e-15: we
            // allow FEW_ROUNDINGS.
            let label = pick.index(z.len());
            let total = cross_entropy_gradient(z.view(), label).sum();
            let what = format!("sum of the gradient at {z}, label {label}");
            assert_close(&what, total, 0.0, FEW_ROUNDINGS);
        }

        #[test]
        fn agrees_with_central_differences(z in logits(), pick in any::<Index>()) {
            // Central differences of -ln(softmax(z)[label]) as printed. Truncation:
            // along one logit the loss is a constant plus softplus, whose third
            // derivative sigma'' is at most 0.097: 1e-10 * 0.097 / 6 = 1.6e-12.
            // Round-off: the loss (at most 22) rounds a few times, about 4e-15, and
            // rounding z_j + h moves it by at most 1.1e-15; over 2h = 2e-5, at most
            // 5e-10. We allow 1e-7 (1 + |g|).
            let label = pick.index(z.len());
            let by_formula = cross_entropy_gradient(z.view(), label);
            let loss = |z: ArrayView1<f64>| naive_cross_entropy(z, label);
            let by_differences = numerical_gradient(loss, z.view(), H);
            assert_arrays_agree(
                &format!("gradient of cross-entropy at {z}, label {label}"),
                "your cross_entropy_gradient",
                &by_formula,
                "central differences",
                &by_differences,
                1e-7,
            );
        }

        #[test]
        fn stays_finite_up_to_ten_thousand(z in huge_logits(), pick in any::<Index>()) {
            // p - onehot has every entry in [-1, 1].
            let label = pick.index(z.len());
            let gradient = cross_entropy_gradient(z.view(), label);
            prop_assert!(
                gradient.iter().all(|g| (-1.0..=1.0).contains(g)),
                "gradient at {z}, label {label}: {gradient}"
            );
        }
    }
}
// ANCHOR_END: tests_cross_entropy_gradient

// ANCHOR: tests_softplus
mod exercise_5_9_softplus {
    use super::*;

    #[test]
    fn at_minus_ln_two_zero_and_ln_two_is_ln_three_halves_ln_two_and_ln_three() {
        // ln(1 + e^-ln 2) = ln(1 + 1/2) = ln(3/2), ln(1 + e^0) = ln 2 and
        // ln(1 + e^ln 2) = ln(1 + 2) = ln 3. FEW_ROUNDINGS.
        let x = array![-LN_2, 0.0, LN_2];
        let want = array![1.5f64.ln(), LN_2, 3f64.ln()];
        assert_entrywise_close(
            "softplus",
            &x,
            &softplus(x.view()),
            &want,
            FEW_ROUNDINGS,
        );
    }

    #[test]
    fn is_the_input_itself_far_to_the_right() {
        // ln(1 + e^x) = x + ln(1 + e^-x), and ln(1 + e^-x) < e^-x = 3.7e-348 for
        // x = 800 is far below the gap between f64s near 800 (1.1e-13): the answer
        // is x. As printed, e^800 overflows and ln(1 + inf) = inf. FEW_ROUNDINGS.
        let x = array![800.0, 1e4];
        let got = softplus(x.view());
        assert_entrywise_close("softplus", &x, &got, &x, FEW_ROUNDINGS);
    }

    #[test]
    fn is_tiny_but_not_zero_far_to_the_left() {
        // ln(1 + u) = u - u^2/2 + ... with u = e^-40 = 4.248354255291589e-18, and
        // u^2/2 is 2e-18 of u, below what an f64 resolves: the answer is e^-40.
        // (1.0 + u).ln() gives 0, because 1 + u rounds to 1. e^-40 and the answer
        // are each rounded by at most a few parts in 1e16; we allow 1e-12 of the
        // answer, a relative tolerance, since it is so small.
        let x = array![-40.0];
        let want = array![(-40f64).exp()];
        let tol = 1e-12 * want[0];
        assert_entrywise_close("softplus", &x, &softplus(x.view()), &want, tol);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn has_slope_sigma(
            x in prop::collection::vec(-20.0..20.0f64, 1..8).prop_map(Array1::from),
        ) {
            // d/dx ln(1 + e^x) = e^x / (1 + e^x) = sigma(x) (Section 5.3).
            // Truncation: h^2 |sigma''| / 6 with |sigma''| <= 0.097: 1.6e-12.
            // Round-off: softplus (at most 20) rounds a few times, about 7e-15,
            // and rounding x + h moves it by at most 1.8e-15; over 2h = 2e-5, at
            // most 1e-9. We allow 1e-8 (1 + sigma).
            let slope = |x| central_difference(|t| softplus(array![t].view())[0], x, H);
            let by_differences = x.mapv(slope);
            assert_entrywise_agree(
                "slope of softplus",
                &x,
                "central differences of your softplus",
                &by_differences,
                "sigma",
                &x.mapv(sigmoid),
                1e-8,
            );
        }

        #[test]
        fn stays_between_relu_and_relu_plus_ln_two_up_to_ten_thousand(
            x in huge_logits(),
        ) {
            // 1 + e^x lies between max(1, e^x) and 2 max(1, e^x), so ln(1 + e^x)
            // lies between max(0, x) and max(0, x) + ln 2 = max(0, x) + 0.693. We
            // allow 0.7 at the top, room for rounding.
            let got = softplus(x.view());
            prop_assert!(
                x.iter().zip(&got).all(|(&x, &s)| {
                    let relu = x.max(0.0);
                    relu <= s && s <= relu + 0.7
                }),
                "softplus of {x} is {got}: each entry should lie between max(0, x) \
                 and max(0, x) + ln 2"
            );
        }
    }
}
// ANCHOR_END: tests_softplus

// ANCHOR: tests_binary_cross_entropy_with_logits
mod exercise_5_10_binary_cross_entropy_with_logits {
    use super::*;

    /// Your binary cross-entropy of a single example.
    fn bce(z: f64, y: f64) -> f64 {
        binary_cross_entropy_with_logits(array![z].view(), array![y].view())
    }

    #[test]
    fn is_ln_two_at_a_zero_logit_whatever_the_target() {
        // sigma(0) = 1/2, so each term is -(y ln 1/2 + (1 - y) ln 1/2) = ln 2,
        // for y = 1, 0 or 1/2 alike, and so is their mean. FEW_ROUNDINGS.
        let (z, y) = (array![0.0, 0.0, 0.0], array![1.0, 0.0, 0.5]);
        let got = binary_cross_entropy_with_logits(z.view(), y.view());
        assert_close(&format!("BCE of {z} with {y}"), got, LN_2, FEW_ROUNDINGS);
    }

    #[test]
    fn of_a_confident_mistake_is_the_size_of_the_logit() {
        // Target 0, logit 40: -ln(1 - sigma(40)) = ln(1 + e^40) = 40 + ln(1 +
        // e^-40) = 40 + 4.2e-18, which is 40 in f64. From the probability it is
        // inf, because sigma(40) rounds to 1. Target 1, logit -800: likewise 800.
        // FEW_ROUNDINGS.
        for (z, y, want) in [(40.0, 0.0, 40.0), (-800.0, 1.0, 800.0)] {
            let what = format!("BCE of logit {z} with target {y}");
            assert_close(&what, bce(z, y), want, FEW_ROUNDINGS);
        }
    }

    #[test]
    fn does_not_overflow_at_a_logit_of_eight_hundred() {
        // Target 0: ln(1 + e^800) = 800 + ln(1 + e^-800) = 800 in f64 (as for
        // softplus). Target 1: that minus 1 * 800, which is 0. With e^800
        // computed anywhere, both are inf. FEW_ROUNDINGS.
        for (y, want) in [(0.0, 800.0), (1.0, 0.0)] {
            let what = format!("BCE of logit 800 with target {y}");
            assert_close(&what, bce(800.0, y), want, FEW_ROUNDINGS);
        }
    }

    #[test]
    fn of_a_confident_right_answer_is_tiny_but_not_zero() {
        // Target 0, logit -40: -ln(1 - sigma(-40)) = ln(1 + e^-40), which is
        // e^-40 = 4.248354255291589e-18 in f64 (as for softplus). Through sigma
        // it is 0, since 1 - sigma(-40) rounds to 1, and so is (1.0 + e^-40).ln().
        // We allow 1e-12 of the answer, a relative tolerance, since it is so small.
        let want = (-40f64).exp();
        let what = "BCE of logit -40 with target 0 (0 here is a loss of accuracy: \
                    1 - sigma(-40) and 1 + e^-40 both round to 1)";
        assert_close(what, bce(-40.0, 0.0), want, 1e-12 * want);
    }

    #[test]
    #[should_panic(
        expected = "binary_cross_entropy_with_logits: logits of shape [2] \
                               but targets of shape [1]"
    )]
    fn of_two_logits_and_one_target_panics_naming_the_shapes() {
        // Call require_same_length(z, "logits", y, "targets",
        // "binary_cross_entropy_with_logits") first. Without it nothing panics:
        // ndarray stretches the one target to [1, 1] (broadcasting), and the
        // function returns a loss for targets that were never given.
        binary_cross_entropy_with_logits(
            array![1.0, 2.0].view(),
            array![1.0].view(),
        );
    }

    #[test]
    #[should_panic(
        expected = "binary_cross_entropy_with_logits: the logits are empty"
    )]
    fn of_no_logits_panics() {
        // Without the check, the mean of nothing is 0 / 0 = NaN.
        let nothing = Array1::<f64>::zeros(0);
        binary_cross_entropy_with_logits(nothing.view(), nothing.view());
    }

    /// Logits in -15..15 and targets in 0..1, as many of one as of the other.
    fn logits_and_targets() -> impl Strategy<Value = (Array1<f64>, Array1<f64>)> {
        (1..8usize).prop_flat_map(|n| {
            let z = prop::collection::vec(-15.0..15.0f64, n).prop_map(Array1::from);
            let y = prop::collection::vec(0.0..=1.0f64, n).prop_map(Array1::from);
            (z, y)
        })
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn agrees_with_the_formula_from_probabilities((z, y) in logits_and_targets()) {
            // binary_cross_entropy(sigma(z), y), right for logits this small but not
            // exact: at z = 15, 1 - sigma(z) = 3.1e-7 is computed from a sigma
            // rounded by 1.1e-16, which is 3.6e-10 of it, and its logarithm is off
            // by as much. We allow 1e-8 (1 + loss).
            let got = binary_cross_entropy_with_logits(z.view(), y.view());
            let want = binary_cross_entropy(z.mapv(sigmoid).view(), y.view());
            assert_close(&format!("BCE of {z} with {y}"), got, want, 1e-8);
        }

        #[test]
        fn has_gradient_sigma_minus_y_over_n((z, y) in logits_and_targets()) {
            // Central differences of your loss against (sigma(z) - y) / n.
            // Truncation: along one logit the loss is (softplus(z_j) - y_j z_j) / n
            // plus a constant, and the third derivative of softplus, sigma'', is at
            // most 0.097: 1e-10 * 0.097 / 6 = 1.6e-12. Round-off: the loss (at most
            // 16) rounds a few times, about 4e-15; over 2h = 2e-5, at most 4e-10.
            // We allow 1e-7 (1 + |g|). A loss computed through sigma(z) is off by
            // more at large |z|, where 1 - sigma(z) keeps only a few digits.
            let loss = |z: ArrayView1<f64>| binary_cross_entropy_with_logits(z, y.view());
            let by_differences = numerical_gradient(loss, z.view(), H);
            let by_formula = binary_cross_entropy_with_logits_gradient(z.view(), y.view());
            let what = format!(
                "gradient of BCE at {z} with {y}\n(a difference just past the \
                 tolerance at a logit beyond 10 or so is a loss of accuracy: a loss \
                 computed through sigma(z) keeps only a few digits of 1 - sigma(z) \
                 there; compute it from the logit)"
            );
            assert_arrays_agree(
                &what,
                "central differences of your loss",
                &by_differences,
                "(sigma(z) - y) / n",
                &by_formula,
                1e-7,
            );
        }

        #[test]
        fn stays_finite_and_not_negative_up_to_ten_thousand(
            (z, y) in (1..8usize).prop_flat_map(|n| {
                let z = prop::collection::vec(-1e4..1e4f64, n).prop_map(Array1::from);
                let y = prop::collection::vec(0.0..=1.0f64, n).prop_map(Array1::from);
                (z, y)
            }),
        ) {
            // Each term is softplus(z) - y z >= softplus(z) - max(z, 0) > 0 for y in
            // [0, 1], and at most |z| + ln 2.
            let loss = binary_cross_entropy_with_logits(z.view(), y.view());
            prop_assert!(
                loss.is_finite() && loss >= 0.0,
                "BCE of {z} with {y} is {loss}"
            );
        }
    }
}
// ANCHOR_END: tests_binary_cross_entropy_with_logits
