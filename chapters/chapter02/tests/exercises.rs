//! The checks for the exercises of chapter 2, one module per exercise. Run them all
//! with `cargo test -p chapter02`, or one exercise's with a filter such as
//! `cargo test -p chapter02 exercise_2_4`; each failing test names what it expected
//! and what came back.

use chapter01::check::{assert_agree, assert_close};
use chapter01::exercises::central_difference;
use chapter02::critical::{CriticalKind, himmelblau_critical_points};
use chapter02::exercises::*;
use chapter02::himmelblau::{himmelblau, himmelblau_hessian};
use chapter02::partial::{cubic, cubic_gradient};
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
/// rounds by at most EPSILON / 2 = 1.1e-16 of its result, and these checks round a
/// few times on small numbers, so 1e-15 (1 + |expected|) leaves room to spare.
const ROUNDING: f64 = 1e-15;
// ANCHOR_END: tests_rounding

/// Himmelblau's function as a function of a slice, as the numerical exercises take it.
fn himmelblau_of_slice(p: &[f64]) -> f64 {
    himmelblau([p[0], p[1]])
}

/// A random n × n matrix with entries in [-5, 5] and a random point of n coordinates
/// in [-2, 2], for n from 1 to 4.
fn matrix_and_point() -> impl Strategy<Value = (Vec<Vec<f64>>, Vec<f64>)> {
    (1usize..=4).prop_flat_map(|n| {
        (
            prop::collection::vec(prop::collection::vec(-5.0..5.0f64, n), n),
            prop::collection::vec(-2.0..2.0f64, n),
        )
    })
}

/// The quadratic form x^T A x = sum over i, j of a_ij x_i x_j.
fn quadratic_form(a: &[Vec<f64>], x: &[f64]) -> f64 {
    let mut sum = 0.0;
    for (row, xi) in a.iter().zip(x) {
        for (aij, xj) in row.iter().zip(x) {
            sum += aij * xi * xj;
        }
    }
    sum
}

// ANCHOR: tests_partial_derivative
mod exercise_2_1_partial_derivative {
    use super::*;

    // f(x, y) = x^2 y + y^3 at (2, 1), where by hand ∂f/∂x = 2xy = 4 and
    // ∂f/∂y = x^2 + 3y^2 = 7. The step h = 0.25 and every value are short binary
    // fractions, so a correct answer is exact; ROUNDING leaves room to spare.

    #[test]
    fn along_x_of_x_squared_y_plus_y_cubed_at_two_one_is_four() {
        // y held at 1: f(x, 1) = x^2 + 1, a parabola, whose central difference is
        // exact: (f(2.25, 1) - f(1.75, 1)) / 0.5 = (6.0625 - 4.0625) / 0.5 = 4.
        let got = partial_derivative(cubic, &[2.0, 1.0], 0, 0.25);
        assert_close("∂f/∂x at (2, 1)", got, 4.0, ROUNDING);
    }

    #[test]
    fn along_y_of_x_squared_y_plus_y_cubed_at_two_one_is_seven_plus_h_squared() {
        // x held at 2: f(2, y) = 4y + y^3, whose third derivative is 6, so the central
        // difference is off by h^2 * 6 / 6 = h^2 (Section 1.2): 7 + 0.0625 = 7.0625.
        // Moving x as well would give the rate along (1, 1), 11 and more.
        let got = partial_derivative(cubic, &[2.0, 1.0], 1, 0.25);
        assert_close("∂f/∂y at (2, 1)", got, 7.0625, ROUNDING);
    }

    #[test]
    fn moves_only_coordinate_i_of_three() {
        // f = x0 + 10 x1 + 100 x2 is a line along each axis, so every central
        // difference is exact: the partials are 1, 10 and 100 whatever the point.
        let f = |p: &[f64]| p[0] + 10.0 * p[1] + 100.0 * p[2];
        let x = [1.0, 2.0, 3.0];
        for (i, want) in [1.0, 10.0, 100.0].into_iter().enumerate() {
            let got = partial_derivative(f, &x, i, 0.5);
            // Values up to 321 round by up to 3.6e-14 each; divided by 2h = 1 that is
            // 7.1e-14, below ROUNDING (1 + 100) = 1e-13.
            assert_close(&format!("∂f/∂x{i}"), got, want, ROUNDING);
        }
    }

