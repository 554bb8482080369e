//! The checks for the exercises of chapter 4, one module per exercise. Run them all
//! with `cargo test -p chapter04`, or one exercise's with a filter such as
//! `cargo test -p chapter04 exercise_4_4`; each failing test names what it expected
//! and what came back.

use chapter01::check::{assert_agree, assert_close};
use chapter01::exercises::central_difference;
use chapter04::exercises::*;
use chapter04::model::{column, with_bias};
use chapter04::points::seed_points;
use ndarray::{Array1, Array2, ArrayView1, array};
use proptest::prelude::*;

/// 64 random cases per property, and no file of failing cases written beside the
/// tests.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ANCHOR: tests_data
/// The tolerance of a check whose answer is exact but for a few roundings: each
/// operation rounds its result by at most EPSILON / 2 = 1.1e-16 of its size, and
/// these checks round a handful of times on numbers of size 1 to 10. `assert_close`
/// allows ROUNDING (1 + |expected|), at least 1e-15.
const ROUNDING: f64 = 1e-15;

/// The step of every central difference in these tests, as in chapter 1.
const H: f64 = 1e-5;

/// The seed post's three samples for y = w x: x = 1, 2, 3 as a column, y = 2x.
fn seed() -> (Array2<f64>, Array1<f64>) {
    (column(array![1.0, 2.0, 3.0].view()), array![2.0, 4.0, 6.0])
}

/// Four samples for y = w x + b that no line fits exactly: x = 0, 1, 2, 3 as the
/// columns [x, 1], and y = 1, 1, 4, 3.
fn four() -> (Array2<f64>, Array1<f64>) {
    (
        with_bias(array![0.0, 1.0, 2.0, 3.0].view()),
        array![1.0, 1.0, 4.0, 3.0],
    )
}

/// Random samples for y = w x + b: one to seven points with x in -3..3 and y in
/// -5..5, as the columns [x, 1] and y.
fn samples() -> impl Strategy<Value = (Array2<f64>, Array1<f64>)> {
    (1..8usize).prop_flat_map(|n| {
        let xs = prop::collection::vec(-3.0..3.0f64, n);
        let ys = prop::collection::vec(-5.0..5.0f64, n);
        (xs, ys)
            .prop_map(|(x, y)| (with_bias(ArrayView1::from(&x)), Array1::from(y)))
    })
}
// ANCHOR_END: tests_data

/// Asserts that `got` has as many entries as `want` and that each is within
/// `tol * (1 + |w|)` of the entry w of `want`.
#[track_caller]
fn assert_all_close(what: &str, got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(
        got.len(),
        want.len(),
        "{what}: expected {want:?}, got {got:?}"
    );
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        assert_close(&format!("{what}, entry {i}"), g, w, tol);
    }
}

/// The gradient of `f` at `params` by chapter 1's central difference, one weight at
/// a time.
fn numerical_gradient(
    f: impl Fn(ArrayView1<f64>) -> f64,
    params: &Array1<f64>,
) -> Vec<f64> {
    (0..params.len())
        .map(|j| {
            let nudged = |t| {
                let mut p = params.clone();
                p[j] = t;
                f(p.view())
            };
            central_difference(nudged, params[j], H)
        })
        .collect()
}

// ANCHOR: tests_mse
mod exercise_4_1_mse {
    use super::*;

    #[test]
    fn of_the_seed_data_at_w_one_is_fourteen_thirds() {
        // Predictions 1, 2, 3 against 2, 4, 6: errors -1, -2, -3, squares 1, 4, 9,
        // mean 14/3 = 4.67. Summing instead of averaging gives 14.
        let (x, y) = seed();
        let got = mse(x.view(), y.view(), array![1.0].view());
        assert_close("cost at w = 1", got, 14.0 / 3.0, ROUNDING);
    }

    #[test]
    fn with_a_bias_averages_the_squared_errors() {
        // w = 1, b = 0.5: predictions 0.5, 1.5, 2.5, 3.5 against 1, 1, 4, 3: errors
        // -0.5, 0.5, -1.5, 0.5, squares 0.25, 0.25, 2.25, 0.25, mean 3 / 4 = 0.75.
        // Halves and quarters are exact in binary: no error allowed.
        let (x, y) = four();
        let got = mse(x.view(), y.view(), array![1.0, 0.5].view());
        assert_close("cost at (w, b) = (1, 0.5)", got, 0.75, 0.0);
    }

