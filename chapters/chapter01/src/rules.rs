//! The rules of differentiation as a table: functions with their derivatives.

// ANCHOR: rule
/// A function of one variable with its derivative found by the rules.
#[derive(Clone, Copy)]
pub struct Rule {
    /// The function in plain text, such as "x^3".
    pub name: &'static str,
    /// The function f.
    pub f: fn(f64) -> f64,
    /// Its derivative f', by the rules.
    pub f_prime: fn(f64) -> f64,
}

/// The rule for `name`: the function f with its derivative f_prime.
pub const fn rule(
    name: &'static str,
    f: fn(f64) -> f64,
    f_prime: fn(f64) -> f64,
) -> Rule {
    Rule { name, f, f_prime }
}
// ANCHOR_END: rule

// ANCHOR: basic_rules
/// The derivatives every other one is built from. sqrt x and ln x need x > 0, 1/x
/// needs x != 0; the others hold for every x.
pub const BASIC_RULES: [Rule; 7] = [
    rule("x^3", |x| x.powi(3), |x| 3.0 * x.powi(2)),
    rule("sqrt x = x^(1/2)", f64::sqrt, |x| 0.5 / x.sqrt()),
    rule("1/x = x^(-1)", |x| 1.0 / x, |x| -1.0 / (x * x)),
    rule("e^x", f64::exp, f64::exp),
    rule("ln x", f64::ln, |x| 1.0 / x),
    rule("sin x", f64::sin, f64::cos),
    rule("cos x", f64::cos, |x| -x.sin()),
];
// ANCHOR_END: basic_rules