    #[test]
    fn does_not_depend_on_the_other_coordinates_values_for_a_sum() {
        // f = sin x0 + x1^2: ∂f/∂x0 = cos x0, whatever x1 is. At x0 = 0 the central
        // difference is sin h / h = 1 - h^2 / 6 + ... = 1 - 1.7e-11 at h = 1e-5, and
        // round-off is at most EPSILON * 100 / 1e-5 = 2.2e-9 (|f| <= 100 here).
        // We allow 1e-8 (1 + 1) = 2e-8.
        let f = |p: &[f64]| p[0].sin() + p[1] * p[1];
        for x1 in [-10.0, 0.0, 3.0, 10.0] {
            let got = partial_derivative(f, &[0.0, x1], 0, 1e-5);
            assert_close(&format!("∂f/∂x0 at (0, {x1})"), got, 1.0, 1e-8);
        }
    }
}
// ANCHOR_END: tests_partial_derivative

// ANCHOR: tests_numerical_gradient
mod exercise_2_2_numerical_gradient {
    use super::*;

    /// Asserts that two vectors have the same length and agree entry by entry.
    #[track_caller]
    fn assert_all_close(what: &str, got: &[f64], want: &[f64], tol: f64) {
        assert_eq!(
            got.len(),
            want.len(),
            "{what}: expected {want:?}, got {got:?}"
        );
        for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
            assert_close(&format!("{what}, component {i}"), g, w, tol);
        }
    }

    #[test]
    fn of_x_squared_y_plus_y_cubed_at_two_one_is_four_and_seven_plus_h_squared() {
        // The two partials of Exercise 2.1's tests: 4 exactly, and 7 + h^2 = 7.0625
        // at h = 0.25. Short binary fractions, so exact but for rounding.
        let got = numerical_gradient(cubic, &[2.0, 1.0], 0.25);
        assert_all_close("∇f at (2, 1)", &got, &[4.0, 7.0625], ROUNDING);
    }

    #[test]
    fn has_one_component_per_coordinate() {
        // f = x0 x1 x2 is a line along each axis, so the central differences are
        // exact: (x1 x2, x0 x2, x0 x1) = (6, 3, 2) at (1, 2, 3).
        let f = |p: &[f64]| p[0] * p[1] * p[2];
        let got = numerical_gradient(f, &[1.0, 2.0, 3.0], 0.5);
        assert_all_close(
            "∇(x0 x1 x2) at (1, 2, 3)",
            &got,
            &[6.0, 3.0, 2.0],
            ROUNDING,
        );
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn of_a_quadratic_form_is_a_plus_a_transpose_times_x(
            (a, x) in matrix_and_point(),
        ) {
            // f(x) = x^T A x. Along coordinate i it is a parabola, so its central
            // difference is exact for every step (Section 1.2), and the partial is
            // sum_j (a_ij + a_ji) x_j: each a_ij x_i x_j contributes a_ij x_j and
            // each a_ji x_j x_i contributes a_ji x_j. Since no step is too large we
            // take h = 1/2, which keeps round-off small: |x_j +- h| <= 2.5, so
            // |f| <= 16 * 5 * 2.5^2 = 500, and 16 products and sums round it by at
            // most 32 EPSILON * 500 = 3.6e-12; two values divided by 2h = 1 give
            // 7.1e-12. We allow 1e-10 (1 + |partial|).
            let n = x.len();
            let want: Vec<f64> = (0..n)
                .map(|i| (0..n).map(|j| (a[i][j] + a[j][i]) * x[j]).sum())
                .collect();
            let got = numerical_gradient(|p| quadratic_form(&a, p), &x, 0.5);
            assert_all_close(
                &format!("∇(x^T A x) with A = {a:?} at x = {x:?}"),
                &got,
                &want,
                1e-10,
            );
        }
    }
}
// ANCHOR_END: tests_numerical_gradient

// ANCHOR: tests_himmelblau_gradient
mod exercise_2_3_himmelblau_gradient {
    use super::*;

    // The expected values come from the expanded polynomial of Section 2.2,
    // f = x^4 + y^4 + 2x^2 y + 2x y^2 - 21x^2 - 13y^2 - 14x - 22y + 170, cut along one
    // axis at a time (Section 2.1's slices), so they do not lean on any formula for
    // the gradient.

