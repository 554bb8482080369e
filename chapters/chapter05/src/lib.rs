//! Chapter 5: activation and loss functions, and their derivatives.
//!
//! `activation` holds the sigmoid, tanh and ReLU of chapter 1 and what their slopes
//! do to a gradient that passes through many layers; `softmax` the softmax as printed
//! in textbooks and the log-sum-exp that makes it safe; `losses` mean squared error,
//! cross-entropy and binary cross-entropy, and the checks of their inputs; `batch`
//! softmax and cross-entropy over the rows of a matrix, for the mini-batches of
//! chapter 8; `experiments` the text the examples print; `exercises` the learner's
//! answers (or, with `--features solutions`, the reference answers); `check` the
//! comparisons of whole arrays that the tests use.

/// The array crate this chapter's functions take and return, for crates that call
/// them without depending on it themselves.
pub use ndarray;

pub mod activation;
pub mod batch;
pub mod check;
pub mod experiments;
pub mod losses;
pub mod softmax;

/// The chapter's exercises: the learner's answers in `src/exercises.rs`, or, built
/// with `--features solutions`, the reference answers in `src/solutions.rs`.
#[cfg_attr(feature = "solutions", path = "solutions.rs")]
pub mod exercises;

/// What the unit tests of the worked modules share.
#[cfg(test)]
mod test_support {
    /// The tolerance of a check whose answer is exact but for rounding: each
    /// operation rounds its result by at most EPSILON / 2 = 1.1e-16 of its size, the
    /// checks that use this round only a few times on numbers near 1, and
    /// `assert_close` allows ROUNDING (1 + |expected|), at least 1e-15.
    pub const ROUNDING: f64 = 1e-15;

    /// The step of every central difference in the unit tests.
    pub const H: f64 = 1e-5;
}
