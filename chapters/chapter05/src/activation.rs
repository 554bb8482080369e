//! The activations of chapter 1, another way to write the sigmoid that is not safe,
//! and what the sigmoid's slope does to a gradient that passes through many layers.

use chapter01::activation::sigmoid_prime;
pub use chapter01::activation::{relu, sigmoid, tanh};

// ANCHOR: naive_sigmoid
/// The sigmoid written as e^x / (1 + e^x), equal to 1 / (1 + e^(-x)) on paper. In
/// floating point e^x overflows to infinity for x above ln(f64::MAX) = 709.78, and
/// inf / inf is NaN: do not compute the sigmoid this way.
pub fn naive_sigmoid(x: f64) -> f64 {
    x.exp() / (1.0 + x.exp())
}
// ANCHOR_END: naive_sigmoid

// ANCHOR: sigmoid_chain_gradient
/// The derivative at x of a chain of `depth` sigmoids, sigma(sigma(...sigma(x))), by
/// the chain rule: the product of sigma'(a) over the input a of each link, where the
/// first link's input is x and each next link's input is the last link's output.
pub fn sigmoid_chain_gradient(x: f64, depth: usize) -> f64 {
    let (_, gradient) = (0..depth).fold((x, 1.0), |(a, gradient), _| {
        (sigmoid(a), gradient * sigmoid_prime(a))
    });
    gradient
}
// ANCHOR_END: sigmoid_chain_gradient