    #[test]
    fn is_zero_at_the_minimum_three_two() {
        // f(3, 2) = (9 + 2 - 11)^2 + (3 + 4 - 7)^2 = 0, the least value a sum of two
        // squares can take, so f is flat there in every direction. At whole numbers
        // this small every step of a formula is exact, so the answer is 0 exactly.
        let [gx, gy] = himmelblau_gradient([3.0, 2.0]);
        assert_close("∂f/∂x at (3, 2)", gx, 0.0, 0.0);
        assert_close("∂f/∂y at (3, 2)", gy, 0.0, 0.0);
    }

    #[test]
    fn at_the_origin_is_minus_fourteen_minus_twenty_two() {
        // f(x, 0) = x^4 - 21x^2 - 14x + 170 has slope 4x^3 - 42x - 14 = -14 at 0;
        // f(0, y) = y^4 - 13y^2 - 22y + 170 has slope -22 there. Whole numbers: exact
        // but for rounding.
        let [gx, gy] = himmelblau_gradient([0.0, 0.0]);
        assert_close("∂f/∂x at (0, 0)", gx, -14.0, ROUNDING);
        assert_close("∂f/∂y at (0, 0)", gy, -22.0, ROUNDING);
    }

    #[test]
    fn at_the_seed_posts_start_minus_four_zero_is_minus_102_and_10() {
        // f(x, 0) has slope 4x^3 - 42x - 14 = -256 + 168 - 14 = -102 at x = -4.
        // f(-4, y) = 256 + y^4 + 32y - 8y^2 - 336 - 13y^2 + 56 - 22y + 170
        //          = y^4 - 21y^2 + 10y + 146, with slope 10 at y = 0. Whole numbers:
        // exact but for rounding.
        let [gx, gy] = himmelblau_gradient([-4.0, 0.0]);
        assert_close("∂f/∂x at (-4, 0)", gx, -102.0, ROUNDING);
        assert_close("∂f/∂y at (-4, 0)", gy, 10.0, ROUNDING);
    }

    proptest! {
        #![proptest_config(config())]

        // A gradient check against chapter 1's central difference (the reference
        // answer), so it needs only this exercise.
        #[test]
        fn matches_central_differences_on_the_seed_posts_square(
            x in -6.0..6.0f64,
            y in -6.0..6.0f64,
        ) {
            // h = 1e-5 on [-6, 6]^2.
            // Truncation: the third derivative along x is 24x and along y 24y (the
            //   expanded polynomial's x^4 and y^4), at most 144, so
            //   h^2 * 144 / 6 = 2.4e-9.
            // Round-off: the two squared terms' insides are at most 53 and 49 in
            //   size and round by a few EPSILON * 53 = 3e-14, which moves f (at most
            //   5210) by 2 (53 + 49) * 3e-14 + 2 EPSILON * 5210 = 8.4e-12. Two
            //   values divided by 2h = 2e-5: 8.4e-7. Rounding x + h moves f by at
            //   most 814 (the largest partial) * EPSILON * 6 / 2 = 5.4e-13, that is
            //   5.4e-8 after dividing.
            // In all at most 9e-7 in the worst case; we allow 1e-6 (1 + |partial|).
            let [gx, gy] = himmelblau_gradient([x, y]);
            let dx = central_difference(|x| himmelblau([x, y]), x, 1e-5);
            let dy = central_difference(|y| himmelblau([x, y]), y, 1e-5);
            let at = format!("at ({x}, {y})");
            assert_agree(
                &format!("∂f/∂x {at}"), "your himmelblau_gradient", gx,
                "central differences", dx, 1e-6,
            );
            assert_agree(
                &format!("∂f/∂y {at}"), "your himmelblau_gradient", gy,
                "central differences", dy, 1e-6,
            );
        }

        // The same check against your numerical_gradient, so it needs Exercise 2.2.
        #[test]
        fn matches_your_numerical_gradient(x in -6.0..6.0f64, y in -6.0..6.0f64) {
            // The same bound as above, 9e-7; we allow 1e-6 (1 + |partial|).
            let by_hand = himmelblau_gradient([x, y]);
            let by_differences = numerical_gradient(himmelblau_of_slice, &[x, y], 1e-5);
            prop_assert_eq!(
                by_differences.len(), 2,
                "your numerical_gradient at ({}, {}) has {} components", x, y,
                by_differences.len()
            );
            for i in 0..2 {
                assert_agree(
                    &format!("component {i} of ∇f at ({x}, {y})"),
                    "your himmelblau_gradient", by_hand[i],
                    "your numerical_gradient", by_differences[i], 1e-6,
                );
            }
        }
    }
}
// ANCHOR_END: tests_himmelblau_gradient

