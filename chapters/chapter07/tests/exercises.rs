//! The checks for the exercises of chapter 7, one module per exercise. Run them all
//! with `cargo test -p chapter07`, or one exercise's with a filter such as
//! `cargo test -p chapter07 exercise_7_3`; each failing test names what it expected
//! and what came back.

use chapter01::check::assert_close;
use chapter05::check::{assert_arrays_agree, assert_arrays_close};
use chapter07::checking::{engine_gradient, numerical_gradient};
use chapter07::exercises::*;
use chapter07::perceptron::{forward_loops, loss, sigmoid};
use ndarray::{Array1, Array2, Axis, array};
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

// ANCHOR: tests_tolerances
/// The step of every central difference in these tests, as in chapter 1.
const H: f64 = 1e-5;

/// The tolerance of a check whose answer is exact but for a few roundings: each
/// operation rounds by at most EPSILON / 2 = 1.1e-16 of its size, and a perceptron
/// with a handful of inputs rounds each number some twenty times, 2.2e-15 in all.
/// `assert_close` allows FEW_ROUNDINGS (1 + |expected|), at least 1e-14.
const FEW_ROUNDINGS: f64 = 1e-14;

/// The tolerance of a comparison with central differences. With h = 1e-5 the
/// truncation error is h^2 |E'''| / 6; for inputs in [-3, 3] each derivative of E in
/// a weight brings a factor |x_j| <= 3 and the third derivative of 1/2 (sigma(z) - t)^2
/// in z stays below 1 (a loose bound: on a fine grid of z and of t in [0, 1] its
/// largest size is 0.101), so |E'''| <= 27 and the error is below 4.5e-10. With at
/// most K = 4 outputs and outputs and targets in [0, 1], each sample's loss is at
/// most 4 / 2 = 2, and so is E, the mean: round-off is EPSILON |E| / h
/// <= 2.2e-16 * 2 / 1e-5 = 4.4e-11. We allow 1e-8 (1 + |g|).
const DIFFERENCES: f64 = 1e-8;

/// The tolerance of a comparison with chapter 6's engine: both compute the same
/// products and sums in a different order, so they differ by a few roundings of
/// numbers below 30: FEW_ROUNDINGS.
const ENGINE: f64 = FEW_ROUNDINGS;

/// A random batch: X (n × m), W (m × k), b (k), T (n × k) with 1 <= n, m, k <= 4,
/// inputs in [-3, 3], weights and biases in [-2, 2], targets in [0, 1].
fn batch()
-> impl Strategy<Value = (Array2<f64>, Array2<f64>, Array1<f64>, Array2<f64>)> {
    (1..5usize, 1..5usize, 1..5usize).prop_flat_map(|(n, m, k)| {
        let matrix = |rows, cols, lo: f64, hi: f64| {
            prop::collection::vec(lo..hi, rows * cols).prop_map(move |v| {
                Array2::from_shape_vec((rows, cols), v).expect("rows * cols values")
            })
        };
        let vector = prop::collection::vec(-2.0..2.0f64, k).prop_map(Array1::from);
        (
            matrix(n, m, -3.0, 3.0),
            matrix(m, k, -2.0, 2.0),
            vector,
            matrix(n, k, 0.0, 1.0),
        )
    })
}
// ANCHOR_END: tests_tolerances

// ANCHOR: tests_perceptron_forward
mod exercise_7_1_perceptron_forward {
    use super::*;

    #[test]
    fn zero_weights_give_one_half_for_every_sample_and_output() {
        // z = X 0 + 0 = 0 everywhere, and sigma(0) = 1 / (1 + 1) = 1/2 exactly.
        let x = array![[1.0, -2.0, 3.0], [0.5, 0.0, 7.0]];
        let o = perceptron_forward(
            x.view(),
            Array2::zeros((3, 2)).view(),
            Array1::zeros(2).view(),
        );
        assert_arrays_close("O", &o, &Array2::from_elem((2, 2), 0.5), 0.0);
    }

