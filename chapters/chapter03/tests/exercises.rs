//! The checks for the exercises of chapter 3, one module per exercise. Run them all
//! with `cargo test -p chapter03`, or one exercise's with a filter such as
//! `cargo test -p chapter03 exercise_3_4`; each failing test names what it expected
//! and what came back.

use chapter01::check::{assert_agree, assert_close};
use chapter03::double_well::{double_well_critical_points, double_well_slope};
use chapter03::exercises::*;
use chapter03::himmelblau::{himmelblau, himmelblau_gradient};
use chapter03::optim::{Adam, AdamConfig, Optimizer, Sgd};
use chapter03::seed::seed_loop;
use chapter03::stopping::{Diverged, Stop};
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

// ANCHOR: tests_rounding
/// The tolerance of a check whose answer is exact but for rounding: each operation
/// rounds its result by at most EPSILON / 2 = 1.1e-16 of its size, and these checks
/// round only a few times, on numbers of size about one. `assert_close` allows
/// ROUNDING (1 + |expected|), at least 1e-15.
const ROUNDING: f64 = 1e-15;
// ANCHOR_END: tests_rounding

/// The error in `result`, or a panic that says an error was expected, why, and what
/// came back instead.
#[track_caller]
fn expect_divergence<T: std::fmt::Debug, E>(result: Result<T, E>, why: &str) -> E {
    match result {
        Err(err) => err,
        Ok(ok) => {
            panic!("expected Err(Diverged {{ .. }}) because {why}, got Ok({ok:?})")
        }
    }
}

/// The value in `result`, or a panic that says the run should not have diverged and
/// prints the error.
#[track_caller]
fn expect_no_divergence<T>(result: Result<T, Diverged<f64>>, why: &str) -> T {
    match result {
        Ok(ok) => ok,
        Err(err) => {
            panic!("expected Ok(Run {{ .. }}) because {why}, got Err: {err}")
        }
    }
}

// ANCHOR: tests_descent_step
mod exercise_3_1_descent_step {
    use super::*;

    #[test]
    fn moves_each_parameter_against_its_gradient() {
        // x - lr g with lr = 0.25: 1 - 0.25 * 4 = 0, -2 - 0.25 * (-1) = -1.75,
        // 0.5 - 0.25 * 0 = 0.5. Quarters and halves are exact in binary: no error.
        let mut x = [1.0, -2.0, 0.5];
        descent_step(&mut x, &[4.0, -1.0, 0.0], 0.25);
        assert_close("x[0]", x[0], 0.0, 0.0);
        assert_close("x[1]", x[1], -1.75, 0.0);
        assert_close("x[2]", x[2], 0.5, 0.0);
    }

    #[test]
    fn takes_the_seeds_first_step_on_himmelblau() {
        // At (-4, 0) the gradient is (-102, 10) (f = 146; Section 3.1), so with
        // lr = 0.001 the step goes to (-4 + 0.102, 0 - 0.01) = (-3.898, -0.01).
        // 0.001 is not exact in binary: a few roundings, ROUNDING.
        let mut x = [-4.0, 0.0];
        let grads = himmelblau_gradient(&x);
        descent_step(&mut x, &grads, 0.001);
        assert_close("x after one step", x[0], -3.898, ROUNDING);
        assert_close("y after one step", x[1], -0.01, ROUNDING);
    }

    #[test]
    fn lowers_himmelblau_by_about_lr_times_the_squared_gradient() {
        // Taylor: f(x - lr g) = f(x) - lr |g|^2 + lr^2 g.H g / 2 - ... At (-4, 0),
        // |g|^2 = 102^2 + 10^2 = 10504, so with lr = 1e-5 the first-order drop is
        // 0.10504. The Hessian there is [[150, -16], [-16, -42]], so
        // g.H g = 150 * 10404 + 2 * (-16) * (-1020) - 42 * 100 = 1589040 and the
        // second-order term is 1e-10 * 1589040 / 2 = 7.9e-5; the third is about
        // 2e-8. f itself (146) rounds by 3e-14. We allow 1e-4 (1 + 0.10504) = 1.1e-4.
        let mut x = [-4.0, 0.0];
        let before = himmelblau(&x);
        let grads = himmelblau_gradient(&x);
        descent_step(&mut x, &grads, 1e-5);
        let drop = before - himmelblau(&x);
        assert_close("f(x) - f(x - lr g)", drop, 1e-5 * 10504.0, 1e-4);
    }