// ANCHOR: tests_directional_derivative
mod exercise_2_4_directional_derivative {
    use super::*;

    // The gradient of f(x, y) = x^2 y + y^3 at (2, 1) is (4, 7), its length
    // sqrt(65) = 8.06. The directions below have lengths 1, 2, 5, 50 and sqrt(65),
    // each computed within rounding, so ROUNDING suffices.
    const GRADIENT: [f64; 2] = [4.0, 7.0];

    #[test]
    fn along_an_axis_is_that_partial_derivative() {
        // u = (1, 0): 4 * 1 + 7 * 0 = 4. d = (0, 2) is u = (0, 1) after dividing by
        // its length 2: 7.
        let along_x = directional_derivative(&GRADIENT, &[1.0, 0.0]);
        let along_y = directional_derivative(&GRADIENT, &[0.0, 2.0]);
        assert_close("D along (1, 0)", along_x, 4.0, ROUNDING);
        assert_close("D along (0, 2)", along_y, 7.0, ROUNDING);
    }

    #[test]
    fn along_three_four_is_eight_whatever_its_length() {
        // |(3, 4)| = 5: (4 * 3 + 7 * 4) / 5 = 40 / 5 = 8; (30, 40) is the same
        // direction, ten times as long. Without dividing by the length the answers
        // would be 40 and 400.
        let short = directional_derivative(&GRADIENT, &[3.0, 4.0]);
        let long = directional_derivative(&GRADIENT, &[30.0, 40.0]);
        assert_close("D along (3, 4)", short, 8.0, ROUNDING);
        assert_close("D along (30, 40)", long, 8.0, ROUNDING);
    }

    #[test]
    fn along_the_gradient_is_its_length_and_against_it_minus_that() {
        // (4 * 4 + 7 * 7) / sqrt(65) = 65 / sqrt(65) = sqrt(65): steepest ascent.
        // The opposite direction gives -sqrt(65): steepest descent.
        let up = directional_derivative(&GRADIENT, &GRADIENT);
        let down = directional_derivative(&GRADIENT, &[-4.0, -7.0]);
        assert_close("D along ∇f", up, 65f64.sqrt(), ROUNDING);
        assert_close("D along -∇f", down, -(65f64.sqrt()), ROUNDING);
    }

    #[test]
    fn along_the_level_set_is_zero() {
        // (7, -4) is perpendicular to (4, 7): 4 * 7 + 7 * (-4) = 0, exactly.
        let got = directional_derivative(&GRADIENT, &[7.0, -4.0]);
        assert_close("D along (7, -4)", got, 0.0, 0.0);
    }

    #[test]
    #[should_panic(expected = "zero")]
    fn panics_on_the_zero_direction_saying_so() {
        // (0, 0) has no length to divide by and points nowhere: the message must say
        // that the direction is zero.
        directional_derivative(&GRADIENT, &[0.0, 0.0]);
    }