    #[test]
    fn weights_of_plus_and_minus_ln_three_give_three_quarters_and_one_quarter() {
        // Row 1: z = (1 ln 3 + 2 * 0, -1 ln 3 + 2 * 0) = (ln 3, -ln 3), and
        // sigma(ln 3) = 1 / (1 + 1/3) = 3/4, sigma(-ln 3) = 1 / (1 + 3) = 1/4.
        // Row 2 is x = 0, so z = b = (ln 3, 0): O = (3/4, 1/2). ln 3 rounds.
        let ln3 = 3f64.ln();
        let x = array![[1.0, 2.0], [0.0, 0.0]];
        let w = array![[ln3, -ln3], [0.0, 0.0]];
        let b = array![0.0, 0.0];
        let o = perceptron_forward(x.view(), w.view(), b.view());
        let want_first = array![0.75, 0.25];
        assert_arrays_close("O row 1", &o.row(0), &want_first, FEW_ROUNDINGS);
        let o = perceptron_forward(x.view(), w.view(), array![ln3, 0.0].view());
        assert_arrays_close("O row 2", &o.row(1), &array![0.75, 0.5], FEW_ROUNDINGS);
    }

    #[test]
    #[should_panic(expected = "X is [1, 3], W is [2, 1], b is [1]")]
    fn shapes_that_do_not_fit_are_printed() {
        // X has 3 inputs per row but W has weights for 2.
        perceptron_forward(
            Array2::zeros((1, 3)).view(),
            Array2::zeros((2, 1)).view(),
            Array1::zeros(1).view(),
        );
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn each_output_is_the_loop_version_of_its_row((x, w, b, _) in batch()) {
            // forward_loops computes sigma(b_k + sum_j w_jk x_ij) with a loop: the
            // same sums in the same order, so they agree to FEW_ROUNDINGS.
            let o = perceptron_forward(x.view(), w.view(), b.view());
            let want = Array2::from_shape_fn(o.dim(), |(i, k)| {
                let (row, col) = (x.row(i).to_vec(), w.column(k).to_vec());
                forward_loops(&row, &col, b[k])
            });
            assert_arrays_close("O", &o, &want, FEW_ROUNDINGS);
        }
    }
}
// ANCHOR_END: tests_perceptron_forward

// ANCHOR: tests_single_output_gradient
mod exercise_7_2_single_output_gradient {
    use super::*;

    #[test]
    fn gives_the_worked_example_of_section_7_1() {
        // z = 0.5 * 2 - 0.5 * 1 = 0.5, O = sigma(0.5) = 0.6224593, O - t = -0.3775407,
        // O (1 - O) = 0.2350037, delta = -0.3775407 * 0.2350037 = -0.0887235;
        // dE/dw = (2, 1) delta = (-0.1774469, -0.0887235), dE/db = delta. Seven
        // decimals: 1e-7.
        let (gw, gb) = single_output_gradient(
            array![2.0, 1.0].view(),
            array![0.5, -0.5].view(),
            0.0,
            1.0,
        );
        assert_arrays_close("dE/dw", &gw, &array![-0.1774469, -0.0887235], 1e-7);
        assert_close("dE/db", gb, -0.0887235, 1e-7);
    }

    #[test]
    fn is_zero_when_the_output_is_the_target() {
        // z = 3 * 1 - 1 * 3 + 0 = 0, O = 1/2 = t: O - t = 0 exactly, so every
        // partial derivative is 0 exactly.
        let (gw, gb) = single_output_gradient(
            array![3.0, -1.0].view(),
            array![1.0, 3.0].view(),
            0.0,
            0.5,
        );
        assert_arrays_close("dE/dw", &gw, &array![0.0, 0.0], 0.0);
        assert_close("dE/db", gb, 0.0, 0.0);
    }

