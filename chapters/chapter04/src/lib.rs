//! Chapter 4: linear regression by batch, stochastic and mini-batch descent.
//!
//! `model` holds the linear model as arrays (one row per sample, one column per
//! weight) and the checks of its shapes; `seed` the first seed post's experiment,
//! y = w x on three points, written with loops, and the closed forms of its paths;
//! `noisy` a larger, seeded, noisy data set and the shuffle of an epoch; `train` the
//! loop that records every update of the three kinds of descent; `points` the
//! loading of a small CSV file of points; `two_weights` the second seed post's
//! network y = x w1 w2; `experiments` the text the examples print; `exercises` the
//! learner's answers (or, with `--features solutions`, the reference answers).

/// The array crate this chapter's functions take and return, for crates that call
/// them without depending on it themselves.
pub use ndarray;

pub mod experiments;
pub mod model;
pub mod noisy;
pub mod points;
pub mod seed;
pub mod train;
pub mod two_weights;

/// The chapter's exercises: the learner's answers in `src/exercises.rs`, or, built
/// with `--features solutions`, the reference answers in `src/solutions.rs`.
#[cfg_attr(feature = "solutions", path = "solutions.rs")]
pub mod exercises;
