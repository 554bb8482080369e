//! Chapter 2: partial derivatives, the gradient, the directional derivative, and the
//! critical points of Himmelblau's function.
//!
//! `partial` holds the chapter's first worked example; `himmelblau` the seed post's
//! test surface and its Hessian; `newton` Newton's method on the gradient; `critical`
//! the kinds of critical point and the nine of Himmelblau's function; `experiments`
//! the text the examples print; `exercises` the learner's answers (or, with
//! `--features solutions`, the reference answers).

pub mod critical;
pub mod experiments;
pub mod himmelblau;
pub mod newton;
pub mod partial;

/// The chapter's exercises: the learner's answers in `src/exercises.rs`, or, built
/// with `--features solutions`, the reference answers in `src/solutions.rs`.
#[cfg_attr(feature = "solutions", path = "solutions.rs")]
pub mod exercises;