    #[test]
    fn is_zero_on_the_line_through_the_points() {
        // y = 2x + 1 at x = 0, 1, 2 is 1, 3, 5: every error is exactly 0.
        let x = with_bias(array![0.0, 1.0, 2.0].view());
        let got = mse(
            x.view(),
            array![1.0, 3.0, 5.0].view(),
            array![2.0, 1.0].view(),
        );
        assert_close("cost on the line", got, 0.0, 0.0);
    }

    #[test]
    fn of_one_sample_is_its_squared_error() {
        // The loss of one sample: 2 * 3 + 1 = 7 against 5, error 2, square 4.
        let x = with_bias(array![3.0].view());
        let got = mse(x.view(), array![5.0].view(), array![2.0, 1.0].view());
        assert_close("loss of (3, 5)", got, 4.0, 0.0);
    }

    #[test]
    #[should_panic(expected = "mse: x has shape [4, 2], y [4] and params [1]")]
    fn names_the_shapes_when_the_weights_do_not_fit_the_columns() {
        // Two columns, [x, 1], need two weights, [w, b].
        let (x, y) = four();
        mse(x.view(), y.view(), array![1.0].view());
    }
}
// ANCHOR_END: tests_mse

// ANCHOR: tests_mse_gradient
mod exercise_4_2_mse_gradient {
    use super::*;

    #[test]
    fn of_the_seed_data_at_w_one_is_minus_twenty_eight_thirds() {
        // (2/3) (1 (-1) + 2 (-2) + 3 (-3)) = (2/3) (-14) = -28/3 = -9.33.
        let (x, y) = seed();
        let got = mse_gradient(x.view(), y.view(), array![1.0].view());
        assert_all_close(
            "dC/dw at w = 1",
            got.as_slice().unwrap(),
            &[-28.0 / 3.0],
            ROUNDING,
        );
    }

    #[test]
    fn with_a_bias_is_two_over_n_times_x_transposed_times_the_errors() {
        // w = 1, b = 0: predictions 0, 1, 2, 3 against 1, 1, 4, 3, errors -1, 0, -2,
        // 0. dC/dw = (2/4) (0 (-1) + 1 (0) + 2 (-2) + 3 (0)) = -4 / 2 = -2 and
        // dC/db = (2/4) (-1 + 0 - 2 + 0) = -1.5. Exact in binary.
        let (x, y) = four();
        let got = mse_gradient(x.view(), y.view(), array![1.0, 0.0].view());
        assert_all_close(
            "[dC/dw, dC/db]",
            got.as_slice().unwrap(),
            &[-2.0, -1.5],
            0.0,
        );
    }

    #[test]
    fn vanishes_on_the_line_through_the_points() {
        // Every error is 0, so every sum of errors is.
        let x = with_bias(array![0.0, 1.0, 2.0].view());
        let got = mse_gradient(
            x.view(),
            array![1.0, 3.0, 5.0].view(),
            array![2.0, 1.0].view(),
        );
        assert_all_close(
            "gradient on the line",
            got.as_slice().unwrap(),
            &[0.0, 0.0],
            0.0,
        );
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn matches_central_differences_at_random_w_and_b(
            (x, y) in samples(),
            w in -3.0..3.0f64,
            b in -3.0..3.0f64,
        ) {
            // The cost is quadratic in each weight, so a central difference has no
            // truncation error (Section 1.2: it is off by h^2 f''' / 6, and
            // f''' = 0). Round-off: errors are at most 3 * 3 + 3 + 5 = 17, squares
            // at most 289, and a cost rounds some 4n <= 28 times by EPSILON / 2 of
            // at most 289: 9e-13 per cost, 1e-7 over 2h = 2e-5. We allow
            // 1e-6 (1 + |g|).
            let params = array![w, b];
            let by_formula = mse_gradient(x.view(), y.view(), params.view());
            let cost = |p: ArrayView1<f64>| mse(x.view(), y.view(), p);
            let by_differences = numerical_gradient(cost, &params);
            for (j, name) in ["dC/dw", "dC/db"].iter().enumerate() {
                assert_agree(
                    &format!("{name} at ({w}, {b}) on {} samples", y.len()),
                    "your mse_gradient",
                    by_formula[j],
                    "central differences of your mse",
                    by_differences[j],
                    1e-6,
                );
            }
        }
    }
}
// ANCHOR_END: tests_mse_gradient

