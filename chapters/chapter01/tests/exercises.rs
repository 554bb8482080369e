//! The checks for the exercises of chapter 1, one module per exercise. Run them all
//! with `cargo test -p chapter01`, or one exercise's with a filter such as
//! `cargo test -p chapter01 exercise_1_5`; each failing test names what it expected
//! and what came back.

use chapter01::check::{assert_agree, assert_close};
use chapter01::derivative::polynomial;
use chapter01::exercises::*;
use chapter01::round_off::{EPSILON, predicted_central_step, quarter_decade_steps};
use proptest::prelude::*;
use std::f64::consts::{E, PI};

/// 64 random cases per property, and no file of failing cases written beside the
/// tests.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Asserts that two lists have the same length and agree entry by entry.
#[track_caller]
fn assert_all_close(what: &str, got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(
        got.len(),
        want.len(),
        "{what}: expected {want:?}, got {got:?}"
    );
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        assert_close(&format!("{what}, coefficient {i}"), g, w, tol);
    }
}

// ANCHOR: tests_rounding
/// The tolerance of a check whose answer is exact but for rounding. Every operation
/// rounds its result to the nearest f64, changing it by at most EPSILON / 2, that
/// is 1.1e-16 of its size. The numbers in these checks are small, and a correct
/// answer, whatever order it computes in, rounds only a few times: it lands within
/// a few 1e-16 of the answer. `assert_close` allows ROUNDING (1 + |expected|), at
/// least 1e-15.
const ROUNDING: f64 = 1e-15;
// ANCHOR_END: tests_rounding

// ANCHOR: tests_polynomial_derivative
mod exercise_1_1_polynomial_derivative {
    use super::*;

    #[test]
    fn of_one_plus_two_x_plus_three_x_squared_is_two_plus_six_x() {
        // (1 + 2x + 3x^2)' = 0 + 2 + 2 * 3x = 2 + 6x. Whole numbers times whole
        // numbers are exact in f64, so no error is allowed.
        let got = polynomial_derivative(&[1.0, 2.0, 3.0]);
        assert_all_close("(1 + 2x + 3x^2)'", &got, &[2.0, 6.0], 0.0);
    }

    #[test]
    fn of_x_to_the_fourth_is_four_x_cubed() {
        // (x^4)' = 4x^3: coefficients 0, 0, 0, 4. Exact, so no error is allowed.
        let got = polynomial_derivative(&[0.0, 0.0, 0.0, 0.0, 1.0]);
        assert_all_close("(x^4)'", &got, &[0.0, 0.0, 0.0, 4.0], 0.0);
    }

    #[test]
    fn of_a_constant_is_the_zero_polynomial() {
        // (5)' = 0, written as the empty list of coefficients.
        assert_all_close("(5)'", &polynomial_derivative(&[5.0]), &[], 0.0);
    }

    #[test]
    fn of_one_minus_three_x_plus_two_x_cubed_at_two_is_twenty_one() {
        // (1 - 3x + 2x^3)' = -3 + 6x^2 = -3 + 24 = 21 at x = 2. Exact in f64;
        // ROUNDING allows 1e-15 (1 + 21) = 2.2e-14.
        let derivative = polynomial_derivative(&[1.0, -3.0, 0.0, 2.0]);
        let got = polynomial(&derivative, 2.0);
        assert_close("(1 - 3x + 2x^3)' at 2", got, 21.0, ROUNDING);
    }

