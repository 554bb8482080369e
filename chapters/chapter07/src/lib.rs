//! Chapter 7: the gradients of a sigmoid perceptron with squared error, for one
//! output, for many, and for a batch in matrix form; checked against chapter 6's
//! engine and chapter 1's central differences, and trained on Fisher's iris.
//!
//! `perceptron` holds the forward pass first with loops, the loss, the shape checks
//! and the worked example; `seed` the seed post's two experiments; `checking` the
//! engine's gradient and the central differences; `iris` the data and its loader;
//! `train` the two iris problems and their training; `overlap` the fewest
//! mistakes any line makes, for comparison; `experiments` the text the
//! examples print; `exercises` the learner's answers (or, with `--features
//! solutions`, the reference answers).

/// The array crate this chapter's functions take and return.
pub use ndarray;

pub mod checking;
pub mod experiments;
pub mod iris;
pub mod overlap;
pub mod perceptron;
pub mod seed;
pub mod train;

/// The chapter's exercises: the learner's answers in `src/exercises.rs`, or, built
/// with `--features solutions`, the reference answers in `src/solutions.rs`.
#[cfg_attr(feature = "solutions", path = "solutions.rs")]
pub mod exercises;
