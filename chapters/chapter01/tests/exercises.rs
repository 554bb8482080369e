//! The checks for the exercises of chapter 1. Run them with `cargo test -p chapter01`;
//! each failing test names what it expected and what came back.

use chapter01::check::assert_close;
use chapter01::derivative::polynomial;
use chapter01::exercises::*;
use chapter01::round_off::{EPSILON, predicted_central_step, quarter_decade_steps};
use proptest::prelude::*;
use std::f64::consts::{E, PI};

/// 64 random cases per property, and no file of failing cases written beside the tests.
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

// ANCHOR: tests_polynomial_derivative
#[test]
fn derivative_of_one_plus_two_x_plus_three_x_squared_is_two_plus_six_x() {
    // (1 + 2x + 3x^2)' = 0 + 2 + 2 * 3x = 2 + 6x.
    let got = polynomial_derivative(&[1.0, 2.0, 3.0]);
    assert_all_close("(1 + 2x + 3x^2)'", &got, &[2.0, 6.0], 0.0);
}

#[test]
fn derivative_of_x_to_the_fourth_is_four_x_cubed() {
    // (x^4)' = 4x^3: coefficients 0, 0, 0, 4.
    let got = polynomial_derivative(&[0.0, 0.0, 0.0, 0.0, 1.0]);
    assert_all_close("(x^4)'", &got, &[0.0, 0.0, 0.0, 4.0], 0.0);
}

#[test]
fn derivative_of_a_constant_is_the_zero_polynomial() {
    // (5)' = 0, written as the empty list of coefficients.
    assert_all_close("(5)'", &polynomial_derivative(&[5.0]), &[], 0.0);
}

#[test]
fn derivative_of_one_minus_three_x_plus_two_x_cubed_at_two_is_twenty_one() {
    // (1 - 3x + 2x^3)' = -3 + 6x^2 = -3 + 24 = 21 at x = 2.
    let derivative = polynomial_derivative(&[1.0, -3.0, 0.0, 2.0]);
    assert_close(
        "(1 - 3x + 2x^3)' at 2",
        polynomial(&derivative, 2.0),
        21.0,
        1e-15,
    );
}
// ANCHOR_END: tests_polynomial_derivative

// ANCHOR: tests_product_rule
#[test]
fn product_rule_gives_eighty_for_x_squared_times_x_cubed_at_two() {
    // f = x^2 = 4, f' = 2x = 4, g = x^3 = 8, g' = 3x^2 = 12 at x = 2:
    // f'g + fg' = 32 + 48 = 80, which is (x^5)' = 5x^4 = 80 by the power rule.
    assert_close(
        "(x^2 x^3)' at 2",
        product_rule(4.0, 4.0, 8.0, 12.0),
        80.0,
        1e-15,
    );
}

#[test]
fn product_rule_gives_minus_pi_for_x_sin_x_at_pi() {
    // f = x = pi, f' = 1, g = sin pi = 0, g' = cos pi = -1: 1 * 0 + pi * (-1) = -pi.
    assert_close(
        "(x sin x)' at pi",
        product_rule(PI, 1.0, 0.0, -1.0),
        -PI,
        1e-15,
    );
}

#[test]
fn product_rule_with_a_constant_factor_scales_the_derivative() {
    // f = 3, f' = 0 (a constant), g = x^2 = 25, g' = 2x = 10 at x = 5:
    // 0 * 25 + 3 * 10 = 30 = 3 * (x^2)'.
    assert_close(
        "(3x^2)' at 5",
        product_rule(3.0, 0.0, 25.0, 10.0),
        30.0,
        1e-15,
    );
}
// ANCHOR_END: tests_product_rule

// ANCHOR: tests_quotient_rule
#[test]
fn quotient_rule_gives_minus_three_over_twenty_five_for_x_over_one_plus_x_squared() {
    // f = x = 2, f' = 1, g = 1 + x^2 = 5, g' = 2x = 4 at x = 2:
    // (f'g - fg') / g^2 = (5 - 8) / 25 = -3/25 = -0.12.
    let got = quotient_rule(2.0, 1.0, 5.0, 4.0);
    assert_close("(x / (1 + x^2))' at 2", got, -0.12, 1e-15);
}

#[test]
fn quotient_rule_gives_minus_one_quarter_for_one_over_x_at_two() {
    // f = 1, f' = 0, g = x = 2, g' = 1: (0 * 2 - 1 * 1) / 4 = -1/4, which is
    // (x^-1)' = -x^-2 = -1/4 by the power rule.
    assert_close(
        "(1/x)' at 2",
        quotient_rule(1.0, 0.0, 2.0, 1.0),
        -0.25,
        1e-15,
    );
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn quotient_rule_undoes_product_rule(
        f in -10.0..10.0f64,
        f_prime in -10.0..10.0f64,
        g in prop_oneof![-10.0..-0.5f64, 0.5..10.0f64],
        g_prime in -10.0..10.0f64,
    ) {
        // (fg) / g = f, so the quotient rule applied to fg and g must give back f':
        // ((f'g + fg') g - fg g') / g^2 = f'g^2 / g^2 = f'. The terms are at most
        // about 2000 and g^2 >= 0.25, so rounding costs at most about 1e-11.
        let fg_prime = product_rule(f, f_prime, g, g_prime);
        let got = quotient_rule(f * g, fg_prime, g, g_prime);
        assert_close("((fg) / g)'", got, f_prime, 1e-9);
    }
}
// ANCHOR_END: tests_quotient_rule

