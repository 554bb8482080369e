//! The checks for the exercises of chapter 8, one module per exercise. Run them all
//! with `cargo test -p chapter08`, or one exercise's with a filter such as
//! `cargo test -p chapter08 exercise_8_3`; each failing test names what it expected
//! and what came back.

use chapter01::check::assert_close;
use chapter01::exercises::central_difference;
use chapter05::batch::{cross_entropy_rows, cross_entropy_rows_gradient};
use chapter05::check::{assert_arrays_agree, assert_arrays_close};
use chapter08::exercises::*;
use ndarray::{Array1, Array2, array};
use proptest::prelude::*;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

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
/// operation rounds by at most 1.1e-16 of its size, and these checks round a
/// handful of times numbers below 20. `assert_close` allows FEW (1 + |expected|).
const FEW: f64 = 1e-14;

/// The tolerance of a central difference of a loss in these tests. Truncation:
/// h^2 / 6 times a third derivative of softmax cross-entropy composed with tanh
/// and a product with weights below 2, which stays below about 50 here: 1e-10 * 50
/// / 6 = 8e-10. Round-off: a loss below 10 rounded by 1.1e-15, over 2h: 1.1e-10.
/// We allow 1e-7 (1 + |g|).
const DIFF: f64 = 1e-7;

/// A random matrix of the given shape with entries in -2..2.
fn matrix(rows: usize, cols: usize) -> impl Strategy<Value = Array2<f64>> {
    prop::collection::vec(-2.0..2.0f64, rows * cols).prop_map(move |v| {
        Array2::from_shape_vec((rows, cols), v).expect("rows x cols")
    })
}

/// The gradient of `loss` at m, entry by entry, by central differences.
fn by_differences(
    m: &Array2<f64>,
    loss: impl Fn(&Array2<f64>) -> f64,
) -> Array2<f64> {
    Array2::from_shape_fn(m.dim(), |(i, j)| {
        let nudged = |t| {
            let mut moved = m.clone();
            moved[[i, j]] = t;
            loss(&moved)
        };
        central_difference(nudged, m[[i, j]], H)
    })
}
// ANCHOR_END: tests_tolerances

// ANCHOR: tests_linear_forward
mod exercise_8_1_linear_forward {
    use super::*;

    #[test]
    fn each_row_is_its_example_times_w_plus_b() {
        // Row 1: [1, 2] W = [1 1 + 2 2, 1 0 + 2 1, 1 (-1) + 2 0] = [5, 2, -1];
        // row 2: [3, 4] W = [11, 4, -3]; then + b = [0.5, 0, -0.5] on each row.
        // Every number is exact in binary: tolerance 0.
        let x = array![[1.0, 2.0], [3.0, 4.0]];
        let w = array![[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]];
        let b = array![0.5, 0.0, -0.5];
        let want = array![[5.5, 2.0, -1.5], [11.5, 4.0, -3.5]];
        let got = linear_forward(x.view(), w.view(), b.view());
        assert_arrays_close("x W + b", &got, &want, 0.0);
    }

    #[test]
    #[should_panic(
        expected = "linear_forward: x has shape [2, 3], w [2, 4] and b [4]"
    )]
    fn x_with_too_many_columns_panics_with_all_shapes() {
        let w = Array2::zeros((2, 4));
        linear_forward(
            Array2::zeros((2, 3)).view(),
            w.view(),
            Array1::zeros(4).view(),
        );
    }

    #[test]
    #[should_panic(
        expected = "linear_forward: x has shape [1, 2], w [2, 4] and b [3]"
    )]
    fn a_bias_of_the_wrong_length_panics_with_all_shapes() {
        let w = Array2::zeros((2, 4));
        linear_forward(
            Array2::zeros((1, 2)).view(),
            w.view(),
            Array1::zeros(3).view(),
        );
    }
}
// ANCHOR_END: tests_linear_forward

// ANCHOR: tests_output_delta
mod exercise_8_2_output_delta {
    use super::*;

    #[test]
    fn one_row_gives_p_minus_onehot() {
        // softmax([0, ln 3]) = [1, 3] / 4; label 1: [1/4, 3/4 - 1] = [1/4, -1/4].
        let z = array![[0.0, 3f64.ln()]];
        let want = array![[0.25, -0.25]];
        assert_arrays_close("delta", &output_delta(z.view(), &[1]), &want, FEW);
    }