    #[test]
    #[should_panic(expected = "x has 3 entries but w has 2")]
    fn inputs_and_weights_of_different_lengths_are_refused() {
        single_output_gradient(
            array![1.0, 2.0, 3.0].view(),
            array![1.0, 2.0].view(),
            0.0,
            1.0,
        );
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn matches_central_differences_and_the_engine((x, w, b, t) in batch()) {
            // Take the first sample and the first output: x (m), w (m), b, t.
            let (x1, w1) = (x.row(0).to_owned(), w.column(0).to_owned());
            let (b1, t1) = (b[0], t[[0, 0]]);
            let (gw, gb) = single_output_gradient(x1.view(), w1.view(), b1, t1);
            let (x2, w2) = (x1.clone().insert_axis(Axis(0)), w1.clone().insert_axis(Axis(1)));
            let (b2, t2) = (array![b1], array![[t1]]);
            let (nw, nb) = numerical_gradient(x2.view(), w2.view(), b2.view(), t2.view(), H);
            let nw = nw.column(0).to_owned();
            assert_arrays_agree("dE/dw", "yours", &gw, "differences", &nw, DIFFERENCES);
            assert_close("dE/db against differences", gb, nb[0], DIFFERENCES);
            // n = 1, so the chapter's loss is 1/2 (O - t)^2: scale 1/2.
            let (_, ew, eb) = engine_gradient(x2.view(), w2.view(), b2.view(), t2.view(), 0.5);
            assert_arrays_agree("dE/dw", "yours", &gw, "engine", &ew.column(0), ENGINE);
            assert_close("dE/db against the engine", gb, eb[0], ENGINE);
        }
    }
}
// ANCHOR_END: tests_single_output_gradient

// ANCHOR: tests_perceptron_gradient
mod exercise_7_3_perceptron_gradient {
    use super::*;

    #[test]
    fn one_sample_two_outputs_gives_x_j_times_delta_k() {
        // O = (3/4, 1/4) as in Exercise 7.1, targets (1, 0):
        // delta_1 = (3/4 - 1) 3/4 1/4 = -3/64, delta_2 = (1/4 - 0) 1/4 3/4 = 3/64.
        // dE/dw_jk = x_j delta_k with x = (1, 2); dE/db = delta. n = 1.
        let ln3 = 3f64.ln();
        let (x, w) = (array![[1.0, 2.0]], array![[ln3, -ln3], [0.0, 0.0]]);
        let (b, t) = (array![0.0, 0.0], array![[1.0, 0.0]]);
        let (gw, gb) = perceptron_gradient(x.view(), w.view(), b.view(), t.view());
        let d = 3.0 / 64.0;
        assert_arrays_close(
            "dE/dW",
            &gw,
            &array![[-d, d], [-2.0 * d, 2.0 * d]],
            FEW_ROUNDINGS,
        );
        assert_arrays_close("dE/db", &gb, &array![-d, d], FEW_ROUNDINGS);
    }

    #[test]
    fn a_batch_of_two_copies_gives_the_gradient_of_one() {
        // The loss is a mean over samples: two equal rows give the same mean, and
        // so the same gradient as the row alone. From W = 0: O = 1/2,
        // delta = (1/2 - 1) 1/4 = -1/8, dE/dW = x^T delta = (-1/8, -2/8) exactly.
        let x = array![[1.0, 2.0], [1.0, 2.0]];
        let (w, b, t) = (
            Array2::zeros((2, 1)),
            Array1::zeros(1),
            array![[1.0], [1.0]],
        );
        let (gw, gb) = perceptron_gradient(x.view(), w.view(), b.view(), t.view());
        assert_arrays_close("dE/dW", &gw, &array![[-0.125], [-0.25]], 0.0);
        assert_arrays_close("dE/db", &gb, &array![-0.125], 0.0);
    }