    #[test]
    fn matches_the_closed_form_on_a_quadratic() {
        // f(x) = 2x^2 has gradient 4x, so each step multiplies x by 1 - 4 lr = -0.6
        // at lr = 0.4 (Section 3.2): x_k = (-0.6)^k. Each step rounds two or three
        // times (EPSILON relative each) and so does the power, so after k <= 20
        // steps the two differ by at most about 60 EPSILON = 1.3e-14 of |x_k|. We
        // allow ROUNDING (1 + |x_k|), at least 1e-15: far more than that.
        let mut x = [1.0];
        for k in 1..=20 {
            let grads = [4.0 * x[0]];
            descent_step(&mut x, &grads, 0.4);
            let want = (-0.6f64).powi(k);
            assert_close(&format!("x after {k} steps"), x[0], want, ROUNDING);
        }
    }

    #[test]
    fn works_in_f32() {
        // 1 - 0.5 * 0.5 = 0.75, exact in f32.
        let mut x = [1.0f32];
        descent_step(&mut x, &[0.5f32], 0.5);
        assert_close("x in f32", f64::from(x[0]), 0.75, 0.0);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn never_increases_a_convex_quadratic_below_the_threshold(
            l1 in 0.1..10.0f64,
            l2 in 0.1..10.0f64,
            fraction in 0.01..0.99f64,
            x in -10.0..10.0f64,
            y in -10.0..10.0f64,
        ) {
            // f = (l1 x^2 + l2 y^2) / 2. With lr = fraction * 2 / max(l1, l2), each
            // factor 1 - lr l is between -0.98 and 1, so no coordinate grows and f
            // cannot increase; rounding (1e-16 relative) cannot undo that.
            let lr = fraction * 2.0 / l1.max(l2);
            let f = |p: &[f64]| (l1 * p[0] * p[0] + l2 * p[1] * p[1]) / 2.0;
            let mut p = [x, y];
            let before = f(&p);
            descent_step(&mut p, &[l1 * x, l2 * y], lr);
            let after = f(&p);
            prop_assert!(
                after <= before,
                "f rose from {before} to {after} with lr = {lr} (curvatures {l1}, {l2})"
            );
        }
    }
}
// ANCHOR_END: tests_descent_step

// ANCHOR: tests_learning_rate_threshold
mod exercise_3_2_learning_rate_threshold {
    use super::*;

    #[test]
    fn of_curvature_four_is_one_half() {
        // 2 / 4 = 0.5, exact.
        assert_close("2 / 4", learning_rate_threshold(&[4.0]), 0.5, 0.0);
    }

    #[test]
    fn is_set_by_the_largest_curvature_in_any_order() {
        // 2 / max(1, 10) = 0.2, which rounds once: ROUNDING. The smaller curvature
        // does not matter, nor does the order.
        assert_close(
            "[1, 10]",
            learning_rate_threshold(&[1.0, 10.0]),
            0.2,
            ROUNDING,
        );
        assert_close(
            "[10, 1]",
            learning_rate_threshold(&[10.0, 1.0]),
            0.2,
            ROUNDING,
        );
    }

    #[test]
    fn near_himmelblaus_minimum_at_three_two_is_about_0_0243() {
        // The Hessian at (3, 2) is [[74, 20], [20, 34]] (chapter 2), with eigenvalues
        // 54 ± sqrt(20^2 + 20^2) = 54 ± 20 sqrt 2: 82.284 and 25.716. So
        // 2 / (54 + 20 sqrt 2) = 0.0243060 (to 7 decimals); we allow 1e-7 (1 + ...).
        let curvatures = [54.0 + 20.0 * 2f64.sqrt(), 54.0 - 20.0 * 2f64.sqrt()];
        let got = learning_rate_threshold(&curvatures);
        assert_close("2 / λ_max at (3, 2)", got, 0.0243060, 1e-7);
    }

    #[test]
    fn descent_just_below_it_converges_and_just_above_it_diverges() {
        // Curvatures 1 and 10 from (1, 1). At 0.99 of the threshold the stiff
        // coordinate's factor is 1 - 1.98 = -0.98, and 0.98^500 = 4.1e-5; at 1.01
        // of it the factor is -1.02, and 1.02^500 = 2.0e4. The other coordinate
        // shrinks either way (factor 0.80). This also runs your descent_step.
        let curvatures = [1.0, 10.0];
        let threshold = learning_rate_threshold(&curvatures);
        let run = |lr: f64| {
            let mut x = [1.0, 1.0];
            for _ in 0..500 {
                let grads = [x[0], 10.0 * x[1]];
                descent_step(&mut x, &grads, lr);
            }
            x[1].abs()
        };
        let (below, above) = (run(0.99 * threshold), run(1.01 * threshold));
        assert!(
            below < 1e-4,
            "|y| after 500 steps at 0.99 times your threshold {threshold}: expected \
             below 1e-4 (0.98^500 = 4.1e-5, if the threshold is 2 / 10 = 0.2), got \
             {below}"
        );
        assert!(
            above > 1e4,
            "|y| after 500 steps at 1.01 times your threshold {threshold}: expected \
             above 1e4 (1.02^500 = 2.0e4, if the threshold is 2 / 10 = 0.2), got \
             {above}"
        );
    }

