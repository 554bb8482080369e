//! When a descent stops: converged (the gradient is short enough), out of steps, or
//! diverged, which is an error that says where, with which learning rate, and what
//! the last finite value was.

use num_traits::Float;
use std::fmt;

// ANCHOR: stop
/// The stopping rule of `minimize`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stop<T> {
    /// Converged when the gradient's length |∇f| is at most this.
    pub tolerance: T,
    /// Give up, not converged, after this many steps.
    pub max_steps: usize,
    /// Diverged when |f| is above this, or f is not a finite number.
    pub limit: T,
}
// ANCHOR_END: stop

// ANCHOR: run
/// How a run of `minimize` ended, when it did not diverge: the last point, f there,
/// how many steps (updates) were taken, and whether the gradient there was within the
/// tolerance.
#[derive(Clone, Debug, PartialEq)]
pub struct Run<T> {
    pub x: Vec<T>,
    pub value: T,
    pub steps: usize,
    pub converged: bool,
}
// ANCHOR_END: run

// ANCHOR: norm
/// The length of a vector, √(v_0² + ... + v_(n-1)²).
pub fn norm<T: Float>(v: &[T]) -> T {
    v.iter().fold(T::zero(), |sum, &x| sum + x * x).sqrt()
}
// ANCHOR_END: norm

// ANCHOR: diverged
/// A run that diverged: at step `step` (0 is the starting point) f was `value`, which
/// is not finite or is beyond `limit` in size; the run's learning rate was `lr`, and
/// `last_finite` is f at the step before (`None` at the starting point), the last
/// value that was finite and within the limit.
#[derive(Clone, Debug, PartialEq)]
pub struct Diverged<T> {
    pub step: usize,
    pub value: T,
    pub limit: T,
    pub lr: T,
    pub last_finite: Option<T>,
}

impl<T: Float + fmt::Display + fmt::LowerExp> fmt::Display for Diverged<T> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let Diverged {
            step,
            value,
            limit,
            lr,
            last_finite,
        } = *self;
        let (how, last_what) = if value.is_finite() {
            let how =
                format!("f = {} is beyond the limit {}", short(value), short(limit));
            (how, "the last value within it")
        } else {
            (format!("f = {value}"), "the last finite value")
        };
        match last_finite {
            None => write!(
                f,
                "the run cannot start: {how} at the starting point; start where f is \
                 finite and within the limit"
            ),
            Some(last) => write!(
                f,
                "diverged at step {step} with learning rate {lr}: {how}; {last_what} \
                 was f = {}, at step {}. Try a learning rate below {lr}",
                short(last),
                step - 1
            ),
        }
    }
}

/// `x` in exponent form to six significant digits, without trailing zeros:
/// 2.5601715479908394e17 prints as 2.56017e17, and 6 as 6e0.
fn short<T: fmt::LowerExp>(x: T) -> String {
    let text = format!("{x:.5e}");
    match text.split_once('e') {
        Some((digits, exponent)) => {
            let digits = digits.trim_end_matches('0').trim_end_matches('.');
            format!("{digits}e{exponent}")
        }
        None => text,
    }
}

impl<T: Float + fmt::Debug + fmt::Display + fmt::LowerExp> std::error::Error
    for Diverged<T>
{
}
// ANCHOR_END: diverged

#[cfg(test)]
mod tests {
    use super::*;
    use chapter01::check::assert_close;

    #[test]
    fn a_nan_names_the_step_the_learning_rate_and_the_last_finite_value() {
        let err = Diverged {
            step: 7,
            value: f32::NAN,
            limit: 1e10,
            lr: 0.01,
            last_finite: Some(123456.0),
        };
        assert_eq!(
            err.to_string(),
            "diverged at step 7 with learning rate 0.01: f = NaN; the last finite \
             value was f = 1.23456e5, at step 6. Try a learning rate below 0.01"
        );
    }

    #[test]
    fn a_value_beyond_the_limit_says_so() {
        let err = Diverged {
            step: 40,
            value: 2.5e10,
            limit: 1e10,
            lr: 0.55,
            last_finite: Some(8e9),
        };
        assert_eq!(
            err.to_string(),
            "diverged at step 40 with learning rate 0.55: f = 2.5e10 is beyond the \
             limit 1e10; the last value within it was f = 8e9, at step 39. Try a \
             learning rate below 0.55"
        );
    }

    #[test]
    fn long_values_are_shown_to_six_significant_digits() {
        // 2.5601715479908394e17 rounds to 2.56017e17 and 5.6204237204918064e7 to
        // 5.62042e7; 1e10 keeps no trailing zeros.
        let err = Diverged {
            step: 3,
            value: 2.5601715479908394e17,
            limit: 1e10,
            lr: 0.01,
            last_finite: Some(5.6204237204918064e7),
        };
        assert_eq!(
            err.to_string(),
            "diverged at step 3 with learning rate 0.01: f = 2.56017e17 is beyond the \
             limit 1e10; the last value within it was f = 5.62042e7, at step 2. Try a \
             learning rate below 0.01"
        );
    }

    #[test]
    fn a_bad_start_is_not_blamed_on_the_learning_rate() {
        let err = Diverged {
            step: 0,
            value: f64::INFINITY,
            limit: 1e10,
            lr: 0.01,
            last_finite: None,
        };
        assert_eq!(
            err.to_string(),
            "the run cannot start: f = inf at the starting point; start where f is \
             finite and within the limit"
        );
    }

    #[test]
    fn a_diverging_run_would_take_nearly_two_thousand_steps_to_overflow() {
        // f = 2 * 1.44^k (descent on 2x^2 with lr 0.55, Section 3.2) passes the
        // largest f64, 1.8e308, when k > ln(1.8e308 / 2) / ln 1.44 = 709.09 / 0.36464
        // = 1944.6: at step 1945.
        let steps = (f64::MAX / 2.0).ln() / 1.44f64.ln();
        assert_close("steps to overflow", steps.ceil(), 1945.0, 0.0);
        assert!(2.0 * 1.44f64.powi(1944) < f64::INFINITY);
        assert_eq!(2.0 * 1.44f64.powi(1945), f64::INFINITY);
    }

    #[test]
    fn norm_of_three_four_is_five() {
        // √(9 + 16) = 5, exact; the empty vector has length 0.
        assert_close("|(3, 4)|", norm(&[3.0, 4.0]), 5.0, 0.0);
        assert_close("|()|", norm::<f64>(&[]), 0.0, 0.0);
    }
}