// ANCHOR: tests_forward_difference
#[test]
fn forward_difference_of_square_at_three_with_step_one_is_seven() {
    // (f(4) - f(3)) / 1 = 16 - 9 = 7 = 6 + h.
    assert_close("slope", forward_difference(|x| x * x, 3.0, 1.0), 7.0, 1e-15);
}

#[test]
fn forward_difference_of_square_at_three_with_step_one_half_is_six_and_a_half() {
    // (f(3.5) - f(3)) / 0.5 = (12.25 - 9) / 0.5 = 6.5 = 6 + h.
    assert_close("slope", forward_difference(|x| x * x, 3.0, 0.5), 6.5, 1e-15);
}

#[test]
fn forward_difference_of_a_line_is_its_slope() {
    // f = 2x + 1: (2(x + h) + 1 - (2x + 1)) / h = 2 for every x and h.
    let got = forward_difference(|x| 2.0 * x + 1.0, 1.0, 0.25);
    assert_close("slope of 2x + 1", got, 2.0, 1e-15);
}

#[test]
fn forward_difference_of_cube_at_one_overshoots_by_three_h_plus_h_squared() {
    // ((1 + h)^3 - 1) / h = 3 + 3h + h^2 = 3 + 1.5 + 0.25 = 4.75 at h = 0.5.
    let got = forward_difference(|x| x * x * x, 1.0, 0.5);
    assert_close("forward slope of x^3", got, 4.75, 1e-15);
}
// ANCHOR_END: tests_forward_difference

// ANCHOR: tests_central_difference
#[test]
fn central_difference_of_square_at_three_is_six() {
    // (f(3.5) - f(2.5)) / (2 * 0.5) = (12.25 - 6.25) / 1 = 6: exact for a parabola.
    assert_close("slope", central_difference(|x| x * x, 3.0, 0.5), 6.0, 1e-15);
}

#[test]
fn central_difference_of_cube_at_one_overshoots_by_h_squared() {
    // ((1 + h)^3 - (1 - h)^3) / 2h = (6h + 2h^3) / 2h = 3 + h^2 = 3.25 at h = 0.5.
    let got = central_difference(|x| x * x * x, 1.0, 0.5);
    assert_close("central slope of x^3", got, 3.25, 1e-15);
}

#[test]
fn central_difference_of_exp_at_zero_is_within_h_squared_over_six_of_one() {
    // (e^h - e^-h) / 2h = 1 + h^2/6 + h^4/120 + ...: error 1.67e-5 at h = 0.01.
    // A forward difference would be off by h/2 = 5e-3; we allow 2e-5.
    let got = central_difference(f64::exp, 0.0, 0.01);
    assert_close("central slope of e^x at 0", got, 1.0, 2e-5);
}
// ANCHOR_END: tests_central_difference

// ANCHOR: tests_gradient_check
proptest! {
    #![proptest_config(config())]

    #[test]
    fn polynomial_derivative_matches_central_differences(
        coefficients in prop::collection::vec(-5.0..5.0f64, 0..6),
        x in -2.0..2.0f64,
    ) {
        // Degree at most 5, |c| <= 5, |x| <= 2: |p'''| <= 6*5 + 24*5*2 + 60*5*4 = 1470
        // and |p| <= 5 * 63 = 315, so with h = 1e-5 the central difference is off by at
        // most 1e-10 * 1470 / 6 + 2.2e-16 * 315 / 1e-5 = 3.2e-8. We allow 1e-6.
        let by_rules = polynomial(&polynomial_derivative(&coefficients), x);
        let by_differences = central_difference(|x| polynomial(&coefficients, x), x, 1e-5);
        assert_close("p'(x)", by_rules, by_differences, 1e-6);
    }

    #[test]
    fn product_rule_matches_central_differences_for_sin_times_exp(x in -3.0..3.0f64) {
        // (sin x e^x)''' = 2 e^x (cos x - sin x), at most 2 sqrt 2 e^3 = 57 here, so
        // h = 1e-5 leaves 1e-10 * 57 / 6 + 2.2e-16 * 21 / 1e-5 = 1.4e-9. We allow 1e-7.
        let by_rule = product_rule(x.sin(), x.cos(), x.exp(), x.exp());
        let by_differences = central_difference(|x| x.sin() * x.exp(), x, 1e-5);
        assert_close("(sin x e^x)'", by_rule, by_differences, 1e-7);
    }

    #[test]
    fn quotient_rule_matches_central_differences_for_sin_over_two_plus_cos(
        x in -3.0..3.0f64,
    ) {
        // g = 2 + cos x >= 1, so f/g and its derivatives are of size at most a few;
        // h = 1e-5 leaves an error near 1e-10. We allow 1e-7.
        let (f, f_prime, g, g_prime) = (x.sin(), x.cos(), 2.0 + x.cos(), -x.sin());
        let by_rule = quotient_rule(f, f_prime, g, g_prime);
        let by_differences = central_difference(|x| x.sin() / (2.0 + x.cos()), x, 1e-5);
        assert_close("(sin x / (2 + cos x))'", by_rule, by_differences, 1e-7);
    }
}
// ANCHOR_END: tests_gradient_check