// ANCHOR: tests_least_squares
mod exercise_4_3_least_squares {
    use super::*;

    #[test]
    fn of_the_seed_data_is_y_equals_two_x() {
        // n = 3, sum x = 6, sum x^2 = 14, sum y = 12, sum x y = 28; the determinant
        // is 3 * 14 - 36 = 6, w = (3 * 28 - 6 * 12) / 6 = 2 and
        // b = (14 * 12 - 6 * 28) / 6 = 0. Whole numbers: exact.
        let got = least_squares(
            array![1.0, 2.0, 3.0].view(),
            array![2.0, 4.0, 6.0].view(),
        );
        assert_all_close("[w, b]", got.as_slice().unwrap(), &[2.0, 0.0], ROUNDING);
    }

    #[test]
    fn goes_through_three_points_on_a_line_with_a_bias() {
        // y = 2x + 1 at 0, 1, 2: n = 3, sum x = 3, sum x^2 = 5, sum y = 9,
        // sum x y = 13; determinant 15 - 9 = 6, w = (39 - 27) / 6 = 2,
        // b = (45 - 39) / 6 = 1.
        let got = least_squares(
            array![0.0, 1.0, 2.0].view(),
            array![1.0, 3.0, 5.0].view(),
        );
        assert_all_close("[w, b]", got.as_slice().unwrap(), &[2.0, 1.0], ROUNDING);
    }

    #[test]
    fn fits_four_points_by_hand() {
        // x = 0, 1, 2, 3 and y = 1, 1, 4, 3: n = 4, sum x = 6, sum x^2 = 14,
        // sum y = 9, sum x y = 0 + 1 + 8 + 9 = 18; determinant 56 - 36 = 20,
        // w = (72 - 54) / 20 = 0.9, b = (126 - 108) / 20 = 0.9. By the centred
        // form: mean x = 1.5, mean y = 2.25, w = sum (x - 1.5)(y - 2.25) /
        // sum (x - 1.5)^2 = 4.5 / 5 = 0.9, b = 2.25 - 0.9 * 1.5 = 0.9. 0.9 is not
        // exact in binary: ROUNDING.
        let got = least_squares(
            array![0.0, 1.0, 2.0, 3.0].view(),
            array![1.0, 1.0, 4.0, 3.0].view(),
        );
        assert_all_close("[w, b]", got.as_slice().unwrap(), &[0.9, 0.9], ROUNDING);
    }

    #[test]
    #[should_panic(expected = "least_squares: the 3 x are all equal")]
    fn refuses_points_that_all_have_the_same_x() {
        // Every line through (2, mean y) = (2, 2) fits these equally well.
        least_squares(array![2.0, 2.0, 2.0].view(), array![1.0, 2.0, 3.0].view());
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn recovers_the_line_the_points_lie_on(
            xs in prop::collection::vec(-3.0..3.0f64, 2..10),
            w in -5.0..5.0f64,
            b in -5.0..5.0f64,
        ) {
            // With the x at least 1 apart at the extremes, sum (x - mean)^2 >= 1/2
            // and the determinant n sum (x - mean)^2 >= n / 2 >= 1. The sums it is
            // made of are at most n^2 * 3 * 20 = 6000 in size and round by about
            // n EPSILON of that, 1.3e-11; so w and b are off by at most a few 1e-11.
            // We allow 1e-9 (1 + |expected|).
            let spread = xs.iter().cloned().fold(f64::MIN, f64::max)
                - xs.iter().cloned().fold(f64::MAX, f64::min);
            prop_assume!(spread >= 1.0);
            let x = Array1::from(xs);
            let y = &x * w + b;
            let got = least_squares(x.view(), y.view());
            assert_close(&format!("w for y = {w} x + {b}"), got[0], w, 1e-9);
            assert_close(&format!("b for y = {w} x + {b}"), got[1], b, 1e-9);
        }

        // This law uses your mse_gradient too, so it needs Exercise 4.2.
        #[test]
        fn makes_your_mse_gradient_vanish(
            xs in prop::collection::vec(-3.0..3.0f64, 2..10),
            ys in prop::collection::vec(-5.0..5.0f64, 10),
        ) {
            // At the least-squares line the gradient is 0: the normal equations say
            // exactly that. w and b are off by a few 1e-11 (as above), which moves
            // dC/dw = (2/n) sum x (w x + b - y) by at most 2 (9 + 3) 1e-10 = 2.4e-9;
            // the sums themselves round by a few EPSILON * 2 * 3 * 20 = 3e-14. We
            // allow 1e-8, all of it absolute, since the answer is 0.
            let spread = xs.iter().cloned().fold(f64::MIN, f64::max)
                - xs.iter().cloned().fold(f64::MAX, f64::min);
            prop_assume!(spread >= 1.0);
            let x = Array1::from(xs);
            let y = Array1::from(ys[..x.len()].to_vec());
            let best = least_squares(x.view(), y.view());
            let g = mse_gradient(with_bias(x.view()).view(), y.view(), best.view());
            assert_close(&format!("dC/dw at the fit {best}"), g[0], 0.0, 1e-8);
            assert_close(&format!("dC/db at the fit {best}"), g[1], 0.0, 1e-8);
        }
    }
}
// ANCHOR_END: tests_least_squares