    #[test]
    #[should_panic(expected = "positive")]
    fn rejects_a_curvature_that_is_not_positive() {
        // f = x^2 / 2 + 0 y^2 / 2 has no single minimum, and -1 would make it a
        // saddle: the message must say the curvatures must be positive.
        learning_rate_threshold(&[1.0, -1.0]);
    }
}
// ANCHOR_END: tests_learning_rate_threshold

// ANCHOR: tests_momentum_step
mod exercise_3_3_momentum_step {
    use super::*;

    #[test]
    fn first_step_is_a_plain_descent_step() {
        // v = 0.9 * 0 + 2 = 2, x = 1 - 0.25 * 2 = 0.5. Exact.
        let (mut x, mut v) = ([1.0], [0.0]);
        momentum_step(&mut x, &mut v, &[2.0], 0.25, 0.9);
        assert_close("velocity after one step", v[0], 2.0, 0.0);
        assert_close("x after one step", x[0], 0.5, 0.0);
    }

    #[test]
    fn second_step_adds_the_remembered_velocity() {
        // Step 1 as above; step 2 with the same gradient 2: v = 0.9 * 2 + 2 = 3.8,
        // x = 0.5 - 0.25 * 3.8 = -0.45, where plain descent would be at 0.
        // 0.9 is not exact in binary: ROUNDING.
        let (mut x, mut v) = ([1.0], [0.0]);
        momentum_step(&mut x, &mut v, &[2.0], 0.25, 0.9);
        momentum_step(&mut x, &mut v, &[2.0], 0.25, 0.9);
        assert_close("velocity after two steps", v[0], 3.8, ROUNDING);
        assert_close("x after two steps", x[0], -0.45, ROUNDING);
    }

    #[test]
    fn on_a_steady_slope_the_velocity_tends_to_g_over_one_minus_momentum() {
        // With a constant gradient g = 1, v_k = 1 + 0.9 + ... + 0.9^(k-1)
        // = (1 - 0.9^k) / 0.1, which tends to 10: momentum 0.9 makes the steps ten
        // times longer. After 300 steps 0.9^300 = 1.9e-14, and the sum rounds by a
        // few EPSILON * 10; we allow 1e-12 (1 + 10).
        let (mut x, mut v) = ([0.0], [0.0]);
        for _ in 0..300 {
            momentum_step(&mut x, &mut v, &[1.0], 0.01, 0.9);
        }
        assert_close("velocity", v[0], 10.0, 1e-12);
    }

    /// `steps` steps on the double well from `start`: plain descent (your
    /// descent_step) when `momentum` is 0, else your momentum_step.
    fn roll(start: f64, momentum: f64, steps: usize) -> f64 {
        let (mut x, mut v) = ([start], [0.0]);
        for _ in 0..steps {
            let slope = [double_well_slope(x[0])];
            if momentum == 0.0 {
                descent_step(&mut x, &slope, 0.01);
            } else {
                momentum_step(&mut x, &mut v, &slope, 0.01, momentum);
            }
        }
        x[0]
    }

    // The last two tests roll on the tilted double well f(x) = (x^2 - 1)^2 - x / 2
    // of Section 3.4, with lr = 0.01, for 3000 steps. The minima come from the
    // formula for the roots of a cubic, not from descent: the shallow one at
    // -0.93040, the deep one at 1.05745. Near either, descent shrinks the distance
    // by 1 - 0.01 f'' <= 1 - 0.01 * 6.4 per step, and momentum 0.9 by about
    // sqrt(0.9) = 0.95: after 3000 steps nothing is left but rounding, which moves
    // the end point by about EPSILON / f'' = 3e-17. We allow 1e-9 (1 + |x|).

    #[test]
    fn momentum_escapes_the_shallow_minimum_that_traps_descent() {
        // This one also runs your descent_step.
        let [shallow, _, deep] = double_well_critical_points();
        assert_close("descent from -2", roll(-2.0, 0.0, 3000), shallow, 1e-9);
        assert_close("momentum from -2", roll(-2.0, 0.9, 3000), deep, 1e-9);
    }