    proptest! {
        #![proptest_config(config())]

        // A gradient check: it compares your polynomial_derivative with your
        // central_difference, so it stays red until Exercise 1.5 is done too.
        #[test]
        fn matches_your_central_difference(
            coefficients in prop::collection::vec(-5.0..5.0f64, 0..6),
            x in -2.0..2.0f64,
        ) {
            // Degree at most 5, |c_k| <= 5, |x| <= 2, h = 1e-5.
            // Truncation: |p'''| <= 6*5 + 24*5*2 + 60*5*4 = 1470, so
            //   h^2 |p'''| / 6 <= 2.5e-8.
            // Round-off: Horner's scheme rounds twice in each of 5 steps, each time
            //   by at most EPSILON / 2, so each value of p is off by at most
            //   5 EPSILON * 5 * (1 + 2 + ... + 32) = 3.5e-13. Rounding x + h and
            //   x - h (by EPSILON |x| / 2 = 2.2e-16) moves p by at most
            //   |p'| * 2.2e-16 <= 5 * (1 + 4 + 12 + 32 + 80) * 2.2e-16 = 1.4e-13.
            //   Both values together: 9.8e-13; divided by 2h = 2e-5: 4.9e-8.
            // In all at most 7.4e-8; we allow 1e-6 (1 + |p'|), at least 1e-6.
            let by_rules = polynomial(&polynomial_derivative(&coefficients), x);
            let p = |x| polynomial(&coefficients, x);
            let by_differences = central_difference(p, x, 1e-5);
            assert_agree(
                &format!("p'(x) at x = {x} for coefficients {coefficients:?}"),
                "your polynomial_derivative",
                by_rules,
                "your central_difference",
                by_differences,
                1e-6,
            );
        }
    }
}
// ANCHOR_END: tests_polynomial_derivative

// ANCHOR: tests_product_rule
mod exercise_1_2_product_rule {
    use super::*;

    #[test]
    fn gives_eighty_for_x_squared_times_x_cubed_at_two() {
        // f = x^2 = 4, f' = 2x = 4, g = x^3 = 8, g' = 3x^2 = 12 at x = 2:
        // f'g + fg' = 32 + 48 = 80, which is (x^5)' = 5x^4 = 80 by the power rule.
        // Exact in f64; ROUNDING allows 1e-15 (1 + 80) = 8.1e-14.
        let got = product_rule(4.0, 4.0, 8.0, 12.0);
        assert_close("(x^2 x^3)' at 2", got, 80.0, ROUNDING);
    }

    #[test]
    fn gives_minus_pi_for_x_sin_x_at_pi() {
        // f = x = pi, f' = 1, g = sin pi = 0, g' = cos pi = -1:
        // 1 * 0 + pi * (-1) = -pi. Exact in f64; ROUNDING allows
        // 1e-15 (1 + pi) = 4.1e-15.
        let got = product_rule(PI, 1.0, 0.0, -1.0);
        assert_close("(x sin x)' at pi", got, -PI, ROUNDING);
    }

    #[test]
    fn with_a_constant_factor_scales_the_derivative() {
        // f = 3, f' = 0 (a constant), g = x^2 = 25, g' = 2x = 10 at x = 5:
        // 0 * 25 + 3 * 10 = 30 = 3 * (x^2)'. Exact; ROUNDING allows 3.1e-14.
        let got = product_rule(3.0, 0.0, 25.0, 10.0);
        assert_close("(3x^2)' at 5", got, 30.0, ROUNDING);
    }

    proptest! {
        #![proptest_config(config())]

        // A gradient check: it compares your product_rule with your
        // central_difference, so it stays red until Exercise 1.5 is done too.
        #[test]
        fn matches_your_central_difference_for_sin_times_exp(x in -3.0..3.0f64) {
            // f = sin x e^x with |x| <= 3 and h = 1e-5.
            // Truncation: f''' = 2 e^x (cos x - sin x) is at most 2 sqrt 2 e^3 = 57,
            //   so h^2 |f'''| / 6 <= 9.5e-10.
            // Round-off: sin, exp and the product round once each, so each value of
            //   f (at most e^3 = 20.1) is off by at most 3 EPSILON * 20.1 = 1.3e-14.
            //   Rounding x + h and x - h (by EPSILON * 3 / 2 = 3.3e-16) moves f by
            //   at most |f'| * 3.3e-16 <= sqrt 2 e^3 * 3.3e-16 = 9.4e-15. Both
            //   values together: 4.5e-14; divided by 2h = 2e-5: 2.3e-9.
            // In all at most 3.2e-9; we allow 1e-7 (1 + |f'|), at least 1e-7.
            let by_rule = product_rule(x.sin(), x.cos(), x.exp(), x.exp());
            let by_differences = central_difference(|x| x.sin() * x.exp(), x, 1e-5);
            assert_agree(
                &format!("(sin x e^x)' at x = {x}"),
                "your product_rule",
                by_rule,
                "your central_difference",
                by_differences,
                1e-7,
            );
        }
    }
}
// ANCHOR_END: tests_product_rule