// ANCHOR: tests_batch_epoch
mod exercise_4_4_batch_epoch {
    use super::*;

    #[test]
    fn moves_w_from_one_to_one_plus_lr_times_twenty_eight_thirds() {
        // The gradient at w = 1 is -28/3 (Exercise 4.2), so
        // w = 1 - 0.01 (-28/3) = 1.09333...
        let (x, y) = seed();
        let mut params = array![1.0];
        batch_epoch(x.view(), y.view(), &mut params, 0.01);
        assert_close("w after one epoch", params[0], 1.0 + 0.28 / 3.0, ROUNDING);
    }

    #[test]
    fn returns_the_cost_before_the_update() {
        // The cost at w = 1 is 14/3 (Exercise 4.1); at the new w it would be
        // (14/3) (1.0933 - 2)^2 = 3.84.
        let (x, y) = seed();
        let cost = batch_epoch(x.view(), y.view(), &mut array![1.0], 0.01);
        assert_close("cost returned", cost, 14.0 / 3.0, ROUNDING);
    }

    #[test]
    fn with_a_bias_steps_both_weights_against_the_gradient() {
        // At (1, 0) the gradient is (-2, -1.5) and the cost
        // (1 + 0 + 4 + 0) / 4 = 1.25; with lr = 0.25 the step goes to
        // (1 + 0.5, 0 + 0.375). Exact in binary.
        let (x, y) = four();
        let mut params = array![1.0, 0.0];
        let cost = batch_epoch(x.view(), y.view(), &mut params, 0.25);
        assert_close("cost returned", cost, 1.25, 0.0);
        assert_all_close(
            "(w, b) after",
            params.as_slice().unwrap(),
            &[1.5, 0.375],
            0.0,
        );
    }

    #[test]
    fn follows_the_closed_form_for_a_hundred_epochs() {
        // The gradient is (28/3)(w - 2), so each epoch multiplies w - 2 by
        // 1 - 0.01 * 28/3: w_k = 2 - (1 - 0.28/3)^k. Each epoch rounds w by about
        // EPSILON |w| / 2 = 2.2e-16 and the step by less; the factor 0.907 shrinks
        // old errors, so they add up to at most 1 / (1 - 0.907) = 11 of those,
        // 2.4e-15. We allow 1e-14 (1 + 2) = 3e-14.
        let (x, y) = seed();
        let mut params = array![1.0];
        for k in 1..=100 {
            batch_epoch(x.view(), y.view(), &mut params, 0.01);
            let closed_form = 2.0 - (1.0 - 0.28 / 3.0f64).powi(k);
            assert_close(
                &format!("w after {k} epochs"),
                params[0],
                closed_form,
                1e-14,
            );
        }
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn never_raises_the_cost_with_a_small_enough_learning_rate(
            (x, y) in samples(),
            w in -3.0..3.0f64,
            b in -3.0..3.0f64,
            fraction in 0.01..1.0f64,
        ) {
            // The cost is quadratic with Hessian H = (2/n) X^T X, so after a step
            // -lr g it is C - lr |g|^2 + (lr^2 / 2) g.H g, at most
            // C - lr |g|^2 (1 - lr L / 2) for any L at least H's largest
            // eigenvalue, such as its trace
            // (2/n) sum (x_i^2 + 1). With lr <= 1 / L the cost falls by at least
            // lr |g|^2 / 2. We allow rounding: 1e-12 (1 + C).
            let n = y.len() as f64;
            let trace = 2.0 / n * x.iter().map(|v| v * v).sum::<f64>();
            let lr = fraction / trace;
            let mut params = array![w, b];
            let before = batch_epoch(x.view(), y.view(), &mut params, lr);
            let after = mse(x.view(), y.view(), params.view());
            prop_assert!(
                after <= before + 1e-12 * (1.0 + before),
                "lr = {lr}: the cost went from {before} to {after}"
            );
        }
    }
}
// ANCHOR_END: tests_batch_epoch