    #[test]
    fn a_batch_divides_by_the_number_of_rows() {
        // Row 1 as above, label 0: [1/4 - 1, 3/4]; row 2, equal logits, label 1:
        // [1/2, 1/2 - 1]; each divided by n = 2.
        let z = array![[0.0, 3f64.ln()], [7.0, 7.0]];
        let want = array![[-0.375, 0.375], [0.25, -0.25]];
        assert_arrays_close("delta", &output_delta(z.view(), &[0, 1]), &want, FEW);
    }

    #[test]
    #[should_panic(
        expected = "output_delta: z has shape [3, 2] but there are 2 labels"
    )]
    fn too_few_labels_panic_with_the_shape_and_the_count() {
        output_delta(Array2::zeros((3, 2)).view(), &[0, 1]);
    }

    #[test]
    #[should_panic(
        expected = "output_delta: the label of row 1 is 2, but z has only 2"
    )]
    fn a_label_beyond_the_columns_panics_naming_its_row() {
        output_delta(Array2::zeros((2, 2)).view(), &[0, 2]);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn output_delta_is_the_gradient_of_the_mean_cross_entropy(
            z in matrix(3, 4), labels in prop::collection::vec(0..4usize, 3)
        ) {
            let want = by_differences(&z, |z| cross_entropy_rows(z.view(), &labels));
            let got = output_delta(z.view(), &labels);
            assert_arrays_agree("delta", "output_delta", &got, "central differences",
                &want, DIFF);
        }
    }
}
// ANCHOR_END: tests_output_delta

// ANCHOR: tests_hidden_delta
mod exercise_8_3_hidden_delta {
    use super::*;

    #[test]
    fn the_delta_goes_back_through_w_transposed_then_times_f_prime() {
        // delta_next W^T = [1, 2] [[1, 0, 2], [-1, 3, 0]] = [1 - 2, 6, 2] =
        // [-1, 6, 2]; times f'(z) = [0.5, 0.25, 0] gives [-0.5, 1.5, 0].
        let delta_next = array![[1.0, 2.0]];
        let w_next = array![[1.0, -1.0], [0.0, 3.0], [2.0, 0.0]];
        let f_prime = array![[0.5, 0.25, 0.0]];
        let got = hidden_delta(delta_next.view(), w_next.view(), f_prime.view());
        assert_arrays_close("delta", &got, &array![[-0.5, 1.5, 0.0]], 0.0);
    }

    #[test]
    #[should_panic(
        expected = "hidden_delta: delta_next has shape [1, 2], w_next [2, 3]"
    )]
    fn w_next_the_wrong_way_round_panics_with_the_shapes() {
        let (d, w, f) = (
            Array2::zeros((1, 2)),
            Array2::zeros((2, 3)),
            Array2::zeros((1, 3)),
        );
        hidden_delta(d.view(), w.view(), f.view());
    }

    #[test]
    #[should_panic(
        expected = "hidden_delta: delta_next has shape [2, 2], w_next [3, 2] and \
                    f_prime_z [1, 3]"
    )]
    fn f_prime_with_one_row_for_a_batch_of_two_panics_with_the_shapes() {
        // Without the check, ndarray would stretch the single row of f'(z) over
        // both examples and return a wrong delta of the right shape.
        let (d, w, f) = (
            Array2::zeros((2, 2)),
            Array2::zeros((3, 2)),
            Array2::zeros((1, 3)),
        );
        hidden_delta(d.view(), w.view(), f.view());
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn hidden_delta_is_the_gradient_with_respect_to_the_hidden_z(
            z in matrix(2, 3), w in matrix(3, 4), labels in prop::collection::vec(0..4usize, 2)
        ) {
            // The loss as a function of a hidden layer's z: cross-entropy of
            // tanh(z) W. Its gradient is hidden_delta(delta_next, W, tanh'(z)), with
            // delta_next from chapter 5's worked gradient (not your output_delta, so
            // that a wrong 8.2 cannot make this test fail).
            let loss = |z: &Array2<f64>| {
                cross_entropy_rows(z.mapv(f64::tanh).dot(&w).view(), &labels)
            };
            let want = by_differences(&z, loss);
            let logits = z.mapv(f64::tanh).dot(&w);
            let delta_next = cross_entropy_rows_gradient(logits.view(), &labels);
            let f_prime = z.mapv(|x| 1.0 - x.tanh().powi(2));
            let got = hidden_delta(delta_next.view(), w.view(), f_prime.view());
            assert_arrays_agree("delta", "hidden_delta", &got, "central differences",
                &want, DIFF);
        }
    }
}
// ANCHOR_END: tests_hidden_delta

