//! Chapter 8 (being written).

pub mod experiments;
pub mod fast;
pub mod matmul;
pub mod throughput;

/// The chapter's exercises: the learner's answers in `src/exercises.rs`, or, built
/// with `--features solutions`, the reference answers in `src/solutions.rs`.
#[cfg_attr(feature = "solutions", path = "solutions.rs")]
pub mod exercises;