/// The chain of `depth` sigmoids itself, sigma(sigma(...sigma(x))).
pub fn sigmoid_chain(x: f64, depth: usize) -> f64 {
    (0..depth).fold(x, |a, _| sigmoid(a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{H, ROUNDING};
    use chapter01::activation::tanh_prime;
    use chapter01::check::{assert_agree, assert_close};
    use chapter01::exercises::central_difference;
    use proptest::prelude::*;

    #[test]
    fn naive_sigmoid_agrees_for_small_inputs_and_fails_beyond_709_78() {
        // e^x / (1 + e^x) = 1 / (e^-x + 1): the same number, rounded a few times.
        for x in [-5.0, 0.0, 3.0] {
            let what = format!("naive sigmoid({x})");
            assert_close(&what, naive_sigmoid(x), sigmoid(x), ROUNDING);
        }
        // ln(f64::MAX) = ln(1.7977e308) = 709.78: e^709 is finite, e^710 is not.
        assert!(709f64.exp().is_finite() && 710f64.exp().is_infinite());
        assert!(naive_sigmoid(1000.0).is_nan(), "inf / inf is NaN");
        assert_close("sigmoid(1000)", sigmoid(1000.0), 1.0, 0.0);
    }

    #[test]
    fn sigmoid_slopes_quoted_in_the_text() {
        // sigma(2) = 1 / (1 + e^-2) = 1 / 1.135335 = 0.880797, so
        // sigma'(2) = 0.880797 * 0.119203 = 0.104994 (to six decimals, off by
        // 4e-7); sigma'(5) = 0.0066481 (chapter 1, off by 4.3e-11). We allow
        // 1e-6 (1 + 0.105) and 1e-7 (1 + 0.0066).
        assert_close("sigma'(2)", sigmoid_prime(2.0), 0.104994, 1e-6);
        assert_close("sigma'(5)", sigmoid_prime(5.0), 0.0066481, 1e-7);
        // tanh'(x) = 4 sigma'(2x): tanh'(1) = 4 * 0.104994 = 0.419974 (0.4199743).
        assert_close("tanh'(1)", tanh_prime(1.0), 0.419974, 1e-6);
    }

    #[test]
    fn the_best_sigmoid_chain_of_ten_keeps_less_than_a_millionth() {
        // At best each factor is sigma'(0) = 1/4, and (1/4)^10 = 1 / 1048576
        // = 9.54e-7: a power of two, exact.
        assert_close("(1/4)^10", 0.25f64.powi(10), 1.0 / 1048576.0, 0.0);
        // The chain from x = 0: the inputs after the first settle near the fixed
        // point a = sigma(a) = 0.659, where sigma'(a) = a (1 - a) = 0.2247. So the
        // product is 1/4 * sigma'(1/2) * ... and lies between 0.2247^10 = 3.3e-7
        // and (1/4)^10 = 9.5e-7.
        let gradient = sigmoid_chain_gradient(0.0, 10);
        assert!(
            (3.3e-7..9.6e-7).contains(&gradient),
            "gradient of ten sigmoids at 0: {gradient:e}"
        );
        // sigma'(5)^10 = 0.0066481^10 = 1.69e-22.
        let saturated = sigmoid_prime(5.0).powi(10);
        assert!((1.68e-22..1.70e-22).contains(&saturated), "{saturated:e}");
    }

    #[test]
    fn the_chain_settles_where_the_sigmoid_maps_a_number_to_itself() {
        // a = sigma(a) at a = 0.659046 (to six decimals); sigma'(a) = a (1 - a) =
        // 0.224704, a loss of 1 / 0.224704 = 4.45 per link. Sixty links from 0 reach
        // it: each moves the distance to it by sigma'(a), so 0.66 * 0.2247^60 is
        // nothing. We allow 1e-6 (1 + |expected|).
        let a = sigmoid_chain(0.0, 60);
        assert_close("fixed point", a, 0.659046, 1e-6);
        assert_close("sigma' there", sigmoid_prime(a), 0.224704, 1e-6);
    }

    #[test]
    fn where_the_figure_shades_and_how_fast_the_lines_fall() {
        // sigma'(x) = 1/40 where s (1 - s) = 1/40, s = (1 + sqrt(0.9)) / 2, so
        // x = ln(s / (1 - s)) = 3.637; tanh'(x) = 1/10 where tanh x = sqrt(0.9), so
        // x = atanh(sqrt 0.9) = 1.818 (each to three decimals). The slopes there
        // are off by at most 0.0005 |slope'| <= 0.0005 * 0.2: we allow 1e-4.
        assert_close("sigma'(3.637)", sigmoid_prime(3.637), 0.025, 1e-4);
        assert_close("tanh'(1.818)", tanh_prime(1.818), 0.1, 1e-4);
        // On a log scale a factor f per layer falls by -log10 f decades per layer:
        // log10 4 = 0.602 and -log10 0.0066481 = 2.177 (to three decimals).
        assert_close("decades for 1/4", -0.25f64.log10(), 0.602, 1e-3);
        let decades = -sigmoid_prime(5.0).log10();
        assert_close("decades for sigma'(5)", decades, 2.177, 1e-3);
    }

    #[test]
    fn sigmoid_chain_gradient_agrees_with_central_differences() {
        // The chain is a composition of sigmoids, so its value lies in (0, 1) and
        // its third derivative is small (each sigma''' is at most 1/8 and each link
        // scales by sigma' <= 1/4): truncation h^2 |f'''| / 6 below 1e-11 or so.
        // Round-off: each link rounds a few times, so each value is off by about
        // depth * 4 EPSILON <= 1.8e-14, divided by 2h = 2e-5: below 1e-9. We allow
        // 1e-8 (1 + |f'|).
        for depth in [1, 2, 5] {
            for x in [-3.0, 0.0, 2.0] {
                let by_chain_rule = sigmoid_chain_gradient(x, depth);
                let chain = |x| sigmoid_chain(x, depth);
                let by_differences = central_difference(chain, x, H);
                assert_agree(
                    &format!("gradient of {depth} sigmoids at {x}"),
                    "the chain rule",
                    by_chain_rule,
                    "central differences",
                    by_differences,
                    1e-8,
                );
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 64,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn sigmoid_and_its_slope_stay_finite_up_to_ten_thousand(x in -1e4..1e4f64) {
            // 1 / (1 + e^-x): e^-x may overflow to inf, and 1 / inf = 0, which is
            // finite; sigma (1 - sigma) is then 0.
            let (s, slope) = (sigmoid(x), sigmoid_prime(x));
            prop_assert!((0.0..=1.0).contains(&s), "sigmoid({x}) = {s}");
            prop_assert!((0.0..=0.25).contains(&slope), "sigmoid'({x}) = {slope}");
        }
    }
}