    #[test]
    fn momentum_overshoots_the_deep_minimum_from_the_right() {
        // This one also runs your descent_step.
        let [shallow, _, deep] = double_well_critical_points();
        assert_close("descent from 2", roll(2.0, 0.0, 3000), deep, 1e-9);
        assert_close("momentum from 2", roll(2.0, 0.9, 3000), shallow, 1e-9);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn with_zero_momentum_is_your_descent_step(
            x in prop::collection::vec(-10.0..10.0f64, 1..5),
            seed in -10.0..10.0f64,
            lr in 0.001..1.0f64,
        ) {
            // v = 0 * v + g = g, so x - lr v = x - lr g, the same operations in the
            // same order: identical results. Uses your descent_step too.
            let grads: Vec<f64> = x.iter().map(|xi| xi * seed - 1.0).collect();
            let (mut a, mut b) = (x.clone(), x.clone());
            let mut v = vec![0.0; x.len()];
            momentum_step(&mut a, &mut v, &grads, lr, 0.0);
            descent_step(&mut b, &grads, lr);
            for (i, (a, b)) in a.iter().zip(&b).enumerate() {
                assert_agree(&format!("x[{i}]"), "momentum 0", *a, "descent", *b, 0.0);
            }
        }
    }
}
// ANCHOR_END: tests_momentum_step

// ANCHOR: tests_adam_step
mod exercise_3_4_adam_step {
    use super::*;

    #[test]
    fn first_step_is_lr_in_each_coordinate_by_hand() {
        // The seed's first step: x = (-4, 0), g = (-102, 10), t = 1, lr = 0.001.
        // m = 0.1 g = (-10.2, 1); v = 0.001 g^2 = (10.404, 0.1). Bias corrections:
        // step_size = 0.001 / (1 - 0.9) = 0.01 and sqrt(1 - 0.999) = sqrt(0.001), so
        // denom = sqrt(0.001 g^2) / sqrt(0.001) + 1e-8 = |g| + 1e-8, and the step is
        // 0.01 * 0.1 g / (|g| + 1e-8) = 0.001 g / (|g| + 1e-8): -0.001 / (1 + 9.8e-11)
        // in x and 0.001 / (1 + 1e-9) in y. So x = -3.999 - 9.8e-14 and
        // y = -0.000999999999. (Here eps changes only the 13th digit; the next test
        // but one shows it plainly.) The roundings are a few EPSILON of each number:
        // ROUNDING.
        let (mut x, mut m, mut v) = ([-4.0, 0.0], [0.0; 2], [0.0; 2]);
        adam_step(
            &mut x,
            &[-102.0, 10.0],
            &mut m,
            &mut v,
            1,
            AdamConfig::new(0.001),
        );
        assert_close("m[0]", m[0], -10.2, ROUNDING);
        assert_close("v[0]", v[0], 10.404, ROUNDING);
        assert_close("x", x[0], -4.0 + 0.001 / (1.0 + 1e-8 / 102.0), ROUNDING);
        assert_close("y", x[1], -0.001 / (1.0 + 1e-9), ROUNDING);
    }

    #[test]
    fn a_steady_gradient_gives_steps_of_lr_at_every_step() {
        // With the same g = 5 at every step, m_t = (1 - 0.9^t) g and
        // v_t = (1 - 0.999^t) g^2, so the bias corrections give back exactly g and
        // g^2, and every step is lr g / (|g| + 1e-8) = lr (1 - 2e-9). Ten steps with
        // lr = 0.01 from 0: -0.1 (1 - 2e-9). Forgetting the corrections, or using
        // the wrong t, makes the first steps about 3 times too long or too short.
        // Rounding: a few EPSILON per step, 1e-15 in all; we allow 1e-13 (1 + 0.1).
        let (mut x, mut m, mut v) = ([0.0], [0.0], [0.0]);
        for t in 1..=10 {
            adam_step(&mut x, &[5.0], &mut m, &mut v, t, AdamConfig::new(0.01));
        }
        assert_close("x after 10 steps", x[0], -0.1 * (1.0 - 2e-9), 1e-13);
    }

    #[test]
    fn a_gradient_as_small_as_eps_moves_half_as_far() {
        // g = 1e-8, the size of eps, at t = 1 from x = 0 with lr = 0.001:
        // m = 0.1 g = 1e-9 and v = 0.001 g^2 = 1e-19; step_size = 0.001 / 0.1 = 0.01
        // and denom = sqrt(1e-19) / sqrt(0.001) + 1e-8 = 1e-8 + 1e-8 = 2e-8, so the
        // step is 0.01 * 1e-9 / 2e-8 = 0.0005, half of lr: x = -0.0005. Without eps
        // it would be -0.001; with eps added before the division by sqrt(0.001),
        // -0.01 * 1e-9 * sqrt(0.001) / (sqrt(1e-19) + 1e-8) = -3.07e-5. A few
        // roundings of numbers of size 5e-4: ROUNDING.
        let (mut x, mut m, mut v) = ([0.0], [0.0], [0.0]);
        adam_step(&mut x, &[1e-8], &mut m, &mut v, 1, AdamConfig::new(0.001));
        assert_close("x after one step with g = eps", x[0], -0.0005, ROUNDING);
    }