// ANCHOR: tests_quotient_rule
mod exercise_1_3_quotient_rule {
    use super::*;

    #[test]
    fn gives_minus_three_over_twenty_five_for_x_over_one_plus_x_squared() {
        // f = x = 2, f' = 1, g = 1 + x^2 = 5, g' = 2x = 4 at x = 2:
        // (f'g - fg') / g^2 = (5 - 8) / 25 = -3/25 = -0.12. Neither -3/25 nor 0.12
        // is exact in binary, so this rounds; ROUNDING allows 1e-15 (1 + 0.12).
        let got = quotient_rule(2.0, 1.0, 5.0, 4.0);
        assert_close("(x / (1 + x^2))' at 2", got, -0.12, ROUNDING);
    }

    #[test]
    fn gives_minus_one_quarter_for_one_over_x_at_two() {
        // f = 1, f' = 0, g = x = 2, g' = 1: (0 * 2 - 1 * 1) / 4 = -1/4, which is
        // (x^-1)' = -x^-2 = -1/4 by the power rule. Exact; ROUNDING allows 1.3e-15.
        let got = quotient_rule(1.0, 0.0, 2.0, 1.0);
        assert_close("(1/x)' at 2", got, -0.25, ROUNDING);
    }

    proptest! {
        #![proptest_config(config())]

        // This law uses your product_rule too, so it needs Exercise 1.2.
        #[test]
        fn undoes_the_product_rule(
            f in -10.0..10.0f64,
            f_prime in -10.0..10.0f64,
            g in prop_oneof![-10.0..-0.5f64, 0.5..10.0f64],
            g_prime in -10.0..10.0f64,
        ) {
            // (fg) / g = f, so the quotient rule applied to fg and g must give back
            // f': ((f'g + fg') g - fg g') / g^2 = f'g^2 / g^2 = f'. The terms of the
            // top are at most about 2000, so rounding them costs at most a few
            // EPSILON * 2000 = 4.4e-13 each, and dividing by g^2 >= 0.25 makes that
            // at most a few 1e-12. We allow 1e-9 (1 + |f'|), at least 1e-9.
            let fg_prime = product_rule(f, f_prime, g, g_prime);
            let got = quotient_rule(f * g, fg_prime, g, g_prime);
            assert_close("((fg) / g)'", got, f_prime, 1e-9);
        }

        // A gradient check: it compares your quotient_rule with your
        // central_difference, so it stays red until Exercise 1.5 is done too.
        #[test]
        fn matches_your_central_difference_for_sin_over_two_plus_cos(
            x in -3.0..3.0f64,
        ) {
            // q = sin x / (2 + cos x) with |x| <= 3 and h = 1e-5.
            // Truncation: the quotient rule three times gives
            //   q''' = 2 (-3/4 cos x + 3 cos 2x - 1/4 cos 3x - 2) / (2 + cos x)^4,
            //   whose top is at most 2 (3/4 + 3 + 1/4 + 2) = 12 and bottom at least
            //   1, so h^2 |q'''| / 6 <= 2e-10.
            // Round-off: |q| <= 1, and sin, cos, the sum and the quotient round once
            //   each, so each value is off by at most about 4 EPSILON = 8.9e-16.
            //   Rounding x + h and x - h moves q by at most
            //   |q'| * EPSILON * 3 / 2 <= 3.3e-16, since
            //   |q'| = |1 + 2 cos x| / (2 + cos x)^2 <= 1. Both values together:
            //   2.4e-15; divided by 2h = 2e-5: 1.2e-10.
            // In all at most 3.2e-10; we allow 1e-7 (1 + |q'|), at least 1e-7.
            let (f, f_prime) = (x.sin(), x.cos());
            let (g, g_prime) = (2.0 + x.cos(), -x.sin());
            let by_rule = quotient_rule(f, f_prime, g, g_prime);
            let q = |x: f64| x.sin() / (2.0 + x.cos());
            let by_differences = central_difference(q, x, 1e-5);
            assert_agree(
                &format!("(sin x / (2 + cos x))' at x = {x}"),
                "your quotient_rule",
                by_rule,
                "your central_difference",
                by_differences,
                1e-7,
            );
        }
    }
}
// ANCHOR_END: tests_quotient_rule

