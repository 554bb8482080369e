//! Chapter 6: the chain rule and a reverse-mode automatic differentiation engine.
//!
//! `chain` holds the chain rule's three cases as worked numbers; `tape` the engine's
//! arena of nodes and its handle `Var`; `ops` the operations and their overloaded
//! operators; `backward` the backward pass, `grad` and `zero_grad`; `custom` the
//! operations a user defines with their own backward rule; `many` `backward()` on
//! several outputs, refused as PyTorch refuses it, and `sum`; `graph` the recorded
//! graph as data, for the figure; `seed` the seed posts'
//! experiments run by the engine; `experiments` the text the examples print;
//! `exercises` the learner's answers (or, with `--features solutions`, the
//! reference answers).

pub mod backward;
pub mod chain;
pub mod custom;
pub mod experiments;
pub mod graph;
pub mod many;
pub mod ops;
pub mod seed;
pub mod tape;

/// The chapter's exercises: the learner's answers in `src/exercises.rs`, or, built
/// with `--features solutions`, the reference answers in `src/solutions.rs`.
#[cfg_attr(feature = "solutions", path = "solutions.rs")]
pub mod exercises;