// ANCHOR: tests_sgd_epoch
mod exercise_4_5_sgd_epoch {
    use super::*;

    #[test]
    fn takes_the_seeds_three_updates() {
        // Each update is w <- w - 0.01 * 2 x (w x - y):
        //   x = 1: w = 1 - 0.02 (1 - 2) = 1.02;
        //   x = 2: w = 1.02 - 0.04 (2.04 - 4) = 1.02 + 0.0784 = 1.0984;
        //   x = 3: w = 1.0984 - 0.06 (3.2952 - 6) = 1.0984 + 0.162288 = 1.260688.
        // Hundredths are not exact in binary: ROUNDING.
        let (x, y) = seed();
        let mut params = array![1.0];
        sgd_epoch(x.view(), y.view(), &mut params, 0.01);
        assert_close("w after one epoch", params[0], 1.260688, ROUNDING);
    }

    #[test]
    fn returns_each_samples_loss_before_its_update() {
        // At w = 1: (1 - 2)^2 = 1; at 1.02: (2.04 - 4)^2 = 1.96^2 = 3.8416;
        // at 1.0984: (3.2952 - 6)^2 = 2.7048^2 = 7.31594304.
        let (x, y) = seed();
        let losses = sgd_epoch(x.view(), y.view(), &mut array![1.0], 0.01);
        assert_all_close("losses", &losses, &[1.0, 3.8416, 7.31594304], ROUNDING);
    }

    #[test]
    fn on_one_sample_is_one_step_on_its_loss() {
        // Sample (3, 5) at (w, b) = (2, 1): error 7 - 5 = 2, loss 4, gradient
        // 2 * 2 * [3, 1] = [12, 4]; lr = 0.125 steps to (2 - 1.5, 1 - 0.5). Exact.
        let x = with_bias(array![3.0].view());
        let mut params = array![2.0, 1.0];
        let losses = sgd_epoch(x.view(), array![5.0].view(), &mut params, 0.125);
        assert_all_close("losses", &losses, &[4.0], 0.0);
        assert_all_close(
            "(w, b) after",
            params.as_slice().unwrap(),
            &[0.5, 0.5],
            0.0,
        );
    }

    #[test]
    fn follows_the_closed_form_for_a_hundred_epochs() {
        // Sample i multiplies w - 2 by 1 - 0.02 x_i^2, so an epoch by
        // 0.98 * 0.92 * 0.82 = 0.739312: w_k = 2 - 0.739312^k. Three roundings of
        // about 2.2e-16 per epoch, shrunk by 0.74 per epoch afterwards: at most
        // 3 * 2.2e-16 / (1 - 0.74) = 2.5e-15. We allow 1e-14 (1 + 2) = 3e-14.
        let (x, y) = seed();
        let mut params = array![1.0];
        for k in 1..=100 {
            sgd_epoch(x.view(), y.view(), &mut params, 0.01);
            let closed_form = 2.0 - 0.739312f64.powi(k);
            assert_close(
                &format!("w after {k} epochs"),
                params[0],
                closed_form,
                1e-14,
            );
        }
    }
}
// ANCHOR_END: tests_sgd_epoch

// ANCHOR: tests_minibatch_epoch
mod exercise_4_6_minibatch_epoch {
    use super::*;