    #[test]
    #[should_panic(expected = "length")]
    fn panics_on_a_direction_of_another_length_saying_so() {
        // A gradient of two components and a direction of three: zipping them would
        // silently drop the third, 4 * 3 + 7 * 4 = 40 over |(3, 4, 12)| = 13, a
        // plausible-looking 3.08. The message must name the "lengths".
        directional_derivative(&GRADIENT, &[3.0, 4.0, 12.0]);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn is_largest_along_the_gradient(
            gradient in prop::collection::vec(-10.0..10.0f64, 3),
            direction in prop::collection::vec(-10.0..10.0f64, 3),
        ) {
            // Cauchy–Schwarz: ∇f · u <= |∇f| |u| = |∇f| for every unit u, with
            // equality along ∇f. Each side rounds a handful of times on numbers at
            // most |∇f| <= 17.4 in size: a few EPSILON * 17.4, below
            // 1e-14 (1 + |∇f|).
            let length = gradient.iter().map(|g| g * g).sum::<f64>().sqrt();
            let size = direction.iter().map(|d| d * d).sum::<f64>().sqrt();
            prop_assume!(length > 1e-3 && size > 1e-3);
            let best = directional_derivative(&gradient, &gradient);
            assert_close(&format!("D along ∇f = {gradient:?}"), best, length, 1e-14);
            let other = directional_derivative(&gradient, &direction);
            let allowed = 1e-14 * (1.0 + length);
            prop_assert!(
                other <= best + allowed,
                "along {direction:?} the rate is {other}, more than {best} along the \
                 gradient {gradient:?} (allowed {allowed:.1e})"
            );
        }

        // This one uses the worked gradient of x^2 y + y^3, not your exercises.
        #[test]
        fn is_the_slope_of_the_slice_along_the_direction(
            x in -2.0..2.0f64,
            y in -2.0..2.0f64,
            angle in 0.0..std::f64::consts::TAU,
            size in 0.5..3.0f64,
        ) {
            // The slice s(t) = f(p + t u), u = d / |d|, has slope D_u f at t = 0.
            // Its third derivative is 3 f_xxy u0^2 u1 + f_yyy u1^3 = 6 u0^2 u1 +
            // 6 u1^3 = 6 u1, at most 6, so with h = 1e-5 truncation is
            // h^2 * 6 / 6 = 1e-10. |f| <= 16 near [-2, 2]^2, so round-off is about
            // 4 EPSILON * 16 / 2e-5 = 7e-10. We allow 1e-8 (1 + |slope|).
            let d = [size * angle.cos(), size * angle.sin()];
            let (u0, u1) = (angle.cos(), angle.sin());
            let slice = |t: f64| cubic(&[x + t * u0, y + t * u1]);
            let slope = central_difference(slice, 0.0, 1e-5);
            let got = directional_derivative(&cubic_gradient(&[x, y]), &d);
            assert_agree(
                &format!("rate at ({x}, {y}) along {d:?}"),
                "your directional_derivative", got,
                "the slice's central difference", slope, 1e-8,
            );
        }
    }
}
// ANCHOR_END: tests_directional_derivative

// ANCHOR: tests_numerical_hessian
mod exercise_2_5_numerical_hessian {
    use super::*;

    /// Asserts that a Hessian is n × n and agrees entry by entry with `want`.
    #[track_caller]
    fn assert_matrix_close(
        what: &str,
        got: &[Vec<f64>],
        want: &[Vec<f64>],
        tol: f64,
    ) {
        assert!(
            got.len() == want.len() && got.iter().all(|row| row.len() == want.len()),
            "{what}: expected a {n} × {n} matrix {want:?}, got {got:?}",
            n = want.len()
        );
        for i in 0..want.len() {
            for j in 0..want.len() {
                assert_close(
                    &format!("{what}[{i}][{j}]"),
                    got[i][j],
                    want[i][j],
                    tol,
                );
            }
        }
    }

    #[test]
    fn of_himmelblau_at_three_two_is_74_20_20_34() {
        // By hand (Section 2.4): f_xx = 12x^2 + 4y - 42 = 74, f_xy = 4x + 4y = 20,
        // f_yy = 12y^2 + 4x - 26 = 34. With h = 1e-4 the truncation error is at most
        // (2h)^2 * 24 / 12 = 8e-8 on the diagonal (24 is the fourth derivative along
        // each axis) and 0 off it (the mixed fourth derivatives are 0). Near (3, 2)
        // f is below 1e-5, so round-off is negligible. We allow 1e-6 (1 + |entry|).
        let got = numerical_hessian(himmelblau_of_slice, &[3.0, 2.0], 1e-4);
        let want = [vec![74.0, 20.0], vec![20.0, 34.0]];
        assert_matrix_close("H at (3, 2)", &got, &want, 1e-6);
    }

    #[test]
    fn of_x_to_the_fourth_plus_or_minus_y_to_the_fourth_at_the_origin_is_zero() {
        // All second derivatives of x^4 +- y^4 vanish at 0 (12x^2, 0, +-12y^2). With
        // h = 1e-3 a central second difference sees the fourth derivative, 24: at
        // most (2h)^2 * 24 / 12 = 8e-6 off. We allow 1e-5 (1 + 0).
        let zero = [vec![0.0, 0.0], vec![0.0, 0.0]];
        let plus =
            numerical_hessian(|p| p[0].powi(4) + p[1].powi(4), &[0.0, 0.0], 1e-3);
        let minus =
            numerical_hessian(|p| p[0].powi(4) - p[1].powi(4), &[0.0, 0.0], 1e-3);
        assert_matrix_close("H of x^4 + y^4 at 0", &plus, &zero, 1e-5);
        assert_matrix_close("H of x^4 - y^4 at 0", &minus, &zero, 1e-5);
    }