// ANCHOR: tests_forward_difference
mod exercise_1_4_forward_difference {
    use super::*;

    // The steps below are powers of two, and every value in these tests is a short
    // binary fraction, so a correct answer is exact; ROUNDING leaves room to spare.

    #[test]
    fn of_square_at_three_with_step_one_is_seven() {
        // (f(4) - f(3)) / 1 = 16 - 9 = 7 = 6 + h.
        let got = forward_difference(|x| x * x, 3.0, 1.0);
        assert_close("slope", got, 7.0, ROUNDING);
    }

    #[test]
    fn of_square_at_three_with_step_one_half_is_six_and_a_half() {
        // (f(3.5) - f(3)) / 0.5 = (12.25 - 9) / 0.5 = 6.5 = 6 + h.
        let got = forward_difference(|x| x * x, 3.0, 0.5);
        assert_close("slope", got, 6.5, ROUNDING);
    }

    #[test]
    fn of_a_line_is_its_slope() {
        // f = 2x + 1: (2(x + h) + 1 - (2x + 1)) / h = 2 for every x and h.
        let got = forward_difference(|x| 2.0 * x + 1.0, 1.0, 0.25);
        assert_close("slope of 2x + 1", got, 2.0, ROUNDING);
    }

    #[test]
    fn of_cube_at_one_overshoots_by_three_h_plus_h_squared() {
        // ((1 + h)^3 - 1) / h = 3 + 3h + h^2 = 3 + 1.5 + 0.25 = 4.75 at h = 0.5.
        let got = forward_difference(|x| x * x * x, 1.0, 0.5);
        assert_close("forward slope of x^3", got, 4.75, ROUNDING);
    }
}
// ANCHOR_END: tests_forward_difference

// ANCHOR: tests_central_difference
mod exercise_1_5_central_difference {
    use super::*;

    // The step 0.25 tells the usual slips apart: dividing by h instead of 2h doubles
    // the answer, dividing by 2h^2 multiplies it by 1/h = 4, and `/ 2.0 * h`
    // multiplies it by h^2 = 1/16. Every value is a short binary fraction, so a
    // correct answer is exact; ROUNDING leaves room to spare.

    #[test]
    fn of_square_at_three_is_six() {
        // (f(3.25) - f(2.75)) / (2 * 0.25) = (10.5625 - 7.5625) / 0.5 = 6: exact for
        // a parabola. The slips give 12, 24 and 0.375.
        let got = central_difference(|x| x * x, 3.0, 0.25);
        assert_close("slope", got, 6.0, ROUNDING);
    }

    #[test]
    fn of_cube_at_one_overshoots_by_h_squared() {
        // ((1 + h)^3 - (1 - h)^3) / 2h = (6h + 2h^3) / 2h = 3 + h^2 = 3.0625 at
        // h = 0.25: (1.953125 - 0.421875) / 0.5 = 3.0625.
        let got = central_difference(|x| x * x * x, 1.0, 0.25);
        assert_close("central slope of x^3", got, 3.0625, ROUNDING);
    }

