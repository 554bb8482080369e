//! How wrong a finite difference is: truncation error from Taylor's theorem,
//! round-off error from floating point, and the step h that balances them.

// ANCHOR: epsilon
/// Machine epsilon for f64, 2^-52 = 2.220446049250313e-16: the gap between 1 and the
/// next f64. Rounding a real number v to the nearest f64 changes it by at most
/// EPSILON |v| / 2.
pub const EPSILON: f64 = f64::EPSILON;
// ANCHOR_END: epsilon

// ANCHOR: forward_error_model
/// The error model of the forward difference at step h: truncation h |f''| / 2 plus
/// round-off 2 EPSILON |f| / h, where f and f'' are the values of f and of its
/// second derivative at the point.
pub fn forward_error_model(h: f64, f: f64, f2: f64) -> f64 {
    h * f2.abs() / 2.0 + 2.0 * EPSILON * f.abs() / h
}
// ANCHOR_END: forward_error_model

// ANCHOR: central_error_model
/// The error model of the central difference at step h: truncation h^2 |f'''| / 6
/// plus round-off EPSILON |f| / h, where f and f''' are the values of f and of its
/// third derivative at the point.
pub fn central_error_model(h: f64, f: f64, f3: f64) -> f64 {
    h * h * f3.abs() / 6.0 + EPSILON * f.abs() / h
}
// ANCHOR_END: central_error_model

// ANCHOR: predicted_steps
/// The h that minimises `forward_error_model`: h* = 2 sqrt(EPSILON |f| / |f''|).
pub fn predicted_forward_step(f: f64, f2: f64) -> f64 {
    2.0 * (EPSILON * f.abs() / f2.abs()).sqrt()
}

/// The h that minimises `central_error_model`: h* = (3 EPSILON |f| / |f'''|)^(1/3).
pub fn predicted_central_step(f: f64, f3: f64) -> f64 {
    (3.0 * EPSILON * f.abs() / f3.abs()).cbrt()
}
// ANCHOR_END: predicted_steps

