//! The numbers the book quotes about Himmelblau's critical points and its gradient
//! check, each checked by a method independent of the one that found it. They need
//! the reference answers, so they run with `cargo test -p chapter02 --features
//! solutions` (and `cargo test --workspace`); in the learner's build this file is
//! empty.
#![cfg(feature = "solutions")]

use chapter01::check::{assert_agree, assert_close};
use chapter01::exercises::central_difference;
use chapter01::round_off::central_error_model;
use chapter02::critical::{CriticalKind, grid_starts, himmelblau_search};
use chapter02::exercises::{
    classify_critical_point, numerical_gradient, numerical_hessian,
    symmetric_eigenvalues,
};
use chapter02::himmelblau::{himmelblau, himmelblau_hessian};

fn himmelblau_of_slice(p: &[f64]) -> f64 {
    himmelblau([p[0], p[1]])
}

/// The point the search found nearest `at`.
fn found_near(at: [f64; 2]) -> [f64; 2] {
    himmelblau_search()
        .into_iter()
        .map(|f| f.point.at)
        .min_by(|a, b| {
            let d = |p: &[f64; 2]| (p[0] - at[0]).hypot(p[1] - at[1]);
            d(a).total_cmp(&d(b))
        })
        .expect("the search finds points")
}

#[test]
fn every_start_converges_and_the_points_come_sorted() {
    // 625 starts; minima, then the maximum, then saddles, each kind by x.
    let found = himmelblau_search();
    let converged: usize = found.iter().map(|f| f.starts).sum();
    assert_eq!(converged, grid_starts().len());
    let kinds: Vec<CriticalKind> = found.iter().map(|f| f.point.kind).collect();
    use CriticalKind::*;
    let want = [
        Minimum, Minimum, Minimum, Minimum, Maximum, Saddle, Saddle, Saddle, Saddle,
    ];
    assert_eq!(kinds, want);
    for pair in found.windows(2) {
        if pair[0].point.kind == pair[1].point.kind {
            assert!(pair[0].point.at[0] < pair[1].point.at[0], "{pair:?}");
        }
    }
}

#[test]
fn three_two_is_found_exactly() {
    // By hand: both squares vanish at (3, 2), and Newton's steps land on it to the
    // last bit.
    let [x, y] = found_near([3.0, 2.0]);
    assert_close("x", x, 3.0, 0.0);
    assert_close("y", y, 2.0, 0.0);
}

#[test]
fn the_other_minima_and_the_maximum_are_where_published_tables_put_them() {
    // The tables of Himmelblau's function (for instance Wikipedia's) give the other
    // three minima and the maximum to six decimals, the maximum's value 181.617:
    // each coordinate must agree to within half a unit in the sixth decimal, and a
    // little for the table's own rounding: 1e-6.
    let table = [
        [-2.805118, 3.131312],
        [-3.779310, -3.283186],
        [3.584428, -1.848126],
        [-0.270845, -0.923039],
    ];
    for at in table {
        let [x, y] = found_near(at);
        assert_close(&format!("x near {at:?}"), x, at[0], 1e-6);
        assert_close(&format!("y near {at:?}"), y, at[1], 1e-6);
    }
    let peak = himmelblau(found_near([-0.270845, -0.923039]));
    assert_close("f at the maximum", (peak * 1e3).round() / 1e3, 181.617, 0.0);
}

#[test]
fn every_point_has_zero_gradient_by_chapter_one_central_differences() {
    // h = 1e-5. Truncation: h^2 * 24 |x| / 6 <= 1e-10 * 4 * 3.8 = 1.5e-9 (|x|, |y|
    // <= 3.8 at every point). Round-off: EPSILON * 182 / 1e-5 = 4e-9 per rounding of
    // f. We allow 2e-8 (1 + 0).
    for f in himmelblau_search() {
        let [x, y] = f.point.at;
        let dx = central_difference(|x| himmelblau([x, y]), x, 1e-5);
        let dy = central_difference(|y| himmelblau([x, y]), y, 1e-5);
        assert_close(&format!("∂f/∂x at {:?}", f.point.at), dx, 0.0, 2e-8);
        assert_close(&format!("∂f/∂y at {:?}", f.point.at), dy, 0.0, 2e-8);
    }
}