    #[test]
    fn of_exp_at_zero_overshoots_by_h_squared_over_six() {
        // (e^h - e^-h) / 2h = 1 + h^2/6 + h^4/120 + ...: 1 + 1.67e-5 at h = 0.01,
        // and the next term is 1e-8 / 120 = 8.3e-11. Round-off: e^h and e^-h are
        // near 1 and off by at most EPSILON each, so 2 * 2.2e-16 / 0.02 = 2.2e-14.
        // We allow 1e-9 (1 + 1.0000167) = 2.0e-9. A forward difference would be off
        // by h/2 = 5e-3.
        let h: f64 = 0.01;
        let got = central_difference(f64::exp, 0.0, h);
        assert_close("central slope of e^x at 0", got, 1.0 + h * h / 6.0, 1e-9);
    }

    #[test]
    fn gets_worse_when_the_step_shrinks_too_far() {
        // At h = 1e-5 the error is at most e h^2 / 6 + EPSILON e / h = 1.1e-10
        // (Section 1.3). At h = 1e-12, f(1 + h) - f(1 - h) is a multiple of 2^-51
        // (the gap between f64s near e), so the estimate is a multiple of
        // 2^-51 / 2e-12 = 2.2e-4, and the nearest such multiple to e is 1.2e-5 away:
        // more than 1000 times worse.
        let error = |h| (central_difference(f64::exp, 1.0, h) - E).abs();
        assert!(
            error(1e-12) > 1000.0 * error(1e-5),
            "error at h = 1e-12 is {:.1e}, at h = 1e-5 is {:.1e}",
            error(1e-12),
            error(1e-5)
        );
    }
}
// ANCHOR_END: tests_central_difference

// ANCHOR: tests_error_order
mod exercise_1_6_error_order {
    use super::*;

    // In the made-up cases the errors, like 4e-3, are not exact in binary, and a
    // correct answer may take ln e1 - ln e2 (each about 7 in size and rounded by
    // about 1e-15) instead of ln(e1 / e2): a few 1e-15 in all. We allow
    // 1e-12 (1 + p), at least 3e-12 for p = 2.

    #[test]
    fn is_two_when_halving_h_quarters_the_error() {
        // ln(4e-3 / 1e-3) / ln(0.1 / 0.05) = ln 4 / ln 2 = 2.
        assert_close("order", error_order(0.1, 4e-3, 0.05, 1e-3), 2.0, 1e-12);
    }

    #[test]
    fn is_the_same_with_the_smaller_step_first() {
        // ln(1e-3 / 4e-3) / ln(0.05 / 0.1) = ln(1/4) / ln(1/2) =
        // (-ln 4) / (-ln 2) = 2.
        assert_close("order", error_order(0.05, 1e-3, 0.1, 4e-3), 2.0, 1e-12);
    }

    #[test]
    fn is_one_when_the_error_shrinks_in_step_with_h() {
        // ln(5e-3 / 5e-4) / ln(1e-2 / 1e-3) = ln 10 / ln 10 = 1.
        assert_close("order", error_order(1e-2, 5e-3, 1e-3, 5e-4), 1.0, 1e-12);
    }

    // The next two measure your forward_difference and central_difference, so they
    // need Exercises 1.4 and 1.5.

    #[test]
    fn measures_the_forward_difference_of_exp_as_first_order() {
        // Taylor: the error is e (h/2 + h^2/6 + ...) = e h/2 (1 + h/3 + ...), so
        // from h = 1e-2 to 1e-3 it shrinks by 10 (1 + 0.0033) / (1 + 0.0003): order
        // 1 + log10(1.003) = 1.0013. Round-off (2 EPSILON e / h = 1.2e-12 at 1e-3)
        // is a billionth of the error. We allow 0.01 (1 + 1) = 0.02.
        let error = |h| (forward_difference(f64::exp, 1.0, h) - E).abs();
        let order = error_order(1e-2, error(1e-2), 1e-3, error(1e-3));
        assert_close("forward order", order, 1.0, 0.01);
    }

