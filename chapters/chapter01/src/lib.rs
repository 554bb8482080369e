//! Chapter 1: derivatives, by the rules and by finite differences.
//!
//! `derivative` holds the secant and the tangent; `rules` the rules of
//! differentiation as a table; `activation` the three activation functions the book
//! keeps meeting; `round_off` the error model of finite differences; `experiments`
//! the text the examples print; `exercises` the learner's answers (or, with
//! `--features solutions`, the reference answers); `check` the comparison the tests
//! use.

pub mod activation;
pub mod check;
pub mod derivative;
pub mod experiments;
pub mod round_off;
pub mod rules;

/// The chapter's exercises: the learner's answers in `src/exercises.rs`, or, built
/// with `--features solutions`, the reference answers in `src/solutions.rs`.
#[cfg_attr(feature = "solutions", path = "solutions.rs")]
pub mod exercises;

/// What the unit tests of the worked modules check derivatives against. It is not
/// the learner's `central_difference`, so these tests pass before the exercises are
/// done.
#[cfg(test)]
mod test_support {
    /// The tolerance of a check whose answer is exact but for rounding: each
    /// operation rounds its result by at most EPSILON / 2 = 1.1e-16 of its size, the
    /// checks that use this round only a few times on small numbers, and
    /// `assert_close` allows ROUNDING (1 + |expected|), at least 1e-15.
    pub const ROUNDING: f64 = 1e-15;

    /// (f(x + h) - f(x - h)) / 2h with h = 1e-5: off by at most about
    /// h^2 |f'''| / 6 + EPSILON |f| / h (Section 1.3), times a small factor for
    /// functions that round more than once.
    pub fn central(f: impl Fn(f64) -> f64, x: f64) -> f64 {
        let h = 1e-5;
        (f(x + h) - f(x - h)) / (2.0 * h)
    }
}