#[test]
fn every_eigenvalue_and_kind_agrees_with_the_numerical_hessian() {
    // h = 1e-4: truncation (2h)^2 * 24 / 12 = 8e-8; round-off about
    // 4 EPSILON * 182 / (4h^2) = 4e-6 near the maximum. We allow 1e-5 (1 + |λ|).
    for f in himmelblau_search() {
        let numerical = numerical_hessian(himmelblau_of_slice, &f.point.at, 1e-4);
        let numerical = [
            [numerical[0][0], numerical[0][1]],
            [numerical[1][0], numerical[1][1]],
        ];
        let by_hand = symmetric_eigenvalues(himmelblau_hessian(f.point.at));
        let by_differences = symmetric_eigenvalues(numerical);
        for i in 0..2 {
            assert_agree(
                &format!("eigenvalue {i} at {:?}", f.point.at),
                "the Hessian by hand",
                by_hand[i],
                "the numerical Hessian",
                by_differences[i],
                1e-5,
            );
        }
        assert_eq!(classify_critical_point(numerical), f.point.kind);
    }
}

/// A number rounded to two significant digits, as the book prints it.
fn two_digits(v: f64) -> f64 {
    format!("{v:.1e}").parse().expect("a number")
}

#[test]
fn chapter_one_model_gives_ten_digits_for_a_function_of_size_one() {
    // Section 2.1: h^2 |f'''| / 6 + EPSILON |f| / h at h = 1e-5 with |f| = |f'''| = 1
    // is 1.67e-11 + 2.22e-11 = 3.9e-11: ten correct digits after the point.
    let truncation = central_error_model(1e-5, 0.0, 1.0);
    let round_off = central_error_model(1e-5, 1.0, 0.0);
    assert_close("truncation", two_digits(truncation), 1.7e-11, 0.0);
    assert_close("round-off", two_digits(round_off), 2.2e-11, 0.0);
    assert_close(
        "model error",
        two_digits(truncation + round_off),
        3.9e-11,
        0.0,
    );
    // Section 2.2's ceiling at (-4, 0), 4.8e-9 (the next test), is more than a
    // hundred times higher.
    let ceiling =
        central_error_model(1e-5, 0.0, 96.0) + central_error_model(1e-5, 146.0, 0.0);
    let ratio = ceiling / (truncation + round_off);
    assert!(ratio > 100.0, "the ceiling is only {ratio:.0} times higher");
}

#[test]
fn every_difference_of_the_gradient_check_is_below_chapter_one_ceiling() {
    // The gradient check of Section 2.2 at its five points. The third derivative
    // of f along x is 24x and along y 24y (from the expanded polynomial's x^4 and
    // y^4); the values of f within a step of a point differ from f there by at
    // most |∇f| h = 102 * 1e-5 = 1e-3, too little to move a ceiling. Each
    // component's difference must be at most chapter 1's central_error_model, and
    // all are below 2e-9. At (3, 2) the difference is the truncation itself (the
    // test below), which the rounding of x + h, left out of the model, moves by
    // about 1e-5 of itself: we allow 1% over the ceiling.
    let h = 1e-5;
    let points = [[0.0, 0.0], [1.0, 1.0], [-4.0, 0.0], [3.0, 2.0], [-1.5, 2.5]];
    for p in points {
        let by_hand = chapter02::exercises::himmelblau_gradient(p);
        let by_differences = numerical_gradient(himmelblau_of_slice, &p, h);
        for i in 0..2 {
            let difference = (by_hand[i] - by_differences[i]).abs();
            let ceiling = central_error_model(h, himmelblau(p), 24.0 * p[i]);
            assert!(
                difference <= 1.01 * ceiling && difference < 2e-9,
                "component {i} at {p:?}: difference {difference:.1e}, chapter 1's \
                 ceiling {ceiling:.1e}, and the book says below 2e-9"
            );
        }
    }
    // At (-4, 0), along x: 1e-10 * 96 / 6 = 1.6e-9 and EPSILON * 146 / 1e-5 =
    // 3.2e-9, 4.8e-9 in all.
    let truncation = central_error_model(h, 0.0, 96.0);
    let round_off = central_error_model(h, 146.0, 0.0);
    assert_close("truncation", two_digits(truncation), 1.6e-9, 0.0);
    assert_close("round-off", two_digits(round_off), 3.2e-9, 0.0);
    assert_close("ceiling", two_digits(truncation + round_off), 4.8e-9, 0.0);
}

