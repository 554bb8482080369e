//! The quadratic f(x) = ½ (λ_0 x_0² + ... + λ_(n-1) x_(n-1)²), on which every step of
//! gradient descent can be worked out exactly, and so can the learning rate's limits.

// ANCHOR: quadratic
/// f(x) = ½ (λ_0 x_0² + ... + λ_(n-1) x_(n-1)²), coordinates counted from 0: the bowl
/// with curvature λ_i along axis i, its Hessian the diagonal matrix
/// diag(λ_0, ..., λ_(n-1)), its minimum 0 at x = 0.
pub fn quadratic(curvatures: &[f64], x: &[f64]) -> f64 {
    curvatures.iter().zip(x).map(|(l, x)| 0.5 * l * x * x).sum()
}

/// The gradient of `quadratic`: ∂f/∂x_i = λ_i x_i.
pub fn quadratic_gradient(curvatures: &[f64], x: &[f64]) -> Vec<f64> {
    curvatures.iter().zip(x).map(|(l, x)| l * x).collect()
}
// ANCHOR_END: quadratic

// ANCHOR: step_factor
/// What one step of gradient descent with learning rate `lr` multiplies a coordinate
/// of curvature λ by: x - lr λ x = (1 - lr λ) x.
pub fn step_factor(lr: f64, curvature: f64) -> f64 {
    1.0 - lr * curvature
}

/// Where gradient descent is after k steps from x0 along an axis of curvature λ:
/// (1 - lr λ)^k x0.
pub fn after_steps(x0: f64, lr: f64, curvature: f64, k: i32) -> f64 {
    step_factor(lr, curvature).powi(k) * x0
}
// ANCHOR_END: step_factor

// ANCHOR: regime
/// What gradient descent does along an axis of curvature λ > 0, by its step factor
/// r = 1 - lr λ: creeps towards 0 (0 < r < 1), lands on 0 in one step (r = 0),
/// overshoots and swings back, smaller each time (-1 < r < 0), bounces between x0
/// and -x0 forever (r = -1), or swings further out each time (r < -1).
pub fn regime(lr: f64, curvature: f64) -> &'static str {
    let r = step_factor(lr, curvature);
    if r > 0.0 {
        "creeps towards 0"
    } else if r == 0.0 {
        "lands on 0 in one step"
    } else if r > -1.0 {
        "oscillates, converging"
    } else if r == -1.0 {
        "bounces for ever"
    } else {
        "oscillates, diverging"
    }
}
// ANCHOR_END: regime

#[cfg(test)]
mod tests {
    use super::*;
    use chapter01::check::{assert_agree, assert_close};
    use chapter01::exercises::central_difference;

    /// A few roundings of numbers of size about one: 1e-15 (1 + |expected|).
    const ROUNDING: f64 = 1e-15;

    #[test]
    fn quadratic_with_curvatures_one_and_ten_at_one_one_is_five_and_a_half() {
        // ½ (1 * 1 + 10 * 1) = 5.5; its gradient is (1 * 1, 10 * 1). Exact.
        assert_close("f(1, 1)", quadratic(&[1.0, 10.0], &[1.0, 1.0]), 5.5, 0.0);
        let g = quadratic_gradient(&[1.0, 10.0], &[1.0, 1.0]);
        assert_close("∂f/∂x", g[0], 1.0, 0.0);
        assert_close("∂f/∂y", g[1], 10.0, 0.0);
    }

    #[test]
    fn gradient_agrees_with_central_differences() {
        // f is quadratic, so chapter 1's central difference is exact but for
        // rounding: values of size 1 off by EPSILON each, over 2h = 2e-5, about
        // 2e-11. We allow 1e-8 (1 + |g|).
        let (curvatures, x) = ([3.0, 0.5], [0.7, -1.3]);
        let g = quadratic_gradient(&curvatures, &x);
        for (i, &gi) in g.iter().enumerate() {
            let along = |t: f64| {
                let mut y = x;
                y[i] = t;
                quadratic(&curvatures, &y)
            };
            let h = 1e-5;
            let by_differences = central_difference(along, x[i], h);
            let what = format!("∂f/∂x_{i}");
            assert_agree(&what, "λ x", gi, "differences", by_differences, 1e-8);
        }
    }

    #[test]
    fn step_factors_for_curvature_four() {
        // 1 - 4 lr: 0.8 at lr 0.05, 0.2 at 0.2, 0 at 0.25, -0.6 at 0.4, -1 at 0.5,
        // -1.2 at 0.55. Each is one product and one difference: ROUNDING.
        for (lr, want) in [
            (0.05, 0.8),
            (0.2, 0.2),
            (0.25, 0.0),
            (0.4, -0.6),
            (0.5, -1.0),
            (0.55, -1.2),
        ] {
            let what = format!("1 - 4 * {lr}");
            assert_close(&what, step_factor(lr, 4.0), want, ROUNDING);
        }
    }

    #[test]
    fn after_steps_is_the_factor_to_the_power_k() {
        // (1 - 0.4 * 4)^3 = (-0.6)^3 = -0.216, times x0 = 2: -0.432. A few
        // roundings: ROUNDING.
        assert_close(
            "x after 3 steps",
            after_steps(2.0, 0.4, 4.0, 3),
            -0.432,
            ROUNDING,
        );
    }

    #[test]
    fn shrinking_by_a_million_takes_62_steps_at_0_8_and_1375_at_0_99() {
        // r^k = 1e-6 when k = ln 1e-6 / ln r: 13.8155 / 0.22314 = 61.91 at r = 0.8,
        // 13.8155 / 0.0100503 = 1374.6 at r = 0.99. Rounded up to whole steps.
        let steps = |r: f64| (1e-6f64.ln() / r.ln()).ceil();
        assert_close("steps at r = 0.8", steps(0.8), 62.0, 0.0);
        assert_close("steps at r = 0.99", steps(0.99), 1375.0, 0.0);
    }

    #[test]
    fn regimes_of_curvature_four() {
        // The thresholds are 1/λ = 0.25 (the factor crosses 0) and 2/λ = 0.5 (it
        // crosses -1); 4 * 0.25 and 4 * 0.5 are exact.
        assert_eq!(regime(0.05, 4.0), "creeps towards 0");
        assert_eq!(regime(0.25, 4.0), "lands on 0 in one step");
        assert_eq!(regime(0.4, 4.0), "oscillates, converging");
        assert_eq!(regime(0.5, 4.0), "bounces for ever");
        assert_eq!(regime(0.55, 4.0), "oscillates, diverging");
    }
}