// ANCHOR: quarter_decade_steps
/// The steps h = 10^(-k/4) for k = 0, 1, ..., 64: from 1 down to 1e-16, four to each
/// factor of ten, evenly spaced on a logarithmic axis.
pub fn quarter_decade_steps() -> Vec<f64> {
    (0..=64).map(|k| 10f64.powf(-f64::from(k) / 4.0)).collect()
}
// ANCHOR_END: quarter_decade_steps

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::assert_close;
    use crate::test_support::ROUNDING;
    use std::f64::consts::E;

    #[test]
    fn epsilon_is_the_gap_above_one() {
        // 53 significant binary digits, 52 of them after the point: the last is
        // worth 2^-52 = 2.220446049250313e-16, and 1 + EPSILON is the next f64
        // after 1.
        assert_eq!(f64::MANTISSA_DIGITS, 53);
        assert_close("EPSILON", EPSILON, 2f64.powi(-52), 0.0);
        assert_eq!((1.0 + EPSILON).to_bits(), 1f64.to_bits() + 1);
    }

    #[test]
    fn at_a_step_of_ten_to_the_minus_sixteen_exp_sees_no_change() {
        // Forward: 1e-16 is less than half the gap EPSILON above 1, so 1 + 1e-16
        // rounds to 1.
        assert_eq!(1.0 + 1e-16, 1.0);
        // Central: below 1 the gap is EPSILON / 2 = 1.1e-16 and 1e-16 is more than
        // half of it, so 1 - 1e-16 rounds to the f64 just below 1. There e^x is
        // e - e EPSILON / 2 = e - 3.0e-16, and the f64 E is 1.4e-16 below e, so that
        // is 1.6e-16 below E: less than half the gap 2^-51 = 4.4e-16 between f64s
        // near e. So E is the nearest f64 to both. (3.0e-16 and 4.4e-16 are rounded
        // to two digits, off by under 1%: we allow 0.01 (1 + 1) = 0.02 in their
        // ratios.)
        let below: f64 = 1.0 - 1e-16;
        assert_eq!(below.to_bits(), 1f64.to_bits() - 1);
        assert_eq!(format!("{below}"), "0.9999999999999999");
        let (shift, gap) = (E * EPSILON / 2.0, 2f64.powi(-51));
        assert_close("shift / 3.0e-16", shift / 3.0e-16, 1.0, 0.01);
        assert_close("gap / 4.4e-16", gap / 4.4e-16, 1.0, 0.01);
        assert_eq!((below.exp(), 1f64.exp()), (E, E));
    }

    #[test]
    fn truncation_errors_of_exp_at_one_with_step_one_hundredth() {
        // Forward: e h / 2 = 2.718 * 0.01 / 2 = 1.359e-2, 1.36e-2 to three digits;
        // we allow 1e-4 (1 + 0.0136) = 1.0e-4. Central:
        // e h^2 / 6 = 2.718 * 1e-4 / 6 = 4.530e-5, so the ratio to 4.53e-5 is
        // 1.0001; we allow 1e-3 (1 + 1) = 2e-3. At this step round-off (about 1e-13)
        // is nothing.
        assert_close("forward", forward_error_model(1e-2, E, E), 1.36e-2, 1e-4);
        let central = central_error_model(1e-2, E, E);
        assert_close("central / 4.53e-5", central / 4.53e-5, 1.0, 1e-3);
    }

    #[test]
    fn round_off_of_exp_at_one_with_step_ten_to_the_minus_twelve() {
        // Each value of e is off by up to EPSILON e = 6.04e-16, 6.0e-16 to two
        // digits: we allow 0.01 (1 + 1) = 0.02 in the ratio. At h = 1e-12, forward:
        // 2 EPSILON e / h = 1.207e-3, central: EPSILON e / h = 6.04e-4 (truncation
        // is nothing); we allow 1e-5 (1 + |expected|) = 1.0e-5 for each.
        assert_close("EPSILON e / 6.0e-16", EPSILON * E / 6.0e-16, 1.0, 0.01);
        assert_close("forward", forward_error_model(1e-12, E, E), 1.2e-3, 1e-5);
        assert_close("central", central_error_model(1e-12, E, E), 6.0e-4, 1e-5);
    }

    #[test]
    fn forward_step_for_exp_at_one_is_about_three_times_ten_to_the_minus_eight() {
        // f = f'' = e, so h* = 2 sqrt(EPSILON) = 2 * 2^-26 = 2^-25 = 2.98e-8, up to
        // a few roundings (EPSILON e / e need not be exactly EPSILON): ROUNDING.
        let h = predicted_forward_step(E, E);
        assert_close("forward h* / 2^-25", h / 2f64.powi(-25), 1.0, ROUNDING);
        assert!((2.9e-8..3.0e-8).contains(&h), "forward h* = {h:e}");
    }

    #[test]
    fn central_step_for_exp_at_one_is_about_8_7_times_ten_to_the_minus_six() {
        // f = f''' = e, so h* = (3 EPSILON)^(1/3) = (6.66e-16)^(1/3) = 8.73e-6.
        let h = predicted_central_step(E, E);
        assert!((8.7e-6..8.8e-6).contains(&h), "central h* = {h:e}");
    }

    #[test]
    fn the_predicted_steps_minimise_the_error_models() {
        // At the minimum, a step 1% either side gives a larger modelled error.
        let (hf, hc) = (predicted_forward_step(E, E), predicted_central_step(E, E));
        for scale in [0.99, 1.01] {
            let forward = |h| forward_error_model(h, E, E);
            assert!(forward(hf * scale) > forward(hf));
            let central = |h| central_error_model(h, E, E);
            assert!(central(hc * scale) > central(hc));
        }
    }

    #[test]
    fn smallest_modelled_errors_for_exp_at_one() {
        // Forward: h* e / 2 + 2 EPSILON e / h* with h* = 2 sqrt(EPSILON) is
        // e sqrt(EPSILON) + e sqrt(EPSILON) = 2e * 1.49e-8 = 8.1e-8. Central: with
        // h^3 = 3 EPSILON,
        // h^2 e / 6 + EPSILON e / h = h^2 e / 6 + h^2 e / 3 = h^2 e / 2 = 1.04e-10.
        // Both up to a few roundings: ROUNDING.
        let forward = forward_error_model(predicted_forward_step(E, E), E, E);
        let ratio = forward / (2.0 * E * EPSILON.sqrt());
        assert_close("forward minimum / 2e sqrt(EPSILON)", ratio, 1.0, ROUNDING);
        let central = central_error_model(predicted_central_step(E, E), E, E);
        let h = (3.0 * EPSILON).cbrt();
        let ratio = central / (h * h * E / 2.0);
        assert_close("central minimum / (h*^2 e / 2)", ratio, 1.0, ROUNDING);
    }

    #[test]
    fn single_precision_needs_a_larger_step_and_keeps_fewer_digits() {
        // f32::EPSILON = 2^-23 = 1.19e-7. For exp at 1, h* = (3 * 1.19e-7)^(1/3)
        // = (3.58e-7)^(1/3) = 7.1e-3, and the smallest modelled error is
        // h*^2 e / 2 = 5.04e-5 * 1.359 = 6.9e-5.
        let eps = f64::from(f32::EPSILON);
        let h = (3.0 * eps).cbrt();
        assert!((7.0e-3..7.2e-3).contains(&h), "f32 central h* = {h:e}");
        let best = h * h * E / 2.0;
        assert!(
            (6.8e-5..7.0e-5).contains(&best),
            "f32 best error = {best:e}"
        );
        // With PyTorch's default step 1e-6, round-off alone is up to
        // eps e / h = 1.19e-7 * 2.718 / 1e-6 = 0.32.
        let round_off = eps * E / 1e-6;
        assert!(
            (0.32..0.33).contains(&round_off),
            "f32 round-off = {round_off}"
        );
    }

    #[test]
    fn quarter_decade_steps_run_from_one_to_ten_to_the_minus_sixteen() {
        // powf rounds 10^(-k/4) once or twice: ROUNDING.
        let steps = quarter_decade_steps();
        assert_eq!(steps.len(), 65);
        assert_close("first step", steps[0], 1.0, 0.0);
        assert_close("fifth step", steps[4], 0.1, ROUNDING);
        assert_close("last step / 1e-16", steps[64] / 1e-16, 1.0, ROUNDING);
    }
}
