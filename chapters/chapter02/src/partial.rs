//! The chapter's first worked example, f(x, y) = x^2 y + y^3, and its gradient by
//! hand.

// ANCHOR: cubic
/// The worked example f(x, y) = x^2 y + y^3 at p = [x, y].
pub fn cubic(p: &[f64]) -> f64 {
    let (x, y) = (p[0], p[1]);
    x * x * y + y * y * y
}
// ANCHOR_END: cubic

// ANCHOR: cubic_gradient
/// The gradient of `cubic` by hand, each partial derivative taken with the other
/// variable held fixed: ∂f/∂x = 2xy (y is a constant factor) and ∂f/∂y = x^2 + 3y^2
/// (x^2 is a constant factor).
pub fn cubic_gradient(p: &[f64]) -> [f64; 2] {
    let (x, y) = (p[0], p[1]);
    [2.0 * x * y, x * x + 3.0 * y * y]
}
// ANCHOR_END: cubic_gradient

#[cfg(test)]
mod tests {
    use super::*;
    use chapter01::check::{assert_agree, assert_close};
    use chapter01::exercises::central_difference;

    /// Whole numbers and short binary fractions: exact in f64 but for a rounding or
    /// two, so 1e-15 (1 + |expected|).
    const ROUNDING: f64 = 1e-15;

    #[test]
    fn at_two_one_the_value_is_five_and_the_gradient_four_seven() {
        // f = 4 * 1 + 1 = 5; 2xy = 4; x^2 + 3y^2 = 4 + 3 = 7.
        assert_close("f(2, 1)", cubic(&[2.0, 1.0]), 5.0, ROUNDING);
        let [gx, gy] = cubic_gradient(&[2.0, 1.0]);
        assert_close("∂f/∂x at (2, 1)", gx, 4.0, ROUNDING);
        assert_close("∂f/∂y at (2, 1)", gy, 7.0, ROUNDING);
    }

    #[test]
    fn slices_through_two_one_give_the_partials_by_central_differences() {
        // f(x, 1) = x^2 + 1 is a parabola: its central difference is exact, 4.
        // f(2, y) = 4y + y^3 has third derivative 6: the difference is off by
        // h^2 * 6 / 6 = h^2 = 0.0625 at h = 0.25, so 7.0625. Short binary fractions.
        let along_x = central_difference(|x| cubic(&[x, 1.0]), 2.0, 0.25);
        let along_y = central_difference(|y| cubic(&[2.0, y]), 1.0, 0.25);
        assert_close("difference along x", along_x, 4.0, ROUNDING);
        assert_close("difference along y", along_y, 7.0625, ROUNDING);
    }

    #[test]
    fn the_rate_along_three_four_over_five_is_eight() {
        // u = (0.6, 0.8): 4 * 0.6 + 7 * 0.8 = 2.4 + 5.6 = 8. Along the slice
        // g(t) = f(2 + 0.6t, 1 + 0.8t), a cubic in t whose t^3 coefficient is
        // 0.36 * 0.8 + 0.8^3 = 0.8, the central difference with h = 0.01 is off by
        // 0.8 h^2 = 8e-5: 8.00008. Round-off: ε * 5 / 0.02 = 5.6e-14; allow 1e-12.
        let [gx, gy] = cubic_gradient(&[2.0, 1.0]);
        assert_close("∇f · u", gx * 0.6 + gy * 0.8, 8.0, ROUNDING);
        let slice = |t: f64| cubic(&[2.0 + 0.6 * t, 1.0 + 0.8 * t]);
        // g(0.01) = f(2.006, 1.008) = 4.024036 * 1.008 + 1.024192512 = 5.0804208;
        // g(-0.01) = f(1.994, 0.992) = 3.976036 * 0.992 + 0.976191488 = 4.9204192.
        assert_close("g(0.01)", slice(0.01), 5.0804208, ROUNDING);
        assert_close("g(-0.01)", slice(-0.01), 4.9204192, ROUNDING);
        let measured = central_difference(slice, 0.0, 0.01);
        assert_close("difference along u", measured, 8.00008, 1e-12);
    }

    #[test]
    fn the_gradient_is_longer_than_any_other_rate() {
        // |∇f| = sqrt(16 + 49) = sqrt(65) = 8.0623 > 8; along the level set's
        // direction (7, -4) / sqrt(65) the rate is (28 - 28) / sqrt(65) = 0.
        let [gx, gy] = cubic_gradient(&[2.0, 1.0]);
        let length = gx.hypot(gy);
        assert_close("|∇f|", length, 65f64.sqrt(), ROUNDING);
        assert_close(
            "|∇f| to 4 places",
            (length * 1e4).round() / 1e4,
            8.0623,
            0.0,
        );
        assert_close("∇f · (7, -4)", gx * 7.0 - gy * 4.0, 0.0, ROUNDING);
    }

    #[test]
    fn the_tangent_plane_predicts_a_small_step_to_two_decimals() {
        // f(2.01, 1.02) ≈ 5 + 4 * 0.01 + 7 * 0.02 = 5.18; exactly
        // 4.0401 * 1.02 + 1.061208 = 4.120902 + 1.061208 = 5.18211. They differ by
        // 0.00211: the same to two decimals, not to three (5.180 against 5.182).
        // Each value is within a rounding or two (f64s near 5 are 8.9e-16 apart) of
        // its decimal, so the difference is within a few 1e-15: allow 1e-14.
        let [gx, gy] = cubic_gradient(&[2.0, 1.0]);
        let predicted = cubic(&[2.0, 1.0]) + gx * 0.01 + gy * 0.02;
        let actual = cubic(&[2.01, 1.02]);
        assert_close("tangent plane", predicted, 5.18, ROUNDING);
        assert_close("f(2.01, 1.02)", actual, 5.18211, ROUNDING);
        assert_close("the difference", actual - predicted, 0.00211, 1e-14);
        let round = |v: f64, places: i32| (v * 10f64.powi(places)).round();
        assert_eq!(round(predicted, 2), round(actual, 2), "to two decimals");
        assert_ne!(round(predicted, 3), round(actual, 3), "to three decimals");
    }

    #[test]
    fn three_four_over_five_is_seven_degrees_off_the_gradient() {
        // cos θ = 8 / sqrt(65) = 0.99228, θ = 7.125 degrees.
        let cos = 8.0 / 65f64.sqrt();
        assert_close("cos θ", (cos * 1e5).round() / 1e5, 0.99228, 0.0);
        let degrees = cos.acos().to_degrees();
        assert_close("θ in degrees", (degrees * 1e3).round() / 1e3, 7.125, 0.0);
    }

    #[test]
    fn the_gradient_agrees_with_central_differences_at_many_points() {
        // h = 1e-5 on [-2, 2]^2: third derivatives are at most 6, so truncation is
        // h^2 * 6 / 6 = 1e-10; |f| <= 16, so round-off is ε * 16 / 1e-5 = 3.6e-10.
        for i in -4..=4 {
            for j in -4..=4 {
                let (x, y) = (i as f64 / 2.0, j as f64 / 2.0);
                let [gx, gy] = cubic_gradient(&[x, y]);
                let dx = central_difference(|x| cubic(&[x, y]), x, 1e-5);
                let dy = central_difference(|y| cubic(&[x, y]), y, 1e-5);
                assert_agree("∂f/∂x", "hand", gx, "differences", dx, 1e-8);
                assert_agree("∂f/∂y", "hand", gy, "differences", dy, 1e-8);
            }
        }
    }
}