    #[test]
    fn the_seed_experiment_follows_pytorchs_points() {
        // The seed's experiment run in PyTorch 2.15.0, CPU (torch.optim.Adam,
        // lr=1e-3, f32) prints these points after steps 0, 2000, ..., 18000, that is
        // x_1, x_2001, ..., x_18001; the last five are also where it ends. PyTorch rounds differently from plain f32
        // arithmetic (its bias corrections in f64, a fused multiply-add in v's
        // update, its own square root), by about 6e-8 relative per operation. Along
        // the bend of the valley such differences grow to about 1e-6 by step 2000,
        // then die out as both runs settle into the minimum, to the last bit of f32.
        // We allow 1e-5 (1 + |x|), 20 times the largest difference expected. This
        // runs your adam_step through the `Adam` optimizer and the seed's loop.
        let pytorch = [
            [-3.999000072479248, -0.0009999999310821295],
            [-3.526560068130493, -2.500243663787842],
            [-3.777446746826172, -3.2777843475341797],
            [-3.7793045043945312, -3.283174753189087],
            [-3.779308319091797, -3.28318190574646],
            [-3.7793095111846924, -3.28318452835083],
            [-3.7793102264404297, -3.2831854820251465],
            [-3.7793102264404297, -3.2831859588623047],
            [-3.7793102264404297, -3.2831859588623047],
            [-3.7793102264404297, -3.2831859588623047],
        ];
        let mut adam = Adam::new(1e-3f32).expect("a valid learning rate");
        let record = seed_loop(&mut adam, [-4.0, 0.0], 20000);
        for (i, want) in pytorch.iter().enumerate() {
            let step = 2000 * i;
            let got = record[step].1;
            assert_close(
                &format!("x after step {step}"),
                f64::from(got[0]),
                want[0],
                1e-5,
            );
            assert_close(
                &format!("y after step {step}"),
                f64::from(got[1]),
                want[1],
                1e-5,
            );
        }
    }

    #[test]
    fn the_seeds_longest_step_is_1_414_lr_not_lr() {
        // In PyTorch's run of the seed (2.15.0, CPU, as above) the longest move of
        // one coordinate in one step, |x_(k+1) - x_k| over both coordinates and all
        // 20000 steps, is 1.4143586158752441 lr, made by y at step 685, from x_685
        // to x_686 (x_0 = (-4, 0)); steps 673 to 701 all come within 1.2e-4 lr of
        // it. The step is a difference of two f32s near -0.87, which are 6e-8 =
        // 6e-5 lr apart, so two roundings can change it by 1.2e-4 lr: we allow
        // 5e-5 (1 + 1.414) = 1.2e-4, and any step from 673 to 701 for where it is.
        // Adam's steps are about lr, not at most lr (Section 3.5).
        let mut adam = Adam::new(1e-3f32).expect("a valid learning rate");
        let record = seed_loop(&mut adam, [-4.0, 0.0], 20000);
        let points: Vec<[f32; 2]> = std::iter::once([-4.0, 0.0])
            .chain(record.iter().map(|&(_, x)| x))
            .collect();
        let (mut longest, mut at) = (0.0, 0);
        for (k, pair) in points.windows(2).enumerate() {
            for (&after, &before) in pair[1].iter().zip(&pair[0]) {
                let step = (f64::from(after) - f64::from(before)).abs();
                if step / 1e-3 > longest {
                    (longest, at) = (step / 1e-3, k);
                }
            }
        }
        assert_close("longest step / lr", longest, 1.4143586158752441, 5e-5);
        assert!(
            (673..=701).contains(&at),
            "the longest step: expected one of steps 673 to 701, as in PyTorch's \
             run, got step {at}"
        );
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn first_step_has_size_lr_in_every_coordinate_whatever_the_gradient(
            grads in prop::collection::vec(
                prop_oneof![-1e3..-1e-3f64, 1e-3..1e3f64], 1..6),
            lr in 1e-4..0.1f64,
        ) {
            // As in the first test, step 1 moves each coordinate by
            // lr |g| / (|g| + 1e-8), between lr (1 - 1e-5) and lr for |g| >= 1e-3,
            // against the sign of g. From x = 0 the step is -x exactly. We allow
            // 1e-5 (1 + 1) in the ratio to lr, which also covers rounding (1e-15).
            let n = grads.len();
            let (mut x, mut m, mut v) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
            adam_step(&mut x, &grads, &mut m, &mut v, 1, AdamConfig::new(lr));
            for (i, (&xi, &g)) in x.iter().zip(&grads).enumerate() {
                let what = format!("step {i} / lr (g = {g}, lr = {lr})");
                assert_close(&what, -xi * g.signum() / lr, 1.0, 1e-5);
            }
        }
    }
}
// ANCHOR_END: tests_adam_step