    #[test]
    fn is_exactly_symmetric() {
        // The two mixed derivatives ∂²f/∂x_i∂x_j and ∂²f/∂x_j∂x_i are equal, and the
        // answer must say so exactly, not merely within rounding: tolerance 0. At
        // these points, with this step, the values of f around x differ enough in
        // size that the two estimates of a mixed derivative, the same four values
        // combined in two orders, differ in their last bits: we tried the nested
        // central differences and the four-point formula, each unsymmetrised, and
        // both come out asymmetric here. (With h = 1e-4 they often agree by luck.)
        let f = |p: &[f64]| p[0].sin() * p[1].exp() + (p[0] * p[2]).cos() * p[1];
        for x in [[-0.7, -1.5, 2.0], [0.3, -1.5, 2.0]] {
            let got = numerical_hessian(f, &x, 0.25);
            assert!(
                got.len() == 3 && got.iter().all(|row| row.len() == 3),
                "at {x:?}: expected a 3 × 3 matrix, got {got:?}"
            );
            for (i, row) in got.iter().enumerate() {
                for (j, &entry) in row.iter().enumerate().take(i) {
                    assert_close(
                        &format!(
                            "at {x:?}, H[{i}][{j}] against H[{j}][{i}] (they must \
                             be the same number)"
                        ),
                        entry,
                        got[j][i],
                        0.0,
                    );
                }
            }
        }
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn of_a_quadratic_form_is_a_plus_a_transpose(
            (a, x) in matrix_and_point(),
        ) {
            // x^T A x has the constant Hessian A + A^T (differentiate the gradient
            // (A + A^T) x once more). Second differences of a quadratic are exact for
            // every step, so h = 1 keeps round-off smallest: |x_j +- 2h| <= 4, so
            // |f| <= 16 * 5 * 16 = 1280, rounded by at most 32 EPSILON * 1280 =
            // 9.1e-12 per value; a few values divided by (2h)^2 = 4 or less leave
            // below 1e-10. We allow 1e-9 (1 + |entry|).
            let n = x.len();
            let want: Vec<Vec<f64>> = (0..n)
                .map(|i| (0..n).map(|j| a[i][j] + a[j][i]).collect())
                .collect();
            let got = numerical_hessian(|p| quadratic_form(&a, p), &x, 1.0);
            assert_matrix_close(
                &format!("H of x^T A x with A = {a:?} at x = {x:?}"),
                &got,
                &want,
                1e-9,
            );
        }

        // This one compares with the worked himmelblau_hessian, not your exercises.
        #[test]
        fn of_himmelblau_matches_the_hessian_by_hand(
            x in -6.0..6.0f64,
            y in -6.0..6.0f64,
        ) {
            // h = 1e-3. Truncation: at most (2h)^2 * 24 / 12 = 8e-6. Round-off: each
            // value is off by at most 8.4e-12 (Exercise 2.3's bound); a second
            // difference of four of them divided by 4h^2 = 4e-6 is off by at most
            // 8.4e-6. In all 1.7e-5 at worst; we allow 1e-4 (1 + |entry|).
            let [[a, b], [c, d]] = himmelblau_hessian([x, y]);
            let want = [vec![a, b], vec![c, d]];
            let got = numerical_hessian(himmelblau_of_slice, &[x, y], 1e-3);
            assert_matrix_close(&format!("H at ({x}, {y})"), &got, &want, 1e-4);
        }
    }
}
// ANCHOR_END: tests_numerical_hessian

// ANCHOR: tests_symmetric_eigenvalues
mod exercise_2_6_symmetric_eigenvalues {
    use super::*;

    #[test]
    fn of_a_diagonal_matrix_are_its_diagonal_smaller_first() {
        // [[3, 0], [0, -1]] stretches (1, 0) by 3 and (0, 1) by -1: those are its
        // eigenvalues, and -1 comes first.
        let [low, high] = symmetric_eigenvalues([[3.0, 0.0], [0.0, -1.0]]);
        assert_close("smaller eigenvalue", low, -1.0, ROUNDING);
        assert_close("larger eigenvalue", high, 3.0, ROUNDING);
    }