    #[test]
    fn with_one_batch_of_everything_is_a_batch_epoch() {
        // A batch size of 4 or more takes the three samples at once: one update
        // to 1 + 0.28/3 = 1.0933, reporting the cost 14/3 (Exercise 4.4).
        let (x, y) = seed();
        let mut params = array![1.0];
        let costs =
            minibatch_epoch(x.view(), y.view(), &mut params, 0.01, &[0, 1, 2], 4);
        assert_all_close("batch costs", &costs, &[14.0 / 3.0], ROUNDING);
        assert_close("w after", params[0], 1.0 + 0.28 / 3.0, ROUNDING);
    }

    #[test]
    fn with_batches_of_one_in_order_is_an_sgd_epoch() {
        // The three updates of Exercise 4.5: losses 1, 3.8416, 7.31594304, and
        // w = 1.260688.
        let (x, y) = seed();
        let mut params = array![1.0];
        let costs =
            minibatch_epoch(x.view(), y.view(), &mut params, 0.01, &[0, 1, 2], 1);
        assert_all_close(
            "batch costs",
            &costs,
            &[1.0, 3.8416, 7.31594304],
            ROUNDING,
        );
        assert_close("w after", params[0], 1.260688, ROUNDING);
    }

    #[test]
    fn follows_the_order_and_ends_with_a_smaller_batch() {
        // Order 2, 0, 1 in batches of 2: first x = 3 and x = 1 at w = 1, errors
        // -3 and -1, cost (9 + 1) / 2 = 5, gradient (2/2)(3 (-3) + 1 (-1)) = -10,
        // so w = 1 + 0.1 = 1.1. Then x = 2 alone: error 2.2 - 4 = -1.8, cost 3.24,
        // gradient 2 * 2 * (-1.8) = -7.2, so w = 1.1 + 0.072 = 1.172.
        let (x, y) = seed();
        let mut params = array![1.0];
        let costs =
            minibatch_epoch(x.view(), y.view(), &mut params, 0.01, &[2, 0, 1], 2);
        assert_all_close("batch costs", &costs, &[5.0, 3.24], ROUNDING);
        assert_close("w after", params[0], 1.172, ROUNDING);
    }

    #[test]
    #[should_panic(expected = "is not a shuffle of 0..3")]
    fn refuses_an_order_that_visits_a_sample_twice() {
        let (x, y) = seed();
        minibatch_epoch(x.view(), y.view(), &mut array![1.0], 0.01, &[0, 0, 1], 2);
    }

    /// One to seven inputs in -2..2 and a random order of their indices.
    fn inputs_and_order() -> impl Strategy<Value = (Vec<f64>, Vec<usize>)> {
        prop::collection::vec(-2.0..2.0f64, 1..8).prop_flat_map(|xs| {
            let order = Just((0..xs.len()).collect::<Vec<usize>>()).prop_shuffle();
            (Just(xs), order)
        })
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn shrinks_the_gap_by_the_product_of_its_batches_factors(
            (xs, order) in inputs_and_order(),
            slope in -3.0..3.0f64,
            w0 in -5.0..5.0f64,
            batch_size in 1..9usize,
        ) {
            // On points exactly on y = s x, a batch B multiplies w - s by
            // 1 - lr (2/|B|) sum_B x^2, which with lr = 0.01 and |x| < 2 lies in
            // (0.92, 1]: no error grows. Each of at most 7 updates rounds by a few
            // EPSILON |w| <= a few 1.1e-15. We allow 1e-13 (1 + |expected|).
            let lr = 0.01;
            let x = Array1::from(xs);
            let y = &x * slope;
            let mut params = array![w0];
            let x_column = column(x.view());
            let (xc, yv) = (x_column.view(), y.view());
            minibatch_epoch(xc, yv, &mut params, lr, &order, batch_size);
            let factor: f64 = order
                .chunks(batch_size)
                .map(|batch| {
                    let sum: f64 = batch.iter().map(|&i| x[i] * x[i]).sum();
                    1.0 - lr * 2.0 / batch.len() as f64 * sum
                })
                .product();
            let want = slope + factor * (w0 - slope);
            let what = format!("w after {order:?} in batches of {batch_size}");
            assert_close(&what, params[0], want, 1e-13);
        }
    }
}
// ANCHOR_END: tests_minibatch_epoch

// ANCHOR: tests_two_weight_gradient
mod exercise_4_7_two_weight_gradient {
    use super::*;

