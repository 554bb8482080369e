//! Chapter 3: gradient descent, momentum and Adam.
//!
//! `quadratic` holds the function on which the learning rate's limits are exact;
//! `double_well` the one-variable function with a shallow minimum that momentum rolls
//! through; `himmelblau` the seed post's surface in any float type, and its critical
//! points; `seed` the seed post's loop; `optim` the `Optimizer` trait, implemented by
//! `sgd::Sgd` and `adam::Adam`; `stopping` the stopping rule and the error of a run
//! that diverges; `experiments` the text the examples print; `exercises` the
//! learner's answers (or, with `--features solutions`, the reference answers).

pub mod adam;
pub mod double_well;
pub mod experiments;
pub mod himmelblau;
pub mod optim;
pub mod quadratic;
pub mod seed;
pub mod sgd;
pub mod stopping;

/// The chapter's exercises: the learner's answers in `src/exercises.rs`, or, built
/// with `--features solutions`, the reference answers in `src/solutions.rs`.
#[cfg_attr(feature = "solutions", path = "solutions.rs")]
pub mod exercises;
