//! Chapter 8: backpropagation, layer by layer, trained on handwritten digits.
//!
//! `network` holds the layers and the forward pass that keeps what the backward pass
//! needs; `backward` the layer-by-layer recursion of the deltas and the gradients;
//! `init` the ways to draw the first weights; `optim` SGD with momentum as PyTorch
//! writes it; `data` the UCI digits, their loader and a seeded split; `train` the
//! mini-batch training loop; `engine` the same gradients by chapter 6's engine, as
//! a check; `spread` how activations spread layer by layer for each initialisation;
//! `seed` the seed post's 784-500-10 network; `shapes` the shape check; `fast`, `matmul` and
//! `throughput` a speed-tuned f32 step of the post's network and its timing;
//! `experiments` the text the examples print; `exercises` the learner's answers
//! (or, with `--features solutions`, the reference answers).

pub mod backward;
pub mod batches;
pub mod data;
pub mod engine;
pub mod experiments;
pub mod fast;
pub mod gradcheck;
pub mod init;
pub mod matmul;
pub mod network;
pub mod optim;
pub mod peak;
pub mod real;
pub mod seed;
pub mod shapes;
pub mod spread;
pub mod throughput;
pub mod train;
pub mod worked;

/// The chapter's exercises: the learner's answers in `src/exercises.rs`, or, built
/// with `--features solutions`, the reference answers in `src/solutions.rs`.
#[cfg_attr(feature = "solutions", path = "solutions.rs")]
pub mod exercises;