    #[test]
    fn at_one_half_and_one_half_by_hand() {
        // x = 1, 2 and y = 1, 1; p = w1 w2 = 0.25: errors 0.25 - 1 = -0.75 and
        // 0.5 - 1 = -0.5, dL/dp = 2 (1 (-0.75) + 2 (-0.5)) = -3.5, and each weight
        // gets dL/dp times the other: -3.5 * 0.5 = -1.75. Exact in binary.
        let got = two_weight_gradient(
            array![1.0, 2.0].view(),
            array![1.0, 1.0].view(),
            [0.5, 0.5],
        );
        assert_all_close("[dL/dw1, dL/dw2]", &got, &[-1.75, -1.75], 0.0);
    }

    #[test]
    fn gives_each_weight_the_other_weight_times_dl_dp() {
        // w = (1, 2), p = 2: errors 2 - 1 = 1 and 4 - 1 = 3, dL/dp = 2 (1 + 6) = 14;
        // dL/dw1 = 14 w2 = 28 and dL/dw2 = 14 w1 = 14.
        let got = two_weight_gradient(
            array![1.0, 2.0].view(),
            array![1.0, 1.0].view(),
            [1.0, 2.0],
        );
        assert_all_close("[dL/dw1, dL/dw2]", &got, &[28.0, 14.0], 0.0);
    }

    #[test]
    fn at_the_seeds_start_is_minus_ninety_three_for_both() {
        // On the post's fifteen points sum x^2 = 634.787956 and sum x y =
        // 251.784012 (each product has at most six decimals, so these sums are
        // exact as decimals). dL/dp = 2 (0.25 * 634.787956 - 251.784012) =
        // 2 (158.696989 - 251.784012) = -186.174046, and each weight gets half of
        // that: -93.087023. Sums of fifteen terms near 10 to 100: 1e-13 (1 + 93).
        let (x, y) = seed_points();
        let got = two_weight_gradient(x.view(), y.view(), [0.5, 0.5]);
        assert_all_close("[dL/dw1, dL/dw2]", &got, &[-93.087023, -93.087023], 1e-13);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn vanishes_all_along_the_valley_floor(w1 in 0.2..3.0f64) {
            // Where w1 w2 = sum x y / sum x^2 = p*, dL/dp = 2 (p sum x^2 - sum x y)
            // = 0 whatever w1 is. The product w1 (p* / w1) differs from p* by a
            // rounding, 2 * 635 * 0.4 EPSILON = 1.1e-13 in dL/dp; the sum's own
            // roundings, fifteen terms of at most 16, add 5e-14; times w <= 2.
            // We allow 1e-11, absolute.
            let (x, y) = seed_points();
            let p_star = x.dot(&y) / x.dot(&x);
            let got = two_weight_gradient(x.view(), y.view(), [w1, p_star / w1]);
            assert_close(&format!("dL/dw1 at w1 = {w1}"), got[0], 0.0, 1e-11);
            assert_close(&format!("dL/dw2 at w1 = {w1}"), got[1], 0.0, 1e-11);
        }

        #[test]
        fn matches_central_differences(w1 in -1.5..1.5f64, w2 in -1.5..1.5f64) {
            // With one weight fixed the loss is quadratic in the other, so the
            // central difference has no truncation error. Round-off: x p is at
            // most 10 * 2.25, errors at most 26, squares at most 676, fifteen of
            // them sum to at most 1e4 and round by a few EPSILON * 1e4 = 1e-11;
            // over 2h = 2e-5 that is 5e-7. We allow 1e-5 (1 + |g|).
            let (x, y) = seed_points();
            let loss = |w: [f64; 2]| {
                let err = &x * (w[0] * w[1]) - &y;
                err.dot(&err)
            };
            let by_formula = two_weight_gradient(x.view(), y.view(), [w1, w2]);
            let d1 = central_difference(|t| loss([t, w2]), w1, H);
            let d2 = central_difference(|t| loss([w1, t]), w2, H);
            let at = format!("at ({w1}, {w2})");
            assert_agree(&format!("dL/dw1 {at}"), "your two_weight_gradient",
                by_formula[0], "central differences", d1, 1e-5);
            assert_agree(&format!("dL/dw2 {at}"), "your two_weight_gradient",
                by_formula[1], "central differences", d2, 1e-5);
        }
    }
}
// ANCHOR_END: tests_two_weight_gradient
