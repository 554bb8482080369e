//! A tilted double well: a function of one variable with a shallow minimum on the left
//! and a deeper one on the right, a hump between them. Plain descent stops in whichever
//! well it starts in; momentum can roll over the hump, either way.

// ANCHOR: double_well
/// How much the double well is tilted: the slope of the line subtracted from it.
pub const TILT: f64 = 0.5;

/// The tilted double well f(x) = (x^2 - 1)^2 - TILT x: two wells near x = -1 and
/// x = 1, the right one made deeper by the tilt.
pub fn double_well(x: f64) -> f64 {
    (x * x - 1.0).powi(2) - TILT * x
}

/// Its derivative, f'(x) = 4x (x^2 - 1) - TILT, by the chain rule.
pub fn double_well_slope(x: f64) -> f64 {
    4.0 * x * (x * x - 1.0) - TILT
}
// ANCHOR_END: double_well

// ANCHOR: double_well_critical_points
/// Where the slope is zero, from left to right: the shallow minimum, the top of the
/// hump, the deep minimum. They are the roots of the cubic x^3 - x - TILT/4 = 0,
/// by the trigonometric formula for a cubic with three real roots:
/// x_k = (2/√3) cos(⅓ arccos(3√3 TILT / 8) - 2πk/3) for k = 2, 1, 0.
pub fn double_well_critical_points() -> [f64; 3] {
    use std::f64::consts::PI;
    let angle = (3.0 * 3f64.sqrt() * TILT / 8.0).acos() / 3.0;
    let root = |k: f64| 2.0 / 3f64.sqrt() * (angle - 2.0 * PI * k / 3.0).cos();
    [root(2.0), root(1.0), root(0.0)]
}
// ANCHOR_END: double_well_critical_points

#[cfg(test)]
mod tests {
    use super::*;
    use chapter01::check::{assert_agree, assert_close};
    use chapter01::exercises::central_difference;

    #[test]
    fn slope_agrees_with_central_differences() {
        // h = 1e-5 on [-2.5, 2.5]: truncation h^2 |f'''| / 6 with f''' = 24x, at most
        // 60, is 1e-9; round-off EPSILON |f| / h with |f| <= 30 is 7e-10. We allow
        // 1e-7 (1 + |f'|).
        for k in -10..=10 {
            let x = k as f64 / 4.0;
            let h = 1e-5;
            let by_differences = central_difference(double_well, x, h);
            let what = format!("f'({x})");
            let slope = double_well_slope(x);
            assert_agree(
                &what,
                "the rule",
                slope,
                "differences",
                by_differences,
                1e-7,
            );
        }
    }

    #[test]
    fn slope_is_zero_at_the_critical_points() {
        // At a root of the cubic the slope is 0 but for the rounding of the root (a
        // few EPSILON, times |f''| <= 10) and of the slope's terms (about 4 in size):
        // a few 1e-15. We allow 1e-14.
        for x in double_well_critical_points() {
            assert_close(&format!("f'({x})"), double_well_slope(x), 0.0, 1e-14);
        }
    }

    #[test]
    fn critical_points_are_a_shallow_minimum_a_hump_and_a_deep_minimum() {
        // By hand with the formula (TILT = 0.5): arccos(3√3 / 16) = arccos(0.32476)
        // = 1.24014, a third of it 0.41338; (2/√3) cos(0.41338) = 1.05745,
        // (2/√3) cos(0.41338 - 2.09440) = -0.12705,
        // (2/√3) cos(0.41338 - 4.18879) = -0.93040. Five decimals: we allow 1e-5.
        let [shallow, hump, deep] = double_well_critical_points();
        assert_close("shallow minimum", shallow, -0.93040, 1e-5);
        assert_close("hump", hump, -0.12705, 1e-5);
        assert_close("deep minimum", deep, 1.05745, 1e-5);
        // f there: (0.86564 - 1)^2 + 0.46520 = 0.48325,
        // (0.01614 - 1)^2 + 0.06353 = 1.03150, (1.11821 - 1)^2 - 0.52873 = -0.51475.
        // Five decimals of the inputs, squared: we allow 1e-4.
        assert_close("f(shallow)", double_well(shallow), 0.48325, 1e-4);
        assert_close("f(hump)", double_well(hump), 1.03150, 1e-4);
        assert_close("f(deep)", double_well(deep), -0.51475, 1e-4);
    }
}