    #[test]
    #[should_panic(expected = "T is [2, 1]")]
    fn targets_of_the_wrong_shape_are_printed() {
        // One sample with two outputs needs T of shape [1, 2].
        perceptron_gradient(
            Array2::zeros((1, 3)).view(),
            Array2::zeros((3, 2)).view(),
            Array1::zeros(2).view(),
            Array2::zeros((2, 1)).view(),
        );
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn matches_central_differences((x, w, b, t) in batch()) {
            let (gw, gb) = perceptron_gradient(x.view(), w.view(), b.view(), t.view());
            let (nw, nb) = numerical_gradient(x.view(), w.view(), b.view(), t.view(), H);
            assert_arrays_agree("dE/dW", "yours", &gw, "differences", &nw, DIFFERENCES);
            assert_arrays_agree("dE/db", "yours", &gb, "differences", &nb, DIFFERENCES);
        }

        #[test]
        fn matches_the_engine((x, w, b, t) in batch()) {
            // The chapter's loss is the summed squared error times 1 / (2n).
            let scale = 1.0 / (2.0 * x.nrows() as f64);
            let (gw, gb) = perceptron_gradient(x.view(), w.view(), b.view(), t.view());
            let (_, ew, eb) = engine_gradient(x.view(), w.view(), b.view(), t.view(), scale);
            assert_arrays_agree("dE/dW", "yours", &gw, "engine", &ew, ENGINE);
            assert_arrays_agree("dE/db", "yours", &gb, "engine", &eb, ENGINE);
        }
    }
}
// ANCHOR_END: tests_perceptron_gradient

// ANCHOR: tests_standardize
mod exercise_7_4_standardize {
    use super::*;

    #[test]
    fn two_rows_become_minus_one_and_plus_one() {
        // Column means (1 + 3) / 2 = 2 and (10 + 30) / 2 = 20; deviations
        // sqrt((1 + 1) / 2) = 1 and sqrt((100 + 100) / 2) = 10. Exact.
        let (z, mean, std) = standardize(array![[1.0, 10.0], [3.0, 30.0]].view());
        assert_arrays_close("scaled", &z, &array![[-1.0, -1.0], [1.0, 1.0]], 0.0);
        assert_arrays_close("means", &mean, &array![2.0, 20.0], 0.0);
        assert_arrays_close("deviations", &std, &array![1.0, 10.0], 0.0);
    }

    #[test]
    #[should_panic(expected = "column 1 is constant")]
    fn a_constant_column_is_named() {
        standardize(array![[1.0, 5.0], [2.0, 5.0]].view());
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn columns_get_mean_zero_and_deviation_one((x, _, _, _) in batch()) {
            // Columns of two or more distinct values only (a constant one panics).
            prop_assume!(x.nrows() > 1 && x.std_axis(Axis(0), 0.0).iter().all(|&s| s > 1e-3));
            let (z, mean, std) = standardize(x.view());
            // x - mean rounds by about EPSILON * 3 = 6.7e-16, and dividing by a
            // deviation of at least 1e-3 makes that 6.7e-13 in z; the means and
            // deviations of z add a few roundings of numbers below 2. We allow 1e-10.
            let zeros = Array1::zeros(x.ncols());
            assert_arrays_close("column means", &z.mean_axis(Axis(0)).unwrap(), &zeros, 1e-10);
            let ones = Array1::ones(x.ncols());
            assert_arrays_close("column deviations", &z.std_axis(Axis(0), 0.0), &ones, 1e-10);
            // Undoing the scaling gives x back, to the same rounding.
            assert_arrays_close("z std + mean", &(&z * &std + &mean), &x, 1e-10);
        }
    }
}
// ANCHOR_END: tests_standardize

// ANCHOR: tests_step
mod exercise_7_5_step {
    use super::*;