// ANCHOR: tests_error_order
#[test]
fn error_order_is_two_when_halving_h_quarters_the_error() {
    // ln(4e-3 / 1e-3) / ln(0.1 / 0.05) = ln 4 / ln 2 = 2.
    assert_close("order", error_order(0.1, 4e-3, 0.05, 1e-3), 2.0, 1e-12);
}

#[test]
fn error_order_is_one_when_the_error_shrinks_in_step_with_h() {
    // ln(5e-3 / 5e-4) / ln(1e-2 / 1e-3) = ln 10 / ln 10 = 1.
    assert_close("order", error_order(1e-2, 5e-3, 1e-3, 5e-4), 1.0, 1e-12);
}

#[test]
fn forward_difference_of_exp_at_one_is_first_order() {
    // Taylor: the error is e (h/2 + h^2/6 + ...), so from h = 1e-2 to 1e-3 it
    // shrinks by 10 (1 + 0.0033) / (1 + 0.0003): order 1 + log10(1.003) = 1.0013.
    let error = |h| (forward_difference(f64::exp, 1.0, h) - E).abs();
    let order = error_order(1e-2, error(1e-2), 1e-3, error(1e-3));
    assert_close("forward order", order, 1.0, 0.01);
}

#[test]
fn central_difference_of_exp_at_one_is_second_order() {
    // Taylor: the error is e (h^2/6 + h^4/120 + ...); from h = 1e-2 to 1e-3 the
    // order is 2 + log10(1 + 1e-5 / 20) = 2.000002. Round-off (about 1e-12) is a
    // millionth of the error at h = 1e-3 (4.5e-7), too small to matter.
    let error = |h| (central_difference(f64::exp, 1.0, h) - E).abs();
    let order = error_order(1e-2, error(1e-2), 1e-3, error(1e-3));
    assert_close("central order", order, 2.0, 0.01);
}
// ANCHOR_END: tests_error_order

// ANCHOR: tests_best_step
#[test]
fn best_step_picks_the_smallest_step_when_the_error_only_shrinks() {
    // Error h^2: 0.25 at h = 0.5, 0.01 at h = 0.1, 1 at h = 1. The best is 0.1.
    let best = best_step(|h| 3.0 + h * h, 3.0, &[0.5, 0.1, 1.0]);
    assert_close("best step", best, 0.1, 0.0);
}

#[test]
fn best_step_balances_truncation_against_round_off() {
    // Error h^2 + 1e-4 / h: 0.01 + 0.001 = 0.011 at h = 0.1,
    // 0.0009 + 0.0033 = 0.0042 at h = 0.03, 0.0001 + 0.01 = 0.0101 at h = 0.01.
    let best = best_step(|h| 3.0 + h * h + 1e-4 / h, 3.0, &[0.1, 0.03, 0.01]);
    assert_close("best step", best, 0.03, 0.0);
}

#[test]
fn shrinking_the_step_too_far_makes_the_central_difference_worse() {
    // At h = 1e-5 the error is at most e h^2 / 6 + EPSILON e / h = 1.1e-10. At
    // h = 1e-12, f(1 + h) - f(1 - h) is a multiple of 2^-51 (the gap between f64s
    // near e), so the estimate is a multiple of 2^-51 / 2e-12 = 2.2e-4, and the
    // nearest such multiple to e is 1.2e-5 away: more than 1000 times worse.
    let error = |h| (central_difference(f64::exp, 1.0, h) - E).abs();
    assert!(
        error(1e-12) > 1000.0 * error(1e-5),
        "error at h = 1e-12 is {:.1e}, at h = 1e-5 is {:.1e}",
        error(1e-12),
        error(1e-5)
    );
}

#[test]
fn best_central_step_for_exp_at_one_is_near_the_prediction() {
    // With f = f''' = e the model predicts h* = (3 EPSILON)^(1/3) = 8.7e-6. The
    // measured error near h* is jagged (each rounding differs), so we allow a factor
    // of 10 either way: four quarter-decade grid steps.
    let predicted = predicted_central_step(E, E);
    let steps = quarter_decade_steps();
    let best = best_step(|h| central_difference(f64::exp, 1.0, h), E, &steps);
    assert!(
        (predicted / 10.0..=predicted * 10.0).contains(&best),
        "best step {best:.1e}, predicted {predicted:.1e} from EPSILON = {EPSILON:e}"
    );
}
// ANCHOR_END: tests_best_step