    #[test]
    fn of_two_one_one_two_are_one_and_three() {
        // Section 2.4's example: [[2, 1], [1, 2]] (1, -1) = (1, -1) and
        // [[2, 1], [1, 2]] (1, 1) = (3, 3), so the eigenvalues are 1 and 3.
        let [low, high] = symmetric_eigenvalues([[2.0, 1.0], [1.0, 2.0]]);
        assert_close("smaller eigenvalue", low, 1.0, ROUNDING);
        assert_close("larger eigenvalue", high, 3.0, ROUNDING);
    }

    #[test]
    fn of_himmelblaus_hessian_at_three_two_are_54_minus_and_plus_20_root_2() {
        // [[74, 20], [20, 34]], worked out in Section 2.4: 54 -+ 20 sqrt 2. Check by
        // the sum and the product: 108 = 74 + 34, the trace, and
        // 54^2 - 800 = 2116 = 74 * 34 - 20^2, the determinant.
        let [low, high] = symmetric_eigenvalues([[74.0, 20.0], [20.0, 34.0]]);
        let r = 20.0 * 2f64.sqrt();
        assert_close("smaller eigenvalue", low, 54.0 - r, ROUNDING);
        assert_close("larger eigenvalue", high, 54.0 + r, ROUNDING);
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn add_up_to_the_trace_and_multiply_to_the_determinant(
            alpha in -10.0..10.0f64,
            beta in -10.0..10.0f64,
            gamma in -10.0..10.0f64,
        ) {
            // The eigenvalues of [[α, β], [β, γ]] are the roots of
            // λ^2 - (α + γ) λ + (αγ - β^2), so they sum to α + γ and multiply to
            // αγ - β^2. Each eigenvalue is at most 10 + 14.2 = 24.2 in size and off by
            // a few EPSILON * 24.2 = 2.1e-14; the product is then off by at most
            // 2 * 24.2 * 2.1e-14 = 1e-12. We allow 1e-12 (1 + |sum|) and
            // 1e-11 (1 + |product|).
            let m = [[alpha, beta], [beta, gamma]];
            let [low, high] = symmetric_eigenvalues(m);
            prop_assert!(low <= high, "of {m:?}: {low} is listed before {high}");
            let (trace, det) = (alpha + gamma, alpha * gamma - beta * beta);
            assert_close(&format!("λ1 + λ2 of {m:?}"), low + high, trace, 1e-12);
            assert_close(&format!("λ1 λ2 of {m:?}"), low * high, det, 1e-11);
        }
    }
}
// ANCHOR_END: tests_symmetric_eigenvalues

// ANCHOR: tests_classify_critical_point
mod exercise_2_7_classify_critical_point {
    use super::*;

    #[test]
    fn himmelblaus_hessian_at_three_two_is_a_minimum() {
        // Eigenvalues 54 -+ 20 sqrt 2 (Exercise 2.6's test), both positive.
        let got = classify_critical_point([[74.0, 20.0], [20.0, 34.0]]);
        assert_eq!(got, CriticalKind::Minimum);
    }

    #[test]
    fn a_hessian_with_two_negative_eigenvalues_is_a_maximum() {
        // [[-2, 1], [1, -3]]: the product of the eigenvalues is the determinant,
        // 6 - 1 = 5 > 0, so they have the same sign; their sum is the trace, -5, so
        // that sign is minus.
        let got = classify_critical_point([[-2.0, 1.0], [1.0, -3.0]]);
        assert_eq!(got, CriticalKind::Maximum);
    }

    #[test]
    fn a_positive_diagonal_can_still_be_a_saddle() {
        // [[1, 2], [2, 1]]: determinant 1 - 4 = -3 < 0, so the eigenvalues (-1 and 3,
        // Section 2.4) have opposite signs. Along (1, -1) the function
        // x^2/2 + 2xy + y^2/2 curves down: the diagonal's signs alone would wrongly
        // say minimum.
        let got = classify_critical_point([[1.0, 2.0], [2.0, 1.0]]);
        assert_eq!(got, CriticalKind::Saddle);
    }