    #[test]
    fn returns_one_eighth_from_zero_weights() {
        // W = 0, b = 0: every O is 1/2 and every target 0 or 1, so each squared
        // error is 1/4 and E = 1/n sum 1/2 1/4 = 1/8 exactly.
        let x = array![[1.0, 2.0], [3.0, -1.0], [0.0, 1.0]];
        let t = array![[1.0], [0.0], [1.0]];
        let (mut w, mut b) = (Array2::zeros((2, 1)), Array1::zeros(1));
        assert_close(
            "E before the step",
            step(x.view(), t.view(), &mut w, &mut b, 0.1),
            0.125,
            0.0,
        );
    }

    #[test]
    #[should_panic(
        expected = "the loss became NaN: look for a NaN or infinite entry"
    )]
    fn a_nan_input_is_reported() {
        let x = array![[f64::NAN, 1.0]];
        let (mut w, mut b) = (Array2::zeros((2, 1)), Array1::zeros(1));
        step(x.view(), array![[1.0]].view(), &mut w, &mut b, 0.1);
    }

    #[test]
    fn a_huge_learning_rate_keeps_the_loss_finite_and_stalls() {
        // Every output lies in [0, 1] and every target too, so each squared error is
        // at most 1 and E <= 1/2 (one output) whatever the weights: a large rate
        // cannot make E NaN. Each entry of the gradient is bounded too (by
        // 4/27 max |x| here), so 20 steps of lr = 1e8 keep the weights below 1e10,
        // z below 1e11 and finite. What happens instead: soon every |z| is huge,
        // sigma(z) rounds to exactly 0 or 1, delta = (O - t) O (1 - O) is exactly 0
        // and the weights stop moving.
        let x = array![[1.0, -1.0], [0.5, 2.0], [-1.5, 0.5]];
        let t = array![[1.0], [0.0], [1.0]];
        let (mut w, mut b) = (Array2::zeros((2, 1)), Array1::zeros(1));
        let losses: Vec<f64> = (0..20)
            .map(|_| step(x.view(), t.view(), &mut w, &mut b, 1e8))
            .collect();
        assert!(
            losses.iter().all(|e| e.is_finite() && *e <= 0.5),
            "losses {losses:?}"
        );
        let (w_before, b_before) = (w.clone(), b.clone());
        step(x.view(), t.view(), &mut w, &mut b, 1e8);
        assert_eq!((w, b), (w_before, b_before), "the weights still move");
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn moves_against_the_gradient_and_lowers_the_loss((x, w, b, t) in batch()) {
            let lr = 0.01;
            let (mut w1, mut b1) = (w.clone(), b.clone());
            let before = step(x.view(), t.view(), &mut w1, &mut b1, lr);
            let o = |w: &Array2<f64>, b: &Array1<f64>| (x.dot(w) + b).mapv(sigmoid);
            // The returned loss is the loss before the step: a few roundings.
            assert_close("returned E", before, loss(o(&w, &b).view(), t.view()), FEW_ROUNDINGS);
            // The move divided by -lr is the gradient (central differences); the
            // division adds EPSILON |w| / lr = 4.4e-14 at most, well inside
            // DIFFERENCES.
            let (nw, nb) = numerical_gradient(x.view(), w.view(), b.view(), t.view(), H);
            assert_arrays_agree("(W - W') / lr", "yours", &((&w - &w1) / lr), "differences", &nw, DIFFERENCES);
            assert_arrays_agree("(b - b') / lr", "yours", &((&b - &b1) / lr), "differences", &nb, DIFFERENCES);
            // With |x| <= 3 and m <= 4 inputs, E's curvature is at most
            // (m 9 + 1) 0.17 < 7 (0.17 is a loose bound on the second derivative
            // of 1/2 (sigma(z) - t)^2 in z; on a fine grid of z and of t in [0, 1]
            // its largest size is 0.077), and lr = 0.01 < 1/7: descent cannot
            // overshoot, so E does not rise. Each loss is a sum of up to 16 squares
            // below 1, rounded by at most 16 EPSILON = 3.6e-15: we allow 1e-14.
            let after = loss(o(&w1, &b1).view(), t.view());
            prop_assert!(after <= before + 1e-14, "E rose from {} to {}", before, after);
        }
    }
}
// ANCHOR_END: tests_step