// ANCHOR: tests_check_divergence
mod exercise_3_5_check_divergence {
    use super::*;

    #[test]
    fn a_finite_value_within_the_limit_passes() {
        let checked = check_divergence(3, 5.0, Some(6.0), 0.1, 1e10);
        assert_eq!(checked, Ok(()), "f = 5 is finite and within 1e10");
        let checked = check_divergence(3, -1e10, Some(6.0), 0.1, 1e10);
        assert_eq!(checked, Ok(()), "|f| = 1e10 is within the limit 1e10");
    }

    #[test]
    fn nan_is_divergence_naming_the_step_the_learning_rate_and_the_last_value() {
        // NaN is not equal to itself, so compare the message, which prints the
        // fields.
        let checked = check_divergence(3, f64::NAN, Some(6.0), 0.1, 1e10);
        let err = expect_divergence(checked, "f = NaN is divergence");
        assert_eq!(
            err.to_string(),
            "diverged at step 3 with learning rate 0.1: f = NaN; the last finite \
             value was f = 6e0, at step 2. Try a learning rate below 0.1"
        );
    }

    #[test]
    fn infinity_is_divergence() {
        let checked = check_divergence(5, f64::INFINITY, Some(7.5), 0.5, 1e10);
        let err = expect_divergence(checked, "f = inf is divergence");
        let want = Diverged {
            step: 5,
            value: f64::INFINITY,
            limit: 1e10,
            lr: 0.5,
            last_finite: Some(7.5),
        };
        assert_eq!(err, want);
    }

    #[test]
    fn a_value_beyond_the_limit_in_either_direction_is_divergence() {
        for value in [2e10, -2e10] {
            let checked = check_divergence(40, value, Some(8e9), 0.55, 1e10);
            let err = expect_divergence(checked, "|f| > 1e10 is divergence");
            let want = Diverged {
                step: 40,
                value,
                limit: 1e10,
                lr: 0.55,
                last_finite: Some(8e9),
            };
            assert_eq!(err, want);
        }
    }

    #[test]
    fn at_the_start_there_is_no_last_value() {
        let checked = check_divergence(0, f32::NAN, None, 0.01f32, 1e10);
        let err = expect_divergence(checked, "f = NaN at the start is divergence");
        assert_eq!(
            err.to_string(),
            "the run cannot start: f = NaN at the starting point; start where f is \
             finite and within the limit"
        );
    }
}
// ANCHOR_END: tests_check_divergence

// ANCHOR: tests_minimize
mod exercise_3_6_minimize {
    use super::*;

    /// f(x) = 2x^2, curvature 4, and its gradient 4x.
    fn f(x: &[f64]) -> f64 {
        2.0 * x[0] * x[0]
    }
    fn gradient(x: &[f64]) -> Vec<f64> {
        vec![4.0 * x[0]]
    }

    fn stop(tolerance: f64, max_steps: usize) -> Stop<f64> {
        Stop {
            tolerance,
            max_steps,
            limit: 1e10,
        }
    }

    fn sgd(lr: f64) -> Sgd<f64> {
        Sgd::new(lr, 0.0).expect("a valid learning rate")
    }

    /// f(x) = x - ln x, which is NaN for x < 0, and its gradient 1 - 1/x.
    fn x_minus_ln_x(x: &[f64]) -> f64 {
        x[0] - x[0].ln()
    }
    fn x_minus_ln_x_gradient(x: &[f64]) -> Vec<f64> {
        vec![1.0 - 1.0 / x[0]]
    }

    // The tests below run your descent_step through `Sgd`, and your
    // check_divergence.

    #[test]
    fn stops_at_once_where_the_gradient_is_zero() {
        // At x = 0 the gradient is 0: converged after 0 steps, f = 0.
        let run = minimize(f, gradient, &[0.0], &mut sgd(0.2), stop(1e-6, 100));
        let run = expect_no_divergence(run, "f = 0 at the start");
        assert_eq!((run.steps, run.converged), (0, true), "{run:?}");
        assert_close("f", run.value, 0.0, 0.0);
    }

