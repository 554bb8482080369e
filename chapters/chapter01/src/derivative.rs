//! The derivative of one variable: secants, the tangent, and derivatives by the
//! rules.

// ANCHOR: square_secant_slope
/// The slope of the secant of f(x) = x^2 through (a, a^2) and (a + h, (a + h)^2),
/// simplified by algebra: ((a + h)^2 - a^2) / h = (2ah + h^2) / h = 2a + h.
pub fn square_secant_slope(a: f64, h: f64) -> f64 {
    2.0 * a + h
}
// ANCHOR_END: square_secant_slope

// ANCHOR: line
/// A straight line y = slope * x + intercept.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    /// How much y grows for each unit step in x.
    pub slope: f64,
    /// Where the line crosses the y-axis: its height at x = 0.
    pub intercept: f64,
}

impl Line {
    /// The line with the given slope through the point (x, y):
    /// intercept = y - slope * x.
    pub fn through(x: f64, y: f64, slope: f64) -> Line {
        Line {
            slope,
            intercept: y - slope * x,
        }
    }

    /// The line's height at x: slope * x + intercept.
    pub fn at(&self, x: f64) -> f64 {
        self.slope * x + self.intercept
    }
}
// ANCHOR_END: line

// ANCHOR: polynomial
/// The polynomial c[0] + c[1] x + c[2] x^2 + ... at x, coefficients lowest degree
/// first, by Horner's scheme: c[0] + x (c[1] + x (c[2] + ...)).
pub fn polynomial(coefficients: &[f64], x: f64) -> f64 {
    coefficients.iter().rev().fold(0.0, |sum, &c| sum * x + c)
}
// ANCHOR_END: polynomial

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::assert_close;

    #[test]
    fn secant_slopes_of_square_at_three_are_eight_seven_and_six_and_a_half() {
        // ((3 + h)^2 - 9) / h = 6 + h: 8 at h = 2, 7 at h = 1, 6.5 at h = 0.5. Exact
        // in f64 (short binary fractions), so no tolerance.
        assert_close("slope at h = 2", square_secant_slope(3.0, 2.0), 8.0, 0.0);
        assert_close("slope at h = 1", square_secant_slope(3.0, 1.0), 7.0, 0.0);
        assert_close("slope at h = 0.5", square_secant_slope(3.0, 0.5), 6.5, 0.0);
    }

    #[test]
    fn tangent_of_square_at_three_is_six_x_minus_nine() {
        // d/dx x^2 = 2x = 6 at x = 3; through (3, 9): intercept 9 - 6 * 3 = -9.
        let tangent = Line::through(3.0, 9.0, 6.0);
        assert_eq!(
            tangent,
            Line {
                slope: 6.0,
                intercept: -9.0
            }
        );
        // The tangent touches the curve at 3 and lies below it elsewhere: at x = 5,
        // 6 * 5 - 9 = 21 < 25. Whole numbers: exact, no tolerance.
        assert_close("tangent at 5", tangent.at(5.0), 21.0, 0.0);
    }

    #[test]
    fn polynomial_one_two_three_at_two_is_seventeen() {
        // 1 + 2 * 2 + 3 * 2^2 = 1 + 4 + 12 = 17. Whole numbers: exact, no tolerance.
        let got = polynomial(&[1.0, 2.0, 3.0], 2.0);
        assert_close("1 + 2x + 3x^2 at 2", got, 17.0, 0.0);
        // The empty sum is 0.
        assert_close("empty polynomial", polynomial(&[], 2.0), 0.0, 0.0);
    }

    #[test]
    fn taylor_series_of_cube_at_one_is_exact_after_four_terms() {
        // f = x^3 at x = 1: f = 1, f' = 3, f'' = 6, f''' = 6, and every later
        // derivative is 0. With h = 0.5: 1 + 3 * 0.5 + 6/2! * 0.25 + 6/3! * 0.125
        // = 1 + 1.5 + 0.75 + 0.125 = 3.375 = 1.5^3. Short binary fractions: exact.
        let h: f64 = 0.5;
        let series = 1.0 + 3.0 * h + 6.0 / 2.0 * h * h + 6.0 / 6.0 * h.powi(3);
        assert_close("Taylor series of x^3", series, 3.375, 0.0);
        assert_close("1.5^3", 1.5f64.powi(3), 3.375, 0.0);
        // Without the factorials: 1 + 1.5 + 6 * 0.25 + 6 * 0.125 = 4.75, wrong.
        let undivided = 1.0 + 3.0 * h + 6.0 * h * h + 6.0 * h.powi(3);
        assert_close("series without factorials", undivided, 4.75, 0.0);
    }

    #[test]
    fn taylor_series_of_exp_at_zero_with_four_terms() {
        // Every derivative of e^x is 1 at 0, so with h = 0.1 the first four terms
        // are 1 + 0.1 + 0.01/2 + 0.001/6 = 1.1051667 (to seven decimals;
        // 1.10516667), and e^0.1 = 1.1051709 (1.10517092). The difference is almost
        // all the next term, h^4 / 4! = 0.0001/24 = 4.2e-6 (4.17e-6); what is left
        // after it, h^5 / 5! + ... = 8.5e-8, is below 1e-7. Each value is rounded to
        // the digits shown: we allow 1e-7 (1 + 1.1) = 2.1e-7, and 0.01 (1 + 1) in
        // the ratio.
        let h: f64 = 0.1;
        let series = 1.0 + h + h * h / 2.0 + h.powi(3) / 6.0;
        assert_close("four terms of e^0.1", series, 1.1051667, 1e-7);
        assert_close("e^0.1", h.exp(), 1.1051709, 1e-7);
        let next = h.powi(4) / 24.0;
        assert_close("h^4 / 4! / 4.2e-6", next / 4.2e-6, 1.0, 0.01);
        let rest = (h.exp() - series - next).abs();
        assert!(rest < 1e-7, "e^0.1 - five terms = {rest:e}, not below 1e-7");
    }
}