    #[test]
    fn measures_the_central_difference_of_exp_as_second_order() {
        // Taylor: the error is
        // e (h^2/6 + h^4/120 + ...) = e h^2/6 (1 + h^2/20 + ...), so from h1 = 1e-2
        // to h2 = 1e-3 the order is
        // 2 + log10((1 + 1e-4 / 20) / (1 + 1e-6 / 20)) = 2.000002. Round-off
        // (EPSILON e / h = 6e-13 at 1e-3) is a millionth of the error there
        // (4.5e-7), too small to matter. We allow 0.01 (1 + 2) = 0.03.
        let error = |h| (central_difference(f64::exp, 1.0, h) - E).abs();
        let order = error_order(1e-2, error(1e-2), 1e-3, error(1e-3));
        assert_close("central order", order, 2.0, 0.01);
    }
}
// ANCHOR_END: tests_error_order

// ANCHOR: tests_best_step
mod exercise_1_7_best_step {
    use super::*;

    // best_step returns one of the candidates, so its answer must be that candidate
    // exactly: no tolerance.

    #[test]
    fn picks_the_smallest_step_when_the_error_only_shrinks() {
        // Error h^2: 0.25 at h = 0.5, 0.01 at h = 0.1, 1 at h = 1. The best is 0.1.
        let best = best_step(|h| 3.0 + h * h, 3.0, &[0.5, 0.1, 1.0]);
        assert_close("best step", best, 0.1, 0.0);
    }

    #[test]
    fn balances_truncation_against_round_off() {
        // Error h^2 + 1e-4 / h: 0.01 + 0.001 = 0.011 at h = 0.1,
        // 0.0009 + 0.0033 = 0.0042 at h = 0.03, 0.0001 + 0.01 = 0.0101 at h = 0.01.
        let best = best_step(|h| 3.0 + h * h + 1e-4 / h, 3.0, &[0.1, 0.03, 0.01]);
        assert_close("best step", best, 0.03, 0.0);
    }

    #[test]
    fn compares_the_sizes_of_errors_below_and_above_the_exact_value() {
        // Error h^2 - 1e-4 / h, round-off pulling the other way:
        // 0.01 - 0.001 = 0.009 at h = 0.1, 0.0009 - 0.0033 = -0.0024 at h = 0.03,
        // 0.0001 - 0.01 = -0.0099 at h = 0.01. The smallest in size is 0.0024, at
        // 0.03. Comparing the signed errors would pick 0.01 (or 0.1, with the sign
        // the other way round).
        let best = best_step(|h| 3.0 + h * h - 1e-4 / h, 3.0, &[0.1, 0.03, 0.01]);
        assert_close("best step", best, 0.03, 0.0);
    }

    // This one scans your central_difference, so it needs Exercise 1.5.

    #[test]
    fn for_the_central_difference_of_exp_at_one_is_near_the_prediction() {
        // With f = f''' = e the model predicts h* = (3 EPSILON)^(1/3) = 8.7e-6,
        // where its error is h*^2 e / 2 (Section 1.3). At h*/10 it is
        // h*^2 e (1/600 + 10/3), 6.7 times that, and at 10 h* it is
        // h*^2 e (100/6 + 1/30), 33 times that. The measured error near h* is jagged
        // (each rounding differs), so a lucky step can win a little way off; we
        // allow a factor of 10 either way.
        let predicted = predicted_central_step(E, E);
        let steps = quarter_decade_steps();
        let estimate = |h| central_difference(f64::exp, 1.0, h);
        let best = best_step(estimate, E, &steps);
        let error = |h| (estimate(h) - E).abs();
        assert!(
            (predicted / 10.0..=predicted * 10.0).contains(&best),
            "best step {best:.1e} (error {:.1e}), predicted {predicted:.1e} \
             (error {:.1e}, from EPSILON = {EPSILON:e}); the best should lie \
             within a factor of 10 of the prediction",
            error(best),
            error(predicted)
        );
    }
}
// ANCHOR_END: tests_best_step