// ANCHOR: combined_rules
/// The worked examples of the sum, product and quotient rules, and of the chain rule
/// (previewed here, taught in chapter 6).
pub const COMBINED_RULES: [Rule; 7] = [
    // Sum rule: (f + g)' = f' + g'.
    rule("x^3 + 2x", |x| x.powi(3) + 2.0 * x, |x| 3.0 * x * x + 2.0),
    // Product rule: (fg)' = f'g + fg'.
    rule(
        "x^2 x^3",
        |x| x * x * x.powi(3),
        |x| 2.0 * x * x.powi(3) + x * x * 3.0 * x * x,
    ),
    rule("x sin x", |x| x * x.sin(), |x| x.sin() + x * x.cos()),
    // Quotient rule: (f/g)' = (f'g - fg') / g^2.
    rule(
        "x / (1 + x^2)",
        |x| x / (1.0 + x * x),
        |x| (1.0 - x * x) / (1.0 + x * x).powi(2),
    ),
    rule("tan x", f64::tan, |x| 1.0 / x.cos().powi(2)),
    rule("e^(-x) = 1/e^x", |x| (-x).exp(), |x| -(-x).exp()),
    // Chain rule: (g(u(x)))' = g'(u(x)) u'(x), with g(u) = u^2 and u = 3x + 1.
    rule(
        "(3x + 1)^2",
        |x| (3.0 * x + 1.0).powi(2),
        |x| 2.0 * (3.0 * x + 1.0) * 3.0,
    ),
];
// ANCHOR_END: combined_rules

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::assert_close;
    use crate::test_support::{ROUNDING, central};
    use std::f64::consts::{E, PI};

    #[test]
    fn every_rule_agrees_with_central_differences() {
        // With h = 1e-5 the central difference is off by at most h^2 |f'''| / 6 plus
        // EPSILON |f| / h (Section 1.3). The largest truncation is for 1/x at 0.3,
        // where |f'''| = 6 / 0.3^4 = 741: 1.2e-8. The largest round-off is for x^5
        // at 2.5, where |f| = 98: 2.2e-9, or a few times that since x^5 rounds
        // several times, with truncation 60 * 2.5^2 * 1e-10 / 6 = 6.3e-9 there. So
        // every error is below about 2e-8, and we allow 1e-7 (1 + |f'|), at least
        // 1e-7.
        for rule in BASIC_RULES.iter().chain(&COMBINED_RULES) {
            for x in [0.3, 1.0, 2.5] {
                let what = format!("d/dx {} at {x}", rule.name);
                assert_close(&what, (rule.f_prime)(x), central(rule.f, x), 1e-7);
            }
        }
    }

    #[test]
    fn worked_numbers_of_the_rules_page() {
        let at = |name: &str, x: f64| {
            let rule = COMBINED_RULES.iter().find(|r| r.name == name).unwrap();
            (rule.f_prime)(x)
        };
        // Each is a few operations on small numbers: ROUNDING.
        // Sum: 3 * 1^2 + 2 = 5.
        assert_close("(x^3 + 2x)' at 1", at("x^3 + 2x", 1.0), 5.0, ROUNDING);
        // Product: 2x * x^3 + x^2 * 3x^2 = 2*2*8 + 4*12 = 32 + 48 = 80 = 5 * 2^4.
        assert_close("(x^2 x^3)' at 2", at("x^2 x^3", 2.0), 80.0, ROUNDING);
        // Product: sin(pi) + pi cos(pi) = 0 - pi.
        assert_close("(x sin x)' at pi", at("x sin x", PI), -PI, ROUNDING);
        // Quotient: (1 * 5 - 2 * 4) / 5^2 = -3/25 = -0.12.
        let got = at("x / (1 + x^2)", 2.0);
        assert_close("(x/(1+x^2))' at 2", got, -0.12, ROUNDING);
        // Quotient: 1 / cos^2 0 = 1.
        assert_close("(tan x)' at 0", at("tan x", 0.0), 1.0, ROUNDING);
        // Quotient: (0 * e^0 - 1 * e^0) / (e^0)^2 = -1.
        assert_close("(e^(-x))' at 0", at("e^(-x) = 1/e^x", 0.0), -1.0, ROUNDING);
        // Chain: 2(3 + 1) * 3 = 24, and expanded: (9x^2 + 6x + 1)' = 18 + 6 = 24.
        assert_close("((3x + 1)^2)' at 1", at("(3x + 1)^2", 1.0), 24.0, ROUNDING);
    }

    #[test]
    fn slope_of_b_to_the_x_at_zero_is_ln_b() {
        // (b^h - 1) / h tends to ln b: ln 2 = 0.693, ln 3 = 1.099 to three decimals
        // (off by 1.5e-4 and 3.9e-4), and ln e = 1. The central difference adds less
        // than 1e-10. We allow 1e-3 (1 + ln b), at least 1.7e-3.
        for (b, want) in [(2.0f64, 0.693), (3.0, 1.099), (E, 1.0)] {
            let slope = central(|x| b.powf(x), 0.0);
            assert_close(&format!("slope of {b}^x at 0"), slope, want, 1e-3);
        }
    }

    #[test]
    fn the_sine_limits_at_one_hundredth() {
        let h: f64 = 0.01;
        // cos h - 1 = -2 sin^2(h/2), so
        // (cos h - 1) / h = -sin(h/2) (sin(h/2) / (h/2)). cos h is rounded by up to
        // EPSILON / 2 = 1.1e-16, which the division by h makes 1.1e-14; we allow
        // 1e-12 (1 + 0.005).
        let ratio = (h.cos() - 1.0) / h;
        let half = (h / 2.0).sin();
        assert_close("(cos h - 1) / h", ratio, -half * (half / (h / 2.0)), 1e-12);
        // By Taylor, (cos h - 1) / h = -h/2 + h^3/24 - ... = -0.0049999583 at
        // h = 0.01 (to ten decimals, off by 3.4e-13): close to 0. We allow
        // 1e-10 (1 + 0.005).
        assert_close("(cos h - 1) / h", ratio, -0.0049999583, 1e-10);
        // sin h / h = 1 - h^2/6 + ... = 0.9999833 (to seven decimals, off by
        // 3.4e-8): close to 1. We allow 1e-7 (1 + 1) = 2e-7.
        assert_close("sin h / h", h.sin() / h, 0.9999833, 1e-7);
    }
}