    #[test]
    fn x_to_the_fourth_plus_or_minus_y_to_the_fourth_at_the_origin_is_undecided() {
        // Both have the zero Hessian at 0, yet x^4 + y^4 has a minimum there and
        // x^4 - y^4 a saddle: second derivatives cannot tell them apart.
        let got = classify_critical_point([[0.0, 0.0], [0.0, 0.0]]);
        assert_eq!(got, CriticalKind::Undecided);
    }

    #[test]
    fn a_valley_with_a_flat_floor_is_undecided() {
        // (x + y)^2 has Hessian [[2, 2], [2, 2]]: determinant 4 - 4 = 0, so one
        // eigenvalue is 0 (along the floor x + y = 0) and the other is the trace, 4.
        // [[2, 2], [2, 2]] (1, -1) = (0, 0) exactly.
        let got = classify_critical_point([[2.0, 2.0], [2.0, 2.0]]);
        assert_eq!(got, CriticalKind::Undecided);
    }

    #[test]
    fn an_eigenvalue_within_the_tolerance_counts_as_zero() {
        // EIGENVALUE_TOLERANCE is 1e-8. diag(1, 1e-12): 1e-12 <= 1e-8 (1 + 1), zero.
        // diag(1e6, 1e-3): 1e-3 <= 1e-8 (1 + 1e6) = 0.01, zero beside the other.
        // diag(1, 1e-6): 1e-6 > 2e-8, a (shallow) minimum.
        let tiny = classify_critical_point([[1.0, 0.0], [0.0, 1e-12]]);
        let beside = classify_critical_point([[1e6, 0.0], [0.0, 1e-3]]);
        let shallow = classify_critical_point([[1.0, 0.0], [0.0, 1e-6]]);
        assert_eq!(tiny, CriticalKind::Undecided, "diag(1, 1e-12)");
        assert_eq!(beside, CriticalKind::Undecided, "diag(1e6, 1e-3)");
        assert_eq!(shallow, CriticalKind::Minimum, "diag(1, 1e-6)");
    }

    #[test]
    fn a_tiny_eigenvalue_beside_a_large_negative_one_counts_as_zero() {
        // "Larger" means larger in size, max(|λ1|, |λ2|), whatever its sign. For
        // diag(-1e6, -1e-3) and diag(-1e6, 1e-3) that is 1e6, and
        // 1e-3 <= 1e-8 (1 + 1e6) = 0.01: zero beside the other, so both are
        // undecided. (Measured against the size of the larger by value, |λ2| = 1e-3
        // in both, they would come out a maximum and a saddle.)
        let both_negative = classify_critical_point([[-1e6, 0.0], [0.0, -1e-3]]);
        let mixed = classify_critical_point([[-1e6, 0.0], [0.0, 1e-3]]);
        assert_eq!(both_negative, CriticalKind::Undecided, "diag(-1e6, -1e-3)");
        assert_eq!(mixed, CriticalKind::Undecided, "diag(-1e6, 1e-3)");
    }

    #[test]
    fn a_tiny_negative_eigenvalue_beside_a_large_one_counts_as_zero() {
        // diag(1e6, -1e-3): |-1e-3| <= 1e-8 (1 + 1e6) = 0.01, zero; not a saddle.
        let got = classify_critical_point([[1e6, 0.0], [0.0, -1e-3]]);
        assert_eq!(got, CriticalKind::Undecided, "diag(1e6, -1e-3)");
    }

    // This one runs Newton's method with your himmelblau_gradient (Exercise 2.3) and
    // classifies with your answer, so it needs Exercises 2.3, 2.6 and 2.7.
    #[test]
    fn finds_four_minima_one_maximum_and_four_saddles_in_himmelblau() {
        // Section 2.4: two cubic equations have at most 3 * 3 = 9 common solutions,
        // and Himmelblau's gradient has nine zeros: four minima (f = 0), the maximum
        // near (-0.27, -0.92) and four saddle points.
        let points = himmelblau_critical_points();
        let count = |kind| points.iter().filter(|p| p.kind == kind).count();
        let counts = [
            count(CriticalKind::Minimum),
            count(CriticalKind::Maximum),
            count(CriticalKind::Saddle),
            count(CriticalKind::Undecided),
        ];
        assert_eq!(counts, [4, 1, 4, 0], "minima, maxima, saddles, undecided");
    }
}
// ANCHOR_END: tests_classify_critical_point