#[test]
fn the_gradient_check_at_three_two_is_off_by_truncation_alone() {
    // At (3, 2) f is 0 and its values within h are about 1e-9, so round-off is
    // negligible, and the difference is the truncation of Section 1.2:
    // h^2 * f_xxx / 6 = 1e-10 * 72 / 6 = 1.2e-9 in x, 1e-10 * 48 / 6 = 8e-10 in y
    // (f_xxx = 24x, f_yyy = 24y; the fifth derivatives are 0). Within 1%.
    let g = numerical_gradient(himmelblau_of_slice, &[3.0, 2.0], 1e-5);
    assert_close("x difference", g[0], 1.2e-9, 0.01 * 1.2e-9);
    assert_close("y difference", g[1], 8e-10, 0.01 * 8e-10);
}

#[test]
fn the_gradient_check_at_the_origin_is_off_by_round_off_alone() {
    // At (0, 0) the third derivatives 24x and 24y vanish (and the fifth too), so
    // there is no truncation, and the difference is round-off, below its bound
    // EPSILON |f| / h = 2.2e-16 * 170 / 1e-5 = 3.8e-9.
    let g = numerical_gradient(himmelblau_of_slice, &[0.0, 0.0], 1e-5);
    let bound = f64::EPSILON * 170.0 / 1e-5;
    assert_close(
        "round-off bound",
        (bound * 1e10).round() / 1e10,
        3.8e-9,
        0.0,
    );
    let worst = (g[0] + 14.0).abs().max((g[1] + 22.0).abs());
    assert!(
        worst > 0.0 && worst <= bound,
        "difference {worst:.1e}, bound {bound:.1e}"
    );
}

#[test]
fn at_the_maximum_the_gradient_check_is_zero_by_rounding() {
    // f ≈ 181.6 lies in [128, 256), where f64s are 2^(7 - 52) = 2.8e-14 apart. The
    // exact values of f a step h = 1e-5 either side differ by 2h * h^2 |f'''| / 6,
    // f_xxx = 24x and f_yyy = 24y: 2.2e-15 along x and 7.4e-15 along y, below the
    // spacing, and here both pairs round to the same number.
    let at = found_near([-0.270845, -0.923039]);
    let spacing = 2f64.powi(7 - 52);
    assert_close("spacing", (spacing * 1e15).round() / 10.0, 2.8, 0.0);
    let h: f64 = 1e-5;
    let along = |third: f64| 2.0 * h * h * h * third.abs() / 6.0;
    let (dx, dy) = (along(24.0 * at[0]), along(24.0 * at[1]));
    assert_close("x difference", (dx * 1e16).round() / 10.0, 2.2, 0.0);
    assert_close("y difference", (dy * 1e16).round() / 10.0, 7.4, 0.0);
    let g = numerical_gradient(himmelblau_of_slice, &at, h);
    assert_eq!(g, vec![0.0, 0.0]);
}