// ANCHOR: tests_weight_gradients
mod exercise_8_4_weight_gradients {
    use super::*;

    #[test]
    fn gradients_are_a_transposed_times_delta_and_the_column_sums() {
        // a^T delta with delta the identity is a^T = [[1, 3], [2, 4]]; the column
        // sums of the identity are [1, 1].
        let a = array![[1.0, 2.0], [3.0, 4.0]];
        let delta = array![[1.0, 0.0], [0.0, 1.0]];
        let (gw, gb) = weight_gradients(a.view(), delta.view());
        assert_arrays_close("grad W", &gw, &array![[1.0, 3.0], [2.0, 4.0]], 0.0);
        assert_arrays_close("grad b", &gb, &array![1.0, 1.0], 0.0);
    }

    #[test]
    #[should_panic(
        expected = "weight_gradients: a_prev has shape [3, 2] and delta [2, 5]"
    )]
    fn different_batch_sizes_panic_with_the_shapes() {
        let (a, d) = (Array2::zeros((3, 2)), Array2::zeros((2, 5)));
        weight_gradients(a.view(), d.view());
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn weight_gradients_are_the_gradients_of_a_layer(
            x in matrix(3, 2), w in matrix(2, 4), b in prop::collection::vec(-2.0..2.0f64, 4),
            labels in prop::collection::vec(0..4usize, 3)
        ) {
            // One layer, logits x W + b: its delta is chapter 5's worked gradient
            // of the cross-entropy (not your output_delta, so that a wrong 8.2
            // cannot make this test fail), and the gradients of the loss with
            // respect to W and b are what we check.
            let b = Array1::from(b);
            let delta = cross_entropy_rows_gradient((x.dot(&w) + &b).view(), &labels);
            let (gw, gb) = weight_gradients(x.view(), delta.view());
            let want_w = by_differences(&w, |w| {
                cross_entropy_rows((x.dot(w) + &b).view(), &labels)
            });
            let b_row = b.clone().insert_axis(ndarray::Axis(0));
            let want_b = by_differences(&b_row, |b| {
                cross_entropy_rows((x.dot(&w) + b).view(), &labels)
            });
            assert_arrays_agree("grad W", "weight_gradients", &gw, "central differences",
                &want_w, DIFF);
            assert_arrays_agree("grad b", "weight_gradients", &gb, "central differences",
                &want_b.row(0), DIFF);
        }
    }
}
// ANCHOR_END: tests_weight_gradients

// ANCHOR: tests_momentum_step
mod exercise_8_5_momentum_step {
    use super::*;

    #[test]
    fn one_step_updates_the_velocity_then_the_weight() {
        // v = 0.9 0.5 + 2 = 2.45; w = 1 - 0.1 2.45 = 0.755. Each value a few
        // roundings from exact: FEW.
        let (mut w, mut v, g) = (array![1.0], array![0.5], array![2.0]);
        momentum_step(w.view_mut(), v.view_mut(), g.view(), 0.1, 0.9);
        assert_close("v", v[0], 2.45, FEW);
        assert_close("w", w[0], 0.755, FEW);
    }

    #[test]
    fn two_steps_from_rest_with_a_constant_gradient() {
        // From v = 0, g = 1, lr = 0.5, mu = 0.5: step 1 v = 1, w = 3 - 0.5 = 2.5;
        // step 2 v = 0.5 + 1 = 1.5, w = 2.5 - 0.75 = 1.75. All exact in binary.
        let (mut w, mut v, g) = (array![[3.0]], array![[0.0]], array![[1.0]]);
        momentum_step(w.view_mut(), v.view_mut(), g.view(), 0.5, 0.5);
        assert_close("w after one step", w[[0, 0]], 2.5, 0.0);
        momentum_step(w.view_mut(), v.view_mut(), g.view(), 0.5, 0.5);
        assert_close("v after two steps", v[[0, 0]], 1.5, 0.0);
        assert_close("w after two steps", w[[0, 0]], 1.75, 0.0);
    }
}
// ANCHOR_END: tests_momentum_step