    #[test]
    fn a_start_at_the_minimum_has_converged_even_with_no_steps_allowed() {
        // From x = 0 with max_steps = 0: no step may be taken, but the gradient at
        // the start is already 0, so the run has converged, after 0 steps.
        let run = minimize(f, gradient, &[0.0], &mut sgd(0.2), stop(1e-6, 0));
        let run = expect_no_divergence(run, "f = 0 at the start");
        assert_eq!((run.steps, run.converged), (0, true), "{run:?}");
    }

    #[test]
    fn converging_at_the_last_allowed_step_counts_as_converged() {
        // lr = 0.25 = 1 / 4: the factor 1 - 4 * 0.25 is exactly 0, so the one step
        // allowed lands on x = 0, where the gradient is 0 and f = 0, exactly. The
        // run used up its steps, and it also converged: it must say so.
        let run = minimize(f, gradient, &[1.0], &mut sgd(0.25), stop(1e-6, 1));
        let run = expect_no_divergence(run, "x = 0 after one step");
        assert_eq!((run.steps, run.converged), (1, true), "{run:?}");
        assert_close("x", run.x[0], 0.0, 0.0);
        assert_close("f", run.value, 0.0, 0.0);
    }

    #[test]
    fn converges_in_the_number_of_steps_the_closed_form_predicts() {
        // lr = 0.2: x_k = 0.2^k, |gradient| = 4 * 0.2^k, which is 2.0e-6 at k = 9 and
        // 4.1e-7 at k = 10: the first within 1e-6 is k = 10, where x = 1.024e-7 and
        // f = 2 x^2. Each step rounds a few times, 1e-15 relative in all, and f
        // doubles that; we compare ratios with 1, allowing 1e-12 (1 + 1) for x and
        // 1e-11 (1 + 1) for f.
        let run = minimize(f, gradient, &[1.0], &mut sgd(0.2), stop(1e-6, 100));
        let run = expect_no_divergence(run, "lr 0.2 < 2 / 4 converges");
        assert_eq!((run.steps, run.converged), (10, true), "{run:?}");
        assert_close("x / 0.2^10", run.x[0] / 1.024e-7, 1.0, 1e-12);
        assert_close(
            "f / (2 x^2)",
            run.value / (2.0 * 1.024e-7 * 1.024e-7),
            1.0,
            1e-11,
        );
    }

    #[test]
    fn gives_up_after_the_step_limit() {
        // lr = 0.05: x_k = 0.8^k, and |gradient| = 4 * 0.8^k <= 1e-6 needs k >= 69.
        // With at most 10 steps it stops at x = 0.8^10 = 0.1073741824, not
        // converged, with f = 2 * 0.8^20 = 0.02305843009213694. A few roundings
        // per step: ROUNDING * 10.
        let run = minimize(f, gradient, &[1.0], &mut sgd(0.05), stop(1e-6, 10));
        let run = expect_no_divergence(run, "lr 0.05 < 2 / 4 converges");
        assert_eq!((run.steps, run.converged), (10, false), "{run:?}");
        assert_close("x", run.x[0], 0.1073741824, 10.0 * ROUNDING);
        assert_close("f", run.value, 0.02305843009213694, 10.0 * ROUNDING);
    }

    #[test]
    fn reports_the_step_where_f_passes_the_limit() {
        // lr = 0.55: x_k = (-1.2)^k and f_k = 2 * 1.44^k: f_17 = 984.4 and
        // f_18 = 1417.6, so with the limit 1000 the run diverges at step 18 with
        // last finite value f_17 = 2 * 1.44^17 = 984.44704859... Rounding: a few
        // EPSILON per step, 1e-14 relative; we allow 1e-12 (1 + 984).
        let limit = Stop {
            limit: 1000.0,
            ..stop(1e-6, 100)
        };
        let run = minimize(f, gradient, &[1.0], &mut sgd(0.55), limit);
        let err = expect_divergence(run, "lr 0.55 > 2 / 4 diverges");
        assert_eq!((err.step, err.lr, err.limit), (18, 0.55, 1000.0), "{err:?}");
        let last = err.last_finite.expect("a value before step 18");
        assert_close("last finite f", last, 2.0 * 1.44f64.powi(17), 1e-12);
        assert_close("f at step 18", err.value, 2.0 * 1.44f64.powi(18), 1e-12);
    }