// ANCHOR: tests_accuracy
mod exercise_7_6_accuracy {
    use super::*;

    #[test]
    fn counts_half_as_class_one() {
        // Outputs 0.9, 0.2, 0.5, 0.4 read as 1, 0, 1, 0; targets 1, 0, 0, 1: the
        // first two are right, the last two wrong, so 2 / 4 = 1/2.
        let o = array![[0.9], [0.2], [0.5], [0.4]];
        let t = array![[1.0], [0.0], [0.0], [1.0]];
        assert_close("accuracy", accuracy(o.view(), t.view()), 0.5, 0.0);
    }

    #[test]
    fn an_output_of_exactly_one_half_with_target_one_is_right() {
        // O = 1/2 reads as 1, which is the target: one of one right.
        let o = array![[0.5]];
        let t = array![[1.0]];
        assert_close("accuracy", accuracy(o.view(), t.view()), 1.0, 0.0);
    }

    #[test]
    fn counts_every_entry_of_several_outputs() {
        // Entries 1, 0, 1 | 0, 1, 1 against 1, 0, 0 | 0, 1, 1: five of six right.
        let o = array![[0.7, 0.1, 0.6], [0.3, 0.8, 0.99]];
        let t = array![[1.0, 0.0, 0.0], [0.0, 1.0, 1.0]];
        assert_close(
            "accuracy",
            accuracy(o.view(), t.view()),
            5.0 / 6.0,
            FEW_ROUNDINGS,
        );
    }

    #[test]
    #[should_panic(expected = "outputs have shape [2, 1] but targets [1, 2]")]
    fn shapes_that_differ_are_printed() {
        accuracy(array![[0.1], [0.2]].view(), array![[0.0, 1.0]].view());
    }
}
// ANCHOR_END: tests_accuracy

// ANCHOR: tests_decision_boundary
mod exercise_7_7_decision_boundary {
    use super::*;

    #[test]
    fn x_plus_two_y_equals_four_is_the_line_y_equals_minus_x_over_two_plus_two() {
        // 1 x_1 + 2 x_2 - 4 = 0 gives x_2 = -x_1 / 2 + 2. Exact in binary.
        let (slope, intercept) = decision_boundary(array![1.0, 2.0].view(), -4.0);
        assert_close("slope", slope, -0.5, 0.0);
        assert_close("intercept", intercept, 2.0, 0.0);
    }

    #[test]
    #[should_panic(expected = "vertical")]
    fn a_vertical_boundary_is_refused() {
        decision_boundary(array![1.0, 0.0].view(), -4.0);
    }

    #[test]
    #[should_panic(expected = "w has 3 entries")]
    fn three_weights_are_refused() {
        decision_boundary(array![1.0, 2.0, 3.0].view(), -4.0);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn outputs_on_the_line_are_one_half(
            w1 in -2.0..2.0f64,
            w2 in prop_oneof![-2.0..-0.1f64, 0.1..2.0f64],
            b in -2.0..2.0f64,
            x1 in -3.0..3.0f64,
        ) {
            // On the line w . x + b = 0, so O = sigma(0) = 1/2. x_2 is as large as
            // (2 * 3 + 2) / 0.1 = 80, so z is a difference of numbers near 160 and
            // rounds by some 160 EPSILON = 3.6e-14; sigma'(0) = 1/4 makes that
            // 1e-14 in O. We allow 1e-13.
            let (slope, intercept) = decision_boundary(array![w1, w2].view(), b);
            let x2 = slope * x1 + intercept;
            assert_close("O on the line", sigmoid(w1 * x1 + w2 * x2 + b), 0.5, 1e-13);
        }
    }
}
// ANCHOR_END: tests_decision_boundary