// ANCHOR: tests_xavier_uniform
mod exercise_8_6_xavier_uniform {
    use super::*;

    /// 200 x 100 weights: r = sqrt(6 / 300) = sqrt(0.02).
    fn weights() -> (Array2<f64>, f64) {
        let w = xavier_uniform(200, 100, &mut ChaCha8Rng::seed_from_u64(1));
        (w, 0.02f64.sqrt())
    }

    #[test]
    fn the_weights_are_fan_in_by_fan_out_within_r() {
        let (w, r) = weights();
        assert_eq!(w.shape(), &[200, 100], "shape of the weights");
        let largest = w.fold(0.0f64, |m, &x| m.max(x.abs()));
        assert!(largest <= r, "largest |w| is {largest}, beyond r = {r}");
        // A draw lands in |w| >= 0.99 r with probability 0.01, so all 20000 draws
        // miss it with probability 0.99^20000 = e^-201: the largest must come
        // within 0.01 r of r.
        assert!(
            largest >= 0.99 * r,
            "largest |w| is {largest}, far below r = {r}"
        );
    }

    #[test]
    fn the_variance_is_two_over_fan_in_plus_fan_out() {
        // The sample variance of n = 20000 uniform draws on [-r, r] (mean 0) has
        // mean r^2 / 3 = 2 / 300 and standard deviation sqrt((r^4 / 5 - r^4 / 9) /
        // n) = 0.0021 r^2, a relative 0.0063 of r^2 / 3; five of those is 0.032.
        let (w, _) = weights();
        let variance = w.mapv(|x| x * x).mean().expect("weights");
        assert_close("variance", variance, 2.0 / 300.0, 0.032 * 2.0 / 300.0);
        // The mean has standard deviation r / sqrt(3 n) = 5.8e-4: five of them.
        let mean = w.mean().expect("weights");
        assert_close("mean", mean, 0.0, 2.9e-3);
    }

    #[test]
    fn two_calls_on_one_generator_draw_different_weights() {
        // The weights must come from `rng`, which moves on with every draw: a
        // second call continues the stream, so it cannot repeat the first.
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let first = xavier_uniform(4, 3, &mut rng);
        let second = xavier_uniform(4, 3, &mut rng);
        assert_ne!(first, second, "two calls on one generator gave one matrix");
    }

    #[test]
    fn the_weights_are_the_generators_draws_in_row_order() {
        // The doc comment promises rng.random_range(-r..=r) for each weight, first
        // row first; with the same seed a fresh generator gives the same stream.
        // r = sqrt(6 / 5); an r computed another way may differ in its last bit,
        // which moves each weight by a few roundings of numbers below 2: FEW.
        let r = (6.0f64 / 5.0).sqrt();
        let mut stream = ChaCha8Rng::seed_from_u64(4);
        let draws: Vec<f64> = (0..6).map(|_| stream.random_range(-r..=r)).collect();
        let want = Array2::from_shape_vec((3, 2), draws).expect("3 x 2 draws");
        let got = xavier_uniform(3, 2, &mut ChaCha8Rng::seed_from_u64(4));
        assert_arrays_close("weights", &got, &want, FEW);
    }
}
// ANCHOR_END: tests_xavier_uniform

// ANCHOR: tests_accuracy
mod exercise_8_7_accuracy {
    use super::*;

    #[test]
    fn accuracy_counts_rows_whose_largest_score_is_the_label() {
        // Largest in columns 1, 0, 1, and 0 (a tie: the first); labels 1, 0, 0, 0:
        // right, right, wrong, right = 3 / 4.
        let scores = array![[0.1, 0.9], [0.8, 0.2], [0.3, 0.7], [0.5, 0.5]];
        assert_close(
            "accuracy",
            accuracy(scores.view(), &[1, 0, 0, 0]),
            0.75,
            0.0,
        );
    }

    #[test]
    fn negative_scores_count_too() {
        // Logits may all be negative: the largest of [-3, -1, -2] is column 1.
        let scores = array![[-3.0, -1.0, -2.0], [-1.0, -5.0, -4.0]];
        assert_close("accuracy", accuracy(scores.view(), &[1, 2]), 0.5, 0.0);
    }
}
// ANCHOR_END: tests_accuracy