    #[test]
    fn reports_a_nan_with_the_last_finite_value() {
        // f(x) = x - ln x has its minimum at x = 1. From x = 2 (gradient
        // 1 - 1/2 = 0.5) a step of lr = 8 jumps to 2 - 4 = -2, where ln is NaN.
        // The last finite value is f(2) = 2 - ln 2 = 1.3068528194400546, one log
        // and one subtraction: ROUNDING.
        let run = minimize(
            x_minus_ln_x,
            x_minus_ln_x_gradient,
            &[2.0],
            &mut sgd(8.0),
            stop(1e-6, 100),
        );
        let err = expect_divergence(run, "x = -2 is outside ln's domain");
        assert_eq!((err.step, err.lr), (1, 8.0), "{err:?}");
        assert!(
            err.value.is_nan(),
            "f at step 1: expected NaN, got {}",
            err.value
        );
        let last = err.last_finite.expect("f(2) is finite");
        assert_close("last finite f", last, 1.3068528194400546, ROUNDING);
    }

    #[test]
    fn a_nan_at_the_last_allowed_step_is_still_divergence() {
        // As in the test above, but with max_steps = 1: the one step allowed goes
        // from x = 2 to x = -2, where f is NaN. Running out of steps there must not
        // hide it: the run diverged at step 1, and minimize never returns a NaN.
        let run = minimize(
            x_minus_ln_x,
            x_minus_ln_x_gradient,
            &[2.0],
            &mut sgd(8.0),
            stop(1e-6, 1),
        );
        let err = expect_divergence(run, "f(-2) is NaN, even at the step limit");
        assert_eq!((err.step, err.lr), (1, 8.0), "{err:?}");
        assert!(
            err.value.is_nan(),
            "f at step 1: expected NaN, got {}",
            err.value
        );
    }

    #[test]
    fn a_start_where_f_is_nan_fails_at_step_zero() {
        // f(-1) = -1 - ln(-1) is NaN: the run cannot start.
        let run = minimize(
            x_minus_ln_x,
            x_minus_ln_x_gradient,
            &[-1.0],
            &mut sgd(0.1),
            stop(1e-6, 100),
        );
        let err = expect_divergence(run, "f(-1) is NaN");
        assert_eq!((err.step, err.last_finite), (0, None), "{err:?}");
    }

    /// An optimizer that takes plain descent steps with lr = 0.2 by hand and counts
    /// them, so the test does not depend on your other exercises.
    struct Counting(usize);
    impl Optimizer<f64> for Counting {
        fn step(&mut self, params: &mut [f64], grads: &[f64]) {
            self.0 += 1;
            params[0] -= 0.2 * grads[0];
        }
        fn lr(&self) -> f64 {
            0.2
        }
    }

    #[test]
    fn takes_one_optimizer_step_per_step_and_none_after_converging() {
        // As in the second test, 10 steps reach the tolerance: the optimizer is
        // called exactly 10 times.
        let mut counting = Counting(0);
        let run = minimize(f, gradient, &[1.0], &mut counting, stop(1e-6, 100));
        let run = expect_no_divergence(run, "lr 0.2 < 2 / 4 converges");
        assert_eq!((run.steps, counting.0), (10, 10), "{run:?}");
    }

    #[test]
    fn finds_a_minimum_of_himmelblau_that_chapter_two_found() {
        // From (-4, 0) with lr 0.01, descent goes to the minimum that chapter 2's
        // Newton search puts at about (-3.779310, -3.283186). Within the tolerance
        // |gradient| <= 1e-6 the point is within |g| / λ_min = 1e-6 / 70 = 1.4e-8
        // of it (the smaller eigenvalue of the Hessian there is about 70); we
        // allow 1e-7 (1 + |x|).
        let minimum = chapter03::himmelblau::himmelblau_minima()[0];
        let run = minimize(
            himmelblau,
            himmelblau_gradient,
            &[-4.0, 0.0],
            &mut sgd(0.01),
            stop(1e-6, 1000),
        );
        let run = expect_no_divergence(run, "lr 0.01 is below 2 / λ_max there");
        assert!(run.converged, "{run:?}");
        assert_close("x", run.x[0], minimum[0], 1e-7);
        assert_close("y", run.x[1], minimum[1], 1e-7);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn never_ends_in_nan_and_diverges_only_above_the_threshold(lr in 0.01..1.0f64) {
            // On f = 2x^2 the threshold is 2 / 4 = 0.5. Below it every step shrinks
            // x, so the run ends without error; at lr >= 0.6 the factor is at most
            // -1.4 and f = 2 * 1.96^k passes 1e10 by step 34, well before 1000. In
            // between it may end either way, but never with a NaN.
            match minimize(f, gradient, &[1.0], &mut sgd(lr), stop(1e-6, 1000)) {
                Ok(run) => {
                    prop_assert!(run.value.is_finite(), "lr {lr}: {run:?}");
                    prop_assert!(lr < 0.6, "lr {lr} should diverge: {run:?}");
                }
                Err(err) => prop_assert!(lr > 0.5, "lr {lr} should converge: {err}"),
            }
        }
    }
}
// ANCHOR_END: tests_minimize
